//! Every image the plan shows (in a section's text, and the logo) is decoded
//! in full during `check`, so a truncated, damaged or mislabelled file is an
//! error at the line that names it, not a broken image on the site or a gap
//! in the PDF.
//!
//! The decoders are the ones the PDF writer (krilla) uses — `png`,
//! `zune-jpeg`, `gif`, `image-webp` and `usvg` — so what passes here is what
//! the PDF can draw. Files are decoded in parallel, each once however often
//! it is shown.

use crate::diagnostic::{Diagnostic, Hint, ImageFormat as Format, ImageProblem, Message, Pointer};
use crate::limits::{MAX_IMAGE_FILE, MAX_IMAGE_PIXELS, MAX_SVG_DEPTH};
use crate::load::Files;
use crate::load::yaml::Pos;
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

/// One place an image is shown: the file and position that name it, and
/// the image (relative to the plan folder, and where to read it).
pub(super) struct Shown {
    pub file: String,
    pub pos: Pos,
    pub what: Pointer,
    pub written: String,
    pub rel: String,
    pub path: PathBuf,
}

/// A `broken-image` error at every place that shows an image that cannot
/// be decoded; the images are read from `files`.
pub(super) fn check(shown: &[Shown], files: &Files, diags: &mut Vec<Diagnostic>) {
    let mut unique: Vec<(&str, &Path)> = shown
        .iter()
        .map(|s| (s.rel.as_str(), s.path.as_path()))
        .collect();
    unique.sort_unstable();
    unique.dedup_by_key(|u| u.0);
    let problems: HashMap<&str, ImageProblem> = unique
        .par_iter()
        .filter_map(|(rel, path)| problem(rel, path, files).map(|p| (*rel, p)))
        .collect();
    for s in shown {
        if let Some(problem) = problems.get(s.rel.as_str()) {
            diags.push(
                Diagnostic::at(
                    &s.file,
                    s.pos,
                    Message::BrokenImage {
                        what: s.what,
                        written: s.written.clone(),
                        problem: problem.clone(),
                    },
                )
                .hint(Hint::SaveImageAgain),
            );
        }
    }
}

/// The format a file's name says it has.
fn format_of_name(rel: &str) -> Option<Format> {
    let ext = rel.rsplit_once('.')?.1.to_ascii_lowercase();
    Some(match ext.as_str() {
        "png" => Format::Png,
        "jpg" | "jpeg" => Format::Jpeg,
        "gif" => Format::Gif,
        "webp" => Format::Webp,
        "svg" => Format::Svg,
        _ => return None,
    })
}

/// The format the bytes have, whatever the name says.
fn format_of_bytes(bytes: &[u8]) -> Option<Format> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(Format::Png)
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(Format::Jpeg)
    } else if bytes.starts_with(b"GIF8") {
        Some(Format::Gif)
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some(Format::Webp)
    } else if looks_like_svg(bytes) {
        Some(Format::Svg)
    } else {
        None
    }
}

fn looks_like_svg(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]);
    head.contains("<svg")
}

/// Why the image `rel` (at `path` on disk) cannot be shown.
fn problem(rel: &str, path: &Path, files: &Files) -> Option<ImageProblem> {
    let Some(format) = format_of_name(rel) else {
        return Some(ImageProblem::UnknownFormat);
    };
    let bytes = match files.read(rel, path, MAX_IMAGE_FILE) {
        Ok(bytes) => bytes,
        Err(e) => return Some(ImageProblem::Unreadable((&e).into())),
    };
    if bytes.is_empty() {
        return Some(ImageProblem::Empty);
    }
    if bytes.len() as u64 > MAX_IMAGE_FILE {
        return Some(ImageProblem::FileTooLarge);
    }
    let result = match format {
        Format::Png => png(&bytes),
        Format::Jpeg => jpeg(&bytes),
        Format::Gif => gif(&bytes),
        Format::Webp => webp(&bytes),
        Format::Svg => svg(&bytes),
    };
    let failure = result.err()?;
    Some(match (failure, format_of_bytes(&bytes)) {
        (Failure::TooLarge, _) => ImageProblem::TooManyPixels,
        (Failure::Known(problem), _) => problem,
        (_, Some(actual)) if actual != format => ImageProblem::Mislabelled {
            actual,
            named: format,
        },
        (_, None) if std::str::from_utf8(&bytes).is_ok() && format != Format::Svg => {
            ImageProblem::Text { named: format }
        }
        (Failure::Damaged, _) => ImageProblem::Damaged { format },
    })
}

/// How decoding failed. Decoders' own messages are for programmers (the
/// PNG decoder's name chunks as `ChunkType { … }`), so they are not kept.
enum Failure {
    Damaged,
    TooLarge,
    /// A reason only we can name.
    Known(ImageProblem),
}

fn pixels_ok(width: u64, height: u64) -> Result<(), Failure> {
    if width.saturating_mul(height) > MAX_IMAGE_PIXELS {
        return Err(Failure::TooLarge);
    }
    Ok(())
}

fn png(bytes: &[u8]) -> Result<(), Failure> {
    let mut decoder = png::Decoder::new(Cursor::new(bytes));
    decoder.set_limits(png::Limits {
        bytes: (MAX_IMAGE_PIXELS * 8) as usize,
    });
    let mut reader = decoder.read_info().map_err(png_failure)?;
    let info = reader.info();
    pixels_ok(u64::from(info.width), u64::from(info.height))?;
    let frames = info.animation_control().map_or(1, |a| a.num_frames.max(1));
    let mut buf = vec![0; reader.output_buffer_size().ok_or(Failure::TooLarge)?];
    for _ in 0..frames {
        reader.next_frame(&mut buf).map_err(png_failure)?;
    }
    reader.finish().map_err(png_failure)
}

fn png_failure(e: png::DecodingError) -> Failure {
    match e {
        png::DecodingError::LimitsExceeded => Failure::TooLarge,
        _ => Failure::Damaged,
    }
}

fn jpeg(bytes: &[u8]) -> Result<(), Failure> {
    let options = zune_jpeg::zune_core::options::DecoderOptions::default()
        .set_strict_mode(true)
        .set_max_width(1 << 16)
        .set_max_height(1 << 16);
    let mut decoder = zune_jpeg::JpegDecoder::new_with_options(Cursor::new(bytes), options);
    decoder.decode_headers().map_err(|_| Failure::Damaged)?;
    let (w, h) = decoder.dimensions().ok_or(Failure::Damaged)?;
    pixels_ok(w as u64, h as u64)?;
    decoder.decode().map(drop).map_err(|_| Failure::Damaged)
}

fn gif(bytes: &[u8]) -> Result<(), Failure> {
    let mut options = gif::DecodeOptions::new();
    options.set_color_output(gif::ColorOutput::Indexed);
    options.set_memory_limit(gif::MemoryLimit::Bytes(
        std::num::NonZeroU64::new(MAX_IMAGE_PIXELS).ok_or(Failure::TooLarge)?,
    ));
    let mut decoder = options.read_info(bytes).map_err(|_| Failure::Damaged)?;
    pixels_ok(u64::from(decoder.width()), u64::from(decoder.height()))?;
    let mut frames = 0;
    while decoder
        .read_next_frame()
        .map_err(|_| Failure::Damaged)?
        .is_some()
    {
        frames += 1;
    }
    if frames == 0 {
        return Err(Failure::Known(ImageProblem::NoPicture));
    }
    Ok(())
}

fn webp(bytes: &[u8]) -> Result<(), Failure> {
    let mut decoder =
        image_webp::WebPDecoder::new(Cursor::new(bytes)).map_err(|_| Failure::Damaged)?;
    let (w, h) = decoder.dimensions();
    pixels_ok(u64::from(w), u64::from(h))?;
    let mut buf = vec![0; decoder.output_buffer_size().ok_or(Failure::TooLarge)?];
    decoder.read_image(&mut buf).map_err(|_| Failure::Damaged)
}

/// An SVG must parse, nest no deeper than [`MAX_SVG_DEPTH`] and draw only
/// what it holds: an `<image>` that points to another file would make the
/// PDF writer read that file, wherever it is.
fn svg(bytes: &[u8]) -> Result<(), Failure> {
    let text = if bytes.starts_with(&[0x1F, 0x8B]) {
        // Compressed SVG: unpacked with a bound, so a small file cannot
        // unpack to gigabytes.
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(bytes)
            .take(MAX_IMAGE_FILE + 1)
            .read_to_end(&mut out)
            .map_err(|_| Failure::Damaged)?;
        if out.len() as u64 > MAX_IMAGE_FILE {
            return Err(Failure::TooLarge);
        }
        String::from_utf8(out).map_err(|_| Failure::Damaged)?
    } else {
        String::from_utf8(bytes.to_vec()).map_err(|_| Failure::Damaged)?
    };
    let xml = usvg::roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let doc =
        usvg::roxmltree::Document::parse_with_options(&text, xml).map_err(|_| Failure::Damaged)?;
    if depth(&doc) > MAX_SVG_DEPTH {
        return Err(Failure::Known(ImageProblem::SvgTooDeep));
    }
    let outside = std::sync::Mutex::new(None::<String>);
    let options = usvg::Options {
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: usvg::ImageHrefResolver::default_data_resolver(),
            resolve_string: Box::new(|href: &str, _: &usvg::Options| {
                if let Ok(mut first) = outside.lock() {
                    first.get_or_insert_with(|| href.to_string());
                }
                None
            }),
        },
        ..usvg::Options::default()
    };
    usvg::Tree::from_xmltree(&doc, &options).map_err(|e| match e {
        usvg::Error::ElementsLimitReached
        | usvg::Error::ParsingFailed(usvg::roxmltree::Error::NodesLimitReached) => {
            Failure::Known(ImageProblem::SvgTooManyElements)
        }
        usvg::Error::InvalidSize => Failure::Known(ImageProblem::SvgNoSize),
        _ => Failure::Damaged,
    })?;
    drop(options);
    match outside.into_inner().ok().flatten() {
        Some(href) => Err(Failure::Known(ImageProblem::SvgDrawsFile {
            href: href.chars().take(60).collect(),
        })),
        None => Ok(()),
    }
}

/// How deeply the document's elements nest, counted without recursion.
fn depth(doc: &usvg::roxmltree::Document) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(doc.root(), 0usize)];
    while let Some((node, d)) = stack.pop() {
        deepest = deepest.max(d);
        stack.extend(
            node.children()
                .filter(|c| c.is_element())
                .map(|c| (c, d + 1)),
        );
    }
    deepest
}

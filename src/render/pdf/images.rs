//! Image files for the PDF: reading them from the plan folder (and only
//! from there), telling their format and size. SVG is read with usvg, the
//! same parser the backend draws it with; it may not load anything from
//! outside the file (no linked images, no system fonts).

use super::display::ImageFormat;
use std::path::Path;
use std::sync::Arc;

/// An image file the PDF can draw, with its size in pixels (CSS pixels
/// for SVG).
pub struct Picture {
    pub bytes: Arc<Vec<u8>>,
    pub format: ImageFormat,
    pub w: f32,
    pub h: f32,
}

/// Reads `rel` (relative to the plan folder) when it is a PNG, JPEG or
/// SVG file inside the plan folder.
pub fn read(root: &Path, rel: &str) -> Option<Picture> {
    let root = root.canonicalize().ok()?;
    let path = root.join(rel).canonicalize().ok()?;
    if !path.starts_with(&root) {
        return None;
    }
    let bytes = std::fs::read(&path).ok()?;
    let (format, w, h) = if let Some((w, h)) = raster_size(&bytes) {
        let format = if bytes.starts_with(b"\x89PNG") {
            ImageFormat::Png
        } else {
            ImageFormat::Jpeg
        };
        (format, w as f32, h as f32)
    } else {
        let tree = svg_tree(&bytes, None)?;
        (ImageFormat::Svg, tree.size().width(), tree.size().height())
    };
    (w > 0.0 && h > 0.0).then(|| Picture {
        bytes: Arc::new(bytes),
        format,
        w,
        h,
    })
}

/// Parses an SVG file. With `fonts`, its text is laid out in them (and
/// only them); without, the size is all that is wanted.
pub fn svg_tree(bytes: &[u8], fonts: Option<Arc<usvg::fontdb::Database>>) -> Option<usvg::Tree> {
    let looks_like_svg = std::str::from_utf8(bytes)
        .ok()
        .is_some_and(|t| t.contains("<svg"));
    if !looks_like_svg {
        return None;
    }
    let mut options = usvg::Options {
        // Linked files are not read: only images inside the SVG as data URLs.
        resources_dir: None,
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: usvg::ImageHrefResolver::default_data_resolver(),
            resolve_string: Box::new(|_, _| None),
        },
        font_family: "Noto Sans".to_string(),
        ..usvg::Options::default()
    };
    if let Some(fonts) = fonts {
        options.fontdb = fonts;
    }
    usvg::Tree::from_data(bytes, &options).ok()
}

/// Pixel size of a PNG or JPEG.
pub fn raster_size(b: &[u8]) -> Option<(u32, u32)> {
    if b.len() > 24 && b.starts_with(b"\x89PNG\r\n\x1a\n") {
        let w = u32::from_be_bytes(b[16..20].try_into().ok()?);
        let h = u32::from_be_bytes(b[20..24].try_into().ok()?);
        return (w > 0 && h > 0).then_some((w, h));
    }
    if b.len() > 4 && b[0] == 0xFF && b[1] == 0xD8 {
        let mut i = 2;
        while i + 9 < b.len() {
            if b[i] != 0xFF {
                i += 1;
                continue;
            }
            let m = b[i + 1];
            let len = u16::from_be_bytes([b[i + 2], b[i + 3]]) as usize;
            if (0xC0..=0xCF).contains(&m) && m != 0xC4 && m != 0xC8 && m != 0xCC {
                let h = u16::from_be_bytes([b[i + 5], b[i + 6]]) as u32;
                let w = u16::from_be_bytes([b[i + 7], b[i + 8]]) as u32;
                return (w > 0 && h > 0).then_some((w, h));
            }
            i += 2 + len;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn images_in(group: &usvg::Group) -> usize {
        group
            .children()
            .iter()
            .map(|node| match node {
                usvg::Node::Image(_) => 1,
                usvg::Node::Group(g) => images_in(g),
                _ => 0,
            })
            .sum()
    }

    /// An SVG that links a file on the machine draws nothing of it, even
    /// if the check (which refuses such an SVG) were bypassed.
    #[test]
    fn an_svg_reads_nothing_outside_itself() {
        let dir = tempfile::tempdir().unwrap();
        let secret = dir.path().join("secret.png");
        let mut png = Vec::new();
        {
            let mut encoder = png::Encoder::new(&mut png, 1, 1);
            encoder.set_color(png::ColorType::Grayscale);
            let mut writer = encoder.write_header().unwrap();
            writer.write_image_data(&[0]).unwrap();
        }
        std::fs::write(&secret, png).unwrap();
        let svg = format!(
            r##"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="200" height="100">
<image href="{p}" width="100" height="100"/><image xlink:href="file://{p}" x="100" width="100" height="100"/>
<rect x="0" y="0" width="20" height="20" fill="#2a9d8f"/></svg>"##,
            p = secret.display()
        );
        let tree = svg_tree(svg.as_bytes(), None).expect("the SVG parses");
        assert_eq!(images_in(tree.root()), 0);
        assert_eq!(tree.root().children().len(), 1, "the rectangle stays");
    }
}

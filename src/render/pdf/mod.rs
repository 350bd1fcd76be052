//! The PDF plan: an A4 document with a cover, a table of contents, running
//! header and footer, every section with its goal tables and charts, an
//! outline and metadata.
//!
//! [`layout`] turns the plan into a neutral display list ([`display`]);
//! [`writer`] draws that list with printpdf; [`post`] finishes the file with
//! lopdf (outline, language, metadata, compression).

pub mod display;
pub mod fonts;
pub mod hyphenate;
pub mod layout;
pub mod post;
pub mod save;
pub mod style;
pub mod text;
pub mod writer;

use crate::diagnostic::{Diagnostic, Hint, Message, PdfStyleProblem};
use crate::model::Plan;
use crate::theme::Theme;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum PdfError {
    #[error("the PDF style in {origin} is not valid: {problem}")]
    Style {
        origin: String,
        /// Where in the file, when the YAML parser could say.
        pos: Option<crate::load::yaml::Pos>,
        problem: PdfStyleProblem,
    },
    #[error("font problem: {0}")]
    Font(String),
    #[error("cannot embed an image in the PDF: {0}")]
    Image(String),
    #[error("cannot finish the PDF file: {0}")]
    Post(String),
}

impl PdfError {
    /// A style error is the theme author's to fix: report it like any other
    /// problem in the plan's files, with code `pdf-style`.
    pub fn as_diagnostic(&self) -> Option<Diagnostic> {
        match self {
            PdfError::Style {
                origin,
                pos,
                problem,
            } => Some(
                Diagnostic::new(origin, *pos, Message::PdfStyle(problem.clone()))
                    .hint(Hint::SeePdfYaml),
            ),
            _ => None,
        }
    }
}

/// A rendered PDF and what the renderer has to say about it.
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub pages: usize,
    /// Warnings, e.g. characters the font cannot draw.
    pub diagnostics: Vec<Diagnostic>,
}

/// Renders the plan as a PDF.
pub fn render(plan: &Plan, theme: &Theme) -> Result<Rendered, PdfError> {
    let timing = std::env::var_os("PLANPRESS_TIMING").is_some();
    let t0 = std::time::Instant::now();
    let lap = |what: &str| {
        if timing {
            eprintln!("pdf: {what} at {:.3} s", t0.elapsed().as_secs_f64());
        }
    };
    let style = style::Style::load(theme, &plan.meta.brand.primary)?;
    let fonts = fonts::Fonts::load()?;
    let hyph = hyphenate::Hyphenation::for_language(plan.meta.language);
    let (mut doc, missing) = layout::Layout::new(plan, theme, &style, &fonts, &hyph).run();
    lap("layout");
    let pages = doc.pages.len();
    let outline = std::mem::take(&mut doc.outline);
    let height = doc.height;
    let tagged = writer::tagging();
    let (lo, links, tags) = writer::write(doc, &fonts, &plan.meta.title, tagged)?;
    release_free_memory();
    lap("printpdf");
    let created = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs())
        });
    let subject = plan.meta.subtitle.clone().unwrap_or_default();
    let info = post::Info {
        title: &plan.meta.title,
        author: &plan.meta.organisation,
        subject: &subject,
        lang: plan.meta.language.code(),
        created,
    };
    let bytes = post::finish(lo, &links, &outline, height, &info, tagged.then_some(&tags))?;
    lap("lopdf");
    let diagnostics = missing
        .into_iter()
        .map(|m| Diagnostic::new(&m.source, None, Message::MissingGlyph { ch: m.ch }))
        .collect();
    Ok(Rendered {
        bytes,
        pages,
        diagnostics,
    })
}

/// Hands memory freed so far back to the system. The chunk documents are
/// built on worker threads, so glibc keeps what they leave behind in those
/// threads' arenas, where the single-threaded finishing work cannot reuse
/// it: without this, that work's allocations come on top of it and raise
/// the peak resident memory of a large tagged PDF by tens of megabytes.
fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        unsafe extern "C" {
            fn malloc_trim(pad: usize) -> i32;
        }
        // SAFETY: malloc_trim only returns free pages to the kernel; it is
        // safe to call at any time, from any thread.
        unsafe {
            malloc_trim(0);
        }
    }
}

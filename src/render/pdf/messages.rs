//! Every problem the PDF renderer reports, with the place in the plan it
//! belongs to. The words are in the plan's catalogue (`crate::diagnostic`);
//! this only says which message and where.

use crate::diagnostic::{Diagnostic, Hint, Message};
use crate::load::yaml::Pos;

/// A problem the PDF renderer found, and where.
#[derive(Debug, Clone, PartialEq)]
pub enum PdfProblem {
    /// A character the body font has no glyph for; drawn as `?`.
    MissingGlyph { file: String, ch: char },
    /// A table too wide for the page even in bands of columns.
    TableTooWide {
        file: String,
        line: Option<u32>,
        min_size: f32,
    },
    /// An image that cannot be drawn (a broken PNG or JPEG).
    Image {
        file: String,
        line: Option<u32>,
        reason: String,
    },
    /// A figure without a text alternative.
    FigureWithoutAlt { file: String, line: Option<u32> },
    /// A link without a description.
    LinkWithoutDescription { file: String, line: Option<u32> },
    /// A heading with no text.
    HeadingWithoutText,
    /// A character the PDF cannot map back to Unicode text.
    UnmappableText {
        file: String,
        line: Option<u32>,
        text: String,
    },
    /// Something else PDF/UA-1 does not allow.
    NotConformant { what: String },
    /// The PDF library refused the document (a bug in planpress).
    Write { what: String },
}

impl PdfProblem {
    /// The problem as a diagnostic of the plan.
    pub fn diagnostic(&self) -> Diagnostic {
        use PdfProblem as P;
        let (file, line, message, hint) = match self {
            P::MissingGlyph { file, ch } => {
                (file.as_str(), None, Message::MissingGlyph { ch: *ch }, None)
            }
            P::TableTooWide {
                file,
                line,
                min_size,
            } => (
                file.as_str(),
                *line,
                Message::TableTooWide {
                    min_size: *min_size,
                },
                Some(Hint::SplitWideTable),
            ),
            P::Image { file, line, reason } => (
                file.as_str(),
                *line,
                Message::ImageNotDrawable {
                    reason: reason.clone(),
                },
                Some(Hint::SaveImageAgain),
            ),
            P::FigureWithoutAlt { file, line } => (
                file.as_str(),
                *line,
                Message::FigureWithoutAlt,
                Some(Hint::DescribeImage),
            ),
            P::LinkWithoutDescription { file, line } => (
                file.as_str(),
                *line,
                Message::LinkWithoutText,
                Some(Hint::WriteLinkText),
            ),
            P::HeadingWithoutText => (
                "plan.yaml",
                None,
                Message::HeadingWithoutText,
                Some(Hint::GiveHeadingWords),
            ),
            P::UnmappableText { file, line, text } => (
                file.as_str(),
                *line,
                Message::UnmappableText { text: text.clone() },
                Some(Hint::ReplaceCharacter),
            ),
            P::NotConformant { what } => (
                "plan.yaml",
                None,
                Message::NotConformant { what: what.clone() },
                Some(Hint::ReportBug),
            ),
            P::Write { what } => (
                "plan.yaml",
                None,
                Message::PdfNotWritten { what: what.clone() },
                Some(Hint::ReportBug),
            ),
        };
        let pos = line.map(|line| Pos { line, column: 1 });
        Diagnostic::new(file, pos, message).maybe_hint(hint)
    }
}

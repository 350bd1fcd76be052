//! Every problem the PDF renderer reports, with its stable code and its
//! words, in one place (for the plan's shared catalogue of messages).

use crate::diagnostic::{Diagnostic, Severity};
use crate::load::yaml::Pos;

/// A problem the PDF renderer found, and where.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
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

impl Message {
    pub fn code(&self) -> &'static str {
        match self {
            Message::MissingGlyph { .. } => "pdf-missing-glyph",
            Message::TableTooWide { .. } => "pdf-table-too-wide",
            Message::Image { .. } => "pdf-image",
            Message::FigureWithoutAlt { .. } => "pdf-figure-without-alt",
            Message::LinkWithoutDescription { .. } => "pdf-link-without-description",
            Message::HeadingWithoutText => "pdf-heading-without-text",
            Message::UnmappableText { .. } => "pdf-unmappable-text",
            Message::NotConformant { .. } => "pdf-not-conformant",
            Message::Write { .. } => "pdf-write",
        }
    }

    pub fn severity(&self) -> Severity {
        match self {
            Message::MissingGlyph { .. } | Message::TableTooWide { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }

    fn text(&self) -> (String, Option<&'static str>) {
        match self {
            Message::MissingGlyph { ch, .. } => (
                format!(
                    "the PDF font has no glyph for {ch:?} (U+{:04X}); it is shown as `?` in the PDF",
                    *ch as u32
                ),
                None,
            ),
            Message::TableTooWide { min_size, .. } => (
                format!(
                    "this table is too wide for the PDF's page even in {min_size} pt type and in bands of columns, so some of its words are cut between letters"
                ),
                Some("shorten its longest words or figures, or split it into two tables"),
            ),
            Message::Image { reason, .. } => (
                format!("this image cannot be drawn in the PDF: {reason}"),
                Some("save it again as PNG, JPEG or SVG"),
            ),
            Message::FigureWithoutAlt { .. } => (
                "this image has no text alternative, which PDF/UA requires".into(),
                Some("write what the image shows between the brackets: ![what it shows](file)"),
            ),
            Message::LinkWithoutDescription { .. } => (
                "this link has no text, which PDF/UA requires".into(),
                Some("write the link's text between the brackets: [text](address)"),
            ),
            Message::HeadingWithoutText => (
                "a heading in the PDF has no text, which PDF/UA requires".into(),
                Some("give every heading some words"),
            ),
            Message::UnmappableText { text, .. } => (
                format!("the PDF cannot store {text:?} as text a reader can extract"),
                Some("replace the character with a common one"),
            ),
            Message::NotConformant { what } => (
                format!("the PDF would not conform to PDF/UA-1: {what}"),
                None,
            ),
            Message::Write { what } => (
                format!("the PDF could not be written: {what}"),
                Some("this is a bug in planpress; please report it with the plan"),
            ),
        }
    }

    /// The message as a diagnostic of the plan.
    pub fn diagnostic(&self) -> Diagnostic {
        let (file, line) = match self {
            Message::MissingGlyph { file, .. } => (file.as_str(), None),
            Message::TableTooWide { file, line, .. }
            | Message::Image { file, line, .. }
            | Message::FigureWithoutAlt { file, line }
            | Message::LinkWithoutDescription { file, line }
            | Message::UnmappableText { file, line, .. } => (file.as_str(), *line),
            _ => ("plan.yaml", None),
        };
        let (message, hint) = self.text();
        let pos = line.map(|line| Pos { line, column: 1 });
        Diagnostic::new(self.severity(), self.code(), file, pos, message)
            .maybe_hint(hint.map(String::from))
    }
}

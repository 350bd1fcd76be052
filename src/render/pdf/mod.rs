//! The PDF plan: an A4 document with a cover, a table of contents, running
//! header and footer, every section with its goal tables and charts, an
//! outline and metadata, tagged as PDF/UA-1.
//!
//! [`layout`] turns the plan into a neutral display list ([`display`]);
//! [`write`] draws that list with krilla, the only module that knows how a
//! PDF is written. [`messages`] holds every problem either can report.

pub mod display;
pub mod fonts;
pub mod hyphenate;
pub mod images;
pub mod layout;
pub mod messages;
pub mod style;
mod write;

use super::{RenderContext, RenderError, Rendered, Renderer};
use crate::diagnostic::{Diagnostic, Hint, Message, PdfStyleProblem};
use crate::model::Plan;
use crate::theme::Theme;
use layout::Problem;
use messages::PdfProblem;
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
}

impl PdfError {
    /// As a problem of the plan's files: a style error (code `pdf-style`)
    /// is the theme author's to fix.
    pub fn diagnostic(&self) -> Diagnostic {
        match self {
            PdfError::Style {
                origin,
                pos,
                problem,
            } => Diagnostic::new(origin, *pos, Message::PdfStyle(problem.clone()))
                .hint(Hint::SeePdfYaml),
            PdfError::Font(what) => PdfProblem::Write { what: what.clone() }.diagnostic(),
        }
    }
}

/// The PDF renderer: writes `<slug>.pdf`.
pub struct Pdf;

impl Pdf {
    /// The PDF's file name: the plan's title as a slug.
    pub fn file_name(plan: &Plan) -> String {
        format!(
            "{}.pdf",
            crate::markdown::file_stem(&plan.meta.title, "plan")
        )
    }
}

impl Renderer for Pdf {
    fn name(&self) -> &'static str {
        "pdf"
    }

    fn render(&self, ctx: &RenderContext<'_>) -> Result<Rendered, RenderError> {
        let pdf = render(ctx.plan, ctx.theme, ctx)?;
        let name = Pdf::file_name(ctx.plan);
        (ctx.write)(&name, &pdf.bytes).map_err(|source| RenderError::Write {
            file: name.clone(),
            source,
        })?;
        Ok(Rendered {
            files: vec![name],
            diagnostics: pdf.diagnostics,
        })
    }
}

/// A rendered PDF and what the renderer has to say about it.
pub struct Output {
    pub bytes: Vec<u8>,
    /// Warnings, e.g. characters the font cannot draw.
    pub diagnostics: Vec<Diagnostic>,
}

/// Renders the plan as PDF bytes.
pub fn render(plan: &Plan, theme: &Theme, ctx: &RenderContext<'_>) -> Result<Output, RenderError> {
    let problem = |e: PdfError| RenderError::Problems(vec![e.diagnostic()]);
    let style = style::Style::load(theme, &plan.meta.brand.primary).map_err(problem)?;
    let fonts = fonts::Fonts::load(style.file.text.kerning).map_err(problem)?;
    let hyph = hyphenate::Hyphenation::for_language(plan.meta.language);
    let env = layout::Env {
        plan,
        theme,
        st: &style,
        fonts: &fonts,
        hyph: &hyph,
        xref: None,
        today: crate::model::Date::from_unix(ctx.options.date),
    };
    let (doc, problems) = layout::lay_out(env);
    ctx.clock.lap("pdf: layout");
    let mut warnings: Vec<PdfProblem> = Vec::new();
    for p in problems {
        let m = match p {
            Problem::MissingGlyph { ch, file } => PdfProblem::MissingGlyph { file, ch },
            Problem::TableTooWide { file, line } => PdfProblem::TableTooWide {
                file,
                line,
                min_size: style.file.tables.min_size_pt,
            },
        };
        if !warnings.contains(&m) {
            warnings.push(m);
        }
    }
    let subject = plan.meta.subtitle.clone().unwrap_or_default();
    let info = write::Info {
        title: &plan.meta.title,
        author: &plan.meta.organisation,
        subject: &subject,
        lang: plan.meta.language.code(),
        created: ctx.options.date,
        tagged: ctx.options.tagged,
    };
    let bytes = write::write(doc, &fonts, &info, &|stage| ctx.clock.lap(stage)).map_err(|m| {
        RenderError::Problems(
            warnings
                .iter()
                .chain(&m)
                .map(PdfProblem::diagnostic)
                .collect(),
        )
    })?;
    Ok(Output {
        bytes,
        diagnostics: warnings.iter().map(PdfProblem::diagnostic).collect(),
    })
}

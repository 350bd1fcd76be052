//! planpress turns a folder of Markdown plan sections with YAML front matter
//! into a publishable plan.
//!
//! The pipeline, one module a stage:
//! [`load`] reads the folder → [`validate`] checks every rule and types it
//! into the [`model`] → renderers and [`export`] write the outputs.
//! [`check`] and [`build`] are the two entry points the CLI uses.

pub mod chart;
pub mod diagnostic;
pub mod export;
pub mod load;
pub mod locale;
pub mod markdown;
pub mod model;
mod output;
pub mod render;
pub mod theme;
pub mod validate;

use diagnostic::{Diagnostic, Severity, Sources};
use model::Plan;
use std::path::{Path, PathBuf};
use thiserror::Error;

pub use load::LoadError;

/// What `check` found.
pub struct Checked {
    pub diagnostics: Vec<Diagnostic>,
    /// File texts, for drawing diagnostics with source lines.
    pub sources: Sources,
    /// The typed plan, when there are no errors.
    pub plan: Option<Plan>,
}

impl Checked {
    pub fn errors(&self) -> usize {
        diagnostic::count(&self.diagnostics).0
    }
    pub fn warnings(&self) -> usize {
        diagnostic::count(&self.diagnostics).1
    }
    /// Whether the build may go on: no errors, and no warnings under `strict`.
    pub fn passes(&self, strict: bool) -> bool {
        self.errors() == 0 && (!strict || self.warnings() == 0)
    }
}

/// Loads and validates the plan in `dir`.
pub fn check(dir: &Path) -> Result<Checked, LoadError> {
    let loaded = load::load(dir)?;
    let validated = validate::validate(&loaded);
    Ok(Checked {
        diagnostics: validated.diagnostics,
        sources: loaded.sources,
        plan: validated.plan,
    })
}

/// One of the things a build writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// `goals.json` and `goals.csv`.
    Data,
    /// `<slug>.pdf`, the print-ready plan.
    Pdf,
}

impl Output {
    pub const ALL: [Output; 2] = [Output::Data, Output::Pdf];
}

pub struct BuildOptions {
    /// Defaults to `output/` in the plan folder.
    pub out: Option<PathBuf>,
    /// Empty means everything.
    pub only: Vec<Output>,
    /// Warnings stop the build too.
    pub strict: bool,
}

#[derive(Debug, Error)]
pub enum BuildError {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error("the plan has problems; nothing was written")]
    Invalid,
    #[error("the theme has problems: {0}")]
    Theme(String),
    #[error("cannot render the PDF: {0}")]
    Pdf(#[from] render::pdf::PdfError),
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// What a build did.
pub struct Built {
    pub checked: Checked,
    /// The output folder, now holding the new files.
    pub out: PathBuf,
    /// Files written, relative to `out`.
    pub files: Vec<String>,
}

/// Checks the plan and, when it passes, writes the chosen outputs. The old
/// output stays untouched until everything new is written.
pub fn build(dir: &Path, options: &BuildOptions) -> Result<Built, (BuildError, Option<Checked>)> {
    let checked = check(dir).map_err(|e| (e.into(), None))?;
    let plan = match &checked.plan {
        Some(plan) if checked.passes(options.strict) => plan,
        _ => return Err((BuildError::Invalid, Some(checked))),
    };
    let out = options.out.clone().unwrap_or_else(|| dir.join("output"));
    let wanted = |o: Output| options.only.is_empty() || options.only.contains(&o);
    let mut extra: Vec<Diagnostic> = Vec::new();
    let result = (|| {
        let stage = output::Stage::new(&out)?;
        let mut files = Vec::new();
        if wanted(Output::Data) {
            stage.write("goals.json", export::json(plan).as_bytes())?;
            let csv_path = stage.path("goals.csv");
            export::csv(plan, &csv_path).map_err(|source| BuildError::Write {
                path: csv_path,
                source,
            })?;
            files.extend(["goals.json".to_string(), "goals.csv".to_string()]);
        }
        if wanted(Output::Pdf) {
            let theme = theme::Theme::load(&plan.root, &plan.meta.theme, plan.meta.language).map_err(|d| {
                BuildError::Theme(d.iter().map(|d| format!("{}: {}", d.file, d.message)).collect::<Vec<_>>().join("; "))
            })?;
            let rendered = render::pdf::render(plan, &theme)?;
            let name = format!("{}.pdf", markdown::slugify(&plan.meta.title));
            stage.write(&name, &rendered.bytes)?;
            extra.extend(rendered.diagnostics);
            files.push(name);
        }
        stage.commit()?;
        Ok(files)
    })();
    let mut checked = checked;
    checked.diagnostics.extend(extra);
    match result {
        Ok(files) => Ok(Built {
            checked,
            out,
            files,
        }),
        Err(e) => Err((e, Some(checked))),
    }
}

/// Counts used in summaries.
pub fn summary_counts(plan: &Plan) -> (usize, usize, usize) {
    let sections = plan.all_sections().len();
    let goals = plan.all_goals();
    let indicators = goals.iter().map(|(_, g)| g.indicators.len()).sum();
    (sections, goals.len(), indicators)
}

#[doc(hidden)]
pub fn has_errors(diags: &[Diagnostic]) -> bool {
    diags.iter().any(|d| d.severity == Severity::Error)
}

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
pub mod limits;
pub mod load;
pub mod locale;
pub mod markdown;
pub mod model;
mod output;
mod par;
pub mod render;
pub mod theme;
pub mod url;
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
    /// `site/`: the static website.
    Site,
    /// `<slug>.pdf`, the print-ready plan.
    Pdf,
}

impl Output {
    pub const ALL: [Output; 3] = [Output::Data, Output::Site, Output::Pdf];
}

pub struct BuildOptions {
    /// Defaults to `output/` in the plan folder.
    pub out: Option<PathBuf>,
    /// Empty means everything.
    pub only: Vec<Output>,
    /// Warnings stop the build too.
    pub strict: bool,
    /// Write into an output folder that holds files planpress did not
    /// write (its own outputs there are replaced; nothing else is touched).
    pub force: bool,
}

#[derive(Debug, Error)]
pub enum BuildError {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error("the plan has problems; nothing was written")]
    Invalid,
    /// The theme or a renderer found problems (a template error, say).
    #[error("the output could not be rendered; nothing was written")]
    Render(Vec<Diagnostic>),
    #[error("cannot render the PDF: {0}")]
    Pdf(#[from] render::pdf::PdfError),
    #[error("will not write to {}: it {reason}", diagnostic::shown_path(path))]
    OutputRefused { path: PathBuf, reason: &'static str },
    #[error(
        "will not write to {}: it holds files planpress did not write; give a new or empty folder with --out, or add --force to write planpress's files beside them",
        diagnostic::shown_path(.0)
    )]
    OutputNotOurs(PathBuf),
    #[error("cannot read {}: {source}", diagnostic::shown_path(path))]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write {}: {source}", diagnostic::shown_path(path))]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Why a build wrote nothing, with what the check found when it got that far.
pub struct BuildFailure {
    pub error: BuildError,
    pub checked: Option<Box<Checked>>,
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
pub fn build(dir: &Path, options: &BuildOptions) -> Result<Built, BuildFailure> {
    let timer = Timer::start();
    let checked = check(dir).map_err(|e| BuildFailure {
        error: e.into(),
        checked: None,
    })?;
    let plan = match &checked.plan {
        Some(plan) if checked.passes(options.strict) => plan,
        _ => {
            return Err(BuildFailure {
                error: BuildError::Invalid,
                checked: Some(Box::new(checked)),
            });
        }
    };
    let out = options.out.clone().unwrap_or_else(|| dir.join("output"));
    let wanted = |o: Output| options.only.is_empty() || options.only.contains(&o);
    timer.lap("check");
    let mut warnings: Vec<Diagnostic> = Vec::new();
    let result = (|| {
        let stage = output::Stage::new(&out, &plan.root, options.force)?;
        let mut files = Vec::new();
        let theme = if wanted(Output::Site) || wanted(Output::Pdf) {
            Some(
                theme::Theme::load(&plan.root, &plan.meta.theme, plan.meta.language)
                    .map_err(BuildError::Render)?,
            )
        } else {
            None
        };
        let pdf_name = format!("{}.pdf", markdown::file_stem(&plan.meta.title, "plan"));
        let mut pdf: Option<Vec<u8>> = None;
        if let (true, Some(theme)) = (wanted(Output::Pdf), &theme) {
            let rendered =
                render::pdf::render(plan, theme).map_err(|e| match e.as_diagnostic() {
                    Some(d) => BuildError::Render(vec![d]),
                    None => BuildError::Pdf(e),
                })?;
            // Renderer warnings (a character the font lacks) obey --strict too.
            if options.strict && !rendered.diagnostics.is_empty() {
                return Err(BuildError::Render(rendered.diagnostics));
            }
            stage.write(&pdf_name, &rendered.bytes)?;
            warnings.extend(rendered.diagnostics);
            files.push(pdf_name.clone());
            pdf = Some(rendered.bytes);
            timer.lap("pdf");
        }
        if let (true, Some(theme)) = (wanted(Output::Site), &theme) {
            // The site carries the PDF too, so the published site can link to
            // it: this build's, or the one a previous build left.
            let pdf = pdf.or_else(|| stage.previous(&pdf_name));
            if let Some(bytes) = &pdf {
                stage.write(&format!("site/{pdf_name}"), bytes)?;
            }
            let pdf_link = pdf.is_some().then_some(pdf_name.as_str());
            render::html::render(plan, theme, pdf_link, &|rel, bytes| {
                stage.write(&format!("site/{rel}"), bytes)
            })?;
            // The files check accepted: the same confined walk of content/.
            let content =
                load::confine::walk_content(&plan.root).map_err(|e| BuildError::Read {
                    path: e
                        .path()
                        .map_or_else(|| plan.root.join("content"), Path::to_path_buf),
                    source: e
                        .into_io_error()
                        .unwrap_or_else(|| std::io::Error::other("file system loop")),
                })?;
            for asset in &content.assets {
                let bytes = std::fs::read(&asset.path).map_err(|source| BuildError::Read {
                    path: asset.path.clone(),
                    source,
                })?;
                stage.write(
                    &format!("site/{}", render::html::asset_href(&asset.rel)),
                    &bytes,
                )?;
            }
            files.push("site/".to_string());
            timer.lap("site");
        }
        if wanted(Output::Data) {
            stage.write("goals.json", export::json(plan).as_bytes())?;
            let csv_path = stage.path("goals.csv");
            export::csv(plan, &csv_path).map_err(|source| BuildError::Write {
                path: csv_path,
                source,
            })?;
            files.extend(["goals.json".to_string(), "goals.csv".to_string()]);
            timer.lap("data");
        }
        stage.commit()?;
        timer.lap("swap in");
        Ok(files)
    })();
    let mut checked = checked;
    checked.diagnostics.extend(warnings);
    match result {
        Ok(files) => Ok(Built {
            checked,
            out,
            files,
        }),
        Err(error) => Err(BuildFailure {
            error,
            checked: Some(Box::new(checked)),
        }),
    }
}

/// Prints how long each stage took when `PLANPRESS_TIMING` is set, for
/// benchmarking.
struct Timer(Option<std::time::Instant>);

impl Timer {
    fn start() -> Timer {
        Timer(std::env::var_os("PLANPRESS_TIMING").map(|_| std::time::Instant::now()))
    }

    fn lap(&self, stage: &str) {
        if let Some(t0) = self.0 {
            eprintln!(
                "timing: {stage} done at {:.3} s",
                t0.elapsed().as_secs_f64()
            );
        }
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

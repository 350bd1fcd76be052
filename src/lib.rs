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
pub mod figures;
pub mod followup;
pub mod limits;
pub mod live;
pub mod load;
pub mod locale;
pub mod markdown;
pub mod model;
mod output;
pub mod palette;
pub mod render;
pub mod scaffold;
pub mod serve;
pub mod theme;
pub mod url;
pub mod validate;
pub mod when;

use diagnostic::{Diagnostic, Fatal, Sources};
use model::{Language, Plan};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

pub use load::LoadError;

/// What `check` found.
pub struct Checked {
    pub diagnostics: Vec<Diagnostic>,
    /// File texts, for drawing diagnostics with source lines.
    pub sources: Sources,
    /// The typed plan, when there are no errors.
    pub plan: Option<Plan>,
    /// The plan's language as far as plan.yaml could be read: the language
    /// to report in unless the caller chooses another.
    pub language: Language,
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
    Ok(check_keeping(dir, false)?.0)
}

/// [`check`], and with `keep`, what it read and learnt when the plan names
/// an adopted version: that version is mostly the same files, and the
/// build reads it next.
fn check_keeping(
    dir: &Path,
    keep: bool,
) -> Result<(Checked, Option<followup::history::Known>), LoadError> {
    let loaded = load::load(dir)?;
    let keep = keep && followup::history::Known::wanted(&loaded);
    let mut cache = if keep {
        validate::Cache::new()
    } else {
        validate::Cache::default()
    };
    let validated = validate::validate_with(&loaded, &mut cache);
    let (sources, known) = if keep {
        let sources = loaded.sources.clone();
        (sources, Some(followup::history::Known { loaded, cache }))
    } else {
        (loaded.sources, None)
    };
    let checked = Checked {
        diagnostics: validated.diagnostics,
        sources,
        plan: validated.plan,
        language: validated.language,
    };
    Ok((checked, known))
}

/// The language of the plan in `dir` as far as its plan.yaml can be read,
/// for reporting a problem that stopped `check` before it got that far.
pub fn plan_language(dir: &Path) -> Option<Language> {
    let text = std::fs::read_to_string(dir.join("plan.yaml")).ok()?;
    validate::plan_language(&text)
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
    /// How the renderers work (tagging, the documents' date, timing).
    pub render: render::Options,
    /// Write into an output folder that holds files planpress did not
    /// write (its own outputs there are replaced; nothing else is touched).
    pub force: bool,
    /// Make the status report as of the end of this period (`--report
    /// 2026-Q2`) rather than of every figure.
    pub report: Option<model::When>,
}

#[derive(Debug)]
pub enum BuildError {
    Load(LoadError),
    /// The plan has problems (they are in the check's diagnostics).
    Invalid,
    /// The theme or a renderer found problems (a template error, say).
    Render(Vec<Diagnostic>),
    /// `--out` names a folder planpress may not write to.
    OutputRefused {
        path: PathBuf,
        reason: diagnostic::OutputRefusal,
    },
    /// A non-empty output folder planpress did not write, without `--force`.
    OutputNotOurs(PathBuf),
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl BuildError {
    /// What to tell the author, in any language.
    pub fn fatal(&self) -> Fatal {
        match self {
            BuildError::Load(e) => e.fatal(),
            BuildError::Invalid => Fatal::Invalid,
            BuildError::Render(_) => Fatal::Unrenderable,
            BuildError::OutputRefused { path, reason } => Fatal::OutputRefused {
                path: path.clone(),
                reason: *reason,
            },
            BuildError::OutputNotOurs(path) => Fatal::OutputNotOurs { path: path.clone() },
            BuildError::Read { path, source } => Fatal::Unreadable {
                path: path.clone(),
                problem: source.into(),
            },
            BuildError::Write { path, source } => Fatal::Unwritable {
                path: path.clone(),
                problem: source.into(),
            },
        }
    }
}

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(&self.fatal().text(Language::En))
    }
}

impl std::error::Error for BuildError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            BuildError::Load(e) => Some(e),
            BuildError::Write { source, .. } | BuildError::Read { source, .. } => Some(source),
            BuildError::Invalid
            | BuildError::Render(_)
            | BuildError::OutputRefused { .. }
            | BuildError::OutputNotOurs(_) => None,
        }
    }
}

impl From<LoadError> for BuildError {
    fn from(e: LoadError) -> BuildError {
        BuildError::Load(e)
    }
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

/// Fills the slot of the changes since adoption with none when dropped
/// before it was filled (a panic on the way), so no one waits on it.
struct Fill<'s>(&'s OnceLock<Option<followup::Changes>>);

impl Drop for Fill<'_> {
    fn drop(&mut self) {
        let _ = self.0.set(None);
    }
}

/// Checks the plan and, when it passes, writes the chosen outputs. The old
/// output stays untouched until everything new is written.
pub fn build(dir: &Path, options: &BuildOptions) -> Result<Built, BuildFailure> {
    let timer = render::Clock::new(options.render.timing);
    let (checked, known) = check_keeping(dir, true).map_err(|e| BuildFailure {
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
        use render::Renderer;
        let write = |rel: &str, bytes: &[u8]| {
            let path = stage.path(rel);
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)?;
            }
            std::fs::write(path, bytes)
        };
        // Runs one renderer into the staging folder.
        let render_one =
            |renderer: &dyn Renderer, theme: &theme::Theme, followup: &followup::Followup| {
                let ctx = render::RenderContext {
                    plan,
                    followup,
                    theme,
                    options: &options.render,
                    clock: &timer,
                    write: &write,
                };
                let rendered = renderer.render(&ctx).map_err(|e| render_failure(e, &out))?;
                timer.lap(renderer.name());
                Ok::<_, BuildError>(rendered)
            };
        // The adopted version is read from git, and the changes since it
        // worked out, while the plan's PDF and the status report's (which
        // needs no history) are made, side by side: krilla draws each
        // PDF's pages on one thread, so the two drawing threads share the
        // cores with the compression (2.74 s against 2.90 s one after the
        // other for the 1,000-section build, the same CPU time, 40 MB more
        // memory). The site comes after, with every core for its pages:
        // drawn beside them, the report's PDF waited for its glyphs behind
        // the pages' tasks. A build of the site without the PDFs makes its
        // pages while git is read, linking the changes page to come.
        let mut followup = followup::Followup {
            report: followup::Followup::report_of(plan, options.report),
            changes: None,
        };
        let pdf_theme = wanted(Output::Pdf).then_some(theme.as_ref()).flatten();
        let site_theme = wanted(Output::Site).then_some(theme.as_ref()).flatten();
        // The site carries the PDFs too, so the published site can link to
        // them: this build's, or the ones a previous build left.
        let site = |followup: &followup::Followup,
                    coming: Option<&OnceLock<Option<followup::Changes>>>,
                    theme: &theme::Theme| {
            let pdf_written = pdf_theme.is_some();
            let bytes = |name: &str, shown: bool| match (shown, pdf_written) {
                (false, _) => None,
                (true, true) => std::fs::read(stage.path(name)).ok(),
                (true, false) => stage.previous(name),
            };
            let carry = |name: String, bytes: Option<Vec<u8>>| match bytes {
                Some(bytes) => stage
                    .write(&format!("site/{name}"), &bytes)
                    .map(|()| Some(name)),
                None => Ok(None),
            };
            let plan_name = render::pdf::Pdf::file_name(plan);
            let plan_pdf = carry(plan_name.clone(), bytes(&plan_name, true))?;
            let report_name = followup::report_pdf_name(plan);
            let report_pdf = bytes(&report_name, followup.report.is_some());
            let report_pdf = carry(report_name, report_pdf)?;
            // The changes' PDF, linked now; when they are still to come, it
            // goes into the site only if they do come.
            let changes_name = followup::changes_pdf_name(plan);
            let changes_pdf = bytes(
                &changes_name,
                followup.changes.is_some() || coming.is_some(),
            );
            let pdfs = render::html::Pdfs {
                plan: plan_pdf.as_deref(),
                report: report_pdf.as_deref(),
                changes: changes_pdf.as_ref().map(|_| changes_name.as_str()),
            };
            let rendered = render_one(&render::html::Html { pdfs, coming }, theme, followup)?;
            let came = coming.is_none_or(|slot| slot.get().is_some_and(Option::is_some));
            if came {
                carry(changes_name.clone(), changes_pdf)?;
            }
            Ok::<_, BuildError>(rendered)
        };
        let coming = OnceLock::new();
        let site_beside_git = pdf_theme.is_none() && followup::expects_changes(plan);
        let (warning, (plan_pdf, status_pdf), early_site) = std::thread::scope(|scope| {
            let adopted = scope.spawn(|| {
                // Filled whatever happens, so that the site never waits
                // for ever.
                let _fill = Fill(&coming);
                let (changes, warning) = match followup::adopted_plan(plan, known) {
                    Ok(adopted) => (followup::Followup::changes_of(plan, adopted.as_ref()), None),
                    Err(d) => (None, Some(d)),
                };
                let _ = coming.set(changes);
                warning
            });
            let pdfs = pdf_theme.map_or((Ok(None), Ok(None)), |theme| {
                let status = scope.spawn(|| render_one(&render::pdf::StatusPdf, theme, &followup));
                let plan_pdf = render_one(&render::pdf::Pdf, theme, &followup::Followup::default());
                let status_pdf = status
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e))
                    .map(Some);
                (plan_pdf.map(Some), status_pdf)
            });
            let early_site = site_theme
                .filter(|_| site_beside_git)
                .map(|theme| site(&followup, Some(&coming), theme));
            let warning = adopted
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
            (warning, pdfs, early_site)
        });
        // Each renderer's warnings obey --strict like the check's.
        let take = |rendered: Option<render::Rendered>,
                    warnings: &mut Vec<Diagnostic>,
                    files: &mut Vec<String>| {
            let mut rendered = rendered.unwrap_or_default();
            if options.strict && !rendered.diagnostics.is_empty() {
                return Err(BuildError::Render(rendered.diagnostics));
            }
            warnings.append(&mut rendered.diagnostics);
            files.append(&mut rendered.files);
            Ok(())
        };
        take(plan_pdf?, &mut warnings, &mut files)?;
        match warning {
            Some(d) if options.strict => return Err(BuildError::Render(vec![*d])),
            Some(d) => warnings.push(*d),
            None => {}
        }
        take(status_pdf?, &mut warnings, &mut files)?;
        followup.changes = coming.into_inner().flatten();
        timer.lap("follow-up");
        if let Some(theme) = pdf_theme {
            let changes = render_one(&render::pdf::ChangesPdf, theme, &followup)?;
            take(Some(changes), &mut warnings, &mut files)?;
        }
        match (early_site, site_theme) {
            (Some(rendered), _) => take(Some(rendered?), &mut warnings, &mut files)?,
            (None, Some(theme)) => take(
                Some(site(&followup, None, theme)?),
                &mut warnings,
                &mut files,
            )?,
            (None, None) => {}
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

/// A renderer's failure as the build's.
fn render_failure(e: render::RenderError, out: &Path) -> BuildError {
    match e {
        render::RenderError::Problems(d) => BuildError::Render(d),
        render::RenderError::Write { file, source } => BuildError::Write {
            path: out.join(file),
            source,
        },
        render::RenderError::Read { path, source } => BuildError::Read { path, source },
    }
}

/// The files the site carries besides its pages (images, the logo,
/// downloads), relative to the plan folder: exactly those the check's
/// confined walk of `content/` accepted.
pub(crate) fn plan_files(plan: &Plan) -> Result<Vec<String>, BuildError> {
    let content = load::confine::walk_content(&plan.root).map_err(|e| {
        let path = e
            .path()
            .map_or_else(|| plan.root.join("content"), Path::to_path_buf);
        match e.into_io_error() {
            Some(source) => BuildError::Read { path, source },
            None => BuildError::Load(LoadError::LinkLoop(path)),
        }
    })?;
    Ok(content.assets.into_iter().map(|a| a.rel).collect())
}

/// Counts used in summaries.
pub fn summary_counts(plan: &Plan) -> (usize, usize, usize) {
    let sections = plan.all_sections().len();
    let goals = plan.all_goals();
    let indicators = goals.iter().map(|(_, g)| g.indicators.len()).sum();
    (sections, goals.len(), indicators)
}

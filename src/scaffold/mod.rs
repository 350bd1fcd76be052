//! `planpress new`: a small, complete starter plan in the author's
//! language, with the CI workflows that check and publish it.
//!
//! The starter files are real files in this folder (a plan in `da/` and
//! `en/`, a committee case in `case-da/` and `case-en/`, the
//! language-neutral `common/` and the CI templates in `ci/`), compiled into
//! the binary, so they can be read and tested like any plan.

use crate::diagnostic::Fatal;
use crate::model::Language;
use include_dir::{Dir, include_dir};
use std::path::{Path, PathBuf};
use thiserror::Error;

static DA: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/src/scaffold/da");
static EN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/src/scaffold/en");
static CASE_DA: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/src/scaffold/case-da");
static CASE_EN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/src/scaffold/case-en");
static COMMON: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/src/scaffold/common");
static CI: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/src/scaffold/ci");

/// Where each CI template goes in the new plan.
const WORKFLOWS: [(&str, &str); 2] = [
    ("github-actions.yml", ".github/workflows/planpress.yml"),
    ("gitlab-ci.yml", ".gitlab-ci.yml"),
];

/// The repository planpress is installed from, as Cargo.toml names it.
pub const REPOSITORY: &str = env!("CARGO_PKG_REPOSITORY");

#[derive(Debug, Error)]
pub enum NewError {
    #[error("{}", not_empty(.0))]
    NotEmpty(PathBuf),
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

fn not_empty(dir: &Path) -> String {
    Fatal::NotEmpty {
        dir: dir.to_path_buf(),
    }
    .text(Language::En)
}

impl NewError {
    /// What to tell the author, in any language.
    pub fn fatal(&self) -> Fatal {
        match self {
            NewError::NotEmpty(dir) => Fatal::NotEmpty { dir: dir.clone() },
            NewError::Write { path, source } => Fatal::Unwritable {
                path: path.clone(),
                problem: source.into(),
            },
        }
    }
}

/// What `planpress new` starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Starter {
    /// A plan with goal tables.
    Plan,
    /// A committee case with its header, recommendation and decision.
    Case,
}

/// The starter's files: path in the plan folder and contents.
pub fn files(language: Language, starter: Starter) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let own = match (starter, language) {
        (Starter::Plan, Language::Da) => &DA,
        (Starter::Plan, Language::En) => &EN,
        (Starter::Case, Language::Da) => &CASE_DA,
        (Starter::Case, Language::En) => &CASE_EN,
    };
    for dir in [own, &COMMON] {
        collect(dir, &mut out);
    }
    // A case shows no chart: of the shared files it takes the logo only.
    if starter == Starter::Case {
        out.retain(|(rel, _)| rel != "content/assets/diagram.png");
    }
    for (template, target) in WORKFLOWS {
        if let Some(file) = CI.get_file(template) {
            let text = String::from_utf8_lossy(file.contents());
            out.push((target.to_string(), fill(&text).into_bytes()));
        }
    }
    out.sort();
    out
}

/// A CI template with the version of this planpress and its repository.
fn fill(template: &str) -> String {
    template
        .replace("@@version@@", env!("CARGO_PKG_VERSION"))
        .replace("@@repository@@", REPOSITORY)
}

fn collect(dir: &Dir<'static>, out: &mut Vec<(String, Vec<u8>)>) {
    for file in dir.files() {
        let rel = file.path().to_string_lossy().replace('\\', "/");
        // Kept without its dot here, so it does not act on this repository.
        let rel = if rel == "gitignore" {
            ".gitignore".to_string()
        } else {
            rel
        };
        out.push((rel, file.contents().to_vec()));
    }
    for sub in dir.dirs() {
        collect(sub, out);
    }
}

/// Writes the starter into `dir`, which must be missing or empty unless
/// `force`. Returns the files written, relative to `dir`.
pub fn write(
    dir: &Path,
    language: Language,
    starter: Starter,
    force: bool,
) -> Result<Vec<String>, NewError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| NewError::Write { path, source }
    };
    if !force
        && let Ok(mut entries) = std::fs::read_dir(dir)
        && entries.next().is_some()
    {
        return Err(NewError::NotEmpty(dir.to_path_buf()));
    }
    let mut written = Vec::new();
    for (rel, bytes) in files(language, starter) {
        let path = dir.join(&rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(io(parent))?;
        }
        std::fs::write(&path, bytes).map_err(io(&path))?;
        written.push(rel);
    }
    Ok(written)
}

/// What to do next, in the plan's language.
pub fn next_steps(dir: &Path, language: Language, starter: Starter) -> String {
    let dir = dir.display();
    let (da, en) = match starter {
        Starter::Plan => ("en ny plan", "a new plan"),
        Starter::Case => ("en ny sag", "a new case"),
    };
    match language {
        Language::Da => format!(
            "{da} ligger i {dir}\nse den i browseren: planpress serve {dir}\ntjek den: planpress check {dir}"
        ),
        Language::En => format!(
            "{en} is in {dir}\nsee it in the browser: planpress serve {dir}\ncheck it: planpress check {dir}"
        ),
    }
}

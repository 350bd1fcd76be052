//! Renderers: each walks the typed [`crate::model::Plan`] and writes one
//! output, behind one small seam in the manner of mdBook's `Renderer`: a
//! name and a `render` that gets everything it needs in a
//! [`RenderContext`] (the plan, the theme, the build's options and where
//! to write). Options come from the top (the CLI reads the environment
//! once); nothing below reads environment variables.

pub mod html;
pub mod pdf;

use crate::diagnostic::Diagnostic;
use crate::model::Plan;
use crate::theme::Theme;
use std::time::Instant;
use thiserror::Error;

/// How a build renders.
#[derive(Debug, Clone)]
pub struct Options {
    /// Tag the PDF and write it as PDF/UA-1. Off only to compare the
    /// drawing with and without tags.
    pub tagged: bool,
    /// The documents' date, in seconds since 1970 (UTC).
    pub date: u64,
    /// Print how long each stage of a build takes.
    pub timing: bool,
}

impl Options {
    /// The options the environment asks for: `SOURCE_DATE_EPOCH` (the
    /// date, for reproducible builds; else now), `PLANPRESS_TIMING` (laps)
    /// and `PLANPRESS_PDF_TAGGED=0` (an untagged PDF).
    pub fn from_env() -> Options {
        let date = std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|s| s.trim().parse::<u64>().ok());
        Options {
            tagged: std::env::var("PLANPRESS_PDF_TAGGED")
                .map_or(true, |v| v != "0" && v != "false"),
            timing: std::env::var_os("PLANPRESS_TIMING").is_some(),
            ..Options::at(date)
        }
    }

    /// Defaults, dated `date` (or now).
    pub fn at(date: Option<u64>) -> Options {
        Options {
            tagged: true,
            date: date.unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs())
            }),
            timing: false,
        }
    }
}

impl Default for Options {
    fn default() -> Options {
        Options::at(None)
    }
}

/// Laps of a build, printed to standard error when timing is on.
pub struct Clock {
    start: Option<Instant>,
}

impl Clock {
    pub fn new(on: bool) -> Clock {
        Clock {
            start: on.then(Instant::now),
        }
    }

    /// Prints that `stage` is done, and when.
    pub fn lap(&self, stage: &str) {
        if let Some(t0) = self.start {
            eprintln!(
                "timing: {stage} done at {:.3} s",
                t0.elapsed().as_secs_f64()
            );
        }
    }
}

/// Where a renderer writes a file: a path relative to the output folder.
pub type Write<'a> = &'a (dyn Fn(&str, &[u8]) -> std::io::Result<()> + Sync);

/// Everything a renderer gets.
pub struct RenderContext<'a> {
    pub plan: &'a Plan,
    /// The status report and the changes since adoption, for the
    /// renderers that show them.
    pub followup: &'a crate::followup::Followup,
    pub theme: &'a Theme,
    pub options: &'a Options,
    pub clock: &'a Clock,
    pub write: Write<'a>,
}

/// What a renderer did.
#[derive(Debug, Default)]
pub struct Rendered {
    /// Files written, relative to the output folder.
    pub files: Vec<String>,
    /// Warnings about the plan (they obey `--strict` like the check's).
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Debug, Error)]
pub enum RenderError {
    /// Problems in the plan's or the theme's files, reported like any other.
    #[error("the output could not be rendered")]
    Problems(Vec<Diagnostic>),
    #[error("cannot write {file}: {source}")]
    Write {
        file: String,
        source: std::io::Error,
    },
    /// A file of the plan a renderer copies (an image, say).
    #[error("cannot read {path}: {source}")]
    Read {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
}

/// A renderer: one output of the plan.
pub trait Renderer {
    /// A short name for messages and timing (`pdf`, `site`).
    fn name(&self) -> &'static str;
    fn render(&self, ctx: &RenderContext<'_>) -> Result<Rendered, RenderError>;
}

//! Command-line interface.

use clap::{Parser, Subcommand, ValueEnum};
use planpress::diagnostic::{self, Diagnostic, Fatal, Label, Status};
use planpress::model::Language;
use planpress::{BuildError, BuildFailure, BuildOptions, Checked, Output};
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "planpress",
    version,
    about = "Turns a folder of Markdown plan sections into a site, a PDF and open data."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check the plan and report every problem, without writing anything.
    Check {
        /// The plan folder (holding plan.yaml).
        #[arg(default_value = ".")]
        dir: PathBuf,
        #[command(flatten)]
        report: ReportArgs,
    },
    /// Check the plan, then write the outputs.
    Build {
        /// The plan folder (holding plan.yaml).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Where to write (default: output/ in the plan folder).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Build only these outputs, comma-separated.
        #[arg(long, value_delimiter = ',')]
        only: Vec<OnlyArg>,
        /// Write into an output folder that holds files planpress did not write.
        #[arg(long)]
        force: bool,
        /// Make the status report as of the end of this period (2026, 2026-Q2 or 2026-06).
        #[arg(long = "report", value_name = "PERIOD", value_parser = parse_period)]
        report_as_of: Option<planpress::model::When>,
        #[command(flatten)]
        report: ReportArgs,
    },
    /// Start a new plan: a small, complete example to build on, with CI.
    New {
        /// The folder to make (default: the current folder, which must be empty).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// The plan's language.
        #[arg(long, value_enum, default_value_t = LanguageArg::Da)]
        language: LanguageArg,
        /// What to start: a plan with goals, or a case for a committee meeting.
        #[arg(long, value_enum, default_value_t = KindArg::Plan)]
        kind: KindArg,
        /// Write into a folder that is not empty (files of the same name are replaced).
        #[arg(long)]
        force: bool,
    },
    /// Actual figures in from a file.
    Figures {
        #[command(subcommand)]
        command: FiguresCommand,
    },
    /// Serve the site on this computer, rebuilt and reloaded as you save.
    Serve {
        /// The plan folder (holding plan.yaml).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// The port (default: 8000, or the next free one); 0 takes any free port.
        #[arg(long)]
        port: Option<u16>,
        /// Open the site in the default browser.
        #[arg(long)]
        open: bool,
    },
}

#[derive(Subcommand)]
enum FiguresCommand {
    /// Write the actual figures of a CSV or .xlsx file (columns indicator, period, value)
    /// into the sections' front matter; all or nothing.
    Import {
        /// The CSV (`;` or `,` separated) or Excel (.xlsx) file.
        file: PathBuf,
        /// The plan folder (holding plan.yaml).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Show what would change, but write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Move `as_of` in plan.yaml to the end of the latest period imported.
        #[arg(long)]
        as_of: bool,
        #[command(flatten)]
        report: ReportArgs,
    },
}

#[derive(clap::Args)]
struct ReportArgs {
    /// How to print problems.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Treat warnings as errors.
    #[arg(long)]
    strict: bool,
    /// The language of the messages (default: the plan's `language`).
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    /// Danish
    Da,
    /// English
    En,
}

impl ReportArgs {
    /// `--lang`, or else the language the plan is written in.
    fn language(&self, plan: Language) -> Language {
        match self.lang {
            Some(LangArg::Da) => Language::Da,
            Some(LangArg::En) => Language::En,
            None => plan,
        }
    }

    /// The language for a problem met before the plan could be checked.
    fn language_of(&self, dir: &Path) -> Language {
        self.language(planpress::plan_language(dir).unwrap_or(Language::Da))
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// rustc-style messages with the source line.
    Human,
    /// One JSON object on standard output.
    Json,
    /// GitHub Actions workflow annotations.
    Github,
}

#[derive(Clone, Copy, ValueEnum)]
enum LanguageArg {
    /// Danish
    Da,
    /// English
    En,
}

#[derive(Clone, Copy, ValueEnum)]
enum KindArg {
    /// A plan with goal tables
    Plan,
    /// A case for a committee meeting (an agenda item)
    Case,
}

#[derive(Clone, Copy, ValueEnum)]
enum OnlyArg {
    /// goals.json and goals.csv
    Data,
    /// the static site in site/
    Site,
    /// the PDF, <slug>.pdf
    Pdf,
}

impl From<OnlyArg> for Output {
    fn from(o: OnlyArg) -> Output {
        match o {
            OnlyArg::Data => Output::Data,
            OnlyArg::Site => Output::Site,
            OnlyArg::Pdf => Output::Pdf,
        }
    }
}

/// A period on the command line: `2026`, `2026-Q2` or `2026-06`.
fn parse_period(text: &str) -> Result<planpress::model::When, String> {
    planpress::model::When::parse(text)
        .map_err(|_| format!("'{text}' is not a period: write a year (2026), a quarter (2026-Q2) or a month (2026-06)"))
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check { dir, report } => match planpress::check(&dir) {
            Ok(checked) => {
                let lang = report.language(checked.language);
                print_report(&checked, report.format, lang);
                if checked.passes(report.strict) {
                    if matches!(report.format, Format::Human) {
                        print_ok(&checked, lang);
                    }
                    ExitCode::SUCCESS
                } else {
                    ExitCode::from(1)
                }
            }
            Err(e) => fatal(&e.fatal(), report.language_of(&dir)),
        },
        Command::Build {
            dir,
            out,
            only,
            force,
            report_as_of,
            report,
        } => {
            let options = BuildOptions {
                out,
                only: only.into_iter().map(Output::from).collect(),
                strict: report.strict,
                render: planpress::render::Options::from_env(),
                force,
                report: report_as_of,
            };
            match planpress::build(&dir, &options) {
                Ok(built) => {
                    let lang = report.language(built.checked.language);
                    print_report(&built.checked, report.format, lang);
                    if matches!(report.format, Format::Human) {
                        let (sections, goals, _) = built
                            .checked
                            .plan
                            .as_ref()
                            .map_or((0, 0, 0), planpress::summary_counts);
                        let status = Status::Built {
                            sections,
                            goals,
                            out: built.out,
                            files: built.files,
                        };
                        eprintln!("{}", status.text(lang));
                    }
                    ExitCode::SUCCESS
                }
                Err(failure) => {
                    let lang = match &failure.checked {
                        Some(checked) => report.language(checked.language),
                        None => report.language_of(&dir),
                    };
                    build_failed(failure, report.format, lang)
                }
            }
        }
        Command::Figures {
            command:
                FiguresCommand::Import {
                    file,
                    dir,
                    dry_run,
                    as_of,
                    report,
                },
        } => import_figures(&file, &dir, dry_run, as_of, &report),
        Command::New {
            dir,
            language,
            kind,
            force,
        } => {
            let language = match language {
                LanguageArg::Da => planpress::model::Language::Da,
                LanguageArg::En => planpress::model::Language::En,
            };
            let starter = match kind {
                KindArg::Plan => planpress::scaffold::Starter::Plan,
                KindArg::Case => planpress::scaffold::Starter::Case,
            };
            match planpress::scaffold::write(&dir, language, starter, force) {
                Ok(_) => {
                    eprintln!(
                        "{}",
                        planpress::scaffold::next_steps(&dir, language, starter)
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => fatal(&e.fatal(), language),
            }
        }
        Command::Serve { dir, port, open } => {
            let options = planpress::serve::ServeOptions {
                dir,
                port,
                open,
                render: planpress::render::Options::from_env(),
            };
            let report = std::sync::Arc::new(|e: &planpress::serve::Event| eprintln!("{e}"));
            let lang = planpress::plan_language(&options.dir).unwrap_or(Language::Da);
            match planpress::serve::run(&options, report) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => fatal(&e.fatal(), lang),
            }
        }
    }
}

/// Reports why a build wrote nothing: problems in the plan or the theme
/// (exit 1), or a failure to read or write (exit 2).
fn build_failed(failure: BuildFailure, format: Format, lang: Language) -> ExitCode {
    let stopped = || {
        if matches!(format, Format::Human) {
            eprintln!(
                "{}: {}",
                Label::Error.text(lang),
                Status::Stopped.text(lang)
            );
        }
        ExitCode::from(1)
    };
    match (failure.error, failure.checked) {
        (BuildError::Invalid, Some(checked)) => {
            print_report(&checked, format, lang);
            stopped()
        }
        (BuildError::Render(diags), checked) => {
            // The plan's warnings, then what stopped the rendering.
            let checked = checked.map(|c| *c);
            let (mut diagnostics, sources) =
                checked.map_or_else(Default::default, |c| (c.diagnostics, c.sources));
            diagnostics.extend(diags);
            print_report(
                &Checked {
                    diagnostics,
                    sources,
                    plan: None,
                    language: lang,
                },
                format,
                lang,
            );
            stopped()
        }
        (e, checked) => {
            if let Some(checked) = checked {
                print_report(&checked, format, lang);
            }
            fatal(&e.fatal(), lang)
        }
    }
}

fn print_report(checked: &Checked, format: Format, lang: Language) {
    let diags: &[Diagnostic] = &checked.diagnostics;
    match format {
        Format::Human => {
            let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            let text = diagnostic::render_human(diags, &checked.sources, lang, color);
            let mut err = std::io::stderr().lock();
            let _ = err.write_all(text.as_bytes());
            let (errors, warnings) = diagnostic::count(diags);
            if errors + warnings > 0 {
                let _ = writeln!(err, "{}", Status::Found { errors, warnings }.text(lang));
            }
        }
        Format::Json => println!("{}", diagnostic::render_json(diags, lang)),
        Format::Github => print!("{}", diagnostic::render_github(diags, lang)),
    }
}

fn print_ok(checked: &Checked, lang: Language) {
    if let Some(plan) = &checked.plan {
        let (sections, goals, indicators) = planpress::summary_counts(plan);
        let status = Status::Checked {
            sections,
            goals,
            indicators,
        };
        eprintln!("{}", status.text(lang));
    }
}

/// `planpress figures import`: the changes, one line each, below their file.
fn import_figures(
    file: &Path,
    dir: &Path,
    dry_run: bool,
    as_of: bool,
    report: &ReportArgs,
) -> ExitCode {
    use planpress::figures::{ImportFailure, ImportOptions};
    use planpress::locale;
    let options = ImportOptions {
        dry_run,
        move_as_of: as_of,
    };
    let shown = file.to_string_lossy().into_owned();
    let lang = report.language_of(dir);
    match planpress::figures::import(dir, file, &shown, &options) {
        Ok(imported) => {
            let lang = report.language(imported.plan.meta.language);
            let mut out = std::io::stdout().lock();
            let mut last_file = "";
            for c in &imported.changes {
                if c.file != last_file {
                    let _ = writeln!(out, "{}", c.file);
                    last_file = &c.file;
                }
                let old = c
                    .old
                    .as_ref()
                    .map_or_else(|| "–".to_string(), |v| locale::value(v, c.unit, lang));
                let new = locale::value(&c.new, c.unit, lang);
                let status = if c.status_before == c.status_after {
                    locale::status(c.status_after, lang).to_string()
                } else {
                    format!(
                        "{} → {}",
                        locale::status(c.status_before, lang),
                        locale::status(c.status_after, lang)
                    )
                };
                let _ = writeln!(
                    out,
                    "  {}  {}: {old} → {new}  ({status})",
                    c.indicator,
                    locale::when(c.when, lang)
                );
            }
            if let Some((from, to)) = imported.as_of {
                let from = from.map_or_else(|| "–".to_string(), |d| d.iso());
                let _ = writeln!(out, "plan.yaml\n  as_of: {from} → {}", to.iso());
            }
            let files = imported
                .changes
                .iter()
                .map(|c| c.file.as_str())
                .chain(imported.as_of.map(|_| "plan.yaml"))
                .collect::<std::collections::BTreeSet<_>>()
                .len();
            eprintln!(
                "{}",
                Status::Imported {
                    figures: imported.changes.len(),
                    files,
                    unchanged: imported.unchanged,
                    dry: dry_run,
                }
                .text(lang)
            );
            ExitCode::SUCCESS
        }
        Err(ImportFailure::Refused {
            diagnostics,
            sources,
        }) => {
            let checked = Checked {
                diagnostics,
                sources,
                plan: None,
                language: lang,
            };
            print_report(&checked, report.format, lang);
            if matches!(report.format, Format::Human) {
                eprintln!(
                    "{}: {}",
                    Label::Error.text(lang),
                    Status::ImportRefused.text(lang)
                );
            }
            ExitCode::from(1)
        }
        Err(ImportFailure::Load(e)) => fatal(&e.fatal(), lang),
        Err(ImportFailure::Write { path, source }) => fatal(
            &Fatal::Unwritable {
                path,
                problem: (&source).into(),
            },
            lang,
        ),
    }
}

fn fatal(fatal: &Fatal, lang: Language) -> ExitCode {
    eprintln!("{}: {}", Label::Error.text(lang), fatal.text(lang));
    ExitCode::from(2)
}

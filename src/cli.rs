//! Command-line interface.

use clap::{Parser, Subcommand, ValueEnum};
use planpress::diagnostic::{self, Diagnostic};
use planpress::{BuildError, BuildFailure, BuildOptions, Checked, Output};
use std::io::{IsTerminal, Write};
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

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check { dir, report } => match planpress::check(&dir) {
            Ok(checked) => {
                print_report(&checked, report.format);
                if checked.passes(report.strict) {
                    if matches!(report.format, Format::Human) {
                        print_ok(&checked);
                    }
                    ExitCode::SUCCESS
                } else {
                    ExitCode::from(1)
                }
            }
            Err(e) => fatal(&e.to_string()),
        },
        Command::Build {
            dir,
            out,
            only,
            force,
            report,
        } => {
            let options = BuildOptions {
                out,
                only: only.into_iter().map(Output::from).collect(),
                strict: report.strict,
                force,
            };
            match planpress::build(&dir, &options) {
                Ok(built) => {
                    print_report(&built.checked, report.format);
                    if matches!(report.format, Format::Human) {
                        let (sections, goals, _) = built
                            .checked
                            .plan
                            .as_ref()
                            .map_or((0, 0, 0), planpress::summary_counts);
                        eprintln!(
                            "built {} and {} into {}: {}",
                            plural(sections, "section"),
                            plural(goals, "goal"),
                            built.out.display(),
                            built.files.join(", ")
                        );
                    }
                    ExitCode::SUCCESS
                }
                Err(failure) => build_failed(failure, report.format),
            }
        }
    }
}

/// Reports why a build wrote nothing: problems in the plan or the theme
/// (exit 1), or a failure to read or write (exit 2).
fn build_failed(failure: BuildFailure, format: Format) -> ExitCode {
    let stopped = || {
        if matches!(format, Format::Human) {
            eprintln!("error: the build stopped; the previous output is untouched");
        }
        ExitCode::from(1)
    };
    match (failure.error, failure.checked) {
        (BuildError::Invalid, Some(checked)) => {
            print_report(&checked, format);
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
                },
                format,
            );
            stopped()
        }
        (e, checked) => {
            if let Some(checked) = checked {
                print_report(&checked, format);
            }
            fatal(&e.to_string())
        }
    }
}

fn print_report(checked: &Checked, format: Format) {
    let diags: &[Diagnostic] = &checked.diagnostics;
    match format {
        Format::Human => {
            let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            let mut err = std::io::stderr().lock();
            let _ =
                err.write_all(diagnostic::render_human(diags, &checked.sources, color).as_bytes());
            let (errors, warnings) = diagnostic::count(diags);
            if errors + warnings > 0 {
                let _ = writeln!(err, "{}", counts_line(errors, warnings));
            }
        }
        Format::Json => println!("{}", diagnostic::render_json(diags)),
        Format::Github => print!("{}", diagnostic::render_github(diags)),
    }
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

fn counts_line(errors: usize, warnings: usize) -> String {
    format!(
        "{} and {} found",
        plural(errors, "error"),
        plural(warnings, "warning")
    )
}

fn print_ok(checked: &Checked) {
    if let Some(plan) = &checked.plan {
        let (sections, goals, indicators) = planpress::summary_counts(plan);
        eprintln!(
            "checked {}, {} and {}",
            plural(sections, "section"),
            plural(goals, "goal"),
            plural(indicators, "indicator")
        );
    }
}

fn fatal(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(2)
}

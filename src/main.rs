//! The `planpress` command: parses arguments, calls the library, prints one
//! report and sets the exit code (0 fine, 1 problems in the plan, 2 could
//! not run).

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}

//! A fuzz harness on stable Rust: the example plan (and, in one case of
//! five, the example committee case in `examples/case/`), mutated (bytes,
//! lines, indentation, numbers, Unicode, nesting, links, YAML shapes,
//! hostile paths), driven through the library's `check` and `build`.
//!
//! Every case runs in a child process (this same binary, `--child`) with a
//! wall-clock limit and an address-space limit, so a hang, a stack overflow
//! or a runaway allocation is caught like a panic is. A case fails on a
//! panic, an abort, a hang, a build that succeeds although check found
//! errors, a change to the plan folder, any file written outside the output
//! folder, or a file outside the plan folder (a secret beside it) showing up
//! in the output.
//!
//! `cargo test --release --test fuzz` runs a fixed seed's cases in under a
//! minute; `scripts/fuzz.sh` runs for as long as asked with any seed and
//! writes failing cases to a folder. Options (after `--`):
//!
//! ```text
//! --seed N        the seed (default 1)
//! --cases N       how many cases (default 3000)
//! --seconds S     stop starting cases after S seconds (default: no limit)
//! --case N        run only case N (to reproduce one)
//! --failures DIR  copy each failing case there (default: target/fuzz-failures)
//! --pdf-every N   build the PDF in one case of N (default 40)
//! --jobs N        cases at once (default: the number of cores)
//! ```

#[path = "fuzz/mutate.rs"]
mod mutate;

use mutate::{Extras, Files, Rng};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// No part of an output may ever hold this: it is in a file beside the plan.
const SECRET: &str = "fuzz-secret-4d1e";
const MEMORY_LIMIT: u64 = 4 << 30;

struct Options {
    seed: u64,
    cases: u64,
    seconds: Option<u64>,
    only: Option<u64>,
    failures: PathBuf,
    pdf_every: u64,
    jobs: usize,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--child") {
        return child(&args[1..]);
    }
    let value = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let number = |name: &str| value(name).and_then(|v| v.parse::<u64>().ok());
    // `cargo test some_filter` passes the filter on: run only if it is ours.
    const VALUED: [&str; 7] = [
        "--seed",
        "--cases",
        "--seconds",
        "--case",
        "--failures",
        "--pdf-every",
        "--jobs",
    ];
    let filter = args
        .iter()
        .enumerate()
        .find(|(i, a)| !a.starts_with('-') && (*i == 0 || !VALUED.contains(&args[i - 1].as_str())));
    if let Some((_, filter)) = filter
        && !"fuzz".contains(filter.as_str())
    {
        return ExitCode::SUCCESS;
    }
    let options = Options {
        seed: number("--seed").unwrap_or(1),
        cases: number("--cases").unwrap_or(3000),
        seconds: number("--seconds"),
        only: number("--case"),
        failures: value("--failures").map_or_else(
            || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-failures"),
            PathBuf::from,
        ),
        pdf_every: number("--pdf-every").unwrap_or(40).max(1),
        jobs: number("--jobs").map_or_else(
            || std::thread::available_parallelism().map_or(2, usize::from),
            |j| j as usize,
        ),
    };
    campaign(&options)
}

/// What a child does with its case.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Mode {
    Check,
    /// Check, then build data and site (twice: the second swaps over the first).
    Build,
    /// Check, then build everything, the PDF too.
    BuildPdf,
    /// Misbehave on purpose (see [`self_test`]).
    SelfTest(&'static str),
}

impl Mode {
    fn name(self) -> &'static str {
        match self {
            Mode::Check => "check",
            Mode::Build => "build",
            Mode::BuildPdf => "build-pdf",
            Mode::SelfTest(what) => what,
        }
    }

    /// The child's mode argument.
    fn arg(self) -> String {
        match self {
            Mode::SelfTest(what) => format!("selftest-{what}"),
            other => other.name().to_string(),
        }
    }

    fn limit(self) -> Duration {
        match self {
            Mode::Check => Duration::from_secs(20),
            Mode::Build => Duration::from_secs(40),
            Mode::BuildPdf => Duration::from_secs(90),
            Mode::SelfTest(_) => Duration::from_secs(3),
        }
    }
}

fn campaign(options: &Options) -> ExitCode {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let base = mutate::read_plan(&root);
    let case_base = mutate::read_plan(&root.join("examples/case"));
    let work = std::env::temp_dir().join(format!("planpress-fuzz-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).expect("fuzz folder");
    // First, that the harness catches each kind of failure at all.
    for what in ["panic", "hang", "memory", "overflow", "outside", "leak"] {
        let dir = work.join(format!("self-test-{what}"));
        if run_case(options.seed, 0, Mode::SelfTest(what), &base, &dir).is_ok() {
            eprintln!("fuzz: the harness did not notice a child that misbehaves ({what})");
            return ExitCode::FAILURE;
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
    let start = Instant::now();
    let next = AtomicU64::new(options.only.unwrap_or(0));
    let last = options.only.map_or(options.cases, |c| c + 1);
    let stop = AtomicBool::new(false);
    let failures: Mutex<Vec<String>> = Mutex::new(Vec::new());
    // check, build, PDF builds; plans still clean after their mutations.
    let counts: Mutex<[u64; 4]> = Mutex::new([0; 4]);
    std::thread::scope(|scope| {
        for _ in 0..options.jobs.max(1) {
            scope.spawn(|| {
                loop {
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    if options.seconds.is_some_and(|s| start.elapsed().as_secs() >= s) {
                        break;
                    }
                    let case = next.fetch_add(1, Ordering::Relaxed);
                    if case >= last {
                        break;
                    }
                    let mode = if case % options.pdf_every == options.pdf_every - 1 {
                        Mode::BuildPdf
                    } else if case.is_multiple_of(3) {
                        Mode::Build
                    } else {
                        Mode::Check
                    };
                    let dir = work.join(case.to_string());
                    let base = if case % 5 == 4 { &case_base } else { &base };
                    let outcome = run_case(options.seed, case, mode, base, &dir);
                    if let Ok(mut c) = counts.lock() {
                        c[match mode {
                            Mode::Check | Mode::SelfTest(_) => 0,
                            Mode::Build => 1,
                            Mode::BuildPdf => 2,
                        }] += 1;
                        c[3] += u64::from(outcome == Ok(true));
                    }
                    if let Err((what, mutations)) = outcome {
                        let report = format!(
                            "case {case} (seed {}, {}): {what}\n  mutations: {}\n  again: cargo test --release --test fuzz -- --seed {} --case {case}\n",
                            options.seed,
                            mode.name(),
                            mutations.join("; "),
                            options.seed
                        );
                        eprint!("{report}");
                        keep_failure(&options.failures, options.seed, case, &dir, &report);
                        if let Ok(mut f) = failures.lock() {
                            f.push(report);
                            if f.len() >= 20 {
                                stop.store(true, Ordering::Relaxed);
                            }
                        }
                    }
                    let _ = std::fs::remove_dir_all(&dir);
                }
            });
        }
    });
    let _ = std::fs::remove_dir_all(&work);
    let counts = counts.into_inner().unwrap_or_default();
    let failures = failures.into_inner().unwrap_or_default();
    eprintln!(
        "fuzz: seed {}, {} cases ({} check, {} build, {} with PDF; {} still clean) in {:.1} s, {} failed",
        options.seed,
        counts[..3].iter().sum::<u64>(),
        counts[0],
        counts[1],
        counts[2],
        counts[3],
        start.elapsed().as_secs_f64(),
        failures.len()
    );
    if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        eprintln!("failing cases are in {}", options.failures.display());
        ExitCode::FAILURE
    }
}

/// Makes case `case`, runs it in a child, and checks what it left.
/// `Ok(true)` when the mutated plan still checked clean.
fn run_case(
    seed: u64,
    case: u64,
    mode: Mode,
    base: &Files,
    dir: &Path,
) -> Result<bool, (String, Vec<String>)> {
    let plan = dir.join("plan");
    let secret = dir.join("secret.txt");
    let mut rng = Rng::new(seed, case);
    let mut files = base.clone();
    let mut extras = Extras::default();
    let mutations = mutate::mutate(&mut rng, &mut files, &secret.to_string_lossy(), &mut extras);
    let fail = |what: String| Err((what, mutations.clone()));
    std::fs::create_dir_all(&plan).expect("case folder");
    std::fs::write(&secret, SECRET).expect("secret");
    for (rel, bytes) in &files {
        let path = plan.join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("folder");
        std::fs::write(&path, bytes).expect("write case file");
    }
    #[cfg(unix)]
    for (link, target) in &extras.symlinks {
        let path = plan.join(link);
        let _ = std::fs::remove_file(&path);
        let _ = std::os::unix::fs::symlink(target, &path);
    }
    let before = snapshot(dir);
    let mut command = Command::new(std::env::current_exe().expect("this binary"));
    command
        .args(["--child", &mode.arg()])
        .arg(&plan)
        .arg(dir.join("out"))
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    limit_memory(&mut command);
    let mut child = command.spawn().expect("spawn a case");
    let stderr = child.stderr.take();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        if let Some(mut s) = stderr {
            use std::io::Read;
            let _ = s.read_to_string(&mut text);
        }
        text
    });
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if started.elapsed() > mode.limit() => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => return fail(format!("cannot wait for the case: {e}")),
        }
    };
    let stderr = reader.join().unwrap_or_default();
    let tail: String = stderr
        .lines()
        .rev()
        .take(6)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect::<Vec<_>>()
        .join("\n    ");
    match status {
        None => return fail(format!("hung: no end after {:?}\n    {tail}", mode.limit())),
        Some(s) if s.code() == Some(0) || s.code() == Some(4) => {}
        Some(s) if s.code() == Some(101) => return fail(format!("panicked\n    {tail}")),
        Some(s) if s.code().is_some() => return fail(format!("exit {:?}\n    {tail}", s.code())),
        Some(s) => {
            return fail(format!(
                "killed by a signal (abort, stack overflow or out of memory): {s}\n    {tail}"
            ));
        }
    }
    // Nothing but the output folder is new, and the plan is as it was.
    let after = snapshot(dir);
    for (rel, bytes) in &after {
        if rel.starts_with("out/") {
            if String::from_utf8_lossy(bytes).contains(SECRET) {
                return fail(format!("{rel} holds the file from outside the plan folder"));
            }
        } else if before.get(rel) != Some(bytes) {
            return fail(format!("{rel} was written outside the output folder"));
        }
    }
    if let Some(gone) = before.keys().find(|k| !after.contains_key(*k)) {
        return fail(format!("{gone} disappeared"));
    }
    Ok(status.is_some_and(|s| s.code() == Some(0)))
}

/// Every regular file under `dir`, not following links, with its bytes.
fn snapshot(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let Ok(t) = e.file_type() else { continue };
            if t.is_dir() {
                stack.push(e.path());
            } else if t.is_file() {
                let rel = e
                    .path()
                    .strip_prefix(dir)
                    .map(|p| p.to_string_lossy().into_owned())
                    .unwrap_or_default();
                // The lock file is planpress's own; its bytes never matter.
                out.insert(rel, std::fs::read(e.path()).unwrap_or_default());
            }
        }
    }
    out
}

#[cfg(unix)]
fn limit_memory(command: &mut Command) {
    use std::os::unix::process::CommandExt;
    // SAFETY: setrlimit is async-signal-safe, and the closure touches no
    // memory of the parent.
    unsafe {
        command.pre_exec(|| {
            let limit = libc::rlimit {
                rlim_cur: MEMORY_LIMIT as libc::rlim_t,
                rlim_max: MEMORY_LIMIT as libc::rlim_t,
            };
            libc::setrlimit(libc::RLIMIT_AS, &limit);
            let none = libc::rlimit {
                rlim_cur: 0,
                rlim_max: 0,
            };
            libc::setrlimit(libc::RLIMIT_CORE, &none);
            Ok(())
        });
    }
}

#[cfg(not(unix))]
fn limit_memory(_: &mut Command) {}

/// Copies a failing case (its plan, and what went wrong) to `failures`.
fn keep_failure(failures: &Path, seed: u64, case: u64, dir: &Path, report: &str) {
    let to = failures.join(format!("seed{seed}-case{case}"));
    let _ = std::fs::remove_dir_all(&to);
    let _ = std::fs::create_dir_all(&to);
    let _ = std::fs::write(to.join("report.txt"), report);
    let _ = Command::new("cp")
        .arg("-a")
        .arg(dir.join("plan"))
        .arg(&to)
        .status();
}

/// The child: check the plan, and build it as the mode says, through the
/// library; exit 0 when planpress behaved, whatever the plan's problems.
fn child(args: &[String]) -> ExitCode {
    let (Some(mode), Some(plan), Some(out)) = (args.first(), args.get(1), args.get(2)) else {
        eprintln!("usage: fuzz --child MODE PLAN OUT");
        return ExitCode::from(2);
    };
    let plan = Path::new(plan);
    if let Some(what) = mode.strip_prefix("selftest-") {
        return self_test(what, plan, Path::new(out));
    }
    let checked = match planpress::check(plan) {
        Ok(checked) => checked,
        // No plan.yaml left, an unreadable folder: a plain error is fine.
        Err(_) => return ExitCode::SUCCESS,
    };
    // Every report form must cope with whatever the plan holds.
    for lang in [
        planpress::model::Language::Da,
        planpress::model::Language::En,
    ] {
        let d = &checked.diagnostics;
        let human = planpress::diagnostic::render_human(d, &checked.sources, lang, false);
        let github = planpress::diagnostic::render_github(d, lang);
        let _ = planpress::diagnostic::render_json(d, lang);
        if human.contains('\u{1b}') || github.contains('\u{1b}') {
            eprintln!("a raw escape character from the plan reached a report");
            return ExitCode::from(3);
        }
    }
    // 0: the plan checked clean; 4: it has errors. Both are planpress behaving.
    let verdict = if checked.errors() > 0 {
        ExitCode::from(4)
    } else {
        ExitCode::SUCCESS
    };
    let only = match mode.as_str() {
        "check" => return verdict,
        "build" => vec![planpress::Output::Data, planpress::Output::Site],
        _ => Vec::new(),
    };
    let options = planpress::BuildOptions {
        out: Some(PathBuf::from(out)),
        only,
        strict: false,
        force: false,
        report: None,
        render: planpress::render::Options::at(Some(0)),
    };
    let runs = if mode == "build" { 2 } else { 1 };
    for _ in 0..runs {
        match planpress::build(plan, &options) {
            Ok(_) if checked.errors() > 0 => {
                eprintln!(
                    "the build succeeded although check found {} errors",
                    checked.errors()
                );
                return ExitCode::from(3);
            }
            Ok(_) => {}
            Err(failure) => {
                if checked.errors() == 0 && matches!(failure.error, planpress::BuildError::Invalid)
                {
                    eprintln!("check passed but the build called the plan invalid");
                    return ExitCode::from(3);
                }
                if checked.errors() > 0 && Path::new(out).exists() {
                    eprintln!("a build of a plan with errors wrote {out}");
                    return ExitCode::from(3);
                }
                return verdict;
            }
        }
    }
    verdict
}

/// Misbehaviour on purpose, so the campaign can show it catches each kind.
fn self_test(what: &str, plan: &Path, out: &Path) -> ExitCode {
    match what {
        "panic" => panic!("a panic on purpose"),
        "hang" => loop {
            std::thread::sleep(Duration::from_secs(1));
        },
        "memory" => {
            let mut hog: Vec<Vec<u8>> = Vec::new();
            loop {
                hog.push(vec![1; 1 << 28]);
            }
        }
        "overflow" => {
            fn deep(n: u64) -> u64 {
                let pad = [n; 64];
                if n == 0 {
                    0
                } else {
                    deep(n - 1) + std::hint::black_box(pad)[0]
                }
            }
            ExitCode::from(deep(u64::MAX) as u8)
        }
        "outside" => {
            let _ = std::fs::write(plan.join("stray.txt"), "x");
            ExitCode::SUCCESS
        }
        _ => {
            let _ = std::fs::create_dir_all(out);
            let _ = std::fs::write(out.join("leak.txt"), SECRET);
            ExitCode::SUCCESS
        }
    }
}

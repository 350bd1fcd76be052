//! Helpers shared by the end-to-end tests: temporary plan folders, running
//! the `planpress` binary and reading its `--format json` output.

#![allow(dead_code)]

pub mod hostile;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The base plan's `plan.yaml`. Line numbers, for tests that edit it:
///
/// ```text
///  1 title: Testplan 2027
///  2 organisation: Testby Kommune
///  3 period: 2027
///  4 language: da
///  5 as_of: 2026-10-01
///  6 target_groups:
///  7   - { id: unge, name: Unge uden uddannelse }
///  8 tracks:
///  9   - { id: skabe-job, name: Skabe job }
/// 10 national_goals:
/// 11   - { id: M1, name: Flere unge skal have en uddannelse }
/// ```
pub const BASE_PLAN: &str = "\
title: Testplan 2027
organisation: Testby Kommune
period: 2027
language: da
as_of: 2026-10-01
target_groups:
  - { id: unge, name: Unge uden uddannelse }
tracks:
  - { id: skabe-job, name: Skabe job }
national_goals:
  - { id: M1, name: Flere unge skal have en uddannelse }
";

/// `content/01-forord.md` of the base plan: prose only.
pub const BASE_FORORD: &str = "\
---
title: Forord
order: 1
summary: Et kort forord.
---

Planen beskriver årets indsats.
";

/// `content/02-unge.md` of the base plan: the one goal, covering the target
/// group `unge`, the track and the national goal.
///
/// ```text
///  1 ---
///  2 title: Unge
///  3 order: 2
///  4 target_group: unge
///  5 goals:
///  6   - id: U1
///  7     title: Flere unge i uddannelse
///  8     national_goals: [M1]
///  9     tracks: [skabe-job]
/// 10     deadline: 2027-12-31
/// 11     indicators:
/// 12       - name: Unge i uddannelse
/// 13         unit: percent
/// 14         direction: increase
/// 15         baseline: { year: 2024, value: 40.5 }
/// 16         actuals: { 2025: 42, 2026: 43.5 }
/// 17         targets: { 2027: 45 }
/// 18 ---
/// 19
/// 20 ## Mål
/// 21
/// 22 {{ goals() }}
/// ```
pub const BASE_UNGE: &str = "\
---
title: Unge
order: 2
target_group: unge
goals:
  - id: U1
    title: Flere unge i uddannelse
    national_goals: [M1]
    tracks: [skabe-job]
    deadline: 2027-12-31
    indicators:
      - name: Unge i uddannelse
        unit: percent
        direction: increase
        baseline: { year: 2024, value: 40.5 }
        actuals: { 2025: 42, 2026: 43.5 }
        targets: { 2027: 45 }
---

## Mål

{{ goals() }}
";

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// A fresh, empty folder under the system's temp folder, removed on drop.
pub struct TempDir {
    path: PathBuf,
}

impl TempDir {
    pub fn new(name: &str) -> TempDir {
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let safe: String = name
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        let path =
            std::env::temp_dir().join(format!("planpress-test-{}-{n}-{safe}", std::process::id()));
        if path.exists() {
            std::fs::remove_dir_all(&path).expect("remove stale temp folder");
        }
        std::fs::create_dir_all(&path).expect("create temp folder");
        TempDir { path }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn join(&self, rel: &str) -> PathBuf {
        self.path.join(rel)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// A plan folder in a temp folder.
pub struct Plan {
    dir: TempDir,
}

impl Plan {
    /// The base plan: plan.yaml, content/01-forord.md and content/02-unge.md.
    /// It checks clean; tests add or overwrite files to make one problem.
    pub fn new(name: &str) -> Plan {
        let plan = Plan::empty(name);
        plan.write("plan.yaml", BASE_PLAN)
            .write("content/01-forord.md", BASE_FORORD)
            .write("content/02-unge.md", BASE_UNGE);
        plan
    }

    /// An empty folder: no plan.yaml, no content/.
    pub fn empty(name: &str) -> Plan {
        Plan {
            dir: TempDir::new(name),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn join(&self, rel: &str) -> PathBuf {
        self.dir.join(rel)
    }

    /// Writes `text` to `rel` (creating folders), replacing what was there.
    pub fn write(&self, rel: &str, text: &str) -> &Plan {
        self.write_bytes(rel, text.as_bytes())
    }

    pub fn write_bytes(&self, rel: &str, bytes: &[u8]) -> &Plan {
        let path = self.dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create folder");
        }
        std::fs::write(&path, bytes).expect("write fixture file");
        self
    }

    pub fn remove(&self, rel: &str) -> &Plan {
        let path = self.dir.join(rel);
        if path.is_dir() {
            std::fs::remove_dir_all(&path).expect("remove folder");
        } else {
            std::fs::remove_file(&path).expect("remove file");
        }
        self
    }

    pub fn mkdir(&self, rel: &str) -> &Plan {
        std::fs::create_dir_all(self.dir.join(rel)).expect("create folder");
        self
    }

    /// `planpress check <plan> <args…>`.
    pub fn check(&self, args: &[&str]) -> Run {
        let mut all = vec!["check", path_str(self.path())];
        all.extend_from_slice(args);
        run(&all)
    }

    /// `planpress check <plan> --format json <args…>`, parsed.
    pub fn check_json(&self, args: &[&str]) -> (Run, Json) {
        let mut all = vec!["--format", "json"];
        all.extend_from_slice(args);
        let run = self.check(&all);
        let json = run.json();
        self.assert_sane(&json);
        (run, json)
    }

    /// Every diagnostic names a file of the plan (relative, `/`-separated)
    /// and a 1-based position inside it; the counts match the list.
    #[track_caller]
    pub fn assert_sane(&self, json: &Json) {
        let diags = json.diags();
        for d in &diags {
            assert!(
                !d.file.is_empty() && !d.file.starts_with('/') && !d.file.contains('\\'),
                "file of {d} is not relative to the plan folder"
            );
            assert!(
                std::fs::symlink_metadata(self.join(&d.file)).is_ok() || d.file == "content",
                "file of {d} does not exist"
            );
            assert!(
                d.line >= 1 && d.column >= 1,
                "position of {d} is not 1-based"
            );
            assert!(
                d.severity == "error" || d.severity == "warning",
                "severity of {d}"
            );
            assert!(!d.message.trim().is_empty(), "empty message: {d}");
            if let Ok(bytes) = std::fs::read(self.join(&d.file)) {
                let lines = bytes.split(|&b| b == b'\n').count() as u64;
                assert!(
                    d.line <= lines,
                    "{d} lies past the end of the file ({lines} lines)"
                );
            }
        }
        let errors = diags.iter().filter(|d| d.severity == "error").count() as u64;
        assert_eq!(
            (json.errors(), json.warnings()),
            (errors, diags.len() as u64 - errors),
            "counts do not match the list:\n{}",
            json.listing()
        );
    }

    /// `git <args…>` in the plan folder, with a fixed author and no user
    /// settings, so a test can keep the plan's history; panics when git fails.
    pub fn git(&self, args: &[&str]) -> String {
        let out = std::process::Command::new("git")
            .arg("-C")
            .arg(self.path())
            .args([
                "-c",
                "user.name=Test",
                "-c",
                "user.email=test@example.invalid",
            ])
            .args([
                "-c",
                "commit.gpgsign=false",
                "-c",
                "init.defaultBranch=main",
            ])
            .args(args)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .output()
            .expect("git runs");
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// `planpress build <plan> <args…>`.
    pub fn build(&self, args: &[&str]) -> Run {
        let mut all = vec!["build", path_str(self.path())];
        all.extend_from_slice(args);
        run(&all)
    }
}

pub fn path_str(p: &Path) -> &str {
    p.to_str().expect("temp paths are UTF-8")
}

/// What one run of the binary did.
#[derive(Debug)]
pub struct Run {
    pub args: Vec<String>,
    /// `None` when killed by a signal.
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Parses standard output as the `--format json` report.
    pub fn json(&self) -> Json {
        let value: serde_json::Value =
            serde_json::from_str(self.stdout.trim()).unwrap_or_else(|e| {
                panic!(
                    "stdout of {:?} is not JSON ({e})\n--- stdout ---\n{}\n--- stderr ---\n{}",
                    self.args, self.stdout, self.stderr
                )
            });
        Json(value)
    }

    /// Asserts the exit code, showing the output when it differs.
    #[track_caller]
    pub fn assert_code(&self, code: i32) -> &Run {
        assert_eq!(
            self.code,
            Some(code),
            "exit code of {:?}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.args,
            self.stdout,
            self.stderr
        );
        self
    }

    /// Asserts the run did not panic (exit 101 or a "panicked" message).
    #[track_caller]
    pub fn assert_no_panic(&self) -> &Run {
        assert!(
            !self.stderr.contains("panicked") && self.code != Some(101) && self.code.is_some(),
            "{:?} panicked or was killed (code {:?})\n--- stderr ---\n{}",
            self.args,
            self.code,
            self.stderr
        );
        self
    }
}

/// Runs the binary with `args`, in the system temp folder (so a stray
/// relative path can never touch the repository).
pub fn run(args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_planpress"))
        .args(args)
        .current_dir(std::env::temp_dir())
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .output()
        .expect("run planpress");
    Run {
        args: args.iter().map(|s| s.to_string()).collect(),
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// The `--format json` report.
pub struct Json(pub serde_json::Value);

/// One diagnostic of the JSON report.
#[derive(Debug, Clone, PartialEq)]
pub struct Diag {
    pub code: String,
    pub severity: String,
    pub file: String,
    pub line: u64,
    pub column: u64,
    pub message: String,
    pub hint: Option<String>,
}

impl std::fmt::Display for Diag {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(
            f,
            "{}[{}] {}:{}:{}: {}",
            self.severity, self.code, self.file, self.line, self.column, self.message
        )?;
        if let Some(h) = &self.hint {
            write!(f, " (hint: {h})")?;
        }
        Ok(())
    }
}

impl Json {
    pub fn diags(&self) -> Vec<Diag> {
        let list = self.0["diagnostics"]
            .as_array()
            .unwrap_or_else(|| panic!("no `diagnostics` array in {}", self.0));
        list.iter()
            .map(|d| {
                let s = |k: &str| {
                    d[k].as_str()
                        .unwrap_or_else(|| panic!("diagnostic without string `{k}`: {d}"))
                        .to_string()
                };
                let n = |k: &str| {
                    d[k].as_u64()
                        .unwrap_or_else(|| panic!("diagnostic without number `{k}`: {d}"))
                };
                Diag {
                    code: s("code"),
                    severity: s("severity"),
                    file: s("file"),
                    line: n("line"),
                    column: n("column"),
                    message: s("message"),
                    hint: d["hint"].as_str().map(str::to_string),
                }
            })
            .collect()
    }

    pub fn errors(&self) -> u64 {
        self.0["errors"].as_u64().expect("`errors` count")
    }

    pub fn warnings(&self) -> u64 {
        self.0["warnings"].as_u64().expect("`warnings` count")
    }

    /// All diagnostics, one a line, for failure messages.
    pub fn listing(&self) -> String {
        let diags = self.diags();
        if diags.is_empty() {
            return "  (no diagnostics)".into();
        }
        diags
            .iter()
            .map(|d| format!("  {d}"))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The diagnostics with this code.
    pub fn with_code(&self, code: &str) -> Vec<Diag> {
        self.diags()
            .into_iter()
            .filter(|d| d.code == code)
            .collect()
    }
}

/// Asserts a diagnostic with `code` at `file:line:column` exists and returns
/// it; on failure prints every diagnostic.
#[track_caller]
pub fn assert_diag(json: &Json, code: &str, file: &str, line: u64, column: u64) -> Diag {
    let diags = json.diags();
    match diags
        .iter()
        .find(|d| d.code == code && d.file == file && d.line == line && d.column == column)
    {
        Some(d) => d.clone(),
        None => panic!(
            "expected {code} at {file}:{line}:{column}; the diagnostics were:\n{}",
            json.listing()
        ),
    }
}

/// Asserts the report holds exactly one diagnostic: `code` with `severity`
/// at `file:line:column`, and that the counts agree.
#[track_caller]
pub fn assert_only(
    json: &Json,
    severity: &str,
    code: &str,
    file: &str,
    line: u64,
    column: u64,
) -> Diag {
    let diags = json.diags();
    assert_eq!(
        diags.len(),
        1,
        "expected exactly one diagnostic ({severity}[{code}] at {file}:{line}:{column}); the diagnostics were:\n{}",
        json.listing()
    );
    let d = assert_diag(json, code, file, line, column);
    assert_eq!(d.severity, severity, "severity of {d}");
    let (errors, warnings) = if severity == "error" { (1, 0) } else { (0, 1) };
    assert_eq!(
        (json.errors(), json.warnings()),
        (errors, warnings),
        "counts in {}",
        json.0
    );
    d
}

/// Asserts the report is empty.
#[track_caller]
pub fn assert_clean(json: &Json) {
    assert!(
        json.diags().is_empty(),
        "expected no diagnostics; they were:\n{}",
        json.listing()
    );
    assert_eq!((json.errors(), json.warnings()), (0, 0), "{}", json.0);
}

/// The repository's own plan folder (its plan.yaml and content/).
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Like [`run`], but kills the binary after `limit` and says so: for inputs
/// that once made planpress hang. `code` is `None` when it was killed.
pub fn run_limited(args: &[&str], limit: std::time::Duration) -> Run {
    use std::io::Read;
    let mut child = Command::new(env!("CARGO_BIN_EXE_planpress"))
        .args(args)
        .current_dir(std::env::temp_dir())
        .env_remove("NO_COLOR")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run planpress");
    // Drain both pipes on their own threads so a chatty child cannot block.
    let mut out = child.stdout.take().expect("stdout");
    let mut err = child.stderr.take().expect("stderr");
    let out = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = out.read_to_end(&mut s);
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = err.read_to_end(&mut s);
        s
    });
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for planpress") {
            break Some(status);
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let stdout = String::from_utf8_lossy(&out.join().unwrap_or_default()).into_owned();
    let mut stderr = String::from_utf8_lossy(&err.join().unwrap_or_default()).into_owned();
    if status.is_none() {
        stderr.push_str(&format!("\n(killed after {limit:?})"));
    }
    Run {
        args: args.iter().map(|s| s.to_string()).collect(),
        code: status.and_then(|s| s.code()),
        stdout,
        stderr,
    }
}

/// A section `content/03-ledige.md` with one goal and one indicator whose
/// lines 9–13 are `indicator` (unit, direction, baseline, actuals, targets):
///
/// ```text
///  1 ---
///  2 title: Ledige
///  3 order: 3
///  4 goals:
///  5   - id: L1
///  6     title: Færre ledige
///  7     indicators:
///  8       - name: Ledige i alt
///  9 .. 13   (indicator, 8 spaces of indent)
/// 14 ---
/// 15
/// 16 Tekst.
/// ```
///
/// Columns on lines 9–13 (with the usual flow mappings):
/// `unit:` value 15, `direction:` value 20, baseline `year` value 27 and
/// `value` value 40, first key of `actuals`/`targets` 20 and its value 26.
pub fn ledige(indicator: &str) -> String {
    assert_eq!(indicator.lines().count(), 5, "lines 9–13");
    format!(
        "---\ntitle: Ledige\norder: 3\ngoals:\n  - id: L1\n    title: Færre ledige\n    indicators:\n      - name: Ledige i alt\n{indicator}---\n\nTekst.\n"
    )
}

/// A clean indicator for [`ledige`].
pub const LEDIGE_OK: &str = "        unit: count
        direction: decrease
        baseline: { year: 2024, value: 900 }
        actuals: { 2025: 850, 2026: 800 }
        targets: { 2027: 700 }
";

/// Checks `plan` as JSON and asserts it reports exactly one diagnostic.
#[track_caller]
pub fn only(plan: &Plan, severity: &str, code: &str, file: &str, line: u64, column: u64) -> Diag {
    let (run, json) = plan.check_json(&[]);
    let d = assert_only(&json, severity, code, file, line, column);
    run.assert_code(if severity == "error" { 1 } else { 0 });
    assert!(!d.message.is_empty(), "{d}");
    d
}

/// `text` with Windows line endings.
pub fn crlf(text: &str) -> String {
    text.replace('\n', "\r\n")
}

/// The diagnostic `code` at `file:line:column`, with its words in English
/// (`--lang en`); the fixtures are Danish plans.
#[track_caller]
pub fn in_english(plan: &Plan, code: &str, file: &str, line: u64, column: u64) -> Diag {
    let (_, json) = plan.check_json(&["--lang", "en"]);
    assert_diag(&json, code, file, line, column)
}

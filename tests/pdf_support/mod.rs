//! Tools for the PDF tests: building a plan with the binary, running the
//! PDF tools (qpdf, poppler, the PDF/UA checkers), and reading a PDF's
//! objects from `qpdf --json` (an independent reader, not our writer).

#![allow(dead_code)]

use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

pub const BIN: &str = env!("CARGO_BIN_EXE_planpress");
pub const ROOT: &str = env!("CARGO_MANIFEST_DIR");

pub fn tool(name: &str) -> Command {
    let probe = Command::new(name).arg("--version").output();
    if probe.is_err() {
        panic!(
            "`{name}` is not installed; run scripts/install-test-tools.sh (it installs poppler-utils, qpdf and the PDF/UA checkers)"
        );
    }
    Command::new(name)
}

pub fn run(cmd: &mut Command) -> String {
    let out = cmd.output().expect("run tool");
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    // pdfinfo prints UTF-16 titles of structure elements as raw bytes.
    String::from_utf8_lossy(&out.stdout).into_owned()
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// A fresh output folder for one build.
pub fn out_dir() -> PathBuf {
    let n = COUNTER.fetch_add(1, Ordering::SeqCst);
    let out = std::env::temp_dir().join(format!("planpress-pdf-test-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    out
}

/// Builds the plan in `dir` with `--only pdf` and returns the PDF's path and
/// the build's standard error.
pub fn build(dir: &Path) -> (PathBuf, String) {
    build_with(dir, &[])
}

pub fn build_with(dir: &Path, env: &[(&str, &str)]) -> (PathBuf, String) {
    let out = out_dir();
    let result = Command::new(BIN)
        .arg("build")
        .arg(dir)
        .arg("--out")
        .arg(&out)
        .args(["--only", "pdf"])
        .envs(env.iter().copied())
        .output()
        .expect("run planpress");
    let stderr = String::from_utf8_lossy(&result.stderr).to_string();
    assert!(result.status.success(), "build failed:\n{stderr}");
    (pdf_in(&out), stderr)
}

/// The plan's PDF in `out` (not the status report's or the changes').
pub fn pdf_in(out: &Path) -> PathBuf {
    pdf_named(out, |name| {
        !name.ends_with("-status.pdf") && !name.ends_with("-changes.pdf")
    })
}

/// The PDF in `out` whose file name passes `wanted`.
pub fn pdf_named(out: &Path, wanted: impl Fn(&str) -> bool) -> PathBuf {
    std::fs::read_dir(out)
        .expect("output folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.extension().is_some_and(|e| e == "pdf")
                && p.file_name().and_then(|n| n.to_str()).is_some_and(&wanted)
        })
        .expect("a PDF in the output")
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(ROOT).join("tests/fixtures").join(name)
}

pub fn normalize(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of each page, normalized.
pub fn pages(pdf: &Path) -> Vec<String> {
    let text = run(tool("pdftotext").arg("-enc").arg("UTF-8").arg(pdf).arg("-"));
    let mut pages: Vec<String> = text.split('\u{c}').map(normalize).collect();
    if pages.last().is_some_and(String::is_empty) {
        pages.pop();
    }
    pages
}

pub fn page_count(pdf: &Path) -> usize {
    let info = run(tool("pdfinfo").arg(pdf));
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|v| v.trim().parse().ok())
        .expect("page count")
}

/// Renders pages `first..=last` to PNG at `dpi`; returns the images' bytes.
pub fn render_pages(
    pdf: &Path,
    tag: &str,
    dpi: u32,
    range: Option<(usize, usize)>,
) -> Vec<Vec<u8>> {
    let dir = pdf.parent().expect("folder").join(format!("png-{tag}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("png folder");
    let mut cmd = tool("pdftoppm");
    cmd.args(["-r", &dpi.to_string(), "-png"]);
    if let Some((f, l)) = range {
        cmd.args(["-f", &f.to_string(), "-l", &l.to_string()]);
    }
    run(cmd.arg(pdf).arg(dir.join("p")));
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("pngs")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| std::fs::read(f).expect("png"))
        .collect()
}

/// Renders one page as raw RGB pixels (poppler's PPM output): width,
/// height and the pixels.
pub fn page_pixels(pdf: &Path, page: usize, dpi: u32) -> (usize, usize, Vec<u8>) {
    let out = Command::new("pdftoppm")
        .args([
            "-r",
            &dpi.to_string(),
            "-f",
            &page.to_string(),
            "-l",
            &page.to_string(),
        ])
        .arg(pdf)
        .output()
        .expect("pdftoppm");
    assert!(out.status.success());
    let ppm = out.stdout;
    // P6 <w> <h> <max>\n<pixels>
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while ppm[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !ppm[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&ppm[start..at]).to_string());
    }
    let (w, h): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    (w, h, ppm[at + 1..].to_vec())
}

/// `pdfinfo -struct-text` as a flat list: each element's type (`H1`, `P`,
/// `TH`, …) and each non-empty text as `"…"` (whitespace normalized), in
/// reading order.
pub fn struct_text(pdf: &Path) -> Vec<String> {
    let out = run(tool("pdfinfo").arg("-struct-text").arg(pdf));
    let mut items = Vec::new();
    for line in out.lines() {
        let t = line.trim();
        if t.is_empty() || t.starts_with('/') {
            continue;
        }
        if let Some(text) = t.strip_prefix('"') {
            let text = normalize(text.strip_suffix('"').unwrap_or(text));
            if !text.is_empty() {
                items.push(format!("\"{text}\""));
            }
        } else {
            let tag = t.split_whitespace().next().unwrap_or(t);
            items.push(tag.trim_end_matches(':').to_string());
        }
    }
    items
}

/// A PDF's objects as `qpdf --json` reads them.
pub struct Objects {
    objects: HashMap<String, Value>,
    pub trailer: Value,
    file: PathBuf,
}

impl Objects {
    pub fn read(pdf: &Path) -> Objects {
        let json = run(tool("qpdf").args(["--json=2", "--json-key=qpdf"]).arg(pdf));
        let v: Value = serde_json::from_str(&json).expect("qpdf JSON");
        let map = v["qpdf"][1].as_object().expect("objects").clone();
        let mut objects = HashMap::new();
        let mut trailer = Value::Null;
        for (k, v) in map {
            if k == "trailer" {
                trailer = v["value"].clone();
            } else if let Some(r) = k.strip_prefix("obj:") {
                let body = if v.get("stream").is_some() {
                    v["stream"]["dict"].clone()
                } else {
                    v["value"].clone()
                };
                objects.insert(r.to_string(), body);
            }
        }
        Objects {
            objects,
            trailer,
            file: pdf.to_path_buf(),
        }
    }

    /// Follows a reference (`"12 0 R"`); anything else is itself.
    pub fn get<'a>(&'a self, v: &'a Value) -> &'a Value {
        match v.as_str() {
            Some(r) if r.ends_with(" R") => self.objects.get(r).unwrap_or(&Value::Null),
            _ => v,
        }
    }

    pub fn catalog(&self) -> &Value {
        self.get(&self.trailer["/Root"])
    }

    /// Every dictionary (or stream dictionary) in the file.
    pub fn all(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.objects.iter()
    }

    /// The decoded data of a stream object (`"12 0 R"`).
    pub fn stream(&self, reference: &str) -> Vec<u8> {
        let id = reference.split_whitespace().next().expect("object number");
        let out = Command::new("qpdf")
            .arg(format!("--show-object={id}"))
            .arg("--filtered-stream-data")
            .arg(&self.file)
            .output()
            .expect("qpdf");
        assert!(out.status.success());
        out.stdout
    }

    /// The pages in order.
    pub fn pages(&self) -> Vec<&Value> {
        fn walk<'a>(o: &'a Objects, node: &'a Value, out: &mut Vec<&'a Value>) {
            let node = o.get(node);
            match node["/Kids"].as_array() {
                Some(kids) => kids.iter().for_each(|k| walk(o, k, out)),
                None => out.push(node),
            }
        }
        let mut out = Vec::new();
        walk(self, &self.catalog()["/Pages"], &mut out);
        out
    }
}

/// A PDF string as qpdf's JSON gives it (`u:` text or `b:` hex bytes).
pub fn text(v: &Value) -> String {
    let s = v.as_str().unwrap_or("");
    if let Some(t) = s.strip_prefix("u:") {
        t.to_string()
    } else if let Some(hex) = s.strip_prefix("b:") {
        let bytes: Vec<u8> = (0..hex.len() / 2)
            .filter_map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).ok())
            .collect();
        String::from_utf8_lossy(&bytes).to_string()
    } else {
        s.to_string()
    }
}

/// What `outloud` says about a PDF: its error count and the PDF/UA-1
/// checkpoints that fail.
pub fn outloud(pdf: &Path) -> (i64, Vec<String>) {
    let out = std::process::Command::new("outloud")
        .args(["--criteria", "--fail-on", "never", "--json", "-"])
        .arg(pdf)
        .output()
        .expect("outloud is not installed; run scripts/install-test-tools.sh");
    let v: Value = serde_json::from_slice(&out.stdout).expect("outloud's JSON report");
    let r = &v["results"][0];
    let failed = r["criteria"]["pdfua1"]
        .as_array()
        .expect("PDF/UA-1 checkpoints")
        .iter()
        .filter(|c| c["status"] == "fail")
        .map(|c| format!("{} {}", c["id"], c["name"]))
        .collect();
    (r["counts"]["error"].as_i64().unwrap_or(-1), failed)
}

/// Two independent PDF/UA-1 checkers pass `pdf`: no failed checkpoint and
/// no error from `outloud`, no error from `pdfua`.
pub fn assert_pdf_ua(pdf: &Path) {
    let (errors, failed) = outloud(pdf);
    assert!(
        failed.is_empty(),
        "{}: failed PDF/UA-1 checkpoints {failed:?}",
        pdf.display()
    );
    assert_eq!(errors, 0, "{}: outloud reports errors", pdf.display());
    let out = Command::new("pdfua")
        .args(["check", "--min-severity", "error"])
        .arg(pdf)
        .output()
        .expect("pdfua is not installed; run scripts/install-test-tools.sh");
    assert!(
        out.status.success(),
        "pdfua: {}",
        String::from_utf8_lossy(&out.stdout)
    );
}

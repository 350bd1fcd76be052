//! Helpers for the tests of hostile and unlucky input (`tests/security.rs`,
//! `tests/limits.rs`, `tests/output_folder.rs`).

use super::*;

/// Checks `plan` and asserts exactly one error, `code` at `file:line:column`.
#[track_caller]
pub fn one_error(plan: &Plan, code: &str, file: &str, line: u64, column: u64) -> Diag {
    let (run, json) = plan.check_json(&["--lang", "en"]);
    run.assert_no_panic();
    let d = assert_only(&json, "error", code, file, line, column);
    run.assert_code(1);
    d
}

/// A section `content/03-dybt.md` whose body (from line 5) is `body`.
pub fn dybt(body: &str) -> String {
    format!("---\ntitle: Dybt\norder: 3\n---\n{body}")
}

/// A file outside the plan folder with a unique word in it, which no output
/// may ever contain.
pub struct Secret {
    pub dir: TempDir,
}

pub const SECRET_WORD: &str = "hemmelig-9f3a1c";

impl Secret {
    pub fn new(name: &str) -> Secret {
        let dir = TempDir::new(&format!("{name}-secret"));
        std::fs::write(dir.join("secret.txt"), format!("{SECRET_WORD}\n")).expect("secret");
        std::fs::create_dir_all(dir.join("theme/templates")).expect("theme folder");
        std::fs::write(dir.join("theme/templates/404.html"), SECRET_WORD).expect("secret theme");
        std::fs::write(dir.join("logo.png"), SECRET_WORD).expect("secret logo");
        Secret { dir }
    }

    pub fn file(&self) -> String {
        path_str(&self.dir.join("secret.txt")).to_string()
    }

    /// Asserts no file under `dir` holds the secret word or was written there.
    #[track_caller]
    pub fn assert_not_in(&self, dir: &std::path::Path) {
        for entry in walk(dir) {
            let bytes = std::fs::read(&entry).unwrap_or_default();
            assert!(
                !String::from_utf8_lossy(&bytes).contains(SECRET_WORD),
                "{} holds the secret",
                entry.display()
            );
        }
    }
}

/// Every regular file under `dir`, not following links (the links a test
/// made are not output).
pub fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let t = e.file_type().expect("file type");
        if t.is_dir() {
            out.extend(walk(&e.path()));
        } else if t.is_file() {
            out.push(e.path());
        }
    }
    out
}

#[cfg(unix)]
pub fn symlink(target: &str, link: &std::path::Path) {
    if let Some(parent) = link.parent() {
        std::fs::create_dir_all(parent).expect("folder");
    }
    std::os::unix::fs::symlink(target, link).expect("symlink");
}

/// A 1×1 PNG.
pub const TINY_PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0,
    0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x89, 0x99, 0x3D, 0x1D, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
    0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
];

pub fn fixture_image(name: &str) -> Vec<u8> {
    std::fs::read(repo_root().join("tests/fixtures/images").join(name)).expect("image fixture")
}

/// Every entry under `dir` (files and folders, not following links) with
/// its bytes, for before/after comparisons.
pub fn tree(dir: &std::path::Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    walk(dir)
        .into_iter()
        .map(|p| {
            let rel = p
                .strip_prefix(dir)
                .expect("inside")
                .to_string_lossy()
                .into_owned();
            let bytes = std::fs::read(&p).expect("read");
            (rel, bytes)
        })
        .collect()
}

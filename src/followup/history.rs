//! The adopted version of a plan, read from git: `adopted.ref` in
//! plan.yaml names a tag or commit, and its plan.yaml and content/ are
//! read out of the repository (never checked out: the work tree, the index
//! and the branch stay as they are) into memory, then loaded and validated
//! like any plan by the same loader (nothing is written to disk). Most of
//! its files are byte for byte the plan's own, so a build hands over what
//! its check read and learnt ([`Known`]): only the files that differ are
//! parsed again, and only their sections checked again by themselves.
//!
//! planpress runs the `git` command rather than linking a git library: a
//! plan kept in git has git at hand, the commands used (`rev-parse`,
//! `ls-tree`, `diff-index`, `cat-file`) have been stable for a decade, and a
//! library (gix) would add about a hundred crates and minutes of building
//! on two cores for four reads.

pub use crate::diagnostic::HistoryProblem;
use crate::load::{Files, Loaded};
use crate::model::{GitCommit as Commit, Plan};
use crate::validate::Cache;
use std::collections::{BTreeMap, HashSet};
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};

/// The commit `git_ref` names in the repository around `root`.
pub fn resolve(root: &Path, git_ref: &str) -> Result<Commit, HistoryProblem> {
    // A name starting with `-` would be read as an option.
    if git_ref.starts_with('-') || git_ref.chars().any(|c| c.is_control() || c == ' ') {
        return Err(HistoryProblem::UnknownRef);
    }
    let prefix = git(root, &["rev-parse", "--show-prefix"], None).map_err(|e| match e {
        HistoryProblem::Git(_) => HistoryProblem::NotInGit,
        other => other,
    })?;
    let spec = format!("{git_ref}^{{commit}}");
    let hash =
        git(root, &["rev-parse", "--verify", "--quiet", &spec], None).map_err(|e| match e {
            HistoryProblem::Git(_) => HistoryProblem::UnknownRef,
            other => other,
        })?;
    Ok(Commit {
        hash: String::from_utf8_lossy(&hash).trim().to_string(),
        prefix: String::from_utf8_lossy(&prefix).trim().to_string(),
    })
}

/// What the check of the plan as it is now read and learnt: its files as
/// loaded, and the validation's cache of each section on its own.
pub struct Known {
    pub loaded: Loaded,
    pub cache: Cache,
}

impl Known {
    /// Whether `loaded`'s plan.yaml names an adopted version (`adopted:`
    /// with a `ref`), the one reason a build reads the plan a second time
    /// and so keeps what its check learnt.
    pub fn wanted(loaded: &Loaded) -> bool {
        loaded
            .plan
            .as_ref()
            .and_then(|plan| plan.get("adopted")?.get("ref"))
            .is_some()
    }
}

/// The plan as it was at `commit`: its plan.yaml and content/ read into
/// memory, then loaded and validated as if they lay in `root` (so a theme
/// or an `adopted.ref` of its own is looked up in the plan's folder).
/// With `known`, the files that are the same bytes as those it holds are
/// taken from it rather than parsed, and their sections' own checks from
/// its cache; the rules that span files run on the whole version as ever.
pub fn adopted_plan(
    root: &Path,
    commit: &Commit,
    known: Option<Known>,
) -> Result<Plan, HistoryProblem> {
    let paths = [
        format!("{}plan.yaml", commit.prefix),
        format!("{}content", commit.prefix),
    ];
    let listing = git(
        root,
        &[
            "ls-tree",
            "-r",
            "-z",
            "--full-tree",
            &commit.hash,
            "--",
            &paths[0],
            &paths[1],
        ],
        None,
    )?;
    // `<mode> <type> <hash>\t<path>`: regular files only (a link in the
    // history could point anywhere; a submodule is not the plan's). Which
    // paths the plan may read is the loader's to decide.
    let mut files: Vec<(String, String)> = Vec::new();
    for entry in listing.split(|&b| b == 0).filter(|e| !e.is_empty()) {
        let entry = String::from_utf8_lossy(entry);
        let Some((meta, path)) = entry.split_once('\t') else {
            continue;
        };
        let mut meta = meta.split(' ');
        let (Some(mode), Some("blob"), Some(hash)) = (meta.next(), meta.next(), meta.next()) else {
            continue;
        };
        if mode == "120000" {
            continue;
        }
        if let Some(rel) = path.strip_prefix(&commit.prefix) {
            files.push((hash.to_string(), rel.to_string()));
        }
    }
    // With what the check read, a file git finds the same in the work tree
    // is taken from it (the check read its text a moment ago), and only the
    // others are read out of git; all of them where git cannot compare
    // (a work tree it does not see, say).
    let differ = known
        .as_ref()
        .and_then(|_| differ_from_work_tree(root, commit, &paths).ok());
    let mut read = BTreeMap::new();
    let mut wanted = String::new();
    let mut asked = Vec::new();
    for (hash, rel) in files {
        let same = differ.as_ref().is_some_and(|d| !d.contains(&rel));
        let text = known.as_ref().and_then(|k| k.loaded.sources.get(&rel));
        match text.filter(|_| same) {
            Some(text) => {
                read.insert(rel, text.as_bytes().to_vec());
            }
            None => {
                wanted.push_str(&hash);
                wanted.push('\n');
                asked.push(rel);
            }
        }
    }
    // What differs from the check's files: those read out of git whose
    // bytes are not the text the check read, and those that are gone (the
    // walk of `read` finds those added).
    let mut changed = HashSet::new();
    if !asked.is_empty() {
        let blobs = git(root, &["cat-file", "--batch"], Some(wanted.as_bytes()))?;
        let mut rest = &blobs[..];
        for rel in asked {
            let (bytes, after) = next_blob(rest).ok_or_else(|| {
                HistoryProblem::Git(format!("git cat-file gave no content for {rel}"))
            })?;
            rest = after;
            let now = known.as_ref().and_then(|k| k.loaded.sources.get(&rel));
            if now.map(String::as_bytes) != Some(bytes) {
                changed.insert(rel.clone());
            }
            read.insert(rel, bytes.to_vec());
        }
    }
    let unreadable = |e: crate::load::LoadError| HistoryProblem::Git(e.to_string());
    let validated = match known {
        Some(Known {
            mut loaded,
            mut cache,
        }) => {
            changed.extend(
                loaded
                    .sources
                    .keys()
                    .filter(|rel| !read.contains_key(*rel))
                    .cloned(),
            );
            loaded.files = Files::Memory(read);
            crate::load::reload(&mut loaded, &changed).map_err(unreadable)?;
            cache.last_use();
            crate::validate::validate_with(&loaded, &mut cache)
        }
        None => {
            crate::validate::validate(&crate::load::load_files(root, read).map_err(unreadable)?)
        }
    };
    let errors = crate::diagnostic::count(&validated.diagnostics).0;
    validated
        .plan
        .ok_or(HistoryProblem::AdoptedInvalid { errors })
}

/// The files under `paths` (relative to the top of the repository) whose
/// content in the work tree may not be what it was at `commit`, relative
/// to the plan folder: `git diff-index` against the work tree. It trusts
/// the index's record of each file and writes nothing; a file touched
/// since that record was made is listed too (and then compared byte by
/// byte once read).
fn differ_from_work_tree(
    root: &Path,
    commit: &Commit,
    paths: &[String],
) -> Result<HashSet<String>, HistoryProblem> {
    let top: Vec<String> = paths.iter().map(|p| format!(":(top,literal){p}")).collect();
    let mut args = vec![
        "diff-index",
        "--raw",
        "-z",
        "--no-renames",
        "--ignore-submodules",
        &commit.hash,
        "--",
    ];
    args.extend(top.iter().map(String::as_str));
    let out = git(root, &args, None)?;
    // `:<modes> <hashes> <status>\0<path>\0`, a record per file.
    let mut fields = out.split(|&b| b == 0);
    let mut differ = HashSet::new();
    while let (Some(meta), Some(path)) = (fields.next(), fields.next()) {
        if !meta.starts_with(b":") {
            break;
        }
        let path = String::from_utf8_lossy(path);
        if let Some(rel) = path.strip_prefix(&commit.prefix) {
            differ.insert(rel.to_string());
        }
    }
    Ok(differ)
}

/// One object of `git cat-file --batch` output: `<hash> blob <size>\n`,
/// the bytes, `\n`. Returns the bytes and what follows.
fn next_blob(out: &[u8]) -> Option<(&[u8], &[u8])> {
    let nl = out.iter().position(|&b| b == b'\n')?;
    let header = std::str::from_utf8(&out[..nl]).ok()?;
    let size: usize = header.rsplit(' ').next()?.parse().ok()?;
    let body = out.get(nl + 1..nl + 1 + size)?;
    Some((body, out.get(nl + 2 + size..).unwrap_or(&[])))
}

/// Runs `git -C root args…` with `input` on its standard input; its
/// standard output, or what went wrong.
fn git(root: &Path, args: &[&str], input: Option<&[u8]>) -> Result<Vec<u8>, HistoryProblem> {
    let mut child = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        // The plan's own settings only: no pager, no prompts.
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("GIT_PAGER", "cat")
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => HistoryProblem::NoGit,
            _ => HistoryProblem::Git(e.to_string()),
        })?;
    // Written on a thread of its own: git may fill its output before it
    // has read all its input.
    let writer = input.map(|bytes| {
        let mut stdin = child.stdin.take();
        let bytes = bytes.to_vec();
        std::thread::spawn(move || {
            if let Some(s) = stdin.as_mut() {
                let _ = s.write_all(&bytes);
            }
        })
    });
    let mut out = Vec::new();
    let mut err = Vec::new();
    if let Some(mut o) = child.stdout.take() {
        o.read_to_end(&mut out)
            .map_err(|e| HistoryProblem::Git(e.to_string()))?;
    }
    if let Some(mut e) = child.stderr.take() {
        let _ = e.read_to_end(&mut err);
    }
    if let Some(w) = writer {
        let _ = w.join();
    }
    let status = child
        .wait()
        .map_err(|e| HistoryProblem::Git(e.to_string()))?;
    if status.success() {
        Ok(out)
    } else {
        let words = String::from_utf8_lossy(&err).trim().to_string();
        Err(HistoryProblem::Git(words))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batch_output_is_split_by_its_sizes() {
        let out = b"abc blob 3\nx\ny\ndef blob 0\n\n";
        let (first, rest) = next_blob(out).unwrap();
        assert_eq!(first, b"x\ny");
        let (second, rest) = next_blob(rest).unwrap();
        assert_eq!(second, b"");
        assert!(rest.is_empty());
        assert!(next_blob(b"abc blob 9\nshort\n").is_none());
    }

    #[test]
    fn a_name_that_reads_as_an_option_is_refused() {
        let here = Path::new(env!("CARGO_MANIFEST_DIR"));
        assert_eq!(
            resolve(here, "--output=/tmp/x"),
            Err(HistoryProblem::UnknownRef)
        );
    }
}

//! The output folder: planpress's alone, and never half-written.
//!
//! A build writes everything into a staging folder inside the output
//! folder's working folder (`.planpress/`), and only when all of it is
//! written moves each of its entries (`site/`, the PDF, `goals.json`,
//! `goals.csv`) into place, one rename each. Files planpress did not write
//! are never moved, so a build killed at any moment strands nothing of the
//! user's; what it leaves in `.planpress/` the next build clears away.
//!
//! `.planpress/` also marks the folder as planpress's: a non-empty folder
//! without it is someone else's and refused unless forced. A lock file in
//! it makes builds into one folder take turns instead of tripping over
//! each other.

use crate::BuildError;
use crate::diagnostic::OutputRefusal;
use std::fs::{File, TryLockError};
use std::path::{Component, Path, PathBuf};

/// The working folder inside an output folder; its presence marks the
/// output folder as planpress's.
pub const WORK: &str = ".planpress";
const MARKER: &str = "marker.txt";
const LOCK: &str = "lock";

const MARKER_TEXT: &str = "This folder is written by `planpress build`.\n\
planpress replaces its own outputs here (site/, the PDF, goals.json and\n\
goals.csv) and leaves every other file alone. This .planpress/ folder holds\n\
its lock and, while a build runs, the new output being written.\n";

pub struct Stage {
    out: PathBuf,
    work: PathBuf,
    tmp: PathBuf,
    /// Held until the stage is dropped; other builds into `out` wait.
    _lock: File,
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> BuildError + '_ {
    move |source| BuildError::Write {
        path: path.to_path_buf(),
        source,
    }
}

/// A name no other build uses: this process, and a count within it.
fn unique(prefix: &str) -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNT: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    format!(
        "{prefix}-{}-{nanos}-{}",
        std::process::id(),
        COUNT.fetch_add(1, Ordering::Relaxed)
    )
}

impl Stage {
    /// Takes `out` for this build, after making sure it may: see
    /// [`refusal`] and the marker rule.
    pub fn new(out: &Path, plan_root: &Path, force: bool) -> Result<Stage, BuildError> {
        if let Some(reason) = refusal(out, plan_root) {
            return Err(BuildError::OutputRefused {
                path: out.to_path_buf(),
                reason,
            });
        }
        let work = out.join(WORK);
        let marked = || std::fs::symlink_metadata(&work).is_ok_and(|m| m.is_dir());
        // Marked is asked again after empty: a build starting beside this
        // one may have made the working folder in between, and that is
        // what made the folder non-empty.
        if !force && !marked() && !is_empty(out) && !marked() {
            return Err(BuildError::OutputNotOurs(out.to_path_buf()));
        }
        std::fs::create_dir_all(&work).map_err(io(&work))?;
        let marker = work.join(MARKER);
        if !marker.is_file() {
            std::fs::write(&marker, MARKER_TEXT).map_err(io(&marker))?;
        }
        let lock_path = work.join(LOCK);
        let lock = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(io(&lock_path))?;
        match lock.try_lock() {
            Ok(()) => {}
            // Another build is writing here: wait for it to finish.
            Err(TryLockError::WouldBlock) => lock.lock().map_err(io(&lock_path))?,
            Err(TryLockError::Error(e)) => return Err(io(&lock_path)(e)),
        }
        recover(out, &work)?;
        let tmp = work.join(unique("stage"));
        std::fs::create_dir_all(&tmp).map_err(io(&tmp))?;
        Ok(Stage {
            out: out.to_path_buf(),
            work,
            tmp,
            _lock: lock,
        })
    }

    /// Where a file of the new output is staged.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.tmp.join(rel)
    }

    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), BuildError> {
        let path = self.path(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(io(parent))?;
        }
        std::fs::write(&path, bytes).map_err(io(&path))
    }

    /// A file of the previous output, if it is a plain file planpress
    /// wrote there (a link there is not followed).
    pub fn previous(&self, name: &str) -> Option<Vec<u8>> {
        let path = self.out.join(name);
        let meta = std::fs::symlink_metadata(&path).ok()?;
        meta.is_file().then(|| std::fs::read(&path).ok()).flatten()
    }

    /// Moves each staged entry into the output folder. A file replaces its
    /// old self in one rename; a folder's old self is first parked in the
    /// working folder, then removed.
    pub fn commit(self) -> Result<(), BuildError> {
        let park = self.work.join(unique("old"));
        for entry in std::fs::read_dir(&self.tmp).map_err(io(&self.tmp))? {
            let entry = entry.map_err(io(&self.tmp))?;
            let name = entry.file_name();
            let target = self.out.join(&name);
            let old = std::fs::symlink_metadata(&target).ok();
            let is_file = entry.file_type().is_ok_and(|t| t.is_file());
            if old.as_ref().is_some_and(|m| !(is_file && m.is_file())) {
                std::fs::create_dir_all(&park).map_err(io(&park))?;
                std::fs::rename(&target, park.join(&name)).map_err(io(&target))?;
            }
            if let Err(e) = std::fs::rename(entry.path(), &target) {
                let _ = std::fs::rename(park.join(&name), &target);
                return Err(io(&target)(e));
            }
        }
        let _ = std::fs::remove_dir_all(&park);
        Ok(())
    }
}

impl Drop for Stage {
    /// A build that failed leaves no staging folder behind.
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.tmp);
    }
}

/// Puts back what a build killed in the middle of its swap had parked (an
/// old `site/` whose new one never arrived), and removes every staging and
/// parking folder. Runs under the lock, so none of them is in use.
fn recover(out: &Path, work: &Path) -> Result<(), BuildError> {
    for entry in std::fs::read_dir(work).map_err(io(work))?.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if name.starts_with("old-") {
            for parked in std::fs::read_dir(&path).into_iter().flatten().flatten() {
                let target = out.join(parked.file_name());
                if std::fs::symlink_metadata(&target).is_err() {
                    let _ = std::fs::rename(parked.path(), target);
                }
            }
        }
        if name.starts_with("old-") || name.starts_with("stage-") {
            std::fs::remove_dir_all(&path).map_err(io(&path))?;
        }
    }
    Ok(())
}

fn is_empty(dir: &Path) -> bool {
    std::fs::read_dir(dir).map_or(true, |mut entries| entries.next().is_none())
}

/// Why `out` may not be the output folder of the plan in `plan_root`, or
/// `None` when it may: it must not be a link, a file, the plan folder or a
/// folder holding it (`/` among them), nor lie in `content/` or `themes/`,
/// which a build reads.
pub fn refusal(out: &Path, plan_root: &Path) -> Option<OutputRefusal> {
    let meta = std::fs::symlink_metadata(out).ok();
    if meta.as_ref().is_some_and(|m| m.file_type().is_symlink()) {
        return Some(OutputRefusal::Link);
    }
    if meta.is_some_and(|m| !m.is_dir()) {
        return Some(OutputRefusal::File);
    }
    let (Some(out), Ok(root)) = (resolved(out), plan_root.canonicalize()) else {
        return None;
    };
    if root == out {
        return Some(OutputRefusal::IsPlan);
    }
    if root.starts_with(&out) {
        return Some(OutputRefusal::HoldsPlan);
    }
    if out.starts_with(root.join("content")) {
        return Some(OutputRefusal::InContent);
    }
    if out.starts_with(root.join("themes")) {
        return Some(OutputRefusal::InThemes);
    }
    None
}

/// `path` made absolute with every link followed, also when its last parts
/// do not exist yet: resolved one part at a time, so a `..` climbs from
/// where the part before it really is.
fn resolved(path: &Path) -> Option<PathBuf> {
    let mut out = if path.is_absolute() {
        PathBuf::from("/")
    } else {
        std::env::current_dir().ok()?.canonicalize().ok()?
    };
    for part in path.components() {
        match part {
            Component::Prefix(_) | Component::RootDir => out = PathBuf::from(part.as_os_str()),
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            Component::Normal(name) => {
                out.push(name);
                if let Ok(real) = out.canonicalize() {
                    out = real;
                }
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_paths_that_do_not_exist_yet() {
        let tmp = std::env::temp_dir().canonicalize().unwrap();
        assert_eq!(resolved(&tmp.join("a/b/../c")), Some(tmp.join("a/c")));
        assert_eq!(
            resolved(&tmp.join("a/../..")),
            tmp.parent().map(Path::to_path_buf)
        );
        assert_eq!(resolved(Path::new("/")), Some(PathBuf::from("/")));
    }
}

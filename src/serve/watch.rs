//! Watching the files a plan is built from: `plan.yaml`, `content/` and
//! `themes/`, with notify's debouncer gathering the several events one save
//! makes into one batch.

use notify_debouncer_full::notify::event::{AccessKind, AccessMode, EventKind};
use notify_debouncer_full::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a file must be quiet before its change is passed on. Editors
/// write a file in a few steps within a millisecond or two; longer would
/// only delay what the author sees.
const QUIET: Duration = Duration::from_millis(20);

/// The folders under the plan whose files are watched, recursively.
const FOLDERS: [&str; 2] = ["content", "themes"];

/// What the watcher passes on.
pub(super) enum Change {
    /// Files changed, relative to the plan folder and `/`-separated.
    Files(Vec<String>),
    /// The watcher lost track (say, too many events): read everything again.
    Lost(String),
}

pub(super) struct Watch {
    debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
    root: PathBuf,
    watched: HashSet<&'static str>,
}

impl Watch {
    /// Watches the plan folder `root` (absolute), sending each batch of
    /// changes that matter to `send`.
    pub(super) fn start(
        root: &Path,
        send: impl Fn(Change) + Send + 'static,
    ) -> Result<Watch, notify_debouncer_full::notify::Error> {
        let base = root.to_path_buf();
        let handler = move |result: DebounceEventResult| match result {
            Ok(events) => {
                let files: Vec<String> = events
                    .iter()
                    .filter(|e| changes_content(&e.kind))
                    .flat_map(|e| &e.paths)
                    .filter_map(|path| relevant(&base, path))
                    .collect();
                if !files.is_empty() {
                    send(Change::Files(files));
                }
            }
            Err(errors) => send(Change::Lost(
                errors
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; "),
            )),
        };
        let debouncer = new_debouncer(QUIET, None, handler)?;
        let mut watch = Watch {
            debouncer,
            root: root.to_path_buf(),
            watched: HashSet::new(),
        };
        // plan.yaml, and content/ or themes/ appearing.
        watch.debouncer.watch(root, RecursiveMode::NonRecursive)?;
        watch.refresh();
        Ok(watch)
    }

    /// Starts watching `content/` and `themes/` if they have appeared since.
    pub(super) fn refresh(&mut self) {
        for folder in FOLDERS {
            let path = self.root.join(folder);
            if !path.is_dir() {
                self.watched.remove(folder);
            } else if !self.watched.contains(folder)
                && self
                    .debouncer
                    .watch(&path, RecursiveMode::Recursive)
                    .is_ok()
            {
                self.watched.insert(folder);
            }
        }
    }
}

/// Whether an event may mean a file is different: not a mere opening or
/// reading, which planpress itself does on every build.
fn changes_content(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

/// `path` relative to the plan folder, when a build reads it: plan.yaml, or
/// anything under content/ or themes/ but hidden files and editors' own.
fn relevant(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).ok()?;
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let first = parts.first()?;
    if !(first == "plan.yaml" && parts.len() == 1 || FOLDERS.contains(&first.as_str())) {
        return None;
    }
    // Hidden files, and the backups, swap and autosave files of editors.
    let ignored = |p: &String| {
        p.starts_with(['.', '#'])
            || p.ends_with(['~', '#'])
            || p.ends_with(".swp")
            || p.ends_with(".swx")
    };
    (!parts.iter().any(ignored)).then(|| parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::relevant;
    use std::path::Path;

    #[test]
    fn only_what_a_build_reads() {
        let root = Path::new("/p");
        let rel = |p: &str| relevant(root, Path::new(p));
        assert_eq!(rel("/p/plan.yaml").as_deref(), Some("plan.yaml"));
        assert_eq!(rel("/p/content/a/b.md").as_deref(), Some("content/a/b.md"));
        assert_eq!(rel("/p/content").as_deref(), Some("content"));
        assert_eq!(
            rel("/p/themes/default/x.css").as_deref(),
            Some("themes/default/x.css")
        );
        for ignored in [
            "/p/output/site/index.html",
            "/p/README.md",
            "/p/content/.a.md.swp",
            "/p/content/a.md~",
            "/p/content/#a.md#",
            "/p/.git/index",
            "/q/plan.yaml",
        ] {
            assert_eq!(rel(ignored), None, "{ignored}");
        }
    }
}

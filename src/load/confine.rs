//! Where planpress may read from. Every path an author writes and every file
//! it finds must lie inside the plan folder once links are followed: the
//! sections, images, downloads and the logo inside `content/`, a theme inside
//! `themes/`. A CI machine holds deploy keys and tokens (often in the plan
//! folder's own `.git/config`); nothing an author writes may reach them.
//!
//! Links inside those folders are followed; a link that leads out of them is
//! refused and reported, never silently skipped, so what `check` accepts is
//! exactly what the build publishes.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Why a path is not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// `/etc/passwd`, `C:\…`: paths are given from the plan folder.
    Absolute,
    /// `../../x`: more `..` than there are folders to climb.
    Climbs,
    /// It resolves, through a link, outside the folder it must lie in.
    Outside,
    /// As written, it lies in the plan folder but not where such files live
    /// (a logo beside plan.yaml rather than in content/).
    Elsewhere,
    /// A name starting with `.`: hidden files are not part of a plan.
    Hidden,
    /// A theme given as more than a folder name (`a/b`, `.`).
    NotPlain,
}

/// A file found under `content/`.
#[derive(Debug, Clone)]
pub struct ContentFile {
    /// Relative to the plan folder, `/`-separated, as the author sees it
    /// (through a link, not its target): `content/assets/kort.png`.
    pub rel: String,
    /// Where to read it.
    pub path: PathBuf,
}

/// What lies under `content/`, confined.
#[derive(Debug, Default)]
pub struct Content {
    /// Markdown files: the sections.
    pub sections: Vec<ContentFile>,
    /// Every other file: images, the logo, downloads. The site carries
    /// exactly these.
    pub assets: Vec<ContentFile>,
    /// Links found that lead out of `content/`.
    pub refused: Vec<String>,
    /// Links found that lead nowhere.
    pub dangling: Vec<String>,
}

impl Content {
    /// The assets' paths, for lookups.
    pub fn asset_set(&self) -> HashSet<&str> {
        self.assets.iter().map(|a| a.rel.as_str()).collect()
    }

    /// The assets' paths, for "did you mean" hints.
    pub fn asset_rels(&self) -> Vec<String> {
        self.assets.iter().map(|a| a.rel.clone()).collect()
    }
}

/// A file or folder name that is hidden (`.git`, `.DS_Store`).
pub fn is_hidden(name: &str) -> bool {
    name.starts_with('.') && name.len() > 1
}

/// `path` relative to `root`, `/`-separated.
pub fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Whether `path` resolves, after following every link, to somewhere
/// inside `folder` (itself resolved). Missing paths are not inside.
pub fn resolves_inside(path: &Path, folder: &Path) -> bool {
    match (path.canonicalize(), folder.canonicalize()) {
        (Ok(p), Ok(f)) => p.starts_with(f),
        _ => false,
    }
}

/// Walks `root/content/`, following links that stay inside it and refusing
/// those that do not. Hidden files and folders are skipped; so are things
/// that are not regular files (a pipe would never end).
pub fn walk_content(root: &Path) -> Result<Content, walkdir::Error> {
    let content = root.join("content");
    let mut found = Content::default();
    let Ok(real) = content.canonicalize() else {
        return Ok(found);
    };
    let mut refused = Vec::new();
    let walker = walkdir::WalkDir::new(&content)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            if e.depth() > 0 && is_hidden(&e.file_name().to_string_lossy()) {
                return false;
            }
            // A link's target must lie inside content/; anything below a
            // followed link lies inside its target, so only links are asked.
            if e.path_is_symlink() && !resolves_inside(e.path(), &real) {
                refused.push(relative(root, e.path()));
                return false;
            }
            true
        });
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            // A link to nothing: not a file of the plan, but worth saying.
            Err(e) if e.path().is_some_and(|p| p.is_symlink() && !p.exists()) => {
                let path = e.path().map(Path::to_path_buf).unwrap_or_default();
                found.dangling.push(relative(root, &path));
                continue;
            }
            Err(e) => return Err(e),
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let file = ContentFile {
            rel: relative(root, entry.path()),
            path: entry.into_path(),
        };
        if file.path.extension().is_some_and(|x| x == "md") {
            found.sections.push(file);
        } else {
            found.assets.push(file);
        }
    }
    found.refused = refused;
    Ok(found)
}

/// A path as an author wrote it, relative to `folder` (`content`, or `""`
/// for the plan folder), normalised to `/`-separated from the plan folder.
pub fn written(folder: &str, path: &str) -> Result<String, Refusal> {
    let path = path.trim();
    let drive =
        path.len() >= 2 && path.as_bytes()[1] == b':' && path.as_bytes()[0].is_ascii_alphabetic();
    if path.starts_with(['/', '\\']) || drive {
        return Err(Refusal::Absolute);
    }
    let mut parts: Vec<&str> = Vec::new();
    for part in folder.split('/').chain(path.split(['/', '\\'])) {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop().ok_or(Refusal::Climbs)?;
            }
            p => parts.push(p),
        }
    }
    if parts.iter().any(|p| is_hidden(p)) {
        return Err(Refusal::Hidden);
    }
    Ok(parts.join("/"))
}

/// A theme's folder, `themes/<name>/`, when the name is a plain folder name
/// and the folder (if there is one) resolves inside `themes/`. `Ok(None)`:
/// the plan has no such folder.
pub fn theme_folder(root: &Path, name: &str) -> Result<Option<PathBuf>, Refusal> {
    let plain = !name.is_empty()
        && !is_hidden(name)
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_'));
    if !plain {
        return Err(match written("", name) {
            Err(Refusal::Hidden) | Ok(_) => Refusal::NotPlain,
            Err(r) => r,
        });
    }
    let themes = root.join("themes");
    let folder = themes.join(name);
    if std::fs::symlink_metadata(&folder).is_err() {
        return Ok(None);
    }
    // themes/ itself may be a link, but then into the plan folder.
    if !resolves_inside(&themes, root) || !resolves_inside(&folder, &themes) {
        return Err(Refusal::Outside);
    }
    Ok(folder.is_dir().then_some(folder))
}

/// The files of a theme folder, relative to it, with where to read each;
/// or the first file (relative to the plan folder) that is a link out of
/// `themes/`.
pub fn theme_files(root: &Path, folder: &Path) -> Result<Vec<(String, PathBuf)>, String> {
    let themes = root.join("themes");
    let real = themes.canonicalize().map_err(|_| relative(root, folder))?;
    let mut files = Vec::new();
    let mut outside = None;
    let walker = walkdir::WalkDir::new(folder)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            if e.path_is_symlink() && !resolves_inside(e.path(), &real) {
                outside.get_or_insert_with(|| relative(root, e.path()));
                return false;
            }
            true
        });
    for entry in walker.filter_map(Result::ok) {
        if entry.file_type().is_file() {
            files.push((relative(folder, entry.path()), entry.into_path()));
        }
    }
    match outside {
        Some(rel) => Err(rel),
        None => Ok(files),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_paths_are_normalised_or_refused() {
        assert_eq!(
            written("content", "assets/a.png"),
            Ok("content/assets/a.png".into())
        );
        assert_eq!(
            written("content/07", "../assets/a.png"),
            Ok("content/assets/a.png".into())
        );
        assert_eq!(
            written("", "content/./assets/a.png"),
            Ok("content/assets/a.png".into())
        );
        assert_eq!(written("", "/etc/passwd"), Err(Refusal::Absolute));
        assert_eq!(written("", "C:\\x"), Err(Refusal::Absolute));
        assert_eq!(written("content", "../../x"), Err(Refusal::Climbs));
        assert_eq!(written("content", "../plan.yaml"), Ok("plan.yaml".into()));
        assert_eq!(written("content", ".git/config"), Err(Refusal::Hidden));
    }

    #[test]
    fn theme_names_are_plain_folder_names() {
        let root = Path::new("/nonexistent-plan");
        assert_eq!(theme_folder(root, "kommune"), Ok(None));
        assert_eq!(theme_folder(root, "/usr"), Err(Refusal::Absolute));
        assert_eq!(theme_folder(root, "../../usr"), Err(Refusal::Climbs));
        assert_eq!(theme_folder(root, "a/b"), Err(Refusal::NotPlain));
        assert_eq!(theme_folder(root, "."), Err(Refusal::NotPlain));
        assert_eq!(theme_folder(root, ".skjult"), Err(Refusal::NotPlain));
        assert_eq!(theme_folder(root, ".."), Err(Refusal::Climbs));
    }
}

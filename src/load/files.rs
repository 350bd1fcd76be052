//! Where a plan's files are read from: its folder on disk, or a set of
//! files held in memory. The adopted version of a plan comes out of git as
//! bytes; loading it from memory spares writing a thousand files into a
//! temporary folder only to read them back. One loader reads both, so the
//! adopted version is checked by the same rules and its diagnostics name
//! the same files and lines a checkout of it would give.

use super::confine::{self, Content, ContentFile};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

/// The source of a plan's files.
#[derive(Clone, Default)]
pub enum Files {
    /// The plan folder on disk.
    #[default]
    Disk,
    /// Files by their path relative to the plan folder (`/`-separated):
    /// `plan.yaml`, `content/02-unge.md`. There are no links and no
    /// folders apart from those the paths name.
    Memory(BTreeMap<String, Vec<u8>>),
}

impl std::fmt::Debug for Files {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            Files::Disk => f.write_str("Disk"),
            Files::Memory(files) => write!(f, "Memory({} files)", files.len()),
        }
    }
}

impl Files {
    /// Whether `rel` (at `path` on disk) is a file.
    pub(super) fn is_file(&self, rel: &str, path: &Path) -> bool {
        match self {
            Files::Disk => path.is_file(),
            Files::Memory(files) => files.contains_key(rel),
        }
    }

    /// Whether the folder `rel` (at `path` on disk) holds anything.
    pub(super) fn is_dir(&self, rel: &str, path: &Path) -> bool {
        match self {
            Files::Disk => path.is_dir(),
            Files::Memory(files) => {
                let prefix = format!("{rel}/");
                files
                    .range(prefix.clone()..)
                    .next()
                    .is_some_and(|(k, _)| k.starts_with(&prefix))
            }
        }
    }

    /// Whether `path` resolves inside `folder` once links are followed;
    /// files in memory have no links, so they always do.
    pub(super) fn resolves_inside(&self, path: &Path, folder: &Path) -> bool {
        match self {
            Files::Disk => confine::resolves_inside(path, folder),
            Files::Memory(_) => true,
        }
    }

    /// What lies under `content/` of the plan in `root`, confined.
    pub(super) fn walk_content(&self, root: &Path) -> Result<Content, walkdir::Error> {
        match self {
            Files::Disk => confine::walk_content(root),
            Files::Memory(files) => Ok(content_of(root, files)),
        }
    }

    /// The first `limit + 1` bytes of the file `rel` (at `path` on disk):
    /// enough to tell a file past the limit.
    pub fn read(&self, rel: &str, path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
        match self {
            Files::Disk => {
                let mut bytes = Vec::new();
                std::fs::File::open(path)?
                    .take(limit + 1)
                    .read_to_end(&mut bytes)?;
                Ok(bytes)
            }
            Files::Memory(files) => {
                let bytes = files
                    .get(rel)
                    .ok_or_else(|| std::io::Error::from(std::io::ErrorKind::NotFound))?;
                let end = bytes
                    .len()
                    .min(usize::try_from(limit + 1).unwrap_or(usize::MAX));
                Ok(bytes[..end].to_vec())
            }
        }
    }
}

/// The files in memory under `content/`, by the rules the walk of a folder
/// keeps: plain relative paths only, nothing hidden, in the order the walk
/// finds them (each folder's entries by name, a folder's files where its
/// name sorts).
fn content_of(root: &Path, files: &BTreeMap<String, Vec<u8>>) -> Content {
    let mut found: Vec<(Vec<&str>, &str)> = files
        .keys()
        .filter_map(|rel| {
            let parts: Vec<&str> = rel.split('/').collect();
            let plain = parts
                .iter()
                .all(|p| !matches!(*p, "" | "." | "..") && !confine::is_hidden(p));
            (plain && parts.len() > 1 && parts[0] == "content").then_some((parts, rel.as_str()))
        })
        .collect();
    found.sort_unstable();
    let mut content = Content::default();
    for (_, rel) in found {
        let file = ContentFile {
            rel: rel.to_string(),
            path: root.join(rel),
        };
        if file.path.extension().is_some_and(|x| x == "md") {
            content.sections.push(file);
        } else {
            content.assets.push(file);
        }
    }
    content
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostic;

    /// A small plan with a bit of everything the loader and the check look
    /// at: nested folders, a hidden file, a section with a YAML slip, one
    /// without front matter, one not in UTF-8, a broken image and a good
    /// one.
    fn plan_files() -> BTreeMap<String, Vec<u8>> {
        let png = {
            let mut bytes = Vec::new();
            let mut encoder = png::Encoder::new(&mut bytes, 1, 1);
            encoder.set_color(png::ColorType::Grayscale);
            encoder
                .write_header()
                .unwrap()
                .write_image_data(&[0])
                .unwrap();
            bytes
        };
        let files: [(&str, &[u8]); 10] = [
            ("plan.yaml", b"title: Plan\nlanguage: da\nas_of: 2025-12-31\n"),
            (
                "content/01-a.md",
                b"---\ntitle: A\norder: 1\n---\n# A\n\n![Kort](assets/kort.png)\n\n![Tegning](assets/brudt.png)\n",
            ),
            ("content/01-a/index.md", b"---\ntitle: Under A\n---\nTekst.\n"),
            ("content/01-a/02-b.md", b"---\ntitle: B\norder: [\n---\nTekst.\n"),
            ("content/03-c.md", b"Ingen forside.\n"),
            ("content/04-d.md", b"---\ntitle: D\n---\nFa\xe6lles.\n"),
            ("content/.skjult.md", b"---\ntitle: Skjult\n---\n"),
            ("content/assets/kort.png", &png),
            ("content/assets/brudt.png", b"\x89PNG\r\n\x1a\nkort"),
            ("content/bilag.pdf", b"%PDF-1.7\n"),
        ];
        files
            .into_iter()
            .map(|(rel, bytes)| (rel.to_string(), bytes.to_vec()))
            .collect()
    }

    fn key(d: &Diagnostic) -> String {
        format!("{} {:?} {:?}", d.file, d.pos, d.message)
    }

    /// The same files, from a folder and from memory, load and check alike:
    /// the same sections in the same order, the same sources, and the same
    /// diagnostics at the same files and lines.
    #[test]
    fn memory_loads_and_checks_as_the_folder_does() {
        let dir = tempfile::tempdir().unwrap();
        let files = plan_files();
        for (rel, bytes) in &files {
            let path = dir.path().join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, bytes).unwrap();
        }
        let disk = super::super::load(dir.path()).unwrap();
        let memory = super::super::load_files(dir.path(), files).unwrap();
        let rels = |c: &[ContentFile]| c.iter().map(|f| f.rel.clone()).collect::<Vec<_>>();
        assert_eq!(rels(&disk.content.sections), rels(&memory.content.sections));
        assert_eq!(rels(&disk.content.assets), rels(&memory.content.assets));
        assert!(rels(&memory.content.sections).contains(&"content/01-a/02-b.md".to_string()));
        assert!(
            !rels(&memory.content.sections)
                .iter()
                .any(|r| r.contains("skjult"))
        );
        let sections = |l: &super::super::Loaded| {
            let mut v: Vec<_> = l
                .sections
                .iter()
                .map(|s| {
                    (
                        s.file.clone(),
                        s.body.clone(),
                        s.body_line,
                        s.front.is_some(),
                    )
                })
                .collect();
            v.sort();
            v
        };
        assert_eq!(sections(&disk), sections(&memory));
        assert_eq!(disk.folders.len(), memory.folders.len());
        let mut disk_diags: Vec<String> = disk.diagnostics.iter().map(key).collect();
        let mut memory_diags: Vec<String> = memory.diagnostics.iter().map(key).collect();
        disk_diags.sort();
        memory_diags.sort();
        assert_eq!(disk_diags, memory_diags);
        for rel in ["plan.yaml", "content/01-a.md", "content/03-c.md"] {
            assert_eq!(disk.sources.get(rel), memory.sources.get(rel), "{rel}");
        }
        let checked = |l| {
            crate::validate::validate(l)
                .diagnostics
                .iter()
                .map(key)
                .collect::<Vec<_>>()
        };
        let (disk_checked, memory_checked) = (checked(&disk), checked(&memory));
        assert_eq!(disk_checked, memory_checked);
        // The slips planted above are all there, each at its line.
        for wanted in [
            "content/01-a/02-b.md",
            "content/03-c.md",
            "content/04-d.md",
            "BrokenImage",
        ] {
            assert!(
                memory_checked.iter().any(|d| d.contains(wanted)),
                "{wanted}: {memory_checked:#?}"
            );
        }
        assert!(
            !memory_checked.iter().any(|d| d.contains("kort.png\"")),
            "the good image is not reported: {memory_checked:#?}"
        );
    }

    #[test]
    fn memory_keeps_to_plain_visible_paths_under_content() {
        let files: BTreeMap<String, Vec<u8>> = [
            "content/a.md",
            "content/../x.md",
            "content/./y.md",
            "content//z.md",
            "content/.git/config.md",
            "contentx/b.md",
            "plan.yaml",
        ]
        .into_iter()
        .map(|r| (r.to_string(), Vec::new()))
        .collect();
        let content = content_of(Path::new("/plan"), &files);
        let rels: Vec<&str> = content.sections.iter().map(|f| f.rel.as_str()).collect();
        assert_eq!(rels, ["content/a.md"]);
        assert!(content.assets.is_empty());
        let source = Files::Memory(files);
        assert!(source.is_dir("content", Path::new("/nowhere")));
        assert!(!source.is_dir("conten", Path::new("/nowhere")));
        assert_eq!(
            source
                .read("content/a.md", Path::new("/nowhere"), 10)
                .unwrap(),
            b""
        );
        assert!(
            source
                .read("content/b.md", Path::new("/nowhere"), 10)
                .is_err()
        );
    }
}

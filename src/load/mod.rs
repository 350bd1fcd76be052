//! Reading a plan folder: `plan.yaml` and every section under `content/`.
//!
//! Loading only reads and splits: it finds the files, checks they are UTF-8,
//! separates front matter from body and parses the YAML into position-aware
//! nodes. What the values mean is for `validate` to decide.

pub mod confine;
pub mod yaml;

use crate::diagnostic::{Diagnostic, Sources};
use crate::limits::MAX_TEXT_FILE;
use confine::Content;
use std::io::Read;
use std::path::{Path, PathBuf};
use thiserror::Error;
use yaml::{Node, Pos};

/// Problems that stop planpress before it can look at the plan (exit code 2).
#[derive(Debug, Error)]
pub enum LoadError {
    #[error(
        "no plan.yaml in {}: run planpress in a plan folder, or give the folder as an argument (`planpress check path/to/plan`)",
        crate::diagnostic::shown_path(.0)
    )]
    NoPlan(PathBuf),
    #[error("cannot read {}: {source}", crate::diagnostic::shown_path(path))]
    Unreadable {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// A plan folder as read from disk.
#[derive(Debug)]
pub struct Loaded {
    pub root: PathBuf,
    /// `plan.yaml`, when it parsed.
    pub plan: Option<Node>,
    /// Every section file, in no particular order.
    pub sections: Vec<RawSection>,
    /// Folders under `content/` that hold sections, relative to the plan.
    pub folders: Vec<String>,
    /// What lies under `content/`: the sections' files, the assets the site
    /// carries, and the links refused.
    pub content: Content,
    /// Every text file read, for snippets in diagnostics.
    pub sources: Sources,
    pub diagnostics: Vec<Diagnostic>,
}

/// One Markdown file, split but not yet understood.
#[derive(Debug)]
pub struct RawSection {
    /// Relative to the plan folder, `/`-separated: `content/02-unge.md`.
    pub file: String,
    /// The folder it lies in, relative to the plan: `content` or
    /// `content/07-opfoelgning`.
    pub folder: String,
    /// `index.md` stands for its folder.
    pub is_index: bool,
    /// `None` when the front matter could not be read (already reported).
    pub front: Option<Node>,
    /// Where the front matter block starts, for whole-block messages.
    pub front_pos: Pos,
    pub body: String,
    /// The file line the body starts on.
    pub body_line: u32,
}

/// Reads the plan folder `root`.
pub fn load(root: &Path) -> Result<Loaded, LoadError> {
    let plan_path = root.join("plan.yaml");
    if !plan_path.is_file() {
        return Err(LoadError::NoPlan(root.to_path_buf()));
    }
    let mut loaded = Loaded {
        root: root.to_path_buf(),
        plan: None,
        sections: Vec::new(),
        folders: Vec::new(),
        content: Content::default(),
        sources: Sources::new(),
        diagnostics: Vec::new(),
    };
    if !confine::resolves_inside(&plan_path, root) {
        loaded.diagnostics.push(outside(
            "plan.yaml",
            "plan.yaml is a link to a file outside the plan folder",
        ));
    } else if let Some(text) = read_text(&plan_path, "plan.yaml", &mut loaded.diagnostics)? {
        match yaml::parse(&text) {
            Ok(node) => loaded.plan = Some(node),
            Err(e) => loaded.diagnostics.push(syntax_diagnostic("plan.yaml", e)),
        }
        loaded.sources.insert("plan.yaml".into(), text);
    }

    let content = root.join("content");
    if !content.is_dir() {
        loaded.diagnostics.push(no_sections("there is no content/ folder, so the plan has no sections", "create content/ beside plan.yaml with one Markdown file per section, e.g. content/01-forord.md"));
        return Ok(loaded);
    }
    if !confine::resolves_inside(&content, root) {
        loaded.diagnostics.push(outside(
            "content",
            "content/ is a link to a folder outside the plan folder",
        ));
        return Ok(loaded);
    }
    loaded.content = confine::walk_content(root).map_err(|e| LoadError::Unreadable {
        path: e.path().map_or_else(|| content.clone(), Path::to_path_buf),
        source: e.into_io_error().unwrap_or_else(|| {
            std::io::Error::other("a folder link leads back to a folder above it")
        }),
    })?;
    for rel in &loaded.content.refused {
        loaded.diagnostics.push(outside(
            rel,
            &format!("`{rel}` is a link to a file or folder outside content/"),
        ));
    }
    for rel in &loaded.content.dangling {
        loaded.diagnostics.push(
            Diagnostic::new(
                crate::diagnostic::Severity::Error,
                "missing-file",
                rel,
                None,
                format!("`{rel}` is a link to a file that does not exist"),
            )
            .hint("remove the link, or put the file it should lead to in its place"),
        );
    }
    // Reading and parsing files is independent work: spread it over the cores.
    let read = crate::par::map(&loaded.content.sections, |file| {
        let rel = file.rel.clone();
        let folder = rel.rsplit_once('/').map_or("", |(f, _)| f).to_string();
        let mut diags = Vec::new();
        let text = read_text(&file.path, &rel, &mut diags)?;
        let section = text.as_ref().map(|text| {
            let is_index = rel.rsplit('/').next() == Some("index.md");
            split(&rel, &folder, is_index, text, &mut diags)
        });
        Ok::<_, LoadError>((rel, folder, text, section, diags))
    });
    for result in read {
        let (rel, folder, text, section, diags) = result?;
        if !loaded.folders.contains(&folder) {
            loaded.folders.push(folder);
        }
        loaded.diagnostics.extend(diags);
        if let (Some(text), Some(section)) = (text, section) {
            loaded.sections.push(section);
            loaded.sources.insert(rel, text);
        }
    }
    if loaded.sections.is_empty() && loaded.diagnostics.iter().all(|d| d.file == "plan.yaml") {
        loaded.diagnostics.push(no_sections(
            "content/ holds no Markdown files, so the plan has no sections",
            "add one `.md` file per section, e.g. content/01-forord.md",
        ));
    }
    Ok(loaded)
}

/// A file or folder planpress will not read because it leads outside the
/// plan folder (or outside the part of it where such files live).
fn outside(rel: &str, message: &str) -> Diagnostic {
    Diagnostic::new(
        crate::diagnostic::Severity::Error,
        "outside-plan",
        rel,
        None,
        message,
    )
    .hint("planpress reads only files inside the plan folder: copy the file into content/ (or themes/ for a theme) instead of linking to it")
}

/// Reads a file as UTF-8; a file in another encoding becomes a diagnostic.
fn read_text(
    path: &Path,
    rel: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Option<String>, LoadError> {
    let unreadable = |source| LoadError::Unreadable {
        path: path.to_path_buf(),
        source,
    };
    // Read at most one byte past the limit: enough to know it is too large.
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_TEXT_FILE + 1).read_to_end(&mut bytes))
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_TEXT_FILE {
        diagnostics.push(
            Diagnostic::new(
                crate::diagnostic::Severity::Error,
                "file-too-large",
                rel,
                None,
                format!(
                    "the file is larger than {} MB, the most planpress reads",
                    MAX_TEXT_FILE / (1024 * 1024)
                ),
            )
            .hint("split it into several sections"),
        );
        return Ok(None);
    }
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                text.drain(..'\u{feff}'.len_utf8());
            }
            Ok(Some(text))
        }
        Err(e) => {
            let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            // A byte order mark is not a column an editor shows.
            let good = good.strip_prefix("\u{feff}".as_bytes()).unwrap_or(good);
            // Only the valid prefix is decoded, so this cannot fail.
            let prefix = std::str::from_utf8(good).unwrap_or_default();
            let line = prefix.matches('\n').count() as u32 + 1;
            let column = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32 + 1;
            let byte = e.as_bytes()[e.utf8_error().valid_up_to()];
            diagnostics.push(
                    Diagnostic::error(
                        "invalid-utf8",
                        rel,
                        Pos { line, column },
                        format!("the file is not UTF-8 text (byte 0x{byte:02X} at line {line}, column {column})"),
                    )
                    .hint("save the file with the encoding UTF-8 (in most editors: Save as… › Encoding › UTF-8)"),
                );
            Ok(None)
        }
    }
}

fn no_sections(message: &str, hint: &str) -> Diagnostic {
    Diagnostic::new(
        crate::diagnostic::Severity::Error,
        "no-sections",
        "content",
        None,
        message,
    )
    .hint(hint)
}

fn syntax_diagnostic(file: &str, e: yaml::SyntaxError) -> Diagnostic {
    if e.too_large {
        return Diagnostic::error("yaml-too-large", file, e.pos, e.message).hint(
            "split the content over more sections, or write it more simply; planpress reads no more than this",
        );
    }
    Diagnostic::error(
        "yaml-syntax",
        file,
        e.pos,
        format!("YAML syntax error: {}", e.message),
    )
    .hint("check indentation, a missing `:` after a field name, and closing brackets or quotes")
}

/// Splits a section file into front matter and body.
fn split(
    rel: &str,
    folder: &str,
    is_index: bool,
    text: &str,
    diags: &mut Vec<Diagnostic>,
) -> RawSection {
    let start = Pos { line: 1, column: 1 };
    let mut section = RawSection {
        file: rel.to_string(),
        folder: folder.to_string(),
        is_index,
        front: None,
        front_pos: start,
        body: String::new(),
        body_line: 1,
    };
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != "---" {
        section.body = text.to_string();
        diags.push(
            Diagnostic::error("missing-front-matter", rel, start, "the section has no front matter")
                .hint("start the file with a line `---`, then `title: …` and `order: …`, then a line `---`"),
        );
        return section;
    }
    let mut offset = first.len();
    for (n, line) in lines.enumerate() {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            let yaml_text = &text[..offset];
            section.body = text[offset + line.len()..].to_string();
            section.body_line = n as u32 + 3;
            match yaml::parse(yaml_text) {
                Ok(node) => section.front = Some(node),
                Err(e) => diags.push(syntax_diagnostic(rel, e)),
            }
            return section;
        }
        offset += line.len();
    }
    diags.push(
        Diagnostic::error(
            "unterminated-front-matter",
            rel,
            start,
            "the front matter starts with `---` here but never ends",
        )
        .hint("add a line with only `---` after the last front matter field"),
    );
    section
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_handles_crlf_and_positions() {
        let mut diags = Vec::new();
        let s = split(
            "content/a.md",
            "content",
            false,
            "---\r\ntitle: A\r\norder: 1\r\n---\r\nBody\r\n",
            &mut diags,
        );
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(s.body_line, 5);
        assert_eq!(s.body, "Body\r\n");
        let Some(Node {
            kind: yaml::Kind::Map(m),
            ..
        }) = &s.front
        else {
            panic!("{:?}", s.front)
        };
        assert_eq!(m[1].1.pos, Pos { line: 3, column: 8 });
    }

    #[test]
    fn unterminated_front_matter_is_reported() {
        let mut diags = Vec::new();
        split(
            "content/a.md",
            "content",
            false,
            "---\ntitle: A\n\nBody\n",
            &mut diags,
        );
        assert_eq!(diags[0].code, "unterminated-front-matter");
    }
}

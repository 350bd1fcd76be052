//! Reading a plan folder: `plan.yaml` and every section under `content/`.
//!
//! Loading only reads and splits: it finds the files, checks they are UTF-8,
//! separates front matter from body and parses the YAML into position-aware
//! nodes. What the values mean is for `validate` to decide.

pub mod confine;
pub mod files;
pub mod lines;
pub mod mistakes;
mod reload;
pub mod yaml;

pub use reload::{is_plan_source, reload};

use crate::diagnostic::{Area, Diagnostic, Fatal, Hint, Message, Sources};
use crate::limits::MAX_TEXT_FILE;
use crate::model::Language;
use confine::Content;
pub use files::Files;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use yaml::{Kind, Node, Pos};

/// Problems that stop planpress before it can look at the plan (exit code 2).
#[derive(Debug)]
pub enum LoadError {
    NoPlan(PathBuf),
    Unreadable {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A folder link (symlink) in content/ that leads back above itself.
    LinkLoop(PathBuf),
}

impl LoadError {
    /// What to tell the author, in any language.
    pub fn fatal(&self) -> Fatal {
        match self {
            LoadError::NoPlan(dir) => Fatal::NoPlan { dir: dir.clone() },
            LoadError::Unreadable { path, source } => Fatal::Unreadable {
                path: path.clone(),
                problem: source.into(),
            },
            LoadError::LinkLoop(path) => Fatal::LinkLoop { path: path.clone() },
        }
    }
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(&self.fatal().text(Language::En))
    }
}

impl std::error::Error for LoadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            LoadError::NoPlan(_) | LoadError::LinkLoop(_) => None,
            LoadError::Unreadable { source, .. } => Some(source),
        }
    }
}

/// A plan folder as read.
#[derive(Debug)]
pub struct Loaded {
    pub root: PathBuf,
    /// Where its files were read from (the check reads its images there).
    pub files: Files,
    /// `plan.yaml`, when it parsed.
    pub plan: Option<Node>,
    /// Every section file, in no particular order.
    pub sections: Vec<RawSection>,
    /// Folders under `content/` that hold sections, relative to the plan.
    pub folders: Vec<String>,
    /// What lies under `content/`: the sections' files, the assets the site
    /// carries (also for "did you mean" hints on broken links), and the
    /// links refused.
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
    load_from(root, Files::Disk)
}

/// Reads a plan from `files` (its files by their path relative to the plan
/// folder, `/`-separated) as if they lay in `root`, writing nothing: the
/// adopted version of a plan, read out of git.
pub fn load_files(root: &Path, files: BTreeMap<String, Vec<u8>>) -> Result<Loaded, LoadError> {
    load_from(root, Files::Memory(files))
}

fn load_from(root: &Path, files: Files) -> Result<Loaded, LoadError> {
    let mut loaded = Loaded {
        root: root.to_path_buf(),
        files,
        plan: None,
        sections: Vec::new(),
        folders: Vec::new(),
        content: Content::default(),
        sources: Sources::new(),
        diagnostics: Vec::new(),
    };
    read_plan_file(&mut loaded)?;
    if !walk_content(&mut loaded)? {
        return Ok(loaded);
    }
    // Reading and parsing files is independent work: spread it over the cores.
    let read: Vec<_> = loaded
        .content
        .sections
        .par_iter()
        .map(|file| {
            let rel = file.rel.clone();
            let folder = folder_of(&rel);
            let mut diags = Vec::new();
            let text = read_text(&loaded.files, &file.path, &rel, &mut diags)?;
            let section = text
                .as_ref()
                .map(|text| split(&rel, &folder, is_index(&rel), text, &mut diags));
            Ok::<_, LoadError>((rel, folder, text, section, diags))
        })
        .collect();
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
    note_empty_content(&mut loaded);
    Ok(loaded)
}

/// Reads and parses `plan.yaml` into `loaded`, unless it is a link out of
/// the plan folder.
fn read_plan_file(loaded: &mut Loaded) -> Result<(), LoadError> {
    let plan_path = loaded.root.join("plan.yaml");
    if !loaded.files.is_file("plan.yaml", &plan_path) {
        return Err(LoadError::NoPlan(loaded.root.clone()));
    }
    if !loaded.files.resolves_inside(&plan_path, &loaded.root) {
        loaded.diagnostics.push(outside("plan.yaml", Area::Plan));
    } else if let Some(text) = read_text(
        &loaded.files,
        &plan_path,
        "plan.yaml",
        &mut loaded.diagnostics,
    )? {
        loaded.plan = parse_yaml("plan.yaml", &text, &mut loaded.diagnostics);
        loaded.sources.insert("plan.yaml".into(), text);
    }
    Ok(())
}

/// Walks `content/` (confined to it) into `loaded.content`, reporting the
/// links refused; `false` when there is no content folder to read.
fn walk_content(loaded: &mut Loaded) -> Result<bool, LoadError> {
    let root = loaded.root.clone();
    let content = root.join("content");
    if !loaded.files.is_dir("content", &content) {
        loaded.diagnostics.push(
            Diagnostic::new("content", None, Message::NoContentFolder)
                .hint(Hint::CreateContentFolder),
        );
        return Ok(false);
    }
    if !loaded.files.resolves_inside(&content, &root) {
        loaded.diagnostics.push(outside("content", Area::Plan));
        return Ok(false);
    }
    loaded.content = loaded.files.walk_content(&root).map_err(|e| {
        let path = e.path().map_or_else(|| content.clone(), Path::to_path_buf);
        match e.into_io_error() {
            Some(source) => LoadError::Unreadable { path, source },
            None => LoadError::LinkLoop(path),
        }
    })?;
    for rel in &loaded.content.refused {
        loaded.diagnostics.push(outside(rel, Area::Content));
    }
    for rel in &loaded.content.dangling {
        loaded.diagnostics.push(
            Diagnostic::new(rel, None, Message::DanglingLink { path: rel.clone() })
                .hint(Hint::RemoveDanglingLink),
        );
    }
    Ok(true)
}

/// The folder a section file lies in, relative to the plan.
fn folder_of(rel: &str) -> String {
    rel.rsplit_once('/').map_or("", |(f, _)| f).to_string()
}

/// `index.md` stands for its folder.
fn is_index(rel: &str) -> bool {
    rel.rsplit('/').next() == Some("index.md")
}

/// With no section read and nothing else wrong, says that content/ is empty.
fn note_empty_content(loaded: &mut Loaded) {
    if loaded.sections.is_empty() && loaded.diagnostics.iter().all(|d| d.file == "plan.yaml") {
        loaded.diagnostics.push(
            Diagnostic::new("content", None, Message::NoSectionFiles).hint(Hint::AddSectionFile),
        );
    }
}

/// A link (symlink) planpress will not follow because it leads out of the
/// plan folder, or out of `area` where such files live.
fn outside(rel: &str, area: Area) -> Diagnostic {
    Diagnostic::new(
        rel,
        None,
        Message::LinkedOutside {
            path: rel.to_string(),
            area,
        },
    )
    .hint(Hint::CopyInstead { area })
}

/// Reads the file `rel` (at `path` on disk) from `files` as UTF-8; a file
/// in another encoding becomes a diagnostic.
fn read_text(
    files: &Files,
    path: &Path,
    rel: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Option<String>, LoadError> {
    let bytes = files
        .read(rel, path, MAX_TEXT_FILE)
        .map_err(|source| LoadError::Unreadable {
            path: path.to_path_buf(),
            source,
        })?;
    if bytes.len() as u64 > MAX_TEXT_FILE {
        diagnostics.push(Diagnostic::new(rel, None, Message::FileTooLarge).hint(Hint::SplitFile));
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
                Diagnostic::at(
                    rel,
                    Pos { line, column },
                    Message::NotUtf8 { byte, line, column },
                )
                .hint(Hint::SaveAsUtf8),
            );
            Ok(None)
        }
    }
}

/// Parses one file's YAML; a mistake becomes a diagnostic at the line the
/// author made it. A whole document that is one text like `title:Tekst`
/// parses, but is the same slip.
fn parse_yaml(file: &str, text: &str, diags: &mut Vec<Diagnostic>) -> Option<Node> {
    let mistake = match yaml::parse(text) {
        Ok(node) if !matches!(node.kind, Kind::Str(_)) => return Some(node),
        Ok(node) => match mistakes::scan(text).into_iter().next() {
            Some(m) => m,
            None => return Some(node),
        },
        // Past a limit: say which, not a syntax error.
        Err(yaml::SyntaxError {
            pos,
            limit: Some(limit),
            ..
        }) => {
            diags.push(
                Diagnostic::at(file, pos, Message::YamlTooLarge { limit }).hint(Hint::SimplerYaml),
            );
            return None;
        }
        Err(e) => mistakes::explain(text, &e),
    };
    diags.push(Diagnostic::at(file, mistake.pos, mistake.problem).maybe_hint(mistake.hint));
    None
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
        let first = first.trim();
        let hint = if is_dash_line(first) {
            Hint::DashLine {
                line: 1,
                written: first.to_string(),
            }
        } else if first.is_empty()
            && text
                .lines()
                .find(|l| !l.trim().is_empty())
                .map(str::trim_end)
                == Some("---")
        {
            Hint::FirstLine
        } else {
            Hint::StartWithFrontMatter
        };
        diags.push(Diagnostic::at(rel, start, Message::NoFrontMatter).hint(hint));
        return section;
    }
    let mut offset = first.len();
    for (n, line) in lines.enumerate() {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            let yaml_text = &text[..offset];
            section.body = text[offset + line.len()..].to_string();
            section.body_line = n as u32 + 3;
            section.front = parse_yaml(rel, yaml_text, diags);
            return section;
        }
        offset += line.len();
    }
    // `--`, `----` or a dash the editor made long: the closing line meant.
    let meant = text.split('\n').enumerate().skip(1).find_map(|(i, line)| {
        let t = line.trim();
        is_dash_line(t).then(|| Hint::DashLine {
            line: i as u32 + 1,
            written: t.to_string(),
        })
    });
    diags.push(
        Diagnostic::at(rel, start, Message::FrontMatterNeverEnds)
            .hint(meant.unwrap_or(Hint::CloseFrontMatter)),
    );
    section
}

/// `--`, `----`, or dashes an editor made long: a line meant as `---`.
fn is_dash_line(line: &str) -> bool {
    line != "---" && line.chars().count() >= 2 && line.chars().all(|c| matches!(c, '-' | '–' | '—'))
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
        assert_eq!(diags[0].message, Message::FrontMatterNeverEnds);
    }
}

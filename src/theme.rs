//! Themes: templates, static files, labels and the PDF style.
//!
//! The default theme is compiled into the binary, so a plan needs no theme
//! folder. A plan may carry `themes/<name>/`; any file there wins over the
//! built-in file of the same path (as in Zola), so a municipality can
//! override one template or one label file and keep the rest.

use crate::diagnostic::{Area, Diagnostic, Hint, Message};
use crate::load::confine;
use crate::model::Language;
use include_dir::{Dir, include_dir};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

static BUILT_IN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// A theme file and where it came from, for error messages.
#[derive(Debug, Clone)]
pub struct ThemeFile {
    pub bytes: Vec<u8>,
    /// `themes/default/templates/base.html` (plan folder) or
    /// `built-in theme: templates/base.html`.
    pub origin: String,
}

#[derive(Debug, Clone)]
pub struct Theme {
    files: BTreeMap<String, ThemeFile>,
    labels: HashMap<String, String>,
}

impl Theme {
    /// The built-in theme overlaid with the plan's `themes/<name>/`.
    pub fn load(
        plan_root: &Path,
        name: &str,
        language: Language,
    ) -> Result<Theme, Vec<Diagnostic>> {
        let mut files = BTreeMap::new();
        collect_built_in(&BUILT_IN, &mut files);
        // Validation has refused names and links that lead out of themes/;
        // a theme that would still do so is not read.
        let outside = |rel: String| {
            vec![
                Diagnostic::new(
                    &rel,
                    None,
                    Message::LinkedOutside {
                        path: rel.clone(),
                        area: Area::Themes,
                    },
                )
                .hint(Hint::CopyInstead { area: Area::Themes }),
            ]
        };
        let folder = confine::theme_folder(plan_root, name)
            .map_err(|_| outside(format!("themes/{name}")))?;
        let overrides = match &folder {
            Some(folder) => confine::theme_files(plan_root, folder).map_err(outside)?,
            None => Vec::new(),
        };
        for (rel, path) in overrides {
            let origin = format!("themes/{name}/{rel}");
            match std::fs::read(&path) {
                Ok(bytes) => {
                    files.insert(rel, ThemeFile { bytes, origin });
                }
                Err(e) => {
                    return Err(vec![Diagnostic::new(
                        &origin,
                        None,
                        Message::ThemeUnreadable {
                            problem: (&e).into(),
                        },
                    )]);
                }
            }
        }
        let labels_path = format!("labels/{}.yaml", language.code());
        let labels = match files.get(&labels_path) {
            Some(file) => parse_labels(file)?,
            None => HashMap::new(),
        };
        Ok(Theme { files, labels })
    }

    /// A visible word of the theme in the plan's language. A missing key
    /// shows as itself, so it is noticed rather than silently blank.
    pub fn label<'a>(&'a self, key: &'a str) -> &'a str {
        self.labels.get(key).map_or(key, String::as_str)
    }

    /// A status in words: the theme's `status_<code>` label, or the built-in
    /// word. The site and the PDF both ask here, so they always agree.
    pub fn status_word(&self, status: crate::model::Status, language: Language) -> String {
        self.labels
            .get(&format!("status_{}", status.code()))
            .cloned()
            .unwrap_or_else(|| crate::locale::status(status, language).to_string())
    }

    pub fn labels(&self) -> &HashMap<String, String> {
        &self.labels
    }

    pub fn file(&self, rel: &str) -> Option<&ThemeFile> {
        self.files.get(rel)
    }

    /// Files whose path starts with `prefix` (e.g. `templates/`), with the
    /// prefix removed.
    pub fn files_under<'a>(
        &'a self,
        prefix: &'a str,
    ) -> impl Iterator<Item = (&'a str, &'a ThemeFile)> + 'a {
        self.files
            .iter()
            .filter_map(move |(k, v)| k.strip_prefix(prefix).map(|rest| (rest, v)))
    }
}

fn collect_built_in(dir: &Dir<'static>, out: &mut BTreeMap<String, ThemeFile>) {
    for file in dir.files() {
        let rel = file.path().to_string_lossy().replace('\\', "/");
        out.insert(
            rel.clone(),
            ThemeFile {
                bytes: file.contents().to_vec(),
                origin: format!("built-in theme: {rel}"),
            },
        );
    }
    for sub in dir.dirs() {
        collect_built_in(sub, out);
    }
}

fn parse_labels(file: &ThemeFile) -> Result<HashMap<String, String>, Vec<Diagnostic>> {
    let text = String::from_utf8_lossy(&file.bytes);
    serde_saphyr::from_str::<HashMap<String, String>>(&text).map_err(|e| {
        let pos = e.location().map(|l| crate::load::yaml::Pos {
            line: l.line() as u32,
            column: l.column() as u32,
        });
        vec![Diagnostic::new(&file.origin, pos, Message::LabelsForm)]
    })
}

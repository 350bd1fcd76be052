//! Reading a plan folder again after some of its files changed, reading
//! only those: what `serve` does on every save.

use super::{
    LoadError, Loaded, RawSection, folder_of, is_index, note_empty_content, read_plan_file,
    read_text, split, walk_content,
};
use crate::diagnostic::{Diagnostic, Sources};
use std::collections::{HashMap, HashSet};

/// Brings `loaded` up to date with the plan folder, where `changed` holds
/// the files (relative to the plan, `/`-separated) that may differ from what
/// was read. The folder is walked again, so added and removed sections are
/// found whatever `changed` says; other files are kept as they were read.
pub fn reload(loaded: &mut Loaded, changed: &HashSet<String>) -> Result<(), LoadError> {
    let mut old_sections: HashMap<String, RawSection> = std::mem::take(&mut loaded.sections)
        .into_iter()
        .map(|s| (s.file.clone(), s))
        .collect();
    let mut old_sources = std::mem::take(&mut loaded.sources);
    let mut old_diags: HashMap<String, Vec<Diagnostic>> = HashMap::new();
    for d in std::mem::take(&mut loaded.diagnostics) {
        old_diags.entry(d.file.clone()).or_default().push(d);
    }
    let mut fresh = Loaded {
        root: loaded.root.clone(),
        files: std::mem::take(&mut loaded.files),
        plan: loaded.plan.take(),
        sections: Vec::new(),
        folders: Vec::new(),
        content: Default::default(),
        sources: Sources::new(),
        diagnostics: Vec::new(),
    };
    let plan_known = old_sources.contains_key("plan.yaml") || fresh.plan.is_some();
    if changed.contains("plan.yaml")
        || !plan_known
        || !fresh
            .files
            .is_file("plan.yaml", &fresh.root.join("plan.yaml"))
    {
        fresh.plan = None;
        read_plan_file(&mut fresh)?;
    } else {
        fresh
            .diagnostics
            .extend(old_diags.remove("plan.yaml").unwrap_or_default());
        if let Some(text) = old_sources.remove("plan.yaml") {
            fresh.sources.insert("plan.yaml".into(), text);
        }
    }
    if !walk_content(&mut fresh)? {
        *loaded = fresh;
        return Ok(());
    }
    for file in fresh.content.sections.clone() {
        let rel = file.rel;
        let folder = folder_of(&rel);
        if !fresh.folders.contains(&folder) {
            fresh.folders.push(folder.clone());
        }
        let kept = if changed.contains(&rel) {
            None
        } else {
            old_sections.remove(&rel).zip(old_sources.remove(&rel))
        };
        if let Some((section, text)) = kept {
            fresh
                .diagnostics
                .extend(old_diags.remove(&rel).unwrap_or_default());
            fresh.sections.push(section);
            fresh.sources.insert(rel, text);
        } else if let Some(text) =
            read_text(&fresh.files, &file.path, &rel, &mut fresh.diagnostics)?
        {
            let section = split(&rel, &folder, is_index(&rel), &text, &mut fresh.diagnostics);
            fresh.sections.push(section);
            fresh.sources.insert(rel, text);
        }
    }
    note_empty_content(&mut fresh);
    *loaded = fresh;
    Ok(())
}

/// Whether `rel` (relative to the plan folder, `/`-separated) is a file a
/// plan is read from: plan.yaml, or a visible Markdown file under content/.
pub fn is_plan_source(rel: &str) -> bool {
    rel == "plan.yaml"
        || (rel.starts_with("content/")
            && rel.ends_with(".md")
            && !rel.split('/').any(|part| part.starts_with('.')))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(title: &str) -> String {
        format!("---\ntitle: {title}\n---\nText.\n")
    }

    /// What a reload gives must equal what a fresh load gives.
    fn same(a: &Loaded, b: &Loaded) {
        let key = |l: &Loaded| {
            let mut v: Vec<(String, String)> = l
                .sections
                .iter()
                .map(|s| (s.file.clone(), s.body.clone()))
                .collect();
            v.sort();
            v
        };
        assert_eq!(key(a), key(b));
        assert_eq!(a.sources, b.sources);
        assert_eq!(a.diagnostics, b.diagnostics);
        assert_eq!(a.plan.is_some(), b.plan.is_some());
    }

    #[test]
    fn reads_changed_added_and_removed_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("plan.yaml"), "title: T\n").unwrap();
        std::fs::create_dir(root.join("content")).unwrap();
        std::fs::write(root.join("content/01-a.md"), section("A")).unwrap();
        std::fs::write(root.join("content/02-b.md"), section("B")).unwrap();
        let mut loaded = super::super::load(root).unwrap();

        std::fs::write(root.join("content/01-a.md"), section("A2")).unwrap();
        std::fs::remove_file(root.join("content/02-b.md")).unwrap();
        std::fs::write(root.join("content/03-c.md"), "no front matter\n").unwrap();
        std::fs::write(root.join("plan.yaml"), "title: [\n").unwrap();
        let changed: HashSet<String> = ["content/01-a.md", "content/02-b.md", "plan.yaml"]
            .map(String::from)
            .into();
        reload(&mut loaded, &changed).unwrap();
        same(&loaded, &super::super::load(root).unwrap());
        assert!(loaded.sources["content/01-a.md"].contains("A2"));
        assert!(loaded.diagnostics.iter().any(|d| d.file == "plan.yaml"));
        assert!(
            loaded
                .diagnostics
                .iter()
                .any(|d| d.file == "content/03-c.md")
        );

        // A file not named as changed is kept as read.
        std::fs::write(root.join("plan.yaml"), "title: T\n").unwrap();
        reload(&mut loaded, &HashSet::new()).unwrap();
        assert!(loaded.diagnostics.iter().any(|d| d.file == "plan.yaml"));
        reload(&mut loaded, &["plan.yaml".to_string()].into()).unwrap();
        same(&loaded, &super::super::load(root).unwrap());
    }

    #[test]
    fn plan_sources() {
        assert!(is_plan_source("plan.yaml"));
        assert!(is_plan_source("content/a/b.md"));
        assert!(!is_plan_source("content/.a.md"));
        assert!(!is_plan_source("content/assets/x.png"));
        assert!(!is_plan_source("themes/default/templates/base.html"));
    }
}

//! A site folder kept up to date with a plan folder, for `serve`.
//!
//! The first update builds the whole site; each later one is told which
//! files changed and redoes only what they touch: it reads again only those
//! files ([`load::reload`]), validates again only the sections whose inputs
//! changed and all the rules that span files ([`validate::Cache`]), and
//! renders again only the pages the change shows on
//! ([`render::html::Selection`]). Every file is written to a temporary name
//! and renamed into place, so a page being served is never half-written.
//! When the plan has errors the folder keeps the last good site.

use crate::diagnostic::{Diagnostic, Sources};
use crate::followup::{self, Followup};
use crate::model::{GitCommit, Language, Plan};
use crate::render::html::{self, Selection};
use crate::theme::Theme;
use crate::{BuildError, load, validate};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

pub struct LiveSite {
    loaded: load::Loaded,
    cache: validate::Cache,
    site: PathBuf,
    theme: Option<Arc<Theme>>,
    memo: html::Memo,
    /// The plan the site folder shows, and whether it shows all of it (a
    /// render that failed halfway leaves a mixture).
    shown: Option<(Arc<Plan>, bool)>,
    /// Its status report and changes since adoption.
    followup: Arc<Followup>,
    /// The adopted version last read from git, by its commit: read again
    /// only when plan.yaml names another.
    adopted: Option<(GitCommit, AdoptedRead)>,
}

/// The adopted version as git gave it, or why it could not.
type AdoptedRead = Result<Option<Arc<Plan>>, Box<Diagnostic>>;

/// What an update did.
pub struct Update {
    /// Everything the check and the renderer found; with an error among
    /// them, the site folder still shows the last good plan.
    pub diagnostics: Vec<Diagnostic>,
    /// Whether the site now shows the plan as it is on disk.
    pub built: bool,
    /// Files written into the site folder.
    pub written: usize,
    pub took: Duration,
}

impl LiveSite {
    /// Reads the plan in `dir` and builds its site into `site`.
    pub fn open(dir: &Path, site: &Path) -> Result<(LiveSite, Update), BuildError> {
        let started = Instant::now();
        let loaded = load::load(dir)?;
        let mut live = LiveSite {
            loaded,
            cache: validate::Cache::new(),
            site: site.to_path_buf(),
            theme: None,
            memo: html::Memo::keeping(),
            shown: None,
            followup: Arc::default(),
            adopted: None,
        };
        let update = live.rebuild(false, &[], started, &mut |_| {})?;
        Ok((live, update))
    }

    /// Brings the site up to date after the files `changed` (relative to
    /// the plan folder, `/`-separated) changed, were added or removed.
    /// A plan folder that cannot be read, or a site that cannot be written,
    /// is an error; problems in the plan are diagnostics in the update.
    pub fn update(&mut self, changed: &[String]) -> Result<Update, BuildError> {
        self.update_with(changed, &mut |_| {})
    }

    /// [`LiveSite::update`], naming to `first` the pages already written
    /// when a change of titles still has the navigation of the other pages
    /// to bring up to date.
    pub fn update_with(
        &mut self,
        changed: &[String],
        first: &mut dyn FnMut(&[String]),
    ) -> Result<Update, BuildError> {
        let started = Instant::now();
        let sources: HashSet<String> = changed
            .iter()
            .filter(|rel| load::is_plan_source(rel))
            .cloned()
            .collect();
        load::reload(&mut self.loaded, &sources)?;
        let theme_changed = changed.iter().any(|rel| rel.starts_with("themes/"));
        let assets: Vec<String> = changed
            .iter()
            .filter(|rel| {
                rel.starts_with("content/")
                    && !load::is_plan_source(rel)
                    && !self.loaded.root.join(rel).is_dir()
            })
            .cloned()
            .collect();
        self.rebuild(theme_changed, &assets, started, first)
    }

    /// The texts of the plan's files as last read, for showing diagnostics.
    pub fn sources(&self) -> &Sources {
        &self.loaded.sources
    }

    /// The plan the site shows, its theme and its follow-up documents, for
    /// rendering the PDFs.
    pub fn shown(&self) -> Option<(Arc<Plan>, Arc<Theme>, Arc<Followup>)> {
        Some((
            self.shown.as_ref()?.0.clone(),
            self.theme.clone()?,
            self.followup.clone(),
        ))
    }

    /// The adopted version of `plan` (read from git once per commit), and
    /// the warning when it cannot be read.
    fn adopted(&mut self, plan: &Plan) -> (Option<Arc<Plan>>, Option<Diagnostic>) {
        let Some(commit) = plan.meta.adopted.as_ref().and_then(|a| a.commit.clone()) else {
            self.adopted = None;
            return (None, None);
        };
        if self.adopted.as_ref().is_none_or(|(c, _)| *c != commit) {
            let read = followup::adopted_plan(plan, None).map(|p| p.map(Arc::new));
            self.adopted = Some((commit, read));
        }
        match self.adopted.as_ref().map(|(_, read)| read) {
            Some(Ok(p)) => (p.clone(), None),
            Some(Err(d)) => (None, Some((**d).clone())),
            None => (None, None),
        }
    }

    /// The plan's language, for messages: as plan.yaml says it now, even
    /// when the plan has errors, or else as the site shows it.
    pub fn language(&self) -> Language {
        use crate::load::yaml::Kind;
        let language = self.loaded.plan.as_ref().and_then(|n| n.get("language"));
        let written = language.and_then(|v| match &v.kind {
            Kind::Str(s) => Language::from_code(s),
            _ => None,
        });
        written
            .or_else(|| self.shown.as_ref().map(|(plan, _)| plan.meta.language))
            .unwrap_or(Language::Da)
    }

    /// The site folder.
    pub fn site(&self) -> &Path {
        &self.site
    }

    fn rebuild(
        &mut self,
        theme_changed: bool,
        assets: &[String],
        started: Instant,
        first: &mut dyn FnMut(&[String]),
    ) -> Result<Update, BuildError> {
        let validated = validate::validate_with(&self.loaded, &mut self.cache);
        let mut update = Update {
            diagnostics: validated.diagnostics,
            built: false,
            written: 0,
            took: Duration::ZERO,
        };
        if let Some(plan) = validated.plan {
            let (adopted, warning) = self.adopted(&plan);
            update.diagnostics.extend(warning);
            let followup = Followup::of(&plan, None, adopted.as_deref());
            match self.render(
                plan,
                followup,
                theme_changed,
                assets,
                &mut update.written,
                first,
            ) {
                Ok(()) => update.built = true,
                Err(BuildError::Render(diags)) => update.diagnostics.extend(diags),
                Err(e) => return Err(e),
            }
        }
        update.took = started.elapsed();
        Ok(update)
    }

    fn render(
        &mut self,
        plan: Plan,
        followup: Followup,
        theme_changed: bool,
        assets: &[String],
        written: &mut usize,
        first: &mut dyn FnMut(&[String]),
    ) -> Result<(), BuildError> {
        let same_theme = |shown: &Plan| {
            shown.meta.theme == plan.meta.theme && shown.meta.language == plan.meta.language
        };
        let reuse_theme = !theme_changed
            && self
                .shown
                .as_ref()
                .is_some_and(|(shown, _)| same_theme(shown));
        let theme = match (&self.theme, reuse_theme) {
            (Some(theme), true) => theme.clone(),
            _ => {
                // A theme that failed to load is not used again.
                self.theme = None;
                let theme = Arc::new(
                    Theme::load(&plan.root, &plan.meta.theme, plan.meta.language)
                        .map_err(BuildError::Render)?,
                );
                // A new theme shows on every page.
                if let Some((_, whole)) = &mut self.shown {
                    *whole = false;
                }
                self.theme = Some(theme.clone());
                theme
            }
        };
        let mut selection = match &self.shown {
            Some((shown, true)) => Selection::between(shown, &plan),
            _ => Selection::all(),
        };
        // Follow-up pages that come or go change every page's navigation.
        let pages = |f: &Followup| (f.report.is_some(), f.changes.is_some());
        if pages(&followup) != pages(&self.followup) {
            selection = Selection::all();
        }
        for (name, gone) in [
            ("status.html", followup.report.is_none()),
            ("changes.html", followup.changes.is_none()),
        ] {
            if gone {
                let _ = std::fs::remove_file(self.site.join(name));
            }
        }
        let pdf = pdf_name(&plan);
        let names = (
            followup::report_pdf_name(&plan),
            followup::changes_pdf_name(&plan),
        );
        let pdfs = html::Pdfs {
            plan: Some(&pdf),
            report: followup.report.as_ref().map(|_| names.0.as_str()),
            changes: followup.changes.as_ref().map(|_| names.1.as_str()),
        };
        let beside = html::Beside::of(&followup, pdfs);
        let count = std::sync::atomic::AtomicUsize::new(0);
        let site = &self.site;
        let sink = |rel: &str, bytes: &[u8]| {
            count.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            write_atomic(&site.join(rel), bytes)
        };
        // Until this render is through, the folder is a mixture.
        if let Some((_, whole)) = &mut self.shown {
            *whole = false;
        }
        if !selection.is_empty() {
            html::render_selected(
                &plan,
                &theme,
                &beside,
                &selection,
                &mut self.memo,
                &sink,
                first,
            )?;
        }
        let files = if selection.sections.is_none() {
            crate::plan_files(&plan)?
        } else {
            assets.to_vec()
        };
        for rel in files {
            let from = plan.root.join(&rel);
            let to = self.site.join(html::asset_href(&rel));
            match std::fs::read(&from) {
                Ok(bytes) => sink(&html::asset_href(&rel), &bytes)?,
                Err(_) if !from.exists() => {
                    let _ = std::fs::remove_file(&to);
                }
                Err(source) => return Err(BuildError::Write { path: from, source }),
            }
        }
        // Pages the plan no longer has: sections that are gone, or a plan's
        // pages after it became a case.
        if let Some((shown, _)) = &self.shown {
            let now: HashSet<String> = html::pages(&plan).into_iter().collect();
            for page in html::pages(shown) {
                if !now.contains(&page) {
                    let _ = std::fs::remove_file(self.site.join(page));
                }
            }
        }
        *written = count.into_inner();
        self.followup = Arc::new(followup);
        // Freeing a big plan's many small parts takes a while: not on the
        // way to the reload.
        if let Some(old) = self.shown.replace((Arc::new(plan), true)) {
            std::thread::spawn(move || drop(old));
        }
        Ok(())
    }
}

/// The PDF's file name, beside the site's pages.
pub fn pdf_name(plan: &Plan) -> String {
    crate::render::pdf::Pdf::file_name(plan)
}

/// Writes `bytes` to a temporary name beside `path`, then renames it into
/// place, so a reader sees the old file or the new one, never a part.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), BuildError> {
    let io = |source| BuildError::Write {
        path: path.to_path_buf(),
        source,
    };
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(io)?;
    }
    let name = path
        .file_name()
        .map_or_else(Default::default, |n| n.to_string_lossy());
    let tmp = path.with_file_name(format!(".{name}.planpress-tmp"));
    std::fs::write(&tmp, bytes).map_err(io)?;
    std::fs::rename(&tmp, path).map_err(io)
}

#[cfg(test)]
mod tests {
    use super::LiveSite;
    use std::collections::BTreeMap;
    use std::path::Path;

    fn write(root: &Path, rel: &str, text: &str) {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
        walkdir::WalkDir::new(dir)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = e
                    .path()
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                (rel, std::fs::read(e.path()).unwrap())
            })
            .collect()
    }

    fn section(title: &str, order: u32, body: &str) -> String {
        format!("---\ntitle: {title}\norder: {order}\n---\n{body}\n")
    }

    /// After every kind of change, the updated site is the site a fresh
    /// build makes of the plan as it now is.
    #[test]
    fn updates_give_the_site_a_fresh_build_gives() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("plan");
        write(
            &root,
            "plan.yaml",
            "title: T\norganisation: O\nperiod: 2027\n",
        );
        write(
            &root,
            "content/01-a.md",
            &section("A", 1, "Text [b](02-b.md)."),
        );
        write(
            &root,
            "content/02-b.md",
            &section("B", 2, "## Mål\n\nMore."),
        );
        let site = dir.path().join("live");
        let (mut live, first) = LiveSite::open(&root, &site).unwrap();
        assert!(first.built, "{:?}", first.diagnostics);
        let mut n = 0;
        let mut step = |live: &mut LiveSite, changed: &[&str], built: bool| {
            let changed: Vec<String> = changed.iter().map(|s| s.to_string()).collect();
            let update = live.update(&changed).unwrap();
            assert_eq!(update.built, built, "{:?}", update.diagnostics);
            n += 1;
            let fresh = dir.path().join(format!("fresh{n}"));
            let (_, made) = LiveSite::open(&root, &fresh).unwrap();
            if built {
                assert!(made.built);
                assert_eq!(files(&site), files(&fresh), "after step {n}");
            }
            update.written
        };
        // A body edit writes the page and the search index only.
        write(
            &root,
            "content/02-b.md",
            &section("B", 2, "## Mål\n\nChanged."),
        );
        assert_eq!(step(&mut live, &["content/02-b.md"], true), 2);
        // A title edit changes every page's navigation.
        write(
            &root,
            "content/01-a.md",
            &section("A new", 1, "Text [b](02-b.md)."),
        );
        assert!(step(&mut live, &["content/01-a.md"], true) > 2);
        // An error keeps the last good site; fixing it brings the change.
        write(&root, "content/02-b.md", "---\ntitle: [\n---\n");
        step(&mut live, &["content/02-b.md"], false);
        write(
            &root,
            "content/02-b.md",
            &section("B", 2, "Fixed ![kort](assets/k.svg)"),
        );
        step(&mut live, &["content/02-b.md"], false);
        write(
            &root,
            "content/assets/k.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        );
        step(&mut live, &["content/assets/k.svg"], true);
        // A sub-section's new title shows in its parent's list of pages.
        write(&root, "content/04-d/index.md", &section("D", 4, "Folder."));
        write(&root, "content/04-d/01-e.md", &section("E", 1, "Child."));
        step(
            &mut live,
            &["content/04-d/index.md", "content/04-d/01-e.md"],
            true,
        );
        write(
            &root,
            "content/04-d/01-e.md",
            &section("E renamed", 1, "Child."),
        );
        step(&mut live, &["content/04-d/01-e.md"], true);
        // Sections added and removed, plan.yaml and the theme changed.
        write(&root, "content/03-c.md", &section("C", 3, "New."));
        step(&mut live, &["content/03-c.md"], true);
        std::fs::remove_file(root.join("content/01-a.md")).unwrap();
        step(&mut live, &["content/01-a.md"], true);
        write(
            &root,
            "plan.yaml",
            "title: T2\norganisation: O\nperiod: 2027\nlanguage: en\n",
        );
        step(&mut live, &["plan.yaml"], true);
        write(
            &root,
            "themes/default/static/style.css",
            "body { color: black }",
        );
        step(&mut live, &["themes/default/static/style.css"], true);
    }

    /// A plan that becomes a case and back, and a case's edits: after
    /// each, the site is the one a fresh build makes, with no page left
    /// that the document no longer has.
    #[test]
    fn a_case_updates_like_a_fresh_build() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("plan");
        let plan = "title: T\norganisation: O\nperiod: 2027\n";
        let case = "kind: case\ntitle: T\norganisation: O\ncase: { committee: Udvalget, meeting: 2027-03-09, item: 2, number: 1-27, access: open }\n";
        write(&root, "plan.yaml", plan);
        write(
            &root,
            "content/01-a.md",
            &section("A", 1, "Tekst [b](02-b.md)."),
        );
        write(
            &root,
            "content/02-b.md",
            &section("B", 2, "## Mål\n\nMere."),
        );
        let site = dir.path().join("live");
        let (mut live, first) = LiveSite::open(&root, &site).unwrap();
        assert!(first.built, "{:?}", first.diagnostics);
        let mut n = 0;
        let mut step = |live: &mut LiveSite, changed: &[&str]| {
            let changed: Vec<String> = changed.iter().map(|s| s.to_string()).collect();
            let update = live.update(&changed).unwrap();
            assert!(update.built, "{:?}", update.diagnostics);
            n += 1;
            let fresh = dir.path().join(format!("fresh{n}"));
            let (_, made) = LiveSite::open(&root, &fresh).unwrap();
            assert!(made.built);
            assert_eq!(
                files(&site).keys().collect::<Vec<_>>(),
                files(&fresh).keys().collect::<Vec<_>>(),
                "the files after step {n}"
            );
            assert_eq!(files(&site), files(&fresh), "after step {n}");
            update.written
        };
        // The plan becomes a case: its section pages and search go.
        write(&root, "plan.yaml", case);
        let recommendation = "---\ntitle: B\norder: 2\nrecommendation:\n  - at det godkendes\n---\n## Mål\n\nMere.\n";
        write(&root, "content/02-b.md", recommendation);
        step(&mut live, &["plan.yaml", "content/02-b.md"]);
        assert!(!site.join("a.html").exists() && !site.join("search.html").exists());
        // A change to one section's text is the case's page.
        write(&root, "content/01-a.md", &section("A", 1, "Ny tekst."));
        assert!(step(&mut live, &["content/01-a.md"]) >= 1);
        // A goal brings the goals overview; without it, the overview goes.
        let goal = "---\ntitle: A\norder: 1\ngoals:\n  - id: G1\n    title: Et mål\n---\nTekst.\n";
        write(&root, "content/01-a.md", goal);
        step(&mut live, &["content/01-a.md"]);
        assert!(site.join("goals.html").exists());
        write(&root, "content/01-a.md", &section("A", 1, "Uden mål."));
        step(&mut live, &["content/01-a.md"]);
        assert!(!site.join("goals.html").exists());
        // And back to a plan.
        write(&root, "plan.yaml", plan);
        write(
            &root,
            "content/02-b.md",
            &section("B", 2, "## Mål\n\nMere."),
        );
        step(&mut live, &["plan.yaml", "content/02-b.md"]);
        assert!(site.join("a.html").exists() && site.join("search.html").exists());
    }
}

//! What validation learns about each section on its own, kept between runs
//! so that `serve` reads and parses again only the sections that changed.
//!
//! A section's front matter is a function of its file's text and the year
//! rules from plan.yaml; its body is a function of its text and of what the
//! link resolver answered for the paths it asked about. The cache keeps
//! both with their inputs and recomputes a section when an input differs:
//! a renamed file that a link points to, or an image that appeared, shows up
//! as a different answer to one of the recorded questions. The rules that
//! span files always run again.

use super::front::{Front, read_front};
use super::{Spans, YearRules};
use crate::diagnostic::Diagnostic;
use crate::load::RawSection;
use crate::markdown::{self, Body, LinkTarget, Resolver};
use crate::model::{Date, Period};
use rayon::prelude::*;
use std::collections::HashMap;
use std::sync::Mutex;

/// Per-section results of earlier validations, by section file.
#[derive(Default)]
pub struct Cache {
    /// Off for a one-off validation, or the last with this cache: neither
    /// has a use for copies.
    keep: bool,
    fronts: HashMap<String, FrontPass>,
    bodies: HashMap<String, BodyPass>,
}

struct FrontPass {
    text: String,
    years: (Option<Period>, Option<Date>),
    front: Front,
    diags: Vec<Diagnostic>,
    spans: Spans,
}

struct BodyPass {
    text: String,
    body: Body,
    /// Every path the body asked the resolver about, with the answer.
    asked: Vec<(String, Option<LinkTarget>)>,
}

impl Cache {
    /// A cache that keeps what each validation learns for the next.
    pub fn new() -> Cache {
        Cache {
            keep: true,
            ..Cache::default()
        }
    }

    /// The front matter of every section, in `sections` order: read now
    /// (on all cores) where the text or the year rules changed, taken from
    /// the cache elsewhere. Each section's diagnostics and spans are added
    /// to `diags` and `spans` in that order, as one pass after another
    /// would add them.
    pub(super) fn fronts(
        &mut self,
        sections: &[RawSection],
        texts: &[&str],
        years: &YearRules,
        diags: &mut Vec<Diagnostic>,
        spans: &mut Spans,
    ) -> Vec<Front> {
        let key = (years.period, years.as_of);
        let fresh = |pass: &FrontPass, text: &str| pass.text == text && pass.years == key;
        let read = |raw: &RawSection, text: &str| {
            let (mut own_diags, mut own_spans) = (Vec::new(), Spans::default());
            let front = read_front(raw, text, &mut own_diags, &mut own_spans, years);
            (front, own_diags, own_spans)
        };
        let passes: Vec<(Front, Vec<Diagnostic>, Spans)> = if self.keep {
            let stale: Vec<usize> = (0..sections.len())
                .filter(|&i| {
                    let pass = self.fronts.get(&sections[i].file);
                    !pass.is_some_and(|p| fresh(p, texts[i]))
                })
                .collect();
            let read_now: Vec<(usize, FrontPass)> = stale
                .par_iter()
                .map(|&i| {
                    let (front, diags, spans) = read(&sections[i], texts[i]);
                    let pass = FrontPass {
                        text: texts[i].to_string(),
                        years: key,
                        front,
                        diags,
                        spans,
                    };
                    (i, pass)
                })
                .collect();
            for (i, pass) in read_now {
                self.fronts.insert(sections[i].file.clone(), pass);
            }
            let fronts = &self.fronts;
            sections
                .par_iter()
                .map(|raw| {
                    let pass = &fronts[&raw.file];
                    (pass.front.clone(), pass.diags.clone(), pass.spans.clone())
                })
                .collect()
        } else {
            // Its last use: what it holds is taken, not copied.
            let taken: Vec<Option<FrontPass>> = sections
                .iter()
                .zip(texts)
                .map(|(raw, text)| self.fronts.remove(&raw.file).filter(|p| fresh(p, text)))
                .collect();
            taken
                .into_par_iter()
                .zip(sections.par_iter().zip(texts.par_iter()))
                .map(|(pass, (raw, text))| match pass {
                    Some(pass) => (pass.front, pass.diags, pass.spans),
                    None => read(raw, text),
                })
                .collect()
        };
        passes
            .into_iter()
            .map(|(front, own_diags, own_spans)| {
                diags.extend(own_diags);
                spans.add(own_spans);
                front
            })
            .collect()
    }

    /// The parsed body of every section, in `sections` order: parsed now
    /// (on all cores) where the text or a resolver answer changed, taken
    /// from the cache elsewhere.
    pub(super) fn bodies(
        &mut self,
        sections: &[RawSection],
        texts: &[&str],
        resolver: &dyn Resolver,
    ) -> Vec<Body> {
        if !self.keep && self.bodies.is_empty() {
            return sections
                .par_iter()
                .map(|raw| markdown::parse(&raw.body, raw.body_line, &raw.file, resolver))
                .collect();
        }
        let stale: Vec<usize> = (0..sections.len())
            .filter(|&i| {
                let raw = &sections[i];
                !self.bodies.get(&raw.file).is_some_and(|c| {
                    c.text == texts[i]
                        && c.asked
                            .iter()
                            .all(|(path, answer)| resolver.resolve(&raw.file, path) == *answer)
                })
            })
            .collect();
        let parsed: Vec<_> = stale
            .par_iter()
            .map(|&i| {
                let raw = &sections[i];
                let recorder = Recorder {
                    inner: resolver,
                    asked: Mutex::new(Vec::new()),
                };
                let body = markdown::parse(&raw.body, raw.body_line, &raw.file, &recorder);
                let asked = recorder
                    .asked
                    .into_inner()
                    .unwrap_or_else(|e| e.into_inner());
                (body, asked)
            })
            .collect();
        if !self.keep {
            // Its last use: the fresh bodies are taken, not copied.
            let mut parsed = stale.iter().copied().zip(parsed).peekable();
            let bodies = (0..sections.len())
                .map(|i| match parsed.next_if(|(at, _)| *at == i) {
                    Some((_, (body, _))) => body,
                    None => match self.bodies.remove(&sections[i].file) {
                        Some(pass) => pass.body,
                        None => {
                            let raw = &sections[i];
                            markdown::parse(&raw.body, raw.body_line, &raw.file, resolver)
                        }
                    },
                })
                .collect();
            // What is left is what the files said before they changed.
            self.bodies.clear();
            return bodies;
        }
        for (&i, (body, asked)) in stale.iter().zip(parsed) {
            self.bodies.insert(
                sections[i].file.clone(),
                BodyPass {
                    text: texts[i].to_string(),
                    body,
                    asked,
                },
            );
        }
        let bodies = &self.bodies;
        sections
            .par_iter()
            .map(|raw| bodies[&raw.file].body.clone())
            .collect()
    }

    /// Makes the next validation with this cache its last: it takes what
    /// the cache holds instead of copying it, and keeps nothing new.
    pub fn last_use(&mut self) {
        self.keep = false;
    }

    /// Forgets sections whose files are gone.
    pub(super) fn retain(&mut self, sections: &[RawSection]) {
        let live: std::collections::HashSet<&str> =
            sections.iter().map(|s| s.file.as_str()).collect();
        self.fronts.retain(|file, _| live.contains(file.as_str()));
        self.bodies.retain(|file, _| live.contains(file.as_str()));
    }
}

/// A resolver that remembers what it was asked, so a cached body can be
/// checked against today's answers.
struct Recorder<'a> {
    inner: &'a dyn Resolver,
    asked: Mutex<Vec<(String, Option<LinkTarget>)>>,
}

impl Resolver for Recorder<'_> {
    fn resolve(&self, from: &str, path: &str) -> Option<LinkTarget> {
        let answer = self.inner.resolve(from, path);
        if let Ok(mut asked) = self.asked.lock() {
            asked.push((path.to_string(), answer.clone()));
        }
        answer
    }
}

#[cfg(test)]
mod tests {
    use super::Cache;
    use crate::load::{load, reload};
    use std::collections::HashSet;
    use std::path::Path;

    fn write(root: &Path, rel: &str, text: &str) {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    /// A plan of the period 2027 with `sections` (file name, text) in content/.
    fn plan(sections: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let plan_yaml = "title: T\norganisation: O\nperiod: 2027\n";
        write(dir.path(), "plan.yaml", plan_yaml);
        for (name, text) in sections {
            write(dir.path(), &format!("content/{name}"), text);
        }
        dir
    }

    /// After each change, the cached validation says exactly what a fresh
    /// one says.
    #[test]
    fn cached_validation_equals_a_fresh_one() {
        let dir = plan(&[
            (
                "01-a.md",
                "---\ntitle: A\n---\nSee [b](02-b.md) and ![a map](assets/map.png).\n",
            ),
            ("02-b.md", "---\ntitle: B\n---\n## Mål\n"),
        ]);
        let root = dir.path();
        let mut loaded = load(root).unwrap();
        let mut cache = Cache::new();
        let mut check = |loaded: &crate::load::Loaded| {
            let cached = super::super::validate_with(loaded, &mut cache);
            let fresh = super::super::validate(loaded);
            assert_eq!(cached.diagnostics, fresh.diagnostics);
            assert_eq!(
                cached.plan.as_ref().map(|p| p.sections.clone()),
                fresh.plan.map(|p| p.sections)
            );
            cached
                .diagnostics
                .iter()
                .map(|d| d.code().name())
                .collect::<Vec<_>>()
        };
        assert_eq!(check(&loaded), ["missing-file"]);
        // The image appears (the watcher reloads): the unchanged section
        // must see it.
        let mut png = Vec::new();
        {
            let mut encoder = png::Encoder::new(&mut png, 1, 1);
            encoder.set_color(png::ColorType::Grayscale);
            let mut writer = encoder.write_header().unwrap();
            writer.write_image_data(&[0]).unwrap();
        }
        std::fs::create_dir_all(root.join("content/assets")).unwrap();
        std::fs::write(root.join("content/assets/map.png"), png).unwrap();
        reload(&mut loaded, &HashSet::new()).unwrap();
        assert!(check(&loaded).is_empty());
        // The linked file is renamed: the unchanged link now leads nowhere.
        std::fs::rename(root.join("content/02-b.md"), root.join("content/03-c.md")).unwrap();
        reload(&mut loaded, &HashSet::new()).unwrap();
        assert_eq!(check(&loaded), ["broken-link"]);
        // plan.yaml's period changes what a section's targets may say.
        write(
            root,
            "content/03-c.md",
            "---\ntitle: C\ngoals:\n  - id: G\n    title: G\n    indicators:\n      - { name: I, unit: count, direction: increase, targets: { 2028: 5 } }\n---\n",
        );
        write(root, "content/01-a.md", "---\ntitle: A\n---\nText.\n");
        let changed: HashSet<String> = ["content/03-c.md", "content/01-a.md"]
            .map(String::from)
            .into();
        reload(&mut loaded, &changed).unwrap();
        assert_eq!(check(&loaded), ["target-outside-period"]);
        write(
            root,
            "plan.yaml",
            "title: T\norganisation: O\nperiod: 2027-2028\n",
        );
        reload(&mut loaded, &["plan.yaml".to_string()].into()).unwrap();
        assert!(check(&loaded).is_empty());
    }

    /// The last use of a cache takes what it holds: it still says what a
    /// fresh validation says, for the sections it holds and those it does
    /// not, and keeps nothing afterwards.
    #[test]
    fn the_last_use_takes_what_the_cache_holds() {
        let dir = plan(&[
            ("01-a.md", "---\ntitle: A\n---\nSee [b](02-b.md).\n"),
            ("02-b.md", "---\ntitle: B\n---\nText.\n"),
        ]);
        let root = dir.path();
        let mut loaded = load(root).unwrap();
        let mut cache = Cache::new();
        super::super::validate_with(&loaded, &mut cache);
        // One section changes, one is new; the third is as the cache holds it.
        write(
            root,
            "content/02-b.md",
            "---\ntitle: B2\n---\nSee [a](01-a.md).\n",
        );
        write(root, "content/03-c.md", "---\ntitle: C\n---\nText.\n");
        let changed: HashSet<String> = ["content/02-b.md".to_string()].into();
        reload(&mut loaded, &changed).unwrap();
        cache.last_use();
        let last = super::super::validate_with(&loaded, &mut cache);
        let fresh = super::super::validate(&loaded);
        assert_eq!(last.diagnostics, fresh.diagnostics);
        assert!(fresh.diagnostics.is_empty(), "{:?}", fresh.diagnostics);
        let titles = |plan: &crate::model::Plan| -> Vec<String> {
            plan.sections.iter().map(|s| s.title.clone()).collect()
        };
        assert_eq!(titles(fresh.plan.as_ref().unwrap()), ["A", "B2", "C"]);
        assert_eq!(
            last.plan.map(|p| p.sections),
            fresh.plan.map(|p| p.sections)
        );
        assert!(cache.fronts.is_empty() && cache.bodies.is_empty());
    }
}

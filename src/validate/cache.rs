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
use std::collections::HashMap;
use std::sync::Mutex;

/// Per-section results of earlier validations, by section file.
#[derive(Default)]
pub struct Cache {
    /// Off for a one-off validation, which has no use for copies.
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

    /// The front matter of `raw`, read now or earlier from the same text
    /// under the same year rules; its diagnostics and spans are added to
    /// `diags` and `spans`.
    pub(super) fn front(
        &mut self,
        raw: &RawSection,
        text: &str,
        years: &YearRules,
        diags: &mut Vec<Diagnostic>,
        spans: &mut Spans,
    ) -> Front {
        if !self.keep {
            return read_front(raw, text, diags, spans, years);
        }
        let key = (years.period, years.as_of);
        let fresh = self
            .fronts
            .get(&raw.file)
            .is_some_and(|c| c.text == text && c.years == key);
        if !fresh {
            let mut own_diags = Vec::new();
            let mut own_spans = Spans::default();
            let front = read_front(raw, text, &mut own_diags, &mut own_spans, years);
            self.fronts.insert(
                raw.file.clone(),
                FrontPass {
                    text: text.to_string(),
                    years: key,
                    front,
                    diags: own_diags,
                    spans: own_spans,
                },
            );
        }
        let pass = &self.fronts[&raw.file];
        diags.extend(pass.diags.iter().cloned());
        spans.goal_ids.extend(pass.spans.goal_ids.iter().cloned());
        spans
            .indicator_ids
            .extend(pass.spans.indicator_ids.iter().cloned());
        spans
            .references
            .extend(pass.spans.references.iter().cloned());
        spans
            .case_parts
            .extend(pass.spans.case_parts.iter().cloned());
        pass.front.clone()
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
        if !self.keep {
            return crate::par::map(sections, |raw| {
                markdown::parse(&raw.body, raw.body_line, &raw.file, resolver)
            });
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
        let parsed = crate::par::map(&stale, |&i| {
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
        });
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
        sections
            .iter()
            .map(|raw| self.bodies[&raw.file].body.clone())
            .collect()
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

    /// After each change, the cached validation says exactly what a fresh
    /// one says.
    #[test]
    fn cached_validation_equals_a_fresh_one() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(
            root,
            "plan.yaml",
            "title: T\norganisation: O\nperiod: 2027\n",
        );
        write(
            root,
            "content/01-a.md",
            "---\ntitle: A\n---\nSee [b](02-b.md) and ![a map](assets/map.png).\n",
        );
        write(root, "content/02-b.md", "---\ntitle: B\n---\n## Mål\n");
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
}

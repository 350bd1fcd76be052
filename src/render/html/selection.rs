//! Which files of the site a change to the plan touches, so that `serve`
//! renders again only those.
//!
//! Every page carries the navigation and the plan's facts, so a change to
//! either (a section's title, the order, plan.yaml) touches every page. A
//! change inside one section touches its page and the search index, and,
//! when it changes what the overviews list (summary, target group, goals),
//! the front page and the goals page too.

use crate::model::{Plan, Section};
use std::collections::HashMap;

/// A part of the site to render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    /// Section pages by slug; `None` is all of them.
    pub sections: Option<Vec<String>>,
    /// `index.html` and `goals.html`, which list every section and goal.
    pub overview: bool,
    /// `search-index.js`.
    pub search: bool,
    /// `changes.html`, which lists the sections whose text changed since
    /// adoption.
    pub changes: bool,
    /// `search.html`, `404.html`, `sitemap.xml` and the theme's static
    /// files, which change only with the plan's facts, navigation or theme.
    pub frame: bool,
    /// The navigation's titles changed: every section page not rendered
    /// again takes the new navigation.
    pub navigation: bool,
}

impl Selection {
    /// The whole site.
    pub fn all() -> Selection {
        Selection {
            sections: None,
            overview: true,
            search: true,
            changes: true,
            frame: true,
            navigation: true,
        }
    }

    /// Nothing at all.
    pub fn none() -> Selection {
        Selection {
            sections: Some(Vec::new()),
            overview: false,
            search: false,
            changes: false,
            frame: false,
            navigation: false,
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == Selection::none()
    }

    /// The files that differ between the site of `old` and that of `new`,
    /// both rendered with the same theme.
    pub fn between(old: &Plan, new: &Plan) -> Selection {
        let same_facts = old.meta == new.meta
            && old.target_groups == new.target_groups
            && old.tracks == new.tracks
            && old.national_goals == new.national_goals;
        if !same_facts || !same_pages(&old.sections, &new.sections) {
            return Selection::all();
        }
        // A case's sections share one page: a change to any is the page.
        if new.meta.kind.case().is_some() {
            return if old.sections == new.sections {
                Selection::none()
            } else {
                Selection::all()
            };
        }
        let before: HashMap<&str, &Section> = old
            .all_sections()
            .into_iter()
            .map(|s| (s.slug.as_str(), s))
            .collect();
        let mut which = Selection::none();
        let mut pages: Vec<String> = Vec::new();
        let sections = new.all_sections();
        let parents = parents(&new.sections);
        for (i, s) in sections.iter().enumerate() {
            // The same pages in the same places, so every page existed.
            let Some(o) = before.get(s.slug.as_str()) else {
                return Selection::all();
            };
            let listed =
                o.summary != s.summary || o.target_group != s.target_group || o.goals != s.goals;
            if listed || o.body != s.body || o.footnotes != s.footnotes || o.source != s.source {
                pages.push(s.slug.clone());
                which.search = true;
            }
            which.overview |= listed;
            if o.title != s.title {
                // Its own page, and the pages that show its title besides
                // the navigation: the previous and next ones, its parent.
                pages.push(s.slug.clone());
                pages.extend(i.checked_sub(1).map(|p| sections[p].slug.clone()));
                pages.extend(sections.get(i + 1).map(|n| n.slug.clone()));
                pages.extend(parents.get(s.slug.as_str()).map(|p| p.to_string()));
                which.navigation = true;
            }
        }
        if which.navigation {
            which.overview = true;
            which.search = true;
            which.frame = true;
        }
        which.changes = which.overview || which.search;
        pages.sort();
        pages.dedup();
        which.sections = Some(pages);
        which
    }
}

/// Whether two section trees have the same pages in the same places.
fn same_pages(a: &[Section], b: &[Section]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| x.slug == y.slug && same_pages(&x.children, &y.children))
}

/// Each sub-section's parent, by slug.
fn parents(sections: &[Section]) -> HashMap<&str, &str> {
    let mut out = HashMap::new();
    for s in sections {
        for c in &s.children {
            out.insert(c.slug.as_str(), s.slug.as_str());
        }
        out.extend(parents(&s.children));
    }
    out
}

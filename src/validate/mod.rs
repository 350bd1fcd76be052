//! Every rule of the design contract, over every file in one run.
//!
//! Validation reads the loaded YAML nodes into the typed model, checking as
//! it goes, then runs the rules that span files (unique ids, references,
//! coverage, links). The model comes out only when there are no errors.

mod cache;
mod case;
mod danish;
mod fields;
mod front;
mod ids;
mod images;
mod indicator;
mod links;
mod markup;
mod periods;
mod placement;
mod plan_file;
mod rules;

use crate::diagnostic::{Diagnostic, Pointer, Severity, Thing};
use crate::load::Loaded;
use crate::load::confine;
use crate::load::yaml::Pos;
use crate::markdown::{LinkTarget, Resolver};
use crate::model::*;
pub use cache::Cache;
use fields::Ctx;
use front::Front;
pub use plan_file::sniff_language as plan_language;
use plan_file::{PlanHead, read_plan, sniff_language};
use std::collections::{HashMap, HashSet};

pub use crate::model::YEARS;

/// The outcome of validation.
pub struct Validated {
    /// Present when there are no errors (warnings allowed).
    pub plan: Option<Plan>,
    pub diagnostics: Vec<Diagnostic>,
    /// The plan's language as far as plan.yaml could be read (Danish when
    /// it says nothing), for the messages.
    pub language: Language,
}

/// Where an id or reference was written.
#[derive(Clone)]
pub(crate) struct At {
    pub file: String,
    pub pos: Pos,
}

/// Positions the cross-file rules need, gathered while reading.
#[derive(Default, Clone)]
pub(crate) struct Spans {
    /// Every goal id with where it was written, in reading order.
    pub goal_ids: Vec<(String, At)>,
    /// Every indicator id with where it stands, and whether it was written
    /// (or is the default `GOALID.N`).
    pub indicator_ids: Vec<(String, At, bool)>,
    /// (kind, id, where) for target groups, tracks and national goals used.
    pub references: Vec<(Thing, String, At)>,
    /// Vocabulary entries in plan.yaml: (kind, id, where).
    pub vocabulary: Vec<(Thing, String, Pos)>,
    /// Vocabularies with errors of their own: references to them are not
    /// judged, or every one would look unknown.
    pub broken_vocabulary: Vec<Thing>,
    /// Where plan.yaml names the logo, when it names one that exists.
    pub logo: Option<(String, Pos)>,
    /// A case's recommendation and decision, where sections give them.
    pub case_parts: Vec<case::Part>,
}

impl Spans {
    /// Adds what one section's front matter gathered (plan.yaml's own
    /// entries, the vocabulary and the logo, are not a section's).
    pub(crate) fn add(&mut self, section: Spans) {
        self.goal_ids.extend(section.goal_ids);
        self.indicator_ids.extend(section.indicator_ids);
        self.references.extend(section.references);
        self.case_parts.extend(section.case_parts);
    }
}

pub fn validate(loaded: &Loaded) -> Validated {
    validate_with(loaded, &mut Cache::default())
}

/// [`validate`], reusing what `cache` holds for sections whose text (and
/// whatever else they depend on) is unchanged since it was filled.
pub fn validate_with(loaded: &Loaded, cache: &mut Cache) -> Validated {
    cache.retain(&loaded.sections);
    let texts: Vec<&str> = loaded
        .sections
        .iter()
        .map(|raw| loaded.sources.get(&raw.file).map_or("", String::as_str))
        .collect();
    let mut diags = loaded.diagnostics.clone();
    let mut spans = Spans::default();
    // plan.yaml, read as far as it goes: a bad value there must not hide
    // the problems in the sections.
    let plan_source = loaded.sources.get("plan.yaml").map_or("", String::as_str);
    let head = loaded.plan.as_ref().and_then(|node| {
        read_plan(
            &mut Ctx::new("plan.yaml", plan_source, &mut diags),
            node,
            loaded,
            &mut spans,
        )
    });
    let years = YearRules {
        period: head.as_ref().and_then(|h| h.period),
        as_of: head.as_ref().and_then(|h| h.meta.as_of),
    };

    // First pass: front matter, so every slug is known before links resolve.
    let mut fronts: Vec<Front> =
        cache.fronts(&loaded.sections, &texts, &years, &mut diags, &mut spans);
    let slugs = rules::assign_slugs(loaded, &mut fronts, &mut diags);

    // Second pass: bodies, with links resolved against the slugs.
    let resolver = PlanResolver {
        assets: loaded.content.asset_set(),
        files: loaded
            .sections
            .iter()
            .zip(&slugs)
            .map(|(raw, slug)| (raw.file.clone(), slug.clone()))
            .collect(),
    };
    // Markdown bodies are independent of each other: the cache parses the
    // ones it lacks on all cores.
    let bodies = cache.bodies(&loaded.sections, &texts, &resolver);
    let mut sections: Vec<(Section, Option<i64>, Pos)> = Vec::new();
    let mut section_links = Vec::new();
    let mut shown = Vec::new();
    let allow_html = head.as_ref().is_some_and(|h| h.meta.allow_html);
    for (((raw, front), slug), mut body) in
        loaded.sections.iter().zip(fronts).zip(slugs).zip(bodies)
    {
        rules::check_outline(loaded, raw, &body.outline, &front.goals, &mut diags);
        markup::check_markup(&raw.file, &body.outline, allow_html, &mut diags);
        placement::place_goals(
            &raw.file,
            &mut body.blocks,
            &body.outline.markers,
            &front.goals,
            &mut diags,
        );
        for (written, target, _, pos) in &body.outline.images {
            if let LinkTarget::Asset(rel) = target {
                shown.push(images::Shown {
                    file: raw.file.clone(),
                    pos: *pos,
                    what: Pointer::Image,
                    written: written.clone(),
                    rel: rel.clone(),
                    path: loaded.root.join(rel),
                });
            }
        }
        for (_, target, pos) in &body.outline.links {
            if let LinkTarget::Section {
                slug,
                fragment: Some(fragment),
            } = target
            {
                section_links.push((raw.file.clone(), *pos, slug.clone(), fragment.clone()));
            }
        }
        sections.push((
            Section {
                slug,
                source: raw.file.clone(),
                title: front.title,
                target_group: front.target_group,
                summary: front.summary,
                goals: front.goals,
                body: body.blocks,
                footnotes: body.footnotes,
                signature: front.signature,
                page_break: front.page_break,
                recommendation: front.recommendation,
                decision: front.decision,
                children: Vec::new(),
            },
            front.order.map(|o| o.0),
            front.order.map_or(Pos::default(), |o| o.1),
        ));
    }
    if let Some((rel, pos)) = &spans.logo {
        shown.push(images::Shown {
            file: "plan.yaml".into(),
            pos: *pos,
            what: Pointer::Logo,
            written: rel.clone(),
            rel: rel.clone(),
            path: loaded.root.join(rel),
        });
    }
    images::check(&shown, &loaded.files, &mut diags);
    let tree = rules::build_tree(loaded, sections, &mut diags);
    let vocabulary_known = head.is_some();
    let declared = head
        .as_ref()
        .map_or(case::Declared::Unknown, |h| h.declared);
    let language = head.as_ref().map_or_else(
        || sniff_language(plan_source).unwrap_or(Language::Da),
        |h| h.meta.language,
    );
    let head = head.unwrap_or_else(PlanHead::unknown);
    let plan = Plan {
        meta: head.meta,
        target_groups: head.target_groups,
        tracks: head.tracks,
        national_goals: head.national_goals,
        sections: tree,
        root: loaded.root.clone(),
    };
    // Coverage is judged only on sections read without errors: a misspelt
    // `target_group` would otherwise also leave its group "uncovered".
    let goals_known = loaded.sections.iter().all(|s| s.front.is_some())
        && !diags
            .iter()
            .any(|d| d.severity() == Severity::Error && d.file != "plan.yaml");
    rules::check_plan(&plan, &spans, vocabulary_known, goals_known, &mut diags);
    let fronts_known = loaded.sections.iter().all(|s| s.front.is_some());
    case::check(
        declared,
        plan.meta.language,
        &spans.case_parts,
        fronts_known,
        &mut diags,
    );
    rules::check_fragments(&plan, &section_links, &mut diags);
    crate::diagnostic::sort(&mut diags);
    let ok = !diags.iter().any(|d| d.severity() == Severity::Error);
    Validated {
        plan: ok.then_some(plan),
        diagnostics: diags,
        language,
    }
}

/// What the year rules need from plan.yaml; `None` where it was invalid.
pub(crate) struct YearRules {
    pub period: Option<Period>,
    pub as_of: Option<Date>,
}

/// Resolves links in section bodies to sections and files of the plan.
struct PlanResolver<'a> {
    /// Section file (relative to the plan) → slug.
    files: HashMap<String, String>,
    /// Files under content/ that the site carries.
    assets: HashSet<&'a str>,
}

impl Resolver for PlanResolver<'_> {
    fn resolve(&self, from: &str, path: &str) -> Option<LinkTarget> {
        let folder = from.rsplit_once('/').map_or("", |(f, _)| f);
        let joined = confine::written(folder, &path.replace("%20", " ")).ok()?;
        if let Some(slug) = self.files.get(&joined) {
            return Some(LinkTarget::Section {
                slug: slug.clone(),
                fragment: None,
            });
        }
        self.assets
            .contains(joined.as_str())
            .then_some(LinkTarget::Asset(joined))
    }
}

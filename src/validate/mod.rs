//! Every rule of the design contract, over every file in one run.
//!
//! Validation reads the loaded YAML nodes into the typed model, checking as
//! it goes, then runs the rules that span files (unique ids, references,
//! coverage, links). The model comes out only when there are no errors.

mod fields;
mod rules;

use crate::diagnostic::{Diagnostic, Severity, did_you_mean};
use crate::load::yaml::{Kind, Node, Pos};
use crate::load::{Loaded, RawSection};
use crate::markdown::{self, LinkTarget, Resolver};
use crate::model::*;
use fields::{Ctx, Fields, entries, seq, text};
use std::collections::HashMap;

/// Years outside this range are typing mistakes, not plans.
pub const YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

const PLAN_FIELDS: &[&str] = &[
    "title",
    "subtitle",
    "organisation",
    "summary",
    "period",
    "language",
    "theme",
    "as_of",
    "brand",
    "base_url",
    "allow_html",
    "target_groups",
    "tracks",
    "national_goals",
];
const SECTION_FIELDS: &[&str] = &["title", "order", "target_group", "summary", "goals"];
const GOAL_FIELDS: &[&str] = &[
    "id",
    "title",
    "description",
    "owner",
    "national_goals",
    "tracks",
    "initiatives",
    "deadline",
    "links",
    "indicators",
];
const INDICATOR_FIELDS: &[&str] = &[
    "name",
    "unit",
    "direction",
    "source",
    "baseline",
    "actuals",
    "targets",
    "relative_to",
];

/// The outcome of validation.
pub struct Validated {
    /// Present when there are no errors (warnings allowed).
    pub plan: Option<Plan>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Where an id or reference was written.
#[derive(Clone)]
pub(crate) struct At {
    pub file: String,
    pub pos: Pos,
}

/// Positions the cross-file rules need, gathered while reading.
#[derive(Default)]
pub(crate) struct Spans {
    /// Every goal id with where it was written, in reading order.
    pub goal_ids: Vec<(String, At)>,
    /// (kind, id, where) for target groups, tracks and national goals used.
    pub references: Vec<(&'static str, String, At)>,
    /// Vocabulary entries in plan.yaml: (kind, id, where).
    pub vocabulary: Vec<(&'static str, String, Pos)>,
}

pub fn validate(loaded: &Loaded) -> Validated {
    let mut diags = loaded.diagnostics.clone();
    let mut spans = Spans::default();
    // plan.yaml, read as far as it goes: a bad value there must not hide
    // the problems in the sections.
    let head = loaded.plan.as_ref().and_then(|node| {
        read_plan(
            &mut Ctx {
                file: "plan.yaml",
                diags: &mut diags,
            },
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
    let mut fronts: Vec<Front> = loaded
        .sections
        .iter()
        .map(|raw| read_front(raw, &mut diags, &mut spans, &years))
        .collect();
    let slugs = rules::assign_slugs(loaded, &mut fronts, &mut diags);

    // Second pass: bodies, with links resolved against the slugs.
    let resolver = PlanResolver {
        root: &loaded.root,
        files: loaded
            .sections
            .iter()
            .zip(&slugs)
            .map(|(raw, slug)| (raw.file.clone(), slug.clone()))
            .collect(),
    };
    // Markdown bodies are independent of each other: parse them on all cores.
    let bodies = crate::par::map(&loaded.sections, |raw| {
        markdown::parse(&raw.body, raw.body_line, &raw.file, &resolver)
    });
    let mut sections: Vec<(Section, Option<i64>, Pos)> = Vec::new();
    let mut section_links = Vec::new();
    for (((raw, front), slug), body) in loaded.sections.iter().zip(fronts).zip(slugs).zip(bodies) {
        rules::check_outline(raw, &body.outline, &front.goals, &mut diags);
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
                children: Vec::new(),
            },
            front.order.map(|o| o.0),
            front.order.map_or(Pos::default(), |o| o.1),
        ));
    }
    let tree = rules::build_tree(loaded, sections, &mut diags);
    let vocabulary_known = head.is_some();
    let head = head.unwrap_or_else(PlanHead::unknown);
    let plan = Plan {
        meta: head.meta,
        target_groups: head.target_groups,
        tracks: head.tracks,
        national_goals: head.national_goals,
        sections: tree,
        root: loaded.root.clone(),
    };
    rules::check_plan(&plan, &spans, vocabulary_known, &mut diags);
    rules::check_fragments(&plan, &section_links, &mut diags);
    crate::diagnostic::sort(&mut diags);
    let ok = !diags.iter().any(|d| d.severity == Severity::Error);
    Validated {
        plan: ok.then_some(plan),
        diagnostics: diags,
    }
}

/// What the year rules need from plan.yaml; `None` where it was invalid.
pub(crate) struct YearRules {
    pub period: Option<Period>,
    pub as_of: Option<Date>,
}

/// plan.yaml as read. Invalid values are reported and replaced by
/// placeholders, so the sections can still be checked; the plan is never
/// rendered with them, because their errors stop the build.
struct PlanHead {
    meta: Meta,
    period: Option<Period>,
    target_groups: Vec<Named>,
    tracks: Vec<Named>,
    national_goals: Vec<Named>,
}

impl PlanHead {
    fn unknown() -> PlanHead {
        PlanHead {
            meta: Meta {
                title: String::new(),
                subtitle: None,
                organisation: String::new(),
                summary: None,
                period: Period { start: 0, end: 0 },
                language: Language::Da,
                theme: "default".into(),
                as_of: None,
                brand: Brand {
                    primary: "#00558c".into(),
                    logo: None,
                },
                base_url: None,
                allow_html: false,
            },
            period: None,
            target_groups: Vec::new(),
            tracks: Vec::new(),
            national_goals: Vec::new(),
        }
    }
}

fn read_plan(ctx: &mut Ctx, node: &Node, loaded: &Loaded, spans: &mut Spans) -> Option<PlanHead> {
    let f = Fields::read(ctx, node, "plan", PLAN_FIELDS)?;
    let title = f.required_text(ctx, "title", "plan", "Beskæftigelsesplan 2027");
    let organisation = f.required_text(ctx, "organisation", "plan", "Eksempelby Kommune");
    let period = f
        .required(ctx, "period", "plan", "2027")
        .and_then(|n| read_period(ctx, n));
    let language = match f.get("language") {
        None => Some(Language::Da),
        Some(n) => match text(ctx, n, "language").as_deref() {
            Some("da") => Some(Language::Da),
            Some("en") => Some(Language::En),
            Some(other) => {
                ctx.error(
                    "invalid-value",
                    n.pos,
                    format!("unknown language `{other}`"),
                )
                .hint = Some("planpress speaks `da` (Danish) and `en` (English)".into());
                None
            }
            None => None,
        },
    };
    let theme = f.text(ctx, "theme").unwrap_or_else(|| "default".into());
    if theme != "default"
        && !loaded.root.join("themes").join(&theme).is_dir()
        && let Some(n) = f.get("theme")
    {
        ctx.error(
            "unknown-reference",
            n.pos,
            format!("there is no theme `{theme}`"),
        )
        .hint = Some(format!(
            "use `theme: default`, or add a folder themes/{theme}/ beside plan.yaml"
        ));
    }
    let as_of = f.get("as_of").and_then(|n| {
        let t = text(ctx, n, "as_of")?;
        let date = Date::parse(&t);
        if date.is_none() {
            ctx.error("invalid-date", n.pos, format!("`{t}` is not a date"))
                .hint = Some("write the date as year-month-day, e.g. `as_of: 2026-11-01`".into());
        }
        date
    });
    let brand = read_brand(ctx, f.get("brand"), loaded);
    let base_url = f.get("base_url").and_then(|n| {
        let url = text(ctx, n, "base_url")?;
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            ctx.error("invalid-value", n.pos, format!("`{url}` is not a web address"))
                .hint = Some("write the full address the site is published at, e.g. `https://plan.eksempelby.dk/`".into());
            return None;
        }
        Some(if url.ends_with('/') { url } else { format!("{url}/") })
    });
    let allow_html = f
        .get("allow_html")
        .and_then(|n| fields::boolean(ctx, n, "allow_html"))
        .unwrap_or(false);
    let mut vocab = |field: &'static str, kind: &'static str| -> Vec<Named> {
        let Some(list) = f.get(field) else {
            return Vec::new();
        };
        let mut out: Vec<Named> = Vec::new();
        let mut seen: HashMap<String, Pos> = HashMap::new();
        for item in seq(ctx, list, field) {
            let Some(e) = Fields::read(ctx, item, kind, &["id", "name"]) else {
                continue;
            };
            let id = e
                .required(ctx, "id", kind, "unge")
                .and_then(|n| text(ctx, n, "id").map(|t| (t, n.pos)));
            let name = e.required_text(ctx, "name", kind, "Uddannelsesparate unge");
            let (Some((id, pos)), Some(name)) = (id, name) else {
                continue;
            };
            if let Some(first) = seen.get(&id) {
                ctx.error(
                    "duplicate-id",
                    pos,
                    format!("the {kind} id `{id}` is used twice"),
                )
                .note = Some(crate::diagnostic::Note {
                    file: "plan.yaml".into(),
                    pos: *first,
                    message: "first used here".into(),
                });
                continue;
            }
            seen.insert(id.clone(), pos);
            spans.vocabulary.push((kind, id.clone(), pos));
            out.push(Named { id, name });
        }
        out
    };
    let target_groups = vocab("target_groups", "target group");
    let tracks = vocab("tracks", "track");
    let national_goals = vocab("national_goals", "national goal");
    let meta = Meta {
        title: title.unwrap_or_default(),
        subtitle: f.text(ctx, "subtitle"),
        organisation: organisation.unwrap_or_default(),
        summary: f.text(ctx, "summary"),
        period: period.unwrap_or(Period { start: 0, end: 0 }),
        language: language.unwrap_or(Language::Da),
        theme,
        as_of,
        brand,
        base_url,
        allow_html,
    };
    Some(PlanHead {
        meta,
        period,
        target_groups,
        tracks,
        national_goals,
    })
}

fn read_period(ctx: &mut Ctx, node: &Node) -> Option<Period> {
    let hint = "write one year (`period: 2027`) or two joined by a dash (`period: 2024-2027`)";
    let period = match &node.kind {
        Kind::Int(y) => i32::try_from(*y).ok().map(|y| Period { start: y, end: y }),
        Kind::Str(s) => {
            let (a, b) = s
                .split_once(['-', '–'])
                .map_or((s.as_str(), s.as_str()), |(a, b)| (a, b));
            match (a.trim().parse::<i32>(), b.trim().parse::<i32>()) {
                (Ok(start), Ok(end)) => Some(Period { start, end }),
                _ => None,
            }
        }
        _ => None,
    };
    match period {
        Some(p) if p.start > p.end => {
            ctx.error(
                "invalid-value",
                node.pos,
                format!("the period ends ({}) before it starts ({})", p.end, p.start),
            )
            .hint = Some(hint.into());
            None
        }
        Some(p) if !YEARS.contains(&p.start) || !YEARS.contains(&p.end) => {
            ctx.error(
                "year-out-of-range",
                node.pos,
                format!(
                    "the period {}–{} lies outside {}–{}",
                    p.start,
                    p.end,
                    YEARS.start(),
                    YEARS.end()
                ),
            )
            .hint = Some(hint.into());
            None
        }
        Some(p) => Some(p),
        None => {
            ctx.error(
                "invalid-value",
                node.pos,
                "the period is not a year or a range of years",
            )
            .hint = Some(hint.into());
            None
        }
    }
}

fn read_brand(ctx: &mut Ctx, node: Option<&Node>, loaded: &Loaded) -> Brand {
    let mut brand = Brand {
        primary: "#00558c".into(),
        logo: None,
    };
    let Some(node) = node else { return brand };
    let Some(f) = Fields::read(ctx, node, "brand", &["primary", "logo"]) else {
        return brand;
    };
    if let Some(n) = f.get("primary")
        && let Some(colour) = text(ctx, n, "primary")
    {
        let hex = colour.strip_prefix('#').unwrap_or("");
        if (hex.len() == 6 || hex.len() == 3) && hex.chars().all(|c| c.is_ascii_hexdigit()) {
            brand.primary = colour.to_lowercase();
        } else {
            ctx.error(
                "invalid-value",
                n.pos,
                format!("`{colour}` is not a colour"),
            )
            .hint = Some(
                "write the colour as # and six hex digits, in quotes: `primary: \"#00558c\"`"
                    .into(),
            );
        }
    }
    if let Some(n) = f.get("logo")
        && let Some(path) = text(ctx, n, "logo")
    {
        if loaded.root.join(&path).is_file() {
            brand.logo = Some(path.into());
        } else {
            ctx.error(
                "missing-file",
                n.pos,
                format!("the logo `{path}` does not exist"),
            )
            .hint = Some(
                "give the path from the plan folder, e.g. `logo: content/assets/logo.svg`".into(),
            );
        }
    }
    brand
}

/// A section's front matter, read.
struct Front {
    title: String,
    order: Option<(i64, Pos)>,
    target_group: Option<String>,
    summary: Option<String>,
    goals: Vec<Goal>,
}

fn read_front(
    raw: &RawSection,
    diags: &mut Vec<Diagnostic>,
    spans: &mut Spans,
    years: &YearRules,
) -> Front {
    let fallback_title = raw.file.rsplit('/').next().unwrap_or(&raw.file).to_string();
    let mut front = Front {
        title: fallback_title,
        order: None,
        target_group: None,
        summary: None,
        goals: Vec::new(),
    };
    let Some(node) = &raw.front else { return front };
    let ctx = &mut Ctx {
        file: &raw.file,
        diags,
    };
    if node.kind == Kind::Null {
        ctx.error("missing-field", raw.front_pos, "the front matter is empty")
            .hint = Some("a section needs at least `title: …` between the `---` lines".into());
        return front;
    }
    let Some(f) = Fields::read(ctx, node, "section", SECTION_FIELDS) else {
        return front;
    };
    if let Some(t) = f.required_text(ctx, "title", "section", "Virksomhedsindsatsen") {
        front.title = t;
    }
    front.order = f
        .get("order")
        .and_then(|n| fields::int(ctx, n, "order").map(|o| (o, n.pos)));
    if let Some(n) = f.get("target_group")
        && let Some(id) = text(ctx, n, "target_group")
    {
        spans.references.push((
            "target group",
            id.clone(),
            At {
                file: raw.file.clone(),
                pos: n.pos,
            },
        ));
        front.target_group = Some(id);
    }
    front.summary = f.text(ctx, "summary");
    if let Some(list) = f.get("goals") {
        for item in seq(ctx, list, "goals") {
            if let Some(goal) = read_goal(ctx, item, spans, years) {
                front.goals.push(goal);
            }
        }
    }
    front
}

fn read_goal(ctx: &mut Ctx, node: &Node, spans: &mut Spans, years: &YearRules) -> Option<Goal> {
    let f = Fields::read(ctx, node, "goal", GOAL_FIELDS)?;
    let id = f
        .required(ctx, "id", "goal", "V1")
        .and_then(|n| text(ctx, n, "id").map(|t| (t, n.pos)));
    let title = f.required_text(
        ctx,
        "title",
        "goal",
        "Flere virksomheder får hjælp til rekruttering",
    );
    let file = ctx.file.to_string();
    let mut refs = |ctx: &mut Ctx, field: &str, kind: &'static str| -> Vec<String> {
        f.list(ctx, field)
            .into_iter()
            .map(|(id, pos)| {
                spans.references.push((
                    kind,
                    id.clone(),
                    At {
                        file: file.clone(),
                        pos,
                    },
                ));
                id
            })
            .collect()
    };
    let national_goals = refs(ctx, "national_goals", "national goal");
    let tracks = refs(ctx, "tracks", "track");
    let deadline = f.get("deadline").and_then(|n| {
        let t = match &n.kind {
            Kind::Str(s) => s.clone(),
            Kind::Int(i) => i.to_string(),
            _ => String::new(),
        };
        match Deadline::parse(&t) {
            Some(d) if YEARS.contains(&d.year()) => Some(d),
            Some(d) => {
                ctx.error(
                    "year-out-of-range",
                    n.pos,
                    format!("the deadline's year {} is not a plausible year", d.year()),
                );
                None
            }
            None => {
                ctx.error(
                    "invalid-date",
                    n.pos,
                    format!("the deadline `{t}` is not a real date or quarter"),
                )
                .hint = Some("write a date as `2027-12-31` or a quarter as `2027-Q4`".into());
                None
            }
        }
    });
    let links = f.get("links").map_or_else(Vec::new, |n| {
        seq(ctx, n, "links")
            .iter()
            .filter_map(|item| match &item.kind {
                Kind::Str(url) => Some(GoalLink {
                    title: url.clone(),
                    url: url.clone(),
                }),
                _ => {
                    let l = Fields::read(ctx, item, "link", &["title", "url"])?;
                    let url =
                        l.required_text(ctx, "url", "link", "https://www.eksempelby.dk/politik")?;
                    let title = l.text(ctx, "title").unwrap_or_else(|| url.clone());
                    Some(GoalLink { title, url })
                }
            })
            .collect()
    });
    let indicators: Vec<Indicator> = f.get("indicators").map_or_else(Vec::new, |n| {
        seq(ctx, n, "indicators")
            .iter()
            .filter_map(|item| read_indicator(ctx, item, years))
            .collect()
    });
    let (id, id_pos) = id?;
    spans.goal_ids.push((
        id.clone(),
        At {
            file: ctx.file.to_string(),
            pos: id_pos,
        },
    ));
    Some(Goal {
        status: goal_status(&indicators),
        id,
        title: title?,
        description: f.text(ctx, "description"),
        owner: f.text(ctx, "owner"),
        national_goals,
        tracks,
        initiatives: f
            .list(ctx, "initiatives")
            .into_iter()
            .map(|(t, _)| t)
            .collect(),
        deadline,
        links,
        indicators,
    })
}

/// A year and value as written, with positions for the rules.
pub(crate) struct Entry {
    pub year: i32,
    pub year_pos: Pos,
    pub value: Value,
    pub value_pos: Pos,
}

fn read_indicator(ctx: &mut Ctx, node: &Node, years: &YearRules) -> Option<Indicator> {
    let f = Fields::read(ctx, node, "indicator", INDICATOR_FIELDS)?;
    let name = f.required_text(ctx, "name", "indicator", "Virksomhedskontakter pr. år");
    let unit = f.required(ctx, "unit", "indicator", "count").and_then(|n| {
        let t = text(ctx, n, "unit")?;
        let unit = Unit::parse(&t);
        if unit.is_none() {
            ctx.error("invalid-value", n.pos, format!("unknown unit `{t}`"))
                .hint = Some(
                did_you_mean(&t, Unit::NAMES)
                    .unwrap_or_else(|| format!("a unit is one of: {}", Unit::NAMES.join(", "))),
            );
        }
        unit
    });
    let direction = match f.get("direction") {
        Some(n) => text(ctx, n, "direction").and_then(|t| {
            let d = Direction::parse(&t);
            if d.is_none() {
                ctx.error("invalid-value", n.pos, format!("unknown direction `{t}`"))
                    .hint = Some(did_you_mean(&t, Direction::NAMES).unwrap_or_else(|| {
                    format!("a direction is one of: {}", Direction::NAMES.join(", "))
                }));
            }
            d
        }),
        None => {
            if unit.is_some_and(Unit::is_numeric) {
                ctx.error("missing-field", f.pos, "a numeric indicator has no `direction`")
                    .hint = Some("say which way the figure should go: `direction: increase`, `decrease` or `maintain`".into());
            }
            None
        }
    };
    let relative_to = f.text(ctx, "relative_to");
    if let (Some(r), Some(n)) = (&relative_to, f.get("relative_to"))
        && r != "national"
    {
        ctx.error("invalid-value", n.pos, format!("unknown comparison `{r}`"))
            .hint = Some("the only comparison planpress knows is `relative_to: national`".into());
    }
    let baseline = f.get("baseline").and_then(|n| {
        let b = Fields::read(ctx, n, "baseline", &["year", "value"])?;
        let year_node = b.required(ctx, "year", "baseline", "2024")?;
        let year = read_year(ctx, year_node)?;
        let value_node = b.get("value");
        let value = match (value_node, unit) {
            (Some(v), Some(u)) => read_value(ctx, v, u)?,
            (None, _) => {
                b.required(ctx, "value", "baseline", "2000");
                return None;
            }
            (Some(v), None) => untyped_value(v),
        };
        Some(Entry {
            year,
            year_pos: year_node.pos,
            value,
            value_pos: value_node.map_or(year_node.pos, |v| v.pos),
        })
    });
    let mut series = |field: &str| -> Vec<Entry> {
        let Some(n) = f.get(field) else {
            return Vec::new();
        };
        let mut out: Vec<Entry> = Vec::new();
        for (k, v) in entries(ctx, n, field) {
            let Some(year) = read_year(ctx, k) else {
                continue;
            };
            let value = match unit {
                Some(u) => match read_value(ctx, v, u) {
                    Some(value) => value,
                    None => continue,
                },
                None => untyped_value(v),
            };
            out.push(Entry {
                year,
                year_pos: k.pos,
                value,
                value_pos: v.pos,
            });
        }
        out.sort_by_key(|e| e.year);
        out
    };
    let actuals = series("actuals");
    let targets = series("targets");
    if f.get("targets").is_none() {
        f.required(ctx, "targets", "indicator", "{ 2027: 2500 }");
    }
    // The year rules hold whatever the unit; the direction rules need it.
    rules::check_indicator(
        ctx,
        years,
        unit,
        direction,
        baseline.as_ref(),
        &actuals,
        &targets,
    );
    let (name, unit) = (name?, unit?);
    let to_values = |list: &[Entry]| -> Vec<YearValue> {
        list.iter()
            .map(|e| YearValue {
                year: e.year,
                value: e.value.clone(),
            })
            .collect()
    };
    let baseline = baseline.map(|b| YearValue {
        year: b.year,
        value: b.value,
    });
    let actuals = to_values(&actuals);
    let targets = to_values(&targets);
    Some(Indicator {
        status: indicator_status(unit, direction, baseline.as_ref(), &actuals, &targets),
        name,
        unit,
        direction,
        source: f.text(ctx, "source"),
        relative_to,
        baseline,
        actuals,
        targets,
    })
}

fn read_year(ctx: &mut Ctx, node: &Node) -> Option<i32> {
    let year = match &node.kind {
        Kind::Int(y) => i32::try_from(*y).ok(),
        Kind::Str(s) => s.trim().parse::<i32>().ok(),
        _ => None,
    };
    match year {
        Some(y) if YEARS.contains(&y) => Some(y),
        Some(y) => {
            ctx.error(
                "year-out-of-range",
                node.pos,
                format!("{y} is not a plausible year"),
            )
            .hint = Some(format!(
                "years must lie between {} and {}",
                YEARS.start(),
                YEARS.end()
            ));
            None
        }
        None => {
            ctx.error(
                "wrong-type",
                node.pos,
                format!("expected a year, found {}", node.kind.describe()),
            )
            .hint = Some("write a four-digit year, e.g. `2027: 2500`".into());
            None
        }
    }
}

/// A value that must fit its unit.
fn read_value(ctx: &mut Ctx, node: &Node, unit: Unit) -> Option<Value> {
    let number = match &node.kind {
        Kind::Null => return Some(Value::Missing),
        Kind::Int(i) => *i as f64,
        Kind::Float(x) => *x,
        Kind::Str(s) if unit == Unit::Text => return Some(Value::Text(s.trim().to_string())),
        Kind::Str(s) => {
            let looks_danish = s
                .trim()
                .trim_end_matches('%')
                .trim()
                .replace('.', "")
                .replace(',', ".")
                .parse::<f64>()
                .is_ok();
            let hint = if looks_danish {
                "write numbers the YAML way, with a decimal point and no thousands separator or % sign: `14.6`, `2500`".to_string()
            } else {
                "use `unit: text` for an indicator measured in words".to_string()
            };
            ctx.error(
                "wrong-type",
                node.pos,
                format!(
                    "`{s}` is text, but a `{}` indicator needs a number",
                    unit_name(unit)
                ),
            )
            .hint = Some(hint);
            return None;
        }
        other => {
            ctx.error(
                "wrong-type",
                node.pos,
                format!("expected a value, found {}", other.describe()),
            );
            return None;
        }
    };
    if unit == Unit::Text {
        return Some(Value::Text(crate::locale::plain_number(number)));
    }
    let problem = match unit {
        Unit::Percent if !(0.0..=100.0).contains(&number) => {
            Some("a percentage lies between 0 and 100")
        }
        Unit::Count | Unit::Amount if number < 0.0 => {
            Some("a count or an amount cannot be negative")
        }
        Unit::Rank if number < 1.0 || number.fract() != 0.0 => {
            Some("a rank is a whole number from 1 up")
        }
        _ => None,
    };
    if let Some(problem) = problem {
        ctx.error(
            "value-out-of-range",
            node.pos,
            format!(
                "{} does not fit unit `{}`: {problem}",
                crate::locale::plain_number(number),
                unit_name(unit)
            ),
        );
        return None;
    }
    Some(Value::Number(number))
}

/// A value read without a unit to check it against (the unit was invalid
/// and has been reported), so the year rules can still see what is measured.
fn untyped_value(node: &Node) -> Value {
    match &node.kind {
        Kind::Int(i) => Value::Number(*i as f64),
        Kind::Float(x) => Value::Number(*x),
        Kind::Str(s) => Value::Text(s.clone()),
        _ => Value::Missing,
    }
}

fn unit_name(unit: Unit) -> &'static str {
    Unit::NAMES[unit as usize]
}

/// Resolves links in section bodies to sections and files of the plan.
struct PlanResolver<'a> {
    root: &'a std::path::Path,
    /// Section file (relative to the plan) → slug.
    files: HashMap<String, String>,
}

impl Resolver for PlanResolver<'_> {
    fn resolve(&self, from: &str, path: &str) -> Option<LinkTarget> {
        let folder = from.rsplit_once('/').map_or("", |(f, _)| f);
        let decoded = path.replace("%20", " ");
        let joined = normalise(&format!("{folder}/{decoded}"))?;
        if let Some(slug) = self.files.get(&joined) {
            return Some(LinkTarget::Section {
                slug: slug.clone(),
                fragment: None,
            });
        }
        let inside_content = joined.starts_with("content/");
        (inside_content && self.root.join(&joined).is_file()).then_some(LinkTarget::Asset(joined))
    }
}

/// Resolves `.` and `..` in a `/`-separated path; `None` if it climbs out.
fn normalise(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

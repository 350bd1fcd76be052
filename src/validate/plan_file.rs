//! Reading plan.yaml: the plan's facts and its vocabularies.

use super::fields::{self, Ctx, Fields, seq, text};
use super::{Spans, YEARS, rules};
use crate::load::Loaded;
use crate::load::confine::{self, Refusal};
use crate::load::yaml::{Kind, Node, Pos};
use crate::model::*;
use std::collections::HashMap;

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

/// plan.yaml as read. Invalid values are reported and replaced by
/// placeholders, so the sections can still be checked; the plan is never
/// rendered with them, because their errors stop the build.
pub(super) struct PlanHead {
    pub(super) meta: Meta,
    pub(super) period: Option<Period>,
    pub(super) target_groups: Vec<Named>,
    pub(super) tracks: Vec<Named>,
    pub(super) national_goals: Vec<Named>,
}

impl PlanHead {
    pub(super) fn unknown() -> PlanHead {
        PlanHead {
            meta: Meta::new("", "", Period { start: 0, end: 0 }),
            period: None,
            target_groups: Vec::new(),
            tracks: Vec::new(),
            national_goals: Vec::new(),
        }
    }
}

pub(super) fn read_plan(
    ctx: &mut Ctx,
    node: &Node,
    loaded: &Loaded,
    spans: &mut Spans,
) -> Option<PlanHead> {
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
    check_theme(
        ctx,
        f.get("theme").map_or(Pos::default(), |n| n.pos),
        &theme,
        loaded,
    );
    let as_of = f.get("as_of").and_then(|n| {
        let t = text(ctx, n, "as_of")?;
        let date = Date::parse(&t);
        if date.is_none() {
            ctx.error("invalid-date", n.pos, format!("`{t}` is not a date"))
                .hint = Some("write the date as year-month-day, e.g. `as_of: 2026-11-01`".into());
        }
        date
    });
    let brand = read_brand(ctx, f.get("brand"), loaded, spans);
    let base_url = f.get("base_url").and_then(|n| {
        let url = text(ctx, n, "base_url")?;
        if let Some(problem) = crate::url::base_url_problem(&url) {
            ctx.error("invalid-value", n.pos, format!("`base_url` is not a web address: {problem}"))
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

fn read_brand(ctx: &mut Ctx, node: Option<&Node>, loaded: &Loaded, spans: &mut Spans) -> Brand {
    let mut brand = Brand::default();
    let Some(node) = node else { return brand };
    let Some(f) = Fields::read(ctx, node, "brand", &["primary", "logo"]) else {
        return brand;
    };
    if let Some(n) = f.get("primary")
        && let Some(colour) = text(ctx, n, "primary")
    {
        if parse_colour(&colour).is_some() {
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
        let found = confine::written("", &path)
            .ok()
            .filter(|p| loaded.content.assets.iter().any(|a| &a.rel == p));
        if let Some(rel) = found {
            spans.logo = Some((rel.clone(), n.pos));
            brand.logo = Some(rel.into());
        } else if let Some(d) =
            rules::misplaced(ctx.file, "", "logo", &path, &loaded.content, n.pos)
        {
            ctx.diags.push(d);
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

/// The theme's name is a plain folder name, its folder (if the plan has one)
/// lies in themes/, and no file in it is a link out of themes/. The plan's
/// `themes/default/` overlays the built-in theme, so it is checked too.
fn check_theme(ctx: &mut Ctx, pos: Pos, theme: &str, loaded: &Loaded) {
    let hint = "a theme is a folder in themes/ beside plan.yaml, named by its folder name alone: `theme: kommune` for themes/kommune/";
    match confine::theme_folder(&loaded.root, theme) {
        Err(refusal) => {
            let message = match refusal {
                Refusal::Outside => {
                    format!("`themes/{theme}` is a link to a folder outside themes/")
                }
                other => format!("the theme `{theme}` {}", other.describe()),
            };
            ctx.error("outside-plan", pos, message).hint = Some(hint.into());
        }
        Ok(None) if theme != "default" => {
            ctx.error(
                "unknown-reference",
                pos,
                format!("there is no theme `{theme}`"),
            )
            .hint = Some(format!(
                "use `theme: default`, or add a folder themes/{theme}/ beside plan.yaml"
            ));
        }
        Ok(None) => {}
        Ok(Some(folder)) => {
            if let Err(rel) = confine::theme_files(&loaded.root, &folder) {
                ctx.diags.push(
                    crate::diagnostic::Diagnostic::new(
                        crate::diagnostic::Severity::Error,
                        "outside-plan",
                        &rel,
                        None,
                        format!("`{rel}` is a link to a file outside themes/"),
                    )
                    .hint("copy the file into the theme folder instead of linking to it"),
                );
            }
        }
    }
}

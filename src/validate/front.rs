//! Reading a section's front matter: its fields, signature and goals,
//! checking each value as it is read (indicators in [`super::indicator`]).

use super::danish;
use super::fields::{self, Ctx, Fields, seq, text};
use super::indicator::read_indicator;
use super::{At, Spans, YEARS, YearRules, case};
use crate::diagnostic::{Diagnostic, Hint, Message, Thing};
use crate::load::RawSection;
use crate::load::yaml::{Kind, Node, Pos};
use crate::model::*;

const SECTION_FIELDS: &[&str] = &[
    "title",
    "order",
    "target_group",
    "summary",
    "signature",
    "page_break",
    "goals",
    "recommendation",
    "decision",
];
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
    "target_groups",
    "indicators",
];

/// A section's front matter, read.
#[derive(Clone)]
pub(super) struct Front {
    pub(super) title: String,
    pub(super) order: Option<(i64, Pos)>,
    pub(super) target_group: Option<String>,
    pub(super) summary: Option<String>,
    pub(super) signature: Option<Signature>,
    pub(super) page_break: bool,
    pub(super) goals: Vec<Goal>,
    pub(super) recommendation: Option<Recommendation>,
    pub(super) decision: Option<Decision>,
}

pub(super) fn read_front(
    raw: &RawSection,
    source: &str,
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
        signature: None,
        page_break: false,
        goals: Vec::new(),
        recommendation: None,
        decision: None,
    };
    let Some(node) = &raw.front else { return front };
    let ctx = &mut Ctx::new(&raw.file, source, diags);
    if node.kind == Kind::Null {
        ctx.report(raw.front_pos, Message::EmptyFrontMatter).hint =
            Some(Hint::FrontMatterNeedsTitle);
        return front;
    }
    let Some(f) = Fields::read(ctx, node, Thing::Section, SECTION_FIELDS) else {
        return front;
    };
    if let Some(t) = f.required_text(ctx, "title", Thing::Section, "Virksomhedsindsatsen") {
        front.title = t;
    }
    front.order = f
        .get("order")
        .and_then(|n| fields::int(ctx, n, "order").map(|o| (o, n.pos)));
    if let Some(n) = f.get("target_group")
        && let Some(id) = text(ctx, n, "target_group")
    {
        spans.references.push((
            Thing::TargetGroup,
            id.clone(),
            At {
                file: raw.file.clone(),
                pos: n.pos,
            },
        ));
        front.target_group = Some(id);
    }
    front.summary = f.text(ctx, "summary");
    front.signature = f.get("signature").and_then(|n| read_signature(ctx, n));
    front.page_break = f
        .get("page_break")
        .and_then(|n| fields::boolean(ctx, n, "page_break"))
        .unwrap_or(false);
    // A case's parts: read whatever the kind, which the rules across
    // files judge (a plan has none).
    let at = |field| At {
        file: raw.file.clone(),
        pos: f.key(field).unwrap_or(f.pos),
    };
    if let Some(n) = f.written("recommendation") {
        let (recommendation, points) = case::read_recommendation(ctx, n);
        front.recommendation = recommendation;
        spans.case_parts.push(case::Part {
            field: "recommendation",
            at: at("recommendation"),
            points,
            decided: None,
        });
    }
    if let Some(n) = f.written("decision") {
        let (decision, decided) = case::read_decision(ctx, n);
        front.decision = decision;
        spans.case_parts.push(case::Part {
            field: "decision",
            at: at("decision"),
            points: Vec::new(),
            decided,
        });
    }
    if let Some(list) = f.get("goals") {
        for item in seq(ctx, list, "goals") {
            if let Some(mut goal) = read_goal(ctx, item, spans, years) {
                // A goal of its own groups keeps them; the others serve the section's.
                if goal.target_groups.is_empty() {
                    goal.target_groups.extend(front.target_group.clone());
                }
                front.goals.push(goal);
            }
        }
    }
    front
}

/// `signature: { name, role }`: who signs the section's text.
fn read_signature(ctx: &mut Ctx, node: &Node) -> Option<Signature> {
    if let Kind::Str(name) = &node.kind {
        // `signature: Hanne Kjærgaard`: the name without its field.
        ctx.report(
            node.pos,
            Message::NotAMapping {
                thing: Thing::Signature,
                found: fields::found(&node.kind),
            },
        )
        .hint = Some(Hint::SignatureForm {
            name: name.trim().to_string(),
        });
        return None;
    }
    let f = Fields::read(ctx, node, Thing::Signature, &["name", "role"])?;
    let name = f.required_text(ctx, "name", Thing::Signature, "Hanne Kjærgaard");
    let role = f.text(ctx, "role");
    Some(Signature { name: name?, role })
}

fn read_goal(ctx: &mut Ctx, node: &Node, spans: &mut Spans, years: &YearRules) -> Option<Goal> {
    let f = Fields::read(ctx, node, Thing::Goal, GOAL_FIELDS)?;
    let id = f
        .required(ctx, "id", Thing::Goal, "V1")
        .and_then(|n| text(ctx, n, "id").map(|t| (t, n.pos)));
    let title = f.required_text(
        ctx,
        "title",
        Thing::Goal,
        "Flere virksomheder får hjælp til rekruttering",
    );
    let file = ctx.file.to_string();
    let mut refs = |ctx: &mut Ctx, field: &str, kind: Thing| -> Vec<String> {
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
    let national_goals = refs(ctx, "national_goals", Thing::NationalGoal);
    let tracks = refs(ctx, "tracks", Thing::Track);
    let target_groups = refs(ctx, "target_groups", Thing::TargetGroup);
    let deadline = f.get("deadline").and_then(|n| {
        let t = match &n.kind {
            Kind::Str(s) => s.clone(),
            Kind::Int(i) => i.to_string(),
            _ => String::new(),
        };
        match Deadline::parse(&t) {
            Some(d) if YEARS.contains(&d.year()) => Some(d),
            Some(d) => {
                ctx.report(n.pos, Message::DeadlineYear { year: d.year() });
                None
            }
            None => {
                let hint = danish::date(&t).or_else(|| danish::quarter(&t)).map_or(
                    Hint::DeadlineForm,
                    |iso| Hint::Write {
                        text: format!("deadline: {iso}"),
                    },
                );
                ctx.report(n.pos, Message::BadDeadline { written: t }).hint = Some(hint);
                None
            }
        }
    });
    let links = f.get("links").map_or_else(Vec::new, |n| {
        seq(ctx, n, "links")
            .iter()
            .filter_map(|item| {
                let (link, pos) = match &item.kind {
                    Kind::Str(url) => {
                        let url = url.trim().to_string();
                        let link = GoalLink {
                            title: url.clone(),
                            url,
                        };
                        (link, item.pos)
                    }
                    _ => {
                        let l = Fields::read(ctx, item, Thing::Link, &["title", "url"])?;
                        let node = l.required(
                            ctx,
                            "url",
                            Thing::Link,
                            "https://www.eksempelby.dk/politik",
                        )?;
                        let url = text(ctx, node, "url")?;
                        let title = l.text(ctx, "title").unwrap_or_else(|| url.clone());
                        (GoalLink { title, url }, node.pos)
                    }
                };
                match super::links::unsafe_link(ctx.file, &link.url, pos) {
                    Some(d) => {
                        ctx.diags.push(d);
                        None
                    }
                    None => Some(link),
                }
            })
            .collect()
    });
    let (goal_id, goal_pos) = id.clone().map_or((None, f.pos), |(i, p)| (Some(i), p));
    let indicators: Vec<Indicator> = f.get("indicators").map_or_else(Vec::new, |n| {
        seq(ctx, n, "indicators")
            .iter()
            .enumerate()
            .filter_map(|(k, item)| {
                // The default id, `V1.2`, stands where the goal's id does.
                let default = goal_id
                    .as_ref()
                    .map(|g| (format!("{g}.{}", k + 1), goal_pos));
                read_indicator(ctx, item, years, default, spans)
            })
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
        line: id_pos.line,
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
        target_groups,
        indicators,
    })
}

//! Reading a section's front matter: its fields, goals and indicators,
//! checking each value as it is read.

use super::fields::{self, Ctx, Fields, entries, seq, text};
use super::{At, Spans, YEARS, YearRules, rules};
use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::limits::{MAX_DECIMALS, MAX_NUMBER};
use crate::load::RawSection;
use crate::load::yaml::{Kind, Node, Pos};
use crate::model::*;

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

/// A section's front matter, read.
pub(super) struct Front {
    pub(super) title: String,
    pub(super) order: Option<(i64, Pos)>,
    pub(super) target_group: Option<String>,
    pub(super) summary: Option<String>,
    pub(super) goals: Vec<Goal>,
}

pub(super) fn read_front(
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
                        let l = Fields::read(ctx, item, "link", &["title", "url"])?;
                        let node =
                            l.required(ctx, "url", "link", "https://www.eksempelby.dk/politik")?;
                        let url = text(ctx, node, "url")?;
                        let title = l.text(ctx, "title").unwrap_or_else(|| url.clone());
                        (GoalLink { title, url }, node.pos)
                    }
                };
                match rules::unsafe_link(ctx.file, &link.url, pos) {
                    Some(d) => {
                        ctx.diags.push(d);
                        None
                    }
                    None => Some(link),
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
            // YAML tells `2027` from `"2027"`; a plan must not.
            if let Some(first) = out.iter().find(|e| e.year == year) {
                let first = first.year_pos;
                let file = ctx.file.to_string();
                let d = ctx.error(
                    "duplicate-key",
                    k.pos,
                    format!("the year {year} appears twice in `{field}`"),
                );
                d.hint = Some("keep one figure for each year".into());
                d.note = Some(crate::diagnostic::Note {
                    file,
                    pos: first,
                    message: "first given here".into(),
                });
                continue;
            }
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
        Kind::Int(_) | Kind::Float(_) => printable_number(ctx, node)?,
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

/// A number the outputs can print exactly: below [`MAX_NUMBER`] in
/// magnitude and with at most [`MAX_DECIMALS`] decimals. Anything else is
/// an error here rather than a rounded figure (or a runaway chart) later.
fn printable_number(ctx: &mut Ctx, node: &Node) -> Option<f64> {
    let number = match node.kind {
        // Compared as an integer: past 2^53 the float is no longer the number.
        Kind::Int(i) if i.unsigned_abs() >= MAX_NUMBER as u64 => f64::INFINITY,
        Kind::Int(i) => i as f64,
        Kind::Float(x) => x,
        _ => return None,
    };
    let written = match node.kind {
        Kind::Int(i) => i.to_string(),
        _ if number.abs() >= 1e6 || (number != 0.0 && number.abs() < 1e-6) => format!("{number:e}"),
        _ => number.to_string(),
    };
    if number.is_nan() || number.abs() >= MAX_NUMBER {
        ctx.error(
            "number-too-large",
            node.pos,
            format!("{written} is too large for planpress to print exactly"),
        )
        .hint = Some(
            "planpress prints figures up to 999999999999999; give a large amount in a larger unit, such as millions"
                .into(),
        );
        return None;
    }
    if crate::locale::plain_number(number).parse::<f64>() != Ok(number) {
        ctx.error(
            "too-many-decimals",
            node.pos,
            format!("{written} has more decimals than planpress prints ({MAX_DECIMALS})"),
        )
        .hint = Some(format!(
            "round the figure to at most {MAX_DECIMALS} decimals, as it should be shown"
        ));
        return None;
    }
    Some(number)
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

//! Reading an indicator: its unit, direction, figures by period and the
//! words around them (id, note, unit label, assessment), each value checked
//! against its unit as it is read.

use super::danish;
use super::fields::{self, Ctx, Fields, entries, text};
use super::{At, Spans, YearRules, periods, rules};
use crate::diagnostic::{Hint, Message, NoteText, Thing, closest};
use crate::limits::MAX_NUMBER;
use crate::load::yaml::{Kind, Node, Pos};
use crate::model::*;

pub(super) const INDICATOR_FIELDS: &[&str] = &[
    "id",
    "name",
    "unit",
    "unit_label",
    "direction",
    "source",
    "baseline",
    "actuals",
    "targets",
    "relative_to",
    "note",
    "assessment",
];

/// A period and value as written, with positions for the rules.
pub(crate) struct Entry {
    pub when: When,
    pub year_pos: Pos,
    pub value: Value,
    pub value_pos: Pos,
}

/// Reads one indicator. `default_id` is `GOALID.N` with where the goal's id
/// stands, for an indicator that names no `id` of its own (none when the
/// goal has no id to build it from).
pub(super) fn read_indicator(
    ctx: &mut Ctx,
    node: &Node,
    years: &YearRules,
    default_id: Option<(String, Pos)>,
    spans: &mut Spans,
) -> Option<Indicator> {
    let f = Fields::read(ctx, node, Thing::Indicator, INDICATOR_FIELDS)?;
    let written = f.get("id");
    let id = match written {
        Some(n) => text(ctx, n, "id").map(|t| (t, n.pos)),
        None => default_id,
    };
    if let Some((id, pos)) = &id {
        spans.indicator_ids.push((
            id.clone(),
            At {
                file: ctx.file.to_string(),
                pos: *pos,
            },
            written.is_some(),
        ));
    }
    let name = f.required_text(ctx, "name", Thing::Indicator, "Virksomhedskontakter pr. år");
    let unit = f
        .required(ctx, "unit", Thing::Indicator, "count")
        .and_then(|n| {
            let t = text(ctx, n, "unit")?;
            let unit = Unit::parse(&t);
            if unit.is_none() {
                let hint = match danish::counted(&t) {
                    // `unit: timer`: a count, with its word as the label.
                    Some(label) => Hint::CountWithLabel { label },
                    None => danish::unit(&t)
                        .map(|u| Unit::NAMES[u as usize])
                        .or_else(|| closest(&t, Unit::NAMES))
                        .map_or(Hint::Units, |name| Hint::DidYouMean { name: name.into() }),
                };
                ctx.report(n.pos, Message::UnknownUnit { written: t }).hint = Some(hint);
            }
            unit
        });
    let direction = match f.get("direction") {
        Some(n) => text(ctx, n, "direction").and_then(|t| {
            let d = Direction::parse(&t);
            if d.is_none() {
                let hint = danish::direction(&t)
                    .map(|d| Direction::NAMES[d as usize])
                    .or_else(|| closest(&t, Direction::NAMES))
                    .map_or(Hint::Directions, |name| Hint::DidYouMean {
                        name: name.into(),
                    });
                ctx.report(n.pos, Message::UnknownDirection { written: t })
                    .hint = Some(hint);
            }
            d
        }),
        None => {
            if unit.is_some_and(Unit::is_numeric) {
                ctx.report(f.pos, Message::NoDirection).hint = Some(Hint::SayDirection);
            }
            None
        }
    };
    let unit_label = f.text(ctx, "unit_label");
    if let (Some(pos), Some(u)) = (f.key_pos("unit_label"), unit)
        && !matches!(u, Unit::Count | Unit::Amount)
    {
        ctx.report(
            pos,
            Message::FieldNotForUnit {
                field: "unit_label".into(),
                unit: u,
            },
        )
        .hint = Some(Hint::UnitLabelForCounts);
    }
    let assessment = f.get("assessment").and_then(|n| {
        let t = text(ctx, n, "assessment")?;
        if let Some(u) = unit.filter(|u| u.is_numeric()) {
            ctx.report(
                f.key_pos("assessment").unwrap_or(n.pos),
                Message::FieldNotForUnit {
                    field: "assessment".into(),
                    unit: u,
                },
            )
            .hint = Some(Hint::AssessmentForText);
            return None;
        }
        let a = Assessment::parse(&t);
        if a.is_none() {
            let words = Assessment::ALL.map(|(_, w)| w);
            let meant = danish::assessment(&t)
                .map(|a| Assessment::ALL[a as usize].1)
                .or_else(|| closest(&t, words));
            let hint = meant.map_or(Hint::Assessments, |name| Hint::DidYouMean {
                name: name.into(),
            });
            ctx.report(n.pos, Message::UnknownAssessment { written: t })
                .hint = Some(hint);
        }
        a
    });
    let note = f.text(ctx, "note");
    let relative_to = f.text(ctx, "relative_to");
    if let (Some(r), Some(n)) = (&relative_to, f.get("relative_to"))
        && r != "national"
    {
        ctx.report(n.pos, Message::UnknownComparison { written: r.clone() })
            .hint = Some(Hint::OnlyNational);
    }
    let baseline = f.get("baseline").and_then(|n| {
        if let Kind::Int(_) | Kind::Float(_) | Kind::Str(_) = &n.kind {
            // `baseline: 2000`: the value without its year.
            let value = match &n.kind {
                Kind::Int(i) => i.to_string(),
                Kind::Float(x) => crate::locale::plain_number(*x),
                Kind::Str(s) => s.clone(),
                _ => String::new(),
            };
            ctx.report(
                n.pos,
                Message::NotAMapping {
                    thing: Thing::Baseline,
                    found: fields::found(&n.kind),
                },
            )
            .hint = Some(Hint::BaselineForm { value });
            return None;
        }
        let b = Fields::read(ctx, n, Thing::Baseline, &["year", "value"])?;
        let year_node = b.required(ctx, "year", Thing::Baseline, "2024")?;
        let when = periods::read_period(ctx, year_node)?;
        let value_node = b.get("value");
        let value = match (value_node, unit) {
            (Some(v), Some(u)) => read_value(ctx, v, u)?,
            (None, _) => {
                b.required(ctx, "value", Thing::Baseline, "2000");
                return None;
            }
            (Some(v), None) => untyped_value(v),
        };
        Some(Entry {
            when,
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
        let list = entries(ctx, n, field);
        // A decimal comma splits `31,5` into `31` and a field `5`: both go.
        let split: Vec<bool> = (0..list.len())
            .map(|i| {
                i + 1 < list.len() && ctx.decimal_comma(&list[i].1, &list[i + 1].0, &list[i + 1].1)
            })
            .collect();
        for (i, (k, v)) in list.iter().enumerate() {
            if split[i] || (i > 0 && split[i - 1]) {
                continue;
            }
            let Some(when) = periods::read_period(ctx, k) else {
                continue;
            };
            // YAML tells `2027` from `"2027"` (and `2027-Q3` from
            // `2027-q3`); a plan must not.
            if let Some(first) = out.iter().find(|e| e.when == when) {
                let first = first.year_pos;
                let file = ctx.file.to_string();
                let d = ctx.report(
                    k.pos,
                    Message::DuplicatePeriod {
                        when,
                        field: field.to_string(),
                    },
                );
                d.hint = Some(Hint::OneFigurePerYear);
                d.note = Some(crate::diagnostic::Note {
                    file,
                    pos: first,
                    text: NoteText::FirstGivenHere,
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
                when,
                year_pos: k.pos,
                value,
                value_pos: v.pos,
            });
        }
        periods::check_series(ctx, field, &out);
        out.sort_by_key(|e| e.when);
        out
    };
    let actuals = series("actuals");
    let targets = series("targets");
    if f.get("targets").is_none() {
        f.required(ctx, "targets", Thing::Indicator, "{ 2027: 2500 }");
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
    let to_values = |list: &[Entry]| -> Vec<Figure> {
        list.iter()
            .map(|e| Figure {
                when: e.when,
                value: e.value.clone(),
            })
            .collect()
    };
    let baseline = baseline.map(|b| Figure {
        when: b.when,
        value: b.value,
    });
    let actuals = to_values(&actuals);
    let targets = to_values(&targets);
    Some(Indicator {
        status: indicator_status(
            unit,
            direction,
            assessment,
            baseline.as_ref(),
            &actuals,
            &targets,
        ),
        // Without a goal id there is no goal either: its error says so.
        id: id.map_or_else(String::new, |(id, _)| id),
        name,
        unit,
        unit_label,
        note,
        assessment,
        direction,
        source: f.text(ctx, "source"),
        relative_to,
        baseline,
        actuals,
        targets,
    })
}

/// A value that must fit its unit.
fn read_value(ctx: &mut Ctx, node: &Node, unit: Unit) -> Option<Value> {
    let number = match &node.kind {
        Kind::Null => return Some(Value::Missing),
        Kind::Int(_) | Kind::Float(_) => printable_number(ctx, node)?,
        Kind::Str(s) if unit == Unit::Text => return Some(Value::Text(s.trim().to_string())),
        Kind::Str(s) => {
            // `14,6`, `2.500` or `14,6 %`: a number written the Danish way.
            let danish = s
                .trim()
                .trim_end_matches('%')
                .trim()
                .replace('.', "")
                .replace(',', ".")
                .parse::<f64>()
                .ok();
            let hint = match danish {
                Some(n) => Hint::WriteNumber {
                    fix: crate::locale::plain_number(n),
                },
                None if danish::not_measured(s) => Hint::NotMeasured,
                None => Hint::UseUnitText,
            };
            ctx.report(
                node.pos,
                Message::TextNotNumber {
                    written: s.clone(),
                    unit,
                },
            )
            .hint = Some(hint);
            return None;
        }
        other => {
            ctx.report(
                node.pos,
                Message::NotAValue {
                    found: fields::found(other),
                },
            );
            return None;
        }
    };
    if unit == Unit::Text {
        return Some(Value::Text(crate::locale::plain_number(number)));
    }
    if matches!(unit, Unit::Count | Unit::Amount)
        && let Some(written) = thousands_separated(ctx.written_at(node.pos))
    {
        let fix = written.replace('.', "");
        ctx.report(
            node.pos,
            Message::ThousandsSeparator {
                written,
                read: number,
            },
        )
        .hint = Some(Hint::NoThousandsSeparator { fix });
        return None;
    }
    let fits = match unit {
        Unit::Percent => (0.0..=100.0).contains(&number),
        Unit::Count | Unit::Amount => number >= 0.0,
        Unit::Rank => number >= 1.0 && number.fract() == 0.0,
        Unit::Text => true,
    };
    if !fits {
        ctx.report(
            node.pos,
            Message::OutOfRange {
                value: number,
                unit,
            },
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
    // The number as the author wrote it, for the message.
    let written = ctx
        .written_at(node.pos)
        .split([',', '}', ']', ' ', '#'])
        .next()
        .filter(|w| !w.is_empty())
        .map_or_else(|| crate::locale::plain_number(number), str::to_string);
    if number.is_nan() || number.abs() >= MAX_NUMBER {
        ctx.report(node.pos, Message::NumberTooLarge { written })
            .hint = Some(Hint::LargerUnit);
        return None;
    }
    if crate::locale::plain_number(number).parse::<f64>() != Ok(number) {
        ctx.report(node.pos, Message::TooManyDecimals { written })
            .hint = Some(Hint::RoundDecimals);
        return None;
    }
    Some(number)
}

/// `2.500` or `1.250.000` at the start of `written`: a Danish thousands
/// separator, which YAML reads as a decimal point.
fn thousands_separated(written: &str) -> Option<String> {
    let end = written
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(written.len());
    let number = &written[..end];
    let mut groups = number.split('.');
    let head = groups.next()?;
    let tail: Vec<&str> = groups.collect();
    let grouped =
        (1..=3).contains(&head.len()) && !tail.is_empty() && tail.iter().all(|g| g.len() == 3);
    grouped.then(|| number.to_string())
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

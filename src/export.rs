//! Open data: every goal, indicator and value as `goals.json` and
//! `goals.csv`, for open-data portals and dashboards.

use crate::locale;
use crate::model::*;
use serde::Serialize;
use std::io::Write;
use std::path::Path;

#[derive(Serialize)]
struct Document<'a> {
    plan: PlanInfo<'a>,
    goals: Vec<GoalOut<'a>>,
}

#[derive(Serialize)]
struct PlanInfo<'a> {
    /// `plan` or `case`.
    kind: &'static str,
    title: &'a str,
    organisation: &'a str,
    /// Always there for a plan; a case may have none.
    period: Option<PeriodOut>,
    language: Language,
    as_of: Option<String>,
    status: DocumentStatus,
    adopted: Option<AdoptedOut<'a>>,
    edition: Option<&'a str>,
    contact: Option<ContactOut<'a>>,
    accessibility_statement: Option<&'a str>,
    /// A case's header, recommendation and decision.
    #[serde(skip_serializing_if = "Option::is_none")]
    case: Option<CaseOut<'a>>,
}

#[derive(Serialize)]
struct AdoptedOut<'a> {
    date: String,
    by: Option<&'a str>,
    #[serde(rename = "ref")]
    git_ref: Option<&'a str>,
}

#[derive(Serialize)]
struct ContactOut<'a> {
    name: Option<&'a str>,
    email: Option<&'a str>,
    phone: Option<&'a str>,
    url: Option<&'a str>,
}

#[derive(Serialize)]
struct CaseOut<'a> {
    committee: &'a str,
    /// `2027-03-09T15:00`, or the day alone.
    meeting: String,
    item: u32,
    number: &'a str,
    document: Option<&'a str>,
    /// `open` or `closed`.
    access: &'static str,
    authority: Option<&'a str>,
    recommendation: Option<&'a [String]>,
    decision: Option<DecisionOut<'a>>,
}

#[derive(Serialize)]
struct DecisionOut<'a> {
    date: String,
    text: &'a str,
    absent: &'a [String],
}

fn case_out<'a>(plan: &'a Plan, case: &'a Case) -> CaseOut<'a> {
    let sections = plan.all_sections();
    CaseOut {
        committee: &case.committee,
        meeting: case.meeting.iso(),
        item: case.item,
        number: &case.number,
        document: case.document.as_deref(),
        access: case.access.code(),
        authority: case.authority.as_deref(),
        recommendation: sections
            .iter()
            .find_map(|s| s.recommendation.as_ref())
            .map(|r| r.points.as_slice()),
        decision: sections
            .iter()
            .find_map(|s| s.decision.as_ref())
            .map(|d| DecisionOut {
                date: d.date.iso(),
                text: &d.text,
                absent: &d.absent,
            }),
    }
}

#[derive(Serialize)]
struct PeriodOut {
    start: i32,
    end: i32,
}

#[derive(Serialize)]
struct GoalOut<'a> {
    id: &'a str,
    title: &'a str,
    description: Option<&'a str>,
    owner: Option<&'a str>,
    section: SectionRef<'a>,
    /// The first of `target_groups`, for readers written before there
    /// could be several.
    target_group: Option<Named>,
    /// Every target group the goal serves: its own, or its section's.
    target_groups: Vec<Named>,
    national_goals: Vec<Named>,
    tracks: Vec<Named>,
    initiatives: &'a [String],
    deadline: Option<String>,
    links: &'a [GoalLink],
    status: Status,
    status_label: &'static str,
    indicators: Vec<IndicatorOut<'a>>,
}

#[derive(Serialize)]
struct SectionRef<'a> {
    slug: &'a str,
    title: &'a str,
    file: &'a str,
}

#[derive(Serialize)]
struct IndicatorOut<'a> {
    /// Stable across editions: what tools address the indicator's figures by.
    id: &'a str,
    name: &'a str,
    unit: Unit,
    unit_label: Option<&'a str>,
    note: Option<&'a str>,
    /// The author's verdict on a text indicator, when given.
    assessment: Option<Assessment>,
    direction: Option<Direction>,
    source: Option<&'a str>,
    relative_to: Option<&'a str>,
    baseline: Option<ValueOut>,
    actuals: Vec<ValueOut>,
    targets: Vec<ValueOut>,
    status: Status,
    status_label: &'static str,
}

#[derive(Serialize)]
struct ValueOut {
    /// The calendar year the period lies in.
    year: i32,
    /// The period as front matter writes it: `2026`, `2026-Q3`, `2026-09`.
    period: String,
    grain: &'static str,
    /// A number, a text, or null when not measured.
    value: serde_json::Value,
    /// As the site and the PDF show it.
    formatted: String,
}

fn value_out(yv: &Figure, ind: &Indicator, lang: Language) -> ValueOut {
    let value = match &yv.value {
        Value::Number(n) => serde_json::Number::from_f64(*n)
            .map_or(serde_json::Value::Null, serde_json::Value::Number),
        Value::Text(t) => serde_json::Value::String(t.clone()),
        Value::Missing => serde_json::Value::Null,
    };
    ValueOut {
        year: yv.when.year(),
        period: yv.when.iso(),
        grain: yv.when.grain().code(),
        value,
        formatted: locale::figure(&yv.value, ind, lang),
    }
}

fn named(list: &[Named], ids: &[String]) -> Vec<Named> {
    ids.iter()
        .map(|id| Named {
            id: id.clone(),
            name: list
                .iter()
                .find(|n| &n.id == id)
                .map_or_else(String::new, |n| n.name.clone()),
        })
        .collect()
}

/// `goals.json`: the plan's key facts and every goal with its section.
pub fn json(plan: &Plan) -> String {
    let lang = plan.meta.language;
    let goals = plan
        .all_goals()
        .into_iter()
        .map(|(section, g)| GoalOut {
            id: &g.id,
            title: &g.title,
            description: g.description.as_deref(),
            owner: g.owner.as_deref(),
            section: SectionRef {
                slug: &section.slug,
                title: &section.title,
                file: &section.source,
            },
            target_group: named(&plan.target_groups, &g.target_groups)
                .into_iter()
                .next(),
            target_groups: named(&plan.target_groups, &g.target_groups),
            national_goals: named(&plan.national_goals, &g.national_goals),
            tracks: named(&plan.tracks, &g.tracks),
            initiatives: &g.initiatives,
            deadline: g.deadline.map(Deadline::iso),
            links: &g.links,
            status: g.status,
            status_label: locale::status(g.status, lang),
            indicators: g
                .indicators
                .iter()
                .map(|i| IndicatorOut {
                    id: &i.id,
                    name: &i.name,
                    unit: i.unit,
                    unit_label: i.unit_label.as_deref(),
                    note: i.note.as_deref(),
                    assessment: i.assessment,
                    direction: i.direction,
                    source: i.source.as_deref(),
                    relative_to: i.relative_to.as_deref(),
                    baseline: i.baseline.as_ref().map(|b| value_out(b, i, lang)),
                    actuals: i.actuals.iter().map(|a| value_out(a, i, lang)).collect(),
                    targets: i.targets.iter().map(|t| value_out(t, i, lang)).collect(),
                    status: i.status,
                    status_label: locale::status(i.status, lang),
                })
                .collect(),
        })
        .collect();
    let doc = Document {
        plan: PlanInfo {
            kind: plan.meta.kind.name(),
            title: &plan.meta.title,
            organisation: &plan.meta.organisation,
            period: plan.meta.period.map(|p| PeriodOut {
                start: p.start,
                end: p.end,
            }),
            language: lang,
            as_of: plan.meta.as_of.map(Date::iso),
            status: plan.meta.status,
            adopted: plan.meta.adopted.as_ref().map(|a| AdoptedOut {
                date: a.date.iso(),
                by: a.by.as_deref(),
                git_ref: a.git_ref.as_deref(),
            }),
            edition: plan.meta.edition.as_deref(),
            contact: (!plan.meta.contact.is_empty()).then(|| {
                let c = &plan.meta.contact;
                ContactOut {
                    name: c.name.as_deref(),
                    email: c.email.as_deref(),
                    phone: c.phone.as_deref(),
                    url: c.url.as_deref(),
                }
            }),
            accessibility_statement: plan.meta.accessibility_statement.as_deref(),
            case: plan.meta.kind.case().map(|c| case_out(plan, c)),
        },
        goals,
    };
    // Serialising plain structs of strings and numbers cannot fail.
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// `goals.csv`: one row per indicator and period. UTF-8 with a byte order mark
/// and `;` between fields, because that is what Danish Excel opens
/// correctly; numbers use the plan language's decimal mark, and no text
/// cell can start a formula.
pub fn csv(plan: &Plan, out: &Path) -> std::io::Result<()> {
    let lang = plan.meta.language;
    let mut file = std::io::BufWriter::new(std::fs::File::create(out)?);
    file.write_all("\u{feff}".as_bytes())?;
    let mut w = csv::WriterBuilder::new().delimiter(b';').from_writer(file);
    w.write_record([
        "section",
        "goal_id",
        "goal_title",
        "target_group",
        "target_groups",
        "indicator_id",
        "indicator",
        "unit",
        "unit_label",
        "direction",
        "kind",
        "year",
        "period",
        "value",
        "formatted",
        "indicator_status",
        "goal_status",
        "deadline",
        "note",
    ])?;
    for (section, g) in plan.all_goals() {
        let groups = g.target_groups.join(",");
        for i in &g.indicators {
            let rows = i
                .baseline
                .iter()
                .map(|v| ("baseline", v))
                .chain(i.actuals.iter().map(|v| ("actual", v)))
                .chain(i.targets.iter().map(|v| ("target", v)));
            for (kind, yv) in rows {
                let raw = match &yv.value {
                    Value::Number(n) => {
                        let s = locale::plain_number(*n);
                        if lang == Language::Da {
                            s.replace('.', ",")
                        } else {
                            s
                        }
                    }
                    Value::Text(t) => t.clone(),
                    Value::Missing => String::new(),
                };
                let record = [
                    section.title.as_str(),
                    &g.id,
                    &g.title,
                    g.target_groups.first().map_or("", String::as_str),
                    &groups,
                    &i.id,
                    &i.name,
                    Unit::NAMES[i.unit as usize],
                    i.unit_label.as_deref().unwrap_or(""),
                    i.direction.map_or("", |d| Direction::NAMES[d as usize]),
                    kind,
                    &yv.when.year().to_string(),
                    &yv.when.iso(),
                    &raw,
                    &locale::figure(&yv.value, i, lang),
                    i.status.code(),
                    g.status.code(),
                    &g.deadline.map(Deadline::iso).unwrap_or_default(),
                    i.note.as_deref().unwrap_or(""),
                ];
                let cells = record.map(as_text);
                w.write_record(cells.iter().map(|c| c.as_bytes()))?;
            }
        }
    }
    w.flush()?;
    Ok(())
}

/// A cell as a spreadsheet should show it: text that Excel or LibreOffice
/// would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return) gets the usual leading apostrophe, which marks it as text.
fn as_text(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

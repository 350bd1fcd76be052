//! Reading a committee case: `kind:` and `case:` in plan.yaml, a section's
//! `recommendation:` and `decision:`, and the rules that span them (a case
//! has one of each; a plan has none; the decision is not dated before the
//! meeting; each point begins with "at").

use super::danish;
use super::fields::{self, Ctx, Fields, text};
use super::{At, YEARS};
use crate::diagnostic::{
    CaseHint, CaseProblem, Diagnostic, Expected, Hint, Message, NoteText, Thing, closest,
};
use crate::load::yaml::{Kind as NodeKind, Node, Pos};
use crate::model::{Access, Case, Date, Decision, Kind, Language, Meeting, Recommendation};

const CASE_FIELDS: &[&str] = &[
    "committee",
    "meeting",
    "item",
    "number",
    "document",
    "access",
    "authority",
];
const DECISION_FIELDS: &[&str] = &["date", "text", "absent"];

/// What plan.yaml says the document is, for the rules that span files.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Declared {
    /// `kind:` could not be read: nothing is judged by it.
    Unknown,
    Plan,
    /// A case, declared at `at`; its meeting's day when that was readable.
    Case {
        at: Pos,
        meeting: Option<Date>,
    },
}

/// A case's part as a section's front matter gives it.
#[derive(Clone)]
pub(crate) struct Part {
    pub field: &'static str,
    pub at: At,
    /// Each point of a recommendation, where it is written.
    pub points: Vec<(String, Pos)>,
    /// A decision's date, where it is written.
    pub decided: Option<(Date, Pos)>,
}

/// Reads `kind:` and, for a case, `case:`. Returns the document's kind
/// (a plan when it is unreadable: its errors stop the build) and what
/// the rules across files need to know.
pub(super) fn read_kind(ctx: &mut Ctx, f: &Fields) -> (Kind, Declared) {
    let declared = match f.get("kind") {
        None => Some(false),
        Some(n) => text(ctx, n, "kind").and_then(|t| match t.as_str() {
            "plan" => Some(false),
            "case" => Some(true),
            _ => {
                let hint = danish::kind(&t)
                    .or_else(|| closest(&t, Kind::NAMES))
                    .map_or(Hint::Case(CaseHint::Kinds), |name| Hint::DidYouMean {
                        name: name.into(),
                    });
                ctx.report(
                    n.pos,
                    Message::Case(CaseProblem::UnknownKind { written: t }),
                )
                .hint = Some(hint);
                None
            }
        }),
    };
    let header = f.get("case");
    match (declared, header) {
        (None, _) => (Kind::Plan, Declared::Unknown),
        (Some(false), None) => (Kind::Plan, Declared::Plan),
        (Some(false), Some(n)) => {
            let at = f.key("case").unwrap_or(n.pos);
            ctx.report(at, Message::Case(CaseProblem::HeaderInPlan))
                .hint = Some(Hint::Case(CaseHint::SayCase { field: "case" }));
            (Kind::Plan, Declared::Plan)
        }
        (Some(true), None) => {
            let at = f.get("kind").map_or(f.pos, |n| n.pos);
            ctx.report(at, Message::Case(CaseProblem::NoHeader)).hint = Some(Hint::AddLine {
                field: "case".into(),
                example: "{ committee: Beskæftigelsesudvalget, meeting: 2027-03-09 15:00, item: 4, number: 24.10.00-A00-3-26, access: open }".into(),
            });
            (Kind::Plan, Declared::Case { at, meeting: None })
        }
        (Some(true), Some(n)) => {
            let at = f.get("kind").map_or(f.pos, |n| n.pos);
            let (case, meeting) = read_header(ctx, n);
            let declared = Declared::Case { at, meeting };
            (
                case.map_or(Kind::Plan, |c| Kind::Case(Box::new(c))),
                declared,
            )
        }
    }
}

/// `case:`: every field read and reported before any is given up on.
fn read_header(ctx: &mut Ctx, node: &Node) -> (Option<Case>, Option<Date>) {
    let Some(f) = Fields::read(ctx, node, Thing::Case, CASE_FIELDS) else {
        return (None, None);
    };
    let committee = f.required_text(ctx, "committee", Thing::Case, "Beskæftigelsesudvalget");
    let meeting = f
        .required(ctx, "meeting", Thing::Case, "2027-03-09 15:00")
        .and_then(|n| read_meeting(ctx, n));
    let item = f.required(ctx, "item", Thing::Case, "4").and_then(|n| {
        let item = fields::int(ctx, n, "item")?;
        let fits = u32::try_from(item).ok().filter(|i| *i >= 1);
        if fits.is_none() {
            ctx.report(n.pos, Message::Case(CaseProblem::BadItem { item }));
        }
        fits
    });
    let number = f
        .required(ctx, "number", Thing::Case, "24.10.00-A00-3-26")
        .and_then(|n| as_written(ctx, n, "number"));
    let document = f
        .get("document")
        .and_then(|n| as_written(ctx, n, "document"));
    let access = f
        .required(ctx, "access", Thing::Case, "open")
        .and_then(|n| read_access(ctx, n));
    let authority = f.text(ctx, "authority");
    let day = meeting.map(|m| m.date);
    let case = (|| {
        Some(Case {
            committee: committee?,
            meeting: meeting?,
            item: item?,
            number: number?,
            document,
            access: access?,
            authority,
        })
    })();
    (case, day)
}

fn read_meeting(ctx: &mut Ctx, node: &Node) -> Option<Meeting> {
    let written = text(ctx, node, "meeting")?;
    match Meeting::parse(&written) {
        Some(m) if YEARS.contains(&m.date.year) => Some(m),
        Some(m) => {
            ctx.report(
                node.pos,
                Message::ImplausibleYear {
                    year: m.date.year.into(),
                },
            )
            .hint = Some(Hint::YearRange {
                from: *YEARS.start(),
                to: *YEARS.end(),
            });
            None
        }
        None => {
            let hint = danish::meeting(&written).map_or(Hint::Case(CaseHint::MeetingForm), |iso| {
                Hint::Write {
                    text: format!("meeting: {iso}"),
                }
            });
            ctx.report(node.pos, Message::Case(CaseProblem::BadMeeting { written }))
                .hint = Some(hint);
            None
        }
    }
}

fn read_access(ctx: &mut Ctx, node: &Node) -> Option<Access> {
    let written = text(ctx, node, "access")?;
    let access = Access::parse(&written);
    if access.is_none() {
        let hint = danish::access(&written)
            .map(Access::code)
            .or_else(|| closest(&written, Access::NAMES))
            .map_or(Hint::Case(CaseHint::AccessValues), |name| {
                Hint::DidYouMean { name: name.into() }
            });
        ctx.report(
            node.pos,
            Message::Case(CaseProblem::UnknownAccess { written }),
        )
        .hint = Some(hint);
    }
    access
}

/// A number in a records system (`24.10.00`, `0042`) as written: YAML
/// would read some of them as numbers and drop what makes them theirs.
fn as_written(ctx: &mut Ctx, node: &Node, field: &str) -> Option<String> {
    match &node.kind {
        NodeKind::Int(_) | NodeKind::Float(_) => {
            let written = ctx.written_at(node.pos);
            let value = written.split(" #").next().unwrap_or(written).trim();
            Some(value.trim_end_matches([',', '}']).trim().to_string())
        }
        _ => text(ctx, node, field),
    }
}

/// A section's `recommendation:`: a list of points.
pub(super) fn read_recommendation(
    ctx: &mut Ctx,
    node: &Node,
) -> (Option<Recommendation>, Vec<(String, Pos)>) {
    let NodeKind::Seq(items) = &node.kind else {
        ctx.report(
            node.pos,
            Message::WrongType {
                field: "recommendation".into(),
                expected: Expected::List,
                found: fields::found(&node.kind),
            },
        )
        .hint = Some(Hint::DashItems {
            field: "recommendation".into(),
            example: "- at udvalget tager orienteringen til efterretning".into(),
        });
        return (None, Vec::new());
    };
    if items.is_empty() {
        ctx.report(node.pos, Message::Case(CaseProblem::EmptyRecommendation))
            .hint = Some(Hint::Case(CaseHint::AddRecommendation));
        return (None, Vec::new());
    }
    let points: Vec<(String, Pos)> = items
        .iter()
        .filter_map(|item| text(ctx, item, "recommendation").map(|t| (t, item.pos)))
        .collect();
    let all_read = points.len() == items.len();
    let recommendation = all_read.then(|| Recommendation {
        points: points.iter().map(|(p, _)| p.clone()).collect(),
    });
    (recommendation, points)
}

/// A section's `decision:`: its date, its text and who was absent.
pub(super) fn read_decision(ctx: &mut Ctx, node: &Node) -> (Option<Decision>, Option<(Date, Pos)>) {
    let Some(f) = Fields::read(ctx, node, Thing::Decision, DECISION_FIELDS) else {
        return (None, None);
    };
    let date = f
        .required(ctx, "date", Thing::Decision, "2027-03-09")
        .and_then(|n| {
            let written = text(ctx, n, "date")?;
            match Date::parse(&written) {
                Some(d) if YEARS.contains(&d.year) => Some((d, n.pos)),
                Some(d) => {
                    ctx.report(
                        n.pos,
                        Message::ImplausibleYear {
                            year: d.year.into(),
                        },
                    )
                    .hint = Some(Hint::YearRange {
                        from: *YEARS.start(),
                        to: *YEARS.end(),
                    });
                    None
                }
                None => {
                    let hint = danish::date(&written).map_or(
                        Hint::Case(CaseHint::DateOf { field: "date" }),
                        |iso| Hint::Write {
                            text: format!("date: {iso}"),
                        },
                    );
                    ctx.report(n.pos, Message::BadDate { written }).hint = Some(hint);
                    None
                }
            }
        });
    let words = f.required_text(ctx, "text", Thing::Decision, "Indstillingen blev godkendt.");
    let absent = f.list(ctx, "absent").into_iter().map(|(n, _)| n).collect();
    let decision = match (date, words) {
        (Some((date, _)), Some(text)) => Some(Decision { date, text, absent }),
        _ => None,
    };
    (decision, date)
}

/// The rules across files: a case's parts only in a case, each once, its
/// recommendation there and in its form, the decision on or after the
/// meeting. `fronts_known`: every section's front matter could be read, so
/// a missing recommendation is really missing.
pub(super) fn check(
    declared: Declared,
    language: Language,
    parts: &[Part],
    fronts_known: bool,
    diags: &mut Vec<Diagnostic>,
) {
    let (at, meeting) = match declared {
        Declared::Unknown => return,
        Declared::Plan => {
            for part in parts {
                diags.push(
                    Diagnostic::at(
                        &part.at.file,
                        part.at.pos,
                        Message::Case(CaseProblem::FieldInPlan { field: part.field }),
                    )
                    .hint(Hint::Case(CaseHint::SayCase { field: part.field })),
                );
            }
            return;
        }
        Declared::Case { at, meeting } => (at, meeting),
    };
    for field in ["recommendation", "decision"] {
        let mut of_field = parts.iter().filter(|p| p.field == field);
        let Some(first) = of_field.next() else {
            if field == "recommendation" && fronts_known {
                diags.push(
                    Diagnostic::at(
                        "plan.yaml",
                        at,
                        Message::Case(CaseProblem::NoRecommendation),
                    )
                    .hint(Hint::Case(CaseHint::AddRecommendation)),
                );
            }
            continue;
        };
        for again in of_field {
            diags.push(
                Diagnostic::at(
                    &again.at.file,
                    again.at.pos,
                    Message::Case(CaseProblem::Twice {
                        field,
                        first: first.at.file.clone(),
                    }),
                )
                .hint(Hint::Case(CaseHint::OnePlace { field }))
                .note(&first.at.file, first.at.pos, NoteText::FirstGivenHere),
            );
        }
    }
    let word = match language {
        Language::Da => "at",
        Language::En => "that",
    };
    for part in parts {
        for (point, pos) in &part.points {
            let first = point.split_whitespace().next().unwrap_or("");
            if first.eq_ignore_ascii_case(word) {
                continue;
            }
            let short = shortened(point);
            let mut rest = short.chars();
            let lowered: String = rest
                .next()
                .map(|c| c.to_lowercase().chain(rest).collect())
                .unwrap_or_default();
            diags.push(
                Diagnostic::at(
                    &part.at.file,
                    *pos,
                    Message::Case(CaseProblem::PointWithoutAt {
                        written: short,
                        word,
                    }),
                )
                .hint(Hint::Write {
                    text: format!("- {word} {lowered}"),
                }),
            );
        }
        if let (Some((decided, pos)), Some(meeting)) = (part.decided, meeting)
            && decided < meeting
        {
            diags.push(
                Diagnostic::at(
                    &part.at.file,
                    pos,
                    Message::Case(CaseProblem::DecisionBeforeMeeting { decided, meeting }),
                )
                .hint(Hint::Case(CaseHint::DecisionAtMeeting { meeting })),
            );
        }
    }
}

/// The first words of a point, for a message that quotes it.
fn shortened(point: &str) -> String {
    let words: Vec<&str> = point.split_whitespace().collect();
    if words.len() <= 6 {
        words.join(" ")
    } else {
        format!("{} …", words[..6].join(" "))
    }
}

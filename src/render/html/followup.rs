//! The follow-up pages: `status.html` (the status report) and
//! `changes.html` (what changed since adoption), prepared for their
//! templates from the typed [`Report`] and [`Changes`].

use super::blocks::escape_into;
use super::views::{Site, StatusView};
use crate::followup::changes::{Link, Passage, SectionChangeKind, Words};
use crate::followup::report::GoalLine;
use crate::followup::words::{
    adopted_sentence, group_name, report_title, section_note, target_text,
};
use crate::followup::{Changes, Report};
use crate::locale;
use crate::model::{Figure, Language, Plan, Unit};
use rayon::prelude::*;
use serde::Serialize;

#[derive(Serialize)]
pub(super) struct ReportView {
    title: String,
    as_of: Option<String>,
    counts: Vec<(StatusView, usize)>,
    groups: Vec<GroupView>,
}

#[derive(Serialize)]
struct GroupView {
    id: String,
    name: String,
    /// The group's goals, each an `<article>` with its table and notes, as
    /// HTML: the status report shows every goal of the plan, which Rust
    /// writes far faster than a template loop (as the goal tables' cells).
    goals: String,
}

/// A figure and its period, in words.
struct FigureView {
    period: String,
    value: String,
}

struct IndicatorLineView {
    name: String,
    /// A text indicator: its figures are words that may wrap.
    words: bool,
    latest: Option<FigureView>,
    /// The change in words, with the period it is counted from.
    change: Option<String>,
    since: Option<String>,
    target: Option<FigureView>,
    status: StatusView,
    note: Option<String>,
}

fn figure(f: &Figure, unit: Unit, lang: Language) -> FigureView {
    FigureView {
        period: locale::when(f.when, lang),
        value: locale::value(&f.value, unit, lang),
    }
}

impl ReportView {
    pub(super) fn of(report: &Report, site: &Site) -> ReportView {
        let lang = site.lang;
        let label = |k: &str| site.label(k);
        let words = RowWords {
            indicator: label("indicator"),
            indicators_for: label("indicators_for"),
            latest: label("report_latest"),
            change: label("report_change"),
            since: label("report_since"),
            target: label("target"),
            status: label("status"),
            not_measured: label("not_measured_yet"),
        };
        ReportView {
            title: report_title(report, &label, lang),
            as_of: report.as_of.map(|d| locale::date(d, lang)),
            counts: report
                .counts
                .iter()
                .map(|(s, n)| (site.status(*s), *n))
                .collect(),
            groups: report
                .groups
                .iter()
                .map(|g| GroupView {
                    id: g.id.clone().unwrap_or_else(|| "other".into()),
                    name: group_name(g, &label),
                    // Made on all cores: a big plan's report is thousands
                    // of goals, and it is one page.
                    goals: g
                        .goals
                        .par_iter()
                        .map(|l| goal_article(l, site, &words))
                        .collect::<Vec<String>>()
                        .concat(),
                })
                .collect(),
        }
    }
}

/// One goal of the report: its heading and status, the table of its
/// indicators and their notes.
fn goal_article(l: &GoalLine, site: &Site, words: &RowWords) -> String {
    let lang = site.lang;
    let indicators: Vec<IndicatorLineView> = l
        .indicators
        .iter()
        .map(|i| IndicatorLineView {
            name: i.name.clone(),
            words: i.unit == Unit::Text,
            latest: i.latest.as_ref().map(|f| figure(f, i.unit, lang)),
            change: i.change.map(|c| locale::change(c, i.unit, lang)),
            since: i
                .previous
                .as_ref()
                .filter(|_| i.change.is_some())
                .map(|p| locale::when(p.when, lang)),
            target: i.target.as_ref().map(|f| figure(f, i.unit, lang)),
            status: site.status(i.status),
            note: i.note.clone(),
        })
        .collect();
    let status = site.status(l.status);
    let url = format!("{}.html#{}", l.section_slug, l.anchor);
    let mut out = String::new();
    html(
        &mut out,
        &[
            "\n  <article class=\"report-goal status-border-",
            status.code,
            "\" aria-labelledby=\"report-",
            &l.anchor,
            "\">\n    <header class=\"goal-head\">\n      <h3 class=\"goal-title\" id=\"report-",
            &l.anchor,
            "\"><a href=\"",
            &url,
            "\"><span class=\"goal-id\">",
            &l.id,
            "</span> ",
            &l.title,
            "</a></h3>\n      <p class=\"status status-",
            status.code,
            "\"><span aria-hidden=\"true\">",
            status.symbol,
            "</span> ",
            &status.word,
            "</p>\n    </header>\n    ",
        ],
    );
    if !indicators.is_empty() {
        html(
            &mut out,
            &[
                "\n    <div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-labelledby=\"report-",
                &l.anchor,
                "-caption\">\n    <table class=\"report-table\">\n      <caption id=\"report-",
                &l.anchor,
                "-caption\">",
                &words.indicators_for,
                " ",
                &l.id,
                "</caption>\n      <thead>\n        <tr>\n          <th scope=\"col\">",
                &words.indicator,
                "</th>\n          <th scope=\"col\" class=\"num\">",
                &words.latest,
                "</th>\n          <th scope=\"col\" class=\"num\">",
                &words.change,
                "</th>\n          <th scope=\"col\" class=\"num\">",
                &words.target,
                "</th>\n          <th scope=\"col\">",
                &words.status,
                "</th>\n        </tr>\n      </thead>\n      <tbody>\n      ",
            ],
        );
        rows(&mut out, &indicators, words);
        out.push_str("\n      </tbody>\n    </table>\n    </div>\n    ");
        for i in &indicators {
            if let Some(note) = &i.note {
                html(
                    &mut out,
                    &[
                        "\n    <p class=\"report-note\"><strong>",
                        &i.name,
                        ":</strong> ",
                        note,
                        "</p>\n    ",
                    ],
                );
            }
        }
        out.push_str("\n    ");
    }
    out.push_str("\n  </article>\n  ");
    out
}

/// Appends `parts` to `out`: every other part, from the second, is text,
/// escaped; the rest is markup.
fn html(out: &mut String, parts: &[&str]) {
    for (k, part) in parts.iter().enumerate() {
        if k % 2 == 1 {
            escape_into(out, part);
        } else {
            out.push_str(part);
        }
    }
}

/// The words of the status tables: their headers, which also label the
/// cells of the rows stacked on phones, and what stands for a figure not
/// measured.
struct RowWords {
    indicator: String,
    indicators_for: String,
    latest: String,
    change: String,
    since: String,
    target: String,
    status: String,
    not_measured: String,
}

/// The status table's rows, appended to `out` line by line as the
/// template's loop over them was, so the page is the same.
fn rows(out: &mut String, indicators: &[IndicatorLineView], w: &RowWords) {
    // A figure on one line, its period beneath it; a text indicator's
    // words may wrap.
    let figure = |out: &mut String, f: &FigureView, words: bool| {
        let open = if words {
            "<span class=\"fig\"><span class=\"yv words\">"
        } else {
            "<span class=\"fig\"><span class=\"yv\">"
        };
        html(
            out,
            &[
                open,
                &f.value,
                "</span> <span class=\"period\">",
                &f.period,
                "</span></span>",
            ],
        )
    };
    for i in indicators {
        html(
            out,
            &[
                "\n        <tr>\n          <th scope=\"row\">",
                &i.name,
                "</th>\n          <td class=\"num\" data-label=\"",
                &w.latest,
                "\">",
            ],
        );
        match &i.latest {
            Some(f) => figure(out, f, i.words),
            None => escape_into(out, &w.not_measured),
        }
        html(
            out,
            &[
                "</td>\n          <td class=\"num\" data-label=\"",
                &w.change,
                "\">",
            ],
        );
        match i.change.as_deref().filter(|c| !c.is_empty()) {
            Some(c) => html(
                out,
                &[
                    "<span class=\"fig\"><span class=\"yv\">",
                    c,
                    "</span> <span class=\"period\">",
                    &w.since,
                    " ",
                    i.since.as_deref().unwrap_or(""),
                    "</span></span>",
                ],
            ),
            None => out.push('–'),
        }
        html(
            out,
            &[
                "</td>\n          <td class=\"num\" data-label=\"",
                &w.target,
                "\">",
            ],
        );
        match &i.target {
            Some(f) => figure(out, f, i.words),
            None => out.push('–'),
        }
        html(
            out,
            &[
                "</td>\n          <td data-label=\"",
                &w.status,
                "\"><span class=\"status status-",
                i.status.code,
                "\"><span aria-hidden=\"true\">",
                i.status.symbol,
                "</span> ",
                &i.status.word,
                "</span></td>\n        </tr>\n      ",
            ],
        );
    }
}

#[derive(Serialize)]
pub(super) struct ChangesView {
    /// "Byrådet vedtog planen 26. november 2026 (`vedtaget-2026`)."
    adopted: String,
    empty: bool,
    goals_added: Vec<GoalRefView>,
    goals_removed: Vec<GoalRefView>,
    goals_renamed: Vec<RenamedView>,
    targets: Vec<TargetView>,
    indicators_added: Vec<IndicatorRefView>,
    indicators_removed: Vec<IndicatorRefView>,
    sections: Vec<SectionView>,
}

#[derive(Serialize)]
struct GoalRefView {
    id: String,
    title: String,
    url: Option<String>,
}

#[derive(Serialize)]
struct RenamedView {
    id: String,
    before: String,
    after: String,
    url: String,
}

#[derive(Serialize)]
struct TargetView {
    goal_id: String,
    indicator: String,
    period: String,
    before: String,
    after: String,
    url: String,
}

#[derive(Serialize)]
struct IndicatorRefView {
    goal_id: String,
    name: String,
    url: Option<String>,
}

#[derive(Serialize)]
struct SectionView {
    title: String,
    url: Option<String>,
    /// `added`, `removed`, `edited` or `rewritten`.
    kind: &'static str,
    /// What happened, in words, for sections added, removed or rewritten.
    note: Option<String>,
    passages: Vec<PassageView>,
}

#[derive(Serialize)]
struct PassageView {
    before: Vec<WordsView>,
    after: Vec<WordsView>,
}

#[derive(Serialize)]
struct WordsView {
    text: String,
    changed: bool,
}

fn url(link: &Link) -> String {
    match &link.anchor {
        Some(a) => format!("{}.html#{a}", link.slug),
        None => format!("{}.html", link.slug),
    }
}

fn words(list: &[Words]) -> Vec<WordsView> {
    list.iter()
        .map(|w| WordsView {
            text: w.text.clone(),
            changed: w.changed,
        })
        .collect()
}

fn passage(p: &Passage) -> PassageView {
    PassageView {
        before: words(&p.before),
        after: words(&p.after),
    }
}

impl ChangesView {
    pub(super) fn of(plan: &Plan, changes: &Changes, site: &Site) -> ChangesView {
        let lang = site.lang;
        let label = |k: &str| site.label(k);
        let none = label("changes_no_target");
        let goal = |g: &crate::followup::changes::GoalRef| GoalRefView {
            id: g.id.clone(),
            title: g.title.clone(),
            url: g.link.as_ref().map(url),
        };
        let indicator = |i: &crate::followup::changes::IndicatorRef| IndicatorRefView {
            goal_id: i.goal_id.clone(),
            name: i.name.clone(),
            url: i.link.as_ref().map(url),
        };
        ChangesView {
            adopted: adopted_sentence(plan, changes, &label),
            empty: changes.is_empty(),
            goals_added: changes.goals_added.iter().map(goal).collect(),
            goals_removed: changes.goals_removed.iter().map(goal).collect(),
            goals_renamed: changes
                .goals_renamed
                .iter()
                .map(|r| RenamedView {
                    id: r.id.clone(),
                    before: r.before.clone(),
                    after: r.after.clone(),
                    url: url(&r.link),
                })
                .collect(),
            targets: changes
                .targets_changed
                .iter()
                .map(|t| TargetView {
                    goal_id: t.goal_id.clone(),
                    indicator: t.indicator.clone(),
                    period: locale::when(t.when, lang),
                    before: target_text(&t.before, t.unit, lang, &none),
                    after: target_text(&t.after, t.unit, lang, &none),
                    url: url(&t.link),
                })
                .collect(),
            indicators_added: changes.indicators_added.iter().map(indicator).collect(),
            indicators_removed: changes.indicators_removed.iter().map(indicator).collect(),
            sections: changes
                .sections
                .iter()
                .map(|s| SectionView {
                    title: s.title.clone(),
                    url: s.link.as_ref().map(url),
                    kind: match s.kind {
                        SectionChangeKind::Added => "added",
                        SectionChangeKind::Removed => "removed",
                        SectionChangeKind::Edited => "edited",
                        SectionChangeKind::Rewritten => "rewritten",
                    },
                    note: section_note(s.kind, &label),
                    passages: s.passages.iter().map(passage).collect(),
                })
                .collect(),
        }
    }
}

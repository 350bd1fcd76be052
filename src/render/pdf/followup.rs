//! The follow-up PDFs, each a renderer of its own beside the plan's: the
//! status report (`<plan>-status.pdf`) and the changes since adoption
//! (`<plan>-changes.pdf`). They are documents of their own — the report
//! goes to the council each quarter, the changes with the plan as an annex
//! — so each has its own cover, outline and metadata, laid out by the same
//! engine in the same style as the plan ([`layout::annex`]).

use super::layout::annex::{Annex, Content, Part, Run, Table, period_run};
use super::{RenderContext, RenderError, Rendered, Renderer};
use crate::followup::changes::SectionChangeKind;
use crate::followup::words;
use crate::followup::{Changes, Report, changes_pdf_name, report_pdf_name};
use crate::locale;
use crate::model::{Meta, Plan, Unit};
use crate::theme::Theme;

/// Writes `<plan>-status.pdf` when the plan has a status report.
pub struct StatusPdf;

/// Writes `<plan>-changes.pdf` when the plan names its adopted version.
pub struct ChangesPdf;

impl Renderer for StatusPdf {
    fn name(&self) -> &'static str {
        "status pdf"
    }

    fn render(&self, ctx: &RenderContext<'_>) -> Result<Rendered, RenderError> {
        let Some(report) = &ctx.followup.report else {
            return Ok(Rendered::default());
        };
        let (cover, annex) = status_annex(ctx.plan, ctx.theme, report);
        write(ctx, &cover, &annex, &report_pdf_name(ctx.plan))
    }
}

impl Renderer for ChangesPdf {
    fn name(&self) -> &'static str {
        "changes pdf"
    }

    fn render(&self, ctx: &RenderContext<'_>) -> Result<Rendered, RenderError> {
        let Some(changes) = &ctx.followup.changes else {
            return Ok(Rendered::default());
        };
        let (cover, annex) = changes_annex(ctx.plan, ctx.theme, changes);
        write(ctx, &cover, &annex, &changes_pdf_name(ctx.plan))
    }
}

/// Lays out `annex` after a cover made from `cover`'s facts and writes it
/// as `name`.
fn write(
    ctx: &RenderContext<'_>,
    cover: &Plan,
    annex: &Annex,
    name: &str,
) -> Result<Rendered, RenderError> {
    let pdf = super::render_with(cover, ctx.theme, ctx, |env| {
        super::layout::Layout::new(env).run_annex(annex)
    })?;
    (ctx.write)(name, &pdf.bytes).map_err(|source| RenderError::Write {
        file: name.to_string(),
        source,
    })?;
    Ok(Rendered {
        files: vec![name.to_string()],
        diagnostics: pdf.diagnostics,
    })
}

/// The plan's facts for a cover of a document about it: `title` large,
/// the plan's title under it, `summary` below; no sections.
fn cover_of(plan: &Plan, title: String, summary: String) -> Plan {
    Plan {
        meta: Meta {
            title,
            subtitle: Some(plan.meta.title.clone()),
            summary: Some(summary),
            ..plan.meta.clone()
        },
        target_groups: Vec::new(),
        tracks: Vec::new(),
        national_goals: Vec::new(),
        sections: Vec::new(),
        root: plan.root.clone(),
    }
}

fn heading(text: impl Into<String>, level: u8) -> Part {
    Part::Heading {
        text: text.into(),
        level,
    }
}

fn runs(text: impl Into<String>) -> Content {
    Content::Runs(vec![Run::plain(text)])
}

/// A figure with its period under it, muted (unless the column's heading
/// carries it); a figure in words (a text indicator's) may wrap between
/// words, one in numbers is kept on one line.
fn figure(value: String, period: Option<String>, unit: Unit, bold: bool) -> Content {
    let value = match unit {
        Unit::Text => Run::words(value, bold),
        _ => Run::figure(value, bold),
    };
    let mut runs = vec![value];
    runs.extend(period.as_deref().map(period_run));
    Content::Runs(runs)
}

fn status_annex(plan: &Plan, theme: &Theme, report: &Report) -> (Plan, Annex) {
    let lang = plan.meta.language;
    let label = |k: &str| theme.label(k).to_string();
    let word = |s| theme.status_word(s, lang);
    let title = words::report_title(report, &label, lang);
    let mut cover = cover_of(plan, title, label("report_lead"));
    cover.meta.as_of = report.as_of;
    let mut parts = vec![
        heading(label("report_counts"), 1),
        Part::Table(Table {
            head: vec![label("status"), label("goal_plural")],
            numeric: vec![false, true],
            rows: report
                .counts
                .iter()
                .map(|(s, n)| vec![Content::Status(*s, word(*s)), runs(n.to_string())])
                .collect(),
            row_headers: false,
            lined_up: false,
            head_periods: Vec::new(),
        }),
    ];
    for group in &report.groups {
        parts.push(heading(words::group_name(group, &label), 1));
        for g in &group.goals {
            parts.push(Part::Goal {
                id: g.id.clone(),
                title: g.title.clone(),
                status: g.status,
                level: 2,
            });
            if g.indicators.is_empty() {
                continue;
            }
            // The periods of each row's latest figure, change and target;
            // one the whole table shares is said once, under the column's
            // heading, and no longer under each figure.
            let since = label("report_since");
            let mut periods: Vec<[Option<String>; 3]> = g
                .indicators
                .iter()
                .map(|i| {
                    let when = |w| Some(locale::when(w, lang));
                    [
                        i.latest.as_ref().and_then(|f| when(f.when)),
                        i.change
                            .and(i.previous.as_ref())
                            .map(|p| format!("{since} {}", locale::when(p.when, lang))),
                        i.target.as_ref().and_then(|f| when(f.when)),
                    ]
                })
                .collect();
            let shared: [Option<String>; 3] = std::array::from_fn(|c| {
                let mut all = periods.iter().filter_map(|p| p[c].as_ref());
                let first = all.next()?;
                all.all(|p| p == first).then(|| first.clone())
            });
            for row in &mut periods {
                for (period, above) in row.iter_mut().zip(&shared) {
                    if above.is_some() {
                        *period = None;
                    }
                }
            }
            let rows = g
                .indicators
                .iter()
                .zip(periods)
                .map(|(i, [latest, since, target])| {
                    let latest = match &i.latest {
                        Some(f) => {
                            figure(locale::value(&f.value, i.unit, lang), latest, i.unit, false)
                        }
                        None => runs(label("not_measured_yet")),
                    };
                    let change = match i.change {
                        Some(c) if i.previous.is_some() => {
                            figure(locale::change(c, i.unit, lang), since, i.unit, false)
                        }
                        _ => runs("–"),
                    };
                    let target = match &i.target {
                        Some(f) => {
                            figure(locale::value(&f.value, i.unit, lang), target, i.unit, true)
                        }
                        None => runs("–"),
                    };
                    vec![
                        runs(i.name.clone()),
                        latest,
                        change,
                        target,
                        Content::Status(i.status, word(i.status)),
                    ]
                })
                .collect();
            let [latest, since, target] = shared;
            parts.push(Part::Table(Table {
                head: vec![
                    label("indicator"),
                    label("report_latest"),
                    label("report_change"),
                    label("target"),
                    label("status"),
                ],
                head_periods: vec![None, latest, since, target, None],
                numeric: vec![false, true, true, true, false],
                rows,
                row_headers: g.indicators.len() > 1,
                lined_up: true,
            }));
            for i in g.indicators.iter() {
                if let Some(note) = &i.note {
                    parts.push(Part::Paragraph(vec![
                        Run::bold(format!("{}: ", i.name)),
                        Run::plain(note.clone()),
                    ]));
                }
            }
        }
    }
    (cover, Annex { parts })
}

fn changes_annex(plan: &Plan, theme: &Theme, changes: &Changes) -> (Plan, Annex) {
    let lang = plan.meta.language;
    let label = |k: &str| theme.label(k).to_string();
    let cover = cover_of(
        plan,
        label("changes"),
        words::adopted_sentence(plan, changes, &label),
    );
    let mut parts = Vec::new();
    if changes.is_empty() {
        parts.push(Part::Paragraph(vec![Run::plain(label("changes_none"))]));
    }
    let goal_table = |refs: &[crate::followup::changes::GoalRef]| {
        Part::Table(Table {
            head: vec![label("goal"), label("changes_title")],
            numeric: vec![false, false],
            rows: refs
                .iter()
                .map(|g| vec![runs(g.id.clone()), runs(g.title.clone())])
                .collect(),
            row_headers: true,
            lined_up: false,
            head_periods: Vec::new(),
        })
    };
    let indicator_table = |refs: &[crate::followup::changes::IndicatorRef]| {
        Part::Table(Table {
            head: vec![label("goal"), label("indicator")],
            numeric: vec![false, false],
            rows: refs
                .iter()
                .map(|i| vec![runs(i.goal_id.clone()), runs(i.name.clone())])
                .collect(),
            row_headers: true,
            lined_up: false,
            head_periods: Vec::new(),
        })
    };
    if !changes.goals_added.is_empty() {
        parts.push(heading(label("changes_goals_added"), 1));
        parts.push(goal_table(&changes.goals_added));
    }
    if !changes.goals_removed.is_empty() {
        parts.push(heading(label("changes_goals_removed"), 1));
        parts.push(goal_table(&changes.goals_removed));
    }
    if !changes.goals_renamed.is_empty() {
        parts.push(heading(label("changes_goals_renamed"), 1));
        parts.push(Part::Table(Table {
            head: vec![
                label("goal"),
                label("changes_before"),
                label("changes_after"),
            ],
            numeric: vec![false, false, false],
            rows: changes
                .goals_renamed
                .iter()
                .map(|r| {
                    vec![
                        runs(r.id.clone()),
                        runs(r.before.clone()),
                        Content::Runs(vec![Run::bold(r.after.clone())]),
                    ]
                })
                .collect(),
            row_headers: true,
            lined_up: false,
            head_periods: Vec::new(),
        }));
    }
    if !changes.targets_changed.is_empty() {
        let none = label("changes_no_target");
        parts.push(heading(label("changes_targets"), 1));
        parts.push(Part::Table(Table {
            head: vec![
                label("indicator"),
                label("changes_period"),
                label("changes_before"),
                label("changes_after"),
            ],
            numeric: vec![false, false, true, true],
            rows: changes
                .targets_changed
                .iter()
                .map(|t| {
                    vec![
                        runs(format!("{} {}", t.goal_id, t.indicator)),
                        runs(locale::when(t.when, lang)),
                        runs(words::target_text(&t.before, t.unit, lang, &none)),
                        Content::Runs(vec![Run::bold(words::target_text(
                            &t.after, t.unit, lang, &none,
                        ))]),
                    ]
                })
                .collect(),
            row_headers: true,
            lined_up: false,
            head_periods: Vec::new(),
        }));
    }
    if !changes.indicators_added.is_empty() {
        parts.push(heading(label("changes_indicators_added"), 1));
        parts.push(indicator_table(&changes.indicators_added));
    }
    if !changes.indicators_removed.is_empty() {
        parts.push(heading(label("changes_indicators_removed"), 1));
        parts.push(indicator_table(&changes.indicators_removed));
    }
    if !changes.sections.is_empty() {
        parts.push(heading(label("changes_sections"), 1));
        for s in &changes.sections {
            parts.push(heading(s.title.clone(), 2));
            if let Some(note) = words::section_note(s.kind, &label) {
                parts.push(Part::Paragraph(vec![Run::muted(note)]));
            }
            if s.kind != SectionChangeKind::Edited {
                continue;
            }
            let side = |list: &[crate::followup::changes::Words]| {
                let mut out: Vec<Run> = Vec::new();
                for (k, w) in list.iter().enumerate() {
                    let text = if k > 0 {
                        format!(" {}", w.text)
                    } else {
                        w.text.clone()
                    };
                    out.push(if w.changed {
                        Run::bold(text)
                    } else {
                        Run::plain(text)
                    });
                }
                Content::Runs(out)
            };
            parts.push(Part::Table(Table {
                head: vec![label("changes_before"), label("changes_after")],
                numeric: vec![false, false],
                rows: s
                    .passages
                    .iter()
                    .map(|p| vec![side(&p.before), side(&p.after)])
                    .collect(),
                row_headers: false,
                lined_up: false,
                head_periods: Vec::new(),
            }));
        }
    }
    (cover, Annex { parts })
}

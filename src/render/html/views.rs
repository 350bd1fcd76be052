//! What the templates see: the plan's facts, goals and figures prepared
//! for display — formatted in the plan's language, with statuses in words and
//! charts as SVG — so templates only arrange them.

use super::blocks::{asset_href, escape_into};
use super::svg;
use crate::chart::{Chart, Words};
use crate::locale;
use crate::model::*;
use crate::theme::Theme;
use serde::Serialize;
use tera::Context;

/// Facts every page shows, computed once.
pub(super) struct Site {
    pub(super) lang: Language,
    /// Number and depth of each section by slug, from the plan's TOC.
    pub(super) toc: std::collections::HashMap<String, TocEntry>,
    pub(super) labels: std::collections::HashMap<String, String>,
    /// Each status in words, indexed by `Status as usize`.
    pub(super) status_words: [String; 5],
    pub(super) info: SiteInfo,
}

#[derive(Serialize, Clone)]
pub(super) struct SiteInfo {
    pub(super) title: String,
    pub(super) subtitle: Option<String>,
    pub(super) organisation: String,
    pub(super) summary: Option<String>,
    pub(super) period: String,
    pub(super) lang: &'static str,
    pub(super) as_of: Option<String>,
    pub(super) brand: String,
    /// A darker shade of the brand colour, for text on white (AA contrast).
    pub(super) brand_text: String,
    pub(super) logo: Option<String>,
    pub(super) pdf: Option<String>,
    /// The follow-up pages, when the site has them, and their PDFs.
    pub(super) report: Option<&'static str>,
    pub(super) report_pdf: Option<String>,
    pub(super) changes: Option<&'static str>,
    pub(super) changes_pdf: Option<String>,
    pub(super) base_url: Option<String>,
    /// `plan` or `case`: a case is one page, with no search.
    pub(super) kind: &'static str,
    /// Whether the site has a goals overview (a case has one only when it
    /// has goals).
    pub(super) goals_page: bool,
    pub(super) search: bool,
    /// Words that differ between a plan and a case: the front page's name
    /// in the menu, the menu's name and the PDF's link.
    pub(super) home_label: String,
    pub(super) nav_label: String,
    pub(super) pdf_label: String,
    /// The status colours, from the list the PDF uses too.
    pub(super) palette: Vec<StatusInk>,
    /// The footer's contact line parts and the accessibility statement.
    pub(super) contact: ContactView,
    pub(super) accessibility_statement: Option<String>,
}

#[derive(Serialize, Clone)]
pub(super) struct StatusInk {
    pub(super) code: &'static str,
    pub(super) ink: &'static str,
    pub(super) tint: String,
}

#[derive(Serialize, Clone)]
pub(super) struct ContactView {
    pub(super) name: Option<String>,
    pub(super) email: Option<String>,
    pub(super) phone: Option<String>,
    pub(super) url: Option<String>,
}

impl Site {
    pub(super) fn new(plan: &Plan, theme: &Theme, beside: &super::Beside) -> Site {
        let lang = plan.meta.language;
        // A plan's word, or a case's own where it has one.
        let prefix = if plan.meta.kind.case().is_some() {
            "case_"
        } else {
            ""
        };
        let word = |key: &str| theme.label(&format!("{prefix}{key}")).to_string();
        Site {
            lang,
            toc: plan
                .toc()
                .into_iter()
                .map(|e| (e.slug.clone(), e))
                .collect(),
            labels: theme.labels().clone(),
            status_words: Status::ALL.map(|s| theme.status_word(s, lang)),
            info: SiteInfo {
                title: plan.meta.title.clone(),
                subtitle: plan.meta.subtitle.clone(),
                organisation: plan.meta.organisation.clone(),
                summary: plan.meta.summary.clone(),
                period: plan.meta.period.map(locale::period).unwrap_or_default(),
                lang: lang.code(),
                as_of: plan
                    .meta
                    .as_of
                    .map(|d| locale::date(d, lang).replace(' ', "\u{a0}")),
                brand: plan.meta.brand.primary.clone(),
                brand_text: readable_on_white(&plan.meta.brand.primary),
                logo: plan
                    .meta
                    .brand
                    .logo
                    .as_ref()
                    .map(|p| asset_href(&p.to_string_lossy().replace('\\', "/"))),
                pdf: beside.pdfs.plan.map(str::to_string),
                report: beside.report.map(|_| "status.html"),
                report_pdf: beside.pdfs.report.map(str::to_string),
                changes: beside.has_changes().then_some("changes.html"),
                changes_pdf: beside.pdfs.changes.map(str::to_string),
                base_url: plan.meta.base_url.clone(),
                kind: plan.meta.kind.name(),
                goals_page: goals_page(plan),
                search: plan.meta.kind.case().is_none(),
                home_label: word("home"),
                nav_label: word("nav_label"),
                pdf_label: word("download_pdf"),
                palette: Status::ALL
                    .map(|s| StatusInk {
                        code: s.code(),
                        ink: crate::palette::status(s),
                        tint: crate::palette::status_tint(s),
                    })
                    .to_vec(),
                contact: ContactView {
                    name: plan.meta.contact.name.clone(),
                    email: plan.meta.contact.email.clone(),
                    // A phone number is not broken across lines.
                    phone: plan
                        .meta
                        .contact
                        .phone
                        .as_ref()
                        .map(|p| p.replace(' ', "\u{a0}")),
                    url: plan.meta.contact.url.clone(),
                },
                accessibility_statement: plan.meta.accessibility_statement.clone(),
            },
        }
    }

    /// The address of a section: its page, or its place on a case's page.
    pub(super) fn section_url(&self, slug: &str) -> String {
        if self.info.kind == "case" {
            format!("index.html#{slug}")
        } else {
            format!("{slug}.html")
        }
    }

    pub(super) fn label(&self, key: &str) -> String {
        self.labels
            .get(key)
            .cloned()
            .unwrap_or_else(|| key.to_string())
    }

    pub(super) fn base_context(&self) -> Context {
        let mut ctx = Context::new();
        ctx.insert("site", &self.info);
        // Every page gets a copy: a plan's pages go without a case's words.
        if self.info.kind == "case" {
            ctx.insert("labels", &self.labels);
        } else {
            let labels: std::collections::HashMap<&str, &str> = self
                .labels
                .iter()
                .filter(|(k, _)| !k.starts_with("case_"))
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            ctx.insert("labels", &labels);
        }
        ctx
    }

    pub(super) fn words(&self) -> (String, String, String, String) {
        (
            self.label("baseline"),
            self.label("actual"),
            self.label("target"),
            self.label("not_measured"),
        )
    }

    /// A goal ready for `goal.html`; `charts` draws an SVG chart for each
    /// numeric indicator (the goals overview does not show them).
    pub(super) fn goal_view(
        &self,
        plan: &Plan,
        section: &Section,
        goal: &Goal,
        charts: bool,
    ) -> GoalView {
        let lang = self.lang;
        let (baseline, actual, target, not_measured) = self.words();
        let words = Words {
            baseline: &baseline,
            actual: &actual,
            target: &target,
            not_measured: &not_measured,
        };
        // The overview shows neither the table nor the charts.
        let years = if charts {
            year_columns(goal)
        } else {
            Vec::new()
        };
        // Each column's head as a stacked row's label: "2027 · Mål".
        let heads: Vec<String> = years
            .iter()
            .map(|c| match c.kind {
                Some(k) => format!("{} · {}", c.year, self.label(k.code())),
                None => c.year.to_string(),
            })
            .collect();
        let indicators: Vec<IndicatorView> = goal
            .indicators
            .iter()
            .enumerate()
            .map(|(i, ind)| {
                let cell = |v: &Figure| YearCell {
                    year: locale::when(v.when, lang),
                    value: unbroken(&locale::figure(&v.value, ind, lang), ind.unit),
                };
                // By year, as the PDF's columns: a year's latest quarter or
                // month stands for it, named.
                let by_year = |series: &[Figure], pick: fn(&Indicator, i32) -> Option<&Figure>| {
                    let mut years: Vec<i32> = series.iter().map(|f| f.when.year()).collect();
                    years.dedup();
                    years
                        .into_iter()
                        .filter_map(|y| pick(ind, y).map(cell))
                        .collect()
                };
                let chart = charts
                    .then(|| Chart::of(ind, lang, &words))
                    .flatten()
                    .map(|c| {
                        svg::render(
                            &c,
                            &format!("chart-{}-{i}", goal.anchor()),
                            &self.info.brand_text,
                        )
                    });
                let cells = year_cells(ind, &years, &heads, lang, |k| self.label(k.code()));
                IndicatorView {
                    cells,
                    id: ind.id.clone(),
                    name: ind.name.clone(),
                    unit: ind.unit_label.clone().unwrap_or_else(|| {
                        self.label(&format!("unit_{}", Unit::NAMES[ind.unit as usize]))
                    }),
                    note: ind.note.clone(),
                    direction: ind.direction.map(|d| {
                        self.label(&format!("direction_{}", Direction::NAMES[d as usize]))
                    }),
                    source: ind.source.clone(),
                    relative_to_national: ind.relative_to.is_some(),
                    baseline: ind.baseline.as_ref().map(cell),
                    actuals: by_year(&ind.actuals, Indicator::actual_in_year),
                    latest: ind.latest_actual().map(cell),
                    targets: by_year(&ind.targets, Indicator::target_in_year),
                    status: self.status(ind.status),
                    chart,
                }
            })
            .collect();
        let named_group = |id: &String| Named {
            id: id.clone(),
            name: plan.target_group_name(id).unwrap_or(id).to_string(),
        };
        GoalView {
            id: goal.id.clone(),
            anchor: goal.anchor(),
            title: goal.title.clone(),
            description: goal.description.clone(),
            owner: goal.owner.clone(),
            section_title: section.title.clone(),
            section_url: self.section_url(&section.slug),
            url: if self.info.kind == "case" {
                format!("index.html#{}", goal.anchor())
            } else {
                format!("{}.html#{}", section.slug, goal.anchor())
            },
            target_group: section.target_group.as_ref().map(named_group),
            target_groups: goal.target_groups.iter().map(named_group).collect(),
            own_target_groups: goal.target_groups.as_slice() != section.target_group.as_slice(),
            tracks: goal
                .tracks
                .iter()
                .map(|id| Named {
                    id: id.clone(),
                    name: plan.track_name(id).unwrap_or(id).to_string(),
                })
                .collect(),
            national_goals: goal
                .national_goals
                .iter()
                .map(|id| Named {
                    id: id.clone(),
                    name: plan.national_goal_name(id).unwrap_or(id).to_string(),
                })
                .collect(),
            initiatives: goal.initiatives.clone(),
            deadline: goal
                .deadline
                .map(|d| locale::deadline(d, lang).replace(' ', "\u{a0}")),
            links: goal.links.clone(),
            status: self.status(goal.status),
            columns: years
                .iter()
                .map(|c| ColumnHead {
                    year: c.year,
                    label: c.kind.map(|k| self.label(k.code())),
                })
                .collect(),
            has_notes: indicators.iter().any(|i| i.note.is_some()),
            has_charts: indicators.iter().any(|i| i.chart.is_some()),
            indicators,
        }
    }

    pub(super) fn status(&self, s: Status) -> StatusView {
        StatusView {
            code: s.code(),
            symbol: s.symbol(),
            word: self.status_words[s as usize].clone(),
        }
    }

    pub(super) fn status_counts(&self, plan: &Plan) -> Vec<(StatusView, usize)> {
        let goals = plan.all_goals();
        let statuses: Vec<Status> = goals
            .iter()
            .flat_map(|(_, g)| &g.indicators)
            .map(|i| i.status)
            .collect();
        Status::ALL
            .into_iter()
            .map(|s| (self.status(s), statuses.iter().filter(|x| **x == s).count()))
            .collect()
    }

    /// Goals grouped by target group (goals of sections without one last),
    /// each with its rendered goal card.
    pub(super) fn goal_groups(&self, plan: &Plan) -> Vec<GoalGroup> {
        let mut groups: Vec<GoalGroup> = plan
            .target_groups
            .iter()
            .map(|tg| GoalGroup {
                id: tg.id.clone(),
                name: tg.name.clone(),
                goals: Vec::new(),
            })
            .collect();
        let mut other = GoalGroup {
            id: "other".into(),
            name: self.label("goals_other"),
            goals: Vec::new(),
        };
        // A goal is listed under every group it serves.
        for (section, goal) in plan.all_goals() {
            let mut listed = false;
            for id in &goal.target_groups {
                if let Some(group) = groups.iter_mut().find(|g| &g.id == id) {
                    group.goals.push(GoalSummary {
                        tracks: goal.tracks.join(" "),
                        target_group: id.clone(),
                        goal: self.goal_view(plan, section, goal, false),
                    });
                    listed = true;
                }
            }
            if !listed {
                other.goals.push(GoalSummary {
                    tracks: goal.tracks.join(" "),
                    target_group: "other".into(),
                    goal: self.goal_view(plan, section, goal, false),
                });
            }
        }
        groups.push(other);
        groups.retain(|g| !g.goals.is_empty());
        groups
    }
}

#[derive(Serialize)]
pub(super) struct GoalGroup {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) goals: Vec<GoalSummary>,
}

#[derive(Serialize)]
pub(super) struct GoalSummary {
    pub(super) target_group: String,
    /// Space-separated track ids, for the filter.
    pub(super) tracks: String,
    pub(super) goal: GoalView,
}

#[derive(Serialize)]
pub(super) struct StatusView {
    pub(super) code: &'static str,
    pub(super) symbol: &'static str,
    pub(super) word: String,
}

#[derive(Serialize)]
pub(super) struct YearCell {
    /// The period in words: `2026`, `3. kvartal 2026`.
    pub(super) year: String,
    pub(super) value: String,
}

#[derive(Serialize)]
pub(super) struct IndicatorView {
    pub(super) id: String,
    pub(super) name: String,
    /// The unit's word, or the indicator's `unit_label`.
    pub(super) unit: String,
    /// A sentence about the figures, shown with them.
    pub(super) note: Option<String>,
    pub(super) direction: Option<String>,
    pub(super) source: Option<String>,
    pub(super) relative_to_national: bool,
    pub(super) baseline: Option<YearCell>,
    pub(super) actuals: Vec<YearCell>,
    /// The most recent measured figure, which the status is computed from.
    pub(super) latest: Option<YearCell>,
    pub(super) targets: Vec<YearCell>,
    pub(super) status: StatusView,
    /// Inline SVG, for numeric indicators.
    pub(super) chart: Option<String>,
    /// The row's cells of the goal's year columns, as HTML: a big plan
    /// has thousands, which Rust writes far faster than a template loop.
    pub(super) cells: String,
}

#[derive(Serialize)]
pub(super) struct GoalView {
    pub(super) id: String,
    pub(super) anchor: String,
    pub(super) title: String,
    pub(super) description: Option<String>,
    pub(super) owner: Option<String>,
    pub(super) section_title: String,
    pub(super) section_url: String,
    /// The goal's own place: its card on its section's page.
    pub(super) url: String,
    /// The section's target group.
    pub(super) target_group: Option<Named>,
    /// The groups the goal serves (its own, or its section's).
    pub(super) target_groups: Vec<Named>,
    /// The goal names groups of its own, which its card then shows.
    pub(super) own_target_groups: bool,
    pub(super) tracks: Vec<Named>,
    pub(super) national_goals: Vec<Named>,
    pub(super) initiatives: Vec<String>,
    pub(super) deadline: Option<String>,
    pub(super) links: Vec<GoalLink>,
    pub(super) status: StatusView,
    /// The goal table's year columns, as the PDF's.
    pub(super) columns: Vec<ColumnHead>,
    pub(super) indicators: Vec<IndicatorView>,
    /// Whether an indicator has a note, or a chart: a template asks these
    /// rather than filtering the indicators, which in Tera copies them
    /// (charts and all) every time the result is looked at.
    pub(super) has_notes: bool,
    pub(super) has_charts: bool,
}

/// A year column of a goal table: the year, and what its figures are
/// (baseline, actual, target) when they are all the same kind.
#[derive(Serialize)]
pub(super) struct ColumnHead {
    pub(super) year: i32,
    pub(super) label: Option<String>,
}

/// An indicator's cells in the goal table's year columns: each labelled
/// with its column's head (`heads`) for the stacked rows on phones, each
/// figure with its kind (`fig-baseline`, …) and, where the column's head
/// does not say it, the kind in words (`word`).
fn year_cells(
    ind: &Indicator,
    years: &[YearColumn],
    heads: &[String],
    lang: Language,
    word: impl Fn(FigureKind) -> String,
) -> String {
    let mut out = String::new();
    for (col, head) in years.iter().zip(heads) {
        let figures = figures_in(ind, col.year);
        out.push_str("<td class=\"num");
        if figures.is_empty() {
            out.push_str(" empty");
        }
        out.push_str("\" data-label=\"");
        escape_into(&mut out, head);
        out.push_str("\">");
        if figures.is_empty() {
            out.push_str("<span aria-hidden=\"true\">–</span>");
        }
        for (kind, v) in figures {
            out.push_str("<span class=\"fig fig-");
            out.push_str(kind.code());
            out.push_str("\">");
            escape_into(
                &mut out,
                &unbroken(&locale::figure(&v.value, ind, lang), ind.unit),
            );
            // A quarter or a month standing for its year is named.
            let part = locale::within_year(v.when, lang);
            if !part.is_empty() {
                out.push_str(" <span class=\"fig-when\">");
                escape_into(&mut out, &part.replace(' ', "\u{a0}"));
                out.push_str("</span>");
            }
            if col.kind.is_none() {
                out.push_str(" <span class=\"fig-kind\">");
                escape_into(&mut out, &word(kind));
                out.push_str("</span>");
            }
            out.push_str("</span>");
        }
        out.push_str("</td>");
    }
    out
}

/// What a figure in a goal table is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum FigureKind {
    Baseline,
    Actual,
    Target,
}

impl FigureKind {
    /// The stable name, which is also the label's key.
    fn code(self) -> &'static str {
        match self {
            FigureKind::Baseline => "baseline",
            FigureKind::Actual => "actual",
            FigureKind::Target => "target",
        }
    }
}

struct YearColumn {
    year: i32,
    kind: Option<FigureKind>,
}

/// The indicator's figures for `year`: its baseline, actual and target; a
/// year's latest quarter or month stands for it, as in the PDF.
fn figures_in(ind: &Indicator, year: i32) -> Vec<(FigureKind, &Figure)> {
    let mut out = Vec::new();
    if let Some(b) = ind.baseline.iter().find(|b| b.when.year() == year) {
        out.push((FigureKind::Baseline, b));
    }
    if let Some(a) = ind.actual_in_year(year) {
        out.push((FigureKind::Actual, a));
    }
    if let Some(t) = ind.target_in_year(year) {
        out.push((FigureKind::Target, t));
    }
    out
}

/// Every year of the goal's indicators, each saying what its figures are
/// when all are of one kind.
fn year_columns(goal: &Goal) -> Vec<YearColumn> {
    let mut years: Vec<i32> = goal.indicators.iter().flat_map(|i| i.years()).collect();
    years.sort_unstable();
    years.dedup();
    years
        .into_iter()
        .map(|year| {
            let mut kinds = goal.indicators.iter().flat_map(|i| figures_in(i, year));
            let first = kinds.next().map(|k| k.0);
            let same = goal
                .indicators
                .iter()
                .all(|i| figures_in(i, year).len() <= 1)
                && kinds.all(|k| Some(k.0) == first);
            YearColumn {
                year,
                kind: first.filter(|_| same),
            }
        })
        .collect()
}

/// A figure kept on one line: its number and its unit do not part.
fn unbroken(figure: &str, unit: Unit) -> String {
    if unit == Unit::Text {
        figure.to_string()
    } else {
        figure.replace(' ', "\u{a0}")
    }
}

#[derive(Serialize)]
pub(super) struct SectionCard {
    pub(super) title: String,
    pub(super) url: String,
    pub(super) summary: Option<String>,
    pub(super) number: String,
    pub(super) goals: usize,
    pub(super) target_group: Option<String>,
    pub(super) depth: usize,
}

impl SectionCard {
    pub(super) fn of(plan: &Plan, site: &Site, s: &Section) -> SectionCard {
        let entry = site.toc.get(&s.slug);
        SectionCard {
            title: s.title.clone(),
            url: format!("{}.html", s.slug),
            summary: s.summary.clone(),
            number: entry.map_or_else(String::new, |e| e.number.clone()),
            goals: s.goals.len(),
            target_group: s
                .target_group
                .as_ref()
                .and_then(|id| plan.target_group_name(id))
                .map(str::to_string),
            depth: entry.map_or(1, |e| e.depth),
        }
    }
}

#[derive(Serialize)]
pub(super) struct PageLink {
    pub(super) title: String,
    pub(super) url: String,
}

#[derive(Serialize)]
pub(super) struct TocItem {
    pub(super) id: String,
    pub(super) title: String,
    pub(super) level: u8,
}

/// Whether the site has a goals overview: a plan always does, a case when
/// it has goals.
pub(super) fn goals_page(plan: &Plan) -> bool {
    plan.meta.kind.case().is_none() || !plan.all_goals().is_empty()
}

/// The brand colour, darkened until it reaches 4.5:1 against white.
fn readable_on_white(hex: &str) -> String {
    crate::palette::readable_on_white(hex).unwrap_or_else(|| Brand::default().primary)
}

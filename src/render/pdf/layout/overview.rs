//! The status overview after the contents: one table of every goal, for
//! a council member who wants the whole plan's state on one page — its
//! id, title and target groups, the latest figure of its first measured
//! indicator against that indicator's last target, and the goal's status
//! as a symbol and a word.

use super::super::display::{Face, LinkTo, Role};
use super::Layout;
use super::tables::{Cell, TableSpec};
use super::text::Span;
use crate::locale;
use crate::model::{Align, Goal, Indicator, Value};

/// The anchor of the overview's heading.
pub(super) const ANCHOR: &str = "pdf-status-overview";

impl Layout<'_> {
    /// The overview on a page of its own; nothing when the plan has no goals.
    pub(super) fn overview(&mut self) {
        let plan = self.plan;
        let goals = plan.all_goals();
        if goals.is_empty() {
            return;
        }
        let st = self.st;
        let lang = plan.meta.language;
        let size = st.file.tables.size_pt;
        self.new_page();
        let sect = self.open(Role::Sect);
        let title = self.label("pdf_overview").to_string();
        self.heading(&title, 1, 1, Some(ANCHOR.into()), Some(1), self.lead * 4.0);
        let mut lead = self.label("pdf_overview_lead").to_string();
        if let Some(as_of) = plan.meta.as_of {
            lead.push_str(&format!(
                " {} {}.",
                self.label("figures_as_of"),
                locale::date(as_of, lang)
            ));
        }
        let lead = [Span::new(lead, Face::Regular, self.fs, st.text)];
        self.text_block(&lead, 0.0, false);
        self.y += self.paragraph_space();
        let bold = |t: &str| Span::new(t.to_string(), Face::Bold, size, st.text).no_hyphens();
        let head_cell = |t: &str, align| Cell {
            spans: vec![bold(t)],
            align,
            status: None,
        };
        let head = vec![
            head_cell(self.label("pdf_overview_id"), Align::Left),
            head_cell(self.label("pdf_overview_goal"), Align::Left),
            head_cell(self.label("target_group"), Align::Left),
            head_cell(self.label("pdf_overview_latest"), Align::Right),
            head_cell(self.label("pdf_overview_target"), Align::Right),
            head_cell(self.label("status"), Align::Left),
        ];
        let mut rows = Vec::new();
        for (section, g) in goals {
            let to = LinkTo::Anchor(format!("{}#{}", section.slug, g.anchor()));
            let alt = super::inline::link_alt(&format!("{} {}", g.id, g.title), &to);
            let text = |t: String| Span::new(t, Face::Regular, size, st.text);
            let id = Span::new(g.id.clone(), Face::Bold, size, st.heading).no_hyphens();
            let mut name = text(g.title.clone()).no_hyphens();
            name.link = Some(self.span_link(to, alt));
            let groups: Vec<&str> = g
                .target_groups
                .iter()
                .map(|t| plan.target_group_name(t).unwrap_or(t))
                .collect();
            let (latest, target) = headline(g)
                .map(|ind| figures(ind, lang))
                .unwrap_or_default();
            let right = |spans| Cell {
                spans,
                align: Align::Right,
                status: None,
            };
            rows.push(vec![
                Cell {
                    spans: vec![id],
                    align: Align::Left,
                    status: None,
                },
                Cell {
                    spans: vec![name],
                    align: Align::Left,
                    status: None,
                },
                Cell {
                    spans: vec![text(groups.join(", ")).no_hyphens()],
                    align: Align::Left,
                    status: None,
                },
                right(year_figure(latest, size, st)),
                right(year_figure(target, size, st)),
                Cell {
                    spans: vec![
                        text(
                            self.env
                                .theme
                                .status_word(g.status, lang)
                                .replace(' ', "\u{a0}"),
                        )
                        .no_hyphens(),
                    ],
                    align: Align::Left,
                    status: Some(g.status),
                },
            ]);
        }
        // Each row is headed by its goal's id; one row needs no header.
        let row_headers = rows.len() > 1;
        let spec = TableSpec {
            head,
            rows,
            full: true,
            first_min: 0.0,
            row_headers,
            line: None,
            size,
            widths: None,
        };
        self.table(spec, 0.0);
        self.close(sect);
    }
}

/// The indicator that stands for the goal: its first measured one (or
/// its first, when none is measured yet).
fn headline(g: &Goal) -> Option<&Indicator> {
    g.indicators
        .iter()
        .find(|i| i.latest_actual().is_some())
        .or(g.indicators.first())
}

/// A figure and its period (`2026`, `3. kvt. 2026`), as text; empty when
/// there is none.
type YearFigure = Option<(String, String)>;

/// The indicator's latest measured figure and its last target.
fn figures(ind: &Indicator, lang: crate::model::Language) -> (YearFigure, YearFigure) {
    let show = |v: &Value| {
        let t = locale::figure(v, ind, lang);
        if ind.unit.is_numeric() {
            t.replace(' ', "\u{a0}")
        } else {
            t
        }
    };
    let latest = ind
        .latest_actual()
        .map(|a| (show(&a.value), locale::when(a.when, lang)));
    let target = ind
        .targets
        .last()
        .map(|t| (show(&t.value), locale::when(t.when, lang)));
    (latest, target)
}

/// A figure with its period under it in small type; a dash for none.
fn year_figure(f: YearFigure, size: f32, st: &super::super::style::Style) -> Vec<Span> {
    match f {
        Some((text, year)) => vec![
            Span::new(text, Face::Regular, size, st.text),
            Span::new(
                format!("\n{year}"),
                Face::Regular,
                st.file.tables.note_pt.min(size),
                st.muted,
            )
            .no_hyphens(),
        ],
        None => vec![Span::new("–", Face::Regular, size, st.muted)],
    }
}

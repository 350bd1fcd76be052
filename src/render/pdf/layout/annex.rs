//! Short documents after a cover: the status report and the changes since
//! adoption. Their content comes as a neutral list of [`Part`]s (headings,
//! paragraphs, goal headings with a status, tables), laid out with the
//! same rooms, sizes and tags as the plan itself, so they share its look.

use super::super::display::{Face, OutlineEntry, Role};
use super::tables::{Cell, TableSpec};
use super::text::Span;
use super::{Layout, Problem};
use crate::model::{Align, Status};

/// A short document's content, in reading order.
#[derive(Debug, Clone, Default)]
pub struct Annex {
    pub parts: Vec<Part>,
}

#[derive(Debug, Clone)]
pub enum Part {
    /// A heading, kept with what follows; every heading is a bookmark.
    Heading {
        text: String,
        level: u8,
    },
    Paragraph(Vec<Run>),
    /// A goal's title with its status beside it, as in the plan's cards.
    Goal {
        id: String,
        title: String,
        status: Status,
        level: u8,
    },
    Table(Table),
}

/// A run of text: plain, bold (a changed word, a target) or muted (a
/// period under a figure).
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub text: String,
    pub bold: bool,
    pub muted: bool,
    /// Kept on one line.
    pub keep: bool,
    /// Broken only between words, never hyphenated (a figure in words).
    pub whole_words: bool,
}

impl Run {
    pub fn plain(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            bold: false,
            muted: false,
            keep: false,
            whole_words: false,
        }
    }

    pub fn bold(text: impl Into<String>) -> Run {
        Run {
            bold: true,
            ..Run::plain(text)
        }
    }

    pub fn muted(text: impl Into<String>) -> Run {
        Run {
            muted: true,
            ..Run::plain(text)
        }
    }

    /// A figure in words ("Høj tilfredshed"): it may wrap, but no word of
    /// it is hyphenated.
    pub fn words(text: impl Into<String>, bold: bool) -> Run {
        Run {
            whole_words: true,
            bold,
            ..Run::plain(text)
        }
    }

    /// A figure with its unit ("16,8 %", "+0,9 procentpoint"): never
    /// broken or hyphenated.
    pub fn figure(text: impl Into<String>, bold: bool) -> Run {
        Run {
            keep: true,
            bold,
            ..Run::plain(text)
        }
    }
}

/// A period under a figure or a heading: its own line, muted, kept whole.
pub fn period_run(period: &str) -> Run {
    Run {
        keep: true,
        ..Run::muted(format!("\n{period}"))
    }
}

#[derive(Debug, Clone)]
pub struct Table {
    pub head: Vec<String>,
    /// A muted line under a column's heading: the period every figure in
    /// the column shares, said once there rather than under each figure.
    pub head_periods: Vec<Option<String>>,
    /// Right-aligned columns (figures).
    pub numeric: Vec<bool>,
    pub rows: Vec<Vec<Content>>,
    /// The first cell of each row heads it.
    pub row_headers: bool,
    /// Lined up with the annex's other tables marked so: they share one
    /// set of column widths, as the status report's tables of the same
    /// columns do.
    pub lined_up: bool,
}

/// A table cell: runs of text, or a status as symbol and word.
#[derive(Debug, Clone)]
pub enum Content {
    Runs(Vec<Run>),
    Status(Status, String),
}

impl Layout<'_> {
    /// Lays out the cover (from the plan's facts) and then `annex`.
    pub fn run_annex(mut self, annex: &Annex) -> (super::super::display::Document, Vec<Problem>) {
        self.cover();
        self.new_page();
        let mut specs: Vec<Option<TableSpec>> = annex
            .parts
            .iter()
            .map(|part| match part {
                Part::Table(t) => Some(self.table_spec(t)),
                _ => None,
            })
            .collect();
        let mut lined_up: Vec<&mut TableSpec> = specs
            .iter_mut()
            .zip(&annex.parts)
            .filter_map(|(spec, part)| match part {
                Part::Table(t) if t.lined_up => spec.as_mut(),
                _ => None,
            })
            .collect();
        if let Some(widths) = self.grid(&mut lined_up) {
            for spec in lined_up {
                spec.first_min = 0.0;
                spec.widths = Some(widths.clone());
            }
        }
        for (k, (part, spec)) in annex.parts.iter().zip(specs).enumerate() {
            let next = annex.parts.get(k + 1);
            self.part(part, spec, next);
        }
        self.furniture(1, 1);
        (self.doc, self.problems)
    }

    /// Lays out `part`; `spec` is its table as [`Layout::table_spec`] made it.
    fn part(&mut self, part: &Part, spec: Option<TableSpec>, next: Option<&Part>) {
        let st = self.st;
        match part {
            Part::Heading { text, level } => {
                let min_next = match next {
                    Some(Part::Table(_)) => st.file.tables.leading_pt * 3.0 + 16.0,
                    Some(Part::Goal { .. }) => 90.0,
                    _ => self.lead * 2.0,
                };
                if *level == 1 {
                    // A chapter that flows on, spaced as the plan's are.
                    self.space(st.file.headings.space_above_pt * 1.5);
                }
                let depth = usize::from(*level);
                self.heading(text, *level, (*level).min(3), None, Some(depth), min_next);
            }
            Part::Paragraph(runs) => {
                let spans = self.runs(runs, self.fs);
                let (spans, lines) = self.lines(&spans, self.measure(), true);
                let x = self.x0();
                let (lead, fs) = (self.lead, self.fs);
                self.place_lines(
                    Some(Role::Paragraph),
                    &spans,
                    &lines,
                    x,
                    self.measure(),
                    lead,
                    fs,
                    false,
                );
                self.y += st.file.text.paragraph_space_pt;
            }
            Part::Goal {
                id,
                title,
                status,
                level,
            } => {
                let table = match next {
                    Some(Part::Table(t)) => Some(t),
                    _ => None,
                };
                self.goal_head(id, title, *status, *level, table)
            }
            Part::Table(_) => {
                if let Some(spec) = spec {
                    self.table(spec, 0.0);
                }
                self.y += st.file.text.paragraph_space_pt;
            }
        }
    }

    fn runs(&self, runs: &[Run], size: f32) -> Vec<Span> {
        let st = self.st;
        runs.iter()
            .map(|r| {
                let face = if r.bold { Face::Bold } else { Face::Regular };
                let color = if r.muted { st.muted } else { st.text };
                let size = if r.muted { size * 0.88 } else { size };
                let text = if r.keep {
                    r.text.replace(' ', "\u{a0}")
                } else {
                    r.text.clone()
                };
                let span = Span::new(text, face, size, color);
                if r.keep || r.muted || r.whole_words {
                    span.no_hyphens()
                } else {
                    span
                }
            })
            .collect()
    }

    /// The height to keep below a goal's heading: the table that follows
    /// as [`Layout::table`] will place it (a small one whole, a larger one
    /// from its header and first row), counting the three lines a figure
    /// cell takes (figure, period, a period that wraps), or two (a name
    /// that wraps) when the headings carry every period.
    fn table_start(&self, table: Option<&Table>) -> f32 {
        let ts = &self.st.file.tables;
        let Some(t) = table else { return 0.0 };
        let periods_above = (0..t.head.len())
            .filter(|&k| t.numeric.get(k).copied().unwrap_or(false))
            .all(|k| t.head_periods.get(k).is_some_and(Option::is_some));
        let lines = if periods_above { 2.0 } else { 3.0 };
        let head = 2.0 * ts.leading_pt + 2.0 * ts.cell_pad_pt;
        let row = lines * ts.leading_pt + 2.0 * ts.cell_pad_pt;
        let whole = head + t.rows.len() as f32 * row;
        if whole <= (self.limit() - self.st.top) / 3.0 {
            whole
        } else {
            head + row
        }
    }

    /// A goal's id and title as a heading, its status at the right of its
    /// first line (symbol and word), kept with the table that follows.
    fn goal_head(
        &mut self,
        id: &str,
        title: &str,
        status: Status,
        level: u8,
        table: Option<&Table>,
    ) {
        let st = self.st;
        let gs = &st.file.goals;
        let lang = self.plan.meta.language;
        let measure = self.measure();
        self.space(gs.space_above_pt * 0.6);
        let word = self.env.theme.status_word(status, lang);
        let status_w = self.fonts.width(Face::Bold, gs.status_pt, &word) + 14.0;
        let spans = vec![
            Span::new(format!("{id}  "), Face::Bold, gs.title_pt, st.heading).no_hyphens(),
            Span::new(title.to_string(), Face::Bold, gs.title_pt, st.text).no_hyphens(),
        ];
        let (spans, lines) = self.lines(&spans, measure - status_w - 12.0, false);
        let need =
            lines.len() as f32 * gs.title_leading_pt + 4.0 + self.table_start(table).max(30.0);
        self.need(need);
        let x = self.x0();
        let page = self.page_no() - 1;
        let top = self.y;
        let text = format!("{id} {title}");
        if self.record {
            self.doc.outline.push(OutlineEntry {
                title: text.clone(),
                depth: usize::from(level),
                page,
                y: top,
            });
        }
        let sy = Self::baseline(self.y, gs.title_leading_pt, gs.title_pt);
        self.place_lines(
            Some(Role::Heading {
                level,
                title: text.split_whitespace().collect::<Vec<_>>().join(" "),
            }),
            &spans,
            &lines,
            x,
            measure,
            gs.title_leading_pt,
            gs.title_pt,
            false,
        );
        let sx = x + measure - status_w;
        let color = st.status[super::charts::status_index(status)];
        let sspan = vec![Span::new(word, Face::Bold, gs.status_pt, color)];
        let sl = self.breaker(false).lines(&sspan, 200.0);
        let prev = self.open(Role::Paragraph);
        self.on_page(page, |l| {
            l.status_symbol(status, sx + 5.0, sy - 3.0, 4.6);
            l.emit_line(&sspan, &sl[0], sx + 13.0, sy, 0.0);
        });
        self.close(prev);
        self.y += 4.0;
    }

    /// `t` as the table layout takes it.
    fn table_spec(&self, t: &Table) -> TableSpec {
        let st = self.st;
        let size = st.file.tables.size_pt;
        let align = |k: usize| {
            if t.numeric.get(k).copied().unwrap_or(false) {
                Align::Right
            } else {
                Align::Left
            }
        };
        let head = t
            .head
            .iter()
            .enumerate()
            .map(|(k, h)| {
                // A figure column's heading is as short as its figures.
                let mut spans = vec![
                    Span::new(
                        if align(k) == Align::Right {
                            h.replace(' ', "\u{a0}")
                        } else {
                            h.clone()
                        },
                        Face::Bold,
                        size,
                        st.text,
                    )
                    .no_hyphens(),
                ];
                if let Some(Some(period)) = t.head_periods.get(k) {
                    spans.extend(self.runs(&[period_run(period)], size));
                }
                Cell {
                    spans,
                    align: align(k),
                    status: None,
                }
            })
            .collect();
        let rows = t
            .rows
            .iter()
            .map(|row| {
                row.iter()
                    .enumerate()
                    .map(|(k, c)| match c {
                        Content::Runs(runs) => Cell {
                            spans: self.runs(runs, size),
                            align: align(k),
                            status: None,
                        },
                        Content::Status(s, word) => Cell {
                            spans: vec![
                                Span::new(
                                    word.replace(' ', "\u{a0}"),
                                    Face::Regular,
                                    size,
                                    st.text,
                                )
                                .no_hyphens(),
                            ],
                            align: Align::Left,
                            status: Some(*s),
                        },
                    })
                    .collect()
            })
            .collect();
        TableSpec {
            head,
            rows,
            full: true,
            first_min: st.file.goals.indicator_column,
            // One row with a header cell reads as a shredded header to checkers.
            row_headers: t.row_headers && t.rows.len() > 1,
            line: None,
            size,
            widths: None,
        }
    }
}

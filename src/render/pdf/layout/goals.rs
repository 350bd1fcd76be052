//! Goal cards: the goal's title (a heading one level below its section's),
//! status, description and facts, the table of its indicators by year,
//! initiatives, links and charts.

use super::super::display::{Face, Item, LinkTo, OutlineEntry, Role};
use super::Layout;
use super::tables::{Cell, TableSpec};
use super::text::Span;
use crate::locale;
use crate::model::{Align, Figure, Goal, Indicator, Unit};
use std::collections::BTreeSet;

/// What an indicator holds for a year: its baseline, actual and target
/// figures (a year's latest quarter or month stands for it).
fn kinds_of(ind: &Indicator, y: i32) -> Vec<(&'static str, &Figure)> {
    let mut out = Vec::new();
    if let Some(b) = ind.baseline.as_ref().filter(|b| b.when.year() == y) {
        out.push(("baseline", b));
    }
    if let Some(a) = ind.actual_in_year(y) {
        out.push(("actual", a));
    }
    if let Some(t) = ind.target_in_year(y) {
        out.push(("target", t));
    }
    out
}

impl Layout<'_> {
    pub(super) fn goal(&mut self, g: &Goal) {
        // A goal placed twice (two markers) is drawn once, where it is first placed.
        if !self.placed_goals.insert(g.id.clone()) {
            return;
        }
        let st = self.st;
        let gs = &st.file.goals;
        let lang = self.plan.meta.language;
        let measure = self.measure();
        self.space(gs.space_above_pt);
        let word = self.env.theme.status_word(g.status, lang);
        let status_w = self.fonts.width(Face::Bold, gs.status_pt, &word) + 14.0;
        let title_text = format!("{}  {}", g.id, g.title);
        // Keep the goal's heading, description and facts with its table's first rows.
        let est = {
            let t = vec![Span::new(
                title_text.clone(),
                Face::Bold,
                gs.title_pt,
                st.text,
            )];
            let n = self
                .breaker(false)
                .lines(&t, measure - status_w - 12.0)
                .len();
            let d = g.description.as_ref().map_or(0, |d| {
                let s = [Span::new(
                    d.clone(),
                    Face::Regular,
                    gs.description_pt,
                    st.text,
                )];
                self.breaker(true).lines(&s, measure).len()
            });
            n as f32 * gs.title_leading_pt
                + d as f32 * gs.description_leading_pt
                + 2.0 * gs.facts_leading_pt
                + 20.0
        };
        let table_start = if g.indicators.is_empty() { 0.0 } else { 70.0 };
        self.need(est + table_start);
        let x = self.x0();
        let top = self.y;
        let page = self.page_no() - 1;
        if self.record {
            self.doc
                .anchors
                .insert(format!("{}#{}", self.slug, g.anchor()), (page, top));
            self.doc.outline.push(OutlineEntry {
                title: title_text.clone(),
                depth: self.depth + 1,
                page,
                y: top,
            });
        }
        self.push_artifact(Item::Rect {
            x,
            y: top,
            w: measure,
            h: gs.bar_pt,
            color: st.brand,
        });
        self.y += 7.0;
        // The title, then its status at the right of its first line.
        let title = vec![
            Span::new(format!("{}  ", g.id), Face::Bold, gs.title_pt, st.heading).no_hyphens(),
            Span::new(g.title.clone(), Face::Bold, gs.title_pt, st.text).no_hyphens(),
        ];
        let (title, lines) = self.lines(&title, measure - status_w - 12.0, false);
        let sy = Self::baseline(self.y, gs.title_leading_pt, gs.title_pt);
        let level = (self.section_level + 1).min(6);
        let heading_parent = self.cur;
        self.place_lines(
            Some(Role::Heading {
                level,
                title: title_text.split_whitespace().collect::<Vec<_>>().join(" "),
            }),
            &title,
            &lines,
            x,
            measure,
            gs.title_leading_pt,
            gs.title_pt,
            false,
        );
        let sx = x + measure - status_w;
        let status_color = st.status[super::charts::status_index(g.status)];
        let sspan = vec![Span::new(word, Face::Bold, gs.status_pt, status_color)];
        let sl = self.breaker(false).lines(&sspan, 200.0);
        let prev = self.open(Role::Paragraph);
        // Drawn on the title's page (the title is kept on one page).
        self.on_page(page, |l| {
            l.status_symbol(g.status, sx + 5.0, sy - 3.0, 4.6);
            l.emit_line(&sspan, &sl[0], sx + 13.0, sy, 0.0);
        });
        self.close(prev);
        self.y += 2.0;
        // From here on, a page the goal runs on to repeats its heading.
        let outer = self
            .continued
            .replace((g.id.clone(), g.title.clone(), heading_parent));
        if let Some(d) = &g.description {
            let s = vec![Span::new(
                d.clone(),
                Face::Regular,
                gs.description_pt,
                st.text,
            )];
            let (s, lines) = self.lines(&s, measure, true);
            self.place_lines(
                Some(Role::Paragraph),
                &s,
                &lines,
                x,
                measure,
                gs.description_leading_pt,
                gs.description_pt,
                false,
            );
            self.y += 3.0;
        }
        self.facts(g);
        if !g.indicators.is_empty() {
            self.goal_table(g);
            self.y += 6.0;
            self.indicator_notes(g);
        }
        let size = gs.lines_pt;
        if !g.initiatives.is_empty() {
            let rest = vec![Span::new(
                g.initiatives.join(" · "),
                Face::Regular,
                size,
                st.text,
            )];
            self.labelled_line("initiatives", rest);
        }
        if !g.links.is_empty() {
            let mut rest = Vec::new();
            for (k, l) in g.links.iter().enumerate() {
                if k > 0 {
                    rest.push(Span::new(" · ", Face::Regular, size, st.text));
                }
                let to = LinkTo::Uri(l.url.clone());
                let alt = super::inline::link_alt(&l.title, &to);
                let mut s = Span::new(l.title.clone(), Face::Regular, size, st.brand);
                s.link = Some(self.span_link(to, alt));
                rest.push(s);
            }
            self.labelled_line("links", rest);
        }
        self.charts(g);
        self.continued = outer;
    }

    /// Deadline, owner, national goals and tracks on a line under the title.
    fn facts(&mut self, g: &Goal) {
        let st = self.st;
        let gs = &st.file.goals;
        let lang = self.plan.meta.language;
        let mut facts: Vec<(String, String)> = Vec::new();
        // Groups of the goal's own: the section's heading names the others'.
        if !g.target_groups.is_empty() && g.target_groups != self.section_groups {
            let key = if g.target_groups.len() > 1 {
                "target_groups"
            } else {
                "target_group"
            };
            let names: Vec<&str> = g
                .target_groups
                .iter()
                .map(|t| self.plan.target_group_name(t).unwrap_or(t))
                .collect();
            facts.push((self.label(key).into(), names.join(", ")));
        }
        if let Some(d) = g.deadline {
            facts.push((self.label("deadline").into(), locale::deadline(d, lang)));
        }
        if let Some(o) = &g.owner {
            facts.push((self.label("owner").into(), o.clone()));
        }
        if !g.national_goals.is_empty() {
            facts.push((
                self.label("national_goals").into(),
                g.national_goals.join(", "),
            ));
        }
        if !g.tracks.is_empty() {
            let names: Vec<String> = g
                .tracks
                .iter()
                .map(|t| self.plan.track_name(t).unwrap_or(t).to_string())
                .collect();
            facts.push((self.label("tracks").into(), names.join(", ")));
        }
        if facts.is_empty() {
            return;
        }
        let size = gs.facts_pt;
        let mut spans = Vec::new();
        for (k, (label, value)) in facts.iter().enumerate() {
            if k > 0 {
                spans.push(Span::new("  ·  ", Face::Regular, size, st.muted.tint(0.3)));
            }
            spans.push(Span::new(format!("{label}: "), Face::Bold, size, st.muted).no_hyphens());
            // Each value is kept together: its spaces do not break.
            spans.push(
                Span::new(
                    value.replace(' ', "\u{a0}").replace(",\u{a0}", ", "),
                    Face::Regular,
                    size,
                    st.muted,
                )
                .no_hyphens(),
            );
        }
        let measure = self.measure();
        let (spans, lines) = self.lines(&spans, measure, false);
        let x = self.x0();
        self.place_lines(
            Some(Role::Paragraph),
            &spans,
            &lines,
            x,
            measure,
            gs.facts_leading_pt,
            size,
            false,
        );
        self.y += 5.0;
    }

    /// Each indicator's note under the table, after the indicator's name.
    fn indicator_notes(&mut self, g: &Goal) {
        let st = self.st;
        let size = st.file.goals.lines_pt;
        for ind in &g.indicators {
            if let Some(note) = &ind.note {
                let rest = vec![Span::new(note.clone(), Face::Regular, size, st.text)];
                self.labelled_text(&ind.name, rest);
            }
        }
    }

    /// A small paragraph under a goal: a bold label (`Indsatser:`) and `rest`.
    fn labelled_line(&mut self, label_key: &'static str, rest: Vec<Span>) {
        let label = self.label(label_key);
        self.labelled_text(label, rest);
    }

    /// A small paragraph under a goal: `label` in bold, a colon and `rest`.
    fn labelled_text(&mut self, label: &str, rest: Vec<Span>) {
        let st = self.st;
        let gs = &st.file.goals;
        let measure = self.measure();
        let mut spans = vec![Span::new(
            format!("{label}: "),
            Face::Bold,
            gs.lines_pt,
            st.text,
        )];
        spans.extend(rest);
        let (spans, lines) = self.lines(&spans, measure, true);
        let x = self.x0();
        self.place_lines(
            Some(Role::Paragraph),
            &spans,
            &lines,
            x,
            measure,
            gs.lines_leading_pt,
            gs.lines_pt,
            false,
        );
        self.y += 4.0;
    }

    /// The indicators by year: one row per indicator (its name heads the
    /// row), one column per year, the status last.
    fn goal_table(&mut self, g: &Goal) {
        let st = self.st;
        let lang = self.plan.meta.language;
        let size = st.file.tables.size_pt;
        // Sources and what a year column holds: small, but never below it.
        let note = st.file.tables.note_pt.min(size);
        let mut years: Vec<i32> = g.indicators.iter().flat_map(|i| i.years()).collect();
        years.sort_unstable();
        years.dedup();
        // What each year column holds: baseline, actual or target (or mixed).
        let col_kind: Vec<Option<&'static str>> = years
            .iter()
            .map(|&y| {
                let per: Vec<Vec<(&str, &Figure)>> = g
                    .indicators
                    .iter()
                    .map(|i| kinds_of(i, y))
                    .filter(|k| !k.is_empty())
                    .collect();
                let kinds: BTreeSet<&str> = per.iter().flatten().map(|k| k.0).collect();
                if kinds.len() == 1 && per.iter().all(|k| k.len() == 1) {
                    kinds.into_iter().next()
                } else {
                    None
                }
            })
            .collect();
        let hb = |t: String| Span::new(t, Face::Bold, size, st.text).no_hyphens();
        let mut head = vec![Cell {
            spans: vec![hb(self.label("indicator").into())],
            align: Align::Left,
            status: None,
        }];
        for (k, y) in years.iter().enumerate() {
            let mut spans = vec![hb(y.to_string())];
            if let Some(kind) = col_kind[k] {
                spans.push(
                    Span::new(
                        format!("\n{}", self.label(kind)),
                        Face::Regular,
                        note,
                        st.muted,
                    )
                    .no_hyphens(),
                );
            }
            head.push(Cell {
                spans,
                align: Align::Right,
                status: None,
            });
        }
        head.push(Cell {
            spans: vec![hb(self.label("status").into())],
            align: Align::Left,
            status: None,
        });
        let mut rows = Vec::new();
        for ind in &g.indicators {
            let mut name = vec![Span::new(ind.name.clone(), Face::Regular, size, st.text)];
            let mut sub = Vec::new();
            if let Some(src) = &ind.source {
                sub.push(format!("{}: {src}", self.label("source")));
            }
            if ind.relative_to.is_some() {
                sub.push(self.label("pdf_relative_national").to_string());
            }
            if !sub.is_empty() {
                name.push(Span::new(
                    format!("\n{}", sub.join(" · ")),
                    Face::Regular,
                    note,
                    st.muted,
                ));
            }
            let mut row = vec![Cell {
                spans: name,
                align: Align::Left,
                status: None,
            }];
            for (k, &y) in years.iter().enumerate() {
                let mut spans = Vec::new();
                for (n, (kind, f)) in kinds_of(ind, y).into_iter().enumerate() {
                    let text = locale::figure(&f.value, ind, lang);
                    // A figure and its unit stay on one line.
                    let text = if ind.unit == Unit::Text {
                        text
                    } else {
                        text.replace(' ', "\u{a0}")
                    };
                    let face = if kind == "target" {
                        Face::Bold
                    } else {
                        Face::Regular
                    };
                    let color = if kind == "baseline" {
                        st.muted
                    } else {
                        st.text
                    };
                    let nl = if n > 0 { "\n" } else { "" };
                    let mut figure = Span::new(format!("{nl}{text}"), face, size, color);
                    figure.hyphenate = ind.unit == Unit::Text;
                    spans.push(figure);
                    // The part of the year a figure is for: `3. kvartal`.
                    let part = locale::within_year(f.when, lang);
                    if !part.is_empty() {
                        spans.push(
                            Span::new(
                                format!("\n{}", part.replace(' ', "\u{a0}")),
                                Face::Regular,
                                size * 0.85,
                                st.muted,
                            )
                            .no_hyphens(),
                        );
                    }
                    if col_kind[k].is_none() {
                        spans.push(
                            Span::new(
                                format!("\n{}", self.label(kind)),
                                Face::Regular,
                                note,
                                st.muted,
                            )
                            .no_hyphens(),
                        );
                    }
                }
                let align = if ind.unit == Unit::Text {
                    Align::Left
                } else {
                    Align::Right
                };
                row.push(Cell {
                    spans,
                    align,
                    status: None,
                });
            }
            row.push(Cell {
                spans: vec![
                    Span::new(
                        self.env
                            .theme
                            .status_word(ind.status, lang)
                            .replace(' ', "\u{a0}"),
                        Face::Regular,
                        size,
                        st.text,
                    )
                    .no_hyphens(),
                ],
                align: Align::Left,
                status: Some(ind.status),
            });
            rows.push(row);
        }
        // The indicator's name heads its row; a table of one row has no
        // rows to tell apart, and its column headers say it all.
        let row_headers = rows.len() > 1;
        let spec = TableSpec {
            head,
            rows,
            full: true,
            first_min: st.file.goals.indicator_column,
            row_headers,
            line: Some(g.line),
            size,
            widths: None,
        };
        self.table(spec, 0.0);
    }
}

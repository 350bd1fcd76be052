//! A committee case: no cover and no contents, since it is read at one
//! meeting and prints on a few pages. The organisation, the title and the
//! case's facts (a table of names and values) stand at the top of page 1;
//! the sections flow on without starting new pages; the recommendation and
//! the decision are set apart in boxes. The title is the document's level 1,
//! so every section stands one level below it, in the tags and the outline.

use super::super::display::{Artifact, Face, Item, OutlineEntry, Owner, Role, Scope};
use super::super::style::{MM, Rgb};
use super::text::Span;
use super::{Document, Layout, Problem};
use crate::locale;
use crate::model::{Block, Case, Decision, Inline, Recommendation, Section, TocEntry};

impl Layout<'_> {
    /// Lays out the whole case.
    pub(super) fn case_document(mut self, case: &Case) -> (Document, Vec<Problem>) {
        let plan = self.plan;
        self.new_page();
        self.case_header(case);
        let toc = plan.toc();
        for (section, entry) in plan.all_sections().into_iter().zip(&toc) {
            self.case_section(section, entry, case);
        }
        // The title heads page 1; the running header starts on page 2.
        self.furniture(0, 1);
        (self.doc, self.problems)
    }

    /// The organisation, the title and the facts.
    fn case_header(&mut self, case: &Case) {
        let st = self.st;
        let cs = &st.file.case;
        let plan = self.plan;
        // The logo in the top margin at the right, where later pages have
        // their running header.
        if cs.logo {
            let right = self.x0() + self.measure();
            let (max_h, max_w) = (cs.logo_height_mm * MM, cs.logo_max_width_mm * MM);
            self.logo_figure(max_h, max_w, |w, h| (right - w, st.top - h - 3.0 * MM));
        }
        let org = vec![
            Span::new(
                plan.meta.organisation.clone(),
                Face::Bold,
                cs.organisation_pt,
                st.brand,
            )
            .no_hyphens(),
        ];
        let (org, lines) = self.lines(&org, self.measure(), false);
        let x = self.x0();
        let lead = cs.organisation_pt * 1.4;
        let measure = self.measure();
        self.place_lines(
            Some(Role::Paragraph),
            &org,
            &lines,
            x,
            measure,
            lead,
            cs.organisation_pt,
            false,
        );
        self.y += 4.0;
        if self.record {
            self.doc.outline.push(OutlineEntry {
                title: plan.meta.title.clone(),
                depth: 1,
                page: self.page_no() - 1,
                y: self.y,
            });
        }
        self.heading(&plan.meta.title, 1, 1, None, None, 120.0);
        if let Some(sub) = &plan.meta.subtitle {
            let spans = vec![Span::new(
                sub.clone(),
                Face::Regular,
                self.fs * 1.15,
                st.muted,
            )];
            let indent = 0.0;
            self.text_block(&spans, indent, false);
            self.y += self.st.file.text.paragraph_space_pt;
        }
        self.case_facts(case);
        self.y += st.file.headings.space_above_pt * 0.5;
    }

    /// The case's facts as a table: each row a name (a row header) and its
    /// value, on a tinted ground with the brand's bar at its left.
    fn case_facts(&mut self, case: &Case) {
        let st = self.st;
        let cs = &st.file.case;
        let lang = self.plan.meta.language;
        let label = |l: &Self, key: &str| l.label(key).to_string();
        let mut rows: Vec<(String, String)> = vec![
            (label(self, "case_committee"), case.committee.clone()),
            (
                label(self, "case_meeting"),
                locale::meeting(case.meeting, lang),
            ),
            (label(self, "case_item"), case.item.to_string()),
            (label(self, "case_number"), case.number.clone()),
        ];
        if let Some(d) = &case.document {
            rows.push((label(self, "case_document"), d.clone()));
        }
        rows.push((
            label(self, "case_access"),
            label(self, &format!("case_access_{}", case.access.code())),
        ));
        if let Some(a) = &case.authority {
            rows.push((label(self, "case_authority"), a.clone()));
        }
        let (size, lead, pad) = (cs.facts_pt, cs.facts_leading_pt, cs.box_pad_pt);
        let label_w = cs.label_width_mm * MM;
        let value_w = self.measure() - label_w - 2.0 * pad - cs.bar_pt;
        let laid: Vec<_> = rows
            .iter()
            .map(|(name, value)| {
                let name = vec![Span::new(name.clone(), Face::Bold, size, st.muted).no_hyphens()];
                let value = vec![Span::new(value.clone(), Face::Regular, size, st.text)];
                let name = self.lines(&name, label_w - 6.0, false);
                let value = self.lines(&value, value_w, true);
                let h = name.1.len().max(value.1.len()).max(1) as f32 * lead;
                (name, value, h)
            })
            .collect();
        let total: f32 = laid.iter().map(|r| r.2).sum::<f32>() + 2.0 * pad;
        self.need(total);
        let (x, top) = (self.x0(), self.y);
        let w = self.measure();
        self.push_artifact(Item::Rect {
            x,
            y: top,
            w,
            h: total,
            color: st.case_facts,
        });
        self.push_artifact(Item::Rect {
            x,
            y: top,
            w: cs.bar_pt,
            h: total,
            color: st.brand,
        });
        self.y += pad;
        let table = self.open(Role::Table);
        let body = self.open(Role::TableBody);
        let (name_x, value_x) = (x + cs.bar_pt + pad, x + cs.bar_pt + pad + label_w);
        for ((name, name_lines), (value, value_lines), h) in &laid {
            let row = self.open(Role::TableRow);
            for (elem, spans, lines, at) in [
                (Role::TableHeaderCell(Scope::Row), name, name_lines, name_x),
                (Role::TableCell, value, value_lines, value_x),
            ] {
                let cell = self.open(elem);
                for (k, l) in lines.iter().enumerate() {
                    let base = Self::baseline(self.y + k as f32 * lead, lead, size);
                    self.emit_line(spans, l, at, base, 0.0);
                }
                self.close(cell);
            }
            self.close(row);
            self.y += h;
        }
        self.close(body);
        self.close(table);
        self.y = top + total;
        self.at_top = false;
    }

    /// A section below the case's title: no new page, no number.
    fn case_section(&mut self, section: &Section, entry: &TocEntry, case: &Case) {
        self.slug = section.slug.clone();
        self.source = section.source.clone();
        // One level below the title, in the tags and the outline.
        let depth = entry.depth + 1;
        let level = depth.min(6) as u8;
        self.section_level = level;
        let first = section.body.first();
        let min_next = self.min_height(first).max(self.lead * 2.0);
        self.heading(
            &section.title,
            level,
            level.min(3),
            Some(section.slug.clone()),
            Some(depth),
            min_next,
        );
        self.target_group(section);
        self.section_groups = section.target_group.iter().cloned().collect();
        self.blocks(&section.body, 0.0, section, depth);
        if let Some(s) = &section.signature {
            self.signature(s);
        }
        if let Some(r) = &section.recommendation {
            self.recommendation(r, section, depth);
        }
        if let Some(d) = &section.decision {
            self.decision(d, case);
        }
        for g in section.unplaced_goals() {
            self.goal(g);
        }
        if !section.footnotes.is_empty() {
            self.footnotes(section, depth);
        }
    }

    /// The numbered "at …" points in a box of their own.
    fn recommendation(&mut self, r: &Recommendation, section: &Section, depth: usize) {
        let items: Vec<Vec<Block>> = r
            .points
            .iter()
            .map(|p| vec![Block::Paragraph(vec![Inline::Text(p.clone())])])
            .collect();
        let marker_w = self.st.file.blocks.number_indent_pt;
        let estimate = |l: &mut Self, inner: f32| {
            let width = inner - marker_w;
            r.points
                .iter()
                .map(|p| {
                    let spans = vec![Span::new(p.clone(), Face::Regular, l.fs, l.st.text)];
                    l.breaker(true).lines(&spans, width).len() as f32 * l.lead
                })
                .sum::<f32>()
        };
        let colour = self.st.case_recommendation;
        // The space a list leaves after its last item: the box's own
        // padding takes its place.
        let after = self.st.file.text.paragraph_space_pt * 1.4;
        self.boxed(colour, estimate, |l, indent| {
            let prev = l.open(Role::Sect);
            l.list(Some(1), &items, indent, section, depth);
            l.close(prev);
            l.y -= after;
        });
    }

    /// Who decided when, the decision and who was absent, in a box.
    fn decision(&mut self, d: &Decision, case: &Case) {
        let st = self.st;
        let lang = self.plan.meta.language;
        let line = self
            .label("case_decision")
            .replace("{committee}", &case.committee)
            .replace("{date}", &locale::date(d.date, lang));
        let mut paragraphs: Vec<Vec<Span>> =
            vec![vec![Span::new(line, Face::Bold, self.fs, st.heading)]];
        paragraphs.extend(
            d.paragraphs()
                .map(|p| vec![Span::new(p, Face::Regular, self.fs, st.text)]),
        );
        if !d.absent.is_empty() {
            paragraphs.push(vec![
                Span::new(
                    format!("{}: ", self.label("case_absent")),
                    Face::Bold,
                    self.fs,
                    st.text,
                ),
                Span::new(d.absent.join(", "), Face::Regular, self.fs, st.text),
            ]);
        }
        let para_space = st.file.text.paragraph_space_pt;
        let estimate = |l: &mut Self, inner: f32| {
            paragraphs
                .iter()
                .map(|p| l.breaker(true).lines(p, inner).len() as f32 * l.lead + para_space)
                .sum::<f32>()
        };
        self.boxed(st.case_decision, estimate, |l, indent| {
            let prev = l.open(Role::Sect);
            for (k, p) in paragraphs.iter().enumerate() {
                if k > 0 {
                    l.y += para_space * 0.5;
                }
                l.text_block(p, indent, false);
            }
            l.close(prev);
        });
    }

    /// Lays out `f` in a tinted box with the brand's bar at its left, kept
    /// on one page when `estimate` (of the height inside, for a width) says
    /// it fits on one. `f` gets the indent its text starts at; the box's
    /// ground goes behind what it placed, on every page it crosses.
    fn boxed(
        &mut self,
        colour: Rgb,
        estimate: impl FnOnce(&mut Self, f32) -> f32,
        f: impl FnOnce(&mut Self, f32),
    ) {
        let st = self.st;
        let (pad, bar) = (st.file.case.box_pad_pt, st.file.case.bar_pt);
        let indent = bar + pad;
        self.space(4.0);
        let inner = self.measure() - indent - pad;
        let h = estimate(self, inner) + 2.0 * pad;
        if h <= self.limit() - st.top {
            self.need(h);
        }
        let start = (self.page_no(), self.page().items.len(), self.y);
        self.y += pad;
        self.at_top = false;
        let inset = self.inset;
        self.inset += pad;
        f(self, indent);
        self.inset = inset;
        self.y += pad;
        let end = (self.page_no(), self.y);
        let width = self.measure();
        for p in start.0..=end.0 {
            let y1 = if p == start.0 { start.2 } else { st.top };
            let y2 = if p == end.0 { end.1 } else { self.limit() };
            if y2 <= y1 {
                continue;
            }
            let x = st.margins(p).0;
            let at = if p == start.0 { start.1 } else { 0 };
            let page = &mut self.doc.pages[p - 1];
            for (k, (w, color)) in [(width, colour), (bar, st.brand)].into_iter().enumerate() {
                page.items.insert(
                    at + k,
                    Item::Rect {
                        x,
                        y: y1,
                        w,
                        h: y2 - y1,
                        color,
                    },
                );
                page.owners
                    .insert(at + k, Owner::Artifact(Artifact::Layout));
            }
        }
        self.y += st.file.text.paragraph_space_pt;
    }
}

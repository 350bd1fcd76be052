//! What stands beside the running text: callouts and fact boxes (a tinted
//! box kept on one page when it fits, tagged as a note with its label),
//! quotes with a bar in the margin and their speaker set apart, and the
//! signature under a section's text.

use super::super::display::{Face, Item, Owner, Page, Role};
use super::text::Span;
use super::{Artifact, Layout};
use crate::model::{Block, CalloutKind, Inline, Section, Signature};

impl Layout<'_> {
    /// A block quote with a bar at its left. With a speaker, the quote and
    /// the line that names them (`— Navn, formand …`) are one group, the
    /// speaker after the quoted text.
    pub(super) fn quote(
        &mut self,
        body: &[Block],
        attribution: Option<&[Inline]>,
        indent: f32,
        section: &Section,
        depth: usize,
    ) {
        let para_space = self.paragraph_space();
        let start = (self.page_no(), self.y);
        self.y += 2.0;
        let st = self.st;
        let (qi, bar) = (st.file.blocks.quote_indent_pt, st.file.blocks.quote_bar_pt);
        let group = attribution.map(|_| self.open(Role::Div));
        let prev = self.open(Role::Quote);
        self.blocks(body, indent + qi, section, depth);
        self.close(prev);
        if let Some(speaker) = attribution {
            let base = Span::new("", Face::Regular, self.fs, st.muted);
            let mut spans = vec![Span::new("— ", Face::Regular, self.fs, st.muted)];
            self.spans(speaker, &base, &mut spans);
            let measure = self.prose_measure() - indent - qi;
            let (spans, lines) = self.lines(&spans, measure, true);
            let (x, lead, fs) = (self.x0() + indent + qi, self.lead, self.fs);
            self.place_lines(
                Some(Role::Paragraph),
                &spans,
                &lines,
                x,
                measure,
                lead,
                fs,
                false,
            );
            self.y += para_space;
        }
        if let Some(g) = group {
            self.close(g);
        }
        let end = (self.page_no(), self.y - para_space);
        for p in start.0..=end.0 {
            let y1 = if p == start.0 { start.1 } else { st.top };
            let y2 = if p == end.0 { end.1 } else { self.limit() };
            let x = st.margins(p).0 + indent + 3.0;
            if y2 > y1 {
                self.doc.pages[p - 1].push(
                    Item::Rect {
                        x,
                        y: y1,
                        w: bar,
                        h: y2 - y1,
                        color: st.brand.tint(0.55),
                    },
                    Owner::Artifact(Artifact::Layout),
                );
            }
        }
        self.y += para_space * 0.5;
    }

    /// The words above a callout's text: its title for a NOTE that has one
    /// (a fact box), else the kind's name, followed by the title if any.
    fn callout_label(&mut self, kind: CalloutKind, title: Option<&[Inline]>) -> Vec<Span> {
        let st = self.st;
        let cs = &st.file.callouts;
        let colour = self.callout_ink(kind);
        let base = Span::new("", Face::Bold, cs.label_pt, colour);
        let mut spans = Vec::new();
        if kind != CalloutKind::Note || title.is_none() {
            let word = self.label(kind.label_key());
            let word = match title {
                Some(_) => format!("{word}: "),
                None => word.to_string(),
            };
            spans.push(Span::new(word, Face::Bold, cs.label_pt, colour));
        }
        if let Some(t) = title {
            self.spans(t, &base, &mut spans);
        }
        spans
    }

    /// A callout's colour, as ink for its label: the brand's heading shade
    /// for a NOTE, the kind's own colour for the others.
    fn callout_ink(&self, kind: CalloutKind) -> super::super::style::Rgb {
        match kind {
            CalloutKind::Note => self.st.heading,
            _ => self.st.callout[kind as usize],
        }
    }

    /// A callout or fact box: a tinted box with a bar in its kind's colour,
    /// kept on one page when it fits on one, tagged as a note whose label
    /// comes first and whose text follows in reading order.
    pub(super) fn callout(
        &mut self,
        kind: CalloutKind,
        title: Option<&[Inline]>,
        body: &[Block],
        indent: f32,
        section: &Section,
        depth: usize,
    ) {
        let st = self.st;
        let cs = &st.file.callouts;
        let (pad, bar, tint) = (cs.pad_pt, cs.bar_pt, cs.tint);
        let colour = st.callout[kind as usize];
        let width = self.prose_measure() - indent;
        let inner = indent + bar + pad;
        let para_space = self.paragraph_space();
        // How tall the box is, from laying its content out on a page of its own.
        let height = self.callout_height(kind, title, body, inner, section, depth) + 2.0 * pad;
        self.space(4.0);
        if height <= self.limit() - self.st.top {
            self.need(height);
        } else {
            self.need(self.lead * 3.0 + 2.0 * pad);
        }
        let (first_page, top) = (self.page_no(), self.y);
        let first_item = self.page().items.len();
        self.y += pad;
        self.at_top = false;
        let note = self.open(Role::Note);
        self.inset += pad;
        self.callout_content(kind, title, body, inner, section, depth);
        self.inset -= pad;
        self.close(note);
        // The last block left its paragraph space below it; the padding replaces it.
        self.y += pad - para_space;
        let (last_page, bottom) = (self.page_no(), self.y);
        for p in first_page..=last_page {
            let y1 = if p == first_page {
                top
            } else {
                self.st.top - pad
            };
            let y2 = if p == last_page {
                bottom
            } else {
                self.limit() + pad
            };
            let x = self.st.margins(p).0 + indent;
            let at = if p == first_page { first_item } else { 0 };
            let page: &mut Page = &mut self.doc.pages[p - 1];
            let decoration = Owner::Artifact(Artifact::Layout);
            page.insert(
                at,
                Item::Rect {
                    x,
                    y: y1,
                    w: bar,
                    h: y2 - y1,
                    color: colour,
                },
                decoration,
            );
            page.insert(
                at,
                Item::Rect {
                    x,
                    y: y1,
                    w: width,
                    h: y2 - y1,
                    color: colour.tint(tint),
                },
                decoration,
            );
        }
        self.y += para_space + 4.0;
    }

    /// The label (a Lbl of the note), then the callout's blocks at `inner`.
    fn callout_content(
        &mut self,
        kind: CalloutKind,
        title: Option<&[Inline]>,
        body: &[Block],
        inner: f32,
        section: &Section,
        depth: usize,
    ) {
        let st = self.st;
        let cs = &st.file.callouts;
        let (size, lead) = (cs.label_pt, cs.label_pt * 1.35);
        let label = self.callout_label(kind, title);
        let measure = self.prose_measure() - inner;
        let (spans, lines) = self.lines(&label, measure, false);
        let x = self.x0() + inner;
        self.place_lines(
            Some(Role::Label),
            &spans,
            &lines,
            x,
            measure,
            lead,
            size,
            false,
        );
        self.y += 3.0;
        self.blocks(body, inner, section, depth);
    }

    /// The height of a callout's content, laid out alone on an empty page;
    /// infinite when it does not fit on one.
    fn callout_height(
        &self,
        kind: CalloutKind,
        title: Option<&[Inline]>,
        body: &[Block],
        inner: f32,
        section: &Section,
        depth: usize,
    ) -> f32 {
        let mut trial = Layout::new(self.env);
        trial.record = false;
        trial.fs = self.fs;
        trial.lead = self.lead;
        trial.inset = self.inset + self.st.file.callouts.pad_pt;
        trial.slug = self.slug.clone();
        trial.source = self.source.clone();
        trial.doc.pages.push(Page::default());
        trial.y = self.st.top;
        trial.at_top = false;
        trial.callout_content(kind, title, body, inner, section, depth);
        if trial.doc.pages.len() > 1 {
            return f32::INFINITY;
        }
        trial.y - self.st.top - self.paragraph_space()
    }

    /// The signature under a section's text: the name in bold and the role
    /// under it, as one paragraph kept on one page.
    pub(super) fn signature(&mut self, signature: &Signature) {
        let st = self.st;
        let mut spans =
            vec![Span::new(signature.name.clone(), Face::Bold, self.fs, st.text).no_hyphens()];
        if let Some(role) = &signature.role {
            spans.push(Span::new("\n", Face::Regular, self.fs, st.text));
            spans.push(Span::new(role.clone(), Face::Regular, self.fs, st.muted));
        }
        let measure = self.prose_measure();
        let (spans, lines) = self.lines(&spans, measure, true);
        self.space(self.paragraph_space());
        self.need(lines.len() as f32 * self.lead);
        let (x, lead, fs) = (self.x0(), self.lead, self.fs);
        self.place_lines(
            Some(Role::Paragraph),
            &spans,
            &lines,
            x,
            measure,
            lead,
            fs,
            false,
        );
        self.y += self.paragraph_space();
    }
}

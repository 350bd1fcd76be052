//! Sections and their blocks: headings, paragraphs, lists, code, rules,
//! raw HTML, figures and footnotes (quotes and callouts in [`super::asides`]).

use super::super::display::{Face, Image, Item, OutlineEntry, Role};
use super::super::images::{self, Picture};
use super::super::style::{MM, NewPage};
use super::Layout;
use super::text::Span;
use crate::model::{Block, Inline, LinkTarget, Section, TocEntry};

impl Layout<'_> {
    pub(super) fn section(&mut self, section: &Section, entry: &TocEntry) {
        self.slug = section.slug.clone();
        self.source = section.source.clone();
        let hs = &self.st.file.headings;
        let breaks = std::mem::take(&mut self.break_next)
            || section.page_break
            || (hs.new_page == NewPage::All && entry.depth <= usize::from(hs.new_page_level));
        if breaks || self.doc.pages.len() <= 1 {
            if !(self.at_top && self.page().items.is_empty() && self.doc.pages.len() > 1) {
                self.new_page();
            }
        } else {
            self.space(self.st.file.headings.space_above_pt * 1.5);
        }
        // Title with its number; keep it with what follows.
        let level = entry.depth.min(6) as u8;
        self.section_level = level;
        let text = format!("{}  {}", entry.number, section.title);
        let first = section.body.first();
        let min_next = if first.is_none() && !section.goals.is_empty() {
            self.min_height(Some(&Block::Goals(crate::model::GoalsMarker::All)))
        } else {
            self.min_height(first).max(self.lead * 2.0)
        };
        let anchor = section.slug.clone();
        self.heading(
            &text,
            level,
            level.min(3),
            Some(anchor),
            Some(entry.depth),
            min_next,
        );
        self.target_group(section);
        let depth = entry.depth;
        self.section_groups = section.target_group.iter().cloned().collect();
        self.blocks(&section.body, 0.0, section, depth);
        if let Some(s) = &section.signature {
            self.signature(s);
        }
        for g in section.unplaced_goals() {
            self.goal(g);
        }
        if !section.footnotes.is_empty() {
            self.footnotes(section, depth);
        }
    }

    /// The section's target group, in small type below its title.
    pub(super) fn target_group(&mut self, section: &Section) {
        if let Some(tg) = section
            .target_group
            .as_deref()
            .and_then(|id| self.plan.target_group_name(id))
        {
            let label = self.label("target_group");
            let muted = self.st.muted;
            let size = self.st.file.goals.facts_pt;
            let spans = vec![
                Span::new(format!("{label}: "), Face::Bold, size, muted),
                Span::new(tg.to_string(), Face::Regular, size, muted),
            ];
            let (spans, lines) = self.lines(&spans, self.measure(), false);
            let x = self.x0();
            let lead = self.st.file.goals.facts_leading_pt;
            self.place_lines(
                Some(Role::Paragraph),
                &spans,
                &lines,
                x,
                self.measure(),
                lead,
                size,
                false,
            );
            self.y += self.st.file.text.paragraph_space_pt;
        }
    }

    /// The footnotes at the end of a section, each a note with its number.
    pub(super) fn footnotes(&mut self, section: &Section, depth: usize) {
        let b = &self.st.file.blocks;
        let (size, lead, indent, rule_w) = (
            b.footnote_pt,
            b.footnote_leading_pt,
            b.footnote_indent_pt,
            b.footnote_rule_mm * MM,
        );
        self.space(10.0);
        self.need(30.0);
        let (x, y, rule) = (self.x0(), self.y, self.st.rule);
        self.push_artifact(Item::Rule {
            x1: x,
            y1: y,
            x2: x + rule_w,
            y2: y,
            width: 0.5,
            color: rule,
        });
        self.y += 6.0;
        let (fs, fl) = (self.fs, self.lead);
        self.fs = size;
        self.lead = lead;
        for f in &section.footnotes {
            let marker = vec![Span::new(
                format!("{}", f.number),
                Face::Bold,
                size,
                self.st.brand,
            )];
            let note = self.open(Role::Note);
            let lbl = self.new_elem(Role::Label);
            self.pending_marker = Some((0.0, marker, Some(lbl)));
            self.blocks(&f.content, indent, section, depth);
            self.close(note);
            self.pending_marker = None;
        }
        self.fs = fs;
        self.lead = fl;
    }

    fn heading_size(&self, visual: u8) -> f32 {
        let h = &self.st.file.headings;
        match visual {
            1 => h.h1_pt,
            2 => h.h2_pt,
            3 => h.h3_pt,
            _ => h.h4_pt,
        }
    }

    /// A heading tagged at `level` and drawn in the style of `visual`,
    /// kept on one page with at least `min_next` points of what follows.
    pub(super) fn heading(
        &mut self,
        text: &str,
        level: u8,
        visual: u8,
        anchor: Option<String>,
        depth: Option<usize>,
        min_next: f32,
    ) {
        // A heading with no words (a bare `##`) has nothing to show or say.
        if text.trim().is_empty() {
            return;
        }
        let hs = &self.st.file.headings;
        let size = self.heading_size(visual);
        let color = self.st.heading;
        let spans = vec![Span::new(text.to_string(), Face::Bold, size, color).no_hyphens()];
        let (spans, lines) = self.lines(&spans, self.prose_measure(), false);
        let lead = size * hs.leading;
        let above = match visual {
            1 => 0.0,
            2 => hs.space_above_pt,
            _ => hs.space_above_pt * 0.75,
        };
        let below = hs.space_below_pt * if visual == 1 { 2.0 } else { 1.0 };
        let (bar_w, bar_h) = (hs.bar_mm * MM, hs.bar_pt);
        let h = lines.len() as f32 * lead + below;
        self.space(above);
        if self.room() < h + min_next && !self.at_top {
            self.new_page();
        }
        let page = self.page_no() - 1;
        let top = self.y;
        if self.record {
            if let Some(a) = anchor {
                self.doc.anchors.insert(a, (page, top));
            }
            if let Some(d) = depth {
                self.depth = d;
                self.doc.outline.push(OutlineEntry {
                    title: text.to_string(),
                    depth: d,
                    page,
                    y: top,
                });
            }
        }
        let x = self.x0();
        let title = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let prev = self.open(Role::Heading { level, title });
        for l in &lines {
            let b = Self::baseline(self.y, lead, size);
            self.emit_line(&spans, l, x, b, 0.0);
            self.y += lead;
        }
        self.close(prev);
        if visual == 1 {
            let (y, c) = (self.y + 3.0, self.st.accent);
            self.push_artifact(Item::Rect {
                x,
                y,
                w: bar_w,
                h: bar_h,
                color: c,
            });
            self.y += 5.0;
        }
        self.y += below;
        self.at_top = false;
    }

    /// Roughly how much of a block must follow a heading on its page.
    pub(super) fn min_height(&self, block: Option<&Block>) -> f32 {
        match block {
            // A paragraph of three lines or fewer is not split (two lines
            // on each side of a break), so a heading needs three below it.
            Some(Block::Paragraph(_)) | Some(Block::List { .. }) | Some(Block::Quote { .. }) => {
                self.lead * 3.0
            }
            Some(Block::Callout { .. }) => self.lead * 3.0 + 2.0 * self.st.file.callouts.pad_pt,
            Some(Block::Table { .. }) => self.st.file.tables.leading_pt * 3.0 + 16.0,
            Some(Block::Goals(_)) => 190.0,
            Some(Block::Code { .. }) => self.lead * 2.0,
            // A heading must itself be followed by text.
            Some(Block::Heading { .. }) => 40.0 + self.lead * 2.0,
            _ => self.lead,
        }
    }

    pub(super) fn blocks(
        &mut self,
        blocks: &[Block],
        indent: f32,
        section: &Section,
        depth: usize,
    ) {
        for (k, block) in blocks.iter().enumerate() {
            let next = blocks.get(k + 1);
            self.block(block, next, indent, section, depth);
        }
    }

    pub(super) fn paragraph_space(&self) -> f32 {
        self.st.file.text.paragraph_space_pt * self.fs / self.st.file.text.size_pt
    }

    fn block(
        &mut self,
        block: &Block,
        next: Option<&Block>,
        indent: f32,
        section: &Section,
        depth: usize,
    ) {
        let para_space = self.paragraph_space();
        let measure = self.measure() - indent;
        match block {
            Block::Heading { level, id, content } => {
                let tagged = (depth + *level as usize - 1).min(6) as u8;
                let text = crate::markdown::plain_text(content).replace('\n', " ");
                let min_next = self.min_height(next);
                self.heading(
                    &text,
                    tagged,
                    tagged.min(4),
                    Some(format!("{}#{id}", section.slug)),
                    Some(depth + *level as usize - 1),
                    min_next,
                );
            }
            Block::Paragraph(inlines) => {
                if let [
                    Inline::Image {
                        target, alt, line, ..
                    },
                ] = inlines.as_slice()
                {
                    self.figure(target, alt, *line, indent);
                } else {
                    let mut spans = Vec::new();
                    let base = self.body_span();
                    self.spans(inlines, &base, &mut spans);
                    self.text_block(&spans, indent, self.st.justify);
                }
                self.y += para_space;
            }
            Block::List { start, items } => self.list(*start, items, indent, section, depth),
            Block::Quote { body, attribution } => {
                self.quote(body, attribution.as_deref(), indent, section, depth)
            }
            Block::Callout { kind, title, body } => {
                self.callout(*kind, title.as_deref(), body, indent, section, depth)
            }
            Block::Code { text, .. } => self.code(text, indent),
            Block::Table {
                align,
                head,
                rows,
                line,
            } => {
                self.space(4.0);
                self.markdown_table(align, head, rows, *line, indent);
                self.y += para_space + 4.0;
            }
            Block::Rule => {
                self.space(6.0);
                self.need(12.0);
                let x = self.x0() + indent;
                let (y, c) = (self.y + 4.0, self.st.rule);
                self.push_artifact(Item::Rule {
                    x1: x,
                    y1: y,
                    x2: x + measure,
                    y2: y,
                    width: 0.6,
                    color: c,
                });
                self.y += 14.0;
            }
            Block::Html(h) => {
                let text = if self.plan.meta.allow_html {
                    super::inline::strip_tags(h)
                } else {
                    h.clone()
                };
                if !text.trim().is_empty() {
                    let spans = vec![Span::new(
                        text.trim().to_string(),
                        Face::Regular,
                        self.fs,
                        self.st.text,
                    )];
                    self.text_block(&spans, indent, false);
                    self.y += para_space;
                }
            }
            Block::Goals(marker) => {
                for g in section.goals_for(marker) {
                    self.goal(g);
                }
            }
        }
    }

    /// A paragraph of `spans` in the body size, as one P element.
    pub(super) fn text_block(&mut self, spans: &[Span], indent: f32, justify: bool) {
        let measure = self.prose_measure() - indent;
        let (spans, lines) = self.lines(spans, measure, true);
        let x = self.x0() + indent;
        let (lead, fs) = (self.lead, self.fs);
        let role = (!std::mem::take(&mut self.bare_paragraph)).then_some(Role::Paragraph);
        self.place_lines(role, &spans, &lines, x, measure, lead, fs, justify);
    }

    pub(super) fn list(
        &mut self,
        start: Option<u64>,
        items: &[Vec<Block>],
        indent: f32,
        section: &Section,
        depth: usize,
    ) {
        let bs = &self.st.file.blocks;
        let marker_w = if start.is_some() {
            bs.number_indent_pt
        } else {
            bs.bullet_indent_pt
        };
        let para_space = self.paragraph_space();
        let list_prev = self.open(Role::List {
            ordered: start.is_some(),
        });
        for (n, item) in items.iter().enumerate() {
            let marker = match start {
                Some(s) => format!("{}.", s + n as u64),
                None => "•".to_string(),
            };
            let color = if start.is_some() {
                self.st.text
            } else {
                self.st.heading
            };
            let before = self.y;
            let item_prev = self.open(Role::ListItem);
            // A number is part of the text (a Lbl); a bullet only repeats
            // what the list's numbering attribute says, so it is decoration
            // and the item is its body alone (PDF/UA allows LI > LBody): one
            // structure element fewer per item.
            let lbl = start.map(|_| self.new_elem(Role::Label));
            self.pending_marker = Some((
                indent,
                vec![Span::new(marker, Face::Regular, self.fs, color)],
                lbl,
            ));
            let body_prev = self.open(Role::ListBody);
            // An item of one paragraph: its text is the list body itself.
            self.bare_paragraph = matches!(item.as_slice(), [Block::Paragraph(inl)]
                if !matches!(inl.as_slice(), [Inline::Image { .. }]));
            self.blocks(item, indent + marker_w, section, depth);
            self.bare_paragraph = false;
            self.close(body_prev);
            self.close(item_prev);
            self.pending_marker = None;
            // Tight items: no paragraph space between them.
            if self.y > before && n + 1 < items.len() {
                self.y -= para_space * 0.6;
            }
        }
        self.close(list_prev);
        self.y += para_space * 0.4;
    }

    fn code(&mut self, text: &str, indent: f32) {
        let measure = self.measure() - indent;
        let bs = &self.st.file.blocks;
        let size = self.fs * bs.code_size;
        let lead = size * bs.code_leading;
        let (bg, ink) = (self.st.code_background, self.st.code_text);
        let mut spans = Vec::new();
        for (i, line) in text.trim_end_matches('\n').split('\n').enumerate() {
            if i > 0 {
                spans.push(Span::new("\n", Face::Regular, size, ink));
            }
            // Spaces in code are kept as they are (no-break spaces are never collapsed).
            let kept = line.replace('\t', "    ").replace(' ', "\u{a0}");
            spans.push(Span::new(kept, Face::Regular, size, ink).no_hyphens());
        }
        let (spans, lines) = self.lines(&spans, measure - 12.0, false);
        let prev = self.open(Role::Code);
        for l in &lines {
            if self.room() < lead {
                self.new_page();
            }
            let (px, py) = (self.x0() + indent, self.y);
            self.push_artifact(Item::Rect {
                x: px,
                y: py,
                w: measure,
                h: lead,
                color: bg,
            });
            let b = Self::baseline(self.y, lead, size);
            self.emit_line(&spans, l, px + 6.0, b, 0.0);
            self.y += lead;
            self.at_top = false;
        }
        self.close(prev);
        self.y += self.paragraph_space();
    }

    /// An image on a paragraph of its own, with its alt text as the
    /// caption; one the PDF cannot draw is a box with its text.
    fn figure(&mut self, target: &LinkTarget, alt: &str, line: u32, indent: f32) {
        let measure = self.measure() - indent;
        let bs = &self.st.file.blocks;
        let (cap_size, cap_lead, max_share) =
            (bs.caption_pt, bs.caption_leading_pt, bs.figure_max_height);
        let path = match target {
            LinkTarget::Asset(p) => p.as_str(),
            _ => "",
        };
        let picture = match target {
            LinkTarget::Asset(p) => images::read(&self.plan.root, p),
            _ => None,
        };
        let fig_alt = figure_alt(alt, path, self.label("pdf_figure"));
        let at = self.source_at(Some(line));
        if let Some(Picture {
            bytes,
            format,
            w,
            h,
        }) = picture
        {
            let mut w_pt = measure.min(w * 0.75);
            let mut h_pt = w_pt * h / w;
            let max_h = (self.limit() - self.st.top) * max_share;
            if h_pt > max_h {
                h_pt = max_h;
                w_pt = h_pt * w / h;
            }
            self.need(h_pt + 20.0);
            self.doc.images.push(Image { bytes, format, at });
            let index = self.doc.images.len() - 1;
            let (x, y) = (self.x0() + indent, self.y);
            let prev = self.open(Role::Figure { alt: fig_alt });
            if let Some(e) = self.cur {
                self.doc.structure[e as usize].at = Some(at);
            }
            self.push(Item::Image {
                index,
                x,
                y,
                w: w_pt,
                h: h_pt,
            });
            self.close(prev);
            self.y += h_pt + 4.0;
            self.at_top = false;
            if !alt.trim().is_empty() {
                let spans = vec![Span::new(alt, Face::Italic, cap_size, self.st.muted)];
                let (spans, lines) = self.lines(&spans, measure, true);
                let x = self.x0() + indent;
                self.place_lines(
                    Some(Role::Caption),
                    &spans,
                    &lines,
                    x,
                    measure,
                    cap_lead,
                    cap_size,
                    false,
                );
            }
            return;
        }
        // A framed box standing for the figure, with its text in it.
        let text = format!("{} {alt}", self.label("pdf_figure"));
        let spans = vec![Span::new(text, Face::Italic, cap_size, self.st.muted)];
        let (spans, lines) = self.lines(&spans, measure - 16.0, true);
        let h = lines.len() as f32 * cap_lead + 12.0;
        self.need(h);
        let x = self.x0() + indent;
        let (px, py, c) = (x, self.y, self.st.brand.tint(0.92));
        self.push_artifact(Item::Rect {
            x: px,
            y: py,
            w: measure,
            h,
            color: c,
        });
        self.y += 6.0;
        self.place_lines(
            Some(Role::Paragraph),
            &spans,
            &lines,
            x + 8.0,
            measure - 16.0,
            cap_lead,
            cap_size,
            false,
        );
        self.y += 6.0;
    }
}

/// The text alternative of an image: its alt text, or (when the Markdown
/// gives none; validation warns about that) a word for a figure and the
/// file's name.
fn figure_alt(alt: &str, path: &str, figure: &str) -> String {
    if !alt.trim().is_empty() {
        return alt.trim().to_string();
    }
    let name = path.rsplit('/').next().unwrap_or(path);
    format!("{} {name}", figure.trim_end_matches(':'))
        .trim()
        .to_string()
}

//! The layout engine: walks the plan and places everything on A4 pages,
//! producing a [`Document`] display list. It measures text with the body
//! font's metrics, breaks lines (with hyphenation), keeps headings with what
//! follows, avoids single lines stranded at a page's top or bottom, repeats
//! table headers on every page a table crosses, and numbers the table of
//! contents in a second pass.

use super::display::{Document, Elem, Face, Item, LinkTo, Mark, OutlineEntry, Page, Role, Seg};
use super::fonts::Fonts;
use super::hyphenate::Hyphenation;
use super::style::{MM, Rgb, Style};
use super::text::{Breaker, Line, Span, emit_line};
use crate::chart::{Chart, SeriesKind, Words};
use crate::locale;
use crate::model::{
    Align, Block, Goal, Inline, LinkTarget, Plan, Section, Status, TocEntry, Unit, Value,
};
use crate::theme::Theme;
use std::collections::BTreeSet;

/// A character the font cannot draw, and where it stands.
#[derive(Debug, Clone)]
pub struct Missing {
    pub ch: char,
    pub source: String,
}

pub struct Layout<'a> {
    plan: &'a Plan,
    theme: &'a Theme,
    st: &'a Style,
    fonts: &'a Fonts,
    hyph: &'a Hyphenation,
    doc: Document,
    /// The 0-based index of the first body page (after cover and contents).
    y: f32,
    /// Nothing placed yet on the current page below its top.
    at_top: bool,
    /// Body text size and leading in force (footnotes use smaller ones).
    fs: f32,
    lead: f32,
    /// Marker of a list item, drawn with the item's first line.
    pending_marker: Option<(f32, Vec<Span>)>,
    /// The section being laid out (for fragments and diagnostics).
    slug: String,
    source: String,
    pub missing: Vec<Missing>,
    missing_seen: BTreeSet<(char, String)>,
    /// Collect outline entries and anchors (off while sizing the contents).
    record: bool,
    /// Outline depth of the last heading: a goal's entry goes below it.
    depth: usize,
    /// The structure element items are placed in (index into the structure).
    cur: u32,
    /// The label element of the list item whose marker is pending.
    pending_lbl: Option<u32>,
    /// Drawing a table header again on a later page (not content).
    repeat_header: bool,
    /// The cell elements of the table row being drawn.
    cell_elems: Vec<u32>,
}

struct Cell {
    spans: Vec<Span>,
    align: Align,
    status: Option<Status>,
}

struct TableSpec {
    head: Vec<Cell>,
    rows: Vec<Vec<Cell>>,
    /// Force the table to the full measure.
    full: bool,
    /// A minimum width for the first column, as a share of the measure.
    first_min: f32,
}

const STATUSES: [Status; 4] = [
    Status::Achieved,
    Status::OnTrack,
    Status::OffTrack,
    Status::NotMeasured,
];

fn status_index(s: Status) -> usize {
    STATUSES.iter().position(|x| *x == s).unwrap_or(3)
}

impl<'a> Layout<'a> {
    pub fn new(
        plan: &'a Plan,
        theme: &'a Theme,
        st: &'a Style,
        fonts: &'a Fonts,
        hyph: &'a Hyphenation,
    ) -> Self {
        Layout {
            plan,
            theme,
            st,
            fonts,
            hyph,
            doc: Document {
                width: st.page_w,
                height: st.page_h,
                structure: vec![Elem {
                    role: Role::Document,
                    parent: 0,
                }],
                ..Document::default()
            },
            y: 0.0,
            at_top: true,
            fs: st.file.text.size_pt,
            lead: st.file.text.leading_pt,
            pending_marker: None,
            slug: String::new(),
            source: "plan.yaml".into(),
            missing: Vec::new(),
            missing_seen: BTreeSet::new(),
            record: true,
            depth: 1,
            cur: 0,
            pending_lbl: None,
            repeat_header: false,
            cell_elems: Vec::new(),
        }
    }

    // ----- structure -------------------------------------------------------

    /// A new structure element below the current one (not entered).
    fn new_elem(&mut self, role: Role) -> u32 {
        self.doc.structure.push(Elem {
            role,
            parent: self.cur,
        });
        (self.doc.structure.len() - 1) as u32
    }

    /// Enters a new element below the current one; returns the one to go
    /// back to with [`Layout::close`].
    fn open(&mut self, role: Role) -> u32 {
        let e = self.new_elem(role);
        std::mem::replace(&mut self.cur, e)
    }

    fn close(&mut self, prev: u32) {
        self.cur = prev;
    }

    fn label(&self, key: &'a str) -> &'a str {
        self.theme.label(key)
    }

    // ----- pages -----------------------------------------------------------

    fn page_no(&self) -> usize {
        self.doc.pages.len()
    }

    fn page(&mut self) -> &mut Page {
        if self.doc.pages.is_empty() {
            self.doc.pages.push(Page::default());
        }
        let cur = self.cur;
        let page = self.doc.pages.last_mut().expect("a page");
        page.elem = cur;
        page
    }

    fn new_page(&mut self) {
        self.doc.pages.push(Page::default());
        self.y = self.st.top;
        self.at_top = true;
    }

    /// Left edge of the text block on the current page.
    fn x0(&self) -> f32 {
        self.st.margins(self.page_no().max(1)).0
    }

    fn limit(&self) -> f32 {
        self.st.page_h - self.st.bottom
    }

    fn room(&self) -> f32 {
        self.limit() - self.y
    }

    /// Starts a new page unless `h` points still fit.
    fn need(&mut self, h: f32) {
        if self.room() < h && !self.at_top {
            self.new_page();
        }
    }

    /// Vertical space that disappears at the top of a page.
    fn space(&mut self, h: f32) {
        if !self.at_top {
            self.y += h;
        }
    }

    fn measure(&self) -> f32 {
        self.st.measure()
    }

    /// The baseline of a line box of height `lead` whose top is at `top`.
    fn baseline(top: f32, lead: f32, size: f32) -> f32 {
        top + lead / 2.0 + 0.36 * size
    }

    fn check_glyphs(&mut self, spans: &[Span]) -> Vec<Span> {
        let mut out = spans.to_vec();
        for s in &mut out {
            let face = self.fonts.face(s.face);
            if s.text
                .chars()
                .all(|c| (face.has(c) && c != '\u{00ad}') || c == '\n' || c == ' ')
            {
                continue;
            }
            let mut t = String::with_capacity(s.text.len());
            for c in s.text.chars() {
                if c == '\u{00ad}' || c == '\u{200b}' {
                    // Soft hyphens and zero-width spaces are not drawn.
                } else if face.has(c) || c == '\n' || c == ' ' {
                    t.push(c);
                } else if c == '\u{00a0}' || c == '\u{202f}' {
                    t.push(' ');
                } else {
                    if self.missing_seen.insert((c, self.source.clone())) {
                        self.missing.push(Missing {
                            ch: c,
                            source: self.source.clone(),
                        });
                    }
                    t.push('?');
                }
            }
            s.text = t;
        }
        out
    }

    fn breaker(&self, hyphenate: bool) -> Breaker<'_> {
        Breaker {
            fonts: self.fonts,
            hyph: self.hyph,
            hyphenate: hyphenate && self.st.file.text.hyphenate,
            justify: self.st.justify,
        }
    }

    fn lines(&mut self, spans: &[Span], width: f32, hyphenate: bool) -> (Vec<Span>, Vec<Line>) {
        let spans = self.check_glyphs(spans);
        let lines = self.breaker(hyphenate).lines(&spans, width);
        (spans, lines)
    }

    /// Places lines of a paragraph-like block, `lead` apart, at `x` in
    /// `width`, splitting across pages with at least two lines on each side
    /// of a break.
    #[allow(clippy::too_many_arguments)]
    fn place_lines(
        &mut self,
        spans: &[Span],
        lines: &[Line],
        x: f32,
        width: f32,
        lead: f32,
        size: f32,
        mark: &Mark,
        justify: bool,
    ) {
        // A paragraph-like block is one structure element.
        let role = match mark {
            Mark::Paragraph => Some(Role::Paragraph),
            Mark::Heading(l) => Some(Role::Heading(*l)),
            Mark::Code => Some(Role::Code),
            Mark::Caption => Some(Role::Caption),
            Mark::Figure { alt } => Some(Role::Figure { alt: alt.clone() }),
            _ => None,
        };
        let prev = role.map(|r| self.open(r));
        self.place_lines_in(spans, lines, x, width, lead, size, mark, justify);
        if let Some(p) = prev {
            self.close(p);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn place_lines_in(
        &mut self,
        spans: &[Span],
        lines: &[Line],
        x: f32,
        width: f32,
        lead: f32,
        size: f32,
        mark: &Mark,
        justify: bool,
    ) {
        // `x` is on the current page; later pages may have other margins.
        let rel = x - self.x0();
        let n = lines.len();
        let mut i = 0;
        while i < n {
            let x = self.x0() + rel;
            let fit = (self.room() / lead + 0.001).floor() as usize;
            let left = n - i;
            let take = if fit >= left {
                left
            } else {
                let mut t = fit;
                if left - t < 2 && left >= 4 {
                    t = left - 2;
                }
                if left - t < 2 && left < 4 {
                    t = 0;
                }
                if t < 2 && !(self.at_top && t > 0) {
                    t = 0;
                }
                t
            };
            if take == 0 {
                if self.at_top {
                    // Nothing fits even on an empty page: place one line anyway.
                    self.place_line(spans, &lines[i], x, width, lead, size, mark, justify);
                    i += 1;
                } else {
                    self.new_page();
                }
                continue;
            }
            for line in &lines[i..i + take] {
                self.place_line(spans, line, x, width, lead, size, mark, justify);
            }
            i += take;
            if i < n {
                self.new_page();
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn place_line(
        &mut self,
        spans: &[Span],
        line: &Line,
        x: f32,
        width: f32,
        lead: f32,
        size: f32,
        mark: &Mark,
        justify: bool,
    ) {
        let base = Self::baseline(self.y, lead, size);
        let extra = if justify && !line.last && line.spaces > 0 {
            ((width - line.width) / line.spaces as f32).clamp(0.0, size * 0.6)
        } else {
            0.0
        };
        if let Some((mrel, marker)) = self.pending_marker.take() {
            let mx = self.x0() + mrel;
            let mline = self.breaker(false).lines(&marker, 1000.0);
            if let Some(l) = mline.first() {
                let prev = self.cur;
                if let Some(lbl) = self.pending_lbl.take() {
                    self.cur = lbl;
                }
                emit_line(self.page(), &marker, l, mx, base, 0.0, &Mark::ListItem);
                self.cur = prev;
            }
        }
        emit_line(self.page(), spans, line, x, base, extra, mark);
        self.y += lead;
        self.at_top = false;
    }

    // ----- inline content --------------------------------------------------

    fn link_to(&self, target: &LinkTarget) -> Option<LinkTo> {
        match target {
            LinkTarget::External(u) => Some(LinkTo::Uri(u.clone())),
            LinkTarget::Section { slug, fragment } => Some(LinkTo::Anchor(match fragment {
                Some(f) => format!("{slug}#{f}"),
                None => slug.clone(),
            })),
            LinkTarget::Fragment(f) => Some(LinkTo::Anchor(format!("{}#{f}", self.slug))),
            LinkTarget::Asset(_) | LinkTarget::Broken(_) => None,
        }
    }

    fn spans(&self, inlines: &[Inline], base: &Span, out: &mut Vec<Span>) {
        for inline in inlines {
            match inline {
                Inline::Text(t) => out.push(Span {
                    text: t.clone(),
                    ..base.clone()
                }),
                Inline::Code(t) => out.push(Span {
                    text: t.clone(),
                    color: Rgb(0.55, 0.16, 0.16),
                    hyphenate: false,
                    ..base.clone()
                }),
                Inline::Emphasis(c) => {
                    let s = Span {
                        face: base.face.with(false, true),
                        ..base.clone()
                    };
                    self.spans(c, &s, out);
                }
                Inline::Strong(c) => {
                    let s = Span {
                        face: base.face.with(true, false),
                        ..base.clone()
                    };
                    self.spans(c, &s, out);
                }
                Inline::Strikethrough(c) => {
                    let s = Span {
                        color: self.st.muted,
                        ..base.clone()
                    };
                    self.spans(c, &s, out);
                }
                Inline::Link {
                    target, content, ..
                } => {
                    let link = self.link_to(target);
                    let color = if link.is_some() {
                        self.st.brand
                    } else {
                        base.color
                    };
                    let s = Span {
                        link,
                        color,
                        ..base.clone()
                    };
                    self.spans(content, &s, out);
                }
                Inline::Image { alt, .. } => out.push(Span {
                    text: format!("[{alt}]"),
                    face: base.face.with(false, true),
                    ..base.clone()
                }),
                Inline::FootnoteRef { number, .. } => out.push(Span {
                    text: number.to_string(),
                    size: base.size * 0.7,
                    rise: base.size * 0.35,
                    color: self.st.brand,
                    link: None,
                    hyphenate: false,
                    ..base.clone()
                }),
                Inline::SoftBreak => out.push(Span {
                    text: " ".into(),
                    ..base.clone()
                }),
                Inline::HardBreak => out.push(Span {
                    text: "\n".into(),
                    ..base.clone()
                }),
                Inline::Html(h) => {
                    if self.plan.meta.allow_html {
                        let stripped = strip_tags(h);
                        if !stripped.trim().is_empty() {
                            out.push(Span {
                                text: stripped,
                                ..base.clone()
                            });
                        }
                    } else {
                        out.push(Span {
                            text: h.clone(),
                            ..base.clone()
                        });
                    }
                }
            }
        }
    }

    fn body_span(&self) -> Span {
        Span::new("", Face::Regular, self.fs, self.st.text)
    }

    // ----- the document ------------------------------------------------------

    /// Lays out the whole plan.
    pub fn run(mut self) -> (Document, Vec<Missing>) {
        let plan = self.plan;
        let toc = plan.toc();
        // Pass 1: how many pages the contents take (numbers have a fixed column).
        self.record = false;
        let mut sizing = Layout::new(self.plan, self.theme, self.st, self.fonts, self.hyph);
        sizing.record = false;
        sizing.doc.pages.push(Page::default());
        sizing.contents(&toc, &|_| 0);
        let toc_pages = sizing.doc.pages.len() - 1;
        // The body, starting after the cover and the contents.
        self.record = true;
        self.cover();
        // The contents (laid out last) stand here in the structure.
        let toc_elem = self.new_elem(Role::Sect);
        for _ in 0..toc_pages {
            self.doc.pages.push(Page::default());
        }
        let body_start = self.doc.pages.len();
        // The first section starts on a page of its own.
        self.at_top = false;
        let sections = plan.all_sections();
        for (section, entry) in sections.iter().zip(&toc) {
            self.section(section, entry);
        }
        // Pass 2: the contents with the pages the headings landed on.
        let anchors = self.doc.anchors.clone();
        let mut contents = Layout::new(self.plan, self.theme, self.st, self.fonts, self.hyph);
        contents.doc.pages.push(Page::default());
        contents.contents(&toc, &|slug: &str| {
            anchors.get(slug).map_or(0, |(p, _)| p + 1)
        });
        let mut toc_out = contents.doc.pages.split_off(1);
        toc_out.resize_with(toc_pages, Page::default);
        // Its structure goes below the placeholder: element 0 is the
        // placeholder, the others follow this document's.
        let offset = self.doc.structure.len() as u32 - 1;
        let map = |e: u32| if e == 0 { toc_elem } else { e + offset };
        for el in contents.doc.structure.iter().skip(1) {
            self.doc.structure.push(Elem {
                role: el.role.clone(),
                parent: map(el.parent),
            });
        }
        for page in &mut toc_out {
            for e in &mut page.elems {
                *e = map(*e);
            }
        }
        let toc_outline = contents.doc.outline;
        for (k, page) in toc_out.into_iter().enumerate() {
            self.doc.pages[1 + k] = page;
        }
        for (key, (p, y)) in contents.doc.anchors {
            self.doc.anchors.insert(key, (p, y));
        }
        let mut outline = toc_outline;
        outline.append(&mut self.doc.outline);
        self.doc.outline = outline;
        let _ = body_start;
        self.furniture();
        self.missing.extend(contents.missing);
        (self.doc, self.missing)
    }

    fn cover(&mut self) {
        let st = self.st;
        let plan = self.plan;
        self.doc.pages.push(Page::default());
        let band = st.file.cover.band_mm * MM;
        let (w, h) = (st.page_w, st.page_h);
        let x0 = st.inner;
        let width = w - st.inner - st.outer;
        let page = self.doc.pages.last_mut().expect("cover");
        page.push(
            Item::Rect {
                x: 0.0,
                y: 0.0,
                w,
                h: band,
                color: st.brand,
            },
            Mark::Furniture,
        );
        page.push(
            Item::Rect {
                x: 0.0,
                y: band,
                w,
                h: 2.5 * MM,
                color: st.accent,
            },
            Mark::Furniture,
        );
        // Organisation at the top of the band.
        let org = vec![
            Span::new(
                plan.meta.organisation.to_uppercase(),
                Face::Bold,
                10.0,
                Rgb::WHITE,
            )
            .no_hyphens(),
        ];
        self.source = "plan.yaml".into();
        let (org, lines) = self.lines(&org, width, false);
        let mut y = 22.0 * MM;
        for l in &lines {
            emit_line(self.page(), &org, l, x0, y, 0.0, &Mark::Furniture);
            y += 14.0;
        }
        // Title and subtitle at the bottom of the band.
        let ts = st.file.cover.title_pt;
        let title =
            vec![Span::new(plan.meta.title.clone(), Face::Bold, ts, Rgb::WHITE).no_hyphens()];
        let (title, tlines) = self.lines(&title, width, false);
        let sub = plan.meta.subtitle.as_ref().map(|s| {
            vec![
                Span::new(
                    s.clone(),
                    Face::Regular,
                    st.file.cover.subtitle_pt,
                    Rgb::WHITE.tint(0.0),
                )
                .no_hyphens(),
            ]
        });
        let sub = sub.map(|s| self.lines(&s, width, false));
        let tlead = ts * 1.15;
        let slead = st.file.cover.subtitle_pt * 1.35;
        let sub_h = sub
            .as_ref()
            .map_or(0.0, |(_, l)| l.len() as f32 * slead + 6.0);
        let mut y = band - 16.0 * MM - sub_h - tlines.len() as f32 * tlead;
        let prev = self.open(Role::Heading(1));
        for l in &tlines {
            emit_line(
                self.page(),
                &title,
                l,
                x0,
                y + tlead * 0.8,
                0.0,
                &Mark::Heading(1),
            );
            y += tlead;
        }
        self.close(prev);
        if let Some((sub, slines)) = &sub {
            y += 6.0;
            let prev = self.open(Role::Paragraph);
            for l in slines {
                emit_line(
                    self.page(),
                    sub,
                    l,
                    x0,
                    y + slead * 0.75,
                    0.0,
                    &Mark::Paragraph,
                );
                y += slead;
            }
            self.close(prev);
        }
        // Period below the band.
        let mut y = band + 22.0 * MM;
        let period = vec![
            Span::new(locale::period(plan.meta.period), Face::Bold, 24.0, st.brand).no_hyphens(),
        ];
        let (period, plines) = self.lines(&period, width, false);
        let prev = self.open(Role::Paragraph);
        for l in &plines {
            emit_line(self.page(), &period, l, x0, y, 0.0, &Mark::Paragraph);
            y += 30.0;
        }
        self.close(prev);
        if st.file.cover.summary
            && let Some(summary) = &plan.meta.summary
        {
            y += 6.0;
            let s = vec![Span::new(summary.clone(), Face::Regular, 11.5, st.text)];
            let (s, lines) = self.lines(&s, width * 0.82, true);
            let prev = self.open(Role::Paragraph);
            for l in &lines {
                emit_line(self.page(), &s, l, x0, y, 0.0, &Mark::Paragraph);
                y += 16.5;
            }
            self.close(prev);
        }
        // Logo (PNG or JPEG) and the organisation at the foot.
        let foot = h - 25.0 * MM;
        let mut logo_drawn = false;
        if st.file.cover.logo
            && let Some(logo) = &plan.meta.brand.logo
        {
            let path = plan.root.join(logo);
            if let Ok(bytes) = std::fs::read(&path)
                && let Some((iw, ih)) = image_size(&bytes)
            {
                let lh = 16.0 * MM;
                let lw = lh * iw as f32 / ih as f32;
                let (lw, lh) = if lw > 70.0 * MM {
                    (70.0 * MM, 70.0 * MM * ih as f32 / iw as f32)
                } else {
                    (lw, lh)
                };
                self.doc.images.push(super::display::Image {
                    bytes,
                    source: logo.display().to_string(),
                });
                let index = self.doc.images.len() - 1;
                let alt = plan.meta.organisation.clone();
                let prev = self.open(Role::Figure { alt: alt.clone() });
                self.page().push(
                    Item::Image {
                        index,
                        x: x0,
                        y: foot - lh,
                        w: lw,
                        h: lh,
                    },
                    Mark::Figure { alt },
                );
                self.close(prev);
                logo_drawn = true;
            }
        }
        if !logo_drawn {
            // A simple mark in the brand colour in place of a vector logo.
            let page = self.page();
            page.push(
                Item::Rect {
                    x: x0,
                    y: foot - 12.0,
                    w: 28.0,
                    h: 4.0,
                    color: st.brand,
                },
                Mark::Furniture,
            );
            let org = vec![Span::new(
                plan.meta.organisation.clone(),
                Face::Bold,
                12.0,
                st.brand,
            )];
            let (org, lines) = self.lines(&org, width, false);
            let mut y = foot + 8.0;
            for l in &lines {
                emit_line(self.page(), &org, l, x0, y, 0.0, &Mark::Furniture);
                y += 15.0;
            }
        }
        if let Some(as_of) = plan.meta.as_of {
            let text = format!(
                "{} {}",
                self.label("figures_as_of"),
                locale::date(as_of, plan.meta.language)
            );
            let s = vec![Span::new(text, Face::Regular, 8.5, st.muted)];
            let (s, lines) = self.lines(&s, width, false);
            if let Some(l) = lines.first() {
                let x = w - st.outer - l.width;
                let prev = self.open(Role::Paragraph);
                emit_line(self.page(), &s, l, x, foot + 8.0, 0.0, &Mark::Paragraph);
                self.close(prev);
            }
        }
    }

    /// The table of contents; `page_of` gives the page number of a slug.
    fn contents(&mut self, toc: &[TocEntry], page_of: &dyn Fn(&str) -> usize) {
        self.new_page();
        let title = self.label("contents").to_string();
        if self.record {
            self.doc.outline.push(OutlineEntry {
                title: title.clone(),
                depth: 1,
                page: self.page_no() - 1,
                y: self.y,
            });
        }
        self.heading_text(&title, 1, None, None);
        self.y += 8.0;
        let toc_prev = self.open(Role::Toc);
        let st = self.st;
        let x0 = self.x0();
        let measure = self.measure();
        let num_w = 26.0;
        let page_w = 30.0;
        let sections = self.plan.all_sections();
        for (entry, section) in toc.iter().zip(sections) {
            let indent = (entry.depth - 1) as f32 * num_w;
            let top_level = entry.depth == 1;
            let face = if top_level { Face::Bold } else { Face::Regular };
            let size = if top_level { 11.0 } else { 10.0 };
            let lead = size * 1.4;
            let text_x = x0 + indent + num_w;
            let text_w = measure - indent - num_w - page_w;
            let title = vec![Span::new(entry.title.clone(), face, size, st.text).no_hyphens()];
            let (title, tlines) = self.lines(&title, text_w, false);
            let summary = section
                .summary
                .as_ref()
                .filter(|_| top_level)
                .map(|s| vec![Span::new(s.clone(), Face::Regular, 8.5, st.muted)]);
            let summary = summary.map(|s| self.lines(&s, text_w, true));
            let sum_h = summary
                .as_ref()
                .map_or(0.0, |(_, l)| l.len() as f32 * 11.5 + 2.0);
            let h = tlines.len() as f32 * lead + sum_h + if top_level { 8.0 } else { 3.0 };
            self.need(h);
            if top_level && !self.at_top {
                self.y += 4.0;
            }
            let top = self.y;
            let item_prev = self.open(Role::TocItem);
            let base = Self::baseline(self.y, lead, size);
            let num = vec![Span::new(entry.number.clone(), face, size, st.heading)];
            let nl = self.breaker(false).lines(&num, 100.0);
            let page = self.page_no() - 1;
            emit_line(
                self.page(),
                &num,
                &nl[0],
                x0 + indent,
                base,
                0.0,
                &Mark::TocEntry,
            );
            let pn = page_of(&entry.slug);
            let pnum = vec![Span::new(
                if pn == 0 {
                    "999".to_string()
                } else {
                    pn.to_string()
                },
                face,
                size,
                st.text,
            )];
            let pl = self.breaker(false).lines(&pnum, 100.0);
            let px = x0 + measure - pl[0].width;
            let pnum_page = self.page_no();
            for l in &tlines {
                let b = Self::baseline(self.y, lead, size);
                emit_line(self.page(), &title, l, text_x, b, 0.0, &Mark::TocEntry);
                self.y += lead;
            }
            if let Some((s, lines)) = &summary {
                for l in lines {
                    let b = Self::baseline(self.y, 11.5, 8.5);
                    emit_line(self.page(), s, l, text_x, b, 0.0, &Mark::TocEntry);
                    self.y += 11.5;
                }
                self.y += 2.0;
            }
            // The page number after the title, in reading order.
            let cur = self.cur;
            let pg = &mut self.doc.pages[pnum_page - 1];
            pg.elem = cur;
            emit_line(pg, &pnum, &pl[0], px, base, 0.0, &Mark::TocEntry);
            self.at_top = false;
            let link_h = self.y - top;
            self.page().push(
                Item::Link {
                    x: x0,
                    y: top,
                    w: measure,
                    h: link_h,
                    to: LinkTo::Anchor(entry.slug.clone()),
                },
                Mark::TocEntry,
            );
            self.close(item_prev);
            let _ = page;
            self.y += if top_level { 4.0 } else { 1.0 };
        }
        self.close(toc_prev);
    }

    /// Running header and footer on every page but the cover.
    fn furniture(&mut self) {
        let total = self.doc.pages.len();
        let st = self.st;
        let title = self.plan.meta.title.clone();
        let size = st.file.header.size_pt;
        for i in 1..total {
            let no = i + 1;
            let (l, r) = st.margins(no);
            let right = st.page_w - r;
            let hy = st.top - 9.0 * MM;
            let fy = st.page_h - st.bottom + 11.0 * MM;
            let text = self
                .label("pdf_page_of")
                .replace("{page}", &no.to_string())
                .replace("{pages}", &total.to_string());
            let mut items = Vec::new();
            let odd = no % 2 == 1;
            if st.file.header.title {
                let w = self.fonts.width(Face::Regular, size, &title);
                let x = if odd { right - w } else { l };
                items.push(Item::Text {
                    x,
                    y: hy,
                    face: Face::Regular,
                    size,
                    color: st.muted,
                    text: title.clone(),
                    space_extra: 0.0,
                });
                items.push(Item::Rule {
                    x1: l,
                    y1: hy + 4.5,
                    x2: right,
                    y2: hy + 4.5,
                    width: 0.4,
                    color: st.rule,
                });
            }
            let w = self.fonts.width(Face::Regular, size, &text);
            let x = if odd { right - w } else { l };
            items.push(Item::Text {
                x,
                y: fy,
                face: Face::Regular,
                size,
                color: st.muted,
                text,
                space_extra: 0.0,
            });
            let org = self.plan.meta.organisation.clone();
            let ow = self.fonts.width(Face::Regular, size, &org);
            let ox = if odd { l } else { right - ow };
            items.push(Item::Text {
                x: ox,
                y: fy,
                face: Face::Regular,
                size,
                color: st.muted,
                text: org,
                space_extra: 0.0,
            });
            for it in items {
                self.doc.pages[i].push(it, Mark::Furniture);
            }
        }
    }

    // ----- sections ------------------------------------------------------------

    fn section(&mut self, section: &Section, entry: &TocEntry) {
        self.slug = section.slug.clone();
        self.source = section.source.clone();
        if (entry.depth == 1 && self.st.file.headings.section_new_page) || self.doc.pages.len() <= 1
        {
            if !(self.at_top && self.page().items.is_empty() && self.doc.pages.len() > 1) {
                self.new_page();
            }
        } else {
            self.space(self.st.file.headings.space_above_pt * 1.5);
        }
        // Title with its number; keep it with what follows.
        let level = entry.depth.min(3) as u8;
        let text = format!("{}  {}", entry.number, section.title);
        let first = section.body.first();
        let min_next = if first.is_none() && !section.goals.is_empty() {
            self.min_height(Some(&Block::Goals(crate::model::GoalsMarker::All)))
        } else {
            self.min_height(first).max(self.lead * 2.0)
        };
        let anchor = section.slug.clone();
        self.heading_text_keep(&text, level, Some(anchor), Some(entry.depth), min_next);
        if let Some(tg) = section
            .target_group
            .as_deref()
            .and_then(|id| self.plan.target_group_name(id))
        {
            let label = self.label("target_group");
            let spans = vec![
                Span::new(format!("{label}: "), Face::Bold, 9.0, self.st.muted),
                Span::new(tg.to_string(), Face::Regular, 9.0, self.st.muted),
            ];
            let (spans, lines) = self.lines(&spans, self.measure(), false);
            let x = self.x0();
            self.place_lines(
                &spans,
                &lines,
                x,
                self.measure(),
                13.0,
                9.0,
                &Mark::Paragraph,
                false,
            );
            self.y += 6.0;
        }
        let depth = entry.depth;
        self.blocks(&section.body, 0.0, section, depth);
        let unplaced = section.unplaced_goals();
        if !unplaced.is_empty() {
            for g in unplaced {
                self.goal(g);
            }
        }
        if !section.footnotes.is_empty() {
            self.footnotes(section, depth);
        }
    }

    fn footnotes(&mut self, section: &Section, depth: usize) {
        self.space(10.0);
        self.need(30.0);
        let x = self.x0();
        let y = self.y;
        let rule = self.st.rule;
        self.page().push(
            Item::Rule {
                x1: x,
                y1: y,
                x2: x + 40.0 * MM,
                y2: y,
                width: 0.5,
                color: rule,
            },
            Mark::Furniture,
        );
        self.y += 6.0;
        let (fs, lead) = (self.fs, self.lead);
        self.fs = 8.5;
        self.lead = 11.5;
        let list_prev = self.open(Role::List);
        for f in &section.footnotes {
            let marker = vec![Span::new(
                format!("{}", f.number),
                Face::Bold,
                8.5,
                self.st.brand,
            )];
            self.pending_marker = Some((0.0, marker));
            let item_prev = self.open(Role::ListItem);
            self.pending_lbl = Some(self.new_elem(Role::Label));
            let body_prev = self.open(Role::ListBody);
            self.blocks(&f.content, 14.0, section, depth);
            self.close(body_prev);
            self.close(item_prev);
            self.pending_marker = None;
            self.pending_lbl = None;
        }
        self.close(list_prev);
        self.fs = fs;
        self.lead = lead;
    }

    fn heading_size(&self, level: u8) -> f32 {
        let h = &self.st.file.headings;
        match level {
            1 => h.h1_pt,
            2 => h.h2_pt,
            3 => h.h3_pt,
            _ => h.h4_pt,
        }
    }

    fn heading_text(
        &mut self,
        text: &str,
        level: u8,
        anchor: Option<String>,
        depth: Option<usize>,
    ) {
        self.heading_text_keep(text, level, anchor, depth, self.lead * 2.0);
    }

    /// A heading, kept on one page with at least `min_next` points of what follows.
    fn heading_text_keep(
        &mut self,
        text: &str,
        level: u8,
        anchor: Option<String>,
        depth: Option<usize>,
        min_next: f32,
    ) {
        let size = self.heading_size(level);
        let face = Face::Bold;
        let color = self.st.heading;
        let spans = vec![Span::new(text.to_string(), face, size, color).no_hyphens()];
        let (spans, lines) = self.lines(&spans, self.measure(), false);
        let lead = size * 1.25;
        let above = if level == 1 {
            0.0
        } else {
            self.st.file.headings.space_above_pt * if level == 2 { 1.0 } else { 0.75 }
        };
        let below = self.st.file.headings.space_below_pt * if level == 1 { 2.0 } else { 1.0 };
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
        let prev = self.open(Role::Heading(level));
        for l in &lines {
            let b = Self::baseline(self.y, lead, size);
            emit_line(self.page(), &spans, l, x, b, 0.0, &Mark::Heading(level));
            self.y += lead;
        }
        self.close(prev);
        if level == 1 {
            let y = self.y + 3.0;
            let w = 18.0 * MM;
            let c = self.st.accent;
            self.page().push(
                Item::Rect {
                    x,
                    y,
                    w,
                    h: 2.2,
                    color: c,
                },
                Mark::Furniture,
            );
            self.y += 5.0;
        }
        self.y += below;
        self.at_top = false;
    }

    /// Roughly how much of a block must follow a heading on its page.
    fn min_height(&self, block: Option<&Block>) -> f32 {
        match block {
            Some(Block::Paragraph(_)) | Some(Block::List { .. }) | Some(Block::Quote(_)) => {
                self.lead * 2.0
            }
            Some(Block::Table { .. }) => self.st.file.tables.leading_pt * 3.0 + 16.0,
            Some(Block::Goals(_)) => 190.0,
            Some(Block::Code { .. }) => self.lead * 2.0,
            // A heading must itself be followed by text.
            Some(Block::Heading { .. }) => 40.0 + self.lead * 2.0,
            _ => self.lead,
        }
    }

    // ----- blocks ------------------------------------------------------------

    fn blocks(&mut self, blocks: &[Block], indent: f32, section: &Section, depth: usize) {
        for (k, block) in blocks.iter().enumerate() {
            let next = blocks.get(k + 1);
            self.block(block, next, indent, section, depth);
        }
    }

    fn block(
        &mut self,
        block: &Block,
        next: Option<&Block>,
        indent: f32,
        section: &Section,
        depth: usize,
    ) {
        let para_space = self.st.file.text.paragraph_space_pt * self.fs / self.st.file.text.size_pt;
        let measure = self.measure() - indent;
        match block {
            Block::Heading { level, id, content } => {
                let vis = (depth as u8 + level - 1).min(4);
                let mut spans = Vec::new();
                self.spans(
                    content,
                    &Span::new("", Face::Bold, 10.0, self.st.heading),
                    &mut spans,
                );
                let text: String = spans
                    .iter()
                    .map(|s| s.text.as_str())
                    .collect::<String>()
                    .replace('\n', " ");
                let min_next = self.min_height(next);
                self.heading_text_keep(
                    &text,
                    vis,
                    Some(format!("{}#{id}", section.slug)),
                    Some(depth + *level as usize - 1),
                    min_next,
                );
            }
            Block::Paragraph(inlines) => {
                if let [Inline::Image { target, alt, .. }] = inlines.as_slice() {
                    self.figure(target, alt, indent);
                } else {
                    let mut spans = Vec::new();
                    self.spans(inlines, &self.body_span(), &mut spans);
                    let (spans, lines) = self.lines(&spans, measure, true);
                    let x = self.x0() + indent;
                    let (lead, fs) = (self.lead, self.fs);
                    self.place_lines(
                        &spans,
                        &lines,
                        x,
                        measure,
                        lead,
                        fs,
                        &Mark::Paragraph,
                        self.st.justify,
                    );
                }
                self.y += para_space;
            }
            Block::List { start, items } => {
                let marker_w = if start.is_some() { 18.0 } else { 13.0 };
                let list_prev = self.open(Role::List);
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
                    self.pending_marker = Some((
                        indent,
                        vec![Span::new(marker, Face::Regular, self.fs, color)],
                    ));
                    let before = self.y;
                    let item_prev = self.open(Role::ListItem);
                    self.pending_lbl = Some(self.new_elem(Role::Label));
                    let body_prev = self.open(Role::ListBody);
                    self.blocks(item, indent + marker_w, section, depth);
                    self.close(body_prev);
                    self.close(item_prev);
                    self.pending_marker = None;
                    self.pending_lbl = None;
                    // Tight items: no paragraph space between them.
                    if self.y > before && n + 1 < items.len() {
                        self.y -= para_space * 0.6;
                    }
                }
                self.close(list_prev);
                self.y += para_space * 0.4;
            }
            Block::Quote(inner) => {
                let start = (self.page_no(), self.y);
                self.y += 2.0;
                let (fs_color, st) = (self.st.muted, self.st);
                let _ = fs_color;
                let prev = self.open(Role::Quote);
                self.blocks(inner, indent + 14.0, section, depth);
                self.close(prev);
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
                                w: 2.5,
                                h: y2 - y1,
                                color: st.brand.tint(0.55),
                            },
                            Mark::Furniture,
                        );
                    }
                }
                self.y += para_space * 0.5;
            }
            Block::Code { text, .. } => {
                let size = self.fs * 0.85;
                let lead = size * 1.35;
                let mut spans = Vec::new();
                for (i, line) in text.trim_end_matches('\n').split('\n').enumerate() {
                    if i > 0 {
                        spans.push(Span::new("\n", Face::Regular, size, self.st.text));
                    }
                    // Spaces in code are kept as they are (no-break spaces are never collapsed).
                    let kept = line.replace('\t', "    ").replace(' ', "\u{a0}");
                    spans.push(
                        Span::new(kept, Face::Regular, size, Rgb(0.2, 0.24, 0.28)).no_hyphens(),
                    );
                }
                let (spans, lines) = self.lines(&spans, measure - 12.0, false);
                let bg = Rgb(0.955, 0.96, 0.965);
                let prev = self.open(Role::Code);
                for l in &lines {
                    if self.room() < lead {
                        self.new_page();
                    }
                    let (px, py) = (self.x0() + indent, self.y);
                    self.page().push(
                        Item::Rect {
                            x: px,
                            y: py,
                            w: measure,
                            h: lead,
                            color: bg,
                        },
                        Mark::Furniture,
                    );
                    let b = Self::baseline(self.y, lead, size);
                    emit_line(self.page(), &spans, l, px + 6.0, b, 0.0, &Mark::Code);
                    self.y += lead;
                    self.at_top = false;
                }
                self.close(prev);
                self.y += para_space;
            }
            Block::Table { align, head, rows } => {
                let size = self.st.file.tables.size_pt;
                let base = Span::new("", Face::Regular, size, self.st.text);
                let hbase = Span::new("", Face::Bold, size, self.st.text);
                let cell = |l: &Self, inl: &[Inline], b: &Span, i: usize| {
                    let mut spans = Vec::new();
                    l.spans(inl, b, &mut spans);
                    Cell {
                        spans,
                        align: align.get(i).copied().unwrap_or(Align::None),
                        status: None,
                    }
                };
                let spec = TableSpec {
                    head: head
                        .iter()
                        .enumerate()
                        .map(|(i, c)| cell(self, c, &hbase, i))
                        .collect(),
                    rows: rows
                        .iter()
                        .map(|r| {
                            r.iter()
                                .enumerate()
                                .map(|(i, c)| cell(self, c, &base, i))
                                .collect()
                        })
                        .collect(),
                    full: false,
                    first_min: 0.0,
                };
                self.space(4.0);
                self.table(&spec, indent);
                self.y += para_space + 4.0;
            }
            Block::Rule => {
                self.space(6.0);
                self.need(12.0);
                let x = self.x0() + indent;
                let y = self.y + 4.0;
                let c = self.st.rule;
                self.page().push(
                    Item::Rule {
                        x1: x,
                        y1: y,
                        x2: x + measure,
                        y2: y,
                        width: 0.6,
                        color: c,
                    },
                    Mark::Furniture,
                );
                self.y += 14.0;
            }
            Block::Html(h) => {
                let text = if self.plan.meta.allow_html {
                    strip_tags(h)
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
                    let (spans, lines) = self.lines(&spans, measure, true);
                    let x = self.x0() + indent;
                    let (lead, fs) = (self.lead, self.fs);
                    self.place_lines(
                        &spans,
                        &lines,
                        x,
                        measure,
                        lead,
                        fs,
                        &Mark::Paragraph,
                        false,
                    );
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

    fn figure(&mut self, target: &LinkTarget, alt: &str, indent: f32) {
        let measure = self.measure() - indent;
        let mut drawn = false;
        if let LinkTarget::Asset(path) = target {
            let lower = path.to_lowercase();
            if (lower.ends_with(".png") || lower.ends_with(".jpg") || lower.ends_with(".jpeg"))
                && let Ok(bytes) = std::fs::read(self.plan.root.join(path))
                && let Some((iw, ih)) = image_size(&bytes)
            {
                let mut w = measure.min(iw as f32 * 0.75);
                let mut h = w * ih as f32 / iw as f32;
                let max_h = (self.limit() - self.st.top) * 0.6;
                if h > max_h {
                    h = max_h;
                    w = h * iw as f32 / ih as f32;
                }
                self.need(h + 20.0);
                self.doc.images.push(super::display::Image {
                    bytes,
                    source: path.clone(),
                });
                let index = self.doc.images.len() - 1;
                let (x, y) = (self.x0() + indent, self.y);
                let prev = self.open(Role::Figure {
                    alt: figure_alt(alt, path, self.label("pdf_figure")),
                });
                self.page().push(
                    Item::Image { index, x, y, w, h },
                    Mark::Figure {
                        alt: alt.to_string(),
                    },
                );
                self.close(prev);
                self.y += h + 4.0;
                self.at_top = false;
                drawn = true;
            }
        }
        // The caption (or, for an image we cannot draw, the text in its place).
        let text = if drawn {
            alt.to_string()
        } else {
            format!("{} {alt}", self.label("pdf_figure"))
        };
        let spans = vec![Span::new(text, Face::Italic, 8.5, self.st.muted)];
        let (spans, lines) = self.lines(&spans, measure, true);
        let mark = if drawn {
            Mark::Caption
        } else {
            let path = match target {
                LinkTarget::Asset(p) => p.as_str(),
                _ => "",
            };
            Mark::Figure {
                alt: figure_alt(alt, path, self.label("pdf_figure")),
            }
        };
        if !drawn {
            // A framed box standing for the figure.
            let h = lines.len() as f32 * 11.5 + 12.0;
            self.need(h);
            let x = self.x0() + indent;
            let (px, py) = (x, self.y);
            let c = self.st.brand.tint(0.92);
            self.page().push(
                Item::Rect {
                    x: px,
                    y: py,
                    w: measure,
                    h,
                    color: c,
                },
                Mark::Furniture,
            );
            self.y += 6.0;
            self.place_lines(
                &spans,
                &lines,
                x + 8.0,
                measure - 16.0,
                11.5,
                8.5,
                &mark,
                false,
            );
            self.y += 6.0;
        } else {
            let x = self.x0() + indent;
            self.place_lines(&spans, &lines, x, measure, 11.5, 8.5, &mark, false);
        }
    }

    // ----- tables --------------------------------------------------------------

    fn table(&mut self, spec: &TableSpec, indent: f32) {
        let ts = &self.st.file.tables;
        let (lead, size, pad) = (ts.leading_pt, ts.size_pt, ts.cell_pad_pt);
        let ncols = spec
            .head
            .len()
            .max(spec.rows.iter().map(Vec::len).max().unwrap_or(0));
        if ncols == 0 {
            return;
        }
        let avail = self.measure() - indent;
        let status_w = size * 1.4;
        // Column widths from content.
        let mut minw = vec![24.0f32; ncols];
        let mut maxw = vec![24.0f32; ncols];
        let all_rows = std::iter::once(&spec.head).chain(spec.rows.iter());
        for row in all_rows {
            for (i, c) in row.iter().enumerate() {
                let extra = if c.status.is_some() { status_w } else { 0.0 };
                let mut full = 0.0f32;
                let mut line = 0.0f32;
                for s in &c.spans {
                    for (k, part) in s.text.split('\n').enumerate() {
                        if k > 0 {
                            full = full.max(line);
                            line = 0.0;
                        }
                        line += self.fonts.width(s.face, s.size, part);
                        for word in part.split(' ') {
                            let w = self.fonts.width(s.face, s.size, word);
                            minw[i] = minw[i].max(w.min(avail * 0.3) + 2.0 * pad + extra);
                        }
                    }
                }
                full = full.max(line);
                maxw[i] = maxw[i].max(full + 2.0 * pad + extra + 1.0);
            }
        }
        if spec.first_min > 0.0 {
            minw[0] = minw[0].max(avail * spec.first_min);
            maxw[0] = maxw[0].max(minw[0]);
        }
        let sum_max: f32 = maxw.iter().sum();
        let sum_min: f32 = minw.iter().sum();
        let widths: Vec<f32> = if sum_max <= avail {
            if spec.full {
                let extra = (avail - sum_max) / ncols as f32;
                maxw.iter().map(|w| w + extra).collect()
            } else {
                maxw.clone()
            }
        } else if sum_min <= avail {
            let spare = avail - sum_min;
            let give: f32 = maxw
                .iter()
                .zip(&minw)
                .map(|(a, b)| a - b)
                .sum::<f32>()
                .max(0.001);
            maxw.iter()
                .zip(&minw)
                .map(|(a, b)| b + spare * (a - b) / give)
                .collect()
        } else {
            minw.iter().map(|w| w * avail / sum_min).collect()
        };
        let total_w: f32 = widths.iter().sum();
        // Cells broken into lines.
        let layout_row = |l: &mut Self, row: &[Cell]| -> Vec<(Vec<Span>, Vec<Line>)> {
            (0..ncols)
                .map(|i| match row.get(i) {
                    Some(c) => {
                        let extra = if c.status.is_some() { status_w } else { 0.0 };
                        l.lines(&c.spans, widths[i] - 2.0 * pad - extra, true)
                    }
                    None => (Vec::new(), Vec::new()),
                })
                .collect()
        };
        let head = layout_row(self, &spec.head);
        let head_h = head.iter().map(|(_, l)| l.len()).max().unwrap_or(1) as f32 * lead + 2.0 * pad;
        let rows: Vec<Vec<(Vec<Span>, Vec<Line>)>> =
            spec.rows.iter().map(|r| layout_row(self, r)).collect();
        let row_h = |r: &Vec<(Vec<Span>, Vec<Line>)>| {
            r.iter().map(|(_, l)| l.len()).max().unwrap_or(1).max(1) as f32 * lead + 2.0 * pad
        };
        let first_h = rows.first().map_or(0.0, row_h);
        let page_room = self.limit() - self.st.top;
        self.need(head_h + first_h.min(page_room * 0.5));
        let table_prev = self.open(Role::Table);
        let head_prev = self.open(Role::TableHead);
        let row_prev = self.open(Role::TableRow);
        self.cell_elems = (0..ncols)
            .map(|_| self.new_elem(Role::TableHeaderCell))
            .collect();
        self.draw_row(
            spec, &spec.head, &head, &widths, indent, head_h, 0, None, true, total_w,
        );
        self.close(row_prev);
        self.close(head_prev);
        let body_prev = self.open(Role::TableBody);
        for (k, row) in rows.iter().enumerate() {
            let h = row_h(row);
            let row_prev = self.open(Role::TableRow);
            self.cell_elems = (0..ncols).map(|_| self.new_elem(Role::TableCell)).collect();
            self.table_row(
                spec, k, row, &head, &widths, indent, h, head_h, page_room, total_w,
            );
            self.close(row_prev);
        }
        self.cell_elems.clear();
        self.close(body_prev);
        self.close(table_prev);
        // A closing rule under the table.
        let (x, y) = (self.x0() + indent, self.y);
        let c = self.st.brand.tint(0.3);
        self.page().push(
            Item::Rule {
                x1: x,
                y1: y,
                x2: x + total_w,
                y2: y,
                width: 0.8,
                color: c,
            },
            Mark::Furniture,
        );
    }

    /// Draws one body row, across pages when it must, with the header
    /// repeated on each new page.
    #[allow(clippy::too_many_arguments)]
    fn table_row(
        &mut self,
        spec: &TableSpec,
        k: usize,
        row: &[(Vec<Span>, Vec<Line>)],
        head: &[(Vec<Span>, Vec<Line>)],
        widths: &[f32],
        indent: f32,
        h: f32,
        head_h: f32,
        page_room: f32,
        total_w: f32,
    ) {
        let ts = &self.st.file.tables;
        let (lead, pad) = (ts.leading_pt, ts.cell_pad_pt);
        {
            if self.room() < h {
                if h <= page_room - head_h {
                    self.new_page();
                    self.repeat_header = true;
                    self.draw_row(
                        spec, &spec.head, head, widths, indent, head_h, 0, None, true, total_w,
                    );
                    self.repeat_header = false;
                } else {
                    // Taller than a page: split it by lines.
                    let mut from = 0usize;
                    let max_lines = row.iter().map(|(_, l)| l.len()).max().unwrap_or(0);
                    while from < max_lines {
                        let mut fit = ((self.room() - 2.0 * pad) / lead).floor() as isize;
                        if fit < 2 {
                            self.new_page();
                            self.repeat_header = true;
                            self.draw_row(
                                spec, &spec.head, head, widths, indent, head_h, 0, None, true,
                                total_w,
                            );
                            self.repeat_header = false;
                            fit = ((self.room() - 2.0 * pad) / lead).floor() as isize;
                        }
                        let to = (from + fit.max(1) as usize).min(max_lines);
                        let part_h = (to - from) as f32 * lead + 2.0 * pad;
                        self.draw_row(
                            spec,
                            &spec.rows[k],
                            row,
                            widths,
                            indent,
                            part_h,
                            from,
                            Some(to),
                            false,
                            total_w,
                        );
                        from = to;
                    }
                    return;
                }
            }
            self.draw_row(
                spec,
                &spec.rows[k],
                row,
                widths,
                indent,
                h,
                0,
                None,
                false,
                total_w,
            );
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn draw_row(
        &mut self,
        _spec: &TableSpec,
        cells: &[Cell],
        laid: &[(Vec<Span>, Vec<Line>)],
        widths: &[f32],
        indent: f32,
        h: f32,
        from: usize,
        to: Option<usize>,
        header: bool,
        total_w: f32,
    ) {
        let ts = &self.st.file.tables;
        let (lead, size, pad) = (ts.leading_pt, ts.size_pt, ts.cell_pad_pt);
        let x0 = self.x0() + indent;
        let top = self.y;
        if header {
            let tint = self.st.header_tint;
            self.page().push(
                Item::Rect {
                    x: x0,
                    y: top,
                    w: total_w,
                    h,
                    color: tint,
                },
                Mark::Furniture,
            );
            let c = self.st.brand.tint(0.3);
            self.page().push(
                Item::Rule {
                    x1: x0,
                    y1: top,
                    x2: x0 + total_w,
                    y2: top,
                    width: 0.8,
                    color: c,
                },
                Mark::Furniture,
            );
        }
        let mark = if header && self.repeat_header {
            // The header again on a later page: drawn, but not content twice.
            Mark::Furniture
        } else if header {
            Mark::TableHeaderCell
        } else {
            Mark::TableCell
        };
        let mut x = x0;
        for (i, (spans, lines)) in laid.iter().enumerate() {
            let w = widths[i];
            let cell = cells.get(i);
            let align = cell.map_or(Align::None, |c| c.align);
            let status = cell.and_then(|c| c.status);
            let status_w = if status.is_some() { size * 1.4 } else { 0.0 };
            let end = to.unwrap_or(lines.len()).min(lines.len());
            for (n, line) in lines.iter().enumerate().take(end).skip(from) {
                let ly = top + pad + (n - from) as f32 * lead;
                let b = Self::baseline(ly, lead, size);
                let lx = match align {
                    Align::Right => x + w - pad - line.width,
                    Align::Center => x + (w - line.width) / 2.0,
                    _ => x + pad + status_w,
                };
                if n == from
                    && let Some(s) = status
                {
                    let sx = if align == Align::Right {
                        lx - status_w
                    } else {
                        x + pad
                    };
                    self.status_symbol(s, sx + size * 0.5, b - size * 0.33, size * 0.48);
                }
                let prev = self.cur;
                if let Some(e) = self.cell_elems.get(i) {
                    self.cur = *e;
                }
                emit_line(self.page(), spans, line, lx, b, 0.0, &mark);
                self.cur = prev;
            }
            x += w;
        }
        self.y += h;
        if !header {
            let c = self.st.rule;
            let y = self.y;
            self.page().push(
                Item::Rule {
                    x1: x0,
                    y1: y,
                    x2: x0 + total_w,
                    y2: y,
                    width: 0.35,
                    color: c,
                },
                Mark::Furniture,
            );
        }
        self.at_top = false;
    }

    /// A status symbol in a circle centred at (`cx`, `cy`) of radius `r`:
    /// a tick, an arrow, a cross or a dash, readable without colour.
    fn status_symbol(&mut self, s: Status, cx: f32, cy: f32, r: f32) {
        let color = self.st.status[status_index(s)];
        let mut segs = circle(cx, cy, r);
        let _ = &mut segs;
        self.page().push(
            Item::Path {
                segments: circle(cx, cy, r),
                closed: true,
                stroke: None,
                fill: Some(color),
            },
            Mark::Furniture,
        );
        let k = r * 0.55;
        let white = Some((Rgb::WHITE, r * 0.28));
        let path: Vec<Seg> = match s {
            Status::Achieved => vec![
                Seg::Move(cx - k, cy),
                Seg::Line(cx - k * 0.25, cy + k * 0.75),
                Seg::Line(cx + k, cy - k * 0.7),
            ],
            Status::OnTrack => vec![
                Seg::Move(cx - k * 0.8, cy + k * 0.8),
                Seg::Line(cx + k * 0.7, cy - k * 0.7),
                Seg::Move(cx - k * 0.1, cy - k * 0.75),
                Seg::Line(cx + k * 0.75, cy - k * 0.75),
                Seg::Line(cx + k * 0.75, cy + k * 0.1),
            ],
            Status::OffTrack => vec![
                Seg::Move(cx - k * 0.7, cy - k * 0.7),
                Seg::Line(cx + k * 0.7, cy + k * 0.7),
                Seg::Move(cx - k * 0.7, cy + k * 0.7),
                Seg::Line(cx + k * 0.7, cy - k * 0.7),
            ],
            Status::NotMeasured => vec![Seg::Move(cx - k * 0.75, cy), Seg::Line(cx + k * 0.75, cy)],
        };
        self.page().push(
            Item::Path {
                segments: path,
                closed: false,
                stroke: white,
                fill: None,
            },
            Mark::Furniture,
        );
    }

    // ----- goals ---------------------------------------------------------------

    fn goal(&mut self, g: &Goal) {
        let st = self.st;
        let lang = self.plan.meta.language;
        let measure = self.measure();
        self.space(14.0);
        // Keep the goal's heading, description and facts with its table's first rows.
        let est = {
            let sw = self
                .fonts
                .width(Face::Bold, 8.5, &self.theme.status_word(g.status, lang))
                + 14.0;
            let t = vec![Span::new(
                format!("{}  {}", g.id, g.title),
                Face::Bold,
                12.0,
                st.text,
            )];
            let n = self.breaker(false).lines(&t, measure - sw - 12.0).len();
            let d = g.description.as_ref().map_or(0, |d| {
                self.breaker(true)
                    .lines(
                        &[Span::new(d.clone(), Face::Regular, 9.5, st.text)],
                        measure,
                    )
                    .len()
            });
            n as f32 * 15.5 + d as f32 * 13.0 + 2.0 * 12.0 + 20.0
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
                title: format!("{}  {}", g.id, g.title),
                depth: self.depth + 1,
                page,
                y: top,
            });
        }
        self.page().push(
            Item::Rect {
                x,
                y: top,
                w: measure,
                h: 1.6,
                color: st.brand,
            },
            Mark::Furniture,
        );
        self.y += 7.0;
        // Status at the right of the title.
        let word = self.theme.status_word(g.status, lang).to_string();
        let sw = self.fonts.width(Face::Bold, 8.5, &word) + 14.0;
        let title = vec![
            Span::new(format!("{}  ", g.id), Face::Bold, 12.0, st.heading).no_hyphens(),
            Span::new(g.title.clone(), Face::Bold, 12.0, st.text).no_hyphens(),
        ];
        let (title, lines) = self.lines(&title, measure - sw - 12.0, false);
        let sy = Self::baseline(self.y, 15.5, 12.0);
        let sx = x + measure - sw;
        self.status_symbol(g.status, sx + 5.0, sy - 3.0, 4.6);
        let sspan = vec![Span::new(
            word,
            Face::Bold,
            8.5,
            st.status[status_index(g.status)],
        )];
        let sl = self.breaker(false).lines(&sspan, 200.0);
        let prev = self.open(Role::Paragraph);
        emit_line(
            self.page(),
            &sspan,
            &sl[0],
            sx + 13.0,
            sy,
            0.0,
            &Mark::Paragraph,
        );
        self.close(prev);
        self.place_lines(
            &title,
            &lines,
            x,
            measure,
            15.5,
            12.0,
            &Mark::Heading(4),
            false,
        );
        self.y += 2.0;
        if let Some(d) = &g.description {
            let s = vec![Span::new(d.clone(), Face::Regular, 9.5, st.text)];
            let (s, lines) = self.lines(&s, measure, true);
            self.place_lines(&s, &lines, x, measure, 13.0, 9.5, &Mark::Paragraph, false);
            self.y += 3.0;
        }
        // Facts: deadline, owner, national goals, tracks.
        let mut facts: Vec<(String, String)> = Vec::new();
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
        if !facts.is_empty() {
            let mut spans = Vec::new();
            for (k, (label, value)) in facts.iter().enumerate() {
                if k > 0 {
                    spans.push(Span::new("  ·  ", Face::Regular, 8.5, st.muted.tint(0.3)));
                }
                spans.push(Span::new(format!("{label}: "), Face::Bold, 8.5, st.muted).no_hyphens());
                spans.push(
                    Span::new(
                        value.replace(' ', "\u{a0}").replace(",\u{a0}", ", "),
                        Face::Regular,
                        8.5,
                        st.muted,
                    )
                    .no_hyphens(),
                );
            }
            // Keep each value together: non-breaking spaces are turned back into spaces when drawn.
            let (spans, lines) = self.lines(&nbsp_words(&spans), measure, false);
            self.place_lines(
                &spans,
                &lines,
                x,
                measure,
                12.0,
                8.5,
                &Mark::Paragraph,
                false,
            );
            self.y += 5.0;
        }
        if !g.indicators.is_empty() {
            self.goal_table(g);
            self.y += 6.0;
        }
        if !g.initiatives.is_empty() {
            let rest = vec![Span::new(
                g.initiatives.join(" · "),
                Face::Regular,
                9.0,
                st.text,
            )];
            self.labelled_line("initiatives", rest);
        }
        if !g.links.is_empty() {
            let mut rest = Vec::new();
            for (k, l) in g.links.iter().enumerate() {
                if k > 0 {
                    rest.push(Span::new(" · ", Face::Regular, 9.0, st.text));
                }
                let mut s = Span::new(l.title.clone(), Face::Regular, 9.0, st.brand);
                s.link = Some(LinkTo::Uri(l.url.clone()));
                rest.push(s);
            }
            self.labelled_line("links", rest);
        }
        self.charts(g);
    }

    /// A small paragraph under a goal: a bold label (`Indsatser:`) and `rest`.
    fn labelled_line(&mut self, label_key: &str, rest: Vec<Span>) {
        let st = self.st;
        let measure = self.measure();
        let mut spans = vec![Span::new(
            format!("{}: ", self.label(label_key)),
            Face::Bold,
            9.0,
            st.text,
        )];
        spans.extend(rest);
        let (spans, lines) = self.lines(&spans, measure, true);
        self.place_lines(
            &spans,
            &lines,
            self.x0(),
            measure,
            12.5,
            9.0,
            &Mark::Paragraph,
            false,
        );
        self.y += 4.0;
    }

    fn goal_table(&mut self, g: &Goal) {
        let st = self.st;
        let lang = self.plan.meta.language;
        let size = st.file.tables.size_pt;
        let mut years: Vec<i32> = g.indicators.iter().flat_map(|i| i.years()).collect();
        years.sort_unstable();
        years.dedup();
        // What each year column holds: baseline, actual or target (or mixed).
        let col_kind: Vec<Option<&'static str>> = years
            .iter()
            .map(|&y| {
                let per: Vec<Vec<(&str, &Value)>> = g
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
            let kind = col_kind[k]
                .map(|kk| self.label(kk).to_string())
                .unwrap_or_default();
            if !kind.is_empty() {
                spans.push(
                    Span::new(format!("\n{kind}"), Face::Regular, size * 0.9, st.muted)
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
                    size * 0.88,
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
                for (n, (kind, v)) in kinds_of(ind, y).into_iter().enumerate() {
                    let text = locale::value(v, ind.unit, lang);
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
                    spans.push(Span::new(format!("{nl}{text}"), face, size, color));
                    if col_kind[k].is_none() {
                        spans.push(Span::new(
                            format!("\n{}", self.label(kind)),
                            Face::Regular,
                            size * 0.85,
                            st.muted,
                        ));
                    }
                }
                if spans.is_empty() {
                    spans.push(Span::new("", Face::Regular, size, st.muted));
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
                        self.theme
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
        let spec = TableSpec {
            head,
            rows,
            full: true,
            first_min: 0.3,
        };
        self.table(&spec, 0.0);
    }

    fn charts(&mut self, g: &Goal) {
        let words = Words {
            baseline: self.label("baseline"),
            actual: self.label("actual"),
            target: self.label("target"),
            not_measured: self.label("not_measured"),
        };
        let charts: Vec<Chart> = g
            .indicators
            .iter()
            .filter_map(|i| Chart::of(i, self.plan.meta.language, &words))
            .collect();
        if charts.is_empty() {
            return;
        }
        let cs = &self.st.file.charts;
        let gap = 8.0 * MM;
        let measure = self.measure();
        let per_row = (((measure + gap) / (cs.width_mm * MM + gap)).floor() as usize).max(1);
        let cw = (measure - gap * (per_row as f32 - 1.0)) / per_row as f32;
        let ch = cs.height_mm * MM;
        self.space(6.0);
        for row in charts.chunks(per_row) {
            self.need(ch + 4.0);
            let top = self.y;
            for (k, c) in row.iter().enumerate() {
                let x = self.x0() + k as f32 * (cw + gap);
                let prev = self.open(Role::Figure {
                    alt: format!("{}. {}", c.title, c.description),
                });
                self.chart(c, x, top, cw, ch);
                self.close(prev);
            }
            self.y = top + ch + 10.0;
            self.at_top = false;
        }
    }

    /// Draws a chart in the box at (`x`, `y`) of `w` × `h`.
    fn chart(&mut self, c: &Chart, x: f32, y: f32, w: f32, h: f32) {
        let st = self.st;
        let mark = Mark::Figure {
            alt: format!("{}. {}", c.title, c.description),
        };
        let small = 6.8;
        // Title.
        let title = vec![Span::new(c.title.clone(), Face::Bold, 8.0, st.text).no_hyphens()];
        let (title, tl) = self.lines(&title, w, false);
        let mut ty = y;
        for l in tl.iter().take(2) {
            emit_line(self.page(), &title, l, x, ty + 8.0, 0.0, &mark);
            ty += 10.0;
        }
        let legend_h = 12.0;
        let label_w = c
            .y_ticks
            .iter()
            .map(|t| self.fonts.width(Face::Regular, small, &t.label))
            .fold(0.0, f32::max);
        let px = x + label_w + 5.0;
        let pw = w - (px - x) - 30.0;
        let py = ty + 14.0; // plot top, with room for value labels
        let ph = y + h - legend_h - 12.0 - py; // plot height
        if ph < 20.0 || pw < 40.0 {
            return;
        }
        let to_x = |u: f64| px + 8.0 + (u as f32) * (pw - 16.0);
        let to_y = |v: f64| py + ph - (v as f32) * ph;
        let grid = st.grid;
        // Grid and y labels.
        for t in &c.y_ticks {
            let yy = to_y(t.at);
            self.page().push(
                Item::Rule {
                    x1: px,
                    y1: yy,
                    x2: px + pw,
                    y2: yy,
                    width: 0.4,
                    color: grid,
                },
                mark.clone(),
            );
            let tw = self.fonts.width(Face::Regular, small, &t.label);
            self.page().push(
                Item::Text {
                    x: px - 4.0 - tw,
                    y: yy + small * 0.35,
                    face: Face::Regular,
                    size: small,
                    color: st.muted,
                    text: t.label.clone(),
                    space_extra: 0.0,
                },
                mark.clone(),
            );
        }
        // x axis and labels.
        let axis_y = py + ph;
        self.page().push(
            Item::Rule {
                x1: px,
                y1: axis_y,
                x2: px + pw,
                y2: axis_y,
                width: 0.7,
                color: st.muted,
            },
            mark.clone(),
        );
        for t in &c.x_ticks {
            let xx = to_x(t.at);
            let tw = self.fonts.width(Face::Regular, small, &t.label);
            self.page().push(
                Item::Rule {
                    x1: xx,
                    y1: axis_y,
                    x2: xx,
                    y2: axis_y + 2.5,
                    width: 0.5,
                    color: st.muted,
                },
                mark.clone(),
            );
            self.page().push(
                Item::Text {
                    x: xx - tw / 2.0,
                    y: axis_y + 10.0,
                    face: Face::Regular,
                    size: small,
                    color: st.muted,
                    text: t.label.clone(),
                    space_extra: 0.0,
                },
                mark.clone(),
            );
        }
        let mut placed: Vec<(f32, f32, f32, f32)> = Vec::new();
        // Points are obstacles for the value labels.
        for srs in &c.series {
            for p in &srs.points {
                let (xx, yy) = (to_x(p.x), to_y(p.y));
                placed.push((xx - 3.0, yy + 3.0, 6.0, 6.0));
            }
        }
        let mut label = |l: &mut Self, text: &str, cx: f32, cy: f32, color: Rgb, above: bool| {
            let tw = l.fonts.width(Face::Bold, small, text);
            let centred = (cx - tw / 2.0).min(x + w - tw).max(px);
            let clash = |lx: f32, ly: f32, placed: &Vec<(f32, f32, f32, f32)>| {
                placed.iter().any(|&(ax, ay, aw, ah)| {
                    lx < ax + aw && ax < lx + tw && ly - small < ay && ay - ah < ly
                })
            };
            let up = (centred, cy - 5.0);
            let down = (centred, cy + 4.0 + small);
            let right = ((cx + 5.0).min(x + w - tw), cy + small * 0.35);
            let left = ((cx - 5.0 - tw).max(px), cy + small * 0.35);
            let up2 = (centred, cy - 7.0 - small);
            let up_right = ((cx + 4.0).min(x + w - tw), cy - 4.0);
            let candidates = if above {
                [up, up_right, right, left, up2, down]
            } else {
                [down, right, left, up, up_right, up2]
            };
            let (lx, ly) = candidates
                .iter()
                .copied()
                .find(|&(lx, ly)| !clash(lx, ly, &placed))
                .unwrap_or(candidates[0]);
            placed.push((lx, ly, tw, small));
            l.page().push(
                Item::Text {
                    x: lx,
                    y: ly,
                    face: Face::Bold,
                    size: small,
                    color,
                    text: text.to_string(),
                    space_extra: 0.0,
                },
                mark.clone(),
            );
        };
        let mut last_actual: Option<(f32, f32)> = None;
        for s in &c.series {
            match s.kind {
                SeriesKind::Actual => {
                    let mut segs = Vec::new();
                    for (k, p) in s.points.iter().enumerate() {
                        let (xx, yy) = (to_x(p.x), to_y(p.y));
                        segs.push(if k == 0 {
                            Seg::Move(xx, yy)
                        } else {
                            Seg::Line(xx, yy)
                        });
                    }
                    self.page().push(
                        Item::Path {
                            segments: segs,
                            closed: false,
                            stroke: Some((st.chart, 1.6)),
                            fill: None,
                        },
                        mark.clone(),
                    );
                    for p in &s.points {
                        let (xx, yy) = (to_x(p.x), to_y(p.y));
                        self.page().push(
                            Item::Path {
                                segments: circle(xx, yy, 2.2),
                                closed: true,
                                stroke: Some((Rgb::WHITE, 0.6)),
                                fill: Some(st.chart),
                            },
                            mark.clone(),
                        );
                    }
                    if let Some(p) = s.points.last() {
                        let (xx, yy) = (to_x(p.x), to_y(p.y));
                        last_actual = Some((xx, yy));
                        label(self, &p.label, xx, yy, st.chart, true);
                    }
                }
                SeriesKind::Baseline => {
                    for p in &s.points {
                        let (xx, yy) = (to_x(p.x), to_y(p.y));
                        self.page().push(
                            Item::Path {
                                segments: circle(xx, yy, 2.4),
                                closed: true,
                                stroke: Some((st.muted, 1.0)),
                                fill: Some(Rgb::WHITE),
                            },
                            mark.clone(),
                        );
                        label(self, &p.label, xx, yy, st.muted, true);
                    }
                }
                SeriesKind::Target => {
                    if let (Some((ax, ay)), Some(p)) = (last_actual, s.points.first()) {
                        let (xx, yy) = (to_x(p.x), to_y(p.y));
                        self.page().push(
                            Item::Path {
                                segments: dashed(ax, ay, xx, yy, 2.5),
                                closed: false,
                                stroke: Some((st.accent, 0.8)),
                                fill: None,
                            },
                            mark.clone(),
                        );
                    }
                    for p in &s.points {
                        let (xx, yy) = (to_x(p.x), to_y(p.y));
                        self.page()
                            .push(diamond(xx, yy, 3.2, st.accent), mark.clone());
                        label(self, &p.label, xx, yy, st.accent, true);
                    }
                }
            }
        }
        // Legend.
        let ly = y + h - 4.0;
        let mut lx = px;
        let entries = [
            (SeriesKind::Baseline, self.label("baseline")),
            (SeriesKind::Actual, self.label("actual")),
            (SeriesKind::Target, self.label("target")),
        ];
        for (kind, text) in entries {
            if !c.series.iter().any(|s| s.kind == kind) {
                continue;
            }
            let cy = ly - small * 0.35;
            match kind {
                SeriesKind::Baseline => self.page().push(
                    Item::Path {
                        segments: circle(lx + 3.0, cy, 2.2),
                        closed: true,
                        stroke: Some((st.muted, 1.0)),
                        fill: Some(Rgb::WHITE),
                    },
                    mark.clone(),
                ),
                SeriesKind::Actual => {
                    self.page().push(
                        Item::Rule {
                            x1: lx - 1.0,
                            y1: cy,
                            x2: lx + 9.0,
                            y2: cy,
                            width: 1.6,
                            color: st.chart,
                        },
                        mark.clone(),
                    );
                    self.page().push(
                        Item::Path {
                            segments: circle(lx + 4.0, cy, 2.0),
                            closed: true,
                            stroke: None,
                            fill: Some(st.chart),
                        },
                        mark.clone(),
                    );
                }
                SeriesKind::Target => {
                    self.page()
                        .push(diamond(lx + 3.0, cy, 3.0, st.accent), mark.clone());
                }
            }
            let tx = lx + 12.0;
            let tw = self.fonts.width(Face::Regular, small, text);
            self.page().push(
                Item::Text {
                    x: tx,
                    y: ly,
                    face: Face::Regular,
                    size: small,
                    color: st.muted,
                    text: text.to_string(),
                    space_extra: 0.0,
                },
                mark.clone(),
            );
            lx = tx + tw + 10.0;
        }
    }
}

/// A circle as four cubic segments.
pub fn circle(cx: f32, cy: f32, r: f32) -> Vec<Seg> {
    let k = 0.5523 * r;
    vec![
        Seg::Move(cx + r, cy),
        Seg::Cubic(cx + r, cy + k, cx + k, cy + r, cx, cy + r),
        Seg::Cubic(cx - k, cy + r, cx - r, cy + k, cx - r, cy),
        Seg::Cubic(cx - r, cy - k, cx - k, cy - r, cx, cy - r),
        Seg::Cubic(cx + k, cy - r, cx + r, cy - k, cx + r, cy),
    ]
}

/// A dashed line as separate segments.
fn dashed(x1: f32, y1: f32, x2: f32, y2: f32, dash: f32) -> Vec<Seg> {
    let len = ((x2 - x1).powi(2) + (y2 - y1).powi(2)).sqrt();
    if len < 0.1 {
        return Vec::new();
    }
    let n = (len / dash).floor() as usize;
    let mut out = Vec::new();
    let mut k = 0;
    while k < n {
        let t1 = k as f32 * dash / len;
        let t2 = ((k as f32 + 1.0) * dash / len).min(1.0);
        out.push(Seg::Move(x1 + (x2 - x1) * t1, y1 + (y2 - y1) * t1));
        out.push(Seg::Line(x1 + (x2 - x1) * t2, y1 + (y2 - y1) * t2));
        k += 2;
    }
    out
}

/// Replaces spaces inside each span by no-break spaces so a value is not
/// broken across lines; the line breaker treats U+00A0 as part of a word.
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

fn nbsp_words(spans: &[Span]) -> Vec<Span> {
    spans.to_vec()
}

fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Pixel size of a PNG or JPEG.
pub fn image_size(b: &[u8]) -> Option<(u32, u32)> {
    if b.len() > 24 && b.starts_with(b"\x89PNG\r\n\x1a\n") {
        let w = u32::from_be_bytes(b[16..20].try_into().ok()?);
        let h = u32::from_be_bytes(b[20..24].try_into().ok()?);
        return (w > 0 && h > 0).then_some((w, h));
    }
    if b.len() > 4 && b[0] == 0xFF && b[1] == 0xD8 {
        let mut i = 2;
        while i + 9 < b.len() {
            if b[i] != 0xFF {
                i += 1;
                continue;
            }
            let m = b[i + 1];
            let len = u16::from_be_bytes([b[i + 2], b[i + 3]]) as usize;
            if (0xC0..=0xCF).contains(&m) && m != 0xC4 && m != 0xC8 && m != 0xCC {
                let h = u16::from_be_bytes([b[i + 5], b[i + 6]]) as u32;
                let w = u16::from_be_bytes([b[i + 7], b[i + 8]]) as u32;
                return (w > 0 && h > 0).then_some((w, h));
            }
            i += 2 + len;
        }
    }
    None
}

/// What an indicator holds for a year: its baseline, actual and target figures.
fn kinds_of(ind: &crate::model::Indicator, y: i32) -> Vec<(&'static str, &Value)> {
    let mut out = Vec::new();
    if let Some(b) = ind.baseline.as_ref().filter(|b| b.year == y) {
        out.push(("baseline", &b.value));
    }
    if let Some(a) = ind.actuals.iter().find(|v| v.year == y) {
        out.push(("actual", &a.value));
    }
    if let Some(t) = ind.targets.iter().find(|v| v.year == y) {
        out.push(("target", &t.value));
    }
    out
}

/// A target marker: a filled diamond of radius `r` centred on (`x`, `y`).
fn diamond(x: f32, y: f32, r: f32, fill: Rgb) -> Item {
    Item::Path {
        segments: vec![
            Seg::Move(x, y - r),
            Seg::Line(x + r, y),
            Seg::Line(x, y + r),
            Seg::Line(x - r, y),
        ],
        closed: true,
        stroke: None,
        fill: Some(fill),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Language, Meta, Period};

    fn plan(paragraphs: Vec<String>) -> Plan {
        let body = paragraphs
            .into_iter()
            .map(|p| Block::Paragraph(vec![Inline::Text(p)]))
            .collect();
        Plan {
            meta: Meta::new(
                "Testplan 2027",
                "Testby Kommune",
                Period {
                    start: 2027,
                    end: 2027,
                },
            ),
            target_groups: vec![],
            tracks: vec![],
            national_goals: vec![],
            sections: vec![Section {
                slug: "a".into(),
                source: "content/a.md".into(),
                title: "Afsnit".into(),
                target_group: None,
                summary: None,
                goals: vec![],
                body,
                footnotes: vec![],
                children: vec![],
            }],
            root: std::path::PathBuf::from("."),
        }
    }

    /// Paragraphs of 2 to 9 lines never leave a single line alone at the
    /// top or bottom of a page.
    #[test]
    fn no_widows_or_orphans() {
        let sentence =
            "Jobcentret hjælper virksomheder og borgere hver eneste dag i hele kommunen. ";
        let paragraphs: Vec<String> = (0..60).map(|i| sentence.repeat(2 + (i * 7) % 9)).collect();
        let plan = plan(paragraphs);
        let theme = Theme::load(
            std::path::Path::new("/nonexistent"),
            "default",
            Language::Da,
        )
        .unwrap();
        let style = Style::load(&theme, "#00558c").unwrap();
        let fonts = Fonts::load().unwrap();
        let hyph = Hyphenation::for_language(Language::Da);
        let (doc, _) = Layout::new(&plan, &theme, &style, &fonts, &hyph).run();
        let lead = style.file.text.leading_pt;
        let mut checked = 0;
        for (p, page) in doc.pages.iter().enumerate().skip(2) {
            let mut ys: Vec<f32> = page
                .items
                .iter()
                .filter_map(|(item, mark)| match (item, mark) {
                    (Item::Text { y, .. }, Mark::Paragraph) => Some(*y),
                    _ => None,
                })
                .collect();
            ys.sort_by(f32::total_cmp);
            ys.dedup_by(|a, b| (*a - *b).abs() < 0.1);
            // Runs of lines exactly one leading apart belong to one paragraph.
            let mut run = 1;
            for k in 1..=ys.len() {
                if k < ys.len() && (ys[k] - ys[k - 1] - lead).abs() < 0.1 {
                    run += 1;
                } else {
                    assert!(run >= 2, "a single line stands alone on page {}", p + 1);
                    run = 1;
                    checked += 1;
                }
            }
        }
        assert!(
            checked > 20 && doc.pages.len() > 4,
            "too little was laid out"
        );
    }

    /// No page of the example plan ends with a heading or a table's header row.
    #[test]
    fn headings_stay_with_what_follows() {
        // PLANPRESS_TEST_PLAN points the test at another plan (e.g. the benchmark corpus).
        let root_buf = std::env::var_os("PLANPRESS_TEST_PLAN").map_or_else(
            || std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")),
            std::path::PathBuf::from,
        );
        let root = root_buf.as_path();
        let plan = crate::check(root)
            .unwrap()
            .plan
            .expect("the example plan is valid");
        let theme = Theme::load(root, &plan.meta.theme, plan.meta.language).unwrap();
        let style = Style::load(&theme, &plan.meta.brand.primary).unwrap();
        let fonts = Fonts::load().unwrap();
        let hyph = Hyphenation::for_language(plan.meta.language);
        let (doc, missing) = Layout::new(&plan, &theme, &style, &fonts, &hyph).run();
        assert!(missing.is_empty(), "{missing:?}");
        for (p, page) in doc.pages.iter().enumerate().skip(1) {
            let content: Vec<(f32, &Mark)> = page
                .items
                .iter()
                .filter_map(|(item, mark)| match item {
                    Item::Text { y, .. } if !matches!(mark, Mark::Furniture) => Some((*y, mark)),
                    _ => None,
                })
                .collect();
            let Some(bottom) = content.iter().map(|(y, _)| *y).reduce(f32::max) else {
                continue;
            };
            for (y, mark) in &content {
                if (*y - bottom).abs() < 0.5 {
                    assert!(
                        !matches!(mark, Mark::Heading(_) | Mark::TableHeaderCell),
                        "page {} ends with {mark:?}",
                        p + 1
                    );
                }
            }
        }
    }
}

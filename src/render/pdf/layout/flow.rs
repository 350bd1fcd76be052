//! Flow and pagination: the current page and position, starting new
//! pages, keeping lines together, and placing broken lines as text items.

use super::super::display::{Face, Item, Owner, Page, Role};
use super::Layout;
use super::Problem;
use super::text::{Breaker, Line, Span};

/// Moves an item sideways by `dx` points.
pub(super) fn shift_x(item: &mut Item, dx: f32) {
    shift(item, dx, 0.0);
}

/// Moves an item by `dx` and `dy` points.
pub(super) fn shift(item: &mut Item, dx: f32, dy: f32) {
    use super::super::display::Seg;
    match item {
        Item::Text { x, y, .. }
        | Item::Rect { x, y, .. }
        | Item::Link { x, y, .. }
        | Item::Image { x, y, .. } => {
            *x += dx;
            *y += dy;
        }
        Item::Rule { x1, x2, y1, y2, .. } => {
            *x1 += dx;
            *x2 += dx;
            *y1 += dy;
            *y2 += dy;
        }
        Item::Path { segments, .. } => {
            for s in segments {
                match s {
                    Seg::Move(x, y) | Seg::Line(x, y) => {
                        *x += dx;
                        *y += dy;
                    }
                    Seg::Cubic(a, b, c, d, e, f) => {
                        *a += dx;
                        *c += dx;
                        *e += dx;
                        *b += dy;
                        *d += dy;
                        *f += dy;
                    }
                }
            }
        }
    }
}

impl<'a> Layout<'a> {
    // ----- pages -----------------------------------------------------------

    /// The number (1-based) of the current page.
    pub(super) fn page_no(&self) -> usize {
        self.doc.pages.len()
    }

    pub(super) fn page(&mut self) -> &mut Page {
        if self.doc.pages.is_empty() {
            self.doc.pages.push(Page::default());
        }
        self.doc.pages.last_mut().expect("a page")
    }

    /// Places an item on the current page, owned by the current element.
    pub(super) fn push(&mut self, item: Item) {
        let owner = self.owner();
        self.page().push(item, owner);
    }

    /// Places an item on the current page as an artifact.
    pub(super) fn push_artifact(&mut self, item: Item) {
        self.page()
            .push(item, Owner::Artifact(super::Artifact::Layout));
    }

    /// Runs `f` with page `index` (0-based) as the current page, to draw
    /// beside something placed earlier (a status beside its goal's title).
    pub(super) fn on_page<R>(&mut self, index: usize, f: impl FnOnce(&mut Self) -> R) -> R {
        let later = self
            .doc
            .pages
            .split_off((index + 1).min(self.doc.pages.len()));
        let r = f(self);
        self.doc.pages.extend(later);
        r
    }

    pub(super) fn new_page(&mut self) {
        self.doc.pages.push(Page::default());
        self.y = self.st.top;
        self.at_top = true;
        if let Some((id, title, parent)) = self.continued.clone() {
            self.continuation(&id, &title, parent);
        }
    }

    /// A goal's heading again at the top of a page it runs on to, with
    /// "(fortsat)": a paragraph beside the goal's heading in the structure
    /// (`parent`), so a reader hears where the goal goes on. The page still
    /// counts as empty for what comes next, so nothing waits for a page it
    /// cannot get.
    fn continuation(&mut self, id: &str, title: &str, parent: Option<u32>) {
        let gs = &self.st.file.goals;
        let (size, lead) = (gs.continued_pt, gs.continued_pt * 1.35);
        let spans = vec![
            Span::new(format!("{id}  "), Face::Bold, size, self.st.heading).no_hyphens(),
            Span::new(
                format!("{title} ({})", self.label("pdf_continued")),
                Face::Bold,
                size,
                self.st.muted,
            )
            .no_hyphens(),
        ];
        let measure = self.measure();
        let (spans, lines) = self.lines(&spans, measure, false);
        let artifact = self.artifact.take();
        let cur = std::mem::replace(&mut self.cur, parent);
        self.open(Role::Paragraph);
        let x = self.x0();
        for line in &lines {
            let b = Self::baseline(self.y, lead, size);
            self.emit_line(&spans, line, x, b, 0.0);
            self.y += lead;
        }
        self.cur = cur;
        self.artifact = artifact;
        self.y += gs.continued_space_pt;
        self.at_top = true;
    }

    /// Left edge of the text block on the current page.
    pub(super) fn x0(&self) -> f32 {
        self.st.margins(self.page_no().max(1)).0
    }

    pub(super) fn limit(&self) -> f32 {
        self.st.page_h - self.st.bottom
    }

    pub(super) fn room(&self) -> f32 {
        self.limit() - self.y
    }

    /// Starts a new page unless `h` points still fit.
    pub(super) fn need(&mut self, h: f32) {
        if self.room() < h && !self.at_top {
            self.new_page();
        }
    }

    /// Vertical space that disappears at the top of a page.
    pub(super) fn space(&mut self, h: f32) {
        if !self.at_top {
            self.y += h;
        }
    }

    /// The width of the text block, less the room kept at the right (the
    /// padding of a box around the text).
    pub(super) fn measure(&self) -> f32 {
        self.st.measure() - self.inset
    }

    /// The width of running text: the text block, or less where the
    /// theme sets a measure (`text.measure_mm`) for comfortable reading;
    /// tables, goal cards and charts keep the full width.
    pub(super) fn prose_measure(&self) -> f32 {
        let m = self.st.file.text.measure_mm * super::super::style::MM;
        if m > 0.0 {
            m.min(self.st.measure()) - self.inset
        } else {
            self.measure()
        }
    }

    /// The baseline of a line box of height `lead` whose top is at `top`.
    pub(super) fn baseline(top: f32, lead: f32, size: f32) -> f32 {
        top + lead / 2.0 + 0.36 * size
    }

    // ----- text ------------------------------------------------------------

    /// Spans as the font can draw them: soft hyphens and zero-width
    /// characters dropped, characters the face lacks as `?` (reported once
    /// per character and file).
    pub(super) fn check_glyphs(&mut self, spans: &[Span]) -> Vec<Span> {
        // Neighbours in the same style are one span (Markdown splits text at
        // every line of the source): fewer, longer runs to draw.
        let mut out: Vec<Span> = Vec::with_capacity(spans.len());
        for s in spans {
            match out.last_mut() {
                Some(last)
                    if last.face == s.face
                        && last.size == s.size
                        && last.color == s.color
                        && last.rise == s.rise
                        && last.hyphenate == s.hyphenate
                        && last.link == s.link =>
                {
                    last.text.push_str(&s.text);
                }
                _ => out.push(s.clone()),
            }
        }
        for s in &mut out {
            let face = self.fonts.face(s.face);
            let drawable = |c: char| (face.has(c) && !invisible(c)) || c == '\n' || c == ' ';
            if s.text.chars().all(drawable) {
                continue;
            }
            let mut t = String::with_capacity(s.text.len());
            for c in s.text.chars() {
                if invisible(c) {
                    // Not drawn.
                } else if drawable(c) {
                    t.push(c);
                } else if matches!(c, '\u{00a0}' | '\u{202f}' | '\t' | '\r') {
                    t.push(' ');
                } else {
                    if self.missing_seen.insert((c, self.source.clone())) {
                        self.problems.push(Problem::MissingGlyph {
                            ch: c,
                            file: self.source.clone(),
                        });
                    }
                    t.push('?');
                }
            }
            s.text = t;
        }
        out
    }

    pub(super) fn breaker(&self, hyphenate: bool) -> Breaker<'_> {
        Breaker {
            fonts: self.fonts,
            hyph: self.env.hyph,
            hyphenate: hyphenate && self.st.file.text.hyphenate,
            justify: self.st.justify,
        }
    }

    /// `spans` checked against the font and broken into lines `width` wide.
    pub(super) fn lines(
        &mut self,
        spans: &[Span],
        width: f32,
        hyphenate: bool,
    ) -> (Vec<Span>, Vec<Line>) {
        let spans = self.check_glyphs(spans);
        let lines = self.breaker(hyphenate).lines(&spans, width);
        (spans, lines)
    }

    /// Places the lines of a paragraph-like block as one element of
    /// `role`, `lead` apart, at `x` in `width`, splitting across pages
    /// with at least two lines on each side of a break.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn place_lines(
        &mut self,
        role: Option<Role>,
        spans: &[Span],
        lines: &[Line],
        x: f32,
        width: f32,
        lead: f32,
        size: f32,
        justify: bool,
    ) {
        let prev = role.map(|r| self.open(r));
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
                    self.place_line(spans, &lines[i], x, width, lead, size, justify);
                    i += 1;
                } else {
                    self.new_page();
                }
                continue;
            }
            for line in &lines[i..i + take] {
                self.place_line(spans, line, x, width, lead, size, justify);
            }
            i += take;
            if i < n {
                self.new_page();
            }
        }
        if let Some(p) = prev {
            self.close(p);
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
        justify: bool,
    ) {
        let base = Self::baseline(self.y, lead, size);
        let extra = if justify && !line.last && line.spaces > 0 {
            ((width - line.width) / line.spaces as f32).clamp(0.0, size * 0.6)
        } else {
            0.0
        };
        if let Some((mrel, marker, lbl)) = self.pending_marker.take() {
            let mx = self.x0() + mrel;
            let mline = self.breaker(false).lines(&marker, 1000.0);
            if let Some(l) = mline.first() {
                let (prev, prev_artifact) = (self.cur, self.artifact);
                match lbl {
                    Some(_) => self.cur = lbl,
                    None => self.artifact = Some(super::Artifact::Layout),
                }
                self.emit_line(&marker, l, mx, base, 0.0);
                (self.cur, self.artifact) = (prev, prev_artifact);
            }
        }
        self.emit_line(spans, line, x, base, extra);
        self.y += lead;
        self.at_top = false;
    }

    /// Draws a line with its baseline at `y`, starting at `x`. `extra`
    /// widens each interword space (justification). The text of a link
    /// goes into the link's own element, with its clickable area.
    pub(super) fn emit_line(&mut self, spans: &[Span], line: &Line, x: f32, y: f32, extra: f32) {
        let n = line
            .frags
            .iter()
            .rposition(|f| !f.text.trim_end_matches(' ').is_empty())
            .map_or(0, |i| i + 1);
        // The last text item placed on this line.
        let mut last: Option<usize> = None;
        for (k, f) in line.frags.iter().enumerate() {
            let s = &spans[f.span];
            let fx = x + f.x + extra * f.spaces_before as f32;
            if f.text.trim_end_matches(' ').is_empty() {
                // A space of its own (a soft break): not drawn, but kept at
                // the end of the text before it.
                if let Some(i) = last
                    && let Some(Item::Text { text, .. }) = self.page().items.get_mut(i)
                    && !text.ends_with(' ')
                {
                    text.push(' ');
                }
                continue;
            }
            // A line not broken in a word ends with a space (invisible), so text taken
            // from the structure keeps its words apart (ISO 32000 14.8.2.5).
            let mut text = String::with_capacity(f.text.len() + 1);
            text.push_str(&f.text);
            if k + 1 == n && !text.ends_with([' ', '-', '\u{2010}', '\u{2013}', '/']) {
                text.push(' ');
            }
            let link = s.link.as_ref().filter(|_| self.artifact.is_none());
            let prev = self.cur;
            if let Some(link) = link {
                let elem = match self.links.get(&link.id) {
                    Some(&e) => e,
                    None => {
                        let e = self.new_elem(Role::Link);
                        self.links.insert(link.id, e);
                        e
                    }
                };
                self.cur = Some(elem);
            }
            self.push(Item::Text {
                x: fx,
                y: y - s.rise,
                face: s.face,
                size: s.size,
                color: s.color,
                text,
                space_extra: extra,
            });
            last = Some(self.page().items.len() - 1);
            if let Some(link) = link {
                let spaces_in = f.text.matches(' ').count() as f32;
                self.push(Item::Link {
                    x: fx,
                    y: y - s.size * 0.95,
                    w: f.w + extra * spaces_in,
                    h: s.size * 1.25,
                    to: link.to.clone(),
                    alt: link.alt.clone(),
                });
            }
            self.cur = prev;
        }
    }
}

/// Characters that take no room and are not drawn: soft hyphens, zero-width
/// spaces and joiners, the byte order mark.
fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
    )
}

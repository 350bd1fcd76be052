//! From pulldown-cmark's event stream to the model's blocks and inlines,
//! with every position validation asks about.
//!
//! The conversion recurses once per level of nesting, and so does every
//! renderer after it; nesting past [`MAX_MARKDOWN_DEPTH`] is recorded in the
//! outline and left out, so no text can exhaust a stack.

use super::*;
use crate::limits::MAX_MARKDOWN_DEPTH;
use crate::load::lines::LineIndex;
use crate::url::Address;
use pulldown_cmark::{
    Alignment, BlockQuoteKind, CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd,
};
use std::collections::HashMap;
use std::ops::Range;

pub(super) struct Builder<'a, 'r> {
    events: Vec<(Event<'a>, Range<usize>)>,
    at: usize,
    lines: LineIndex<'a>,
    source: &'r str,
    resolver: &'r dyn Resolver,
    outline: Outline,
    footnotes: Vec<Footnote>,
    footnote_numbers: HashMap<String, usize>,
    ids: HashMap<String, usize>,
    /// Open block containers (quotes, lists, footnotes) and open inline
    /// elements (emphasis, links, images) around the current event.
    blocks_open: usize,
    inlines_open: usize,
    in_footnote: bool,
}

fn is_inline(e: &Event) -> bool {
    match e {
        Event::Text(_)
        | Event::Code(_)
        | Event::InlineHtml(_)
        | Event::InlineMath(_)
        | Event::FootnoteReference(_)
        | Event::SoftBreak
        | Event::HardBreak
        | Event::TaskListMarker(_) => true,
        Event::Start(tag) => matches!(
            tag,
            Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Link { .. }
                | Tag::Image { .. }
                | Tag::Superscript
                | Tag::Subscript
        ),
        _ => false,
    }
}

impl<'a, 'r> Builder<'a, 'r> {
    pub(super) fn new(
        text: &'a str,
        first_line: u32,
        source: &'r str,
        resolver: &'r dyn Resolver,
    ) -> Self {
        let options = Options::ENABLE_TABLES
            | Options::ENABLE_FOOTNOTES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_HEADING_ATTRIBUTES
            | Options::ENABLE_GFM;
        Builder {
            events: Parser::new_ext(text, options).into_offset_iter().collect(),
            at: 0,
            lines: LineIndex::new(text, first_line),
            source,
            resolver,
            outline: Outline::default(),
            footnotes: Vec::new(),
            footnote_numbers: HashMap::new(),
            ids: HashMap::new(),
            blocks_open: 0,
            inlines_open: 0,
            in_footnote: false,
        }
    }

    /// The whole body: blocks, then footnotes numbered by first reference.
    pub(super) fn finish(mut self) -> Body {
        let blocks = self.blocks();
        let mut footnotes = std::mem::take(&mut self.footnotes);
        for f in &mut footnotes {
            f.number = self.footnote_number(&f.label);
        }
        footnotes.sort_by_key(|f| f.number);
        Body {
            blocks,
            footnotes,
            outline: self.outline,
        }
    }

    /// Enters one more level of `kind`, or, past the limit, records where
    /// and skips the element whose Start was just read, with all inside it.
    fn enter(&mut self, kind: Nesting, pos: Pos) -> bool {
        let open = match kind {
            Nesting::Blocks => &mut self.blocks_open,
            Nesting::Inlines => &mut self.inlines_open,
        };
        if *open < MAX_MARKDOWN_DEPTH {
            *open += 1;
            return true;
        }
        if !self.outline.too_deep.iter().any(|(k, _)| *k == kind) {
            self.outline.too_deep.push((kind, pos));
        }
        // Iteratively, however deep the rest goes.
        let mut depth = 1usize;
        while let Some((e, _)) = self.events.get(self.at) {
            self.at += 1;
            match e {
                Event::Start(_) => depth += 1,
                Event::End(_) if depth == 1 => break,
                Event::End(_) => depth -= 1,
                _ => {}
            }
        }
        false
    }

    fn leave(&mut self, kind: Nesting) {
        match kind {
            Nesting::Blocks => self.blocks_open -= 1,
            Nesting::Inlines => self.inlines_open -= 1,
        }
    }

    fn next(&mut self) -> Option<(Event<'a>, Range<usize>)> {
        let e = self.events.get(self.at).cloned();
        self.at += 1;
        e
    }

    fn peek(&self) -> Option<&Event<'a>> {
        self.events.get(self.at).map(|(e, _)| e)
    }

    /// Blocks until the End event of the enclosing container (consumed).
    fn blocks(&mut self) -> Vec<Block> {
        let mut out = Vec::new();
        while let Some(event) = self.peek() {
            if is_inline(event) {
                // Tight list items hold inlines without a paragraph.
                let content = self.inlines(false);
                out.push(Block::Paragraph(content));
                continue;
            }
            let Some((event, range)) = self.next() else {
                break;
            };
            match event {
                Event::End(_) => break,
                Event::Start(tag) => self.block(tag, range, &mut out),
                Event::Rule => out.push(Block::Rule),
                Event::Html(html) => {
                    self.raw_html_at(range.start);
                    match out.last_mut() {
                        Some(Block::Html(prev)) => prev.push_str(&html),
                        _ => out.push(Block::Html(html.to_string())),
                    }
                }
                Event::DisplayMath(m) => out.push(Block::Code {
                    lang: Some("math".into()),
                    text: m.to_string(),
                }),
                _ => {}
            }
        }
        out
    }

    fn block(&mut self, tag: Tag<'a>, range: Range<usize>, out: &mut Vec<Block>) {
        let pos = self.lines.pos(range.start);
        let container = !matches!(
            tag,
            Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::CodeBlock(_)
                | Tag::HtmlBlock
                | Tag::Table(_)
        );
        if container && !self.enter(Nesting::Blocks, pos) {
            return;
        }
        self.element(tag, pos, out);
        if container {
            self.leave(Nesting::Blocks);
        }
    }

    fn element(&mut self, tag: Tag<'a>, pos: Pos, out: &mut Vec<Block>) {
        let block = match tag {
            Tag::Paragraph => {
                let content = self.inlines(true);
                self.paragraph(content, pos, out);
                return;
            }
            Tag::Heading { level, id, .. } => {
                let level = heading_level(level);
                self.outline.headings.push((level, pos));
                let content = self.inlines(true);
                let base = match id {
                    Some(id) => id.to_string(),
                    None => slugify(&plain_text(&content)),
                };
                Block::Heading {
                    level,
                    id: self.unique_id(base),
                    content,
                }
            }
            Tag::BlockQuote(kind) => {
                // Where the quote's first words stand: a `[!FAKTA]` there is
                // reported at itself, not at the `>` before it.
                let first_text = self.events[self.at..]
                    .iter()
                    .take(3)
                    .find(|(e, _)| matches!(e, Event::Text(_)))
                    .map_or(pos, |(_, r)| self.lines.pos(r.start));
                let body = self.blocks();
                match kind {
                    Some(kind) => callout(convert_kind(kind), body),
                    None => {
                        if let Some(written) = callout_like(&body) {
                            self.outline.unknown_callouts.push((written, first_text));
                        }
                        quote(body)
                    }
                }
            }
            Tag::CodeBlock(kind) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(l) if !l.is_empty() => Some(l.to_string()),
                    _ => None,
                };
                Block::Code {
                    lang,
                    text: self.raw_text(),
                }
            }
            Tag::HtmlBlock => {
                self.raw_html_at_pos(pos);
                Block::Html(self.raw_text())
            }
            Tag::List(start) => {
                let mut items = Vec::new();
                while let Some((e, _)) = self.next() {
                    match e {
                        Event::Start(Tag::Item) => items.push(self.blocks()),
                        Event::End(_) => break,
                        _ => {}
                    }
                }
                Block::List { start, items }
            }
            Tag::Table(aligns) => {
                let align = aligns.iter().map(|a| convert_align(*a)).collect();
                let mut head = Vec::new();
                let mut rows = Vec::new();
                while let Some((e, _)) = self.next() {
                    match e {
                        Event::Start(Tag::TableHead) => head = self.cells(),
                        Event::Start(Tag::TableRow) => rows.push(self.cells()),
                        Event::End(TagEnd::Table) => break,
                        _ => {}
                    }
                }
                Block::Table {
                    align,
                    head,
                    rows,
                    line: pos.line,
                }
            }
            Tag::FootnoteDefinition(label) => {
                // Goal tables belong in the text, not in a footnote.
                self.in_footnote = true;
                let content = self.blocks();
                self.in_footnote = false;
                self.footnotes.push(Footnote {
                    label: label.to_string(),
                    number: 0,
                    content,
                });
                return;
            }
            _ => {
                // Containers we do not model (definition lists and the like):
                // keep what is inside so nothing an author wrote is lost.
                out.extend(self.blocks());
                return;
            }
        };
        out.push(block);
    }

    /// A paragraph, split where a line of it is a goal marker: markers
    /// stand alone on their line, with or without blank lines around them.
    fn paragraph(&mut self, content: Vec<Inline>, pos: Pos, out: &mut Vec<Block>) {
        let mut para: Vec<Inline> = Vec::new();
        let mut line: Vec<Inline> = Vec::new();
        let mut line_no = 0;
        // A trailing break closes the last line; it is dropped again below.
        for item in content.into_iter().chain([Inline::SoftBreak]) {
            match item {
                Inline::SoftBreak | Inline::HardBreak => {
                    if let Some(marker) = goals_marker(&line).filter(|_| !self.in_footnote) {
                        if matches!(para.last(), Some(Inline::SoftBreak | Inline::HardBreak)) {
                            para.pop();
                        }
                        if !para.is_empty() {
                            out.push(Block::Paragraph(std::mem::take(&mut para)));
                        }
                        let at = Pos {
                            line: pos.line + line_no,
                            column: 1,
                        };
                        self.outline.markers.push((marker.clone(), at));
                        out.push(Block::Goals(marker));
                    } else {
                        if let [Inline::Text(t)] = &line[..]
                            && t.trim().starts_with("{{")
                            && t.trim().ends_with("}}")
                        {
                            let at = Pos {
                                line: pos.line + line_no,
                                column: 1,
                            };
                            self.outline.near_markers.push((t.trim().to_string(), at));
                        }
                        para.append(&mut line);
                        para.push(item);
                    }
                    line.clear();
                    line_no += 1;
                }
                other => line.push(other),
            }
        }
        if matches!(para.last(), Some(Inline::SoftBreak | Inline::HardBreak)) {
            para.pop();
        }
        if !para.is_empty() {
            out.push(Block::Paragraph(para));
        }
    }

    /// The text of a code or HTML block, until its End.
    fn raw_text(&mut self) -> String {
        let mut text = String::new();
        while let Some((e, _)) = self.next() {
            match e {
                Event::Text(t) | Event::Html(t) => text.push_str(&t),
                Event::End(_) => break,
                _ => {}
            }
        }
        text
    }

    /// Cells of a table row, until the row's End.
    fn cells(&mut self) -> Vec<Vec<Inline>> {
        let mut cells = Vec::new();
        while let Some((e, _)) = self.next() {
            match e {
                Event::Start(Tag::TableCell) => cells.push(self.inlines(true)),
                Event::End(_) => break,
                _ => {}
            }
        }
        cells
    }

    /// Inlines up to the End of the enclosing element, consumed when
    /// `consume_end`; a tight list item's inlines stop before any block event.
    fn inlines(&mut self, consume_end: bool) -> Vec<Inline> {
        let mut out: Vec<Inline> = Vec::new();
        while let Some(peeked) = self.peek() {
            if !is_inline(peeked) {
                if consume_end && matches!(peeked, Event::End(_)) {
                    self.at += 1;
                }
                break;
            }
            let Some((event, range)) = self.next() else {
                break;
            };
            match event {
                Event::Text(t) => push_text(&mut out, &t),
                Event::Code(c) => out.push(Inline::Code(c.to_string())),
                Event::InlineMath(m) => out.push(Inline::Code(m.to_string())),
                Event::InlineHtml(h) => {
                    self.raw_html_at(range.start);
                    out.push(Inline::Html(h.to_string()));
                }
                Event::SoftBreak => out.push(Inline::SoftBreak),
                Event::HardBreak => out.push(Inline::HardBreak),
                Event::TaskListMarker(done) => push_text(&mut out, if done { "☑ " } else { "☐ " }),
                Event::FootnoteReference(label) => {
                    let number = self.footnote_number(&label);
                    out.push(Inline::FootnoteRef {
                        label: label.to_string(),
                        number,
                    });
                }
                Event::Start(tag) => {
                    let pos = self.lines.pos(range.start);
                    self.inline(tag, pos, &mut out);
                }
                _ => {}
            }
        }
        out
    }

    fn inline(&mut self, tag: Tag<'a>, pos: Pos, out: &mut Vec<Inline>) {
        if self.enter(Nesting::Inlines, pos) {
            self.inline_element(tag, pos, out);
            self.leave(Nesting::Inlines);
        }
    }

    fn inline_element(&mut self, tag: Tag<'a>, pos: Pos, out: &mut Vec<Inline>) {
        match tag {
            Tag::Emphasis => out.push(Inline::Emphasis(self.inlines(true))),
            Tag::Strong => out.push(Inline::Strong(self.inlines(true))),
            Tag::Strikethrough => out.push(Inline::Strikethrough(self.inlines(true))),
            Tag::Link {
                dest_url, title, ..
            } => {
                let target = self.resolve(&dest_url);
                self.outline
                    .links
                    .push((dest_url.to_string(), target.clone(), pos));
                let content = self.inlines(true);
                out.push(Inline::Link {
                    target,
                    title: title.to_string(),
                    content,
                });
            }
            Tag::Image {
                dest_url, title, ..
            } => {
                let target = self.resolve(&dest_url);
                let alt = plain_text(&self.inlines(true));
                self.outline
                    .images
                    .push((dest_url.to_string(), target.clone(), alt.clone(), pos));
                out.push(Inline::Image {
                    target,
                    alt,
                    title: title.to_string(),
                    line: pos.line,
                });
            }
            // Superscript, subscript: keep the text.
            _ => out.extend(self.inlines(true)),
        }
    }

    fn resolve(&self, url: &str) -> LinkTarget {
        let url = url.trim();
        if let Some(fragment) = url.strip_prefix('#') {
            return LinkTarget::Fragment(fragment.to_string());
        }
        // Validation says why a refused address is broken.
        match Address::of(url) {
            Address::Allowed(_) => return LinkTarget::External(url.to_string()),
            Address::Refused(_) | Address::Control(_) => {
                return LinkTarget::Broken(url.to_string());
            }
            Address::Relative => {}
        }
        let (path, fragment) = match url.split_once('#') {
            Some((p, f)) => (p, Some(f.to_string())),
            None => (url, None),
        };
        match self.resolver.resolve(self.source, path) {
            Some(LinkTarget::Section { slug, .. }) => LinkTarget::Section { slug, fragment },
            Some(other) => other,
            None => LinkTarget::Broken(url.to_string()),
        }
    }

    /// Records raw HTML at byte `offset`, once per line.
    fn raw_html_at(&mut self, offset: usize) {
        let pos = self.lines.pos(offset);
        self.raw_html_at_pos(pos);
    }

    fn raw_html_at_pos(&mut self, pos: Pos) {
        if self
            .outline
            .raw_html
            .last()
            .is_none_or(|p| p.line != pos.line)
        {
            self.outline.raw_html.push(pos);
        }
    }

    fn footnote_number(&mut self, label: &str) -> usize {
        let next = self.footnote_numbers.len() + 1;
        *self
            .footnote_numbers
            .entry(label.to_string())
            .or_insert(next)
    }

    fn unique_id(&mut self, base: String) -> String {
        let base = if base.is_empty() {
            "afsnit".to_string()
        } else {
            base
        };
        let n = self.ids.entry(base.clone()).or_insert(0);
        *n += 1;
        if *n == 1 { base } else { format!("{base}-{n}") }
    }
}

fn push_text(out: &mut Vec<Inline>, text: &str) {
    if let Some(Inline::Text(prev)) = out.last_mut() {
        prev.push_str(text);
    } else {
        out.push(Inline::Text(text.to_string()));
    }
}

fn convert_kind(kind: BlockQuoteKind) -> CalloutKind {
    match kind {
        BlockQuoteKind::Note => CalloutKind::Note,
        BlockQuoteKind::Tip => CalloutKind::Tip,
        BlockQuoteKind::Important => CalloutKind::Important,
        BlockQuoteKind::Warning => CalloutKind::Warning,
        BlockQuoteKind::Caution => CalloutKind::Caution,
    }
}

/// A callout, with its bold first line (`**Fakta: ledigheden i tal**`) taken
/// out of the text as its title.
fn callout(kind: CalloutKind, mut body: Vec<Block>) -> Block {
    let mut title = None;
    if let Some(Block::Paragraph(first)) = body.first_mut()
        && let [Inline::Strong(_), rest @ ..] = first.as_slice()
        && matches!(
            rest.first(),
            None | Some(Inline::SoftBreak | Inline::HardBreak)
        )
    {
        let mut inlines = std::mem::take(first).into_iter();
        if let Some(Inline::Strong(t)) = inlines.next() {
            title = Some(t);
        }
        let rest: Vec<Inline> = inlines.skip(1).collect();
        if rest.is_empty() {
            body.remove(0);
        } else {
            body[0] = Block::Paragraph(rest);
        }
    }
    Block::Callout { kind, title, body }
}

/// A quote, with a last paragraph that begins with a dash (`—` or `–`)
/// taken out of the text as who said it.
fn quote(mut body: Vec<Block>) -> Block {
    let after_dash = |t: &str| {
        t.trim_start()
            .strip_prefix(['—', '–'])
            .map(|rest| rest.trim_start().to_string())
    };
    let speaker = match body.last() {
        Some(Block::Paragraph(last)) if body.len() > 1 => match last.as_slice() {
            [Inline::Text(t), rest @ ..] => {
                after_dash(t).filter(|s| !s.is_empty() || !rest.is_empty())
            }
            _ => None,
        },
        _ => None,
    };
    let attribution = match (speaker, body.pop()) {
        (Some(first), Some(Block::Paragraph(mut last))) => {
            if first.is_empty() {
                last.remove(0);
            } else {
                last[0] = Inline::Text(first);
            }
            Some(last)
        }
        (_, Some(block)) => {
            body.push(block);
            None
        }
        (_, None) => None,
    };
    Block::Quote { body, attribution }
}

/// `[!FAKTA]` at the start of a quote that is not a callout: a kind there
/// is none of, or a known kind not alone on its line. The marker as written.
fn callout_like(body: &[Block]) -> Option<String> {
    let Some(Block::Paragraph(first)) = body.first() else {
        return None;
    };
    let Some(Inline::Text(t)) = first.first() else {
        return None;
    };
    let rest = t.strip_prefix("[!")?;
    let end = rest.find(']')?;
    let word = &rest[..end];
    (!word.is_empty()
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_'))
    .then(|| format!("[!{word}]"))
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

fn convert_align(a: Alignment) -> Align {
    match a {
        Alignment::None => Align::None,
        Alignment::Left => Align::Left,
        Alignment::Center => Align::Center,
        Alignment::Right => Align::Right,
    }
}

/// Recognises a paragraph that is only `{{ goals() }}` or `{{ goal("ID") }}`.
fn goals_marker(content: &[Inline]) -> Option<GoalsMarker> {
    let [Inline::Text(text)] = content else {
        return None;
    };
    let inner = text.trim().strip_prefix("{{")?.strip_suffix("}}")?.trim();
    let (name, rest) = inner.split_once('(')?;
    let arg = rest.strip_suffix(')')?.trim();
    match name.trim() {
        "goals" if arg.is_empty() => Some(GoalsMarker::All),
        "goal" => {
            let id = arg
                .strip_prefix('"')
                .and_then(|a| a.strip_suffix('"'))
                .or_else(|| arg.strip_prefix('\'').and_then(|a| a.strip_suffix('\'')))?;
            Some(GoalsMarker::One(id.trim().to_string()))
        }
        _ => None,
    }
}

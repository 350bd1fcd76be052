//! Markdown bodies, parsed once into the model's own blocks and inlines.
//!
//! pulldown-cmark does the parsing; this module turns its event stream into a
//! tree that both the HTML and the PDF renderer can walk, resolves links
//! between sections, recognises the `{{ goals() }}` markers, and records the
//! positions validation needs (headings, images, links, markers).

use crate::load::yaml::Pos;
use pulldown_cmark::{Alignment, CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::HashMap;
use std::ops::Range;

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading {
        /// 2–6 in a section body: the section title is the page's level 1.
        level: u8,
        /// A unique anchor within the page.
        id: String,
        content: Vec<Inline>,
    },
    Paragraph(Vec<Inline>),
    List {
        /// The first number of an ordered list; `None` for bullets.
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    Quote(Vec<Block>),
    Code {
        lang: Option<String>,
        text: String,
    },
    Table {
        align: Vec<Align>,
        head: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
        /// The table's first line in its file (for messages about it).
        line: u32,
    },
    Rule,
    /// Raw HTML; escaped unless the plan sets `allow_html`.
    Html(String),
    /// Where goal tables go.
    Goals(GoalsMarker),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    None,
    Left,
    Center,
    Right,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GoalsMarker {
    /// `{{ goals() }}`
    All,
    /// `{{ goal("V1") }}`
    One(String),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    Text(String),
    Code(String),
    Emphasis(Vec<Inline>),
    Strong(Vec<Inline>),
    Strikethrough(Vec<Inline>),
    Link {
        target: LinkTarget,
        title: String,
        content: Vec<Inline>,
    },
    Image {
        target: LinkTarget,
        alt: String,
        title: String,
        /// The image's line in its file (for messages about it).
        line: u32,
    },
    FootnoteRef {
        label: String,
        number: usize,
    },
    SoftBreak,
    HardBreak,
    Html(String),
}

/// Where a link or image points, decided once for every renderer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    /// `https://…`, `mailto:…` and the like: used as written.
    External(String),
    /// Another section of the plan, optionally an anchor on its page.
    Section {
        slug: String,
        fragment: Option<String>,
    },
    /// A file under `content/`, as a path relative to the plan folder.
    Asset(String),
    /// An anchor on the same page.
    Fragment(String),
    /// A local target that does not exist (validation has said so).
    Broken(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Footnote {
    pub label: String,
    pub number: usize,
    pub content: Vec<Block>,
}

/// What validation needs to know about a body, with positions in the file.
#[derive(Debug, Default, Clone)]
pub struct Outline {
    pub headings: Vec<(u8, Pos)>,
    /// Image target as written, its alt text, and where it stands.
    pub images: Vec<(String, LinkTarget, String, Pos)>,
    /// Link target as written, its resolution, and where it stands.
    pub links: Vec<(String, LinkTarget, Pos)>,
    pub markers: Vec<(GoalsMarker, Pos)>,
    /// Lines like `{{ goals }}` that look like markers but are not, as written.
    pub near_markers: Vec<(String, Pos)>,
}

/// A parsed body.
#[derive(Debug, Clone)]
pub struct Body {
    pub blocks: Vec<Block>,
    pub footnotes: Vec<Footnote>,
    pub outline: Outline,
}

/// Resolves a local link target (as written, without fragment) found in the
/// file `from` to a section slug or an asset path.
pub trait Resolver: Sync {
    fn resolve(&self, from: &str, path: &str) -> Option<LinkTarget>;
}

/// Parses `text`, which starts on line `first_line` of its file.
pub fn parse(text: &str, first_line: u32, source: &str, resolver: &dyn Resolver) -> Body {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let events: Vec<(Event, Range<usize>)> =
        Parser::new_ext(text, options).into_offset_iter().collect();
    let mut p = Builder {
        events,
        at: 0,
        lines: LineIndex::new(text, first_line),
        source,
        resolver,
        outline: Outline::default(),
        footnotes: Vec::new(),
        footnote_numbers: HashMap::new(),
        ids: HashMap::new(),
    };
    let blocks = p.blocks();
    let mut footnotes = std::mem::take(&mut p.footnotes);
    for f in &mut footnotes {
        f.number = p.footnote_number(&f.label);
    }
    footnotes.sort_by_key(|f| f.number);
    Body {
        blocks,
        footnotes,
        outline: p.outline,
    }
}

/// Maps byte offsets in the body to 1-based line and column in the file.
struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    first_line: u32,
}

impl<'a> LineIndex<'a> {
    fn new(text: &'a str, first_line: u32) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex {
            text,
            starts,
            first_line,
        }
    }

    fn pos(&self, offset: usize) -> Pos {
        let line = self
            .starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let start = self.starts[line];
        let end = offset.min(self.text.len());
        let column = self.text.get(start..end).map_or(0, |s| s.chars().count());
        Pos {
            line: self.first_line + line as u32,
            column: column as u32 + 1,
        }
    }
}

struct Builder<'a, 'r> {
    events: Vec<(Event<'a>, Range<usize>)>,
    at: usize,
    lines: LineIndex<'a>,
    source: &'r str,
    resolver: &'r dyn Resolver,
    outline: Outline,
    footnotes: Vec<Footnote>,
    footnote_numbers: HashMap<String, usize>,
    ids: HashMap<String, usize>,
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

impl<'a> Builder<'a, '_> {
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
                Event::Html(html) => match out.last_mut() {
                    Some(Block::Html(prev)) => prev.push_str(&html),
                    _ => out.push(Block::Html(html.to_string())),
                },
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
            Tag::BlockQuote(_) => Block::Quote(self.blocks()),
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
            Tag::HtmlBlock => Block::Html(self.raw_text()),
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
                let content = self.blocks();
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
                    if let Some(marker) = goals_marker(&line) {
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
                Event::InlineHtml(h) => out.push(Inline::Html(h.to_string())),
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
        if url.contains("://") || url.starts_with("mailto:") || url.starts_with("tel:") {
            return LinkTarget::External(url.to_string());
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

/// The text of inlines without markup, for alt texts, ids and search.
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for i in inlines {
        match i {
            Inline::Text(t) | Inline::Code(t) => out.push_str(t),
            Inline::Emphasis(c) | Inline::Strong(c) | Inline::Strikethrough(c) => {
                out.push_str(&plain_text(c))
            }
            Inline::Link { content, .. } => out.push_str(&plain_text(content)),
            Inline::Image { alt, .. } => out.push_str(alt),
            Inline::SoftBreak | Inline::HardBreak => out.push(' '),
            Inline::FootnoteRef { .. } | Inline::Html(_) => {}
        }
    }
    out
}

/// The text of blocks without markup, one line per block.
pub fn blocks_text(blocks: &[Block]) -> String {
    let mut out = String::new();
    for b in blocks {
        match b {
            Block::Heading { content, .. } | Block::Paragraph(content) => {
                out.push_str(&plain_text(content));
            }
            Block::List { items, .. } => {
                for item in items {
                    out.push_str(&blocks_text(item));
                }
            }
            Block::Quote(inner) => out.push_str(&blocks_text(inner)),
            Block::Table { head, rows, .. } => {
                for cell in head.iter().chain(rows.iter().flatten()) {
                    out.push_str(&plain_text(cell));
                    out.push(' ');
                }
            }
            Block::Code { text, .. } => out.push_str(text),
            Block::Rule | Block::Html(_) | Block::Goals(_) => {}
        }
        out.push('\n');
    }
    out
}

/// An anchor or file name from a title: lower case ASCII, Danish letters
/// spelt out (`æ` → `ae`), other runs of characters as one `-`.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let piece: &str = match c {
            'æ' => "ae",
            'ø' => "oe",
            'å' => "aa",
            'é' | 'è' | 'ê' => "e",
            'ü' => "u",
            'ö' => "o",
            'ä' => "a",
            _ => "",
        };
        if !piece.is_empty() {
            out.push_str(piece);
        } else if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Sections;
    impl Resolver for Sections {
        fn resolve(&self, _from: &str, path: &str) -> Option<LinkTarget> {
            match path {
                "03-unge.md" => Some(LinkTarget::Section {
                    slug: "unge".into(),
                    fragment: None,
                }),
                "assets/a.svg" => Some(LinkTarget::Asset("content/assets/a.svg".into())),
                _ => None,
            }
        }
    }

    fn body(text: &str) -> Body {
        parse(text, 10, "content/x.md", &Sections)
    }

    #[test]
    fn blocks_and_positions() {
        let b = body(
            "Intro *text*.\n\n## Mål og midler\n\n- a\n- b **c**\n\n{{ goals() }}\n\n| A | B |\n|---|--:|\n| 1 | 2 |\n",
        );
        assert_eq!(b.blocks.len(), 5, "{:#?}", b.blocks);
        assert!(
            matches!(&b.blocks[1], Block::Heading { level: 2, id, .. } if id == "maal-og-midler")
        );
        let Block::List { items, start: None } = &b.blocks[2] else {
            panic!()
        };
        assert_eq!(items.len(), 2);
        assert_eq!(b.blocks[3], Block::Goals(GoalsMarker::All));
        assert_eq!(
            b.outline.headings,
            vec![(
                2,
                Pos {
                    line: 12,
                    column: 1
                }
            )]
        );
        assert_eq!(
            b.outline.markers[0].1,
            Pos {
                line: 17,
                column: 1
            }
        );
        let Block::Table { align, rows, .. } = &b.blocks[4] else {
            panic!()
        };
        assert_eq!(align[1], Align::Right);
        assert_eq!(rows.len(), 1);
    }

    #[test]
    fn links_resolve_to_sections_assets_or_broken() {
        let b =
            body("See [unge](03-unge.md#maal), ![Et diagram](assets/a.svg) and [x](nope.md).\n");
        let kinds: Vec<&LinkTarget> = b.outline.links.iter().map(|l| &l.1).collect();
        assert_eq!(
            kinds[0],
            &LinkTarget::Section {
                slug: "unge".into(),
                fragment: Some("maal".into())
            }
        );
        assert_eq!(kinds[1], &LinkTarget::Broken("nope.md".into()));
        assert_eq!(b.outline.images[0].2, "Et diagram");
        assert_eq!(
            b.outline.images[0].3,
            Pos {
                line: 10,
                column: 30
            }
        );
    }

    #[test]
    fn single_goal_marker_and_literal_braces() {
        let b = body("{{ goal(\"V1\") }}\n\nA literal {{ brace }} stays text.\n");
        assert_eq!(b.blocks[0], Block::Goals(GoalsMarker::One("V1".into())));
        assert!(matches!(&b.blocks[1], Block::Paragraph(_)));
    }

    #[test]
    fn footnotes_are_numbered_by_first_reference() {
        let b = body("A[^b] and B[^a].\n\n[^a]: Second.\n[^b]: First.\n");
        assert_eq!(b.footnotes[0].label, "b");
        assert_eq!(b.footnotes[0].number, 1);
        assert_eq!(b.footnotes[1].number, 2);
    }

    #[test]
    fn slugs_spell_out_danish_letters() {
        assert_eq!(slugify("Børn & unge på vej"), "boern-unge-paa-vej");
        assert_eq!(slugify("2.1 Øget fokus!"), "2-1-oeget-fokus");
    }
}

//! Inline text: spans of styled text, and breaking them into lines.

use super::display::{Face, Item, LinkTo, Mark, Page};
use super::fonts::Fonts;
use super::hyphenate::Hyphenation;
use super::style::Rgb;

/// A run of text in one style.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub text: String,
    pub face: Face,
    pub size: f32,
    pub color: Rgb,
    pub link: Option<LinkTo>,
    /// Raised by this many points (footnote references).
    pub rise: f32,
    /// Whether words of this span may be hyphenated.
    pub hyphenate: bool,
}

impl Span {
    pub fn new(text: impl Into<String>, face: Face, size: f32, color: Rgb) -> Span {
        Span {
            text: text.into(),
            face,
            size,
            color,
            link: None,
            rise: 0.0,
            hyphenate: true,
        }
    }
    pub fn no_hyphens(mut self) -> Span {
        self.hyphenate = false;
        self
    }
}

/// A piece of a line in one style.
#[derive(Debug, Clone)]
pub struct Frag {
    pub span: usize,
    pub text: String,
    /// Offset from the line's start, without justification.
    pub x: f32,
    pub w: f32,
    /// Interword spaces before this fragment on its line.
    pub spaces_before: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Line {
    pub frags: Vec<Frag>,
    pub width: f32,
    /// Interword spaces on the line (for justification).
    pub spaces: usize,
    /// The last line of a paragraph or before a hard break: never justified.
    pub last: bool,
}

enum Tok {
    Word(Vec<(usize, String)>),
    Space(usize),
    /// A break opportunity without a space (after a hyphen in a word).
    Zero,
    Newline,
}

fn tokenize(spans: &[Span]) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut word: Vec<(usize, String)> = Vec::new();
    fn flush(word: &mut Vec<(usize, String)>, toks: &mut Vec<Tok>) {
        if !word.is_empty() {
            toks.push(Tok::Word(std::mem::take(word)));
        }
    }
    for (i, s) in spans.iter().enumerate() {
        let mut prev: Option<char> = None;
        let chars: Vec<char> = s.text.chars().collect();
        for (k, &c) in chars.iter().enumerate() {
            match c {
                '\n' => {
                    flush(&mut word, &mut toks);
                    toks.push(Tok::Newline);
                }
                ' ' | '\t' | '\r' => {
                    flush(&mut word, &mut toks);
                    if !matches!(toks.last(), Some(Tok::Space(_)) | Some(Tok::Newline) | None) {
                        toks.push(Tok::Space(i));
                    }
                }
                _ => {
                    match word.last_mut() {
                        Some((j, t)) if *j == i => t.push(c),
                        _ => word.push((i, c.to_string())),
                    }
                    let next = chars.get(k + 1);
                    let breakable = (c == '-' || c == '/')
                        && prev.is_some_and(char::is_alphanumeric)
                        && next.is_some_and(|n| n.is_alphabetic());
                    if breakable {
                        flush(&mut word, &mut toks);
                        toks.push(Tok::Zero);
                    }
                }
            }
            prev = Some(c);
        }
    }
    flush(&mut word, &mut toks);
    while matches!(toks.last(), Some(Tok::Space(_)) | Some(Tok::Zero)) {
        toks.pop();
    }
    toks
}

pub struct Breaker<'a> {
    pub fonts: &'a Fonts,
    pub hyph: &'a Hyphenation,
    pub hyphenate: bool,
    /// Justified text hyphenates whenever it can; ragged text only when the
    /// line would otherwise end short, so the rag stays even with few hyphens.
    pub justify: bool,
}

/// At most this many hyphenated lines in a row.
const MAX_HYPHEN_RUN: usize = 2;

struct Builder<'s> {
    spans: &'s [Span],
    lines: Vec<Line>,
    cur: Line,
    /// Space (span, width) waiting to go before the next word.
    pending: Option<(Option<usize>, f32)>,
    /// Hyphenated lines just before the current one.
    hyphen_run: usize,
}

impl Builder<'_> {
    fn push_text(&mut self, span: usize, text: &str, w: f32, space: bool) {
        match self.cur.frags.last_mut() {
            Some(f) if f.span == span => {
                f.text.push_str(text);
                f.w += w;
            }
            _ => self.cur.frags.push(Frag {
                span,
                text: text.to_string(),
                x: self.cur.width,
                w,
                spaces_before: self.cur.spaces,
            }),
        }
        self.cur.width += w;
        if space {
            self.cur.spaces += 1;
        }
    }
    fn flush(&mut self, last: bool) {
        let mut line = std::mem::take(&mut self.cur);
        line.last = last;
        self.lines.push(line);
        self.pending = None;
    }
}

impl Breaker<'_> {
    fn w(&self, span: &Span, text: &str) -> f32 {
        self.fonts.width(span.face, span.size, text)
    }

    /// Breaks `spans` into lines no wider than `max` (first-fit, with
    /// hyphenation of a word that would overflow).
    pub fn lines(&self, spans: &[Span], max: f32) -> Vec<Line> {
        let toks = tokenize(spans);
        let mut b = Builder {
            spans,
            lines: Vec::new(),
            cur: Line::default(),
            pending: None,
            hyphen_run: 0,
        };
        for tok in toks {
            match tok {
                Tok::Space(i) => {
                    if !b.cur.frags.is_empty() {
                        b.pending = Some((Some(i), self.w(&spans[i], " ")));
                    }
                }
                Tok::Zero => {
                    if !b.cur.frags.is_empty() {
                        b.pending = Some((None, 0.0));
                    }
                }
                Tok::Newline => b.flush(true),
                Tok::Word(pieces) => self.place(&mut b, pieces, max),
            }
        }
        if !b.cur.frags.is_empty() || b.lines.is_empty() {
            b.flush(true);
        } else if let Some(l) = b.lines.last_mut() {
            l.last = true;
        }
        b.lines
    }

    fn add_word(&self, b: &mut Builder, pieces: &[(usize, String)]) {
        if let Some((Some(s), w)) = b.pending.take()
            && !b.cur.frags.is_empty()
        {
            b.push_text(s, " ", w, true);
        }
        for (s, t) in pieces {
            let w = self.w(&b.spans[*s], t);
            b.push_text(*s, t, w, false);
        }
    }

    fn place(&self, b: &mut Builder, mut pieces: Vec<(usize, String)>, max: f32) {
        loop {
            let w: f32 = pieces.iter().map(|(s, t)| self.w(&b.spans[*s], t)).sum();
            let space = if b.cur.frags.is_empty() {
                0.0
            } else {
                b.pending.map_or(0.0, |p| p.1)
            };
            if b.cur.width + space + w <= max + 0.01 {
                self.add_word(b, &pieces);
                return;
            }
            // Hyphenate a single-style word.
            let short = max - b.cur.width > max * 0.08 || b.cur.frags.is_empty();
            if self.hyphenate
                && (self.justify || short)
                && b.hyphen_run < MAX_HYPHEN_RUN
                && pieces.len() == 1
                && b.spans[pieces[0].0].hyphenate
            {
                let (s, text) = (&pieces[0].0, pieces[0].1.clone());
                let span = &b.spans[*s];
                let core_end = text.trim_end_matches(|c: char| !c.is_alphabetic()).len();
                let core_start =
                    text.len() - text.trim_start_matches(|c: char| !c.is_alphabetic()).len();
                if core_start < core_end {
                    let breaks = self.hyph.breaks(&text[core_start..core_end]);
                    for &br in breaks.iter().rev() {
                        let at = core_start + br;
                        let head = format!("{}-", &text[..at]);
                        if b.cur.width + space + self.w(span, &head) <= max + 0.01 {
                            self.add_word(b, &[(*s, head)]);
                            b.flush(false);
                            b.hyphen_run += 1;
                            pieces = vec![(*s, text[at..].to_string())];
                            break;
                        }
                    }
                    if b.cur.frags.is_empty() && pieces[0].1.len() < text.len() {
                        continue;
                    }
                }
            }
            if !b.cur.frags.is_empty() {
                b.flush(false);
                b.hyphen_run = 0;
                continue;
            }
            // An empty line and still too wide: break between characters.
            let mut acc = 0.0;
            let mut head: Vec<(usize, String)> = Vec::new();
            let mut rest: Vec<(usize, String)> = Vec::new();
            let mut full = false;
            for (s, t) in &pieces {
                for c in t.chars() {
                    let cw =
                        self.fonts.face(b.spans[*s].face).advance(c) * b.spans[*s].size / 1000.0;
                    if !full && (acc + cw <= max || head.is_empty()) {
                        acc += cw;
                        match head.last_mut() {
                            Some((j, x)) if j == s => x.push(c),
                            _ => head.push((*s, c.to_string())),
                        }
                    } else {
                        full = true;
                        match rest.last_mut() {
                            Some((j, x)) if j == s => x.push(c),
                            _ => rest.push((*s, c.to_string())),
                        }
                    }
                }
            }
            self.add_word(b, &head);
            if rest.is_empty() {
                return;
            }
            b.flush(false);
            pieces = rest;
        }
    }
}

/// Draws a line with its first baseline at `y`, starting at `x`.
/// `extra` widens each interword space (justification). Returns the link
/// areas it covered.
#[allow(clippy::too_many_arguments)]
pub fn emit_line(
    page: &mut Page,
    spans: &[Span],
    line: &Line,
    x: f32,
    y: f32,
    extra: f32,
    mark: &Mark,
) {
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
        let text = f.text.trim_end_matches(' ');
        if text.is_empty() {
            // A space of its own (a soft break): not drawn, but kept at
            // the end of the text before it.
            if let Some(i) = last
                && let Some((Item::Text { text, .. }, _)) = page.items.get_mut(i)
                && !text.ends_with(' ')
            {
                text.push(' ');
            }
            continue;
        }
        // A line not broken in a word ends with a space (invisible), so text taken
        // from the structure keeps its words apart (ISO 32000 14.8.2.5).
        let mut text = f.text.clone();
        if k + 1 == n && !text.ends_with([' ', '-', '\u{2010}', '\u{2013}', '/']) {
            text.push(' ');
        }
        page.push(
            Item::Text {
                x: fx,
                y: y - s.rise,
                face: s.face,
                size: s.size,
                color: s.color,
                text,
                space_extra: extra,
            },
            mark.clone(),
        );
        last = Some(page.items.len() - 1);
        if let Some(to) = &s.link {
            let spaces_in = f.text.matches(' ').count() as f32;
            page.push(
                Item::Link {
                    x: fx,
                    y: y - s.size * 0.95,
                    w: f.w + extra * spaces_in,
                    h: s.size * 1.25,
                    to: to.clone(),
                },
                mark.clone(),
            );
        }
    }
}

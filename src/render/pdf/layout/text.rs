//! Text runs: spans of styled text, and breaking them into lines.
//!
//! Breaking is first-fit with hyphenation, and linear in the length of the
//! text: every character is measured a bounded number of times, however
//! long a word or paragraph is (a word longer than a line is cut between
//! characters in one pass; only words of at most
//! [`MAX_WORD`](crate::render::pdf::hyphenate::MAX_WORD) characters are
//! offered to hyphenation).

use super::super::display::{Face, LinkTo};
use super::super::fonts::Fonts;
use super::super::hyphenate::{Hyphenation, MAX_WORD};
use super::super::style::Rgb;
use std::ops::Range;
use std::sync::Arc;

/// A link on a span: where it goes, what it says, and which link of the
/// text it is (the pieces of one link, over several lines, are one link).
#[derive(Debug, Clone, PartialEq)]
pub struct SpanLink {
    pub to: LinkTo,
    pub alt: String,
    pub id: u32,
}

/// A run of text in one style.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub text: String,
    pub face: Face,
    pub size: f32,
    pub color: Rgb,
    pub link: Option<Arc<SpanLink>>,
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

/// A part of a word in one span: a byte range of that span's text.
#[derive(Debug, Clone)]
struct Piece {
    span: usize,
    range: Range<usize>,
}

enum Tok {
    /// A word: a range of the piece list.
    Word(Range<usize>),
    Space(usize),
    /// A break opportunity without a space (after a hyphen in a word).
    Zero,
    Newline,
}

/// Splits spans into words, spaces and break opportunities, in one pass.
fn tokenize(spans: &[Span]) -> (Vec<Tok>, Vec<Piece>) {
    let mut toks = Vec::new();
    let mut pieces: Vec<Piece> = Vec::new();
    let mut word_start = 0;
    let flush = |toks: &mut Vec<Tok>, pieces: &Vec<Piece>, word_start: &mut usize| {
        if pieces.len() > *word_start {
            toks.push(Tok::Word(*word_start..pieces.len()));
            *word_start = pieces.len();
        }
    };
    for (i, s) in spans.iter().enumerate() {
        let mut prev: Option<char> = None;
        let mut chars = s.text.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            match c {
                '\n' => {
                    flush(&mut toks, &pieces, &mut word_start);
                    toks.push(Tok::Newline);
                }
                ' ' | '\t' | '\r' => {
                    flush(&mut toks, &pieces, &mut word_start);
                    if !matches!(toks.last(), Some(Tok::Space(_)) | Some(Tok::Newline) | None) {
                        toks.push(Tok::Space(i));
                    }
                }
                _ => {
                    let end = at + c.len_utf8();
                    let in_word = pieces.len() > word_start;
                    match pieces.last_mut() {
                        Some(p) if p.span == i && p.range.end == at && in_word => {
                            p.range.end = end;
                        }
                        _ => pieces.push(Piece {
                            span: i,
                            range: at..end,
                        }),
                    }
                    let breakable = (c == '-' || c == '/')
                        && prev.is_some_and(char::is_alphanumeric)
                        && chars.peek().is_some_and(|(_, n)| n.is_alphabetic());
                    if breakable {
                        flush(&mut toks, &pieces, &mut word_start);
                        toks.push(Tok::Zero);
                    }
                }
            }
            prev = Some(c);
        }
    }
    flush(&mut toks, &pieces, &mut word_start);
    while matches!(toks.last(), Some(Tok::Space(_)) | Some(Tok::Zero)) {
        toks.pop();
    }
    (toks, pieces)
}

pub struct Breaker<'a> {
    pub fonts: &'a Fonts,
    pub hyph: &'a Hyphenation,
    pub hyphenate: bool,
    /// Justified text hyphenates whenever it can; ragged text only when the
    /// line would otherwise end short, so the rag stays even with few hyphens.
    pub justify: bool,
}

/// At most this many hyphenated lines in a row (unless a word is wider
/// than a whole line: then hyphenating beats cutting it anywhere).
const MAX_HYPHEN_RUN: usize = 2;

struct Builder<'s> {
    spans: &'s [Span],
    fonts: &'s Fonts,
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
                let s = &self.spans[span];
                let join = self.fonts.join(s.face, s.size, &f.text, text);
                f.text.push_str(text);
                f.w += w + join;
                self.cur.width += join;
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
        let (toks, pieces) = tokenize(spans);
        let mut b = Builder {
            spans,
            fonts: self.fonts,
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
                Tok::Word(range) => self.place(&mut b, &pieces[range], max),
            }
        }
        if !b.cur.frags.is_empty() || b.lines.is_empty() {
            b.flush(true);
        } else if let Some(l) = b.lines.last_mut() {
            l.last = true;
        }
        b.lines
    }

    /// The narrowest width in which every word of `spans` fits without
    /// being cut between letters: the widest word, or for a word that may
    /// be hyphenated, its widest part between two hyphenation points.
    pub fn min_width(&self, spans: &[Span]) -> f32 {
        let (toks, pieces) = tokenize(spans);
        let mut widest = 0.0f32;
        for tok in toks {
            let Tok::Word(range) = tok else { continue };
            let word = &pieces[range];
            let whole: f32 = word
                .iter()
                .map(|p| self.w(&spans[p.span], &spans[p.span].text[p.range.clone()]))
                .sum();
            // No part of the word, hyphen and all, can be wider than the
            // word and a hyphen: a word that narrow cannot widen the
            // result, so it need not be hyphenated to find out.
            let Some(first) = word.first() else { continue };
            if whole + self.w(&spans[first.span], "-") <= widest {
                continue;
            }
            let w = match self.hyphenation_core(spans, word) {
                Some((span, text, start, breaks)) if !breaks.is_empty() => {
                    let hyphen = self.w(span, "-");
                    let mut bounds = vec![0];
                    bounds.extend(breaks.iter().map(|b| start + b));
                    bounds.push(text.len());
                    bounds
                        .windows(2)
                        .enumerate()
                        .map(|(k, w)| {
                            let part = self.w(span, &text[w[0]..w[1]]);
                            if k + 2 < bounds.len() {
                                part + hyphen
                            } else {
                                part
                            }
                        })
                        .fold(0.0, f32::max)
                }
                _ => whole,
            };
            widest = widest.max(w);
        }
        widest
    }

    /// A word that may be hyphenated: its span, text, the start of its
    /// letters and the break points within them.
    fn hyphenation_core<'s>(
        &self,
        spans: &'s [Span],
        word: &[Piece],
    ) -> Option<(&'s Span, &'s str, usize, Vec<usize>)> {
        let [piece] = word else { return None };
        let span = &spans[piece.span];
        if !self.hyphenate || !span.hyphenate {
            return None;
        }
        let text = &span.text[piece.range.clone()];
        if text.len() > MAX_WORD * 4 {
            return None;
        }
        let core_end = text.trim_end_matches(|c: char| !c.is_alphabetic()).len();
        let core_start = text.len() - text.trim_start_matches(|c: char| !c.is_alphabetic()).len();
        if core_start >= core_end {
            return None;
        }
        let breaks = self.hyph.breaks(&text[core_start..core_end]);
        Some((span, text, core_start, breaks))
    }

    fn add_word(&self, b: &mut Builder, pieces: &[(usize, &str, f32)]) {
        if let Some((Some(s), w)) = b.pending.take()
            && !b.cur.frags.is_empty()
        {
            b.push_text(s, " ", w, true);
        }
        for &(s, t, w) in pieces {
            b.push_text(s, t, w, false);
        }
    }

    fn place(&self, b: &mut Builder, word: &[Piece], max: f32) {
        let spans = b.spans;
        let measured: Vec<(usize, &str, f32)> = word
            .iter()
            .map(|p| {
                let t = &spans[p.span].text[p.range.clone()];
                (p.span, t, self.w(&spans[p.span], t))
            })
            .collect();
        let w: f32 = measured.iter().map(|m| m.2).sum();
        // The part of the word still to place: its text (for a hyphenated
        // word, the rest after the last break) and width.
        let mut rest: Option<(usize, usize)> = None; // (break offset, within the one piece)
        loop {
            let (pieces, width) = match rest {
                None => (measured.clone(), w),
                Some((s, at)) => {
                    let text = &spans[s].text[word[0].range.clone()][at..];
                    (
                        vec![(s, text, self.w(&spans[s], text))],
                        self.w(&spans[s], text),
                    )
                }
            };
            let space = if b.cur.frags.is_empty() {
                0.0
            } else {
                b.pending.map_or(0.0, |p| p.1)
            };
            if b.cur.width + space + width <= max + 0.01 {
                self.add_word(b, &pieces);
                return;
            }
            // Hyphenate a single-style word that overflows.
            let short = max - b.cur.width > max * 0.08 || b.cur.frags.is_empty();
            if (self.justify || short)
                && (b.hyphen_run < MAX_HYPHEN_RUN || b.cur.frags.is_empty())
                && let Some((span, text, start, breaks)) = self.hyphenation_core(spans, word)
            {
                let from = rest.map_or(0, |r| r.1);
                let mut placed = false;
                for &br in breaks.iter().rev() {
                    let at = start + br;
                    if at <= from {
                        break;
                    }
                    let head = format!("{}-", &text[from..at]);
                    let hw = self.w(span, &head);
                    if b.cur.width + space + hw <= max + 0.01 {
                        self.add_word(b, &[(word[0].span, &head, hw)]);
                        b.flush(false);
                        b.hyphen_run += 1;
                        rest = Some((word[0].span, at));
                        placed = true;
                        break;
                    }
                }
                if placed {
                    continue;
                }
            }
            if !b.cur.frags.is_empty() {
                b.flush(false);
                b.hyphen_run = 0;
                continue;
            }
            // An empty line and still too wide: cut between characters.
            self.cut(b, &pieces, max);
            return;
        }
    }

    /// Places a word wider than a line, cutting it between characters
    /// where a line is full: one pass over its characters.
    fn cut(&self, b: &mut Builder, pieces: &[(usize, &str, f32)], max: f32) {
        let mut acc = 0.0f32;
        let mut line: Vec<(usize, &str, f32)> = Vec::new();
        for &(s, text, _) in pieces {
            let span = &b.spans[s];
            let face = self.fonts.face(span.face);
            let scale = span.size / 1000.0;
            let mut start = 0;
            let mut piece_w = 0.0f32;
            let mut prev: Option<u16> = None;
            for (at, c) in text.char_indices() {
                let gid = face.gid(c).unwrap_or(0);
                let kern = match (self.fonts.kerning, prev) {
                    (true, Some(p)) => face.kern(p, gid) * scale,
                    _ => 0.0,
                };
                let cw = face.advance(c) * scale;
                let empty = line.is_empty() && at == start;
                if acc + kern + cw > max && !empty {
                    if at > start {
                        line.push((s, &text[start..at], piece_w));
                    }
                    self.add_word(b, &line);
                    b.flush(false);
                    line.clear();
                    start = at;
                    acc = 0.0;
                    piece_w = 0.0;
                    acc += cw;
                    piece_w += cw;
                } else {
                    acc += kern + cw;
                    piece_w += kern + cw;
                }
                prev = Some(gid);
            }
            if start < text.len() {
                line.push((s, &text[start..], piece_w));
            }
        }
        if !line.is_empty() {
            self.add_word(b, &line);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language;

    fn breaker<'a>(fonts: &'a Fonts, hyph: &'a Hyphenation) -> Breaker<'a> {
        Breaker {
            fonts,
            hyph,
            hyphenate: true,
            justify: false,
        }
    }

    fn text(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.frags.iter().map(|f| f.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn breaks_hyphenates_and_cuts() {
        let fonts = Fonts::load(true).unwrap();
        let hyph = Hyphenation::for_language(Language::Da);
        let b = breaker(&fonts, &hyph);
        let span = |t: &str| vec![Span::new(t, Face::Regular, 10.0, Rgb::WHITE)];
        let words = "beskæftigelsesplan for arbejdsmarkedet og beskæftigelsesindsatsen";
        for width in [60.0, 90.0, 120.0, 200.0] {
            let lines = b.lines(&span(words), width);
            assert!(lines.iter().all(|l| l.width <= width + 0.01));
            let joined: String = text(&lines)
                .iter()
                .map(|l| l.strip_suffix('-').unwrap_or(l).to_string())
                .collect();
            assert_eq!(
                joined.replace(' ', ""),
                words.replace(' ', ""),
                "at {width} pt"
            );
        }
        let lines = b.lines(&span("en beskæftigelsesplan"), 60.0);
        assert!(text(&lines)[0].ends_with('-'), "{:?}", text(&lines));
        // A word with no break point wider than the line is cut, and every
        // line but the last is full.
        let long = "x".repeat(500);
        let lines = b.lines(&span(&long), 100.0);
        assert!(lines.len() > 5);
        assert!(lines.iter().all(|l| l.width <= 100.01));
        assert_eq!(text(&lines).concat(), long);
        for l in &lines {
            let measured = fonts.width(Face::Regular, 10.0, &l.frags[0].text);
            assert!((measured - l.width).abs() < 0.01);
        }
    }

    #[test]
    fn min_width_is_the_widest_unbreakable_part() {
        let fonts = Fonts::load(true).unwrap();
        let hyph = Hyphenation::for_language(Language::Da);
        let b = breaker(&fonts, &hyph);
        let spans = vec![Span::new(
            "2.240 3.220 14,6\u{a0}%",
            Face::Regular,
            8.5,
            Rgb::WHITE,
        )];
        let widest = fonts.width(Face::Regular, 8.5, "14,6\u{a0}%");
        assert!((b.min_width(&spans) - widest).abs() < 1e-3);
        // In that width, no number is split.
        let lines = b.lines(&spans, b.min_width(&spans));
        assert_eq!(text(&lines), ["2.240", "3.220", "14,6\u{a0}%"]);
        // A hyphenatable word is as narrow as its widest part.
        let word = vec![Span::new(
            "beskæftigelsesplan",
            Face::Regular,
            8.5,
            Rgb::WHITE,
        )];
        let min = b.min_width(&word);
        assert!(min < fonts.width(Face::Regular, 8.5, "beskæftigelsesplan") / 2.0);
        let lines = b.lines(&word, min);
        assert!(
            text(&lines)
                .iter()
                .all(|l| l.ends_with('-') || l.ends_with("plan")),
            "{:?}",
            text(&lines)
        );
    }

    /// A word of any length and a paragraph of any length are broken into
    /// lines: ten times the text gives about ten times the lines. (How long
    /// it takes is measured by `bench/stress.py`, not here: a timed test
    /// fails on a busy machine.)
    #[test]
    fn long_words_and_paragraphs_break_in_proportion() {
        let fonts = Fonts::load(true).unwrap();
        let hyph = Hyphenation::for_language(Language::Da);
        let b = breaker(&fonts, &hyph);
        let lines = |t: &str| {
            let spans = vec![Span::new(t, Face::Regular, 10.0, Rgb::WHITE)];
            b.lines(&spans, 300.0).len()
        };
        for unit in ["æ", "beskæftigelsesplan "] {
            let (n1, n2) = (lines(&unit.repeat(20_000)), lines(&unit.repeat(200_000)));
            assert!(
                n1 > 10 && n2 > n1 * 9 && n2 < n1 * 11,
                "{unit:?}: {n1} then {n2}"
            );
        }
    }
}

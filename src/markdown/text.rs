//! Markdown as plain text: for alt texts, anchors, search and file names.

use super::{Block, Inline};
use crate::limits::MAX_FILE_STEM;

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
            Block::Quote { body, attribution } => {
                out.push_str(&blocks_text(body));
                if let Some(a) = attribution {
                    out.push_str(&plain_text(a));
                }
            }
            Block::Callout { title, body, .. } => {
                if let Some(t) = title {
                    out.push_str(&plain_text(t));
                    out.push('\n');
                }
                out.push_str(&blocks_text(body));
            }
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

/// A file name, without extension, from a title: its slug, cut at a dash
/// to at most [`MAX_FILE_STEM`] characters, or `fallback` when the title has
/// no letters or digits. A slug has no dots, so the name is never hidden.
pub fn file_stem(title: &str, fallback: &str) -> String {
    let slug = slugify(title);
    // A slug is ASCII, so any byte index is a character boundary.
    let stem = if slug.len() > MAX_FILE_STEM {
        let cut = &slug[..MAX_FILE_STEM];
        match cut.rfind('-') {
            Some(i) if i > MAX_FILE_STEM / 2 => &cut[..i],
            _ => cut.trim_end_matches('-'),
        }
    } else {
        &slug
    };
    if stem.is_empty() {
        fallback.to_string()
    } else {
        stem.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_spell_out_danish_letters() {
        assert_eq!(slugify("Børn & unge på vej"), "boern-unge-paa-vej");
        assert_eq!(slugify("2.1 Øget fokus!"), "2-1-oeget-fokus");
    }

    #[test]
    fn file_stems_are_bounded_and_never_empty() {
        assert_eq!(
            file_stem("Beskæftigelsesplan 2027", "plan"),
            "beskaeftigelsesplan-2027"
        );
        assert_eq!(file_stem("…", "plan"), "plan");
        assert_eq!(file_stem(".hidden", "plan"), "hidden");
        let long = file_stem(&"ord ".repeat(100), "plan");
        assert!(
            long.len() <= MAX_FILE_STEM && !long.ends_with('-'),
            "{long}"
        );
        assert_eq!(file_stem(&"x".repeat(300), "plan").len(), MAX_FILE_STEM);
    }
}

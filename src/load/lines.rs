//! A text's lines by number, and byte offsets in it as file positions:
//! found once per text, since the checks and the Markdown conversion ask
//! about many places in one file.

use super::yaml::Pos;

/// Where each line of a text starts.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// The number of the text's first line in its file (a body comes after
    /// the front matter).
    first_line: u32,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str, first_line: u32) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex {
            text,
            starts,
            first_line,
        }
    }

    /// The 1-based line and column of byte `offset`.
    pub fn pos(&self, offset: usize) -> Pos {
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

    /// Line `line` as written, without its line break; empty past the end.
    /// Counted from the text's first line as line 1.
    pub fn line(&self, line: u32) -> &'a str {
        let text: &'a str = self.text;
        let Some(&start) = self.starts.get(line.saturating_sub(1) as usize) else {
            return "";
        };
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        text[start..end].trim_end_matches('\r')
    }
}

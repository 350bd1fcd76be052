//! YAML mistakes explained at the line where the author made them.
//!
//! A YAML parser notices a slip where it can no longer go on, which is often
//! a line or more after the author made it: `title:Tekst` only breaks once
//! the next line starts, and an unclosed quote only at the end of the file.
//! So when parsing fails, [`explain`] reads the lines up to the parser's
//! position for the slips authors make most and names the first one, with
//! what to write instead; the parser's own words are the last resort.

use super::yaml::{Pos, SyntaxError};
use crate::diagnostic::{Hint, YamlProblem};

/// A slip, where it was made, and what to write instead.
#[derive(Debug, Clone, PartialEq)]
pub struct Mistake {
    pub pos: Pos,
    pub problem: YamlProblem,
    pub hint: Hint,
}

/// Explains why `text` did not parse.
pub fn explain(text: &str, err: &SyntaxError) -> Mistake {
    scan(text)
        .into_iter()
        .find(|m| m.pos.line <= err.pos.line)
        .unwrap_or_else(|| classify(err))
}

/// The parser's message in an author's words, at the parser's position.
fn classify(err: &SyntaxError) -> Mistake {
    let lower = err.message.to_lowercase();
    let (problem, hint) = if let Some(rest) = lower.strip_prefix("duplicate mapping key") {
        // The key as written (the lower-cased copy only finds where it is).
        let start = err.message.len() - rest.len();
        let key = err.message[start..]
            .trim_start_matches(':')
            .split(',')
            .next()
            .unwrap_or("")
            .trim();
        let key = (!key.is_empty()).then(|| key.to_string());
        (YamlProblem::DuplicateKey { key }, Hint::CheckYaml)
    } else if lower.contains("non-finite") || lower.contains(".nan") || lower.contains(".inf") {
        (YamlProblem::NotFinite, Hint::CheckYaml)
    } else if lower.contains("budget") || lower.contains("depth") || lower.contains("recursion") {
        (YamlProblem::TooDeep, Hint::CheckYaml)
    } else if lower.contains("tab") {
        (YamlProblem::Tab, Hint::IndentWithSpaces)
    } else {
        // Anything else that still talks about parser settings is cut there.
        let cut = [", set ", " in options", " policy"]
            .iter()
            .filter_map(|p| lower.find(p))
            .min()
            .unwrap_or(err.message.len());
        let detail = err.message[..cut].trim_end_matches(['.', ',']).to_string();
        (YamlProblem::Parser { detail }, Hint::CheckYaml)
    };
    Mistake {
        pos: err.pos,
        problem,
        hint,
    }
}

/// The last line that held a field name, for telling a field from the
/// continuation of a long value.
#[derive(Clone, Copy)]
struct KeyLine {
    column: usize,
    /// `goals:` with nothing after it: the next line may sit deeper.
    opens: bool,
}

impl KeyLine {
    /// Whether a line whose content starts at `column` stands where a field
    /// name may.
    fn admits(last: Option<KeyLine>, column: usize) -> bool {
        last.is_none_or(|k| k.opens || column <= k.column)
    }
}

/// Every slip found in `text`, in line order. Lines inside `|` and `>`
/// blocks are prose and are not read.
pub fn scan(text: &str) -> Vec<Mistake> {
    let mut found = Vec::new();
    let mut last_key: Option<KeyLine> = None;
    let mut block: Option<usize> = None;
    for (i, line) in text.split('\n').enumerate() {
        let line_no = i as u32 + 1;
        let line = line.trim_end_matches('\r');
        let content = line.trim_start_matches([' ', '\t']);
        let indent = &line[..line.len() - content.len()];
        let indent_chars = indent.chars().count();
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        if let Some(b) = block {
            if indent_chars > b {
                continue;
            }
            block = None;
        }
        if content == "---" || content == "..." {
            last_key = None;
            continue;
        }
        if let Some(tab) = indent.chars().position(|c| c == '\t') {
            found.push(Mistake {
                pos: at(line_no, tab),
                problem: YamlProblem::Tab,
                hint: Hint::IndentWithSpaces,
            });
            continue;
        }
        // `- - x`: the list markers, then what the item holds.
        let mut rest = content;
        let mut column = indent_chars;
        let mut item = false;
        while let Some(after) = rest.strip_prefix("- ") {
            let trimmed = after.trim_start_matches(' ');
            column += rest.chars().count() - trimmed.chars().count();
            rest = trimmed;
            item = true;
        }
        if rest.is_empty() || rest == "-" {
            continue;
        }
        if rest.starts_with(['"', '\'', '[', '{']) {
            check_value(rest, column, line_no, None, &mut found);
            continue;
        }
        let key_len = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
            .unwrap_or(rest.len());
        let (key, after) = rest.split_at(key_len);
        let starts_like_a_name = key.chars().next().is_some_and(char::is_alphabetic);
        if key.is_empty() {
            continue;
        }
        let at_key = item || KeyLine::admits(last_key, column);
        if let Some(value) = after.strip_prefix(':') {
            if value.is_empty() || value.starts_with([' ', '\t']) {
                let v = value.trim_start_matches([' ', '\t']);
                let v = strip_comment(v);
                last_key = Some(KeyLine {
                    column,
                    opens: v.is_empty(),
                });
                if v.starts_with(['|', '>']) {
                    block = Some(indent_chars);
                    continue;
                }
                let value_column = column
                    + key.chars().count()
                    + 1
                    + (value.chars().count()
                        - value.trim_start_matches([' ', '\t']).chars().count());
                check_value(v, value_column, line_no, Some(key), &mut found);
            } else if at_key
                && starts_like_a_name
                && !value.starts_with(['/', ':'])
                && !matches!(key, "http" | "https" | "mailto" | "ftp")
            {
                let value = strip_comment(value);
                found.push(Mistake {
                    pos: at(line_no, column),
                    problem: YamlProblem::NoSpaceAfterColon {
                        written: format!("{key}:{value}"),
                    },
                    hint: Hint::Write {
                        text: format!("{key}: {value}"),
                    },
                });
                last_key = Some(KeyLine {
                    column,
                    opens: false,
                });
            }
        } else if at_key
            && last_key.is_some()
            && after.starts_with(' ')
            && key.chars().all(|c| c.is_ascii_lowercase() || c == '_')
            && !rest.contains(':')
        {
            // `order 3`: a field name, a space and a value, but no colon.
            let value = strip_comment(after.trim_start());
            found.push(Mistake {
                pos: at(line_no, column),
                problem: YamlProblem::MissingColon {
                    written: format!("{key} {value}"),
                },
                hint: Hint::Write {
                    text: format!("{key}: {value}"),
                },
            });
        }
    }
    found
}

/// A value on one line: an unclosed quote or bracket, or a plain text with a
/// `: ` inside.
fn check_value(value: &str, column: usize, line: u32, key: Option<&str>, found: &mut Vec<Mistake>) {
    let Some(first) = value.chars().next() else {
        return;
    };
    match first {
        '"' | '\'' => {
            if closing_quote(value).is_none() {
                found.push(Mistake {
                    pos: at(line, column),
                    problem: YamlProblem::UnclosedQuote { quote: first },
                    hint: Hint::CloseQuote { quote: first },
                });
            }
        }
        '[' | '{' => {
            if let Some((offset, open)) = unclosed_bracket(value) {
                let close = if open == '[' { ']' } else { '}' };
                found.push(Mistake {
                    pos: at(line, column + offset),
                    problem: YamlProblem::UnclosedBracket { bracket: open },
                    hint: Hint::CloseBracket { bracket: close },
                });
            }
        }
        _ => {
            let colon = value
                .char_indices()
                .find(|&(i, c)| c == ':' && value[i + 1..].starts_with([' ', '\t']));
            if let Some((i, _)) = colon {
                let quoted = if value.contains('"') {
                    format!("'{}'", value.replace('\'', "''"))
                } else {
                    format!("\"{value}\"")
                };
                let fix = key.map_or(quoted.clone(), |k| format!("{k}: {quoted}"));
                found.push(Mistake {
                    pos: at(line, column + value[..i].chars().count()),
                    problem: YamlProblem::ColonInText,
                    hint: Hint::QuoteText { fix },
                });
            }
        }
    }
}

/// The byte offset of the quote that closes the one `value` starts with.
fn closing_quote(value: &str) -> Option<usize> {
    let quote = value.chars().next()?;
    let mut chars = value.char_indices().skip(1).peekable();
    while let Some((i, c)) = chars.next() {
        match (quote, c) {
            ('"', '\\') => {
                chars.next();
            }
            ('\'', '\'') if chars.peek().is_some_and(|&(_, n)| n == '\'') => {
                chars.next();
            }
            (q, c) if q == c => return Some(i),
            _ => {}
        }
    }
    None
}

/// The first bracket on the line left open at its end, as (character
/// offset, bracket); quoted text inside is skipped.
fn unclosed_bracket(value: &str) -> Option<(usize, char)> {
    let mut open: Vec<(usize, char)> = Vec::new();
    let mut quote: Option<char> = None;
    for (n, c) in value.chars().enumerate() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '[' | '{') => open.push((n, c)),
            (None, ']' | '}') => {
                open.pop();
            }
            (None, '#') if n > 0 && value.chars().nth(n - 1) == Some(' ') => break,
            _ => {}
        }
    }
    open.first().copied()
}

/// `value  # note` → `value`.
fn strip_comment(value: &str) -> &str {
    let cut = value
        .char_indices()
        .find(|&(i, c)| c == '#' && (i == 0 || value[..i].ends_with([' ', '\t'])))
        .map_or(value.len(), |(i, _)| i);
    value[..cut].trim_end()
}

fn at(line: u32, column: usize) -> Pos {
    Pos {
        line,
        column: column as u32 + 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(text: &str) -> Option<(u32, u32, YamlProblem)> {
        scan(text)
            .into_iter()
            .next()
            .map(|m| (m.pos.line, m.pos.column, m.problem))
    }

    #[test]
    fn a_missing_space_after_the_colon_is_found_at_its_line() {
        let (line, column, problem) = first("---\ntitle:Tekst\norder: 3\n").unwrap();
        assert_eq!((line, column), (2, 1));
        assert_eq!(
            problem,
            YamlProblem::NoSpaceAfterColon {
                written: "title:Tekst".into()
            }
        );
        // In a list item too, but not in an address or a time.
        assert_eq!(first("goals:\n  - id:V1\n").unwrap().1, 5);
        assert_eq!(first("url: https://x.dk\nat: 12:30\n"), None);
    }

    #[test]
    fn continuation_lines_of_a_long_value_are_not_fields() {
        assert_eq!(
            first("summary: Planen beskriver\n  indsatsen for unge\n"),
            None
        );
        assert!(matches!(
            first("title: Unge\norder 3\n").unwrap().2,
            YamlProblem::MissingColon { .. }
        ));
    }

    #[test]
    fn quotes_and_brackets_left_open_are_found_where_they_open() {
        assert_eq!(
            first("title: \"Tekst\norder: 3\n").unwrap(),
            (1, 8, YamlProblem::UnclosedQuote { quote: '"' })
        );
        assert_eq!(first("title: 'It''s fine'\n"), None);
        assert_eq!(
            first("tracks: [a, b\n").unwrap(),
            (1, 9, YamlProblem::UnclosedBracket { bracket: '[' })
        );
        assert_eq!(first("brand: { primary: \"#00558c\" }\n"), None);
    }

    #[test]
    fn block_scalars_are_prose() {
        assert_eq!(first("summary: |\n  Mål: flere i job\ntitle: x\n"), None);
    }

    #[test]
    fn a_colon_inside_a_value_asks_for_quotes() {
        let m = scan("summary: Mål: flere i job\n").remove(0);
        assert_eq!(
            m.pos,
            Pos {
                line: 1,
                column: 13
            }
        );
        assert_eq!(
            m.hint,
            Hint::QuoteText {
                fix: "summary: \"Mål: flere i job\"".into()
            }
        );
    }
}

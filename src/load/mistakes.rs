//! YAML mistakes explained at the line where the author made them.
//!
//! A YAML parser notices a slip where it can no longer go on, which is often
//! a line or more after the author made it: `title:Tekst` only breaks once
//! the next line starts, and an unclosed quote only at the end of the file.
//! So when parsing fails, [`explain`] reads the lines up to the parser's
//! position for the slips authors make most and names the first one, with
//! what to write instead; the parser's own words are the last resort.

use super::yaml::{Pos, SyntaxError};
use crate::diagnostic::{Hint, Message, YamlProblem};

/// A slip, where it was made, and what to write instead.
#[derive(Debug, Clone, PartialEq)]
pub struct Mistake {
    pub pos: Pos,
    pub problem: Message,
    pub hint: Option<Hint>,
}

/// Explains why `text` did not parse.
pub fn explain(text: &str, err: &SyntaxError) -> Mistake {
    let found = scan(text);
    if let Some(m) = found.iter().find(|m| m.pos.line <= err.pos.line) {
        return m.clone();
    }
    let parsed = classify(err);
    // The parser may stop at the end of the line before a tab: the tab is
    // the author's slip, wherever the parser noticed it.
    let tab = Message::Yaml(YamlProblem::Tab);
    match found.into_iter().find(|m| m.problem == tab) {
        Some(m) if parsed.problem == tab => m,
        _ => parsed,
    }
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
        (YamlProblem::DuplicateKey { key }, None)
    } else if lower.contains("non-finite") || lower.contains(".nan") || lower.contains(".inf") {
        (YamlProblem::NotFinite, None)
    } else if lower.contains("budget") || lower.contains("depth") || lower.contains("recursion") {
        (YamlProblem::TooDeep, Some(Hint::CheckYaml))
    } else if lower.contains("tab") {
        (YamlProblem::Tab, Some(Hint::IndentWithSpaces))
    } else {
        // Anything else that still talks about parser settings is cut there.
        let cut = [", set ", " in options", " policy"]
            .iter()
            .filter_map(|p| lower.find(p))
            .min()
            .unwrap_or(err.message.len());
        let detail = err.message[..cut].trim_end_matches(['.', ',']).to_string();
        (YamlProblem::Parser { detail }, Some(Hint::CheckYaml))
    };
    Mistake {
        pos: err.pos,
        problem: Message::Yaml(problem),
        hint,
    }
}

/// The last line that held a field name, for telling a field from the
/// continuation of a long value.
#[derive(Clone)]
struct KeyLine {
    column: usize,
    key: String,
    /// `goals:` with nothing after it: the next line may sit deeper.
    opens: bool,
}

/// The last `- key: …` line of a list, for a field that slips back under
/// its dash.
#[derive(Clone)]
struct ItemLine {
    dash: usize,
    key: String,
    /// The column of the field the list belongs to.
    parent: usize,
}

/// Every slip found in `text`, in line order. Lines inside `|` and `>`
/// blocks are prose and are not read.
pub fn scan(text: &str) -> Vec<Mistake> {
    let mut found = Vec::new();
    let mut last_key: Option<KeyLine> = None;
    let mut last_item: Option<ItemLine> = None;
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
            last_item = None;
            continue;
        }
        if let Some(tab) = indent.chars().position(|c| c == '\t') {
            found.push(Mistake {
                pos: at(line_no, tab),
                problem: Message::Yaml(YamlProblem::Tab),
                hint: Some(Hint::IndentWithSpaces),
            });
            continue;
        }
        // `- - x`: the list markers, then what the item holds.
        let mut rest = content;
        let mut column = indent_chars;
        let mut dash = None;
        while let Some(after) = rest.strip_prefix("- ") {
            let trimmed = after.trim_start_matches(' ');
            dash = Some(column);
            column += rest.chars().count() - trimmed.chars().count();
            rest = trimmed;
        }
        if rest.is_empty() || rest == "-" {
            continue;
        }
        if rest.starts_with(['"', '\'', '[', '{', '%', '@', '`']) {
            check_value(rest, column, line_no, None, &mut found);
            continue;
        }
        let key_len = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
            .unwrap_or(rest.len());
        let (key, after) = rest.split_at(key_len);
        if key.is_empty() {
            continue;
        }
        let starts_like_a_name = key.chars().next().is_some_and(char::is_alphabetic);
        let at_key = dash.is_some()
            || last_key
                .as_ref()
                .is_none_or(|k| k.opens || column <= k.column);
        let Some(value) = after.strip_prefix(':') else {
            if at_key
                && last_key.is_some()
                && after.starts_with(' ')
                && key.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                && !rest.contains(':')
            {
                // `order 3`: a field name, a space and a value, but no colon.
                let value = strip_comment(after.trim_start());
                found.push(Mistake {
                    pos: at(line_no, column),
                    problem: Message::Yaml(YamlProblem::MissingColon {
                        written: format!("{key} {value}"),
                    }),
                    hint: Some(Hint::Write {
                        text: format!("{key}: {value}"),
                    }),
                });
            }
            continue;
        };
        if !(value.is_empty() || value.starts_with([' ', '\t'])) {
            if at_key
                && starts_like_a_name
                && !value.starts_with(['/', ':'])
                && !matches!(key, "http" | "https" | "mailto" | "ftp")
            {
                let value = strip_comment(value);
                found.push(Mistake {
                    pos: at(line_no, column),
                    problem: Message::Yaml(YamlProblem::NoSpaceAfterColon {
                        written: format!("{key}:{value}"),
                    }),
                    hint: Some(Hint::Write {
                        text: format!("{key}: {value}"),
                    }),
                });
                last_key = Some(KeyLine {
                    column,
                    key: key.to_string(),
                    opens: false,
                });
            }
            continue;
        }
        // A field that does not line up: deeper than a field with a value
        // above it, or back under the dash of the list item above it.
        let misaligned = match (&last_key, &last_item) {
            (Some(k), _) if dash.is_none() && !k.opens && column > k.column => Some(k.key.clone()),
            (_, Some(item)) if dash.is_none() && column == item.dash && item.dash > item.parent => {
                Some(item.key.clone())
            }
            _ => None,
        };
        if let Some(above) = misaligned {
            found.push(Mistake {
                pos: at(line_no, column),
                problem: Message::Yaml(YamlProblem::Misaligned {
                    field: key.to_string(),
                    above: above.clone(),
                }),
                hint: Some(Hint::LineUp {
                    field: key.to_string(),
                    with: above,
                }),
            });
        }
        if let Some(d) = dash {
            let parent = match (&last_item, &last_key) {
                (Some(item), _) if item.dash == d => item.parent,
                (_, Some(k)) if k.opens => k.column,
                _ => d.saturating_sub(1),
            };
            last_item = Some(ItemLine {
                dash: d,
                key: key.to_string(),
                parent,
            });
        }
        let raw = value.trim_start_matches([' ', '\t']);
        let v = strip_comment(raw);
        last_key = Some(KeyLine {
            column,
            key: key.to_string(),
            opens: v.is_empty(),
        });
        // A comment inside `{ }` cuts the rest of the line: read it whole.
        let v = if raw.starts_with(['{', '[']) {
            raw.trim_end()
        } else {
            v
        };
        if v.starts_with(['|', '>']) {
            block = Some(indent_chars);
            continue;
        }
        let value_column = column
            + key.chars().count()
            + 1
            + (value.chars().count() - value.trim_start_matches([' ', '\t']).chars().count());
        check_value(v, value_column, line_no, Some(key), &mut found);
    }
    found
}

/// A value on one line: an unclosed quote or bracket, a slip inside `{ }`,
/// a character YAML keeps for itself, years without braces, or a plain text
/// with a `: ` inside.
fn check_value(value: &str, column: usize, line: u32, key: Option<&str>, found: &mut Vec<Mistake>) {
    let Some(first) = value.chars().next() else {
        return;
    };
    let quoted = |text: &str| {
        let text = if text.contains('"') {
            format!("'{}'", text.replace('\'', "''"))
        } else {
            format!("\"{text}\"")
        };
        key.map_or(text.clone(), |k| format!("{k}: {text}"))
    };
    match first {
        '"' | '\'' => {
            if closing_quote(value).is_none() {
                found.push(Mistake {
                    pos: at(line, column),
                    problem: Message::Yaml(YamlProblem::UnclosedQuote { quote: first }),
                    hint: Some(Hint::CloseQuote { quote: first }),
                });
            }
        }
        '[' | '{' => {
            if let Some(m) = check_flow(value, column, line) {
                found.push(m);
            } else if let Some((offset, open)) = unclosed_bracket(value) {
                let close = if open == '[' { ']' } else { '}' };
                found.push(Mistake {
                    pos: at(line, column + offset),
                    problem: Message::Yaml(YamlProblem::UnclosedBracket { bracket: open }),
                    hint: Some(Hint::CloseBracket { bracket: close }),
                });
            }
        }
        '%' | '@' | '`' => found.push(Mistake {
            pos: at(line, column),
            problem: Message::Yaml(YamlProblem::ReservedStart { ch: first }),
            hint: Some(Hint::QuoteText { fix: quoted(value) }),
        }),
        _ => {
            let colon = value
                .char_indices()
                .find(|&(i, c)| c == ':' && value[i + 1..].starts_with([' ', '\t']));
            let Some((i, _)) = colon else { return };
            // `targets: 2027: 2500`: years and values, without their braces.
            let year = &value[..i];
            if year.len() == 4 && year.chars().all(|c| c.is_ascii_digit()) {
                let pairs = value.trim_end_matches(',');
                let text = match key {
                    Some("baseline") => format!(
                        "baseline: {{ year: {year}, value: {} }}",
                        value[i + 1..].split(',').next().unwrap_or("").trim()
                    ),
                    Some(k) => format!("{k}: {{ {pairs} }}"),
                    None => format!("{{ {pairs} }}"),
                };
                found.push(Mistake {
                    pos: at(line, column),
                    problem: Message::Yaml(YamlProblem::NoBraces),
                    hint: Some(Hint::Write { text }),
                });
                return;
            }
            found.push(Mistake {
                pos: at(line, column + value[..i].chars().count()),
                problem: Message::Yaml(YamlProblem::ColonInText),
                hint: Some(Hint::QuoteText { fix: quoted(value) }),
            });
        }
    }
}

/// Slips inside a `{ }` on one line: a `#` that starts a comment where a
/// colour was meant (`{ primary: #00558c }`), or a `: ` inside a value
/// (`{ name: Mål 1: Flere i job }`).
fn check_flow(value: &str, column: usize, line: u32) -> Option<Mistake> {
    struct Level {
        mapping: bool,
        in_value: bool,
        key_start: usize,
        value_start: usize,
        key: String,
    }
    let chars: Vec<char> = value.chars().collect();
    let text = |from: usize, to: usize| {
        chars[from..to]
            .iter()
            .collect::<String>()
            .trim()
            .to_string()
    };
    // The value that starts at `from`, up to the next `,` or closing bracket.
    let value_at = |from: usize| {
        let end = (from..chars.len())
            .find(|&j| matches!(chars[j], ',' | '}' | ']'))
            .unwrap_or(chars.len());
        text(from, end)
    };
    let mut levels: Vec<Level> = Vec::new();
    let mut quote: Option<char> = None;
    for (n, &c) in chars.iter().enumerate() {
        if let Some(q) = quote {
            if c == q {
                quote = None;
            }
            continue;
        }
        let next = chars.get(n + 1).copied();
        match c {
            '"' | '\'' => quote = Some(c),
            '{' | '[' => levels.push(Level {
                mapping: c == '{',
                in_value: false,
                key_start: n + 1,
                value_start: n + 1,
                key: String::new(),
            }),
            '}' | ']' => {
                levels.pop();
            }
            ',' => {
                let l = levels.last_mut()?;
                // `{ 2018: 14,0, 2019: 14,6 }`: a decimal comma splits the
                // number, and here the halves even repeat a key.
                let digit = |c: Option<&char>| c.is_some_and(char::is_ascii_digit);
                if l.mapping
                    && l.in_value
                    && digit(chars.get(n + 1))
                    && n > 0
                    && digit(chars.get(n - 1))
                {
                    let start = (l.value_start..n).find(|&j| chars[j] != ' ').unwrap_or(n);
                    let end = (n + 1..chars.len())
                        .find(|&j| !chars[j].is_ascii_digit())
                        .unwrap_or(chars.len());
                    let written = text(start, end);
                    if written
                        .chars()
                        .all(|c| c.is_ascii_digit() || c == ',' || c == '-')
                    {
                        let fix = written.replace(',', ".");
                        return Some(Mistake {
                            pos: at(line, column + start),
                            problem: Message::DecimalComma { written },
                            hint: Some(Hint::DecimalPoint { fix }),
                        });
                    }
                }
                l.in_value = false;
                l.key_start = n + 1;
            }
            ':' if matches!(next, None | Some(' ' | ',' | '}')) => {
                let l = levels.last_mut()?;
                if !l.mapping {
                    continue;
                }
                if l.in_value {
                    let fix = format!("{}: \"{}\"", l.key, value_at(l.value_start));
                    return Some(Mistake {
                        pos: at(line, column + n),
                        problem: Message::Yaml(YamlProblem::ColonInText),
                        hint: Some(Hint::QuoteText { fix }),
                    });
                }
                l.key = text(l.key_start, n);
                l.in_value = true;
                l.value_start = n + 1;
            }
            '#' if n > 0 && chars[n - 1] == ' ' => {
                let l = levels.last()?;
                let colour = value_at(n);
                let hex = colour.len() > 1 && colour[1..].chars().all(|c| c.is_ascii_hexdigit());
                if !hex {
                    return None;
                }
                let fix = format!("{}: \"{colour}\"", l.key);
                return Some(Mistake {
                    pos: at(line, column + n),
                    problem: Message::Yaml(YamlProblem::CommentInValue { written: colour }),
                    hint: Some(Hint::QuoteText { fix }),
                });
            }
            _ => {}
        }
    }
    None
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
    use crate::diagnostic::Message;

    fn first(text: &str) -> Option<(u32, u32, Message)> {
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
            Message::Yaml(YamlProblem::NoSpaceAfterColon {
                written: "title:Tekst".into()
            })
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
            Message::Yaml(YamlProblem::MissingColon { .. })
        ));
    }

    #[test]
    fn quotes_and_brackets_left_open_are_found_where_they_open() {
        assert_eq!(
            first("title: \"Tekst\norder: 3\n").unwrap(),
            (
                1,
                8,
                Message::Yaml(YamlProblem::UnclosedQuote { quote: '"' })
            )
        );
        assert_eq!(first("title: 'It''s fine'\n"), None);
        assert_eq!(
            first("tracks: [a, b\n").unwrap(),
            (
                1,
                9,
                Message::Yaml(YamlProblem::UnclosedBracket { bracket: '[' })
            )
        );
        assert_eq!(first("brand: { primary: \"#00558c\" }\n"), None);
    }

    #[test]
    fn slips_inside_braces() {
        let m = scan("brand: { primary: #00558c }\n").remove(0);
        assert_eq!(
            m.pos,
            Pos {
                line: 1,
                column: 19
            }
        );
        assert_eq!(
            m.hint.unwrap(),
            Hint::QuoteText {
                fix: "primary: \"#00558c\"".into()
            }
        );
        let m = scan("  - { id: M1, name: Mål 1: Flere i job }\n").remove(0);
        assert_eq!(
            (m.pos.column, m.problem),
            (26, Message::Yaml(YamlProblem::ColonInText))
        );
        assert_eq!(
            m.hint.unwrap(),
            Hint::QuoteText {
                fix: "name: \"Mål 1: Flere i job\"".into()
            }
        );
        assert_eq!(first("links: [{ title: A, url: https://x.dk/a }]\n"), None);
    }

    #[test]
    fn a_decimal_comma_that_breaks_the_yaml() {
        let m = scan("actuals: { 2018: 14,0, 2020: 10,0 }\n").remove(0);
        assert_eq!(
            m.pos,
            Pos {
                line: 1,
                column: 18
            }
        );
        assert_eq!(
            m.problem,
            Message::DecimalComma {
                written: "14,0".into()
            }
        );
        assert_eq!(
            first("national_goals: [M1, M3]\ntargets: { 2027: 40, 2028: 5 }\n"),
            None
        );
    }

    #[test]
    fn years_without_braces() {
        let m = scan("targets: 2021: 2300, 2022: 2500\n").remove(0);
        assert_eq!(m.problem, Message::Yaml(YamlProblem::NoBraces));
        assert_eq!(
            m.hint.unwrap(),
            Hint::Write {
                text: "targets: { 2021: 2300, 2022: 2500 }".into()
            }
        );
        let m = scan("baseline: 2020: 2000\n").remove(0);
        assert_eq!(
            m.hint.unwrap(),
            Hint::Write {
                text: "baseline: { year: 2020, value: 2000 }".into()
            }
        );
    }

    #[test]
    fn fields_that_do_not_line_up() {
        // Deeper than a field with a value above it.
        let m = scan("goals:\n  id: V1\n  title: X\n    tracks: [a]\n").remove(0);
        assert_eq!(m.pos, Pos { line: 4, column: 5 });
        assert_eq!(
            m.problem,
            Message::Yaml(YamlProblem::Misaligned {
                field: "tracks".into(),
                above: "title".into()
            })
        );
        // Back under the dash of the item above it.
        let m = scan("indicators:\n  - name: X\n  unit: count\n").remove(0);
        assert_eq!(m.pos, Pos { line: 3, column: 3 });
        // A list right under its field, and items that line up, are fine.
        assert_eq!(first("goals:\n- id: V1\n  title: X\norder: 2\n"), None);
        assert_eq!(
            first("goals:\n  - id: V1\n    title: X\n  - id: V2\norder: 2\n"),
            None
        );
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
            m.hint.unwrap(),
            Hint::QuoteText {
                fix: "summary: \"Mål: flere i job\"".into()
            }
        );
    }
}

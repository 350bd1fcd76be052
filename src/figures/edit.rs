//! Changing figures in a YAML text in place: a value replaced where it
//! stands, a new period added to the `actuals` map the author wrote (flow
//! `{ 2025: 10 }` or block), and every other byte — comments, order,
//! quoting, line endings — left as it was. Positions come from the spans
//! the loader's YAML tree carries ([`crate::load::yaml`]).

use crate::load::yaml::{Kind, Node, Pos};
use crate::model::When;

/// One change to a text: the bytes `start..end` become `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// `edits` applied to `text` (they must not overlap).
pub fn apply(text: &str, mut edits: Vec<Edit>) -> String {
    edits.sort_by_key(|e| (e.start, e.end));
    let mut out = String::with_capacity(text.len() + 64);
    let mut at = 0;
    for e in edits {
        out.push_str(&text[at..e.start]);
        out.push_str(&e.text);
        at = e.end;
    }
    out.push_str(&text[at..]);
    out
}

/// The byte offset of a line and (character) column in `text`.
pub fn offset(text: &str, pos: Pos) -> usize {
    let mut line_start = 0;
    for _ in 1..pos.line {
        match text[line_start..].find('\n') {
            Some(n) => line_start += n + 1,
            None => return text.len(),
        }
    }
    let line = &text[line_start..];
    line.char_indices()
        .nth(pos.column.saturating_sub(1) as usize)
        .map_or(text.len(), |(i, _)| line_start + i)
}

/// The bytes of the scalar starting at `start`: quoted to its closing
/// quote, plain to the end of the line, a comment, or (in a flow map) the
/// next `,` `}` or `]`.
pub fn scalar_end(text: &str, start: usize, flow: bool) -> usize {
    let rest = &text[start..];
    let mut chars = rest.char_indices().peekable();
    match rest.chars().next() {
        Some(q @ ('"' | '\'')) => {
            chars.next();
            while let Some((i, c)) = chars.next() {
                if q == '"' && c == '\\' {
                    chars.next();
                } else if c == q {
                    if q == '\'' && chars.peek().is_some_and(|(_, n)| *n == '\'') {
                        chars.next();
                        continue;
                    }
                    return start + i + 1;
                }
            }
            text.len()
        }
        _ => {
            let mut end = rest.len();
            let mut prev = ' ';
            for (i, c) in rest.char_indices() {
                let stop = matches!(c, '\n' | '\r')
                    || (c == '#' && prev.is_whitespace())
                    || (flow && matches!(c, ',' | '}' | ']'));
                if stop {
                    end = i;
                    break;
                }
                prev = c;
            }
            start + rest[..end].trim_end().len()
        }
    }
}

/// The line ending `text` uses.
fn eol(text: &str) -> &'static str {
    if text.contains("\r\n") { "\r\n" } else { "\n" }
}

/// Whether the node at `pos` is written in flow style (`{ … }`).
fn is_flow(text: &str, node: &Node) -> bool {
    text[offset(text, node.pos)..].starts_with('{')
}

/// The edit that sets `when` to `value` (already formatted) in the
/// indicator `indicator` of `text`: the existing figure replaced, or a new
/// entry in `actuals` before the first later period (at the end when none
/// is later), or an `actuals` map added before `targets`.
pub fn set_actual(text: &str, indicator: &Node, when: When, value: &str) -> Option<Edit> {
    let Kind::Map(fields) = &indicator.kind else {
        return None;
    };
    let entry = format!("{}: {value}", when.iso());
    let Some(actuals) = indicator.get("actuals") else {
        // No `actuals` yet: one in flow style, before `targets`.
        let (targets, _) = fields
            .iter()
            .find(|(k, _)| k.key_text().as_deref() == Some("targets"))?;
        let at = offset(text, targets.pos);
        let after = if is_flow(text, indicator) {
            ", ".to_string()
        } else {
            format!(
                "{}{}",
                eol(text),
                " ".repeat(targets.pos.column as usize - 1)
            )
        };
        return Some(Edit {
            start: at,
            end: at,
            text: format!("actuals: {{ {entry} }}{after}"),
        });
    };
    let flow = is_flow(text, actuals);
    let entries: &[(Node, Node)] = match &actuals.kind {
        Kind::Map(m) => m,
        // `actuals: {}` or `actuals:` with nothing: written anew.
        Kind::Null => &[],
        _ => return None,
    };
    let period = |k: &Node| k.key_text().and_then(|t| When::parse(&t).ok());
    if let Some((_, v)) = entries.iter().find(|(k, _)| period(k) == Some(when)) {
        let start = offset(text, v.pos);
        let end = scalar_end(text, start, flow);
        // `2026:` with nothing after it: the value goes after the colon.
        let text_at = if start == end && !text[..start].ends_with(' ') {
            format!(" {value}")
        } else {
            value.to_string()
        };
        return Some(Edit {
            start,
            end,
            text: text_at,
        });
    }
    let Some((first_key, _)) = entries.first() else {
        let start = offset(text, actuals.pos);
        let end = if flow {
            text[start..].find('}').map_or(start, |n| start + n + 1)
        } else {
            scalar_end(text, start, false)
        };
        return Some(Edit {
            start,
            end,
            text: format!("{{ {entry} }}"),
        });
    };
    let indent = " ".repeat(first_key.pos.column as usize - 1);
    if let Some((later, _)) = entries
        .iter()
        .find(|(k, _)| period(k).is_some_and(|p| p > when))
    {
        let at = offset(text, later.pos);
        let sep = if flow {
            ", ".to_string()
        } else {
            format!("{}{}", eol(text), " ".repeat(later.pos.column as usize - 1))
        };
        return Some(Edit {
            start: at,
            end: at,
            text: format!("{entry}{sep}"),
        });
    }
    let (_, last) = entries.last()?;
    let value_start = offset(text, last.pos);
    let value_end = scalar_end(text, value_start, flow);
    if flow {
        return Some(Edit {
            start: value_end,
            end: value_end,
            text: format!(", {entry}"),
        });
    }
    // After the last entry's line (and any comment on it).
    let line_end = text[value_end..]
        .find(['\r', '\n'])
        .map_or(text.len(), |n| value_end + n);
    Some(Edit {
        start: line_end,
        end: line_end,
        text: format!("{}{indent}{entry}", eol(text)),
    })
}

/// The edit that sets a top-level scalar `key` of plan.yaml (`as_of`) to
/// `value`, or adds the line at the end.
pub fn set_top(text: &str, top: &Node, key: &str, value: &str) -> Edit {
    if let Some(v) = top.get(key) {
        let start = offset(text, v.pos);
        return Edit {
            start,
            end: scalar_end(text, start, false),
            text: value.to_string(),
        };
    }
    let nl = if text.is_empty() || text.ends_with('\n') {
        ""
    } else {
        eol(text)
    };
    Edit {
        start: text.len(),
        end: text.len(),
        text: format!("{nl}{key}: {value}{}", eol(text)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::yaml::parse;

    fn indicator(text: &str) -> Node {
        let doc = parse(text).unwrap();
        let Kind::Map(top) = doc.kind else { panic!() };
        top.into_iter().next().unwrap().1
    }

    fn set(text: &str, when: &str, value: &str) -> String {
        let ind = indicator(text);
        let edit = set_actual(text, &ind, When::parse(when).unwrap(), value).unwrap();
        apply(text, vec![edit])
    }

    #[test]
    fn a_flow_map_keeps_its_form() {
        let t = "i: { name: Å, actuals: { 2025: 10, 2026: null }, targets: { 2027: 5 } } # c\n";
        assert_eq!(
            set(t, "2026", "12.5"),
            "i: { name: Å, actuals: { 2025: 10, 2026: 12.5 }, targets: { 2027: 5 } } # c\n"
        );
        assert_eq!(
            set(t, "2027", "3"),
            "i: { name: Å, actuals: { 2025: 10, 2026: null, 2027: 3 }, targets: { 2027: 5 } } # c\n"
        );
        assert_eq!(
            set(t, "2024", "3"),
            "i: { name: Å, actuals: { 2024: 3, 2025: 10, 2026: null }, targets: { 2027: 5 } } # c\n"
        );
    }

    #[test]
    fn a_block_map_gets_a_line_in_its_order() {
        let t = "i:\r\n  actuals:\r\n    2026-Q1: 5 # først\r\n    2026-Q3: \"7\"\r\n  targets: { 2027: 9 }\r\n";
        assert_eq!(
            set(t, "2026-Q4", "8"),
            "i:\r\n  actuals:\r\n    2026-Q1: 5 # først\r\n    2026-Q3: \"7\"\r\n    2026-Q4: 8\r\n  targets: { 2027: 9 }\r\n"
        );
        assert_eq!(
            set(t, "2026-Q2", "6"),
            "i:\r\n  actuals:\r\n    2026-Q1: 5 # først\r\n    2026-Q2: 6\r\n    2026-Q3: \"7\"\r\n  targets: { 2027: 9 }\r\n"
        );
        assert_eq!(
            set(t, "2026-Q3", "7.5"),
            "i:\r\n  actuals:\r\n    2026-Q1: 5 # først\r\n    2026-Q3: 7.5\r\n  targets: { 2027: 9 }\r\n"
        );
    }

    #[test]
    fn actuals_are_added_before_the_targets() {
        let t = "i:\n  name: X\n  targets: { 2027: 9 }\n";
        assert_eq!(
            set(t, "2026", "4"),
            "i:\n  name: X\n  actuals: { 2026: 4 }\n  targets: { 2027: 9 }\n"
        );
        let t = "i: { name: X, targets: { 2027: 9 } }\n";
        assert_eq!(
            set(t, "2026", "4"),
            "i: { name: X, actuals: { 2026: 4 }, targets: { 2027: 9 } }\n"
        );
        let t = "i: { name: X, actuals: {}, targets: { 2027: 9 } }\n";
        assert_eq!(
            set(t, "2026", "4"),
            "i: { name: X, actuals: { 2026: 4 }, targets: { 2027: 9 } }\n"
        );
    }

    #[test]
    fn as_of_is_replaced_where_it_stands() {
        let t = "title: P\nas_of: 2026-10-01 # dato\nperiod: 2027\n";
        let top = parse(t).unwrap();
        let e = set_top(t, &top, "as_of", "2026-12-31");
        assert_eq!(
            apply(t, vec![e]),
            "title: P\nas_of: 2026-12-31 # dato\nperiod: 2027\n"
        );
    }
}

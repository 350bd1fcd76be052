//! Reading typed values out of YAML nodes, reporting every mismatch.
//!
//! Each getter returns `None` after pushing a diagnostic, so a caller can go
//! on with the next field and one run reports all problems in a file.

use super::danish::meant_field;
use crate::diagnostic::{Diagnostic, Expected, Found, Hint, Message, Thing, YamlProblem, closest};
use crate::load::lines::LineIndex;
use crate::load::yaml::{Kind, Node, Pos};

/// Where diagnostics for one file go, and the file's text for the checks
/// that look at how a value was written.
pub struct Ctx<'a> {
    pub file: &'a str,
    pub source: &'a str,
    pub diags: &'a mut Vec<Diagnostic>,
    /// `source`'s lines, found on the first look.
    lines: std::cell::OnceCell<LineIndex<'a>>,
}

/// The word for the kind of value a node holds.
pub fn found(kind: &Kind) -> Found {
    match kind {
        Kind::Null => Found::Nothing,
        Kind::Bool(_) => Found::TrueFalse,
        Kind::Int(_) => Found::WholeNumber,
        Kind::Float(_) => Found::Number,
        Kind::Str(_) => Found::Text,
        Kind::Seq(_) => Found::List,
        Kind::Map(_) => Found::Mapping,
    }
}

impl<'a> Ctx<'a> {
    pub fn new(file: &'a str, source: &'a str, diags: &'a mut Vec<Diagnostic>) -> Ctx<'a> {
        Ctx {
            file,
            source,
            diags,
            lines: std::cell::OnceCell::new(),
        }
    }

    /// Reports `message` at `pos`; the returned diagnostic takes a hint.
    pub fn report(&mut self, pos: Pos, message: Message) -> &mut Diagnostic {
        self.diags.push(Diagnostic::at(self.file, pos, message));
        self.diags.last_mut().expect("just pushed")
    }

    fn wrong_type(&mut self, node: &Node, field: &str, expected: Expected) {
        let d = self.report(
            node.pos,
            Message::WrongType {
                field: field.to_string(),
                expected,
                found: found(&node.kind),
            },
        );
        d.hint = match (&node.kind, expected) {
            (Kind::Str(s), Expected::List) => Some(Hint::ListInBrackets {
                field: field.to_string(),
                written: s.trim().to_string(),
            }),
            (Kind::Map(_), Expected::List) => Some(Hint::DashItems {
                field: field.to_string(),
                example: list_example(field).to_string(),
            }),
            (_, Expected::WholeNumber) => Some(Hint::WholeNumber {
                field: field.to_string(),
            }),
            _ => None,
        };
    }

    /// The text of line `line` (1-based) as written.
    pub fn line(&self, line: u32) -> &'a str {
        self.lines
            .get_or_init(|| LineIndex::new(self.source, 1))
            .line(line)
    }

    /// The characters of `pos`'s line from its column on.
    pub fn written_at(&self, pos: Pos) -> &str {
        let line = self.line(pos.line);
        let start = line
            .char_indices()
            .nth(pos.column.saturating_sub(1) as usize)
            .map_or(line.len(), |(i, _)| i);
        &line[start..]
    }

    /// The text from `from` up to `to` plus `len` characters, when both lie on
    /// one line.
    fn span_text(&self, from: Pos, to: Pos, len: usize) -> Option<String> {
        (from.line == to.line && from.column <= to.column).then(|| {
            self.line(from.line)
                .chars()
                .skip(from.column as usize - 1)
                .take((to.column - from.column) as usize + len)
                .collect()
        })
    }

    /// The character `back` + 1 places before `pos` on its line.
    fn before(&self, pos: Pos, back: u32) -> Option<char> {
        let n = pos.column.checked_sub(2 + back)?;
        self.line(pos.line).chars().nth(n as usize)
    }

    /// `{ 2025: 31,5 }` reads as `{ 2025: 31, 5: null }`. When `key` (with
    /// an empty value) is the tail of a number that a decimal comma split
    /// off `prev`, reports that and returns true.
    pub fn decimal_comma(&mut self, prev: &Node, key: &Node, value: &Node) -> bool {
        let (Kind::Int(_) | Kind::Float(_), Kind::Int(tail), Kind::Null) =
            (&prev.kind, &key.kind, &value.kind)
        else {
            return false;
        };
        if *tail < 0 || self.before(key.pos, 0) != Some(',') {
            return false;
        }
        let Some(written) = self.span_text(prev.pos, key.pos, tail.to_string().len()) else {
            return false;
        };
        if !written
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '-')
        {
            return false;
        }
        let fix = written.replace(',', ".");
        self.report(prev.pos, Message::DecimalComma { written })
            .hint = Some(Hint::DecimalPoint { fix });
        true
    }

    /// `{ id: unge, name: Unge, ledige og andre }` reads `ledige og andre`
    /// as a field of its own. When `key` (with an empty value, and no field
    /// name it could be a typo of) follows an unquoted text on the same
    /// line, reports the comma and returns true.
    fn comma_in_name(
        &mut self,
        prev: Option<(&str, &Node)>,
        key: &Node,
        value: &Node,
        allowed: &[&str],
    ) -> bool {
        let (Some((prev_field, prev)), Kind::Str(name), Kind::Null) =
            (prev, &key.kind, &value.kind)
        else {
            return false;
        };
        let unquoted = matches!(prev.kind, Kind::Str(_))
            && !self.written_at(prev.pos).starts_with(['"', '\'']);
        let after_comma =
            self.before(key.pos, 0) == Some(' ') && self.before(key.pos, 1) == Some(',');
        if !unquoted || !after_comma || closest(name, allowed.iter().copied()).is_some() {
            return false;
        }
        let Some(written) = self.span_text(prev.pos, key.pos, name.chars().count()) else {
            return false;
        };
        let fix = format!("{prev_field}: \"{written}\"");
        self.report(prev.pos, Message::CommaInName { written }).hint =
            Some(Hint::QuoteName { fix });
        true
    }
}

/// One item of each list field, as a hint writes it.
fn list_example(field: &str) -> &'static str {
    match field {
        "goals" => "- id: V1",
        "indicators" => "- name: Virksomhedskontakter pr. år",
        "links" => "- { title: Erhvervspolitikken, url: https://www.eksempelby.dk/erhverv }",
        "target_groups" | "tracks" | "national_goals" => {
            "- { id: unge, name: Unge uden uddannelse }"
        }
        _ => "- …",
    }
}

/// The fields of one mapping, checked against the names it may hold.
pub struct Fields<'n> {
    pub pos: Pos,
    entries: Vec<(&'n str, &'n Node, Pos)>,
    /// Fields whose problem is already reported (a misspelt name, a value a
    /// decimal comma split), so their absence is not reported again.
    misspelt: Vec<&'static str>,
}

impl<'n> Fields<'n> {
    /// Reads `node` as a mapping whose keys must be among `allowed`.
    pub fn read(
        ctx: &mut Ctx,
        node: &'n Node,
        thing: Thing,
        allowed: &[&'static str],
    ) -> Option<Fields<'n>> {
        let Kind::Map(map) = &node.kind else {
            ctx.report(
                node.pos,
                Message::NotAMapping {
                    thing,
                    found: found(&node.kind),
                },
            );
            return None;
        };
        let mut entries: Vec<(&'n str, &'n Node, Pos)> = Vec::with_capacity(map.len());
        let mut misspelt = Vec::new();
        for (i, (key, value)) in map.iter().enumerate() {
            if i > 0 && ctx.decimal_comma(&map[i - 1].1, key, value) {
                // The number before the comma is only half the value: drop it.
                if let Some(&(name, v, _)) = entries.last()
                    && std::ptr::eq(v, &map[i - 1].1)
                {
                    entries.pop();
                    if let Some(&field) = allowed.iter().find(|f| **f == name) {
                        misspelt.push(field);
                    }
                }
                continue;
            }
            let Kind::Str(name) = &key.kind else {
                ctx.report(key.pos, Message::FieldNameNotWord { thing });
                continue;
            };
            if allowed.contains(&name.as_str()) {
                entries.push((name.as_str(), value, key.pos));
                continue;
            }
            let prev = entries.last().map(|(n, v, _)| (*n, *v));
            if ctx.comma_in_name(prev, key, value, allowed) {
                continue;
            }
            // `{ year:2024 }` reads as one field named `year:2024`.
            if let Some((field, rest)) = name.split_once(':')
                && allowed.contains(&field)
            {
                ctx.report(
                    key.pos,
                    Message::Yaml(YamlProblem::NoSpaceAfterColon {
                        written: name.clone(),
                    }),
                )
                .hint = Some(Hint::Write {
                    text: format!("{field}: {rest}"),
                });
                continue;
            }
            let meant = meant_field(name, allowed);
            misspelt.extend(meant);
            let hint = meant.map_or(
                Hint::AllowedFields {
                    thing,
                    fields: allowed.to_vec(),
                },
                |name| Hint::DidYouMean {
                    name: name.to_string(),
                },
            );
            ctx.report(
                key.pos,
                Message::UnknownField {
                    name: name.clone(),
                    thing,
                },
            )
            .hint = Some(hint);
        }
        Some(Fields {
            pos: node.pos,
            entries,
            misspelt,
        })
    }

    pub fn get(&self, name: &str) -> Option<&'n Node> {
        self.entries
            .iter()
            .find(|(n, v, _)| *n == name && v.kind != Kind::Null)
            .map(|(_, v, _)| *v)
    }

    /// Where the field's name stands, for a problem with the field itself.
    pub fn key_pos(&self, name: &str) -> Option<Pos> {
        self.entries
            .iter()
            .find(|(n, _, _)| *n == name)
            .map(|(_, _, p)| *p)
    }

    /// Whether the field is written, even with an empty value.
    pub fn written(&self, name: &str) -> Option<&'n Node> {
        self.entries
            .iter()
            .find(|(n, _, _)| *n == name)
            .map(|(_, v, _)| *v)
    }

    /// Where the field's name is written.
    pub fn key(&self, name: &str) -> Option<Pos> {
        self.entries
            .iter()
            .find(|(n, _, _)| *n == name)
            .map(|(_, _, pos)| *pos)
    }

    /// Like `get`, but a missing field is an error at the mapping.
    pub fn required(
        &self,
        ctx: &mut Ctx,
        name: &str,
        thing: Thing,
        example: &str,
    ) -> Option<&'n Node> {
        let found = self.get(name);
        if found.is_none() && !self.misspelt.contains(&name) {
            ctx.report(
                self.pos,
                Message::MissingField {
                    thing,
                    field: name.to_string(),
                },
            )
            .hint = Some(Hint::AddLine {
                field: name.to_string(),
                example: example.to_string(),
            });
        }
        found
    }

    pub fn text(&self, ctx: &mut Ctx, name: &str) -> Option<String> {
        self.get(name).and_then(|n| text(ctx, n, name))
    }

    pub fn required_text(
        &self,
        ctx: &mut Ctx,
        name: &str,
        thing: Thing,
        example: &str,
    ) -> Option<String> {
        self.required(ctx, name, thing, example)
            .and_then(|n| text(ctx, n, name))
    }

    pub fn list(&self, ctx: &mut Ctx, name: &str) -> Vec<(String, Pos)> {
        self.get(name)
            .map_or_else(Vec::new, |n| text_list(ctx, n, name))
    }
}

/// A scalar as text. Numbers are accepted and written as given.
pub fn text(ctx: &mut Ctx, node: &Node, field: &str) -> Option<String> {
    match &node.kind {
        Kind::Str(s) => Some(s.trim().to_string()),
        Kind::Int(i) => Some(i.to_string()),
        Kind::Float(f) => Some(f.to_string()),
        _ => {
            ctx.wrong_type(node, field, Expected::Text);
            None
        }
    }
}

pub fn int(ctx: &mut Ctx, node: &Node, field: &str) -> Option<i64> {
    match &node.kind {
        Kind::Int(i) => Some(*i),
        Kind::Str(s) if s.trim().parse::<i64>().is_ok() => s.trim().parse().ok(),
        _ => {
            ctx.wrong_type(node, field, Expected::WholeNumber);
            None
        }
    }
}

pub fn boolean(ctx: &mut Ctx, node: &Node, field: &str) -> Option<bool> {
    match &node.kind {
        Kind::Bool(b) => Some(*b),
        _ => {
            ctx.wrong_type(node, field, Expected::TrueFalse);
            None
        }
    }
}

/// A list of scalars, each with its position.
pub fn text_list(ctx: &mut Ctx, node: &Node, field: &str) -> Vec<(String, Pos)> {
    match &node.kind {
        Kind::Seq(items) => items
            .iter()
            .filter_map(|item| text(ctx, item, field).map(|t| (t, item.pos)))
            .collect(),
        _ => {
            ctx.wrong_type(node, field, Expected::List);
            Vec::new()
        }
    }
}

/// The items of a list field.
pub fn seq<'n>(ctx: &mut Ctx, node: &'n Node, field: &str) -> &'n [Node] {
    match &node.kind {
        Kind::Seq(items) => items,
        _ => {
            ctx.wrong_type(node, field, Expected::List);
            &[]
        }
    }
}

/// The entries of a `year: value` mapping.
pub fn entries<'n>(ctx: &mut Ctx, node: &'n Node, field: &str) -> &'n [(Node, Node)] {
    match &node.kind {
        Kind::Map(m) => m,
        _ => {
            ctx.wrong_type(node, field, Expected::YearMap);
            &[]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_found_by_number_as_written() {
        let mut diags = Vec::new();
        let ctx = Ctx::new("a.md", "title: A\r\norder: 2\n\nlast", &mut diags);
        assert_eq!(ctx.line(1), "title: A");
        assert_eq!(ctx.line(2), "order: 2");
        assert_eq!(ctx.line(3), "");
        assert_eq!(ctx.line(4), "last");
        assert_eq!(ctx.line(5), "");
        assert_eq!(ctx.written_at(Pos { line: 2, column: 8 }), "2");
    }
}

//! A YAML document as a tree of nodes that each know their line and column.
//!
//! We parse into this generic tree instead of straight into typed structs so
//! that validation can report *every* unknown field and wrong type in a file,
//! not only the first one serde would stop at.

use crate::diagnostic::YamlLimit;
use crate::limits::{MAX_YAML_DEPTH, MAX_YAML_NODES, MAX_YAML_TEXT};
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;

/// A 1-based line and column inside one source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
}

/// One YAML value and where it stands.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub pos: Pos,
    pub kind: Kind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    /// Keys keep their order and their own positions.
    Map(Vec<(Node, Node)>),
}

impl Node {
    /// The value of the key `name` in a mapping, as written (`None` for a
    /// node that is not a mapping): for a look at a file before it is
    /// checked.
    pub fn get(&self, name: &str) -> Option<&Node> {
        match &self.kind {
            Kind::Map(fields) => fields
                .iter()
                .find(|(k, _)| k.key_text().as_deref() == Some(name))
                .map(|(_, v)| v),
            _ => None,
        }
    }

    /// The key as text, whatever scalar it was written as (`2027:` is an int).
    pub fn key_text(&self) -> Option<String> {
        match &self.kind {
            Kind::Str(s) => Some(s.clone()),
            Kind::Int(i) => Some(i.to_string()),
            Kind::Float(f) => Some(f.to_string()),
            Kind::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }
}

/// A YAML syntax error with the position the parser reported.
#[derive(Debug, Clone)]
pub struct SyntaxError {
    pub pos: Pos,
    pub message: String,
    /// The document is valid as far as it goes, but past one of the limits
    /// planpress parses YAML with ([`crate::limits`]).
    pub limit: Option<YamlLimit>,
}

/// Parses one YAML document. Positions are positions in `text`.
///
/// The parser's budget is set from [`crate::limits`]: nesting, the number
/// of values and the bytes of text are bounded, so no file can exhaust the
/// stack or memory, and the message can say which bound was met.
pub fn parse(text: &str) -> Result<Node, SyntaxError> {
    let options = serde_saphyr::options! {
        strict_booleans: true,
        budget: serde_saphyr::budget! {
            max_depth: MAX_YAML_DEPTH,
            max_nodes: MAX_YAML_NODES,
            max_events: 4 * MAX_YAML_NODES,
            max_total_scalar_bytes: MAX_YAML_TEXT,
        },
    };
    match serde_saphyr::from_str_with_options::<Spanned<Kind>>(text, options) {
        Ok(spanned) => Ok(from_spanned(spanned)),
        Err(err) => {
            let pos = err
                .location()
                .map(|l| Pos {
                    line: l.line() as u32,
                    column: l.column() as u32,
                })
                .unwrap_or(Pos { line: 1, column: 1 });
            Err(SyntaxError {
                pos,
                message: syntax_message(&err),
                limit: budget_breach(&err),
            })
        }
    }
}

/// Which of the limits a document went past, if that is what stopped it.
fn budget_breach(err: &serde_saphyr::Error) -> Option<YamlLimit> {
    use serde_saphyr::budget::BudgetBreach;
    let serde_saphyr::Error::Budget { breach, .. } = err.without_snippet() else {
        return None;
    };
    Some(match breach {
        BudgetBreach::Depth { .. } => YamlLimit::Depth,
        BudgetBreach::Nodes { .. } | BudgetBreach::Events { .. } => YamlLimit::Values,
        BudgetBreach::ScalarBytes { .. } => YamlLimit::Text,
        _ => YamlLimit::Anchors,
    })
}

/// The parser's first line, without its snippet (we draw our own) and
/// without its position (we print that ourselves). `load::mistakes` puts it
/// in an author's words.
fn syntax_message(err: &serde_saphyr::Error) -> String {
    let text = err.without_snippet().to_string();
    let first = text.lines().next().unwrap_or("invalid YAML").trim();
    match first.rfind(" at line ") {
        Some(i) => first[..i].to_string(),
        None => first.to_string(),
    }
}

fn from_spanned(s: Spanned<Kind>) -> Node {
    Node {
        pos: Pos {
            line: s.referenced.line() as u32,
            column: s.referenced.column() as u32,
        },
        kind: s.value,
    }
}

impl<'de> Deserialize<'de> for Kind {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(KindVisitor)
    }
}

struct KindVisitor;

impl<'de> Visitor<'de> for KindVisitor {
    type Value = Kind;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Kind, E> {
        Ok(Kind::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Kind, E> {
        Ok(Kind::Int(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Kind, E> {
        Ok(i64::try_from(v).map_or(Kind::Float(v as f64), Kind::Int))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Kind, E> {
        Ok(i64::try_from(v).map_or(Kind::Float(v as f64), Kind::Int))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Kind, E> {
        Ok(i64::try_from(v).map_or(Kind::Float(v as f64), Kind::Int))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Kind, E> {
        Ok(Kind::Float(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Kind, E> {
        Ok(Kind::Str(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Kind, E> {
        Ok(Kind::Str(v))
    }
    fn visit_char<E: de::Error>(self, v: char) -> Result<Kind, E> {
        Ok(Kind::Str(v.to_string()))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Kind, E> {
        Ok(Kind::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Kind, E> {
        Ok(Kind::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Kind, D::Error> {
        Kind::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Kind, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Spanned<Kind>>()? {
            items.push(from_spanned(item));
        }
        Ok(Kind::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Kind, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Spanned<Kind>>()? {
            let value = map.next_value::<Spanned<Kind>>()?;
            entries.push((from_spanned(key), from_spanned(value)));
        }
        Ok(Kind::Map(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(n: &Node) -> &Vec<(Node, Node)> {
        match &n.kind {
            Kind::Map(m) => m,
            other => panic!("not a map: {other:?}"),
        }
    }

    #[test]
    fn nested_values_carry_file_positions() {
        let doc = parse("---\ntitle: Plan\ngoals:\n  - id: V1\n    actuals: { 2025: 2150, 2026: null }\n    deadline: 2027-Q4\n").unwrap();
        let top = map(&doc);
        assert_eq!(top[0].0.pos, Pos { line: 2, column: 1 });
        assert_eq!(top[0].1.kind, Kind::Str("Plan".into()));
        let Kind::Seq(goals) = &top[1].1.kind else {
            panic!()
        };
        let goal = map(&goals[0]);
        assert_eq!(goal[0].1.pos, Pos { line: 4, column: 9 });
        let actuals = map(&goal[1].1);
        assert_eq!(actuals[0].0.kind, Kind::Int(2025));
        assert_eq!(actuals[0].1.kind, Kind::Int(2150));
        assert_eq!(actuals[1].1.kind, Kind::Null);
        assert_eq!(
            actuals[1].1.pos,
            Pos {
                line: 5,
                column: 34
            }
        );
        assert_eq!(goal[2].1.kind, Kind::Str("2027-Q4".into()));
    }

    #[test]
    fn plain_scalars_follow_yaml_1_2() {
        let doc = parse("a: 14.6\nb: 2026-11-01\nc: yes\nd: ~\ne: \"2027\"\n").unwrap();
        let m = map(&doc);
        assert_eq!(m[0].1.kind, Kind::Float(14.6));
        assert_eq!(m[1].1.kind, Kind::Str("2026-11-01".into()));
        assert_eq!(m[2].1.kind, Kind::Str("yes".into()));
        assert_eq!(m[3].1.kind, Kind::Null);
        assert_eq!(m[4].1.kind, Kind::Str("2027".into()));
    }

    #[test]
    fn syntax_errors_have_positions() {
        let err = parse("title: Plan\ngoals: [V1, V2\norder: 2\n").unwrap_err();
        assert!(err.pos.line >= 2, "{err:?}");
        assert!(!err.message.is_empty());
        assert!(!err.message.contains("line"), "{}", err.message);
    }
}

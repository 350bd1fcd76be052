//! Reading typed values out of YAML nodes, reporting every mismatch.
//!
//! Each getter returns `None` after pushing a diagnostic, so a caller can go
//! on with the next field and one run reports all problems in a file.

use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::load::yaml::{Kind, Node, Pos};

/// Where diagnostics for one file go.
pub struct Ctx<'a> {
    pub file: &'a str,
    pub diags: &'a mut Vec<Diagnostic>,
}

/// "a goal", "an indicator".
pub fn article(what: &str) -> String {
    let an = what.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {what}", if an { "an" } else { "a" })
}

impl Ctx<'_> {
    pub fn error(
        &mut self,
        code: &'static str,
        pos: Pos,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.diags
            .push(Diagnostic::error(code, self.file, pos, message));
        self.diags.last_mut().expect("just pushed")
    }

    pub fn warning(
        &mut self,
        code: &'static str,
        pos: Pos,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.diags
            .push(Diagnostic::warning(code, self.file, pos, message));
        self.diags.last_mut().expect("just pushed")
    }

    fn wrong_type(&mut self, node: &Node, field: &str, expected: &str) {
        let d = self.error(
            "wrong-type",
            node.pos,
            format!(
                "`{field}` must be {expected}, found {}",
                node.kind.describe()
            ),
        );
        if let (Kind::Str(_), true) = (&node.kind, expected.starts_with("a list")) {
            d.hint = Some(format!("write a list in brackets: `{field}: [a, b]`"));
        }
    }
}

/// The fields of one mapping, checked against the names it may hold.
pub struct Fields<'n> {
    pub pos: Pos,
    entries: Vec<(&'n str, &'n Node, Pos)>,
}

impl<'n> Fields<'n> {
    /// Reads `node` as a mapping whose keys must be among `allowed`.
    /// `what` names the thing for messages ("goal", "indicator").
    pub fn read(ctx: &mut Ctx, node: &'n Node, what: &str, allowed: &[&str]) -> Option<Fields<'n>> {
        let Kind::Map(map) = &node.kind else {
            ctx.error(
                "wrong-type",
                node.pos,
                format!(
                    "{} must be a mapping of `field: value` lines, found {}",
                    article(what),
                    node.kind.describe()
                ),
            );
            return None;
        };
        let mut entries = Vec::with_capacity(map.len());
        for (key, value) in map {
            let Kind::Str(name) = &key.kind else {
                ctx.error(
                    "wrong-type",
                    key.pos,
                    format!("{}'s field names must be words", article(what)),
                );
                continue;
            };
            if !allowed.contains(&name.as_str()) {
                let hint = did_you_mean(name, allowed.iter().copied()).unwrap_or_else(|| {
                    format!("{} may have: {}", article(what), allowed.join(", "))
                });
                ctx.error(
                    "unknown-field",
                    key.pos,
                    format!("unknown field `{name}` in {}", article(what)),
                )
                .hint = Some(hint);
                continue;
            }
            entries.push((name.as_str(), value, key.pos));
        }
        Some(Fields {
            pos: node.pos,
            entries,
        })
    }

    pub fn get(&self, name: &str) -> Option<&'n Node> {
        self.entries
            .iter()
            .find(|(n, v, _)| *n == name && v.kind != Kind::Null)
            .map(|(_, v, _)| *v)
    }

    /// Like `get`, but a missing field is an error at the mapping.
    pub fn required(
        &self,
        ctx: &mut Ctx,
        name: &str,
        what: &str,
        example: &str,
    ) -> Option<&'n Node> {
        let found = self.get(name);
        if found.is_none() {
            ctx.error(
                "missing-field",
                self.pos,
                format!("the {what} has no `{name}`"),
            )
            .hint = Some(format!("add a line like `{name}: {example}`"));
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
        what: &str,
        example: &str,
    ) -> Option<String> {
        self.required(ctx, name, what, example)
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
            ctx.wrong_type(node, field, "text");
            None
        }
    }
}

pub fn int(ctx: &mut Ctx, node: &Node, field: &str) -> Option<i64> {
    match &node.kind {
        Kind::Int(i) => Some(*i),
        Kind::Str(s) if s.trim().parse::<i64>().is_ok() => s.trim().parse().ok(),
        _ => {
            ctx.wrong_type(node, field, "a whole number");
            None
        }
    }
}

pub fn boolean(ctx: &mut Ctx, node: &Node, field: &str) -> Option<bool> {
    match &node.kind {
        Kind::Bool(b) => Some(*b),
        _ => {
            ctx.wrong_type(node, field, "`true` or `false`");
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
            ctx.wrong_type(node, field, "a list");
            Vec::new()
        }
    }
}

/// The items of a list field.
pub fn seq<'n>(ctx: &mut Ctx, node: &'n Node, field: &str) -> &'n [Node] {
    match &node.kind {
        Kind::Seq(items) => items,
        _ => {
            ctx.wrong_type(node, field, "a list");
            &[]
        }
    }
}

/// The entries of a `year: value` mapping.
pub fn entries<'n>(ctx: &mut Ctx, node: &'n Node, field: &str) -> &'n [(Node, Node)] {
    match &node.kind {
        Kind::Map(m) => m,
        _ => {
            ctx.wrong_type(
                node,
                field,
                "a mapping of `year: value` pairs, like `{ 2026: 120 }`",
            );
            &[]
        }
    }
}

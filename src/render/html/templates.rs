//! The theme's Tera templates, loaded once, and template errors as
//! diagnostics that name the theme file and line.

use super::blocks;
use crate::BuildError;
use crate::diagnostic::{Diagnostic, Hint, Message};
use crate::theme::Theme;
use tera::Tera;

/// The pages a site consists of, as the templates name them.
const TEMPLATES: [&str; 9] = [
    "index.html",
    "case.html",
    "section.html",
    "goals.html",
    "status.html",
    "changes.html",
    "search.html",
    "404.html",
    "goal.html",
];

/// Separates goal cards rendered together.
pub(super) const CARD_BREAK: &str = "<!--planpress:card-->";

/// An internal template that renders every goal of a section through the
/// theme's `goal.html`, separated by [`CARD_BREAK`].
pub(super) const GOAL_CARDS: &str = "__planpress_goal_cards.html";

/// The theme's templates, and where each came from for error messages.
pub(super) struct Templates {
    tera: Tera,
    /// (template name, text, origin).
    sources: Vec<(String, String, String)>,
}

impl std::ops::Deref for Templates {
    type Target = Tera;
    fn deref(&self) -> &Tera {
        &self.tera
    }
}

pub(super) fn load_templates(theme: &Theme) -> Result<Templates, Vec<Diagnostic>> {
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html", ".xml"]);
    // Tera's default also escapes `/`, which makes every URL unreadable.
    tera.set_escape_fn(blocks::escape);
    // Tera's built-in `get_env` would let a theme publish a CI machine's
    // tokens; a template may only show what the plan holds.
    tera.register_function("get_env", |_: &std::collections::HashMap<String, tera::Value>| {
        Err(tera::Error::msg(
            "a theme cannot read environment variables (`get_env`): put the text in the plan or the theme",
        ))
    });
    let mut sources = Vec::new();
    for (name, file) in theme.files_under("templates/") {
        let text = String::from_utf8_lossy(&file.bytes).into_owned();
        sources.push((name.to_string(), text, file.origin.clone()));
    }
    let raw: Vec<(&str, &str)> = sources
        .iter()
        .map(|(n, t, _)| (n.as_str(), t.as_str()))
        .collect();
    if let Err(e) = tera.add_raw_templates(raw) {
        return Err(vec![template_diagnostic(&e, &sources)]);
    }
    let cards =
        format!("{{% for goal in goals %}}{{% include \"goal.html\" %}}{CARD_BREAK}{{% endfor %}}");
    if let Err(e) = tera.add_raw_template(GOAL_CARDS, &cards) {
        return Err(vec![template_diagnostic(&e, &sources)]);
    }
    if let Some(d) = include_cycle(&tera, &sources) {
        return Err(vec![d]);
    }
    for name in TEMPLATES {
        if tera.get_template(name).is_err() {
            return Err(vec![
                Diagnostic::new(
                    &format!("templates/{name}"),
                    None,
                    Message::NoTemplate {
                        name: name.to_string(),
                    },
                )
                .hint(Hint::ThemeOverrides),
            ]);
        }
    }
    Ok(Templates { tera, sources })
}

/// A template that includes itself, directly or through others, would
/// render forever (Tera checks `extends` for cycles, not `include`): found
/// here, before anything is rendered.
fn include_cycle(tera: &Tera, sources: &[(String, String, String)]) -> Option<Diagnostic> {
    fn includes(nodes: &[tera::ast::Node], out: &mut Vec<String>) {
        use tera::ast::Node;
        for node in nodes {
            match node {
                Node::Include(_, names, _) => out.extend(names.iter().cloned()),
                Node::Block(_, b, _) => includes(&b.body, out),
                Node::Forloop(_, f, _) => {
                    includes(&f.body, out);
                    includes(f.empty_body.as_deref().unwrap_or(&[]), out);
                }
                Node::If(i, _) => {
                    i.conditions
                        .iter()
                        .for_each(|(_, _, body)| includes(body, out));
                    includes(i.otherwise.as_ref().map_or(&[][..], |o| &o.1), out);
                }
                Node::FilterSection(_, f, _) => includes(&f.body, out),
                Node::MacroDefinition(_, m, _) => includes(&m.body, out),
                _ => {}
            }
        }
    }
    let edges: std::collections::HashMap<&str, Vec<String>> = tera
        .get_template_names()
        .filter_map(|name| {
            let t = tera.get_template(name).ok()?;
            let mut out = Vec::new();
            includes(&t.ast, &mut out);
            // A block overridden in a child is rendered in the parent's frame.
            for block in t.blocks.values() {
                includes(&block.body, &mut out);
            }
            Some((name, out))
        })
        .collect();
    // Depth-first from each template, without recursion: (template, path).
    for start in edges.keys() {
        let mut stack = vec![(start.to_string(), vec![start.to_string()])];
        while let Some((name, path)) = stack.pop() {
            for next in edges.get(name.as_str()).into_iter().flatten() {
                if next == start {
                    let origin = sources
                        .iter()
                        .find(|(n, _, _)| n == start)
                        .map_or_else(|| format!("templates/{start}"), |(_, _, o)| o.clone());
                    return Some(
                        Diagnostic::new(
                            &origin,
                            None,
                            Message::TemplateIncludesItself {
                                name: start.to_string(),
                                chain: path,
                            },
                        )
                        .hint(Hint::RemoveInclude),
                    );
                }
                if !path.contains(next) && path.len() < 64 {
                    let mut longer = path.clone();
                    longer.push(next.clone());
                    stack.push((next.clone(), longer));
                }
            }
        }
    }
    None
}

/// A Tera error as a diagnostic naming the template file and line.
fn template_diagnostic(e: &tera::Error, sources: &[(String, String, String)]) -> Diagnostic {
    let mut messages = vec![e.to_string()];
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        messages.push(s.to_string());
        source = s.source();
    }
    let all = messages.join("\n");
    // Tera names the template in quotes and gives parse positions as `--> L:C`.
    let template = sources
        .iter()
        .find(|(name, _, _)| all.contains(&format!("'{name}'")));
    let pos = all.split("--> ").nth(1).and_then(|rest| {
        let mut it = rest
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty());
        Some(crate::load::yaml::Pos {
            line: it.next()?.parse().ok()?,
            column: it.next()?.parse().ok()?,
        })
    });
    let file = template.map_or_else(|| "templates".to_string(), |(_, _, origin)| origin.clone());
    let detail = messages
        .iter()
        .rev()
        .find(|m| !m.trim().is_empty())
        .and_then(|m| m.lines().rfind(|l| !l.trim().is_empty()))
        .unwrap_or("")
        .trim()
        .to_string();
    Diagnostic::new(&file, pos, Message::TemplateError { detail }).hint(Hint::FixTemplate)
}

/// A template error met while rendering, as a diagnostic naming the theme
/// file it came from.
pub(super) fn render_error(tera: &Templates, e: &tera::Error, template: &str) -> BuildError {
    let mut d = template_diagnostic(e, &tera.sources);
    if d.file == "templates" {
        d.file = tera
            .sources
            .iter()
            .find(|(name, _, _)| name == template)
            .map_or_else(
                || format!("templates/{template}"),
                |(_, _, origin)| origin.clone(),
            );
    }
    BuildError::Render(vec![d])
}

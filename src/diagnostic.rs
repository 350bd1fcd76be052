//! Problems found in a plan, and the three ways of printing them.
//!
//! A diagnostic names its file, line and column, says what is wrong in one
//! line and, where it helps, what to do. The human form is drawn like rustc's
//! (annotate-snippets is rustc's own renderer); `json` and `github` are for CI.

use crate::load::yaml::Pos;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde::Serialize;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// Stable and kebab-case, e.g. `unknown-field`; documented in the README.
    pub code: &'static str,
    pub severity: Severity,
    /// Relative to the plan folder, `/`-separated.
    pub file: String,
    /// `None` for problems with a whole file or folder.
    pub pos: Option<Pos>,
    pub message: String,
    pub hint: Option<String>,
    /// Another place that explains this one (e.g. a first definition).
    pub note: Option<Note>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub file: String,
    pub pos: Pos,
    pub message: String,
}

impl Diagnostic {
    pub fn error(code: &'static str, file: &str, pos: Pos, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, file, Some(pos), message)
    }

    pub fn warning(code: &'static str, file: &str, pos: Pos, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, file, Some(pos), message)
    }

    pub fn new(
        severity: Severity,
        code: &'static str,
        file: &str,
        pos: Option<Pos>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            code,
            severity,
            file: file.to_string(),
            pos,
            message: message.into(),
            hint: None,
            note: None,
        }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn maybe_hint(mut self, hint: Option<String>) -> Self {
        self.hint = hint;
        self
    }

    pub fn note(mut self, file: &str, pos: Pos, message: impl Into<String>) -> Self {
        self.note = Some(Note {
            file: file.to_string(),
            pos,
            message: message.into(),
        });
        self
    }
}

/// The text of every file read, for drawing source snippets.
pub type Sources = HashMap<String, String>;

/// Sorts diagnostics by file, then position, so output is stable.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (&a.file, a.pos, a.severity, &a.message).cmp(&(&b.file, b.pos, b.severity, &b.message))
    });
}

/// `text` with control characters written out (`\n`, `\u{1b}`), so a file
/// name or a quoted value cannot break a line or send escape codes to a
/// terminal or a CI log.
pub fn shown(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return text.into();
    }
    text.chars()
        .map(|c| match c {
            '\n' => "\\n".to_string(),
            '\r' => "\\r".to_string(),
            '\t' => "\\t".to_string(),
            c if c.is_control() => format!("\\u{{{:x}}}", u32::from(c)),
            c => c.to_string(),
        })
        .collect::<String>()
        .into()
}

/// A path for a message, written out as [`shown`] does.
pub fn shown_path(path: &std::path::Path) -> String {
    shown(&path.display().to_string()).into_owned()
}

/// A source line as drawn under a message: control characters (but tabs)
/// become `?`, one byte for one, so the underline stays in place.
fn drawable(line: &str) -> std::borrow::Cow<'_, str> {
    if !line.chars().any(|c| c.is_control() && c != '\t') {
        return line.into();
    }
    line.chars()
        .map(|c| match c {
            '\t' => "\t".to_string(),
            c if c.is_control() => "?".repeat(c.len_utf8()),
            c => c.to_string(),
        })
        .collect::<String>()
        .into()
}

/// rustc-style text, coloured when `color`. File names, messages and the
/// source lines are made safe to print first (see [`shown`]).
pub fn render_human(diagnostics: &[Diagnostic], sources: &Sources, color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for d in diagnostics {
        let level = match d.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let (file, message) = (shown(&d.file), shown(&d.message));
        let title = level.primary_title(message.as_ref()).id(d.code);
        let mut group = match (d.pos, sources.get(&d.file)) {
            (Some(pos), Some(text)) => {
                let (line_text, span) = line_span(text, pos);
                title.element(
                    Snippet::source(drawable(line_text))
                        .line_start(pos.line as usize)
                        .path(file.as_ref())
                        .annotation(AnnotationKind::Primary.span(span)),
                )
            }
            (Some(pos), None) => title.element(
                annotate_snippets::Origin::path(file.as_ref())
                    .line(pos.line as usize)
                    .char_column(pos.column as usize),
            ),
            (None, _) => title.element(annotate_snippets::Origin::path(file.as_ref())),
        };
        let hint = d.hint.as_deref().map(shown);
        if let Some(hint) = &hint {
            group = group.element(Level::HELP.message(hint.as_ref()));
        }
        let mut report = vec![group];
        let note = d
            .note
            .as_ref()
            .map(|n| (n, shown(&n.file), shown(&n.message)));
        if let Some((note, note_file, note_message)) = &note
            && let Some(text) = sources.get(&note.file)
        {
            let (line_text, span) = line_span(text, note.pos);
            report.push(
                Group::with_title(Level::NOTE.secondary_title(note_message.as_ref())).element(
                    Snippet::source(drawable(line_text))
                        .line_start(note.pos.line as usize)
                        .path(note_file.as_ref())
                        .annotation(AnnotationKind::Context.span(span)),
                ),
            );
        }
        out.push_str(&renderer.render(&report));
        out.push_str("\n\n");
    }
    out
}

/// The source line at `pos` and the byte span of the token that starts there.
fn line_span(text: &str, pos: Pos) -> (&str, std::ops::Range<usize>) {
    let line = text
        .split('\n')
        .nth(pos.line.saturating_sub(1) as usize)
        .unwrap_or("")
        .trim_end_matches('\r');
    let line = line.strip_prefix('\u{feff}').unwrap_or(line);
    let start = line
        .char_indices()
        .nth(pos.column.saturating_sub(1) as usize)
        .map_or(line.len(), |(i, _)| i);
    let rest = &line[start..];
    let len = token_len(rest);
    (line, start..start + len)
}

/// How much of `rest` to underline: a quoted string, a bracketed flow value,
/// or a plain token up to `:`/`,`/end.
fn token_len(rest: &str) -> usize {
    let mut chars = rest.char_indices();
    match chars.next() {
        None => 0,
        Some((_, q @ ('"' | '\''))) => chars
            .find(|&(_, c)| c == q)
            .map_or(rest.len(), |(i, c)| i + c.len_utf8()),
        Some((_, '{' | '[')) => rest.trim_end().len(),
        Some(_) => {
            let end = rest
                .char_indices()
                .find(|&(i, c)| {
                    (c == ':' && (i + 1 == rest.len() || rest[i + 1..].starts_with([' ', '\t'])))
                        || c == ','
                        || c == '}'
                        || c == ']'
                        || c == '#' && i > 0 && rest[..i].ends_with(' ')
                })
                .map_or(rest.len(), |(i, _)| i);
            rest[..end].trim_end().len().max(1)
        }
    }
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    code: &'a str,
    severity: Severity,
    file: &'a str,
    line: u32,
    column: u32,
    message: &'a str,
    hint: Option<&'a str>,
}

/// One JSON object: `{"diagnostics": […], "errors": N, "warnings": N}`.
pub fn render_json(diagnostics: &[Diagnostic]) -> String {
    let list: Vec<JsonDiagnostic> = diagnostics
        .iter()
        .map(|d| JsonDiagnostic {
            code: d.code,
            severity: d.severity,
            file: &d.file,
            line: d.pos.map_or(1, |p| p.line),
            column: d.pos.map_or(1, |p| p.column),
            message: &d.message,
            hint: d.hint.as_deref(),
        })
        .collect();
    let (errors, warnings) = count(diagnostics);
    serde_json::json!({ "diagnostics": list, "errors": errors, "warnings": warnings }).to_string()
}

/// GitHub Actions workflow commands: one `::error …::message` line each.
pub fn render_github(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let kind = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut message = d.message.clone();
        if let Some(hint) = &d.hint {
            message.push_str(" (");
            message.push_str(hint);
            message.push(')');
        }
        let pos = d.pos.unwrap_or(Pos { line: 1, column: 1 });
        out.push_str(&format!(
            "::{kind} file={},line={},col={},title={}::{}\n",
            escape_property(&shown(&d.file)),
            pos.line,
            pos.column,
            escape_property(d.code),
            escape_data(&shown(&message))
        ));
    }
    out
}

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// (errors, warnings)
pub fn count(diagnostics: &[Diagnostic]) -> (usize, usize) {
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    (errors, diagnostics.len() - errors)
}

/// The closest allowed name, when it is close enough to be a likely typo.
pub fn did_you_mean<'a>(given: &str, allowed: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let given_lower = given.to_lowercase();
    allowed
        .into_iter()
        .map(|a| {
            (
                strsim::damerau_levenshtein(&given_lower, &a.to_lowercase()),
                a,
            )
        })
        .filter(|(d, a)| *d <= (a.chars().count() / 3).max(2))
        .min_by_key(|(d, _)| *d)
        .map(|(_, a)| format!("did you mean `{a}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_only_for_near_misses() {
        assert_eq!(
            did_you_mean("targetgroup", ["title", "target_group", "goals"]),
            Some("did you mean `target_group`?".into())
        );
        assert_eq!(did_you_mean("colour", ["title", "goals"]), None);
    }

    #[test]
    fn human_form_shows_file_line_and_source() {
        let mut sources = Sources::new();
        sources.insert("content/a.md".into(), "---\ntitel: X\n---\n".into());
        let d = Diagnostic::error(
            "unknown-field",
            "content/a.md",
            Pos { line: 2, column: 1 },
            "unknown field `titel`",
        )
        .hint("did you mean `title`?");
        let text = render_human(&[d], &sources, false);
        assert!(
            text.contains("error[unknown-field]: unknown field `titel`"),
            "{text}"
        );
        assert!(text.contains("content/a.md:2:1"), "{text}");
        assert!(text.contains("titel: X"), "{text}");
        assert!(text.contains("did you mean `title`?"), "{text}");
    }

    #[test]
    fn github_form_escapes() {
        let d = Diagnostic::warning("x", "a,b.md", Pos { line: 3, column: 4 }, "50% done\nnext");
        assert_eq!(
            render_github(&[d]),
            "::warning file=a%2Cb.md,line=3,col=4,title=x::50%25 done\\nnext\n"
        );
    }

    #[test]
    fn control_characters_are_written_out() {
        assert_eq!(shown("a\u{1b}[31mb\nc"), "a\\u{1b}[31mb\\nc");
        assert_eq!(shown("plain æøå"), "plain æøå");
        assert_eq!(drawable("x\u{1b}y\tz"), "x?y\tz");
    }
}

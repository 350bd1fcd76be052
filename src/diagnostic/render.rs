//! The three printed forms of a report. The human form is drawn like rustc's
//! (annotate-snippets is rustc's own renderer); `json` and `github` are for
//! CI. Each takes the language to speak; the codes stay the same in both.

use super::{Diagnostic, Label, Severity, Sources, count};
use crate::load::yaml::Pos;
use crate::model::Language;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde::Serialize;

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

/// rustc-style text, coloured when `color`. File names, messages and source
/// lines are made safe to print first (see [`shown`]).
pub fn render_human(
    diagnostics: &[Diagnostic],
    sources: &Sources,
    lang: Language,
    color: bool,
) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let help = Level::HELP.with_name(Label::Help.text(lang));
    let note_level = Level::NOTE.with_name(Label::Note.text(lang));
    let mut out = String::new();
    for d in diagnostics {
        let level = match d.severity() {
            Severity::Error => Level::ERROR.with_name(Label::Error.text(lang)),
            Severity::Warning => Level::WARNING.with_name(Label::Warning.text(lang)),
        };
        let message = shown(&d.message.text(lang)).into_owned();
        let file = shown(&d.file);
        let title = level.primary_title(message).id(d.code().name());
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
        if let Some(hint) = &d.hint {
            group = group.element(help.clone().message(shown(&hint.text(lang)).into_owned()));
        }
        let mut report = vec![group];
        let note_file = d.note.as_ref().map(|n| shown(&n.file));
        if let (Some(note), Some(note_file)) = (&d.note, &note_file)
            && let Some(text) = sources.get(&note.file)
        {
            let (line_text, span) = line_span(text, note.pos);
            report.push(
                Group::with_title(note_level.clone().secondary_title(note.text.text(lang)))
                    .element(
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
pub(crate) fn line_span(text: &str, pos: Pos) -> (&str, std::ops::Range<usize>) {
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

/// How much of `rest` to underline: a quoted string, a bracketed flow value
/// or Markdown link, or a plain token up to `:`/`,`/end.
fn token_len(rest: &str) -> usize {
    let mut chars = rest.char_indices();
    match chars.next() {
        None => 0,
        Some((_, q @ ('"' | '\''))) => chars
            .find(|&(_, c)| c == q)
            .map_or(rest.len(), |(i, c)| i + c.len_utf8()),
        Some((_, '!')) if rest[1..].starts_with('[') => 1 + bracketed_len(&rest[1..]),
        Some((_, '{' | '[')) => bracketed_len(rest),
        Some(_) => {
            let end = rest
                .char_indices()
                .find(|&(i, c)| {
                    (c == ':' && (i + 1 == rest.len() || rest[i + 1..].starts_with([' ', '\t'])))
                        // `14,6` is one (Danish) number, not two values.
                        || c == ','
                            && !(rest[..i].ends_with(|d: char| d.is_ascii_digit())
                                && rest[i + 1..].starts_with(|d: char| d.is_ascii_digit()))
                        || c == '}'
                        || c == ']'
                        || c == '#' && i > 0 && rest[..i].ends_with(' ')
                })
                .map_or(rest.len(), |(i, _)| i);
            // At least the first character, whole: a Unicode space such as
            // U+2028 trims away but takes three bytes.
            let first = rest.chars().next().map_or(0, char::len_utf8);
            rest[..end].trim_end().len().max(first)
        }
    }
}

/// The length of the bracket `rest` starts with, up to its partner (or the
/// line's end); a Markdown link's `(target)` right after it counts too.
fn bracketed_len(rest: &str) -> usize {
    let partner = |text: &str| -> Option<usize> {
        let open = text.chars().next()?;
        let close = match open {
            '[' => ']',
            '{' => '}',
            _ => ')',
        };
        let mut depth = 0;
        for (i, c) in text.char_indices() {
            if c == open {
                depth += 1;
            } else if c == close {
                depth -= 1;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
        }
        None
    };
    match partner(rest) {
        Some(end) if rest[end..].starts_with('(') => {
            end + partner(&rest[end..]).unwrap_or(rest.len() - end)
        }
        Some(end) => end,
        None => rest.trim_end().len(),
    }
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    code: &'a str,
    severity: Severity,
    file: &'a str,
    line: u32,
    column: u32,
    message: String,
    hint: Option<String>,
}

/// One JSON object:
/// `{"diagnostics": […], "errors": N, "warnings": N, "language": "da"}`.
pub fn render_json(diagnostics: &[Diagnostic], lang: Language) -> String {
    let list: Vec<JsonDiagnostic> = diagnostics
        .iter()
        .map(|d| JsonDiagnostic {
            code: d.code().name(),
            severity: d.severity(),
            file: &d.file,
            line: d.pos.map_or(1, |p| p.line),
            column: d.pos.map_or(1, |p| p.column),
            message: d.message.text(lang),
            hint: d.hint.as_ref().map(|h| h.text(lang)),
        })
        .collect();
    let (errors, warnings) = count(diagnostics);
    serde_json::json!({
        "diagnostics": list,
        "errors": errors,
        "warnings": warnings,
        "language": lang.code(),
    })
    .to_string()
}

/// GitHub Actions workflow commands: one `::error …::message` line each.
pub fn render_github(diagnostics: &[Diagnostic], lang: Language) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let kind = match d.severity() {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut message = d.message.text(lang);
        if let Some(hint) = &d.hint {
            message.push_str(" (");
            message.push_str(&hint.text(lang));
            message.push(')');
        }
        let pos = d.pos.unwrap_or(Pos { line: 1, column: 1 });
        out.push_str(&format!(
            "::{kind} file={},line={},col={},title={}::{}\n",
            escape_property(&shown(&d.file)),
            pos.line,
            pos.column,
            escape_property(d.code().name()),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Hint, Message, Thing};

    fn unknown_titel() -> Diagnostic {
        Diagnostic::at(
            "content/a.md",
            Pos { line: 2, column: 1 },
            Message::UnknownField {
                name: "titel".into(),
                thing: Thing::Section,
            },
        )
        .hint(Hint::DidYouMean {
            name: "title".into(),
        })
    }

    #[test]
    fn human_form_shows_file_line_and_source() {
        let mut sources = Sources::new();
        sources.insert("content/a.md".into(), "---\ntitel: X\n---\n".into());
        let text = render_human(&[unknown_titel()], &sources, Language::En, false);
        assert!(
            text.contains("error[unknown-field]: unknown field `titel` in a section"),
            "{text}"
        );
        assert!(text.contains("content/a.md:2:1"), "{text}");
        assert!(text.contains("titel: X"), "{text}");
        assert!(text.contains("help: did you mean `title`?"), "{text}");
    }

    #[test]
    fn human_form_speaks_danish() {
        let mut sources = Sources::new();
        sources.insert("content/a.md".into(), "---\ntitel: X\n---\n".into());
        let text = render_human(&[unknown_titel()], &sources, Language::Da, false);
        assert!(
            text.contains("fejl[unknown-field]: ukendt felt `titel` i et afsnit"),
            "{text}"
        );
        assert!(text.contains("tip: mente du `title`?"), "{text}");
    }

    #[test]
    fn underlines_cover_one_value_or_link() {
        assert_eq!(token_len("[a, b] # x"), 6);
        assert_eq!(token_len("[unge](05-unge.md) og [x](y)"), 18);
        assert_eq!(token_len("![Kort](assets/kort.png) tekst"), 24);
        assert_eq!(token_len("{ year: 2024 }"), 14);
        assert_eq!(token_len("[a, b"), 5);
        assert_eq!(token_len("title: x"), 5);
        assert_eq!(token_len("14,6, 2020: 10"), 4);
        assert_eq!(token_len("\u{2028} "), 3);
    }

    #[test]
    fn github_form_escapes() {
        let d = Diagnostic::at(
            "a,b.md",
            Pos { line: 3, column: 4 },
            Message::TemplateError {
                detail: "50% done\nnext".into(),
            },
        );
        assert_eq!(
            render_github(&[d], Language::En),
            "::error file=a%2Cb.md,line=3,col=4,title=template-error::template error: 50%25 done\\nnext\n"
        );
    }

    #[test]
    fn control_characters_are_written_out() {
        assert_eq!(shown("a\u{1b}[31mb\nc"), "a\\u{1b}[31mb\\nc");
        assert_eq!(shown("plain æøå"), "plain æøå");
        assert_eq!(drawable("x\u{1b}y\tz"), "x?y\tz");
    }
}

//! The plan's problems as HTML, shown at the top of every served page (or as
//! the page itself when there is no good site yet).
//!
//! [`panel`] is the one place diagnostics become HTML: it takes the
//! diagnostics, the file texts and the plan's language, and says what the
//! terminal says — file, line and column, the message, the source line and
//! the hint — in the plan's language, from the catalogue in
//! `crate::diagnostic`.

use crate::diagnostic::render::line_span;
use crate::diagnostic::{Diagnostic, Severity, Sources};
use crate::model::Language;
use crate::render::html::escape;

/// The words of the panel around the diagnostics.
struct Words {
    errors: fn(usize) -> String,
    warnings: fn(usize) -> String,
    error: &'static str,
    warning: &'static str,
    line: &'static str,
    column: &'static str,
    hint: &'static str,
    see: &'static str,
    last_good: &'static str,
    no_site: &'static str,
    title: &'static str,
}

fn words(language: Language) -> Words {
    match language {
        Language::Da => Words {
            errors: |n| format!("Planen har {n} fejl"),
            warnings: |n| format!("{n} {}", if n == 1 { "advarsel" } else { "advarsler" }),
            error: "fejl",
            warning: "advarsel",
            line: "linje",
            column: "kolonne",
            hint: "Sådan retter du det",
            see: "Se også",
            last_good: "Siden herunder er den seneste udgave uden fejl. Ret fejlene, og gem filen: så opdaterer siden sig selv.",
            no_site: "Der er endnu ingen side at vise. Ret fejlene, og gem filen: så kommer siden frem af sig selv.",
            title: "Fejl i planen",
        },
        Language::En => Words {
            errors: |n| format!("The plan has {n} error{}", if n == 1 { "" } else { "s" }),
            warnings: |n| format!("{n} warning{}", if n == 1 { "" } else { "s" }),
            error: "error",
            warning: "warning",
            line: "line",
            column: "column",
            hint: "How to fix it",
            see: "See also",
            last_good: "The page below is the last version without errors. Fix the errors and save the file: the page then updates by itself.",
            no_site: "There is no page to show yet. Fix the errors and save the file: the page then appears by itself.",
            title: "Problems in the plan",
        },
    }
}

/// The panel listing `diagnostics`, or `None` when there are none. With
/// errors it is open; with only warnings it is a closed box the author can
/// open.
pub fn panel(diagnostics: &[Diagnostic], sources: &Sources, language: Language) -> Option<String> {
    if diagnostics.is_empty() {
        return None;
    }
    let w = words(language);
    let (errors, warnings) = crate::diagnostic::count(diagnostics);
    let mut out = String::new();
    out.push_str(STYLE);
    let open = if errors > 0 { " open" } else { "" };
    let role = if errors > 0 { " role=\"alert\"" } else { "" };
    out.push_str(&format!(
        "<details id=\"planpress-problems\" lang=\"{}\"{open}{role}><summary>",
        language.code()
    ));
    let mut heading = Vec::new();
    if errors > 0 {
        heading.push((w.errors)(errors));
    }
    if warnings > 0 {
        heading.push((w.warnings)(warnings));
    }
    out.push_str(&escape(&heading.join(", ")));
    out.push_str("</summary><ol>");
    for d in diagnostics {
        let (class, word) = match d.severity() {
            Severity::Error => ("error", w.error),
            Severity::Warning => ("warning", w.warning),
        };
        out.push_str(&format!(
            "<li class=\"{class}\"><p class=\"where\"><span class=\"kind\">{word}</span> <code>{}</code> {}</p>",
            escape(d.code().name()),
            escape(&place(&w, &d.file, d.pos)),
        ));
        out.push_str(&format!(
            "<p class=\"message\">{}</p>",
            escape(&d.message.text(language))
        ));
        if let (Some(pos), Some(text)) = (d.pos, sources.get(&d.file)) {
            out.push_str(&snippet(text, pos));
        }
        if let Some(hint) = &d.hint {
            out.push_str(&format!(
                "<p class=\"hint\"><strong>{}:</strong> {}</p>",
                w.hint,
                escape(&hint.text(language))
            ));
        }
        if let Some(note) = &d.note {
            out.push_str(&format!(
                "<p class=\"note\"><strong>{}:</strong> {} ({})</p>",
                w.see,
                escape(&note.text.text(language)),
                escape(&place(&w, &note.file, Some(note.pos)))
            ));
        }
        out.push_str("</li>");
    }
    out.push_str("</ol></details>");
    Some(out)
}

/// The panel as shown above a page of the last good site: with errors, it
/// says that the page below is not up to date.
pub fn over_page(panel: &str, errors: bool, language: Language) -> String {
    match panel.find("</summary>") {
        Some(at) if errors => {
            let at = at + "</summary>".len();
            let note = format!("<p>{}</p>", escape(words(language).last_good));
            format!("{}{note}{}", &panel[..at], &panel[at..])
        }
        _ => panel.to_string(),
    }
}

/// A whole page holding only the panel, for when no build has succeeded.
pub fn page(panel: &str, language: Language) -> String {
    let w = words(language);
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title></head><body><main><p id=\"planpress-no-site\">{}</p>{panel}</main></body></html>\n",
        language.code(),
        escape(w.title),
        escape(w.no_site),
    )
}

/// `content/01-a.md, linje 3, kolonne 1`.
fn place(w: &Words, file: &str, pos: Option<crate::load::yaml::Pos>) -> String {
    match pos {
        Some(p) => format!("{file}, {} {}, {} {}", w.line, p.line, w.column, p.column),
        None => file.to_string(),
    }
}

/// The source line with the offending part underlined, as in the terminal.
fn snippet(text: &str, pos: crate::load::yaml::Pos) -> String {
    let (line, span) = line_span(text, pos);
    let number = pos.line.to_string();
    let pad = " ".repeat(number.len());
    let before = line[..span.start].chars().count();
    let width = line[span.clone()].chars().count().max(1);
    format!(
        "<pre><code>{number} | {}\n{pad} | {}{}</code></pre>",
        escape(line),
        " ".repeat(before),
        "^".repeat(width)
    )
}

/// Styles kept to the panel's own id, so a theme's styles and the panel's
/// do not meet. Dark red on white and black on white pass WCAG AA.
const STYLE: &str = "<style>\
#planpress-problems{all:initial;display:block;box-sizing:border-box;margin:.5rem auto 1rem;padding:.75rem 1rem;width:calc(100% - 1rem);max-width:60rem;background:#fff;color:#111;border:3px solid #a4000f;border-radius:6px;font:16px/1.45 system-ui,sans-serif}\
#planpress-problems summary{cursor:pointer;font-weight:700;font-size:1.15rem;color:#a4000f}\
#planpress-problems ol{margin:.5rem 0 0;padding-left:1.5rem}\
#planpress-problems li{margin:.75rem 0}\
#planpress-problems p{margin:.25rem 0}\
#planpress-problems .kind{font-weight:700;text-transform:uppercase;font-size:.8rem;color:#a4000f}\
#planpress-problems .warning .kind{color:#6b4e00}\
#planpress-problems .message{font-weight:600}\
#planpress-problems pre{margin:.25rem 0;padding:.5rem;overflow-x:auto;background:#f3f3f3;color:#111;font:14px/1.4 ui-monospace,monospace}\
#planpress-problems code{font-family:ui-monospace,monospace}\
</style>";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::yaml::Pos;

    #[test]
    fn says_file_line_message_and_hint_in_the_plans_language() {
        let mut sources = Sources::new();
        sources.insert("content/a.md".into(), "---\ntitel: <X>\n---\n".into());
        let d = Diagnostic::at(
            "content/a.md",
            Pos { line: 2, column: 1 },
            crate::diagnostic::Message::UnknownField {
                name: "titel".into(),
                thing: crate::diagnostic::Thing::Section,
            },
        )
        .hint(crate::diagnostic::Hint::DidYouMean {
            name: "title".into(),
        });
        let da = panel(std::slice::from_ref(&d), &sources, Language::Da).unwrap();
        assert!(da.contains("Planen har 1 fejl"), "{da}");
        assert!(da.contains("<code>unknown-field</code>"), "{da}");
        assert!(da.contains("content/a.md, linje 2, kolonne 1"), "{da}");
        assert!(da.contains("ukendt felt `titel`"), "{da}");
        assert!(da.contains("mente du `title`?"), "{da}");
        assert!(da.contains("2 | titel: &lt;X&gt;\n  | ^^^^^"), "{da}");
        let en = panel(&[d], &sources, Language::En).unwrap();
        assert!(en.contains("The plan has 1 error"), "{en}");
        assert!(en.contains("content/a.md, line 2, column 1"), "{en}");
        assert!(en.contains("unknown field `titel`"), "{en}");
        assert!(en.contains("did you mean `title`?"), "{en}");
        assert!(panel(&[], &sources, Language::Da).is_none());
    }
}

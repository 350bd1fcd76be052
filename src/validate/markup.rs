//! Markup in a section's text that would not show as meant: a callout of a
//! kind there is none of, and raw HTML that is shown as text.

use crate::diagnostic::{Diagnostic, Hint, Message};
use crate::markdown::{CalloutKind, Outline};

/// `allow_html` is plan.yaml's: with it on, raw HTML goes through as HTML.
pub(super) fn check_markup(
    file: &str,
    outline: &Outline,
    allow_html: bool,
    diags: &mut Vec<Diagnostic>,
) {
    for (written, pos) in &outline.unknown_callouts {
        let word = written.trim_start_matches("[!").trim_end_matches(']');
        // A known kind here was not alone on its line (`> [!NOTE] Tekst`).
        let hint = match CalloutKind::ALL
            .iter()
            .find(|(_, w)| w.eq_ignore_ascii_case(word))
        {
            Some((_, w)) => Hint::CalloutAlone {
                marker: format!("[!{w}]"),
            },
            None => Hint::CalloutKinds,
        };
        diags.push(
            Diagnostic::at(
                file,
                *pos,
                Message::UnknownCallout {
                    written: written.clone(),
                },
            )
            .hint(hint),
        );
    }
    if allow_html {
        return;
    }
    for pos in &outline.raw_html {
        diags.push(Diagnostic::at(file, *pos, Message::RawHtml).hint(Hint::UseCallout));
    }
}

//! Problems found in a plan: the one catalogue of codes and messages, and
//! the three ways of printing them.
//!
//! A diagnostic names its file, line and column and carries a typed
//! [`Message`] (and perhaps a [`Hint`]); it becomes words only when it is
//! printed, in the language the printer asks for, so the command line, the
//! JSON report, GitHub annotations and a browser page can each choose.
//! [`code`] holds the list of codes, [`message`] the typed values, and `da.rs`
//! and `en.rs` their words; [`render`] draws them.

mod case;
pub mod code;
mod da;
mod en;
mod hint;
pub mod message;
mod problems;
pub mod render;

pub use code::{Code, Severity};
pub use message::*;
pub use render::{render_github, render_human, render_json, shown, shown_path};

use crate::load::yaml::Pos;
use crate::model::Language;
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// What is wrong; it decides the code and the severity.
    pub message: Message,
    /// Relative to the plan folder, `/`-separated.
    pub file: String,
    /// `None` for problems with a whole file or folder.
    pub pos: Option<Pos>,
    pub hint: Option<Hint>,
    /// Another place that explains this one (e.g. a first definition).
    pub note: Option<Note>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub file: String,
    pub pos: Pos,
    pub text: NoteText,
}

/// "`[!NOTE]`, `[!TIP]` … `or` `[!CAUTION]`", from the one list of
/// kinds, for the hints of both languages.
fn callout_markers(or: &str) -> String {
    let all: Vec<String> = crate::markdown::CalloutKind::ALL
        .iter()
        .map(|(_, w)| format!("`[!{w}]`"))
        .collect();
    match all.split_last() {
        Some((last, rest)) => format!("{} {or} {last}", rest.join(", ")),
        None => String::new(),
    }
}

impl Diagnostic {
    /// A problem at a position in `file`.
    pub fn at(file: &str, pos: Pos, message: Message) -> Self {
        Self::new(file, Some(pos), message)
    }

    pub fn new(file: &str, pos: Option<Pos>, message: Message) -> Self {
        Diagnostic {
            message,
            file: file.to_string(),
            pos,
            hint: None,
            note: None,
        }
    }

    pub fn code(&self) -> Code {
        self.message.code()
    }

    pub fn severity(&self) -> Severity {
        self.code().severity()
    }

    pub fn hint(mut self, hint: Hint) -> Self {
        self.hint = Some(hint);
        self
    }

    pub fn maybe_hint(mut self, hint: Option<Hint>) -> Self {
        self.hint = hint;
        self
    }

    pub fn note(mut self, file: &str, pos: Pos, text: NoteText) -> Self {
        self.note = Some(Note {
            file: file.to_string(),
            pos,
            text,
        });
        self
    }
}

/// Gives a catalogue type its words in either language, from `da.rs` and
/// `en.rs`.
macro_rules! words {
    ($($ty:ty => $f:ident),* $(,)?) => {
        $(impl $ty {
            pub fn text(&self, lang: Language) -> String {
                match lang {
                    Language::Da => da::$f(self).into(),
                    Language::En => en::$f(self).into(),
                }
            }
        })*
    };
}

words! {
    Message => message,
    Hint => hint,
    NoteText => note,
    Label => label,
    Status => status,
    Fatal => fatal,
}

impl std::fmt::Display for PdfStyleProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(&en::pdf_style(self))
    }
}

/// The text of every file read, for drawing source snippets.
pub type Sources = HashMap<String, String>;

/// Sorts diagnostics by file, then position, so output is stable.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (&a.file, a.pos, a.severity(), a.code()).cmp(&(&b.file, b.pos, b.severity(), b.code()))
    });
}

/// (errors, warnings)
pub fn count(diagnostics: &[Diagnostic]) -> (usize, usize) {
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity() == Severity::Error)
        .count();
    (errors, diagnostics.len() - errors)
}

/// The closest allowed name, when it is close enough to be a likely typo.
pub fn closest<'a>(given: &str, allowed: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
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
        .map(|(_, a)| a)
}

/// "did you mean `target_group`?", when a name is close enough.
pub fn did_you_mean<'a>(given: &str, allowed: impl IntoIterator<Item = &'a str>) -> Option<Hint> {
    closest(given, allowed).map(|name| Hint::DidYouMean {
        name: name.to_string(),
    })
}

#[cfg(test)]
mod examples;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_only_for_near_misses() {
        assert_eq!(
            closest("targetgroup", ["title", "target_group", "goals"]),
            Some("target_group")
        );
        assert_eq!(closest("colour", ["title", "goals"]), None);
    }

    #[test]
    fn every_code_has_a_danish_and_an_english_text() {
        for &code in Code::ALL {
            let d = examples::example(code);
            assert_eq!(
                d.code(),
                code,
                "the example for {} has another code",
                code.name()
            );
            let da = d.message.text(Language::Da);
            let en = d.message.text(Language::En);
            assert!(
                !da.trim().is_empty() && !en.trim().is_empty(),
                "{}",
                code.name()
            );
            assert_ne!(
                da,
                en,
                "{}: the Danish text is the English one",
                code.name()
            );
            if let Some(hint) = &d.hint {
                let (da, en) = (hint.text(Language::Da), hint.text(Language::En));
                assert!(
                    !da.trim().is_empty() && !en.trim().is_empty(),
                    "{}",
                    code.name()
                );
                assert_ne!(da, en, "{}: hint", code.name());
            }
        }
    }

    #[test]
    fn every_status_line_and_fatal_error_has_both_languages() {
        let status = [
            Status::Found {
                errors: 2,
                warnings: 1,
            },
            Status::Checked {
                sections: 8,
                goals: 3,
                indicators: 5,
            },
            Status::Built {
                sections: 8,
                goals: 3,
                out: "output".into(),
                files: vec!["site/".into()],
            },
            Status::Stopped,
        ];
        let fatal = [
            Fatal::NoPlan { dir: "x".into() },
            Fatal::Unreadable {
                path: "x".into(),
                problem: IoProblem::NotFound,
            },
            Fatal::Unwritable {
                path: "x".into(),
                problem: IoProblem::PermissionDenied,
            },
            Fatal::Invalid,
            Fatal::Unrenderable,
            Fatal::OutputNotOurs { path: "x".into() },
            Fatal::LinkLoop { path: "x".into() },
        ]
        .into_iter()
        .chain(
            [
                OutputRefusal::Link,
                OutputRefusal::File,
                OutputRefusal::IsPlan,
                OutputRefusal::HoldsPlan,
                OutputRefusal::InContent,
                OutputRefusal::InThemes,
            ]
            .map(|reason| Fatal::OutputRefused {
                path: "x".into(),
                reason,
            }),
        )
        .collect::<Vec<_>>();
        let texts = status
            .iter()
            .map(|s| (s.text(Language::Da), s.text(Language::En)))
            .chain(
                fatal
                    .iter()
                    .map(|f| (f.text(Language::Da), f.text(Language::En))),
            )
            .chain(
                [Label::Error, Label::Warning, Label::Help, Label::Note]
                    .iter()
                    .map(|l| (l.text(Language::Da), l.text(Language::En))),
            )
            .chain(
                [
                    NoteText::FirstUsedHere,
                    NoteText::SameOrderHere,
                    NoteText::FirstGivenHere,
                    NoteText::GrainSetHere,
                ]
                .iter()
                .map(|n| (n.text(Language::Da), n.text(Language::En))),
            );
        for (da, en) in texts {
            assert!(!da.is_empty() && !en.is_empty());
            assert_ne!(da, en);
        }
    }

    #[test]
    fn the_readme_lists_every_code_with_both_languages() {
        let readme = include_str!("../../README.md");
        for &code in Code::ALL {
            let d = examples::example(code);
            let row = readme
                .lines()
                .find(|l| l.starts_with(&format!("| `{}` |", code.name())))
                .unwrap_or_else(|| panic!("no README row for `{}`", code.name()));
            for lang in [Language::Da, Language::En] {
                let text = d.message.text(lang).replace('|', "\\|");
                assert!(
                    row.contains(&text),
                    "README row of {}: no {text:?}",
                    code.name()
                );
            }
        }
    }

    #[test]
    fn danish_counts_use_danish_plurals() {
        let s = Status::Found {
            errors: 2,
            warnings: 1,
        };
        assert_eq!(s.text(Language::Da), "fandt 2 fejl og 1 advarsel");
        assert_eq!(s.text(Language::En), "2 errors and 1 warning found");
        let s = Status::Checked {
            sections: 1,
            goals: 2,
            indicators: 3,
        };
        assert_eq!(
            s.text(Language::Da),
            "tjekkede 1 afsnit, 2 mål og 3 indikatorer"
        );
    }
}

//! Where a link, an image or the logo may point: an address on the
//! allow-list ([`crate::url`]), or a file inside `content/` (see
//! [`crate::load::confine`]).

use crate::diagnostic::{Diagnostic, Hint, Message, Pointer};
use crate::load::confine::{self, Content, Refusal};
use crate::load::yaml::Pos;
use crate::url::Address;

/// The `unsafe-link` error for an address outside the allow-list, or `None`
/// for one that may be published.
pub(super) fn unsafe_link(file: &str, written: &str, pos: Pos) -> Option<Diagnostic> {
    let problem = Address::of(written.trim()).problem()?;
    Some(
        Diagnostic::at(
            file,
            pos,
            Message::UnsafeLink {
                written: shorten(written),
                problem,
            },
        )
        .hint(Hint::AllowedLinks),
    )
}

/// The error for a local path (an image, a link, the logo) that is hidden
/// or leads out of content/, or `None` when it is merely missing. `folder`
/// is where it is written from (`content/…`, or `""` for plan.yaml).
pub(super) fn misplaced(
    file: &str,
    folder: &str,
    what: Pointer,
    written: &str,
    content: &Content,
    pos: Pos,
) -> Option<Diagnostic> {
    let refusal = match confine::written(folder, &written.replace("%20", " ")) {
        Err(Refusal::Hidden) => {
            return Some(
                Diagnostic::at(
                    file,
                    pos,
                    Message::Hidden {
                        what,
                        written: shorten(written),
                    },
                )
                .hint(Hint::Unhide),
            );
        }
        Err(refusal) => refusal,
        Ok(joined) if content.refused.iter().any(|r| within(&joined, r)) => Refusal::Outside,
        Ok(joined) if !joined.starts_with("content/") => Refusal::Elsewhere,
        Ok(_) => return None,
    };
    Some(
        Diagnostic::at(
            file,
            pos,
            Message::PathRefused {
                what,
                written: shorten(written),
                refusal,
            },
        )
        .hint(Hint::FilesInContent),
    )
}

/// Whether the `/`-separated `path` is `folder` or lies below it.
fn within(path: &str, folder: &str) -> bool {
    path.strip_prefix(folder)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// At most 60 characters of `text`, for quoting long input in a message.
fn shorten(text: &str) -> String {
    match text.char_indices().nth(60) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}

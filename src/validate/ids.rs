//! Ids that must be unique across the plan: goals and indicators.

use super::{At, Spans};
use crate::diagnostic::{Diagnostic, Hint, Message, NoteText};
use std::collections::HashMap;

/// A goal id or an indicator id used twice is reported at the second, with
/// a note at the first. An indicator's default id (`V1.2`) counts as
/// written, so an id written as another indicator's default collides too;
/// two default ids collide only when their goals' ids do, which is said once.
pub(super) fn check_unique(spans: &Spans, diags: &mut Vec<Diagnostic>) {
    let mut goals: HashMap<&str, &At> = HashMap::new();
    for (id, at) in &spans.goal_ids {
        match goals.get(id.as_str()) {
            Some(prev) => diags.push(
                Diagnostic::at(
                    &at.file,
                    at.pos,
                    Message::DuplicateGoalId { id: id.clone() },
                )
                .hint(Hint::UniqueGoalIds)
                .note(&prev.file, prev.pos, NoteText::FirstUsedHere),
            ),
            None => {
                goals.insert(id, at);
            }
        }
    }
    let mut indicators: HashMap<&str, (&At, bool)> = HashMap::new();
    for (id, at, written) in &spans.indicator_ids {
        match indicators.get(id.as_str()) {
            Some((prev, prev_written)) if *written || *prev_written => diags.push(
                Diagnostic::at(
                    &at.file,
                    at.pos,
                    Message::DuplicateIndicatorId { id: id.clone() },
                )
                .hint(Hint::UniqueIndicatorIds)
                .note(&prev.file, prev.pos, NoteText::FirstUsedHere),
            ),
            Some(_) => {}
            None => {
                indicators.insert(id, (at, *written));
            }
        }
    }
}

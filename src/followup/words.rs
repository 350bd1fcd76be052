//! The words the follow-up documents show that are made of several parts —
//! a report's title, the sentence on who adopted the plan, a target or its
//! absence — from the theme's labels, so the site and the PDF say the same.

use super::changes::{Changes, SectionChangeKind};
use super::report::{Group, Report};
use crate::locale;
use crate::model::{Language, Plan, Unit, Value};

/// The title of a report: `Status for 2. kvartal 2026`, or the plain
/// `Statusrapport` for one of every figure.
pub fn report_title(report: &Report, label: &dyn Fn(&str) -> String, lang: Language) -> String {
    match report.until {
        Some(w) => label("report_for").replace("{period}", &locale::when(w, lang)),
        None => label("report"),
    }
}

/// The name of a report group: its target group's, or the theme's word for
/// goals of no target group.
pub fn group_name(group: &Group, label: &dyn Fn(&str) -> String) -> String {
    group.name.clone().unwrap_or_else(|| label("goals_other"))
}

/// The sentence that opens the changes: who adopted the plan, when, and
/// which version that is.
pub fn adopted_sentence(plan: &Plan, changes: &Changes, label: &dyn Fn(&str) -> String) -> String {
    let lang = plan.meta.language;
    let adoption = plan.meta.adopted.as_ref();
    let date = adoption.map_or_else(String::new, |a| locale::date(a.date, lang));
    let template = match adoption.and_then(|a| a.by.as_ref()) {
        Some(_) => label("changes_adopted_by"),
        None => label("changes_adopted"),
    };
    template
        .replace("{by}", adoption.and_then(|a| a.by.as_deref()).unwrap_or(""))
        .replace("{date}", &date)
        .replace("{ref}", &changes.git_ref)
}

/// A target, or the theme's word for none.
pub fn target_text(v: &Option<Value>, unit: Unit, lang: Language, none: &str) -> String {
    v.as_ref()
        .map_or_else(|| none.to_string(), |v| locale::value(v, unit, lang))
}

/// What the changes say of a section added, removed or rewritten.
pub fn section_note(kind: SectionChangeKind, label: &dyn Fn(&str) -> String) -> Option<String> {
    match kind {
        SectionChangeKind::Added => Some(label("changes_section_added")),
        SectionChangeKind::Removed => Some(label("changes_section_removed")),
        SectionChangeKind::Rewritten => Some(label("changes_section_rewritten")),
        SectionChangeKind::Edited => None,
    }
}

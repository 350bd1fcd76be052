//! What can be wrong with a committee case: its kind, its header of facts,
//! its recommendation and its decision. One message variant,
//! [`super::Message::Case`], holds them, each with its code, and one hint
//! variant, [`super::Hint::Case`], what to do about them.

use super::code::Code;
use crate::model::Date;

/// What to do about a case's problem.
#[derive(Debug, Clone, PartialEq)]
pub enum CaseHint {
    Kinds,
    AccessValues,
    MeetingForm,
    /// `kind: case`, or leave the field out.
    SayCase {
        field: &'static str,
    },
    /// A case's recommendation or decision belongs in one section.
    OnePlace {
        field: &'static str,
    },
    AddRecommendation,
    /// A date as year-month-day, for `field`.
    DateOf {
        field: &'static str,
    },
    DecisionAtMeeting {
        meeting: Date,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum CaseProblem {
    /// `kind:` is neither `plan` nor `case`.
    UnknownKind {
        written: String,
    },
    /// `access:` is neither `open` nor `closed`.
    UnknownAccess {
        written: String,
    },
    /// `item:` below 1.
    BadItem {
        item: i64,
    },
    /// `meeting:` is not a date with an optional time.
    BadMeeting {
        written: String,
    },
    /// `kind: case` without a `case:` block.
    NoHeader,
    /// `recommendation: []`.
    EmptyRecommendation,
    /// A `case:` block in a plan.
    HeaderInPlan,
    /// `recommendation:` or `decision:` in a plan's section.
    FieldInPlan {
        field: &'static str,
    },
    /// A second `recommendation:` or `decision:` in one case.
    Twice {
        field: &'static str,
        first: String,
    },
    /// A case without any `recommendation:`.
    NoRecommendation,
    /// A point that does not begin with the word the plan's language
    /// begins recommendations with (`at`, `that`).
    PointWithoutAt {
        written: String,
        word: &'static str,
    },
    DecisionBeforeMeeting {
        decided: Date,
        meeting: Date,
    },
}

impl CaseProblem {
    pub fn code(&self) -> Code {
        use CaseProblem::*;
        match self {
            UnknownKind { .. } | UnknownAccess { .. } | BadItem { .. } => Code::InvalidValue,
            BadMeeting { .. } => Code::InvalidDate,
            NoHeader | EmptyRecommendation => Code::MissingField,
            HeaderInPlan | FieldInPlan { .. } => Code::NotACase,
            Twice { .. } => Code::CaseTwice,
            NoRecommendation | PointWithoutAt { .. } => Code::CaseRecommendation,
            DecisionBeforeMeeting { .. } => Code::DecisionBeforeMeeting,
        }
    }
}

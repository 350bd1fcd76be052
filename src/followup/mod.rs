//! Following a plan up after its adoption: the status report of the latest
//! figures ([`report`]) and what changed since the council adopted it
//! ([`changes`], from the version [`history`] reads out of git).
//!
//! Both are typed documents computed once per build; the site and the PDF
//! renderers walk them, as they walk the plan.

pub mod changes;
pub mod history;
pub mod report;
pub mod words;

pub use changes::Changes;
pub use report::Report;

use crate::diagnostic::{Diagnostic, Hint, Message};
use crate::load::yaml::Pos;
use crate::model::{Plan, When};

/// The follow-up documents of a build.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Followup {
    /// `None` for a plan without goals, which has nothing to follow up.
    pub report: Option<Report>,
    /// `None` without `adopted.ref`, or when git could not give it.
    pub changes: Option<Changes>,
}

impl Followup {
    /// The report of `plan` as of `until` (or of all its figures), and the
    /// changes from `adopted`, the adopted version, when there is one.
    pub fn of(plan: &Plan, until: Option<When>, adopted: Option<&Plan>) -> Followup {
        Followup {
            report: Followup::report_of(plan, until),
            changes: Followup::changes_of(plan, adopted),
        }
    }

    /// The status report of `plan` as of `until`: it needs no history, so
    /// a build makes it while git is still being read.
    pub fn report_of(plan: &Plan, until: Option<When>) -> Option<Report> {
        // A committee case is read at one meeting: it has no follow-up.
        Some(Report::of(plan, until)).filter(|r| !r.is_empty() && plan.meta.kind.case().is_none())
    }

    /// What changed in `plan` since `adopted`, its adopted version.
    pub fn changes_of(plan: &Plan, adopted: Option<&Plan>) -> Option<Changes> {
        let a = plan
            .meta
            .adopted
            .as_ref()
            .filter(|_| expects_changes(plan))?;
        let (git_ref, commit) = (a.git_ref.as_ref()?, a.commit.as_ref()?);
        Some(Changes::between(adopted?, plan, git_ref, &commit.hash))
    }
}

/// Whether `plan` has changes since adoption once its adopted version is
/// read: plan.yaml names one that git knows, and the plan is not a
/// committee case (read at one meeting, it has no follow-up).
pub fn expects_changes(plan: &Plan) -> bool {
    plan.meta.kind.case().is_none()
        && plan
            .meta
            .adopted
            .as_ref()
            .is_some_and(|a| a.git_ref.is_some() && a.commit.is_some())
}

/// The adopted version of `plan`, read from git, when plan.yaml names one
/// that git knows (the check reported it otherwise). A version git gives
/// but that does not check clean is a warning at `adopted.ref`. `known` is
/// what the check of `plan` read and learnt, when it was kept.
pub fn adopted_plan(
    plan: &Plan,
    known: Option<history::Known>,
) -> Result<Option<Plan>, Box<Diagnostic>> {
    let Some(adoption) = &plan.meta.adopted else {
        return Ok(None);
    };
    let (Some(git_ref), Some(commit)) = (&adoption.git_ref, &adoption.commit) else {
        return Ok(None);
    };
    history::adopted_plan(&plan.root, commit, known)
        .map(Some)
        .map_err(|problem| {
            let (line, column) = adoption.ref_at;
            Box::new(
                Diagnostic::at(
                    "plan.yaml",
                    Pos { line, column },
                    Message::AdoptedRef {
                        git_ref: git_ref.clone(),
                        problem: problem.clone(),
                    },
                )
                .hint(Hint::GitHistory {
                    git_ref: git_ref.clone(),
                    problem,
                }),
            )
        })
}

/// The file name of the status report's PDF: `<plan>-status.pdf`.
pub fn report_pdf_name(plan: &Plan) -> String {
    format!("{}-status.pdf", pdf_stem(plan))
}

/// The file name of the changes annex's PDF: `<plan>-changes.pdf`.
pub fn changes_pdf_name(plan: &Plan) -> String {
    format!("{}-changes.pdf", pdf_stem(plan))
}

fn pdf_stem(plan: &Plan) -> String {
    crate::markdown::file_stem(&plan.meta.title, "plan")
}

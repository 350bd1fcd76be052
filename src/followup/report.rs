//! The status report: every goal with its latest figures, targets, status
//! and the change since the period before, grouped by target group with the
//! goals that are off track first, and a count per status. Computed once
//! from the plan; the site's status page and the report's PDF both walk it.

use crate::model::{Date, Figure, Goal, Indicator, Plan, Status, Unit, Value, When};

/// The follow-up report of a plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The period the report is made as of (`--report 2026-Q2`): only the
    /// figures of periods that had ended by then. `None`: every figure the
    /// plan holds, as of `as_of`.
    pub until: Option<When>,
    /// The figures' date: the end of `until`, or the plan's `as_of`.
    pub as_of: Option<Date>,
    /// How many goals stand at each status, in [`STATUSES`] order.
    pub counts: Vec<(Status, usize)>,
    pub groups: Vec<Group>,
}

/// The goals of one target group (or of none).
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// The target group's id; `None` for goals of no target group.
    pub id: Option<String>,
    /// Its name; `None` for goals of no target group (the theme names them).
    pub name: Option<String>,
    /// Off track first, then by status as [`STATUSES`] orders them less
    /// urgent; in reading order within a status.
    pub goals: Vec<GoalLine>,
}

/// One goal as the report shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalLine {
    pub id: String,
    pub title: String,
    /// The page and anchor of the goal on the site.
    pub section_slug: String,
    pub anchor: String,
    pub status: Status,
    pub indicators: Vec<IndicatorLine>,
}

/// One indicator as the report shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorLine {
    pub name: String,
    pub unit: Unit,
    /// The latest measured figure.
    pub latest: Option<Figure>,
    /// What the change is counted from: the measured figure before the
    /// latest, or else the baseline.
    pub previous: Option<Figure>,
    /// `latest − previous`, for numbers.
    pub change: Option<f64>,
    /// The last target, the one the status is judged against.
    pub target: Option<Figure>,
    pub status: Status,
    /// The indicator's `note`: what the figures need said about them.
    pub note: Option<String>,
}

/// Statuses from the most to the least urgent: the report's order.
pub const STATUSES: [Status; 5] = [
    Status::OffTrack,
    Status::NotAssessed,
    Status::NotMeasured,
    Status::OnTrack,
    Status::Achieved,
];

fn urgency(s: Status) -> usize {
    STATUSES
        .iter()
        .position(|x| *x == s)
        .unwrap_or(STATUSES.len())
}

impl Report {
    /// The report of `plan` as of the end of `until`, or of every figure.
    pub fn of(plan: &Plan, until: Option<When>) -> Report {
        let mut groups: Vec<Group> = plan
            .target_groups
            .iter()
            .map(|tg| Group {
                id: Some(tg.id.clone()),
                name: Some(tg.name.clone()),
                goals: Vec::new(),
            })
            .collect();
        let mut other = Group {
            id: None,
            name: None,
            goals: Vec::new(),
        };
        for (section, goal) in plan.all_goals() {
            let line = goal_line(goal, &section.slug, until);
            let group = section
                .target_group
                .as_ref()
                .and_then(|id| groups.iter_mut().find(|g| g.id.as_ref() == Some(id)))
                .unwrap_or(&mut other);
            group.goals.push(line);
        }
        groups.push(other);
        groups.retain(|g| !g.goals.is_empty());
        for g in &mut groups {
            // Stable: reading order within a status.
            g.goals.sort_by_key(|l| urgency(l.status));
        }
        let counts = STATUSES
            .iter()
            .map(|&s| {
                let n = groups
                    .iter()
                    .flat_map(|g| &g.goals)
                    .filter(|l| l.status == s)
                    .count();
                (s, n)
            })
            .collect();
        Report {
            until,
            as_of: until.map(When::end).or(plan.meta.as_of),
            counts,
            groups,
        }
    }

    /// Whether the report has anything to show: a plan without goals (a
    /// case, a foreword on its own) has no follow-up.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// Every goal of the report, in its order.
    pub fn goals(&self) -> impl Iterator<Item = &GoalLine> {
        self.groups.iter().flat_map(|g| &g.goals)
    }
}

fn goal_line(goal: &Goal, slug: &str, until: Option<When>) -> GoalLine {
    let indicators: Vec<Indicator> = goal
        .indicators
        .iter()
        .map(|i| match until {
            Some(u) => i.as_of(u),
            None => i.clone(),
        })
        .collect();
    GoalLine {
        id: goal.id.clone(),
        title: goal.title.clone(),
        section_slug: slug.to_string(),
        anchor: goal.anchor(),
        status: crate::model::goal_status(&indicators),
        indicators: indicators.iter().map(indicator_line).collect(),
    }
}

fn indicator_line(ind: &Indicator) -> IndicatorLine {
    let latest = ind.latest_actual().cloned();
    let previous = ind
        .previous_actual()
        .or(ind.baseline.as_ref())
        .filter(|p| latest.as_ref().is_some_and(|l| p.when < l.when))
        .cloned();
    let change = match (&latest, &previous) {
        (Some(l), Some(p)) => match (&l.value, &p.value) {
            (Value::Number(a), Value::Number(b)) => Some(round(a - b)),
            _ => None,
        },
        _ => None,
    };
    IndicatorLine {
        name: ind.name.clone(),
        unit: ind.unit,
        latest,
        previous,
        change,
        target: ind
            .targets
            .iter()
            .rev()
            .find(|t| t.value != Value::Missing)
            .cloned(),
        status: ind.status,
        note: ind.note.clone(),
    }
}

/// A difference of two figures of at most six decimals, without the
/// float's noise (`16.8 − 15.9` is `0.9`, not `0.900000000000002`).
fn round(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_carry_no_float_noise() {
        assert_eq!(round(16.8 - 15.9), 0.9);
        assert_eq!(round(655.0 - 660.0), -5.0);
    }
}

//! An indicator and what planpress judges of it: its unit and direction,
//! its figures by period, and the status computed from them once.

use crate::when::When;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq)]
pub struct Indicator {
    /// Unique in the plan: as written, or `GOALID.N` (1-based) by default.
    /// Later tools address the indicator's figures by it.
    pub id: String,
    pub name: String,
    pub unit: Unit,
    /// What a count or an amount counts (`timer`, `personer`, `mio. kr.`),
    /// written after its figures in place of the unit's own word.
    pub unit_label: Option<String>,
    /// A sentence shown with the figures: why they moved, what they cover.
    pub note: Option<String>,
    /// The author's judgement of a text indicator's latest figure.
    pub assessment: Option<Assessment>,
    pub direction: Option<Direction>,
    pub source: Option<String>,
    pub relative_to: Option<String>,
    pub baseline: Option<Figure>,
    /// Sorted by period; all of one grain (years, quarters or months).
    pub actuals: Vec<Figure>,
    /// Sorted by period; years or quarters.
    pub targets: Vec<Figure>,
    pub status: Status,
}

impl Indicator {
    /// The most recent actual figure that was measured.
    pub fn latest_actual(&self) -> Option<&Figure> {
        self.actuals
            .iter()
            .rev()
            .find(|a| a.value != Value::Missing)
    }

    /// The measured actual figure before the latest one, for the change
    /// since the previous period.
    pub fn previous_actual(&self) -> Option<&Figure> {
        let latest = self.latest_actual()?;
        self.actuals
            .iter()
            .rev()
            .filter(|a| a.when < latest.when)
            .find(|a| a.value != Value::Missing)
    }

    /// The actual figure a table shows for `year`: the latest measured one
    /// of that year (its last quarter or month so far), or else its last.
    pub fn actual_in_year(&self, year: i32) -> Option<&Figure> {
        latest_in_year(&self.actuals, year)
    }

    /// The target a table shows for `year`: the latest of that year.
    pub fn target_in_year(&self, year: i32) -> Option<&Figure> {
        latest_in_year(&self.targets, year)
    }

    /// The indicator as it stood when the figures of `until` were in: only
    /// actuals of periods that ended by then, and the status they give.
    pub fn as_of(&self, until: When) -> Indicator {
        let mut ind = self.clone();
        ind.actuals.retain(|a| a.when.end() <= until.end());
        ind.status = indicator_status(
            ind.unit,
            ind.direction,
            ind.assessment,
            ind.baseline.as_ref(),
            &ind.actuals,
            &ind.targets,
        );
        ind
    }

    /// All years that appear in baseline, actuals or targets, ascending.
    pub fn years(&self) -> Vec<i32> {
        let mut years: Vec<i32> = self
            .baseline
            .iter()
            .chain(&self.actuals)
            .chain(&self.targets)
            .map(|v| v.when.year())
            .collect();
        years.sort_unstable();
        years.dedup();
        years
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    Count,
    Percent,
    Rank,
    Amount,
    Text,
}

impl Unit {
    pub const NAMES: [&'static str; 5] = ["count", "percent", "rank", "amount", "text"];

    pub fn parse(s: &str) -> Option<Unit> {
        Some(match s {
            "count" => Unit::Count,
            "percent" => Unit::Percent,
            "rank" => Unit::Rank,
            "amount" => Unit::Amount,
            "text" => Unit::Text,
            _ => return None,
        })
    }

    pub fn is_numeric(self) -> bool {
        self != Unit::Text
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Increase,
    Decrease,
    Maintain,
}

impl Direction {
    pub const NAMES: [&'static str; 3] = ["increase", "decrease", "maintain"];

    pub fn parse(s: &str) -> Option<Direction> {
        Some(match s {
            "increase" => Direction::Increase,
            "decrease" => Direction::Decrease,
            "maintain" => Direction::Maintain,
            _ => return None,
        })
    }
}

/// The last figure of `year` in a sorted series, preferring measured ones.
fn latest_in_year(series: &[Figure], year: i32) -> Option<&Figure> {
    let mut of_year = series.iter().rev().filter(|f| f.when.year() == year);
    let last = of_year.clone().next();
    of_year.find(|f| f.value != Value::Missing).or(last)
}

/// A figure and the period it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub when: When,
    pub value: Value,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Number(f64),
    Text(String),
    /// `null`: not measured.
    Missing,
}

impl Value {
    pub fn number(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }
}

/// How an indicator (or a goal) stands. Always shown as a word and a symbol.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Achieved,
    OnTrack,
    OffTrack,
    NotMeasured,
    /// A text indicator measured in words that differ from its target,
    /// which nobody has judged (`assessment`).
    NotAssessed,
}

impl Status {
    /// Every status, in the order overviews count them.
    pub const ALL: [Status; 5] = [
        Status::Achieved,
        Status::OnTrack,
        Status::OffTrack,
        Status::NotMeasured,
        Status::NotAssessed,
    ];

    /// The stable machine name used in exports and CSS classes.
    pub fn code(self) -> &'static str {
        match self {
            Status::Achieved => "achieved",
            Status::OnTrack => "on_track",
            Status::OffTrack => "off_track",
            Status::NotMeasured => "not_measured",
            Status::NotAssessed => "not_assessed",
        }
    }

    /// A symbol that reads without colour.
    pub fn symbol(self) -> &'static str {
        match self {
            Status::Achieved => "✓",
            Status::OnTrack => "↗",
            Status::OffTrack => "✗",
            Status::NotMeasured => "–",
            Status::NotAssessed => "?",
        }
    }

    /// The judged statuses carry a verdict; the other two say why there is none.
    pub fn is_judged(self) -> bool {
        matches!(self, Status::Achieved | Status::OnTrack | Status::OffTrack)
    }
}

/// `assessment:` on a text indicator: the author's verdict on its latest
/// figure, which words cannot be compared to reach.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Assessment {
    Achieved,
    OnTrack,
    OffTrack,
}

impl Assessment {
    /// Every assessment with the word front matter uses for it.
    pub const ALL: [(Assessment, &'static str); 3] = [
        (Assessment::Achieved, "achieved"),
        (Assessment::OnTrack, "on_track"),
        (Assessment::OffTrack, "off_track"),
    ];

    pub fn parse(word: &str) -> Option<Assessment> {
        Self::ALL.iter().find(|(_, w)| *w == word).map(|(a, _)| *a)
    }

    pub fn status(self) -> Status {
        match self {
            Assessment::Achieved => Status::Achieved,
            Assessment::OnTrack => Status::OnTrack,
            Assessment::OffTrack => Status::OffTrack,
        }
    }
}

/// Computes an indicator's status from its baseline, actuals and targets.
///
/// - *not measured*: no actual figure yet (or no target to measure against);
/// - *achieved*: the latest actual meets the last target in the indicator's
///   direction (for `maintain`: stays within 2 % of it; for text: equals it);
/// - *on track*: not yet achieved, but the latest actual has moved from the
///   baseline (or, without one, from the earliest actual) in the indicator's
///   direction;
/// - *off track*: the latest actual has not moved, or moved the wrong way.
///
/// A text indicator is *achieved* when its latest words are its target's;
/// other words are the author's `assessment` to judge, and *not assessed*
/// until they do.
pub fn indicator_status(
    unit: Unit,
    direction: Option<Direction>,
    assessment: Option<Assessment>,
    baseline: Option<&Figure>,
    actuals: &[Figure],
    targets: &[Figure],
) -> Status {
    let Some(latest) = actuals.iter().rev().find(|a| a.value != Value::Missing) else {
        return Status::NotMeasured;
    };
    if !unit.is_numeric()
        && let Some(a) = assessment
    {
        return a.status();
    }
    let Some(last_target) = targets.iter().rev().find(|t| t.value != Value::Missing) else {
        return Status::NotMeasured;
    };
    if !unit.is_numeric() {
        let same = match (&latest.value, &last_target.value) {
            (Value::Text(a), Value::Text(t)) => a.trim().to_lowercase() == t.trim().to_lowercase(),
            _ => false,
        };
        return if same {
            Status::Achieved
        } else {
            Status::NotAssessed
        };
    }
    let (Some(actual), Some(target)) = (latest.value.number(), last_target.value.number()) else {
        return Status::NotMeasured;
    };
    let Some(direction) = direction else {
        return Status::NotMeasured;
    };
    // `better(a, b)`: a is at least as good as b.
    let better = |a: f64, b: f64| match direction {
        Direction::Increase => a >= b - 1e-9,
        Direction::Decrease => a <= b + 1e-9,
        Direction::Maintain => (a - b).abs() <= (b.abs() * 0.02).max(1e-9),
    };
    if better(actual, target) {
        return Status::Achieved;
    }
    if direction == Direction::Maintain {
        return Status::OffTrack;
    }
    // The starting point: the baseline, or else the earliest actual.
    let start = baseline.and_then(|b| b.value.number()).or_else(|| {
        actuals
            .iter()
            .filter(|a| a.when < latest.when)
            .find_map(|a| a.value.number())
    });
    match start {
        Some(start) if better(actual, start) && (actual - start).abs() > 1e-9 => Status::OnTrack,
        Some(_) => Status::OffTrack,
        // One figure and no baseline: nothing to compare with yet.
        None => Status::OnTrack,
    }
}

/// A goal's status, from its judged indicators (achieved, on track, off
/// track): off track if any is, achieved if all are, on track otherwise.
/// Indicators not measured or not assessed do not count; a goal with no
/// judged indicator is not assessed when one of them is, else not measured.
pub fn goal_status(indicators: &[Indicator]) -> Status {
    let statuses = || indicators.iter().map(|i| i.status);
    let measured: Vec<Status> = statuses().filter(|s| s.is_judged()).collect();
    if measured.is_empty() {
        if statuses().any(|s| s == Status::NotAssessed) {
            Status::NotAssessed
        } else {
            Status::NotMeasured
        }
    } else if measured.contains(&Status::OffTrack) {
        Status::OffTrack
    } else if measured.iter().all(|s| *s == Status::Achieved) {
        Status::Achieved
    } else {
        Status::OnTrack
    }
}

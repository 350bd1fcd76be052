//! A neutral description of an indicator's chart: axes, series and points in
//! a unit square. [`plot`] lays it out in a frame (marks, lines and every
//! label placed clear of each other); the site draws that as inline SVG and
//! the PDF as vector paths, so the two always agree.

pub mod plot;

use crate::locale;
use crate::model::{Figure, Indicator, Language, Unit, Value, When};

/// What a series of points stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeriesKind {
    Baseline,
    Actual,
    Target,
}

#[derive(Debug, Clone)]
pub struct Point {
    pub when: When,
    pub value: f64,
    /// The value as the plan's language writes it: `14,6 %`.
    pub label: String,
    /// Position in the unit square: x from left (0) to right (1), y from
    /// bottom (0) to top (1).
    pub x: f64,
    pub y: f64,
}

#[derive(Debug, Clone)]
pub struct Series {
    pub kind: SeriesKind,
    pub points: Vec<Point>,
}

#[derive(Debug, Clone)]
pub struct Tick {
    pub label: String,
    /// Position along its axis in the unit square.
    pub at: f64,
}

#[derive(Debug, Clone)]
pub struct Chart {
    /// The indicator's name.
    pub title: String,
    /// A text alternative that states every figure shown.
    pub description: String,
    pub x_ticks: Vec<Tick>,
    pub y_ticks: Vec<Tick>,
    /// Baseline, then the measured actuals, then targets (markers).
    pub series: Vec<Series>,
    /// The axis runs downwards: ranks, where 1 is best, put 1 at the top
    /// so that improvement reads as up.
    pub reversed: bool,
    /// The value axis starts at its natural origin (0, or rank 1). When it
    /// does not, the chart marks the axis as cut.
    pub from_zero: bool,
    /// The legend's words.
    pub words: Names,
}

/// What the legend calls each series, in the plan's language.
#[derive(Debug, Clone)]
pub struct Names {
    pub baseline: String,
    pub actual: String,
    pub target: String,
}

/// Words the description needs, in the plan's language.
pub struct Words<'a> {
    pub baseline: &'a str,
    pub actual: &'a str,
    pub target: &'a str,
    pub not_measured: &'a str,
}

impl Chart {
    /// The chart of a numeric indicator; `None` for text indicators or
    /// when there are no numbers to draw.
    pub fn of(indicator: &Indicator, lang: Language, words: &Words) -> Option<Chart> {
        if !indicator.unit.is_numeric() {
            return None;
        }
        let years = indicator.years();
        let times: Vec<f64> = indicator
            .baseline
            .iter()
            .chain(&indicator.actuals)
            .chain(&indicator.targets)
            .map(|f| f.when.middle())
            .collect();
        let numbers: Vec<f64> = indicator
            .baseline
            .iter()
            .chain(&indicator.actuals)
            .chain(&indicator.targets)
            .filter_map(|v| v.value.number())
            .collect();
        if numbers.is_empty() || years.is_empty() {
            return None;
        }
        let lo = numbers.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = numbers.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let (grid0, max, step) = nice_scale(lo, hi, indicator.unit);
        let reversed = indicator.unit == Unit::Rank;
        // A rank axis counts from 1, its first tick standing for it; its
        // other ticks keep to round steps.
        let origin = if reversed { 1.0 } else { 0.0 };
        let min = if reversed { grid0.max(1.0) } else { grid0 };
        // Periods sit at their middle on one time line, so a year's target
        // and the quarters that lead to it stand where they belong.
        let first = times.iter().copied().fold(f64::INFINITY, f64::min);
        let last = times.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let x = |t: f64| {
            if last > first {
                ((t - first) / (last - first)).clamp(0.0, 1.0)
            } else {
                0.5
            }
        };
        let y = |v: f64| {
            let up = if max > min {
                (v - min) / (max - min)
            } else {
                0.5
            };
            if reversed { 1.0 - up } else { up }
        };
        let point = |when: When, value: f64| Point {
            when,
            value,
            label: locale::figure(&Value::Number(value), indicator, lang),
            x: x(when.middle()),
            y: y(value),
        };
        let mut series = Vec::new();
        if let Some(b) = &indicator.baseline
            && let Some(v) = b.value.number()
        {
            series.push(Series {
                kind: SeriesKind::Baseline,
                points: vec![point(b.when, v)],
            });
        }
        // Only measured periods: one without a figure leaves a gap.
        let actual_points: Vec<Point> = indicator
            .actuals
            .iter()
            .filter_map(|a| a.value.number().map(|v| point(a.when, v)))
            .collect();
        if !actual_points.is_empty() {
            series.push(Series {
                kind: SeriesKind::Actual,
                points: actual_points,
            });
        }
        let targets: Vec<Point> = indicator
            .targets
            .iter()
            .filter_map(|t| t.value.number().map(|v| point(t.when, v)))
            .collect();
        if !targets.is_empty() {
            series.push(Series {
                kind: SeriesKind::Target,
                points: targets,
            });
        }
        // Ticks by count, not by adding steps until `max`: a step below the
        // values' precision would never get there.
        let steps = ((max - grid0) / step).round();
        let steps = if steps.is_finite() && steps >= 0.0 {
            (steps as usize).min(MAX_STEPS)
        } else {
            0
        };
        let y_ticks = (0..=steps)
            .map(|i| if i == 0 { min } else { grid0 + step * i as f64 })
            .enumerate()
            .filter(|&(i, v)| i == 0 || v > min)
            .map(|(_, v)| {
                // A unit label is said at the points; the axis keeps to numbers.
                let label = match indicator.unit_label {
                    Some(_) => locale::number(round(v), lang),
                    None => locale::value(&Value::Number(round(v)), indicator.unit, lang),
                };
                Tick { label, at: y(v) }
            })
            .collect();
        let x_ticks = years
            .iter()
            // A label for each year under its middle (the year's part on
            // the axis, when the axis starts or ends inside it).
            .map(|&yr| Tick {
                label: yr.to_string(),
                at: x(When::Year(yr).middle().clamp(first, last)),
            })
            .collect();
        Some(Chart {
            title: indicator.name.clone(),
            description: describe(indicator, lang, words),
            x_ticks,
            y_ticks,
            series,
            reversed,
            from_zero: min <= origin,
            words: Names {
                baseline: words.baseline.to_string(),
                actual: words.actual.to_string(),
                target: words.target.to_string(),
            },
        })
    }

    /// The series of one kind, if the chart has it.
    pub fn series(&self, kind: SeriesKind) -> Option<&Series> {
        self.series.iter().find(|s| s.kind == kind)
    }

    /// The stretches of the actual line: from the baseline through the
    /// measured years, broken wherever a year has no figure (a `null`, or a
    /// year left out), so a gap is never drawn as a straight join.
    pub fn runs(&self) -> Vec<Vec<&Point>> {
        let mut points: Vec<&Point> = Vec::new();
        if let Some(b) = self.series(SeriesKind::Baseline) {
            points.extend(&b.points);
        }
        if let Some(a) = self.series(SeriesKind::Actual) {
            points.extend(&a.points);
        }
        let mut runs: Vec<Vec<&Point>> = Vec::new();
        for p in points {
            match runs.last_mut() {
                Some(run) if run.last().is_some_and(|q| p.when.follows(q.when)) => run.push(p),
                _ => runs.push(vec![p]),
            }
        }
        runs
    }

    /// The last measured point (an actual, or the baseline), where the
    /// dashed way to the first target starts.
    pub fn last_measured(&self) -> Option<&Point> {
        self.series(SeriesKind::Actual)
            .and_then(|s| s.points.last())
            .or_else(|| {
                self.series(SeriesKind::Baseline)
                    .and_then(|s| s.points.last())
            })
    }
}

fn round(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

/// "Baseline 2024: 2.000. Actual: 2025: 2.150; 2026: 2.240. Target: 2027: 2.500."
fn describe(ind: &Indicator, lang: Language, words: &Words) -> String {
    let fmt = |v: &Value| match v {
        Value::Missing => words.not_measured.to_string(),
        other => locale::figure(other, ind, lang),
    };
    let mut parts: Vec<String> = Vec::new();
    if let Some(b) = &ind.baseline {
        parts.push(format!(
            "{} {}: {}.",
            words.baseline,
            locale::when(b.when, lang),
            fmt(&b.value)
        ));
    }
    let list = |vals: &[Figure]| {
        vals.iter()
            .map(|v| format!("{}: {}", locale::when(v.when, lang), fmt(&v.value)))
            .collect::<Vec<_>>()
            .join("; ")
    };
    if !ind.actuals.is_empty() {
        parts.push(format!("{}: {}.", words.actual, list(&ind.actuals)));
    }
    if !ind.targets.is_empty() {
        parts.push(format!("{}: {}.", words.target, list(&ind.targets)));
    }
    // A value that ends in an abbreviation (`kr.`) ends its sentence too.
    parts.join(" ").replace("..", ".")
}

/// More steps than a nice scale ever has (it has 3–6); a bound on the ticks
/// whatever the numbers.
const MAX_STEPS: usize = 10;

/// An axis from a round number to a round number in 3–6 round steps.
/// Counts, amounts and percentages start at zero when the data sit close to
/// it, so small changes are not blown up; ranks never go below 1.
fn nice_scale(lo: f64, hi: f64, unit: Unit) -> (f64, f64, f64) {
    let mut lo = lo;
    // Values closer than their float precision can tell (one float step
    // apart, say) are drawn as equal, on an axis wide enough for round steps.
    let least = hi.abs().max(lo.abs()) * 1e-12;
    let hi = if hi - lo > least {
        hi
    } else {
        lo + least.max(1.0)
    };
    if lo >= 0.0 && lo < (hi - lo) * 1.5 && unit != Unit::Rank {
        lo = 0.0;
    }
    let raw = (hi - lo) / 4.0;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    let step = if unit == Unit::Rank {
        step.max(1.0).round()
    } else {
        step
    };
    let mut min = (lo / step).floor() * step;
    let mut max = (hi / step).ceil() * step;
    if unit == Unit::Percent {
        min = min.max(0.0);
        max = max.min(100.0).max(min + step);
    }
    (min, max, step)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Direction, Status};

    fn indicator() -> Indicator {
        let n = |year, v| Figure {
            when: When::Year(year),
            value: Value::Number(v),
        };
        Indicator {
            id: "V1.1".into(),
            name: "Virksomhedskontakter".into(),
            unit: Unit::Count,
            unit_label: None,
            note: None,
            assessment: None,
            direction: Some(Direction::Increase),
            source: None,
            relative_to: None,
            baseline: Some(n(2024, 2000.0)),
            actuals: vec![
                n(2025, 2150.0),
                Figure {
                    when: When::Year(2026),
                    value: Value::Missing,
                },
            ],
            targets: vec![n(2027, 2500.0)],
            status: Status::OnTrack,
        }
    }

    const WORDS: Words = Words {
        baseline: "Basis",
        actual: "Faktisk",
        target: "Mål",
        not_measured: "ikke målt",
    };

    #[test]
    fn points_sit_in_the_unit_square() {
        let chart = Chart::of(&indicator(), Language::Da, &WORDS).unwrap();
        let all: Vec<&Point> = chart.series.iter().flat_map(|s| &s.points).collect();
        assert!(
            all.iter()
                .all(|p| (0.0..=1.0).contains(&p.x) && (0.0..=1.0).contains(&p.y))
        );
        let target = &chart.series.last().unwrap().points[0];
        assert_eq!(target.label, "2.500");
        assert_eq!(target.x, 1.0);
        assert_eq!(chart.x_ticks.len(), 4);
        assert!(
            chart.y_ticks.len() >= 3 && chart.y_ticks.len() <= 7,
            "{:?}",
            chart.y_ticks
        );
    }

    #[test]
    fn description_states_every_figure() {
        let chart = Chart::of(&indicator(), Language::Da, &WORDS).unwrap();
        assert_eq!(
            chart.description,
            "Basis 2024: 2.000. Faktisk: 2025: 2.150; 2026: ikke målt. Mål: 2027: 2.500."
        );
    }

    #[test]
    fn a_unit_label_is_said_at_the_points_and_in_the_description() {
        let mut ind = indicator();
        ind.unit_label = Some("timer".into());
        let chart = Chart::of(&ind, Language::Da, &WORDS).unwrap();
        let labels: Vec<&str> = chart.series[..2]
            .iter()
            .flat_map(|s| &s.points)
            .map(|p| p.label.as_str())
            .collect();
        assert_eq!(labels, ["2.000 timer", "2.150 timer"]);
        assert!(chart.y_ticks.iter().all(|t| !t.label.contains("timer")));
        assert!(
            chart.description.contains("2027: 2.500 timer"),
            "{}",
            chart.description
        );
    }

    #[test]
    fn scales_are_round() {
        assert_eq!(
            nice_scale(2000.0, 2500.0, Unit::Count),
            (2000.0, 2600.0, 200.0)
        );
        assert_eq!(
            nice_scale(100.0, 2500.0, Unit::Count),
            (0.0, 3000.0, 1000.0)
        );
        let (min, max, _) = nice_scale(40.0, 98.0, Unit::Rank);
        assert!(min <= 40.0 && max >= 98.0 && min >= 0.0);
        let (_, max, _) = nice_scale(90.0, 99.0, Unit::Percent);
        assert!(max <= 100.0);
    }

    #[test]
    fn scales_keep_distinct_round_steps_at_any_magnitude() {
        let big = 999_999_999_999_999.5_f64;
        for (lo, hi) in [
            // One float step apart.
            (big, f64::from_bits(big.to_bits() + 1)),
            (1e-6, 2e-6),
            (0.1, 0.3),
            (5.0, 5.0),
            (0.0, 999_999_999_999_999.0),
        ] {
            let (min, max, step) = nice_scale(lo, hi, Unit::Count);
            assert!(min <= lo && max >= hi, "{lo}..{hi}: {min}..{max}");
            assert!(min + step > min && step > 0.0, "{lo}..{hi}: step {step}");
            let steps = (max - min) / step;
            assert!((1.0..=10.0).contains(&steps.round()), "{lo}..{hi}: {steps}");
        }
    }

    #[test]
    fn quarters_sit_inside_their_year_on_one_line() {
        let mut ind = indicator();
        ind.actuals = [(1, 2100.0), (2, 2180.0), (3, 2240.0)]
            .map(|(q, v)| Figure {
                when: When::Quarter(2026, q),
                value: Value::Number(v),
            })
            .to_vec();
        let chart = Chart::of(&ind, Language::Da, &WORDS).unwrap();
        // 2024 (the baseline) at 0, 2027 (the target) at 1, the quarters
        // of 2026 a quarter apart around the middle of 2026.
        assert_eq!(chart.series[0].kind, SeriesKind::Baseline);
        assert_eq!(chart.series[0].points[0].x, 0.0);
        let actual = &chart.series[1];
        assert_eq!(actual.kind, SeriesKind::Actual);
        let xs: Vec<f64> = actual.points.iter().map(|p| p.x).collect();
        let quarter = 0.25 / 3.0;
        assert!((xs[1] - xs[0] - quarter).abs() < 1e-9, "{xs:?}");
        let tick_2026 = chart.x_ticks.iter().find(|t| t.label == "2026").unwrap();
        assert!(xs[0] < tick_2026.at && tick_2026.at < xs[2], "{xs:?}");
        assert_eq!(chart.series[2].points[0].x, 1.0);
        // 2025 has no figure: the baseline of 2024 stands apart, the
        // quarters of 2026 are one line.
        let runs: Vec<usize> = chart.runs().iter().map(Vec::len).collect();
        assert_eq!(runs, [1, 3]);
        assert!(
            chart
                .description
                .contains("Faktisk: 1. kvartal 2026: 2.100; 2. kvartal 2026: 2.180"),
            "{}",
            chart.description
        );
    }
}

//! A [`Chart`] laid out in a frame: where the grid, the line, the marks,
//! the legend and every label go. Site and PDF draw the same [`Drawing`],
//! each in its own units (px, pt) and with its own font's widths, so the
//! chart has one design in both. Every figure gets a label, placed where it
//! touches no other label, line, mark or the legend.

use super::{Chart, Point, SeriesKind};
use crate::model::Grain;

/// How wide a text is at the frame's type size, in the frame's units.
pub trait Measure {
    fn width(&self, text: &str, bold: bool) -> f64;
}

/// The room a chart gets and the size of its type.
#[derive(Debug, Clone, Copy)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
    /// The one type size of the chart's text.
    pub text: f64,
}

/// Which ink a mark or a text takes; the renderers map these to the
/// shared palette (`crate::palette`) and the plan's brand colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ink {
    /// Axis text, the baseline, the legend.
    Muted,
    /// The measured figures (the brand colour, made readable).
    Actual,
    Target,
}

impl Ink {
    pub fn of(kind: SeriesKind) -> Ink {
        match kind {
            SeriesKind::Baseline => Ink::Muted,
            SeriesKind::Actual => Ink::Actual,
            SeriesKind::Target => Ink::Target,
        }
    }
}

/// What a text is for: renderers style ticks and legend words plainly and
/// figures in bold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Tick,
    Value,
    Legend,
}

/// A text set from its left edge on its baseline.
#[derive(Debug, Clone)]
pub struct Label {
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub ink: Ink,
    pub role: Role,
}

impl Label {
    pub fn bold(&self) -> bool {
        self.role == Role::Value
    }

    /// The box the text takes (ascent above the baseline, descent below).
    pub fn rect(&self, text: f64) -> Rect {
        Rect {
            x0: self.x,
            y0: self.y - ASCENT * text,
            x1: self.x + self.width,
            y1: self.y + (1.0 - ASCENT) * text,
        }
    }
}

/// How much of the type size stands above the baseline.
const ASCENT: f64 = 0.76;

/// A point, and a straight line between two.
type Xy = (f64, f64);
type Segment = (Xy, Xy);

/// A box, y downwards.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }

    fn inside(&self, o: &Rect) -> bool {
        self.x0 >= o.x0 && self.x1 <= o.x1 && self.y0 >= o.y0 && self.y1 <= o.y1
    }

    fn contains(&self, (x, y): (f64, f64)) -> bool {
        x >= self.x0 && x <= self.x1 && y >= self.y0 && y <= self.y1
    }

    /// Whether the segment from `a` to `b` passes through the box.
    pub fn crossed_by(&self, a: (f64, f64), b: (f64, f64)) -> bool {
        if self.contains(a) || self.contains(b) {
            return true;
        }
        let corners = [
            (self.x0, self.y0),
            (self.x1, self.y0),
            (self.x1, self.y1),
            (self.x0, self.y1),
        ];
        (0..4).any(|i| segments_cross(a, b, corners[i], corners[(i + 1) % 4]))
    }
}

fn segments_cross(p: (f64, f64), q: (f64, f64), r: (f64, f64), s: (f64, f64)) -> bool {
    let cross = |a: (f64, f64), b: (f64, f64), c: (f64, f64)| {
        (b.0 - a.0) * (c.1 - a.1) - (b.1 - a.1) * (c.0 - a.0)
    };
    let (d1, d2) = (cross(r, s, p), cross(r, s, q));
    let (d3, d4) = (cross(p, q, r), cross(p, q, s));
    (d1 > 0.0) != (d2 > 0.0) && (d3 > 0.0) != (d4 > 0.0)
}

/// A chart ready to draw: positions in the frame, y downwards.
#[derive(Debug, Clone)]
pub struct Drawing {
    pub frame: Frame,
    /// The plot's box; the value axis is its left edge, the years' axis
    /// its bottom edge.
    pub plot: Rect,
    /// Where each grid line crosses the plot.
    pub grid: Vec<f64>,
    /// Where each year stands on the years' axis.
    pub years: Vec<f64>,
    /// The stretches of the actual line (broken where a year has no figure).
    pub runs: Vec<Vec<(f64, f64)>>,
    /// The dashed way from the last measured figure to the first target.
    pub dash: Option<Segment>,
    /// Every figure's mark, by kind.
    pub marks: Vec<(SeriesKind, f64, f64)>,
    /// By mark: a quarter's or a month's figure left unlabelled, as all but
    /// the first and the last of such a line are (the text alternative and
    /// the table state them). A year's figure always has its label.
    pub crowded: Vec<bool>,
    /// Ticks, figures and legend words.
    pub labels: Vec<Label>,
    /// The legend's keys: a mark of each kind shown, centred here.
    pub keys: Vec<(SeriesKind, f64, f64)>,
    /// The legend's box.
    pub legend: Rect,
    /// The axis does not start at zero: a cut mark on it at this height.
    pub cut: Option<f64>,
    /// The marks' radius.
    pub radius: f64,
}

/// Lays `chart` out in `frame`, measuring text with `m`.
pub fn plot(chart: &Chart, frame: Frame, m: &dyn Measure) -> Drawing {
    let t = frame.text;
    let r = t * 0.34;
    let line = t * 1.4;
    let mut labels: Vec<Label> = Vec::new();

    // The legend across the top, wrapping when the words do not fit.
    let mut keys = Vec::new();
    let (mut lx, mut row) = (0.0, 0usize);
    for (kind, word) in [
        (SeriesKind::Baseline, &chart.words.baseline),
        (SeriesKind::Actual, &chart.words.actual),
        (SeriesKind::Target, &chart.words.target),
    ] {
        if chart.series(kind).is_none() {
            continue;
        }
        let w = m.width(word, false);
        if lx > 0.0 && lx + t * 1.5 + w > frame.width {
            lx = 0.0;
            row += 1;
        }
        let base = t + row as f64 * line;
        keys.push((kind, lx + t * 0.6, base - t * 0.3));
        labels.push(Label {
            text: word.clone(),
            x: lx + t * 1.5,
            y: base,
            width: w,
            ink: Ink::Muted,
            role: Role::Legend,
        });
        lx += t * 1.5 + w + t;
    }
    let legend = Rect {
        x0: 0.0,
        y0: 0.0,
        x1: frame.width,
        y1: if keys.is_empty() {
            0.0
        } else {
            (row + 1) as f64 * line - t * 0.2
        },
    };

    // The plot: value labels left of it, years under it, room above for
    // the figures of the highest points.
    let tick_w = chart
        .y_ticks
        .iter()
        .map(|tk| m.width(&tk.label, false))
        .fold(0.0, f64::max);
    let mut plot = Rect {
        x0: tick_w + t * 0.5,
        y0: legend.y1 + t * 1.5,
        x1: frame.width,
        y1: frame.height - t * 1.5,
    };
    if plot.y1 - plot.y0 < t * 3.0 {
        plot.y0 = plot.y1 - t * 3.0;
    }
    let width_at = |u: f64| {
        chart
            .series
            .iter()
            .flat_map(|s| &s.points)
            .filter(|p| (p.x - u).abs() < 1e-9)
            .map(|p| m.width(&p.label, true) / 2.0)
            .fold(t, f64::max)
    };
    let room = plot.x1 - plot.x0;
    let (inl, inr) = (width_at(0.0).min(room / 4.0), width_at(1.0).min(room / 4.0));
    let px = |u: f64| plot.x0 + inl + u * (room - inl - inr);
    // The lowest value stands a line above the years' axis, so that its
    // figure can go under it.
    let floor = plot.y1 - r - t * 1.35;
    let py = |v: f64| plot.y0 + (1.0 - v) * (floor - plot.y0);
    let at = |p: &Point| (px(p.x), py(p.y));

    let grid: Vec<f64> = chart.y_ticks.iter().map(|tk| py(tk.at)).collect();
    for (tk, &y) in chart.y_ticks.iter().zip(&grid) {
        let w = m.width(&tk.label, false);
        labels.push(Label {
            text: tk.label.clone(),
            x: plot.x0 - t * 0.4 - w,
            y: y + t * 0.35,
            width: w,
            ink: Ink::Muted,
            role: Role::Tick,
        });
    }
    // Years, leaving out those that would touch the one before.
    let years: Vec<f64> = chart.x_ticks.iter().map(|tk| px(tk.at)).collect();
    let mut right_of_last = f64::NEG_INFINITY;
    for (tk, &x) in chart.x_ticks.iter().zip(&years) {
        let w = m.width(&tk.label, false);
        let left = (x - w / 2.0).min(frame.width - w);
        if left < right_of_last + t * 0.5 {
            continue;
        }
        right_of_last = left + w;
        labels.push(Label {
            text: tk.label.clone(),
            x: left,
            y: plot.y1 + t * 1.2,
            width: w,
            ink: Ink::Muted,
            role: Role::Tick,
        });
    }

    let runs: Vec<Vec<(f64, f64)>> = chart
        .runs()
        .iter()
        .map(|run| run.iter().map(|p| at(p)).collect())
        .collect();
    let dash = match (
        chart.last_measured(),
        chart
            .series(SeriesKind::Target)
            .and_then(|s| s.points.first()),
    ) {
        (Some(a), Some(b)) if a.when.before(b.when) => Some((at(a), at(b))),
        _ => None,
    };
    let marks: Vec<(SeriesKind, f64, f64)> = chart
        .series
        .iter()
        .flat_map(|s| {
            s.points.iter().map(move |p| {
                let (x, y) = at(p);
                (s.kind, x, y)
            })
        })
        .collect();

    // Figures, each where it meets nothing drawn or labelled so far.
    let mut boxes: Vec<Rect> = labels.iter().map(|l| l.rect(t)).collect();
    boxes.push(legend);
    boxes.extend(marks.iter().map(|&(_, x, y)| Rect {
        x0: x - r * 1.4,
        y0: y - r * 1.4,
        x1: x + r * 1.4,
        y1: y + r * 1.4,
    }));
    let mut segments: Vec<Segment> = runs
        .iter()
        .flat_map(|run| run.windows(2).map(|w| (w[0], w[1])))
        .collect();
    segments.extend(dash);
    // The axes: a figure keeps off them too.
    segments.push(((plot.x0, plot.y0), (plot.x0, plot.y1)));
    segments.push(((plot.x0, plot.y1), (plot.x1, plot.y1)));
    let cut = (!chart.from_zero).then_some(if chart.reversed {
        plot.y0 + t * 0.5
    } else {
        floor + t * 0.7
    });
    if let Some(y) = cut {
        boxes.push(Rect {
            x0: plot.x0 - t * 0.5,
            y0: y - t * 0.6,
            x1: plot.x0 + t * 0.5,
            y1: y + t * 0.3,
        });
    }
    let area = Rect {
        x0: plot.x0,
        y0: legend.y1,
        x1: frame.width,
        y1: plot.y1,
    };
    let mut crowded = Vec::with_capacity(marks.len());
    for s in &chart.series {
        for (k, p) in s.points.iter().enumerate() {
            let (x, y) = at(p);
            let w = m.width(&p.label, true);
            let below_first = valley(chart, s.kind, k, py);
            let label = place(
                &p.label,
                w,
                (x, y),
                r,
                t,
                below_first,
                &area,
                &boxes,
                &segments,
            );
            // Quarters and months stand closer than their labels are wide:
            // the line is labelled at its end, and where else a label
            // meets nothing.
            let (label, clashes) = label;
            let fine = p.when.grain() != Grain::Year;
            let skip = fine && k + 1 < s.points.len() && (clashes > 0 || k > 0);
            crowded.push(skip);
            if skip {
                continue;
            }
            boxes.push(label.rect(t));
            labels.push(Label {
                ink: Ink::of(s.kind),
                ..label
            });
        }
    }

    Drawing {
        frame,
        plot,
        grid,
        years,
        runs,
        dash,
        marks,
        crowded,
        labels,
        keys,
        legend,
        cut,
        radius: r,
    }
}

/// Whether the point sits lower on the page than its neighbours on the
/// line, so its figure reads best under it.
fn valley(chart: &Chart, kind: SeriesKind, k: usize, py: impl Fn(f64) -> f64) -> bool {
    if kind == SeriesKind::Target {
        return false;
    }
    let Some(s) = chart.series(kind) else {
        return false;
    };
    let y = py(s.points[k].y);
    let neighbours: Vec<f64> = [k.checked_sub(1), Some(k + 1)]
        .into_iter()
        .flatten()
        .filter_map(|i| s.points.get(i))
        .map(|p| py(p.y))
        .collect();
    !neighbours.is_empty() && neighbours.iter().all(|&n| n < y)
}

/// The first spot around the point at `(x, y)` where a text `w` wide fits
/// inside `area` and meets none of `boxes` and `segments`; failing that,
/// the spot that meets the fewest.
#[allow(clippy::too_many_arguments)]
fn place(
    text: &str,
    w: f64,
    (x, y): (f64, f64),
    r: f64,
    t: f64,
    below_first: bool,
    area: &Rect,
    boxes: &[Rect],
    segments: &[Segment],
) -> (Label, usize) {
    let gap = r + t * 0.2;
    let h = t;
    // Box tops and lefts around the point, nearest first.
    // Five spots on each of eight lines, and two beside the point.
    let mut spots: Vec<(f64, f64)> = Vec::with_capacity(42);
    let above = |k: f64| y - gap - h - k * h;
    let below = |k: f64| y + gap + k * h;
    for k in [0.0, 1.0, 2.0, 3.0] {
        let (first, second) = if below_first {
            (below(k), above(k))
        } else {
            (above(k), below(k))
        };
        for top in [first, second] {
            spots.push((x - w / 2.0, top));
            spots.push((x + gap * 0.5, top));
            spots.push((x - gap * 0.5 - w, top));
            spots.push((x - w * 0.25, top));
            spots.push((x - w * 0.75, top));
        }
        if k == 0.0 {
            spots.push((x + gap, y - h / 2.0));
            spots.push((x - gap - w, y - h / 2.0));
        }
    }
    // Where a spot puts the text's left edge and baseline: kept inside the
    // area sideways.
    let at = |(left, top): (f64, f64)| (left.max(area.x0).min(area.x1 - w), top + ASCENT * t);
    let clashes = |(lx, ly): (f64, f64)| {
        let b = Rect {
            x0: lx,
            y0: ly - ASCENT * t,
            x1: lx + w,
            y1: ly + (1.0 - ASCENT) * t,
        };
        let pad = Rect {
            x0: b.x0 - 1.0,
            y0: b.y0 - 0.5,
            x1: b.x1 + 1.0,
            y1: b.y1 + 0.5,
        };
        usize::from(!b.inside(area))
            + boxes.iter().filter(|o| o.overlaps(&pad)).count()
            + segments
                .iter()
                .filter(|(a, c)| pad.crossed_by(*a, *c))
                .count()
    };
    let mut best: Option<(usize, (f64, f64))> = None;
    for spot in spots {
        let p = at(spot);
        let n = clashes(p);
        if n == 0 {
            best = Some((0, p));
            break;
        }
        if best.is_none_or(|(m, _)| n < m) {
            best = Some((n, p));
        }
    }
    let (clashes, (lx, ly)) = best.unwrap_or((0, at((x, y))));
    let label = Label {
        text: text.to_string(),
        x: lx,
        y: ly,
        width: w,
        ink: Ink::Muted,
        role: Role::Value,
    };
    (label, clashes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::Words;
    use crate::model::{Direction, Figure, Indicator, Language, Status, Unit, Value, When};

    /// Noto Sans is about this wide per character on average.
    struct Rough(f64);
    impl Measure for Rough {
        fn width(&self, text: &str, bold: bool) -> f64 {
            text.chars().count() as f64 * self.0 * if bold { 0.62 } else { 0.56 }
        }
    }

    fn indicator(unit: Unit, base: f64, actuals: &[Option<f64>], target: f64) -> Indicator {
        let n = |year, v: Option<f64>| Figure {
            when: When::Year(year),
            value: v.map_or(Value::Missing, Value::Number),
        };
        Indicator {
            id: "X.1".into(),
            name: "Test".into(),
            unit,
            unit_label: None,
            note: None,
            assessment: None,
            direction: Some(Direction::Increase),
            source: None,
            relative_to: None,
            baseline: Some(n(2022, Some(base))),
            actuals: actuals
                .iter()
                .enumerate()
                .map(|(i, v)| n(2023 + i as i32, *v))
                .collect(),
            targets: vec![n(2023 + actuals.len() as i32, Some(target))],
            status: Status::OnTrack,
        }
    }

    const WORDS: Words = Words {
        baseline: "Udgangspunkt",
        actual: "Faktisk",
        target: "Mål",
        not_measured: "ikke målt",
    };

    fn drawn(ind: &Indicator, frame: Frame) -> Drawing {
        let chart = Chart::of(ind, Language::Da, &WORDS).unwrap();
        plot(&chart, frame, &Rough(frame.text))
    }

    /// No label meets another label, a mark, a line or the legend, for
    /// many shapes of data, in the site's frame and the PDF's.
    #[test]
    fn labels_meet_nothing() {
        let shapes: Vec<(Unit, f64, Vec<Option<f64>>, f64)> = vec![
            (
                Unit::Count,
                2000.0,
                vec![Some(2150.0), Some(2240.0)],
                2500.0,
            ),
            (Unit::Percent, 14.6, vec![Some(15.9), Some(16.8)], 17.6),
            (Unit::Percent, 96.0, vec![Some(96.4), Some(95.1)], 96.0),
            (
                Unit::Amount,
                4_200_000.0,
                vec![Some(4_650_000.0)],
                5_000_000.0,
            ),
            (Unit::Rank, 86.0, vec![Some(84.0), Some(80.0)], 72.0),
            (Unit::Rank, 38.0, vec![Some(29.0), Some(24.0)], 25.0),
            (Unit::Percent, 84.0, vec![None, Some(88.0)], 92.0),
            (
                Unit::Count,
                10.0,
                vec![Some(10.0), Some(10.0), Some(11.0)],
                10.0,
            ),
            (
                Unit::Count,
                500.0,
                vec![Some(20.0), Some(900.0), Some(30.0)],
                40.0,
            ),
        ];
        for frame in [
            Frame {
                width: 300.0,
                height: 200.0,
                text: 12.0,
            },
            Frame {
                width: 221.0,
                height: 125.0,
                text: 8.0,
            },
        ] {
            for (unit, b, a, tg) in &shapes {
                let d = drawn(&indicator(*unit, *b, a, *tg), frame);
                let t = frame.text;
                let values: Vec<&Label> =
                    d.labels.iter().filter(|l| l.role == Role::Value).collect();
                assert_eq!(values.len(), d.marks.len(), "every figure labelled");
                for (i, l) in d.labels.iter().enumerate() {
                    let b = l.rect(t);
                    assert!(
                        b.x0 >= -0.01 && b.x1 <= frame.width + 0.01,
                        "{l:?} in frame"
                    );
                    for o in &d.labels[i + 1..] {
                        assert!(!b.overlaps(&o.rect(t)), "{unit:?} {a:?}: {l:?} meets {o:?}");
                    }
                    if l.role != Role::Value {
                        continue;
                    }
                    assert!(!b.overlaps(&d.legend), "{l:?} meets the legend");
                    for run in &d.runs {
                        for w in run.windows(2) {
                            assert!(
                                !b.crossed_by(w[0], w[1]),
                                "{unit:?} {a:?}: {l:?} on the line"
                            );
                        }
                    }
                    for &(_, x, y) in &d.marks {
                        let mark = Rect {
                            x0: x - d.radius,
                            y0: y - d.radius,
                            x1: x + d.radius,
                            y1: y + d.radius,
                        };
                        assert!(!b.overlaps(&mark), "{l:?} on a mark");
                    }
                }
            }
        }
    }

    #[test]
    fn ranks_put_the_best_at_the_top() {
        let d = drawn(
            &indicator(Unit::Rank, 86.0, &[Some(84.0), Some(80.0)], 72.0),
            Frame {
                width: 300.0,
                height: 200.0,
                text: 12.0,
            },
        );
        let (first, last) = (d.runs[0][0], *d.runs[0].last().unwrap());
        assert!(last.1 < first.1, "rank 80 stands higher than rank 86");
        let target = d.marks.iter().find(|m| m.0 == SeriesKind::Target).unwrap();
        assert!(target.2 < last.1, "the target rank 72 higher still");
    }

    #[test]
    fn a_year_without_a_figure_is_a_gap() {
        let d = drawn(
            &indicator(Unit::Percent, 84.0, &[None, Some(88.0), Some(89.0)], 92.0),
            Frame {
                width: 300.0,
                height: 200.0,
                text: 12.0,
            },
        );
        assert_eq!(d.runs.len(), 2, "{:?}", d.runs);
        assert_eq!(d.runs[0].len(), 1, "the baseline stands alone");
        assert_eq!(d.runs[1].len(), 2);
    }

    #[test]
    fn an_axis_not_from_zero_is_cut() {
        let frame = Frame {
            width: 300.0,
            height: 200.0,
            text: 12.0,
        };
        let high = drawn(
            &indicator(Unit::Count, 2000.0, &[Some(2150.0)], 2500.0),
            frame,
        );
        assert!(high.cut.is_some());
        let low = drawn(&indicator(Unit::Count, 100.0, &[Some(150.0)], 250.0), frame);
        assert!(low.cut.is_none());
    }
}

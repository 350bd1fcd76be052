//! Charts of a goal's numeric indicators, drawn as vectors from the neutral
//! [`Chart`] description the site draws too, and the small symbols the
//! layout draws (status marks, points, target diamonds).

use super::super::display::{Face, Item, Role, Seg};
use super::super::style::{MM, Rgb};
use super::Layout;
use super::text::Span;
use crate::chart::{Chart, SeriesKind, Words};
use crate::model::{Goal, Status};

/// The index of a status's colour in the style.
pub(super) fn status_index(s: Status) -> usize {
    Status::ALL.iter().position(|x| *x == s).unwrap_or(3)
}

/// A circle as four cubic segments.
pub(super) fn circle(cx: f32, cy: f32, r: f32) -> Vec<Seg> {
    // The control distance that makes a quarter circle of cubic segments.
    let k = 0.5523 * r;
    vec![
        Seg::Move(cx + r, cy),
        Seg::Cubic(cx + r, cy + k, cx + k, cy + r, cx, cy + r),
        Seg::Cubic(cx - k, cy + r, cx - r, cy + k, cx - r, cy),
        Seg::Cubic(cx - r, cy - k, cx - k, cy - r, cx, cy - r),
        Seg::Cubic(cx + k, cy - r, cx + r, cy - k, cx + r, cy),
    ]
}

/// A dashed line as separate segments.
fn dashed(x1: f32, y1: f32, x2: f32, y2: f32, dash: f32) -> Vec<Seg> {
    let len = ((x2 - x1).powi(2) + (y2 - y1).powi(2)).sqrt();
    if len < 0.1 {
        return Vec::new();
    }
    let n = (len / dash).floor() as usize;
    let mut out = Vec::new();
    let mut k = 0;
    while k < n {
        let t1 = k as f32 * dash / len;
        let t2 = ((k as f32 + 1.0) * dash / len).min(1.0);
        out.push(Seg::Move(x1 + (x2 - x1) * t1, y1 + (y2 - y1) * t1));
        out.push(Seg::Line(x1 + (x2 - x1) * t2, y1 + (y2 - y1) * t2));
        k += 2;
    }
    out
}

/// A target marker: a filled diamond of radius `r` centred on (`x`, `y`).
fn diamond(x: f32, y: f32, r: f32, fill: Rgb) -> Item {
    Item::Path {
        segments: vec![
            Seg::Move(x, y - r),
            Seg::Line(x + r, y),
            Seg::Line(x, y + r),
            Seg::Line(x - r, y),
        ],
        closed: true,
        stroke: None,
        fill: Some(fill),
    }
}

/// A filled dot with an outline.
fn dot(x: f32, y: f32, r: f32, stroke: Option<(Rgb, f32)>, fill: Rgb) -> Item {
    Item::Path {
        segments: circle(x, y, r),
        closed: true,
        stroke,
        fill: Some(fill),
    }
}

impl Layout<'_> {
    /// A status symbol in a circle centred at (`cx`, `cy`) of radius `r`:
    /// a tick, an arrow, a cross, a dash or a question mark, readable
    /// without colour. It
    /// stands beside the status in words, so it is decoration.
    pub(super) fn status_symbol(&mut self, s: Status, cx: f32, cy: f32, r: f32) {
        let color = self.st.status[status_index(s)];
        self.push_artifact(dot(cx, cy, r, None, color));
        let k = r * 0.55;
        let white = Some((Rgb::WHITE, r * 0.28));
        let path: Vec<Seg> = match s {
            Status::Achieved => vec![
                Seg::Move(cx - k, cy),
                Seg::Line(cx - k * 0.25, cy + k * 0.75),
                Seg::Line(cx + k, cy - k * 0.7),
            ],
            Status::OnTrack => vec![
                Seg::Move(cx - k * 0.8, cy + k * 0.8),
                Seg::Line(cx + k * 0.7, cy - k * 0.7),
                Seg::Move(cx - k * 0.1, cy - k * 0.75),
                Seg::Line(cx + k * 0.75, cy - k * 0.75),
                Seg::Line(cx + k * 0.75, cy + k * 0.1),
            ],
            Status::OffTrack => vec![
                Seg::Move(cx - k * 0.7, cy - k * 0.7),
                Seg::Line(cx + k * 0.7, cy + k * 0.7),
                Seg::Move(cx - k * 0.7, cy + k * 0.7),
                Seg::Line(cx + k * 0.7, cy - k * 0.7),
            ],
            Status::NotMeasured => vec![Seg::Move(cx - k * 0.75, cy), Seg::Line(cx + k * 0.75, cy)],
            Status::NotAssessed => vec![
                Seg::Move(cx - k * 0.5, cy - k * 0.35),
                Seg::Cubic(
                    cx - k * 0.5,
                    cy - k * 0.95,
                    cx + k * 0.5,
                    cy - k * 0.95,
                    cx + k * 0.5,
                    cy - k * 0.4,
                ),
                Seg::Cubic(
                    cx + k * 0.5,
                    cy - k * 0.05,
                    cx,
                    cy - k * 0.05,
                    cx,
                    cy + k * 0.3,
                ),
                Seg::Move(cx, cy + k * 0.6),
                Seg::Line(cx, cy + k * 0.85),
            ],
        };
        self.push_artifact(Item::Path {
            segments: path,
            closed: false,
            stroke: white,
            fill: None,
        });
    }

    /// The charts of a goal's numeric indicators, side by side as they fit.
    pub(super) fn charts(&mut self, g: &Goal) {
        let words = Words {
            baseline: self.label("baseline"),
            actual: self.label("actual"),
            target: self.label("target"),
            not_measured: self.label("not_measured"),
        };
        let charts: Vec<Chart> = g
            .indicators
            .iter()
            .filter_map(|i| Chart::of(i, self.plan.meta.language, &words))
            .collect();
        if charts.is_empty() {
            return;
        }
        let cs = &self.st.file.charts;
        let gap = cs.gap_mm * MM;
        let measure = self.measure();
        let per_row = (((measure + gap) / (cs.width_mm * MM + gap)).floor() as usize).max(1);
        let cw = (measure - gap * (per_row as f32 - 1.0)) / per_row as f32;
        let ch = cs.height_mm * MM;
        self.space(6.0);
        for row in charts.chunks(per_row) {
            self.need(ch + 4.0);
            let top = self.y;
            for (k, c) in row.iter().enumerate() {
                let x = self.x0() + k as f32 * (cw + gap);
                let prev = self.open(Role::Figure {
                    alt: format!("{}. {}", c.title, c.description),
                });
                self.chart(c, x, top, cw, ch);
                self.close(prev);
            }
            self.y = top + ch + 10.0;
            self.at_top = false;
        }
    }

    /// Draws a chart in the box at (`x`, `y`) of `w` × `h`.
    fn chart(&mut self, c: &Chart, x: f32, y: f32, w: f32, h: f32) {
        let st = self.st;
        let cs = &st.file.charts;
        let small = cs.label_pt;
        let title = vec![Span::new(c.title.clone(), Face::Bold, cs.title_pt, st.text).no_hyphens()];
        let (title, tl) = self.lines(&title, w, false);
        let mut ty = y;
        for l in tl.iter().take(2) {
            self.emit_line(&title, l, x, ty + cs.title_pt, 0.0);
            ty += cs.title_pt * 1.25;
        }
        let legend_h = 12.0;
        let label_w = c
            .y_ticks
            .iter()
            .map(|t| self.fonts.width(Face::Regular, small, &t.label))
            .fold(0.0, f32::max);
        let px = x + label_w + 5.0;
        let pw = w - (px - x) - 30.0;
        let py = ty + 14.0; // plot top, with room for value labels
        let ph = y + h - legend_h - 12.0 - py; // plot height
        if ph < 20.0 || pw < 40.0 {
            return;
        }
        let to_x = |u: f64| px + 8.0 + (u as f32) * (pw - 16.0);
        let to_y = |v: f64| py + ph - (v as f32) * ph;
        let text = |x: f32, y: f32, face: Face, color: Rgb, t: &str| Item::Text {
            x,
            y,
            face,
            size: small,
            color,
            text: t.to_string(),
            space_extra: 0.0,
        };
        // Grid and y labels.
        for t in &c.y_ticks {
            let yy = to_y(t.at);
            self.push(Item::Rule {
                x1: px,
                y1: yy,
                x2: px + pw,
                y2: yy,
                width: 0.4,
                color: st.grid,
            });
            let tw = self.fonts.width(Face::Regular, small, &t.label);
            self.push(text(
                px - 4.0 - tw,
                yy + small * 0.35,
                Face::Regular,
                st.muted,
                &t.label,
            ));
        }
        // x axis and labels.
        let axis_y = py + ph;
        self.push(Item::Rule {
            x1: px,
            y1: axis_y,
            x2: px + pw,
            y2: axis_y,
            width: 0.7,
            color: st.muted,
        });
        for t in &c.x_ticks {
            let xx = to_x(t.at);
            let tw = self.fonts.width(Face::Regular, small, &t.label);
            self.push(Item::Rule {
                x1: xx,
                y1: axis_y,
                x2: xx,
                y2: axis_y + 2.5,
                width: 0.5,
                color: st.muted,
            });
            self.push(text(
                xx - tw / 2.0,
                axis_y + 10.0,
                Face::Regular,
                st.muted,
                &t.label,
            ));
        }
        // Points are obstacles for the value labels.
        let mut placed: Vec<(f32, f32, f32, f32)> = Vec::new();
        for srs in &c.series {
            for p in &srs.points {
                let (xx, yy) = (to_x(p.x), to_y(p.y));
                placed.push((xx - 3.0, yy + 3.0, 6.0, 6.0));
            }
        }
        let mut label = |l: &mut Self, t: &str, cx: f32, cy: f32, color: Rgb| {
            let tw = l.fonts.width(Face::Bold, small, t);
            let centred = (cx - tw / 2.0).min(x + w - tw).max(px);
            let clash = |lx: f32, ly: f32, placed: &Vec<(f32, f32, f32, f32)>| {
                placed.iter().any(|&(ax, ay, aw, ah)| {
                    lx < ax + aw && ax < lx + tw && ly - small < ay && ay - ah < ly
                })
            };
            let candidates = [
                (centred, cy - 5.0),
                ((cx + 4.0).min(x + w - tw), cy - 4.0),
                ((cx + 5.0).min(x + w - tw), cy + small * 0.35),
                ((cx - 5.0 - tw).max(px), cy + small * 0.35),
                (centred, cy - 7.0 - small),
                (centred, cy + 4.0 + small),
            ];
            let (lx, ly) = candidates
                .iter()
                .copied()
                .find(|&(lx, ly)| !clash(lx, ly, &placed))
                .unwrap_or(candidates[0]);
            placed.push((lx, ly, tw, small));
            l.push(text(lx, ly, Face::Bold, color, t));
        };
        let mut last_actual: Option<(f32, f32)> = None;
        for s in &c.series {
            match s.kind {
                SeriesKind::Actual => {
                    let segs = s
                        .points
                        .iter()
                        .enumerate()
                        .map(|(k, p)| {
                            let (xx, yy) = (to_x(p.x), to_y(p.y));
                            if k == 0 {
                                Seg::Move(xx, yy)
                            } else {
                                Seg::Line(xx, yy)
                            }
                        })
                        .collect();
                    self.push(Item::Path {
                        segments: segs,
                        closed: false,
                        stroke: Some((st.chart, cs.line_pt)),
                        fill: None,
                    });
                    for p in &s.points {
                        let (xx, yy) = (to_x(p.x), to_y(p.y));
                        self.push(dot(xx, yy, 2.2, Some((Rgb::WHITE, 0.6)), st.chart));
                    }
                    if let Some(p) = s.points.last() {
                        let (xx, yy) = (to_x(p.x), to_y(p.y));
                        last_actual = Some((xx, yy));
                        label(self, &p.label, xx, yy, st.chart);
                    }
                }
                SeriesKind::Baseline => {
                    for p in &s.points {
                        let (xx, yy) = (to_x(p.x), to_y(p.y));
                        self.push(dot(xx, yy, 2.4, Some((st.muted, 1.0)), Rgb::WHITE));
                        label(self, &p.label, xx, yy, st.muted);
                    }
                }
                SeriesKind::Target => {
                    if let (Some((ax, ay)), Some(p)) = (last_actual, s.points.first()) {
                        let (xx, yy) = (to_x(p.x), to_y(p.y));
                        self.push(Item::Path {
                            segments: dashed(ax, ay, xx, yy, 2.5),
                            closed: false,
                            stroke: Some((st.accent, 0.8)),
                            fill: None,
                        });
                    }
                    for p in &s.points {
                        let (xx, yy) = (to_x(p.x), to_y(p.y));
                        self.push(diamond(xx, yy, 3.2, st.accent));
                        label(self, &p.label, xx, yy, st.accent);
                    }
                }
            }
        }
        self.legend(c, px, y + h - 4.0);
    }

    /// The chart's legend: a key for each kind of series it shows.
    fn legend(&mut self, c: &Chart, x: f32, ly: f32) {
        let st = self.st;
        let small = st.file.charts.label_pt;
        let mut lx = x;
        let entries = [
            (SeriesKind::Baseline, self.label("baseline")),
            (SeriesKind::Actual, self.label("actual")),
            (SeriesKind::Target, self.label("target")),
        ];
        for (kind, word) in entries {
            if !c.series.iter().any(|s| s.kind == kind) {
                continue;
            }
            let cy = ly - small * 0.35;
            match kind {
                SeriesKind::Baseline => {
                    self.push(dot(lx + 3.0, cy, 2.2, Some((st.muted, 1.0)), Rgb::WHITE))
                }
                SeriesKind::Actual => {
                    self.push(Item::Rule {
                        x1: lx - 1.0,
                        y1: cy,
                        x2: lx + 9.0,
                        y2: cy,
                        width: st.file.charts.line_pt,
                        color: st.chart,
                    });
                    self.push(dot(lx + 4.0, cy, 2.0, None, st.chart));
                }
                SeriesKind::Target => self.push(diamond(lx + 3.0, cy, 3.0, st.accent)),
            }
            let tx = lx + 12.0;
            let tw = self.fonts.width(Face::Regular, small, word);
            self.push(Item::Text {
                x: tx,
                y: ly,
                face: Face::Regular,
                size: small,
                color: st.muted,
                text: word.to_string(),
                space_extra: 0.0,
            });
            lx = tx + tw + 10.0;
        }
    }
}

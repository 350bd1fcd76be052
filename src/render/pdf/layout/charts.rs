//! Charts of a goal's numeric indicators, drawn as vectors from the neutral
//! [`Chart`] description the site draws too, and the small symbols the
//! layout draws (status marks, points, target diamonds).

use super::super::display::{Face, Item, Role, Seg};
use super::super::fonts::Fonts;
use super::super::style::{MM, Rgb};
use super::Layout;
use super::text::Span;
use crate::chart::plot::{self, Drawing, Frame, Ink, Measure};
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

/// A target marker: a hollow diamond of radius `r` centred on (`x`, `y`).
fn diamond(x: f32, y: f32, r: f32, ink: Rgb) -> Item {
    Item::Path {
        segments: vec![
            Seg::Move(x, y - r),
            Seg::Line(x + r, y),
            Seg::Line(x, y + r),
            Seg::Line(x - r, y),
        ],
        closed: true,
        stroke: Some((ink, 1.0)),
        fill: Some(Rgb::WHITE),
        dash: None,
    }
}

/// A filled dot with an outline.
fn dot(x: f32, y: f32, r: f32, stroke: Option<(Rgb, f32)>, fill: Rgb) -> Item {
    Item::Path {
        segments: circle(x, y, r),
        closed: true,
        stroke,
        fill: Some(fill),
        dash: None,
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
            dash: None,
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

    /// Draws a chart in the box at (`x`, `y`) of `w` × `h`: its title,
    /// then the layout the site draws too ([`plot::plot`]).
    fn chart(&mut self, c: &Chart, x: f32, y: f32, w: f32, h: f32) {
        let st = self.st;
        let cs = &st.file.charts;
        let title = vec![Span::new(c.title.clone(), Face::Bold, cs.title_pt, st.text).no_hyphens()];
        let (title, tl) = self.lines(&title, w, false);
        let mut ty = y;
        for l in tl.iter().take(2) {
            self.emit_line(&title, l, x, ty + cs.title_pt, 0.0);
            ty += cs.title_pt * 1.25;
        }
        ty += cs.label_pt * 0.4;
        let frame = Frame {
            width: f64::from(w),
            height: f64::from(y + h - ty),
            text: f64::from(cs.label_pt),
        };
        if frame.height < frame.text * 6.0 {
            return;
        }
        let d = plot::plot(c, frame, &Metrics(self.fonts, cs.label_pt));
        self.draw(&d, x, ty);
    }

    /// Draws a laid-out chart with its top left corner at (`ox`, `oy`).
    fn draw(&mut self, d: &Drawing, ox: f32, oy: f32) {
        let st = self.st;
        let cs = &st.file.charts;
        let size = cs.label_pt;
        let at = |(x, y): (f64, f64)| (ox + x as f32, oy + y as f32);
        let ink = |i: Ink| match i {
            Ink::Muted => st.muted,
            Ink::Actual => st.chart,
            Ink::Target => st.target,
        };
        let p = d.plot;
        let (x0, y0) = at((p.x0, p.y0));
        let (x1, y1) = at((p.x1, p.y1));
        // Grid as fine dots in the axis colour, as on the site.
        for &gy in &d.grid {
            let yy = oy + gy as f32;
            self.push(Item::Path {
                segments: vec![Seg::Move(x0, yy), Seg::Line(x1, yy)],
                closed: false,
                stroke: Some((st.muted, 0.4)),
                fill: None,
                dash: Some((0.5, 2.0)),
            });
        }
        let mut axis = vec![Seg::Move(x0, y0), Seg::Line(x0, y1), Seg::Line(x1, y1)];
        for &yx in &d.years {
            axis.push(Seg::Move(ox + yx as f32, y1));
            axis.push(Seg::Line(ox + yx as f32, y1 + 2.5));
        }
        self.push(Item::Path {
            segments: axis,
            closed: false,
            stroke: Some((st.muted, 0.6)),
            fill: None,
            dash: None,
        });
        if let Some(cy) = d.cut {
            let t = size;
            let (a, b) = (t * 0.45, t * 0.2);
            let cy = oy + cy as f32;
            let (ya, yb, yc, yd) = (cy + b, cy - b, cy - b - t * 0.3, cy + b - t * 0.3);
            self.push(Item::Path {
                segments: vec![
                    Seg::Move(x0 - a, ya),
                    Seg::Line(x0 + a, yb),
                    Seg::Line(x0 + a, yc),
                    Seg::Line(x0 - a, yd),
                ],
                closed: true,
                stroke: None,
                fill: Some(Rgb::WHITE),
                dash: None,
            });
            self.push(Item::Path {
                segments: vec![
                    Seg::Move(x0 - a, ya),
                    Seg::Line(x0 + a, yb),
                    Seg::Move(x0 - a, yd),
                    Seg::Line(x0 + a, yc),
                ],
                closed: false,
                stroke: Some((st.muted, 0.8)),
                fill: None,
                dash: None,
            });
        }
        for run in d.runs.iter().filter(|r| r.len() > 1) {
            let segments = run
                .iter()
                .enumerate()
                .map(|(k, &pt)| {
                    let (xx, yy) = at(pt);
                    if k == 0 {
                        Seg::Move(xx, yy)
                    } else {
                        Seg::Line(xx, yy)
                    }
                })
                .collect();
            self.push(Item::Path {
                segments,
                closed: false,
                stroke: Some((st.chart, cs.line_pt)),
                fill: None,
                dash: None,
            });
        }
        if let Some((a, b)) = d.dash {
            let ((ax, ay), (bx, by)) = (at(a), at(b));
            self.push(Item::Path {
                segments: vec![Seg::Move(ax, ay), Seg::Line(bx, by)],
                closed: false,
                stroke: Some((st.target, 0.8)),
                fill: None,
                dash: Some((2.5, 2.5)),
            });
        }
        let r = d.radius as f32;
        for &(kind, mx, my) in &d.marks {
            let (xx, yy) = at((mx, my));
            self.push(mark(kind, xx, yy, r, st.chart, st.muted, st.target));
        }
        for &(kind, kx, ky) in &d.keys {
            let (xx, yy) = at((kx, ky));
            if kind == SeriesKind::Actual {
                self.push(Item::Rule {
                    x1: xx - size * 0.6,
                    y1: yy,
                    x2: xx + size * 0.6,
                    y2: yy,
                    width: cs.line_pt,
                    color: st.chart,
                });
            }
            self.push(mark(kind, xx, yy, r, st.chart, st.muted, st.target));
        }
        for l in &d.labels {
            let (lx, ly) = at((l.x, l.y));
            self.push(Item::Text {
                x: lx,
                y: ly,
                face: if l.bold() { Face::Bold } else { Face::Regular },
                size,
                color: ink(l.ink),
                text: l.text.clone(),
                space_extra: 0.0,
            });
        }
    }
}

/// The PDF's font at the charts' size.
struct Metrics<'a>(&'a Fonts, f32);

impl Measure for Metrics<'_> {
    fn width(&self, text: &str, bold: bool) -> f64 {
        let face = if bold { Face::Bold } else { Face::Regular };
        f64::from(self.0.width(face, self.1, text))
    }
}

/// A figure's mark, as on the site: a hollow circle for the baseline, a
/// dot for a measured figure, a hollow diamond for a target.
fn mark(kind: SeriesKind, x: f32, y: f32, r: f32, actual: Rgb, muted: Rgb, target: Rgb) -> Item {
    match kind {
        SeriesKind::Baseline => dot(x, y, r, Some((muted, 1.0)), Rgb::WHITE),
        SeriesKind::Actual => dot(x, y, r, None, actual),
        SeriesKind::Target => diamond(x, y, r * 1.35, target),
    }
}

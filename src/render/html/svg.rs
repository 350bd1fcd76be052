//! A chart as inline SVG: thin axes, the actual figures as a line in the
//! brand colour, targets as hollow diamonds in the accent colour, values
//! labelled at the points. `<title>` and `<desc>` carry the text alternative;
//! the goal table next to it is the full accessible alternative.

use super::blocks::escape;
use crate::chart::{Chart, SeriesKind};

const W: f64 = 560.0;
const H: f64 = 240.0;
const LEFT: f64 = 72.0;
const RIGHT: f64 = 24.0;
const TOP: f64 = 24.0;
const BOTTOM: f64 = 36.0;

pub struct Legend<'a> {
    pub actual: &'a str,
    pub target: &'a str,
}

/// `id` must be unique on the page; it ties `aria-labelledby` to the title.
pub fn render(chart: &Chart, id: &str, legend: &Legend) -> String {
    let pw = W - LEFT - RIGHT;
    let ph = H - TOP - BOTTOM;
    let px = |x: f64| LEFT + x * pw;
    let py = |y: f64| TOP + (1.0 - y) * ph;
    let mut s = String::with_capacity(4096);
    s.push_str(&format!(
        "<svg class=\"chart\" viewBox=\"0 0 {W} {H}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" xmlns=\"http://www.w3.org/2000/svg\">\
<title id=\"{id}-t\">{}</title><desc id=\"{id}-d\">{}</desc>",
        escape(&chart.title),
        escape(&chart.description)
    ));
    // Grid and y labels.
    for t in &chart.y_ticks {
        let yf = py(t.at);
        let y = C(yf);
        s.push_str(&format!(
            "<line class=\"grid\" x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\"/>\
<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            C(LEFT),
            C(W - RIGHT),
            C(LEFT - 8.0),
            C(yf + 4.0),
            escape(&t.label)
        ));
    }
    // x axis and year labels.
    s.push_str(&format!(
        "<line class=\"axis\" x1=\"{LEFT}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
        C(py(0.0)),
        C(W - RIGHT),
        C(py(0.0))
    ));
    for t in &chart.x_ticks {
        s.push_str(&format!(
            "<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            C(inset(px(t.at), pw)),
            C(H - 12.0),
            escape(&t.label)
        ));
    }
    for series in &chart.series {
        match series.kind {
            SeriesKind::Actual => {
                let d: Vec<String> = series
                    .points
                    .iter()
                    .enumerate()
                    .map(|(i, p)| {
                        format!(
                            "{}{},{}",
                            if i == 0 { "M" } else { "L" },
                            C(inset(px(p.x), pw)),
                            C(py(p.y))
                        )
                    })
                    .collect();
                s.push_str(&format!("<path class=\"actual\" d=\"{}\"/>", d.join(" ")));
                for p in &series.points {
                    let (xf, yf) = (inset(px(p.x), pw), py(p.y));
                    let (x, y) = (C(xf), C(yf));
                    s.push_str(&format!(
                        "<circle class=\"actual-point\" cx=\"{x}\" cy=\"{y}\" r=\"4\"/>"
                    ));
                    if p.labelled {
                        s.push_str(&format!(
                            "<text class=\"value\" x=\"{x}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                            C(yf - 10.0),
                            escape(&p.label)
                        ));
                    }
                }
            }
            SeriesKind::Target => {
                for p in &series.points {
                    let (xf, yf) = (inset(px(p.x), pw), py(p.y));
                    let (x, y) = (C(xf), C(yf));
                    s.push_str(&format!(
                        "<path class=\"target\" d=\"M{x},{} L{},{y} L{x},{} L{},{y} Z\"/>\
<text class=\"value target-value\" x=\"{x}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                        C(yf - 7.0),
                        C(xf + 7.0),
                        C(yf + 7.0),
                        C(xf - 7.0),
                        C(yf - 12.0),
                        escape(&p.label)
                    ));
                }
            }
            SeriesKind::Baseline => {}
        }
    }
    // Legend, top left inside the plot.
    s.push_str(&format!(
        "<g class=\"legend\" aria-hidden=\"true\"><circle class=\"actual-point\" cx=\"{}\" cy=\"12\" r=\"4\"/>\
<text x=\"{}\" y=\"16\">{}</text><path class=\"target\" d=\"M{},5 L{},12 L{},19 L{},12 Z\"/><text x=\"{}\" y=\"16\">{}</text></g>",
        C(LEFT + 6.0),
        C(LEFT + 16.0),
        escape(legend.actual),
        C(LEFT + 150.0),
        C(LEFT + 157.0),
        C(LEFT + 150.0),
        C(LEFT + 143.0),
        C(LEFT + 164.0),
        escape(legend.target)
    ));
    s.push_str("</svg>");
    s
}

/// A coordinate written with one decimal. `format!("{:.1}")` takes the
/// exact (and slow) float formatting path; charts have thousands of these.
struct C(f64);

impl std::fmt::Display for C {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        let tenths = (self.0 * 10.0).round() as i64;
        let sign = if tenths < 0 { "-" } else { "" };
        let t = tenths.unsigned_abs();
        write!(f, "{sign}{}.{}", t / 10, t % 10)
    }
}

/// Keeps end points off the plot's edges so their labels fit.
fn inset(x: f64, pw: f64) -> f64 {
    let margin = 28.0;
    LEFT + margin + (x - LEFT) * (pw - 2.0 * margin) / pw
}

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
        let y = py(t.at);
        s.push_str(&format!(
            "<line class=\"grid\" x1=\"{:.1}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\"/>\
<text class=\"tick\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            LEFT,
            W - RIGHT,
            LEFT - 8.0,
            y + 4.0,
            escape(&t.label)
        ));
    }
    // x axis and year labels.
    s.push_str(&format!(
        "<line class=\"axis\" x1=\"{LEFT}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\"/>",
        py(0.0),
        W - RIGHT,
        py(0.0)
    ));
    for t in &chart.x_ticks {
        s.push_str(&format!(
            "<text class=\"tick\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            inset(px(t.at), pw),
            H - 12.0,
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
                            "{}{:.1},{:.1}",
                            if i == 0 { "M" } else { "L" },
                            inset(px(p.x), pw),
                            py(p.y)
                        )
                    })
                    .collect();
                s.push_str(&format!("<path class=\"actual\" d=\"{}\"/>", d.join(" ")));
                for p in &series.points {
                    let (x, y) = (inset(px(p.x), pw), py(p.y));
                    s.push_str(&format!(
                        "<circle class=\"actual-point\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"4\"/>\
<text class=\"value\" x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
                        y - 10.0,
                        escape(&p.label)
                    ));
                }
            }
            SeriesKind::Target => {
                for p in &series.points {
                    let (x, y) = (inset(px(p.x), pw), py(p.y));
                    s.push_str(&format!(
                        "<path class=\"target\" d=\"M{x:.1},{:.1} L{:.1},{y:.1} L{x:.1},{:.1} L{:.1},{y:.1} Z\"/>\
<text class=\"value target-value\" x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
                        y - 7.0,
                        x + 7.0,
                        y + 7.0,
                        x - 7.0,
                        y - 12.0,
                        escape(&p.label)
                    ));
                }
            }
            SeriesKind::Baseline => {}
        }
    }
    // Legend, top left inside the plot.
    s.push_str(&format!(
        "<g class=\"legend\" aria-hidden=\"true\"><circle class=\"actual-point\" cx=\"{:.1}\" cy=\"12\" r=\"4\"/>\
<text x=\"{:.1}\" y=\"16\">{}</text><path class=\"target\" d=\"M{:.1},5 L{:.1},12 L{:.1},19 L{:.1},12 Z\"/><text x=\"{:.1}\" y=\"16\">{}</text></g>",
        LEFT + 6.0,
        LEFT + 16.0,
        escape(legend.actual),
        LEFT + 150.0,
        LEFT + 157.0,
        LEFT + 150.0,
        LEFT + 143.0,
        LEFT + 164.0,
        escape(legend.target)
    ));
    s.push_str("</svg>");
    s
}

/// Keeps end points off the plot's edges so their labels fit.
fn inset(x: f64, pw: f64) -> f64 {
    let margin = 28.0;
    LEFT + margin + (x - LEFT) * (pw - 2.0 * margin) / pw
}

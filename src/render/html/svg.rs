//! A chart as inline SVG, drawn from the layout the PDF draws too
//! ([`crate::chart::plot`]). The SVG is set at its own size in CSS pixels
//! and never scaled, so its text is 12 px at any screen width; colours are
//! written on the elements (from [`crate::palette`]), so the SVG carries
//! its whole design. `<title>` and `<desc>` carry the text alternative; the
//! goal table next to it is the full accessible alternative.

use super::blocks::{escape, escape_into};
use crate::chart::plot::{self, Drawing, Frame, Ink, Label, Measure, Role};
use crate::chart::{Chart, SeriesKind};
use crate::palette;
use crate::render::pdf::fonts::{FaceMetrics, site_faces};
use std::fmt::Write;

/// The chart's size on the site: narrow enough for a phone 360 px wide,
/// with type at 12 px.
pub const FRAME: Frame = Frame {
    width: 300.0,
    height: 200.0,
    text: 12.0,
};

/// The site's font (the PDF's Noto Sans, which the site serves), measured
/// with the PDF's own metrics.
struct Noto(&'static (FaceMetrics, FaceMetrics));

impl Measure for Noto {
    fn width(&self, text: &str, bold: bool) -> f64 {
        let face = if bold { &self.0.1 } else { &self.0.0 };
        // A little to spare for a browser that rounds its advances up.
        f64::from(face.width_em(text, true)) * FRAME.text / 1000.0 * 1.03
    }
}

/// A rough measure for when the font cannot be read.
struct Rough;

impl Measure for Rough {
    fn width(&self, text: &str, bold: bool) -> f64 {
        text.chars().count() as f64 * FRAME.text * if bold { 0.64 } else { 0.58 }
    }
}

/// `id` must be unique on the page; it ties `aria-labelledby` to the
/// title. `brand` is the plan's brand colour made readable on white.
pub fn render(chart: &Chart, id: &str, brand: &str) -> String {
    let d = match site_faces() {
        Some(f) => plot::plot(chart, FRAME, &Noto(f)),
        None => plot::plot(chart, FRAME, &Rough),
    };
    draw(chart, &d, id, brand)
}

fn draw(chart: &Chart, d: &Drawing, id: &str, brand: &str) -> String {
    let (w, h) = (d.frame.width, d.frame.height);
    let ink = |i: Ink| match i {
        Ink::Muted => palette::MUTED,
        Ink::Actual => brand,
        Ink::Target => palette::TARGET,
    };
    let mut s = String::with_capacity(6144);
    let _ = write!(
        s,
        "<svg class=\"chart\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-size=\"{}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" xmlns=\"http://www.w3.org/2000/svg\">\
<title id=\"{id}-t\">{}</title><desc id=\"{id}-d\">{}</desc>",
        d.frame.text,
        escape(&chart.title),
        escape(&chart.description)
    );
    let p = d.plot;
    // Grid as fine dots in the axis colour: light to the eye, yet the same
    // ink as the text.
    s.push_str("<path class=\"grid\" d=\"");
    for &y in &d.grid {
        let _ = write!(s, "M{} {}H{}", C(p.x0), C(y), C(p.x1));
    }
    let _ = write!(
        s,
        "\" stroke=\"{}\" stroke-width=\"1\" stroke-dasharray=\"1 3\" fill=\"none\"/>",
        palette::MUTED
    );
    let _ = write!(
        s,
        "<path class=\"axis\" d=\"M{x0} {y0}V{y1}H{x1}",
        x0 = C(p.x0),
        y0 = C(p.y0),
        y1 = C(p.y1),
        x1 = C(p.x1)
    );
    for &x in &d.years {
        let _ = write!(s, "M{} {}v4", C(x), C(p.y1));
    }
    let _ = write!(
        s,
        "\" stroke=\"{}\" stroke-width=\"1\" fill=\"none\"/>",
        palette::MUTED
    );
    if let Some(y) = d.cut {
        // Two slashes across the value axis, with the paper between them.
        let t = d.frame.text;
        let (a, b) = (t * 0.45, t * 0.2);
        let _ = write!(
            s,
            "<path class=\"axis-break\" d=\"M{x0} {ya}L{x1} {yb}L{x1} {yc}L{x0} {yd}Z\" fill=\"#ffffff\"/>\
<path class=\"axis-break\" d=\"M{x0} {ya}L{x1} {yb}M{x0} {yd}L{x1} {yc}\" stroke=\"{}\" stroke-width=\"1.5\" fill=\"none\"/>",
            palette::MUTED,
            x0 = C(p.x0 - a),
            x1 = C(p.x0 + a),
            ya = C(y + b),
            yb = C(y - b),
            yc = C(y - b - t * 0.3),
            yd = C(y + b - t * 0.3),
        );
    }
    for run in d.runs.iter().filter(|r| r.len() > 1) {
        s.push_str("<path class=\"actual\" d=\"");
        for (k, &(x, y)) in run.iter().enumerate() {
            let _ = write!(s, "{}{} {}", if k == 0 { "M" } else { "L" }, C(x), C(y));
        }
        let _ = write!(
            s,
            "\" stroke=\"{brand}\" stroke-width=\"2.5\" stroke-linejoin=\"round\" fill=\"none\"/>"
        );
    }
    if let Some(((x1, y1), (x2, y2))) = d.dash {
        let _ = write!(
            s,
            "<path class=\"target-way\" d=\"M{} {}L{} {}\" stroke=\"{}\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\" fill=\"none\"/>",
            C(x1),
            C(y1),
            C(x2),
            C(y2),
            palette::TARGET
        );
    }
    for (&(kind, x, y), &crowded) in d.marks.iter().zip(&d.crowded) {
        // A mark left unlabelled is named so.
        let class = if crowded { " crowded" } else { "" };
        mark(&mut s, kind, x, y, d.radius, brand, class);
    }
    // The legend says in words what the marks are; the text alternative
    // already names every figure, so a screen reader skips it.
    s.push_str("<g class=\"legend\" aria-hidden=\"true\">");
    for &(kind, x, y) in &d.keys {
        if kind == SeriesKind::Actual {
            let t = d.frame.text;
            let _ = write!(
                s,
                "<path d=\"M{} {}H{}\" stroke=\"{brand}\" stroke-width=\"2.5\" fill=\"none\"/>",
                C(x - t * 0.6),
                C(y),
                C(x + t * 0.6)
            );
        }
        mark(&mut s, kind, x, y, d.radius, brand, "");
    }
    for l in d.labels.iter().filter(|l| l.role == Role::Legend) {
        label(&mut s, l, ink(l.ink));
    }
    s.push_str("</g>");
    for l in d.labels.iter().filter(|l| l.role != Role::Legend) {
        label(&mut s, l, ink(l.ink));
    }
    s.push_str("</svg>");
    s
}

fn label(s: &mut String, l: &Label, ink: &str) {
    let _ = write!(s, "<text x=\"{}\" y=\"{}\" fill=\"{ink}\"", C(l.x), C(l.y));
    if l.bold() {
        s.push_str(" class=\"figure\" font-weight=\"700\"");
    }
    s.push('>');
    escape_into(s, &l.text);
    s.push_str("</text>");
}

/// A figure's mark: a hollow circle for the baseline, a dot for a measured
/// figure, a hollow diamond for a target.
/// A figure's mark; `class` is added to its kind's class.
fn mark(s: &mut String, kind: SeriesKind, x: f64, y: f64, r: f64, brand: &str, class: &str) {
    let _ = match kind {
        SeriesKind::Baseline => write!(
            s,
            "<circle class=\"baseline-point{class}\" cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"#ffffff\" stroke=\"{}\" stroke-width=\"2\"/>",
            C(x),
            C(y),
            C(r),
            palette::MUTED
        ),
        SeriesKind::Actual => write!(
            s,
            "<circle class=\"actual-point{class}\" cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{brand}\"/>",
            C(x),
            C(y),
            C(r)
        ),
        SeriesKind::Target => {
            let k = r * 1.35;
            write!(
                s,
                "<path class=\"target{class}\" d=\"M{} {}L{} {}L{} {}L{} {}Z\" fill=\"#ffffff\" stroke=\"{}\" stroke-width=\"2\"/>",
                C(x),
                C(y - k),
                C(x + k),
                C(y),
                C(x),
                C(y + k),
                C(x - k),
                C(y),
                palette::TARGET
            )
        }
    };
}

/// A coordinate written with one decimal. `format!("{:.1}")` takes the
/// exact (and slow) float formatting path, and even integer formatting
/// pads and dispatches per piece; charts have thousands of these, so the
/// digits are put together here and handed over in one piece.
struct C(f64);

impl std::fmt::Display for C {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        let tenths = (self.0 * 10.0).round() as i64;
        // Sign, up to 19 digits, the point and the tenth.
        let mut buf = [0u8; 22];
        let mut at = buf.len();
        let mut t = tenths.unsigned_abs();
        at -= 1;
        buf[at] = b'0' + (t % 10) as u8;
        at -= 1;
        buf[at] = b'.';
        t /= 10;
        loop {
            at -= 1;
            buf[at] = b'0' + (t % 10) as u8;
            t /= 10;
            if t == 0 {
                break;
            }
        }
        if tenths < 0 {
            at -= 1;
            buf[at] = b'-';
        }
        // Only ASCII digits, '.' and '-' were written.
        f.write_str(std::str::from_utf8(&buf[at..]).unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::C;

    #[test]
    fn coordinates_have_one_decimal() {
        for (v, s) in [
            (0.0, "0.0"),
            (12.34, "12.3"),
            (12.36, "12.4"),
            (-0.04, "0.0"),
            (-3.25, "-3.3"),
            (299.96, "300.0"),
            (1234567.0, "1234567.0"),
        ] {
            assert_eq!(C(v).to_string(), s, "{v}");
        }
    }
}

//! The colours site and PDF share: one per status and the inks of a chart.
//! The site's style sheet takes them as CSS variables written into every
//! page, the PDF's style takes them as the defaults of `pdf.yaml`, so the
//! two read as one product. Every ink here reaches 4.5:1 against white and
//! against its own tint (the status badges' background), which the tests
//! below prove.

use crate::model::Status;

/// A status's colour: its symbol's circle in the PDF, its badge's text on
/// the site.
pub fn status(s: Status) -> &'static str {
    match s {
        Status::Achieved => "#1d6b37",
        Status::OnTrack => "#0b5394",
        Status::OffTrack => "#b3261e",
        Status::NotMeasured => "#4f5964",
        Status::NotAssessed => "#5b3f86",
    }
}

/// How far a status's tint is mixed with white (the badge's background).
pub const TINT: f64 = 0.88;

/// A status's tint: its colour mixed with white.
pub fn status_tint(s: Status) -> String {
    tint(status(s), TINT)
}

/// Targets: their diamonds, dashes and figures.
pub const TARGET: &str = "#b45309";
/// Axis text, the baseline and the legend.
pub const MUTED: &str = "#4f5964";
/// Text of the page.
pub const INK: &str = "#1b1f24";

/// `hex` mixed with white by `share` (0 keeps the colour, 1 is white).
pub fn tint(hex: &str, share: f64) -> String {
    let [r, g, b] = rgb(hex).unwrap_or([0, 0, 0]);
    let mix = |c: u8| (f64::from(c) + (255.0 - f64::from(c)) * share).round() as u8;
    format!("#{:02x}{:02x}{:02x}", mix(r), mix(g), mix(b))
}

/// `#rrggbb` (or `#rgb`) as bytes.
pub fn rgb(hex: &str) -> Option<[u8; 3]> {
    crate::model::parse_colour(hex)
}

/// WCAG 2 contrast ratio of two `#rrggbb` colours (1 to 21).
pub fn contrast(a: &str, b: &str) -> f64 {
    let lum = |hex: &str| {
        let [r, g, b] = rgb(hex).unwrap_or([0, 0, 0]);
        let lin = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    };
    let (la, lb) = (lum(a), lum(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// `hex` darkened until it reaches 4.5:1 against white (with a little to
/// spare), so a light brand colour can still carry text and chart lines.
pub fn readable_on_white(hex: &str) -> Option<String> {
    let [r, g, b] = rgb(hex)?;
    let mut f = 1.0;
    loop {
        let shade = |c: u8| (f64::from(c) * f).round() as u8;
        let out = format!("#{:02x}{:02x}{:02x}", shade(r), shade(g), shade(b));
        if contrast(&out, "#ffffff") >= 4.6 || f <= 0.05 {
            return Some(out);
        }
        f -= 0.05;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_ink_reads_on_white_and_on_its_tint() {
        for s in Status::ALL {
            assert!(contrast(status(s), "#ffffff") >= 4.5, "{s:?}");
            assert!(
                contrast(status(s), &status_tint(s)) >= 4.5,
                "{s:?} on its tint"
            );
        }
        for ink in [TARGET, MUTED, INK] {
            assert!(contrast(ink, "#ffffff") >= 4.5, "{ink}");
        }
    }

    #[test]
    fn a_light_brand_is_darkened_to_read() {
        let dark = readable_on_white("#7fc8f8").unwrap();
        assert!(contrast(&dark, "#ffffff") >= 4.5, "{dark}");
        assert_eq!(readable_on_white("#00558c").unwrap(), "#00558c");
        assert_eq!(contrast("#000000", "#ffffff").round(), 21.0);
    }
}

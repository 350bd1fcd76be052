//! The PDF style: `pdf.yaml` of the theme, with a default for every key.

use super::PdfError;
use crate::diagnostic::PdfStyleProblem;
use crate::theme::Theme;
use serde::Deserialize;

/// An RGB colour, 0–1 per channel.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb(pub f32, pub f32, pub f32);

impl Rgb {
    /// Parses `#rrggbb` (or `#rgb`).
    pub fn parse(s: &str) -> Option<Rgb> {
        let [r, g, b] = crate::model::parse_colour(s)?;
        Some(Rgb(
            f32::from(r) / 255.0,
            f32::from(g) / 255.0,
            f32::from(b) / 255.0,
        ))
    }

    /// Mixes with white: `t` = 0 keeps the colour, 1 gives white.
    pub fn tint(self, t: f32) -> Rgb {
        Rgb(
            self.0 + (1.0 - self.0) * t,
            self.1 + (1.0 - self.1) * t,
            self.2 + (1.0 - self.2) * t,
        )
    }

    pub const WHITE: Rgb = Rgb(1.0, 1.0, 1.0);
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PageStyle {
    pub width_mm: f32,
    pub height_mm: f32,
    pub inner_mm: f32,
    pub outer_mm: f32,
    pub top_mm: f32,
    pub bottom_mm: f32,
}
impl Default for PageStyle {
    fn default() -> Self {
        PageStyle {
            width_mm: 210.0,
            height_mm: 297.0,
            inner_mm: 25.0,
            outer_mm: 20.0,
            top_mm: 24.0,
            bottom_mm: 24.0,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TextStyle {
    pub size_pt: f32,
    pub leading_pt: f32,
    pub align: String,
    pub hyphenate: bool,
    pub paragraph_space_pt: f32,
    pub color: String,
    pub muted: String,
}
impl Default for TextStyle {
    fn default() -> Self {
        TextStyle {
            size_pt: 10.5,
            leading_pt: 14.5,
            align: "left".into(),
            hyphenate: true,
            paragraph_space_pt: 6.0,
            color: "#1f2933".into(),
            muted: "#5b6770".into(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct HeadingStyle {
    pub color: String,
    pub h1_pt: f32,
    pub h2_pt: f32,
    pub h3_pt: f32,
    pub h4_pt: f32,
    pub space_above_pt: f32,
    pub space_below_pt: f32,
    pub section_new_page: bool,
}
impl Default for HeadingStyle {
    fn default() -> Self {
        HeadingStyle {
            color: String::new(),
            h1_pt: 20.0,
            h2_pt: 14.0,
            h3_pt: 11.5,
            h4_pt: 10.5,
            space_above_pt: 16.0,
            space_below_pt: 6.0,
            section_new_page: true,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TableStyle {
    pub size_pt: f32,
    pub leading_pt: f32,
    pub header_tint: String,
    pub rule: String,
    pub cell_pad_pt: f32,
}
impl Default for TableStyle {
    fn default() -> Self {
        TableStyle {
            size_pt: 8.5,
            leading_pt: 11.5,
            header_tint: "#e8eef3".into(),
            rule: "#b8c4cc".into(),
            cell_pad_pt: 4.0,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ChartStyle {
    pub color: String,
    pub accent: String,
    pub grid: String,
    pub width_mm: f32,
    pub height_mm: f32,
}
impl Default for ChartStyle {
    fn default() -> Self {
        ChartStyle {
            color: String::new(),
            accent: "#d9822b".into(),
            grid: "#d5dbe0".into(),
            width_mm: 78.0,
            height_mm: 44.0,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StatusStyle {
    pub achieved: String,
    pub on_track: String,
    pub off_track: String,
    pub not_measured: String,
}
impl Default for StatusStyle {
    fn default() -> Self {
        StatusStyle {
            achieved: "#2e7d32".into(),
            on_track: "#1565c0".into(),
            off_track: "#c62828".into(),
            not_measured: "#6b7780".into(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CoverStyle {
    pub band_mm: f32,
    pub title_pt: f32,
    pub subtitle_pt: f32,
    pub summary: bool,
    pub logo: bool,
}
impl Default for CoverStyle {
    fn default() -> Self {
        CoverStyle {
            band_mm: 120.0,
            title_pt: 32.0,
            subtitle_pt: 15.0,
            summary: true,
            logo: true,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct HeaderStyle {
    pub size_pt: f32,
    pub title: bool,
}
impl Default for HeaderStyle {
    fn default() -> Self {
        HeaderStyle {
            size_pt: 8.0,
            title: true,
        }
    }
}

/// `pdf.yaml` as written.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StyleFile {
    pub page: PageStyle,
    pub text: TextStyle,
    pub headings: HeadingStyle,
    pub tables: TableStyle,
    pub charts: ChartStyle,
    pub status: StatusStyle,
    pub cover: CoverStyle,
    pub header: HeaderStyle,
}

/// The style with colours parsed and lengths in points.
#[derive(Debug, Clone)]
pub struct Style {
    pub file: StyleFile,
    pub page_w: f32,
    pub page_h: f32,
    pub inner: f32,
    pub outer: f32,
    pub top: f32,
    pub bottom: f32,
    pub justify: bool,
    pub text: Rgb,
    pub muted: Rgb,
    pub brand: Rgb,
    pub heading: Rgb,
    pub header_tint: Rgb,
    pub rule: Rgb,
    pub chart: Rgb,
    pub accent: Rgb,
    pub grid: Rgb,
    pub status: [Rgb; 4],
}

pub const MM: f32 = 72.0 / 25.4;

impl Style {
    /// Reads `pdf.yaml` from the theme (or uses the defaults when there is none).
    pub fn load(theme: &Theme, brand: &str) -> Result<Style, PdfError> {
        let origin = theme
            .file("pdf.yaml")
            .map_or_else(|| "pdf.yaml".to_string(), |f| f.origin.clone());
        let file = match theme.file("pdf.yaml") {
            Some(f) => {
                let text = String::from_utf8_lossy(&f.bytes);
                if text.trim().is_empty() {
                    StyleFile::default()
                } else {
                    serde_saphyr::from_str::<StyleFile>(&text).map_err(|e| PdfError::Style {
                        origin: f.origin.clone(),
                        pos: e.location().map(|l| crate::load::yaml::Pos {
                            line: l.line() as u32,
                            column: l.column() as u32,
                        }),
                        problem: PdfStyleProblem::Yaml {
                            detail: e
                                .without_snippet()
                                .to_string()
                                .lines()
                                .next()
                                .unwrap_or("not valid YAML")
                                .to_string(),
                        },
                    })?
                }
            }
            None => StyleFile::default(),
        };
        Style::from_file(file, brand, &origin)
    }

    pub fn from_file(file: StyleFile, brand: &str, origin: &str) -> Result<Style, PdfError> {
        let colour = |key: &str, value: &str| {
            Rgb::parse(value).ok_or_else(|| PdfError::Style {
                origin: origin.to_string(),
                pos: None,
                problem: PdfStyleProblem::Colour {
                    key: key.to_string(),
                    value: value.to_string(),
                },
            })
        };
        let brand = Rgb::parse(brand).unwrap_or(Rgb(0.0, 0.333, 0.549));
        let or_brand = |key: &str, value: &str| {
            if value.trim().is_empty() {
                Ok(brand)
            } else {
                colour(key, value)
            }
        };
        let align = file.text.align.trim().to_lowercase();
        if align != "left" && align != "justify" {
            return Err(PdfError::Style {
                origin: origin.to_string(),
                pos: None,
                problem: PdfStyleProblem::Align {
                    value: file.text.align.clone(),
                },
            });
        }
        Ok(Style {
            page_w: file.page.width_mm * MM,
            page_h: file.page.height_mm * MM,
            inner: file.page.inner_mm * MM,
            outer: file.page.outer_mm * MM,
            top: file.page.top_mm * MM,
            bottom: file.page.bottom_mm * MM,
            justify: align == "justify",
            text: colour("text.color", &file.text.color)?,
            muted: colour("text.muted", &file.text.muted)?,
            brand,
            heading: or_brand("headings.color", &file.headings.color)?,
            header_tint: colour("tables.header_tint", &file.tables.header_tint)?,
            rule: colour("tables.rule", &file.tables.rule)?,
            chart: or_brand("charts.color", &file.charts.color)?,
            accent: colour("charts.accent", &file.charts.accent)?,
            grid: colour("charts.grid", &file.charts.grid)?,
            status: [
                colour("status.achieved", &file.status.achieved)?,
                colour("status.on_track", &file.status.on_track)?,
                colour("status.off_track", &file.status.off_track)?,
                colour("status.not_measured", &file.status.not_measured)?,
            ],
            file,
        })
    }

    /// Left and right margin of a page (1-based physical page number):
    /// the inner margin is on the binding side.
    pub fn margins(&self, page_no: usize) -> (f32, f32) {
        if page_no % 2 == 1 {
            (self.inner, self.outer)
        } else {
            (self.outer, self.inner)
        }
    }

    pub fn measure(&self) -> f32 {
        self.page_w - self.inner - self.outer
    }
}

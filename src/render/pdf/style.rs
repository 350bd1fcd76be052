//! The PDF style: `pdf.yaml` of the theme, with a default for every key.
//! Every size and spacing the layout uses is here, so a theme can restyle
//! the document (the goal cards included) without touching code; the
//! default theme's `pdf.yaml` documents each key.

use super::PdfError;
use crate::diagnostic::PdfStyleProblem;
use crate::model::Status::*;
use crate::palette::{self, status};
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

/// Which sections start a new page in the PDF (`headings.new_page`). A
/// section with `page_break: true` in its front matter always does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NewPage {
    /// Every section at `new_page_level` or above.
    All,
    /// A top-level section (a chapter) that takes at least
    /// `long_chapter_pages` pages on its own; short ones flow on.
    Long,
    /// Only the sections whose authors ask for it.
    Asked,
}

/// Declares a section of `pdf.yaml`: a struct whose every key is optional,
/// with its default beside its type.
macro_rules! section {
    ($(#[$doc:meta])* $name:ident { $($field:ident : $ty:ty = $default:expr),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Deserialize)]
        #[serde(default, deny_unknown_fields)]
        pub struct $name {
            $(pub $field: $ty,)*
        }
        impl Default for $name {
            fn default() -> Self {
                $name { $($field: $default.into(),)* }
            }
        }
    };
}

section!(PageStyle {
    width_mm: f32 = 210.0,
    height_mm: f32 = 297.0,
    inner_mm: f32 = 25.0,
    outer_mm: f32 = 20.0,
    top_mm: f32 = 24.0,
    bottom_mm: f32 = 24.0,
});

section!(TextStyle {
    size_pt: f32 = 11.0,
    leading_pt: f32 = 15.5,
    align: String = "left",
    hyphenate: bool = true,
    kerning: bool = true,
    paragraph_space_pt: f32 = 6.0,
    measure_mm: f32 = 130.0,
    color: String = "#1f2933",
    muted: String = "#5b6770",
    code_color: String = "#8c2929",
});

section!(HeadingStyle {
    color: String = "",
    h1_pt: f32 = 20.0,
    h2_pt: f32 = 14.0,
    h3_pt: f32 = 11.5,
    h4_pt: f32 = 10.5,
    leading: f32 = 1.25,
    space_above_pt: f32 = 16.0,
    space_below_pt: f32 = 6.0,
    new_page: NewPage = NewPage::Long,
    new_page_level: u8 = 1u8,
    long_chapter_pages: f32 = 1.0,
    // The former key: `true` is `new_page: all`, `false` is `asked`.
    section_new_page: Option<bool> = None::<bool>,
    bar_mm: f32 = 18.0,
    bar_pt: f32 = 2.2,
});

section!(BlockStyle {
    bullet_indent_pt: f32 = 13.0,
    number_indent_pt: f32 = 18.0,
    quote_indent_pt: f32 = 14.0,
    quote_bar_pt: f32 = 2.5,
    code_size: f32 = 0.85,
    code_leading: f32 = 1.35,
    code_background: String = "#f3f5f6",
    code_text: String = "#333d47",
    caption_pt: f32 = 8.5,
    caption_leading_pt: f32 = 11.5,
    figure_max_height: f32 = 0.6,
    footnote_pt: f32 = 8.5,
    footnote_leading_pt: f32 = 11.5,
    footnote_indent_pt: f32 = 14.0,
    footnote_rule_mm: f32 = 40.0,
});

section!(TableStyle {
    size_pt: f32 = 9.0,
    leading_pt: f32 = 12.0,
    note_pt: f32 = 8.0,
    min_size_pt: f32 = 6.5,
    header_tint: String = "#e8eef3",
    rule: String = "#b8c4cc",
    cell_pad_pt: f32 = 4.0,
    continued_pt: f32 = 8.0,
});

section!(GoalStyle {
    space_above_pt: f32 = 14.0,
    bar_pt: f32 = 1.6,
    title_pt: f32 = 12.0,
    title_leading_pt: f32 = 15.5,
    status_pt: f32 = 8.5,
    description_pt: f32 = 9.5,
    description_leading_pt: f32 = 13.0,
    facts_pt: f32 = 8.5,
    facts_leading_pt: f32 = 12.0,
    lines_pt: f32 = 9.0,
    lines_leading_pt: f32 = 12.5,
    indicator_column: f32 = 0.3,
    continued_pt: f32 = 9.0,
    continued_space_pt: f32 = 6.0,
});

section!(ChartStyle {
    color: String = "",
    accent: String = "#d9822b",
    target: String = "",
    width_mm: f32 = 78.0,
    height_mm: f32 = 44.0,
    gap_mm: f32 = 8.0,
    title_pt: f32 = 8.0,
    label_pt: f32 = 8.0,
    line_pt: f32 = 1.6,
});

section!(StatusStyle {
    achieved: String = "",
    on_track: String = "",
    off_track: String = "",
    not_measured: String = "",
    not_assessed: String = "",
});

section!(CalloutStyle {
    pad_pt: f32 = 9.0,
    bar_pt: f32 = 3.0,
    label_pt: f32 = 9.5,
    tint: f32 = 0.9,
    note: String = "",
    tip: String = "#2e7d32",
    important: String = "#6a4c93",
    warning: String = "#9a5b00",
    caution: String = "#c62828",
});

section!(CoverStyle {
    band_mm: f32 = 120.0,
    stripe_mm: f32 = 2.5,
    title_pt: f32 = 32.0,
    subtitle_pt: f32 = 15.0,
    organisation_pt: f32 = 10.0,
    status_pt: f32 = 16.0,
    facts_pt: f32 = 11.0,
    summary_pt: f32 = 11.5,
    summary: bool = true,
    logo: bool = true,
    logo_height_mm: f32 = 16.0,
    logo_max_width_mm: f32 = 70.0,
});

section!(ColophonStyle {
    size_pt: f32 = 9.5,
    leading_pt: f32 = 13.5,
    label_width_mm: f32 = 50.0,
    space_pt: f32 = 6.0,
});

section!(ContentsStyle {
    entry_pt: f32 = 11.0,
    sub_entry_pt: f32 = 10.0,
    summary_pt: f32 = 8.5,
    number_width_pt: f32 = 26.0,
    page_width_pt: f32 = 30.0,
});

section!(HeaderStyle {
    size_pt: f32 = 8.0,
    title: bool = true,
    header_mm: f32 = 9.0,
    footer_mm: f32 = 11.0,
});

section!(CaseStyle {
    logo: bool = true,
    logo_height_mm: f32 = 11.0,
    logo_max_width_mm: f32 = 50.0,
    organisation_pt: f32 = 9.0,
    facts_pt: f32 = 9.0,
    facts_leading_pt: f32 = 12.5,
    label_width_mm: f32 = 42.0,
    box_pad_pt: f32 = 8.0,
    bar_pt: f32 = 3.0,
    facts_background: String = "#f3f5f6",
    recommendation_background: String = "",
    decision_background: String = "#f3f5f6",
});

/// `pdf.yaml` as written.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StyleFile {
    pub page: PageStyle,
    pub text: TextStyle,
    pub headings: HeadingStyle,
    pub blocks: BlockStyle,
    pub tables: TableStyle,
    pub goals: GoalStyle,
    pub charts: ChartStyle,
    pub status: StatusStyle,
    pub callouts: CalloutStyle,
    pub cover: CoverStyle,
    pub contents: ContentsStyle,
    pub colophon: ColophonStyle,
    pub header: HeaderStyle,
    pub case: CaseStyle,
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
    pub code: Rgb,
    pub code_background: Rgb,
    pub code_text: Rgb,
    pub brand: Rgb,
    pub heading: Rgb,
    pub header_tint: Rgb,
    pub rule: Rgb,
    pub chart: Rgb,
    pub accent: Rgb,
    /// Targets in charts.
    pub target: Rgb,
    /// By [`crate::model::Status`] in the order of `Status::ALL`.
    pub status: [Rgb; 5],
    /// By [`crate::model::CalloutKind`] in the order of `CalloutKind::ALL`.
    pub callout: [Rgb; 5],
    /// A case's header, recommendation and decision boxes.
    pub case_facts: Rgb,
    pub case_recommendation: Rgb,
    pub case_decision: Rgb,
}

pub const MM: f32 = 72.0 / 25.4;

fn style_error(origin: &str, problem: PdfStyleProblem) -> PdfError {
    PdfError::Style {
        origin: origin.to_string(),
        pos: None,
        problem,
    }
}

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

    pub fn from_file(mut file: StyleFile, brand: &str, origin: &str) -> Result<Style, PdfError> {
        // A theme written before `headings.new_page` keeps its pages.
        if let Some(all) = file.headings.section_new_page {
            file.headings.new_page = if all { NewPage::All } else { NewPage::Asked };
        }
        let colour = |key: &str, value: &str| {
            Rgb::parse(value).ok_or_else(|| {
                style_error(
                    origin,
                    PdfStyleProblem::Colour {
                        key: key.to_string(),
                        value: value.to_string(),
                    },
                )
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
        // Empty: the colour the site shows too.
        let or_shared = |key: &str, value: &str, shared: &str| {
            if value.trim().is_empty() {
                colour(key, shared)
            } else {
                colour(key, value)
            }
        };
        let align = file.text.align.trim().to_lowercase();
        if align != "left" && align != "justify" {
            return Err(style_error(
                origin,
                PdfStyleProblem::Align {
                    value: file.text.align.clone(),
                },
            ));
        }
        let t = &file.tables;
        if !(t.min_size_pt > 0.0 && t.min_size_pt <= t.size_pt) {
            return Err(style_error(
                origin,
                PdfStyleProblem::TableMinSize {
                    size: t.size_pt,
                    min_size: t.min_size_pt,
                },
            ));
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
            code: colour("text.code_color", &file.text.code_color)?,
            code_background: colour("blocks.code_background", &file.blocks.code_background)?,
            code_text: colour("blocks.code_text", &file.blocks.code_text)?,
            brand,
            heading: or_brand("headings.color", &file.headings.color)?,
            header_tint: colour("tables.header_tint", &file.tables.header_tint)?,
            rule: colour("tables.rule", &file.tables.rule)?,
            chart: or_brand("charts.color", &file.charts.color)?,
            accent: colour("charts.accent", &file.charts.accent)?,
            target: or_shared("charts.target", &file.charts.target, palette::TARGET)?,
            case_facts: colour("case.facts_background", &file.case.facts_background)?,
            case_recommendation: if file.case.recommendation_background.trim().is_empty() {
                brand.tint(0.9)
            } else {
                colour(
                    "case.recommendation_background",
                    &file.case.recommendation_background,
                )?
            },
            case_decision: colour("case.decision_background", &file.case.decision_background)?,
            status: [
                or_shared("status.achieved", &file.status.achieved, status(Achieved))?,
                or_shared("status.on_track", &file.status.on_track, status(OnTrack))?,
                or_shared("status.off_track", &file.status.off_track, status(OffTrack))?,
                or_shared(
                    "status.not_measured",
                    &file.status.not_measured,
                    status(NotMeasured),
                )?,
                or_shared(
                    "status.not_assessed",
                    &file.status.not_assessed,
                    status(NotAssessed),
                )?,
            ],
            callout: [
                or_brand("callouts.note", &file.callouts.note)?,
                colour("callouts.tip", &file.callouts.tip)?,
                colour("callouts.important", &file.callouts.important)?,
                colour("callouts.warning", &file.callouts.warning)?,
                colour("callouts.caution", &file.callouts.caution)?,
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

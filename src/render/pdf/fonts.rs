//! The body font (Noto Sans, four faces): which characters it can draw,
//! how wide they are, and how the font's kerning pairs move them.
//!
//! The layout measures with these numbers and the PDF backend draws with
//! the very same glyph ids and advances, so a line is exactly as wide on
//! paper as the line breaker thought. Kerning comes from the font's `kern`
//! feature (GPOS pair adjustments), applied between two characters of a
//! word; never across a space, so a line's width is the sum of its words
//! and spaces and can be built up word by word.

use super::PdfError;
use super::display::Face;
use rustc_hash::FxHashMap;
use skrifa::raw::TableProvider;
use skrifa::raw::tables::gpos::{PairPos, PositionSubtables};
use skrifa::{FontRef, MetadataProvider};
use std::sync::OnceLock;

/// Code points below this have their glyph in a table; the rest ask the
/// font's character map.
const TABLE: usize = 0x2200;

/// One glyph of a run: its id, advance (1/1000 em, kerning included) and
/// the byte range of the text it stands for.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    pub id: u16,
    pub advance: f32,
    pub start: usize,
    pub end: usize,
}

/// Metrics of one face.
pub struct FaceMetrics {
    pub name: &'static str,
    pub bytes: &'static [u8],
    font: FontRef<'static>,
    /// Glyph id per code point below [`TABLE`]; 0 when the face has none.
    gids: Vec<u16>,
    /// Advance per glyph id, in 1/1000 em.
    advances: Vec<f32>,
    /// Whether a glyph starts any kerning pair (most do not: a quick no).
    kerns_left: Vec<bool>,
    /// Kerning per pair `left << 16 | right`, in 1/1000 em.
    kerning: FxHashMap<u32, f32>,
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{a0}'
}

impl FaceMetrics {
    fn load(name: &'static str, bytes: &'static [u8]) -> Result<FaceMetrics, String> {
        let bad = |e: &dyn std::fmt::Display| format!("cannot read {name}: {e}");
        let font = FontRef::new(bytes).map_err(|e| bad(&e))?;
        let upm = f32::from(font.head().map_err(|e| bad(&e))?.units_per_em().max(1));
        let count = font.maxp().map_err(|e| bad(&e))?.num_glyphs() as usize;
        let metrics = font.glyph_metrics(
            skrifa::instance::Size::unscaled(),
            skrifa::instance::LocationRef::default(),
        );
        let advances = (0..count)
            .map(|g| {
                metrics
                    .advance_width(skrifa::GlyphId::new(g as u32))
                    .unwrap_or(0.0)
                    * 1000.0
                    / upm
            })
            .collect();
        let charmap = font.charmap();
        let gids = (0..TABLE as u32)
            .map(|cp| {
                char::from_u32(cp)
                    .and_then(|c| charmap.map(c))
                    .map_or(0, |g| u16::try_from(g.to_u32()).unwrap_or(0))
            })
            .collect();
        let kerning = kerning_pairs(&font, upm);
        let mut kerns_left = vec![false; count];
        for key in kerning.keys() {
            if let Some(k) = kerns_left.get_mut((key >> 16) as usize) {
                *k = true;
            }
        }
        Ok(FaceMetrics {
            name,
            bytes,
            font,
            gids,
            advances,
            kerns_left,
            kerning,
        })
    }

    /// The glyph of `c`, if the face has one.
    pub fn gid(&self, c: char) -> Option<u16> {
        let g = if (c as usize) < TABLE {
            self.gids[c as usize]
        } else {
            self.font
                .charmap()
                .map(c)
                .map_or(0, |g| u16::try_from(g.to_u32()).unwrap_or(0))
        };
        (g != 0).then_some(g)
    }

    pub fn has(&self, c: char) -> bool {
        self.gid(c).is_some()
    }

    /// Advance of one character in 1/1000 em (0 for characters the face lacks).
    pub fn advance(&self, c: char) -> f32 {
        self.gid(c)
            .and_then(|g| self.advances.get(g as usize).copied())
            .unwrap_or(0.0)
    }

    /// The kerning between two glyphs, in 1/1000 em.
    pub fn kern(&self, left: u16, right: u16) -> f32 {
        if !self.kerns_left.get(left as usize).copied().unwrap_or(false) {
            return 0.0;
        }
        self.kerning
            .get(&(u32::from(left) << 16 | u32::from(right)))
            .copied()
            .unwrap_or(0.0)
    }

    /// The number of glyphs in the face (the subset test compares with it).
    pub fn glyph_count(&self) -> usize {
        self.advances.len()
    }

    /// The glyphs of `text`, one per character (characters the face lacks
    /// get glyph 0; the layout replaces them before they get here).
    pub fn glyphs(&self, text: &str, kerning: bool, out: &mut Vec<Glyph>) {
        out.clear();
        let mut prev: Option<(u16, bool)> = None;
        for (start, c) in text.char_indices() {
            let id = self.gid(c).unwrap_or(0);
            let space = is_space(c);
            let advance = self.advances.get(id as usize).copied().unwrap_or(0.0);
            if let (true, Some((p, false)), false, Some(last)) =
                (kerning, prev, space, out.last_mut())
            {
                last.advance += self.kern(p, id);
            }
            out.push(Glyph {
                id,
                advance,
                start,
                end: start + c.len_utf8(),
            });
            prev = Some((id, space));
        }
    }

    /// Width of `text` in 1/1000 em, as [`FaceMetrics::glyphs`] lays it out.
    pub fn width_em(&self, text: &str, kerning: bool) -> f32 {
        let mut sum = 0.0;
        let mut prev: Option<u16> = None;
        for c in text.chars() {
            let id = self.gid(c).unwrap_or(0);
            sum += self.advances.get(id as usize).copied().unwrap_or(0.0);
            if is_space(c) {
                prev = None;
                continue;
            }
            if let (true, Some(p)) = (kerning, prev) {
                sum += self.kern(p, id);
            }
            prev = Some(id);
        }
        sum
    }
}

/// The pair adjustments of the font's `kern` feature, first subtable
/// first (a later subtable only adds pairs an earlier one lacks, as a
/// shaper would apply them).
fn kerning_pairs(font: &FontRef<'_>, upm: f32) -> FxHashMap<u32, f32> {
    let mut pairs = FxHashMap::default();
    let Ok(gpos) = font.gpos() else {
        return pairs;
    };
    let (Ok(features), Ok(lookups)) = (gpos.feature_list(), gpos.lookup_list()) else {
        return pairs;
    };
    let mut indices: Vec<u16> = features
        .feature_records()
        .iter()
        .filter(|r| r.feature_tag() == skrifa::Tag::new(b"kern"))
        .filter_map(|r| r.feature(features.offset_data()).ok())
        .flat_map(|f| {
            f.lookup_list_indices()
                .iter()
                .map(|i| i.get())
                .collect::<Vec<_>>()
        })
        .collect();
    indices.sort_unstable();
    indices.dedup();
    for index in indices {
        let Ok(lookup) = lookups.lookups().get(index as usize) else {
            continue;
        };
        let Ok(PositionSubtables::Pair(subtables)) = lookup.subtables() else {
            continue;
        };
        let mut this: FxHashMap<u32, f32> = FxHashMap::default();
        for subtable in subtables.iter().flatten() {
            add_subtable(&subtable, upm, &mut this);
        }
        // Separate lookups add up.
        for (k, v) in this {
            *pairs.entry(k).or_insert(0.0) += v;
        }
    }
    pairs.retain(|_, v| *v != 0.0);
    pairs
}

fn add_subtable(subtable: &PairPos<'_>, upm: f32, out: &mut FxHashMap<u32, f32>) {
    let scale = 1000.0 / upm;
    match subtable {
        PairPos::Format1(p) => {
            let Ok(coverage) = p.coverage() else { return };
            for (first, set) in coverage.iter().zip(p.pair_sets().iter()) {
                let Ok(set) = set else { continue };
                for record in set.pair_value_records().iter().flatten() {
                    let dx = record.value_record1().x_advance().unwrap_or(0);
                    let key =
                        u32::from(first.to_u16()) << 16 | u32::from(record.second_glyph().to_u16());
                    out.entry(key).or_insert(f32::from(dx) * scale);
                }
            }
        }
        PairPos::Format2(p) => {
            let (Ok(coverage), Ok(class1), Ok(class2)) =
                (p.coverage(), p.class_def1(), p.class_def2())
            else {
                return;
            };
            let seconds: Vec<(u16, u16)> = class2.iter().map(|(g, c)| (g.to_u16(), c)).collect();
            let records: Vec<_> = p.class1_records().iter().flatten().collect();
            for first in coverage.iter() {
                let c1 = class1.get(first) as usize;
                let Some(record) = records.get(c1) else {
                    continue;
                };
                let values: Vec<i16> = record
                    .class2_records()
                    .iter()
                    .flatten()
                    .map(|r| r.value_record1().x_advance().unwrap_or(0))
                    .collect();
                // Class 0 of the second glyph: every glyph not listed.
                // Only listed glyphs are kept; class 0 kerning is rare and
                // would mean a pair with every other glyph.
                for &(second, c2) in &seconds {
                    if let Some(&dx) = values.get(c2 as usize)
                        && dx != 0
                    {
                        let key = u32::from(first.to_u16()) << 16 | u32::from(second);
                        out.entry(key).or_insert(f32::from(dx) * scale);
                    }
                }
            }
        }
    }
}

/// The regular and the bold face, loaded once for the process: the site
/// sets its charts in the same font and measures them with these. `None`
/// if the built-in font cannot be read (the PDF then says why).
pub fn site_faces() -> Option<&'static (FaceMetrics, FaceMetrics)> {
    static FACES: std::sync::OnceLock<Option<(FaceMetrics, FaceMetrics)>> =
        std::sync::OnceLock::new();
    FACES
        .get_or_init(|| {
            let regular = FaceMetrics::load("NotoSans-Regular", notosans::REGULAR_TTF).ok()?;
            let bold = FaceMetrics::load("NotoSans-Bold", notosans::BOLD_TTF).ok()?;
            Some((regular, bold))
        })
        .as_ref()
}

pub struct Fonts {
    /// Read once a process and shared: a build makes up to three PDFs, and
    /// `serve` one after every save.
    faces: &'static [FaceMetrics; 4],
    /// Apply the font's kerning pairs (the style's `text.kerning`).
    pub kerning: bool,
}

impl Fonts {
    pub fn load(kerning: bool) -> Result<Fonts, PdfError> {
        static FACES: OnceLock<Result<[FaceMetrics; 4], String>> = OnceLock::new();
        let faces = FACES.get_or_init(|| {
            Ok([
                FaceMetrics::load("NotoSans-Regular", notosans::REGULAR_TTF)?,
                FaceMetrics::load("NotoSans-Bold", notosans::BOLD_TTF)?,
                FaceMetrics::load("NotoSans-Italic", notosans::ITALIC_TTF)?,
                FaceMetrics::load("NotoSans-BoldItalic", notosans::BOLD_ITALIC_TTF)?,
            ])
        });
        match faces {
            Ok(faces) => Ok(Fonts { faces, kerning }),
            Err(what) => Err(PdfError::Font(what.clone())),
        }
    }

    pub fn face(&self, f: Face) -> &FaceMetrics {
        &self.faces[f.index()]
    }

    /// Width of `text` in points at `size`.
    pub fn width(&self, f: Face, size: f32, text: &str) -> f32 {
        self.face(f).width_em(text, self.kerning) * size / 1000.0
    }

    /// The kerning (in points at `size`) between the end of one piece of
    /// text and the start of the next, when they are joined into one run.
    pub fn join(&self, f: Face, size: f32, left: &str, right: &str) -> f32 {
        if !self.kerning {
            return 0.0;
        }
        let (Some(a), Some(b)) = (left.chars().next_back(), right.chars().next()) else {
            return 0.0;
        };
        if is_space(a) || is_space(b) {
            return 0.0;
        }
        let face = self.face(f);
        match (face.gid(a), face.gid(b)) {
            (Some(a), Some(b)) => face.kern(a, b) * size / 1000.0,
            _ => 0.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kerning_tightens_pairs_and_widths_add_up() {
        let fonts = Fonts::load(true).unwrap();
        let plain = Fonts::load(false).unwrap();
        let f = Face::Regular;
        // "AV" and "To" are kerned in Noto Sans; the pair is narrower.
        assert!(fonts.width(f, 10.0, "AV") < plain.width(f, 10.0, "AV") - 0.1);
        assert!(fonts.width(f, 10.0, "To") < plain.width(f, 10.0, "To"));
        // Never across a space: a line is the sum of its words and spaces.
        let whole = fonts.width(f, 10.0, "AV To");
        let parts =
            fonts.width(f, 10.0, "AV") + fonts.width(f, 10.0, " ") + fonts.width(f, 10.0, "To");
        assert!((whole - parts).abs() < 1e-4);
        // Joining two pieces adds the pair between them.
        let joined =
            fonts.width(f, 10.0, "A") + fonts.width(f, 10.0, "V") + fonts.join(f, 10.0, "A", "V");
        assert!((joined - fonts.width(f, 10.0, "AV")).abs() < 1e-4);
        // The glyphs the backend draws add up to the width the layout measured.
        let mut glyphs = Vec::new();
        fonts.face(f).glyphs("Tværgående AVA", true, &mut glyphs);
        let sum: f32 = glyphs.iter().map(|g| g.advance).sum::<f32>() * 10.0 / 1000.0;
        assert!((sum - fonts.width(f, 10.0, "Tværgående AVA")).abs() < 1e-3);
        assert_eq!(glyphs.len(), "Tværgående AVA".chars().count());
    }

    #[test]
    fn coverage() {
        let fonts = Fonts::load(true).unwrap();
        let f = fonts.face(Face::Bold);
        assert!(f.has('æ') && f.has('Ø') && f.has('–') && f.has('€'));
        assert!(!f.has('☃'));
        assert!(f.glyph_count() > 1000);
    }
}

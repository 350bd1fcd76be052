//! The body font (Noto Sans, four faces): measuring text, checking glyph
//! coverage, and subsetting the faces to the glyphs a document uses.

use super::PdfError;
use super::display::Face;
use printpdf::ParsedFont;
use std::collections::{BTreeMap, BTreeSet};

/// Metrics of one face, with a fast width table.
pub struct FaceMetrics {
    pub name: &'static str,
    pub bytes: &'static [u8],
    parsed: ParsedFont,
    /// Advance width in 1/1000 em for code points below `TABLE`; NaN when
    /// the face has no glyph.
    table: Vec<f32>,
    /// Ascender and descender in 1/1000 em.
    pub ascent: f32,
    pub descent: f32,
}

const TABLE: usize = 0x2200;

impl FaceMetrics {
    fn load(name: &'static str, bytes: &'static [u8]) -> Result<FaceMetrics, PdfError> {
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(bytes, 0, &mut warnings)
            .ok_or_else(|| PdfError::Font(format!("cannot read the font {name}: {warnings:?}")))?;
        let upm = f32::from(parsed.units_per_em.max(1));
        let mut table = vec![f32::NAN; TABLE];
        for (&cp, &gid) in &parsed.codepoint_to_glyph {
            if (cp as usize) < TABLE && gid != 0 {
                let w = parsed.glyph_widths.get(&gid).copied().unwrap_or(0);
                table[cp as usize] = f32::from(w) * 1000.0 / upm;
            }
        }
        let ascent = f32::from(parsed.font_metrics.ascent) * 1000.0 / upm;
        let descent = f32::from(parsed.font_metrics.descent) * 1000.0 / upm;
        Ok(FaceMetrics {
            name,
            bytes,
            parsed,
            table,
            ascent,
            descent,
        })
    }

    fn gid(&self, c: char) -> Option<u16> {
        self.parsed
            .codepoint_to_glyph
            .get(&(c as u32))
            .copied()
            .filter(|g| *g != 0)
    }

    pub fn has(&self, c: char) -> bool {
        if (c as usize) < TABLE {
            !self.table[c as usize].is_nan()
        } else {
            self.gid(c).is_some()
        }
    }

    /// Advance of one character in 1/1000 em (0 for characters the face lacks).
    pub fn advance(&self, c: char) -> f32 {
        if (c as usize) < TABLE {
            let w = self.table[c as usize];
            if w.is_nan() { 0.0 } else { w }
        } else {
            let upm = f32::from(self.parsed.units_per_em.max(1));
            self.gid(c)
                .and_then(|g| self.parsed.glyph_widths.get(&g).copied())
                .map_or(0.0, |w| f32::from(w) * 1000.0 / upm)
        }
    }
}

pub struct Fonts {
    pub faces: [FaceMetrics; 4],
}

impl Fonts {
    pub fn load() -> Result<Fonts, PdfError> {
        Ok(Fonts {
            faces: [
                FaceMetrics::load("NotoSans-Regular", notosans::REGULAR_TTF)?,
                FaceMetrics::load("NotoSans-Bold", notosans::BOLD_TTF)?,
                FaceMetrics::load("NotoSans-Italic", notosans::ITALIC_TTF)?,
                FaceMetrics::load("NotoSans-BoldItalic", notosans::BOLD_ITALIC_TTF)?,
            ],
        })
    }

    pub fn face(&self, f: Face) -> &FaceMetrics {
        &self.faces[f.index()]
    }

    /// Width of `text` in points at `size`.
    pub fn width(&self, f: Face, size: f32, text: &str) -> f32 {
        let m = self.face(f);
        text.chars().map(|c| m.advance(c)).sum::<f32>() * size / 1000.0
    }

    /// A face cut down to the characters in `used`, ready for printpdf: its
    /// character map and widths point at the renumbered glyphs.
    pub fn subset(&self, f: Face, used: &BTreeSet<char>) -> Result<ParsedFont, PdfError> {
        use allsorts::binary::read::ReadScope;
        use allsorts::font_data::FontData;
        let m = self.face(f);
        let mut by_gid: BTreeMap<u16, Vec<char>> = BTreeMap::new();
        for &c in used {
            if let Some(g) = m.gid(c) {
                by_gid.entry(g).or_default().push(c);
            }
        }
        let ids: Vec<u16> = std::iter::once(0).chain(by_gid.keys().copied()).collect();
        let font_file = ReadScope::new(m.bytes)
            .read::<FontData<'_>>()
            .map_err(|e| PdfError::Font(format!("{}: {e}", m.name)))?;
        let provider = font_file
            .table_provider(0)
            .map_err(|e| PdfError::Font(format!("{}: {e}", m.name)))?;
        let bytes = allsorts::subset::subset(
            &provider,
            &ids,
            &allsorts::subset::SubsetProfile::Pdf,
            allsorts::subset::CmapTarget::Unicode,
        )
        .map_err(|e| PdfError::Font(format!("cannot subset {}: {e}", m.name)))?;
        let mut warnings = Vec::new();
        let mut parsed = ParsedFont::from_bytes(&bytes, 0, &mut warnings).ok_or_else(|| {
            PdfError::Font(format!(
                "cannot read the subset of {}: {warnings:?}",
                m.name
            ))
        })?;
        // allsorts numbers the kept glyphs by their position in `ids`.
        parsed.codepoint_to_glyph.clear();
        parsed.glyph_widths.clear();
        parsed
            .glyph_widths
            .insert(0, m.parsed.glyph_widths.get(&0).copied().unwrap_or(0));
        for (new, (old, chars)) in by_gid.iter().enumerate() {
            let new = (new + 1) as u16;
            for c in chars {
                parsed.codepoint_to_glyph.insert(*c as u32, new);
            }
            parsed
                .glyph_widths
                .insert(new, m.parsed.glyph_widths.get(old).copied().unwrap_or(0));
        }
        parsed.font_name = Some(m.name.to_string());
        Ok(parsed)
    }
}

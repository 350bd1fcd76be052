//! Danish hyphenation with the Liang patterns of the `hyphenation` crate.
//!
//! Only the Danish dictionary is loaded: `hyph-da.standard.bincode` is the
//! prebuilt dictionary the `hyphenation` crate ships (built from TeX's
//! `hyph-da` patterns), included here so no other language is compiled in.

use hyphenation::{Hyphenator, Language, Load, Standard};

static DANISH: &[u8] = include_bytes!("hyph-da.standard.bincode");

pub struct Hyphenation {
    dict: Option<Standard>,
}

impl Hyphenation {
    /// Danish patterns for a Danish plan; none (no hyphenation) otherwise.
    pub fn for_language(lang: crate::model::Language) -> Hyphenation {
        let dict = match lang {
            crate::model::Language::Da => {
                Standard::from_reader(Language::Danish, &mut &DANISH[..]).ok()
            }
            crate::model::Language::En => None,
        };
        Hyphenation { dict }
    }

    /// Byte offsets in `word` where it may be broken with a hyphen. Words
    /// with digits or capitals-only (abbreviations) are left whole; at least
    /// two letters stay before and three after a break.
    pub fn breaks(&self, word: &str) -> Vec<usize> {
        let Some(dict) = &self.dict else {
            return Vec::new();
        };
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        if letters < 6 || !word.chars().all(char::is_alphabetic) {
            return Vec::new();
        }
        if word.chars().all(char::is_uppercase) {
            return Vec::new();
        }
        let lower = word.to_lowercase();
        if lower.len() != word.len() {
            return Vec::new();
        }
        let h = dict.hyphenate(&lower);
        h.breaks
            .iter()
            .copied()
            .filter(|&b| word[..b].chars().count() >= 2 && word[b..].chars().count() >= 3)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danish_words_break() {
        let h = Hyphenation::for_language(crate::model::Language::Da);
        let b = h.breaks("beskæftigelsesplan");
        assert!(!b.is_empty(), "no breaks");
        assert!(h.breaks("V1").is_empty());
    }
}

//! Danish hyphenation with the TeX patterns (`hyph-da`) that `hypher`
//! compiles in; only the Danish patterns are built into the binary.

use crate::model::Language;

/// Words longer than this (in characters) are not hyphenated: no Danish
/// word is that long, so it is a web address, a code or garbage, and it
/// is broken between characters where it must be.
pub const MAX_WORD: usize = 64;

pub struct Hyphenation {
    lang: Option<hypher::Lang>,
}

impl Hyphenation {
    /// Danish patterns for a Danish plan; none (no hyphenation) otherwise.
    pub fn for_language(lang: Language) -> Hyphenation {
        let lang = match lang {
            Language::Da => Some(hypher::Lang::Danish),
            Language::En => None,
        };
        Hyphenation { lang }
    }

    /// Byte offsets in `word` where it may be broken with a hyphen. Words
    /// with digits or capitals only (abbreviations) are left whole; at least
    /// two letters stay before and three after a break.
    pub fn breaks(&self, word: &str) -> Vec<usize> {
        let Some(lang) = self.lang else {
            return Vec::new();
        };
        let letters = word.chars().count();
        if !(6..=MAX_WORD).contains(&letters) || !word.chars().all(char::is_alphabetic) {
            return Vec::new();
        }
        if word.chars().all(char::is_uppercase) {
            return Vec::new();
        }
        let lower = word.to_lowercase();
        if lower.len() != word.len() {
            return Vec::new();
        }
        let mut out = Vec::new();
        let mut at = 0;
        for syllable in hypher::hyphenate(&lower, lang) {
            at += syllable.len();
            if at < word.len() && word[..at].chars().count() >= 2 && word[at..].chars().count() >= 3
            {
                out.push(at);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The breaks the `hyphenation` crate's Danish dictionary gave before
    /// hypher replaced it, for words of the example plan.
    #[test]
    fn danish_words_break_as_before() {
        let h = Hyphenation::for_language(Language::Da);
        let parts = |w: &str| {
            let mut out = Vec::new();
            let mut last = 0;
            for b in h.breaks(w) {
                out.push(&w[last..b]);
                last = b;
            }
            out.push(&w[last..]);
            out.join("-")
        };
        assert_eq!(parts("beskæftigelsesplan"), "be-skæf-ti-gel-ses-plan");
        assert_eq!(parts("arbejdsmarkedet"), "ar-bejds-mar-ke-det");
        assert_eq!(parts("langtidsledighed"), "lang-tids-le-dig-hed");
        assert_eq!(parts("uddannelsesparate"), "ud-dan-nel-ses-pa-rate");
        assert_eq!(parts("opkvalificering"), "opkva-li-fi-ce-ring");
        assert_eq!(parts("virksomhedskontakter"), "virk-som-heds-kon-tak-ter");
        assert_eq!(
            parts("sygedagpengemodtagere"),
            "sy-ge-dag-pen-ge-mod-ta-gere"
        );
        assert!(h.breaks("V1").is_empty());
        assert!(h.breaks("EKSEMPELBY").is_empty());
        assert!(h.breaks(&"a".repeat(MAX_WORD + 1)).is_empty());
        assert!(
            Hyphenation::for_language(Language::En)
                .breaks("employment")
                .is_empty()
        );
    }
}

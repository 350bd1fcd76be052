//! The one list of diagnostic codes: each with its stable kebab-case name
//! (what CI filters on and the README documents) and its severity.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// Declares [`Code`] from one table, so the variant, its name and its
/// severity can never drift apart.
macro_rules! codes {
    ($($(#[$doc:meta])* $variant:ident = $name:literal, $severity:ident;)*) => {
        /// What kind of problem a diagnostic reports.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $($(#[$doc])* $variant,)*
        }

        impl Code {
            /// Every code, in the README's order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The stable name, e.g. `unknown-field`.
            pub fn name(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)*
                }
            }

            pub fn severity(self) -> Severity {
                match self {
                    $(Code::$variant => Severity::$severity,)*
                }
            }
        }
    };
}

codes! {
    /// The front matter or plan.yaml is not valid YAML.
    YamlSyntax = "yaml-syntax", Error;
    /// YAML past one of the limits planpress parses with.
    YamlTooLarge = "yaml-too-large", Error;
    FileTooLarge = "file-too-large", Error;
    MissingFrontMatter = "missing-front-matter", Error;
    UnterminatedFrontMatter = "unterminated-front-matter", Error;
    InvalidUtf8 = "invalid-utf8", Error;
    NoSections = "no-sections", Error;
    UnknownField = "unknown-field", Error;
    WrongType = "wrong-type", Error;
    MissingField = "missing-field", Error;
    InvalidValue = "invalid-value", Error;
    /// A number with a decimal comma inside `{ }`, which YAML splits in two.
    DecimalComma = "decimal-comma", Error;
    /// An unquoted name with a comma inside `{ }`, which YAML splits in two.
    CommaInName = "comma-in-name", Error;
    /// `2.500` for two thousand five hundred: YAML reads 2.5.
    ThousandsSeparator = "thousands-separator", Error;
    InvalidDate = "invalid-date", Error;
    YearOutOfRange = "year-out-of-range", Error;
    UnknownReference = "unknown-reference", Error;
    MissingFile = "missing-file", Error;
    /// A path or a link (symlink) that leads where planpress does not read.
    OutsidePlan = "outside-plan", Error;
    /// A link outside the allow-list of schemes.
    UnsafeLink = "unsafe-link", Error;
    /// An image that cannot be decoded.
    BrokenImage = "broken-image", Error;
    BrokenLink = "broken-link", Error;
    DuplicateId = "duplicate-id", Error;
    DuplicateSlug = "duplicate-slug", Error;
    TargetOutsidePeriod = "target-outside-period", Error;
    BaselineAfterTarget = "baseline-after-target", Error;
    ActualAfterAsOf = "actual-after-as-of", Error;
    ValueOutOfRange = "value-out-of-range", Error;
    /// A field an indicator of its unit cannot have (`assessment` on a
    /// number, `unit_label` on a percentage).
    FieldNotForUnit = "field-not-for-unit", Error;
    /// A figure too large to print exactly.
    NumberTooLarge = "number-too-large", Error;
    TooManyDecimals = "too-many-decimals", Error;
    /// The same year twice in `actuals` or `targets`.
    DuplicateKey = "duplicate-key", Error;
    /// A series of figures that mixes years, quarters and months.
    MixedPeriods = "mixed-periods", Error;
    /// Markdown nested past the limit.
    TooDeep = "too-deep", Error;
    /// A case's header, recommendation or decision in a plan.
    NotACase = "not-a-case", Error;
    /// A case's recommendation or decision given twice.
    CaseTwice = "case-twice", Error;
    DecisionBeforeMeeting = "decision-before-meeting", Error;
    DuplicateOrder = "duplicate-order", Warning;
    /// `01-index.md`: a file named like an index that is not one.
    MisnamedIndex = "misnamed-index", Warning;
    /// `adopted.ref` names a version git cannot give: no changes page.
    AdoptedRef = "adopted-ref", Warning;
    /// A figures file that cannot be read, or lacks a column.
    FiguresFile = "figures-file", Error;
    /// A figures row names an indicator id no indicator has.
    UnknownIndicator = "unknown-indicator", Error;
    /// A figures row's value is not a number the indicator can take.
    BadFigure = "bad-figure", Error;
    /// A figures file gives one indicator's period twice.
    FigureTwice = "figure-twice", Error;
    /// A line like `{{ goals }}` that is meant as a goal marker but is not one.
    MalformedMarker = "malformed-marker", Warning;
    /// `> [!FAKTA]`: a quote that starts like a callout of no known kind.
    UnknownCallout = "unknown-callout", Warning;
    /// Raw HTML in the text, shown as text while `allow_html` is off.
    RawHtml = "raw-html", Warning;
    TargetAgainstDirection = "target-against-direction", Warning;
    MaintainTargetDiffers = "maintain-target-differs", Warning;
    UncoveredTargetGroup = "uncovered-target-group", Warning;
    UnansweredNationalGoal = "unanswered-national-goal", Warning;
    HeadingLevel = "heading-level", Warning;
    HeadingSkip = "heading-skip", Warning;
    MissingAlt = "missing-alt", Warning;
    GoalPlacedTwice = "goal-placed-twice", Warning;
    /// A Danish plan put before the public (in consultation or adopted)
    /// with no `accessibility_statement` for its site's footer.
    MissingAccessibilityStatement = "missing-accessibility-statement", Warning;
    /// A case without a recommendation, or a point without "at".
    CaseRecommendation = "case-recommendation", Warning;
    TemplateError = "template-error", Error;
    TemplateMissing = "template-missing", Error;
    ThemeLabels = "theme-labels", Error;
    ThemeUnreadable = "theme-unreadable", Error;
    PdfStyle = "pdf-style", Error;
    PdfMissingGlyph = "pdf-missing-glyph", Warning;
    /// A table too wide for the PDF page even in small type and bands.
    PdfTableTooWide = "pdf-table-too-wide", Warning;
    PdfImage = "pdf-image", Error;
    PdfFigureWithoutAlt = "pdf-figure-without-alt", Error;
    PdfLinkWithoutDescription = "pdf-link-without-description", Error;
    PdfHeadingWithoutText = "pdf-heading-without-text", Error;
    PdfUnmappableText = "pdf-unmappable-text", Error;
    PdfNotConformant = "pdf-not-conformant", Error;
    /// The PDF library refused the document: a bug in planpress.
    PdfWrite = "pdf-write", Error;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_kebab_case() {
        let mut seen = std::collections::HashSet::new();
        for code in Code::ALL {
            let name = code.name();
            assert!(seen.insert(name), "{name} twice");
            assert!(
                name.chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit())
                    && !name.starts_with('-')
                    && !name.ends_with('-'),
                "{name}"
            );
        }
    }
}

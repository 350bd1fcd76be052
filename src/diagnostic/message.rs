//! What planpress says, as typed values with their arguments. Nothing here
//! is text yet: `da.rs` and `en.rs` turn each value into words with an
//! exhaustive `match`, so the compiler proves that every message, hint and
//! status line exists in both languages.

pub use super::case::{CaseHint, CaseProblem};
use super::code::Code;
pub use super::hint::*;
pub use super::problems::*;
use crate::load::confine::Refusal;
use crate::markdown::Nesting;
use crate::model::{Date, Direction, DocumentStatus, Grain, Period, Unit, When};
use crate::when::PeriodProblem;

/// The one-line statement of a problem. Each variant belongs to one code.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    Yaml(YamlProblem),
    NoFrontMatter,
    FrontMatterNeverEnds,
    NotUtf8 {
        byte: u8,
        line: u32,
        column: u32,
    },
    NoContentFolder,
    NoSectionFiles,
    UnknownField {
        name: String,
        thing: Thing,
    },
    WrongType {
        field: String,
        expected: Expected,
        found: Found,
    },
    NotAMapping {
        thing: Thing,
        found: Found,
    },
    FieldNameNotWord {
        thing: Thing,
    },
    NotAYear {
        found: Found,
    },
    TextNotNumber {
        written: String,
        unit: Unit,
    },
    NotAValue {
        found: Found,
    },
    MissingField {
        thing: Thing,
        field: String,
    },
    EmptyFrontMatter,
    NoDirection,
    UnknownUnit {
        written: String,
    },
    UnknownDirection {
        written: String,
    },
    UnknownComparison {
        written: String,
    },
    UnknownLanguage {
        written: String,
    },
    NotAWebAddress {
        written: String,
    },
    /// `status:` in plan.yaml, not one of the three.
    UnknownStatus {
        written: String,
    },
    NotAnEmail {
        written: String,
    },
    NotAColour {
        written: String,
    },
    PeriodBackwards {
        start: i32,
        end: i32,
    },
    NotAPeriod,
    /// `31,5` inside `{ }`.
    DecimalComma {
        written: String,
    },
    /// `name: Unge, ledige og andre` inside `{ }`.
    CommaInName {
        written: String,
    },
    /// `2.500` in a count or an amount.
    ThousandsSeparator {
        written: String,
        read: f64,
    },
    BadDeadline {
        written: String,
    },
    BadDate {
        written: String,
    },
    ImplausibleYear {
        year: i64,
    },
    DeadlineYear {
        year: i32,
    },
    PeriodOutOfRange {
        start: i32,
        end: i32,
    },
    NoSuchTheme {
        name: String,
    },
    UnknownVocabulary {
        kind: Thing,
        id: String,
    },
    UnknownGoalMarker {
        id: String,
    },
    NoLogo {
        path: String,
    },
    NoImage {
        written: String,
    },
    LinkWithoutTarget,
    BrokenLink {
        written: String,
    },
    NoAnchor {
        file: String,
        fragment: String,
    },
    DuplicateGoalId {
        id: String,
    },
    DuplicateVocabularyId {
        kind: Thing,
        id: String,
    },
    DuplicateSlug {
        slug: String,
        first: String,
    },
    TargetOutsidePeriod {
        when: When,
        period: Period,
    },
    BaselineNotBefore {
        baseline: When,
        target: When,
    },
    ActualAfterAsOf {
        when: When,
        as_of: Date,
    },
    OutOfRange {
        value: f64,
        unit: Unit,
    },
    /// `field` is one an indicator of `unit` cannot have.
    FieldNotForUnit {
        field: String,
        unit: Unit,
    },
    /// `assessment:` not one of the three.
    UnknownAssessment {
        written: String,
    },
    DuplicateIndicatorId {
        id: String,
    },
    /// A quote starting with `[!…]` that is not a callout, as written.
    UnknownCallout {
        written: String,
    },
    RawHtml,
    DuplicateOrder {
        order: i64,
        first: String,
    },
    /// A folder's page shares its `order` with a section beside the folder.
    FolderOrder {
        order: i64,
        folder: String,
        other: String,
    },
    MisnamedIndex {
        name: String,
    },
    MalformedMarker {
        written: String,
    },
    AgainstDirection {
        when: When,
        value: f64,
        direction: Direction,
        from: f64,
        from_when: When,
    },
    MaintainDiffers {
        baseline: f64,
        value: f64,
    },
    UncoveredTargetGroup {
        id: String,
    },
    /// `status` is the plan's stage: consultation or adopted.
    NoAccessibilityStatement {
        status: DocumentStatus,
    },
    UnansweredNationalGoal {
        id: String,
    },
    TopLevelHeading,
    HeadingSkip {
        level: u8,
        previous: u8,
    },
    NoAltText {
        written: String,
    },
    TemplateError {
        detail: String,
    },
    NoTemplate {
        name: String,
    },
    LabelsForm,
    ThemeUnreadable {
        problem: IoProblem,
    },
    PdfStyle(PdfStyleProblem),
    MissingGlyph {
        ch: char,
    },
    TableTooWide {
        min_size: f32,
    },
    /// The decoder's own words in `reason`.
    ImageNotDrawable {
        reason: String,
    },
    FigureWithoutAlt,
    LinkWithoutText,
    HeadingWithoutText,
    UnmappableText {
        text: String,
    },
    /// The PDF library's own words in `what`.
    NotConformant {
        what: String,
    },
    PdfNotWritten {
        what: String,
    },
    /// YAML past one of [`crate::limits`]' bounds.
    YamlTooLarge {
        limit: YamlLimit,
    },
    FileTooLarge,
    /// A link (symlink) found in `area` that leads out of it.
    LinkedOutside {
        path: String,
        area: Area,
    },
    /// A path an author wrote that planpress will not read.
    PathRefused {
        what: Pointer,
        written: String,
        refusal: Refusal,
    },
    ThemeRefused {
        name: String,
        refusal: Refusal,
    },
    Hidden {
        what: Pointer,
        written: String,
    },
    /// A link (symlink) in content/ to nothing.
    DanglingLink {
        path: String,
    },
    UnsafeLink {
        written: String,
        problem: LinkProblem,
    },
    BrokenImage {
        what: Pointer,
        written: String,
        problem: ImageProblem,
    },
    NumberTooLarge {
        written: String,
    },
    TooManyDecimals {
        written: String,
    },
    /// `2027:` and `"2027":` (or `2027-Q3:` and `2027-q3:`) in one mapping.
    DuplicatePeriod {
        when: When,
        field: String,
    },
    /// A period key that is not `2026`, `2026-Q3` or `2026-09`.
    BadPeriod {
        written: String,
        problem: PeriodProblem,
    },
    /// A target by month: targets go by year or quarter.
    MonthlyTarget {
        written: String,
    },
    /// A series whose periods are not all of one grain.
    MixedPeriods {
        field: String,
        first: Grain,
        here: Grain,
    },
    /// A figures file that cannot be opened or read.
    FiguresUnreadable {
        problem: String,
    },
    /// A figures file without the column `column`.
    FiguresColumnMissing {
        column: String,
    },
    /// A figure planpress found no place for in the front matter.
    FiguresNotWritable {
        id: String,
    },
    /// A figures row names an indicator no indicator has.
    UnknownIndicator {
        id: String,
    },
    /// A figures row's value that does not read as a number.
    FigureNotANumber {
        written: String,
    },
    /// A figure for an indicator measured in words.
    FigureForText {
        written: String,
    },
    /// A figures file gives a period of an indicator twice.
    FigureTwice {
        id: String,
        when: When,
    },
    /// `adopted.ref` names a version that cannot be read.
    AdoptedRef {
        git_ref: String,
        problem: HistoryProblem,
    },
    TooDeep {
        nesting: Nesting,
    },
    GoalPlacedTwice {
        ids: Vec<String>,
    },
    TemplateIncludesItself {
        name: String,
        chain: Vec<String>,
    },
    /// A committee case's kind, header, recommendation or decision.
    Case(CaseProblem),
}

impl Message {
    pub fn code(&self) -> Code {
        use Message::*;
        match self {
            Yaml(_) => Code::YamlSyntax,
            NoFrontMatter => Code::MissingFrontMatter,
            FrontMatterNeverEnds => Code::UnterminatedFrontMatter,
            NotUtf8 { .. } => Code::InvalidUtf8,
            NoContentFolder | NoSectionFiles => Code::NoSections,
            UnknownField { .. } => Code::UnknownField,
            WrongType { .. }
            | NotAMapping { .. }
            | FieldNameNotWord { .. }
            | NotAYear { .. }
            | TextNotNumber { .. }
            | NotAValue { .. } => Code::WrongType,
            MissingField { .. } | EmptyFrontMatter | NoDirection => Code::MissingField,
            UnknownUnit { .. }
            | UnknownDirection { .. }
            | UnknownComparison { .. }
            | UnknownLanguage { .. }
            | NotAWebAddress { .. }
            | UnknownStatus { .. }
            | NotAnEmail { .. }
            | NotAColour { .. }
            | PeriodBackwards { .. }
            | NotAPeriod
            | MonthlyTarget { .. }
            | UnknownAssessment { .. } => Code::InvalidValue,
            DecimalComma { .. } => Code::DecimalComma,
            CommaInName { .. } => Code::CommaInName,
            ThousandsSeparator { .. } => Code::ThousandsSeparator,
            BadDeadline { .. } | BadDate { .. } | BadPeriod { .. } => Code::InvalidDate,
            ImplausibleYear { .. } | DeadlineYear { .. } | PeriodOutOfRange { .. } => {
                Code::YearOutOfRange
            }
            NoSuchTheme { .. } | UnknownVocabulary { .. } | UnknownGoalMarker { .. } => {
                Code::UnknownReference
            }
            NoLogo { .. } | NoImage { .. } => Code::MissingFile,
            LinkWithoutTarget | BrokenLink { .. } | NoAnchor { .. } => Code::BrokenLink,
            DuplicateGoalId { .. } | DuplicateVocabularyId { .. } | DuplicateIndicatorId { .. } => {
                Code::DuplicateId
            }
            DuplicateSlug { .. } => Code::DuplicateSlug,
            TargetOutsidePeriod { .. } => Code::TargetOutsidePeriod,
            BaselineNotBefore { .. } => Code::BaselineAfterTarget,
            ActualAfterAsOf { .. } => Code::ActualAfterAsOf,
            OutOfRange { .. } => Code::ValueOutOfRange,
            FieldNotForUnit { .. } => Code::FieldNotForUnit,
            UnknownCallout { .. } => Code::UnknownCallout,
            RawHtml => Code::RawHtml,
            DuplicateOrder { .. } | FolderOrder { .. } => Code::DuplicateOrder,
            MisnamedIndex { .. } => Code::MisnamedIndex,
            MalformedMarker { .. } => Code::MalformedMarker,
            AgainstDirection { .. } => Code::TargetAgainstDirection,
            MaintainDiffers { .. } => Code::MaintainTargetDiffers,
            UncoveredTargetGroup { .. } => Code::UncoveredTargetGroup,
            NoAccessibilityStatement { .. } => Code::MissingAccessibilityStatement,
            UnansweredNationalGoal { .. } => Code::UnansweredNationalGoal,
            TopLevelHeading => Code::HeadingLevel,
            HeadingSkip { .. } => Code::HeadingSkip,
            NoAltText { .. } => Code::MissingAlt,
            TemplateError { .. } => Code::TemplateError,
            NoTemplate { .. } => Code::TemplateMissing,
            LabelsForm => Code::ThemeLabels,
            ThemeUnreadable { .. } => Code::ThemeUnreadable,
            PdfStyle(_) => Code::PdfStyle,
            MissingGlyph { .. } => Code::PdfMissingGlyph,
            TableTooWide { .. } => Code::PdfTableTooWide,
            ImageNotDrawable { .. } => Code::PdfImage,
            FigureWithoutAlt => Code::PdfFigureWithoutAlt,
            LinkWithoutText => Code::PdfLinkWithoutDescription,
            HeadingWithoutText => Code::PdfHeadingWithoutText,
            UnmappableText { .. } => Code::PdfUnmappableText,
            NotConformant { .. } => Code::PdfNotConformant,
            PdfNotWritten { .. } => Code::PdfWrite,
            YamlTooLarge { .. } => Code::YamlTooLarge,
            FileTooLarge => Code::FileTooLarge,
            LinkedOutside { .. } | PathRefused { .. } | ThemeRefused { .. } => Code::OutsidePlan,
            Hidden { .. } | DanglingLink { .. } => Code::MissingFile,
            UnsafeLink { .. } => Code::UnsafeLink,
            BrokenImage { .. } => Code::BrokenImage,
            NumberTooLarge { .. } => Code::NumberTooLarge,
            TooManyDecimals { .. } => Code::TooManyDecimals,
            DuplicatePeriod { .. } => Code::DuplicateKey,
            MixedPeriods { .. } => Code::MixedPeriods,
            AdoptedRef { .. } => Code::AdoptedRef,
            FiguresUnreadable { .. } | FiguresColumnMissing { .. } | FiguresNotWritable { .. } => {
                Code::FiguresFile
            }
            UnknownIndicator { .. } => Code::UnknownIndicator,
            FigureNotANumber { .. } | FigureForText { .. } => Code::BadFigure,
            FigureTwice { .. } => Code::FigureTwice,
            TooDeep { .. } => Code::TooDeep,
            GoalPlacedTwice { .. } => Code::GoalPlacedTwice,
            TemplateIncludesItself { .. } => Code::TemplateError,
            Case(p) => p.code(),
        }
    }
}

/// What is wrong with a piece of YAML, in the author's terms.
#[derive(Debug, Clone, PartialEq)]
pub enum YamlProblem {
    /// `title:Tekst`.
    NoSpaceAfterColon {
        written: String,
    },
    /// `order 3`.
    MissingColon {
        written: String,
    },
    /// `summary: Mål: flere i job`.
    ColonInText,
    UnclosedQuote {
        quote: char,
    },
    UnclosedBracket {
        bracket: char,
    },
    /// A tab in the indentation.
    Tab,
    /// `primary: #00558c`: `#` after a space starts a comment.
    CommentInValue {
        written: String,
    },
    /// `targets: 2027: 2500`: years and values outside `{ }`.
    NoBraces,
    /// `unit: %`: a character YAML keeps for itself starts the value.
    ReservedStart {
        ch: char,
    },
    /// A field that does not line up with the one above it.
    Misaligned {
        field: String,
        above: String,
    },
    DuplicateKey {
        key: Option<String>,
    },
    NotFinite,
    TooDeep,
    /// Anything else, in the parser's own (English) words.
    Parser {
        detail: String,
    },
}

/// The kind of value a field needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    Text,
    WholeNumber,
    TrueFalse,
    List,
    YearMap,
}

/// The kind of value found instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    Nothing,
    TrueFalse,
    WholeNumber,
    Number,
    Text,
    List,
    Mapping,
}

/// What is wrong with a theme's `pdf.yaml`.
#[derive(Debug, Clone, PartialEq)]
pub enum PdfStyleProblem {
    /// The parser's own words.
    Yaml {
        detail: String,
    },
    Colour {
        key: String,
        value: String,
    },
    Align {
        value: String,
    },
    TableMinSize {
        size: f32,
        min_size: f32,
    },
}

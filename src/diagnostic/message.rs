//! What planpress says, as typed values with their arguments. Nothing here
//! is text yet: `da.rs` and `en.rs` turn each value into words with an
//! exhaustive `match`, so the compiler proves that every message, hint and
//! status line exists in both languages.

pub use super::case::{CaseHint, CaseProblem};
use super::code::Code;
pub use super::problems::*;
use crate::load::confine::Refusal;
use crate::markdown::Nesting;
use crate::model::{Date, Direction, DocumentStatus, Grain, Period, Unit, When};
use crate::when::PeriodProblem;
use std::path::PathBuf;

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

/// The things a plan is made of, for messages that name one. Each language
/// gives them the article and form its grammar needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Thing {
    Plan,
    Section,
    Goal,
    Indicator,
    Link,
    Baseline,
    Brand,
    /// `adopted:` in plan.yaml.
    Adoption,
    /// `contact:` in plan.yaml.
    Contact,
    /// `signature:` in a section.
    Signature,
    TargetGroup,
    Track,
    NationalGoal,
    /// A case's header: `case:` in plan.yaml.
    Case,
    Decision,
}

impl Thing {
    /// The plan.yaml list a vocabulary entry lives in.
    pub fn list_field(self) -> &'static str {
        match self {
            Thing::TargetGroup => "target_groups",
            Thing::Track => "tracks",
            _ => "national_goals",
        }
    }
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

/// Why a file could not be read or written.
#[derive(Debug, Clone, PartialEq)]
pub enum IoProblem {
    NotFound,
    PermissionDenied,
    /// The system's own words.
    Other(String),
}

impl From<&std::io::Error> for IoProblem {
    fn from(e: &std::io::Error) -> IoProblem {
        match e.kind() {
            std::io::ErrorKind::NotFound => IoProblem::NotFound,
            std::io::ErrorKind::PermissionDenied => IoProblem::PermissionDenied,
            _ => IoProblem::Other(e.to_string()),
        }
    }
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

/// What to do about a problem.
#[derive(Debug, Clone, PartialEq)]
pub enum Hint {
    /// Where an accessibility statement is made and how to link it.
    AddAccessibilityStatement,
    /// The closest allowed name or path.
    DidYouMean {
        name: String,
    },
    /// The line as it should be written.
    Write {
        text: String,
    },
    QuoteText {
        fix: String,
    },
    CloseQuote {
        quote: char,
    },
    CloseBracket {
        bracket: char,
    },
    IndentWithSpaces,
    CheckYaml,
    SaveAsUtf8,
    CreateContentFolder,
    AddSectionFile,
    StartWithFrontMatter,
    CloseFrontMatter,
    /// `written` is what the author wrote, put in brackets.
    ListInBrackets {
        field: String,
        written: String,
    },
    /// Each item of a list on its own line, starting with `- `.
    DashItems {
        field: String,
        example: String,
    },
    WholeNumber {
        field: String,
    },
    BaselineForm {
        value: String,
    },
    NotMeasured,
    /// A line of dashes meant as `---`.
    DashLine {
        line: u32,
        written: String,
    },
    LineUp {
        field: String,
        with: String,
    },
    MarkerForm,
    /// Empty lines before the opening `---`.
    FirstLine,
    AllowedFields {
        thing: Thing,
        fields: Vec<&'static str>,
    },
    AddLine {
        field: String,
        example: String,
    },
    FrontMatterNeedsTitle,
    DeadlineForm,
    Units,
    Directions,
    SayDirection,
    OnlyNational,
    YearRange {
        from: i32,
        to: i32,
    },
    WriteYear,
    /// A number written the Danish way, as YAML wants it.
    WriteNumber {
        fix: String,
    },
    UseUnitText,
    Languages,
    ThemeFolder {
        name: String,
    },
    AsOfForm,
    BaseUrlForm,
    Statuses,
    EmailForm,
    WebPageForm,
    PeriodForm,
    ColourForm,
    LogoPath,
    DecimalPoint {
        fix: String,
    },
    QuoteName {
        fix: String,
    },
    NoThousandsSeparator {
        fix: String,
    },
    TargetsInPeriod,
    BaselineFirst,
    MoveToTargets,
    CheckFigure,
    UseIncreaseOrDecrease,
    RenameFile,
    OwnOrder,
    FolderTakesPlace {
        folder: String,
        page: String,
    },
    NameItIndex {
        folder: String,
    },
    StartAtH2,
    UseHeading {
        hashes: String,
    },
    DescribeImage,
    /// `example` is `assets/kort.png` as seen from the linking file.
    ImagesInAssets {
        example: String,
    },
    LinkForm,
    SectionHasNoGoals,
    SectionGoals {
        ids: Vec<String>,
    },
    UniqueGoalIds,
    UniqueIndicatorIds,
    /// `signature: Navn` as the mapping it must be.
    SignatureForm {
        name: String,
    },
    UnitLabelForCounts,
    /// `unit: timer`: `unit: count` with `unit_label: timer`.
    CountWithLabel {
        label: String,
    },
    AssessmentForText,
    Assessments,
    CalloutKinds,
    /// A callout's `[!NOTE]` must stand alone on its line.
    CalloutAlone {
        marker: String,
    },
    UseCallout,
    NoVocabulary {
        kind: Thing,
    },
    VocabularyIs {
        kind: Thing,
        ids: Vec<String>,
    },
    AddGoalForGroup,
    ListNationalGoal,
    AnchorForm,
    FixTemplate,
    ThemeOverrides,
    SeePdfYaml,
    SplitWideTable,
    WriteLinkText,
    GiveHeadingWords,
    ReplaceCharacter,
    ReportBug,
    /// Past [`crate::limits::MAX_NUMBER`].
    LargerUnit,
    RoundDecimals,
    OneFigurePerYear,
    /// `2026`, `2026-Q3` or `2026-09`.
    FigurePeriodForm,
    TargetsByYearOrQuarter,
    /// Every key of `field` by `grain`.
    OneGrain {
        field: String,
        grain: Grain,
    },
    /// A figures file's columns and the forms of its values.
    FiguresColumns,
    /// How a figure is written in a figures file.
    FigureForm,
    /// Import with `--as-of`, or move `as_of` first.
    MoveAsOf,
    /// What to do about an `adopted.ref` that cannot be read.
    GitHistory {
        git_ref: String,
        problem: HistoryProblem,
    },
    Simplify {
        nesting: Nesting,
    },
    SimplerYaml,
    SplitFile,
    PlaceOnce,
    AllowedLinks,
    /// A link (symlink) that leads out of where it lies.
    CopyInstead {
        area: Area,
    },
    FilesInContent,
    ThemeName,
    Unhide,
    RemoveDanglingLink,
    SaveImageAgain,
    RemoveInclude,
    /// What to do about a committee case's problem.
    Case(CaseHint),
}

/// The words beside a second place a diagnostic points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteText {
    FirstUsedHere,
    SameOrderHere,
    FirstGivenHere,
    /// The first figure of a series, whose grain the rest must share.
    GrainSetHere,
}

/// The words the human report puts before a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Error,
    Warning,
    Help,
    Note,
}

/// The command line's own lines around the diagnostics.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    /// After a report with problems.
    Found { errors: usize, warnings: usize },
    /// After a clean check.
    Checked {
        sections: usize,
        goals: usize,
        indicators: usize,
    },
    Built {
        sections: usize,
        goals: usize,
        out: PathBuf,
        files: Vec<String>,
    },
    /// A build that problems stopped.
    Stopped,
    /// After `figures import`: the figures that changed, in how many files,
    /// the rows whose figure was already there; `dry`: nothing written.
    Imported {
        figures: usize,
        files: usize,
        unchanged: usize,
        dry: bool,
    },
    /// An import that problems stopped: no file is touched.
    ImportRefused,
}

/// Why planpress could not run at all (exit code 2).
#[derive(Debug, Clone, PartialEq)]
pub enum Fatal {
    NoPlan {
        dir: PathBuf,
    },
    Unreadable {
        path: PathBuf,
        problem: IoProblem,
    },
    Unwritable {
        path: PathBuf,
        problem: IoProblem,
    },
    OutputRefused {
        path: PathBuf,
        reason: OutputRefusal,
    },
    /// A folder link (symlink) that leads back to a folder above it.
    LinkLoop {
        path: PathBuf,
    },
    /// A non-empty output folder without planpress's marker.
    OutputNotOurs {
        path: PathBuf,
    },
    /// A build that problems stopped, for library callers (the command
    /// line prints the problems and [`Status::Stopped`] instead).
    Invalid,
    /// The theme or a renderer found problems (also printed as diagnostics).
    Unrenderable,
    /// `planpress new` into a folder that is not empty, without `--force`.
    NotEmpty {
        dir: PathBuf,
    },
    /// `planpress serve --port N` with N taken.
    PortBusy {
        port: u16,
    },
    /// Every port `serve` tries by itself is taken.
    NoFreePort {
        first: u16,
        last: u16,
    },
    /// `serve` cannot listen, or make its folder, or watch the plan.
    CannotServe {
        detail: String,
    },
}

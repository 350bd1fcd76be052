//! What is said around a message: the hint (what to do), notes, labels,
//! the status lines of a run and the fatal errors that stop it. Typed
//! values like [`super::Message`]; `da.rs` and `en.rs` give their words.

use super::case::CaseHint;
use super::problems::*;
use crate::markdown::Nesting;
use crate::model::Grain;
use std::path::PathBuf;

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

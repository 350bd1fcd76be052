//! One example diagnostic for every code, so the tests can prove that each
//! code speaks both languages. The `match` is exhaustive: a new code does not
//! compile until it has an example here.

use super::*;
use crate::load::confine::Refusal;
use crate::markdown::Nesting;
use crate::model::{Date, Direction, DocumentStatus, Grain, Period, Unit, When};

pub(super) fn example(code: Code) -> Diagnostic {
    use Message as M;
    let (message, hint) = match code {
        Code::YamlSyntax => (
            M::Yaml(YamlProblem::NoSpaceAfterColon {
                written: "title:Tekst".into(),
            }),
            Some(Hint::Write {
                text: "title: Tekst".into(),
            }),
        ),
        Code::MissingFrontMatter => (M::NoFrontMatter, Some(Hint::StartWithFrontMatter)),
        Code::UnterminatedFrontMatter => (M::FrontMatterNeverEnds, Some(Hint::CloseFrontMatter)),
        Code::InvalidUtf8 => (
            M::NotUtf8 {
                byte: 0xE6,
                line: 3,
                column: 7,
            },
            Some(Hint::SaveAsUtf8),
        ),
        Code::NoSections => (M::NoSectionFiles, Some(Hint::AddSectionFile)),
        Code::UnknownField => (
            M::UnknownField {
                name: "targetgroup".into(),
                thing: Thing::Section,
            },
            Some(Hint::DidYouMean {
                name: "target_group".into(),
            }),
        ),
        Code::WrongType => (
            M::WrongType {
                field: "tracks".into(),
                expected: Expected::List,
                found: Found::Text,
            },
            Some(Hint::ListInBrackets {
                field: "tracks".into(),
                written: "skabe-job".into(),
            }),
        ),
        Code::MissingField => (
            M::MissingField {
                thing: Thing::Goal,
                field: "title".into(),
            },
            Some(Hint::AddLine {
                field: "title".into(),
                example: "Flere i job".into(),
            }),
        ),
        Code::InvalidValue => (
            M::UnknownUnit {
                written: "procent".into(),
            },
            Some(Hint::DidYouMean {
                name: "percent".into(),
            }),
        ),
        Code::DecimalComma => (
            M::DecimalComma {
                written: "31,5".into(),
            },
            Some(Hint::DecimalPoint { fix: "31.5".into() }),
        ),
        Code::CommaInName => (
            M::CommaInName {
                written: "Unge, ledige og andre".into(),
            },
            Some(Hint::QuoteName {
                fix: "name: \"Unge, ledige og andre\"".into(),
            }),
        ),
        Code::ThousandsSeparator => (
            M::ThousandsSeparator {
                written: "2.500".into(),
                read: 2.5,
            },
            Some(Hint::NoThousandsSeparator { fix: "2500".into() }),
        ),
        Code::InvalidDate => (
            M::BadDeadline {
                written: "2027-02-30".into(),
            },
            Some(Hint::DeadlineForm),
        ),
        Code::YearOutOfRange => (
            M::ImplausibleYear { year: 27 },
            Some(Hint::YearRange {
                from: 1990,
                to: 2100,
            }),
        ),
        Code::UnknownReference => (
            M::UnknownVocabulary {
                kind: Thing::Track,
                id: "skabe-jobs".into(),
            },
            Some(Hint::DidYouMean {
                name: "skabe-job".into(),
            }),
        ),
        Code::MissingFile => (
            M::NoImage {
                written: "assets/kort.png".into(),
            },
            Some(Hint::DidYouMean {
                name: "../assets/kort.png".into(),
            }),
        ),
        Code::BrokenLink => (
            M::BrokenLink {
                written: "05-unge.md".into(),
            },
            Some(Hint::DidYouMean {
                name: "04-unge.md".into(),
            }),
        ),
        Code::DuplicateId => (
            M::DuplicateGoalId { id: "V1".into() },
            Some(Hint::UniqueGoalIds),
        ),
        Code::DuplicateSlug => (
            M::DuplicateSlug {
                slug: "unge".into(),
                first: "content/01-unge.md".into(),
            },
            Some(Hint::RenameFile),
        ),
        Code::TargetOutsidePeriod => (
            M::TargetOutsidePeriod {
                when: When::Year(2028),
                period: Period {
                    start: 2027,
                    end: 2027,
                },
            },
            Some(Hint::TargetsInPeriod),
        ),
        Code::BaselineAfterTarget => (
            M::BaselineNotBefore {
                baseline: When::Year(2027),
                target: When::Year(2027),
            },
            Some(Hint::BaselineFirst),
        ),
        Code::ActualAfterAsOf => (
            M::ActualAfterAsOf {
                when: When::Year(2027),
                as_of: Date {
                    year: 2026,
                    month: 10,
                    day: 1,
                },
            },
            Some(Hint::MoveToTargets),
        ),
        Code::ValueOutOfRange => (
            M::OutOfRange {
                value: 140.0,
                unit: Unit::Percent,
            },
            None,
        ),
        Code::FieldNotForUnit => (
            M::FieldNotForUnit {
                field: "assessment".into(),
                unit: Unit::Percent,
            },
            Some(Hint::AssessmentForText),
        ),
        Code::DuplicateOrder => (
            M::FolderOrder {
                order: 1,
                folder: "content/07-opfoelgning".into(),
                other: "content/01-forord.md".into(),
            },
            Some(Hint::FolderTakesPlace {
                folder: "content/07-opfoelgning".into(),
                page: "content/07-opfoelgning/01-opfoelgning.md".into(),
            }),
        ),
        Code::MisnamedIndex => (
            M::MisnamedIndex {
                name: "01-index.md".into(),
            },
            Some(Hint::NameItIndex {
                folder: "content/07-opfoelgning".into(),
            }),
        ),
        Code::MalformedMarker => (
            M::MalformedMarker {
                written: "{{ goals }}".into(),
            },
            Some(Hint::MarkerForm),
        ),
        Code::UnknownCallout => (
            M::UnknownCallout {
                written: "[!FAKTA]".into(),
            },
            Some(Hint::CalloutKinds),
        ),
        Code::RawHtml => (M::RawHtml, Some(Hint::UseCallout)),
        Code::TargetAgainstDirection => (
            M::AgainstDirection {
                when: When::Year(2027),
                value: 1800.0,
                direction: Direction::Increase,
                from: 2000.0,
                from_when: When::Year(2024),
            },
            Some(Hint::CheckFigure),
        ),
        Code::MaintainTargetDiffers => (
            M::MaintainDiffers {
                baseline: 96.0,
                value: 98.0,
            },
            Some(Hint::UseIncreaseOrDecrease),
        ),
        Code::UncoveredTargetGroup => (
            M::UncoveredTargetGroup {
                id: "udkanten".into(),
            },
            Some(Hint::AddGoalForGroup),
        ),
        Code::MissingAccessibilityStatement => (
            M::NoAccessibilityStatement {
                status: DocumentStatus::Adopted,
            },
            Some(Hint::AddAccessibilityStatement),
        ),
        Code::UnansweredNationalGoal => (
            M::UnansweredNationalGoal { id: "M4".into() },
            Some(Hint::ListNationalGoal),
        ),
        Code::HeadingLevel => (M::TopLevelHeading, Some(Hint::StartAtH2)),
        Code::HeadingSkip => (
            M::HeadingSkip {
                level: 4,
                previous: 2,
            },
            Some(Hint::UseHeading {
                hashes: "###".into(),
            }),
        ),
        Code::MissingAlt => (
            M::NoAltText {
                written: "assets/kort.png".into(),
            },
            Some(Hint::DescribeImage),
        ),
        Code::TemplateError => (
            M::TemplateError {
                detail: "unexpected `}`".into(),
            },
            Some(Hint::FixTemplate),
        ),
        Code::TemplateMissing => (
            M::NoTemplate {
                name: "goal.html".into(),
            },
            Some(Hint::ThemeOverrides),
        ),
        Code::ThemeLabels => (M::LabelsForm, None),
        Code::ThemeUnreadable => (
            M::ThemeUnreadable {
                problem: IoProblem::PermissionDenied,
            },
            None,
        ),
        Code::PdfStyle => (
            M::PdfStyle(PdfStyleProblem::Align {
                value: "centre".into(),
            }),
            Some(Hint::SeePdfYaml),
        ),
        Code::PdfMissingGlyph => (M::MissingGlyph { ch: '☃' }, None),
        Code::PdfTableTooWide => (
            M::TableTooWide { min_size: 6.5 },
            Some(Hint::SplitWideTable),
        ),
        Code::PdfImage => (
            M::ImageNotDrawable {
                reason: "unexpected end of file".into(),
            },
            Some(Hint::SaveImageAgain),
        ),
        Code::PdfFigureWithoutAlt => (M::FigureWithoutAlt, Some(Hint::DescribeImage)),
        Code::PdfLinkWithoutDescription => (M::LinkWithoutText, Some(Hint::WriteLinkText)),
        Code::PdfHeadingWithoutText => (M::HeadingWithoutText, Some(Hint::GiveHeadingWords)),
        Code::PdfUnmappableText => (
            M::UnmappableText {
                text: "\u{f8ff}".into(),
            },
            Some(Hint::ReplaceCharacter),
        ),
        Code::PdfNotConformant => (
            M::NotConformant {
                what: "a font is not embedded".into(),
            },
            Some(Hint::ReportBug),
        ),
        Code::PdfWrite => (
            M::PdfNotWritten {
                what: "font".into(),
            },
            Some(Hint::ReportBug),
        ),
        Code::YamlTooLarge => (
            M::YamlTooLarge {
                limit: YamlLimit::Depth,
            },
            Some(Hint::SimplerYaml),
        ),
        Code::FileTooLarge => (M::FileTooLarge, Some(Hint::SplitFile)),
        Code::OutsidePlan => (
            M::PathRefused {
                what: Pointer::Image,
                written: "../../x.png".into(),
                refusal: Refusal::Climbs,
            },
            Some(Hint::FilesInContent),
        ),
        Code::UnsafeLink => (
            M::UnsafeLink {
                written: "javascript:alert(1)".into(),
                problem: LinkProblem::Scheme("javascript".into()),
            },
            Some(Hint::AllowedLinks),
        ),
        Code::BrokenImage => (
            M::BrokenImage {
                what: Pointer::Image,
                written: "assets/kort.png".into(),
                problem: ImageProblem::Damaged {
                    format: ImageFormat::Png,
                },
            },
            Some(Hint::SaveImageAgain),
        ),
        Code::NumberTooLarge => (
            M::NumberTooLarge {
                written: "1.7e308".into(),
            },
            Some(Hint::LargerUnit),
        ),
        Code::TooManyDecimals => (
            M::TooManyDecimals {
                written: "12.3456789".into(),
            },
            Some(Hint::RoundDecimals),
        ),
        Code::DuplicateKey => (
            M::DuplicatePeriod {
                when: When::Year(2027),
                field: "targets".into(),
            },
            Some(Hint::OneFigurePerYear),
        ),
        Code::FiguresFile => (
            M::FiguresColumnMissing {
                column: "period".into(),
            },
            Some(Hint::FiguresColumns),
        ),
        Code::UnknownIndicator => (
            M::UnknownIndicator { id: "V1.9".into() },
            Some(Hint::DidYouMean {
                name: "V1.1".into(),
            }),
        ),
        Code::BadFigure => (
            M::FigureNotANumber {
                written: "ca. 650".into(),
            },
            Some(Hint::FigureForm),
        ),
        Code::FigureTwice => (
            M::FigureTwice {
                id: "V1.1".into(),
                when: When::Quarter(2026, 3),
            },
            None,
        ),
        Code::AdoptedRef => (
            M::AdoptedRef {
                git_ref: "vedtaget-2026".into(),
                problem: HistoryProblem::UnknownRef,
            },
            Some(Hint::GitHistory {
                git_ref: "vedtaget-2026".into(),
                problem: HistoryProblem::UnknownRef,
            }),
        ),
        Code::MixedPeriods => (
            M::MixedPeriods {
                field: "actuals".into(),
                first: Grain::Year,
                here: Grain::Quarter,
            },
            Some(Hint::OneGrain {
                field: "actuals".into(),
                grain: Grain::Year,
            }),
        ),
        Code::TooDeep => (
            M::TooDeep {
                nesting: Nesting::Blocks,
            },
            Some(Hint::Simplify {
                nesting: Nesting::Blocks,
            }),
        ),
        Code::GoalPlacedTwice => (
            M::GoalPlacedTwice {
                ids: vec!["U1".into()],
            },
            Some(Hint::PlaceOnce),
        ),
        Code::NotACase => (
            M::Case(CaseProblem::HeaderInPlan),
            Some(Hint::Case(CaseHint::SayCase { field: "case" })),
        ),
        Code::CaseTwice => (
            M::Case(CaseProblem::Twice {
                field: "recommendation",
                first: "content/05-indstilling.md".into(),
            }),
            Some(Hint::Case(CaseHint::OnePlace {
                field: "recommendation",
            })),
        ),
        Code::DecisionBeforeMeeting => {
            let day = |d| Date {
                year: 2027,
                month: 3,
                day: d,
            };
            (
                M::Case(CaseProblem::DecisionBeforeMeeting {
                    decided: day(2),
                    meeting: day(9),
                }),
                Some(Hint::Case(CaseHint::DecisionAtMeeting { meeting: day(9) })),
            )
        }
        Code::CaseRecommendation => (
            M::Case(CaseProblem::PointWithoutAt {
                written: "Udvalget godkender planen".into(),
                word: "at",
            }),
            Some(Hint::Write {
                text: "- at udvalget godkender planen".into(),
            }),
        ),
    };
    Diagnostic::at("content/a.md", Pos { line: 1, column: 1 }, message).maybe_hint(hint)
}

//! Every message in English.

use super::message::*;
use crate::load::confine::Refusal;
use crate::locale::{period, plain_number as num};
use crate::markdown::Nesting;
use crate::model::{Direction, DocumentStatus, Grain, Language, Unit, When};
use crate::when::PeriodProblem;

mod around;
pub(super) use around::{fatal, hint, label, note, status};

fn a(thing: Thing) -> &'static str {
    match thing {
        Thing::Plan => "plan.yaml",
        Thing::Section => "a section",
        Thing::Goal => "a goal",
        Thing::Indicator => "an indicator",
        Thing::Link => "a link",
        Thing::Baseline => "a baseline",
        Thing::Brand => "`brand`",
        Thing::Adoption => "`adopted`",
        Thing::Contact => "`contact`",
        Thing::Signature => "a signature",
        Thing::TargetGroup => "a target group",
        Thing::Track => "a track",
        Thing::NationalGoal => "a national goal",
        Thing::Case => "the case header (`case`)",
        Thing::Decision => "a decision (`decision`)",
    }
}

fn the(thing: Thing) -> &'static str {
    match thing {
        Thing::Plan => "the plan",
        Thing::Section => "the section",
        Thing::Goal => "the goal",
        Thing::Indicator => "the indicator",
        Thing::Link => "the link",
        Thing::Baseline => "the baseline",
        Thing::Brand => "`brand`",
        Thing::Adoption => "`adopted`",
        Thing::Contact => "`contact`",
        Thing::Signature => "the signature",
        Thing::TargetGroup => "the target group",
        Thing::Track => "the track",
        Thing::NationalGoal => "the national goal",
        Thing::Case => "the case header (`case`)",
        Thing::Decision => "the decision (`decision`)",
    }
}

/// A vocabulary entry's kind without an article: "target group".
fn kind(thing: Thing) -> &'static str {
    the(thing).trim_start_matches("the ")
}

fn expected(e: Expected) -> &'static str {
    match e {
        Expected::Text => "text",
        Expected::WholeNumber => "a whole number",
        Expected::TrueFalse => "`true` or `false`",
        Expected::List => "a list",
        Expected::YearMap => "a mapping of `year: value` pairs, like `{ 2026: 120 }`",
    }
}

fn found(f: Found) -> &'static str {
    match f {
        Found::Nothing => "nothing (null)",
        Found::TrueFalse => "true/false",
        Found::WholeNumber => "a whole number",
        Found::Number => "a number",
        Found::Text => "text",
        Found::List => "a list",
        Found::Mapping => "a mapping (key: value pairs)",
    }
}

fn unit(u: Unit) -> &'static str {
    Unit::NAMES[u as usize]
}

fn io(p: &IoProblem) -> String {
    match p {
        IoProblem::NotFound => "it does not exist".into(),
        IoProblem::PermissionDenied => "permission denied".into(),
        IoProblem::Other(e) => e.clone(),
    }
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// "the image", "the link", "the logo".
fn pointer(p: Pointer) -> &'static str {
    match p {
        Pointer::Image => "the image",
        Pointer::Link => "the link",
        Pointer::Logo => "the logo",
    }
}

fn area(a: Area) -> &'static str {
    match a {
        Area::Plan => "the plan folder",
        Area::Content => "content/",
        Area::Themes => "themes/",
    }
}

fn refusal(r: Refusal) -> &'static str {
    match r {
        Refusal::Absolute => "is an absolute path",
        Refusal::Climbs => "climbs out of the plan folder",
        Refusal::Outside => "is a link (symlink) to a file outside content/",
        Refusal::Elsewhere => "lies outside content/",
        Refusal::Hidden => "is hidden (its name starts with a dot), so it is not published",
        Refusal::NotPlain => "is not a plain folder name",
    }
}

fn image_problem(p: &ImageProblem) -> String {
    match p {
        ImageProblem::UnknownFormat => "planpress shows PNG, JPEG, GIF, WebP and SVG images, and the file's name says it is none of them".into(),
        ImageProblem::Unreadable(e) => format!("planpress cannot read the file ({})", io(e)),
        ImageProblem::Empty => "the file is empty".into(),
        ImageProblem::FileTooLarge => format!(
            "the file is larger than {} MB, the most planpress reads for an image",
            crate::limits::MAX_IMAGE_FILE / (1024 * 1024)
        ),
        ImageProblem::TooManyPixels => format!(
            "it has more than {} million pixels, the most planpress shows",
            crate::limits::MAX_IMAGE_PIXELS / 1_000_000
        ),
        ImageProblem::Mislabelled { actual, named } => format!(
            "the file is a {} image, but its name says {}; rename it to end in .{}",
            actual.name(),
            named.name(),
            actual.extension()
        ),
        ImageProblem::Text { named } => format!("the file holds text, not a {} image", named.name()),
        ImageProblem::Damaged { format } => format!("the {} data is damaged or cut short", format.name()),
        ImageProblem::NoPicture => "the GIF holds no picture".into(),
        ImageProblem::SvgTooDeep => format!(
            "its elements nest more than {} levels deep",
            crate::limits::MAX_SVG_DEPTH
        ),
        ImageProblem::SvgTooManyElements => "it draws more than a million elements, the most an SVG may".into(),
        ImageProblem::SvgNoSize => "it has no size: give the <svg> a width and height, or a viewBox".into(),
        ImageProblem::SvgDrawsFile { href } => format!(
            "it draws another file (`{href}`), which planpress does not read; embed the picture in the SVG instead"
        ),
    }
}

fn yaml_limit(l: YamlLimit) -> String {
    use crate::limits::{MAX_YAML_DEPTH, MAX_YAML_NODES, MAX_YAML_TEXT};
    match l {
        YamlLimit::Depth => format!(
            "lists and mappings nest more than {MAX_YAML_DEPTH} levels deep, which is the limit"
        ),
        YamlLimit::Values => format!(
            "the YAML holds more than {} values, which is the limit",
            crate::locale::number(MAX_YAML_NODES as f64, crate::model::Language::En)
        ),
        YamlLimit::Text => format!(
            "the YAML holds more than {} MB of text, which is the limit",
            MAX_YAML_TEXT / (1024 * 1024)
        ),
        YamlLimit::Anchors => {
            "the YAML repeats anchors (`&name` and `*name`) more than planpress allows".into()
        }
    }
}

/// "the goal `U1`", "the goals `U1`, `U2`".
fn list_ids(ids: &[String]) -> String {
    let quoted: Vec<String> = ids.iter().map(|id| format!("`{id}`")).collect();
    let noun = if ids.len() == 1 {
        "the goal"
    } else {
        "the goals"
    };
    format!("{noun} {}", quoted.join(", "))
}

pub(super) fn message(m: &Message) -> String {
    use Message::*;
    match m {
        Yaml(p) => yaml(p),
        NoFrontMatter => "the section has no front matter".into(),
        FrontMatterNeverEnds => "the front matter starts with `---` here but never ends".into(),
        NotUtf8 { byte, line, column } => format!(
            "the file is not UTF-8 text (byte 0x{byte:02X} at line {line}, column {column})"
        ),
        NoContentFolder => "there is no content/ folder, so the plan has no sections".into(),
        NoSectionFiles => "content/ holds no Markdown files, so the plan has no sections".into(),
        UnknownField { name, thing } => format!("unknown field `{name}` in {}", a(*thing)),
        WrongType {
            field,
            expected: e,
            found: f,
        } => format!("`{field}` must be {}, found {}", expected(*e), found(*f)),
        NotAMapping { thing, found: f } => format!(
            "{} must be a mapping of `field: value` lines, found {}",
            a(*thing),
            found(*f)
        ),
        FieldNameNotWord { thing } => format!("{}'s field names must be words", a(*thing)),
        NotAYear { found: f } => format!("expected a year, found {}", found(*f)),
        TextNotNumber { written, unit: u } => format!(
            "`{written}` is text, but a `{}` indicator needs a number",
            unit(*u)
        ),
        NotAValue { found: f } => format!("expected a value, found {}", found(*f)),
        MissingField { thing, field } => format!("{} has no `{field}`", the(*thing)),
        EmptyFrontMatter => "the front matter is empty".into(),
        NoDirection => "a numeric indicator has no `direction`".into(),
        UnknownUnit { written } => format!("unknown unit `{written}`"),
        UnknownDirection { written } => format!("unknown direction `{written}`"),
        UnknownComparison { written } => format!("unknown comparison `{written}`"),
        UnknownLanguage { written } => format!("unknown language `{written}`"),
        NotAWebAddress { written } => format!("`{written}` is not a web address"),
        UnknownStatus { written } => format!("unknown status `{written}`"),
        NotAnEmail { written } => format!("`{written}` is not an e-mail address"),
        NotAColour { written } => format!("`{written}` is not a colour"),
        PeriodBackwards { start, end } => {
            format!("the period ends ({end}) before it starts ({start})")
        }
        NotAPeriod => "the period is not a year or a range of years".into(),
        DecimalComma { written } => format!(
            "`{written}` has a decimal comma, which YAML reads as two values inside `{{ }}`"
        ),
        CommaInName { written } => format!(
            "the comma in `{written}` splits the value in two: inside `{{ }}` a comma ends a value"
        ),
        ThousandsSeparator { written, read } => format!(
            "`{written}` reads as {}: YAML takes the dot for a decimal point",
            num(*read)
        ),
        BadDeadline { written } => {
            format!("the deadline `{written}` is not a real date or quarter")
        }
        BadDate { written } => format!("`{written}` is not a date"),
        ImplausibleYear { year } => format!("{year} is not a plausible year"),
        DeadlineYear { year } => format!("the deadline's year {year} is not a plausible year"),
        PeriodOutOfRange { start, end } => {
            let (from, to) = (crate::model::YEARS.start(), crate::model::YEARS.end());
            format!("the period {start}–{end} lies outside {from}–{to}")
        }
        NoSuchTheme { name } => format!("there is no theme `{name}`"),
        UnknownVocabulary { kind: k, id } => {
            format!("there is no {} `{id}` in plan.yaml", kind(*k))
        }
        UnknownGoalMarker { id } => {
            format!("`{{{{ goal(\"{id}\") }}}}` names a goal this section does not have")
        }
        NoLogo { path } => format!("the logo `{path}` does not exist"),
        NoImage { written } => format!("the image `{written}` does not exist"),
        LinkWithoutTarget => "the link has no target".into(),
        BrokenLink { written } => format!("the link `{written}` leads nowhere"),
        NoAnchor { file, fragment } => {
            format!("`{file}` has no heading or goal with the anchor `#{fragment}`")
        }
        DuplicateGoalId { id } => format!("the goal id `{id}` is already used"),
        DuplicateIndicatorId { id } => format!("the indicator id `{id}` is already used"),
        DuplicateVocabularyId { kind: k, id } => {
            format!("the {} id `{id}` is used twice", kind(*k))
        }
        DuplicateSlug { slug, first } => {
            format!("this section's page would be `{slug}.html`, like the page of {first}")
        }
        TargetOutsidePeriod { when: w, period: p } => format!(
            "a target for {} lies outside the plan period {}",
            when(*w),
            period(*p)
        ),
        BaselineNotBefore { baseline, target } => match (baseline, target) {
            (When::Year(b), When::Year(t)) => {
                format!("the baseline year {b} is not before the target year {t}")
            }
            _ => format!(
                "the baseline, {}, is not before the target for {}",
                when(*baseline),
                when(*target)
            ),
        },
        ActualAfterAsOf { when: w, as_of } => format!(
            "an actual figure for {} is later than the figures' date ({})",
            when(*w),
            as_of.iso()
        ),
        OutOfRange { value, unit: u } => {
            let why = match u {
                Unit::Percent => "a percentage lies between 0 and 100",
                Unit::Count | Unit::Amount => "a count or an amount cannot be negative",
                Unit::Rank => "a rank is a whole number from 1 up",
                Unit::Text => "it is not text",
            };
            format!("{} does not fit unit `{}`: {why}", num(*value), unit(*u))
        }
        FieldNotForUnit { field, unit: u } => {
            format!(
                "an indicator with `unit: {}` cannot have `{field}`",
                unit(*u)
            )
        }
        UnknownAssessment { written } => format!("unknown assessment `{written}`"),
        UnknownCallout { written } => {
            format!("`{written}` does not make the quote a callout, so it is shown as text")
        }
        RawHtml => "raw HTML is shown as text, because `allow_html` is off".into(),
        DuplicateOrder { order, first } => format!(
            "`order: {order}` is also used by {first}; the file names decide which comes first"
        ),
        FolderOrder {
            order,
            folder,
            other,
        } => format!(
            "`order: {order}` also places the folder `{folder}/` among the sections beside it, where {other} has `order: {order}` too"
        ),
        MalformedMarker { written } => format!(
            "`{written}` looks like a goal marker, but is not one, so it would be shown as text"
        ),
        MisnamedIndex { name } => {
            format!("a file called `{name}` is not the folder's index: only `index.md` is")
        }
        AgainstDirection {
            when: w,
            value,
            direction,
            from,
            from_when,
        } => {
            let (year, from_year) = (when(*w), when(*from_when));
            let verb = match direction {
                Direction::Increase => "increase",
                Direction::Decrease | Direction::Maintain => "decrease",
            };
            format!(
                "the {year} target {} goes against `direction: {verb}` (from {} in {from_year})",
                num(*value),
                num(*from)
            )
        }
        MaintainDiffers { baseline, value } => format!(
            "a `maintain` target should equal the baseline ({}), not {}",
            num(*baseline),
            num(*value)
        ),
        UncoveredTargetGroup { id } => format!("no goal serves the target group `{id}`"),
        NoAccessibilityStatement { status } => format!(
            "the plan is {}, but its site has no link to an accessibility statement",
            match status {
                DocumentStatus::Consultation => "out for consultation",
                _ => "adopted",
            }
        ),
        UnansweredNationalGoal { id } => format!("no goal answers the national goal `{id}`"),
        TopLevelHeading => "a `#` heading in the text competes with the section title".into(),
        HeadingSkip { level, previous } => {
            format!("this level-{level} heading skips a level (the one before is level {previous})")
        }
        NoAltText { written } => format!("the image `{written}` has no alt text"),
        TemplateError { detail } => format!("template error: {detail}"),
        NoTemplate { name } => format!("the theme has no template `{name}`"),
        LabelsForm => "the labels file must be `key: text` lines".into(),
        ThemeUnreadable { problem } => format!("cannot read the theme file: {}", io(problem)),
        PdfStyle(p) => pdf_style(p),
        MissingGlyph { ch } => format!(
            "the PDF font has no glyph for {ch:?} (U+{:04X}); it is shown as `?` in the PDF",
            *ch as u32
        ),
        TableTooWide { min_size } => format!(
            "this table is too wide for the PDF's page even in {min_size} pt type and in bands of columns, so some of its words are cut between letters"
        ),
        ImageNotDrawable { reason } => format!("this image cannot be drawn in the PDF: {reason}"),
        FigureWithoutAlt => "this image has no text alternative, which PDF/UA requires".into(),
        LinkWithoutText => "this link has no text, which PDF/UA requires".into(),
        HeadingWithoutText => "a heading in the PDF has no text, which PDF/UA requires".into(),
        UnmappableText { text } => {
            format!("the PDF cannot store {text:?} as text a reader can extract")
        }
        NotConformant { what } => format!("the PDF would not conform to PDF/UA-1: {what}"),
        PdfNotWritten { what } => format!("the PDF could not be written: {what}"),
        YamlTooLarge { limit } => yaml_limit(*limit),
        FileTooLarge => format!(
            "the file is larger than {} MB, the most planpress reads",
            crate::limits::MAX_TEXT_FILE / (1024 * 1024)
        ),
        LinkedOutside { path, area: a } => match a {
            Area::Plan => {
                format!("`{path}` is a link (symlink) to something outside the plan folder")
            }
            other => format!(
                "`{path}` is a link (symlink) to a file or folder outside {}",
                area(*other)
            ),
        },
        PathRefused {
            what,
            written,
            refusal: r,
        } => format!("{} `{written}` {}", pointer(*what), refusal(*r)),
        ThemeRefused { name, refusal: r } => match r {
            Refusal::Outside => {
                format!("`themes/{name}` is a link (symlink) to a folder outside themes/")
            }
            other => format!("the theme `{name}` {}", refusal(*other)),
        },
        Hidden { what, written } => format!(
            "{} `{written}` {}",
            pointer(*what),
            refusal(Refusal::Hidden)
        ),
        DanglingLink { path } => {
            format!("`{path}` is a link (symlink) to a file that does not exist")
        }
        UnsafeLink { written, problem } => match problem {
            LinkProblem::Scheme(scheme) => {
                format!("links starting with `{scheme}:` are not published: `{written}`")
            }
            LinkProblem::Control(c) => format!(
                "the address holds a control character (U+{:04X}): `{written}`",
                u32::from(*c)
            ),
        },
        BrokenImage {
            what,
            written,
            problem,
        } => format!(
            "{} `{written}` cannot be shown: {}",
            pointer(*what),
            image_problem(problem)
        ),
        NumberTooLarge { written } => {
            format!("{written} is too large for planpress to print exactly")
        }
        TooManyDecimals { written } => format!(
            "{written} has more decimals than planpress prints ({})",
            crate::limits::MAX_DECIMALS
        ),
        DuplicatePeriod { when: w, field } => match w {
            When::Year(y) => format!("the year {y} appears twice in `{field}`"),
            _ => format!("{} appears twice in `{field}`", when(*w)),
        },
        BadPeriod { written, problem } => match problem {
            PeriodProblem::Quarter(_) => {
                format!("`{written}` is not a quarter: a year has quarters 1 to 4")
            }
            PeriodProblem::Month(_) => {
                format!("`{written}` is not a month: months run from 01 to 12")
            }
            PeriodProblem::Year(_) | PeriodProblem::Form => {
                format!("`{written}` is not a year, a quarter or a month")
            }
        },
        MonthlyTarget { written } => format!(
            "the target for `{written}` is set by month, but targets are set for a year or a quarter"
        ),
        FiguresUnreadable { problem } => format!("the figures file cannot be read: {problem}"),
        FiguresColumnMissing { column } => {
            format!("the figures file has no column `{column}`")
        }
        FiguresNotWritable { id } => format!(
            "planpress found no place in the section's front matter to write the figure for `{id}`"
        ),
        UnknownIndicator { id } => format!("no indicator of the plan has the id `{id}`"),
        FigureNotANumber { written } => format!("`{written}` is not a number"),
        FigureForText { written } => format!(
            "the indicator is measured in words, so `{written}` cannot be imported as a figure: write it in the section"
        ),
        FigureTwice { id, when: w } => {
            format!("the file gives `{id}` a figure for {} twice", when(*w))
        }
        AdoptedRef { git_ref, problem } => match problem {
            HistoryProblem::NoGit => {
                "the changes since adoption cannot be shown: the `git` command is not installed".into()
            }
            HistoryProblem::NotInGit => {
                "the changes since adoption cannot be shown: the plan folder is not in a git repository".into()
            }
            HistoryProblem::UnknownRef => format!(
                "git knows no tag or commit `{git_ref}`, so the changes since adoption cannot be shown"
            ),
            HistoryProblem::Git(detail) => format!(
                "the adopted version `{git_ref}` cannot be read from git: {detail}"
            ),
            HistoryProblem::AdoptedInvalid { errors } => format!(
                "the adopted version `{git_ref}` has {errors} {}, so the changes since adoption cannot be shown",
                if *errors == 1 { "error" } else { "errors" }
            ),
        },
        MixedPeriods { field, first, here } => format!(
            "`{field}` mixes {} and {}: the first figure is for {}, this one for {}",
            grains(*first),
            grains(*here),
            a_grain(*first),
            a_grain(*here)
        ),
        TooDeep { nesting } => format!(
            "{} nest more than {} levels deep here",
            match nesting {
                Nesting::Blocks => "quotes and lists",
                Nesting::Inlines => "emphasis, links and images",
            },
            crate::limits::MAX_MARKDOWN_DEPTH
        ),
        GoalPlacedTwice { ids } => format!(
            "this marker would show {} a second time; {} shown once, above",
            list_ids(ids),
            if ids.len() == 1 { "it is" } else { "they are" }
        ),
        TemplateIncludesItself { name, chain } => format!(
            "template error: `{name}` includes itself ({} → {name}), so it would never finish",
            chain.join(" → ")
        ),
        Case(p) => case(p),
    }
}

fn case(p: &CaseProblem) -> String {
    use crate::locale::date;
    use crate::model::Language;
    use CaseProblem::*;
    match p {
        UnknownKind { written } => format!("unknown kind of document `{written}`"),
        UnknownAccess { written } => {
            format!("`{written}` does not say whether the item is open or closed")
        }
        BadItem { item } => {
            format!("the item's number on the agenda must be 1 or more, not {item}")
        }
        BadMeeting { written } => format!("`{written}` is not a date, or a date and a time"),
        NoHeader => {
            "the document is a case (`kind: case`), but plan.yaml has no `case:` with its facts"
                .into()
        }
        EmptyRecommendation => "the recommendation has no points".into(),
        HeaderInPlan => "`case:` belongs to a case, but the document is a plan".into(),
        FieldInPlan { field } => format!("`{field}` belongs to a case, but the document is a plan"),
        Twice { field, first } => format!("the case already has its `{field}` in {first}"),
        NoRecommendation => "the case has no recommendation (`recommendation`)".into(),
        PointWithoutAt { written, word } => {
            format!("the recommendation's point `{written}` does not begin with `{word}`")
        }
        DecisionBeforeMeeting { decided, meeting } => format!(
            "the decision is dated {}, before the meeting on {}",
            date(*decided, Language::En),
            date(*meeting, Language::En)
        ),
    }
}

fn case_hint(h: &CaseHint) -> String {
    use CaseHint::*;
    match h {
        Kinds => "`kind` is `plan` (a plan with goals, the default) or `case` (a case for a committee meeting)".into(),
        AccessValues => "write `access: open` for an open item or `access: closed` for a closed one".into(),
        MeetingForm => "write year-month-day and, best, the time: `meeting: 2027-03-09 15:00`".into(),
        SayCase { field } => format!("if the document is a case for a committee meeting, write `kind: case` in plan.yaml; otherwise remove `{field}`"),
        OnePlace { field } => format!("a case has one `{field}`: keep it in one section"),
        AddRecommendation => "write the points in the front matter of the section that holds the recommendation: `recommendation:` and one line `- that …` per point".into(),
        DateOf { field } => format!("write the date as year-month-day, e.g. `{field}: 2027-03-09`"),
        DecisionAtMeeting { meeting } => format!(
            "the meeting is on {} (`meeting` in plan.yaml); correct the decision's date or the meeting's",
            crate::locale::date(*meeting, crate::model::Language::En)
        ),
    }
}

fn yaml(p: &YamlProblem) -> String {
    match p {
        YamlProblem::NoSpaceAfterColon { written } => {
            format!("`{written}` needs a space after the colon")
        }
        YamlProblem::MissingColon { written } => {
            format!("`{written}` has no `:` after the field name")
        }
        YamlProblem::ColonInText => {
            "a colon and a space inside a value: YAML reads them as the start of another field"
                .into()
        }
        YamlProblem::UnclosedQuote { quote } => {
            format!("the quote `{quote}` that opens here is never closed")
        }
        YamlProblem::UnclosedBracket { bracket } => {
            format!("the `{bracket}` that opens here is never closed")
        }
        YamlProblem::Tab => "this line is indented with a tab".into(),
        YamlProblem::NoBraces => "years and values must stand inside `{ }`".into(),
        YamlProblem::ReservedStart { ch } => {
            format!("a value cannot start with `{ch}` unless it is in quotes")
        }
        YamlProblem::Misaligned { field, above } => {
            format!("`{field}` does not line up with `{above}` on the line above")
        }
        YamlProblem::CommentInValue { written } => {
            format!("`{written}` is read as a comment: in YAML a `#` after a space starts one")
        }
        YamlProblem::DuplicateKey { key: Some(key) } => {
            format!("the field `{key}` appears twice; keep one")
        }
        YamlProblem::DuplicateKey { key: None } => "the same field appears twice".into(),
        YamlProblem::NotFinite => "`.nan` and `.inf` are not numbers a plan can use".into(),
        YamlProblem::TooDeep => "the YAML is nested too deeply or is too large".into(),
        YamlProblem::Parser { detail } => format!("YAML syntax error: {detail}"),
    }
}

pub(super) fn pdf_style(p: &PdfStyleProblem) -> String {
    match p {
        PdfStyleProblem::Yaml { detail } => format!("pdf.yaml is not valid YAML: {detail}"),
        PdfStyleProblem::Colour { key, value } => {
            format!("`{key}` must be a colour like \"#00558c\", not {value:?}")
        }
        PdfStyleProblem::Align { value } => {
            format!("`text.align` must be `left` or `justify`, not {value:?}")
        }
        PdfStyleProblem::TableMinSize { size, min_size } => format!(
            "`tables.min_size_pt` must lie between 0 and `tables.size_pt` ({size}), not {min_size}"
        ),
    }
}

/// A period as English writes it.
fn when(w: When) -> String {
    crate::locale::when(w, Language::En)
}

fn grain_word(g: Grain) -> &'static str {
    match g {
        Grain::Year => "year",
        Grain::Quarter => "quarter",
        Grain::Month => "month",
    }
}

fn grains(g: Grain) -> &'static str {
    match g {
        Grain::Year => "years",
        Grain::Quarter => "quarters",
        Grain::Month => "months",
    }
}

fn a_grain(g: Grain) -> &'static str {
    match g {
        Grain::Year => "a year",
        Grain::Quarter => "a quarter",
        Grain::Month => "a month",
    }
}

fn grain_example(g: Grain) -> &'static str {
    match g {
        Grain::Year => "2026",
        Grain::Quarter => "2026-Q3",
        Grain::Month => "2026-09",
    }
}

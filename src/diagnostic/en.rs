//! Every message in English.

use super::message::*;
use crate::load::confine::Refusal;
use crate::locale::{period, plain_number as num};
use crate::markdown::Nesting;
use crate::model::{Direction, DocumentStatus, Grain, Language, Unit, When};
use crate::when::PeriodProblem;

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

pub(super) fn hint(h: &Hint) -> String {
    use Hint::*;
    match h {
        DidYouMean { name } => format!("did you mean `{name}`?"),
        Write { text } => format!("write `{text}`"),
        QuoteText { fix } => format!("put the text in quotes: `{fix}`"),
        CloseQuote { quote } => format!("end the text with `{quote}` on the same line"),
        CloseBracket { bracket } => format!("close it with `{bracket}` on the same line"),
        IndentWithSpaces => "indent with spaces: YAML does not allow tabs for indentation".into(),
        CheckYaml => {
            "check indentation, a missing `:` after a field name, and closing brackets or quotes"
                .into()
        }
        SaveAsUtf8 => "save the file with the encoding UTF-8 (in most editors: Save as… › Encoding › UTF-8)".into(),
        CreateContentFolder => "create content/ beside plan.yaml with one Markdown file per section, e.g. content/01-forord.md".into(),
        AddSectionFile => "add one `.md` file per section, e.g. content/01-forord.md".into(),
        StartWithFrontMatter => "start the file with a line `---`, then `title: …` and `order: …`, then a line `---`".into(),
        CloseFrontMatter => "add a line with only `---` after the last front matter field".into(),
        ListInBrackets { field, written } => {
            format!("write a list in brackets: `{field}: [{written}]`")
        }
        DashItems { field, example } => format!(
            "start each item of `{field}` on its own line with a dash and a space: `{example}`"
        ),
        WholeNumber { field } => format!("write a whole number, e.g. `{field}: 3`"),
        BaselineForm { value } => {
            format!("give the year too: `baseline: {{ year: 2024, value: {value} }}`")
        }
        NotMeasured => "for a year without a figure, write `null`, e.g. `2025: null`".into(),
        DashLine { line, written } => {
            format!("line {line} says `{written}`: the lines around the front matter must be exactly `---`")
        }
        LineUp { field, with } => format!("move `{field}` so that it lines up with `{with}`"),
        FirstLine => "delete the empty lines before `---`: it must be the file's first line".into(),
        MarkerForm => "write `{{ goals() }}` for all the section's goals, or `{{ goal(\"V1\") }}` for one".into(),
        AllowedFields { thing, fields } => format!("{} may have: {}", a(*thing), fields.join(", ")),
        AddLine { field, example } => format!("add a line like `{field}: {example}`"),
        FrontMatterNeedsTitle => "a section needs at least `title: …` between the `---` lines".into(),
        DeadlineForm => "write a date as `2027-12-31` or a quarter as `2027-Q4`".into(),
        Units => format!("a unit is one of: {}", Unit::NAMES.join(", ")),
        Directions => format!("a direction is one of: {}", Direction::NAMES.join(", ")),
        SayDirection => "say which way the figure should go: `direction: increase`, `decrease` or `maintain`".into(),
        OnlyNational => "the only comparison planpress knows is `relative_to: national`".into(),
        YearRange { from, to } => format!("years must lie between {from} and {to}"),
        WriteYear => "write a four-digit year, e.g. `2027: 2500`".into(),
        WriteNumber { fix } => format!("write numbers the YAML way, with a decimal point and no thousands separator or % sign: `{fix}`"),
        UseUnitText => "use `unit: text` for an indicator measured in words".into(),
        Languages => "planpress speaks `da` (Danish) and `en` (English)".into(),
        ThemeFolder { name } => format!("use `theme: default`, or add a folder themes/{name}/ beside plan.yaml"),
        AsOfForm => "write the date as year-month-day, e.g. `as_of: 2026-11-01`".into(),
        Statuses => "`status` is `draft`, `consultation` or `adopted`".into(),
        EmailForm => "write the address like this: `email: jobcenter@eksempelby.dk`".into(),
        WebPageForm => "write the page's full address, e.g. `https://www.eksempelby.dk/accessibility`".into(),
        BaseUrlForm => "write the full address the site is published at, e.g. `https://plan.eksempelby.dk/`".into(),
        PeriodForm => "write one year (`period: 2027`) or two joined by a dash (`period: 2024-2027`)".into(),
        ColourForm => "write the colour as # and six hex digits, in quotes: `primary: \"#00558c\"`".into(),
        LogoPath => "give the path from the plan folder, e.g. `logo: content/assets/logo.svg`".into(),
        DecimalPoint { fix } => format!("write `{fix}`, with a decimal point"),
        QuoteName { fix } => format!("put the name in quotes: `{fix}`"),
        NoThousandsSeparator { fix } => format!("write `{fix}`, without a thousands separator"),
        TargetsInPeriod => "set targets only for years the plan covers, or widen `period` in plan.yaml".into(),
        BaselineFirst => "the baseline is the starting point: use a year before the first target".into(),
        MoveToTargets => "move the figure to `targets`, or update `as_of` in plan.yaml when newer figures are in".into(),
        CheckFigure => "check the figure, or the indicator's `direction`".into(),
        UseIncreaseOrDecrease => "use `direction: increase` or `decrease` if the figure is meant to move".into(),
        RenameFile => "rename one of the files: the page name is the file name without its number prefix".into(),
        OwnOrder => "give each section in a folder its own `order` number".into(),
        FolderTakesPlace { folder, page } => format!(
            "a folder takes its place from the `order` of its page, which is its index.md or else its first file (here {page}; inside the folder it comes first anyway): give that page a number that fits among the sections around `{folder}/`"
        ),
        NameItIndex { folder } => format!(
            "name it `index.md`: then it stands for the folder `{folder}/` and its page is named after the folder"
        ),
        StartAtH2 => "the section's `title` is its level-1 heading: start headings in the text at `##`".into(),
        UseHeading { hashes } => format!("use `{hashes}` here: screen readers navigate by heading levels"),
        DescribeImage => "describe the image between the brackets: `![Søjlediagram over ledigheden 2020–2026](…)`".into(),
        ImagesInAssets { example } => format!("put images in content/assets/ and link them relative to this file, e.g. `{example}`"),
        LinkForm => "link to another section by its file name, e.g. `[unge](04-unge.md)`, or give a full address starting with https://".into(),
        SectionHasNoGoals => "this section has no goals in its front matter".into(),
        SectionGoals { ids } => format!("this section's goals are: {}", ids.join(", ")),
        UniqueGoalIds => "goal ids must be unique across the whole plan".into(),
        UniqueIndicatorIds => "indicator ids must be unique across the whole plan; without `id`, an indicator is called by its goal's id and its number, e.g. `V1.2`".into(),
        SignatureForm { name } => format!("give the name and the role like this: `signature: {{ name: {name}, role: Chair of the committee }}`"),
        CountWithLabel { label } => format!("a number of hours, persons and the like is `unit: count` with the word in `unit_label`: write `unit: count` and on the line below `unit_label: {label}`"),
        UnitLabelForCounts => "`unit_label` says what a count or an amount counts (`hours`, `persons`, `DKK m`); percentages and ranks are written their own way".into(),
        AssessmentForText => "planpress works out the status of figures itself; `assessment` is for indicators measured in words (`unit: text`)".into(),
        Assessments => "the assessment is one of: achieved, on_track and off_track".into(),
        CalloutKinds => format!("a callout starts with one of {}; a fact box is a `[!NOTE]` with a bold first line", super::callout_markers("or")),
        CalloutAlone { marker } => format!("write `> {marker}` alone on its line and the text on the lines below it"),
        UseCallout => "use a callout for a fact box: `> [!NOTE]` and a bold first line, e.g. `> **Facts: unemployment in figures**`".into(),
        NoVocabulary { kind } => format!("plan.yaml lists no {}: add them there first", kind.list_field()),
        VocabularyIs { kind, ids } => format!("plan.yaml's {} are: {}", kind.list_field(), ids.join(", ")),
        AddAccessibilityStatement => "Danish public sites must link an accessibility statement: make it at was.digst.dk and put its address in plan.yaml as `accessibility_statement: https://www.was.digst.dk/…`".into(),
        AddGoalForGroup => "add a goal to a section with this `target_group`, or remove the group".into(),
        ListNationalGoal => "list it in some goal's `national_goals`".into(),
        AnchorForm => "an anchor is the heading's text in lower case with dashes, e.g. `#maal-og-midler`; a goal's is `#goal-` and its id".into(),
        FixTemplate => "fix the template in the theme folder, or delete it to use the built-in one".into(),
        ThemeOverrides => "a theme folder may override single templates; the rest come from the built-in theme".into(),
        SeePdfYaml => "see the comments in the default theme's pdf.yaml for every key and its form".into(),
        SplitWideTable => "shorten its longest words or figures, or split it into two tables".into(),
        WriteLinkText => "write the link's text between the brackets: [text](address)".into(),
        GiveHeadingWords => "give every heading some words".into(),
        ReplaceCharacter => "replace the character with a common one".into(),
        ReportBug => "this is a bug in planpress; please report it with the plan".into(),
        LargerUnit => "planpress prints figures up to 999999999999999; give a large amount in a larger unit, such as millions".into(),
        RoundDecimals => format!("round the figure to at most {} decimals, as it should be shown", crate::limits::MAX_DECIMALS),
        OneFigurePerYear => "keep one figure for each year".into(),
        FigurePeriodForm => {
            "write a year as `2026`, a quarter as `2026-Q3` or a month as `2026-09`".into()
        }
        TargetsByYearOrQuarter => {
            "set the target for the year (`2027`) or a quarter (`2027-Q1`); monthly figures belong in `actuals`".into()
        }
        FiguresColumns => "the first row must name the columns `indicator`, `period` and `value` (or `indikator`, `periode`, `værdi`)".into(),
        FigureForm => "write a number such as `16,8`, `1.250` or `16.8`; leave out a figure that was not measured".into(),
        MoveAsOf => "import with `--as-of` and planpress moves `as_of` on, or change `as_of` in plan.yaml".into(),
        GitHistory { git_ref, problem } => match problem {
            HistoryProblem::NoGit => "install git, or remove `ref` from `adopted`".into(),
            HistoryProblem::NotInGit => {
                "keep the plan in git (`git init`, `git add .`, `git commit`), or remove `ref` from `adopted`".into()
            }
            HistoryProblem::UnknownRef => format!(
                "name a tag or commit that `git tag` or `git log` lists; in CI, fetch the whole history (`fetch-depth: 0`) so `{git_ref}` is there"
            ),
            HistoryProblem::Git(_) => "run `git fsck` in the plan folder".into(),
            HistoryProblem::AdoptedInvalid { .. } => format!(
                "see what is wrong with `git worktree add ../vedtaget {git_ref}` and `planpress check ../vedtaget`"
            ),
        },
        OneGrain { field, grain } => format!(
            "give every figure in `{field}` by {}, like the first (`{}`), or move them all to one other grain",
            grain_word(*grain),
            grain_example(*grain)
        ),
        Simplify { nesting: Nesting::Blocks } => "flatten the text: a quote or list inside another rarely needs more than a few levels".into(),
        Simplify { nesting: Nesting::Inlines } => "remove the extra `*`, `_`, `[` or `![`: markup inside markup rarely needs more than a few levels".into(),
        SimplerYaml => "split the content over more sections, or write it more simply; planpress reads no more than this".into(),
        SplitFile => "split it into several sections".into(),
        PlaceOnce => "place each goal once: `{{ goal(\"ID\") }}` for one, `{{ goals() }}` for all of them".into(),
        AllowedLinks => "a link is another section (`04-unge.md`), a file in content/, an anchor (`#maal`), or an address starting with https://, http://, mailto: or tel:".into(),
        CopyInstead { area: Area::Themes } => "copy the file into the theme folder instead of linking to it".into(),
        CopyInstead { .. } => "planpress reads only files inside the plan folder: copy the file into content/ (or themes/ for a theme) instead of linking to it".into(),
        FilesInContent => "files the site carries lie in content/ (images in content/assets/) and are given relative to the file that names them".into(),
        ThemeName => "a theme is a folder in themes/ beside plan.yaml, named by its folder name alone: `theme: kommune` for themes/kommune/".into(),
        Unhide => "rename the file or folder so its name does not start with a dot".into(),
        RemoveDanglingLink => "remove the link, or put the file it should lead to in its place".into(),
        SaveImageAgain => "open the image in an image program and save it again as PNG, JPEG or SVG".into(),
        Case(h) => case_hint(h),
        RemoveInclude => "remove the `{% include %}` that leads back to this template".into(),
    }
}

pub(super) fn note(n: &NoteText) -> &'static str {
    match n {
        NoteText::FirstUsedHere => "first used here",
        NoteText::SameOrderHere => "the same order here",
        NoteText::FirstGivenHere => "first given here",
        NoteText::GrainSetHere => "the first figure is here",
    }
}

pub(super) fn label(l: &Label) -> &'static str {
    match l {
        Label::Error => "error",
        Label::Warning => "warning",
        Label::Help => "help",
        Label::Note => "note",
    }
}

pub(super) fn status(s: &Status) -> String {
    match s {
        Status::Found { errors, warnings } => format!(
            "{} and {} found",
            plural(*errors, "error"),
            plural(*warnings, "warning")
        ),
        Status::Checked {
            sections,
            goals,
            indicators,
        } => format!(
            "checked {}, {} and {}",
            plural(*sections, "section"),
            plural(*goals, "goal"),
            plural(*indicators, "indicator")
        ),
        Status::Built {
            sections,
            goals,
            out,
            files,
        } => format!(
            "built {} and {} into {}: {}",
            plural(*sections, "section"),
            plural(*goals, "goal"),
            out.display(),
            files.join(", ")
        ),
        Status::Stopped => "the build stopped; the previous output is untouched".into(),
        Status::Imported {
            figures,
            files,
            unchanged,
            dry,
        } => {
            let same = match unchanged {
                0 => String::new(),
                n => format!(" ({} already there)", plural(*n, "figure")),
            };
            if *dry {
                format!(
                    "dry run: {} would be written in {}{same}; nothing was written",
                    plural(*figures, "figure"),
                    plural(*files, "file")
                )
            } else {
                format!(
                    "wrote {} in {}{same}",
                    plural(*figures, "figure"),
                    plural(*files, "file")
                )
            }
        }
        Status::ImportRefused => "no figures were imported and no file was changed".into(),
    }
}

pub(super) fn fatal(f: &Fatal) -> String {
    match f {
        Fatal::NoPlan { dir } => format!(
            "no plan.yaml in {}: run planpress in a plan folder, or give the folder as an argument (`planpress check path/to/plan`)",
            super::shown_path(dir)
        ),
        Fatal::Unreadable { path, problem } => {
            format!("cannot read {}: {}", super::shown_path(path), io(problem))
        }
        Fatal::Unwritable { path, problem } => {
            format!("cannot write {}: {}", super::shown_path(path), io(problem))
        }
        Fatal::OutputRefused { path, reason } => {
            let why = match reason {
                OutputRefusal::Link => {
                    "it is a symbolic link; give the folder it leads to, or another folder"
                }
                OutputRefusal::File => "it is a file, not a folder",
                OutputRefusal::IsPlan => {
                    "it is the plan folder: a build would replace the plan's own files"
                }
                OutputRefusal::HoldsPlan => {
                    "it holds the plan folder: a build would replace files around the plan"
                }
                OutputRefusal::InContent => "it lies in the plan's content/, which the build reads",
                OutputRefusal::InThemes => "it lies in the plan's themes/, which the build reads",
            };
            format!("will not write to {}: {why}", super::shown_path(path))
        }
        Fatal::LinkLoop { path } => format!(
            "cannot read {}: a folder link (symlink) leads back to a folder above it",
            super::shown_path(path)
        ),
        Fatal::OutputNotOurs { path } => format!(
            "will not write to {}: it holds files planpress did not write; give a new or empty folder with --out, or add --force to write planpress's files beside them",
            super::shown_path(path)
        ),
        Fatal::Invalid => "the plan has problems; nothing was written".into(),
        Fatal::Unrenderable => "the output could not be rendered; nothing was written".into(),
        Fatal::NotEmpty { dir } => format!(
            "{} is not empty: `planpress new` writes a plan into a new or empty folder; name a new folder (`planpress new my-plan`), or add --force to write the starter files into this one (files of the same name are replaced)",
            dir.display()
        ),
        Fatal::PortBusy { port } => format!(
            "port {port} on 127.0.0.1 is in use by another program: choose another with `--port`, or leave `--port` out to take the next free one"
        ),
        Fatal::NoFreePort { first, last } => format!(
            "ports {first} to {last} on 127.0.0.1 are all in use: choose a free one with `--port`"
        ),
        Fatal::CannotServe { detail } => format!("cannot serve the plan: {detail}"),
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

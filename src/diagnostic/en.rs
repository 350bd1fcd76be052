//! Every message in English.

use super::message::*;
use crate::locale::{period, plain_number as num};
use crate::model::{Direction, Unit};

fn a(thing: Thing) -> &'static str {
    match thing {
        Thing::Plan => "plan.yaml",
        Thing::Section => "a section",
        Thing::Goal => "a goal",
        Thing::Indicator => "an indicator",
        Thing::Link => "a link",
        Thing::Baseline => "a baseline",
        Thing::Brand => "`brand`",
        Thing::TargetGroup => "a target group",
        Thing::Track => "a track",
        Thing::NationalGoal => "a national goal",
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
        Thing::TargetGroup => "the target group",
        Thing::Track => "the track",
        Thing::NationalGoal => "the national goal",
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
        DuplicateVocabularyId { kind: k, id } => {
            format!("the {} id `{id}` is used twice", kind(*k))
        }
        DuplicateSlug { slug, first } => {
            format!("this section's page would be `{slug}.html`, like the page of {first}")
        }
        TargetOutsidePeriod { year, period: p } => format!(
            "a target for {year} lies outside the plan period {}",
            period(*p)
        ),
        BaselineNotBefore { baseline, target } => {
            format!("the baseline year {baseline} is not before the target year {target}")
        }
        ActualAfterAsOf { year, as_of } => format!(
            "an actual figure for {year} is later than the figures' date ({})",
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
            year,
            value,
            direction,
            from,
            from_year,
        } => {
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
        NoVocabulary { kind } => format!("plan.yaml lists no {}: add them there first", kind.list_field()),
        VocabularyIs { kind, ids } => format!("plan.yaml's {} are: {}", kind.list_field(), ids.join(", ")),
        AddGoalForGroup => "add a goal to a section with this `target_group`, or remove the group".into(),
        ListNationalGoal => "list it in some goal's `national_goals`".into(),
        AnchorForm => "an anchor is the heading's text in lower case with dashes, e.g. `#maal-og-midler`; a goal's is `#goal-` and its id".into(),
        FixTemplate => "fix the template in the theme folder, or delete it to use the built-in one".into(),
        ThemeOverrides => "a theme folder may override single templates; the rest come from the built-in theme".into(),
        SeePdfYaml => "see the comments in the default theme's pdf.yaml for every key and its form".into(),
        SplitWideTable => "shorten its longest words or figures, or split it into two tables".into(),
        SaveImageAgain => "save it again as PNG, JPEG or SVG".into(),
        WriteLinkText => "write the link's text between the brackets: [text](address)".into(),
        GiveHeadingWords => "give every heading some words".into(),
        ReplaceCharacter => "replace the character with a common one".into(),
        ReportBug => "this is a bug in planpress; please report it with the plan".into(),
    }
}

pub(super) fn note(n: &NoteText) -> &'static str {
    match n {
        NoteText::FirstUsedHere => "first used here",
        NoteText::SameOrderHere => "the same order here",
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
    }
}

pub(super) fn fatal(f: &Fatal) -> String {
    match f {
        Fatal::NoPlan { dir } => format!(
            "no plan.yaml in {}: run planpress in a plan folder, or give the folder as an argument (`planpress check path/to/plan`)",
            dir.display()
        ),
        Fatal::Unreadable { path, problem } => {
            format!("cannot read {}: {}", path.display(), io(problem))
        }
        Fatal::Unwritable { path, problem } => {
            format!("cannot write {}: {}", path.display(), io(problem))
        }
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

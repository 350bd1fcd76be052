//! The English words around a message: hints, notes, labels, the status
//! lines of a run and its fatal errors.

use super::*;

pub(in crate::diagnostic) fn hint(h: &Hint) -> String {
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
        CalloutKinds => format!("a callout starts with one of {}; a fact box is a `[!NOTE]` with a bold first line", crate::diagnostic::callout_markers("or")),
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

pub(in crate::diagnostic) fn note(n: &NoteText) -> &'static str {
    match n {
        NoteText::FirstUsedHere => "first used here",
        NoteText::SameOrderHere => "the same order here",
        NoteText::FirstGivenHere => "first given here",
        NoteText::GrainSetHere => "the first figure is here",
    }
}

pub(in crate::diagnostic) fn label(l: &Label) -> &'static str {
    match l {
        Label::Error => "error",
        Label::Warning => "warning",
        Label::Help => "help",
        Label::Note => "note",
    }
}

pub(in crate::diagnostic) fn status(s: &Status) -> String {
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

pub(in crate::diagnostic) fn fatal(f: &Fatal) -> String {
    match f {
        Fatal::NoPlan { dir } => format!(
            "no plan.yaml in {}: run planpress in a plan folder, or give the folder as an argument (`planpress check path/to/plan`)",
            crate::diagnostic::shown_path(dir)
        ),
        Fatal::Unreadable { path, problem } => {
            format!(
                "cannot read {}: {}",
                crate::diagnostic::shown_path(path),
                io(problem)
            )
        }
        Fatal::Unwritable { path, problem } => {
            format!(
                "cannot write {}: {}",
                crate::diagnostic::shown_path(path),
                io(problem)
            )
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
            format!(
                "will not write to {}: {why}",
                crate::diagnostic::shown_path(path)
            )
        }
        Fatal::LinkLoop { path } => format!(
            "cannot read {}: a folder link (symlink) leads back to a folder above it",
            crate::diagnostic::shown_path(path)
        ),
        Fatal::OutputNotOurs { path } => format!(
            "will not write to {}: it holds files planpress did not write; give a new or empty folder with --out, or add --force to write planpress's files beside them",
            crate::diagnostic::shown_path(path)
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

//! The Danish words around a message: hints, notes, labels, the status
//! lines of a run and its fatal errors.

use super::*;

pub(in crate::diagnostic) fn hint(h: &Hint) -> String {
    use Hint::*;
    match h {
        DidYouMean { name } => format!("mente du `{name}`?"),
        Write { text } => format!("skriv `{text}`"),
        QuoteText { fix } => format!("sæt teksten i anførselstegn: `{fix}`"),
        CloseQuote { quote } => format!("slut teksten med `{quote}` på samme linje"),
        CloseBracket { bracket } => format!("luk den med `{bracket}` på samme linje"),
        IndentWithSpaces => "ryk ind med mellemrum: YAML tillader ikke tabulatorer til indrykning".into(),
        CheckYaml => "tjek indrykningen, om der mangler `:` efter et feltnavn, og om alle parenteser og anførselstegn bliver lukket".into(),
        SaveAsUtf8 => "gem filen med tegnsættet UTF-8 (i de fleste programmer: Gem som … › Kodning › UTF-8)".into(),
        CreateContentFolder => "opret mappen content/ ved siden af plan.yaml med én Markdown-fil for hvert afsnit, fx content/01-forord.md".into(),
        AddSectionFile => "læg én `.md`-fil for hvert afsnit i content/, fx content/01-forord.md".into(),
        StartWithFrontMatter => "begynd filen med en linje med `---`, så `title: …` og `order: …` og så igen en linje med `---`".into(),
        CloseFrontMatter => "tilføj en linje med kun `---` efter det sidste felt".into(),
        ListInBrackets { field, written } => {
            format!("skriv en liste i firkantede parenteser: `{field}: [{written}]`")
        }
        DashItems { field, example } => format!(
            "skriv hvert punkt under `{field}` på sin egen linje med en bindestreg og et mellemrum foran: `{example}`"
        ),
        WholeNumber { field } => format!("skriv et helt tal, fx `{field}: 3`"),
        BaselineForm { value } => {
            format!("skriv året med: `baseline: {{ year: 2024, value: {value} }}`")
        }
        NotMeasured => "skriv `null` for et år uden tal, fx `2025: null`".into(),
        DashLine { line, written } => {
            format!("linje {line} siger `{written}`: linjerne før og efter front matter skal være præcis `---`")
        }
        LineUp { field, with } => format!("flyt `{field}`, så den står lige under `{with}`"),
        FirstLine => "slet de tomme linjer før `---`: den skal være filens første linje".into(),
        MarkerForm => "skriv `{{ goals() }}` for alle afsnittets mål eller `{{ goal(\"V1\") }}` for ét".into(),
        AllowedFields { thing, fields } => format!("{} kan have disse felter: {}", a(*thing), fields.join(", ")),
        AddLine { field, example } => format!("tilføj en linje som `{field}: {example}`"),
        FrontMatterNeedsTitle => "et afsnit skal mindst have `title: …` mellem `---`-linjerne".into(),
        DeadlineForm => "skriv en dato som `2027-12-31` eller et kvartal som `2027-Q4`".into(),
        Units => "enheden er en af: count (antal), percent (procent), rank (placering), amount (beløb) og text (tekst)".into(),
        Directions => "retningen er en af: increase (op), decrease (ned) og maintain (holdes)".into(),
        SayDirection => "skriv, hvilken vej tallet skal gå: `direction: increase` (op), `decrease` (ned) eller `maintain` (holdes)".into(),
        OnlyNational => "planpress kender kun sammenligningen `relative_to: national`".into(),
        YearRange { from, to } => format!("årstal skal ligge mellem {from} og {to}"),
        WriteYear => "skriv et årstal med fire cifre, fx `2027: 2500`".into(),
        WriteNumber { fix } => format!("skriv tallet, som YAML vil have det, med punktum som decimaltegn og uden tusindtalspunktum og %-tegn: `{fix}`"),
        UseUnitText => "brug `unit: text` til en indikator, der måles i ord".into(),
        Languages => "planpress taler `da` (dansk) og `en` (engelsk)".into(),
        ThemeFolder { name } => format!("brug `theme: default`, eller læg en mappe themes/{name}/ ved siden af plan.yaml"),
        AsOfForm => "skriv datoen som år-måned-dag, fx `as_of: 2026-11-01`".into(),
        Statuses => "`status` er `draft` (udkast), `consultation` (i høring) eller `adopted` (vedtaget)".into(),
        EmailForm => "skriv mailadressen sådan: `email: jobcenter@eksempelby.dk`".into(),
        WebPageForm => "skriv hele adressen på siden, fx `https://www.eksempelby.dk/tilgaengelighed`".into(),
        BaseUrlForm => "skriv hele adressen, sitet udgives på, fx `https://plan.eksempelby.dk/`".into(),
        PeriodForm => "skriv ét år (`period: 2027`) eller to år med bindestreg imellem (`period: 2024-2027`)".into(),
        ColourForm => "skriv farven som # og seks hexcifre i anførselstegn: `primary: \"#00558c\"`".into(),
        LogoPath => "skriv stien fra planens mappe, fx `logo: content/assets/logo.svg`".into(),
        DecimalPoint { fix } => format!("skriv `{fix}` med punktum"),
        QuoteName { fix } => format!("sæt navnet i anførselstegn: `{fix}`"),
        NoThousandsSeparator { fix } => format!("skriv `{fix}` uden tusindtalspunktum"),
        TargetsInPeriod => "sæt kun måltal for de år, planen dækker, eller udvid `period` i plan.yaml".into(),
        BaselineFirst => "udgangspunktet er der, hvor I starter: brug et år før det første måltal".into(),
        MoveToTargets => "flyt tallet til `targets`, eller ret `as_of` i plan.yaml, når der er nyere tal".into(),
        CheckFigure => "tjek tallet eller indikatorens `direction`".into(),
        UseIncreaseOrDecrease => "brug `direction: increase` eller `decrease`, hvis tallet skal ændre sig".into(),
        RenameFile => "omdøb en af filerne: sidens navn er filnavnet uden tallet foran".into(),
        OwnOrder => "giv hvert afsnit i en mappe sit eget `order`-tal".into(),
        FolderTakesPlace { folder, page } => format!(
            "en mappe får sin plads fra `order` på mappens forside, som er dens index.md eller ellers dens første fil (her {page}; inde i mappen kommer den alligevel først): giv den side et tal, der passer ind blandt afsnittene omkring `{folder}/`"
        ),
        NameItIndex { folder } => format!(
            "kald den `index.md`: så står den for mappen `{folder}/`, og dens side får mappens navn"
        ),
        StartAtH2 => "afsnittets `title` er dets overskrift på niveau 1, så begynd overskrifterne i teksten med `##`".into(),
        UseHeading { hashes } => format!("brug `{hashes}` her: skærmlæsere navigerer efter overskrifternes niveauer"),
        DescribeImage => "beskriv billedet mellem de firkantede parenteser, fx `![Søjlediagram over ledigheden 2020–2026](…)`: skærmlæsere læser teksten højt".into(),
        ImagesInAssets { example } => format!("læg billeder i content/assets/ og henvis til dem ud fra denne fil, fx `{example}`"),
        LinkForm => "henvis til et andet afsnit med dets filnavn, fx `[unge](04-unge.md)`, eller skriv en hel adresse, der begynder med https://".into(),
        SectionHasNoGoals => "afsnittet har ingen mål i sin front matter".into(),
        SectionGoals { ids } => format!("afsnittets mål er: {}", ids.join(", ")),
        UniqueGoalIds => "hvert mål skal have sit eget id i hele planen".into(),
        UniqueIndicatorIds => "hver indikator skal have sit eget id i hele planen; uden `id` hedder den målets id og sit nummer, fx `V1.2`".into(),
        SignatureForm { name } => format!("skriv navn og rolle sådan: `signature: {{ name: {name}, role: Formand for udvalget }}`"),
        CountWithLabel { label } => format!("et antal timer, personer eller lignende er `unit: count` med ordet i `unit_label`: skriv `unit: count` og på linjen under `unit_label: {label}`"),
        UnitLabelForCounts => "`unit_label` siger, hvad et antal eller et beløb tæller (`timer`, `personer`, `mio. kr.`); procenter og placeringer har deres egen skrivemåde".into(),
        AssessmentForText => "planpress regner selv status ud for tal; `assessment` er til indikatorer, der måles i ord (`unit: text`)".into(),
        Assessments => "vurderingen er en af: achieved (opfyldt), on_track (på vej) og off_track (ikke på vej)".into(),
        CalloutKinds => format!("en boks begynder med en af disse: {}; en faktaboks er `[!NOTE]` med en fed første linje", crate::diagnostic::callout_markers("eller")),
        CalloutAlone { marker } => format!("skriv `> {marker}` alene på linjen og teksten på linjerne under den"),
        UseCallout => "brug en boks til en faktaboks: `> [!NOTE]` og en fed første linje, fx `> **Fakta: ledigheden i tal**`".into(),
        NoVocabulary { kind } => format!("plan.yaml har ingen `{}`: tilføj dem der først", kind.list_field()),
        VocabularyIs { kind, ids } => format!("plan.yaml har disse `{}`: {}", kind.list_field(), ids.join(", ")),
        AddAccessibilityStatement => "offentlige hjemmesider skal linke til en tilgængelighedserklæring: lav den på was.digst.dk, og skriv dens adresse i plan.yaml som `accessibility_statement: https://www.was.digst.dk/…`".into(),
        AddGoalForGroup => "tilføj et mål i et afsnit med denne `target_group`, eller fjern målgruppen".into(),
        ListNationalGoal => "skriv det under `national_goals` på et af målene".into(),
        AnchorForm => "et anker er overskriftens tekst med små bogstaver og bindestreger, fx `#maal-og-midler`; et måls anker er `#goal-` efterfulgt af dets id".into(),
        FixTemplate => "ret skabelonen i temamappen, eller slet den for at bruge den indbyggede".into(),
        ThemeOverrides => "en temamappe kan erstatte enkelte skabeloner; resten kommer fra det indbyggede tema".into(),
        SeePdfYaml => "se kommentarerne i standardtemaets pdf.yaml for alle nøgler og deres form".into(),
        SplitWideTable => "forkort de længste ord eller tal, eller del tabellen i to".into(),
        WriteLinkText => "skriv linkets tekst mellem de firkantede parenteser: [tekst](adresse)".into(),
        GiveHeadingWords => "giv alle overskrifter nogle ord".into(),
        ReplaceCharacter => "erstat tegnet med et almindeligt tegn".into(),
        ReportBug => "det er en fejl i planpress; meld den gerne sammen med planen".into(),
        LargerUnit => "planpress skriver tal op til 999999999999999; angiv et stort beløb i en større enhed, fx millioner".into(),
        RoundDecimals => format!("afrund tallet til højst {} decimaler, sådan som det skal vises", crate::limits::MAX_DECIMALS),
        OneFigurePerYear => "skriv ét tal for hvert år".into(),
        FigurePeriodForm => {
            "skriv et år som `2026`, et kvartal som `2026-Q3` eller en måned som `2026-09`".into()
        }
        TargetsByYearOrQuarter => {
            "sæt målet for året (`2027`) eller et kvartal (`2027-Q1`); tal for måneder hører til i `actuals`".into()
        }
        FiguresColumns => "første række skal have kolonnerne `indikator`, `periode` og `værdi` (eller `indicator`, `period`, `value`)".into(),
        FigureForm => "skriv et tal som `16,8`, `1.250` eller `16.8`; et tal, der ikke er målt, springes over".into(),
        MoveAsOf => "kør importen med `--as-of`, så flytter planpress `as_of` frem, eller ret `as_of` i plan.yaml".into(),
        GitHistory { git_ref, problem } => match problem {
            HistoryProblem::NoGit => "installér git, eller fjern `ref` fra `adopted`".into(),
            HistoryProblem::NotInGit => {
                "læg planen i git (`git init`, `git add .`, `git commit`), eller fjern `ref` fra `adopted`".into()
            }
            HistoryProblem::UnknownRef => format!(
                "skriv et tag eller et commit, som `git tag` eller `git log` viser; i CI skal hele historikken hentes (`fetch-depth: 0`), så `{git_ref}` er med"
            ),
            HistoryProblem::Git(_) => "kør `git fsck` i planens mappe".into(),
            HistoryProblem::AdoptedInvalid { .. } => format!(
                "se, hvad der er galt, med `git worktree add ../vedtaget {git_ref}` og `planpress check ../vedtaget`"
            ),
        },
        OneGrain { field, grain } => format!(
            "skriv alle tallene i `{field}` pr. {} ligesom det første (`{}`), eller skift dem alle til en anden inddeling",
            grain_word(*grain),
            grain_example(*grain)
        ),
        Simplify { nesting: Nesting::Blocks } => "gør teksten fladere: et citat eller en liste inde i en anden har sjældent brug for mere end et par niveauer".into(),
        Simplify { nesting: Nesting::Inlines } => "fjern de ekstra `*`, `_`, `[` eller `![`: formatering inde i formatering har sjældent brug for mere end et par niveauer".into(),
        SimplerYaml => "del indholdet på flere afsnit, eller skriv det enklere; planpress læser ikke mere end dette".into(),
        SplitFile => "del den op i flere afsnit".into(),
        PlaceOnce => "placér hvert mål én gang: `{{ goal(\"ID\") }}` for ét, `{{ goals() }}` for dem alle".into(),
        AllowedLinks => "et link er et andet afsnit (`04-unge.md`), en fil i content/, et anker (`#maal`) eller en adresse, der begynder med https://, http://, mailto: eller tel:".into(),
        CopyInstead { area: Area::Themes } => "kopiér filen ind i temamappen i stedet for at linke til den".into(),
        CopyInstead { .. } => "planpress læser kun filer inde i planens mappe: kopiér filen ind i content/ (eller themes/ til et tema) i stedet for at linke til den".into(),
        FilesInContent => "de filer, sitet viser, ligger i content/ (billeder i content/assets/) og skrives ud fra den fil, der nævner dem".into(),
        ThemeName => "et tema er en mappe i themes/ ved siden af plan.yaml og nævnes kun med mappens navn: `theme: kommune` for themes/kommune/".into(),
        Unhide => "omdøb filen eller mappen, så navnet ikke begynder med punktum".into(),
        RemoveDanglingLink => "fjern linket, eller læg den fil, det skal føre til, på dens plads".into(),
        SaveImageAgain => "åbn billedet i et billedprogram, og gem det igen som PNG, JPEG eller SVG".into(),
        Case(h) => case_hint(h),
        RemoveInclude => "fjern den `{% include %}`, der fører tilbage til denne skabelon".into(),
    }
}

pub(in crate::diagnostic) fn note(n: &NoteText) -> &'static str {
    match n {
        NoteText::FirstUsedHere => "først brugt her",
        NoteText::SameOrderHere => "samme `order` her",
        NoteText::FirstGivenHere => "først angivet her",
        NoteText::GrainSetHere => "det første tal står her",
    }
}

pub(in crate::diagnostic) fn label(l: &Label) -> &'static str {
    match l {
        Label::Error => "fejl",
        Label::Warning => "advarsel",
        Label::Help => "tip",
        Label::Note => "bemærk",
    }
}

pub(in crate::diagnostic) fn status(s: &Status) -> String {
    match s {
        Status::Found { errors, warnings } => format!(
            "fandt {} og {}",
            count(*errors, "fejl", "fejl"),
            count(*warnings, "advarsel", "advarsler")
        ),
        Status::Checked {
            sections,
            goals,
            indicators,
        } => format!(
            "tjekkede {}, {} og {}",
            count(*sections, "afsnit", "afsnit"),
            count(*goals, "mål", "mål"),
            count(*indicators, "indikator", "indikatorer")
        ),
        Status::Built {
            sections,
            goals,
            out,
            files,
        } => format!(
            "skrev {} og {} til {}: {}",
            count(*sections, "afsnit", "afsnit"),
            count(*goals, "mål", "mål"),
            out.display(),
            files.join(", ")
        ),
        Status::Stopped => "planen blev ikke bygget, og det tidligere output er ikke rørt".into(),
        Status::Imported {
            figures,
            files,
            unchanged,
            dry,
        } => {
            let same = match unchanged {
                0 => String::new(),
                n => format!(" ({} stod der allerede)", count(*n, "tal", "tal")),
            };
            if *dry {
                format!(
                    "prøvekørsel: {} ville blive skrevet i {}{same}; intet er skrevet",
                    count(*figures, "tal", "tal"),
                    count(*files, "fil", "filer")
                )
            } else {
                format!(
                    "skrev {} i {}{same}",
                    count(*figures, "tal", "tal"),
                    count(*files, "fil", "filer")
                )
            }
        }
        Status::ImportRefused => "ingen tal er indlæst, og ingen fil er ændret".into(),
    }
}

pub(in crate::diagnostic) fn fatal(f: &Fatal) -> String {
    match f {
        Fatal::NoPlan { dir } => format!(
            "der er ingen plan.yaml i {}: kør planpress i planens mappe, eller skriv mappen efter kommandoen (`planpress check sti/til/plan`)",
            crate::diagnostic::shown_path(dir)
        ),
        Fatal::Unreadable { path, problem } => {
            format!(
                "{} kan ikke læses: {}",
                crate::diagnostic::shown_path(path),
                io(problem)
            )
        }
        Fatal::Unwritable { path, problem } => {
            format!(
                "{} kan ikke skrives: {}",
                crate::diagnostic::shown_path(path),
                io(problem)
            )
        }
        Fatal::OutputRefused { path, reason } => {
            let why = match reason {
                OutputRefusal::Link => {
                    "det er et link (symlink); angiv den mappe, det fører til, eller en anden mappe"
                }
                OutputRefusal::File => "det er en fil, ikke en mappe",
                OutputRefusal::IsPlan => {
                    "det er planens egen mappe, og et build ville erstatte planens filer"
                }
                OutputRefusal::HoldsPlan => {
                    "mappen indeholder planens mappe, og et build ville erstatte filer omkring planen"
                }
                OutputRefusal::InContent => "mappen ligger i planens content/, som buildet læser",
                OutputRefusal::InThemes => "mappen ligger i planens themes/, som buildet læser",
            };
            format!(
                "planpress skriver ikke til {}: {why}",
                crate::diagnostic::shown_path(path)
            )
        }
        Fatal::LinkLoop { path } => format!(
            "{} kan ikke læses: et link (symlink) til en mappe fører tilbage til en mappe over den",
            crate::diagnostic::shown_path(path)
        ),
        Fatal::OutputNotOurs { path } => format!(
            "planpress skriver ikke til {}: mappen indeholder filer, som planpress ikke har skrevet; angiv en ny eller tom mappe med --out, eller tilføj --force for at skrive planpress' filer ved siden af dem",
            crate::diagnostic::shown_path(path)
        ),
        Fatal::Invalid => "planen har fejl, så intet blev skrevet".into(),
        Fatal::Unrenderable => "output kunne ikke laves, så intet blev skrevet".into(),
        Fatal::NotEmpty { dir } => format!(
            "{} er ikke tom: `planpress new` skriver en plan i en ny eller tom mappe; skriv navnet på en ny mappe (`planpress new min-plan`), eller tilføj --force for at skrive startfilerne i denne (filer med samme navn bliver erstattet)",
            dir.display()
        ),
        Fatal::PortBusy { port } => format!(
            "port {port} på 127.0.0.1 bruges af et andet program: vælg en anden med `--port`, eller udelad `--port`, så tager planpress den næste ledige"
        ),
        Fatal::NoFreePort { first, last } => format!(
            "portene {first} til {last} på 127.0.0.1 er alle i brug: vælg en ledig med `--port`"
        ),
        Fatal::CannotServe { detail } => format!("planen kan ikke vises: {detail}"),
    }
}

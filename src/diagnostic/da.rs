//! Every message in Danish, for the communications staff who write most
//! plans: plain words, the field names kept in backticks as they are typed.

use super::message::*;
use crate::load::confine::Refusal;
use crate::locale::{period, plain_number as num};
use crate::markdown::Nesting;
use crate::model::{Direction, DocumentStatus, Grain, Language, Unit, When};
use crate::when::PeriodProblem;

/// "et afsnit", "en indikator".
fn a(thing: Thing) -> &'static str {
    match thing {
        Thing::Plan => "plan.yaml",
        Thing::Section => "et afsnit",
        Thing::Goal => "et mål",
        Thing::Indicator => "en indikator",
        Thing::Link => "et link",
        Thing::Baseline => "et udgangspunkt (`baseline`)",
        Thing::Brand => "`brand`",
        Thing::Adoption => "`adopted`",
        Thing::Contact => "`contact`",
        Thing::Signature => "en underskrift (`signature`)",
        Thing::TargetGroup => "en målgruppe",
        Thing::Track => "et spor",
        Thing::NationalGoal => "et ministermål",
        Thing::Case => "sagens oplysninger (`case`)",
        Thing::Decision => "beslutningen (`decision`)",
    }
}

/// "afsnittet", "indikatoren".
fn the(thing: Thing) -> &'static str {
    match thing {
        Thing::Plan => "planen",
        Thing::Section => "afsnittet",
        Thing::Goal => "målet",
        Thing::Indicator => "indikatoren",
        Thing::Link => "linket",
        Thing::Baseline => "udgangspunktet (`baseline`)",
        Thing::Brand => "`brand`",
        Thing::Adoption => "`adopted`",
        Thing::Contact => "`contact`",
        Thing::Signature => "underskriften (`signature`)",
        Thing::TargetGroup => "målgruppen",
        Thing::Track => "sporet",
        Thing::NationalGoal => "ministermålet",
        Thing::Case => "sagens oplysninger (`case`)",
        Thing::Decision => "beslutningen (`decision`)",
    }
}

/// "ingen målgruppe", "intet spor".
fn none_of(thing: Thing) -> &'static str {
    match thing {
        Thing::TargetGroup => "ingen målgruppe",
        Thing::Track => "intet spor",
        _ => "intet ministermål",
    }
}

fn plural_of(thing: Thing) -> &'static str {
    match thing {
        Thing::TargetGroup => "målgrupper",
        Thing::Track => "spor",
        _ => "ministermål",
    }
}

fn expected(e: Expected) -> &'static str {
    match e {
        Expected::Text => "tekst",
        Expected::WholeNumber => "et helt tal",
        Expected::TrueFalse => "`true` eller `false`",
        Expected::List => "en liste",
        Expected::YearMap => "par af `år: værdi`, som `{ 2026: 120 }`",
    }
}

fn found(f: Found) -> &'static str {
    match f {
        Found::Nothing => "ingenting",
        Found::TrueFalse => "`true`/`false`",
        Found::WholeNumber => "et helt tal",
        Found::Number => "et tal",
        Found::Text => "tekst",
        Found::List => "en liste",
        Found::Mapping => "en gruppe af felter (`felt: værdi`)",
    }
}

fn unit(u: Unit) -> &'static str {
    Unit::NAMES[u as usize]
}

fn io(p: &IoProblem) -> String {
    match p {
        IoProblem::NotFound => "den findes ikke".into(),
        IoProblem::PermissionDenied => "du har ikke adgang til den".into(),
        IoProblem::Other(e) => e.clone(),
    }
}

/// "billedet", "linket", "logoet".
fn pointer(p: Pointer) -> &'static str {
    match p {
        Pointer::Image => "billedet",
        Pointer::Link => "linket",
        Pointer::Logo => "logoet",
    }
}

fn area(a: Area) -> &'static str {
    match a {
        Area::Plan => "planens mappe",
        Area::Content => "content/",
        Area::Themes => "themes/",
    }
}

fn refusal(r: Refusal) -> &'static str {
    match r {
        Refusal::Absolute => "er en absolut sti",
        Refusal::Climbs => "peger op og ud af planens mappe",
        Refusal::Outside => "er et link (symlink) til en fil uden for content/",
        Refusal::Elsewhere => "ligger uden for content/",
        Refusal::Hidden => "er skjult (navnet begynder med punktum), så det bliver ikke udgivet",
        Refusal::NotPlain => "er ikke et almindeligt mappenavn",
    }
}

fn image_problem(p: &ImageProblem) -> String {
    match p {
        ImageProblem::UnknownFormat => "planpress viser billeder i PNG, JPEG, GIF, WebP og SVG, og filnavnet siger, at det ikke er nogen af dem".into(),
        ImageProblem::Unreadable(e) => format!("filen kan ikke læses ({})", io(e)),
        ImageProblem::Empty => "filen er tom".into(),
        ImageProblem::FileTooLarge => format!(
            "filen er større end {} MB, det meste planpress læser for et billede",
            crate::limits::MAX_IMAGE_FILE / (1024 * 1024)
        ),
        ImageProblem::TooManyPixels => format!(
            "det har mere end {} millioner pixel, det meste planpress viser",
            crate::limits::MAX_IMAGE_PIXELS / 1_000_000
        ),
        ImageProblem::Mislabelled { actual, named } => format!(
            "filen er et {}-billede, men navnet siger {}; omdøb den, så den ender på .{}",
            actual.name(),
            named.name(),
            actual.extension()
        ),
        ImageProblem::Text { named } => {
            format!("filen indeholder tekst, ikke et {}-billede", named.name())
        }
        ImageProblem::Damaged { format } => {
            format!("{}-dataene er ødelagte eller afkortede", format.name())
        }
        ImageProblem::NoPicture => "GIF-filen indeholder intet billede".into(),
        ImageProblem::SvgTooDeep => format!(
            "dets elementer er indlejret mere end {} niveauer dybt",
            crate::limits::MAX_SVG_DEPTH
        ),
        ImageProblem::SvgTooManyElements => {
            "det tegner mere end en million elementer, det meste et SVG må".into()
        }
        ImageProblem::SvgNoSize => {
            "det har ingen størrelse: giv <svg> en width og en height eller en viewBox".into()
        }
        ImageProblem::SvgDrawsFile { href } => format!(
            "det tegner en anden fil (`{href}`), som planpress ikke læser; læg billedet ind i selve SVG-filen"
        ),
    }
}

fn yaml_limit(l: YamlLimit) -> String {
    use crate::limits::{MAX_YAML_DEPTH, MAX_YAML_NODES, MAX_YAML_TEXT};
    match l {
        YamlLimit::Depth => format!(
            "lister og felter er indlejret mere end {MAX_YAML_DEPTH} niveauer dybt, og det er grænsen"
        ),
        YamlLimit::Values => format!(
            "YAML'en indeholder mere end {} værdier, og det er grænsen",
            crate::locale::number(MAX_YAML_NODES as f64, Language::Da)
        ),
        YamlLimit::Text => format!(
            "YAML'en indeholder mere end {} MB tekst, og det er grænsen",
            MAX_YAML_TEXT / (1024 * 1024)
        ),
        YamlLimit::Anchors => {
            "YAML'en gentager ankre (`&navn` og `*navn`) flere gange, end planpress tillader".into()
        }
    }
}

/// "1 fejl", "2 advarsler".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub(super) fn message(m: &Message) -> String {
    use Message::*;
    match m {
        Yaml(p) => yaml(p),
        NoFrontMatter => {
            "afsnittet har ingen front matter (felterne mellem to `---`-linjer øverst i filen)"
                .into()
        }
        FrontMatterNeverEnds => "front matter begynder med `---` her, men slutter aldrig".into(),
        NotUtf8 { byte, line, column } => format!(
            "filen er ikke gemt som UTF-8 (byte 0x{byte:02X} i linje {line}, kolonne {column})"
        ),
        NoContentFolder => "der er ingen mappe content/, så planen har ingen afsnit".into(),
        NoSectionFiles => {
            "content/ indeholder ingen Markdown-filer, så planen har ingen afsnit".into()
        }
        UnknownField { name, thing } => format!("ukendt felt `{name}` i {}", a(*thing)),
        WrongType {
            field,
            expected: e,
            found: f,
        } => format!(
            "`{field}` skal være {}, men her står {}",
            expected(*e),
            found(*f)
        ),
        NotAMapping { thing, found: f } => format!(
            "{} skal bestå af linjer med `felt: værdi`, men her står {}",
            a(*thing),
            found(*f)
        ),
        FieldNameNotWord { thing } => format!("feltnavnene i {} skal være ord", a(*thing)),
        NotAYear { found: f } => format!("her skal stå et årstal, ikke {}", found(*f)),
        TextNotNumber { written, unit: u } => format!(
            "`{written}` er tekst, men en indikator med `unit: {}` skal have et tal",
            unit(*u)
        ),
        NotAValue { found: f } => format!("her skal stå en værdi, ikke {}", found(*f)),
        MissingField { thing, field } => format!("{} mangler `{field}`", the(*thing)),
        EmptyFrontMatter => "afsnittets front matter er tom".into(),
        NoDirection => "indikatoren måles i tal, men har ingen `direction`".into(),
        UnknownUnit { written } => format!("ukendt enhed `{written}`"),
        UnknownDirection { written } => format!("ukendt retning `{written}`"),
        UnknownComparison { written } => format!("ukendt sammenligning `{written}`"),
        UnknownLanguage { written } => format!("ukendt sprog `{written}`"),
        NotAWebAddress { written } => format!("`{written}` er ikke en webadresse"),
        UnknownStatus { written } => format!("ukendt status `{written}`"),
        NotAnEmail { written } => format!("`{written}` er ikke en mailadresse"),
        NotAColour { written } => format!("`{written}` er ikke en farve"),
        PeriodBackwards { start, end } => {
            format!("perioden slutter ({end}), før den begynder ({start})")
        }
        NotAPeriod => "perioden er hverken et år eller et spænd af år".into(),
        DecimalComma { written } => format!(
            "`{written}` er skrevet med decimalkomma, og inde i `{{ }}` deler YAML det i to værdier"
        ),
        CommaInName { written } => format!(
            "kommaet i `{written}` deler værdien i to: inde i `{{ }}` slutter et komma en værdi"
        ),
        ThousandsSeparator { written, read } => format!(
            "`{written}` læses som {}: i YAML er punktum et decimaltegn",
            crate::locale::number(*read, Language::Da)
        ),
        BadDeadline { written } => {
            format!("fristen `{written}` er ikke en rigtig dato eller et rigtigt kvartal")
        }
        BadDate { written } => format!("`{written}` er ikke en dato"),
        ImplausibleYear { year } => format!("{year} er ikke et sandsynligt årstal"),
        DeadlineYear { year } => format!("fristens år, {year}, er ikke et sandsynligt årstal"),
        PeriodOutOfRange { start, end } => {
            let (from, to) = (crate::model::YEARS.start(), crate::model::YEARS.end());
            format!("perioden {start}–{end} ligger uden for {from}–{to}")
        }
        NoSuchTheme { name } => format!("der er intet tema, der hedder `{name}`"),
        UnknownVocabulary { kind, id } => {
            format!("der er {} `{id}` i plan.yaml", none_of(*kind))
        }
        UnknownGoalMarker { id } => {
            format!("`{{{{ goal(\"{id}\") }}}}` nævner et mål, som afsnittet ikke har")
        }
        NoLogo { path } => format!("logoet `{path}` findes ikke"),
        NoImage { written } => format!("billedet `{written}` findes ikke"),
        LinkWithoutTarget => "linket har ingen adresse".into(),
        BrokenLink { written } => format!("linket `{written}` fører ingen steder hen"),
        NoAnchor { file, fragment } => {
            format!("`{file}` har ingen overskrift eller noget mål med ankeret `#{fragment}`")
        }
        DuplicateGoalId { id } => format!("mål-id'et `{id}` er allerede brugt"),
        DuplicateIndicatorId { id } => format!("indikator-id'et `{id}` er allerede brugt"),
        DuplicateVocabularyId { kind, id } => {
            format!("to {} har samme id, `{id}`", plural_of(*kind))
        }
        DuplicateSlug { slug, first } => {
            format!("afsnittets side ville hedde `{slug}.html` ligesom siden for {first}")
        }
        TargetOutsidePeriod { when: w, period: p } => format!(
            "måltallet for {} ligger uden for planperioden {}",
            when(*w),
            period(*p)
        ),
        BaselineNotBefore { baseline, target } => match (baseline, target) {
            (When::Year(b), When::Year(t)) => {
                format!("udgangspunktets år, {b}, ligger ikke før målåret {t}")
            }
            _ => format!(
                "udgangspunktet, {}, ligger ikke før målet for {}",
                when(*baseline),
                when(*target)
            ),
        },
        ActualAfterAsOf { when: w, as_of } => format!(
            "der er et faktisk tal for {}, men tallene er kun opgjort til {} (`as_of`)",
            when(*w),
            crate::locale::date(*as_of, Language::Da)
        ),
        OutOfRange { value, unit: u } => {
            let why = match u {
                Unit::Percent => "en procentdel ligger mellem 0 og 100",
                Unit::Count | Unit::Amount => "et antal eller et beløb kan ikke være negativt",
                Unit::Rank => "en placering er et helt tal fra 1 og op",
                Unit::Text => "det er ikke tekst",
            };
            format!(
                "{} passer ikke til `unit: {}`: {why}",
                num(*value),
                unit(*u)
            )
        }
        FieldNotForUnit { field, unit: u } => {
            format!(
                "en indikator med `unit: {}` kan ikke have `{field}`",
                unit(*u)
            )
        }
        UnknownAssessment { written } => format!("ukendt vurdering `{written}`"),
        UnknownCallout { written } => {
            format!("`{written}` gør ikke citatet til en boks, så det står som tekst")
        }
        RawHtml => "rå HTML vises som tekst, fordi `allow_html` er slået fra".into(),
        DuplicateOrder { order, first } => format!(
            "`order: {order}` bruges også af {first}; filnavnene afgør, hvilket afsnit der kommer først"
        ),
        FolderOrder {
            order,
            folder,
            other,
        } => format!(
            "`order: {order}` placerer også mappen `{folder}/` blandt afsnittene ved siden af den, og der har {other} også `order: {order}`"
        ),
        MalformedMarker { written } => format!(
            "`{written}` ligner en markør for mål, men er det ikke, så den ville blive vist som tekst"
        ),
        MisnamedIndex { name } => {
            format!("en fil, der hedder `{name}`, er ikke mappens forside: det er kun `index.md`")
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
                "måltallet {} for {year} går imod `direction: {verb}` (fra {} i {from_year})",
                num(*value),
                num(*from)
            )
        }
        MaintainDiffers { baseline, value } => format!(
            "med `direction: maintain` skal måltallet være det samme som udgangspunktet ({}), ikke {}",
            num(*baseline),
            num(*value)
        ),
        UncoveredTargetGroup { id } => format!("intet mål er rettet mod målgruppen `{id}`"),
        NoAccessibilityStatement { status } => format!(
            "planen er {}, men dens hjemmeside mangler et link til en tilgængelighedserklæring",
            match status {
                DocumentStatus::Consultation => "sendt i høring",
                _ => "vedtaget",
            }
        ),
        UnansweredNationalGoal { id } => format!("intet mål svarer på ministermålet `{id}`"),
        TopLevelHeading => "en `#`-overskrift i teksten konkurrerer med afsnittets titel".into(),
        HeadingSkip { level, previous } => format!(
            "overskriften på niveau {level} springer et niveau over (den forrige er på niveau {previous})"
        ),
        NoAltText { written } => format!("billedet `{written}` har ingen alternativ tekst"),
        TemplateError { detail } => format!("fejl i skabelonen: {detail}"),
        NoTemplate { name } => format!("temaet har ingen skabelon, der hedder `{name}`"),
        LabelsForm => "filen med temaets tekster skal bestå af linjer med `nøgle: tekst`".into(),
        ThemeUnreadable { problem } => format!("temafilen kan ikke læses: {}", io(problem)),
        PdfStyle(p) => match p {
            PdfStyleProblem::Yaml { detail } => format!("pdf.yaml er ikke gyldig YAML: {detail}"),
            PdfStyleProblem::Colour { key, value } => {
                format!("`{key}` skal være en farve som \"#00558c\", ikke {value:?}")
            }
            PdfStyleProblem::Align { value } => {
                format!("`text.align` skal være `left` eller `justify`, ikke {value:?}")
            }
            PdfStyleProblem::TableMinSize { size, min_size } => format!(
                "`tables.min_size_pt` skal ligge mellem 0 og `tables.size_pt` ({size}), ikke {min_size}"
            ),
        },
        MissingGlyph { ch } => format!(
            "PDF'ens skrifttype kan ikke vise {ch:?} (U+{:04X}), så tegnet står som `?` i PDF'en",
            *ch as u32
        ),
        TableTooWide { min_size } => format!(
            "tabellen er for bred til PDF'ens side, selv med {} pt skrift og kolonnerne delt i bånd, så nogle ord deles midt i",
            min_size.to_string().replace('.', ",")
        ),
        ImageNotDrawable { reason } => format!("billedet kan ikke tegnes i PDF'en: {reason}"),
        FigureWithoutAlt => "billedet har ingen alternativ tekst, og det kræver PDF/UA".into(),
        LinkWithoutText => "linket har ingen tekst, og det kræver PDF/UA".into(),
        HeadingWithoutText => "en overskrift i PDF'en har ingen tekst, og det kræver PDF/UA".into(),
        UnmappableText { text } => {
            format!("PDF'en kan ikke gemme {text:?} som tekst, en læser kan trække ud")
        }
        NotConformant { what } => format!("PDF'en ville ikke overholde PDF/UA-1: {what}"),
        PdfNotWritten { what } => format!("PDF'en kunne ikke skrives: {what}"),
        YamlTooLarge { limit } => yaml_limit(*limit),
        FileTooLarge => format!(
            "filen er større end {} MB, det meste planpress læser",
            crate::limits::MAX_TEXT_FILE / (1024 * 1024)
        ),
        LinkedOutside { path, area: a } => match a {
            Area::Plan => format!("`{path}` er et link (symlink) til noget uden for planens mappe"),
            other => format!(
                "`{path}` er et link (symlink) til en fil eller mappe uden for {}",
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
                format!("`themes/{name}` er et link (symlink) til en mappe uden for themes/")
            }
            other => format!("temaet `{name}` {}", refusal(*other)),
        },
        Hidden { what, written } => {
            format!(
                "{} `{written}` {}",
                pointer(*what),
                refusal(Refusal::Hidden)
            )
        }
        DanglingLink { path } => {
            format!("`{path}` er et link (symlink) til en fil, som ikke findes")
        }
        UnsafeLink { written, problem } => match problem {
            LinkProblem::Scheme(scheme) => {
                format!("links, der begynder med `{scheme}:`, bliver ikke udgivet: `{written}`")
            }
            LinkProblem::Control(c) => format!(
                "adressen indeholder et styretegn (U+{:04X}): `{written}`",
                u32::from(*c)
            ),
        },
        BrokenImage {
            what,
            written,
            problem,
        } => format!(
            "{} `{written}` kan ikke vises: {}",
            pointer(*what),
            image_problem(problem)
        ),
        NumberTooLarge { written } => {
            format!("{written} er for stort til, at planpress kan skrive det præcist")
        }
        TooManyDecimals { written } => format!(
            "{written} har flere decimaler, end planpress skriver ({})",
            crate::limits::MAX_DECIMALS
        ),
        DuplicatePeriod { when: w, field } => match w {
            When::Year(y) => format!("året {y} står to gange i `{field}`"),
            _ => format!("{} står to gange i `{field}`", when(*w)),
        },
        BadPeriod { written, problem } => match problem {
            PeriodProblem::Quarter(_) => {
                format!("`{written}` er ikke et kvartal: et år har kvartalerne 1 til 4")
            }
            PeriodProblem::Month(_) => {
                format!("`{written}` er ikke en måned: månederne går fra 01 til 12")
            }
            PeriodProblem::Year(_) | PeriodProblem::Form => {
                format!("`{written}` er hverken et år, et kvartal eller en måned")
            }
        },
        MonthlyTarget { written } => format!(
            "måltallet for `{written}` er sat for en måned, men mål sættes for et år eller et kvartal"
        ),
        FiguresUnreadable { problem } => format!("filen med tal kan ikke læses: {problem}"),
        FiguresColumnMissing { column } => {
            format!("filen med tal mangler kolonnen `{column}`")
        }
        FiguresNotWritable { id } => format!(
            "planpress fandt ikke et sted at skrive tallet for `{id}` i afsnittets forside"
        ),
        UnknownIndicator { id } => format!("ingen indikator i planen har id'et `{id}`"),
        FigureNotANumber { written } => format!("`{written}` er ikke et tal"),
        FigureForText { written } => format!(
            "indikatoren måles i ord, så `{written}` kan ikke indlæses som et tal: skriv den i afsnittet"
        ),
        FigureTwice { id, when: w } => {
            format!("filen giver `{id}` et tal for {} to gange", when(*w))
        }
        AdoptedRef { git_ref, problem } => match problem {
            HistoryProblem::NoGit => {
                "ændringerne siden vedtagelsen kan ikke vises: programmet `git` er ikke installeret".into()
            }
            HistoryProblem::NotInGit => {
                "ændringerne siden vedtagelsen kan ikke vises: planens mappe ligger ikke i et git-arkiv".into()
            }
            HistoryProblem::UnknownRef => format!(
                "git kender intet tag eller commit, der hedder `{git_ref}`, så ændringerne siden vedtagelsen kan ikke vises"
            ),
            HistoryProblem::Git(detail) => format!(
                "den vedtagne udgave, `{git_ref}`, kan ikke læses fra git: {detail}"
            ),
            HistoryProblem::AdoptedInvalid { errors } => format!(
                "den vedtagne udgave, `{git_ref}`, har {errors} fejl, så ændringerne siden vedtagelsen kan ikke vises"
            ),
        },
        MixedPeriods { field, first, here } => format!(
            "`{field}` blander {} og {}: det første tal er for {}, dette for {}",
            grains(*first),
            grains(*here),
            a_grain(*first),
            a_grain(*here)
        ),
        TooDeep { nesting } => match nesting {
            Nesting::Blocks => format!(
                "citater og lister er indlejret mere end {} niveauer dybt her",
                crate::limits::MAX_MARKDOWN_DEPTH
            ),
            Nesting::Inlines => format!(
                "fremhævning, links og billeder er indlejret mere end {} niveauer dybt her",
                crate::limits::MAX_MARKDOWN_DEPTH
            ),
        },
        GoalPlacedTwice { ids } => format!(
            "markøren ville vise {} en gang til; {} vises kun én gang, ovenfor",
            list_ids(ids, "målet", "målene"),
            if ids.len() == 1 { "det" } else { "de" }
        ),
        TemplateIncludesItself { name, chain } => format!(
            "fejl i skabelonen: `{name}` inkluderer sig selv ({} → {name}), så den ville aldrig blive færdig",
            chain.join(" → ")
        ),
        Case(p) => case(p),
    }
}

fn case(p: &CaseProblem) -> String {
    use crate::locale::date;
    use CaseProblem::*;
    match p {
        UnknownKind { written } => format!("ukendt dokumenttype `{written}`"),
        UnknownAccess { written } => {
            format!("`{written}` siger ikke, om punktet er åbent eller lukket")
        }
        BadItem { item } => {
            format!("punktets nummer på dagsordenen skal være 1 eller mere, ikke {item}")
        }
        BadMeeting { written } => {
            format!("`{written}` er ikke en dato eller en dato med klokkeslæt")
        }
        NoHeader => "dokumentet er en sag (`kind: case`), men plan.yaml har ingen `case:` med sagens oplysninger".into(),
        EmptyRecommendation => "indstillingen har ingen punkter".into(),
        HeaderInPlan => "`case:` hører til en sag, men dokumentet er en plan".into(),
        FieldInPlan { field } => format!("`{field}` hører til en sag, men dokumentet er en plan"),
        Twice { field, first } => format!("sagen har allerede `{field}` i {first}"),
        NoRecommendation => "sagen har ingen indstilling (`recommendation`)".into(),
        PointWithoutAt { written, word } => {
            format!("punktet `{written}` i indstillingen begynder ikke med `{word}`")
        }
        DecisionBeforeMeeting { decided, meeting } => format!(
            "beslutningen er dateret {}, før mødet {}",
            date(*decided, Language::Da),
            date(*meeting, Language::Da)
        ),
    }
}

fn case_hint(h: &CaseHint) -> String {
    use CaseHint::*;
    match h {
        Kinds => "`kind` er `plan` (en plan med mål, det er standard) eller `case` (en sag til et udvalgsmøde)".into(),
        AccessValues => "skriv `access: open` for et åbent punkt eller `access: closed` for et lukket".into(),
        MeetingForm => "skriv år-måned-dag og gerne klokkeslættet, fx `meeting: 2027-03-09 15:00`".into(),
        SayCase { field } => format!("er dokumentet en sag til et udvalgsmøde, så skriv `kind: case` i plan.yaml; ellers slet `{field}`"),
        OnePlace { field } => format!("en sag har kun én `{field}`: saml den i ét afsnit"),
        AddRecommendation => "skriv punkterne i front matter i afsnittet med indstillingen: `recommendation:` og én linje `- at …` pr. punkt".into(),
        DateOf { field } => format!("skriv datoen som år-måned-dag, fx `{field}: 2027-03-09`"),
        DecisionAtMeeting { meeting } => format!(
            "mødet er {} (`meeting` i plan.yaml); ret datoen for beslutningen eller for mødet",
            crate::locale::date(*meeting, Language::Da)
        ),
    }
}

/// "målet `U1`", "målene `U1`, `U2`".
fn list_ids(ids: &[String], one: &str, many: &str) -> String {
    let quoted: Vec<String> = ids.iter().map(|id| format!("`{id}`")).collect();
    format!(
        "{} {}",
        if ids.len() == 1 { one } else { many },
        quoted.join(", ")
    )
}

fn yaml(p: &YamlProblem) -> String {
    match p {
        YamlProblem::NoSpaceAfterColon { written } => {
            format!("der mangler et mellemrum efter kolonet i `{written}`")
        }
        YamlProblem::MissingColon { written } => {
            format!("der mangler et kolon efter feltnavnet i `{written}`")
        }
        YamlProblem::ColonInText => "YAML læser kolonet her som starten på et nyt felt".into(),
        YamlProblem::UnclosedQuote { quote } => {
            format!("anførselstegnet `{quote}` her bliver aldrig lukket")
        }
        YamlProblem::UnclosedBracket { bracket } => {
            format!("parentesen `{bracket}` her bliver aldrig lukket")
        }
        YamlProblem::Tab => "linjen er rykket ind med tabulator".into(),
        YamlProblem::NoBraces => "år og værdier skal stå inde i `{ }`".into(),
        YamlProblem::ReservedStart { ch } => {
            format!("en værdi kan ikke begynde med `{ch}`, medmindre den står i anførselstegn")
        }
        YamlProblem::Misaligned { field, above } => {
            format!("`{field}` står ikke lige under `{above}` i linjen over")
        }
        YamlProblem::CommentInValue { written } => format!(
            "`{written}` læses som en kommentar: i YAML starter `#` efter et mellemrum en kommentar"
        ),
        YamlProblem::DuplicateKey { key: Some(key) } => {
            format!("feltet `{key}` står to gange; behold det ene")
        }
        YamlProblem::DuplicateKey { key: None } => "det samme felt står to gange".into(),
        YamlProblem::NotFinite => "`.nan` og `.inf` er ikke tal, som en plan kan bruge".into(),
        YamlProblem::TooDeep => "YAML'en er for dybt indlejret eller for stor".into(),
        YamlProblem::Parser { detail } => format!("fejl i YAML: {detail}"),
    }
}

pub(super) fn hint(h: &Hint) -> String {
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
        CalloutKinds => format!("en boks begynder med en af disse: {}; en faktaboks er `[!NOTE]` med en fed første linje", super::callout_markers("eller")),
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

pub(super) fn note(n: &NoteText) -> &'static str {
    match n {
        NoteText::FirstUsedHere => "først brugt her",
        NoteText::SameOrderHere => "samme `order` her",
        NoteText::FirstGivenHere => "først angivet her",
        NoteText::GrainSetHere => "det første tal står her",
    }
}

pub(super) fn label(l: &Label) -> &'static str {
    match l {
        Label::Error => "fejl",
        Label::Warning => "advarsel",
        Label::Help => "tip",
        Label::Note => "bemærk",
    }
}

pub(super) fn status(s: &Status) -> String {
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

pub(super) fn fatal(f: &Fatal) -> String {
    match f {
        Fatal::NoPlan { dir } => format!(
            "der er ingen plan.yaml i {}: kør planpress i planens mappe, eller skriv mappen efter kommandoen (`planpress check sti/til/plan`)",
            super::shown_path(dir)
        ),
        Fatal::Unreadable { path, problem } => {
            format!(
                "{} kan ikke læses: {}",
                super::shown_path(path),
                io(problem)
            )
        }
        Fatal::Unwritable { path, problem } => {
            format!(
                "{} kan ikke skrives: {}",
                super::shown_path(path),
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
                super::shown_path(path)
            )
        }
        Fatal::LinkLoop { path } => format!(
            "{} kan ikke læses: et link (symlink) til en mappe fører tilbage til en mappe over den",
            super::shown_path(path)
        ),
        Fatal::OutputNotOurs { path } => format!(
            "planpress skriver ikke til {}: mappen indeholder filer, som planpress ikke har skrevet; angiv en ny eller tom mappe med --out, eller tilføj --force for at skrive planpress' filer ved siden af dem",
            super::shown_path(path)
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

/// A period as Danish writes it.
fn when(w: When) -> String {
    crate::locale::when(w, Language::Da)
}

fn grain_word(g: Grain) -> &'static str {
    match g {
        Grain::Year => "år",
        Grain::Quarter => "kvartal",
        Grain::Month => "måned",
    }
}

fn grains(g: Grain) -> &'static str {
    match g {
        Grain::Year => "år",
        Grain::Quarter => "kvartaler",
        Grain::Month => "måneder",
    }
}

fn a_grain(g: Grain) -> &'static str {
    match g {
        Grain::Year => "et år",
        Grain::Quarter => "et kvartal",
        Grain::Month => "en måned",
    }
}

fn grain_example(g: Grain) -> &'static str {
    match g {
        Grain::Year => "2026",
        Grain::Quarter => "2026-Q3",
        Grain::Month => "2026-09",
    }
}

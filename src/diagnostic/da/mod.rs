//! Every message in Danish, for the communications staff who write most
//! plans: plain words, the field names kept in backticks as they are typed.

use super::message::*;
use crate::load::confine::Refusal;
use crate::locale::{period, plain_number as num};
use crate::markdown::Nesting;
use crate::model::{Direction, DocumentStatus, Grain, Language, Unit, When};
use crate::when::PeriodProblem;

mod around;
pub(super) use around::{fatal, hint, label, note, status};

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

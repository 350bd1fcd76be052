//! How Danish authors write what plan files ask for in English words:
//! field names, units, directions, dates and "not measured". Each table
//! turns a Danish habit into the "did you mean" it deserves.

use crate::diagnostic::closest;
use crate::model::{Assessment, Date, Deadline, Direction, Unit};

/// Field names as a Danish author may write them, and the field meant. A
/// word only counts where its field is allowed (`mål` is `goals` in a
/// section and `targets` in an indicator).
const DANISH_FIELDS: &[(&str, &str)] = &[
    ("titel", "title"),
    ("overskrift", "title"),
    ("undertitel", "subtitle"),
    ("organisation", "organisation"),
    ("kommune", "organisation"),
    ("resumé", "summary"),
    ("resume", "summary"),
    ("sammenfatning", "summary"),
    ("opsummering", "summary"),
    ("periode", "period"),
    ("sprog", "language"),
    ("tema", "theme"),
    ("dato", "as_of"),
    ("opgjort", "as_of"),
    ("målgrupper", "target_groups"),
    ("målgruppe", "target_group"),
    ("spor", "tracks"),
    ("ministermål", "national_goals"),
    ("nationale_mål", "national_goals"),
    ("rækkefølge", "order"),
    ("nummer", "order"),
    ("mål", "goals"),
    ("mål", "targets"),
    ("måltal", "targets"),
    ("beskrivelse", "description"),
    ("ansvarlig", "owner"),
    ("ejer", "owner"),
    ("indsatser", "initiatives"),
    ("initiativer", "initiatives"),
    ("frist", "deadline"),
    ("tidsfrist", "deadline"),
    ("henvisninger", "links"),
    ("indikatorer", "indicators"),
    ("navn", "name"),
    ("enhed", "unit"),
    ("retning", "direction"),
    ("kilde", "source"),
    ("udgangspunkt", "baseline"),
    ("faktiske", "actuals"),
    ("faktisk", "actuals"),
    ("resultater", "actuals"),
    ("år", "year"),
    ("værdi", "value"),
    ("adresse", "url"),
    ("farve", "primary"),
    ("type", "kind"),
    ("dokumenttype", "kind"),
    ("sag", "case"),
    ("udvalg", "committee"),
    ("møde", "meeting"),
    ("mødedato", "meeting"),
    ("punkt", "item"),
    ("punktnummer", "item"),
    ("sagsnummer", "number"),
    ("sagsnr", "number"),
    ("dokumentnummer", "document"),
    ("dokumentnr", "document"),
    ("adgang", "access"),
    ("kompetence", "authority"),
    ("beslutningskompetence", "authority"),
    ("indstilling", "recommendation"),
    ("beslutning", "decision"),
    ("dato", "date"),
    ("tekst", "text"),
    ("fraværende", "absent"),
];

/// The field `name` most likely means: a near miss, or its Danish word.
pub(super) fn meant_field(name: &str, allowed: &[&'static str]) -> Option<&'static str> {
    let lower = name.trim().to_lowercase().replace([' ', '-'], "_");
    DANISH_FIELDS
        .iter()
        .find(|(da, field)| *da == lower && allowed.contains(field))
        .map(|(_, field)| *field)
        .or_else(|| closest(name, allowed.iter().copied()))
}

/// `antal`, `procent`, `%`: the unit meant.
pub(super) fn unit(written: &str) -> Option<Unit> {
    Some(match written.trim().to_lowercase().as_str() {
        "antal" | "stk" | "stk." | "personer" | "borgere" => Unit::Count,
        "procent" | "pct" | "pct." | "%" | "andel" => Unit::Percent,
        "placering" | "plads" | "rang" | "nummer" => Unit::Rank,
        "beløb" | "kroner" | "kr" | "kr." | "dkk" => Unit::Amount,
        "tekst" | "ord" => Unit::Text,
        _ => return None,
    })
}

/// What a count is often written as instead of `unit: count`: the word
/// that belongs in `unit_label`.
pub(super) fn counted(written: &str) -> Option<String> {
    let word = written.trim().to_lowercase();
    const COUNTED: &[&str] = &[
        "timer",
        "uger",
        "dage",
        "måneder",
        "personer",
        "borgere",
        "virksomheder",
        "samtaler",
        "forløb",
        "job",
        "hours",
        "weeks",
        "days",
        "persons",
        "people",
    ];
    COUNTED.contains(&word.as_str()).then_some(word)
}

/// `opfyldt`, `på vej`, `ikke på vej`: the assessment meant.
pub(super) fn assessment(written: &str) -> Option<Assessment> {
    Some(
        match written.trim().to_lowercase().replace('_', " ").as_str() {
            "opfyldt" | "nået" | "indfriet" => Assessment::Achieved,
            "på vej" | "paa vej" | "i gang" => Assessment::OnTrack,
            "ikke på vej" | "ikke paa vej" | "ikke nået" | "bagud" => Assessment::OffTrack,
            _ => return None,
        },
    )
}

/// `op`, `stigende`, `fastholde`: the direction meant.
pub(super) fn direction(written: &str) -> Option<Direction> {
    Some(match written.trim().to_lowercase().as_str() {
        "op" | "opad" | "stige" | "stigende" | "øge" | "øges" | "øget" | "flere" | "højere"
        | "mere" | "up" => Direction::Increase,
        "ned" | "nedad" | "falde" | "faldende" | "mindske" | "mindskes" | "reducere"
        | "reduceres" | "færre" | "lavere" | "mindre" | "down" => Direction::Decrease,
        "fastholde" | "fastholdes" | "holde" | "holdes" | "uændret" | "stabil" | "samme"
        | "keep" => Direction::Maintain,
        _ => return None,
    })
}

const MONTHS: [&str; 12] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];

/// A date written the Danish way (`31-12-2027`, `31.12.2027`,
/// `1. oktober 2026`, `1. okt. 2026`), as YAML wants it: `2027-12-31`.
pub(super) fn date(written: &str) -> Option<String> {
    let w = written.trim().to_lowercase();
    let parts: Vec<&str> = w
        .split(|c: char| c == '-' || c == '.' || c == '/' || c.is_whitespace())
        .filter(|p| !p.is_empty())
        .collect();
    let [day, month, year] = parts[..] else {
        return None;
    };
    let month = match month.parse::<u32>() {
        Ok(m) => m,
        Err(_) => {
            let i = MONTHS
                .iter()
                .position(|m| month.len() >= 3 && m.starts_with(month))?;
            i as u32 + 1
        }
    };
    let iso = format!("{year}-{month:02}-{:02}", day.parse::<u32>().ok()?);
    Date::parse(&iso).map(|_| iso)
}

/// A quarter written the Danish way (`4. kvartal 2027`, `Q4 2027`,
/// `2027 Q4`), as planpress reads it: `2027-Q4`.
pub(super) fn quarter(written: &str) -> Option<String> {
    let w = written.trim().to_lowercase();
    let digits: Vec<&str> = w
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .collect();
    let named = w.contains("kvartal") || w.contains("kvt") || w.contains('q');
    let [a, b] = digits[..] else { return None };
    let (q, year) = if a.len() == 4 { (b, a) } else { (a, b) };
    let iso = format!("{year}-Q{q}");
    (named && Deadline::parse(&iso).is_some()).then_some(iso)
}

/// A month written the Danish way (`september 2026`, `sep. 2026`,
/// `09-2026`), as planpress reads it: `2026-09`.
pub(super) fn month(written: &str) -> Option<String> {
    let w = written.trim().to_lowercase();
    let parts: Vec<&str> = w
        .split(|c: char| c == '-' || c == '.' || c == '/' || c.is_whitespace())
        .filter(|p| !p.is_empty())
        .collect();
    let [month, year] = parts[..] else {
        return None;
    };
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let month = match month.parse::<u32>() {
        Ok(m) => m,
        Err(_) => {
            MONTHS
                .iter()
                .position(|m| month.len() >= 3 && m.starts_with(month))? as u32
                + 1
        }
    };
    (1..=12)
        .contains(&month)
        .then(|| format!("{year}-{month:02}"))
}

/// `sag`, `dagsordenspunkt`: the kind of document meant.
pub(super) fn kind(written: &str) -> Option<&'static str> {
    Some(match written.trim().to_lowercase().as_str() {
        "sag" | "sager" | "dagsordenspunkt" | "punkt" | "udvalgssag" | "indstilling"
        | "sagsfremstilling" => "case",
        "handleplan" | "beskæftigelsesplan" | "politik" | "strategi" => "plan",
        _ => return None,
    })
}

/// `åbent`, `lukket punkt`: whether the item is open or closed.
pub(super) fn access(written: &str) -> Option<crate::model::Access> {
    use crate::model::Access;
    let w = written.trim().to_lowercase();
    let w = w.trim_end_matches(" punkt");
    Some(match w {
        "åben" | "åbent" | "aaben" | "aabent" | "offentlig" | "offentligt" | "public" => {
            Access::Open
        }
        "lukket" | "fortrolig" | "fortroligt" | "private" | "lukket møde" => Access::Closed,
        _ => return None,
    })
}

/// A meeting written the Danish way (`9. marts 2027 kl. 15.00`,
/// `tirsdag den 9. marts 2027`, `2027-03-09 15.00`), as planpress reads
/// it: `2027-03-09 15:00`.
pub(super) fn meeting(written: &str) -> Option<String> {
    const DAYS: [&str; 7] = [
        "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
    ];
    let w = written.trim().to_lowercase();
    let mut words: Vec<&str> = w
        .split([' ', ','])
        .filter(|t| !t.is_empty() && !matches!(*t, "kl." | "kl" | "den"))
        .filter(|t| !DAYS.contains(t))
        .collect();
    // The last word is the time when it reads as one: `15.00`, `9:30`.
    let time = words.last().and_then(|t| {
        let (h, m) = t.split_once(['.', ':'])?;
        let time = crate::model::Time::parse(&format!("{h}:{m}"))?;
        Some(format!(" {:02}:{:02}", time.hour, time.minute))
    });
    if time.is_some() {
        words.pop();
    }
    let day = words.join(" ");
    let iso = Date::parse(&day).map(Date::iso).or_else(|| date(&day))?;
    Some(format!("{iso}{}", time.unwrap_or_default()))
}

/// `ikke målt`, `-`, `ukendt`: words for a figure not measured yet.
pub(super) fn not_measured(written: &str) -> bool {
    matches!(
        written.trim().to_lowercase().as_str(),
        "ikke målt" | "ikke opgjort" | "mangler" | "ukendt" | "-" | "–" | "n/a" | "na" | "?"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danish_dates_and_quarters() {
        assert_eq!(date("31-12-2027").as_deref(), Some("2027-12-31"));
        assert_eq!(date("1.10.2026").as_deref(), Some("2026-10-01"));
        assert_eq!(date("1. oktober 2026").as_deref(), Some("2026-10-01"));
        assert_eq!(date("1. okt. 2026").as_deref(), Some("2026-10-01"));
        assert_eq!(date("31-02-2027"), None);
        assert_eq!(quarter("4. kvartal 2027").as_deref(), Some("2027-Q4"));
        assert_eq!(quarter("Q4 2027").as_deref(), Some("2027-Q4"));
        assert_eq!(quarter("2027 q1").as_deref(), Some("2027-Q1"));
        assert_eq!(quarter("5. kvartal 2027"), None);
        assert_eq!(
            meeting("9. marts 2027 kl. 15.00").as_deref(),
            Some("2027-03-09 15:00")
        );
        assert_eq!(
            meeting("Tirsdag den 9. marts 2027").as_deref(),
            Some("2027-03-09")
        );
        assert_eq!(
            meeting("2027-03-09 kl. 9.30").as_deref(),
            Some("2027-03-09 09:30")
        );
        assert_eq!(
            meeting("09.03.2027, 15:00").as_deref(),
            Some("2027-03-09 15:00")
        );
        assert_eq!(meeting("næste tirsdag"), None);
    }

    #[test]
    fn danish_words_for_fields_units_and_directions() {
        assert_eq!(
            meant_field("målgruppe", &["title", "target_group"]),
            Some("target_group")
        );
        assert_eq!(meant_field("mål", &["title", "goals"]), Some("goals"));
        assert_eq!(meant_field("mål", &["name", "targets"]), Some("targets"));
        assert_eq!(meant_field("Titel", &["title"]), Some("title"));
        assert_eq!(unit("Procent"), Some(Unit::Percent));
        assert_eq!(direction("stigende"), Some(Direction::Increase));
    }
}

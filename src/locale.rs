//! Numbers, dates and periods written the way the plan's language writes
//! them: `2.500`, `14,6 %`, `nr. 72`, `1. marts 2027`, `4. kvartal 2027` in
//! Danish; `2,500`, `14.6%`, `No. 72`, `1 March 2027`, `Q4 2027` in English.
//! Every renderer and export formats through here, so they agree.

use crate::model::{
    Date, Deadline, Indicator, Language, Meeting, Period, Status, Unit, Value, When,
};

/// A number as YAML would write it: `14.6`, `2500`.
pub fn plain_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        let s = format!("{n:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// A number with the language's thousands separator and decimal mark.
pub fn number(n: f64, lang: Language) -> String {
    let (thousands, decimal) = match lang {
        Language::Da => ('.', ','),
        Language::En => (',', '.'),
    };
    let plain = plain_number(n.abs());
    let (int, frac) = plain.split_once('.').unwrap_or((&plain, ""));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(thousands);
        }
        grouped.push(c);
    }
    let sign = if n < 0.0 { "−" } else { "" };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}{decimal}{frac}")
    }
}

/// A value in its unit: `14,6 %`, `nr. 72`, `2.500`, `1,2 mio. kr.`.
pub fn value(v: &Value, unit: Unit, lang: Language) -> String {
    match v {
        Value::Missing => "–".into(),
        Value::Text(t) => t.clone(),
        Value::Number(n) => match (unit, lang) {
            (Unit::Percent, Language::Da) => format!("{} %", number(*n, lang)),
            (Unit::Percent, Language::En) => format!("{}%", number(*n, lang)),
            (Unit::Rank, Language::Da) => format!("nr. {}", number(*n, lang)),
            (Unit::Rank, Language::En) => format!("No. {}", number(*n, lang)),
            (Unit::Amount, Language::Da) => format!("{} kr.", number(*n, lang)),
            (Unit::Amount, Language::En) => format!("DKK {}", number(*n, lang)),
            _ => number(*n, lang),
        },
    }
}

/// A change between two figures, signed, in its unit: `+90`, `−0,9
/// procentpoint`, `+450.000 kr.`; `0` for none. A change of a percentage
/// is in percentage points, not per cent.
pub fn change(delta: f64, unit: Unit, lang: Language) -> String {
    let sign = if delta > 0.0 { "+" } else { "" };
    let n = format!("{sign}{}", number(delta, lang));
    match (unit, lang) {
        (Unit::Percent, Language::Da) => format!("{n} procentpoint"),
        (Unit::Percent, Language::En) => format!("{n} percentage points"),
        (Unit::Amount, Language::Da) => format!("{n} kr."),
        (Unit::Amount, Language::En) => format!("DKK {n}"),
        (Unit::Rank, Language::Da) => format!("{n} pladser"),
        (Unit::Rank, Language::En) => format!("{n} places"),
        _ => n,
    }
}

/// A figure of an indicator: its value in its unit, or, for a count or an
/// amount with a `unit_label`, the number followed by that label
/// (`1.250 timer`, `3,5 mio. kr.`).
pub fn figure(v: &Value, ind: &Indicator, lang: Language) -> String {
    match (v, &ind.unit_label, ind.unit) {
        (Value::Number(n), Some(label), Unit::Count | Unit::Amount) => {
            format!("{} {label}", number(*n, lang))
        }
        _ => value(v, ind.unit, lang),
    }
}

const MONTHS_DA: [&str; 12] = [
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
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub fn date(d: Date, lang: Language) -> String {
    let m = (d.month as usize).saturating_sub(1).min(11);
    match lang {
        Language::Da => format!("{}. {} {}", d.day, MONTHS_DA[m], d.year),
        Language::En => format!("{} {} {}", d.day, MONTHS_EN[m], d.year),
    }
}

/// The day of the week, 0 for Sunday (Sakamoto's method).
fn weekday(d: Date) -> usize {
    const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let m = (d.month as usize).clamp(1, 12);
    let y = if m < 3 { d.year - 1 } else { d.year };
    (y + y / 4 - y / 100 + y / 400 + T[m - 1] + d.day as i32).rem_euclid(7) as usize
}

/// A meeting's day and hour: `tirsdag den 9. marts 2027 kl. 15.00`,
/// `Tuesday 9 March 2027, 15:00`.
pub fn meeting(m: Meeting, lang: Language) -> String {
    const DAYS_DA: [&str; 7] = [
        "søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag",
    ];
    const DAYS_EN: [&str; 7] = [
        "Sunday",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
    ];
    let day = weekday(m.date);
    match (lang, m.time) {
        (Language::Da, None) => format!("{} den {}", DAYS_DA[day], date(m.date, lang)),
        (Language::Da, Some(t)) => format!(
            "{} den {} kl. {:02}.{:02}",
            DAYS_DA[day],
            date(m.date, lang),
            t.hour,
            t.minute
        ),
        (Language::En, None) => format!("{} {}", DAYS_EN[day], date(m.date, lang)),
        (Language::En, Some(t)) => format!(
            "{} {}, {:02}:{:02}",
            DAYS_EN[day],
            date(m.date, lang),
            t.hour,
            t.minute
        ),
    }
}

pub fn deadline(d: Deadline, lang: Language) -> String {
    match (d, lang) {
        (Deadline::Date(d), _) => date(d, lang),
        (Deadline::Quarter { year, quarter }, Language::Da) => format!("{quarter}. kvartal {year}"),
        (Deadline::Quarter { year, quarter }, Language::En) => format!("Q{quarter} {year}"),
    }
}

/// A figure's period: `2026`, `3. kvartal 2026`, `september 2026` in
/// Danish; `2026`, `Q3 2026`, `September 2026` in English.
pub fn when(w: When, lang: Language) -> String {
    match w {
        When::Year(y) => y.to_string(),
        _ => format!("{} {}", within_year(w, lang), w.year()),
    }
}

/// The part of a year a period is, without the year, for a table whose
/// column already names it: `3. kvartal`, `september`; `Q3`, `September`.
/// Empty for a whole year.
pub fn within_year(w: When, lang: Language) -> String {
    match (w, lang) {
        (When::Year(_), _) => String::new(),
        (When::Quarter(_, q), Language::Da) => format!("{q}. kvartal"),
        (When::Quarter(_, q), Language::En) => format!("Q{q}"),
        (When::Month(_, m), Language::Da) => MONTHS_DA[month_index(m)].to_string(),
        (When::Month(_, m), Language::En) => MONTHS_EN[month_index(m)].to_string(),
    }
}

fn month_index(m: u8) -> usize {
    usize::from(m).saturating_sub(1).min(11)
}

/// `2019–2022` with an en dash, or a single year.
pub fn period(p: Period) -> String {
    if p.start == p.end {
        p.start.to_string()
    } else {
        format!("{}–{}", p.start, p.end)
    }
}

/// The status in words. Themes may relabel these; exports use them as is.
pub fn status(s: Status, lang: Language) -> &'static str {
    match (s, lang) {
        (Status::Achieved, Language::Da) => "Opfyldt",
        (Status::OnTrack, Language::Da) => "På vej",
        (Status::OffTrack, Language::Da) => "Ikke på vej",
        (Status::NotMeasured, Language::Da) => "Ikke målt",
        (Status::NotAssessed, Language::Da) => "Ikke vurderet",
        (Status::Achieved, Language::En) => "Achieved",
        (Status::OnTrack, Language::En) => "On track",
        (Status::OffTrack, Language::En) => "Off track",
        (Status::NotMeasured, Language::En) => "Not measured",
        (Status::NotAssessed, Language::En) => "Not assessed",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meetings_with_their_weekday() {
        let m = Meeting::parse("2027-03-09 15:00").unwrap();
        assert_eq!(
            meeting(m, Language::Da),
            "tirsdag den 9. marts 2027 kl. 15.00"
        );
        assert_eq!(meeting(m, Language::En), "Tuesday 9 March 2027, 15:00");
        let day = Meeting::parse("2028-02-29").unwrap();
        assert_eq!(meeting(day, Language::Da), "tirsdag den 29. februar 2028");
        let day = Meeting::parse("2026-01-01").unwrap();
        assert_eq!(meeting(day, Language::En), "Thursday 1 January 2026");
    }

    #[test]
    fn danish_conventions() {
        let da = Language::Da;
        assert_eq!(value(&Value::Number(2500.0), Unit::Count, da), "2.500");
        assert_eq!(value(&Value::Number(14.6), Unit::Percent, da), "14,6 %");
        assert_eq!(value(&Value::Number(72.0), Unit::Rank, da), "nr. 72");
        assert_eq!(
            value(&Value::Number(1234567.5), Unit::Amount, da),
            "1.234.567,5 kr."
        );
        assert_eq!(
            date(
                Date {
                    year: 2027,
                    month: 3,
                    day: 1
                },
                da
            ),
            "1. marts 2027"
        );
        assert_eq!(
            deadline(
                Deadline::Quarter {
                    year: 2027,
                    quarter: 4
                },
                da
            ),
            "4. kvartal 2027"
        );
        assert_eq!(
            period(Period {
                start: 2019,
                end: 2022
            }),
            "2019–2022"
        );
        assert_eq!(when(When::Quarter(2026, 3), da), "3. kvartal 2026");
        assert_eq!(when(When::Month(2026, 9), da), "september 2026");
        assert_eq!(within_year(When::Month(2026, 12), da), "december");
        assert_eq!(within_year(When::Year(2026), da), "");
        assert_eq!(change(0.9, Unit::Percent, da), "+0,9 procentpoint");
        assert_eq!(change(-5.0, Unit::Count, da), "−5");
        assert_eq!(change(1500.0, Unit::Count, da), "+1.500");
        assert_eq!(change(0.0, Unit::Count, da), "0");
    }

    #[test]
    fn english_conventions() {
        let en = Language::En;
        assert_eq!(value(&Value::Number(2500.0), Unit::Count, en), "2,500");
        assert_eq!(value(&Value::Number(14.6), Unit::Percent, en), "14.6%");
        assert_eq!(value(&Value::Number(72.0), Unit::Rank, en), "No. 72");
        assert_eq!(
            date(
                Date {
                    year: 2027,
                    month: 3,
                    day: 1
                },
                en
            ),
            "1 March 2027"
        );
        assert_eq!(
            deadline(
                Deadline::Quarter {
                    year: 2027,
                    quarter: 4
                },
                en
            ),
            "Q4 2027"
        );
        assert_eq!(when(When::Quarter(2026, 3), en), "Q3 2026");
        assert_eq!(when(When::Month(2026, 9), en), "September 2026");
        assert_eq!(when(When::Year(2026), en), "2026");
        assert_eq!(number(999.0, en), "999");
        assert_eq!(number(-1000.0, en), "−1,000");
    }
}

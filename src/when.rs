//! When a figure was measured or is due: a year (`2026`), a quarter
//! (`2026-Q3`) or a month (`2026-09`).
//!
//! Follow-up runs quarterly or monthly while targets are set by year, so one
//! indicator may compare a quarter's figure with a year's target. Periods of
//! different grains are therefore ordered and compared by the months they
//! cover, never by their text.

use crate::model::{Date, YEARS};

/// The period a figure belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum When {
    Year(i32),
    /// A quarter, 1–4.
    Quarter(i32, u8),
    /// A month, 1–12.
    Month(i32, u8),
}

/// How fine a period is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Grain {
    Year,
    Quarter,
    Month,
}

impl Grain {
    /// The grains with the word a message or an export uses for them.
    pub const ALL: [(Grain, &'static str); 3] = [
        (Grain::Year, "year"),
        (Grain::Quarter, "quarter"),
        (Grain::Month, "month"),
    ];

    pub fn code(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(g, _)| *g == self)
            .map_or("", |(_, w)| w)
    }
}

/// Why a text is not a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodProblem {
    /// Not `2026`, `2026-Q3` or `2026-09`.
    Form,
    /// `2026-Q5`: a quarter that does not exist.
    Quarter(u32),
    /// `2026-13`: a month that does not exist.
    Month(u32),
    /// A year outside [`YEARS`].
    Year(i32),
}

impl When {
    /// Reads `2026`, `2026-Q3` (or `2026-q3`) and `2026-09` (or `2026-9`).
    pub fn parse(text: &str) -> Result<When, PeriodProblem> {
        let t = text.trim();
        let (year, rest) = match t.split_once('-') {
            Some((y, r)) => (y, Some(r)),
            None => (t, None),
        };
        let year = digits(year, 4..=4).ok_or(PeriodProblem::Form)? as i32;
        if !YEARS.contains(&year) {
            return Err(PeriodProblem::Year(year));
        }
        let Some(rest) = rest else {
            return Ok(When::Year(year));
        };
        if let Some(q) = rest.strip_prefix(['Q', 'q']) {
            let q = digits(q, 1..=2).ok_or(PeriodProblem::Form)?;
            return match u8::try_from(q) {
                Ok(q @ 1..=4) => Ok(When::Quarter(year, q)),
                _ => Err(PeriodProblem::Quarter(q)),
            };
        }
        let m = digits(rest, 1..=2).ok_or(PeriodProblem::Form)?;
        match u8::try_from(m) {
            Ok(m @ 1..=12) => Ok(When::Month(year, m)),
            _ => Err(PeriodProblem::Month(m)),
        }
    }

    /// Reads what [`When::parse`] reads, and the forms statistics exports
    /// write: `2026K3` and `2026Q3` (quarters), `2026M09` (months).
    pub fn parse_export(text: &str) -> Result<When, PeriodProblem> {
        let t = text.trim();
        let parsed = When::parse(t);
        if parsed.is_ok() || t.len() < 6 || !t.is_char_boundary(4) {
            return parsed;
        }
        let (year, rest) = t.split_at(4);
        let iso = match rest.as_bytes()[0] {
            b'K' | b'k' | b'Q' | b'q' => format!("{year}-Q{}", &rest[1..]),
            b'M' | b'm' => format!("{year}-{}", &rest[1..]),
            _ => return parsed,
        };
        When::parse(&iso)
    }

    pub fn year(self) -> i32 {
        match self {
            When::Year(y) | When::Quarter(y, _) | When::Month(y, _) => y,
        }
    }

    pub fn grain(self) -> Grain {
        match self {
            When::Year(_) => Grain::Year,
            When::Quarter(..) => Grain::Quarter,
            When::Month(..) => Grain::Month,
        }
    }

    /// The first and last month it covers (1–12).
    fn months(self) -> (u32, u32) {
        match self {
            When::Year(_) => (1, 12),
            When::Quarter(_, q) => (u32::from(q) * 3 - 2, u32::from(q) * 3),
            When::Month(_, m) => (u32::from(m), u32::from(m)),
        }
    }

    /// Months since the start of year 0 of its first and last month, so
    /// periods of any grain compare on one line.
    fn span(self) -> (i64, i64) {
        let base = i64::from(self.year()) * 12 - 1;
        let (first, last) = self.months();
        (base + i64::from(first), base + i64::from(last))
    }

    /// Its first day.
    pub fn start(self) -> Date {
        Date {
            year: self.year(),
            month: self.months().0,
            day: 1,
        }
    }

    /// Its last day.
    pub fn end(self) -> Date {
        let year = self.year();
        let month = self.months().1;
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let day = match month {
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => 31,
        };
        Date { year, month, day }
    }

    /// Whether it ends before `other` starts.
    pub fn before(self, other: When) -> bool {
        self.span().1 < other.span().0
    }

    /// It comes straight after `prev`: no whole period of its own grain
    /// lies between them (2026 after 2025, 2026-Q1 after 2025 or 2025-Q4),
    /// so a line may join them without hiding a period left unmeasured.
    pub fn follows(self, prev: When) -> bool {
        let (first, last) = self.months();
        let gap = self.span().0 - prev.span().1 - 1;
        gap >= 0 && gap < i64::from(last - first + 1)
    }

    /// Where it lies on a time line counted in years, at its middle:
    /// `2026` is 2026.5, `2026-Q1` is 2026.125.
    pub fn middle(self) -> f64 {
        let (first, last) = self.span();
        (first + last + 1) as f64 / 24.0
    }

    /// The machine form, as front matter writes it: `2026`, `2026-Q3`,
    /// `2026-09`.
    pub fn iso(self) -> String {
        match self {
            When::Year(y) => y.to_string(),
            When::Quarter(y, q) => format!("{y}-Q{q}"),
            When::Month(y, m) => format!("{y}-{m:02}"),
        }
    }
}

impl Ord for When {
    /// Earlier first; of two periods that start together, the shorter.
    fn cmp(&self, other: &When) -> std::cmp::Ordering {
        self.span().cmp(&other.span())
    }
}

impl PartialOrd for When {
    fn partial_cmp(&self, other: &When) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl std::fmt::Display for When {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(&self.iso())
    }
}

/// `s` as a number of `len` ASCII digits.
fn digits(s: &str, len: std::ops::RangeInclusive<usize>) -> Option<u32> {
    (len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_forms_and_their_mistakes() {
        assert_eq!(When::parse("2026"), Ok(When::Year(2026)));
        assert_eq!(When::parse("2026-Q3"), Ok(When::Quarter(2026, 3)));
        assert_eq!(When::parse(" 2026-q4 "), Ok(When::Quarter(2026, 4)));
        assert_eq!(When::parse("2026-09"), Ok(When::Month(2026, 9)));
        assert_eq!(When::parse("2026-9"), Ok(When::Month(2026, 9)));
        assert_eq!(When::parse("2026-Q5"), Err(PeriodProblem::Quarter(5)));
        assert_eq!(When::parse("2026-Q0"), Err(PeriodProblem::Quarter(0)));
        assert_eq!(When::parse("2026-13"), Err(PeriodProblem::Month(13)));
        assert_eq!(When::parse("2026-00"), Err(PeriodProblem::Month(0)));
        assert_eq!(When::parse("26"), Err(PeriodProblem::Form));
        assert_eq!(When::parse("2026-09-01"), Err(PeriodProblem::Form));
        assert_eq!(When::parse("3. kvartal"), Err(PeriodProblem::Form));
        assert_eq!(When::parse("1850"), Err(PeriodProblem::Year(1850)));
        assert_eq!(When::parse_export("2026K3"), Ok(When::Quarter(2026, 3)));
        assert_eq!(When::parse_export("2026M09"), Ok(When::Month(2026, 9)));
        assert_eq!(When::parse_export("2026Q2"), Ok(When::Quarter(2026, 2)));
        assert_eq!(When::parse_export("2026K7"), Err(PeriodProblem::Quarter(7)));
        assert_eq!(When::parse_export("2026"), Ok(When::Year(2026)));
    }

    #[test]
    fn periods_of_any_grain_share_one_time_line() {
        let (y, q3, sep, q4) = (
            When::Year(2026),
            When::Quarter(2026, 3),
            When::Month(2026, 9),
            When::Quarter(2026, 4),
        );
        assert!(When::Year(2025) < q3 && q3 < q4);
        assert!(
            When::Month(2026, 7) < q3,
            "July starts with Q3 and is shorter"
        );
        assert!(sep > q3 && sep < q4);
        assert!(When::Year(2025).before(q3));
        assert!(!y.before(q4) && !q3.before(sep));
        assert!(q3.before(When::Year(2027)));
        assert_eq!(q3.start(), Date::parse("2026-07-01").unwrap());
        assert_eq!(q3.end(), Date::parse("2026-09-30").unwrap());
        assert_eq!(
            When::Month(2028, 2).end(),
            Date::parse("2028-02-29").unwrap()
        );
        assert_eq!(y.middle(), 2026.5);
        assert_eq!(When::Quarter(2026, 1).middle(), 2026.125);
        assert_eq!(sep.iso(), "2026-09");
        assert_eq!(q3.to_string(), "2026-Q3");
    }
}

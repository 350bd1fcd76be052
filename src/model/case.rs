//! The committee case (a Danish *dagsordenspunkt*): a document kind of its
//! own. A case is short and read at one meeting, so it has a header of
//! facts instead of a cover, its sections flow on one after another, and it
//! ends in what the administration recommends and what the committee
//! decided.

use super::Date;

/// What kind of document a plan folder holds: `kind:` in plan.yaml.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Kind {
    /// A plan with goal tables (the default).
    #[default]
    Plan,
    /// A committee case, with its header of facts.
    Case(Box<Case>),
}

impl Kind {
    /// The names `kind:` takes, in the order the README lists them.
    pub const NAMES: [&'static str; 2] = ["plan", "case"];

    /// The name as written in plan.yaml.
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Plan => "plan",
            Kind::Case(_) => "case",
        }
    }

    /// The case's facts, when the document is a case.
    pub fn case(&self) -> Option<&Case> {
        match self {
            Kind::Plan => None,
            Kind::Case(case) => Some(case),
        }
    }
}

/// The header of a case: `case:` in plan.yaml.
#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    /// The committee that meets: `Beskæftigelses- og Erhvervsudvalget`.
    pub committee: String,
    pub meeting: Meeting,
    /// The case's number on the meeting's agenda, from 1.
    pub item: u32,
    /// The case number in the records system: `24.10.00-A00-3-26`.
    pub number: String,
    /// The document number of this text in the records system.
    pub document: Option<String>,
    pub access: Access,
    /// Who decides: `Udvalget`, `Byrådet`.
    pub authority: Option<String>,
}

/// When the committee meets: a day, and the hour when it is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Meeting {
    pub date: Date,
    pub time: Option<Time>,
}

/// A time of day, to the minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Time {
    pub hour: u8,
    pub minute: u8,
}

impl Meeting {
    /// Parses `2027-03-09`, `2027-03-09 15:00` or `2027-03-09T15:00`.
    pub fn parse(text: &str) -> Option<Meeting> {
        let t = text.trim();
        let (day, time) = match t.split_once([' ', 'T']) {
            Some((day, time)) => (day, Some(Time::parse(time)?)),
            None => (t, None),
        };
        Some(Meeting {
            date: Date::parse(day)?,
            time,
        })
    }

    /// The machine form: `2027-03-09T15:00`, or the day alone.
    pub fn iso(&self) -> String {
        match self.time {
            Some(t) => format!("{}T{:02}:{:02}", self.date.iso(), t.hour, t.minute),
            None => self.date.iso(),
        }
    }
}

impl Time {
    /// Parses `15:00` or `9:30`.
    pub fn parse(text: &str) -> Option<Time> {
        let (h, m) = text.trim().split_once(':')?;
        let digits = |s: &str, max: u8| {
            (!s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse::<u8>().ok())
                .flatten()
                .filter(|n| *n <= max)
        };
        Some(Time {
            hour: digits(h, 23)?,
            minute: digits(m, 59).filter(|_| m.len() == 2)?,
        })
    }
}

/// Whether the public may read the case: an open or a closed item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Open,
    Closed,
}

impl Access {
    pub const NAMES: [&'static str; 2] = ["open", "closed"];

    pub fn parse(s: &str) -> Option<Access> {
        match s {
            "open" => Some(Access::Open),
            "closed" => Some(Access::Closed),
            _ => None,
        }
    }

    /// The stable machine name, as written in plan.yaml and the data.
    pub fn code(self) -> &'static str {
        Access::NAMES[self as usize]
    }
}

/// What the administration recommends (*indstilling*): the numbered
/// "at …" points, as written.
#[derive(Debug, Clone, PartialEq)]
pub struct Recommendation {
    pub points: Vec<String>,
}

/// What the committee decided (*beslutning*).
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub date: Date,
    /// The decision in words; paragraphs apart by an empty line.
    pub text: String,
    /// Members who were not at the meeting.
    pub absent: Vec<String>,
}

impl Decision {
    /// The decision's paragraphs.
    pub fn paragraphs(&self) -> impl Iterator<Item = String> + '_ {
        self.text
            .split("\n\n")
            .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|p| !p.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meetings_with_and_without_a_time() {
        let m = Meeting::parse("2027-03-09 15:00").unwrap();
        assert_eq!(m.iso(), "2027-03-09T15:00");
        assert_eq!(
            Meeting::parse("2027-03-09T9:30").unwrap().iso(),
            "2027-03-09T09:30"
        );
        assert_eq!(Meeting::parse("2027-03-09").unwrap().iso(), "2027-03-09");
        for bad in [
            "2027-03-09 25:00",
            "2027-03-09 15:0",
            "2027-03-09 15.00",
            "2027-02-30",
            "9. marts 2027",
            "2027-03-09 15:00 16:00",
        ] {
            assert_eq!(Meeting::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn decision_paragraphs_join_their_lines() {
        let d = Decision {
            date: Date::parse("2027-03-09").unwrap(),
            text: "Indstillingen\nblev godkendt.\n\n\nSagen  sendes videre.\n".into(),
            absent: vec![],
        };
        assert_eq!(
            d.paragraphs().collect::<Vec<_>>(),
            ["Indstillingen blev godkendt.", "Sagen sendes videre."]
        );
    }
}

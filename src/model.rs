//! The typed plan: what every renderer walks.
//!
//! Renderers never see YAML or raw Markdown. Everything they need — resolved
//! links, computed statuses, the table of contents — is decided here once, so
//! the site, the PDF and the data exports cannot disagree.

use serde::Serialize;
use std::path::PathBuf;

mod case;
mod indicator;

pub use crate::markdown::{Align, Block, CalloutKind, Footnote, GoalsMarker, Inline, LinkTarget};
pub use crate::when::{Grain, When};
pub use case::{Access, Case, Decision, Kind, Meeting, Recommendation, Time};
pub use indicator::*;

/// The whole plan, ready to render.
#[derive(Debug, Clone)]
pub struct Plan {
    pub meta: Meta,
    pub target_groups: Vec<Named>,
    pub tracks: Vec<Named>,
    pub national_goals: Vec<Named>,
    /// Top-level sections in reading order; each may hold sub-sections.
    pub sections: Vec<Section>,
    /// The plan folder, for resolving assets (logo, images).
    pub root: PathBuf,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Meta {
    /// A plan, or a committee case with its header.
    pub kind: Kind,
    pub title: String,
    pub subtitle: Option<String>,
    pub organisation: String,
    pub summary: Option<String>,
    /// Always there in a plan; a case may leave it out.
    pub period: Option<Period>,
    pub language: Language,
    pub theme: String,
    pub as_of: Option<Date>,
    pub brand: Brand,
    pub base_url: Option<String>,
    /// Raw HTML in Markdown passes through unescaped. Unsafe; off by default.
    pub allow_html: bool,
    /// Where the document stands: a draft, out for consultation, adopted.
    pub status: DocumentStatus,
    /// When and by whom the plan was adopted, and the version adopted.
    pub adopted: Option<Adoption>,
    /// Who readers can ask about the plan (the colophon and the footer).
    pub contact: Contact,
    /// Which edition this is, in the author's words: "2. udgave".
    pub edition: Option<String>,
    /// The web address of the accessibility statement (tilgængelighedserklæring)
    /// that Danish public sites must link to.
    pub accessibility_statement: Option<String>,
}

/// Where a document stands. Shown on the cover and in the colophon.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DocumentStatus {
    #[default]
    Draft,
    Consultation,
    Adopted,
}

impl DocumentStatus {
    /// Every status with the word plan.yaml uses for it.
    pub const ALL: [(DocumentStatus, &'static str); 3] = [
        (DocumentStatus::Draft, "draft"),
        (DocumentStatus::Consultation, "consultation"),
        (DocumentStatus::Adopted, "adopted"),
    ];

    pub fn parse(word: &str) -> Option<DocumentStatus> {
        Self::ALL.iter().find(|(_, w)| *w == word).map(|(s, _)| *s)
    }

    pub fn code(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(s, _)| *s == self)
            .map_or("", |(_, w)| w)
    }
}

/// `adopted: { date, by, ref }` in plan.yaml.
#[derive(Debug, Clone, PartialEq)]
pub struct Adoption {
    pub date: Date,
    /// The body that adopted it: "Byrådet".
    pub by: Option<String>,
    /// The git commit or tag of the adopted version, for "what changed since".
    pub git_ref: Option<String>,
    /// The commit `git_ref` names, when git knows it (the check asks).
    pub commit: Option<GitCommit>,
    /// Where `ref` is written in plan.yaml: line and column.
    pub ref_at: (u32, u32),
}

/// A commit of the git repository that holds the plan folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GitCommit {
    /// The full hash.
    pub hash: String,
    /// The plan folder's path inside the repository, `/`-terminated, or
    /// empty when the plan is the repository's top.
    pub prefix: String,
}

/// `contact:` in plan.yaml; every part optional.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Contact {
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub url: Option<String>,
}

impl Contact {
    pub fn is_empty(&self) -> bool {
        self.name.is_none() && self.email.is_none() && self.phone.is_none() && self.url.is_none()
    }
}

/// Reads a `#rrggbb` or `#rgb` colour into its red, green and blue bytes.
/// The one parser for colours: validation, the site and the PDF all use it.
pub fn parse_colour(text: &str) -> Option<[u8; 3]> {
    let hex = text.trim().strip_prefix('#')?;
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let digit = |i: usize| u8::from_str_radix(&hex[i..=i], 16).ok();
    match hex.len() {
        3 => Some([digit(0)? * 17, digit(1)? * 17, digit(2)? * 17]),
        6 => {
            let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
            Some([byte(0)?, byte(2)?, byte(4)?])
        }
        _ => None,
    }
}

impl Meta {
    /// A plan's facts with the defaults plan.yaml documents for the rest:
    /// Danish, the default theme, the default brand colour, no extras.
    pub fn new(title: &str, organisation: &str, period: Period) -> Meta {
        Meta {
            kind: Kind::Plan,
            title: title.to_string(),
            subtitle: None,
            organisation: organisation.to_string(),
            summary: None,
            period: Some(period),
            language: Language::Da,
            theme: "default".into(),
            as_of: None,
            brand: Brand::default(),
            base_url: None,
            allow_html: false,
            status: DocumentStatus::Draft,
            adopted: None,
            contact: Contact::default(),
            edition: None,
            accessibility_statement: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Brand {
    /// A `#rrggbb` colour.
    pub primary: String,
    /// Relative to the plan folder.
    pub logo: Option<PathBuf>,
}

impl Default for Brand {
    fn default() -> Brand {
        Brand {
            primary: "#00558c".into(),
            logo: None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Da,
    En,
}

impl Language {
    /// The language a plan.yaml code names (`da`, `en`), if any.
    pub fn from_code(code: &str) -> Option<Language> {
        [Language::Da, Language::En]
            .into_iter()
            .find(|l| l.code() == code)
    }

    pub fn code(self) -> &'static str {
        match self {
            Language::Da => "da",
            Language::En => "en",
        }
    }
}

/// Years outside this range are typing mistakes, not plans.
pub const YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

/// The years a plan covers, inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub start: i32,
    pub end: i32,
}

impl Period {
    pub fn contains(self, year: i32) -> bool {
        (self.start..=self.end).contains(&year)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// Parses `YYYY-MM-DD`, accepting only days that exist in the calendar.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.trim().splitn(3, '-');
        let year = parse_digits(parts.next()?, 4)? as i32;
        let month = parse_digits(parts.next()?, 2)?;
        let day = parse_digits(parts.next()?, 2)?;
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days)
            .contains(&day)
            .then_some(Date { year, month, day })
    }

    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// The calendar day (UTC) of a time in seconds since 1970: the build's
    /// date, for the PDF's colophon.
    pub fn from_unix(secs: u64) -> Date {
        // Howard Hinnant's days-to-civil.
        let z = (secs / 86_400) as i64 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }
}

fn parse_digits(s: &str, len: usize) -> Option<u32> {
    (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// When a goal is due: a day, or the end of a quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deadline {
    Date(Date),
    Quarter { year: i32, quarter: u8 },
}

impl Deadline {
    /// Parses `2027-12-31` or `2027-Q4`.
    pub fn parse(text: &str) -> Option<Deadline> {
        let t = text.trim();
        if let Some((y, q)) = t.split_once("-Q").or_else(|| t.split_once("-q")) {
            let year = parse_digits(y, 4)? as i32;
            let quarter = parse_digits(q, 1)? as u8;
            return (1..=4)
                .contains(&quarter)
                .then_some(Deadline::Quarter { year, quarter });
        }
        Date::parse(t).map(Deadline::Date)
    }

    pub fn year(self) -> i32 {
        match self {
            Deadline::Date(d) => d.year,
            Deadline::Quarter { year, .. } => year,
        }
    }

    /// The machine form, as written in front matter.
    pub fn iso(self) -> String {
        match self {
            Deadline::Date(d) => d.iso(),
            Deadline::Quarter { year, quarter } => format!("{year}-Q{quarter}"),
        }
    }
}

/// An entry of a plan-level vocabulary (target group, track, national goal).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Named {
    pub id: String,
    pub name: String,
}

/// One page of the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// Unique across the plan; the page's file name without extension.
    pub slug: String,
    /// Relative to the plan folder, with `/` separators.
    pub source: String,
    pub title: String,
    pub target_group: Option<String>,
    pub summary: Option<String>,
    pub goals: Vec<Goal>,
    pub body: Vec<Block>,
    pub footnotes: Vec<Footnote>,
    /// Who signs the text (a foreword's committee chair), set after it.
    pub signature: Option<Signature>,
    /// `page_break: true`: the PDF starts the section on a new page.
    pub page_break: bool,
    /// A case's recommendation, shown after the section's text.
    pub recommendation: Option<Recommendation>,
    /// A case's decision, shown after the recommendation.
    pub decision: Option<Decision>,
    pub children: Vec<Section>,
}

/// `signature: { name, role }` in a section's front matter.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Signature {
    pub name: String,
    /// What the signer is: `Formand for Beskæftigelsesudvalget`.
    pub role: Option<String>,
}

impl Section {
    /// This section and all below it, in reading order.
    pub fn walk(&self) -> Vec<&Section> {
        let mut out = vec![self];
        for child in &self.children {
            out.extend(child.walk());
        }
        out
    }

    /// Goals that no `{{ goals() }}` or `{{ goal("ID") }}` marker places;
    /// renderers put them after the prose.
    pub fn unplaced_goals(&self) -> Vec<&Goal> {
        let mut all = false;
        let mut placed = Vec::new();
        visit_markers(&self.body, &mut |m| match m {
            GoalsMarker::All => all = true,
            GoalsMarker::One(id) => placed.push(id.clone()),
        });
        if all {
            return Vec::new();
        }
        self.goals
            .iter()
            .filter(|g| !placed.contains(&g.id))
            .collect()
    }

    /// The goals a marker stands for.
    pub fn goals_for(&self, marker: &GoalsMarker) -> Vec<&Goal> {
        match marker {
            GoalsMarker::All => self.goals.iter().collect(),
            GoalsMarker::One(id) => self.goals.iter().filter(|g| &g.id == id).collect(),
        }
    }
}

fn visit_markers(blocks: &[Block], f: &mut dyn FnMut(&GoalsMarker)) {
    for b in blocks {
        match b {
            Block::Goals(m) => f(m),
            Block::Quote { body, .. } | Block::Callout { body, .. } => visit_markers(body, f),
            Block::List { items, .. } => items.iter().for_each(|i| visit_markers(i, f)),
            _ => {}
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Goal {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    pub owner: Option<String>,
    pub national_goals: Vec<String>,
    pub tracks: Vec<String>,
    pub initiatives: Vec<String>,
    pub deadline: Option<Deadline>,
    pub links: Vec<GoalLink>,
    /// The target groups the goal serves: its own `target_groups`, or else
    /// its section's `target_group` (ids from plan.yaml).
    pub target_groups: Vec<String>,
    pub indicators: Vec<Indicator>,
    /// The goal's overall status, from its indicators.
    pub status: Status,
    /// The line of its `id` in the section file (for messages about it).
    pub line: u32,
}

impl Goal {
    /// The goal's anchor on its section page: `goal-v1`.
    pub fn anchor(&self) -> String {
        crate::markdown::slugify(&format!("goal-{}", self.id))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoalLink {
    pub title: String,
    pub url: String,
}

/// One line of the plan's table of contents.
#[derive(Debug, Clone, Serialize)]
pub struct TocEntry {
    pub slug: String,
    pub title: String,
    /// 1 for top-level sections, 2 for their sub-sections, …
    pub depth: usize,
    /// `1`, `2.1`, …
    pub number: String,
}

impl Plan {
    /// Every section in reading order, sub-sections after their parent.
    pub fn all_sections(&self) -> Vec<&Section> {
        self.sections.iter().flat_map(|s| s.walk()).collect()
    }

    /// Every goal with the section it belongs to, in reading order.
    pub fn all_goals(&self) -> Vec<(&Section, &Goal)> {
        self.all_sections()
            .into_iter()
            .flat_map(|s| s.goals.iter().map(move |g| (s, g)))
            .collect()
    }

    pub fn toc(&self) -> Vec<TocEntry> {
        fn add(out: &mut Vec<TocEntry>, sections: &[Section], prefix: &str, depth: usize) {
            for (i, s) in sections.iter().enumerate() {
                let number = format!("{prefix}{}", i + 1);
                out.push(TocEntry {
                    slug: s.slug.clone(),
                    title: s.title.clone(),
                    depth,
                    number: number.clone(),
                });
                add(out, &s.children, &format!("{number}."), depth + 1);
            }
        }
        let mut out = Vec::new();
        add(&mut out, &self.sections, "", 1);
        out
    }

    pub fn target_group_name(&self, id: &str) -> Option<&str> {
        find_name(&self.target_groups, id)
    }
    pub fn track_name(&self, id: &str) -> Option<&str> {
        find_name(&self.tracks, id)
    }
    pub fn national_goal_name(&self, id: &str) -> Option<&str> {
        find_name(&self.national_goals, id)
    }
}

fn find_name<'a>(list: &'a [Named], id: &str) -> Option<&'a str> {
    list.iter().find(|n| n.id == id).map(|n| n.name.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yv(year: i32, v: f64) -> Figure {
        Figure {
            when: When::Year(year),
            value: Value::Number(v),
        }
    }

    #[test]
    fn colours_in_both_forms() {
        assert_eq!(parse_colour("#00558c"), Some([0x00, 0x55, 0x8c]));
        assert_eq!(parse_colour(" #fa0 "), Some([0xff, 0xaa, 0x00]));
        assert_eq!(parse_colour("#+0558c"), None);
        assert_eq!(parse_colour("00558c"), None);
        assert_eq!(parse_colour("#00558"), None);
    }

    #[test]
    fn days_since_1970_become_calendar_dates() {
        let day = |secs| {
            let d = Date::from_unix(secs);
            (d.year, d.month, d.day)
        };
        assert_eq!(day(0), (1970, 1, 1));
        assert_eq!(day(20_454 * 86_400 + 86_399), (2026, 1, 1));
        assert_eq!(day(19_782 * 86_400), (2024, 2, 29));
    }

    #[test]
    fn dates_and_quarters_must_exist() {
        assert!(Date::parse("2028-02-29").is_some());
        assert!(Date::parse("2027-02-29").is_none());
        assert!(Date::parse("2027-13-01").is_none());
        assert_eq!(
            Deadline::parse("2027-Q4"),
            Some(Deadline::Quarter {
                year: 2027,
                quarter: 4
            })
        );
        assert!(Deadline::parse("2027-Q5").is_none());
        assert!(Deadline::parse("next year").is_none());
    }

    #[test]
    fn status_follows_direction() {
        let inc = Some(Direction::Increase);
        let base = yv(2024, 2000.0);
        let targets = [yv(2027, 2500.0)];
        let s = |actual: f64| {
            indicator_status(
                Unit::Count,
                inc,
                None,
                Some(&base),
                &[yv(2026, actual)],
                &targets,
            )
        };
        assert_eq!(s(2600.0), Status::Achieved);
        assert_eq!(s(2100.0), Status::OnTrack);
        assert_eq!(s(2000.0), Status::OffTrack);
        assert_eq!(s(1900.0), Status::OffTrack);
        assert_eq!(
            indicator_status(Unit::Count, inc, None, Some(&base), &[], &targets),
            Status::NotMeasured
        );
        let dec = Some(Direction::Decrease);
        let rank = |a: f64| {
            indicator_status(
                Unit::Rank,
                dec,
                None,
                Some(&yv(2024, 72.0)),
                &[yv(2025, a)],
                &[yv(2027, 50.0)],
            )
        };
        assert_eq!(rank(48.0), Status::Achieved);
        assert_eq!(rank(60.0), Status::OnTrack);
        assert_eq!(rank(72.0), Status::OffTrack);
        assert_eq!(rank(75.0), Status::OffTrack);
    }

    #[test]
    fn text_status_compares_words() {
        let t = |a: &str, assessment| {
            indicator_status(
                Unit::Text,
                None,
                assessment,
                None,
                &[Figure {
                    when: When::Year(2026),
                    value: Value::Text(a.into()),
                }],
                &[Figure {
                    when: When::Year(2027),
                    value: Value::Text("Høj tilfredshed".into()),
                }],
            )
        };
        assert_eq!(t("høj tilfredshed", None), Status::Achieved);
        // Other words are not judged by planpress: the author assesses them.
        assert_eq!(t("Middel", None), Status::NotAssessed);
        assert_eq!(t("Middel", Some(Assessment::OnTrack)), Status::OnTrack);
        assert_eq!(t("Middel", Some(Assessment::OffTrack)), Status::OffTrack);
    }

    #[test]
    fn goals_count_only_judged_indicators() {
        let ind = |status| Indicator {
            id: "X.1".into(),
            name: "x".into(),
            unit: Unit::Text,
            unit_label: None,
            note: None,
            assessment: None,
            direction: None,
            source: None,
            relative_to: None,
            baseline: None,
            actuals: Vec::new(),
            targets: Vec::new(),
            status,
        };
        let g = |s: &[Status]| goal_status(&s.iter().map(|s| ind(*s)).collect::<Vec<_>>());
        use Status::*;
        assert_eq!(g(&[NotAssessed, Achieved]), Achieved);
        assert_eq!(g(&[NotAssessed, OnTrack, Achieved]), OnTrack);
        assert_eq!(g(&[NotAssessed, OffTrack]), OffTrack);
        assert_eq!(g(&[NotAssessed, NotMeasured]), NotAssessed);
        assert_eq!(g(&[NotMeasured]), NotMeasured);
        assert_eq!(g(&[]), NotMeasured);
    }
}

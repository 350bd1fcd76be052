//! End-to-end tests of the rules for a committee case (`kind: case`): its
//! header in plan.yaml, a section's recommendation and decision, and the
//! rules across files. Each fixture is numbered in comments; positions are
//! 1-based.

mod common;
use common::*;

/// plan.yaml of a small case that checks clean:
///
/// ```text
///  1 kind: case
///  2 title: Status på ungeindsatsen
///  3 organisation: Testby Kommune
///  4 case:
///  5   committee: Beskæftigelsesudvalget
///  6   meeting: 2027-03-09 15:00
///  7   item: 4
///  8   number: 15.00.00-A00-1-27
///  9   access: open
/// ```
const CASE: &str = "\
kind: case
title: Status på ungeindsatsen
organisation: Testby Kommune
case:
  committee: Beskæftigelsesudvalget
  meeting: 2027-03-09 15:00
  item: 4
  number: 15.00.00-A00-1-27
  access: open
";

/// `content/02-indstilling.md`:
///
/// ```text
///  1 ---
///  2 title: Indstilling
///  3 recommendation:
///  4   - at udvalget tager orienteringen til efterretning
///  5 decision:
///  6   date: 2027-03-09
///  7   text: Godkendt.
///  8 ---
///  9
/// 10 Direktøren indstiller,
/// ```
const INDSTILLING: &str = "\
---
title: Indstilling
recommendation:
  - at udvalget tager orienteringen til efterretning
decision:
  date: 2027-03-09
  text: Godkendt.
---

Direktøren indstiller,
";

const RESUME: &str = "---\ntitle: Resumé\n---\n\nKort om sagen.\n";

fn case(name: &str) -> Plan {
    let plan = Plan::empty(name);
    plan.write("plan.yaml", CASE)
        .write("content/01-resume.md", RESUME)
        .write("content/02-indstilling.md", INDSTILLING);
    plan
}

/// `CASE` with line `line` (1-based) replaced by `text`.
fn case_with(line: usize, text: &str) -> String {
    let mut lines: Vec<&str> = CASE.lines().collect();
    lines[line - 1] = text;
    lines.join("\n") + "\n"
}

#[test]
fn a_case_without_a_period_checks_clean() {
    let plan = case("case_clean");
    let (run, json) = plan.check_json(&[]);
    assert_clean(&json);
    run.assert_code(0);
    // A period, when given, is still checked.
    plan.write("plan.yaml", &format!("{CASE}period: 2027-2026\n"));
    only(&plan, "error", "invalid-value", "plan.yaml", 10, 9);
}

#[test]
fn an_unknown_kind_with_the_danish_word_meant() {
    let plan = case("case_unknown_kind");
    plan.write("plan.yaml", &case_with(1, "kind: sag"));
    let d = only(&plan, "error", "invalid-value", "plan.yaml", 1, 7);
    assert_eq!(d.message, "ukendt dokumenttype `sag`", "{d}");
    assert_eq!(d.hint.as_deref(), Some("mente du `case`?"), "{d}");
    let en = in_english(&plan, "invalid-value", "plan.yaml", 1, 7);
    assert_eq!(en.message, "unknown kind of document `sag`", "{en}");
}

#[test]
fn a_case_block_in_a_plan() {
    let plan = Plan::new("case_block_in_plan");
    // 12 case:
    // 13   committee: Beskæftigelsesudvalget
    plan.write(
        "plan.yaml",
        &format!("{BASE_PLAN}case:\n  committee: Beskæftigelsesudvalget\n"),
    );
    let d = only(&plan, "error", "not-a-case", "plan.yaml", 12, 1);
    assert_eq!(
        d.message, "`case:` hører til en sag, men dokumentet er en plan",
        "{d}"
    );
    assert!(
        d.hint.as_deref().unwrap_or("").contains("`kind: case`"),
        "{d}"
    );
    let en = in_english(&plan, "not-a-case", "plan.yaml", 12, 1);
    assert_eq!(
        en.message, "`case:` belongs to a case, but the document is a plan",
        "{en}"
    );
}

#[test]
fn a_case_without_its_header() {
    let plan = case("case_without_header");
    plan.write("plan.yaml", "kind: case\ntitle: T\norganisation: O\n");
    let d = only(&plan, "error", "missing-field", "plan.yaml", 1, 7);
    assert!(d.message.contains("`case:`"), "{d}");
    assert!(
        d.hint.as_deref().unwrap_or("").contains("committee:"),
        "{d}"
    );
}

#[test]
fn a_meeting_written_the_danish_way() {
    let plan = case("case_danish_meeting");
    plan.write(
        "plan.yaml",
        &case_with(6, "  meeting: 9. marts 2027 kl. 15.00"),
    );
    let d = only(&plan, "error", "invalid-date", "plan.yaml", 6, 12);
    assert_eq!(
        d.message, "`9. marts 2027 kl. 15.00` er ikke en dato eller en dato med klokkeslæt",
        "{d}"
    );
    assert_eq!(
        d.hint.as_deref(),
        Some("skriv `meeting: 2027-03-09 15:00`"),
        "{d}"
    );
    plan.write("plan.yaml", &case_with(6, "  meeting: næste tirsdag"));
    let d = only(&plan, "error", "invalid-date", "plan.yaml", 6, 12);
    assert!(
        d.hint.as_deref().unwrap_or("").contains("2027-03-09 15:00"),
        "{d}"
    );
    plan.write("plan.yaml", &case_with(6, "  meeting: 2027-03-09 24:00"));
    only(&plan, "error", "invalid-date", "plan.yaml", 6, 12);
}

#[test]
fn an_item_that_is_not_a_whole_number_from_one() {
    let plan = case("case_item");
    plan.write("plan.yaml", &case_with(7, "  item: fire"));
    let d = only(&plan, "error", "wrong-type", "plan.yaml", 7, 9);
    assert_eq!(
        d.hint.as_deref(),
        Some("skriv et helt tal, fx `item: 3`"),
        "{d}"
    );
    plan.write("plan.yaml", &case_with(7, "  item: 0"));
    let d = only(&plan, "error", "invalid-value", "plan.yaml", 7, 9);
    assert_eq!(
        d.message, "punktets nummer på dagsordenen skal være 1 eller mere, ikke 0",
        "{d}"
    );
    let en = in_english(&plan, "invalid-value", "plan.yaml", 7, 9);
    assert_eq!(
        en.message, "the item's number on the agenda must be 1 or more, not 0",
        "{en}"
    );
}

#[test]
fn access_is_open_or_closed() {
    let plan = case("case_access");
    plan.write("plan.yaml", &case_with(9, "  access: lukket punkt"));
    let d = only(&plan, "error", "invalid-value", "plan.yaml", 9, 11);
    assert_eq!(
        d.message, "`lukket punkt` siger ikke, om punktet er åbent eller lukket",
        "{d}"
    );
    assert_eq!(d.hint.as_deref(), Some("mente du `closed`?"), "{d}");
    plan.write("plan.yaml", &case_with(9, "  access: måske"));
    let d = only(&plan, "error", "invalid-value", "plan.yaml", 9, 11);
    assert!(
        d.hint.as_deref().unwrap_or("").contains("`access: closed`"),
        "{d}"
    );
    plan.write("plan.yaml", &case_with(9, "  access: [open]"));
    only(&plan, "error", "wrong-type", "plan.yaml", 9, 11);
}

#[test]
fn the_header_needs_its_fields_and_knows_no_others() {
    let plan = case("case_header_fields");
    // 5   udvalg: Beskæftigelsesudvalget
    plan.write(
        "plan.yaml",
        &case_with(5, "  udvalg: Beskæftigelsesudvalget"),
    );
    let d = only(&plan, "error", "unknown-field", "plan.yaml", 5, 3);
    assert_eq!(
        d.message, "ukendt felt `udvalg` i sagens oplysninger (`case`)",
        "{d}"
    );
    assert_eq!(d.hint.as_deref(), Some("mente du `committee`?"), "{d}");
    plan.write("plan.yaml", &case_with(5, "  document: 2027-1"));
    let d = only(&plan, "error", "missing-field", "plan.yaml", 5, 3);
    assert_eq!(
        d.message, "sagens oplysninger (`case`) mangler `committee`",
        "{d}"
    );
    let en = in_english(&plan, "missing-field", "plan.yaml", 5, 3);
    assert_eq!(
        en.message, "the case header (`case`) has no `committee`",
        "{en}"
    );
    plan.write(
        "plan.yaml",
        "kind: case\ntitle: T\norganisation: O\ncase: Beskæftigelsesudvalget\n",
    );
    only(&plan, "error", "wrong-type", "plan.yaml", 4, 7);
}

#[test]
fn a_recommendation_or_decision_in_a_plan() {
    let plan = Plan::new("case_parts_in_plan");
    // 3 recommendation:
    plan.write(
        "content/03-indstilling.md",
        "---\ntitle: Indstilling\nrecommendation:\n  - at planen godkendes\n---\n",
    );
    let d = only(
        &plan,
        "error",
        "not-a-case",
        "content/03-indstilling.md",
        3,
        1,
    );
    assert_eq!(
        d.message, "`recommendation` hører til en sag, men dokumentet er en plan",
        "{d}"
    );
    // 3 decision: { date: 2027-03-09, text: Godkendt. }
    plan.write(
        "content/03-indstilling.md",
        "---\ntitle: Indstilling\ndecision: { date: 2027-03-09, text: Godkendt. }\n---\n",
    );
    let en = in_english(&plan, "not-a-case", "content/03-indstilling.md", 3, 1);
    assert_eq!(
        en.message, "`decision` belongs to a case, but the document is a plan",
        "{en}"
    );
}

#[test]
fn a_recommendation_is_a_list_of_points() {
    let plan = case("case_recommendation_list");
    let file = "content/02-indstilling.md";
    // 3 recommendation: at udvalget tager orienteringen til efterretning
    plan.write(
        file,
        &INDSTILLING.replace("recommendation:\n  - at", "recommendation: at"),
    );
    let d = only(&plan, "error", "wrong-type", file, 3, 17);
    assert!(
        d.hint
            .as_deref()
            .unwrap_or("")
            .contains("- at udvalget tager orienteringen til efterretning"),
        "{d}"
    );
    // 3 recommendation: []
    plan.write(
        file,
        &INDSTILLING.replace(
            "recommendation:\n  - at udvalget tager orienteringen til efterretning",
            "recommendation: []",
        ),
    );
    let d = only(&plan, "error", "missing-field", file, 3, 17);
    assert_eq!(d.message, "indstillingen har ingen punkter", "{d}");
}

#[test]
fn a_second_recommendation_or_decision() {
    let plan = case("case_twice");
    // 3 recommendation:
    plan.write(
        "content/03-igen.md",
        "---\ntitle: Igen\nrecommendation:\n  - at det hele gentages\n---\n",
    );
    let d = only(&plan, "error", "case-twice", "content/03-igen.md", 3, 1);
    assert_eq!(
        d.message, "sagen har allerede `recommendation` i content/02-indstilling.md",
        "{d}"
    );
    assert_eq!(
        d.hint.as_deref(),
        Some("en sag har kun én `recommendation`: saml den i ét afsnit"),
        "{d}"
    );
    // The human report points at the first one too.
    let run = plan.check(&[]);
    assert!(
        run.stderr.contains("content/02-indstilling.md:3:1"),
        "{}",
        run.stderr
    );
    plan.write(
        "content/03-igen.md",
        "---\ntitle: Igen\ndecision: { date: 2027-03-10, text: Udsat. }\n---\n",
    );
    let en = in_english(&plan, "case-twice", "content/03-igen.md", 3, 1);
    assert_eq!(
        en.message, "the case already has its `decision` in content/02-indstilling.md",
        "{en}"
    );
}

#[test]
fn a_point_that_does_not_begin_with_at() {
    let plan = case("case_point_without_at");
    let file = "content/02-indstilling.md";
    plan.write(
        file,
        &INDSTILLING.replace("  - at udvalget", "  - Udvalget"),
    );
    let d = only(&plan, "warning", "case-recommendation", file, 4, 5);
    assert_eq!(
        d.message,
        "punktet `Udvalget tager orienteringen til efterretning` i indstillingen begynder ikke med `at`",
        "{d}"
    );
    assert_eq!(
        d.hint.as_deref(),
        Some("skriv `- at udvalget tager orienteringen til efterretning`"),
        "{d}"
    );
    // --strict makes it stop a build.
    plan.build(&["--strict", "--only", "data"]).assert_code(1);
    // An English case begins its points with "that".
    plan.write("plan.yaml", &format!("{CASE}language: en\n"));
    plan.write(
        file,
        &INDSTILLING.replace("  - at udvalget", "  - that the committee notes"),
    );
    let (_, json) = plan.check_json(&[]);
    assert_clean(&json);
    plan.write(
        file,
        &INDSTILLING.replace("  - at udvalget", "  - the committee notes"),
    );
    let d = only(&plan, "warning", "case-recommendation", file, 4, 5);
    assert_eq!(
        d.message,
        "the recommendation's point `the committee notes tager orienteringen til …` does not begin with `that`",
        "{d}"
    );
}

#[test]
fn a_case_without_a_recommendation() {
    let plan = case("case_without_recommendation");
    plan.write(
        "content/02-indstilling.md",
        "---\ntitle: Indstilling\n---\n\nDirektøren indstiller, at sagen tages til efterretning.\n",
    );
    let d = only(&plan, "warning", "case-recommendation", "plan.yaml", 1, 7);
    assert_eq!(
        d.message, "sagen har ingen indstilling (`recommendation`)",
        "{d}"
    );
    assert!(
        d.hint
            .as_deref()
            .unwrap_or("")
            .contains("`recommendation:`"),
        "{d}"
    );
}

#[test]
fn a_decision_dated_before_the_meeting() {
    let plan = case("case_decision_before_meeting");
    let file = "content/02-indstilling.md";
    plan.write(
        file,
        &INDSTILLING.replace("date: 2027-03-09", "date: 2027-03-02"),
    );
    let d = only(&plan, "error", "decision-before-meeting", file, 6, 9);
    assert_eq!(
        d.message, "beslutningen er dateret 2. marts 2027, før mødet 9. marts 2027",
        "{d}"
    );
    assert_eq!(
        d.hint.as_deref(),
        Some(
            "mødet er 9. marts 2027 (`meeting` i plan.yaml); ret datoen for beslutningen eller for mødet"
        ),
        "{d}"
    );
    let en = in_english(&plan, "decision-before-meeting", file, 6, 9);
    assert_eq!(
        en.message, "the decision is dated 2 March 2027, before the meeting on 9 March 2027",
        "{en}"
    );
}

#[test]
fn a_decision_needs_a_real_date_its_text_and_a_list_of_the_absent() {
    let plan = case("case_decision_fields");
    let file = "content/02-indstilling.md";
    plan.write(
        file,
        &INDSTILLING.replace("date: 2027-03-09", "date: 9. marts 2027"),
    );
    let d = only(&plan, "error", "invalid-date", file, 6, 9);
    assert_eq!(d.hint.as_deref(), Some("skriv `date: 2027-03-09`"), "{d}");
    plan.write(file, &INDSTILLING.replace("  text: Godkendt.\n", ""));
    let d = only(&plan, "error", "missing-field", file, 6, 3);
    assert_eq!(d.message, "beslutningen (`decision`) mangler `text`", "{d}");
    // 8   absent: Hans Hansen
    plan.write(
        file,
        &INDSTILLING.replace(
            "  text: Godkendt.\n",
            "  text: Godkendt.\n  absent: Hans Hansen\n",
        ),
    );
    let d = only(&plan, "error", "wrong-type", file, 8, 11);
    assert_eq!(
        d.hint.as_deref(),
        Some("skriv en liste i firkantede parenteser: `absent: [Hans Hansen]`"),
        "{d}"
    );
    // 6   dato: 2027-03-09
    plan.write(file, &INDSTILLING.replace("  date: 2027", "  dato: 2027"));
    let (_, json) = plan.check_json(&[]);
    let d = assert_diag(&json, "unknown-field", file, 6, 3);
    assert_eq!(d.hint.as_deref(), Some("mente du `date`?"), "{d}");
    // The missing date is not reported again.
    assert_eq!(json.diags().len(), 1, "{}", json.listing());
}

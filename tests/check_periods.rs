//! Figures by quarter and by month: what `check` accepts, and each period
//! rule at its file, line and column, in both languages.

mod common;
use common::*;

/// [`ledige`] with its actuals line (line 12) replaced; the line starts
/// `        actuals: ` (the first key at column 20).
fn with_actuals(actuals: &str) -> String {
    ledige(&LEDIGE_OK.replace("{ 2025: 850, 2026: 800 }", actuals))
}

#[test]
fn quarters_and_months_check_clean_beside_years() {
    let plan = Plan::new("periods_clean");
    plan.write(
        "content/03-ledige.md",
        &with_actuals("{ 2025-Q4: 860, 2026-Q1: 840, 2026-Q2: 820, 2026-Q3: 810 }"),
    );
    plan.write(
        "content/04-maaned.md",
        "---\ntitle: Måned\norder: 4\ngoals:\n  - id: M9\n    title: Månedstal\n    indicators:\n      - name: Ydelsesmodtagere\n        unit: count\n        direction: decrease\n        baseline: { year: 2025-12, value: 500 }\n        actuals:\n          2026-01: 495\n          2026-02: 490\n          2026-09: 470\n          2026-10: 465\n        targets: { 2027-Q2: 450, 2027-Q4: 440 }\n---\n",
    );
    let (run, json) = plan.check_json(&[]);
    assert_clean(&json);
    run.assert_code(0);
}

#[test]
fn a_quarter_five_is_an_invalid_date() {
    let plan = Plan::new("quarter_five");
    plan.write(
        "content/03-ledige.md",
        &with_actuals("{ 2026-Q1: 840, 2026-Q5: 820 }"),
    );
    let d = only(
        &plan,
        "error",
        "invalid-date",
        "content/03-ledige.md",
        12,
        34,
    );
    assert!(d.message.contains("`2026-Q5` er ikke et kvartal"), "{d}");
    let en = in_english(&plan, "invalid-date", "content/03-ledige.md", 12, 34);
    assert_eq!(
        en.message,
        "`2026-Q5` is not a quarter: a year has quarters 1 to 4"
    );
    assert!(en.hint.unwrap().contains("`2026-Q3`"));
}

#[test]
fn a_month_thirteen_is_an_invalid_date() {
    let plan = Plan::new("month_thirteen");
    plan.write(
        "content/03-ledige.md",
        &with_actuals("{ 2026-08: 840, 2026-13: 820 }"),
    );
    let d = only(
        &plan,
        "error",
        "invalid-date",
        "content/03-ledige.md",
        12,
        34,
    );
    assert!(d.message.contains("`2026-13` er ikke en måned"), "{d}");
    let en = in_english(&plan, "invalid-date", "content/03-ledige.md", 12, 34);
    assert!(en.message.contains("not a month"), "{en}");
}

#[test]
fn a_statistics_export_period_gets_the_form_to_write() {
    let plan = Plan::new("export_period");
    plan.write("content/03-ledige.md", &with_actuals("{ 2026K3: 820 }"));
    let d = only(
        &plan,
        "error",
        "invalid-date",
        "content/03-ledige.md",
        12,
        20,
    );
    assert_eq!(d.hint.as_deref(), Some("skriv `2026-Q3`"), "{d}");
    plan.write(
        "content/03-ledige.md",
        &with_actuals("{ september 2026: 820 }"),
    );
    let d = only(
        &plan,
        "error",
        "invalid-date",
        "content/03-ledige.md",
        12,
        20,
    );
    assert_eq!(d.hint.as_deref(), Some("skriv `2026-09`"), "{d}");
}

#[test]
fn a_period_after_as_of_is_reported_and_the_one_under_way_is_not() {
    let plan = Plan::new("period_after_as_of");
    // as_of is 2026-10-01: the fourth quarter has begun, November has not.
    plan.write(
        "content/03-ledige.md",
        &with_actuals("{ 2026-Q3: 810, 2026-Q4: 805 }"),
    );
    let (_, json) = plan.check_json(&[]);
    assert_clean(&json);
    plan.write(
        "content/03-ledige.md",
        &with_actuals("{ 2026-09: 810, 2026-10: 805, 2026-11: 800 }"),
    );
    let d = only(
        &plan,
        "error",
        "actual-after-as-of",
        "content/03-ledige.md",
        12,
        48,
    );
    assert!(d.message.contains("for november 2026"), "{d}");
    let en = in_english(&plan, "actual-after-as-of", "content/03-ledige.md", 12, 48);
    assert!(en.message.contains("for November 2026"), "{en}");
}

#[test]
fn the_same_quarter_twice_is_a_duplicate_key() {
    let plan = Plan::new("quarter_twice");
    plan.write(
        "content/03-ledige.md",
        &with_actuals("{ 2026-Q1: 840, 2026-q1: 820 }"),
    );
    let d = only(
        &plan,
        "error",
        "duplicate-key",
        "content/03-ledige.md",
        12,
        34,
    );
    assert_eq!(d.message, "1. kvartal 2026 står to gange i `actuals`");
    let en = in_english(&plan, "duplicate-key", "content/03-ledige.md", 12, 34);
    assert_eq!(en.message, "Q1 2026 appears twice in `actuals`");
}

#[test]
fn years_and_quarters_mixed_in_one_series_are_an_error() {
    let plan = Plan::new("mixed_periods");
    plan.write(
        "content/03-ledige.md",
        &with_actuals("{ 2025: 850, 2026-Q1: 840 }"),
    );
    let d = only(
        &plan,
        "error",
        "mixed-periods",
        "content/03-ledige.md",
        12,
        31,
    );
    assert_eq!(
        d.message,
        "`actuals` blander år og kvartaler: det første tal er for et år, dette for et kvartal"
    );
    assert!(d.hint.unwrap().contains("pr. år"));
    let en = in_english(&plan, "mixed-periods", "content/03-ledige.md", 12, 31);
    assert!(
        en.message.starts_with("`actuals` mixes years and quarters"),
        "{en}"
    );
    // The note points at the first figure.
    let (run, _) = plan.check_json(&[]);
    let human = plan.check(&[]);
    assert!(
        human.stderr.contains("det første tal står her"),
        "{}",
        human.stderr
    );
    run.assert_code(1);
}

#[test]
fn a_target_by_month_is_an_invalid_value() {
    let plan = Plan::new("monthly_target");
    plan.write(
        "content/03-ledige.md",
        &ledige(&LEDIGE_OK.replace("{ 2027: 700 }", "{ 2027-06: 700 }")),
    );
    let d = only(
        &plan,
        "error",
        "invalid-value",
        "content/03-ledige.md",
        13,
        20,
    );
    assert!(d.message.contains("`2027-06`"), "{d}");
    assert!(d.hint.unwrap().contains("`2027-Q1`"));
}

#[test]
fn a_quarterly_baseline_must_come_before_the_targets() {
    let plan = Plan::new("quarter_baseline");
    plan.write(
        "content/03-ledige.md",
        &ledige(
            &LEDIGE_OK
                .replace(
                    "{ year: 2024, value: 900 }",
                    "{ year: 2027-Q1, value: 900 }",
                )
                .replace("{ 2025: 850, 2026: 800 }", "{}"),
        ),
    );
    let d = only(
        &plan,
        "error",
        "baseline-after-target",
        "content/03-ledige.md",
        11,
        27,
    );
    assert_eq!(
        d.message,
        "udgangspunktet, 1. kvartal 2027, ligger ikke før målet for 2027"
    );
}

//! End-to-end tests of the rules on values: fields, types, units, years,
//! references to plan.yaml's vocabularies, ids, and the indicator rules.
//! Positions are 1-based and count characters; each fixture is numbered in
//! comments.

mod common;
use common::*;

#[test]
fn rule_unknown_field_with_did_you_mean() {
    let plan = Plan::new("rule_unknown_field");
    // 4 sumary: Kort.
    plan.write(
        "content/03-felt.md",
        "---\ntitle: Felt\norder: 3\nsumary: Kort.\n---\n\nTekst.\n",
    );
    let d = only(&plan, "error", "unknown-field", "content/03-felt.md", 4, 1);
    assert!(d.message.contains("sumary"), "{d}");
    assert_eq!(d.hint.as_deref(), Some("mente du `summary`?"), "{d}");
    assert_eq!(d.message, "ukendt felt `sumary` i et afsnit", "{d}");
    let en = in_english(&plan, "unknown-field", "content/03-felt.md", 4, 1);
    assert_eq!(en.message, "unknown field `sumary` in a section", "{en}");
    assert_eq!(en.hint.as_deref(), Some("did you mean `summary`?"), "{en}");
}

#[test]
fn rule_unknown_field_in_an_indicator() {
    let plan = Plan::new("rule_unknown_field_indicator");
    // 10         direktion: decrease
    let indicator = LEDIGE_OK.replace(
        "direction: decrease",
        "direction: decrease\n        direktion: ned",
    );
    // That is six lines; drop `actuals` to keep five.
    let indicator = indicator.replace("        actuals: { 2025: 850, 2026: 800 }\n", "");
    plan.write("content/03-ledige.md", &ledige(&indicator));
    let d = only(
        &plan,
        "error",
        "unknown-field",
        "content/03-ledige.md",
        11,
        9,
    );
    assert_eq!(d.hint.as_deref(), Some("mente du `direction`?"), "{d}");
    let en = in_english(&plan, "unknown-field", "content/03-ledige.md", 11, 9);
    assert_eq!(
        en.hint.as_deref(),
        Some("did you mean `direction`?"),
        "{en}"
    );
}

#[test]
fn rule_wrong_type() {
    let plan = Plan::new("rule_wrong_type");
    // 3 order: tre
    plan.write(
        "content/03-type.md",
        "---\ntitle: Type\norder: tre\n---\n\nTekst.\n",
    );
    let d = only(&plan, "error", "wrong-type", "content/03-type.md", 3, 8);
    assert!(d.message.contains("order"), "{d}");
}

#[test]
fn rule_wrong_type_danish_number() {
    let plan = Plan::new("rule_wrong_type_danish_number");
    // 11         baseline: { year: 2024, value: "14,6" }
    plan.write(
        "content/03-ledige.md",
        &ledige(&LEDIGE_OK.replace("value: 900", "value: \"14,6\"")),
    );
    let d = only(&plan, "error", "wrong-type", "content/03-ledige.md", 11, 40);
    assert!(d.hint.as_deref().is_some_and(|h| h.contains("14.6")), "{d}");
}

#[test]
fn rule_missing_field() {
    let plan = Plan::new("rule_missing_field");
    // The front matter mapping (line 2, column 1) has no `title`.
    plan.write(
        "content/03-titel.md",
        "---\norder: 3\nsummary: Uden titel.\n---\n\nTekst.\n",
    );
    let d = only(&plan, "error", "missing-field", "content/03-titel.md", 2, 1);
    assert!(d.message.contains("title"), "{d}");
    assert!(
        d.hint.as_deref().is_some_and(|h| h.contains("title:")),
        "{d}"
    );
}

#[test]
fn rule_missing_field_direction_of_numeric_indicator() {
    let plan = Plan::new("rule_missing_field_direction");
    // Line 10 replaced by `source:`; the indicator mapping starts at 8:9.
    plan.write(
        "content/03-ledige.md",
        &ledige(&LEDIGE_OK.replace("direction: decrease", "source: Jobindsats")),
    );
    let d = only(
        &plan,
        "error",
        "missing-field",
        "content/03-ledige.md",
        8,
        9,
    );
    assert!(d.message.contains("direction"), "{d}");
}

#[test]
fn rule_invalid_value() {
    let plan = Plan::new("rule_invalid_value");
    // 4 language: fr
    plan.write(
        "plan.yaml",
        &BASE_PLAN.replace("language: da", "language: fr"),
    );
    let d = only(&plan, "error", "invalid-value", "plan.yaml", 4, 11);
    assert!(d.message.contains("fr"), "{d}");
}

#[test]
fn rule_invalid_value_unit_with_did_you_mean() {
    let plan = Plan::new("rule_invalid_value_unit");
    //  9         unit: cont
    plan.write(
        "content/03-ledige.md",
        &ledige(&LEDIGE_OK.replace("unit: count", "unit: cont")),
    );
    let d = only(
        &plan,
        "error",
        "invalid-value",
        "content/03-ledige.md",
        9,
        15,
    );
    assert_eq!(d.hint.as_deref(), Some("mente du `count`?"), "{d}");
    let en = in_english(&plan, "invalid-value", "content/03-ledige.md", 9, 15);
    assert_eq!(en.hint.as_deref(), Some("did you mean `count`?"), "{en}");
}

#[test]
fn rule_invalid_date() {
    let plan = Plan::new("rule_invalid_date");
    // 7     deadline: 2027-02-30     <- no such day
    plan.write(
        "content/03-frist.md",
        "---\ntitle: Frist\norder: 3\ngoals:\n  - id: F1\n    title: Et mål med frist\n    deadline: 2027-02-30\n---\n\nTekst.\n",
    );
    let d = only(&plan, "error", "invalid-date", "content/03-frist.md", 7, 15);
    assert!(d.message.contains("2027-02-30"), "{d}");
}

#[test]
fn rule_invalid_date_as_of() {
    let plan = Plan::new("rule_invalid_date_as_of");
    // 5 as_of: 2026-13-01
    plan.write(
        "plan.yaml",
        &BASE_PLAN.replace("as_of: 2026-10-01", "as_of: 2026-13-01"),
    );
    only(&plan, "error", "invalid-date", "plan.yaml", 5, 8);
}

#[test]
fn deadline_after_the_period_is_fine_but_quarter_must_exist() {
    let plan = Plan::new("deadline_quarter");
    // A deadline after the period is allowed (follow-up waits for figures).
    let text = "---\ntitle: Frist\norder: 3\ngoals:\n  - id: F1\n    title: Et mål med frist\n    deadline: 2028-Q1\n---\n\nTekst.\n";
    plan.write("content/03-frist.md", text);
    let (run, json) = plan.check_json(&[]);
    assert_clean(&json);
    run.assert_code(0);
    plan.write("content/03-frist.md", &text.replace("2028-Q1", "2027-Q5"));
    only(&plan, "error", "invalid-date", "content/03-frist.md", 7, 15);
}

#[test]
fn rule_year_out_of_range() {
    let plan = Plan::new("rule_year_out_of_range");
    // 12         actuals: { 2025: 850, 2206: 800 }     <- 2206 at column 31
    plan.write(
        "content/03-ledige.md",
        &ledige(&LEDIGE_OK.replace("2026: 800", "2206: 800")),
    );
    let d = only(
        &plan,
        "error",
        "year-out-of-range",
        "content/03-ledige.md",
        12,
        31,
    );
    assert!(d.message.contains("2206"), "{d}");
}

#[test]
fn rule_year_out_of_range_period() {
    let plan = Plan::new("rule_year_out_of_range_period");
    // 3 period: 2207    (the targets of 2027 then also fall outside it)
    plan.write(
        "plan.yaml",
        &BASE_PLAN.replace("period: 2027", "period: 2207"),
    );
    let (run, json) = plan.check_json(&[]);
    assert_diag(&json, "year-out-of-range", "plan.yaml", 3, 9);
    run.assert_code(1);
}

#[test]
fn rule_unknown_reference() {
    let plan = Plan::new("rule_unknown_reference");
    // 4 target_group: ungee
    plan.write(
        "content/03-ref.md",
        "---\ntitle: Reference\norder: 3\ntarget_group: ungee\n---\n\nTekst.\n",
    );
    let d = only(
        &plan,
        "error",
        "unknown-reference",
        "content/03-ref.md",
        4,
        15,
    );
    assert!(d.message.contains("ungee"), "{d}");
    assert_eq!(
        d.message, "der er ingen målgruppe `ungee` i plan.yaml",
        "{d}"
    );
    assert_eq!(d.hint.as_deref(), Some("mente du `unge`?"), "{d}");
    let en = in_english(&plan, "unknown-reference", "content/03-ref.md", 4, 15);
    assert_eq!(
        en.message, "there is no target group `ungee` in plan.yaml",
        "{en}"
    );
    assert_eq!(en.hint.as_deref(), Some("did you mean `unge`?"), "{en}");
}

#[test]
fn rule_unknown_reference_track_and_national_goal() {
    let plan = Plan::new("rule_unknown_reference_lists");
    //  8     national_goals: [M1, M9]     <- M9 at column 26
    //  9     tracks: [skabe-jobs]         <- at column 14
    plan.write(
        "content/02-unge.md",
        &BASE_UNGE
            .replace("national_goals: [M1]", "national_goals: [M1, M9]")
            .replace("tracks: [skabe-job]", "tracks: [skabe-jobs]"),
    );
    let (run, json) = plan.check_json(&[]);
    assert_eq!(json.diags().len(), 2, "{}", json.listing());
    assert_diag(&json, "unknown-reference", "content/02-unge.md", 8, 26);
    let d = assert_diag(&json, "unknown-reference", "content/02-unge.md", 9, 14);
    assert_eq!(
        d.message, "der er intet spor `skabe-jobs` i plan.yaml",
        "{d}"
    );
    assert_eq!(d.hint.as_deref(), Some("mente du `skabe-job`?"), "{d}");
    let en = in_english(&plan, "unknown-reference", "content/02-unge.md", 9, 14);
    assert_eq!(
        en.hint.as_deref(),
        Some("did you mean `skabe-job`?"),
        "{en}"
    );
    run.assert_code(1);
}

#[test]
fn rule_duplicate_id_at_second_occurrence() {
    let plan = Plan::new("rule_duplicate_id");
    // 02-unge.md has U1 at 6:9; this file repeats it at 5:9.
    plan.write(
        "content/03-flere.md",
        "---\ntitle: Flere unge\norder: 3\ngoals:\n  - id: U1\n    title: Endnu et mål\n---\n\nTekst.\n",
    );
    let d = only(&plan, "error", "duplicate-id", "content/03-flere.md", 5, 9);
    assert!(d.message.contains("U1"), "{d}");
}

#[test]
fn rule_duplicate_id_in_plan_vocabulary() {
    let plan = Plan::new("rule_duplicate_id_vocabulary");
    //  8   - { id: unge, name: Unge igen }     <- second `unge` at column 11
    plan.write(
        "plan.yaml",
        &BASE_PLAN.replace(
            "  - { id: unge, name: Unge uden uddannelse }\n",
            "  - { id: unge, name: Unge uden uddannelse }\n  - { id: unge, name: Unge igen }\n",
        ),
    );
    only(&plan, "error", "duplicate-id", "plan.yaml", 8, 11);
}

#[test]
fn rule_target_outside_period() {
    let plan = Plan::new("rule_target_outside_period");
    // 13         targets: { 2027: 700, 2028: 650 }     <- 2028 at column 31
    plan.write(
        "content/03-ledige.md",
        &ledige(&LEDIGE_OK.replace("{ 2027: 700 }", "{ 2027: 700, 2028: 650 }")),
    );
    let d = only(
        &plan,
        "error",
        "target-outside-period",
        "content/03-ledige.md",
        13,
        31,
    );
    assert!(d.message.contains("2028"), "{d}");
}

#[test]
fn rule_baseline_after_target() {
    let plan = Plan::new("rule_baseline_after_target");
    // 11         baseline: { year: 2027, value: 900 }   <- year at column 27
    plan.write(
        "content/03-ledige.md",
        &ledige(&LEDIGE_OK.replace("year: 2024", "year: 2027")),
    );
    only(
        &plan,
        "error",
        "baseline-after-target",
        "content/03-ledige.md",
        11,
        27,
    );
}

#[test]
fn rule_actual_after_as_of() {
    let plan = Plan::new("rule_actual_after_as_of");
    // as_of is 2026-10-01.
    // 12         actuals: { 2025: 850, 2027: 800 }     <- 2027 at column 31
    plan.write(
        "content/03-ledige.md",
        &ledige(&LEDIGE_OK.replace("2026: 800", "2027: 800")),
    );
    let d = only(
        &plan,
        "error",
        "actual-after-as-of",
        "content/03-ledige.md",
        12,
        31,
    );
    assert!(d.message.contains("2027"), "{d}");
}

#[test]
fn actual_marked_not_measured_after_as_of_is_fine() {
    let plan = Plan::new("actual_null_after_as_of");
    plan.write(
        "content/03-ledige.md",
        &ledige(&LEDIGE_OK.replace("2026: 800", "2027: null")),
    );
    let (run, json) = plan.check_json(&[]);
    assert_clean(&json);
    run.assert_code(0);
}

#[test]
fn rule_value_out_of_range() {
    let plan = Plan::new("rule_value_out_of_range");
    //  9         unit: percent
    // 10         direction: increase
    // 11         baseline: { year: 2024, value: 104.5 }   <- value at column 40
    let indicator = "        unit: percent
        direction: increase
        baseline: { year: 2024, value: 104.5 }
        actuals: { 2025: 42, 2026: 43 }
        targets: { 2027: 45 }
";
    plan.write("content/03-ledige.md", &ledige(indicator));
    let d = only(
        &plan,
        "error",
        "value-out-of-range",
        "content/03-ledige.md",
        11,
        40,
    );
    assert!(d.message.contains("104.5"), "{d}");
}

#[test]
fn rule_value_out_of_range_other_units() {
    let plan = Plan::new("rule_value_out_of_range_units");
    // A negative count (actual 2025 at 12:26) ...
    plan.write(
        "content/03-ledige.md",
        &ledige(&LEDIGE_OK.replace("2025: 850", "2025: -850")),
    );
    only(
        &plan,
        "error",
        "value-out-of-range",
        "content/03-ledige.md",
        12,
        26,
    );
    // ... and a rank that is not a whole number (target at 13:26).
    let rank = "        unit: rank
        direction: decrease
        baseline: { year: 2024, value: 72 }
        actuals: { 2025: 70, 2026: 66 }
        targets: { 2027: 60.5 }
";
    plan.write("content/03-ledige.md", &ledige(rank));
    only(
        &plan,
        "error",
        "value-out-of-range",
        "content/03-ledige.md",
        13,
        26,
    );
}

#[test]
fn rule_text_value_in_numeric_indicator_is_wrong_type() {
    let plan = Plan::new("rule_text_in_numeric");
    // 13         targets: { 2027: Høj }     <- value at column 26
    plan.write(
        "content/03-ledige.md",
        &ledige(&LEDIGE_OK.replace("{ 2027: 700 }", "{ 2027: Høj }")),
    );
    let d = only(&plan, "error", "wrong-type", "content/03-ledige.md", 13, 26);
    assert!(
        d.hint.as_deref().is_some_and(|h| h.contains("unit: text")),
        "{d}"
    );
}

#[test]
fn rule_target_against_direction_is_a_warning() {
    let plan = Plan::new("rule_target_against_direction");
    // decrease from 900, but the 2027 target is 950 (13:26).
    plan.write(
        "content/03-ledige.md",
        &ledige(&LEDIGE_OK.replace("{ 2027: 700 }", "{ 2027: 950 }")),
    );
    only(
        &plan,
        "warning",
        "target-against-direction",
        "content/03-ledige.md",
        13,
        26,
    );
    plan.check(&["--strict"]).assert_code(1);
}

#[test]
fn targets_move_in_the_direction_from_year_to_year() {
    let plan = Plan::new("direction_year_to_year");
    plan.write(
        "plan.yaml",
        &BASE_PLAN.replace("period: 2027", "period: 2025-2027"),
    );
    // decrease: 900 → 750 (2026) is fine, 750 → 780 (2027) is not.
    // 13         targets: { 2026: 750, 2027: 780 }     <- 780 at column 37
    plan.write(
        "content/03-ledige.md",
        &ledige(&LEDIGE_OK.replace("{ 2027: 700 }", "{ 2026: 750, 2027: 780 }")),
    );
    let d = only(
        &plan,
        "warning",
        "target-against-direction",
        "content/03-ledige.md",
        13,
        37,
    );
    assert!(d.message.contains("750"), "{d}");
}

#[test]
fn rule_maintain_target_differs_is_a_warning() {
    let plan = Plan::new("rule_maintain_target_differs");
    // maintain 900, but the 2027 target is 950 (13:26).
    plan.write(
        "content/03-ledige.md",
        &ledige(
            &LEDIGE_OK
                .replace("direction: decrease", "direction: maintain")
                .replace("{ 2027: 700 }", "{ 2027: 950 }"),
        ),
    );
    let d = only(
        &plan,
        "warning",
        "maintain-target-differs",
        "content/03-ledige.md",
        13,
        26,
    );
    assert!(d.message.contains("900"), "{d}");
    plan.check(&["--strict"]).assert_code(1);
}

#[test]
fn rule_uncovered_target_group_is_a_warning() {
    let plan = Plan::new("rule_uncovered_target_group");
    //  8   - { id: aeldre, name: Ældre ledige }     <- id at column 11
    plan.write(
        "plan.yaml",
        &BASE_PLAN.replace(
            "  - { id: unge, name: Unge uden uddannelse }\n",
            "  - { id: unge, name: Unge uden uddannelse }\n  - { id: aeldre, name: Ældre ledige }\n",
        ),
    );
    let d = only(
        &plan,
        "warning",
        "uncovered-target-group",
        "plan.yaml",
        8,
        11,
    );
    assert!(d.message.contains("aeldre"), "{d}");
    plan.check(&["--strict"]).assert_code(1);
}

#[test]
fn rule_unanswered_national_goal_is_a_warning() {
    let plan = Plan::new("rule_unanswered_national_goal");
    // 12   - { id: M2, name: Færre langtidsledige }     <- id at column 11
    plan.write(
        "plan.yaml",
        &format!("{BASE_PLAN}  - {{ id: M2, name: Færre langtidsledige }}\n"),
    );
    let d = only(
        &plan,
        "warning",
        "unanswered-national-goal",
        "plan.yaml",
        12,
        11,
    );
    assert!(d.message.contains("M2"), "{d}");
    plan.check(&["--strict"]).assert_code(1);
}

#[test]
fn messages_say_an_indicator() {
    let plan = Plan::new("an_indicator");
    plan.write(
        "content/03-x.md",
        "---\ntitle: X\ngoals:\n  - id: A\n    title: T\n    indicators: [7]\n---\n",
    );
    let (_, json) = plan.check_json(&["--lang", "en"]);
    let d = assert_diag(&json, "wrong-type", "content/03-x.md", 6, 18);
    assert!(d.message.starts_with("an indicator"), "{d}");
    let (_, json) = plan.check_json(&[]);
    let d = assert_diag(&json, "wrong-type", "content/03-x.md", 6, 18);
    assert!(d.message.starts_with("en indikator"), "{d}");
}

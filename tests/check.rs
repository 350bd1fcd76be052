//! End-to-end tests of `planpress check`: one test per validation rule, each
//! on a small plan with exactly that problem, plus encodings, output formats
//! and garbage input.
//!
//! Every fixture starts from the base plan in `common` (which checks clean)
//! and adds or replaces one file. Expected lines and columns are 1-based and
//! count characters, not bytes; each fixture's text is numbered in comments.

mod common;
use common::*;

/// A section `content/03-ledige.md` with one goal and one indicator whose
/// lines 9–13 are `indicator` (unit, direction, baseline, actuals, targets):
///
/// ```text
///  1 ---
///  2 title: Ledige
///  3 order: 3
///  4 goals:
///  5   - id: L1
///  6     title: Færre ledige
///  7     indicators:
///  8       - name: Ledige i alt
///  9 .. 13   (indicator, 8 spaces of indent)
/// 14 ---
/// 15
/// 16 Tekst.
/// ```
///
/// Columns on lines 9–13 (with the usual flow mappings):
/// `unit:` value 15, `direction:` value 20, baseline `year` value 27 and
/// `value` value 40, first key of `actuals`/`targets` 20 and its value 26.
fn ledige(indicator: &str) -> String {
    assert_eq!(indicator.lines().count(), 5, "lines 9–13");
    format!(
        "---\ntitle: Ledige\norder: 3\ngoals:\n  - id: L1\n    title: Færre ledige\n    indicators:\n      - name: Ledige i alt\n{indicator}---\n\nTekst.\n"
    )
}

/// A clean indicator for [`ledige`].
const LEDIGE_OK: &str = "        unit: count
        direction: decrease
        baseline: { year: 2024, value: 900 }
        actuals: { 2025: 850, 2026: 800 }
        targets: { 2027: 700 }
";

/// Checks `plan` as JSON and asserts it reports exactly one diagnostic.
#[track_caller]
fn only(plan: &Plan, severity: &str, code: &str, file: &str, line: u64, column: u64) -> Diag {
    let (run, json) = plan.check_json(&[]);
    let d = assert_only(&json, severity, code, file, line, column);
    run.assert_code(if severity == "error" { 1 } else { 0 });
    assert!(!d.message.is_empty(), "{d}");
    d
}

// ---------------------------------------------------------------------------
// The fixtures themselves

#[test]
fn base_plan_is_clean() {
    let plan = Plan::new("base_plan_is_clean");
    let (run, json) = plan.check_json(&[]);
    assert_clean(&json);
    run.assert_code(0);
    // The indicator helper is clean too.
    plan.write("content/03-ledige.md", &ledige(LEDIGE_OK));
    let (run, json) = plan.check_json(&[]);
    assert_clean(&json);
    run.assert_code(0);
    // And --strict has nothing to complain about.
    plan.check(&["--strict"]).assert_code(0);
    // Checking writes nothing.
    assert!(!plan.join("output").exists());
}

#[test]
fn example_plan_in_the_repository_is_clean() {
    let root = repo_root();
    let checked = run_args(&["check", path_str(&root), "--format", "json"]);
    let json = checked.json();
    assert_clean(&json);
    checked.assert_code(0);
    run_args(&["check", path_str(&root), "--strict"]).assert_code(0);
}

// ---------------------------------------------------------------------------
// One test per rule

#[test]
fn rule_yaml_syntax() {
    let plan = Plan::new("rule_yaml_syntax");
    // 4 summary: Mål: flere i job     <- a second `: ` inside a plain value;
    //                                    the `:` is character 13 (å is one).
    plan.write(
        "content/03-syntaks.md",
        "---\ntitle: Syntaks\norder: 3\nsummary: Mål: flere i job\n---\n\nTekst.\n",
    );
    let d = only(
        &plan,
        "error",
        "yaml-syntax",
        "content/03-syntaks.md",
        4,
        13,
    );
    assert!(d.hint.is_some(), "{d}");
}

#[test]
fn rule_yaml_syntax_unclosed_bracket_in_plan_yaml() {
    let plan = Plan::new("rule_yaml_syntax_unclosed_bracket");
    // 12 extra: [a, b
    // A flow sequence still open at the end of the file is reported at its
    // opening bracket.
    plan.write("plan.yaml", &format!("{BASE_PLAN}extra: [a, b\n"));
    let (run, json) = plan.check_json(&[]);
    assert_diag(&json, "yaml-syntax", "plan.yaml", 12, 8);
    assert_eq!(json.diags().len(), 1, "{}", json.listing());
    run.assert_code(1);
}

#[test]
fn rule_missing_front_matter() {
    let plan = Plan::new("rule_missing_front_matter");
    plan.write(
        "content/03-uden.md",
        "Bare tekst uden front matter.\n\nMere tekst.\n",
    );
    let d = only(
        &plan,
        "error",
        "missing-front-matter",
        "content/03-uden.md",
        1,
        1,
    );
    assert!(d.hint.as_deref().is_some_and(|h| h.contains("---")), "{d}");
}

#[test]
fn rule_unterminated_front_matter() {
    let plan = Plan::new("rule_unterminated_front_matter");
    // The block opens on line 1 and never closes.
    plan.write(
        "content/03-aaben.md",
        "---\ntitle: Åben\norder: 3\n\nTeksten begynder her.\n",
    );
    only(
        &plan,
        "error",
        "unterminated-front-matter",
        "content/03-aaben.md",
        1,
        1,
    );
}

#[test]
fn rule_invalid_utf8() {
    let plan = Plan::new("rule_invalid_utf8");
    // 2 title: K<0xE6>rlighed     <- Latin-1 æ after 8 characters.
    plan.write_bytes(
        "content/03-latin1.md",
        b"---\ntitle: K\xe6rlighed\norder: 3\n---\n\nTekst.\n",
    );
    let d = only(&plan, "error", "invalid-utf8", "content/03-latin1.md", 2, 9);
    assert!(d.message.contains("0xE6"), "{d}");
    assert!(
        d.hint.as_deref().is_some_and(|h| h.contains("UTF-8")),
        "{d}"
    );
}

#[test]
fn rule_no_sections_empty_content_folder() {
    let plan = Plan::new("rule_no_sections");
    plan.remove("content").mkdir("content");
    let (run, json) = plan.check_json(&[]);
    let d = assert_diag(&json, "no-sections", "content", 1, 1);
    assert_eq!(d.severity, "error");
    assert!(d.hint.is_some(), "{d}");
    // The only error (coverage warnings about the vocabulary may follow).
    assert_eq!(json.errors(), 1, "{}", json.listing());
    run.assert_code(1);
}

#[test]
fn rule_no_sections_without_content_folder() {
    let plan = Plan::new("rule_no_sections_without_content");
    plan.remove("content");
    let (run, json) = plan.check_json(&[]);
    let d = assert_diag(&json, "no-sections", "content", 1, 1);
    assert_eq!(d.severity, "error");
    assert_eq!(json.errors(), 1, "{}", json.listing());
    run.assert_code(1);
}

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
    assert_eq!(d.hint.as_deref(), Some("did you mean `summary`?"), "{d}");
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
    assert_eq!(d.hint.as_deref(), Some("did you mean `direction`?"), "{d}");
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
    assert_eq!(d.hint.as_deref(), Some("did you mean `count`?"), "{d}");
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
    assert_eq!(d.hint.as_deref(), Some("did you mean `unge`?"), "{d}");
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
    assert_eq!(d.hint.as_deref(), Some("did you mean `skabe-job`?"), "{d}");
    run.assert_code(1);
}

#[test]
fn rule_unknown_reference_goal_marker() {
    let plan = Plan::new("rule_unknown_reference_marker");
    // 22 {{ goal("U2") }}
    plan.write(
        "content/02-unge.md",
        &BASE_UNGE.replace("{{ goals() }}", "{{ goal(\"U2\") }}"),
    );
    let d = only(
        &plan,
        "error",
        "unknown-reference",
        "content/02-unge.md",
        22,
        1,
    );
    assert!(d.message.contains("U2"), "{d}");
}

#[test]
fn rule_missing_file() {
    let plan = Plan::new("rule_missing_file");
    // 6 Se kortet: ![Kort over byen](assets/kort.png)     <- `!` at column 12
    plan.write(
        "content/03-kort.md",
        "---\ntitle: Kort\norder: 3\n---\n\nSe kortet: ![Kort over byen](assets/kort.png)\n",
    );
    let d = only(&plan, "error", "missing-file", "content/03-kort.md", 6, 12);
    assert!(d.message.contains("assets/kort.png"), "{d}");
}

#[test]
fn rule_missing_file_logo() {
    let plan = Plan::new("rule_missing_file_logo");
    // 12 brand: { primary: "#00558c", logo: content/assets/mangler.svg }
    //    `logo: ` ends at column 35
    plan.write(
        "plan.yaml",
        &format!(
            "{BASE_PLAN}brand: {{ primary: \"#00558c\", logo: content/assets/mangler.svg }}\n"
        ),
    );
    only(&plan, "error", "missing-file", "plan.yaml", 12, 36);
}

#[test]
fn rule_broken_link() {
    let plan = Plan::new("rule_broken_link");
    // 6 Læs mere i [afsnittet om voksne](09-voksne.md).   <- `[` at column 12
    plan.write(
        "content/03-link.md",
        "---\ntitle: Link\norder: 3\n---\n\nLæs mere i [afsnittet om voksne](09-voksne.md).\n",
    );
    let d = only(&plan, "error", "broken-link", "content/03-link.md", 6, 12);
    assert!(d.message.contains("09-voksne.md"), "{d}");
}

#[test]
fn rule_broken_link_to_missing_anchor() {
    let plan = Plan::new("rule_broken_link_anchor");
    // 6 Se [målene](02-unge.md#maal-og-midler) og [målet](02-unge.md#goal-u1).
    // The first anchor does not exist (the heading is `## Mål` → `#maal`).
    plan.write(
        "content/03-link.md",
        "---\ntitle: Link\norder: 3\n---\n\nSe [målene](02-unge.md#maal-og-midler) og [målet](02-unge.md#goal-u1).\n",
    );
    let d = only(&plan, "error", "broken-link", "content/03-link.md", 6, 4);
    assert!(d.message.contains("maal-og-midler"), "{d}");
    // With the right anchors it is clean.
    plan.write(
        "content/03-link.md",
        "---\ntitle: Link\norder: 3\n---\n\nSe [målene](02-unge.md#maal) og [målet](02-unge.md#goal-u1).\n",
    );
    let (run, json) = plan.check_json(&[]);
    assert_clean(&json);
    run.assert_code(0);
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
fn rule_duplicate_slug() {
    let plan = Plan::new("rule_duplicate_slug");
    // 01-unge.md and 05-unge.md would both be unge.html; the second is
    // reported, for the whole file.
    plan.remove("content/02-unge.md")
        .write("content/01-unge.md", BASE_UNGE)
        .write(
            "content/05-unge.md",
            "---\ntitle: Unge igen\norder: 5\n---\n\nTekst.\n",
        );
    let d = only(&plan, "error", "duplicate-slug", "content/05-unge.md", 1, 1);
    assert!(d.message.contains("unge"), "{d}");
    assert!(d.message.contains("01-unge.md"), "{d}");
}

#[test]
fn rule_duplicate_order_is_a_warning() {
    let plan = Plan::new("rule_duplicate_order");
    // 3 order: 2     <- as in 02-unge.md
    plan.write(
        "content/03-orden.md",
        "---\ntitle: Orden\norder: 2\n---\n\nTekst.\n",
    );
    let d = only(
        &plan,
        "warning",
        "duplicate-order",
        "content/03-orden.md",
        3,
        8,
    );
    assert!(d.message.contains("02-unge.md"), "{d}");
    // --strict turns it into a failure, in every format.
    plan.check(&["--strict"]).assert_code(1);
    let (run, json) = plan.check_json(&["--strict"]);
    run.assert_code(1);
    assert_eq!(json.warnings(), 1);
    plan.check(&["--strict", "--format", "github"])
        .assert_code(1);
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
fn rule_heading_level_is_a_warning() {
    let plan = Plan::new("rule_heading_level");
    // 6 # Stor overskrift
    plan.write(
        "content/03-overskrift.md",
        "---\ntitle: Overskrift\norder: 3\n---\n\n# Stor overskrift\n\nTekst.\n",
    );
    only(
        &plan,
        "warning",
        "heading-level",
        "content/03-overskrift.md",
        6,
        1,
    );
}

#[test]
fn rule_heading_skip_is_a_warning() {
    let plan = Plan::new("rule_heading_skip");
    // 6 ## Baggrund
    // 8 #### Detaljer     <- skips level 3
    plan.write(
        "content/03-overskrift.md",
        "---\ntitle: Overskrift\norder: 3\n---\n\n## Baggrund\n\n#### Detaljer\n\nTekst.\n",
    );
    let d = only(
        &plan,
        "warning",
        "heading-skip",
        "content/03-overskrift.md",
        8,
        1,
    );
    assert!(d.hint.as_deref().is_some_and(|h| h.contains("###")), "{d}");
}

#[test]
fn rule_missing_alt_is_a_warning() {
    let plan = Plan::new("rule_missing_alt");
    // 6 Logoet: ![](assets/logo.svg)     <- `!` at column 9; the file exists
    plan.write(
        "content/assets/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>\n",
    )
    .write(
        "content/03-billede.md",
        "---\ntitle: Billede\norder: 3\n---\n\nLogoet: ![](assets/logo.svg)\n",
    );
    only(
        &plan,
        "warning",
        "missing-alt",
        "content/03-billede.md",
        6,
        9,
    );
    // With alt text it is clean.
    plan.write(
        "content/03-billede.md",
        "---\ntitle: Billede\norder: 3\n---\n\nLogoet: ![Kommunens logo](assets/logo.svg)\n",
    );
    let (run, json) = plan.check_json(&[]);
    assert_clean(&json);
    run.assert_code(0);
}

// ---------------------------------------------------------------------------
// Encodings and line endings

fn crlf(text: &str) -> String {
    text.replace('\n', "\r\n")
}

#[test]
fn crlf_files_check_clean() {
    let plan = Plan::new("crlf_clean");
    plan.write("plan.yaml", &crlf(BASE_PLAN))
        .write("content/01-forord.md", &crlf(BASE_FORORD))
        .write("content/02-unge.md", &crlf(BASE_UNGE))
        .write("content/03-ledige.md", &crlf(&ledige(LEDIGE_OK)));
    let (run, json) = plan.check_json(&[]);
    assert_clean(&json);
    run.assert_code(0);
}

#[test]
fn crlf_file_positions() {
    let plan = Plan::new("crlf_positions");
    plan.write("plan.yaml", &crlf(BASE_PLAN));
    // 3 order: tre\r
    plan.write(
        "content/03-type.md",
        &crlf("---\ntitle: Type\norder: tre\n---\n\n## Afsnit\n\n#### Under\n"),
    );
    let (run, json) = plan.check_json(&[]);
    assert_diag(&json, "wrong-type", "content/03-type.md", 3, 8);
    // Body positions count CRLF lines too: the skipped heading is on line 8.
    assert_diag(&json, "heading-skip", "content/03-type.md", 8, 1);
    assert_eq!(json.diags().len(), 2, "{}", json.listing());
    run.assert_code(1);
}

#[test]
fn bom_files_check_clean() {
    let plan = Plan::new("bom_clean");
    plan.write("plan.yaml", &format!("\u{feff}{BASE_PLAN}"))
        .write("content/01-forord.md", &format!("\u{feff}{BASE_FORORD}"))
        .write(
            "content/02-unge.md",
            &format!("\u{feff}{}", crlf(BASE_UNGE)),
        );
    let (run, json) = plan.check_json(&[]);
    assert_clean(&json);
    run.assert_code(0);
}

#[test]
fn bom_file_positions() {
    let plan = Plan::new("bom_positions");
    // The byte order mark is not a column: `tre` is at 3:8.
    plan.write(
        "content/03-type.md",
        "\u{feff}---\ntitle: Type\norder: tre\n---\n\nTekst.\n",
    );
    only(&plan, "error", "wrong-type", "content/03-type.md", 3, 8);
    // Nor on line 1 of plan.yaml: in `title: Mål: 2027` the second `:` is
    // at 1:11.
    plan.write("content/03-type.md", "---\ntitle: Type\norder: 3\n---\n");
    plan.write(
        "plan.yaml",
        &format!(
            "\u{feff}{}",
            BASE_PLAN.replace("title: Testplan 2027", "title: Mål: 2027")
        ),
    );
    let (run, json) = plan.check_json(&[]);
    assert_diag(&json, "yaml-syntax", "plan.yaml", 1, 11);
    run.assert_code(1);
}

#[test]
fn bom_and_crlf_positions_in_body() {
    let plan = Plan::new("bom_crlf_body");
    // 6 Se kortet: ![Kort over byen](assets/kort.png)\r
    plan.write(
        "content/03-kort.md",
        &format!(
            "\u{feff}{}",
            crlf(
                "---\ntitle: Kort\norder: 3\n---\n\nSe kortet: ![Kort over byen](assets/kort.png)\n"
            )
        ),
    );
    only(&plan, "error", "missing-file", "content/03-kort.md", 6, 12);
}

#[test]
fn latin1_file_reports_line_and_column_in_characters() {
    let plan = Plan::new("latin1_positions");
    // 3 summary: Æble og K<0xE6>rlighed     <- Æ is UTF-8 here, then a Latin-1
    //   æ after 18 characters ("summary: Æble og K"), so column 19.
    let mut bytes = "---\ntitle: Blandet\nsummary: Æble og K"
        .as_bytes()
        .to_vec();
    bytes.push(0xE6);
    bytes.extend_from_slice(b"rlighed\n---\n\nTekst.\n");
    plan.write_bytes("content/03-blandet.md", &bytes);
    let d = only(
        &plan,
        "error",
        "invalid-utf8",
        "content/03-blandet.md",
        3,
        19,
    );
    assert!(d.message.contains("0xE6"), "{d}");
    // A Latin-1 plan.yaml too: 1 title: Beskæftigelsesplan  (æ after 11).
    plan.write_bytes(
        "plan.yaml",
        &[
            b"title: Besk\xe6ftigelsesplan\n".as_slice(),
            &BASE_PLAN.as_bytes()[21..],
        ]
        .concat(),
    );
    let (run, json) = plan.check_json(&[]);
    assert_diag(&json, "invalid-utf8", "plan.yaml", 1, 12);
    run.assert_code(1);
}

#[test]
fn bytes_that_are_not_text_in_a_markdown_file() {
    let plan = Plan::new("binary_md");
    // A PNG header saved as x.md: 0x89 is the first byte.
    plan.write_bytes(
        "content/x.md",
        &[
            0x89, b'P', b'N', b'G', b'\r', b'\n', 0x1a, b'\n', 0, 0, 0, 0x0d, 0xff, 0xfe,
        ],
    );
    let (run, json) = plan.check_json(&[]);
    run.assert_no_panic();
    assert_diag(&json, "invalid-utf8", "content/x.md", 1, 1);
    run.assert_code(1);
}

// ---------------------------------------------------------------------------
// Whole runs

#[test]
fn no_plan_yaml_exits_2_naming_plan_yaml() {
    let plan = Plan::new("no_plan_yaml");
    plan.remove("plan.yaml");
    let run = plan.check(&[]);
    run.assert_code(2);
    assert!(run.stderr.contains("plan.yaml"), "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    // Also in JSON form, and for a folder that does not exist.
    plan.check(&["--format", "json"]).assert_code(2);
    let missing = plan.join("findes-ikke");
    let run = run_args(&["check", path_str(&missing)]);
    run.assert_code(2);
    assert!(run.stderr.contains("plan.yaml"), "{}", run.stderr);
}

fn run_args(args: &[&str]) -> Run {
    common::run(args)
}

#[test]
fn several_problems_in_several_files_in_one_run() {
    let plan = Plan::new("several_problems");
    // 12 brand: { primary: blå }     <- not a colour, at column 19
    plan.write(
        "plan.yaml",
        &format!("{BASE_PLAN}brand: {{ primary: blå }}\n"),
    )
    .write(
        "content/03-felt.md",
        "---\ntitle: Felt\norder: 3\nsumary: Kort.\n---\n\nTekst.\n",
    )
    .write(
        "content/04-type.md",
        "---\ntitle: Type\norder: tre\n---\n\nTekst.\n",
    )
    .write("content/05-uden.md", "Bare tekst.\n")
    .write(
        "content/06-ledige.md",
        &ledige(&LEDIGE_OK.replace("{ 2027: 700 }", "{ 2027: 950 }"))
            .replace("order: 3", "order: 6"),
    )
    .write_bytes("content/07-latin1.md", b"---\ntitle: K\xe6r\n---\n");
    let (run, json) = plan.check_json(&[]);
    run.assert_code(1);
    let diags = json.diags();
    assert_eq!(json.errors(), 5, "{}", json.listing());
    assert_eq!(json.warnings(), 1, "{}", json.listing());
    assert_eq!(diags.len(), 6, "{}", json.listing());
    assert_diag(&json, "invalid-value", "plan.yaml", 12, 19);
    assert_diag(&json, "unknown-field", "content/03-felt.md", 4, 1);
    assert_diag(&json, "wrong-type", "content/04-type.md", 3, 8);
    assert_diag(&json, "missing-front-matter", "content/05-uden.md", 1, 1);
    assert_diag(
        &json,
        "target-against-direction",
        "content/06-ledige.md",
        13,
        26,
    );
    assert_diag(&json, "invalid-utf8", "content/07-latin1.md", 2, 9);
    // The human form counts them too.
    let human = plan.check(&[]);
    human.assert_code(1);
    assert!(
        human.stderr.contains("5 errors and 1 warning found"),
        "{}",
        human.stderr
    );
}

#[test]
fn a_bad_plan_yaml_value_does_not_hide_problems_in_sections() {
    let plan = Plan::new("bad_plan_hides_sections");
    // 4 language: fr
    plan.write("plan.yaml", &BASE_PLAN.replace("language: da", "language: fr"))
        // A second U1 (5:9) and an unknown target group (4:15).
        .write(
            "content/03-flere.md",
            "---\ntitle: Flere unge\norder: 3\ntarget_group: ungee\ngoals:\n  - id: U1\n    title: Endnu et mål\n---\n\nTekst.\n",
        )
        // A target outside the period (13:31) and an actual after as_of (12:31).
        .write(
            "content/04-ledige.md",
            &ledige(
                &LEDIGE_OK
                    .replace("2026: 800", "2027: 800")
                    .replace("{ 2027: 700 }", "{ 2027: 700, 2028: 650 }"),
            )
            .replace("order: 3", "order: 4"),
        );
    let (run, json) = plan.check_json(&[]);
    run.assert_code(1);
    assert_diag(&json, "invalid-value", "plan.yaml", 4, 11);
    assert_diag(&json, "unknown-reference", "content/03-flere.md", 4, 15);
    assert_diag(&json, "duplicate-id", "content/03-flere.md", 6, 9);
    assert_diag(&json, "actual-after-as-of", "content/04-ledige.md", 12, 31);
    assert_diag(
        &json,
        "target-outside-period",
        "content/04-ledige.md",
        13,
        31,
    );
}

#[test]
fn several_problems_in_one_file_are_all_reported() {
    let plan = Plan::new("several_in_one_file");
    // 10         direction: down                       (invalid-value 10:20)
    // 11         baseline: { year: 2024, value: -900 } (value-out-of-range 11:40)
    // 12         actuals: { 2025: 850, 2206: 800 }     (year-out-of-range 12:31)
    // 13         targets: { 2027: 700, 2028: 650 }     (target-outside-period 13:31)
    let indicator = LEDIGE_OK
        .replace("direction: decrease", "direction: down")
        .replace("value: 900", "value: -900")
        .replace("2026: 800", "2206: 800")
        .replace("{ 2027: 700 }", "{ 2027: 700, 2028: 650 }");
    plan.write("content/03-ledige.md", &ledige(&indicator));
    let (run, json) = plan.check_json(&[]);
    run.assert_code(1);
    assert_diag(&json, "invalid-value", "content/03-ledige.md", 10, 20);
    assert_diag(&json, "value-out-of-range", "content/03-ledige.md", 11, 40);
    assert_diag(&json, "year-out-of-range", "content/03-ledige.md", 12, 31);
    assert_diag(
        &json,
        "target-outside-period",
        "content/03-ledige.md",
        13,
        31,
    );
    assert_eq!(json.errors(), 4, "{}", json.listing());
}

#[test]
fn an_unknown_unit_does_not_hide_year_rules() {
    let plan = Plan::new("unit_hides_years");
    //  9         unit: cont                           (invalid-value 9:15)
    // 13         targets: { 2027: 700, 2028: 650 }    (target-outside-period 13:31)
    let indicator = LEDIGE_OK
        .replace("unit: count", "unit: cont")
        .replace("{ 2027: 700 }", "{ 2027: 700, 2028: 650 }");
    plan.write("content/03-ledige.md", &ledige(&indicator));
    let (run, json) = plan.check_json(&[]);
    run.assert_code(1);
    assert_diag(&json, "invalid-value", "content/03-ledige.md", 9, 15);
    assert_diag(
        &json,
        "target-outside-period",
        "content/03-ledige.md",
        13,
        31,
    );
}

#[test]
fn json_report_shape() {
    let plan = Plan::new("json_shape");
    plan.write(
        "content/03-felt.md",
        "---\ntitle: Felt\norder: 3\nsumary: Kort.\n---\n\nTekst.\n",
    );
    let (_, json) = plan.check_json(&[]);
    let d = &json.0["diagnostics"][0];
    for key in [
        "code", "severity", "file", "line", "column", "message", "hint",
    ] {
        assert!(d.get(key).is_some(), "no `{key}` in {d}");
    }
    assert_eq!(d["severity"], "error");
    assert!(d["line"].is_u64() && d["column"].is_u64(), "{d}");
    // A clean plan gives an empty list and zero counts on stdout, nothing else.
    let clean = Plan::new("json_shape_clean");
    let (run, json) = clean.check_json(&[]);
    assert_eq!(json.0["diagnostics"], serde_json::json!([]));
    assert_eq!(json.errors(), 0);
    assert_eq!(run.stdout.trim().lines().count(), 1, "{}", run.stdout);
}

#[test]
fn github_format_prints_workflow_annotations() {
    let plan = Plan::new("github_format");
    plan.write(
        "content/03-type.md",
        "---\ntitle: Type\norder: tre\n---\n\nTekst.\n",
    )
    .write(
        "content/04-orden.md",
        "---\ntitle: Orden\norder: 2\n---\n\nTekst.\n",
    );
    let run = plan.check(&["--format", "github"]);
    run.assert_code(1);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", run.stdout);
    assert!(
        lines.iter().any(
            |l| l.starts_with("::error file=content/03-type.md,line=3,col=8,")
                && l.contains("title=wrong-type::")
        ),
        "{}",
        run.stdout
    );
    assert!(
        lines.iter().any(
            |l| l.starts_with("::warning file=content/04-orden.md,line=3,col=8,")
                && l.contains("title=duplicate-order::")
        ),
        "{}",
        run.stdout
    );
    for l in &lines {
        assert!(
            l.starts_with("::error ") || l.starts_with("::warning "),
            "{l}"
        );
    }
}

#[test]
fn human_format_shows_position_source_line_and_hint_without_colour() {
    let plan = Plan::new("human_format");
    plan.write(
        "content/03-felt.md",
        "---\ntitle: Felt\norder: 3\nsumary: Kort.\n---\n\nTekst.\n",
    );
    let run = plan.check(&[]);
    run.assert_code(1);
    let err = &run.stderr;
    assert!(err.contains("unknown-field"), "{err}");
    assert!(err.contains("content/03-felt.md:4:1"), "{err}");
    assert!(err.contains("sumary: Kort."), "{err}");
    assert!(err.contains("did you mean `summary`?"), "{err}");
    assert!(err.contains("1 error and 0 warnings found"), "{err}");
    assert!(
        !err.contains('\u{1b}'),
        "ANSI escapes when not a terminal:\n{err:?}"
    );
    assert!(!run.stdout.contains('\u{1b}'), "{:?}", run.stdout);
}

#[test]
fn human_format_for_a_clean_plan_says_what_it_checked() {
    let plan = Plan::new("human_clean");
    let run = plan.check(&[]);
    run.assert_code(0);
    assert!(run.stderr.contains("checked 2 sections"), "{}", run.stderr);
    assert!(!run.stderr.contains("error"), "{}", run.stderr);
}

#[test]
fn human_format_of_a_whole_file_problem() {
    let plan = Plan::new("human_whole_file");
    plan.remove("content").mkdir("content");
    let run = plan.check(&[]);
    run.assert_code(1);
    assert!(run.stderr.contains("no-sections"), "{}", run.stderr);
    assert!(!run.stderr.contains('\u{1b}'), "{:?}", run.stderr);
}

#[test]
fn duplicate_key_is_reported_at_the_second_key() {
    let plan = Plan::new("duplicate_key");
    // 4 title: Igen
    plan.write(
        "content/03-dobbelt.md",
        "---\ntitle: Dobbelt\norder: 3\ntitle: Igen\n---\n\nTekst.\n",
    );
    let d = only(&plan, "error", "yaml-syntax", "content/03-dobbelt.md", 4, 1);
    assert!(d.message.contains("title"), "{d}");
}

#[test]
fn hidden_files_and_non_markdown_files_are_ignored() {
    let plan = Plan::new("hidden_files");
    plan.write("content/.03-kladde.md", "ikke front matter\n")
        .write("content/.git/x.md", "heller ikke\n")
        .write("content/noter.txt", "noter\n");
    let (run, json) = plan.check_json(&[]);
    assert_clean(&json);
    run.assert_code(0);
}

// ---------------------------------------------------------------------------
// Garbage in: never a panic, always a report

#[test]
fn garbage_front_matter_never_panics() {
    let nested = format!("---\ntitle: {}{}\n---\n", "[".repeat(200), "]".repeat(200));
    let cases: Vec<(&str, String)> = vec![
        ("a list", "---\n- a\n- b\n---\n".into()),
        ("a scalar", "---\njust some text\n---\n".into()),
        ("a number", "---\n42\n---\n".into()),
        ("empty front matter", "---\n---\nTekst.\n".into()),
        ("an empty file", String::new()),
        ("only dashes", "---".into()),
        ("dots close", "---\ntitle: Prikker\n...\nTekst.\n".into()),
        ("anchors and aliases", "---\ntitle: &t Titel\nsummary: *t\ngoals: &g [ ]\n---\n".into()),
        ("unknown alias", "---\ntitle: *nope\n---\n".into()),
        ("merge keys", "---\nbase: &b { title: X }\n<<: *b\n---\n".into()),
        ("complex keys", "---\n? [a, b]\n: c\n? { x: 1 }\n: d\n---\n".into()),
        ("tags", "---\ntitle: !!binary aGVq\norder: !custom 3\n---\n".into()),
        ("numeric keys", "---\n1: a\ntrue: b\nnull: c\n---\n".into()),
        ("goals a mapping", "---\ntitle: X\ngoals: { id: A }\n---\n".into()),
        ("goals a string", "---\ntitle: X\ngoals: A, B\n---\n".into()),
        ("goal a string", "---\ntitle: X\ngoals: [A]\n---\n".into()),
        ("goal a list", "---\ntitle: X\ngoals: [[A]]\n---\n".into()),
        (
            "indicators odd",
            "---\ntitle: X\ngoals:\n  - id: A\n    title: T\n    indicators: [1, x, [ ], { }]\n---\n".into(),
        ),
        (
            "series odd",
            "---\ntitle: X\ngoals:\n  - id: A\n    title: T\n    indicators:\n      - name: N\n        unit: count\n        direction: up\n        baseline: 2024\n        actuals: [1, 2]\n        targets: { abc: 1, 99999999999999999999: 2, 2027: 1e3, 2026: [1], null: 3, 2027.5: 1 }\n---\n".into(),
        ),
        (
            "huge and odd numbers",
            "---\ntitle: X\norder: 99999999999999999999999\ngoals:\n  - id: A\n    title: T\n    deadline: 99999-12-31\n    indicators:\n      - name: N\n        unit: percent\n        direction: increase\n        baseline: { year: -2024, value: 1e308 }\n        actuals: { 2025: -1e308, 2026: 0.1e-320 }\n        targets: { 2027: 1e300 }\n---\n".into(),
        ),
        ("ids of every type", "---\ntitle: X\ngoals:\n  - id: [1]\n    title: { a: b }\n  - id: 1.5\n    title: 2\n  - id: null\n---\n".into()),
        ("deep nesting", nested),
        ("NUL bytes", "---\ntitle: a\u{0}b\n---\n\u{0}\n".into()),
        ("control characters", "---\ntitle: \u{7}\u{1b}[31m\n---\n".into()),
        ("tabs", "---\ntitle:\tX\n\torder: 3\n---\n".into()),
        ("unclosed quote", "---\ntitle: \"X\n---\n".into()),
        ("two documents", "---\ntitle: X\n---\ntitle: Y\n---\n".into()),
        ("markers odd", "---\ntitle: X\n---\n{{ goal() }}\n{{ goal(\"\") }}\n{{ goals(1) }}\n{{ goal(\"A\") }}\n".into()),
        ("links odd", "---\ntitle: X\n---\n[a](../../../../etc/passwd) [b](#) [c](<>) ![d](/abs.png) [e](.md) [f](%zz.md) [g](01-forord.md#)\n".into()),
        ("headings odd", "---\ntitle: X\n---\n###### Six\n# One\n####### Seven\nSetext\n======\n".into()),
        ("non-finite floats", "---\ntitle: X\ngoals:\n  - id: A\n    title: T\n    indicators:\n      - name: N\n        unit: count\n        direction: increase\n        baseline: { year: 2024, value: .inf }\n        targets: { 2027: .nan }\n---\n".into()),
        ("footnotes odd", "---\ntitle: X\n---\n[^a] [^a]\n\n[^a]: x [^b]\n[^b]: y [^a]\n".into()),
    ];
    for (name, text) in &cases {
        let plan = Plan::new(&format!("garbage_{name}"));
        plan.write("content/03-garbage.md", text);
        let run = plan.check(&["--format", "json"]);
        run.assert_no_panic();
        assert!(
            matches!(run.code, Some(0 | 1)),
            "case `{name}`: exit {:?}\n{}\n{}",
            run.code,
            run.stdout,
            run.stderr
        );
        // The JSON still parses, and the human form runs too.
        let json = run.json();
        plan.assert_sane(&json);
        eprintln!("case `{name}`:\n{}", json.listing());
        if run.code == Some(1) {
            assert!(json.errors() > 0, "case `{name}`: exit 1 without errors");
        }
        let human = plan.check(&[]);
        human.assert_no_panic();
        assert_eq!(
            human.code, run.code,
            "case `{name}`: human vs json exit code"
        );
    }
}

#[test]
fn garbage_plan_yaml_never_panics() {
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("a list", b"- a\n- b\n".to_vec()),
        ("a scalar", b"hello\n".to_vec()),
        ("binary", vec![0xff, 0xfe, 0, 1, 2, 3, 0x80]),
        ("vocabulary odd", format!("{BASE_PLAN}tracks: skabe-job\n").into_bytes()),
        (
            "vocabulary items odd",
            b"title: T\norganisation: O\nperiod: 2027\ntarget_groups: [a, [b], { id: [c] }, { id: d }, { name: e }]\nnational_goals: { M1: x }\n".to_vec(),
        ),
        ("period odd", BASE_PLAN.replace("period: 2027", "period: 2027-2024").into_bytes()),
        ("period text", BASE_PLAN.replace("period: 2027", "period: næste år").into_bytes()),
        ("period huge", BASE_PLAN.replace("period: 2027", "period: 99999999999").into_bytes()),
        ("brand odd", format!("{BASE_PLAN}brand: [1]\nbase_url: 7\nallow_html: maybe\ntheme: ../../etc\n").into_bytes()),
        ("language list", BASE_PLAN.replace("language: da", "language: [da, en]").into_bytes()),
        ("as_of number", BASE_PLAN.replace("as_of: 2026-10-01", "as_of: 20261001").into_bytes()),
    ];
    for (name, bytes) in &cases {
        let plan = Plan::new(&format!("garbage_plan_{name}"));
        plan.write_bytes("plan.yaml", bytes);
        let run = plan.check(&["--format", "json"]);
        run.assert_no_panic();
        assert_eq!(
            run.code,
            Some(1),
            "case `{name}`: exit {:?}\n{}\n{}",
            run.code,
            run.stdout,
            run.stderr
        );
        let json = run.json();
        plan.assert_sane(&json);
        eprintln!("case `{name}`:\n{}", json.listing());
        assert!(json.errors() > 0, "case `{name}`");
        plan.check(&[]).assert_no_panic();
    }
}

#[test]
fn very_deep_nesting_does_not_crash() {
    // A runaway paste of brackets must give a diagnostic, not a stack overflow.
    let plan = Plan::new("deep_nesting");
    let depth = 100_000;
    plan.write(
        "content/03-dyb.md",
        &format!(
            "---\ntitle: {}{}\n---\n",
            "[".repeat(depth),
            "]".repeat(depth)
        ),
    );
    let run = plan.check(&["--format", "json"]);
    run.assert_no_panic();
    run.assert_code(1);
}

// ---------------------------------------------------------------------------
// More rule details

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
fn bom_is_not_a_column_in_an_invalid_utf8_position() {
    let plan = Plan::new("bom_latin1");
    // <BOM>title: Besk<0xE6>ftigelsesplan    <- 11 characters before 0xE6
    plan.write_bytes(
        "plan.yaml",
        &[
            b"\xef\xbb\xbftitle: Besk\xe6ftigelsesplan\n".as_slice(),
            &BASE_PLAN.as_bytes()[21..],
        ]
        .concat(),
    );
    let (run, json) = plan.check_json(&[]);
    assert_diag(&json, "invalid-utf8", "plan.yaml", 1, 12);
    run.assert_code(1);
}

#[test]
fn goal_marker_alone_on_its_line_next_to_text_is_a_marker() {
    let plan = Plan::new("marker_next_to_text");
    // 22 Her er målet:
    // 23 {{ goal("U9") }}     <- no such goal in this section
    plan.write(
        "content/02-unge.md",
        &BASE_UNGE.replace("{{ goals() }}", "Her er målet:\n{{ goal(\"U9\") }}"),
    );
    let d = only(
        &plan,
        "error",
        "unknown-reference",
        "content/02-unge.md",
        23,
        1,
    );
    assert!(d.message.contains("U9"), "{d}");
}

#[test]
fn syntax_messages_do_not_leak_parser_internals() {
    let cases = [
        (
            "duplicate key",
            "---\ntitle: A\ntitle: B\n---\n".to_string(),
        ),
        ("nan", "---\ntitle: A\norder: .nan\n---\n".to_string()),
        (
            "deep",
            format!("---\ntitle: {}{}\n---\n", "[".repeat(100), "]".repeat(100)),
        ),
    ];
    for (name, text) in cases {
        let plan = Plan::new(&format!("leak_{name}"));
        plan.write("content/03-x.md", &text);
        let (_, json) = plan.check_json(&[]);
        let d = json.diags().into_iter().next().expect("a diagnostic");
        for internal in ["Options", "Policy", "policy", "budget", "{ depth"] {
            assert!(!d.message.contains(internal), "case `{name}`: {d}");
        }
    }
}

#[test]
fn messages_say_an_indicator() {
    let plan = Plan::new("an_indicator");
    plan.write(
        "content/03-x.md",
        "---\ntitle: X\ngoals:\n  - id: A\n    title: T\n    indicators: [7]\n---\n",
    );
    let (_, json) = plan.check_json(&[]);
    let d = assert_diag(&json, "wrong-type", "content/03-x.md", 6, 18);
    assert!(d.message.starts_with("an indicator"), "{d}");
}

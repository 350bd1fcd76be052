//! End-to-end tests for hostile and unlucky input (issue 8): nothing outside
//! the plan folder is read into the output, nothing is lost, nothing hangs.
//! Each test drives the binary on a small plan with one such input.

mod common;
use common::*;
use std::time::Duration;

/// Long enough for a debug build on a busy machine; a hang is far longer.
const LIMIT: Duration = Duration::from_secs(60);

/// `content/03-tal.md`: one goal with one `count` indicator whose `targets`
/// line (line 11, value at column 26) is `targets`:
///
/// ```text
///  1 ---
///  2 title: Tal
///  3 order: 3
///  4 goals:
///  5   - id: T1
///  6     title: Tallene
///  7     indicators:
///  8       - name: Antal
///  9         unit: count
/// 10         direction: increase
/// 11         targets: { 2027: … }
/// 12 ---
/// ```
fn tal(targets: &str) -> String {
    format!(
        "---\ntitle: Tal\norder: 3\ngoals:\n  - id: T1\n    title: Tallene\n    indicators:\n      - name: Antal\n        unit: count\n        direction: increase\n        targets: {targets}\n---\n\nTekst.\n"
    )
}

/// Checks `plan` and asserts exactly one error, `code` at `file:line:column`.
#[track_caller]
fn one_error(plan: &Plan, code: &str, file: &str, line: u64, column: u64) -> Diag {
    let (run, json) = plan.check_json(&[]);
    run.assert_no_panic();
    let d = assert_only(&json, "error", code, file, line, column);
    run.assert_code(1);
    d
}

// ---------------------------------------------------------------------------
// 6. Numbers a chart or a table cannot show

#[test]
fn a_number_too_large_to_print_is_an_error_at_its_line() {
    let plan = Plan::new("number_too_large");
    for (value, column) in [
        ("1.7e308", 26),
        ("9007199254740993", 26),
        ("1e15", 26),
        ("123456789012345678901234567890", 26),
    ] {
        plan.write("content/03-tal.md", &tal(&format!("{{ 2027: {value} }}")));
        let d = one_error(&plan, "number-too-large", "content/03-tal.md", 11, column);
        assert!(d.message.contains(value) || d.message.contains("large"), "{d}");
        assert!(d.hint.as_deref().unwrap_or("").contains("999999999999999"), "{d}");
    }
    // The largest number that prints exactly is fine.
    plan.write("content/03-tal.md", &tal("{ 2027: 999999999999999 }"));
    let (_, json) = plan.check_json(&[]);
    assert_clean(&json);
}

#[test]
fn a_number_with_more_decimals_than_shown_is_an_error() {
    let plan = Plan::new("too_many_decimals");
    plan.write("content/03-tal.md", &tal("{ 2027: 12.3456789 }"));
    let d = one_error(&plan, "too-many-decimals", "content/03-tal.md", 11, 26);
    assert!(d.message.contains("12.3456789"), "{d}");
    plan.write("content/03-tal.md", &tal("{ 2027: 12.345678 }"));
    let (_, json) = plan.check_json(&[]);
    assert_clean(&json);
}

#[test]
fn chart_scaling_ends_for_values_one_float_step_apart() {
    // 999999999999999.5 and the next float up print exactly, so they pass
    // the check; the chart's axis once looped forever on them.
    let plan = Plan::new("float_step_apart");
    let text = tal("{ 2027: 999999999999999.625 }").replace(
        "        targets:",
        "        actuals: { 2026: 999999999999999.5 }\n        targets:",
    );
    plan.write("content/03-tal.md", &text);
    let out = plan.join("output");
    let run = run_limited(
        &[
            "build",
            path_str(plan.path()),
            "--out",
            path_str(&out),
            "--only",
            "site",
        ],
        LIMIT,
    );
    run.assert_no_panic();
    run.assert_code(0);
    let page = std::fs::read_to_string(out.join("site/tal.html")).expect("section page");
    assert!(page.contains("<svg"), "no chart on the page");
}

#[test]
fn a_year_written_as_number_and_as_text_is_a_duplicate_key() {
    let plan = Plan::new("year_twice");
    plan.write(
        "content/03-tal.md",
        &tal("{ 2027: 10, \"2027\": 12 }"),
    );
    let d = one_error(&plan, "duplicate-key", "content/03-tal.md", 11, 30);
    assert!(d.message.contains("2027"), "{d}");
}

// ---------------------------------------------------------------------------
// 3. Spreadsheet formulas in goals.csv

#[test]
fn text_cells_that_a_spreadsheet_would_run_start_with_an_apostrophe() {
    let plan = Plan::new("csv_formulas");
    plan.write(
        "content/03-formler.md",
        "---\ntitle: \"=HYPERLINK(\\\"https://x.example\\\",\\\"klik\\\")\"\norder: 3\ngoals:\n  - id: \"@F1\"\n    title: \"+SUM(A1:A9)\"\n    indicators:\n      - name: \"-2+3\"\n        unit: text\n        targets: { 2027: \"\\tTAB\" }\n      - name: \"\\rCR\"\n        unit: text\n        targets: { 2027: Almindelig tekst }\n---\n\nTekst.\n",
    );
    let out = plan.join("output");
    plan.build(&["--out", path_str(&out), "--only", "data"])
        .assert_code(0);
    let bytes = std::fs::read(out.join("goals.csv")).expect("goals.csv");
    let text = String::from_utf8(bytes).expect("UTF-8");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().expect("header row").clone();
    let col = |name: &str| headers.iter().position(|h| h == name).expect(name);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let ours: Vec<&csv::StringRecord> = rows.iter().filter(|r| r[col("goal_id")] == *"'@F1").collect();
    assert_eq!(ours.len(), 2, "rows of the goal: {rows:?}");
    for row in &ours {
        for cell in row.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a cell a spreadsheet would run as a formula: {cell:?} in {row:?}"
            );
        }
        assert_eq!(&row[col("section")], "'=HYPERLINK(\"https://x.example\",\"klik\")");
        assert_eq!(&row[col("goal_title")], "'+SUM(A1:A9)");
    }
    assert_eq!(&ours[0][col("indicator")], "'-2+3");
    // Leading tabs and carriage returns never get this far: text fields
    // are trimmed. The loop above holds for them all the same.
    assert_eq!(&ours[0][col("value")], "TAB");
    // Ordinary text is left as it is.
    assert_eq!(&ours[1][col("value")], "Almindelig tekst");
    // goals.json is data for programs, not spreadsheets: it keeps the text.
    let json = std::fs::read_to_string(out.join("goals.json")).expect("goals.json");
    assert!(json.contains("\"+SUM(A1:A9)\""), "{json}");
}

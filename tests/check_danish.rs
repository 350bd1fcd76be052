//! End-to-end tests of how planpress meets a Danish author's habits:
//! decimal commas and thousands separators, Danish names for fields, units
//! and directions, Danish dates, and values in the wrong shape. Each
//! diagnostic names the file, line and column, and its hint says what to
//! write instead. Positions are 1-based and count characters.

mod common;
use common::*;

// ---------------------------------------------------------------------------
// Commas and dots the Danish way

#[test]
fn a_decimal_comma_inside_braces_asks_for_a_point() {
    let plan = Plan::new("decimal_comma");
    // 12         actuals: { 2025: 85,5, 2026: 800 }     <- `85,5` at column 26
    plan.write(
        "content/03-ledige.md",
        &ledige(&LEDIGE_OK.replace("2025: 850", "2025: 85,5")),
    );
    let d = only(
        &plan,
        "error",
        "decimal-comma",
        "content/03-ledige.md",
        12,
        26,
    );
    assert_eq!(
        d.message,
        "`85,5` er skrevet med decimalkomma, og inde i `{ }` deler YAML det i to værdier"
    );
    assert_eq!(d.hint.as_deref(), Some("skriv `85.5` med punktum"));
    let en = in_english(&plan, "decimal-comma", "content/03-ledige.md", 12, 26);
    assert_eq!(
        en.hint.as_deref(),
        Some("write `85.5`, with a decimal point")
    );
    // In a baseline too: 11 baseline: { year: 2024, value: 90,5 } (column 40).
    plan.write(
        "content/03-ledige.md",
        &ledige(&LEDIGE_OK.replace("value: 900", "value: 90,5")),
    );
    let d = only(
        &plan,
        "error",
        "decimal-comma",
        "content/03-ledige.md",
        11,
        40,
    );
    assert_eq!(d.hint.as_deref(), Some("skriv `90.5` med punktum"));
}

#[test]
fn decimal_commas_that_break_the_yaml_are_found_too() {
    let plan = Plan::new("decimal_comma_breaks_yaml");
    // 12         actuals: { 2025: 14,0, 2026: 10,0 }
    // `14,0` and `10,0` both leave a key `0`, which YAML cannot take twice.
    plan.write(
        "content/03-ledige.md",
        &ledige(&LEDIGE_OK.replace("{ 2025: 850, 2026: 800 }", "{ 2025: 14,0, 2026: 10,0 }")),
    );
    let d = only(
        &plan,
        "error",
        "decimal-comma",
        "content/03-ledige.md",
        12,
        26,
    );
    assert_eq!(d.hint.as_deref(), Some("skriv `14.0` med punktum"));
    // The human form underlines the whole number.
    let run = plan.check(&[]);
    assert!(
        run.stderr.contains("   |                          ^^^^\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_comma_in_an_unquoted_name_asks_for_quotes() {
    let plan = Plan::new("comma_in_name");
    //  7   - { id: unge, name: Unge, ledige og andre }     <- `Unge` at column 23
    plan.write(
        "plan.yaml",
        &BASE_PLAN.replace("name: Unge uden uddannelse", "name: Unge, ledige og andre"),
    );
    let d = only(&plan, "error", "comma-in-name", "plan.yaml", 7, 23);
    assert_eq!(
        d.message,
        "kommaet i `Unge, ledige og andre` deler værdien i to: inde i `{ }` slutter et komma en værdi"
    );
    assert_eq!(
        d.hint.as_deref(),
        Some("sæt navnet i anførselstegn: `name: \"Unge, ledige og andre\"`")
    );
    let en = in_english(&plan, "comma-in-name", "plan.yaml", 7, 23);
    assert_eq!(
        en.hint.as_deref(),
        Some("put the name in quotes: `name: \"Unge, ledige og andre\"`")
    );
    // Quoted, it is a name like any other.
    plan.write(
        "plan.yaml",
        &BASE_PLAN.replace(
            "name: Unge uden uddannelse",
            "name: \"Unge, ledige og andre\"",
        ),
    );
    let (run, json) = plan.check_json(&[]);
    assert_clean(&json);
    run.assert_code(0);
}

#[test]
fn a_danish_thousands_separator_is_not_a_decimal_point() {
    let plan = Plan::new("thousands_separator");
    // 13         targets: { 2027: 2.500 }     <- YAML reads 2.5, at column 26
    plan.write(
        "content/03-ledige.md",
        &ledige(
            &LEDIGE_OK
                .replace("direction: decrease", "direction: increase")
                .replace("{ 2027: 700 }", "{ 2027: 2.500 }"),
        ),
    );
    let d = only(
        &plan,
        "error",
        "thousands-separator",
        "content/03-ledige.md",
        13,
        26,
    );
    assert_eq!(
        d.message,
        "`2.500` læses som 2,5: i YAML er punktum et decimaltegn"
    );
    assert_eq!(
        d.hint.as_deref(),
        Some("skriv `2500` uden tusindtalspunktum")
    );
    // A decimal in a percentage is fine: 13 targets: { 2027: 45.125 }
    plan.write(
        "content/03-ledige.md",
        &ledige(
            &LEDIGE_OK
                .replace("unit: count", "unit: percent")
                .replace("value: 900", "value: 90")
                .replace("2025: 850, 2026: 800", "2025: 85, 2026: 80")
                .replace("{ 2027: 700 }", "{ 2027: 45.125 }"),
        ),
    );
    let (run, json) = plan.check_json(&[]);
    assert_clean(&json);
    run.assert_code(0);
}

#[test]
fn a_number_written_as_danish_text_gets_the_yaml_form() {
    let plan = Plan::new("danish_number_text");
    // 13         targets: { 2027: "14,6 %" }
    plan.write(
        "content/03-ledige.md",
        &ledige(
            &LEDIGE_OK
                .replace("unit: count", "unit: percent")
                .replace("value: 900", "value: 20")
                .replace("2025: 850, 2026: 800", "2025: 18, 2026: 17")
                .replace("{ 2027: 700 }", "{ 2027: \"14,6 %\" }"),
        ),
    );
    let d = only(&plan, "error", "wrong-type", "content/03-ledige.md", 13, 26);
    assert_eq!(
        d.message,
        "`14,6 %` er tekst, men en indikator med `unit: percent` skal have et tal"
    );
    assert!(
        d.hint.as_deref().is_some_and(|h| h.ends_with(": `14.6`")),
        "{d}"
    );
}

// ---------------------------------------------------------------------------
// Danish words and forms for what plan files ask in English

#[test]
fn danish_field_names_get_the_field_meant() {
    let plan = Plan::new("danish_fields");
    // 4 målgruppe: unge
    plan.write(
        "content/03-x.md",
        "---\ntitle: X\norder: 3\nmålgruppe: unge\n---\n\nTekst.\n",
    );
    let d = only(&plan, "error", "unknown-field", "content/03-x.md", 4, 1);
    assert_eq!(d.message, "ukendt felt `målgruppe` i et afsnit");
    assert_eq!(d.hint.as_deref(), Some("mente du `target_group`?"));
    // `mål` is `goals` in a section and `targets` in an indicator.
    plan.write("content/03-x.md", "---\ntitle: X\norder: 3\nmål: []\n---\n");
    let d = only(&plan, "error", "unknown-field", "content/03-x.md", 4, 1);
    assert_eq!(d.hint.as_deref(), Some("mente du `goals`?"));
    plan.remove("content/03-x.md").write(
        "content/03-ledige.md",
        &ledige(&LEDIGE_OK.replace("targets: { 2027: 700 }", "mål: { 2027: 700 }")),
    );
    let (_, json) = plan.check_json(&[]);
    let d = assert_diag(&json, "unknown-field", "content/03-ledige.md", 13, 9);
    assert_eq!(d.hint.as_deref(), Some("mente du `targets`?"));
    // A misspelt required field is reported once, not also as missing.
    plan.remove("content/03-ledige.md")
        .write("plan.yaml", &BASE_PLAN.replace("title:", "titel:"));
    let d = only(&plan, "error", "unknown-field", "plan.yaml", 1, 1);
    assert_eq!(d.hint.as_deref(), Some("mente du `title`?"));
}

#[test]
fn danish_units_and_directions_get_the_word_meant() {
    let plan = Plan::new("danish_units");
    //  9         unit: antal
    // 10         direction: faldende
    plan.write(
        "content/03-ledige.md",
        &ledige(
            &LEDIGE_OK
                .replace("unit: count", "unit: antal")
                .replace("direction: decrease", "direction: faldende"),
        ),
    );
    let (run, json) = plan.check_json(&[]);
    run.assert_code(1);
    let d = assert_diag(&json, "invalid-value", "content/03-ledige.md", 9, 15);
    assert_eq!(d.message, "ukendt enhed `antal`");
    assert_eq!(d.hint.as_deref(), Some("mente du `count`?"));
    let d = assert_diag(&json, "invalid-value", "content/03-ledige.md", 10, 20);
    assert_eq!(d.hint.as_deref(), Some("mente du `decrease`?"));
}

#[test]
fn dates_written_the_danish_way_get_the_yaml_form() {
    let plan = Plan::new("danish_dates");
    // 5 as_of: 1. oktober 2026
    plan.write(
        "plan.yaml",
        &BASE_PLAN.replace("as_of: 2026-10-01", "as_of: 1. oktober 2026"),
    );
    let d = only(&plan, "error", "invalid-date", "plan.yaml", 5, 8);
    assert_eq!(d.message, "`1. oktober 2026` er ikke en dato");
    assert_eq!(d.hint.as_deref(), Some("skriv `as_of: 2026-10-01`"));
    // 10     deadline: 4. kvartal 2027   and   31-12-2027
    plan.write("plan.yaml", BASE_PLAN);
    for (written, meant) in [("4. kvartal 2027", "2027-Q4"), ("31-12-2027", "2027-12-31")] {
        plan.write(
            "content/02-unge.md",
            &BASE_UNGE.replace("deadline: 2027-12-31", &format!("deadline: {written}")),
        );
        let d = only(&plan, "error", "invalid-date", "content/02-unge.md", 10, 15);
        assert_eq!(
            d.hint.as_deref(),
            Some(format!("skriv `deadline: {meant}`").as_str())
        );
    }
    // 3 period: 2024 til 2027
    plan.write("content/02-unge.md", BASE_UNGE).write(
        "plan.yaml",
        &BASE_PLAN.replace("period: 2027", "period: 2024 til 2027"),
    );
    let d = only(&plan, "error", "invalid-value", "plan.yaml", 3, 9);
    assert_eq!(d.hint.as_deref(), Some("skriv `period: 2024-2027`"));
}

#[test]
fn values_in_the_wrong_shape_get_their_form() {
    let plan = Plan::new("value_shapes");
    // 11         baseline: 900      <- the year is missing
    plan.write(
        "content/03-ledige.md",
        &ledige(&LEDIGE_OK.replace("baseline: { year: 2024, value: 900 }", "baseline: 900")),
    );
    let d = only(&plan, "error", "wrong-type", "content/03-ledige.md", 11, 19);
    assert_eq!(
        d.hint.as_deref(),
        Some("skriv året med: `baseline: { year: 2024, value: 900 }`")
    );
    // 12         actuals: { 2025: 850, 2026: ikke målt }
    plan.write(
        "content/03-ledige.md",
        &ledige(&LEDIGE_OK.replace("2026: 800", "2026: ikke målt")),
    );
    let d = only(&plan, "error", "wrong-type", "content/03-ledige.md", 12, 37);
    assert_eq!(
        d.hint.as_deref(),
        Some("skriv `null` for et år uden tal, fx `2025: null`")
    );
    // 3 order: første
    plan.remove("content/03-ledige.md")
        .write("content/03-x.md", "---\ntitle: X\norder: første\n---\n");
    let d = only(&plan, "error", "wrong-type", "content/03-x.md", 3, 8);
    assert_eq!(d.hint.as_deref(), Some("skriv et helt tal, fx `order: 3`"));
    // 5 goals:  6   id: U2   (no dash)
    plan.write(
        "content/03-x.md",
        "---\ntitle: X\norder: 3\ngoals:\n  id: U2\n  title: Et mål\n---\n",
    );
    let d = only(&plan, "error", "wrong-type", "content/03-x.md", 5, 3);
    assert_eq!(
        d.hint.as_deref(),
        Some(
            "skriv hvert punkt under `goals` på sin egen linje med en bindestreg og et mellemrum foran: `- id: V1`"
        )
    );
}

#[test]
fn vocabulary_entries_written_as_names_get_their_form() {
    let plan = Plan::new("vocabulary_names");
    //  7   - Unge uden uddannelse     <- a name without an id
    plan.write(
        "plan.yaml",
        &BASE_PLAN.replace(
            "  - { id: unge, name: Unge uden uddannelse }",
            "  - Unge uden uddannelse",
        ),
    );
    // One error: the section's `target_group: unge` is not also reported.
    let d = only(&plan, "error", "wrong-type", "plan.yaml", 7, 5);
    assert_eq!(
        d.hint.as_deref(),
        Some("skriv `- { id: unge-uden-uddannelse, name: Unge uden uddannelse }`")
    );
    // A section that names the group instead of its id gets the id.
    plan.write("plan.yaml", BASE_PLAN).write(
        "content/02-unge.md",
        &BASE_UNGE.replace("target_group: unge", "target_group: Unge uden uddannelse"),
    );
    let d = only(
        &plan,
        "error",
        "unknown-reference",
        "content/02-unge.md",
        4,
        15,
    );
    assert_eq!(d.hint.as_deref(), Some("mente du `unge`?"));
}

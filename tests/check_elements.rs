//! End-to-end tests of the rules for what a section can say beyond prose
//! and goal tables: callouts, raw HTML, signatures, a goal's own target
//! groups, and an indicator's id, unit label and assessment. Each asserts
//! the code, file, line and column, and the words in Danish and English.

mod common;
use common::*;

/// A section of prose, `body` starting on line 6.
fn prose(body: &str) -> String {
    format!("---\ntitle: Boks\norder: 3\nsummary: Et afsnit.\n---\n{body}")
}

#[test]
fn rule_unknown_callout_kind_names_the_five() {
    let plan = Plan::new("rule_unknown_callout");
    // 6 > [!FAKTA]
    plan.write(
        "content/03-boks.md",
        &prose("> [!FAKTA]\n> Ledigheden er 2,9 %.\n"),
    );
    let d = only(
        &plan,
        "warning",
        "unknown-callout",
        "content/03-boks.md",
        6,
        3,
    );
    assert_eq!(
        d.message,
        "`[!FAKTA]` gør ikke citatet til en boks, så det står som tekst"
    );
    let hint = d.hint.unwrap_or_default();
    for kind in ["NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION"] {
        assert!(hint.contains(&format!("`[!{kind}]`")), "{hint}");
    }
    let en = in_english(&plan, "unknown-callout", "content/03-boks.md", 6, 3);
    assert_eq!(
        en.message,
        "`[!FAKTA]` does not make the quote a callout, so it is shown as text"
    );
    assert!(
        en.hint
            .as_deref()
            .is_some_and(|h| h.contains("or `[!CAUTION]`")),
        "{en}"
    );
}

#[test]
fn rule_callout_marker_not_alone_on_its_line() {
    let plan = Plan::new("rule_callout_not_alone");
    // 6 Tekst.
    // 7
    // 8 > [!tip] Søg job i god tid.
    plan.write(
        "content/03-boks.md",
        &prose("Tekst.\n\n> [!tip] Søg job i god tid.\n"),
    );
    let d = only(
        &plan,
        "warning",
        "unknown-callout",
        "content/03-boks.md",
        8,
        3,
    );
    assert_eq!(
        d.hint.as_deref(),
        Some("skriv `> [!TIP]` alene på linjen og teksten på linjerne under den"),
        "{d}"
    );
}

#[test]
fn known_callouts_and_quotes_with_a_speaker_are_clean() {
    let plan = Plan::new("callouts_clean");
    plan.write(
        "content/03-boks.md",
        &prose(
            "> [!NOTE]\n> **Fakta: ledigheden i tal**\n> 2,9 %.\n\n> [!caution]\n> Frist.\n\n> Citat.\n>\n> — Navn Navnesen, formand\n",
        ),
    );
    let (run, json) = plan.check_json(&[]);
    run.assert_code(0);
    assert_eq!(json.diags().len(), 0, "{}", json.listing());
}

#[test]
fn rule_raw_html_block_and_tag_are_warnings_at_their_line() {
    let plan = Plan::new("rule_raw_html");
    // 6 <div class="fakta">Ledigheden er 2,9 %.</div>
    // 7
    // 8 Tekst med <b>fed</b> skrift.
    plan.write(
        "content/03-boks.md",
        &prose("<div class=\"fakta\">Ledigheden er 2,9 %.</div>\n\nTekst med <b>fed</b> skrift.\n"),
    );
    let (run, json) = plan.check_json(&[]);
    run.assert_code(0);
    let diags = json.diags();
    assert_eq!(diags.len(), 2, "{}", json.listing());
    let block = assert_diag(&json, "raw-html", "content/03-boks.md", 6, 1);
    let tag = assert_diag(&json, "raw-html", "content/03-boks.md", 8, 11);
    assert_eq!(block.severity, "warning");
    assert_eq!(
        tag.message,
        "rå HTML vises som tekst, fordi `allow_html` er slået fra"
    );
    assert!(
        tag.hint
            .as_deref()
            .is_some_and(|h| h.contains("`> [!NOTE]`")),
        "{tag}"
    );
    let en = in_english(&plan, "raw-html", "content/03-boks.md", 6, 1);
    assert_eq!(
        en.message,
        "raw HTML is shown as text, because `allow_html` is off"
    );
    assert!(
        en.hint
            .as_deref()
            .is_some_and(|h| h.starts_with("use a callout for a fact box")),
        "{en}"
    );
    // With `allow_html` the HTML goes through as HTML: nothing to say.
    plan.write("plan.yaml", &format!("{BASE_PLAN}allow_html: true\n"));
    let (run, json) = plan.check_json(&[]);
    run.assert_code(0);
    assert_eq!(json.diags().len(), 0, "{}", json.listing());
}

/// `content/02-unge.md` with `extra` lines after `tracks:` (line 9).
fn unge_with(extra: &str) -> String {
    BASE_UNGE.replace(
        "    tracks: [skabe-job]\n",
        &format!("    tracks: [skabe-job]\n{extra}"),
    )
}

#[test]
fn rule_unknown_target_group_in_target_groups() {
    let plan = Plan::new("rule_target_groups");
    // 10     target_groups: [unge, voksne]
    plan.write(
        "content/02-unge.md",
        &unge_with("    target_groups: [unge, voksne]\n"),
    );
    let d = only(
        &plan,
        "error",
        "unknown-reference",
        "content/02-unge.md",
        10,
        27,
    );
    assert_eq!(d.message, "der er ingen målgruppe `voksne` i plan.yaml");
    assert_eq!(
        d.hint.as_deref(),
        Some("plan.yaml har disse `target_groups`: unge"),
        "{d}"
    );
    let en = in_english(&plan, "unknown-reference", "content/02-unge.md", 10, 27);
    assert_eq!(en.message, "there is no target group `voksne` in plan.yaml");
}

#[test]
fn target_groups_must_be_a_list() {
    let plan = Plan::new("rule_target_groups_list");
    // 10     target_groups: unge
    plan.write(
        "content/02-unge.md",
        &unge_with("    target_groups: unge\n"),
    );
    let d = only(&plan, "error", "wrong-type", "content/02-unge.md", 10, 20);
    assert!(
        d.hint.as_deref().is_some_and(|h| h.contains("[unge]")),
        "{d}"
    );
}

#[test]
fn rule_assessment_on_a_numeric_indicator() {
    let plan = Plan::new("rule_assessment_numeric");
    // 11         assessment: on_track
    let indicator = LEDIGE_OK
        .replace(
            "direction: decrease",
            "direction: decrease\n        assessment: on_track",
        )
        .replace("        actuals: { 2025: 850, 2026: 800 }\n", "");
    plan.write("content/03-ledige.md", &ledige(&indicator));
    let d = only(
        &plan,
        "error",
        "field-not-for-unit",
        "content/03-ledige.md",
        11,
        9,
    );
    assert_eq!(
        d.message,
        "en indikator med `unit: count` kan ikke have `assessment`"
    );
    assert!(
        d.hint
            .as_deref()
            .is_some_and(|h| h.contains("`unit: text`")),
        "{d}"
    );
    let en = in_english(&plan, "field-not-for-unit", "content/03-ledige.md", 11, 9);
    assert_eq!(
        en.message,
        "an indicator with `unit: count` cannot have `assessment`"
    );
}

#[test]
fn rule_unit_label_on_a_percentage() {
    let plan = Plan::new("rule_unit_label_percent");
    // 9         unit: percent
    // 10        unit_label: timer
    let indicator = LEDIGE_OK
        .replace("unit: count", "unit: percent\n        unit_label: timer")
        .replace("        actuals: { 2025: 850, 2026: 800 }\n", "")
        .replace("900", "90")
        .replace("700", "70");
    plan.write("content/03-ledige.md", &ledige(&indicator));
    let d = only(
        &plan,
        "error",
        "field-not-for-unit",
        "content/03-ledige.md",
        10,
        9,
    );
    assert_eq!(
        d.message,
        "en indikator med `unit: percent` kan ikke have `unit_label`"
    );
    let en = in_english(&plan, "field-not-for-unit", "content/03-ledige.md", 10, 9);
    assert!(
        en.hint
            .as_deref()
            .is_some_and(|h| h.contains("percentages and ranks")),
        "{en}"
    );
}

#[test]
fn an_hours_unit_is_a_count_with_a_label() {
    let plan = Plan::new("rule_unit_hours");
    // 9         unit: timer
    plan.write(
        "content/03-ledige.md",
        &ledige(&LEDIGE_OK.replace("unit: count", "unit: timer")),
    );
    let d = only(
        &plan,
        "error",
        "invalid-value",
        "content/03-ledige.md",
        9,
        15,
    );
    assert!(
        d.hint
            .as_deref()
            .is_some_and(|h| h.contains("`unit: count`") && h.contains("`unit_label: timer`")),
        "{d}"
    );
    // Written so, it is clean.
    plan.write(
        "content/03-ledige.md",
        &ledige(
            &LEDIGE_OK
                .replace("unit: count", "unit: count\n        unit_label: timer")
                .replace("        actuals: { 2025: 850, 2026: 800 }\n", ""),
        ),
    );
    let (run, json) = plan.check_json(&[]);
    run.assert_code(0);
    assert_eq!(json.diags().len(), 0, "{}", json.listing());
}

/// A text indicator for [`ledige`], with `extra` as its fifth line.
fn text_indicator(extra: &str) -> String {
    format!(
        "        unit: text\n        actuals: {{ 2026: Middel }}\n        targets: {{ 2027: Høj }}\n{extra}        source: Måling\n"
    )
}

#[test]
fn rule_unknown_assessment_understands_danish() {
    let plan = Plan::new("rule_unknown_assessment");
    // 12         assessment: på vej
    plan.write(
        "content/03-ledige.md",
        &ledige(&text_indicator("        assessment: på vej\n")),
    );
    let d = only(
        &plan,
        "error",
        "invalid-value",
        "content/03-ledige.md",
        12,
        21,
    );
    assert_eq!(d.message, "ukendt vurdering `på vej`");
    assert_eq!(d.hint.as_deref(), Some("mente du `on_track`?"), "{d}");
    let en = in_english(&plan, "invalid-value", "content/03-ledige.md", 12, 21);
    assert_eq!(en.message, "unknown assessment `på vej`");
    // A word planpress cannot place gets the three to choose from.
    plan.write(
        "content/03-ledige.md",
        &ledige(&text_indicator("        assessment: godt\n")),
    );
    let d = only(
        &plan,
        "error",
        "invalid-value",
        "content/03-ledige.md",
        12,
        21,
    );
    assert!(
        d.hint
            .as_deref()
            .is_some_and(|h| h.contains("achieved") && h.contains("off_track")),
        "{d}"
    );
}

#[test]
fn rule_duplicate_indicator_id() {
    let plan = Plan::new("rule_duplicate_indicator_id");
    // 8       - name: Ledige i alt
    // 9         id: L1-ledige
    // …
    // 14      - name: Ledige i alt, igen
    // 15        id: L1-ledige
    let two = "---\ntitle: Ledige\norder: 3\ngoals:\n  - id: L1\n    title: Færre ledige\n    indicators:\n      - name: Ledige i alt\n        id: L1-ledige\n        unit: count\n        direction: decrease\n        baseline: { year: 2024, value: 900 }\n        targets: { 2027: 700 }\n      - name: Ledige i alt, igen\n        id: L1-ledige\n        unit: count\n        direction: decrease\n        targets: { 2027: 700 }\n---\n\nTekst.\n";
    plan.write("content/03-ledige.md", two);
    let d = only(
        &plan,
        "error",
        "duplicate-id",
        "content/03-ledige.md",
        15,
        13,
    );
    assert_eq!(d.message, "indikator-id'et `L1-ledige` er allerede brugt");
    assert!(
        d.hint.as_deref().is_some_and(|h| h.contains("`V1.2`")),
        "{d}"
    );
    let en = in_english(&plan, "duplicate-id", "content/03-ledige.md", 15, 13);
    assert_eq!(en.message, "the indicator id `L1-ledige` is already used");
    // The human report points at the first.
    let run = plan.check(&[]);
    assert!(
        run.stderr.contains("content/03-ledige.md:9:13"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_written_id_collides_with_another_indicators_default() {
    let plan = Plan::new("rule_indicator_id_default");
    // U1's one indicator is `U1.1` by default (content/02-unge.md).
    // 9         id: U1.1
    plan.write(
        "content/03-ledige.md",
        &ledige(&format!(
            "        id: U1.1\n{}",
            LEDIGE_OK.replace("        actuals: { 2025: 850, 2026: 800 }\n", "")
        )),
    );
    let d = only(
        &plan,
        "error",
        "duplicate-id",
        "content/03-ledige.md",
        9,
        13,
    );
    assert_eq!(d.message, "indikator-id'et `U1.1` er allerede brugt");
}

#[test]
fn rule_signature_written_as_a_name() {
    let plan = Plan::new("rule_signature_text");
    // 4 signature: Hanne Kjærgaard
    plan.write(
        "content/01-forord.md",
        "---\ntitle: Forord\norder: 1\nsignature: Hanne Kjærgaard\n---\n\nTekst.\n",
    );
    let d = only(&plan, "error", "wrong-type", "content/01-forord.md", 4, 12);
    assert_eq!(
        d.message,
        "en underskrift (`signature`) skal bestå af linjer med `felt: værdi`, men her står tekst"
    );
    assert_eq!(
        d.hint.as_deref(),
        Some(
            "skriv navn og rolle sådan: `signature: { name: Hanne Kjærgaard, role: Formand for udvalget }`"
        ),
        "{d}"
    );
    let en = in_english(&plan, "wrong-type", "content/01-forord.md", 4, 12);
    assert!(en.message.starts_with("a signature must"), "{en}");
}

#[test]
fn rule_signature_without_a_name_or_with_a_misspelt_field() {
    let plan = Plan::new("rule_signature_fields");
    // 4 signature: { role: Formand for udvalget }
    plan.write(
        "content/01-forord.md",
        "---\ntitle: Forord\norder: 1\nsignature: { role: Formand for udvalget }\n---\n\nTekst.\n",
    );
    let d = only(
        &plan,
        "error",
        "missing-field",
        "content/01-forord.md",
        4,
        12,
    );
    assert_eq!(d.message, "underskriften (`signature`) mangler `name`");
    let en = in_english(&plan, "missing-field", "content/01-forord.md", 4, 12);
    assert_eq!(en.message, "the signature has no `name`");
    // 4 signature: { name: Hanne Kjærgaard, rolle: Formand }
    plan.write(
        "content/01-forord.md",
        "---\ntitle: Forord\norder: 1\nsignature: { name: Hanne Kjærgaard, rolle: Formand }\n---\n\nTekst.\n",
    );
    let d = only(
        &plan,
        "error",
        "unknown-field",
        "content/01-forord.md",
        4,
        37,
    );
    assert_eq!(
        d.message,
        "ukendt felt `rolle` i en underskrift (`signature`)"
    );
    assert_eq!(d.hint.as_deref(), Some("mente du `role`?"), "{d}");
}

//! End-to-end tests of how plan files are read: YAML syntax and the slips
//! authors make in it, front matter, encodings and line endings. Positions
//! are 1-based and count characters; each fixture is numbered in comments.

mod common;
use common::*;

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
// YAML slips, explained at the line the author made them

/// Checks `plan` and asserts its only diagnostic is `yaml-syntax` at
/// `file:line:column` with this Danish message and hint, and these English
/// ones under `--lang en`.
#[track_caller]
fn yaml_slip(plan: &Plan, file: &str, line: u64, column: u64, da: [&str; 2], en: [&str; 2]) {
    let d = only(plan, "error", "yaml-syntax", file, line, column);
    assert_eq!(
        [d.message.as_str(), d.hint.as_deref().unwrap_or("")],
        da,
        "{d}"
    );
    let d = in_english(plan, "yaml-syntax", file, line, column);
    assert_eq!(
        [d.message.as_str(), d.hint.as_deref().unwrap_or("")],
        en,
        "{d}"
    );
}

#[test]
fn no_space_after_the_colon_is_reported_at_its_own_line() {
    let plan = Plan::new("no_space_after_colon");
    // 2 title:Tekst      <- the parser only stumbles on line 3
    // 3 order: 3
    plan.write(
        "content/03-x.md",
        "---\ntitle:Tekst\norder: 3\n---\n\nTekst.\n",
    );
    yaml_slip(
        &plan,
        "content/03-x.md",
        2,
        1,
        [
            "der mangler et mellemrum efter kolonet i `title:Tekst`",
            "skriv `title: Tekst`",
        ],
        [
            "`title:Tekst` needs a space after the colon",
            "write `title: Tekst`",
        ],
    );
    // The same slip as the only line of the front matter, and in a goal.
    plan.write("content/03-x.md", "---\ntitle:Tekst\n---\n\nTekst.\n");
    let d = only(&plan, "error", "yaml-syntax", "content/03-x.md", 2, 1);
    assert_eq!(d.hint.as_deref(), Some("skriv `title: Tekst`"));
    // 5   - id:U2
    plan.write(
        "content/03-x.md",
        "---\ntitle: X\norder: 3\ngoals:\n  - id:U2\n    title: Et mål\n---\n",
    );
    let d = only(&plan, "error", "yaml-syntax", "content/03-x.md", 5, 5);
    assert_eq!(d.hint.as_deref(), Some("skriv `id: U2`"));
}

#[test]
fn a_missing_colon_is_reported_at_its_line() {
    let plan = Plan::new("missing_colon");
    // 3 order 3
    plan.write(
        "content/03-x.md",
        "---\ntitle: X\norder 3\nsummary: Kort.\n---\n",
    );
    yaml_slip(
        &plan,
        "content/03-x.md",
        3,
        1,
        [
            "der mangler et kolon efter feltnavnet i `order 3`",
            "skriv `order: 3`",
        ],
        [
            "`order 3` has no `:` after the field name",
            "write `order: 3`",
        ],
    );
}

#[test]
fn an_unclosed_quote_is_reported_where_it_opens() {
    let plan = Plan::new("unclosed_quote");
    // 2 title: "Unge i job     <- the quote at column 8; the parser ends on line 3
    plan.write(
        "content/03-x.md",
        "---\ntitle: \"Unge i job\norder: 3\nsummary: Kort.\n---\n\nTekst.\n",
    );
    yaml_slip(
        &plan,
        "content/03-x.md",
        2,
        8,
        [
            "anførselstegnet `\"` her bliver aldrig lukket",
            "slut teksten med `\"` på samme linje",
        ],
        [
            "the quote `\"` that opens here is never closed",
            "end the text with `\"` on the same line",
        ],
    );
}

#[test]
fn tabs_in_the_indentation_are_named() {
    let plan = Plan::new("tab_indent");
    // 5 <tab>title: Et mål     <- the tab is column 1
    plan.write(
        "content/03-x.md",
        "---\ntitle: X\ngoals:\n  - id: U2\n\ttitle: Et mål\n---\n",
    );
    yaml_slip(
        &plan,
        "content/03-x.md",
        5,
        1,
        [
            "linjen er rykket ind med tabulator",
            "ryk ind med mellemrum: YAML tillader ikke tabulatorer til indrykning",
        ],
        [
            "this line is indented with a tab",
            "indent with spaces: YAML does not allow tabs for indentation",
        ],
    );
}

#[test]
fn a_colon_inside_a_text_asks_for_quotes() {
    let plan = Plan::new("colon_in_text");
    // 4 summary: Mål: flere i job     <- the second `:` at column 13
    plan.write(
        "content/03-x.md",
        "---\ntitle: X\norder: 3\nsummary: Mål: flere i job\n---\n",
    );
    yaml_slip(
        &plan,
        "content/03-x.md",
        4,
        13,
        [
            "YAML læser kolonet her som starten på et nyt felt",
            "sæt teksten i anførselstegn: `summary: \"Mål: flere i job\"`",
        ],
        [
            "a colon and a space inside a value: YAML reads them as the start of another field",
            "put the text in quotes: `summary: \"Mål: flere i job\"`",
        ],
    );
}

#[test]
fn an_unquoted_colour_is_a_comment() {
    let plan = Plan::new("colour_comment");
    // 12 brand:
    // 13   primary: #00558c     <- `#` at column 12 starts a comment
    plan.write(
        "plan.yaml",
        &format!("{BASE_PLAN}brand:\n  primary: #00558c\n"),
    );
    yaml_slip(
        &plan,
        "plan.yaml",
        13,
        12,
        [
            "`#00558c` læses som en kommentar: i YAML starter `#` efter et mellemrum en kommentar",
            "sæt teksten i anførselstegn: `primary: \"#00558c\"`",
        ],
        [
            "`#00558c` is read as a comment: in YAML a `#` after a space starts one",
            "put the text in quotes: `primary: \"#00558c\"`",
        ],
    );
}

#[test]
fn a_field_that_does_not_line_up_is_named_with_the_one_above() {
    let plan = Plan::new("misaligned");
    // 12       - name: Ledige i alt
    // 13       unit: count        <- back under the dash: column 7
    plan.write(
        "content/03-x.md",
        "---\ntitle: X\norder: 3\ngoals:\n  - id: L1\n    title: Færre ledige\n    indicators:\n      - name: Ledige i alt\n      unit: count\n        direction: decrease\n        targets: { 2027: 700 }\n---\n",
    );
    yaml_slip(
        &plan,
        "content/03-x.md",
        9,
        7,
        [
            "`unit` står ikke lige under `name` i linjen over",
            "flyt `unit`, så den står lige under `name`",
        ],
        [
            "`unit` does not line up with `name` on the line above",
            "move `unit` so that it lines up with `name`",
        ],
    );
    // Deeper than a field with a value above it.
    //  6   title: Færre ledige
    //  7     tracks: [skabe-job]    <- column 5
    plan.write(
        "content/03-x.md",
        "---\ntitle: X\norder: 3\ngoals:\n  - id: L1\n    title: Færre ledige\n      tracks: [skabe-job]\n---\n",
    );
    let d = only(&plan, "error", "yaml-syntax", "content/03-x.md", 7, 7);
    assert_eq!(
        d.message,
        "`tracks` står ikke lige under `title` i linjen over"
    );
}

#[test]
fn years_and_values_without_braces_get_them() {
    let plan = Plan::new("no_braces");
    // 11         targets: 2027: 700, 2028: 650     <- column 18
    plan.write(
        "content/03-ledige.md",
        &ledige(&LEDIGE_OK.replace("targets: { 2027: 700 }", "targets: 2027: 700")),
    );
    yaml_slip(
        &plan,
        "content/03-ledige.md",
        13,
        18,
        [
            "år og værdier skal stå inde i `{ }`",
            "skriv `targets: { 2027: 700 }`",
        ],
        [
            "years and values must stand inside `{ }`",
            "write `targets: { 2027: 700 }`",
        ],
    );
    // A baseline gets its own form: 11 baseline: 2024: 900
    plan.write(
        "content/03-ledige.md",
        &ledige(&LEDIGE_OK.replace(
            "baseline: { year: 2024, value: 900 }",
            "baseline: 2024: 900",
        )),
    );
    let d = only(
        &plan,
        "error",
        "yaml-syntax",
        "content/03-ledige.md",
        11,
        19,
    );
    assert_eq!(
        d.hint.as_deref(),
        Some("skriv `baseline: { year: 2024, value: 900 }`")
    );
}

#[test]
fn slips_inside_braces_are_named() {
    let plan = Plan::new("slips_in_braces");
    // 11   - { id: M1, name: Mål 1: Flere i uddannelse }     <- second `:` at column 26
    plan.write(
        "plan.yaml",
        &BASE_PLAN.replace(
            "name: Flere unge skal have en uddannelse",
            "name: Mål 1: Flere i uddannelse",
        ),
    );
    let d = only(&plan, "error", "yaml-syntax", "plan.yaml", 11, 26);
    assert_eq!(
        d.message,
        "YAML læser kolonet her som starten på et nyt felt"
    );
    assert_eq!(
        d.hint.as_deref(),
        Some("sæt teksten i anførselstegn: `name: \"Mål 1: Flere i uddannelse\"`")
    );
    // 12 brand: { primary: #00558c }     <- `#` at column 19
    plan.write(
        "plan.yaml",
        &format!("{BASE_PLAN}brand: {{ primary: #00558c }}\n"),
    );
    let d = only(&plan, "error", "yaml-syntax", "plan.yaml", 12, 19);
    assert_eq!(
        d.hint.as_deref(),
        Some("sæt teksten i anførselstegn: `primary: \"#00558c\"`")
    );
    // 9         unit: %     <- `%` cannot start a plain value
    plan.write("plan.yaml", BASE_PLAN).write(
        "content/03-ledige.md",
        &ledige(&LEDIGE_OK.replace("unit: count", "unit: %")),
    );
    yaml_slip(
        &plan,
        "content/03-ledige.md",
        9,
        15,
        [
            "en værdi kan ikke begynde med `%`, medmindre den står i anførselstegn",
            "sæt teksten i anførselstegn: `unit: \"%\"`",
        ],
        [
            "a value cannot start with `%` unless it is in quotes",
            "put the text in quotes: `unit: \"%\"`",
        ],
    );
}

#[test]
fn dash_lines_that_are_not_three_dashes() {
    let plan = Plan::new("dash_lines");
    // The closing line on line 4 has two dashes.
    plan.write("content/03-x.md", "---\ntitle: X\norder: 3\n--\n\nTekst.\n");
    let d = only(
        &plan,
        "error",
        "unterminated-front-matter",
        "content/03-x.md",
        1,
        1,
    );
    assert_eq!(
        d.hint.as_deref(),
        Some("linje 4 siger `--`: linjerne før og efter front matter skal være præcis `---`")
    );
    // The opening line has four.
    plan.write(
        "content/03-x.md",
        "----\ntitle: X\norder: 3\n---\n\nTekst.\n",
    );
    let d = only(
        &plan,
        "error",
        "missing-front-matter",
        "content/03-x.md",
        1,
        1,
    );
    assert_eq!(
        d.hint.as_deref(),
        Some("linje 1 siger `----`: linjerne før og efter front matter skal være præcis `---`")
    );
    // An empty line before the opening `---`.
    plan.write(
        "content/03-x.md",
        "\n---\ntitle: X\norder: 3\n---\n\nTekst.\n",
    );
    let d = only(
        &plan,
        "error",
        "missing-front-matter",
        "content/03-x.md",
        1,
        1,
    );
    assert_eq!(
        d.hint.as_deref(),
        Some("slet de tomme linjer før `---`: den skal være filens første linje")
    );
    let en = in_english(&plan, "missing-front-matter", "content/03-x.md", 1, 1);
    assert_eq!(
        en.hint.as_deref(),
        Some("delete the empty lines before `---`: it must be the file's first line")
    );
}

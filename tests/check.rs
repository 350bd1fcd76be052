//! End-to-end tests of `planpress check` as a whole: the fixtures, runs with
//! many problems, the three report formats, the language of the messages,
//! and garbage input. The rules themselves are tested by family in
//! `check_yaml.rs`, `check_values.rs` and `check_sections.rs`.
//!
//! Every fixture starts from the base plan in `common` (which checks clean)
//! and adds or replaces one file. Expected lines and columns are 1-based and
//! count characters, not bytes; each fixture's text is numbered in comments.

mod common;
use common::*;

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
    let checked = run(&["check", path_str(&root), "--format", "json"]);
    let json = checked.json();
    assert_clean(&json);
    checked.assert_code(0);
    run(&["check", path_str(&root), "--strict"]).assert_code(0);
}

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
    let run = common::run(&["check", path_str(&missing)]);
    run.assert_code(2);
    assert!(run.stderr.contains("plan.yaml"), "{}", run.stderr);
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
        human.stderr.contains("fandt 5 fejl og 1 advarsel"),
        "{}",
        human.stderr
    );
    let human = plan.check(&["--lang", "en"]);
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
    assert!(
        err.contains("fejl[unknown-field]: ukendt felt `sumary`"),
        "{err}"
    );
    assert!(err.contains("= tip: mente du `summary`?"), "{err}");
    assert!(err.contains("fandt 1 fejl og 0 advarsler"), "{err}");
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
    assert!(
        run.stderr
            .contains("tjekkede 2 afsnit, 1 mål og 1 indikator"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("fejl"), "{}", run.stderr);
    let run = plan.check(&["--lang", "en"]);
    run.assert_code(0);
    assert!(
        run.stderr
            .contains("checked 2 sections, 1 goal and 1 indicator"),
        "{}",
        run.stderr
    );
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
fn hidden_files_and_non_markdown_files_are_ignored() {
    let plan = Plan::new("hidden_files");
    plan.write("content/.03-kladde.md", "ikke front matter\n")
        .write("content/.git/x.md", "heller ikke\n")
        .write("content/noter.txt", "noter\n");
    let (run, json) = plan.check_json(&[]);
    assert_clean(&json);
    run.assert_code(0);
}

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
// The language of the messages

/// A plan with one problem of each kind the author meets first: an unknown
/// field with a near miss, and a heading that skips a level.
fn plan_with_two_problems(name: &str, language: &str) -> Plan {
    let plan = Plan::new(name);
    plan.write(
        "plan.yaml",
        &BASE_PLAN.replace("language: da", &format!("language: {language}")),
    );
    // 4 targetgroup: unge
    // 8 #### Under
    plan.write(
        "content/03-felt.md",
        "---\ntitle: Felt\norder: 3\ntargetgroup: unge\n---\n\n## Afsnit\n#### Under\n",
    );
    plan
}

#[test]
fn a_danish_plan_gets_danish_messages() {
    let plan = plan_with_two_problems("danish_messages", "da");
    let (run, json) = plan.check_json(&[]);
    run.assert_code(1);
    assert_eq!(json.0["language"], "da");
    let d = assert_diag(&json, "unknown-field", "content/03-felt.md", 4, 1);
    assert_eq!(d.message, "ukendt felt `targetgroup` i et afsnit");
    assert_eq!(d.hint.as_deref(), Some("mente du `target_group`?"));
    let d = assert_diag(&json, "heading-skip", "content/03-felt.md", 8, 1);
    assert_eq!(
        d.message,
        "overskriften på niveau 4 springer et niveau over (den forrige er på niveau 2)"
    );
    assert_eq!(
        d.hint.as_deref(),
        Some("brug `###` her: skærmlæsere navigerer efter overskrifternes niveauer")
    );
    // The human form: Danish labels, messages, hints and count.
    let human = plan.check(&[]);
    let err = &human.stderr;
    assert!(
        err.contains("fejl[unknown-field]: ukendt felt `targetgroup` i et afsnit"),
        "{err}"
    );
    assert!(
        err.contains("advarsel[heading-skip]: overskriften på niveau 4"),
        "{err}"
    );
    assert!(err.contains("= tip: mente du `target_group`?"), "{err}");
    assert!(err.contains("fandt 1 fejl og 1 advarsel"), "{err}");
    for english in ["error", "warning", "help", "did you mean", "found"] {
        assert!(
            !err.contains(english),
            "`{english}` in a Danish report:\n{err}"
        );
    }
    // GitHub annotations too.
    let github = plan.check(&["--format", "github"]);
    assert!(
        github.stdout.contains(
            "title=unknown-field::ukendt felt `targetgroup` i et afsnit (mente du `target_group`?)"
        ),
        "{}",
        github.stdout
    );
}

#[test]
fn an_english_plan_gets_english_messages() {
    let plan = plan_with_two_problems("english_messages", "en");
    let (run, json) = plan.check_json(&[]);
    run.assert_code(1);
    assert_eq!(json.0["language"], "en");
    let d = assert_diag(&json, "unknown-field", "content/03-felt.md", 4, 1);
    assert_eq!(d.message, "unknown field `targetgroup` in a section");
    assert_eq!(d.hint.as_deref(), Some("did you mean `target_group`?"));
    let human = plan.check(&[]);
    let err = &human.stderr;
    assert!(
        err.contains("error[unknown-field]: unknown field `targetgroup` in a section"),
        "{err}"
    );
    assert!(
        err.contains("warning[heading-skip]: this level-4 heading skips a level"),
        "{err}"
    );
    assert!(
        err.contains("= help: did you mean `target_group`?"),
        "{err}"
    );
    assert!(err.contains("1 error and 1 warning found"), "{err}");
    assert!(!err.contains("fejl") && !err.contains("mente du"), "{err}");
}

#[test]
fn lang_overrides_the_plan_and_json_keeps_the_codes() {
    let danish = plan_with_two_problems("lang_override_da", "da");
    let english = plan_with_two_problems("lang_override_en", "en");
    let (_, da_as_en) = danish.check_json(&["--lang", "en"]);
    let (_, en_as_da) = english.check_json(&["--lang", "da"]);
    let (_, da) = danish.check_json(&[]);
    let (_, en) = english.check_json(&[]);
    assert_eq!(da_as_en.0["language"], "en");
    assert_eq!(en_as_da.0["language"], "da");
    // --lang decides the words ...
    let words = |json: &Json| {
        json.diags()
            .into_iter()
            .map(|d| (d.message, d.hint))
            .collect::<Vec<_>>()
    };
    assert_eq!(words(&da_as_en), words(&en));
    assert_eq!(words(&en_as_da), words(&da));
    assert_ne!(words(&da), words(&en));
    // ... and nothing else: codes, severities and positions are the same.
    let places = |json: &Json| {
        json.diags()
            .into_iter()
            .map(|d| (d.code, d.severity, d.file, d.line, d.column))
            .collect::<Vec<_>>()
    };
    assert_eq!(places(&da), places(&en));
    assert_eq!(places(&da), places(&da_as_en));
    assert_eq!(
        places(&da).iter().map(|p| p.0.as_str()).collect::<Vec<_>>(),
        ["unknown-field", "heading-skip"]
    );
    // The human form follows --lang too.
    let human = english.check(&["--lang", "da"]);
    assert!(
        human.stderr.contains("fandt 1 fejl og 1 advarsel"),
        "{}",
        human.stderr
    );
    let human = danish.check(&["--lang", "en"]);
    assert!(
        human.stderr.contains("1 error and 1 warning found"),
        "{}",
        human.stderr
    );
}

#[test]
fn the_language_is_read_from_a_plan_yaml_that_does_not_parse() {
    let plan = Plan::new("language_of_broken_plan");
    // 12 extra: [a, b     <- unclosed; `language: en` on line 4 still counts
    plan.write(
        "plan.yaml",
        &format!(
            "{}extra: [a, b\n",
            BASE_PLAN.replace("language: da", "language: en")
        ),
    );
    let (run, json) = plan.check_json(&[]);
    run.assert_code(1);
    let d = assert_diag(&json, "yaml-syntax", "plan.yaml", 12, 8);
    assert_eq!(d.message, "the `[` that opens here is never closed");
    assert_eq!(
        d.hint.as_deref(),
        Some("close it with `]` on the same line")
    );
    // An unknown language is reported, and the messages stay Danish.
    plan.write(
        "plan.yaml",
        &BASE_PLAN.replace("language: da", "language: dansk"),
    );
    let d = only(&plan, "error", "invalid-value", "plan.yaml", 4, 11);
    assert_eq!(d.message, "ukendt sprog `dansk`");
    assert_eq!(d.hint.as_deref(), Some("mente du `da`?"));
}

#[test]
fn fatal_errors_and_status_lines_speak_the_plans_language() {
    // No plan.yaml: Danish unless told otherwise.
    let empty = Plan::empty("fatal_language");
    let run = empty.check(&[]);
    run.assert_code(2);
    assert!(
        run.stderr.starts_with("fejl: der er ingen plan.yaml i "),
        "{}",
        run.stderr
    );
    let run = empty.check(&["--lang", "en"]);
    run.assert_code(2);
    assert!(
        run.stderr.starts_with("error: no plan.yaml in "),
        "{}",
        run.stderr
    );
    let run = empty.build(&["--lang", "en"]);
    run.assert_code(2);
    assert!(
        run.stderr.starts_with("error: no plan.yaml in "),
        "{}",
        run.stderr
    );
    // A build's last line.
    let plan = Plan::new("status_language");
    let out = TempDir::new("status_language_out");
    let run = plan.build(&["--out", path_str(out.path()), "--only", "data"]);
    run.assert_code(0);
    assert!(
        run.stderr.contains("skrev 2 afsnit og 1 mål til ") && run.stderr.contains("goals.json"),
        "{}",
        run.stderr
    );
    plan.write(
        "plan.yaml",
        &BASE_PLAN.replace("language: da", "language: en"),
    );
    let run = plan.build(&["--out", path_str(out.path()), "--only", "data"]);
    assert!(
        run.stderr.contains("built 2 sections and 1 goal into "),
        "{}",
        run.stderr
    );
    // A build that problems stop.
    plan.write("content/03-x.md", "Bare tekst.\n");
    let run = plan.build(&["--out", path_str(out.path())]);
    run.assert_code(1);
    assert!(
        run.stderr
            .contains("error: the build stopped; the previous output is untouched"),
        "{}",
        run.stderr
    );
    let run = plan.build(&["--out", path_str(out.path()), "--lang", "da"]);
    assert!(
        run.stderr
            .contains("fejl: planen blev ikke bygget, og det tidligere output er ikke rørt"),
        "{}",
        run.stderr
    );
}

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
        assert!(
            d.message.contains(value) || d.message.contains("large"),
            "{d}"
        );
        assert!(
            d.hint.as_deref().unwrap_or("").contains("999999999999999"),
            "{d}"
        );
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
    plan.write("content/03-tal.md", &tal("{ 2027: 10, \"2027\": 12 }"));
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
    let ours: Vec<&csv::StringRecord> = rows
        .iter()
        .filter(|r| r[col("goal_id")] == *"'@F1")
        .collect();
    assert_eq!(ours.len(), 2, "rows of the goal: {rows:?}");
    for row in &ours {
        for cell in row.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a cell a spreadsheet would run as a formula: {cell:?} in {row:?}"
            );
        }
        assert_eq!(
            &row[col("section")],
            "'=HYPERLINK(\"https://x.example\",\"klik\")"
        );
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

// ---------------------------------------------------------------------------
// 5. Bounded depth and size

/// A section `content/03-dybt.md` whose body (from line 5) is `body`.
fn dybt(body: &str) -> String {
    format!("---\ntitle: Dybt\norder: 3\n---\n{body}")
}

#[test]
fn quotes_nested_past_the_limit_are_an_error_not_a_stack_overflow() {
    let plan = Plan::new("deep_quotes");
    // Line 5 holds 10,000 `>`; the 33rd is at column 33.
    plan.write(
        "content/03-dybt.md",
        &dybt(&format!("{} dybt\n", ">".repeat(10_000))),
    );
    let d = one_error(&plan, "too-deep", "content/03-dybt.md", 5, 33);
    assert!(d.message.contains("32"), "{d}");
    // 32 levels are fine.
    plan.write(
        "content/03-dybt.md",
        &dybt(&format!("{} dybt\n", ">".repeat(32))),
    );
    let (_, json) = plan.check_json(&[]);
    assert_clean(&json);
}

#[test]
fn lists_nested_past_the_limit_are_an_error_at_the_deepest_line() {
    let plan = Plan::new("deep_lists");
    // One item per line, each two spaces further in: item 33 is on line 37.
    let body: String = (0..2_000)
        .map(|i| format!("{}- punkt\n", "  ".repeat(i)))
        .collect();
    plan.write("content/03-dybt.md", &dybt(&body));
    one_error(&plan, "too-deep", "content/03-dybt.md", 37, 65);
    // Quotes and lists count together.
    let quotes = "> ".repeat(31);
    let body = format!("{quotes}- punkt\n{quotes}  - punkt\n");
    plan.write("content/03-dybt.md", &dybt(&body));
    one_error(&plan, "too-deep", "content/03-dybt.md", 6, 65);
}

#[test]
fn inline_markup_nested_past_the_limit_is_an_error() {
    let plan = Plan::new("deep_inline");
    // Images inside image descriptions, 5,000 deep.
    let body = format!("{}x{}\n", "![".repeat(5_000), "](a.png)".repeat(5_000));
    plan.write("content/03-dybt.md", &dybt(&body));
    let (run, json) = plan.check_json(&[]);
    run.assert_no_panic().assert_code(1);
    assert!(!json.with_code("too-deep").is_empty(), "{}", json.listing());
    // Strong emphasis 5,000 deep: the 33rd `**` starts at column 65.
    let body = format!("{}x{}\n", "**".repeat(5_000), "**".repeat(5_000));
    plan.write("content/03-dybt.md", &dybt(&body));
    let (run, json) = plan.check_json(&[]);
    run.assert_no_panic().assert_code(1);
    assert_diag(&json, "too-deep", "content/03-dybt.md", 5, 65);
}

#[test]
fn deep_nesting_in_many_sections_checks_on_every_thread() {
    // With many files the bodies are parsed on worker threads, whose stacks
    // are smaller than the main thread's.
    let plan = Plan::new("deep_many");
    for i in 0..40 {
        plan.write(
            &format!("content/9{i:02}-dybt.md"),
            &format!("---\ntitle: Dybt {i}\n---\n{} dybt\n", ">".repeat(20_000)),
        );
    }
    let (run, json) = plan.check_json(&[]);
    run.assert_no_panic().assert_code(1);
    assert_eq!(json.with_code("too-deep").len(), 40, "{}", json.listing());
}

#[test]
fn front_matter_past_the_yaml_limits_says_which_limit() {
    let plan = Plan::new("yaml_limits");
    plan.write(
        "content/03-dybt.md",
        &format!(
            "---\ntitle: Dybt\nsummary: {}{}\n---\n",
            "[".repeat(100),
            "]".repeat(100)
        ),
    );
    let (run, json) = plan.check_json(&[]);
    run.assert_no_panic().assert_code(1);
    let d = json.with_code("yaml-too-large");
    assert_eq!(d.len(), 1, "{}", json.listing());
    assert!(d[0].message.contains("32"), "{}", d[0]);
    assert_eq!((d[0].file.as_str(), d[0].line), ("content/03-dybt.md", 3));
    // More values than the limit.
    let many = "1,".repeat(1_100_000);
    plan.write(
        "content/03-dybt.md",
        &format!("---\ntitle: Dybt\nsummary: [{many}1]\n---\n"),
    );
    let (run, json) = plan.check_json(&[]);
    run.assert_no_panic().assert_code(1);
    let d = json.with_code("yaml-too-large");
    assert_eq!(d.len(), 1, "{}", json.listing());
    assert!(
        d[0].message.contains("1,000,000") || d[0].message.contains("1000000"),
        "{}",
        d[0]
    );
}

#[test]
fn a_pdf_name_from_a_long_or_empty_title_is_bounded_and_visible() {
    let plan = Plan::new("pdf_name");
    for (title, expected) in [
        ("!!!", "plan.pdf".to_string()),
        ("...", "plan.pdf".to_string()),
        (
            &"Langt ord ".repeat(100),
            format!("{}.pdf", "langt-ord-".repeat(8).trim_end_matches('-')),
        ),
    ] {
        plan.write(
            "plan.yaml",
            &BASE_PLAN.replace("Testplan 2027", &format!("\"{title}\"")),
        );
        let out = plan.join("output");
        let _ = std::fs::remove_dir_all(&out);
        let run = plan.build(&["--out", path_str(&out), "--only", "pdf"]);
        run.assert_code(0);
        let names: Vec<String> = std::fs::read_dir(&out)
            .expect("output")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".pdf"))
            .collect();
        assert_eq!(names, std::slice::from_ref(&expected), "title {title:?}");
    }
}

#[test]
fn a_page_name_from_a_long_file_name_is_bounded() {
    let plan = Plan::new("page_name");
    let name = format!("03-{}.md", "a".repeat(240));
    plan.write(
        &format!("content/{name}"),
        "---\ntitle: Lang\n---\n\nTekst.\n",
    );
    let out = plan.join("output");
    let run = plan.build(&["--out", path_str(&out), "--only", "site"]);
    run.assert_no_panic().assert_code(0);
    assert!(out.join(format!("site/{}.html", "a".repeat(80))).is_file());
}

#[test]
fn a_text_file_past_the_size_limit_is_an_error_not_read_whole() {
    let plan = Plan::new("huge_file");
    let mut text = String::from("---\ntitle: Stor\n---\n\n");
    text.push_str(&"Et langt afsnit.\n".repeat(4_000_000));
    plan.write("content/03-stor.md", &text);
    let (run, json) = plan.check_json(&[]);
    run.assert_no_panic().assert_code(1);
    let d = json.with_code("file-too-large");
    assert_eq!(d.len(), 1, "{}", json.listing());
    assert_eq!(d[0].file, "content/03-stor.md");
    assert!(d[0].message.contains("64 MB"), "{}", d[0]);
}

// ---------------------------------------------------------------------------
// 9. A goal placed twice

#[test]
fn a_goal_placed_twice_is_a_warning_at_the_second_marker_and_shown_once() {
    let plan = Plan::new("placed_twice");
    // Line 20 places U1; line 22 (`{{ goals() }}`) would place it again.
    plan.write(
        "content/02-unge.md",
        &BASE_UNGE.replace("## Mål\n", "{{ goal(\"U1\") }}\n"),
    );
    let (run, json) = plan.check_json(&[]);
    run.assert_code(0);
    let d = assert_only(
        &json,
        "warning",
        "goal-placed-twice",
        "content/02-unge.md",
        22,
        1,
    );
    assert!(d.message.contains("U1"), "{d}");
    let out = plan.join("output");
    plan.build(&["--out", path_str(&out), "--only", "site,pdf"])
        .assert_code(0);
    let page = std::fs::read_to_string(out.join("site/unge.html")).expect("page");
    assert_eq!(
        page.matches("id=\"goal-u1\"").count(),
        1,
        "cards on the page"
    );
    let pdf = out.join("testplan-2027.pdf");
    let text = std::process::Command::new("pdftotext")
        .args([path_str(&pdf), "-"])
        .output()
        .expect("pdftotext");
    let text = String::from_utf8_lossy(&text.stdout);
    // A card starts with the goal's id and title.
    let cards = text.matches("U1 Flere unge i uddannelse").count();
    assert_eq!(cards, 1, "goal cards in the PDF:\n{text}");

    // The same goal twice by id, and all goals twice.
    for body in [
        "{{ goal(\"U1\") }}\n\n{{ goal(\"U1\") }}\n",
        "{{ goals() }}\n\n{{ goals() }}\n",
    ] {
        plan.write(
            "content/02-unge.md",
            &BASE_UNGE.replace("## Mål\n\n{{ goals() }}\n", body),
        );
        let (_, json) = plan.check_json(&[]);
        assert_only(
            &json,
            "warning",
            "goal-placed-twice",
            "content/02-unge.md",
            22,
            1,
        );
        plan.build(&["--out", path_str(&out), "--only", "site"])
            .assert_code(0);
        let page = std::fs::read_to_string(out.join("site/unge.html")).expect("page");
        assert_eq!(page.matches("id=\"goal-u1\"").count(), 1, "{body}");
    }
}

// ---------------------------------------------------------------------------
// 2. One allow-list of URL schemes for every link

#[test]
fn markdown_links_and_images_outside_the_allow_list_are_errors_at_their_line() {
    let plan = Plan::new("unsafe_links");
    let cases = [
        "[klik](javascript:alert(1))",
        "[klik](JaVaScRiPt:alert(1))",
        "[klik](javascript://%0aalert(1))",
        "[klik](  vbscript:msgbox(1))",
        "[klik](java&#9;script:alert(1))",
        "[klik](&#x6A;avascript:alert(1))",
        "[klik](<java\tscript:alert(1)>)",
        "<javascript:alert(1)>",
        "[klik][r]\n\n[r]: javascript:alert(1)",
        "![billede](data:image/svg+xml;base64,PHN2Zz4=)",
        "[klik](file:///etc/passwd)",
        "[klik](ftp://example.com/x)",
    ];
    for case in cases {
        plan.write("content/03-link.md", &dybt(&format!("\n{case}\n")));
        let (run, json) = plan.check_json(&[]);
        run.assert_no_panic();
        let found = json.with_code("unsafe-link");
        assert_eq!(found.len(), 1, "{case:?}:\n{}", json.listing());
        assert_eq!(
            (found[0].file.as_str(), found[0].line, found[0].column),
            ("content/03-link.md", 6, 1),
            "{case:?}"
        );
        assert!(
            found[0].hint.as_deref().unwrap_or("").contains("https://"),
            "{}",
            found[0]
        );
        run.assert_code(1);
        // And the build writes nothing with it.
        let out = plan.join("output");
        plan.build(&["--out", path_str(&out)]).assert_code(1);
        assert!(!out.exists(), "{case:?}");
    }
    // The allowed schemes and relative links pass.
    plan.write(
        "content/03-link.md",
        &dybt("\n[a](https://x.example/) [b](HTTP://x.example/) [c](mailto:a@x.example) [d](tel:+4512345678) [e](02-unge.md) [f](#top)\n\n## Top\n"),
    );
    let (_, json) = plan.check_json(&[]);
    assert_clean(&json);
}

#[test]
fn goal_links_outside_the_allow_list_are_errors_at_their_line() {
    let plan = Plan::new("unsafe_goal_links");
    for (links, column) in [
        ("[\"javascript:alert(1)\"]", 13),
        ("[\" javascript:alert(1)\"]", 13),
        ("[{ title: Klik, url: \"javascript://%0aalert(1)\" }]", 33),
        (
            "[{ title: Klik, url: \"data:text/html,<script>alert(1)</script>\" }]",
            33,
        ),
        ("[\"java\\tscript:alert(1)\"]", 13),
    ] {
        plan.write(
            "content/02-unge.md",
            &BASE_UNGE.replace(
                "    deadline: 2027-12-31\n",
                &format!("    deadline: 2027-12-31\n    links: {links}\n"),
            ),
        );
        // Line 11 holds `    links: …`.
        let d = one_error(&plan, "unsafe-link", "content/02-unge.md", 11, column);
        assert!(!d.message.is_empty(), "{d}");
    }
    plan.write(
        "content/02-unge.md",
        &BASE_UNGE.replace("    deadline: 2027-12-31\n", "    deadline: 2027-12-31\n    links: [\"https://x.example/\", { title: Post, url: \"mailto:a@x.example\" }]\n"),
    );
    let (_, json) = plan.check_json(&[]);
    assert_clean(&json);
}

#[test]
fn base_url_must_be_a_plain_web_address() {
    let plan = Plan::new("unsafe_base_url");
    for url in [
        "\"javascript:alert(1)//https://x\"",
        "\"https://x.example/\\\"><script>alert(1)</script>\"",
        "\"https:// x.example/\"",
        "\"https://\"",
        "\"ftp://x.example/\"",
    ] {
        plan.write("plan.yaml", &format!("{BASE_PLAN}base_url: {url}\n"));
        one_error(&plan, "invalid-value", "plan.yaml", 12, 11);
    }
    plan.write(
        "plan.yaml",
        &format!("{BASE_PLAN}base_url: https://plan.x.example/sub/\n"),
    );
    let (_, json) = plan.check_json(&[]);
    assert_clean(&json);
}

// ---------------------------------------------------------------------------
// 1. Nothing outside the plan folder is read into the output

/// A file outside the plan folder with a unique word in it, which no output
/// may ever contain.
struct Secret {
    dir: TempDir,
}

const SECRET_WORD: &str = "hemmelig-9f3a1c";

impl Secret {
    fn new(name: &str) -> Secret {
        let dir = TempDir::new(&format!("{name}-secret"));
        std::fs::write(dir.join("secret.txt"), format!("{SECRET_WORD}\n")).expect("secret");
        std::fs::create_dir_all(dir.join("theme/templates")).expect("theme folder");
        std::fs::write(dir.join("theme/templates/404.html"), SECRET_WORD).expect("secret theme");
        std::fs::write(dir.join("logo.png"), SECRET_WORD).expect("secret logo");
        Secret { dir }
    }

    fn file(&self) -> String {
        path_str(&self.dir.join("secret.txt")).to_string()
    }

    /// Asserts no file under `dir` holds the secret word or was written there.
    #[track_caller]
    fn assert_not_in(&self, dir: &std::path::Path) {
        for entry in walk(dir) {
            let bytes = std::fs::read(&entry).unwrap_or_default();
            assert!(
                !String::from_utf8_lossy(&bytes).contains(SECRET_WORD),
                "{} holds the secret",
                entry.display()
            );
        }
    }
}

/// Every regular file under `dir`, not following links (the links a test
/// made are not output).
fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let t = e.file_type().expect("file type");
        if t.is_dir() {
            out.extend(walk(&e.path()));
        } else if t.is_file() {
            out.push(e.path());
        }
    }
    out
}

#[cfg(unix)]
fn symlink(target: &str, link: &std::path::Path) {
    if let Some(parent) = link.parent() {
        std::fs::create_dir_all(parent).expect("folder");
    }
    std::os::unix::fs::symlink(target, link).expect("symlink");
}

#[test]
fn a_logo_outside_the_plan_or_outside_content_is_an_error_at_its_line() {
    let secret = Secret::new("logo_paths");
    let plan = Plan::new("logo_paths");
    plan.write("README.md", "not an asset\n");
    for logo in [
        secret.file(),
        "../../../../../../../../etc/passwd".to_string(),
        "content/../../x.png".to_string(),
        "README.md".to_string(),
        "plan.yaml".to_string(),
    ] {
        plan.write(
            "plan.yaml",
            &format!("{BASE_PLAN}brand: {{ logo: \"{logo}\" }}\n"),
        );
        let d = one_error(&plan, "outside-plan", "plan.yaml", 12, 16);
        assert!(d.hint.as_deref().unwrap_or("").contains("content/"), "{d}");
        let out = plan.join("output");
        plan.build(&["--out", path_str(&out)]).assert_code(1);
        assert!(!out.exists());
    }
    secret.assert_not_in(plan.path());
}

#[cfg(unix)]
#[test]
fn symlinks_are_followed_inside_content_and_refused_out_of_it() {
    let secret = Secret::new("symlinks");
    let plan = Plan::new("symlinks");
    plan.write_bytes("content/assets/kort.png", TINY_PNG);
    // Inside content/: followed, checked and published like the file itself.
    symlink("kort.png", &plan.join("content/assets/genvej.png"));
    plan.write(
        "content/03-billeder.md",
        &dybt("\n![Et kort](assets/genvej.png)\n"),
    );
    let (_, json) = plan.check_json(&[]);
    assert_clean(&json);
    let out = plan.join("output");
    plan.build(&["--out", path_str(&out), "--only", "site"])
        .assert_code(0);
    assert_eq!(
        std::fs::read(out.join("site/assets/genvej.png")).expect("published through the link"),
        TINY_PNG
    );

    // Out of content/: the secret, the plan folder's .git, a folder above.
    std::fs::create_dir_all(plan.join(".git")).expect(".git");
    std::fs::write(plan.join(".git/config"), format!("token = {SECRET_WORD}\n")).expect("config");
    let _ = std::fs::remove_dir_all(&out);
    for (i, target) in [
        secret.file(),
        "../../.git/config".to_string(),
        "../../../".to_string(),
    ]
    .iter()
    .enumerate()
    {
        let link = format!("content/assets/ude{i}.png");
        symlink(target, &plan.join(&link));
        plan.write(
            "content/03-billeder.md",
            &dybt(&format!("\n![Et kort](assets/ude{i}.png)\n")),
        );
        let (run, json) = plan.check_json(&[]);
        run.assert_code(1);
        // The image's line says so, and so does the file itself.
        let d = assert_diag(&json, "outside-plan", "content/03-billeder.md", 6, 1);
        assert!(d.message.contains("outside"), "{d}");
        assert!(
            json.diags()
                .iter()
                .any(|d| d.code == "outside-plan" && d.file == link),
            "{}",
            json.listing()
        );
        plan.build(&["--out", path_str(&out)]).assert_code(1);
        assert!(!out.exists(), "a build with {link} wrote output");
        std::fs::remove_file(plan.join(&link)).expect("remove link");
    }
    // An unused link out of content/ is refused too: the site would lack it.
    symlink(&secret.file(), &plan.join("content/assets/bilag.txt"));
    plan.write("content/03-billeder.md", &dybt("\nTekst.\n"));
    let (run, json) = plan.check_json(&[]);
    run.assert_code(1);
    assert_diag(&json, "outside-plan", "content/assets/bilag.txt", 1, 1);
    // A section linked from outside, and content/ itself linked out.
    std::fs::remove_file(plan.join("content/assets/bilag.txt")).expect("remove link");
    symlink(&secret.file(), &plan.join("content/04-hemmelig.md"));
    let (run, json) = plan.check_json(&[]);
    run.assert_code(1);
    assert_diag(&json, "outside-plan", "content/04-hemmelig.md", 1, 1);
    assert!(!run.stdout.contains(SECRET_WORD) && !run.stderr.contains(SECRET_WORD));
    std::fs::remove_file(plan.join("content/04-hemmelig.md")).expect("remove link");
    assert!(!out.exists());
}

#[cfg(unix)]
#[test]
fn plan_yaml_and_content_linked_out_of_the_plan_are_refused() {
    let secret = Secret::new("linked_roots");
    let plan = Plan::new("linked_roots");
    std::fs::write(
        secret.dir.join("plan.yaml"),
        format!("{BASE_PLAN}summary: {SECRET_WORD}\n"),
    )
    .expect("plan");
    std::fs::remove_file(plan.join("plan.yaml")).expect("remove plan.yaml");
    symlink(
        path_str(&secret.dir.join("plan.yaml")),
        &plan.join("plan.yaml"),
    );
    let (run, json) = plan.check_json(&[]);
    run.assert_code(1);
    assert_diag(&json, "outside-plan", "plan.yaml", 1, 1);
    assert!(!run.stdout.contains(SECRET_WORD));

    let plan = Plan::new("linked_content");
    std::fs::create_dir_all(secret.dir.join("content")).expect("content");
    std::fs::write(
        secret.dir.join("content/01-x.md"),
        format!("---\ntitle: {SECRET_WORD}\n---\n"),
    )
    .expect("section");
    std::fs::remove_dir_all(plan.join("content")).expect("remove content");
    symlink(path_str(&secret.dir.join("content")), &plan.join("content"));
    let (run, json) = plan.check_json(&[]);
    run.assert_code(1);
    assert_diag(&json, "outside-plan", "content", 1, 1);
    assert!(!run.stdout.contains(SECRET_WORD));
}

#[test]
fn markdown_paths_that_climb_out_or_are_absolute_are_errors_at_their_line() {
    let secret = Secret::new("md_paths");
    let plan = Plan::new("md_paths");
    std::fs::write(plan.join("plan.yaml.png"), "x").expect("file beside plan.yaml");
    for written in [
        format!("![x]({})", secret.file()),
        "![x](../../../../../../etc/hostname)".to_string(),
        "![x](../plan.yaml.png)".to_string(),
        "[x](../plan.yaml)".to_string(),
        format!("[x]({})", secret.file()),
    ] {
        plan.write("content/03-sti.md", &dybt(&format!("\n{written}\n")));
        let d = one_error(&plan, "outside-plan", "content/03-sti.md", 6, 1);
        assert!(
            d.hint.as_deref().unwrap_or("").contains("content/"),
            "{written}: {d}"
        );
    }
}

#[test]
fn hidden_files_are_neither_linked_nor_published() {
    let plan = Plan::new("hidden_files");
    plan.write_bytes("content/assets/.skjult.png", TINY_PNG)
        .write_bytes("content/.privat/kort.png", TINY_PNG)
        .write("content/.privat/noter.txt", "private\n");
    for written in ["![x](assets/.skjult.png)", "![x](.privat/kort.png)"] {
        plan.write("content/03-skjult.md", &dybt(&format!("\n{written}\n")));
        let d = one_error(&plan, "missing-file", "content/03-skjult.md", 6, 1);
        assert!(d.message.contains("hidden"), "{d}");
    }
    plan.write("content/03-skjult.md", &dybt("\nTekst.\n"));
    let out = plan.join("output");
    plan.build(&["--out", path_str(&out), "--only", "site"])
        .assert_code(0);
    let published: Vec<String> = walk(&out.join("site"))
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .filter(|p| p.contains(".skjult") || p.contains(".privat"))
        .collect();
    assert!(published.is_empty(), "{published:?}");
}

#[test]
fn a_theme_must_be_a_plain_folder_name_under_themes() {
    let secret = Secret::new("theme_paths");
    let plan = Plan::new("theme_paths");
    for theme in [
        path_str(&secret.dir.join("theme")).to_string(),
        "../../../../usr".to_string(),
        "default/../../x".to_string(),
        ".".to_string(),
        "..".to_string(),
    ] {
        plan.write("plan.yaml", &format!("{BASE_PLAN}theme: \"{theme}\"\n"));
        let d = one_error(&plan, "outside-plan", "plan.yaml", 12, 8);
        assert!(
            d.hint.as_deref().unwrap_or("").contains("themes/"),
            "{theme}: {d}"
        );
    }
    secret.assert_not_in(plan.path());
}

#[cfg(unix)]
#[test]
fn a_theme_folder_or_theme_file_linked_out_of_themes_is_refused() {
    let secret = Secret::new("theme_links");
    let plan = Plan::new("theme_links");
    symlink(
        path_str(&secret.dir.join("theme")),
        &plan.join("themes/kommune"),
    );
    plan.write("plan.yaml", &format!("{BASE_PLAN}theme: kommune\n"));
    let d = one_error(&plan, "outside-plan", "plan.yaml", 12, 8);
    assert!(d.message.contains("themes/kommune"), "{d}");
    // The built-in name too: the plan's themes/default/ overlays it.
    std::fs::remove_file(plan.join("themes/kommune")).expect("remove link");
    plan.write("plan.yaml", BASE_PLAN);
    symlink(
        path_str(&secret.dir.join("theme/templates/404.html")),
        &plan.join("themes/default/templates/404.html"),
    );
    let (run, json) = plan.check_json(&[]);
    run.assert_code(1);
    assert_diag(
        &json,
        "outside-plan",
        "themes/default/templates/404.html",
        1,
        1,
    );
    let out = plan.join("output");
    plan.build(&["--out", path_str(&out)]).assert_code(1);
    secret.assert_not_in(plan.path());
}

/// A 1×1 PNG.
const TINY_PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0,
    0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x89, 0x99, 0x3D, 0x1D, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
    0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
];

// ---------------------------------------------------------------------------
// 10. Images that cannot be decoded

fn fixture_image(name: &str) -> Vec<u8> {
    std::fs::read(repo_root().join("tests/fixtures/images").join(name)).expect("image fixture")
}

#[test]
fn images_that_cannot_be_decoded_are_errors_at_their_line_in_words() {
    let plan = Plan::new("broken_images");
    let png = fixture_image("photo.png");
    let jpg = fixture_image("photo.jpg");
    let mut corrupt = png.clone();
    let idat = corrupt.windows(4).position(|w| w == b"IDAT").expect("IDAT") + 6;
    corrupt[idat] ^= 0xFF;
    // A header that claims 100,000 × 100,000 pixels.
    let mut huge = png.clone();
    huge[16..20].copy_from_slice(&100_000u32.to_be_bytes());
    huge[20..24].copy_from_slice(&100_000u32.to_be_bytes());
    let mut crc = flate2::Crc::new();
    crc.update(&huge[12..29]);
    huge[29..33].copy_from_slice(&crc.sum().to_be_bytes());
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("kort.png", png[..png.len() / 2].to_vec(), "cut short"),
        ("kort.png", png[..40].to_vec(), "cut short"),
        ("kort.png", corrupt, "damaged"),
        ("kort.png", Vec::new(), "empty"),
        ("kort.png", huge, "million pixels"),
        ("foto.jpg", jpg[..jpg.len() / 2].to_vec(), "cut short"),
        ("foto.jpg", b"Dette er ikke et billede.\n".to_vec(), "text"),
        ("foto.jpg", png.clone(), "PNG"),
        (
            "foto.gif",
            fixture_image("photo.gif")[..40].to_vec(),
            "cut short",
        ),
        (
            "foto.webp",
            fixture_image("photo.webp")[..60].to_vec(),
            "cut short",
        ),
        (
            "tegning.svg",
            b"<svg xmlns=\"http://www.w3.org/2000/svg\"><g></svg".to_vec(),
            "damaged",
        ),
        ("tegning.svg", b"not svg at all".to_vec(), "damaged"),
        ("tegning.bmp", b"BM\0\0".to_vec(), "PNG, JPEG"),
    ];
    for (name, bytes, words) in cases {
        plan.write_bytes(&format!("content/assets/{name}"), &bytes);
        plan.write(
            "content/03-billede.md",
            &dybt(&format!("\nTekst.\n\n![Et billede](assets/{name})\n")),
        );
        let d = one_error(&plan, "broken-image", "content/03-billede.md", 8, 1);
        assert!(d.message.contains(words), "{name} ({words}): {d}");
        assert!(
            !d.message.contains('{') && !d.message.contains("Chunk"),
            "{d}"
        );
        std::fs::remove_file(plan.join(&format!("content/assets/{name}"))).expect("remove");
    }
    // Good images of every format pass.
    for name in ["photo.png", "photo.jpg", "photo.gif", "photo.webp"] {
        plan.write_bytes(&format!("content/assets/{name}"), &fixture_image(name));
    }
    plan.write_bytes(
        "content/assets/logo.svg",
        &std::fs::read(repo_root().join("content/assets/logo.svg")).expect("logo"),
    );
    plan.write(
        "content/03-billede.md",
        &dybt("\n![a](assets/photo.png) ![b](assets/photo.jpg) ![c](assets/photo.gif) ![d](assets/photo.webp) ![e](assets/logo.svg)\n"),
    );
    let (_, json) = plan.check_json(&[]);
    assert_clean(&json);
}

#[test]
fn a_broken_logo_is_an_error_at_its_line_in_plan_yaml() {
    let plan = Plan::new("broken_logo");
    plan.write_bytes("content/assets/logo.png", &fixture_image("photo.png")[..50]);
    plan.write(
        "plan.yaml",
        &format!("{BASE_PLAN}brand: {{ logo: content/assets/logo.png }}\n"),
    );
    let d = one_error(&plan, "broken-image", "plan.yaml", 12, 16);
    assert!(d.message.contains("logo"), "{d}");
}

#[test]
fn svg_images_may_not_draw_other_files_or_nest_without_bound() {
    let plan = Plan::new("svg_images");
    let secret = Secret::new("svg_images");
    let cases = [
        format!("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"10\" height=\"10\"><image width=\"10\" height=\"10\" xlink:href=\"{}\"/></svg>", path_str(&secret.dir.join("logo.png"))),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><image width=\"10\" height=\"10\" href=\"../../../../etc/hostname\"/></svg>".to_string(),
        format!("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">{}<rect width=\"1\" height=\"1\"/>{}</svg>", "<g>".repeat(50_000), "</g>".repeat(50_000)),
        // Eleven levels of ten `<use>` each: 10^11 rectangles.
        {
            let mut svg = String::from("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"10\" height=\"10\"><defs><rect id=\"l0\" width=\"1\" height=\"1\"/>");
            for i in 1..12 {
                svg.push_str(&format!("<g id=\"l{i}\">{}</g>", format!("<use xlink:href=\"#l{}\"/>", i - 1).repeat(10)));
            }
            svg.push_str("</defs><use xlink:href=\"#l11\"/></svg>");
            svg
        },
    ];
    for svg in &cases {
        plan.write("content/assets/tegning.svg", svg);
        plan.write(
            "content/03-billede.md",
            &dybt("\n![En tegning](assets/tegning.svg)\n"),
        );
        let (run, json) = plan.check_json(&[]);
        run.assert_no_panic().assert_code(1);
        assert_only(
            &json,
            "error",
            "broken-image",
            "content/03-billede.md",
            6,
            1,
        );
    }
}

#[cfg(unix)]
#[test]
fn a_read_failure_says_cannot_read_and_a_write_failure_cannot_write() {
    // A folder link back into content/ cannot be read to its end.
    let plan = Plan::new("cannot_read");
    symlink("..", &plan.join("content/sub/loop"));
    let run = plan.check(&[]);
    run.assert_no_panic().assert_code(2);
    assert!(run.stderr.contains("cannot read"), "{}", run.stderr);
    assert!(!run.stderr.contains("cannot write"), "{}", run.stderr);
    // An output folder below a file cannot be written.
    let plan = Plan::new("cannot_write");
    let out = plan.join("plan.yaml/output");
    let run = plan.build(&["--out", path_str(&out), "--only", "data"]);
    run.assert_no_panic().assert_code(2);
    assert!(run.stderr.contains("cannot"), "{}", run.stderr);
    assert!(!run.stderr.contains("cannot read"), "{}", run.stderr);
    // A link to nothing says so, rather than that it leads out of content/.
    let plan = Plan::new("dangling_link");
    symlink("findes-ikke.png", &plan.join("content/assets/kort.png"));
    plan.write(
        "content/03-billede.md",
        &dybt("\n![Et kort](assets/kort.png)\n"),
    );
    let (_, json) = plan.check_json(&[]);
    let d = assert_diag(&json, "missing-file", "content/03-billede.md", 6, 1);
    assert!(d.message.contains("does not exist"), "{d}");
}

#[cfg(unix)]
#[test]
fn control_characters_in_file_names_are_escaped_in_messages() {
    let plan = Plan::new("control_names");
    let name = "content/03-r\u{1b}[31mød\nlinje.md";
    plan.write(
        name,
        "---\ntitle: Navn\nsumary: x\n---\n\n![x](assets/\u{1b}[2Jkort.png)\n",
    );
    for format in ["human", "github"] {
        let run = plan.check(&["--format", format]);
        run.assert_code(1);
        let all = format!("{}{}", run.stdout, run.stderr);
        assert!(
            !all.contains('\u{1b}'),
            "{format}: a raw escape character in\n{all}"
        );
        assert!(
            all.contains("\\u{1b}"),
            "{format}: no escaped form in\n{all}"
        );
        assert!(
            !all.contains("ød\nlinje"),
            "{format}: a raw line break in a file name:\n{all}"
        );
    }
    // JSON keeps the real name: JSON escapes it.
    let (_, json) = plan.check_json(&[]);
    assert!(
        json.diags().iter().any(|d| d.file == name),
        "{}",
        json.listing()
    );
    // A fatal error names the file escaped too.
    plan.remove(name);
    symlink("..", &plan.join("content/sub/lo\u{1b}[8mop"));
    let run = plan.check(&[]);
    run.assert_code(2);
    assert!(!run.stderr.contains('\u{1b}'), "{}", run.stderr);
    assert!(run.stderr.contains("cannot read"), "{}", run.stderr);
}

// ---------------------------------------------------------------------------
// 4. The output folder is planpress's alone

/// Every entry under `dir` (files and folders, not following links) with
/// its bytes, for before/after comparisons.
fn tree(dir: &std::path::Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    walk(dir)
        .into_iter()
        .map(|p| {
            let rel = p
                .strip_prefix(dir)
                .expect("inside")
                .to_string_lossy()
                .into_owned();
            let bytes = std::fs::read(&p).expect("read");
            (rel, bytes)
        })
        .collect()
}

#[test]
fn the_output_folder_may_not_hold_the_plan_or_lie_in_its_sources() {
    let plan = Plan::new("out_places");
    let before = tree(plan.path());
    let parent = plan.path().parent().expect("parent").to_path_buf();
    for (out, words) in [
        (plan.path().to_path_buf(), "plan"),
        (plan.join("content"), "content/"),
        (plan.join("content/site"), "content/"),
        (plan.join("themes/x"), "themes/"),
        (parent.clone(), "plan"),
        (std::path::PathBuf::from("/"), "plan"),
        (plan.join("output/../content/../"), "plan"),
    ] {
        for force in [false, true] {
            let mut args = vec!["--out", path_str(&out), "--only", "data"];
            if force {
                args.push("--force");
            }
            let run = plan.build(&args);
            run.assert_no_panic().assert_code(2);
            assert!(run.stderr.contains(words), "{out:?}: {}", run.stderr);
            assert_eq!(tree(plan.path()), before, "{out:?} changed the plan folder");
        }
    }
}

#[cfg(unix)]
#[test]
fn the_output_folder_may_not_be_a_symbolic_link() {
    let plan = Plan::new("out_link");
    let elsewhere = TempDir::new("out_link_target");
    std::fs::write(elsewhere.join("keep.txt"), "keep\n").expect("file");
    symlink(path_str(elsewhere.path()), &plan.join("output"));
    for args in [vec!["--only", "data"], vec!["--only", "data", "--force"]] {
        let run = plan.build(&args);
        run.assert_code(2);
        assert!(run.stderr.contains("link"), "{}", run.stderr);
    }
    assert_eq!(tree(elsewhere.path()).len(), 1);
}

#[test]
fn a_folder_planpress_did_not_write_is_refused_unless_forced() {
    let plan = Plan::new("out_foreign");
    let out = plan.join("output");
    plan.write("output/notes.txt", "mine\n")
        .write("output/docs/a.txt", "mine too\n");
    let before = tree(&out);
    let run = plan.build(&["--out", path_str(&out), "--only", "data"]);
    run.assert_no_panic().assert_code(2);
    assert!(run.stderr.contains("--force"), "{}", run.stderr);
    assert_eq!(tree(&out), before, "a refused build changed the folder");
    // With --force planpress writes its own files beside them.
    plan.build(&["--out", path_str(&out), "--force"])
        .assert_code(0);
    let after = tree(&out);
    assert_eq!(after["notes.txt"], b"mine\n");
    assert_eq!(after["docs/a.txt"], b"mine too\n");
    assert!(after.contains_key("goals.json") && after.contains_key("site/index.html"));
    // From now on the folder is planpress's: no --force needed.
    plan.build(&["--out", path_str(&out), "--only", "data"])
        .assert_code(0);
    // An empty folder is fine too.
    let empty = plan.join("tom");
    std::fs::create_dir_all(&empty).expect("empty folder");
    plan.build(&["--out", path_str(&empty), "--only", "data"])
        .assert_code(0);
}

#[test]
fn stale_staging_from_a_killed_build_is_removed_by_the_next() {
    let plan = Plan::new("out_stale");
    let out = plan.join("output");
    plan.build(&["--out", path_str(&out), "--only", "data"])
        .assert_code(0);
    let work: Vec<std::path::PathBuf> = std::fs::read_dir(&out)
        .expect("output")
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.is_dir()
                && p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    assert_eq!(work.len(), 1, "one hidden working folder: {work:?}");
    // What a build killed mid-way leaves: a staging folder with a half-written file.
    let stale = work[0].join("stage-999999-1");
    std::fs::create_dir_all(stale.join("site")).expect("stale");
    std::fs::write(stale.join("site/index.html"), "half").expect("stale file");
    plan.build(&["--out", path_str(&out), "--only", "data"])
        .assert_code(0);
    assert!(!stale.exists(), "the stale staging folder is still there");
}

#[test]
fn killing_builds_at_any_moment_loses_nothing() {
    let plan = Plan::new("out_kill");
    let out = plan.join("output");
    plan.write("output/notes.txt", "mine\n");
    plan.build(&["--out", path_str(&out), "--only", "data", "--force"])
        .assert_code(0);
    let exe = env!("CARGO_BIN_EXE_planpress");
    for i in 0..24u64 {
        let mut child = std::process::Command::new(exe)
            .args(["build", path_str(plan.path()), "--out", path_str(&out)])
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(Duration::from_millis(3 * i));
        let _ = child.kill();
        let _ = child.wait();
        assert_eq!(
            std::fs::read(out.join("notes.txt")).expect("the user's file"),
            b"mine\n",
            "kill {i}"
        );
        assert!(
            out.join("goals.json").is_file(),
            "kill {i}: goals.json is gone"
        );
    }
    plan.build(&["--out", path_str(&out)]).assert_code(0);
    let names: Vec<String> = tree(&out)
        .into_keys()
        .filter(|k| k.contains("stage") || k.contains("old-"))
        .collect();
    assert!(names.is_empty(), "{names:?}");
    assert!(out.join("site/index.html").is_file());
}

#[test]
fn concurrent_builds_into_one_folder_all_succeed() {
    let plan = Plan::new("out_concurrent");
    let out = plan.join("output");
    let exe = env!("CARGO_BIN_EXE_planpress");
    for round in 0..5 {
        let children: Vec<_> = (0..6)
            .map(|_| {
                std::process::Command::new(exe)
                    .args([
                        "build",
                        path_str(plan.path()),
                        "--out",
                        path_str(&out),
                        "--only",
                        "data,site",
                    ])
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .expect("spawn")
            })
            .collect();
        for child in children {
            let output = child.wait_with_output().expect("wait");
            assert!(
                output.status.success(),
                "round {round}: a concurrent build failed: {}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
    }
    assert!(out.join("site/index.html").is_file() && out.join("goals.json").is_file());
    let names: Vec<String> = tree(&out)
        .into_keys()
        .filter(|k| k.contains("stage") || k.contains("old-"))
        .collect();
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn a_theme_template_cannot_publish_the_environment() {
    let plan = Plan::new("theme_env");
    let builtin = std::fs::read_to_string(repo_root().join("themes/default/templates/404.html"))
        .expect("built-in 404 template");
    plan.write(
        "themes/default/templates/404.html",
        &builtin.replace(
            "{% endblock main %}",
            "{{ get_env(name=\"PLANPRESS_TEST_TOKEN\") }}{% endblock main %}",
        ),
    );
    let out = plan.join("output");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_planpress"))
        .args([
            "build",
            path_str(plan.path()),
            "--out",
            path_str(&out),
            "--only",
            "site",
        ])
        .env("PLANPRESS_TEST_TOKEN", SECRET_WORD)
        .output()
        .expect("run planpress");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("template-error") && stderr.contains("environment"),
        "{stderr}"
    );
    assert!(!stderr.contains(SECRET_WORD), "{stderr}");
    // Nothing was published (the new folder holds only planpress's marker).
    assert!(!out.join("site").exists());
    Secret::new("theme_env").assert_not_in(&out);
}

#[test]
fn a_theme_template_that_includes_itself_is_an_error_not_a_stack_overflow() {
    let plan = Plan::new("theme_include_cycle");
    let goal = std::fs::read_to_string(repo_root().join("themes/default/templates/goal.html"))
        .expect("built-in goal template");
    plan.write(
        "themes/default/templates/goal.html",
        &format!("{goal}{{% include \"card.html\" %}}\n"),
    )
    .write(
        "themes/default/templates/card.html",
        "{% if true %}{% include \"goal.html\" %}{% endif %}\n",
    );
    let run = plan.build(&["--only", "site"]);
    run.assert_no_panic().assert_code(1);
    assert!(
        run.stderr.contains("template-error") && run.stderr.contains("includes itself"),
        "{}",
        run.stderr
    );
}

//! End-to-end tests for unlucky input (issue 8): the limits on depth, size
//! and numbers, spreadsheet formulas, goals placed twice, images that cannot
//! be decoded and names that cannot be printed as they are — each an error
//! or warning at its line, never a crash, a hang or a wrong figure.

mod common;
use common::hostile::*;
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
    let (_, json) = plan.check_json(&["--lang", "en"]);
    assert_clean(&json);
}

#[test]
fn a_number_with_more_decimals_than_shown_is_an_error() {
    let plan = Plan::new("too_many_decimals");
    plan.write("content/03-tal.md", &tal("{ 2027: 12.3456789 }"));
    let d = one_error(&plan, "too-many-decimals", "content/03-tal.md", 11, 26);
    assert!(d.message.contains("12.3456789"), "{d}");
    plan.write("content/03-tal.md", &tal("{ 2027: 12.345678 }"));
    let (_, json) = plan.check_json(&["--lang", "en"]);
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

#[test]
fn text_cells_that_a_spreadsheet_would_run_start_with_an_apostrophe() {
    let plan = Plan::new("csv_formulas");
    plan.write(
        "content/03-formler.md",
        "---\ntitle: \"=HYPERLINK(\\\"https://x.example\\\",\\\"klik\\\")\"\norder: 3\ngoals:\n  - id: \"@F1\"\n    title: \"+SUM(A1:A9)\"\n    indicators:\n      - name: \"-2+3\"\n        unit: text\n        targets: { 2027: \"\\tTAB\" }\n      - name: \"\\rCR\"\n        unit: text\n        targets: { 2027: Almindelig tekst }\n---\n\nTekst.\n",
    );
    let out = plan.join("output");
    plan.build(&["--lang", "en", "--out", path_str(&out), "--only", "data"])
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
    let (_, json) = plan.check_json(&["--lang", "en"]);
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
    let (run, json) = plan.check_json(&["--lang", "en"]);
    run.assert_no_panic().assert_code(1);
    assert!(!json.with_code("too-deep").is_empty(), "{}", json.listing());
    // Strong emphasis 5,000 deep: the 33rd `**` starts at column 65.
    let body = format!("{}x{}\n", "**".repeat(5_000), "**".repeat(5_000));
    plan.write("content/03-dybt.md", &dybt(&body));
    let (run, json) = plan.check_json(&["--lang", "en"]);
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
    let (run, json) = plan.check_json(&["--lang", "en"]);
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
    let (run, json) = plan.check_json(&["--lang", "en"]);
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
    let (run, json) = plan.check_json(&["--lang", "en"]);
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
        let run = plan.build(&["--lang", "en", "--out", path_str(&out), "--only", "pdf"]);
        run.assert_code(0);
        let mut names: Vec<String> = std::fs::read_dir(&out)
            .expect("output")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".pdf"))
            .collect();
        names.sort();
        // The status report's PDF is named after the plan's, bounded too.
        let status = expected.replace(".pdf", "-status.pdf");
        assert_eq!(names, [status, expected.clone()], "title {title:?}");
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
    let run = plan.build(&["--lang", "en", "--out", path_str(&out), "--only", "site"]);
    run.assert_no_panic().assert_code(0);
    assert!(out.join(format!("site/{}.html", "a".repeat(80))).is_file());
}

#[test]
fn a_text_file_past_the_size_limit_is_an_error_not_read_whole() {
    let plan = Plan::new("huge_file");
    let mut text = String::from("---\ntitle: Stor\n---\n\n");
    text.push_str(&"Et langt afsnit.\n".repeat(4_000_000));
    plan.write("content/03-stor.md", &text);
    let (run, json) = plan.check_json(&["--lang", "en"]);
    run.assert_no_panic().assert_code(1);
    let d = json.with_code("file-too-large");
    assert_eq!(d.len(), 1, "{}", json.listing());
    assert_eq!(d[0].file, "content/03-stor.md");
    assert!(d[0].message.contains("64 MB"), "{}", d[0]);
}

#[test]
fn a_goal_placed_twice_is_a_warning_at_the_second_marker_and_shown_once() {
    let plan = Plan::new("placed_twice");
    // Line 20 places U1; line 22 (`{{ goals() }}`) would place it again.
    plan.write(
        "content/02-unge.md",
        &BASE_UNGE.replace("## Mål\n", "{{ goal(\"U1\") }}\n"),
    );
    let (run, json) = plan.check_json(&["--lang", "en"]);
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
    plan.build(&[
        "--lang",
        "en",
        "--out",
        path_str(&out),
        "--only",
        "site,pdf",
    ])
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
        let (_, json) = plan.check_json(&["--lang", "en"]);
        assert_only(
            &json,
            "warning",
            "goal-placed-twice",
            "content/02-unge.md",
            22,
            1,
        );
        plan.build(&["--lang", "en", "--out", path_str(&out), "--only", "site"])
            .assert_code(0);
        let page = std::fs::read_to_string(out.join("site/unge.html")).expect("page");
        assert_eq!(page.matches("id=\"goal-u1\"").count(), 1, "{body}");
    }
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
    let (_, json) = plan.check_json(&["--lang", "en"]);
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
        let (run, json) = plan.check_json(&["--lang", "en"]);
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
    let run = plan.check(&["--lang", "en"]);
    run.assert_no_panic().assert_code(2);
    assert!(run.stderr.contains("cannot read"), "{}", run.stderr);
    assert!(!run.stderr.contains("cannot write"), "{}", run.stderr);
    // An output folder below a file cannot be written.
    let plan = Plan::new("cannot_write");
    let out = plan.join("plan.yaml/output");
    let run = plan.build(&["--lang", "en", "--out", path_str(&out), "--only", "data"]);
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
    let (_, json) = plan.check_json(&["--lang", "en"]);
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
        let run = plan.check(&["--format", format, "--lang", "en"]);
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
    let (_, json) = plan.check_json(&["--lang", "en"]);
    assert!(
        json.diags().iter().any(|d| d.file == name),
        "{}",
        json.listing()
    );
    // A fatal error names the file escaped too.
    plan.remove(name);
    symlink("..", &plan.join("content/sub/lo\u{1b}[8mop"));
    let run = plan.check(&["--lang", "en"]);
    run.assert_code(2);
    assert!(!run.stderr.contains('\u{1b}'), "{}", run.stderr);
    assert!(run.stderr.contains("cannot read"), "{}", run.stderr);
}

#[test]
fn a_problem_at_a_unicode_space_is_drawn_without_a_panic() {
    // U+2028 (a line separator) where a value should be: the underline must
    // cover the whole character, not one byte of it. Found by the fuzzer.
    let plan = Plan::new("unicode_space");
    for space in ["\u{2028}", "\u{85}", "\u{3000}"] {
        plan.write(
            "plan.yaml",
            &BASE_PLAN.replace("period: 2027", &format!("period: {space}")),
        );
        for format in ["human", "github", "json"] {
            let run = plan.check(&["--format", format]);
            run.assert_no_panic();
            assert_eq!(run.code, Some(1), "{space:?} {format}: {}", run.stderr);
        }
    }
}

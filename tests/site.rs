//! End-to-end tests of the HTML site: the binary builds a fixture plan and
//! the tests read the pages it wrote.

mod common;

use common::{Plan, TempDir, path_str, repo_root, run};
use std::path::Path;
use std::process::Command;

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// Builds `plan` into a temp folder and returns it (site in `site/`).
fn build_site(plan: &Plan, name: &str) -> TempDir {
    let out = TempDir::new(name);
    plan.build(&["--out", path_str(out.path()), "--only", "site"])
        .assert_code(0);
    out
}

/// The quality gates CI enforces on the example plan: the W3C Nu HTML
/// Checker finds no errors, axe-core finds no WCAG 2.1 AA violations in
/// headless Chromium, every internal link and image resolves, the pages run
/// without JavaScript errors, and search finds sections and goals.
#[test]
fn example_site_passes_html_accessibility_and_link_gates() {
    let out = TempDir::new("gates");
    run(&[
        "build",
        path_str(&repo_root()),
        "--out",
        path_str(out.path()),
        "--only",
        "site",
    ])
    .assert_code(0);
    let checker = repo_root().join("tests/js/check-site.mjs");
    assert!(
        repo_root().join("tests/js/node_modules/axe-core").is_dir(),
        "the browser checks are not installed: run scripts/install-test-tools.sh (scripts/test.sh does it)"
    );
    // Search, as a reader types it: any case, Danish letters, `aa` for `å`.
    let searches = [
        "FÆRRE LEDIGE=Færre ledige bliver langtidsledige",
        "påbegynder=Flere unge påbegynder en uddannelse",
        "paabegynder=Flere unge påbegynder en uddannelse",
        "førtidspension=Tilgangen til førtidspension bremses",
        "forord=Forord",
        // Many hits: each with its words marked, its snippet cut between words.
        "virksomheder=Virksomhedsindsatsen",
    ];
    let output = Command::new("node")
        .arg(&checker)
        .arg(out.join("site"))
        .args(searches.iter().flat_map(|s| ["--search", s]))
        .output()
        .expect("node runs (run scripts/install-test-tools.sh)");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let last = stdout.lines().last().unwrap_or("");
    let summary: serde_json::Value = serde_json::from_str(last).unwrap_or_else(|_| {
        panic!(
            "no summary line\n{stdout}\n{}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    assert!(summary["pages"].as_u64().unwrap_or(0) >= 12, "{stdout}");
    assert_eq!(summary["vnu_errors"], 0, "{stdout}");
    assert_eq!(summary["axe_violations"], 0, "{stdout}");
    assert_eq!(summary["broken_links"], 0, "{stdout}");
    assert_eq!(summary["js_errors"], 0, "{stdout}");
    assert_eq!(summary["search_failures"], 0, "{stdout}");
    // No page is wider than a phone of 390 px, its masthead, headings,
    // filters and tables included.
    assert_eq!(summary["too_wide"], 0, "{stdout}");
    // Chart text at least 12 px as drawn at 1280 and 390 px, and no two
    // texts of a chart overlapping, as the browser measures them.
    assert_eq!(summary["chart_problems"], 0, "{stdout}");
    assert!(output.status.success(), "{stdout}");
}

#[test]
fn every_section_goal_and_page_is_written() {
    let out = TempDir::new("pages");
    run(&[
        "build",
        path_str(&repo_root()),
        "--out",
        path_str(out.path()),
    ])
    .assert_code(0);
    let site = out.join("site");
    for page in [
        "index.html",
        "goals.html",
        "search.html",
        "404.html",
        "search-index.js",
        "style.css",
        "site.js",
    ] {
        assert!(site.join(page).is_file(), "{page} missing");
    }
    let json: serde_json::Value = serde_json::from_str(&read(&out.join("goals.json"))).unwrap();
    let goals_page = read(&site.join("goals.html"));
    for goal in json["goals"].as_array().unwrap() {
        let id = goal["id"].as_str().unwrap();
        let slug = goal["section"]["slug"].as_str().unwrap();
        let page = read(&site.join(format!("{slug}.html")));
        let anchor = format!("id=\"goal-{}\"", id.to_lowercase());
        assert!(page.contains(&anchor), "{slug}.html lacks {anchor}");
        assert!(
            goals_page.contains(&format!("{slug}.html#goal-{}", id.to_lowercase())),
            "goals.html lacks {id}"
        );
    }
    // Status is always a word with a symbol.
    assert!(goals_page.contains("<span aria-hidden=\"true\">✓</span> Opfyldt"));
    assert!(goals_page.contains("<span aria-hidden=\"true\">✗</span> Ikke på vej"));
}

#[test]
fn danish_labels_and_number_formats() {
    let plan = Plan::new("da");
    let out = build_site(&plan, "da-out");
    let page = read(&out.join("site/unge.html"));
    assert!(page.contains("<html lang=\"da\">"));
    assert!(
        page.contains("40,5 %"),
        "Danish decimal comma and spaced per cent sign"
    );
    // A date is never broken inside.
    assert!(page.contains("31.\u{a0}december\u{a0}2027"));
    assert!(page.contains("Udgangspunkt"));
    assert!(read(&out.join("site/index.html")).contains("Mål og status"));
    // The chart's text alternative states the figures in Danish too.
    assert!(
        page.contains("<desc id=\"chart-goal-u1-0-d\">Udgangspunkt 2024: 40,5 %."),
        "{page}"
    );
}

#[test]
fn english_labels_and_number_formats() {
    let plan = Plan::new("en");
    let yaml = read(&plan.join("plan.yaml")).replace("language: da", "language: en");
    plan.write("plan.yaml", &yaml);
    let out = build_site(&plan, "en-out");
    let page = read(&out.join("site/unge.html"));
    assert!(page.contains("<html lang=\"en\">"));
    assert!(page.contains("40.5%"));
    assert!(page.contains("31\u{a0}December\u{a0}2027"));
    assert!(page.contains("Baseline"));
    assert!(!page.contains("Udgangspunkt"));
    assert!(read(&out.join("site/index.html")).contains("Goals and status"));
}

#[test]
fn links_between_sections_and_images_are_rewritten() {
    let plan = Plan::new("links");
    plan.write(
        "content/01-forord.md",
        "---\ntitle: Forord\norder: 1\n---\n\nSe [de unges mål](02-unge.md#maal) og [hele afsnittet](02-unge.md).\n\n![Et kort over kommunen](assets/kort.svg)\n",
    )
    .write(
        "content/assets/kort.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><title>Kort</title></svg>",
    );
    let out = build_site(&plan, "links-out");
    let page = read(&out.join("site/forord.html"));
    assert!(page.contains("href=\"unge.html#maal\""), "{page}");
    assert!(page.contains("href=\"unge.html\""));
    assert!(page.contains("src=\"assets/kort.svg\" alt=\"Et kort over kommunen\""));
    assert!(out.join("site/assets/kort.svg").is_file());
    // No absolute links: the site works from any sub-path and from file://.
    assert!(!page.contains("href=\"/"), "{page}");
    assert!(!page.contains("src=\"/"));
}

#[test]
fn raw_html_is_escaped_unless_the_plan_allows_it() {
    let plan = Plan::new("html");
    plan.write(
        "content/01-forord.md",
        "---\ntitle: Forord\norder: 1\n---\n\n<script>alert('x')</script>\n\nTekst med <b>fed</b> skrift.\n",
    );
    let out = build_site(&plan, "html-out");
    let page = read(&out.join("site/forord.html"));
    assert!(
        !page.contains("<script>alert"),
        "raw HTML must be escaped by default"
    );
    assert!(page.contains("&lt;script&gt;alert"));
    assert!(page.contains("&lt;b&gt;fed&lt;/b&gt;"));

    let yaml = read(&plan.join("plan.yaml")) + "allow_html: true\n";
    plan.write("plan.yaml", &yaml);
    let out = build_site(&plan, "html-allowed");
    let page = read(&out.join("site/forord.html"));
    assert!(page.contains("<script>alert('x')</script>"));
    assert!(page.contains("<b>fed</b>"));
}

#[test]
fn a_plan_theme_overrides_single_templates_and_labels() {
    let plan = Plan::new("override");
    plan.write(
        "themes/default/templates/section.html",
        "{% extends \"base.html\" %}{% block main %}<h1>{{ page.title }}</h1><p class=\"custom\">Egen skabelon</p>{{ page.content | safe }}{% endblock main %}",
    );
    let out = build_site(&plan, "override-out");
    let section = read(&out.join("site/unge.html"));
    assert!(section.contains("<p class=\"custom\">Egen skabelon</p>"));
    // The other templates still come from the built-in theme.
    let index = read(&out.join("site/index.html"));
    assert!(index.contains("Mål og status"));
    assert!(!index.contains("Egen skabelon"));

    // A label file in the plan's theme replaces the built-in one.
    let labels = read(&repo_root().join("themes/default/labels/da.yaml"))
        .replace("home: Forside", "home: Til forsiden");
    plan.write("themes/default/labels/da.yaml", &labels);
    let out = build_site(&plan, "override-labels");
    assert!(read(&out.join("site/index.html")).contains("Til forsiden"));
}

#[test]
fn a_template_error_is_a_diagnostic_with_file_and_line_and_keeps_old_output() {
    let plan = Plan::new("tplerr");
    let out = TempDir::new("tplerr-out");
    plan.build(&["--out", path_str(out.path()), "--only", "site"])
        .assert_code(0);
    let before = read(&out.join("site/index.html"));
    plan.write("themes/default/templates/404.html", "{% extends \"base.html\" %}\n{% block main %}\n<p>{{ labels.home </p>\n{% endblock main %}\n");
    let run = plan.build(&["--out", path_str(out.path()), "--only", "site"]);
    run.assert_code(1).assert_no_panic();
    assert!(
        run.stderr.contains("themes/default/templates/404.html"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(":3:"),
        "line of the error: {}",
        run.stderr
    );
    assert!(run.stderr.contains("template-error"), "{}", run.stderr);
    assert_eq!(
        read(&out.join("site/index.html")),
        before,
        "previous output untouched"
    );

    let json = plan
        .build(&[
            "--out",
            path_str(out.path()),
            "--only",
            "site",
            "--format",
            "json",
        ])
        .json();
    let d = &json.diags()[0];
    assert_eq!(
        (d.code.as_str(), d.file.as_str(), d.line),
        ("template-error", "themes/default/templates/404.html", 3)
    );
}

#[test]
fn search_index_sitemap_and_canonical_links() {
    let plan = Plan::new("search");
    let yaml = read(&plan.join("plan.yaml")) + "base_url: https://plan.testby.dk/beskaeftigelse\n";
    plan.write("plan.yaml", &yaml);
    let out = build_site(&plan, "search-out");
    let index = read(&out.join("site/search-index.js"));
    let json = index
        .trim()
        .strip_prefix("window.PLANPRESS_SEARCH = ")
        .unwrap()
        .trim_end_matches(';');
    let entries: serde_json::Value = serde_json::from_str(json).unwrap();
    let titles: Vec<&str> = entries
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["t"].as_str().unwrap())
        .collect();
    assert!(titles.contains(&"Flere unge i uddannelse"), "{titles:?}");
    assert!(titles.contains(&"Forord"));
    assert!(
        index.contains("årets indsats"),
        "Danish letters kept as they are"
    );
    let sitemap = read(&out.join("site/sitemap.xml"));
    assert!(
        sitemap.contains("<loc>https://plan.testby.dk/beskaeftigelse/unge.html</loc>"),
        "{sitemap}"
    );
    assert!(!sitemap.contains("404.html"));
    let page = read(&out.join("site/unge.html"));
    assert!(page.contains(
        "<link rel=\"canonical\" href=\"https://plan.testby.dk/beskaeftigelse/unge.html\">"
    ));
    // Without base_url there is neither.
    let plain = build_site(&Plan::new("nobase"), "nobase-out");
    assert!(!plain.join("site/sitemap.xml").exists());
    assert!(!read(&plain.join("site/unge.html")).contains("rel=\"canonical\""));
}

/// The PDF style is the theme author's file: a mistake in it is reported
/// like any other problem (file, line, code; exit 1), and nothing is written.
#[test]
fn a_pdf_style_error_is_a_diagnostic() {
    let plan = Plan::new("pdfstyle");
    plan.write("themes/default/pdf.yaml", "text:\n  size_pt: [1\n");
    let out = TempDir::new("pdfstyle-out");
    let run = plan.build(&[
        "--out",
        path_str(out.path()),
        "--only",
        "pdf",
        "--format",
        "json",
    ]);
    run.assert_code(1).assert_no_panic();
    let d = &run.json().diags()[0];
    assert_eq!(
        (d.code.as_str(), d.file.as_str(), d.line),
        ("pdf-style", "themes/default/pdf.yaml", 2)
    );
    assert!(!out.join("testplan-2027.pdf").exists());

    plan.write("themes/default/pdf.yaml", "text:\n  align: centre\n");
    let run = plan.build(&["--out", path_str(out.path()), "--only", "pdf"]);
    run.assert_code(1);
    assert!(run.stderr.contains("fejl[pdf-style]"), "{}", run.stderr);
    assert!(
        run.stderr.contains("`left` eller `justify`"),
        "{}",
        run.stderr
    );
    let run = plan.build(&[
        "--out",
        path_str(out.path()),
        "--only",
        "pdf",
        "--lang",
        "en",
    ]);
    assert!(run.stderr.contains("error[pdf-style]"), "{}", run.stderr);
    assert!(run.stderr.contains("`left` or `justify`"), "{}", run.stderr);
}

/// A theme that renames a status renames it everywhere it is shown: the
/// site and the PDF read status words from the same place.
#[test]
fn a_relabelled_status_shows_the_same_in_site_and_pdf() {
    let plan = Plan::new("statusword");
    let labels = read(&repo_root().join("themes/default/labels/da.yaml"))
        .replace("status_on_track: På vej", "status_on_track: Godt på vej");
    plan.write("themes/default/labels/da.yaml", &labels);
    let out = TempDir::new("statusword-out");
    plan.build(&["--out", path_str(out.path()), "--only", "site,pdf"])
        .assert_code(0);
    assert!(read(&out.join("site/unge.html")).contains("Godt på vej"));
    let text = Command::new("pdftotext")
        .arg(out.join("testplan-2027.pdf"))
        .arg("-")
        .output()
        .expect("pdftotext runs (run scripts/install-test-tools.sh)");
    assert!(String::from_utf8_lossy(&text.stdout).contains("Godt på vej"));
}

/// Every page ends with who publishes the plan, whom to ask, the date of
/// the figures and the accessibility statement; the period is not said
/// twice when the title says it.
#[test]
fn the_footer_names_the_publisher_contact_date_of_figures_and_statement() {
    let out = TempDir::new("footer");
    run(&[
        "build",
        path_str(&repo_root()),
        "--out",
        path_str(out.path()),
        "--only",
        "site",
    ])
    .assert_code(0);
    for page in [
        "index.html",
        "virksomheder.html",
        "goals.html",
        "search.html",
    ] {
        let html = read(&out.join("site").join(page));
        let footer = &html[html.find("<footer").expect("a footer")..];
        for part in [
            "Eksempelby Kommune",
            "Kontakt: Jobcenter Eksempelby",
            "<a href=\"mailto:jobcenter@eksempelby.dk\">jobcenter@eksempelby.dk</a>",
            "Telefon 70\u{a0}10\u{a0}20\u{a0}30",
            // The date of the figures does not break inside.
            "Tal opdateret 1.\u{a0}oktober\u{a0}2026",
            "<a href=\"https://www.was.digst.dk/plan-eksempelby-dk\">Tilgængelighedserklæring</a>",
        ] {
            assert!(footer.contains(part), "{page}: no {part:?} in\n{footer}");
        }
        assert!(!footer.contains("2027 · 2027"), "{footer}");
    }
    let index = read(&out.join("site/index.html"));
    assert!(
        !index.contains("Eksempelby Kommune · 2027</p>"),
        "the period is in the title"
    );
    // A goal's deadline does not break inside either.
    let page = read(&out.join("site/virksomheder.html"));
    assert!(
        page.contains("<dd>31.\u{a0}december\u{a0}2027</dd>"),
        "{page}"
    );
}

/// Goal tables have a column per year, as in the PDF, each cell labelled
/// with its year and kind for the stacked rows on phones.
#[test]
fn goal_tables_have_a_column_per_year() {
    let plan = Plan::new("years");
    let out = build_site(&plan, "years-out");
    let page = read(&out.join("site/unge.html"));
    let table = &page[page.find("<table class=\"goal-table\"").unwrap()..];
    let table = &table[..table.find("</table>").unwrap()];
    let heads: Vec<&str> = table
        .match_indices("<th scope=\"col\"")
        .map(|(i, _)| &table[i..])
        .collect();
    assert_eq!(heads.len(), 6, "indicator, 2024–2027, status: {table}");
    for (year, kind) in [
        ("2024", "Udgangspunkt"),
        ("2025", "Faktisk"),
        ("2026", "Faktisk"),
        ("2027", "Mål"),
    ] {
        assert!(
            table.contains(&format!(
                ">{year}<span class=\"col-kind\">{kind}</span></th>"
            )),
            "{year} {kind}: {table}"
        );
        assert!(
            table.contains(&format!("data-label=\"{year} · {kind}\"")),
            "{table}"
        );
    }
    assert!(
        table.contains("<span class=\"fig fig-target\">45,0\u{a0}%</span>")
            || table.contains("<span class=\"fig fig-target\">45\u{a0}%</span>"),
        "{table}"
    );
}

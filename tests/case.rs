//! The committee case end to end: the example case in `examples/case/`
//! checks clean and builds (site, PDF, data), the site passes the Nu
//! checker and axe, the PDF has no cover or contents and passes two PDF/UA-1
//! checkers; a case with goals, and a case in English.

mod common;
mod pdf_support;

use common::*;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn example() -> PathBuf {
    repo_root().join("examples/case")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// Builds the plan in `dir` (everything) into a fresh folder.
fn build(dir: &Path, name: &str) -> TempDir {
    let out = TempDir::new(name);
    run(&["build", path_str(dir), "--out", path_str(out.path())]).assert_code(0);
    out
}

/// `tests/js/check-site.mjs` on a built site: its summary line.
fn site_gates(site: &Path) -> Value {
    assert!(
        repo_root().join("tests/js/node_modules/axe-core").is_dir(),
        "the browser checks are not installed: run scripts/install-test-tools.sh (scripts/test.sh does it)"
    );
    let output = Command::new("node")
        .arg(repo_root().join("tests/js/check-site.mjs"))
        .arg(site)
        .output()
        .expect("node runs (run scripts/install-test-tools.sh)");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let summary: Value = stdout
        .lines()
        .last()
        .and_then(|l| serde_json::from_str(l).ok())
        .unwrap_or_else(|| {
            panic!(
                "no summary line\n{stdout}\n{}",
                String::from_utf8_lossy(&output.stderr)
            )
        });
    // too_wide: no page is wider than a phone of 390 px.
    for key in [
        "vnu_errors",
        "axe_violations",
        "broken_links",
        "js_errors",
        "too_wide",
        "chart_problems",
    ] {
        assert_eq!(summary[key], 0, "{key}:\n{stdout}");
    }
    assert!(output.status.success(), "{stdout}");
    summary
}

/// The structure tree as `pdfinfo -struct-text` prints it.
fn structure(pdf: &Path) -> String {
    pdf_support::run(pdf_support::tool("pdfinfo").arg("-struct-text").arg(pdf))
}

/// Where `needle` stands in `hay`, or a failure that shows `hay`.
#[track_caller]
fn at(hay: &str, needle: &str) -> usize {
    hay.find(needle)
        .unwrap_or_else(|| panic!("no {needle:?} in\n{hay}"))
}

#[test]
fn the_example_case_checks_clean() {
    let run = run(&["check", path_str(&example()), "--format", "json"]);
    run.assert_code(0);
    assert_clean(&run.json());
}

#[test]
fn the_example_case_site_is_one_page_with_its_header_recommendation_and_decision() {
    let out = build(&example(), "case-site");
    let site = out.join("site");
    let html = read(&site.join("index.html"));
    // The header as a definition list, every fact with its name.
    for (name, value) in [
        ("Udvalg", "Beskæftigelses- og Erhvervsudvalget"),
        (
            "Møde",
            "<time datetime=\"2027-03-09T15:00\">tirsdag den 9. marts 2027 kl. 15.00</time>",
        ),
        ("Punkt", "4"),
        ("Sagsnummer", "15.00.00-A00-12-26"),
        ("Dokumentnummer", "2027-041233"),
        ("Beslutningskompetence", "Udvalget"),
    ] {
        at(&html, &format!("<dt>{name}</dt><dd>{value}</dd>"));
    }
    at(&html, "<dd class=\"access-open\">Åbent punkt</dd>");
    let dl = at(&html, "<dl class=\"case-facts\"");
    // The sections in the author's order, each a level below the title.
    let titles = [
        "Resumé",
        "Sagsfremstilling",
        "Økonomi",
        "Høring",
        "Indstilling",
        "Beslutning",
        "Bilag",
    ];
    let mut last = dl;
    for t in titles {
        let i = at(&html, &format!(">{t}<a class=\"anchor\""));
        assert!(i > last, "{t} is out of order");
        assert_eq!(&html[html[..i].rfind("<h").unwrap()..][..3], "<h2", "{t}");
        last = i;
    }
    // A heading inside a section is one level further down, with an id of
    // its section's.
    at(&html, "<h3 id=\"sagsfremstilling--baggrund\">Baggrund");
    // The recommendation as a numbered list after the section's text.
    let lead = at(
        &html,
        "Direktøren for Arbejdsmarked og Uddannelse indstiller,",
    );
    let list = at(
        &html,
        "<ol class=\"recommendation\" aria-label=\"Indstilling\">",
    );
    assert!(list > lead);
    let items: Vec<&str> = html[list..]
        .split("</ol>")
        .next()
        .unwrap()
        .matches("<li>at ")
        .collect();
    assert_eq!(items.len(), 3, "{}", &html[list..]);
    // The decision set apart, with its date and who was absent.
    let decision = at(&html, "<div class=\"decision\">");
    assert!(decision > list);
    at(
        &html,
        "Beslutning i Beskæftigelses- og Erhvervsudvalget den <time datetime=\"2027-03-09\">9. marts 2027</time>",
    );
    at(&html, "<p>Punkt 1 og 3 blev godkendt.</p>");
    at(
        &html,
        "<p class=\"decision-absent\"><span>Fraværende:</span> Birgitte Holm (A)</p>",
    );
    // Links between sections lead to places on the one page, and the
    // navigation lists the sections there.
    at(
        &html,
        "<a href=\"index.html#indstilling\">indstillingen</a>",
    );
    at(
        &html,
        "<li><a href=\"index.html#oekonomi\">Økonomi</a></li>",
    );
    // A short document: no search, no goals overview, no page per section.
    assert!(!html.contains("search-form"), "a search form");
    assert!(!html.contains("href=\"goals.html\""), "a goals link");
    for gone in [
        "search.html",
        "search-index.js",
        "goals.html",
        "resume.html",
        "indstilling.html",
    ] {
        assert!(!site.join(gone).exists(), "{gone} is written");
    }
    assert!(site.join("404.html").exists());
    assert!(site.join("assets/logo.svg").exists());
    assert!(
        site.join("status-paa-afdelingen-for-job-uddannelse.pdf")
            .exists()
    );
    let summary = site_gates(&site);
    assert_eq!(summary["pages"], 2, "{summary}");
}

#[test]
fn the_example_case_pdf_has_its_header_on_page_one_and_no_cover_or_contents() {
    let out = build(&example(), "case-pdf");
    let pdf = pdf_support::pdf_in(out.path());
    let pages = pdf_support::pages(&pdf);
    assert!(
        (2..=4).contains(&pages.len()),
        "{} pages:\n{pages:#?}",
        pages.len()
    );
    // Page 1 holds the title and the facts, and its footer.
    let first = &pages[0];
    for text in [
        "Status på afdelingen for Job & Uddannelse",
        "Udvalg Møde Punkt Sagsnummer Dokumentnummer Adgang Beslutningskompetence",
        "Beskæftigelses- og Erhvervsudvalget tirsdag den 9. marts 2027 kl. 15.00 4 15.00.00-A00-12-26 2027-041233 Åbent punkt Udvalget Resumé",
        "Side 1 af 3",
    ] {
        assert!(first.contains(text), "no {text:?} on page 1: {first}");
    }
    assert!(
        !pages.iter().any(|p| p.contains("Indhold")),
        "a contents page"
    );
    // Short sections do not start pages of their own.
    let page_of = |t: &str| pages.iter().position(|p| p.contains(t)).unwrap();
    assert_eq!(page_of("Resumé"), 0);
    assert_eq!(
        page_of("Økonomi Afdelingens budget"),
        page_of("Høring Sagen er")
    );
    // The tags: the title is the level 1, the facts a table of row headers
    // and values, each section a level 2, the recommendation a numbered
    // list and the decision set apart.
    let tags = structure(&pdf);
    // In reading order: the logo, the organisation, the title, the facts.
    let logo = at(&tags, "Figure");
    let org = at(&tags, "P (block)\n    \"Eksempelby Kommune \"");
    let h1 = at(&tags, "H1 ");
    let title = at(&tags, "\"Status på afdelingen for Job & Uddannelse \"");
    let table = at(&tags, "Table (block)");
    assert!(
        logo < org && org < h1 && h1 < title && title < table,
        "{tags}"
    );
    assert!(!tags[..table].contains("TOC"), "{tags}");
    let rows = tags[table..].split("H2").next().unwrap();
    assert_eq!(rows.matches("/Scope /Row").count(), 7, "{rows}");
    at(rows, "\"Sagsnummer \"");
    at(rows, "\"15.00.00-A00-12-26 \"");
    for t in ["Sagsfremstilling", "Indstilling", "Beslutning", "Bilag"] {
        at(&tags, &format!("H2 \"{t}\""));
    }
    at(&tags, "H3 \"Baggrund\"");
    let sect = tags[at(&tags, "H2 \"Indstilling\"")..].to_string();
    let list = at(
        &sect,
        "Sect\n    L (block):\n       /ListNumbering /Decimal",
    );
    assert_eq!(
        sect[list..]
            .split("Sect\n    P")
            .next()
            .unwrap()
            .matches("LI (block)")
            .count(),
        3,
        "{sect}"
    );
    at(
        &sect,
        "\"at udvalget tager status for afdelingen for Job & Uddannelse til efterretning \"",
    );
    at(
        &sect,
        "Sect\n    P (block)\n      \"Beslutning i Beskæftigelses- og Erhvervsudvalget den 9. marts 2027 \"",
    );
    at(&sect, "\"Fraværende: Birgitte Holm (A) \"");
    pdf_support::assert_pdf_ua(&pdf);
}

#[test]
fn the_example_case_data_has_its_header_and_no_goals() {
    let out = build(&example(), "case-data");
    let json: Value = serde_json::from_str(&read(&out.join("goals.json"))).unwrap();
    let plan = &json["plan"];
    assert_eq!(plan["kind"], "case");
    assert_eq!(plan["period"], Value::Null);
    let case = &plan["case"];
    assert_eq!(case["committee"], "Beskæftigelses- og Erhvervsudvalget");
    assert_eq!(case["meeting"], "2027-03-09T15:00");
    assert_eq!(case["item"], 4);
    assert_eq!(case["number"], "15.00.00-A00-12-26");
    assert_eq!(case["document"], "2027-041233");
    assert_eq!(case["access"], "open");
    assert_eq!(case["authority"], "Udvalget");
    assert_eq!(case["recommendation"].as_array().unwrap().len(), 3);
    assert_eq!(case["decision"]["date"], "2027-03-09");
    assert_eq!(case["decision"]["absent"][0], "Birgitte Holm (A)");
    assert!(
        case["decision"]["text"]
            .as_str()
            .unwrap()
            .starts_with("Punkt 1 og 3 blev godkendt.")
    );
    assert_eq!(json["goals"], Value::Array(vec![]));
    let csv = read(&out.join("goals.csv"));
    assert_eq!(csv.lines().count(), 1, "{csv}");
    // A plan says what it is, too.
    let plan_out = build(&repo_root(), "plan-data");
    let json: Value = serde_json::from_str(&read(&plan_out.join("goals.json"))).unwrap();
    assert_eq!(json["plan"]["kind"], "plan");
    assert_eq!(json["plan"]["period"]["start"], 2027);
    assert!(json["plan"].get("case").is_none());
}

/// A small case with one goal in its account of the matter, numbers that
/// YAML would read as numbers, and a closed item.
fn case_with_goal(language: &str) -> Plan {
    let plan = Plan::empty("case-goal");
    plan.write(
        "plan.yaml",
        &format!(
            "kind: case\ntitle: Ungeindsatsen\norganisation: Testby Kommune\nlanguage: {language}\nperiod: 2027\ncase:\n  committee: Beskæftigelsesudvalget\n  meeting: 2027-03-09\n  item: 12\n  number: 24.10\n  access: closed\n"
        ),
    )
    .write(
        "content/01-sagen.md",
        "---\ntitle: Sagsfremstilling\ngoals:\n  - id: U1\n    title: Flere unge i uddannelse\n    indicators:\n      - { name: Unge i uddannelse, unit: percent, direction: increase, baseline: { year: 2025, value: 40 }, actuals: { 2026: 43 }, targets: { 2027: 45 } }\n---\n\nTeksten om sagen.\n\n## Målet\n\n{{ goals() }}\n\nSe [målet](#maalet) og [indstillingen](02-indstilling.md).[^1]\n\n[^1]: En note.\n",
    )
    .write(
        "content/02-indstilling.md",
        &format!(
            "---\ntitle: Indstilling\nrecommendation:\n  - {} udvalget godkender målet\n---\n",
            if language == "en" { "that" } else { "at" }
        ),
    );
    plan
}

#[test]
fn a_case_with_goals_shows_them_on_its_page_and_in_an_overview() {
    let plan = case_with_goal("da");
    let (_, json) = plan.check_json(&[]);
    assert_clean(&json);
    let out = build(plan.path(), "case-goal-out");
    let site = out.join("site");
    let html = read(&site.join("index.html"));
    // The goal's card on the case's page, its title below the section's
    // heading and the section's own heading; ids of the section's own
    // anchors and footnotes; the facts as written; the goals overview.
    for needle in [
        "<h3 id=\"sagen--maalet\">",
        "<h3 class=\"goal-title\" id=\"goal-u1-h\">Flere unge i uddannelse</h3>",
        "<a href=\"#sagen--maalet\">målet</a>",
        "<sup class=\"fnref\" id=\"sagen--fnref-1\"><a href=\"#sagen--fn-1\"",
        "<li id=\"sagen--fn-1\">",
        "<dd>24.10</dd>",
        "<dd class=\"access-closed\">Lukket punkt</dd>",
        "<time datetime=\"2027-03-09\">tirsdag den 9. marts 2027</time>",
        "href=\"goals.html\"",
    ] {
        at(&html, needle);
    }
    let goals = read(&site.join("goals.html"));
    at(&goals, "index.html#sagen");
    site_gates(&site);
    // With an address, the sitemap lists the case's pages, and the page
    // names its address.
    let yaml = read(&plan.join("plan.yaml"));
    plan.write(
        "plan.yaml",
        &format!("{yaml}base_url: https://dagsorden.testby.dk/punkt-12/\n"),
    );
    let published = build(plan.path(), "case-goal-published");
    let sitemap = read(&published.join("site/sitemap.xml"));
    at(&sitemap, "<loc>https://dagsorden.testby.dk/punkt-12/</loc>");
    at(&sitemap, "https://dagsorden.testby.dk/punkt-12/goals.html");
    assert_eq!(sitemap.matches("<loc>").count(), 2, "{sitemap}");
    at(
        &read(&published.join("site/index.html")),
        "<link rel=\"canonical\" href=\"https://dagsorden.testby.dk/punkt-12/\">",
    );
    let data: Value = serde_json::from_str(&read(&out.join("goals.json"))).unwrap();
    assert_eq!(data["goals"][0]["id"], "U1");
    assert_eq!(data["plan"]["case"]["number"], "24.10");
    assert_eq!(data["plan"]["case"]["access"], "closed");
    let pdf = pdf_support::pdf_in(out.path());
    let tags = structure(&pdf);
    let h2 = at(&tags, "H2 \"Sagsfremstilling\"");
    let goal = at(&tags, "H3 \"U1 Flere unge i uddannelse\"");
    assert!(h2 < goal, "{tags}");
    pdf_support::assert_pdf_ua(&pdf);
}

#[test]
fn a_case_in_english() {
    let plan = case_with_goal("en");
    plan.write(
        "content/03-decision.md",
        "---\ntitle: Decision\ndecision: { date: 2027-03-10, text: Approved., absent: [A. Andersen] }\n---\n",
    );
    let (_, json) = plan.check_json(&[]);
    assert_clean(&json);
    let out = build(plan.path(), "case-en-out");
    let html = read(&out.join("site/index.html"));
    for needle in [
        "<dt>Committee</dt><dd>Beskæftigelsesudvalget</dd>",
        "<time datetime=\"2027-03-09\">Tuesday 9 March 2027</time>",
        "<dd class=\"access-closed\">Closed item</dd>",
        "Decision of Beskæftigelsesudvalget on <time datetime=\"2027-03-10\">10 March 2027</time>",
        "<span>Absent:</span> A. Andersen",
    ] {
        at(&html, needle);
    }
    let pdf = pdf_support::pdf_in(out.path());
    let pages = pdf_support::pages(&pdf);
    for text in [
        "Committee Meeting Item Case number Access",
        "Beskæftigelsesudvalget Tuesday 9 March 2027 12 24.10 Closed item",
        "1. that udvalget godkender målet",
        "Decision of Beskæftigelsesudvalget on 10 March 2027 Approved. Absent: A. Andersen",
        "Page 1 of 2",
    ] {
        assert!(pages.concat().contains(text), "no {text:?} in {pages:#?}");
    }
}

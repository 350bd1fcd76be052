//! End-to-end tests of what a section can say beyond prose and goal tables,
//! through the binary on `tests/fixtures/elements`: callouts and fact boxes,
//! quotes with a speaker, signatures, indicator notes, unit labels, ids and
//! assessments, and a goal serving two target groups — in the site's HTML
//! (checked by the Nu checker and axe too), the PDF's text and structure
//! tree, and goals.json and goals.csv.

mod pdf_support;

use pdf_support::*;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Builds the fixture (site, PDF and data) into a fresh folder.
fn build_all() -> PathBuf {
    let out = out_dir();
    let result = Command::new(BIN)
        .arg("build")
        .arg(fixture("elements"))
        .arg("--out")
        .arg(&out)
        .output()
        .expect("run planpress");
    assert!(
        result.status.success(),
        "build failed: {}",
        String::from_utf8_lossy(&result.stderr)
    );
    out
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// The position of each of `wanted` in `text`, which must be in that order.
#[track_caller]
fn in_order(text: &str, wanted: &[&str]) {
    let mut from = 0;
    for w in wanted {
        match text[from..].find(w) {
            Some(i) => from += i + w.len(),
            None => panic!("{w:?} is missing or out of order after byte {from} in:\n{text}"),
        }
    }
}

#[test]
fn site_shows_callouts_quotes_signature_notes_and_groups() {
    let out = build_all();
    let site = out.join("site");
    let forord = read(&site.join("forord.html"));
    // A fact box: a NOTE with a title, which is its label.
    in_order(
        &forord,
        &[
            "<div class=\"callout callout-note factbox\" role=\"note\" aria-labelledby=\"callout_1\">",
            "<p class=\"callout-label\" id=\"callout_1\">Fakta: ledigheden i tal</p>",
            "<p>Ledigheden var 2,9 % i august 2026.</p>",
            "<li>1.450 fuldtidsledige</li>",
            "</div>",
            // The other kinds, named in the plan's language.
            "<div class=\"callout callout-tip\" role=\"note\" aria-labelledby=\"callout_2\">",
            "<p class=\"callout-label\" id=\"callout_2\">Tip</p>",
            "<div class=\"callout callout-important\" role=\"note\" aria-labelledby=\"callout_3\">",
            "<span class=\"callout-kind\">Vigtigt:</span> Ny arbejdsdeling</p>",
            "id=\"callout_4\">Advarsel</p>",
            "id=\"callout_5\">Pas på</p>",
            // A quote with its speaker outside the quoted words.
            "<figure class=\"quote\">\n<blockquote>\n<p>Hver ung skal have en plan",
            "</blockquote>\n<figcaption>— Bo Berg, formand for Ungerådet</figcaption>\n</figure>",
            // A quote without one stays a plain quote.
            "<blockquote>\n<p>Det er et citat uden nogen, der siger det.</p>\n</blockquote>",
            "<p>Udvalget ser frem til året.</p>",
            "<p class=\"signature\"><span class=\"signature-name\">Anna Andersen</span><br>\n<span class=\"signature-role\">Formand for Beskæftigelsesudvalget</span></p>",
        ],
    );
    assert!(!forord.contains("[!NOTE]"), "the marker is not shown");

    let maal = read(&site.join("maal.html"));
    in_order(
        &maal,
        &[
            "<tr data-indicator=\"E1.1\">",
            "<tr data-indicator=\"E1.2\">",
            "timer · skal stige",
            // A figure and its unit do not part.
            "1.300\u{a0}timer",
            "<tr data-indicator=\"E1.3\">",
            "<span aria-hidden=\"true\">?</span> Ikke vurderet",
            "<tr data-indicator=\"E1-virksomheder\">",
            "<ul class=\"indicator-notes\">",
            "<span class=\"ind-note-name\">Unge i job eller uddannelse:</span> Faldet i 2025 skyldes",
            "<span class=\"ind-note-name\">Virksomhedernes vurdering:</span> Flere virksomheder",
            "<dt>Målgrupper</dt><dd>Unge uden uddannelse, Borgere i udkanten af arbejdsmarkedet</dd>",
        ],
    );
    // E2 serves its section's group only: its card does not repeat it.
    let e2 = &maal[maal.find("id=\"goal-e2\"").expect("E2's card")..];
    assert!(!e2.contains("<dt>Målgruppe"), "{e2}");

    // The overview lists E1 under both its groups, E2 under its section's.
    let goals = read(&site.join("goals.html"));
    let listed: Vec<&str> = goals
        .match_indices("<li class=\"goal-item\" data-goal=\"")
        .map(|(i, _)| {
            let rest = &goals[i..];
            &rest[..rest.find('>').unwrap_or(rest.len())]
        })
        .collect();
    assert_eq!(
        listed,
        [
            "<li class=\"goal-item\" data-goal=\"E1\" data-tg=\"unge\" data-tracks=\"skabe-job\"",
            "<li class=\"goal-item\" data-goal=\"E2\" data-tg=\"unge\" data-tracks=\"skabe-job\"",
            "<li class=\"goal-item\" data-goal=\"E1\" data-tg=\"udkanten\" data-tracks=\"skabe-job\"",
        ]
    );
    assert!(
        goals
            .contains(" · Målgrupper: Unge uden uddannelse, Borgere i udkanten af arbejdsmarkedet"),
        "the overview names both groups"
    );
    assert!(goals.contains("<span class=\"ind-note\">Faldet i 2025 skyldes"));

    // "Not assessed" is counted apart on the front page.
    let index = read(&site.join("index.html"));
    in_order(
        &index,
        &[
            "status-count status-not_measured\"><span class=\"count\">0</span>",
            "status-count status-not_assessed\"><span class=\"count\">1</span> <span class=\"status\"><span aria-hidden=\"true\">?</span> Ikke vurderet</span>",
        ],
    );
}

/// The fixture's pages pass the W3C Nu HTML Checker and axe-core, with all
/// five kinds of callout, a quote with a speaker and a signature on them.
#[test]
fn site_with_every_element_passes_html_and_accessibility_checks() {
    let out = build_all();
    let checker = Path::new(ROOT).join("tests/js/check-site.mjs");
    assert!(
        Path::new(ROOT)
            .join("tests/js/node_modules/axe-core")
            .is_dir(),
        "the browser checks are not installed: run scripts/install-test-tools.sh"
    );
    let output = Command::new("node")
        .arg(&checker)
        .arg(out.join("site"))
        .output()
        .expect("node runs (run scripts/install-test-tools.sh)");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let summary: Value = serde_json::from_str(stdout.lines().last().unwrap_or(""))
        .unwrap_or_else(|_| panic!("no summary line\n{stdout}"));
    assert!(summary["pages"].as_u64().unwrap_or(0) >= 5, "{stdout}");
    assert_eq!(summary["vnu_errors"], 0, "{stdout}");
    assert_eq!(summary["axe_violations"], 0, "{stdout}");
    assert_eq!(summary["broken_links"], 0, "{stdout}");
}

#[test]
fn pdf_text_and_tags_hold_the_elements_in_reading_order() {
    let out = build_all();
    let pdf = pdf_in(&out);
    let text = normalize(&run(tool("pdftotext")
        .arg("-enc")
        .arg("UTF-8")
        .arg(&pdf)
        .arg("-")));
    in_order(
        &text,
        &[
            "Fakta: ledigheden i tal Ledigheden var 2,9 % i august 2026.",
            "Tip Søg job i god tid",
            "Vigtigt: Ny arbejdsdeling A-kassen holder",
            "Advarsel Tallene for 2026",
            "Pas på Fristen for ansøgning",
            "Hver ung skal have en plan, der fører til job eller uddannelse. — Bo Berg, formand for Ungerådet",
            "Udvalget ser frem til året. Anna Andersen Formand for Beskæftigelsesudvalget",
            "Målgrupper: Unge uden uddannelse, Borgere i udkanten af arbejdsmarkedet",
            "1.300 timer",
            "Ikke vurderet",
            "Unge i job eller uddannelse: Faldet i 2025 skyldes, at et stort uddannelsessted lukkede.",
            "Virksomhedernes vurdering: Flere virksomheder svarer nu tilfreds end i 2025.",
        ],
    );
    // Name and role of the signature stand on lines of their own.
    let raw = run(tool("pdftotext")
        .arg("-enc")
        .arg("UTF-8")
        .arg(&pdf)
        .arg("-"));
    assert!(
        raw.contains("Anna Andersen\nFormand for Beskæftigelsesudvalget"),
        "{raw}"
    );

    let items = struct_text(&pdf);
    let from = items
        .iter()
        .position(|i| i == "\"Året byder på en ny måde at arbejde på.\"")
        .expect("the foreword's first paragraph");
    let expected: Vec<&str> = vec![
        "\"Året byder på en ny måde at arbejde på.\"",
        // A callout is a note: its label first, then its text.
        "Note",
        "Lbl",
        "\"Fakta: ledigheden i tal\"",
        "P",
        "\"Ledigheden var 2,9 % i august 2026.\"",
        "L",
        "LI",
        "LBody",
        "\"1.450 fuldtidsledige\"",
        "LI",
        "LBody",
        "\"hver femte langtidsledig\"",
        "Note",
        "Lbl",
        "\"Tip\"",
        "P",
        "\"Søg job i god tid før uddannelsen slutter.\"",
        "Note",
        "Lbl",
        "\"Vigtigt: Ny arbejdsdeling\"",
        "P",
        "\"A-kassen holder de første samtaler.\"",
        "Note",
        "Lbl",
        "\"Advarsel\"",
        "P",
        "\"Tallene for 2026 er foreløbige.\"",
        "Note",
        "Lbl",
        "\"Pas på\"",
        "P",
        "\"Fristen for ansøgning er 1. marts 2027.\"",
        // The quote and its speaker, grouped; the speaker after the words.
        "Div",
        "BlockQuote",
        "P",
        "\"Hver ung skal have en plan, der fører til job eller uddannelse.\"",
        "P",
        "\"— Bo Berg, formand for Ungerådet\"",
        "P",
        "\"Et almindeligt citat uden taler følger.\"",
        "BlockQuote",
        "P",
        "\"Det er et citat uden nogen, der siger det.\"",
        "P",
        "\"Udvalget ser frem til året.\"",
        "P",
        "\"Anna Andersen Formand for Beskæftigelsesudvalget\"",
    ];
    assert_eq!(
        &items[from..from + expected.len()],
        expected.as_slice(),
        "{items:#?}"
    );
}

/// A callout that fits on a page is kept on one: its label and its last
/// line stand on the same page, whatever came before it.
#[test]
fn pdf_keeps_a_callout_on_one_page() {
    let out = build_all();
    let pages = pages(&pdf_in(&out));
    for n in 1..=14 {
        let label = format!("Boks {n} ");
        let last = format!("Slut på boks {n}.");
        let at = |needle: &str| {
            pages
                .iter()
                .position(|p| p.contains(needle))
                .unwrap_or_else(|| panic!("{needle:?} is not in the PDF"))
        };
        assert_eq!(
            at(&label),
            at(&last),
            "box {n} is split across pages:\n{pages:#?}"
        );
    }
}

#[test]
fn data_carry_ids_notes_unit_labels_groups_and_assessments() {
    let out = build_all();
    let json: Value = serde_json::from_str(&read(&out.join("goals.json"))).unwrap();
    let e1 = &json["goals"][0];
    assert_eq!(e1["id"], "E1");
    let groups: Vec<&str> = e1["target_groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["id"].as_str().unwrap())
        .collect();
    assert_eq!(groups, ["unge", "udkanten"]);
    assert_eq!(e1["target_group"]["id"], "unge");
    let inds = e1["indicators"].as_array().unwrap();
    let ids: Vec<&str> = inds.iter().map(|i| i["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["E1.1", "E1.2", "E1.3", "E1-virksomheder"]);
    assert_eq!(
        inds[0]["note"],
        "Faldet i 2025 skyldes, at et stort uddannelsessted lukkede."
    );
    assert_eq!(inds[1]["unit_label"], "timer");
    assert_eq!(inds[1]["actuals"][0]["formatted"], "1.300 timer");
    assert_eq!(inds[2]["status"], "not_assessed");
    assert_eq!(inds[2]["status_label"], "Ikke vurderet");
    assert_eq!(inds[2]["assessment"], Value::Null);
    assert_eq!(inds[3]["assessment"], "on_track");
    assert_eq!(inds[3]["status"], "on_track");
    // Judged indicators decide the goal; the one not assessed does not count.
    assert_eq!(e1["status"], "on_track");
    let e2 = &json["goals"][1];
    assert_eq!(e2["target_groups"][0]["id"], "unge");
    assert_eq!(e2["indicators"][0]["id"], "E2.1");

    let csv = read(&out.join("goals.csv"));
    let mut lines = csv.trim_start_matches('\u{feff}').lines();
    let header: Vec<&str> = lines.next().unwrap().split(';').collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .unwrap_or_else(|| panic!("no `{name}` in {header:?}"))
    };
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(';').collect()).collect();
    let hours = rows
        .iter()
        .find(|r| r[col("indicator_id")] == "E1.2" && r[col("kind")] == "actual")
        .expect("a row of E1.2");
    assert_eq!(hours[col("unit_label")], "timer");
    assert_eq!(hours[col("formatted")], "1.300 timer");
    assert_eq!(hours[col("target_groups")], "unge,udkanten");
    assert_eq!(hours[col("target_group")], "unge");
    let text = rows
        .iter()
        .find(|r| r[col("indicator_id")] == "E1-virksomheder")
        .expect("a row of E1-virksomheder");
    assert_eq!(
        text[col("note")],
        "Flere virksomheder svarer nu tilfreds end i 2025."
    );
    assert!(
        rows.iter()
            .any(|r| r[col("indicator_id")] == "E1.3"
                && r[col("indicator_status")] == "not_assessed")
    );
}

//! The site's charts, read back from the SVG the binary wrote for the
//! example plan: type size, colour contrast, rank direction, gaps and
//! labels. (The browser checks in tests/js/check-site.mjs measure the same
//! charts as drawn: text size at two widths and overlapping labels.)

mod common;

use common::{BASE_UNGE, Plan, TempDir, path_str, repo_root, run};
use planpress::palette::contrast;
use roxmltree::{Document, Node};

/// The example site (in `site/`).
fn site() -> TempDir {
    let out = TempDir::new("charts");
    run(&[
        "build",
        path_str(&repo_root()),
        "--out",
        path_str(out.path()),
        "--only",
        "site",
    ])
    .assert_code(0);
    out
}

/// Every chart on `page`, as its SVG source.
fn charts(site: &TempDir, page: &str) -> Vec<String> {
    let html = std::fs::read_to_string(site.join("site").join(page)).unwrap();
    html.match_indices("<svg class=\"chart\"")
        .map(|(at, _)| {
            let end = html[at..].find("</svg>").unwrap() + at + "</svg>".len();
            html[at..end].to_string()
        })
        .collect()
}

/// The chart titled `title` on `page`.
fn chart(site: &TempDir, page: &str, title: &str) -> String {
    charts(site, page)
        .into_iter()
        .find(|svg| svg.contains(&format!(">{title}</title>")))
        .unwrap_or_else(|| panic!("no chart {title} on {page}"))
}

fn elements<'a>(doc: &'a Document, class: &str) -> Vec<Node<'a, 'a>> {
    doc.descendants()
        .filter(|n| n.attribute("class") == Some(class))
        .filter(|n| {
            !n.ancestors()
                .any(|a| a.attribute("class") == Some("legend"))
        })
        .collect()
}

fn num(n: &Node, attr: &str) -> f64 {
    n.attribute(attr).unwrap().parse().unwrap()
}

#[test]
fn chart_text_is_at_least_12_px_and_every_colour_reads_on_white() {
    let pages = [
        "virksomheder.html",
        "taet-paa.html",
        "unge.html",
        "udkanten.html",
        "tvaergaaende-spor.html",
    ];
    let site = site();
    let mut seen = 0;
    for page in pages {
        for svg in charts(&site, page) {
            seen += 1;
            let doc = Document::parse(&svg).unwrap();
            let root = doc.root_element();
            // Drawn at its own size: the view box is the size in CSS pixels.
            let view: Vec<f64> = root
                .attribute("viewBox")
                .unwrap()
                .split(' ')
                .map(|v| v.parse().unwrap())
                .collect();
            assert_eq!(view[2], num(&root, "width"), "{page}: not scaled");
            assert_eq!(view[3], num(&root, "height"), "{page}: not scaled");
            assert!(num(&root, "font-size") >= 12.0, "{page}");
            for n in doc.descendants().filter(|n| n.is_element()) {
                if let Some(size) = n.attribute("font-size") {
                    assert!(size.parse::<f64>().unwrap() >= 12.0, "{page}: {size}");
                }
                for attr in ["fill", "stroke"] {
                    let Some(colour) = n.attribute(attr) else {
                        continue;
                    };
                    if colour == "none" || colour == "#ffffff" {
                        continue; // no ink, or the paper itself
                    }
                    assert!(
                        contrast(colour, "#ffffff") >= 4.5,
                        "{page}: {attr}={colour} on <{}> is {:.2}:1",
                        n.tag_name().name(),
                        contrast(colour, "#ffffff")
                    );
                }
            }
            // Every figure has its label: one bold figure per mark.
            let marks = ["baseline-point", "actual-point", "target"]
                .iter()
                .map(|c| elements(&doc, c).len())
                .sum::<usize>();
            assert_eq!(elements(&doc, "figure").len(), marks, "{page}: {svg}");
            // Only a quarter's or a month's figure may go unlabelled, where
            // the others leave it no room.
            if !elements(&doc, "actual-point crowded").is_empty() {
                let finer = [
                    "kvartal",
                    "januar",
                    "februar",
                    "marts",
                    "april",
                    "maj",
                    "juni",
                    "juli",
                    "august",
                    "september",
                    "oktober",
                    "november",
                    "december",
                ];
                assert!(finer.iter().any(|w| svg.contains(w)), "{page}: {svg}");
            }
        }
    }
    assert!(seen >= 15, "{seen} charts");
}

/// A rank of 80 is better than 86: the line rises, and rank 1's end of
/// the axis is the top.
#[test]
fn ranks_are_drawn_with_the_best_at_the_top() {
    let svg = chart(
        &site(),
        "tvaergaaende-spor.html",
        "Placering blandt landets 98 kommuner, alle ydelser under ét",
    );
    let doc = Document::parse(&svg).unwrap();
    let actual: Vec<f64> = elements(&doc, "actual-point")
        .iter()
        .map(|n| num(n, "cy"))
        .collect();
    let base = num(&elements(&doc, "baseline-point")[0], "cy");
    assert_eq!(actual.len(), 2);
    assert!(
        base > actual[0] && actual[0] > actual[1],
        "86, 84, 80 rise: {base} {actual:?}"
    );
    // The axis labels run from the smallest rank at the top down.
    let mut ticks: Vec<(f64, f64)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text") && n.attribute("class").is_none())
        .filter(|n| {
            !n.ancestors()
                .any(|a| a.attribute("class") == Some("legend"))
        })
        .filter_map(|n| {
            let v: f64 = n.text()?.parse().ok()?;
            (v < 1000.0).then(|| (num(&n, "y"), v))
        })
        .filter(|(_, v)| *v < 200.0)
        .collect();
    ticks.sort_by(|a, b| a.0.total_cmp(&b.0));
    let ranks: Vec<f64> = ticks.iter().map(|t| t.1).collect();
    assert!(ranks.windows(2).all(|w| w[0] < w[1]), "{ranks:?}");
}

/// 2025 was not measured: the line does not join 2024 to 2026.
#[test]
fn a_year_without_a_figure_is_a_gap_in_the_line() {
    let site = site();
    let svg = chart(
        &site,
        "taet-paa.html",
        "Ledige, der er tilfredse eller meget tilfredse med samtalerne",
    );
    let doc = Document::parse(&svg).unwrap();
    assert!(
        elements(&doc, "actual").is_empty(),
        "no line across the gap: {svg}"
    );
    assert_eq!(elements(&doc, "baseline-point").len(), 1);
    assert_eq!(elements(&doc, "actual-point").len(), 1);
    // A chart without a gap has its line.
    let whole = chart(&site, "virksomheder.html", "Virksomhedskontakter pr. år");
    let doc = Document::parse(&whole).unwrap();
    assert_eq!(elements(&doc, "actual").len(), 1);
}

/// 2.000 to 2.500 on an axis from 2.000: the cut is marked; an axis from
/// zero has no mark.
#[test]
fn an_axis_that_does_not_start_at_zero_is_marked() {
    let site = site();
    let cut = chart(&site, "virksomheder.html", "Virksomhedskontakter pr. år");
    assert!(cut.contains("class=\"axis-break\""), "{cut}");
    // 40 to 130 cases: near enough zero that the axis starts there.
    let plan = Plan::new("from-zero");
    plan.write(
        "content/02-unge.md",
        &BASE_UNGE
            .replace("unit: percent", "unit: count")
            .replace("value: 40.5 }", "value: 40 }")
            .replace("2025: 42, 2026: 43.5", "2025: 70, 2026: 100")
            .replace("2027: 45", "2027: 130"),
    );
    let out = TempDir::new("from-zero-out");
    plan.build(&["--out", path_str(out.path()), "--only", "site"])
        .assert_code(0);
    let whole = charts(&out, "unge.html");
    assert_eq!(whole.len(), 1);
    assert!(!whole[0].contains("axis-break"), "{}", whole[0]);
}

//! The PDF as a document for the council, through the binary: a goal's
//! charts on a page that names the goal, no page more than a third empty
//! but before a chapter, short chapters that flow on and `page_break`,
//! the status overview of every goal (a tagged table), cross-references
//! with page numbers, the cover's status line and the colophon.

mod common;
mod pdf_support;

use common::Plan;
use pdf_support::{ROOT, build, normalize, page_count, pages, run, struct_text, tool};
use std::path::Path;

fn plan_of(dir: &Path) -> planpress::model::Plan {
    planpress::check(dir)
        .expect("load plan")
        .plan
        .expect("a valid plan")
}

/// `id` and the first word of `title` with only space between: the goal's
/// heading, or its heading repeated with "(fortsat)".
fn names_goal(page: &str, id: &str, title: &str) -> bool {
    let first = title.split_whitespace().next().unwrap_or("");
    page.contains(&format!("{id} {first}"))
}

#[test]
fn every_chart_is_on_a_page_that_names_its_goal() {
    let dir = Path::new(ROOT);
    let plan = plan_of(dir);
    let (pdf, _) = build(dir);
    let pages = pages(&pdf);
    let mut charts = 0;
    for (_, g) in plan.all_goals() {
        for ind in g.indicators.iter().filter(|i| i.unit.is_numeric()) {
            // A chart's title is its indicator's name; the overview page
            // names goals, not indicators.
            let name = normalize(&ind.name);
            let on: Vec<usize> = (0..pages.len())
                .filter(|&i| pages[i].contains(&name))
                .collect();
            assert!(!on.is_empty(), "{name:?} of {} is on no page", g.id);
            for i in on {
                charts += 1;
                assert!(
                    names_goal(&pages[i], &g.id, &g.title),
                    "page {} shows {name:?} but does not name goal {}:\n{}",
                    i + 1,
                    g.id,
                    pages[i]
                );
            }
        }
    }
    assert!(charts > 20, "only {charts} chart pages checked");
    // The example plan has goals that run on to a second page.
    assert!(
        pages.iter().any(|p| p.contains("(fortsat)")),
        "no goal heading is repeated with (fortsat)"
    );
}

/// Each page's text block, from `pdftotext -bbox`: how far down the page
/// its lowest word reaches (header and footer left out), and whether it
/// holds a word as large as a chapter heading.
fn fill(pdf: &Path) -> Vec<(f32, bool)> {
    let html = run(tool("pdftotext").arg("-bbox").arg(pdf).arg("-"));
    let attr = |tag: &str, name: &str| -> f32 {
        let at = tag.find(&format!("{name}=\"")).expect("attribute") + name.len() + 2;
        tag[at..].split('"').next().unwrap().parse().unwrap()
    };
    let mm = 72.0 / 25.4;
    let (top, bottom) = (24.0 * mm, 24.0 * mm);
    let mut out = Vec::new();
    for page in html.split("<page ").skip(1) {
        let height = attr(page, "height");
        let mut lowest = top;
        let mut chapter = false;
        for word in page.split("<word ").skip(1) {
            let (y0, y1) = (attr(word, "yMin"), attr(word, "yMax"));
            if y0 < top - 2.0 || y1 > height - bottom + 2.0 {
                continue;
            }
            lowest = lowest.max(y1);
            chapter |= y1 - y0 > 20.0;
        }
        let empty = (height - bottom - lowest) / (height - bottom - top);
        out.push((empty, chapter));
    }
    out
}

#[test]
fn no_page_is_more_than_a_third_empty_but_before_a_chapter() {
    let (pdf, _) = build(Path::new(ROOT));
    let fill = fill(&pdf);
    assert_eq!(fill.len(), page_count(&pdf));
    // The cover, colophon, contents and overview stand before the first
    // chapter; the last page ends the plan.
    let first_chapter = 4;
    assert!(fill[first_chapter].1, "page 5 starts no chapter");
    for i in first_chapter..fill.len() - 1 {
        let (empty, _) = fill[i];
        let before_chapter = fill[i + 1].1;
        assert!(
            empty <= 1.0 / 3.0 || before_chapter,
            "page {} is {:.0} % empty and no chapter follows",
            i + 1,
            empty * 100.0
        );
    }
}

/// A plan of short chapters, one of which asks for a page of its own.
fn short_chapters(theme: Option<&str>) -> Plan {
    let plan = Plan::empty("pdf-short");
    plan.write(
        "plan.yaml",
        "title: Kort plan 2027\norganisation: Testby Kommune\nperiod: 2027\n",
    );
    let text = "Et kort afsnit med nogle få linjer tekst, som slet ikke fylder en side. ".repeat(4);
    for (n, title) in ["Første", "Anden", "Tredje", "Fjerde"].iter().enumerate() {
        let brk = if n == 3 { "page_break: true\n" } else { "" };
        plan.write(
            &format!("content/0{}-{}.md", n + 1, title.to_lowercase()),
            &format!("---\ntitle: {title} kapitel\n{brk}---\n\n{text}\n"),
        );
    }
    if let Some(t) = theme {
        plan.write("themes/default/pdf.yaml", t);
    }
    plan
}

/// The page a heading is on, after the cover, colophon and contents.
fn page_of(pages: &[String], heading: &str) -> usize {
    3 + pages[3..]
        .iter()
        .position(|p| p.contains(heading))
        .unwrap_or_else(|| panic!("{heading:?} on no page"))
}

#[test]
fn short_chapters_flow_on_and_page_break_starts_a_page() {
    let plan = short_chapters(None);
    let (pdf, _) = build(plan.path());
    let text = pages(&pdf);
    let first = page_of(&text, "1 Første kapitel");
    assert_eq!(page_of(&text, "2 Anden kapitel"), first);
    assert_eq!(page_of(&text, "3 Tredje kapitel"), first);
    // `page_break: true`: a page of its own.
    assert_eq!(page_of(&text, "4 Fjerde kapitel"), first + 1);
    assert!(text[first + 1].starts_with("Kort plan 2027 4 Fjerde kapitel"));

    // The theme can break before every chapter (also in the words of a
    // theme from before `new_page`).
    for theme in [
        "headings:\n  new_page: all\n",
        "headings:\n  section_new_page: true\n",
    ] {
        let plan = short_chapters(Some(theme));
        let (pdf, _) = build(plan.path());
        let text = pages(&pdf);
        let first = page_of(&text, "1 Første kapitel");
        for (k, t) in ["2 Anden", "3 Tredje", "4 Fjerde"].iter().enumerate() {
            assert_eq!(page_of(&text, t), first + k + 1, "{theme}: {t}");
        }
    }
}

#[test]
fn a_goal_table_across_pages_repeats_its_header_and_heading() {
    let plan = Plan::empty("pdf-long-goal");
    plan.write(
        "plan.yaml",
        "title: Lang plan 2027\norganisation: Testby Kommune\nperiod: 2027\n",
    );
    let mut goal = String::from(
        "goals:\n  - id: L1\n    title: Mange indikatorer på én gang\n    indicators:\n",
    );
    for n in 1..=40 {
        goal.push_str(&format!(
            "      - {{ name: Indikator nummer {n:02}, unit: text, \
             actuals: {{ 2026: Godt }}, targets: {{ 2027: Bedre }} }}\n"
        ));
    }
    plan.write(
        "content/01-maal.md",
        &format!("---\ntitle: Målene\n{goal}---\n\nTeksten før målet.\n"),
    );
    let (pdf, _) = build(plan.path());
    let pages = pages(&pdf);
    let with_rows: Vec<usize> = (0..pages.len())
        .filter(|&i| pages[i].contains("Indikator nummer"))
        .collect();
    assert!(with_rows.len() >= 2, "the table fits one page");
    for &i in &with_rows[1..] {
        assert!(
            pages[i].contains("L1 Mange indikatorer på én gang (fortsat) Indikator 2026"),
            "page {} has rows without the goal's heading and the header:\n{}",
            i + 1,
            pages[i]
        );
    }
}

#[test]
fn the_status_overview_lists_every_goal_in_a_tagged_table() {
    let dir = Path::new(ROOT);
    let plan = plan_of(dir);
    let (pdf, _) = build(dir);
    let at = page_of(&pages(&pdf), "Status for planens mål");
    assert_eq!(at, 3, "the overview follows the contents");
    // The contents name it first, unnumbered, with its page.
    let contents = run(tool("pdftotext")
        .args(["-f", "3", "-l", "3", "-layout"])
        .arg(&pdf)
        .arg("-"));
    let first = contents
        .lines()
        .map(normalize)
        .find(|l| !l.is_empty() && l != "Beskæftigelsesplan 2027" && l != "Indhold");
    assert_eq!(first.as_deref(), Some("Status for planens mål 4"));
    // Row by row, as the page shows them.
    let page = run(tool("pdftotext")
        .args(["-f", "4", "-l", "4", "-layout"])
        .arg(&pdf)
        .arg("-"));
    let page: String = page.lines().map(|l| normalize(l) + "\n").collect();
    let goals = plan.all_goals();
    assert_eq!(goals.len(), 15);
    for (_, g) in &goals {
        assert!(
            names_goal(&page, &g.id, &g.title),
            "{} missing from the overview:\n{page}",
            g.id
        );
        let word = planpress::locale::status(g.status, plan.meta.language);
        assert!(page.contains(word), "{word}");
    }
    // The latest figure against the target: V1's first indicator.
    assert!(page.contains("Virksomheder 2.240 2.500 På vej"), "{page}");
    // Tagged as a table: a header row of six column headers, then one row
    // per goal headed by its id.
    let tags = struct_text(&pdf);
    let start = tags
        .iter()
        .position(|t| t == "\"Status for planens mål\"")
        .expect("the overview's heading in the structure");
    let table = start + tags[start..].iter().position(|t| t == "Table").unwrap();
    let heads = tags[table..]
        .iter()
        .take_while(|t| *t != "TBody")
        .filter(|t| *t == "TH")
        .count();
    assert_eq!(heads, 6, "{:?}", &tags[table..table + 20]);
    let ids: Vec<&String> = tags[table..]
        .windows(2)
        .filter(|w| w[0] == "TH")
        .map(|w| &w[1])
        .collect();
    for (_, g) in &goals {
        assert!(ids.contains(&&format!("\"{}\"", g.id)), "row of {}", g.id);
    }
}

#[test]
fn links_to_other_sections_carry_their_page_numbers() {
    let dir = Path::new(ROOT);
    let (pdf, _) = build(dir);
    let pages = pages(&pdf);
    // The foreword links to section 6; section 7.1 is linked from 7.
    for (number, title) in [("6", "De tværgående spor"), ("7.1", "Datagrundlag")] {
        let on = page_of(&pages, &format!("{number} {title}"));
        let xref = format!("(se afsnit {number}, s. {})", on + 1);
        assert!(
            pages.iter().any(|p| p.contains(&xref)),
            "no {xref:?} in the text"
        );
    }
}

#[test]
fn the_cover_says_where_the_document_stands() {
    let dir = Path::new(ROOT);
    let (pdf, _) = build(dir);
    let cover = &pages(&pdf)[0];
    assert!(
        cover.contains("Vedtaget af Byrådet 26. november 2026"),
        "{cover}"
    );
    assert!(cover.contains("1. udgave"), "{cover}");
    // The period is in the title: not again as a line of its own.
    let lines = run(tool("pdftotext")
        .args(["-f", "1", "-l", "1", "-layout"])
        .arg(&pdf)
        .arg("-"));
    assert!(!lines.lines().any(|l| l.trim() == "2027"), "{lines}");
    for (status, words) in [
        ("draft", "Udkast"),
        ("consultation", "Høringsudkast"),
        ("adopted", "Vedtaget"),
    ] {
        let plan = Plan::new("pdf-status");
        plan.write(
            "plan.yaml",
            &common::BASE_PLAN.replace(
                "period: 2027",
                &format!("period: 2026-2027\nstatus: {status}"),
            ),
        );
        let (pdf, _) = build(plan.path());
        let cover = &pages(&pdf)[0];
        assert!(cover.contains(words), "{status}: {cover}");
        assert!(cover.contains("2026–2027"), "{status}: the period: {cover}");
    }
}

#[test]
fn the_colophon_names_publisher_contact_dates_and_sources() {
    let dir = Path::new(ROOT);
    let (pdf, _) = build(dir);
    let page = &pages(&pdf)[1];
    for words in [
        "Kolofon",
        "Udgiver Eksempelby Kommune",
        "Status Vedtaget af Byrådet 26. november 2026",
        "Udgave 1. udgave",
        "Tal opdateret 1. oktober 2026",
        "jobcenter@eksempelby.dk",
        "70 10 20 30",
        "https://www.was.digst.dk/plan-eksempelby-dk",
        "Jobindsats",
        "STAR",
    ] {
        assert!(
            page.contains(words),
            "{words:?} not in the colophon:\n{page}"
        );
    }
    // In English.
    let plan = Plan::new("pdf-colophon-en");
    plan.write(
        "plan.yaml",
        &common::BASE_PLAN.replace("language: da", "language: en\nstatus: adopted\nadopted: { date: 2026-12-10, by: the City Council }\ncontact: { email: jobs@example.org }"),
    );
    let (pdf, _) = build(plan.path());
    let pages = pages(&pdf);
    assert!(
        pages[0].contains("Adopted by the City Council on 10 December 2026"),
        "{}",
        pages[0]
    );
    assert!(pages[1].contains("Colophon"), "{}", pages[1]);
    assert!(
        pages[1].contains("Contact jobs@example.org"),
        "{}",
        pages[1]
    );
}

//! The layout's own rules, checked on its display list.

use super::super::display::{Item, Owner, Role, Scope};
use super::*;
use crate::model::{Block, Inline, Language, Meta, Period};

fn plan(paragraphs: Vec<String>) -> Plan {
    let body = paragraphs
        .into_iter()
        .map(|p| Block::Paragraph(vec![Inline::Text(p)]))
        .collect();
    Plan {
        meta: Meta::new(
            "Testplan 2027",
            "Testby Kommune",
            Period {
                start: 2027,
                end: 2027,
            },
        ),
        target_groups: vec![],
        tracks: vec![],
        national_goals: vec![],
        sections: vec![Section {
            slug: "a".into(),
            source: "content/a.md".into(),
            title: "Afsnit".into(),
            target_group: None,
            summary: None,
            goals: vec![],
            body,
            footnotes: vec![],
            signature: None,
            page_break: false,
            recommendation: None,
            decision: None,
            children: vec![],
        }],
        root: std::path::PathBuf::from("."),
    }
}

fn lay_out(plan: &Plan, root: &std::path::Path) -> (Document, Vec<Problem>) {
    let theme = Theme::load(root, &plan.meta.theme, plan.meta.language).unwrap();
    let style = Style::load(&theme, &plan.meta.brand.primary).unwrap();
    let fonts = Fonts::load(true).unwrap();
    let hyph = Hyphenation::for_language(plan.meta.language);
    let env = Env {
        plan,
        theme: &theme,
        st: &style,
        fonts: &fonts,
        hyph: &hyph,
        xref: None,
        today: crate::model::Date {
            year: 2026,
            month: 11,
            day: 2,
        },
    };
    Layout::new(env).run()
}

/// The role of the element an item belongs to, if any.
fn role<'d>(doc: &'d Document, owner: &Owner) -> Option<&'d Role> {
    match owner {
        Owner::Elem(e) => Some(&doc.structure[*e as usize].role),
        Owner::Artifact(_) => None,
    }
}

/// Paragraphs of 2 to 9 lines never leave a single line alone at the
/// top or bottom of a page.
#[test]
fn no_widows_or_orphans() {
    let sentence = "Jobcentret hjælper virksomheder og borgere hver eneste dag i hele kommunen. ";
    let paragraphs: Vec<String> = (0..60).map(|i| sentence.repeat(2 + (i * 7) % 9)).collect();
    let plan = plan(paragraphs);
    let _ = Language::Da;
    let (doc, _) = lay_out(&plan, std::path::Path::new("/nonexistent"));
    let lead = super::super::style::StyleFile::default().text.leading_pt;
    let mut checked = 0;
    // After the cover, the colophon and the contents.
    for (p, page) in doc.pages.iter().enumerate().skip(3) {
        let mut ys: Vec<f32> = page
            .items
            .iter()
            .zip(&page.owners)
            .filter_map(|(item, owner)| match (item, role(&doc, owner)) {
                (Item::Text { y, .. }, Some(Role::Paragraph)) => Some(*y),
                _ => None,
            })
            .collect();
        ys.sort_by(f32::total_cmp);
        ys.dedup_by(|a, b| (*a - *b).abs() < 0.1);
        // Runs of lines exactly one leading apart belong to one paragraph.
        let mut run = 1;
        for k in 1..=ys.len() {
            if k < ys.len() && (ys[k] - ys[k - 1] - lead).abs() < 0.1 {
                run += 1;
            } else {
                assert!(run >= 2, "a single line stands alone on page {}", p + 1);
                run = 1;
                checked += 1;
            }
        }
    }
    assert!(
        checked > 20 && doc.pages.len() > 4,
        "too little was laid out"
    );
}

/// No page of the example plan ends with a heading or a table's header row.
#[test]
fn headings_stay_with_what_follows() {
    // PLANPRESS_TEST_PLAN points the test at another plan (e.g. the benchmark corpus).
    let root = std::env::var_os("PLANPRESS_TEST_PLAN").map_or_else(
        || std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")),
        std::path::PathBuf::from,
    );
    let plan = crate::check(&root)
        .unwrap()
        .plan
        .expect("the example plan is valid");
    let (doc, problems) = lay_out(&plan, &root);
    assert!(problems.is_empty(), "{problems:?}");
    for (p, page) in doc.pages.iter().enumerate().skip(1) {
        let content: Vec<(f32, Option<&Role>)> = page
            .items
            .iter()
            .zip(&page.owners)
            .filter_map(|(item, owner)| match (item, owner) {
                (Item::Text { y, .. }, Owner::Elem(_)) => Some((*y, role(&doc, owner))),
                _ => None,
            })
            .collect();
        let Some(bottom) = content.iter().map(|(y, _)| *y).reduce(f32::max) else {
            continue;
        };
        for (y, role) in &content {
            if (*y - bottom).abs() < 0.5 {
                assert!(
                    !matches!(
                        role,
                        Some(Role::Heading { .. }) | Some(Role::TableHeaderCell(Scope::Column))
                    ),
                    "page {} ends with {role:?}",
                    p + 1
                );
            }
        }
    }
}

/// Laying out top-level sections in parallel gives the same document as
/// one after the other: the same pages, text and structure.
#[test]
fn parallel_sections_match_sequential() {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let plan = crate::check(&root).unwrap().plan.unwrap();
    let (par, _) = lay_out(&plan, &root);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    let (seq, _) = pool.install(|| lay_out(&plan, &root));
    assert_eq!(par.pages.len(), seq.pages.len());
    assert_eq!(par.structure, seq.structure);
    // Pages moved to the other side of a spread are shifted: equal to a
    // hundredth of a point.
    let close = |a: &Item, b: &Item| {
        let (a, b) = (format!("{a:?}"), format!("{b:?}"));
        let numbers = |s: &str| -> Vec<f32> {
            s.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
                .filter_map(|t| t.parse().ok())
                .collect()
        };
        let words = |s: &str| s.replace(|c: char| c.is_ascii_digit() || c == '.', "");
        let (na, nb) = (numbers(&a), numbers(&b));
        words(&a) == words(&b)
            && na.len() == nb.len()
            && na.iter().zip(&nb).all(|(x, y)| (x - y).abs() < 0.01)
    };
    for (a, b) in par.pages.iter().zip(&seq.pages) {
        assert_eq!(a.items.len(), b.items.len());
        for (x, y) in a.items.iter().zip(&b.items) {
            assert!(close(x, y), "{x:?} differs from {y:?}");
        }
        assert_eq!(a.owners, b.owners);
    }
}

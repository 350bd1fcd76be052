//! The Danish author guide (docs/forfatterguide.md) tells the truth: its
//! examples, put together in a plan from `planpress new`, check clean and
//! build, and the error it shows is the one planpress prints for it.

mod common;

use common::{TempDir, path_str, run};

const GUIDE: &str = include_str!("../docs/forfatterguide.md");

/// The guide's fenced code blocks of `lang`, in order.
fn blocks(lang: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    for line in GUIDE.lines() {
        match &mut current {
            None if line.trim_start().starts_with("```") => {
                if line.trim_start().trim_start_matches('`') == lang {
                    current = Some(String::new());
                } else {
                    current = Some("\u{0}".into());
                }
            }
            Some(text) if line.trim_start().starts_with("```") => {
                if !text.starts_with('\u{0}') {
                    out.push(std::mem::take(text));
                }
                current = None;
            }
            Some(text) => {
                text.push_str(line);
                text.push('\n');
            }
            None => {}
        }
    }
    out
}

/// The guide's section, with its goals, signature, fact box, quote, table
/// and image, as one file of a starter plan.
fn guide_section() -> String {
    let markdown = blocks("markdown");
    let yaml = blocks("yaml");
    let section = markdown
        .iter()
        .find(|b| b.starts_with("---\n"))
        .expect("the guide shows a section");
    let goals = yaml
        .iter()
        .find(|b| b.starts_with("goals:"))
        .expect("the guide shows goals");
    let signature = yaml
        .iter()
        .find(|b| b.starts_with("signature:"))
        .expect("the guide shows a signature");
    let (front, body) = section[4..]
        .split_once("---\n")
        .expect("the section's front matter ends");
    let extras: Vec<&String> = markdown
        .iter()
        .filter(|b| !b.starts_with("---\n"))
        .collect();
    assert!(extras.len() >= 4, "table, image, fact box and quote");
    let mut text = format!("---\n{front}{goals}{signature}---\n{body}");
    for b in extras {
        text.push('\n');
        text.push_str(b);
    }
    text
}

/// A starter plan with the guide's section in place of its own.
fn plan_with_guide_section() -> (TempDir, std::path::PathBuf) {
    let tmp = TempDir::new("guide");
    let dir = tmp.join("plan");
    run(&["new", path_str(&dir)]).assert_code(0);
    std::fs::write(dir.join("content/02-borgere.md"), guide_section()).unwrap();
    // The image the guide links, made from the starter's own diagram.
    std::fs::copy(
        dir.join("content/assets/diagram.png"),
        dir.join("content/assets/ledighed.png"),
    )
    .unwrap();
    (tmp, dir)
}

#[test]
fn the_guides_examples_check_clean_and_build() {
    let (_tmp, dir) = plan_with_guide_section();
    let check = run(&["check", path_str(&dir), "--format", "json"]);
    let json = check.json();
    assert_eq!(
        (json.errors(), json.warnings()),
        (0, 0),
        "{}",
        json.listing()
    );
    run(&["build", path_str(&dir)]).assert_code(0);
    let page = std::fs::read_to_string(dir.join("output/site/borgere.html")).unwrap();
    for seen in [
        "Fakta om ledigheden",
        "Mette Larsen, butiksleder",
        "Hanne Kjærgaard",
        "Borgere i job i løbet af året",
    ] {
        assert!(page.contains(seen), "the page shows {seen:?}");
    }
}

#[test]
fn the_guides_error_is_the_one_planpress_prints() {
    let shown = blocks("")
        .into_iter()
        .find(|b| b.starts_with("fejl["))
        .expect("the guide shows an error");
    let message = shown.lines().next().unwrap();
    let tip = shown
        .lines()
        .find(|l| l.trim_start().starts_with("= tip:"))
        .expect("the error has a tip")
        .trim();
    let (_tmp, dir) = plan_with_guide_section();
    let file = dir.join("content/02-borgere.md");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("actuals: { 2026: 455 }"));
    std::fs::write(
        &file,
        text.replace("actuals: { 2026: 455 }", "actuals: { 2026: 45,5 }"),
    )
    .unwrap();
    let check = run(&["check", path_str(&dir)]);
    check.assert_code(1);
    assert!(
        check.stderr.contains(message),
        "{message:?} in:\n{}",
        check.stderr
    );
    assert!(check.stderr.contains(tip), "{tip:?} in:\n{}", check.stderr);
}

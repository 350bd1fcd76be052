//! End-to-end tests of the rules on sections as files and prose: page
//! names, `order` and folders, links, images, headings and goal markers.
//! Positions are 1-based and count characters; each fixture is numbered in
//! comments.

mod common;
use common::*;

#[test]
fn rule_duplicate_slug() {
    let plan = Plan::new("rule_duplicate_slug");
    // 01-unge.md and 05-unge.md would both be unge.html; the second is
    // reported, for the whole file.
    plan.remove("content/02-unge.md")
        .write("content/01-unge.md", BASE_UNGE)
        .write(
            "content/05-unge.md",
            "---\ntitle: Unge igen\norder: 5\n---\n\nTekst.\n",
        );
    let d = only(&plan, "error", "duplicate-slug", "content/05-unge.md", 1, 1);
    assert!(d.message.contains("unge"), "{d}");
    assert!(d.message.contains("01-unge.md"), "{d}");
}

#[test]
fn rule_duplicate_order_is_a_warning() {
    let plan = Plan::new("rule_duplicate_order");
    // 3 order: 2     <- as in 02-unge.md
    plan.write(
        "content/03-orden.md",
        "---\ntitle: Orden\norder: 2\n---\n\nTekst.\n",
    );
    let d = only(
        &plan,
        "warning",
        "duplicate-order",
        "content/03-orden.md",
        3,
        8,
    );
    assert!(d.message.contains("02-unge.md"), "{d}");
    // --strict turns it into a failure, in every format.
    plan.check(&["--strict"]).assert_code(1);
    let (run, json) = plan.check_json(&["--strict"]);
    run.assert_code(1);
    assert_eq!(json.warnings(), 1);
    plan.check(&["--strict", "--format", "github"])
        .assert_code(1);
}

#[test]
fn rule_unknown_reference_goal_marker() {
    let plan = Plan::new("rule_unknown_reference_marker");
    // 22 {{ goal("U2") }}
    plan.write(
        "content/02-unge.md",
        &BASE_UNGE.replace("{{ goals() }}", "{{ goal(\"U2\") }}"),
    );
    let d = only(
        &plan,
        "error",
        "unknown-reference",
        "content/02-unge.md",
        22,
        1,
    );
    assert!(d.message.contains("U2"), "{d}");
}

#[test]
fn goal_marker_alone_on_its_line_next_to_text_is_a_marker() {
    let plan = Plan::new("marker_next_to_text");
    // 22 Her er målet:
    // 23 {{ goal("U9") }}     <- no such goal in this section
    plan.write(
        "content/02-unge.md",
        &BASE_UNGE.replace("{{ goals() }}", "Her er målet:\n{{ goal(\"U9\") }}"),
    );
    let d = only(
        &plan,
        "error",
        "unknown-reference",
        "content/02-unge.md",
        23,
        1,
    );
    assert!(d.message.contains("U9"), "{d}");
}

#[test]
fn rule_missing_file() {
    let plan = Plan::new("rule_missing_file");
    // 6 Se kortet: ![Kort over byen](assets/kort.png)     <- `!` at column 12
    plan.write(
        "content/03-kort.md",
        "---\ntitle: Kort\norder: 3\n---\n\nSe kortet: ![Kort over byen](assets/kort.png)\n",
    );
    let d = only(&plan, "error", "missing-file", "content/03-kort.md", 6, 12);
    assert!(d.message.contains("assets/kort.png"), "{d}");
}

#[test]
fn rule_missing_file_logo() {
    let plan = Plan::new("rule_missing_file_logo");
    // 12 brand: { primary: "#00558c", logo: content/assets/mangler.svg }
    //    `logo: ` ends at column 35
    plan.write(
        "plan.yaml",
        &format!(
            "{BASE_PLAN}brand: {{ primary: \"#00558c\", logo: content/assets/mangler.svg }}\n"
        ),
    );
    only(&plan, "error", "missing-file", "plan.yaml", 12, 36);
}

#[test]
fn rule_broken_link() {
    let plan = Plan::new("rule_broken_link");
    // 6 Læs mere i [afsnittet om voksne](09-voksne.md).   <- `[` at column 12
    plan.write(
        "content/03-link.md",
        "---\ntitle: Link\norder: 3\n---\n\nLæs mere i [afsnittet om voksne](09-voksne.md).\n",
    );
    let d = only(&plan, "error", "broken-link", "content/03-link.md", 6, 12);
    assert!(d.message.contains("09-voksne.md"), "{d}");
}

#[test]
fn rule_broken_link_to_missing_anchor() {
    let plan = Plan::new("rule_broken_link_anchor");
    // 6 Se [målene](02-unge.md#maal-og-midler) og [målet](02-unge.md#goal-u1).
    // The first anchor does not exist (the heading is `## Mål` → `#maal`).
    plan.write(
        "content/03-link.md",
        "---\ntitle: Link\norder: 3\n---\n\nSe [målene](02-unge.md#maal-og-midler) og [målet](02-unge.md#goal-u1).\n",
    );
    let d = only(&plan, "error", "broken-link", "content/03-link.md", 6, 4);
    assert!(d.message.contains("maal-og-midler"), "{d}");
    // With the right anchors it is clean.
    plan.write(
        "content/03-link.md",
        "---\ntitle: Link\norder: 3\n---\n\nSe [målene](02-unge.md#maal) og [målet](02-unge.md#goal-u1).\n",
    );
    let (run, json) = plan.check_json(&[]);
    assert_clean(&json);
    run.assert_code(0);
}

#[test]
fn rule_heading_level_is_a_warning() {
    let plan = Plan::new("rule_heading_level");
    // 6 # Stor overskrift
    plan.write(
        "content/03-overskrift.md",
        "---\ntitle: Overskrift\norder: 3\n---\n\n# Stor overskrift\n\nTekst.\n",
    );
    only(
        &plan,
        "warning",
        "heading-level",
        "content/03-overskrift.md",
        6,
        1,
    );
}

#[test]
fn rule_heading_skip_is_a_warning() {
    let plan = Plan::new("rule_heading_skip");
    // 6 ## Baggrund
    // 8 #### Detaljer     <- skips level 3
    plan.write(
        "content/03-overskrift.md",
        "---\ntitle: Overskrift\norder: 3\n---\n\n## Baggrund\n\n#### Detaljer\n\nTekst.\n",
    );
    let d = only(
        &plan,
        "warning",
        "heading-skip",
        "content/03-overskrift.md",
        8,
        1,
    );
    assert!(d.hint.as_deref().is_some_and(|h| h.contains("###")), "{d}");
}

#[test]
fn rule_missing_alt_is_a_warning() {
    let plan = Plan::new("rule_missing_alt");
    // 6 Logoet: ![](assets/logo.svg)     <- `!` at column 9; the file exists
    plan.write(
        "content/assets/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>\n",
    )
    .write(
        "content/03-billede.md",
        "---\ntitle: Billede\norder: 3\n---\n\nLogoet: ![](assets/logo.svg)\n",
    );
    only(
        &plan,
        "warning",
        "missing-alt",
        "content/03-billede.md",
        6,
        9,
    );
    // With alt text it is clean.
    plan.write(
        "content/03-billede.md",
        "---\ntitle: Billede\norder: 3\n---\n\nLogoet: ![Kommunens logo](assets/logo.svg)\n",
    );
    let (run, json) = plan.check_json(&[]);
    assert_clean(&json);
    run.assert_code(0);
}

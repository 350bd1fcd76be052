//! End-to-end tests of the rules on sections as files and prose: page
//! names, `order` and folders, `page_break`, links, images, headings and
//! goal markers.
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
fn rule_page_break_is_true_or_false() {
    let plan = Plan::new("rule_page_break");
    // 3 page_break: ja
    plan.write(
        "content/03-skift.md",
        "---\ntitle: Skift\npage_break: ja\n---\n\nTekst.\n",
    );
    let d = only(&plan, "error", "wrong-type", "content/03-skift.md", 3, 13);
    assert!(d.message.contains("page_break"), "{d}");
    // true and false check clean.
    plan.write(
        "content/03-skift.md",
        "---\ntitle: Skift\npage_break: true\n---\n\nTekst.\n",
    );
    let (_, json) = plan.check_json(&[]);
    assert_clean(&json);
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

// ---------------------------------------------------------------------------
// Paths: what a broken link or image most likely meant

#[test]
fn an_image_linked_wrongly_from_a_sub_folder_gets_the_right_path() {
    let plan = Plan::new("image_from_sub_folder");
    // 6 ![Kort over byen](assets/kort.png)     <- the image is content/assets/kort.png
    // A real PNG: check decodes every image it is shown.
    let png = std::fs::read(repo_root().join("tests/fixtures/images/photo.png")).expect("PNG");
    plan.write_bytes("content/assets/kort.png", &png).write(
        "content/07-opfoelgning/01-opfoelgning.md",
        "---\ntitle: Opfølgning\norder: 7\n---\n\n![Kort over byen](assets/kort.png)\n",
    );
    let file = "content/07-opfoelgning/01-opfoelgning.md";
    let d = only(&plan, "error", "missing-file", file, 6, 1);
    assert_eq!(d.message, "billedet `assets/kort.png` findes ikke");
    assert_eq!(d.hint.as_deref(), Some("mente du `../assets/kort.png`?"));
    let en = in_english(&plan, "missing-file", file, 6, 1);
    assert_eq!(
        en.hint.as_deref(),
        Some("did you mean `../assets/kort.png`?")
    );
    // Written the suggested way, it is found.
    plan.write(
        file,
        "---\ntitle: Opfølgning\norder: 7\n---\n\n![Kort over byen](../assets/kort.png)\n",
    );
    let (run, json) = plan.check_json(&[]);
    assert_clean(&json);
    run.assert_code(0);
    // With no such file anywhere, the hint shows the form from this folder.
    plan.write(
        file,
        "---\ntitle: Opfølgning\norder: 7\n---\n\n![Kort over byen](assets/ledighed.png)\n",
    );
    let d = only(&plan, "error", "missing-file", file, 6, 1);
    assert_eq!(
        d.hint.as_deref(),
        Some(
            "læg billeder i content/assets/ og henvis til dem ud fra denne fil, fx `../assets/kort.png`"
        )
    );
}

#[test]
fn a_broken_section_link_gets_the_closest_file() {
    let plan = Plan::new("closest_section_file");
    // 6 Se [de unge](05-unge.md#maal) og [kommunen](www.testby.dk).
    plan.write(
        "content/03-link.md",
        "---\ntitle: Link\norder: 3\n---\n\nSe [de unge](05-unge.md#maal) og [kommunen](www.testby.dk).\n",
    );
    let (run, json) = plan.check_json(&[]);
    run.assert_code(1);
    assert_eq!(json.diags().len(), 2, "{}", json.listing());
    let d = assert_diag(&json, "broken-link", "content/03-link.md", 6, 4);
    assert_eq!(d.message, "linket `05-unge.md#maal` fører ingen steder hen");
    assert_eq!(d.hint.as_deref(), Some("mente du `02-unge.md#maal`?"));
    let d = assert_diag(&json, "broken-link", "content/03-link.md", 6, 34);
    assert_eq!(d.hint.as_deref(), Some("mente du `https://www.testby.dk`?"));
    // From a sub-folder, the page name, written as the site would show it.
    // 6 Se [de unge](unge.html).
    plan.write(
        "content/07-bilag/01-bilag.md",
        "---\ntitle: Bilag\norder: 7\n---\n\nSe [de unge](unge.html).\n",
    )
    .remove("content/03-link.md");
    let d = only(
        &plan,
        "error",
        "broken-link",
        "content/07-bilag/01-bilag.md",
        6,
        4,
    );
    assert_eq!(d.hint.as_deref(), Some("mente du `../02-unge.md`?"));
    let en = in_english(&plan, "broken-link", "content/07-bilag/01-bilag.md", 6, 4);
    assert_eq!(en.message, "the link `unge.html` leads nowhere");
    assert_eq!(en.hint.as_deref(), Some("did you mean `../02-unge.md`?"));
}

#[test]
fn a_numbered_index_file_is_told_to_be_index_md() {
    let plan = Plan::new("numbered_index");
    plan.write(
        "content/07-opfoelgning/01-index.md",
        "---\ntitle: Opfølgning\norder: 7\n---\n\nTekst.\n",
    )
    .write(
        "content/07-opfoelgning/02-data.md",
        "---\ntitle: Data\norder: 8\n---\n\nTekst.\n",
    );
    let d = only(
        &plan,
        "warning",
        "misnamed-index",
        "content/07-opfoelgning/01-index.md",
        1,
        1,
    );
    assert_eq!(
        d.message,
        "en fil, der hedder `01-index.md`, er ikke mappens forside: det er kun `index.md`"
    );
    assert_eq!(
        d.hint.as_deref(),
        Some(
            "kald den `index.md`: så står den for mappen `content/07-opfoelgning/`, og dens side får mappens navn"
        )
    );
    let en = in_english(
        &plan,
        "misnamed-index",
        "content/07-opfoelgning/01-index.md",
        1,
        1,
    );
    assert!(
        en.hint
            .as_deref()
            .is_some_and(|h| h.starts_with("name it `index.md`")),
        "{en}"
    );
    // Renamed, it is the folder's page.
    plan.remove("content/07-opfoelgning/01-index.md").write(
        "content/07-opfoelgning/index.md",
        "---\ntitle: Opfølgning\norder: 7\n---\n\nTekst.\n",
    );
    let (run, json) = plan.check_json(&["--strict"]);
    assert_clean(&json);
    run.assert_code(0);
}

#[test]
fn a_duplicate_order_across_folder_levels_explains_the_folders_place() {
    let plan = Plan::new("order_across_levels");
    // The folder's first file has `order: 2` (3:8), meaning "first in the
    // folder"; but that number also places the folder beside 02-unge.md.
    plan.write(
        "content/07-opfoelgning/01-opfoelgning.md",
        "---\ntitle: Opfølgning\norder: 2\n---\n\nTekst.\n",
    )
    .write(
        "content/07-opfoelgning/02-data.md",
        "---\ntitle: Data\norder: 3\n---\n\nTekst.\n",
    );
    let file = "content/07-opfoelgning/01-opfoelgning.md";
    let d = only(&plan, "warning", "duplicate-order", file, 3, 8);
    assert_eq!(
        d.message,
        "`order: 2` placerer også mappen `content/07-opfoelgning/` blandt afsnittene ved siden af den, og der har content/02-unge.md også `order: 2`"
    );
    let hint = d.hint.as_deref().unwrap_or("");
    assert!(
        hint.starts_with("en mappe får sin plads fra `order` på mappens forside"),
        "{d}"
    );
    assert!(hint.contains(file), "{d}");
    let en = in_english(&plan, "duplicate-order", file, 3, 8);
    assert!(
        en.hint.as_deref().is_some_and(|h| h.starts_with("a folder takes its place from the `order` of its page")),
        "{en}"
    );
    // The human form points at the other section too.
    let run = plan.check(&[]);
    assert!(
        run.stderr.contains("bemærk: samme `order` her"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("content/02-unge.md:3:8"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_line_that_looks_like_a_marker_says_what_to_write() {
    let plan = Plan::new("malformed_marker");
    // 22 {{ goals }}
    for (written, meant) in [
        ("{{ goals }}", "skriv `{{ goals() }}`"),
        ("{{goal(U1)}}", "skriv `{{ goal(\"U1\") }}`"),
    ] {
        plan.write(
            "content/02-unge.md",
            &BASE_UNGE.replace("{{ goals() }}", written),
        );
        let d = only(
            &plan,
            "warning",
            "malformed-marker",
            "content/02-unge.md",
            22,
            1,
        );
        assert_eq!(
            d.message,
            format!(
                "`{written}` ligner en markør for mål, men er det ikke, så den ville blive vist som tekst"
            )
        );
        assert_eq!(d.hint.as_deref(), Some(meant));
    }
    let en = in_english(&plan, "malformed-marker", "content/02-unge.md", 22, 1);
    assert_eq!(en.hint.as_deref(), Some("write `{{ goal(\"U1\") }}`"));
}

#[test]
fn coverage_is_not_judged_while_sections_have_errors() {
    let plan = Plan::new("coverage_after_errors");
    // 4 targetgroup: unge    <- misspelt: the group is not "uncovered" on top
    plan.write(
        "content/02-unge.md",
        &BASE_UNGE.replace("target_group:", "targetgroup:"),
    );
    only(&plan, "error", "unknown-field", "content/02-unge.md", 4, 1);
    // Nor when a section's YAML cannot be read.
    plan.write(
        "content/02-unge.md",
        &BASE_UNGE.replace("title: Unge", "title:Unge"),
    );
    only(&plan, "error", "yaml-syntax", "content/02-unge.md", 2, 1);
}

//! End-to-end tests of the follow-up outputs: the status report (site page
//! and PDF) lists off-track goals first in each target group and agrees
//! with goals.json; `--report` makes it as of an earlier period; the
//! changes since adoption are read from a real git repository.

mod common;
mod pdf_support;
use common::{Plan, path_str, repo_root};
use pdf_support::{assert_pdf_ua, normalize, pages, pdf_named, run, tool};
use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

fn planpress(args: &[&str]) -> std::process::Output {
    let out = Command::new(env!("CARGO_BIN_EXE_planpress"))
        .args(args)
        .output()
        .expect("run planpress");
    assert!(
        out.status.success(),
        "planpress {args:?}:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The example plan built into a new folder, with `args` after the usual.
fn build_example(args: &[&str]) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let root = repo_root();
    let mut all = vec!["build", path_str(&root), "--out", path_str(out.path())];
    all.extend_from_slice(args);
    planpress(&all);
    out
}

/// The goals of status.html as (group id, goal id, status), in page order.
fn report_goals(html: &str) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    let mut group = String::new();
    for part in html.split('<').skip(1) {
        if let Some(rest) =
            part.strip_prefix("section class=\"report-group\" aria-labelledby=\"report-")
        {
            group = rest.split('"').next().unwrap().to_string();
        }
        if let Some(rest) = part.strip_prefix("article class=\"report-goal status-border-") {
            let status = rest.split('"').next().unwrap().to_string();
            out.push((group.clone(), String::new(), status));
        }
        if let Some(rest) = part.strip_prefix("span class=\"goal-id\">")
            && let Some(last) = out.last_mut()
            && last.1.is_empty()
        {
            last.1 = rest.to_string();
        }
    }
    out
}

const URGENCY: [&str; 5] = [
    "off_track",
    "not_assessed",
    "not_measured",
    "on_track",
    "achieved",
];

#[test]
fn the_report_lists_off_track_first_and_matches_goals_json() {
    let out = build_example(&[]);
    let html = std::fs::read_to_string(out.path().join("site/status.html")).unwrap();
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.path().join("goals.json")).unwrap())
            .unwrap();
    let data: HashMap<String, (String, String)> = json["goals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["id"].as_str().unwrap().to_string(),
                (
                    g["target_group"]["id"]
                        .as_str()
                        .unwrap_or("other")
                        .to_string(),
                    g["status"].as_str().unwrap().to_string(),
                ),
            )
        })
        .collect();
    let listed = report_goals(&html);
    assert_eq!(listed.len(), data.len(), "every goal once: {listed:?}");
    for (group, id, status) in &listed {
        assert_eq!(
            data[id],
            (group.clone(), status.clone()),
            "{id} as goals.json has it"
        );
    }
    // Within each group: off track first, then by urgency.
    for pair in listed.windows(2) {
        if pair[0].0 == pair[1].0 {
            let rank = |s: &str| URGENCY.iter().position(|u| *u == s).unwrap();
            assert!(rank(&pair[0].2) <= rank(&pair[1].2), "{pair:?}");
        }
    }
    assert!(
        listed.iter().any(|g| g.2 == "off_track"),
        "the example has goals off track"
    );
    // The counts per status are goals.json's.
    for status in URGENCY {
        let n = data.values().filter(|(_, s)| s == status).count();
        if n > 0 {
            assert!(
                html.contains(&format!(
                    "status-count status-{status}\"><span class=\"count\">{n}</span>"
                )),
                "{status}: {n}"
            );
        }
    }
    assert!(
        html.contains("href=\"status.html\""),
        "the menu links the report"
    );
    assert!(
        html.contains("Tal opgjort pr.") || html.contains("1. oktober 2026"),
        "the figures' date"
    );

    // The PDF says the same, off track first in each group, and is PDF/UA.
    let pdf = pdf_named(out.path(), |n| n.ends_with("-status.pdf"));
    assert_pdf_ua(&pdf);
    // The site carries it, drawn while the site's pages were made, and
    // links it.
    let name = pdf.file_name().unwrap().to_str().unwrap();
    assert_eq!(
        std::fs::read(out.path().join("site").join(name)).unwrap(),
        std::fs::read(&pdf).unwrap(),
        "the site's copy of the report"
    );
    assert!(
        html.contains(&format!("href=\"{name}\"")),
        "status.html links {name}"
    );
    let text = normalize(&pages(&pdf).join(" "));
    for (_, id, _) in &listed {
        assert!(text.contains(id.as_str()), "{id} in the report PDF");
    }
    let first_in_virksomheder = listed.iter().find(|g| g.0 == "virksomheder").unwrap();
    assert_eq!(first_in_virksomheder.2, "off_track");
    assert!(text.contains("Ikke på vej"));
    // Every goal's heading stands on the page where its table starts.
    for (page, body) in pages(&pdf).iter().enumerate() {
        for (_, id, _) in &listed {
            if let Some(at) = body.find(&format!(" {id} ")) {
                assert!(
                    body[at..].contains("Indikator"),
                    "{id}'s heading ends page {} without its table",
                    page + 1
                );
            }
        }
    }
    // A figure stays with its unit, and a change with its word.
    let raw = run(tool("pdftotext").args(["-enc", "UTF-8"]).arg(&pdf).arg("-"));
    for line in raw.lines().map(str::trim) {
        assert!(
            !(line.starts_with('%') || line.starts_with("kr.") || line.starts_with("point")),
            "a figure broken before {line:?}"
        );
    }
}

/// A word of a PDF page as `pdftotext -bbox` finds it: (text, yMin,
/// xMin, xMax).
type Word = (String, f32, f32, f32);

/// Each page's words, in reading order.
fn words_by_page(pdf: &Path) -> Vec<Vec<Word>> {
    let html = run(tool("pdftotext").arg("-bbox").arg(pdf).arg("-"));
    let attr = |word: &str, name: &str| -> f32 {
        let at = word.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        word[at..].split('"').next().unwrap().parse().unwrap()
    };
    html.split("<page ")
        .skip(1)
        .map(|page| {
            page.split("<word ")
                .skip(1)
                .map(|w| {
                    let text = w.split('>').nth(1).unwrap().split('<').next().unwrap();
                    (
                        text.to_string(),
                        attr(w, "yMin"),
                        attr(w, "xMin"),
                        attr(w, "xMax"),
                    )
                })
                .collect()
        })
        .collect()
}

/// A period every figure of a goal's table shares is said once, under the
/// column's heading; one that differs from row to row stays under each
/// figure. In the example, V2's targets are all for 2027 while its latest
/// figures are from 2026 and from the third quarter of 2026.
#[test]
fn a_period_the_whole_table_shares_stands_under_the_heading() {
    let out = build_example(&["--only", "pdf"]);
    let pdf = pdf_named(out.path(), |n| n.ends_with("-status.pdf"));
    let pages_words = words_by_page(&pdf);
    // V2's heading and table: from its id to the next goal's.
    let page = pages_words
        .iter()
        .find(|w| w.iter().any(|w| w.0 == "V2"))
        .expect("a page with goal V2");
    let at = |id: &str| page.iter().position(|w| w.0 == id).unwrap();
    let words = &page[at("V2")..at("V1")];
    // The words just under `w`, right-aligned with it (a figure column).
    let under = |w: &Word| -> Vec<&str> {
        words
            .iter()
            .filter(|v| {
                v.1 > w.1 + 4.0 && v.1 < w.1 + 16.0 && v.3 <= w.3 + 0.5 && v.3 >= w.3 - 40.0
            })
            .map(|v| v.0.as_str())
            .collect()
    };
    let find = |text: &str| {
        words
            .iter()
            .find(|w| w.0 == text)
            .unwrap_or_else(|| panic!("{text} in V2's table"))
    };
    assert_eq!(under(find("Mål")), ["2027"], "the target column's heading");
    for target in ["17,6", "560"] {
        assert!(
            !under(find(target)).contains(&"2027"),
            "no period under the target {target}"
        );
    }
    assert_eq!(under(find("Seneste")), Vec::<&str>::new(), "mixed periods");
    assert!(
        under(find("655")).contains(&"kvartal"),
        "{:?}",
        under(find("655"))
    );
}

/// The status report's goal tables share one grid: each column header
/// stands at the same place in every table (so the figures read down the
/// report as one column), and a figure in words wraps between its words
/// but is never hyphenated.
#[test]
fn the_reports_tables_line_up_and_keep_figures_in_words_whole() {
    let out = build_example(&["--only", "pdf"]);
    let pdf = pdf_named(out.path(), |n| n.ends_with("-status.pdf"));
    let pages_words = words_by_page(&pdf);
    // Where each header stands from the left edge of its table (its
    // "Indikator"), which is the same on left and right pages: right-
    // aligned columns by their right edge, the status by its left.
    let mut offsets: HashMap<&str, Vec<f32>> = HashMap::new();
    for words in &pages_words {
        for (_, y, left, _) in words.iter().filter(|w| w.0 == "Indikator") {
            for (header, right_edge) in [("Seneste", true), ("Ændring", true), ("Status", false)] {
                let (_, _, x0, x1) = words
                    .iter()
                    .find(|w| w.0 == header && (w.1 - y).abs() < 1.0)
                    .unwrap_or_else(|| panic!("{header} beside Indikator"));
                let x = if right_edge { x1 } else { x0 };
                offsets.entry(header).or_default().push(x - left);
            }
        }
    }
    for (header, at) in &offsets {
        assert!(at.len() >= 10, "{header}: a header per goal table: {at:?}");
        let spread = at.iter().cloned().fold(f32::MIN, f32::max)
            - at.iter().cloned().fold(f32::MAX, f32::min);
        assert!(spread < 0.5, "{header} moves by {spread} pt: {at:?}");
    }
    assert_eq!(offsets.len(), 3);
    let text = normalize(&pages(&pdf).join(" "));
    for whole in ["Høj tilfredshed", "Middel tilfredshed", "sammenhæng"] {
        assert!(text.contains(whole), "{whole} is not whole: {text}");
    }
    assert!(!text.contains("tilfreds-"), "{text}");
}

#[test]
fn report_as_of_an_earlier_quarter_uses_only_its_figures() {
    let out = build_example(&["--only", "site", "--report", "2026-Q2"]);
    let html = std::fs::read_to_string(out.path().join("site/status.html")).unwrap();
    assert!(
        html.contains("Status for 2. kvartal 2026"),
        "the title names the period"
    );
    // T1.1: the latest figure as of Q2 is 19 %, not 19,2 % of Q3.
    assert!(
        html.contains("19 %</span> <span class=\"period\">2. kvartal 2026</span>"),
        "the figure of Q2"
    );
    assert!(
        !html.contains("19,2 %</span> <span class=\"period\">3. kvartal 2026</span>"),
        "no figure from Q3"
    );
}

/// `plan` put in git, its commit tagged `vedtaget`: the adopted version a
/// test then names in plan.yaml as `adopted.ref`.
fn adopt(plan: &Plan) {
    plan.git(&["init", "-q"]);
    plan.git(&["add", "."]);
    plan.git(&["commit", "-q", "-m", "Vedtaget"]);
    plan.git(&["tag", "vedtaget"]);
}

#[test]
fn the_changes_page_shows_a_target_changed_since_the_adopted_commit() {
    let plan = Plan::new("changes_git");
    adopt(&plan);
    // After adoption: a target raised and a sentence rewritten.
    let unge = std::fs::read_to_string(plan.join("content/02-unge.md")).unwrap();
    let changed = unge.replacen("2027: 45 }", "2027: 47 }", 1);
    assert_ne!(changed, unge, "the base plan has the target");
    plan.write("content/02-unge.md", &changed);
    let yaml = std::fs::read_to_string(plan.join("plan.yaml")).unwrap();
    plan.write(
        "plan.yaml",
        &format!("{yaml}adopted: {{ date: 2026-11-26, by: Byrådet, ref: vedtaget }}\n"),
    );
    plan.git(&["commit", "-q", "-am", "Nyt måltal"]);
    let out = plan.join("output");
    let built = planpress(&["build", path_str(plan.path()), "--out", path_str(&out)]);
    let stderr = String::from_utf8_lossy(&built.stderr);
    assert!(!stderr.contains("adopted-ref"), "{stderr}");
    let html = std::fs::read_to_string(out.join("site/changes.html")).unwrap();
    assert!(html.contains("Byrådet vedtog planen"), "who adopted it");
    assert!(html.contains("45 %"), "the old target");
    assert!(html.contains("<strong>47 %</strong>"), "the new target");
    let index = std::fs::read_to_string(out.join("site/index.html")).unwrap();
    assert!(
        index.contains("href=\"changes.html\""),
        "the menu links the changes"
    );
    let pdf = pdf_named(&out, |n| n.ends_with("-changes.pdf"));
    assert_pdf_ua(&pdf);
    let text = normalize(&pages(&pdf).join(" "));
    assert!(text.contains("47 %"), "{text}");

    // An unknown ref is a warning at its line, and the build goes on.
    let yaml = std::fs::read_to_string(plan.join("plan.yaml")).unwrap();
    plan.write(
        "plan.yaml",
        &yaml.replace("ref: vedtaget }", "ref: findes-ikke }"),
    );
    let (run, json) = plan.check_json(&[]);
    run.assert_code(0);
    let d = common::assert_diag(
        &json,
        "adopted-ref",
        "plan.yaml",
        yaml.lines().count() as u64,
        48,
    );
    assert!(d.message.contains("findes-ikke"), "{}", d.message);
}

#[test]
fn the_adopted_version_is_read_from_git_and_checked_by_the_plans_rules() {
    let plan = Plan::new("adopted_rules");
    // The plan has a theme of its own, which the adopted version names too:
    // it is looked up in the plan's folder, as the plan's is.
    copy_dir(
        &repo_root().join("themes/default"),
        &plan.join("themes/kommune"),
    );
    let yaml = std::fs::read_to_string(plan.join("plan.yaml")).unwrap();
    plan.write("plan.yaml", &format!("{yaml}theme: kommune\n"));
    // The adopted version has a section in a folder of its own and, beside
    // it, a hidden file that is no part of the plan (it has no front
    // matter: read as a section, it would be an error).
    plan.write(
        "content/03-bilag/index.md",
        "---\ntitle: Bilag\n---\nBilaget beskriver indsatsen før vedtagelsen.\n",
    );
    plan.write("content/03-bilag/.kladde.md", "Noter til næste udgave.\n");
    adopt(&plan);
    plan.write(
        "content/03-bilag/index.md",
        "---\ntitle: Bilag\n---\nBilaget beskriver indsatsen efter vedtagelsen.\n",
    );
    let yaml = std::fs::read_to_string(plan.join("plan.yaml")).unwrap();
    plan.write(
        "plan.yaml",
        &format!("{yaml}adopted: {{ date: 2026-11-26, by: Byrådet, ref: vedtaget }}\n"),
    );
    plan.git(&["commit", "-q", "-am", "Ny tekst"]);
    let out = plan.join("output");
    let built = planpress(&["build", path_str(plan.path()), "--out", path_str(&out)]);
    let stderr = String::from_utf8_lossy(&built.stderr);
    assert!(!stderr.contains("adopted-ref"), "{stderr}");
    let html = std::fs::read_to_string(out.join("site/changes.html")).unwrap();
    assert!(html.contains("Bilag"), "the changed section in its folder");
    assert!(html.contains("efter"), "the new word");
    assert!(html.contains("før"), "the old word");

    // A version with an error is checked by the same rules as the plan on
    // disk: a warning at the `ref` line that counts the errors, and the
    // build goes on without the changes.
    plan.write(
        "content/03-bilag/index.md",
        "---\ntitle: Bilag\norder: [\n---\nTekst.\n",
    );
    plan.git(&["commit", "-q", "-am", "Fejl"]);
    plan.git(&["tag", "fejl"]);
    plan.write(
        "content/03-bilag/index.md",
        "---\ntitle: Bilag\n---\nTekst.\n",
    );
    let yaml = std::fs::read_to_string(plan.join("plan.yaml")).unwrap();
    plan.write("plan.yaml", &yaml.replace("ref: vedtaget", "ref: fejl"));
    plan.git(&["commit", "-q", "-am", "Rettet"]);
    let built = planpress(&["build", path_str(plan.path()), "--out", path_str(&out)]);
    let stderr = String::from_utf8_lossy(&built.stderr);
    assert!(stderr.contains("adopted-ref"), "{stderr}");
    assert!(stderr.contains("`fejl`, har 1 fejl"), "{stderr}");
    assert!(
        stderr.contains(&format!("plan.yaml:{}:", yaml.lines().count())),
        "at the ref line: {stderr}"
    );
    assert!(!out.join("site/changes.html").exists());
    // The site alone makes its pages while git is read, linking the changes
    // page to come: when there is none after all, no page links it.
    let site_out = plan.join("site-only");
    let built = planpress(&[
        "build",
        path_str(plan.path()),
        "--out",
        path_str(&site_out),
        "--only",
        "site",
    ]);
    let stderr = String::from_utf8_lossy(&built.stderr);
    assert!(stderr.contains("`fejl`, har 1 fejl"), "{stderr}");
    assert!(site_out.join("site/index.html").exists(), "{stderr}");
    assert!(!site_out.join("site/changes.html").exists());
    for page in ["index.html", "status.html", "goals.html"] {
        let html = std::fs::read_to_string(site_out.join("site").join(page)).unwrap();
        assert!(!html.contains("changes.html"), "{page} links no changes");
    }
}

#[test]
fn a_site_built_alone_carries_the_changes_pdf_only_when_there_are_changes() {
    let plan = Plan::new("changes_pdf_carried");
    adopt(&plan);
    // A version that does not check clean, tagged for later.
    let unge = std::fs::read_to_string(plan.join("content/02-unge.md")).unwrap();
    plan.write(
        "content/02-unge.md",
        &unge.replacen("---\n", "---\norder: [\n", 1),
    );
    plan.git(&["commit", "-q", "-am", "Fejl"]);
    plan.git(&["tag", "fejl"]);
    plan.write("content/02-unge.md", &unge);
    let yaml = std::fs::read_to_string(plan.join("plan.yaml")).unwrap();
    let adopted =
        |r: &str| format!("{yaml}adopted: {{ date: 2026-11-26, by: Byrådet, ref: {r} }}\n");
    plan.write("plan.yaml", &adopted("vedtaget"));
    plan.git(&["commit", "-q", "-am", "Rettet"]);
    let out = plan.join("output");
    let changes_pdfs = || -> Vec<String> {
        std::fs::read_dir(out.join("site"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with("-changes.pdf"))
            .collect()
    };
    planpress(&["build", path_str(plan.path()), "--out", path_str(&out)]);
    assert_eq!(changes_pdfs().len(), 1, "the whole build's site carries it");
    let site_only = [
        "build",
        path_str(plan.path()),
        "--out",
        path_str(&out),
        "--only",
        "site",
    ];
    planpress(&site_only);
    assert_eq!(
        changes_pdfs().len(),
        1,
        "the site alone carries the last one"
    );
    // No changes after all: the last build's PDF of them is not carried.
    plan.write("plan.yaml", &adopted("fejl"));
    plan.git(&["commit", "-q", "-am", "Fejl vedtaget"]);
    let built = planpress(&site_only);
    let stderr = String::from_utf8_lossy(&built.stderr);
    assert!(stderr.contains("adopted-ref"), "{stderr}");
    assert_eq!(changes_pdfs(), Vec::<String>::new());
}

/// The titles of the changed sections on changes.html, in page order.
fn changed_sections(html: &str) -> Vec<String> {
    html.split("<h3 id=\"changes-s")
        .skip(1)
        .map(|part| {
            let inner = &part[part.find('>').unwrap() + 1..part.find("</h3>").unwrap()];
            let mut text = String::new();
            let mut in_tag = false;
            for c in inner.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => text.push(c),
                    _ => {}
                }
            }
            text
        })
        .collect()
}

/// The changes are reckoned from the adopted commit to the plan as it lies
/// on disk, whatever the branch and the index hold: an edit not yet
/// committed counts, a section deleted is gone, one not yet added to git
/// is new, and a file changed in a later commit but edited back to its
/// adopted text is no change. The plan lies in a folder of the repository,
/// and the build writes nothing into it, not even git's index.
#[test]
fn the_changes_run_from_the_adopted_commit_to_the_plan_on_disk() {
    let repo = Plan::new("changes_on_disk");
    let sub = repo.join("kommune/plan");
    std::fs::create_dir_all(&sub).unwrap();
    for name in ["plan.yaml", "content"] {
        std::fs::rename(repo.join(name), sub.join(name)).unwrap();
    }
    let bilag = "---\ntitle: Bilag\norder: 3\n---\nBilaget beskriver indsatsen.\n";
    std::fs::write(sub.join("content/03-bilag.md"), bilag).unwrap();
    repo.git(&["init", "-q"]);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "Vedtaget"]);
    repo.git(&["tag", "vedtaget"]);
    let forord_path = sub.join("content/01-forord.md");
    let forord = std::fs::read_to_string(&forord_path).unwrap();
    std::fs::write(&forord_path, forord.replace("årets", "næste års")).unwrap();
    repo.git(&["commit", "-q", "-am", "Forord ændret"]);
    std::fs::write(&forord_path, &forord).unwrap();
    let unge_path = sub.join("content/02-unge.md");
    let unge = std::fs::read_to_string(&unge_path).unwrap();
    std::fs::write(&unge_path, unge.replacen("2027: 45 }", "2027: 47 }", 1)).unwrap();
    std::fs::remove_file(sub.join("content/03-bilag.md")).unwrap();
    std::fs::write(
        sub.join("content/04-nyt.md"),
        "---\ntitle: Nyt afsnit\norder: 4\n---\nAfsnittet er skrevet efter vedtagelsen.\n",
    )
    .unwrap();
    let yaml = std::fs::read_to_string(sub.join("plan.yaml")).unwrap();
    std::fs::write(
        sub.join("plan.yaml"),
        format!("{yaml}adopted: {{ date: 2026-11-26, by: Byrådet, ref: vedtaget }}\n"),
    )
    .unwrap();
    let index = std::fs::read(repo.join(".git/index")).unwrap();
    let out = repo.join("output");
    let built = planpress(&[
        "build",
        path_str(&sub),
        "--out",
        path_str(&out),
        "--only",
        "site",
    ]);
    let stderr = String::from_utf8_lossy(&built.stderr);
    assert!(!stderr.contains("adopted-ref"), "{stderr}");
    let html = std::fs::read_to_string(out.join("site/changes.html")).unwrap();
    assert!(
        html.contains("<strong>47 %</strong>"),
        "the target not yet committed"
    );
    assert_eq!(changed_sections(&html), ["Nyt afsnit", "Bilag"]);
    // Made while git was read, the other pages link the changes page.
    for page in ["index.html", "status.html", "changes.html"] {
        let html = std::fs::read_to_string(out.join("site").join(page)).unwrap();
        assert!(
            html.contains("href=\"changes.html\""),
            "{page} links the changes"
        );
    }
    assert!(
        std::fs::read(repo.join(".git/index")).unwrap() == index,
        "the build leaves git's index as it was"
    );
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

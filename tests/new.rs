//! `planpress new`: the starter plan in both languages checks clean and
//! builds, a folder that is not empty is refused, and the CI workflows it
//! writes parse and run the right commands on the right paths.

mod common;

use common::{TempDir, path_str, run};
use serde_json::Value;

/// `planpress new <tmp>/plan --language <lang>`, returning the folder.
fn new_plan(lang: &str) -> (TempDir, std::path::PathBuf) {
    let tmp = TempDir::new(&format!("new-{lang}"));
    let dir = tmp.join("plan");
    run(&["new", path_str(&dir), "--language", lang]).assert_code(0);
    (tmp, dir)
}

/// `planpress check` finds no error and no warning in `dir`.
#[track_caller]
fn checks_clean(dir: &std::path::Path, lang: &str) {
    let check = run(&["check", path_str(dir), "--format", "json"]);
    check.assert_code(0);
    let json = check.json();
    assert_eq!(
        (json.errors(), json.warnings()),
        (0, 0),
        "{lang}: {}",
        json.listing()
    );
}

/// How many Markdown files (sections) lie in `dir`.
fn markdown_files(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "md")
        })
        .count()
}

#[test]
fn the_starter_plan_checks_clean_and_builds_in_both_languages() {
    for (lang, page, goal) in [
        (
            "da",
            "borgere.html",
            "Flere ledige borgere kommer i ordinært job",
        ),
        (
            "en",
            "residents.html",
            "More unemployed residents find ordinary work",
        ),
    ] {
        let (_tmp, dir) = new_plan(lang);
        for file in [
            "plan.yaml",
            ".gitignore",
            ".github/workflows/planpress.yml",
            ".gitlab-ci.yml",
            "content/assets/diagram.png",
            "content/assets/logo.png",
        ] {
            assert!(dir.join(file).is_file(), "{lang}: no {file}");
        }
        let sections = markdown_files(&dir.join("content"));
        assert_eq!(sections, 3, "{lang}: a foreword and two sections");

        checks_clean(&dir, lang);

        let build = run(&["build", path_str(&dir)]);
        build.assert_code(0);
        let site = dir.join("output/site");
        let html = std::fs::read_to_string(site.join(page)).unwrap();
        assert!(html.contains(&format!("<html lang=\"{lang}\"")), "{lang}");
        assert!(html.contains(goal), "{lang}: the goal is on its page");
        assert!(html.contains("<table"), "{lang}: the Markdown table");
        assert!(
            site.join("assets/diagram.png").is_file(),
            "{lang}: the image"
        );
        let pdfs: Vec<_> = std::fs::read_dir(&site)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
            .collect();
        // The plan's PDF and the status report's.
        assert_eq!(pdfs.len(), 2, "{lang}: the PDFs inside the site");
        let pdf = std::fs::read(&pdfs[0]).unwrap();
        assert!(pdf.starts_with(b"%PDF-"), "{lang}");
        assert!(
            dir.join("output")
                .join(pdfs[0].file_name().unwrap())
                .is_file()
        );
    }
}

#[test]
fn the_case_starter_checks_clean_and_builds_in_both_languages() {
    for (lang, said, point) in [
        (
            "da",
            "en ny sag ligger i",
            "<li>at udvalget tager orienteringen om ungeindsatsen til efterretning</li>",
        ),
        (
            "en",
            "a new case is in",
            "<li>that the committee notes the update on the youth employment service</li>",
        ),
    ] {
        let tmp = TempDir::new(&format!("new-case-{lang}"));
        let dir = tmp.join("case");
        let made = run(&["new", path_str(&dir), "--kind", "case", "--language", lang]);
        made.assert_code(0);
        assert!(made.stderr.contains(said), "{lang}: {}", made.stderr);
        for file in [
            "plan.yaml",
            ".gitignore",
            ".github/workflows/planpress.yml",
            ".gitlab-ci.yml",
            "content/assets/logo.png",
        ] {
            assert!(dir.join(file).is_file(), "{lang}: no {file}");
        }
        assert!(
            !dir.join("content/assets/diagram.png").exists(),
            "{lang}: an image no section shows"
        );
        let plan_yaml = std::fs::read_to_string(dir.join("plan.yaml")).unwrap();
        assert!(plan_yaml.contains("\nkind: case\n"), "{lang}");
        let sections = markdown_files(&dir.join("content"));
        assert_eq!(sections, 6, "{lang}: the case's fixed headings");

        checks_clean(&dir, lang);
        run(&["build", path_str(&dir)]).assert_code(0);
        let site = dir.join("output/site");
        let html = std::fs::read_to_string(site.join("index.html")).unwrap();
        assert!(html.contains("<dl class=\"case-facts\""), "{lang}");
        assert!(html.contains(point), "{lang}: the recommendation");
        assert!(!site.join("search.html").exists(), "{lang}");
        let pdf = std::fs::read_dir(dir.join("output"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|x| x == "pdf"))
            .expect("the PDF");
        let info = std::process::Command::new("pdfinfo")
            .arg(&pdf)
            .output()
            .expect("pdfinfo runs (poppler-utils)");
        let info = String::from_utf8_lossy(&info.stdout);
        assert!(
            info.contains("Pages:           1\n") || info.contains("Pages:           2\n"),
            "{lang}: {info}"
        );
    }
}

#[test]
fn a_folder_that_is_not_empty_is_refused_without_force() {
    let tmp = TempDir::new("new-not-empty");
    let dir = tmp.join("plan");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("notes.txt"), "mine").unwrap();

    let refused = run(&["new", path_str(&dir)]);
    refused.assert_code(2);
    assert!(refused.stderr.contains("er ikke tom"), "{}", refused.stderr);
    assert!(refused.stderr.contains("--force"), "{}", refused.stderr);
    assert!(!dir.join("plan.yaml").exists(), "nothing is written");

    let english = run(&["new", path_str(&dir), "--language", "en"]);
    english.assert_code(2);
    assert!(
        english.stderr.contains("is not empty"),
        "{}",
        english.stderr
    );

    run(&["new", path_str(&dir), "--force"]).assert_code(0);
    assert!(dir.join("plan.yaml").is_file());
    assert_eq!(
        std::fs::read_to_string(dir.join("notes.txt")).unwrap(),
        "mine"
    );
    run(&["check", path_str(&dir)]).assert_code(0);
}

fn yaml(path: &std::path::Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The steps of every job, flattened.
fn steps(workflow: &Value) -> Vec<&Value> {
    workflow["jobs"]
        .as_object()
        .unwrap()
        .values()
        .flat_map(|job| job["steps"].as_array().into_iter().flatten())
        .collect()
}

fn step_running<'a>(steps: &[&'a Value], command: &str) -> &'a Value {
    steps
        .iter()
        .find(|s| s["run"].as_str().is_some_and(|r| r.contains(command)))
        .unwrap_or_else(|| panic!("no step runs `{command}`"))
}

#[test]
fn the_github_workflow_checks_pull_requests_and_publishes_main() {
    let (_tmp, dir) = new_plan("da");
    let w = yaml(&dir.join(".github/workflows/planpress.yml"));
    assert!(w["on"].get("pull_request").is_some(), "{w:#}");
    assert_eq!(w["on"]["push"]["branches"], serde_json::json!(["main"]));
    assert_eq!(w["env"]["PLANPRESS_VERSION"], env!("CARGO_PKG_VERSION"));
    assert_eq!(
        w["env"]["PLANPRESS_REPOSITORY"],
        env!("CARGO_PKG_REPOSITORY")
    );
    let steps = steps(&w);

    let cache = steps
        .iter()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("actions/cache@"))
        })
        .expect("planpress is cached");
    assert_eq!(cache["with"]["path"], "~/.cargo/bin/planpress");
    assert!(
        cache["with"]["key"]
            .as_str()
            .unwrap()
            .contains("env.PLANPRESS_VERSION")
    );
    let install = step_running(&steps, "cargo install");
    let command = install["run"].as_str().unwrap();
    for part in [
        "--git \"$PLANPRESS_REPOSITORY\"",
        "--tag \"v$PLANPRESS_VERSION\"",
        "--locked",
    ] {
        assert!(command.contains(part), "{command}");
    }
    assert!(
        install["if"]
            .as_str()
            .unwrap()
            .contains("cache-hit != 'true'")
    );

    // The check runs on pull requests (no condition), with annotations.
    let check = step_running(&steps, "planpress check --format github");
    assert!(check.get("if").is_none(), "{check:#}");
    // The build and the upload only outside pull requests.
    let build = step_running(&steps, "planpress build");
    assert_eq!(build["if"], "github.event_name != 'pull_request'");
    let upload = steps
        .iter()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("actions/upload-pages-artifact@"))
        })
        .expect("the site goes to Pages");
    assert_eq!(upload["with"]["path"], "output/site");
    let deploy = &w["jobs"]["deploy"];
    assert_eq!(deploy["needs"], "plan");
    assert_eq!(deploy["permissions"]["pages"], "write");
    assert!(
        deploy["steps"][0]["uses"]
            .as_str()
            .unwrap()
            .starts_with("actions/deploy-pages@")
    );
}

#[test]
fn the_gitlab_pipeline_checks_merge_requests_and_publishes_pages() {
    let (_tmp, dir) = new_plan("en");
    let p = yaml(&dir.join(".gitlab-ci.yml"));
    assert_eq!(
        p["variables"]["PLANPRESS_VERSION"],
        env!("CARGO_PKG_VERSION")
    );
    assert_eq!(
        p["variables"]["PLANPRESS_REPOSITORY"],
        env!("CARGO_PKG_REPOSITORY")
    );
    assert_eq!(
        p["default"]["cache"]["paths"],
        serde_json::json!([".planpress/"])
    );
    let install = p["default"]["before_script"][0].as_str().unwrap();
    assert!(
        install.contains("cargo install --locked --root .planpress"),
        "{install}"
    );
    assert!(
        install.contains("--tag \"v$PLANPRESS_VERSION\""),
        "{install}"
    );

    let check = &p["check"];
    assert_eq!(check["script"], serde_json::json!(["planpress check"]));
    assert!(
        check["rules"][0]["if"]
            .as_str()
            .unwrap()
            .contains("merge_request_event")
    );
    let pages = &p["pages"];
    let script: Vec<&str> = pages["script"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    assert_eq!(script[0], "planpress build");
    assert!(script[1].contains("cp -r output/site public"), "{script:?}");
    assert_eq!(pages["artifacts"]["paths"], serde_json::json!(["public"]));
    assert!(
        pages["rules"][0]["if"]
            .as_str()
            .unwrap()
            .contains("CI_DEFAULT_BRANCH")
    );

    let ignore = std::fs::read_to_string(dir.join(".gitignore")).unwrap();
    assert!(ignore.lines().any(|l| l == "output/"), "{ignore}");
    assert!(ignore.lines().any(|l| l == ".planpress/"), "{ignore}");
}

//! End-to-end tests of `planpress build`: the data exports, and that a build
//! never leaves half-written output or touches the old output on failure.

mod common;
use common::*;
use std::collections::BTreeMap;
use std::path::Path;

/// Every file under `dir` (relative path → bytes), for before/after checks.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
            .map(|e| e.expect("dir entry").path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path.strip_prefix(root).expect("inside root");
                out.insert(
                    rel.to_string_lossy().replace('\\', "/"),
                    std::fs::read(&path).expect("read file"),
                );
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// Names in `dir` that start with `.` (staging or backup folders).
fn hidden_entries(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("read folder")
        .map(|e| {
            e.expect("dir entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|n| n.starts_with('.'))
        .collect()
}

fn read_json(path: &Path) -> serde_json::Value {
    let text =
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

/// A minimal reader for `;`-separated CSV with `"` quoting.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' => quoted = true,
            ';' => row.push(std::mem::take(&mut field)),
            '\r' => {}
            '\n' => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            _ => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

/// goals.csv: checks the BOM and returns (header, rows as column → value).
fn read_csv(path: &Path) -> (Vec<String>, Vec<BTreeMap<String, String>>) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    assert!(
        bytes.starts_with(&[0xEF, 0xBB, 0xBF]),
        "goals.csv does not start with a UTF-8 byte order mark: {:?}",
        &bytes[..bytes.len().min(16)]
    );
    let text = std::str::from_utf8(&bytes[3..]).expect("goals.csv is UTF-8");
    let mut rows = parse_csv(text).into_iter();
    let header = rows.next().expect("goals.csv has a header");
    let records = rows
        .map(|r| {
            assert_eq!(r.len(), header.len(), "row {r:?} against header {header:?}");
            header.iter().cloned().zip(r).collect()
        })
        .collect();
    (header, records)
}

/// Goal ids written in the front matter of every section under `content/`,
/// read line by line (independently of planpress's parser).
fn goal_ids_in_content(content: &Path) -> Vec<String> {
    fn walk(dir: &Path, ids: &mut Vec<String>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .expect("read content")
            .map(|e| e.expect("entry").path())
            .collect();
        entries.sort();
        for path in entries {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            if path.is_dir() {
                walk(&path, ids);
            } else if name.ends_with(".md") {
                let text = std::fs::read_to_string(&path).expect("read section");
                let mut lines = text.lines();
                if lines.next().map(str::trim_end) != Some("---") {
                    continue;
                }
                for line in lines {
                    let t = line.trim();
                    if t == "---" || t == "..." {
                        break;
                    }
                    if let Some(id) = t.strip_prefix("- id:") {
                        ids.push(id.trim().trim_matches(['"', '\'']).to_string());
                    }
                }
            }
        }
    }
    let mut ids = Vec::new();
    walk(content, &mut ids);
    ids
}

/// A count indicator beside the base plan's percent one, for number formats.
const LEDIGE: &str = "\
---
title: Ledige
order: 3
goals:
  - id: L1
    title: Færre ledige; flere i job
    deadline: 2027-Q4
    indicators:
      - name: Virksomhedskontakter
        unit: count
        direction: increase
        baseline: { year: 2024, value: 2000 }
        actuals: { 2025: 2150, 2026: null }
        targets: { 2027: 2500 }
      - name: 'Tilfredshed, \"samlet\"'
        unit: text
        actuals: { 2026: Middel }
        targets: { 2027: \"Høj; stabil\" }
---

Tekst.
";

// ---------------------------------------------------------------------------

#[test]
fn example_plan_exports_every_goal() {
    let out_parent = TempDir::new("example_plan_exports_every_goal");
    let out = out_parent.join("output");
    let root = repo_root();
    let run = run(&[
        "build",
        path_str(&root),
        "--out",
        path_str(&out),
        "--only",
        "data",
    ]);
    run.assert_code(0);

    let expected = goal_ids_in_content(&root.join("content"));
    assert!(!expected.is_empty(), "the example content has no goals?");
    let json = read_json(&out.join("goals.json"));
    let goals = json["goals"].as_array().expect("`goals` array");
    let mut got: Vec<String> = goals
        .iter()
        .map(|g| g["id"].as_str().expect("goal id").to_string())
        .collect();
    let mut want = expected.clone();
    got.sort();
    want.sort();
    assert_eq!(got, want, "goal ids in goals.json vs content/");
    for g in goals {
        assert!(g["title"].as_str().is_some_and(|t| !t.is_empty()), "{g}");
        assert!(
            g["section"]["file"]
                .as_str()
                .is_some_and(|f| f.starts_with("content/")),
            "{g}"
        );
        assert!(g["status"].is_string(), "{g}");
    }

    // goals.csv: BOM, `;` header, and one row per indicator value in goals.json.
    let (header, rows) = read_csv(&out.join("goals.csv"));
    for column in ["goal_id", "indicator", "kind", "year", "value"] {
        assert!(
            header.iter().any(|h| h == column),
            "no `{column}` in {header:?}"
        );
    }
    let raw = std::fs::read_to_string(out.join("goals.csv")).unwrap();
    let first_line = raw.trim_start_matches('\u{feff}').lines().next().unwrap();
    assert_eq!(first_line.split(';').count(), header.len());
    assert!(header.len() > 5, "{first_line}");

    let mut from_json = Vec::new();
    for g in goals {
        for i in g["indicators"].as_array().expect("indicators") {
            let name = i["name"].as_str().unwrap();
            let id = g["id"].as_str().unwrap();
            if let Some(b) = i["baseline"].as_object() {
                from_json.push((
                    id.to_string(),
                    name.to_string(),
                    "baseline".to_string(),
                    b["year"].to_string(),
                ));
            }
            for (kind, key) in [("actual", "actuals"), ("target", "targets")] {
                for v in i[key].as_array().unwrap() {
                    from_json.push((
                        id.to_string(),
                        name.to_string(),
                        kind.to_string(),
                        v["year"].to_string(),
                    ));
                }
            }
        }
    }
    let mut from_csv: Vec<_> = rows
        .iter()
        .map(|r| {
            (
                r["goal_id"].clone(),
                r["indicator"].clone(),
                r["kind"].clone(),
                r["year"].clone(),
            )
        })
        .collect();
    from_json.sort();
    from_csv.sort();
    assert_eq!(from_csv, from_json, "CSV rows vs goals.json values");

    assert!(
        hidden_entries(out_parent.path()).is_empty(),
        "{:?}",
        hidden_entries(out_parent.path())
    );
}

#[test]
fn data_exports_use_danish_number_formats() {
    let plan = Plan::new("danish_number_formats");
    plan.write("content/03-ledige.md", LEDIGE);
    let out = plan.join("ud");
    plan.build(&["--out", path_str(&out), "--only", "data"])
        .assert_code(0);

    let (_, rows) = read_csv(&out.join("goals.csv"));
    let row = |goal: &str, kind: &str, year: &str| -> &BTreeMap<String, String> {
        rows.iter()
            .find(|r| r["goal_id"] == goal && r["kind"] == kind && r["year"] == year)
            .unwrap_or_else(|| panic!("no {goal} {kind} {year} row in {rows:#?}"))
    };
    // Percent: decimal comma, a space before the per cent sign.
    let b = row("U1", "baseline", "2024");
    assert_eq!(b["value"], "40,5");
    assert_eq!(b["formatted"], "40,5 %");
    assert_eq!(b["unit"], "percent");
    assert_eq!(b["section"], "Unge");
    assert_eq!(b["target_group"], "unge");
    assert_eq!(b["deadline"], "2027-12-31");
    assert_eq!(row("U1", "actual", "2026")["value"], "43,5");
    assert_eq!(row("U1", "target", "2027")["formatted"], "45 %");
    // Count: no decimals, a thousands dot when formatted.
    let t = row("L1", "target", "2027");
    assert_eq!(t["value"], "2500");
    assert_eq!(t["formatted"], "2.500");
    assert_eq!(t["goal_title"], "Færre ledige; flere i job");
    assert_eq!(t["deadline"], "2027-Q4");
    // Not measured: an empty value.
    assert_eq!(row("L1", "actual", "2026")["value"], "");
    // Text with `;` and quotes survives the round trip.
    let text_rows: Vec<_> = rows.iter().filter(|r| r["unit"] == "text").collect();
    assert_eq!(text_rows.len(), 2, "{text_rows:#?}");
    assert!(
        text_rows
            .iter()
            .all(|r| r["indicator"] == "Tilfredshed, \"samlet\""),
        "{text_rows:#?}"
    );
    assert!(
        text_rows.iter().any(|r| r["value"] == "Høj; stabil"),
        "{text_rows:#?}"
    );

    // goals.json keeps machine numbers and the formatted Danish form.
    let json = read_json(&out.join("goals.json"));
    let u1 = &json["goals"][0];
    assert_eq!(u1["id"], "U1");
    let base = &u1["indicators"][0]["baseline"];
    assert_eq!(base["year"], 2024);
    assert_eq!(base["value"], 40.5);
    assert_eq!(base["formatted"], "40,5 %");
    // 40.5 → 43.5 towards 45: on track, for the indicator and the goal.
    assert_eq!(u1["indicators"][0]["status"], "on_track");
    assert_eq!(u1["status"], "on_track");
    let l1 = &json["goals"][1];
    assert_eq!(l1["id"], "L1");
    assert_eq!(
        l1["indicators"][0]["actuals"][1]["value"],
        serde_json::Value::Null
    );
    assert_eq!(json["plan"]["title"], "Testplan 2027");
    assert_eq!(json["plan"]["as_of"], "2026-10-01");
}

#[test]
fn data_exports_use_english_number_formats() {
    let plan = Plan::new("english_number_formats");
    plan.write(
        "plan.yaml",
        &BASE_PLAN.replace("language: da", "language: en"),
    )
    .write("content/03-ledige.md", LEDIGE);
    let out = plan.join("out");
    plan.build(&["--out", path_str(&out), "--only", "data"])
        .assert_code(0);
    let (_, rows) = read_csv(&out.join("goals.csv"));
    let b = rows
        .iter()
        .find(|r| r["goal_id"] == "U1" && r["kind"] == "baseline")
        .expect("baseline row");
    assert_eq!(b["value"], "40.5");
    assert_eq!(b["formatted"], "40.5%");
    let t = rows
        .iter()
        .find(|r| r["goal_id"] == "L1" && r["kind"] == "target" && r["unit"] == "count")
        .expect("target row");
    assert_eq!(t["formatted"], "2,500");
}

#[test]
fn build_writes_to_output_in_the_plan_folder_by_default() {
    let plan = Plan::new("default_output");
    let run = plan.build(&["--only", "data", "--format", "json"]);
    run.assert_code(0);
    assert_clean(&run.json());
    assert!(plan.join("output/goals.json").is_file());
    assert!(plan.join("output/goals.csv").is_file());
    assert!(
        hidden_entries(plan.path()).is_empty(),
        "{:?}",
        hidden_entries(plan.path())
    );
}

#[test]
fn full_build_of_a_small_plan_succeeds() {
    let plan = Plan::new("full_build");
    let out = plan.join("output");
    let run = plan.build(&["--out", path_str(&out)]);
    run.assert_no_panic();
    run.assert_code(0);
    assert!(out.join("goals.json").is_file());
    assert!(out.join("goals.csv").is_file());
    assert!(
        hidden_entries(plan.path()).is_empty(),
        "{:?}",
        hidden_entries(plan.path())
    );
}

#[test]
fn an_invalid_plan_leaves_the_previous_output_untouched() {
    let plan = Plan::new("invalid_leaves_output");
    let out = plan.join("output");
    plan.write("output/goals.json", "{\"old\": true}\n")
        .write("output/goals.csv", "old;csv\n")
        .write("output/sentinel.txt", "do not touch\n")
        .write("output/site/index.html", "<p>old site</p>\n");
    let before = snapshot(&out);
    // One error: an unknown field.
    plan.write(
        "content/03-felt.md",
        "---\ntitle: Felt\norder: 3\nsumary: Kort.\n---\n\nTekst.\n",
    );
    for args in [
        vec!["--out", path_str(&out)],
        vec!["--out", path_str(&out), "--only", "data"],
        vec!["--out", path_str(&out), "--format", "json"],
    ] {
        let run = plan.build(&args);
        run.assert_no_panic();
        run.assert_code(1);
        assert_eq!(snapshot(&out), before, "output changed after {args:?}");
        assert!(
            hidden_entries(plan.path()).is_empty(),
            "{:?}",
            hidden_entries(plan.path())
        );
    }
    // The human form says why and that nothing changed.
    let run = plan.build(&["--out", path_str(&out)]);
    assert!(run.stderr.contains("unknown-field"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("fejl: planen blev ikke bygget, og det tidligere output er ikke rørt"),
        "{}",
        run.stderr
    );
    let run = plan.build(&["--out", path_str(&out), "--lang", "en"]);
    assert!(run.stderr.contains("untouched"), "{}", run.stderr);
    // The JSON form reports the problem on stdout.
    let run = plan.build(&["--out", path_str(&out), "--format", "json"]);
    assert_diag(&run.json(), "unknown-field", "content/03-felt.md", 4, 1);
}

#[test]
fn an_invalid_plan_does_not_create_the_output_folder() {
    let plan = Plan::new("invalid_no_output");
    plan.write("content/03-type.md", "---\ntitle: Type\norder: tre\n---\n");
    let parent = TempDir::new("invalid_no_output_parent");
    let out = parent.join("output");
    plan.build(&["--out", path_str(&out)]).assert_code(1);
    assert!(!out.exists(), "output folder created by a failed build");
    assert!(
        hidden_entries(parent.path()).is_empty(),
        "{:?}",
        hidden_entries(parent.path())
    );
}

#[test]
fn warnings_do_not_stop_a_build_but_strict_does() {
    let plan = Plan::new("warnings_and_strict");
    // A duplicate order: a warning.
    plan.write(
        "content/03-orden.md",
        "---\ntitle: Orden\norder: 2\n---\n\nTekst.\n",
    );
    let out = plan.join("output");
    // A file the user put in planpress's output folder after a build.
    plan.build(&["--out", path_str(&out), "--only", "data"])
        .assert_code(0);
    plan.write("output/sentinel.txt", "old\n");
    let before = snapshot(&out);
    let run = plan.build(&["--out", path_str(&out), "--only", "data", "--strict"]);
    run.assert_code(1);
    assert_eq!(
        snapshot(&out),
        before,
        "--strict build with warnings changed the output"
    );
    let run = plan.build(&["--out", path_str(&out), "--only", "data"]);
    run.assert_code(0);
    assert!(run.stderr.contains("duplicate-order"), "{}", run.stderr);
    assert!(out.join("goals.json").is_file());
}

#[test]
fn no_staging_folders_remain_after_success_or_failure() {
    let plan = Plan::new("no_staging_plan");
    let parent = TempDir::new("no_staging_parent");
    let out = parent.join("output");
    // Success into a new folder, then over an existing one.
    plan.build(&["--out", path_str(&out), "--only", "data"])
        .assert_code(0);
    assert_eq!(hidden_entries(parent.path()), Vec::<String>::new());
    plan.build(&["--out", path_str(&out), "--only", "data"])
        .assert_code(0);
    assert_eq!(hidden_entries(parent.path()), Vec::<String>::new());
    // planpress's working folder holds only its marker and lock between builds.
    let names: Vec<String> = snapshot(&out).into_keys().collect();
    assert_eq!(
        names,
        [
            ".planpress/lock",
            ".planpress/marker.txt",
            "goals.csv",
            "goals.json"
        ]
    );
    // Failure.
    plan.write("content/03-type.md", "---\ntitle: Type\norder: tre\n---\n");
    plan.build(&["--out", path_str(&out), "--only", "data"])
        .assert_code(1);
    assert_eq!(hidden_entries(parent.path()), Vec::<String>::new());
    // No plan at all (exit 2).
    plan.remove("plan.yaml");
    plan.build(&["--out", path_str(&out)]).assert_code(2);
    assert_eq!(hidden_entries(parent.path()), Vec::<String>::new());
    assert!(
        out.join("goals.json").is_file(),
        "output of the last good build is gone"
    );
}

#[test]
fn only_data_keeps_other_files_in_the_output_folder() {
    let plan = Plan::new("only_data_keeps");
    let out = plan.join("output");
    plan.write("output/site/index.html", "<p>site</p>\n")
        .write("output/testplan-2027.pdf", "%PDF-1.7 old\n")
        .write("output/README.txt", "notes\n")
        .write("output/goals.json", "{\"old\": true}\n");
    // A previous output planpress did not mark as its own: --force.
    plan.build(&["--out", path_str(&out), "--only", "data", "--force"])
        .assert_code(0);
    let after = snapshot(&out);
    assert_eq!(after["site/index.html"], b"<p>site</p>\n");
    assert_eq!(after["testplan-2027.pdf"], b"%PDF-1.7 old\n");
    assert_eq!(after["README.txt"], b"notes\n");
    // The data files are new.
    let json = read_json(&out.join("goals.json"));
    assert_eq!(json["goals"][0]["id"], "U1");
    assert!(after.contains_key("goals.csv"));
    assert!(
        hidden_entries(plan.path()).is_empty(),
        "{:?}",
        hidden_entries(plan.path())
    );
}

#[test]
fn build_without_plan_yaml_exits_2() {
    let plan = Plan::empty("build_without_plan");
    let run = plan.build(&[]);
    run.assert_code(2);
    assert!(run.stderr.contains("plan.yaml"), "{}", run.stderr);
    assert!(!plan.join("output").exists());
}

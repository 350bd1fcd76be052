//! End-to-end tests of `planpress figures import`: figures from a CSV and
//! from a workbook land in a copy of the example plan changing exactly the
//! expected bytes, and a refused import changes nothing at all.

mod common;
use common::*;
use std::collections::BTreeMap;
use std::path::Path;

/// A copy of the example plan (plan.yaml and content/) in a temp folder.
fn example_copy(name: &str) -> Plan {
    let plan = Plan::empty(name);
    let root = repo_root();
    plan.write_bytes("plan.yaml", &std::fs::read(root.join("plan.yaml")).unwrap());
    for entry in std::fs::read_dir(root.join("content")).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            let rel = format!("content/{}", path.file_name().unwrap().to_string_lossy());
            plan.write_bytes(&rel, &std::fs::read(&path).unwrap());
        }
    }
    plan.mkdir("content/assets");
    for entry in std::fs::read_dir(root.join("content/assets")).unwrap() {
        let path = entry.unwrap().path();
        let rel = format!(
            "content/assets/{}",
            path.file_name().unwrap().to_string_lossy()
        );
        plan.write_bytes(&rel, &std::fs::read(&path).unwrap());
    }
    plan
}

/// Every file under `dir` with its bytes.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                out.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// `before` with each `(file, old, new)` replaced once (and found once).
fn expected(
    before: &BTreeMap<String, Vec<u8>>,
    edits: &[(&str, &str, &str)],
) -> BTreeMap<String, Vec<u8>> {
    let mut after = before.clone();
    for (file, old, new) in edits {
        let text = String::from_utf8(after[*file].clone()).unwrap();
        assert_eq!(text.matches(old).count(), 1, "{old:?} once in {file}");
        after.insert(file.to_string(), text.replace(old, new).into_bytes());
    }
    after
}

fn import(plan: &Plan, file: &Path, args: &[&str]) -> Run {
    let mut all = vec!["figures", "import", path_str(file), path_str(plan.path())];
    all.extend_from_slice(args);
    run(&all)
}

#[test]
fn a_danish_csv_changes_exactly_its_figures() {
    let plan = example_copy("figures_csv");
    let before = tree(plan.path());
    let csv = repo_root().join("examples/figures-2026-Q3.csv");

    // A dry run says what would change and writes nothing.
    let dry = import(&plan, &csv, &["--dry-run"]);
    dry.assert_code(0);
    assert!(
        dry.stdout.contains("V2.2  3. kvartal 2026: 655 → 650"),
        "{}",
        dry.stdout
    );
    assert!(dry.stderr.contains("intet er skrevet"), "{}", dry.stderr);
    assert_eq!(tree(plan.path()), before);

    let run = import(&plan, &csv, &[]);
    run.assert_code(0);
    assert!(
        run.stdout
            .contains("T1.1  3. kvartal 2026: 19,2 % → 19,6 %"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("K1.3  oktober 2026: – → 1.296"),
        "{}",
        run.stdout
    );
    assert!(
        run.stderr
            .contains("skrev 4 tal i 4 filer (1 tal stod der allerede)"),
        "{}",
        run.stderr
    );
    let want = expected(
        &before,
        &[
            (
                "content/02-virksomheder.md",
                "          2026-Q3: 655\n",
                "          2026-Q3: 650\n",
            ),
            (
                "content/03-taet-paa.md",
                "2026-Q2: 19.0, 2026-Q3: 19.2 }",
                "2026-Q2: 19.0, 2026-Q3: 19.6 }",
            ),
            (
                "content/04-unge.md",
                "2026-Q2: 511, 2026-Q3: 508 }",
                "2026-Q2: 511, 2026-Q3: 506 }",
            ),
            (
                "content/05-udkanten.md",
                "2026-09: 1290 }",
                "2026-09: 1290, 2026-10: 1296 }",
            ),
        ],
    );
    assert_eq!(tree(plan.path()), want, "only the figures changed");
    let (run, json) = plan.check_json(&[]);
    run.assert_code(0);
    assert_clean(&json);
}

#[test]
fn a_workbook_changes_exactly_its_figures() {
    let plan = example_copy("figures_xlsx");
    let before = tree(plan.path());
    let xlsx = repo_root().join("tests/fixtures/figures/figures.xlsx");
    let run = import(&plan, &xlsx, &[]);
    run.assert_code(0);
    let want = expected(
        &before,
        &[
            // A new quarter is a new line of the block map, in its order.
            (
                "content/02-virksomheder.md",
                "          2026-Q3: 655\n",
                "          2026-Q3: 655\n          2026-Q4: 648\n",
            ),
            (
                "content/02-virksomheder.md",
                "actuals: { 2025: 15.9, 2026: 16.8 }",
                "actuals: { 2025: 15.9, 2026: 17.1 }",
            ),
            (
                "content/03-taet-paa.md",
                "2026-Q3: 19.2 }",
                "2026-Q3: 19.4 }",
            ),
        ],
    );
    assert_eq!(tree(plan.path()), want, "only the figures changed");
    assert_clean(&plan.check_json(&[]).1);
}

#[test]
fn a_refused_import_changes_nothing_and_names_row_and_column() {
    let plan = example_copy("figures_refused");
    let before = tree(plan.path());
    // One good row and four refused: nothing may be written.
    plan.write(
        "../figures-refused.csv",
        "indicator,period,value\n\
         V2.2,2026-Q3,650\n\
         V2.9,2026-Q3,650\n\
         T1.1,2026-Q3,ca. 19\n\
         U1.2,2027-Q2,500\n\
         U1.2,2026-Q3,505\n\
         U1.2,2026-Q3,506\n",
    );
    let csv = plan.path().parent().unwrap().join("figures-refused.csv");
    let before = {
        let mut b = before;
        b.remove("../figures-refused.csv");
        b
    };
    let run = import(&plan, &csv, &["--format", "json", "--lang", "en"]);
    run.assert_code(1);
    let json = run.json();
    let found: Vec<(String, u64, u64)> = json
        .diags()
        .iter()
        .map(|d| (d.code.clone(), d.line, d.column))
        .collect();
    assert_eq!(
        found,
        [
            ("unknown-indicator".to_string(), 3, 1),
            ("bad-figure".to_string(), 4, 14),
            ("actual-after-as-of".to_string(), 5, 6),
            ("figure-twice".to_string(), 7, 6),
        ],
        "{}",
        json.listing()
    );
    let d = &json.with_code("unknown-indicator")[0];
    assert!(d.message.contains("`V2.9`"), "{}", d.message);
    assert!(d.file.ends_with("figures-refused.csv"), "{}", d.file);
    assert_eq!(tree(plan.path()), before, "no file was touched");
    std::fs::remove_file(&csv).unwrap();

    // In Danish, for people, with the row drawn.
    plan.write("../figures-cols.csv", "indikator;år;værdi\nV2.2;2026;1\n");
    let csv = plan.path().parent().unwrap().join("figures-cols.csv");
    let run = import(&plan, &csv, &[]);
    run.assert_code(1);
    assert!(
        run.stderr
            .contains("filen med tal mangler kolonnen `period`"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("ingen fil er ændret"), "{}", run.stderr);
    assert_eq!(tree(plan.path()), before);
    std::fs::remove_file(&csv).unwrap();
}

#[test]
fn as_of_moves_on_when_asked() {
    let plan = example_copy("figures_as_of");
    let before = tree(plan.path());
    plan.write(
        "../figures-q1.csv",
        "indicator;period;value\nU1.2;2027-Q1;499\n",
    );
    let csv = plan.path().parent().unwrap().join("figures-q1.csv");
    import(&plan, &csv, &[]).assert_code(1);
    assert_eq!(tree(plan.path()), before);
    let run = import(&plan, &csv, &["--as-of"]);
    run.assert_code(0);
    assert!(
        run.stdout.contains("as_of: 2026-10-01 → 2027-03-31"),
        "{}",
        run.stdout
    );
    let want = expected(
        &before,
        &[
            ("plan.yaml", "as_of: 2026-10-01\n", "as_of: 2027-03-31\n"),
            (
                "content/04-unge.md",
                "2026-Q3: 508 }",
                "2026-Q3: 508, 2027-Q1: 499 }",
            ),
        ],
    );
    assert_eq!(tree(plan.path()), want);
    std::fs::remove_file(&csv).unwrap();
}

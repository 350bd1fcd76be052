//! End-to-end tests of the output folder (issue 8): planpress writes only
//! into a folder of its own, never moves files it did not write, and builds
//! into one folder take turns, whenever they are killed.

mod common;
use common::hostile::*;
use common::*;
use std::time::Duration;

#[test]
fn the_output_folder_may_not_hold_the_plan_or_lie_in_its_sources() {
    let plan = Plan::new("out_places");
    let before = tree(plan.path());
    let parent = plan.path().parent().expect("parent").to_path_buf();
    for (out, words) in [
        (plan.path().to_path_buf(), "plan"),
        (plan.join("content"), "content/"),
        (plan.join("content/site"), "content/"),
        (plan.join("themes/x"), "themes/"),
        (parent.clone(), "plan"),
        (std::path::PathBuf::from("/"), "plan"),
        (plan.join("output/../content/../"), "plan"),
    ] {
        for force in [false, true] {
            let mut args = vec!["--out", path_str(&out), "--only", "data"];
            if force {
                args.push("--force");
            }
            let run = plan.build(&args);
            run.assert_no_panic().assert_code(2);
            assert!(run.stderr.contains(words), "{out:?}: {}", run.stderr);
            assert_eq!(tree(plan.path()), before, "{out:?} changed the plan folder");
        }
    }
}

#[cfg(unix)]
#[test]
fn the_output_folder_may_not_be_a_symbolic_link() {
    let plan = Plan::new("out_link");
    let elsewhere = TempDir::new("out_link_target");
    std::fs::write(elsewhere.join("keep.txt"), "keep\n").expect("file");
    symlink(path_str(elsewhere.path()), &plan.join("output"));
    for args in [vec!["--only", "data"], vec!["--only", "data", "--force"]] {
        let run = plan.build(&args);
        run.assert_code(2);
        assert!(run.stderr.contains("link"), "{}", run.stderr);
    }
    assert_eq!(tree(elsewhere.path()).len(), 1);
}

#[test]
fn a_folder_planpress_did_not_write_is_refused_unless_forced() {
    let plan = Plan::new("out_foreign");
    let out = plan.join("output");
    plan.write("output/notes.txt", "mine\n")
        .write("output/docs/a.txt", "mine too\n");
    let before = tree(&out);
    let run = plan.build(&["--lang", "en", "--out", path_str(&out), "--only", "data"]);
    run.assert_no_panic().assert_code(2);
    assert!(run.stderr.contains("--force"), "{}", run.stderr);
    assert_eq!(tree(&out), before, "a refused build changed the folder");
    // With --force planpress writes its own files beside them.
    plan.build(&["--lang", "en", "--out", path_str(&out), "--force"])
        .assert_code(0);
    let after = tree(&out);
    assert_eq!(after["notes.txt"], b"mine\n");
    assert_eq!(after["docs/a.txt"], b"mine too\n");
    assert!(after.contains_key("goals.json") && after.contains_key("site/index.html"));
    // From now on the folder is planpress's: no --force needed.
    plan.build(&["--lang", "en", "--out", path_str(&out), "--only", "data"])
        .assert_code(0);
    // An empty folder is fine too.
    let empty = plan.join("tom");
    std::fs::create_dir_all(&empty).expect("empty folder");
    plan.build(&["--lang", "en", "--out", path_str(&empty), "--only", "data"])
        .assert_code(0);
}

#[test]
fn stale_staging_from_a_killed_build_is_removed_by_the_next() {
    let plan = Plan::new("out_stale");
    let out = plan.join("output");
    plan.build(&["--lang", "en", "--out", path_str(&out), "--only", "data"])
        .assert_code(0);
    let work: Vec<std::path::PathBuf> = std::fs::read_dir(&out)
        .expect("output")
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.is_dir()
                && p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    assert_eq!(work.len(), 1, "one hidden working folder: {work:?}");
    // What a build killed mid-way leaves: a staging folder with a half-written file.
    let stale = work[0].join("stage-999999-1");
    std::fs::create_dir_all(stale.join("site")).expect("stale");
    std::fs::write(stale.join("site/index.html"), "half").expect("stale file");
    plan.build(&["--lang", "en", "--out", path_str(&out), "--only", "data"])
        .assert_code(0);
    assert!(!stale.exists(), "the stale staging folder is still there");
}

#[test]
fn killing_builds_at_any_moment_loses_nothing() {
    let plan = Plan::new("out_kill");
    let out = plan.join("output");
    plan.write("output/notes.txt", "mine\n");
    plan.build(&[
        "--lang",
        "en",
        "--out",
        path_str(&out),
        "--only",
        "data",
        "--force",
    ])
    .assert_code(0);
    let exe = env!("CARGO_BIN_EXE_planpress");
    for i in 0..24u64 {
        let mut child = std::process::Command::new(exe)
            .args(["build", path_str(plan.path()), "--out", path_str(&out)])
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(Duration::from_millis(3 * i));
        let _ = child.kill();
        let _ = child.wait();
        assert_eq!(
            std::fs::read(out.join("notes.txt")).expect("the user's file"),
            b"mine\n",
            "kill {i}"
        );
        assert!(
            out.join("goals.json").is_file(),
            "kill {i}: goals.json is gone"
        );
    }
    plan.build(&["--lang", "en", "--out", path_str(&out)])
        .assert_code(0);
    let names: Vec<String> = tree(&out)
        .into_keys()
        .filter(|k| k.contains("stage") || k.contains("old-"))
        .collect();
    assert!(names.is_empty(), "{names:?}");
    assert!(out.join("site/index.html").is_file());
}

#[test]
fn concurrent_builds_into_one_folder_all_succeed() {
    let plan = Plan::new("out_concurrent");
    let out = plan.join("output");
    let exe = env!("CARGO_BIN_EXE_planpress");
    for round in 0..5 {
        let children: Vec<_> = (0..6)
            .map(|_| {
                std::process::Command::new(exe)
                    .args([
                        "build",
                        path_str(plan.path()),
                        "--out",
                        path_str(&out),
                        "--only",
                        "data,site",
                    ])
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .expect("spawn")
            })
            .collect();
        for child in children {
            let output = child.wait_with_output().expect("wait");
            assert!(
                output.status.success(),
                "round {round}: a concurrent build failed: {}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
    }
    assert!(out.join("site/index.html").is_file() && out.join("goals.json").is_file());
    let names: Vec<String> = tree(&out)
        .into_keys()
        .filter(|k| k.contains("stage") || k.contains("old-"))
        .collect();
    assert!(names.is_empty(), "{names:?}");
}

//! End-to-end tests of the document's own facts in plan.yaml: where it
//! stands (`status`, `adopted`), its edition, who to contact and its
//! accessibility statement; and that goals.json carries them.

mod common;
use common::*;

/// plan.yaml of the base plan with `extra` lines added after `as_of` (line 5),
/// so the first added line is line 6.
fn with(extra: &str) -> String {
    BASE_PLAN.replace(
        "as_of: 2026-10-01\n",
        &format!("as_of: 2026-10-01\n{extra}"),
    )
}

#[test]
fn the_document_facts_check_clean_and_reach_the_data() {
    let plan = Plan::new("document_facts");
    plan.write(
        "plan.yaml",
        &with(
            "status: adopted\n\
             adopted: { date: 2026-12-10, by: Byrådet, ref: vedtaget-2026 }\n\
             edition: 2. udgave\n\
             contact: { name: Jobcenter Testby, email: job@testby.dk, phone: \"70 10 20 30\", url: https://www.testby.dk/job }\n\
             accessibility_statement: https://www.was.digst.dk/plan-testby-dk\n",
        ),
    );
    // The adopted version is a tag git knows.
    plan.git(&["init", "-q"]);
    plan.git(&["add", "."]);
    plan.git(&["commit", "-q", "-m", "Vedtaget"]);
    plan.git(&["tag", "vedtaget-2026"]);
    let (run, json) = plan.check_json(&[]);
    run.assert_code(0);
    assert_clean(&json);
    let out = plan.join("output");
    plan.build(&["--only", "data", "--out", path_str(&out)])
        .assert_code(0);
    let goals: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("goals.json")).unwrap()).unwrap();
    let p = &goals["plan"];
    assert_eq!(p["status"], "adopted");
    assert_eq!(p["adopted"]["date"], "2026-12-10");
    assert_eq!(p["adopted"]["by"], "Byrådet");
    assert_eq!(p["adopted"]["ref"], "vedtaget-2026");
    assert_eq!(p["edition"], "2. udgave");
    assert_eq!(p["contact"]["email"], "job@testby.dk");
    assert_eq!(p["contact"]["url"], "https://www.testby.dk/job");
    assert_eq!(
        p["accessibility_statement"],
        "https://www.was.digst.dk/plan-testby-dk"
    );
}

#[test]
fn a_plan_is_a_draft_unless_it_says_otherwise() {
    let plan = Plan::new("document_default_status");
    let out = plan.join("output");
    plan.build(&["--only", "data", "--out", path_str(&out)])
        .assert_code(0);
    let goals: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("goals.json")).unwrap()).unwrap();
    assert_eq!(goals["plan"]["status"], "draft");
    assert!(goals["plan"]["adopted"].is_null());
    // An adoption written down makes the plan adopted.
    plan.write("plan.yaml", &with("adopted: { date: 2026-12-10 }\n"));
    plan.build(&["--only", "data", "--out", path_str(&out)])
        .assert_code(0);
    let goals: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("goals.json")).unwrap()).unwrap();
    assert_eq!(goals["plan"]["status"], "adopted");
}

#[test]
fn rule_unknown_status_understands_danish_words() {
    let plan = Plan::new("document_status_danish");
    // 6 status: vedtaget
    plan.write("plan.yaml", &with("status: vedtaget\n"));
    let d = only(&plan, "error", "invalid-value", "plan.yaml", 6, 9);
    assert_eq!(d.message, "ukendt status `vedtaget`", "{d}");
    assert_eq!(d.hint.as_deref(), Some("mente du `adopted`?"), "{d}");
    let en = in_english(&plan, "invalid-value", "plan.yaml", 6, 9);
    assert_eq!(en.message, "unknown status `vedtaget`", "{en}");

    plan.write("plan.yaml", &with("status: færdig\n"));
    let d = only(&plan, "error", "invalid-value", "plan.yaml", 6, 9);
    assert!(
        d.hint
            .as_deref()
            .is_some_and(|h| h.contains("`draft`") && h.contains("`adopted`")),
        "{d}"
    );
}

#[test]
fn rule_adopted_needs_a_real_date() {
    let plan = Plan::new("document_adopted_date");
    // 6 adopted: { date: 10. december 2026, by: Byrådet }
    plan.write(
        "plan.yaml",
        &with("adopted: { date: 10. december 2026, by: Byrådet }\n"),
    );
    let d = only(&plan, "error", "invalid-date", "plan.yaml", 6, 18);
    assert_eq!(d.hint.as_deref(), Some("skriv `date: 2026-12-10`"), "{d}");

    // 6 adopted: { by: Byrådet }
    plan.write("plan.yaml", &with("adopted: { by: Byrådet }\n"));
    let d = only(&plan, "error", "missing-field", "plan.yaml", 6, 10);
    assert!(d.message.contains("date"), "{d}");

    // 6 adopted: { date: 2026-12-10, af: Byrådet }
    plan.write(
        "plan.yaml",
        &with("adopted: { date: 2026-12-10, af: Byrådet }\n"),
    );
    only(&plan, "error", "unknown-field", "plan.yaml", 6, 30);
}

#[test]
fn rule_contact_and_statement_addresses() {
    let plan = Plan::new("document_contact");
    // 6 contact: { email: jobcenter.testby.dk }
    plan.write(
        "plan.yaml",
        &with("contact: { email: jobcenter.testby.dk }\n"),
    );
    let d = only(&plan, "error", "invalid-value", "plan.yaml", 6, 19);
    assert_eq!(
        d.message, "`jobcenter.testby.dk` er ikke en mailadresse",
        "{d}"
    );
    assert!(
        d.hint.as_deref().is_some_and(|h| h.contains("email:")),
        "{d}"
    );

    // 6 contact: { url: javascript:alert(1) }
    plan.write(
        "plan.yaml",
        &with("contact: { url: \"javascript:alert(1)\" }\n"),
    );
    only(&plan, "error", "invalid-value", "plan.yaml", 6, 17);

    // 6 accessibility_statement: www.was.digst.dk/x
    plan.write(
        "plan.yaml",
        &with("accessibility_statement: www.was.digst.dk/x\n"),
    );
    let d = only(&plan, "error", "invalid-value", "plan.yaml", 6, 26);
    assert!(
        d.hint.as_deref().is_some_and(|h| h.contains("https://")),
        "{d}"
    );
}

/// A Danish plan put before the public must link its accessibility
/// statement; a draft, an English plan and a plan that has one are quiet.
#[test]
fn rule_missing_accessibility_statement() {
    let plan = Plan::new("document_no_statement");
    plan.write("plan.yaml", &with("status: adopted\n"));
    let d = only(
        &plan,
        "warning",
        "missing-accessibility-statement",
        "plan.yaml",
        6,
        9,
    );
    assert!(d.message.contains("tilgængelighedserklæring"), "{d}");
    assert!(
        d.hint.as_deref().unwrap_or("").contains("was.digst.dk"),
        "{d}"
    );
    let en = in_english(&plan, "missing-accessibility-statement", "plan.yaml", 6, 9);
    assert!(en.message.contains("accessibility statement"), "{en}");

    plan.write("plan.yaml", &with("status: consultation\n"));
    let d = only(
        &plan,
        "warning",
        "missing-accessibility-statement",
        "plan.yaml",
        6,
        9,
    );
    assert!(d.message.contains("høring"), "{d}");

    for quiet in [
        with("status: draft\n"),
        with("status: adopted\naccessibility_statement: https://www.was.digst.dk/plan-testby-dk\n"),
        with("status: adopted\n").replace("language: da", "language: en"),
    ] {
        plan.write("plan.yaml", &quiet);
        let (run, json) = plan.check_json(&[]);
        run.assert_code(0);
        assert_clean(&json);
    }
}

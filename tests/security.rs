//! End-to-end tests for hostile input (issue 8): nothing outside the plan
//! folder is read into the output or published — paths, symbolic links,
//! themes and links — each on a small plan driven through the binary.

mod common;
use common::hostile::*;
use common::*;

#[test]
fn markdown_links_and_images_outside_the_allow_list_are_errors_at_their_line() {
    let plan = Plan::new("unsafe_links");
    let cases = [
        "[klik](javascript:alert(1))",
        "[klik](JaVaScRiPt:alert(1))",
        "[klik](javascript://%0aalert(1))",
        "[klik](  vbscript:msgbox(1))",
        "[klik](java&#9;script:alert(1))",
        "[klik](&#x6A;avascript:alert(1))",
        "[klik](<java\tscript:alert(1)>)",
        "<javascript:alert(1)>",
        "[klik][r]\n\n[r]: javascript:alert(1)",
        "![billede](data:image/svg+xml;base64,PHN2Zz4=)",
        "[klik](file:///etc/passwd)",
        "[klik](ftp://example.com/x)",
    ];
    for case in cases {
        plan.write("content/03-link.md", &dybt(&format!("\n{case}\n")));
        let (run, json) = plan.check_json(&["--lang", "en"]);
        run.assert_no_panic();
        let found = json.with_code("unsafe-link");
        assert_eq!(found.len(), 1, "{case:?}:\n{}", json.listing());
        assert_eq!(
            (found[0].file.as_str(), found[0].line, found[0].column),
            ("content/03-link.md", 6, 1),
            "{case:?}"
        );
        assert!(
            found[0].hint.as_deref().unwrap_or("").contains("https://"),
            "{}",
            found[0]
        );
        run.assert_code(1);
        // And the build writes nothing with it.
        let out = plan.join("output");
        plan.build(&["--lang", "en", "--out", path_str(&out)])
            .assert_code(1);
        assert!(!out.exists(), "{case:?}");
    }
    // The allowed schemes and relative links pass.
    plan.write(
        "content/03-link.md",
        &dybt("\n[a](https://x.example/) [b](HTTP://x.example/) [c](mailto:a@x.example) [d](tel:+4512345678) [e](02-unge.md) [f](#top)\n\n## Top\n"),
    );
    let (_, json) = plan.check_json(&["--lang", "en"]);
    assert_clean(&json);
}

#[test]
fn goal_links_outside_the_allow_list_are_errors_at_their_line() {
    let plan = Plan::new("unsafe_goal_links");
    for (links, column) in [
        ("[\"javascript:alert(1)\"]", 13),
        ("[\" javascript:alert(1)\"]", 13),
        ("[{ title: Klik, url: \"javascript://%0aalert(1)\" }]", 33),
        (
            "[{ title: Klik, url: \"data:text/html,<script>alert(1)</script>\" }]",
            33,
        ),
        ("[\"java\\tscript:alert(1)\"]", 13),
    ] {
        plan.write(
            "content/02-unge.md",
            &BASE_UNGE.replace(
                "    deadline: 2027-12-31\n",
                &format!("    deadline: 2027-12-31\n    links: {links}\n"),
            ),
        );
        // Line 11 holds `    links: …`.
        let d = one_error(&plan, "unsafe-link", "content/02-unge.md", 11, column);
        assert!(!d.message.is_empty(), "{d}");
    }
    plan.write(
        "content/02-unge.md",
        &BASE_UNGE.replace("    deadline: 2027-12-31\n", "    deadline: 2027-12-31\n    links: [\"https://x.example/\", { title: Post, url: \"mailto:a@x.example\" }]\n"),
    );
    let (_, json) = plan.check_json(&["--lang", "en"]);
    assert_clean(&json);
}

#[test]
fn base_url_must_be_a_plain_web_address() {
    let plan = Plan::new("unsafe_base_url");
    for url in [
        "\"javascript:alert(1)//https://x\"",
        "\"https://x.example/\\\"><script>alert(1)</script>\"",
        "\"https:// x.example/\"",
        "\"https://\"",
        "\"ftp://x.example/\"",
    ] {
        plan.write("plan.yaml", &format!("{BASE_PLAN}base_url: {url}\n"));
        one_error(&plan, "invalid-value", "plan.yaml", 12, 11);
    }
    plan.write(
        "plan.yaml",
        &format!("{BASE_PLAN}base_url: https://plan.x.example/sub/\n"),
    );
    let (_, json) = plan.check_json(&["--lang", "en"]);
    assert_clean(&json);
}

#[test]
fn a_logo_outside_the_plan_or_outside_content_is_an_error_at_its_line() {
    let secret = Secret::new("logo_paths");
    let plan = Plan::new("logo_paths");
    plan.write("README.md", "not an asset\n");
    for logo in [
        secret.file(),
        "../../../../../../../../etc/passwd".to_string(),
        "content/../../x.png".to_string(),
        "README.md".to_string(),
        "plan.yaml".to_string(),
    ] {
        plan.write(
            "plan.yaml",
            &format!("{BASE_PLAN}brand: {{ logo: \"{logo}\" }}\n"),
        );
        let d = one_error(&plan, "outside-plan", "plan.yaml", 12, 16);
        assert!(d.hint.as_deref().unwrap_or("").contains("content/"), "{d}");
        let out = plan.join("output");
        plan.build(&["--lang", "en", "--out", path_str(&out)])
            .assert_code(1);
        assert!(!out.exists());
    }
    secret.assert_not_in(plan.path());
}

#[cfg(unix)]
#[test]
fn symlinks_are_followed_inside_content_and_refused_out_of_it() {
    let secret = Secret::new("symlinks");
    let plan = Plan::new("symlinks");
    plan.write_bytes("content/assets/kort.png", TINY_PNG);
    // Inside content/: followed, checked and published like the file itself.
    symlink("kort.png", &plan.join("content/assets/genvej.png"));
    plan.write(
        "content/03-billeder.md",
        &dybt("\n![Et kort](assets/genvej.png)\n"),
    );
    let (_, json) = plan.check_json(&["--lang", "en"]);
    assert_clean(&json);
    let out = plan.join("output");
    plan.build(&["--lang", "en", "--out", path_str(&out), "--only", "site"])
        .assert_code(0);
    assert_eq!(
        std::fs::read(out.join("site/assets/genvej.png")).expect("published through the link"),
        TINY_PNG
    );

    // Out of content/: the secret, the plan folder's .git, a folder above.
    std::fs::create_dir_all(plan.join(".git")).expect(".git");
    std::fs::write(plan.join(".git/config"), format!("token = {SECRET_WORD}\n")).expect("config");
    let _ = std::fs::remove_dir_all(&out);
    for (i, target) in [
        secret.file(),
        "../../.git/config".to_string(),
        "../../../".to_string(),
    ]
    .iter()
    .enumerate()
    {
        let link = format!("content/assets/ude{i}.png");
        symlink(target, &plan.join(&link));
        plan.write(
            "content/03-billeder.md",
            &dybt(&format!("\n![Et kort](assets/ude{i}.png)\n")),
        );
        let (run, json) = plan.check_json(&["--lang", "en"]);
        run.assert_code(1);
        // The image's line says so, and so does the file itself.
        let d = assert_diag(&json, "outside-plan", "content/03-billeder.md", 6, 1);
        assert!(d.message.contains("outside"), "{d}");
        assert!(
            json.diags()
                .iter()
                .any(|d| d.code == "outside-plan" && d.file == link),
            "{}",
            json.listing()
        );
        plan.build(&["--lang", "en", "--out", path_str(&out)])
            .assert_code(1);
        assert!(!out.exists(), "a build with {link} wrote output");
        std::fs::remove_file(plan.join(&link)).expect("remove link");
    }
    // An unused link out of content/ is refused too: the site would lack it.
    symlink(&secret.file(), &plan.join("content/assets/bilag.txt"));
    plan.write("content/03-billeder.md", &dybt("\nTekst.\n"));
    let (run, json) = plan.check_json(&["--lang", "en"]);
    run.assert_code(1);
    assert_diag(&json, "outside-plan", "content/assets/bilag.txt", 1, 1);
    // A section linked from outside, and content/ itself linked out.
    std::fs::remove_file(plan.join("content/assets/bilag.txt")).expect("remove link");
    symlink(&secret.file(), &plan.join("content/04-hemmelig.md"));
    let (run, json) = plan.check_json(&["--lang", "en"]);
    run.assert_code(1);
    assert_diag(&json, "outside-plan", "content/04-hemmelig.md", 1, 1);
    assert!(!run.stdout.contains(SECRET_WORD) && !run.stderr.contains(SECRET_WORD));
    std::fs::remove_file(plan.join("content/04-hemmelig.md")).expect("remove link");
    assert!(!out.exists());
}

#[cfg(unix)]
#[test]
fn plan_yaml_and_content_linked_out_of_the_plan_are_refused() {
    let secret = Secret::new("linked_roots");
    let plan = Plan::new("linked_roots");
    std::fs::write(
        secret.dir.join("plan.yaml"),
        format!("{BASE_PLAN}summary: {SECRET_WORD}\n"),
    )
    .expect("plan");
    std::fs::remove_file(plan.join("plan.yaml")).expect("remove plan.yaml");
    symlink(
        path_str(&secret.dir.join("plan.yaml")),
        &plan.join("plan.yaml"),
    );
    let (run, json) = plan.check_json(&["--lang", "en"]);
    run.assert_code(1);
    assert_diag(&json, "outside-plan", "plan.yaml", 1, 1);
    assert!(!run.stdout.contains(SECRET_WORD));

    let plan = Plan::new("linked_content");
    std::fs::create_dir_all(secret.dir.join("content")).expect("content");
    std::fs::write(
        secret.dir.join("content/01-x.md"),
        format!("---\ntitle: {SECRET_WORD}\n---\n"),
    )
    .expect("section");
    std::fs::remove_dir_all(plan.join("content")).expect("remove content");
    symlink(path_str(&secret.dir.join("content")), &plan.join("content"));
    let (run, json) = plan.check_json(&["--lang", "en"]);
    run.assert_code(1);
    assert_diag(&json, "outside-plan", "content", 1, 1);
    assert!(!run.stdout.contains(SECRET_WORD));
}

#[test]
fn markdown_paths_that_climb_out_or_are_absolute_are_errors_at_their_line() {
    let secret = Secret::new("md_paths");
    let plan = Plan::new("md_paths");
    std::fs::write(plan.join("plan.yaml.png"), "x").expect("file beside plan.yaml");
    for written in [
        format!("![x]({})", secret.file()),
        "![x](../../../../../../etc/hostname)".to_string(),
        "![x](../plan.yaml.png)".to_string(),
        "[x](../plan.yaml)".to_string(),
        format!("[x]({})", secret.file()),
    ] {
        plan.write("content/03-sti.md", &dybt(&format!("\n{written}\n")));
        let d = one_error(&plan, "outside-plan", "content/03-sti.md", 6, 1);
        assert!(
            d.hint.as_deref().unwrap_or("").contains("content/"),
            "{written}: {d}"
        );
    }
}

#[test]
fn hidden_files_are_neither_linked_nor_published() {
    let plan = Plan::new("hidden_files");
    plan.write_bytes("content/assets/.skjult.png", TINY_PNG)
        .write_bytes("content/.privat/kort.png", TINY_PNG)
        .write("content/.privat/noter.txt", "private\n");
    for written in ["![x](assets/.skjult.png)", "![x](.privat/kort.png)"] {
        plan.write("content/03-skjult.md", &dybt(&format!("\n{written}\n")));
        let d = one_error(&plan, "missing-file", "content/03-skjult.md", 6, 1);
        assert!(d.message.contains("hidden"), "{d}");
    }
    plan.write("content/03-skjult.md", &dybt("\nTekst.\n"));
    let out = plan.join("output");
    plan.build(&["--lang", "en", "--out", path_str(&out), "--only", "site"])
        .assert_code(0);
    let published: Vec<String> = walk(&out.join("site"))
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .filter(|p| p.contains(".skjult") || p.contains(".privat"))
        .collect();
    assert!(published.is_empty(), "{published:?}");
}

#[test]
fn a_theme_must_be_a_plain_folder_name_under_themes() {
    let secret = Secret::new("theme_paths");
    let plan = Plan::new("theme_paths");
    for theme in [
        path_str(&secret.dir.join("theme")).to_string(),
        "../../../../usr".to_string(),
        "default/../../x".to_string(),
        ".".to_string(),
        "..".to_string(),
    ] {
        plan.write("plan.yaml", &format!("{BASE_PLAN}theme: \"{theme}\"\n"));
        let d = one_error(&plan, "outside-plan", "plan.yaml", 12, 8);
        assert!(
            d.hint.as_deref().unwrap_or("").contains("themes/"),
            "{theme}: {d}"
        );
    }
    secret.assert_not_in(plan.path());
}

#[cfg(unix)]
#[test]
fn a_theme_folder_or_theme_file_linked_out_of_themes_is_refused() {
    let secret = Secret::new("theme_links");
    let plan = Plan::new("theme_links");
    symlink(
        path_str(&secret.dir.join("theme")),
        &plan.join("themes/kommune"),
    );
    plan.write("plan.yaml", &format!("{BASE_PLAN}theme: kommune\n"));
    let d = one_error(&plan, "outside-plan", "plan.yaml", 12, 8);
    assert!(d.message.contains("themes/kommune"), "{d}");
    // The built-in name too: the plan's themes/default/ overlays it.
    std::fs::remove_file(plan.join("themes/kommune")).expect("remove link");
    plan.write("plan.yaml", BASE_PLAN);
    symlink(
        path_str(&secret.dir.join("theme/templates/404.html")),
        &plan.join("themes/default/templates/404.html"),
    );
    let (run, json) = plan.check_json(&["--lang", "en"]);
    run.assert_code(1);
    assert_diag(
        &json,
        "outside-plan",
        "themes/default/templates/404.html",
        1,
        1,
    );
    let out = plan.join("output");
    plan.build(&["--lang", "en", "--out", path_str(&out)])
        .assert_code(1);
    secret.assert_not_in(plan.path());
}

#[test]
fn a_theme_template_cannot_publish_the_environment() {
    let plan = Plan::new("theme_env");
    let builtin = std::fs::read_to_string(repo_root().join("themes/default/templates/404.html"))
        .expect("built-in 404 template");
    plan.write(
        "themes/default/templates/404.html",
        &builtin.replace(
            "{% endblock main %}",
            "{{ get_env(name=\"PLANPRESS_TEST_TOKEN\") }}{% endblock main %}",
        ),
    );
    let out = plan.join("output");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_planpress"))
        .args([
            "build",
            path_str(plan.path()),
            "--out",
            path_str(&out),
            "--only",
            "site",
            "--lang",
            "en",
        ])
        .env("PLANPRESS_TEST_TOKEN", SECRET_WORD)
        .output()
        .expect("run planpress");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("template-error") && stderr.contains("environment"),
        "{stderr}"
    );
    assert!(!stderr.contains(SECRET_WORD), "{stderr}");
    // Nothing was published (the new folder holds only planpress's marker).
    assert!(!out.join("site").exists());
    Secret::new("theme_env").assert_not_in(&out);
}

#[test]
fn a_theme_template_that_includes_itself_is_an_error_not_a_stack_overflow() {
    let plan = Plan::new("theme_include_cycle");
    let goal = std::fs::read_to_string(repo_root().join("themes/default/templates/goal.html"))
        .expect("built-in goal template");
    plan.write(
        "themes/default/templates/goal.html",
        &format!("{goal}{{% include \"card.html\" %}}\n"),
    )
    .write(
        "themes/default/templates/card.html",
        "{% if true %}{% include \"goal.html\" %}{% endif %}\n",
    );
    let run = plan.build(&["--lang", "en", "--only", "site"]);
    run.assert_no_panic().assert_code(1);
    assert!(
        run.stderr.contains("template-error") && run.stderr.contains("includes itself"),
        "{}",
        run.stderr
    );
}

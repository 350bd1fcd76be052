//! `planpress serve` through a real HTTP client against the real server on
//! a free port: pages and the PDF, a reload after an edit, the problems on
//! every page until they are fixed, no file outside the site, 127.0.0.1
//! only, a clean stop, and no reload script in a normal build.

mod common;

use common::{BASE_FORORD, Plan, path_str, run};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Long enough for a slow, busy machine; a passing test takes far less.
const DEADLINE: Duration = Duration::from_secs(20);

/// A running `planpress serve`, stopped on drop.
struct Server {
    child: Child,
    port: u16,
    /// The temporary folder it builds into.
    folder: PathBuf,
    log: Arc<Mutex<String>>,
}

impl Server {
    fn start(plan: &Plan) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_planpress"))
            .args(["serve", path_str(plan.path()), "--port", "0"])
            .current_dir(std::env::temp_dir())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start planpress serve");
        let stderr = child.stderr.take().unwrap();
        let log = Arc::new(Mutex::new(String::new()));
        let (tx, rx) = mpsc::channel();
        {
            let log = log.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                    log.lock().unwrap().push_str(&format!("{line}\n"));
                    if line.starts_with("serving the plan at ") {
                        let _ = tx.send(line);
                    }
                }
            });
        }
        let line = rx.recv_timeout(DEADLINE).unwrap_or_else(|_| {
            let _ = child.kill();
            panic!("serve did not start:\n{}", log.lock().unwrap())
        });
        let port = line
            .split("http://127.0.0.1:")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no port in {line:?}"));
        let folder = line
            .split("building into ")
            .nth(1)
            .map(PathBuf::from)
            .unwrap_or_else(|| panic!("no folder in {line:?}"));
        Server {
            child,
            port,
            folder,
            log,
        }
    }

    fn get(&self, path: &str) -> Response {
        get(&format!("127.0.0.1:{}", self.port), path)
    }

    /// Stops the server as Ctrl-C does and waits for it to exit.
    fn interrupt(&mut self) -> Option<i32> {
        let _ = Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status();
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code();
            }
            assert!(start.elapsed() < DEADLINE, "serve did not stop on SIGINT");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Server {
    /// Stops it as Ctrl-C does, so it removes its temporary folder.
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = Command::new("kill")
                .args(["-INT", &self.child.id().to_string()])
                .status();
            let start = Instant::now();
            while let Ok(None) = self.child.try_wait() {
                if start.elapsed() > Duration::from_secs(5) {
                    let _ = self.child.kill();
                    break;
                }
                std::thread::sleep(Duration::from_millis(10));
            }
        }
        let _ = self.child.wait();
    }
}

struct Response {
    status: u16,
    headers: String,
    body: String,
}

/// One HTTP/1.1 GET, sent as written: the path is not cleaned up the way a
/// browser or curl would, so traversal attempts reach the server as is.
fn get(addr: &str, path: &str) -> Response {
    let mut stream = TcpStream::connect(addr).expect("connect to serve");
    stream.set_read_timeout(Some(DEADLINE)).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read the answer");
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status in {head:?}"));
    Response {
        status,
        headers: head.to_string(),
        body: body.to_string(),
    }
}

/// The event stream, as lines received on a channel.
fn events(port: u16) -> mpsc::Receiver<String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        stream,
        "GET /__planpress/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
    )
    .unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                return;
            }
        }
    });
    // The stream is open once its headers have come.
    let start = Instant::now();
    while !rx
        .recv_timeout(DEADLINE)
        .expect("event stream headers")
        .is_empty()
    {
        assert!(start.elapsed() < DEADLINE);
    }
    rx
}

/// Waits for the next `reload` event and returns its data.
#[track_caller]
fn next_reload(events: &mpsc::Receiver<String>) -> serde_json::Value {
    let start = Instant::now();
    let mut reload = false;
    loop {
        let left = DEADLINE.saturating_sub(start.elapsed());
        match events.recv_timeout(left) {
            Ok(line) if line == "event: reload" => reload = true,
            Ok(line) if reload && line.starts_with("data: ") => {
                return serde_json::from_str(&line["data: ".len()..]).expect("JSON data");
            }
            Ok(_) => {}
            Err(_) => panic!("no reload event"),
        }
    }
}

const SCRIPT: &str = "<script src=\"/__planpress/live.js\"></script>";

#[test]
fn an_edit_shows_in_the_served_page_after_a_reload_event() {
    let plan = Plan::new("serve-edit");
    let server = Server::start(&plan);

    let page = server.get("/forord.html");
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.headers.contains("text/html"), "{}", page.headers);
    assert!(page.body.contains("Planen beskriver årets indsats."));
    assert!(page.body.contains(SCRIPT), "the reload script is added");
    let index = server.get("/");
    assert_eq!(index.status, 200);
    assert!(index.body.contains("Testplan 2027"));
    let script = server.get("/__planpress/live.js");
    assert_eq!(script.status, 200);
    assert!(script.body.contains("EventSource(\"/__planpress/events\")"));

    let events = events(server.port);
    plan.write(
        "content/01-forord.md",
        &BASE_FORORD.replace("årets indsats", "næste års indsats"),
    );
    next_reload(&events);
    let page = server.get("/forord.html");
    assert!(page.body.contains("næste års indsats"), "{}", page.body);

    // The PDF is served at its usual link, once made.
    let pdf = server.get("/testplan-2027.pdf");
    assert_eq!(pdf.status, 200, "{}", pdf.body);
    assert!(pdf.headers.contains("application/pdf"));
    assert!(pdf.body.starts_with("%PDF-"));
    // Built in a temporary folder, never in the plan's own output/.
    assert!(server.folder.join("forord.html").is_file());
    assert!(!plan.join("output").exists());
}

#[test]
fn a_new_title_reloads_its_page_first_and_then_the_others() {
    let plan = Plan::new("serve-title");
    for (n, name) in [(3, "tre"), (4, "fire"), (5, "fem")] {
        plan.write(
            &format!("content/0{n}-{name}.md"),
            &format!("---\ntitle: Afsnit {name}\norder: {n}\n---\nTekst.\n"),
        );
    }
    let server = Server::start(&plan);
    let events = events(server.port);
    plan.write(
        "content/02-unge.md",
        &common::BASE_UNGE.replace("title: Unge", "title: De unge"),
    );
    // The pages that show the title besides the navigation come first…
    let first = next_reload(&events);
    let pages: Vec<&str> = first["pages"]
        .as_array()
        .unwrap_or_else(|| panic!("{first}"))
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    for page in ["unge.html", "forord.html", "tre.html"] {
        assert!(pages.contains(&page), "{page} in {pages:?}");
    }
    assert!(!pages.contains(&"fem.html"), "{pages:?}");
    assert!(server.get("/unge.html").body.contains("De unge"));
    // …then the rest, which have only the navigation to change.
    let rest = next_reload(&events);
    assert_eq!(rest["except"], first["pages"], "{rest}");
    assert!(server.get("/fem.html").body.contains("De unge"));
    assert!(server.get("/index.html").body.contains("De unge"));
    let script = server.get("/__planpress/live.js").body;
    assert!(script.contains("what.pages") && script.contains("what.except"));
}

/// Open pages in a real browser reload by themselves: the one whose title
/// changed, and the others once their navigation is new.
#[test]
fn open_browser_pages_reload_by_themselves() {
    let script = common::repo_root().join("tests/js/live-reload.mjs");
    assert!(
        common::repo_root()
            .join("tests/js/node_modules/playwright-core")
            .is_dir(),
        "the browser checks are not installed: run scripts/install-test-tools.sh"
    );
    let plan = Plan::new("serve-browser");
    let server = Server::start(&plan);
    let mut node = Command::new("node")
        .arg(&script)
        .arg(format!("http://127.0.0.1:{}", server.port))
        .args(["unge.html", "forord.html"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("node runs (run scripts/install-test-tools.sh)");
    let (tx, rx) = mpsc::channel();
    let stdout = node.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let next = || -> serde_json::Value {
        let line = rx
            .recv_timeout(Duration::from_secs(60))
            .expect("the browser answers");
        serde_json::from_str(&line).unwrap_or_else(|_| panic!("{line}"))
    };
    assert_eq!(next()["ready"], true);
    plan.write(
        "content/02-unge.md",
        &common::BASE_UNGE.replace("title: Unge", "title: Nye unge"),
    );
    let mut reloaded = std::collections::BTreeMap::new();
    while reloaded.len() < 2 {
        let r = next();
        reloaded.insert(r["page"].as_str().unwrap().to_string(), r["h1"].clone());
    }
    assert_eq!(reloaded["unge.html"], "Nye unge");
    assert_eq!(reloaded["forord.html"], "Forord");
    drop(node.stdin.take());
    let _ = node.wait();
}

#[test]
fn a_plan_error_shows_on_every_page_until_it_is_fixed() {
    let plan = Plan::new("serve-error");
    let server = Server::start(&plan);
    let events = events(server.port);

    // Line 3 of 02-unge.md gets a misspelt field.
    let unge = common::BASE_UNGE.replace("order: 2", "ordr: 2");
    plan.write("content/02-unge.md", &unge);
    next_reload(&events);
    for path in ["/", "/forord.html", "/unge.html", "/goals.html"] {
        let page = server.get(path);
        assert_eq!(page.status, 200, "{path}");
        let body = &page.body;
        assert!(body.contains("id=\"planpress-problems\""), "{path}: {body}");
        assert!(body.contains("Planen har 1 fejl"), "{path}");
        assert!(
            body.contains("content/02-unge.md, linje 3, kolonne 1"),
            "{path}"
        );
        assert!(body.contains("ukendt felt `ordr`"), "{path}");
        assert!(body.contains("mente du `order`?"), "{path}: the hint");
        assert!(body.contains("3 | ordr: 2"), "{path}: the source line");
    }
    // The last good site stays reachable under the panel, which says so.
    let page = server.get("/forord.html");
    assert!(page.body.contains("Planen beskriver årets indsats."));
    assert!(page.body.contains("seneste udgave uden fejl"));

    // Fixing it brings the page back by itself, with the fix in it.
    plan.write(
        "content/02-unge.md",
        &common::BASE_UNGE.replace("## Mål", "## Målene"),
    );
    next_reload(&events);
    let page = server.get("/unge.html");
    assert!(!page.body.contains("planpress-problems"), "{}", page.body);
    assert!(page.body.contains("Målene"));
}

#[test]
fn a_plan_that_never_built_shows_its_problems_then_its_site() {
    let plan = Plan::new("serve-never-built");
    plan.write(
        "plan.yaml",
        &common::BASE_PLAN.replace("period: 2027", "period: tyve"),
    );
    let server = Server::start(&plan);
    let page = server.get("/index.html");
    assert!(page.body.contains("planpress-problems"), "{}", page.body);
    assert!(
        page.body.contains("plan.yaml, linje 3, kolonne 9"),
        "{}",
        page.body
    );
    assert!(
        !page.body.contains("seneste udgave uden fejl"),
        "there is no page below"
    );
    assert!(page.body.contains(SCRIPT), "the problems page reloads too");

    let events = events(server.port);
    plan.write("plan.yaml", common::BASE_PLAN);
    next_reload(&events);
    let page = server.get("/index.html");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Testplan 2027"));
    assert!(!page.body.contains("planpress-problems"));
}

#[test]
fn only_files_of_the_built_site_are_served() {
    let plan = Plan::new("serve-traversal");
    let server = Server::start(&plan);
    assert_eq!(server.get("/forord.html").status, 200);
    for path in [
        "/../../etc/passwd",
        "/../../../../../../etc/passwd",
        "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E%2F%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
        "/..%2f..%2f..%2fetc%2fpasswd",
        "/..%5c..%5cetc%5cpasswd",
        "/%252e%252e/%252e%252e/etc/passwd",
        "/assets/../../plan.yaml",
        "/plan.yaml",
        "/content/01-forord.md",
        "/__planpress/../../etc/passwd",
        "//etc/passwd",
    ] {
        let r = server.get(path);
        assert_eq!(r.status, 404, "{path}: {}", r.body);
        assert!(!r.body.contains("root:"), "{path}");
        assert!(!r.body.contains("Testby Kommune\nperiod"), "{path}");
    }
}

#[test]
fn the_server_listens_on_127_0_0_1_only_and_stops_cleanly() {
    let plan = Plan::new("serve-loopback");
    let mut server = Server::start(&plan);
    assert_eq!(server.get("/").status, 200);
    // Another address of this machine (the loopback range holds 127.0.0.2,
    // and ::1) must not reach it.
    for other in [
        format!("127.0.0.2:{}", server.port),
        format!("[::1]:{}", server.port),
    ] {
        let addr: std::net::SocketAddr = other.parse().unwrap();
        assert!(
            TcpStream::connect_timeout(&addr, Duration::from_secs(2)).is_err(),
            "{other} reached the server"
        );
    }
    let folder = server.folder.parent().unwrap().to_path_buf();
    assert!(folder.is_dir());
    let code = server.interrupt();
    assert_eq!(code, Some(0), "{}", server.log.lock().unwrap());
    assert!(!folder.exists(), "the temporary folder is removed");
}

#[test]
fn a_busy_port_is_a_clear_error() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let plan = Plan::new("serve-busy");
    let r = run(&["serve", path_str(plan.path()), "--port", &port]);
    r.assert_code(2);
    assert!(
        r.stderr.contains(&format!(
            "port {port} på 127.0.0.1 bruges af et andet program"
        )),
        "{}",
        r.stderr
    );
}

#[test]
fn a_normal_build_carries_no_reload_script() {
    let plan = Plan::new("serve-build");
    plan.build(&[]).assert_code(0);
    let site = plan.join("output/site");
    let mut pages = 0;
    for entry in std::fs::read_dir(&site).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|x| x == "html" || x == "js") {
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(!text.contains("__planpress"), "{}", path.display());
            assert!(!text.contains("EventSource"), "{}", path.display());
            pages += 1;
        }
    }
    assert!(pages >= 5, "the site's pages were looked at");
}

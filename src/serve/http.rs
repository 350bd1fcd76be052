//! Answering the browser: files of the built site (and nothing else), the
//! reload script and its event stream, and the problems panel on every page
//! while the plan has problems.

use super::Shared;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;
use tiny_http::{Header, Method, Request, Response, StatusCode};

/// Paths under this prefix belong to `serve`, not to the site.
const PREFIX: &str = "/__planpress/";
/// The reload script, added to every page served (never to a build).
const SCRIPT: &str = include_str!("live.js");
const SCRIPT_TAG: &str = "<script src=\"/__planpress/live.js\"></script>";
/// At most this many pages listen for reloads at once; more get a 503.
const MAX_LISTENERS: usize = 64;
/// How long a request for the PDF waits for one being made.
const PDF_WAIT: Duration = Duration::from_secs(120);

pub(super) fn handle(request: Request, shared: &Shared) {
    if !matches!(request.method(), Method::Get | Method::Head) {
        let _ = request.respond(plain(405, "only GET and HEAD"));
        return;
    }
    let path = request
        .url()
        .split(['?', '#'])
        .next()
        .unwrap_or("/")
        .to_string();
    match path.strip_prefix(PREFIX) {
        Some("live.js") => {
            let _ = request.respond(bytes(200, SCRIPT.as_bytes().to_vec(), "text/javascript"));
        }
        Some("events") => events(request, shared),
        Some(_) => {
            let _ = request.respond(plain(404, "not found"));
        }
        None => {
            let response = site_file(shared, &path);
            let _ = request.respond(response);
        }
    }
}

/// A file of the site, with the reload script and any problems added to
/// pages; the PDF waits for one being made.
fn site_file(shared: &Shared, url_path: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    // The PDF may not be made yet, or be out of date: wait for it first.
    if url_path.to_ascii_lowercase().ends_with(".pdf") {
        shared.wait_for_pdf(PDF_WAIT);
    }
    let shown = shared.shown();
    let Some(file) = resolve(&shared.site, url_path) else {
        if let Some(page) = shown.no_site_page() {
            return bytes(503, decorate(page.into_bytes(), None), HTML);
        }
        // The site's own 404 page, as the published site would show it.
        return match resolve(&shared.site, "/404.html").and_then(|f| std::fs::read(f).ok()) {
            Some(page) => bytes(404, decorate(page, shown.panel.as_deref()), HTML),
            None => plain(404, "not found"),
        };
    };
    match std::fs::read(&file) {
        Ok(body) => {
            let kind = content_type(&file);
            if kind == HTML {
                bytes(200, decorate(body, shown.panel.as_deref()), HTML)
            } else {
                bytes(200, body, kind)
            }
        }
        Err(_) => plain(404, "not found"),
    }
}

/// A page as served: the problems panel first in `<body>`, the reload
/// script last.
fn decorate(page: Vec<u8>, panel: Option<&str>) -> Vec<u8> {
    let mut html = String::from_utf8(page)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    match html.rfind("</body>") {
        Some(at) => html.insert_str(at, SCRIPT_TAG),
        None => html.push_str(SCRIPT_TAG),
    }
    if let Some(panel) = panel {
        let at = html
            .find("<body")
            .and_then(|i| html[i..].find('>').map(|j| i + j + 1))
            .unwrap_or(0);
        html.insert_str(at, panel);
    }
    html.into_bytes()
}

/// The file of the site folder that `url_path` names, or `None`: a path
/// that climbs out (`..`, also percent-encoded), names a hidden file, or
/// leads out of the folder through a symbolic link, names nothing.
pub(super) fn resolve(site: &Path, url_path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(url_path)?;
    let mut rel = PathBuf::new();
    for part in decoded.split('/') {
        match part {
            "" | "." => {}
            _ if part.starts_with('.') || part.contains(['\\', '\0', ':']) => return None,
            _ => rel.push(part),
        }
    }
    let mut path = site.join(rel);
    if path.is_dir() {
        path.push("index.html");
    }
    let real = path.canonicalize().ok()?;
    let root = site.canonicalize().ok()?;
    (real.starts_with(&root) && real.is_file()).then_some(real)
}

/// `%2e%2E/x%20y` → `../x y`; `None` for a broken escape or text that is
/// not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// A server-sent event stream: a `reload` event after each rebuild (its
/// data says which pages, as JSON), and a comment now and then so a closed
/// page is noticed.
fn events(request: Request, shared: &Shared) {
    let (tx, rx) = mpsc::channel::<String>();
    if !shared.listen(tx, MAX_LISTENERS) {
        let _ = request.respond(plain(503, "too many pages are listening"));
        return;
    }
    // Each listening page holds a thread; the stream ends when the page
    // closes (a write fails) or the server stops.
    std::thread::spawn(move || {
        let mut out = request.into_writer();
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\nretry: 500\n\n";
        if out
            .write_all(head.as_bytes())
            .and_then(|()| out.flush())
            .is_err()
        {
            return;
        }
        loop {
            let chunk = match rx.recv_timeout(Duration::from_secs(15)) {
                Ok(data) => format!("event: reload\ndata: {data}\n\n"),
                Err(mpsc::RecvTimeoutError::Timeout) => ": still here\n\n".to_string(),
                Err(mpsc::RecvTimeoutError::Disconnected) => return,
            };
            if out
                .write_all(chunk.as_bytes())
                .and_then(|()| out.flush())
                .is_err()
            {
                return;
            }
        }
    });
}

const HTML: &str = "text/html; charset=utf-8";

fn content_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => HTML,
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "csv" => "text/csv; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

fn bytes(status: u16, body: Vec<u8>, kind: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    let header = |name: &str, value: &str| {
        Header::from_bytes(name.as_bytes(), value.as_bytes())
            .unwrap_or_else(|()| unreachable!("header names and values here are plain ASCII"))
    };
    let length = body.len();
    Response::from_data(body)
        // The whole body is at hand: say its length rather than send it
        // in chunks (tiny_http chunks anything over 32 KB by default).
        .with_chunked_threshold(length.saturating_add(1))
        .with_status_code(StatusCode(status))
        .with_header(header("Content-Type", kind))
        // Pages change under the author's hands: never keep an old one.
        .with_header(header("Cache-Control", "no-store"))
        .with_header(header("X-Content-Type-Options", "nosniff"))
}

fn plain(status: u16, text: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    bytes(
        status,
        text.as_bytes().to_vec(),
        "text/plain; charset=utf-8",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_files_inside_the_site_are_found() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        std::fs::create_dir_all(site.join("assets")).unwrap();
        std::fs::write(site.join("index.html"), "i").unwrap();
        std::fs::write(site.join("assets/a b.png"), "p").unwrap();
        std::fs::write(site.join(".hidden"), "h").unwrap();
        std::fs::write(dir.path().join("secret.txt"), "s").unwrap();
        let found = |p: &str| resolve(&site, p).map(|f| std::fs::read_to_string(f).unwrap());
        assert_eq!(found("/").as_deref(), Some("i"));
        assert_eq!(found("/index.html").as_deref(), Some("i"));
        assert_eq!(found("/assets/a%20b.png").as_deref(), Some("p"));
        assert_eq!(found("/assets/").as_deref(), None);
        for bad in [
            "/../secret.txt",
            "/%2e%2e/secret.txt",
            "/%2E%2E%2Fsecret.txt",
            "/assets/..%2f..%2fsecret.txt",
            "/..%5csecret.txt",
            "/.hidden",
            "/%zz",
            "/%c0%ae%c0%ae/secret.txt",
            "/../../etc/passwd",
        ] {
            assert_eq!(found(bad), None, "{bad}");
        }
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("secret.txt"), site.join("link.txt"))
                .unwrap();
            std::os::unix::fs::symlink(dir.path(), site.join("up")).unwrap();
            assert_eq!(found("/link.txt"), None);
            assert_eq!(found("/up/secret.txt"), None);
        }
    }

    #[test]
    fn pages_get_the_script_and_the_panel() {
        let page = decorate(
            b"<html><body class=\"x\"><p>Hi</p></body></html>".to_vec(),
            Some("<b>P</b>"),
        );
        assert_eq!(
            String::from_utf8(page).unwrap(),
            format!("<html><body class=\"x\"><b>P</b><p>Hi</p>{SCRIPT_TAG}</body></html>")
        );
    }
}

//! `planpress serve`: the site of a plan on 127.0.0.1, rebuilt and reloaded
//! in the browser as the author saves.
//!
//! The site is built into a temporary folder (never the plan's `output/`),
//! which is removed when serving stops. A [`LiveSite`] keeps it up to date
//! on each batch of changes the watcher passes on; the pages being viewed
//! are told to reload over a server-sent event stream. While the plan has
//! errors the folder keeps the last good site, and every page shows the
//! problems above it. The PDF is made on a thread of its own once the plan
//! has been quiet for a moment, or at once when someone asks for it.

mod http;
mod pdf;
mod problems;
mod watch;

pub use problems::{page as problems_page, panel as problems_panel};

use crate::diagnostic::Fatal;
use crate::diagnostic::{self, Diagnostic};
use crate::live::{LiveSite, Update};
use crate::model::Language;
use crate::{BuildError, LoadError};
use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};
use thiserror::Error;

/// The port tried first when none is given.
pub const DEFAULT_PORT: u16 = 8000;
/// How many ports after the default are tried when it is taken.
const PORTS_TRIED: u16 = 20;
/// How long the plan must be quiet before the PDF is made again.
const PDF_QUIET: Duration = Duration::from_millis(1500);
/// Threads answering requests (event streams have threads of their own).
const WORKERS: usize = 4;

pub struct ServeOptions {
    pub dir: PathBuf,
    /// `None`: [`DEFAULT_PORT`] or the next free one; `Some(0)`: any free
    /// port; `Some(n)`: port `n` or an error.
    pub port: Option<u16>,
    /// Open the site in the default browser.
    pub open: bool,
    /// How the PDF is made (tagging, its date).
    pub render: crate::render::Options,
}

#[derive(Debug, Error)]
pub enum ServeError {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error("{}", english(&Fatal::PortBusy { port: *_0 }))]
    PortBusy(u16),
    #[error("{}", english(&Fatal::NoFreePort { first: *_0, last: *_1 }))]
    NoFreePort(u16, u16),
    #[error("cannot listen on 127.0.0.1:{port}: {source}")]
    Listen { port: u16, source: std::io::Error },
    #[error("cannot make a temporary folder for the site: {0}")]
    TempDir(std::io::Error),
    #[error("cannot watch the plan folder for changes: {0}")]
    Watch(String),
    #[error("cannot catch Ctrl-C to stop cleanly: {0}")]
    CtrlC(String),
    #[error(transparent)]
    Build(#[from] BuildError),
}

fn english(fatal: &Fatal) -> String {
    fatal.text(Language::En)
}

impl ServeError {
    /// What to tell the author, in any language.
    pub fn fatal(&self) -> Fatal {
        match self {
            ServeError::Load(e) => e.fatal(),
            ServeError::PortBusy(port) => Fatal::PortBusy { port: *port },
            ServeError::NoFreePort(first, last) => Fatal::NoFreePort {
                first: *first,
                last: *last,
            },
            ServeError::Build(e) => e.fatal(),
            other => Fatal::CannotServe {
                detail: other.to_string(),
            },
        }
    }
}

/// What `serve` tells the author as it goes; the CLI prints each one.
pub enum Event {
    /// Serving has started.
    Serving {
        url: String,
        /// The temporary folder the site is built in.
        folder: PathBuf,
        /// The default port, when it was taken and the next free one used.
        instead_of: Option<u16>,
    },
    /// A rebuild, with the problems (rendered as in the terminal) if any.
    Rebuilt {
        /// The first build, when serving starts.
        first: bool,
        built: bool,
        files: usize,
        took: Duration,
        errors: usize,
        warnings: usize,
        report: String,
    },
    /// The PDF was made again, or could not be.
    Pdf {
        took: Duration,
        error: Option<String>,
    },
    /// Something went wrong that serving survives (a write failed, the
    /// watcher lost track); the text says what.
    Trouble(String),
    Stopped,
}

impl std::fmt::Display for Event {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let ms = |d: &Duration| d.as_millis();
        match self {
            Event::Serving {
                url,
                folder,
                instead_of,
            } => {
                if let Some(port) = instead_of {
                    writeln!(
                        f,
                        "port {port} is in use, so planpress took the next free one"
                    )?;
                }
                write!(
                    f,
                    "serving the plan at {url} (only on this computer); building into {}\nsave a file and the pages reload; press Ctrl-C to stop",
                    folder.display()
                )
            }
            Event::Rebuilt {
                first,
                built,
                files,
                took,
                errors,
                warnings,
                report,
            } => {
                f.write_str(report)?;
                if *errors > 0 || *warnings > 0 {
                    writeln!(
                        f,
                        "{} and {} found",
                        plural(*errors, "error"),
                        plural(*warnings, "warning")
                    )?;
                }
                if *built {
                    let done = if *first { "built" } else { "rebuilt" };
                    write!(f, "{done} {} in {} ms", plural(*files, "file"), ms(took))
                } else {
                    write!(
                        f,
                        "the pages show the last good version and the problems above it ({} ms)",
                        ms(took)
                    )
                }
            }
            Event::Pdf { took, error: None } => write!(f, "made the PDF in {} ms", ms(took)),
            Event::Pdf { error: Some(e), .. } => write!(f, "cannot make the PDF: {e}"),
            Event::Trouble(text) => write!(f, "{text}"),
            Event::Stopped => write!(f, "stopped; the temporary folder is removed"),
        }
    }
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// What every page shows besides the site's own files.
#[derive(Default)]
struct Shown {
    /// The problems panel, while the plan has problems.
    panel: Option<String>,
    /// Set while no build has succeeded: the page shown for every path.
    no_site: Option<String>,
}

impl Shown {
    fn no_site_page(&self) -> Option<String> {
        self.no_site.clone()
    }
}

/// What the request threads, the PDF thread and the main loop share.
pub(crate) struct Shared {
    site: PathBuf,
    shown: Mutex<Arc<Shown>>,
    listeners: Mutex<Vec<Sender<String>>>,
    pdf: Mutex<pdf::Pdf>,
    pdf_changed: Condvar,
    render: crate::render::Options,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A thread that panicked holding the lock left plain data behind.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Shared {
    fn shown(&self) -> Arc<Shown> {
        lock(&self.shown).clone()
    }

    /// Adds a page listening for reloads, unless `max` already are.
    fn listen(&self, tx: Sender<String>, max: usize) -> bool {
        let mut listeners = lock(&self.listeners);
        if listeners.len() >= max {
            return false;
        }
        listeners.push(tx);
        true
    }

    /// Tells the listening pages to reload: those named in `only`, those
    /// not named in `except`, or (with neither) all of them.
    fn reload(&self, generation: u64, only: Option<&[String]>, except: Option<&[String]>) {
        let data = serde_json::json!({
            "generation": generation,
            "pages": only,
            "except": except,
        })
        .to_string();
        lock(&self.listeners).retain(|l| l.send(data.clone()).is_ok());
    }

    /// Waits (up to `limit`) until the PDF shows the newest good plan.
    fn wait_for_pdf(&self, limit: Duration) {
        let deadline = Instant::now() + limit;
        let mut pdf = lock(&self.pdf);
        pdf.waiting += 1;
        self.pdf_changed.notify_all();
        while pdf.done < pdf.wanted && !pdf.stop {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            pdf = self
                .pdf_changed
                .wait_timeout(pdf, left)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
        pdf.waiting -= 1;
    }
}

/// Messages to the main loop.
enum Message {
    Changed(watch::Change),
    Stop,
}

/// Serves the plan in `options.dir` until Ctrl-C, reporting to `report`.
pub fn run(
    options: &ServeOptions,
    report: Arc<dyn Fn(&Event) + Send + Sync>,
) -> Result<(), ServeError> {
    if !options.dir.join("plan.yaml").is_file() {
        return Err(LoadError::NoPlan(options.dir.clone()).into());
    }
    let root = options
        .dir
        .canonicalize()
        .map_err(|source| LoadError::Unreadable {
            path: options.dir.clone(),
            source,
        })?;
    let (listener, instead_of) = bind(options.port)?;
    let port = listener.local_addr().map_or(0, |a| a.port());
    let temp = tempfile::Builder::new()
        .prefix("planpress-serve-")
        .tempdir()
        .map_err(ServeError::TempDir)?;
    let site = temp.path().join("site");
    std::fs::create_dir_all(&site).map_err(ServeError::TempDir)?;

    let (live, first) = LiveSite::open(&root, &site)?;
    let shared = Arc::new(Shared {
        site: site.clone(),
        shown: Mutex::new(Arc::default()),
        listeners: Mutex::new(Vec::new()),
        pdf: Mutex::new(pdf::Pdf {
            pending: None,
            // The first PDF is made at once.
            changed: Instant::now() - PDF_QUIET,
            done: 0,
            wanted: 0,
            waiting: 0,
            stop: false,
        }),
        pdf_changed: Condvar::new(),
        render: options.render.clone(),
    });
    let mut state = Loop {
        live,
        shared: shared.clone(),
        report: report.clone(),
        generation: 0,
        ever_built: false,
    };
    state.after(first);

    let server = Arc::new(
        tiny_http::Server::from_listener(listener, None).map_err(|e| ServeError::Listen {
            port,
            source: std::io::Error::other(e.to_string()),
        })?,
    );
    for _ in 0..WORKERS {
        let server = server.clone();
        let shared = shared.clone();
        std::thread::spawn(move || {
            loop {
                match server.recv() {
                    Ok(request) => http::handle(request, &shared),
                    // Unblocked to stop, or a connection that failed.
                    Err(_) => continue,
                }
            }
        });
    }
    {
        let shared = shared.clone();
        let report = report.clone();
        std::thread::spawn(move || pdf::make_pdfs(&shared, &*report));
    }

    let (tx, rx) = mpsc::channel();
    let stop = tx.clone();
    ctrlc::set_handler(move || {
        let _ = stop.send(Message::Stop);
    })
    .map_err(|e| ServeError::CtrlC(e.to_string()))?;
    let changes = tx.clone();
    let mut watch = watch::Watch::start(&root, move |c| {
        let _ = changes.send(Message::Changed(c));
    })
    .map_err(|e| ServeError::Watch(e.to_string()))?;

    let url = format!("http://127.0.0.1:{port}/");
    report(&Event::Serving {
        url: url.clone(),
        folder: site.clone(),
        instead_of,
    });
    if options.open {
        open_browser(&url, &*report);
    }

    while let Ok(message) = rx.recv() {
        let mut files = Vec::new();
        let mut lost = None;
        let mut stop = false;
        // Everything that arrived meanwhile goes into one rebuild.
        for message in std::iter::once(message).chain(rx.try_iter()) {
            match message {
                Message::Stop => stop = true,
                Message::Changed(watch::Change::Files(f)) => files.extend(f),
                Message::Changed(watch::Change::Lost(why)) => lost = Some(why),
            }
        }
        if stop {
            break;
        }
        watch.refresh();
        if let Some(why) = lost {
            report(&Event::Trouble(format!(
                "the watcher lost track ({why}); reading the whole plan again"
            )));
            match LiveSite::open(&root, &site) {
                Ok((live, update)) => {
                    state.live = live;
                    state.after_partly(update, None);
                }
                Err(e) => report(&Event::Trouble(e.to_string())),
            }
        } else {
            files.sort();
            files.dedup();
            // A change of titles writes the pages rendered anew first: the
            // pages showing them reload at once, the rest when all is done.
            let mut first = None;
            let (shared, generation) = (state.shared.clone(), state.generation + 1);
            let result = state.live.update_with(&files, &mut |pages| {
                shared.reload(generation, Some(pages), None);
                first = Some(pages.to_vec());
            });
            match result {
                Ok(update) => state.after_partly(update, first),
                Err(e) => report(&Event::Trouble(format!(
                    "{e}; the pages show the last good version"
                ))),
            }
        }
    }

    // Stop the PDF thread from writing into the folder about to go.
    lock(&shared.pdf).stop = true;
    shared.pdf_changed.notify_all();
    for _ in 0..WORKERS {
        server.unblock();
    }
    drop(watch);
    drop(temp);
    report(&Event::Stopped);
    Ok(())
}

/// The main loop's own state.
struct Loop {
    live: LiveSite,
    shared: Arc<Shared>,
    report: Arc<dyn Fn(&Event) + Send + Sync>,
    generation: u64,
    ever_built: bool,
}

impl Loop {
    /// Shows what an update did: the panel, a reload, the PDF to make.
    fn after(&mut self, update: Update) {
        self.after_partly(update, None);
    }

    /// [`Loop::after`] for an update whose pages `reloaded` were told to
    /// reload already.
    fn after_partly(&mut self, update: Update, reloaded: Option<Vec<String>>) {
        let language = self.live.language();
        let panel = problems::panel(&update.diagnostics, self.live.sources(), language);
        self.ever_built |= update.built;
        let errors = !update.built;
        let shown = Shown {
            no_site: (!self.ever_built)
                .then(|| problems::page(panel.as_deref().unwrap_or(""), language)),
            panel: panel.map(|p| problems::over_page(&p, errors, language)),
        };
        // A panel that changed shows on every page, so all of them reload.
        let same_panel = {
            let before = lock(&self.shared.shown);
            before.panel == shown.panel && before.no_site == shown.no_site
        };
        let reloaded = reloaded.filter(|_| same_panel);
        *lock(&self.shared.shown) = Arc::new(shown);
        self.generation += 1;
        if update.built
            && let Some((plan, theme, followup)) = self.live.shown()
        {
            let mut pdf = lock(&self.shared.pdf);
            pdf.pending = Some((self.generation, plan, theme, followup));
            pdf.wanted = self.generation;
            if self.generation > 1 {
                pdf.changed = Instant::now();
            }
            self.shared.pdf_changed.notify_all();
        }
        self.shared
            .reload(self.generation, None, reloaded.as_deref());
        let (errors, warnings) = diagnostic::count(&update.diagnostics);
        (self.report)(&Event::Rebuilt {
            first: self.generation == 1,
            built: update.built,
            files: update.written,
            took: update.took,
            errors,
            warnings,
            report: terminal_report(&update.diagnostics, self.live.sources(), language),
        });
    }
}

fn terminal_report(
    diagnostics: &[Diagnostic],
    sources: &diagnostic::Sources,
    language: Language,
) -> String {
    diagnostic::render_human(diagnostics, sources, language, false)
}

/// Listens on 127.0.0.1 only: the site is for the author's own browser.
fn bind(port: Option<u16>) -> Result<(TcpListener, Option<u16>), ServeError> {
    let listen = |port: u16| TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, port)));
    match port {
        Some(port) => match listen(port) {
            Ok(l) => Ok((l, None)),
            Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => Err(ServeError::PortBusy(port)),
            Err(source) => Err(ServeError::Listen { port, source }),
        },
        None => {
            let last = DEFAULT_PORT + PORTS_TRIED;
            for port in DEFAULT_PORT..=last {
                match listen(port) {
                    Ok(l) => return Ok((l, (port != DEFAULT_PORT).then_some(DEFAULT_PORT))),
                    Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => continue,
                    Err(source) => return Err(ServeError::Listen { port, source }),
                }
            }
            Err(ServeError::NoFreePort(DEFAULT_PORT, last))
        }
    }
}

/// Opens `url` in the default browser, saying so if that fails.
fn open_browser(url: &str, report: &(dyn Fn(&Event) + Sync)) {
    let mut command = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    let spawned = command
        .arg(url)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if spawned.is_err() {
        report(&Event::Trouble(format!(
            "cannot open a browser; open {url} yourself"
        )));
    }
}

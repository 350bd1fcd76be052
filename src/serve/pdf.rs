//! The PDF of a served plan, made on a thread of its own once the plan has
//! been quiet for a moment (so a burst of edits does not start one PDF
//! after another), or at once when a request waits for it.

use super::{Event, PDF_QUIET, Shared, lock};
use crate::followup::Followup;
use crate::live::write_atomic;
use crate::model::Plan;
use crate::render::{Clock, RenderContext, RenderError, Renderer};
use crate::theme::Theme;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A plan to make PDFs of: its generation, theme and follow-up documents.
pub(super) type Pending = (u64, Arc<Plan>, Arc<Theme>, Arc<Followup>);

/// The PDF's progress, shared with the thread that makes it.
pub(super) struct Pdf {
    /// The plan the PDFs are to show next, with its generation, theme and
    /// follow-up documents.
    pub(super) pending: Option<Pending>,
    /// When the site last changed.
    pub(super) changed: Instant,
    /// The generation the PDF in the site folder shows, and the newest.
    pub(super) done: u64,
    pub(super) wanted: u64,
    /// Requests waiting for it: it is made at once for them.
    pub(super) waiting: usize,
    pub(super) stop: bool,
}

/// The PDF thread: makes the PDF whenever the plan has been quiet long
/// enough, or someone waits for it.
pub(super) fn make_pdfs(shared: &Shared, report: &(dyn Fn(&Event) + Sync)) {
    lower_priority();
    // The PDF's parallel work (glyphs, krilla's compression) runs on a pool
    // of its own, started from here and so at this thread's priority: on
    // rayon's global pool it ran at full priority, and the site's pages,
    // which are tasks there, waited behind it.
    let pool = rayon::ThreadPoolBuilder::new()
        .thread_name(|i| format!("planpress-pdf-{i}"))
        .build()
        .ok();
    loop {
        let (generation, plan, theme, followup) = {
            let mut pdf = lock(&shared.pdf);
            loop {
                if pdf.stop {
                    return;
                }
                let quiet = pdf.changed.elapsed();
                if pdf.pending.is_some() && (pdf.waiting > 0 || quiet >= PDF_QUIET) {
                    break;
                }
                let wait = if pdf.pending.is_some() {
                    PDF_QUIET - quiet
                } else {
                    Duration::from_secs(3600)
                };
                pdf = shared
                    .pdf_changed
                    .wait_timeout(pdf, wait)
                    .unwrap_or_else(|e| e.into_inner())
                    .0;
            }
            match pdf.pending.take() {
                Some(job) => job,
                None => continue,
            }
        };
        let started = Instant::now();
        // Made in memory and written only after the stop check below, so a
        // PDF finished during Ctrl-C cannot bring the removed folder back.
        let made: Mutex<Vec<(String, Vec<u8>)>> = Mutex::new(Vec::new());
        let write = |rel: &str, bytes: &[u8]| {
            lock(&made).push((rel.to_string(), bytes.to_vec()));
            Ok(())
        };
        let ctx = RenderContext {
            plan: &plan,
            followup: &followup,
            theme: &theme,
            options: &shared.render,
            clock: &Clock::new(false),
            write: &write,
        };
        // The plan's PDF, then the status report's and the changes'.
        let renderers: [&(dyn Renderer + Sync); 3] = [
            &crate::render::pdf::Pdf,
            &crate::render::pdf::StatusPdf,
            &crate::render::pdf::ChangesPdf,
        ];
        let make = || renderers.iter().try_for_each(|r| r.render(&ctx).map(drop));
        let result = match &pool {
            Some(pool) => pool.install(make),
            None => make(),
        };
        let mut pdf = lock(&shared.pdf);
        if pdf.stop {
            return;
        }
        let error = match result {
            Ok(_) => made
                .into_inner()
                .unwrap_or_else(|e| e.into_inner())
                .into_iter()
                .find_map(|(rel, bytes)| write_atomic(&shared.site.join(rel), &bytes).err())
                .map(|e| e.to_string()),
            Err(e @ (RenderError::Write { .. } | RenderError::Read { .. })) => Some(e.to_string()),
            Err(RenderError::Problems(diags)) => Some(
                diags
                    .iter()
                    .map(|d| d.message.text(plan.meta.language))
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
        };
        pdf.done = generation;
        drop(pdf);
        shared.pdf_changed.notify_all();
        report(&Event::Pdf {
            took: started.elapsed(),
            error,
        });
    }
}

/// Lets the calling thread (and the threads it starts) give way to the
/// rebuilds an author waits for: on Linux the nice value is per thread.
fn lower_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority takes plain integers and changes only the
    // scheduling priority of the calling thread.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, 0, 10);
    }
}

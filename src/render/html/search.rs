//! The client-side search index and the sitemap.

use super::blocks::escape;
use crate::model::{Plan, Section};
use serde::Serialize;
use std::collections::HashMap;

/// The search index as a script that sets `window.PLANPRESS_SEARCH`, so
/// search works from `file://` too (where `fetch` of a JSON file is refused).
/// `entries` holds each section's entries as JSON by slug; those missing are
/// made and kept there.
pub(super) fn search_index(plan: &Plan, entries: &mut HashMap<String, String>) -> String {
    let sections = plan.all_sections();
    let mut out = String::from("window.PLANPRESS_SEARCH = [");
    let mut first = true;
    for s in sections {
        let json = entries
            .entry(s.slug.clone())
            .or_insert_with(|| section_entries(s));
        if json.is_empty() {
            continue;
        }
        if !first {
            out.push(',');
        }
        first = false;
        out.push_str(json);
    }
    out.push_str("];\n");
    out
}

/// A section's entries in the search index (the section and each of its
/// goals), as JSON objects separated by commas.
fn section_entries(s: &Section) -> String {
    #[derive(Serialize)]
    struct Entry<'a> {
        /// Title.
        t: &'a str,
        /// URL.
        u: String,
        /// Kind: `s` section, `g` goal.
        k: &'static str,
        /// Text to search, without markup, trimmed to keep the index small.
        x: String,
    }
    let mut entries = Vec::new();
    let mut text = crate::markdown::blocks_text(&s.body);
    if let Some(summary) = &s.summary {
        text.insert_str(0, &format!("{summary}\n"));
    }
    entries.push(Entry {
        t: &s.title,
        u: format!("{}.html", s.slug),
        k: "s",
        x: truncate(&text, 2000),
    });
    for g in &s.goals {
        // The title is searched as the title; the text is what it leaves
        // out, so a result does not say its title twice.
        let mut text = g.id.clone();
        for i in &g.indicators {
            text.push(' ');
            text.push_str(&i.name);
        }
        text.push(' ');
        text.push_str(&g.initiatives.join(" "));
        entries.push(Entry {
            t: &g.title,
            u: format!("{}.html#{}", s.slug, g.anchor()),
            k: "g",
            x: text,
        });
    }
    let json = serde_json::to_string(&entries).unwrap_or_else(|_| "[]".into());
    json[1..json.len() - 1].to_string()
}

fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => s[..i].to_string(),
        None => s.to_string(),
    }
}

pub(super) fn sitemap(base_url: &str, pages: &[String]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for path in pages {
        let loc = if path == "index.html" {
            base_url.to_string()
        } else {
            format!("{base_url}{path}")
        };
        out.push_str(&format!("  <url><loc>{}</loc></url>\n", escape(&loc)));
    }
    out.push_str("</urlset>\n");
    out
}

//! The static site: one page per section, an index, a goals overview, a
//! search page and a 404 page, rendered with the theme's Tera templates.
//!
//! Rust prepares everything a template shows (HTML of the prose, formatted
//! figures, chart SVG), so templates only arrange it. All pages sit in one
//! folder, which keeps every link relative and the same on every page.

mod blocks;
mod search;
mod selection;
mod svg;
mod templates;
mod views;

use crate::BuildError;
use crate::model::*;
use crate::theme::Theme;
use blocks::Writer;
use search::{search_index, sitemap};
use templates::{CARD_BREAK, GOAL_CARDS, Templates, load_templates, render_error};
use tera::Context;
use views::{GoalView, PageLink, SectionCard, Site, TocItem};

pub use blocks::{asset_href, escape};
pub use selection::Selection;

/// Where rendered files go: a path relative to the site folder and the
/// bytes. Called from several threads at once.
pub type Sink<'a> = &'a (dyn Fn(&str, &[u8]) -> Result<(), BuildError> + Sync);

/// Renders the site into `write`. `pdf` is the PDF's file name when one is
/// built beside the site, so pages can link to it.
pub fn render(
    plan: &Plan,
    theme: &Theme,
    pdf: Option<&str>,
    write: Sink,
) -> Result<(), BuildError> {
    render_selected(
        plan,
        theme,
        pdf,
        &Selection::all(),
        &mut Memo::default(),
        write,
    )
}

/// What one render keeps for the next, so that rendering a part of the
/// site does not redo what the rest shares: the templates and the search
/// index's entries of the sections not rendered again. A render of the
/// whole site starts it afresh; a partial one assumes the same theme.
#[derive(Default)]
pub struct Memo {
    templates: Option<Templates>,
    search: std::collections::HashMap<String, String>,
}

/// Renders the files of the site that `which` names. Section pages are
/// rendered and written on two threads: a big plan is mostly section pages.
pub fn render_selected(
    plan: &Plan,
    theme: &Theme,
    pdf: Option<&str>,
    which: &Selection,
    memo: &mut Memo,
    write: Sink,
) -> Result<(), BuildError> {
    match &which.sections {
        None => *memo = Memo::default(),
        Some(slugs) => {
            for slug in slugs {
                memo.search.remove(slug);
            }
        }
    }
    let Memo { templates, search } = memo;
    let tera = match templates.take() {
        Some(tera) => tera,
        None => load_templates(theme).map_err(BuildError::Render)?,
    };
    let tera = &*templates.insert(tera);
    let site = Site::new(plan, theme, pdf);
    let sections = plan.all_sections();
    let nav = nav_html(plan);
    let base = site.base_context();
    let write_page = |file: SiteFile| write(&file.0, &file.1);
    let wanted: Vec<usize> = match &which.sections {
        None => (0..sections.len()).collect(),
        Some(slugs) => (0..sections.len())
            .filter(|&i| slugs.contains(&sections[i].slug))
            .collect(),
    };

    // Section pages on two threads, the fixed pages (whose goals overview is
    // big in a big plan) on a third: together they keep both cores busy.
    let section_pages = |part: &[usize]| -> Result<(), BuildError> {
        for &index in part {
            let prev = sections.get(index.wrapping_sub(1));
            let next = sections.get(index + 1);
            write_page(section_page(
                plan,
                tera,
                &site,
                &base,
                &nav,
                sections[index],
                prev,
                next,
            )?)?;
        }
        Ok(())
    };
    let fixed_pages = || -> Result<(), BuildError> {
        let page = |template: &str, ctx: &Context| render_one(tera, template, ctx, &nav, "");
        if which.overview {
            let mut ctx = base.clone();
            ctx.insert("current", "index");
            ctx.insert("nav", NAV_MARK);
            ctx.insert("toc", &plan.toc());
            ctx.insert("target_groups", &plan.target_groups);
            ctx.insert("tracks", &plan.tracks);
            let cards: Vec<SectionCard> = sections
                .iter()
                .map(|s| SectionCard::of(plan, &site, s))
                .collect();
            ctx.insert("sections", &cards);
            ctx.insert("status_counts", &site.status_counts(plan));
            write_page(page("index.html", &ctx)?)?;

            let mut ctx = base.clone();
            ctx.insert("current", "goals");
            ctx.insert("nav", NAV_MARK);
            ctx.insert("groups", &site.goal_groups(plan));
            ctx.insert("tracks", &plan.tracks);
            ctx.insert("target_groups", &plan.target_groups);
            write_page(page("goals.html", &ctx)?)?;
        }
        if which.frame {
            for (template, current) in [("search.html", "search"), ("404.html", "404")] {
                let mut ctx = base.clone();
                ctx.insert("current", current);
                ctx.insert("nav", NAV_MARK);
                write_page(page(template, &ctx)?)?;
            }
        }
        Ok(())
    };
    if wanted.len() < 2 {
        section_pages(&wanted)?;
        fixed_pages()?;
    } else {
        let (first, second) = wanted.split_at(wanted.len().div_ceil(2));
        std::thread::scope(|scope| {
            let a = scope.spawn(|| section_pages(first));
            let b = scope.spawn(|| section_pages(second));
            let fixed = fixed_pages();
            // A panic in a thread is a bug: re-raise it.
            let join = |h: std::thread::ScopedJoinHandle<'_, Result<(), BuildError>>| {
                h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))
            };
            join(a).and(join(b)).and(fixed)
        })?;
    }

    if which.search {
        write("search-index.js", search_index(plan, search).as_bytes())?;
    }
    if !which.frame {
        return Ok(());
    }
    if let Some(base_url) = &plan.meta.base_url {
        let pages: Vec<String> = ["index.html", "goals.html", "search.html"]
            .into_iter()
            .map(str::to_string)
            .chain(sections.iter().map(|s| format!("{}.html", s.slug)))
            .collect();
        write("sitemap.xml", sitemap(base_url, &pages).as_bytes())?;
    }
    for (rel, file) in theme.files_under("static/") {
        write(rel, &file.bytes)?;
    }
    Ok(())
}

/// A rendered page: its path in the site and its bytes.
type SiteFile = (String, Vec<u8>);

/// Renders `template` to the page `<current>.html` (or the template's own
/// name for the fixed pages), with the navigation spliced in.
fn render_one(
    tera: &Templates,
    template: &str,
    ctx: &Context,
    nav: &str,
    current: &str,
) -> Result<SiteFile, BuildError> {
    match tera.render(template, ctx) {
        Ok(html) => {
            let out = if template == "section.html" {
                format!("{current}.html")
            } else {
                template.to_string()
            };
            Ok((out, splice_nav(html, nav, current).into_bytes()))
        }
        Err(e) => Err(render_error(tera, &e, template)),
    }
}

#[allow(clippy::too_many_arguments)]
fn section_page(
    plan: &Plan,
    tera: &Templates,
    site: &Site,
    base: &Context,
    nav: &str,
    section: &Section,
    prev: Option<&&Section>,
    next: Option<&&Section>,
) -> Result<SiteFile, BuildError> {
    // All the section's goal cards in one Tera call (one context, not one
    // per goal), split apart again to go where their markers stand.
    let cards = goal_cards(tera, site, base, plan, section)?;
    let card = |g: &Goal| {
        section
            .goals
            .iter()
            .position(|x| x.id == g.id)
            .map_or("", |i| cards[i].as_str())
    };
    let mut content = String::new();
    {
        let mut goals_for = |m: &GoalsMarker| {
            section
                .goals_for(m)
                .into_iter()
                .map(card)
                .collect::<String>()
        };
        let footnote_label = site.label("footnote");
        let table_label = site.label("table");
        let mut w = Writer {
            allow_html: plan.meta.allow_html,
            goals: &mut goals_for,
            footnote_label: &footnote_label,
            table_label: &table_label,
        };
        w.blocks(&mut content, &section.body);
        let back = site.label("footnote_back");
        w.footnotes(&mut content, &section.footnotes, &back);
    }
    for g in section.unplaced_goals() {
        content.push_str(card(g));
    }
    let mut toc = Vec::new();
    for b in &section.body {
        if let Block::Heading { level, id, content } = b
            && *level <= 3
        {
            toc.push(TocItem {
                id: id.clone(),
                title: crate::markdown::plain_text(content),
                level: *level,
            });
        }
    }
    let entry = site.toc.get(&section.slug).cloned();
    let mut ctx = base.clone();
    ctx.insert("current", &section.slug);
    ctx.insert("nav", NAV_MARK);
    ctx.insert(
        "page",
        &serde_json::json!({
            "title": section.title,
            "slug": section.slug,
            "number": entry.map(|e| e.number),
            "summary": section.summary,
            "target_group": section.target_group.as_ref().and_then(|id| plan.target_group_name(id)),
            "content": content,
            "toc": toc,
            "goals": section.goals.len(),
            "children": section.children.iter().map(|c| PageLink { title: c.title.clone(), url: format!("{}.html", c.slug) }).collect::<Vec<_>>(),
        }),
    );
    ctx.insert(
        "prev",
        &prev.map(|s| PageLink {
            title: s.title.clone(),
            url: format!("{}.html", s.slug),
        }),
    );
    ctx.insert(
        "next",
        &next.map(|s| PageLink {
            title: s.title.clone(),
            url: format!("{}.html", s.slug),
        }),
    );
    render_one(tera, "section.html", &ctx, nav, &section.slug)
}

/// The rendered `goal.html` of each of the section's goals, in order.
fn goal_cards(
    tera: &Templates,
    site: &Site,
    base: &Context,
    plan: &Plan,
    section: &Section,
) -> Result<Vec<String>, BuildError> {
    if section.goals.is_empty() {
        return Ok(Vec::new());
    }
    let views: Vec<GoalView> = section
        .goals
        .iter()
        .map(|g| site.goal_view(plan, section, g, true))
        .collect();
    let mut ctx = base.clone();
    ctx.insert("goals", &views);
    ctx.insert("level", &2);
    tera.render(GOAL_CARDS, &ctx)
        .map(|html| {
            html.split(CARD_BREAK)
                .take(views.len())
                .map(str::to_string)
                .collect()
        })
        .map_err(|e| render_error(tera, &e, "goal.html"))
}

/// The navigation tree as HTML, built once; `splice_nav` marks the page.
fn nav_html(plan: &Plan) -> String {
    fn list(out: &mut String, sections: &[Section], prefix: &str) {
        out.push_str("<ol>");
        for (i, s) in sections.iter().enumerate() {
            let number = format!("{prefix}{}", i + 1);
            out.push_str(&format!(
                "<li><a href=\"{}.html\"><span>{number}</span> {}</a>",
                s.slug,
                escape(&s.title)
            ));
            if !s.children.is_empty() {
                list(out, &s.children, &format!("{number}."));
            }
            out.push_str("</li>");
        }
        out.push_str("</ol>");
    }
    let mut out = String::new();
    list(&mut out, &plan.sections, "");
    out
}

/// Stands in the rendered page where the navigation goes. The navigation is
/// the same on every page but for the current entry, and large in big plans,
/// so it is spliced in after rendering rather than passed through Tera.
const NAV_MARK: &str = "<!--planpress:nav-->";

/// Puts the navigation, with `slug` marked as the current page, where the
/// template printed `{{ nav | safe }}`, copying each part once.
fn splice_nav(page: String, nav: &str, slug: &str) -> String {
    let Some(at) = page.find(NAV_MARK) else {
        return page;
    };
    let link = format!("<a href=\"{slug}.html\">");
    let (before, after) = match nav.find(&link).filter(|_| !slug.is_empty()) {
        Some(i) => (&nav[..i + link.len() - 1], &nav[i + link.len() - 1..]),
        None => (nav, ""),
    };
    let current = if after.is_empty() {
        ""
    } else {
        " aria-current=\"page\""
    };
    let mut out = String::with_capacity(page.len() + nav.len() + current.len());
    out.push_str(&page[..at]);
    out.push_str(before);
    out.push_str(current);
    out.push_str(after);
    out.push_str(&page[at + NAV_MARK.len()..]);
    out
}

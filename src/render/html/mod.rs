//! The static site: one page per section, an index, a goals overview, a
//! search page and a 404 page, rendered with the theme's Tera templates.
//!
//! Rust prepares everything a template shows (HTML of the prose, formatted
//! figures, chart SVG), so templates only arrange it. All pages sit in one
//! folder, which keeps every link relative and the same on every page.

mod blocks;
mod case;
mod followup;
mod search;
mod selection;
mod svg;
mod templates;
mod views;

use super::{RenderContext, RenderError, Rendered, Renderer};
use crate::BuildError;
use crate::followup::{Changes, Followup, Report};
use crate::model::*;
use crate::theme::Theme;
use blocks::{Place, Writer};
use rayon::prelude::*;
use search::{search_index, sitemap};
use std::collections::HashMap;
use std::sync::OnceLock;
use templates::{CARD_BREAK, GOAL_CARDS, Templates, load_templates, render_error};
use tera::Context;
use views::{GoalView, PageLink, SectionCard, Site, TocItem};

pub use blocks::{asset_href, escape};
pub use selection::Selection;

/// Where rendered files go: a path relative to the site folder and the
/// bytes. Called from several threads at once.
pub type Sink<'a> = &'a (dyn Fn(&str, &[u8]) -> Result<(), BuildError> + Sync);

/// The site behind the renderers' seam: writes `site/` (pages, static
/// files, search index, and the plan's images and downloads), linking the
/// PDFs built beside it.
pub struct Html<'a> {
    pub pdfs: Pdfs<'a>,
    /// The changes since adoption, when they are still being worked out
    /// as the pages are made: the pages link a changes page, written once
    /// the slot is filled. `None` in the slot means none after all, and
    /// the pages are made again without the link.
    pub coming: Option<&'a OnceLock<Option<Changes>>>,
}

/// The file names of the PDFs the site carries, for its links.
#[derive(Debug, Clone, Copy, Default)]
pub struct Pdfs<'a> {
    /// The plan.
    pub plan: Option<&'a str>,
    /// The status report.
    pub report: Option<&'a str>,
    /// The changes since adoption.
    pub changes: Option<&'a str>,
}

/// What the site shows beside the plan's own pages: the PDFs it links
/// and the follow-up pages (the status report, the changes).
#[derive(Clone, Copy)]
pub struct Beside<'a> {
    pub pdfs: Pdfs<'a>,
    pub report: Option<&'a Report>,
    pub changes: ChangesPage<'a>,
}

/// Whether the site has a page of the changes since adoption, and what
/// it lists.
#[derive(Clone, Copy)]
pub enum ChangesPage<'a> {
    /// The plan names no adopted version, or git could not give it.
    None,
    /// The changes, for the page.
    Ready(&'a Changes),
    /// Still being worked out while the other pages are made (the adopted
    /// version is read from git beside them): they link the page, which is
    /// written once the changes are in.
    Coming,
}

impl<'a> Beside<'a> {
    /// The follow-up pages of `followup`, with the PDFs `pdfs`.
    pub fn of(followup: &'a Followup, pdfs: Pdfs<'a>) -> Beside<'a> {
        Beside {
            pdfs,
            report: followup.report.as_ref(),
            changes: followup
                .changes
                .as_ref()
                .map_or(ChangesPage::None, ChangesPage::Ready),
        }
    }

    /// Whether the site has a changes page, written now or to come.
    fn has_changes(&self) -> bool {
        !matches!(self.changes, ChangesPage::None)
    }
}

impl Renderer for Html<'_> {
    fn name(&self) -> &'static str {
        "site"
    }

    fn render(&self, ctx: &RenderContext<'_>) -> Result<Rendered, RenderError> {
        let in_site = |rel: &str| format!("site/{rel}");
        let sink = |rel: &str, bytes: &[u8]| {
            (ctx.write)(&in_site(rel), bytes).map_err(|source| BuildError::Write {
                path: in_site(rel).into(),
                source,
            })
        };
        let problem = |e: BuildError| match e {
            BuildError::Render(d) => RenderError::Problems(d),
            BuildError::Write { path, source } => RenderError::Write {
                file: path.to_string_lossy().into_owned(),
                source,
            },
            BuildError::Read { path, source } => RenderError::Read { path, source },
            other => RenderError::Write {
                file: "site/".into(),
                source: std::io::Error::other(other.to_string()),
            },
        };
        let mut beside = Beside::of(ctx.followup, self.pdfs);
        let (plan, theme) = (ctx.plan, ctx.theme);
        let mut memo = Memo::default();
        let mut site = |beside: &Beside, which: &Selection| {
            render_selected(plan, theme, beside, which, &mut memo, &sink, &mut |_| {})
                .map_err(problem)
        };
        match self.coming {
            None => site(&beside, &Selection::all())?,
            Some(slot) => {
                beside.changes = ChangesPage::Coming;
                let rest = Selection {
                    changes: false,
                    ..Selection::all()
                };
                site(&beside, &rest)?;
                match slot.wait() {
                    Some(changes) => {
                        beside.changes = ChangesPage::Ready(changes);
                        let page = Selection {
                            changes: true,
                            ..Selection::none()
                        };
                        site(&beside, &page)?;
                    }
                    None => {
                        beside.changes = ChangesPage::None;
                        beside.pdfs.changes = None;
                        site(&beside, &Selection::all())?;
                    }
                }
            }
        }
        for rel in crate::plan_files(ctx.plan).map_err(problem)? {
            let path = ctx.plan.root.join(&rel);
            let bytes =
                std::fs::read(&path).map_err(|source| RenderError::Read { path, source })?;
            sink(&asset_href(&rel), &bytes).map_err(problem)?;
        }
        Ok(Rendered {
            files: vec!["site/".to_string()],
            diagnostics: Vec::new(),
        })
    }
}

/// Renders the site into `write`, with what `beside` says it shows and
/// links beside the plan's pages.
pub fn render(plan: &Plan, theme: &Theme, beside: &Beside, write: Sink) -> Result<(), BuildError> {
    render_selected(
        plan,
        theme,
        beside,
        &Selection::all(),
        &mut Memo::default(),
        write,
        &mut |_| {},
    )
}

/// What one render keeps for the next, so that rendering a part of the
/// site does not redo what the rest shares: the templates, the search
/// index's entries, and (when kept) each section page before its
/// navigation is spliced in, so a change of titles only splices the new
/// navigation into the other pages. A render of the whole site starts it
/// afresh; a partial one assumes the same theme.
#[derive(Default)]
pub struct Memo {
    /// Keep the section pages: worth it only for renders to come.
    keep_pages: bool,
    templates: Option<Templates>,
    search: HashMap<String, String>,
    pages: HashMap<String, String>,
}

impl Memo {
    /// A memo for a site rendered again and again, as `serve` does.
    pub fn keeping() -> Memo {
        Memo {
            keep_pages: true,
            ..Memo::default()
        }
    }
}

/// Renders the files of the site that `which` names, a page per task on
/// rayon's threads.
/// When only the navigation's titles changed on most pages, the pages
/// rendered anew are written first and named to `first`, before the new
/// navigation goes into the rest, so that they can be shown at once.
pub fn render_selected(
    plan: &Plan,
    theme: &Theme,
    beside: &Beside,
    which: &Selection,
    memo: &mut Memo,
    write: Sink,
    first: &mut dyn FnMut(&[String]),
) -> Result<(), BuildError> {
    match &which.sections {
        None => {
            *memo = Memo {
                keep_pages: memo.keep_pages,
                ..Memo::default()
            }
        }
        Some(slugs) => {
            for slug in slugs {
                memo.search.remove(slug);
            }
        }
    }
    let Memo {
        keep_pages,
        templates,
        search,
        pages,
    } = memo;
    let tera = match templates.take() {
        Some(tera) => tera,
        None => load_templates(theme).map_err(BuildError::Render)?,
    };
    let tera = &*templates.insert(tera);
    // A case is a page or two: always rendered whole.
    if let Some(case) = plan.meta.kind.case() {
        pages.clear();
        search.clear();
        return case::render(plan, case, tera, theme, beside, write);
    }
    let site = Site::new(plan, theme, beside);
    let sections = plan.all_sections();
    let nav = nav_html(plan);
    let base = site.base_context();
    let write_page = |file: SiteFile| write(&file.0, &file.1);
    // Pages rendered anew, then, when the titles changed, those that only
    // take the new navigation.
    let (renders, splices): (Vec<usize>, Vec<usize>) = (0..sections.len())
        .filter(|&i| match &which.sections {
            None => true,
            Some(slugs) => which.navigation || slugs.contains(&sections[i].slug),
        })
        .partition(|&i| match &which.sections {
            None => true,
            Some(slugs) => {
                slugs.contains(&sections[i].slug) || !pages.contains_key(&sections[i].slug)
            }
        });

    // Every page is a task of its own on rayon's threads: the section pages
    // of a big plan are many and small, the overviews (goals, status) few
    // and big, and work stealing keeps both cores busy with either.
    let section_page_of = |index: usize,
                           render: bool,
                           pages: &HashMap<String, String>|
     -> Result<Option<(String, String)>, BuildError> {
        let slug = &sections[index].slug;
        let file = format!("{slug}.html");
        if !render {
            let page = splice_nav(&pages[slug], &nav.html, nav.links.get(slug).copied());
            write(&file, page.as_bytes())?;
            return Ok(None);
        }
        let prev = sections.get(index.wrapping_sub(1));
        let next = sections.get(index + 1);
        let page = section_page(plan, tera, &site, &base, sections[index], prev, next)?;
        let current = nav.links.get(slug).copied();
        write(&file, splice_nav(&page, &nav.html, current).as_bytes())?;
        Ok(keep_pages.then(|| (slug.clone(), page)))
    };
    let page = |template: &str, ctx: &Context| render_one(tera, template, ctx, &nav.html);
    // The pages besides the sections', each made and written by one task.
    type Task<'t> = Box<dyn Fn() -> Result<(), BuildError> + Send + Sync + 't>;
    let mut fixed: Vec<Task> = Vec::new();
    if which.overview {
        fixed.push(Box::new(|| {
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
            write_page(page("index.html", &ctx)?)
        }));
        fixed.push(Box::new(|| {
            write_page(page("goals.html", &goals_context(plan, &site, &base))?)
        }));
        if let Some(report) = beside.report {
            fixed.push(Box::new(|| {
                let mut ctx = base.clone();
                ctx.insert("current", "status");
                ctx.insert("nav", NAV_MARK);
                ctx.insert("report", &followup::ReportView::of(report, &site));
                write_page(page("status.html", &ctx)?)
            }));
        }
    }
    // What changed lists the sections whose text changed.
    if let (true, ChangesPage::Ready(changes)) = (which.changes, beside.changes) {
        fixed.push(Box::new(|| {
            let mut ctx = base.clone();
            ctx.insert("current", "changes");
            ctx.insert("nav", NAV_MARK);
            ctx.insert("changes", &followup::ChangesView::of(plan, changes, &site));
            write_page(page("changes.html", &ctx)?)
        }));
    }
    if which.frame {
        for (template, current) in [("search.html", "search"), ("404.html", "404")] {
            let (base, page) = (&base, &page);
            fixed.push(Box::new(move || {
                let mut ctx = base.clone();
                ctx.insert("current", current);
                ctx.insert("nav", NAV_MARK);
                write_page(page(template, &ctx)?)
            }));
        }
    }
    // The section pages of `part`, with the fixed pages alongside when
    // `with_fixed`; the pages rendered, when the memo keeps them.
    let pass = |part: &[usize],
                render: bool,
                with_fixed: bool,
                pages: &HashMap<String, String>|
     -> Result<Vec<(String, String)>, BuildError> {
        let (rendered, fixed) = rayon::join(
            || {
                part.par_iter()
                    .map(|&i| section_page_of(i, render, pages))
                    .collect::<Result<Vec<_>, BuildError>>()
            },
            || match with_fixed {
                true => fixed.par_iter().try_for_each(|task| task()),
                false => Ok(()),
            },
        );
        fixed?;
        Ok(rendered?.into_iter().flatten().collect())
    };
    if splices.is_empty() {
        let rendered = pass(&renders, true, true, pages)?;
        pages.extend(rendered);
    } else {
        // The pages rendered anew can be shown before the others have
        // their new navigation; the overviews go alongside the others.
        let rendered = pass(&renders, true, false, pages)?;
        pages.extend(rendered);
        let done: Vec<String> = renders
            .iter()
            .map(|&i| format!("{}.html", sections[i].slug))
            .collect();
        first(&done);
        pass(&splices, false, true, pages)?;
    }
    if which.search {
        write("search-index.js", search_index(plan, search).as_bytes())?;
    }
    if !which.frame {
        return Ok(());
    }
    if let Some(base_url) = &plan.meta.base_url {
        let followup = [
            beside.report.map(|_| "status.html"),
            beside.has_changes().then_some("changes.html"),
        ];
        let pages: Vec<String> = ["index.html", "goals.html", "search.html"]
            .into_iter()
            .chain(followup.into_iter().flatten())
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

/// The files the site of `plan` consists of besides the theme's static
/// files, so that a site kept up to date can drop those a change made
/// obsolete.
pub fn pages(plan: &Plan) -> Vec<String> {
    if plan.meta.kind.case().is_some() {
        return case::pages(plan);
    }
    let mut pages: Vec<String> = ["index.html", "goals.html", "search.html", "404.html"]
        .into_iter()
        .map(str::to_string)
        .chain(
            plan.all_sections()
                .iter()
                .map(|s| format!("{}.html", s.slug)),
        )
        .chain(["search-index.js".to_string()])
        .collect();
    if plan.meta.base_url.is_some() {
        pages.push("sitemap.xml".into());
    }
    pages
}

/// A rendered page: its path in the site and its bytes.
type SiteFile = (String, Vec<u8>);

/// Renders one of the fixed pages (`index.html`, …) with the navigation
/// spliced in.
fn render_one(
    tera: &Templates,
    template: &str,
    ctx: &Context,
    nav: &str,
) -> Result<SiteFile, BuildError> {
    match tera.render(template, ctx) {
        Ok(html) => Ok((
            template.to_string(),
            splice_nav(&html, nav, None).into_bytes(),
        )),
        Err(e) => Err(render_error(tera, &e, template)),
    }
}

/// A section's page, with [`NAV_MARK`] where the navigation goes.
fn section_page(
    plan: &Plan,
    tera: &Templates,
    site: &Site,
    base: &Context,
    section: &Section,
    prev: Option<&&Section>,
    next: Option<&&Section>,
) -> Result<String, BuildError> {
    // One context for the cards and the page: the base is copied once.
    let mut ctx = base.clone();
    // All the section's goal cards in one Tera call (one context, not one
    // per goal), split apart again to go where their markers stand.
    let cards = Cards {
        section,
        cards: goal_cards(tera, site, &mut ctx, plan, section, 2)?,
    };
    let mut content = String::new();
    {
        let mut goals_for = |m: &GoalsMarker| cards.for_marker(m);
        let footnote_label = site.label("footnote");
        let table_label = site.label("table");
        let callout_words = CalloutKind::ALL.map(|(k, _)| site.label(k.label_key()));
        let mut w = Writer {
            place: Place::OwnPage,
            allow_html: plan.meta.allow_html,
            goals: &mut goals_for,
            footnote_label: &footnote_label,
            table_label: &table_label,
            callout_words: &callout_words,
            callouts: 0,
        };
        w.blocks(&mut content, &section.body);
        if let Some(s) = &section.signature {
            w.signature(&mut content, s);
        }
        let back = site.label("footnote_back");
        w.footnotes(&mut content, &section.footnotes, &back);
    }
    for g in section.unplaced_goals() {
        content.push_str(cards.of(g));
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
    let entry = site.toc.get(&section.slug);
    ctx.insert("current", &section.slug);
    ctx.insert("nav", NAV_MARK);
    ctx.insert(
        "page",
        &PageView {
            title: &section.title,
            slug: &section.slug,
            number: entry.map(|e| e.number.as_str()),
            summary: section.summary.as_deref(),
            target_group: section
                .target_group
                .as_ref()
                .and_then(|id| plan.target_group_name(id)),
            content: &content,
            toc: &toc,
            goals: section.goals.len(),
            children: section
                .children
                .iter()
                .map(|c| PageLink {
                    title: c.title.clone(),
                    url: format!("{}.html", c.slug),
                })
                .collect(),
        },
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
    tera.render("section.html", &ctx)
        .map_err(|e| render_error(tera, &e, "section.html"))
}

/// What `section.html` shows of its section as `page`, borrowed: the
/// context takes the one copy of the page's content.
#[derive(serde::Serialize)]
struct PageView<'a> {
    title: &'a str,
    slug: &'a str,
    number: Option<&'a str>,
    summary: Option<&'a str>,
    target_group: Option<&'a str>,
    content: &'a str,
    toc: &'a [TocItem],
    goals: usize,
    children: Vec<PageLink>,
}

/// What `goals.html` shows: every goal by target group.
fn goals_context(plan: &Plan, site: &Site, base: &Context) -> Context {
    let mut ctx = base.clone();
    ctx.insert("current", "goals");
    ctx.insert("nav", NAV_MARK);
    ctx.insert("groups", &site.goal_groups(plan));
    ctx.insert("tracks", &plan.tracks);
    ctx.insert("target_groups", &plan.target_groups);
    ctx
}

/// A section's goal cards, rendered together, for the places that show
/// them: the markers in its text and the end of its text.
struct Cards<'a> {
    section: &'a Section,
    /// In the order of the section's goals.
    cards: Vec<String>,
}

impl Cards<'_> {
    /// The card of `goal`.
    fn of(&self, goal: &Goal) -> &str {
        self.section
            .goals
            .iter()
            .position(|x| x.id == goal.id)
            .map_or("", |i| self.cards[i].as_str())
    }

    /// The cards a marker stands for.
    fn for_marker(&self, marker: &GoalsMarker) -> String {
        self.section
            .goals_for(marker)
            .into_iter()
            .map(|g| self.of(g))
            .collect()
    }
}

/// The rendered `goal.html` of each of the section's goals, in order, with
/// their titles at heading `level`.
/// `ctx` is the page's context: the cards' variables are put in it for
/// the cards and taken out again, so that the page's own templates do not
/// see them.
fn goal_cards(
    tera: &Templates,
    site: &Site,
    ctx: &mut Context,
    plan: &Plan,
    section: &Section,
    level: u8,
) -> Result<Vec<String>, BuildError> {
    if section.goals.is_empty() {
        return Ok(Vec::new());
    }
    let views: Vec<GoalView> = section
        .goals
        .iter()
        .map(|g| site.goal_view(plan, section, g, true))
        .collect();
    ctx.insert("goals", &views);
    ctx.insert("level", &level);
    let cards = tera
        .render(GOAL_CARDS, ctx)
        .map(|html| {
            html.split(CARD_BREAK)
                .take(views.len())
                .map(str::to_string)
                .collect()
        })
        .map_err(|e| render_error(tera, &e, "goal.html"));
    ctx.remove("goals");
    ctx.remove("level");
    cards
}

/// The navigation tree as HTML, built once, with where each section's link
/// stands in it: `splice_nav` marks the page's own link there, without
/// searching the tree (which grows with the plan, as the pages do).
struct Nav {
    html: String,
    /// By slug: the end of the link's `<a href="…"`, where
    /// `aria-current` goes.
    links: HashMap<String, usize>,
}

fn nav_html(plan: &Plan) -> Nav {
    fn list(nav: &mut Nav, sections: &[Section], prefix: &str) {
        nav.html.push_str("<ol>");
        for (i, s) in sections.iter().enumerate() {
            let number = format!("{prefix}{}", i + 1);
            nav.html
                .push_str(&format!("<li><a href=\"{}.html\"", s.slug));
            nav.links.entry(s.slug.clone()).or_insert(nav.html.len());
            nav.html
                .push_str(&format!("><span>{number}</span> {}</a>", escape(&s.title)));
            if !s.children.is_empty() {
                list(nav, &s.children, &format!("{number}."));
            }
            nav.html.push_str("</li>");
        }
        nav.html.push_str("</ol>");
    }
    let mut nav = Nav {
        html: String::new(),
        links: HashMap::new(),
    };
    list(&mut nav, &plan.sections, "");
    nav
}

/// Stands in the rendered page where the navigation goes. The navigation is
/// the same on every page but for the current entry, and large in big plans,
/// so it is spliced in after rendering rather than passed through Tera.
const NAV_MARK: &str = "<!--planpress:nav-->";

/// Puts the navigation, with the link at `current` (see [`Nav`]) marked as
/// the current page, where the template printed `{{ nav | safe }}`,
/// copying each part once.
fn splice_nav(page: &str, nav: &str, current: Option<usize>) -> String {
    let Some(at) = page.find(NAV_MARK) else {
        return page.to_string();
    };
    let (before, after) = match current {
        Some(i) => nav.split_at(i),
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

//! A committee case's site: one page, the front page, with the case's
//! header as a definition list and its sections in the author's order, the
//! recommendation and the decision set apart; a goals overview only when
//! the case has goals; no search, which a few pages do not need.

use super::blocks::{Place, Writer, escape};
use super::templates::Templates;
use super::views::Site;
use super::{Cards, NAV_MARK, Sink, goal_cards, goals_context, render_one, sitemap};
use crate::BuildError;
use crate::locale;
use crate::model::{CalloutKind, Case, Decision, Plan, Recommendation, Section};
use crate::theme::Theme;
use serde::Serialize;
use tera::Context;

/// What `case.html` shows of the header, in the plan's language.
#[derive(Serialize)]
struct CaseView {
    committee: String,
    meeting: String,
    /// For `<time datetime>`.
    meeting_iso: String,
    item: u32,
    number: String,
    document: Option<String>,
    access: String,
    /// `open` or `closed`, for styles.
    access_code: &'static str,
    authority: Option<String>,
}

/// The files of a case's site besides the theme's static files.
pub(super) fn pages(plan: &Plan) -> Vec<String> {
    let mut pages = vec!["index.html".to_string(), "404.html".to_string()];
    if super::views::goals_page(plan) {
        pages.push("goals.html".into());
    }
    if plan.meta.base_url.is_some() {
        pages.push("sitemap.xml".into());
    }
    pages
}

/// Writes the case's site.
pub(super) fn render(
    plan: &Plan,
    case: &Case,
    tera: &Templates,
    theme: &Theme,
    beside: &super::Beside,
    write: Sink,
) -> Result<(), BuildError> {
    let site = Site::new(plan, theme, beside);
    let base = site.base_context();
    let nav = nav_html(plan);
    let lang = plan.meta.language;
    let view = CaseView {
        committee: case.committee.clone(),
        meeting: locale::meeting(case.meeting, lang),
        meeting_iso: case.meeting.iso(),
        item: case.item,
        number: case.number.clone(),
        document: case.document.clone(),
        access: site.label(&format!("case_access_{}", case.access.code())),
        access_code: case.access.code(),
        authority: case.authority.clone(),
    };
    let mut content = String::new();
    let mut callouts = 0;
    for section in &plan.sections {
        write_section(
            &mut content,
            plan,
            case,
            tera,
            &site,
            &base,
            section,
            1,
            &mut callouts,
        )?;
    }
    let mut ctx = base.clone();
    ctx.insert("current", "index");
    ctx.insert("nav", NAV_MARK);
    ctx.insert("case", &view);
    ctx.insert("content", &content);
    let page = |template: &str, ctx: &Context| render_one(tera, template, ctx, &nav);
    let (_, html) = page("case.html", &ctx)?;
    write("index.html", &html)?;
    if site.info.goals_page {
        let (name, html) = page("goals.html", &goals_context(plan, &site, &base))?;
        write(&name, &html)?;
    }
    let mut ctx = base.clone();
    ctx.insert("current", "404");
    ctx.insert("nav", NAV_MARK);
    let (name, html) = page("404.html", &ctx)?;
    write(&name, &html)?;
    if let Some(base_url) = &plan.meta.base_url {
        let pages: Vec<String> = pages(plan)
            .into_iter()
            .filter(|p| p != "404.html" && p.ends_with(".html"))
            .collect();
        write("sitemap.xml", sitemap(base_url, &pages).as_bytes())?;
    }
    for (rel, file) in theme.files_under("static/") {
        write(rel, &file.bytes)?;
    }
    Ok(())
}

/// A section and those below it, each a `<section>` whose heading is one
/// level below its parent's (the case's title is the page's `<h1>`).
#[allow(clippy::too_many_arguments)]
fn write_section(
    out: &mut String,
    plan: &Plan,
    case: &Case,
    tera: &Templates,
    site: &Site,
    base: &Context,
    section: &Section,
    depth: u8,
    callouts: &mut usize,
) -> Result<(), BuildError> {
    let level = (depth + 1).min(6);
    let slug = escape(&section.slug);
    out.push_str(&format!(
        "<section class=\"case-section\">\n<h{level} id=\"{slug}\">{}<a class=\"anchor\" href=\"#{slug}\" aria-hidden=\"true\" tabindex=\"-1\">#</a></h{level}>\n",
        escape(&section.title)
    ));
    let cards = Cards {
        section,
        cards: goal_cards(
            tera,
            site,
            &mut base.clone(),
            plan,
            section,
            (level + 1).min(6),
        )?,
    };
    let mut goals_for = |m: &crate::model::GoalsMarker| cards.for_marker(m);
    let footnote_label = site.label("footnote");
    let table_label = site.label("table");
    let callout_words = CalloutKind::ALL.map(|(k, _)| site.label(k.label_key()));
    let mut w = Writer {
        place: Place::CasePage {
            slug: &section.slug,
            depth,
        },
        allow_html: plan.meta.allow_html,
        goals: &mut goals_for,
        footnote_label: &footnote_label,
        table_label: &table_label,
        callout_words: &callout_words,
        // One page holds every section: callouts are numbered across them.
        callouts: *callouts,
    };
    w.blocks(out, &section.body);
    *callouts = w.callouts;
    if let Some(s) = &section.signature {
        w.signature(out, s);
    }
    if let Some(r) = &section.recommendation {
        recommendation(out, site, r);
    }
    if let Some(d) = &section.decision {
        decision(out, site, plan, case, d);
    }
    for g in section.unplaced_goals() {
        out.push_str(cards.of(g));
    }
    w.footnotes(out, &section.footnotes, &site.label("footnote_back"));
    for child in &section.children {
        write_section(
            out,
            plan,
            case,
            tera,
            site,
            base,
            child,
            depth + 1,
            callouts,
        )?;
    }
    out.push_str("</section>\n");
    Ok(())
}

/// The numbered "at …" points, set apart.
fn recommendation(out: &mut String, site: &Site, r: &Recommendation) {
    out.push_str(&format!(
        "<ol class=\"recommendation\" aria-label=\"{}\">\n",
        escape(&site.label("case_recommendation"))
    ));
    for point in &r.points {
        out.push_str(&format!("<li>{}</li>\n", escape(point)));
    }
    out.push_str("</ol>\n");
}

/// Who decided when, the decision, and who was absent, set apart.
fn decision(out: &mut String, site: &Site, plan: &Plan, case: &Case, d: &Decision) {
    let date = format!(
        "<time datetime=\"{}\">{}</time>",
        d.date.iso(),
        escape(&locale::date(d.date, plan.meta.language))
    );
    let line = escape(&site.label("case_decision"))
        .replace("{committee}", &escape(&case.committee))
        .replace("{date}", &date);
    out.push_str(&format!(
        "<div class=\"decision\">\n<p class=\"decision-line\">{line}</p>\n"
    ));
    for p in d.paragraphs() {
        out.push_str(&format!("<p>{}</p>\n", escape(&p)));
    }
    if !d.absent.is_empty() {
        out.push_str(&format!(
            "<p class=\"decision-absent\"><span>{}:</span> {}</p>\n",
            escape(&site.label("case_absent")),
            escape(&d.absent.join(", "))
        ));
    }
    out.push_str("</div>\n");
}

/// The navigation: the case's sections as places on its page.
fn nav_html(plan: &Plan) -> String {
    fn list(out: &mut String, sections: &[Section]) {
        out.push_str("<ol class=\"case-nav\">");
        for s in sections {
            out.push_str(&format!(
                "<li><a href=\"index.html#{}\">{}</a>",
                escape(&s.slug),
                escape(&s.title)
            ));
            if !s.children.is_empty() {
                list(out, &s.children);
            }
            out.push_str("</li>");
        }
        out.push_str("</ol>");
    }
    let mut out = String::new();
    list(&mut out, &plan.sections);
    out
}

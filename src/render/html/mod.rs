//! The static site: one page per section, an index, a goals overview, a
//! search page and a 404 page, rendered with the theme's Tera templates.
//!
//! Rust prepares everything a template shows (HTML of the prose, formatted
//! figures, chart SVG), so templates only arrange it. All pages sit in one
//! folder, which keeps every link relative and the same on every page.

mod blocks;
mod svg;

use crate::BuildError;
use crate::chart::{Chart, Words};
use crate::diagnostic::{Diagnostic, Severity};
use crate::locale;
use crate::model::*;
use crate::theme::Theme;
use blocks::{Writer, escape};
use serde::Serialize;
use tera::{Context, Tera};

pub use blocks::asset_href;

/// The pages a site consists of, as the templates name them.
const TEMPLATES: [&str; 6] = [
    "index.html",
    "section.html",
    "goals.html",
    "search.html",
    "404.html",
    "goal.html",
];

/// Where rendered files go: a path relative to the site folder and the
/// bytes. Called from several threads at once.
pub type Sink<'a> = &'a (dyn Fn(&str, &[u8]) -> Result<(), BuildError> + Sync);

/// Renders the site into `write`. `pdf` is the PDF's file name when one is
/// built beside the site, so pages can link to it. Section pages are
/// rendered and written on two threads: a big plan is mostly section pages.
pub fn render(
    plan: &Plan,
    theme: &Theme,
    pdf: Option<&str>,
    write: Sink,
) -> Result<(), BuildError> {
    let tera = load_templates(theme).map_err(BuildError::Render)?;
    let site = Site::new(plan, theme, pdf);
    let sections = plan.all_sections();
    let nav = nav_html(plan);
    let base = site.base_context();
    let write_page = |file: SiteFile| write(&file.0, &file.1);

    std::thread::scope(|scope| {
        let chunk = sections.len().div_ceil(2).max(1);
        let handles: Vec<_> = sections
            .chunks(chunk)
            .enumerate()
            .map(|(c, part)| {
                let (tera, site, base, nav, sections, write_page) =
                    (&tera, &site, &base, &nav, &sections, &write_page);
                scope.spawn(move || -> Result<(), BuildError> {
                    for (i, s) in part.iter().enumerate() {
                        let index = c * chunk + i;
                        let prev = sections.get(index.wrapping_sub(1));
                        let next = sections.get(index + 1);
                        let page = section_page(plan, tera, site, base, nav, s, prev, next)?;
                        write_page(page)?;
                    }
                    Ok(())
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(BuildError::Render(Vec::new())))
            })
            .collect::<Result<Vec<()>, BuildError>>()
    })?;

    let page = |template: &str, ctx: &Context| render_one(&tera, template, ctx, &nav, "");
    let mut ctx = base.clone();
    ctx.insert("current", "index");
    ctx.insert("nav", NAV_MARK);
    ctx.insert("toc", &plan.toc());
    ctx.insert("target_groups", &plan.target_groups);
    ctx.insert("tracks", &plan.tracks);
    ctx.insert(
        "sections",
        &sections
            .iter()
            .map(|s| SectionCard::of(plan, &site, s))
            .collect::<Vec<_>>(),
    );
    ctx.insert("status_counts", &site.status_counts(plan));
    write_page(page("index.html", &ctx)?)?;

    let mut ctx = base.clone();
    ctx.insert("current", "goals");
    ctx.insert("nav", NAV_MARK);
    ctx.insert("groups", &site.goal_groups(plan));
    ctx.insert("tracks", &plan.tracks);
    ctx.insert("target_groups", &plan.target_groups);
    write_page(page("goals.html", &ctx)?)?;

    let mut ctx = base.clone();
    ctx.insert("current", "search");
    ctx.insert("nav", NAV_MARK);
    write_page(page("search.html", &ctx)?)?;

    let mut ctx = base.clone();
    ctx.insert("current", "404");
    ctx.insert("nav", NAV_MARK);
    write_page(page("404.html", &ctx)?)?;

    write("search-index.js", search_index(plan).as_bytes())?;
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

/// The theme's templates, and where each came from for error messages.
struct Templates {
    tera: Tera,
    /// (template name, text, origin).
    sources: Vec<(String, String, String)>,
}

impl std::ops::Deref for Templates {
    type Target = Tera;
    fn deref(&self) -> &Tera {
        &self.tera
    }
}

fn load_templates(theme: &Theme) -> Result<Templates, Vec<Diagnostic>> {
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html", ".xml"]);
    // Tera's default also escapes `/`, which makes every URL unreadable.
    tera.set_escape_fn(blocks::escape);
    let mut sources = Vec::new();
    for (name, file) in theme.files_under("templates/") {
        let text = String::from_utf8_lossy(&file.bytes).into_owned();
        sources.push((name.to_string(), text, file.origin.clone()));
    }
    let raw: Vec<(&str, &str)> = sources
        .iter()
        .map(|(n, t, _)| (n.as_str(), t.as_str()))
        .collect();
    if let Err(e) = tera.add_raw_templates(raw) {
        return Err(vec![template_diagnostic(&e, &sources)]);
    }
    let cards =
        format!("{{% for goal in goals %}}{{% include \"goal.html\" %}}{CARD_BREAK}{{% endfor %}}");
    if let Err(e) = tera.add_raw_template(GOAL_CARDS, &cards) {
        return Err(vec![template_diagnostic(&e, &sources)]);
    }
    for name in TEMPLATES {
        if tera.get_template(name).is_err() {
            return Err(vec![Diagnostic::new(
                Severity::Error,
                "template-missing",
                &format!("templates/{name}"),
                None,
                format!("the theme has no template `{name}`"),
            )
            .hint("a theme folder may override single templates; the rest come from the built-in theme")]);
        }
    }
    Ok(Templates { tera, sources })
}

/// A Tera error as a diagnostic naming the template file and line.
fn template_diagnostic(e: &tera::Error, sources: &[(String, String, String)]) -> Diagnostic {
    let mut messages = vec![e.to_string()];
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        messages.push(s.to_string());
        source = s.source();
    }
    let all = messages.join("\n");
    // Tera names the template in quotes and gives parse positions as `--> L:C`.
    let template = sources
        .iter()
        .find(|(name, _, _)| all.contains(&format!("'{name}'")));
    let pos = all.split("--> ").nth(1).and_then(|rest| {
        let mut it = rest
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty());
        Some(crate::load::yaml::Pos {
            line: it.next()?.parse().ok()?,
            column: it.next()?.parse().ok()?,
        })
    });
    let file = template.map_or_else(|| "templates".to_string(), |(_, _, origin)| origin.clone());
    let message = messages
        .iter()
        .rev()
        .find(|m| !m.trim().is_empty())
        .map_or_else(
            || "template error".to_string(),
            |m| {
                m.lines()
                    .rfind(|l| !l.trim().is_empty())
                    .unwrap_or("")
                    .trim()
                    .to_string()
            },
        );
    Diagnostic::new(
        Severity::Error,
        "template-error",
        &file,
        pos,
        format!("template error: {message}"),
    )
    .hint("fix the template in the theme folder, or delete it to use the built-in one")
}

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

/// Facts every page shows, computed once.
struct Site {
    lang: Language,
    /// Number and depth of each section by slug, from the plan's TOC.
    toc: std::collections::HashMap<String, TocEntry>,
    labels: std::collections::HashMap<String, String>,
    info: SiteInfo,
}

#[derive(Serialize, Clone)]
struct SiteInfo {
    title: String,
    subtitle: Option<String>,
    organisation: String,
    summary: Option<String>,
    period: String,
    lang: &'static str,
    as_of: Option<String>,
    brand: String,
    /// A darker shade of the brand colour, for text on white (AA contrast).
    brand_text: String,
    logo: Option<String>,
    pdf: Option<String>,
    base_url: Option<String>,
}

impl Site {
    fn new(plan: &Plan, theme: &Theme, pdf: Option<&str>) -> Site {
        let lang = plan.meta.language;
        Site {
            lang,
            toc: plan
                .toc()
                .into_iter()
                .map(|e| (e.slug.clone(), e))
                .collect(),
            labels: theme.labels().clone(),
            info: SiteInfo {
                title: plan.meta.title.clone(),
                subtitle: plan.meta.subtitle.clone(),
                organisation: plan.meta.organisation.clone(),
                summary: plan.meta.summary.clone(),
                period: locale::period(plan.meta.period),
                lang: lang.code(),
                as_of: plan.meta.as_of.map(|d| locale::date(d, lang)),
                brand: plan.meta.brand.primary.clone(),
                brand_text: readable_on_white(&plan.meta.brand.primary),
                logo: plan
                    .meta
                    .brand
                    .logo
                    .as_ref()
                    .map(|p| asset_href(&p.to_string_lossy().replace('\\', "/"))),
                pdf: pdf.map(str::to_string),
                base_url: plan.meta.base_url.clone(),
            },
        }
    }

    fn label(&self, key: &str) -> String {
        self.labels
            .get(key)
            .cloned()
            .unwrap_or_else(|| key.to_string())
    }

    fn base_context(&self) -> Context {
        let mut ctx = Context::new();
        ctx.insert("site", &self.info);
        ctx.insert("labels", &self.labels);
        ctx
    }

    fn words(&self) -> (String, String, String, String) {
        (
            self.label("baseline"),
            self.label("actual"),
            self.label("target"),
            self.label("not_measured"),
        )
    }

    fn goal_view(&self, plan: &Plan, section: &Section, goal: &Goal) -> GoalView {
        let lang = self.lang;
        let (baseline, actual, target, not_measured) = self.words();
        let words = Words {
            baseline: &baseline,
            actual: &actual,
            target: &target,
            not_measured: &not_measured,
        };
        let legend = svg::Legend {
            actual: &actual,
            target: &target,
        };
        let indicators = goal
            .indicators
            .iter()
            .enumerate()
            .map(|(i, ind)| {
                let fmt = |v: &YearValue| locale::value(&v.value, ind.unit, lang);
                let chart = Chart::of(ind, lang, &words)
                    .map(|c| svg::render(&c, &format!("chart-{}-{i}", goal.anchor()), &legend));
                IndicatorView {
                    name: ind.name.clone(),
                    unit: self.label(&format!("unit_{}", Unit::NAMES[ind.unit as usize])),
                    direction: ind.direction.map(|d| {
                        self.label(&format!("direction_{}", Direction::NAMES[d as usize]))
                    }),
                    source: ind.source.clone(),
                    relative_to_national: ind.relative_to.is_some(),
                    baseline: ind.baseline.as_ref().map(|b| YearCell {
                        year: b.year,
                        value: fmt(b),
                    }),
                    actuals: ind
                        .actuals
                        .iter()
                        .map(|a| YearCell {
                            year: a.year,
                            value: fmt(a),
                        })
                        .collect(),
                    latest: ind.latest_actual().map(|a| YearCell {
                        year: a.year,
                        value: fmt(a),
                    }),
                    targets: ind
                        .targets
                        .iter()
                        .map(|t| YearCell {
                            year: t.year,
                            value: fmt(t),
                        })
                        .collect(),
                    status: self.status(ind.status),
                    chart,
                }
            })
            .collect();
        GoalView {
            id: goal.id.clone(),
            anchor: goal.anchor(),
            title: goal.title.clone(),
            description: goal.description.clone(),
            owner: goal.owner.clone(),
            section_title: section.title.clone(),
            section_url: format!("{}.html", section.slug),
            target_group: section.target_group.as_ref().map(|id| Named {
                id: id.clone(),
                name: plan.target_group_name(id).unwrap_or(id).to_string(),
            }),
            tracks: goal
                .tracks
                .iter()
                .map(|id| Named {
                    id: id.clone(),
                    name: plan.track_name(id).unwrap_or(id).to_string(),
                })
                .collect(),
            national_goals: goal
                .national_goals
                .iter()
                .map(|id| Named {
                    id: id.clone(),
                    name: plan.national_goal_name(id).unwrap_or(id).to_string(),
                })
                .collect(),
            initiatives: goal.initiatives.clone(),
            deadline: goal.deadline.map(|d| locale::deadline(d, lang)),
            links: goal.links.clone(),
            status: self.status(goal.status),
            indicators,
        }
    }

    fn status(&self, s: Status) -> StatusView {
        StatusView {
            code: s.code(),
            symbol: s.symbol(),
            word: self
                .labels
                .get(&format!("status_{}", s.code()))
                .cloned()
                .unwrap_or_else(|| locale::status(s, self.lang).to_string()),
        }
    }

    fn status_counts(&self, plan: &Plan) -> Vec<(StatusView, usize)> {
        [
            Status::Achieved,
            Status::OnTrack,
            Status::OffTrack,
            Status::NotMeasured,
        ]
        .into_iter()
        .map(|s| {
            let n = plan
                .all_goals()
                .iter()
                .flat_map(|(_, g)| &g.indicators)
                .filter(|i| i.status == s)
                .count();
            (self.status(s), n)
        })
        .collect()
    }

    /// Goals grouped by target group (goals of sections without one last),
    /// each with its rendered goal card.
    fn goal_groups(&self, plan: &Plan) -> Vec<GoalGroup> {
        let mut groups: Vec<GoalGroup> = plan
            .target_groups
            .iter()
            .map(|tg| GoalGroup {
                id: tg.id.clone(),
                name: tg.name.clone(),
                goals: Vec::new(),
            })
            .collect();
        let mut other = GoalGroup {
            id: "other".into(),
            name: self.label("goals_other"),
            goals: Vec::new(),
        };
        for (section, goal) in plan.all_goals() {
            let view = self.goal_view(plan, section, goal);
            let group = section
                .target_group
                .as_ref()
                .and_then(|id| groups.iter_mut().find(|g| &g.id == id))
                .unwrap_or(&mut other);
            group.goals.push(GoalSummary {
                tracks: goal.tracks.join(" "),
                target_group: section
                    .target_group
                    .clone()
                    .unwrap_or_else(|| "other".into()),
                goal: view,
            });
        }
        groups.push(other);
        groups.retain(|g| !g.goals.is_empty());
        groups
    }
}

#[derive(Serialize)]
struct GoalGroup {
    id: String,
    name: String,
    goals: Vec<GoalSummary>,
}

#[derive(Serialize)]
struct GoalSummary {
    target_group: String,
    /// Space-separated track ids, for the filter.
    tracks: String,
    goal: GoalView,
}

#[derive(Serialize)]
struct StatusView {
    code: &'static str,
    symbol: &'static str,
    word: String,
}

#[derive(Serialize)]
struct YearCell {
    year: i32,
    value: String,
}

#[derive(Serialize)]
struct IndicatorView {
    name: String,
    unit: String,
    direction: Option<String>,
    source: Option<String>,
    relative_to_national: bool,
    baseline: Option<YearCell>,
    actuals: Vec<YearCell>,
    /// The most recent measured figure, which the status is computed from.
    latest: Option<YearCell>,
    targets: Vec<YearCell>,
    status: StatusView,
    /// Inline SVG, for numeric indicators.
    chart: Option<String>,
}

#[derive(Serialize)]
struct GoalView {
    id: String,
    anchor: String,
    title: String,
    description: Option<String>,
    owner: Option<String>,
    section_title: String,
    section_url: String,
    target_group: Option<Named>,
    tracks: Vec<Named>,
    national_goals: Vec<Named>,
    initiatives: Vec<String>,
    deadline: Option<String>,
    links: Vec<GoalLink>,
    status: StatusView,
    indicators: Vec<IndicatorView>,
}

#[derive(Serialize)]
struct SectionCard {
    title: String,
    url: String,
    summary: Option<String>,
    number: String,
    goals: usize,
    target_group: Option<String>,
    depth: usize,
}

impl SectionCard {
    fn of(plan: &Plan, site: &Site, s: &Section) -> SectionCard {
        let entry = site.toc.get(&s.slug);
        SectionCard {
            title: s.title.clone(),
            url: format!("{}.html", s.slug),
            summary: s.summary.clone(),
            number: entry.map_or_else(String::new, |e| e.number.clone()),
            goals: s.goals.len(),
            target_group: s
                .target_group
                .as_ref()
                .and_then(|id| plan.target_group_name(id))
                .map(str::to_string),
            depth: entry.map_or(1, |e| e.depth),
        }
    }
}

#[derive(Serialize)]
struct PageLink {
    title: String,
    url: String,
}

#[derive(Serialize)]
struct TocItem {
    id: String,
    title: String,
    level: u8,
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

/// Separates goal cards rendered together.
const CARD_BREAK: &str = "<!--planpress:card-->";

/// An internal template that renders every goal of a section through the
/// theme's `goal.html`, separated by [`CARD_BREAK`].
const GOAL_CARDS: &str = "__planpress_goal_cards.html";

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
        .map(|g| site.goal_view(plan, section, g))
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

/// A template error met while rendering, as a diagnostic naming the theme
/// file it came from.
fn render_error(tera: &Templates, e: &tera::Error, template: &str) -> BuildError {
    let mut d = template_diagnostic(e, &tera.sources);
    if d.file == "templates" {
        d.file = tera
            .sources
            .iter()
            .find(|(name, _, _)| name == template)
            .map_or_else(
                || format!("templates/{template}"),
                |(_, _, origin)| origin.clone(),
            );
    }
    BuildError::Render(vec![d])
}

/// The navigation tree as HTML, built once; `mark_current` flags the page.
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
/// template printed `{{ nav | safe }}`.
fn splice_nav(page: String, nav: &str, slug: &str) -> String {
    let Some(at) = page.find(NAV_MARK) else {
        return page;
    };
    let marked = mark_current(nav, slug);
    let mut out = String::with_capacity(page.len() + marked.len());
    out.push_str(&page[..at]);
    out.push_str(&marked);
    out.push_str(&page[at + NAV_MARK.len()..]);
    out
}

fn mark_current(nav: &str, slug: &str) -> String {
    if slug.is_empty() {
        return nav.to_string();
    }
    nav.replacen(
        &format!("<a href=\"{slug}.html\">"),
        &format!("<a href=\"{slug}.html\" aria-current=\"page\">"),
        1,
    )
}

/// The search index as a script that sets `window.PLANPRESS_SEARCH`, so
/// search works from `file://` too (where `fetch` of a JSON file is refused).
fn search_index(plan: &Plan) -> String {
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
    for s in plan.all_sections() {
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
            let mut text = format!("{} {}", g.id, g.title);
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
    }
    let json = serde_json::to_string(&entries).unwrap_or_else(|_| "[]".into());
    format!("window.PLANPRESS_SEARCH = {json};\n")
}

fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => s[..i].to_string(),
        None => s.to_string(),
    }
}

fn sitemap(base_url: &str, pages: &[String]) -> String {
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

/// The brand colour, darkened until it reaches 4.5:1 against white.
fn readable_on_white(hex: &str) -> String {
    let Some((r, g, b)) = parse_hex(hex) else {
        return "#00558c".into();
    };
    let mut f = 1.0;
    loop {
        let (rr, gg, bb) = ((r * f).round(), (g * f).round(), (b * f).round());
        if contrast_with_white(rr, gg, bb) >= 4.6 || f <= 0.05 {
            return format!("#{:02x}{:02x}{:02x}", rr as u8, gg as u8, bb as u8);
        }
        f -= 0.05;
    }
}

fn parse_hex(hex: &str) -> Option<(f64, f64, f64)> {
    let h = hex.strip_prefix('#')?;
    let h = if h.len() == 3 {
        h.chars().flat_map(|c| [c, c]).collect::<String>()
    } else {
        h.to_string()
    };
    let v = u32::from_str_radix(&h, 16).ok()?;
    Some((
        f64::from((v >> 16) & 255),
        f64::from((v >> 8) & 255),
        f64::from(v & 255),
    ))
}

fn contrast_with_white(r: f64, g: f64, b: f64) -> f64 {
    let lin = |c: f64| {
        let c = c / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let l = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    1.05 / (l + 0.05)
}

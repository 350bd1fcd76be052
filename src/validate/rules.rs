//! The rules that look across values, files and the prose.

use super::fields::Ctx;
use super::front::{Entry, Front};
use super::{Spans, YearRules};
use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::limits::MAX_MARKDOWN_DEPTH;
use crate::load::confine::{self, Content, Refusal};
use crate::load::yaml::Pos;
use crate::load::{Loaded, RawSection};
use crate::markdown::{Block, GoalsMarker, LinkTarget, Nesting, Outline, file_stem};
use crate::model::*;
use crate::url::Address;
use std::collections::HashMap;

/// Indicator rules: years against the period and `as_of`, and targets
/// against the direction.
pub(super) fn check_indicator(
    ctx: &mut Ctx,
    years: &YearRules,
    unit: Option<Unit>,
    direction: Option<Direction>,
    baseline: Option<&Entry>,
    actuals: &[Entry],
    targets: &[Entry],
) {
    for t in targets {
        let Some(period) = years.period else { break };
        let span = crate::locale::period(period);
        if !period.contains(t.year) {
            ctx.error(
                "target-outside-period",
                t.year_pos,
                format!(
                    "a target for {} lies outside the plan period {span}",
                    t.year
                ),
            )
            .hint = Some(
                "set targets only for years the plan covers, or widen `period` in plan.yaml".into(),
            );
        }
    }
    if let Some(b) = baseline
        && let Some(t) = targets.iter().find(|t| t.year <= b.year)
    {
        {
            ctx.error(
                "baseline-after-target",
                b.year_pos,
                format!(
                    "the baseline year {} is not before the target year {}",
                    b.year, t.year
                ),
            )
            .hint = Some(
                "the baseline is the starting point: use a year before the first target".into(),
            );
        }
    }
    if let Some(as_of) = years.as_of {
        for a in actuals.iter().filter(|a| a.value != Value::Missing) {
            if a.year > as_of.year {
                ctx.error(
                    "actual-after-as-of",
                    a.year_pos,
                    format!("an actual figure for {} is later than the figures' date ({})", a.year, as_of.iso()),
                )
                .hint = Some("move the figure to `targets`, or update `as_of` in plan.yaml when newer figures are in".into());
            }
        }
    }
    if !unit.is_some_and(Unit::is_numeric) {
        return;
    }
    let Some(direction) = direction else { return };
    let mut previous: Option<(i32, f64)> =
        baseline.and_then(|b| b.value.number().map(|v| (b.year, v)));
    for t in targets {
        let Some(value) = t.value.number() else {
            continue;
        };
        if let Some((year, before)) = previous {
            let against = match direction {
                Direction::Increase => value < before,
                Direction::Decrease => value > before,
                Direction::Maintain => false,
            };
            if against {
                let verb = if direction == Direction::Increase {
                    "increase"
                } else {
                    "decrease"
                };
                let from = crate::locale::plain_number(before);
                ctx.warning(
                    "target-against-direction",
                    t.value_pos,
                    format!(
                        "the {} target {} goes against `direction: {verb}` (from {from} in {year})",
                        t.year,
                        crate::locale::plain_number(value)
                    ),
                )
                .hint = Some("check the figure, or the indicator's `direction`".into());
            }
        }
        if direction == Direction::Maintain
            && let Some(base) = baseline.and_then(|b| b.value.number())
            && (value - base).abs() > 1e-9
        {
            ctx.warning(
                "maintain-target-differs",
                t.value_pos,
                format!(
                    "a `maintain` target should equal the baseline ({}), not {}",
                    crate::locale::plain_number(base),
                    crate::locale::plain_number(value)
                ),
            )
            .hint = Some(
                "use `direction: increase` or `decrease` if the figure is meant to move".into(),
            );
        }
        previous = Some((t.year, value));
    }
}

/// The slug of each section (in `loaded.sections` order), reporting clashes.
pub(super) fn assign_slugs(
    loaded: &Loaded,
    fronts: &mut [Front],
    diags: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let orders: Vec<Option<i64>> = fronts.iter().map(|f| f.order.map(|o| o.0)).collect();
    let heads = folder_heads(loaded, &orders);
    let mut seen: HashMap<String, &str> = HashMap::new();
    let mut slugs = Vec::with_capacity(loaded.sections.len());
    for (i, raw) in loaded.sections.iter().enumerate() {
        let name = if heads.values().any(|&h| h == i) && raw.is_index {
            raw.folder.rsplit('/').next().unwrap_or("")
        } else {
            raw.file
                .rsplit('/')
                .next()
                .unwrap_or("")
                .trim_end_matches(".md")
        };
        let mut slug = file_stem(strip_number(name), "");
        if slug.is_empty()
            || slug == "index"
            || slug == "goals"
            || slug == "404"
            || slug == "search"
        {
            slug = format!("afsnit-{slug}").trim_end_matches('-').to_string();
        }
        if let Some(first) = seen.get(&slug) {
            diags.push(
                Diagnostic::new(
                    crate::diagnostic::Severity::Error,
                    "duplicate-slug",
                    &raw.file,
                    None,
                    format!("this section's page would be `{slug}.html`, like the page of {first}"),
                )
                .hint("rename one of the files: the page name is the file name without its number prefix"),
            );
        } else {
            seen.insert(slug.clone(), &raw.file);
        }
        slugs.push(slug);
    }
    slugs
}

/// `02-virksomheder` → `virksomheder`.
fn strip_number(name: &str) -> &str {
    let rest = name.trim_start_matches(|c: char| c.is_ascii_digit());
    match rest.strip_prefix(['-', '_', '.', ' ']) {
        Some(r) if rest.len() < name.len() && !r.is_empty() => r,
        _ => name,
    }
}

/// For each sub-folder, the index of the section that stands for it: its
/// `index.md`, or else its first file by `order` (given per section) and name.
fn folder_heads(loaded: &Loaded, orders: &[Option<i64>]) -> HashMap<String, usize> {
    let key = |j: usize| {
        let r = &loaded.sections[j];
        (!r.is_index, orders[j].unwrap_or(i64::MAX), r.file.as_str())
    };
    let mut heads: HashMap<String, usize> = HashMap::new();
    for (i, raw) in loaded.sections.iter().enumerate() {
        if raw.folder == "content" {
            continue;
        }
        match heads.get(&raw.folder) {
            Some(&h) if key(h) <= key(i) => {}
            _ => {
                heads.insert(raw.folder.clone(), i);
            }
        }
    }
    heads
}

/// Nests sections by folder and orders siblings by `order`, then file name.
pub(super) fn build_tree(
    loaded: &Loaded,
    sections: Vec<(Section, Option<i64>, Pos)>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Section> {
    let orders: Vec<Option<i64>> = sections.iter().map(|s| s.1).collect();
    let heads = folder_heads(loaded, &orders);
    // The folder a section's page belongs to as a child.
    let parent_folder = |i: usize| -> String {
        let raw = &loaded.sections[i];
        if heads.get(&raw.folder) == Some(&i) {
            raw.folder
                .rsplit_once('/')
                .map_or("content", |(p, _)| p)
                .to_string()
        } else {
            raw.folder.clone()
        }
    };
    let mut children: HashMap<String, Vec<usize>> = HashMap::new();
    for i in 0..sections.len() {
        children.entry(parent_folder(i)).or_default().push(i);
    }
    // Folders whose head lies deeper than one level still need a parent: a
    // folder with sub-folders only hangs under the nearest ancestor present.
    let mut slots: Vec<Option<(Section, Option<i64>, Pos)>> =
        sections.into_iter().map(Some).collect();
    fn assemble(
        folder: &str,
        loaded: &Loaded,
        heads: &HashMap<String, usize>,
        children: &HashMap<String, Vec<usize>>,
        slots: &mut Vec<Option<(Section, Option<i64>, Pos)>>,
        diags: &mut Vec<Diagnostic>,
    ) -> Vec<Section> {
        let mut members: Vec<usize> = children.get(folder).cloned().unwrap_or_default();
        members.sort_by_key(|&i| {
            let raw = &loaded.sections[i];
            let name = if heads.get(&raw.folder) == Some(&i) {
                raw.folder.clone()
            } else {
                raw.file.clone()
            };
            (
                slots[i].as_ref().and_then(|s| s.1).unwrap_or(i64::MAX),
                name,
            )
        });
        let mut orders: HashMap<i64, (String, Pos)> = HashMap::new();
        let mut out = Vec::new();
        for i in members {
            let Some((mut section, order, order_pos)) = slots[i].take() else {
                continue;
            };
            if let Some(order) = order {
                if let Some((first_file, first_pos)) = orders.get(&order) {
                    diags.push(
                        Diagnostic::warning(
                            "duplicate-order",
                            &section.source,
                            order_pos,
                            format!("`order: {order}` is also used by {first_file}; the file names decide which comes first"),
                        )
                        .hint("give each section in a folder its own `order` number")
                        .note(first_file, *first_pos, "the same order here"),
                    );
                } else {
                    orders.insert(order, (section.source.clone(), order_pos));
                }
            }
            let raw = &loaded.sections[i];
            if heads.get(&raw.folder) == Some(&i) {
                section.children = assemble(&raw.folder, loaded, heads, children, slots, diags);
            }
            out.push(section);
        }
        out
    }
    let tree = assemble("content", loaded, &heads, &children, &mut slots, diags);
    // Sections of folders without a head anywhere above them are unreachable
    // only if a folder chain is broken; attach any leftovers at the top.
    let mut tree = tree;
    for slot in slots.into_iter().flatten() {
        tree.push(slot.0);
    }
    tree
}

/// Prose rules: headings, images and links, goal markers.
pub(super) fn check_outline(
    raw: &RawSection,
    outline: &Outline,
    goals: &[Goal],
    content: &Content,
    diags: &mut Vec<Diagnostic>,
) {
    let file = raw.file.as_str();
    let mut previous = 1;
    for &(level, pos) in &outline.headings {
        if level == 1 {
            diags.push(
                Diagnostic::warning("heading-level", file, pos, "a `#` heading in the text competes with the section title")
                    .hint("the section's `title` is its level-1 heading: start headings in the text at `##`"),
            );
        } else if level > previous + 1 {
            let hashes = "#".repeat(previous as usize + 1);
            diags.push(
                Diagnostic::warning(
                    "heading-skip",
                    file,
                    pos,
                    format!("this level-{level} heading skips a level (the one before is level {previous})"),
                )
                .hint(format!("use `{hashes}` here: screen readers navigate by heading levels")),
            );
        }
        previous = level;
    }
    for &(nesting, pos) in &outline.too_deep {
        let (what, hint) = match nesting {
            Nesting::Blocks => (
                "quotes and lists",
                "flatten the text: a quote or list inside another rarely needs more than a few levels",
            ),
            Nesting::Inlines => (
                "emphasis, links and images",
                "remove the extra `*`, `_`, `[` or `![`: markup inside markup rarely needs more than a few levels",
            ),
        };
        diags.push(
            Diagnostic::error(
                "too-deep",
                file,
                pos,
                format!("{what} nest more than {MAX_MARKDOWN_DEPTH} levels deep here"),
            )
            .hint(hint),
        );
    }
    for (written, target, alt, pos) in &outline.images {
        if alt.trim().is_empty() {
            diags.push(
                Diagnostic::warning("missing-alt", file, *pos, format!("the image `{written}` has no alt text"))
                    .hint("describe the image between the brackets: `![Søjlediagram over ledigheden 2020–2026](…)`"),
            );
        }
        if let LinkTarget::Broken(_) = target {
            diags.push(
                unsafe_link(file, written, *pos)
                    .or_else(|| misplaced(file, &raw.folder, "image", written, content, *pos))
                    .unwrap_or_else(|| {
                        Diagnostic::error("missing-file", file, *pos, format!("the image `{written}` does not exist"))
                            .hint("put images in content/assets/ and link them relative to this file, e.g. `assets/kort.png`")
                    }),
            );
        }
    }
    for (written, target, pos) in &outline.links {
        if let LinkTarget::Broken(_) = target {
            let path = written.split('#').next().unwrap_or("");
            if let Some(d) = unsafe_link(file, written, *pos)
                .or_else(|| misplaced(file, &raw.folder, "link", path, content, *pos))
            {
                diags.push(d);
                continue;
            }
            let message = if written.trim().is_empty() {
                "the link has no target".to_string()
            } else {
                format!("the link `{written}` leads nowhere")
            };
            diags.push(
                Diagnostic::error("broken-link", file, *pos, message)
                    .hint("link to another section by its file name, e.g. `[unge](04-unge.md)`, or give a full address starting with https://"),
            );
        }
    }
    for (marker, pos) in &outline.markers {
        if let crate::markdown::GoalsMarker::One(id) = marker
            && !goals.iter().any(|g| &g.id == id)
        {
            let ids: Vec<&str> = goals.iter().map(|g| g.id.as_str()).collect();
            let hint = did_you_mean(id, ids.iter().copied()).unwrap_or_else(|| {
                if ids.is_empty() {
                    "this section has no goals in its front matter".to_string()
                } else {
                    format!("this section's goals are: {}", ids.join(", "))
                }
            });
            diags.push(
                Diagnostic::error(
                    "unknown-reference",
                    file,
                    *pos,
                    format!("`{{{{ goal(\"{id}\") }}}}` names a goal this section does not have"),
                )
                .hint(hint),
            );
        }
    }
}

/// The `unsafe-link` error for an address outside the allow-list
/// ([`crate::url`]), or `None` for one that may be published.
pub(super) fn unsafe_link(file: &str, written: &str, pos: Pos) -> Option<Diagnostic> {
    let problem = Address::of(written.trim()).problem()?;
    Some(
        Diagnostic::error(
            "unsafe-link",
            file,
            pos,
            format!("{problem}: `{}`", shorten(written)),
        )
        .hint(crate::url::HINT),
    )
}

/// The error for a local path (an image, a link, the logo) that is hidden
/// or lies outside content/, or `None` when it is merely missing.
/// `folder` is where it is written from (`content/…`, or `""` for plan.yaml).
pub(super) fn misplaced(
    file: &str,
    folder: &str,
    what: &str,
    written: &str,
    content: &Content,
    pos: Pos,
) -> Option<Diagnostic> {
    let hint = "files the site carries lie in content/ (images in content/assets/) and are given relative to the file that names them";
    let refusal = match confine::written(folder, &written.replace("%20", " ")) {
        Err(Refusal::Hidden) => {
            return Some(
                Diagnostic::error(
                    "missing-file",
                    file,
                    pos,
                    format!(
                        "the {what} `{}` {}",
                        shorten(written),
                        Refusal::Hidden.describe()
                    ),
                )
                .hint("rename the file or folder so its name does not start with a dot"),
            );
        }
        Err(refusal) => refusal,
        Ok(joined) if content.refused.iter().any(|r| within(&joined, r)) => Refusal::Outside,
        Ok(joined) if !joined.starts_with("content/") => {
            return Some(
                Diagnostic::error(
                    "outside-plan",
                    file,
                    pos,
                    format!("the {what} `{}` lies outside content/", shorten(written)),
                )
                .hint(hint),
            );
        }
        Ok(_) => return None,
    };
    let message = match refusal {
        Refusal::Outside => format!(
            "the {what} `{}` is a link to a file outside content/",
            shorten(written)
        ),
        other => format!("the {what} `{}` {}", shorten(written), other.describe()),
    };
    Some(Diagnostic::error("outside-plan", file, pos, message).hint(hint))
}

/// Whether the `/`-separated `path` is `folder` or lies below it.
fn within(path: &str, folder: &str) -> bool {
    path.strip_prefix(folder)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// At most 60 characters of `text`, for quoting long input in a message.
fn shorten(text: &str) -> String {
    match text.char_indices().nth(60) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}

/// Rules over the whole plan: unique goal ids, references, coverage, and
/// links to anchors in other sections.
pub(super) fn check_plan(
    plan: &Plan,
    spans: &Spans,
    vocabulary_known: bool,
    diags: &mut Vec<Diagnostic>,
) {
    let mut first: HashMap<&str, &super::At> = HashMap::new();
    for (id, at) in &spans.goal_ids {
        if let Some(prev) = first.get(id.as_str()) {
            diags.push(
                Diagnostic::error(
                    "duplicate-id",
                    &at.file,
                    at.pos,
                    format!("the goal id `{id}` is already used"),
                )
                .hint("goal ids must be unique across the whole plan")
                .note(&prev.file, prev.pos, "first used here"),
            );
        } else {
            first.insert(id, at);
        }
    }
    // Without a readable plan.yaml every reference would look unknown.
    if !vocabulary_known {
        return;
    }
    for (kind, id, at) in &spans.references {
        let (list, field): (&[Named], &str) = match *kind {
            "target group" => (&plan.target_groups, "target_groups"),
            "track" => (&plan.tracks, "tracks"),
            _ => (&plan.national_goals, "national_goals"),
        };
        if !list.iter().any(|n| &n.id == id) {
            let hint = did_you_mean(id, list.iter().map(|n| n.id.as_str())).unwrap_or_else(|| {
                if list.is_empty() {
                    format!("plan.yaml lists no {field}: add them there first")
                } else {
                    format!(
                        "plan.yaml's {field} are: {}",
                        list.iter()
                            .map(|n| n.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                }
            });
            diags.push(
                Diagnostic::error(
                    "unknown-reference",
                    &at.file,
                    at.pos,
                    format!("there is no {kind} `{id}` in plan.yaml"),
                )
                .hint(hint),
            );
        }
    }
    let goals = plan.all_goals();
    // With no sections at all, that is the one problem worth saying.
    if plan.sections.is_empty() {
        return;
    }
    for (kind, id, pos) in &spans.vocabulary {
        let covered = match *kind {
            "target group" => goals
                .iter()
                .any(|(s, _)| s.target_group.as_deref() == Some(id)),
            "national goal" => goals.iter().any(|(_, g)| g.national_goals.contains(id)),
            _ => true,
        };
        if !covered {
            let (code, message, hint) = if *kind == "target group" {
                (
                    "uncovered-target-group",
                    format!("no goal serves the target group `{id}`"),
                    "add a goal to a section with this `target_group`, or remove the group",
                )
            } else {
                (
                    "unanswered-national-goal",
                    format!("no goal answers the national goal `{id}`"),
                    "list it in some goal's `national_goals`",
                )
            };
            diags.push(Diagnostic::warning(code, "plan.yaml", *pos, message).hint(hint));
        }
    }
}

/// `[x](03-unge.md#maal)`: the anchor must exist on that page. `links` holds
/// (file, position, slug, fragment) for every link into another section.
pub(super) fn check_fragments(
    plan: &Plan,
    links: &[(String, Pos, String, String)],
    diags: &mut Vec<Diagnostic>,
) {
    let sections: HashMap<&str, &Section> = plan
        .all_sections()
        .into_iter()
        .map(|s| (s.slug.as_str(), s))
        .collect();
    for (file, pos, slug, fragment) in links {
        let Some(target) = sections.get(slug.as_str()) else {
            continue;
        };
        let mut ids: Vec<String> = target.goals.iter().map(Goal::anchor).collect();
        collect_heading_ids(&target.body, &mut ids);
        if !ids.contains(fragment) {
            diags.push(
                Diagnostic::error("broken-link", file, *pos, format!("`{}` has no heading or goal with the anchor `#{fragment}`", target.source))
                    .maybe_hint(did_you_mean(fragment, ids.iter().map(String::as_str)).or_else(|| {
                        Some("an anchor is the heading's text in lower case with dashes, e.g. `#maal-og-midler`; a goal's is `#goal-` and its id".into())
                    })),
            );
        }
    }
}

fn collect_heading_ids(blocks: &[crate::markdown::Block], out: &mut Vec<String>) {
    for b in blocks {
        match b {
            crate::markdown::Block::Heading { id, .. } => out.push(id.clone()),
            crate::markdown::Block::Quote(inner) => collect_heading_ids(inner, out),
            _ => {}
        }
    }
}

/// Makes each goal appear once: a marker that would show a goal already
/// shown above it gets a `goal-placed-twice` warning and is narrowed to the
/// goals not yet shown (or dropped). `markers` are the body's markers in
/// the order the blocks hold them (the outline's order).
pub(super) fn place_goals(
    file: &str,
    blocks: &mut Vec<Block>,
    markers: &[(GoalsMarker, Pos)],
    goals: &[Goal],
    diags: &mut Vec<Diagnostic>,
) {
    struct Placer<'a> {
        file: &'a str,
        goals: &'a [Goal],
        markers: std::slice::Iter<'a, (GoalsMarker, Pos)>,
        shown: Vec<&'a str>,
        diags: &'a mut Vec<Diagnostic>,
    }
    impl Placer<'_> {
        fn walk(&mut self, blocks: &mut Vec<Block>) {
            for block in std::mem::take(blocks) {
                match block {
                    Block::Goals(marker) => {
                        let pos = self.markers.next().map_or(Pos::default(), |m| m.1);
                        blocks.extend(self.place(marker, pos).into_iter().map(Block::Goals));
                    }
                    Block::Quote(mut inner) => {
                        self.walk(&mut inner);
                        blocks.push(Block::Quote(inner));
                    }
                    Block::List { start, mut items } => {
                        items.iter_mut().for_each(|item| self.walk(item));
                        blocks.push(Block::List { start, items });
                    }
                    other => blocks.push(other),
                }
            }
        }

        /// What `marker` still has to show.
        fn place(&mut self, marker: GoalsMarker, pos: Pos) -> Vec<GoalsMarker> {
            let wanted: Vec<&str> = match &marker {
                GoalsMarker::All => self.goals.iter().map(|g| g.id.as_str()).collect(),
                // An id the section lacks is an error of its own.
                GoalsMarker::One(id) => match self.goals.iter().find(|g| &g.id == id) {
                    Some(g) => vec![g.id.as_str()],
                    None => return vec![marker],
                },
            };
            let (again, new): (Vec<&str>, Vec<&str>) =
                wanted.into_iter().partition(|id| self.shown.contains(id));
            if again.is_empty() {
                self.shown.extend(&new);
                return vec![marker];
            }
            let ids = again
                .iter()
                .map(|id| format!("`{id}`"))
                .collect::<Vec<_>>()
                .join(", ");
            self.diags.push(
                Diagnostic::warning(
                    "goal-placed-twice",
                    self.file,
                    pos,
                    format!("this marker would show the goal {ids} a second time; it is shown once, above"),
                )
                .hint("place each goal once: `{{ goal(\"ID\") }}` for one, `{{ goals() }}` for all of them"),
            );
            self.shown.extend(&new);
            new.into_iter()
                .map(|id| GoalsMarker::One(id.to_string()))
                .collect()
        }
    }
    Placer {
        file,
        goals,
        markers: markers.iter(),
        shown: Vec::new(),
        diags,
    }
    .walk(blocks);
}

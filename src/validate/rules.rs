//! The rules that look across values, files and the prose.

use super::fields::Ctx;
use super::front::Front;
use super::indicator::Entry;
use super::links;
use super::{Spans, YearRules};
use crate::diagnostic::{
    Diagnostic, Hint, Message, NoteText, Pointer, Thing, closest, did_you_mean,
};
use crate::load::yaml::Pos;
use crate::load::{Loaded, RawSection};
use crate::markdown::{LinkTarget, Outline, file_stem};
use crate::model::*;
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
        if !period.contains(t.when.year()) {
            ctx.report(
                t.year_pos,
                Message::TargetOutsidePeriod {
                    when: t.when,
                    period,
                },
            )
            .hint = Some(Hint::TargetsInPeriod);
        }
    }
    if let Some(b) = baseline
        && let Some(t) = targets.iter().find(|t| !b.when.before(t.when))
    {
        ctx.report(
            b.year_pos,
            Message::BaselineNotBefore {
                baseline: b.when,
                target: t.when,
            },
        )
        .hint = Some(Hint::BaselineFirst);
    }
    if let Some(as_of) = years.as_of {
        for a in actuals.iter().filter(|a| a.value != Value::Missing) {
            // A period under way (the year or quarter `as_of` lies in) may
            // have its figure so far; one that has not begun may not.
            if a.when.start() > as_of {
                ctx.report(
                    a.year_pos,
                    Message::ActualAfterAsOf {
                        when: a.when,
                        as_of,
                    },
                )
                .hint = Some(Hint::MoveToTargets);
            }
        }
    }
    if !unit.is_some_and(Unit::is_numeric) {
        return;
    }
    let Some(direction) = direction else { return };
    let mut previous: Option<(When, f64)> =
        baseline.and_then(|b| b.value.number().map(|v| (b.when, v)));
    for t in targets {
        let Some(value) = t.value.number() else {
            continue;
        };
        if let Some((from_when, before)) = previous {
            let against = match direction {
                Direction::Increase => value < before,
                Direction::Decrease => value > before,
                Direction::Maintain => false,
            };
            if against {
                ctx.report(
                    t.value_pos,
                    Message::AgainstDirection {
                        when: t.when,
                        value,
                        direction,
                        from: before,
                        from_when,
                    },
                )
                .hint = Some(Hint::CheckFigure);
            }
        }
        if direction == Direction::Maintain
            && let Some(base) = baseline.and_then(|b| b.value.number())
            && (value - base).abs() > 1e-9
        {
            ctx.report(
                t.value_pos,
                Message::MaintainDiffers {
                    baseline: base,
                    value,
                },
            )
            .hint = Some(Hint::UseIncreaseOrDecrease);
        }
        previous = Some((t.when, value));
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
        if raw.folder != "content"
            && !raw.is_index
            && strip_number(name).eq_ignore_ascii_case("index")
        {
            diags.push(
                Diagnostic::new(
                    &raw.file,
                    None,
                    Message::MisnamedIndex {
                        name: format!("{name}.md"),
                    },
                )
                .hint(Hint::NameItIndex {
                    folder: raw.folder.clone(),
                }),
            );
        }
        if let Some(first) = seen.get(&slug) {
            diags.push(
                Diagnostic::new(
                    &raw.file,
                    None,
                    Message::DuplicateSlug {
                        slug: slug.clone(),
                        first: first.to_string(),
                    },
                )
                .hint(Hint::RenameFile),
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
        // order → (file, where, the sub-folder it stands for)
        let mut orders: HashMap<i64, (String, Pos, Option<String>)> = HashMap::new();
        let mut out = Vec::new();
        for i in members {
            let Some((mut section, order, order_pos)) = slots[i].take() else {
                continue;
            };
            let raw = &loaded.sections[i];
            let stands_for = (heads.get(&raw.folder) == Some(&i)).then(|| raw.folder.clone());
            if let Some(order) = order {
                if let Some(first) = orders.get(&order) {
                    let this = (section.source.clone(), order_pos, stands_for);
                    diags.push(duplicate_order(order, first, &this));
                } else {
                    orders.insert(order, (section.source.clone(), order_pos, stands_for));
                }
            }
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

/// Two siblings with one `order`. When one of them is a folder's page, the
/// folder takes its place from that `order`, which authors rarely expect:
/// the warning then stands at the folder page and says so.
fn duplicate_order(
    order: i64,
    first: &(String, Pos, Option<String>),
    this: &(String, Pos, Option<String>),
) -> Diagnostic {
    let (head, other) = match (&first.2, &this.2) {
        (_, Some(_)) => (this, first),
        (Some(_), None) => (first, this),
        (None, None) => {
            return Diagnostic::at(
                &this.0,
                this.1,
                Message::DuplicateOrder {
                    order,
                    first: first.0.clone(),
                },
            )
            .hint(Hint::OwnOrder)
            .note(&first.0, first.1, NoteText::SameOrderHere);
        }
    };
    let folder = head.2.clone().unwrap_or_default();
    Diagnostic::at(
        &head.0,
        head.1,
        Message::FolderOrder {
            order,
            folder: folder.clone(),
            other: other.0.clone(),
        },
    )
    .hint(Hint::FolderTakesPlace {
        folder,
        page: head.0.clone(),
    })
    .note(&other.0, other.1, NoteText::SameOrderHere)
}

/// Prose rules: headings, images and links, goal markers.
pub(super) fn check_outline(
    loaded: &Loaded,
    raw: &RawSection,
    outline: &Outline,
    goals: &[Goal],
    diags: &mut Vec<Diagnostic>,
) {
    let file = raw.file.as_str();
    let mut previous = 1;
    for &(level, pos) in &outline.headings {
        if level == 1 {
            diags.push(Diagnostic::at(file, pos, Message::TopLevelHeading).hint(Hint::StartAtH2));
        } else if level > previous + 1 {
            let hashes = "#".repeat(previous as usize + 1);
            diags.push(
                Diagnostic::at(file, pos, Message::HeadingSkip { level, previous })
                    .hint(Hint::UseHeading { hashes }),
            );
        }
        previous = level;
    }
    for &(nesting, pos) in &outline.too_deep {
        diags.push(
            Diagnostic::at(file, pos, Message::TooDeep { nesting })
                .hint(Hint::Simplify { nesting }),
        );
    }
    for (written, target, alt, pos) in &outline.images {
        if alt.trim().is_empty() {
            diags.push(
                Diagnostic::at(
                    file,
                    *pos,
                    Message::NoAltText {
                        written: written.clone(),
                    },
                )
                .hint(Hint::DescribeImage),
            );
        }
        if let LinkTarget::Broken(_) = target {
            let assets = loaded.content.asset_rels();
            let hint = closest_path(written, &raw.folder, assets.iter()).map_or_else(
                || Hint::ImagesInAssets {
                    example: relative_path(&raw.folder, "content/assets/kort.png"),
                },
                |name| Hint::DidYouMean { name },
            );
            let refused = links::unsafe_link(file, written, *pos).or_else(|| {
                links::misplaced(
                    file,
                    &raw.folder,
                    Pointer::Image,
                    written,
                    &loaded.content,
                    *pos,
                )
            });
            diags.push(refused.unwrap_or_else(|| {
                Diagnostic::at(
                    file,
                    *pos,
                    Message::NoImage {
                        written: written.clone(),
                    },
                )
                .hint(hint)
            }));
        }
    }
    for (written, target, pos) in &outline.links {
        if let LinkTarget::Broken(_) = target {
            let path = written.split('#').next().unwrap_or("");
            if let Some(d) = links::unsafe_link(file, written, *pos).or_else(|| {
                links::misplaced(
                    file,
                    &raw.folder,
                    Pointer::Link,
                    path,
                    &loaded.content,
                    *pos,
                )
            }) {
                diags.push(d);
                continue;
            }
            let message = if written.trim().is_empty() {
                Message::LinkWithoutTarget
            } else {
                Message::BrokenLink {
                    written: written.clone(),
                }
            };
            let hint = link_suggestion(written, raw, loaded)
                .map_or(Hint::LinkForm, |name| Hint::DidYouMean { name });
            diags.push(Diagnostic::at(file, *pos, message).hint(hint));
        }
    }
    for (written, pos) in &outline.near_markers {
        diags.push(
            Diagnostic::at(
                file,
                *pos,
                Message::MalformedMarker {
                    written: written.clone(),
                },
            )
            .hint(marker_meant(written)),
        );
    }
    for (marker, pos) in &outline.markers {
        if let crate::markdown::GoalsMarker::One(id) = marker
            && !goals.iter().any(|g| &g.id == id)
        {
            let ids: Vec<String> = goals.iter().map(|g| g.id.clone()).collect();
            let others = if ids.is_empty() {
                Hint::SectionHasNoGoals
            } else {
                Hint::SectionGoals { ids: ids.clone() }
            };
            let hint = did_you_mean(id, ids.iter().map(String::as_str)).unwrap_or(others);
            diags.push(
                Diagnostic::at(file, *pos, Message::UnknownGoalMarker { id: id.clone() })
                    .hint(hint),
            );
        }
    }
}

/// The marker `{{ goals }}` or `{{goal(V1)}}` was meant to be.
fn marker_meant(written: &str) -> Hint {
    let inner = written.trim_start_matches('{').trim_end_matches('}').trim();
    let name: String = inner
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    let arg = inner
        .split_once('(')
        .map(|(_, a)| {
            a.trim_end_matches(')')
                .trim()
                .trim_matches(['"', '\'', '“', '”'])
        })
        .unwrap_or("");
    let text = match name.as_str() {
        "goals" | "mål" | "maal" if arg.is_empty() => "{{ goals() }}".to_string(),
        "goal" | "goals" | "mål" | "maal" if !arg.is_empty() => {
            format!("{{{{ goal(\"{arg}\") }}}}")
        }
        _ => return Hint::MarkerForm,
    };
    Hint::Write { text }
}

/// What a broken link most likely meant: an address without `https://`, or
/// the section file whose name is closest, as a path from the linking file.
fn link_suggestion(written: &str, raw: &RawSection, loaded: &Loaded) -> Option<String> {
    let (path, fragment) = written
        .split_once('#')
        .map_or((written, None), |(p, f)| (p, Some(f)));
    if path.starts_with("www.") {
        return Some(format!("https://{written}"));
    }
    let sections = loaded.sections.iter().map(|s| &s.file);
    let found = closest_path(path, &raw.folder, sections)?;
    Some(match fragment {
        Some(f) => format!("{found}#{f}"),
        None => found,
    })
}

/// The file among `files` that `written` (a path from `folder`) most likely
/// meant: the same name in another folder, or a near miss of the name
/// (ignoring number prefixes and `.md`/`.html`), as a path from `folder`.
fn closest_path<'a>(
    written: &str,
    folder: &str,
    files: impl Iterator<Item = &'a String>,
) -> Option<String> {
    let name = written.rsplit('/').next()?;
    let stem = |n: &str| {
        let n = n.to_lowercase();
        let n = n
            .strip_suffix(".md")
            .or_else(|| n.strip_suffix(".html"))
            .unwrap_or(&n)
            .to_string();
        strip_number(&n).to_string()
    };
    let wanted = stem(name);
    let files: Vec<&String> = files.collect();
    let same = files
        .iter()
        .find(|f| {
            f.rsplit('/')
                .next()
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
        })
        .or_else(|| {
            files
                .iter()
                .find(|f| stem(f.rsplit('/').next().unwrap_or("")) == wanted)
        });
    let found = match same {
        Some(f) => (*f).clone(),
        None => {
            let stems: Vec<String> = files
                .iter()
                .map(|f| stem(f.rsplit('/').next().unwrap_or("")))
                .collect();
            let near = closest(&wanted, stems.iter().map(String::as_str))?;
            let i = stems.iter().position(|s| s == near)?;
            files[i].clone()
        }
    };
    Some(relative_path(folder, &found))
}

/// `to` (from the plan folder) as a path from the folder `from`:
/// (`content/07-a`, `content/assets/x.png`) → `../assets/x.png`.
fn relative_path(from: &str, to: &str) -> String {
    let from: Vec<&str> = from.split('/').filter(|p| !p.is_empty()).collect();
    let to: Vec<&str> = to.split('/').collect();
    let common = from
        .iter()
        .zip(&to)
        .take_while(|(a, b)| a == b)
        .count()
        .min(to.len().saturating_sub(1));
    let mut parts: Vec<&str> = vec![".."; from.len() - common];
    parts.extend(&to[common..]);
    parts.join("/")
}

/// Rules over the whole plan: unique goal ids, references, coverage, and
/// links to anchors in other sections.
pub(super) fn check_plan(
    plan: &Plan,
    spans: &Spans,
    vocabulary_known: bool,
    goals_known: bool,
    diags: &mut Vec<Diagnostic>,
) {
    super::ids::check_unique(spans, diags);
    // Without a readable plan.yaml every reference would look unknown.
    if !vocabulary_known {
        return;
    }
    let mut goals_known = goals_known;
    for (kind, id, at) in &spans.references {
        if spans.broken_vocabulary.contains(kind) {
            continue;
        }
        let list: &[Named] = match kind {
            Thing::TargetGroup => &plan.target_groups,
            Thing::Track => &plan.tracks,
            _ => &plan.national_goals,
        };
        if !list.iter().any(|n| &n.id == id) {
            // A goal that meant another group: coverage would be guesswork.
            goals_known = false;
            let ids: Vec<String> = list.iter().map(|n| n.id.clone()).collect();
            // The entry's name instead of its id: `target_group: Unge uden uddannelse`.
            let by_name = list
                .iter()
                .find(|n| n.name.trim().eq_ignore_ascii_case(id.trim()))
                .map(|n| Hint::DidYouMean { name: n.id.clone() });
            let hint = by_name
                .or_else(|| did_you_mean(id, ids.iter().map(String::as_str)))
                .unwrap_or(if ids.is_empty() {
                    Hint::NoVocabulary { kind: *kind }
                } else {
                    Hint::VocabularyIs { kind: *kind, ids }
                });
            diags.push(
                Diagnostic::at(
                    &at.file,
                    at.pos,
                    Message::UnknownVocabulary {
                        kind: *kind,
                        id: id.clone(),
                    },
                )
                .hint(hint),
            );
        }
    }
    let goals = plan.all_goals();
    // With no sections at all, that is the one problem worth saying; with a
    // section whose front matter could not be read, its goals are unknown.
    if plan.sections.is_empty() || !goals_known {
        return;
    }
    for (kind, id, pos) in &spans.vocabulary {
        let (message, hint) = match kind {
            Thing::TargetGroup if !goals.iter().any(|(_, g)| g.target_groups.contains(id)) => (
                Message::UncoveredTargetGroup { id: id.clone() },
                Hint::AddGoalForGroup,
            ),
            Thing::NationalGoal if !goals.iter().any(|(_, g)| g.national_goals.contains(id)) => (
                Message::UnansweredNationalGoal { id: id.clone() },
                Hint::ListNationalGoal,
            ),
            _ => continue,
        };
        diags.push(Diagnostic::at("plan.yaml", *pos, message).hint(hint));
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
            let hint = did_you_mean(fragment, ids.iter().map(String::as_str))
                .map(|h| match h {
                    Hint::DidYouMean { name } => Hint::DidYouMean {
                        name: format!("#{name}"),
                    },
                    other => other,
                })
                .unwrap_or(Hint::AnchorForm);
            diags.push(
                Diagnostic::at(
                    file,
                    *pos,
                    Message::NoAnchor {
                        file: target.source.clone(),
                        fragment: fragment.clone(),
                    },
                )
                .hint(hint),
            );
        }
    }
}

fn collect_heading_ids(blocks: &[crate::markdown::Block], out: &mut Vec<String>) {
    for b in blocks {
        match b {
            crate::markdown::Block::Heading { id, .. } => out.push(id.clone()),
            crate::markdown::Block::Quote { body, .. }
            | crate::markdown::Block::Callout { body, .. } => collect_heading_ids(body, out),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_between_folders() {
        assert_eq!(
            relative_path("content/07-a", "content/assets/x.png"),
            "../assets/x.png"
        );
        assert_eq!(
            relative_path("content", "content/assets/x.png"),
            "assets/x.png"
        );
        assert_eq!(relative_path("content/07-a", "content/07-a/b.md"), "b.md");
        assert_eq!(
            relative_path("content/07-a/c", "content/01-x.md"),
            "../../01-x.md"
        );
    }

    #[test]
    fn the_closest_file_ignores_number_prefixes_and_page_names() {
        let files = [
            "content/01-forord.md".to_string(),
            "content/04-unge.md".to_string(),
        ];
        let near = |w: &str| closest_path(w, "content", files.iter());
        assert_eq!(near("05-unge.md").as_deref(), Some("04-unge.md"));
        assert_eq!(near("unge.html").as_deref(), Some("04-unge.md"));
        assert_eq!(near("01-forrord.md").as_deref(), Some("01-forord.md"));
        assert_eq!(near("budget.md"), None);
    }
}

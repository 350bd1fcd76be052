//! What changed since the council adopted the plan: goals added, removed
//! or renamed, targets changed, indicators added or removed, and sections
//! whose text changed, each with the passages that changed word by word.
//! Computed once from the adopted plan and the plan as it is now; the
//! site's changes page and the PDF annex both walk it.

use crate::model::{Figure, Goal, Indicator, Plan, Section, Unit, Value, When};
use similar::{Algorithm, ChangeTag, TextDiff};
use std::collections::{HashMap, HashSet};

/// The changes between the adopted plan and this one.
#[derive(Debug, Clone, PartialEq)]
pub struct Changes {
    /// The git tag or commit the adopted version is, as plan.yaml names it.
    pub git_ref: String,
    /// The commit it names, abbreviated.
    pub commit: String,
    pub goals_added: Vec<GoalRef>,
    pub goals_removed: Vec<GoalRef>,
    pub goals_renamed: Vec<Renamed>,
    pub targets_changed: Vec<TargetChange>,
    pub indicators_added: Vec<IndicatorRef>,
    pub indicators_removed: Vec<IndicatorRef>,
    pub sections: Vec<SectionChange>,
}

/// A goal, and where it stands on the site (for goals of this plan).
#[derive(Debug, Clone, PartialEq)]
pub struct GoalRef {
    pub id: String,
    pub title: String,
    /// `None` for a goal that is gone.
    pub link: Option<Link>,
}

/// A page and anchor of the site.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub slug: String,
    pub anchor: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Renamed {
    pub id: String,
    pub before: String,
    pub after: String,
    pub link: Link,
}

/// A target of one period, before and after; `None` where there was none.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetChange {
    pub goal_id: String,
    pub indicator: String,
    pub unit: Unit,
    pub when: When,
    pub before: Option<Value>,
    pub after: Option<Value>,
    pub link: Link,
}

#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorRef {
    pub goal_id: String,
    pub name: String,
    pub link: Option<Link>,
}

/// A section whose text changed, was added or was removed.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionChange {
    pub title: String,
    pub kind: SectionChangeKind,
    /// The changed passages with a few words around them; empty for a
    /// section added or removed, or one too long to compare word by word.
    pub passages: Vec<Passage>,
    /// `None` for a section that is gone.
    pub link: Option<Link>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionChangeKind {
    Added,
    Removed,
    /// The text changed; `passages` says where.
    Edited,
    /// The text changed, past what is compared word by word.
    Rewritten,
}

/// One changed passage: the words before and after, each marked changed or
/// not (the unchanged ones are the context around the change).
#[derive(Debug, Clone, PartialEq)]
pub struct Passage {
    pub before: Vec<Words>,
    pub after: Vec<Words>,
}

/// A run of words, changed or kept.
#[derive(Debug, Clone, PartialEq)]
pub struct Words {
    pub text: String,
    pub changed: bool,
}

/// Words of context on either side of a change.
const CONTEXT: usize = 8;

/// The most words a section may have for a word-by-word comparison; past
/// it the section is reported as rewritten, so a build never spends long
/// on a diff.
const MAX_WORDS: usize = 20_000;

impl Changes {
    /// What changed from `adopted` to `now`.
    pub fn between(adopted: &Plan, now: &Plan, git_ref: &str, commit: &str) -> Changes {
        let mut c = Changes {
            git_ref: git_ref.to_string(),
            commit: commit.chars().take(12).collect(),
            goals_added: Vec::new(),
            goals_removed: Vec::new(),
            goals_renamed: Vec::new(),
            targets_changed: Vec::new(),
            indicators_added: Vec::new(),
            indicators_removed: Vec::new(),
            sections: Vec::new(),
        };
        let old_goals = adopted.all_goals();
        let new_goals = now.all_goals();
        // Goals by id: a plan of 2,000 goals would otherwise be searched
        // 2,000 times over.
        let old_by_id: HashMap<&str, &Goal> =
            old_goals.iter().map(|(_, g)| (g.id.as_str(), *g)).collect();
        let new_ids: HashSet<&str> = new_goals.iter().map(|(_, g)| g.id.as_str()).collect();
        for &(section, goal) in &new_goals {
            let link = goal_link(section, goal);
            let Some(old) = old_by_id.get(goal.id.as_str()) else {
                c.goals_added.push(GoalRef {
                    id: goal.id.clone(),
                    title: goal.title.clone(),
                    link: Some(link),
                });
                continue;
            };
            if old.title != goal.title {
                c.goals_renamed.push(Renamed {
                    id: goal.id.clone(),
                    before: old.title.clone(),
                    after: goal.title.clone(),
                    link: link.clone(),
                });
            }
            c.compare_indicators(old, goal, &link);
        }
        for &(_, goal) in &old_goals {
            if !new_ids.contains(goal.id.as_str()) {
                c.goals_removed.push(GoalRef {
                    id: goal.id.clone(),
                    title: goal.title.clone(),
                    link: None,
                });
            }
        }
        c.compare_sections(adopted, now);
        c
    }

    /// Whether nothing changed at all.
    pub fn is_empty(&self) -> bool {
        self.goals_added.is_empty()
            && self.goals_removed.is_empty()
            && self.goals_renamed.is_empty()
            && self.targets_changed.is_empty()
            && self.indicators_added.is_empty()
            && self.indicators_removed.is_empty()
            && self.sections.is_empty()
    }

    /// Indicators are the same when they have the same name, or else when
    /// they stand in the same place among those that lost their partner
    /// (an indicator renamed in place).
    fn compare_indicators(&mut self, old: &Goal, new: &Goal, link: &Link) {
        let mut pairs: Vec<(Option<&Indicator>, Option<&Indicator>)> = Vec::new();
        let mut lone_old: Vec<&Indicator> = Vec::new();
        for o in &old.indicators {
            match new.indicators.iter().find(|n| n.name == o.name) {
                Some(n) => pairs.push((Some(o), Some(n))),
                None => lone_old.push(o),
            }
        }
        let lone_new: Vec<&Indicator> = new
            .indicators
            .iter()
            .filter(|n| !old.indicators.iter().any(|o| o.name == n.name))
            .collect();
        for k in 0..lone_old.len().max(lone_new.len()) {
            let (o, n) = (lone_old.get(k).copied(), lone_new.get(k).copied());
            // Renamed in place when both sides have one there and the unit
            // agrees; otherwise one went and another came.
            match (o, n) {
                (Some(o), Some(n)) if o.unit == n.unit => pairs.push((Some(o), Some(n))),
                _ => {
                    pairs.push((o, None));
                    pairs.push((None, n));
                }
            }
        }
        for pair in pairs {
            match pair {
                (Some(o), Some(n)) => self.compare_targets(&new.id, o, n, link),
                (Some(o), None) => self.indicators_removed.push(IndicatorRef {
                    goal_id: old.id.clone(),
                    name: o.name.clone(),
                    link: None,
                }),
                (None, Some(n)) => self.indicators_added.push(IndicatorRef {
                    goal_id: new.id.clone(),
                    name: n.name.clone(),
                    link: Some(link.clone()),
                }),
                (None, None) => {}
            }
        }
    }

    fn compare_targets(&mut self, goal_id: &str, old: &Indicator, new: &Indicator, link: &Link) {
        let value_at =
            |list: &[Figure], w: When| list.iter().find(|f| f.when == w).map(|f| f.value.clone());
        let mut periods: Vec<When> = old
            .targets
            .iter()
            .chain(&new.targets)
            .map(|f| f.when)
            .collect();
        periods.sort();
        periods.dedup();
        for w in periods {
            let (before, after) = (value_at(&old.targets, w), value_at(&new.targets, w));
            if before != after {
                self.targets_changed.push(TargetChange {
                    goal_id: goal_id.to_string(),
                    indicator: new.name.clone(),
                    unit: new.unit,
                    when: w,
                    before,
                    after,
                    link: link.clone(),
                });
            }
        }
    }

    /// Sections are matched by their file.
    fn compare_sections(&mut self, adopted: &Plan, now: &Plan) {
        let old = adopted.all_sections();
        let new = now.all_sections();
        let old_by_file: HashMap<&str, &Section> =
            old.iter().map(|o| (o.source.as_str(), *o)).collect();
        for s in &new {
            let link = Some(Link {
                slug: s.slug.clone(),
                anchor: None,
            });
            let Some(o) = old_by_file.get(s.source.as_str()) else {
                self.sections.push(SectionChange {
                    title: s.title.clone(),
                    kind: SectionChangeKind::Added,
                    passages: Vec::new(),
                    link,
                });
                continue;
            };
            // Most sections are as adopted: the same text read the same
            // way needs no words drawn out of it to tell.
            let same = o.title == s.title && o.summary == s.summary && o.body == s.body;
            if same {
                continue;
            }
            let (before, after) = (section_text(o), section_text(s));
            if before == after {
                continue;
            }
            let passages = passages(&before, &after);
            let kind = match &passages {
                Some(_) => SectionChangeKind::Edited,
                None => SectionChangeKind::Rewritten,
            };
            self.sections.push(SectionChange {
                title: s.title.clone(),
                kind,
                passages: passages.unwrap_or_default(),
                link,
            });
        }
        let new_files: HashSet<&str> = new.iter().map(|s| s.source.as_str()).collect();
        for o in &old {
            if !new_files.contains(o.source.as_str()) {
                self.sections.push(SectionChange {
                    title: o.title.clone(),
                    kind: SectionChangeKind::Removed,
                    passages: Vec::new(),
                    link: None,
                });
            }
        }
    }
}

fn goal_link(section: &Section, goal: &Goal) -> Link {
    Link {
        slug: section.slug.clone(),
        anchor: Some(goal.anchor()),
    }
}

/// A section's words as a reader sees them: its title, summary and text,
/// without markup, on one line.
fn section_text(s: &Section) -> String {
    let mut text = s.title.clone();
    if let Some(summary) = &s.summary {
        text.push('\n');
        text.push_str(summary);
    }
    text.push('\n');
    text.push_str(&crate::markdown::blocks_text(&s.body));
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The changed passages from `before` to `after`, word by word, with
/// [`CONTEXT`] words around each; `None` when either is past [`MAX_WORDS`].
fn passages(before: &str, after: &str) -> Option<Vec<Passage>> {
    let words = |t: &str| t.split(' ').count();
    if words(before) > MAX_WORDS || words(after) > MAX_WORDS {
        return None;
    }
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .diff_words(before, after);
    // Words and the spaces between them are tokens: twice the context.
    let groups = diff.grouped_ops(CONTEXT * 2);
    let mut out = Vec::new();
    for group in groups {
        let mut passage = Passage {
            before: Vec::new(),
            after: Vec::new(),
        };
        for op in &group {
            for change in diff.iter_changes(op) {
                let text = change.value();
                let (sides, changed): (&[bool], bool) = match change.tag() {
                    ChangeTag::Equal => (&[true, true], false),
                    ChangeTag::Delete => (&[true, false], true),
                    ChangeTag::Insert => (&[false, true], true),
                };
                for (side, list) in [(0, &mut passage.before), (1, &mut passage.after)] {
                    if sides[side] {
                        push_words(list, text, changed);
                    }
                }
            }
        }
        trim(&mut passage.before);
        trim(&mut passage.after);
        out.push(passage);
    }
    Some(out)
}

/// Adds `text` to the runs, joining it to the last run of the same kind.
/// A space between two changed words counts as changed.
fn push_words(list: &mut Vec<Words>, text: &str, changed: bool) {
    let space = text.trim().is_empty();
    match list.last_mut() {
        Some(last) if last.changed == changed || (space && last.changed) => {
            last.text.push_str(text)
        }
        _ => list.push(Words {
            text: text.to_string(),
            changed,
        }),
    }
}

/// No run starts or ends with a space, and none is empty: the renderers
/// put one space between runs.
fn trim(list: &mut Vec<Words>) {
    for w in list.iter_mut() {
        w.text = w.text.trim().to_string();
    }
    list.retain(|w| !w.text.is_empty());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(list: &[Words]) -> String {
        list.iter()
            .map(|w| {
                if w.changed {
                    format!("[{}]", w.text)
                } else {
                    w.text.clone()
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn a_changed_word_comes_with_its_context() {
        let before = "Mange arbejdsgivere oplever stadig at stillinger står ubesatte længe og at der kun kommer få ansøgere";
        let after = "Mange arbejdsgivere oplever stadig at stillinger står ubesatte i flere måneder og at der kun kommer få ansøgere";
        let p = passages(before, after).unwrap();
        assert_eq!(p.len(), 1);
        assert_eq!(
            show(&p[0].before),
            "Mange arbejdsgivere oplever stadig at stillinger står ubesatte [længe] og at der kun kommer få ansøgere"
        );
        assert_eq!(
            show(&p[0].after),
            "Mange arbejdsgivere oplever stadig at stillinger står ubesatte [i flere måneder] og at der kun kommer få ansøgere"
        );
    }

    #[test]
    fn far_apart_changes_are_passages_of_their_own() {
        let words: Vec<String> = (0..100).map(|i| format!("ord{i}")).collect();
        let before = words.join(" ");
        let mut changed = words.clone();
        changed[10] = "nyt".into();
        changed[80] = "andet".into();
        let p = passages(&before, &changed.join(" ")).unwrap();
        assert_eq!(p.len(), 2);
        assert!(
            show(&p[1].after).contains("[andet]"),
            "{}",
            show(&p[1].after)
        );
        assert!(passages(&"a ".repeat(MAX_WORDS + 1), "b").is_none());
    }
}

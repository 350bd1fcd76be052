//! Where goal cards go: each goal is shown once, where the first marker
//! that names it stands.

use crate::diagnostic::{Diagnostic, Hint, Message};
use crate::load::yaml::Pos;
use crate::markdown::{Block, GoalsMarker};
use crate::model::Goal;

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
                    Block::Quote {
                        mut body,
                        attribution,
                    } => {
                        self.walk(&mut body);
                        blocks.push(Block::Quote { body, attribution });
                    }
                    Block::Callout {
                        kind,
                        title,
                        mut body,
                    } => {
                        self.walk(&mut body);
                        blocks.push(Block::Callout { kind, title, body });
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
            let ids = again.iter().map(|id| id.to_string()).collect();
            self.diags.push(
                Diagnostic::at(self.file, pos, Message::GoalPlacedTwice { ids })
                    .hint(Hint::PlaceOnce),
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

//! The structure tree: the display list's elements as krilla tag groups,
//! with the marked content and link annotations of each in reading order.
//!
//! Elements are children of their parent in the order they were made;
//! an element joins its parent's children when its first content is
//! drawn (so content of the parent itself falls in between in reading
//! order), and the siblings made before it join first. Elements that never
//! get content (an empty table cell) are kept, in their place.

use super::super::display::{Elem, Role, Scope};
use krilla::surface::Location;
use krilla::tagging::{
    Identifier, ListNumbering, Node, TableHeaderScope, Tag, TagGroup, TagKind, TagTree,
};
use std::num::NonZeroU16;

enum Child {
    Leaf(Identifier),
    Elem(u32),
}

pub struct Tree<'d> {
    elems: &'d [Elem],
    /// The children of each element, by index, and of the root (last).
    kids: Vec<Vec<u32>>,
    /// How many of `kids` have joined their parent.
    joined: Vec<usize>,
    attached: Vec<bool>,
    children: Vec<Vec<Child>>,
}

impl<'d> Tree<'d> {
    pub fn new(elems: &'d [Elem]) -> Tree<'d> {
        let n = elems.len();
        let mut kids = vec![Vec::new(); n + 1];
        for (i, e) in elems.iter().enumerate() {
            kids[e.parent.map_or(n, |p| p as usize)].push(i as u32);
        }
        Tree {
            elems,
            kids,
            joined: vec![0; n + 1],
            attached: vec![false; n],
            children: (0..=n).map(|_| Vec::new()).collect(),
        }
    }

    fn slot(&self, parent: Option<u32>) -> usize {
        parent.map_or(self.elems.len(), |p| p as usize)
    }

    /// Makes `e` (and its ancestors) part of the tree.
    fn attach(&mut self, e: u32) {
        if self.attached[e as usize] {
            return;
        }
        let parent = self.elems[e as usize].parent;
        if let Some(p) = parent {
            self.attach(p);
        }
        let slot = self.slot(parent);
        while self.joined[slot] < self.kids[slot].len() {
            let s = self.kids[slot][self.joined[slot]];
            if s > e {
                break;
            }
            self.joined[slot] += 1;
            self.attached[s as usize] = true;
            self.children[slot].push(Child::Elem(s));
        }
    }

    /// Content of `e`, in reading order.
    pub fn push(&mut self, e: u32, id: Identifier) {
        self.attach(e);
        self.children[e as usize].push(Child::Leaf(id));
    }

    /// The finished tree; `location` gives the krilla location of an
    /// element that points at the plan's files.
    pub fn finish(mut self, lang: &str, location: &dyn Fn(u32) -> Option<Location>) -> TagTree {
        for e in 0..self.elems.len() as u32 {
            self.attach(e);
        }
        let n = self.elems.len();
        let roots = std::mem::take(&mut self.children[n]);
        let mut tree = TagTree::new().with_lang(Some(lang.to_string()));
        for child in roots {
            tree.push(self.node(child, location));
        }
        tree
    }

    fn node(&mut self, child: Child, location: &dyn Fn(u32) -> Option<Location>) -> Node {
        match child {
            Child::Leaf(id) => Node::Leaf(id),
            Child::Elem(e) => {
                let elem = &self.elems[e as usize];
                let loc = elem.at.and_then(location);
                let tag = tag_of(&elem.role, loc);
                let kids = std::mem::take(&mut self.children[e as usize]);
                let children = kids.into_iter().map(|c| self.node(c, location)).collect();
                Node::Group(TagGroup::with_children(tag, children))
            }
        }
    }
}

/// The tag of a role.
fn tag_of(role: &Role, loc: Option<Location>) -> TagKind {
    match role {
        Role::Sect => Tag::Section.into(),
        Role::Heading { level, title } => {
            let level = NonZeroU16::new(u16::from((*level).clamp(1, 6))).unwrap_or(NonZeroU16::MIN);
            Tag::Hn(level, Some(title.clone())).into()
        }
        Role::Paragraph => Tag::P.into(),
        Role::List { ordered } => Tag::L(if *ordered {
            ListNumbering::Decimal
        } else {
            ListNumbering::Disc
        })
        .into(),
        Role::ListItem => Tag::LI.into(),
        Role::Label => Tag::Lbl.into(),
        Role::ListBody => Tag::LBody.into(),
        Role::Quote => Tag::BlockQuote.into(),
        Role::Code => Tag::Code.into(),
        Role::Table => Tag::Table.into(),
        Role::TableHead => Tag::THead.into(),
        Role::TableBody => Tag::TBody.into(),
        Role::TableRow => Tag::TR.into(),
        Role::TableHeaderCell(scope) => Tag::TH(match scope {
            Scope::Column => TableHeaderScope::Column,
            Scope::Row => TableHeaderScope::Row,
        })
        .into(),
        Role::TableCell => Tag::TD.into(),
        Role::Figure { alt } => {
            let alt = (!alt.trim().is_empty()).then(|| alt.clone());
            Tag::Figure(alt).with_location(loc).into()
        }
        Role::Caption => Tag::Caption.into(),
        Role::Toc => Tag::TOC.into(),
        Role::TocItem => Tag::TOCI.into(),
        Role::Link => Tag::Link.into(),
        Role::Note => Tag::Note.into(),
        Role::Div => Tag::Div.into(),
    }
}

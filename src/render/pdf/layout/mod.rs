//! The layout engine: walks the plan and places everything on pages,
//! producing a [`Document`] display list. It measures text with the body
//! font's metrics, breaks lines (with hyphenation), keeps headings with what
//! follows, avoids single lines stranded at a page's top or bottom, repeats
//! table headers (and a goal's heading) on every page they cross, starts
//! new pages only for long chapters or where asked, numbers the table of
//! contents in a second pass, and gives cross-references their pages from
//! a pass before ([`lay_out`]).
//!
//! The rooms, by what they lay out: [`flow`] (pages, pagination, placing
//! lines), [`text`] (spans and line breaking), [`inline`] (Markdown inlines
//! as spans), [`blocks`] (headings, paragraphs, lists, code, figures,
//! footnotes), [`asides`] (callouts, quotes with their speaker,
//! signatures), [`tables`], [`goals`] (goal cards and their tables),
//! [`charts`], [`cover`], [`colophon`], [`contents`], [`overview`] (the
//! status of every goal), [`furniture`] (running header and footer) and
//! [`case`] (a committee case, which has a header of facts instead of a
//! cover and contents). Chapters are laid out in parallel and joined.

mod asides;
mod blocks;
mod case;
mod charts;
mod colophon;
mod contents;
mod cover;
mod flow;
mod furniture;
mod goals;
mod inline;
mod overview;
mod tables;
pub mod text;

use super::display::{Artifact, Document, Elem, Owner, Page, Role, Source};
use super::fonts::Fonts;
use super::hyphenate::Hyphenation;
use super::style::{NewPage, Style};
use crate::model::{Plan, Section, TocEntry};
use crate::theme::Theme;
use rayon::prelude::*;
use std::collections::{BTreeSet, HashMap};
use text::Span;

/// Something the layout could not do as asked, for the renderer to report.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// A character the font cannot draw, and the file it stands in.
    MissingGlyph { ch: char, file: String },
    /// A table too wide for the page even in the smallest type and in
    /// bands of columns: some of its words are cut between letters.
    TableTooWide { file: String, line: Option<u32> },
}

/// What the layout engine needs, shared by every part of it.
#[derive(Clone, Copy)]
pub struct Env<'a> {
    pub plan: &'a Plan,
    pub theme: &'a Theme,
    pub st: &'a Style,
    pub fonts: &'a Fonts,
    pub hyph: &'a Hyphenation,
    /// The document's date (the build's, or `SOURCE_DATE_EPOCH`).
    pub today: crate::model::Date,
    /// Section numbers and pages for cross-references ([`lay_out`] sets it).
    pub xref: Option<&'a Xref>,
}

/// What a cross-reference in the text needs: the number of each section
/// and the page of each anchor, from the pass before.
#[derive(Default)]
pub struct Xref {
    numbers: HashMap<String, String>,
    pages: HashMap<String, usize>,
    /// Some text referred to a page: another pass may be needed.
    used: std::sync::atomic::AtomicBool,
}

/// Lays out the plan. When its text refers to other sections, their page
/// numbers come from the pass before: the passes go on (at most three)
/// until the pages no longer move.
pub fn lay_out(env: Env<'_>) -> (Document, Vec<Problem>) {
    let numbers: HashMap<String, String> = env
        .plan
        .toc()
        .into_iter()
        .map(|e| (e.slug, e.number))
        .collect();
    let mut pages = HashMap::new();
    let mut pass = 0;
    loop {
        let xref = Xref {
            numbers: numbers.clone(),
            pages,
            used: Default::default(),
        };
        let out = Layout::new(Env {
            xref: Some(&xref),
            ..env
        })
        .run();
        pass += 1;
        let found: HashMap<String, usize> = out
            .0
            .anchors
            .iter()
            .map(|(k, (p, _))| (k.clone(), p + 1))
            .collect();
        if !xref.used.load(std::sync::atomic::Ordering::Relaxed) || found == xref.pages || pass == 3
        {
            return out;
        }
        pages = found;
    }
}

pub struct Layout<'a> {
    env: Env<'a>,
    plan: &'a Plan,
    st: &'a Style,
    fonts: &'a Fonts,
    doc: Document,
    /// The top of the next thing to place on the current page.
    y: f32,
    /// Nothing placed yet on the current page below its top.
    at_top: bool,
    /// Body text size and leading in force (footnotes use smaller ones).
    fs: f32,
    lead: f32,
    /// Marker of a list item, drawn with the item's first line, and the
    /// label element it belongs to (none: a bullet, drawn as an artifact).
    pending_marker: Option<(f32, Vec<Span>, Option<u32>)>,
    /// The section being laid out (for fragments and diagnostics).
    slug: String,
    source: String,
    problems: Vec<Problem>,
    missing_seen: BTreeSet<(char, String)>,
    /// Collect outline entries and anchors (off while sizing the contents).
    record: bool,
    /// Outline depth of the last heading: a goal's entry goes below it.
    depth: usize,
    /// Tag level of the current section's heading: goal titles go one below.
    section_level: u8,
    /// The structure element items are placed in.
    cur: Option<u32>,
    /// Everything placed is this artifact (a table header drawn again).
    artifact: Option<Artifact>,
    /// The Link element of each link of the text being placed.
    links: HashMap<u32, u32>,
    next_link: u32,
    /// The next paragraph is a list item's whole body: no element of its own.
    bare_paragraph: bool,
    /// Goals already drawn: a goal placed twice is drawn once.
    placed_goals: std::collections::HashSet<String>,
    /// Points kept free at the right of the text block (inside a box).
    inset: f32,
    /// The target groups of the section being laid out: a goal names its
    /// own only when they differ.
    section_groups: Vec<String>,
    /// The heading of the goal being laid out, repeated with "(fortsat)"
    /// at the top of each page the goal runs on to.
    continued: Option<(String, String, Option<u32>)>,
    /// The next section starts a new page (a chapter the pagination
    /// policy breaks before).
    break_next: bool,
}

impl<'a> Layout<'a> {
    pub fn new(env: Env<'a>) -> Self {
        let st = env.st;
        Layout {
            env,
            plan: env.plan,
            st,
            fonts: env.fonts,
            doc: Document {
                width: st.page_w,
                height: st.page_h,
                ..Document::default()
            },
            y: 0.0,
            at_top: true,
            fs: st.file.text.size_pt,
            lead: st.file.text.leading_pt,
            pending_marker: None,
            slug: String::new(),
            source: "plan.yaml".into(),
            problems: Vec::new(),
            missing_seen: BTreeSet::new(),
            record: true,
            depth: 1,
            section_level: 1,
            cur: None,
            artifact: None,
            links: HashMap::new(),
            next_link: 0,
            bare_paragraph: false,
            placed_goals: Default::default(),
            inset: 0.0,
            section_groups: Vec::new(),
            continued: None,
            break_next: false,
        }
    }

    // ----- structure -------------------------------------------------------

    /// A new structure element below the current one (not entered).
    fn new_elem(&mut self, role: Role) -> u32 {
        self.doc.structure.push(Elem {
            role,
            parent: self.cur,
            at: None,
        });
        (self.doc.structure.len() - 1) as u32
    }

    /// Enters a new element below the current one; returns the one to go
    /// back to with [`Layout::close`].
    fn open(&mut self, role: Role) -> Option<u32> {
        let e = self.new_elem(role);
        self.cur.replace(e)
    }

    fn close(&mut self, prev: Option<u32>) {
        self.cur = prev;
    }

    /// A place in the current section's file, for elements and images.
    fn source_at(&mut self, line: Option<u32>) -> u32 {
        self.doc.sources.push(Source {
            file: self.source.clone(),
            line,
        });
        (self.doc.sources.len() - 1) as u32
    }

    /// What the next item placed belongs to.
    fn owner(&self) -> Owner {
        match (self.artifact, self.cur) {
            (Some(a), _) => Owner::Artifact(a),
            (None, Some(e)) => Owner::Elem(e),
            // Content outside any element would be lost to the structure;
            // every caller opens one first.
            (None, None) => Owner::Artifact(Artifact::Layout),
        }
    }

    fn label(&self, key: &'a str) -> &'a str {
        self.env.theme.label(key)
    }

    // ----- the document ------------------------------------------------------

    /// Lays out the whole plan.
    pub fn run(mut self) -> (Document, Vec<Problem>) {
        let env = self.env;
        let plan = self.plan;
        if let Some(case) = plan.meta.kind.case() {
            return self.case_document(case);
        }
        let toc = plan.toc();
        self.cover();
        self.colophon();
        // How many pages the contents take (their numbers have a fixed
        // column), laid out where they will stand.
        let toc_at = self.doc.pages.len();
        let mut sizing = Layout::new(env);
        sizing.record = false;
        sizing.doc.pages.resize_with(toc_at, Page::default);
        sizing.contents(&toc, &|_| 0);
        let toc_pages = sizing.doc.pages.len() - toc_at;
        // The contents (laid out last) stand here in the structure.
        let toc_elem = self.new_elem(Role::Sect);
        for _ in 0..toc_pages {
            self.doc.pages.push(Page::default());
        }
        self.overview();
        let sections = plan.all_sections();
        let entries: Vec<(&Section, &TocEntry)> =
            sections.iter().copied().zip(toc.iter()).collect();
        // Each chapter (a top-level section and the sections below it) is
        // first laid out on its own, in parallel, from a new page. A chapter
        // the policy starts on a new page is taken as it is; one that flows
        // on after the one before is laid out again where it lands.
        let chapters = chapters(&entries);
        let laid: Vec<(Document, Vec<Problem>, f32, f32)> = chapters
            .par_iter()
            .map(|chapter| {
                let mut l = Layout::new(env);
                // Pages are numbered as in the whole document, so
                // margins alternate right.
                l.doc.pages.resize_with(1, Page::default);
                l.at_top = false;
                l.break_next = true;
                for (section, entry) in chapter {
                    l.section(section, entry);
                }
                let (y, pages) = (l.y, l.doc.pages.len() - 1);
                let text_h = l.limit() - l.st.top;
                let length = (pages as f32 - 1.0) + (y - l.st.top) / text_h;
                // The placeholder page goes; what points at pages moves up.
                l.doc.pages.remove(0);
                for (p, _) in l.doc.anchors.values_mut() {
                    *p -= 1;
                }
                for o in &mut l.doc.outline {
                    o.page -= 1;
                }
                (l.doc, l.problems, length, y)
            })
            .collect();
        let hs = &self.st.file.headings;
        for (k, (chapter, (chunk, problems, length, y))) in chapters.iter().zip(laid).enumerate() {
            let first = chapter[0].0;
            let breaks = k == 0
                || first.page_break
                || match hs.new_page {
                    NewPage::All => hs.new_page_level >= 1,
                    NewPage::Long => length >= hs.long_chapter_pages,
                    NewPage::Asked => false,
                };
            if breaks {
                self.append(chunk, None, 2);
                self.problems.extend(problems);
                self.y = y;
                self.at_top = false;
            } else {
                for (section, entry) in chapter {
                    self.section(section, entry);
                }
            }
        }
        // The contents, with the pages the headings landed on.
        let anchors = self.doc.anchors.clone();
        let mut contents = Layout::new(env);
        contents.doc.pages.resize_with(toc_at, Page::default);
        contents.contents(&toc, &|slug: &str| {
            anchors.get(slug).map_or(0, |(p, _)| p + 1)
        });
        let mut toc_doc = contents.doc;
        toc_doc.pages.drain(..toc_at);
        toc_doc.pages.resize_with(toc_pages, Page::default);
        let toc_outline = std::mem::take(&mut toc_doc.outline);
        self.place_contents(toc_doc, toc_elem, toc_at);
        // The contents' entry goes between the colophon's and the rest.
        let split = self
            .doc
            .outline
            .iter()
            .position(|o| o.page >= toc_at)
            .unwrap_or(self.doc.outline.len());
        self.doc.outline.splice(split..split, toc_outline);
        self.problems.extend(contents.problems);
        // The cover has neither header nor footer, the colophon no header.
        self.furniture(1, 2);
        (self.doc, self.problems)
    }

    /// Adds the pages of `other` at the end, its structure below `parent`.
    /// `other` was laid out with its first page numbered `first_no`; a page
    /// that lands on the other side of a spread moves to its margins.
    fn append(&mut self, other: Document, parent: Option<u32>, first_no: usize) {
        let page_offset = self.doc.pages.len();
        let elem_offset = self.doc.structure.len() as u32;
        let source_offset = self.doc.sources.len() as u32;
        let image_offset = self.doc.images.len();
        self.doc
            .structure
            .extend(other.structure.into_iter().map(|e| Elem {
                role: e.role,
                parent: e.parent.map(|p| p + elem_offset).or(parent),
                at: e.at.map(|a| a + source_offset),
            }));
        self.doc.sources.extend(other.sources);
        self.doc
            .images
            .extend(other.images.into_iter().map(|mut i| {
                i.at += source_offset;
                i
            }));
        for (k, mut page) in other.pages.into_iter().enumerate() {
            shift_page(&mut page, elem_offset, image_offset);
            let was = self.st.margins(first_no + k).0;
            let now = self.st.margins(page_offset + k + 1).0;
            if was != now {
                for item in &mut page.items {
                    flow::shift_x(item, now - was);
                }
            }
            self.doc.pages.push(page);
        }
        for (key, (p, y)) in other.anchors {
            self.doc.anchors.insert(key, (p + page_offset, y));
        }
        self.doc
            .outline
            .extend(other.outline.into_iter().map(|mut o| {
                o.page += page_offset;
                o
            }));
    }

    /// Puts the contents' pages in place of the empty pages from index
    /// `at` on, their structure below `toc_elem`.
    fn place_contents(&mut self, toc: Document, toc_elem: u32, at: usize) {
        let elem_offset = self.doc.structure.len() as u32;
        self.doc
            .structure
            .extend(toc.structure.into_iter().map(|e| Elem {
                role: e.role,
                parent: Some(e.parent.map_or(toc_elem, |p| p + elem_offset)),
                at: None,
            }));
        for (k, mut page) in toc.pages.into_iter().enumerate() {
            shift_page(&mut page, elem_offset, 0);
            self.doc.pages[at + k] = page;
        }
        for (key, (p, y)) in toc.anchors {
            // Laid out behind as many empty pages: already where they go.
            self.doc.anchors.insert(key, (p, y));
        }
    }
}

/// Renumbers the element and image references of a page moved into a
/// larger document.
fn shift_page(page: &mut Page, elem_offset: u32, image_offset: usize) {
    for o in &mut page.owners {
        if let Owner::Elem(e) = o {
            *e += elem_offset;
        }
    }
    if image_offset > 0 {
        for item in &mut page.items {
            if let super::display::Item::Image { index, .. } = item {
                *index += image_offset;
            }
        }
    }
}

/// The chapters: runs of sections that each start with a top-level
/// section, which can be laid out on their own.
fn chapters<'s>(entries: &[(&'s Section, &'s TocEntry)]) -> Vec<Vec<(&'s Section, &'s TocEntry)>> {
    let mut out: Vec<Vec<(&'s Section, &'s TocEntry)>> = Vec::new();
    for &e in entries {
        match out.last_mut() {
            Some(chapter) if e.1.depth > 1 => chapter.push(e),
            _ => out.push(vec![e]),
        }
    }
    out
}

#[cfg(test)]
mod tests;

//! The display list: what the layout engine decides and the backend draws.
//!
//! Everything here is neutral: positions in points from the page's top-left
//! corner, colours as RGB, text as Unicode strings in one of the four faces.
//! Nothing in this module (or in the layout) knows how a PDF is written.
//! Every item says what it belongs to ([`Owner`]): an element of the
//! document's logical structure, or an artifact (running header, footer,
//! decoration) that a screen reader skips.

use super::style::Rgb;

/// One of the four faces of the body font.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Face {
    Regular,
    Bold,
    Italic,
    BoldItalic,
}

impl Face {
    pub const ALL: [Face; 4] = [Face::Regular, Face::Bold, Face::Italic, Face::BoldItalic];

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn with(self, bold: bool, italic: bool) -> Face {
        let b = bold || matches!(self, Face::Bold | Face::BoldItalic);
        let i = italic || matches!(self, Face::Italic | Face::BoldItalic);
        match (b, i) {
            (false, false) => Face::Regular,
            (true, false) => Face::Bold,
            (false, true) => Face::Italic,
            (true, true) => Face::BoldItalic,
        }
    }
}

/// What kind of artifact an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Artifact {
    /// The running header.
    Header,
    /// The running footer with the page number.
    Footer,
    /// Decoration: rules, bands, tints, a table header drawn again.
    Layout,
}

/// What an item belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    /// An element of [`Document::structure`].
    Elem(u32),
    Artifact(Artifact),
}

/// Where a link goes.
#[derive(Debug, Clone, PartialEq)]
pub enum LinkTo {
    Uri(String),
    /// A named anchor in this document (see [`Document::anchors`]).
    Anchor(String),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// Text on a baseline at `y`, starting at `x`. `space_extra` widens
    /// every space by that many points (justification).
    Text {
        x: f32,
        y: f32,
        face: Face,
        size: f32,
        color: Rgb,
        text: String,
        space_extra: f32,
    },
    /// A straight line.
    Rule {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        color: Rgb,
    },
    /// A filled rectangle; `y` is its top edge.
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: Rgb,
    },
    /// A path of straight and cubic segments, stroked and/or filled.
    /// `dash` strokes it in dashes (on, off) instead of one line: a dotted
    /// chart grid is one short path, not thousands of separate dashes.
    Path {
        segments: Vec<Seg>,
        closed: bool,
        stroke: Option<(Rgb, f32)>,
        fill: Option<Rgb>,
        dash: Option<(f32, f32)>,
    },
    /// A clickable area; `y` is its top edge. `alt` says where it goes,
    /// for readers that cannot see the text around it.
    Link {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        to: LinkTo,
        alt: String,
    },
    /// An image (index into [`Document::images`]); `y` is its top edge.
    Image {
        index: usize,
        x: f32,
        y: f32,
        w: f32,
        h: f32,
    },
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Seg {
    Move(f32, f32),
    Line(f32, f32),
    Cubic(f32, f32, f32, f32, f32, f32),
}

#[derive(Debug, Clone, Default)]
pub struct Page {
    pub items: Vec<Item>,
    /// What each item belongs to, parallel to `items`.
    pub owners: Vec<Owner>,
}

impl Page {
    pub fn push(&mut self, item: Item, owner: Owner) {
        self.items.push(item);
        self.owners.push(owner);
    }

    /// Places an item under those from `at` on (a box behind its text).
    pub fn insert(&mut self, at: usize, item: Item, owner: Owner) {
        let at = at.min(self.items.len());
        self.items.insert(at, item);
        self.owners.insert(at, owner);
    }
}

/// Which cells a table header cell is the header of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Column,
    Row,
}

/// The role of a structure element: the plan's logical structure, in the
/// vocabulary of tagged documents but without knowing how it is written.
#[derive(Debug, Clone, PartialEq)]
pub enum Role {
    /// A group of elements (the contents page with its heading).
    Sect,
    /// A heading of level 1–6 and its text.
    Heading {
        level: u8,
        title: String,
    },
    Paragraph,
    List {
        ordered: bool,
    },
    ListItem,
    /// A list item's marker (bullet, number) or a footnote's number.
    Label,
    ListBody,
    Quote,
    Code,
    Table,
    TableHead,
    TableBody,
    TableRow,
    TableHeaderCell(Scope),
    TableCell,
    /// A chart or image with its text alternative.
    Figure {
        alt: String,
    },
    Caption,
    Toc,
    TocItem,
    /// A link: its text and its clickable areas.
    Link,
    /// A footnote, or a callout (its label is a [`Role::Label`] inside).
    Note,
    /// A group of elements that belong together: a quote and who said it.
    Div,
}

/// A structure element. `parent` is an index into
/// [`Document::structure`], or `None` at the top (below the document).
/// Children are in reading order by index. `at` points into
/// [`Document::sources`] for elements that stand for something an author
/// wrote (an image), so the backend can name its file and line.
#[derive(Debug, Clone, PartialEq)]
pub struct Elem {
    pub role: Role,
    pub parent: Option<u32>,
    pub at: Option<u32>,
}

/// A place in the plan's files.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub file: String,
    pub line: Option<u32>,
}

/// An entry of the document outline (bookmarks).
#[derive(Debug, Clone)]
pub struct OutlineEntry {
    pub title: String,
    pub depth: usize,
    /// 0-based page index and the y of the heading's top.
    pub page: usize,
    pub y: f32,
}

/// The kinds of image the PDF can carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    Png,
    Jpeg,
    Svg,
}

/// An image file as read from the plan folder.
#[derive(Debug, Clone)]
pub struct Image {
    pub bytes: std::sync::Arc<Vec<u8>>,
    pub format: ImageFormat,
    /// Index into [`Document::sources`]: where the image was asked for.
    pub at: u32,
}

#[derive(Debug, Clone, Default)]
pub struct Document {
    pub width: f32,
    pub height: f32,
    pub pages: Vec<Page>,
    /// Named positions: 0-based page index and y from the top.
    pub anchors: std::collections::HashMap<String, (usize, f32)>,
    pub outline: Vec<OutlineEntry>,
    pub images: Vec<Image>,
    /// The logical structure, in reading order.
    pub structure: Vec<Elem>,
    /// Places in the plan's files that elements and images point at.
    pub sources: Vec<Source>,
}

//! The display list: what the layout engine decides and the writer draws.
//!
//! Everything here is neutral: positions in points from the page's top-left
//! corner, colours as RGB, text as Unicode strings in one of the four faces.
//! Nothing in this module (or in the layout) knows how a PDF is written.
//! Every item carries a [`Mark`] saying which structural element it belongs
//! to, so a later tagging pass can build a structure tree from it.

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

/// The structural element an item belongs to.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    Heading(u8),
    Paragraph,
    ListItem,
    Quote,
    Code,
    TableCell,
    TableHeaderCell,
    /// A chart or image, with its text alternative.
    Figure {
        alt: String,
    },
    Caption,
    Footnote,
    /// Running header and footer, cover decoration, rules: not content.
    Furniture,
    TocEntry,
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
    Path {
        segments: Vec<Seg>,
        closed: bool,
        stroke: Option<(Rgb, f32)>,
        fill: Option<Rgb>,
    },
    /// A clickable area; `y` is its top edge.
    Link {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        to: LinkTo,
    },
    /// A raster image (index into [`Document::images`]); `y` is its top edge.
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
    pub items: Vec<(Item, Mark)>,
    /// The structure element (index into [`Document::structure`]) of each
    /// item, parallel to `items`; meaningless for [`Mark::Furniture`].
    pub elems: Vec<u32>,
    /// The element the next pushed item belongs to.
    pub elem: u32,
}

impl Page {
    pub fn push(&mut self, item: Item, mark: Mark) {
        self.items.push((item, mark));
        self.elems.push(self.elem);
    }
}

/// The role of a structure element: the plan's logical structure, in the
/// vocabulary of tagged documents but without knowing how it is written.
#[derive(Debug, Clone, PartialEq)]
pub enum Role {
    Document,
    /// A group of elements (the contents page with its heading).
    Sect,
    Heading(u8),
    Paragraph,
    List,
    ListItem,
    /// A list item's marker (bullet, number).
    Label,
    ListBody,
    Quote,
    Code,
    Table,
    TableHead,
    TableBody,
    TableRow,
    /// A header cell for its column.
    TableHeaderCell,
    TableCell,
    /// A chart or image with its text alternative.
    Figure {
        alt: String,
    },
    Caption,
    Toc,
    TocItem,
}

/// A structure element; `parent` is an index into [`Document::structure`]
/// (the root, index 0, is its own parent). Children are in reading order
/// by index.
#[derive(Debug, Clone, PartialEq)]
pub struct Elem {
    pub role: Role,
    pub parent: u32,
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

/// A decoded raster image.
#[derive(Debug, Clone)]
pub struct Image {
    pub bytes: Vec<u8>,
    /// Where it came from, relative to the plan folder (for messages).
    pub source: String,
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
    /// The logical structure; element 0 is the document.
    pub structure: Vec<Elem>,
}

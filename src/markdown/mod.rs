//! Markdown bodies, parsed once into the model's own blocks and inlines.
//!
//! pulldown-cmark does the parsing; this module turns its event stream into a
//! tree that both the HTML and the PDF renderer can walk, resolves links
//! between sections, recognises the `{{ goals() }}` markers, and records the
//! positions validation needs (headings, images, links, markers).

mod text;
mod tree;

use crate::load::yaml::Pos;

pub use text::{blocks_text, file_stem, plain_text, slugify};

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading {
        /// 2–6 in a section body: the section title is the page's level 1.
        level: u8,
        /// A unique anchor within the page.
        id: String,
        content: Vec<Inline>,
    },
    Paragraph(Vec<Inline>),
    List {
        /// The first number of an ordered list; `None` for bullets.
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    /// A block quote; `attribution` is who said it, from a last paragraph
    /// that begins with a dash (`— Navn Navnesen, formand`), without the dash.
    Quote {
        body: Vec<Block>,
        attribution: Option<Vec<Inline>>,
    },
    /// A callout (`> [!NOTE]` …). `title` is its bold first line, when it
    /// has one: a NOTE with a title is a fact box.
    Callout {
        kind: CalloutKind,
        title: Option<Vec<Inline>>,
        body: Vec<Block>,
    },
    Code {
        lang: Option<String>,
        text: String,
    },
    Table {
        align: Vec<Align>,
        head: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
        /// The table's first line in its file (for messages about it).
        line: u32,
    },
    Rule,
    /// Raw HTML; escaped unless the plan sets `allow_html`.
    Html(String),
    /// Where goal tables go.
    Goals(GoalsMarker),
}

/// The kinds of callout, as GitHub's alert syntax names them: the one list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CalloutKind {
    Note,
    Tip,
    Important,
    Warning,
    Caution,
}

impl CalloutKind {
    /// Every kind with the word written between `[!` and `]`.
    pub const ALL: [(CalloutKind, &'static str); 5] = [
        (CalloutKind::Note, "NOTE"),
        (CalloutKind::Tip, "TIP"),
        (CalloutKind::Important, "IMPORTANT"),
        (CalloutKind::Warning, "WARNING"),
        (CalloutKind::Caution, "CAUTION"),
    ];

    /// The word in the marker: `NOTE`.
    pub fn marker(self) -> &'static str {
        Self::ALL[self as usize].1
    }

    /// The machine name, for CSS classes and label keys: `note`.
    pub fn code(self) -> &'static str {
        match self {
            CalloutKind::Note => "note",
            CalloutKind::Tip => "tip",
            CalloutKind::Important => "important",
            CalloutKind::Warning => "warning",
            CalloutKind::Caution => "caution",
        }
    }

    /// The theme label that names the kind in the plan's language.
    pub fn label_key(self) -> &'static str {
        match self {
            CalloutKind::Note => "callout_note",
            CalloutKind::Tip => "callout_tip",
            CalloutKind::Important => "callout_important",
            CalloutKind::Warning => "callout_warning",
            CalloutKind::Caution => "callout_caution",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    None,
    Left,
    Center,
    Right,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GoalsMarker {
    /// `{{ goals() }}`
    All,
    /// `{{ goal("V1") }}`
    One(String),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    Text(String),
    Code(String),
    Emphasis(Vec<Inline>),
    Strong(Vec<Inline>),
    Strikethrough(Vec<Inline>),
    Link {
        target: LinkTarget,
        title: String,
        content: Vec<Inline>,
    },
    Image {
        target: LinkTarget,
        alt: String,
        title: String,
        /// The image's line in its file (for messages about it).
        line: u32,
    },
    FootnoteRef {
        label: String,
        number: usize,
    },
    SoftBreak,
    HardBreak,
    Html(String),
}

/// Where a link or image points, decided once for every renderer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    /// `https://…`, `mailto:…` and the like: used as written.
    External(String),
    /// Another section of the plan, optionally an anchor on its page.
    Section {
        slug: String,
        fragment: Option<String>,
    },
    /// A file under `content/`, as a path relative to the plan folder.
    Asset(String),
    /// An anchor on the same page.
    Fragment(String),
    /// A local target that does not exist (validation has said so).
    Broken(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Footnote {
    pub label: String,
    pub number: usize,
    pub content: Vec<Block>,
}

/// What validation needs to know about a body, with positions in the file.
#[derive(Debug, Default, Clone)]
pub struct Outline {
    pub headings: Vec<(u8, Pos)>,
    /// Image target as written, its alt text, and where it stands.
    pub images: Vec<(String, LinkTarget, String, Pos)>,
    /// Link target as written, its resolution, and where it stands.
    pub links: Vec<(String, LinkTarget, Pos)>,
    pub markers: Vec<(GoalsMarker, Pos)>,
    /// Lines like `{{ goals }}` that look like markers but are not, as written.
    pub near_markers: Vec<(String, Pos)>,
    /// Quotes that start like a callout of a kind there is none of
    /// (`> [!FAKTA]`), or not alone on their line, as written.
    pub unknown_callouts: Vec<(String, Pos)>,
    /// Raw HTML blocks and inline tags, one place per line.
    pub raw_html: Vec<Pos>,
    /// Where the text first nests deeper than [`MAX_MARKDOWN_DEPTH`], for
    /// each kind of nesting; what lies deeper is left out.
    ///
    /// [`MAX_MARKDOWN_DEPTH`]: crate::limits::MAX_MARKDOWN_DEPTH
    pub too_deep: Vec<(Nesting, Pos)>,
}

/// What nests in a Markdown text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nesting {
    /// Block quotes, lists and footnotes.
    Blocks,
    /// Emphasis, links and images inside a paragraph.
    Inlines,
}

/// A parsed body.
#[derive(Debug, Clone)]
pub struct Body {
    pub blocks: Vec<Block>,
    pub footnotes: Vec<Footnote>,
    pub outline: Outline,
}

/// Resolves a local link target (as written, without fragment) found in the
/// file `from` to a section slug or an asset path.
pub trait Resolver: Sync {
    fn resolve(&self, from: &str, path: &str) -> Option<LinkTarget>;
}

/// Parses `text`, which starts on line `first_line` of its file.
pub fn parse(text: &str, first_line: u32, source: &str, resolver: &dyn Resolver) -> Body {
    tree::Builder::new(text, first_line, source, resolver).finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Sections;
    impl Resolver for Sections {
        fn resolve(&self, _from: &str, path: &str) -> Option<LinkTarget> {
            match path {
                "03-unge.md" => Some(LinkTarget::Section {
                    slug: "unge".into(),
                    fragment: None,
                }),
                "assets/a.svg" => Some(LinkTarget::Asset("content/assets/a.svg".into())),
                _ => None,
            }
        }
    }

    fn body(text: &str) -> Body {
        parse(text, 10, "content/x.md", &Sections)
    }

    #[test]
    fn blocks_and_positions() {
        let b = body(
            "Intro *text*.\n\n## Mål og midler\n\n- a\n- b **c**\n\n{{ goals() }}\n\n| A | B |\n|---|--:|\n| 1 | 2 |\n",
        );
        assert_eq!(b.blocks.len(), 5, "{:#?}", b.blocks);
        assert!(
            matches!(&b.blocks[1], Block::Heading { level: 2, id, .. } if id == "maal-og-midler")
        );
        let Block::List { items, start: None } = &b.blocks[2] else {
            panic!()
        };
        assert_eq!(items.len(), 2);
        assert_eq!(b.blocks[3], Block::Goals(GoalsMarker::All));
        assert_eq!(
            b.outline.headings,
            vec![(
                2,
                Pos {
                    line: 12,
                    column: 1
                }
            )]
        );
        assert_eq!(
            b.outline.markers[0].1,
            Pos {
                line: 17,
                column: 1
            }
        );
        let Block::Table { align, rows, .. } = &b.blocks[4] else {
            panic!()
        };
        assert_eq!(align[1], Align::Right);
        assert_eq!(rows.len(), 1);
    }

    #[test]
    fn links_resolve_to_sections_assets_or_broken() {
        let b =
            body("See [unge](03-unge.md#maal), ![Et diagram](assets/a.svg) and [x](nope.md).\n");
        let kinds: Vec<&LinkTarget> = b.outline.links.iter().map(|l| &l.1).collect();
        assert_eq!(
            kinds[0],
            &LinkTarget::Section {
                slug: "unge".into(),
                fragment: Some("maal".into())
            }
        );
        assert_eq!(kinds[1], &LinkTarget::Broken("nope.md".into()));
        assert_eq!(b.outline.images[0].2, "Et diagram");
        assert_eq!(
            b.outline.images[0].3,
            Pos {
                line: 10,
                column: 30
            }
        );
    }

    #[test]
    fn single_goal_marker_and_literal_braces() {
        let b = body("{{ goal(\"V1\") }}\n\nA literal {{ brace }} stays text.\n");
        assert_eq!(b.blocks[0], Block::Goals(GoalsMarker::One("V1".into())));
        assert!(matches!(&b.blocks[1], Block::Paragraph(_)));
    }

    #[test]
    fn callouts_take_their_kind_and_a_bold_first_line_as_title() {
        let b = body(
            "> [!NOTE]\n> **Fakta: ledigheden i tal**\n> 2,9 %.\n\n> [!warning]\n> Pas på.\n\n> [!TIP]\n> **Kort** og godt.\n",
        );
        let Block::Callout { kind, title, body } = &b.blocks[0] else {
            panic!("{:#?}", b.blocks)
        };
        assert_eq!(*kind, CalloutKind::Note);
        assert_eq!(
            title.as_deref(),
            Some(&[Inline::Text("Fakta: ledigheden i tal".into())][..])
        );
        assert_eq!(
            body,
            &[Block::Paragraph(vec![Inline::Text("2,9 %.".into())])]
        );
        assert!(matches!(
            &b.blocks[1],
            Block::Callout {
                kind: CalloutKind::Warning,
                title: None,
                ..
            }
        ));
        // Bold words that do not fill the first line are text, not a title.
        assert!(matches!(&b.blocks[2], Block::Callout { title: None, .. }));
        assert!(b.outline.unknown_callouts.is_empty());
    }

    #[test]
    fn a_quote_whose_last_paragraph_starts_with_a_dash_has_a_speaker() {
        let b = body(
            "> Citat.\n>\n> — Navn Navnesen, *formand*\n\n> Citat.\n>\n> – Navn\n\n> — Kun en tankestreg\n",
        );
        let Block::Quote { body, attribution } = &b.blocks[0] else {
            panic!()
        };
        assert_eq!(body.len(), 1);
        assert_eq!(
            attribution.as_deref(),
            Some(
                &[
                    Inline::Text("Navn Navnesen, ".into()),
                    Inline::Emphasis(vec![Inline::Text("formand".into())])
                ][..]
            )
        );
        // An en dash does too, as Danish typing often has it.
        assert!(matches!(
            &b.blocks[1],
            Block::Quote {
                attribution: Some(_),
                ..
            }
        ));
        // A quote that is only the dash line has no words to attribute.
        assert!(matches!(
            &b.blocks[2],
            Block::Quote {
                attribution: None,
                ..
            }
        ));
    }

    #[test]
    fn unknown_callouts_and_raw_html_are_recorded_where_they_stand() {
        let b = body("> [!FAKTA]\n> Tekst.\n\n<div>rå</div>\n\nEn <b>fed</b> og <i>skrå</i>.\n");
        assert_eq!(
            b.outline.unknown_callouts,
            vec![(
                "[!FAKTA]".to_string(),
                Pos {
                    line: 10,
                    column: 3
                }
            )]
        );
        // One place per line: the block, then the first tag of the line.
        assert_eq!(
            b.outline.raw_html,
            vec![
                Pos {
                    line: 13,
                    column: 1
                },
                Pos {
                    line: 15,
                    column: 4
                }
            ]
        );
    }

    #[test]
    fn footnotes_are_numbered_by_first_reference() {
        let b = body("A[^b] and B[^a].\n\n[^a]: Second.\n[^b]: First.\n");
        assert_eq!(b.footnotes[0].label, "b");
        assert_eq!(b.footnotes[0].number, 1);
        assert_eq!(b.footnotes[1].number, 2);
    }
}

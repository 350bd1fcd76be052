//! The backend: draws the display list with krilla and returns the PDF.
//! The only module that knows krilla.
//!
//! Tagged and untagged documents come from the same code: tagged, the
//! file is written as PDF/UA-1 (krilla checks what it can and reports the
//! rest at the end, as [`PdfProblem`]s pointing at the plan's files); untagged,
//! the same drawing without the structure.

mod draw;
mod pack;
mod tags;

use super::display::{Artifact, Document, ImageFormat, Item, LinkTo, Owner, Page};
use super::fonts::Fonts;
use super::messages::PdfProblem;
use draw::{Drawable, Glyphs, Painter};
use krilla::action::{Action, LinkAction};
use krilla::annotation::{Annotation, LinkAnnotation, Target};
use krilla::configure::{Accessibility, ConfigurationBuilder, ValidationError};
use krilla::destination::{Destination, XyzDestination};
use krilla::error::KrillaError;
use krilla::geom::{Point, Rect};
use krilla::metadata::{DateTime, Metadata};
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::surface::Location;
use krilla::tagging::{ArtifactType, ContentTag, SpanTag};
use krilla::{Document as Pdf, SerializeSettings};
use rayon::prelude::*;
use std::num::NonZeroU64;
use std::sync::Arc;

/// What goes into the file besides the pages.
pub struct Info<'a> {
    pub title: &'a str,
    pub author: &'a str,
    pub subject: &'a str,
    pub lang: &'a str,
    /// Seconds since 1970 (UTC).
    pub created: u64,
    pub tagged: bool,
}

/// A krilla location for a place in [`Document::sources`].
fn location(index: u32) -> Option<Location> {
    NonZeroU64::new(u64::from(index) + 1)
}

/// Writes the PDF; what stops it comes back as messages about the plan.
pub fn write(
    mut doc: Document,
    fonts: &Fonts,
    info: &Info,
    lap: &dyn Fn(&str),
) -> Result<Vec<u8>, Vec<PdfProblem>> {
    let settings = if info.tagged {
        let configuration = ConfigurationBuilder::new()
            .with_accessibility_validator(Accessibility::UA1)
            .finish()
            .map_err(|e| {
                vec![PdfProblem::Write {
                    what: format!("{e:?}"),
                }]
            })?;
        SerializeSettings {
            configuration,
            enable_tagging: true,
            ..SerializeSettings::default()
        }
    } else {
        SerializeSettings {
            enable_tagging: false,
            ..SerializeSettings::default()
        }
    };
    let mut pdf = Pdf::new_with(settings);
    let mut messages = Vec::new();
    let images = images(&doc, &mut messages);
    let Some(mut painter) = Painter::new(fonts, images) else {
        return Err(vec![PdfProblem::Write {
            what: "the body font cannot be read".into(),
        }]);
    };
    let sources = std::mem::take(&mut doc.sources);
    let structure = std::mem::take(&mut doc.structure);
    let mut tree = tags::Tree::new(&structure);
    let (w, h) = (doc.width, doc.height);
    let anchors = std::mem::take(&mut doc.anchors);
    let image_at: Vec<u32> = doc.images.iter().map(|i| i.at).collect();
    let pages = std::mem::take(&mut doc.pages);
    let settings = PageSettings::from_wh(w, h).ok_or_else(|| {
        vec![PdfProblem::Write {
            what: format!("the page size {w} × {h} pt is not possible"),
        }]
    })?;
    let mut pager = Pager {
        painter: &mut painter,
        tree: &mut tree,
        settings,
        image_at: &image_at,
        anchors: &anchors,
        structure: &structure,
        tagged: info.tagged,
    };
    // krilla draws one page at a time on this thread; the glyphs of the
    // next few pages are made on the other cores meanwhile.
    let mut pages = pages.into_iter();
    let batch = |pages: &mut std::vec::IntoIter<Page>| -> Vec<Page> {
        pages.by_ref().take(AHEAD).collect()
    };
    let mut next: Vec<(Page, Glyphs)> = with_glyphs(batch(&mut pages), fonts);
    while !next.is_empty() {
        let current = std::mem::take(&mut next);
        let upcoming = batch(&mut pages);
        rayon::in_place_scope(|s| {
            s.spawn(|_| next = with_glyphs(upcoming, fonts));
            for (p, glyphs) in &current {
                pager.draw(&mut pdf, p, glyphs);
            }
        });
        // Freed on the way out, not here on the drawing thread.
        rayon::spawn(move || drop(current));
    }
    lap("pdf: pages drawn");
    if info.tagged {
        let loc = |at: u32| location(at);
        pdf.set_tag_tree(tree.finish(info.lang, &loc));
    }
    pdf.set_outline(outline(&doc));
    pdf.set_metadata(metadata(info));
    if !messages.is_empty() {
        return Err(messages);
    }
    let bytes = pdf.finish().map_err(|e| report(e, &sources))?;
    lap("pdf: finished (structure, fonts, compression)");
    let bytes = pack::pack(bytes);
    lap("pdf: objects packed");
    Ok(bytes)
}

/// Pages whose glyphs are made in one go, ahead of the page being drawn.
const AHEAD: usize = 8;

/// Pages with the glyphs of their text, made in parallel.
fn with_glyphs(pages: Vec<Page>, fonts: &Fonts) -> Vec<(Page, Glyphs)> {
    pages
        .into_par_iter()
        .map(|p| {
            let g = Glyphs::of(fonts, &p.items);
            (p, g)
        })
        .collect()
}

/// What drawing a page needs from the whole document.
struct Pager<'a, 'd> {
    painter: &'a mut Painter,
    tree: &'a mut tags::Tree<'d>,
    settings: PageSettings,
    image_at: &'a [u32],
    anchors: &'a std::collections::HashMap<String, (usize, f32)>,
    structure: &'a [super::display::Elem],
    tagged: bool,
}

impl Pager<'_, '_> {
    /// Draws one page of the display list, its links and its tags.
    fn draw(&mut self, pdf: &mut Pdf, page: &Page, glyphs: &Glyphs) {
        let painter = &mut *self.painter;
        let mut kpage = pdf.start_page_with(self.settings.clone());
        let mut links = Vec::new();
        {
            let mut surface = kpage.surface();
            painter.reset();
            // Artifacts (backgrounds, rules, the running header and footer)
            // first, then the content in reading order: the drawing is the
            // same, and each element's content is one marked sequence.
            let order = drawing_order(&page.owners);
            let mut k = 0;
            while k < order.len() {
                let owner = page.owners[order[k]];
                let mut end = k;
                while end < order.len() && page.owners[order[end]] == owner {
                    end += 1;
                }
                let run = &order[k..end];
                k = end;
                for &i in run {
                    // Links are annotations of the page, added after the drawing.
                    if let (
                        Item::Link {
                            x,
                            y,
                            w,
                            h,
                            to,
                            alt,
                        },
                        Owner::Elem(e),
                    ) = (&page.items[i], owner)
                    {
                        links.push((Rect::from_xywh(*x, *y, *w, *h), to, alt, e));
                    }
                }
                let drawn = || {
                    run.iter()
                        .copied()
                        .filter(|&i| !matches!(page.items[i], Item::Link { .. }))
                };
                if drawn().next().is_none() {
                    continue;
                }
                let text = drawn().all(|i| matches!(page.items[i], Item::Text { .. }));
                let tag = match owner {
                    Owner::Artifact(a) => {
                        ContentTag::Artifact(krilla::tagging::Artifact::with_kind(match a {
                            Artifact::Header => ArtifactType::Header,
                            Artifact::Footer => ArtifactType::Footer,
                            Artifact::Layout => ArtifactType::Layout,
                        }))
                    }
                    Owner::Elem(_) if text => ContentTag::Span(SpanTag::empty()),
                    Owner::Elem(_) => ContentTag::Other,
                };
                let id = surface.start_tagged(tag);
                for i in drawn() {
                    let item = &page.items[i];
                    if let Item::Image { index, .. } = item
                        && let Some(at) = self.image_at.get(*index)
                        && let Some(loc) = location(*at)
                    {
                        surface.set_location(loc);
                        painter.draw(&mut surface, item, i, glyphs);
                        surface.reset_location();
                    } else {
                        painter.draw(&mut surface, item, i, glyphs);
                    }
                }
                surface.end_tagged();
                if let (true, Owner::Elem(e)) = (self.tagged, owner) {
                    self.tree.push(e, id);
                }
            }
            surface.finish();
        }
        for (rect, to, alt, e) in links {
            let Some(rect) = rect else { continue };
            let target = match to {
                LinkTo::Uri(u) => Target::Action(Action::Link(LinkAction::new(u.clone()))),
                LinkTo::Anchor(a) => match self.anchors.get(a) {
                    Some(&(page, y)) => Target::Destination(Destination::Xyz(XyzDestination::new(
                        page,
                        Point::from_xy(0.0, y),
                    ))),
                    None => continue,
                },
            };
            let annotation =
                Annotation::new_link(LinkAnnotation::new(rect, target), Some(alt.clone()))
                    .with_location(self.structure[e as usize].at.and_then(location));
            if self.tagged {
                let id = kpage.add_tagged_annotation(annotation);
                self.tree.push(e, id);
            } else {
                kpage.add_annotation(annotation);
            }
        }
        kpage.finish();
    }
}

/// The order to draw a page's items in: its artifacts by kind, then its
/// content as laid out.
fn drawing_order(owners: &[Owner]) -> Vec<usize> {
    let rank = |o: &Owner| match o {
        Owner::Artifact(Artifact::Layout) => 0,
        Owner::Artifact(Artifact::Header) => 1,
        Owner::Artifact(Artifact::Footer) => 2,
        Owner::Elem(_) => 3,
    };
    let mut order: Vec<usize> = (0..owners.len()).collect();
    order.sort_by_key(|&i| rank(&owners[i]));
    order
}

/// The images as krilla draws them; one that cannot be read is reported.
fn images(doc: &Document, messages: &mut Vec<PdfProblem>) -> Vec<Drawable> {
    let fonts = svg_fonts();
    doc.images
        .iter()
        .map(|img| {
            let data: krilla::Data = Arc::clone(&img.bytes).into();
            let drawable = match img.format {
                ImageFormat::Png => {
                    krilla::image::Image::from_png(data, true).map(Drawable::Raster)
                }
                ImageFormat::Jpeg => {
                    krilla::image::Image::from_jpeg(data, true).map(Drawable::Raster)
                }
                ImageFormat::Svg => super::images::svg_tree(&img.bytes, Some(fonts.clone()))
                    .map(|t| Drawable::Svg(Box::new(t)))
                    .ok_or_else(|| "it is not an SVG file that can be read".to_string()),
            };
            drawable.unwrap_or_else(|reason| {
                let source = doc.sources.get(img.at as usize);
                messages.push(PdfProblem::Image {
                    file: source.map_or_else(|| "plan.yaml".into(), |s| s.file.clone()),
                    line: source.and_then(|s| s.line),
                    reason,
                });
                Drawable::None
            })
        })
        .collect()
}

/// The body font's faces, for text in SVG images (no system fonts: what
/// an SVG asks for is drawn in Noto Sans or not at all).
fn svg_fonts() -> Arc<usvg::fontdb::Database> {
    let mut db = usvg::fontdb::Database::new();
    for bytes in [
        notosans::REGULAR_TTF,
        notosans::BOLD_TTF,
        notosans::ITALIC_TTF,
        notosans::BOLD_ITALIC_TTF,
    ] {
        let data: Arc<dyn AsRef<[u8]> + Send + Sync> = Arc::new(bytes);
        db.load_font_source(usvg::fontdb::Source::Binary(data));
    }
    // Every generic family (usvg falls back to serif) is the body font.
    db.set_sans_serif_family("Noto Sans");
    db.set_serif_family("Noto Sans");
    db.set_monospace_family("Noto Sans");
    db.set_cursive_family("Noto Sans");
    db.set_fantasy_family("Noto Sans");
    Arc::new(db)
}

/// The outline (bookmarks), nested by depth.
fn outline(doc: &Document) -> Outline {
    fn build(
        entries: &[super::display::OutlineEntry],
        at: &mut usize,
        depth: usize,
    ) -> Vec<OutlineNode> {
        let mut out: Vec<OutlineNode> = Vec::new();
        while *at < entries.len() && entries[*at].depth >= depth {
            let e = &entries[*at];
            if e.depth > depth {
                // A deeper entry without a parent at this depth: nest it in the last one.
                let children = build(entries, at, depth + 1);
                match out.last_mut() {
                    Some(last) => children.into_iter().for_each(|c| last.push_child(c)),
                    None => out.extend(children),
                }
                continue;
            }
            *at += 1;
            let mut node = OutlineNode::new(
                e.title.clone(),
                XyzDestination::new(e.page, Point::from_xy(0.0, e.y)),
            );
            for c in build(entries, at, depth + 1) {
                node.push_child(c);
            }
            out.push(node);
        }
        out
    }
    let mut outline = Outline::new();
    let mut at = 0;
    for node in build(&doc.outline, &mut at, 1) {
        outline.push_child(node);
    }
    outline
}

fn metadata(info: &Info) -> Metadata {
    let secs = info.created;
    let day = crate::model::Date::from_unix(secs);
    let rem = secs % 86_400;
    let date = DateTime::new(day.year as u16)
        .month(day.month as u8)
        .day(day.day as u8)
        .hour((rem / 3600) as u8)
        .minute((rem / 60 % 60) as u8)
        .second((rem % 60) as u8)
        .utc_offset_hour(0)
        .utc_offset_minute(0);
    Metadata::new()
        .title(info.title.to_string())
        .authors(vec![info.author.to_string()])
        .description(info.subject.to_string())
        .language(info.lang.to_string())
        .creator(format!("planpress {}", env!("CARGO_PKG_VERSION")))
        .creation_date(date)
}

/// What krilla refused, as messages about the plan.
fn report(error: KrillaError, sources: &[super::display::Source]) -> Vec<PdfProblem> {
    let place = |loc: Option<Location>| {
        let s = loc.and_then(|l| sources.get((l.get() - 1) as usize));
        (
            s.map_or_else(|| "plan.yaml".to_string(), |s| s.file.clone()),
            s.and_then(|s| s.line),
        )
    };
    match error {
        KrillaError::Validation(errors) => {
            let mut out: Vec<PdfProblem> = errors
                .into_iter()
                .map(|(e, _)| match e {
                    ValidationError::MissingAltText(loc) => {
                        let (file, line) = place(loc);
                        PdfProblem::FigureWithoutAlt { file, line }
                    }
                    ValidationError::MissingAnnotationAltText(loc) => {
                        let (file, line) = place(loc);
                        PdfProblem::LinkWithoutDescription { file, line }
                    }
                    ValidationError::MissingHeadingTitle => PdfProblem::HeadingWithoutText,
                    ValidationError::ContainsNotDefGlyph(_, loc, text) => {
                        let (file, line) = place(loc);
                        PdfProblem::UnmappableText { file, line, text }
                    }
                    ValidationError::InvalidCodepointMapping(_, _, c, loc)
                    | ValidationError::UnicodePrivateArea(_, _, c, loc) => {
                        let (file, line) = place(loc);
                        PdfProblem::UnmappableText {
                            file,
                            line,
                            text: c.to_string(),
                        }
                    }
                    other => PdfProblem::NotConformant {
                        what: format!("{other:?}"),
                    },
                })
                .collect();
            out.dedup();
            out
        }
        KrillaError::Image(_, loc, reason) => {
            let (file, line) = place(loc);
            vec![PdfProblem::Image { file, line, reason }]
        }
        other => vec![PdfProblem::Write {
            what: other.to_string(),
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What krilla's PDF/UA-1 check refuses comes back as a message at
    /// the file and line the element stands for.
    #[test]
    fn validation_errors_point_at_the_plan() {
        use super::super::display::{Elem, Page, Role, Source};
        let mut page = Page::default();
        page.push(
            Item::Rect {
                x: 10.0,
                y: 10.0,
                w: 50.0,
                h: 20.0,
                color: super::super::style::Rgb(0.2, 0.3, 0.4),
            },
            Owner::Elem(0),
        );
        let doc = Document {
            width: 595.0,
            height: 842.0,
            pages: vec![page],
            structure: vec![Elem {
                role: Role::Figure { alt: " ".into() },
                parent: None,
                at: Some(0),
            }],
            sources: vec![Source {
                file: "content/01-a.md".into(),
                line: Some(7),
            }],
            ..Document::default()
        };
        let fonts = Fonts::load(true).unwrap();
        let info = Info {
            title: "Plan",
            author: "Kommune",
            subject: "",
            lang: "da",
            created: 0,
            tagged: true,
        };
        let messages = write(doc.clone(), &fonts, &info, &|_| {}).unwrap_err();
        assert_eq!(
            messages,
            [PdfProblem::FigureWithoutAlt {
                file: "content/01-a.md".into(),
                line: Some(7)
            }]
        );
        let d = messages[0].diagnostic();
        assert_eq!(
            (d.code().name(), d.file.as_str(), d.pos.map(|p| p.line)),
            ("pdf-figure-without-alt", "content/01-a.md", Some(7))
        );
        // Untagged, there is nothing to refuse.
        assert!(
            write(
                doc,
                &fonts,
                &Info {
                    tagged: false,
                    ..info
                },
                &|_| {}
            )
            .is_ok()
        );
    }
}

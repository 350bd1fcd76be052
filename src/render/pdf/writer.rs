//! Turns the display list into a PDF with printpdf. The only module that
//! knows printpdf.

use super::PdfError;
use super::display::{Document, Elem, Face, Item, LinkTo, Mark, Seg};
use super::fonts::Fonts;
use super::style::Rgb;
use printpdf::{
    Actions, Color, FontId, Line, LineCapStyle, LineJoinStyle, LinePoint, LinkAnnotation, Mm, Op,
    PaintMode, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Polygon, PolygonRing,
    Pt, RawImage, Rect, TextItem, WindingOrder, XObjectId, XObjectTransform,
};
use std::collections::BTreeSet;

/// Rounds to 1/100 pt: plenty for print, and short in the content stream.
fn r2(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

fn color(c: Rgb) -> Color {
    Color::Rgb(printpdf::Rgb {
        r: c.0.clamp(0.0, 1.0),
        g: c.1.clamp(0.0, 1.0),
        b: c.2.clamp(0.0, 1.0),
        icc_profile: None,
    })
}

/// A link inside the document, added after the chunks are merged.
pub struct InternalLink {
    /// 0-based page the link is on, its rectangle (PDF coordinates), and
    /// where it goes: a 0-based page and the top of the view.
    pub page: usize,
    pub rect: [f32; 4],
    pub dest_page: usize,
    pub top: f32,
}

/// What the structure tree needs from the written pages.
#[derive(Default)]
pub struct Tags {
    /// The structure (see [`Document::structure`]).
    pub structure: Vec<Elem>,
    /// For each page, the element of each marked-content id (MCID) on it.
    pub mcids: Vec<Vec<u32>>,
    /// Each link area (see [`LinkTag`]).
    pub links: Vec<LinkTag>,
}

/// A link area: its page, rectangle (PDF coordinates), the element of
/// the text it is on, and the MCID of the link's text (marked on its own)
/// when the area belongs to one piece of text.
pub struct LinkTag {
    pub page: usize,
    pub rect: [f32; 4],
    pub elem: u32,
    pub mcid: Option<u32>,
}

/// Whether to tag the PDF (`PLANPRESS_PDF_TAGGED=0` turns it off, to
/// compare the drawing with and without the tags).
pub fn tagging() -> bool {
    std::env::var("PLANPRESS_PDF_TAGGED").map_or(true, |v| v != "0" && v != "false")
}

/// Pages per printpdf document. Large plans are written in chunks, each
/// compressed while the next is built, then merged: this keeps only one
/// chunk's drawing operations in memory at a time. (A few chunks are in
/// flight at once; 125 pages keeps the peak memory of a tagged 3,000-page
/// plan ~60 MB lower than 250 did, at the same speed.)
const CHUNK: usize = 125;

/// Writes the display list as PDF objects (printpdf), in chunks that are
/// merged into one lopdf document.
pub fn write(
    mut doc: Document,
    fonts: &Fonts,
    title: &str,
    tagged: bool,
) -> Result<(lopdf::Document, Vec<InternalLink>, Tags), PdfError> {
    // Characters used per face, for subsetting.
    let mut used: [BTreeSet<char>; 4] = Default::default();
    for page in &doc.pages {
        for (item, _) in &page.items {
            if let Item::Text { face, text, .. } = item {
                used[face.index()].extend(text.chars());
            }
        }
    }
    let mut subsets: Vec<Option<(FontId, printpdf::ParsedFont)>> = Vec::new();
    for f in Face::ALL {
        if used[f.index()].is_empty() {
            subsets.push(None);
            continue;
        }
        let parsed = fonts.subset(f, &used[f.index()])?;
        subsets.push(Some((FontId(format!("F{}", f.index() + 1)), parsed)));
    }
    let mut images = Vec::new();
    for img in &doc.images {
        let mut warnings = Vec::new();
        images.push(
            RawImage::decode_from_bytes(&img.bytes, &mut warnings)
                .map_err(|e| PdfError::Image(format!("{}: {e}", img.source)))?,
        );
    }
    let ids: [Option<FontId>; 4] =
        std::array::from_fn(|i| subsets[i].as_ref().map(|(id, _)| id.clone()));
    let (w, h) = (doc.width, doc.height);
    let all_pages = std::mem::take(&mut doc.pages);
    let total = all_pages.len();
    // PLANPRESS_PDF_CHUNK overrides the chunk size (tests use it to merge small plans).
    let chunk = std::env::var("PLANPRESS_PDF_CHUNK")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&c: &usize| c > 0)
        .unwrap_or(CHUNK);
    let chunked = total > chunk;
    let mut links = Vec::new();
    let mut tags = Tags {
        structure: std::mem::take(&mut doc.structure),
        mcids: Vec::with_capacity(total),
        links: Vec::new(),
    };
    let mut pages_iter = all_pages.into_iter().enumerate().peekable();
    // Chunks are built here and turned into PDF objects and compressed by
    // two workers; at most a few chunks' drawing operations exist at once.
    let opts = PdfSaveOptions {
        optimize: false,
        subset_fonts: false,
        // Not `secure`: it drops the operators printpdf does not know,
        // which is how marked content is written (see `switch_marked`).
        secure: false,
        image_optimization: None,
    };
    let (job_tx, job_rx) = std::sync::mpsc::sync_channel::<(usize, PdfDocument)>(1);
    let job_rx = std::sync::Mutex::new(job_rx);
    let (done_tx, done_rx) = std::sync::mpsc::channel::<(usize, lopdf::Document)>();
    std::thread::scope(|scope| {
        for _ in 0..2 {
            let done_tx = done_tx.clone();
            let job_rx = &job_rx;
            let opts = &opts;
            scope.spawn(move || {
                loop {
                    let job = match job_rx.lock() {
                        Ok(rx) => rx.recv(),
                        Err(_) => break,
                    };
                    let Ok((k, pdf)) = job else { break };
                    let mut warnings = Vec::new();
                    let mut lo = pdf.to_lopdf_document(opts, &mut warnings);
                    drop(pdf);
                    super::post::compress(&mut lo);
                    if done_tx.send((k, lo)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        let mut k = 0;
        while pages_iter.peek().is_some() {
            let mut pdf = PdfDocument::new(title);
            for (id, parsed) in subsets.iter().flatten() {
                pdf.resources
                    .fonts
                    .map
                    .insert(id.clone(), printpdf::PdfFont::new(parsed.clone()));
            }
            let image_ids: Vec<(XObjectId, usize, usize)> = images
                .iter()
                .map(|raw| (pdf.add_image(raw), raw.width, raw.height))
                .collect();
            let mut pages = Vec::new();
            if chunked {
                // A page (dropped after the merge) that shows every character once,
                // so every chunk embeds the same glyphs, widths and ToUnicode map.
                let mut ops = vec![Op::StartTextSection];
                for f in Face::ALL {
                    if let Some(id) = &ids[f.index()] {
                        ops.push(Op::SetFont {
                            font: PdfFontHandle::External(id.clone()),
                            size: Pt(10.0),
                        });
                        ops.push(Op::ShowText {
                            items: vec![TextItem::Text(used[f.index()].iter().collect())],
                        });
                    }
                }
                ops.push(Op::EndTextSection);
                pages.push(PdfPage::new(
                    Mm(w / super::style::MM),
                    Mm(h / super::style::MM),
                    ops,
                ));
            }
            for _ in 0..chunk {
                let Some((index, page)) = pages_iter.next() else {
                    break;
                };
                let mut mcids = Vec::new();
                let tagging = tagged.then_some((&mut mcids, &mut tags.links, &tags.structure[..]));
                let ops = page_ops(
                    page,
                    index,
                    &ids,
                    &image_ids,
                    h,
                    &doc.anchors,
                    &mut links,
                    tagging,
                );
                tags.mcids.push(mcids);
                pages.push(PdfPage::new(
                    Mm(w / super::style::MM),
                    Mm(h / super::style::MM),
                    ops,
                ));
            }
            pdf.with_pages(pages);
            if job_tx.send((k, pdf)).is_err() {
                break;
            }
            k += 1;
        }
        drop(job_tx);
    });
    let mut parts: Vec<(usize, lopdf::Document)> = done_rx.into_iter().collect();
    parts.sort_by_key(|(k, _)| *k);
    let mut parts: Vec<lopdf::Document> = parts.into_iter().map(|(_, d)| d).collect();
    let merged = if chunked {
        merge(parts)?
    } else {
        parts
            .pop()
            .ok_or_else(|| PdfError::Post("no pages".into()))?
    };
    Ok((merged, links, tags))
}

/// Joins chunk documents: pages in order, fonts shared, the glyph pages dropped.
fn merge(parts: Vec<lopdf::Document>) -> Result<lopdf::Document, PdfError> {
    use lopdf::Object;
    let err = |e: lopdf::Error| PdfError::Post(e.to_string());
    let mut parts = parts.into_iter();
    let mut base = parts
        .next()
        .ok_or_else(|| PdfError::Post("no pages".into()))?;
    let pages_id = base
        .catalog()
        .map_err(err)?
        .get(b"Pages")
        .and_then(Object::as_reference)
        .map_err(err)?;
    let base_pages: Vec<lopdf::ObjectId> = base.get_pages().values().copied().collect();
    let font_dict = |d: &lopdf::Document, page: lopdf::ObjectId| -> Option<lopdf::ObjectId> {
        let res = d
            .get_dictionary(page)
            .ok()?
            .get(b"Resources")
            .ok()?
            .as_reference()
            .ok()?;
        d.get_dictionary(res)
            .ok()?
            .get(b"Font")
            .ok()?
            .as_reference()
            .ok()
    };
    let base_fonts = base_pages.first().and_then(|p| font_dict(&base, *p));
    let mut kids: Vec<Object> = base_pages
        .iter()
        .skip(1)
        .map(|p| Object::Reference(*p))
        .collect();
    for mut d in parts {
        d.renumber_objects_with(base.max_id + 1);
        let pages: Vec<lopdf::ObjectId> = d.get_pages().values().copied().collect();
        for p in pages.iter().skip(1) {
            if let (Some(fonts), Ok(res)) = (
                base_fonts,
                d.get_dictionary(*p)
                    .and_then(|pd| pd.get(b"Resources"))
                    .and_then(Object::as_reference),
            ) && let Ok(rd) = d.get_dictionary_mut(res)
            {
                rd.set("Font", Object::Reference(fonts));
            }
            if let Ok(pd) = d.get_dictionary_mut(*p) {
                pd.set("Parent", Object::Reference(pages_id));
            }
            kids.push(Object::Reference(*p));
        }
        base.max_id = base.max_id.max(d.max_id);
        base.objects.extend(std::mem::take(&mut d.objects));
    }
    let count = kids.len() as i64;
    let pages = base.get_dictionary_mut(pages_id).map_err(err)?;
    pages.set("Kids", Object::Array(kids));
    pages.set("Count", Object::Integer(count));
    base.prune_objects();
    Ok(base)
}

/// Marked content in force: an artifact or a structure element's content.
#[derive(Clone, Copy, PartialEq)]
enum Marked {
    Artifact,
    Elem(u32),
    /// The text of a link (item index on the page): an MCID of its own.
    Link(u32, usize),
}

/// Ends the marked-content sequence in force.
fn end_marked(ops: &mut Vec<Op>, open: &mut Option<Marked>) {
    if open.take().is_some() {
        ops.push(Op::EndMarkedContent);
    }
}

/// Switches the marked-content sequence to `want`: an artifact, or a new
/// MCID for the element.
fn switch_marked(
    ops: &mut Vec<Op>,
    open: &mut Option<Marked>,
    want: Option<Marked>,
    mcids: &mut Vec<u32>,
    structure: &[Elem],
) {
    if *open == want {
        return;
    }
    end_marked(ops, open);
    match want {
        None => {}
        Some(Marked::Artifact) => ops.push(Op::BeginMarkedContent {
            tag: "Artifact".into(),
        }),
        Some(Marked::Elem(e) | Marked::Link(e, _)) => {
            let tag = structure
                .get(e as usize)
                .map_or("Span", |el| super::post::role_name(&el.role));
            // `/P <</MCID 7>> BDC`, written as is: printpdf's
            // `BeginMarkedContentWithProperties` takes a map per sequence
            // and lopdf turns it into a dictionary before it is written,
            // many small allocations for each of ~170,000 sequences in a
            // large plan. (printpdf writes an operator it does not know,
            // operands and all, when not saving `secure`.)
            ops.push(Op::Unknown {
                key: format!("/{tag} <</MCID {}>> BDC", mcids.len()),
                value: Vec::new(),
            });
            mcids.push(e);
        }
    }
    *open = want;
}

type Tagging<'a> = (&'a mut Vec<u32>, &'a mut Vec<LinkTag>, &'a [Elem]);

/// The printpdf operations of one page; with `tagging`, its content is
/// marked (an MCID per run of items of one element, furniture as
/// artifacts), the MCIDs' elements and the link areas are recorded.
#[allow(clippy::too_many_arguments)]
fn page_ops(
    page: super::display::Page,
    index: usize,
    ids: &[Option<FontId>; 4],
    images: &[(XObjectId, usize, usize)],
    h: f32,
    anchors: &std::collections::HashMap<String, (usize, f32)>,
    links: &mut Vec<InternalLink>,
    tagging: Option<Tagging>,
) -> Vec<Op> {
    let mut ops = Vec::with_capacity(page.items.len() * 2);
    let mut no_mcids = Vec::new();
    let mut no_links = Vec::new();
    let (mcids, link_tags, structure, tagged) = match tagging {
        Some((m, l, s)) => (m, l, s, true),
        None => (&mut no_mcids, &mut no_links, &[][..], false),
    };
    let mut open: Option<Marked> = None;
    let mut link_mcid: Option<(usize, u32)> = None;
    // Graphics state carried between items: one text object for a run
    // of text, font and colour set only when they change.
    let mut in_text = false;
    let mut font: Option<(Face, f32)> = None;
    let mut fill: Option<Rgb> = None;
    let mut line_start = (0.0f32, 0.0f32);
    for (k, (item, mark)) in page.items.iter().enumerate() {
        let is_text = matches!(item, Item::Text { .. });
        let want = if !tagged {
            None
        } else if *mark == Mark::Furniture {
            Some(Marked::Artifact)
        } else {
            let e = page.elems.get(k).copied().unwrap_or(0);
            // Text followed by its link area is the link's text (a contents
            // entry's area covers the whole entry: that stays in the TOCI).
            let link_text = is_text
                && matches!(
                    page.items.get(k + 1),
                    Some((Item::Link { .. }, m)) if !matches!(m, Mark::Furniture | Mark::TocEntry)
                );
            Some(if link_text {
                Marked::Link(e, k)
            } else {
                Marked::Elem(e)
            })
        };
        if in_text && !is_text {
            // A marked-content sequence begun in the text object ends in it.
            end_marked(&mut ops, &mut open);
            ops.push(Op::EndTextSection);
            in_text = false;
        }
        if !is_text && !matches!(item, Item::Link { .. }) {
            switch_marked(&mut ops, &mut open, want, mcids, structure);
        }
        match item {
            Item::Text {
                x,
                y,
                face,
                size,
                color: c,
                text,
                space_extra,
            } => {
                let Some(id) = &ids[face.index()] else {
                    continue;
                };
                if !in_text {
                    end_marked(&mut ops, &mut open);
                    ops.push(Op::StartTextSection);
                    in_text = true;
                    line_start = (0.0, 0.0);
                }
                switch_marked(&mut ops, &mut open, want, mcids, structure);
                if let Some(Marked::Link(_, t)) = want {
                    link_mcid = Some((t, mcids.len() as u32 - 1));
                }
                if font != Some((*face, *size)) {
                    ops.push(Op::SetFont {
                        font: PdfFontHandle::External(id.clone()),
                        size: Pt(*size),
                    });
                    font = Some((*face, *size));
                }
                if fill != Some(*c) {
                    ops.push(Op::SetFillColor { col: color(*c) });
                    fill = Some(*c);
                }
                // Td moves relative to the start of the previous line in this text object.
                let (tx, ty) = (r2(*x), r2(h - *y));
                ops.push(Op::SetTextCursor {
                    pos: Point {
                        x: Pt(r2(tx - line_start.0)),
                        y: Pt(r2(ty - line_start.1)),
                    },
                });
                line_start = (tx, ty);
                let items = if *space_extra > 0.01 && text.contains(' ') {
                    let off = -space_extra * 1000.0 / size;
                    let mut items = Vec::new();
                    let mut rest = text.as_str();
                    while let Some(i) = rest.find(' ') {
                        items.push(TextItem::Text(rest[..=i].to_string()));
                        items.push(TextItem::Offset(off));
                        rest = &rest[i + 1..];
                    }
                    if !rest.is_empty() {
                        items.push(TextItem::Text(rest.to_string()));
                    }
                    items
                } else {
                    vec![TextItem::Text(text.clone())]
                };
                ops.push(Op::ShowText { items });
            }
            Item::Rule {
                x1,
                y1,
                x2,
                y2,
                width,
                color: c,
            } => {
                ops.push(Op::SetOutlineColor { col: color(*c) });
                ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                ops.push(Op::SetLineCapStyle {
                    cap: LineCapStyle::Butt,
                });
                ops.push(Op::DrawLine {
                    line: Line {
                        points: vec![
                            LinePoint {
                                p: Point {
                                    x: Pt(r2(*x1)),
                                    y: Pt(r2(h - *y1)),
                                },
                                bezier: false,
                            },
                            LinePoint {
                                p: Point {
                                    x: Pt(r2(*x2)),
                                    y: Pt(r2(h - *y2)),
                                },
                                bezier: false,
                            },
                        ],
                        is_closed: false,
                    },
                });
            }
            Item::Rect {
                x,
                y,
                w,
                h: rh,
                color: c,
            } => {
                if fill != Some(*c) {
                    ops.push(Op::SetFillColor { col: color(*c) });
                    fill = Some(*c);
                }
                ops.push(Op::DrawRectangle {
                    rectangle: Rect {
                        x: Pt(r2(*x)),
                        y: Pt(r2(h - *y - *rh)),
                        width: Pt(r2(*w)),
                        height: Pt(r2(*rh)),
                        mode: Some(PaintMode::Fill),
                        winding_order: Some(WindingOrder::NonZero),
                    },
                });
            }
            Item::Path {
                segments,
                closed,
                stroke,
                fill: pfill,
            } => {
                // One ring per sub-path (each Move starts a new one).
                let mut rings: Vec<PolygonRing> = Vec::new();
                let pt = |x: f32, y: f32, bezier: bool| LinePoint {
                    p: Point {
                        x: Pt(r2(x)),
                        y: Pt(r2(h - y)),
                    },
                    bezier,
                };
                for s in segments {
                    match *s {
                        Seg::Move(x, y) => rings.push(PolygonRing {
                            points: vec![pt(x, y, false)],
                        }),
                        Seg::Line(x, y) => {
                            if let Some(r) = rings.last_mut() {
                                r.points.push(pt(x, y, false));
                            }
                        }
                        Seg::Cubic(a, b, c, d, e, f) => {
                            if let Some(r) = rings.last_mut() {
                                r.points.push(pt(a, b, true));
                                r.points.push(pt(c, d, true));
                                r.points.push(pt(e, f, false));
                            }
                        }
                    }
                }
                if rings.is_empty() {
                    continue;
                }
                if let Some((c, w)) = stroke {
                    ops.push(Op::SetOutlineColor { col: color(*c) });
                    ops.push(Op::SetOutlineThickness { pt: Pt(*w) });
                    ops.push(Op::SetLineCapStyle {
                        cap: LineCapStyle::Round,
                    });
                    ops.push(Op::SetLineJoinStyle {
                        join: LineJoinStyle::Round,
                    });
                }
                if let Some(c) = pfill {
                    ops.push(Op::SetFillColor { col: color(*c) });
                    fill = Some(*c);
                }
                let mode = match (stroke.is_some(), pfill.is_some()) {
                    (true, true) => PaintMode::FillStroke,
                    (false, true) => PaintMode::Fill,
                    _ => PaintMode::Stroke,
                };
                if pfill.is_none() && !closed {
                    // Open stroked paths: one line per ring so nothing gets closed.
                    for r in rings {
                        let straight = r.points.iter().all(|p| !p.bezier);
                        if straight {
                            ops.push(Op::DrawLine {
                                line: Line {
                                    points: r.points,
                                    is_closed: false,
                                },
                            });
                        } else {
                            ops.push(Op::DrawPolygon {
                                polygon: Polygon {
                                    rings: vec![r],
                                    mode,
                                    winding_order: WindingOrder::NonZero,
                                },
                            });
                        }
                    }
                } else {
                    ops.push(Op::DrawPolygon {
                        polygon: Polygon {
                            rings,
                            mode,
                            winding_order: WindingOrder::NonZero,
                        },
                    });
                }
            }
            Item::Link { x, y, w, h: lh, to } => {
                let rect = [r2(*x), r2(h - *y - *lh), r2(*x + *w), r2(h - *y)];
                if tagged {
                    let elem = page.elems.get(k).copied().unwrap_or(0);
                    let mcid = link_mcid.filter(|(t, _)| t + 1 == k).map(|(_, m)| m);
                    link_tags.push(LinkTag {
                        page: index,
                        rect,
                        elem,
                        mcid,
                    });
                }
                match to {
                    LinkTo::Uri(u) => {
                        let rect = Rect {
                            x: Pt(rect[0]),
                            y: Pt(rect[1]),
                            width: Pt(r2(*w)),
                            height: Pt(r2(*lh)),
                            mode: None,
                            winding_order: None,
                        };
                        ops.push(Op::LinkAnnotation {
                            link: LinkAnnotation::new(
                                rect,
                                Actions::Uri(u.clone()),
                                Some(printpdf::BorderArray::Solid([0.0, 0.0, 0.0])),
                                None,
                                None,
                            ),
                        });
                    }
                    LinkTo::Anchor(a) => {
                        if let Some((p, ay)) = anchors.get(a) {
                            links.push(InternalLink {
                                page: index,
                                rect,
                                dest_page: *p,
                                top: r2(h - ay + 6.0),
                            });
                        }
                    }
                }
            }
            Item::Image {
                index,
                x,
                y,
                w,
                h: ih,
            } => {
                let Some((id, pw, ph)) = images.get(*index) else {
                    continue;
                };
                // printpdf scales the image to its pixel size at `dpi`; scale from there.
                let dpi = 72.0;
                let sx = *w / *pw as f32;
                let sy = *ih / *ph as f32;
                ops.push(Op::UseXobject {
                    id: id.clone(),
                    transform: XObjectTransform {
                        translate_x: Some(Pt(*x)),
                        translate_y: Some(Pt(h - *y - *ih)),
                        scale_x: Some(sx),
                        scale_y: Some(sy),
                        dpi: Some(dpi),
                        ..Default::default()
                    },
                });
            }
        }
    }
    end_marked(&mut ops, &mut open);
    if in_text {
        ops.push(Op::EndTextSection);
    }
    ops
}

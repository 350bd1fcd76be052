//! Turns the display list into a PDF with printpdf. The only module that
//! knows printpdf.

use super::PdfError;
use super::display::{Document, Face, Item, LinkTo, Seg};
use super::fonts::Fonts;
use super::style::Rgb;
use printpdf::{
    Actions, Color, Destination, FontId, Line, LineCapStyle, LineJoinStyle, LinePoint, LinkAnnotation, Mm, Op,
    PaintMode, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Polygon, PolygonRing, Pt, RawImage, Rect,
    TextItem, WindingOrder, XObjectTransform,
};
use std::collections::BTreeSet;

/// Rounds to 1/100 pt: plenty for print, and short in the content stream.
fn r2(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

fn color(c: Rgb) -> Color {
    Color::Rgb(printpdf::Rgb { r: c.0.clamp(0.0, 1.0), g: c.1.clamp(0.0, 1.0), b: c.2.clamp(0.0, 1.0), icc_profile: None })
}

/// Builds the printpdf document; returns it with the names of the faces used.
pub fn write(mut doc: Document, fonts: &Fonts, title: &str) -> Result<lopdf::Document, PdfError> {
    let mut pdf = PdfDocument::new(title);
    // Characters used per face, for subsetting.
    let mut used: [BTreeSet<char>; 4] = Default::default();
    for page in &doc.pages {
        for (item, _) in &page.items {
            if let Item::Text { face, text, .. } = item {
                used[face.index()].extend(text.chars());
            }
        }
    }
    let mut ids: [Option<FontId>; 4] = Default::default();
    for f in Face::ALL {
        if used[f.index()].is_empty() {
            continue;
        }
        let parsed = fonts.subset(f, &used[f.index()])?;
        ids[f.index()] = Some(pdf.add_font(&parsed));
    }
    let mut images = Vec::new();
    for img in &doc.images {
        let mut warnings = Vec::new();
        let raw = RawImage::decode_from_bytes(&img.bytes, &mut warnings).map_err(PdfError::Image)?;
        let (w, h) = (raw.width, raw.height);
        images.push((pdf.add_image(&raw), w, h));
    }
    let h = doc.height;
    let mut pages = Vec::with_capacity(doc.pages.len());
    let doc_pages = std::mem::take(&mut doc.pages);
    for page in doc_pages {
        let mut ops = Vec::with_capacity(page.items.len() * 2);
        // Graphics state carried between items: one text object for a run
        // of text, font and colour set only when they change.
        let mut in_text = false;
        let mut font: Option<(Face, f32)> = None;
        let mut fill: Option<Rgb> = None;
        let mut line_start = (0.0f32, 0.0f32);
        for (item, _mark) in &page.items {
            let is_text = matches!(item, Item::Text { .. });
            if in_text && !is_text {
                ops.push(Op::EndTextSection);
                in_text = false;
            }
            match item {
                Item::Text { x, y, face, size, color: c, text, space_extra } => {
                    let Some(id) = &ids[face.index()] else { continue };
                    if !in_text {
                        ops.push(Op::StartTextSection);
                        in_text = true;
                        line_start = (0.0, 0.0);
                    }
                    if font != Some((*face, *size)) {
                        ops.push(Op::SetFont { font: PdfFontHandle::External(id.clone()), size: Pt(*size) });
                        font = Some((*face, *size));
                    }
                    if fill != Some(*c) {
                        ops.push(Op::SetFillColor { col: color(*c) });
                        fill = Some(*c);
                    }
                    // Td moves relative to the start of the previous line in this text object.
                    let (tx, ty) = (r2(*x), r2(h - *y));
                    ops.push(Op::SetTextCursor { pos: Point { x: Pt(r2(tx - line_start.0)), y: Pt(r2(ty - line_start.1)) } });
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
                Item::Rule { x1, y1, x2, y2, width, color: c } => {
                    ops.push(Op::SetOutlineColor { col: color(*c) });
                    ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                    ops.push(Op::SetLineCapStyle { cap: LineCapStyle::Butt });
                    ops.push(Op::DrawLine {
                        line: Line {
                            points: vec![
                                LinePoint { p: Point { x: Pt(r2(*x1)), y: Pt(r2(h - *y1)) }, bezier: false },
                                LinePoint { p: Point { x: Pt(r2(*x2)), y: Pt(r2(h - *y2)) }, bezier: false },
                            ],
                            is_closed: false,
                        },
                    });
                }
                Item::Rect { x, y, w, h: rh, color: c } => {
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
                Item::Path { segments, closed, stroke, fill: pfill } => {
                    // One ring per sub-path (each Move starts a new one).
                    let mut rings: Vec<PolygonRing> = Vec::new();
                    let pt = |x: f32, y: f32, bezier: bool| LinePoint { p: Point { x: Pt(r2(x)), y: Pt(r2(h - y)) }, bezier };
                    for s in segments {
                        match *s {
                            Seg::Move(x, y) => rings.push(PolygonRing { points: vec![pt(x, y, false)] }),
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
                        ops.push(Op::SetLineCapStyle { cap: LineCapStyle::Round });
                        ops.push(Op::SetLineJoinStyle { join: LineJoinStyle::Round });
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
                                ops.push(Op::DrawLine { line: Line { points: r.points, is_closed: false } });
                            } else {
                                ops.push(Op::DrawPolygon {
                                    polygon: Polygon { rings: vec![r], mode, winding_order: WindingOrder::NonZero },
                                });
                            }
                        }
                    } else {
                        ops.push(Op::DrawPolygon { polygon: Polygon { rings, mode, winding_order: WindingOrder::NonZero } });
                    }
                }
                Item::Link { x, y, w, h: lh, to } => {
                    let actions = match to {
                        LinkTo::Uri(u) => Actions::Uri(u.clone()),
                        LinkTo::Anchor(a) => match doc.anchors.get(a) {
                            Some((p, ay)) => Actions::Goto(Destination::Xyz {
                                page: p + 1,
                                left: Some(0.0),
                                top: Some(h - ay + 6.0),
                                zoom: None,
                            }),
                            None => continue,
                        },
                    };
                    let rect = Rect {
                        x: Pt(*x),
                        y: Pt(h - *y - *lh),
                        width: Pt(*w),
                        height: Pt(*lh),
                        mode: None,
                        winding_order: None,
                    };
                    ops.push(Op::LinkAnnotation {
                        link: LinkAnnotation::new(
                            rect,
                            actions,
                            Some(printpdf::BorderArray::Solid([0.0, 0.0, 0.0])),
                            None,
                            None,
                        ),
                    });
                }
                Item::Image { index, x, y, w, h: ih } => {
                    let Some((id, pw, ph)) = images.get(*index) else { continue };
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
        if in_text {
            ops.push(Op::EndTextSection);
        }
        drop(page);
        pages.push(PdfPage::new(Mm(doc.width / super::style::MM), Mm(doc.height / super::style::MM), ops));
    }
    pdf.with_pages(pages);
    if std::env::var_os("PLANPRESS_TIMING").is_some() {
        eprintln!("pdf: printpdf pages built");
    }
    let mut warnings = Vec::new();
    let opts = PdfSaveOptions { optimize: false, subset_fonts: false, secure: true, image_optimization: None };
    Ok(pdf.to_lopdf_document(&opts, &mut warnings))
}

//! Drawing display-list items on a krilla surface.

use super::super::display::{Face, Item, Seg};
use super::super::fonts::{Fonts, Glyph};
use super::super::style::Rgb;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::num::NormalizedF32;
use krilla::paint::{Fill, FillRule, LineCap, LineJoin, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use krilla_svg::{SurfaceExt, SvgSettings};

/// An image ready to draw.
pub enum Drawable {
    Raster(krilla::image::Image),
    Svg(Box<usvg::Tree>),
    /// Could not be read; nothing is drawn (the reason is reported).
    None,
}

/// What drawing needs besides the items: the fonts as krilla knows them
/// and the images.
pub struct Painter {
    pub faces: [Font; 4],
    pub images: Vec<Drawable>,
    fill: Option<Rgb>,
}

/// The glyphs of a page's text items, made ahead of drawing: making them
/// needs only the fonts' metrics, so it runs on another core while krilla
/// draws the page before (krilla itself draws one page at a time).
#[derive(Default)]
pub struct Glyphs {
    all: Vec<KrillaGlyph>,
    /// The range in `all` of each item of the page (empty for non-text).
    of_item: Vec<(u32, u32)>,
}

impl Glyphs {
    /// The glyphs of `items`, with the very advances the layout measured
    /// (kerning included) and each space widened by its justification.
    pub fn of(fonts: &Fonts, items: &[Item]) -> Glyphs {
        // A glyph per character: the text's length in bytes is enough room.
        let room = items
            .iter()
            .map(|i| match i {
                Item::Text { text, .. } => text.len(),
                _ => 0,
            })
            .sum();
        let mut out = Glyphs {
            all: Vec::with_capacity(room),
            of_item: Vec::with_capacity(items.len()),
        };
        let mut glyphs: Vec<Glyph> = Vec::new();
        for item in items {
            let from = out.all.len() as u32;
            if let Item::Text {
                face,
                size,
                text,
                space_extra,
                ..
            } = item
            {
                fonts.face(*face).glyphs(text, fonts.kerning, &mut glyphs);
                let extra = space_extra / size;
                out.all.extend(glyphs.iter().map(|g| {
                    let space = text.as_bytes()[g.start] == b' ';
                    KrillaGlyph {
                        glyph_id: GlyphId::new(u32::from(g.id)),
                        text_range: g.start..g.end,
                        x_advance: g.advance / 1000.0 + if space { extra } else { 0.0 },
                        x_offset: 0.0,
                        y_offset: 0.0,
                        y_advance: 0.0,
                        location: None,
                    }
                }));
            }
            out.of_item.push((from, out.all.len() as u32));
        }
        out
    }

    fn item(&self, i: usize) -> &[KrillaGlyph] {
        let (a, b) = self.of_item.get(i).copied().unwrap_or((0, 0));
        &self.all[a as usize..b as usize]
    }
}

/// A position to a hundredth of a point: finer than print can show, and
/// short in the content stream.
fn r(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

fn colour(c: Rgb) -> rgb::Color {
    let u = |v: f32| (v.clamp(0.0, 1.0) * 255.0).round() as u8;
    rgb::Color::new(u(c.0), u(c.1), u(c.2))
}

fn fill(c: Rgb) -> Fill {
    Fill {
        paint: colour(c).into(),
        opacity: NormalizedF32::ONE,
        rule: FillRule::NonZero,
    }
}

fn stroke(c: Rgb, width: f32) -> Stroke {
    Stroke {
        paint: colour(c).into(),
        width,
        line_cap: LineCap::Butt,
        line_join: LineJoin::Miter,
        ..Stroke::default()
    }
}

impl Painter {
    pub fn new(fonts: &Fonts, images: Vec<Drawable>) -> Option<Painter> {
        let face = |f: Face| {
            let bytes: &'static [u8] = fonts.face(f).bytes;
            let data: std::sync::Arc<dyn AsRef<[u8]> + Send + Sync> = std::sync::Arc::new(bytes);
            Font::new(data.into(), 0)
        };
        Some(Painter {
            faces: [
                face(Face::Regular)?,
                face(Face::Bold)?,
                face(Face::Italic)?,
                face(Face::BoldItalic)?,
            ],
            images,
            fill: None,
        })
    }

    /// Starts a page: nothing is set on a fresh surface.
    pub fn reset(&mut self) {
        self.fill = None;
    }

    fn set_fill(&mut self, surface: &mut Surface, c: Rgb) {
        if self.fill != Some(c) {
            surface.set_fill(Some(fill(c)));
            self.fill = Some(c);
        }
    }

    /// Draws item `i` of a page whose glyphs are `glyphs`.
    pub fn draw(&mut self, surface: &mut Surface, item: &Item, i: usize, glyphs: &Glyphs) {
        match item {
            Item::Text {
                x,
                y,
                face,
                size,
                color,
                text,
                ..
            } => {
                self.set_fill(surface, *color);
                surface.set_stroke(None);
                let font = self.faces[face.index()].clone();
                surface.draw_glyphs(
                    Point::from_xy(r(*x), r(*y)),
                    glyphs.item(i),
                    font,
                    text,
                    *size,
                    false,
                );
            }
            Item::Rule {
                x1,
                y1,
                x2,
                y2,
                width,
                color,
            } => {
                let mut pb = PathBuilder::new();
                pb.move_to(r(*x1), r(*y1));
                pb.line_to(r(*x2), r(*y2));
                if let Some(path) = pb.finish() {
                    surface.set_fill(None);
                    self.fill = None;
                    surface.set_stroke(Some(stroke(*color, *width)));
                    surface.draw_path(&path);
                    surface.set_stroke(None);
                }
            }
            Item::Rect { x, y, w, h, color } => {
                let Some(rect) = Rect::from_xywh(r(*x), r(*y), r(w.max(0.01)), r(h.max(0.01)))
                else {
                    return;
                };
                let mut pb = PathBuilder::new();
                pb.push_rect(rect);
                if let Some(path) = pb.finish() {
                    self.set_fill(surface, *color);
                    surface.set_stroke(None);
                    surface.draw_path(&path);
                }
            }
            Item::Path {
                segments,
                closed,
                stroke: line,
                fill: inside,
                dash,
            } => {
                let mut pb = PathBuilder::new();
                for s in segments {
                    match *s {
                        Seg::Move(x, y) => pb.move_to(r(x), r(y)),
                        Seg::Line(x, y) => pb.line_to(r(x), r(y)),
                        Seg::Cubic(a, b, c, d, e, f) => {
                            pb.cubic_to(r(a), r(b), r(c), r(d), r(e), r(f))
                        }
                    }
                }
                if *closed {
                    pb.close();
                }
                let Some(path) = pb.finish() else { return };
                match inside {
                    Some(c) => self.set_fill(surface, *c),
                    None => {
                        surface.set_fill(None);
                        self.fill = None;
                    }
                }
                surface.set_stroke(line.map(|(c, w)| Stroke {
                    dash: dash.map(|(on, off)| StrokeDash {
                        array: vec![on, off],
                        offset: 0.0,
                    }),
                    ..stroke(c, w)
                }));
                surface.draw_path(&path);
                surface.set_stroke(None);
            }
            Item::Image { index, x, y, w, h } => {
                let Some(size) = Size::from_wh(w.max(0.01), h.max(0.01)) else {
                    return;
                };
                surface.push_transform(&Transform::from_translate(*x, *y));
                match self.images.get(*index) {
                    Some(Drawable::Raster(image)) => surface.draw_image(image.clone(), size),
                    Some(Drawable::Svg(tree)) => {
                        let _ = surface.draw_svg(tree, size, SvgSettings::default());
                    }
                    _ => {}
                }
                surface.pop();
                // Drawing may leave any fill behind.
                self.fill = None;
            }
            // Links are annotations of the page, not drawing.
            Item::Link { .. } => {}
        }
    }
}

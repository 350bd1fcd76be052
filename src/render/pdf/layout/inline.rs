//! Markdown inlines as styled spans.

use super::super::display::{Face, LinkTo};
use super::Layout;
use super::text::{Span, SpanLink};
use crate::model::{Inline, LinkTarget};
use std::sync::Arc;

impl Layout<'_> {
    pub(super) fn link_to(&self, target: &LinkTarget) -> Option<LinkTo> {
        match target {
            LinkTarget::External(u) => Some(LinkTo::Uri(u.clone())),
            LinkTarget::Section { slug, fragment } => Some(LinkTo::Anchor(match fragment {
                Some(f) => format!("{slug}#{f}"),
                None => slug.clone(),
            })),
            LinkTarget::Fragment(f) => Some(LinkTo::Anchor(format!("{}#{f}", self.slug))),
            LinkTarget::Asset(_) | LinkTarget::Broken(_) => None,
        }
    }

    /// "se afsnit 6, s. 19" for a link to another section (or a heading or
    /// goal in it): its number, and the page from the pass before.
    fn cross_reference(&self, target: &LinkTarget) -> Option<String> {
        let LinkTarget::Section { slug, fragment } = target else {
            return None;
        };
        let xref = self.env.xref?;
        // A case's sections are not numbered, and it is read in one go.
        if *slug == self.slug || self.plan.meta.kind.case().is_some() {
            return None;
        }
        let number = xref.numbers.get(slug)?;
        let key = fragment.as_ref().map(|f| format!("{slug}#{f}"));
        let page = key
            .and_then(|k| xref.pages.get(&k))
            .or_else(|| xref.pages.get(slug));
        xref.used.store(true, std::sync::atomic::Ordering::Relaxed);
        // The first pass guesses a page number as wide as most.
        let page = page.map_or_else(|| "00".to_string(), |p| p.to_string());
        Some(
            self.label("pdf_xref")
                .replace("{number}", number)
                .replace("{page}", &page),
        )
    }

    /// A new link for spans: `alt` says where it goes.
    pub(super) fn span_link(&mut self, to: LinkTo, alt: String) -> Arc<SpanLink> {
        self.next_link += 1;
        Arc::new(SpanLink {
            to,
            alt,
            id: self.next_link,
        })
    }

    pub(super) fn spans(&mut self, inlines: &[Inline], base: &Span, out: &mut Vec<Span>) {
        for inline in inlines {
            match inline {
                Inline::Text(t) => out.push(Span {
                    text: t.clone(),
                    ..base.clone()
                }),
                Inline::Code(t) => out.push(Span {
                    text: t.clone(),
                    color: self.st.code,
                    hyphenate: false,
                    ..base.clone()
                }),
                Inline::Emphasis(c) => {
                    let s = Span {
                        face: base.face.with(false, true),
                        ..base.clone()
                    };
                    self.spans(c, &s, out);
                }
                Inline::Strong(c) => {
                    let s = Span {
                        face: base.face.with(true, false),
                        ..base.clone()
                    };
                    self.spans(c, &s, out);
                }
                Inline::Strikethrough(c) => {
                    let s = Span {
                        color: self.st.muted,
                        ..base.clone()
                    };
                    self.spans(c, &s, out);
                }
                Inline::Link {
                    target, content, ..
                } => {
                    let s = match self.link_to(target) {
                        Some(to) => {
                            let text = crate::markdown::plain_text(content);
                            let alt = link_alt(&text, &to);
                            Span {
                                link: Some(self.span_link(to, alt)),
                                color: self.st.brand,
                                ..base.clone()
                            }
                        }
                        None => base.clone(),
                    };
                    self.spans(content, &s, out);
                    if let Some(x) = self.cross_reference(target) {
                        out.push(Span {
                            text: format!(" ({x})"),
                            ..base.clone()
                        });
                    }
                }
                Inline::Image { alt, .. } => out.push(Span {
                    text: format!("[{alt}]"),
                    face: base.face.with(false, true),
                    ..base.clone()
                }),
                Inline::FootnoteRef { number, .. } => out.push(Span {
                    text: number.to_string(),
                    size: base.size * 0.7,
                    rise: base.size * 0.35,
                    color: self.st.brand,
                    link: None,
                    hyphenate: false,
                    ..base.clone()
                }),
                Inline::SoftBreak => out.push(Span {
                    text: " ".into(),
                    ..base.clone()
                }),
                Inline::HardBreak => out.push(Span {
                    text: "\n".into(),
                    ..base.clone()
                }),
                Inline::Html(h) => {
                    let text = if self.plan.meta.allow_html {
                        strip_tags(h)
                    } else {
                        h.clone()
                    };
                    if !text.trim().is_empty() {
                        out.push(Span {
                            text,
                            ..base.clone()
                        });
                    }
                }
            }
        }
    }

    pub(super) fn body_span(&self) -> Span {
        Span::new("", Face::Regular, self.fs, self.st.text)
    }
}

/// What a link's clickable area says to a reader that cannot see the page:
/// its text, and an address that differs from it.
pub(super) fn link_alt(text: &str, to: &LinkTo) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match to {
        LinkTo::Uri(u) if text.is_empty() => u.clone(),
        LinkTo::Uri(u) if !u.contains(&text) && !text.contains(u.as_str()) => {
            format!("{text} ({u})")
        }
        LinkTo::Anchor(a) if text.is_empty() => a.clone(),
        _ => text,
    }
}

/// Raw HTML's text, without its tags.
pub(super) fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

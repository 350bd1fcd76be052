//! The model's blocks and inlines as HTML.

use crate::model::{Align, Block, CalloutKind, Footnote, Inline, LinkTarget, Signature};

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    escape_into(&mut out, text);
    out
}

pub fn escape_into(out: &mut String, text: &str) {
    // Copy runs of ordinary text whole; only the five special bytes (all
    // ASCII, so never inside a multi-byte character) are replaced.
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&text[start..i]);
        out.push_str(entity);
        start = i + 1;
    }
    out.push_str(&text[start..]);
}

/// Where blocks are written, which decides their headings' levels, their
/// ids and their links: a plan's section has a page of its own, while a
/// case's sections share the case's one page, so their ids take the
/// section's slug in front.
#[derive(Clone, Copy)]
pub enum Place<'a> {
    OwnPage,
    /// A case's section `depth` levels below the case's title.
    CasePage {
        slug: &'a str,
        depth: u8,
    },
}

impl Place<'_> {
    /// The id of an anchor written as `id` in the section's text.
    pub fn id(self, id: &str) -> String {
        match self {
            Place::OwnPage => id.to_string(),
            Place::CasePage { slug, .. } => format!("{slug}--{id}"),
        }
    }

    /// Where a link points from here.
    pub fn href(self, target: &LinkTarget) -> String {
        match (self, target) {
            (Place::OwnPage, _) => href(target),
            (Place::CasePage { .. }, LinkTarget::Section { slug, fragment }) => {
                let on_case = Place::CasePage { slug, depth: 1 };
                match fragment {
                    None => format!("index.html#{slug}"),
                    Some(f) => format!("index.html#{}", on_case.id(f)),
                }
            }
            (Place::CasePage { .. }, LinkTarget::Fragment(f)) => format!("#{}", self.id(f)),
            _ => href(target),
        }
    }

    /// How many levels the section's own headings move down.
    fn shift(self) -> u8 {
        match self {
            Place::OwnPage => 0,
            Place::CasePage { depth, .. } => depth,
        }
    }
}

/// Writes blocks as HTML. Goal markers are handed to `goals`, which
/// returns the rendered goal table for them.
pub struct Writer<'a> {
    pub place: Place<'a>,
    pub allow_html: bool,
    pub goals: &'a mut dyn FnMut(&crate::model::GoalsMarker) -> String,
    /// Footnote reference label, for `aria-label`s.
    pub footnote_label: &'a str,
    /// Names a table's scrollable region for screen readers.
    pub table_label: &'a str,
    /// Each callout kind's name in the plan's language, in the order of
    /// [`CalloutKind::ALL`].
    pub callout_words: &'a [String; 5],
    /// Callouts written so far on the page, for their labels' ids.
    pub callouts: usize,
}

impl Writer<'_> {
    pub fn blocks(&mut self, out: &mut String, blocks: &[Block]) {
        for b in blocks {
            self.block(out, b);
        }
    }

    fn block(&mut self, out: &mut String, block: &Block) {
        match block {
            Block::Heading { level, id, content } => {
                let level = (*level + self.place.shift()).clamp(2, 6);
                let id = escape(&self.place.id(id));
                out.push_str(&format!("<h{level} id=\"{id}\">"));
                self.inlines(out, content);
                out.push_str(&format!(
                    "<a class=\"anchor\" href=\"#{id}\" aria-hidden=\"true\" tabindex=\"-1\">#</a></h{level}>\n"
                ));
            }
            Block::Paragraph(content) => {
                out.push_str("<p>");
                self.inlines(out, content);
                out.push_str("</p>\n");
            }
            Block::List { start, items } => {
                match start {
                    Some(1) => out.push_str("<ol>\n"),
                    Some(n) => out.push_str(&format!("<ol start=\"{n}\">\n")),
                    None => out.push_str("<ul>\n"),
                }
                for item in items {
                    out.push_str("<li>");
                    // A tight item is one paragraph: no <p> inside the <li>.
                    match item.as_slice() {
                        [Block::Paragraph(content)] => self.inlines(out, content),
                        _ => self.blocks(out, item),
                    }
                    out.push_str("</li>\n");
                }
                out.push_str(if start.is_some() {
                    "</ol>\n"
                } else {
                    "</ul>\n"
                });
            }
            Block::Quote {
                body,
                attribution: None,
            } => {
                out.push_str("<blockquote>\n");
                self.blocks(out, body);
                out.push_str("</blockquote>\n");
            }
            // Who said it stands outside the quoted words, as HTML wants.
            Block::Quote {
                body,
                attribution: Some(speaker),
            } => {
                out.push_str("<figure class=\"quote\">\n<blockquote>\n");
                self.blocks(out, body);
                out.push_str("</blockquote>\n<figcaption>— ");
                self.inlines(out, speaker);
                out.push_str("</figcaption>\n</figure>\n");
            }
            Block::Callout { kind, title, body } => {
                self.callout(out, *kind, title.as_deref(), body)
            }
            Block::Code { lang, text } => {
                match lang {
                    Some(l) => {
                        out.push_str(&format!("<pre><code class=\"language-{}\">", escape(l)))
                    }
                    None => out.push_str("<pre><code>"),
                }
                escape_into(out, text);
                out.push_str("</code></pre>\n");
            }
            Block::Table {
                align, head, rows, ..
            } => {
                out.push_str(&format!(
                    "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"{}\"><table class=\"prose-table\">\n<thead><tr>",
                    escape(self.table_label)
                ));
                for (i, cell) in head.iter().enumerate() {
                    out.push_str(&format!("<th scope=\"col\"{}>", align_attr(align.get(i))));
                    self.inlines(out, cell);
                    out.push_str("</th>");
                }
                out.push_str("</tr></thead>\n<tbody>\n");
                for row in rows {
                    out.push_str("<tr>");
                    for (i, cell) in row.iter().enumerate() {
                        out.push_str(&format!("<td{}>", align_attr(align.get(i))));
                        self.inlines(out, cell);
                        out.push_str("</td>");
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody></table></div>\n");
            }
            Block::Rule => out.push_str("<hr>\n"),
            Block::Html(html) => {
                if self.allow_html {
                    out.push_str(html);
                } else {
                    out.push_str("<pre class=\"raw-html\">");
                    escape_into(out, html);
                    out.push_str("</pre>\n");
                }
            }
            Block::Goals(marker) => out.push_str(&(self.goals)(marker)),
        }
    }

    /// A callout as a note with its label: a NOTE's title alone (a fact
    /// box), or the kind's name and the title after it.
    fn callout(
        &mut self,
        out: &mut String,
        kind: CalloutKind,
        title: Option<&[Inline]>,
        body: &[Block],
    ) {
        self.callouts += 1;
        let id = format!("callout_{}", self.callouts);
        let factbox = if kind == CalloutKind::Note && title.is_some() {
            " factbox"
        } else {
            ""
        };
        out.push_str(&format!(
            "<div class=\"callout callout-{}{factbox}\" role=\"note\" aria-labelledby=\"{id}\">\n<p class=\"callout-label\" id=\"{id}\">",
            kind.code()
        ));
        let word = &self.callout_words[kind as usize];
        match title {
            Some(t) if kind == CalloutKind::Note => self.inlines(out, t),
            Some(t) => {
                out.push_str(&format!(
                    "<span class=\"callout-kind\">{}:</span> ",
                    escape(word)
                ));
                self.inlines(out, t);
            }
            None => escape_into(out, word),
        }
        out.push_str("</p>\n");
        self.blocks(out, body);
        out.push_str("</div>\n");
    }

    /// The signature under a section's text: name and role on lines of
    /// their own.
    pub fn signature(&mut self, out: &mut String, signature: &Signature) {
        out.push_str("<p class=\"signature\"><span class=\"signature-name\">");
        escape_into(out, &signature.name);
        out.push_str("</span>");
        if let Some(role) = &signature.role {
            out.push_str("<br>\n<span class=\"signature-role\">");
            escape_into(out, role);
            out.push_str("</span>");
        }
        out.push_str("</p>\n");
    }

    pub fn inlines(&mut self, out: &mut String, inlines: &[Inline]) {
        for i in inlines {
            match i {
                Inline::Text(t) => escape_into(out, t),
                Inline::Code(c) => {
                    out.push_str("<code>");
                    escape_into(out, c);
                    out.push_str("</code>");
                }
                Inline::Emphasis(c) => self.wrap(out, "em", c),
                Inline::Strong(c) => self.wrap(out, "strong", c),
                Inline::Strikethrough(c) => self.wrap(out, "del", c),
                Inline::Link { target, title, content } => {
                    out.push_str(&format!("<a href=\"{}\"", escape(&self.place.href(target))));
                    if !title.is_empty() {
                        out.push_str(&format!(" title=\"{}\"", escape(title)));
                    }
                    out.push('>');
                    self.inlines(out, content);
                    out.push_str("</a>");
                }
                Inline::Image {
                    target, alt, title, ..
                } => {
                    out.push_str(&format!("<img src=\"{}\" alt=\"{}\"", escape(&href(target)), escape(alt)));
                    if !title.is_empty() {
                        out.push_str(&format!(" title=\"{}\"", escape(title)));
                    }
                    out.push_str(" loading=\"lazy\">");
                }
                Inline::FootnoteRef { number, .. } => out.push_str(&format!(
                    "<sup class=\"fnref\" id=\"{}\"><a href=\"#{}\" aria-label=\"{} {number}\">{number}</a></sup>",
                    self.place.id(&format!("fnref-{number}")),
                    self.place.id(&format!("fn-{number}")),
                    escape(self.footnote_label)
                )),
                Inline::SoftBreak => out.push('\n'),
                Inline::HardBreak => out.push_str("<br>\n"),
                Inline::Html(h) => {
                    if self.allow_html {
                        out.push_str(h);
                    } else {
                        escape_into(out, h);
                    }
                }
            }
        }
    }

    fn wrap(&mut self, out: &mut String, tag: &str, content: &[Inline]) {
        out.push_str(&format!("<{tag}>"));
        self.inlines(out, content);
        out.push_str(&format!("</{tag}>"));
    }

    pub fn footnotes(&mut self, out: &mut String, notes: &[Footnote], back_label: &str) {
        if notes.is_empty() {
            return;
        }
        out.push_str("<ol class=\"footnotes\">\n");
        for note in notes {
            out.push_str(&format!(
                "<li id=\"{}\">",
                self.place.id(&format!("fn-{}", note.number))
            ));
            match note.content.as_slice() {
                [Block::Paragraph(content)] => self.inlines(out, content),
                other => self.blocks(out, other),
            }
            out.push_str(&format!(
                " <a href=\"#{}\" class=\"fnback\" aria-label=\"{}\">↩</a></li>\n",
                self.place.id(&format!("fnref-{}", note.number)),
                escape(back_label)
            ));
        }
        out.push_str("</ol>\n");
    }
}

fn align_attr(a: Option<&Align>) -> &'static str {
    match a {
        Some(Align::Left) => " class=\"left\"",
        Some(Align::Center) => " class=\"center\"",
        Some(Align::Right) => " class=\"num\"",
        _ => "",
    }
}

/// Where a link points on the site. All pages sit in one folder, so a link
/// between sections is just the page's file name: relative, and it works
/// from any sub-path and from `file://`.
pub fn href(target: &LinkTarget) -> String {
    match target {
        LinkTarget::External(url) => url.clone(),
        LinkTarget::Section {
            slug,
            fragment: None,
        } => format!("{slug}.html"),
        LinkTarget::Section {
            slug,
            fragment: Some(f),
        } => format!("{slug}.html#{f}"),
        LinkTarget::Asset(path) => asset_href(path),
        LinkTarget::Fragment(f) => format!("#{f}"),
        LinkTarget::Broken(url) => url.clone(),
    }
}

/// `content/assets/kort.png` → `assets/kort.png` (files keep their place
/// under `content/`).
pub fn asset_href(path: &str) -> String {
    path.strip_prefix("content/").unwrap_or(path).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::GoalsMarker;

    fn render(blocks: &[Block], allow_html: bool) -> String {
        let mut goals = |_: &GoalsMarker| "<GOALS>".to_string();
        let words = ["Bemærk", "Tip", "Vigtigt", "Advarsel", "Pas på"].map(String::from);
        let mut w = Writer {
            place: Place::OwnPage,
            allow_html,
            goals: &mut goals,
            footnote_label: "Fodnote",
            table_label: "Tabel",
            callout_words: &words,
            callouts: 0,
        };
        let mut out = String::new();
        w.blocks(&mut out, blocks);
        out
    }

    #[test]
    fn raw_html_is_escaped_unless_allowed() {
        let blocks = vec![Block::Html("<script>alert(1)</script>".into())];
        assert!(render(&blocks, false).contains("&lt;script&gt;"));
        assert!(render(&blocks, true).contains("<script>alert(1)</script>"));
    }

    #[test]
    fn section_links_are_relative_pages() {
        assert_eq!(
            href(&LinkTarget::Section {
                slug: "unge".into(),
                fragment: Some("maal".into())
            }),
            "unge.html#maal"
        );
        assert_eq!(
            href(&LinkTarget::Asset("content/assets/a.svg".into())),
            "assets/a.svg"
        );
    }
}

//! The running header (the plan's title) and footer (the organisation and
//! "Side N af M"): artifacts, which screen readers skip. A plan has them
//! on every page but the cover; a case has the footer on every page and
//! the header from page 2, below the title of page 1.

use super::super::display::{Artifact, Face, Item, Owner};
use super::super::style::MM;
use super::Layout;

impl Layout<'_> {
    /// Footers from page index `from`, headers from `header_from` on.
    pub(super) fn furniture(&mut self, from: usize, header_from: usize) {
        let total = self.doc.pages.len();
        let st = self.st;
        let hs = &st.file.header;
        let title = self.plan.meta.title.clone();
        let org = self.plan.meta.organisation.clone();
        let size = hs.size_pt;
        let title_w = self.fonts.width(Face::Regular, size, &title);
        let org_w = self.fonts.width(Face::Regular, size, &org);
        let text = |x: f32, y: f32, t: String| Item::Text {
            x,
            y,
            face: Face::Regular,
            size,
            color: st.muted,
            text: t,
            space_extra: 0.0,
        };
        for i in from..total {
            let no = i + 1;
            let (l, r) = st.margins(no);
            let right = st.page_w - r;
            let hy = st.top - hs.header_mm * MM;
            let fy = st.page_h - st.bottom + hs.footer_mm * MM;
            let odd = no % 2 == 1;
            let page = &mut self.doc.pages[i];
            if hs.title && i >= header_from {
                let x = if odd { right - title_w } else { l };
                page.push(
                    text(x, hy, title.clone()),
                    Owner::Artifact(Artifact::Header),
                );
                page.push(
                    Item::Rule {
                        x1: l,
                        y1: hy + 4.5,
                        x2: right,
                        y2: hy + 4.5,
                        width: 0.4,
                        color: st.rule,
                    },
                    Owner::Artifact(Artifact::Header),
                );
            }
            let number = self
                .env
                .theme
                .label("pdf_page_of")
                .replace("{page}", &no.to_string())
                .replace("{pages}", &total.to_string());
            let w = self.fonts.width(Face::Regular, size, &number);
            let x = if odd { right - w } else { l };
            page.push(text(x, fy, number), Owner::Artifact(Artifact::Footer));
            let ox = if odd { l } else { right - org_w };
            page.push(text(ox, fy, org.clone()), Owner::Artifact(Artifact::Footer));
        }
    }
}

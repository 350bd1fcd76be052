//! The table of contents: the status overview's page, then each section's
//! number, title and page (a link to it), top-level entries with their
//! summary.

use super::super::display::{Face, Item, LinkTo, OutlineEntry, Role};
use super::Layout;
use super::text::Span;
use crate::model::TocEntry;

impl Layout<'_> {
    /// The table of contents; `page_of` gives the page number of a slug.
    pub(super) fn contents(&mut self, toc: &[TocEntry], page_of: &dyn Fn(&str) -> usize) {
        self.new_page();
        let title = self.label("contents").to_string();
        if self.record {
            self.doc.outline.push(OutlineEntry {
                title: title.clone(),
                depth: 1,
                page: self.page_no() - 1,
                y: self.y,
            });
        }
        self.heading(&title, 1, 1, None, None, self.lead * 2.0);
        self.y += 8.0;
        let toc_prev = self.open(Role::Toc);
        let st = self.st;
        let cs = &st.file.contents;
        let x0 = self.x0();
        let measure = self.measure();
        let (num_w, page_w) = (cs.number_width_pt, cs.page_width_pt);
        let sum_lead = cs.summary_pt * 1.35;
        // The overview comes first, unnumbered, when the plan has one.
        let overview = (!self.plan.all_goals().is_empty()).then(|| TocEntry {
            slug: super::overview::ANCHOR.to_string(),
            title: self.label("pdf_overview").to_string(),
            depth: 1,
            number: String::new(),
        });
        let sections = self.plan.all_sections();
        let summaries = sections.iter().map(|s| s.summary.as_ref());
        let entries = overview
            .iter()
            .map(|e| (e, None))
            .chain(toc.iter().zip(summaries));
        for (entry, summary) in entries {
            let indent = (entry.depth - 1) as f32 * num_w;
            let top_level = entry.depth == 1;
            let face = if top_level { Face::Bold } else { Face::Regular };
            let size = if top_level {
                cs.entry_pt
            } else {
                cs.sub_entry_pt
            };
            let lead = size * 1.4;
            let text_x = x0 + indent + num_w;
            let text_w = measure - indent - num_w - page_w;
            let title = vec![Span::new(entry.title.clone(), face, size, st.text).no_hyphens()];
            let (title, tlines) = self.lines(&title, text_w, false);
            let summary = summary
                .filter(|_| top_level)
                .map(|s| vec![Span::new(s.clone(), Face::Regular, cs.summary_pt, st.muted)]);
            let summary = summary.map(|s| self.lines(&s, text_w, true));
            let sum_h = summary
                .as_ref()
                .map_or(0.0, |(_, l)| l.len() as f32 * sum_lead + 2.0);
            let h = tlines.len() as f32 * lead + sum_h + if top_level { 8.0 } else { 3.0 };
            self.need(h);
            if top_level && !self.at_top {
                self.y += 4.0;
            }
            let top = self.y;
            let page = self.page_no() - 1;
            let item_prev = self.open(Role::TocItem);
            // Number, title and page number are the link to the section.
            let link_prev = self.open(Role::Link);
            let link_elem = self.cur;
            let base = Self::baseline(self.y, lead, size);
            let num = vec![Span::new(entry.number.clone(), face, size, st.heading)];
            let nl = self.breaker(false).lines(&num, 100.0);
            self.emit_line(&num, &nl[0], x0 + indent, base, 0.0);
            for l in &tlines {
                let b = Self::baseline(self.y, lead, size);
                self.emit_line(&title, l, text_x, b, 0.0);
                self.y += lead;
            }
            let pn = page_of(&entry.slug);
            let pnum = vec![Span::new(
                if pn == 0 {
                    "999".to_string()
                } else {
                    pn.to_string()
                },
                face,
                size,
                st.text,
            )];
            let pl = self.breaker(false).lines(&pnum, 100.0);
            let px = x0 + measure - pl[0].width;
            self.on_page(page, |l| l.emit_line(&pnum, &pl[0], px, base, 0.0));
            let alt = format!("{} {}", entry.number, entry.title)
                .trim()
                .to_string();
            self.close(link_prev);
            if let Some((s, lines)) = &summary {
                let prev = self.open(Role::Paragraph);
                for l in lines {
                    let b = Self::baseline(self.y, sum_lead, cs.summary_pt);
                    self.emit_line(s, l, text_x, b, 0.0);
                    self.y += sum_lead;
                }
                self.close(prev);
                self.y += 2.0;
            }
            self.at_top = false;
            let link_h = self.y - top;
            let prev = std::mem::replace(&mut self.cur, link_elem);
            self.push(Item::Link {
                x: x0,
                y: top,
                w: measure,
                h: link_h,
                to: LinkTo::Anchor(entry.slug.clone()),
                alt,
            });
            self.cur = prev;
            self.close(item_prev);
            self.y += if top_level { 4.0 } else { 1.0 };
        }
        self.close(toc_prev);
    }
}

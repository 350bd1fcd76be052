//! The colophon on the back of the cover: who publishes the plan, where
//! it stands (draft, consultation draft, adopted by whom and when), its
//! edition and date, the date of its figures, whom to ask, and where the
//! indicators' figures come from. Also the line the cover shows for where
//! the document stands.

use super::super::display::{Face, LinkTo, Role};
use super::super::style::MM;
use super::Layout;
use super::text::Span;
use crate::locale;
use crate::model::DocumentStatus;

/// A value of the colophon: its text, and where it links to.
type Value = (String, Option<LinkTo>);

impl Layout<'_> {
    /// Where the document stands, in words: `Udkast`, `Høringsudkast`,
    /// `Vedtaget af Byrådet 26. november 2026`.
    pub(super) fn standing(&self) -> String {
        let meta = &self.plan.meta;
        match (meta.status, &meta.adopted) {
            (DocumentStatus::Draft, _) => self.label("pdf_status_draft").into(),
            (DocumentStatus::Consultation, _) => self.label("pdf_status_consultation").into(),
            (DocumentStatus::Adopted, None) => self.label("pdf_status_adopted").into(),
            (DocumentStatus::Adopted, Some(a)) => {
                let date = locale::date(a.date, meta.language);
                match &a.by {
                    Some(by) => self
                        .label("pdf_adopted_by")
                        .replace("{by}", by)
                        .replace("{date}", &date),
                    None => self.label("pdf_adopted_on").replace("{date}", &date),
                }
            }
        }
    }

    /// The colophon, on a page of its own after the cover, at its foot.
    pub(super) fn colophon(&mut self) {
        let plan = self.plan;
        let meta = &plan.meta;
        let lang = meta.language;
        self.new_page();
        let sect = self.open(Role::Sect);
        let title = self.label("pdf_colophon").to_string();
        self.heading(&title, 1, 2, None, Some(1), self.lead * 4.0);
        let text = |t: &str| -> Value { (t.to_string(), None) };
        let mut entries: Vec<(&str, Vec<Value>)> = Vec::new();
        let mut title_lines = vec![text(&meta.title)];
        title_lines.extend(meta.subtitle.as_deref().map(text));
        entries.push(("pdf_title", title_lines));
        entries.push(("pdf_publisher", vec![text(&meta.organisation)]));
        entries.push(("pdf_status", vec![text(&self.standing())]));
        if let Some(e) = &meta.edition {
            entries.push(("pdf_edition", vec![text(e)]));
        }
        entries.push(("pdf_date", vec![text(&locale::date(self.env.today, lang))]));
        if let Some(as_of) = meta.as_of {
            entries.push(("figures_as_of", vec![text(&locale::date(as_of, lang))]));
        }
        let c = &meta.contact;
        if !c.is_empty() {
            let mut lines: Vec<Value> = Vec::new();
            lines.extend(c.name.as_deref().map(text));
            lines.extend(
                c.email
                    .as_ref()
                    .map(|e| (e.clone(), Some(LinkTo::Uri(format!("mailto:{e}"))))),
            );
            lines.extend(c.phone.as_deref().map(text));
            lines.extend(
                c.url
                    .as_ref()
                    .map(|u| (u.clone(), Some(LinkTo::Uri(u.clone())))),
            );
            entries.push(("pdf_contact", lines));
        }
        if let Some(u) = &meta.accessibility_statement {
            entries.push((
                "pdf_accessibility",
                vec![(u.clone(), Some(LinkTo::Uri(u.clone())))],
            ));
        }
        let mut sources: Vec<&str> = Vec::new();
        for (_, g) in plan.all_goals() {
            for s in g.indicators.iter().filter_map(|i| i.source.as_deref()) {
                if !sources.contains(&s) {
                    sources.push(s);
                }
            }
        }
        if !sources.is_empty() {
            entries.push(("pdf_sources", vec![text(&sources.join(", "))]));
        }
        let page = self.page_no();
        for (key, values) in entries {
            self.colophon_entry(key, &values);
        }
        self.close(sect);
        // At the foot of its page, where a colophon stands.
        if self.page_no() == page {
            let dy = self.limit() - self.y + self.st.file.colophon.space_pt;
            for item in &mut self.page().items {
                super::flow::shift(item, 0.0, dy);
            }
            for o in self.doc.outline.iter_mut().filter(|o| o.page + 1 == page) {
                o.y += dy;
            }
        }
    }

    /// One entry: its name in a column at the left, its lines beside it,
    /// together one paragraph.
    fn colophon_entry(&mut self, key: &str, values: &[Value]) {
        let st = self.st;
        let cs = &st.file.colophon;
        let (size, lead) = (cs.size_pt, cs.leading_pt);
        let label_w = cs.label_width_mm * MM;
        let x = self.x0();
        let value_w = self.prose_measure() - label_w;
        let mut laid = Vec::new();
        for (t, to) in values {
            let mut span = Span::new(
                t.clone(),
                Face::Regular,
                size,
                if to.is_some() { st.brand } else { st.text },
            );
            if let Some(to) = to {
                let alt = super::inline::link_alt(t, to);
                span.link = Some(self.span_link(to.clone(), alt));
            }
            laid.push(self.lines(&[span], value_w, to.is_none()));
        }
        let n: usize = laid.iter().map(|(_, l)| l.len()).sum();
        self.need(n as f32 * lead);
        let prev = self.open(Role::Paragraph);
        let label =
            vec![Span::new(self.label(key).to_string(), Face::Bold, size, st.text).no_hyphens()];
        let (label, ll) = self.lines(&label, label_w - 6.0, false);
        let top = self.y;
        for l in &ll {
            let b = Self::baseline(self.y, lead, size);
            self.emit_line(&label, l, x, b, 0.0);
            self.y += lead;
        }
        let label_end = self.y;
        self.y = top;
        for (spans, lines) in &laid {
            for l in lines {
                let b = Self::baseline(self.y, lead, size);
                self.emit_line(spans, l, x + label_w, b, 0.0);
                self.y += lead;
            }
        }
        self.y = self.y.max(label_end) + cs.space_pt;
        self.close(prev);
        self.at_top = false;
    }
}

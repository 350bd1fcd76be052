//! The cover: a band of the brand colour with the organisation, title and
//! subtitle; below it where the document stands (a draft, a consultation
//! draft, adopted by whom and when), the period when the title does not
//! say it, the edition and the summary; the logo at the foot.

use super::super::display::{Face, Image, Item, Page, Role};
use super::super::images;
use super::super::style::{MM, Rgb};
use super::Layout;
use super::text::Span;
use crate::locale;

impl Layout<'_> {
    pub(super) fn cover(&mut self) {
        let st = self.st;
        let cs = &st.file.cover;
        let plan = self.plan;
        self.doc.pages.push(Page::default());
        self.source = "plan.yaml".into();
        let band = cs.band_mm * MM;
        let (w, h) = (st.page_w, st.page_h);
        let x0 = st.inner;
        let width = w - st.inner - st.outer;
        self.push_artifact(Item::Rect {
            x: 0.0,
            y: 0.0,
            w,
            h: band,
            color: st.brand,
        });
        self.push_artifact(Item::Rect {
            x: 0.0,
            y: band,
            w,
            h: cs.stripe_mm * MM,
            color: st.accent,
        });
        // The organisation at the top of the band: decoration (the document
        // says who it is by in its metadata, the logo by its text).
        let org = vec![
            Span::new(
                plan.meta.organisation.to_uppercase(),
                Face::Bold,
                cs.organisation_pt,
                Rgb::WHITE,
            )
            .no_hyphens(),
        ];
        let (org, lines) = self.lines(&org, width, false);
        let mut y = 22.0 * MM;
        let prev = self.artifact.replace(super::Artifact::Layout);
        for l in &lines {
            self.emit_line(&org, l, x0, y, 0.0);
            y += cs.organisation_pt * 1.4;
        }
        self.artifact = prev;
        // Title and subtitle at the bottom of the band.
        let ts = cs.title_pt;
        let title =
            vec![Span::new(plan.meta.title.clone(), Face::Bold, ts, Rgb::WHITE).no_hyphens()];
        let (title, tlines) = self.lines(&title, width, false);
        let sub = plan.meta.subtitle.as_ref().map(|s| {
            vec![Span::new(s.clone(), Face::Regular, cs.subtitle_pt, Rgb::WHITE).no_hyphens()]
        });
        let sub = sub.map(|s| self.lines(&s, width, false));
        let tlead = ts * 1.15;
        let slead = cs.subtitle_pt * 1.35;
        let sub_h = sub
            .as_ref()
            .map_or(0.0, |(_, l)| l.len() as f32 * slead + 6.0);
        let mut y = band - 16.0 * MM - sub_h - tlines.len() as f32 * tlead;
        let prev = self.open(Role::Heading {
            level: 1,
            title: plan.meta.title.clone(),
        });
        for l in &tlines {
            self.emit_line(&title, l, x0, y + tlead * 0.8, 0.0);
            y += tlead;
        }
        self.close(prev);
        if let Some((sub, slines)) = &sub {
            y += 6.0;
            let prev = self.open(Role::Paragraph);
            for l in slines {
                self.emit_line(sub, l, x0, y + slead * 0.75, 0.0);
                y += slead;
            }
            self.close(prev);
        }
        // Below the band: where the document stands (`Udkast`, `Vedtaget
        // af Byrådet 26. november 2026`), then the period when the title
        // does not already say it, and the edition.
        let mut y = band + 20.0 * MM;
        let standing =
            vec![Span::new(self.standing(), Face::Bold, cs.status_pt, st.heading).no_hyphens()];
        let (standing, slines) = self.lines(&standing, width, false);
        let prev = self.open(Role::Paragraph);
        for l in &slines {
            self.emit_line(&standing, l, x0, y, 0.0);
            y += cs.status_pt * 1.3;
        }
        self.close(prev);
        let period = plan.meta.period.map(locale::period).unwrap_or_default();
        let mut facts: Vec<String> = Vec::new();
        if !period.is_empty() && !plan.meta.title.contains(&period) {
            facts.push(period);
        }
        facts.extend(plan.meta.edition.clone());
        if !facts.is_empty() {
            y += 2.0;
            let f = vec![Span::new(
                facts.join("  ·  "),
                Face::Regular,
                cs.facts_pt,
                st.muted,
            )];
            let (f, flines) = self.lines(&f, width, false);
            let prev = self.open(Role::Paragraph);
            for l in &flines {
                self.emit_line(&f, l, x0, y, 0.0);
                y += cs.facts_pt * 1.35;
            }
            self.close(prev);
        }
        y += 8.0 * MM;
        if cs.summary
            && let Some(summary) = &plan.meta.summary
        {
            let s = vec![Span::new(
                summary.clone(),
                Face::Regular,
                cs.summary_pt,
                st.text,
            )];
            let (s, lines) = self.lines(&s, width * 0.82, true);
            let prev = self.open(Role::Paragraph);
            for l in &lines {
                self.emit_line(&s, l, x0, y, 0.0);
                y += cs.summary_pt * 1.43;
            }
            self.close(prev);
        }
        let foot = h - 25.0 * MM;
        if !self.logo(x0, foot) {
            self.organisation_mark(x0, foot, width);
        }
        if let Some(as_of) = plan.meta.as_of {
            let text = format!(
                "{} {}",
                self.label("figures_as_of"),
                locale::date(as_of, plan.meta.language)
            );
            let s = vec![Span::new(text, Face::Regular, 8.5, st.muted)];
            let (s, lines) = self.lines(&s, width, false);
            if let Some(l) = lines.first() {
                let x = w - st.outer - l.width;
                let prev = self.open(Role::Paragraph);
                self.emit_line(&s, l, x, foot + 8.0, 0.0);
                self.close(prev);
            }
        }
    }

    /// The plan's logo (PNG, JPEG or SVG) at the foot of the cover, as a
    /// figure named for the organisation; false when there is none to draw.
    fn logo(&mut self, x: f32, foot: f32) -> bool {
        let cs = &self.st.file.cover;
        if !cs.logo {
            return false;
        }
        let (max_h, max_w) = (cs.logo_height_mm * MM, cs.logo_max_width_mm * MM);
        self.logo_figure(max_h, max_w, |_, h| (x, foot - h))
    }

    /// The plan's logo at most `max_h` high and `max_w` wide, where `place`
    /// puts a logo of that width and height (its top-left corner); false
    /// when there is none to draw.
    pub(super) fn logo_figure(
        &mut self,
        max_h: f32,
        max_w: f32,
        place: impl FnOnce(f32, f32) -> (f32, f32),
    ) -> bool {
        let plan = self.plan;
        let Some(logo) = plan.meta.brand.logo.as_ref() else {
            return false;
        };
        let rel = logo.to_string_lossy().replace('\\', "/");
        let Some(picture) = images::read(&plan.root, &rel) else {
            return false;
        };
        let mut lh = max_h;
        let mut lw = lh * picture.w / picture.h;
        if lw > max_w {
            lw = max_w;
            lh = max_w * picture.h / picture.w;
        }
        let at = self.source_at(None);
        self.doc.images.push(Image {
            bytes: picture.bytes,
            format: picture.format,
            at,
        });
        let index = self.doc.images.len() - 1;
        let prev = self.open(Role::Figure {
            alt: plan.meta.organisation.clone(),
        });
        if let Some(e) = self.cur {
            self.doc.structure[e as usize].at = Some(at);
        }
        let (x, y) = place(lw, lh);
        self.push(Item::Image {
            index,
            x,
            y,
            w: lw,
            h: lh,
        });
        self.close(prev);
        true
    }

    /// A simple mark in the brand colour and the organisation's name, in
    /// place of a logo.
    fn organisation_mark(&mut self, x: f32, foot: f32, width: f32) {
        let st = self.st;
        self.push_artifact(Item::Rect {
            x,
            y: foot - 12.0,
            w: 28.0,
            h: 4.0,
            color: st.brand,
        });
        let org = vec![Span::new(
            self.plan.meta.organisation.clone(),
            Face::Bold,
            12.0,
            st.brand,
        )];
        let (org, lines) = self.lines(&org, width, false);
        let mut y = foot + 8.0;
        let prev = self.artifact.replace(super::Artifact::Layout);
        for l in &lines {
            self.emit_line(&org, l, x, y, 0.0);
            y += 15.0;
        }
        self.artifact = prev;
    }
}

//! Tables: Markdown tables and goal tables alike. Every row gets its full
//! set of cells; columns are at least as wide as their widest word or
//! figure, so nothing is cut between letters; a table wider than the page
//! is set in smaller type down to `tables.min_size_pt`, and beyond that in
//! bands of columns that each repeat the first column. Headers repeat on
//! every page a table crosses.

use super::super::display::{Artifact, Face, Item, Role, Scope};
use super::text::{Line, Span};
use super::{Layout, Problem};
use crate::model::{Align, Inline, Status};

pub(super) struct Cell {
    pub spans: Vec<Span>,
    pub align: Align,
    pub status: Option<Status>,
}

impl Cell {
    pub fn empty() -> Cell {
        Cell {
            spans: Vec::new(),
            align: Align::None,
            status: None,
        }
    }
}

pub(super) struct TableSpec {
    pub head: Vec<Cell>,
    pub rows: Vec<Vec<Cell>>,
    /// Stretch the table to the full measure.
    pub full: bool,
    /// A wish for the first column's width, as a share of the measure.
    pub first_min: f32,
    /// The first cell of a body row is the row's header (goal tables:
    /// the indicator's name).
    pub row_headers: bool,
    /// The table's line in its file, for the warning when it cannot fit.
    pub line: Option<u32>,
    /// The size the spans are set in (`tables.size_pt` to begin with).
    pub size: f32,
    /// Column widths chosen beforehand ([`Layout::grid`]) for a table that
    /// lines up with others; `None`: the table is fitted on its own.
    pub widths: Option<Vec<f32>>,
}

/// Cells broken into lines.
type Laid = Vec<(Vec<Span>, Vec<Line>)>;

/// How a table is set: its type size and which columns go in each band.
struct Fit {
    size: f32,
    bands: Vec<Vec<usize>>,
    /// The narrowest width of each column at `size`.
    min: Vec<f32>,
    /// The natural (unbroken) width of each column at `size`.
    max: Vec<f32>,
}

impl Layout<'_> {
    pub(super) fn markdown_table(
        &mut self,
        align: &[Align],
        head: &[Vec<Inline>],
        rows: &[Vec<Vec<Inline>>],
        line: u32,
        indent: f32,
    ) {
        let size = self.st.file.tables.size_pt;
        let base = Span::new("", Face::Regular, size, self.st.text);
        let hbase = Span::new("", Face::Bold, size, self.st.text);
        let cell = |l: &mut Self, inl: &[Inline], b: &Span, i: usize| {
            let mut spans = Vec::new();
            l.spans(inl, b, &mut spans);
            Cell {
                spans,
                align: align.get(i).copied().unwrap_or(Align::None),
                status: None,
            }
        };
        let head = head
            .iter()
            .enumerate()
            .map(|(i, c)| cell(self, c, &hbase, i))
            .collect();
        let rows = rows
            .iter()
            .map(|r| {
                r.iter()
                    .enumerate()
                    .map(|(i, c)| cell(self, c, &base, i))
                    .collect()
            })
            .collect();
        let spec = TableSpec {
            head,
            rows,
            full: false,
            first_min: 0.0,
            row_headers: false,
            line: Some(line),
            size,
            widths: None,
        };
        self.table(spec, indent);
    }

    /// Lays out a table (in bands of columns when it must).
    pub(super) fn table(&mut self, mut spec: TableSpec, indent: f32) {
        let ncols = spec
            .head
            .len()
            .max(spec.rows.iter().map(Vec::len).max().unwrap_or(0));
        if ncols == 0 {
            return;
        }
        // Every row has its full set of cells.
        spec.head.resize_with(ncols, Cell::empty);
        for row in &mut spec.rows {
            row.resize_with(ncols, Cell::empty);
        }
        let avail = self.measure() - indent;
        let fit = match spec.widths.take() {
            Some(widths) if widths.len() == ncols => Fit {
                size: spec.size,
                bands: vec![(0..ncols).collect()],
                min: widths.clone(),
                max: widths,
            },
            _ => self.fit(&mut spec, avail),
        };
        let bands = fit.bands.len();
        for (k, band) in fit.bands.iter().enumerate() {
            if k > 0 {
                self.space(self.st.file.tables.leading_pt);
            }
            self.band(&spec, band, &fit, indent, avail);
            if k + 1 < bands {
                self.y += self.st.file.text.paragraph_space_pt;
            }
        }
    }

    /// Chooses the type size and the bands of columns.
    fn fit(&mut self, spec: &mut TableSpec, avail: f32) -> Fit {
        let ts = &self.st.file.tables;
        let (size0, floor) = (ts.size_pt, ts.min_size_pt);
        let ncols = spec.head.len();
        let all: Vec<usize> = (0..ncols).collect();
        let sum = |m: &[f32], cols: &[usize]| cols.iter().map(|&c| m[c]).sum::<f32>();
        let (min, max) = self.column_widths(spec, size0);
        if sum(&min, &all) <= avail {
            return Fit {
                size: size0,
                bands: vec![all],
                min,
                max,
            };
        }
        // Smaller type, down to the floor: widths shrink with the size.
        let mut size = size0;
        while size > floor {
            size = (size - 0.25).max(floor);
            let (min, max) = self.column_widths(spec, size);
            if sum(&min, &all) <= avail {
                return Fit {
                    size,
                    bands: vec![all],
                    min,
                    max,
                };
            }
        }
        // Bands of columns in the normal size, each with the first column.
        let (min, max) = self.column_widths(spec, size0);
        let mut bands: Vec<Vec<usize>> = Vec::new();
        let mut band = vec![0];
        for c in 1..ncols {
            if band.len() > 1 && sum(&min, &band) + min[c] > avail {
                bands.push(std::mem::replace(&mut band, vec![0]));
            }
            band.push(c);
        }
        bands.push(band);
        if bands.iter().any(|b| sum(&min, b) > avail) {
            // Even a band of one column does not fit: its words are cut,
            // in the smallest type, so as few as can be.
            self.problems.push(Problem::TableTooWide {
                file: self.source.clone(),
                line: spec.line,
            });
            let (min, max) = self.column_widths(spec, floor);
            return Fit {
                size: floor,
                bands: vec![(0..ncols).collect()],
                min,
                max,
            };
        }
        Fit {
            size: size0,
            bands,
            min,
            max,
        }
    }

    /// One set of column widths for `specs`, tables of the same columns
    /// one after another (the status report's, a table per goal): each
    /// column as wide as it is in the widest of them, so the columns line
    /// up from table to table and a figure is never broken in one table
    /// because its neighbours there are long. `None` when they do not fit
    /// the measure together in the normal type size: each is then fitted
    /// on its own.
    pub(super) fn grid(&mut self, specs: &mut [&mut TableSpec]) -> Option<Vec<f32>> {
        let ncols = specs.first()?.head.len();
        let size = self.st.file.tables.size_pt;
        let fits = |s: &TableSpec| {
            s.head.len() == ncols && s.size == size && s.rows.iter().all(|r| r.len() <= ncols)
        };
        if ncols == 0 || !specs.iter().all(|s| fits(s)) {
            return None;
        }
        let (mut min, mut max) = (vec![0.0f32; ncols], vec![0.0f32; ncols]);
        for spec in specs.iter_mut() {
            let (lo, hi) = self.column_widths(spec, size);
            for c in 0..ncols {
                min[c] = min[c].max(lo[c]);
                max[c] = max[c].max(hi[c]);
            }
        }
        let avail = self.measure();
        if min.iter().sum::<f32>() > avail {
            return None;
        }
        // The first column (the indicators' names, which wrap well) gets
        // its share of the measure, or what the others need at least; the
        // room left widens the others towards their natural width, and
        // what they do not take goes back to the first.
        let others: f32 = min[1..].iter().sum();
        let first = min[0].max((avail * specs[0].first_min).min(avail - others));
        let spare = avail - first - others;
        let want: f32 = (1..ncols).map(|c| max[c] - min[c]).sum();
        let share = if want > spare { spare / want } else { 1.0 };
        let mut widths = min.clone();
        for c in 1..ncols {
            widths[c] += (max[c] - min[c]) * share;
        }
        widths[0] = avail - widths[1..].iter().sum::<f32>();
        Some(widths)
    }

    /// The narrowest and the natural width of each column in `size`
    /// (the spans are set in it first; smaller lines keep their share).
    fn column_widths(&mut self, spec: &mut TableSpec, size: f32) -> (Vec<f32>, Vec<f32>) {
        let ratio = size / spec.size;
        if ratio != 1.0 {
            for cell in spec.head.iter_mut().chain(spec.rows.iter_mut().flatten()) {
                for s in &mut cell.spans {
                    s.size *= ratio;
                    s.rise *= ratio;
                }
            }
            spec.size = size;
        }
        let pad = self.st.file.tables.cell_pad_pt;
        let status_w = size * 1.4;
        let ncols = spec.head.len();
        let mut minw = vec![24.0f32; ncols];
        let mut maxw = vec![24.0f32; ncols];
        for row in std::iter::once(&spec.head).chain(spec.rows.iter()) {
            for (i, c) in row.iter().enumerate() {
                let extra = if c.status.is_some() { status_w } else { 0.0 };
                let spans = self.check_glyphs(&c.spans);
                let b = self.breaker(true);
                minw[i] = minw[i].max(b.min_width(&spans) + 2.0 * pad + extra);
                let natural = b
                    .lines(&spans, f32::INFINITY)
                    .iter()
                    .map(|l| l.width)
                    .fold(0.0, f32::max);
                maxw[i] = maxw[i].max(natural + 2.0 * pad + extra + 1.0);
            }
        }
        (minw, maxw)
    }

    /// Column widths for one band: natural widths when they fit, else the
    /// room between narrowest and natural shared out.
    fn band_widths(&self, spec: &TableSpec, cols: &[usize], fit: &Fit, avail: f32) -> Vec<f32> {
        let mut minw: Vec<f32> = cols.iter().map(|&c| fit.min[c]).collect();
        let mut maxw: Vec<f32> = cols.iter().map(|&c| fit.max[c]).collect();
        let sum_min: f32 = minw.iter().sum();
        if spec.first_min > 0.0 {
            let wish = (avail * spec.first_min).min(avail - (sum_min - minw[0]));
            minw[0] = minw[0].max(wish);
            maxw[0] = maxw[0].max(minw[0]);
        }
        let sum_max: f32 = maxw.iter().sum();
        let sum_min: f32 = minw.iter().sum();
        let n = cols.len() as f32;
        if sum_max <= avail {
            if spec.full {
                let extra = (avail - sum_max) / n;
                maxw.iter().map(|w| w + extra).collect()
            } else {
                maxw
            }
        } else if sum_min <= avail {
            let spare = avail - sum_min;
            let give: f32 = maxw
                .iter()
                .zip(&minw)
                .map(|(a, b)| a - b)
                .sum::<f32>()
                .max(0.001);
            maxw.iter()
                .zip(&minw)
                .map(|(a, b)| b + spare * (a - b) / give)
                .collect()
        } else {
            // It cannot fit: columns narrower than an equal share keep their
            // width, the wider ones share what is left.
            let share = avail / n;
            let small: f32 = minw.iter().filter(|w| **w <= share).sum();
            let big: f32 = minw.iter().filter(|w| **w > share).sum::<f32>().max(0.001);
            minw.iter()
                .map(|w| {
                    if *w <= share {
                        *w
                    } else {
                        w * (avail - small) / big
                    }
                })
                .collect()
        }
    }

    /// Lays out the columns `cols` of a table as one table.
    fn band(&mut self, spec: &TableSpec, cols: &[usize], fit: &Fit, indent: f32, avail: f32) {
        let ts = &self.st.file.tables;
        let ratio = fit.size / ts.size_pt;
        let (lead, pad) = (ts.leading_pt * ratio, ts.cell_pad_pt);
        let status_w = fit.size * 1.4;
        let widths = self.band_widths(spec, cols, fit, avail);
        let total_w: f32 = widths.iter().sum();
        let layout_row = |l: &mut Self, row: &[Cell]| -> Laid {
            cols.iter()
                .zip(&widths)
                .map(|(&c, &w)| {
                    let cell = &row[c];
                    let extra = if cell.status.is_some() { status_w } else { 0.0 };
                    l.lines(&cell.spans, w - 2.0 * pad - extra, true)
                })
                .collect()
        };
        let head_cells: Vec<&Cell> = cols.iter().map(|&c| &spec.head[c]).collect();
        let head = layout_row(self, &spec.head);
        let row_h = |r: &Laid| {
            r.iter().map(|(_, l)| l.len()).max().unwrap_or(1).max(1) as f32 * lead + 2.0 * pad
        };
        let head_h = row_h(&head);
        let rows: Vec<Laid> = spec.rows.iter().map(|r| layout_row(self, r)).collect();
        let first_h = rows.first().map_or(0.0, row_h);
        let page_room = self.limit() - self.st.top;
        // A small table is kept whole; a larger one starts with its header
        // and first row.
        let total_h = head_h + rows.iter().map(row_h).sum::<f32>();
        if total_h <= page_room / 3.0 {
            self.need(total_h);
        } else {
            self.need(head_h + first_h.min(page_room * 0.5));
        }
        let geometry = RowGeometry {
            widths: &widths,
            indent,
            total_w,
            lead,
            size: fit.size,
        };
        let table_prev = self.open(Role::Table);
        let head_prev = self.open(Role::TableHead);
        let row_prev = self.open(Role::TableRow);
        let cells: Vec<u32> = (0..cols.len())
            .map(|_| self.new_elem(Role::TableHeaderCell(Scope::Column)))
            .collect();
        self.draw_row(&head_cells, &head, &cells, &geometry, head_h, 0, None, true);
        self.close(row_prev);
        self.close(head_prev);
        let body_prev = self.open(Role::TableBody);
        for (k, row) in rows.iter().enumerate() {
            let h = row_h(row);
            let row_prev = self.open(Role::TableRow);
            let cells: Vec<u32> = (0..cols.len())
                .map(|i| {
                    self.new_elem(if i == 0 && spec.row_headers {
                        Role::TableHeaderCell(Scope::Row)
                    } else {
                        Role::TableCell
                    })
                })
                .collect();
            let row_cells: Vec<&Cell> = cols.iter().map(|&c| &spec.rows[k][c]).collect();
            let repeat = Header {
                cells: &head_cells,
                laid: &head,
                h: head_h,
            };
            self.table_row(&row_cells, row, &cells, &geometry, h, &repeat, page_room);
            self.close(row_prev);
        }
        self.close(body_prev);
        self.close(table_prev);
        // A closing rule under the table.
        let (x, y, c) = (self.x0() + indent, self.y, self.st.brand.tint(0.3));
        self.push_artifact(Item::Rule {
            x1: x,
            y1: y,
            x2: x + total_w,
            y2: y,
            width: 0.8,
            color: c,
        });
    }

    /// Draws one body row, across pages when it must, with the header
    /// repeated on each new page.
    #[allow(clippy::too_many_arguments)]
    fn table_row(
        &mut self,
        cells: &[&Cell],
        row: &Laid,
        elems: &[u32],
        g: &RowGeometry,
        h: f32,
        head: &Header,
        page_room: f32,
    ) {
        let pad = self.st.file.tables.cell_pad_pt;
        if self.room() >= h {
            self.draw_row(cells, row, elems, g, h, 0, None, false);
            return;
        }
        if h <= page_room - head.h {
            self.new_page();
            self.repeat_header(head, g);
            // What the page repeats above the header may leave too little room.
            if self.room() >= h {
                self.draw_row(cells, row, elems, g, h, 0, None, false);
                return;
            }
        }
        // Taller than a page: split it by lines.
        let mut from = 0usize;
        let max_lines = row.iter().map(|(_, l)| l.len()).max().unwrap_or(0);
        while from < max_lines {
            let mut fit = ((self.room() - 2.0 * pad) / g.lead).floor() as isize;
            if fit < 2 {
                self.new_page();
                self.repeat_header(head, g);
                fit = ((self.room() - 2.0 * pad) / g.lead).floor() as isize;
            }
            let to = (from + fit.max(1) as usize).min(max_lines);
            let part_h = (to - from) as f32 * g.lead + 2.0 * pad;
            self.draw_row(cells, row, elems, g, part_h, from, Some(to), false);
            from = to;
        }
    }

    /// The header row again at the top of a new page: drawn, but as an
    /// artifact, since its content is already in the structure.
    fn repeat_header(&mut self, head: &Header, g: &RowGeometry) {
        let prev = self.artifact.replace(Artifact::Layout);
        // A goal's table is named by the goal's heading, repeated above it;
        // any other table says it goes on.
        if self.continued.is_none() {
            let size = self.st.file.tables.continued_pt;
            let spans = vec![Span::new(
                self.label("pdf_table_continued").to_string(),
                Face::Italic,
                size,
                self.st.muted,
            )];
            let (spans, lines) = self.lines(&spans, g.total_w, false);
            let x = self.x0() + g.indent;
            if let Some(line) = lines.first() {
                let b = Self::baseline(self.y, size * 1.35, size);
                self.emit_line(&spans, line, x, b, 0.0);
            }
            self.y += size * 1.35 + 2.0;
        }
        self.draw_row(head.cells, head.laid, &[], g, head.h, 0, None, true);
        self.artifact = prev;
    }

    #[allow(clippy::too_many_arguments)]
    fn draw_row(
        &mut self,
        cells: &[&Cell],
        laid: &Laid,
        elems: &[u32],
        g: &RowGeometry,
        h: f32,
        from: usize,
        to: Option<usize>,
        header: bool,
    ) {
        let pad = self.st.file.tables.cell_pad_pt;
        let (lead, size) = (g.lead, g.size);
        let x0 = self.x0() + g.indent;
        let top = self.y;
        if header {
            let (tint, c) = (self.st.header_tint, self.st.brand.tint(0.3));
            self.push_artifact(Item::Rect {
                x: x0,
                y: top,
                w: g.total_w,
                h,
                color: tint,
            });
            self.push_artifact(Item::Rule {
                x1: x0,
                y1: top,
                x2: x0 + g.total_w,
                y2: top,
                width: 0.8,
                color: c,
            });
        }
        let mut x = x0;
        for (i, (spans, lines)) in laid.iter().enumerate() {
            let w = g.widths[i];
            let cell = cells[i];
            let status_w = if cell.status.is_some() {
                size * 1.4
            } else {
                0.0
            };
            let end = to.unwrap_or(lines.len()).min(lines.len());
            let prev = self.cur;
            if let Some(e) = elems.get(i) {
                self.cur = Some(*e);
            }
            for (n, line) in lines.iter().enumerate().take(end).skip(from) {
                let ly = top + pad + (n - from) as f32 * lead;
                let b = Self::baseline(ly, lead, size);
                let lx = match cell.align {
                    Align::Right => x + w - pad - line.width,
                    Align::Center => x + (w - line.width) / 2.0,
                    _ => x + pad + status_w,
                };
                if n == from
                    && let Some(s) = cell.status
                {
                    let sx = if cell.align == Align::Right {
                        lx - status_w
                    } else {
                        x + pad
                    };
                    self.status_symbol(s, sx + size * 0.5, b - size * 0.33, size * 0.48);
                }
                self.emit_line(spans, line, lx, b, 0.0);
            }
            self.cur = prev;
            x += w;
        }
        self.y += h;
        if !header {
            let (c, y) = (self.st.rule, self.y);
            self.push_artifact(Item::Rule {
                x1: x0,
                y1: y,
                x2: x0 + g.total_w,
                y2: y,
                width: 0.35,
                color: c,
            });
        }
        self.at_top = false;
    }
}

/// Where a band's columns go and the size they are set in.
struct RowGeometry<'w> {
    widths: &'w [f32],
    indent: f32,
    total_w: f32,
    lead: f32,
    size: f32,
}

/// A band's header row, to draw again on later pages.
struct Header<'h> {
    cells: &'h [&'h Cell],
    laid: &'h Laid,
    h: f32,
}

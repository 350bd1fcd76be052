//! End-to-end tests of the PDF output: build a plan with the binary, then
//! check the file with real PDF tools (qpdf, poppler's pdffonts, pdfinfo,
//! pdftotext, pdftoppm). A missing tool fails the test with a hint; nothing
//! is skipped. The tags and PDF/UA are checked in `pdf_tags.rs`.

mod pdf_support;

use pdf_support::*;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// qpdf finds no damage, and every font is embedded as a real subset:
/// far fewer glyphs than the full face (a name prefix proves nothing).
fn check_file(pdf: &Path) {
    run(tool("qpdf").arg("--check").arg(pdf));
    let fonts = run(tool("pdffonts").arg(pdf));
    let rows: Vec<&str> = fonts
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert!(!rows.is_empty(), "no fonts:\n{fonts}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let n = cols.len();
        assert!(n >= 7, "odd pdffonts row: {row}");
        assert_eq!(cols[n - 5], "yes", "font not embedded: {row}");
        assert_eq!(cols[n - 4], "yes", "font not subset: {row}");
    }
    let full = skrifa_glyphs(notosans::REGULAR_TTF);
    let objects = Objects::read(pdf);
    let mut embedded = 0;
    for (r, dict) in objects.all() {
        if dict.get("/FontFile2").is_none() {
            continue;
        }
        let data = objects.stream(dict["/FontFile2"].as_str().expect("a reference"));
        let glyphs = skrifa_glyphs(&data);
        assert!(
            glyphs > 10 && glyphs * 4 < full,
            "{r}: {glyphs} glyphs embedded of the font's {full}"
        );
        assert!(data.len() * 3 < notosans::REGULAR_TTF.len());
        embedded += 1;
    }
    assert!(embedded >= 1, "no embedded TrueType font program");
}

fn skrifa_glyphs(font: &[u8]) -> usize {
    use skrifa::raw::TableProvider;
    let f = skrifa::FontRef::new(font).expect("a font program");
    f.maxp().expect("maxp").num_glyphs() as usize
}

/// Section numbers and titles as the TOC lists them, and the page where
/// the TOC says each starts.
fn toc_pages(pdf: &Path, entries: &[(String, String)]) -> Vec<usize> {
    let text = run(tool("pdftotext")
        .args(["-layout", "-enc", "UTF-8", "-f", "2", "-l", "4"])
        .arg(pdf)
        .arg("-"));
    let lines: Vec<String> = text.lines().map(normalize).collect();
    entries
        .iter()
        .map(|(number, title)| {
            let start = format!(
                "{number} {}",
                title
                    .split_whitespace()
                    .take(3)
                    .collect::<Vec<_>>()
                    .join(" ")
            );
            let line = lines
                .iter()
                .find(|l| l.starts_with(&start))
                .unwrap_or_else(|| panic!("TOC has no line for {start:?}:\n{text}"));
            line.rsplit(' ')
                .next()
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("no page number in {line:?}"))
        })
        .collect()
}

fn plan_of(dir: &Path) -> planpress::model::Plan {
    let checked = planpress::check(dir).expect("load plan");
    checked.plan.expect("a valid plan")
}

/// Every section title (with its number) is on the page the TOC gives,
/// and every section title, goal id and goal title comes in reading order.
fn check_structure(dir: &Path, pdf: &Path) {
    let plan = plan_of(dir);
    let toc = plan.toc();
    let pages = pages(pdf);
    assert_eq!(pages.len(), page_count(pdf));
    let entries: Vec<(String, String)> = toc
        .iter()
        .map(|e| (e.number.clone(), e.title.clone()))
        .collect();
    let numbers = toc_pages(pdf, &entries);
    for ((number, title), page) in entries.iter().zip(&numbers) {
        let heading = format!("{number} {}", normalize(title));
        assert!(
            *page >= 2 && *page <= pages.len(),
            "TOC page {page} for {heading} is out of range"
        );
        let on_page = &pages[page - 1];
        assert!(
            on_page.contains(&heading),
            "TOC says {heading:?} is on page {page}, but it is not there:\n{on_page}"
        );
    }
    // Reading order over the body (after the contents).
    let first_body = *numbers.iter().min().expect("sections");
    let body = pages[first_body - 1..].join(" ");
    let mut cursor = 0;
    let sections = plan.all_sections();
    let mut starts = Vec::new();
    for (s, e) in sections.iter().zip(&toc) {
        let heading = format!("{} {}", e.number, normalize(&s.title));
        let at = body[cursor..]
            .find(&heading)
            .unwrap_or_else(|| panic!("{heading:?} missing or out of order"))
            + cursor;
        starts.push(at);
        cursor = at + heading.len();
    }
    starts.push(body.len());
    for (k, s) in sections.iter().enumerate() {
        let part = &body[starts[k]..starts[k + 1]];
        for g in &s.goals {
            let line = format!("{} {}", g.id, normalize(&g.title));
            assert!(
                part.contains(&line),
                "goal {line:?} is not in section {:?}",
                s.title
            );
        }
    }
}

#[test]
fn example_plan_pdf() {
    let dir = Path::new(ROOT);
    let (pdf, _) = build(dir);
    check_file(&pdf);
    check_structure(dir, &pdf);
    let info = run(tool("pdfinfo").arg(&pdf));
    assert!(
        info.contains("Title:           Beskæftigelsesplan 2027"),
        "{info}"
    );
    assert!(
        info.contains("Author:          Eksempelby Kommune"),
        "{info}"
    );
    let text = pages(&pdf).join(" ");
    for word in ["Beskæftigelsesplan", "æ", "ø", "å", "Side 3 af"] {
        assert!(text.contains(word), "{word:?} missing from the text");
    }
    assert!(
        !text.contains('\u{fffd}'),
        "replacement characters in the text"
    );
    // Danish number formats and statuses, as in the site.
    for word in [
        "2.500",
        "14,6 %",
        "31. december 2027",
        "4. kvartal 2027",
        "Ikke på vej",
        "Opfyldt",
    ] {
        assert!(text.contains(word), "{word:?} missing from the text");
    }
}

#[test]
fn long_table_repeats_its_header_on_every_page() {
    let dir = fixture("pdf-long-table");
    let (pdf, _) = build(&dir);
    check_file(&pdf);
    check_structure(&dir, &pdf);
    let pages = pages(&pdf);
    let with_rows: Vec<usize> = (0..pages.len())
        .filter(|&i| pages[i].contains("Række "))
        .collect();
    assert!(
        with_rows.len() >= 2,
        "the table should cross a page break: {with_rows:?}"
    );
    for i in &with_rows {
        assert!(
            pages[*i].contains("Kolonnehoved række Kolonnehoved område"),
            "page {} has rows but no header row:\n{}",
            i + 1,
            pages[*i]
        );
    }
    for n in 1..=60 {
        let row = format!("Række {n:02}");
        assert_eq!(
            pages.iter().filter(|p| p.contains(&row)).count(),
            1,
            "{row} not exactly once"
        );
    }
}

#[test]
fn english_plan_with_every_block() {
    let dir = fixture("pdf-en");
    let (pdf, stderr) = build(&dir);
    check_file(&pdf);
    check_structure(&dir, &pdf);
    let text = pages(&pdf).join(" ");
    for word in [
        "Contents",
        "Page 3 of",
        "Ærø, Øster Hurup and Åbenrå",
        "A quotation from the committee",
        "First numbered point",
        "code block line 1",
        "Åbenrå is spelt Aabenraa",
        "Step Weeks Share",
        "41.5%",
        "No. 72",
        "Q4 2028",
        "On track",
    ] {
        assert!(text.contains(word), "{word:?} missing from:\n{text}");
    }
    // A character the font lacks is reported, not dropped silently.
    assert!(
        stderr.contains("pdf-missing-glyph") && stderr.contains("U+2603"),
        "{stderr}"
    );
    let info = run(tool("pdfinfo").arg(&pdf));
    assert!(
        info.contains("Author:          Exampleton Municipality"),
        "{info}"
    );
    // The PNG logo on the cover and the PNG figure are embedded as images;
    // the SVG is drawn as vectors and text.
    let images = run(tool("pdfimages").arg("-list").arg(&pdf));
    let rows: Vec<&str> = images.lines().skip(2).collect();
    assert_eq!(rows.len(), 2, "{images}");
    assert!(
        rows[0].trim_start().starts_with("1 "),
        "the logo is not on the cover: {images}"
    );
    assert!(
        text.contains("Bar chart: five bars rising"),
        "figure caption missing"
    );
    assert!(
        text.contains("Contact Plan Job"),
        "the SVG's text is not drawn:\n{text}"
    );
}

#[test]
fn outline_is_nested_and_in_document_order() {
    let dir = Path::new(ROOT);
    let (pdf, _) = build(dir);
    let o = Objects::read(&pdf);
    let catalog = o.catalog();
    assert_eq!(text(&catalog["/Lang"]), "da");
    fn titles(
        o: &Objects,
        first: &serde_json::Value,
        depth: usize,
        out: &mut Vec<(usize, String)>,
    ) {
        let mut next = first.clone();
        while next.is_string() {
            let d = o.get(&next);
            let title = text(&d["/Title"]);
            assert!(
                d.get("/Dest").is_some(),
                "outline entry without destination: {title}"
            );
            out.push((depth, title));
            titles(o, &d["/First"], depth + 1, out);
            next = d["/Next"].clone();
        }
    }
    let mut out = Vec::new();
    let outlines = o.get(&catalog["/Outlines"]);
    titles(&o, &outlines["/First"], 1, &mut out);
    // The colophon, the contents and the status overview come first.
    assert_eq!(out[0], (1, "Kolofon".to_string()));
    assert_eq!(out[1], (1, "Indhold".to_string()));
    assert_eq!(out[2], (1, "Status for planens mål".to_string()));
    let plan = plan_of(dir);
    let top: Vec<String> = out
        .iter()
        .filter(|(d, _)| *d == 1)
        .map(|(_, t)| t.clone())
        .skip(3)
        .collect();
    let expected: Vec<String> = plan
        .toc()
        .iter()
        .filter(|e| e.depth == 1)
        .map(|e| format!("{}  {}", e.number, e.title))
        .collect();
    assert_eq!(top, expected);
    assert!(
        out.iter().any(|(d, _)| *d >= 2),
        "no nested entries: {out:?}"
    );
}

/// Pixels of `pdf`'s page within a box (fractions of the page) close to a colour.
fn pixels_near(pdf: &Path, page: usize, area: [f32; 4], rgb: [u8; 3]) -> usize {
    let (w, h, px) = page_pixels(pdf, page, 50);
    let (x0, y0) = ((area[0] * w as f32) as usize, (area[1] * h as f32) as usize);
    let (x1, y1) = ((area[2] * w as f32) as usize, (area[3] * h as f32) as usize);
    let mut n = 0;
    for y in y0..y1 {
        for x in x0..x1 {
            let p = &px[(y * w + x) * 3..(y * w + x) * 3 + 3];
            if p.iter().zip(rgb).all(|(a, b)| a.abs_diff(b) < 24) {
                n += 1;
            }
        }
    }
    n
}

/// The example's SVG logo is drawn at the foot of the cover, and its SVG
/// diagram is drawn (its coloured bands and its text), not a grey box.
#[test]
fn svg_logo_and_diagram_are_drawn() {
    let (pdf, _) = build(Path::new(ROOT));
    // The logo's light blue wave, in the lower left of the cover.
    let wave = pixels_near(&pdf, 1, [0.0, 0.75, 0.5, 1.0], [0x9f, 0xd3, 0xf0]);
    assert!(wave > 10, "the logo is not on the cover ({wave} pixels)");
    let pages = pages(&pdf);
    let page = pages
        .iter()
        .position(|p| p.contains("Spor 1 · Forebygge"))
        .expect("the diagram's own text is in the PDF")
        + 1;
    let svg = std::fs::read_to_string(Path::new(ROOT).join("content/assets/spor.svg")).unwrap();
    // The bands' colours the SVG paints show on the page.
    for colour in ["#0b7a6e", "#1a6fa3", "#3d4a55"] {
        assert!(svg.contains(colour), "the diagram no longer uses {colour}");
        let rgb = [1, 3, 5].map(|i| u8::from_str_radix(&colour[i..i + 2], 16).unwrap());
        let n = pixels_near(&pdf, page, [0.0, 0.0, 1.0, 1.0], rgb);
        assert!(n > 200, "{colour} is not drawn on page {page} ({n} pixels)");
    }
}

/// A PDF build of `dir` that must end within `limit`.
fn build_within(dir: &Path, limit: Duration) -> Duration {
    let out = out_dir();
    let start = Instant::now();
    let mut child = Command::new(BIN)
        .arg("build")
        .arg(dir)
        .arg("--out")
        .arg(&out)
        .args(["--only", "pdf"])
        .spawn()
        .expect("run planpress");
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            assert!(status.success(), "the build failed");
            let _ = std::fs::remove_dir_all(&out);
            return start.elapsed();
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("the build of {} took longer than {limit:?}", dir.display());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// A plan whose one section's text is `body`.
fn plan_with_text(body: &str) -> tempdir::Dir {
    let dir = tempdir::Dir::new();
    dir.write(
        "plan.yaml",
        "title: Stor plan 2027\norganisation: Storby Kommune\nperiod: 2027\nlanguage: da\n",
    );
    dir.write(
        "content/01-tekst.md",
        &format!("---\ntitle: Tekst\n---\n\n{body}\n"),
    );
    dir
}

mod tempdir {
    pub struct Dir(pub std::path::PathBuf);
    impl Dir {
        pub fn new() -> Dir {
            Dir(super::out_dir())
        }
        pub fn write(&self, rel: &str, text: &str) {
            let p = self.0.join(rel);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
    }
    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

/// Line breaking is linear in the length of a word or a paragraph: a word
/// of a million bytes and a line of a million bytes are set in seconds
/// (a 200,000-character word took 15 s and a 1 MB line hours before).
#[test]
fn a_megabyte_word_or_line_is_set_in_seconds() {
    let word = plan_with_text(&"æ".repeat(500_000));
    let took = build_within(&word.0, Duration::from_secs(20));
    eprintln!("1 MB word: {took:?}");
    let words = [
        "borgere",
        "virksomheder",
        "jobcentret",
        "beskæftigelse",
        "uddannelse",
    ];
    let line: Vec<&str> = (0..95_000).map(|i| words[i * 7 % 5]).collect();
    let line = plan_with_text(&line.join(" "));
    let took = build_within(&line.0, Duration::from_secs(20));
    eprintln!("1 MB line: {took:?}");
}

/// Tables wider than the page: no figure is split across lines, a table
/// of twenty year columns is set in two bands that each start with the
/// row's name, and a word wider than the page is a warning at the table's
/// line.
#[test]
fn wide_tables_fit_the_page() {
    let dir = fixture("pdf-wide");
    let (pdf, stderr) = build(&dir);
    check_file(&pdf);
    let text = run(tool("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(&pdf)
        .arg("-"));
    let words: Vec<&str> = text.split_whitespace().collect();
    // Every figure of the goal table and the Markdown tables, whole.
    for figure in [
        "3.220", "3.310", "3.405", "3.512", "3.620", "3.733", "3.850", "18,4", "16,4", "31.220",
        "32.400", "28.700", "33.603", "29.729",
    ] {
        assert!(words.contains(&figure), "{figure} is not whole in:\n{text}");
    }
    for broken in ["3.22", "32.40", "3.8", "33.60"] {
        assert!(
            !words.contains(&broken),
            "{broken} is a split figure:\n{text}"
        );
    }
    // The twenty-year table: two bands, each headed by "Kommune".
    let plain = pages(&pdf).join(" ");
    assert!(plain.matches("Kommune 2008").count() == 1, "{plain}");
    assert!(
        plain.matches("Kommune 20").count() >= 3,
        "no second band:\n{plain}"
    );
    assert!(
        stderr.contains("[pdf-table-too-wide]") && stderr.contains("content/01-maal.md:38"),
        "{stderr}"
    );
    assert_eq!(stderr.matches("pdf-table-too-wide").count(), 1, "{stderr}");
}

/// An image that cannot be decoded stops the build with a message at its
/// Markdown line, never "validation failed" or a half-written PDF.
#[test]
fn a_broken_image_is_reported_at_its_line() {
    let dir = plan_with_text("Før billedet.\n\n![Et søjlediagram](assets/brudt.png)\n");
    // A PNG whose header is sound and whose data is cut off.
    let png = std::fs::read(fixture("pdf-tagged").join("content/assets/bars.png")).unwrap();
    let cut = &png[..png.len().min(60)];
    std::fs::create_dir_all(dir.0.join("content/assets")).unwrap();
    std::fs::write(dir.0.join("content/assets/brudt.png"), cut).unwrap();
    let out = out_dir();
    let result = Command::new(BIN)
        .arg("build")
        .arg(&dir.0)
        .arg("--out")
        .arg(&out)
        .args(["--only", "pdf"])
        .output()
        .expect("run planpress");
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(result.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("content/01-tekst.md:7"), "{stderr}");
    assert!(
        stderr.contains("brudt.png") || stderr.contains("image"),
        "{stderr}"
    );
    assert!(!stderr.contains("validation failed"), "{stderr}");
    assert!(!out.exists(), "a PDF was written");
}

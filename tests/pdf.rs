//! End-to-end tests of the PDF output: build a plan with the binary, then
//! check the file with real PDF tools (qpdf, poppler's pdffonts, pdfinfo,
//! pdftotext). A missing tool fails the test with a hint; nothing is skipped.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

const BIN: &str = env!("CARGO_BIN_EXE_planpress");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn tool(name: &str) -> Command {
    let probe = Command::new(name).arg("-v").output();
    if probe.is_err() {
        panic!(
            "`{name}` is not installed; run scripts/install-test-tools.sh (it installs poppler-utils and qpdf)"
        );
    }
    Command::new(name)
}

fn run(cmd: &mut Command) -> String {
    let out = cmd.output().expect("run tool");
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// Builds the plan in `dir` with `--only pdf` and returns the PDF's path and
/// the build's standard error.
fn build(dir: &Path) -> (PathBuf, String) {
    build_with(dir, &[])
}

fn build_with(dir: &Path, env: &[(&str, &str)]) -> (PathBuf, String) {
    let n = COUNTER.fetch_add(1, Ordering::SeqCst);
    let out = std::env::temp_dir().join(format!("planpress-pdf-test-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let result = Command::new(BIN)
        .arg("build")
        .arg(dir)
        .arg("--out")
        .arg(&out)
        .args(["--only", "pdf"])
        .envs(env.iter().copied())
        .output()
        .expect("run planpress");
    let stderr = String::from_utf8_lossy(&result.stderr).to_string();
    assert!(result.status.success(), "build failed:\n{stderr}");
    let pdf = std::fs::read_dir(&out)
        .expect("output folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "pdf"))
        .expect("a PDF in the output");
    (pdf, stderr)
}

fn fixture(name: &str) -> PathBuf {
    Path::new(ROOT).join("tests/fixtures").join(name)
}

fn normalize(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of each page, normalized.
fn pages(pdf: &Path) -> Vec<String> {
    let text = run(tool("pdftotext").arg("-enc").arg("UTF-8").arg(pdf).arg("-"));
    let mut pages: Vec<String> = text.split('\u{c}').map(normalize).collect();
    if pages.last().is_some_and(String::is_empty) {
        pages.pop();
    }
    pages
}

fn page_count(pdf: &Path) -> usize {
    let info = run(tool("pdfinfo").arg(pdf));
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|v| v.trim().parse().ok())
        .expect("page count")
}

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
        // name type encoding emb sub uni object ID: emb and sub are the 4th and 3rd from the end
        let cols: Vec<&str> = row.split_whitespace().collect();
        let n = cols.len();
        assert!(n >= 7, "odd pdffonts row: {row}");
        assert_eq!(cols[n - 5], "yes", "font not embedded: {row}");
        assert_eq!(cols[n - 4], "yes", "font not subset: {row}");
        assert!(cols[0].contains('+'), "subset font without a tag: {row}");
    }
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
        // pdftotext -f N -l N agrees.
        let single = normalize(&run(tool("pdftotext")
            .args([
                "-enc",
                "UTF-8",
                "-f",
                &page.to_string(),
                "-l",
                &page.to_string(),
            ])
            .arg(pdf)
            .arg("-")));
        assert!(
            single.contains(&heading),
            "pdftotext -f {page} -l {page} lacks {heading:?}"
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
    // The PNG logo on the cover and the PNG figure are embedded as images.
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
}

#[test]
fn outline_is_nested_and_in_document_order() {
    let dir = Path::new(ROOT);
    let (pdf, _) = build(dir);
    let doc = lopdf::Document::load(&pdf).expect("load PDF");
    let catalog = doc.catalog().expect("catalog");
    let lang = catalog.get(b"Lang").expect("/Lang");
    assert_eq!(lang.as_str().expect("string"), b"da");
    let outlines = doc
        .get_dictionary(catalog.get(b"Outlines").unwrap().as_reference().unwrap())
        .unwrap();
    fn titles(
        doc: &lopdf::Document,
        first: Option<lopdf::ObjectId>,
        depth: usize,
        out: &mut Vec<(usize, String)>,
    ) {
        let mut next = first;
        while let Some(id) = next {
            let d = doc.get_dictionary(id).unwrap();
            let raw = d.get(b"Title").unwrap().as_str().unwrap();
            let title = if raw.starts_with(&[0xFE, 0xFF]) {
                let u: Vec<u16> = raw[2..]
                    .chunks(2)
                    .map(|c| u16::from_be_bytes([c[0], c[1]]))
                    .collect();
                String::from_utf16(&u).unwrap()
            } else {
                String::from_utf8_lossy(raw).to_string()
            };
            assert!(
                d.get(b"Dest").is_ok(),
                "outline entry without destination: {title}"
            );
            out.push((depth, title));
            titles(
                doc,
                d.get(b"First").ok().and_then(|o| o.as_reference().ok()),
                depth + 1,
                out,
            );
            next = d.get(b"Next").ok().and_then(|o| o.as_reference().ok());
        }
    }
    let mut out = Vec::new();
    titles(
        &doc,
        outlines
            .get(b"First")
            .ok()
            .and_then(|o| o.as_reference().ok()),
        1,
        &mut out,
    );
    assert_eq!(out[0], (1, "Indhold".to_string()));
    let plan = plan_of(dir);
    let top: Vec<String> = out
        .iter()
        .filter(|(d, _)| *d == 1)
        .map(|(_, t)| t.clone())
        .skip(1)
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
    // The info dictionary has no empty PDF/X key.
    let info = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
    assert!(
        doc.get_dictionary(info)
            .unwrap()
            .get(b"GTS_PDFXVersion")
            .is_err()
    );
}

#[test]
fn a_plan_written_in_chunks_is_the_same_plan() {
    // Large plans are written in chunks that are merged; force that here.
    let dir = Path::new(ROOT);
    let (pdf, _) = build_with(dir, &[("PLANPRESS_PDF_CHUNK", "4")]);
    check_file(&pdf);
    check_structure(dir, &pdf);
    let fonts = run(tool("pdffonts").arg(&pdf));
    assert!(
        fonts.lines().skip(2).count() <= 4,
        "fonts duplicated by the merge:\n{fonts}"
    );
    let (whole, _) = build(dir);
    assert_eq!(
        pages(&pdf),
        pages(&whole),
        "chunked and whole PDFs differ in text"
    );
    // The same structure tree, too.
    check_tagged(&pdf, "da", "Beskæftigelsesplan 2027");
    assert_eq!(struct_text(&pdf), struct_text(&whole));
}

// ----- tagging ----------------------------------------------------------------

/// `pdfinfo -struct-text` as a flat list: each element's type (`H1`, `P`,
/// `TH`, …) and each non-empty text as `"…"` (whitespace normalized), in
/// reading order.
fn struct_text(pdf: &Path) -> Vec<String> {
    let out = run(tool("pdfinfo").arg("-struct-text").arg(pdf));
    let mut items = Vec::new();
    for line in out.lines() {
        let t = line.trim();
        if t.is_empty() || t.starts_with('/') {
            continue;
        }
        if let Some(text) = t.strip_prefix('"') {
            let text = normalize(text.strip_suffix('"').unwrap_or(text));
            if !text.is_empty() {
                items.push(format!("\"{text}\""));
            }
        } else {
            let tag = t.split_whitespace().next().unwrap_or(t);
            items.push(tag.trim_end_matches(':').to_string());
        }
    }
    items
}

/// A PDF text string as Rust text.
fn pdf_text(o: &lopdf::Object) -> String {
    match o {
        lopdf::Object::String(b, _) if b.starts_with(&[0xFE, 0xFF]) => {
            let units: Vec<u16> = b[2..]
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        lopdf::Object::String(b, _) => String::from_utf8_lossy(b).to_string(),
        _ => String::new(),
    }
}

/// The `/Alt` of every Figure element, in element order.
fn figure_alts(pdf: &Path) -> Vec<String> {
    let doc = lopdf::Document::load(pdf).expect("load PDF");
    let mut alts = Vec::new();
    for obj in doc.objects.values() {
        if let Ok(d) = obj.as_dict()
            && d.get(b"S").and_then(lopdf::Object::as_name).ok() == Some(b"Figure".as_slice())
        {
            alts.push(d.get(b"Alt").map(pdf_text).unwrap_or_default());
        }
    }
    alts
}

/// The catalog and pages carry what a tagged PDF needs.
fn check_tagged(pdf: &Path, lang: &str, title: &str) {
    let info = run(tool("pdfinfo").arg(pdf));
    assert!(info.contains("Tagged:          yes"), "{info}");
    let doc = lopdf::Document::load(pdf).expect("load PDF");
    let catalog = doc.catalog().expect("catalog");
    let marked = catalog
        .get(b"MarkInfo")
        .and_then(lopdf::Object::as_dict)
        .and_then(|m| m.get(b"Marked"))
        .and_then(lopdf::Object::as_bool);
    assert_eq!(marked.ok(), Some(true), "no /MarkInfo << /Marked true >>");
    assert_eq!(pdf_text(catalog.get(b"Lang").expect("/Lang")), lang);
    let prefs = catalog
        .get(b"ViewerPreferences")
        .and_then(lopdf::Object::as_dict)
        .expect("/ViewerPreferences");
    assert_eq!(
        prefs
            .get(b"DisplayDocTitle")
            .and_then(lopdf::Object::as_bool)
            .ok(),
        Some(true)
    );
    let root = catalog
        .get(b"StructTreeRoot")
        .and_then(lopdf::Object::as_reference)
        .expect("/StructTreeRoot");
    let root = doc.get_dictionary(root).expect("struct tree root");
    assert!(root.get(b"ParentTree").is_ok(), "no /ParentTree");
    for (n, page) in doc.get_pages() {
        let pd = doc.get_dictionary(page).expect("page");
        assert!(
            pd.get(b"StructParents").is_ok(),
            "page {n} has no /StructParents"
        );
    }
    let md = catalog
        .get(b"Metadata")
        .and_then(lopdf::Object::as_reference)
        .expect("/Metadata");
    let mut stream = doc
        .get_object(md)
        .and_then(lopdf::Object::as_stream)
        .expect("metadata stream")
        .clone();
    let _ = stream.decompress();
    let xmp = String::from_utf8_lossy(&stream.content).to_string();
    assert!(xmp.contains("<dc:title>"), "{xmp}");
    assert!(xmp.contains(title), "{xmp}");
    assert!(
        xmp.contains(&format!("<dc:language><rdf:Bag><rdf:li>{lang}</rdf:li>")),
        "{xmp}"
    );
}

#[test]
fn tagged_structure_follows_the_markdown() {
    let dir = fixture("pdf-tagged");
    let (pdf, stderr) = build(&dir);
    check_file(&pdf);
    check_tagged(&pdf, "en", "Tagged Plan 2027");
    // The image without alt text is reported at its Markdown line.
    assert!(
        stderr.contains("missing-alt") && stderr.contains("01-structure.md:20"),
        "{stderr}"
    );
    let items = struct_text(&pdf);
    let start = items
        .iter()
        .position(|i| i == "\"1 Structure\"")
        .expect("the section heading");
    let q = |s: &str| format!("\"{s}\"");
    let expected: Vec<String> = [
        "\"1 Structure\"",
        "H2",
        "\"Goals in brief\"",
        "P",
        "\"A first paragraph about the plan.\"",
        "L",
        "LI",
        "Lbl",
        "\"•\"",
        "LBody",
        "P",
        "\"Bullet one\"",
        "LI",
        "Lbl",
        "\"•\"",
        "LBody",
        "P",
        "\"Bullet two\"",
        "Table",
        "THead",
        "TR",
        "TH",
        "\"Group\"",
        "TH",
        "\"Target\"",
        "TBody",
        "TR",
        "TD",
        "\"Young\"",
        "TD",
        "\"40\"",
        "TR",
        "TD",
        "\"Adults\"",
        "TD",
        "\"55\"",
        "Figure",
        "Caption",
        "\"Bar chart of unemployment 2020 to 2026\"",
        "Figure",
        "BlockQuote",
        "P",
        "\"A short quotation.\"",
        "P",
        "\"A closing paragraph with\"",
        "Link",
        "\"a link\"",
        "Object",
        "\".\"",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    assert_eq!(items[start - 1], "H1", "{items:#?}");
    assert_eq!(&items[start..], &expected[..], "{items:#?}");
    // Before it: the cover, then the contents as a TOC.
    let head: Vec<&str> = items[..start].iter().map(String::as_str).collect();
    let toc = head.iter().position(|i| *i == "TOC").expect("a TOC");
    assert_eq!(head[toc + 1], "TOCI", "{head:?}");
    assert!(head[toc + 2].starts_with("\"1") && head[toc + 2].contains("Structure"));
    assert_eq!(head[0], "Document");
    assert_eq!(&head[1..3], &["H1", &q("Tagged Plan 2027")]);
    // Nothing of the running header and footer.
    let all = items.join("\n");
    assert!(
        !all.contains("of 3"),
        "page numbers in the structure:\n{all}"
    );
    assert!(
        !all.contains("Tagtown Municipality"),
        "footer in the structure:\n{all}"
    );
    assert_eq!(
        items
            .iter()
            .filter(|i| **i == q("Tagged Plan 2027"))
            .count(),
        1,
        "the running header is in the structure:\n{all}"
    );
    // Figures carry their text alternative; the one without alt text a fallback.
    let alts = figure_alts(&pdf);
    assert_eq!(alts.len(), 2, "{alts:?}");
    assert_eq!(alts[0], "Bar chart of unemployment 2020 to 2026");
    assert_eq!(alts[1], "Figure bars.png");
}

/// Renders every page to PNG; returns the images' bytes.
fn render_pages(pdf: &Path, tag: &str) -> Vec<Vec<u8>> {
    let dir = pdf.parent().expect("folder").join(format!("png-{tag}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("png folder");
    run(tool("pdftoppm")
        .args(["-r", "40", "-png"])
        .arg(pdf)
        .arg(dir.join("p")));
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("pngs")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| std::fs::read(f).expect("png"))
        .collect()
}

#[test]
fn tagging_changes_neither_drawing_nor_text() {
    for name in ["pdf-tagged", "pdf-en"] {
        let dir = fixture(name);
        let (tagged, _) = build(&dir);
        let (plain, _) = build_with(&dir, &[("PLANPRESS_PDF_TAGGED", "0")]);
        check_file(&tagged);
        check_file(&plain);
        let info = run(tool("pdfinfo").arg(&plain));
        assert!(info.contains("Tagged:          no"), "{info}");
        assert_eq!(pages(&tagged), pages(&plain), "{name}: text differs");
        let a = render_pages(&tagged, "tagged");
        let b = render_pages(&plain, "plain");
        assert_eq!(a.len(), b.len());
        for (k, (x, y)) in a.iter().zip(&b).enumerate() {
            assert!(x == y, "{name}: page {} renders differently", k + 1);
        }
    }
}

#[test]
fn example_plan_is_tagged() {
    let dir = Path::new(ROOT);
    let (pdf, _) = build(dir);
    check_tagged(&pdf, "da", "Beskæftigelsesplan 2027");
    let items = struct_text(&pdf);
    let all = items.join("\n");
    for tag in [
        "H1", "H2", "P", "L", "LI", "Lbl", "LBody", "Table", "THead", "TH", "TD", "Figure", "TOC",
        "TOCI", "Link",
    ] {
        assert!(items.iter().any(|i| i == tag), "no {tag}:\n{all}");
    }
    assert!(!all.contains("Side 3 af"), "page numbers in the structure");
    assert!(
        !items.iter().any(|i| i == "\"Eksempelby Kommune\""),
        "footer in the structure"
    );
    assert_eq!(
        items
            .iter()
            .filter(|i| **i == "\"Beskæftigelsesplan 2027\"")
            .count(),
        1,
        "the running header title is in the structure (only the cover's title is content)"
    );
    // Section headings in the order of the table of contents (and the outline).
    let plan = plan_of(dir);
    let want: Vec<String> = plan
        .toc()
        .iter()
        .map(|e| format!("\"{} {}\"", e.number, normalize(&e.title)))
        .collect();
    let got: Vec<&String> = items
        .windows(2)
        .filter(|w| ["H1", "H2", "H3"].contains(&w[0].as_str()) && want.contains(&w[1]))
        .map(|w| &w[1])
        .collect();
    assert_eq!(got, want.iter().collect::<Vec<_>>());
    // The contents page: one TOCI per entry of the table of contents, in its order.
    let toci: Vec<&String> = items
        .windows(2)
        .filter(|w| w[0] == "TOCI")
        .map(|w| &w[1])
        .collect();
    assert_eq!(toci.len(), want.len(), "{toci:?}");
    for (t, w) in toci.iter().zip(&want) {
        assert!(
            t.starts_with(w.trim_end_matches('"')),
            "TOCI {t} is not {w}"
        );
    }
    // Every figure (the charts, the logo, images) has a text alternative.
    let alts = figure_alts(&pdf);
    assert!(alts.len() > 5, "{alts:?}");
    assert!(alts.iter().all(|a| !a.trim().is_empty()), "{alts:?}");
    // The charts' alternative is generated from their figures.
    assert!(
        alts.iter()
            .any(|a| a.chars().any(|c| c.is_ascii_digit()) && a.len() > 40)
    );
}

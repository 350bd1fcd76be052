//! The PDF's tags: the structure tree against the Markdown, what PDF/UA-1
//! asks of the catalogue and metadata, the independent PDF/UA-1 checkers
//! (`outloud` and `pdfua` from PyPI) on the example plan and on a fixture
//! with every block type, and the drawing unchanged by tagging.

mod pdf_support;

use pdf_support::*;
use serde_json::Value;
use std::path::Path;

/// The catalog, pages and metadata carry what PDF/UA-1 needs.
fn check_tagged(pdf: &Path, lang: &str, title: &str) {
    let info = run(tool("pdfinfo").arg(pdf));
    assert!(info.contains("Tagged:          yes"), "{info}");
    let o = Objects::read(pdf);
    let catalog = o.catalog();
    assert_eq!(o.get(&catalog["/MarkInfo"])["/Marked"], Value::Bool(true));
    assert_eq!(text(&catalog["/Lang"]), lang);
    let prefs = o.get(&catalog["/ViewerPreferences"]);
    assert_eq!(prefs["/DisplayDocTitle"], Value::Bool(true));
    let root = o.get(&catalog["/StructTreeRoot"]);
    assert!(root.get("/ParentTree").is_some(), "no /ParentTree");
    for (n, page) in o.pages().iter().enumerate() {
        assert!(
            page.get("/StructParents").is_some(),
            "page {} has no /StructParents",
            n + 1
        );
        // Link annotations say where they go and print with the page.
        for a in page["/Annots"].as_array().into_iter().flatten() {
            let a = o.get(a);
            assert!(
                !text(&a["/Contents"]).trim().is_empty(),
                "a link without a description: {a}"
            );
            assert_eq!(
                a["/F"].as_i64().unwrap_or(0) & 4,
                4,
                "a link without the print flag: {a}"
            );
        }
    }
    let xmp =
        String::from_utf8(o.stream(catalog["/Metadata"].as_str().expect("/Metadata"))).unwrap();
    assert!(xmp.contains(title), "{xmp}");
    assert!(xmp.contains(&format!("<rdf:li>{lang}</rdf:li>")), "{xmp}");
    assert!(
        xmp.contains("pdfuaid:part") && xmp.contains('1'),
        "no PDF/UA identification: {xmp}"
    );
}

/// The `/Alt` of every Figure element.
fn figure_alts(pdf: &Path) -> Vec<String> {
    let o = Objects::read(pdf);
    o.all()
        .filter(|(_, d)| d["/S"] == "/Figure")
        .map(|(_, d)| text(&d["/Alt"]))
        .collect()
}

#[test]
fn tagged_structure_follows_the_markdown() {
    let dir = fixture("pdf-tagged");
    let (pdf, stderr) = build(&dir);
    run(tool("qpdf").arg("--check").arg(&pdf));
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
    let expected: Vec<String> = [
        "\"1 Structure\"",
        "H2",
        "\"Goals in brief\"",
        "P",
        "\"A first paragraph about the plan.\"",
        "L",
        "LI",
        "LBody",
        "\"Bullet one\"",
        "LI",
        "LBody",
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
        // A number is a label; a bullet (above) is decoration.
        "L",
        "LI",
        "Lbl",
        "\"1.\"",
        "LBody",
        "\"First step\"",
        "LI",
        "Lbl",
        "\"2.\"",
        "LBody",
        "\"Second step\"",
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
    // Before it: the cover, then the contents as a TOC of links.
    let head: Vec<&str> = items[..start].iter().map(String::as_str).collect();
    let toc = head.iter().position(|i| *i == "TOC").expect("a TOC");
    assert_eq!(&head[toc + 1..toc + 3], &["TOCI", "Link"], "{head:?}");
    assert!(head[toc + 3].starts_with("\"1 Structure"), "{head:?}");
    assert_eq!(head[toc + 4], "Object", "{head:?}");
    assert_eq!(head[0], "Document");
    assert_eq!(&head[1..3], &["H1", "\"Tagged Plan 2027\""]);
    // Nothing of the running header and footer.
    let all = items.join("\n");
    assert!(
        !all.contains("of 3"),
        "page numbers in the structure:\n{all}"
    );
    // The organisation is in the colophon's structure once, not in a
    // footer on every page.
    assert!(
        all.matches("Tagtown Municipality").count() <= 1,
        "footer in the structure:\n{all}"
    );
    assert_eq!(
        items
            .iter()
            .filter(|i| *i == "\"Tagged Plan 2027\"")
            .count(),
        1,
        "the running header is in the structure:\n{all}"
    );
    // Figures carry their text alternative; the one without alt text a fallback.
    let mut alts = figure_alts(&pdf);
    alts.sort();
    assert_eq!(
        alts,
        ["Bar chart of unemployment 2020 to 2026", "Figure bars.png"]
    );
}

#[test]
fn tagging_changes_neither_drawing_nor_text() {
    for name in ["pdf-tagged", "pdf-en"] {
        let dir = fixture(name);
        let (tagged, _) = build(&dir);
        let (plain, _) = build_with(&dir, &[("PLANPRESS_PDF_TAGGED", "0")]);
        run(tool("qpdf").arg("--check").arg(&plain));
        let info = run(tool("pdfinfo").arg(&plain));
        assert!(info.contains("Tagged:          no"), "{info}");
        assert_eq!(pages(&tagged), pages(&plain), "{name}: text differs");
        let a = render_pages(&tagged, "tagged", 40, None);
        let b = render_pages(&plain, "plain", 40, None);
        assert_eq!(a.len(), b.len());
        for (k, (x, y)) in a.iter().zip(&b).enumerate() {
            assert!(x == y, "{name}: page {} renders differently", k + 1);
        }
    }
}

/// The tags' elements: each with its type and its children.
struct Tree<'o> {
    o: &'o Objects,
}

impl Tree<'_> {
    fn kids<'a>(&'a self, e: &'a Value) -> Vec<&'a Value> {
        let k = &e["/K"];
        let list: Vec<&Value> = match k.as_array() {
            Some(a) => a.iter().collect(),
            None => vec![k],
        };
        list.into_iter()
            .map(|v| self.o.get(v))
            .filter(|v| v.get("/S").is_some())
            .collect()
    }

    fn walk<'a>(&'a self, e: &'a Value, out: &mut Vec<&'a Value>) {
        out.push(e);
        for k in self.kids(e) {
            self.walk(k, out);
        }
    }
}

fn kind(e: &Value) -> &str {
    e["/S"].as_str().unwrap_or("").trim_start_matches('/')
}

#[test]
fn example_plan_is_tagged() {
    let dir = Path::new(ROOT);
    let (pdf, _) = build(dir);
    check_tagged(&pdf, "da", "Beskæftigelsesplan 2027");
    // The structure elements sit compressed in object streams, found
    // through a cross-reference stream: qpdf reads them there, and none is
    // left as plain text in the file.
    let xref = run(tool("qpdf").arg("--show-xref").arg(&pdf));
    let packed = xref.lines().filter(|l| l.contains("compressed;")).count();
    let plain = xref.lines().filter(|l| l.contains("uncompressed;")).count();
    assert!(
        packed > 10 * plain,
        "{packed} objects in object streams, {plain} not"
    );
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(
        !bytes.windows(11).any(|w| w == b"/StructElem"),
        "a structure element outside the object streams"
    );
    let items = struct_text(&pdf);
    let all = items.join("\n");
    for tag in [
        "H1", "H2", "P", "L", "LI", "Lbl", "LBody", "Table", "THead", "TH", "TD", "Figure", "TOC",
        "TOCI", "Link", "Note",
    ] {
        assert!(items.iter().any(|i| i == tag), "no {tag}:\n{all}");
    }
    assert!(!all.contains("Side 3 af"), "page numbers in the structure");
    assert_eq!(
        items
            .iter()
            .filter(|i| *i == "\"Beskæftigelsesplan 2027\"")
            .count(),
        1,
        "the running header title is in the structure (only the cover's title is content)"
    );
    // Section headings in the order of the table of contents.
    let plan = planpress::check(dir).unwrap().plan.unwrap();
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
    // Goal titles are one level below their section's heading, and no
    // heading skips a level.
    let headings: Vec<(usize, &String)> = items
        .windows(2)
        .filter_map(|w| {
            let level = w[0].strip_prefix('H')?.parse().ok()?;
            Some((level, &w[1]))
        })
        .collect();
    for pair in headings.windows(2) {
        assert!(
            pair[1].0 <= pair[0].0 + 1,
            "{:?} skips a level after {:?}",
            pair[1],
            pair[0]
        );
    }
    let v1 = headings
        .iter()
        .position(|(_, t)| t.starts_with("\"V1 "))
        .expect("goal V1");
    let section = headings[..v1]
        .iter()
        .rev()
        .find(|(_, t)| t.starts_with("\"2 "))
        .expect("its section");
    assert_eq!(headings[v1].0, section.0 + 1);
    // Every table row has the table's full set of cells, and goal tables
    // have row headers as well as column headers.
    let o = Objects::read(&pdf);
    let tree = Tree { o: &o };
    let tables: Vec<&Value> = o
        .all()
        .map(|(_, d)| d)
        .filter(|d| kind(d) == "Table")
        .collect();
    let mut row_headers = 0;
    for t in &tables {
        let mut all = Vec::new();
        tree.walk(t, &mut all);
        let widths: Vec<usize> = all
            .iter()
            .filter(|e| kind(e) == "TR")
            .map(|r| tree.kids(r).len())
            .collect();
        assert!(
            widths.windows(2).all(|w| w[0] == w[1]),
            "rows of {widths:?} cells"
        );
        row_headers += all
            .iter()
            .filter(|e| kind(e) == "TH" && format!("{}", e["/A"]).contains("Row"))
            .count();
        for th in all.iter().filter(|e| kind(e) == "TH") {
            let a = format!("{}", o.get(&th["/A"]));
            assert!(a.contains("/Scope"), "a header cell without a scope: {a}");
        }
    }
    assert!(row_headers > 5, "goal tables have no row headers");
    // The contents page: one TOCI per entry of the table of contents, in
    // its order, after the one for the status overview.
    let toci: Vec<&String> = items
        .windows(3)
        .filter(|w| w[0] == "TOCI" && w[1] == "Link")
        .map(|w| &w[2])
        .collect();
    assert_eq!(toci.len(), want.len() + 1, "{toci:?}");
    assert!(toci[0].starts_with("\"Status for planens mål"), "{toci:?}");
    for (t, w) in toci[1..].iter().zip(&want) {
        assert!(
            t.starts_with(w.trim_end_matches('"')),
            "TOCI {t} is not {w}"
        );
    }
    // Every figure (the charts, the logo, images) has a text alternative;
    // the charts' is made from their figures.
    let alts = figure_alts(&pdf);
    assert!(alts.len() > 5, "{alts:?}");
    assert!(alts.iter().all(|a| !a.trim().is_empty()), "{alts:?}");
    assert!(
        alts.iter()
            .any(|a| a.chars().any(|c| c.is_ascii_digit()) && a.len() > 40)
    );
}

/// Two independent PDF/UA-1 checkers pass the example plan, a fixture with
/// every block type and one with every kind of callout, quotes with a
/// speaker and a signature: no failed checkpoint, no error.
#[test]
fn independent_pdf_ua_checkers_pass() {
    for dir in [
        Path::new(ROOT).to_path_buf(),
        fixture("pdf-en"),
        fixture("elements"),
    ] {
        let (pdf, _) = build(&dir);
        assert_pdf_ua(&pdf);
    }
}

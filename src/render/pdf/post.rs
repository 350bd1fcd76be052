//! lopdf post-processing where printpdf falls short: a nested outline in
//! document order pointing at each heading, `/Lang`, our own document
//! information (without printpdf's empty `GTS_PDFXVersion`), subset tags on
//! the font names, and compression.

use super::PdfError;
use super::display::{OutlineEntry, Role};
use super::writer::Tags;
use lopdf::{Dictionary, Document, Object, ObjectId, StringFormat};

/// A PDF text string: PDFDocEncoding-safe ASCII as is, anything else as
/// UTF-16BE with a byte order mark.
pub fn text_string(s: &str) -> Object {
    if s.chars().all(|c| (' '..='~').contains(&c)) {
        Object::String(s.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        let mut bytes = vec![0xFE, 0xFF];
        for u in s.encode_utf16() {
            bytes.extend(u.to_be_bytes());
        }
        Object::String(bytes, StringFormat::Hexadecimal)
    }
}

pub struct Info<'a> {
    pub title: &'a str,
    pub author: &'a str,
    pub subject: &'a str,
    pub lang: &'a str,
    /// Seconds since 1970 (from `SOURCE_DATE_EPOCH` when set).
    pub created: u64,
}

pub fn finish(
    mut doc: Document,
    links: &[super::writer::InternalLink],
    outline: &[OutlineEntry],
    page_height: f32,
    info: &Info,
    tags: Option<&Tags>,
) -> Result<Vec<u8>, PdfError> {
    let timing = std::env::var_os("PLANPRESS_TIMING").is_some();
    let t0 = std::time::Instant::now();
    let lap = |what: &str| {
        if timing {
            eprintln!("post: {what} at {:.3} s", t0.elapsed().as_secs_f64());
        }
    };
    let pages: Vec<ObjectId> = doc.get_pages().values().copied().collect();
    // Links inside the document, to a heading's position.
    for l in links {
        let (Some(on), Some(to)) = (pages.get(l.page), pages.get(l.dest_page)) else {
            continue;
        };
        let mut a = Dictionary::new();
        a.set("Type", Object::Name(b"Annot".to_vec()));
        a.set("Subtype", Object::Name(b"Link".to_vec()));
        a.set(
            "Rect",
            Object::Array(l.rect.iter().map(|v| Object::Real(*v)).collect()),
        );
        a.set(
            "Border",
            Object::Array(vec![
                Object::Integer(0),
                Object::Integer(0),
                Object::Integer(0),
            ]),
        );
        a.set(
            "Dest",
            Object::Array(vec![
                Object::Reference(*to),
                Object::Name(b"XYZ".to_vec()),
                Object::Integer(0),
                Object::Real(l.top),
                Object::Null,
            ]),
        );
        let id = doc.add_object(a);
        if let Ok(page) = doc.get_dictionary_mut(*on) {
            match page.get_mut(b"Annots") {
                Ok(Object::Array(arr)) => arr.push(Object::Reference(id)),
                _ => page.set("Annots", Object::Array(vec![Object::Reference(id)])),
            }
        }
    }
    // Document information.
    let date = pdf_date(info.created);
    let mut dict = Dictionary::new();
    dict.set("Title", text_string(info.title));
    dict.set("Author", text_string(info.author));
    if !info.subject.is_empty() {
        dict.set("Subject", text_string(info.subject));
    }
    dict.set("Creator", text_string("planpress"));
    dict.set(
        "Producer",
        text_string(concat!(
            "planpress ",
            env!("CARGO_PKG_VERSION"),
            " (printpdf, lopdf)"
        )),
    );
    dict.set(
        "CreationDate",
        Object::String(date.clone().into_bytes(), StringFormat::Literal),
    );
    dict.set(
        "ModDate",
        Object::String(date.into_bytes(), StringFormat::Literal),
    );
    let info_id = doc.add_object(dict);
    doc.trailer.set("Info", Object::Reference(info_id));

    // Font names get a subset tag (the faces were subset before embedding).
    let mut n = 0u32;
    let ids: Vec<ObjectId> = doc.objects.keys().copied().collect();
    for id in ids {
        if let Ok(Object::Dictionary(d)) = doc.get_object_mut(id) {
            for key in [b"BaseFont".as_slice(), b"FontName".as_slice()] {
                if let Ok(Object::Name(name)) = d.get(key)
                    && name.starts_with(b"NotoSans")
                    && !name.contains(&b'+')
                {
                    let tag = subset_tag(name);
                    let mut new = tag.into_bytes();
                    new.push(b'+');
                    new.extend_from_slice(name);
                    d.set(key, Object::Name(new));
                    n += 1;
                }
            }
        }
    }
    let _ = n;

    // The outline.
    let outline_id = build_outline(&mut doc, outline, &pages, page_height);
    let catalog = doc
        .catalog_mut()
        .map_err(|e| PdfError::Post(e.to_string()))?;
    catalog.set("Lang", text_string(info.lang));
    if let Some(id) = outline_id {
        catalog.set("Outlines", Object::Reference(id));
        catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
    }
    let mut prefs = Dictionary::new();
    prefs.set("DisplayDocTitle", Object::Boolean(true));
    catalog.set("ViewerPreferences", Object::Dictionary(prefs));
    let xmp = xmp(info);
    let mut md = Dictionary::new();
    md.set("Type", Object::Name(b"Metadata".to_vec()));
    md.set("Subtype", Object::Name(b"XML".to_vec()));
    let md_id = doc.add_object(lopdf::Stream::new(md, xmp.into_bytes()));
    doc.catalog_mut()
        .map_err(|e| PdfError::Post(e.to_string()))?
        .set("Metadata", Object::Reference(md_id));
    let raw = match tags {
        Some(tags) => {
            let raw = structure(&mut doc, &pages, tags)?;
            lap("structure");
            raw
        }
        None => super::save::Raw::default(),
    };

    compress(&mut doc);
    lap("compress");
    // Object streams: the structure tree is many small objects.
    let out = super::save::save(&doc, &raw);
    lap("save");
    Ok(out)
}

/// Six capital letters derived from the face name (stable across builds).
fn subset_tag(name: &[u8]) -> String {
    let mut h: u32 = 2166136261;
    for b in name {
        h = (h ^ u32::from(*b)).wrapping_mul(16777619);
    }
    (0..6)
        .map(|i| {
            let c = (h >> (i * 5)) % 26;
            char::from(b'A' + c as u8)
        })
        .collect()
}

fn build_outline(
    doc: &mut Document,
    entries: &[OutlineEntry],
    pages: &[ObjectId],
    page_height: f32,
) -> Option<ObjectId> {
    if entries.is_empty() {
        return None;
    }
    let root_id = doc.new_object_id();
    let ids: Vec<ObjectId> = entries.iter().map(|_| doc.new_object_id()).collect();
    // Parent of each entry: the nearest earlier entry with a smaller depth.
    let mut parent: Vec<Option<usize>> = vec![None; entries.len()];
    let mut stack: Vec<usize> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        while let Some(&top) = stack.last() {
            if entries[top].depth >= e.depth {
                stack.pop();
            } else {
                break;
            }
        }
        parent[i] = stack.last().copied();
        stack.push(i);
    }
    // Children of each entry (index n: the top level), and descendant counts.
    let n = entries.len();
    let mut kids: Vec<Vec<usize>> = vec![Vec::new(); n + 1];
    for (i, p) in parent.iter().enumerate() {
        kids[p.unwrap_or(n)].push(i);
    }
    let mut below = vec![0i64; n + 1];
    for i in (0..n).rev() {
        // Children come after their parent, so their counts are final here.
        below[i] = kids[i].iter().map(|&k| 1 + below[k]).sum();
    }
    below[n] = kids[n].iter().map(|&k| 1 + below[k]).sum();
    let children = |p: Option<usize>| -> &Vec<usize> { &kids[p.unwrap_or(n)] };
    let descendants = |p: Option<usize>, _: &[Option<usize>]| -> i64 { below[p.unwrap_or(n)] };
    for (i, e) in entries.iter().enumerate() {
        let mut d = Dictionary::new();
        d.set("Title", text_string(&e.title));
        d.set(
            "Parent",
            Object::Reference(parent[i].map_or(root_id, |p| ids[p])),
        );
        let sibs = children(parent[i]);
        let pos = sibs.iter().position(|&s| s == i).unwrap_or(0);
        if pos > 0 {
            d.set("Prev", Object::Reference(ids[sibs[pos - 1]]));
        }
        if pos + 1 < sibs.len() {
            d.set("Next", Object::Reference(ids[sibs[pos + 1]]));
        }
        let kids = children(Some(i));
        if let (Some(f), Some(l)) = (kids.first(), kids.last()) {
            d.set("First", Object::Reference(ids[*f]));
            d.set("Last", Object::Reference(ids[*l]));
            d.set("Count", Object::Integer(descendants(Some(i), &parent)));
        }
        if let Some(page) = pages.get(e.page) {
            d.set(
                "Dest",
                Object::Array(vec![
                    Object::Reference(*page),
                    Object::Name(b"XYZ".to_vec()),
                    Object::Integer(0),
                    Object::Real(page_height - e.y + 6.0),
                    Object::Null,
                ]),
            );
        }
        doc.objects.insert(ids[i], Object::Dictionary(d));
    }
    let top = children(None);
    let mut root = Dictionary::new();
    root.set("Type", Object::Name(b"Outlines".to_vec()));
    if let (Some(f), Some(l)) = (top.first(), top.last()) {
        root.set("First", Object::Reference(ids[*f]));
        root.set("Last", Object::Reference(ids[*l]));
    }
    root.set("Count", Object::Integer(descendants(None, &parent)));
    doc.objects.insert(root_id, Object::Dictionary(root));
    Some(root_id)
}

/// `D:YYYYMMDDHHmmSSZ` for seconds since 1970.
fn pdf_date(secs: u64) -> String {
    let days = (secs / 86400) as i64;
    let rem = secs % 86400;
    let (h, m, s) = (rem / 3600, (rem % 3600) / 60, rem % 60);
    // Civil date from days (Howard Hinnant's algorithm).
    let z = days + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let mo = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if mo <= 2 { y + 1 } else { y };
    format!("D:{y:04}{mo:02}{d:02}{h:02}{m:02}{s:02}Z")
}

/// Deflates every stream that has no filter yet, on two threads.
pub fn compress(doc: &mut Document) {
    use flate2::Compression;
    use flate2::write::ZlibEncoder;
    use std::io::Write;
    let mut streams: Vec<&mut lopdf::Stream> = doc
        .objects
        .values_mut()
        .filter_map(|o| match o {
            Object::Stream(s) if s.dict.get(b"Filter").is_err() && s.content.len() > 64 => Some(s),
            _ => None,
        })
        .collect();
    let work = |chunk: &mut [&mut lopdf::Stream]| {
        for s in chunk.iter_mut() {
            let mut enc =
                ZlibEncoder::new(Vec::with_capacity(s.content.len() / 3), Compression::new(4));
            if enc.write_all(&s.content).is_err() {
                continue;
            }
            if let Ok(c) = enc.finish()
                && c.len() + 19 < s.content.len()
            {
                s.dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
                s.set_content(c);
            }
        }
    };
    let mid = streams.len() / 2;
    let (a, b) = streams.split_at_mut(mid);
    std::thread::scope(|scope| {
        scope.spawn(|| work(a));
        work(b);
    });
}

/// The structure type of a role.
pub fn role_name(role: &Role) -> &'static str {
    match role {
        Role::Document => "Document",
        Role::Sect => "Sect",
        Role::Heading(1) => "H1",
        Role::Heading(2) => "H2",
        Role::Heading(3) => "H3",
        Role::Heading(4) => "H4",
        Role::Heading(5) => "H5",
        Role::Heading(_) => "H6",
        Role::Paragraph => "P",
        Role::List => "L",
        Role::ListItem => "LI",
        Role::Label => "Lbl",
        Role::ListBody => "LBody",
        Role::Quote => "BlockQuote",
        Role::Code => "Code",
        Role::Table => "Table",
        Role::TableHead => "THead",
        Role::TableBody => "TBody",
        Role::TableRow => "TR",
        Role::TableHeaderCell => "TH",
        Role::TableCell => "TD",
        Role::Figure { .. } => "Figure",
        Role::Caption => "Caption",
        Role::Toc => "TOC",
        Role::TocItem => "TOCI",
    }
}

fn name(s: &str) -> Object {
    Object::Name(s.as_bytes().to_vec())
}

/// The structure tree: every element with content (or with an element
/// with content below it), its marked content and link annotations, the
/// parent tree, `/StructParents` on the pages and `/StructParent` on the
/// links, and `/MarkInfo`.
fn structure(
    doc: &mut Document,
    pages: &[ObjectId],
    tags: &Tags,
) -> Result<super::save::Raw, PdfError> {
    use std::collections::HashMap;
    let err = |e: lopdf::Error| PdfError::Post(e.to_string());
    let n = tags.structure.len();
    if n == 0 {
        return Ok(super::save::Raw::default());
    }
    // An element's parent (always an earlier element; the root is its own).
    let parent = |e: usize| {
        let p = tags.structure[e].parent as usize;
        if p < e { p } else { 0 }
    };
    // Link annotations, matched to the link areas by page and rectangle:
    // (element the link is in, annotation, page index, MCID of its text).
    let mut areas: HashMap<usize, Vec<(&super::writer::LinkTag, bool)>> = HashMap::new();
    for l in &tags.links {
        areas.entry(l.page).or_default().push((l, false));
    }
    let mut links: Vec<(usize, ObjectId, usize, Option<u32>)> = Vec::new();
    for (p, page) in pages.iter().enumerate() {
        let Some(list) = areas.get_mut(&p) else {
            continue;
        };
        // printpdf writes its annotations inline; a structure element
        // refers to an indirect object.
        let inline: Vec<Object> = match doc.get_dictionary(*page).and_then(|d| d.get(b"Annots")) {
            Ok(Object::Array(a)) => a.clone(),
            _ => Vec::new(),
        };
        let annots: Vec<ObjectId> = inline
            .into_iter()
            .filter_map(|o| match o {
                Object::Reference(r) => Some(r),
                Object::Dictionary(d) => Some(doc.add_object(d)),
                _ => None,
            })
            .collect();
        if let Ok(pd) = doc.get_dictionary_mut(*page) {
            pd.set(
                "Annots",
                Object::Array(annots.iter().map(|a| Object::Reference(*a)).collect()),
            );
        }
        for a in annots {
            let Ok(rect) = doc
                .get_dictionary(a)
                .and_then(|d| d.get(b"Rect"))
                .and_then(Object::as_array)
            else {
                continue;
            };
            let r: Vec<f32> = rect.iter().filter_map(|o| o.as_float().ok()).collect();
            if r.len() != 4 {
                continue;
            }
            let hit = list.iter_mut().find(|(l, used)| {
                !used && l.rect.iter().zip(&r).all(|(x, y)| (x - y).abs() < 0.05)
            });
            if let Some(h) = hit {
                h.1 = true;
                let e = h.0.elem as usize;
                links.push((if e < n { e } else { 0 }, a, p, h.0.mcid));
            }
        }
    }
    let link_ids: Vec<ObjectId> = links.iter().map(|_| doc.new_object_id()).collect();
    // The text of a link: its MCID goes in the Link element.
    let link_text: HashMap<(usize, u32), usize> = links
        .iter()
        .enumerate()
        .filter_map(|(j, (_, _, p, m))| m.map(|m| ((*p, m), j)))
        .collect();
    // What each element holds, in reading order: marked content on a page
    // (page, MCID) or a link (`LINK`, link index). Laid out flat: element
    // e's entries are `items[start[e]..start[e + 1]]`.
    const LINK: u32 = u32::MAX;
    let link_at = |p: usize, mcid: usize| {
        if link_text.is_empty() {
            None
        } else {
            link_text.get(&(p, mcid as u32)).copied()
        }
    };
    let mut placed = vec![false; links.len()];
    let mut start = vec![0u32; n + 1];
    for (p, m) in tags.mcids.iter().enumerate() {
        for (mcid, e) in m.iter().enumerate() {
            if (*e as usize) < n {
                start[*e as usize + 1] += 1;
                if let Some(j) = link_at(p, mcid) {
                    placed[j] = true;
                }
            }
        }
    }
    for (j, (e, _, _, _)) in links.iter().enumerate() {
        if !placed[j] {
            start[*e + 1] += 1;
        }
    }
    for e in 0..n {
        start[e + 1] += start[e];
    }
    let mut fill: Vec<u32> = start[..n].to_vec();
    let mut items: Vec<(u32, u32)> = vec![(0, 0); start[n] as usize];
    for (p, m) in tags.mcids.iter().enumerate() {
        for (mcid, e) in m.iter().enumerate() {
            let e = *e as usize;
            if e < n {
                items[fill[e] as usize] = match link_at(p, mcid) {
                    Some(j) => (LINK, j as u32),
                    None => (p as u32, mcid as u32),
                };
                fill[e] += 1;
            }
        }
    }
    for (j, (e, _, _, _)) in links.iter().enumerate() {
        if !placed[j] {
            items[fill[*e] as usize] = (LINK, j as u32);
            fill[*e] += 1;
        }
    }
    drop(fill);
    let content = |e: usize| &items[start[e] as usize..start[e + 1] as usize];
    // Keep the elements with something in them.
    let mut keep: Vec<bool> = (0..n).map(|e| start[e] < start[e + 1]).collect();
    keep[0] = true;
    for e in (1..n).rev() {
        if keep[e] {
            keep[parent(e)] = true;
        }
    }
    let root_id = doc.new_object_id();
    // Object number of each kept element (0: not kept).
    let ids: Vec<u32> = keep
        .iter()
        .map(|k| if *k { doc.new_object_id().0 } else { 0 })
        .collect();
    // The kept children of each element, laid out flat like the content.
    let mut kid_start = vec![0u32; n + 1];
    for (e, _) in keep.iter().enumerate().skip(1).filter(|(_, k)| **k) {
        kid_start[parent(e) + 1] += 1;
    }
    for e in 0..n {
        kid_start[e + 1] += kid_start[e];
    }
    let mut kid_fill: Vec<u32> = kid_start[..n].to_vec();
    let mut kids = vec![0u32; kid_start[n] as usize];
    for (e, _) in keep.iter().enumerate().skip(1).filter(|(_, k)| **k) {
        let p = parent(e);
        kids[kid_fill[p] as usize] = e as u32;
        kid_fill[p] += 1;
    }
    drop(kid_fill);
    let elem_num = |e: usize| if ids[e] != 0 { ids[e] } else { root_id.0 };
    // One attribute object shared by all column header cells.
    let mut a = Dictionary::new();
    a.set("O", name("Table"));
    a.set("Scope", name("Column"));
    let column_scope = doc.add_object(a);
    let mut raw = super::save::Raw::default();
    // Link elements: the link's text (when marked on its own) and a
    // reference to its annotation.
    let next_key = pages.len() as i64;
    for (j, (e, annot, p, mcid)) in links.iter().enumerate() {
        let key = next_key + j as i64;
        // `/Type /StructElem` is optional: left out, as for every element.
        let b = raw.buf();
        b.extend_from_slice(b"<</S/Link/P ");
        write_ref(b, (elem_num(*e), 0));
        b.extend_from_slice(b"/Pg ");
        write_ref(b, pages[*p]);
        b.extend_from_slice(b"/K[");
        if let Some(m) = mcid
            && placed[j]
        {
            write_uint(b, u64::from(*m));
            b.push(b' ');
        }
        b.extend_from_slice(b"<</Type/OBJR/Obj ");
        write_ref(b, *annot);
        b.extend_from_slice(b"/Pg ");
        write_ref(b, pages[*p]);
        b.extend_from_slice(b">>]>>");
        raw.end(link_ids[j]);
        if let Ok(a) = doc.get_dictionary_mut(*annot) {
            a.set("StructParent", Object::Integer(key));
        }
    }
    for e in 0..n {
        if ids[e] == 0 {
            continue;
        }
        let el = &tags.structure[e];
        let b = raw.buf();
        b.extend_from_slice(b"<</S/");
        b.extend_from_slice(role_name(&el.role).as_bytes());
        b.extend_from_slice(b"/P ");
        write_ref(
            b,
            (
                if e == 0 {
                    root_id.0
                } else {
                    elem_num(parent(e))
                },
                0,
            ),
        );
        let first = content(e).iter().find(|(p, _)| *p != LINK).map(|(p, _)| *p);
        if let Some(p) = first {
            b.extend_from_slice(b"/Pg ");
            write_ref(b, pages[p as usize]);
        }
        b.extend_from_slice(b"/K[");
        let mut sep = false;
        for &(p, m) in content(e) {
            if sep {
                b.push(b' ');
            }
            sep = true;
            if p == LINK {
                write_ref(b, link_ids[m as usize]);
            } else if Some(p) == first {
                write_uint(b, u64::from(m));
            } else {
                b.extend_from_slice(b"<</Type/MCR/Pg ");
                write_ref(b, pages[p as usize]);
                b.extend_from_slice(b"/MCID ");
                write_uint(b, u64::from(m));
                b.extend_from_slice(b">>");
            }
        }
        for &c in &kids[kid_start[e] as usize..kid_start[e + 1] as usize] {
            if sep {
                b.push(b' ');
            }
            sep = true;
            write_ref(b, (ids[c as usize], 0));
        }
        b.push(b']');
        match &el.role {
            Role::Figure { alt } => {
                b.extend_from_slice(b"/Alt");
                super::save::write_object(b, &text_string(alt));
            }
            Role::TableHeaderCell => {
                b.extend_from_slice(b"/A ");
                write_ref(b, column_scope);
            }
            _ => {}
        }
        b.extend_from_slice(b">>");
        raw.end((ids[e], 0));
    }
    // The parent tree: for each page, the element of each MCID; then the links.
    let tree_id = doc.new_object_id();
    let b = raw.buf();
    b.extend_from_slice(b"<</Nums[");
    for p in 0..pages.len() {
        if p > 0 {
            b.push(b' ');
        }
        write_uint(b, p as u64);
        b.extend_from_slice(b" [");
        if let Some(m) = tags.mcids.get(p) {
            for (mcid, e) in m.iter().enumerate() {
                if mcid > 0 {
                    b.push(b' ');
                }
                match link_at(p, mcid) {
                    Some(j) => write_ref(b, link_ids[j]),
                    None => write_ref(b, (elem_num(*e as usize), 0)),
                }
            }
        }
        b.push(b']');
    }
    for (j, id) in link_ids.iter().enumerate() {
        b.push(b' ');
        write_uint(b, (next_key as u64) + j as u64);
        b.push(b' ');
        write_ref(b, *id);
    }
    b.extend_from_slice(b"]>>");
    raw.end(tree_id);
    for (p, page) in pages.iter().enumerate() {
        if let Ok(pd) = doc.get_dictionary_mut(*page) {
            pd.set("StructParents", Object::Integer(p as i64));
            pd.set("Tabs", name("S"));
        }
    }
    let mut root = Dictionary::new();
    root.set("Type", name("StructTreeRoot"));
    root.set("K", Object::Reference((elem_num(0), 0)));
    root.set("ParentTree", Object::Reference(tree_id));
    root.set(
        "ParentTreeNextKey",
        Object::Integer(next_key + links.len() as i64),
    );
    doc.objects.insert(root_id, Object::Dictionary(root));
    let catalog = doc.catalog_mut().map_err(err)?;
    catalog.set("StructTreeRoot", Object::Reference(root_id));
    let mut mark = Dictionary::new();
    mark.set("Marked", Object::Boolean(true));
    catalog.set("MarkInfo", Object::Dictionary(mark));
    Ok(raw)
}

/// Writes an unsigned integer in decimal.
fn write_uint(out: &mut Vec<u8>, mut v: u64) {
    let mut tmp = [0u8; 20];
    let mut i = tmp.len();
    loop {
        i -= 1;
        tmp[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    out.extend_from_slice(&tmp[i..]);
}

/// Writes an indirect reference, `12 0 R`.
fn write_ref(out: &mut Vec<u8>, id: ObjectId) {
    write_uint(out, u64::from(id.0));
    out.push(b' ');
    write_uint(out, u64::from(id.1));
    out.extend_from_slice(b" R");
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// XMP metadata: title, language, author, subject, dates and producer.
fn xmp(info: &Info) -> String {
    let d = pdf_date(info.created);
    // D:YYYYMMDDHHmmSSZ -> YYYY-MM-DDTHH:mm:SSZ
    let iso = format!(
        "{}-{}-{}T{}:{}:{}Z",
        &d[2..6],
        &d[6..8],
        &d[8..10],
        &d[10..12],
        &d[12..14],
        &d[14..16]
    );
    let desc = if info.subject.is_empty() {
        String::new()
    } else {
        format!(
            "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:description>",
            xml_escape(info.subject)
        )
    };
    format!(
        concat!(
            "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n",
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n",
            "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n",
            "<rdf:Description rdf:about=\"\"",
            " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"",
            " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"",
            " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n",
            "<dc:format>application/pdf</dc:format>\n",
            "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{title}</rdf:li></rdf:Alt></dc:title>\n",
            "<dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>\n",
            "{desc}\n",
            "<dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>\n",
            "<xmp:CreatorTool>planpress</xmp:CreatorTool>\n",
            "<xmp:CreateDate>{date}</xmp:CreateDate>\n",
            "<xmp:ModifyDate>{date}</xmp:ModifyDate>\n",
            "<pdf:Producer>planpress {version} (printpdf, lopdf)</pdf:Producer>\n",
            "</rdf:Description>\n",
            "</rdf:RDF>\n",
            "</x:xmpmeta>\n",
            "<?xpacket end=\"w\"?>"
        ),
        title = xml_escape(info.title),
        author = xml_escape(info.author),
        desc = desc,
        lang = xml_escape(info.lang),
        date = iso,
        version = env!("CARGO_PKG_VERSION"),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn dates() {
        assert_eq!(super::pdf_date(0), "D:19700101000000Z");

        assert_eq!(super::pdf_date(951_782_400), "D:20000229000000Z");
    }
}

//! Writes the finished lopdf document: streams as they are, every other
//! object packed into compressed object streams (built on two threads),
//! and a cross-reference stream. lopdf's own writer for object streams
//! clones and serializes every object twice on one thread, which is slow
//! for the many small objects of a structure tree.

use lopdf::{Dictionary, Document, Object, ObjectId, StringFormat};
use std::io::Write;

/// Objects per object stream.
const PER_STREAM: usize = 500;

fn is_regular(b: u8) -> bool {
    !(b.is_ascii_whitespace()
        || matches!(
            b,
            b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%' | b'#'
        )
        || !(b'!'..=b'~').contains(&b))
}

fn write_name(out: &mut Vec<u8>, name: &[u8]) {
    out.push(b'/');
    for &b in name {
        if is_regular(b) {
            out.push(b);
        } else {
            let _ = write!(out, "#{b:02X}");
        }
    }
}

fn write_real(out: &mut Vec<u8>, v: f32) {
    if !v.is_finite() {
        out.push(b'0');
        return;
    }
    // Display never uses an exponent (PDF has none).
    let s = format!("{v}");
    out.extend_from_slice(s.as_bytes());
}

fn write_dict(out: &mut Vec<u8>, d: &Dictionary) {
    out.extend_from_slice(b"<<");
    for (k, v) in d.iter() {
        write_name(out, k);
        if needs_space(v) {
            out.push(b' ');
        }
        write_object(out, v);
    }
    out.extend_from_slice(b">>");
}

/// Whether a value needs a space after a name key (it does not start with
/// a delimiter).
fn needs_space(v: &Object) -> bool {
    !matches!(
        v,
        Object::Name(_)
            | Object::String(..)
            | Object::Array(_)
            | Object::Dictionary(_)
            | Object::Stream(_)
    )
}

/// Serializes an object (a stream's dictionary gets its `/Length`).
pub fn write_object(out: &mut Vec<u8>, o: &Object) {
    match o {
        Object::Null => out.extend_from_slice(b"null"),
        Object::Boolean(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Object::Integer(i) => {
            let _ = write!(out, "{i}");
        }
        Object::Real(r) => write_real(out, *r),
        Object::Name(n) => write_name(out, n),
        Object::String(s, StringFormat::Hexadecimal) => {
            out.push(b'<');
            for b in s {
                let _ = write!(out, "{b:02X}");
            }
            out.push(b'>');
        }
        Object::String(s, StringFormat::Literal) => {
            out.push(b'(');
            for &b in s {
                match b {
                    b'\\' | b'(' | b')' => {
                        out.push(b'\\');
                        out.push(b);
                    }
                    b'\r' => out.extend_from_slice(b"\\r"),
                    b'\n' => out.extend_from_slice(b"\\n"),
                    _ => out.push(b),
                }
            }
            out.push(b')');
        }
        Object::Array(a) => {
            out.push(b'[');
            for (i, v) in a.iter().enumerate() {
                if i > 0 {
                    out.push(b' ');
                }
                write_object(out, v);
            }
            out.push(b']');
        }
        Object::Dictionary(d) => write_dict(out, d),
        Object::Stream(s) => {
            let mut d = s.dict.clone();
            d.set("Length", Object::Integer(s.content.len() as i64));
            write_dict(out, &d);
            out.extend_from_slice(b"\nstream\n");
            out.extend_from_slice(&s.content);
            out.extend_from_slice(b"\nendstream");
        }
        Object::Reference((id, generation)) => {
            let _ = write!(out, "{id} {generation} R");
        }
    }
}

/// Objects serialized already (generation 0, no streams), e.g. the
/// structure tree's many small dictionaries: kept as bytes in one buffer
/// rather than as lopdf objects, which take many small heap allocations.
#[derive(Default)]
pub struct Raw {
    ids: Vec<u32>,
    /// Where each object ends in `bytes`.
    ends: Vec<usize>,
    bytes: Vec<u8>,
}

impl Raw {
    /// The buffer to write the next object into; finish it with [`Raw::end`].
    pub fn buf(&mut self) -> &mut Vec<u8> {
        &mut self.bytes
    }

    /// Ends the object written since the last one as object `id`.
    pub fn end(&mut self, id: ObjectId) {
        self.ids.push(id.0);
        self.ends.push(self.bytes.len());
    }

    fn get(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.bytes[start..self.ends[i]]
    }
}

/// An object to pack: a lopdf object or a serialized one.
#[derive(Clone, Copy)]
enum Src<'a> {
    Obj(&'a Object),
    Raw(&'a [u8]),
}

/// One object stream: its objects' ids and the compressed stream object.
fn pack(objects: &[(ObjectId, Src)]) -> (Vec<ObjectId>, Vec<u8>, usize) {
    use flate2::Compression;
    use flate2::write::ZlibEncoder;
    let mut body = Vec::new();
    let mut offsets = Vec::with_capacity(objects.len());
    for (id, o) in objects {
        offsets.push((id.0, body.len()));
        match o {
            Src::Obj(o) => write_object(&mut body, o),
            Src::Raw(b) => body.extend_from_slice(b),
        }
        body.push(b'\n');
    }
    let mut head = Vec::new();
    for (n, off) in &offsets {
        let _ = write!(head, "{n} {off} ");
    }
    head.push(b'\n');
    let first = head.len();
    let mut enc = ZlibEncoder::new(
        Vec::with_capacity((head.len() + body.len()) / 4),
        Compression::new(6),
    );
    let _ = enc.write_all(&head);
    let _ = enc.write_all(&body);
    let data = enc.finish().unwrap_or_default();
    (objects.iter().map(|(id, _)| *id).collect(), data, first)
}

/// Writes the document, with the serialized objects `raw`.
pub fn save(doc: &Document, raw: &Raw) -> Vec<u8> {
    let mut out: Vec<u8> = Vec::new();
    out.extend_from_slice(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n");
    let mut max_id = doc.max_id;
    for id in doc.objects.keys() {
        max_id = max_id.max(id.0);
    }
    for id in &raw.ids {
        max_id = max_id.max(*id);
    }
    // (type, field 2, field 3) per object number.
    let mut xref: Vec<(u8, u32, u16)> = vec![(0, 0, 0); max_id as usize + 1];
    let mut direct: Vec<(ObjectId, &Object)> = Vec::new();
    let mut packed: Vec<(ObjectId, Src)> = Vec::with_capacity(doc.objects.len() + raw.ids.len());
    for (id, o) in &doc.objects {
        if matches!(o, Object::Stream(_)) || id.1 != 0 {
            direct.push((*id, o));
        } else {
            packed.push((*id, Src::Obj(o)));
        }
    }
    for (i, id) in raw.ids.iter().enumerate() {
        packed.push(((*id, 0), Src::Raw(raw.get(i))));
    }
    let mut buf = Vec::new();
    for (id, o) in direct {
        if let Some(e) = xref.get_mut(id.0 as usize) {
            *e = (1, out.len() as u32, id.1);
        }
        buf.clear();
        write_object(&mut buf, o);
        let _ = writeln!(out, "{} {} obj", id.0, id.1);
        out.extend_from_slice(&buf);
        out.extend_from_slice(b"\nendobj\n");
    }
    // Object streams, serialized and compressed on two threads.
    let groups: Vec<&[(ObjectId, Src)]> = packed.chunks(PER_STREAM).collect();
    let mid = groups.len() / 2;
    let (a, b) = groups.split_at(mid);
    let (mut ra, rb) = std::thread::scope(|scope| {
        let hb = scope.spawn(|| b.iter().map(|g| pack(g)).collect::<Vec<_>>());
        let ra: Vec<_> = a.iter().map(|g| pack(g)).collect();
        (ra, hb.join().unwrap_or_default())
    });
    ra.extend(rb);
    for (ids, data, first) in ra {
        max_id += 1;
        let stm = max_id;
        xref.push((1, out.len() as u32, 0));
        let _ = write!(
            out,
            "{stm} 0 obj\n<</Type/ObjStm/N {}/First {first}/Filter/FlateDecode/Length {}>>\nstream\n",
            ids.len(),
            data.len()
        );
        out.extend_from_slice(&data);
        out.extend_from_slice(b"\nendstream\nendobj\n");
        for (k, id) in ids.iter().enumerate() {
            if let Some(e) = xref.get_mut(id.0 as usize) {
                *e = (2, stm, k as u16);
            }
        }
    }
    // The cross-reference stream.
    max_id += 1;
    let xref_id = max_id;
    let start = out.len() as u32;
    xref.push((1, start, 0));
    // Rows of 7 bytes, each behind a PNG "Up" predictor tag (neighbouring
    // rows differ little, so the differences compress to almost nothing).
    let mut rows = Vec::with_capacity(xref.len() * 7);
    for (t, f2, f3) in &xref {
        rows.push(*t);
        rows.extend_from_slice(&f2.to_be_bytes());
        rows.extend_from_slice(&f3.to_be_bytes());
    }
    // Object 0 is the head of the free list.
    rows[5] = 0xFF;
    rows[6] = 0xFF;
    let mut table = Vec::with_capacity(xref.len() * 8);
    for (i, row) in rows.chunks(7).enumerate() {
        table.push(2);
        if i == 0 {
            table.extend_from_slice(row);
        } else {
            let prev = &rows[(i - 1) * 7..i * 7];
            table.extend(row.iter().zip(prev).map(|(a, b)| a.wrapping_sub(*b)));
        }
    }
    let table = {
        use flate2::Compression;
        use flate2::write::ZlibEncoder;
        let mut enc = ZlibEncoder::new(Vec::new(), Compression::new(6));
        let _ = enc.write_all(&table);
        enc.finish().unwrap_or_default()
    };
    let mut d = Dictionary::new();
    d.set("Type", Object::Name(b"XRef".to_vec()));
    d.set("Size", Object::Integer(i64::from(max_id) + 1));
    d.set(
        "W",
        Object::Array(vec![
            Object::Integer(1),
            Object::Integer(4),
            Object::Integer(2),
        ]),
    );
    d.set("Filter", Object::Name(b"FlateDecode".to_vec()));
    let mut parms = Dictionary::new();
    parms.set("Predictor", Object::Integer(12));
    parms.set("Columns", Object::Integer(7));
    d.set("DecodeParms", Object::Dictionary(parms));
    for key in [b"Root".as_slice(), b"Info".as_slice(), b"ID".as_slice()] {
        if let Ok(v) = doc.trailer.get(key) {
            d.set(key.to_vec(), v.clone());
        }
    }
    let stream = Object::Stream(lopdf::Stream::new(d, table));
    buf.clear();
    write_object(&mut buf, &stream);
    let _ = writeln!(out, "{xref_id} 0 obj");
    out.extend_from_slice(&buf);
    let _ = write!(out, "\nendobj\nstartxref\n{start}\n%%EOF\n");
    out
}

#[cfg(test)]
mod tests {
    use lopdf::{Dictionary, Document, Object, Stream, StringFormat};

    #[test]
    fn what_is_written_reads_back() {
        let mut doc = Document::with_version("1.7");
        let mut d = Dictionary::new();
        d.set("S", Object::Name(b"P".to_vec()));
        d.set("Odd Name#", Object::Real(12.5));
        d.set(
            "T",
            Object::String(b"a (b) \\ c".to_vec(), StringFormat::Literal),
        );
        d.set(
            "U",
            Object::String(vec![0xFE, 0xFF, 0, b'x'], StringFormat::Hexadecimal),
        );
        d.set(
            "K",
            Object::Array(vec![
                Object::Integer(-3),
                Object::Null,
                Object::Boolean(true),
            ]),
        );
        let elem = doc.add_object(d);
        let stream = doc.add_object(Stream::new(Dictionary::new(), b"BT ET".to_vec()));
        let mut cat = Dictionary::new();
        cat.set("Type", Object::Name(b"Catalog".to_vec()));
        cat.set("E", Object::Reference(elem));
        cat.set("C", Object::Reference(stream));
        let mut raw = super::Raw::default();
        let raw_id = doc.new_object_id();
        raw.buf().extend_from_slice(b"<</S/Figure/Alt<FEFF0078>>>");
        raw.end(raw_id);
        cat.set("R", Object::Reference(raw_id));
        let root = doc.add_object(cat);
        doc.trailer.set("Root", Object::Reference(root));
        let bytes = super::save(&doc, &raw);
        let back = Document::load_mem(&bytes).expect("reads back");
        let e = back.get_dictionary(elem).expect("element");
        assert_eq!(
            e.get(b"S").and_then(Object::as_name).ok(),
            Some(b"P".as_slice())
        );
        assert_eq!(
            e.get(b"Odd Name#").and_then(Object::as_float).ok(),
            Some(12.5)
        );
        assert_eq!(
            e.get(b"T").and_then(Object::as_str).ok(),
            Some(b"a (b) \\ c".as_slice())
        );
        assert_eq!(
            e.get(b"U").and_then(Object::as_str).ok(),
            Some([0xFE, 0xFF, 0, b'x'].as_slice())
        );
        let s = back
            .get_object(stream)
            .and_then(Object::as_stream)
            .expect("stream");
        assert_eq!(s.content, b"BT ET");
        assert!(back.catalog().is_ok());
        let r = back.get_dictionary(raw_id).expect("raw object");
        assert_eq!(
            r.get(b"Alt").and_then(Object::as_str).ok(),
            Some([0xFE, 0xFF, 0, b'x'].as_slice())
        );
    }
}

//! Packs the finished file's plain objects into compressed object streams.
//!
//! krilla 0.8 writes every object on its own and uncompressed. In a tagged
//! plan that is about 100,000 structure elements, a few thousand links and
//! outline entries, and a cross-reference row for each: over half the file,
//! in dictionaries that differ in a few digits. PDF 1.5's object streams
//! hold such objects compressed, and a cross-reference stream finds them.
//! krilla does not write those yet (typst/pdf-writer#79 is where it is
//! discussed); until it does, this pass rewrites what krilla wrote:
//! streams are copied as they are, every other object moves into an object
//! stream, and the cross-reference table becomes a stream. Nothing is
//! renumbered or re-serialized, so the objects are byte for byte krilla's.
//!
//! The pass reads only the layout krilla writes (one cross-reference
//! section, generation 0, no encryption); a file it does not read back
//! that way is returned as it came.

use flate2::{Compress, Compression, FlushCompress, Status};
use rayon::prelude::*;
use std::cell::RefCell;
use std::fmt::Write as _;
use std::ops::Range;

/// Objects per object stream. A reader inflates a whole stream to reach
/// one object in it; a few hundred small dictionaries is what qpdf and
/// Acrobat write too, and already compresses as well as larger ones.
const PER_STREAM: usize = 200;

/// zlib's level 2: for the plan of 1,000 sections, 14.8 MB in 85 ms where
/// level 6 (what krilla uses for its streams) gives 14.2 MB in 160 ms.
const LEVEL: u32 = 2;

/// The file with its plain objects in object streams, or `pdf` unchanged
/// if it is not laid out as krilla writes it.
pub fn pack(pdf: Vec<u8>) -> Vec<u8> {
    match File::read(&pdf) {
        Some(file) => file.write(&pdf),
        None => pdf,
    }
}

/// Where a file's parts lie.
struct File {
    /// The header: the version line and the binary-marker comment.
    header: Range<usize>,
    /// Objects 1, 2, … by number.
    objects: Vec<Object>,
    /// The trailer's entries except `/Size`, as written.
    trailer: Vec<Range<usize>>,
}

/// One numbered object of the file.
struct Object {
    /// A stream: the whole `N 0 obj … endobj`, copied as it stands.
    /// Otherwise: its value, which goes into an object stream.
    bytes: Range<usize>,
    stream: bool,
}

impl File {
    fn read(pdf: &[u8]) -> Option<File> {
        let tail = rfind(pdf, b"startxref")?;
        let xref: usize = number(pdf, skip_space(pdf, tail + 9))?.0;
        if !pdf.get(xref..)?.starts_with(b"xref") {
            return None;
        }
        let at = skip_space(pdf, xref + 4);
        let (first, at) = number(pdf, at)?;
        let (count, at) = number(pdf, skip_space(pdf, at))?;
        let rows = skip_space(pdf, at);
        if first != 0 || count < 2 {
            return None;
        }
        let table = pdf.get(rows..rows.checked_add(count.checked_mul(20)?)?)?;
        let mut offsets = Vec::with_capacity(count - 1);
        for (i, row) in table.chunks_exact(20).enumerate() {
            let (offset, kind) = (&row[..10], &row[11..18]);
            match (i, kind) {
                (0, b"65535 f") => {}
                (1.., b"00000 n") => offsets.push(digits(offset)?),
                _ => return None,
            }
        }
        let trailer = skip_space(pdf, rows + table.len());
        let dict = skip_space(pdf, trailer.checked_add(7)?);
        if !pdf.get(trailer..dict)?.starts_with(b"trailer") {
            return None;
        }
        let entries = dict_entries(pdf, dict)?;
        let mut kept = Vec::new();
        for (key, whole) in entries {
            match &pdf[key] {
                b"/Size" => {}
                // An encrypted or updated file is not what krilla writes.
                b"/Encrypt" | b"/Prev" | b"/XRefStm" => return None,
                _ => kept.push(whole),
            }
        }
        let header = 0..*offsets.iter().min()?;
        let mut ends: Vec<usize> = offsets.clone();
        ends.push(xref);
        ends.sort_unstable();
        // Each object runs up to the next one in the file (or the table):
        // the offsets say where objects are, so nothing inside one (a
        // string that spells `endobj`, a stream's data) is mistaken for
        // its end.
        let objects = offsets
            .par_iter()
            .enumerate()
            .map(|(i, &start)| {
                let next = ends[ends.partition_point(|&e| e <= start)];
                let (n, at) = number(pdf, start)?;
                if n != i + 1 || !pdf.get(at..)?.starts_with(b" 0 obj") {
                    return None;
                }
                let value = skip_space(pdf, at + 6);
                let body = pdf
                    .get(start..next)?
                    .trim_ascii_end()
                    .strip_suffix(b"endobj")?;
                let body = body.trim_ascii_end();
                let end = start + body.len();
                // No value but a stream ends in the keyword `endstream`.
                let stream = body
                    .strip_suffix(b"endstream")
                    .is_some_and(|b| b.ends_with(b"\n") || b.ends_with(b"\r"));
                Some(match stream {
                    true => Object {
                        bytes: start..next,
                        stream,
                    },
                    false if value < end => Object {
                        bytes: value..end,
                        stream,
                    },
                    false => return None,
                })
            })
            .collect::<Option<Vec<Object>>>()?;
        Some(File {
            header,
            objects,
            trailer: kept,
        })
    }

    fn write(&self, pdf: &[u8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(pdf.len() / 2);
        out.extend_from_slice(&pdf[self.header.clone()]);
        let count = self.objects.len();
        // Where each object is: (type, field 2, field 3) of its
        // cross-reference row; object 0 heads the (empty) free list.
        let mut rows: Vec<(u8, u64, u16)> = vec![(0, 0, 65535); count + 1];
        for (i, o) in self.objects.iter().enumerate() {
            if o.stream {
                rows[i + 1] = (1, out.len() as u64, 0);
                out.extend_from_slice(&pdf[o.bytes.clone()]);
            }
        }
        let plain: Vec<usize> = (0..count).filter(|&i| !self.objects[i].stream).collect();
        // Each object stream's compressed data and the offset of its first
        // object (after the index of numbers and offsets).
        let groups: Vec<(Vec<u8>, usize)> = plain
            .par_chunks(PER_STREAM)
            .map(|group| {
                let mut index = String::new();
                let mut body = Vec::new();
                for &i in group {
                    // Writing into a String cannot fail.
                    let _ = write!(index, "{} {} ", i + 1, body.len());
                    body.extend_from_slice(&pdf[self.objects[i].bytes.clone()]);
                    body.push(b'\n');
                }
                index.push('\n');
                let first = index.len();
                let mut data = index.into_bytes();
                data.append(&mut body);
                (deflate(&data), first)
            })
            .collect();
        let mut number = count + 1;
        for (group, (data, first)) in plain.chunks(PER_STREAM).zip(&groups) {
            for (k, &i) in group.iter().enumerate() {
                rows[i + 1] = (2, number as u64, k as u16);
            }
            rows.push((1, out.len() as u64, 0));
            let dict = format!(
                "{number} 0 obj\n<</Type/ObjStm/N {}/First {first}/Filter/FlateDecode/Length {}>>\nstream\n",
                group.len(),
                data.len()
            );
            out.extend_from_slice(dict.as_bytes());
            out.extend_from_slice(data);
            out.extend_from_slice(b"\nendstream\nendobj\n\n");
            number += 1;
        }
        // The cross-reference stream lists itself too.
        let xref = out.len() as u64;
        rows.push((1, xref, 0));
        let widest = rows.iter().map(|r| r.1).max().unwrap_or(0);
        let width = (8 - (widest.leading_zeros() / 8) as usize).max(1);
        let mut table = Vec::with_capacity(rows.len() * (width + 3));
        for (kind, field, index) in &rows {
            table.push(*kind);
            table.extend_from_slice(&field.to_be_bytes()[8 - width..]);
            table.extend_from_slice(&index.to_be_bytes());
        }
        let table = deflate(&table);
        let mut dict = format!(
            "{number} 0 obj\n<</Type/XRef/Size {}/W[1 {width} 2]",
            rows.len()
        )
        .into_bytes();
        for entry in &self.trailer {
            dict.extend_from_slice(&pdf[entry.clone()]);
        }
        dict.extend_from_slice(
            format!("/Filter/FlateDecode/Length {}>>\nstream\n", table.len()).as_bytes(),
        );
        out.extend_from_slice(&dict);
        out.extend_from_slice(&table);
        out.extend_from_slice(
            format!("\nendstream\nendobj\n\nstartxref\n{xref}\n%%EOF").as_bytes(),
        );
        out
    }
}

/// `data` deflated, with a compressor kept for each thread: setting one up
/// clears some 300 kB of tables, as much work as compressing a small object
/// stream, and a tagged PDF has hundreds of those.
fn deflate(data: &[u8]) -> Vec<u8> {
    thread_local! {
        static COMPRESSOR: RefCell<Compress> =
            RefCell::new(Compress::new(Compression::new(LEVEL), true));
    }
    COMPRESSOR.with_borrow_mut(|z| {
        z.reset();
        let mut out = Vec::with_capacity(data.len() / 4 + 64);
        loop {
            let rest = &data[z.total_in() as usize..];
            // Compressing into memory fails only on a misuse of the stream.
            let status = z
                .compress_vec(rest, &mut out, FlushCompress::Finish)
                .expect("deflate into memory");
            if status == Status::StreamEnd {
                return out;
            }
            out.reserve(out.capacity().max(64));
        }
    })
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0')
}

fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

/// The first position at or after `at` that is neither white space nor
/// in a comment.
fn skip_space(pdf: &[u8], mut at: usize) -> usize {
    while let Some(&b) = pdf.get(at) {
        if is_space(b) {
            at += 1;
        } else if b == b'%' {
            while pdf.get(at).is_some_and(|&b| b != b'\n' && b != b'\r') {
                at += 1;
            }
        } else {
            break;
        }
    }
    at
}

/// The decimal number of ASCII `digits`.
fn digits(digits: &[u8]) -> Option<usize> {
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(digits).ok()?.parse().ok()
}

/// The unsigned integer at `at`, and the position after it.
fn number(pdf: &[u8], at: usize) -> Option<(usize, usize)> {
    let len = pdf
        .get(at..)?
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    Some((digits(&pdf[at..at + len])?, at + len))
}

/// The end of the regular characters (a name's, a number's, a keyword's)
/// from `at`.
fn token_end(pdf: &[u8], mut at: usize) -> usize {
    while pdf
        .get(at)
        .is_some_and(|&b| !is_space(b) && !is_delimiter(b))
    {
        at += 1;
    }
    at
}

/// A dictionary's entries at `at`: each key's range and its whole entry's
/// (key and value).
fn dict_entries(pdf: &[u8], at: usize) -> Option<Vec<(Range<usize>, Range<usize>)>> {
    if !pdf.get(at..)?.starts_with(b"<<") {
        return None;
    }
    let mut entries = Vec::new();
    let mut i = skip_space(pdf, at + 2);
    while !pdf.get(i..)?.starts_with(b">>") {
        if pdf[i] != b'/' {
            return None;
        }
        let key_end = token_end(pdf, i + 1);
        let value_end = skip_value(pdf, skip_space(pdf, key_end))?;
        entries.push((i..key_end, i..value_end));
        i = skip_space(pdf, value_end);
    }
    Some(entries)
}

/// The position after the PDF value that starts at `at` (white space
/// skipped first), or none where no value is.
fn skip_value(pdf: &[u8], at: usize) -> Option<usize> {
    let at = skip_space(pdf, at);
    match *pdf.get(at)? {
        b'<' if pdf.get(at + 1) == Some(&b'<') => {
            let mut i = skip_space(pdf, at + 2);
            while !pdf.get(i..)?.starts_with(b">>") {
                i = skip_space(pdf, skip_value(pdf, i)?);
            }
            Some(i + 2)
        }
        b'<' => Some(at + 1 + pdf.get(at + 1..)?.iter().position(|&b| b == b'>')? + 1),
        b'[' => {
            let mut i = skip_space(pdf, at + 1);
            while *pdf.get(i)? != b']' {
                i = skip_space(pdf, skip_value(pdf, i)?);
            }
            Some(i + 1)
        }
        b'(' => {
            let (mut depth, mut i) = (1usize, at + 1);
            while depth > 0 {
                match *pdf.get(i)? {
                    b'\\' => i += 1,
                    b'(' => depth += 1,
                    b')' => depth -= 1,
                    _ => {}
                }
                i += 1;
            }
            Some(i)
        }
        b'/' => Some(token_end(pdf, at + 1)),
        b'0'..=b'9' => {
            let end = token_end(pdf, at);
            // `12 0 R` is one value, a reference.
            let reference = number(pdf, at)
                .filter(|&(_, e)| e == end)
                .and_then(|_| number(pdf, skip_space(pdf, end)))
                .map(|(_, e)| skip_space(pdf, e))
                .filter(|&r| pdf.get(r) == Some(&b'R') && token_end(pdf, r) == r + 1);
            Some(reference.map_or(end, |r| r + 1))
        }
        b'+' | b'-' | b'.' | b'a'..=b'z' => Some(token_end(pdf, at)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::read::ZlibDecoder;
    use std::io::Read;

    /// A classic file of these object values (streams written as given),
    /// laid out as krilla lays out its files.
    fn classic(objects: &[&[u8]], trailer: &str) -> Vec<u8> {
        let mut pdf = b"%PDF-1.7\n%\x80\x80\x80\x80\n\n".to_vec();
        let mut offsets = Vec::new();
        for (i, o) in objects.iter().enumerate() {
            offsets.push(pdf.len());
            pdf.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
            pdf.extend_from_slice(o);
            pdf.extend_from_slice(b"\nendobj\n\n");
        }
        let xref = pdf.len();
        pdf.extend_from_slice(
            format!("xref\n0 {}\n0000000000 65535 f\r\n", objects.len() + 1).as_bytes(),
        );
        for o in offsets {
            pdf.extend_from_slice(format!("{o:010} 00000 n\r\n").as_bytes());
        }
        let size = objects.len() + 1;
        pdf.extend_from_slice(
            format!("trailer\n<</Size {size}{trailer}>>\nstartxref\n{xref}\n%%EOF").as_bytes(),
        );
        pdf
    }

    fn inflate(data: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        ZlibDecoder::new(data)
            .read_to_end(&mut out)
            .expect("zlib data");
        out
    }

    /// The stream data of the object starting at `at` (its `/Length` is
    /// direct, as this pass writes it).
    fn stream_at(pdf: &[u8], at: usize) -> (String, Vec<u8>) {
        let start = at + pdf[at..].windows(6).position(|w| w == b"stream").unwrap() + 7;
        let dict = String::from_utf8_lossy(&pdf[at..start]).to_string();
        let len: usize = dict
            .split("/Length ")
            .nth(1)
            .unwrap()
            .split(['>', '/'])
            .next()
            .unwrap()
            .parse()
            .unwrap();
        (dict, inflate(&pdf[start..start + len]))
    }

    /// Every object of a packed file, found through its cross-reference
    /// stream as a reader finds it: (number, bytes up to `endobj` or the
    /// value in its object stream).
    fn read_back(pdf: &[u8]) -> (String, Vec<Vec<u8>>) {
        let xref: usize = String::from_utf8_lossy(&pdf[rfind(pdf, b"startxref").unwrap() + 10..])
            .split_whitespace()
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let (dict, table) = stream_at(pdf, xref);
        let width: usize = dict.split("/W[1 ").nth(1).unwrap()[..1].parse().unwrap();
        let field = |b: &[u8]| b.iter().fold(0usize, |n, &d| n * 256 + d as usize);
        let rows: Vec<(u8, usize, usize)> = table
            .chunks_exact(width + 3)
            .map(|r| (r[0], field(&r[1..1 + width]), field(&r[1 + width..])))
            .collect();
        let mut objects = Vec::new();
        for &(kind, a, b) in &rows[1..] {
            objects.push(match kind {
                1 => {
                    let end = a + pdf[a..].windows(6).position(|w| w == b"endobj").unwrap();
                    pdf[a..end].to_vec()
                }
                2 => {
                    let (dict, data) = stream_at(pdf, rows[a].1);
                    let first: usize = dict
                        .split("/First ")
                        .nth(1)
                        .unwrap()
                        .split('/')
                        .next()
                        .unwrap()
                        .parse()
                        .unwrap();
                    let index: Vec<usize> = String::from_utf8_lossy(&data[..first])
                        .split_whitespace()
                        .map(|n| n.parse().unwrap())
                        .collect();
                    let start = first + index[2 * b + 1];
                    let end = index.get(2 * b + 3).map_or(data.len(), |o| first + o);
                    data[start..end].trim_ascii_end().to_vec()
                }
                _ => panic!("row of kind {kind}"),
            });
        }
        (dict, objects)
    }

    const TRICKY: &[&[u8]] = &[
        b"<</Type/Catalog/Pages 2 0 R/Lang(da)>>",
        b"<</Type/Pages/Count 0/Kids[]>>",
        // A string that spells what ends objects and dictionaries.
        b"<</T(endobj >> \\) (stream) x)/Alt<FEFF0041>/K[1 2 0 R[3]]/N -1.5/B true>>",
        b"<</Length 12>>\nstream\nendobj >> (\nendstream",
        b"[1 0 R 2 0 R /Name 3.25]",
        b"42",
    ];

    #[test]
    fn objects_read_back_byte_for_byte() {
        let pdf = classic(TRICKY, "/Root 1 0 R/ID[(a)(b)]");
        let packed = pack(pdf.clone());
        assert!(packed != pdf, "not packed");
        let (xref, objects) = read_back(&packed);
        assert!(xref.contains("/Root 1 0 R/ID[(a)(b)]"), "{xref}");
        assert!(
            !xref.contains("/Size 7/"),
            "the old size is not kept: {xref}"
        );
        // Objects 1–6, then the object stream and the cross-reference stream.
        assert_eq!(objects.len(), 8);
        for (i, want) in TRICKY.iter().enumerate() {
            let got = &objects[i];
            if i == 3 {
                assert!(got.starts_with(b"4 0 obj\n<</Length 12>>\nstream\n"));
            } else {
                assert_eq!(
                    String::from_utf8_lossy(got),
                    String::from_utf8_lossy(want),
                    "object {}",
                    i + 1
                );
            }
        }
    }

    #[test]
    fn many_objects_fill_several_streams() {
        let values: Vec<Vec<u8>> = (0..450)
            .map(|i| format!("<</Type/StructElem/S/P/K[{i}]>>").into_bytes())
            .collect();
        let refs: Vec<&[u8]> = values.iter().map(Vec::as_slice).collect();
        let pdf = classic(&refs, "/Root 1 0 R");
        let packed = pack(pdf.clone());
        assert!(
            packed.len() * 3 < pdf.len(),
            "{} of {}",
            packed.len(),
            pdf.len()
        );
        let (_, objects) = read_back(&packed);
        // 450 objects, 3 object streams, the cross-reference stream.
        assert_eq!(objects.len(), 454);
        for (got, want) in objects.iter().zip(&values) {
            assert_eq!(got, want);
        }
    }

    #[test]
    fn a_file_not_laid_out_as_expected_is_left_alone() {
        let mut two_sections = classic(TRICKY, "/Root 1 0 R");
        let at = rfind(&two_sections, b"xref\n0 7").unwrap();
        two_sections.splice(at..at + 8, b"xref\n0 3".iter().copied());
        let encrypted = classic(TRICKY, "/Root 1 0 R/Encrypt 3 0 R");
        // A row that does not point at its object.
        let mut astray = classic(TRICKY, "/Root 1 0 R");
        let at = rfind(&astray, b" 00000 n\r\n").unwrap() - 10;
        astray[at..at + 10].copy_from_slice(b"0000000020");
        // The trailer's dictionary is not closed.
        let mut open = classic(TRICKY, "/Root 1 0 R/ID[(a)(b)]");
        let at = rfind(&open, b"]>>").unwrap();
        open[at] = b'(';
        for pdf in [
            two_sections,
            encrypted,
            astray,
            open,
            b"not a PDF".to_vec(),
            Vec::new(),
        ] {
            assert_eq!(pack(pdf.clone()), pdf);
        }
    }
}

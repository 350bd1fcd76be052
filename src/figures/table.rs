//! The rows of a figures file: a CSV (`;` or `,` between the fields, UTF-8
//! or the Windows-1252 Danish Excel writes) or the first sheet of an
//! `.xlsx` workbook. Each cell keeps its row and column, so a refusal can
//! name them.

use crate::diagnostic::{Diagnostic, Hint, Message};
use crate::load::yaml::Pos;
use std::path::Path;

/// One cell as read: its text (a workbook's numbers already as numbers)
/// and where it stands: row and column, both from 1.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub value: CellValue,
    pub pos: Pos,
}

#[derive(Debug, Clone, PartialEq)]
pub enum CellValue {
    Text(String),
    /// A number a workbook stored as one.
    Number(f64),
    Empty,
}

/// The figures of a file: for each data row, its indicator, period and
/// value cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub rows: Vec<[Cell; 3]>,
    /// The file's text, for drawing a refusal with its row (CSV only).
    pub text: Option<String>,
    /// The field separator of a CSV; `None` for a workbook. A `;` file is
    /// written the Danish way: `.` groups thousands, `,` is the decimal mark.
    pub separator: Option<u8>,
}

/// The headings each column is known by (case is ignored).
const COLUMNS: [(&str, &[&str]); 3] = [
    ("indicator", &["indicator", "indikator", "id"]),
    ("period", &["period", "periode"]),
    ("value", &["value", "værdi", "vaerdi", "tal"]),
];

/// Reads `path` (named `shown` in messages).
pub fn read(path: &Path, shown: &str) -> Result<Table, Box<Diagnostic>> {
    let at_start = Pos { line: 1, column: 1 };
    let unreadable = |problem: String| {
        Box::new(Diagnostic::at(
            shown,
            at_start,
            Message::FiguresUnreadable { problem },
        ))
    };
    let xlsx = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    let (grid, text, separator) = if xlsx {
        (read_xlsx(path).map_err(unreadable)?, None, None)
    } else {
        let bytes = std::fs::read(path).map_err(|e| unreadable(e.to_string()))?;
        if bytes.len() as u64 > crate::limits::MAX_TEXT_FILE {
            return Err(unreadable(format!(
                "{} bytes is past the limit of {}",
                bytes.len(),
                crate::limits::MAX_TEXT_FILE
            )));
        }
        let text = decode(&bytes);
        let separator = sniff(&text);
        (read_csv(&text, separator), Some(text), Some(separator))
    };
    let Some((header, data)) = grid.split_first() else {
        return Err(Box::new(
            Diagnostic::at(
                shown,
                at_start,
                Message::FiguresColumnMissing {
                    column: "indicator".into(),
                },
            )
            .hint(Hint::FiguresColumns),
        ));
    };
    let mut index = [0usize; 3];
    for (k, (name, known)) in COLUMNS.iter().enumerate() {
        let found = header.iter().position(|c| match &c.value {
            CellValue::Text(t) => known.contains(&t.trim().to_lowercase().as_str()),
            _ => false,
        });
        index[k] = found.ok_or_else(|| {
            Box::new(
                Diagnostic::at(
                    shown,
                    header.first().map_or(at_start, |c| c.pos),
                    Message::FiguresColumnMissing {
                        column: (*name).into(),
                    },
                )
                .hint(Hint::FiguresColumns),
            )
        })?;
    }
    let rows = data
        .iter()
        .filter(|row| row.iter().any(|c| c.value != CellValue::Empty))
        .map(|row| {
            index.map(|i| {
                row.get(i).cloned().unwrap_or(Cell {
                    value: CellValue::Empty,
                    pos: Pos {
                        line: row.first().map_or(1, |c| c.pos.line),
                        column: i as u32 + 1,
                    },
                })
            })
        })
        .collect();
    Ok(Table {
        rows,
        text,
        separator,
    })
}

/// UTF-8 (without its byte-order mark), or else Windows-1252, which Danish
/// Excel writes a CSV in.
fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(t) => t.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    }
}

/// `;` when the heading line has one (Danish Excel), else `,`.
fn sniff(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    if first.contains(';') { b';' } else { b',' }
}

/// The cells of a CSV, with the column each field starts at in its line.
fn read_csv(text: &str, separator: u8) -> Vec<Vec<Cell>> {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut grid = Vec::new();
    for record in reader.records() {
        // A field the reader cannot split is kept as the rest of its line.
        let Ok(record) = record else { break };
        let line = record.position().map_or(1, |p| p.line()) as u32;
        let starts = field_columns(
            lines.get(line as usize - 1).copied().unwrap_or(""),
            separator,
        );
        grid.push(
            record
                .iter()
                .enumerate()
                .map(|(i, field)| Cell {
                    value: if field.trim().is_empty() {
                        CellValue::Empty
                    } else {
                        CellValue::Text(field.trim().to_string())
                    },
                    pos: Pos {
                        line,
                        column: starts.get(i).copied().unwrap_or(1),
                    },
                })
                .collect(),
        );
    }
    grid
}

/// The character column (from 1) each field of `line` starts at, quotes
/// respected.
fn field_columns(line: &str, separator: u8) -> Vec<u32> {
    let sep = char::from(separator);
    let mut starts = vec![1];
    let mut quoted = false;
    for (n, c) in line.chars().enumerate() {
        match c {
            '"' => quoted = !quoted,
            c if c == sep && !quoted => starts.push(n as u32 + 2),
            _ => {}
        }
    }
    starts
}

/// The cells of the first sheet of a workbook.
fn read_xlsx(path: &Path) -> Result<Vec<Vec<Cell>>, String> {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let mut book: Xlsx<_> = open_workbook(path).map_err(|e: calamine::XlsxError| e.to_string())?;
    let range = book
        .worksheet_range_at(0)
        .ok_or_else(|| "the workbook has no sheet".to_string())?
        .map_err(|e| e.to_string())?;
    let (top, left) = range.start().unwrap_or((0, 0));
    Ok(range
        .rows()
        .enumerate()
        .map(|(r, row)| {
            row.iter()
                .enumerate()
                .map(|(c, data)| Cell {
                    value: match data {
                        Data::Int(i) => CellValue::Number(*i as f64),
                        Data::Float(f) => CellValue::Number(*f),
                        Data::String(s) if s.trim().is_empty() => CellValue::Empty,
                        Data::String(s) => CellValue::Text(s.trim().to_string()),
                        Data::Bool(b) => CellValue::Text(b.to_string()),
                        Data::Empty => CellValue::Empty,
                        other => CellValue::Text(other.to_string()),
                    },
                    pos: Pos {
                        line: top + r as u32 + 1,
                        column: left + c as u32 + 1,
                    },
                })
                .collect()
        })
        .collect())
}

/// A figure as the file writes it, read as a number: `14,6` (decimal
/// comma), `1.234,5` and, in a `;` file, `2.500` (dots grouping
/// thousands), `14.6`; a trailing `%` is allowed. `None` when it is not one.
pub fn number(text: &str, separator: Option<u8>) -> Option<f64> {
    let t = text.trim().trim_end_matches('%').trim();
    let t: String = t.chars().filter(|c| !matches!(c, ' ' | '\u{a0}')).collect();
    let danish = separator == Some(b';') || separator.is_none();
    let plain = if t.contains(',') {
        // `1.234,5`: the dots group thousands, the comma is the decimal mark.
        if t.contains('.') && !grouped(t.split(',').next()?) {
            return None;
        }
        t.replace('.', "").replace(',', ".")
    } else if danish && t.contains('.') && grouped(&t) {
        t.replace('.', "")
    } else {
        t
    };
    let ok = !plain.is_empty()
        && plain
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+'));
    ok.then(|| plain.parse::<f64>().ok())
        .flatten()
        .filter(|n| n.is_finite())
}

/// `1.234` or `1.234.567`: digits in groups of three after the first.
fn grouped(t: &str) -> bool {
    let t = t.trim_start_matches(['-', '+']);
    let mut parts = t.split('.');
    let head = parts.next().unwrap_or("");
    let tail: Vec<&str> = parts.collect();
    (1..=3).contains(&head.len())
        && !tail.is_empty()
        && tail.iter().all(|g| g.len() == 3)
        && t.chars().all(|c| c.is_ascii_digit() || c == '.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danish_and_plain_numbers_are_read() {
        assert_eq!(number("14,6", Some(b';')), Some(14.6));
        assert_eq!(number("1.234,5", Some(b';')), Some(1234.5));
        assert_eq!(number("2.500", Some(b';')), Some(2500.0));
        assert_eq!(number("2.500", Some(b',')), Some(2.5));
        assert_eq!(number("14.6", Some(b';')), Some(14.6));
        assert_eq!(number("16,8 %", Some(b';')), Some(16.8));
        assert_eq!(number("ikke målt", Some(b';')), None);
        assert_eq!(number("1,2,3", Some(b';')), None);
        assert_eq!(number("", Some(b';')), None);
    }

    #[test]
    fn fields_know_their_columns() {
        assert_eq!(field_columns("a;\"b;c\";d", b';'), [1, 3, 9]);
        let grid = read_csv("indikator;periode;værdi\nV1.1;2026-Q3;14,6\n", b';');
        assert_eq!(
            grid[1][2].pos,
            Pos {
                line: 2,
                column: 14
            }
        );
        assert_eq!(grid[1][2].value, CellValue::Text("14,6".into()));
    }

    #[test]
    fn windows_1252_is_read_when_the_file_is_not_utf8() {
        assert_eq!(decode(b"v\xe6rdi"), "værdi");
        assert_eq!(decode(b"\xEF\xBB\xBFv\xc3\xa6rdi"), "værdi");
    }
}

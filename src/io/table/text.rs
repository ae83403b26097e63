//! CSV and other text files: their encoding, their delimiter, quotes never closed, one row at
//! a time.

use std::path::Path;

use super::{Cell, MAX_COLUMNS, ReadError, ReadIssue, Row, Sheet, check_size};

/// The text of a CSV file: UTF-8 (with or without a BOM), UTF-16 with a BOM ("Unicode text"
/// from Excel), or else Windows-1252, which Excel writes for "CSV (semicolon delimited)".
pub(super) fn read_text(path: &Path) -> Result<String, ReadError> {
    check_size(path)?;
    let bytes =
        std::fs::read(path).map_err(|e| ReadError::file(ReadIssue::Unreadable(e.to_string())))?;
    // UTF-16 with its BOM: its zero bytes are half of every character.
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Ok(decode(bytes));
    }
    // UTF-16 saved without its BOM: every other byte of its ASCII text is 0.
    let head = &bytes[..bytes.len().min(4096)];
    let pairs = head.len() / 2;
    let even = head.iter().step_by(2).filter(|b| **b == 0).count();
    let odd = head.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    if pairs > 0 && even * 10 >= pairs * 9 && odd == 0 {
        return Ok(utf16(&bytes, true));
    }
    if pairs > 0 && odd * 10 >= pairs * 9 && even == 0 {
        return Ok(utf16(&bytes, false));
    }
    // A program's file, an image, an archive: control bytes all through it. (A stray one in a
    // cell of a real table is that cell's problem, named by row and column.)
    let control = head
        .iter()
        .filter(|b| **b < 0x20 && !matches!(**b, b'\t' | b'\n' | b'\r'))
        .count();
    if control * 20 > head.len() {
        return Err(ReadError::file(ReadIssue::NotText {
            control,
            of: head.len(),
        }));
    }
    Ok(decode(bytes))
}

/// Decodes the bytes of a text file; see [`read_text`].
pub fn decode(bytes: Vec<u8>) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, false);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, true);
    }
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                text.drain(..3);
            }
            text
        }
        Err(e) => e.into_bytes().into_iter().map(windows_1252).collect(),
    }
}

/// UTF-16 text, big- or little-endian (a last odd byte is dropped).
fn utf16(bytes: &[u8], big_endian: bool) -> String {
    let units: Vec<u16> = bytes
        .chunks_exact(2)
        .map(|c| {
            if big_endian {
                u16::from_be_bytes([c[0], c[1]])
            } else {
                u16::from_le_bytes([c[0], c[1]])
            }
        })
        .collect();
    String::from_utf16_lossy(&units)
}

/// A byte of Windows-1252 as a character. The five bytes it leaves undefined become C1
/// control characters, which the note rule then refuses by position.
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH[(byte - 0x80) as usize],
        _ => byte as char,
    }
}

/// Excel in an Indonesian locale writes `;`; others `,` or tabs.
fn sniff_delimiter(header: &str) -> u8 {
    [b';', b'\t', b',']
        .into_iter()
        .max_by_key(|d| header.bytes().filter(|b| b == d).count())
        .filter(|d| header.as_bytes().contains(d))
        .unwrap_or(b',')
}

/// Where a quote opens that is never closed: the line and the 0-based field. The CSV reader
/// would otherwise take the rest of the file, rows and all, into that one cell.
fn unclosed_quote(text: &str, delimiter: u8) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let (mut line, mut field, mut at_start, mut quoted) = (1, 0, true, None);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if quoted.is_some() {
            if b == b'"' {
                if bytes.get(i + 1) == Some(&b'"') {
                    i += 1;
                } else {
                    quoted = None;
                }
            } else if b == b'\n' {
                line += 1;
            }
        } else if b == b'"' && at_start {
            quoted = Some((line, field));
            at_start = false;
        } else if b == delimiter {
            field += 1;
            at_start = true;
        } else if b == b'\n' {
            line += 1;
            field = 0;
            at_start = true;
        } else if b != b'\r' {
            at_start = false;
        }
        i += 1;
    }
    quoted
}

pub(super) struct CsvSheet<'a> {
    reader: csv::Reader<&'a [u8]>,
    /// The first line's cells, to name columns in messages.
    header: Vec<String>,
    record: csv::StringRecord,
    delimiter: u8,
    width: usize,
    size: u64,
}

impl<'a> CsvSheet<'a> {
    pub(super) fn new(text: &'a str) -> Result<CsvSheet<'a>, ReadError> {
        let delimiter = sniff_delimiter(text.lines().next().unwrap_or(""));
        let header: Vec<String> = text
            .lines()
            .next()
            .unwrap_or("")
            .split(delimiter as char)
            .map(|h| h.trim().trim_matches('"').to_string())
            .collect();
        let label = |index: usize| match header.get(index) {
            Some(name) if !name.is_empty() => name.clone(),
            _ => (index + 1).to_string(),
        };
        if let Some((line, field)) = unclosed_quote(text, delimiter) {
            return Err(ReadError {
                sheet: None,
                row: Some(line),
                column: Some(label(field)),
                issue: ReadIssue::UnclosedQuote,
            });
        }
        let reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        Ok(CsvSheet {
            reader,
            header,
            record: csv::StringRecord::new(),
            delimiter,
            width: MAX_COLUMNS,
            size: text.len() as u64,
        })
    }

    /// A cell over several lines whose later line reads like a row of its own (a date, then
    /// the delimiter): the quote that should have ended the cell is probably missing.
    fn swallowed_row(&self, cell: &str) -> Option<String> {
        cell.lines().skip(1).find_map(|line| {
            let first = line.split(self.delimiter as char).next()?;
            (line.contains(self.delimiter as char)
                && crate::domain::calendar::parse_date(first).is_ok())
            .then(|| line.chars().take(40).collect())
        })
    }
}

impl Sheet for CsvSheet<'_> {
    fn name(&self) -> Option<&str> {
        None
    }

    fn next_row(&mut self) -> Result<Option<Row>, ReadError> {
        loop {
            let line = self.reader.position().line() as usize;
            let more = self
                .reader
                .read_record(&mut self.record)
                .map_err(|e| ReadError {
                    sheet: None,
                    row: Some(line),
                    column: None,
                    issue: ReadIssue::Csv(e.to_string()),
                })?;
            if !more {
                return Ok(None);
            }
            let number = self
                .record
                .position()
                .map(|p| p.line() as usize)
                .unwrap_or(line);
            let mut cells = Vec::with_capacity(self.record.len().min(self.width));
            let mut beyond = None;
            for (index, text) in self.record.iter().enumerate() {
                if text.contains('\n')
                    && let Some(next) = self.swallowed_row(text)
                {
                    return Err(ReadError {
                        sheet: None,
                        row: Some(number),
                        column: Some(self.column_label(index)),
                        issue: ReadIssue::SwallowedRow(next),
                    });
                }
                let cell = if text.trim().is_empty() {
                    Cell::Empty
                } else {
                    Cell::Text(text.to_string())
                };
                if index < self.width {
                    cells.push(cell);
                } else if beyond.is_none() && !cell.is_empty() {
                    beyond = Some((index, cell));
                }
            }
            if cells.iter().all(Cell::is_empty) && beyond.is_none() {
                continue;
            }
            return Ok(Some(Row {
                number,
                cells,
                beyond,
            }));
        }
    }

    fn set_width(&mut self, width: usize) {
        self.width = width;
    }

    fn column_label(&self, index: usize) -> String {
        match self.header.get(index) {
            Some(name) if !name.is_empty() => name.clone(),
            _ => (index + 1).to_string(),
        }
    }

    fn position(&self) -> Option<(u64, u64)> {
        Some((self.reader.position().byte(), self.size))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Result<Vec<Row>, ReadError> {
        let mut sheet = CsvSheet::new(text)?;
        let mut out = Vec::new();
        while let Some(row) = sheet.next_row()? {
            out.push(row);
        }
        Ok(out)
    }

    #[test]
    fn reads_semicolon_csv_and_skips_blank_rows() {
        let text = decode(
            b"\xEF\xBB\xBFTanggal;Kecamatan;Perekaman\n05/10/2016;Torjun;1.240\n;;\n".to_vec(),
        );
        let rows = rows(&text).unwrap();
        assert_eq!(
            rows.len(),
            2,
            "the header and one row; the blank row is passed over"
        );
        assert_eq!(rows[0].cells[0], Cell::Text("Tanggal".to_string()));
        assert_eq!(rows[1].number, 2);
        assert_eq!(rows[1].cells[2], Cell::Text("1.240".to_string()));
    }

    #[test]
    fn a_quote_never_closed_is_found_where_it_opens() {
        let text = "a;b;c\n1;2;\"x\n3;4;5\n";
        assert_eq!(unclosed_quote(text, b';'), Some((2, 2)));
        assert_eq!(unclosed_quote("a;\"b \"\"c\"\"\";d\n", b';'), None);
        assert_eq!(
            unclosed_quote("a;5\"x;d\n", b';'),
            None,
            "a quote inside a cell is text"
        );
        let error = rows(text).unwrap_err();
        assert_eq!((error.row, error.column.as_deref()), (Some(2), Some("c")));
    }

    #[test]
    fn a_row_swallowed_by_a_late_quote_is_found() {
        let error = rows("a;b;c\n1;\"x\n2017-07-04;Sampang;\"\n").unwrap_err();
        assert_eq!((error.row, error.column.as_deref()), (Some(2), Some("b")));
        assert!(
            matches!(&error.issue, ReadIssue::SwallowedRow(next) if next.contains("2017-07-04;Sampang")),
            "{}",
            error.issue
        );
        let note = rows("a;b;c\n1;\"baris satu\nbaris dua\";3\n").unwrap();
        assert_eq!(
            note[1].cells[1],
            Cell::Text("baris satu\nbaris dua".to_string())
        );
    }

    #[test]
    fn cells_beyond_the_width_are_noticed_not_kept() {
        let mut sheet = CsvSheet::new("a,b\n1,2,,\n1,2,,x\n").unwrap();
        sheet.set_width(2);
        let first = sheet.next_row().unwrap().unwrap();
        sheet.next_row().unwrap();
        let second = sheet.next_row().unwrap().unwrap();
        assert_eq!(first.cells.len(), 2);
        assert_eq!(sheet.next_row().unwrap(), None);
        assert_eq!(second.beyond, Some((3, Cell::Text("x".to_string()))));
    }

    #[test]
    fn text_in_latin_1_and_utf_16_is_read() {
        assert_eq!(decode(b"Kec. Sokob\xE9;\x80 5".to_vec()), "Kec. Sokobé;€ 5");
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Tgl\tUnit".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(utf16), "Tgl\tUnit");
    }
}

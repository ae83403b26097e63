//! Spreadsheets and CSV files read one row at a time, with the row numbers a person sees in
//! Excel, so every problem can say where it is.
//!
//! Nothing here turns a missing value into a value: an empty cell is [`Cell::Empty`], a formula
//! whose result was never saved is [`Cell::Formula`], an error value is [`Cell::Error`]. A file
//! that cannot be read safely is refused before it is read: an archive that unpacks beyond
//! [`MAX_UNPACKED_BYTES`] or [`MAX_RATIO`] (a "zip bomb"), a CSV file over [`MAX_FILE_BYTES`],
//! a quote that is never closed.

use std::fmt;
use std::io::{BufReader, Read, Seek};
use std::path::Path;

use calamine::{DataRef, Reader, Xlsx, XlsxCellReader};
use chrono::NaiveDate;

/// One cell as the file holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// An Excel date (a serial number formatted as a date).
    Date(f64),
    Bool(bool),
    /// An error value such as `#DIV/0!`.
    Error(String),
    /// A formula whose result the file does not hold (it was never calculated and saved).
    Formula(String),
}

impl Cell {
    /// The cell as text, for messages and for text fields.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.clone(),
            Cell::Number(n) | Cell::Date(n) => {
                if n.fract() == 0.0 {
                    format!("{n:.0}")
                } else {
                    n.to_string()
                }
            }
            Cell::Bool(b) => b.to_string(),
            Cell::Error(e) => e.clone(),
            Cell::Formula(f) => format!("={f}"),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }
}

/// A CSV file larger than this is refused: a year of 1.000 units is a tenth of it.
pub const MAX_FILE_BYTES: u64 = 200 * 1024 * 1024;
/// A part of an XLSX/ODS archive (a sheet, the shared strings) may unpack to at most this.
pub const MAX_UNPACKED_BYTES: u64 = 200 * 1024 * 1024;
/// A part of an archive larger than [`RATIO_FROM_BYTES`] may unpack to at most this many times
/// its packed size. Real sheets pack 5–30 times.
pub const MAX_RATIO: u64 = 100;
const RATIO_FROM_BYTES: u64 = 4 * 1024 * 1024;
/// At most this many parts in an archive.
const MAX_ENTRIES: usize = 10_000;
/// Cells beyond the header are looked at up to this column; a row wider than a spreadsheet
/// allows is not a row.
const MAX_COLUMNS: usize = 16_384;

/// A problem reading the file, with where it is as far as it is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    pub sheet: Option<String>,
    pub row: Option<usize>,
    pub column: Option<String>,
    pub message: String,
}

impl ReadError {
    fn file(message: impl Into<String>) -> ReadError {
        ReadError {
            sheet: None,
            row: None,
            column: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if let Some(sheet) = &self.sheet {
            parts.push(format!("sheet {sheet}"));
        }
        if let Some(row) = self.row {
            parts.push(format!("row {row}"));
        }
        if let Some(column) = &self.column {
            parts.push(format!("column {column}"));
        }
        if parts.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", parts.join(", "), self.message)
        }
    }
}

/// One row with content.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The row number as the spreadsheet shows it (the line of a CSV file where it starts).
    pub number: usize,
    /// The cells up to the sheet's width (see [`Sheet::set_width`]); shorter when the row is.
    pub cells: Vec<Cell>,
    /// The first cell beyond the width that is not empty: its column (0-based) and content.
    pub beyond: Option<(usize, Cell)>,
}

/// A sheet (or the whole CSV file) being read.
pub trait Sheet {
    /// The sheet's name; `None` for a CSV file.
    fn name(&self) -> Option<&str>;
    /// The next row that has a cell with content; rows with nothing in them are passed over.
    fn next_row(&mut self) -> Result<Option<Row>, ReadError>;
    /// Cells from this column on are not kept, only noticed (see [`Row::beyond`]).
    fn set_width(&mut self, width: usize);
    /// A 0-based column as the user finds it: `C` in a spreadsheet, `3` in a CSV file.
    fn column_label(&self, index: usize) -> String;
    /// How far through its input the reader is, in bytes, and the input's size, when known.
    fn position(&self) -> Option<(u64, u64)> {
        None
    }
}

/// Reads a CSV, XLSX, XLS or ODS file, handing each sheet to `visit` in turn. A file that
/// cannot be opened, or that is refused as a whole, is an error before any sheet is visited.
/// `visit` returns `false` to stop.
pub fn read(path: &Path, visit: &mut dyn FnMut(&mut dyn Sheet) -> bool) -> Result<(), ReadError> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match extension.as_str() {
        "csv" | "txt" => {
            let text = read_text(path)?;
            let mut sheet = CsvSheet::new(&text)?;
            visit(&mut sheet);
            Ok(())
        }
        "xlsx" | "xlsm" => {
            check_archive(path)?;
            read_xlsx(path, visit)
        }
        "ods" => {
            check_archive(path)?;
            check_ods_extent(path)?;
            read_workbook(path, visit)
        }
        "xlsb" => {
            check_archive(path)?;
            read_workbook(path, visit)
        }
        "xls" => {
            check_size(path)?;
            read_workbook(path, visit)
        }
        other => Err(ReadError::file(format!(
            "'.{other}' files cannot be imported; use CSV, XLSX, XLS or ODS"
        ))),
    }
}

fn check_size(path: &Path) -> Result<u64, ReadError> {
    let size = std::fs::metadata(path)
        .map_err(|e| ReadError::file(format!("cannot read the file: {e}")))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(ReadError::file(format!(
            "the file is {}; files over {} are not imported — split it by year",
            megabytes(size),
            megabytes(MAX_FILE_BYTES)
        )));
    }
    Ok(size)
}

fn megabytes(bytes: u64) -> String {
    format!("{:.0} MB", bytes as f64 / (1024.0 * 1024.0))
}

/// The text of a CSV file: UTF-8 (with or without a BOM), UTF-16 with a BOM ("Unicode text"
/// from Excel), or else Windows-1252, which Excel writes for "CSV (semicolon delimited)".
fn read_text(path: &Path) -> Result<String, ReadError> {
    check_size(path)?;
    let bytes = std::fs::read(path).map_err(|e| ReadError::file(format!("cannot read: {e}")))?;
    Ok(decode(bytes))
}

/// Decodes the bytes of a text file; see [`read_text`].
pub fn decode(bytes: Vec<u8>) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        return String::from_utf16_lossy(&units);
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

struct CsvSheet<'a> {
    reader: csv::Reader<&'a [u8]>,
    /// The first line's cells, to name columns in messages.
    header: Vec<String>,
    record: csv::StringRecord,
    delimiter: u8,
    width: usize,
    size: u64,
}

impl<'a> CsvSheet<'a> {
    fn new(text: &'a str) -> Result<CsvSheet<'a>, ReadError> {
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
                message: "a quote (\") opens this cell and is never closed, so every row after \
                          it would land in this one cell; close the quote or remove it"
                    .to_string(),
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
                    message: e.to_string(),
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
                        message: format!(
                            "this cell runs over several lines and holds what looks like another \
                             row (\"{next}…\"); a closing quote (\") is probably missing"
                        ),
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

/// Looks inside an XLSX/ODS archive before anything reads it: every part must unpack within
/// [`MAX_UNPACKED_BYTES`] and, when large, within [`MAX_RATIO`] times its packed size. Each part
/// is unpacked into nothing to measure it, as the sizes an archive declares can lie.
pub fn check_archive(path: &Path) -> Result<(), ReadError> {
    let file =
        std::fs::File::open(path).map_err(|e| ReadError::file(format!("cannot read: {e}")))?;
    let mut archive = zip::ZipArchive::new(BufReader::new(file)).map_err(|e| {
        ReadError::file(format!(
            "this is not a readable workbook (a damaged or foreign file: {e})"
        ))
    })?;
    if archive.len() > MAX_ENTRIES {
        return Err(ReadError::file(format!(
            "the workbook has {} parts; a workbook has a few dozen",
            archive.len()
        )));
    }
    let mut buffer = vec![0u8; 64 * 1024];
    for index in 0..archive.len() {
        let mut part = archive
            .by_index(index)
            .map_err(|e| ReadError::file(format!("the workbook is damaged: {e}")))?;
        let name = part.name().map(|n| n.to_string()).unwrap_or_default();
        let packed = part.compressed_size();
        let refuse = |unpacked: u64| {
            let ratio = unpacked / packed.max(1);
            ReadError::file(format!(
                "the workbook's part {name} unpacks to more than {} ({}× its packed size of {}); \
                 the limits are {} and {MAX_RATIO}× — this is not a real office spreadsheet",
                megabytes(unpacked),
                ratio,
                megabytes(packed),
                megabytes(MAX_UNPACKED_BYTES),
            ))
        };
        let too_big = |unpacked: u64| {
            unpacked > MAX_UNPACKED_BYTES
                || (unpacked > RATIO_FROM_BYTES && unpacked > packed.saturating_mul(MAX_RATIO))
        };
        if too_big(part.size()) {
            return Err(refuse(part.size()));
        }
        let mut unpacked = 0u64;
        loop {
            let n = part
                .read(&mut buffer)
                .map_err(|e| ReadError::file(format!("the workbook's part {name}: {e}")))?;
            if n == 0 {
                break;
            }
            unpacked += n as u64;
            if too_big(unpacked) {
                return Err(refuse(unpacked));
            }
        }
    }
    Ok(())
}

/// The most cells an ODS sheet may span: its reader makes a grid of the sheet's whole extent,
/// and a few bytes of "repeat this row a million times" would make it gigabytes.
pub const MAX_ODS_CELLS: u64 = 5_000_000;

/// Measures each sheet of an ODS file as its reader will lay it out — rows from the first to
/// the last with a value, columns up to the last value, repeats counted — without building it.
fn check_ods_extent(path: &Path) -> Result<(), ReadError> {
    use quick_xml::events::Event;
    let damaged = |e: &dyn fmt::Display| ReadError::file(format!("the workbook is damaged: {e}"));
    let file =
        std::fs::File::open(path).map_err(|e| ReadError::file(format!("cannot read: {e}")))?;
    let mut archive = zip::ZipArchive::new(BufReader::new(file)).map_err(|e| damaged(&e))?;
    let content = archive.by_name("content.xml").map_err(|e| damaged(&e))?;
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(content));
    let repeats = |e: &quick_xml::events::BytesStart, name: &str| -> u64 {
        e.try_get_attribute(name)
            .ok()
            .flatten()
            .and_then(|a| a.value.parse().ok())
            .unwrap_or(1)
    };
    let mut buffer = Vec::new();
    let (mut sheet, mut row, mut row_repeats, mut column) = (String::new(), 0u64, 1u64, 0u64);
    let (mut first_row, mut last_row, mut width) = (None::<u64>, 0u64, 0u64);
    let mut row_has_value = false;
    loop {
        let event = xml.read_event_into(&mut buffer).map_err(|e| damaged(&e))?;
        let (start, empty) = match &event {
            Event::Start(e) => (Some(e.clone()), false),
            Event::Empty(e) => (Some(e.clone()), true),
            Event::End(e) => {
                match e.name().as_ref() {
                    "table:table-row" => {
                        if row_has_value {
                            first_row.get_or_insert(row);
                            last_row = row + row_repeats;
                        }
                        row += row_repeats;
                    }
                    "table:table" => {
                        let height = last_row.saturating_sub(first_row.unwrap_or(last_row));
                        if height.saturating_mul(width) > MAX_ODS_CELLS {
                            return Err(ReadError {
                                sheet: Some(sheet.clone()),
                                row: None,
                                column: None,
                                message: format!(
                                    "the sheet spans {height} rows × {width} columns; an ODS \
                                     sheet may span at most {MAX_ODS_CELLS} cells — save it as \
                                     XLSX or CSV"
                                ),
                            });
                        }
                    }
                    _ => {}
                }
                (None, false)
            }
            Event::Eof => break,
            _ => (None, false),
        };
        let Some(e) = start else {
            buffer.clear();
            continue;
        };
        match e.name().as_ref() {
            "table:table" => {
                sheet = e
                    .try_get_attribute("table:name")
                    .ok()
                    .flatten()
                    .map(|a| a.value.into_owned())
                    .unwrap_or_default();
                (row, first_row, last_row, width) = (0, None, 0, 0);
            }
            "table:table-row" => {
                row_repeats = repeats(&e, "table:number-rows-repeated");
                column = 0;
                row_has_value = false;
                if empty {
                    row += row_repeats;
                }
            }
            "table:table-cell" | "table:covered-table-cell" => {
                let count = repeats(&e, "table:number-columns-repeated");
                column = column.saturating_add(count);
                if e.try_get_attribute("office:value-type")
                    .ok()
                    .flatten()
                    .is_some()
                {
                    row_has_value = true;
                    width = width.max(column);
                }
            }
            _ => {}
        }
        buffer.clear();
    }
    Ok(())
}

/// An XLSX sheet read cell by cell: no grid of the sheet's whole extent is ever made.
struct XlsxSheet<'a, RS: Read + Seek> {
    name: String,
    cells: XlsxCellReader<'a, RS>,
    pending: Option<calamine::XlsxCellFormula<'a>>,
    width: usize,
    /// The cell stream has ended; asking it again is an error.
    done: bool,
}

impl<RS: Read + Seek> Sheet for XlsxSheet<'_, RS> {
    fn name(&self) -> Option<&str> {
        Some(&self.name)
    }

    fn next_row(&mut self) -> Result<Option<Row>, ReadError> {
        let error = |e: calamine::XlsxError| ReadError {
            sheet: Some(self.name.clone()),
            row: None,
            column: None,
            message: format!("the sheet cannot be read: {e}"),
        };
        loop {
            let first = match self.pending.take() {
                Some(cell) => cell,
                None if self.done => return Ok(None),
                None => match self.cells.next_cell_with_formula().map_err(error)? {
                    Some(cell) => cell,
                    None => {
                        self.done = true;
                        return Ok(None);
                    }
                },
            };
            let row = first.pos.0;
            let mut cells = Vec::new();
            let mut beyond = None;
            let mut next = Some(first);
            while let Some(cell) = next.take() {
                if cell.pos.0 != row {
                    self.pending = Some(cell);
                    break;
                }
                let column = cell.pos.1 as usize;
                let value = xlsx_cell(cell.value, cell.formula);
                if column < self.width {
                    if cells.len() <= column {
                        cells.resize(column + 1, Cell::Empty);
                    }
                    cells[column] = value;
                } else if beyond.is_none() && !value.is_empty() {
                    beyond = Some((column, value));
                }
                next = self.cells.next_cell_with_formula().map_err(error)?;
                self.done = next.is_none();
            }
            if cells.iter().all(Cell::is_empty) && beyond.is_none() {
                continue;
            }
            return Ok(Some(Row {
                number: row as usize + 1,
                cells,
                beyond,
            }));
        }
    }

    fn set_width(&mut self, width: usize) {
        self.width = width;
    }

    fn column_label(&self, index: usize) -> String {
        column_letters(index)
    }
}

fn xlsx_cell(value: DataRef<'_>, formula: Option<String>) -> Cell {
    match value {
        DataRef::Empty => match formula.filter(|f| !f.trim().is_empty()) {
            Some(formula) => Cell::Formula(formula),
            None => Cell::Empty,
        },
        DataRef::Int(i) => Cell::Number(i as f64),
        DataRef::Float(f) => Cell::Number(f),
        DataRef::String(s) => text_cell(s),
        DataRef::SharedString(s) => text_cell(s.to_string()),
        DataRef::Bool(b) => Cell::Bool(b),
        DataRef::DateTime(d) => Cell::Date(d.as_f64()),
        DataRef::DateTimeIso(s) => Cell::Text(s.chars().take(10).collect()),
        DataRef::DurationIso(s) => Cell::Text(s),
        DataRef::Error(e) => Cell::Error(e.to_string()),
    }
}

fn text_cell(text: String) -> Cell {
    if text.trim().is_empty() {
        Cell::Empty
    } else {
        Cell::Text(text)
    }
}

/// `A`, `B`, …, `Z`, `AA`, … as spreadsheets name their columns.
pub fn column_letters(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

fn read_xlsx(path: &Path, visit: &mut dyn FnMut(&mut dyn Sheet) -> bool) -> Result<(), ReadError> {
    let mut book: Xlsx<_> = calamine::open_workbook(path).map_err(|e: calamine::XlsxError| {
        ReadError::file(format!("cannot read the workbook: {e}"))
    })?;
    for name in book.sheet_names() {
        let cells = book.worksheet_cells_reader(&name).map_err(|e| ReadError {
            sheet: Some(name.clone()),
            row: None,
            column: None,
            message: format!("the sheet cannot be read: {e}"),
        })?;
        let mut sheet = XlsxSheet {
            name,
            cells,
            pending: None,
            width: MAX_COLUMNS,
            done: false,
        };
        if !visit(&mut sheet) {
            break;
        }
    }
    Ok(())
}

/// A sheet of an XLS, XLSB or ODS workbook, read whole (their readers have no cell stream;
/// the archive check and the file size bound what they hold).
struct RangeSheet {
    name: String,
    range: calamine::Range<calamine::Data>,
    next: usize,
    width: usize,
}

impl Sheet for RangeSheet {
    fn name(&self) -> Option<&str> {
        Some(&self.name)
    }

    fn next_row(&mut self) -> Result<Option<Row>, ReadError> {
        let Some((first_row, first_column)) = self.range.start() else {
            return Ok(None);
        };
        let width = self.range.width();
        while self.next < self.range.height() {
            let index = self.next;
            self.next += 1;
            let mut cells = vec![Cell::Empty; first_column as usize];
            let mut beyond = None;
            for offset in 0..width {
                let column = first_column as usize + offset;
                let Some(data) = self.range.get((index, offset)) else {
                    continue;
                };
                let value = data_cell(data);
                if column < self.width {
                    cells.push(value);
                } else if beyond.is_none() && !value.is_empty() {
                    beyond = Some((column, value));
                }
            }
            if cells.iter().all(Cell::is_empty) && beyond.is_none() {
                continue;
            }
            return Ok(Some(Row {
                number: first_row as usize + index + 1,
                cells,
                beyond,
            }));
        }
        Ok(None)
    }

    fn set_width(&mut self, width: usize) {
        self.width = width;
    }

    fn column_label(&self, index: usize) -> String {
        column_letters(index)
    }
}

fn read_workbook(
    path: &Path,
    visit: &mut dyn FnMut(&mut dyn Sheet) -> bool,
) -> Result<(), ReadError> {
    let mut workbook = calamine::open_workbook_auto(path)
        .map_err(|e| ReadError::file(format!("cannot read the workbook: {e}")))?;
    for name in workbook.sheet_names() {
        let range = workbook.worksheet_range(&name).map_err(|e| ReadError {
            sheet: Some(name.clone()),
            row: None,
            column: None,
            message: format!("the sheet cannot be read: {e}"),
        })?;
        let mut sheet = RangeSheet {
            name,
            range,
            next: 0,
            width: MAX_COLUMNS,
        };
        if !visit(&mut sheet) {
            break;
        }
    }
    Ok(())
}

fn data_cell(data: &calamine::Data) -> Cell {
    use calamine::Data;
    match data {
        Data::Empty => Cell::Empty,
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::String(s) => text_cell(s.clone()),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(d) => Cell::Date(d.as_f64()),
        Data::DateTimeIso(s) => Cell::Text(s.chars().take(10).collect()),
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Error(e.to_string()),
    }
}

/// An Excel serial date (days since 30 December 1899) as a date.
pub fn excel_serial_date(serial: f64) -> Option<NaiveDate> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    NaiveDate::from_ymd_opt(1899, 12, 30)?
        .checked_add_days(chrono::Days::new(serial.floor() as u64))
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
            error.message.contains("2017-07-04;Sampang"),
            "{}",
            error.message
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

    #[test]
    fn column_letters_as_spreadsheets_write_them() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(999), "ALL");
    }

    #[test]
    fn excel_serials_are_days_since_1899_12_30() {
        assert_eq!(
            excel_serial_date(42648.0),
            NaiveDate::from_ymd_opt(2016, 10, 5)
        );
        assert_eq!(excel_serial_date(0.0), None);
    }
}

//! Spreadsheets and CSV files read one row at a time, with the row numbers a person sees in
//! Excel, so every problem can say where it is.
//!
//! Nothing here turns a missing value into a value: an empty cell is [`Cell::Empty`], a formula
//! whose result was never saved is [`Cell::Formula`], an error value is [`Cell::Error`]. A file
//! that cannot be read safely is refused before it is read: an archive that unpacks beyond
//! [`MAX_UNPACKED_BYTES`] or [`MAX_RATIO`] (a "zip bomb"), a CSV file over [`MAX_FILE_BYTES`],
//! a quote that is never closed.

mod text;
mod workbook;

use std::fmt;
use std::path::Path;

use chrono::NaiveDate;

pub use text::decode;
pub use workbook::MAX_ODS_CELLS;
pub use workbook::check_archive;

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
    pub issue: ReadIssue,
}

/// What is wrong with the file as a table, before any of its values is looked at. The English
/// words are the `Display`; `crate::locale` has them in every language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadIssue {
    /// The operating system's words for why the file cannot be read.
    #[error("cannot read the file: {0}")]
    Unreadable(String),
    #[error("'.{0}' files cannot be imported; use CSV, XLSX, XLS or ODS")]
    Format(String),
    /// A "text" file with control bytes all through it: a program's file, not a table.
    #[error(
        "this is not a text file ({control} of its first {of} bytes are control bytes); save the \
         table as CSV, XLSX or ODS"
    )]
    NotText { control: usize, of: usize },
    #[error(
        "the file is {} MB; files over {} MB are not imported — split it by year",
        megabytes(*.bytes),
        megabytes(*.max)
    )]
    TooLarge { bytes: u64, max: u64 },
    #[error("this is not a readable workbook (a damaged or foreign file: {0})")]
    NotAWorkbook(String),
    #[error("the workbook has {0} parts; a workbook has a few dozen")]
    TooManyParts(usize),
    #[error("the workbook is damaged: {0}")]
    Damaged(String),
    #[error("the workbook's part {part}: {error}")]
    PartUnreadable { part: String, error: String },
    #[error(
        "the workbook's part {part} unpacks to more than {} MB ({}× its packed size of {} MB); \
         the limits are {} MB and {max_ratio}× — this is not a real office spreadsheet",
        megabytes(*.unpacked),
        .unpacked / (*.packed).max(1),
        megabytes(*.packed),
        megabytes(*.max)
    )]
    Bomb {
        part: String,
        unpacked: u64,
        packed: u64,
        max: u64,
        max_ratio: u64,
    },
    #[error("the sheet cannot be read: {0}")]
    SheetUnreadable(String),
    #[error(
        "the sheet spans {rows} rows × {columns} columns; an ODS sheet may span at most {max} \
         cells — save it as XLSX or CSV"
    )]
    SheetTooLarge { rows: u64, columns: u64, max: u64 },
    #[error(
        "a quote (\") opens this cell and is never closed, so every row after it would land in \
         this one cell; close the quote or remove it"
    )]
    UnclosedQuote,
    /// The CSV reader's own words.
    #[error("{0}")]
    Csv(String),
    #[error(
        "this cell runs over several lines and holds what looks like another row (\"{0}…\"); a \
         closing quote (\") is probably missing"
    )]
    SwallowedRow(String),
}

impl ReadError {
    fn file(issue: ReadIssue) -> ReadError {
        ReadError {
            sheet: None,
            row: None,
            column: None,
            issue,
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
            write!(f, "{}", self.issue)
        } else {
            write!(f, "{}: {}", parts.join(", "), self.issue)
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
            let text = text::read_text(path)?;
            let mut sheet = text::CsvSheet::new(&text)?;
            visit(&mut sheet);
            Ok(())
        }
        "xlsx" | "xlsm" => {
            check_archive(path)?;
            workbook::read_xlsx(path, visit)
        }
        "ods" => {
            check_archive(path)?;
            workbook::check_ods_extent(path)?;
            workbook::read_workbook(path, visit)
        }
        "xlsb" => {
            check_archive(path)?;
            workbook::read_workbook(path, visit)
        }
        "xls" => {
            check_size(path)?;
            workbook::read_workbook(path, visit)
        }
        other => Err(ReadError::file(ReadIssue::Format(other.to_string()))),
    }
}

fn check_size(path: &Path) -> Result<u64, ReadError> {
    let size = std::fs::metadata(path)
        .map_err(|e| ReadError::file(ReadIssue::Unreadable(e.to_string())))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(ReadError::file(ReadIssue::TooLarge {
            bytes: size,
            max: MAX_FILE_BYTES,
        }));
    }
    Ok(size)
}

/// Whole megabytes, for messages.
pub fn megabytes(bytes: u64) -> u64 {
    (bytes as f64 / (1024.0 * 1024.0)).round() as u64
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

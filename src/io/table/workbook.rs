//! Workbooks: XLSX read cell by cell; XLS, XLSB and ODS through calamine's whole-sheet reader;
//! every archive measured before it is read.

use std::fmt;
use std::io::{BufReader, Read, Seek};
use std::path::Path;

use calamine::{DataRef, Reader, Xlsx, XlsxCellReader};

use super::{
    Cell, MAX_COLUMNS, MAX_ENTRIES, MAX_RATIO, MAX_UNPACKED_BYTES, RATIO_FROM_BYTES, ReadError,
    ReadIssue, Row, Sheet, column_letters, text_cell,
};

/// Looks inside an XLSX/ODS archive before anything reads it: every part must unpack within
/// [`MAX_UNPACKED_BYTES`] and, when large, within [`MAX_RATIO`] times its packed size. Each part
/// is unpacked into nothing to measure it, as the sizes an archive declares can lie.
pub fn check_archive(path: &Path) -> Result<(), ReadError> {
    let file = std::fs::File::open(path)
        .map_err(|e| ReadError::file(ReadIssue::Unreadable(e.to_string())))?;
    let mut archive = zip::ZipArchive::new(BufReader::new(file))
        .map_err(|e| ReadError::file(ReadIssue::NotAWorkbook(e.to_string())))?;
    if archive.len() > MAX_ENTRIES {
        return Err(ReadError::file(ReadIssue::TooManyParts(archive.len())));
    }
    let mut buffer = vec![0u8; 64 * 1024];
    for index in 0..archive.len() {
        let mut part = archive
            .by_index(index)
            .map_err(|e| ReadError::file(ReadIssue::Damaged(e.to_string())))?;
        let name = part.name().map(|n| n.to_string()).unwrap_or_default();
        let packed = part.compressed_size();
        let refuse = |unpacked: u64| {
            ReadError::file(ReadIssue::Bomb {
                part: name.clone(),
                unpacked,
                packed,
                max: MAX_UNPACKED_BYTES,
                max_ratio: MAX_RATIO,
            })
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
            let n = part.read(&mut buffer).map_err(|e| {
                ReadError::file(ReadIssue::PartUnreadable {
                    part: name.clone(),
                    error: e.to_string(),
                })
            })?;
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
pub(super) fn check_ods_extent(path: &Path) -> Result<(), ReadError> {
    use quick_xml::events::Event;
    let damaged = |e: &dyn fmt::Display| ReadError::file(ReadIssue::Damaged(e.to_string()));
    let file = std::fs::File::open(path)
        .map_err(|e| ReadError::file(ReadIssue::Unreadable(e.to_string())))?;
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
                                issue: ReadIssue::SheetTooLarge {
                                    rows: height,
                                    columns: width,
                                    max: MAX_ODS_CELLS,
                                },
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
            issue: ReadIssue::SheetUnreadable(e.to_string()),
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

pub(super) fn read_xlsx(
    path: &Path,
    visit: &mut dyn FnMut(&mut dyn Sheet) -> bool,
) -> Result<(), ReadError> {
    let mut book: Xlsx<_> = calamine::open_workbook(path)
        .map_err(|e: calamine::XlsxError| ReadError::file(ReadIssue::Damaged(e.to_string())))?;
    for name in book.sheet_names() {
        let cells = book.worksheet_cells_reader(&name).map_err(|e| ReadError {
            sheet: Some(name.clone()),
            row: None,
            column: None,
            issue: ReadIssue::SheetUnreadable(e.to_string()),
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

pub(super) fn read_workbook(
    path: &Path,
    visit: &mut dyn FnMut(&mut dyn Sheet) -> bool,
) -> Result<(), ReadError> {
    let mut workbook = calamine::open_workbook_auto(path)
        .map_err(|e| ReadError::file(ReadIssue::Damaged(e.to_string())))?;
    for name in workbook.sheet_names() {
        let range = workbook.worksheet_range(&name).map_err(|e| ReadError {
            sheet: Some(name.clone()),
            row: None,
            column: None,
            issue: ReadIssue::SheetUnreadable(e.to_string()),
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

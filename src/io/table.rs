//! Spreadsheets and CSV files read into plain tables of cells, with the row numbers a person
//! sees in Excel, so every problem can say where it is.

use std::path::Path;

use calamine::{Data, Reader};
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

/// A sheet (or the whole CSV file): a header row and data rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The sheet's name; `None` for a CSV file.
    pub sheet: Option<String>,
    pub header: Vec<String>,
    /// Data rows with their row number in the file (1 is the header row).
    pub rows: Vec<(usize, Vec<Cell>)>,
}

/// Reads a CSV, XLSX, XLS or ODS file; every sheet with a header row becomes a table.
pub fn read(path: &Path) -> Result<Vec<Table>, String> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match extension.as_str() {
        "csv" | "txt" => {
            let bytes = std::fs::read(path).map_err(|e| format!("cannot read the file: {e}"))?;
            let text = String::from_utf8(bytes).map_err(|_| {
                "the file is not UTF-8 text; save it from Excel as \"CSV UTF-8\"".to_string()
            })?;
            read_csv(&text).map(|t| vec![t])
        }
        "xlsx" | "xlsm" | "xls" | "ods" => read_workbook(path),
        other => Err(format!(
            "'.{other}' files cannot be imported; use CSV, XLSX, XLS or ODS"
        )),
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

pub fn read_csv(text: &str) -> Result<Table, String> {
    let text = text.trim_start_matches('\u{feff}');
    let delimiter = sniff_delimiter(text.lines().next().unwrap_or(""));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(r)) => r.iter().map(|h| h.trim().to_string()).collect(),
        Some(Err(e)) => return Err(format!("row 1: {e}")),
        None => return Err("the file is empty".to_string()),
    };
    let mut rows = Vec::new();
    for (index, record) in records.enumerate() {
        let row = index + 2;
        let record = record.map_err(|e| format!("row {row}: {e}"))?;
        let cells: Vec<Cell> = record
            .iter()
            .map(|c| {
                if c.trim().is_empty() {
                    Cell::Empty
                } else {
                    Cell::Text(c.to_string())
                }
            })
            .collect();
        if cells.iter().all(Cell::is_empty) {
            continue;
        }
        rows.push((row, cells));
    }
    Ok(Table {
        sheet: None,
        header,
        rows,
    })
}

fn read_workbook(path: &Path) -> Result<Vec<Table>, String> {
    let mut workbook =
        calamine::open_workbook_auto(path).map_err(|e| format!("cannot read the workbook: {e}"))?;
    let mut tables = Vec::new();
    for name in workbook.sheet_names() {
        let range = workbook
            .worksheet_range(&name)
            .map_err(|e| format!("sheet {name}: {e}"))?;
        let Some((first_row, _)) = range.start() else {
            continue;
        };
        let mut rows = range.rows().enumerate();
        let Some((_, header)) = rows.next() else {
            continue;
        };
        let header: Vec<String> = header
            .iter()
            .map(|c| cell(c).text().trim().to_string())
            .collect();
        let mut data = Vec::new();
        for (index, row) in rows {
            let cells: Vec<Cell> = row.iter().map(cell).collect();
            if cells.iter().all(Cell::is_empty) {
                continue;
            }
            data.push((first_row as usize + index + 1, cells));
        }
        tables.push(Table {
            sheet: Some(name),
            header,
            rows: data,
        });
    }
    Ok(tables)
}

fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::String(s) => Cell::Text(s.clone()),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(d) => Cell::Date(d.as_f64()),
        Data::DateTimeIso(s) => Cell::Text(s.chars().take(10).collect()),
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Text(format!("#{e:?}")),
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

    #[test]
    fn reads_semicolon_csv_with_a_bom() {
        let table =
            read_csv("\u{feff}Tanggal;Kecamatan;Perekaman\n05/10/2016;Torjun;1.240\n;;\n").unwrap();
        assert_eq!(table.header, ["Tanggal", "Kecamatan", "Perekaman"]);
        assert_eq!(table.rows.len(), 1, "blank rows are skipped");
        assert_eq!(table.rows[0].0, 2);
        assert_eq!(table.rows[0].1[2], Cell::Text("1.240".to_string()));
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

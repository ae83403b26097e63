//! Importing daily reports and blank-card movements from CSV, XLSX, XLS or ODS.
//!
//! Every row is checked with the same rules as the entry grid; a file with any problem imports
//! nothing, and every problem names the file, sheet, row and column. Importing the same file
//! twice changes nothing the second time.

use std::fmt;
use std::path::Path;

use chrono::NaiveDate;

use super::table::{Cell, Table, excel_serial_date};
use crate::domain::calendar::parse_date;
use crate::domain::number::{CountParseError, MAX_COUNT, parse_count};
use crate::domain::rules::{self, RuleViolation};
use crate::domain::{Counts, DailyReport, Dataset, StockEvent, StockEventKind};
use crate::progress::Progress;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Reports,
    Stock,
}

/// A problem in the file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub sheet: Option<String>,
    /// Row number as the spreadsheet shows it (1 is the header row).
    pub row: Option<usize>,
    pub column: Option<String>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(sheet) = &self.sheet {
            write!(f, ", sheet {sheet}")?;
        }
        if let Some(row) = self.row {
            write!(f, ", row {row}")?;
        }
        if let Some(column) = &self.column {
            write!(f, ", column {column}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// What an import would do.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub reports: Vec<DailyReport>,
    pub events: Vec<StockEvent>,
    pub new: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub problems: Vec<Problem>,
}

impl Plan {
    /// `120 new, 3 updated, 0 unchanged`
    pub fn counts(&self) -> String {
        format!(
            "{} new, {} updated, {} unchanged",
            self.new, self.updated, self.unchanged
        )
    }
}

/// The accepted names of each column, compared without case, spaces or punctuation.
const DATE: &[&str] = &["tanggal", "tgl", "date"];
const UNIT: &[&str] = &["kecamatan", "unit", "unitkerja", "kantor"];
const RECORDED: &[&str] = &["perekaman", "rekam", "terekam", "recorded"];
const SENT: &[&str] = &["terkirim", "kirim", "sent", "senttocentral"];
const PRINTED: &[&str] = &["cetak", "pencetakan", "tercetak", "printed"];
const SUKET: &[&str] = &["suket", "suketissued", "suratketerangan"];
const SERVER: &[&str] = &["server", "serverok", "statusserver"];
const NOTE: &[&str] = &["catatan", "keterangan", "note", "notes"];
const KIND: &[&str] = &["jenis", "kind", "mutasi"];
const QUANTITY: &[&str] = &["jumlah", "quantity", "qty"];
const DOCUMENT: &[&str] = &["bast", "nobast", "dokumen", "nodokumen", "document"];
const COUNTERPARTY: &[&str] = &[
    "darikepada",
    "dari",
    "kepada",
    "sumber",
    "asal",
    "tujuan",
    "counterparty",
    "source",
];

fn normalize(header: &str) -> String {
    header
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Column positions of a table, by the names above.
struct Columns<'a> {
    table: &'a Table,
}

impl Columns<'_> {
    fn find(&self, names: &[&str]) -> Option<usize> {
        self.table
            .header
            .iter()
            .position(|h| names.contains(&normalize(h).as_str()))
    }

    fn name(&self, index: usize) -> String {
        self.table.header.get(index).cloned().unwrap_or_default()
    }
}

/// Which kind a table holds, from its columns.
fn detect(table: &Table) -> Kind {
    let columns = Columns { table };
    if columns.find(KIND).is_some() && columns.find(QUANTITY).is_some() {
        Kind::Stock
    } else {
        Kind::Reports
    }
}

/// A text cell as it was meant: a leading `'` that kept a spreadsheet from running it as a
/// formula (see [`super::export`]) is removed.
pub fn unescape(text: &str) -> String {
    let mut chars = text.chars();
    if chars.next() == Some('\'')
        && let Some(next) = chars.clone().next()
        && matches!(next, '=' | '+' | '-' | '@' | '\t' | '\r')
    {
        return chars.collect();
    }
    text.to_string()
}

fn count_cell(cell: &Cell) -> Result<u64, String> {
    let describe = |e: CountParseError| format!("'{}' {e}", cell.text());
    match cell {
        Cell::Empty => Ok(0),
        Cell::Number(n) | Cell::Date(n) => {
            if *n < 0.0 {
                Err(describe(CountParseError::Negative))
            } else if n.fract() != 0.0 {
                Err(describe(CountParseError::Fraction))
            } else if *n > MAX_COUNT as f64 {
                Err(describe(CountParseError::TooLarge))
            } else {
                Ok(*n as u64)
            }
        }
        Cell::Text(t) => parse_count(t).map_err(describe),
        Cell::Bool(_) => Err(describe(CountParseError::NotANumber)),
    }
}

fn date_cell(cell: &Cell) -> Result<NaiveDate, String> {
    match cell {
        Cell::Date(n) | Cell::Number(n) => {
            excel_serial_date(*n).ok_or_else(|| format!("{n} is not a date"))
        }
        Cell::Text(t) => parse_date(t),
        Cell::Empty => Err("the date is missing".to_string()),
        Cell::Bool(_) => Err(format!("'{}' is not a date", cell.text())),
    }
}

fn server_cell(cell: &Cell) -> Result<bool, String> {
    match cell {
        Cell::Empty => Ok(true),
        Cell::Bool(b) => Ok(*b),
        Cell::Number(n) => Ok(*n != 0.0),
        other => match normalize(&other.text()).as_str() {
            "ya" | "yes" | "ok" | "1" | "true" | "normal" | "hidup" | "online" => Ok(true),
            "tidak" | "no" | "0" | "false" | "down" | "mati" | "gangguan" | "offline" => Ok(false),
            _ => Err(format!(
                "'{}' is neither yes nor no (ya/tidak, ok/gangguan)",
                other.text()
            )),
        },
    }
}

fn stock_kind_cell(cell: &Cell) -> Result<StockEventKind, String> {
    let kind = match normalize(&cell.text()).as_str() {
        "receipt" | "penerimaan" | "terima" | "diterima" => StockEventKind::Receipt,
        "spoiled" | "rusak" => StockEventKind::Spoiled,
        "lent" | "dipinjamkan" | "pinjamkan" => StockEventKind::Lent,
        "borrowed" | "dipinjam" | "pinjam" => StockEventKind::Borrowed,
        "returnedout" | "dikembalikan" | "kembalikan" => StockEventKind::ReturnedOut,
        "returnedin" | "pengembalian" | "kembali" => StockEventKind::ReturnedIn,
        "count" | "stokopname" | "opname" | "hitung" => StockEventKind::Count,
        _ => {
            return Err(format!(
                "'{}' is not a kind of movement (penerimaan, rusak, dipinjamkan, dipinjam, \
                 dikembalikan, pengembalian, stok opname)",
                cell.text()
            ));
        }
    };
    Ok(kind)
}

/// Reads `path` and works out what importing it into `data` would do; nothing is written.
pub fn plan(data: &Dataset, path: &Path, kind: Option<Kind>, today: NaiveDate) -> Plan {
    // A progress nobody cancels: the plan is always whole.
    plan_with_progress(data, path, kind, today, &Progress::default()).unwrap_or_default()
}

/// The import was cancelled; nothing was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the import was cancelled; nothing was written")]
pub struct Cancelled;

/// Like [`plan`], reporting each row checked into `progress`, and stopping when it is
/// cancelled.
pub fn plan_with_progress(
    data: &Dataset,
    path: &Path,
    kind: Option<Kind>,
    today: NaiveDate,
    progress: &Progress,
) -> Result<Plan, Cancelled> {
    let file = path
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let tables = match super::table::read(path) {
        Ok(tables) => tables,
        Err(message) => {
            return Ok(Plan {
                problems: vec![Problem {
                    file,
                    sheet: None,
                    row: None,
                    column: None,
                    message,
                }],
                ..Plan::default()
            });
        }
    };
    plan_tables(data, &file, &tables, kind, today, progress)
}

/// Like [`plan`], for tables already read.
pub fn plan_tables(
    data: &Dataset,
    file: &str,
    tables: &[Table],
    kind: Option<Kind>,
    today: NaiveDate,
    progress: &Progress,
) -> Result<Plan, Cancelled> {
    let mut plan = Plan::default();
    let mut candidate = data.clone();
    let mut parsed_reports: Vec<(usize, Option<String>, DailyReport)> = Vec::new();
    let mut parsed_events: Vec<(usize, Option<String>, StockEvent)> = Vec::new();
    for table in tables
        .iter()
        .filter(|t| !t.rows.is_empty() || tables.len() == 1)
    {
        let problem = |row: Option<usize>, column: Option<String>, message: String| Problem {
            file: file.to_string(),
            sheet: table.sheet.clone(),
            row,
            column,
            message,
        };
        match kind.unwrap_or_else(|| detect(table)) {
            Kind::Reports => read_reports(data, table, &problem, &mut plan, &mut parsed_reports),
            Kind::Stock => read_events(table, &problem, &mut plan, &mut parsed_events),
        }
    }
    // Judge every row against the data with all of the file applied.
    for (_, _, report) in &parsed_reports {
        candidate.put_report(report.clone());
    }
    let next_id = candidate
        .stock_events
        .iter()
        .filter_map(|e| e.id)
        .max()
        .unwrap_or(0);
    for (i, (_, _, event)) in parsed_events.iter().enumerate() {
        candidate.stock_events.push(StockEvent {
            id: Some(next_id + 1 + i as i64),
            ..event.clone()
        });
    }
    progress.start(parsed_reports.len() + parsed_events.len());
    for (row, sheet, report) in &parsed_reports {
        if progress.is_cancelled() {
            return Err(Cancelled);
        }
        progress.advance(1);
        if let Err(violation) = rules::check_report(&candidate, report.unit_id, report.date, today)
        {
            plan.problems.push(Problem {
                file: file.to_string(),
                sheet: sheet.clone(),
                row: Some(*row),
                column: violation_column(&violation),
                message: violation.to_string(),
            });
        }
    }
    for (row, sheet, event) in &parsed_events {
        if progress.is_cancelled() {
            return Err(Cancelled);
        }
        progress.advance(1);
        let result = rules::check_stock_event(&candidate, event, today).and_then(|()| {
            if event.quantity == 0 && event.kind != StockEventKind::Count {
                Err(RuleViolation::Invalid {
                    at: rules::Place {
                        unit: None,
                        date: event.date,
                    },
                    what: format!("quantity of a {} must be more than 0", event.kind.as_str()),
                })
            } else {
                Ok(())
            }
        });
        if let Err(violation) = result {
            plan.problems.push(Problem {
                file: file.to_string(),
                sheet: sheet.clone(),
                row: Some(*row),
                column: Some("jumlah".to_string()),
                message: violation.to_string(),
            });
        }
    }
    for (_, _, report) in parsed_reports {
        match data.reports.get(&(report.unit_id, report.date)) {
            Some(stored) if *stored == report => plan.unchanged += 1,
            Some(_) => {
                plan.updated += 1;
                plan.reports.push(report);
            }
            None => {
                plan.new += 1;
                plan.reports.push(report);
            }
        }
    }
    for (_, _, event) in parsed_events {
        let same = |e: &StockEvent| {
            StockEvent {
                id: None,
                ..e.clone()
            } == event
        };
        if data.stock_events.iter().any(same) {
            plan.unchanged += 1;
        } else {
            plan.new += 1;
            plan.events.push(event);
        }
    }
    Ok(plan)
}

fn violation_column(violation: &RuleViolation) -> Option<String> {
    let name = match violation {
        RuleViolation::Cumulative { field, .. } => field.name(),
        RuleViolation::StockShortfall { .. } => "printed",
        RuleViolation::OutlierNeedsNote { outlier, .. } => outlier.field.name(),
        RuleViolation::FutureDate { .. } | RuleViolation::BeforeOpening { .. } => "date",
        RuleViolation::InactiveUnit { .. } | RuleViolation::UnknownUnit { .. } => "unit",
        _ => return None,
    };
    Some(name.to_string())
}

fn read_reports(
    data: &Dataset,
    table: &Table,
    problem: &dyn Fn(Option<usize>, Option<String>, String) -> Problem,
    plan: &mut Plan,
    out: &mut Vec<(usize, Option<String>, DailyReport)>,
) {
    let columns = Columns { table };
    let required = [
        ("tanggal/date", DATE),
        ("kecamatan/unit", UNIT),
        ("perekaman/recorded", RECORDED),
        ("terkirim/sent", SENT),
        ("cetak/printed", PRINTED),
    ];
    let mut found = Vec::new();
    for (name, names) in required {
        match columns.find(names) {
            Some(i) => found.push(i),
            None => {
                plan.problems.push(problem(
                    Some(1),
                    Some(name.to_string()),
                    format!(
                        "no column for {name}; the header row has: {}",
                        table.header.join(", ")
                    ),
                ));
            }
        }
    }
    let [date_col, unit_col, recorded_col, sent_col, printed_col] = found[..] else {
        return;
    };
    let suket_col = columns.find(SUKET);
    let server_col = columns.find(SERVER);
    let note_col = columns.find(NOTE);
    let get = |cells: &[Cell], i: usize| cells.get(i).cloned().unwrap_or(Cell::Empty);
    for (row, cells) in &table.rows {
        let mut bad = |column: usize, message: String| {
            plan.problems
                .push(problem(Some(*row), Some(columns.name(column)), message));
        };
        let date = date_cell(&get(cells, date_col)).map_err(|e| bad(date_col, e));
        let unit_text = get(cells, unit_col).text();
        let unit = data
            .find_unit(&unit_text)
            .map_err(|e| bad(unit_col, e.to_string()));
        let mut count = |column: Option<usize>| match column {
            None => Ok(0),
            Some(c) => count_cell(&get(cells, c)).map_err(|e| bad(c, e)),
        };
        let counts = (
            count(Some(recorded_col)),
            count(Some(sent_col)),
            count(Some(printed_col)),
            count(suket_col),
        );
        let server_ok = match server_col {
            Some(c) => server_cell(&get(cells, c)).map_err(|e| bad(c, e)),
            None => Ok(true),
        };
        let note = note_col
            .map(|c| unescape(get(cells, c).text().trim()))
            .unwrap_or_default();
        let (Ok(date), Ok(unit), (Ok(recorded), Ok(sent), Ok(printed), Ok(suket)), Ok(server_ok)) =
            (date, unit, counts, server_ok)
        else {
            continue;
        };
        if out
            .iter()
            .any(|(_, _, r)| r.unit_id == unit.id && r.date == date)
        {
            plan.problems.push(problem(
                Some(*row),
                Some(columns.name(unit_col)),
                format!("{} {date} is in the file twice", unit.name),
            ));
            continue;
        }
        out.push((
            *row,
            table.sheet.clone(),
            DailyReport {
                unit_id: unit.id,
                date,
                counts: Counts {
                    recorded,
                    sent_to_central: sent,
                    printed,
                    suket_issued: suket,
                },
                server_ok,
                note,
            },
        ));
    }
}

fn read_events(
    table: &Table,
    problem: &dyn Fn(Option<usize>, Option<String>, String) -> Problem,
    plan: &mut Plan,
    out: &mut Vec<(usize, Option<String>, StockEvent)>,
) {
    let columns = Columns { table };
    let (Some(date_col), Some(kind_col), Some(quantity_col)) = (
        columns.find(DATE),
        columns.find(KIND),
        columns.find(QUANTITY),
    ) else {
        plan.problems.push(problem(
            Some(1),
            None,
            format!(
                "a stock file needs the columns tanggal/date, jenis/kind and jumlah/quantity; \
                 the header row has: {}",
                table.header.join(", ")
            ),
        ));
        return;
    };
    let text = |cells: &[Cell], column: Option<usize>| {
        column
            .and_then(|c| cells.get(c))
            .map(|c| unescape(c.text().trim()))
            .unwrap_or_default()
    };
    let get = |cells: &[Cell], i: usize| cells.get(i).cloned().unwrap_or(Cell::Empty);
    for (row, cells) in &table.rows {
        let mut bad = |column: usize, message: String| {
            plan.problems
                .push(problem(Some(*row), Some(columns.name(column)), message));
        };
        let date = date_cell(&get(cells, date_col)).map_err(|e| bad(date_col, e));
        let kind = stock_kind_cell(&get(cells, kind_col)).map_err(|e| bad(kind_col, e));
        let quantity = count_cell(&get(cells, quantity_col)).map_err(|e| bad(quantity_col, e));
        let (Ok(date), Ok(kind), Ok(quantity)) = (date, kind, quantity) else {
            continue;
        };
        out.push((
            *row,
            table.sheet.clone(),
            StockEvent {
                id: None,
                date,
                kind,
                quantity,
                document: text(cells, columns.find(DOCUMENT)),
                counterparty: text(cells, columns.find(COUNTERPARTY)),
                note: text(cells, columns.find(NOTE)),
            },
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_match_without_case_or_spacing() {
        assert_eq!(normalize(" Server OK "), "serverok");
        assert_eq!(normalize("Dari / Kepada"), "darikepada");
    }

    #[test]
    fn formula_guards_are_removed() {
        assert_eq!(unescape("'=SUM(A1)"), "=SUM(A1)");
        assert_eq!(unescape("'biasa"), "'biasa");
        assert_eq!(unescape("-"), "-");
    }

    #[test]
    fn counts_from_spreadsheet_cells() {
        assert_eq!(count_cell(&Cell::Number(1240.0)), Ok(1240));
        assert_eq!(count_cell(&Cell::Text("1.240".into())), Ok(1240));
        assert!(
            count_cell(&Cell::Number(12.5))
                .unwrap_err()
                .contains("fraction")
        );
        assert!(
            count_cell(&Cell::Number(-1.0))
                .unwrap_err()
                .contains("negative")
        );
    }
}

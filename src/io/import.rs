//! Importing daily reports and blank-card movements from CSV, XLSX, XLS or ODS.
//!
//! Every value comes from the file: an empty or missing cell, a short row, a formula without a
//! saved result is a problem, never a 0. A file with any problem imports nothing, and every
//! problem names the file, sheet, row and column. The rows are judged with the same rules as
//! the entry grid, once for the whole file ([`crate::domain::judge`]); an outlier without a
//! note does not stop an office's history from coming in, it is flagged for review. Importing
//! the same file twice changes nothing the second time.

use std::collections::HashMap;
use std::fmt;
use std::io::Read;
use std::path::Path;

use chrono::NaiveDate;

use super::table::{self, Cell, ReadError, Row, Sheet, excel_serial_date};
use crate::domain::calendar::parse_date;
use crate::domain::dataset::normalize_name;
use crate::domain::judge::{Change, OutlierPolicy, judge};
use crate::domain::number::{CountParseError, MAX_COUNT, parse_count};
use crate::domain::rules::{self, Outlier, RuleViolation};
use crate::domain::{CountField, Counts, DailyReport, Dataset, StockEvent, StockEventKind, UnitId};
use crate::progress::Progress;
use crate::store::ImportSource;

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

/// An imported report with an outlier and no note: written, and flagged for review.
#[derive(Debug, Clone, PartialEq)]
pub struct Flagged {
    pub sheet: Option<String>,
    pub row: usize,
    pub unit: String,
    pub date: NaiveDate,
    pub outlier: Outlier,
}

/// What an import would do.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// The file, with its SHA-256 for the audit trail.
    pub source: ImportSource,
    /// Reports to write: new ones and changed ones.
    pub reports: Vec<DailyReport>,
    pub events: Vec<StockEvent>,
    pub new: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Reports that would be written with an outlier and no note.
    pub flagged: Vec<Flagged>,
    /// What the file holds that the import leaves aside, said so nobody wonders: sheets without
    /// the columns, columns Pantau does not know, optional columns that are missing.
    pub notes: Vec<String>,
    /// The first [`MAX_PROBLEMS`] problems.
    pub problems: Vec<Problem>,
    /// How many problems there are in all.
    pub problem_count: usize,
}

/// Problems kept to show; the rest are counted.
pub const MAX_PROBLEMS: usize = 1_000;

impl Plan {
    /// `120 new, 3 updated, 0 unchanged`
    pub fn counts(&self) -> String {
        format!(
            "{} new, {} updated, {} unchanged",
            self.new, self.updated, self.unchanged
        )
    }

    /// `; 14 outliers without a note, flagged for review` when there are any.
    pub fn flagged_text(&self) -> String {
        match self.flagged.len() {
            0 => String::new(),
            n => format!("; {n} outlier(s) without a note, flagged for review"),
        }
    }

    fn push_problem(&mut self, problem: Problem) {
        self.problem_count += 1;
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(problem);
        }
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
const DOCUMENT: &[&str] = &[
    "bast",
    "nobast",
    "bastdokumen",
    "dokumen",
    "nodokumen",
    "document",
];
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

/// A cell of a row: what it holds, or that the row ended before it.
fn get(row: &Row, column: usize) -> Option<&Cell> {
    row.cells.get(column)
}

/// Why a cell that must hold a value does not.
fn missing(cell: Option<&Cell>, what: &str) -> Option<String> {
    match cell {
        None => Some(format!(
            "the row ends before this column; {what} (there is no value to import)"
        )),
        Some(Cell::Formula(formula)) => Some(format!(
            "holds the formula ={formula} but not its result; open the file in Excel or \
             LibreOffice, let it calculate, and save it again"
        )),
        Some(Cell::Error(error)) => Some(format!("holds the error {error}; {what}")),
        Some(cell) if cell.is_empty() => Some(format!("is empty; {what}")),
        Some(_) => None,
    }
}

fn count_cell(cell: Option<&Cell>) -> Result<u64, String> {
    if let Some(message) = missing(cell, "fill in 0 if there was none") {
        return Err(message);
    }
    let cell = cell.unwrap_or(&Cell::Empty);
    let describe = |e: CountParseError| format!("'{}' {e}", cell.text());
    match cell {
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
        _ => Err(describe(CountParseError::NotANumber)),
    }
}

fn date_cell(cell: Option<&Cell>) -> Result<NaiveDate, String> {
    if let Some(message) = missing(cell, "every row needs its date") {
        return Err(message);
    }
    let cell = cell.unwrap_or(&Cell::Empty);
    match cell {
        Cell::Date(n) | Cell::Number(n) => {
            excel_serial_date(*n).ok_or_else(|| format!("{n} is not a date"))
        }
        Cell::Text(t) => parse_date(t),
        _ => Err(format!("'{}' is not a date", cell.text())),
    }
}

fn server_cell(cell: Option<&Cell>) -> Result<bool, String> {
    if let Some(message) = missing(cell, "write ya or tidak") {
        return Err(message);
    }
    match cell.unwrap_or(&Cell::Empty) {
        Cell::Bool(b) => Ok(*b),
        Cell::Number(n) if *n == 0.0 || *n == 1.0 => Ok(*n != 0.0),
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

/// A text cell (a note, a document number): may be empty; a formula without its result is not
/// a text, and the text obeys the note rule.
fn text_cell(cell: Option<&Cell>) -> Result<String, String> {
    let text = match cell {
        None => return Ok(String::new()),
        Some(Cell::Formula(formula)) => {
            return Err(format!(
                "holds the formula ={formula} but not its result; open the file in Excel or \
                 LibreOffice, let it calculate, and save it again"
            ));
        }
        Some(cell) => unescape(cell.text().trim()),
    };
    match rules::text_problem(&text) {
        Some(problem) => Err(problem.to_string()),
        None => Ok(text),
    }
}

fn stock_kind_cell(cell: Option<&Cell>) -> Result<StockEventKind, String> {
    if let Some(message) = missing(cell, "every movement needs its kind") {
        return Err(message);
    }
    let text = cell.map(Cell::text).unwrap_or_default();
    let kind = match normalize(&text).as_str() {
        "receipt" | "penerimaan" | "terima" | "diterima" => StockEventKind::Receipt,
        "spoiled" | "rusak" => StockEventKind::Spoiled,
        "lent" | "dipinjamkan" | "pinjamkan" => StockEventKind::Lent,
        "borrowed" | "dipinjam" | "pinjam" => StockEventKind::Borrowed,
        "returnedout" | "dikembalikan" | "kembalikan" => StockEventKind::ReturnedOut,
        "returnedin" | "pengembalian" | "kembali" => StockEventKind::ReturnedIn,
        "count" | "stokopname" | "opname" | "hitung" => StockEventKind::Count,
        _ => {
            return Err(format!(
                "'{text}' is not a kind of movement (penerimaan, rusak, dipinjamkan, dipinjam, \
                 dikembalikan, pengembalian, stok opname)"
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

/// SHA-256 of a file, in hex.
fn sha256_of(path: &Path) -> std::io::Result<String> {
    use sha2::Digest;
    let mut file = std::fs::File::open(path)?;
    let mut hasher = sha2::Sha256::new();
    let mut buffer = vec![0u8; 64 * 1024];
    loop {
        let n = file.read(&mut buffer)?;
        if n == 0 {
            break;
        }
        hasher.update(&buffer[..n]);
    }
    Ok(hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

/// Like [`plan`], counting the rows read into `progress`, and stopping when it is cancelled.
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
    let mut plan = Plan::default();
    let problem = |error: ReadError| Problem {
        file: file.clone(),
        sheet: error.sheet,
        row: error.row,
        column: error.column,
        message: error.message,
    };
    match sha256_of(path) {
        Ok(sha256) => {
            plan.source = ImportSource {
                file: file.clone(),
                sha256,
            }
        }
        Err(e) => {
            plan.push_problem(problem(ReadError {
                sheet: None,
                row: None,
                column: None,
                message: format!("cannot read the file: {e}"),
            }));
            return Ok(plan);
        }
    }
    progress.start(0);
    let mut reader = Reader::new(data, kind, progress);
    let result = table::read(path, &mut |sheet| reader.sheet(sheet, &mut plan, &file));
    if reader.cancelled || progress.is_cancelled() {
        return Err(Cancelled);
    }
    if let Err(error) = result {
        plan.push_problem(problem(error));
    }
    if reader.sheets_read == 0 && plan.problem_count == 0 {
        let message = reader
            .first_refusal
            .take()
            .unwrap_or_else(|| "the file has no rows".to_string());
        plan.push_problem(Problem {
            file: file.clone(),
            sheet: reader.first_refusal_sheet.take(),
            row: Some(1),
            column: None,
            message,
        });
    }
    let rows = reader.reports.len() + reader.events.len();
    judge_plan(data, &file, reader, today, &mut plan);
    if progress.is_cancelled() {
        return Err(Cancelled);
    }
    progress.start(rows);
    progress.advance(rows);
    Ok(plan)
}

/// A report or movement read from a row, with where it came from: kept small, as a history
/// file can hold a million of them.
struct FromRow<T> {
    /// Index into [`Reader::sheets`].
    sheet: u32,
    row: u32,
    value: T,
}

/// A sheet that was read: its name and the file's header for each column the rules name.
struct SheetColumns {
    name: Option<String>,
    columns: ColumnNames,
}

#[derive(Debug, Clone, Default)]
struct ColumnNames {
    unit: String,
    date: String,
    fields: [String; 4],
    note: String,
}

impl ColumnNames {
    fn of(&self, violation: &RuleViolation) -> Option<String> {
        let field = |f: CountField| {
            CountField::ALL
                .iter()
                .position(|x| *x == f)
                .map(|i| self.fields[i].clone())
        };
        let name = match violation {
            RuleViolation::Cumulative { field: f, .. } => field(*f)?,
            RuleViolation::StockShortfall { .. } => field(CountField::Printed)?,
            RuleViolation::OutlierNeedsNote { outlier, .. } => field(outlier.field)?,
            RuleViolation::FutureDate { .. } | RuleViolation::BeforeOpening { .. } => {
                self.date.clone()
            }
            RuleViolation::InactiveUnit { .. } | RuleViolation::UnknownUnit { .. } => {
                self.unit.clone()
            }
            RuleViolation::BadText { .. } => self.note.clone(),
            _ => return None,
        };
        Some(name)
    }
}

/// Reads sheets into reports and movements, one row at a time.
struct Reader<'a> {
    data: &'a Dataset,
    kind: Option<Kind>,
    progress: &'a Progress,
    units: HashMap<String, UnitId>,
    /// Where each unit and date was first read, to find a day in the file twice.
    seen: HashMap<(UnitId, NaiveDate), (u32, u32)>,
    sheets: Vec<SheetColumns>,
    reports: Vec<FromRow<DailyReport>>,
    events: Vec<FromRow<StockEvent>>,
    sheets_read: usize,
    first_refusal: Option<String>,
    first_refusal_sheet: Option<String>,
    cancelled: bool,
}

impl<'a> Reader<'a> {
    fn new(data: &'a Dataset, kind: Option<Kind>, progress: &'a Progress) -> Reader<'a> {
        Reader {
            data,
            kind,
            progress,
            units: data
                .units
                .iter()
                .map(|u| (normalize_name(&u.name), u.id))
                .collect(),
            seen: HashMap::new(),
            sheets: Vec::new(),
            reports: Vec::new(),
            events: Vec::new(),
            sheets_read: 0,
            first_refusal: None,
            first_refusal_sheet: None,
            cancelled: false,
        }
    }

    /// Reads one sheet; returns whether to go on with the next.
    fn sheet(&mut self, sheet: &mut dyn Sheet, plan: &mut Plan, file: &str) -> bool {
        let name = sheet.name().map(str::to_string);
        let problem = |row: Option<usize>, column: Option<String>, message: String| Problem {
            file: file.to_string(),
            sheet: name.clone(),
            row,
            column,
            message,
        };
        let header_row = match sheet.next_row() {
            Ok(Some(row)) => row,
            Ok(None) => return true,
            Err(e) => {
                plan.push_problem(problem(e.row, e.column, e.message));
                return true;
            }
        };
        let header: Vec<String> = header_row
            .cells
            .iter()
            .map(|c| c.text().trim().to_string())
            .collect();
        let width = header
            .iter()
            .rposition(|h| !h.is_empty())
            .map_or(0, |i| i + 1);
        let find = |names: &[&str]| {
            header
                .iter()
                .position(|h| names.contains(&normalize(h).as_str()))
        };
        let report_columns = [DATE, UNIT, RECORDED, SENT, PRINTED].map(find);
        let stock_columns = [DATE, KIND, QUANTITY].map(find);
        let is_reports = report_columns.iter().all(Option::is_some);
        let is_stock = stock_columns.iter().all(Option::is_some);
        let kind = match self.kind {
            Some(Kind::Reports) if is_reports => Kind::Reports,
            Some(Kind::Stock) if is_stock => Kind::Stock,
            None if is_reports => Kind::Reports,
            None if is_stock => Kind::Stock,
            wanted => {
                let message = match wanted {
                    Some(Kind::Stock) => format!(
                        "a stock file needs the columns tanggal/date, jenis/kind and \
                         jumlah/quantity; the header row has: {}",
                        header.join(", ")
                    ),
                    _ => {
                        let names = [
                            "tanggal/date",
                            "kecamatan/unit",
                            "perekaman/recorded",
                            "terkirim/sent",
                            "cetak/printed",
                        ];
                        let absent: Vec<&str> = names
                            .iter()
                            .zip(&report_columns)
                            .filter(|(_, c)| c.is_none())
                            .map(|(n, _)| *n)
                            .collect();
                        format!(
                            "no column for {}; the header row has: {}",
                            absent.join(", "),
                            header.join(", ")
                        )
                    }
                };
                if let Some(sheet_name) = &name {
                    plan.notes
                        .push(format!("sheet {sheet_name} left aside: {message}"));
                }
                if self.first_refusal.is_none() {
                    self.first_refusal = Some(message);
                    self.first_refusal_sheet = name.clone();
                }
                return true;
            }
        };
        self.sheets_read += 1;
        sheet.set_width(width);
        let used: Vec<Option<usize>> = match kind {
            Kind::Reports => [DATE, UNIT, RECORDED, SENT, PRINTED, SUKET, SERVER, NOTE]
                .map(find)
                .to_vec(),
            Kind::Stock => [DATE, KIND, QUANTITY, DOCUMENT, COUNTERPARTY, NOTE]
                .map(find)
                .to_vec(),
        };
        let where_ = name
            .as_ref()
            .map(|n| format!(" of sheet {n}"))
            .unwrap_or_default();
        for (index, h) in header.iter().enumerate().take(width) {
            if !used.contains(&Some(index)) {
                let label = if h.is_empty() {
                    sheet.column_label(index)
                } else {
                    h.clone()
                };
                plan.notes
                    .push(format!("column {label}{where_} is not imported"));
            }
        }
        if kind == Kind::Reports {
            if used[5].is_none() {
                plan.notes.push(format!(
                    "no Suket column{where_}: suket issued is 0 on every row"
                ));
            }
            if used[6].is_none() {
                plan.notes.push(format!(
                    "no Server column{where_}: the server is taken as working on every row"
                ));
            }
        }
        let label = |c: Option<usize>| c.map(|c| header[c].clone()).unwrap_or_default();
        let columns = ColumnNames {
            unit: label(used[1]),
            date: label(used[0]),
            fields: [used[2], used[3], used[4], used[5]].map(label),
            note: label(if kind == Kind::Reports {
                used[7]
            } else {
                used[5]
            }),
        };
        let sheet_index = self.sheets.len() as u32;
        self.sheets.push(SheetColumns {
            name: name.clone(),
            columns,
        });
        let mut rows = 0usize;
        loop {
            let row = match sheet.next_row() {
                Ok(Some(row)) => row,
                Ok(None) => break,
                Err(e) => {
                    plan.push_problem(problem(e.row, e.column, e.message));
                    break;
                }
            };
            rows += 1;
            if rows.is_multiple_of(256) {
                self.progress.advance(256);
                if self.progress.is_cancelled() {
                    self.cancelled = true;
                    return false;
                }
            }
            let mut bad = |column: String, message: String| {
                plan.push_problem(problem(Some(row.number), Some(column), message));
            };
            if let Some((index, cell)) = &row.beyond {
                let text: String = cell.text().chars().take(40).collect();
                bad(
                    sheet.column_label(*index),
                    format!(
                        "'{text}' is beyond the header's last column ({}); delete it, or give its \
                         column a header",
                        header[width - 1]
                    ),
                );
            }
            let column = |c: usize| header[c].clone();
            match kind {
                Kind::Reports => {
                    if let Some(report) = self.report(&row, &used, &column, &mut bad) {
                        let key = (report.unit_id, report.date);
                        if let Some((first_sheet, first_row)) =
                            self.seen.insert(key, (sheet_index, row.number as u32))
                        {
                            let first = match &self.sheets[first_sheet as usize].name {
                                Some(s) if first_sheet != sheet_index => {
                                    format!("sheet {s}, row {first_row}")
                                }
                                _ => format!("row {first_row}"),
                            };
                            bad(
                                column(used[1].unwrap_or(0)),
                                format!(
                                    "{} {} is in the file twice (first in {first})",
                                    self.data.unit_name(report.unit_id),
                                    report.date
                                ),
                            );
                            continue;
                        }
                        self.reports.push(FromRow {
                            sheet: sheet_index,
                            row: row.number as u32,
                            value: report,
                        });
                    }
                }
                Kind::Stock => {
                    if let Some(event) = event(&row, &used, &column, &mut bad) {
                        self.events.push(FromRow {
                            sheet: sheet_index,
                            row: row.number as u32,
                            value: event,
                        });
                    }
                }
            }
        }
        self.progress.advance(rows % 256);
        true
    }

    /// A report from a row, or `None` after saying what is wrong with each bad cell.
    fn report(
        &self,
        row: &Row,
        used: &[Option<usize>],
        column: &dyn Fn(usize) -> String,
        bad: &mut dyn FnMut(String, String),
    ) -> Option<DailyReport> {
        let [date_col, unit_col, recorded_col, sent_col, printed_col] =
            [used[0], used[1], used[2], used[3], used[4]].map(Option::unwrap_or_default);
        let mut ok = true;
        let mut check = |c: usize, result: Result<(), String>| {
            if let Err(message) = result {
                bad(column(c), message);
                ok = false;
            }
        };
        let date = date_cell(get(row, date_col));
        check(date_col, date.as_ref().map(|_| ()).map_err(Clone::clone));
        let unit = match missing(get(row, unit_col), "every row needs its unit") {
            Some(message) => Err(message),
            None => {
                let text = get(row, unit_col).map(Cell::text).unwrap_or_default();
                self.units
                    .get(&normalize_name(&text))
                    .copied()
                    .ok_or_else(|| {
                        RuleViolation::UnknownUnit {
                            name: text.trim().to_string(),
                            known: self.data.units.iter().map(|u| u.name.clone()).collect(),
                        }
                        .to_string()
                    })
            }
        };
        check(unit_col, unit.as_ref().map(|_| ()).map_err(Clone::clone));
        let mut count = |c: Option<usize>| match c {
            // An optional column the file does not have (said so in the plan's notes).
            None => Some(0),
            Some(c) => {
                let value = count_cell(get(row, c));
                check(c, value.as_ref().map(|_| ()).map_err(Clone::clone));
                value.ok()
            }
        };
        let counts = [
            Some(recorded_col),
            Some(sent_col),
            Some(printed_col),
            used[5],
        ]
        .map(&mut count);
        let server_ok = match used[6] {
            None => Some(true),
            Some(c) => {
                let value = server_cell(get(row, c));
                check(c, value.as_ref().map(|_| ()).map_err(Clone::clone));
                value.ok()
            }
        };
        let note = match used[7] {
            None => Some(String::new()),
            Some(c) => {
                let value = text_cell(get(row, c));
                check(c, value.as_ref().map(|_| ()).map_err(Clone::clone));
                value.ok()
            }
        };
        let (Ok(date), Ok(unit_id), [Some(recorded), Some(sent), Some(printed), Some(suket)]) =
            (date, unit, counts)
        else {
            return None;
        };
        Some(DailyReport {
            unit_id,
            date,
            counts: Counts {
                recorded,
                sent_to_central: sent,
                printed,
                suket_issued: suket,
            },
            server_ok: server_ok?,
            note: note?,
        })
        .filter(|_| ok)
    }
}

/// A stock movement from a row, or `None` after saying what is wrong with each bad cell.
fn event(
    row: &Row,
    used: &[Option<usize>],
    column: &dyn Fn(usize) -> String,
    bad: &mut dyn FnMut(String, String),
) -> Option<StockEvent> {
    let [date_col, kind_col, quantity_col] =
        [used[0], used[1], used[2]].map(Option::unwrap_or_default);
    let mut ok = true;
    let mut take = |c: usize, result: Result<(), String>| {
        if let Err(message) = result {
            bad(column(c), message);
            ok = false;
        }
    };
    let date = date_cell(get(row, date_col));
    take(date_col, date.as_ref().map(|_| ()).map_err(Clone::clone));
    let kind = stock_kind_cell(get(row, kind_col));
    take(kind_col, kind.as_ref().map(|_| ()).map_err(Clone::clone));
    let quantity = count_cell(get(row, quantity_col));
    take(
        quantity_col,
        quantity.as_ref().map(|_| ()).map_err(Clone::clone),
    );
    let mut text = |c: Option<usize>| match c {
        None => String::new(),
        Some(c) => {
            let value = text_cell(get(row, c));
            take(c, value.as_ref().map(|_| ()).map_err(Clone::clone));
            value.unwrap_or_default()
        }
    };
    let (document, counterparty, note) = (text(used[3]), text(used[4]), text(used[5]));
    let (Ok(date), Ok(kind), Ok(quantity)) = (date, kind, quantity) else {
        return None;
    };
    ok.then_some(StockEvent {
        id: None,
        date,
        kind,
        quantity,
        document,
        counterparty,
        note,
    })
}

/// Judges what was read against the data with all of it applied, and fills in the plan.
fn judge_plan(data: &Dataset, file: &str, reader: Reader<'_>, today: NaiveDate, plan: &mut Plan) {
    let Reader {
        mut reports,
        mut events,
        sheets,
        ..
    } = reader;
    let mut candidate = data.clone();
    // Rows that change nothing are counted and left out, in place.
    let mut keep = Vec::with_capacity(reports.len());
    for read in &reports {
        let report = &read.value;
        let changed = match candidate.put_report(report.clone()) {
            Some(old) if old == *report => {
                plan.unchanged += 1;
                false
            }
            Some(_) => {
                plan.updated += 1;
                true
            }
            None => {
                plan.new += 1;
                true
            }
        };
        keep.push(changed);
    }
    let mut kept = keep.into_iter();
    reports.retain(|_| kept.next().unwrap_or(false));
    let mut changes: Vec<Change> = reports
        .iter()
        .map(|r| Change::Report {
            unit: r.value.unit_id,
            date: r.value.date,
        })
        .collect();
    let same = |a: &StockEvent, b: &StockEvent| {
        (
            a.date,
            a.kind,
            a.quantity,
            &a.document,
            &a.counterparty,
            &a.note,
        ) == (
            b.date,
            b.kind,
            b.quantity,
            &b.document,
            &b.counterparty,
            &b.note,
        )
    };
    let mut stored: HashMap<NaiveDate, Vec<&StockEvent>> = HashMap::new();
    for event in &data.stock_events {
        stored.entry(event.date).or_default().push(event);
    }
    events.retain(|read| {
        let event = &read.value;
        let known = stored
            .get(&event.date)
            .is_some_and(|day| day.iter().any(|e| same(e, event)));
        if known {
            plan.unchanged += 1;
        } else {
            plan.new += 1;
        }
        !known
    });
    let mut next_id = data
        .stock_events
        .iter()
        .filter_map(|e| e.id)
        .max()
        .unwrap_or(0);
    for read in &events {
        next_id += 1;
        changes.push(Change::StockEvent {
            index: candidate.stock_events.len(),
        });
        candidate.stock_events.push(StockEvent {
            id: Some(next_id),
            ..read.value.clone()
        });
    }
    let judgement = judge(&candidate, &changes, today, OutlierPolicy::Flag);
    drop(candidate);
    for (&index, violation) in &judgement.refused {
        let (sheet, row, column) = match reports.get(index) {
            Some(read) => {
                let sheet = &sheets[read.sheet as usize];
                (sheet, read.row, sheet.columns.of(violation))
            }
            None => {
                let read = &events[index - reports.len()];
                let sheet = &sheets[read.sheet as usize];
                let column = match violation {
                    RuleViolation::BadText { .. } => sheet.columns.note.clone(),
                    RuleViolation::FutureDate { .. } => sheet.columns.date.clone(),
                    _ => sheet.columns.fields[0].clone(),
                };
                (sheet, read.row, Some(column))
            }
        };
        plan.push_problem(Problem {
            file: file.to_string(),
            sheet: sheet.name.clone(),
            row: Some(row as usize),
            column,
            message: violation.to_string(),
        });
    }
    for (&index, outliers) in &judgement.outliers {
        let Some(read) = reports.get(index) else {
            continue;
        };
        if let Some(outlier) = outliers.first()
            && read.value.note.trim().is_empty()
        {
            plan.flagged.push(Flagged {
                sheet: sheets[read.sheet as usize].name.clone(),
                row: read.row as usize,
                unit: data.unit_name(read.value.unit_id),
                date: read.value.date,
                outlier: outlier.clone(),
            });
        }
    }
    plan.reports = reports.into_iter().map(|r| r.value).collect();
    plan.events = events.into_iter().map(|r| r.value).collect();
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
        let count = |cell: Cell| count_cell(Some(&cell));
        assert_eq!(count(Cell::Number(1240.0)), Ok(1240));
        assert_eq!(count(Cell::Text("1.240".into())), Ok(1240));
        assert!(count(Cell::Number(12.5)).unwrap_err().contains("fraction"));
        assert!(count(Cell::Number(-1.0)).unwrap_err().contains("negative"));
    }

    #[test]
    fn nothing_stands_in_for_a_missing_count() {
        let count = |cell: Option<Cell>| count_cell(cell.as_ref());
        assert!(
            count(Some(Cell::Empty))
                .unwrap_err()
                .starts_with("is empty")
        );
        assert!(
            count(Some(Cell::Text("  ".into())))
                .unwrap_err()
                .starts_with("is empty")
        );
        assert!(
            count(None)
                .unwrap_err()
                .starts_with("the row ends before this column")
        );
        assert!(
            count(Some(Cell::Formula("1+1".into())))
                .unwrap_err()
                .contains("=1+1 but not its result")
        );
        assert!(
            count(Some(Cell::Error("#DIV/0!".into())))
                .unwrap_err()
                .contains("#DIV/0!")
        );
        assert!(server_cell(Some(&Cell::Empty)).is_err());
        assert!(server_cell(Some(&Cell::Number(7.0))).is_err());
    }
}

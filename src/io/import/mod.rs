//! Importing daily reports and blank-card movements from CSV, XLSX, XLS or ODS.
//!
//! Every value comes from the file: an empty or missing cell, a short row, a formula without a
//! saved result is a problem, never a 0. A file with any problem imports nothing, and every
//! problem names the file, sheet, row and column. The rows are judged with the same rules as
//! the entry grid, once for the whole file ([`crate::domain::judge`]); an outlier without a
//! note does not stop an office's history from coming in, it is flagged for review. Importing
//! the same file twice changes nothing the second time.

mod cells;
mod holidays;
mod issue;
mod keyed;
mod openings;
mod reader;
mod recap;
mod targets;
mod units;

use std::collections::HashMap;
use std::fmt;
use std::io::Read;
use std::path::Path;

use chrono::NaiveDate;

use super::table::{self, ReadError, ReadIssue};
use crate::domain::judge::{Change, OutlierPolicy, add_stock_events, judge};
use crate::domain::rules::{Outlier, Place};
use crate::domain::{
    CountField, Counts, DailyReport, Dataset, PrrCounts, PrrField, RuleViolation, StockEvent,
    UnitId,
};
use crate::progress::Progress;
use crate::store::ImportSource;

pub use cells::unescape;
pub use holidays::{HolidayPlan, plan_holidays};
pub use issue::{FirstSeen, Issue, Need, Note, Wanted, column_list};
pub use openings::{OpeningPlan, plan_openings};
use reader::Reader;
pub use recap::{Measure, Month, parse_month};
pub use targets::{TargetPlan, plan_targets};
pub use units::{UnitRow, read_units};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Reports,
    Stock,
}

/// A problem in the file, with where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub file: String,
    pub sheet: Option<String>,
    /// Row number as the spreadsheet shows it (1 is the header row).
    pub row: Option<usize>,
    pub column: Option<String>,
    pub issue: Issue,
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
        write!(f, ": {}", self.issue)
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
    pub notes: Vec<Note>,
    /// The first [`MAX_PROBLEMS`] problems.
    pub problems: Vec<Problem>,
    /// How many problems there are in all.
    pub problem_count: usize,
}

/// Problems kept to show; the rest are counted.
pub const MAX_PROBLEMS: usize = 1_000;

/// Problems shown where a person reads them (the command line, the app); the rest counted.
pub const SHOWN_PROBLEMS: usize = 20;

/// The problems found in a file: the first [`MAX_PROBLEMS`] kept, every one counted, so that
/// a file of a million bad rows takes no more memory than one of a thousand.
#[derive(Debug, Clone, Default)]
pub struct Problems {
    pub first: Vec<Problem>,
    pub count: usize,
}

impl Problems {
    pub fn push(&mut self, problem: Problem) {
        self.count += 1;
        if self.first.len() < MAX_PROBLEMS {
            self.first.push(problem);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }
}

impl Plan {
    fn push_problem(&mut self, problem: Problem) {
        self.problem_count += 1;
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(problem);
        }
    }
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
    plan_cumulative(data, path, kind, false, today, progress)
}

/// How a file is read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    pub kind: Option<Kind>,
    /// The count (and stage) columns are totals to date: see [`plan_cumulative`].
    pub cumulative: bool,
    /// The month of a recap whose day columns, title and sheet names give none.
    pub month: Option<Month>,
}

/// Like [`plan_with_progress`]; with `cumulative`, a report file's count (and stage) columns
/// are each unit's totals to date ("s.d. hari ini"): a row's day counts are its totals less the
/// unit's totals up to the day before (the file's earlier rows and what is stored), and a total
/// lower than that is refused by file, row and column.
pub fn plan_cumulative(
    data: &Dataset,
    path: &Path,
    kind: Option<Kind>,
    cumulative: bool,
    today: NaiveDate,
    progress: &Progress,
) -> Result<Plan, Cancelled> {
    let options = Options {
        kind,
        cumulative,
        month: None,
    };
    plan_with(data, path, &options, today, progress)
}

/// Like [`plan_cumulative`], with every option.
pub fn plan_with(
    data: &Dataset,
    path: &Path,
    options: &Options,
    today: NaiveDate,
    progress: &Progress,
) -> Result<Plan, Cancelled> {
    let (kind, cumulative) = (options.kind, options.cumulative);
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
        issue: error.issue.into(),
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
                issue: ReadIssue::Unreadable(e.to_string()),
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
    // No sheet is a long table of reports: perhaps the file is the recap sheets offices keep.
    if reader.sheets_read == 0 && plan.problem_count == 0 && kind != Some(Kind::Stock) {
        let recap = recap::Recap::read(path, &reader, &file, options.month, today);
        if recap.found() {
            recap.into_reports(&mut reader, &mut plan, &file);
        }
    }
    if reader.sheets_read == 0 && plan.problem_count == 0 {
        let issue = reader.first_refusal.take().unwrap_or(Issue::NoRows);
        plan.push_problem(Problem {
            file: file.clone(),
            sheet: reader.first_refusal_sheet.take(),
            row: Some(1),
            column: None,
            issue,
        });
    }
    let rows = reader.reports.len() + reader.events.len();
    if cumulative {
        to_day_counts(data, &file, &mut reader, &mut plan);
    }
    judge_plan(data, &file, reader, today, &mut plan);
    rest_days(data, &mut plan);
    if progress.is_cancelled() {
        return Err(Cancelled);
    }
    progress.start(rows);
    progress.advance(rows);
    Ok(plan)
}

/// Turns the totals to date read into the day's counts, unit by unit in date order: each row
/// less the unit's totals up to the day before — its previous row's totals, with what is stored
/// between them. A row whose total is lower is refused (and left out), naming both figures.
fn to_day_counts(data: &Dataset, file: &str, reader: &mut Reader<'_>, plan: &mut Plan) {
    use std::collections::BTreeMap;
    let mut by_unit: BTreeMap<UnitId, Vec<usize>> = BTreeMap::new();
    for (index, read) in reader.reports.iter().enumerate() {
        by_unit.entry(read.value.unit_id).or_default().push(index);
    }
    let mut refused = vec![false; reader.reports.len()];
    for (unit, mut rows) in by_unit {
        rows.sort_by_key(|&i| reader.reports[i].value.date);
        let first = reader.reports[rows[0]].value.date;
        let before = first.pred_opt().unwrap_or(first);
        let mut counts = data.totals(unit, before);
        let mut stage = data.prr_totals(unit, before);
        let mut last = before;
        for &index in &rows {
            let date = reader.reports[index].value.date;
            // What is stored between the previous row and this one counts too.
            for stored in data
                .reports
                .range((unit, last.succ_opt().unwrap_or(last))..(unit, date))
                .map(|(_, r)| r)
            {
                counts.add(&stored.counts);
                stage = match (stage, stored.prr) {
                    (Some(mut sum), Some(day)) => {
                        sum.add(&day);
                        Some(sum)
                    }
                    _ => None,
                };
            }
            last = date;
            let read = &mut reader.reports[index];
            let sheet = &reader.sheets[read.sheet as usize];
            let at = Place {
                unit: Some(data.unit_name(unit)),
                date,
            };
            let mut refuse = |column: &str, violation: RuleViolation| {
                plan.push_problem(Problem {
                    file: file.to_string(),
                    sheet: sheet.name.clone(),
                    row: Some(read.row as usize),
                    column: Some(column.to_string()).filter(|c| !c.is_empty()),
                    issue: Issue::Rule(violation),
                });
            };
            let totals = read.value.counts;
            let mut ok = true;
            for (i, field) in CountField::ALL.into_iter().enumerate() {
                let (total, previous) = (totals.get(field), counts.get(field));
                if total < previous {
                    refuse(
                        &sheet.columns.fields[i],
                        RuleViolation::BelowPrevious {
                            at: at.clone(),
                            field: field.name(),
                            total,
                            previous,
                        },
                    );
                    ok = false;
                }
            }
            let stage_totals = read.value.prr;
            if let Some(totals) = &stage_totals {
                match &stage {
                    None => {
                        refuse(
                            &sheet.columns.stage[0],
                            RuleViolation::PreviousUnknown {
                                at: at.clone(),
                                field: "prr",
                            },
                        );
                        ok = false;
                    }
                    Some(previous) => {
                        for (i, field) in PrrField::ALL.into_iter().enumerate() {
                            let (total, before) = (totals.get(field), previous.get(field));
                            if total < before {
                                refuse(
                                    &sheet.columns.stage[i],
                                    RuleViolation::BelowPrevious {
                                        at: at.clone(),
                                        field: field.name(),
                                        total,
                                        previous: before,
                                    },
                                );
                                ok = false;
                            }
                        }
                    }
                }
            }
            if !ok {
                refused[index] = true;
                // The next row is read against this one's totals as typed.
                counts = totals;
                stage = stage_totals;
                continue;
            }
            let mut day = Counts::default();
            for field in CountField::ALL {
                let value = totals.get(field) - counts.get(field);
                match field {
                    CountField::Recorded => day.recorded = value,
                    CountField::SentToCentral => day.sent_to_central = value,
                    CountField::Printed => day.printed = value,
                    CountField::SuketIssued => day.suket_issued = value,
                }
            }
            read.value.counts = day;
            read.value.prr = match (stage_totals, stage) {
                (Some(t), Some(p)) => {
                    let mut d = PrrCounts::default();
                    for field in PrrField::ALL {
                        d.set(field, t.get(field) - p.get(field));
                    }
                    Some(d)
                }
                _ => None,
            };
            counts = totals;
            stage = stage_totals.or(stage);
        }
    }
    let mut keep = refused.into_iter();
    reader.reports.retain(|_| !keep.next().unwrap_or(false));
}

/// Says which reports are for weekends or holidays (Idul Fitri's cuti bersama, say): taken, but
/// a clerk should know the calendar has them as rest days.
fn rest_days(data: &Dataset, plan: &mut Plan) {
    let days: std::collections::BTreeSet<NaiveDate> = plan
        .reports
        .iter()
        .map(|r| r.date)
        .filter(|d| !data.calendar.is_working_day(*d))
        .collect();
    let (Some(first), Some(last)) = (days.first(), days.last()) else {
        return;
    };
    let mut holidays: Vec<String> = Vec::new();
    for day in &days {
        if let Some(h) = data.calendar.holiday(*day)
            && !holidays.contains(&h.name)
        {
            holidays.push(h.name.clone());
        }
    }
    plan.notes.push(Note::RestDays {
        first: *first,
        last: *last,
        count: plan
            .reports
            .iter()
            .filter(|r| days.contains(&r.date))
            .count(),
        holidays,
    });
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
    // A sheet without the centre's stage says nothing of it: a stored report keeps its PRR.
    for read in &mut reports {
        if read.value.prr.is_none()
            && sheets[read.sheet as usize].columns.stage[0].is_empty()
            && let Some(stored) = data.reports.get(&(read.value.unit_id, read.value.date))
        {
            read.value.prr = stored.prr;
        }
    }
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
    changes.extend(add_stock_events(
        &mut candidate,
        events.iter().map(|read| &read.value),
    ));
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
                (sheet, read.row, sheet.columns.of(violation))
            }
        };
        plan.push_problem(Problem {
            file: file.to_string(),
            sheet: sheet.name.clone(),
            row: Some(row as usize),
            column,
            issue: Issue::Rule(violation.clone()),
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

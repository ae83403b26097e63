//! The CSV files inside a bundle: what each holds, written and read back. Every file is UTF-8
//! with a header row; a reader finds columns by name, so a later Pantau may add columns. A
//! value that cannot be read is refused with the file, row and column (rows are counted as a
//! spreadsheet shows them: the header is row 1).

use chrono::NaiveDate;

use crate::domain::calendar::parse_date;
use crate::domain::sync::revision;
use crate::domain::{
    Counts, DailyReport, Deadline, Holiday, HolidayKind, OpeningBalance, Outage, OutageCause,
    PrrCounts, PrrField, PrrOpening, Target, UnitId,
};
use crate::store::exchange::{Conflict, ConflictStatus};
use crate::store::{SentOutage, SentReport};

pub const REPORTS: &str = "reports.csv";
pub const OUTAGES: &str = "outages.csv";
pub const TARGETS: &str = "targets.csv";
pub const OPENING: &str = "opening.csv";
pub const PRR_OPENING: &str = "prr-opening.csv";
pub const DEADLINES: &str = "deadlines.csv";
pub const HOLIDAYS: &str = "holidays.csv";
pub const ACKS: &str = "acks.csv";
pub const CONFLICTS: &str = "conflicts.csv";
/// Every table a bundle may hold, by its file name in the bundle.
pub const ENTRIES: [&str; 9] = [
    REPORTS,
    OUTAGES,
    TARGETS,
    OPENING,
    PRR_OPENING,
    DEADLINES,
    HOLIDAYS,
    ACKS,
    CONFLICTS,
];

/// A value in a bundle's file that cannot be read, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}, row {row}, column {column}: {issue}")]
pub struct RowProblem {
    pub file: String,
    pub row: usize,
    pub column: String,
    pub issue: RowIssue,
}

/// What is wrong with a value (worded by `crate::locale::exchange`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RowIssue {
    #[error("not CSV: {0}")]
    NotCsv(String),
    #[error("the column is missing")]
    MissingColumn,
    #[error("the row ends before this column")]
    ShortRow,
    #[error("empty, while the row's other PRR, DUP and Efac cells are not")]
    MissingCell,
    #[error("{0:?} is not a date")]
    NotADate(String),
    #[error("{0:?} is not a whole number of 0 or more")]
    NotACount(String),
    #[error("{0:?} is not 0 or 1")]
    NotAFlag(String),
    #[error("{found:?} is not the bundle's unit ({expected})")]
    OtherUnit { found: String, expected: String },
    #[error("does not match the row's values")]
    RevisionMismatch,
    #[error("{0} appears twice")]
    Twice(NaiveDate),
    #[error("a unit has one opening balance")]
    TwoOpenings,
    #[error("{0:?} is not libur or cuti_bersama")]
    HolidayKind(String),
    #[error("{0:?} is not a conflict status")]
    ConflictStatus(String),
    #[error("not a report: {0}")]
    NotAReport(String),
    #[error("{0:?} is not an outage cause")]
    OutageCause(String),
    #[error("{0:?} is not a number")]
    NotANumber(String),
    #[error("{0:?} is not a kind of stock movement")]
    StockKind(String),
    #[error("{0:?} is not kecamatan or district")]
    UnitKind(String),
    #[error("unit {0} is not in the bundle's list of units")]
    UnknownUnitKey(u64),
}

const REPORT_COLUMNS: [&str; 16] = [
    "unit",
    "date",
    "recorded",
    "sent_to_central",
    "printed",
    "suket_issued",
    "server_ok",
    "note",
    "deleted",
    "base_revision",
    "revision",
    "entered_by",
    "prr",
    "dup",
    "efac",
    "efac_retaken",
];

/// A report's PRR, DUP, Efac and retaken as four cells; empty where unknown.
pub(super) fn prr_cells(prr: Option<&PrrCounts>) -> [String; 4] {
    match prr {
        Some(p) => [p.prr, p.dup, p.efac, p.efac_retaken].map(|n| n.to_string()),
        None => Default::default(),
    }
}

pub(super) fn csv_bytes(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    // Writing to memory does not fail.
    let _ = writer.write_record(header);
    for row in rows {
        let _ = writer.write_record(&row);
    }
    writer.into_inner().unwrap_or_default()
}

/// The report changes of `unit_name`, each with the base it was changed from.
pub fn reports_csv(unit_name: &str, changes: &[SentReport]) -> Vec<u8> {
    csv_bytes(
        &REPORT_COLUMNS,
        changes.iter().map(|change| {
            let mut row = vec![unit_name.to_string(), change.date.to_string()];
            match &change.report {
                Some(r) => {
                    let c = &r.counts;
                    row.extend([
                        c.recorded.to_string(),
                        c.sent_to_central.to_string(),
                        c.printed.to_string(),
                        c.suket_issued.to_string(),
                        u8::from(r.server_ok).to_string(),
                        r.note.clone(),
                        "0".into(),
                    ]);
                }
                None => row.extend(["", "", "", "", "", "", "1"].map(String::from)),
            }
            row.push(change.base.clone().unwrap_or_default());
            row.push(change.report.as_ref().map(revision).unwrap_or_default());
            row.push(change.entered_by.clone().unwrap_or_default());
            row.extend(prr_cells(
                change.report.as_ref().and_then(|r| r.prr.as_ref()),
            ));
            row
        }),
    )
}

/// A kecamatan's outages new, changed or deleted since the last bundle.
pub fn outages_csv(unit_name: &str, changes: &[SentOutage]) -> Vec<u8> {
    csv_bytes(
        &[
            "unit",
            "first_day",
            "last_day",
            "cause",
            "note",
            "deleted",
            "revision",
        ],
        changes.iter().map(|change| {
            let mut row = vec![unit_name.to_string(), change.first_day.to_string()];
            match &change.outage {
                Some(o) => row.extend([
                    o.last_day.map(|d| d.to_string()).unwrap_or_default(),
                    o.cause.as_str().to_string(),
                    o.note.clone(),
                    "0".into(),
                    crate::domain::sync::outage_revision(o),
                ]),
                None => row.extend([
                    String::new(),
                    change.cause.as_str().to_string(),
                    String::new(),
                    "1".into(),
                    String::new(),
                ]),
            }
            row
        }),
    )
}

pub fn targets_csv(unit_name: &str, targets: &[Target]) -> Vec<u8> {
    csv_bytes(
        &["unit", "effective_from", "wajib_ktp"],
        targets.iter().map(|t| {
            vec![
                unit_name.to_string(),
                t.effective_from.to_string(),
                t.wajib_ktp.to_string(),
            ]
        }),
    )
}

pub fn opening_csv(unit_name: &str, opening: Option<&OpeningBalance>) -> Vec<u8> {
    csv_bytes(
        &[
            "unit",
            "as_of",
            "recorded",
            "sent_to_central",
            "printed",
            "suket_issued",
        ],
        opening.map(|o| {
            let c = &o.counts;
            vec![
                unit_name.to_string(),
                o.as_of.to_string(),
                c.recorded.to_string(),
                c.sent_to_central.to_string(),
                c.printed.to_string(),
                c.suket_issued.to_string(),
            ]
        }),
    )
}

pub fn deadlines_csv(deadlines: &[Deadline]) -> Vec<u8> {
    csv_bytes(
        &["decided_on", "deadline", "note"],
        deadlines.iter().map(|d| {
            vec![
                d.decided_on.to_string(),
                d.deadline.to_string(),
                d.note.clone(),
            ]
        }),
    )
}

pub fn holidays_csv<'a>(holidays: impl IntoIterator<Item = &'a Holiday>) -> Vec<u8> {
    csv_bytes(
        &["date", "kind", "name"],
        holidays.into_iter().map(|h| {
            vec![
                h.date.to_string(),
                h.kind.as_str().to_string(),
                h.name.clone(),
            ]
        }),
    )
}

/// Bundles applied from the peer: sequence and hash.
pub fn acks_csv(acks: &[(u64, String)]) -> Vec<u8> {
    csv_bytes(
        &["sequence", "hash"],
        acks.iter().map(|(s, h)| vec![s.to_string(), h.clone()]),
    )
}

/// Where the district's conflicts about the unit's reports stand.
pub fn conflicts_csv(conflicts: &[Conflict]) -> Vec<u8> {
    let json = |r: &Option<DailyReport>| {
        r.as_ref()
            .and_then(|r| serde_json::to_string(&ReportValues::from(r)).ok())
            .unwrap_or_default()
    };
    csv_bytes(
        &[
            "id",
            "sequence",
            "date",
            "status",
            "sent",
            "ours",
            "base_revision",
            "created_at",
            "resolved_at",
            "resolved_by",
        ],
        conflicts.iter().map(|c| {
            vec![
                c.id.to_string(),
                c.sequence.to_string(),
                c.date.to_string(),
                c.status.as_str().to_string(),
                json(&c.sent),
                json(&c.ours),
                c.base_revision.clone().unwrap_or_default(),
                c.created_at.clone(),
                c.resolved_at.clone().unwrap_or_default(),
                c.resolved_by.clone().unwrap_or_default(),
            ]
        }),
    )
}

/// A report's values without its database's unit id, as `conflicts.csv` carries them.
#[derive(serde::Serialize, serde::Deserialize)]
struct ReportValues {
    recorded: u64,
    sent_to_central: u64,
    printed: u64,
    suket_issued: u64,
    server_ok: bool,
    note: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    prr: Option<PrrCounts>,
}

impl From<&DailyReport> for ReportValues {
    fn from(r: &DailyReport) -> Self {
        ReportValues {
            recorded: r.counts.recorded,
            sent_to_central: r.counts.sent_to_central,
            printed: r.counts.printed,
            suket_issued: r.counts.suket_issued,
            server_ok: r.server_ok,
            note: r.note.clone(),
            prr: r.prr,
        }
    }
}

/// One CSV file of a bundle, read with its header.
pub(super) struct Table<'a> {
    file: &'a str,
    header: Vec<String>,
    pub(super) rows: Vec<csv::StringRecord>,
}

impl<'a> Table<'a> {
    pub(super) fn read(file: &'a str, bytes: &[u8]) -> Result<Table<'a>, RowProblem> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(true)
            .from_reader(bytes);
        let problem = |row: usize, e: &dyn std::fmt::Display| RowProblem {
            file: file.to_string(),
            row,
            column: String::new(),
            issue: RowIssue::NotCsv(e.to_string()),
        };
        let header = reader
            .headers()
            .map_err(|e| problem(1, &e))?
            .iter()
            .map(|h| h.trim().to_string())
            .collect();
        let rows = reader
            .records()
            .enumerate()
            .map(|(i, r)| r.map_err(|e| problem(i + 2, &e)))
            .collect::<Result<_, _>>()?;
        Ok(Table { file, header, rows })
    }

    pub(super) fn problem(&self, row: usize, column: &str, issue: RowIssue) -> RowProblem {
        RowProblem {
            file: self.file.to_string(),
            row: row + 2,
            column: column.to_string(),
            issue,
        }
    }

    pub(super) fn text(&self, row: usize, column: &str) -> Result<&str, RowProblem> {
        let index = self
            .header
            .iter()
            .position(|h| h == column)
            .ok_or_else(|| RowProblem {
                file: self.file.to_string(),
                row: 1,
                column: column.to_string(),
                issue: RowIssue::MissingColumn,
            })?;
        self.rows[row]
            .get(index)
            .ok_or_else(|| self.problem(row, column, RowIssue::ShortRow))
    }

    pub(super) fn date(&self, row: usize, column: &str) -> Result<NaiveDate, RowProblem> {
        let text = self.text(row, column)?;
        parse_date(text).map_err(|_| self.problem(row, column, RowIssue::NotADate(text.into())))
    }

    pub(super) fn count(&self, row: usize, column: &str) -> Result<u64, RowProblem> {
        let text = self.text(row, column)?;
        text.parse()
            .map_err(|_| self.problem(row, column, RowIssue::NotACount(text.into())))
    }

    pub(super) fn flag(&self, row: usize, column: &str) -> Result<bool, RowProblem> {
        match self.text(row, column)? {
            "1" => Ok(true),
            "0" => Ok(false),
            other => Err(self.problem(row, column, RowIssue::NotAFlag(other.into()))),
        }
    }

    /// The row's PRR, DUP, Efac and retaken: all four, or none (empty cells, or a bundle made
    /// before there were such columns).
    pub(super) fn prr(&self, row: usize) -> Result<Option<PrrCounts>, RowProblem> {
        if !self.has_column("prr") {
            return Ok(None);
        }
        let mut values = [None; 4];
        for (value, field) in values.iter_mut().zip(PrrField::ALL) {
            if !self.text(row, field.name())?.is_empty() {
                *value = Some(self.count(row, field.name())?);
            }
        }
        match values {
            [Some(prr), Some(dup), Some(efac), Some(efac_retaken)] => Ok(Some(PrrCounts {
                prr,
                dup,
                efac,
                efac_retaken,
            })),
            [None, None, None, None] => Ok(None),
            _ => {
                let missing = PrrField::ALL
                    .into_iter()
                    .zip(values)
                    .find(|(_, v)| v.is_none())
                    .map(|(f, _)| f.name())
                    .unwrap_or("prr");
                Err(self.problem(row, missing, RowIssue::MissingCell))
            }
        }
    }

    pub(super) fn has_column(&self, column: &str) -> bool {
        self.header.iter().any(|h| h == column)
    }

    pub(super) fn optional(&self, row: usize, column: &str) -> Result<Option<String>, RowProblem> {
        let text = self.text(row, column)?;
        Ok((!text.is_empty()).then(|| text.to_string()))
    }

    /// The unit column must name the bundle's unit.
    fn unit(&self, row: usize, unit_name: &str) -> Result<(), RowProblem> {
        let text = self.text(row, "unit")?;
        if crate::domain::dataset::normalize_name(text)
            != crate::domain::dataset::normalize_name(unit_name)
        {
            return Err(self.problem(
                row,
                "unit",
                RowIssue::OtherUnit {
                    found: text.into(),
                    expected: unit_name.into(),
                },
            ));
        }
        Ok(())
    }
}

/// Report changes of `unit_name`, as this database's unit `unit_id`.
pub fn read_reports(
    bytes: &[u8],
    unit_name: &str,
    unit_id: UnitId,
) -> Result<Vec<SentReport>, RowProblem> {
    let table = Table::read(REPORTS, bytes)?;
    let mut out = Vec::with_capacity(table.rows.len());
    for row in 0..table.rows.len() {
        table.unit(row, unit_name)?;
        let date = table.date(row, "date")?;
        let report = if table.flag(row, "deleted")? {
            None
        } else {
            let report = DailyReport {
                unit_id,
                date,
                counts: Counts {
                    recorded: table.count(row, "recorded")?,
                    sent_to_central: table.count(row, "sent_to_central")?,
                    printed: table.count(row, "printed")?,
                    suket_issued: table.count(row, "suket_issued")?,
                },
                server_ok: table.flag(row, "server_ok")?,
                note: table.text(row, "note")?.to_string(),
                prr: table.prr(row)?,
            };
            // The revision is recomputed, never taken on trust; a differing one means the
            // writer and this reader disagree about the values.
            if let Some(stated) = table.optional(row, "revision")?
                && stated != revision(&report)
            {
                return Err(table.problem(row, "revision", RowIssue::RevisionMismatch));
            }
            Some(report)
        };
        if out.iter().any(|r: &SentReport| r.date == date) {
            return Err(table.problem(row, "date", RowIssue::Twice(date)));
        }
        out.push(SentReport {
            date,
            report,
            base: table.optional(row, "base_revision")?,
            // A bundle of a Pantau from before accounts has no such column.
            entered_by: if table.has_column("entered_by") {
                table.optional(row, "entered_by")?
            } else {
                None
            },
        });
    }
    Ok(out)
}

/// A kecamatan's outage changes, for this database's unit `unit_id`.
pub fn read_outages(
    bytes: &[u8],
    unit_name: &str,
    unit_id: UnitId,
) -> Result<Vec<SentOutage>, RowProblem> {
    let table = Table::read(OUTAGES, bytes)?;
    let mut out: Vec<SentOutage> = Vec::with_capacity(table.rows.len());
    for row in 0..table.rows.len() {
        table.unit(row, unit_name)?;
        let first_day = table.date(row, "first_day")?;
        let cause_text = table.text(row, "cause")?;
        let cause = OutageCause::parse(cause_text)
            .ok_or_else(|| table.problem(row, "cause", RowIssue::OutageCause(cause_text.into())))?;
        let outage = if table.flag(row, "deleted")? {
            None
        } else {
            let last_day = match table.optional(row, "last_day")? {
                Some(_) => Some(table.date(row, "last_day")?),
                None => None,
            };
            Some(Outage {
                id: None,
                first_day,
                last_day,
                units: vec![unit_id],
                cause,
                note: table.text(row, "note")?.to_string(),
            })
        };
        if out
            .iter()
            .any(|o| o.first_day == first_day && o.cause == cause)
        {
            return Err(table.problem(row, "first_day", RowIssue::Twice(first_day)));
        }
        out.push(SentOutage {
            first_day,
            cause,
            outage,
        });
    }
    Ok(out)
}

pub fn read_targets(
    bytes: &[u8],
    unit_name: &str,
    unit_id: UnitId,
) -> Result<Vec<Target>, RowProblem> {
    let table = Table::read(TARGETS, bytes)?;
    (0..table.rows.len())
        .map(|row| {
            table.unit(row, unit_name)?;
            Ok(Target {
                unit_id,
                effective_from: table.date(row, "effective_from")?,
                wajib_ktp: table.count(row, "wajib_ktp")?,
            })
        })
        .collect()
}

/// The unit's PRR start, as the district keeps it (no row: none).
pub fn prr_opening_csv(unit_name: &str, opening: Option<&PrrOpening>) -> Vec<u8> {
    csv_bytes(
        &["unit", "as_of", "prr", "dup", "efac", "efac_retaken"],
        opening.map(|o| {
            let mut row = vec![unit_name.to_string(), o.as_of.to_string()];
            row.extend(prr_cells(Some(&o.counts)));
            row
        }),
    )
}

pub fn read_prr_opening(
    bytes: &[u8],
    unit_name: &str,
    unit_id: UnitId,
) -> Result<Option<PrrOpening>, RowProblem> {
    let table = Table::read(PRR_OPENING, bytes)?;
    let mut out = None;
    for row in 0..table.rows.len() {
        table.unit(row, unit_name)?;
        if out.is_some() {
            return Err(table.problem(row, "unit", RowIssue::TwoOpenings));
        }
        let counts = table
            .prr(row)?
            .ok_or_else(|| table.problem(row, "prr", RowIssue::MissingCell))?;
        out = Some(PrrOpening {
            unit_id,
            as_of: table.date(row, "as_of")?,
            counts,
        });
    }
    Ok(out)
}

pub fn read_opening(
    bytes: &[u8],
    unit_name: &str,
    unit_id: UnitId,
) -> Result<Option<OpeningBalance>, RowProblem> {
    let table = Table::read(OPENING, bytes)?;
    let mut out = None;
    for row in 0..table.rows.len() {
        table.unit(row, unit_name)?;
        if out.is_some() {
            return Err(table.problem(row, "unit", RowIssue::TwoOpenings));
        }
        out = Some(OpeningBalance {
            unit_id,
            as_of: table.date(row, "as_of")?,
            counts: Counts {
                recorded: table.count(row, "recorded")?,
                sent_to_central: table.count(row, "sent_to_central")?,
                printed: table.count(row, "printed")?,
                suket_issued: table.count(row, "suket_issued")?,
            },
        });
    }
    Ok(out)
}

pub fn read_deadlines(bytes: &[u8]) -> Result<Vec<Deadline>, RowProblem> {
    let table = Table::read(DEADLINES, bytes)?;
    (0..table.rows.len())
        .map(|row| {
            Ok(Deadline {
                decided_on: table.date(row, "decided_on")?,
                deadline: table.date(row, "deadline")?,
                note: table.text(row, "note")?.to_string(),
            })
        })
        .collect()
}

pub fn read_holidays(bytes: &[u8]) -> Result<Vec<Holiday>, RowProblem> {
    let table = Table::read(HOLIDAYS, bytes)?;
    (0..table.rows.len())
        .map(|row| {
            let kind = table.text(row, "kind")?;
            Ok(Holiday {
                date: table.date(row, "date")?,
                kind: HolidayKind::parse(kind).ok_or_else(|| {
                    table.problem(row, "kind", RowIssue::HolidayKind(kind.into()))
                })?,
                name: table.text(row, "name")?.to_string(),
            })
        })
        .collect()
}

pub fn read_acks(bytes: &[u8]) -> Result<Vec<(u64, String)>, RowProblem> {
    let table = Table::read(ACKS, bytes)?;
    (0..table.rows.len())
        .map(|row| {
            Ok((
                table.count(row, "sequence")?,
                table.text(row, "hash")?.to_string(),
            ))
        })
        .collect()
}

/// The district's conflicts about the unit's reports, as this database's unit `unit_id`.
pub fn read_conflicts(bytes: &[u8], unit_id: UnitId) -> Result<Vec<Conflict>, RowProblem> {
    let table = Table::read(CONFLICTS, bytes)?;
    let report = |row: usize, column: &str, date: NaiveDate| -> Result<_, RowProblem> {
        let Some(text) = table.optional(row, column)? else {
            return Ok(None);
        };
        let values: ReportValues = serde_json::from_str(&text)
            .map_err(|e| table.problem(row, column, RowIssue::NotAReport(e.to_string())))?;
        Ok(Some(DailyReport {
            unit_id,
            date,
            counts: Counts {
                recorded: values.recorded,
                sent_to_central: values.sent_to_central,
                printed: values.printed,
                suket_issued: values.suket_issued,
            },
            server_ok: values.server_ok,
            note: values.note,
            prr: values.prr,
        }))
    };
    (0..table.rows.len())
        .map(|row| {
            let date = table.date(row, "date")?;
            let status = table.text(row, "status")?;
            Ok(Conflict {
                id: 0,
                peer_id: 0,
                sequence: table.count(row, "sequence")?,
                remote_id: Some(table.count(row, "id")? as i64),
                unit_id,
                date,
                sent: report(row, "sent", date)?,
                ours: report(row, "ours", date)?,
                base_revision: table.optional(row, "base_revision")?,
                status: ConflictStatus::parse(status).ok_or_else(|| {
                    table.problem(row, "status", RowIssue::ConflictStatus(status.into()))
                })?,
                created_at: table.text(row, "created_at")?.to_string(),
                resolved_at: table.optional(row, "resolved_at")?,
                resolved_by: table.optional(row, "resolved_by")?,
                reported: true,
                // The district's reason travels in the kecamatan's news as its status.
                closed: None,
            })
        })
        .collect()
}

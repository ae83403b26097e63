//! What is wrong with a file's cell, row or header, and what an import leaves aside: values,
//! worded by `crate::locale` (English is their `Display`).

use std::fmt;

use chrono::NaiveDate;

use crate::domain::CountField;
use crate::domain::number::CountParseError;
use crate::domain::rules::{RuleViolation, TextProblem};
use crate::io::table::ReadIssue;

pub use super::recap::Measure;

/// What belongs in a cell that is empty or missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    Count,
    Date,
    Unit,
    Server,
    Kind,
}

impl fmt::Display for Need {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Need::Count => "fill in 0 if there was none",
            Need::Date => "every row needs its date",
            Need::Unit => "every row needs its unit",
            Need::Server => "write ya or tidak",
            Need::Kind => "every movement needs its kind",
        })
    }
}

/// The kind of file whose columns were not found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Wanted {
    /// Daily reports, with the required columns that are absent.
    Reports {
        absent: Vec<&'static str>,
    },
    Stock,
    Openings,
    Targets,
    Units,
    Holidays,
}

/// Where a row was seen first: `row 4` or `sheet Juli, row 4`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FirstSeen {
    pub sheet: Option<String>,
    pub row: usize,
}

impl fmt::Display for FirstSeen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.sheet {
            Some(sheet) => write!(f, "sheet {sheet}, row {}", self.row),
            None => write!(f, "row {}", self.row),
        }
    }
}

/// What is wrong, in one cell, row or header.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Issue {
    #[error("{0}")]
    Read(ReadIssue),
    #[error("the row ends before this column; {0} (there is no value to import)")]
    RowEnds(Need),
    #[error(
        "holds the formula ={0} but not its result; open the file in Excel or LibreOffice, let \
         it calculate, and save it again"
    )]
    Formula(String),
    #[error("holds the error {error}; {need}")]
    ErrorCell { error: String, need: Need },
    #[error("is empty; {0}")]
    Empty(Need),
    #[error("'{text}' {reason}")]
    BadCount {
        text: String,
        reason: CountParseError,
    },
    #[error("'{0}' is not a date (use YYYY-MM-DD or DD/MM/YYYY)")]
    NotADate(String),
    #[error("'{0}' is neither yes nor no (ya/tidak, ok/gangguan)")]
    NotYesNo(String),
    #[error(
        "'{0}' is not a kind of movement (penerimaan, rusak, dipinjamkan, dipinjam, dikembalikan, \
         pengembalian, stok opname)"
    )]
    NotAMovement(String),
    #[error("{0}")]
    Text(TextProblem),
    #[error(
        "'{text}' is beyond the header's last column ({last}); delete it, or give its column a \
         header"
    )]
    BeyondHeader { text: String, last: String },
    #[error("{0}")]
    Rule(RuleViolation),
    #[error("{unit} {date} is in the file twice (first in {first})")]
    Twice {
        unit: String,
        date: NaiveDate,
        first: FirstSeen,
    },
    #[error("{unit} has opening totals twice (first in row {first_row})")]
    OpeningTwice { unit: String, first_row: usize },
    #[error("{unit} has a target from {from} twice (first in row {first_row})")]
    TargetTwice {
        unit: String,
        from: NaiveDate,
        first_row: usize,
    },
    #[error("{} exceeds {}: {total} > {limit}", .field.name(), .limit_field.name())]
    OpeningExceeds {
        field: CountField,
        limit_field: CountField,
        total: u64,
        limit: u64,
    },
    #[error("the unit name is empty")]
    EmptyUnitName,
    #[error("'{0}' is not a kind of holiday (libur or cuti_bersama)")]
    NotAHolidayKind(String),
    #[error("the holiday has no name")]
    EmptyHolidayName,
    #[error("{date} is in the file twice (first in row {first_row})")]
    HolidayTwice { date: NaiveDate, first_row: usize },
    #[error("'{0}' is not a unit kind (kecamatan or kabupaten)")]
    NotAUnitKind(String),
    #[error("no units in the file")]
    NoUnits,
    #[error("the file has no rows")]
    NoRows,
    #[error("{}; the header row has: {header}", wanted_columns(.wanted))]
    MissingColumns { wanted: Wanted, header: String },
    #[error(
        "cannot tell which count this recap holds ({}); name the sheet, or put in its title, one \
         of Rekam, Terkirim, Cetak, Suket, PRR, DUP, Efac, Efac ulang",
        if .found.is_empty() { "nothing in its name or title names one".to_string() }
        else { format!("its name or title names {}", measures(.found)) }
    )]
    RecapNoMeasure { found: Vec<Measure> },
    #[error(
        "the day columns give no month, and neither the title nor the sheet's name does; fill in \
         \"Month of recap sheets\" on the Reports screen (e.g. October 2016), or put the month \
         in the sheet's title (on the command line: --month 2016-10)"
    )]
    RecapNoMonth,
    #[error("'{text}' is not a day{}", .month.map(|(y, m)| format!(" of {y}-{m:02}")).unwrap_or_default())]
    RecapBadPeriod {
        text: String,
        month: Option<(i32, u32)>,
    },
    #[error("the total says {total}, the figures it totals add up to {sum}")]
    RecapTotal { total: u64, sum: u64 },
    #[error("the recap has no sheet of {}; a daily report needs recorded, sent and printed", .measure.name())]
    RecapNoSheetFor { measure: Measure },
    #[error("{unit} {date} has figures in other sheets but none of {}", .measure.name())]
    RecapMeasureMissing {
        measure: Measure,
        unit: String,
        date: NaiveDate,
    },
}

fn measures(found: &[Measure]) -> String {
    found
        .iter()
        .map(|m| m.name())
        .collect::<Vec<_>>()
        .join(" and ")
}

fn wanted_columns(wanted: &Wanted) -> String {
    match wanted {
        Wanted::Reports { absent } => format!("no column for {}", absent.join(", ")),
        Wanted::Stock => "a stock file needs the columns tanggal/date, jenis/kind and \
                          jumlah/quantity"
            .to_string(),
        Wanted::Openings => "an opening file needs the columns unit, as_of, recorded, sent and \
                             printed (or kecamatan, per_tanggal, rekam, terkirim, cetak)"
            .to_string(),
        Wanted::Targets => "a target file needs the columns unit and wajib_ktp (or kecamatan \
                            and wajib), and may have from (berlaku_mulai)"
            .to_string(),
        Wanted::Units => {
            "no column for the unit name (call it name, unit, kecamatan or nama)".to_string()
        }
        Wanted::Holidays => "a holiday file needs the columns date, kind and name (or tanggal, \
                             jenis and keterangan)"
            .to_string(),
    }
}

impl From<ReadIssue> for Issue {
    fn from(issue: ReadIssue) -> Issue {
        Issue::Read(issue)
    }
}

impl From<RuleViolation> for Issue {
    fn from(violation: RuleViolation) -> Issue {
        Issue::Rule(violation)
    }
}

/// What the file holds that the import leaves aside, said so nobody wonders.
#[derive(Debug, Clone, PartialEq)]
pub enum Note {
    /// A sheet without the columns, and why.
    SheetLeftAside {
        sheet: String,
        why: Issue,
    },
    ColumnNotImported {
        column: String,
        sheet: Option<String>,
    },
    NoSuketColumn {
        sheet: Option<String>,
    },
    NoServerColumn {
        sheet: Option<String>,
    },
    /// The sheet has the centre's stage (a PRR column) but not this one of DUP, Efac or Efac
    /// retaken.
    NoStageColumn {
        sheet: Option<String>,
        field: crate::domain::PrrField,
    },
    /// A recap sheet (or a block of one) read: its measure, the units and days it gave, and
    /// the total row it was checked against.
    RecapRead {
        sheet: Option<String>,
        /// The header row.
        row: usize,
        measure: Measure,
        units: usize,
        days: usize,
        first: Option<NaiveDate>,
        last: Option<NaiveDate>,
        /// Month columns: each month's figure is the report of its last working day.
        monthly: bool,
        total_row: Option<usize>,
    },
    /// Reports for weekends or holidays of the office's calendar: taken, their figures counting
    /// towards the next working day; the holidays' names where they are holidays.
    RestDays {
        first: NaiveDate,
        last: NaiveDate,
        count: usize,
        holidays: Vec<String>,
    },
    /// A recap's day columns with no figure in any unit's row: days not filled in yet.
    RecapEmptyColumns {
        sheet: Option<String>,
        columns: Vec<String>,
    },
}

/// "G" or "G, H, I", or of many the first three, the last and how many in all.
pub fn column_list(columns: &[String]) -> String {
    if columns.len() <= 5 {
        columns.join(", ")
    } else {
        format!(
            "{} … {} ({})",
            columns[..3].join(", "),
            columns[columns.len() - 1],
            columns.len()
        )
    }
}

fn stage_word(field: crate::domain::PrrField) -> &'static str {
    match field {
        crate::domain::PrrField::Prr => "PRR",
        crate::domain::PrrField::Dup => "DUP",
        crate::domain::PrrField::Efac => "Efac",
        crate::domain::PrrField::EfacRetaken => "Efac retaken",
    }
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let of = |sheet: &Option<String>| {
            sheet
                .as_ref()
                .map(|s| format!(" of sheet {s}"))
                .unwrap_or_default()
        };
        match self {
            Note::SheetLeftAside { sheet, why } => write!(f, "sheet {sheet} left aside: {why}"),
            Note::ColumnNotImported { column, sheet } => {
                write!(f, "column {column}{} is not imported", of(sheet))
            }
            Note::NoSuketColumn { sheet } => write!(
                f,
                "no Suket column{}: suket issued is 0 on every row",
                of(sheet)
            ),
            Note::NoServerColumn { sheet } => write!(
                f,
                "no Server column{}: the server is taken as working on every row",
                of(sheet)
            ),
            Note::NoStageColumn { sheet, field } => write!(
                f,
                "no {} column{}: it is 0 on every row with PRR",
                stage_word(*field),
                of(sheet)
            ),
            Note::RecapRead {
                sheet,
                row,
                measure,
                units,
                days,
                first,
                last,
                monthly,
                total_row,
            } => {
                let place = match sheet {
                    Some(s) => format!("sheet {s}, header in row {row}"),
                    None => format!("header in row {row}"),
                };
                write!(
                    f,
                    "{place}: a recap of {}, {units} unit(s) × {days} {}",
                    measure.name(),
                    if *monthly { "month(s)" } else { "day(s)" }
                )?;
                if let (Some(first), Some(last)) = (first, last) {
                    write!(f, " ({first} to {last})")?;
                }
                if *monthly {
                    write!(
                        f,
                        "; each month's figure is the report of its last working day"
                    )?;
                }
                if let Some(total) = total_row {
                    write!(f, "; the total in row {total} checked, not imported")?;
                }
                Ok(())
            }
            Note::RestDays {
                first,
                last,
                count,
                holidays,
            } => {
                write!(
                    f,
                    "{count} report(s) from {first} to {last} are for weekends or holidays"
                )?;
                if !holidays.is_empty() {
                    write!(f, " ({})", holidays.join(", "))?;
                }
                write!(f, ": taken, and counted towards the next working day")
            }
            Note::RecapEmptyColumns { sheet, columns } => write!(
                f,
                "column(s) {}{} without figures (days not filled in yet): not imported",
                column_list(columns),
                of(sheet)
            ),
        }
    }
}

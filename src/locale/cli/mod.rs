//! What the `pantau` command prints, in the chosen language: the commands hand over what
//! happened as a [`Said`] value and the table they list as a [`Table`]; the words are here.
//! Dates stay ISO (`2016-10-05`) in both languages so a terminal's output sorts and pastes.

use std::path::Path;

use chrono::NaiveDate;

mod en;
mod id;

use super::Lang;
use super::fmt::{count, date_short, decimal, percent, plain};
use crate::domain::rules::{Outlier, Place};
use crate::domain::{HolidayKind, UnitKind};
use crate::store::Saved;

/// The tables the commands print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    Summary,
    /// Each stage as a share of the one before it, and the centre's stage where known.
    Stages,
    /// Each unit's PRR start and its totals to date.
    PrrStarts,
    Units,
    Targets,
    Deadlines,
    Openings,
    Holidays,
    Deliveries,
    Seasons,
    Audit,
    Forecast,
    Slip,
    /// The rolling-origin backtest, per stage and horizon.
    Horizons,
}

/// The column headings of `table`.
pub fn headers(lang: Lang, table: Table) -> &'static [&'static str] {
    use Table::*;
    match (lang, table) {
        (Lang::Id, Summary) => &[
            "Unit",
            "Wajib KTP",
            "Rekam",
            "Terkirim",
            "Cetak",
            "Suket",
            "Blm kirim",
            "Blm cetak",
            "% rekam",
            "% cetak",
        ],
        (Lang::En, Summary) => &[
            "Unit",
            "Wajib KTP",
            "Recorded",
            "Sent",
            "Printed",
            "Suket",
            "To send",
            "To print",
            "% recorded",
            "% printed",
        ],
        (Lang::Id, Stages) => &[
            "Unit",
            "Terkirim/rekam",
            "Cetak/rekam",
            "PRR",
            "PRR/terkirim",
            "DUP",
            "Efac",
            "Efac ulang",
            "Tunggu PRR",
            "PRR blm cetak",
            "Cetak/PRR",
        ],
        (Lang::En, Stages) => &[
            "Unit",
            "Sent/recorded",
            "Printed/recorded",
            "PRR",
            "PRR/sent",
            "DUP",
            "Efac",
            "Efac retaken",
            "Awaiting PRR",
            "PRR to print",
            "Printed/PRR",
        ],
        (Lang::Id, PrrStarts) => &[
            "Unit",
            "Mulai",
            "PRR awal",
            "DUP awal",
            "Efac awal",
            "Efac ulang awal",
            "PRR s.d. kini",
            "PRR blm cetak",
        ],
        (Lang::En, PrrStarts) => &[
            "Unit",
            "Start",
            "PRR then",
            "DUP then",
            "Efac then",
            "Retaken then",
            "PRR to date",
            "PRR to print",
        ],
        (Lang::Id, Units) => &["Unit", "Kode", "Jenis", "Status"],
        (Lang::En, Units) => &["Unit", "Code", "Kind", "Status"],
        (Lang::Id, Targets) => &["Unit", "Berlaku mulai", "Wajib KTP"],
        (Lang::En, Targets) => &["Unit", "In force from", "Wajib KTP"],
        (Lang::Id, Deadlines) => &["Diputuskan", "Tenggat", "Catatan"],
        (Lang::En, Deadlines) => &["Decided", "Deadline", "Note"],
        (Lang::Id, Openings) => &["Unit", "Per tanggal", "Rekam", "Terkirim", "Cetak", "Suket"],
        (Lang::En, Openings) => &["Unit", "As of", "Recorded", "Sent", "Printed", "Suket"],
        (Lang::Id, Holidays) => &["Tanggal", "Jenis", "Nama"],
        (Lang::En, Holidays) => &["Date", "Kind", "Name"],
        (Lang::Id, Deliveries) => &["#", "Diharapkan", "Jumlah", "Diumumkan", "Catatan"],
        (Lang::En, Deliveries) => &["#", "Expected", "Quantity", "Announced", "Note"],
        (Lang::Id, Seasons) => &["#", "Dari", "Sampai", "Faktor", "Nama"],
        (Lang::En, Seasons) => &["#", "From", "To", "Factor", "Name"],
        (Lang::Id, Audit) => &["#", "waktu", "pengguna", "aksi", "tabel", "kunci", "nilai"],
        (Lang::En, Audit) => &["#", "at", "user", "action", "table", "key", "values"],
        (Lang::Id, Forecast) => &[
            "Tonggak",
            "Sisa",
            "P50",
            "P85",
            "P95",
            "Peluang tepat waktu",
            "Laju/hari",
        ],
        (Lang::En, Forecast) => &[
            "Milestone",
            "Remaining",
            "P50",
            "P85",
            "P95",
            "Chance on time",
            "Rate/day",
        ],
        (Lang::Id, Slip) => &[
            "Per tanggal",
            "Tenggat",
            "Rekam P50",
            "Rekam P85",
            "Cetak P50",
            "Cetak P85",
        ],
        (Lang::En, Slip) => &[
            "As of",
            "Deadline",
            "Recording P50",
            "Recording P85",
            "Printing P50",
            "Printing P85",
        ],
        (Lang::Id, Horizons) => &[
            "Tahap",
            "Hari kerja ke depan",
            "n",
            "Dalam P15–P85",
            "Median galat P50",
            "CRPS",
            "n dikalibrasi",
            "Dalam P15–P85: model → dikalibrasi",
            "CRPS: model → dikalibrasi",
        ],
        (Lang::En, Horizons) => &[
            "Stage",
            "Working days ahead",
            "n",
            "Inside P15–P85",
            "P50 median error",
            "CRPS",
            "n calibrated",
            "Inside P15–P85: model → calibrated",
            "CRPS: model → calibrated",
        ],
    }
}

pub fn unit_kind(lang: Lang, kind: UnitKind) -> &'static str {
    match (lang, kind) {
        (Lang::Id, UnitKind::Kecamatan) => "kecamatan",
        (Lang::Id, UnitKind::District) => "kabupaten",
        (Lang::En, UnitKind::Kecamatan) => "kecamatan",
        (Lang::En, UnitKind::District) => "district",
    }
}

/// A unit's PRR counted from its first report (no PRR start).
pub fn from_the_start(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "dari awal",
        Lang::En => "from the start",
    }
}

pub fn unit_status(lang: Lang, active: bool) -> &'static str {
    match (lang, active) {
        (Lang::Id, true) => "aktif",
        (Lang::Id, false) => "nonaktif",
        (Lang::En, true) => "active",
        (Lang::En, false) => "inactive",
    }
}

pub fn holiday_kind(lang: Lang, kind: HolidayKind) -> &'static str {
    match (lang, kind) {
        (Lang::Id, HolidayKind::Libur) => "libur nasional",
        (Lang::Id, HolidayKind::CutiBersama) => "cuti bersama",
        (Lang::En, HolidayKind::Libur) => "public holiday",
        (Lang::En, HolidayKind::CutiBersama) => "collective leave",
    }
}

/// A milestone's name in the forecast table.
pub fn milestone(lang: Lang, printing: bool) -> &'static str {
    match (lang, printing) {
        (Lang::Id, false) => "Perekaman selesai",
        (Lang::Id, true) => "Semua memegang kartu",
        (Lang::En, false) => "Recording complete",
        (Lang::En, true) => "Everyone holds a card",
    }
}

/// The row of totals.
pub fn total(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "JUMLAH",
        Lang::En => "TOTAL",
    }
}

/// `2018, 2019, 2020` as one line; years in a row as a range, `2018–2027`.
pub fn years_list(years: &[i32]) -> String {
    let consecutive = years.windows(2).all(|w| w[1] == w[0] + 1);
    match (years.first(), years.last()) {
        (Some(first), Some(last)) if consecutive && years.len() > 2 => format!("{first}–{last}"),
        _ => years
            .iter()
            .map(i32::to_string)
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// What a command did or why it refused.
#[derive(Debug)]
pub enum Said<'a> {
    DemoCreated {
        path: &'a Path,
        units: usize,
        reports: usize,
        events: usize,
    },
    DemoTotals {
        on: NaiveDate,
        recorded: u64,
        printed: u64,
        wajib_ktp: u64,
    },
    /// A file with problems: nothing imported (or, with `created`, no database created).
    Refused {
        problems: usize,
        file: &'a Path,
        creating: bool,
    },
    Created {
        path: &'a Path,
        office: &'a str,
        units: &'a [&'a str],
        targets: usize,
        from: NaiveDate,
    },
    ReportSaved {
        at: &'a Place,
        saved: Saved,
    },
    /// A report deleted, with the counts it held.
    ReportDeleted {
        at: &'a Place,
        counts: &'a crate::domain::Counts,
    },
    /// `delete-report` for a unit and day without a report.
    NoReportToDelete(&'a Place),
    OutlierKept {
        at: &'a Place,
        outlier: &'a Outlier,
        note: &'a str,
    },
    StockBooked {
        date: NaiveDate,
        cause: &'a str,
        id: i64,
        balance: Option<u64>,
    },
    UnitAdded(&'a str),
    UnitRenamed {
        name: &'a str,
        to: &'a str,
    },
    UnitDeactivated(&'a str),
    UnitActivated(&'a str),
    TargetSet {
        at: &'a Place,
        wajib_ktp: u64,
    },
    TargetsSet(usize),
    /// How many targets wait for `--confirm`.
    ConfirmTargets(usize),
    DeadlineSet {
        decided: NaiveDate,
        deadline: NaiveDate,
    },
    DecisionRemoved(NaiveDate),
    /// `opening set` for a unit with no opening yet, without every value.
    OpeningNeeds {
        unit: &'a str,
        missing: &'a [&'a str],
    },
    /// `deadline add` on a day with a decision, without `--replace`.
    DecisionExists {
        decided: NaiveDate,
        kept: NaiveDate,
    },
    NoDecision(NaiveDate),
    /// Whether the office now counts PRR every day.
    PrrCounted(bool),
    PrrStartSet {
        at: &'a Place,
        counts: &'a crate::domain::PrrCounts,
    },
    OpeningsSet(usize),
    OpeningSet {
        at: &'a Place,
        counts: &'a crate::domain::Counts,
    },
    HolidayNeedsName,
    /// `holiday import`: holidays new and renamed.
    HolidaysImported {
        new: usize,
        changed: usize,
    },
    /// `holiday fill`: the years whose shipped holidays were added (none: nothing was missing).
    HolidayYearsAdded(&'a [i32]),
    HolidaySet {
        date: NaiveDate,
        name: &'a str,
        kind: HolidayKind,
    },
    HolidayRemoved(NaiveDate),
    NoHoliday(NaiveDate),
    DeliveryAnnounced {
        expected: NaiveDate,
        quantity: u64,
        id: i64,
        announced: NaiveDate,
    },
    DeliveryRemoved(i64),
    NoDelivery(i64),
    SeasonSet {
        from: NaiveDate,
        to: NaiveDate,
        factor: f64,
        id: i64,
    },
    SeasonRemoved(i64),
    NoSeason(i64),
    UnexplainedOutlier {
        at: &'a Place,
        outlier: &'a Outlier,
    },
    CheckPassed {
        path: &'a Path,
        units: usize,
        reports: usize,
        events: usize,
        unexplained: usize,
    },
    CheckFailed {
        path: &'a Path,
        problems: usize,
    },
    /// `… (1.234 characters)` after a value cut short.
    Characters(usize),
    AuditEmpty,
    WindowAndTrials {
        min: usize,
    },
    Window {
        min: usize,
    },
    NoReports(&'a Path),
    FromAfterTo {
        from: NaiveDate,
        to: NaiveDate,
    },
    BackedUp {
        db: &'a Path,
        out: &'a Path,
    },
    Restored {
        db: &'a Path,
        from: &'a Path,
    },
    CheckingRows {
        done: usize,
        total: usize,
    },
    ComputingSlip {
        done: usize,
        total: usize,
    },
    ImportStopped,
    MoreProblems(usize),
    /// Notes of an import beyond those shown.
    MoreNotes(usize),
    Flagged {
        file: &'a str,
        sheet: Option<&'a str>,
        row: usize,
        unit: &'a str,
        date: NaiveDate,
        outlier: &'a Outlier,
    },
    MoreFlagged(usize),
    WouldImport {
        counts: &'a str,
    },
    Imported {
        counts: &'a str,
    },
    ExportType(&'a Path),
    Exported {
        path: &'a Path,
        rows: usize,
    },
    OpeningsExported {
        path: &'a Path,
        units: usize,
    },
    ChartWritten(&'a Path),
    /// `--from`/`--to` given for a chart other than the slip chart.
    SlipWindowOnly,
    FromNotBeforeTo {
        from: NaiveDate,
        to: NaiveDate,
    },
    ReportWritten {
        path: &'a Path,
        pages: usize,
    },
    LetterWritten {
        path: &'a Path,
        quantity: u64,
    },
    NoDataFolder,
    DataFolder(&'a Path),
    /// `--date: '31-02-2016' is not a date …`
    BadDate {
        flag: &'a str,
        text: &'a str,
    },
    SummaryTitle {
        office: &'a str,
        as_of: NaiveDate,
    },
    DeadlineInForce {
        deadline: NaiveDate,
        decided: Option<NaiveDate>,
    },
    NoDeadline,
    StockUnknown,
    StockOut {
        print_rate: u64,
        stockout_days: usize,
        /// The day stock became known: the total counts from it.
        known_since: Option<chrono::NaiveDate>,
        /// The first day of the stockout still going on.
        since: Option<chrono::NaiveDate>,
    },
    StockOnHand {
        on_hand: u64,
        days_of_stock: Option<f64>,
        print_rate: u64,
        stockout_days: usize,
        known_since: Option<chrono::NaiveDate>,
    },
    ForecastTitle(NaiveDate),
    LimitedBy {
        printing: bool,
        constraint: &'a str,
    },
    NoDateBecause(&'a str),
    /// Kecamatan behind the deadline, of how many; the slowest against their need, with the
    /// share of the need their rate gives (where there is one).
    Behind {
        behind: usize,
        all: usize,
        slowest: &'a [(&'a str, Option<f64>)],
    },
    ForecastBasis {
        blanks: &'a str,
        window_days: usize,
        trials: usize,
    },
    BacktestScored(usize),
    BacktestP85(f64),
    BacktestP50(f64),
    BacktestMedianError(f64),
    BacktestNothing,
    /// What the rolling-origin table below it shows.
    BacktestHorizons,
    /// What an import leaves aside, said so nobody wonders.
    Note(&'a str),
}

/// The sentence for `said`.
pub fn said(lang: Lang, said: &Said) -> String {
    match lang {
        Lang::Id => id::said(said),
        Lang::En => en::said(said),
    }
}

/// `73,9 %`, or `—` where there is no share.
pub fn share(lang: Lang, value: Option<f64>) -> String {
    value
        .map(|v| percent(lang, v))
        .unwrap_or_else(|| "—".to_string())
}

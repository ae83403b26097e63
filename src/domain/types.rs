//! Plain data types of the domain. They are validated by [`super::rules`], not by construction,
//! because the same values also arrive half-typed from forms and imported files.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Row id of a unit in the database.
pub type UnitId = i64;

/// The district office (kabupaten/kota) that owns the database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Office {
    pub name: String,
    pub description: String,
}

/// Whether a unit is a kecamatan office or the district office itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    Kecamatan,
    District,
}

impl UnitKind {
    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::Kecamatan => "kecamatan",
            UnitKind::District => "district",
        }
    }

    pub fn parse(text: &str) -> Option<UnitKind> {
        match text {
            "kecamatan" => Some(UnitKind::Kecamatan),
            "district" => Some(UnitKind::District),
            _ => None,
        }
    }
}

/// A place that enrols residents and reports daily: a kecamatan office or the district office.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unit {
    pub id: UnitId,
    pub name: String,
    /// Official code (kode wilayah), where the office uses one.
    pub code: Option<String>,
    pub kind: UnitKind,
    pub active: bool,
}

/// A unit to create: name, official code, kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewUnit {
    pub name: String,
    pub code: Option<String>,
    pub kind: UnitKind,
}

/// A unit of a new office, with what it starts with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitSetup {
    pub unit: NewUnit,
    /// Residents who must hold a card, in force from the start of the data.
    pub wajib_ktp: Option<u64>,
    /// Cumulative totals before the first daily report, and their date.
    pub opening: Option<(NaiveDate, Counts)>,
}

/// Everything a new office starts with; written in one transaction, or not at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewOffice {
    pub office: Office,
    pub units: Vec<UnitSetup>,
    pub holidays: Vec<Holiday>,
    pub deadlines: Vec<Deadline>,
}

/// The four daily counts of a unit, also used for cumulative totals.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub recorded: u64,
    pub sent_to_central: u64,
    pub printed: u64,
    pub suket_issued: u64,
}

impl Counts {
    pub fn add(&mut self, other: &Counts) {
        self.recorded += other.recorded;
        self.sent_to_central += other.sent_to_central;
        self.printed += other.printed;
        self.suket_issued += other.suket_issued;
    }

    pub fn get(&self, field: CountField) -> u64 {
        match field {
            CountField::Recorded => self.recorded,
            CountField::SentToCentral => self.sent_to_central,
            CountField::Printed => self.printed,
            CountField::SuketIssued => self.suket_issued,
        }
    }

    /// Records waiting to be sent to the centre.
    pub fn backlog_to_send(&self) -> u64 {
        self.recorded.saturating_sub(self.sent_to_central)
    }

    /// Records accepted by the centre whose card is not printed yet.
    pub fn backlog_to_print(&self) -> u64 {
        self.sent_to_central.saturating_sub(self.printed)
    }
}

/// Names one of the counts, for messages and for per-field settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CountField {
    Recorded,
    SentToCentral,
    Printed,
    SuketIssued,
}

impl CountField {
    pub const ALL: [CountField; 4] = [
        CountField::Recorded,
        CountField::SentToCentral,
        CountField::Printed,
        CountField::SuketIssued,
    ];

    /// The word used in messages and in the database column.
    pub fn name(self) -> &'static str {
        match self {
            CountField::Recorded => "recorded",
            CountField::SentToCentral => "sent",
            CountField::Printed => "printed",
            CountField::SuketIssued => "suket",
        }
    }
}

/// What one unit reported for one working day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DailyReport {
    pub unit_id: UnitId,
    pub date: NaiveDate,
    pub counts: Counts,
    /// Whether the link to the central server worked that day.
    pub server_ok: bool,
    pub note: String,
    /// The centre's checks that day (PRR, DUP, Efac, retaken); `None` where the office did not
    /// count them: unknown, not 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prr: Option<super::PrrCounts>,
}

/// Residents of a unit who must hold an e-KTP (wajib KTP), from a date on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    pub unit_id: UnitId,
    pub effective_from: NaiveDate,
    pub wajib_ktp: u64,
}

/// One decision on the completion deadline. The deadline in force on a date is the one of the
/// latest decision taken on or before that date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    pub decided_on: NaiveDate,
    pub deadline: NaiveDate,
    pub note: String,
}

/// Cumulative totals of a unit before `as_of`, for offices that start using Pantau mid-programme.
/// Daily reports of the unit start on or after `as_of`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpeningBalance {
    pub unit_id: UnitId,
    pub as_of: NaiveDate,
    pub counts: Counts,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HolidayKind {
    /// National public holiday (libur nasional).
    Libur,
    /// Collective leave day (cuti bersama).
    CutiBersama,
}

impl HolidayKind {
    pub fn as_str(self) -> &'static str {
        match self {
            HolidayKind::Libur => "libur",
            HolidayKind::CutiBersama => "cuti_bersama",
        }
    }

    pub fn parse(text: &str) -> Option<HolidayKind> {
        match text {
            "libur" => Some(HolidayKind::Libur),
            "cuti_bersama" => Some(HolidayKind::CutiBersama),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holiday {
    pub date: NaiveDate,
    pub kind: HolidayKind,
    pub name: String,
}

/// What happened to the district's blank cards (blangko).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StockEventKind {
    /// Delivery from the centre, with its BAST number.
    Receipt,
    /// Blanks spoiled in printing.
    Spoiled,
    /// Lent to another district.
    Lent,
    /// Borrowed from another district.
    Borrowed,
    /// Given back by us: borrowed blanks returned to the lender, or faulty blanks to the centre.
    ReturnedOut,
    /// Given back to us: blanks we had lent, returned by the other district.
    ReturnedIn,
    /// Physical count (stock opname) at the start of the day; replaces the balance.
    Count,
}

impl StockEventKind {
    pub const ALL: [StockEventKind; 7] = [
        StockEventKind::Receipt,
        StockEventKind::Spoiled,
        StockEventKind::Lent,
        StockEventKind::Borrowed,
        StockEventKind::ReturnedOut,
        StockEventKind::ReturnedIn,
        StockEventKind::Count,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            StockEventKind::Receipt => "receipt",
            StockEventKind::Spoiled => "spoiled",
            StockEventKind::Lent => "lent",
            StockEventKind::Borrowed => "borrowed",
            StockEventKind::ReturnedOut => "returned_out",
            StockEventKind::ReturnedIn => "returned_in",
            StockEventKind::Count => "count",
        }
    }

    pub fn parse(text: &str) -> Option<StockEventKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == text)
    }

    /// +1 for blanks coming in, -1 for blanks going out, 0 for a count.
    pub fn direction(self) -> i64 {
        match self {
            StockEventKind::Receipt | StockEventKind::Borrowed | StockEventKind::ReturnedIn => 1,
            StockEventKind::Spoiled | StockEventKind::Lent | StockEventKind::ReturnedOut => -1,
            StockEventKind::Count => 0,
        }
    }
}

/// One line of the blank-card stock card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StockEvent {
    /// Row id; `None` until stored.
    pub id: Option<i64>,
    pub date: NaiveDate,
    pub kind: StockEventKind,
    pub quantity: u64,
    /// Handover document (BAST) number of a receipt, or another reference.
    pub document: String,
    /// Where the blanks came from or went to (the centre, a neighbouring district).
    pub counterparty: String,
    pub note: String,
}

/// A delivery of blanks the centre has announced: what the forecast expects to arrive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedDelivery {
    /// Row id; `None` until stored.
    pub id: Option<i64>,
    /// When the delivery was announced; forecasts made before this date do not know it.
    pub planned_on: NaiveDate,
    pub expected_on: NaiveDate,
    pub quantity: u64,
    pub note: String,
}

/// A calendar period in which work runs at a different pace, e.g. Ramadan at 0.6.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeasonFactor {
    /// Row id; `None` until stored.
    pub id: Option<i64>,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    /// Multiplies the usual daily throughput; 1 is an ordinary day.
    pub factor: f64,
    pub name: String,
}

/// What stopped the work during an outage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutageCause {
    /// The central server (server pusat).
    CentralServer,
    /// The network link (jaringan).
    Network,
    /// Electricity (listrik).
    Power,
    /// Local equipment (perangkat).
    Equipment,
}

impl OutageCause {
    pub const ALL: [OutageCause; 4] = [
        OutageCause::CentralServer,
        OutageCause::Network,
        OutageCause::Power,
        OutageCause::Equipment,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OutageCause::CentralServer => "central_server",
            OutageCause::Network => "network",
            OutageCause::Power => "power",
            OutageCause::Equipment => "equipment",
        }
    }

    pub fn parse(text: &str) -> Option<OutageCause> {
        Self::ALL.into_iter().find(|c| c.as_str() == text)
    }
}

/// A period in which units could not work normally (gangguan).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outage {
    /// Row id; `None` until stored.
    pub id: Option<i64>,
    pub first_day: NaiveDate,
    /// The last day of the outage; `None` while it goes on.
    pub last_day: Option<NaiveDate>,
    /// The units affected; empty means all units.
    pub units: Vec<UnitId>,
    pub cause: OutageCause,
    pub note: String,
}

impl Outage {
    /// Whether the outage covers `date` (an open outage covers every day from its start).
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.first_day <= date && self.last_day.is_none_or(|last| date <= last)
    }

    /// Whether the outage affects `unit`.
    pub fn affects(&self, unit: UnitId) -> bool {
        self.units.is_empty() || self.units.contains(&unit)
    }
}

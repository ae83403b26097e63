//! The centre's stage after sending: a record sent to the central server is checked for
//! uniqueness before it becomes a print-ready record (PRR, "data siap cetak"); a record found
//! twice in different districts (DUP) or with incomplete biometrics (Efac) leaves the pipeline,
//! and an Efac record is taken again (retaken), entering again as recorded.
//!
//! Offices that count these give them per unit and day beside the four counts. An office that
//! does not count them works as before: a unit's PRR is then unknown, never 0.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::UnitId;

/// What the centre's checks gave for a unit in a day (or, summed, up to a day).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PrrCounts {
    /// Records that became print-ready (PRR).
    pub prr: u64,
    /// Records found recorded twice in different districts (DUP).
    pub dup: u64,
    /// Records failed for incomplete biometrics (Efac); deleted at the centre.
    pub efac: u64,
    /// Efac records taken again; these are counted in the day's recorded too.
    pub efac_retaken: u64,
}

impl PrrCounts {
    pub fn add(&mut self, other: &PrrCounts) {
        self.prr += other.prr;
        self.dup += other.dup;
        self.efac += other.efac;
        self.efac_retaken += other.efac_retaken;
    }

    pub fn get(&self, field: PrrField) -> u64 {
        match field {
            PrrField::Prr => self.prr,
            PrrField::Dup => self.dup,
            PrrField::Efac => self.efac,
            PrrField::EfacRetaken => self.efac_retaken,
        }
    }

    pub fn set(&mut self, field: PrrField, value: u64) {
        match field {
            PrrField::Prr => self.prr = value,
            PrrField::Dup => self.dup = value,
            PrrField::Efac => self.efac = value,
            PrrField::EfacRetaken => self.efac_retaken = value,
        }
    }

    /// Records that left the pipeline at the centre: DUP and Efac.
    pub fn rejected(&self) -> u64 {
        self.dup + self.efac
    }
}

/// Names one of the stage's counts, for messages, columns and keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PrrField {
    Prr,
    Dup,
    Efac,
    EfacRetaken,
}

impl PrrField {
    pub const ALL: [PrrField; 4] = [
        PrrField::Prr,
        PrrField::Dup,
        PrrField::Efac,
        PrrField::EfacRetaken,
    ];

    /// The word used in messages, columns and the database.
    pub fn name(self) -> &'static str {
        match self {
            PrrField::Prr => "prr",
            PrrField::Dup => "dup",
            PrrField::Efac => "efac",
            PrrField::EfacRetaken => "efac_retaken",
        }
    }

    pub fn parse(text: &str) -> Option<PrrField> {
        Self::ALL.into_iter().find(|f| f.name() == text)
    }
}

/// A unit's cumulative PRR, DUP, Efac and retaken at the close of `as_of`: where an office
/// that starts counting them (or starts using Pantau) takes them up. The unit's reports after
/// `as_of` carry the day's figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrrOpening {
    pub unit_id: UnitId,
    pub as_of: NaiveDate,
    pub counts: PrrCounts,
}

/// Where a unit's cumulative PRR starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PrrBaseline {
    /// The day whose close the totals are; `None`: from before the unit's first report (zero).
    pub as_of: Option<NaiveDate>,
    pub counts: PrrCounts,
}

impl PrrBaseline {
    /// Whether a report on `date` comes after the baseline (and so adds to it).
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.as_of.is_none_or(|as_of| date > as_of)
    }
}

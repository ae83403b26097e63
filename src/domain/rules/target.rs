//! A target that looks like a typo rather than a revision: the figure is saved only when the
//! user confirms it (coverage above 100 % can be real; 10 typed for 31,904 is not).

use chrono::NaiveDate;

use super::super::Target;
use super::super::dataset::Dataset;

/// Why a new wajib KTP figure asks to be confirmed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetDoubt {
    /// Below the residents the unit has recorded while the figure would be in force.
    BelowRecorded { recorded: u64 },
    /// More than half away from the figure in force before it (or the one it replaces).
    BigChange { from: u64 },
}

/// Whether `target` asks to be confirmed before it is saved into `data`.
pub fn target_doubt(data: &Dataset, target: &Target) -> Option<TargetDoubt> {
    let unit = target.unit_id;
    // The figure holds until the unit's next target takes over.
    let next = data
        .targets
        .iter()
        .filter(|t| t.unit_id == unit && t.effective_from > target.effective_from)
        .map(|t| t.effective_from)
        .min();
    let until = next.and_then(|d| d.pred_opt()).unwrap_or(NaiveDate::MAX);
    let recorded = data.totals(unit, until).recorded;
    if target.wajib_ktp < recorded {
        return Some(TargetDoubt::BelowRecorded { recorded });
    }
    let before = data.wajib_ktp(unit, target.effective_from)?;
    let change = before.abs_diff(target.wajib_ktp);
    (change.saturating_mul(2) > before).then_some(TargetDoubt::BigChange { from: before })
}

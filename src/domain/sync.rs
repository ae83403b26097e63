//! Keeping two databases' copies of one unit's reports in step — the kecamatan PC's and the
//! district's — when each side may change a report while the other does not know yet.
//!
//! A report's **revision** is a digest of what it says (date, counts, server, note), so two
//! databases that hold the same values hold the same revision whatever their row ids are. Each
//! side remembers, per report, the revision it believes the other side holds (its *base*). A
//! change travels with that base; the receiver applies it only if its own copy is still the
//! base — otherwise someone changed it there meanwhile, and the change is a conflict for a
//! person to decide, never silently lost.

use sha2::{Digest, Sha256};

use super::DailyReport;

/// What a report says, as a short digest (32 hex digits); the same values give the same
/// revision in any database.
pub fn revision(report: &DailyReport) -> String {
    let c = &report.counts;
    let text = format!(
        "{}|{}|{}|{}|{}|{}|{}",
        report.date,
        c.recorded,
        c.sent_to_central,
        c.printed,
        c.suket_issued,
        u8::from(report.server_ok),
        report.note
    );
    // The centre's stage only where known: a report without it keeps the revision it had
    // before there was one.
    let text = match &report.prr {
        Some(p) => format!("{text}|{}|{}|{}|{}", p.prr, p.dup, p.efac, p.efac_retaken),
        None => text,
    };
    let digest = Sha256::digest(text.as_bytes());
    digest[..16].iter().map(|b| format!("{b:02x}")).collect()
}

/// What an outage says (first and last day, cause, note), as a short digest; the units are
/// the bundle's.
pub fn outage_revision(outage: &super::Outage) -> String {
    let text = format!(
        "{}|{}|{}|{}",
        outage.first_day,
        outage.last_day.map(|d| d.to_string()).unwrap_or_default(),
        outage.cause.as_str(),
        outage.note
    );
    let digest = Sha256::digest(text.as_bytes());
    digest[..16].iter().map(|b| format!("{b:02x}")).collect()
}

/// The revision of a report that may not exist (`None`: there is no report).
pub fn revision_of(report: Option<&DailyReport>) -> Option<String> {
    report.map(revision)
}

/// What to do with a report the other side sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Merge {
    /// Ours already says the same: nothing to write.
    Same,
    /// Ours is still what the sender based its change on: take the sent report.
    Apply,
    /// Ours changed since the sender's base: a person decides.
    Conflict,
}

/// Decides about `sent` (`None`: the sender deleted the report) given `ours` and the revision
/// the sender based its change on (`None`: the sender believed there was no report).
pub fn merge(ours: Option<&DailyReport>, sent: Option<&DailyReport>, base: Option<&str>) -> Merge {
    let ours = revision_of(ours);
    if ours == revision_of(sent) {
        Merge::Same
    } else if ours.as_deref() == base {
        Merge::Apply
    } else {
        Merge::Conflict
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Counts;
    use chrono::NaiveDate;

    fn report(unit_id: i64, recorded: u64, note: &str) -> DailyReport {
        DailyReport {
            unit_id,
            date: NaiveDate::from_ymd_opt(2016, 10, 5).unwrap_or_default(),
            counts: Counts {
                recorded,
                sent_to_central: 0,
                printed: 4,
                suket_issued: 2,
            },
            server_ok: false,
            note: note.into(),
            prr: None,
        }
    }

    #[test]
    fn the_revision_follows_the_values_not_the_row_id() {
        assert_eq!(revision(&report(3, 31, "")), revision(&report(17, 31, "")));
        assert_ne!(revision(&report(3, 31, "")), revision(&report(3, 32, "")));
        assert_ne!(revision(&report(3, 31, "")), revision(&report(3, 31, "x")));
        assert_eq!(revision(&report(3, 31, "")).len(), 32);
    }

    #[test]
    fn a_change_applies_on_its_base_and_conflicts_otherwise() {
        let base = report(1, 31, "");
        let sent = report(1, 35, "koreksi");
        let base_rev = revision(&base);
        assert_eq!(
            merge(Some(&base), Some(&sent), Some(&base_rev)),
            Merge::Apply
        );
        assert_eq!(merge(None, Some(&sent), None), Merge::Apply);
        assert_eq!(
            merge(Some(&sent), Some(&sent), Some(&base_rev)),
            Merge::Same
        );
        // Changed here meanwhile.
        let ours = report(1, 40, "dikoreksi kabupaten");
        assert_eq!(
            merge(Some(&ours), Some(&sent), Some(&base_rev)),
            Merge::Conflict
        );
        // Entered here while the sender entered it too.
        assert_eq!(merge(Some(&ours), Some(&sent), None), Merge::Conflict);
        // A deletion on its base, and one of a report changed here.
        assert_eq!(merge(Some(&base), None, Some(&base_rev)), Merge::Apply);
        assert_eq!(merge(Some(&ours), None, Some(&base_rev)), Merge::Conflict);
    }
}

//! Exporting daily reports to CSV for the office's other tools.

use std::path::Path;

use chrono::NaiveDate;

use crate::domain::Dataset;

/// A text cell that a spreadsheet would run as a formula gets a leading `'` (CSV injection);
/// the importer removes it again.
pub fn guard(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    }
}

/// Writes the daily reports from `from` to `to` as CSV: UTF-8, one header row, ISO dates.
pub fn reports_csv(
    data: &Dataset,
    out: &Path,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<usize, String> {
    let mut writer = csv::Writer::from_path(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let io = |e: csv::Error| format!("{}: {e}", out.display());
    writer
        .write_record([
            "date",
            "unit",
            "recorded",
            "sent",
            "printed",
            "suket",
            "server_ok",
            "note",
        ])
        .map_err(io)?;
    let mut reports: Vec<_> = data
        .reports
        .values()
        .filter(|r| (from..=to).contains(&r.date))
        .collect();
    reports.sort_by_key(|r| (r.date, data.unit_name(r.unit_id)));
    for r in &reports {
        let c = &r.counts;
        writer
            .write_record([
                r.date.to_string(),
                guard(&data.unit_name(r.unit_id)),
                c.recorded.to_string(),
                c.sent_to_central.to_string(),
                c.printed.to_string(),
                c.suket_issued.to_string(),
                if r.server_ok { "ya" } else { "tidak" }.to_string(),
                guard(&r.note),
            ])
            .map_err(io)?;
    }
    writer
        .flush()
        .map_err(|e| format!("{}: {e}", out.display()))?;
    Ok(reports.len())
}

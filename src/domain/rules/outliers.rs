//! Outliers: values far above a unit's recent median, or above a set maximum. They are saved
//! only with a note that explains them.

use super::*;

/// Why a value counts as an outlier.
#[derive(Debug, Clone, PartialEq)]
pub enum OutlierReason {
    AboveMedian {
        median: u64,
        factor: f64,
        window_days: usize,
    },
    AboveMaximum {
        maximum: u64,
    },
}

/// A value far outside what the unit usually reports. It is saved only with a note.
#[derive(Debug, Clone, PartialEq)]
pub struct Outlier {
    pub field: CountField,
    pub value: u64,
    pub reason: OutlierReason,
}

impl fmt::Display for Outlier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (field, value) = (self.field.name(), format_en(self.value));
        match &self.reason {
            OutlierReason::AboveMedian {
                median,
                factor,
                window_days,
            } => write!(
                f,
                "{field} {value} is more than {factor}× the median of the last {window_days} \
                 working days with {field} ({})",
                format_en(*median)
            ),
            OutlierReason::AboveMaximum { maximum } => write!(
                f,
                "{field} {value} is above the daily maximum set for {field} ({})",
                format_en(*maximum)
            ),
        }
    }
}

/// Values far above the unit's recent median, or above a set maximum.
pub fn outliers(data: &Dataset, report: &DailyReport) -> Vec<Outlier> {
    // Newest first, so that each field takes its most recent active days.
    let mut history: Vec<&Counts> = data
        .calendar
        .working_days_before(report.date, lookback_days(&data.settings))
        .iter()
        .filter_map(|d| data.reports.get(&(report.unit_id, *d)))
        .map(|r| &r.counts)
        .collect();
    history.reverse();
    outliers_against(&data.settings, &report.counts, &history)
}

/// The outliers of `counts` against the unit's earlier reports on working days within the
/// lookback, newest first. [`outliers`] and the batch judge in [`crate::domain::judge`] both end here.
pub fn outliers_against(settings: &Settings, counts: &Counts, history: &[&Counts]) -> Vec<Outlier> {
    let mut found = Vec::new();
    for field in CountField::ALL {
        let value = counts.get(field);
        if let Some(&maximum) = settings.max_daily.get(&field)
            && value > maximum
        {
            found.push(Outlier {
                field,
                value,
                reason: OutlierReason::AboveMaximum { maximum },
            });
            continue;
        }
        let active = history
            .iter()
            .map(|c| c.get(field))
            .filter(|v| *v > 0)
            .take(settings.outlier_window_days);
        if let Some(median) = median(active)
            && value as f64 > settings.outlier_factor * median as f64
            && value > median + OUTLIER_MIN_EXCESS
        {
            found.push(Outlier {
                field,
                value,
                reason: OutlierReason::AboveMedian {
                    median,
                    factor: settings.outlier_factor,
                    window_days: settings.outlier_window_days,
                },
            });
        }
    }
    found
}

/// How many working days before a report the outlier rule looks back for active days.
pub fn lookback_days(settings: &Settings) -> usize {
    settings.outlier_window_days * LOOKBACK_FACTOR
}

/// How far back, in multiples of the window, the outlier rule looks for active days.
const LOOKBACK_FACTOR: usize = 6;

/// Fewest active days before a median means anything: a unit's first two weeks set no
/// standard for the days after them.
pub const MIN_HISTORY_DAYS: usize = 10;

/// A value within this much of the median is never an outlier: 4 against a median of 1 is
/// an ordinary small day, not a spike.
pub const OUTLIER_MIN_EXCESS: u64 = 10;

/// Working days with a report among the lookback before `date`: below [`MIN_HISTORY_DAYS`] the
/// unit has no outlier check yet.
pub fn history_days(data: &Dataset, unit: UnitId, date: NaiveDate) -> usize {
    data.calendar
        .working_days_before(date, lookback_days(&data.settings))
        .iter()
        .filter(|d| data.reports.contains_key(&(unit, **d)))
        .count()
}

/// Median of a unit's recent *active* days (a non-zero value): days without any activity (an
/// outage, no blanks) say nothing about what a normal day looks like, and a catch-up after an
/// outage is measured against the days before it.
fn median(values: impl Iterator<Item = u64>) -> Option<u64> {
    let mut values: Vec<u64> = values.collect();
    if values.len() < MIN_HISTORY_DAYS {
        return None;
    }
    values.sort_unstable();
    let mid = values.len() / 2;
    Some(if values.len().is_multiple_of(2) {
        (values[mid - 1] + values[mid]).div_ceil(2)
    } else {
        values[mid]
    })
}

/// Stored reports with an outlier and no note, oldest first: what `pantau check` lists as
/// warnings, and what an import of an office's history leaves for review.
pub fn unexplained_outliers(data: &Dataset) -> Vec<(Place, Outlier)> {
    let changes: Vec<Change> = data
        .reports
        .values()
        .filter(|r| r.note.trim().is_empty())
        .map(|r| Change::Report {
            unit: r.unit_id,
            date: r.date,
        })
        .collect();
    let mut found: Vec<(Place, Outlier)> = outliers_of(data, &changes)
        .into_iter()
        .filter_map(|(index, outliers)| {
            let Change::Report { unit, date } = changes[index] else {
                return None;
            };
            let report = data.reports.get(&(unit, date))?;
            Some((report_place(data, report), outliers.into_iter().next()?))
        })
        .collect();
    found.sort_by(|a, b| (a.0.date, &a.0.unit).cmp(&(b.0.date, &b.0.unit)));
    found
}

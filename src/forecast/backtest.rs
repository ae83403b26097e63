//! How good were past forecasts? For each past as-of date whose milestone was later reached in
//! the data, was the actual date on or before P85, and how far off was P50?

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::history::History;
use super::slip::{Progress, compute};
use super::{Forecast, ForecastParams};

/// One past forecast next to what happened.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Case {
    pub as_of: NaiveDate,
    /// `recording` or `printing`.
    pub milestone: &'static str,
    pub actual: NaiveDate,
    pub p50: Option<NaiveDate>,
    pub p85: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Backtest {
    /// Share of cases whose actual date was on or before P85; `None` without cases.
    pub p85_coverage: Option<f64>,
    pub p50_coverage: Option<f64>,
    /// Median distance between P50 and the actual date, in working days.
    pub p50_median_error_days: Option<f64>,
    pub n: usize,
    #[serde(skip)]
    pub cases: Vec<Case>,
}

/// The cases of the forecasts made on `dates`.
pub fn cases(
    history: &History,
    dates: &[NaiveDate],
    params: &ForecastParams,
    threads: usize,
) -> Vec<Case> {
    let progress = Progress::default();
    let Ok(entries) = compute(history, dates, params, &BTreeMap::new(), &progress, threads) else {
        return Vec::new();
    };
    entries
        .iter()
        .flat_map(|entry| cases_of(history, &entry.forecast))
        .collect()
}

fn cases_of(history: &History, forecast: &Forecast) -> Vec<Case> {
    let wajib = history.wajib_ktp(forecast.as_of);
    let reached_after = |total: fn(&super::history::Day) -> u64| {
        let days = history.days();
        let before = days.iter().take_while(|d| d.date <= forecast.as_of);
        if wajib == 0 || before.clone().any(|d| total(d) >= wajib) {
            return None;
        }
        days.iter()
            .find(|d| d.date > forecast.as_of && total(d) >= wajib)
            .map(|d| d.date)
    };
    let mut out = Vec::new();
    for (name, milestone, total) in [
        (
            "recording",
            &forecast.recording,
            (|d: &super::history::Day| d.total_recorded) as fn(&_) -> u64,
        ),
        ("printing", &forecast.printing, |d: &super::history::Day| {
            d.total_printed
        }),
    ] {
        if let Some(actual) = reached_after(total) {
            out.push(Case {
                as_of: forecast.as_of,
                milestone: name,
                actual,
                p50: milestone.p50,
                p85: milestone.p85,
            });
        }
    }
    out
}

/// Coverage and error over a set of cases. A missing P85 (beyond the horizon) covers every
/// actual date; a missing P50 has no error to measure.
pub fn summarize(history: &History, cases: Vec<Case>) -> Backtest {
    let n = cases.len();
    if n == 0 {
        return Backtest {
            p85_coverage: None,
            p50_coverage: None,
            p50_median_error_days: None,
            n,
            cases,
        };
    }
    let covered = |p: fn(&Case) -> Option<NaiveDate>| {
        cases
            .iter()
            .filter(|c| p(c).is_none_or(|date| c.actual <= date))
            .count() as f64
            / n as f64
    };
    let mut errors: Vec<f64> = cases
        .iter()
        .filter_map(|c| {
            let p50 = c.p50?;
            Some(history.working_days_between(p50, c.actual).unsigned_abs() as f64)
        })
        .collect();
    errors.sort_by(f64::total_cmp);
    let median = (!errors.is_empty()).then(|| {
        let mid = errors.len() / 2;
        if errors.len().is_multiple_of(2) {
            (errors[mid - 1] + errors[mid]) / 2.0
        } else {
            errors[mid]
        }
    });
    Backtest {
        p85_coverage: Some(covered(|c| c.p85)),
        p50_coverage: Some(covered(|c| c.p50)),
        p50_median_error_days: median,
        n,
        cases,
    }
}

/// The backtest of the forecasts made on `dates`.
pub fn backtest(
    history: &History,
    dates: &[NaiveDate],
    params: &ForecastParams,
    threads: usize,
) -> Backtest {
    let cases = cases(history, dates, params, threads);
    summarize(history, cases)
}

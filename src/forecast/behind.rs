//! Who is falling behind: per unit, the recording rate this month against last month, the
//! backlogs and how they moved since the end of last month, coverage, and the rate the deadline
//! needs against the unit's rate over the forecast's window — slowest against its need first.
//!
//! The district office's own recordings serve residents of every kecamatan and count for no
//! kecamatan's coverage: its row comes apart, after the kecamatan, and says so.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::History;
use super::pace::StagePace;
use crate::domain::{Counts, Dataset, UnitId, UnitKind};

/// One unit's answer to "is it falling behind?".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitBehind {
    pub id: UnitId,
    pub name: String,
    /// The district office itself (its recordings belong to no kecamatan).
    pub district_office: bool,
    pub wajib_ktp: Option<u64>,
    /// Residents recorded up to the as-of day, opening balance included.
    pub recorded: u64,
    pub coverage_pct: Option<f64>,
    /// Recorded per working day from the first of the as-of month to the as-of day; `None`
    /// before its first working day.
    pub recorded_this_month_per_working_day: Option<f64>,
    /// Recorded per working day over the month before.
    pub recorded_last_month_per_working_day: Option<f64>,
    pub backlog_to_send: u64,
    pub backlog_to_print: u64,
    /// How the backlogs moved since the end of last month (positive: grew).
    pub backlog_to_send_change: i64,
    pub backlog_to_print_change: i64,
    /// Recording against the deadline in force: what it needs a working day, and the unit's
    /// rate over the forecast's window. `None` without a target or a deadline.
    pub recording: Option<StagePace>,
    /// The same for sending to the centre and for printing.
    pub sending: Option<StagePace>,
    pub printing: Option<StagePace>,
}

impl UnitBehind {
    /// Whether it is behind the deadline: under the rate it needs, or with work left and no
    /// working day left before the deadline.
    pub fn is_behind(&self) -> bool {
        self.share_of_need().is_some_and(|s| s < 1.0)
            || self
                .recording
                .is_some_and(|p| p.remaining > 0 && p.required_per_working_day.is_none())
    }

    /// The share of the needed rate the current rate gives (1 or more: on track); `None` when
    /// nothing is needed or it cannot be said.
    pub fn share_of_need(&self) -> Option<f64> {
        let pace = self.recording?;
        let required = pace.required_per_working_day.filter(|r| *r > 0.0)?;
        Some(pace.current_per_working_day / required)
    }
}

/// Every active unit's row on `as_of`, kecamatan slowest against their need first (then those
/// with nothing needed, then without a target), the district office last.
pub fn behind(
    data: &Dataset,
    history: &History,
    as_of: NaiveDate,
    window_days: usize,
) -> Vec<UnitBehind> {
    let inputs = history.inputs(as_of, window_days);
    let calendar = &data.calendar;
    // The forecast's window as a span of days: a weekend's reports count towards the working
    // day after it, as in the district's history.
    let window = inputs.window.first().map(|first| {
        let before = calendar
            .working_days_before(first.date, 1)
            .first()
            .copied()
            .and_then(|d| d.succ_opt())
            .unwrap_or(first.date);
        (before, inputs.window.len())
    });
    let month_start = as_of.with_day(1).unwrap_or(as_of);
    let last_month_end = month_start.pred_opt().unwrap_or(month_start);
    let last_month_start = last_month_end.with_day(1).unwrap_or(last_month_end);
    let working = |from: NaiveDate, to: NaiveDate| calendar.working_days(from, to).len();
    let working_days_left = inputs
        .deadline
        .map(|d| inputs.future.iter().take_while(|f| f.date <= d).count());
    let mut rows: Vec<UnitBehind> = data
        .units
        .iter()
        .filter(|u| u.active)
        .map(|unit| {
            // The unit's reports between two days, read by range, not from its first.
            let between = |from: NaiveDate, to: NaiveDate| {
                data.reports
                    .range((unit.id, from)..=(unit.id, to.max(from)))
                    .map(|(_, r)| r)
            };
            let recorded_between = |from: NaiveDate, to: NaiveDate| -> u64 {
                between(from, to).map(|r| r.counts.recorded).sum()
            };
            let rate = |from: NaiveDate, to: NaiveDate| {
                let days = working(from, to);
                (days > 0).then(|| recorded_between(from, to) as f64 / days as f64)
            };
            let now: Counts = data.totals(unit.id, as_of);
            let then: Counts = data.totals(unit.id, last_month_end);
            let wajib = data.wajib_ktp(unit.id, as_of);
            // The unit's counts over the forecast's window, a mean per working day.
            let mut in_window = Counts::default();
            if let Some((from, _)) = window {
                for r in between(from, as_of) {
                    in_window.add(&r.counts);
                }
            }
            let days = window.map_or(1, |(_, days)| days.max(1)) as f64;
            let pace = |done: u64, moved: u64| {
                wajib.zip(working_days_left).map(|(w, left)| {
                    StagePace::new(w.saturating_sub(done), left, moved as f64 / days)
                })
            };
            let recording = pace(now.recorded, in_window.recorded);
            let sending = pace(now.sent_to_central, in_window.sent_to_central);
            let printing = pace(now.printed, in_window.printed);
            let change = |a: u64, b: u64| a as i64 - b as i64;
            UnitBehind {
                id: unit.id,
                name: unit.name.clone(),
                district_office: unit.kind == UnitKind::District,
                wajib_ktp: wajib,
                recorded: now.recorded,
                coverage_pct: wajib
                    .filter(|w| *w > 0)
                    .map(|w| now.recorded as f64 * 100.0 / w as f64),
                recorded_this_month_per_working_day: rate(month_start, as_of),
                recorded_last_month_per_working_day: rate(last_month_start, last_month_end),
                backlog_to_send: now.backlog_to_send(),
                backlog_to_print: now.backlog_to_print(),
                backlog_to_send_change: change(now.backlog_to_send(), then.backlog_to_send()),
                backlog_to_print_change: change(now.backlog_to_print(), then.backlog_to_print()),
                recording,
                sending,
                printing,
            }
        })
        .collect();
    // Slowest against its need first; then those with nothing needed by coverage, lowest
    // first; then those without a target; the district office last.
    let key = |u: &UnitBehind| {
        let group = if u.district_office {
            3
        } else if u.share_of_need().is_some() {
            0
        } else if u.coverage_pct.is_some() {
            1
        } else {
            2
        };
        let value = u
            .share_of_need()
            .or(u.coverage_pct)
            .unwrap_or(f64::INFINITY);
        (group, value)
    };
    rows.sort_by(|a, b| {
        let (ga, va) = key(a);
        let (gb, vb) = key(b);
        ga.cmp(&gb).then(va.total_cmp(&vb))
    });
    rows
}

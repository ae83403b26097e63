//! Judging many changes at once: the rules of [`super::rules`] over a batch of edited reports
//! and stock events, each rule once per batch instead of once per row.
//!
//! A save of one row, the entry grid's edited rows and an import of 200.000 rows all come here.
//! Per unit, the cumulative rule is one pass over the unit's reports from the earliest change;
//! the stock card is built once and searched once from the earliest change; the outlier rule
//! reads each unit's reports once, in date order. The verdicts are the ones
//! [`rules::check_report`] gives row by row, except that a cumulative or stock break found once
//! is blamed on one change (the latest one on or before the break), not on every row before it.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::rules::{self, Outlier, Place, RuleViolation};
use super::stock::ShortfallKind;
use super::{Counts, Dataset, StockEvent, StockEventKind, UnitId};

/// One change already put into the data being judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// The report of a unit on a date (inserted or edited).
    Report { unit: UnitId, date: NaiveDate },
    /// The stock event at this index of `data.stock_events` (added).
    StockEvent { index: usize },
}

/// Adds new stock events to `data`, each with the next free id, and returns them as changes to
/// judge.
pub fn add_stock_events<'a>(
    data: &mut Dataset,
    events: impl IntoIterator<Item = &'a StockEvent>,
) -> Vec<Change> {
    let mut next_id = data
        .stock_events
        .iter()
        .filter_map(|e| e.id)
        .max()
        .unwrap_or(0);
    let mut changes = Vec::new();
    for event in events {
        next_id += 1;
        changes.push(Change::StockEvent {
            index: data.stock_events.len(),
        });
        data.stock_events.push(StockEvent {
            id: Some(next_id),
            ..event.clone()
        });
    }
    changes
}

/// What an outlier without a note does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutlierPolicy {
    /// It is refused until a note explains it: a clerk typing today's figures.
    NeedsNote,
    /// It is accepted and flagged for review: an office's history, which has no notes.
    Flag,
}

/// The verdicts on a batch of changes. Most changes break no rule and have no outlier, so only
/// the others are kept, by their index in the batch.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Judgement {
    /// The changes refused, with the rule each breaks (the first one found).
    pub refused: BTreeMap<usize, RuleViolation>,
    /// Outliers of changes not refused: explained by their note, or, under
    /// [`OutlierPolicy::Flag`], written and flagged.
    pub outliers: BTreeMap<usize, Vec<Outlier>>,
}

impl Judgement {
    /// The verdict on change `index`: its outliers, or the rule it breaks.
    pub fn verdict(&self, index: usize) -> Result<&[Outlier], &RuleViolation> {
        match self.refused.get(&index) {
            Some(violation) => Err(violation),
            None => Ok(self.outliers.get(&index).map_or(&[], Vec::as_slice)),
        }
    }

    /// The refusal of the earliest change in the batch, if any.
    pub fn first_refusal(&self) -> Option<&RuleViolation> {
        self.refused.values().next()
    }
}

/// Judges `changes`, which are already in `data`.
pub fn judge(
    data: &Dataset,
    changes: &[Change],
    today: NaiveDate,
    policy: OutlierPolicy,
) -> Judgement {
    let mut judgement = Judgement::default();
    for (index, change) in changes.iter().enumerate() {
        let result = match *change {
            Change::Report { unit, date } => check_alone(data, unit, date, today),
            Change::StockEvent { index } => match data.stock_events.get(index) {
                Some(event) => check_event_alone(event, today),
                None => Err(RuleViolation::Invalid {
                    at: Place {
                        unit: None,
                        date: today,
                    },
                    problem: rules::Invalid::MissingStockEvent(index),
                }),
            },
        };
        if let Err(violation) = result {
            judgement.refused.insert(index, violation);
        }
    }
    let mut blame = |index: usize, violation: RuleViolation| {
        judgement.refused.entry(index).or_insert(violation);
    };
    for (index, violation) in cumulative_breaks(data, changes) {
        blame(index, violation);
    }
    if let Some((index, violation)) = stock_break(data, changes, today) {
        blame(index, violation);
    }
    for (index, outliers) in outliers_of(data, changes) {
        let Change::Report { unit, date } = changes[index] else {
            continue;
        };
        let Some(report) = data.reports.get(&(unit, date)) else {
            continue;
        };
        if judgement.refused.contains_key(&index) {
            continue;
        }
        if policy == OutlierPolicy::NeedsNote && report.note.trim().is_empty() {
            judgement.refused.insert(
                index,
                RuleViolation::OutlierNeedsNote {
                    at: rules::report_place(data, report),
                    outlier: outliers[0].clone(),
                },
            );
        } else {
            judgement.outliers.insert(index, outliers);
        }
    }
    judgement
}

/// The rules a report obeys on its own: a known, active unit, not in the future, not before the
/// opening balance, a note a person can read.
fn check_alone(
    data: &Dataset,
    unit: UnitId,
    date: NaiveDate,
    today: NaiveDate,
) -> Result<(), RuleViolation> {
    let Some(report) = data.reports.get(&(unit, date)) else {
        return Ok(());
    };
    let at = rules::report_place(data, report);
    match data.unit(unit) {
        None => {
            return Err(RuleViolation::UnknownUnit {
                name: at.unit.clone().unwrap_or_default(),
                known: data.units.iter().map(|u| u.name.clone()).collect(),
            });
        }
        Some(u) if !u.active => return Err(RuleViolation::InactiveUnit { at }),
        Some(_) => {}
    }
    rules::check_not_future(&at, today)?;
    rules::check_after_opening(data, unit, &at)?;
    rules::check_text(&at, "note", &report.note)
}

fn check_event_alone(event: &StockEvent, today: NaiveDate) -> Result<(), RuleViolation> {
    let at = Place {
        unit: None,
        date: event.date,
    };
    rules::check_not_future(&at, today)?;
    if event.quantity == 0 && event.kind != StockEventKind::Count {
        return Err(RuleViolation::Invalid {
            at,
            problem: rules::Invalid::ZeroQuantity(event.kind),
        });
    }
    for (field, text) in [
        ("document", &event.document),
        ("from/to", &event.counterparty),
        ("note", &event.note),
    ] {
        rules::check_text(&at, field, text)?;
    }
    Ok(())
}

/// Per unit with changes: the first date, from its earliest change on, on which the cumulative
/// rule breaks, blamed on the latest change on or before that date.
fn cumulative_breaks(data: &Dataset, changes: &[Change]) -> Vec<(usize, RuleViolation)> {
    let mut by_unit: BTreeMap<UnitId, Vec<(NaiveDate, usize)>> = BTreeMap::new();
    for (index, change) in changes.iter().enumerate() {
        if let Change::Report { unit, date } = *change {
            by_unit.entry(unit).or_default().push((date, index));
        }
    }
    let mut out = Vec::new();
    for (unit, mut dated) in by_unit {
        dated.sort_unstable();
        let from = dated[0].0;
        let start = Place {
            unit: Some(data.unit_name(unit)),
            date: from,
        };
        if let Err(violation) = rules::check_cumulative(data, unit, &start, from) {
            let Some(on) = violation.breaks_on() else {
                out.push((dated[0].1, violation));
                continue;
            };
            // The latest change on or before the break made it; there is one, as the search
            // started at the earliest.
            let (date, index) = dated
                .iter()
                .rev()
                .find(|(date, _)| *date <= on)
                .copied()
                .unwrap_or(dated[0]);
            let at = Place {
                unit: start.unit.clone(),
                date,
            };
            out.push((index, violation.blamed_on(at)));
        }
    }
    out
}

/// The first day, from the earliest change on, on which blanks do not suffice, blamed on the
/// change that used them up that day or else on the latest change before it.
fn stock_break(
    data: &Dataset,
    changes: &[Change],
    today: NaiveDate,
) -> Option<(usize, RuleViolation)> {
    let date_of = |change: &Change| match *change {
        Change::Report { date, .. } => Some(date),
        Change::StockEvent { index } => data.stock_events.get(index).map(|e| e.date),
    };
    let from = changes.iter().filter_map(date_of).min()?;
    let shortfall = data.stock_card().first_shortfall(from)?;
    let on_the_day = |index: &usize| date_of(&changes[*index]) == Some(shortfall.date);
    let indices = 0..changes.len();
    let culprit = match shortfall.kind {
        ShortfallKind::Printing => indices
            .clone()
            .filter(on_the_day)
            .filter_map(|i| match changes[i] {
                Change::Report { unit, date } => data
                    .reports
                    .get(&(unit, date))
                    .map(|r| (r.counts.printed, i)),
                Change::StockEvent { .. } => None,
            })
            .max()
            .map(|(_, i)| i),
        ShortfallKind::Outflow => indices.clone().filter(on_the_day).find(|i| {
            matches!(changes[*i], Change::StockEvent { index }
                if data.stock_events.get(index).is_some_and(|e| e.kind.direction() < 0))
        }),
    };
    let index = culprit.or_else(|| {
        indices
            .filter(|i| date_of(&changes[*i]).is_some_and(|d| d <= shortfall.date))
            .max_by_key(|i| date_of(&changes[*i]))
    })?;
    let violation = match changes[index] {
        Change::Report { unit, date } => {
            let report = data.reports.get(&(unit, date))?;
            let printed = report.counts.printed;
            rules::check_stock(
                data,
                &rules::report_place(data, report),
                rules::StockCause::Printed(printed),
                Some(printed),
            )
            .err()?
        }
        Change::StockEvent { index } => {
            rules::check_stock_event(data, data.stock_events.get(index)?, today).err()?
        }
    };
    Some((index, violation))
}

/// The working days of the calendar over a span, numbered, so that "the 120 working days before
/// a date" is a subtraction.
struct WorkingDays {
    days: Vec<NaiveDate>,
}

impl WorkingDays {
    fn new(data: &Dataset, first: NaiveDate, last: NaiveDate, lookback: usize) -> WorkingDays {
        let start = data
            .calendar
            .working_days_before(first, lookback)
            .first()
            .copied()
            .unwrap_or(first);
        WorkingDays {
            days: data.calendar.working_days(start, last),
        }
    }

    /// How many of the working days come before `date`.
    fn before(&self, date: NaiveDate) -> usize {
        self.days.partition_point(|d| *d < date)
    }

    /// The number of `date` if it is a working day.
    fn number(&self, date: NaiveDate) -> Option<usize> {
        self.days.binary_search(&date).ok()
    }
}

/// The outliers of each changed report, by index, reading each unit's reports once. Stock
/// events in `changes` are passed over.
pub fn outliers_of(data: &Dataset, changes: &[Change]) -> Vec<(usize, Vec<Outlier>)> {
    let mut by_unit: BTreeMap<UnitId, Vec<(NaiveDate, usize)>> = BTreeMap::new();
    for (index, change) in changes.iter().enumerate() {
        if let Change::Report { unit, date } = *change {
            by_unit.entry(unit).or_default().push((date, index));
        }
    }
    let (Some(first), Some(last)) = (
        by_unit.values().flatten().map(|(d, _)| *d).min(),
        by_unit.values().flatten().map(|(d, _)| *d).max(),
    ) else {
        return Vec::new();
    };
    let settings = &data.settings;
    let lookback = rules::lookback_days(settings);
    let calendar = WorkingDays::new(data, first, last, lookback);
    let mut out = Vec::new();
    let mut history: Vec<&Counts> = Vec::with_capacity(lookback);
    for (unit, dated) in by_unit {
        // The unit's reports on working days of the span, oldest first, with their numbers.
        let from = calendar.days.first().copied().unwrap_or(first);
        let numbered: Vec<(usize, &Counts)> = data
            .reports
            .range((unit, from)..=(unit, last))
            .filter_map(|((_, date), r)| calendar.number(*date).map(|n| (n, &r.counts)))
            .collect();
        for (date, index) in dated {
            let Some(report) = data.reports.get(&(unit, date)) else {
                continue;
            };
            let end = calendar.before(date);
            let oldest = end.saturating_sub(lookback);
            let position = numbered.partition_point(|(n, _)| *n < end);
            history.clear();
            history.extend(
                numbered[..position]
                    .iter()
                    .rev()
                    .take_while(|(n, _)| *n >= oldest)
                    .map(|(_, c)| *c),
            );
            let found = rules::outliers_against(settings, &report.counts, &history);
            if !found.is_empty() {
                out.push((index, found));
            }
        }
    }
    out
}

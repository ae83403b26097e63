//! Writing the daily work: reports, imports, blank-card movements, outages, announced
//! deliveries and seasons.

use super::office::unknown_unit;
use super::*;

impl Store {
    /// Saves one daily report: inserts it, or updates the unit's report for that date.
    pub fn save_report(&mut self, report: &DailyReport, today: NaiveDate) -> Result<SaveOutcome> {
        let mut outcomes = self.save_reports(std::slice::from_ref(report), today)?;
        Ok(outcomes.remove(0))
    }

    /// Saves several daily reports in one transaction: all of them, or none. An outlier needs
    /// a note; a report saved here is no longer flagged unexplained.
    pub fn save_reports(
        &mut self,
        reports: &[DailyReport],
        today: NaiveDate,
    ) -> Result<Vec<SaveOutcome>> {
        self.transact_keeping(|w, data| {
            may_change(w, data, reports)?;
            let mut olds = apply_reports(data, reports)?;
            let changes = report_changes(reports);
            let judgement = judge(data, &changes, today, OutlierPolicy::NeedsNote);
            if let Some(violation) = judgement.first_refusal() {
                return Err(violation.clone().into());
            }
            let mut outcomes = Vec::with_capacity(reports.len());
            for (index, report) in reports.iter().enumerate() {
                let old = olds.remove(&index);
                let was_flagged = data.unexplained.remove(&(report.unit_id, report.date));
                let saved = if was_flagged && old.as_ref() == Some(report) {
                    // The same values, now judged explained: only the flag changes.
                    w.clear_unexplained(report)?;
                    Saved::Updated
                } else {
                    w.put_report(old.as_ref(), report, false)?
                };
                let outliers = judgement.outliers.get(&index).cloned().unwrap_or_default();
                outcomes.push(SaveOutcome { saved, outliers });
            }
            Ok(outcomes)
        })
    }

    /// Deletes a unit's report for a date, if the totals after it still obey the rules.
    /// Returns whether there was one.
    pub fn delete_report(&mut self, unit: UnitId, date: NaiveDate) -> Result<bool> {
        self.transact_keeping(|w, data| {
            if !data.reports.contains_key(&(unit, date)) {
                return Ok(false);
            }
            // Who may, before whether the totals allow it: a closed day says so first.
            w.may_enter(unit, date)?;
            let Some(old) = data.reports.remove(&(unit, date)) else {
                return Ok(false);
            };
            let at = rules::report_place(data, &old);
            check_cumulative(data, unit, &at, date)?;
            w.delete_report(&old)?;
            Ok(true)
        })
    }

    /// Deletes a stock event, if the stock card still holds without it. Returns whether
    /// there was one.
    pub fn delete_stock_event(&mut self, id: i64) -> Result<bool> {
        self.transact_keeping(|w, data| {
            let Some(index) = data.stock_events.iter().position(|e| e.id == Some(id)) else {
                return Ok(false);
            };
            w.may_enter_stock(data.stock_events[index].date)?;
            let old = data.stock_events.remove(index);
            let at = Place {
                unit: None,
                date: old.date,
            };
            let cause = rules::StockCause::Deleting {
                kind: old.kind,
                quantity: old.quantity,
            };
            rules::check_stock(data, &at, cause, None)?;
            w.delete_stock_event(&old)?;
            Ok(true)
        })
    }

    /// Writes imported reports and stock events in one transaction, after judging them all
    /// against the data with all of them applied. An outlier without a note is written and
    /// flagged unexplained, for review. New reports are written with one prepared statement
    /// and one audit row for the whole import (naming the file, its SHA-256 and every row
    /// inserted); updates and stock events keep an audit row each.
    pub fn import(
        &mut self,
        reports: &[DailyReport],
        events: &[StockEvent],
        source: &ImportSource,
        today: NaiveDate,
    ) -> Result<ImportOutcome> {
        self.transact_keeping(|w, data| {
            may_change(w, data, reports)?;
            let olds = apply_reports(data, reports)?;
            let mut changes = report_changes(reports);
            changes.extend(add_stock_events(data, events));
            let judgement = judge(data, &changes, today, OutlierPolicy::Flag);
            if let Some(violation) = judgement.first_refusal() {
                return Err(violation.clone().into());
            }
            let mut outcome = ImportOutcome::default();
            let mut inserted: BTreeMap<UnitId, Vec<(&DailyReport, bool)>> = BTreeMap::new();
            let mut insert = w.report_inserter()?;
            // In key order, so that SQLite appends to its tree instead of splitting pages
            // all over it.
            let mut order: Vec<usize> = (0..reports.len()).collect();
            order.sort_unstable_by_key(|&i| (reports[i].unit_id, reports[i].date));
            for index in order {
                let report = &reports[index];
                let unexplained =
                    judgement.outliers.contains_key(&index) && report.note.trim().is_empty();
                outcome.unexplained += usize::from(unexplained);
                let key = (report.unit_id, report.date);
                match olds.get(&index) {
                    Some(old) if old == report => outcome.unchanged += 1,
                    Some(old) => {
                        w.put_report(Some(old), report, unexplained)?;
                        set_flag(data, key, unexplained);
                        outcome.updated += 1;
                    }
                    None => {
                        insert(report, unexplained)?;
                        set_flag(data, key, unexplained);
                        inserted
                            .entry(report.unit_id)
                            .or_default()
                            .push((report, unexplained));
                        outcome.new += 1;
                    }
                }
            }
            drop(insert);
            let mut ids = Vec::with_capacity(events.len());
            for event in events {
                ids.push(w.insert_stock_event(event)?);
                outcome.new += 1;
            }
            keep_stock_ids(data, events.len(), &ids);
            if !inserted.is_empty() {
                w.audit_import(source, &inserted, outcome.unexplained)?;
            }
            Ok(outcome)
        })
    }

    /// Books a blank-card stock event; returns its id.
    pub fn add_stock_event(&mut self, event: &StockEvent, today: NaiveDate) -> Result<i64> {
        self.transact_keeping(|w, data| {
            w.may_enter_stock(event.date)?;
            let changes = add_stock_events(data, [event]);
            if let Some(violation) =
                judge(data, &changes, today, OutlierPolicy::NeedsNote).first_refusal()
            {
                return Err(violation.clone().into());
            }
            let id = w.insert_stock_event(event)?;
            keep_stock_ids(data, 1, &[id]);
            Ok(id)
        })
    }

    /// Records an outage, or changes one (e.g. closes it with its last day); returns its id.
    pub fn save_outage(&mut self, outage: &Outage, today: NaiveDate) -> Result<i64> {
        self.transact(|w, data| {
            rules::check_outage(data, outage, today)?;
            let old = outage
                .id
                .and_then(|id| data.outages.iter().find(|o| o.id == Some(id)))
                .cloned();
            if outage.id.is_some() && old.is_none() {
                return Err(RuleViolation::Invalid {
                    at: Place {
                        unit: None,
                        date: outage.first_day,
                    },
                    problem: rules::Invalid::NoSuchOutage(outage.id.unwrap_or_default()),
                }
                .into());
            }
            w.put_outage(old.as_ref(), outage)
        })
    }

    /// Removes an outage; returns whether there was one.
    pub fn delete_outage(&mut self, id: i64) -> Result<bool> {
        self.delete_found(
            |data| data.outages.iter().find(|x| x.id == Some(id)).cloned(),
            |w, old| w.delete_outage(old),
        )
    }

    /// Records a delivery of blanks the centre has announced; returns its id.
    pub fn add_planned_delivery(&mut self, plan: &PlannedDelivery) -> Result<i64> {
        self.transact(|w, _| {
            rules::check_planned_delivery(plan)?;
            w.insert_planned_delivery(plan)
        })
    }

    /// Removes an announced delivery; returns whether there was one.
    pub fn delete_planned_delivery(&mut self, id: i64) -> Result<bool> {
        self.delete_found(
            |data| {
                data.planned_deliveries
                    .iter()
                    .find(|x| x.id == Some(id))
                    .cloned()
            },
            |w, old| w.delete_planned_delivery(old),
        )
    }

    /// Adds a period in which work runs at a different pace; returns its id.
    pub fn add_season_factor(&mut self, season: &SeasonFactor) -> Result<i64> {
        self.transact(|w, _| {
            rules::check_season_factor(season)?;
            w.insert_season_factor(season)
        })
    }

    /// Removes a seasonal period; returns whether there was one.
    pub fn delete_season_factor(&mut self, id: i64) -> Result<bool> {
        self.delete_found(
            |data| {
                data.season_factors
                    .iter()
                    .find(|x| x.id == Some(id))
                    .cloned()
            },
            |w, old| w.delete_season_factor(old),
        )
    }
}

/// Puts `reports` into `data`; returns what they replaced, by their index. A unit that does not
/// exist, or the same unit and date twice, refuses the whole batch.
pub(super) fn apply_reports(
    data: &mut Dataset,
    reports: &[DailyReport],
) -> Result<BTreeMap<usize, DailyReport>> {
    let mut seen = BTreeSet::new();
    let mut olds = BTreeMap::new();
    for (index, report) in reports.iter().enumerate() {
        if data.unit(report.unit_id).is_none() {
            return Err(unknown_unit(data, &report.unit_id.to_string()).into());
        }
        if !seen.insert((report.unit_id, report.date)) {
            return Err(RuleViolation::Invalid {
                at: rules::report_place(data, report),
                problem: rules::Invalid::EnteredTwice,
            }
            .into());
        }
        if let Some(old) = data.put_report(report.clone()) {
            olds.insert(index, old);
        }
    }
    Ok(olds)
}

pub(super) fn report_changes(reports: &[DailyReport]) -> Vec<Change> {
    reports
        .iter()
        .map(|r| Change::Report {
            unit: r.unit_id,
            date: r.date,
        })
        .collect()
}

/// An imported report's unexplained flag, in the data as in the database.
fn set_flag(data: &mut Dataset, key: (UnitId, NaiveDate), unexplained: bool) {
    if unexplained {
        data.unexplained.insert(key);
    } else {
        data.unexplained.remove(&key);
    }
}

/// The last `added` stock events of `data` (appended by [`add_stock_events`]) get the ids the
/// database gave them, and the card its order as it is read (date, then id).
fn keep_stock_ids(data: &mut Dataset, added: usize, ids: &[i64]) {
    let first = data.stock_events.len() - added;
    for (event, id) in data.stock_events[first..].iter_mut().zip(ids) {
        event.id = Some(*id);
    }
    data.stock_events.sort_by_key(|e| (e.date, e.id));
}

/// Refuses, before the rules judge them, reports the actor may not enter: a closed day or
/// another unit is said as such, not as a rule the figures break. Reports equal to the stored
/// ones change nothing and pass (an import that repeats last month's rows).
fn may_change(w: &Writer, data: &Dataset, reports: &[DailyReport]) -> Result<()> {
    for report in reports {
        let key = (report.unit_id, report.date);
        if data.reports.get(&key) != Some(report) || data.unexplained.contains(&key) {
            w.may_enter(report.unit_id, report.date)?;
        }
    }
    Ok(())
}

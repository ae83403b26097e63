//! Writing the office's reference data: setting up, units, holidays, targets, deadlines,
//! opening totals, settings, and a whole dataset at once.

use super::*;

impl Store {
    /// Sets up a new database for an office: its name, units and holiday calendar.
    pub fn initialize(
        &mut self,
        office: &Office,
        units: &[NewUnit],
        holidays: &[Holiday],
    ) -> Result<Vec<UnitId>> {
        let setup = NewOffice {
            office: office.clone(),
            units: units
                .iter()
                .map(|unit| UnitSetup {
                    unit: unit.clone(),
                    wajib_ktp: None,
                    opening: None,
                })
                .collect(),
            holidays: holidays.to_vec(),
            deadlines: Vec::new(),
        };
        self.set_up(&setup, NaiveDate::MAX)
    }

    /// Sets up a new database with everything an office starts with: units, their targets
    /// (in force from the start of the data) and opening totals, holidays and deadlines. One
    /// transaction: a refusal writes nothing.
    pub fn set_up(&mut self, setup: &NewOffice, today: NaiveDate) -> Result<Vec<UnitId>> {
        self.transact(|w, data| {
            rules::check_office(&setup.office)?;
            w.put_office(None, &setup.office)?;
            let mut ids = Vec::with_capacity(setup.units.len());
            for unit in &setup.units {
                ids.push(add_unit(w, data, &unit.unit)?);
            }
            for holiday in &setup.holidays {
                w.put_holiday(None, holiday)?;
            }
            let openings: Vec<OpeningBalance> = setup
                .units
                .iter()
                .zip(&ids)
                .filter_map(|(unit, &unit_id)| {
                    unit.opening.map(|(as_of, counts)| OpeningBalance {
                        unit_id,
                        as_of,
                        counts,
                    })
                })
                .collect();
            put_openings(w, data, &openings, today)?;
            let effective_from = data.start_of_data();
            for (unit, &unit_id) in setup.units.iter().zip(&ids) {
                if let Some(wajib_ktp) = unit.wajib_ktp {
                    let target = Target {
                        unit_id,
                        effective_from,
                        wajib_ktp,
                    };
                    w.put_target(None, &target)?;
                    data.targets.push(target);
                }
            }
            for deadline in &setup.deadlines {
                rules::check_deadline(deadline)?;
                if data
                    .deadlines
                    .iter()
                    .any(|d| d.decided_on == deadline.decided_on)
                {
                    return Err(RuleViolation::Invalid {
                        at: Place {
                            unit: None,
                            date: deadline.decided_on,
                        },
                        problem: rules::Invalid::DeadlineTwice,
                    }
                    .into());
                }
                w.put_deadline(None, deadline)?;
                data.deadlines.push(deadline.clone());
            }
            Ok(ids)
        })
    }

    /// Adds a unit; its name must be new (ignoring case and spacing).
    pub fn add_unit(&mut self, unit: &NewUnit) -> Result<UnitId> {
        self.transact(|w, data| {
            if let Some(own) = kecamatan_pc(w)? {
                return Err(RuleViolation::KecamatanPc {
                    unit: data.unit_name(own),
                }
                .into());
            }
            add_unit(w, data, unit)
        })
    }

    /// Renames a unit, changes its code or kind, or (de)activates it. A deactivated unit keeps
    /// its data and takes no new reports; units are never deleted.
    pub fn update_unit(&mut self, unit: &Unit) -> Result<()> {
        self.transact(|w, data| {
            let Some(old) = data.unit(unit.id).cloned() else {
                return Err(unknown_unit(data, &unit.id.to_string()).into());
            };
            let mut new = unit.clone();
            new.name = rules::unit_name(data, &unit.name, Some(unit.id))?;
            // The district knows a kecamatan PC's unit by its name and code.
            if (new.name != old.name || new.code != old.code) && kecamatan_pc(w)?.is_some() {
                return Err(RuleViolation::KecamatanPc { unit: old.name }.into());
            }
            if old != new {
                w.update_unit(&old, &new)?;
            }
            Ok(())
        })
    }

    /// Adds a holiday to the calendar, or renames the one on that date.
    pub fn set_holiday(&mut self, holiday: &Holiday) -> Result<()> {
        self.transact(|w, data| {
            let old = data.calendar.holiday(holiday.date).cloned();
            if old.as_ref() != Some(holiday) {
                w.put_holiday(old.as_ref(), holiday)?;
            }
            Ok(())
        })
    }

    /// Adds holidays to the calendar and renames those on a date that has one, in one
    /// transaction (a year's decree, imported). Returns how many were new and how many changed.
    pub fn import_holidays(&mut self, holidays: &[Holiday]) -> Result<(usize, usize)> {
        self.transact(|w, data| {
            let (mut new, mut changed) = (0, 0);
            for holiday in holidays {
                let old = data.calendar.holiday(holiday.date).cloned();
                if old.as_ref() == Some(holiday) {
                    continue;
                }
                w.put_holiday(old.as_ref(), holiday)?;
                if old.is_some() {
                    changed += 1;
                } else {
                    new += 1;
                }
            }
            Ok((new, changed))
        })
    }

    /// Adds the holidays of `shipped` of every year the calendar has none in, leaving the
    /// years it has as the office keeps them. Returns the years added.
    pub fn add_missing_holiday_years(&mut self, shipped: &[Holiday]) -> Result<Vec<i32>> {
        self.transact(|w, data| {
            let missing = data
                .calendar
                .years_without_holidays(shipped.iter().map(|h| h.date.year()));
            for holiday in shipped.iter().filter(|h| missing.contains(&h.date.year())) {
                w.put_holiday(None, holiday)?;
            }
            Ok(missing)
        })
    }

    /// Removes the holiday on `date` from the calendar; returns whether there was one.
    pub fn remove_holiday(&mut self, date: NaiveDate) -> Result<bool> {
        self.delete_found(
            |data| data.calendar.holiday(date).cloned(),
            |w, old| w.delete_holiday(old),
        )
    }

    /// Sets the wajib-KTP target of a unit from a date on.
    pub fn set_target(&mut self, target: &Target) -> Result<()> {
        self.set_targets(std::slice::from_ref(target))
    }

    /// Sets several targets in one transaction: all of them, or none.
    pub fn set_targets(&mut self, targets: &[Target]) -> Result<()> {
        self.transact(|w, data| {
            for target in targets {
                if data.unit(target.unit_id).is_none() {
                    return Err(unknown_unit(data, &target.unit_id.to_string()).into());
                }
                let found = data.targets.iter().position(|t| {
                    t.unit_id == target.unit_id && t.effective_from == target.effective_from
                });
                let old = found.map(|i| data.targets.remove(i));
                if old.as_ref() != Some(target) {
                    w.put_target(old.as_ref(), target)?;
                }
                data.targets.push(target.clone());
            }
            Ok(())
        })
    }

    /// Removes the deadline decided on `decided_on`; returns whether there was one.
    pub fn remove_deadline(&mut self, decided_on: NaiveDate) -> Result<bool> {
        self.delete_found(
            |data| {
                data.deadlines
                    .iter()
                    .find(|d| d.decided_on == decided_on)
                    .cloned()
            },
            |w, old| w.delete_deadline(old),
        )
    }

    /// Records a decision on the completion deadline. A decision cannot be dated after
    /// `today`; one on a day that has a decision already replaces it only with `replace`.
    pub fn add_deadline(
        &mut self,
        deadline: &Deadline,
        today: NaiveDate,
        replace: bool,
    ) -> Result<()> {
        self.transact(|w, data| {
            rules::check_new_deadline(data, deadline, today, replace)?;
            let old = data
                .deadlines
                .iter()
                .find(|d| d.decided_on == deadline.decided_on)
                .cloned();
            w.put_deadline(old.as_ref(), deadline)
        })
    }

    /// Sets a unit's opening balance; its reports must still obey the rules afterwards.
    pub fn set_opening_balance(
        &mut self,
        opening: &OpeningBalance,
        today: NaiveDate,
    ) -> Result<()> {
        self.set_opening_balances(std::slice::from_ref(opening), today)
    }

    /// Sets the opening balances of several units in one transaction: all of them, or none.
    pub fn set_opening_balances(
        &mut self,
        openings: &[OpeningBalance],
        today: NaiveDate,
    ) -> Result<()> {
        self.transact(|w, data| put_openings(w, data, openings, today))
    }

    /// Sets (or corrects) units' PRR starts: each unit's cumulative PRR, DUP, Efac and
    /// retaken at the close of a day, from which its reports' daily figures add up. One
    /// transaction; each checked against the unit's reports.
    pub fn set_prr_openings(&mut self, openings: &[PrrOpening], today: NaiveDate) -> Result<()> {
        self.transact(|w, data| {
            for opening in openings {
                if data.unit(opening.unit_id).is_none() {
                    return Err(unknown_unit(data, &opening.unit_id.to_string()).into());
                }
                let old = data.prr_openings.insert(opening.unit_id, opening.clone());
                rules::check_prr_opening(data, opening, today)?;
                if old.as_ref() != Some(opening) {
                    w.put_prr_opening(old.as_ref(), Some(opening))?;
                }
            }
            rules::check_prr_counted(data)?;
            Ok(())
        })
    }

    /// Saves the office's settings (outlier rule, forecast, coverage bands, whether it counts
    /// PRR: turning that on needs every unit's PRR known from a start).
    pub fn save_settings(&mut self, settings: &crate::domain::dataset::Settings) -> Result<()> {
        self.transact(|w, data| {
            rules::check_settings(settings)?;
            if settings.counts_prr && !data.settings.counts_prr {
                data.settings.counts_prr = true;
                rules::check_prr_counted(data)?;
            }
            let rows = settings_rows(settings);
            let old_rows = settings_rows(&data.settings);
            for (key, value) in &rows {
                w.put_setting(key, value)?;
            }
            // A daily maximum that was cleared is removed.
            for (key, _) in old_rows {
                if !rows.iter().any(|(k, _)| *k == key) {
                    w.delete_setting(&key)?;
                }
            }
            Ok(())
        })
    }

    /// Writes a whole dataset into an empty database in one transaction, after checking every
    /// rule over it. Used for the illustrative dataset.
    pub fn populate(&mut self, source: &Dataset, today: NaiveDate) -> Result<()> {
        self.transact(|w, data| {
            if !data.units.is_empty() {
                return Err(RuleViolation::Invalid {
                    at: Place {
                        unit: None,
                        date: today,
                    },
                    problem: rules::Invalid::NotEmpty,
                }
                .into());
            }
            if let Some(problem) = rules::check_dataset(source, today).into_iter().next() {
                return Err(problem.into());
            }
            rules::check_office(&source.office)?;
            let old_office = (!data.office.name.is_empty()).then_some(&data.office);
            w.put_office(old_office, &source.office)?;
            for unit in &source.units {
                w.insert_unit(unit)?;
            }
            for holiday in source.calendar.holidays() {
                w.put_holiday(None, holiday)?;
            }
            for target in &source.targets {
                w.put_target(None, target)?;
            }
            for deadline in &source.deadlines {
                w.put_deadline(None, deadline)?;
            }
            for opening in source.openings.values() {
                w.put_opening(None, opening)?;
            }
            for opening in source.prr_openings.values() {
                w.put_prr_opening(None, Some(opening))?;
            }
            for report in source.reports.values() {
                let flagged = source.unexplained.contains(&(report.unit_id, report.date));
                w.put_report(None, report, flagged)?;
            }
            for event in &source.stock_events {
                w.insert_stock_event(event)?;
            }
            for plan in &source.planned_deliveries {
                rules::check_planned_delivery(plan)?;
                w.insert_planned_delivery(plan)?;
            }
            for season in &source.season_factors {
                rules::check_season_factor(season)?;
                w.insert_season_factor(season)?;
            }
            for outage in &source.outages {
                rules::check_outage(source, outage, today)?;
                w.put_outage(None, outage)?;
            }
            Ok(())
        })?;
        self.save_settings(&source.settings)
    }
}

/// At a kecamatan PC, its own unit.
fn kecamatan_pc(w: &Writer) -> rusqlite::Result<Option<UnitId>> {
    w.conn
        .query_row(
            "SELECT unit_id FROM exchange_identity WHERE role = 'kecamatan'",
            [],
            |row| row.get(0),
        )
        .optional()
}

pub(super) fn add_unit(w: &Writer, data: &mut Dataset, unit: &NewUnit) -> Result<UnitId> {
    let mut new = Unit {
        id: 0,
        name: rules::unit_name(data, &unit.name, None)?,
        code: unit.code.clone().filter(|c| !c.trim().is_empty()),
        kind: unit.kind,
        active: true,
    };
    new.id = w.insert_unit(&new)?;
    data.units.push(new.clone());
    Ok(new.id)
}

/// Writes opening balances, each checked against the unit's reports and the cumulative rules.
pub(super) fn put_openings(
    w: &Writer,
    data: &mut Dataset,
    openings: &[OpeningBalance],
    today: NaiveDate,
) -> Result<()> {
    for opening in openings {
        if data.unit(opening.unit_id).is_none() {
            return Err(unknown_unit(data, &opening.unit_id.to_string()).into());
        }
        let old = data.openings.insert(opening.unit_id, opening.clone());
        rules::check_opening(data, opening, today)?;
        if old.as_ref() != Some(opening) {
            w.put_opening(old.as_ref(), opening)?;
        }
    }
    Ok(())
}

pub(super) fn unknown_unit(data: &Dataset, name: &str) -> RuleViolation {
    RuleViolation::UnknownUnit {
        name: name.to_string(),
        known: data.units.iter().map(|u| u.name.clone()).collect(),
    }
}

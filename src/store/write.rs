//! Writing: every public method is one transaction that loads the data, applies the change in
//! memory, judges it with the domain rules, and only then writes the rows and their audit rows.

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use serde_json::{Value, json};

use super::audit::{Action, record, record_text};
use super::load::{load_dataset, settings_rows};
use super::{Result, Store};
use crate::domain::judge::{Change, OutlierPolicy, add_stock_events, judge};
use crate::domain::rules::{self, Outlier, Place, check_cumulative, check_not_future};
use crate::domain::{
    DailyReport, Dataset, Deadline, Holiday, NewOffice, NewUnit, Office, OpeningBalance, Outage,
    PlannedDelivery, RuleViolation, SeasonFactor, StockEvent, Target, Unit, UnitId, UnitSetup,
};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};

/// What a save did to the stored row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    Inserted,
    Updated,
    /// The same values were already stored; nothing was written.
    Unchanged,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SaveOutcome {
    pub saved: Saved,
    /// Outliers the report's note explains.
    pub outliers: Vec<Outlier>,
}

/// Where imported rows came from, for the audit trail.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportSource {
    /// The file's name as the user chose it.
    pub file: String,
    /// SHA-256 of the file's bytes, in hex.
    pub sha256: String,
}

/// What an import wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportOutcome {
    pub new: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Reports written with an outlier and no note, flagged for review.
    pub unexplained: usize,
}

/// Writes rows and their audit rows inside one open transaction.
struct Writer<'a> {
    conn: &'a Connection,
    user: &'a str,
}

impl Writer<'_> {
    fn audit(
        &self,
        action: Action,
        table: &str,
        key: Value,
        old: Option<Value>,
        new: Option<Value>,
    ) -> rusqlite::Result<()> {
        record(
            self.conn,
            self.user,
            action,
            table,
            &key,
            old.as_ref(),
            new.as_ref(),
        )
    }

    /// Audits the row just inserted into `table` (an `id` table) and returns its id.
    fn audit_inserted(&self, table: &str, values: Value) -> rusqlite::Result<i64> {
        let id = self.conn.last_insert_rowid();
        self.audit(Action::Insert, table, json!({"id": id}), None, Some(values))?;
        Ok(id)
    }

    /// Deletes row `id` of `table` (an `id` table) with its audit row.
    fn delete_by_id(
        &self,
        table: &str,
        id: Option<i64>,
        old_values: Value,
    ) -> rusqlite::Result<()> {
        let id = id.unwrap_or_default();
        self.conn
            .execute(&format!("DELETE FROM {table} WHERE id = ?1"), [id])?;
        self.audit(
            Action::Delete,
            table,
            json!({"id": id}),
            Some(old_values),
            None,
        )
    }

    fn put_office(&self, old: Option<&Office>, office: &Office) -> rusqlite::Result<()> {
        self.conn.execute(
            "INSERT INTO office (id, name, description) VALUES (1, ?1, ?2)
             ON CONFLICT (id) DO UPDATE SET name = excluded.name, description = excluded.description",
            params![office.name, office.description],
        )?;
        let action = if old.is_some() {
            Action::Update
        } else {
            Action::Insert
        };
        let values = |o: &Office| json!({"name": o.name, "description": o.description});
        self.audit(
            action,
            "office",
            json!({"id": 1}),
            old.map(values),
            Some(values(office)),
        )
    }

    fn insert_unit(&self, unit: &Unit) -> rusqlite::Result<UnitId> {
        let id = (unit.id > 0).then_some(unit.id);
        self.conn.execute(
            "INSERT INTO unit (id, name, code, kind, active) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                id,
                unit.name.trim(),
                unit.code,
                unit.kind.as_str(),
                unit.active
            ],
        )?;
        let id = self.conn.last_insert_rowid();
        let values = json!({
            "name": unit.name.trim(), "code": unit.code, "kind": unit.kind.as_str(),
            "active": unit.active,
        });
        self.audit(
            Action::Insert,
            "unit",
            json!({"id": id}),
            None,
            Some(values),
        )?;
        Ok(id)
    }

    /// Inserts or updates a report with its audit row. `unexplained` flags an outlier that an
    /// import let through without a note; a save by a clerk clears it.
    fn put_report(
        &self,
        old: Option<&DailyReport>,
        new: &DailyReport,
        unexplained: bool,
    ) -> rusqlite::Result<Saved> {
        if old == Some(new) {
            return Ok(Saved::Unchanged);
        }
        let c = &new.counts;
        let mut stmt = self.conn.prepare_cached(
            "INSERT INTO daily_report (unit_id, date, recorded, sent_to_central, printed,
                                       suket_issued, server_ok, note, unexplained)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT (unit_id, date) DO UPDATE SET
                recorded = excluded.recorded, sent_to_central = excluded.sent_to_central,
                printed = excluded.printed, suket_issued = excluded.suket_issued,
                server_ok = excluded.server_ok, note = excluded.note,
                unexplained = excluded.unexplained",
        )?;
        stmt.execute(params![
            new.unit_id,
            new.date,
            c.recorded as i64,
            c.sent_to_central as i64,
            c.printed as i64,
            c.suket_issued as i64,
            new.server_ok,
            new.note,
            unexplained,
        ])?;
        let key = json!({"unit_id": new.unit_id, "date": new.date});
        let action = if old.is_some() {
            Action::Update
        } else {
            Action::Insert
        };
        let mut values = report_values(new);
        if unexplained {
            values["unexplained"] = json!(true);
        }
        self.audit(
            action,
            "daily_report",
            key,
            old.map(report_values),
            Some(values),
        )?;
        Ok(if old.is_some() {
            Saved::Updated
        } else {
            Saved::Inserted
        })
    }

    /// A report whose values stay as they are loses its unexplained flag: its outlier is now
    /// explained, or no longer one.
    fn clear_unexplained(&self, report: &DailyReport) -> rusqlite::Result<()> {
        self.conn.execute(
            "UPDATE daily_report SET unexplained = 0 WHERE unit_id = ?1 AND date = ?2",
            params![report.unit_id, report.date],
        )?;
        let key = json!({"unit_id": report.unit_id, "date": report.date});
        self.audit(
            Action::Update,
            "daily_report",
            key,
            Some(json!({"unexplained": true})),
            Some(json!({"unexplained": false})),
        )
    }

    /// Inserts new reports with one prepared statement and no audit row each; the caller writes
    /// one audit row for them all ([`Writer::audit_import`]).
    fn report_inserter(
        &self,
    ) -> rusqlite::Result<impl FnMut(&DailyReport, bool) -> rusqlite::Result<()> + '_> {
        let mut stmt = self.conn.prepare(
            "INSERT INTO daily_report (unit_id, date, recorded, sent_to_central, printed,
                                       suket_issued, server_ok, note, unexplained)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        Ok(move |r: &DailyReport, unexplained: bool| {
            let c = &r.counts;
            stmt.execute(params![
                r.unit_id,
                r.date,
                c.recorded as i64,
                c.sent_to_central as i64,
                c.printed as i64,
                c.suket_issued as i64,
                r.server_ok,
                r.note,
                unexplained,
            ])
            .map(|_| ())
        })
    }

    /// One audit row for the reports an import inserted: the file, its SHA-256, how many rows,
    /// and each row's unit and date.
    fn audit_import(
        &self,
        source: &ImportSource,
        inserted: &BTreeMap<UnitId, Vec<NaiveDate>>,
        unexplained: usize,
    ) -> rusqlite::Result<()> {
        use std::fmt::Write;
        let rows: usize = inserted.values().map(Vec::len).sum();
        // Written as text: a million rows as JSON values would take far more memory.
        let mut values = format!(r#"{{"rows":{rows},"unexplained":{unexplained},"inserted":["#);
        for (i, (unit, dates)) in inserted.iter().enumerate() {
            let comma = if i == 0 { "" } else { "," };
            let _ = write!(values, r#"{comma}{{"unit_id":{unit},"dates":["#);
            for (j, date) in dates.iter().enumerate() {
                let comma = if j == 0 { "" } else { "," };
                let _ = write!(values, r#"{comma}"{date}""#);
            }
            values.push_str("]}");
        }
        values.push_str("]}");
        record_text(
            self.conn,
            self.user,
            Action::Insert,
            "daily_report",
            &json!({"import": source.file, "sha256": source.sha256}).to_string(),
            None,
            Some(&values),
        )
    }

    fn delete_report(&self, old: &DailyReport) -> rusqlite::Result<()> {
        self.conn.execute(
            "DELETE FROM daily_report WHERE unit_id = ?1 AND date = ?2",
            params![old.unit_id, old.date],
        )?;
        let key = json!({"unit_id": old.unit_id, "date": old.date});
        self.audit(
            Action::Delete,
            "daily_report",
            key,
            Some(report_values(old)),
            None,
        )
    }

    fn delete_stock_event(&self, old: &StockEvent) -> rusqlite::Result<()> {
        self.delete_by_id("stock_event", old.id, stock_event_values(old))
    }

    fn insert_stock_event(&self, event: &StockEvent) -> rusqlite::Result<i64> {
        let mut stmt = self.conn.prepare_cached(
            "INSERT INTO stock_event (date, kind, quantity, document, counterparty, note)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        stmt.execute(params![
            event.date,
            event.kind.as_str(),
            event.quantity as i64,
            event.document,
            event.counterparty,
            event.note,
        ])?;
        self.audit_inserted("stock_event", stock_event_values(event))
    }

    fn put_target(&self, old: Option<&Target>, target: &Target) -> rusqlite::Result<()> {
        self.conn.execute(
            "INSERT INTO target (unit_id, effective_from, wajib_ktp) VALUES (?1, ?2, ?3)
             ON CONFLICT (unit_id, effective_from) DO UPDATE SET wajib_ktp = excluded.wajib_ktp",
            params![
                target.unit_id,
                target.effective_from,
                target.wajib_ktp as i64
            ],
        )?;
        let key = json!({"unit_id": target.unit_id, "effective_from": target.effective_from});
        let values = |t: &Target| json!({"wajib_ktp": t.wajib_ktp});
        let action = if old.is_some() {
            Action::Update
        } else {
            Action::Insert
        };
        self.audit(action, "target", key, old.map(values), Some(values(target)))
    }

    fn put_deadline(&self, old: Option<&Deadline>, deadline: &Deadline) -> rusqlite::Result<()> {
        self.conn.execute(
            "INSERT INTO deadline (decided_on, deadline, note) VALUES (?1, ?2, ?3)
             ON CONFLICT (decided_on) DO UPDATE SET deadline = excluded.deadline,
                                                    note = excluded.note",
            params![deadline.decided_on, deadline.deadline, deadline.note],
        )?;
        let key = json!({"decided_on": deadline.decided_on});
        let values = |d: &Deadline| json!({"deadline": d.deadline, "note": d.note});
        let action = if old.is_some() {
            Action::Update
        } else {
            Action::Insert
        };
        self.audit(
            action,
            "deadline",
            key,
            old.map(values),
            Some(values(deadline)),
        )
    }

    fn put_opening(
        &self,
        old: Option<&OpeningBalance>,
        new: &OpeningBalance,
    ) -> rusqlite::Result<()> {
        let c = &new.counts;
        self.conn.execute(
            "INSERT INTO opening_balance (unit_id, as_of, recorded, sent_to_central, printed,
                                          suket_issued)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (unit_id) DO UPDATE SET as_of = excluded.as_of,
                recorded = excluded.recorded, sent_to_central = excluded.sent_to_central,
                printed = excluded.printed, suket_issued = excluded.suket_issued",
            params![
                new.unit_id,
                new.as_of,
                c.recorded as i64,
                c.sent_to_central as i64,
                c.printed as i64,
                c.suket_issued as i64
            ],
        )?;
        let values = |o: &OpeningBalance| {
            json!({
                "as_of": o.as_of, "recorded": o.counts.recorded,
                "sent_to_central": o.counts.sent_to_central, "printed": o.counts.printed,
                "suket_issued": o.counts.suket_issued,
            })
        };
        let action = if old.is_some() {
            Action::Update
        } else {
            Action::Insert
        };
        let key = json!({"unit_id": new.unit_id});
        self.audit(
            action,
            "opening_balance",
            key,
            old.map(values),
            Some(values(new)),
        )
    }

    fn put_holiday(&self, old: Option<&Holiday>, holiday: &Holiday) -> rusqlite::Result<()> {
        self.conn.execute(
            "INSERT INTO holiday (date, kind, name) VALUES (?1, ?2, ?3)
             ON CONFLICT (date) DO UPDATE SET kind = excluded.kind, name = excluded.name",
            params![holiday.date, holiday.kind.as_str(), holiday.name],
        )?;
        let values = |h: &Holiday| json!({"kind": h.kind.as_str(), "name": h.name});
        let action = if old.is_some() {
            Action::Update
        } else {
            Action::Insert
        };
        let key = json!({"date": holiday.date});
        self.audit(
            action,
            "holiday",
            key,
            old.map(values),
            Some(values(holiday)),
        )
    }

    fn delete_deadline(&self, old: &Deadline) -> rusqlite::Result<()> {
        self.conn.execute(
            "DELETE FROM deadline WHERE decided_on = ?1",
            params![old.decided_on],
        )?;
        let values = json!({"deadline": old.deadline, "note": old.note});
        let key = json!({"decided_on": old.decided_on});
        self.audit(Action::Delete, "deadline", key, Some(values), None)
    }

    fn delete_holiday(&self, old: &Holiday) -> rusqlite::Result<()> {
        self.conn
            .execute("DELETE FROM holiday WHERE date = ?1", params![old.date])?;
        let values = json!({"kind": old.kind.as_str(), "name": old.name});
        let key = json!({"date": old.date});
        self.audit(Action::Delete, "holiday", key, Some(values), None)
    }

    fn update_unit(&self, old: &Unit, new: &Unit) -> rusqlite::Result<()> {
        self.conn.execute(
            "UPDATE unit SET name = ?2, code = ?3, kind = ?4, active = ?5 WHERE id = ?1",
            params![new.id, new.name, new.code, new.kind.as_str(), new.active],
        )?;
        let values = |u: &Unit| json!({"name": u.name, "code": u.code, "kind": u.kind.as_str(), "active": u.active});
        let key = json!({"id": new.id});
        self.audit(
            Action::Update,
            "unit",
            key,
            Some(values(old)),
            Some(values(new)),
        )
    }

    fn insert_planned_delivery(&self, plan: &PlannedDelivery) -> rusqlite::Result<i64> {
        self.conn.execute(
            "INSERT INTO planned_delivery (planned_on, expected_on, quantity, note)
             VALUES (?1, ?2, ?3, ?4)",
            params![
                plan.planned_on,
                plan.expected_on,
                plan.quantity as i64,
                plan.note
            ],
        )?;
        self.audit_inserted("planned_delivery", planned_delivery_values(plan))
    }

    fn delete_planned_delivery(&self, old: &PlannedDelivery) -> rusqlite::Result<()> {
        self.delete_by_id("planned_delivery", old.id, planned_delivery_values(old))
    }

    fn insert_season_factor(&self, season: &SeasonFactor) -> rusqlite::Result<i64> {
        self.conn.execute(
            "INSERT INTO season_factor (first_day, last_day, factor, name) VALUES (?1, ?2, ?3, ?4)",
            params![
                season.first_day,
                season.last_day,
                season.factor,
                season.name
            ],
        )?;
        self.audit_inserted("season_factor", season_factor_values(season))
    }

    fn delete_season_factor(&self, old: &SeasonFactor) -> rusqlite::Result<()> {
        self.delete_by_id("season_factor", old.id, season_factor_values(old))
    }

    /// Inserts or updates an outage and the units it affects.
    fn put_outage(&self, old: Option<&Outage>, outage: &Outage) -> rusqlite::Result<i64> {
        let id =
            match old.and_then(|o| o.id) {
                Some(id) => {
                    self.conn.execute(
                        "UPDATE outage SET first_day = ?2, last_day = ?3, cause = ?4, note = ?5
                     WHERE id = ?1",
                        params![
                            id,
                            outage.first_day,
                            outage.last_day,
                            outage.cause.as_str(),
                            outage.note
                        ],
                    )?;
                    self.conn
                        .execute("DELETE FROM outage_unit WHERE outage_id = ?1", [id])?;
                    id
                }
                None => {
                    self.conn.execute(
                    "INSERT INTO outage (first_day, last_day, cause, note) VALUES (?1, ?2, ?3, ?4)",
                    params![outage.first_day, outage.last_day, outage.cause.as_str(), outage.note],
                )?;
                    self.conn.last_insert_rowid()
                }
            };
        for unit in &outage.units {
            self.conn.execute(
                "INSERT INTO outage_unit (outage_id, unit_id) VALUES (?1, ?2)",
                params![id, unit],
            )?;
        }
        let action = if old.is_some() {
            Action::Update
        } else {
            Action::Insert
        };
        self.audit(
            action,
            "outage",
            json!({"id": id}),
            old.map(outage_values),
            Some(outage_values(outage)),
        )?;
        Ok(id)
    }

    fn delete_outage(&self, old: &Outage) -> rusqlite::Result<()> {
        // The units affected go with it (ON DELETE CASCADE).
        self.delete_by_id("outage", old.id, outage_values(old))
    }

    fn delete_setting(&self, key: &str) -> rusqlite::Result<()> {
        let old: Option<String> = self
            .conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [key], |row| {
                row.get(0)
            })
            .optional()?;
        let Some(old) = old else { return Ok(()) };
        self.conn
            .execute("DELETE FROM setting WHERE key = ?1", [key])?;
        let key = json!({"key": key});
        self.audit(
            Action::Delete,
            "setting",
            key,
            Some(json!({"value": old})),
            None,
        )
    }

    fn put_setting(&self, key: &str, value: &str) -> rusqlite::Result<()> {
        let old: Option<String> = self
            .conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [key], |row| {
                row.get(0)
            })
            .optional()?;
        if old.as_deref() == Some(value) {
            return Ok(());
        }
        self.conn.execute(
            "INSERT INTO setting (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        let action = if old.is_some() {
            Action::Update
        } else {
            Action::Insert
        };
        self.audit(
            action,
            "setting",
            json!({"key": key}),
            old.map(|v| json!({"value": v})),
            Some(json!({"value": value})),
        )
    }
}

fn report_values(r: &DailyReport) -> Value {
    json!({
        "recorded": r.counts.recorded,
        "sent_to_central": r.counts.sent_to_central,
        "printed": r.counts.printed,
        "suket_issued": r.counts.suket_issued,
        "server_ok": r.server_ok,
        "note": r.note,
    })
}

fn outage_values(outage: &Outage) -> Value {
    json!({
        "first_day": outage.first_day, "last_day": outage.last_day,
        "units": outage.units, "cause": outage.cause.as_str(), "note": outage.note,
    })
}

fn planned_delivery_values(plan: &PlannedDelivery) -> Value {
    json!({
        "planned_on": plan.planned_on, "expected_on": plan.expected_on,
        "quantity": plan.quantity, "note": plan.note,
    })
}

fn season_factor_values(season: &SeasonFactor) -> Value {
    json!({
        "first_day": season.first_day, "last_day": season.last_day,
        "factor": season.factor, "name": season.name,
    })
}

fn stock_event_values(event: &StockEvent) -> Value {
    json!({
        "date": event.date, "kind": event.kind.as_str(), "quantity": event.quantity,
        "document": event.document, "counterparty": event.counterparty, "note": event.note,
    })
}

impl Store {
    /// Runs `change` in one immediate transaction on the freshly loaded data; commits only if
    /// it returns `Ok`. Dropping the transaction on an error rolls everything back.
    fn transact<T>(
        &mut self,
        change: impl FnOnce(&Writer, &mut Dataset) -> Result<T>,
    ) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut data = load_dataset(&tx)?;
        let writer = Writer {
            conn: &tx,
            user: &self.user,
        };
        let out = change(&writer, &mut data)?;
        tx.commit()?;
        Ok(out)
    }

    /// Deletes what `find` finds in the data, with `delete`; returns whether it found anything.
    fn delete_found<T>(
        &mut self,
        find: impl FnOnce(&Dataset) -> Option<T>,
        delete: impl FnOnce(&Writer, &T) -> rusqlite::Result<()>,
    ) -> Result<bool> {
        self.transact(|w, data| match find(data) {
            Some(old) => {
                delete(w, &old)?;
                Ok(true)
            }
            None => Ok(false),
        })
    }

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
        self.transact(|w, data| add_unit(w, data, unit))
    }

    /// Renames a unit, changes its code or kind, or (de)activates it. A deactivated unit keeps
    /// its data and takes no new reports; units are never deleted.
    pub fn update_unit(&mut self, unit: &Unit) -> Result<()> {
        self.transact(|w, data| {
            let Some(old) = data.unit(unit.id).cloned() else {
                return Err(unknown_unit(data, &unit.id.to_string()).into());
            };
            let mut new = unit.clone();
            new.name = unit.name.split_whitespace().collect::<Vec<_>>().join(" ");
            if new.name.is_empty() {
                return Err(RuleViolation::EmptyUnitName.into());
            }
            if data
                .unit_by_name(&new.name)
                .is_some_and(|u| u.id != unit.id)
            {
                return Err(RuleViolation::DuplicateUnit { name: new.name }.into());
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

    /// Removes the holiday on `date` from the calendar; returns whether there was one.
    pub fn remove_holiday(&mut self, date: NaiveDate) -> Result<bool> {
        self.delete_found(
            |data| data.calendar.holiday(date).cloned(),
            |w, old| w.delete_holiday(old),
        )
    }

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
        self.transact(|w, data| {
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
        self.transact(|w, data| {
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
        self.transact(|w, data| {
            let Some(index) = data.stock_events.iter().position(|e| e.id == Some(id)) else {
                return Ok(false);
            };
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
        self.transact(|w, data| {
            let olds = apply_reports(data, reports)?;
            let mut changes = report_changes(reports);
            changes.extend(add_stock_events(data, events));
            let judgement = judge(data, &changes, today, OutlierPolicy::Flag);
            if let Some(violation) = judgement.first_refusal() {
                return Err(violation.clone().into());
            }
            let mut outcome = ImportOutcome::default();
            let mut inserted: BTreeMap<UnitId, Vec<NaiveDate>> = BTreeMap::new();
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
                match olds.get(&index) {
                    Some(old) if old == report => outcome.unchanged += 1,
                    Some(old) => {
                        w.put_report(Some(old), report, unexplained)?;
                        outcome.updated += 1;
                    }
                    None => {
                        insert(report, unexplained)?;
                        inserted
                            .entry(report.unit_id)
                            .or_default()
                            .push(report.date);
                        outcome.new += 1;
                    }
                }
            }
            drop(insert);
            for event in events {
                w.insert_stock_event(event)?;
                outcome.new += 1;
            }
            if !inserted.is_empty() {
                w.audit_import(source, &inserted, outcome.unexplained)?;
            }
            Ok(outcome)
        })
    }

    /// Books a blank-card stock event; returns its id.
    pub fn add_stock_event(&mut self, event: &StockEvent, today: NaiveDate) -> Result<i64> {
        self.transact(|w, data| {
            let changes = add_stock_events(data, [event]);
            if let Some(violation) =
                judge(data, &changes, today, OutlierPolicy::NeedsNote).first_refusal()
            {
                return Err(violation.clone().into());
            }
            Ok(w.insert_stock_event(event)?)
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
            Ok(w.put_outage(old.as_ref(), outage)?)
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
            Ok(w.insert_planned_delivery(plan)?)
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
            Ok(w.insert_season_factor(season)?)
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

    /// Records a decision on the completion deadline.
    pub fn add_deadline(&mut self, deadline: &Deadline) -> Result<()> {
        self.transact(|w, data| {
            rules::check_deadline(deadline)?;
            let old = data
                .deadlines
                .iter()
                .find(|d| d.decided_on == deadline.decided_on)
                .cloned();
            Ok(w.put_deadline(old.as_ref(), deadline)?)
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

    /// Saves the office's settings (outlier rule, forecast, coverage bands).
    pub fn save_settings(&mut self, settings: &crate::domain::dataset::Settings) -> Result<()> {
        self.transact(|w, data| {
            rules::check_settings(settings)?;
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

fn add_unit(w: &Writer, data: &mut Dataset, unit: &NewUnit) -> Result<UnitId> {
    if unit.name.trim().is_empty() {
        return Err(RuleViolation::EmptyUnitName.into());
    }
    if data.unit_by_name(&unit.name).is_some() {
        return Err(RuleViolation::DuplicateUnit {
            name: unit.name.trim().to_string(),
        }
        .into());
    }
    let mut new = Unit {
        id: 0,
        name: unit.name.split_whitespace().collect::<Vec<_>>().join(" "),
        code: unit.code.clone().filter(|c| !c.trim().is_empty()),
        kind: unit.kind,
        active: true,
    };
    new.id = w.insert_unit(&new)?;
    data.units.push(new.clone());
    Ok(new.id)
}

/// Writes opening balances, each checked against the unit's reports and the cumulative rules.
fn put_openings(
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
        let at = Place {
            unit: Some(data.unit_name(opening.unit_id)),
            date: opening.as_of,
        };
        check_not_future(&at, today)?;
        if let Some(first) = data.reports_of(opening.unit_id).next() {
            rules::check_after_opening(data, opening.unit_id, &rules::report_place(data, first))?;
        }
        check_cumulative(data, opening.unit_id, &at, NaiveDate::MIN)?;
        if old.as_ref() != Some(opening) {
            w.put_opening(old.as_ref(), opening)?;
        }
    }
    Ok(())
}

fn unknown_unit(data: &Dataset, name: &str) -> RuleViolation {
    RuleViolation::UnknownUnit {
        name: name.to_string(),
        known: data.units.iter().map(|u| u.name.clone()).collect(),
    }
}

/// Puts `reports` into `data`; returns what they replaced, by their index. A unit that does not
/// exist, or the same unit and date twice, refuses the whole batch.
fn apply_reports(
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

fn report_changes(reports: &[DailyReport]) -> Vec<Change> {
    reports
        .iter()
        .map(|r| Change::Report {
            unit: r.unit_id,
            date: r.date,
        })
        .collect()
}

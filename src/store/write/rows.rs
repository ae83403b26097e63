//! The rows each write touches, with their audit rows: one method per table and change.

use super::*;

impl Writer<'_> {
    pub(super) fn put_office(&self, old: Option<&Office>, office: &Office) -> Result<()> {
        self.require(Task::SetUp)?;
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
        let values = office_values;
        self.audit(
            action,
            "office",
            json!({"id": 1}),
            old.map(values),
            Some(values(office)),
        )
    }

    pub(super) fn insert_unit(&self, unit: &Unit) -> Result<UnitId> {
        self.require(Task::SetUp)?;
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
        let values = unit_values(&Unit {
            name: unit.name.trim().to_string(),
            ..unit.clone()
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
    pub(super) fn put_report(
        &self,
        old: Option<&DailyReport>,
        new: &DailyReport,
        unexplained: bool,
    ) -> Result<Saved> {
        self.put_report_by(old, new, unexplained, None)
    }

    /// Like [`Self::put_report`], with the audit row naming `by` (who entered the report at
    /// the PC a bundle came from) instead of the account writing it here.
    pub(super) fn put_report_by(
        &self,
        old: Option<&DailyReport>,
        new: &DailyReport,
        unexplained: bool,
        by: Option<&str>,
    ) -> Result<Saved> {
        if old == Some(new) {
            return Ok(Saved::Unchanged);
        }
        self.may_enter(new.unit_id, new.date)?;
        let c = &new.counts;
        let p = prr_columns(new);
        let mut stmt = self.conn.prepare_cached(
            "INSERT INTO daily_report (unit_id, date, recorded, sent_to_central, printed,
                                       suket_issued, server_ok, note, unexplained,
                                       prr, dup, efac, efac_retaken)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
             ON CONFLICT (unit_id, date) DO UPDATE SET
                recorded = excluded.recorded, sent_to_central = excluded.sent_to_central,
                printed = excluded.printed, suket_issued = excluded.suket_issued,
                server_ok = excluded.server_ok, note = excluded.note,
                unexplained = excluded.unexplained, prr = excluded.prr, dup = excluded.dup,
                efac = excluded.efac, efac_retaken = excluded.efac_retaken",
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
            p[0],
            p[1],
            p[2],
            p[3],
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
        let user = by.unwrap_or(self.actor.name());
        record(
            self.conn,
            user,
            action,
            "daily_report",
            &key,
            old.map(report_values).as_ref(),
            Some(&values),
        )?;
        Ok(if old.is_some() {
            Saved::Updated
        } else {
            Saved::Inserted
        })
    }

    /// A report whose values stay as they are loses its unexplained flag: its outlier is now
    /// explained, or no longer one.
    pub(super) fn clear_unexplained(&self, report: &DailyReport) -> Result<()> {
        self.may_enter(report.unit_id, report.date)?;
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
    pub(super) fn report_inserter(
        &self,
    ) -> rusqlite::Result<impl FnMut(&DailyReport, bool) -> Result<()> + '_> {
        let mut stmt = self.conn.prepare(
            "INSERT INTO daily_report (unit_id, date, recorded, sent_to_central, printed,
                                       suket_issued, server_ok, note, unexplained,
                                       prr, dup, efac, efac_retaken)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        )?;
        Ok(move |r: &DailyReport, unexplained: bool| {
            self.may_enter(r.unit_id, r.date)?;
            let c = &r.counts;
            let p = prr_columns(r);
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
                p[0],
                p[1],
                p[2],
                p[3],
            ])?;
            Ok(())
        })
    }

    /// One audit row for the reports an import inserted: the file, its SHA-256, how many rows,
    /// and each row's unit, date and values (`[date, recorded, sent_to_central, printed,
    /// suket_issued, server_ok, note, unexplained]`, then `[prr, dup, efac, efac_retaken]` for a
    /// report that has them), so that `pantau check` can tell them from a change made outside
    /// Pantau.
    pub(super) fn audit_import(
        &self,
        source: &ImportSource,
        inserted: &BTreeMap<UnitId, Vec<(&DailyReport, bool)>>,
        unexplained: usize,
    ) -> rusqlite::Result<()> {
        use std::fmt::Write;
        let rows: usize = inserted.values().map(Vec::len).sum();
        // Written as text: a million rows as JSON values would take far more memory. Reserved
        // at once (a row takes about 45 bytes): a string grown by doubling holds the old and the
        // new buffer together at its peak.
        let mut values = String::with_capacity(64 + rows * 48 + inserted.len() * 32);
        let _ = write!(
            values,
            r#"{{"rows":{rows},"unexplained":{unexplained},"inserted":["#
        );
        for (i, (unit, reports)) in inserted.iter().enumerate() {
            let comma = if i == 0 { "" } else { "," };
            let _ = write!(values, r#"{comma}{{"unit_id":{unit},"rows":["#);
            for (j, (r, flagged)) in reports.iter().enumerate() {
                let comma = if j == 0 { "" } else { "," };
                let c = &r.counts;
                let _ = write!(
                    values,
                    r#"{comma}["{}",{},{},{},{},{},{},{}]"#,
                    r.date,
                    c.recorded,
                    c.sent_to_central,
                    c.printed,
                    c.suket_issued,
                    r.server_ok,
                    Value::String(r.note.clone()),
                    flagged
                );
                if let Some(p) = &r.prr {
                    values.pop();
                    let _ = write!(
                        values,
                        r#",[{},{},{},{}]]"#,
                        p.prr, p.dup, p.efac, p.efac_retaken
                    );
                }
            }
            values.push_str("]}");
        }
        values.push_str("]}");
        record_text(
            self.conn,
            self.actor.name(),
            Action::Insert,
            "daily_report",
            &json!({"import": source.file, "sha256": source.sha256}).to_string(),
            None,
            Some(&values),
        )
    }

    pub(super) fn delete_report(&self, old: &DailyReport) -> Result<()> {
        self.may_enter(old.unit_id, old.date)?;
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

    pub(super) fn delete_stock_event(&self, old: &StockEvent) -> Result<()> {
        self.may_enter_stock(old.date)?;
        self.delete_by_id("stock_event", old.id, stock_event_values(old))
    }

    pub(super) fn insert_stock_event(&self, event: &StockEvent) -> Result<i64> {
        self.may_enter_stock(event.date)?;
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

    pub(super) fn put_target(&self, old: Option<&Target>, target: &Target) -> Result<()> {
        self.require(Task::SetUp)?;
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
        let values = target_values;
        let action = if old.is_some() {
            Action::Update
        } else {
            Action::Insert
        };
        self.audit(action, "target", key, old.map(values), Some(values(target)))
    }

    pub(super) fn put_deadline(&self, old: Option<&Deadline>, deadline: &Deadline) -> Result<()> {
        self.require(Task::SetUp)?;
        self.conn.execute(
            "INSERT INTO deadline (decided_on, deadline, note) VALUES (?1, ?2, ?3)
             ON CONFLICT (decided_on) DO UPDATE SET deadline = excluded.deadline,
                                                    note = excluded.note",
            params![deadline.decided_on, deadline.deadline, deadline.note],
        )?;
        let key = json!({"decided_on": deadline.decided_on});
        let values = deadline_values;
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

    pub(super) fn put_opening(
        &self,
        old: Option<&OpeningBalance>,
        new: &OpeningBalance,
    ) -> Result<()> {
        self.require(Task::SetUp)?;
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
        let values = opening_values;
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

    /// Writes (or, with `new` None, removes) a unit's PRR opening.
    pub(super) fn put_prr_opening(
        &self,
        old: Option<&PrrOpening>,
        new: Option<&PrrOpening>,
    ) -> Result<()> {
        self.require(Task::SetUp)?;
        let unit = new.or(old).map(|o| o.unit_id);
        let Some(unit) = unit else {
            return Ok(());
        };
        match new {
            Some(o) => {
                let c = &o.counts;
                self.conn.execute(
                    "INSERT INTO prr_opening (unit_id, as_of, prr, dup, efac, efac_retaken)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                     ON CONFLICT (unit_id) DO UPDATE SET as_of = excluded.as_of,
                        prr = excluded.prr, dup = excluded.dup, efac = excluded.efac,
                        efac_retaken = excluded.efac_retaken",
                    params![
                        o.unit_id,
                        o.as_of,
                        c.prr as i64,
                        c.dup as i64,
                        c.efac as i64,
                        c.efac_retaken as i64
                    ],
                )?;
            }
            None => {
                self.conn
                    .execute("DELETE FROM prr_opening WHERE unit_id = ?1", [unit])?;
            }
        }
        let action = match (old, new) {
            (None, _) => Action::Insert,
            (Some(_), Some(_)) => Action::Update,
            (Some(_), None) => Action::Delete,
        };
        self.audit(
            action,
            "prr_opening",
            json!({"unit_id": unit}),
            old.map(prr_opening_values),
            new.map(prr_opening_values),
        )
    }

    pub(super) fn put_holiday(&self, old: Option<&Holiday>, holiday: &Holiday) -> Result<()> {
        self.require(Task::SetUp)?;
        self.conn.execute(
            "INSERT INTO holiday (date, kind, name) VALUES (?1, ?2, ?3)
             ON CONFLICT (date) DO UPDATE SET kind = excluded.kind, name = excluded.name",
            params![holiday.date, holiday.kind.as_str(), holiday.name],
        )?;
        let values = holiday_values;
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

    pub(super) fn delete_deadline(&self, old: &Deadline) -> Result<()> {
        self.require(Task::SetUp)?;
        self.conn.execute(
            "DELETE FROM deadline WHERE decided_on = ?1",
            params![old.decided_on],
        )?;
        let values = deadline_values(old);
        let key = json!({"decided_on": old.decided_on});
        self.audit(Action::Delete, "deadline", key, Some(values), None)
    }

    pub(super) fn delete_holiday(&self, old: &Holiday) -> Result<()> {
        self.require(Task::SetUp)?;
        self.conn
            .execute("DELETE FROM holiday WHERE date = ?1", params![old.date])?;
        let values = holiday_values(old);
        let key = json!({"date": old.date});
        self.audit(Action::Delete, "holiday", key, Some(values), None)
    }

    pub(super) fn update_unit(&self, old: &Unit, new: &Unit) -> Result<()> {
        self.require(Task::SetUp)?;
        self.conn.execute(
            "UPDATE unit SET name = ?2, code = ?3, kind = ?4, active = ?5 WHERE id = ?1",
            params![new.id, new.name, new.code, new.kind.as_str(), new.active],
        )?;
        let values = unit_values;
        let key = json!({"id": new.id});
        self.audit(
            Action::Update,
            "unit",
            key,
            Some(values(old)),
            Some(values(new)),
        )
    }

    pub(super) fn insert_planned_delivery(&self, plan: &PlannedDelivery) -> Result<i64> {
        self.require(Task::EnterData)?;
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

    pub(super) fn delete_planned_delivery(&self, old: &PlannedDelivery) -> Result<()> {
        self.require(Task::EnterData)?;
        self.delete_by_id("planned_delivery", old.id, planned_delivery_values(old))
    }

    pub(super) fn insert_season_factor(&self, season: &SeasonFactor) -> Result<i64> {
        self.require(Task::SetUp)?;
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

    pub(super) fn delete_season_factor(&self, old: &SeasonFactor) -> Result<()> {
        self.require(Task::SetUp)?;
        self.delete_by_id("season_factor", old.id, season_factor_values(old))
    }

    /// Inserts or updates an outage and the units it affects.
    pub(super) fn put_outage(&self, old: Option<&Outage>, outage: &Outage) -> Result<i64> {
        self.require(Task::EnterData)?;
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

    pub(super) fn delete_outage(&self, old: &Outage) -> Result<()> {
        self.require(Task::EnterData)?;
        // The units affected go with it (ON DELETE CASCADE).
        self.delete_by_id("outage", old.id, outage_values(old))
    }

    pub(super) fn delete_setting(&self, key: &str) -> Result<()> {
        self.require(Task::SetUp)?;
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

    pub(super) fn put_setting(&self, key: &str, value: &str) -> Result<()> {
        self.require(Task::SetUp)?;
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

pub(in crate::store) fn office_values(o: &Office) -> Value {
    json!({"name": o.name, "description": o.description})
}

pub(in crate::store) fn unit_values(u: &Unit) -> Value {
    json!({"name": u.name, "code": u.code, "kind": u.kind.as_str(), "active": u.active})
}

pub(in crate::store) fn target_values(t: &Target) -> Value {
    json!({"wajib_ktp": t.wajib_ktp})
}

pub(in crate::store) fn deadline_values(d: &Deadline) -> Value {
    json!({"deadline": d.deadline, "note": d.note})
}

pub(in crate::store) fn opening_values(o: &OpeningBalance) -> Value {
    json!({
        "as_of": o.as_of, "recorded": o.counts.recorded,
        "sent_to_central": o.counts.sent_to_central, "printed": o.counts.printed,
        "suket_issued": o.counts.suket_issued,
    })
}

pub(in crate::store) fn holiday_values(h: &Holiday) -> Value {
    json!({"kind": h.kind.as_str(), "name": h.name})
}

/// A report's values for the audit trail; "prr" is null for a report without the centre's
/// stage (the trail's older rows, written before there was one, lack it: the same thing).
pub(in crate::store) fn report_values(r: &DailyReport) -> Value {
    json!({
        "recorded": r.counts.recorded,
        "sent_to_central": r.counts.sent_to_central,
        "printed": r.counts.printed,
        "suket_issued": r.counts.suket_issued,
        "server_ok": r.server_ok,
        "note": r.note,
        "prr": r.prr.as_ref().map(prr_values),
    })
}

pub(in crate::store) fn prr_values(p: &PrrCounts) -> Value {
    json!({"prr": p.prr, "dup": p.dup, "efac": p.efac, "efac_retaken": p.efac_retaken})
}

pub(in crate::store) fn prr_opening_values(o: &PrrOpening) -> Value {
    let mut values = prr_values(&o.counts);
    values["as_of"] = json!(o.as_of);
    values
}

/// A report's PRR, DUP, Efac and retaken as the four nullable columns.
fn prr_columns(r: &DailyReport) -> [Option<i64>; 4] {
    match &r.prr {
        Some(p) => [
            Some(p.prr as i64),
            Some(p.dup as i64),
            Some(p.efac as i64),
            Some(p.efac_retaken as i64),
        ],
        None => [None; 4],
    }
}

pub(in crate::store) fn outage_values(outage: &Outage) -> Value {
    json!({
        "first_day": outage.first_day, "last_day": outage.last_day,
        "units": outage.units, "cause": outage.cause.as_str(), "note": outage.note,
    })
}

pub(in crate::store) fn planned_delivery_values(plan: &PlannedDelivery) -> Value {
    json!({
        "planned_on": plan.planned_on, "expected_on": plan.expected_on,
        "quantity": plan.quantity, "note": plan.note,
    })
}

pub(in crate::store) fn season_factor_values(season: &SeasonFactor) -> Value {
    json!({
        "first_day": season.first_day, "last_day": season.last_day,
        "factor": season.factor, "name": season.name,
    })
}

pub(in crate::store) fn stock_event_values(event: &StockEvent) -> Value {
    json!({
        "date": event.date, "kind": event.kind.as_str(), "quantity": event.quantity,
        "document": event.document, "counterparty": event.counterparty, "note": event.note,
    })
}

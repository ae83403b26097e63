//! Writing: every public method is one transaction that loads the data, applies the change in
//! memory, judges it with the domain rules, and only then writes the rows and their audit rows.

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use serde_json::{Value, json};

use super::access::load_locks;
use super::audit::{Action, record, record_text};
use super::load::{Cached, data_version, load_dataset, settings_rows};
use super::{Result, Store, StoreError};
use crate::domain::access::{Actor, Locks, Refusal, Task, check_entry, check_task};
use crate::domain::judge::{Change, OutlierPolicy, add_stock_events, judge};
use crate::domain::rules::{self, Outlier, Place, check_cumulative};
use crate::domain::{
    DailyReport, Dataset, Deadline, Holiday, NewOffice, NewUnit, Office, OpeningBalance, Outage,
    PlannedDelivery, PrrCounts, PrrOpening, RuleViolation, SeasonFactor, StockEvent, Target, Unit,
    UnitId, UnitSetup,
};
use chrono::{Datelike, NaiveDate};
use std::collections::{BTreeMap, BTreeSet};

pub mod access;
mod daily;
pub mod exchange;
pub mod hub;
mod office;
pub(super) mod rows;

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

/// Writes rows and their audit rows inside one open transaction, as `actor`: each row method
/// checks that the actor may write that row (its role, its units, the period lock) before it
/// writes, so that no path around the screens writes what the role may not.
pub(super) struct Writer<'a> {
    conn: &'a Connection,
    actor: &'a Actor,
    locks: &'a Locks,
    today: NaiveDate,
    /// Applying a bundle: the lists the district keeps for a kecamatan PC are the district's
    /// to set, whoever receives them.
    from_bundle: bool,
}

impl Writer<'_> {
    /// Refuses unless the actor's role may do `task`.
    fn require(&self, task: Task) -> Result<()> {
        if self.from_bundle && task == Task::SetUp {
            return Ok(());
        }
        check_task(self.actor, task).map_err(|r| self.refused(r))
    }

    /// Refuses unless the actor may enter or change `date` of `unit` today. A bundle's
    /// reports were entered by the kecamatan's clerk: the one who receives them needs a role
    /// that enters data, not the unit (and a closed day never reaches here from a bundle at the
    /// district: it waits as a conflict).
    fn may_enter(&self, unit: UnitId, date: NaiveDate) -> Result<()> {
        if self.from_bundle {
            return self.require(Task::EnterData);
        }
        check_entry(self.actor, self.locks, unit, date, self.today).map_err(|r| self.refused(r))
    }

    /// Blank-card movements are the district office's: its unit's lock and approval apply.
    fn may_enter_stock(&self, date: NaiveDate) -> Result<()> {
        let district: Option<UnitId> = self
            .conn
            .query_row(
                "SELECT id FROM unit WHERE kind = 'district' ORDER BY id LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?;
        match district {
            Some(unit) => self.may_enter(unit, date),
            None => self.require(Task::EnterData),
        }
    }

    fn refused(&self, refusal: Refusal) -> StoreError {
        let unit = match &refusal {
            Refusal::Unit { unit, .. }
            | Refusal::Closed { unit, .. }
            | Refusal::NotApproved { unit, .. }
            | Refusal::AlreadyApproved { unit, .. } => self
                .conn
                .query_row("SELECT name FROM unit WHERE id = ?1", [unit], |r| r.get(0))
                .ok(),
            _ => None,
        };
        StoreError::Refused { refusal, unit }
    }

    fn audit(
        &self,
        action: Action,
        table: &str,
        key: Value,
        old: Option<Value>,
        new: Option<Value>,
    ) -> Result<()> {
        Ok(record(
            self.conn,
            self.actor.name(),
            action,
            table,
            &key,
            old.as_ref(),
            new.as_ref(),
        )?)
    }

    /// Audits the row just inserted into `table` (an `id` table) and returns its id.
    fn audit_inserted(&self, table: &str, values: Value) -> Result<i64> {
        let id = self.conn.last_insert_rowid();
        self.audit(Action::Insert, table, json!({"id": id}), None, Some(values))?;
        Ok(id)
    }

    /// Deletes row `id` of `table` (an `id` table) with its audit row.
    fn delete_by_id(&self, table: &str, id: Option<i64>, old_values: Value) -> Result<()> {
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
}

impl Store {
    /// Runs `change` in one immediate transaction on the data as it is in the database;
    /// commits only if it returns `Ok`. Dropping the transaction on an error rolls everything
    /// back. The data is the cached data when no other connection has written since (checked
    /// under the write lock), else read; the next read reads the database again.
    fn transact<T>(
        &mut self,
        change: impl FnOnce(&Writer, &mut Dataset) -> Result<T>,
    ) -> Result<T> {
        self.run_transaction(change, false)
    }

    /// Like [`Self::transact`], for a `change` that keeps the data equal to what it writes (in
    /// debug builds, every test checks it after the commit): the data is changed in place when
    /// nothing else holds it and cached again, so a daily save reads the database not at all
    /// and the view built after it shares its data. On an error the cache is dropped (the
    /// change may be half-applied to it) and the next read reads the database.
    fn transact_keeping<T>(
        &mut self,
        change: impl FnOnce(&Writer, &mut Dataset) -> Result<T>,
    ) -> Result<T> {
        self.run_transaction(change, true)
    }

    fn run_transaction<T>(
        &mut self,
        change: impl FnOnce(&Writer, &mut Dataset) -> Result<T>,
        keep: bool,
    ) -> Result<T> {
        let cached = self.cache.get_mut().take();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let version = data_version(&tx)?;
        let mut data = match cached.filter(|c| c.version == version) {
            Some(cached) => std::sync::Arc::unwrap_or_clone(cached.data),
            None => load_dataset(&tx)?,
        };
        let locks = writer_locks(&tx, &self.actor)?;
        let today = self.today.unwrap_or_else(crate::clock::today);
        let writer = Writer {
            conn: &tx,
            actor: &self.actor,
            locks: &locks,
            today,
            from_bundle: false,
        };
        let out = change(&writer, &mut data)?;
        tx.commit()?;
        self.commits += 1;
        if keep {
            #[cfg(debug_assertions)]
            self.debug_check(&data)?;
            *self.cache.get_mut() = Some(Cached {
                version,
                data: std::sync::Arc::new(data),
            });
        }
        Ok(out)
    }

    /// In debug builds (every test): the data in memory equals the database after a commit.
    #[cfg(debug_assertions)]
    fn debug_check(&self, data: &Dataset) -> Result<()> {
        let stored = load_dataset(&self.conn)?;
        debug_assert_eq!(
            format!("{stored:?}"),
            format!("{data:?}"),
            "the data in memory went apart from the database"
        );
        Ok(())
    }

    /// Like [`Self::transact`], on `data` the caller loaded from this store with no write
    /// since: one load serves several transactions in a row (bundles received together). On
    /// an error `data` may hold half a change: the caller loads it again. In debug builds the
    /// data is checked against the database after every commit.
    fn transact_on<T>(
        &mut self,
        data: &mut Dataset,
        change: impl FnOnce(&Writer, &mut Dataset) -> Result<T>,
    ) -> Result<T> {
        // The caller's data is its own: the cached copy would be out of date after this.
        *self.cache.get_mut() = None;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let locks = writer_locks(&tx, &self.actor)?;
        let today = self.today.unwrap_or_else(crate::clock::today);
        let writer = Writer {
            conn: &tx,
            actor: &self.actor,
            locks: &locks,
            today,
            from_bundle: true,
        };
        let out = change(&writer, data)?;
        tx.commit()?;
        self.commits += 1;
        #[cfg(debug_assertions)]
        self.debug_check(data)?;
        Ok(out)
    }

    /// Deletes what `find` finds in the data, with `delete`; returns whether it found anything.
    fn delete_found<T>(
        &mut self,
        find: impl FnOnce(&Dataset) -> Option<T>,
        delete: impl FnOnce(&Writer, &T) -> Result<()>,
    ) -> Result<bool> {
        self.transact(|w, data| match find(data) {
            Some(old) => {
                delete(w, &old)?;
                Ok(true)
            }
            None => Ok(false),
        })
    }
}

/// The locks a writer checks against: only an account is held to them.
fn writer_locks(conn: &Connection, actor: &Actor) -> rusqlite::Result<Locks> {
    match actor {
        Actor::Account(_) => load_locks(conn),
        Actor::System(_) | Actor::Nobody => Ok(Locks::default()),
    }
}

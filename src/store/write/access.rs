//! Writing accounts, approvals, lock exceptions and the lock policy, with their audit rows.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use rusqlite::params;
use serde_json::json;

use super::{Action, Result, Store, StoreError, Writer};
use crate::domain::UnitId;
use crate::domain::access::{Actor, Approval, LockException, Month, Refusal, Role, Task};
use crate::store::access::{
    AccountProblem, LOCK_DAYS, MIN_PASSWORD_CHARS, StoredAccount, account_values, approval_key,
    approval_values, exception_values, find_account, has_accounts, hash_secret, new_recovery_code,
    normalize_code, stored_accounts, valid_period, verify_secret,
};

/// An account to add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAccount {
    pub name: String,
    pub role: Role,
    pub password: String,
    /// `None`: every unit.
    pub units: Option<BTreeSet<UnitId>>,
}

/// An account added; an Admin's comes with its recovery code, shown once and stored only as a
/// hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountAdded {
    pub account: crate::domain::access::Account,
    pub recovery_code: Option<String>,
}

fn problem(p: AccountProblem) -> StoreError {
    StoreError::Account(p)
}

fn now_text() -> String {
    chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

fn check_password(password: &str) -> Result<()> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(problem(AccountProblem::PasswordTooShort));
    }
    Ok(())
}

impl Writer<'_> {
    /// Writes an account (all of it: name, role, hashes, active, units) with its audit row.
    fn put_account(&self, old: Option<&StoredAccount>, new: &StoredAccount) -> Result<()> {
        let a = &new.account;
        self.conn.execute(
            "INSERT INTO account (id, name, role, password_hash, recovery_hash, active, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (id) DO UPDATE SET name = excluded.name, role = excluded.role,
                password_hash = excluded.password_hash, recovery_hash = excluded.recovery_hash,
                active = excluded.active",
            params![
                (a.id > 0).then_some(a.id),
                a.name.trim(),
                a.role.as_str(),
                new.password_hash,
                new.recovery_hash,
                a.active,
                now_text()
            ],
        )?;
        let id = if a.id > 0 {
            a.id
        } else {
            self.conn.last_insert_rowid()
        };
        self.conn
            .execute("DELETE FROM account_unit WHERE account_id = ?1", [id])?;
        for unit in a.units.iter().flatten() {
            self.conn.execute(
                "INSERT INTO account_unit (account_id, unit_id) VALUES (?1, ?2)",
                params![id, unit],
            )?;
        }
        let stored = StoredAccount {
            account: crate::domain::access::Account {
                id,
                name: a.name.trim().to_string(),
                ..a.clone()
            },
            password_hash: new.password_hash.clone(),
            recovery_hash: new.recovery_hash.clone(),
        };
        let action = if old.is_some() {
            Action::Update
        } else {
            Action::Insert
        };
        self.audit(
            action,
            "account",
            json!({"id": id}),
            old.map(account_values),
            Some(account_values(&stored)),
        )
    }
}

impl Store {
    fn account_named(&self, name: &str) -> Result<StoredAccount> {
        find_account(&self.conn, name)?.ok_or_else(|| {
            problem(AccountProblem::Unknown {
                name: name.trim().to_string(),
            })
        })
    }

    /// Adds an account. The first account of a database is its Admin and may be added by
    /// anyone (whoever creates the office); it is logged in at once. Every later one needs an
    /// Admin logged in. An Admin's recovery code is made here and returned once.
    pub fn add_account(&mut self, new: &NewAccount) -> Result<AccountAdded> {
        let first = !has_accounts(&self.conn)?;
        if first && new.role != Role::Admin {
            return Err(problem(AccountProblem::FirstMustBeAdmin));
        }
        check_password(&new.password)?;
        if find_account(&self.conn, &new.name)?.is_some() {
            return Err(problem(AccountProblem::NameTaken {
                name: new.name.trim().to_string(),
            }));
        }
        if new.units.is_some() && new.role != Role::Operator {
            return Err(problem(AccountProblem::UnitsOnlyForOperator));
        }
        let known: BTreeSet<UnitId> = self.office_and_units()?.1.iter().map(|u| u.id).collect();
        if let Some(unknown) = new.units.iter().flatten().find(|u| !known.contains(u)) {
            return Err(problem(AccountProblem::UnknownUnit { id: *unknown }));
        }
        let code = if new.role == Role::Admin {
            Some(new_recovery_code()?)
        } else {
            None
        };
        let stored = StoredAccount {
            account: crate::domain::access::Account {
                id: 0,
                name: new.name.trim().to_string(),
                role: new.role,
                units: new.units.clone(),
                active: true,
            },
            password_hash: hash_secret(&new.password)?,
            recovery_hash: code.as_deref().map(hash_secret).transpose()?,
        };
        self.transact(|w, _| {
            w.require(Task::ManageAccounts)?;
            w.put_account(None, &stored)
        })?;
        let account = self.account_named(&new.name)?.account;
        if first {
            self.actor = Actor::Account(account.clone());
        }
        Ok(AccountAdded {
            account,
            recovery_code: code,
        })
    }

    /// Disables or enables an account (an Admin's work). The last active Admin stays.
    pub fn set_account_active(&mut self, name: &str, active: bool) -> Result<()> {
        let old = self.account_named(name)?;
        let all = stored_accounts(&self.conn)?;
        self.transact(|w, _| {
            w.require(Task::ManageAccounts)?;
            let admins = all
                .iter()
                .filter(|a| a.account.role == Role::Admin && a.account.active)
                .count();
            if !active && old.account.role == Role::Admin && old.account.active && admins <= 1 {
                return Err(problem(AccountProblem::LastAdmin {
                    name: old.account.name.clone(),
                }));
            }
            if old.account.active == active {
                return Ok(());
            }
            let mut new = StoredAccount {
                account: old.account.clone(),
                password_hash: old.password_hash.clone(),
                recovery_hash: old.recovery_hash.clone(),
            };
            new.account.active = active;
            w.put_account(Some(&old), &new)
        })
    }

    /// Sets an account's password: an Admin for anyone, any account for itself.
    pub fn set_password(&mut self, name: &str, password: &str) -> Result<()> {
        check_password(password)?;
        let old = self.account_named(name)?;
        let own = self.actor.account().is_some_and(|a| a.id == old.account.id);
        self.transact(|w, _| {
            if !own {
                w.require(Task::ManageAccounts)?;
            }
            let new = StoredAccount {
                account: old.account.clone(),
                password_hash: hash_secret(password)?,
                recovery_hash: old.recovery_hash.clone(),
            };
            w.put_account(Some(&old), &new)
        })
    }

    /// Resets an Admin's password with its recovery code, without logging in. The code is used
    /// up: a new one is returned, to be shown once.
    pub fn recover(&mut self, name: &str, code: &str, password: &str) -> Result<String> {
        check_password(password)?;
        let old = self.account_named(name)?;
        let matches = old
            .recovery_hash
            .as_deref()
            .is_some_and(|hash| verify_secret(&normalize_code(code), hash));
        if !matches {
            return Err(problem(AccountProblem::WrongRecoveryCode {
                name: old.account.name,
            }));
        }
        let fresh = new_recovery_code()?;
        let new = StoredAccount {
            account: crate::domain::access::Account {
                active: true,
                ..old.account.clone()
            },
            password_hash: hash_secret(password)?,
            recovery_hash: Some(hash_secret(&fresh)?),
        };
        // The one write without an account logged in: the code stands for the Admin.
        let before = std::mem::replace(&mut self.actor, Actor::Account(old.account.clone()));
        let written = self.transact(|w, _| w.put_account(Some(&old), &new));
        self.actor = before;
        written?;
        let _ = self.conn.execute(
            "DELETE FROM login_failure WHERE account_id = ?1",
            [old.account.id],
        );
        Ok(fresh)
    }

    /// The head of office approves units' month, in one transaction: closed for everyone
    /// until unapproved. A unit approved already is refused (nothing is written).
    pub fn approve(&mut self, units: &[UnitId], month: Month) -> Result<()> {
        self.transact(|w, data| {
            w.require(Task::Approve)?;
            if month.last_day() >= w.today {
                return Err(w.refused(Refusal::MonthNotOver {
                    account: w.actor.name().to_string(),
                    month,
                }));
            }
            let approvals = crate::store::access::approvals(w.conn)?;
            for &unit in units {
                if data.unit(unit).is_none() {
                    return Err(problem(AccountProblem::UnknownUnit { id: unit }));
                }
                let old = approvals
                    .iter()
                    .find(|a| a.unit_id == unit && a.month == month);
                if old.is_some_and(|a| a.approved) {
                    return Err(w.refused(Refusal::AlreadyApproved {
                        account: w.actor.name().to_string(),
                        unit,
                        month,
                    }));
                }
                let new = Approval {
                    unit_id: unit,
                    month,
                    approved: true,
                    by: w.actor.name().to_string(),
                    at: now_text(),
                    reason: String::new(),
                };
                w.put_approval(old, &new)?;
            }
            Ok(())
        })
    }

    /// Takes units' approval of a month back, with the reason; the month opens again as the
    /// period lock says.
    pub fn unapprove(&mut self, units: &[UnitId], month: Month, reason: &str) -> Result<()> {
        self.transact(|w, _| {
            w.require(Task::Approve)?;
            if reason.trim().is_empty() {
                return Err(w.refused(Refusal::NoReason {
                    account: w.actor.name().to_string(),
                }));
            }
            let approvals = crate::store::access::approvals(w.conn)?;
            for &unit in units {
                let Some(old) = approvals
                    .iter()
                    .find(|a| a.unit_id == unit && a.month == month && a.approved)
                else {
                    return Err(w.refused(Refusal::NotApproved {
                        account: w.actor.name().to_string(),
                        unit,
                        month,
                    }));
                };
                let new = Approval {
                    approved: false,
                    by: w.actor.name().to_string(),
                    at: now_text(),
                    reason: reason.trim().to_string(),
                    ..old.clone()
                };
                w.put_approval(Some(old), &new)?;
            }
            Ok(())
        })
    }

    /// Opens `first..=last` of a unit (every unit: `None`) until `valid_until`, for a reason: a
    /// Verifikator's or Admin's work. Returns the exception's number.
    pub fn add_lock_exception(
        &mut self,
        unit: Option<UnitId>,
        first: NaiveDate,
        last: NaiveDate,
        valid_until: NaiveDate,
        reason: &str,
    ) -> Result<i64> {
        let today = self.today();
        self.transact(|w, data| {
            w.require(Task::GrantException)?;
            if reason.trim().is_empty() {
                return Err(w.refused(Refusal::NoReason {
                    account: w.actor.name().to_string(),
                }));
            }
            if !valid_period(first, last) {
                return Err(problem(AccountProblem::BadPeriod));
            }
            if valid_until < today {
                return Err(problem(AccountProblem::ExpiredException { valid_until }));
            }
            if let Some(unit) = unit
                && data.unit(unit).is_none()
            {
                return Err(problem(AccountProblem::UnknownUnit { id: unit }));
            }
            let e = LockException {
                id: 0,
                unit_id: unit,
                first_day: first,
                last_day: last,
                reason: reason.trim().to_string(),
                valid_until,
                granted_by: w.actor.name().to_string(),
                granted_at: now_text(),
            };
            w.conn.execute(
                "INSERT INTO lock_exception (unit_id, first_day, last_day, reason, valid_until,
                                             granted_by, granted_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    e.unit_id,
                    e.first_day,
                    e.last_day,
                    e.reason,
                    e.valid_until,
                    e.granted_by,
                    e.granted_at
                ],
            )?;
            w.audit_inserted("lock_exception", exception_values(&e))
        })
    }

    /// Removes a lock exception (closing its period again). Returns whether there was one.
    pub fn remove_lock_exception(&mut self, id: i64) -> Result<()> {
        self.transact(|w, _| {
            w.require(Task::GrantException)?;
            let old = crate::store::access::exceptions(w.conn)?
                .into_iter()
                .find(|e| e.id == id)
                .ok_or_else(|| problem(AccountProblem::NoSuchException { id }))?;
            w.delete_by_id("lock_exception", Some(id), exception_values(&old))
        })
    }

    /// Sets the period lock: a day can be entered or changed until `days` days after it.
    pub fn set_lock_days(&mut self, days: u32) -> Result<()> {
        self.transact(|w, _| {
            w.require(Task::SetUp)?;
            w.put_setting(LOCK_DAYS, &days.to_string())
        })
    }
}

impl Writer<'_> {
    fn put_approval(&self, old: Option<&Approval>, new: &Approval) -> Result<()> {
        self.conn.execute(
            "INSERT INTO approval (unit_id, month, approved, by_name, at, reason)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (unit_id, month) DO UPDATE SET approved = excluded.approved,
                by_name = excluded.by_name, at = excluded.at, reason = excluded.reason",
            params![
                new.unit_id,
                new.month.to_string(),
                new.approved,
                new.by,
                new.at,
                new.reason
            ],
        )?;
        let action = if old.is_some() {
            Action::Update
        } else {
            Action::Insert
        };
        self.audit(
            action,
            "approval",
            approval_key(new.unit_id, new.month),
            old.map(approval_values),
            Some(approval_values(new)),
        )
    }
}

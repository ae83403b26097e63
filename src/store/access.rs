//! Accounts, logging in, the period lock, approvals and lock exceptions as stored: reading them,
//! and the password hashes (Argon2id, in PHC string form). The writes are in `write/access.rs`.

use std::collections::{BTreeMap, BTreeSet};

use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};
use serde_json::{Value, json};

use super::{Result, Store, StoreError};
use crate::domain::access::{
    Account, Actor, Approval, DEFAULT_LOCK_DAYS, LockException, Locks, Month, Role,
};

/// The setting that holds the period lock's days.
pub(super) const LOCK_DAYS: &str = "lock.days";

/// After this many wrong passwords in a row, each next try waits [`WAIT_SECONDS`].
pub const FREE_TRIES: u32 = 5;
pub const WAIT_SECONDS: i64 = 30;

/// The shortest password an account may have.
pub const MIN_PASSWORD_CHARS: usize = 8;

/// Why logging in failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoginError {
    /// No such account, or the wrong password (which one is not said).
    Wrong,
    Disabled {
        name: String,
    },
    /// Too many wrong passwords: try again after this many seconds.
    Wait {
        seconds: i64,
    },
}

/// An account as the store reads it, with its secrets.
pub(super) struct StoredAccount {
    pub account: Account,
    pub password_hash: String,
    pub recovery_hash: Option<String>,
}

pub(super) fn has_accounts(conn: &Connection) -> rusqlite::Result<bool> {
    conn.query_row("SELECT EXISTS (SELECT 1 FROM account)", [], |r| r.get(0))
}

pub(super) fn stored_accounts(conn: &Connection) -> rusqlite::Result<Vec<StoredAccount>> {
    let mut units: BTreeMap<i64, BTreeSet<i64>> = BTreeMap::new();
    let mut stmt = conn.prepare("SELECT account_id, unit_id FROM account_unit")?;
    for row in stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))? {
        let (account, unit) = row?;
        units.entry(account).or_default().insert(unit);
    }
    let mut stmt = conn.prepare(
        "SELECT id, name, role, active, password_hash, recovery_hash FROM account ORDER BY id",
    )?;
    let rows = stmt.query_map([], |r| {
        let role: String = r.get(2)?;
        let id: i64 = r.get(0)?;
        Ok(StoredAccount {
            account: Account {
                id,
                name: r.get(1)?,
                role: Role::parse(&role).ok_or_else(|| {
                    rusqlite::Error::FromSqlConversionFailure(
                        2,
                        rusqlite::types::Type::Text,
                        format!("unknown role {role}").into(),
                    )
                })?,
                units: units.get(&id).cloned(),
                active: r.get(3)?,
            },
            password_hash: r.get(4)?,
            recovery_hash: r.get(5)?,
        })
    })?;
    rows.collect()
}

pub(super) fn find_account(
    conn: &Connection,
    name: &str,
) -> rusqlite::Result<Option<StoredAccount>> {
    let wanted = name.trim().to_lowercase();
    Ok(stored_accounts(conn)?
        .into_iter()
        .find(|a| a.account.name.to_lowercase() == wanted))
}

/// What the audit trail records of an account: never the hashes themselves, only a digest of
/// each, so that a hash replaced outside Pantau shows.
pub(super) fn account_values(stored: &StoredAccount) -> Value {
    let a = &stored.account;
    json!({
        "name": a.name, "role": a.role.as_str(), "active": a.active,
        "units": a.units.as_ref().map(|u| u.iter().collect::<Vec<_>>()),
        "password": digest(&stored.password_hash),
        "recovery": stored.recovery_hash.as_deref().map(digest),
    })
}

pub(super) fn approval_values(a: &Approval) -> Value {
    json!({"approved": a.approved, "by": a.by, "at": a.at, "reason": a.reason})
}

pub(super) fn approval_key(unit: i64, month: Month) -> Value {
    json!({"unit_id": unit, "month": month.to_string()})
}

pub(super) fn exception_values(e: &LockException) -> Value {
    json!({
        "unit_id": e.unit_id, "first_day": e.first_day, "last_day": e.last_day,
        "reason": e.reason, "valid_until": e.valid_until, "granted_by": e.granted_by,
        "granted_at": e.granted_at,
    })
}

fn digest(text: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(text.as_bytes())
        .iter()
        .take(12)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The access tables' rows as the audit trail writes them, for the tamper check.
pub(super) fn sealed_rows(conn: &Connection) -> rusqlite::Result<Vec<((String, String), Value)>> {
    let mut rows = Vec::new();
    for stored in stored_accounts(conn)? {
        let key = json!({"id": stored.account.id}).to_string();
        rows.push((("account".to_string(), key), account_values(&stored)));
    }
    for a in approvals(conn)? {
        let key = approval_key(a.unit_id, a.month).to_string();
        rows.push((("approval".to_string(), key), approval_values(&a)));
    }
    for e in exceptions(conn)? {
        let key = json!({"id": e.id}).to_string();
        rows.push((("lock_exception".to_string(), key), exception_values(&e)));
    }
    Ok(rows)
}

pub(super) fn approvals(conn: &Connection) -> rusqlite::Result<Vec<Approval>> {
    let mut stmt = conn.prepare(
        "SELECT unit_id, month, approved, by_name, at, reason FROM approval ORDER BY month, unit_id",
    )?;
    let rows = stmt.query_map([], |r| {
        let month: String = r.get(1)?;
        Ok(Approval {
            unit_id: r.get(0)?,
            month: Month::parse(&month).ok_or_else(|| {
                rusqlite::Error::FromSqlConversionFailure(
                    1,
                    rusqlite::types::Type::Text,
                    format!("not a month: {month}").into(),
                )
            })?,
            approved: r.get(2)?,
            by: r.get(3)?,
            at: r.get(4)?,
            reason: r.get(5)?,
        })
    })?;
    rows.collect()
}

pub(super) fn exceptions(conn: &Connection) -> rusqlite::Result<Vec<LockException>> {
    let mut stmt = conn.prepare(
        "SELECT id, unit_id, first_day, last_day, reason, valid_until, granted_by, granted_at
         FROM lock_exception ORDER BY id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(LockException {
            id: r.get(0)?,
            unit_id: r.get(1)?,
            first_day: r.get(2)?,
            last_day: r.get(3)?,
            reason: r.get(4)?,
            valid_until: r.get(5)?,
            granted_by: r.get(6)?,
            granted_at: r.get(7)?,
        })
    })?;
    rows.collect()
}

/// The lock policy, approvals and exceptions; nothing is closed in a database without accounts.
pub(super) fn load_locks(conn: &Connection) -> rusqlite::Result<Locks> {
    if !has_accounts(conn)? {
        return Ok(Locks::default());
    }
    Ok(Locks {
        lock_days: Some(lock_days(conn)?),
        approvals: approvals(conn)?,
        exceptions: exceptions(conn)?,
    })
}

pub(super) fn lock_days(conn: &Connection) -> rusqlite::Result<u32> {
    Ok(conn
        .query_row(
            "SELECT value FROM setting WHERE key = ?1",
            [LOCK_DAYS],
            |r| r.get::<_, String>(0),
        )
        .optional()?
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_LOCK_DAYS))
}

/// An Argon2id hash of `secret` with a fresh salt, in PHC string form.
pub(super) fn hash_secret(secret: &str) -> Result<String> {
    Argon2::default()
        .hash_password(secret.as_bytes())
        .map(|hash| hash.to_string())
        .map_err(|e| {
            StoreError::Account(AccountProblem::System {
                message: e.to_string(),
            })
        })
}

/// Whether `secret` matches `hash` (compared in constant time by the verifier).
pub(super) fn verify_secret(secret: &str, hash: &str) -> bool {
    Argon2::default()
        .verify_password(secret.as_bytes(), hash)
        .is_ok()
}

/// A recovery code: 20 letters and digits a person can read back (no 0/O, 1/I/L), in groups.
pub(super) fn new_recovery_code() -> Result<String> {
    const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    let mut bytes = [0u8; 20];
    getrandom::fill(&mut bytes).map_err(|e| {
        StoreError::Account(AccountProblem::System {
            message: e.to_string(),
        })
    })?;
    let letters: Vec<char> = bytes
        .iter()
        .map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char)
        .collect();
    Ok(letters
        .chunks(5)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-"))
}

/// A recovery code as typed: spaces, dashes and case do not matter.
pub(super) fn normalize_code(code: &str) -> String {
    let letters: String = code
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect();
    letters
        .as_bytes()
        .chunks(5)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

fn now_text() -> String {
    chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

impl Store {
    /// Who writes: an account, nobody yet (a database with accounts), or the system's user.
    pub fn actor(&self) -> &crate::domain::access::Actor {
        &self.actor
    }

    /// Whether the database has accounts (then every write needs one logged in).
    pub fn has_accounts(&self) -> Result<bool> {
        Ok(has_accounts(&self.conn)?)
    }

    pub fn accounts(&self) -> Result<Vec<Account>> {
        Ok(stored_accounts(&self.conn)?
            .into_iter()
            .map(|s| s.account)
            .collect())
    }

    /// The lock policy, approvals and lock exceptions, for the screens to show before typing.
    pub fn locks(&self) -> Result<Locks> {
        Ok(load_locks(&self.conn)?)
    }

    /// Logs `name` in with `password`; from then on this store writes as that account. After
    /// [`FREE_TRIES`] wrong passwords in a row, a try within [`WAIT_SECONDS`] of the last wrong
    /// one is refused without looking at the password.
    pub fn log_in(&mut self, name: &str, password: &str) -> Result<Account> {
        let Some(stored) = find_account(&self.conn, name)? else {
            return Err(StoreError::Login(LoginError::Wrong));
        };
        let id = stored.account.id;
        let failures: Option<(u32, String)> = self
            .conn
            .query_row(
                "SELECT failures, last_at FROM login_failure WHERE account_id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let now = chrono::Local::now();
        if let Some((count, last)) = &failures
            && *count >= FREE_TRIES
            && let Ok(last) = chrono::DateTime::parse_from_rfc3339(last)
        {
            let waited = (now.fixed_offset() - last).num_seconds();
            if waited < WAIT_SECONDS {
                return Err(StoreError::Login(LoginError::Wait {
                    seconds: WAIT_SECONDS - waited.max(0),
                }));
            }
        }
        if !verify_secret(password, &stored.password_hash) {
            // Counted even by a store opened only for reading, through a connection of its
            // own: the count is what slows the next try.
            let counter;
            let conn = if self._lock.is_some() {
                &self.conn
            } else {
                counter = Connection::open(&self.path)?;
                counter.busy_timeout(std::time::Duration::from_secs(5))?;
                &counter
            };
            conn.execute(
                "INSERT INTO login_failure (account_id, failures, last_at) VALUES (?1, 1, ?2)
                 ON CONFLICT (account_id) DO UPDATE SET failures = failures + 1,
                                                        last_at = excluded.last_at",
                params![id, now_text()],
            )?;
            return Err(StoreError::Login(LoginError::Wrong));
        }
        if !stored.account.active {
            return Err(StoreError::Login(LoginError::Disabled {
                name: stored.account.name,
            }));
        }
        if failures.is_some() {
            let cleared = if self._lock.is_some() {
                self.conn
                    .execute("DELETE FROM login_failure WHERE account_id = ?1", [id])
            } else {
                Connection::open(&self.path).and_then(|c| {
                    c.busy_timeout(std::time::Duration::from_secs(5))?;
                    c.execute("DELETE FROM login_failure WHERE account_id = ?1", [id])
                })
            };
            cleared?;
        }
        self.actor = Actor::Account(stored.account.clone());
        Ok(stored.account)
    }

    /// Logs out: a database with accounts writes nothing until someone logs in again.
    pub fn log_out(&mut self) -> Result<()> {
        self.actor = if has_accounts(&self.conn)? {
            Actor::Nobody
        } else {
            Actor::System(super::os_user())
        };
        Ok(())
    }

    /// The approvals, in force or taken back, by month and unit.
    pub fn approvals(&self) -> Result<Vec<Approval>> {
        Ok(approvals(&self.conn)?)
    }

    pub fn lock_exceptions(&self) -> Result<Vec<LockException>> {
        Ok(exceptions(&self.conn)?)
    }
}

/// Whether a day is before the programme could have data: a lock exception's period starts no
/// earlier than this.
pub(super) fn valid_period(first: NaiveDate, last: NaiveDate) -> bool {
    first <= last && first >= crate::domain::dataset::PROGRAMME_START
}

/// An account command that cannot be done as asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccountProblem {
    /// No account of that name.
    Unknown { name: String },
    /// An account of that name exists already (names are compared without case).
    NameTaken { name: String },
    /// The first account of a database is its Admin: nobody else could add the others.
    FirstMustBeAdmin,
    /// A password shorter than [`MIN_PASSWORD_CHARS`].
    PasswordTooShort,
    /// The recovery code does not match (or the account has none).
    WrongRecoveryCode { name: String },
    /// The last active Admin cannot be disabled: nobody could manage accounts.
    LastAdmin { name: String },
    /// No lock exception with this number.
    NoSuchException { id: i64 },
    /// A lock exception's period that ends before it starts, or starts before the programme.
    BadPeriod,
    /// A lock exception whose last valid day has passed already.
    ExpiredException { valid_until: NaiveDate },
    /// A unit limit naming no unit of the office.
    UnknownUnit { id: i64 },
    /// The system could not hash or give random bytes.
    System { message: String },
    /// Only an Operator is limited to units: the other roles work on the whole office.
    UnitsOnlyForOperator,
}

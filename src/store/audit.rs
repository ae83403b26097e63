//! The audit trail: every insert, update and delete writes a row in the same transaction.

use rusqlite::{Connection, OptionalExtension, params};
use serde_json::Value;

use super::{Result, Store};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Action {
    Insert,
    Update,
    Delete,
}

impl Action {
    fn as_str(self) -> &'static str {
        match self {
            Action::Insert => "insert",
            Action::Update => "update",
            Action::Delete => "delete",
        }
    }
}

/// One row of the audit trail.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct AuditEntry {
    pub id: i64,
    /// Local time with its UTC offset, RFC 3339.
    pub at: String,
    pub user: String,
    pub action: String,
    pub table: String,
    /// The row's key, as JSON.
    pub key: String,
    /// The row's values before the change, as JSON (none for an insert).
    pub old_values: Option<String>,
    /// The row's values after the change, as JSON (none for a delete).
    pub new_values: Option<String>,
}

impl AuditEntry {
    /// What changed, as `field: old → new` for an update or `field=value` otherwise.
    pub fn changes(&self) -> String {
        let parse = |text: &Option<String>| -> Option<serde_json::Map<String, Value>> {
            text.as_deref()
                .and_then(|t| serde_json::from_str::<Value>(t).ok())
                .and_then(|v| v.as_object().cloned())
        };
        let (old, new) = (parse(&self.old_values), parse(&self.new_values));
        match (old, new) {
            (Some(old), Some(new)) => new
                .iter()
                .filter(|(k, v)| old.get(*k) != Some(v))
                .map(|(k, v)| format!("{k}: {} → {v}", old.get(k).unwrap_or(&Value::Null)))
                .collect::<Vec<_>>()
                .join(", "),
            (None, Some(values)) | (Some(values), None) => values
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join(", "),
            (None, None) => String::new(),
        }
    }
}

/// Writes one audit row. Called inside the transaction that makes the change.
pub(super) fn record(
    conn: &Connection,
    user: &str,
    action: Action,
    table: &str,
    key: &Value,
    old: Option<&Value>,
    new: Option<&Value>,
) -> rusqlite::Result<()> {
    record_text(
        conn,
        user,
        action,
        table,
        &key.to_string(),
        old.map(Value::to_string).as_deref(),
        new.map(Value::to_string).as_deref(),
    )
}

/// Like [`record`], with the key and values already written as JSON text. Each row carries
/// the hash of the row before it and its own, so that a row changed, added or removed outside
/// Pantau breaks the chain (see [`check_chain`]).
pub(super) fn record_text(
    conn: &Connection,
    user: &str,
    action: Action,
    table: &str,
    key: &str,
    old: Option<&str>,
    new: Option<&str>,
) -> rusqlite::Result<()> {
    let at = chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false);
    append(conn, &at, user, action.as_str(), table, key, old, new)
}

#[allow(clippy::too_many_arguments)]
fn append(
    conn: &Connection,
    at: &str,
    user: &str,
    action: &str,
    table: &str,
    key: &str,
    old: Option<&str>,
    new: Option<&str>,
) -> rusqlite::Result<()> {
    let (last_id, prev): (i64, Option<String>) = conn
        .prepare_cached("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")?
        .query_row([], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?
        .unwrap_or((0, None));
    let id = last_id + 1;
    let row = ChainRow {
        id,
        at,
        user,
        action,
        table,
        key,
        old,
        new,
    };
    let hash = row.hash(prev.as_deref());
    let mut stmt = conn.prepare_cached(
        "INSERT INTO audit_log (id, at, user_name, action, table_name, row_key, old_values,
                                new_values, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    stmt.execute(params![
        id, at, user, action, table, key, old, new, prev, hash
    ])?;
    Ok(())
}

/// The fields of an audit row that its hash covers.
struct ChainRow<'a> {
    id: i64,
    at: &'a str,
    user: &'a str,
    action: &'a str,
    table: &'a str,
    key: &'a str,
    old: Option<&'a str>,
    new: Option<&'a str>,
}

impl ChainRow<'_> {
    /// SHA-256 of the previous row's hash and every field, each prefixed by its length (an
    /// absent value by a length no text has), in hex.
    fn hash(&self, prev: Option<&str>) -> String {
        use sha2::{Digest, Sha256};
        let mut hasher = Sha256::new();
        let mut field = |text: Option<&str>| match text {
            Some(text) => {
                hasher.update((text.len() as u64).to_le_bytes());
                hasher.update(text.as_bytes());
            }
            None => hasher.update(u64::MAX.to_le_bytes()),
        };
        let id = self.id.to_string();
        for text in [
            prev,
            Some(id.as_str()),
            Some(self.at),
            Some(self.user),
            Some(self.action),
            Some(self.table),
            Some(self.key),
            self.old,
            self.new,
        ] {
            field(text);
        }
        hasher
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

/// Schema version 7: hashes the audit rows written before the chain existed, in their order,
/// and appends a seal holding the data as it stands, from which `pantau check` replays.
pub(super) fn seal_upgrade(conn: &Connection) -> rusqlite::Result<()> {
    let rows = stored_rows(conn)?;
    let mut prev: Option<String> = None;
    for row in &rows {
        let hash = row.chain_hash(prev.as_deref());
        conn.execute(
            "UPDATE audit_log SET prev_hash = ?2, hash = ?3 WHERE id = ?1",
            params![row.id, prev, hash],
        )?;
        prev = Some(hash);
    }
    let state = super::seal::state(conn)?;
    if rows.is_empty() && state.is_empty() {
        // A new database: its first write starts the chain.
        return Ok(());
    }
    let at = chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false);
    append(
        conn,
        &at,
        &super::os_user(),
        "seal",
        "*",
        "{}",
        None,
        Some(&super::seal::state_text(&state)),
    )
}

/// One audit row as the chain check reads it.
pub(super) struct StoredRow {
    pub id: i64,
    pub at: String,
    pub user: String,
    pub action: String,
    pub table: String,
    pub key: String,
    pub old: Option<String>,
    pub new: Option<String>,
    pub prev_hash: Option<String>,
    pub hash: Option<String>,
}

impl StoredRow {
    /// The hash this row must carry after the row whose hash is `prev`.
    fn chain_hash(&self, prev: Option<&str>) -> String {
        ChainRow {
            id: self.id,
            at: &self.at,
            user: &self.user,
            action: &self.action,
            table: &self.table,
            key: &self.key,
            old: self.old.as_deref(),
            new: self.new.as_deref(),
        }
        .hash(prev)
    }
}

pub(super) fn stored_rows(conn: &Connection) -> rusqlite::Result<Vec<StoredRow>> {
    let mut stmt = conn.prepare(
        "SELECT id, at, user_name, action, table_name, row_key, old_values, new_values,
                prev_hash, hash
         FROM audit_log ORDER BY id",
    )?;
    stmt.query_map([], |r| {
        Ok(StoredRow {
            id: r.get(0)?,
            at: r.get(1)?,
            user: r.get(2)?,
            action: r.get(3)?,
            table: r.get(4)?,
            key: r.get(5)?,
            old: r.get(6)?,
            new: r.get(7)?,
            prev_hash: r.get(8)?,
            hash: r.get(9)?,
        })
    })?
    .collect()
}

/// The first audit row whose hash does not follow from the row before it and its own content:
/// a row changed, inserted or removed outside Pantau (the rows written before the chain existed
/// were hashed when it began, so every row has a hash).
pub(super) fn check_chain(rows: &[StoredRow]) -> Option<&StoredRow> {
    let mut prev: Option<&str> = None;
    let first_id = rows.first()?.id;
    for (expected_id, row) in (first_id..).zip(rows) {
        let computed = row.chain_hash(prev);
        if row.id != expected_id
            || row.prev_hash.as_deref() != prev
            || row.hash.as_deref() != Some(computed.as_str())
        {
            return Some(row);
        }
        prev = row.hash.as_deref();
    }
    None
}

impl Store {
    /// Who last wrote each report of `unit`, as the audit trail names them (an import's rows
    /// by whoever imported them): what a bundle says of who entered a report.
    pub fn report_authors(
        &self,
        unit: crate::domain::UnitId,
    ) -> Result<std::collections::BTreeMap<chrono::NaiveDate, String>> {
        let mut authors = std::collections::BTreeMap::new();
        let mut stmt = self.conn.prepare(
            "SELECT user_name, row_key, new_values FROM audit_log
             WHERE table_name = 'daily_report' ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
            ))
        })?;
        let day = |v: &Value| v.as_str().and_then(|d| d.parse::<chrono::NaiveDate>().ok());
        for row in rows {
            let (user, key, new) = row?;
            let key: Value = serde_json::from_str(&key).unwrap_or(Value::Null);
            if key.get("import").is_none() {
                if key["unit_id"].as_i64() == Some(unit)
                    && let Some(date) = day(&key["date"])
                {
                    authors.insert(date, user);
                }
                continue;
            }
            let new: Value = new
                .as_deref()
                .and_then(|t| serde_json::from_str(t).ok())
                .unwrap_or(Value::Null);
            for entry in new["inserted"].as_array().into_iter().flatten() {
                if entry["unit_id"].as_i64() != Some(unit) {
                    continue;
                }
                let dates = entry["rows"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|r| r.get(0).and_then(day))
                    .chain(
                        entry["dates"]
                            .as_array()
                            .into_iter()
                            .flatten()
                            .filter_map(day),
                    );
                for date in dates {
                    authors.insert(date, user.clone());
                }
            }
        }
        Ok(authors)
    }

    /// The newest `limit` audit rows (all when `None`), newest first.
    pub fn audit_log(&self, limit: Option<usize>) -> Result<Vec<AuditEntry>> {
        let limit = limit.map(|l| l as i64).unwrap_or(-1);
        let mut stmt = self.conn.prepare(
            "SELECT id, at, user_name, action, table_name, row_key, old_values, new_values
             FROM audit_log ORDER BY id DESC LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit], |row| {
            Ok(AuditEntry {
                id: row.get(0)?,
                at: row.get(1)?,
                user: row.get(2)?,
                action: row.get(3)?,
                table: row.get(4)?,
                key: row.get(5)?,
                old_values: row.get(6)?,
                new_values: row.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

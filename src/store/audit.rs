//! The audit trail: every insert, update and delete writes a row in the same transaction.

use rusqlite::{Connection, params};
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

/// Like [`record`], with the key and values already written as JSON text.
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
    let mut stmt = conn.prepare_cached(
        "INSERT INTO audit_log (at, user_name, action, table_name, row_key, old_values, new_values)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    stmt.execute(params![at, user, action.as_str(), table, key, old, new,])?;
    Ok(())
}

impl Store {
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

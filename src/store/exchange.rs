//! What a database knows about the exchange of bundles (`crate::exchange`): its own signing key,
//! the PCs it exchanges with, the bundles sent and received, what it believes each peer holds,
//! and the conflicts waiting for a person. Reading here; the writes are in `write/exchange.rs`.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};

use super::{Result, Store};
use crate::domain::{DailyReport, UnitId};

/// Which end of the exchange a database is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    District,
    Kecamatan,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::District => "district",
            Role::Kecamatan => "kecamatan",
        }
    }

    pub fn parse(text: &str) -> Option<Role> {
        match text {
            "district" => Some(Role::District),
            "kecamatan" => Some(Role::Kecamatan),
            _ => None,
        }
    }
}

/// This database's own place in the exchange and its signing key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub role: Role,
    /// A kecamatan PC's own unit.
    pub unit_id: Option<UnitId>,
    /// The Ed25519 private key, hex. It never leaves this file.
    pub signing_key: String,
}

/// A PC this database exchanges bundles with, and the key it signs with.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Peer {
    pub id: i64,
    /// The unit the exchange is about: the kecamatan's (at a kecamatan PC, its own).
    pub unit_id: UnitId,
    pub role: Role,
    pub public_key: String,
    pub registered_at: String,
    /// A peer whose PC was set up again keeps its log but is no longer trusted.
    pub active: bool,
}

/// A bundle this database wrote.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SentBundle {
    pub peer_id: i64,
    pub sequence: u64,
    pub hash: String,
    pub file_name: String,
    pub created_at: String,
    pub rows: usize,
    /// When the peer's acknowledgement arrived.
    pub confirmed_at: Option<String>,
}

/// Whether a received bundle is applied or waits for the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReceivedStatus {
    Applied,
    Held,
}

/// A bundle this database received.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ReceivedBundle {
    pub peer_id: i64,
    pub sequence: u64,
    pub hash: String,
    pub previous: Option<String>,
    pub file_name: String,
    pub received_at: String,
    pub status: ReceivedStatus,
    pub applied_at: Option<String>,
    /// Report rows it carried.
    pub rows: usize,
    /// Whether an acknowledgement of it has been sent back.
    pub acked: bool,
}

/// Where a conflict stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictStatus {
    /// Waiting for a person.
    Open,
    KeptSent,
    KeptOurs,
    /// A later bundle changed the same report again (or both sides now agree).
    Superseded,
}

impl ConflictStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ConflictStatus::Open => "open",
            ConflictStatus::KeptSent => "kept_sent",
            ConflictStatus::KeptOurs => "kept_ours",
            ConflictStatus::Superseded => "superseded",
        }
    }

    pub fn parse(text: &str) -> Option<ConflictStatus> {
        match text {
            "open" => Some(ConflictStatus::Open),
            "kept_sent" => Some(ConflictStatus::KeptSent),
            "kept_ours" => Some(ConflictStatus::KeptOurs),
            "superseded" => Some(ConflictStatus::Superseded),
            _ => None,
        }
    }
}

/// A report a peer changed while this database changed it too.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Conflict {
    pub id: i64,
    pub peer_id: i64,
    /// The bundle that brought the change.
    pub sequence: u64,
    /// At a kecamatan PC: the district's number of the conflict.
    pub remote_id: Option<i64>,
    pub unit_id: UnitId,
    pub date: NaiveDate,
    /// What the peer sent; `None`: it deleted the report.
    pub sent: Option<DailyReport>,
    /// What this database held when it arrived; `None`: no report.
    pub ours: Option<DailyReport>,
    pub base_revision: Option<String>,
    pub status: ConflictStatus,
    pub created_at: String,
    pub resolved_at: Option<String>,
    pub resolved_by: Option<String>,
    /// Whether the peer has been told (in a bundle back) where it stands.
    pub reported: bool,
    /// Why a change that merged cleanly waits all the same: the day was closed here when it
    /// arrived (`None`: both sides changed it).
    pub closed: Option<ClosedBy>,
}

/// What closed a day a bundle changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClosedBy {
    /// The head of office approved the month.
    Approval,
    /// The period lock: too long after the day.
    PeriodLock,
}

impl ClosedBy {
    pub fn as_str(self) -> &'static str {
        match self {
            ClosedBy::Approval => "approved",
            ClosedBy::PeriodLock => "expired",
        }
    }

    fn parse(text: &str) -> Option<ClosedBy> {
        match text {
            "approved" => Some(ClosedBy::Approval),
            "expired" => Some(ClosedBy::PeriodLock),
            _ => None,
        }
    }
}

/// Which side a person keeps when resolving a conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    Sent,
    Ours,
}

pub(super) fn now() -> String {
    chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

fn role(column: usize, text: String) -> rusqlite::Result<Role> {
    Role::parse(&text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            column,
            rusqlite::types::Type::Text,
            format!("unknown exchange role {text:?}").into(),
        )
    })
}

pub(super) fn report_json(report: Option<&DailyReport>) -> Option<String> {
    report.and_then(|r| serde_json::to_string(r).ok())
}

fn report_from_json(column: usize, text: Option<String>) -> rusqlite::Result<Option<DailyReport>> {
    text.map(|t| {
        serde_json::from_str(&t).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(
                column,
                rusqlite::types::Type::Text,
                Box::new(e),
            )
        })
    })
    .transpose()
}

pub(super) fn read_conflict(row: &rusqlite::Row) -> rusqlite::Result<Conflict> {
    let status: String = row.get(9)?;
    Ok(Conflict {
        id: row.get(0)?,
        peer_id: row.get(1)?,
        sequence: row.get::<_, i64>(2)? as u64,
        remote_id: row.get(3)?,
        unit_id: row.get(4)?,
        date: row.get(5)?,
        sent: report_from_json(6, row.get(6)?)?,
        ours: report_from_json(7, row.get(7)?)?,
        base_revision: row.get(8)?,
        status: ConflictStatus::parse(&status).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                9,
                rusqlite::types::Type::Text,
                format!("unknown conflict status {status:?}").into(),
            )
        })?,
        created_at: row.get(10)?,
        resolved_at: row.get(11)?,
        resolved_by: row.get(12)?,
        reported: row.get(13)?,
        closed: row
            .get::<_, Option<String>>(14)?
            .as_deref()
            .and_then(ClosedBy::parse),
    })
}

pub(super) const CONFLICT_COLUMNS: &str = "id, peer_id, sequence, remote_id, unit_id, date, sent, \
     ours, base_revision, status, created_at, resolved_at, resolved_by, reported, closed";

pub(super) fn read_received(row: &rusqlite::Row) -> rusqlite::Result<ReceivedBundle> {
    let status: String = row.get(6)?;
    Ok(ReceivedBundle {
        peer_id: row.get(0)?,
        sequence: row.get::<_, i64>(1)? as u64,
        hash: row.get(2)?,
        previous: row.get(3)?,
        file_name: row.get(4)?,
        received_at: row.get(5)?,
        status: if status == "held" {
            ReceivedStatus::Held
        } else {
            ReceivedStatus::Applied
        },
        applied_at: row.get(7)?,
        rows: row.get::<_, i64>(8)? as usize,
        acked: row.get(9)?,
    })
}

pub(super) const RECEIVED_COLUMNS: &str =
    "peer_id, sequence, hash, previous, file_name, received_at, status, applied_at, rows, acked";

impl Store {
    /// This database's place in the exchange, if it has one.
    pub fn exchange_identity(&self) -> Result<Option<Identity>> {
        Ok(self
            .conn
            .query_row(
                "SELECT role, unit_id, signing_key FROM exchange_identity WHERE id = 1",
                [],
                |row| {
                    Ok(Identity {
                        role: role(0, row.get(0)?)?,
                        unit_id: row.get(1)?,
                        signing_key: row.get(2)?,
                    })
                },
            )
            .optional()?)
    }

    /// Every PC this database exchanges with (also those set up again since).
    pub fn exchange_peers(&self) -> Result<Vec<Peer>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, unit_id, role, public_key, registered_at, active FROM exchange_peer
             ORDER BY id",
        )?;
        let rows = stmt.query_map([], |row| {
            Ok(Peer {
                id: row.get(0)?,
                unit_id: row.get(1)?,
                role: role(2, row.get(2)?)?,
                public_key: row.get(3)?,
                registered_at: row.get(4)?,
                active: row.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// What this database believes `peer` holds: item → revision.
    pub fn exchange_bases(&self, peer: i64) -> Result<BTreeMap<String, String>> {
        let mut stmt = self
            .conn
            .prepare("SELECT item, revision FROM exchange_base WHERE peer_id = ?1")?;
        let rows = stmt.query_map([peer], |row| Ok((row.get(0)?, row.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The bundles written for `peer`, oldest first.
    pub fn sent_bundles(&self, peer: i64) -> Result<Vec<SentBundle>> {
        let mut stmt = self.conn.prepare(
            "SELECT peer_id, sequence, hash, file_name, created_at, rows, confirmed_at
             FROM exchange_sent WHERE peer_id = ?1 ORDER BY sequence",
        )?;
        let rows = stmt.query_map([peer], |row| {
            Ok(SentBundle {
                peer_id: row.get(0)?,
                sequence: row.get::<_, i64>(1)? as u64,
                hash: row.get(2)?,
                file_name: row.get(3)?,
                created_at: row.get(4)?,
                rows: row.get::<_, i64>(5)? as usize,
                confirmed_at: row.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The bytes of a bundle written before, to write it again.
    pub fn sent_bundle_bytes(&self, peer: i64, sequence: u64) -> Result<Option<Vec<u8>>> {
        Ok(self
            .conn
            .query_row(
                "SELECT bytes FROM exchange_sent WHERE peer_id = ?1 AND sequence = ?2",
                params![peer, sequence as i64],
                |row| row.get(0),
            )
            .optional()?)
    }

    /// The bundles received from `peer`, applied and held, oldest first.
    pub fn received_bundles(&self, peer: i64) -> Result<Vec<ReceivedBundle>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {RECEIVED_COLUMNS} FROM exchange_received WHERE peer_id = ?1
             ORDER BY sequence"
        ))?;
        let rows = stmt.query_map([peer], read_received)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The bytes of a held bundle, to apply it when the one before it arrives.
    pub fn held_bundle_bytes(&self, peer: i64, sequence: u64) -> Result<Option<Vec<u8>>> {
        Ok(self
            .conn
            .query_row(
                "SELECT bytes FROM exchange_received
                 WHERE peer_id = ?1 AND sequence = ?2 AND status = 'held'",
                params![peer, sequence as i64],
                |row| row.get(0),
            )
            .optional()?
            .flatten())
    }

    /// Conflicts, newest first; only the open ones with `open_only`.
    pub fn conflicts(&self, open_only: bool) -> Result<Vec<Conflict>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {CONFLICT_COLUMNS} FROM exchange_conflict
             WHERE (?1 = 0 OR status = 'open') ORDER BY id DESC"
        ))?;
        let rows = stmt.query_map([open_only], read_conflict)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

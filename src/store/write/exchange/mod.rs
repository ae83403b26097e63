//! Writing the exchange: registering a PC, logging a bundle sent, holding a bundle that came
//! early, applying a bundle (one transaction: its reports merged through the domain rules, its
//! conflicts queued, its acknowledgements, one audit entry naming it), and resolving a conflict.

use super::daily::{apply_reports, report_changes};
use super::office::unknown_unit;
use super::*;
use crate::store::exchange::{
    CONFLICT_COLUMNS, Conflict, ConflictStatus, Identity, Keep, Peer, Role, now, read_conflict,
};

/// A PC to register: the unit the exchange is about, the PC's role and its public key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPeer {
    pub unit_id: UnitId,
    pub role: Role,
    pub public_key: String,
}

/// A report change carried by a bundle, already in this database's unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentReport {
    pub date: NaiveDate,
    /// `None`: the sender deleted its report of that day.
    pub report: Option<DailyReport>,
    /// The revision the sender believed this database held.
    pub base: Option<String>,
    /// Who entered (or last changed) the report at the sender, as its audit trail names them;
    /// `None` in a bundle of a Pantau from before accounts.
    pub entered_by: Option<String>,
}

/// An outage a kecamatan PC recorded, as a bundle carries it: its unit is the bundle's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentOutage {
    pub first_day: NaiveDate,
    pub cause: crate::domain::OutageCause,
    /// `None`: the kecamatan deleted it.
    pub outage: Option<Outage>,
}

/// The base item of an outage: its first day and cause name it.
pub fn outage_item(first_day: NaiveDate, cause: crate::domain::OutageCause) -> String {
    format!("outage/{first_day}/{}", cause.as_str())
}

/// What a received bundle carries, in this database's terms (the peer's unit, local ids).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Incoming {
    pub file_name: String,
    pub unit_name: String,
    pub sequence: u64,
    pub hash: String,
    pub previous: Option<String>,
    /// The bundle file itself, kept while it is held.
    pub bytes: Vec<u8>,
    pub reports: Vec<SentReport>,
    /// From a kecamatan PC: its outages new, changed or deleted.
    pub outages: Vec<SentOutage>,
    /// The unit's whole list of targets, where the district changed it.
    pub targets: Option<Vec<Target>>,
    pub opening: Option<OpeningBalance>,
    /// The unit's PRR start as the district keeps it, where it changed (`Some(None)`: none).
    pub prr_opening: Option<Option<PrrOpening>>,
    pub deadlines: Option<Vec<Deadline>>,
    pub holidays: Option<Vec<Holiday>>,
    /// This database's bundles the peer applied: sequence and hash.
    pub acks: Vec<(u64, String)>,
    /// At a kecamatan PC: where the district's conflicts about its reports stand.
    pub remote_conflicts: Vec<Conflict>,
}

/// What applying a bundle did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Applied {
    pub new: usize,
    pub updated: usize,
    pub deleted: usize,
    /// Reports that already said the same.
    pub same: usize,
    /// Changes queued for a person (at the district).
    pub conflicts: usize,
    /// At a kecamatan PC: district changes to a report changed here meanwhile, left for the
    /// district to decide when this PC's change arrives there.
    pub kept_here: usize,
    /// Bundles of ours the peer confirmed.
    pub confirmed: usize,
    /// Reports written with an outlier and no note, flagged for review.
    pub unexplained: usize,
    /// Reference lists (targets, opening totals, deadlines, holidays) replaced.
    pub lists: usize,
    /// At a kecamatan PC: news of the district's conflicts about its reports.
    pub conflict_news: usize,
    /// Outages of the kecamatan recorded, changed or removed.
    pub outages: usize,
}

/// A bundle about to be written, for the log: it is recorded in the same transaction that
/// moves the bases, marks the acknowledgements sent and the conflicts reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outgoing {
    pub peer_id: i64,
    pub sequence: u64,
    pub hash: String,
    pub file_name: String,
    pub rows: usize,
    pub bytes: Vec<u8>,
    /// item → revision the peer will hold; `None` removes the item.
    pub bases: Vec<(String, Option<String>)>,
    /// Received bundles acknowledged in it.
    pub acked: Vec<u64>,
    /// Conflicts whose state it tells.
    pub reported: Vec<i64>,
}

/// The base item of a report of `date`.
pub fn report_item(date: NaiveDate) -> String {
    format!("report/{date}")
}

impl Writer<'_> {
    fn put_bases(&self, peer: i64, bases: &[(String, Option<String>)]) -> rusqlite::Result<()> {
        let mut put = self.conn.prepare_cached(
            "INSERT INTO exchange_base (peer_id, item, revision) VALUES (?1, ?2, ?3)
             ON CONFLICT (peer_id, item) DO UPDATE SET revision = excluded.revision",
        )?;
        let mut delete = self
            .conn
            .prepare_cached("DELETE FROM exchange_base WHERE peer_id = ?1 AND item = ?2")?;
        for (item, revision) in bases {
            match revision {
                Some(revision) => put.execute(params![peer, item, revision])?,
                None => delete.execute(params![peer, item])?,
            };
        }
        Ok(())
    }

    fn set_conflict_status(
        &self,
        old: &Conflict,
        status: ConflictStatus,
        by: Option<&str>,
    ) -> Result<()> {
        self.conn.execute(
            "UPDATE exchange_conflict SET status = ?2, resolved_at = ?3, resolved_by = ?4,
                    reported = 0
             WHERE id = ?1",
            params![old.id, status.as_str(), now(), by],
        )?;
        self.audit(
            Action::Update,
            "exchange_conflict",
            json!({"id": old.id}),
            Some(json!({"status": old.status.as_str()})),
            Some(json!({"status": status.as_str(), "resolved_by": by})),
        )
    }

    fn open_conflicts(&self, unit: UnitId) -> rusqlite::Result<BTreeMap<NaiveDate, Conflict>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {CONFLICT_COLUMNS} FROM exchange_conflict
             WHERE unit_id = ?1 AND status = 'open' AND remote_id IS NULL"
        ))?;
        let rows = stmt.query_map([unit], read_conflict)?;
        rows.map(|c| c.map(|c| (c.date, c))).collect()
    }
}

impl Store {
    /// Registers a PC to exchange with, in one transaction: this database's own identity first
    /// if it has none, the peer (a PC set up again for the same unit replaces the old one,
    /// whose bundles are no longer trusted), and what the peer holds as it starts.
    pub fn register_peer(
        &mut self,
        identity: &Identity,
        peer: &NewPeer,
        bases: &[(String, Option<String>)],
    ) -> Result<i64> {
        let user = self.actor.name().to_string();
        self.transact(|w, data| {
            w.require(crate::domain::access::Task::SetUp)?;
            if data.unit(peer.unit_id).is_none() {
                return Err(unknown_unit(data, &peer.unit_id.to_string()).into());
            }
            let exists: bool =
                w.conn
                    .query_row("SELECT count(*) FROM exchange_identity", [], |r| r.get(0))?;
            if !exists {
                w.conn.execute(
                    "INSERT INTO exchange_identity (id, role, unit_id, signing_key, created_at)
                     VALUES (1, ?1, ?2, ?3, ?4)",
                    params![
                        identity.role.as_str(),
                        identity.unit_id,
                        identity.signing_key,
                        now()
                    ],
                )?;
                w.audit(
                    Action::Insert,
                    "exchange_identity",
                    json!({"id": 1}),
                    None,
                    Some(json!({"role": identity.role.as_str(), "unit_id": identity.unit_id})),
                )?;
            }
            let replaced = w.conn.execute(
                "UPDATE exchange_peer SET active = 0
                 WHERE unit_id = ?1 AND role = ?2 AND active = 1",
                params![peer.unit_id, peer.role.as_str()],
            )?;
            w.conn.execute(
                "INSERT INTO exchange_peer (unit_id, role, public_key, registered_at)
                 VALUES (?1, ?2, ?3, ?4)",
                params![peer.unit_id, peer.role.as_str(), peer.public_key, now()],
            )?;
            let id = w.audit_inserted(
                "exchange_peer",
                json!({
                    "unit": data.unit_name(peer.unit_id), "role": peer.role.as_str(),
                    "public_key": peer.public_key, "replaces_earlier_pc": replaced > 0,
                    "by": user,
                }),
            )?;
            w.put_bases(id, bases)?;
            Ok(id)
        })
    }

    /// Logs a bundle just written, moves what the peer is believed to hold, and marks the
    /// acknowledgements and conflicts it carries as told. One transaction.
    pub fn record_sent(&mut self, out: &Outgoing) -> Result<()> {
        self.transact(|w, _| {
            w.require(crate::domain::access::Task::EnterData)?;
            w.conn.execute(
                "INSERT INTO exchange_sent (peer_id, sequence, hash, file_name, created_at, rows,
                                            bytes)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    out.peer_id,
                    out.sequence as i64,
                    out.hash,
                    out.file_name,
                    now(),
                    out.rows as i64,
                    out.bytes
                ],
            )?;
            w.put_bases(out.peer_id, &out.bases)?;
            for sequence in &out.acked {
                w.conn.execute(
                    "UPDATE exchange_received SET acked = 1
                     WHERE peer_id = ?1 AND sequence = ?2 AND status = 'applied'",
                    params![out.peer_id, *sequence as i64],
                )?;
            }
            for id in &out.reported {
                w.conn.execute(
                    "UPDATE exchange_conflict SET reported = 1 WHERE id = ?1",
                    [id],
                )?;
            }
            Ok(())
        })
    }

    /// Keeps a bundle that came before the one it follows, to apply it when that one comes.
    pub fn hold_bundle(&mut self, peer: &Peer, incoming: &Incoming) -> Result<()> {
        self.transact(|w, data| {
            w.require(crate::domain::access::Task::EnterData)?;
            w.conn.execute(
                "INSERT INTO exchange_received (peer_id, sequence, hash, previous, file_name,
                                                received_at, status, rows, bytes)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'held', ?7, ?8)",
                params![
                    peer.id,
                    incoming.sequence as i64,
                    incoming.hash,
                    incoming.previous,
                    incoming.file_name,
                    now(),
                    incoming.reports.len() as i64,
                    incoming.bytes
                ],
            )?;
            w.audit(
                Action::Insert,
                "exchange_received",
                json!({"unit": data.unit_name(peer.unit_id), "sequence": incoming.sequence}),
                None,
                Some(json!({
                    "file": incoming.file_name, "sequence": incoming.sequence,
                    "hash": incoming.hash, "status": "held",
                })),
            )?;
            Ok(())
        })
    }

    /// Resolves an open conflict, keeping the report the peer sent or the one held here; the
    /// kept report passes the domain rules. Audited; the peer hears of it in the next bundle
    /// sent to it (and, where ours is kept, gets our report).
    pub fn resolve_conflict(&mut self, id: i64, keep: Keep, today: NaiveDate) -> Result<Conflict> {
        let user = self.actor.name().to_string();
        self.transact(|w, data| {
            w.require(crate::domain::access::Task::EnterData)?;
            let conflict = w
                .conn
                .query_row(
                    &format!("SELECT {CONFLICT_COLUMNS} FROM exchange_conflict WHERE id = ?1"),
                    [id],
                    read_conflict,
                )
                .optional()?;
            let Some(conflict) = conflict.filter(|c| c.remote_id.is_none()) else {
                return Err(RuleViolation::Invalid {
                    at: Place {
                        unit: None,
                        date: today,
                    },
                    problem: rules::Invalid::NoSuchConflict(id),
                }
                .into());
            };
            if conflict.status != ConflictStatus::Open {
                return Err(RuleViolation::Invalid {
                    at: Place {
                        unit: Some(data.unit_name(conflict.unit_id)),
                        date: conflict.date,
                    },
                    problem: rules::Invalid::ConflictClosed(id),
                }
                .into());
            }
            let status = match keep {
                Keep::Ours => ConflictStatus::KeptOurs,
                Keep::Sent => {
                    let key = (conflict.unit_id, conflict.date);
                    let old = data.reports.get(&key).cloned();
                    match &conflict.sent {
                        Some(sent) => {
                            let olds = apply_reports(data, std::slice::from_ref(sent))?;
                            let changes = report_changes(std::slice::from_ref(sent));
                            let judgement = judge(data, &changes, today, OutlierPolicy::Flag);
                            if let Some(violation) = judgement.first_refusal() {
                                return Err(violation.clone().into());
                            }
                            let unexplained =
                                judgement.outliers.contains_key(&0) && sent.note.trim().is_empty();
                            w.put_report(olds.get(&0), sent, unexplained)?;
                        }
                        None => {
                            if let Some(old) = old {
                                data.reports.remove(&key);
                                let at = rules::report_place(data, &old);
                                check_cumulative(data, old.unit_id, &at, old.date)?;
                                w.delete_report(&old)?;
                            }
                        }
                    }
                    ConflictStatus::KeptSent
                }
            };
            w.set_conflict_status(&conflict, status, Some(&user))?;
            Ok(Conflict {
                status,
                resolved_by: Some(user.clone()),
                ..conflict
            })
        })
    }
}

mod apply;

//! Writing the exchange: registering a PC, logging a bundle sent, holding a bundle that came
//! early, applying a bundle (one transaction: its reports merged through the domain rules, its
//! conflicts queued, its acknowledgements, one audit entry naming it), and resolving a conflict.

use super::daily::{apply_reports, report_changes};
use super::office::unknown_unit;
use super::*;
use crate::domain::sync::{self, Merge};
use crate::store::exchange::{
    CONFLICT_COLUMNS, Conflict, ConflictStatus, Identity, Keep, Peer, Role, now, read_conflict,
    report_json,
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
    ) -> rusqlite::Result<()> {
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
        let user = self.user.clone();
        self.transact(|w, data| {
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

    /// Applies a bundle from `peer` in one transaction: it must follow the last bundle applied
    /// from that PC. Reports are merged (see [`crate::domain::sync`]) and judged by the domain
    /// rules as an import is; an edit of a report changed here meanwhile is queued as a
    /// conflict at the district, and left for the district at a kecamatan PC. One audit entry
    /// names the bundle's file, unit, sequence and hash. A refusal writes nothing.
    ///
    /// `data` is what [`Store::load`] read from this store with no write since; it is kept
    /// equal to the database, so bundles received together are judged on one read (see
    /// `transact_on`). After an error, read it again.
    pub fn apply_bundle(
        &mut self,
        data: &mut Dataset,
        own: Role,
        peer: &Peer,
        incoming: &Incoming,
        today: NaiveDate,
    ) -> Result<Applied> {
        self.transact_on(data, |w, data| {
            check_follows(w, peer, incoming)?;
            let unit = peer.unit_id;
            let mut applied = Applied::default();
            if own == Role::Kecamatan {
                applied.lists = replace_lists(w, data, unit, incoming)?;
            }
            let open = w.open_conflicts(unit)?;
            let mut bases = Vec::new();
            let mut puts = Vec::new();
            let mut deletes = Vec::new();
            for sent in &incoming.reports {
                let ours = data.reports.get(&(unit, sent.date)).cloned();
                let merge = sync::merge(ours.as_ref(), sent.report.as_ref(), sent.base.as_deref());
                let earlier = open.get(&sent.date);
                match merge {
                    Merge::Same | Merge::Apply => {
                        if let Some(earlier) = earlier {
                            w.set_conflict_status(earlier, ConflictStatus::Superseded, None)?;
                        }
                        if merge == Merge::Same {
                            applied.same += 1;
                        } else {
                            match (&sent.report, ours) {
                                (Some(report), _) => puts.push(report.clone()),
                                (None, Some(old)) => deletes.push(old),
                                (None, None) => {}
                            }
                        }
                    }
                    Merge::Conflict if own == Role::District => {
                        if let Some(earlier) = earlier {
                            w.set_conflict_status(earlier, ConflictStatus::Superseded, None)?;
                        }
                        w.conn.execute(
                            "INSERT INTO exchange_conflict (peer_id, sequence, unit_id, date, sent,
                                                            ours, base_revision, status,
                                                            created_at)
                             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'open', ?8)",
                            params![
                                peer.id,
                                incoming.sequence as i64,
                                unit,
                                sent.date,
                                report_json(sent.report.as_ref()),
                                report_json(ours.as_ref()),
                                sent.base,
                                now()
                            ],
                        )?;
                        applied.conflicts += 1;
                    }
                    Merge::Conflict => {
                        // Changed here since: this PC's own change goes to the district with
                        // the base the district knew, and the district decides.
                        applied.kept_here += 1;
                        continue;
                    }
                }
                bases.push((
                    report_item(sent.date),
                    sync::revision_of(sent.report.as_ref()),
                ));
            }
            let olds = apply_reports(data, &puts)?;
            let mut changes = report_changes(&puts);
            for old in &deletes {
                data.reports.remove(&(old.unit_id, old.date));
                changes.push(Change::Report {
                    unit: old.unit_id,
                    date: old.date,
                });
            }
            let judgement = judge(data, &changes, today, OutlierPolicy::Flag);
            if let Some(violation) = judgement.first_refusal() {
                return Err(violation.clone().into());
            }
            for (index, report) in puts.iter().enumerate() {
                let unexplained =
                    judgement.outliers.contains_key(&index) && report.note.trim().is_empty();
                applied.unexplained += usize::from(unexplained);
                match w.put_report(olds.get(&index), report, unexplained)? {
                    Saved::Inserted => applied.new += 1,
                    _ => applied.updated += 1,
                }
                let key = (report.unit_id, report.date);
                if unexplained {
                    data.unexplained.insert(key);
                } else {
                    data.unexplained.remove(&key);
                }
            }
            for old in &deletes {
                w.delete_report(old)?;
                data.unexplained.remove(&(old.unit_id, old.date));
                applied.deleted += 1;
            }
            for (sequence, hash) in &incoming.acks {
                applied.confirmed += w.conn.execute(
                    "UPDATE exchange_sent SET confirmed_at = ?4
                     WHERE peer_id = ?1 AND sequence = ?2 AND hash = ?3
                       AND confirmed_at IS NULL",
                    params![peer.id, *sequence as i64, hash, now()],
                )?;
            }
            applied.conflict_news = incoming.remote_conflicts.len();
            for remote in &incoming.remote_conflicts {
                w.conn.execute(
                    "INSERT INTO exchange_conflict (peer_id, sequence, remote_id, unit_id, date,
                                                    sent, ours, base_revision, status,
                                                    created_at, resolved_at, resolved_by)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
                     ON CONFLICT (peer_id, remote_id) DO UPDATE SET
                        status = excluded.status, resolved_at = excluded.resolved_at,
                        resolved_by = excluded.resolved_by",
                    params![
                        peer.id,
                        remote.sequence as i64,
                        remote.remote_id,
                        unit,
                        remote.date,
                        report_json(remote.sent.as_ref()),
                        report_json(remote.ours.as_ref()),
                        remote.base_revision,
                        remote.status.as_str(),
                        remote.created_at,
                        remote.resolved_at,
                        remote.resolved_by
                    ],
                )?;
            }
            if own == Role::District {
                applied.outages = merge_outages(w, data, unit, &incoming.outages, today)?;
                bases.extend(incoming.outages.iter().map(|o| {
                    (
                        outage_item(o.first_day, o.cause),
                        o.outage.as_ref().map(sync::outage_revision),
                    )
                }));
            }
            w.put_bases(peer.id, &bases)?;
            log_applied(w, data, peer, incoming, &applied)?;
            Ok(applied)
        })
    }

    /// Resolves an open conflict, keeping the report the peer sent or the one held here; the
    /// kept report passes the domain rules. Audited; the peer hears of it in the next bundle
    /// sent to it (and, where ours is kept, gets our report).
    pub fn resolve_conflict(&mut self, id: i64, keep: Keep, today: NaiveDate) -> Result<Conflict> {
        let user = self.user.clone();
        self.transact(|w, data| {
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

/// The bundle must come right after the last one applied from the same PC, and name it.
fn check_follows(w: &Writer, peer: &Peer, incoming: &Incoming) -> Result<()> {
    let last: Option<(i64, String)> = w
        .conn
        .query_row(
            "SELECT sequence, hash FROM exchange_received
             WHERE peer_id = ?1 AND status = 'applied' ORDER BY sequence DESC LIMIT 1",
            [peer.id],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?;
    let (expected, previous) = match last {
        Some((sequence, hash)) => (sequence as u64 + 1, Some(hash)),
        None => (1, None),
    };
    if incoming.sequence != expected || incoming.previous != previous {
        return Err(RuleViolation::Invalid {
            at: Place {
                unit: Some(incoming.unit_name.clone()),
                date: NaiveDate::MIN,
            },
            problem: rules::Invalid::BundleOutOfTurn {
                sequence: incoming.sequence,
                expected,
            },
        }
        .into());
    }
    Ok(())
}

/// One audit entry for the bundle, and its row in the log (a held bundle's row turns applied).
fn log_applied(
    w: &Writer,
    data: &Dataset,
    peer: &Peer,
    incoming: &Incoming,
    applied: &Applied,
) -> Result<()> {
    let held = w.conn.execute(
        "UPDATE exchange_received SET status = 'applied', applied_at = ?3, bytes = NULL
         WHERE peer_id = ?1 AND sequence = ?2 AND status = 'held'",
        params![peer.id, incoming.sequence as i64, now()],
    )?;
    if held == 0 {
        w.conn.execute(
            "INSERT INTO exchange_received (peer_id, sequence, hash, previous, file_name,
                                            received_at, status, applied_at, rows)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'applied', ?6, ?7)",
            params![
                peer.id,
                incoming.sequence as i64,
                incoming.hash,
                incoming.previous,
                incoming.file_name,
                now(),
                incoming.reports.len() as i64
            ],
        )?;
    }
    w.audit(
        if held == 0 {
            Action::Insert
        } else {
            Action::Update
        },
        "exchange_received",
        json!({"unit": data.unit_name(peer.unit_id), "sequence": incoming.sequence}),
        (held > 0).then(|| json!({"status": "held"})),
        Some(json!({
            "file": incoming.file_name, "unit": incoming.unit_name,
            "sequence": incoming.sequence, "hash": incoming.hash, "status": "applied",
            "new": applied.new, "updated": applied.updated, "deleted": applied.deleted,
            "conflicts": applied.conflicts,
        })),
    )?;
    Ok(())
}

/// At the district: a kecamatan's outages. One the district recorded for that unit alone is
/// changed or removed as the kecamatan did; one the district recorded for more units (or all)
/// already covers it and stays the district's; a new one is recorded for that unit. Returns
/// how many changed.
fn merge_outages(
    w: &Writer,
    data: &mut Dataset,
    unit: UnitId,
    sent: &[SentOutage],
    today: NaiveDate,
) -> Result<usize> {
    let mut changed = 0;
    for s in sent {
        let existing = data
            .outages
            .iter()
            .find(|o| {
                o.first_day == s.first_day
                    && o.cause == s.cause
                    && (o.units.is_empty() || o.units.contains(&unit))
            })
            .cloned();
        let own = existing.as_ref().filter(|o| o.units == [unit]);
        match (&s.outage, own, &existing) {
            (Some(new), Some(old), _) => {
                let new = Outage {
                    id: old.id,
                    units: vec![unit],
                    ..new.clone()
                };
                if new != *old {
                    rules::check_outage(data, &new, today)?;
                    w.put_outage(Some(old), &new)?;
                    if let Some(slot) = data.outages.iter_mut().find(|o| o.id == old.id) {
                        *slot = new;
                    }
                    changed += 1;
                }
            }
            (Some(new), None, None) => {
                let mut new = Outage {
                    id: None,
                    units: vec![unit],
                    ..new.clone()
                };
                rules::check_outage(data, &new, today)?;
                new.id = Some(w.put_outage(None, &new)?);
                data.outages.push(new);
                data.outages.sort_by_key(|o| (o.first_day, o.id));
                changed += 1;
            }
            (None, Some(old), _) => {
                w.delete_outage(old)?;
                data.outages.retain(|o| o.id != old.id);
                changed += 1;
            }
            // Covered by the district's own record, or already gone.
            _ => {}
        }
    }
    Ok(changed)
}

/// Makes the stored rows `olds` into `news` (rows matched by `key`): deletes the rows gone,
/// writes the new and the changed ones. Returns whether anything changed.
fn replace_rows<T: PartialEq, K: PartialEq>(
    olds: &[T],
    news: &[T],
    key: impl Fn(&T) -> K,
    mut delete: impl FnMut(&T) -> rusqlite::Result<()>,
    mut put: impl FnMut(Option<&T>, &T) -> rusqlite::Result<()>,
) -> rusqlite::Result<bool> {
    for old in olds
        .iter()
        .filter(|o| !news.iter().any(|n| key(n) == key(o)))
    {
        delete(old)?;
    }
    for new in news {
        let old = olds.iter().find(|o| key(o) == key(new));
        if old != Some(new) {
            put(old, new)?;
        }
    }
    Ok(olds != news)
}

/// At a kecamatan PC: the lists the district keeps for it, replaced by the district's.
/// Returns how many lists changed.
fn replace_lists(
    w: &Writer,
    data: &mut Dataset,
    unit: UnitId,
    incoming: &Incoming,
) -> Result<usize> {
    let mut changed = 0;
    if let Some(targets) = &incoming.targets {
        let olds: Vec<Target> = data
            .targets
            .iter()
            .filter(|t| t.unit_id == unit)
            .cloned()
            .collect();
        let delete = |old: &Target| {
            w.conn.execute(
                "DELETE FROM target WHERE unit_id = ?1 AND effective_from = ?2",
                params![unit, old.effective_from],
            )?;
            w.audit(
                Action::Delete,
                "target",
                json!({"unit_id": unit, "effective_from": old.effective_from}),
                Some(json!({"wajib_ktp": old.wajib_ktp})),
                None,
            )
        };
        let put = |old: Option<&Target>, new: &Target| w.put_target(old, new);
        changed += usize::from(replace_rows(
            &olds,
            targets,
            |t| t.effective_from,
            delete,
            put,
        )?);
        data.targets.retain(|t| t.unit_id != unit);
        data.targets.extend(targets.iter().cloned());
        data.targets.sort_by_key(|t| (t.unit_id, t.effective_from));
    }
    if let Some(opening) = &incoming.opening {
        let old = data.openings.get(&unit).cloned();
        if old.as_ref() != Some(opening) {
            w.put_opening(old.as_ref(), opening)?;
            data.openings.insert(unit, opening.clone());
            changed += 1;
        }
    }
    if let Some(deadlines) = &incoming.deadlines {
        for deadline in deadlines {
            rules::check_deadline(deadline)?;
        }
        let delete = |old: &Deadline| w.delete_deadline(old);
        let put = |old: Option<&Deadline>, new: &Deadline| w.put_deadline(old, new);
        let olds = data.deadlines.clone();
        changed += usize::from(replace_rows(
            &olds,
            deadlines,
            |d| d.decided_on,
            delete,
            put,
        )?);
        data.deadlines = deadlines.clone();
        data.deadlines.sort_by_key(|d| d.decided_on);
    }
    if let Some(holidays) = &incoming.holidays {
        let olds: Vec<Holiday> = data.calendar.holidays().cloned().collect();
        let delete = |old: &Holiday| w.delete_holiday(old);
        let put = |old: Option<&Holiday>, new: &Holiday| w.put_holiday(old, new);
        changed += usize::from(replace_rows(&olds, holidays, |h| h.date, delete, put)?);
        data.calendar = crate::domain::Calendar::new(holidays.iter().cloned());
    }
    Ok(changed)
}

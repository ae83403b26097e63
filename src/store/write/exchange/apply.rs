//! Applying a bundle: one transaction in which its reports are merged through the domain rules,
//! its conflicts queued, its outages and lists taken in, and one audit entry names it.

use super::super::daily::{apply_reports, report_changes};
use super::super::*;
use super::{Applied, Incoming, SentOutage, outage_item, report_item};
use crate::domain::access::DayLock;
use crate::domain::sync::{self, Merge};
use crate::store::exchange::{ClosedBy, ConflictStatus, Peer, Role, now, report_json};

impl Store {
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
            w.require(crate::domain::access::Task::EnterData)?;
            check_follows(w, peer, incoming)?;
            let unit = peer.unit_id;
            let mut applied = Applied::default();
            if own == Role::Kecamatan {
                applied.lists = replace_lists(w, data, unit, incoming)?;
            }
            let open = w.open_conflicts(unit)?;
            let mut bases = Vec::new();
            let mut puts = Vec::new();
            // Who entered each report at the sender, for the audit rows: "budi @ Torjun".
            let unit_name = data.unit_name(unit);
            let mut entered_by = BTreeMap::new();
            let mut deletes = Vec::new();
            for sent in &incoming.reports {
                let ours = data.reports.get(&(unit, sent.date)).cloned();
                let mut merge =
                    sync::merge(ours.as_ref(), sent.report.as_ref(), sent.base.as_deref());
                let earlier = open.get(&sent.date);
                // At the district, a change to a day closed here waits for a person, whatever
                // the merge says: never applied by a bundle.
                let closed = match w.locks.day(unit, sent.date, w.today) {
                    _ if own != Role::District || merge == Merge::Same => None,
                    DayLock::Approved { .. } => Some(ClosedBy::Approval),
                    DayLock::Expired { .. } => Some(ClosedBy::PeriodLock),
                    DayLock::Open | DayLock::OpenByException { .. } => None,
                };
                if closed.is_some() {
                    merge = Merge::Conflict;
                }
                match merge {
                    Merge::Same | Merge::Apply => {
                        if let Some(earlier) = earlier {
                            w.set_conflict_status(earlier, ConflictStatus::Superseded, None)?;
                        }
                        if merge == Merge::Same {
                            applied.same += 1;
                        } else {
                            if let Some(who) = &sent.entered_by {
                                entered_by.insert(sent.date, format!("{who} @ {unit_name}"));
                            }
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
                                                            created_at, closed)
                             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'open', ?8, ?9)",
                            params![
                                peer.id,
                                incoming.sequence as i64,
                                unit,
                                sent.date,
                                report_json(sent.report.as_ref()),
                                report_json(ours.as_ref()),
                                sent.base,
                                now(),
                                closed.map(ClosedBy::as_str)
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
                let by = entered_by.get(&report.date).map(String::as_str);
                match w.put_report_by(olds.get(&index), report, unexplained, by)? {
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
    mut delete: impl FnMut(&T) -> Result<()>,
    mut put: impl FnMut(Option<&T>, &T) -> Result<()>,
) -> Result<bool> {
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
    if let Some(new) = &incoming.prr_opening {
        let old = data.prr_openings.get(&unit).cloned();
        if old != *new {
            w.put_prr_opening(old.as_ref(), new.as_ref())?;
            match new {
                Some(opening) => data.prr_openings.insert(unit, opening.clone()),
                None => data.prr_openings.remove(&unit),
            };
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

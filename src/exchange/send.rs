//! Sending: one bundle with what the peer does not have yet, and again what it never confirmed.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::bundle::{Manifest, UnitRef};
use super::{ExchangeError, Result, Sent, bundle, digest, list_files, rows, signing_key};
use crate::domain::sync::{outage_revision, revision};
use crate::domain::{Dataset, OutageCause};
use crate::store::exchange::{ConflictStatus, Identity, Peer, ReceivedStatus, Role, SentBundle};
use crate::store::{Outgoing, SentOutage, SentReport, Store, StoreError, outage_item, report_item};

/// The PC a `send` goes to, with this database's identity and data.
fn partner(store: &Store, unit: Option<&str>) -> Result<(Identity, Dataset, Peer)> {
    let identity = store.exchange_identity()?.ok_or(ExchangeError::NotSetUp)?;
    let data = store.load()?;
    let peers = store.exchange_peers()?;
    let peer = match identity.role {
        Role::Kecamatan => peers
            .into_iter()
            .find(|p| p.role == Role::District && p.active)
            .ok_or(ExchangeError::NotSetUp)?,
        Role::District => {
            let name = unit.ok_or(ExchangeError::UnitNeeded)?;
            let unit = data.find_unit(name).map_err(StoreError::from)?;
            peers
                .into_iter()
                .find(|p| p.role == Role::Kecamatan && p.active && p.unit_id == unit.id)
                .ok_or_else(|| ExchangeError::NoPeer {
                    unit: unit.name.clone(),
                })?
        }
    };
    Ok((identity, data, peer))
}

/// The file name of a bundle: `Torjun-000012.pantau-kirim` from a kecamatan PC,
/// `Torjun-dari-kabupaten-000003.pantau-kirim` from the district (characters a file system may
/// refuse become `_`).
pub fn file_name(unit: &str, from: Role, sequence: u64) -> String {
    let safe: String = unit
        .trim()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let from = match from {
        Role::Kecamatan => "",
        Role::District => "-dari-kabupaten",
    };
    format!("{safe}{from}-{sequence:06}.{}", bundle::EXTENSION)
}

/// Writes into `out_dir` one bundle with everything the peer does not have yet: from a
/// kecamatan PC its reports changed since the last bundle; from the district (`unit` names the
/// kecamatan) its changes to that unit's reports, the lists it keeps for it, the bundles it
/// received from it and where its conflicts stand. Nothing new: nothing written.
pub fn send(store: &mut Store, unit: Option<&str>, out_dir: &Path) -> Result<Sent> {
    send_as(store, unit, out_dir, None)
}

/// The name the next bundle to the peer gets (`unit` as for [`send`]).
pub fn next_file_name(store: &Store, unit: Option<&str>) -> Result<String> {
    let (identity, data, peer) = partner(store, unit)?;
    let sequence = store
        .sent_bundles(peer.id)?
        .last()
        .map_or(1, |b| b.sequence + 1);
    Ok(file_name(
        &data.unit_name(peer.unit_id),
        identity.role,
        sequence,
    ))
}

/// Like [`send`], with the file's name chosen by the clerk (`None`: [`file_name`]).
pub fn send_as(
    store: &mut Store,
    unit: Option<&str>,
    out_dir: &Path,
    name: Option<&str>,
) -> Result<Sent> {
    let (identity, data, peer) = partner(store, unit)?;
    let unit = data
        .unit(peer.unit_id)
        .cloned()
        .ok_or(ExchangeError::NotSetUp)?;
    let bases = store.exchange_bases(peer.id)?;
    let district = identity.role == Role::District;
    let conflicts: Vec<_> = if district {
        store
            .conflicts(false)?
            .into_iter()
            .filter(|c| c.unit_id == unit.id && c.remote_id.is_none())
            .collect()
    } else {
        Vec::new()
    };
    // A report in conflict waits for a person before it travels.
    let waiting: BTreeSet<NaiveDate> = conflicts
        .iter()
        .filter(|c| c.status == ConflictStatus::Open)
        .map(|c| c.date)
        .collect();
    let mut changes = Vec::new();
    let mut new_bases = Vec::new();
    let authors = store.report_authors(unit.id)?;
    for report in data.reports_of(unit.id) {
        let item = report_item(report.date);
        let rev = revision(report);
        if bases.get(&item) != Some(&rev) && !waiting.contains(&report.date) {
            changes.push(SentReport {
                date: report.date,
                report: Some(report.clone()),
                base: bases.get(&item).cloned(),
                entered_by: authors.get(&report.date).cloned(),
            });
            new_bases.push((item, Some(rev)));
        }
    }
    for (item, rev) in &bases {
        let Some(date) = item
            .strip_prefix("report/")
            .and_then(|d| d.parse::<NaiveDate>().ok())
        else {
            continue;
        };
        if !data.reports.contains_key(&(unit.id, date)) && !waiting.contains(&date) {
            changes.push(SentReport {
                date,
                report: None,
                base: Some(rev.clone()),
                entered_by: authors.get(&date).cloned(),
            });
            new_bases.push((item.clone(), None));
        }
    }
    changes.sort_by_key(|c| c.date);
    let mut files = BTreeMap::new();
    if !changes.is_empty() {
        files.insert(
            rows::REPORTS.to_string(),
            rows::reports_csv(&unit.name, &changes),
        );
    }
    let mut news = !changes.is_empty();
    let mut outages = Vec::new();
    if !district {
        for (change, base) in outage_changes(&data, &bases) {
            outages.push(change);
            new_bases.push(base);
        }
    }
    if !outages.is_empty() {
        files.insert(
            rows::OUTAGES.to_string(),
            rows::outages_csv(&unit.name, &outages),
        );
        news = true;
    }
    let mut lists_sent = 0;
    if district {
        for (item, file, bytes) in list_files(&data, &unit) {
            let rev = digest(&bytes);
            if bases.get(item) != Some(&rev) {
                files.insert(file.to_string(), bytes);
                new_bases.push((item.to_string(), Some(rev)));
                lists_sent += 1;
                news = true;
            }
        }
    }
    let acks: Vec<(u64, String)> = store
        .received_bundles(peer.id)?
        .into_iter()
        .filter(|r| r.status == ReceivedStatus::Applied && !r.acked)
        .map(|r| (r.sequence, r.hash))
        .collect();
    if !acks.is_empty() {
        files.insert(rows::ACKS.to_string(), rows::acks_csv(&acks));
    }
    let told: Vec<_> = conflicts.into_iter().filter(|c| !c.reported).collect();
    if !told.is_empty() {
        files.insert(rows::CONFLICTS.to_string(), rows::conflicts_csv(&told));
    }
    // The district answers every bundle (its acknowledgement is news); a kecamatan PC's
    // acknowledgements ride along with its reports.
    if district {
        news |= !acks.is_empty() || !told.is_empty();
    }
    if !news {
        return Ok(Sent::Nothing { unit: unit.name });
    }
    let last = store.sent_bundles(peer.id)?.pop();
    let sequence = last.as_ref().map_or(1, |b| b.sequence + 1);
    let manifest = Manifest {
        format: String::new(),
        format_version: 0,
        schema_version: store.schema_version()?,
        office: data.office.name.clone(),
        sender: identity.role.as_str().to_string(),
        unit: UnitRef {
            name: unit.name.clone(),
            code: unit.code.clone(),
        },
        sequence,
        previous: last.map(|b| b.hash),
        created_at: chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
        public_key: String::new(),
        files: BTreeMap::new(),
    };
    let name = name
        .map(str::to_string)
        .unwrap_or_else(|| file_name(&unit.name, identity.role, sequence));
    let path = out_dir.join(&name);
    let hash = bundle::write(manifest, &files, &signing_key(&identity)?, &path)?;
    let bytes = std::fs::read(&path).map_err(|source| ExchangeError::Io {
        path: path.clone(),
        source,
    })?;
    let size = bytes.len();
    let logged = store.record_sent(&Outgoing {
        peer_id: peer.id,
        sequence,
        hash,
        file_name: name,
        rows: changes.len(),
        bytes,
        bases: new_bases,
        acked: acks.iter().map(|(s, _)| *s).collect(),
        reported: told.iter().map(|c| c.id).collect(),
    });
    if let Err(error) = logged {
        // Not logged: the file must not travel.
        let _ = std::fs::remove_file(&path);
        return Err(error.into());
    }
    Ok(Sent::Written {
        path,
        unit: unit.name,
        sequence,
        reports: changes.len(),
        outages: outages.len(),
        lists: lists_sent,
        acks: acks.len(),
        conflicts: told.len(),
        bytes: size,
    })
}

type BaseMove = (String, Option<String>);

/// A kecamatan PC's outages changed since the last bundle, each with where its base moves.
fn outage_changes(data: &Dataset, bases: &BTreeMap<String, String>) -> Vec<(SentOutage, BaseMove)> {
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for outage in &data.outages {
        let item = outage_item(outage.first_day, outage.cause);
        let rev = outage_revision(outage);
        seen.insert(item.clone());
        if bases.get(&item) != Some(&rev) {
            out.push((
                SentOutage {
                    first_day: outage.first_day,
                    cause: outage.cause,
                    outage: Some(outage.clone()),
                },
                (item, Some(rev)),
            ));
        }
    }
    for item in bases
        .keys()
        .filter(|i| i.starts_with("outage/") && !seen.contains(*i))
    {
        let mut parts = item.splitn(3, '/').skip(1);
        let (Some(first_day), Some(cause)) = (
            parts.next().and_then(|d| d.parse::<NaiveDate>().ok()),
            parts.next().and_then(OutageCause::parse),
        ) else {
            continue;
        };
        out.push((
            SentOutage {
                first_day,
                cause,
                outage: None,
            },
            (item.clone(), None),
        ));
    }
    out
}

/// The bundles written for the peer that it has not confirmed, oldest first.
pub fn unconfirmed(store: &Store, unit: Option<&str>) -> Result<Vec<SentBundle>> {
    let (_, _, peer) = partner(store, unit)?;
    Ok(store
        .sent_bundles(peer.id)?
        .into_iter()
        .filter(|b| b.confirmed_at.is_none())
        .collect())
}

/// Writes again into `out_dir` every bundle the peer has not confirmed (lost on the way, or
/// not yet acknowledged); returns their paths. Receiving one twice changes nothing.
pub fn resend(store: &Store, unit: Option<&str>, out_dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for sent in unconfirmed(store, unit)? {
        let Some(bytes) = store.sent_bundle_bytes(sent.peer_id, sent.sequence)? else {
            continue;
        };
        let path = out_dir.join(&sent.file_name);
        std::fs::write(&path, bytes).map_err(|source| ExchangeError::Io {
            path: path.clone(),
            source,
        })?;
        out.push(path);
    }
    Ok(out)
}

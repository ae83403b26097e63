//! Receiving: a bundle checked whole, signed by the PC registered for its unit, in its turn;
//! applied in one transaction, or held until the one before it comes.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::{ExchangeError, Receipt, Result, bundle, rows};
use crate::domain::Dataset;
use crate::domain::Unit;
use crate::domain::dataset::normalize_name;
use crate::store::exchange::{Peer, ReceivedStatus, Role};
use crate::store::{Applied, Incoming, Store};
use bundle::BundleError;

/// Reads a received bundle's files in this database's terms.
fn incoming(received: &bundle::Received, unit: &Unit, bytes: Vec<u8>) -> Result<Incoming> {
    let path = &received.path;
    let rows_error = |problem| ExchangeError::Rows {
        path: path.clone(),
        problem: Box::new(problem),
    };
    let file = |name: &str| received.files.get(name).map(Vec::as_slice);
    let m = &received.manifest;
    let mut out = Incoming {
        file_name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        unit_name: unit.name.clone(),
        sequence: m.sequence,
        hash: received.hash(),
        previous: m.previous.clone(),
        bytes,
        ..Incoming::default()
    };
    let name = &m.unit.name;
    if let Some(b) = file(rows::REPORTS) {
        out.reports = rows::read_reports(b, name, unit.id).map_err(rows_error)?;
    }
    // Lists are the district's to send; a kecamatan PC's are ignored.
    if m.sender == Role::District.as_str() {
        if let Some(b) = file(rows::TARGETS) {
            out.targets = Some(rows::read_targets(b, name, unit.id).map_err(rows_error)?);
        }
        if let Some(b) = file(rows::OPENING) {
            out.opening = rows::read_opening(b, name, unit.id).map_err(rows_error)?;
        }
        if let Some(b) = file(rows::DEADLINES) {
            out.deadlines = Some(rows::read_deadlines(b).map_err(rows_error)?);
        }
        if let Some(b) = file(rows::HOLIDAYS) {
            out.holidays = Some(rows::read_holidays(b).map_err(rows_error)?);
        }
        if let Some(b) = file(rows::CONFLICTS) {
            out.remote_conflicts = rows::read_conflicts(b, unit.id).map_err(rows_error)?;
        }
    }
    if let Some(b) = file(rows::ACKS) {
        out.acks = rows::read_acks(b).map_err(rows_error)?;
    }
    Ok(out)
}

/// The registered PC that signed `received`, checked: the office, the key, the unit.
fn sender<'a>(
    received: &bundle::Received,
    data: &'a Dataset,
    peers: &'a [Peer],
) -> Result<(&'a Peer, &'a Unit)> {
    let m = &received.manifest;
    let path = received.path.clone();
    if normalize_name(&m.office) != normalize_name(&data.office.name) {
        return Err(ExchangeError::ForeignOffice {
            path,
            office: m.office.clone(),
            ours: data.office.name.clone(),
        });
    }
    let Some(peer) = peers.iter().find(|p| p.public_key == m.public_key) else {
        return Err(ExchangeError::UnknownSender {
            path,
            unit: m.unit.name.clone(),
        });
    };
    let key = bundle::verifying_key(&peer.public_key).ok_or(ExchangeError::NotSetUp)?;
    received.verify(&key)?;
    let unit = data.unit(peer.unit_id).ok_or(ExchangeError::NotSetUp)?;
    let same_code = m.unit.code.is_some() && m.unit.code == unit.code;
    if !same_code && normalize_name(&m.unit.name) != normalize_name(&unit.name) {
        return Err(ExchangeError::WrongUnit {
            path,
            unit: m.unit.name.clone(),
            key_unit: unit.name.clone(),
        });
    }
    if !peer.active {
        return Err(ExchangeError::KeyReplaced {
            path,
            unit: unit.name.clone(),
        });
    }
    Ok((peer, unit))
}

/// Receives the bundle at `path` (see [`receive_bytes`]).
pub fn receive(store: &mut Store, path: &Path, today: NaiveDate) -> Result<Receipt> {
    let io = |source| ExchangeError::Io {
        path: path.to_path_buf(),
        source,
    };
    if std::fs::metadata(path).map_err(io)?.len() > bundle::MAX_BYTES {
        return Err(BundleError::TooLarge {
            path: path.to_path_buf(),
        }
        .into());
    }
    let bytes = std::fs::read(path).map_err(io)?;
    receive_bytes(store, path, bytes, today)
}

/// Receives one bundle: checks it is whole, signed by the PC registered for its unit and of
/// this office; applies it if it is the next of that PC (then any held ones that follow it),
/// holds it if one before it is missing, and changes nothing if it came before. Each bundle
/// is applied in its own transaction.
pub fn receive_bytes(
    store: &mut Store,
    path: &Path,
    bytes: Vec<u8>,
    today: NaiveDate,
) -> Result<Receipt> {
    let received = bundle::read_bytes(path, &bytes)?;
    let data = store.load()?;
    let peers = store.exchange_peers()?;
    let (peer, unit) = sender(&received, &data, &peers)?;
    let own = store
        .exchange_identity()?
        .ok_or(ExchangeError::NotSetUp)?
        .role;
    let incoming = incoming(&received, unit, bytes)?;
    let unit_name = unit.name.clone();
    let m = &received.manifest;
    let log = store.received_bundles(peer.id)?;
    if let Some(before) = log.iter().find(|r| r.sequence == m.sequence) {
        if before.hash == incoming.hash {
            return Ok(Receipt::Again {
                unit: unit_name,
                sequence: m.sequence,
                status: before.status,
            });
        }
        return Err(ExchangeError::Fork {
            path: path.to_path_buf(),
            unit: unit_name,
            sequence: m.sequence,
        });
    }
    let last = log.iter().rfind(|r| r.status == ReceivedStatus::Applied);
    let next = last.map_or(1, |r| r.sequence + 1);
    if m.sequence > next {
        store.hold_bundle(peer, &incoming)?;
        return Ok(Receipt::Held {
            unit: unit_name,
            sequence: m.sequence,
            waiting_for: next,
        });
    }
    if m.sequence < next || m.previous != last.map(|r| r.hash.clone()) {
        return Err(ExchangeError::BrokenChain {
            path: path.to_path_buf(),
            unit: unit_name,
            sequence: m.sequence,
        });
    }
    let applied = store
        .apply_bundle(own, peer, &incoming, today)
        .map_err(|source| ExchangeError::Refused {
            path: path.to_path_buf(),
            source: Box::new(source),
        })?;
    let (then, stuck) = apply_held(store, own, peer, unit, m.sequence, incoming.hash, today)?;
    Ok(Receipt::Applied {
        unit: unit_name,
        sequence: m.sequence,
        applied,
        then,
        stuck,
    })
}

type HeldOutcome = (Vec<(u64, Applied)>, Option<(u64, String)>);

/// Applies the held bundles that follow `sequence`, in order, until one is missing or refused.
fn apply_held(
    store: &mut Store,
    own: Role,
    peer: &Peer,
    unit: &Unit,
    sequence: u64,
    hash: String,
    today: NaiveDate,
) -> Result<HeldOutcome> {
    let mut then = Vec::new();
    let mut previous = hash;
    let mut next = sequence + 1;
    while let Some(bytes) = store.held_bundle_bytes(peer.id, next)? {
        let name = store
            .received_bundles(peer.id)?
            .into_iter()
            .find(|r| r.sequence == next)
            .map(|r| r.file_name)
            .unwrap_or_default();
        let attempt = (|| -> Result<Applied> {
            let received = bundle::read_bytes(Path::new(&name), &bytes)?;
            let key = bundle::verifying_key(&peer.public_key).ok_or(ExchangeError::NotSetUp)?;
            received.verify(&key)?;
            if received.manifest.previous.as_deref() != Some(previous.as_str()) {
                return Err(ExchangeError::BrokenChain {
                    path: PathBuf::from(&name),
                    unit: unit.name.clone(),
                    sequence: next,
                });
            }
            let incoming = incoming(&received, unit, bytes.clone())?;
            previous = incoming.hash.clone();
            Ok(store.apply_bundle(own, peer, &incoming, today)?)
        })();
        match attempt {
            Ok(applied) => then.push((next, applied)),
            Err(error) => return Ok((then, Some((next, error.to_string())))),
        }
        next += 1;
    }
    Ok((then, None))
}

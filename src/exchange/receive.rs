//! Receiving: a bundle checked whole, signed by the PC registered for its unit, in its turn;
//! applied in one transaction, or held until the one before it comes.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::{ExchangeError, Receipt, Result, bundle, rows};
use crate::domain::dataset::normalize_name;
use crate::domain::{Dataset, Office, Unit};
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
    if m.sender == Role::Kecamatan.as_str()
        && let Some(b) = file(rows::OUTAGES)
    {
        out.outages = rows::read_outages(b, name, unit.id).map_err(rows_error)?;
    }
    // Lists are the district's to send; a kecamatan PC's are ignored.
    if m.sender == Role::District.as_str() {
        if let Some(b) = file(rows::TARGETS) {
            out.targets = Some(rows::read_targets(b, name, unit.id).map_err(rows_error)?);
        }
        if let Some(b) = file(rows::OPENING) {
            out.opening = rows::read_opening(b, name, unit.id).map_err(rows_error)?;
        }
        if let Some(b) = file(rows::PRR_OPENING) {
            out.prr_opening = Some(rows::read_prr_opening(b, name, unit.id).map_err(rows_error)?);
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
    office: &Office,
    units: &'a [Unit],
    peers: &'a [Peer],
) -> Result<(&'a Peer, &'a Unit)> {
    let m = &received.manifest;
    let path = received.path.clone();
    if normalize_name(&m.office) != normalize_name(&office.name) {
        return Err(ExchangeError::ForeignOffice {
            path,
            office: m.office.clone(),
            ours: office.name.clone(),
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
    let unit = units
        .iter()
        .find(|u| u.id == peer.unit_id)
        .ok_or(ExchangeError::NotSetUp)?;
    let same_code = m.unit.code.is_some() && m.unit.code == unit.code;
    if !same_code && normalize_name(&m.unit.name) != normalize_name(&unit.name) {
        // Signed by our district, for another kecamatan: the right bundle at the wrong PC.
        if m.sender == Role::District.as_str() {
            return Err(ExchangeError::ForAnotherPc {
                path,
                meant: m.unit.name.clone(),
                this: unit.name.clone(),
            });
        }
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

/// The bundles that `paths` name: a file as it is, a folder as every bundle in it (by name,
/// which puts each PC's bundles in their order). A folder without any bundle is an error
/// that names it; so is a path that does not exist.
pub fn bundles_in(paths: &[std::path::PathBuf]) -> Result<Vec<std::path::PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        let io = |source| ExchangeError::Io {
            path: path.clone(),
            source,
        };
        if !std::fs::metadata(path).map_err(io)?.is_dir() {
            files.push(path.clone());
            continue;
        }
        let mut found: Vec<std::path::PathBuf> = std::fs::read_dir(path)
            .map_err(io)?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && bundle::has_extension(p))
            .collect();
        if found.is_empty() {
            return Err(ExchangeError::NoBundles {
                folder: path.clone(),
            });
        }
        found.sort();
        files.extend(found);
    }
    Ok(files)
}

/// Receives the bundle at `path` (see [`Receiver`]).
pub fn receive(store: &mut Store, path: &Path, today: NaiveDate) -> Result<Receipt> {
    Receiver::new(store, today).receive(path)
}

/// Receives bundles one after another into one database. Each bundle is checked whole,
/// signed by the PC registered for its unit and of this office; applied if it is the next of
/// that PC (then any held ones that follow it), held if one before it is missing, and a copy
/// of one received before changes nothing. Each bundle is applied in its own transaction; the
/// database is read once for all of them (the rules judge a bundle against all of it).
pub struct Receiver<'a> {
    store: &'a mut Store,
    today: NaiveDate,
    /// What the database holds, kept equal to it after each bundle; `None`: read it again.
    data: Option<Dataset>,
}

impl<'a> Receiver<'a> {
    pub fn new(store: &'a mut Store, today: NaiveDate) -> Receiver<'a> {
        Receiver {
            store,
            today,
            data: None,
        }
    }

    /// Receives the bundle at `path`.
    pub fn receive(&mut self, path: &Path) -> Result<Receipt> {
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
        self.receive_bytes(path, bytes)
    }

    /// Receives a bundle already read; `path` names it.
    pub fn receive_bytes(&mut self, path: &Path, bytes: Vec<u8>) -> Result<Receipt> {
        let received = bundle::read_bytes(path, &bytes)?;
        let (office, units) = self.store.office_and_units()?;
        let peers = self.store.exchange_peers()?;
        let (peer, unit) = sender(&received, &office, &units, &peers)?;
        let own = self
            .store
            .exchange_identity()?
            .ok_or(ExchangeError::NotSetUp)?
            .role;
        let incoming = incoming(&received, unit, bytes)?;
        let unit_name = unit.name.clone();
        let m = &received.manifest;
        let log = self.store.received_bundles(peer.id)?;
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
            self.store.hold_bundle(peer, &incoming)?;
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
        let applied =
            self.apply(own, peer, &incoming)
                .map_err(|source| ExchangeError::Refused {
                    path: path.to_path_buf(),
                    source: Box::new(source),
                })?;
        let (then, stuck) = self.apply_held(own, peer, unit, m.sequence, incoming.hash)?;
        Ok(Receipt::Applied {
            unit: unit_name,
            sequence: m.sequence,
            applied,
            then,
            stuck,
        })
    }

    /// Applies one bundle on the data read once; reads it again after a refusal.
    fn apply(
        &mut self,
        own: Role,
        peer: &Peer,
        incoming: &Incoming,
    ) -> std::result::Result<Applied, crate::store::StoreError> {
        let mut data = match self.data.take() {
            Some(data) => data,
            None => self.store.load()?,
        };
        let applied = self
            .store
            .apply_bundle(&mut data, own, peer, incoming, self.today)?;
        self.data = Some(data);
        Ok(applied)
    }

    /// Applies the held bundles that follow `sequence`, in order, until one is missing or
    /// refused.
    fn apply_held(
        &mut self,
        own: Role,
        peer: &Peer,
        unit: &Unit,
        sequence: u64,
        hash: String,
    ) -> Result<HeldOutcome> {
        let mut then = Vec::new();
        let mut previous = hash;
        let mut next = sequence + 1;
        while let Some(bytes) = self.store.held_bundle_bytes(peer.id, next)? {
            let name = self
                .store
                .received_bundles(peer.id)?
                .into_iter()
                .find(|r| r.sequence == next)
                .map(|r| r.file_name)
                .unwrap_or_default();
            let path = PathBuf::from(&name);
            let attempt = (|| -> Result<Applied> {
                let received = bundle::read_bytes(&path, &bytes)?;
                let key = bundle::verifying_key(&peer.public_key).ok_or(ExchangeError::NotSetUp)?;
                received.verify(&key)?;
                if received.manifest.previous.as_deref() != Some(previous.as_str()) {
                    return Err(ExchangeError::BrokenChain {
                        path: path.clone(),
                        unit: unit.name.clone(),
                        sequence: next,
                    });
                }
                let incoming = incoming(&received, unit, bytes.clone())?;
                previous = incoming.hash.clone();
                self.apply(own, peer, &incoming)
                    .map_err(|source| ExchangeError::Refused {
                        path: path.clone(),
                        source: Box::new(source),
                    })
            })();
            match attempt {
                Ok(applied) => then.push((next, applied)),
                Err(error) => return Ok((then, Some((next, std::sync::Arc::new(error))))),
            }
            next += 1;
        }
        Ok((then, None))
    }
}

type HeldOutcome = (
    Vec<(u64, Applied)>,
    Option<(u64, std::sync::Arc<ExchangeError>)>,
);

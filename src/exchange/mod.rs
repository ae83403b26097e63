//! Exchange between kecamatan PCs and the district: signed bundles of rows that travel as
//! files (USB stick, e-mail, any chat app). The format is [`bundle`] and [`rows`]
//! (`docs/exchange.md`); what each side remembers is in `store::exchange`; how a change meets
//! a change made meanwhile is `domain::sync`. Here: setting up a kecamatan PC, sending,
//! receiving, and where each PC stands.

pub mod bundle;
pub mod province;
mod receive;
pub mod rows;
mod send;
mod setup;

pub use receive::{Receiver, bundles_in, receive};
pub use send::{file_name, next_file_name, resend, send, send_as, unconfirmed};
pub use setup::set_up;

use std::path::PathBuf;

use chrono::NaiveDate;
use sha2::{Digest, Sha256};

use crate::domain::sync::revision;
use crate::domain::{Dataset, Unit, UnitId};
use crate::store::exchange::{Identity, Peer, ReceivedBundle, ReceivedStatus, SentBundle};
use crate::store::{Applied, Store, StoreError, report_item};
use bundle::BundleError;
use rows::RowProblem;

/// Why setting up, sending or receiving did not happen. Nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum ExchangeError {
    #[error(transparent)]
    Bundle(#[from] BundleError),
    #[error(transparent)]
    Store(Box<StoreError>),
    #[error("{path}: {problem}")]
    Rows {
        path: PathBuf,
        problem: Box<RowProblem>,
    },
    #[error("this database is not set up to exchange bundles")]
    NotSetUp,
    #[error("this is a kecamatan PC's database; only the district sets up PCs")]
    NotDistrict,
    #[error(
        "this district is not registered with its province's hub; the province registers it with \
         `pantau hub register`"
    )]
    NotLinked,
    #[error("{unit} is the district office itself, not a kecamatan")]
    NotKecamatan { unit: String },
    #[error("which kecamatan? give --unit")]
    UnitNeeded,
    #[error(
        "{path} already exists; choose another file name (a PC's database is never written over)"
    )]
    Exists { path: PathBuf },
    #[error("no PC is set up for {unit}; set one up with `pantau exchange setup`")]
    NoPeer { unit: String },
    #[error("{path}: the bundle is for the office {office:?}, this database is {ours:?}")]
    ForeignOffice {
        path: PathBuf,
        office: String,
        ours: String,
    },
    #[error("{path}: signed by a PC this database never set up (it says it is {unit})")]
    UnknownSender { path: PathBuf, unit: String },
    #[error("{path}: the PC of {unit} was set up again since; bundles of the old PC are refused")]
    KeyReplaced { path: PathBuf, unit: String },
    /// The district's answer for one kecamatan PC, received at another.
    #[error(
        "{path}: this answer of the district is for the {meant} PC, not for this one ({this}); \
         take it to the {meant} PC"
    )]
    ForAnotherPc {
        path: PathBuf,
        meant: String,
        this: String,
    },
    #[error("{path}: says it is for {unit}, but is signed by the PC of {key_unit}")]
    WrongUnit {
        path: PathBuf,
        unit: String,
        key_unit: String,
    },
    #[error(
        "{path}: {unit}'s bundle {sequence} differs from the bundle {sequence} already received"
    )]
    Fork {
        path: PathBuf,
        unit: String,
        sequence: u64,
    },
    #[error("{path}: {unit}'s bundle {sequence} does not follow the bundle before it")]
    BrokenChain {
        path: PathBuf,
        unit: String,
        sequence: u64,
    },
    #[error("{path}: {source}")]
    Refused {
        path: PathBuf,
        source: Box<StoreError>,
    },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{folder}: no bundle (.pantau-kirim file) in this folder")]
    NoBundles { folder: PathBuf },
    #[error("no random source for a new key: {0}")]
    Key(getrandom::Error),
}

type Result<T> = std::result::Result<T, ExchangeError>;

impl From<StoreError> for ExchangeError {
    fn from(error: StoreError) -> Self {
        ExchangeError::Store(Box::new(error))
    }
}

/// A kecamatan PC's database, made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetUp {
    pub path: PathBuf,
    pub unit: String,
    pub reports: usize,
    pub public_key: String,
    /// The unit had a PC before, whose key is no longer trusted.
    pub replaced: bool,
}

/// What `send` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sent {
    /// Nothing changed since the last bundle: no file written.
    Nothing { unit: String },
    Written {
        path: PathBuf,
        unit: String,
        sequence: u64,
        reports: usize,
        /// Outages of the kecamatan new, changed or deleted.
        outages: usize,
        /// Reference lists (targets, opening totals, deadlines, holidays) that changed.
        lists: usize,
        /// Bundles of the peer acknowledged.
        acks: usize,
        /// Conflicts whose state it tells.
        conflicts: usize,
        bytes: usize,
    },
}

/// What receiving one file did.
#[derive(Debug, Clone)]
pub enum Receipt {
    Applied {
        unit: String,
        sequence: u64,
        applied: Applied,
        /// Held bundles that followed it and are now applied too.
        then: Vec<(u64, Applied)>,
        /// A held bundle that could not be applied after it, and why.
        stuck: Option<(u64, std::sync::Arc<ExchangeError>)>,
    },
    /// The same bundle was received before: nothing changed.
    Again {
        unit: String,
        sequence: u64,
        status: ReceivedStatus,
    },
    /// Came before the bundle it follows: kept, applied when `waiting_for` comes.
    Held {
        unit: String,
        sequence: u64,
        waiting_for: u64,
    },
}

/// Where the exchange with one PC stands.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PeerStatus {
    pub peer: Peer,
    pub unit: String,
    /// The last bundle applied from it.
    pub last_applied: Option<ReceivedBundle>,
    /// Bundles held because one before them is missing.
    pub held: Vec<u64>,
    /// The bundle the held ones wait for.
    pub waiting_for: Option<u64>,
    /// The unit's last reported day in this database.
    pub last_day: Option<NaiveDate>,
    /// Working days after `last_day` up to today.
    pub days_behind: usize,
    pub open_conflicts: usize,
    pub sent: Vec<SentBundle>,
}

fn key_hex(key: &ed25519_dalek::SigningKey) -> String {
    bundle::hex(&key.to_bytes())
}

fn signing_key(identity: &Identity) -> Result<ed25519_dalek::SigningKey> {
    let bytes: [u8; 32] = bundle::from_hex(&identity.signing_key)
        .and_then(|b| b.try_into().ok())
        .ok_or(ExchangeError::NotSetUp)?;
    Ok(ed25519_dalek::SigningKey::from_bytes(&bytes))
}

/// A short digest of a list file, its revision as a base.
fn digest(bytes: &[u8]) -> String {
    bundle::hex(&Sha256::digest(bytes)[..16])
}

/// The lists the district keeps for a kecamatan: base item, file name, bytes.
fn list_files(data: &Dataset, unit: &Unit) -> Vec<(&'static str, &'static str, Vec<u8>)> {
    let targets: Vec<_> = data
        .targets
        .iter()
        .filter(|t| t.unit_id == unit.id)
        .cloned()
        .collect();
    vec![
        (
            "list/targets",
            rows::TARGETS,
            rows::targets_csv(&unit.name, &targets),
        ),
        (
            "list/opening",
            rows::OPENING,
            rows::opening_csv(&unit.name, data.openings.get(&unit.id)),
        ),
        (
            "list/prr-opening",
            rows::PRR_OPENING,
            rows::prr_opening_csv(&unit.name, data.prr_openings.get(&unit.id)),
        ),
        (
            "list/deadlines",
            rows::DEADLINES,
            rows::deadlines_csv(&data.deadlines),
        ),
        (
            "list/holidays",
            rows::HOLIDAYS,
            rows::holidays_csv(data.calendar.holidays()),
        ),
    ]
}

/// What the other side holds of a unit's reports when both start from `data`.
fn report_bases(data: &Dataset, unit: UnitId) -> Vec<(String, Option<String>)> {
    data.reports_of(unit)
        .map(|r| (report_item(r.date), Some(revision(r))))
        .collect()
}

/// What the exchange screen shows: this database's role (none before the district sets up
/// its first PC), where each PC stands, and the conflicts, newest first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Overview {
    pub role: Option<crate::store::exchange::Role>,
    pub peers: Vec<PeerStatus>,
    pub conflicts: Vec<crate::store::exchange::Conflict>,
}

pub fn overview(store: &Store, today: NaiveDate) -> crate::store::Result<Overview> {
    Ok(Overview {
        role: store.exchange_identity()?.map(|i| i.role),
        peers: status(store, today)?,
        conflicts: store.conflicts(false)?,
    })
}

/// Where the exchange with every PC stands, newest PC of each unit first.
pub fn status(store: &Store, today: NaiveDate) -> crate::store::Result<Vec<PeerStatus>> {
    let data = store.snapshot()?;
    let open = store.conflicts(true)?;
    let mut out = Vec::new();
    let mut peers = store.exchange_peers()?;
    peers.sort_by_key(|p| (data.unit_name(p.unit_id), std::cmp::Reverse(p.id)));
    for peer in peers {
        let log = store.received_bundles(peer.id)?;
        let last_applied = log
            .iter()
            .rfind(|r| r.status == ReceivedStatus::Applied)
            .cloned();
        let held: Vec<u64> = log
            .iter()
            .filter(|r| r.status == ReceivedStatus::Held)
            .map(|r| r.sequence)
            .collect();
        let waiting_for =
            (!held.is_empty()).then(|| last_applied.as_ref().map_or(1, |r| r.sequence + 1));
        let last_day = data.reports_of(peer.unit_id).map(|r| r.date).last();
        let days_behind = match last_day {
            Some(day) if day < today => data
                .calendar
                .working_days(day.succ_opt().unwrap_or(day), today)
                .len(),
            _ => 0,
        };
        out.push(PeerStatus {
            unit: data.unit_name(peer.unit_id),
            open_conflicts: open
                .iter()
                .filter(|c| {
                    c.peer_id == peer.id || (c.unit_id == peer.unit_id && c.remote_id.is_some())
                })
                .count(),
            sent: store.sent_bundles(peer.id)?,
            peer,
            last_applied,
            held,
            waiting_for,
            last_day,
            days_behind,
        });
    }
    Ok(out)
}

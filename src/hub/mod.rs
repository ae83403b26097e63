//! The hub: a PostgreSQL database where districts push their days and the province and the
//! nation read every district, without anyone retyping a number. The only code that touches
//! PostgreSQL. Districts send the same signed, chained bundles as the kecamatan exchange
//! (`crate::exchange::province`), online (`push`) or as files (`receive`); the hub applies each
//! once, in sequence, in one transaction, and keeps per-day totals per district so that no
//! question scans the raw reports. Who may write or read which rows is PostgreSQL's row-level
//! security (`schema`). `docs/hub.md` says how a province sets it up.

mod apply;
pub mod connect;
mod read;
mod roles;
pub mod schema;
mod source;

use std::path::PathBuf;

pub use apply::{
    HubReceipt, PushPlan, Pushed, Via, plan_push, push, receive_bytes, receive_files, send_planned,
};
pub use connect::HubUrl;
pub use read::{
    DistrictProgress, HubOutage, HubSummary, ProvinceProgress, REORDER_THRESHOLD, summary,
};
pub use roles::{
    NewDistrict, ReaderMade, ReaderScope, Registered, create_reader, new_password, register,
};
pub use source::HubSource;

use crate::exchange::ExchangeError;
use crate::store::StoreError;

/// Why a hub command did not happen. Whatever it was, nothing was half-written: each bundle,
/// each registration and each schema step is one PostgreSQL transaction.
#[derive(Debug, thiserror::Error)]
pub enum HubError {
    #[error("{url}: not a hub address ({why})")]
    Url { url: String, why: UrlProblem },
    #[error("{url}: cannot connect to the server: {}", db_message(.source))]
    Connect {
        url: String,
        source: postgres::Error,
    },
    #[error("TLS: {0}")]
    Tls(String),
    #[error("{path}: the root certificate cannot be read: {why}")]
    Certificate { path: PathBuf, why: String },
    #[error("PostgreSQL refused: {}", db_message(.0))]
    Db(#[from] postgres::Error),
    #[error("{url} has no Pantau hub; make one with `pantau hub init --url {url}`")]
    NotAHub { url: String },
    /// The hub is older than this Pantau: its administrator brings it up to date.
    #[error(
        "{url} holds a hub of schema {found}; this Pantau needs {latest}: run `pantau hub init \
         --url {url}` as the hub's administrator"
    )]
    OlderHub {
        url: String,
        found: u32,
        latest: u32,
    },
    #[error(
        "{url} holds a hub of a newer Pantau (hub schema {found}; this one knows up to \
         {supported})"
    )]
    NewerHub {
        url: String,
        found: u32,
        supported: u32,
    },
    #[error(
        "{name} is already registered in {province} with another key; a district's key is \
         replaced only by the hub's administrator (docs/hub.md)"
    )]
    DistrictTaken { name: String, province: String },
    #[error(
        "{district} is registered in {province} already, not in {asked}; a district moves \
         province only by the hub's administrator (docs/hub.md)"
    )]
    RegisteredElsewhere {
        district: String,
        province: String,
        asked: String,
    },
    #[error("{0:?} is not a name PostgreSQL roles here may have (lowercase letters, digits, _)")]
    RoleName(String),
    #[error(
        "a PostgreSQL role {0:?} exists already and reads nothing of this hub; choose another \
         name (a role is never taken over)"
    )]
    RoleTaken(String),
    #[error("no province {0:?} at this hub")]
    UnknownProvince(String),
    #[error(
        "this role may read no district{}: a province's reader reads its own province's \
         districts, the nation's every one (pantau hub reader)",
        .province.as_ref().map(|p| format!(" of {p}")).unwrap_or_default()
    )]
    NothingToRead { province: Option<String> },
    #[error("{path}: signed by a district this hub never registered ({office})")]
    UnknownDistrict { path: PathBuf, office: String },
    #[error("{path}: not a district's bundle for the province (sender {sender:?})")]
    NotForHub { path: PathBuf, sender: String },
    #[error(
        "{path}: {district}'s bundle {sequence} differs from the bundle {sequence} already received"
    )]
    Fork {
        path: PathBuf,
        district: String,
        sequence: u64,
    },
    #[error("{path}: {district}'s bundle {sequence} does not follow the bundle before it")]
    BrokenChain {
        path: PathBuf,
        district: String,
        sequence: u64,
    },
    #[error(
        "the hub holds another bundle {sequence} of {office} than this database made: the \
         database was copied or restored from a backup after it sent. Nothing was sent; the \
         hub's administrator re-registers the district (docs/hub.md)"
    )]
    Diverged { office: String, sequence: u64 },
    #[error("{path}: a count of {value} is larger than the hub stores")]
    TooLarge { path: PathBuf, value: u64 },
    #[error(transparent)]
    Exchange(#[from] ExchangeError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Why an address is no hub's.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UrlProblem {
    #[error("it does not start with postgresql://")]
    NotPostgres,
    #[error("sslmode={0} is none of disable, prefer, require, verify-ca, verify-full")]
    SslMode(String),
    #[error("it names no user (and PGUSER is not set)")]
    NoUser,
    /// The PostgreSQL client's own words.
    #[error("{0}")]
    Unreadable(String),
}

impl HubError {
    /// What PostgreSQL (or the connection) said, without our framing: the server's message
    /// for a refusal (row-level security, a privilege, a password), else the client's.
    pub fn detail(&self) -> Option<String> {
        match self {
            HubError::Db(e) | HubError::Connect { source: e, .. } => Some(db_message(e)),
            _ => None,
        }
    }
}

/// The server's message where there is one, else the client's.
fn db_message(error: &postgres::Error) -> String {
    match error.as_db_error() {
        Some(db) => db.message().to_string(),
        None => {
            let mut text = error.to_string();
            let mut source = std::error::Error::source(error);
            while let Some(inner) = source {
                text = format!("{text}: {inner}");
                source = inner.source();
            }
            text
        }
    }
}

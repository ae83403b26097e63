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
pub use roles::{NewDistrict, ReaderScope, Registered, create_reader, new_password, register};
pub use source::HubSource;

use crate::exchange::ExchangeError;
use crate::store::StoreError;

/// Why a hub command did not happen. Whatever it was, nothing was half-written: each bundle,
/// each registration and each schema step is one PostgreSQL transaction.
#[derive(Debug, thiserror::Error)]
pub enum HubError {
    #[error("{url}: not a hub address ({why})")]
    Url { url: String, why: String },
    #[error("{url}: cannot connect: {}", db_message(.source))]
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
    #[error("{0:?} is not a name PostgreSQL roles here may have (lowercase letters, digits, _)")]
    RoleName(String),
    #[error("no province {0:?} at this hub")]
    UnknownProvince(String),
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
    #[error("{path}: a count of {value} is larger than the hub stores")]
    TooLarge { path: PathBuf, value: u64 },
    #[error(transparent)]
    Exchange(#[from] ExchangeError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl HubError {
    /// PostgreSQL's own words for a refusal, where it gave them (row-level security, a
    /// privilege, a password), for a message that names what the server said.
    pub fn server_said(&self) -> Option<String> {
        match self {
            HubError::Db(e) | HubError::Connect { source: e, .. } => {
                e.as_db_error().map(|d| d.message().to_string())
            }
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

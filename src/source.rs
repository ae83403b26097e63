//! Where the dashboard's figures come from: an office's own database (`store::Store`) or a
//! province's hub (`hub::HubSource`, its districts where an office has kecamatan). Both hand
//! the dashboard the same in-memory [`Dataset`], so a screen never knows which one it draws;
//! what only an office has (entry, accounts, the exchange) the app reads from the store itself.

use std::sync::Arc;

use crate::domain::Dataset;

/// What a source is, for the window's title and the screens a source has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// An office's database file.
    Office(std::path::PathBuf),
    /// A hub (its URL without password), read for one province or every district the role
    /// reads.
    Hub {
        url: String,
        province: Option<String>,
    },
}

/// A source of the dashboard's figures.
pub trait DataSource {
    /// Why it could not be read, in its own terms.
    type Error;
    /// Everything the dashboard reads, as it stands now.
    fn dataset(&self) -> Result<Arc<Dataset>, Self::Error>;
    /// Changes whenever what [`Self::dataset`] returns would change: equal revisions, equal
    /// data.
    fn revision(&self) -> Result<(i64, u64), Self::Error>;
    fn origin(&self) -> Origin;
}

impl DataSource for crate::store::Store {
    type Error = crate::store::StoreError;

    fn dataset(&self) -> Result<Arc<Dataset>, Self::Error> {
        self.snapshot()
    }

    fn revision(&self) -> Result<(i64, u64), Self::Error> {
        crate::store::Store::revision(self)
    }

    fn origin(&self) -> Origin {
        Origin::Office(self.path().to_path_buf())
    }
}

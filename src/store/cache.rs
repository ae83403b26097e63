//! The forecast cache: results computed from the data, keyed by the version of the data they
//! were computed from. Derived data, not the office's own: it is not audited, and it may be
//! dropped at any time.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::params;

use super::{Result, Store};

/// One cached forecast, as JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CachedForecast {
    /// Version of the inputs the forecast was computed from.
    pub data_version: String,
    pub result: String,
}

impl Store {
    /// Cached forecasts computed with `params` (e.g. `window=60;trials=500`), by as-of date.
    pub fn forecast_cache(&self, params: &str) -> Result<BTreeMap<NaiveDate, CachedForecast>> {
        let mut stmt = self
            .conn
            .prepare("SELECT as_of, data_version, result FROM forecast_cache WHERE params = ?1")?;
        let rows = stmt.query_map([params], |row| {
            Ok((
                row.get::<_, NaiveDate>(0)?,
                CachedForecast {
                    data_version: row.get(1)?,
                    result: row.get(2)?,
                },
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Stores forecasts in the cache in one transaction, replacing older ones for those dates.
    pub fn save_forecast_cache(
        &mut self,
        params: &str,
        rows: &[(NaiveDate, CachedForecast)],
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        {
            let mut stmt = tx.prepare_cached(
                "INSERT INTO forecast_cache (as_of, params, data_version, result)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (as_of, params) DO UPDATE SET
                    data_version = excluded.data_version, result = excluded.result",
            )?;
            for (as_of, cached) in rows {
                stmt.execute(params![as_of, params, cached.data_version, cached.result])?;
            }
        }
        tx.commit()?;
        Ok(())
    }
}

//! What a district's database knows of its province's hub (`crate::hub`): where the hub is and
//! the district's role there, the bundles written for it, and what the hub is believed to hold.
//! Reading here; the writes are in `write/hub.rs`.

use std::collections::BTreeMap;

use rusqlite::OptionalExtension;

use super::{Result, Store};

/// The district's registration at a hub.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct HubLink {
    /// The district's name at the hub.
    pub district: String,
    pub province: String,
    /// The district's PostgreSQL role at the hub.
    pub district_role: String,
    /// Where the hub is (a libpq URL without a password).
    pub url: String,
    pub registered_at: String,
}

/// A bundle written for the hub.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct HubSent {
    pub sequence: u64,
    pub hash: String,
    pub file_name: String,
    pub created_at: String,
    /// Report rows it carried (new, changed or deleted).
    pub reports: usize,
    /// Lists (units, targets, stock, …) it carried whole.
    pub lists: usize,
    /// When the hub was seen holding it (a push, or a later push that found it delivered by
    /// file); `None` while the hub may not have it.
    pub pushed_at: Option<String>,
}

impl Store {
    /// The hub this district is registered with, if any.
    pub fn hub_link(&self) -> Result<Option<HubLink>> {
        Ok(self
            .conn
            .query_row(
                "SELECT district, province, district_role, url, registered_at FROM hub_link
                 WHERE id = 1",
                [],
                |row| {
                    Ok(HubLink {
                        district: row.get(0)?,
                        province: row.get(1)?,
                        district_role: row.get(2)?,
                        url: row.get(3)?,
                        registered_at: row.get(4)?,
                    })
                },
            )
            .optional()?)
    }

    /// Every bundle written for the hub, oldest first.
    pub fn hub_sent(&self) -> Result<Vec<HubSent>> {
        let mut stmt = self.conn.prepare(
            "SELECT sequence, hash, file_name, created_at, reports, lists, pushed_at
             FROM hub_sent ORDER BY sequence",
        )?;
        let rows = stmt.query_map([], |row| {
            Ok(HubSent {
                sequence: row.get::<_, i64>(0)? as u64,
                hash: row.get(1)?,
                file_name: row.get(2)?,
                created_at: row.get(3)?,
                reports: row.get::<_, i64>(4)? as usize,
                lists: row.get::<_, i64>(5)? as usize,
                pushed_at: row.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The bytes of a bundle written for the hub.
    pub fn hub_sent_bytes(&self, sequence: u64) -> Result<Option<Vec<u8>>> {
        Ok(self
            .conn
            .query_row(
                "SELECT bytes FROM hub_sent WHERE sequence = ?1",
                [sequence as i64],
                |row| row.get(0),
            )
            .optional()?)
    }

    /// What the hub is believed to hold: item → revision.
    pub fn hub_bases(&self) -> Result<BTreeMap<String, String>> {
        let mut stmt = self.conn.prepare("SELECT item, revision FROM hub_base")?;
        let rows = stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

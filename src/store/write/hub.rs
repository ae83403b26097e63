//! Writing the district's side of the hub: its registration (and its signing key, made here if
//! the district never set up a kecamatan PC), a bundle written for the hub with what the hub
//! then holds, and the hub's confirmation.

use super::*;
use crate::store::exchange::{Identity, Role, now};
use crate::store::hub::HubLink;

/// A bundle for the hub, made and not yet logged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HubOutgoing {
    pub sequence: u64,
    pub hash: String,
    pub file_name: String,
    pub reports: usize,
    pub lists: usize,
    pub bytes: Vec<u8>,
    /// What the hub holds once it has the bundle: item → revision (`None`: no longer held).
    pub bases: Vec<(String, Option<String>)>,
}

/// Why the district cannot be linked to a hub.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HubLinkProblem {
    /// A kecamatan PC's database sends to its district, not to a province.
    #[error("this is a kecamatan PC's database; only the district sends to the province")]
    KecamatanPc,
}

impl Store {
    /// This database's signing key for the hub, made now from `new_key` (hex) if the district
    /// never had one (it is the key its kecamatan exchange uses too). One transaction.
    pub fn ensure_district_identity(&mut self, new_key: &str) -> Result<Identity> {
        if let Some(identity) = self.exchange_identity()? {
            if identity.role == Role::Kecamatan {
                return Err(StoreError::HubLink(HubLinkProblem::KecamatanPc));
            }
            return Ok(identity);
        }
        let identity = Identity {
            role: Role::District,
            unit_id: None,
            signing_key: new_key.to_string(),
        };
        self.transact(|w, _| {
            w.require(Task::SetUp)?;
            w.conn.execute(
                "INSERT INTO exchange_identity (id, role, unit_id, signing_key, created_at)
                 VALUES (1, ?1, NULL, ?2, ?3)",
                params![identity.role.as_str(), identity.signing_key, now()],
            )?;
            w.audit(
                Action::Insert,
                "exchange_identity",
                json!({"id": 1}),
                None,
                Some(json!({"role": identity.role.as_str(), "unit_id": null})),
            )
        })?;
        Ok(identity)
    }

    /// Records where the district's hub is and its role there (registering again replaces
    /// it). One transaction, audited.
    pub fn link_hub(&mut self, link: &HubLink) -> Result<()> {
        let user = self.actor.name().to_string();
        self.transact(|w, _| {
            w.require(Task::SetUp)?;
            let old: Option<Value> = w
                .conn
                .query_row(
                    "SELECT province, district_role, url FROM hub_link WHERE id = 1",
                    [],
                    |r| {
                        Ok(json!({"province": r.get::<_, String>(0)?,
                                  "district_role": r.get::<_, String>(1)?,
                                  "url": r.get::<_, String>(2)?}))
                    },
                )
                .optional()?;
            w.conn.execute(
                "INSERT INTO hub_link (id, district, province, district_role, url, registered_at)
                 VALUES (1, ?5, ?1, ?2, ?3, ?4)
                 ON CONFLICT (id) DO UPDATE SET district = excluded.district,
                     province = excluded.province,
                     district_role = excluded.district_role, url = excluded.url,
                     registered_at = excluded.registered_at",
                params![
                    link.province,
                    link.district_role,
                    link.url,
                    link.registered_at,
                    link.district
                ],
            )?;
            w.audit(
                if old.is_some() {
                    Action::Update
                } else {
                    Action::Insert
                },
                "hub_link",
                json!({"id": 1}),
                old,
                Some(json!({"district": link.district, "province": link.province,
                           "district_role": link.district_role,
                            "url": link.url, "by": user})),
            )?;
            Ok(())
        })
    }

    /// Logs a bundle written for the hub and moves what the hub is believed to hold. One
    /// transaction.
    pub fn record_hub_sent(&mut self, out: &HubOutgoing) -> Result<()> {
        self.transact(|w, _| {
            w.require(Task::EnterData)?;
            w.conn.execute(
                "INSERT INTO hub_sent (sequence, hash, file_name, created_at, reports, lists,
                                       bytes)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    out.sequence as i64,
                    out.hash,
                    out.file_name,
                    now(),
                    out.reports as i64,
                    out.lists as i64,
                    out.bytes
                ],
            )?;
            let mut put = w.conn.prepare_cached(
                "INSERT INTO hub_base (item, revision) VALUES (?1, ?2)
                 ON CONFLICT (item) DO UPDATE SET revision = excluded.revision",
            )?;
            let mut delete = w
                .conn
                .prepare_cached("DELETE FROM hub_base WHERE item = ?1")?;
            for (item, revision) in &out.bases {
                match revision {
                    Some(revision) => put.execute(params![item, revision])?,
                    None => delete.execute([item])?,
                };
            }
            Ok(())
        })
    }

    /// Marks the bundles the hub holds (through `through`) as delivered, now.
    pub fn mark_hub_pushed(&mut self, through: u64) -> Result<()> {
        self.transact(|w, _| {
            w.require(Task::EnterData)?;
            w.conn.execute(
                "UPDATE hub_sent SET pushed_at = ?2 WHERE sequence <= ?1 AND pushed_at IS NULL",
                params![through as i64, now()],
            )?;
            Ok(())
        })
    }
}

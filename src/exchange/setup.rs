//! Setting up a kecamatan PC: its database, made from the district's, and its key pair.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::{
    ExchangeError, Result, SetUp, bundle, digest, key_hex, list_files, report_bases, signing_key,
};
use crate::domain::{Dataset, Unit, UnitKind};
use crate::store::exchange::{Identity, Role};
use crate::store::{NewPeer, Store, StoreError};

/// The part of the district's data a kecamatan PC starts with: the office, its one unit, its
/// reports, targets and opening totals, the holidays, deadlines, seasons and settings, and the
/// outages that touched it. No blank stock: the blanks are the district's.
fn kecamatan_dataset(data: &Dataset, unit: &Unit) -> Dataset {
    let mut out = Dataset::empty(data.office.clone());
    out.units = vec![unit.clone()];
    out.reports = data
        .reports
        .iter()
        .filter(|((id, _), _)| *id == unit.id)
        .map(|(k, v)| (*k, v.clone()))
        .collect();
    out.unexplained = data
        .unexplained
        .iter()
        .filter(|(id, _)| *id == unit.id)
        .copied()
        .collect();
    out.targets = data
        .targets
        .iter()
        .filter(|t| t.unit_id == unit.id)
        .cloned()
        .collect();
    out.deadlines = data.deadlines.clone();
    out.openings = data
        .openings
        .iter()
        .filter(|(id, _)| **id == unit.id)
        .map(|(k, v)| (*k, v.clone()))
        .collect();
    out.prr_openings = data
        .prr_openings
        .iter()
        .filter(|(id, _)| **id == unit.id)
        .map(|(k, v)| (*k, v.clone()))
        .collect();
    out.calendar = data.calendar.clone();
    out.season_factors = data.season_factors.clone();
    out.outages = data
        .outages
        .iter()
        .filter(|o| o.units.is_empty() || o.units.contains(&unit.id))
        .map(|o| crate::domain::Outage {
            id: None,
            units: Vec::new(),
            ..o.clone()
        })
        .collect();
    out.settings = data.settings.clone();
    out
}

/// Makes the database of a kecamatan PC at `out` from the district's: its unit's part of the
/// data and a fresh key pair. The district registers the PC's public key for the unit (a PC
/// set up before for the unit is no longer trusted); the private key stays in `out`. `out` is
/// written whole or not at all.
pub fn set_up(
    district: &mut Store,
    unit_name: &str,
    out: &Path,
    today: NaiveDate,
) -> Result<SetUp> {
    let identity = match district.exchange_identity()? {
        Some(identity) if identity.role == Role::Kecamatan => {
            return Err(ExchangeError::NotDistrict);
        }
        Some(identity) => identity,
        None => Identity {
            role: Role::District,
            unit_id: None,
            signing_key: key_hex(&bundle::generate_key().map_err(ExchangeError::Key)?),
        },
    };
    let district_public = bundle::hex(signing_key(&identity)?.verifying_key().as_bytes());
    let data = district.load()?;
    let unit = data.find_unit(unit_name).map_err(StoreError::from)?.clone();
    if unit.kind != UnitKind::Kecamatan {
        return Err(ExchangeError::NotKecamatan { unit: unit.name });
    }
    if out.exists() {
        return Err(ExchangeError::Exists {
            path: out.to_path_buf(),
        });
    }
    let key = bundle::generate_key().map_err(ExchangeError::Key)?;
    let public_key = bundle::hex(key.verifying_key().as_bytes());
    let subset = kecamatan_dataset(&data, &unit);
    let mut name = out.as_os_str().to_owned();
    name.push(".partial");
    let partial = PathBuf::from(name);
    crate::store::remove_database(&partial);
    let built = (|| -> Result<()> {
        let mut kec = Store::create(&partial)?;
        kec.populate(&subset, today)?;
        kec.register_peer(
            &Identity {
                role: Role::Kecamatan,
                unit_id: Some(unit.id),
                signing_key: key_hex(&key),
            },
            &NewPeer {
                unit_id: unit.id,
                role: Role::District,
                public_key: district_public,
            },
            &report_bases(&subset, unit.id)
                .into_iter()
                .chain(subset.outages.iter().map(|o| {
                    (
                        crate::store::outage_item(o.first_day, o.cause),
                        Some(crate::domain::sync::outage_revision(o)),
                    )
                }))
                .collect::<Vec<_>>(),
        )?;
        Ok(())
    })();
    let registered = built.and_then(|()| {
        let replaced = district
            .exchange_peers()?
            .iter()
            .any(|p| p.unit_id == unit.id && p.active);
        let mut bases = report_bases(&data, unit.id);
        bases.extend(
            list_files(&data, &unit)
                .into_iter()
                .map(|(item, _, bytes)| (item.to_string(), Some(digest(&bytes)))),
        );
        district.register_peer(
            &identity,
            &NewPeer {
                unit_id: unit.id,
                role: Role::Kecamatan,
                public_key: public_key.clone(),
            },
            &bases,
        )?;
        Ok(replaced)
    });
    let replaced = match registered {
        Ok(replaced) => replaced,
        Err(error) => {
            crate::store::remove_database(&partial);
            return Err(error);
        }
    };
    crate::store::replace_database(&partial, out)?;
    Ok(SetUp {
        path: out.to_path_buf(),
        unit: unit.name,
        reports: subset.reports.len(),
        public_key,
        replaced,
    })
}

//! A district's bundle at the hub: checked whole, signed by the key registered for the
//! district, in its turn; applied in one PostgreSQL transaction (its rows, then the district's
//! per-day totals and blank-stock card for what changed), held until the one before it comes,
//! and a copy of one received before changes nothing. Pushing is the same from the district's
//! database: every bundle the hub does not have yet, in order.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use postgres::{Client, Transaction};

use super::{HubError, HubUrl, schema};
use crate::domain::stock::StockCard;
use crate::domain::{StockEvent, StockEventKind, UnitId};
use crate::exchange::bundle::{self, Received};
use crate::exchange::province::{self, ProvinceRows};
use crate::store::Store;

/// What receiving one bundle did at the hub.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HubReceipt {
    Applied {
        district: String,
        sequence: u64,
        reports: usize,
        lists: usize,
        /// Held bundles that followed it and are now applied too.
        then: Vec<u64>,
        /// A held bundle that could not be applied after it, and why.
        stuck: Option<(u64, String)>,
    },
    /// Received before: nothing changed.
    Again {
        district: String,
        sequence: u64,
        held: bool,
    },
    /// Came before the bundle it follows: kept, applied when `waiting_for` comes.
    Held {
        district: String,
        sequence: u64,
        waiting_for: u64,
    },
}

/// How a bundle reached the hub.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    Push,
    File,
}

impl Via {
    fn as_str(self) -> &'static str {
        match self {
            Via::Push => "push",
            Via::File => "file",
        }
    }
}

/// What a push did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pushed {
    /// The new bundle made for this push (`None`: nothing changed since the last one).
    pub made: Option<u64>,
    /// Each bundle sent and what the hub did with it.
    pub sent: Vec<(u64, HubReceipt)>,
    /// The last bundle the hub holds applied, after the push.
    pub hub_has: u64,
}

/// Each file received, and what became of it.
pub type FileReceipts = Vec<(PathBuf, Result<HubReceipt, HubError>)>;

/// Receives bundle files at the hub, each in its own transaction, in the order given (a folder
/// as every bundle in it, by name). One file's refusal does not stop the others.
pub fn receive_files(client: &mut Client, paths: &[PathBuf]) -> Result<FileReceipts, HubError> {
    let files = crate::exchange::bundles_in(paths)?;
    Ok(files
        .into_iter()
        .map(|path| {
            let outcome = std::fs::read(&path)
                .map_err(|source| {
                    HubError::Exchange(crate::exchange::ExchangeError::Io {
                        path: path.clone(),
                        source,
                    })
                })
                .and_then(|bytes| receive_bytes(client, &path, &bytes, Via::File));
            (path, outcome)
        })
        .collect())
}

/// What a push sends, made from the district's database: its key and every bundle it made for
/// the hub (the one just made among them); the hub is sent those it does not hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PushPlan {
    public_key: String,
    /// The new bundle made for this push (`None`: nothing changed since the last one).
    pub made: Option<u64>,
    /// Sequence, hash, file name and bytes.
    bundles: Vec<(u64, String, String, Vec<u8>)>,
    /// The district's name in its office's words, for messages.
    office: String,
}

/// Makes the district's next bundle for the hub if anything changed, and gathers every bundle
/// made for the hub. Local work only: no connection.
pub fn plan_push(store: &mut Store) -> Result<PushPlan, HubError> {
    let made = province::make(store)?.map(|b| b.sequence);
    let identity = store
        .exchange_identity()?
        .ok_or(crate::exchange::ExchangeError::NotLinked)?;
    let key = crate::exchange::bundle::from_hex(&identity.signing_key)
        .and_then(|b| <[u8; 32]>::try_from(b).ok())
        .map(|b| ed25519_dalek::SigningKey::from_bytes(&b))
        .ok_or(crate::exchange::ExchangeError::NotLinked)?;
    // Every bundle, confirmed or not: a hub restored from an older dump gets back what it
    // lost, in order, and a copied database is noticed at its first bundle the hub holds
    // otherwise.
    let mut bundles = Vec::new();
    for sent in store.hub_sent()? {
        let bytes = store.hub_sent_bytes(sent.sequence)?.unwrap_or_default();
        bundles.push((sent.sequence, sent.hash, sent.file_name, bytes));
    }
    Ok(PushPlan {
        public_key: bundle::hex(key.verifying_key().as_bytes()),
        made,
        bundles,
        office: store.snapshot()?.office.name.clone(),
    })
}

/// Sends a planned push: every bundle of the plan the hub does not have, in order, each
/// applied in its own transaction there. No database of the district is touched (the caller
/// marks what the hub then holds with `Store::mark_hub_pushed(pushed.hub_has)`).
pub fn send_planned(url: &HubUrl, plan: &PushPlan) -> Result<Pushed, HubError> {
    let mut client = url.connect()?;
    schema::require(&mut client, url.shown())?;
    let has = hub_holds(&mut client, &plan.public_key)?;
    let mut sent = Vec::new();
    for (sequence, hash, name, bytes) in &plan.bundles {
        match has.get(sequence) {
            Some(held) if held == hash => continue,
            // Another bundle of the same number: this database was copied, or restored from
            // a backup, after it sent. Nothing of it goes, and the district is told.
            Some(_) => {
                return Err(HubError::Diverged {
                    office: plan.office.clone(),
                    sequence: *sequence,
                });
            }
            None => {}
        }
        let receipt = receive_bytes(&mut client, Path::new(name), bytes, Via::Push)?;
        sent.push((*sequence, receipt));
    }
    Ok(Pushed {
        made: plan.made,
        sent,
        hub_has: last_applied(&mut client, &plan.public_key)?,
    })
}

/// Sends the district's changes to the hub: a new bundle if anything changed since the last,
/// then every bundle the hub does not have, in order; marks what the hub then holds.
pub fn push(store: &mut Store, url: &HubUrl) -> Result<Pushed, HubError> {
    let plan = plan_push(store)?;
    let pushed = send_planned(url, &plan)?;
    if pushed.hub_has > 0 {
        store.mark_hub_pushed(pushed.hub_has)?;
    }
    Ok(pushed)
}

/// The district's bundles the hub has (applied or held): sequence → hash.
fn hub_holds(client: &mut Client, public_key: &str) -> Result<BTreeMap<u64, String>, HubError> {
    Ok(client
        .query(
            "SELECT b.sequence, b.sha256 FROM pantau.bundle b
             JOIN pantau.district d ON d.id = b.district_id WHERE d.public_key = $1",
            &[&public_key],
        )?
        .iter()
        .map(|r| (r.get::<_, i64>(0) as u64, r.get(1)))
        .collect())
}

fn last_applied(client: &mut Client, public_key: &str) -> Result<u64, HubError> {
    let last: Option<i64> = client
        .query_one(
            "SELECT max(b.sequence) FROM pantau.bundle b
             JOIN pantau.district d ON d.id = b.district_id
             WHERE d.public_key = $1 AND b.status = 'applied'",
            &[&public_key],
        )?
        .get(0);
    Ok(last.unwrap_or(0) as u64)
}

/// Receives one bundle (its bytes; `path` names it) in one transaction.
pub fn receive_bytes(
    client: &mut Client,
    path: &Path,
    bytes: &[u8],
    via: Via,
) -> Result<HubReceipt, HubError> {
    let received = bundle::read_bytes(path, bytes).map_err(crate::exchange::ExchangeError::from)?;
    let m = &received.manifest;
    if m.sender != province::SENDER
        || !received.files.keys().all(|f| {
            province::ENTRIES.contains(&f.as_str())
                || f == crate::exchange::rows::DEADLINES
                || f == crate::exchange::rows::HOLIDAYS
        })
    {
        return Err(HubError::NotForHub {
            path: path.to_path_buf(),
            sender: m.sender.clone(),
        });
    }
    let mut tx = client.transaction()?;
    let district = tx
        .query_opt(
            "SELECT id, name FROM pantau.district WHERE public_key = $1",
            &[&m.public_key],
        )?
        .ok_or_else(|| HubError::UnknownDistrict {
            path: path.to_path_buf(),
            office: m.office.clone(),
        })?;
    let (district_id, name): (i32, String) = (district.get(0), district.get(1));
    let key = bundle::verifying_key(&m.public_key).ok_or_else(|| HubError::UnknownDistrict {
        path: path.to_path_buf(),
        office: m.office.clone(),
    })?;
    received
        .verify(&key)
        .map_err(crate::exchange::ExchangeError::from)?;
    // One district's bundles are applied one at a time, whoever sends them.
    tx.execute("SELECT pg_advisory_xact_lock(7266, $1)", &[&district_id])?;
    let hash = received.hash();
    let sequence = m.sequence;
    let known = tx.query_opt(
        "SELECT sha256, status FROM pantau.bundle WHERE district_id = $1 AND sequence = $2",
        &[&district_id, &(sequence as i64)],
    )?;
    if let Some(row) = known {
        let (sha, status): (String, String) = (row.get(0), row.get(1));
        if sha != hash {
            return Err(HubError::Fork {
                path: path.to_path_buf(),
                district: name,
                sequence,
            });
        }
        return Ok(HubReceipt::Again {
            district: name,
            sequence,
            held: status == "held",
        });
    }
    let last = tx.query_opt(
        "SELECT sequence, sha256 FROM pantau.bundle
         WHERE district_id = $1 AND status = 'applied' ORDER BY sequence DESC LIMIT 1",
        &[&district_id],
    )?;
    let (last_sequence, last_hash) = match last {
        Some(row) => (row.get::<_, i64>(0) as u64, Some(row.get::<_, String>(1))),
        None => (0, None),
    };
    if sequence > last_sequence + 1 {
        tx.execute(
            "INSERT INTO pantau.bundle (district_id, sequence, sha256, previous, status, via,
                                        created_at, reports, lists, bytes)
             VALUES ($1, $2, $3, $4, 'held', $5, $6, 0, 0, $7)",
            &[
                &district_id,
                &(sequence as i64),
                &hash,
                &m.previous,
                &via.as_str(),
                &m.created_at,
                &bytes,
            ],
        )?;
        tx.commit()?;
        return Ok(HubReceipt::Held {
            district: name,
            sequence,
            waiting_for: last_sequence + 1,
        });
    }
    if sequence <= last_sequence || m.previous != last_hash {
        return Err(HubError::BrokenChain {
            path: path.to_path_buf(),
            district: name,
            sequence,
        });
    }
    let rows = apply(&mut tx, district_id, &received)?;
    tx.execute(
        "INSERT INTO pantau.bundle (district_id, sequence, sha256, previous, status, via,
                                    created_at, applied_at, reports, lists)
         VALUES ($1, $2, $3, $4, 'applied', $5, $6, now(), $7, $8)",
        &[
            &district_id,
            &(sequence as i64),
            &hash,
            &m.previous,
            &via.as_str(),
            &m.created_at,
            &(rows.reports.len() as i32),
            &(rows.lists() as i32),
        ],
    )?;
    // Held bundles that now follow, each in a savepoint: one that fails stays held.
    let mut then = Vec::new();
    let mut stuck = None;
    let mut previous = hash;
    let mut next = sequence + 1;
    loop {
        let Some(row) = tx.query_opt(
            "SELECT bytes FROM pantau.bundle
             WHERE district_id = $1 AND sequence = $2 AND status = 'held'",
            &[&district_id, &(next as i64)],
        )?
        else {
            break;
        };
        let held: Vec<u8> = row.get(0);
        let mut savepoint = tx.savepoint("held")?;
        match apply_held(&mut savepoint, district_id, &held, &key, &previous, next) {
            Ok(hash) => {
                savepoint.commit()?;
                then.push(next);
                previous = hash;
                next += 1;
            }
            Err(error) => {
                savepoint.rollback()?;
                stuck = Some((next, error.to_string()));
                break;
            }
        }
    }
    tx.commit()?;
    Ok(HubReceipt::Applied {
        district: name,
        sequence,
        reports: rows.reports.len(),
        lists: rows.lists(),
        then,
        stuck,
    })
}

/// Applies a held bundle that now follows; returns its hash.
fn apply_held(
    tx: &mut Transaction,
    district_id: i32,
    bytes: &[u8],
    key: &ed25519_dalek::VerifyingKey,
    previous: &str,
    sequence: u64,
) -> Result<String, HubError> {
    let path = PathBuf::from(format!("#{sequence}"));
    let received =
        bundle::read_bytes(&path, bytes).map_err(crate::exchange::ExchangeError::from)?;
    received
        .verify(key)
        .map_err(crate::exchange::ExchangeError::from)?;
    if received.manifest.previous.as_deref() != Some(previous) {
        return Err(HubError::BrokenChain {
            path,
            district: received.manifest.office.clone(),
            sequence,
        });
    }
    let rows = apply(tx, district_id, &received)?;
    tx.execute(
        "UPDATE pantau.bundle SET status = 'applied', applied_at = now(), bytes = NULL,
                reports = $3, lists = $4
         WHERE district_id = $1 AND sequence = $2",
        &[
            &district_id,
            &(sequence as i64),
            &(rows.reports.len() as i32),
            &(rows.lists() as i32),
        ],
    )?;
    Ok(received.hash())
}

fn big(path: &Path, value: u64) -> Result<i64, HubError> {
    i64::try_from(value).map_err(|_| HubError::TooLarge {
        path: path.to_path_buf(),
        value,
    })
}

/// Writes a bundle's rows for the district, then its per-day totals for the days it touched
/// and its blank-stock card.
fn apply(
    tx: &mut Transaction,
    district_id: i32,
    received: &Received,
) -> Result<ProvinceRows, HubError> {
    let path = &received.path;
    let known: BTreeSet<UnitId> = tx
        .query(
            "SELECT unit_key FROM pantau.unit WHERE district_id = $1",
            &[&district_id],
        )?
        .iter()
        .map(|r| r.get::<_, i64>(0))
        .collect();
    let rows = province::read(received, &known)?;
    let d = &district_id;
    if let Some(units) = &rows.units {
        let keys: Vec<i64> = units.iter().map(|u| u.id).collect();
        let names: Vec<&str> = units.iter().map(|u| u.name.as_str()).collect();
        let codes: Vec<Option<&str>> = units.iter().map(|u| u.code.as_deref()).collect();
        let kinds: Vec<&str> = units.iter().map(|u| u.kind.as_str()).collect();
        let active: Vec<bool> = units.iter().map(|u| u.active).collect();
        tx.execute(
            "INSERT INTO pantau.unit (district_id, unit_key, name, code, kind, active)
             SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[],
                                      $6::boolean[])
             ON CONFLICT (district_id, unit_key) DO UPDATE SET name = excluded.name,
                 code = excluded.code, kind = excluded.kind, active = excluded.active",
            &[d, &keys, &names, &codes, &kinds, &active],
        )?;
    }
    let mut touched: BTreeSet<NaiveDate> = BTreeSet::new();
    if !rows.reports.is_empty() {
        let mut put = ReportColumns::default();
        let mut gone_units = Vec::new();
        let mut gone_days = Vec::new();
        for (unit, date, report) in &rows.reports {
            touched.insert(*date);
            match report {
                Some(r) => {
                    put.units.push(*unit);
                    put.days.push(*date);
                    put.recorded.push(big(path, r.counts.recorded)?);
                    put.sent.push(big(path, r.counts.sent_to_central)?);
                    put.printed.push(big(path, r.counts.printed)?);
                    put.suket.push(big(path, r.counts.suket_issued)?);
                    put.server_ok.push(r.server_ok);
                    put.notes.push(r.note.as_str());
                    let stage = match &r.prr {
                        Some(p) => [p.prr, p.dup, p.efac, p.efac_retaken].map(Some),
                        None => [None; 4],
                    };
                    for (column, value) in put.stage.iter_mut().zip(stage) {
                        column.push(value.map(|v| big(path, v)).transpose()?);
                    }
                }
                None => {
                    gone_units.push(*unit);
                    gone_days.push(*date);
                }
            }
        }
        if !gone_units.is_empty() {
            tx.execute(
                "DELETE FROM pantau.report WHERE district_id = $1
                     AND (unit_key, day) IN (SELECT * FROM unnest($2::bigint[], $3::date[]))",
                &[d, &gone_units, &gone_days],
            )?;
        }
        if !put.units.is_empty() {
            tx.execute(
                "INSERT INTO pantau.report (district_id, unit_key, day, recorded,
                     sent_to_central, printed, suket_issued, server_ok, note, prr, dup, efac,
                     efac_retaken)
                 SELECT $1, * FROM unnest($2::bigint[], $3::date[], $4::bigint[], $5::bigint[],
                                          $6::bigint[], $7::bigint[], $8::boolean[], $9::text[],
                                          $10::bigint[], $11::bigint[], $12::bigint[],
                                          $13::bigint[])
                 ON CONFLICT (district_id, unit_key, day) DO UPDATE SET
                     recorded = excluded.recorded, sent_to_central = excluded.sent_to_central,
                     printed = excluded.printed, suket_issued = excluded.suket_issued,
                     server_ok = excluded.server_ok, note = excluded.note, prr = excluded.prr,
                     dup = excluded.dup, efac = excluded.efac,
                     efac_retaken = excluded.efac_retaken",
                &[
                    d,
                    &put.units,
                    &put.days,
                    &put.recorded,
                    &put.sent,
                    &put.printed,
                    &put.suket,
                    &put.server_ok,
                    &put.notes,
                    &put.stage[0],
                    &put.stage[1],
                    &put.stage[2],
                    &put.stage[3],
                ],
            )?;
        }
    }
    // The lists a bundle carries whole replace the district's.
    let key = |position: usize| Box::new(position as i32) as Value;
    if let Some(targets) = &rows.targets {
        let rows = targets
            .iter()
            .map(|t| {
                Ok(vec![
                    val(t.unit_id),
                    val(t.effective_from),
                    val(big(path, t.wajib_ktp)?),
                ])
            })
            .collect::<Result<_, HubError>>()?;
        replace(
            tx,
            district_id,
            "target",
            &["unit_key", "effective_from", "wajib_ktp"],
            rows,
        )?;
    }
    if let Some(openings) = &rows.openings {
        let rows = openings
            .iter()
            .map(|o| {
                let c = &o.counts;
                Ok(vec![
                    val(o.unit_id),
                    val(o.as_of),
                    val(big(path, c.recorded)?),
                    val(big(path, c.sent_to_central)?),
                    val(big(path, c.printed)?),
                    val(big(path, c.suket_issued)?),
                ])
            })
            .collect::<Result<_, HubError>>()?;
        let columns = [
            "unit_key",
            "as_of",
            "recorded",
            "sent_to_central",
            "printed",
            "suket_issued",
        ];
        replace(tx, district_id, "opening", &columns, rows)?;
    }
    if let Some(openings) = &rows.prr_openings {
        let rows = openings
            .iter()
            .map(|o| {
                let c = &o.counts;
                Ok(vec![
                    val(o.unit_id),
                    val(o.as_of),
                    val(big(path, c.prr)?),
                    val(big(path, c.dup)?),
                    val(big(path, c.efac)?),
                    val(big(path, c.efac_retaken)?),
                ])
            })
            .collect::<Result<_, HubError>>()?;
        let columns = ["unit_key", "as_of", "prr", "dup", "efac", "efac_retaken"];
        replace(tx, district_id, "prr_opening", &columns, rows)?;
    }
    if let Some(deadlines) = &rows.deadlines {
        let rows = deadlines
            .iter()
            .map(|x| vec![val(x.decided_on), val(x.deadline), val(x.note.clone())])
            .collect();
        replace(
            tx,
            district_id,
            "deadline",
            &["decided_on", "deadline", "note"],
            rows,
        )?;
    }
    if let Some(holidays) = &rows.holidays {
        let rows = holidays
            .iter()
            .map(|h| vec![val(h.date), val(h.kind.as_str()), val(h.name.clone())])
            .collect();
        replace(tx, district_id, "holiday", &["day", "kind", "name"], rows)?;
    }
    if let Some(events) = &rows.stock {
        let rows = events
            .iter()
            .enumerate()
            .map(|(position, e)| {
                Ok(vec![
                    key(position),
                    val(e.id),
                    val(e.date),
                    val(e.kind.as_str()),
                    val(big(path, e.quantity)?),
                    val(e.document.clone()),
                    val(e.counterparty.clone()),
                    val(e.note.clone()),
                ])
            })
            .collect::<Result<_, HubError>>()?;
        let columns = [
            "position",
            "event_key",
            "day",
            "kind",
            "quantity",
            "document",
            "counterparty",
            "note",
        ];
        replace(tx, district_id, "stock_event", &columns, rows)?;
    }
    if let Some(outages) = &rows.outages {
        let rows = outages
            .iter()
            .enumerate()
            .map(|(position, o)| {
                vec![
                    key(position),
                    val(o.first_day),
                    val(o.last_day),
                    val(o.units.clone()),
                    val(o.cause.as_str()),
                    val(o.note.clone()),
                ]
            })
            .collect();
        let columns = [
            "position",
            "first_day",
            "last_day",
            "units",
            "cause",
            "note",
        ];
        replace(tx, district_id, "outage", &columns, rows)?;
    }
    if let Some(seasons) = &rows.seasons {
        let rows = seasons
            .iter()
            .enumerate()
            .map(|(position, s)| {
                vec![
                    key(position),
                    val(s.first_day),
                    val(s.last_day),
                    val(s.factor),
                    val(s.name.clone()),
                ]
            })
            .collect();
        let columns = ["position", "first_day", "last_day", "factor", "name"];
        replace(tx, district_id, "season", &columns, rows)?;
    }
    if let Some(deliveries) = &rows.deliveries {
        let rows = deliveries
            .iter()
            .enumerate()
            .map(|(position, x)| {
                Ok(vec![
                    key(position),
                    val(x.planned_on),
                    val(x.expected_on),
                    val(big(path, x.quantity)?),
                    val(x.note.clone()),
                ])
            })
            .collect::<Result<_, HubError>>()?;
        let columns = ["position", "planned_on", "expected_on", "quantity", "note"];
        replace(tx, district_id, "delivery", &columns, rows)?;
    }
    if !touched.is_empty() {
        let days: Vec<NaiveDate> = touched.into_iter().collect();
        tx.execute(
            "DELETE FROM pantau.day_total WHERE district_id = $1 AND day = ANY($2)",
            &[d, &days],
        )?;
        tx.execute(
            "INSERT INTO pantau.day_total (district_id, day, recorded, sent_to_central, printed,
                 suket_issued, units_reported, units_server_down, prr, dup, efac,
                 efac_retaken, units_with_prr)
             SELECT district_id, day, sum(recorded), sum(sent_to_central), sum(printed),
                    sum(suket_issued), count(*), count(*) FILTER (WHERE NOT server_ok),
                    coalesce(sum(prr), 0), coalesce(sum(dup), 0), coalesce(sum(efac), 0),
                    coalesce(sum(efac_retaken), 0), count(prr)
             FROM pantau.report WHERE district_id = $1 AND day = ANY($2)
             GROUP BY district_id, day",
            &[d, &days],
        )?;
    }
    if !rows.reports.is_empty() || rows.stock.is_some() {
        stock_card(tx, district_id)?;
    }
    Ok(rows)
}

/// One value of a row to insert.
type Value = Box<dyn postgres::types::ToSql + Sync>;

fn val<T: postgres::types::ToSql + Sync + 'static>(value: T) -> Value {
    Box::new(value)
}

/// Replaces the district's rows of `table` with `rows` (each its values of `columns`).
fn replace(
    tx: &mut Transaction,
    district_id: i32,
    table: &str,
    columns: &[&str],
    rows: Vec<Vec<Value>>,
) -> Result<(), HubError> {
    tx.execute(
        &format!("DELETE FROM pantau.{table} WHERE district_id = $1"),
        &[&district_id],
    )?;
    let placeholders: Vec<String> = (2..=columns.len() + 1).map(|n| format!("${n}")).collect();
    let insert = tx.prepare(&format!(
        "INSERT INTO pantau.{table} (district_id, {}) VALUES ($1, {})",
        columns.join(", "),
        placeholders.join(", ")
    ))?;
    for row in &rows {
        let mut params: Vec<&(dyn postgres::types::ToSql + Sync)> = vec![&district_id];
        params.extend(row.iter().map(|v| v.as_ref()));
        tx.execute(&insert, &params)?;
    }
    Ok(())
}

#[derive(Default)]
struct ReportColumns<'a> {
    units: Vec<i64>,
    days: Vec<NaiveDate>,
    recorded: Vec<i64>,
    sent: Vec<i64>,
    printed: Vec<i64>,
    suket: Vec<i64>,
    server_ok: Vec<bool>,
    notes: Vec<&'a str>,
    /// PRR, DUP, Efac, retaken: NULL where the report has no stage.
    stage: [Vec<Option<i64>>; 4],
}

/// The district's blank-stock card again, from its movements and its printing per day, by
/// the same rules as the district's own.
fn stock_card(tx: &mut Transaction, district_id: i32) -> Result<(), HubError> {
    let events: Vec<StockEvent> = tx
        .query(
            "SELECT event_key, day, kind, quantity FROM pantau.stock_event
             WHERE district_id = $1 ORDER BY position",
            &[&district_id],
        )?
        .iter()
        .filter_map(|r| {
            Some(StockEvent {
                id: r.get(0),
                date: r.get(1),
                kind: StockEventKind::parse(r.get(2))?,
                quantity: r.get::<_, i64>(3) as u64,
                document: String::new(),
                counterparty: String::new(),
                note: String::new(),
            })
        })
        .collect();
    let printed: BTreeMap<NaiveDate, u64> = tx
        .query(
            "SELECT day, printed FROM pantau.day_total WHERE district_id = $1",
            &[&district_id],
        )?
        .iter()
        .map(|r| (r.get(0), r.get::<_, i64>(1) as u64))
        .collect();
    let card = StockCard::new(&events, &printed);
    let days = card.days();
    let dates: Vec<NaiveDate> = days.iter().map(|x| x.date).collect();
    let inflow: Vec<i64> = days.iter().map(|x| x.inflow).collect();
    let outflow: Vec<i64> = days.iter().map(|x| x.outflow).collect();
    let printed: Vec<i64> = days.iter().map(|x| x.printed).collect();
    let closing: Vec<Option<i64>> = days.iter().map(|x| x.closing()).collect();
    tx.execute(
        "DELETE FROM pantau.stock_day WHERE district_id = $1",
        &[&district_id],
    )?;
    tx.execute(
        "INSERT INTO pantau.stock_day (district_id, day, inflow, outflow, printed, closing)
         SELECT $1, * FROM unnest($2::date[], $3::bigint[], $4::bigint[], $5::bigint[],
                                  $6::bigint[])",
        &[&district_id, &dates, &inflow, &outflow, &printed, &closing],
    )?;
    Ok(())
}

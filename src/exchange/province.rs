//! The district's bundles to its province's hub (`crate::hub`): the same signed, chained file as
//! the kecamatan exchange ([`bundle`]), sender `district`, about the district itself, holding
//! what the province and the nation read: every unit's reports changed since the last bundle,
//! and the lists (units, targets, opening totals, deadlines, holidays, blank-stock movements,
//! outages, seasons, announced deliveries) whole whenever one changed. Written to a file here
//! (`pantau exchange send --province`) and pushed online by `crate::hub`; the hub applies either
//! the same way. The files are described in `docs/hub.md`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::bundle::{self, Manifest, Received, UnitRef};
use super::rows::{self, RowIssue, RowProblem, Table, csv_bytes};
use super::{ExchangeError, Result, digest, signing_key};
use crate::domain::sync::revision;
use crate::domain::{
    Counts, DailyReport, Dataset, Deadline, Holiday, OpeningBalance, Outage, OutageCause,
    PlannedDelivery, PrrOpening, SeasonFactor, StockEvent, StockEventKind, Target, Unit, UnitId,
    UnitKind,
};
use crate::store::exchange::Role;
use crate::store::hub::HubSent;
use crate::store::{HubOutgoing, Store};

pub const UNITS: &str = "hub-units.csv";
pub const REPORTS: &str = "hub-reports.csv";
pub const TARGETS: &str = "hub-targets.csv";
pub const OPENINGS: &str = "hub-openings.csv";
pub const STOCK: &str = "hub-stock.csv";
pub const OUTAGES: &str = "hub-outages.csv";
pub const SEASONS: &str = "hub-seasons.csv";
pub const DELIVERIES: &str = "hub-deliveries.csv";
pub const PRR_OPENINGS: &str = "hub-prr-openings.csv";
/// The files of a bundle for the hub beyond those it shares with the kecamatan exchange
/// (`deadlines.csv`, `holidays.csv`).
pub const ENTRIES: [&str; 9] = [
    UNITS,
    REPORTS,
    TARGETS,
    OPENINGS,
    STOCK,
    OUTAGES,
    SEASONS,
    DELIVERIES,
    PRR_OPENINGS,
];
/// `manifest.json`'s `sender` of a district's bundle.
pub const SENDER: &str = "district";

/// The rows of a bundle for the hub. A list that is `None` did not change.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProvinceRows {
    pub units: Option<Vec<Unit>>,
    /// Reports new, changed or deleted (`None`), per unit and day.
    pub reports: Vec<(UnitId, NaiveDate, Option<DailyReport>)>,
    pub targets: Option<Vec<Target>>,
    pub openings: Option<Vec<OpeningBalance>>,
    pub deadlines: Option<Vec<Deadline>>,
    pub holidays: Option<Vec<Holiday>>,
    pub stock: Option<Vec<StockEvent>>,
    pub outages: Option<Vec<Outage>>,
    pub seasons: Option<Vec<SeasonFactor>>,
    pub deliveries: Option<Vec<PlannedDelivery>>,
    /// Each unit's PRR start (bundles made before there was one carry none).
    pub prr_openings: Option<Vec<PrrOpening>>,
}

impl ProvinceRows {
    /// How many lists it carries whole.
    pub fn lists(&self) -> usize {
        [
            self.units.is_some(),
            self.targets.is_some(),
            self.openings.is_some(),
            self.deadlines.is_some(),
            self.holidays.is_some(),
            self.stock.is_some(),
            self.outages.is_some(),
            self.seasons.is_some(),
            self.deliveries.is_some(),
            self.prr_openings.is_some(),
        ]
        .into_iter()
        .filter(|x| *x)
        .count()
    }
}

/// What writing a bundle for the province did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProvinceSent {
    /// Nothing changed since the last bundle: no file written.
    Nothing,
    Written {
        path: PathBuf,
        sequence: u64,
        reports: usize,
        lists: usize,
    },
}

/// `Sampang-ke-provinsi-000003.pantau-kirim`: the district's name at the hub, characters a
/// file system may refuse as `_`.
pub fn file_name(district: &str, sequence: u64) -> String {
    let safe: String = district
        .trim()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{safe}-ke-provinsi-{sequence:06}.{}", bundle::EXTENSION)
}

fn report_base(unit: UnitId, date: NaiveDate) -> String {
    format!("report/{unit}/{date}")
}

fn parse_report_base(item: &str) -> Option<(UnitId, NaiveDate)> {
    let rest = item.strip_prefix("report/")?;
    let (unit, date) = rest.split_once('/')?;
    Some((unit.parse().ok()?, date.parse().ok()?))
}

/// The next bundle for the hub with everything it does not hold yet, signed and chained, not
/// yet logged (`None`: nothing changed). The district must be registered with a hub.
pub fn prepare(store: &Store) -> Result<Option<HubOutgoing>> {
    let identity = store.exchange_identity()?.ok_or(ExchangeError::NotLinked)?;
    if identity.role != Role::District {
        return Err(ExchangeError::NotDistrict);
    }
    let link = store.hub_link()?.ok_or(ExchangeError::NotLinked)?;
    let key = signing_key(&identity)?;
    let data = store.snapshot()?;
    let bases = store.hub_bases()?;
    let mut new_bases = Vec::new();
    let mut changes: Vec<(UnitId, NaiveDate, Option<&DailyReport>)> = Vec::new();
    let mut present = BTreeSet::new();
    for report in data.reports.values() {
        let item = report_base(report.unit_id, report.date);
        let rev = revision(report);
        if bases.get(&item) != Some(&rev) {
            changes.push((report.unit_id, report.date, Some(report)));
            new_bases.push((item.clone(), Some(rev)));
        }
        present.insert(item);
    }
    for item in bases.keys().filter(|i| !present.contains(*i)) {
        if let Some((unit, date)) = parse_report_base(item) {
            changes.push((unit, date, None));
            new_bases.push((item.clone(), None));
        }
    }
    let mut files = BTreeMap::new();
    let mut lists = 0;
    for (item, name, bytes) in list_files(&data) {
        let rev = digest(&bytes);
        if bases.get(item) != Some(&rev) {
            files.insert(name.to_string(), bytes);
            new_bases.push((item.to_string(), Some(rev)));
            lists += 1;
        }
    }
    if changes.is_empty() && files.is_empty() {
        return Ok(None);
    }
    if !changes.is_empty() {
        files.insert(REPORTS.to_string(), reports_csv(&changes));
    }
    let sent = store.hub_sent()?;
    let sequence = sent.last().map_or(1, |b| b.sequence + 1);
    let manifest = Manifest {
        format: String::new(),
        format_version: 0,
        schema_version: crate::store::schema::LATEST_VERSION,
        office: data.office.name.clone(),
        sender: SENDER.to_string(),
        unit: UnitRef {
            name: data.office.name.clone(),
            code: district_code(&data),
        },
        sequence,
        previous: sent.last().map(|b| b.hash.clone()),
        created_at: chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
        public_key: String::new(),
        files: BTreeMap::new(),
    };
    let (bytes, hash) =
        bundle::to_bytes(manifest, &files, &key).map_err(|source| ExchangeError::Io {
            path: PathBuf::from(file_name(&link.district, sequence)),
            source,
        })?;
    Ok(Some(HubOutgoing {
        sequence,
        hash,
        file_name: file_name(&link.district, sequence),
        reports: changes.len(),
        lists,
        bytes,
        bases: new_bases,
    }))
}

/// Makes and logs the next bundle for the hub (`None`: nothing changed). One transaction logs it
/// with what the hub then holds.
pub fn make(store: &mut Store) -> Result<Option<HubOutgoing>> {
    let Some(out) = prepare(store)? else {
        return Ok(None);
    };
    store.record_hub_sent(&out)?;
    Ok(Some(out))
}

/// Writes the next bundle for the province into `out_dir` (the file a district without a
/// connection takes to the province). Nothing new: nothing written.
pub fn send(store: &mut Store, out_dir: &Path) -> Result<ProvinceSent> {
    let Some(out) = prepare(store)? else {
        return Ok(ProvinceSent::Nothing);
    };
    let path = out_dir.join(&out.file_name);
    if path.exists() {
        return Err(ExchangeError::Exists { path });
    }
    store.record_hub_sent(&out)?;
    bundle::write_file(&path, &out.bytes)?;
    Ok(ProvinceSent::Written {
        path,
        sequence: out.sequence,
        reports: out.reports,
        lists: out.lists,
    })
}

/// Writes the next bundle for the province to the file `path` a clerk chose. Nothing new:
/// nothing written.
pub fn send_to(store: &mut Store, path: &Path) -> Result<ProvinceSent> {
    let Some(out) = prepare(store)? else {
        return Ok(ProvinceSent::Nothing);
    };
    store.record_hub_sent(&out)?;
    bundle::write_file(path, &out.bytes)?;
    Ok(ProvinceSent::Written {
        path: path.to_path_buf(),
        sequence: out.sequence,
        reports: out.reports,
        lists: out.lists,
    })
}

/// The name of the next bundle for the province.
pub fn next_file_name(store: &Store) -> Result<String> {
    let link = store.hub_link()?.ok_or(ExchangeError::NotLinked)?;
    let sequence = store.hub_sent()?.last().map_or(1, |b| b.sequence + 1);
    Ok(file_name(&link.district, sequence))
}

/// Writes again into `out_dir` every bundle for the hub it was never seen holding.
pub fn resend(store: &Store, out_dir: &Path) -> Result<Vec<PathBuf>> {
    let mut written = Vec::new();
    for sent in unconfirmed(store)? {
        let bytes = store.hub_sent_bytes(sent.sequence)?.unwrap_or_default();
        let path = out_dir.join(&sent.file_name);
        bundle::write_file(&path, &bytes)?;
        written.push(path);
    }
    Ok(written)
}

/// Bundles for the hub it was never seen holding, oldest first.
pub fn unconfirmed(store: &Store) -> Result<Vec<HubSent>> {
    Ok(store
        .hub_sent()?
        .into_iter()
        .filter(|b| b.pushed_at.is_none())
        .collect())
}

/// The district office unit's code, where it has one.
fn district_code(data: &Dataset) -> Option<String> {
    data.units
        .iter()
        .find(|u| u.kind == UnitKind::District)
        .and_then(|u| u.code.clone())
}

/// The lists the hub keeps for the district: base item, file name, bytes.
fn list_files(data: &Dataset) -> Vec<(&'static str, &'static str, Vec<u8>)> {
    vec![
        ("list/units", UNITS, units_csv(&data.units)),
        ("list/targets", TARGETS, targets_csv(&data.targets)),
        (
            "list/openings",
            OPENINGS,
            openings_csv(data.openings.values()),
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
        ("list/stock", STOCK, stock_csv(&data.stock_events)),
        ("list/outages", OUTAGES, outages_csv(&data.outages)),
        ("list/seasons", SEASONS, seasons_csv(&data.season_factors)),
        (
            "list/deliveries",
            DELIVERIES,
            deliveries_csv(&data.planned_deliveries),
        ),
        (
            "list/prr-openings",
            PRR_OPENINGS,
            prr_openings_csv(data.prr_openings.values()),
        ),
    ]
}

fn key_text(id: Option<i64>) -> String {
    id.map(|i| i.to_string()).unwrap_or_default()
}

fn units_csv(units: &[Unit]) -> Vec<u8> {
    csv_bytes(
        &["unit_key", "name", "code", "kind", "active"],
        units.iter().map(|u| {
            vec![
                u.id.to_string(),
                u.name.clone(),
                u.code.clone().unwrap_or_default(),
                u.kind.as_str().to_string(),
                u8::from(u.active).to_string(),
            ]
        }),
    )
}

const COUNT_COLUMNS: [&str; 4] = ["recorded", "sent_to_central", "printed", "suket_issued"];

fn counts_row(c: &Counts) -> [String; 4] {
    [c.recorded, c.sent_to_central, c.printed, c.suket_issued].map(|n| n.to_string())
}

fn reports_csv(changes: &[(UnitId, NaiveDate, Option<&DailyReport>)]) -> Vec<u8> {
    let mut header = vec!["unit_key", "date"];
    header.extend(COUNT_COLUMNS);
    header.extend(["server_ok", "note", "deleted"]);
    header.extend(STAGE_COLUMNS);
    csv_bytes(
        &header,
        changes.iter().map(|(unit, date, report)| {
            let mut row = vec![unit.to_string(), date.to_string()];
            match report {
                Some(r) => {
                    row.extend(counts_row(&r.counts));
                    row.extend([
                        u8::from(r.server_ok).to_string(),
                        r.note.clone(),
                        "0".into(),
                    ]);
                    row.extend(rows::prr_cells(r.prr.as_ref()));
                }
                None => row.extend(["", "", "", "", "", "", "1", "", "", "", ""].map(String::from)),
            }
            row
        }),
    )
}

fn targets_csv(targets: &[Target]) -> Vec<u8> {
    csv_bytes(
        &["unit_key", "effective_from", "wajib_ktp"],
        targets.iter().map(|t| {
            vec![
                t.unit_id.to_string(),
                t.effective_from.to_string(),
                t.wajib_ktp.to_string(),
            ]
        }),
    )
}

fn openings_csv<'a>(openings: impl IntoIterator<Item = &'a OpeningBalance>) -> Vec<u8> {
    let mut header = vec!["unit_key", "as_of"];
    header.extend(COUNT_COLUMNS);
    csv_bytes(
        &header,
        openings.into_iter().map(|o| {
            let mut row = vec![o.unit_id.to_string(), o.as_of.to_string()];
            row.extend(counts_row(&o.counts));
            row
        }),
    )
}

const STAGE_COLUMNS: [&str; 4] = ["prr", "dup", "efac", "efac_retaken"];

fn prr_openings_csv<'a>(openings: impl IntoIterator<Item = &'a PrrOpening>) -> Vec<u8> {
    let mut header = vec!["unit_key", "as_of"];
    header.extend(STAGE_COLUMNS);
    csv_bytes(
        &header,
        openings.into_iter().map(|o| {
            let mut row = vec![o.unit_id.to_string(), o.as_of.to_string()];
            row.extend(rows::prr_cells(Some(&o.counts)));
            row
        }),
    )
}

fn stock_csv(events: &[StockEvent]) -> Vec<u8> {
    csv_bytes(
        &[
            "key",
            "date",
            "kind",
            "quantity",
            "document",
            "counterparty",
            "note",
        ],
        events.iter().map(|e| {
            vec![
                key_text(e.id),
                e.date.to_string(),
                e.kind.as_str().to_string(),
                e.quantity.to_string(),
                e.document.clone(),
                e.counterparty.clone(),
                e.note.clone(),
            ]
        }),
    )
}

fn outages_csv(outages: &[Outage]) -> Vec<u8> {
    csv_bytes(
        &["key", "first_day", "last_day", "units", "cause", "note"],
        outages.iter().map(|o| {
            vec![
                key_text(o.id),
                o.first_day.to_string(),
                o.last_day.map(|d| d.to_string()).unwrap_or_default(),
                o.units
                    .iter()
                    .map(|u| u.to_string())
                    .collect::<Vec<_>>()
                    .join(" "),
                o.cause.as_str().to_string(),
                o.note.clone(),
            ]
        }),
    )
}

fn seasons_csv(seasons: &[SeasonFactor]) -> Vec<u8> {
    csv_bytes(
        &["key", "first_day", "last_day", "factor", "name"],
        seasons.iter().map(|s| {
            vec![
                key_text(s.id),
                s.first_day.to_string(),
                s.last_day.to_string(),
                s.factor.to_string(),
                s.name.clone(),
            ]
        }),
    )
}

fn deliveries_csv(deliveries: &[PlannedDelivery]) -> Vec<u8> {
    csv_bytes(
        &["key", "planned_on", "expected_on", "quantity", "note"],
        deliveries.iter().map(|d| {
            vec![
                key_text(d.id),
                d.planned_on.to_string(),
                d.expected_on.to_string(),
                d.quantity.to_string(),
                d.note.clone(),
            ]
        }),
    )
}

/// Reads the rows of a district's bundle for the hub (its signature already checked). A value
/// that cannot be read is refused with the file, row and column; so is a report or a target of
/// a unit the bundle's list of units (or the hub's, `known_units`) does not have.
pub fn read(received: &Received, known_units: &BTreeSet<UnitId>) -> Result<ProvinceRows> {
    let rows = read_files(&received.files, known_units).map_err(|problem| ExchangeError::Rows {
        path: received.path.clone(),
        problem: Box::new(problem),
    })?;
    Ok(rows)
}

fn read_files(
    files: &BTreeMap<String, Vec<u8>>,
    known_units: &BTreeSet<UnitId>,
) -> std::result::Result<ProvinceRows, RowProblem> {
    let mut out = ProvinceRows::default();
    if let Some(bytes) = files.get(UNITS) {
        out.units = Some(read_units(bytes)?);
    }
    let units: BTreeSet<UnitId> = match &out.units {
        Some(units) => units.iter().map(|u| u.id).collect(),
        None => known_units.clone(),
    };
    let unit = |table: &Table, row: usize| -> std::result::Result<UnitId, RowProblem> {
        let key = table.count(row, "unit_key")?;
        let id = key as UnitId;
        if units.contains(&id) {
            Ok(id)
        } else {
            Err(table.problem(row, "unit_key", RowIssue::UnknownUnitKey(key)))
        }
    };
    if let Some(bytes) = files.get(REPORTS) {
        let table = Table::read(REPORTS, bytes)?;
        let mut seen = BTreeSet::new();
        for row in 0..table.rows.len() {
            let unit_id = unit(&table, row)?;
            let date = table.date(row, "date")?;
            if !seen.insert((unit_id, date)) {
                return Err(table.problem(row, "date", RowIssue::Twice(date)));
            }
            let report = if table.flag(row, "deleted")? {
                None
            } else {
                Some(DailyReport {
                    unit_id,
                    date,
                    counts: counts(&table, row)?,
                    server_ok: table.flag(row, "server_ok")?,
                    note: table.text(row, "note")?.to_string(),
                    prr: table.prr(row)?,
                })
            };
            out.reports.push((unit_id, date, report));
        }
    }
    if let Some(bytes) = files.get(TARGETS) {
        let table = Table::read(TARGETS, bytes)?;
        out.targets = Some(
            (0..table.rows.len())
                .map(|row| {
                    Ok(Target {
                        unit_id: unit(&table, row)?,
                        effective_from: table.date(row, "effective_from")?,
                        wajib_ktp: table.count(row, "wajib_ktp")?,
                    })
                })
                .collect::<std::result::Result<_, _>>()?,
        );
    }
    if let Some(bytes) = files.get(OPENINGS) {
        let table = Table::read(OPENINGS, bytes)?;
        out.openings = Some(
            (0..table.rows.len())
                .map(|row| {
                    Ok(OpeningBalance {
                        unit_id: unit(&table, row)?,
                        as_of: table.date(row, "as_of")?,
                        counts: counts(&table, row)?,
                    })
                })
                .collect::<std::result::Result<_, _>>()?,
        );
    }
    if let Some(bytes) = files.get(PRR_OPENINGS) {
        let table = Table::read(PRR_OPENINGS, bytes)?;
        let mut openings = Vec::with_capacity(table.rows.len());
        for row in 0..table.rows.len() {
            let counts = table
                .prr(row)?
                .ok_or_else(|| table.problem(row, "prr", RowIssue::MissingCell))?;
            openings.push(PrrOpening {
                unit_id: unit(&table, row)?,
                as_of: table.date(row, "as_of")?,
                counts,
            });
        }
        out.prr_openings = Some(openings);
    }
    if let Some(bytes) = files.get(rows::DEADLINES) {
        out.deadlines = Some(rows::read_deadlines(bytes)?);
    }
    if let Some(bytes) = files.get(rows::HOLIDAYS) {
        out.holidays = Some(rows::read_holidays(bytes)?);
    }
    if let Some(bytes) = files.get(STOCK) {
        out.stock = Some(read_stock(bytes)?);
    }
    if let Some(bytes) = files.get(OUTAGES) {
        let table = Table::read(OUTAGES, bytes)?;
        let mut outages = Vec::new();
        for row in 0..table.rows.len() {
            let cause = table.text(row, "cause")?;
            let mut affected = Vec::new();
            for key in table.text(row, "units")?.split_whitespace() {
                let id: UnitId = key.parse().map_err(|_| {
                    table.problem(row, "units", RowIssue::NotACount(key.to_string()))
                })?;
                if !units.contains(&id) {
                    return Err(table.problem(row, "units", RowIssue::UnknownUnitKey(id as u64)));
                }
                affected.push(id);
            }
            outages.push(Outage {
                id: key(&table, row)?,
                first_day: table.date(row, "first_day")?,
                last_day: match table.optional(row, "last_day")? {
                    Some(_) => Some(table.date(row, "last_day")?),
                    None => None,
                },
                units: affected,
                cause: OutageCause::parse(cause).ok_or_else(|| {
                    table.problem(row, "cause", RowIssue::OutageCause(cause.into()))
                })?,
                note: table.text(row, "note")?.to_string(),
            });
        }
        out.outages = Some(outages);
    }
    if let Some(bytes) = files.get(SEASONS) {
        let table = Table::read(SEASONS, bytes)?;
        out.seasons = Some(
            (0..table.rows.len())
                .map(|row| {
                    let factor = table.text(row, "factor")?;
                    Ok(SeasonFactor {
                        id: key(&table, row)?,
                        first_day: table.date(row, "first_day")?,
                        last_day: table.date(row, "last_day")?,
                        factor: factor
                            .parse()
                            .ok()
                            .filter(|f: &f64| f.is_finite())
                            .ok_or_else(|| {
                                table.problem(row, "factor", RowIssue::NotANumber(factor.into()))
                            })?,
                        name: table.text(row, "name")?.to_string(),
                    })
                })
                .collect::<std::result::Result<_, _>>()?,
        );
    }
    if let Some(bytes) = files.get(DELIVERIES) {
        let table = Table::read(DELIVERIES, bytes)?;
        out.deliveries = Some(
            (0..table.rows.len())
                .map(|row| {
                    Ok(PlannedDelivery {
                        id: key(&table, row)?,
                        planned_on: table.date(row, "planned_on")?,
                        expected_on: table.date(row, "expected_on")?,
                        quantity: table.count(row, "quantity")?,
                        note: table.text(row, "note")?.to_string(),
                    })
                })
                .collect::<std::result::Result<_, _>>()?,
        );
    }
    Ok(out)
}

fn counts(table: &Table, row: usize) -> std::result::Result<Counts, RowProblem> {
    Ok(Counts {
        recorded: table.count(row, "recorded")?,
        sent_to_central: table.count(row, "sent_to_central")?,
        printed: table.count(row, "printed")?,
        suket_issued: table.count(row, "suket_issued")?,
    })
}

fn key(table: &Table, row: usize) -> std::result::Result<Option<i64>, RowProblem> {
    Ok(match table.optional(row, "key")? {
        Some(_) => Some(table.count(row, "key")? as i64),
        None => None,
    })
}

fn read_units(bytes: &[u8]) -> std::result::Result<Vec<Unit>, RowProblem> {
    let table = Table::read(UNITS, bytes)?;
    (0..table.rows.len())
        .map(|row| {
            let kind = table.text(row, "kind")?;
            Ok(Unit {
                id: table.count(row, "unit_key")? as UnitId,
                name: table.text(row, "name")?.to_string(),
                code: table.optional(row, "code")?,
                kind: UnitKind::parse(kind)
                    .ok_or_else(|| table.problem(row, "kind", RowIssue::UnitKind(kind.into())))?,
                active: table.flag(row, "active")?,
            })
        })
        .collect()
}

fn read_stock(bytes: &[u8]) -> std::result::Result<Vec<StockEvent>, RowProblem> {
    let table = Table::read(STOCK, bytes)?;
    (0..table.rows.len())
        .map(|row| {
            let kind = table.text(row, "kind")?;
            Ok(StockEvent {
                id: key(&table, row)?,
                date: table.date(row, "date")?,
                kind: StockEventKind::parse(kind)
                    .ok_or_else(|| table.problem(row, "kind", RowIssue::StockKind(kind.into())))?,
                quantity: table.count(row, "quantity")?,
                document: table.text(row, "document")?.to_string(),
                counterparty: table.text(row, "counterparty")?.to_string(),
                note: table.text(row, "note")?.to_string(),
            })
        })
        .collect()
}

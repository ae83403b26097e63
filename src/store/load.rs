//! Reading the whole database into a [`Dataset`].

use std::collections::BTreeMap;
use std::sync::Arc;

use rusqlite::{Connection, Row};

use super::{Result, Store, StoreError};
use crate::domain::dataset::{Letterhead, Settings};
use crate::domain::{
    Calendar, CountField, Counts, DailyReport, Dataset, Deadline, Holiday, HolidayKind, Office,
    OpeningBalance, Outage, OutageCause, PlannedDelivery, PrrCounts, PrrOpening, SeasonFactor,
    StockEvent, StockEventKind, Target, Unit, UnitKind,
};

/// The data of a store as of one `PRAGMA data_version`: SQLite changes that number when
/// another connection commits, never for this connection's own commits, which go through
/// [`Store::transact`] and keep the cached data equal to the database.
pub(super) struct Cached {
    pub(super) version: i64,
    pub(super) data: Arc<Dataset>,
}

/// The database's `PRAGMA data_version`, as this connection sees it.
pub(super) fn data_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "data_version", |row| row.get(0))
}

impl Store {
    /// The office and its units only: what a quick look needs, without the reports.
    pub fn office_and_units(&self) -> Result<(Office, Vec<Unit>)> {
        Ok(load_office(&self.conn)?)
    }

    /// Everything the database holds, for the rules, summaries and screens, to keep: the
    /// cached data when it is current (the cache lets go of it), else read from the database.
    /// [`Self::snapshot`] shares it instead.
    pub fn load(&self) -> Result<Dataset> {
        let version = data_version(&self.conn)?;
        let cached = self.cache.borrow_mut().take();
        match cached.filter(|c| c.version == version) {
            Some(cached) => Ok(Arc::unwrap_or_clone(cached.data)),
            None => self.read_all(),
        }
    }

    /// Everything the database holds, shared: read once, then kept as the saves through this
    /// store change it, and read again only when another connection has written since.
    pub fn snapshot(&self) -> Result<Arc<Dataset>> {
        let version = data_version(&self.conn)?;
        if let Some(cached) = self.cache.borrow().as_ref()
            && cached.version == version
        {
            return Ok(Arc::clone(&cached.data));
        }
        let data = Arc::new(self.read_all()?);
        *self.cache.borrow_mut() = Some(Cached {
            version,
            data: Arc::clone(&data),
        });
        Ok(data)
    }

    /// Which data the database holds: equal revisions, equal data. A refused save leaves it
    /// as it was; every commit, here or by another connection, changes it.
    pub fn revision(&self) -> Result<(i64, u64)> {
        Ok((data_version(&self.conn)?, self.commits))
    }

    /// Reads every table, whatever is cached.
    fn read_all(&self) -> Result<Dataset> {
        load_dataset(&self.conn).map_err(|e| match e {
            rusqlite::Error::FromSqlConversionFailure(_, _, source) => StoreError::Damaged {
                path: self.path.clone(),
                message: format!("a stored value cannot be read: {source}"),
            },
            other => StoreError::Sqlite(other),
        })
    }
}

fn bad_text(column: usize, what: &str, text: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        column,
        rusqlite::types::Type::Text,
        format!("'{text}' is not a {what}").into(),
    )
}

fn count(row: &Row, column: usize) -> rusqlite::Result<u64> {
    let value: i64 = row.get(column)?;
    u64::try_from(value).map_err(|_| {
        rusqlite::Error::FromSqlConversionFailure(
            column,
            rusqlite::types::Type::Integer,
            format!("{value} is not a count").into(),
        )
    })
}

fn counts(row: &Row, first: usize) -> rusqlite::Result<Counts> {
    Ok(Counts {
        recorded: count(row, first)?,
        sent_to_central: count(row, first + 1)?,
        printed: count(row, first + 2)?,
        suket_issued: count(row, first + 3)?,
    })
}

/// The day's PRR, DUP, Efac and retaken from four columns, all or none (the schema's check).
fn prr_counts(row: &Row, first: usize) -> rusqlite::Result<Option<PrrCounts>> {
    if row.get::<_, Option<i64>>(first)?.is_none() {
        return Ok(None);
    }
    Ok(Some(PrrCounts {
        prr: count(row, first)?,
        dup: count(row, first + 1)?,
        efac: count(row, first + 2)?,
        efac_retaken: count(row, first + 3)?,
    }))
}

fn collect<T>(
    conn: &Connection,
    sql: &str,
    map: impl FnMut(&Row) -> rusqlite::Result<T>,
) -> rusqlite::Result<Vec<T>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], map)?;
    rows.collect()
}

pub(super) fn load_dataset(conn: &Connection) -> rusqlite::Result<Dataset> {
    let (office, units) = load_office(conn)?;
    load_rest(conn, office, units)
}

/// The office and its units, without the rest.
pub(super) fn load_office(conn: &Connection) -> rusqlite::Result<(Office, Vec<Unit>)> {
    let office = conn
        .query_row(
            "SELECT name, description FROM office WHERE id = 1",
            [],
            |row| {
                Ok(Office {
                    name: row.get(0)?,
                    description: row.get(1)?,
                })
            },
        )
        .or_else(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => Ok(Office {
                name: String::new(),
                description: String::new(),
            }),
            other => Err(other),
        })?;
    let units = collect(
        conn,
        "SELECT id, name, code, kind, active FROM unit ORDER BY kind = 'district', name",
        |row| {
            let kind: String = row.get(3)?;
            Ok(Unit {
                id: row.get(0)?,
                name: row.get(1)?,
                code: row.get(2)?,
                kind: UnitKind::parse(&kind).ok_or_else(|| bad_text(3, "unit kind", &kind))?,
                active: row.get(4)?,
            })
        },
    )?;
    Ok((office, units))
}

/// The schema version that added the centre's stage (PRR). Version 7's migration seals the data
/// as it stands, loading it before there was a PRR column.
const PRR_VERSION: u32 = 9;

fn load_rest(conn: &Connection, office: Office, units: Vec<Unit>) -> rusqlite::Result<Dataset> {
    let with_prr = super::schema::user_version(conn)? >= PRR_VERSION;
    let reports = collect(
        conn,
        if with_prr {
            "SELECT unit_id, date, recorded, sent_to_central, printed, suket_issued, server_ok,
                    note, prr, dup, efac, efac_retaken
             FROM daily_report"
        } else {
            "SELECT unit_id, date, recorded, sent_to_central, printed, suket_issued, server_ok,
                    note, NULL, NULL, NULL, NULL
             FROM daily_report"
        },
        |row| {
            Ok(DailyReport {
                unit_id: row.get(0)?,
                date: row.get(1)?,
                counts: counts(row, 2)?,
                server_ok: row.get(6)?,
                note: row.get(7)?,
                prr: prr_counts(row, 8)?,
            })
        },
    )?;
    let unexplained = collect(
        conn,
        "SELECT unit_id, date FROM daily_report WHERE unexplained = 1",
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    let targets = collect(
        conn,
        "SELECT unit_id, effective_from, wajib_ktp FROM target ORDER BY unit_id, effective_from",
        |row| {
            Ok(Target {
                unit_id: row.get(0)?,
                effective_from: row.get(1)?,
                wajib_ktp: count(row, 2)?,
            })
        },
    )?;
    let deadlines = collect(
        conn,
        "SELECT decided_on, deadline, note FROM deadline ORDER BY decided_on",
        |row| {
            Ok(Deadline {
                decided_on: row.get(0)?,
                deadline: row.get(1)?,
                note: row.get(2)?,
            })
        },
    )?;
    let openings = collect(
        conn,
        "SELECT unit_id, as_of, recorded, sent_to_central, printed, suket_issued
         FROM opening_balance",
        |row| {
            Ok(OpeningBalance {
                unit_id: row.get(0)?,
                as_of: row.get(1)?,
                counts: counts(row, 2)?,
            })
        },
    )?;
    let prr_openings = collect(
        conn,
        if with_prr {
            "SELECT unit_id, as_of, prr, dup, efac, efac_retaken FROM prr_opening"
        } else {
            "SELECT 0, '', 0, 0, 0, 0 WHERE 0"
        },
        |row| {
            Ok(PrrOpening {
                unit_id: row.get(0)?,
                as_of: row.get(1)?,
                counts: prr_counts(row, 2)?.unwrap_or_default(),
            })
        },
    )?;
    let holidays = collect(conn, "SELECT date, kind, name FROM holiday", |row| {
        let kind: String = row.get(1)?;
        Ok(Holiday {
            date: row.get(0)?,
            kind: HolidayKind::parse(&kind).ok_or_else(|| bad_text(1, "holiday kind", &kind))?,
            name: row.get(2)?,
        })
    })?;
    let stock_events = collect(
        conn,
        "SELECT id, date, kind, quantity, document, counterparty, note
         FROM stock_event ORDER BY date, id",
        |row| {
            let kind: String = row.get(2)?;
            Ok(StockEvent {
                id: row.get(0)?,
                date: row.get(1)?,
                kind: StockEventKind::parse(&kind)
                    .ok_or_else(|| bad_text(2, "stock event kind", &kind))?,
                quantity: count(row, 3)?,
                document: row.get(4)?,
                counterparty: row.get(5)?,
                note: row.get(6)?,
            })
        },
    )?;
    let planned_deliveries = collect(
        conn,
        "SELECT id, planned_on, expected_on, quantity, note FROM planned_delivery
         ORDER BY expected_on, id",
        |row| {
            Ok(PlannedDelivery {
                id: row.get(0)?,
                planned_on: row.get(1)?,
                expected_on: row.get(2)?,
                quantity: count(row, 3)?,
                note: row.get(4)?,
            })
        },
    )?;
    let season_factors = collect(
        conn,
        "SELECT id, first_day, last_day, factor, name FROM season_factor ORDER BY first_day, id",
        |row| {
            Ok(SeasonFactor {
                id: row.get(0)?,
                first_day: row.get(1)?,
                last_day: row.get(2)?,
                factor: row.get(3)?,
                name: row.get(4)?,
            })
        },
    )?;
    let mut outages = collect(
        conn,
        "SELECT id, first_day, last_day, cause, note FROM outage ORDER BY first_day, id",
        |row| {
            let cause: String = row.get(3)?;
            Ok(Outage {
                id: row.get(0)?,
                first_day: row.get(1)?,
                last_day: row.get(2)?,
                units: Vec::new(),
                cause: OutageCause::parse(&cause)
                    .ok_or_else(|| bad_text(3, "outage cause", &cause))?,
                note: row.get(4)?,
            })
        },
    )?;
    let affected = collect(
        conn,
        "SELECT outage_id, unit_id FROM outage_unit ORDER BY outage_id, unit_id",
        |row| Ok((row.get::<_, i64>(0)?, row.get::<_, i64>(1)?)),
    )?;
    for (outage_id, unit_id) in affected {
        if let Some(outage) = outages.iter_mut().find(|o| o.id == Some(outage_id)) {
            outage.units.push(unit_id);
        }
    }
    let settings = load_settings(conn)?;
    Ok(Dataset {
        office,
        level: crate::domain::dataset::UnitLevel::Kecamatan,
        units,
        reports: reports
            .into_iter()
            .map(|r| ((r.unit_id, r.date), r))
            .collect(),
        unexplained: unexplained.into_iter().collect(),
        targets,
        deadlines,
        openings: openings.into_iter().map(|o| (o.unit_id, o)).collect(),
        prr_openings: prr_openings.into_iter().map(|o| (o.unit_id, o)).collect(),
        calendar: Calendar::new(holidays),
        stock_events,
        planned_deliveries,
        season_factors,
        outages,
        settings,
    })
}

/// Setting keys in the `setting` table.
const OUTLIER_FACTOR: &str = "outlier.factor";
const OUTLIER_WINDOW_DAYS: &str = "outlier.window_days";
const OUTLIER_MAX_PREFIX: &str = "outlier.max.";
const FORECAST_WINDOW_DAYS: &str = "forecast.window_days";
const FORECAST_TRIALS: &str = "forecast.trials";
const COVERAGE_POOR_BELOW: &str = "coverage.poor_below";
const COVERAGE_GOOD_ABOVE: &str = "coverage.good_above";
const PRR_COUNTED: &str = "prr.counted";
const CUMULATIVE_ENTRY: &str = "entry.cumulative";
const REORDER_THRESHOLD: &str = "request.threshold";
const REORDER_LEAD_DAYS: &str = "request.lead_days";
const REQUEST_BUFFER_DAYS: &str = "request.buffer_days";
const REQUEST_ROUND_TO: &str = "request.round_to";
const LETTER_PREFIX: &str = "letter.";

/// The settings as rows of the `setting` table.
pub(super) fn settings_rows(settings: &Settings) -> Vec<(String, String)> {
    let mut rows = vec![
        (
            OUTLIER_FACTOR.to_string(),
            settings.outlier_factor.to_string(),
        ),
        (
            OUTLIER_WINDOW_DAYS.to_string(),
            settings.outlier_window_days.to_string(),
        ),
        (
            FORECAST_WINDOW_DAYS.to_string(),
            settings.forecast_window_days.to_string(),
        ),
        (
            FORECAST_TRIALS.to_string(),
            settings.forecast_trials.to_string(),
        ),
        (
            COVERAGE_POOR_BELOW.to_string(),
            settings.coverage_poor_below.to_string(),
        ),
        (
            COVERAGE_GOOD_ABOVE.to_string(),
            settings.coverage_good_above.to_string(),
        ),
    ];
    // Written only when not the default: the settings of an office that never used them stay
    // as they were.
    if settings.counts_prr {
        rows.push((PRR_COUNTED.to_string(), "true".to_string()));
    }
    if settings.cumulative_entry {
        rows.push((CUMULATIVE_ENTRY.to_string(), "true".to_string()));
    }
    let defaults = Settings::default();
    for (key, value, default) in [
        (
            REORDER_THRESHOLD,
            settings.reorder_threshold,
            defaults.reorder_threshold,
        ),
        (
            REORDER_LEAD_DAYS,
            settings.reorder_lead_days as u64,
            defaults.reorder_lead_days as u64,
        ),
        (
            REQUEST_BUFFER_DAYS,
            settings.request_buffer_days as u64,
            defaults.request_buffer_days as u64,
        ),
        (
            REQUEST_ROUND_TO,
            settings.request_round_to,
            defaults.request_round_to,
        ),
    ] {
        if value != default {
            rows.push((key.to_string(), value.to_string()));
        }
    }
    for (field, text) in letterhead_fields(&settings.letterhead) {
        if !text.is_empty() {
            rows.push((format!("{LETTER_PREFIX}{field}"), text.clone()));
        }
    }
    for (field, max) in &settings.max_daily {
        rows.push((
            format!("{OUTLIER_MAX_PREFIX}{}", field.name()),
            max.to_string(),
        ));
    }
    rows
}

/// The letterhead's fields with their keys' names.
fn letterhead_fields(l: &Letterhead) -> [(&'static str, &String); 6] {
    [
        ("government", &l.government),
        ("address", &l.address),
        ("city", &l.city),
        ("head_title", &l.head_title),
        ("head_name", &l.head_name),
        ("head_nip", &l.head_nip),
    ]
}

fn load_settings(conn: &Connection) -> rusqlite::Result<Settings> {
    let pairs = collect(conn, "SELECT key, value FROM setting", |row| {
        Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
    })?;
    let mut settings = Settings::default();
    let mut max_daily = BTreeMap::new();
    for (key, value) in pairs {
        let bad = || bad_text(1, &format!("value for setting {key}"), &value);
        let number = || value.parse::<f64>().map_err(|_| bad());
        let whole = || value.parse::<usize>().map_err(|_| bad());
        match key.as_str() {
            OUTLIER_FACTOR => settings.outlier_factor = number()?,
            OUTLIER_WINDOW_DAYS => settings.outlier_window_days = whole()?,
            FORECAST_WINDOW_DAYS => settings.forecast_window_days = whole()?,
            FORECAST_TRIALS => settings.forecast_trials = whole()?,
            COVERAGE_POOR_BELOW => settings.coverage_poor_below = number()?,
            COVERAGE_GOOD_ABOVE => settings.coverage_good_above = number()?,
            PRR_COUNTED => settings.counts_prr = value.parse::<bool>().map_err(|_| bad())?,
            CUMULATIVE_ENTRY => {
                settings.cumulative_entry = value.parse::<bool>().map_err(|_| bad())?
            }
            REORDER_THRESHOLD => settings.reorder_threshold = value.parse().map_err(|_| bad())?,
            REORDER_LEAD_DAYS => settings.reorder_lead_days = whole()?,
            REQUEST_BUFFER_DAYS => settings.request_buffer_days = whole()?,
            REQUEST_ROUND_TO => settings.request_round_to = value.parse().map_err(|_| bad())?,
            _ if key.starts_with(LETTER_PREFIX) => {
                let field = &key[LETTER_PREFIX.len()..];
                let l = &mut settings.letterhead;
                let slot = match field {
                    "government" => &mut l.government,
                    "address" => &mut l.address,
                    "city" => &mut l.city,
                    "head_title" => &mut l.head_title,
                    "head_name" => &mut l.head_name,
                    "head_nip" => &mut l.head_nip,
                    _ => continue,
                };
                *slot = value;
            }
            _ => {
                if let Some(name) = key.strip_prefix(OUTLIER_MAX_PREFIX)
                    && let Some(field) = CountField::ALL.into_iter().find(|f| f.name() == name)
                {
                    max_daily.insert(field, value.parse().map_err(|_| bad())?);
                }
            }
        }
    }
    settings.max_daily = max_daily;
    Ok(settings)
}

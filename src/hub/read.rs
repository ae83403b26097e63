//! What the province and the nation read at the hub, answered from the per-day totals and the
//! stock cards the pushes keep (never from the raw reports). PostgreSQL's row-level security
//! decides which districts a role sees; a province asked for narrows it further.

use std::collections::{BTreeMap, BTreeSet};

use chrono::Datelike;

use chrono::NaiveDate;
use postgres::Client;
use serde::Serialize;

use super::HubError;
use crate::domain::summary::Progress;
use crate::domain::{Counts, Deadline, OutageCause};

/// Blanks below this many sheets: the district should ask for more (the threshold Central
/// Kalimantan's province uses).
pub const REORDER_THRESHOLD: i64 = 1_000;

/// One district's progress as of a day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DistrictProgress {
    pub province: String,
    pub name: String,
    pub code: Option<String>,
    pub progress: Progress,
    /// The last day it sent a report for, on or before the as-of day.
    pub last_day: Option<NaiveDate>,
    /// Blanks left at the end of the as-of day; `None` while its stock is unknown.
    pub blanks_left: Option<i64>,
    /// Its active units, and how many reported the as-of day.
    pub units: usize,
    pub units_reported: usize,
}

/// A province's districts added up.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProvinceProgress {
    pub name: String,
    pub districts: usize,
    pub progress: Progress,
    pub blanks_left: Option<i64>,
}

/// An outage that touched a district on the as-of day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HubOutage {
    pub province: String,
    pub district: String,
    pub first_day: NaiveDate,
    pub last_day: Option<NaiveDate>,
    pub cause: OutageCause,
    /// Every unit of the district (not some kecamatan only).
    pub whole_district: bool,
}

/// The province's or the nation's progress as of a day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HubSummary {
    /// The province asked for; `None`: every district the role may read.
    pub province: Option<String>,
    pub as_of: NaiveDate,
    pub deadline: Option<Deadline>,
    pub total: Progress,
    /// Blanks left in every district whose stock is known.
    pub blanks_left: Option<i64>,
    pub provinces: Vec<ProvinceProgress>,
    /// Province, then name.
    pub districts: Vec<DistrictProgress>,
    /// Districts with no report for the as-of day (a weekday that is no holiday of theirs).
    pub not_sent: Vec<String>,
    /// Districts for which the as-of day is a weekend or a holiday of their own calendar: no
    /// report is expected of them.
    pub resting: Vec<String>,
    /// Districts under [`REORDER_THRESHOLD`] blanks, fewest first.
    pub low_blanks: Vec<(String, i64)>,
    pub outages: Vec<HubOutage>,
}

pub(super) struct District {
    pub id: i32,
    pub name: String,
    pub code: Option<String>,
    pub province: String,
}

fn count(value: Option<i64>) -> u64 {
    value.unwrap_or(0).max(0) as u64
}

/// The districts the connected role reads (its own for a district), narrowed to `province`.
pub(super) fn districts(
    client: &mut Client,
    province: Option<&str>,
) -> Result<Vec<District>, HubError> {
    let rows = client.query(
        "SELECT d.id, d.name, d.code, p.name FROM pantau.district d
         JOIN pantau.province p ON p.id = d.province_id
         WHERE (d.id = ANY (pantau.readable_districts()) OR d.id = pantau.my_district())
           AND ($1::text IS NULL OR lower(p.name) = lower($1))
         ORDER BY p.name, d.name",
        &[&province.map(str::trim)],
    )?;
    if rows.is_empty() {
        if let Some(name) = province {
            let exists = client.query_opt(
                "SELECT 1 FROM pantau.province WHERE lower(name) = lower($1)",
                &[&name.trim()],
            )?;
            if exists.is_none() {
                return Err(HubError::UnknownProvince(name.trim().to_string()));
            }
        }
        // Nothing this role may read (another province's, or none registered yet): said, never
        // shown as an empty roll-up where "every district has reported".
        return Err(HubError::NothingToRead {
            province: province.map(|p| p.trim().to_string()),
        });
    }
    Ok(rows
        .iter()
        .map(|r| District {
            id: r.get(0),
            name: r.get(1),
            code: r.get(2),
            province: r.get(3),
        })
        .collect())
}

/// The province's (or, without one, every readable district's) progress through `as_of`
/// [default: the last day any of them reported].
pub fn summary(
    client: &mut Client,
    province: Option<&str>,
    as_of: Option<NaiveDate>,
) -> Result<HubSummary, HubError> {
    let list = districts(client, province)?;
    let ids: Vec<i32> = list.iter().map(|d| d.id).collect();
    let as_of = match as_of {
        Some(day) => day,
        None => {
            let last: Option<NaiveDate> = client
                .query_one(
                    "SELECT max(day) FROM pantau.day_total WHERE district_id = ANY($1)",
                    &[&ids],
                )?
                .get(0);
            last.unwrap_or_else(crate::clock::today)
                .min(crate::clock::today())
        }
    };
    let mut counts: BTreeMap<i32, Counts> = BTreeMap::new();
    let mut last_day: BTreeMap<i32, NaiveDate> = BTreeMap::new();
    for r in client.query(
        "SELECT district_id, sum(recorded)::bigint, sum(sent_to_central)::bigint,
                sum(printed)::bigint, sum(suket_issued)::bigint, max(day)
         FROM pantau.day_total WHERE day <= $1 AND district_id = ANY($2)
         GROUP BY district_id",
        &[&as_of, &ids],
    )? {
        let id: i32 = r.get(0);
        counts.entry(id).or_default().add(&Counts {
            recorded: count(r.get(1)),
            sent_to_central: count(r.get(2)),
            printed: count(r.get(3)),
            suket_issued: count(r.get(4)),
        });
        last_day.insert(id, r.get(5));
    }
    for r in client.query(
        "SELECT district_id, sum(recorded)::bigint, sum(sent_to_central)::bigint,
                sum(printed)::bigint, sum(suket_issued)::bigint
         FROM pantau.opening WHERE as_of <= $1 AND district_id = ANY($2)
         GROUP BY district_id",
        &[&as_of, &ids],
    )? {
        counts.entry(r.get(0)).or_default().add(&Counts {
            recorded: count(r.get(1)),
            sent_to_central: count(r.get(2)),
            printed: count(r.get(3)),
            suket_issued: count(r.get(4)),
        });
    }
    let wajib: BTreeMap<i32, u64> = client
        .query(
            "SELECT district_id, sum(wajib_ktp)::bigint FROM (
                 SELECT DISTINCT ON (district_id, unit_key) district_id, wajib_ktp
                 FROM pantau.target WHERE effective_from <= $1 AND district_id = ANY($2)
                 ORDER BY district_id, unit_key, effective_from DESC) latest
             GROUP BY district_id",
            &[&as_of, &ids],
        )?
        .iter()
        .map(|r| (r.get(0), count(r.get(1))))
        .collect();
    let blanks: BTreeMap<i32, Option<i64>> = client
        .query(
            "SELECT DISTINCT ON (district_id) district_id, closing FROM pantau.stock_day
             WHERE day <= $1 AND district_id = ANY($2) ORDER BY district_id, day DESC",
            &[&as_of, &ids],
        )?
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    let units: BTreeMap<i32, usize> = client
        .query(
            "SELECT district_id, count(*) FILTER (WHERE active) FROM pantau.unit
             WHERE district_id = ANY($1) GROUP BY district_id",
            &[&ids],
        )?
        .iter()
        .map(|r| (r.get(0), r.get::<_, i64>(1) as usize))
        .collect();
    let reported: BTreeMap<i32, usize> = client
        .query(
            "SELECT district_id, units_reported FROM pantau.day_total
             WHERE day = $1 AND district_id = ANY($2)",
            &[&as_of, &ids],
        )?
        .iter()
        .map(|r| (r.get(0), r.get::<_, i32>(1) as usize))
        .collect();
    let deadline = client
        .query_opt(
            "SELECT decided_on, deadline, note FROM pantau.deadline
             WHERE decided_on <= $1 AND district_id = ANY($2)
             ORDER BY decided_on DESC, deadline DESC LIMIT 1",
            &[&as_of, &ids],
        )?
        .map(|r| Deadline {
            decided_on: r.get(0),
            deadline: r.get(1),
            note: r.get(2),
        });
    let names: BTreeMap<i32, &District> = list.iter().map(|d| (d.id, d)).collect();
    let outages = client
        .query(
            "SELECT district_id, first_day, last_day, cause, cardinality(units) = 0
             FROM pantau.outage
             WHERE first_day <= $1 AND (last_day IS NULL OR last_day >= $1)
               AND district_id = ANY($2)
             ORDER BY first_day, district_id",
            &[&as_of, &ids],
        )?
        .iter()
        .filter_map(|r| {
            let district = names.get(&r.get::<_, i32>(0))?;
            Some(HubOutage {
                province: district.province.clone(),
                district: district.name.clone(),
                first_day: r.get(1),
                last_day: r.get(2),
                cause: OutageCause::parse(r.get(3))?,
                whole_district: r.get(4),
            })
        })
        .collect();

    let mut total = Counts::default();
    let mut total_wajib: Option<u64> = None;
    let mut total_blanks: Option<i64> = None;
    let mut by_province: BTreeMap<String, (usize, Counts, Option<u64>, Option<i64>)> =
        BTreeMap::new();
    let mut rows = Vec::new();
    for d in &list {
        let c = counts.get(&d.id).copied().unwrap_or_default();
        let w = wajib.get(&d.id).copied();
        let b = blanks.get(&d.id).copied().flatten();
        total.add(&c);
        let province = by_province.entry(d.province.clone()).or_default();
        province.0 += 1;
        province.1.add(&c);
        if let Some(w) = w {
            total_wajib = Some(total_wajib.unwrap_or(0) + w);
            province.2 = Some(province.2.unwrap_or(0) + w);
        }
        if let Some(b) = b {
            total_blanks = Some(total_blanks.unwrap_or(0) + b);
            province.3 = Some(province.3.unwrap_or(0) + b);
        }
        rows.push(DistrictProgress {
            province: d.province.clone(),
            name: d.name.clone(),
            code: d.code.clone(),
            progress: Progress::new(c, w),
            last_day: last_day.get(&d.id).copied(),
            blanks_left: b,
            units: units.get(&d.id).copied().unwrap_or(0),
            units_reported: reported.get(&d.id).copied().unwrap_or(0),
        });
    }
    // A district is expected to report a weekday that is no holiday in its own calendar.
    let resting: BTreeSet<i32> = client
        .query(
            "SELECT district_id FROM pantau.holiday WHERE day = $1 AND district_id = ANY($2)",
            &[&as_of, &ids],
        )?
        .iter()
        .map(|r| r.get(0))
        .collect();
    let weekday = !matches!(as_of.weekday(), chrono::Weekday::Sat | chrono::Weekday::Sun);
    let expected = |d: &District| weekday && !resting.contains(&d.id);
    let not_sent = list
        .iter()
        .zip(&rows)
        .filter(|(d, r)| expected(d) && r.last_day != Some(as_of))
        .map(|(_, r)| r.name.clone())
        .collect();
    let resting = list
        .iter()
        .filter(|d| !expected(d))
        .map(|d| d.name.clone())
        .collect();
    let mut low_blanks: Vec<(String, i64)> = rows
        .iter()
        .filter_map(|r| Some((r.name.clone(), r.blanks_left?)))
        .filter(|(_, b)| *b < REORDER_THRESHOLD)
        .collect();
    low_blanks.sort_by_key(|(name, b)| (*b, name.clone()));
    // The province a role reads, where all its districts are in one.
    let only = match by_province.keys().collect::<Vec<_>>().as_slice() {
        [one] => Some((*one).clone()),
        _ => None,
    };
    Ok(HubSummary {
        province: province.map(|p| p.trim().to_string()).or(only),
        as_of,
        deadline,
        total: Progress::new(total, total_wajib),
        blanks_left: total_blanks,
        provinces: by_province
            .into_iter()
            .map(|(name, (districts, c, w, b))| ProvinceProgress {
                name,
                districts,
                progress: Progress::new(c, w),
                blanks_left: b,
            })
            .collect(),
        districts: rows,
        not_sent,
        resting,
        low_blanks,
        outages,
    })
}

//! The hub as the dashboard's data source: the province's (or the nation's) districts become
//! the units, their per-day totals the daily reports, and the dashboard, the forecast and the
//! PDF run on that aggregated series unchanged. Read-only, through the connected role: what
//! PostgreSQL lets it read is what it shows.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use postgres::Client;

use super::read::districts;
use super::{HubError, HubUrl, schema};
use crate::domain::calendar::Calendar;
use crate::domain::{
    Counts, DailyReport, Dataset, Deadline, Holiday, HolidayKind, Office, OpeningBalance, Outage,
    OutageCause, PlannedDelivery, PrrCounts, PrrOpening, SeasonFactor, StockEvent, StockEventKind,
    Target, Unit, UnitId, UnitKind,
};
use crate::source::{DataSource, Origin};

/// The dataset read last, with the hub's revision it was read at.
type Cached = ((i64, u64), Arc<Dataset>);

/// A hub opened for reading.
pub struct HubSource {
    url: HubUrl,
    province: Option<String>,
    /// The province the role reads, where all its districts are in one (a province's staff
    /// need not name it).
    only_province: Option<String>,
    /// One connection, used by one question at a time.
    client: Mutex<Client>,
    cached: Mutex<Option<Cached>>,
}

impl HubSource {
    /// Connects and checks the hub (and the province, if one is asked for).
    pub fn open(url: &HubUrl, province: Option<&str>) -> Result<HubSource, HubError> {
        let mut client = url.connect()?;
        schema::require(&mut client, url.shown())?;
        let province = province
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty());
        let mut provinces: Vec<String> = districts(&mut client, province.as_deref())?
            .into_iter()
            .map(|d| d.province)
            .collect();
        provinces.dedup();
        let only_province = match provinces.as_slice() {
            [one] => Some(one.clone()),
            _ => province.clone(),
        };
        Ok(HubSource {
            url: url.clone(),
            province,
            only_province,
            client: Mutex::new(client),
            cached: Mutex::new(None),
        })
    }

    /// The province shown: the one asked for, or the only one the role reads.
    pub fn province(&self) -> Option<&str> {
        self.only_province.as_deref()
    }

    pub fn url(&self) -> &HubUrl {
        &self.url
    }

    fn client(&self) -> std::sync::MutexGuard<'_, Client> {
        // A question that panicked left the connection as PostgreSQL keeps it: usable.
        self.client.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The province's or the nation's summary through `as_of`.
    pub fn summary(&self, as_of: NaiveDate) -> Result<super::HubSummary, HubError> {
        super::summary(&mut self.client(), self.province.as_deref(), Some(as_of))
    }

    fn current_revision(&self) -> Result<(i64, u64), HubError> {
        let mut client = self.client();
        let ids: Vec<i32> = districts(&mut client, self.province.as_deref())?
            .iter()
            .map(|d| d.id)
            .collect();
        let row = client.query_one(
            "SELECT count(*), coalesce(max(extract(epoch FROM applied_at) * 1000), 0)::bigint
             FROM pantau.bundle WHERE status = 'applied' AND district_id = ANY($1)",
            &[&ids],
        )?;
        Ok((row.get::<_, i64>(0), row.get::<_, i64>(1) as u64))
    }

    /// Reads the districts' series into one dataset, each district a unit.
    fn read(&self) -> Result<Dataset, HubError> {
        let province = self.province.clone();
        let mut client = self.client();
        let c = &mut *client;
        let list = districts(c, province.as_deref())?;
        let ids: Vec<i32> = list.iter().map(|d| d.id).collect();
        let mut data = Dataset::empty(Office {
            name: self
                .only_province
                .clone()
                .unwrap_or_else(|| "Indonesia".to_string()),
            description: self.url.shown().to_string(),
        });
        data.level = crate::domain::dataset::UnitLevel::District;
        data.units = list
            .iter()
            .map(|d| Unit {
                id: UnitId::from(d.id),
                name: d.name.clone(),
                code: d.code.clone(),
                kind: UnitKind::Kecamatan,
                active: true,
            })
            .collect();
        for r in c.query(
            "SELECT district_id, day, recorded, sent_to_central, printed, suket_issued,
                    units_server_down, units_reported, units_with_prr, prr, dup, efac,
                    efac_retaken
             FROM pantau.day_total WHERE district_id = ANY($1)",
            &[&ids],
        )? {
            // The district's day has the centre's stage where every report of it has.
            let big = |i: usize| r.get::<_, i64>(i) as u64;
            let prr = (r.get::<_, i32>(8) == r.get::<_, i32>(7)).then(|| PrrCounts {
                prr: big(9),
                dup: big(10),
                efac: big(11),
                efac_retaken: big(12),
            });
            let report = DailyReport {
                unit_id: UnitId::from(r.get::<_, i32>(0)),
                date: r.get(1),
                counts: Counts {
                    recorded: r.get::<_, i64>(2) as u64,
                    sent_to_central: r.get::<_, i64>(3) as u64,
                    printed: r.get::<_, i64>(4) as u64,
                    suket_issued: r.get::<_, i64>(5) as u64,
                },
                server_ok: r.get::<_, i32>(6) == 0,
                note: String::new(),
                prr,
            };
            data.put_report(report);
        }
        // Each district's wajib KTP on every day one of its units' targets changed: the sum
        // of its units' targets in force.
        let mut targets: BTreeMap<i32, Vec<(i64, NaiveDate, u64)>> = BTreeMap::new();
        for r in c.query(
            "SELECT district_id, unit_key, effective_from, wajib_ktp FROM pantau.target
             WHERE district_id = ANY($1) ORDER BY district_id, effective_from",
            &[&ids],
        )? {
            targets.entry(r.get(0)).or_default().push((
                r.get(1),
                r.get(2),
                r.get::<_, i64>(3) as u64,
            ));
        }
        for (district, rows) in targets {
            let mut in_force: BTreeMap<i64, u64> = BTreeMap::new();
            let days: BTreeSet<NaiveDate> = rows.iter().map(|r| r.1).collect();
            for day in days {
                for (unit, _, wajib) in rows.iter().filter(|r| r.1 == day) {
                    in_force.insert(*unit, *wajib);
                }
                data.targets.push(Target {
                    unit_id: UnitId::from(district),
                    effective_from: day,
                    wajib_ktp: in_force.values().sum(),
                });
            }
        }
        for r in c.query(
            "SELECT district_id, max(as_of), sum(recorded)::bigint, sum(sent_to_central)::bigint,
                    sum(printed)::bigint, sum(suket_issued)::bigint
             FROM pantau.opening WHERE district_id = ANY($1) GROUP BY district_id",
            &[&ids],
        )? {
            let unit_id = UnitId::from(r.get::<_, i32>(0));
            data.openings.insert(
                unit_id,
                OpeningBalance {
                    unit_id,
                    as_of: r.get(1),
                    counts: Counts {
                        recorded: r.get::<_, i64>(2) as u64,
                        sent_to_central: r.get::<_, i64>(3) as u64,
                        printed: r.get::<_, i64>(4) as u64,
                        suket_issued: r.get::<_, i64>(5) as u64,
                    },
                },
            );
        }
        // Each district's PRR start: the latest of its units' starts, with every unit's
        // cumulative PRR at it (its start plus its reports up to the district's); unknown where
        // a unit with opening totals has no start, or a report up to it has no stage.
        for r in c.query(
            "WITH u AS (
                 SELECT un.district_id, un.unit_key, po.as_of AS start,
                        coalesce(po.prr, 0) AS prr, coalesce(po.dup, 0) AS dup,
                        coalesce(po.efac, 0) AS efac,
                        coalesce(po.efac_retaken, 0) AS efac_retaken,
                        (po.unit_key IS NULL AND o.unit_key IS NOT NULL) AS unknown
                 FROM pantau.unit un
                 LEFT JOIN pantau.prr_opening po USING (district_id, unit_key)
                 LEFT JOIN pantau.opening o USING (district_id, unit_key)
                 WHERE un.district_id = ANY($1)
             ), d AS (
                 SELECT district_id, bool_or(unknown) AS unknown, max(start) AS start,
                        sum(prr) AS prr, sum(dup) AS dup, sum(efac) AS efac,
                        sum(efac_retaken) AS efac_retaken
                 FROM u GROUP BY district_id
             )
             SELECT d.district_id, d.unknown, d.start,
                    (d.prr + coalesce(r.prr, 0))::bigint, (d.dup + coalesce(r.dup, 0))::bigint,
                    (d.efac + coalesce(r.efac, 0))::bigint,
                    (d.efac_retaken + coalesce(r.efac_retaken, 0))::bigint,
                    coalesce(r.missing, 0)
             FROM d LEFT JOIN LATERAL (
                 SELECT sum(rep.prr) AS prr, sum(rep.dup) AS dup, sum(rep.efac) AS efac,
                        sum(rep.efac_retaken) AS efac_retaken,
                        count(*) FILTER (WHERE rep.prr IS NULL) AS missing
                 FROM pantau.report rep
                 JOIN u ON u.district_id = rep.district_id AND u.unit_key = rep.unit_key
                 WHERE rep.district_id = d.district_id AND rep.day <= d.start
                   AND (u.start IS NULL OR rep.day > u.start)
             ) r ON true
             WHERE d.start IS NOT NULL AND NOT d.unknown",
            &[&ids],
        )? {
            if r.get::<_, i64>(7) > 0 {
                continue;
            }
            let unit_id = UnitId::from(r.get::<_, i32>(0));
            let big = |i: usize| r.get::<_, i64>(i) as u64;
            data.prr_openings.insert(
                unit_id,
                PrrOpening {
                    unit_id,
                    as_of: r.get(2),
                    counts: PrrCounts {
                        prr: big(3),
                        dup: big(4),
                        efac: big(5),
                        efac_retaken: big(6),
                    },
                },
            );
        }
        // The deadlines are the nation's: each decision once.
        data.deadlines = c
            .query(
                "SELECT DISTINCT ON (decided_on) decided_on, deadline, note FROM pantau.deadline
                 WHERE district_id = ANY($1) ORDER BY decided_on, district_id",
                &[&ids],
            )?
            .iter()
            .map(|r| Deadline {
                decided_on: r.get(0),
                deadline: r.get(1),
                note: r.get(2),
            })
            .collect();
        let holidays: Vec<Holiday> = c
            .query(
                "SELECT DISTINCT ON (day) day, kind, name FROM pantau.holiday
                 WHERE district_id = ANY($1) ORDER BY day, district_id",
                &[&ids],
            )?
            .iter()
            .filter_map(|r| {
                Some(Holiday {
                    date: r.get(0),
                    kind: HolidayKind::parse(r.get(1))?,
                    name: r.get(2),
                })
            })
            .collect();
        if !holidays.is_empty() {
            data.calendar = Calendar::new(holidays);
        }
        let stock: Vec<StockRow> = c
            .query(
                "SELECT district_id, day, inflow, outflow, printed, closing FROM pantau.stock_day
                 WHERE district_id = ANY($1) ORDER BY day, district_id",
                &[&ids],
            )?
            .iter()
            .map(|r| StockRow {
                district: r.get(0),
                day: r.get(1),
                inflow: r.get(2),
                outflow: r.get(3),
                printed: r.get(4),
                closing: r.get(5),
            })
            .collect();
        data.stock_events = national_stock(&stock);
        data.outages = c
            .query(
                "SELECT district_id, first_day, last_day, cause, note FROM pantau.outage
                 WHERE district_id = ANY($1) ORDER BY first_day, district_id",
                &[&ids],
            )?
            .iter()
            .enumerate()
            .filter_map(|(i, r)| {
                Some(Outage {
                    id: Some(i as i64 + 1),
                    first_day: r.get(1),
                    last_day: r.get(2),
                    units: vec![UnitId::from(r.get::<_, i32>(0))],
                    cause: OutageCause::parse(r.get(3))?,
                    note: r.get(4),
                })
            })
            .collect();
        data.season_factors = c
            .query(
                "SELECT DISTINCT first_day, last_day, factor, name FROM pantau.season
                 WHERE district_id = ANY($1) ORDER BY first_day",
                &[&ids],
            )?
            .iter()
            .enumerate()
            .map(|(i, r)| SeasonFactor {
                id: Some(i as i64 + 1),
                first_day: r.get(0),
                last_day: r.get(1),
                factor: r.get(2),
                name: r.get(3),
            })
            .collect();
        data.planned_deliveries = c
            .query(
                "SELECT planned_on, expected_on, quantity, note FROM pantau.delivery
                 WHERE district_id = ANY($1) ORDER BY expected_on, district_id",
                &[&ids],
            )?
            .iter()
            .enumerate()
            .map(|(i, r)| PlannedDelivery {
                id: Some(i as i64 + 1),
                planned_on: r.get(0),
                expected_on: r.get(1),
                quantity: r.get::<_, i64>(2) as u64,
                note: r.get(3),
            })
            .collect();
        Ok(data)
    }
}

impl DataSource for HubSource {
    type Error = HubError;

    fn dataset(&self) -> Result<Arc<Dataset>, HubError> {
        let revision = self.current_revision()?;
        let mut cached = self.cached.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((at, data)) = cached.as_ref()
            && *at == revision
        {
            return Ok(Arc::clone(data));
        }
        let data = Arc::new(self.read()?);
        *cached = Some((revision, Arc::clone(&data)));
        Ok(data)
    }

    fn revision(&self) -> Result<(i64, u64), HubError> {
        self.current_revision()
    }

    fn origin(&self) -> Origin {
        Origin::Hub {
            url: self.url.shown().to_string(),
            province: self.only_province.clone(),
        }
    }
}

/// One day of one district's stock card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct StockRow {
    pub district: i32,
    pub day: NaiveDate,
    pub inflow: i64,
    pub outflow: i64,
    pub printed: i64,
    /// `None` while the district's stock is unknown.
    pub closing: Option<i64>,
}

/// Stock events whose card, with every district's printing, closes each day at the sum of the
/// closing balances of the districts whose stock is known: a count at the start of each day
/// with a movement (the known districts' opening balances, plus what the districts with
/// unknown stock print, so that their printing takes nothing from the others), then the day's
/// receipts and blanks gone out. Nothing before any district's stock is known.
pub(super) fn national_stock(rows: &[StockRow]) -> Vec<StockEvent> {
    let mut last: BTreeMap<i32, i64> = BTreeMap::new();
    let mut carried: i64 = 0;
    let mut events = Vec::new();
    let mut id = 0i64;
    let mut event = |events: &mut Vec<StockEvent>, day, kind, quantity: i64| {
        id += 1;
        events.push(StockEvent {
            id: Some(id),
            date: day,
            kind,
            quantity: quantity.max(0) as u64,
            document: String::new(),
            counterparty: String::new(),
            note: String::new(),
        });
    };
    let mut i = 0;
    while i < rows.len() {
        let day = rows[i].day;
        let end = rows[i..]
            .iter()
            .position(|r| r.day != day)
            .map_or(rows.len(), |n| i + n);
        let mut start = carried;
        let (mut inflow, mut outflow) = (0, 0);
        for r in &rows[i..end] {
            match r.closing {
                Some(closing) => {
                    start -= last.get(&r.district).copied().unwrap_or(0);
                    start += closing + r.printed - r.inflow + r.outflow;
                    inflow += r.inflow;
                    outflow += r.outflow;
                }
                None => start += r.printed,
            }
        }
        for r in &rows[i..end] {
            if let Some(closing) = r.closing {
                carried += closing - last.get(&r.district).copied().unwrap_or(0);
                last.insert(r.district, closing);
            }
        }
        if !last.is_empty() {
            event(&mut events, day, StockEventKind::Count, start);
            if inflow > 0 {
                event(&mut events, day, StockEventKind::Receipt, inflow);
            }
            if outflow > 0 {
                event(&mut events, day, StockEventKind::Spoiled, outflow);
            }
        }
        i = end;
    }
    events
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::stock::StockCard;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2016, 10, day).unwrap()
    }

    #[test]
    fn the_national_card_closes_at_the_sum_of_the_known_districts() {
        // District 1 known from the 3rd; district 2 unknown until its receipt on the 5th,
        // printing before that; district 1 counts its stock on the 6th (a loss of 7).
        let rows = [
            StockRow {
                district: 1,
                day: d(3),
                inflow: 100,
                outflow: 0,
                printed: 10,
                closing: Some(90),
            },
            StockRow {
                district: 2,
                day: d(4),
                inflow: 0,
                outflow: 0,
                printed: 5,
                closing: None,
            },
            StockRow {
                district: 1,
                day: d(4),
                inflow: 0,
                outflow: 2,
                printed: 8,
                closing: Some(80),
            },
            StockRow {
                district: 2,
                day: d(5),
                inflow: 50,
                outflow: 0,
                printed: 4,
                closing: Some(46),
            },
            StockRow {
                district: 1,
                day: d(6),
                inflow: 0,
                outflow: 0,
                printed: 3,
                closing: Some(70),
            },
        ];
        let events = national_stock(&rows);
        let mut printed = BTreeMap::new();
        for r in &rows {
            *printed.entry(r.day).or_insert(0u64) += r.printed as u64;
        }
        let card = StockCard::new(&events, &printed);
        assert_eq!(card.balance_at_end_of(d(3)), Some(90));
        assert_eq!(card.balance_at_end_of(d(4)), Some(80));
        assert_eq!(card.balance_at_end_of(d(5)), Some(80 + 46));
        assert_eq!(card.balance_at_end_of(d(6)), Some(70 + 46));
    }
}

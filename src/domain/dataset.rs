//! Everything one database holds, in memory: what the rules judge and the summaries read.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::stock::StockCard;
use super::{
    Calendar, CountField, Counts, DailyReport, Deadline, Office, OpeningBalance, Outage,
    PlannedDelivery, PrrBaseline, PrrCounts, PrrOpening, SeasonFactor, StockEvent, Target, Unit,
    UnitId,
};

/// The office's settings, stored in the database: the outlier rule, the forecast, the coverage
/// bands.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// A value above this many times the unit's recent median is an outlier.
    pub outlier_factor: f64,
    /// How many working days before the report make up the "recent" median.
    pub outlier_window_days: usize,
    /// Optional fixed maximum per field and day; a value above it is an outlier.
    pub max_daily: BTreeMap<CountField, u64>,
    /// Working days with reports in the forecast's history window.
    pub forecast_window_days: usize,
    /// Monte Carlo trials of one forecast.
    pub forecast_trials: usize,
    /// Coverage below this percentage is poor (kurang).
    pub coverage_poor_below: f64,
    /// Coverage above this percentage is good (baik); in between is adequate (cukup).
    pub coverage_good_above: f64,
    /// Whether the office counts the centre's stage (PRR, DUP, Efac) every day: the entry grid
    /// shows their columns and a report after a unit's PRR start must carry them.
    pub counts_prr: bool,
    /// Whether the entry grid takes each unit's totals to date ("s.d. hari ini", as SIAK's
    /// monitoring page shows them) instead of the day's counts; the day's are stored.
    pub cumulative_entry: bool,
    /// Blanks at or under this many: time to ask the centre for more (1.000 sheets in Central
    /// Kalimantan's practice).
    pub reorder_threshold: u64,
    /// Working days a delivery of blanks takes from the request.
    pub reorder_lead_days: usize,
    /// Working days of printing the request adds to the PRR waiting.
    pub request_buffer_days: usize,
    /// The request is rounded up to a multiple of this.
    pub request_round_to: u64,
    /// The request letter's letterhead and signature.
    pub letterhead: Letterhead,
}

/// What the office's letters carry: its address and city, who signs, with title and NIP.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Letterhead {
    /// The government above the office, e.g. "PEMERINTAH KABUPATEN SAMPANG".
    pub government: String,
    pub address: String,
    pub city: String,
    pub head_title: String,
    pub head_name: String,
    pub head_nip: String,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            outlier_factor: 3.0,
            outlier_window_days: 20,
            max_daily: BTreeMap::new(),
            forecast_window_days: 60,
            forecast_trials: 10_000,
            coverage_poor_below: 80.0,
            coverage_good_above: 90.0,
            counts_prr: false,
            cumulative_entry: false,
            reorder_threshold: 1_000,
            reorder_lead_days: 20,
            request_buffer_days: 20,
            request_round_to: 1_000,
            letterhead: Letterhead::default(),
        }
    }
}

/// Where a coverage percentage falls in the office's bands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CoverageBand {
    /// Below the lower bound (kurang).
    Poor,
    /// Between the bounds (cukup).
    Adequate,
    /// Above the upper bound (baik).
    Good,
}

impl Settings {
    pub fn coverage_band(&self, pct: f64) -> CoverageBand {
        if pct < self.coverage_poor_below {
            CoverageBand::Poor
        } else if pct > self.coverage_good_above {
            CoverageBand::Good
        } else {
            CoverageBand::Adequate
        }
    }
}

/// What a dataset's units are: an office's kecamatan (and its own district office), or the
/// districts a province's hub rolls up.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum UnitLevel {
    #[default]
    Kecamatan,
    District,
}

#[derive(Debug, Clone)]
pub struct Dataset {
    pub office: Office,
    /// What the units are: kecamatan, or a hub's districts.
    pub level: UnitLevel,
    pub units: Vec<Unit>,
    pub reports: BTreeMap<(UnitId, NaiveDate), DailyReport>,
    /// Reports an import stored with an outlier and no note, waiting for a note.
    pub unexplained: BTreeSet<(UnitId, NaiveDate)>,
    pub targets: Vec<Target>,
    pub deadlines: Vec<Deadline>,
    pub openings: BTreeMap<UnitId, OpeningBalance>,
    /// Where a unit's cumulative PRR, DUP and Efac are taken up (see [`Dataset::prr_baseline`]).
    pub prr_openings: BTreeMap<UnitId, PrrOpening>,
    pub calendar: Calendar,
    pub stock_events: Vec<StockEvent>,
    pub planned_deliveries: Vec<PlannedDelivery>,
    pub season_factors: Vec<SeasonFactor>,
    pub outages: Vec<Outage>,
    pub settings: Settings,
}

/// The national e-KTP recording programme began in 2011: no office's figures start earlier.
pub const PROGRAMME_START: NaiveDate = NaiveDate::from_ymd_opt(2011, 1, 1).unwrap();

/// What the description of the illustrative data says about itself (see `demo`).
pub const ILLUSTRATIVE_MARK: &str = "DATA ILUSTRASI";

/// Compares unit names the way a clerk means them: case and spacing do not matter.
pub fn normalize_name(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl Dataset {
    pub fn empty(office: Office) -> Dataset {
        Dataset {
            office,
            level: UnitLevel::Kecamatan,
            units: Vec::new(),
            reports: BTreeMap::new(),
            unexplained: BTreeSet::new(),
            targets: Vec::new(),
            deadlines: Vec::new(),
            openings: BTreeMap::new(),
            prr_openings: BTreeMap::new(),
            calendar: Calendar::default(),
            stock_events: Vec::new(),
            planned_deliveries: Vec::new(),
            season_factors: Vec::new(),
            outages: Vec::new(),
            settings: Settings::default(),
        }
    }

    pub fn unit(&self, id: UnitId) -> Option<&Unit> {
        self.units.iter().find(|u| u.id == id)
    }

    /// The unit's name, or its id where the unit is missing (only in a damaged database).
    pub fn unit_name(&self, id: UnitId) -> String {
        self.unit(id)
            .map(|u| u.name.clone())
            .unwrap_or_else(|| format!("unit #{id}"))
    }

    /// Finds a unit by name, ignoring case and extra spaces.
    pub fn unit_by_name(&self, name: &str) -> Option<&Unit> {
        let wanted = normalize_name(name);
        self.units
            .iter()
            .find(|u| normalize_name(&u.name) == wanted)
    }

    /// Finds a unit by name, or says which units there are.
    pub fn find_unit(&self, name: &str) -> Result<&Unit, super::RuleViolation> {
        self.unit_by_name(name)
            .ok_or_else(|| super::RuleViolation::UnknownUnit {
                name: super::rules::quoted(name.trim()),
                known: self.units.iter().map(|u| u.name.clone()).collect(),
            })
    }

    /// Reports of one unit, oldest first.
    pub fn reports_of(&self, unit: UnitId) -> impl Iterator<Item = &DailyReport> {
        self.reports
            .range((unit, NaiveDate::MIN)..=(unit, NaiveDate::MAX))
            .map(|(_, r)| r)
    }

    /// Stores a report in memory, replacing the one for the same unit and date.
    pub fn put_report(&mut self, report: DailyReport) -> Option<DailyReport> {
        self.reports.insert((report.unit_id, report.date), report)
    }

    /// Cumulative counts of a unit through `as_of`, opening balance included.
    pub fn totals(&self, unit: UnitId, as_of: NaiveDate) -> Counts {
        let mut totals = self
            .openings
            .get(&unit)
            .filter(|o| o.as_of <= as_of)
            .map(|o| o.counts)
            .unwrap_or_default();
        for report in self.reports_of(unit).take_while(|r| r.date <= as_of) {
            totals.add(&report.counts);
        }
        totals
    }

    /// Where the unit's cumulative PRR starts: its PRR opening; else, for a unit without opening
    /// totals, zero before its first report; else unknown (`None`): its opening totals say
    /// nothing of PRR.
    pub fn prr_baseline(&self, unit: UnitId) -> Option<PrrBaseline> {
        if let Some(opening) = self.prr_openings.get(&unit) {
            return Some(PrrBaseline {
                as_of: Some(opening.as_of),
                counts: opening.counts,
            });
        }
        if self.openings.contains_key(&unit) {
            return None;
        }
        Some(PrrBaseline {
            as_of: None,
            counts: PrrCounts::default(),
        })
    }

    /// The unit's cumulative PRR, DUP, Efac and retaken through `as_of`; `None` while unknown:
    /// no baseline, a date before it, or a report since it without the day's figures.
    pub fn prr_totals(&self, unit: UnitId, as_of: NaiveDate) -> Option<PrrCounts> {
        let baseline = self.prr_baseline(unit)?;
        if baseline.as_of.is_some_and(|start| as_of < start) {
            return None;
        }
        let mut totals = baseline.counts;
        for report in self.reports_of(unit).take_while(|r| r.date <= as_of) {
            if baseline.covers(report.date) {
                totals.add(report.prr.as_ref()?);
            }
        }
        Some(totals)
    }

    /// All units' cumulative PRR, DUP, Efac and retaken at the close of each of `dates`
    /// (ascending); `None` on a date where any unit's is unknown. One pass over each unit's
    /// reports.
    pub fn prr_totals_by_day(&self, dates: &[NaiveDate]) -> Vec<Option<PrrCounts>> {
        let mut out: Vec<Option<PrrCounts>> = vec![Some(PrrCounts::default()); dates.len()];
        for unit in &self.units {
            let baseline = self.prr_baseline(unit.id);
            let reports: Vec<&DailyReport> = self.reports_of(unit.id).collect();
            let mut next = 0;
            let mut running = baseline.map(|b| b.counts);
            for (slot, date) in out.iter_mut().zip(dates) {
                while next < reports.len() && reports[next].date <= *date {
                    let report = reports[next];
                    if baseline.is_some_and(|b| b.covers(report.date)) {
                        running = match (running, report.prr) {
                            (Some(mut sum), Some(day)) => {
                                sum.add(&day);
                                Some(sum)
                            }
                            _ => None,
                        };
                    }
                    next += 1;
                }
                let before_start = baseline.and_then(|b| b.as_of).is_some_and(|s| *date < s);
                *slot = match (*slot, running) {
                    (Some(mut sum), Some(unit)) if !before_start => {
                        sum.add(&unit);
                        Some(sum)
                    }
                    _ => None,
                };
            }
        }
        out
    }

    /// Residents of the unit who must hold an e-KTP, per the target in force on `as_of`.
    pub fn wajib_ktp(&self, unit: UnitId, as_of: NaiveDate) -> Option<u64> {
        self.targets
            .iter()
            .filter(|t| t.unit_id == unit && t.effective_from <= as_of)
            .max_by_key(|t| t.effective_from)
            .map(|t| t.wajib_ktp)
    }

    /// The deadline of the latest decision taken on or before `date`.
    pub fn deadline_in_force(&self, date: NaiveDate) -> Option<&Deadline> {
        self.deadlines
            .iter()
            .filter(|d| d.decided_on <= date)
            .max_by_key(|d| d.decided_on)
    }

    /// Cards printed per day with a report, all units together.
    pub fn printed_by_day(&self) -> BTreeMap<NaiveDate, u64> {
        self.totals_by_day()
            .into_iter()
            .map(|(date, counts)| (date, counts.printed))
            .collect()
    }

    /// Every unit's counts summed per day with a report, in one pass over the reports.
    pub fn totals_by_day(&self) -> BTreeMap<NaiveDate, Counts> {
        use chrono::Datelike;
        // Summed in an array over the days: every save judges the stock and builds the
        // forecast history, and a map lookup (or a sort) per report is most of that work in a
        // large office.
        const MAX_SPAN: usize = 40_000;
        let mut first: Option<i32> = None;
        let mut days: Vec<Option<Counts>> = Vec::new();
        for report in self.reports.values() {
            let day = report.date.num_days_from_ce();
            let start = *first.get_or_insert(day);
            if day < start {
                let shift = (start - day) as usize;
                if days.len() + shift > MAX_SPAN {
                    return self.totals_by_day_sparse();
                }
                days.splice(0..0, std::iter::repeat_n(None, shift));
                first = Some(day);
            }
            let index = (day - first.unwrap_or(day)) as usize;
            if index >= days.len() {
                if index >= MAX_SPAN {
                    return self.totals_by_day_sparse();
                }
                days.resize(index + 1, None);
            }
            days[index].get_or_insert_default().add(&report.counts);
        }
        let Some(first) = first.and_then(NaiveDate::from_num_days_from_ce_opt) else {
            return BTreeMap::new();
        };
        days.into_iter()
            .enumerate()
            .filter_map(|(offset, counts)| {
                Some((first + chrono::Days::new(offset as u64), counts?))
            })
            .collect()
    }

    /// [`Dataset::totals_by_day`] for reports centuries apart.
    fn totals_by_day_sparse(&self) -> BTreeMap<NaiveDate, Counts> {
        let mut out: BTreeMap<NaiveDate, Counts> = BTreeMap::new();
        for report in self.reports.values() {
            out.entry(report.date).or_default().add(&report.counts);
        }
        out
    }

    pub fn stock_card(&self) -> StockCard {
        StockCard::new(&self.stock_events, &self.printed_by_day())
    }

    /// The seasonal factor of a day: the product of the periods that contain it (1 outside).
    pub fn season_factor(&self, date: NaiveDate) -> f64 {
        self.season_factors
            .iter()
            .filter(|s| s.first_day <= date && date <= s.last_day)
            .map(|s| s.factor)
            .product()
    }

    /// The first day the office reports for: its first daily report, or the day after its
    /// first opening balance (the totals at the close of that day). Days before it are not
    /// missing; nothing was expected then.
    pub fn reporting_start(&self) -> Option<NaiveDate> {
        // Each unit's reports are ordered by date: its first is one lookup away.
        let first_report = self
            .units
            .iter()
            .filter_map(|u| self.reports_of(u.id).next().map(|r| r.date))
            .min();
        let first_opening = self
            .openings
            .values()
            .map(|o| o.as_of)
            .min()
            .and_then(|d| d.succ_opt());
        match (first_report, first_opening) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// The illustrative Sampang reconstruction, not a real office's data.
    pub fn is_illustrative(&self) -> bool {
        self.office.description.contains(ILLUSTRATIVE_MARK)
    }

    /// The day the entry screen opens on: the last working day on or before today. The
    /// illustrative data stops in 2017, so it opens on its own last day instead.
    pub fn default_entry_date(&self, today: NaiveDate) -> NaiveDate {
        let day = match self.last_activity() {
            Some(last) if self.is_illustrative() => last.min(today),
            _ => today,
        };
        self.calendar.last_working_day_through(day)
    }

    /// Where the office's data begins: its earliest opening balance, report or stock event;
    /// [`PROGRAMME_START`] while there is none. A target or a deadline entered without a date
    /// is in force from here, so that back-data has one.
    pub fn start_of_data(&self) -> NaiveDate {
        let opening = self.openings.values().map(|o| o.as_of).min();
        let report = self.reports.values().map(|r| r.date).min();
        let event = self.stock_events.iter().map(|e| e.date).min();
        [opening, report, event]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(PROGRAMME_START)
    }

    /// The latest date with a report or a stock event.
    pub fn last_activity(&self) -> Option<NaiveDate> {
        let last_report = self.reports.values().map(|r| r.date).max();
        let last_event = self.stock_events.iter().map(|e| e.date).max();
        last_report.max(last_event)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_by_day_sums_every_unit_whatever_order_the_dates_come_in() {
        let mut data = Dataset::empty(Office {
            name: "Uji".to_string(),
            description: String::new(),
        });
        let day = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap();
        let put = |data: &mut Dataset, unit: UnitId, date: &str, printed: u64| {
            data.put_report(crate::domain::DailyReport {
                unit_id: unit,
                date: day(date),
                counts: Counts {
                    printed,
                    ..Counts::default()
                },
                server_ok: true,
                note: String::new(),
                prr: None,
            });
        };
        // Unit 2's dates start before unit 1's, so the days are extended at the front.
        put(&mut data, 1, "2016-10-05", 3);
        put(&mut data, 1, "2016-10-07", 0);
        put(&mut data, 2, "2016-09-30", 4);
        put(&mut data, 2, "2016-10-05", 5);
        let expected: BTreeMap<NaiveDate, u64> = [
            (day("2016-09-30"), 4),
            (day("2016-10-05"), 8),
            (day("2016-10-07"), 0),
        ]
        .into_iter()
        .collect();
        assert_eq!(data.printed_by_day(), expected);
        // Centuries apart: the same sums, from a map.
        put(&mut data, 3, "1900-01-01", 1);
        let mut far = expected.clone();
        far.insert(day("1900-01-01"), 1);
        assert_eq!(data.printed_by_day(), far);
    }

    #[test]
    fn coverage_bands_follow_the_settings() {
        let settings = Settings::default();
        assert_eq!(settings.coverage_band(79.9), CoverageBand::Poor);
        assert_eq!(settings.coverage_band(80.0), CoverageBand::Adequate);
        assert_eq!(settings.coverage_band(90.0), CoverageBand::Adequate);
        assert_eq!(settings.coverage_band(90.1), CoverageBand::Good);
    }
}

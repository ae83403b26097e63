//! What the forecast knows on an as-of date, cut from the district's daily history.
//!
//! [`History`] is built once from a [`Dataset`]; [`History::inputs`] then cuts the inputs of any
//! as-of date cheaply, which the slip history does for every working day.

use chrono::{Months, NaiveDate};

use crate::domain::stock::StockCard;
use crate::domain::{Dataset, StockEventKind};

/// How far ahead the forecast looks before it calls a milestone unreachable.
pub const HORIZON_YEARS: u32 = 10;

/// One working day of the district (all units together).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Day {
    pub date: NaiveDate,
    /// Whether any unit reported that day; days nobody reported say nothing about throughput.
    pub reported: bool,
    pub recorded: f64,
    pub sent: f64,
    pub printed: f64,
    /// Cumulative totals at the end of the day, opening balances included.
    pub total_recorded: u64,
    pub total_sent: u64,
    pub total_printed: u64,
    /// Blanks in stock at the end of the day, where known.
    pub stock: Option<i64>,
    /// Blanks received from the centre that day.
    pub receipts: u64,
    pub factor: f64,
    /// All units' cumulative PRR, DUP, Efac and retaken at the end of the day, where every
    /// unit's is known.
    pub centre: Option<crate::domain::PrrCounts>,
}

/// A future working day and its seasonal factor.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FutureDay {
    pub date: NaiveDate,
    pub factor: f64,
}

/// The district's history and calendar, ready to be cut at any as-of date.
#[derive(Debug, Clone)]
pub struct History {
    days: Vec<Day>,
    /// Activity reported on weekends and holidays, by date: it counts towards the next working
    /// day's throughput, and towards the totals of any as-of date on or after it.
    rest: Vec<(NaiveDate, [u64; 3])>,
    future: Vec<FutureDay>,
    deadlines: Vec<(NaiveDate, NaiveDate)>,
    targets: Vec<(NaiveDate, u64)>,
    planned: Vec<(NaiveDate, NaiveDate, u64)>,
    /// Digest of the calendar, the seasonal factors and the targets: part of every data version.
    pub(super) digest: u64,
}

/// What the forecast uses on one as-of date.
#[derive(Debug, Clone, PartialEq)]
pub struct Inputs {
    pub as_of: NaiveDate,
    pub wajib_ktp: u64,
    pub recorded: u64,
    pub sent: u64,
    pub printed: u64,
    pub stock: Option<i64>,
    /// First day of the stockout that is still going on at the as-of date, if one is.
    pub stockout_since: Option<NaiveDate>,
    pub deadline: Option<NaiveDate>,
    /// The window: working days with reports, oldest first.
    pub window: Vec<Day>,
    /// Cards printed on days when neither blanks nor records were short: the print capacity.
    pub print_capacity: Vec<f64>,
    /// Whether no such day was found and `print_capacity` is what was printed on days that
    /// printed all they could: then the station can do at least that, and its capacity is not
    /// what holds printing back.
    pub capacity_unseen: bool,
    pub receipts_per_day: f64,
    /// Deliveries announced by the as-of date and expected after it.
    pub planned: Vec<(NaiveDate, u64)>,
    /// Working days after the as-of date, up to the horizon.
    pub future: Vec<FutureDay>,
    /// Dates on which the milestones were reached, if they were by the as-of date.
    pub recording_reached: Option<NaiveDate>,
    pub printing_reached: Option<NaiveDate>,
    /// How the rates of this office have moved away from their recent average before: see
    /// [`Drift`].
    pub drift: Drift,
    /// The centre's check between sending and print-ready, where the office counts it: see
    /// [`PrrStage`].
    pub prr: Option<PrrStage>,
}

/// The wait from sent to print-ready (PRR) as the office's own history shows it. A record sent
/// to the centre is checked there after a delay; it becomes PRR, or leaves the pipeline as DUP
/// or Efac. Printing can only take PRR. Known where every unit's stage is known on the as-of
/// date and on at least [`super::MIN_WINDOW_DAYS`] days of the window.
#[derive(Debug, Clone, PartialEq)]
pub struct PrrStage {
    /// Cumulative PRR at the end of the as-of date.
    pub prr: u64,
    /// The share of checked records that became PRR over the window (the rest were DUP or
    /// Efac).
    pub yield_share: f64,
    /// Working days from sending to the check, one per window day with the stage: how far the
    /// checked total lagged behind the sent total on that day (first in, first out).
    pub lags: Vec<u32>,
    /// Records sent but not yet checked on the as-of date, by age: `(working days since they
    /// were sent, records)`, youngest first.
    pub queue: Vec<(u32, f64)>,
    /// PRR reached per working day with reports, on average over the window.
    pub per_day: f64,
}

impl PrrStage {
    /// Records sent and not yet checked on the as-of date.
    pub fn waiting(&self) -> f64 {
        self.queue.iter().map(|(_, amount)| amount).sum()
    }
}

impl PrrStage {
    /// The stage on the last of `days` (working days up to the as-of date, oldest first), learnt
    /// from the `window` (its days' dates).
    fn of(days: &[Day], window: &[Day]) -> Option<PrrStage> {
        let today = days.last()?;
        let centre = today.centre?;
        let checked = |c: &crate::domain::PrrCounts| c.prr + c.rejected();
        let mut lags = Vec::new();
        let mut first: Option<crate::domain::PrrCounts> = None;
        let mut last: Option<crate::domain::PrrCounts> = None;
        for day in window {
            let Some(c) = day.centre else { continue };
            let i = days.partition_point(|d| d.date < day.date);
            // The first day on which as many had been sent as had been checked by this day.
            let s = days[..=i.min(days.len() - 1)].partition_point(|d| d.total_sent < checked(&c));
            if s == 0 {
                // As many had been sent on the first day of the history: the lag is longer
                // than the history shows (nothing checked yet, say), so it says nothing.
                continue;
            }
            lags.push((i.saturating_sub(s)) as u32);
            first.get_or_insert(c);
            last = Some(c);
        }
        if lags.len() < super::MIN_WINDOW_DAYS {
            return None;
        }
        let (first, last) = (first?, last?);
        let per_day = last.prr.saturating_sub(first.prr) as f64 / (lags.len() - 1) as f64;
        let (d_prr, d_checked) = (
            last.prr.saturating_sub(first.prr),
            checked(&last).saturating_sub(checked(&first)),
        );
        let yield_share = if d_checked > 0 {
            d_prr as f64 / d_checked as f64
        } else if checked(&centre) > 0 {
            centre.prr as f64 / checked(&centre) as f64
        } else {
            1.0
        };
        let mut waiting = today.total_sent.saturating_sub(checked(&centre)) as f64;
        let mut queue = Vec::new();
        for (age, day) in days.iter().rev().enumerate() {
            if waiting <= 0.0 {
                break;
            }
            let amount = day.sent.min(waiting);
            if amount > 0.0 {
                queue.push((age as u32, amount));
                waiting -= amount;
            }
        }
        if waiting > 0.0 {
            // Sent before the history began (opening totals): the oldest of all.
            queue.push((days.len() as u32, waiting));
        }
        Some(PrrStage {
            prr: centre.prr,
            yield_share: yield_share.clamp(0.0, 1.0),
            lags,
            queue,
            per_day,
        })
    }
}

/// Working days over which a rate's drift is measured.
pub const DRIFT_SPAN: usize = 60;

/// Fewest past periods before the drift is used at all.
pub const MIN_DRIFT_PERIODS: usize = 20;

/// How far the office's daily rates moved from one period to the next in its own history up to
/// the as-of date — a season, an outage, blanks arriving, the pool of residents running dry —
/// beyond what day-to-day noise explains. For each past working day with a window before it
/// and [`DRIFT_SPAN`] working days after it: the log of the mean rate over those days over the
/// mean over the window, for recording, sending and printing; centred on their median, and
/// shrunk by the share of their spread that day-to-day noise would give anyway (so steady rates
/// give none). Each trial of the forecast takes one past period's deviations, so a forecast is
/// as uncertain as this office's rates have been.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Drift {
    /// `[recorded, sent, printed]` deviations of the log-rate, one row per past period.
    pub periods: Vec<[f64; 3]>,
}

impl Drift {
    /// The drift of `days` (working days up to the as-of date, oldest first).
    fn of(days: &[Day], window_days: usize) -> Drift {
        let reported: Vec<&Day> = days.iter().filter(|d| d.reported).collect();
        let n = reported.len();
        let window = window_days.max(1);
        if n < super::MIN_WINDOW_DAYS + DRIFT_SPAN {
            return Drift::default();
        }
        let value = |d: &Day, stage: usize| {
            let v = match stage {
                0 => d.recorded,
                1 => d.sent,
                _ => d.printed,
            };
            v / d.factor
        };
        // Prefix sums of each stage's de-seasonalized value over reported days.
        let mut sums = vec![[0.0f64; 3]; n + 1];
        for (i, d) in reported.iter().enumerate() {
            let previous = sums[i];
            sums[i + 1] = std::array::from_fn(|stage| previous[stage] + value(d, stage));
        }
        let mean = |from: usize, to: usize, stage: usize| {
            (sums[to][stage] - sums[from][stage]) / (to - from).max(1) as f64
        };
        let mut logs: Vec<[f64; 3]> = Vec::new();
        for t in super::MIN_WINDOW_DAYS..=n - DRIFT_SPAN {
            let past = t.saturating_sub(window);
            logs.push(std::array::from_fn(|stage| {
                // One a day keeps a stopped stage's ratio finite; a stop is then a fall to a
                // twentieth at most.
                let before = mean(past, t, stage) + 1.0;
                let after = mean(t, t + DRIFT_SPAN, stage) + 1.0;
                (after / before).ln().clamp(-3.0, 3.0)
            }));
        }
        if logs.len() < MIN_DRIFT_PERIODS {
            return Drift::default();
        }
        let count = logs.len() as f64;
        let recent = &reported[n.saturating_sub(window)..];
        let mut shrink = [0.0f64; 3];
        let mut centre = [0.0f64; 3];
        for stage in 0..3 {
            // The median, so a trial's rate is as often above as below the window's.
            let mut sorted: Vec<f64> = logs.iter().map(|l| l[stage]).collect();
            sorted.sort_by(f64::total_cmp);
            centre[stage] = sorted[sorted.len() / 2];
            let spread = logs
                .iter()
                .map(|l| (l[stage] - centre[stage]).powi(2))
                .sum::<f64>()
                / count;
            // Day-to-day noise alone gives the log of a ratio of two means this variance.
            let values: Vec<f64> = recent.iter().map(|d| value(d, stage)).collect();
            let m = values.iter().sum::<f64>() / values.len() as f64;
            let noise = if m > 0.0 {
                let var = values.iter().map(|v| (v - m).powi(2)).sum::<f64>() / values.len() as f64;
                var / (m * m) * (1.0 / DRIFT_SPAN as f64 + 1.0 / values.len() as f64)
            } else {
                0.0
            };
            shrink[stage] = if spread > 0.0 {
                ((spread - noise).max(0.0) / spread).sqrt()
            } else {
                0.0
            };
        }
        Drift {
            periods: logs
                .iter()
                .map(|l| std::array::from_fn(|stage| (l[stage] - centre[stage]) * shrink[stage]))
                .collect(),
        }
    }
}

/// A deterministic 64-bit digest (FNV-1a): the same on every machine and every run.
#[derive(Debug, Clone, Copy)]
pub struct Digest(u64);

impl Digest {
    pub fn new() -> Digest {
        Digest(0xcbf2_9ce4_8422_2325)
    }
    pub fn bytes(mut self, bytes: &[u8]) -> Digest {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self
    }
    pub fn u64(self, value: u64) -> Digest {
        self.bytes(&value.to_le_bytes())
    }
    pub fn f64(self, value: f64) -> Digest {
        self.u64(value.to_bits())
    }
    pub fn date(self, date: NaiveDate) -> Digest {
        self.bytes(date.to_string().as_bytes())
    }
    pub fn finish(self) -> u64 {
        self.0
    }
}

impl Default for Digest {
    fn default() -> Self {
        Digest::new()
    }
}

impl History {
    pub fn new(data: &Dataset) -> History {
        // Every unit's reports summed per day in one pass: no sort of all the reports.
        let by_day = data.totals_by_day();
        let first = by_day
            .keys()
            .next()
            .copied()
            .into_iter()
            .chain(data.openings.values().map(|o| o.as_of))
            .chain(data.stock_events.iter().map(|e| e.date))
            .min();
        let last = by_day
            .keys()
            .next_back()
            .copied()
            .into_iter()
            .chain(data.stock_events.iter().map(|e| e.date))
            .max();
        let (Some(first), Some(last)) = (first, last) else {
            return History::empty(data);
        };
        let printed: std::collections::BTreeMap<NaiveDate, u64> =
            by_day.iter().map(|(date, c)| (*date, c.printed)).collect();
        let card = StockCard::new(&data.stock_events, &printed);
        let mut days: Vec<Day> = Vec::new();
        let mut totals = [0u64; 3];
        // Activity on a weekend or holiday counts towards the next working day.
        let mut pending = [0u64; 3];
        let mut pending_reported = false;
        let mut pending_receipts = 0u64;
        let mut openings: Vec<_> = data.openings.values().collect();
        openings.sort_by_key(|o| o.as_of);
        let mut opening_index = 0;
        let mut receipts_by_day: std::collections::BTreeMap<NaiveDate, u64> = Default::default();
        let mut rest: Vec<(NaiveDate, [u64; 3])> = Vec::new();
        for event in &data.stock_events {
            if event.kind == StockEventKind::Receipt {
                *receipts_by_day.entry(event.date).or_default() += event.quantity;
            }
        }
        for date in first.iter_days().take_while(|d| *d <= last) {
            while opening_index < openings.len() && openings[opening_index].as_of <= date {
                let c = &openings[opening_index].counts;
                totals[0] += c.recorded;
                totals[1] += c.sent_to_central;
                totals[2] += c.printed;
                opening_index += 1;
            }
            if let Some(c) = by_day.get(&date) {
                pending[0] += c.recorded;
                pending[1] += c.sent_to_central;
                pending[2] += c.printed;
                pending_reported = true;
                if !data.calendar.is_working_day(date) {
                    rest.push((date, [c.recorded, c.sent_to_central, c.printed]));
                }
            }
            pending_receipts += receipts_by_day.get(&date).copied().unwrap_or(0);
            if !data.calendar.is_working_day(date) {
                continue;
            }
            for i in 0..3 {
                totals[i] += pending[i];
            }
            days.push(Day {
                date,
                reported: pending_reported,
                recorded: pending[0] as f64,
                sent: pending[1] as f64,
                printed: pending[2] as f64,
                total_recorded: totals[0],
                total_sent: totals[1],
                total_printed: totals[2],
                stock: card.balance_at_end_of(date),
                receipts: pending_receipts,
                factor: data.season_factor(date),
                centre: None,
            });
            pending = [0; 3];
            pending_reported = false;
            pending_receipts = 0;
        }
        // The centre's stage where the office counts it (activity on a rest day counts at the
        // next working day, as above: the totals at its close include it).
        if data.reports.values().any(|r| r.prr.is_some()) {
            let dates: Vec<NaiveDate> = days.iter().map(|d| d.date).collect();
            for (day, centre) in days.iter_mut().zip(data.prr_totals_by_day(&dates)) {
                day.centre = centre;
            }
        }
        let mut history = History::empty(data);
        history.future = future_days(data, first, last);
        history.days = days;
        history.rest = rest;
        history
    }

    fn empty(data: &Dataset) -> History {
        let mut targets: Vec<(NaiveDate, u64)> = Vec::new();
        let mut dates: Vec<NaiveDate> = data.targets.iter().map(|t| t.effective_from).collect();
        dates.sort();
        dates.dedup();
        for date in dates {
            let total = data
                .units
                .iter()
                .filter_map(|u| data.wajib_ktp(u.id, date))
                .sum();
            targets.push((date, total));
        }
        let mut digest = Digest::new();
        for holiday in data.calendar.holidays() {
            digest = digest.date(holiday.date);
        }
        for season in &data.season_factors {
            digest = digest
                .date(season.first_day)
                .date(season.last_day)
                .f64(season.factor);
        }
        for (date, total) in &targets {
            digest = digest.date(*date).u64(*total);
        }
        History {
            days: Vec::new(),
            rest: Vec::new(),
            future: Vec::new(),
            deadlines: data
                .deadlines
                .iter()
                .map(|d| (d.decided_on, d.deadline))
                .collect(),
            targets,
            planned: data
                .planned_deliveries
                .iter()
                .map(|p| (p.planned_on, p.expected_on, p.quantity))
                .collect(),
            digest: digest.finish(),
        }
    }

    /// Working days with history, oldest first.
    pub fn days(&self) -> &[Day] {
        &self.days
    }

    /// Working days from `from` to `to` (negative when `to` is earlier), on the calendar.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        let index = |date: NaiveDate| self.future.partition_point(|d| d.date < date) as i64;
        index(to) - index(from)
    }

    /// The working day `n` working days after `from` (before it when negative), on the
    /// calendar; `None` beyond the calendar's years.
    pub fn add_working_days(&self, from: NaiveDate, n: i64) -> Option<NaiveDate> {
        let index = self.future.partition_point(|d| d.date < from) as i64 + n;
        usize::try_from(index)
            .ok()
            .and_then(|i| self.future.get(i))
            .map(|d| d.date)
    }

    /// Total wajib KTP in force on `date`.
    pub fn wajib_ktp(&self, date: NaiveDate) -> u64 {
        self.targets
            .iter()
            .rev()
            .find(|(from, _)| *from <= date)
            .map(|(_, total)| *total)
            .unwrap_or(0)
    }

    pub fn deadline_in_force(&self, date: NaiveDate) -> Option<NaiveDate> {
        self.deadlines
            .iter()
            .filter(|(decided, _)| *decided <= date)
            .max_by_key(|(decided, _)| *decided)
            .map(|(_, deadline)| *deadline)
    }

    /// The inputs of a forecast made at the end of `as_of`, from the last `window_days` working
    /// days with reports.
    pub fn inputs(&self, as_of: NaiveDate, window_days: usize) -> Inputs {
        let end = self.days.partition_point(|d| d.date <= as_of);
        let today = end.checked_sub(1).map(|i| &self.days[i]);
        let mut window: Vec<Day> = self.days[..end]
            .iter()
            .rev()
            .filter(|d| d.reported)
            .take(window_days)
            .copied()
            .collect();
        window.reverse();
        let wajib_ktp = self.wajib_ktp(as_of);
        let capacity = |days: &[Day]| -> Vec<f64> {
            days.iter()
                .filter(|d| d.reported && d.stock.is_none_or(|s| s > 0))
                .filter(|d| match d.centre {
                    Some(c) => c.prr > d.total_printed,
                    None => d.total_sent > d.total_printed,
                })
                .map(|d| d.printed / d.factor)
                .collect()
        };
        let mut print_capacity = capacity(&window);
        if print_capacity.iter().all(|p| *p <= 0.0) {
            // Blanks ran out every day of the window: look further back for what a day with
            // blanks looked like.
            let start = end.saturating_sub(window_days * 4);
            print_capacity = capacity(&self.days[start..end]);
        }
        let capacity_unseen = print_capacity.iter().all(|p| *p <= 0.0);
        if capacity_unseen {
            // Every day printed all it could (no blanks, or nothing left to print): what it
            // printed is at least what the station can do.
            print_capacity = window.iter().map(|d| d.printed / d.factor).collect();
        }
        let receipts: u64 = window.iter().map(|d| d.receipts).sum();
        let prr = PrrStage::of(&self.days[..end], &window);
        let reached = |total: fn(&Day) -> u64| {
            (wajib_ktp > 0)
                .then(|| {
                    self.days[..end]
                        .iter()
                        .find(|d| total(d) >= wajib_ktp)
                        .map(|d| d.date)
                })
                .flatten()
        };
        let horizon_end = as_of
            .checked_add_months(Months::new(12 * HORIZON_YEARS))
            .unwrap_or(NaiveDate::MAX);
        let first_future = self.future.partition_point(|d| d.date <= as_of);
        let last_future = self.future.partition_point(|d| d.date <= horizon_end);
        // What was reported on rest days after the last working day, up to the as-of date
        // (Idul Fitri's cuti bersama, a weekend): in the totals, as the summary has it.
        let mut rest = [0u64; 3];
        let after = today.map(|d| d.date);
        for (_, counts) in self
            .rest
            .iter()
            .filter(|(date, _)| after.is_none_or(|a| *date > a) && *date <= as_of)
        {
            for (sum, value) in rest.iter_mut().zip(counts) {
                *sum += value;
            }
        }
        Inputs {
            as_of,
            wajib_ktp,
            recorded: today.map_or(0, |d| d.total_recorded) + rest[0],
            sent: today.map_or(0, |d| d.total_sent) + rest[1],
            printed: today.map_or(0, |d| d.total_printed) + rest[2],
            stock: today.and_then(|d| d.stock),
            stockout_since: self.days[..end]
                .iter()
                .rev()
                .take_while(|d| d.stock.is_some_and(|s| s <= 0))
                .last()
                .map(|d| d.date),
            deadline: self.deadline_in_force(as_of),
            receipts_per_day: if window.is_empty() {
                0.0
            } else {
                receipts as f64 / window.len() as f64
            },
            window,
            print_capacity,
            capacity_unseen,
            planned: self
                .planned
                .iter()
                .filter(|(planned_on, expected, _)| *planned_on <= as_of && *expected > as_of)
                .map(|(_, expected, quantity)| (*expected, *quantity))
                .collect(),
            future: self.future[first_future..last_future.max(first_future)].to_vec(),
            recording_reached: reached(|d| d.total_recorded),
            printing_reached: reached(|d| d.total_printed),
            prr,
            drift: Drift::of(&self.days[..end], window_days),
        }
    }

    /// The seed of the forecast of `as_of`: a digest of what its recording and sending read —
    /// not the blanks (the stock, the receipts, the printing capacity, the deliveries
    /// announced), which only printing reads. So announcing a delivery re-draws no trial
    /// (common random numbers): recording's dates stay where they were and printing's move by
    /// what the blanks change, not by a new draw. A receipt booked changes the printing
    /// capacity's samples too; printing draws from them on a stream of its own, so recording's
    /// and sending's trials are the same. The same inputs always give the same seed.
    pub fn seed(&self, inputs: &Inputs, window_days: usize, trials: usize) -> u64 {
        self.digest_of(inputs, window_days, trials, false).finish()
    }

    /// The version of the inputs of `as_of`: it changes when, and only when, something the
    /// forecast of that date reads changes.
    pub fn data_version(&self, inputs: &Inputs, window_days: usize, trials: usize) -> u64 {
        self.digest_of(inputs, window_days, trials, true).finish()
    }

    /// The digest of the inputs of `as_of`; with `printing_side`, also of what only printing
    /// reads (the blanks and the centre's check).
    fn digest_of(
        &self,
        inputs: &Inputs,
        window_days: usize,
        trials: usize,
        printing_side: bool,
    ) -> Digest {
        let mut digest = Digest::new()
            .u64(self.digest)
            .date(inputs.as_of)
            .u64(window_days as u64)
            .u64(trials as u64)
            .u64(inputs.wajib_ktp)
            .u64(inputs.recorded)
            .u64(inputs.sent)
            .u64(inputs.printed);
        if printing_side {
            digest = digest
                .u64(inputs.stock.map_or(u64::MAX, |s| s as u64))
                .f64(inputs.receipts_per_day);
        }
        if let Some(deadline) = inputs.deadline {
            digest = digest.date(deadline);
        }
        for day in &inputs.window {
            digest = digest
                .f64(day.recorded)
                .f64(day.sent)
                .f64(day.printed)
                .f64(day.factor);
        }
        if printing_side {
            for capacity in &inputs.print_capacity {
                digest = digest.f64(*capacity);
            }
            for (date, quantity) in &inputs.planned {
                digest = digest.date(*date).u64(*quantity);
            }
        }
        for period in &inputs.drift.periods {
            for value in period {
                digest = digest.f64(*value);
            }
        }
        if let (true, Some(prr)) = (printing_side, &inputs.prr) {
            digest = digest.u64(prr.prr).f64(prr.yield_share);
            for lag in &prr.lags {
                digest = digest.u64(u64::from(*lag));
            }
            for (age, amount) in &prr.queue {
                digest = digest.u64(u64::from(*age)).f64(*amount);
            }
        }
        digest
    }
}

/// Working days from `first` to ten years after `last`, with their seasonal factors.
fn future_days(data: &Dataset, first: NaiveDate, last: NaiveDate) -> Vec<FutureDay> {
    let end = last
        .checked_add_months(Months::new(12 * HORIZON_YEARS))
        .unwrap_or(NaiveDate::MAX);
    first
        .iter_days()
        .take_while(|d| *d <= end)
        .filter(|d| data.calendar.is_working_day(*d))
        .map(|date| FutureDay {
            date,
            factor: data.season_factor(date),
        })
        .collect()
}

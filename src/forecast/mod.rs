//! When will recording and printing really finish? A Monte Carlo forecast of the district's
//! pipeline (recording → sending to the centre → printing, printing also bounded by blank
//! cards), the slip history of that forecast, and a backtest of how good it was.
//!
//! Daily throughputs are drawn by bootstrap from the last working days with reports (the
//! window), as ActionableAgile and Troy Magennis' forecaster do, scaled by seasonal factors;
//! each trial also resamples the window once, so the spread of the dates includes the
//! uncertainty of the rate itself. The seed comes from the inputs: the same data always gives
//! the same answer, and a delivery announced or a receipt booked re-draws no trial of recording
//! or sending ([`History::seed`], and printing's own stream in the simulation).

pub mod backtest;
pub mod behind;
pub mod history;
pub mod pace;
mod simulate;
pub mod slip;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::Dataset;
pub use history::{HORIZON_YEARS, History, Inputs};
pub use pace::{BlanksNeeded, Pace, StagePace};
use simulate::{NOT_REACHED, Outcome, Plan};

/// Fewest working days with reports in the window before a forecast is made.
pub const MIN_WINDOW_DAYS: usize = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ForecastParams {
    /// Working days with reports that make up the history window.
    pub window_days: usize,
    pub trials: usize,
}

impl Default for ForecastParams {
    fn default() -> ForecastParams {
        ForecastParams {
            window_days: 60,
            trials: 10_000,
        }
    }
}

impl ForecastParams {
    /// The key of these parameters in the forecast cache.
    pub fn cache_key(&self) -> String {
        format!("window={};trials={}", self.window_days, self.trials)
    }
}

/// What held a milestone back in the simulation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Limit {
    /// Already reached.
    Reached,
    RecordingRate,
    /// Records waiting to be sent to the centre (the server, the link).
    Sending,
    /// Records waiting for the centre's check: printing takes only print-ready records (PRR).
    Prr,
    PrintCapacity,
    Blanks,
    /// Nothing to forecast from (no target, too little history).
    NoData,
}

/// Blank cards expected from the centre: the recent average, and the deliveries announced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Supply {
    /// Blanks received per working day, on average over the window.
    pub per_day: u64,
    /// The announced deliveries still to come, if any.
    pub planned: Option<PlannedSupply>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlannedSupply {
    pub deliveries: usize,
    pub quantity: u64,
    /// The last announced delivery's date.
    pub until: NaiveDate,
}

/// When the blank stock ran out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "date", rename_all = "snake_case")]
pub enum Stockout {
    /// Out of stock since this day.
    Since(NaiveDate),
    /// Runs out on this day (the median of the trials).
    On(NaiveDate),
    /// Too few for what is left to print.
    Short,
}

/// What holds a milestone back, or why it has no date — values with their numbers, which
/// [`crate::locale`] puts into words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Constraint {
    /// Already reached on this day.
    Reached {
        on: NaiveDate,
    },
    /// No wajib-KTP target to forecast against.
    NoTarget,
    /// Too few working days with reports.
    ShortHistory {
        days: usize,
        needed: usize,
    },
    /// Nothing recorded in the window.
    NoRecording {
        window_days: usize,
    },
    /// No day with blanks in stock had any printing.
    NoPrintingWithBlanks,
    /// Nothing sent to the centre in the window, and the print queue is short of the cards
    /// still to print.
    NothingSent {
        window_days: usize,
        cards: u64,
    },
    /// The recording rate (of the recording milestone).
    RecordingRate {
        per_day: u64,
    },
    /// Residents still to be recorded, at this rate (of the printing milestone).
    RecordingLeft {
        per_day: u64,
    },
    /// Records still to be sent to the centre, at this rate.
    Sending {
        per_day: u64,
    },
    PrintCapacity {
        per_day: u64,
    },
    /// Print-ready records (PRR) reached per working day, slower than records are sent, and
    /// the records waiting for the centre's check.
    Prr {
        per_day: u64,
        waiting: u64,
    },
    /// Blank cards: when they ran out, and what is expected.
    Blanks {
        stockout: Stockout,
        supply: Supply,
    },
    /// The blanks in stock and all those expected within the horizon are fewer than the cards
    /// still to print.
    BlanksShort {
        stock: u64,
        supply: Supply,
        cards: u64,
        years: u32,
    },
    /// Some trials did not finish within the horizon.
    NotWithinHorizon {
        years: u32,
        percent: u32,
    },
}

/// What the forecast assumed about blank cards.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BlankSupply {
    /// No receipt or count yet: printing is not bounded by blanks.
    Unknown,
    Known {
        stock: u64,
        supply: Supply,
        window_days: usize,
    },
}

/// The forecast of one milestone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MilestoneForecast {
    /// Residents still to be recorded, or cards still to be printed.
    pub remaining: u64,
    pub p50: Option<NaiveDate>,
    /// The edge of the model's core (see [`backtest::CORE`]): the calibration stretches the
    /// distance from it to P85 and P95. Absent from forecasts cached before it was kept.
    #[serde(default)]
    pub p70: Option<NaiveDate>,
    pub p85: Option<NaiveDate>,
    pub p95: Option<NaiveDate>,
    /// Probability of finishing by the deadline in force on the as-of date; `None` without one.
    pub prob_by_deadline: Option<f64>,
    /// Mean throughput per working day in the window (recorded, or printed).
    pub current_per_working_day: f64,
    /// What the deadline in force needs per working day (see [`Pace`]); `None` without a
    /// deadline or a target, or once the deadline has passed.
    pub required_per_working_day: Option<f64>,
    pub limit: Limit,
    /// What holds it back, with its numbers.
    pub limited_by: Constraint,
    /// Why a date is missing, where one is.
    pub reason: Option<Constraint>,
    /// P85 and P95 were moved by the office's own track record
    /// ([`backtest::calibrate_forecast`]); `false` as the model made them.
    #[serde(default)]
    pub calibrated: bool,
    /// Calibrated, and its stage's calibrated band still held fewer of the office's outcomes
    /// than [`backtest::TOO_NARROW`] at the horizon its dates were moved by: its P85 is still
    /// optimistic.
    #[serde(default)]
    pub still_optimistic: bool,
    /// Calibrated: how often its stage's calibrated band held the office's outcomes at the
    /// horizon its dates were moved by, once enough were known.
    #[serde(default)]
    pub band_held: Option<BandHeld>,
}

/// How often a calibrated band held the office's outcomes: the share inside P15–P85 of the
/// calibrated forecasts `working_days` ahead whose outcome was known.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BandHeld {
    pub working_days: usize,
    pub share: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Forecast {
    pub as_of: NaiveDate,
    pub deadline: Option<NaiveDate>,
    pub recording: MilestoneForecast,
    pub printing: MilestoneForecast,
    /// The assumption about blank deliveries.
    pub blank_supply: BlankSupply,
    /// What the deadline needs, stage by stage, and the blanks it needs; `None` without a
    /// deadline or a target.
    pub pace: Option<Pace>,
    pub window_days: usize,
    pub trials: usize,
    /// A milestone's P85 and P95 were moved by the office's own track record (see
    /// [`MilestoneForecast::calibrated`]); `false` as the model made them.
    #[serde(default)]
    pub calibrated: bool,
}

impl Forecast {
    /// Whether each milestone with a P85 date has its P70 too, as the calibration needs: a
    /// forecast cached before P70 was kept has not, and is made again.
    pub fn keeps_core(&self) -> bool {
        [&self.recording, &self.printing]
            .iter()
            .all(|m| m.p85.is_none() || m.p70.is_some())
    }
}

/// The forecast at the end of `as_of`, from the data up to that date only.
pub fn forecast(data: &Dataset, as_of: NaiveDate, params: &ForecastParams) -> Forecast {
    let history = History::new(data);
    forecast_at(&history, as_of, params, default_threads())
}

/// Threads for one forecast: the machine's cores, at most 8.
pub fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
}

/// The forecast at the end of `as_of` from a prepared history, on up to `threads` threads.
pub fn forecast_at(
    history: &History,
    as_of: NaiveDate,
    params: &ForecastParams,
    threads: usize,
) -> Forecast {
    let inputs = history.inputs(as_of, params.window_days);
    let seed = history.seed(&inputs, params.window_days, params.trials);
    forecast_inputs(&inputs, params, seed, threads)
}

pub(crate) fn forecast_inputs(
    inputs: &Inputs,
    params: &ForecastParams,
    seed: u64,
    threads: usize,
) -> Forecast {
    let window = inputs.window.len().max(1) as f64;
    let recording_rate = inputs.window.iter().map(|d| d.recorded).sum::<f64>() / window;
    let printing_rate = inputs.window.iter().map(|d| d.printed).sum::<f64>() / window;
    let recording_blocker = recording_blocker(inputs, recording_rate);
    let simulate_recording = recording_blocker.is_none() && inputs.recording_reached.is_none();
    let mut plan = Plan::new(inputs, simulate_recording, false);
    let blocked_printing =
        printing_blocker(inputs).or_else(|| blanks_blocker(inputs, &plan.supply));
    plan.simulate_printing = blocked_printing.is_none() && inputs.printing_reached.is_none();
    let outcome = if plan.simulate_recording || plan.simulate_printing {
        plan.run(params.trials, seed, threads)
    } else {
        Outcome::default()
    };
    let mut recording = milestone(
        inputs,
        inputs.wajib_ktp.saturating_sub(inputs.recorded),
        inputs.recording_reached,
        recording_blocker,
        &outcome.recording,
        recording_rate,
        (
            Limit::RecordingRate,
            Constraint::RecordingRate {
                per_day: recording_rate.round() as u64,
            },
        ),
    );
    let printing_limit = printing_limit(inputs, &outcome, &plan, printing_rate);
    let mut printing = milestone(
        inputs,
        inputs.wajib_ktp.saturating_sub(inputs.printed),
        inputs.printing_reached,
        blocked_printing,
        &outcome.printing,
        printing_rate,
        printing_limit,
    );
    let pace = pace::pace(inputs);
    recording.required_per_working_day = pace
        .as_ref()
        .and_then(|p| p.recorded.required_per_working_day);
    printing.required_per_working_day = pace
        .as_ref()
        .and_then(|p| p.printed.required_per_working_day);
    Forecast {
        as_of: inputs.as_of,
        deadline: inputs.deadline,
        recording,
        printing,
        blank_supply: blank_supply(inputs),
        pace,
        window_days: params.window_days,
        trials: params.trials,
        calibrated: false,
    }
}

/// Why a milestone cannot be forecast at all: what holds it back, in short, and the reason
/// its dates are missing.
struct Blocker {
    limit: Limit,
    limited_by: Constraint,
    reason: Constraint,
}

impl Blocker {
    fn new(limit: Limit, limited_by: Constraint, reason: Constraint) -> Blocker {
        Blocker {
            limit,
            limited_by,
            reason,
        }
    }

    /// A blocker whose short and long forms are the same.
    fn one(limit: Limit, constraint: Constraint) -> Blocker {
        Blocker::new(limit, constraint.clone(), constraint)
    }
}

/// Why recording cannot be forecast at all, if it cannot.
fn recording_blocker(inputs: &Inputs, rate: f64) -> Option<Blocker> {
    if inputs.recording_reached.is_some() {
        return None;
    }
    common_blocker(inputs).or_else(|| {
        (rate <= 0.0).then(|| {
            Blocker::one(
                Limit::RecordingRate,
                Constraint::NoRecording {
                    window_days: inputs.window.len(),
                },
            )
        })
    })
}

fn common_blocker(inputs: &Inputs) -> Option<Blocker> {
    if inputs.wajib_ktp == 0 {
        return Some(Blocker::one(Limit::NoData, Constraint::NoTarget));
    }
    if inputs.window.len() < MIN_WINDOW_DAYS {
        return Some(Blocker::one(
            Limit::NoData,
            Constraint::ShortHistory {
                days: inputs.window.len(),
                needed: MIN_WINDOW_DAYS,
            },
        ));
    }
    None
}

/// Why printing cannot be forecast, apart from blanks, if it cannot.
fn printing_blocker(inputs: &Inputs) -> Option<Blocker> {
    if inputs.printing_reached.is_some() {
        return None;
    }
    if let Some(blocker) = common_blocker(inputs) {
        return Some(blocker);
    }
    let remaining = inputs.wajib_ktp.saturating_sub(inputs.printed);
    if inputs.print_capacity.iter().all(|c| *c <= 0.0) {
        return Some(Blocker::one(
            Limit::PrintCapacity,
            Constraint::NoPrintingWithBlanks,
        ));
    }
    let never_sent = inputs.window.iter().all(|d| d.sent <= 0.0);
    if never_sent && inputs.sent.saturating_sub(inputs.printed) < remaining {
        return Some(Blocker::one(
            Limit::Sending,
            Constraint::NothingSent {
                window_days: inputs.window.len(),
                cards: remaining,
            },
        ));
    }
    None
}

/// Printing cannot finish when the blanks in stock plus every blank expected within the
/// horizon are fewer than the cards still to print.
fn blanks_blocker(inputs: &Inputs, supply: &[f64]) -> Option<Blocker> {
    if inputs.printing_reached.is_some() {
        return None;
    }
    let stock = inputs.stock?.max(0) as f64;
    let remaining = inputs.wajib_ktp.saturating_sub(inputs.printed) as f64;
    let expected: f64 = supply.iter().sum();
    (stock + expected < remaining).then(|| {
        Blocker::new(
            Limit::Blanks,
            blanks_constraint(inputs, None),
            Constraint::BlanksShort {
                stock: stock as u64,
                supply: supply_of(inputs),
                cards: remaining as u64,
                years: HORIZON_YEARS,
            },
        )
    })
}

/// "stok blangko habis 14 Nov 2016, belum ada pengiriman terjadwal", as a value.
fn blanks_constraint(inputs: &Inputs, runs_out: Option<NaiveDate>) -> Constraint {
    let stockout = match (inputs.stockout_since, runs_out) {
        (Some(since), _) => Stockout::Since(since),
        (None, Some(date)) => Stockout::On(date),
        (None, None) => Stockout::Short,
    };
    Constraint::Blanks {
        stockout,
        supply: supply_of(inputs),
    }
}

fn supply_of(inputs: &Inputs) -> Supply {
    let planned = (!inputs.planned.is_empty()).then(|| PlannedSupply {
        deliveries: inputs.planned.len(),
        quantity: inputs.planned.iter().map(|(_, q)| q).sum(),
        until: inputs
            .planned
            .iter()
            .map(|(d, _)| *d)
            .max()
            .unwrap_or(inputs.as_of),
    });
    Supply {
        per_day: inputs.receipts_per_day.round() as u64,
        planned,
    }
}

fn blank_supply(inputs: &Inputs) -> BlankSupply {
    match inputs.stock {
        None => BlankSupply::Unknown,
        Some(stock) => BlankSupply::Known {
            stock: stock.max(0) as u64,
            supply: supply_of(inputs),
            window_days: inputs.window.len(),
        },
    }
}

/// What limits printing: of the stages it needs — recording, sending, printing capacity and
/// blanks — the one that alone would take longest to cover the cards still to print, at the
/// window's mean rates.
fn printing_limit(
    inputs: &Inputs,
    outcome: &Outcome,
    plan: &Plan,
    rate: f64,
) -> (Limit, Constraint) {
    let wajib = inputs.wajib_ktp as f64;
    let mean = |values: &mut dyn Iterator<Item = f64>| {
        let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
        if n == 0 { 0.0 } else { sum / n as f64 }
    };
    let recording_rate = mean(&mut inputs.window.iter().map(|d| d.recorded));
    let sending_rate = mean(&mut inputs.window.iter().map(|d| d.sent));
    let capacity = mean(&mut inputs.print_capacity.iter().copied());
    let days_at = |remaining: f64, rate: f64| {
        if remaining <= 0.0 {
            0.0
        } else if rate > 0.0 {
            remaining / rate
        } else {
            f64::INFINITY
        }
    };
    let mut candidates = vec![
        (
            days_at(wajib - inputs.recorded as f64, recording_rate),
            Limit::RecordingRate,
        ),
        (
            days_at(wajib - inputs.sent as f64, sending_rate),
            Limit::Sending,
        ),
    ];
    // A capacity never seen (every day printed all it could) is a floor, not a limit.
    if !inputs.capacity_unseen {
        candidates.push((
            days_at(wajib - inputs.printed as f64, capacity),
            Limit::PrintCapacity,
        ));
    }
    // The centre's check binds when it reaches PRR slower than records are sent to it (or
    // when all are sent): otherwise what holds PRR back is the sending before it.
    if let Some(stage) = &inputs.prr {
        let keeps_up = stage.per_day >= 0.9 * stage.yield_share * sending_rate;
        if !keeps_up || inputs.sent >= inputs.wajib_ktp {
            candidates.push((days_at(wajib - stage.prr as f64, stage.per_day), Limit::Prr));
        }
    }
    if let Some(stock) = inputs.stock {
        let needed = wajib - inputs.printed as f64 - stock.max(0) as f64;
        let mut arrived = 0.0;
        let days = plan
            .supply
            .iter()
            .position(|s| {
                arrived += s;
                arrived >= needed
            })
            .map_or(f64::INFINITY, |t| {
                if needed <= 0.0 { 0.0 } else { t as f64 + 1.0 }
            });
        candidates.push((days, Limit::Blanks));
    }
    let (_, limit) =
        candidates
            .into_iter()
            .fold((f64::NEG_INFINITY, Limit::PrintCapacity), |best, c| {
                if c.0 > best.0 { c } else { best }
            });
    let text = match limit {
        Limit::Blanks => {
            let mut stockouts: Vec<u32> = outcome
                .first_stockout
                .iter()
                .copied()
                .filter(|t| *t != NOT_REACHED)
                .collect();
            stockouts.sort_unstable();
            let runs_out = stockouts
                .get(stockouts.len() / 2)
                .and_then(|t| inputs.future.get(*t as usize))
                .map(|d| d.date);
            blanks_constraint(inputs, runs_out)
        }
        Limit::Sending => Constraint::Sending {
            per_day: sending_rate.round() as u64,
        },
        Limit::Prr => Constraint::Prr {
            per_day: inputs.prr.as_ref().map_or(0.0, |s| s.per_day).round() as u64,
            waiting: inputs.prr.as_ref().map_or(0.0, |s| s.waiting()).round() as u64,
        },
        Limit::RecordingRate => Constraint::RecordingLeft {
            per_day: recording_rate.round() as u64,
        },
        _ => Constraint::PrintCapacity {
            per_day: if capacity > 0.0 { capacity } else { rate }.round() as u64,
        },
    };
    (limit, text)
}

/// The `p` quantile of trials' values (`sorted` ascending): the one at rank ⌈p·n⌉; `None` when
/// there are none. The milestones' dates and the backtest's bands read their percentiles alike.
pub(crate) fn quantile<T: Copy>(sorted: &[T], p: f64) -> Option<T> {
    let index = ((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len().max(1));
    sorted.get(index - 1).copied()
}

/// Reads the percentiles of one milestone from the trials.
fn milestone(
    inputs: &Inputs,
    remaining: u64,
    reached: Option<NaiveDate>,
    blocker: Option<Blocker>,
    days: &[u32],
    rate: f64,
    limit: (Limit, Constraint),
) -> MilestoneForecast {
    let by_deadline = |date: Option<NaiveDate>| -> Option<f64> {
        let deadline = inputs.deadline?;
        Some(if date.is_some_and(|d| d <= deadline) {
            1.0
        } else {
            0.0
        })
    };
    if let Some(date) = reached {
        return MilestoneForecast {
            remaining: 0,
            p50: Some(date),
            p70: Some(date),
            p85: Some(date),
            p95: Some(date),
            prob_by_deadline: by_deadline(Some(date)),
            current_per_working_day: rate,
            required_per_working_day: None,
            limit: Limit::Reached,
            limited_by: Constraint::Reached { on: date },
            reason: None,
            calibrated: false,
            still_optimistic: false,
            band_held: None,
        };
    }
    if let Some(blocker) = blocker {
        return MilestoneForecast {
            remaining,
            p50: None,
            p70: None,
            p85: None,
            p95: None,
            prob_by_deadline: by_deadline(None),
            current_per_working_day: rate,
            required_per_working_day: None,
            limit: blocker.limit,
            limited_by: blocker.limited_by,
            reason: Some(blocker.reason),
            calibrated: false,
            still_optimistic: false,
            band_held: None,
        };
    }
    let mut sorted = days.to_vec();
    sorted.sort_unstable();
    let date_at = |p: f64| -> Option<NaiveDate> {
        let t = quantile(&sorted, p)?;
        (t != NOT_REACHED).then(|| inputs.future.get(t as usize).map(|d| d.date))?
    };
    let (p50, p70, p85, p95) = (
        date_at(0.50),
        date_at(0.5 + backtest::CORE),
        date_at(0.85),
        date_at(0.95),
    );
    let prob_by_deadline = inputs.deadline.map(|deadline| {
        let on_time = sorted
            .iter()
            .take_while(|t| **t != NOT_REACHED && inputs.future[**t as usize].date <= deadline)
            .count();
        on_time as f64 / sorted.len().max(1) as f64
    });
    let reason = (p95.is_none()).then(|| {
        let never = sorted.iter().filter(|t| **t == NOT_REACHED).count();
        Constraint::NotWithinHorizon {
            years: HORIZON_YEARS,
            percent: (never as f64 * 100.0 / sorted.len().max(1) as f64).round() as u32,
        }
    });
    MilestoneForecast {
        remaining,
        p50,
        p70,
        p85,
        p95,
        prob_by_deadline,
        current_per_working_day: rate,
        required_per_working_day: None,
        limit: limit.0,
        limited_by: limit.1,
        reason,
        calibrated: false,
        still_optimistic: false,
        band_held: None,
    }
}

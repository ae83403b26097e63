//! When will recording and printing really finish? A Monte Carlo forecast of the district's
//! pipeline (recording → sending to the centre → printing, printing also bounded by blank
//! cards), the slip history of that forecast, and a backtest of how good it was.
//!
//! Daily throughputs are drawn by bootstrap from the last working days with reports (the
//! window), as ActionableAgile and Troy Magennis' forecaster do, scaled by seasonal factors;
//! each trial also resamples the window once, so the spread of the dates includes the
//! uncertainty of the rate itself. The seed comes from the inputs: the same data always gives
//! the same answer.

pub mod backtest;
pub mod history;
mod simulate;
pub mod slip;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::Dataset;
use crate::domain::calendar::format_short_id;
use crate::domain::number::format_id;
pub use history::{HORIZON_YEARS, History, Inputs};
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
    PrintCapacity,
    Blanks,
    /// Nothing to forecast from (no target, too little history).
    NoData,
}

/// The forecast of one milestone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MilestoneForecast {
    /// Residents still to be recorded, or cards still to be printed.
    pub remaining: u64,
    pub p50: Option<NaiveDate>,
    pub p85: Option<NaiveDate>,
    pub p95: Option<NaiveDate>,
    /// Probability of finishing by the deadline in force on the as-of date; `None` without one.
    pub prob_by_deadline: Option<f64>,
    /// Mean throughput per working day in the window (recorded, or printed).
    pub mean_daily_rate: f64,
    pub limit: Limit,
    pub limited_by: String,
    /// Why a date is missing, where one is.
    pub reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Forecast {
    pub as_of: NaiveDate,
    pub deadline: Option<NaiveDate>,
    pub recording: MilestoneForecast,
    pub printing: MilestoneForecast,
    /// The assumption about blank deliveries.
    pub blank_supply: String,
    pub window_days: usize,
    pub trials: usize,
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
    let seed = history.data_version(&inputs, params.window_days, params.trials);
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
    let recording = milestone(
        inputs,
        inputs.wajib_ktp.saturating_sub(inputs.recorded),
        inputs.recording_reached,
        recording_blocker,
        &outcome.recording,
        recording_rate,
        (
            Limit::RecordingRate,
            format!(
                "laju perekaman {} per hari kerja",
                format_id(recording_rate.round() as u64)
            ),
        ),
    );
    let printing_limit = printing_limit(inputs, &outcome, &plan, printing_rate);
    let printing = milestone(
        inputs,
        inputs.wajib_ktp.saturating_sub(inputs.printed),
        inputs.printing_reached,
        blocked_printing,
        &outcome.printing,
        printing_rate,
        printing_limit,
    );
    Forecast {
        as_of: inputs.as_of,
        deadline: inputs.deadline,
        recording,
        printing,
        blank_supply: blank_supply_text(inputs),
        window_days: params.window_days,
        trials: params.trials,
    }
}

/// Why a milestone cannot be forecast at all: what holds it back, in short, and the reason
/// its dates are missing.
struct Blocker {
    limit: Limit,
    limited_by: String,
    reason: String,
}

impl Blocker {
    fn new(limit: Limit, limited_by: impl Into<String>, reason: impl Into<String>) -> Blocker {
        Blocker {
            limit,
            limited_by: limited_by.into(),
            reason: reason.into(),
        }
    }
}

/// Why recording cannot be forecast at all, if it cannot.
fn recording_blocker(inputs: &Inputs, rate: f64) -> Option<Blocker> {
    if inputs.recording_reached.is_some() {
        return None;
    }
    common_blocker(inputs).or_else(|| {
        (rate <= 0.0).then(|| {
            Blocker::new(
                Limit::RecordingRate,
                "tidak ada perekaman",
                format!(
                    "tidak ada perekaman dalam {} hari kerja terakhir",
                    inputs.window.len()
                ),
            )
        })
    })
}

fn common_blocker(inputs: &Inputs) -> Option<Blocker> {
    if inputs.wajib_ktp == 0 {
        let text = "belum ada target wajib KTP";
        return Some(Blocker::new(Limit::NoData, text, text));
    }
    if inputs.window.len() < MIN_WINDOW_DAYS {
        return Some(Blocker::new(
            Limit::NoData,
            "riwayat terlalu pendek",
            format!(
                "riwayat terlalu pendek: {} hari kerja berlaporan, perlu sedikitnya \
                 {MIN_WINDOW_DAYS}",
                inputs.window.len()
            ),
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
        let text = "belum ada data cetak pada hari blangko tersedia";
        return Some(Blocker::new(Limit::PrintCapacity, text, text));
    }
    let never_sent = inputs.window.iter().all(|d| d.sent <= 0.0);
    if never_sent && inputs.sent.saturating_sub(inputs.printed) < remaining {
        return Some(Blocker::new(
            Limit::Sending,
            "data belum terkirim ke pusat (gangguan server?)",
            format!(
                "tidak ada data terkirim ke pusat dalam {} hari kerja terakhir, dan antrean cetak \
                 tidak cukup untuk {} kartu",
                inputs.window.len(),
                format_id(remaining)
            ),
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
            blanks_limit_text(inputs, None),
            format!(
                "stok blangko {} ditambah penerimaan yang diperkirakan ({}) tidak cukup untuk {} \
                 kartu dalam {HORIZON_YEARS} tahun",
                format_id(stock as u64),
                supply_rate_text(inputs),
                format_id(remaining as u64)
            ),
        )
    })
}

/// "stok blangko habis 14 Nov 2016, belum ada pengiriman terjadwal"
fn blanks_limit_text(inputs: &Inputs, runs_out: Option<NaiveDate>) -> String {
    let when = match (inputs.stockout_since, runs_out) {
        (Some(since), _) => format!("stok blangko habis sejak {}", format_short_id(since)),
        (None, Some(date)) => format!("stok blangko habis {}", format_short_id(date)),
        (None, None) => "stok blangko tidak cukup".to_string(),
    };
    let next = if inputs.planned.is_empty() {
        "belum ada pengiriman terjadwal".to_string()
    } else {
        supply_rate_text(inputs)
    };
    format!("{when}, {next}")
}

fn supply_rate_text(inputs: &Inputs) -> String {
    let average = format!(
        "rata-rata {} lembar per hari kerja",
        format_id(inputs.receipts_per_day.round() as u64)
    );
    if inputs.planned.is_empty() {
        return format!("{average}, belum ada pengiriman terjadwal");
    }
    let quantity: u64 = inputs.planned.iter().map(|(_, q)| q).sum();
    let last = inputs
        .planned
        .iter()
        .map(|(d, _)| *d)
        .max()
        .unwrap_or(inputs.as_of);
    format!(
        "{} pengiriman terjadwal, {} lembar hingga {}; sesudahnya {average}",
        inputs.planned.len(),
        format_id(quantity),
        format_short_id(last)
    )
}

fn blank_supply_text(inputs: &Inputs) -> String {
    match inputs.stock {
        None => "stok blangko belum diketahui: cetak tidak dibatasi blangko".to_string(),
        Some(stock) => format!(
            "stok blangko {} lembar; penerimaan: {} (jendela {} hari kerja)",
            format_id(stock.max(0) as u64),
            supply_rate_text(inputs),
            inputs.window.len()
        ),
    }
}

/// What limits printing: of the stages it needs — recording, sending, printing capacity and
/// blanks — the one that alone would take longest to cover the cards still to print, at the
/// window's mean rates.
fn printing_limit(inputs: &Inputs, outcome: &Outcome, plan: &Plan, rate: f64) -> (Limit, String) {
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
        (
            days_at(wajib - inputs.printed as f64, capacity),
            Limit::PrintCapacity,
        ),
    ];
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
            blanks_limit_text(inputs, runs_out)
        }
        Limit::Sending => format!(
            "pengiriman data ke pusat, {} per hari kerja",
            format_id(sending_rate.round() as u64)
        ),
        Limit::RecordingRate => format!(
            "perekaman yang belum selesai, {} per hari kerja",
            format_id(recording_rate.round() as u64)
        ),
        _ => format!(
            "kapasitas cetak {} kartu per hari kerja",
            format_id(if capacity > 0.0 { capacity } else { rate }.round() as u64)
        ),
    };
    (limit, text)
}

/// Reads the percentiles of one milestone from the trials.
fn milestone(
    inputs: &Inputs,
    remaining: u64,
    reached: Option<NaiveDate>,
    blocker: Option<Blocker>,
    days: &[u32],
    rate: f64,
    limit: (Limit, String),
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
            p85: Some(date),
            p95: Some(date),
            prob_by_deadline: by_deadline(Some(date)),
            mean_daily_rate: rate,
            limit: Limit::Reached,
            limited_by: format!("tercapai {}", format_short_id(date)),
            reason: None,
        };
    }
    if let Some(blocker) = blocker {
        return MilestoneForecast {
            remaining,
            p50: None,
            p85: None,
            p95: None,
            prob_by_deadline: by_deadline(None),
            mean_daily_rate: rate,
            limit: blocker.limit,
            limited_by: blocker.limited_by,
            reason: Some(blocker.reason),
        };
    }
    let mut sorted = days.to_vec();
    sorted.sort_unstable();
    let date_at = |p: f64| -> Option<NaiveDate> {
        let index = ((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len()) - 1;
        let t = *sorted.get(index)?;
        (t != NOT_REACHED).then(|| inputs.future.get(t as usize).map(|d| d.date))?
    };
    let (p50, p85, p95) = (date_at(0.50), date_at(0.85), date_at(0.95));
    let prob_by_deadline = inputs.deadline.map(|deadline| {
        let on_time = sorted
            .iter()
            .take_while(|t| **t != NOT_REACHED && inputs.future[**t as usize].date <= deadline)
            .count();
        on_time as f64 / sorted.len().max(1) as f64
    });
    let reason = (p95.is_none()).then(|| {
        let never = sorted.iter().filter(|t| **t == NOT_REACHED).count();
        format!(
            "tidak tercapai dalam {HORIZON_YEARS} tahun pada {} % percobaan",
            (never as f64 * 100.0 / sorted.len().max(1) as f64).round()
        )
    });
    MilestoneForecast {
        remaining,
        p50,
        p85,
        p95,
        prob_by_deadline,
        mean_daily_rate: rate,
        limit: limit.0,
        limited_by: limit.1,
        reason,
    }
}

//! The slip history (milestone trend analysis): for every working day in a range, the forecast
//! as it would have been made that day, next to the deadline in force that day.
//!
//! It runs off the caller's thread with progress and can be cancelled; results are cached by
//! the version of the data each date's forecast read, so after an edit only the dates on or
//! after it are computed again.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::JoinHandle;

use chrono::NaiveDate;
use serde::Serialize;

use super::history::History;
use super::{Forecast, ForecastParams};
use crate::store::CachedForecast;

/// Trials per date in the slip history. The benchmark (`cargo bench`) reports how far its
/// P50/P85 lie from a 10 000-trial forecast.
pub const SLIP_TRIALS: usize = 1_000;

/// Parameters of the slip history: the forecast's window with fewer trials per date.
pub fn slip_params(window_days: usize) -> ForecastParams {
    ForecastParams {
        window_days,
        trials: SLIP_TRIALS,
    }
}

/// One row of the slip chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SlipRow {
    pub as_of: NaiveDate,
    pub deadline: Option<NaiveDate>,
    pub recording_p50: Option<NaiveDate>,
    pub recording_p85: Option<NaiveDate>,
    pub printing_p50: Option<NaiveDate>,
    pub printing_p85: Option<NaiveDate>,
    /// Why recording has no forecast date that day, where it has none.
    pub recording_reason: Option<super::Constraint>,
    /// Why printing has no forecast date that day (no blanks, too little history, …).
    pub printing_reason: Option<super::Constraint>,
}

impl From<&Forecast> for SlipRow {
    fn from(f: &Forecast) -> SlipRow {
        SlipRow {
            as_of: f.as_of,
            deadline: f.deadline,
            recording_p50: f.recording.p50,
            recording_p85: f.recording.p85,
            printing_p50: f.printing.p50,
            printing_p85: f.printing.p85,
            recording_reason: f
                .recording
                .reason
                .clone()
                .filter(|_| f.recording.p50.is_none()),
            printing_reason: f
                .printing
                .reason
                .clone()
                .filter(|_| f.printing.p50.is_none()),
        }
    }
}

/// A forecast of the slip history with the version of the data it read.
#[derive(Debug, Clone, PartialEq)]
pub struct SlipEntry {
    pub forecast: Forecast,
    pub data_version: String,
    /// Whether it was computed now (and so belongs in the cache) rather than read from it.
    pub computed: bool,
}

impl SlipEntry {
    /// The entry as a cache row.
    pub fn cache_row(&self) -> Option<(NaiveDate, CachedForecast)> {
        let result = serde_json::to_string(&self.forecast).ok()?;
        Some((
            self.forecast.as_of,
            CachedForecast {
                data_version: self.data_version.clone(),
                result,
            },
        ))
    }
}

pub use crate::progress::Progress;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the slip history was cancelled")]
pub struct Cancelled;

/// Working days with history from `from` to `to`.
pub fn slip_dates(history: &History, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    history
        .days()
        .iter()
        .map(|d| d.date)
        .filter(|d| (from..=to).contains(d))
        .collect()
}

/// Computes the forecast of every date, taking from `cache` each one whose data version is
/// unchanged. Runs on up to `threads` threads; reports into `progress`.
pub fn compute(
    history: &History,
    dates: &[NaiveDate],
    params: &ForecastParams,
    cache: &BTreeMap<NaiveDate, CachedForecast>,
    progress: &Progress,
    threads: usize,
) -> Result<Vec<SlipEntry>, Cancelled> {
    progress.start(dates.len());
    let next = AtomicUsize::new(0);
    let slots: Vec<std::sync::Mutex<Option<SlipEntry>>> =
        dates.iter().map(|_| std::sync::Mutex::new(None)).collect();
    let work = || {
        loop {
            if progress.is_cancelled() {
                break;
            }
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(&as_of) = dates.get(i) else { break };
            let entry = entry_for(history, as_of, params, cache);
            // A poisoned slot means another date panicked; the scope re-raises that panic.
            if let Ok(mut slot) = slots[i].lock() {
                *slot = Some(entry);
            }
            progress.advance(1);
        }
    };
    std::thread::scope(|scope| {
        for _ in 1..threads.max(1) {
            scope.spawn(work);
        }
        work();
    });
    if progress.is_cancelled() {
        return Err(Cancelled);
    }
    Ok(slots
        .into_iter()
        .filter_map(|slot| slot.into_inner().ok().flatten())
        .collect())
}

fn entry_for(
    history: &History,
    as_of: NaiveDate,
    params: &ForecastParams,
    cache: &BTreeMap<NaiveDate, CachedForecast>,
) -> SlipEntry {
    let inputs = history.inputs(as_of, params.window_days);
    // Kept by the version of what the forecast reads and the seed it is drawn with (rows kept
    // before the seed left out the blanks have no seed, and are drawn again).
    let version = history.data_version(&inputs, params.window_days, params.trials);
    let seed = history.seed(&inputs, params.window_days, params.trials);
    let data_version = format!("{version:016x}-{seed:016x}");
    if let Some(cached) = cache.get(&as_of).filter(|c| c.data_version == data_version)
        && let Ok(forecast) = serde_json::from_str::<Forecast>(&cached.result)
        && forecast.keeps_core()
    {
        return SlipEntry {
            forecast,
            data_version,
            computed: false,
        };
    }
    SlipEntry {
        forecast: super::forecast_inputs(&inputs, params, seed, 1),
        data_version,
        computed: true,
    }
}

/// A slip computation running on its own thread.
pub struct SlipJob {
    progress: Arc<Progress>,
    handle: JoinHandle<Result<Vec<SlipEntry>, Cancelled>>,
}

impl SlipJob {
    /// Starts computing the slip history of `dates` in the background.
    pub fn spawn(
        history: Arc<History>,
        dates: Vec<NaiveDate>,
        params: ForecastParams,
        cache: BTreeMap<NaiveDate, CachedForecast>,
    ) -> SlipJob {
        let progress = Arc::new(Progress::default());
        progress.start(dates.len());
        let shared = Arc::clone(&progress);
        let handle = std::thread::spawn(move || {
            compute(
                &history,
                &dates,
                &params,
                &cache,
                &shared,
                super::default_threads(),
            )
        });
        SlipJob { progress, handle }
    }

    pub fn progress(&self) -> (usize, usize) {
        self.progress.get()
    }

    pub fn cancel(&self) {
        self.progress.cancel();
    }

    pub fn is_finished(&self) -> bool {
        self.handle.is_finished()
    }

    /// Waits for the result; a worker that panicked gives its message instead.
    pub fn try_join(self) -> Result<Result<Vec<SlipEntry>, Cancelled>, String> {
        self.handle
            .join()
            .map_err(|panic| crate::progress::panic_message(panic.as_ref()))
    }

    /// Waits for the result.
    pub fn join(self) -> Result<Vec<SlipEntry>, Cancelled> {
        // The worker only panics on a bug; pass the panic on rather than hide it.
        self.handle
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    }
}

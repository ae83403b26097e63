//! The Monte Carlo engine: bootstrap daily throughputs from the window and run the pipeline
//! (recording → sending → printing, printing also bounded by blanks) forward, day by day. Where
//! the office counts the centre's check, a record sent becomes print-ready (PRR) after a delay
//! drawn from the office's own lags, or leaves as DUP or Efac, and printing takes only PRR.

use std::sync::atomic::{AtomicUsize, Ordering};

use super::history::Inputs;
use crate::rng::SplitMix64;

/// Index meaning "not reached within the horizon".
pub const NOT_REACHED: u32 = u32::MAX;

/// Trials are grouped in this many chunks; each trial has its own random stream, so the result
/// does not depend on how many threads ran the chunks.
const CHUNKS: usize = 8;

/// The inputs prepared for simulation: de-seasonalized samples and the blank supply per day.
pub struct Plan<'a> {
    pub inputs: &'a Inputs,
    recorded: Vec<f64>,
    sent: Vec<f64>,
    capacity: Vec<f64>,
    /// Blanks arriving on each future day: announced deliveries, then the window's average.
    pub supply: Vec<f64>,
    /// The part of `supply` that is the window's average rate, scaled per trial.
    average_supply: Vec<bool>,
    receipts: Vec<f64>,
    pub simulate_recording: bool,
    pub simulate_printing: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// Future-day index on which recording completes, per trial ([`NOT_REACHED`] if never).
    pub recording: Vec<u32>,
    pub printing: Vec<u32>,
    /// First future-day index with no blanks left, per trial.
    pub first_stockout: Vec<u32>,
}

impl<'a> Plan<'a> {
    pub fn new(inputs: &'a Inputs, simulate_recording: bool, simulate_printing: bool) -> Plan<'a> {
        let recorded = inputs
            .window
            .iter()
            .map(|d| d.recorded / d.factor)
            .collect();
        let sent = inputs.window.iter().map(|d| d.sent / d.factor).collect();
        let mut supply = vec![0.0; inputs.future.len()];
        let mut average_supply = vec![false; inputs.future.len()];
        let last_planned = inputs.planned.iter().map(|(date, _)| *date).max();
        let mut next_planned = 0;
        let mut planned: Vec<(chrono::NaiveDate, u64)> = inputs.planned.clone();
        planned.sort();
        for (t, day) in inputs.future.iter().enumerate() {
            // A delivery expected on a weekend or holiday arrives on the next working day.
            while next_planned < planned.len() && planned[next_planned].0 <= day.date {
                supply[t] += planned[next_planned].1 as f64;
                next_planned += 1;
            }
            if last_planned.is_none_or(|last| day.date > last) {
                supply[t] += inputs.receipts_per_day;
                average_supply[t] = true;
            }
        }
        Plan {
            inputs,
            recorded,
            sent,
            capacity: inputs.print_capacity.clone(),
            supply,
            average_supply,
            receipts: inputs.window.iter().map(|d| d.receipts as f64).collect(),
            simulate_recording,
            simulate_printing,
        }
    }

    /// Runs `trials` trials on up to `threads` threads.
    pub fn run(&self, trials: usize, seed: u64, threads: usize) -> Outcome {
        let chunk_size = trials.div_ceil(CHUNKS).max(1);
        let chunks: Vec<std::ops::Range<usize>> = (0..trials)
            .step_by(chunk_size)
            .map(|start| start..(start + chunk_size).min(trials))
            .collect();
        let mut results: Vec<Option<Outcome>> = vec![None; chunks.len()];
        let threads = threads.clamp(1, chunks.len().max(1));
        if threads == 1 {
            for (slot, range) in results.iter_mut().zip(&chunks) {
                *slot = Some(self.run_range(range.clone(), seed));
            }
        } else {
            let next = AtomicUsize::new(0);
            let done: Vec<std::sync::Mutex<Option<Outcome>>> =
                chunks.iter().map(|_| std::sync::Mutex::new(None)).collect();
            std::thread::scope(|scope| {
                for _ in 0..threads {
                    scope.spawn(|| {
                        loop {
                            let i = next.fetch_add(1, Ordering::Relaxed);
                            let Some(range) = chunks.get(i) else { break };
                            let outcome = self.run_range(range.clone(), seed);
                            // A poisoned lock means another chunk panicked; the scope
                            // re-raises that panic, so this value is never read.
                            if let Ok(mut slot) = done[i].lock() {
                                *slot = Some(outcome);
                            }
                        }
                    });
                }
            });
            for (slot, cell) in results.iter_mut().zip(done) {
                *slot = cell.into_inner().ok().flatten();
            }
        }
        let mut outcome = Outcome::default();
        for part in results.into_iter().flatten() {
            outcome.recording.extend(part.recording);
            outcome.printing.extend(part.printing);
            outcome.first_stockout.extend(part.first_stockout);
        }
        outcome
    }

    fn run_range(&self, range: std::ops::Range<usize>, seed: u64) -> Outcome {
        let mut outcome = Outcome {
            recording: Vec::with_capacity(range.len()),
            printing: Vec::with_capacity(range.len()),
            first_stockout: Vec::with_capacity(range.len()),
        };
        for trial in range {
            let trial_seed = seed ^ (trial as u64).wrapping_mul(0xA24B_AED4_963E_E407);
            self.trial(trial_seed, &mut outcome);
        }
        outcome
    }

    /// Mean of a bootstrap resample over the mean of the sample: how far this trial's "true"
    /// rate lies from the observed one. Without it the forecast would pretend to know the
    /// rate exactly and its P85 would be too early.
    fn rate_scale(rng: &mut SplitMix64, samples: &[f64]) -> f64 {
        let n = samples.len();
        let mean: f64 = samples.iter().sum::<f64>() / n as f64;
        if mean <= 0.0 {
            return 1.0;
        }
        let resampled: f64 = (0..n).map(|_| samples[rng.below(n)]).sum::<f64>() / n as f64;
        resampled / mean
    }

    /// The trial's rates: one resample of the window gives its recording, sending and delivery
    /// scales; the printing capacity's (when printing is simulated) comes from the printing
    /// stream, `print_rng`.
    fn scales(&self, rng: &mut SplitMix64, print_rng: &mut SplitMix64, printing: bool) -> Scales {
        let n = self.recorded.len();
        let draws: Vec<usize> = (0..n).map(|_| rng.below(n)).collect();
        let ratio = |values: &[f64]| {
            let mean = values.iter().sum::<f64>();
            if mean <= 0.0 {
                1.0
            } else {
                draws.iter().map(|&i| values[i]).sum::<f64>() / mean
            }
        };
        let (recorded, sent, receipts) = (
            ratio(&self.recorded),
            ratio(&self.sent),
            ratio(&self.receipts),
        );
        let capacity = if printing {
            Self::rate_scale(print_rng, &self.capacity)
        } else {
            1.0
        };
        let mut scales = Scales {
            recorded,
            sent,
            receipts,
            capacity,
        };
        self.drift(rng, &mut scales);
        scales
    }

    /// Moves the trial's rates as one past period of this office moved them. Once a trial: a
    /// new move every period compounds over years into rates that never finish.
    fn drift(&self, rng: &mut SplitMix64, scales: &mut Scales) {
        let periods = &self.inputs.drift.periods;
        if periods.is_empty() {
            return;
        }
        let drift = periods[rng.below(periods.len())];
        scales.recorded *= drift[0].exp();
        scales.sent *= drift[1].exp();
        // Printing moves with the capacity and with the blanks that reach the office.
        scales.capacity *= drift[2].exp();
        scales.receipts *= drift[2].exp();
    }

    /// The stream a trial draws its printing capacity from: its own, so that what only
    /// printing reads (the blanks received, which decide which days show the capacity) changes
    /// no draw of recording or sending — booking a receipt leaves their dates where they were.
    fn print_stream(trial_seed: u64) -> SplitMix64 {
        SplitMix64::new(trial_seed ^ 0x5052_494E_545F_4341)
    }

    /// A trial's pipeline on the as-of date. With the centre's check, the records waiting for
    /// it are each given a lag from the office's own, counted from the day they were sent.
    /// The check draws its lags from a stream of its own (from `trial_seed`), so that the
    /// other stages' trials are the same with and without it.
    fn start(&self, trial_seed: u64) -> Pipeline {
        let inputs = self.inputs;
        let check = inputs.prr.as_ref().map(|stage| {
            let mut rng = SplitMix64::new(trial_seed ^ 0x5052_525F_4C41_4753);
            let longest = stage.lags.iter().copied().max().unwrap_or(0) as usize;
            let mut due = vec![0.0; longest + 1];
            for (age, amount) in &stage.queue {
                let lag = stage.lags[rng.below(stage.lags.len())] as usize;
                // Sent `age` working days before the as-of date and checked `lag` working days
                // after it was sent: on future day `lag - age - 1`, or the first one if overdue.
                let t = lag.saturating_sub(*age as usize + 1);
                due[t] += amount;
            }
            Check {
                prr: stage.prr as f64,
                due,
                rng,
            }
        });
        Pipeline {
            print_rng: Self::print_stream(trial_seed),
            recorded: inputs.recorded as f64,
            sent: inputs.sent as f64,
            printed: inputs.printed as f64,
            stock: inputs.stock.map(|s| s.max(0) as f64),
            check,
        }
    }

    /// Runs future day `t` of a trial: recording, sending, and printing when `print`. Returns
    /// whether the blanks ran out that day.
    fn step(
        &self,
        rng: &mut SplitMix64,
        t: usize,
        factor: f64,
        scales: &Scales,
        state: &mut Pipeline,
        print: bool,
    ) -> bool {
        let i = rng.below(self.recorded.len());
        state.recorded += self.recorded[i] * factor * scales.recorded;
        let send = (self.sent[i] * factor * scales.sent).min(state.recorded - state.sent);
        state.sent += send;
        let printable = match (state.check.as_mut(), self.inputs.prr.as_ref()) {
            (Some(check), Some(stage)) => {
                let slots = check.due.len();
                let lag = stage.lags[check.rng.below(stage.lags.len())] as usize;
                check.due[(t + lag) % slots] += send;
                let checked = std::mem::take(&mut check.due[t % slots]);
                check.prr += checked * stage.yield_share;
                check.prr
            }
            _ => state.sent,
        };
        if !print {
            return false;
        }
        let capacity =
            self.capacity[state.print_rng.below(self.capacity.len())] * factor * scales.capacity;
        let mut print = capacity.min(printable - state.printed).max(0.0);
        let mut ran_out = false;
        if let Some(blanks) = state.stock.as_mut() {
            let scale = if self.average_supply[t] {
                scales.receipts
            } else {
                1.0
            };
            *blanks += self.supply[t] * scale;
            print = print.min(*blanks);
            *blanks -= print;
            ran_out = *blanks < 1.0;
        }
        state.printed += print;
        ran_out
    }

    fn trial(&self, trial_seed: u64, outcome: &mut Outcome) {
        let rng = &mut SplitMix64::new(trial_seed);
        let inputs = self.inputs;
        let wajib = inputs.wajib_ktp as f64;
        let mut state = self.start(trial_seed);
        let scales = self.scales(rng, &mut state.print_rng, self.simulate_printing);
        let mut recording_day = if self.simulate_recording {
            NOT_REACHED
        } else {
            0
        };
        let mut printing_day = if self.simulate_printing {
            NOT_REACHED
        } else {
            0
        };
        let mut first_stockout = NOT_REACHED;
        for (t, day) in inputs.future.iter().enumerate() {
            let printing = printing_day == NOT_REACHED;
            let ran_out = self.step(rng, t, day.factor, &scales, &mut state, printing);
            if recording_day == NOT_REACHED && state.recorded >= wajib {
                recording_day = t as u32;
            }
            if printing {
                if ran_out && first_stockout == NOT_REACHED {
                    first_stockout = t as u32;
                }
                if state.printed >= wajib {
                    printing_day = t as u32;
                }
            }
            if recording_day != NOT_REACHED && printing_day != NOT_REACHED {
                break;
            }
        }
        outcome.recording.push(recording_day);
        outcome.printing.push(printing_day);
        outcome.first_stockout.push(first_stockout);
    }

    /// The cumulative recorded, sent and printed at the end of future day `horizon - 1` for
    /// each horizon (in working days, ascending), over `trials` trials: `[horizon][stage]` is
    /// the trials' values, stage 0 recorded, 1 sent, 2 printed. Printing runs in every trial,
    /// bounded by blanks, whatever the milestones' forecast could say.
    pub fn totals(&self, trials: usize, seed: u64, horizons: &[usize]) -> Vec<[Vec<f64>; 3]> {
        let mut out: Vec<[Vec<f64>; 3]> = horizons
            .iter()
            .map(|_| std::array::from_fn(|_| Vec::with_capacity(trials)))
            .collect();
        let last = horizons.iter().copied().max().unwrap_or(0);
        if self.recorded.is_empty() || self.capacity.is_empty() || last > self.inputs.future.len() {
            return out;
        }
        for trial in 0..trials {
            let trial_seed = seed ^ (trial as u64).wrapping_mul(0xA24B_AED4_963E_E407);
            let mut rng = SplitMix64::new(trial_seed);
            let mut state = self.start(trial_seed);
            let scales = self.scales(&mut rng, &mut state.print_rng, true);
            let mut next = 0;
            for (t, day) in self.inputs.future[..last].iter().enumerate() {
                self.step(&mut rng, t, day.factor, &scales, &mut state, true);
                while next < horizons.len() && horizons[next] == t + 1 {
                    out[next][0].push(state.recorded);
                    out[next][1].push(state.sent);
                    out[next][2].push(state.printed);
                    next += 1;
                }
            }
        }
        out
    }
}

/// One trial's rates relative to the window's.
struct Scales {
    recorded: f64,
    sent: f64,
    receipts: f64,
    capacity: f64,
}

/// Where a trial's pipeline stands.
struct Pipeline {
    /// The printing capacity's own random stream ([`Plan::print_stream`]).
    print_rng: SplitMix64,
    recorded: f64,
    sent: f64,
    printed: f64,
    stock: Option<f64>,
    /// The centre's check, where the office counts it.
    check: Option<Check>,
}

/// Records waiting for the centre's check and the PRR they become.
struct Check {
    prr: f64,
    /// Records to be checked on future day `t`, at `t % due.len()` (the longest lag plus one
    /// day ahead at most).
    due: Vec<f64>,
    rng: SplitMix64,
}

//! Generated offices whose regime changes, for judging the forecast's calibration (the test
//! `calibration` on a fixed set, the bench `calibration` on more).

use pantau::domain::Counts;
use pantau::forecast::History;
use pantau::forecast::backtest::{HorizonScore, Stage, calibrate, horizons};
use pantau::rng::SplitMix64;

use super::{counts, scenario};

/// An office of `days` working days whose rates move as real ones do: a drift over the whole
/// period, a month of outage (nothing sent, then the backlog sent at twice the rate), a
/// stock-out (nothing printed for six weeks), a Ramadan dip (everything at 0.65), and a push
/// in the month before a deadline that is then moved (everything at 1.3, then back).
pub fn office(rng: &mut SplitMix64, days: usize) -> Vec<Counts> {
    let base = rng.uniform(200.0, 700.0);
    let spread = rng.uniform(0.2, 0.6);
    let drift = rng.uniform(-0.5, 0.5);
    let outage = rng.below(days - 40);
    let stockout = rng.below(days - 40);
    let ramadan = rng.below(days - 30);
    let push = rng.below(days - 25);
    let printing = rng.uniform(0.5, 0.9);
    let (mut recorded, mut sent, mut printed) = (0.0f64, 0.0f64, 0.0f64);
    let mut out = Vec::with_capacity(days);
    for t in 0..days {
        let level = base * (1.0 + drift * t as f64 / days as f64);
        let mut season = if (ramadan..ramadan + 25).contains(&t) {
            0.65
        } else {
            1.0
        };
        if (push..push + 22).contains(&t) {
            season *= 1.3;
        }
        let mut noisy = |share: f64| {
            (level * share * season * (1.0 + spread * rng.uniform(-1.0, 1.0)))
                .round()
                .max(0.0)
        };
        let r = noisy(1.0);
        recorded += r;
        let wanted = if (outage..outage + 22).contains(&t) {
            0.0
        } else if (outage + 22..outage + 44).contains(&t) {
            noisy(1.9)
        } else {
            noisy(0.95)
        };
        let s = wanted.min(recorded - sent);
        sent += s;
        let wanted = if (stockout..stockout + 30).contains(&t) {
            0.0
        } else {
            noisy(printing)
        };
        let p = wanted.min(sent - printed);
        printed += p;
        out.push(counts(r as u64, s as u64, p as u64));
    }
    out
}

/// The rolling-origin scores of office `seed` (420 working days, `trials` per origin).
pub fn scores(seed: u64, trials: usize, threads: usize) -> Vec<HorizonScore> {
    let mut rng = SplitMix64::new(2800 + seed);
    let daily = office(&mut rng, 420);
    let s = scenario(50_000_000, counts(10_000, 10_000, 10_000), &daily);
    let history = History::new(&s.data);
    horizons(
        &history,
        *s.days.last().expect("days"),
        60,
        &[20, 60, 120],
        trials,
        threads,
    )
}

/// One stage and horizon over many offices: the raw forecasts of the origins that had a
/// calibration, and the calibrated ones.
#[derive(Debug, Clone, PartialEq)]
pub struct Goal {
    pub stage: Stage,
    pub working_days: usize,
    pub n: usize,
    pub raw_coverage: f64,
    pub coverage: f64,
    pub raw_p50_error: f64,
    pub p50_error: f64,
    pub raw_crps: f64,
    pub crps: f64,
}

/// One forecast's marks: inside its band, its P50 error in percent of the work, its CRPS.
type Marks = (bool, Option<f64>, f64);

/// The measures over `offices` (each office's scores), per stage and horizon.
pub fn goals(offices: &[Vec<HorizonScore>]) -> Vec<Goal> {
    let mut out: Vec<Goal> = Vec::new();
    let mut pooled: std::collections::BTreeMap<(usize, Stage), [Vec<Marks>; 2]> =
        Default::default();
    for scores in offices {
        for raw in scores {
            let fixed = calibrate(raw);
            let entry = pooled.entry((raw.working_days, raw.stage)).or_default();
            for case in &fixed.cases {
                let Some(same) = raw.cases.iter().find(|c| c.origin == case.origin) else {
                    continue;
                };
                entry[0].push((same.inside(), same.error_pct(), same.crps));
                entry[1].push((case.inside(), case.error_pct(), case.crps));
            }
        }
    }
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
    };
    for ((working_days, stage), [raw, calibrated]) in pooled {
        let n = raw.len().max(1) as f64;
        let coverage = |v: &[Marks]| v.iter().filter(|c| c.0).count() as f64 / n;
        let error = |v: &[Marks]| median(v.iter().filter_map(|c| c.1).collect());
        let crps = |v: &[Marks]| v.iter().map(|c| c.2).sum::<f64>() / n;
        out.push(Goal {
            stage,
            working_days,
            n: raw.len(),
            raw_coverage: coverage(&raw),
            coverage: coverage(&calibrated),
            raw_p50_error: error(&raw),
            p50_error: error(&calibrated),
            raw_crps: crps(&raw),
            crps: crps(&calibrated),
        });
    }
    out
}

impl std::fmt::Display for Goal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:<9} {:>3} wd  n {:>5}  inside P15–P85 {:.3} → {:.3}  P50 error {:>5.1} % → {:>5.1} %  CRPS {:>6.0} → {:>6.0} ({:.2}×)",
            format!("{:?}", self.stage),
            self.working_days,
            self.n,
            self.raw_coverage,
            self.coverage,
            self.raw_p50_error,
            self.p50_error,
            self.raw_crps,
            self.crps,
            self.crps / self.raw_crps
        )
    }
}

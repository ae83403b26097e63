//! `cargo bench --bench calibration`: the calibrated forecast bands on 24 generated offices
//! whose regime changes (`tests/common/regimes.rs`; the test's seeds 0–23, then 24 others) and
//! on the demo, against the goals:
//! P15–P85 coverage within 0.62–0.78 at every stage and horizon, the median P50 error no worse
//! than 1.1× the raw, the CRPS better than the raw at 60 and 120 working days. Prints the table
//! the README quotes; and the time the dashboard waits for its calibrated forecast on the demo
//! — the backtest from scratch, from its cache, after a day is added — against the goal of
//! 100 ms for the forecast with calibration.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../tests/common/mod.rs"]
mod common;

use common::regimes;
use pantau::forecast::History;
use pantau::forecast::backtest::horizons;

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let threads = pantau::forecast::default_threads();
    // The test's offices, then 24 others drawn the same way, which chose nothing: how the
    // calibration holds out of sample.
    for (seeds, label) in [
        (0..24, "24 generated offices"),
        (100..124, "24 other generated offices (seeds 100–123)"),
    ] {
        let offices: Vec<_> = seeds
            .map(|seed| regimes::scores(seed, 200, threads))
            .collect();
        println!("{label}, 200 trials per origin:");
        for goal in regimes::goals(&offices) {
            println!("  {goal}");
        }
    }
    let data = pantau::demo::build();
    let history = History::new(&data);
    let demo = horizons(
        &history,
        pantau::demo::LAST_DATE,
        60,
        &[20, 60, 120],
        200,
        threads,
    );
    println!("the demo, 200 trials per origin:");
    for goal in regimes::goals(&[demo]) {
        println!("  {goal}");
    }

    // The dashboard's wait on the demo's last day: forecast, backtest, calibration.
    use pantau::forecast::backtest::{Accuracy, calibrate_forecast};
    use std::collections::BTreeMap;
    use std::time::Instant;
    let last = pantau::demo::LAST_DATE;
    let before = history.days().iter().rev().nth(1).map(|d| d.date).unwrap();
    let ms = |start: Instant| start.elapsed().as_secs_f64() * 1000.0;
    let start = Instant::now();
    let (_, rows) = Accuracy::compute_cached(&history, before, 60, threads, &BTreeMap::new());
    let scratch = ms(start);
    // The cache as the day before left it: the new day adds one origin.
    let cache: BTreeMap<_, _> = rows.into_iter().collect();
    let start = Instant::now();
    let (accuracy, new) = Accuracy::compute_cached(&history, last, 60, threads, &cache);
    let one_day = ms(start);
    let cache: BTreeMap<_, _> = cache.into_iter().chain(new).collect();
    let start = Instant::now();
    let _ = Accuracy::compute_cached(&history, last, 60, threads, &cache);
    let cached = ms(start);
    let params = pantau::forecast::ForecastParams::default();
    let start = Instant::now();
    let forecast = pantau::forecast::forecast_at(&history, last, &params, threads);
    let forecast_ms = ms(start);
    let start = Instant::now();
    let calibrated = calibrate_forecast(&forecast, &history, &accuracy.calibrations);
    let calibrate_ms = ms(start);
    assert!(calibrated.calibrated);
    println!(
        "the demo's backtest: {scratch:.0} ms from scratch, {one_day:.0} ms after a day is \
         added to its cache, {cached:.0} ms from a current cache; the forecast \
         ({} trials) {forecast_ms:.0} ms and its calibration {calibrate_ms:.2} ms",
        params.trials
    );
}

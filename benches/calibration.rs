//! `cargo bench --bench calibration`: the calibrated forecast bands on 24 generated offices
//! whose regime changes (`tests/common/regimes.rs`) and on the demo, against the goals:
//! P15–P85 coverage within 0.62–0.78 at every stage and horizon, the median P50 error no worse
//! than 1.1× the raw, the CRPS better than the raw at 60 and 120 working days. Prints the table
//! the README quotes.

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
    let offices: Vec<_> = (0..24)
        .map(|seed| regimes::scores(seed, 200, threads))
        .collect();
    println!("24 generated offices, 200 trials per origin:");
    for goal in regimes::goals(&offices) {
        println!("  {goal}");
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
}

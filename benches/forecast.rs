//! `cargo bench`: the forecast's speed on the illustrative data, and how far the slip
//! history's fast path (fewer trials per date) lies from the full 10 000-trial forecast.
//!
//! Goals: one forecast with 10 000 trials under 50 ms; the full slip history from
//! 1 January 2016 to 30 June 2017 under 1 second, on a 2-core machine.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A test that cannot go on says so by panicking.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use pantau::demo;
use pantau::forecast::slip::{Progress, compute, slip_dates, slip_params};
use pantau::forecast::{ForecastParams, History, default_threads, forecast_at};

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a valid constant date")
}

/// Median wall time of `runs` runs.
fn time<T>(runs: usize, mut work: impl FnMut() -> T) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(work());
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn ms(duration: Duration) -> String {
    format!("{:.1} ms", duration.as_secs_f64() * 1000.0)
}

fn main() {
    // `cargo test --benches` runs this with --bench absent; only time when asked to bench.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let data = demo::build();
    let history = History::new(&data);
    let threads = default_threads();
    let full = ForecastParams::default();
    println!("threads: {threads}");

    println!("\n== one forecast, {} trials (goal < 50 ms)", full.trials);
    for as_of in ["2016-08-26", "2016-10-05", "2017-03-01", "2017-06-23"] {
        let t = time(9, || forecast_at(&history, d(as_of), &full, threads));
        println!("as of {as_of}: {}", ms(t));
    }

    let fast = slip_params(full.window_days);
    let dates = slip_dates(&history, d("2016-01-01"), d("2017-06-30"));
    println!(
        "\n== full slip history, {} dates x {} trials (goal < 1 s)",
        dates.len(),
        fast.trials
    );
    let t = time(3, || {
        compute(
            &history,
            &dates,
            &fast,
            &BTreeMap::new(),
            &Progress::default(),
            threads,
        )
    });
    println!("computed: {}", ms(t));
    let entries = compute(
        &history,
        &dates,
        &fast,
        &BTreeMap::new(),
        &Progress::default(),
        threads,
    )
    .expect("not cancelled");
    let cache: BTreeMap<_, _> = entries.iter().filter_map(|e| e.cache_row()).collect();
    let t = time(3, || {
        compute(
            &history,
            &dates,
            &fast,
            &cache,
            &Progress::default(),
            threads,
        )
    });
    println!("from the cache: {}", ms(t));

    println!(
        "\n== fast path ({} trials) against {} trials, every 5th date, in working days",
        fast.trials, full.trials
    );
    let mut diffs: BTreeMap<&str, Vec<i64>> = BTreeMap::new();
    let mut null_mismatch = 0;
    for entry in entries.iter().step_by(5) {
        let as_of = entry.forecast.as_of;
        let reference = forecast_at(&history, as_of, &full, threads);
        let pairs = [
            (
                "recording P50",
                entry.forecast.recording.p50,
                reference.recording.p50,
            ),
            (
                "recording P85",
                entry.forecast.recording.p85,
                reference.recording.p85,
            ),
            (
                "printing P50",
                entry.forecast.printing.p50,
                reference.printing.p50,
            ),
            (
                "printing P85",
                entry.forecast.printing.p85,
                reference.printing.p85,
            ),
        ];
        for (name, fast_date, full_date) in pairs {
            match (fast_date, full_date) {
                (Some(a), Some(b)) => diffs
                    .entry(name)
                    .or_default()
                    .push(history.working_days_between(b, a)),
                (None, None) => {}
                _ => null_mismatch += 1,
            }
        }
    }
    for (name, values) in &diffs {
        let mut abs: Vec<i64> = values.iter().map(|v| v.abs()).collect();
        abs.sort();
        let mean = abs.iter().sum::<i64>() as f64 / abs.len() as f64;
        let horizon: Vec<i64> = values.to_vec();
        let bias = horizon.iter().sum::<i64>() as f64 / horizon.len() as f64;
        println!(
            "{name}: {} dates, mean |diff| {mean:.1}, median {}, max {}, mean signed {bias:+.1}",
            abs.len(),
            abs[abs.len() / 2],
            abs[abs.len() - 1]
        );
    }
    println!("dates where only one of the two had a date: {null_mismatch}");
}

//! The forecast: deterministic, sane, honest about what it cannot say, calibrated, and showing
//! the slip the article reports.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A test that cannot go on says so by panicking.

mod common;

use common::{counts, d, scenario};
use pantau::demo;
use pantau::domain::{Counts, PlannedDelivery, StockEvent, StockEventKind};
use pantau::forecast::backtest::{cases, summarize};
use pantau::forecast::{Constraint, ForecastParams, History, Limit, forecast, forecast_at};
use pantau::locale::{self, Lang};
use pantau::rng::SplitMix64;

fn params(trials: usize) -> ForecastParams {
    ForecastParams {
        window_days: 60,
        trials,
    }
}

/// 80 days of about 100 recorded, sent and printed a day, with 20.000 still to do.
fn steady(scale: f64) -> common::Scenario {
    let mut rng = SplitMix64::new(7);
    let daily: Vec<Counts> = (0..80)
        .map(|_| {
            let n = (100.0 * scale * rng.uniform(0.5, 1.5)).round() as u64;
            counts(n, n, n)
        })
        .collect();
    scenario(30_000, counts(2_000, 2_000, 2_000), &daily)
}

/// A milestone's reason in words, or "" without one.
fn text(lang: Lang, reason: &Option<Constraint>) -> String {
    reason
        .as_ref()
        .map(|r| locale::constraint(lang, r))
        .unwrap_or_default()
}

#[test]
fn the_same_data_gives_the_same_forecast() {
    let s = steady(1.0);
    let as_of = *s.days.last().unwrap();
    let a = forecast(&s.data, as_of, &params(2_000));
    let b = forecast(&s.data, as_of, &params(2_000));
    assert_eq!(a, b);
    let history = History::new(&s.data);
    let one_thread = forecast_at(&history, as_of, &params(2_000), 1);
    let four_threads = forecast_at(&history, as_of, &params(2_000), 4);
    assert_eq!(one_thread, four_threads, "threads do not change the answer");
    let r = &a.recording;
    assert!(r.p50.unwrap() <= r.p85.unwrap() && r.p85.unwrap() <= r.p95.unwrap());
    assert_eq!(
        r.remaining,
        30_000 - 2_000 - s.data.totals(1, as_of).recorded + 2_000
    );
}

/// A delivery announced re-draws no trial: on the demo's last day the helper's 5.000 for
/// 2 August leaves recording's dates exactly where they were — blanks do not record anyone —
/// while printing follows the blanks. With a seed from every input, recording's P85 moved from
/// 30 Apr to 20 May 2020. (A receipt booked still moves them a little: it changes the printing
/// capacity's samples, whose draw shares the trial's stream.)
#[test]
fn a_delivery_announced_leaves_recordings_dates_where_they_were() {
    let data = demo::build();
    let as_of = demo::LAST_DATE;
    let before = forecast_at(&History::new(&data), as_of, &params(2_000), 2);
    let mut announced = data.clone();
    announced.planned_deliveries.push(PlannedDelivery {
        id: None,
        planned_on: as_of,
        expected_on: d("2017-08-02"),
        quantity: 5_000,
        note: String::new(),
    });
    let after = forecast_at(&History::new(&announced), as_of, &params(2_000), 2);
    assert_ne!(after.blank_supply, before.blank_supply);
    assert_eq!(after.recording, before.recording);
}

/// Blanks received and booked in Blangko tell printing more blanks and more days that show what
/// the station can print; recording's and sending's trials read none of it, so their dates
/// stay where they were (a receipt used to re-draw recording's trials: the printing
/// capacity's draws shared their random stream).
#[test]
fn a_receipt_booked_leaves_recordings_dates_where_they_were() {
    let data = demo::build();
    let as_of = demo::LAST_DATE;
    let history = History::new(&data);
    let before = forecast_at(&history, as_of, &params(2_000), 2);
    let inputs_before = history.inputs(as_of, ForecastParams::default().window_days);
    let mut booked = data.clone();
    for (date, quantity) in [("2017-06-07", 3_000), ("2017-06-23", 5_000)] {
        booked.stock_events.push(StockEvent {
            id: None,
            date: d(date),
            kind: StockEventKind::Receipt,
            quantity,
            document: format!("BAST {date}"),
            counterparty: "Ditjen Dukcapil".into(),
            note: String::new(),
        });
    }
    let history = History::new(&booked);
    let inputs_after = history.inputs(as_of, ForecastParams::default().window_days);
    // The receipts change what printing reads: the stock, and the days that show the capacity.
    assert_ne!(inputs_after.stock, inputs_before.stock);
    assert_ne!(
        inputs_after.print_capacity.len(),
        inputs_before.print_capacity.len()
    );
    let after = forecast_at(&history, as_of, &params(2_000), 2);
    assert_ne!(after.printing, before.printing);
    assert_eq!(after.recording, before.recording);
}

#[test]
fn more_throughput_never_gives_a_later_date() {
    let slow = steady(1.0);
    let fast = steady(1.5);
    let as_of = *slow.days.last().unwrap();
    let slow = forecast(&slow.data, as_of, &params(4_000));
    let fast = forecast(&fast.data, as_of, &params(4_000));
    for (s, f) in [
        (&slow.recording, &fast.recording),
        (&slow.printing, &fast.printing),
    ] {
        assert!(f.remaining <= s.remaining);
        assert!(
            f.p50.unwrap() <= s.p50.unwrap(),
            "{:?} vs {:?}",
            f.p50,
            s.p50
        );
        assert!(f.p85.unwrap() <= s.p85.unwrap());
        assert!(f.p95.unwrap() <= s.p95.unwrap());
    }
}

#[test]
fn the_forecast_uses_only_data_up_to_the_as_of_date() {
    let s = steady(1.0);
    let as_of = s.days[59];
    let full = forecast(&s.data, as_of, &params(1_000));
    let mut cut = s.data.clone();
    cut.reports.retain(|(_, date), _| *date <= as_of);
    assert_eq!(full, forecast(&cut, as_of, &params(1_000)));
}

#[test]
fn no_target_too_little_history_and_no_recording_give_reasons_not_dates() {
    let s = scenario(0, Counts::default(), &[counts(5, 5, 5); 20]);
    let f = forecast(&s.data, s.days[19], &params(500));
    assert_eq!(f.recording.p50, None);
    assert_eq!(f.recording.limit, Limit::NoData);
    assert_eq!(f.recording.reason, Some(Constraint::NoTarget));
    assert_eq!(
        text(Lang::Id, &f.recording.reason),
        "belum ada target wajib KTP"
    );
    assert_eq!(
        text(Lang::En, &f.recording.reason),
        "no wajib KTP target yet"
    );

    let s = scenario(1_000, Counts::default(), &[counts(5, 5, 5); 3]);
    let f = forecast(&s.data, s.days[2], &params(500));
    assert_eq!(
        f.printing.reason,
        Some(Constraint::ShortHistory { days: 3, needed: 5 })
    );
    assert_eq!(
        text(Lang::Id, &f.printing.reason),
        "riwayat terlalu pendek: 3 hari kerja berlaporan, perlu sedikitnya 5"
    );
    assert_eq!(
        text(Lang::En, &f.printing.reason),
        "history too short: 3 working days with reports, at least 5 needed"
    );

    let s = scenario(1_000, counts(500, 500, 500), &[counts(0, 0, 0); 30]);
    let f = forecast(&s.data, s.days[29], &params(500));
    assert_eq!(f.recording.p85, None);
    assert_eq!(
        text(Lang::Id, &f.recording.reason),
        "tidak ada perekaman dalam 30 hari kerja terakhir"
    );
}

#[test]
fn an_outage_that_stops_all_sending_leaves_printing_without_a_date() {
    // Recording goes on; nothing reaches the centre; the few records already accepted are
    // printed within days and then printing has nothing left to print.
    let mut daily = vec![counts(100, 100, 50); 20];
    daily.extend(vec![counts(100, 0, 0); 60]);
    let s = scenario(100_000, counts(10_000, 10_000, 9_000), &daily);
    let f = forecast(&s.data, *s.days.last().unwrap(), &params(1_000));
    assert!(
        f.recording.p50.is_some(),
        "recording does not need the server"
    );
    assert_eq!(f.printing.p50, None);
    assert_eq!(f.printing.limit, Limit::Sending);
    assert!(
        text(Lang::Id, &f.printing.reason)
            .starts_with("tidak ada data terkirim ke pusat dalam 60 hari kerja terakhir"),
        "{:?}",
        f.printing.reason
    );
}

#[test]
fn printing_waits_for_blanks_and_says_so() {
    let daily = vec![counts(300, 300, 0); 60];
    let mut s = scenario(200_000, counts(50_000, 50_000, 10_000), &daily);
    // A count of zero on the first day: the stock is known, and empty, with no deliveries.
    s.data.stock_events.push(StockEvent {
        id: Some(1),
        date: s.days[0],
        kind: StockEventKind::Count,
        quantity: 0,
        document: String::new(),
        counterparty: String::new(),
        note: String::new(),
    });
    // Printing capacity is known from earlier days with blanks.
    let mut with_history = vec![counts(300, 300, 400); 20];
    with_history.extend(vec![counts(300, 300, 0); 60]);
    let mut s2 = scenario(200_000, counts(50_000, 50_000, 10_000), &with_history);
    s2.data.stock_events.push(StockEvent {
        date: s2.days[0],
        quantity: 8_000,
        ..s.data.stock_events[0].clone()
    });
    let as_of = *s2.days.last().unwrap();
    let f = forecast(&s2.data, as_of, &params(1_000));
    assert_eq!(f.printing.p50, None);
    assert_eq!(f.printing.limit, Limit::Blanks);
    assert_eq!(
        locale::constraint(Lang::Id, &f.printing.limited_by),
        "stok blangko habis sejak 29 Jan 2016, belum ada pengiriman terjadwal"
    );
    assert_eq!(
        locale::constraint(Lang::En, &f.printing.limited_by),
        "blank stock out since 29 Jan 2016, no delivery announced"
    );
    assert!(
        locale::blank_supply(Lang::Id, &f.blank_supply).contains("belum ada pengiriman terjadwal")
    );

    // The centre announces enough blanks: printing gets dates, bounded by the deliveries.
    // 3.000 every two weeks is 300 a working day, below the 400 a day the station can print.
    s2.data.planned_deliveries = (1..=70)
        .map(|i| PlannedDelivery {
            id: Some(i),
            planned_on: as_of,
            expected_on: as_of + chrono::Days::new(14 * i as u64),
            quantity: 3_000,
            note: String::new(),
        })
        .collect();
    let f = forecast(&s2.data, as_of, &params(1_000));
    let p50 = f.printing.p50.expect("blanks now arrive");
    let needed = f.printing.remaining.div_ceil(3_000);
    assert!(
        p50 >= as_of + chrono::Days::new(14 * needed),
        "{} cards need {needed} deliveries; P50 {p50}",
        f.printing.remaining
    );
    assert_eq!(f.printing.limit, Limit::Blanks);
    let limited_by = locale::constraint(Lang::Id, &f.printing.limited_by);
    assert!(
        limited_by.contains("70 pengiriman terjadwal"),
        "{limited_by}"
    );
}

#[test]
fn a_milestone_already_reached_reports_its_date() {
    let s = scenario(1_000, counts(900, 900, 100), &vec![counts(20, 20, 20); 10]);
    let f = forecast(&s.data, s.days[9], &params(500));
    assert_eq!(f.recording.remaining, 0);
    assert_eq!(f.recording.p50, Some(s.days[4]));
    assert_eq!(f.recording.limit, Limit::Reached);
}

#[test]
fn the_probability_of_the_deadline_follows_the_dates() {
    let mut s = steady(1.0);
    let as_of = *s.days.last().unwrap();
    s.data.deadlines.push(pantau::domain::Deadline {
        decided_on: d("2016-01-01"),
        deadline: d("2030-12-31"),
        note: String::new(),
    });
    let f = forecast(&s.data, as_of, &params(1_000));
    assert_eq!(f.recording.prob_by_deadline, Some(1.0));
    s.data.deadlines[0].deadline = as_of;
    let f = forecast(&s.data, as_of, &params(1_000));
    assert_eq!(f.recording.prob_by_deadline, Some(0.0));
    s.data.deadlines[0].deadline = f.recording.p50.unwrap();
    let f = forecast(&s.data, as_of, &params(1_000));
    let p = f.recording.prob_by_deadline.unwrap();
    assert!((0.45..=0.75).contains(&p), "{p}");
}

/// 200 scenarios of stationary throughput: the forecast at day 60 against what then happened.
#[test]
fn forecasts_are_calibrated_on_stationary_scenarios() {
    let mut all = Vec::new();
    let mut last_history = None;
    for seed in 0..200u64 {
        let mut rng = SplitMix64::new(1000 + seed);
        let base = rng.uniform(100.0, 800.0);
        let spread = rng.uniform(0.2, 0.9);
        let ahead = rng.uniform(20.0, 150.0);
        let draw = |rng: &mut SplitMix64| {
            (base * (1.0 + spread * rng.uniform(-1.0, 1.0)))
                .round()
                .max(0.0) as u64
        };
        let mut daily: Vec<Counts> = (0..60)
            .map(|_| draw(&mut rng))
            .map(|n| counts(n, n, 0))
            .collect();
        let recorded: u64 = daily.iter().map(|c| c.recorded).sum();
        let wajib = 10_000 + recorded + (base * ahead) as u64;
        let mut total = 10_000 + recorded;
        while total < wajib {
            let n = draw(&mut rng);
            total += n;
            daily.push(counts(n, n, 0));
        }
        let s = scenario(wajib, counts(10_000, 10_000, 0), &daily);
        let history = History::new(&s.data);
        all.extend(cases(
            &history,
            &[s.days[59]],
            &pantau::forecast::slip::slip_params(60),
            2,
        ));
        last_history = Some(history);
    }
    let result = summarize(&last_history.unwrap(), all);
    assert_eq!(result.n, 200, "every scenario reaches recording");
    let p85 = result.p85_coverage.unwrap();
    let p50 = result.p50_coverage.unwrap();
    assert!((0.78..=0.92).contains(&p85), "P85 coverage {p85}");
    assert!((0.40..=0.60).contains(&p50), "P50 coverage {p50}");
    assert!(result.p50_median_error_days.unwrap() < 10.0);
}

#[test]
fn the_demo_shows_the_slip_of_the_article() {
    let data = demo::build();
    let history = History::new(&data);
    let p = ForecastParams::default();
    let before_outage = forecast_at(&history, d("2016-08-26"), &p, 2);
    let article = forecast_at(&history, d("2016-10-05"), &p, 2);
    assert_eq!(before_outage.deadline, Some(d("2016-09-30")));
    assert_eq!(article.deadline, Some(d("2017-06-30")));
    let (before, after) = (
        before_outage.recording.p50.unwrap(),
        article.recording.p50.unwrap(),
    );
    assert!(after > d("2017-06-30"), "well after the deadlines: {after}");
    assert!(
        after > before,
        "later than before the outage: {after} vs {before}"
    );
    assert!(article.recording.p85.unwrap() > before_outage.recording.p85.unwrap());
    assert_eq!(article.recording.prob_by_deadline, Some(0.0));
    // Printing: blanks are the limit, and the forecast says so rather than inventing a date.
    assert_eq!(article.printing.limit, Limit::Blanks);
    assert!(
        locale::constraint(Lang::Id, &article.printing.limited_by)
            .starts_with("stok blangko habis")
    );
    assert!(article.printing.p50.is_none());
    assert!(article.printing.reason.is_some());
    // Ramadan is known as a slower period.
    assert!(data.season_factor(d("2017-06-01")) < 1.0);
}

/// The slip history is cached by data version: reopening computes nothing, and an edit
/// recomputes only the as-of dates on or after it.
#[test]
fn the_slip_cache_recomputes_only_what_an_edit_can_change() {
    use pantau::forecast::slip::{SlipJob, slip_dates, slip_params};
    let db = common::temp_path("slip.pantau");
    let mut store = pantau::store::Store::create(&db.path).unwrap();
    store.populate(&demo::build(), common::today()).unwrap();
    let params = slip_params(60);
    let key = params.cache_key();
    let run = |store: &mut pantau::store::Store| {
        let data = store.load().unwrap();
        let history = std::sync::Arc::new(History::new(&data));
        let dates = slip_dates(&history, d("2016-09-01"), d("2016-10-31"));
        let cache = store.forecast_cache(&key).unwrap();
        let job = SlipJob::spawn(history, dates, params, cache);
        let entries = job.join().unwrap();
        let rows: Vec<_> = entries
            .iter()
            .filter(|e| e.computed)
            .filter_map(|e| e.cache_row())
            .collect();
        store.save_forecast_cache(&key, &rows).unwrap();
        entries
    };
    let first = run(&mut store);
    assert_eq!(
        first.len(),
        42,
        "working days of September and October 2016"
    );
    assert!(first.iter().all(|e| e.computed));
    let again = run(&mut store);
    assert!(again.iter().all(|e| !e.computed), "all from the cache");
    for (a, b) in first.iter().zip(&again) {
        assert!(
            a.forecast == b.forecast,
            "the cache returns what was computed on {}",
            a.forecast.as_of
        );
    }
    // Torjun's report of 3 October 2016 is corrected.
    let mut report = store.load().unwrap().reports[&(2, d("2016-10-03"))].clone();
    report.counts.recorded += 40;
    report.counts.suket_issued += 1;
    store.save_report(&report, common::today()).unwrap();
    let after = run(&mut store);
    for entry in &after {
        assert_eq!(
            entry.computed,
            entry.forecast.as_of >= d("2016-10-03"),
            "{}",
            entry.forecast.as_of
        );
    }
    let changed = after
        .iter()
        .find(|e| e.forecast.as_of == d("2016-10-03"))
        .unwrap();
    let before = first
        .iter()
        .find(|e| e.forecast.as_of == d("2016-10-03"))
        .unwrap();
    assert_eq!(
        changed.forecast.recording.remaining + 40,
        before.forecast.recording.remaining
    );
}

#[test]
fn a_slip_computation_can_be_cancelled_and_reports_progress() {
    use pantau::forecast::slip::{SlipJob, slip_dates, slip_params};
    let data = demo::build();
    let history = std::sync::Arc::new(History::new(&data));
    let dates = slip_dates(&history, d("2016-01-01"), d("2017-06-30"));
    let total = dates.len();
    let job = SlipJob::spawn(history, dates, slip_params(60), Default::default());
    assert_eq!(job.progress().1, total);
    job.cancel();
    assert!(job.join().is_err());
}

/// Stationary throughput with known spread: the rolling-origin backtest finds the P15–P85
/// band holding about 70 % of what happened, at every stage and horizon.
#[test]
fn the_rolling_origin_backtest_is_calibrated_on_stationary_data() {
    use pantau::forecast::backtest::{Stage, horizons};
    let mut pooled: std::collections::BTreeMap<(usize, Stage), (usize, usize)> = Default::default();
    for seed in 0..24u64 {
        let mut rng = SplitMix64::new(500 + seed);
        let base = rng.uniform(150.0, 600.0);
        let spread = rng.uniform(0.2, 0.8);
        let mut draw = |share: f64| {
            (base * share * (1.0 + spread * rng.uniform(-1.0, 1.0)))
                .round()
                .max(0.0) as u64
        };
        let daily: Vec<Counts> = (0..150)
            .map(|_| counts(draw(1.0), draw(0.9), draw(0.6)))
            .collect();
        let s = scenario(5_000_000, counts(10_000, 10_000, 10_000), &daily);
        let history = History::new(&s.data);
        let scores = horizons(&history, *s.days.last().unwrap(), 60, &[20, 60], 300, 2);
        assert_eq!(scores.len(), 6, "two horizons, three stages");
        for score in scores {
            let entry = pooled.entry((score.working_days, score.stage)).or_default();
            entry.0 += score.cases.iter().filter(|c| c.inside()).count();
            entry.1 += score.n;
        }
    }
    for ((h, stage), (inside, n)) in pooled {
        // Origins from the fifth reported day to the horizon's end: 145 − h of them.
        assert_eq!(n, 24 * (150 - 5 + 1 - h), "{stage:?} at {h}");
        let coverage = inside as f64 / n as f64;
        assert!(
            (0.6..=0.8).contains(&coverage),
            "{stage:?} {h} working days ahead: {coverage:.3} inside P15–P85"
        );
    }
}

/// The demo has not finished, but its forecasts can be tested from the first months: every
/// stage at every horizon has cases, each with a P15 ≤ P50 ≤ P85 band.
#[test]
fn the_demo_can_be_backtested_before_anything_is_finished() {
    use pantau::forecast::backtest::{HORIZONS, Stage, horizons};
    let data = demo::build();
    let history = History::new(&data);
    let scores = horizons(&history, demo::LAST_DATE, 60, &HORIZONS, 200, 2);
    assert_eq!(scores.len(), 9);
    for score in &scores {
        assert!(
            score.n > 100,
            "{:?} {}: n {}",
            score.stage,
            score.working_days,
            score.n
        );
        assert!(score.cases.iter().all(|c| c.p15 <= c.p50 && c.p50 <= c.p85));
        let coverage = score.interval_coverage.unwrap();
        assert!((0.0..=1.0).contains(&coverage));
        assert!(score.p50_median_abs_error_pct.unwrap() >= 0.0);
    }
    // Nothing after the as-of date is used: up to a date, the cases end a horizon before it.
    let until = demo::ANCHOR_DATE;
    let early = horizons(&history, until, 60, &[20], 100, 2);
    let recorded = early.iter().find(|s| s.stage == Stage::Recorded).unwrap();
    assert!(recorded.n > 0);
    let last_origin = recorded.cases.iter().map(|c| c.origin).max().unwrap();
    assert_eq!(history.working_days_between(last_origin, until), 20);
}

/// An office whose rates have swung from one period to the next gets a wider band than one
/// whose rates held, from the same recent window: the forecast is as uncertain as the office
/// has been.
#[test]
fn rates_that_moved_before_widen_the_band() {
    let mut rng = SplitMix64::new(11);
    let mut noisy = |level: f64| (level * rng.uniform(0.8, 1.2)).round() as u64;
    let recent: Vec<Counts> = (0..60)
        .map(|_| noisy(300.0))
        .map(|n| counts(n, n, 0))
        .collect();
    let steady: Vec<Counts> = (0..160)
        .map(|_| noisy(300.0))
        .map(|n| counts(n, n, 0))
        .chain(recent.iter().copied())
        .collect();
    let swinging: Vec<Counts> = (0..160)
        .map(|i| noisy(if (i / 40) % 2 == 0 { 120.0 } else { 480.0 }))
        .map(|n| counts(n, n, 0))
        .chain(recent.iter().copied())
        .collect();
    let spread = |daily: &[Counts]| {
        let s = scenario(200_000, counts(10_000, 10_000, 0), daily);
        let f = forecast(&s.data, *s.days.last().unwrap(), &params(2_000));
        let history = History::new(&s.data);
        history.working_days_between(f.recording.p50.unwrap(), f.recording.p85.unwrap())
    };
    let (calm, moved) = (spread(&steady), spread(&swinging));
    assert!(
        moved as f64 >= calm as f64 * 1.5 + 5.0,
        "P50→P85: {calm} working days after steady rates, {moved} after swinging ones"
    );
}

/// Reports typed for the Idul Fitri holidays after the last working day (26–29 June 2017, as an
/// office that works through cuti bersama does) count in the forecast's totals on 30 June as
/// they do in the summary: the deadline's "still to record" is the wajib KTP less the totals.
#[test]
fn reports_on_the_holidays_after_the_last_working_day_count_in_the_totals() {
    let mut data = demo::build();
    let units: Vec<i64> = data
        .units
        .iter()
        .filter(|u| u.kind == pantau::domain::UnitKind::Kecamatan)
        .map(|u| u.id)
        .collect();
    for date in ["2017-06-26", "2017-06-27", "2017-06-28", "2017-06-29"] {
        for unit in &units {
            data.put_report(pantau::domain::DailyReport {
                unit_id: *unit,
                date: d(date),
                counts: counts(40, 38, 0),
                server_ok: true,
                note: String::new(),
                prr: Some(pantau::domain::PrrCounts {
                    prr: 36,
                    ..Default::default()
                }),
            });
        }
    }
    let as_of = d("2017-06-30");
    let f = forecast(&data, as_of, &params(500));
    let recorded: u64 = data
        .units
        .iter()
        .map(|u| data.totals(u.id, as_of).recorded)
        .sum();
    let history = History::new(&data);
    let pace = f.pace.expect("a deadline and a target");
    assert_eq!(
        pace.recorded.remaining,
        history.wajib_ktp(as_of).saturating_sub(recorded)
    );
    assert_eq!(f.recording.remaining, pace.recorded.remaining);
}

//! Forecast bands calibrated on the office's own track record (issue 28): on generated offices
//! whose regime changes (an outage of a month, a blank stock-out, a drifting rate, Ramadan, a
//! push before a deadline that moves), the calibrated P15–P85 band holds about 70 % of outcomes
//! at every stage and horizon and its P50 is the raw one's; no calibration looks ahead; the
//! dashboard's milestone dates move by the track record and say so.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::regimes;
use common::{counts, scenario};
use pantau::forecast::backtest::{
    CALIBRATION_MIN_CASES, HorizonScore, Stage, calibrate, calibrate_forecast, calibrations,
    horizons,
};
use pantau::forecast::{ForecastParams, History, forecast_at};

/// The goals on a fixed set of generated offices (more in `cargo bench --bench
/// calibration`): calibrated coverage within 0.62–0.78 at 20, 60 and 120 working days for
/// every stage, against 0.55–0.66 raw; the median P50 error no worse than 1.1× the raw. The
/// CRPS is not better than the raw model's (1.00–1.08× at 60 and 120 working days, up to 1.11×
/// at 20 for printing: the widening costs sharpness where the model's core was right, see the
/// README); it is held to 1.1× at 60 and 120 and 1.15× at 20 (the first calibration, which
/// followed the office's misses fast, reached 1.26×).
#[test]
fn calibrated_bands_keep_their_word_on_offices_whose_regime_changes() {
    let offices: Vec<Vec<HorizonScore>> =
        (0..24).map(|seed| regimes::scores(seed, 60, 2)).collect();
    let goals = regimes::goals(&offices);
    assert_eq!(goals.len(), 9, "three stages at three horizons");
    let mut failures = Vec::new();
    for goal in &goals {
        eprintln!("{goal}");
        assert!(goal.n >= 200, "{goal}");
        if !(0.62..=0.78).contains(&goal.coverage) {
            failures.push(format!("coverage: {goal}"));
        }
        if goal.p50_error > 1.1 * goal.raw_p50_error {
            failures.push(format!("P50: {goal}"));
        }
        let most = if goal.working_days < 60 { 1.15 } else { 1.1 };
        if goal.crps > most * goal.raw_crps {
            failures.push(format!("CRPS: {goal}"));
        }
    }
    // The raw band is too narrow on these offices: the calibration has work to do.
    assert!(goals.iter().all(|g| g.raw_coverage < 0.68), "{goals:#?}");
    assert!(failures.is_empty(), "{failures:#?}");
}

/// No look-ahead: a calibrated forecast made on a day is the same whatever happened after it —
/// the outcomes after its origin may be anything.
#[test]
fn no_calibrated_forecast_knows_what_came_after_it() {
    let scores = regimes::scores(7, 60, 2);
    let score = scores
        .iter()
        .find(|s| s.stage == Stage::Sent && s.working_days == 20)
        .unwrap();
    let calibrated = calibrate(score);
    let origin = calibrated.cases[calibrated.cases.len() / 2].origin;
    let mut changed = score.clone();
    for case in &mut changed.cases {
        if case.outcome > origin {
            case.actual *= 3.0;
        }
    }
    let again = calibrate(&changed);
    let at = |s: &HorizonScore| {
        s.cases
            .iter()
            .find(|c| c.origin == origin)
            .cloned()
            .unwrap()
    };
    let (before, after) = (at(&calibrated), at(&again));
    assert_eq!(
        (before.p15, before.p50, before.p85),
        (after.p15, after.p50, after.p85)
    );
    // …while a later forecast, which knew those outcomes, did move.
    let later = calibrated.cases.last().unwrap().origin;
    let (a, b) = (
        calibrated.cases.iter().find(|c| c.origin == later).unwrap(),
        again.cases.iter().find(|c| c.origin == later).unwrap(),
    );
    assert_ne!((a.p15, a.p85), (b.p15, b.p85));
    // The calibration a forecast on `origin` gets is the one its backtest case got.
    let now = calibrations(std::slice::from_ref(score), origin)[0].unwrap();
    let raw = score.cases.iter().find(|c| c.origin == origin).unwrap();
    // P85 moved away from P70, the upper edge of the core that stays.
    let p70 = raw.members[(0.7 * raw.members.len() as f64).ceil() as usize - 1];
    let stretched = p70 + (raw.p85 - p70) * now.upper;
    assert!(
        (stretched - before.p85).abs() < 1e-6,
        "{stretched} {}",
        before.p85
    );
    let changed_now = calibrations(std::slice::from_ref(&changed), origin)[0].unwrap();
    assert_eq!(now, changed_now);
    // The slip history's forecast of that day gets the same, from a backtest run to its end.
    let last = score.cases.iter().map(|c| c.outcome).max().unwrap();
    let accuracy = pantau::forecast::backtest::Accuracy::of(vec![score.clone()], last);
    assert_eq!(accuracy.calibrations_on(origin), vec![Some(now)]);
}

/// A calibration knows how often its band held: on the last day, the share of the stage's
/// calibrated forecasts inside their band as the backtest scores them; on an earlier day, of
/// those whose outcome was known then — what says a calibrated P85 is still optimistic.
#[test]
fn a_calibration_knows_how_often_its_band_held() {
    let scores = regimes::scores(3, 60, 2);
    let last = scores
        .iter()
        .flat_map(|s| s.cases.iter().map(|c| c.outcome))
        .max()
        .unwrap();
    let now = calibrations(&scores, last);
    for (score, calibration) in scores.iter().zip(&now) {
        let calibrated = calibrate(score);
        let held = calibration.unwrap().held;
        assert_eq!(held, calibrated.interval_coverage, "{:?}", score.stage);
        let day = calibrated.cases[calibrated.cases.len() / 2].outcome;
        let known: Vec<_> = calibrated
            .cases
            .iter()
            .filter(|c| c.outcome <= day)
            .collect();
        let inside = known.iter().filter(|c| c.inside()).count();
        let then = calibrations(std::slice::from_ref(score), day)[0].unwrap();
        assert!(known.len() >= CALIBRATION_MIN_CASES, "{}", known.len());
        assert_eq!(then.held, Some(inside as f64 / known.len() as f64));
        assert!(
            then.outcomes > known.len(),
            "the first outcomes calibrated nothing"
        );
    }
}

/// Too few outcomes: nothing is calibrated, and the forecast says it is as the model made it.
#[test]
fn a_young_office_is_not_calibrated() {
    let daily: Vec<_> = (0..45)
        .map(|i| counts(300 + i % 7 * 20, 290, 250))
        .collect();
    let s = scenario(200_000, counts(1_000, 1_000, 1_000), &daily);
    let history = History::new(&s.data);
    let as_of = *s.days.last().unwrap();
    let scores = horizons(&history, as_of, 60, &[20, 60, 120], 60, 2);
    let known = calibrations(&scores, as_of);
    // 45 days: fewer outcomes at 20 working days than a calibration needs, none further.
    assert!(
        scores[0].n > 0 && scores[0].n < CALIBRATION_MIN_CASES,
        "{}",
        scores[0].n
    );
    assert!(known.iter().all(Option::is_none), "{known:?}");
    assert_eq!(calibrate(&scores[0]).n, 0);
    let forecast = forecast_at(&history, as_of, &ForecastParams::default(), 2);
    let same = calibrate_forecast(&forecast, &history, &known);
    assert!(!same.calibrated);
    assert_eq!(same.recording, forecast.recording);
}

/// The demo: the milestones' P85 and P95 move away from P70 (the core's late edge) by the
/// lower side's scale of their stage (within ¼–4×: the dates lie beyond the tested horizons),
/// P50 and P70 stay, and the forecast says it was calibrated.
#[test]
fn the_demo_milestones_move_by_its_track_record() {
    let data = pantau::demo::build();
    let history = History::new(&data);
    let as_of = pantau::demo::LAST_DATE;
    let scores = horizons(&history, as_of, 60, &[20, 60, 120], 60, 2);
    let known = calibrations(&scores, as_of);
    let params = ForecastParams {
        trials: 2_000,
        ..ForecastParams::default()
    };
    let forecast = forecast_at(&history, as_of, &params, 2);
    let fixed = calibrate_forecast(&forecast, &history, &known);
    assert!(fixed.calibrated);
    for (raw, new, stage) in [
        (&forecast.recording, &fixed.recording, Stage::Recorded),
        (&forecast.printing, &fixed.printing, Stage::Printed),
    ] {
        assert_eq!((raw.p50, raw.p70), (new.p50, new.p70));
        let (Some(p50), Some(p70), Some(p85), Some(new85)) = (raw.p50, raw.p70, raw.p85, new.p85)
        else {
            continue;
        };
        assert!(p50 <= p70 && p70 <= p85, "{stage:?}: {p50} {p70} {p85}");
        let ahead = history.working_days_between(as_of, p50) as f64;
        let scale = known
            .iter()
            .flatten()
            .filter(|c| c.stage == stage)
            .min_by(|a, b| {
                let d = |c: &&pantau::forecast::backtest::Calibration| {
                    (c.working_days as f64 / ahead).ln().abs()
                };
                d(a).total_cmp(&d(b))
            })
            .unwrap()
            .lower
            .clamp(0.25, 4.0);
        let late = history.working_days_between(p70, p85) as f64;
        assert_eq!(
            history.working_days_between(p70, new85),
            (late * scale).round() as i64,
            "{stage:?}: {late} working days × {scale}"
        );
        // How often that stage's calibrated band held at 120 working days (the horizon the
        // dates years away were moved by): too seldom on the demo, and "Cara membaca" says so
        // with the figure, not that 85 in 100 trials finish before the calibrated P85.
        let at_120 = known
            .iter()
            .flatten()
            .find(|c| c.stage == stage && c.working_days == 120)
            .unwrap();
        let held = new.band_held.unwrap();
        assert_eq!((held.working_days, Some(held.share)), (120, at_120.held));
        assert!(
            new.still_optimistic && held.share < 0.6,
            "{stage:?}: {held:?}"
        );
        let printing = stage == Stage::Printed;
        let note = pantau::locale::reading_note(pantau::locale::Lang::Id, &fixed, printing);
        let share = pantau::locale::fmt::percent(pantau::locale::Lang::Id, held.share * 100.0);
        assert!(
            note.contains(&format!(
                "hanya memuat {share} hasil tahap ini 120 hari kerja ke depan"
            )),
            "{note}"
        );
        assert!(!note.contains("85 dari 100"), "{note}");
    }
}

/// The backtest is kept like the slip history: a day added computes only the origin it makes
/// eligible and scores every other against it, and the result is the backtest from scratch; a
/// past day corrected recomputes the origins that read it and no other.
#[test]
fn the_backtest_cache_takes_a_day_added_in_one_origin() {
    use pantau::forecast::backtest::{cache_key, horizons_cached};
    use std::collections::BTreeMap;
    let mut rng = pantau::rng::SplitMix64::new(4242);
    let daily = regimes::office(&mut rng, 160);
    let s = scenario(50_000_000, counts(10_000, 10_000, 10_000), &daily);
    let history = History::new(&s.data);
    let (last, before) = (s.days[159], s.days[158]);
    let run = |history: &History, until, cache: &BTreeMap<_, _>| {
        horizons_cached(history, until, 60, &[20, 60], 40, 2, cache)
    };
    let (_, rows) = run(&history, before, &BTreeMap::new());
    assert!(rows.len() > 100, "{}", rows.len());
    let mut cache: BTreeMap<_, _> = rows.into_iter().collect();
    let (scores, new) = run(&history, last, &cache);
    assert_eq!(new.len(), 1, "one origin more");
    assert_eq!(
        new[0].0,
        s.days[159 - 20],
        "the origin 20 working days back"
    );
    assert_eq!(scores, horizons(&history, last, 60, &[20, 60], 40, 2));
    cache.extend(new);
    let (again, none) = run(&history, last, &cache);
    assert!(none.is_empty());
    assert_eq!(again, scores);
    assert!(cache_key(60, 40, &[20, 60]).contains("trials=40"));

    // A day in the middle corrected: the origins from it on read it, those before do not.
    let mut corrected = daily.clone();
    corrected[100] = counts(1, 1, 1);
    let c = scenario(50_000_000, counts(10_000, 10_000, 10_000), &corrected);
    let changed = History::new(&c.data);
    let (scores, recomputed) = run(&changed, last, &cache);
    assert!(!recomputed.is_empty());
    assert!(recomputed.iter().all(|(origin, _)| *origin >= c.days[100]));
    assert_eq!(scores, horizons(&changed, last, 60, &[20, 60], 40, 2));
}

//! What the head of office reads: the summary, the forecast, the slip history and its
//! backtest, the PNG charts and the PDF report.

use std::path::Path;

use anyhow::Result;
use chrono::NaiveDate;

use super::{as_of_arg, check_window, date_arg, open_for_cache, refusal, say, slip_history};
use crate::cli::{ChartKindArg, table};
use crate::domain::summary::{Progress, Summary, summarize};
use crate::locale::Lang;
use crate::locale::cli::{Said, Table, headers, milestone, said, share, total};
use crate::locale::fmt::{count, date_opt};

pub fn summary(lang: Lang, path: &Path, as_of: Option<&str>, json: bool) -> Result<()> {
    let store = super::open_reader(path)?;
    let data = store.load()?;
    let as_of = as_of_arg(lang, &data, as_of)?;
    let summary = summarize(&data, as_of);
    if json {
        println!("{}", serde_json::to_string_pretty(&summary)?);
    } else {
        print!("{}", summary_text(lang, &summary));
    }
    Ok(())
}

fn progress_row(lang: Lang, name: &str, p: &Progress) -> Vec<String> {
    let n = |x: u64| count(lang, x);
    vec![
        name.to_string(),
        p.wajib_ktp.map(n).unwrap_or_else(|| "—".to_string()),
        n(p.recorded),
        n(p.sent_to_central),
        n(p.printed),
        n(p.suket_issued),
        n(p.backlog_to_send),
        n(p.backlog_to_print),
        share(lang, p.coverage_pct),
        share(lang, p.printed_pct),
    ]
}

/// A unit's stages as shares of the stage before, and the centre's stage (or "—" where its
/// PRR is unknown).
fn stage_row(lang: Lang, name: &str, p: &Progress) -> Vec<String> {
    let n = |x: u64| count(lang, x);
    let unknown = || "—".to_string();
    let shares = &p.of_stage_before;
    let mut row = vec![
        name.to_string(),
        share(lang, shares.sent_of_recorded_pct),
        share(lang, shares.printed_of_recorded_pct),
    ];
    match &p.centre {
        Some(c) => row.extend([
            n(c.prr),
            share(lang, shares.prr_of_sent_pct),
            n(c.dup),
            n(c.efac),
            n(c.efac_retaken),
            n(c.waiting_for_prr),
            n(c.prr_waiting),
            share(lang, shares.printed_of_prr_pct),
        ]),
        None => row.extend(std::iter::repeat_n(unknown(), 8)),
    }
    row
}

fn summary_text(lang: Lang, s: &Summary) -> String {
    let line = |what: &Said| format!("{}\n", said(lang, what));
    let mut out = line(&Said::SummaryTitle {
        office: &s.office,
        as_of: s.as_of,
    });
    if let Some(d) = &s.deadline {
        out.push_str(&line(&Said::DeadlineInForce {
            deadline: d.deadline,
            decided: Some(d.decided_on),
        }));
    }
    out.push('\n');
    let mut rows: Vec<Vec<String>> = s
        .units
        .iter()
        .map(|u| progress_row(lang, &u.name, &u.progress))
        .collect();
    rows.push(progress_row(lang, total(lang), &s.total));
    let mut right = [true; 10];
    right[0] = false;
    out.push_str(&table::render(headers(lang, Table::Summary), &rows, &right));
    out.push('\n');
    // The stages as offices publish them; the centre's columns only where some unit counts it.
    let any_prr = s.units.iter().any(|u| u.progress.centre.is_some());
    let columns = if any_prr { 11 } else { 3 };
    let mut rows: Vec<Vec<String>> = s
        .units
        .iter()
        .map(|u| stage_row(lang, &u.name, &u.progress))
        .collect();
    rows.push(stage_row(lang, total(lang), &s.total));
    for row in &mut rows {
        row.truncate(columns);
    }
    let mut right = vec![true; columns];
    right[0] = false;
    out.push_str(&table::render(
        &headers(lang, Table::Stages)[..columns],
        &rows,
        &right,
    ));
    out.push('\n');
    let stock = &s.stock;
    let print_rate = stock.print_rate_per_day.round() as u64;
    out.push_str(&line(&match stock.on_hand {
        None => Said::StockUnknown,
        Some(on_hand) if on_hand <= 0 => Said::StockOut {
            print_rate,
            stockout_days: stock.stockout_days,
            known_since: stock.known_since,
            since: stock.stockout_since,
        },
        Some(on_hand) => Said::StockOnHand {
            on_hand: on_hand as u64,
            days_of_stock: stock.stock_lasts_working_days,
            print_rate,
            stockout_days: stock.stockout_days,
            known_since: stock.known_since,
        },
    }));
    out
}

pub fn forecast(
    lang: Lang,
    path: &Path,
    as_of: Option<&str>,
    params: crate::forecast::ForecastParams,
    json: bool,
) -> Result<()> {
    let min = crate::forecast::MIN_WINDOW_DAYS;
    if params.window_days < min || params.trials == 0 {
        return Err(refusal(lang, &Said::WindowAndTrials { min }));
    }
    let data = super::open_reader(path)?.load()?;
    let as_of = as_of_arg(lang, &data, as_of)?;
    let history = crate::forecast::History::new(&data);
    let threads = crate::forecast::default_threads();
    let forecast = crate::forecast::forecast_at(&history, as_of, &params, threads);
    // The milestones' P85 and P95 moved by the office's own track record, as on the dashboard.
    let accuracy =
        crate::forecast::backtest::Accuracy::compute(&history, as_of, params.window_days, threads);
    let forecast =
        crate::forecast::backtest::calibrate_forecast(&forecast, &history, &accuracy.calibrations);
    // Each unit's pace against the deadline: who is falling behind, slowest first.
    let units = crate::forecast::behind::behind(&data, &history, as_of, params.window_days);
    if json {
        let mut value = serde_json::to_value(&forecast)?;
        if let Some(object) = value.as_object_mut() {
            object.insert("units".to_string(), serde_json::to_value(&units)?);
        }
        println!("{}", serde_json::to_string_pretty(&value)?);
    } else {
        print!("{}", forecast_text(lang, &forecast, &units));
    }
    Ok(())
}

fn forecast_text(
    lang: Lang,
    f: &crate::forecast::Forecast,
    units: &[crate::forecast::behind::UnitBehind],
) -> String {
    let line = |what: &Said| format!("{}\n", said(lang, what));
    let mut out = line(&Said::ForecastTitle(f.as_of));
    out.push_str(&line(&match f.deadline {
        Some(deadline) => Said::DeadlineInForce {
            deadline,
            decided: None,
        },
        None => Said::NoDeadline,
    }));
    // Plain words first: when, how late, what the deadline needs; then the blanks to ask for.
    for printing in [false, true] {
        out.push_str(&crate::locale::milestone_sentence(lang, f, printing));
        out.push('\n');
    }
    if let Some(pace) = &f.pace {
        out.push_str(&crate::locale::pace_blanks(lang, pace, f.as_of));
        out.push('\n');
        let kecamatan: Vec<_> = units.iter().filter(|u| !u.district_office).collect();
        let behind: Vec<_> = kecamatan.iter().filter(|u| u.is_behind()).collect();
        let slowest: Vec<(&str, Option<f64>)> = behind
            .iter()
            .take(3)
            .map(|u| (u.name.as_str(), u.share_of_need()))
            .collect();
        out.push_str(&line(&Said::Behind {
            behind: behind.len(),
            all: kecamatan.len(),
            slowest: &slowest,
        }));
    }
    out.push('\n');
    let row = |printing: bool, m: &crate::forecast::MilestoneForecast| {
        vec![
            milestone(lang, printing).to_string(),
            count(lang, m.remaining),
            date_opt(lang, m.p50),
            date_opt(lang, m.p85),
            date_opt(lang, m.p95),
            share(lang, m.prob_by_deadline.map(|p| p * 100.0)),
            count(lang, m.current_per_working_day.round() as u64),
        ]
    };
    let rows = vec![row(false, &f.recording), row(true, &f.printing)];
    out.push_str(&table::render(
        headers(lang, Table::Forecast),
        &rows,
        &[false, true, true, true, true, true, true],
    ));
    out.push('\n');
    for (printing, m) in [(false, &f.recording), (true, &f.printing)] {
        out.push_str(&line(&Said::LimitedBy {
            printing,
            constraint: &crate::locale::constraint(lang, &m.limited_by),
        }));
        if let Some(reason) = m.reason.as_ref().filter(|r| **r != m.limited_by) {
            out.push_str(&line(&Said::NoDateBecause(&crate::locale::constraint(
                lang, reason,
            ))));
        }
    }
    out.push_str(&line(&Said::ForecastBasis {
        blanks: &crate::locale::blank_supply(lang, &f.blank_supply),
        window_days: f.window_days,
        trials: f.trials,
    }));
    out
}

pub fn slip(
    lang: Lang,
    path: &Path,
    from: Option<&str>,
    to: Option<&str>,
    window: usize,
    csv: bool,
) -> Result<()> {
    use crate::forecast::slip::{SlipRow, slip_dates};
    check_window(lang, window)?;
    let (mut store, writable) = open_for_cache(path)?;
    let data = store.load()?;
    let history = crate::forecast::History::new(&data);
    let first = history.days().first().map(|d| d.date);
    let last = history.days().last().map(|d| d.date);
    let (Some(first), Some(last)) = (first, last) else {
        return Err(refusal(lang, &Said::NoReports(path)));
    };
    let from = from
        .map(|t| date_arg(lang, "--from", t))
        .transpose()?
        .unwrap_or(first);
    let to = to
        .map(|t| date_arg(lang, "--to", t))
        .transpose()?
        .unwrap_or(last);
    if from > to {
        return Err(refusal(lang, &Said::FromAfterTo { from, to }));
    }
    let dates = slip_dates(&history, from, to);
    let forecasts = slip_history(lang, &mut store, writable, &data, Some(dates), window, true)?;
    let rows: Vec<SlipRow> = forecasts.iter().map(SlipRow::from).collect();
    let iso = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    if csv {
        let mut writer = csv::Writer::from_writer(std::io::stdout().lock());
        writer.write_record([
            "as_of",
            "deadline",
            "recording_p50",
            "recording_p85",
            "printing_p50",
            "printing_p85",
            "recording_reason",
            "printing_reason",
        ])?;
        // Why a milestone has no date that day, in words; empty where it has one.
        let why = |reason: &Option<crate::forecast::Constraint>| {
            reason
                .as_ref()
                .map(|r| crate::locale::constraint(lang, r))
                .unwrap_or_default()
        };
        for r in &rows {
            writer.write_record([
                r.as_of.to_string(),
                iso(r.deadline),
                iso(r.recording_p50),
                iso(r.recording_p85),
                iso(r.printing_p50),
                iso(r.printing_p85),
                why(&r.recording_reason),
                why(&r.printing_reason),
            ])?;
        }
        writer.flush()?;
        return Ok(());
    }
    let dash = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_else(|| "—".to_string());
    let table_rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                r.as_of.to_string(),
                dash(r.deadline),
                dash(r.recording_p50),
                dash(r.recording_p85),
                dash(r.printing_p50),
                dash(r.printing_p85),
            ]
        })
        .collect();
    print!(
        "{}",
        table::render(headers(lang, Table::Slip), &table_rows, &[false; 6])
    );
    Ok(())
}

pub fn backtest(lang: Lang, path: &Path, window: usize, json: bool) -> Result<()> {
    use crate::forecast::backtest;
    use crate::forecast::slip::{slip_dates, slip_params};
    check_window(lang, window)?;
    let data = super::open_reader(path)?.load()?;
    let history = crate::forecast::History::new(&data);
    let dates = slip_dates(&history, NaiveDate::MIN, NaiveDate::MAX);
    let result = backtest::backtest(
        &history,
        &dates,
        &slip_params(window),
        crate::forecast::default_threads(),
    );
    if json {
        println!("{}", serde_json::to_string_pretty(&result)?);
        return Ok(());
    }
    match (result.p85_coverage, result.p50_coverage) {
        (Some(p85), Some(p50)) => {
            say(lang, &Said::BacktestScored(result.n));
            say(lang, &Said::BacktestP85(p85));
            say(lang, &Said::BacktestP50(p50));
            if let Some(error) = result.p50_median_error_days {
                say(lang, &Said::BacktestMedianError(error));
            }
        }
        _ => say(lang, &Said::BacktestNothing),
    }
    if result.horizons.iter().any(|h| h.n > 0) {
        println!();
        say(lang, &Said::BacktestHorizons);
        // Each stage and horizon as the model made it, then calibrated out of sample.
        let rows: Vec<Vec<String>> = result
            .horizons
            .iter()
            .zip(&result.calibrated_horizons)
            .zip(&result.matched_horizons)
            .map(|((h, c), m)| {
                let share = |v: Option<f64>| {
                    v.map_or("–".to_string(), |v| crate::locale::fmt::percent(lang, v))
                };
                let records = |v: Option<f64>| {
                    v.map_or("–".to_string(), |v| {
                        crate::locale::fmt::count(lang, v.round() as u64)
                    })
                };
                vec![
                    crate::locale::stage(lang, h.stage).to_string(),
                    h.working_days.to_string(),
                    crate::locale::fmt::count(lang, h.n as u64),
                    share(h.interval_coverage.map(|c| c * 100.0)),
                    share(h.p50_median_abs_error_pct),
                    records(h.crps),
                    crate::locale::fmt::count(lang, c.n as u64),
                    format!(
                        "{} → {}",
                        share(m.interval_coverage.map(|c| c * 100.0)),
                        share(c.interval_coverage.map(|c| c * 100.0))
                    ),
                    format!("{} → {}", records(m.crps), records(c.crps)),
                ]
            })
            .collect();
        print!(
            "{}",
            table::render(
                headers(lang, Table::Horizons),
                &rows,
                &[false, true, true, true, true, true, true, true, true]
            )
        );
    }
    Ok(())
}

/// What the chart and report commands draw from.
struct Prepared {
    data: crate::domain::Dataset,
    history: crate::forecast::History,
    summary: crate::domain::summary::Summary,
    slip: Vec<crate::forecast::Forecast>,
    forecast: crate::forecast::Forecast,
    /// The backtest and its calibration, for the report (the forecast is then calibrated).
    accuracy: Option<crate::forecast::backtest::Accuracy>,
}

fn prepare(lang: Lang, path: &Path, as_of: Option<&str>, tested: bool) -> Result<Prepared> {
    let (mut store, writable) = open_for_cache(path)?;
    let data = store.load()?;
    let as_of = as_of_arg(lang, &data, as_of)?;
    let window = data.settings.forecast_window_days;
    let slip = slip_history(lang, &mut store, writable, &data, None, window, true)?;
    let history = crate::forecast::History::new(&data);
    let params = crate::forecast::ForecastParams {
        window_days: window,
        trials: data.settings.forecast_trials,
    };
    let threads = crate::forecast::default_threads();
    let forecast = crate::forecast::forecast_at(&history, as_of, &params, threads);
    let summary = summarize(&data, as_of);
    let slip: Vec<crate::forecast::Forecast> =
        slip.into_iter().filter(|f| f.as_of <= as_of).collect();
    // How far to trust it, and its milestones calibrated by the office's own track record.
    // Each origin's trials from the cache where its data is unchanged, as the dashboard's.
    let accuracy = if tested {
        use crate::forecast::backtest::Accuracy;
        let key = Accuracy::cache_key(window);
        let cache = store.forecast_cache(&key).unwrap_or_default();
        let (accuracy, rows) = Accuracy::compute_cached(&history, as_of, window, threads, &cache);
        if writable {
            // The cache only saves time; a failure to write it costs nothing else.
            let _ = store.save_forecast_cache(&key, &rows);
        }
        Some(accuracy)
    } else {
        None
    };
    // The forecast and the slip history's, each by what was known on its own day, as the
    // dashboard shows them.
    let (forecast, slip) = match &accuracy {
        Some(accuracy) => {
            use crate::forecast::backtest::calibrate_forecast;
            let slip = slip
                .into_iter()
                .map(|f| calibrate_forecast(&f, &history, &accuracy.calibrations_on(f.as_of)))
                .collect();
            let forecast = calibrate_forecast(&forecast, &history, &accuracy.calibrations);
            (forecast, slip)
        }
        None => (forecast, slip),
    };
    Ok(Prepared {
        data,
        history,
        summary,
        slip,
        forecast,
        accuracy,
    })
}

impl Prepared {
    fn chart_data(&self, lang: Lang) -> crate::io::charts::ChartData<'_> {
        crate::io::charts::ChartData {
            data: &self.data,
            history: &self.history,
            summary: &self.summary,
            slip: &self.slip,
            forecast: Some(&self.forecast),
            accuracy: self.accuracy.as_ref(),
            slip_window: None,
            lang,
        }
    }
}

pub fn chart(
    lang: Lang,
    path: &Path,
    kind: ChartKindArg,
    out: &Path,
    as_of: Option<&str>,
    window: (Option<&str>, Option<&str>),
) -> Result<()> {
    use crate::io::charts::{ChartKind, write_png};
    use ChartKindArg as K;
    let kind = match kind {
        K::Progress => ChartKind::Progress,
        K::Slip => ChartKind::Slip,
        K::Daily => ChartKind::Daily,
        K::Backlog => ChartKind::Backlog,
        K::Stock => ChartKind::Stock,
        K::Coverage => ChartKind::Coverage,
        K::Behind => ChartKind::Behind,
        K::Rejections => ChartKind::Rejections,
    };
    if kind != ChartKind::Slip && (window.0.is_some() || window.1.is_some()) {
        return Err(refusal(lang, &Said::SlipWindowOnly));
    }
    let from = window.0.map(|t| date_arg(lang, "--from", t)).transpose()?;
    let to = window.1.map(|t| date_arg(lang, "--to", t)).transpose()?;
    if let (Some(from), Some(to)) = (from, to)
        && from >= to
    {
        return Err(refusal(lang, &Said::FromNotBeforeTo { from, to }));
    }
    let prepared = prepare(lang, path, as_of, false)?;
    let mut input = prepared.chart_data(lang);
    if from.is_some() || to.is_some() {
        let mission = crate::chart::mission_window(&input);
        let from = from.or(mission.map(|m| m.0)).unwrap_or(NaiveDate::MIN);
        let to = to.or(mission.map(|m| m.1)).unwrap_or(NaiveDate::MAX);
        if from >= to {
            return Err(refusal(lang, &Said::FromNotBeforeTo { from, to }));
        }
        input.slip_window = Some((from, to));
    }
    write_png(kind, &input, out, 2000, 1200)?;
    say(lang, &Said::ChartWritten(out));
    Ok(())
}

/// What `pantau letter` is asked for besides the database and the file.
pub struct LetterArgs<'a> {
    pub as_of: Option<&'a str>,
    pub number: &'a str,
    pub date: Option<&'a str>,
    pub json: bool,
}

/// Writes the request letter for blanks from the summary of the as-of day.
pub fn letter(lang: Lang, path: &Path, out: &Path, args: LetterArgs) -> Result<()> {
    let data = super::open_reader(path)?.load()?;
    let as_of = as_of_arg(lang, &data, args.as_of)?;
    // Dated the day it is written unless told otherwise; never before its figures.
    let dated = match args.date {
        Some(text) => date_arg(lang, "--date", text)?,
        None => crate::clock::today().max(as_of),
    };
    let summary = summarize(&data, as_of);
    let request = crate::domain::request::blank_request(&data, &summary);
    crate::io::letter::write_letter(&data, &request, args.number.trim(), dated, lang, out)?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&request)?);
    }
    say(
        lang,
        &Said::LetterWritten {
            path: out,
            quantity: request.quantity,
        },
    );
    Ok(())
}

pub fn report(lang: Lang, path: &Path, out: &Path, as_of: Option<&str>) -> Result<()> {
    let prepared = prepare(lang, path, as_of, true)?;
    let pages = crate::io::report::write_pdf(&prepared.chart_data(lang), &prepared.forecast, out)?;
    say(lang, &Said::ReportWritten { path: out, pages });
    Ok(())
}

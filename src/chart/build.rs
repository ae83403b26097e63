//! Each chart's series, from the data, the forecast and the slip history (the slip chart's own in
//! `slip.rs`).

use chrono::NaiveDate;

use super::palette::{self, Rgb};
use super::slip::slip;
use super::{
    Axis, Bar, Chart, ChartData, ChartKind, Dash, Marker, Series, Shape, moving_average, x,
};
use crate::domain::dataset::CoverageBand;
use crate::forecast::MilestoneForecast;
use crate::forecast::history::Day;

pub(super) fn line(
    name: impl Into<String>,
    color: Rgb,
    points: Vec<[f64; 2]>,
    width: f32,
) -> Series {
    Series {
        name: name.into(),
        color,
        opacity: 1.0,
        shape: Shape::Line {
            points,
            width,
            dash: Dash::Solid,
        },
        in_legend: true,
    }
}

pub(super) fn with_dash(mut series: Series, dash: Dash) -> Series {
    if let Shape::Line { dash: d, .. }
    | Shape::HLine { dash: d, .. }
    | Shape::VLines { dash: d, .. } = &mut series.shape
    {
        *d = dash;
    }
    series
}

fn shade(name: impl Into<String>, color: Rgb, ranges: Vec<(f64, f64)>) -> Series {
    Series {
        name: name.into(),
        color,
        opacity: palette::SHADE_OPACITY,
        shape: Shape::Spans {
            ranges,
            notes: Vec::new(),
        },
        in_legend: true,
    }
}

/// The days up to the as-of date.
fn days_until<'a>(input: &'a ChartData, keep: impl Fn(&Day) -> bool) -> Vec<&'a Day> {
    let as_of = input.summary.as_of;
    input
        .history
        .days()
        .iter()
        .filter(|d| d.date <= as_of && keep(d))
        .collect()
}

fn points(days: &[&Day], value: impl Fn(&Day) -> f64) -> Vec<[f64; 2]> {
    days.iter().map(|d| [x(d.date), value(d)]).collect()
}

/// The x range of `days`, stretched to `extra`.
fn x_range(days: &[&Day], extra: &[f64]) -> (f64, f64) {
    let first = days.first().map(|d| x(d.date)).unwrap_or(0.0);
    let last = days.last().map(|d| x(d.date)).unwrap_or(first + 1.0);
    let last = extra.iter().copied().fold(last, f64::max);
    (first, last.max(first + 1.0))
}

fn top(values: impl Iterator<Item = f64>) -> f64 {
    values.fold(1.0, f64::max) * 1.08
}

/// Outage periods, shaded; none when the office logged none up to the as-of date.
pub(super) fn outages(input: &ChartData) -> Option<Series> {
    let as_of = input.summary.as_of;
    let ranges: Vec<(f64, f64)> = input
        .data
        .outages
        .iter()
        .filter(|o| o.first_day <= as_of)
        .map(|o| {
            let end = o.last_day.unwrap_or(as_of).min(as_of);
            (x(o.first_day), x(end) + 1.0)
        })
        .collect();
    (!ranges.is_empty()).then(|| shade(input.lang.charts().outage, palette::OUTAGE, ranges))
}

/// The as-of day, marked across the plot: where the data known on it ends.
pub(super) fn as_of_mark(input: &ChartData) -> Series {
    let as_of = input.summary.as_of;
    let words = input.lang.charts();
    Series {
        name: (words.as_of_mark)(&crate::locale::fmt::date_short(input.lang, as_of)),
        color: palette::AS_OF,
        opacity: 1.0,
        shape: Shape::VLines {
            xs: vec![x(as_of)],
            dash: Dash::Solid,
        },
        in_legend: true,
    }
}

/// Why a chart has nothing to draw yet, if it has not.
fn nothing_to_draw(kind: ChartKind, input: &ChartData) -> Option<&'static str> {
    let words = input.lang.charts();
    let as_of = input.summary.as_of;
    let no_days = input.history.days().iter().all(|d| d.date > as_of);
    match kind {
        ChartKind::Progress | ChartKind::Daily | ChartKind::Backlog if no_days => {
            Some(words.empty_reports)
        }
        ChartKind::Slip
            if input
                .slip
                .iter()
                .all(|f| f.recording.p50.is_none() && f.printing.p50.is_none()) =>
        {
            Some(words.empty_slip)
        }
        ChartKind::Stock if input.data.stock_events.is_empty() => Some(words.empty_stock),
        ChartKind::Coverage if input.summary.coverage_worst_first().is_empty() => {
            Some(words.empty_coverage)
        }
        ChartKind::Behind if behind_rows(input).is_empty() => Some(words.empty_behind),
        ChartKind::Rejections
            if !input
                .history
                .days()
                .iter()
                .any(|d| d.date <= as_of && d.centre.is_some()) =>
        {
            Some(words.empty_rejections)
        }
        ChartKind::Accuracy
            if input
                .accuracy
                .is_none_or(|a| a.raw.iter().all(|h| h.n == 0)) =>
        {
            Some(words.empty_accuracy)
        }
        _ => None,
    }
}

/// The chart `kind` of `input`.
pub fn chart(kind: ChartKind, input: &ChartData) -> Chart {
    let words = input.lang.charts();
    let districts = input.data.level == crate::domain::dataset::UnitLevel::District;
    let title = match kind {
        ChartKind::Progress => words.title_progress,
        ChartKind::Slip => words.title_slip,
        ChartKind::Daily => words.title_daily,
        ChartKind::Backlog => words.title_backlog,
        ChartKind::Stock => words.title_stock,
        ChartKind::Coverage if districts => words.title_coverage_districts,
        ChartKind::Behind if districts => words.title_behind_districts,
        ChartKind::Coverage => words.title_coverage,
        ChartKind::Behind => words.title_behind,
        ChartKind::Accuracy => words.title_accuracy,
        ChartKind::Rejections => words.title_rejections,
    };
    let mut chart = Chart {
        kind,
        title,
        empty: nothing_to_draw(kind, input),
        x_axis: Axis::Date,
        y_axis: Axis::Count,
        x_label: None,
        y_label: None,
        x_range: (0.0, 1.0),
        y_range: (0.0, 1.0),
        series: Vec::new(),
    };
    if chart.empty.is_some() {
        return chart;
    }
    match kind {
        ChartKind::Progress => progress(&mut chart, input),
        ChartKind::Slip => slip(&mut chart, input),
        ChartKind::Daily => daily(&mut chart, input),
        ChartKind::Backlog => backlog(&mut chart, input),
        ChartKind::Stock => stock(&mut chart, input),
        ChartKind::Coverage => coverage(&mut chart, input),
        ChartKind::Behind => behind(&mut chart, input),
        ChartKind::Accuracy => accuracy(&mut chart, input),
        ChartKind::Rejections => rejections(&mut chart, input),
    }
    // The legend names what the chart opens on; a series seen only after panning stays out.
    let (first, last) = chart.x_range;
    for series in &mut chart.series {
        if !in_view(&series.shape, first, last) {
            series.in_legend = false;
        }
    }
    chart
}

/// Whether any of `shape` lies between `first` and `last` on the x axis.
fn in_view(shape: &Shape, first: f64, last: f64) -> bool {
    let inside = |x: f64| (first..=last).contains(&x);
    match shape {
        Shape::Line { points, .. } => {
            points.iter().any(|p| inside(p[0]))
                || points
                    .windows(2)
                    .any(|w| w[0][0].min(w[1][0]) <= last && w[0][0].max(w[1][0]) >= first)
        }
        Shape::Points { points, .. } => points.iter().any(|p| inside(p[0])),
        Shape::Band { segments, .. } => segments.iter().any(|segment| {
            let (a, b) = (segment.first(), segment.last());
            a.zip(b).is_some_and(|(a, b)| a[0] <= last && b[0] >= first)
        }),
        Shape::Spans { ranges, .. } => ranges.iter().any(|(a, b)| *a <= last && *b >= first),
        Shape::VLines { xs, .. } => xs.iter().any(|x| inside(*x)),
        Shape::Text { at } => inside(at[0]),
        Shape::HLine { .. } | Shape::Bars { .. } => true,
    }
}

/// Cumulative recorded, sent and printed against wajib KTP, the deadlines, and the forecast
/// fan beyond the as-of date.
fn progress(chart: &mut Chart, input: &ChartData) {
    let words = input.lang.charts();
    let days = days_until(input, |_| true);
    let wajib = input.summary.total.wajib_ktp.unwrap_or(0) as f64;
    let fans: Vec<(&MilestoneForecast, u64, Rgb, &str)> = input
        .forecast
        .map(|f| {
            vec![
                (
                    &f.recording,
                    input.summary.total.recorded,
                    palette::RECORDED,
                    words.recording_done,
                ),
                (
                    &f.printing,
                    input.summary.total.printed,
                    palette::PRINTED,
                    words.everyone_carded,
                ),
            ]
        })
        .unwrap_or_default();
    let fan_ends: Vec<f64> = fans
        .iter()
        .filter(|(m, ..)| m.remaining > 0 && wajib > 0.0)
        .filter_map(|(m, ..)| m.p85)
        .map(x)
        .collect();
    chart.y_label = Some(words.y_residents);
    chart.x_range = x_range(&days, &fan_ends);
    chart.y_range = (
        0.0,
        top(days.iter().map(|d| d.total_recorded as f64).chain([wajib])),
    );
    // Sent runs close under recorded when the link works: recorded is drawn wider beneath it,
    // so both stay visible.
    for (name, color, value, width) in [
        (
            words.recorded,
            palette::RECORDED,
            (|d: &Day| d.total_recorded) as fn(&Day) -> u64,
            5.0,
        ),
        (words.sent, palette::SENT, |d: &Day| d.total_sent, 2.0),
        (
            words.printed,
            palette::PRINTED,
            |d: &Day| d.total_printed,
            2.5,
        ),
    ] {
        chart
            .series
            .push(line(name, color, points(&days, |d| value(d) as f64), width));
    }
    if wajib > 0.0 {
        chart.series.push(Series {
            name: words.wajib_ktp.to_string(),
            color: palette::TARGET,
            opacity: 1.0,
            shape: Shape::HLine {
                y: wajib,
                dash: Dash::Dashed,
            },
            in_legend: true,
        });
    }
    let (first, last) = chart.x_range;
    // The deadlines decided by the as-of day (a later decision was not known then): the one
    // in force, and fainter the ones it replaced.
    let as_of = input.summary.as_of;
    let in_force = input.data.deadline_in_force(as_of).map(|d| d.deadline);
    let mut superseded: Vec<f64> = input
        .data
        .deadlines
        .iter()
        .filter(|d| d.decided_on <= as_of && Some(d.deadline) != in_force)
        .map(|d| x(d.deadline))
        .filter(|d| (first..=last).contains(d))
        .collect();
    superseded.dedup();
    if !superseded.is_empty() {
        chart.series.push(Series {
            name: words.deadline_superseded.to_string(),
            color: palette::DEADLINE.over_white(0.45),
            opacity: 1.0,
            shape: Shape::VLines {
                xs: superseded,
                dash: Dash::Dotted,
            },
            in_legend: true,
        });
    }
    if let Some(deadline) = in_force.map(x).filter(|d| (first..=last).contains(d)) {
        chart.series.push(Series {
            name: words.deadline.to_string(),
            color: palette::DEADLINE,
            opacity: 1.0,
            shape: Shape::VLines {
                xs: vec![deadline],
                dash: Dash::Dashed,
            },
            in_legend: true,
        });
    }
    chart.series.push(as_of_mark(input));
    let Some(last_day) = days.last() else { return };
    for (milestone, now, color, name) in fans {
        let (Some(p50), Some(p85)) = (milestone.p50, milestone.p85) else {
            continue;
        };
        if milestone.remaining == 0 || wajib <= 0.0 {
            continue;
        }
        let start = [x(last_day.date), now as f64];
        // The fan between the P50 and the P85 paths, as a band over x (a thin triangle drawn
        // as a polygon grows a spike at its sharp corner).
        let (x0, x50, x85) = (start[0], x(p50), x(p85).max(x(p50)));
        let p85_at = |at: f64| start[1] + (wajib - start[1]) * (at - x0) / (x85 - x0).max(1.0);
        chart.series.push(Series {
            name: words.band(name, milestone.calibrated),
            color,
            opacity: palette::BAND_OPACITY,
            shape: Shape::Band {
                segments: vec![vec![
                    [x0, start[1], start[1]],
                    [x50, p85_at(x50), wajib],
                    [x85, wajib, wajib],
                ]],
                notes: Vec::new(),
            },
            in_legend: true,
        });
        chart.series.push(with_dash(
            line((words.p50)(name), color, vec![start, [x(p50), wajib]], 2.0),
            Dash::Dashed,
        ));
    }
}

/// Recorded and printed per day with their 7-working-day averages; outages shaded.
fn daily(chart: &mut Chart, input: &ChartData) {
    let words = input.lang.charts();
    let days = days_until(input, |d| d.reported);
    chart.y_label = Some(words.y_per_day);
    chart.x_range = x_range(&days, &[x(input.summary.as_of)]);
    chart.y_range = (0.0, top(days.iter().flat_map(|d| [d.recorded, d.printed])));
    chart.series.extend(outages(input));
    for (name, color, value) in [
        (
            words.recorded,
            palette::RECORDED,
            (|d: &Day| d.recorded) as fn(&Day) -> f64,
        ),
        (words.printed, palette::PRINTED, |d: &Day| d.printed),
    ] {
        let values: Vec<f64> = days.iter().map(|d| value(d)).collect();
        chart.series.push(Series {
            name: (words.per_day)(name),
            color,
            opacity: palette::DAY_OPACITY,
            shape: Shape::Points {
                points: points(&days, value),
                radius: 1.3,
                marker: Marker::Circle,
                notes: Vec::new(),
            },
            in_legend: true,
        });
        let average = days
            .iter()
            .zip(moving_average(&values, 7))
            .map(|(d, v)| [x(d.date), v])
            .collect();
        chart
            .series
            .push(line((words.average)(name), color, average, 2.5));
    }
    chart.series.push(as_of_mark(input));
}

/// Records waiting to be sent and waiting to be printed; where the centre's stage is known,
/// the wait to print split into records waiting for PRR and PRR waiting for blanks; outages
/// shaded.
fn backlog(chart: &mut Chart, input: &ChartData) {
    let words = input.lang.charts();
    let days = days_until(input, |_| true);
    let send = |d: &Day| d.total_recorded.saturating_sub(d.total_sent) as f64;
    let print = |d: &Day| d.total_sent.saturating_sub(d.total_printed) as f64;
    let for_prr = |d: &Day| {
        d.centre
            .map(|c| d.total_sent.saturating_sub(c.prr + c.dup + c.efac) as f64)
    };
    let for_blanks = |d: &Day| {
        d.centre
            .map(|c| c.prr.saturating_sub(d.total_printed) as f64)
    };
    // The split from the first day the stage is known to the as-of day.
    let staged: Vec<&Day> = days
        .iter()
        .copied()
        .filter(|d| d.centre.is_some())
        .collect();
    chart.y_label = Some(words.y_waiting);
    chart.x_range = x_range(&days, &[x(input.summary.as_of)]);
    chart.y_range = (0.0, top(days.iter().flat_map(|d| [send(d), print(d)])));
    chart.series.extend(outages(input));
    chart.series.push(line(
        words.waiting_to_send,
        palette::SENT,
        points(&days, send),
        2.5,
    ));
    chart.series.push(line(
        words.waiting_to_print,
        palette::PRINTED,
        points(&days, print),
        if staged.is_empty() { 2.5 } else { 1.2 },
    ));
    if !staged.is_empty() {
        chart.series.push(line(
            words.waiting_for_prr,
            palette::RECORDED,
            points(&staged, |d| for_prr(d).unwrap_or(0.0)),
            2.5,
        ));
        chart.series.push(line(
            words.prr_not_printed,
            palette::STOCK,
            points(&staged, |d| for_blanks(d).unwrap_or(0.0)),
            2.5,
        ));
    }
    chart.series.push(as_of_mark(input));
}

/// The centre's rejections over time: cumulative DUP, Efac and Efac retaken, from the first
/// day the stage is known; outages shaded.
fn rejections(chart: &mut Chart, input: &ChartData) {
    let words = input.lang.charts();
    let days: Vec<&Day> = days_until(input, |d| d.centre.is_some());
    let value = |d: &Day, f: fn(&crate::domain::PrrCounts) -> u64| d.centre.map(|c| f(&c) as f64);
    chart.y_label = Some(words.y_records);
    chart.x_range = x_range(&days, &[x(input.summary.as_of)]);
    chart.y_range = (
        0.0,
        top(days.iter().filter_map(|d| value(d, |c| c.dup.max(c.efac)))),
    );
    chart.series.extend(outages(input));
    for (name, color, f) in [
        (
            words.dup,
            palette::DUP,
            (|c: &crate::domain::PrrCounts| c.dup) as fn(&crate::domain::PrrCounts) -> u64,
        ),
        (words.efac, palette::EFAC, |c| c.efac),
        (words.efac_retaken, palette::RETAKEN, |c| c.efac_retaken),
    ] {
        chart.series.push(line(
            name,
            color,
            points(&days, |d| value(d, f).unwrap_or(0.0)),
            2.5,
        ));
    }
    chart.series.push(as_of_mark(input));
}

/// Blanks in stock, receipts marked, days without blanks shaded.
fn stock(chart: &mut Chart, input: &ChartData) {
    let words = input.lang.charts();
    let days = days_until(input, |d| d.stock.is_some());
    chart.y_label = Some(words.y_blanks);
    chart.x_range = x_range(&days, &[x(input.summary.as_of)]);
    chart.y_range = (
        0.0,
        top(days.iter().filter_map(|d| d.stock).map(|s| s as f64)),
    );
    let mut runs: Vec<(f64, f64)> = Vec::new();
    let mut start: Option<NaiveDate> = None;
    for (i, d) in days.iter().enumerate() {
        let out = d.stock.is_some_and(|s| s <= 0);
        if out && start.is_none() {
            start = Some(d.date);
        }
        let ends = !out || i + 1 == days.len();
        if let (true, Some(first)) = (ends, start) {
            let last = if out { d.date } else { days[i - 1].date };
            runs.push((x(first), x(last) + 1.0));
            start = None;
        }
    }
    if !runs.is_empty() {
        chart
            .series
            .push(shade(words.stockout, palette::STOCKOUT, runs));
    }
    chart.series.push(line(
        words.blanks_in_stock,
        palette::STOCK,
        points(&days, |d| d.stock.unwrap_or(0).max(0) as f64),
        2.5,
    ));
    let receipts: Vec<[f64; 2]> = days
        .iter()
        .filter(|d| d.receipts > 0)
        .map(|d| [x(d.date), d.stock.unwrap_or(0).max(0) as f64])
        .collect();
    if !receipts.is_empty() {
        chart.series.push(Series {
            name: words.receipt.to_string(),
            color: palette::RECEIPT,
            opacity: 1.0,
            shape: Shape::Points {
                points: receipts,
                radius: 5.0,
                marker: Marker::Triangle,
                notes: Vec::new(),
            },
            in_legend: true,
        });
    }
    chart.series.push(as_of_mark(input));
}

/// Horizontal bars of % recorded (upper) and % printed (lower, paler) per kecamatan, worst
/// first, coloured by the office's coverage bands; a legend entry per band.
fn coverage(chart: &mut Chart, input: &ChartData) {
    let words = input.lang.charts();
    let settings = &input.data.settings;
    let units = input.summary.coverage_worst_first();
    let n = units.len();
    chart.x_axis = Axis::Percent;
    // Bottom first: the worst unit is drawn at the top.
    chart.y_axis = Axis::Categories(units.iter().rev().map(|u| u.0.to_string()).collect());
    chart.x_label = Some(words.coverage_axis);
    chart.x_range = (0.0, 100.0);
    chart.y_range = (0.5, n as f64 + 0.5);
    let percent = |v: f64| crate::locale::fmt::plain(input.lang, v);
    let bands = [
        (
            CoverageBand::Poor,
            (words.band_poor)(&percent(settings.coverage_poor_below)),
            palette::BAND_POOR,
        ),
        (
            CoverageBand::Adequate,
            (words.band_adequate)(
                &percent(settings.coverage_poor_below),
                &percent(settings.coverage_good_above),
            ),
            palette::BAND_ADEQUATE,
        ),
        (
            CoverageBand::Good,
            (words.band_good)(&percent(settings.coverage_good_above)),
            palette::BAND_GOOD,
        ),
    ];
    // Where the bands change, so that bars all of one band still read against the limits.
    chart.series.push(Series {
        name: words.band_limits.to_string(),
        color: palette::TARGET,
        opacity: 1.0,
        shape: Shape::VLines {
            xs: vec![settings.coverage_poor_below, settings.coverage_good_above],
            dash: Dash::Dotted,
        },
        in_legend: true,
    });
    for (band, name, color) in bands {
        let mut named = false;
        for (printed, opacity) in [(false, 1.0), (true, palette::PRINTED_BAR_OPACITY)] {
            let bars: Vec<Bar> = units
                .iter()
                .enumerate()
                .filter_map(|(i, u)| {
                    let value = if printed { u.2 } else { u.1 };
                    (settings.coverage_band(value) == band).then_some(Bar {
                        position: (n - i) as f64 + if printed { -0.2 } else { 0.2 },
                        value,
                        width: 0.38,
                    })
                })
                .collect();
            if bars.is_empty() {
                continue;
            }
            // The paler printed bars share the band's entry (the axis says which is which).
            chart.series.push(Series {
                name: name.clone(),
                color,
                opacity,
                shape: Shape::Bars { bars },
                in_legend: !named,
            });
            named = true;
        }
    }
}

/// The kecamatan with a pace against the deadline, slowest against its need first.
fn behind_rows(input: &ChartData) -> Vec<crate::forecast::behind::UnitBehind> {
    crate::forecast::behind::behind(
        input.data,
        input.history,
        input.summary.as_of,
        input.data.settings.forecast_window_days,
    )
    .into_iter()
    .filter(|r| !r.district_office && r.recording.is_some())
    .collect()
}

/// Each kecamatan's recording rate over the forecast window as a bar (red under what the
/// deadline needs, green at or over it) and the rate the deadline needs as a mark, slowest
/// against its need at the top.
fn behind(chart: &mut Chart, input: &ChartData) {
    let words = input.lang.charts();
    let rows = behind_rows(input);
    let n = rows.len();
    chart.x_axis = Axis::Count;
    chart.y_axis = Axis::Categories(rows.iter().rev().map(|r| r.name.clone()).collect());
    chart.x_label = Some(words.behind_axis);
    chart.y_range = (0.5, n as f64 + 0.5);
    let pace = |r: &crate::forecast::behind::UnitBehind| r.recording.unwrap_or_default();
    chart.x_range = (
        0.0,
        top(rows.iter().flat_map(|r| {
            let p = pace(r);
            [
                p.current_per_working_day,
                p.required_per_working_day.unwrap_or(0.0),
            ]
        })),
    );
    for (under, name, color) in [
        (true, words.behind_under, palette::BAND_POOR),
        (false, words.behind_enough, palette::BAND_GOOD),
    ] {
        let bars: Vec<Bar> = rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.is_behind() == under)
            .map(|(i, r)| Bar {
                position: (n - i) as f64,
                value: pace(r).current_per_working_day,
                width: 0.6,
            })
            .collect();
        if !bars.is_empty() {
            chart.series.push(Series {
                name: name.to_string(),
                color,
                opacity: 1.0,
                shape: Shape::Bars { bars },
                in_legend: true,
            });
        }
    }
    let needed: Vec<[f64; 2]> = rows
        .iter()
        .enumerate()
        .filter_map(|(i, r)| Some([pace(r).required_per_working_day?, (n - i) as f64]))
        .collect();
    if needed.is_empty() {
        // No working day is left before the deadline: there is no rate it needs to draw.
        chart.title = if input.data.level == crate::domain::dataset::UnitLevel::District {
            words.title_behind_now_districts
        } else {
            words.title_behind_now
        };
    } else {
        chart.series.push(Series {
            name: words.behind_needed.to_string(),
            color: palette::DEADLINE,
            opacity: 1.0,
            shape: Shape::Points {
                points: needed,
                radius: 5.0,
                marker: Marker::Triangle,
                notes: Vec::new(),
            },
            in_legend: true,
        });
    }
}

/// The reliability chart: for each horizon (all three stages together), the share of past
/// forecasts whose actual total fell at or below each quantile, against the quantile. A
/// calibrated forecast lies on the diagonal; below it, reality came out lower than forecast.
fn accuracy(chart: &mut Chart, input: &ChartData) {
    let words = input.lang.charts();
    let Some(accuracy) = input.accuracy else {
        return;
    };
    chart.x_axis = Axis::Percent;
    chart.y_axis = Axis::Percent;
    chart.x_label = Some(words.accuracy_x);
    chart.y_label = Some(words.accuracy_y);
    chart.x_range = (0.0, 100.0);
    chart.y_range = (0.0, 100.0);
    chart.series.push(with_dash(
        line(
            words.accuracy_diagonal,
            palette::DIAGONAL,
            vec![[0.0, 0.0], [100.0, 100.0]],
            1.0,
        ),
        Dash::Dotted,
    ));
    let levels: Vec<f64> = (1..20).map(|i| i as f64 * 0.05).collect();
    let mut horizons: Vec<usize> = accuracy.raw.iter().map(|s| s.working_days).collect();
    horizons.sort_unstable();
    horizons.dedup();
    // Each horizon as the model made it (solid), then calibrated (dashed, same colour): the
    // same forecasts, those made once enough outcomes were known to learn from.
    for (i, h) in horizons.into_iter().enumerate() {
        let color = palette::HORIZONS[i.min(palette::HORIZONS.len() - 1)];
        let learnt = accuracy
            .calibrated
            .iter()
            .any(|s| s.working_days == h && s.n > 0);
        // Before any calibration the model's own forecasts are all there is to show.
        let raw = if learnt {
            &accuracy.raw_matched
        } else {
            &accuracy.raw
        };
        for (scores, calibrated) in [(raw, false), (&accuracy.calibrated, true)] {
            let pits: Vec<f64> = scores
                .iter()
                .filter(|s| s.working_days == h)
                .flat_map(|s| s.cases.iter().map(|c| c.pit))
                .collect();
            if pits.is_empty() {
                continue;
            }
            let curve: Vec<[f64; 2]> = levels
                .iter()
                .map(|&level| {
                    let below = pits.iter().filter(|p| **p <= level).count();
                    [level * 100.0, below as f64 * 100.0 / pits.len() as f64]
                })
                .collect();
            let series = if calibrated {
                with_dash(
                    line((words.horizon_calibrated)(h), color, curve, 2.0),
                    Dash::Dashed,
                )
            } else {
                line((words.horizon)(h), color, curve, 2.0)
            };
            chart.series.push(series);
        }
    }
}

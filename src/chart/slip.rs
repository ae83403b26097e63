//! The slip chart: how the forecast finish moved against the deadlines in force, on the
//! mission window.

use chrono::{Datelike, Months, NaiveDate};

use super::build::{line, outages, with_dash};
use super::palette;
use super::{Axis, Chart, ChartData, Dash, Marker, Series, Shape, x};
use crate::forecast::{Forecast, HORIZON_YEARS, MilestoneForecast};

/// The first day of `date`'s month, or of the next month when `up` and `date` is not a first.
fn whole_month(date: NaiveDate, up: bool) -> NaiveDate {
    let first = date.with_day(1).unwrap_or(date);
    if up && first != date {
        first.checked_add_months(Months::new(1)).unwrap_or(first)
    } else {
        first
    }
}

/// The deadline decisions taken by the as-of day, `(decided on, deadline)`, oldest first.
fn decisions(input: &ChartData) -> Vec<(NaiveDate, NaiveDate)> {
    let mut decisions: Vec<(NaiveDate, NaiveDate)> = input
        .data
        .deadlines
        .iter()
        .filter(|d| d.decided_on <= input.summary.as_of)
        .map(|d| (d.decided_on, d.deadline))
        .collect();
    decisions.sort();
    decisions
}

/// The reporting dates the slip chart opens on, in whole months: from the decision that first
/// moved a deadline before it passed (the first slip) to the latest deadline in force, or the
/// last reporting date when that is later; the whole history when no deadline has moved.
pub fn mission_window(input: &ChartData) -> Option<(NaiveDate, NaiveDate)> {
    let (first, last) = (input.slip.first()?.as_of, input.slip.last()?.as_of);
    let deadlines = decisions(input);
    let first_slip = deadlines
        .windows(2)
        .find(|w| w[1].1 > w[0].1 && w[1].0 <= w[0].1)
        .map(|w| w[1].0);
    let start = first_slip.unwrap_or(first).clamp(first, last);
    let in_force = deadlines
        .iter()
        .filter(|(decided, _)| *decided <= last)
        .map(|(_, deadline)| *deadline)
        .next_back();
    let end = in_force.map_or(last, |d| d.max(last));
    Some((whole_month(start, false), whole_month(end, true)))
}

/// The slip chart: the forecast completion date against the reporting date, both on one
/// calendar, over the mission window; the deadline in force as a step, the outage shaded, the
/// diagonal where a forecast date is the reporting day itself. A forecast beyond the top is a
/// marker at the edge that says its date and why; a reporting day whose forecast has no date
/// is a shaded band that says why.
pub(super) fn slip(chart: &mut Chart, input: &ChartData) {
    let words = input.lang.charts();
    let slip = input.slip;
    let (Some(first), Some(last), Some(window)) = (
        slip.first(),
        slip.last(),
        input.slip_window.or_else(|| mission_window(input)),
    ) else {
        return;
    };
    let (start, end) = (window.0, window.1.max(window.0 + chrono::Days::new(1)));
    chart.y_axis = Axis::Date;
    chart.x_label = Some(words.reporting_date);
    chart.y_label = Some(words.forecast_date);
    chart.x_range = (x(start), x(end));
    // The top: the latest P50 or deadline of the window, so that both milestones' slips show
    // in full (printing's may run years past recording's); a P85 beyond it is cut there, and
    // the chart says so. A P50 beyond the forecast's horizon is a marker at the top.
    let cap = end
        .checked_add_months(Months::new(12 * (HORIZON_YEARS + 1)))
        .unwrap_or(end);
    let shown = |f: &&Forecast| (start..=end).contains(&f.as_of);
    let top = slip
        .iter()
        .filter(shown)
        .flat_map(|f| [f.recording.p50, f.printing.p50, f.deadline])
        .flatten()
        .filter(|d| *d <= cap)
        .fold(end, NaiveDate::max);
    let top = whole_month(top, true);
    let y_top = x(top);
    chart.y_range = (x(start), y_top);
    chart.series.extend(outages(input));
    let milestones = [
        (words.recording_done, palette::RECORDED, true),
        (words.everyone_carded, palette::PRINTED, false),
    ];
    let pick = |f: &Forecast, recording: bool| -> MilestoneForecast {
        if recording {
            f.recording.clone()
        } else {
            f.printing.clone()
        }
    };
    // Reporting days without a forecast date, in runs of the same reason: a strip along the
    // top edge, where dates beyond the axis are marked too.
    for (name, color, recording) in milestones {
        let mut ranges: Vec<(f64, f64)> = Vec::new();
        let mut notes: Vec<String> = Vec::new();
        let mut run: Option<(f64, f64, crate::forecast::Constraint)> = None;
        for f in slip {
            let m = pick(f, recording);
            let gap = m.p50.is_none().then_some(m.reason).flatten();
            let at = x(f.as_of);
            run = match (run.take(), gap) {
                (Some((a, b, reason)), Some(now))
                    if std::mem::discriminant(&reason) == std::mem::discriminant(&now)
                        && at - b <= 7.0 =>
                {
                    Some((a, at, now))
                }
                (previous, now) => {
                    if let Some((a, b, reason)) = previous {
                        ranges.push((a, b + 1.0));
                        notes.push(crate::locale::constraint(input.lang, &reason));
                    }
                    now.map(|reason| (at, at, reason))
                }
            };
        }
        if let Some((a, b, reason)) = run {
            ranges.push((a, b + 1.0));
            notes.push(crate::locale::constraint(input.lang, &reason));
        }
        if !ranges.is_empty() {
            let strip = y_top - (y_top - x(start)) * 0.06;
            let segments = ranges
                .iter()
                .map(|&(a, b)| vec![[a, strip, y_top], [b, strip, y_top]])
                .collect();
            chart.series.push(Series {
                name: (words.no_date)(name),
                color,
                opacity: palette::SHADE_OPACITY,
                shape: Shape::Band { segments, notes },
                in_legend: true,
            });
        }
    }
    let (x0, x1) = (
        x(first.as_of).min(x(start)),
        x(last.as_of).max(x(end)).max(y_top),
    );
    // The diagonal is named on the chart itself, not in the legend.
    let mut diagonal = with_dash(
        line(
            words.diagonal,
            palette::DIAGONAL,
            vec![[x0, x0], [x1, x1]],
            1.0,
        ),
        Dash::Dotted,
    );
    diagonal.in_legend = false;
    chart.series.push(diagonal);
    // Its label sits on it a third of the way across the window, clear of the legend.
    let at = x(start) + (x(end) - x(start)) * 0.33;
    chart.series.push(Series {
        name: words.diagonal_label.to_string(),
        color: palette::DIAGONAL,
        opacity: 1.0,
        shape: Shape::Text { at: [at, at] },
        in_legend: false,
    });
    // The deadline in force on each reporting day: a step at each decision.
    let mut step: Vec<[f64; 2]> = Vec::new();
    for (decided, deadline) in &decisions(input) {
        if let Some(&[_, previous]) = step.last() {
            step.push([x(*decided), previous]);
        }
        step.push([x(*decided), x(*deadline)]);
    }
    if let Some(&[_, previous]) = step.last() {
        step.push([x1, previous]);
    }
    if !step.is_empty() {
        chart
            .series
            .push(line(words.deadline, palette::DEADLINE, step, 2.5));
    }
    let top_label = crate::locale::fmt::month_year(input.lang, top);
    let mut cut_notes = 0;
    for (name, color, recording) in milestones {
        // The band where its P50 is on the axis; a P85 beyond the top is cut there.
        let band: Vec<[f64; 3]> = slip
            .iter()
            .filter_map(|f| {
                let m = pick(f, recording);
                let (p50, p85) = (m.p50?, m.p85?);
                (p50 <= top).then(|| [x(f.as_of), x(p50), x(p85).min(y_top)])
            })
            .collect();
        let mut below: Vec<[f64; 2]> = Vec::new();
        let mut capped: Vec<[f64; 2]> = Vec::new();
        let mut capped_notes: Vec<String> = Vec::new();
        for f in slip {
            let m = pick(f, recording);
            let Some(p50) = m.p50 else { continue };
            if p50 <= top {
                below.push([x(f.as_of), x(p50)]);
            } else {
                capped.push([x(f.as_of), y_top]);
                capped_notes.push(format!(
                    "P50 {}: {}",
                    crate::locale::fmt::date_long(input.lang, p50),
                    crate::locale::constraint(input.lang, &m.limited_by)
                ));
            }
        }
        // A band cut at the top says so on the chart, under the top edge.
        let cut = slip.iter().filter(shown).any(|f| {
            let m = pick(f, recording);
            m.p50.is_some_and(|p| p <= top) && m.p85.is_some_and(|p| p > top)
        });
        if cut {
            let below_top = y_top - (y_top - x(start)) * (0.10 + 0.06 * cut_notes as f64);
            cut_notes += 1;
            // Clear of the forecasts: right of the last one while it is early in the window,
            // else at its left edge (where the earliest forecasts sit lower).
            let span = x(end) - x(start);
            let last_shown = x(last.as_of.min(end));
            let left = if last_shown < x(start) + span * 0.5 {
                last_shown + span * 0.03
            } else {
                x(start) + span * 0.02
            };
            chart.series.push(Series {
                name: (words.band_cut)(name, &top_label),
                color,
                opacity: 1.0,
                shape: Shape::Text {
                    at: [left, below_top],
                },
                in_legend: false,
            });
        }
        if !band.is_empty() {
            let calibrated = slip.iter().any(|f| pick(f, recording).calibrated);
            chart.series.push(Series {
                name: words.band(name, calibrated),
                color,
                opacity: palette::BAND_OPACITY,
                shape: Shape::Band {
                    segments: contiguous(&band),
                    notes: Vec::new(),
                },
                in_legend: true,
            });
        }
        if !below.is_empty() {
            chart.series.push(Series {
                name: (words.p50)(name),
                color,
                opacity: 1.0,
                shape: Shape::Points {
                    points: below,
                    radius: 1.6,
                    marker: Marker::Circle,
                    notes: Vec::new(),
                },
                in_legend: true,
            });
        }
        if !capped.is_empty() {
            chart.series.push(Series {
                name: (words.beyond)(name, &top_label),
                color,
                opacity: 1.0,
                shape: Shape::Points {
                    points: capped,
                    radius: 3.5,
                    marker: Marker::Triangle,
                    notes: capped_notes,
                },
                in_legend: true,
            });
        }
    }
    if (start..=end).contains(&input.summary.as_of) {
        chart.series.push(super::build::as_of_mark(input));
    }
}

/// Splits a band at gaps (more than a week without a value), so it is not drawn across them.
fn contiguous(points: &[[f64; 3]]) -> Vec<Vec<[f64; 3]>> {
    let mut out: Vec<Vec<[f64; 3]>> = Vec::new();
    for p in points {
        match out.last_mut() {
            Some(last) if last.last().is_some_and(|q| p[0] - q[0] <= 7.0) => last.push(*p),
            _ => out.push(vec![*p]),
        }
    }
    out
}

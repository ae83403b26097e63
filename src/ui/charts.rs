//! The dashboard's charts (egui_plot). Dates are day numbers on the x axis, with marks on
//! month, week or day boundaries and Indonesian (or English) month names.

use chrono::{Datelike, NaiveDate};
use egui::Color32;
use egui_plot::{
    Bar, BarChart, Corner, GridInput, GridMark, HLine, Legend, Line, LineStyle, Plot, PlotPoints,
    Points, Polygon, Span, VLine,
};

use super::theme;
use crate::domain::Dataset;
use crate::domain::dataset::CoverageBand;
use crate::domain::summary::Summary;
use crate::forecast::Forecast;
use crate::forecast::history::Day;
use crate::io::charts::moving_average;
use crate::locale::{Lang, fmt};

/// Day numbers count from this date, so the plot's f64 keeps full precision.
const EPOCH: NaiveDate = match NaiveDate::from_ymd_opt(2000, 1, 1) {
    Some(d) => d,
    None => panic!("valid epoch"),
};

pub fn x(date: NaiveDate) -> f64 {
    (date - EPOCH).num_days() as f64
}

pub fn date_of(x: f64) -> Option<NaiveDate> {
    EPOCH.checked_add_signed(chrono::Duration::days(x.round() as i64))
}

/// Grid marks on month boundaries (or weeks, or days, as the zoom allows).
fn date_grid(input: GridInput) -> Vec<GridMark> {
    let (Some(start), Some(end)) = (date_of(input.bounds.0), date_of(input.bounds.1)) else {
        return Vec::new();
    };
    let days = (end - start).num_days().max(1);
    let mut marks = Vec::new();
    if days > 5 * 365 {
        for year in start.year()..=end.year() + 1 {
            if let Some(d) = NaiveDate::from_ymd_opt(year, 1, 1) {
                marks.push(GridMark {
                    value: x(d),
                    step_size: 365.0,
                });
            }
        }
        return marks;
    }
    let month_step = if days > 3 * 365 {
        6
    } else if days > 400 {
        3
    } else {
        1
    };
    let mut month = NaiveDate::from_ymd_opt(start.year(), start.month(), 1);
    while let Some(m) = month.filter(|m| *m <= end) {
        if (m.month0()) % month_step == 0 {
            marks.push(GridMark {
                value: x(m),
                step_size: 30.0 * month_step as f64,
            });
        }
        month = m.checked_add_months(chrono::Months::new(1));
    }
    if days <= 120 {
        let step = if days <= 21 { 1 } else { 7 };
        for d in start.iter_days().take_while(|d| *d <= end) {
            let on_step = if step == 1 {
                true
            } else {
                d.weekday() == chrono::Weekday::Mon
            };
            if on_step && d.day() != 1 {
                marks.push(GridMark {
                    value: x(d),
                    step_size: step as f64,
                });
            }
        }
    }
    marks
}

fn date_label(lang: Lang, mark: GridMark) -> String {
    let Some(date) = date_of(mark.value) else {
        return String::new();
    };
    if mark.step_size >= 365.0 {
        date.year().to_string()
    } else if mark.step_size >= 28.0 {
        format!("{} {}", fmt::month_short(lang, date.month0()), date.year())
    } else {
        format!("{} {}", date.day(), fmt::month_short(lang, date.month0()))
    }
}

fn count_label(lang: Lang, value: f64) -> String {
    if value < 0.0 {
        return String::new();
    }
    fmt::count(lang, value.round() as u64)
}

/// A plot with dates on the x axis and counts on the y axis.
/// A compact legend that leaves the data visible.
fn legend(corner: Corner) -> Legend {
    Legend::default()
        .position(corner)
        .text_style(egui::TextStyle::Small)
        .background_alpha(0.6)
        .follow_insertion_order(true)
}

fn date_plot<'a>(id: &str, lang: Lang, corner: Corner) -> Plot<'a> {
    Plot::new(id.to_string())
        .height(theme::CHART_HEIGHT)
        .legend(legend(corner))
        .x_grid_spacer(date_grid)
        .x_axis_formatter(move |mark, _| date_label(lang, mark))
        .y_axis_formatter(move |mark, _| count_label(lang, mark.value))
        .y_axis_min_width(56.0)
        .label_formatter(move |pos| {
            let (name, point) = match pos {
                egui_plot::HoverPosition::NearDataPoint {
                    plot_name,
                    position,
                    ..
                } => (*plot_name, *position),
                egui_plot::HoverPosition::Elsewhere { position } => ("", *position),
            };
            let date = date_of(point.x)
                .map(|d| fmt::date_long(lang, d))
                .unwrap_or_default();
            Some(format!("{name}\n{date}\n{}", count_label(lang, point.y)))
        })
        .allow_scroll(false)
}

fn series(days: &[Day], value: impl Fn(&Day) -> f64) -> PlotPoints<'static> {
    days.iter()
        .map(|d| [x(d.date), value(d)])
        .collect::<Vec<_>>()
        .into()
}

/// Cumulative recorded, sent and printed against wajib KTP, the deadlines, and the forecast
/// fan beyond the as-of date.
pub fn progress_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    days: &[Day],
    summary: &Summary,
    data: &Dataset,
    forecast: Option<&Forecast>,
) {
    let tr = lang.tr();
    let wajib = summary.total.wajib_ktp.unwrap_or(0) as f64;
    let as_of = summary.as_of;
    let days: Vec<Day> = days.iter().filter(|d| d.date <= as_of).copied().collect();
    // Cumulative lines rise to the right: the bottom right stays free for the legend.
    date_plot("progress", lang, Corner::RightBottom).show(ui, |plot| {
        plot.line(
            Line::new(tr.recorded, series(&days, |d| d.total_recorded as f64))
                .color(theme::RECORDED),
        );
        plot.line(Line::new(tr.sent, series(&days, |d| d.total_sent as f64)).color(theme::SENT));
        plot.line(
            Line::new(tr.printed, series(&days, |d| d.total_printed as f64)).color(theme::PRINTED),
        );
        if wajib > 0.0 {
            plot.hline(
                HLine::new(tr.wajib_ktp, wajib)
                    .color(theme::TARGET)
                    .style(LineStyle::dashed_loose()),
            );
        }
        for deadline in &data.deadlines {
            plot.vline(
                VLine::new(tr.deadline, x(deadline.deadline))
                    .color(theme::DEADLINE)
                    .style(LineStyle::dashed_dense()),
            );
        }
        let Some(forecast) = forecast else { return };
        let fans = [
            (
                &forecast.recording,
                summary.total.recorded,
                theme::RECORDED,
                tr.recording_done,
            ),
            (
                &forecast.printing,
                summary.total.printed,
                theme::PRINTED,
                tr.everyone_card,
            ),
        ];
        for (milestone, now, color, name) in fans {
            let (Some(p50), Some(p85)) = (milestone.p50, milestone.p85) else {
                continue;
            };
            if milestone.remaining == 0 {
                continue;
            }
            let start = [x(as_of), now as f64];
            plot.polygon(
                Polygon::new(
                    format!("{name} P85"),
                    vec![start, [x(p50), wajib], [x(p85), wajib]],
                )
                .fill_color(color.gamma_multiply(theme::BAND_ALPHA))
                .width(0.0),
            );
            plot.line(
                Line::new(format!("{name} P50"), vec![start, [x(p50), wajib]])
                    .color(color)
                    .style(LineStyle::dashed_loose()),
            );
        }
    });
}

/// The slip chart: forecast completion date against reporting date, the deadline in force
/// as a step line, and the 45° diagonal where the two meet.
pub fn slip_ui(ui: &mut egui::Ui, lang: Lang, slip: &[Forecast]) {
    let tr = lang.tr();
    let y_label = move |mark: GridMark, _: &std::ops::RangeInclusive<f64>| date_label(lang, mark);
    let plot = Plot::new("slip")
        .height(theme::CHART_HEIGHT + 40.0)
        .legend(legend(Corner::LeftTop))
        .x_grid_spacer(date_grid)
        .y_grid_spacer(date_grid)
        .x_axis_formatter(move |mark, _| date_label(lang, mark))
        .y_axis_formatter(y_label)
        .y_axis_min_width(64.0)
        .x_axis_label(tr.reporting_date)
        .y_axis_label(tr.forecast_date)
        .label_formatter(move |pos| {
            let point = match pos {
                egui_plot::HoverPosition::NearDataPoint { position, .. } => *position,
                egui_plot::HoverPosition::Elsewhere { position } => *position,
            };
            let a = date_of(point.x)
                .map(|d| fmt::date_short(lang, d))
                .unwrap_or_default();
            let b = date_of(point.y)
                .map(|d| fmt::date_short(lang, d))
                .unwrap_or_default();
            Some(format!(
                "{}: {a}\n{}: {b}",
                tr.reporting_date, tr.forecast_date
            ))
        })
        .allow_scroll(false);
    plot.show(ui, |plot| {
        if slip.is_empty() {
            return;
        }
        let first = x(slip[0].as_of);
        let last = x(slip[slip.len() - 1].as_of);
        plot.line(
            Line::new(tr.diagonal, vec![[first, first], [last, last]])
                .color(Color32::GRAY)
                .style(LineStyle::dotted_dense()),
        );
        let deadline: Vec<[f64; 2]> = slip
            .iter()
            .filter_map(|f| f.deadline.map(|d| [x(f.as_of), x(d)]))
            .collect();
        plot.line(
            Line::new(tr.deadline, deadline)
                .color(theme::DEADLINE)
                .width(2.0),
        );
        let milestones = [
            (tr.recording_done, theme::RECORDED, true),
            (tr.everyone_card, theme::PRINTED, false),
        ];
        for (name, color, recording) in milestones {
            let pick = |f: &Forecast| {
                if recording {
                    f.recording.clone()
                } else {
                    f.printing.clone()
                }
            };
            let p50: Vec<[f64; 2]> = slip
                .iter()
                .filter_map(|f| pick(f).p50.map(|d| [x(f.as_of), x(d)]))
                .collect();
            let band: Vec<(f64, f64, f64)> = slip
                .iter()
                .filter_map(|f| {
                    let m = pick(f);
                    Some((x(f.as_of), x(m.p50?), x(m.p85?)))
                })
                .collect();
            for segment in contiguous(&band) {
                let xs: Vec<f64> = segment.iter().map(|p| p.0).collect();
                let p50s: Vec<f64> = segment.iter().map(|p| p.1).collect();
                let p85s: Vec<f64> = segment.iter().map(|p| p.2).collect();
                plot.add(
                    egui_plot::FilledArea::new(format!("{name} P85"), &xs, &p50s, &p85s)
                        .fill_color(color.gamma_multiply(theme::BAND_ALPHA)),
                );
            }
            plot.points(
                Points::new(format!("{name} P50"), p50)
                    .color(color)
                    .radius(1.5),
            );
        }
    });
}

/// Splits a series at gaps (dates without a value) so bands are not drawn across them.
fn contiguous(points: &[(f64, f64, f64)]) -> Vec<Vec<(f64, f64, f64)>> {
    let mut out: Vec<Vec<(f64, f64, f64)>> = Vec::new();
    for p in points {
        match out.last_mut() {
            Some(last) if last.last().is_some_and(|q| p.0 - q.0 <= 5.0) => last.push(*p),
            _ => out.push(vec![*p]),
        }
    }
    out
}

/// Outage periods as shaded spans.
fn outage_spans(plot: &mut egui_plot::PlotUi, lang: Lang, data: &Dataset, last: NaiveDate) {
    for outage in &data.outages {
        let end = outage.last_day.unwrap_or(last);
        plot.span(
            Span::new(lang.tr().outage_label, x(outage.first_day)..=x(end) + 1.0)
                .fill(theme::OUTAGE_SHADE),
        );
    }
}

/// Recorded and printed per day with their 7-working-day averages; outages shaded.
pub fn daily_ui(ui: &mut egui::Ui, lang: Lang, days: &[Day], data: &Dataset, as_of: NaiveDate) {
    let tr = lang.tr();
    let days: Vec<Day> = days
        .iter()
        .filter(|d| d.date <= as_of && d.reported)
        .copied()
        .collect();
    let xs: Vec<f64> = days.iter().map(|d| x(d.date)).collect();
    let line = |values: Vec<f64>| -> PlotPoints<'static> {
        xs.iter()
            .zip(values)
            .map(|(x, y)| [*x, y])
            .collect::<Vec<_>>()
            .into()
    };
    let recorded: Vec<f64> = days.iter().map(|d| d.recorded).collect();
    let printed: Vec<f64> = days.iter().map(|d| d.printed).collect();
    date_plot("daily", lang, Corner::LeftTop).show(ui, |plot| {
        outage_spans(plot, lang, data, as_of);
        for (name, values, color) in [
            (tr.recorded, &recorded, theme::RECORDED),
            (tr.printed, &printed, theme::PRINTED),
        ] {
            plot.points(
                Points::new(name, line(values.clone()))
                    .color(color.gamma_multiply(0.5))
                    .radius(1.2),
            );
            plot.line(
                Line::new(
                    format!("{name} ({})", tr.moving_average),
                    line(moving_average(values, 7)),
                )
                .color(color)
                .width(2.0),
            );
        }
    });
}

/// Records waiting to be sent and waiting to be printed.
pub fn backlog_ui(ui: &mut egui::Ui, lang: Lang, days: &[Day], data: &Dataset, as_of: NaiveDate) {
    let tr = lang.tr();
    let days: Vec<Day> = days.iter().filter(|d| d.date <= as_of).copied().collect();
    date_plot("backlog", lang, Corner::LeftBottom).show(ui, |plot| {
        outage_spans(plot, lang, data, as_of);
        plot.line(
            Line::new(
                tr.backlog_send,
                series(&days, |d| {
                    d.total_recorded.saturating_sub(d.total_sent) as f64
                }),
            )
            .color(theme::SENT)
            .width(2.0),
        );
        plot.line(
            Line::new(
                tr.backlog_print,
                series(&days, |d| {
                    d.total_sent.saturating_sub(d.total_printed) as f64
                }),
            )
            .color(theme::PRINTED)
            .width(2.0),
        );
    });
}

/// Blanks in stock, receipts marked, stockout days shaded.
pub fn stock_ui(ui: &mut egui::Ui, lang: Lang, days: &[Day], as_of: NaiveDate) {
    let tr = lang.tr();
    let days: Vec<Day> = days
        .iter()
        .filter(|d| d.date <= as_of && d.stock.is_some())
        .copied()
        .collect();
    date_plot("stock", lang, Corner::LeftTop).show(ui, |plot| {
        let mut run_start: Option<NaiveDate> = None;
        for (i, d) in days.iter().enumerate() {
            let out = d.stock.is_some_and(|s| s <= 0);
            if out && run_start.is_none() {
                run_start = Some(d.date);
            }
            let ends = !out || i + 1 == days.len();
            if let (true, Some(start)) = (ends, run_start) {
                let end = if out { d.date } else { days[i - 1].date };
                plot.span(
                    Span::new(tr.stockout_days, x(start)..=x(end) + 1.0)
                        .fill(theme::STOCKOUT_SHADE),
                );
                run_start = None;
            }
        }
        plot.line(
            Line::new(
                tr.blanks_on_hand,
                series(&days, |d| d.stock.unwrap_or(0) as f64),
            )
            .color(theme::STOCK)
            .width(2.0),
        );
        let receipts: Vec<[f64; 2]> = days
            .iter()
            .filter(|d| d.receipts > 0)
            .map(|d| [x(d.date), d.stock.unwrap_or(0) as f64])
            .collect();
        plot.points(
            Points::new(tr.receipt_label, receipts)
                .shape(egui_plot::MarkerShape::Up)
                .radius(5.0)
                .color(theme::SENT),
        );
    });
}

/// Colour of a coverage percentage by the office's bands.
pub fn band_color(settings: &crate::domain::dataset::Settings, pct: f64) -> Color32 {
    match settings.coverage_band(pct) {
        CoverageBand::Poor => theme::BAND_POOR,
        CoverageBand::Good => theme::BAND_GOOD,
        CoverageBand::Adequate => theme::BAND_ADEQUATE,
    }
}

/// Horizontal bars of % recorded and % printed per kecamatan, worst first.
pub fn coverage_ui(ui: &mut egui::Ui, lang: Lang, summary: &Summary, data: &Dataset) {
    let tr = lang.tr();
    let (poor, good) = (
        data.settings.coverage_poor_below,
        data.settings.coverage_good_above,
    );
    let units = summary.coverage_worst_first();
    let n = units.len();
    let names: Vec<String> = units.iter().map(|u| u.0.to_string()).collect();
    let recorded: Vec<Bar> = units
        .iter()
        .enumerate()
        .map(|(i, u)| {
            Bar::new((n - i) as f64 + 0.2, u.1)
                .width(0.38)
                .fill(band_color(&data.settings, u.1))
                .name(u.0)
        })
        .collect();
    let printed: Vec<Bar> = units
        .iter()
        .enumerate()
        .map(|(i, u)| {
            Bar::new((n - i) as f64 - 0.2, u.2)
                .width(0.38)
                .fill(band_color(&data.settings, u.2).gamma_multiply(0.55))
                .name(u.0)
        })
        .collect();
    Plot::new("coverage")
        .height((n as f32 * 26.0).max(theme::CHART_HEIGHT))
        .legend(legend(Corner::RightBottom))
        .y_axis_formatter(move |mark, _| {
            let i = mark.value.round() as usize;
            if (mark.value - i as f64).abs() < 0.01 && i >= 1 && i <= n {
                names[n - i].clone()
            } else {
                String::new()
            }
        })
        .y_grid_spacer(move |_| {
            (1..=n)
                .map(|i| GridMark {
                    value: i as f64,
                    step_size: 1.0,
                })
                .collect()
        })
        .x_axis_formatter(move |mark, _| format!("{} %", mark.value.round()))
        .y_axis_min_width(110.0)
        .include_x(0.0)
        .include_x(100.0)
        .allow_scroll(false)
        .allow_drag(false)
        .allow_zoom(false)
        .show(ui, |plot| {
            plot.bar_chart(
                BarChart::new(format!("% {}", tr.recorded), recorded)
                    .horizontal()
                    .color(theme::RECORDED),
            );
            plot.bar_chart(
                BarChart::new(format!("% {}", tr.printed), printed)
                    .horizontal()
                    .color(theme::PRINTED),
            );
            plot.vline(
                VLine::new(tr.band_poor, poor)
                    .color(theme::BAND_POOR)
                    .style(LineStyle::dashed_dense()),
            );
            plot.vline(
                VLine::new(tr.band_good, good)
                    .color(theme::BAND_GOOD)
                    .style(LineStyle::dashed_dense()),
            );
        });
}

//! The dashboard's charts (egui_plot): the series of `crate::chart`, each with its legend
//! entry. Dates are day numbers on the axis, with marks on month, week or day boundaries and
//! Indonesian (or English) month names.

use chrono::{Datelike, NaiveDate};
use egui::Color32;
use egui_plot::{
    Bar, BarChart, FilledArea, GridInput, GridMark, HLine, Legend, Line, LineStyle, MarkerShape,
    Plot, PlotPoints, Points, Span, VLine,
};

use crate::chart::{Axis, Chart, Corner, Dash, Marker, Rgb, Series, Shape, date_of, x};
use crate::locale::{Lang, fmt};

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

/// A compact legend that leaves the data visible.
fn legend(corner: Corner) -> Legend {
    let corner = match corner {
        Corner::LeftTop => egui_plot::Corner::LeftTop,
        Corner::RightBottom => egui_plot::Corner::RightBottom,
        Corner::LeftBottom => egui_plot::Corner::LeftBottom,
    };
    Legend::default()
        .position(corner)
        .text_style(egui::TextStyle::Small)
        .background_alpha(0.6)
        .follow_insertion_order(true)
}

fn color(rgb: Rgb, opacity: f32) -> Color32 {
    Color32::from_rgba_unmultiplied(rgb.0, rgb.1, rgb.2, (opacity * 255.0).round() as u8)
}

fn line_style(dash: Dash) -> LineStyle {
    match dash {
        Dash::Solid => LineStyle::Solid,
        Dash::Dashed => LineStyle::dashed_loose(),
        Dash::Dotted => LineStyle::dotted_dense(),
    }
}

/// The label of a mark on `axis`.
fn axis_label(axis: &Axis, lang: Lang, mark: GridMark) -> String {
    match axis {
        Axis::Date => date_label(lang, mark),
        Axis::Count => count_label(lang, mark.value),
        Axis::Percent => format!("{} %", mark.value.round()),
        Axis::Categories(names) => {
            let i = mark.value.round();
            if (mark.value - i).abs() < 0.01 && i >= 1.0 {
                names.get(i as usize - 1).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        }
    }
}

/// A value on `axis` as the hover label says it.
fn hover_value(axis: &Axis, lang: Lang, value: f64) -> String {
    match axis {
        Axis::Date => date_of(value)
            .map(|d| fmt::date_long(lang, d))
            .unwrap_or_default(),
        Axis::Count => count_label(lang, value),
        Axis::Percent => fmt::percent(lang, value),
        Axis::Categories(names) => names
            .get((value.round() as usize).saturating_sub(1))
            .cloned()
            .unwrap_or_default(),
    }
}

/// Draws `chart` in a plot `height` points high.
pub fn chart_ui(ui: &mut egui::Ui, id: &str, chart: &Chart, lang: Lang, height: f32) {
    let (x_axis, y_axis) = (chart.x_axis.clone(), chart.y_axis.clone());
    let (x_hover, y_hover) = (chart.x_axis.clone(), chart.y_axis.clone());
    let mut plot = Plot::new(id.to_string())
        .height(height)
        .legend(legend(chart.legend))
        .x_axis_formatter(move |mark, _| axis_label(&x_axis, lang, mark))
        .y_axis_formatter(move |mark, _| axis_label(&y_axis, lang, mark))
        .y_axis_min_width(64.0)
        .include_x(chart.x_range.0)
        .include_x(chart.x_range.1)
        .include_y(chart.y_range.0)
        .include_y(chart.y_range.1)
        // Over a series the hover names it, with its date and value; over empty space, nothing.
        .label_formatter(move |pos| match pos {
            egui_plot::HoverPosition::NearDataPoint {
                plot_name,
                position,
                ..
            } if !plot_name.is_empty() => Some(format!(
                "{plot_name}\n{}\n{}",
                hover_value(&x_hover, lang, position.x),
                hover_value(&y_hover, lang, position.y)
            )),
            _ => None,
        })
        .allow_scroll(false);
    if chart.x_axis == Axis::Date {
        plot = plot.x_grid_spacer(date_grid);
    }
    match &chart.y_axis {
        Axis::Date => plot = plot.y_grid_spacer(date_grid),
        Axis::Categories(names) => {
            let n = names.len();
            plot = plot
                .y_grid_spacer(move |_| {
                    (1..=n)
                        .map(|i| GridMark {
                            value: i as f64,
                            step_size: 1.0,
                        })
                        .collect()
                })
                .y_axis_min_width(110.0)
                .allow_drag(false)
                .allow_zoom(false);
        }
        _ => {}
    }
    if let Some(label) = chart.x_label {
        plot = plot.x_axis_label(label);
    }
    if let Some(label) = chart.y_label {
        plot = plot.y_axis_label(label);
    }
    plot.show(ui, |plot| {
        for series in &chart.series {
            add_series(plot, series);
        }
    });
}

/// Adds one series; its legend entry (its name, when it has one) has its colour.
fn add_series(plot: &mut egui_plot::PlotUi, series: &Series) {
    let name = if series.in_legend {
        series.name.clone()
    } else {
        String::new()
    };
    let c = color(series.color, series.opacity);
    match &series.shape {
        Shape::Line {
            points,
            width,
            dash,
        } => plot.line(
            Line::new(name, PlotPoints::from(points.clone()))
                .color(c)
                .width(*width)
                .style(line_style(*dash)),
        ),
        Shape::Points {
            points,
            radius,
            marker,
        } => plot.points(
            Points::new(name, PlotPoints::from(points.clone()))
                .color(c)
                .radius(*radius)
                .shape(match marker {
                    Marker::Circle => MarkerShape::Circle,
                    Marker::Triangle => MarkerShape::Up,
                })
                .filled(true),
        ),
        Shape::Band { segments } => {
            for segment in segments {
                let xs: Vec<f64> = segment.iter().map(|p| p[0]).collect();
                let lows: Vec<f64> = segment.iter().map(|p| p[1]).collect();
                let highs: Vec<f64> = segment.iter().map(|p| p[2]).collect();
                plot.add(FilledArea::new(name.clone(), &xs, &lows, &highs).fill_color(c));
            }
        }
        Shape::HLine { y, dash } => plot.hline(
            HLine::new(name, *y)
                .color(c)
                .width(1.5)
                .style(line_style(*dash)),
        ),
        Shape::VLines { xs, dash } => {
            for x in xs {
                plot.vline(
                    VLine::new(name.clone(), *x)
                        .color(c)
                        .width(1.5)
                        .style(line_style(*dash)),
                );
            }
        }
        Shape::Spans { ranges } => {
            for (a, b) in ranges {
                plot.span(Span::new(name.clone(), *a..=*b).fill(c));
            }
        }
        Shape::Bars { bars } => plot.bar_chart(
            BarChart::new(
                name,
                bars.iter()
                    .map(|b| Bar::new(b.position, b.value).width(b.width).fill(c))
                    .collect(),
            )
            .horizontal()
            .color(c),
        ),
    }
}

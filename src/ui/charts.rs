//! The dashboard's charts (egui_plot): the series of `crate::chart`, each with its legend
//! entry. Dates are day numbers on the axis, with marks on month, week or day boundaries and
//! Indonesian (or English) month names.

use chrono::{Datelike, NaiveDate};
use egui::Color32;
use egui_plot::{
    Bar, BarChart, FilledArea, GridInput, GridMark, HLine, Line, LineStyle, MarkerShape, Plot,
    PlotPoint, PlotPoints, Points, Span, Text, VLine,
};

use crate::chart::{Axis, Chart, Dash, Marker, Rgb, Series, Shape, date_of, x};
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
        // A month that began before the view would put its label over the axis.
        if m.month0() % month_step == 0 && m >= start {
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
    // A label is centred on its mark: one at the right edge would be cut ("Jul 201").
    let (low, high) = input.bounds;
    let last = high - (high - low) * 0.03;
    marks.retain(|m| m.value <= last);
    marks
}

/// Marks every 10 % of a percentage axis.
fn percent_grid(input: GridInput) -> Vec<GridMark> {
    let (low, high) = input.bounds;
    ((low / 10.0).ceil() as i64..=(high / 10.0).floor() as i64)
        .map(|i| GridMark {
            value: i as f64 * 10.0,
            step_size: 10.0,
        })
        .collect()
}

fn date_label(lang: Lang, mark: GridMark) -> String {
    let Some(date) = date_of(mark.value) else {
        return String::new();
    };
    if mark.step_size >= 365.0 {
        date.year().to_string()
    } else if mark.step_size >= 28.0 {
        fmt::month_year(lang, date)
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

/// What hovering says where a series has notes: its points' (a capped forecast's date and
/// reason), its ranges' and its band segments' (why reporting days have no forecast date).
struct Notes<'a>(Vec<&'a Series>);

impl<'a> Notes<'a> {
    fn of(chart: &'a Chart) -> Notes<'a> {
        Notes(chart.series.iter().filter(|s| s.in_legend).collect())
    }

    fn of_point(&self, name: &str, index: usize) -> Option<&'a String> {
        self.0.iter().find_map(|series| match &series.shape {
            Shape::Points { notes, .. } if series.name == name => notes.get(index),
            _ => None,
        })
    }

    /// The notes of the ranges and band segments under `at`, each under its series' name.
    fn over(&self, at: PlotPoint) -> Option<String> {
        let mut lines: Vec<String> = Vec::new();
        for series in &self.0 {
            let hit: Vec<&String> = match &series.shape {
                Shape::Spans { ranges, notes } => ranges
                    .iter()
                    .zip(notes)
                    .filter(|((a, b), _)| (*a..*b).contains(&at.x))
                    .map(|(_, note)| note)
                    .collect(),
                Shape::Band { segments, notes } => segments
                    .iter()
                    .zip(notes)
                    .filter(|(segment, _)| band_contains(segment, at))
                    .map(|(_, note)| note)
                    .collect(),
                _ => Vec::new(),
            };
            lines.extend(
                hit.into_iter()
                    .map(|note| format!("{}\n{note}", series.name)),
            );
        }
        (!lines.is_empty()).then(|| lines.join("\n\n"))
    }
}

/// Whether `at` lies inside a band segment: between its low and high edges, interpolated
/// between the segment's points.
fn band_contains(segment: &[[f64; 3]], at: PlotPoint) -> bool {
    segment.windows(2).any(|w| {
        let (a, b) = (w[0], w[1]);
        if !(a[0]..=b[0]).contains(&at.x) {
            return false;
        }
        let t = if b[0] > a[0] {
            (at.x - a[0]) / (b[0] - a[0])
        } else {
            0.0
        };
        let low = a[1] + (b[1] - a[1]) * t;
        let high = a[2] + (b[2] - a[2]) * t;
        (low..=high).contains(&at.y)
    })
}

/// The view a chart opens on (and returns to on a double click): its ranges with a little
/// room, so a point at the edge is drawn whole.
fn view_bounds(range: (f64, f64), axis: &Axis) -> (f64, f64) {
    let (low, high) = range;
    let room = (high - low).abs().max(1.0) * 0.02;
    match axis {
        // Counts start at zero; the room goes on top.
        Axis::Count => (low, high + room),
        Axis::Categories(_) => (low, high),
        _ => (low - room, high + room),
    }
}

/// Draws `chart` in a plot `height` points high. Drag to pan and Ctrl+scroll to zoom (the
/// slip chart across the years); a double click returns to the chart's own view.
/// Returns where the plot put its data on the screen.
pub fn chart_ui(
    ui: &mut egui::Ui,
    id: &str,
    chart: &Chart,
    lang: Lang,
    height: f32,
) -> egui_plot::PlotTransform {
    let (x_axis, y_axis) = (chart.x_axis.clone(), chart.y_axis.clone());
    let (x_hover, y_hover) = (chart.x_axis.clone(), chart.y_axis.clone());
    let notes = Notes::of(chart);
    let (x0, x1) = view_bounds(chart.x_range, &chart.x_axis);
    let (y0, y1) = view_bounds(chart.y_range, &chart.y_axis);
    // The plot remembers its view under its id; a chart whose own view changed (the slip
    // history arrived, another as-of date) opens on the new one.
    let view_id = format!(
        "{id}-{}-{}-{}-{}",
        chart.x_range.0, chart.x_range.1, chart.y_range.0, chart.y_range.1
    );
    let mut plot = Plot::new(view_id)
        .height(height)
        .x_axis_formatter(move |mark, _| axis_label(&x_axis, lang, mark))
        .y_axis_formatter(move |mark, _| axis_label(&y_axis, lang, mark))
        .y_axis_min_width(64.0)
        .default_x_bounds(x0, x1.max(x0 + 1.0))
        .default_y_bounds(y0, y1.max(y0 + 1.0))
        // Over a data point the hover names its series, with its date and value (or what the
        // point stands for); over a shaded range, why; over empty space, nothing.
        .label_formatter(move |pos| match pos {
            egui_plot::HoverPosition::NearDataPoint {
                plot_name,
                position,
                index,
            } if !plot_name.is_empty() => Some(match notes.of_point(plot_name, *index) {
                Some(note) => format!(
                    "{plot_name}\n{}\n{note}",
                    hover_value(&x_hover, lang, position.x)
                ),
                None => format!(
                    "{plot_name}\n{}\n{}",
                    hover_value(&x_hover, lang, position.x),
                    hover_value(&y_hover, lang, position.y)
                ),
            }),
            egui_plot::HoverPosition::Elsewhere { position } => notes.over(*position),
            _ => None,
        })
        .allow_scroll(false);
    match chart.x_axis {
        Axis::Date => plot = plot.x_grid_spacer(date_grid),
        Axis::Percent => plot = plot.x_grid_spacer(percent_grid),
        _ => {}
    }
    if chart.y_axis == Axis::Percent {
        plot = plot.y_grid_spacer(percent_grid);
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
    let transform = plot
        .show(ui, |plot| {
            for series in &chart.series {
                add_series(plot, series);
            }
        })
        .transform;
    legend_ui(ui, chart);
    transform
}

/// The legend under the plot, never over its data: each entry drawn as its series is — a line
/// (dashed or dotted as drawn), a marker, or a filled area — in its colour, then its name.
fn legend_ui(ui: &mut egui::Ui, chart: &Chart) {
    let entries: Vec<&Series> = chart.legend_entries().collect();
    if entries.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        for series in entries {
            let size = egui::vec2(22.0, 12.0);
            let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
            let painter = ui.painter_at(rect);
            let c = color(series.color, series.opacity);
            let solid = color(series.color, 1.0);
            let (left, right) = (rect.left_center(), rect.right_center());
            match &series.shape {
                Shape::Line { dash, width, .. } => {
                    let stroke = egui::Stroke::new(width.clamp(1.5, 3.0), solid);
                    match dash {
                        Dash::Solid => {
                            painter.line_segment([left, right], stroke);
                        }
                        Dash::Dashed | Dash::Dotted => {
                            let (on, off) = if *dash == Dash::Dashed {
                                (5.0, 3.0)
                            } else {
                                (1.5, 2.5)
                            };
                            painter.extend(egui::Shape::dashed_line(
                                &[left, right],
                                stroke,
                                on,
                                off,
                            ));
                        }
                    }
                }
                Shape::HLine { dash, .. } | Shape::VLines { dash, .. } => {
                    let stroke = egui::Stroke::new(1.5, solid);
                    let (on, off) = match dash {
                        Dash::Solid => (22.0, 0.0),
                        Dash::Dashed => (5.0, 3.0),
                        Dash::Dotted => (1.5, 2.5),
                    };
                    painter.extend(egui::Shape::dashed_line(&[left, right], stroke, on, off));
                }
                Shape::Points { marker, .. } => {
                    let centre = rect.center();
                    match marker {
                        Marker::Circle => {
                            painter.circle_filled(centre, 3.5, c);
                        }
                        Marker::Triangle => {
                            painter.add(egui::Shape::convex_polygon(
                                vec![
                                    centre + egui::vec2(0.0, -5.0),
                                    centre + egui::vec2(5.0, 4.0),
                                    centre + egui::vec2(-5.0, 4.0),
                                ],
                                c,
                                egui::Stroke::NONE,
                            ));
                        }
                    }
                }
                Shape::Band { .. } | Shape::Spans { .. } | Shape::Bars { .. } => {
                    painter.rect_filled(rect.shrink2(egui::vec2(1.0, 1.0)), 2.0, c);
                }
                Shape::Text { .. } => {}
            }
            ui.label(egui::RichText::new(&series.name).small());
            ui.add_space(10.0);
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
                .style(line_style(*dash))
                // egui_plot merges points that share a pixel column into a filled band, which
                // turns a step (the deadline) into a filled wedge.
                .allow_band(false),
        ),
        Shape::Points {
            points,
            radius,
            marker,
            ..
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
        Shape::Band { segments, .. } => {
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
        Shape::Text { at } => plot.text(
            Text::new(
                "",
                PlotPoint::new(at[0], at[1]),
                egui::RichText::new(&series.name).small().italics(),
            )
            .color(c)
            .anchor(egui::Align2::LEFT_TOP)
            .allow_hover(false),
        ),
        Shape::Spans { ranges, .. } => {
            for (a, b) in ranges {
                // Unnamed: egui_plot writes a span's name inside it, cut to "Ga…" where the
                // span is narrow; the legend under the plot names it.
                plot.span(Span::new(String::new(), *a..=*b).fill(c));
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

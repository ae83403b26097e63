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

/// How far apart, in points, the labels of an x axis must be to be drawn (egui_plot draws a
/// mark's label when its step is at least this wide on the screen).
const X_LABEL_SPACING: f64 = 64.0;

/// Grid marks on year, month, week (Mondays) and day boundaries, each with its own step, so
/// that the plot labels those it has room for at this zoom: a fortnight of data is labelled by
/// its Mondays, a week by its days. A week's or a day's mark next to a month's is left out,
/// so that their labels never overlap.
fn date_grid(input: GridInput) -> Vec<GridMark> {
    let (Some(start), Some(end)) = (date_of(input.bounds.0), date_of(input.bounds.1)) else {
        return Vec::new();
    };
    // egui_plot's base step is the value of its smallest grid spacing, 8 points.
    let points_per_day = 8.0 / input.base_step_size.abs().max(1e-9);
    let days = (end - start).num_days().max(1);
    let mut marks = Vec::new();
    if days > 5 * 365 {
        // Every year, or every 2, 5, 10 years when a year is too narrow for its label.
        let every = [1, 2, 5, 10]
            .into_iter()
            .find(|n| *n as f64 * 365.0 * points_per_day > LABEL_MIN_SPACING)
            .unwrap_or(10);
        for year in start.year()..=end.year() + 1 {
            if let Some(d) = NaiveDate::from_ymd_opt(year, 1, 1) {
                marks.push(GridMark {
                    value: x(d),
                    step_size: if year % every == 0 {
                        365.0 * every as f64
                    } else {
                        365.0
                    },
                });
            }
        }
    } else if days <= 45 {
        // A short range is labelled by its days, every one, two, three days or every Monday,
        // as there is room; "1 Des" marks a new month. The other days get a grid line.
        let every = [1, 2, 3]
            .into_iter()
            .find(|n| *n as f64 * points_per_day >= X_LABEL_SPACING);
        for d in start.iter_days().take_while(|d| *d <= end) {
            let labelled = match every {
                Some(n) => d.num_days_from_ce() % n == 0,
                None => d.weekday() == chrono::Weekday::Mon,
            };
            marks.push(GridMark {
                value: x(d),
                step_size: if labelled {
                    every.unwrap_or(7) as f64
                } else {
                    1.0
                },
            });
        }
    } else {
        month_and_week_marks(start, end, days, points_per_day, &mut marks);
    }
    // A label is centred on its mark: one at an edge would be cut ("Jul 201") or run into
    // the other axis's labels.
    let (low, high) = input.bounds;
    let room = EDGE_ROOM / points_per_day;
    // (A mark too close to the next for a label is only a grid line, and stays.)
    let labelled = |m: &GridMark| m.step_size * points_per_day > LABEL_MIN_SPACING;
    marks.retain(|m| !labelled(m) || (m.value >= low + room && m.value <= high - room));
    marks
}

/// Marks on month boundaries (every 3 or 6 months over years), with Mondays over a few
/// months.
fn month_and_week_marks(
    start: NaiveDate,
    end: NaiveDate,
    days: i64,
    points_per_day: f64,
    marks: &mut Vec<GridMark>,
) {
    let least = if days > 3 * 365 {
        6
    } else if days > 400 {
        3
    } else {
        1
    };
    // A narrow chart labels every second, third … month: a month too narrow for its label
    // would leave the axis with no date at all.
    let month_step = [1, 2, 3, 6, 12]
        .into_iter()
        .filter(|step| *step >= least)
        .find(|step| 30.0 * *step as f64 * points_per_day > LABEL_MIN_SPACING)
        .unwrap_or(12);
    let mut month = NaiveDate::from_ymd_opt(start.year(), start.month(), 1);
    let mut months = Vec::new();
    while let Some(m) = month.filter(|m| *m <= end) {
        // A month that began before the view would put its label over the axis.
        if m.month0() % month_step == 0 && m >= start {
            months.push(m);
            marks.push(GridMark {
                value: x(m),
                step_size: 30.0 * month_step as f64,
            });
        }
        month = m.checked_add_months(chrono::Months::new(1));
    }
    if days <= 120 {
        // Closer to a month's mark than this, a week's or a day's label would overlap it.
        let gap = (X_LABEL_SPACING / points_per_day).ceil() as i64;
        let clear = |d: NaiveDate| months.iter().all(|m| (*m - d).num_days().abs() >= gap);
        for d in start.iter_days().take_while(|d| *d <= end) {
            if d.day() == 1 {
                continue;
            }
            let step = if d.weekday() == chrono::Weekday::Mon {
                7.0
            } else if days <= 60 {
                1.0
            } else {
                continue;
            };
            // A week's label needs a week's room from a month's; a day's, a day's.
            if step == 1.0 || clear(d) {
                marks.push(GridMark {
                    value: x(d),
                    step_size: step,
                });
            }
        }
    }
}

/// egui_plot draws the label of an x mark whose step is wider than this on the screen.
const LABEL_MIN_SPACING: f64 = 60.0;

/// How far from the plot's edges, in points, the centre of an x label must be.
const EDGE_ROOM: f64 = 30.0;

/// Marks on a count axis: labelled every 1, 2 or 5 × 10ⁿ, as tight as labels fit (egui_plot
/// labels a y mark whose step is over 20 points), with lighter lines between them. The
/// default grid labels only powers of ten: "0" and "1.000" and nothing between.
fn count_grid(input: GridInput) -> Vec<GridMark> {
    let (low, high) = input.bounds;
    // egui_plot's base step is the value of 8 points.
    let per_point = input.base_step_size.abs().max(f64::MIN_POSITIVE) / 8.0;
    let label = nice_step(per_point * Y_LABEL_SPACING);
    // Lines between the labels, close enough that egui_plot gives them no label of their own.
    let minor = [2.0, 4.0, 5.0, 10.0]
        .into_iter()
        .map(|n| label / n)
        .find(|m| (6.0..=20.0).contains(&(m / per_point)) && (m.fract() == 0.0))
        .unwrap_or(label);
    let first = (low / minor).ceil() as i64;
    let last = (high / minor).floor() as i64;
    (first..=last)
        .map(|i| {
            let value = i as f64 * minor;
            let on_label = (value / label - (value / label).round()).abs() < 1e-6;
            GridMark {
                value,
                step_size: if on_label { label } else { minor },
            }
        })
        .collect()
}

/// How far apart, in points, the labels of a count axis are at least.
const Y_LABEL_SPACING: f64 = 26.0;

/// The smallest of 1, 2, 5 × 10ⁿ at least `at_least` (and at least 1: counts are whole).
fn nice_step(at_least: f64) -> f64 {
    let at_least = at_least.max(1.0);
    let power = 10f64.powf(at_least.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|s| *s >= at_least - 1e-9)
        .unwrap_or(10.0 * power)
}

/// Marks every 10 % of a percentage axis; every 20 % and every 100 % have steps of their
/// own, so that a narrow chart still labels 0, 20, 40 … (egui_plot labels a mark only when
/// its step has room).
fn percent_grid(input: GridInput) -> Vec<GridMark> {
    let (low, high) = input.bounds;
    // "100 %" at the right edge would be cut.
    let high = high - 20.0 * input.base_step_size.abs() / 8.0;
    ((low / 10.0).ceil() as i64..=(high / 10.0).floor() as i64)
        .map(|i| GridMark {
            value: i as f64 * 10.0,
            step_size: if i % 10 == 0 {
                100.0
            } else if i % 2 == 0 {
                20.0
            } else {
                10.0
            },
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
        // As the office writes a percentage: "20 %", "20%".
        Axis::Percent => match lang {
            Lang::Id => format!("{} %", mark.value.round()),
            Lang::En => format!("{}%", mark.value.round()),
        },
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
        // Half a day at least: a few days of data keep the labels of their first and last.
        Axis::Date => (low - room.max(0.5), high + room.max(0.5)),
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
        Axis::Count => plot = plot.y_grid_spacer(count_grid),
        Axis::Categories(names) => {
            let n = names.len();
            // The axis as wide as its longest name: egui_plot widens a narrower one itself,
            // and the plot then runs past the right edge of its panel.
            let font = egui::TextStyle::Body.resolve(ui.style());
            let widest = names
                .iter()
                .map(|name| {
                    ui.painter()
                        .layout_no_wrap(name.clone(), font.clone(), Color32::BLACK)
                        .size()
                        .x
                })
                .fold(110.0f32, f32::max);
            plot = plot
                .y_grid_spacer(move |_| {
                    (1..=n)
                        .map(|i| GridMark {
                            value: i as f64,
                            step_size: 1.0,
                        })
                        .collect()
                })
                // Every name at full strength: egui_plot fades a y label whose row is under 30
                // points high, and a bar chart's rows are about 26.
                .custom_y_axes(vec![
                    egui_plot::AxisHints::new_y()
                        .formatter({
                            let axis = chart.y_axis.clone();
                            move |mark, _| axis_label(&axis, lang, mark)
                        })
                        .min_thickness(widest + 12.0)
                        .label_spacing(12.0..=14.0),
                ])
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
                add_series(plot, series, lang, (&chart.x_axis, &chart.y_axis));
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
        let font = egui::TextStyle::Small.resolve(ui.style());
        for series in entries {
            let size = egui::vec2(22.0, 12.0);
            // An entry (its mark and its name) goes whole to the next line when the rest of
            // this one is too short for it: split, its name would run past the chart's edge.
            let name = ui
                .painter()
                .layout_no_wrap(series.name.clone(), font.clone(), Color32::BLACK)
                .size()
                .x;
            // (The mark, a gap, the name, a gap and the space before the next entry.)
            if size.x + 4.0 + name + 4.0 + 10.0 > ui.available_size_before_wrap().x {
                ui.end_row();
            }
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
fn add_series(plot: &mut egui_plot::PlotUi, series: &Series, lang: Lang, axes: (&Axis, &Axis)) {
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
        Shape::Bars { bars } => {
            // Hovering a bar names its series and category, and its value as the axis writes it
            // (egui_plot's own hover writes "32.9" in any language).
            let (value_axis, category_axis) = (axes.0.clone(), axes.1.clone());
            let series_name = series.name.clone();
            plot.bar_chart(
                BarChart::new(
                    name,
                    bars.iter()
                        .map(|b| Bar::new(b.position, b.value).width(b.width).fill(c))
                        .collect(),
                )
                .horizontal()
                .color(c)
                .element_formatter(Box::new(move |bar, _| {
                    format!(
                        "{series_name}\n{}\n{}",
                        hover_value(&category_axis, lang, bar.argument),
                        hover_value(&value_axis, lang, bar.value)
                    )
                })),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        crate::domain::calendar::parse_date(text).unwrap()
    }

    /// The grid input of an axis `width` points wide over `from`..=`to`.
    fn input(from: f64, to: f64, width: f64) -> GridInput {
        GridInput {
            bounds: (from, to),
            base_step_size: (to - from) / width * 8.0,
        }
    }

    /// The labels egui_plot draws: those of marks whose step is wide enough on the screen.
    fn labels(marks: &[GridMark], axis: &Axis, points_per_unit: f64) -> Vec<String> {
        let mut marks: Vec<&GridMark> = marks
            .iter()
            .filter(|m| m.step_size * points_per_unit > LABEL_MIN_SPACING)
            .collect();
        marks.sort_by(|a, b| a.value.total_cmp(&b.value));
        marks
            .into_iter()
            .map(|m| axis_label(axis, Lang::Id, *m))
            .collect()
    }

    #[test]
    fn a_fortnight_of_data_is_labelled_by_its_days() {
        // 23 Nov – 4 Dec 2026 in a chart 500 points wide: a label every other day.
        let (from, to) = (x(d("2026-11-23")) - 0.2, x(d("2026-12-04")) + 0.2);
        let width = 500.0;
        let marks = date_grid(input(from, to, width));
        let shown = labels(&marks, &Axis::Date, width / (to - from));
        assert_eq!(shown, ["24 Nov", "26 Nov", "28 Nov", "30 Nov", "2 Des"]);
    }

    #[test]
    fn two_months_have_their_mondays_and_never_one_beside_a_month() {
        let (from, to) = (x(d("2026-11-01")), x(d("2026-12-31")));
        let width = 1000.0;
        let marks = date_grid(input(from, to, width));
        let shown = labels(&marks, &Axis::Date, width / (to - from));
        // Monday 30 November is one day before December's mark: left out.
        assert_eq!(
            shown,
            [
                "9 Nov", "16 Nov", "23 Nov", "Des 2026", "7 Des", "14 Des", "21 Des", "28 Des"
            ]
        );
    }

    #[test]
    fn months_too_narrow_for_a_label_are_labelled_every_other_one() {
        // The dashboard's half-width charts: nine months in 480 points, 53 points a month.
        let (from, to) = (x(d("2016-01-04")), x(d("2016-10-05")));
        let width = 480.0;
        let marks = date_grid(input(from, to, width));
        let shown = labels(&marks, &Axis::Date, width / (to - from));
        assert_eq!(shown, ["Mar 2016", "Mei 2016", "Jul 2016", "Sep 2016"]);
        // Six years in 300 points: every other year.
        let (from, to) = (x(d("2017-01-01")), x(d("2023-01-01")));
        let marks = date_grid(input(from, to, 300.0));
        let shown = labels(&marks, &Axis::Date, 300.0 / (to - from));
        assert_eq!(shown, ["2018", "2020", "2022"]);
    }

    #[test]
    fn years_of_data_are_labelled_by_months() {
        let (from, to) = (x(d("2016-01-01")), x(d("2017-06-30")));
        let width = 1000.0;
        let marks = date_grid(input(from, to, width));
        let shown = labels(&marks, &Axis::Date, width / (to - from));
        assert_eq!(
            shown,
            ["Apr 2016", "Jul 2016", "Okt 2016", "Jan 2017", "Apr 2017"]
        );
    }

    /// The labels egui_plot draws on a y axis (steps over 20 points).
    fn y_labels(marks: &[GridMark], points_per_unit: f64) -> Vec<String> {
        let mut marks: Vec<&GridMark> = marks
            .iter()
            .filter(|m| m.step_size * points_per_unit > 20.0)
            .collect();
        marks.sort_by(|a, b| a.value.total_cmp(&b.value));
        marks
            .into_iter()
            .map(|m| axis_label(&Axis::Count, Lang::Id, *m))
            .collect()
    }

    #[test]
    fn a_count_axis_is_labelled_between_its_powers_of_ten() {
        // 0 – 1,050 over 200 points: every 200.
        let marks = count_grid(input(0.0, 1050.0, 200.0));
        let shown = y_labels(&marks, 200.0 / 1050.0);
        assert_eq!(shown, ["0", "200", "400", "600", "800", "1.000"]);
        // 0 – 95 over 200 points (a new office's daily counts): every 20.
        let marks = count_grid(input(0.0, 95.0, 200.0));
        let shown = y_labels(&marks, 200.0 / 95.0);
        assert_eq!(shown, ["0", "20", "40", "60", "80"]);
        // 0 – 130,000 over 300 points: every 20.000.
        let marks = count_grid(input(0.0, 130_000.0, 300.0));
        let shown = y_labels(&marks, 300.0 / 130_000.0);
        assert_eq!(shown[..3], ["0", "20.000", "40.000"]);
    }

    #[test]
    fn a_narrow_percent_axis_is_labelled_every_twenty() {
        let marks = percent_grid(input(-2.0, 102.0, 450.0));
        let shown = labels(&marks, &Axis::Percent, 450.0 / 104.0);
        assert_eq!(shown, ["0 %", "20 %", "40 %", "60 %", "80 %"]);
        let wide = percent_grid(input(-2.0, 102.0, 1000.0));
        let shown = labels(&wide, &Axis::Percent, 1000.0 / 104.0);
        assert_eq!(
            shown.len(),
            10,
            "every ten, without the cut 100 %: {shown:?}"
        );
    }
}

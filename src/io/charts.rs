//! The dashboard's charts rendered without a window (plotters), as PNG files for printing and
//! as pixels for the PDF report: the series of `crate::chart`, each with its legend entry. The font is embedded (Noto Sans, OFL), so no system fonts are
//! needed.

use std::sync::Once;

use plotters::coord::Shift;
use plotters::prelude::*;

use super::WriteError;
use super::typeset::Typeset;
use crate::chart::{Axis, Chart, Dash, Marker, Rgb, Shape, date_of, ticks};
use crate::locale::{Lang, fmt};

pub const FONT_REGULAR: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
pub const FONT_BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");

pub use crate::chart::{ChartData, ChartKind, moving_average};

fn register_fonts() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // The embedded fonts are constants of this build; a test renders with them.
        let _ = plotters::style::register_font("sans-serif", FontStyle::Normal, FONT_REGULAR);
        let _ = plotters::style::register_font("sans-serif", FontStyle::Bold, FONT_BOLD);
    });
}

/// The chart library refused to draw (its errors are generic over the backend, so kept as
/// its words).
#[derive(Debug, Clone, thiserror::Error)]
#[error("the chart cannot be drawn: {0}")]
pub struct DrawError(pub String);

/// Renders a chart into an RGB buffer of `width` × `height` pixels.
pub fn render_rgb(
    kind: ChartKind,
    input: &ChartData,
    width: u32,
    height: u32,
) -> Result<Vec<u8>, DrawError> {
    register_fonts();
    let mut buffer = vec![0u8; width as usize * height as usize * 3];
    {
        let root =
            Typeset(BitMapBackend::with_buffer(&mut buffer, (width, height))).into_drawing_area();
        draw(kind, input, &root).map_err(|e| DrawError(e.to_string()))?;
        root.present().map_err(|e| DrawError(e.to_string()))?;
    }
    Ok(buffer)
}

/// Renders a chart model as it is drawn into the PNG and the PDF, into an RGB buffer (for
/// tests that look at what is drawn).
pub fn render_chart_rgb(
    chart: &Chart,
    lang: Lang,
    width: u32,
    height: u32,
) -> Result<Vec<u8>, DrawError> {
    register_fonts();
    let mut buffer = vec![0u8; width as usize * height as usize * 3];
    {
        let root =
            Typeset(BitMapBackend::with_buffer(&mut buffer, (width, height))).into_drawing_area();
        let font = (width as f64 / 45.0).clamp(12.0, 28.0);
        root.fill(&WHITE).map_err(|e| DrawError(e.to_string()))?;
        draw_chart(chart, lang, &root, font).map_err(|e| DrawError(e.to_string()))?;
        root.present().map_err(|e| DrawError(e.to_string()))?;
    }
    Ok(buffer)
}

/// Writes a chart as a PNG file.
pub fn write_png(
    kind: ChartKind,
    input: &ChartData,
    out: &std::path::Path,
    width: u32,
    height: u32,
) -> Result<(), WriteError> {
    register_fonts();
    let failed = |message: String| WriteError::Chart {
        path: out.to_path_buf(),
        message,
    };
    let root = Typeset(BitMapBackend::new(out, (width, height))).into_drawing_area();
    draw(kind, input, &root).map_err(|e| failed(e.to_string()))?;
    root.present().map_err(|e| failed(e.to_string()))
}

type Drawn = Result<(), Box<dyn std::error::Error>>;

fn month_label(value: f64, lang: Lang) -> String {
    date_of(value)
        .map(|date| fmt::month_year(lang, date))
        .unwrap_or_default()
}

fn count_label(value: f64, lang: Lang) -> String {
    if value < 0.0 {
        return String::new();
    }
    fmt::count(lang, value.round() as u64)
}

fn rgb(color: Rgb) -> RGBColor {
    RGBColor(color.0, color.1, color.2)
}

/// The label of an axis position.
fn axis_label(axis: &Axis, value: f64, lang: Lang) -> String {
    match axis {
        Axis::Date => month_label(value, lang),
        Axis::Count => count_label(value, lang),
        Axis::Percent => format!("{value:.0} %"),
        Axis::Categories(names) => {
            let i = value.round();
            if (value - i).abs() < 0.01 && i >= 1.0 {
                names.get(i as usize - 1).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        }
    }
}

fn draw<DB: DrawingBackend>(
    kind: ChartKind,
    input: &ChartData,
    root: &DrawingArea<DB, Shift>,
) -> Drawn
where
    DB::ErrorType: 'static,
{
    root.fill(&WHITE)?;
    let chart = crate::chart::chart(kind, input);
    let (width, _) = root.dim_in_pixel();
    let font = (width as f64 / 45.0).clamp(12.0, 28.0);
    let root = root.titled(
        chart.title,
        ("sans-serif", font * 1.3)
            .into_font()
            .style(FontStyle::Bold),
    )?;
    if let Some(message) = chart.empty {
        // A chart with nothing to draw says so in words, not with an axis of "Jan 2000".
        let (w, h) = root.dim_in_pixel();
        let style = ("sans-serif", font * 1.1)
            .into_font()
            .color(&RGBColor(0x60, 0x60, 0x60))
            .pos(plotters::style::text_anchor::Pos::new(
                plotters::style::text_anchor::HPos::Center,
                plotters::style::text_anchor::VPos::Center,
            ));
        root.draw(&Text::new(message, (w as i32 / 2, h as i32 / 3), style))?;
        return Ok(());
    }
    draw_chart(&chart, input.lang, &root, font)
}

/// Draws the series of `chart`, each with its legend entry.
fn draw_chart<DB: DrawingBackend>(
    chart: &Chart,
    lang: Lang,
    root: &DrawingArea<DB, Shift>,
    font: f64,
) -> Drawn
where
    DB::ErrorType: 'static,
{
    // The legend goes under the plot, entries side by side and wrapped, never over the data.
    let names: Vec<&str> = chart
        .legend_entries()
        .chain(
            chart
                .series
                .iter()
                .filter(|s| named_line(chart, s).is_some()),
        )
        .map(|s| s.name.as_str())
        .collect();
    let (full_width, full_height) = root.dim_in_pixel();
    let places = legend_places(&names, full_width as f64, font);
    let legend_height = places
        .last()
        .map_or(0, |(_, y)| (*y as f64 + font * 1.2) as u32);
    let (root, legend_area) = root.split_vertically(full_height.saturating_sub(legend_height));
    let root = &root;
    let (x0, x1) = chart.x_range;
    let (y0, y1) = chart.y_range;
    let y_area = match &chart.y_axis {
        Axis::Categories(names) => {
            let longest = names.iter().map(|n| n.chars().count()).max().unwrap_or(4);
            font * (longest as f64 * 0.62 + 1.5)
        }
        _ => font * 5.5,
    } + if chart.y_label.is_some() {
        font * 1.6
    } else {
        0.0
    };
    let x_area = font * if chart.x_label.is_some() { 4.0 } else { 2.4 };
    // Marks where a reader counts: month boundaries, round numbers, every row.
    let (width, height) = root.dim_in_pixel();
    let x_marks = ticks(
        &chart.x_axis,
        (x0, x1),
        ((width as f64 - y_area) / (font * 5.0)).max(2.0) as usize,
    );
    let y_marks = ticks(
        &chart.y_axis,
        (y0, y1),
        ((height as f64 - x_area) / (font * 2.6)).clamp(2.0, 10.0) as usize,
    );
    let mut plot = ChartBuilder::on(root)
        .margin((font * 0.8) as i32)
        // The last date label is centred on its mark: room for its right half.
        .margin_right((font * 2.5) as i32)
        .x_label_area_size(x_area as i32)
        .y_label_area_size(y_area as i32)
        .build_cartesian_2d(Marked::new(x0..x1, x_marks), Marked::new(y0..y1, y_marks))?;
    {
        let x_label = |v: &f64| axis_label(&chart.x_axis, *v, lang);
        let y_label = |v: &f64| axis_label(&chart.y_axis, *v, lang);
        let mut mesh = plot.configure_mesh();
        mesh.x_label_formatter(&x_label)
            .y_label_formatter(&y_label)
            .label_style(("sans-serif", font))
            .axis_desc_style(("sans-serif", font))
            .light_line_style(RGBColor(235, 235, 235));
        if let Axis::Categories(_) = &chart.y_axis {
            mesh.disable_y_mesh();
        }
        if let Some(label) = chart.x_label {
            mesh.x_desc(label);
        }
        if let Some(label) = chart.y_label {
            mesh.y_desc(label);
        }
        mesh.draw()?;
    }
    let inside = |p: &[f64; 2]| (x0..=x1).contains(&p[0]) && (y0..=y1).contains(&p[1]);
    let mut legend: Vec<(&str, Glyph)> = Vec::new();
    // Words on the chart go on top of every line, so none strikes them through.
    let is_text = |s: &&crate::chart::Series| matches!(s.shape, Shape::Text { .. });
    let drawn = chart.series.iter().filter(|s| !is_text(s));
    for series in drawn.chain(chart.series.iter().filter(is_text)) {
        let color = rgb(series.color);
        let fill = color.mix(series.opacity as f64).filled();
        let scale = font / 16.0;
        let stroke =
            |width: f32| color.stroke_width(((width as f64) * scale).round().max(1.0) as u32);
        let anno = match &series.shape {
            Shape::Line {
                points,
                width,
                dash,
            } => {
                let style = stroke(*width);
                // Dash and gap lengths in pixels.
                let (on, off) = match dash {
                    Dash::Solid => (0.0, 0.0),
                    Dash::Dashed => (10.0, 6.0),
                    Dash::Dotted => (3.0, 4.0),
                };
                // plotters draws what lies outside the axes over them: the line is cut at
                // the plot's edges first.
                let pieces = clip_polyline(points, (x0, x1), (y0, y1));
                let mut anno = None;
                for piece in pieces {
                    let data = piece.into_iter().map(|p| (p[0], p[1]));
                    anno = Some(if *dash == Dash::Solid {
                        plot.draw_series(LineSeries::new(data, style))?
                    } else {
                        plot.draw_series(DashedLineSeries::new(
                            data,
                            (on * scale) as i32,
                            (off * scale) as i32,
                            style,
                        ))?
                    });
                }
                anno.map(|anno| (anno, Glyph::Line(style, *dash)))
            }
            Shape::HLine { y, .. } if !(y0..=y1).contains(y) => None,
            Shape::HLine { y, dash } => {
                let style = stroke(2.0);
                let pieces = dashes((x0, *y), (x1, *y), *dash);
                let anno = plot.draw_series(
                    pieces
                        .into_iter()
                        .map(|piece| PathElement::new(piece, style)),
                )?;
                Some((anno, Glyph::Line(style, *dash)))
            }
            Shape::VLines { xs, dash } => {
                let style = stroke(2.0);
                let pieces: Vec<Vec<(f64, f64)>> = xs
                    .iter()
                    .filter(|x| (x0..=x1).contains(*x))
                    .flat_map(|x| dashes((*x, y0), (*x, y1), *dash))
                    .collect();
                let anno = plot.draw_series(
                    pieces
                        .into_iter()
                        .map(|piece| PathElement::new(piece, style)),
                )?;
                Some((anno, Glyph::Line(style, *dash)))
            }
            Shape::Points {
                points,
                radius,
                marker,
                ..
            } => {
                let size = ((*radius as f64) * scale * 1.4).round().max(1.0) as i32;
                let points = points.iter().filter(|p| inside(p));
                let anno = match marker {
                    Marker::Circle => {
                        plot.draw_series(points.map(|p| Circle::new((p[0], p[1]), size, fill)))?
                    }
                    Marker::Triangle => plot.draw_series(
                        points.map(|p| TriangleMarker::new((p[0], p[1]), size, fill)),
                    )?,
                };
                Some((anno, Glyph::Marker(*marker, fill)))
            }
            Shape::Band { segments, .. } => {
                let clamp = |v: f64| v.clamp(y0, y1);
                let anno = plot.draw_series(segments.iter().map(|segment| {
                    let shown = clip_band(segment, (x0, x1));
                    let outline: Vec<(f64, f64)> = shown
                        .iter()
                        .map(|p| (p[0], clamp(p[1])))
                        .chain(shown.iter().rev().map(|p| (p[0], clamp(p[2]))))
                        .collect();
                    Polygon::new(outline, fill)
                }))?;
                Some((anno, Glyph::Area(fill)))
            }
            Shape::Spans { ranges, .. } => {
                let anno = plot.draw_series(
                    ranges
                        .iter()
                        .map(|(a, b)| (a.max(x0), b.min(x1)))
                        .filter(|(a, b)| a < b)
                        .map(|(a, b)| Rectangle::new([(a, y0), (b, y1)], fill)),
                )?;
                Some((anno, Glyph::Area(fill)))
            }
            Shape::Text { at } => {
                if inside(at) {
                    let style = ("sans-serif", font * 0.9)
                        .into_font()
                        .style(FontStyle::Italic)
                        .color(&color);
                    // Words that name a line are named in the legend with it (see
                    // [`named_line`]); others go just below and right of their point, as the
                    // app draws them, or above it where below would run onto the axis' labels.
                    if let Some((width, dash)) = named_line(chart, series) {
                        legend.push((series.name.as_str(), Glyph::Line(stroke(width), dash)));
                    } else {
                        let offset = (font * 0.4) as i32;
                        let height = (font * 0.9 * 1.3).ceil() as i32;
                        let (_, y) = plot.backend_coord(&(at[0], at[1]));
                        let bottom = plot.plotting_area().get_pixel_range().1.end;
                        let dy = if y + offset + height <= bottom {
                            offset
                        } else {
                            -offset - height
                        };
                        // On a patch of the page's white, so a line it crosses does not strike
                        // it through.
                        let (width, _) = plot
                            .plotting_area()
                            .estimate_text_size(&series.name, &style)?;
                        let patch = [
                            (offset - 2, dy - 1),
                            (offset + width as i32 + 2, dy + height),
                        ];
                        plot.draw_series(std::iter::once(
                            EmptyElement::at((at[0], at[1]))
                                + Rectangle::new(patch, WHITE.mix(0.85).filled())
                                + Text::new(series.name.clone(), (offset, dy), style),
                        ))?;
                    }
                }
                None
            }
            Shape::Bars { bars } => {
                let anno = plot.draw_series(bars.iter().map(|bar| {
                    Rectangle::new(
                        [
                            (0.0, bar.position - bar.width / 2.0),
                            (bar.value, bar.position + bar.width / 2.0),
                        ],
                        fill,
                    )
                }))?;
                Some((anno, Glyph::Area(fill)))
            }
        };
        if let (true, Some((_, glyph))) = (series.in_legend, anno) {
            legend.push((series.name.as_str(), glyph));
        }
    }
    let size = (font * 1.6) as i32;
    let text =
        ("sans-serif", font)
            .into_font()
            .color(&BLACK)
            .pos(plotters::style::text_anchor::Pos::new(
                plotters::style::text_anchor::HPos::Left,
                plotters::style::text_anchor::VPos::Center,
            ));
    for ((name, glyph), (x, y)) in legend.into_iter().zip(places) {
        match glyph {
            Glyph::Line(style, dash) => {
                let pieces = dashes((x as f64, y as f64), ((x + size) as f64, y as f64), dash);
                for piece in pieces {
                    let piece: Vec<(i32, i32)> = piece
                        .into_iter()
                        .map(|(a, b)| (a.round() as i32, b.round() as i32))
                        .collect();
                    legend_area.draw(&PathElement::new(piece, style))?;
                }
            }
            Glyph::Marker(Marker::Circle, style) => {
                legend_area.draw(&Circle::new((x + size / 2, y), (size / 5).max(2), style))?;
            }
            Glyph::Marker(Marker::Triangle, style) => {
                legend_area.draw(&TriangleMarker::new(
                    (x + size / 2, y),
                    (size / 3).max(3),
                    style,
                ))?;
            }
            Glyph::Area(style) => {
                legend_area.draw(&Rectangle::new(
                    [(x, y - size / 3), (x + size, y + size / 3)],
                    style,
                ))?;
            }
        }
        legend_area.draw(&Text::new(
            name.to_string(),
            (x + size + (font * 0.5) as i32, y),
            text.clone(),
        ))?;
    }
    Ok(())
}

/// The line that words on the chart name, where they name one: a line of their colour that
/// has no legend entry of its own (the slip chart's diagonal, "hari ini / hari laporan"). On
/// paper such words go into the legend beside a sample of the line: on the chart they sit
/// wherever the line runs, over other lines or the axis' labels, and read as those lines'.
fn named_line(chart: &Chart, words: &crate::chart::Series) -> Option<(f32, Dash)> {
    if !matches!(words.shape, Shape::Text { .. }) {
        return None;
    }
    chart.series.iter().find_map(|s| match &s.shape {
        Shape::Line { width, dash, .. } if s.color == words.color && !s.in_legend => {
            Some((*width, *dash))
        }
        _ => None,
    })
}

/// Where each legend entry goes under the plot: left to right, wrapped at `width`; the
/// vertical centre of each row.
fn legend_places(names: &[&str], width: f64, font: f64) -> Vec<(i32, i32)> {
    let mut places = Vec::with_capacity(names.len());
    let (mut x, mut y) = (font, font * 1.1);
    for name in names {
        // The picture, a gap, the name (Noto Sans averages about half an em a letter), a gap.
        let wide = font * 2.1 + font * 0.55 * name.chars().count() as f64 + font * 1.5;
        if x > font && x + wide > width - font {
            x = font;
            y += font * 1.5;
        }
        places.push((x as i32, y as i32));
        x += wide;
    }
    places
}

/// A linear axis marked where the chart model says (month boundaries, round numbers, rows)
/// rather than where plotters would; labelled by the mesh's own formatter.
struct Marked {
    inner: plotters::coord::types::RangedCoordf64,
    marks: Vec<f64>,
}

impl Marked {
    fn new(range: std::ops::Range<f64>, marks: Vec<f64>) -> Marked {
        Marked {
            inner: range.into(),
            marks,
        }
    }
}

impl plotters::coord::ranged1d::Ranged for Marked {
    type FormatOption = plotters::coord::ranged1d::DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        self.inner.map(value, limit)
    }

    fn key_points<Hint: plotters::coord::ranged1d::KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        // Light grid lines take the same marks; bold ones are the labelled marks.
        let _ = hint;
        self.marks.clone()
    }

    fn range(&self) -> std::ops::Range<f64> {
        self.inner.range()
    }
}

/// The part of a band segment between `xs`, cut at the edges (its low and high values
/// interpolated there).
fn clip_band(segment: &[[f64; 3]], xs: (f64, f64)) -> Vec<[f64; 3]> {
    let at = |a: [f64; 3], b: [f64; 3], x: f64| {
        let t = if b[0] > a[0] {
            (x - a[0]) / (b[0] - a[0])
        } else {
            0.0
        };
        [x, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t]
    };
    let mut out: Vec<[f64; 3]> = Vec::new();
    for (i, p) in segment.iter().enumerate() {
        let inside = (xs.0..=xs.1).contains(&p[0]);
        if let Some(previous) = i.checked_sub(1).map(|j| segment[j]) {
            for edge in [xs.0, xs.1] {
                if (previous[0] < edge && edge < p[0]) || (p[0] < edge && edge < previous[0]) {
                    out.push(at(previous, *p, edge));
                }
            }
        }
        if inside {
            out.push(*p);
        }
    }
    out
}

/// The parts of a polyline inside the rectangle `xs` × `ys`, each cut at its edges
/// (Liang–Barsky, segment by segment).
fn clip_polyline(points: &[[f64; 2]], xs: (f64, f64), ys: (f64, f64)) -> Vec<Vec<[f64; 2]>> {
    let clip = |a: [f64; 2], b: [f64; 2]| -> Option<([f64; 2], [f64; 2])> {
        let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
        let (mut t0, mut t1) = (0.0f64, 1.0f64);
        for (p, q) in [
            (-dx, a[0] - xs.0),
            (dx, xs.1 - a[0]),
            (-dy, a[1] - ys.0),
            (dy, ys.1 - a[1]),
        ] {
            if p == 0.0 {
                if q < 0.0 {
                    return None;
                }
            } else {
                let t = q / p;
                if p < 0.0 {
                    t0 = t0.max(t);
                } else {
                    t1 = t1.min(t);
                }
            }
        }
        (t0 <= t1).then(|| {
            (
                [a[0] + t0 * dx, a[1] + t0 * dy],
                [a[0] + t1 * dx, a[1] + t1 * dy],
            )
        })
    };
    let mut pieces: Vec<Vec<[f64; 2]>> = Vec::new();
    if let [only] = points {
        let inside = (xs.0..=xs.1).contains(&only[0]) && (ys.0..=ys.1).contains(&only[1]);
        return if inside { vec![vec![*only]] } else { pieces };
    }
    let mut open = false;
    for pair in points.windows(2) {
        match clip(pair[0], pair[1]) {
            Some((a, b)) => {
                match pieces.last_mut() {
                    Some(piece) if open && piece.last() == Some(&a) => piece.push(b),
                    _ => pieces.push(vec![a, b]),
                }
                // The piece goes on only where the segment was not cut at its end.
                open = b == pair[1];
            }
            None => open = false,
        }
    }
    pieces
}

/// A straight line from `a` to `b` as drawn: whole, or in 40 dashes or 80 dots.
fn dashes(a: (f64, f64), b: (f64, f64), dash: Dash) -> Vec<Vec<(f64, f64)>> {
    let (pieces, on) = match dash {
        Dash::Solid => return vec![vec![a, b]],
        Dash::Dashed => (40, 0.6),
        Dash::Dotted => (80, 0.35),
    };
    let at = |t: f64| (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
    (0..pieces)
        .map(|i| {
            let start = i as f64 / pieces as f64;
            vec![at(start), at(start + on / pieces as f64)]
        })
        .collect()
}

/// A legend entry's picture: the series' own line, marker or fill.
#[derive(Clone, Copy)]
enum Glyph {
    Line(ShapeStyle, Dash),
    Marker(Marker, ShapeStyle),
    Area(ShapeStyle),
}

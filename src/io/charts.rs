//! The dashboard's charts rendered without a window (plotters), as PNG files for printing and
//! as pixels for the PDF report. The font is embedded (Noto Sans, OFL), so no system fonts are
//! needed.

use std::sync::Once;

use chrono::{Datelike, NaiveDate};
use plotters::coord::Shift;
use plotters::prelude::*;

use super::WriteError;
use crate::domain::Dataset;
use crate::domain::dataset::CoverageBand;
use crate::domain::summary::Summary;
use crate::forecast::Forecast;
use crate::forecast::history::{Day, History};
use crate::locale::Lang;

pub const FONT_REGULAR: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
pub const FONT_BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");

/// Which chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    Progress,
    Slip,
    Daily,
    Backlog,
    Stock,
    Coverage,
}

impl ChartKind {
    pub const ALL: [ChartKind; 6] = [
        ChartKind::Progress,
        ChartKind::Slip,
        ChartKind::Daily,
        ChartKind::Backlog,
        ChartKind::Stock,
        ChartKind::Coverage,
    ];

    pub fn parse(text: &str) -> Option<ChartKind> {
        Some(match text {
            "progress" => ChartKind::Progress,
            "slip" => ChartKind::Slip,
            "daily" => ChartKind::Daily,
            "backlog" => ChartKind::Backlog,
            "stock" => ChartKind::Stock,
            "coverage" => ChartKind::Coverage,
            _ => return None,
        })
    }
}

/// Everything a chart reads.
pub struct ChartData<'a> {
    pub data: &'a Dataset,
    pub history: &'a History,
    pub summary: &'a Summary,
    pub slip: &'a [Forecast],
    pub forecast: Option<&'a Forecast>,
    /// The language of titles, legends and axis labels.
    pub lang: Lang,
}

fn register_fonts() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // The embedded fonts are constants of this build; a test renders with them.
        let _ = plotters::style::register_font("sans-serif", FontStyle::Normal, FONT_REGULAR);
        let _ = plotters::style::register_font("sans-serif", FontStyle::Bold, FONT_BOLD);
    });
}

const EPOCH: NaiveDate = match NaiveDate::from_ymd_opt(2000, 1, 1) {
    Some(d) => d,
    None => panic!("valid epoch"),
};

fn x(date: NaiveDate) -> f64 {
    (date - EPOCH).num_days() as f64
}

fn month_label(value: f64, lang: Lang) -> String {
    let Some(date) = EPOCH.checked_add_signed(chrono::Duration::days(value.round() as i64)) else {
        return String::new();
    };
    format!(
        "{} {}",
        crate::locale::fmt::month_short(lang, date.month0()),
        date.year()
    )
}

fn count_label(value: f64, lang: Lang) -> String {
    if value < 0.0 {
        return String::new();
    }
    crate::locale::fmt::count(lang, value.round() as u64)
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
        let root = BitMapBackend::with_buffer(&mut buffer, (width, height)).into_drawing_area();
        draw(kind, input, &root).map_err(|e| DrawError(e.to_string()))?;
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
    let root = BitMapBackend::new(out, (width, height)).into_drawing_area();
    draw(kind, input, &root).map_err(|e| failed(e.to_string()))?;
    root.present().map_err(|e| failed(e.to_string()))
}

type Drawn = Result<(), Box<dyn std::error::Error>>;

fn draw<DB: DrawingBackend>(
    kind: ChartKind,
    input: &ChartData,
    root: &DrawingArea<DB, Shift>,
) -> Drawn
where
    DB::ErrorType: 'static,
{
    root.fill(&WHITE)?;
    let words = input.lang.charts();
    let title = match kind {
        ChartKind::Progress => words.title_progress,
        ChartKind::Slip => words.title_slip,
        ChartKind::Daily => words.title_daily,
        ChartKind::Backlog => words.title_backlog,
        ChartKind::Stock => words.title_stock,
        ChartKind::Coverage => words.title_coverage,
    };
    let (width, _) = root.dim_in_pixel();
    let font = (width as f64 / 45.0).clamp(12.0, 28.0);
    let root = root.titled(
        title,
        ("sans-serif", font * 1.3)
            .into_font()
            .style(FontStyle::Bold),
    )?;
    let as_of = input.summary.as_of;
    let days: Vec<&Day> = input
        .history
        .days()
        .iter()
        .filter(|d| d.date <= as_of)
        .collect();
    if let Some(message) = nothing_to_draw(kind, input, &days) {
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
    match kind {
        ChartKind::Progress => progress(&root, input, &days, font),
        ChartKind::Slip => slip(&root, input, font),
        ChartKind::Daily => daily(&root, input, &days, font),
        ChartKind::Backlog => backlog(&root, input, &days, font),
        ChartKind::Stock => stock(&root, input, &days, font),
        ChartKind::Coverage => coverage(&root, input, font),
    }
}

/// Why a chart has nothing to draw yet, if it has not.
fn nothing_to_draw(kind: ChartKind, input: &ChartData, days: &[&Day]) -> Option<&'static str> {
    let words = input.lang.charts();
    match kind {
        ChartKind::Progress | ChartKind::Daily | ChartKind::Backlog if days.is_empty() => {
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
        _ => None,
    }
}

const RECORDED: RGBColor = RGBColor(0x1f, 0x77, 0xb4);
const SENT: RGBColor = RGBColor(0x2c, 0xa0, 0x2c);
const PRINTED: RGBColor = RGBColor(0xd6, 0x27, 0x28);
const DEADLINE: RGBColor = RGBColor(0x94, 0x67, 0xbd);

fn x_range(days: &[&Day], extra: &[f64]) -> std::ops::Range<f64> {
    let first = days.first().map(|d| x(d.date)).unwrap_or(0.0);
    let last = days.last().map(|d| x(d.date)).unwrap_or(1.0);
    let last = extra.iter().copied().fold(last, f64::max);
    first..last.max(first + 1.0)
}

macro_rules! date_chart {
    ($root:expr, $input:expr, $xs:expr, $ys:expr, $font:expr) => {{
        let lang = $input.lang;
        let mut chart = ChartBuilder::on($root)
            .margin(($font * 0.8) as i32)
            .x_label_area_size(($font * 2.4) as i32)
            .y_label_area_size(($font * 5.5) as i32)
            .build_cartesian_2d($xs, $ys)?;
        chart
            .configure_mesh()
            .x_labels(7)
            .x_label_formatter(&|v| month_label(*v, lang))
            .y_label_formatter(&|v| count_label(*v, lang))
            .label_style(("sans-serif", $font))
            .light_line_style(RGBColor(235, 235, 235))
            .draw()?;
        chart
    }};
}

fn legend<
    'a,
    DB: DrawingBackend + 'a,
    X: plotters::coord::ranged1d::Ranged,
    Y: plotters::coord::ranged1d::Ranged,
>(
    chart: &mut ChartContext<'a, DB, Cartesian2d<X, Y>>,
    font: f64,
    position: SeriesLabelPosition,
) -> Drawn
where
    DB::ErrorType: 'static,
{
    chart
        .configure_series_labels()
        .position(position)
        .label_font(("sans-serif", font))
        .background_style(WHITE.mix(0.85))
        .border_style(RGBColor(200, 200, 200))
        .draw()?;
    Ok(())
}

fn progress<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    input: &ChartData,
    days: &[&Day],
    font: f64,
) -> Drawn
where
    DB::ErrorType: 'static,
{
    let wajib = input.summary.total.wajib_ktp.unwrap_or(0) as f64;
    let mut extra = Vec::new();
    if let Some(f) = input.forecast {
        extra.extend(
            [f.recording.p85, f.printing.p85]
                .into_iter()
                .flatten()
                .map(x),
        );
    }
    let xs = x_range(days, &extra);
    let top = days
        .iter()
        .map(|d| d.total_recorded as f64)
        .fold(wajib, f64::max)
        * 1.05;
    let mut chart = date_chart!(root, input, xs.clone(), 0.0..top.max(1.0), font);
    let words = input.lang.charts();
    let names = [words.recorded, words.sent, words.printed];
    for (name, color, value) in [
        (
            names[0],
            RECORDED,
            (|d: &Day| d.total_recorded) as fn(&Day) -> u64,
        ),
        (names[1], SENT, |d: &Day| d.total_sent),
        (names[2], PRINTED, |d: &Day| d.total_printed),
    ] {
        chart
            .draw_series(LineSeries::new(
                days.iter().map(|d| (x(d.date), value(d) as f64)),
                color.stroke_width(3),
            ))?
            .label(name)
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 20, y)], color.stroke_width(3))
            });
    }
    if wajib > 0.0 {
        chart
            .draw_series(LineSeries::new(
                [(xs.start, wajib), (xs.end, wajib)],
                BLACK.stroke_width(2),
            ))?
            .label(words.wajib_ktp)
            .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], BLACK.stroke_width(2)));
    }
    for deadline in &input.data.deadlines {
        let dx = x(deadline.deadline);
        if xs.contains(&dx) {
            chart.draw_series(LineSeries::new(
                [(dx, 0.0), (dx, top)],
                DEADLINE.stroke_width(2),
            ))?;
        }
    }
    if let (Some(f), Some(last)) = (input.forecast, days.last()) {
        for (m, now, color) in [
            (&f.recording, last.total_recorded, RECORDED),
            (&f.printing, last.total_printed, PRINTED),
        ] {
            if let (Some(p50), Some(p85)) = (m.p50, m.p85)
                && m.remaining > 0
            {
                let start = (x(last.date), now as f64);
                chart.draw_series(std::iter::once(Polygon::new(
                    vec![start, (x(p50), wajib), (x(p85), wajib)],
                    color.mix(0.18).filled(),
                )))?;
                chart.draw_series(LineSeries::new(
                    [start, (x(p50), wajib)],
                    color.stroke_width(2),
                ))?;
            }
        }
    }
    legend(&mut chart, font, SeriesLabelPosition::LowerRight)
}

fn slip<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, input: &ChartData, font: f64) -> Drawn
where
    DB::ErrorType: 'static,
{
    let (lang, words) = (input.lang, input.lang.charts());
    let slip = input.slip;
    let (Some(first), Some(last)) = (slip.first(), slip.last()) else {
        return Ok(());
    };
    let xs = x(first.as_of)..x(last.as_of).max(x(first.as_of) + 1.0);
    let all: Vec<f64> = slip
        .iter()
        .flat_map(|f| [f.recording.p85, f.printing.p85, f.deadline])
        .flatten()
        .map(x)
        .collect();
    let y_max = all.iter().copied().fold(xs.end, f64::max);
    let mut chart = ChartBuilder::on(root)
        .margin((font * 0.8) as i32)
        .x_label_area_size((font * 2.4) as i32)
        .y_label_area_size((font * 5.5) as i32)
        .build_cartesian_2d(xs.clone(), xs.start..y_max)?;
    chart
        .configure_mesh()
        .x_labels(7)
        .y_labels(8)
        .x_label_formatter(&|v| month_label(*v, lang))
        .y_label_formatter(&|v| month_label(*v, lang))
        .label_style(("sans-serif", font))
        .light_line_style(RGBColor(235, 235, 235))
        .draw()?;
    chart
        .draw_series(LineSeries::new(
            [(xs.start, xs.start), (xs.end, xs.end)],
            RGBColor(150, 150, 150).stroke_width(1),
        ))?
        .label(words.diagonal)
        .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], RGBColor(150, 150, 150)));
    chart
        .draw_series(LineSeries::new(
            slip.iter()
                .filter_map(|f| f.deadline.map(|d| (x(f.as_of), x(d)))),
            DEADLINE.stroke_width(3),
        ))?
        .label(words.deadline)
        .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], DEADLINE.stroke_width(3)));
    let names = [words.recording_done, words.everyone_carded];
    for (name, color, recording) in [(names[0], RECORDED, true), (names[1], PRINTED, false)] {
        let pick = |f: &Forecast| {
            if recording {
                f.recording.clone()
            } else {
                f.printing.clone()
            }
        };
        chart.draw_series(slip.iter().filter_map(|f| {
            let m = pick(f);
            let (p50, p85) = (m.p50?, m.p85?);
            let x0 = x(f.as_of);
            Some(Rectangle::new(
                [(x0, x(p50)), (x0 + 1.0, x(p85))],
                color.mix(0.15).filled(),
            ))
        }))?;
        chart
            .draw_series(slip.iter().filter_map(|f| {
                pick(f)
                    .p50
                    .map(|d| Circle::new((x(f.as_of), x(d)), 2, color.filled()))
            }))?
            .label(format!("{name} P50 (P85)"))
            .legend(move |(x, y)| Circle::new((x + 10, y), 4, color.filled()));
    }
    legend(&mut chart, font, SeriesLabelPosition::UpperLeft)
}

/// The mean of each value and the `window - 1` before it (fewer at the start).
pub fn moving_average(values: &[f64], window: usize) -> Vec<f64> {
    let mut out = Vec::with_capacity(values.len());
    let mut sum = 0.0;
    for (i, v) in values.iter().enumerate() {
        sum += v;
        if i >= window {
            sum -= values[i - window];
        }
        out.push(sum / (i + 1).min(window) as f64);
    }
    out
}

fn shade_outages<'a, DB: DrawingBackend + 'a>(
    chart: &mut ChartContext<
        'a,
        DB,
        Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>,
    >,
    input: &ChartData,
    top: f64,
) -> Drawn
where
    DB::ErrorType: 'static,
{
    let as_of = input.summary.as_of;
    chart.draw_series(input.data.outages.iter().map(|o| {
        let end = o.last_day.unwrap_or(as_of);
        Rectangle::new(
            [(x(o.first_day), 0.0), (x(end) + 1.0, top)],
            RGBColor(80, 80, 120).mix(0.15).filled(),
        )
    }))?;
    Ok(())
}

fn daily<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    input: &ChartData,
    days: &[&Day],
    font: f64,
) -> Drawn
where
    DB::ErrorType: 'static,
{
    let days: Vec<&Day> = days.iter().copied().filter(|d| d.reported).collect();
    let recorded: Vec<f64> = days.iter().map(|d| d.recorded).collect();
    let printed: Vec<f64> = days.iter().map(|d| d.printed).collect();
    let top = recorded.iter().chain(&printed).copied().fold(1.0, f64::max) * 1.1;
    let mut chart = date_chart!(root, input, x_range(&days, &[]), 0.0..top, font);
    shade_outages(&mut chart, input, top)?;
    let names = [input.lang.charts().recorded, input.lang.charts().printed];
    for (name, values, color) in [
        (names[0], &recorded, RECORDED),
        (names[1], &printed, PRINTED),
    ] {
        chart.draw_series(
            days.iter()
                .zip(values.iter())
                .map(|(d, v)| Circle::new((x(d.date), *v), 1, color.mix(0.4).filled())),
        )?;
        chart
            .draw_series(LineSeries::new(
                days.iter()
                    .zip(moving_average(values, 7))
                    .map(|(d, v)| (x(d.date), v)),
                color.stroke_width(3),
            ))?
            .label(name)
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 20, y)], color.stroke_width(3))
            });
    }
    legend(&mut chart, font, SeriesLabelPosition::UpperLeft)
}

fn backlog<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    input: &ChartData,
    days: &[&Day],
    font: f64,
) -> Drawn
where
    DB::ErrorType: 'static,
{
    let send = |d: &Day| d.total_recorded.saturating_sub(d.total_sent) as f64;
    let print = |d: &Day| d.total_sent.saturating_sub(d.total_printed) as f64;
    let top = days
        .iter()
        .map(|d| send(d).max(print(d)))
        .fold(1.0, f64::max)
        * 1.1;
    let mut chart = date_chart!(root, input, x_range(days, &[]), 0.0..top, font);
    shade_outages(&mut chart, input, top)?;
    let names = [
        input.lang.charts().waiting_to_send,
        input.lang.charts().waiting_to_print,
    ];
    for (name, color, value) in [
        (names[0], SENT, send as fn(&Day) -> f64),
        (names[1], PRINTED, print),
    ] {
        chart
            .draw_series(LineSeries::new(
                days.iter().map(|d| (x(d.date), value(d))),
                color.stroke_width(3),
            ))?
            .label(name)
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 20, y)], color.stroke_width(3))
            });
    }
    legend(&mut chart, font, SeriesLabelPosition::UpperLeft)
}

fn stock<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    input: &ChartData,
    days: &[&Day],
    font: f64,
) -> Drawn
where
    DB::ErrorType: 'static,
{
    let days: Vec<&Day> = days.iter().copied().filter(|d| d.stock.is_some()).collect();
    let top = days
        .iter()
        .filter_map(|d| d.stock)
        .map(|s| s as f64)
        .fold(1.0, f64::max)
        * 1.1;
    let mut chart = date_chart!(root, input, x_range(&days, &[]), 0.0..top, font);
    chart.draw_series(
        days.iter()
            .filter(|d| d.stock.is_some_and(|s| s <= 0))
            .map(|d| {
                Rectangle::new(
                    [(x(d.date), 0.0), (x(d.date) + 1.0, top)],
                    RGBColor(160, 30, 30).mix(0.15).filled(),
                )
            }),
    )?;
    let words = input.lang.charts();
    chart
        .draw_series(LineSeries::new(
            days.iter()
                .map(|d| (x(d.date), d.stock.unwrap_or(0) as f64)),
            RGBColor(0x8c, 0x56, 0x4b).stroke_width(2),
        ))?
        .label(words.blanks_in_stock)
        .legend(|(x, y)| {
            PathElement::new(
                vec![(x, y), (x + 20, y)],
                RGBColor(0x8c, 0x56, 0x4b).stroke_width(2),
            )
        });
    chart
        .draw_series(days.iter().filter(|d| d.receipts > 0).map(|d| {
            TriangleMarker::new((x(d.date), d.stock.unwrap_or(0) as f64), 6, SENT.filled())
        }))?
        .label(words.receipt)
        .legend(|(x, y)| TriangleMarker::new((x + 10, y), 6, SENT.filled()));
    legend(&mut chart, font, SeriesLabelPosition::UpperLeft)
}

fn coverage<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    input: &ChartData,
    font: f64,
) -> Drawn
where
    DB::ErrorType: 'static,
{
    let settings = &input.data.settings;
    let units = input.summary.coverage_worst_first();
    let n = units.len().max(1);
    let names: Vec<String> = units.iter().map(|u| u.0.to_string()).collect();
    let mut chart = ChartBuilder::on(root)
        .margin((font * 0.8) as i32)
        .x_label_area_size((font * 2.4) as i32)
        .y_label_area_size((font * 9.0) as i32)
        .build_cartesian_2d(0.0..100.0, 0.0..n as f64)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(n * 2 + 1)
        .y_label_formatter(&|v| {
            let i = (v - 0.5).round();
            if (v - 0.5 - i).abs() < 0.01 && i >= 0.0 && (i as usize) < n {
                names.get(n - 1 - i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .x_label_formatter(&|v| format!("{v:.0} %"))
        .label_style(("sans-serif", font))
        .draw()?;
    let band = |pct: f64| match settings.coverage_band(pct) {
        CoverageBand::Poor => RGBColor(0xe5, 0x73, 0x73),
        CoverageBand::Good => RGBColor(0x81, 0xc7, 0x84),
        CoverageBand::Adequate => RGBColor(0xff, 0xb7, 0x4d),
    };
    for (i, (_, recorded, printed)) in units.iter().enumerate() {
        let row = (n - 1 - i) as f64;
        chart.draw_series(std::iter::once(Rectangle::new(
            [(0.0, row + 0.52), (*recorded, row + 0.9)],
            band(*recorded).filled(),
        )))?;
        chart.draw_series(std::iter::once(Rectangle::new(
            [(0.0, row + 0.1), (*printed, row + 0.48)],
            band(*printed).mix(0.55).filled(),
        )))?;
    }
    Ok(())
}

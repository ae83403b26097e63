//! One chart model: what each chart of the dashboard shows, as named series with their colours
//! from one palette. The dashboard draws it with egui_plot (`ui::charts`), the PNG charts and
//! the PDF with plotters (`io::charts`); both draw exactly these series, and a legend entry is
//! a series — its name, its colour, its shape — so the legend always says what is drawn.

mod build;
pub mod palette;
mod slip;

use chrono::NaiveDate;

use crate::domain::Dataset;
use crate::domain::summary::Summary;
use crate::forecast::Forecast;
use crate::forecast::backtest::Accuracy;
use crate::forecast::history::History;
use crate::locale::Lang;

pub use build::chart;
pub use palette::Rgb;
pub use slip::mission_window;

/// Which chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    Progress,
    Slip,
    Daily,
    Backlog,
    Stock,
    Coverage,
    /// Each kecamatan's recording rate now against the rate the deadline needs.
    Behind,
    /// The records the centre rejected over time: DUP, Efac, and Efac retaken (cumulative).
    Rejections,
    /// The reliability of past forecasts (the dashboard's accuracy panel); not among
    /// [`ChartKind::ALL`], which a report draws without running the backtest.
    Accuracy,
}

impl ChartKind {
    pub const ALL: [ChartKind; 8] = [
        ChartKind::Progress,
        ChartKind::Slip,
        ChartKind::Daily,
        ChartKind::Backlog,
        ChartKind::Stock,
        ChartKind::Coverage,
        ChartKind::Behind,
        ChartKind::Rejections,
    ];

    pub fn parse(text: &str) -> Option<ChartKind> {
        Some(match text {
            "progress" => ChartKind::Progress,
            "slip" => ChartKind::Slip,
            "daily" => ChartKind::Daily,
            "backlog" => ChartKind::Backlog,
            "stock" => ChartKind::Stock,
            "coverage" => ChartKind::Coverage,
            "behind" => ChartKind::Behind,
            "rejections" => ChartKind::Rejections,
            "accuracy" => ChartKind::Accuracy,
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
    /// The rolling-origin backtest and its calibration, where it has been run.
    pub accuracy: Option<&'a Accuracy>,
    /// The language of titles, legends and axis labels.
    pub lang: Lang,
    /// The as-of dates the slip chart opens on; its mission window when `None`.
    pub slip_window: Option<(NaiveDate, NaiveDate)>,
}

/// Day numbers count from this date, so a plot's f64 keeps full precision.
const EPOCH: NaiveDate = match NaiveDate::from_ymd_opt(2000, 1, 1) {
    Some(d) => d,
    None => panic!("valid epoch"),
};

/// A date as a position on a date axis.
pub fn x(date: NaiveDate) -> f64 {
    (date - EPOCH).num_days() as f64
}

/// The date at a position of a date axis.
pub fn date_of(x: f64) -> Option<NaiveDate> {
    EPOCH.checked_add_signed(chrono::Duration::days(x.round() as i64))
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

/// Where a printed axis is marked: month boundaries on a date axis (every 1, 2, 3, 6 or 12
/// months or more years, whichever gives at most `most` marks), round numbers on a count or
/// a percentage, every row of a category axis.
pub fn ticks(axis: &Axis, range: (f64, f64), most: usize) -> Vec<f64> {
    use chrono::Datelike;
    let (low, high) = (range.0.min(range.1), range.0.max(range.1));
    let most = most.max(2);
    match axis {
        Axis::Categories(names) => (1..=names.len()).map(|i| i as f64).collect(),
        Axis::Date => {
            let (Some(start), Some(end)) = (date_of(low), date_of(high)) else {
                return Vec::new();
            };
            let months =
                (end.year() - start.year()) * 12 + end.month0() as i32 - start.month0() as i32 + 1;
            let step = [1, 2, 3, 6, 12, 24, 60, 120]
                .into_iter()
                .find(|step| months / step < most as i32)
                .unwrap_or(120);
            let mut marks = Vec::new();
            let mut month = NaiveDate::from_ymd_opt(start.year(), start.month(), 1);
            while let Some(m) = month.filter(|m| *m <= end) {
                let index = m.year() * 12 + m.month0() as i32;
                if index % step == 0 && x(m) >= low {
                    marks.push(x(m));
                }
                month = m.checked_add_months(chrono::Months::new(1));
            }
            marks
        }
        Axis::Count | Axis::Percent => {
            let raw = (high - low).max(1.0) / most as f64;
            let magnitude = 10f64.powf(raw.log10().floor());
            let step = [1.0, 2.0, 2.5, 5.0, 10.0]
                .into_iter()
                .map(|m| m * magnitude)
                .find(|s| *s >= raw)
                .unwrap_or(10.0 * magnitude)
                .max(1.0);
            let first = (low / step).ceil() as i64;
            let last = (high / step).floor() as i64;
            (first..=last).map(|i| i as f64 * step).collect()
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dash {
    Solid,
    Dashed,
    Dotted,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    Circle,
    Triangle,
}

/// A horizontal bar of the coverage chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// Where on the category axis (1 is the bottom row).
    pub position: f64,
    pub value: f64,
    /// Thickness in category units.
    pub width: f64,
}

/// How a series is drawn.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    Line {
        points: Vec<[f64; 2]>,
        width: f32,
        dash: Dash,
    },
    Points {
        points: Vec<[f64; 2]>,
        radius: f32,
        marker: Marker,
        /// What hovering a point says instead of its value (a capped forecast's real date and
        /// reason): one per point, or none.
        notes: Vec<String>,
    },
    /// The area between a low and a high value over x, split where the data has gaps:
    /// `(x, low, high)`.
    Band {
        segments: Vec<Vec<[f64; 3]>>,
        /// What hovering a segment says (why reporting days have no forecast date): one per
        /// segment, or none.
        notes: Vec<String>,
    },
    /// A value across the whole width (the wajib-KTP target).
    HLine {
        y: f64,
        dash: Dash,
    },
    /// Dates or values across the whole height (deadlines, coverage thresholds).
    VLines {
        xs: Vec<f64>,
        dash: Dash,
    },
    /// Ranges of x shaded over the whole height (outages, days without blanks, days whose
    /// forecast has no date).
    Spans {
        ranges: Vec<(f64, f64)>,
        /// What hovering a range says (why a forecast has no date): one per range, or none.
        notes: Vec<String>,
    },
    /// The series' name written at a point of the plot, its left end there: a label on a line.
    Text {
        at: [f64; 2],
    },
    Bars {
        bars: Vec<Bar>,
    },
}

impl Shape {
    /// Whether there is anything to draw.
    pub fn is_empty(&self) -> bool {
        match self {
            Shape::Line { points, .. } | Shape::Points { points, .. } => points.is_empty(),
            Shape::Band { segments, .. } => segments.iter().all(Vec::is_empty),
            Shape::HLine { .. } => false,
            Shape::VLines { xs, .. } => xs.is_empty(),
            Shape::Spans { ranges, .. } => ranges.is_empty(),
            Shape::Text { .. } => false,
            Shape::Bars { bars } => bars.is_empty(),
        }
    }
}

/// One named thing drawn, in one colour; a legend entry when `in_legend`.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    pub color: Rgb,
    /// Opacity of what is drawn: 1 for lines and points, less for bands and shading.
    pub opacity: f32,
    pub shape: Shape,
    pub in_legend: bool,
}

/// What an axis shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Axis {
    Date,
    Count,
    Percent,
    /// Named rows, bottom first (the coverage chart's kecamatan).
    Categories(Vec<String>),
}

/// A chart as both renderers draw it.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub kind: ChartKind,
    pub title: &'static str,
    /// Why there is nothing to draw yet, in words; then `series` is empty.
    pub empty: Option<&'static str>,
    pub x_axis: Axis,
    pub y_axis: Axis,
    pub x_label: Option<&'static str>,
    pub y_label: Option<&'static str>,
    /// The ranges the data needs, before any margin.
    pub x_range: (f64, f64),
    pub y_range: (f64, f64),
    /// Drawn in this order, words on the chart ([`Shape::Text`]) last in the PNG and the PDF;
    /// the legend (under the plot) lists those `in_legend`, in order.
    pub series: Vec<Series>,
}

impl Chart {
    /// The legend's entries, in order: each a series that is drawn.
    pub fn legend_entries(&self) -> impl Iterator<Item = &Series> {
        self.series.iter().filter(|s| s.in_legend)
    }
}

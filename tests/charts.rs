//! One chart model for the dashboard, the PNG charts and the PDF: every legend entry is
//! something drawn, in the legend's colour.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A test that cannot go on says so by panicking.

mod common;

use pantau::chart::{ChartData, ChartKind, Shape, chart};
use pantau::io::charts::render_chart_rgb;
use pantau::locale::Lang;

struct Demo {
    data: pantau::domain::Dataset,
    history: pantau::forecast::History,
    summary: pantau::domain::summary::Summary,
    slip: Vec<pantau::forecast::Forecast>,
    forecast: pantau::forecast::Forecast,
}

/// The demo as of the article's date; its slip history from August, every `step`-th working
/// day, to `slip_to` (past the outage, so each shaded series shows apart from the others).
fn demo_to(slip_to: &str, step: usize) -> Demo {
    let data = pantau::demo::build();
    let history = pantau::forecast::History::new(&data);
    let as_of = common::d("2016-10-05");
    let summary = pantau::domain::summary::summarize(&data, as_of);
    let params = pantau::forecast::slip::slip_params(60);
    let slip =
        pantau::forecast::slip::slip_dates(&history, common::d("2016-08-01"), common::d(slip_to))
            .into_iter()
            .step_by(step)
            .map(|d| pantau::forecast::forecast_at(&history, d, &params, 2))
            .collect();
    let forecast = pantau::forecast::forecast_at(&history, as_of, &params, 2);
    Demo {
        data,
        history,
        summary,
        slip,
        forecast,
    }
}

fn demo() -> Demo {
    demo_to("2016-11-30", 1)
}

impl Demo {
    /// What the charts read, in `lang`, without the backtest and in the slip chart's own window.
    fn input(&self, lang: Lang) -> ChartData<'_> {
        ChartData {
            data: &self.data,
            history: &self.history,
            summary: &self.summary,
            slip: &self.slip,
            forecast: Some(&self.forecast),
            accuracy: None,
            slip_window: None,
            lang,
        }
    }
}

/// Pixels that drawing a series added in its colour: of that colour (within a few steps) in
/// `with`, and different in `without`, the same chart drawn without the series.
fn pixels_added(with: &[u8], without: &[u8], rgb: pantau::chart::Rgb) -> usize {
    let near = |a: u8, b: u8| a.abs_diff(b) <= 6;
    with.chunks_exact(3)
        .zip(without.chunks_exact(3))
        .filter(|(p, q)| p != q && near(p[0], rgb.0) && near(p[1], rgb.1) && near(p[2], rgb.2))
        .count()
}

#[test]
fn every_legend_entry_is_drawn_in_its_colour_in_both_languages() {
    let demo = demo();
    // The accuracy panel's chart too: the rolling-origin backtest up to the as-of date.
    let accuracy = pantau::forecast::backtest::Accuracy::of(
        pantau::forecast::backtest::horizons(
            &demo.history,
            demo.summary.as_of,
            60,
            &pantau::forecast::backtest::HORIZONS,
            60,
            2,
        ),
        demo.summary.as_of,
    );
    for lang in [Lang::Id, Lang::En] {
        let input = ChartData {
            accuracy: Some(&accuracy),
            ..demo.input(lang)
        };
        for kind in ChartKind::ALL.into_iter().chain([ChartKind::Accuracy]) {
            let model = chart(kind, &input);
            assert!(model.empty.is_none(), "{kind:?} has data on the demo");
            let entries: Vec<_> = model.legend_entries().collect();
            assert!(!entries.is_empty(), "{kind:?} has a legend");
            let mut names: Vec<&str> = entries.iter().map(|s| s.name.as_str()).collect();
            names.sort();
            names.dedup();
            assert_eq!(names.len(), entries.len(), "{kind:?}: one entry a name");
            // Drawn without the legend, with and without each entry's series: what that series
            // adds in its colour is its data.
            let mut bare = model.clone();
            for series in &mut bare.series {
                series.in_legend = false;
            }
            let with = render_chart_rgb(&bare, lang, 900, 540).unwrap();
            for entry in &entries {
                assert!(
                    !entry.shape.is_empty(),
                    "{kind:?} {}: nothing drawn",
                    entry.name
                );
                let mut others = bare.clone();
                others.series.retain(|s| s.name != entry.name);
                let without = render_chart_rgb(&others, lang, 900, 540).unwrap();
                let seen = entry.color.over_white(entry.opacity);
                let count = pixels_added(&with, &without, seen);
                assert!(
                    count >= 20,
                    "{kind:?} {lang:?} '{}': {count} pixels of its colour {seen:?} are drawn",
                    entry.name
                );
            }
        }
    }
}

#[test]
fn the_legend_names_the_forecast_bands_by_their_own_milestone_and_colour() {
    let demo = demo();
    let input = demo.input(Lang::Id);
    let model = chart(ChartKind::Progress, &input);
    let band = model
        .series
        .iter()
        .find(|s| s.name == "Perekaman selesai, rentang P50–P85")
        .expect("the recording fan is in the legend");
    assert_eq!(band.color, pantau::chart::palette::RECORDED);
    assert!(matches!(band.shape, Shape::Band { .. }));
    // Printing has no date on the demo (no blanks): it has no fan, so no legend entry.
    assert!(
        model
            .series
            .iter()
            .all(|s| !s.name.starts_with("Semua memegang kartu")),
        "{:?}",
        model.series.iter().map(|s| &s.name).collect::<Vec<_>>()
    );
    // The coverage chart's entries are its bands, in the bars' colours, and the lines where
    // the bands change.
    let coverage = chart(ChartKind::Coverage, &input);
    let limits = coverage
        .legend_entries()
        .find(|e| e.name == "Batas kurang / cukup / baik")
        .expect("the band limits are named");
    assert!(matches!(&limits.shape, Shape::VLines { xs, .. } if xs == &[80.0, 90.0]));
    for entry in coverage.legend_entries().filter(|e| e.name != limits.name) {
        assert!(
            [
                pantau::chart::palette::BAND_POOR,
                pantau::chart::palette::BAND_ADEQUATE,
                pantau::chart::palette::BAND_GOOD
            ]
            .contains(&entry.color),
            "{}",
            entry.name
        );
        assert!(matches!(entry.shape, Shape::Bars { .. }));
    }
}

fn x(date: &str) -> f64 {
    pantau::chart::x(common::d(date))
}

/// What the user asked for: the slip from September 2016 to mid-2017, readable by month.
#[test]
fn the_slip_chart_opens_on_the_mission_window_and_says_what_it_cannot_draw() {
    let demo = demo_to("2017-06-30", 5);
    let input = demo.input(Lang::Id);
    let model = chart(ChartKind::Slip, &input);
    // From the decision that moved the September deadline to the deadline in force.
    assert_eq!(model.x_range, (x("2016-09-01"), x("2017-07-01")));
    assert_eq!(model.y_axis, pantau::chart::Axis::Date);
    assert_eq!(
        model.y_range.0,
        x("2016-09-01"),
        "both axes on one calendar"
    );
    // Marked at month boundaries on both axes.
    for (axis, range) in [
        (&model.x_axis, model.x_range),
        (&model.y_axis, model.y_range),
    ] {
        let marks = pantau::chart::ticks(axis, range, 12);
        assert!(marks.len() >= 4, "{marks:?}");
        for mark in marks {
            use chrono::Datelike;
            assert_eq!(pantau::chart::date_of(mark).unwrap().day(), 1);
        }
    }
    let named = |name: &str| {
        model
            .series
            .iter()
            .find(|s| s.name == name)
            .unwrap_or_else(|| {
                panic!(
                    "no series '{name}' among {:?}",
                    model.series.iter().map(|s| &s.name).collect::<Vec<_>>()
                )
            })
    };
    // The deadline in force is a step at the decision of 7 September 2016.
    let Shape::Line { points, .. } = &named("Tenggat").shape else {
        panic!("the deadline is a line");
    };
    let step = [
        [x("2016-09-07"), x("2016-09-30")],
        [x("2016-09-07"), x("2017-06-30")],
    ];
    assert!(points.windows(2).any(|w| w == step), "{points:?}");
    // The outage is shaded.
    let Shape::Spans { ranges, .. } = &named("Gangguan").shape else {
        panic!("the outage is shaded");
    };
    assert_eq!(ranges[0].0, x("2016-08-29"));
    // Reporting days whose printing forecast has no date: a band that says why.
    let Shape::Band { segments, notes } =
        &named("Semua memegang kartu: tanpa tanggal perkiraan").shape
    else {
        panic!("days without a date are shaded");
    };
    assert_eq!(segments.len(), notes.len());
    // A strip along the top edge, where dates beyond the axis are marked too.
    let (bottom, top) = model.y_range;
    for segment in segments {
        for point in segment {
            assert_eq!(point[2], top);
            assert!(point[1] > bottom + 0.9 * (top - bottom) && point[1] < top);
        }
    }
    assert!(
        notes
            .iter()
            .any(|n| n.contains("blangko") && n.contains("10 tahun")),
        "{notes:?}"
    );
    // The diagonal is labelled on the chart itself.
    assert!(
        model
            .series
            .iter()
            .any(|s| s.name == "hari ini / hari laporan" && matches!(s.shape, Shape::Text { .. }))
    );
    // Every P50 is drawn: on the axis, or as a marker at its top that gives the real date.
    let top = model.y_range.1;
    for (milestone, days) in [("Perekaman selesai", 0usize), ("Semua memegang kartu", 1)] {
        let dated = demo
            .slip
            .iter()
            .filter(|f| {
                let m = if days == 0 { &f.recording } else { &f.printing };
                m.p50.is_some()
            })
            .count();
        let count = |name: String| match model.series.iter().find(|s| s.name == name) {
            Some(pantau::chart::Series {
                shape: Shape::Points { points, notes, .. },
                ..
            }) => {
                assert!(points.iter().all(|p| p[1] <= top));
                if !notes.is_empty() {
                    assert_eq!(notes.len(), points.len());
                    assert!(notes.iter().all(|n| n.starts_with("P50 ")), "{notes:?}");
                    assert!(points.iter().all(|p| p[1] == top), "capped at the top");
                }
                points.len()
            }
            _ => 0,
        };
        let top_month =
            pantau::locale::fmt::month_year(Lang::Id, pantau::chart::date_of(top).unwrap());
        let shown = count(format!("{milestone}, perkiraan P50"))
            + count(format!("{milestone}: P50 > {top_month}"));
        assert_eq!(shown, dated, "{milestone}");
    }
}

/// `--from/--to` move the window; the chart's own range follows.
#[test]
fn the_slip_window_can_be_chosen() {
    let demo = demo_to("2016-11-30", 3);
    let input = ChartData {
        slip_window: Some((common::d("2016-01-01"), common::d("2016-12-31"))),
        ..demo.input(Lang::En)
    };
    let model = chart(ChartKind::Slip, &input);
    assert_eq!(model.x_range, (x("2016-01-01"), x("2016-12-31")));
    assert_eq!(model.y_range.0, x("2016-01-01"));
}

/// Where the office counts the centre's stage, the backlog chart splits the wait to print in
/// two: records waiting for PRR and PRR waiting for blanks, whose values on the as-of day are
/// the summary's.
#[test]
fn the_backlog_chart_splits_the_wait_to_print_where_prr_is_counted() {
    let demo = demo();
    let built = chart(ChartKind::Backlog, &demo.input(Lang::Id));
    let centre = demo.summary.total.centre.expect("the demo counts PRR");
    let last_value = |name: &str| {
        let series = built
            .series
            .iter()
            .find(|s| s.name == name)
            .unwrap_or_else(|| panic!("no series {name}"));
        match &series.shape {
            Shape::Line { points, .. } => points.last().unwrap()[1],
            other => panic!("{name} is drawn as {other:?}"),
        }
    };
    assert_eq!(last_value("Menunggu PRR"), centre.waiting_for_prr as f64);
    assert_eq!(
        last_value("PRR belum dicetak (menunggu blangko)"),
        centre.prr_waiting as f64
    );
    assert_eq!(
        last_value("Belum dicetak"),
        demo.summary.total.backlog_to_print as f64
    );
}

/// With no working day left before the deadline (the demo's 23 June 2017, a week before 30
/// June and Idul Fitri in between) there is no rate the deadline needs: the chart of who is
/// behind draws only the rates now, and its title does not promise the other.
#[test]
fn the_behind_chart_promises_no_needed_rate_once_no_working_day_is_left() {
    let data = pantau::demo::build();
    let history = pantau::forecast::History::new(&data);
    let as_of = pantau::demo::LAST_DATE;
    let summary = pantau::domain::summary::summarize(&data, as_of);
    for (lang, title, needed) in [
        (
            Lang::Id,
            "Laju rekam per kecamatan kini (tidak ada hari kerja lagi sebelum tenggat)",
            "Yang dibutuhkan tenggat",
        ),
        (
            Lang::En,
            "Recording rate per kecamatan now (no working day left before the deadline)",
            "What the deadline needs",
        ),
    ] {
        let input = ChartData {
            data: &data,
            history: &history,
            summary: &summary,
            slip: &[],
            forecast: None,
            accuracy: None,
            slip_window: None,
            lang,
        };
        let model = chart(ChartKind::Behind, &input);
        assert_eq!(model.title, title);
        assert!(!model.series.is_empty(), "the rates now are drawn");
        assert!(
            model.series.iter().all(|s| !s.name.starts_with(needed)),
            "{:?}",
            model.series.iter().map(|s| &s.name).collect::<Vec<_>>()
        );
    }
    // A week earlier days were left, and the title says what the chart shows then.
    let earlier = pantau::domain::summary::summarize(&data, common::d("2017-06-16"));
    let input = ChartData {
        data: &data,
        history: &history,
        summary: &earlier,
        slip: &[],
        forecast: None,
        accuracy: None,
        slip_window: None,
        lang: Lang::Id,
    };
    assert_eq!(
        chart(ChartKind::Behind, &input).title,
        "Laju rekam per kecamatan: kini dan yang dibutuhkan tenggat"
    );
}

/// On paper the slip chart's diagonal is named in the legend beside a sample of its dotted
/// line, not on the chart, where it ran under the plot onto the dates or sat on the deadline's
/// line and read as its name.
#[test]
fn the_printed_slip_chart_names_its_diagonal_in_the_legend() {
    let demo = demo();
    let model = chart(ChartKind::Slip, &demo.input(Lang::Id));
    let words = model
        .series
        .iter()
        .find(|s| s.name == "hari ini / hari laporan")
        .expect("the diagonal's name");
    assert!(matches!(words.shape, Shape::Text { .. }));
    let with = render_chart_rgb(&model, Lang::Id, 900, 540).unwrap();
    // The same chart with, in the words' place, a legend entry of the same name that draws
    // nothing: the same layout, so what differs is what the words drew.
    let mut without = model.clone();
    without.series.retain(|s| s.name != words.name);
    without.series.push(pantau::chart::Series {
        name: words.name.clone(),
        color: pantau::chart::Rgb(255, 255, 255),
        opacity: 1.0,
        shape: Shape::Spans {
            ranges: Vec::new(),
            notes: Vec::new(),
        },
        in_legend: true,
    });
    let without = render_chart_rgb(&without, Lang::Id, 900, 540).unwrap();
    let grey = pantau::chart::Rgb(0x96, 0x96, 0x96);
    let near = |a: u8, b: u8| a.abs_diff(b) <= 6;
    let rows: Vec<usize> = with
        .chunks_exact(3)
        .zip(without.chunks_exact(3))
        .enumerate()
        .filter(|(_, (p, q))| {
            p != q && near(p[0], grey.0) && near(p[1], grey.1) && near(p[2], grey.2)
        })
        .map(|(i, _)| i / 900)
        .collect();
    assert!(
        rows.len() >= 5,
        "the legend's sample: {} pixels",
        rows.len()
    );
    assert!(
        rows.iter().all(|row| *row > 540 * 3 / 4),
        "grey drawn above the legend, on rows {:?}",
        rows.iter().min()
    );
}

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
}

fn demo() -> Demo {
    let data = pantau::demo::build();
    let history = pantau::forecast::History::new(&data);
    let as_of = common::d("2016-10-05");
    let summary = pantau::domain::summary::summarize(&data, as_of);
    let slip = pantau::forecast::slip::slip_dates(&history, common::d("2016-08-01"), as_of)
        .into_iter()
        .map(|d| {
            pantau::forecast::forecast_at(&history, d, &pantau::forecast::slip::slip_params(60), 2)
        })
        .collect();
    Demo {
        data,
        history,
        summary,
        slip,
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
    for lang in [Lang::Id, Lang::En] {
        let input = ChartData {
            data: &demo.data,
            history: &demo.history,
            summary: &demo.summary,
            slip: &demo.slip,
            forecast: demo.slip.last(),
            lang,
        };
        for kind in ChartKind::ALL {
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
    let input = ChartData {
        data: &demo.data,
        history: &demo.history,
        summary: &demo.summary,
        slip: &demo.slip,
        forecast: demo.slip.last(),
        lang: Lang::Id,
    };
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
    // The coverage chart's entries are its bands, in the bars' colours.
    let coverage = chart(ChartKind::Coverage, &input);
    for entry in coverage.legend_entries() {
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

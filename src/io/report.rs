//! The PDF report for heads of office: three A4 pages with the office, the as-of date, the
//! forecast in words, the dashboard's figures, what the deadline needs, the progress, slip,
//! kecamatan and blank-stock charts with the deadline history, the table per kecamatan and who
//! is falling behind; a fourth, once past forecasts were tested, on how far to trust it. Fonts
//! are embedded (Noto Sans), text is selectable.

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::image::Image;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};

use super::WriteError;
use super::charts::{ChartData, ChartKind, DrawError, FONT_BOLD, FONT_REGULAR, render_rgb};
use crate::chart::palette;
use crate::domain::dataset::CoverageBand;
use crate::forecast::Forecast;
use crate::locale::Lang;
use crate::locale::fmt;

const A4: (f32, f32) = (595.0, 842.0);
const MARGIN: f32 = 40.0;

struct Writer<'a> {
    regular: Font,
    bold: Font,
    lang: Lang,
    input: &'a ChartData<'a>,
}

impl Writer<'_> {
    fn text(&self, surface: &mut Surface, x: f32, y: f32, size: f32, bold: bool, text: &str) {
        let font = if bold {
            self.bold.clone()
        } else {
            self.regular.clone()
        };
        surface.draw_text(
            Point::from_xy(x, y),
            font,
            size,
            text,
            false,
            TextDirection::Auto,
        );
    }

    fn color(&self, surface: &mut Surface, (r, g, b): (u8, u8, u8)) {
        surface.set_fill(Some(Fill {
            paint: rgb::Color::new(r, g, b).into(),
            opacity: NormalizedF32::ONE,
            rule: FillRule::NonZero,
        }));
    }

    fn rect(&self, surface: &mut Surface, x: f32, y: f32, w: f32, h: f32, color: (u8, u8, u8)) {
        let Some(rect) = Rect::from_xywh(x, y, w, h) else {
            return;
        };
        let mut path = PathBuilder::new();
        path.push_rect(rect);
        if let Some(path) = path.finish() {
            self.color(surface, color);
            surface.draw_path(&path);
        }
        self.color(surface, (0, 0, 0));
    }

    fn chart(
        &self,
        surface: &mut Surface,
        kind: ChartKind,
        x: f32,
        y: f32,
        w: f32,
        h: f32,
    ) -> Result<(), DrawError> {
        // Rendered at three pixels per point: sharp on paper.
        let (pw, ph) = ((w * 3.0) as u32, (h * 3.0) as u32);
        let rgb = render_rgb(kind, self.input, pw, ph)?;
        let mut rgba = Vec::with_capacity(rgb.len() / 3 * 4);
        for pixel in rgb.chunks_exact(3) {
            rgba.extend_from_slice(&[pixel[0], pixel[1], pixel[2], 255]);
        }
        let image = Image::from_rgba8(rgba, pw, ph);
        let size = Size::from_wh(w, h).ok_or_else(|| DrawError("no size".into()))?;
        surface.push_transform(&Transform::from_translate(x, y));
        surface.draw_image(image, size);
        surface.pop();
        Ok(())
    }

    fn count(&self, n: u64) -> String {
        fmt::count(self.lang, n)
    }

    fn pct(&self, value: Option<f64>) -> String {
        match value {
            None => "—".to_string(),
            Some(v) => fmt::percent(self.lang, v),
        }
    }

    fn date(&self, date: Option<chrono::NaiveDate>) -> String {
        fmt::date_opt(self.lang, date)
    }
}

/// Writes the report; returns the number of pages.
pub fn write_pdf(
    input: &ChartData,
    forecast: &Forecast,
    out: &std::path::Path,
) -> Result<usize, WriteError> {
    let failed = |message: String| WriteError::Pdf {
        path: out.to_path_buf(),
        message,
    };
    let drawn = |e: DrawError| failed(e.to_string());
    let font = |bytes: &'static [u8]| {
        Font::new(bytes.to_vec().into(), 0)
            .ok_or_else(|| failed("the embedded font cannot be read".into()))
    };
    let lang = input.lang;
    let words = lang.charts();
    let w = Writer {
        regular: font(FONT_REGULAR)?,
        bold: font(FONT_BOLD)?,
        lang,
        input,
    };
    let a4 = || PageSettings::from_wh(A4.0, A4.1).ok_or_else(|| failed("no A4 page".into()));
    let summary = input.summary;
    let total = &summary.total;
    let mut document = Document::new();
    let width = A4.0 - 2.0 * MARGIN;

    // Page 1: what the forecast says in words, the figures, what the deadline needs, progress.
    {
        let mut page = document.start_page_with(a4()?);
        let mut s = page.surface();
        let mut y = MARGIN + 14.0;
        w.text(&mut s, MARGIN, y, 18.0, true, &input.data.office.name);
        y += 20.0;
        let as_of = fmt::date_short(lang, summary.as_of);
        w.text(
            &mut s,
            MARGIN,
            y,
            11.0,
            false,
            &format!("{} {as_of}", words.report_as_of),
        );
        if input.data.is_illustrative() {
            y += 14.0;
            w.color(&mut s, (0xb2, 0x6a, 0x00));
            w.text(&mut s, MARGIN, y, 9.0, false, words.illustrative);
            w.color(&mut s, (0, 0, 0));
        }
        y += 8.0;
        // Plain words first: when each milestone finishes, how late, what the deadline needs.
        for printing in [false, true] {
            y += 4.0;
            for line in wrap(
                &crate::locale::milestone_sentence(lang, forecast, printing),
                112,
            ) {
                y += 12.0;
                w.text(&mut s, MARGIN, y, 9.0, false, &line);
            }
        }
        y += 14.0;
        let deadline = summary.deadline.as_ref().map(|d| d.deadline);
        let stock = &summary.stock;
        // Out of stock, the tile says since when under its own name, not "stock lasts".
        let (lasts_label, lasts) = match (stock.on_hand, stock.stock_lasts_working_days) {
            (None, _) => (words.stock_lasts, words.unknown.to_string()),
            (Some(n), _) if n <= 0 => (
                words.stock_out,
                match stock.stockout_since {
                    Some(since) => (words.stock_out_since)(&fmt::date_short(lang, since)),
                    None => "—".to_string(),
                },
            ),
            (Some(_), Some(days)) => (
                words.stock_lasts,
                (words.stock_lasts_days)(&fmt::decimal(lang, days)),
            ),
            (Some(_), None) => (words.stock_lasts, "—".to_string()),
        };
        let month = |m: &crate::forecast::MilestoneForecast| match m.p50 {
            Some(p50) if m.limit == crate::forecast::Limit::Reached => w.date(Some(p50)),
            Some(p50) => format!("± {}", fmt::month_year(lang, p50)),
            None => "—".to_string(),
        };
        // Each stage with its share of wajib KTP in the value and of the stage before in the
        // label, as offices publish them; PRR and its two waits where the stage is known.
        let tr = lang.tr();
        let of_stage = |label: &str, share: Option<f64>, stage: &str| match share {
            Some(share) => format!(
                "{label} — {}",
                (tr.pct_of_stage)(&fmt::percent(lang, share), stage)
            ),
            None => label.to_string(),
        };
        let with_pct = |n: u64, pct: Option<f64>| format!("{} ({})", w.count(n), w.pct(pct));
        let shares = &total.of_stage_before;
        let mut tiles = vec![
            (
                words.wajib_ktp.to_string(),
                total.wajib_ktp.map(|n| w.count(n)).unwrap_or("—".into()),
            ),
            (
                words.recorded.to_string(),
                with_pct(total.recorded, total.coverage_pct),
            ),
            (
                of_stage(words.sent, shares.sent_of_recorded_pct, tr.stage_recorded),
                with_pct(total.sent_to_central, total.sent_pct),
            ),
        ];
        match &total.centre {
            Some(centre) => tiles.extend([
                (
                    of_stage(tr.prr_tile, shares.prr_of_sent_pct, tr.stage_sent),
                    with_pct(centre.prr, centre.prr_pct),
                ),
                (
                    of_stage(words.printed, shares.printed_of_prr_pct, tr.stage_prr),
                    with_pct(total.printed, total.printed_pct),
                ),
                (
                    words.waiting_to_send.to_string(),
                    w.count(total.backlog_to_send),
                ),
                (
                    tr.waiting_for_prr.to_string(),
                    w.count(centre.waiting_for_prr),
                ),
                (
                    format!("{} ({})", tr.prr_waiting, tr.prr_waiting_detail),
                    w.count(centre.prr_waiting),
                ),
            ]),
            None => tiles.extend([
                (
                    of_stage(
                        words.printed,
                        shares.printed_of_recorded_pct,
                        tr.stage_recorded,
                    ),
                    with_pct(total.printed, total.printed_pct),
                ),
                (
                    words.waiting_to_send.to_string(),
                    w.count(total.backlog_to_send),
                ),
                (
                    words.waiting_to_print.to_string(),
                    w.count(total.backlog_to_print),
                ),
            ]),
        }
        let tiles = tiles.into_iter().chain(
            [
                (
                    words.blank_stock,
                    stock
                        .on_hand
                        .map(|n| w.count(n.max(0) as u64))
                        .unwrap_or_else(|| words.unknown.into()),
                ),
                (lasts_label, lasts),
                (
                    words.stockout_days,
                    match stock.known_since {
                        Some(day) => (words.stockout_days_since)(
                            &stock.stockout_days.to_string(),
                            &fmt::date_short(lang, day),
                        ),
                        None => stock.stockout_days.to_string(),
                    },
                ),
                (words.deadline, w.date(deadline)),
                (words.recording_done_dates, month(&forecast.recording)),
                (words.everyone_carded_dates, month(&forecast.printing)),
            ]
            .map(|(label, value)| (label.to_string(), value)),
        );
        let tiles: Vec<(String, String)> = tiles.collect();
        let tile_w = width / 3.0;
        for (i, (label, value)) in tiles.iter().enumerate() {
            let (col, row) = ((i % 3) as f32, (i / 3) as f32);
            let (tx, ty) = (MARGIN + col * tile_w, y + row * 34.0);
            w.rect(&mut s, tx, ty, tile_w - 6.0, 30.0, (0xf1, 0xf4, 0xf8));
            w.text(&mut s, tx + 5.0, ty + 10.0, 7.5, false, label);
            w.text(&mut s, tx + 5.0, ty + 24.0, 11.0, true, value);
        }
        y += tiles.len().div_ceil(3) as f32 * 34.0 + 12.0;
        if let Some(pace) = &forecast.pace {
            y = pace_table(&w, &mut s, pace, forecast.as_of, y, width);
        }
        w.chart(&mut s, ChartKind::Progress, MARGIN, y, width, 250.0)
            .map_err(drawn)?;
        y += 262.0;
        w.text(&mut s, MARGIN, y, 9.0, true, words.deadline_history);
        // The decisions known on the report's day, not those taken after it.
        let known = input
            .data
            .deadlines
            .iter()
            .filter(|d| d.decided_on <= summary.as_of);
        for d in known {
            y += 12.0;
            let line = format!(
                "{}: {} {} — {}",
                w.date(Some(d.decided_on)),
                words.deadline_word,
                w.date(Some(d.deadline)),
                d.note
            );
            w.text(&mut s, MARGIN, y, 8.5, false, &line);
        }
        s.finish();
        page.finish();
    }

    // Page 2: the slip of the forecast, each kecamatan's rate against its need, the blanks.
    {
        let mut page = document.start_page_with(a4()?);
        let mut s = page.surface();
        let mut y = MARGIN;
        w.chart(&mut s, ChartKind::Slip, MARGIN, y, width, 300.0)
            .map_err(drawn)?;
        y += 312.0;
        w.chart(&mut s, ChartKind::Behind, MARGIN, y, width, 250.0)
            .map_err(drawn)?;
        y += 262.0;
        w.chart(&mut s, ChartKind::Stock, MARGIN, y, width, 190.0)
            .map_err(drawn)?;
        s.finish();
        page.finish();
    }

    // Page 3: the table per kecamatan, its colours, and how to read the forecast.
    {
        let mut page = document.start_page_with(a4()?);
        let mut s = page.surface();
        let mut y = MARGIN + 10.0;
        let per_unit = match input.data.level {
            crate::domain::dataset::UnitLevel::Kecamatan => words.per_kecamatan,
            crate::domain::dataset::UnitLevel::District => words.per_district,
        };
        w.text(&mut s, MARGIN, y, 11.0, true, per_unit);
        y += 16.0;
        let unit_word = match input.data.level {
            crate::domain::dataset::UnitLevel::Kecamatan => words.unit,
            crate::domain::dataset::UnitLevel::District => lang.tr().hub_col_district,
        };
        // With the centre's stage: PRR and the PRR not yet printed between the counts.
        let with_stage = summary.units.iter().any(|u| u.progress.centre.is_some());
        let columns: Vec<(&str, f32)> = if with_stage {
            vec![
                (unit_word, 0.0),
                (words.wajib_ktp, 110.0),
                (words.recorded, 162.0),
                ("PRR", 214.0),
                (words.printed, 264.0),
                (lang.tr().prr_waiting_short, 308.0),
                (words.recording_coverage, 385.0),
                (words.printing_coverage, 447.0),
            ]
        } else {
            vec![
                (unit_word, 0.0),
                (words.wajib_ktp, 150.0),
                (words.recorded, 225.0),
                (words.printed, 300.0),
                (words.recording_coverage, 370.0),
                (words.printing_coverage, 445.0),
            ]
        };
        let band_x = if with_stage {
            [383.0, 445.0]
        } else {
            [368.0, 443.0]
        };
        let band_w = if with_stage { 58.0 } else { 70.0 };
        for (name, x) in &columns {
            w.text(&mut s, MARGIN + x, y, 8.5, true, name);
        }
        let settings = &input.data.settings;
        let rows = summary
            .units
            .iter()
            .map(|u| (u.name.as_str(), &u.progress, false))
            .chain([(words.total, total, true)]);
        for (name, p, bold) in rows {
            y += 15.0;
            w.rect(
                &mut s,
                MARGIN + band_x[0],
                y - 10.0,
                band_w,
                13.0,
                band_colour(settings, p.coverage_pct),
            );
            w.rect(
                &mut s,
                MARGIN + band_x[1],
                y - 10.0,
                band_w,
                13.0,
                band_colour(settings, p.printed_pct),
            );
            let unknown = || "—".to_string();
            let mut cells = vec![
                name.to_string(),
                p.wajib_ktp.map(|n| w.count(n)).unwrap_or_else(unknown),
                w.count(p.recorded),
            ];
            if with_stage {
                cells.push(p.centre.map(|c| w.count(c.prr)).unwrap_or_else(unknown));
            }
            cells.push(w.count(p.printed));
            if with_stage {
                cells.push(
                    p.centre
                        .map(|c| w.count(c.prr_waiting))
                        .unwrap_or_else(unknown),
                );
            }
            cells.extend([w.pct(p.coverage_pct), w.pct(p.printed_pct)]);
            for ((_, x), cell) in columns.iter().zip(&cells) {
                w.text(&mut s, MARGIN + x, y, 8.5, bold, cell);
            }
        }
        // What the colours of the two percentage columns mean.
        y += 20.0;
        w.text(&mut s, MARGIN, y, 8.0, false, words.band_legend);
        let (poor, good) = (
            fmt::plain(lang, settings.coverage_poor_below),
            fmt::plain(lang, settings.coverage_good_above),
        );
        let legend = [
            ((words.band_poor)(&poor), Some(0.0)),
            (
                (words.band_adequate)(&poor, &good),
                Some(settings.coverage_poor_below),
            ),
            ((words.band_good)(&good), Some(100.0)),
        ];
        let mut x = MARGIN + 90.0;
        for (label, pct) in legend {
            w.rect(&mut s, x, y - 8.0, 10.0, 10.0, band_colour(settings, pct));
            w.text(&mut s, x + 14.0, y, 8.0, false, &label);
            x += 130.0;
        }
        y += 26.0;
        let rows = crate::forecast::behind::behind(
            input.data,
            input.history,
            summary.as_of,
            forecast.window_days,
        );
        y = behind_table(&w, &mut s, &rows, y, width);
        y += 14.0;
        w.text(&mut s, MARGIN, y, 9.0, true, lang.tr().how_to_read);
        let milestones = [(words.recording_done, false), (words.everyone_carded, true)];
        for (name, printing) in milestones {
            let note = format!(
                "{name}: {}",
                crate::locale::reading_note(lang, forecast, printing)
            );
            y += 4.0;
            for line in wrap(&note, 115) {
                y += 10.0;
                w.text(&mut s, MARGIN, y, 7.5, false, &line);
            }
        }
        y += 14.0;
        let footer = (words.forecast_basis)(
            forecast.window_days,
            &w.count(forecast.trials as u64),
            &crate::locale::blank_supply(lang, &forecast.blank_supply),
        );
        for line in wrap(&footer, 115) {
            w.text(&mut s, MARGIN, y, 7.5, false, &line);
            y += 10.0;
        }
        w.text(&mut s, MARGIN, A4.1 - 24.0, 7.5, false, words.made_with);
        s.finish();
        page.finish();
    }
    let mut pages = 3;
    // Page 4, once past forecasts were tested: how far to trust this one — the panel's
    // sentences, the reliability chart as the model made them and calibrated, the table.
    if let Some(accuracy) = input.accuracy
        && let Some(said) = crate::locale::accuracy_words(lang, accuracy)
    {
        use crate::forecast::backtest::{HORIZONS, Stage};
        let tr = lang.tr();
        let mut page = document.start_page_with(a4()?);
        let mut s = page.surface();
        let mut y = MARGIN + 10.0;
        w.text(&mut s, MARGIN, y, 13.0, true, tr.accuracy_title);
        y += 6.0;
        // In the dashboard's order.
        let verdict = said.verdict.to_string();
        let lines = [
            Some(&said.tested),
            said.error.as_ref(),
            Some(&said.calibration),
            Some(&verdict),
            Some(&said.reach),
        ];
        for sentence in lines.into_iter().flatten() {
            y += 4.0;
            for line in wrap(sentence, 112) {
                y += 12.0;
                w.text(&mut s, MARGIN, y, 9.0, false, &line);
            }
        }
        y += 12.0;
        w.chart(&mut s, ChartKind::Accuracy, MARGIN, y, width, 330.0)
            .map_err(drawn)?;
        y += 336.0;
        for line in wrap(tr.accuracy_chart_note, 130) {
            y += 10.0;
            w.text(&mut s, MARGIN, y, 7.5, false, &line);
        }
        y += 18.0;
        w.text(&mut s, MARGIN, y, 8.5, true, tr.accuracy_stage);
        for (i, h) in HORIZONS.iter().enumerate() {
            let x = MARGIN + 110.0 + i as f32 * 130.0;
            let heading = crate::locale::coverage_heading(lang, accuracy, *h);
            w.text(&mut s, x, y, 8.5, true, &heading);
        }
        for stage in Stage::ALL {
            y += 15.0;
            w.text(
                &mut s,
                MARGIN,
                y,
                8.5,
                false,
                crate::locale::stage(lang, stage),
            );
            for (i, h) in HORIZONS.iter().enumerate() {
                let x = MARGIN + 110.0 + i as f32 * 130.0;
                let cell = crate::locale::coverage_cell(lang, accuracy, stage, *h);
                w.text(&mut s, x, y, 8.5, false, &cell);
            }
        }
        if said.calibrated {
            y += 14.0;
            let note = (tr.accuracy_table_note)(crate::forecast::backtest::CALIBRATION_MIN_CASES);
            w.text(&mut s, MARGIN, y, 7.5, false, &note);
        }
        w.text(&mut s, MARGIN, A4.1 - 24.0, 7.5, false, words.made_with);
        s.finish();
        page.finish();
        pages += 1;
    }
    let pdf = document.finish().map_err(|e| failed(format!("{e:?}")))?;
    std::fs::write(out, pdf).map_err(WriteError::file(out))?;
    Ok(pages)
}

/// The chart palette's colour of a coverage band, paler under the figures; white without a
/// percentage.
fn band_colour(settings: &crate::domain::dataset::Settings, pct: Option<f64>) -> (u8, u8, u8) {
    let color = match pct.map(|p| settings.coverage_band(p)) {
        None => return (0xff, 0xff, 0xff),
        Some(CoverageBand::Poor) => palette::BAND_POOR,
        Some(CoverageBand::Good) => palette::BAND_GOOD,
        Some(CoverageBand::Adequate) => palette::BAND_ADEQUATE,
    }
    .over_white(0.4);
    (color.0, color.1, color.2)
}

/// "Siapa yang tertinggal?" as a table at `y`, slowest against its need first, with the
/// district office's note; returns the `y` under it.
fn behind_table(
    w: &Writer,
    s: &mut Surface,
    rows: &[crate::forecast::behind::UnitBehind],
    mut y: f32,
    width: f32,
) -> f32 {
    let lang = w.lang;
    let tr = lang.tr();
    if rows.is_empty() {
        return y;
    }
    let kecamatan = rows.iter().filter(|r| !r.district_office).count();
    let under = rows
        .iter()
        .filter(|r| !r.district_office && r.is_behind())
        .count();
    w.text(
        s,
        MARGIN,
        y,
        11.0,
        true,
        &(match w.input.data.level {
            crate::domain::dataset::UnitLevel::Kecamatan => tr.behind_title,
            crate::domain::dataset::UnitLevel::District => tr.behind_title_districts,
        })(under, kecamatan),
    );
    y += 4.0;
    for line in wrap(tr.behind_hint, (width / 3.6) as usize) {
        y += 9.0;
        w.text(s, MARGIN, y, 7.0, false, &line);
    }
    y += 14.0;
    let xs = [0.0, 105.0, 150.0, 200.0, 245.0, 290.0, 335.0, 385.0, 450.0];
    // A header in two lines where it is long.
    let districts = w.input.data.level == crate::domain::dataset::UnitLevel::District;
    for (n, (header, x)) in tr.behind_headers.iter().zip(xs).enumerate() {
        let header = if districts && n == 0 {
            tr.hub_col_district
        } else {
            header
        };
        let (first, second) = split_header(header);
        w.text(s, MARGIN + x, y, 7.0, true, first);
        if let Some(second) = second {
            w.text(s, MARGIN + x, y + 8.5, 7.0, true, second);
        }
    }
    y += 8.5;
    let n = |x: Option<f64>| x.map_or("—".to_string(), |x| fmt::count(lang, x.round() as u64));
    let change = |v: i64| fmt::change(lang, v);
    for row in rows {
        y += 12.0;
        let pace = row.recording.as_ref();
        let cells = [
            row.name.clone(),
            row.coverage_pct
                .map_or("—".into(), |p| fmt::percent(lang, p)),
            n(row.recorded_this_month_per_working_day),
            n(row.recorded_last_month_per_working_day),
            n(pace.and_then(|p| p.required_per_working_day)),
            n(pace.map(|p| p.current_per_working_day)),
            row.share_of_need()
                .map_or("—".into(), |s| fmt::percent(lang, s * 100.0)),
            format!(
                "{} ({})",
                fmt::count(lang, row.backlog_to_send),
                change(row.backlog_to_send_change)
            ),
            format!(
                "{} ({})",
                fmt::count(lang, row.backlog_to_print),
                change(row.backlog_to_print_change)
            ),
        ];
        // As on the dashboard: amber where this month is slower than last or a backlog grew,
        // red where the rate is under what the deadline needs.
        let amber = (0xb2, 0x6a, 0x00);
        let red = (0xc6, 0x28, 0x28);
        let slower = row
            .recorded_this_month_per_working_day
            .zip(row.recorded_last_month_per_working_day)
            .is_some_and(|(this, last)| this < last * 0.9);
        let colours = [
            None,
            None,
            slower.then_some(amber),
            None,
            None,
            None,
            row.is_behind().then_some(red),
            (row.backlog_to_send_change > 0).then_some(amber),
            (row.backlog_to_print_change > 0).then_some(amber),
        ];
        for ((cell, x), colour) in cells.iter().zip(xs).zip(colours) {
            if let Some(colour) = colour {
                w.color(s, colour);
            }
            w.text(s, MARGIN + x, y, 7.5, false, cell);
            w.color(s, (0, 0, 0));
        }
    }
    if let Some(office) = rows.iter().find(|r| r.district_office) {
        let note = (tr.behind_district_office)(&office.name, &fmt::count(lang, office.recorded));
        y += 4.0;
        for line in wrap(&note, (width / 3.6) as usize) {
            y += 9.0;
            w.text(s, MARGIN, y, 7.0, false, &line);
        }
    }
    y + 6.0
}

/// A table header in one line, or two at the space nearest its middle when it is long.
fn split_header(header: &str) -> (&str, Option<&str>) {
    if header.chars().count() <= 12 {
        return (header, None);
    }
    let middle = header.len() / 2;
    let split = header
        .match_indices(' ')
        .map(|(i, _)| i)
        .min_by_key(|i| i.abs_diff(middle));
    match split {
        Some(i) => (&header[..i], Some(&header[i + 1..])),
        None => (header, None),
    }
}

/// What the deadline needs, stage by stage, and the blanks to ask for: a small table at `y`;
/// returns the `y` under it.
fn pace_table(
    w: &Writer,
    s: &mut Surface,
    pace: &crate::forecast::Pace,
    as_of: chrono::NaiveDate,
    mut y: f32,
    width: f32,
) -> f32 {
    let lang = w.lang;
    let tr = lang.tr();
    let title = crate::locale::pace_title(lang, pace, as_of);
    w.text(s, MARGIN, y, 9.0, true, &title);
    y += 13.0;
    let needs = pace.working_days_left > 0;
    let n = |x: f64| fmt::count(lang, x.round() as u64);
    let mut columns = vec![(tr.pace_stage, 0.0), (tr.pace_remaining, 90.0)];
    if needs {
        columns.push((tr.pace_required, 180.0));
    }
    columns.push((tr.pace_current, 290.0));
    if needs {
        columns.push((tr.pace_shortfall, 400.0));
    }
    for (name, x) in &columns {
        w.text(s, MARGIN + x, y, 7.5, true, name);
    }
    let stages = [
        (tr.recorded, &pace.recorded),
        (tr.sent, &pace.sent),
        (tr.printed, &pace.printed),
    ];
    for (name, stage) in stages {
        y += 11.0;
        let mut cells = vec![name.to_string(), fmt::count(lang, stage.remaining)];
        if needs {
            cells.push(stage.required_per_working_day.map_or("—".to_string(), n));
        }
        cells.push(n(stage.current_per_working_day));
        if needs {
            cells.push(match stage.shortfall_per_working_day() {
                None => "—".to_string(),
                Some(x) if x <= 0.0 => tr.pace_enough.to_string(),
                Some(x) => n(x),
            });
        }
        for ((_, x), cell) in columns.iter().zip(&cells) {
            w.text(s, MARGIN + x, y, 8.5, false, cell);
        }
    }
    let blanks = crate::locale::pace_blanks(lang, pace, as_of);
    let chars = (width / 4.3) as usize;
    for line in wrap(&blanks, chars) {
        y += 11.0;
        w.text(s, MARGIN, y, 8.5, false, &line);
    }
    y += 10.0;
    w.text(
        s,
        MARGIN,
        y,
        7.0,
        false,
        &(tr.pace_window)(pace.window_days),
    );
    y + 10.0
}

/// The words of `text` as a line may be broken between them: a percent sign stays with its
/// number ("51,0 %" is one), as a reader expects.
pub(crate) fn breakable_words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match words.last_mut() {
            Some(last) if word.starts_with('%') => {
                last.push(' ');
                last.push_str(word);
            }
            _ => words.push(word.to_string()),
        }
    }
    words
}

/// Splits text into lines of at most `width` characters, at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in breakable_words(text) {
        let word = word.as_str();
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    lines
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn a_percent_sign_stays_with_its_number() {
        let text =
            "Dari 630 perkiraan, 59,8 % tepat dalam P15–P85 (model saja: 51,0 %). Tanggal P85";
        for width in 12..text.chars().count() {
            let lines = wrap(text, width);
            for line in &lines {
                assert!(!line.starts_with('%'), "width {width}: {lines:?}");
            }
            assert_eq!(lines.join(" "), text, "width {width}");
        }
    }
}

//! The PDF report for heads of office: one or two A4 pages with the office, the as-of date,
//! the dashboard's figures, the progress and slip charts with the deadline history, blank
//! stock, and a table per kecamatan. Fonts are embedded (Noto Sans), text is selectable.

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::image::Image;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};

use super::charts::{ChartData, ChartKind, FONT_BOLD, FONT_REGULAR, render_rgb};
use crate::domain::calendar::format_short_id;
use crate::domain::dataset::CoverageBand;
use crate::domain::number::{format_en, format_id};
use crate::forecast::Forecast;

const A4: (f32, f32) = (595.0, 842.0);
const MARGIN: f32 = 40.0;

struct Writer<'a> {
    regular: Font,
    bold: Font,
    indonesian: bool,
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
    ) -> Result<(), String> {
        // Rendered at three pixels per point: sharp on paper.
        let (pw, ph) = ((w * 3.0) as u32, (h * 3.0) as u32);
        let rgb = render_rgb(kind, self.input, pw, ph)?;
        let mut rgba = Vec::with_capacity(rgb.len() / 3 * 4);
        for pixel in rgb.chunks_exact(3) {
            rgba.extend_from_slice(&[pixel[0], pixel[1], pixel[2], 255]);
        }
        let image = Image::from_rgba8(rgba, pw, ph);
        let size = Size::from_wh(w, h).ok_or("the chart has no size")?;
        surface.push_transform(&Transform::from_translate(x, y));
        surface.draw_image(image, size);
        surface.pop();
        Ok(())
    }

    fn count(&self, n: u64) -> String {
        if self.indonesian {
            format_id(n)
        } else {
            format_en(n)
        }
    }

    fn pct(&self, value: Option<f64>) -> String {
        match value {
            None => "—".to_string(),
            Some(v) if self.indonesian => format!("{v:.1} %").replace('.', ","),
            Some(v) => format!("{v:.1}%"),
        }
    }

    fn date(&self, date: Option<chrono::NaiveDate>) -> String {
        match date {
            None => "—".to_string(),
            Some(d) if self.indonesian => format_short_id(d),
            Some(d) => d.format("%-d %b %Y").to_string(),
        }
    }
}

/// Writes the report; returns the number of pages.
pub fn write_pdf(
    input: &ChartData,
    forecast: &Forecast,
    out: &std::path::Path,
) -> Result<usize, String> {
    let regular =
        Font::new(FONT_REGULAR.to_vec().into(), 0).ok_or("the embedded font cannot be read")?;
    let bold = Font::new(FONT_BOLD.to_vec().into(), 0).ok_or("the embedded font cannot be read")?;
    let id = input.indonesian;
    let w = Writer {
        regular,
        bold,
        indonesian: id,
        input,
    };
    let t = |indonesian: &'static str, english: &'static str| if id { indonesian } else { english };
    let lang = if id {
        crate::locale::Lang::Id
    } else {
        crate::locale::Lang::En
    };
    let summary = input.summary;
    let total = &summary.total;
    let mut document = Document::new();
    let width = A4.0 - 2.0 * MARGIN;

    // Page 1: the figures, progress, slip.
    {
        let settings = PageSettings::from_wh(A4.0, A4.1).ok_or("A4 is a page size")?;
        let mut page = document.start_page_with(settings);
        let mut s = page.surface();
        let mut y = MARGIN + 14.0;
        w.text(&mut s, MARGIN, y, 18.0, true, &input.data.office.name);
        y += 20.0;
        let as_of = if id {
            crate::domain::calendar::format_short_id(summary.as_of)
        } else {
            summary.as_of.format("%-d %B %Y").to_string()
        };
        w.text(
            &mut s,
            MARGIN,
            y,
            11.0,
            false,
            &format!(
                "{} {as_of}",
                t("Laporan kemajuan e-KTP per", "e-KTP progress report as of")
            ),
        );
        if input.data.is_illustrative() {
            y += 14.0;
            w.color(&mut s, (0xb2, 0x6a, 0x00));
            w.text(
                &mut s,
                MARGIN,
                y,
                9.0,
                false,
                t(
                    "Data ilustrasi — rekonstruksi, bukan data harian sebenarnya",
                    "Illustrative data — a reconstruction, not real daily data",
                ),
            );
            w.color(&mut s, (0, 0, 0));
        }
        y += 18.0;
        let deadline = summary.deadline.as_ref().map(|d| d.deadline);
        let tiles = [
            (
                t("Wajib KTP", "Wajib KTP"),
                total.wajib_ktp.map(|n| w.count(n)).unwrap_or("—".into()),
            ),
            (
                t("Rekam", "Recorded"),
                format!(
                    "{} ({})",
                    w.count(total.recorded),
                    w.pct(total.coverage_pct)
                ),
            ),
            (
                t("Cetak", "Printed"),
                format!("{} ({})", w.count(total.printed), w.pct(total.printed_pct)),
            ),
            (t("Terkirim", "Sent"), w.count(total.sent_to_central)),
            (
                t("Belum terkirim", "Waiting to send"),
                w.count(total.backlog_to_send),
            ),
            (
                t("Belum dicetak", "Waiting to print"),
                w.count(total.backlog_to_print),
            ),
            (
                t("Stok blangko", "Blank stock"),
                summary
                    .stock
                    .on_hand
                    .map(|n| w.count(n.max(0) as u64))
                    .unwrap_or_else(|| t("belum diketahui", "unknown").into()),
            ),
            (t("Tenggat", "Deadline"), w.date(deadline)),
            (
                t("Hari stok kosong", "Stockout days"),
                summary.stock.stockout_days.to_string(),
            ),
            (
                t(
                    "Perekaman selesai (P50 / P85)",
                    "Recording complete (P50 / P85)",
                ),
                format!(
                    "{} / {}",
                    w.date(forecast.recording.p50),
                    w.date(forecast.recording.p85)
                ),
            ),
            (
                t(
                    "Semua memegang kartu (P50 / P85)",
                    "Everyone holds a card (P50 / P85)",
                ),
                format!(
                    "{} / {}",
                    w.date(forecast.printing.p50),
                    w.date(forecast.printing.p85)
                ),
            ),
            (
                t(
                    "Peluang tepat waktu (rekam / cetak)",
                    "Chance by deadline (record / print)",
                ),
                format!(
                    "{} / {}",
                    w.pct(chance(&forecast.recording)),
                    w.pct(chance(&forecast.printing))
                ),
            ),
        ];
        let tile_w = width / 3.0;
        for (i, (label, value)) in tiles.iter().enumerate() {
            let (col, row) = ((i % 3) as f32, (i / 3) as f32);
            let (tx, ty) = (MARGIN + col * tile_w, y + row * 34.0);
            w.rect(&mut s, tx, ty, tile_w - 6.0, 30.0, (0xf1, 0xf4, 0xf8));
            w.text(&mut s, tx + 5.0, ty + 10.0, 7.5, false, label);
            w.text(&mut s, tx + 5.0, ty + 24.0, 11.0, true, value);
        }
        y += 4.0 * 34.0 + 6.0;
        w.chart(&mut s, ChartKind::Progress, MARGIN, y, width, 250.0)?;
        y += 256.0;
        w.chart(&mut s, ChartKind::Slip, MARGIN, y, width, 250.0)?;
        y += 262.0;
        w.text(
            &mut s,
            MARGIN,
            y,
            9.0,
            true,
            t("Riwayat tenggat", "Deadline history"),
        );
        for d in &input.data.deadlines {
            y += 12.0;
            let line = format!(
                "{}: {} {} — {}",
                w.date(Some(d.decided_on)),
                t("tenggat", "deadline"),
                w.date(Some(d.deadline)),
                d.note
            );
            w.text(&mut s, MARGIN, y, 8.5, false, &line);
        }
        s.finish();
        page.finish();
    }

    // Page 2: blank stock and the table per kecamatan.
    {
        let settings = PageSettings::from_wh(A4.0, A4.1).ok_or("A4 is a page size")?;
        let mut page = document.start_page_with(settings);
        let mut s = page.surface();
        let mut y = MARGIN;
        w.chart(&mut s, ChartKind::Stock, MARGIN, y, width, 200.0)?;
        y += 220.0;
        w.text(
            &mut s,
            MARGIN,
            y,
            11.0,
            true,
            t("Per kecamatan", "Per kecamatan"),
        );
        y += 16.0;
        let columns = [
            (t("Unit", "Unit"), 0.0),
            (t("Wajib KTP", "Wajib KTP"), 150.0),
            (t("Rekam", "Recorded"), 225.0),
            (t("Cetak", "Printed"), 300.0),
            (t("Cakupan rekam", "Recording coverage"), 370.0),
            (t("Cakupan cetak", "Printing coverage"), 445.0),
        ];
        for (name, x) in columns {
            w.text(&mut s, MARGIN + x, y, 8.5, true, name);
        }
        let settings = &input.data.settings;
        let band = |pct: Option<f64>| match pct.map(|p| settings.coverage_band(p)) {
            None => (0xff, 0xff, 0xff),
            Some(CoverageBand::Poor) => (0xf8, 0xc9, 0xc9),
            Some(CoverageBand::Good) => (0xc8, 0xe6, 0xc9),
            Some(CoverageBand::Adequate) => (0xff, 0xe4, 0xb5),
        };
        let rows = summary
            .units
            .iter()
            .map(|u| (u.name.as_str(), &u.progress, false))
            .chain([(t("JUMLAH", "TOTAL"), total, true)]);
        for (name, p, bold) in rows {
            y += 15.0;
            w.rect(
                &mut s,
                MARGIN + 368.0,
                y - 10.0,
                70.0,
                13.0,
                band(p.coverage_pct),
            );
            w.rect(
                &mut s,
                MARGIN + 443.0,
                y - 10.0,
                70.0,
                13.0,
                band(p.printed_pct),
            );
            let cells = [
                name.to_string(),
                p.wajib_ktp.map(|n| w.count(n)).unwrap_or("—".into()),
                w.count(p.recorded),
                w.count(p.printed),
                w.pct(p.coverage_pct),
                w.pct(p.printed_pct),
            ];
            for ((_, x), cell) in columns.iter().zip(&cells) {
                w.text(&mut s, MARGIN + x, y, 8.5, bold, cell);
            }
        }
        y += 28.0;
        let footer = format!(
            "{} {} {}, {} {}. {}: {}.",
            t("Perkiraan dari", "Forecast from the last"),
            forecast.window_days,
            t("hari kerja terakhir", "working days"),
            w.count(forecast.trials as u64),
            t("percobaan Monte Carlo", "Monte Carlo trials"),
            t("Blangko", "Blanks"),
            crate::locale::blank_supply(lang, &forecast.blank_supply)
        );
        for line in wrap(&footer, 110) {
            w.text(&mut s, MARGIN, y, 7.5, false, &line);
            y += 10.0;
        }
        w.text(
            &mut s,
            MARGIN,
            A4.1 - 24.0,
            7.5,
            false,
            t("Dibuat dengan Pantau e-KTP", "Made with Pantau e-KTP"),
        );
        s.finish();
        page.finish();
    }
    let pdf = document
        .finish()
        .map_err(|e| format!("the PDF cannot be written: {e:?}"))?;
    std::fs::write(out, pdf).map_err(|e| format!("{}: {e}", out.display()))?;
    Ok(2)
}

/// Splits text into lines of at most `width` characters, at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        let line = lines.last_mut().expect("starts with one line");
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(word.to_string());
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines
}

/// The chance of a milestone by the deadline, in percent; none where it cannot be forecast at
/// all (no target, too little history), which is not a chance of 0 %.
fn chance(m: &crate::forecast::MilestoneForecast) -> Option<f64> {
    let blocked = m.p50.is_none() && m.reason.is_some();
    m.prob_by_deadline.filter(|_| !blocked).map(|p| p * 100.0)
}

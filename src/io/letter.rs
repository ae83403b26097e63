//! The request letter for blanks (surat permintaan blangko) as a one-page A4 PDF: the office's
//! letterhead, number and date, addressed to the Directorate General, with the stock, the PRR
//! waiting, the printing per day and the quantity asked for — the figures of
//! [`crate::domain::request::BlankRequest`], which are the dashboard's of the same day.

use ab_glyph::{Font as _, FontRef, PxScale, ScaleFont};
use chrono::NaiveDate;
use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};

use super::WriteError;
use super::charts::{FONT_BOLD, FONT_REGULAR};
use crate::domain::Dataset;
use crate::domain::request::{BlankRequest, RequestBasis};
use crate::locale::{Lang, fmt};

const A4: (f32, f32) = (595.0, 842.0);
const MARGIN: f32 = 62.0;
const BODY: f32 = 11.0;
const LINE: f32 = 15.5;

/// Draws text with the embedded Noto Sans and measures it with the same font's metrics, so
/// that lines wrap and align where they are drawn.
struct Pen<'a> {
    regular: Font,
    bold: Font,
    regular_metrics: FontRef<'a>,
    bold_metrics: FontRef<'a>,
}

impl Pen<'_> {
    fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        let font = if bold {
            &self.bold_metrics
        } else {
            &self.regular_metrics
        };
        // Points: the font's units scaled so that its em is `size`.
        let scale =
            PxScale::from(size * font.height_unscaled() / font.units_per_em().unwrap_or(1000.0));
        let scaled = font.as_scaled(scale);
        text.chars()
            .map(|c| scaled.h_advance(font.glyph_id(c)))
            .sum()
    }

    fn text(&self, s: &mut Surface, x: f32, y: f32, size: f32, bold: bool, text: &str) {
        let font = if bold {
            self.bold.clone()
        } else {
            self.regular.clone()
        };
        s.draw_text(
            Point::from_xy(x, y),
            font,
            size,
            text,
            false,
            TextDirection::Auto,
        );
    }

    fn centred(&self, s: &mut Surface, y: f32, size: f32, bold: bool, text: &str) {
        let x = (A4.0 - self.width(text, size, bold)) / 2.0;
        self.text(s, x, y, size, bold, text);
    }

    fn right(&self, s: &mut Surface, right: f32, y: f32, size: f32, bold: bool, text: &str) {
        let x = right - self.width(text, size, bold);
        self.text(s, x, y, size, bold, text);
    }

    /// Lines of `text` no wider than `width` at `size`, broken at spaces.
    fn wrap(&self, text: &str, width: f32, size: f32) -> Vec<String> {
        let mut lines = Vec::new();
        let mut line = String::new();
        for word in super::report::breakable_words(text) {
            let word = word.as_str();
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if !line.is_empty() && self.width(&candidate, size, false) > width {
                lines.push(std::mem::replace(&mut line, word.to_string()));
            } else {
                line = candidate;
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
    }

    /// A paragraph from `y`; returns the y after it.
    fn paragraph(&self, s: &mut Surface, y: f32, text: &str) -> f32 {
        let mut y = y;
        for line in self.wrap(text, A4.0 - 2.0 * MARGIN, BODY) {
            self.text(s, MARGIN, y, BODY, false, &line);
            y += LINE;
        }
        y
    }
}

fn rule(s: &mut Surface, y: f32, thickness: f32) {
    let Some(rect) = Rect::from_xywh(MARGIN, y, A4.0 - 2.0 * MARGIN, thickness) else {
        return;
    };
    let mut path = PathBuilder::new();
    path.push_rect(rect);
    if let Some(path) = path.finish() {
        s.set_fill(Some(Fill {
            paint: rgb::Color::new(0, 0, 0).into(),
            opacity: NormalizedF32::ONE,
            rule: FillRule::NonZero,
        }));
        s.draw_path(&path);
    }
}

/// Writes the letter for `request`, numbered `number` and dated `date`, to `out`.
pub fn write_letter(
    data: &Dataset,
    request: &BlankRequest,
    number: &str,
    date: NaiveDate,
    lang: Lang,
    out: &std::path::Path,
) -> Result<(), WriteError> {
    let failed = |message: String| WriteError::Pdf {
        path: out.to_path_buf(),
        message,
    };
    let font = |bytes: &'static [u8]| {
        Font::new(bytes.to_vec().into(), 0)
            .ok_or_else(|| failed("the embedded font cannot be read".into()))
    };
    let metrics = |bytes: &'static [u8]| {
        FontRef::try_from_slice(bytes).map_err(|e| failed(format!("the embedded font: {e}")))
    };
    let pen = Pen {
        regular: font(FONT_REGULAR)?,
        bold: font(FONT_BOLD)?,
        regular_metrics: metrics(FONT_REGULAR)?,
        bold_metrics: metrics(FONT_BOLD)?,
    };
    let words = crate::locale::letter::words(lang);
    let head = &data.settings.letterhead;
    let n = |x: u64| fmt::count(lang, x);
    let mut document = Document::new();
    let page_settings =
        PageSettings::from_wh(A4.0, A4.1).ok_or_else(|| failed("no A4 page".into()))?;
    let mut page = document.start_page_with(page_settings);
    let mut s = page.surface();

    // The letterhead: the government, the office, its address; a double rule under them.
    let mut y = 52.0;
    if data.is_illustrative() {
        pen.centred(&mut s, 30.0, 8.0, false, words.illustrative);
    }
    if !head.government.is_empty() {
        pen.centred(&mut s, y, 13.0, true, &head.government.to_uppercase());
        y += 17.0;
    }
    pen.centred(&mut s, y, 14.0, true, &data.office.name.to_uppercase());
    y += 15.0;
    let address = if head.address.is_empty() {
        words.fill_letterhead
    } else {
        head.address.as_str()
    };
    pen.centred(&mut s, y, 9.5, false, address);
    y += 9.0;
    rule(&mut s, y, 1.6);
    rule(&mut s, y + 2.8, 0.5);
    y += 26.0;

    // Place and date on the right; number, nature, attachment, subject on the left.
    let city = if head.city.is_empty() {
        String::new()
    } else {
        format!("{}, ", head.city)
    };
    let dated = format!("{city}{}", fmt::date_words(lang, date));
    pen.right(&mut s, A4.0 - MARGIN, y, BODY, false, &dated);
    let label_x = MARGIN;
    let value_x = MARGIN + 70.0;
    for (label, value, bold) in [
        (words.number, number, false),
        (words.nature, words.nature_value, false),
        (words.attachment, "-", false),
        (words.subject, words.subject_value, true),
    ] {
        pen.text(&mut s, label_x, y, BODY, false, label);
        pen.text(&mut s, value_x - 10.0, y, BODY, false, ":");
        pen.text(&mut s, value_x, y, BODY, bold, value);
        y += LINE;
    }
    y += 12.0;
    pen.text(&mut s, MARGIN, y, BODY, false, words.to);
    y += LINE;
    for line in words.addressee {
        pen.text(&mut s, MARGIN, y, BODY, true, line);
        y += LINE;
    }
    y += 12.0;
    pen.text(&mut s, MARGIN, y, BODY, false, words.greeting);
    y += LINE + 4.0;
    let day = fmt::date_words(lang, request.as_of);
    y = pen.paragraph(&mut s, y, &(words.opening)(&data.office.name, &day));
    y += 6.0;

    // The figures, one a line, the values aligned on the right.
    let stock = match request.on_hand {
        Some(stock) => format!("{} {}", n(stock.max(0) as u64), words.sheets),
        None => words.unknown.to_string(),
    };
    let waiting_label = match request.basis {
        RequestBasis::PrrWaiting => words.prr_waiting,
        RequestBasis::SentNotPrinted => words.sent_not_printed,
    };
    let rate = (words.per_day)(&fmt::count(lang, request.print_rate_per_day.round() as u64));
    // Deliveries the centre announced and has not made are not asked for again: a row of
    // their own where there are any.
    let announced = request
        .announced_until
        .filter(|_| request.announced > 0)
        .map(|until| {
            (
                (words.announced)(request.announced_deliveries, &fmt::date_short(lang, until)),
                format!("{} {}", n(request.announced), words.sheets),
                false,
            )
        });
    let need = match announced {
        Some(_) => words.need_less_announced,
        None => words.need,
    };
    let rows: Vec<(String, String, bool)> = [
        (words.stock.to_string(), stock, false),
        (waiting_label.to_string(), n(request.waiting), false),
        (words.print_rate.to_string(), rate, false),
        (
            (words.buffer)(request.buffer_days),
            n(request.buffer),
            false,
        ),
    ]
    .into_iter()
    .chain(announced)
    .chain([
        (need.to_string(), n(request.need), false),
        (
            (words.asked)(&n(request.round_to)),
            format!("{} {}", n(request.quantity), words.sheets),
            true,
        ),
    ])
    .collect();
    for (i, (label, value, bold)) in rows.iter().enumerate() {
        pen.text(
            &mut s,
            MARGIN + 14.0,
            y,
            BODY,
            *bold,
            &format!("{}. {label}", i + 1),
        );
        pen.right(&mut s, A4.0 - MARGIN - 14.0, y, BODY, *bold, value);
        y += LINE + 1.0;
    }
    y += 8.0;
    if request.basis == RequestBasis::SentNotPrinted {
        y = pen.paragraph(&mut s, y, words.no_prr);
        y += 4.0;
    }
    y = pen.paragraph(&mut s, y, &(words.request)(&n(request.quantity)));
    y += 4.0;
    y = pen.paragraph(&mut s, y, words.closing);

    // The signature block on the right half.
    let x = A4.0 / 2.0 + 20.0;
    y += 30.0;
    let title = if head.head_title.is_empty() {
        words.fill_letterhead
    } else {
        head.head_title.as_str()
    };
    for line in pen.wrap(title, A4.0 - MARGIN - x, BODY) {
        pen.text(&mut s, x, y, BODY, false, &line);
        y += LINE;
    }
    y += 56.0;
    if !head.head_name.is_empty() {
        pen.text(&mut s, x, y, BODY, true, &head.head_name);
    }
    y += LINE;
    if !head.head_nip.is_empty() {
        pen.text(
            &mut s,
            x,
            y,
            BODY,
            false,
            &format!("NIP. {}", head.head_nip),
        );
    }
    s.finish();
    page.finish();
    let pdf = document.finish().map_err(|e| failed(format!("{e:?}")))?;
    std::fs::write(out, pdf).map_err(WriteError::file(out))?;
    Ok(())
}

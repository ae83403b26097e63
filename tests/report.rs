//! Charts as PNG images and the PDF report, rendered without a window and with the embedded
//! font.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A test that cannot go on says so by panicking.

mod common;

use common::pantau;
use predicates::str::contains;

fn demo(dir: &std::path::Path) -> std::path::PathBuf {
    let db = dir.join("demo.pantau");
    pantau().args(["demo", "--db"]).arg(&db).assert().success();
    db
}

/// Width and height from a PNG's IHDR chunk.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n".as_slice(), "a PNG file");
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    (be(&bytes[16..20]), be(&bytes[20..24]))
}

#[test]
fn every_chart_renders_as_a_png_with_content() {
    use pantau::io::charts::{ChartData, ChartKind, render_rgb};
    let data = pantau::demo::build();
    let history = pantau::forecast::History::new(&data);
    let as_of = common::d("2016-10-05");
    let summary = pantau::domain::summary::summarize(&data, as_of);
    let slip: Vec<_> = pantau::forecast::slip::slip_dates(&history, common::d("2016-08-01"), as_of)
        .into_iter()
        .map(|d| {
            pantau::forecast::forecast_at(&history, d, &pantau::forecast::slip::slip_params(60), 2)
        })
        .collect();
    let input = ChartData {
        data: &data,
        history: &history,
        summary: &summary,
        slip: &slip,
        forecast: slip.last(),
        accuracy: None,
        slip_window: None,
        lang: pantau::locale::Lang::Id,
    };
    for kind in ChartKind::ALL {
        let rgb = render_rgb(kind, &input, 800, 480).unwrap();
        assert_eq!(rgb.len(), 800 * 480 * 3);
        let coloured = rgb
            .chunks_exact(3)
            .filter(|p| !(p[0] == p[1] && p[1] == p[2]))
            .count();
        let dark = rgb
            .chunks_exact(3)
            .filter(|p| p.iter().all(|c| *c < 100))
            .count();
        assert!(coloured > 2_000, "{kind:?}: {coloured} coloured pixels");
        assert!(dark > 500, "{kind:?}: text and axes ({dark} dark pixels)");
    }
}

#[test]
fn the_chart_command_writes_a_png_legible_on_a4() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let out = dir.path().join("slip.png");
    pantau()
        .args([
            "chart",
            "--kind",
            "slip",
            "--as-of",
            "2016-10-05",
            "--lang",
            "en",
            "--db",
        ])
        .arg(&db)
        .arg("--out")
        .arg(&out)
        .assert()
        .success()
        .stdout(contains("chart written (2000 × 1200)"));
    let bytes = std::fs::read(&out).unwrap();
    assert_eq!(png_size(&bytes), (2000, 1200));
    assert!(
        bytes.len() > 20_000,
        "not a blank image: {} bytes",
        bytes.len()
    );
}

#[test]
fn the_pdf_report_has_the_office_and_kecamatan_names_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let out = dir.path().join("laporan.pdf");
    pantau()
        .args(["report", "--lang", "id", "--as-of", "2016-10-05", "--db"])
        .arg(&db)
        .arg("--out")
        .arg(&out)
        .assert()
        .success()
        .stdout(contains("laporan ditulis (4 halaman)"));
    let pdf = lopdf::Document::load(&out).unwrap();
    assert_eq!(pdf.get_pages().len(), 4);
    let text = pdf.extract_text(&[1, 2, 3, 4]).unwrap();
    for expected in [
        "Dispendukcapil Kabupaten Sampang",
        "5 Okt 2016",
        "Torjun",
        "Karang Penang",
        "Ketapang",
        "570.000",
        "86.000",
        "771.000",
        // Plain words first: when, how late, what the deadline needs (tests/deadline_needs.rs
        // has the figures worked out by hand).
        "Perekaman selesai sekitar",
        "perlu 1.136 perekaman per hari kerja, kini 463.",
        // A milestone without a date says why.
        "Pencetakan kartu untuk semua wajib KTP belum dapat diperkirakan: stok blangko 0",
        "tidak cukup untuk 685.000 kartu dalam 10 tahun",
        // What the deadline needs, and the blanks to ask for.
        "Yang dibutuhkan tenggat 30 Juni 2017 (177 hari kerja lagi)",
        "untuk semuanya:",
        // The blanks: out since when, under its own name (not "Stok cukup untuk"), and the
        // working days without them in all since the stock became known.
        "Stok habis",
        "sejak 16 Sep 2016",
        "Total hari kerja tanpa blangko",
        "149 sejak 4 Jan 2016",
        // Who is falling behind, and the district office's word.
        "Siapa yang tertinggal? 14 dari 14 kecamatan tertinggal dari tenggat",
        "merekam penduduk dari semua kecamatan",
        // The table's colours have a legend; the percentiles are explained.
        "Warna cakupan:",
        "Kurang (< 80 %)",
        "Cara membaca perkiraan",
        // How far to trust it: the backtest as the model made it and calibrated, and the
        // latest date moved by the office's own track record, said beside it.
        "Seberapa tepat perkiraan ini?",
        "tepat dalam rentang P15–P85",
        "Dikalibrasi pada catatan kantor ini sendiri",
        "model / dikalibrasi",
        "(dikalibrasi)",
        // The reliability chart says how to read it.
        "Cara membaca grafik: tiap titik adalah peluang",
    ] {
        assert!(
            text.contains(expected),
            "{expected} is not in the PDF text:\n{text}"
        );
    }
    let bytes = std::fs::read(&out).unwrap();
    let has = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    assert!(has(b"/FontFile2"), "the font is embedded");

    // As of 15 August 2016 the deadline was still 30 September 2016: the decision of
    // 7 September that moved it is not known yet, in the tiles or the deadline history.
    let august = dir.path().join("agustus.pdf");
    pantau()
        .args(["report", "--lang", "id", "--as-of", "2016-08-15", "--db"])
        .arg(&db)
        .arg("--out")
        .arg(&august)
        .assert()
        .success();
    let text = lopdf::Document::load(&august)
        .unwrap()
        .extract_text(&[1, 2, 3])
        .unwrap();
    assert!(text.contains("30 Sep 2016"), "{text}");
    assert!(
        !text.contains("30 Jun 2017"),
        "a later decision shows:\n{text}"
    );
    assert!(
        !text.contains("7 Sep 2016"),
        "a later decision shows:\n{text}"
    );
}

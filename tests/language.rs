//! One text system: what the command line and the PDF say comes in the language asked for —
//! Indonesian by default, English with `--lang en` or `PANTAU_LANG=en` — with no prose of the
//! other language inside.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A test that cannot go on says so by panicking.

mod common;

use std::path::Path;

use common::pantau;

/// Words of Indonesian prose that no English sentence of Pantau holds (unit, office and
/// holiday names are data, and are left out of the commands below).
const INDONESIAN: &[&str] = &[
    "dibuat",
    "laporan",
    "belum",
    "tenggat",
    "perkiraan",
    "stok",
    "rekam",
    "cetak",
    "blangko",
    "hari kerja",
    "dibatasi",
    "lembar",
    "percobaan",
    "diimpor",
    "ditolak",
    "baris",
    "kolom",
    "jumlah",
    "sesudahnya",
    "penerimaan",
    "tidak",
    "dengan",
    "tanggal",
    "masalah",
    "pengiriman",
];

/// Words of English prose that no Indonesian sentence of Pantau holds.
const ENGLISH: &[&str] = &[
    "created",
    "report",
    "deadline",
    "forecast",
    "blank",
    "working day",
    "limited",
    "recorded",
    "printed",
    "imported",
    "refused",
    "row",
    "column",
    "unknown",
    "the ",
    "with ",
    "after",
    "stock",
    "delivery",
    "problem",
];

fn assert_free_of(text: &str, words: &[&str], what: &str) {
    let lower = text.to_lowercase();
    for word in words {
        assert!(!lower.contains(word), "{what} holds '{word}':\n{text}");
    }
}

/// Runs `pantau` with `args` in `lang` (None: the default); returns stdout and stderr, with
/// the temporary folder's name (random letters) taken out.
fn run(dir: &Path, lang: Option<&str>, args: &[&str]) -> (String, String) {
    let mut cmd = pantau();
    cmd.env_remove("PANTAU_LANG").current_dir(dir).args(args);
    if let Some(lang) = lang {
        cmd.args(["--lang", lang]);
    }
    let output = cmd.output().unwrap();
    let clean =
        |bytes: &[u8]| String::from_utf8_lossy(bytes).replace(&dir.display().to_string(), "DIR");
    (clean(&output.stdout), clean(&output.stderr))
}

/// The commands a clerk and a head of office run, good and refused; everything they print.
fn everything_printed(dir: &Path, lang: Option<&str>) -> String {
    let db = format!("d-{}.pantau", lang.unwrap_or("default"));
    std::fs::write(
        dir.join("salah.csv"),
        "tanggal;unit;rekam;terkirim;cetak;suket\n2016-10-06;Torjun;10;;0;0\n",
    )
    .unwrap();
    let kec = format!("k-{}.pantau", lang.unwrap_or("default"));
    let outbox = format!("kirim-{}", lang.unwrap_or("default"));
    std::fs::create_dir_all(dir.join(&outbox)).unwrap();
    let bundle = format!("{outbox}/Torjun-000001.pantau-kirim");
    let commands: Vec<Vec<&str>> = vec![
        vec!["demo", "--db", &db],
        vec!["summary", "--as-of", "2016-10-05", "--db", &db],
        vec![
            "forecast",
            "--as-of",
            "2016-10-05",
            "--trials",
            "200",
            "--db",
            &db,
        ],
        vec!["unit", "list", "--db", &db],
        vec!["target", "list", "--db", &db],
        vec!["opening", "list", "--db", &db],
        vec!["check", "--db", &db],
        vec![
            "add-report",
            "--db",
            &db,
            "--unit",
            "Torjun",
            "--date",
            "2016-10-06",
            "--recorded",
            "10",
            "--sent",
            "5",
            "--printed",
            "0",
            "--suket",
            "0",
            // The illustrative office counts the centre's stage every day.
            "--prr",
            "0",
        ],
        // Refusals: a bad date, more sent than recorded, an unknown unit, a file with a hole.
        vec![
            "add-report",
            "--db",
            &db,
            "--unit",
            "Torjun",
            "--date",
            "2016-13-06",
            "--recorded",
            "1",
            "--sent",
            "0",
            "--printed",
            "0",
            "--suket",
            "0",
        ],
        vec![
            "add-report",
            "--db",
            &db,
            "--unit",
            "Omben",
            "--date",
            "2016-10-06",
            "--recorded",
            "0",
            "--sent",
            "900000",
            "--printed",
            "0",
            "--suket",
            "0",
        ],
        vec![
            "stock",
            "lend",
            "--db",
            &db,
            "--date",
            "2016-10-06",
            "--quantity",
            "9000000",
        ],
        vec!["import", "--db", &db, "salah.csv"],
        vec!["deadline", "remove", "--db", &db, "--decided", "2001-01-01"],
        vec!["summary", "--db", "nada.pantau"],
        // The exchange: a kecamatan PC set up, a day sent, received twice, a CSV refused.
        vec![
            "exchange", "setup", "--db", &db, "--unit", "Torjun", "--out", &kec,
        ],
        vec!["exchange", "send", "--db", &kec, "--out", &outbox],
        vec![
            "add-report",
            "--db",
            &kec,
            "--unit",
            "Torjun",
            "--date",
            "2017-06-23",
            "--recorded",
            "8",
            "--sent",
            "5",
            "--printed",
            "0",
            "--suket",
            "0",
            "--prr",
            "0",
        ],
        vec!["exchange", "send", "--db", &kec, "--out", &outbox],
        vec!["exchange", "receive", "--db", &db, &bundle, &bundle],
        vec!["exchange", "receive", "--db", &db, "salah.csv"],
        vec!["exchange", "status", "--db", &db],
        vec!["exchange", "conflicts", "--db", &db],
        vec![
            "exchange", "send", "--db", &db, "--unit", "Torjun", "--out", &outbox,
        ],
        vec![
            "exchange", "send", "--db", &db, "--unit", "Omben", "--out", &outbox,
        ],
    ];
    let mut all = String::new();
    for args in &commands {
        let (out, err) = run(dir, lang, args);
        assert!(
            !out.is_empty() || !err.is_empty(),
            "{args:?} printed nothing"
        );
        all.push_str(&out);
        all.push_str(&err);
    }
    all
}

#[test]
fn the_command_line_speaks_indonesian_by_default_with_no_english_prose() {
    let dir = tempfile::tempdir().unwrap();
    let text = everything_printed(dir.path(), None);
    for expected in [
        "dibuat — data ilustrasi Sampang",
        "rekam 570.000, cetak 86.000, wajib KTP 771.000",
        "Perkiraan per 5 Okt 2016",
        "Torjun 2016-10-06: laporan diperbarui",
        "'2016-13-06' bukan tanggal",
        "akan melebihi total",
        "salah.csv, baris 2, kolom",
        "ditolak: 1 masalah dalam salah.csv; tidak ada yang diimpor",
        "tidak ditemukan",
        "database PC kecamatan Torjun dibuat",
        "tidak ada yang baru sejak kiriman terakhir",
        "kiriman Torjun nomor 1: 1 laporan",
        "kiriman Torjun nomor 1 diterapkan: 1 diubah",
        "sudah pernah diterima; tidak ada yang berubah",
        "salah.csv: bukan kiriman Pantau (bukan berkas zip); tidak diterima",
        "Kiriman terakhir",
        "tidak ada konflik yang menunggu keputusan",
        "Torjun-dari-kabupaten-000001.pantau-kirim: kiriman Torjun nomor 1: 0 laporan, 1 konfirmasi",
        "belum ada PC yang disiapkan untuk Omben",
    ] {
        assert!(text.contains(expected), "'{expected}' is not in:\n{text}");
    }
    // `--help` and clap's own usage errors are English; nothing of that is run above.
    assert_free_of(&text, ENGLISH, "the Indonesian command line");
}

#[test]
fn the_command_line_speaks_english_when_asked_with_no_indonesian_prose() {
    let dir = tempfile::tempdir().unwrap();
    let text = everything_printed(dir.path(), Some("en"));
    for expected in [
        "illustrative Sampang data",
        "recorded 570,000, printed 86,000, wajib KTP 771,000",
        "Forecast as of 5 Oct 2016",
        "Torjun 2016-10-06: updated report",
        "'2016-13-06' is not a date",
        "would exceed cumulative",
        "salah.csv, row 2, column",
        "refused: 1 problem(s) in salah.csv; nothing imported",
        "no such database file",
        "database of the Torjun kecamatan PC made",
        "nothing new since the last bundle",
        "Torjun's bundle 1: 1 report(s)",
        "Torjun's bundle 1 applied: 1 changed",
        "was received before; nothing changed",
        "salah.csv: not a Pantau bundle (not a zip file); refused",
        "Last bundle",
        "no conflict waits for a decision",
        "Torjun-dari-kabupaten-000001.pantau-kirim: Torjun's bundle 1: 0 report(s), 1 acknowledgement",
        "no PC is set up for Omben",
    ] {
        assert!(text.contains(expected), "'{expected}' is not in:\n{text}");
    }
    assert_free_of(&text, INDONESIAN, "the English command line");
}

#[test]
fn pantau_lang_chooses_the_language_and_the_flag_wins_over_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = pantau();
    cmd.env("PANTAU_LANG", "en")
        .current_dir(dir.path())
        .args(["demo", "--db", "d.pantau"]);
    let out = String::from_utf8(cmd.output().unwrap().stdout).unwrap();
    assert!(out.starts_with("created d.pantau"), "{out}");
    let mut cmd = pantau();
    cmd.env("PANTAU_LANG", "en")
        .current_dir(dir.path())
        .args(["unit", "list", "--lang", "id", "--db", "d.pantau"]);
    let out = String::from_utf8(cmd.output().unwrap().stdout).unwrap();
    assert!(out.contains("Kode") && out.contains("aktif"), "{out}");
    let mut cmd = pantau();
    cmd.env("PANTAU_LANG", "fr")
        .current_dir(dir.path())
        .args(["unit", "list", "--db", "d.pantau"]);
    let output = cmd.output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(2),
        "an unknown language is a usage error"
    );
}

/// The text of a PDF report written in `lang`.
fn report_text(dir: &Path, lang: &str) -> String {
    let db = dir.join("d.pantau");
    if !db.exists() {
        pantau().args(["demo", "--db"]).arg(&db).assert().success();
    }
    let out = dir.join(format!("laporan-{lang}.pdf"));
    pantau()
        .args(["report", "--as-of", "2016-10-05", "--lang", lang, "--db"])
        .arg(&db)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let pdf = lopdf::Document::load(&out).unwrap();
    // Every page: the fourth is how far to trust the forecast, calibrated or not.
    let pages: Vec<u32> = pdf.get_pages().keys().copied().collect();
    assert_eq!(pages.len(), 4);
    pdf.extract_text(&pages).unwrap()
}

#[test]
fn the_pdf_report_is_wholly_in_the_language_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let english = report_text(dir.path(), "en");
    assert!(
        english.contains("e-KTP progress report as of 5 Oct 2016"),
        "{english}"
    );
    assert!(english.contains("570,000"), "{english}");
    assert!(
        english.contains("How accurate is this forecast?"),
        "{english}"
    );
    assert!(english.contains("model / calibrated"), "{english}");
    assert!(
        english.contains("Reading the chart: each point"),
        "{english}"
    );
    // The office's name and the notes of its deadline decisions are data; the rest is English.
    let prose: String = english
        .lines()
        .filter(|l| !l.contains("Dispendukcapil") && !l.contains(": deadline "))
        .collect::<Vec<_>>()
        .join("\n");
    assert_free_of(&prose, INDONESIAN, "the English PDF");

    let indonesian = report_text(dir.path(), "id");
    assert!(
        indonesian.contains("Laporan kemajuan e-KTP per 5 Okt 2016"),
        "{indonesian}"
    );
    assert!(indonesian.contains("570.000"), "{indonesian}");
    assert!(
        indonesian.contains("Seberapa tepat perkiraan ini?"),
        "{indonesian}"
    );
    assert!(indonesian.contains("model / dikalibrasi"), "{indonesian}");
    assert!(indonesian.contains("Cara membaca grafik"), "{indonesian}");
    let prose: String = indonesian
        .lines()
        .filter(|l| !l.contains(": tenggat "))
        .collect::<Vec<_>>()
        .join("\n");
    assert_free_of(&prose, ENGLISH, "the Indonesian PDF");
}

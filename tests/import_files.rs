//! The files offices really have, through `pantau import` as a clerk runs it: every bad one is
//! refused with file, sheet, row and column named and the database untouched; every good one
//! imports exactly what it holds, and nothing else.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A test that cannot go on says so by panicking.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};

use common::{d, dump, pantau, sampang_office, today};
use predicates::str::contains;

const HEADER: &str = "tanggal;kecamatan;perekaman;terkirim;cetak;catatan\n";

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// `pantau import` of `file`: its exit code, stdout and stderr.
fn run_import(db: &Path, file: &Path) -> (Option<i32>, String, String) {
    let output = pantau()
        .args(["import", "--db"])
        .arg(db)
        .arg(file)
        .output()
        .unwrap();
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    (
        output.status.code(),
        text(&output.stdout),
        text(&output.stderr),
    )
}

/// Runs the import; it must fail naming each of `expected`, and write nothing.
fn refused(db: &Path, file: &Path, expected: &[&str]) {
    let before = dump(db);
    let (code, stdout, stderr) = run_import(db, file);
    assert_eq!(code, Some(1), "{stdout}\n{stderr}");
    assert!(stderr.contains("refused"), "{stderr}");
    for text in expected {
        assert!(stdout.contains(text), "missing «{text}» in:\n{stdout}");
    }
    assert_eq!(dump(db), before, "nothing is written");
}

fn imported(db: &Path, file: &Path) -> String {
    let (code, stdout, stderr) = run_import(db, file);
    assert_eq!(code, Some(0), "{stdout}\n{stderr}");
    stdout
}

#[test]
fn an_empty_count_cell_is_refused_not_stored_as_zero() {
    let (db, store) = sampang_office();
    drop(store);
    let file = write(
        db.dir.path(),
        "kosong.csv",
        format!("{HEADER}2017-07-03;Sampang;;0;0;a\n"),
    );
    refused(
        &db.path,
        &file,
        &["kosong.csv, row 2, column perekaman: is empty; fill in 0 if there was none"],
    );
}

#[test]
fn a_short_row_is_refused_for_every_missing_cell() {
    let (db, store) = sampang_office();
    drop(store);
    let file = write(
        db.dir.path(),
        "pendek.csv",
        format!("{HEADER}2017-07-03;Sampang;25\n"),
    );
    refused(
        &db.path,
        &file,
        &[
            "pendek.csv, row 2, column terkirim: the row ends before this column",
            "pendek.csv, row 2, column cetak: the row ends before this column",
        ],
    );
}

#[test]
fn an_unterminated_quote_does_not_swallow_the_next_row() {
    let (db, store) = sampang_office();
    drop(store);
    let file = write(
        db.dir.path(),
        "kutip.csv",
        format!("{HEADER}2017-07-03;Sampang;5;5;0;\"x\n2017-07-04;Sampang;6;6;0;\n"),
    );
    refused(
        &db.path,
        &file,
        &["kutip.csv, row 2, column catatan: a quote (\") opens this cell and is never closed"],
    );
    // A quote closed much later takes the rows between into one cell: also refused.
    let late = write(
        db.dir.path(),
        "kutip-lain.csv",
        format!(
            "{HEADER}2017-07-03;Sampang;5;5;0;\"x\n2017-07-04;Sampang;6;6;0;\"\n2017-07-05;Sampang;6;6;0;\n"
        ),
    );
    refused(
        &db.path,
        &late,
        &["kutip-lain.csv, row 2, column catatan: this cell runs over several lines"],
    );
}

#[test]
fn cells_beyond_the_header_are_refused_unless_empty() {
    let (db, store) = sampang_office();
    drop(store);
    let mut wide = String::from("2017-07-03;Sampang;5;5;0;catatan");
    wide.push_str(&";".repeat(994));
    wide.push_str("lebih\n");
    let file = write(db.dir.path(), "lebar.csv", format!("{HEADER}{wide}"));
    refused(
        &db.path,
        &file,
        &["lebar.csv, row 2, column 1000: 'lebih' is beyond the header's last column (catatan)"],
    );
    let empty_tail = write(
        db.dir.path(),
        "ekor.csv",
        format!("{HEADER}2017-07-03;Sampang;5;5;0;{}\n", ";".repeat(994)),
    );
    assert!(imported(&db.path, &empty_tail).contains("imported: 1 new"));
}

#[test]
fn control_characters_direction_overrides_and_long_notes_are_refused() {
    let (db, store) = sampang_office();
    drop(store);
    for (name, note, expected) in [
        (
            "nul.csv",
            "a\u{0}b",
            "column catatan: holds the control character U+0000 at character 2",
        ),
        ("bel.csv", "a\u{7}", "control character U+0007"),
        (
            "esc.csv",
            "\u{1b}[31m",
            "control character U+001B at character 1",
        ),
        (
            "rlo.csv",
            "ok\u{202e}fdp.exe",
            "direction override U+202E at character 3",
        ),
    ] {
        let file = write(
            db.dir.path(),
            name,
            format!("{HEADER}2017-07-03;Sampang;5;5;0;{note}\n"),
        );
        refused(&db.path, &file, &[&format!("{name}, row 2, "), expected]);
    }
    let long = write(
        db.dir.path(),
        "panjang.csv",
        format!(
            "{HEADER}2017-07-03;Sampang;5;5;0;{}\n",
            "x".repeat(10 * 1024 * 1024)
        ),
    );
    refused(
        &db.path,
        &long,
        &["panjang.csv, row 2, column catatan: has 10,485,760 characters; at most 500 are kept"],
    );
    // The same rule for a clerk on the command line.
    let before = dump(&db.path);
    pantau()
        .args(["add-report", "--db"])
        .arg(&db.path)
        .args([
            "--unit",
            "Sampang",
            "--date",
            "2017-07-03",
            "--recorded",
            "5",
        ])
        .args(["--sent", "5", "--printed", "0", "--note", "ok\u{202e}exe"])
        .assert()
        .code(1)
        .stderr(contains("direction override U+202E"));
    assert_eq!(dump(&db.path), before);
}

#[test]
fn latin_1_from_excel_is_read_as_such() {
    let (db, store) = sampang_office();
    drop(store);
    let file = write(
        db.dir.path(),
        "ansi.csv",
        b"tanggal;kecamatan;perekaman;terkirim;cetak;catatan\n2017-07-03;Sampang;5;5;0;caf\xe9 \x80\n",
    );
    imported(&db.path, &file);
    let data = pantau::store::Store::open_read_only(&db.path)
        .unwrap()
        .load()
        .unwrap();
    let sampang = data.unit_by_name("Sampang").unwrap().id;
    assert_eq!(data.reports[&(sampang, d("2017-07-03"))].note, "café €");
}

/// An XLSX written by hand, part by part, as a foreign program might write it.
fn write_xlsx(path: &Path, sheet: &str, method: zip::CompressionMethod) {
    let options = zip::write::SimpleFileOptions::default().compression_method(method);
    let mut book = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let parts: [(&str, &str); 4] = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Laporan" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
    ];
    for (name, text) in parts {
        book.start_file(name, options).unwrap();
        book.write_all(text.as_bytes()).unwrap();
    }
    book.start_file("xl/worksheets/sheet1.xml", options)
        .unwrap();
    book.write_all(sheet.as_bytes()).unwrap();
    book.finish().unwrap();
}

fn sheet_xml(rows: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>"#
    )
}

fn text_cell(reference: &str, text: &str) -> String {
    format!(r#"<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

fn header_row() -> String {
    let cells: String = ["Tanggal", "Kecamatan", "Perekaman", "Terkirim", "Cetak"]
        .iter()
        .zip(["A1", "B1", "C1", "D1", "E1"])
        .map(|(text, reference)| text_cell(reference, text))
        .collect();
    format!(r#"<row r="1">{cells}</row>"#)
}

#[test]
fn an_xlsx_formula_without_its_result_is_refused() {
    let (db, store) = sampang_office();
    drop(store);
    let file = db.dir.path().join("rumus.xlsx");
    let row = format!(
        r#"<row r="2">{}{}<c r="C2"><f>1+1</f></c><c r="D2"><v>0</v></c><c r="E2"><v>0</v></c></row>"#,
        text_cell("A2", "2017-07-03"),
        text_cell("B2", "Sampang")
    );
    write_xlsx(
        &file,
        &sheet_xml(&format!("{}{row}", header_row())),
        zip::CompressionMethod::Deflated,
    );
    refused(
        &db.path,
        &file,
        &[
            "rumus.xlsx, sheet Laporan, row 2, column Perekaman: holds the formula =1+1 but not its result",
        ],
    );
    // The same sheet with the result saved imports it.
    let saved = db.dir.path().join("hasil.xlsx");
    let row = row.replace("<f>1+1</f></c>", "<f>1+1</f><v>2</v></c>");
    write_xlsx(
        &saved,
        &sheet_xml(&format!("{}{row}", header_row())),
        zip::CompressionMethod::Deflated,
    );
    assert!(imported(&db.path, &saved).contains("imported: 1 new"));
}

#[test]
fn a_zip_bomb_is_refused_before_it_is_read() {
    let (db, store) = sampang_office();
    drop(store);
    let file = db.dir.path().join("bom.xlsx");
    // Eight megabytes of one repeated row pack into a few kilobytes.
    let row = format!(
        r#"<row r="2">{}{}<c r="C2"><v>1</v></c><c r="D2"><v>1</v></c><c r="E2"><v>0</v></c></row>"#,
        text_cell("A2", "2017-07-03"),
        text_cell("B2", "Sampang")
    );
    let rows = row.repeat(8 * 1024 * 1024 / row.len());
    write_xlsx(
        &file,
        &sheet_xml(&format!("{}{rows}", header_row())),
        zip::CompressionMethod::Deflated,
    );
    let size = std::fs::metadata(&file).unwrap().len();
    assert!(size < 64 * 1024, "the bomb is small: {size} bytes");
    refused(
        &db.path,
        &file,
        &["bom.xlsx: the workbook's part xl/worksheets/sheet1.xml unpacks to more than"],
    );
}

#[test]
fn an_xlsx_cell_over_the_note_limit_is_refused_with_its_place() {
    use rust_xlsxwriter::Workbook;
    let (db, store) = sampang_office();
    drop(store);
    let file = db.dir.path().join("sel.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Juli").unwrap();
    for (col, header) in [
        "Tanggal",
        "Kecamatan",
        "Perekaman",
        "Terkirim",
        "Cetak",
        "Catatan",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(0, col as u16, *header).unwrap();
    }
    sheet.write_string(1, 0, "2017-07-03").unwrap();
    sheet.write_string(1, 1, "Sampang").unwrap();
    for col in 2..5 {
        sheet.write_number(1, col, 1.0).unwrap();
    }
    sheet.write_string(1, 5, "y".repeat(30_000)).unwrap();
    book.save(&file).unwrap();
    refused(
        &db.path,
        &file,
        &["sel.xlsx, sheet Juli, row 2, column Catatan: has 30,000 characters; at most 500"],
    );
}

#[test]
fn pantaus_own_xlsx_export_imports_back() {
    let (db, mut store) = sampang_office();
    let data = store.load().unwrap();
    let days = data.calendar.working_days(d("2016-09-01"), d("2016-10-31"));
    let mut reports = Vec::new();
    for (i, unit) in data.units.iter().enumerate() {
        for day in &days {
            let mut report = common::report(unit.id, &day.to_string(), 20 + i as u64, 18, 10);
            report.server_ok = day.to_string() != "2016-10-03";
            report.note = if i == 0 {
                "=catatan".to_string()
            } else {
                String::new()
            };
            reports.push(report);
        }
    }
    store.save_reports(&reports, today()).unwrap();
    drop(store);
    let out = db.dir.path().join("ekspor.xlsx");
    pantau()
        .args(["export", "--db"])
        .arg(&db.path)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    // Into the database it came from: nothing changes.
    let before = dump(&db.path);
    let stdout = imported(&db.path, &out);
    assert!(
        stdout.contains(&format!(
            "imported: 0 new, 0 updated, {} unchanged",
            reports.len()
        )),
        "{stdout}"
    );
    assert_eq!(dump(&db.path), before);
    // Into a new database with the same units: the same reports.
    let (fresh, store) = sampang_office();
    drop(store);
    let stdout = imported(&fresh.path, &out);
    assert!(
        stdout.contains(&format!("imported: {} new", reports.len())),
        "{stdout}"
    );
    let read = |path: &Path| {
        pantau::store::Store::open_read_only(path)
            .unwrap()
            .load()
            .unwrap()
            .reports
    };
    assert_eq!(read(&fresh.path), read(&db.path));
}

/// Two years of plausible history for 15 units with small numbers, no notes: what an office's
/// old spreadsheet holds. Some days are far above the unit's median.
fn history_csv(dir: &Path) -> (PathBuf, usize, usize) {
    let data = sampang_office().1.load().unwrap();
    let days = data.calendar.working_days(d("2015-01-01"), d("2016-12-31"));
    let mut rng = pantau::rng::SplitMix64::new(4);
    let mut text =
        String::from("Tanggal;Kecamatan;Perekaman;Terkirim;Cetak;Suket;Server;Catatan\n");
    let mut spikes = 0;
    for day in &days {
        for unit in data.units.iter().take(15) {
            let mut recorded = 1 + rng.below(3) as u64;
            if rng.below(200) == 0 {
                recorded = 40 + rng.below(40) as u64;
                spikes += 1;
            }
            text.push_str(&format!(
                "{};{};{recorded};{recorded};0;0;ya;\n",
                day.format("%d/%m/%Y"),
                unit.name
            ));
        }
    }
    let path = write(dir, "riwayat.csv", text);
    (path, days.len() * 15, spikes)
}

#[test]
fn a_history_with_outliers_imports_them_flagged_and_check_warns() {
    let (db, store) = sampang_office();
    drop(store);
    let (file, rows, spikes) = history_csv(db.dir.path());
    assert!(spikes > 10, "the history has spikes: {spikes}");
    let stdout = imported(&db.path, &file);
    let last = stdout.lines().last().unwrap();
    assert!(
        last.starts_with(&format!("imported: {rows} new, 0 updated, 0 unchanged; ")),
        "{last}"
    );
    assert!(
        last.ends_with("outlier(s) without a note, flagged for review"),
        "{last}"
    );
    let flagged: usize = last
        .split("; ")
        .nth(1)
        .and_then(|t| t.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap();
    assert!(
        flagged > 0 && flagged <= spikes,
        "only spikes are flagged: {flagged} of {spikes}"
    );
    let stored = pantau::store::Store::open_read_only(&db.path)
        .unwrap()
        .load()
        .unwrap();
    assert_eq!(stored.unexplained.len(), flagged);
    // Small days (1 to 3 against a median of 2) are never outliers.
    for (unit, date) in &stored.unexplained {
        assert!(stored.reports[&(*unit, *date)].counts.recorded >= 40);
    }
    // `pantau check` lists them as warnings and passes.
    let check = pantau()
        .args(["check", "--db"])
        .arg(&db.path)
        .output()
        .unwrap();
    assert!(check.status.success());
    let text = String::from_utf8_lossy(&check.stdout);
    assert_eq!(
        text.lines().filter(|l| l.starts_with("warning: ")).count(),
        flagged,
        "{text}"
    );
    assert!(text.contains(&format!("({flagged} outlier(s) without a note")));
    // One audit row for the whole import, naming the file and its SHA-256.
    let audit = pantau()
        .args(["audit", "--db"])
        .arg(&db.path)
        .output()
        .unwrap();
    let audit_text = String::from_utf8_lossy(&audit.stdout);
    assert!(
        audit_text.contains("riwayat.csv"),
        "{}",
        String::from_utf8_lossy(&audit.stderr)
    );
    let sha = {
        use sha2::Digest;
        let digest = sha2::Sha256::digest(std::fs::read(&file).unwrap());
        digest
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    let conn = rusqlite::Connection::open(&db.path).unwrap();
    let (imports, key): (i64, String) = conn
        .query_row(
            "SELECT count(*), max(row_key) FROM audit_log WHERE row_key LIKE '%sha256%'",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .unwrap();
    assert_eq!(imports, 1);
    assert!(key.contains(&sha), "{key}");
}

/// A random valid file: units, days, counts that obey the rules, written in one of the ways
/// offices write them.
fn random_file(seed: u64, dir: &Path, names: &[String]) -> (PathBuf, Vec<(String, [u64; 4])>) {
    let mut rng = pantau::rng::SplitMix64::new(seed);
    let delimiter = [";", ",", "\t"][rng.below(3)];
    let crlf = rng.below(2) == 0;
    let bom = rng.below(2) == 0;
    let calendar = pantau::domain::Calendar::default();
    let days = calendar.working_days(d("2016-01-04"), d("2016-03-31"));
    let mut text = String::new();
    if bom {
        text.push('\u{feff}');
    }
    let end = if crlf { "\r\n" } else { "\n" };
    let header = [
        "Tanggal",
        "Kecamatan",
        "Perekaman",
        "Terkirim",
        "Cetak",
        "Suket",
        "Catatan",
    ];
    text.push_str(&header.join(delimiter));
    text.push_str(end);
    let mut totals: Vec<(String, [u64; 4])> = Vec::new();
    for name in names.iter().take(1 + rng.below(names.len())) {
        let mut total = [0u64; 4];
        for day in &days {
            if rng.below(3) == 0 {
                continue;
            }
            let recorded = rng.below(3000) as u64;
            let sent = recorded.saturating_sub(rng.below(50) as u64);
            let printed = sent.saturating_sub(rng.below(50) as u64);
            let suket = rng.below(20) as u64;
            let values = [recorded, sent, printed, suket];
            for (t, v) in total.iter_mut().zip(values) {
                *t += v;
            }
            // Dates and counts as offices write them: ISO or day first; 1.234 or 1234, quoted
            // or not.
            let date = if rng.below(2) == 0 {
                day.to_string()
            } else {
                day.format("%d/%m/%Y").to_string()
            };
            let count = |v: u64, rng: &mut pantau::rng::SplitMix64| {
                let plain = v.to_string();
                let grouped = if v >= 1000 && delimiter != "," {
                    format!("{}.{:03}", v / 1000, v % 1000)
                } else {
                    plain.clone()
                };
                match rng.below(3) {
                    0 => plain,
                    1 => grouped,
                    _ => format!("\"{plain}\""),
                }
            };
            let note = match rng.below(4) {
                0 => String::new(),
                1 => "antrean \"\"panjang\"\"".to_string(),
                2 if delimiter != "\t" => format!("\"server mati{delimiter} lanjut besok\""),
                _ => "catatan".to_string(),
            };
            let note = if note.contains("\"\"") {
                format!("\"{note}\"")
            } else {
                note
            };
            let cells = [
                date,
                format!(" {name} "),
                count(recorded, &mut rng),
                count(sent, &mut rng),
                count(printed, &mut rng),
                count(suket, &mut rng),
                note,
            ];
            text.push_str(&cells.join(delimiter));
            text.push_str(end);
        }
        totals.push((name.clone(), total));
    }
    let path = write(dir, &format!("acak-{seed}.csv"), text);
    (path, totals)
}

#[test]
fn random_valid_files_import_to_exactly_their_sums() {
    use pantau::io::import::plan;
    for seed in 0..40 {
        let (db, mut store) = sampang_office();
        let data = store.load().unwrap();
        let names: Vec<String> = data.units.iter().map(|u| u.name.clone()).collect();
        let (file, totals) = random_file(seed, db.dir.path(), &names);
        let result = plan(&data, &file, None, today());
        assert_eq!(
            result.problem_count,
            0,
            "seed {seed}: {:?}",
            result.problems.first()
        );
        store
            .import(&result.reports, &result.events, &result.source, today())
            .unwrap();
        let stored = store.load().unwrap();
        for (name, total) in totals {
            let unit = stored.unit_by_name(&name).unwrap().id;
            let sums = stored.totals(unit, d("2016-12-31"));
            assert_eq!(
                [
                    sums.recorded,
                    sums.sent_to_central,
                    sums.printed,
                    sums.suket_issued
                ],
                total,
                "seed {seed}, {name}"
            );
        }
    }
}

/// An ODS file whose one sheet is `rows` under a header row, followed by the trailing empty
/// rows and columns LibreOffice writes.
fn write_ods(path: &Path, rows: &str) {
    let header: String = ["Tanggal", "Kecamatan", "Perekaman", "Terkirim", "Cetak"]
        .iter()
        .map(|h| common::ods_cell("string", h))
        .collect();
    let trailing = r#"<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#;
    common::write_ods(
        path,
        &format!("<table:table-row>{header}</table:table-row>{rows}{trailing}"),
    );
}

#[test]
fn an_ods_that_repeats_a_row_a_million_times_is_refused_before_it_is_laid_out() {
    let (db, store) = sampang_office();
    drop(store);
    let bomb = db.dir.path().join("ulang.ods");
    write_ods(
        &bomb,
        r#"<table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="1000" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>"#,
    );
    assert!(std::fs::metadata(&bomb).unwrap().len() < 4096);
    refused(
        &db.path,
        &bomb,
        &["ulang.ods, sheet Laporan: the sheet spans 1000001 rows × 1000 columns"],
    );
    // LibreOffice's own trailing empty rows (repeated, without values) are nothing.
    let normal = db.dir.path().join("biasa.ods");
    write_ods(
        &normal,
        r#"<table:table-row><table:table-cell office:value-type="date" office:date-value="2017-07-03"><text:p>03/07/17</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Sampang</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="5"><text:p>5</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="5"><text:p>5</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="0"><text:p>0</text:p></table:table-cell><table:table-cell table:number-columns-repeated="1019"/></table:table-row>"#,
    );
    assert!(imported(&db.path, &normal).contains("imported: 1 new"));
}

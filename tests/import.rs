//! Import and export: what Excel in an Indonesian office writes must just work, every problem
//! is named with file, sheet, row and column, nothing is written when anything is wrong, and a
//! second import of the same file changes nothing.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A test that cannot go on says so by panicking.

mod common;

use common::{d, dump, pantau, small_office, temp_path, today};
use pantau::io::import::{Kind, plan};
use predicates::str::contains;

fn write(dir: &std::path::Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn indonesian_headers_semicolons_and_office_number_and_date_styles() {
    let (db, mut store) = small_office();
    let file = write(
        db.dir.path(),
        "laporan.csv",
        "Tanggal;Kecamatan;Perekaman;Terkirim;Cetak;Suket;Server;Catatan\n\
         03/10/2016;torjun ;1.240;1.200;0;300;tidak;server mati\n\
         4-10-2016;OMBEN;1,100;1100;0;0;ya;\n\
         2016-10-05;Kantor Dispendukcapil;80;80;0;0;ok;\n",
    );
    let data = store.load().unwrap();
    let plan = plan(&data, &file, None, today());
    assert!(plan.problems.is_empty(), "{:?}", plan.problems);
    assert_eq!((plan.new, plan.updated, plan.unchanged), (3, 0, 0));
    store
        .import(&plan.reports, &plan.events, &plan.source, today())
        .unwrap();
    let data = store.load().unwrap();
    let torjun = &data.reports[&(1, d("2016-10-03"))];
    assert_eq!(torjun.counts.recorded, 1240);
    assert_eq!(torjun.counts.suket_issued, 300);
    assert!(!torjun.server_ok);
    assert_eq!(torjun.note, "server mati");
    assert_eq!(data.reports[&(2, d("2016-10-04"))].counts.recorded, 1100);
}

#[test]
fn english_headers_commas_and_tabs() {
    let (db, store) = small_office();
    let data = store.load().unwrap();
    for (name, text) in [
        (
            "comma.csv",
            "date,unit,recorded,sent,printed\n2016-10-05,Torjun,10,10,0\n",
        ),
        (
            "tab.txt",
            "Date\tUnit\tRecorded\tSent\tPrinted\n05/10/2016\tTorjun\t10\t10\t0\n",
        ),
    ] {
        let file = write(db.dir.path(), name, text);
        let plan = plan(&data, &file, None, today());
        assert!(plan.problems.is_empty(), "{name}: {:?}", plan.problems);
        assert_eq!(plan.reports.len(), 1, "{name}");
        assert_eq!(plan.reports[0].counts.recorded, 10);
    }
}

#[test]
fn every_problem_names_file_row_and_column_and_nothing_is_written() {
    let (db, store) = small_office();
    drop(store);
    let file = write(
        db.dir.path(),
        "salah.csv",
        "tanggal;kecamatan;perekaman;terkirim;cetak\n\
         2016-10-03;Torjun;12,5;0;0\n\
         2016-10-03;Tlanakan;5;0;0\n\
         31/02/2016;Omben;5;0;0\n\
         2016-10-04;Omben;5;6;0\n",
    );
    let before = dump(&db.path);
    pantau()
        .args(["import", "--db"])
        .arg(&db.path)
        .arg(&file)
        .assert()
        .code(1)
        .stdout(contains(
            "salah.csv, row 2, column perekaman: '12,5' has a fraction; counts are whole numbers",
        ))
        .stdout(contains(
            "salah.csv, row 3, column kecamatan: unit 'Tlanakan' does not exist",
        ))
        .stdout(contains(
            "salah.csv, row 4, column tanggal: '31/02/2016' is not a date",
        ))
        .stdout(contains(
            "salah.csv, row 5, column terkirim: Omben 2016-10-04: cumulative sent 6 would exceed \
             cumulative recorded 5",
        ))
        .stderr(contains("refused: 4 problem(s)"));
    assert_eq!(dump(&db.path), before);
}

#[test]
fn importing_twice_changes_nothing_and_a_changed_value_is_an_update() {
    let (db, store) = small_office();
    drop(store);
    let run = |file: &std::path::Path, expected: &str| {
        pantau()
            .args(["import", "--db"])
            .arg(&db.path)
            .arg(file)
            .assert()
            .success()
            .stdout(contains(expected));
    };
    let file = write(
        db.dir.path(),
        "a.csv",
        "tanggal,kecamatan,perekaman,terkirim,cetak\n2016-10-03,Torjun,10,10,0\n2016-10-04,Torjun,12,12,0\n",
    );
    run(&file, "imported: 2 new, 0 updated, 0 unchanged");
    let after_first = dump(&db.path);
    run(&file, "imported: 0 new, 0 updated, 2 unchanged");
    assert_eq!(dump(&db.path), after_first, "no audit rows either");
    let changed = write(
        db.dir.path(),
        "b.csv",
        "tanggal,kecamatan,perekaman,terkirim,cetak\n2016-10-03,Torjun,11,10,0\n2016-10-04,Torjun,12,12,0\n",
    );
    pantau()
        .args(["import", "--dry-run", "--db"])
        .arg(&db.path)
        .arg(&changed)
        .assert()
        .success()
        .stdout("would import: 0 new, 1 updated, 1 unchanged\n");
    assert_eq!(dump(&db.path), after_first, "a dry run writes nothing");
    run(&changed, "imported: 0 new, 1 updated, 1 unchanged");
    pantau()
        .args(["audit", "--limit", "1", "--db"])
        .arg(&db.path)
        .assert()
        .stdout(contains("recorded: 10 → 11"));
}

#[test]
fn stock_movements_import_with_their_kinds() {
    let (db, store) = small_office();
    let file = write(
        db.dir.path(),
        "blangko.csv",
        "Tanggal;Jenis;Jumlah;BAST;Dari/Kepada;Catatan\n\
         03/10/2016;Penerimaan;2.000;001/BAST/2016;Ditjen Dukcapil;\n\
         04/10/2016;Dipinjamkan;300;;Kab. Pamekasan;'=pinjam\n\
         05/10/2016;Stok opname;1.690;;;\n",
    );
    let data = store.load().unwrap();
    let plan = plan(&data, &file, Some(Kind::Stock), today());
    assert!(plan.problems.is_empty(), "{:?}", plan.problems);
    assert_eq!(plan.events.len(), 3);
    assert_eq!(
        plan.events[1].note, "=pinjam",
        "the formula guard is removed"
    );
    drop(store);
    pantau()
        .args(["import", "--db"])
        .arg(&db.path)
        .arg(&file)
        .assert()
        .success()
        .stdout("imported: 3 new, 0 updated, 0 unchanged\n");
    let data = pantau::store::Store::open_read_only(&db.path)
        .unwrap()
        .load()
        .unwrap();
    assert_eq!(
        data.stock_card().balance_at_end_of(d("2016-10-05")),
        Some(1690)
    );
    let too_much = write(
        db.dir.path(),
        "lebih.csv",
        "tanggal;jenis;jumlah\n06/10/2016;rusak;5000\n",
    );
    pantau()
        .args(["import", "--db"])
        .arg(&db.path)
        .arg(&too_much)
        .assert()
        .code(1)
        .stdout(contains("lebih.csv, row 2, column jumlah: 2016-10-06: spoiled 5,000 would exceed blanks in stock (1,690)"));
}

#[test]
fn xlsx_with_real_dates_and_numbers_over_several_sheets() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let (db, store) = small_office();
    let file = db.dir.path().join("laporan.xlsx");
    let mut book = Workbook::new();
    let date_format = Format::new().set_num_format("dd/mm/yyyy");
    for (sheet_name, day, value) in [
        ("Oktober", 3, 120.0),
        ("Kosong", 0, 0.0),
        ("November", 1, 90.0),
    ] {
        let sheet = book.add_worksheet().set_name(sheet_name).unwrap();
        for (col, header) in ["Tanggal", "Kecamatan", "Perekaman", "Terkirim", "Cetak"]
            .iter()
            .enumerate()
        {
            sheet.write_string(0, col as u16, *header).unwrap();
        }
        if day == 0 {
            continue;
        }
        let month = if sheet_name == "Oktober" { 10 } else { 11 };
        let date = ExcelDateTime::from_ymd(2016, month, day).unwrap();
        sheet
            .write_datetime_with_format(1, 0, &date, &date_format)
            .unwrap();
        sheet.write_string(1, 1, "Torjun").unwrap();
        sheet.write_number(1, 2, value).unwrap();
        sheet.write_number(1, 3, value).unwrap();
        sheet.write_number(1, 4, 0.0).unwrap();
        sheet.write_string(2, 1, "Omben").unwrap();
        sheet.write_string(2, 0, "bukan tanggal").unwrap();
        for col in 2..5 {
            sheet.write_number(2, col, 0.0).unwrap();
        }
    }
    book.save(&file).unwrap();
    let data = store.load().unwrap();
    let result = plan(&data, &file, None, today());
    let problems: Vec<String> = result.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        problems,
        [
            "laporan.xlsx, sheet Oktober, row 3, column Tanggal: 'bukan tanggal' is not a date (use YYYY-MM-DD or DD/MM/YYYY)",
            "laporan.xlsx, sheet November, row 3, column Tanggal: 'bukan tanggal' is not a date (use YYYY-MM-DD or DD/MM/YYYY)",
        ]
    );
    assert_eq!(result.reports.len(), 2);
    assert_eq!(result.reports[0].date, d("2016-10-03"));
    assert_eq!(result.reports[1].date, d("2016-11-01"));
    assert_eq!(result.reports[1].counts.recorded, 90);
}

#[test]
fn export_then_import_into_a_fresh_database_gives_the_same_data() {
    let (db, mut store) = small_office();
    let mut with_formula = common::report(1, "2016-10-03", 10, 10, 0);
    with_formula.note = "=1+1 bukan rumus".to_string();
    store.save_report(&with_formula, today()).unwrap();
    store
        .save_report(&common::report(2, "2016-10-04", 7, 5, 0), today())
        .unwrap();
    let original = store.load().unwrap().reports;
    drop(store);
    let out = db.dir.path().join("ekspor.csv");
    pantau()
        .args(["export", "--db"])
        .arg(&db.path)
        .arg("--out")
        .arg(&out)
        .assert()
        .success()
        .stdout(contains("2 daily reports exported"));
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains(",'=1+1 bukan rumus"), "{text}");
    let fresh = common::temp_path("baru.pantau");
    pantau()
        .args(["init", "--office", "Uji", "--db"])
        .arg(&fresh.path)
        .arg("--units")
        .arg(write(db.dir.path(), "units.csv", "name\nTorjun\nOmben\n"))
        .assert()
        .success();
    pantau()
        .args(["import", "--db"])
        .arg(&fresh.path)
        .arg(&out)
        .assert()
        .success();
    let imported = pantau::store::Store::open_read_only(&fresh.path)
        .unwrap()
        .load()
        .unwrap()
        .reports;
    assert_eq!(imported, original);
}

#[test]
fn xlsx_export_has_real_dates_numbers_and_a_progress_chart() {
    use calamine::{Data, Reader};
    let (db, mut store) = small_office();
    store
        .set_target(&pantau::domain::Target {
            unit_id: 1,
            effective_from: d("2016-01-01"),
            wajib_ktp: 30_000,
        })
        .unwrap();
    let days = store
        .load()
        .unwrap()
        .calendar
        .working_days(d("2016-09-01"), d("2016-10-31"));
    let reports: Vec<_> = days
        .iter()
        .map(|day| common::report(1, &day.to_string(), 100, 90, 0))
        .collect();
    store.save_reports(&reports, today()).unwrap();
    drop(store);
    let out = db.dir.path().join("laporan.xlsx");
    pantau()
        .args(["--lang", "id", "export", "--db"])
        .arg(&db.path)
        .arg("--out")
        .arg(&out)
        .assert()
        .success()
        .stdout(contains(format!("{} laporan harian diekspor", days.len())));
    let mut book = calamine::open_workbook_auto(&out).unwrap();
    assert_eq!(
        book.sheet_names(),
        [
            "Laporan harian",
            "Saldo awal",
            "Ringkasan",
            "Blangko",
            "Riwayat perkiraan"
        ]
    );
    let reports = book.worksheet_range("Laporan harian").unwrap();
    assert_eq!(reports.height(), days.len() + 1);
    assert!(
        matches!(reports.get((1, 0)), Some(Data::DateTime(_))),
        "a real date"
    );
    assert_eq!(
        reports.get((1, 2)),
        Some(&Data::Float(100.0)),
        "a real number"
    );
    let summary = book.worksheet_range("Ringkasan").unwrap();
    assert_eq!(summary.get((1, 0)), Some(&Data::String("Omben".into())));
    let total_row = (1..summary.height())
        .find(|r| summary.get((*r, 0)) == Some(&Data::String("JUMLAH".into())))
        .unwrap();
    assert_eq!(
        summary.get((total_row, 2)),
        Some(&Data::Float(100.0 * days.len() as f64))
    );
    let slip = book.worksheet_range("Riwayat perkiraan").unwrap();
    assert_eq!(
        slip.height(),
        days.len() + 1,
        "one forecast per working day"
    );
    let bytes = std::fs::read(&out).unwrap();
    let has = |name: &str| bytes.windows(name.len()).any(|w| w == name.as_bytes());
    assert!(has("xl/charts/chart1.xml"), "a native Excel chart");
}

#[test]
fn a_cancelled_check_gives_no_plan_and_writes_nothing() {
    use pantau::io::import::{Cancelled, plan_with_progress};
    use pantau::progress::Progress;
    let (db, store) = small_office();
    let mut text = String::from("tanggal,kecamatan,perekaman,terkirim,cetak\n");
    let days = store
        .load()
        .unwrap()
        .calendar
        .working_days(d("2016-01-04"), d("2016-12-30"));
    for day in &days {
        text.push_str(&format!("{day},Torjun,10,10,0\n"));
    }
    let file = write(db.dir.path(), "besar.csv", &text);
    let data = store.load().unwrap();
    let progress = Progress::default();
    progress.cancel();
    assert_eq!(
        plan_with_progress(&data, &file, None, today(), &progress).unwrap_err(),
        Cancelled
    );
    let progress = Progress::default();
    let whole = plan_with_progress(&data, &file, None, today(), &progress).unwrap();
    assert_eq!(whole.new, days.len());
    assert_eq!(
        progress.get(),
        (days.len(), days.len()),
        "every row was counted"
    );
    drop(store);
}

/// A sheet of rows of (kind, value) cells as an ODS file.
fn write_ods(path: &std::path::Path, rows: &[Vec<(&str, &str)>]) {
    let rows: String = rows
        .iter()
        .map(|row| {
            let cells: String = row.iter().map(|(k, v)| common::ods_cell(k, v)).collect();
            format!("<table:table-row>{cells}</table:table-row>")
        })
        .collect();
    common::write_ods(path, &rows);
}

#[test]
fn ods_from_libreoffice_imports_with_its_dates_and_numbers() {
    let (db, store) = small_office();
    let file = db.dir.path().join("laporan.ods");
    let header = ["Tanggal", "Kecamatan", "Perekaman", "Terkirim", "Cetak"].map(|h| ("string", h));
    write_ods(
        &file,
        &[
            header.to_vec(),
            vec![
                ("date", "2016-10-05"),
                ("string", "Torjun"),
                ("float", "120"),
                ("float", "100"),
                ("float", "0"),
            ],
            vec![
                ("date", "2016-10-06"),
                ("string", "Omben"),
                ("float", "12.5"),
                ("float", "0"),
                ("float", "0"),
            ],
        ],
    );
    let data = store.load().unwrap();
    let result = plan(&data, &file, None, today());
    let problems: Vec<String> = result.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        problems,
        [
            "laporan.ods, sheet Laporan, row 3, column Perekaman: '12.5' has a fraction; counts are whole numbers"
        ]
    );
    assert_eq!(result.reports.len(), 1);
    assert_eq!(result.reports[0].date, d("2016-10-05"));
    assert_eq!(result.reports[0].counts.recorded, 120);
}

#[test]
fn the_blank_ledger_sheet_names_each_movement_and_imports_back_unchanged() {
    let db = temp_path("demo.pantau");
    pantau()
        .args(["demo", "--db"])
        .arg(&db.path)
        .assert()
        .success();
    use calamine::Reader;
    for (lang, sheet, receipt, sheets) in [
        (
            "id",
            "Blangko",
            "Penerimaan dari pusat",
            [
                "Laporan harian",
                "Saldo awal",
                "Ringkasan",
                "Blangko",
                "Riwayat perkiraan",
            ],
        ),
        (
            "en",
            "Blank cards",
            "Receipt from the centre",
            [
                "Daily reports",
                "Opening totals",
                "Summary",
                "Blank cards",
                "Forecast history",
            ],
        ),
    ] {
        let out = db.dir.path().join(format!("ekspor-{lang}.xlsx"));
        pantau()
            .args(["--lang", lang, "export", "--db"])
            .arg(&db.path)
            .arg("--out")
            .arg(&out)
            .assert()
            .success();
        let mut book = calamine::open_workbook_auto(&out).unwrap();
        assert_eq!(book.sheet_names(), sheets, "{lang}");
        let ledger = book.worksheet_range(sheet).unwrap();
        let kinds: Vec<String> = (1..ledger.height())
            .filter_map(|r| ledger.get((r, 1)).map(|c| c.to_string()))
            .collect();
        assert!(kinds.contains(&receipt.to_string()), "{kinds:?}");
        assert!(
            kinds.iter().all(|k| !k.contains('_') && k != "receipt"),
            "no internal codes: {kinds:?}"
        );
        // Pantau's own ledger is read back as the movements it holds, in either language:
        // nothing changes.
        let before = dump(&db.path);
        pantau()
            .args(["import", "--kind", "stock", "--db"])
            .arg(&db.path)
            .arg(&out)
            .assert()
            .success()
            .stdout(contains(format!(
                "0 new, 0 updated, {} unchanged",
                kinds.len()
            )));
        assert_eq!(dump(&db.path), before);
    }
}

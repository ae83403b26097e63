//! The recap sheets offices already keep — kecamatan rows × day (or month) columns under a title,
//! merged header cells, a total row, one sheet per measure — imported as the daily reports they
//! stand for, with the total row checked and never imported, and every refusal named.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use common::{d, ods_cell, pantau, write_ods_sheets};
use pantau::io::import::{Issue, Note, Options, parse_month, plan_with};
use pantau::progress::Progress;
use rust_xlsxwriter::{Format, Workbook};

const UNITS: [&str; 3] = ["Torjun", "Omben", "Sreseh"];

/// Each unit's figures on 3–6 October 2016 for a measure: recorded 100 + 10·unit + day,
/// sent 80 % of that, printed half.
fn figure(measure: &str, unit: usize, day: u32) -> u64 {
    let recorded = 100 + 10 * unit as u64 + u64::from(day);
    match measure {
        "Rekam" => recorded,
        "Terkirim" => recorded * 8 / 10,
        _ => recorded / 2,
    }
}

/// A workbook as a district office keeps one: per measure a sheet with a merged title and month
/// line, a two-row header ("Tanggal" merged over the days, "Kecamatan" merged down), a "No"
/// column, days 3 to 7 of which the 7th is not filled in yet, a "Jumlah" column and row, and a
/// signature below. `wrong_total` puts a total that does not add up in the Cetak sheet.
fn workbook(path: &Path, wrong_total: bool) {
    let mut book = Workbook::new();
    let merged = Format::new();
    for measure in ["Rekam", "Terkirim", "Cetak"] {
        let sheet = book.add_worksheet();
        sheet.set_name(measure).unwrap();
        let title = match measure {
            "Rekam" => "REKAPITULASI PEREKAMAN KTP-EL",
            "Terkirim" => "REKAPITULASI DATA TERKIRIM KE PUSAT",
            _ => "REKAPITULASI PENCETAKAN KTP-EL",
        };
        sheet.merge_range(0, 0, 0, 8, title, &merged).unwrap();
        sheet
            .merge_range(1, 0, 1, 8, "KABUPATEN UJI — BULAN OKTOBER 2016", &merged)
            .unwrap();
        sheet.merge_range(3, 0, 4, 0, "No", &merged).unwrap();
        sheet.merge_range(3, 1, 4, 1, "Kecamatan", &merged).unwrap();
        sheet.merge_range(3, 2, 3, 6, "Tanggal", &merged).unwrap();
        sheet.merge_range(3, 7, 4, 7, "Jumlah", &merged).unwrap();
        for (k, day) in (3..=7u32).enumerate() {
            sheet.write_number(4, 2 + k as u16, day).unwrap();
        }
        let mut sums = [0u64; 4];
        for (u, unit) in UNITS.iter().enumerate() {
            let row = 5 + u as u32;
            sheet.write_number(row, 0, (u + 1) as u32).unwrap();
            sheet.write_string(row, 1, *unit).unwrap();
            let mut total = 0;
            for (k, day) in (3..=6u32).enumerate() {
                let value = figure(measure, u, day);
                sheet.write_number(row, 2 + k as u16, value as f64).unwrap();
                sums[k] += value;
                total += value;
            }
            sheet.write_number(row, 7, total as f64).unwrap();
        }
        let total_row = 5 + UNITS.len() as u32;
        sheet.write_string(total_row, 1, "JUMLAH").unwrap();
        for (k, sum) in sums.iter().enumerate() {
            let shown = if wrong_total && measure == "Cetak" && k == 2 {
                sum + 10
            } else {
                *sum
            };
            sheet
                .write_number(total_row, 2 + k as u16, shown as f64)
                .unwrap();
        }
        sheet
            .write_string(total_row + 2, 5, "Sampang, 7 Oktober 2016")
            .unwrap();
        sheet
            .write_string(total_row + 3, 5, "Kepala Dinas")
            .unwrap();
    }
    book.save(path).unwrap();
}

fn plan(db: &Path, file: &Path, month: Option<&str>) -> pantau::io::import::Plan {
    let store = pantau::store::Store::open(db).unwrap();
    let data = store.load().unwrap();
    let options = Options {
        month: month.and_then(parse_month),
        ..Options::default()
    };
    plan_with(&data, file, &options, common::today(), &Progress::default()).unwrap()
}

/// What `pantau import` says, in Indonesian, when it refuses the file (on 7 October 2016).
fn refused_in_indonesian(db: &Path, file: &Path) -> String {
    let out = pantau()
        .args(["--lang", "id", "import", "--db"])
        .arg(db)
        .arg(file)
        .env("PANTAU_TODAY", "2016-10-07")
        .assert()
        .failure();
    let output = out.get_output();
    String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr)
}

fn report_count(db: &Path) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("SELECT count(*) FROM daily_report", [], |r| r.get(0))
        .unwrap()
}

/// The workbook becomes 3 units × 4 days of reports, each with the figure of its cell in every
/// sheet; the 7th (no figures yet) is left out and said so; the total row and column are
/// checked and no unit is called "JUMLAH"; the signature is not a unit.
#[test]
fn an_xlsx_recap_workbook_becomes_daily_reports() {
    let (db, store) = common::office_with(&UNITS);
    drop(store);
    let file = db.dir.path().join("rekap oktober.xlsx");
    workbook(&file, false);
    let p = plan(&db.path, &file, None);
    assert_eq!(p.problem_count, 0, "{:?}", p.problems);
    assert_eq!(p.reports.len(), 12, "{:?}", p.reports);
    let read: Vec<&Note> = p
        .notes
        .iter()
        .filter(|n| matches!(n, Note::RecapRead { .. }))
        .collect();
    assert_eq!(read.len(), 3, "{:?}", p.notes);
    assert!(read.iter().all(|n| matches!(
        n,
        Note::RecapRead {
            units: 3,
            days: 4,
            total_row: Some(9),
            monthly: false,
            ..
        }
    )));
    assert_eq!(
        p.notes
            .iter()
            .filter(|n| matches!(n, Note::RecapEmptyColumns { columns, .. } if columns == &["G"]))
            .count(),
        3
    );

    // Imported with the command line: the database holds each cell's figure.
    pantau()
        .args(["import", "--db"])
        .arg(&db.path)
        .arg(&file)
        .env("PANTAU_TODAY", "2016-10-07")
        .assert()
        .success();
    assert_eq!(report_count(&db.path), 12);
    let conn = rusqlite::Connection::open(&db.path).unwrap();
    let (recorded, sent, printed): (i64, i64, i64) = conn
        .query_row(
            "SELECT recorded, sent_to_central, printed FROM daily_report r JOIN unit u ON \
             u.id = r.unit_id WHERE u.name = 'Omben' AND r.date = '2016-10-05'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (recorded, sent, printed),
        (
            figure("Rekam", 1, 5) as i64,
            figure("Terkirim", 1, 5) as i64,
            figure("Cetak", 1, 5) as i64
        )
    );
    let units: i64 = conn
        .query_row(
            "SELECT count(*) FROM unit WHERE name LIKE '%JUMLAH%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(units, 0);
}

/// A total row that does not add up is refused by sheet, row and column with both figures,
/// and nothing is imported.
#[test]
fn a_total_that_does_not_add_up_is_refused_and_nothing_is_imported() {
    let (db, store) = common::office_with(&UNITS);
    drop(store);
    let file = db.dir.path().join("rekap.xlsx");
    workbook(&file, true);
    let p = plan(&db.path, &file, None);
    assert_eq!(p.problem_count, 1, "{:?}", p.problems);
    let problem = &p.problems[0];
    assert_eq!(problem.sheet.as_deref(), Some("Cetak"));
    assert_eq!(problem.row, Some(9));
    assert_eq!(problem.column.as_deref(), Some("E"));
    let sum: u64 = (0..3).map(|u| figure("Cetak", u, 5)).sum();
    assert_eq!(
        problem.issue,
        Issue::RecapTotal {
            total: sum + 10,
            sum
        }
    );
    let stderr = refused_in_indonesian(&db.path, &file);
    assert!(
        stderr.contains("lembar Cetak, baris 9, kolom E"),
        "{stderr}"
    );
    assert!(stderr.contains(&format!("{}", sum)), "{stderr}");
    assert_eq!(report_count(&db.path), 0);
}

fn ods_row(cells: &[String]) -> String {
    format!("<table:table-row>{}</table:table-row>", cells.concat())
}

fn text(t: &str) -> String {
    ods_cell("string", t)
}

fn number(n: u64) -> String {
    ods_cell("float", &n.to_string())
}

/// A title merged across the sheet, as LibreOffice writes it: the first cell spans, the rest
/// are covered.
fn merged_title(t: &str, span: usize) -> String {
    format!(
        r#"<table:table-row><table:table-cell table:number-columns-spanned="{span}" office:value-type="string"><text:p>{t}</text:p></table:table-cell><table:covered-table-cell table:number-columns-repeated="{}"/></table:table-row>"#,
        span - 1
    )
}

/// An ODS recap whose day columns are `1`, `2`, … with no month anywhere: refused until the
/// month is given, then imported for that month; the sheets' measures come from the titles,
/// in a workbook whose sheets are called Sheet1, Sheet2, Sheet3.
#[test]
fn an_ods_recap_without_a_month_asks_for_one() {
    let (db, store) = common::office_with(&UNITS);
    drop(store);
    let file = db.dir.path().join("rekap.ods");
    let sheets: Vec<(String, String)> = [
        ("Rekam", "PEREKAMAN"),
        ("Terkirim", "TERKIRIM"),
        ("Cetak", "PENCETAKAN"),
    ]
    .iter()
    .enumerate()
    .map(|(i, (measure, word))| {
        let mut rows = merged_title(&format!("REKAPITULASI {word} KTP-EL"), 5);
        rows.push_str(&ods_row(&[
            text("Kecamatan"),
            text("3"),
            text("4"),
            text("5"),
            text("Jumlah"),
        ]));
        let mut sums = [0u64; 3];
        for (u, unit) in UNITS.iter().enumerate() {
            let values: Vec<u64> = (3..=5).map(|day| figure(measure, u, day)).collect();
            for (s, v) in sums.iter_mut().zip(&values) {
                *s += v;
            }
            let mut cells = vec![text(unit)];
            cells.extend(values.iter().map(|v| number(*v)));
            cells.push(number(values.iter().sum()));
            rows.push_str(&ods_row(&cells));
        }
        let mut total = vec![text("Total")];
        total.extend(sums.iter().map(|s| number(*s)));
        rows.push_str(&ods_row(&total));
        (format!("Sheet{}", i + 1), rows)
    })
    .collect();
    let sheets: Vec<(&str, &str)> = sheets
        .iter()
        .map(|(n, r)| (n.as_str(), r.as_str()))
        .collect();
    write_ods_sheets(&file, &sheets);

    let p = plan(&db.path, &file, None);
    assert!(p.problem_count >= 3, "{:?}", p.problems);
    assert!(
        p.problems.iter().all(|pr| pr.issue == Issue::RecapNoMonth),
        "{:?}",
        p.problems
    );
    assert_eq!(p.problems[0].row, Some(2));
    assert_eq!(p.problems[0].column.as_deref(), Some("B"));

    let said = refused_in_indonesian(&db.path, &file);
    assert!(
        said.contains("lembar Sheet1, baris 2, kolom B") && said.contains("--month 2016-10"),
        "{said}"
    );
    assert_eq!(report_count(&db.path), 0);

    pantau()
        .args(["import", "--month", "2016-10", "--db"])
        .arg(&db.path)
        .arg(&file)
        .env("PANTAU_TODAY", "2016-10-07")
        .assert()
        .success();
    assert_eq!(report_count(&db.path), 9);
    let p = plan(&db.path, &file, Some("2016-10"));
    assert_eq!(p.unchanged, 9, "the same file again changes nothing");
    let store = pantau::store::Store::open(&db.path).unwrap();
    let data = store.load().unwrap();
    let torjun = data.units.iter().find(|u| u.name == "Torjun").unwrap().id;
    let report = &data.reports[&(torjun, d("2016-10-04"))];
    assert_eq!(report.counts.printed, figure("Cetak", 0, 4));
}

/// A monthly recap ("Agt 2016", "Sep 2016") in CSV, with a unit Pantau does not know and an
/// empty cell among figures: each refused by row and column, nothing imported; once mended,
/// each month's figure is the report of its last working day.
#[test]
fn a_monthly_recap_names_each_bad_cell_then_lands_on_the_months_last_working_day() {
    let (db, store) = common::office_with(&UNITS);
    drop(store);
    let file = db.dir.path().join("rekap bulanan.csv");
    let write = |body: &str| std::fs::write(&file, body).unwrap();
    let csv = |extra_unit: &str, omben_sep: &str| {
        let mut out = String::from("REKAP BULANAN KTP-EL,,\n,,\n");
        for measure in ["Rekam", "Terkirim", "Cetak"] {
            out.push_str(&format!("{measure},,\nKecamatan,Agt 2016,Sep 2016\n"));
            for (u, unit) in UNITS.iter().enumerate() {
                let sep = if *unit == "Omben" && measure == "Cetak" {
                    omben_sep.to_string()
                } else {
                    figure(measure, u, 30).to_string()
                };
                out.push_str(&format!("{unit},{},{sep}\n", figure(measure, u, 31)));
            }
            out.push_str(extra_unit);
            out.push_str(",,\n");
        }
        out
    };
    write(&csv("Kedungdung,5,6\n", ""));
    let p = plan(&db.path, &file, None);
    let places: Vec<(Option<usize>, Option<&str>)> = p
        .problems
        .iter()
        .map(|pr| (pr.row, pr.column.as_deref()))
        .collect();
    // Kedungdung in each block (lines 8, 15 and 22), Omben's empty September in the Cetak
    // block (line 20): nothing else.
    assert_eq!(
        places,
        vec![
            (Some(8), Some("A")),
            (Some(15), Some("A")),
            (Some(20), Some("C")),
            (Some(22), Some("A"))
        ],
        "{:?}",
        p.problems
    );
    pantau()
        .args(["import", "--db"])
        .arg(&db.path)
        .arg(&file)
        .env("PANTAU_TODAY", "2016-10-07")
        .assert()
        .failure();
    assert_eq!(report_count(&db.path), 0);

    write(&csv("", &figure("Cetak", 1, 30).to_string()));
    let p = plan(&db.path, &file, None);
    assert_eq!(p.problem_count, 0, "{:?}", p.problems);
    let dates: std::collections::BTreeSet<_> = p.reports.iter().map(|r| r.date).collect();
    // 31 August 2016 is a Wednesday; 30 September 2016 a Friday.
    assert_eq!(
        dates.into_iter().collect::<Vec<_>>(),
        vec![d("2016-08-31"), d("2016-09-30")]
    );
    assert!(
        p.notes
            .iter()
            .any(|n| matches!(n, Note::RecapRead { monthly: true, .. }))
    );
}

/// A month's template as offices print it: a row of column numbers under the header, and a
/// 31st column in November left empty — neither is a unit nor a day to refuse.
#[test]
fn a_templates_column_numbers_and_its_31st_of_november_are_passed_over() {
    let (db, store) = common::office_with(&UNITS);
    drop(store);
    let file = db.dir.path().join("november.csv");
    let mut csv = String::from("REKAPITULASI BULAN NOPEMBER 2016;;;;\n");
    for measure in ["Rekam", "Terkirim", "Cetak"] {
        csv.push_str(&format!(
            "{measure};;;;\nKecamatan;29;30;31;Jumlah\n(1);(2);(3);(4);(5)\n"
        ));
        for (u, unit) in UNITS.iter().enumerate() {
            let (a, b) = (figure(measure, u, 29), figure(measure, u, 30));
            csv.push_str(&format!("{unit};{a};{b};;{}\n", a + b));
        }
    }
    std::fs::write(&file, csv).unwrap();
    let p = plan(&db.path, &file, None);
    assert_eq!(p.problem_count, 0, "{:?}", p.problems);
    assert_eq!(p.reports.len(), 6);
    assert!(p.reports.iter().all(|r| r.date >= d("2016-11-29")));
}

/// A rule broken across sheets (more printed than sent) is refused at the report's row with the
/// printed figure's own cell, and nothing is imported.
#[test]
fn a_rule_broken_across_sheets_names_the_cell_that_breaks_it() {
    let (db, store) = common::office_with(&UNITS);
    drop(store);
    let file = db.dir.path().join("rekap.csv");
    let mut csv = String::from("REKAPITULASI OKTOBER 2016;;\n");
    for measure in ["Rekam", "Terkirim", "Cetak"] {
        csv.push_str(&format!("{measure};;\nKecamatan;3;4\n"));
        for (u, unit) in UNITS.iter().enumerate() {
            let broken = measure == "Cetak" && *unit == "Omben";
            let four = if broken {
                figure("Rekam", u, 4) * 3
            } else {
                figure(measure, u, 4)
            };
            csv.push_str(&format!("{unit};{};{four}\n", figure(measure, u, 3)));
        }
    }
    std::fs::write(&file, csv).unwrap();
    let p = plan(&db.path, &file, None);
    assert_eq!(p.problem_count, 1, "{:?}", p.problems);
    // Omben's Rekam row is line 5; its Cetak row line 15, column C.
    assert_eq!(p.problems[0].row, Some(5));
    assert_eq!(p.problems[0].column.as_deref(), Some("C15"));
    assert!(matches!(p.problems[0].issue, Issue::Rule(_)));
}

/// A misspelt kecamatan is one problem per block — its row still counts in the total below it,
/// so the total is not refused as well — and a report on Idul Fitri's holidays is taken with a
/// note naming them.
#[test]
fn a_misspelt_kecamatan_is_one_problem_and_holidays_are_named() {
    let (db, store) = common::office_with(&UNITS);
    drop(store);
    let file = db.dir.path().join("rekap juni.csv");
    let write = |unit_name: &str| {
        let mut csv = String::from("REKAPITULASI BULAN JUNI 2017;;;\n");
        for measure in ["Rekam", "Terkirim", "Cetak"] {
            csv.push_str(&format!("{measure};;;\nKecamatan;23;26;Jumlah\n"));
            let mut sums = [0u64; 2];
            for (u, unit) in UNITS.iter().enumerate() {
                let (a, b) = (figure(measure, u, 23), figure(measure, u, 26));
                sums[0] += a;
                sums[1] += b;
                let name = if *unit == "Torjun" { unit_name } else { unit };
                csv.push_str(&format!("{name};{a};{b};{}\n", a + b));
            }
            csv.push_str(&format!(
                "JUMLAH;{};{};{}\n",
                sums[0],
                sums[1],
                sums[0] + sums[1]
            ));
        }
        std::fs::write(&file, csv).unwrap();
    };
    write("Trojun");
    let p = plan(&db.path, &file, None);
    assert_eq!(p.problem_count, 3, "{:?}", p.problems);
    assert!(
        p.problems
            .iter()
            .all(|pr| matches!(&pr.issue, Issue::Rule(_)) && pr.column.as_deref() == Some("A")),
        "{:?}",
        p.problems
    );
    write("Torjun");
    let p = plan(&db.path, &file, None);
    assert_eq!(p.problem_count, 0, "{:?}", p.problems);
    assert!(
        p.notes.iter().any(|n| matches!(
            n,
            Note::RestDays { count: 3, holidays, .. } if holidays == &["Idul Fitri 1438 H"]
        )),
        "{:?}",
        p.notes
    );
}

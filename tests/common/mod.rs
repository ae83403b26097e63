//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod pg;
pub mod regimes;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use chrono::NaiveDate;
use pantau::domain::{Counts, DailyReport, NewUnit, Office, UnitKind};
use pantau::store::Store;
use rusqlite::Connection;

pub fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// A day long after every date the tests use.
pub fn today() -> NaiveDate {
    d("2026-01-01")
}

pub fn pantau() -> Command {
    let mut cmd = Command::cargo_bin("pantau").unwrap();
    cmd.env("USER", "petugas");
    // The words the tests look for are English unless a test asks for `--lang id`; the
    // default, Indonesian, has tests of its own.
    cmd.env("PANTAU_LANG", "en");
    cmd
}

pub struct TempDb {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
}

pub fn temp_path(name: &str) -> TempDb {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    TempDb { dir, path }
}

/// The 14 kecamatan of Sampang, in the order of the BPS table.
pub const SAMPANG_KECAMATAN: [&str; 14] = [
    "Sreseh",
    "Torjun",
    "Pangarengan",
    "Sampang",
    "Camplong",
    "Omben",
    "Kedungdung",
    "Jrengik",
    "Tambelangan",
    "Banyuates",
    "Robatal",
    "Karang Penang",
    "Ketapang",
    "Sokobanah",
];

/// A small office: Torjun, Omben and the district office, the default calendar.
pub fn small_office() -> (TempDb, Store) {
    office_with(&["Torjun", "Omben"])
}

/// A new office (no reports) with the 14 kecamatan of Sampang and the district office.
pub fn sampang_office() -> (TempDb, Store) {
    office_with(&SAMPANG_KECAMATAN)
}

/// A new office with these kecamatan and the district office, the default calendar.
pub fn office_with(kecamatan: &[&str]) -> (TempDb, Store) {
    let db = temp_path("kantor.pantau");
    let mut store = Store::create(&db.path).unwrap();
    store.set_user("petugas");
    let units: Vec<NewUnit> = kecamatan
        .iter()
        .map(|n| NewUnit {
            name: n.to_string(),
            code: None,
            kind: UnitKind::Kecamatan,
        })
        .chain([NewUnit {
            name: "Kantor Dispendukcapil".to_string(),
            code: None,
            kind: UnitKind::District,
        }])
        .collect();
    let holidays = pantau::domain::calendar::parse_holidays_csv(
        pantau::domain::calendar::DEFAULT_HOLIDAYS_CSV,
    )
    .unwrap();
    store
        .initialize(
            &Office {
                name: "Dispendukcapil Kabupaten Uji".to_string(),
                description: String::new(),
            },
            &units,
            &holidays,
        )
        .unwrap();
    (db, store)
}

pub fn report(unit_id: i64, date: &str, recorded: u64, sent: u64, printed: u64) -> DailyReport {
    DailyReport {
        unit_id,
        date: d(date),
        counts: Counts {
            recorded,
            sent_to_central: sent,
            printed,
            suket_issued: 0,
        },
        server_ok: true,
        note: String::new(),
        prr: None,
    }
}

/// Every row of every table, as text: what "the content of the database" means in tests.
pub fn dump(path: &Path) -> String {
    let conn =
        Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let mut tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    tables.sort();
    // The forecast cache is derived from the data and kept only to save time (the slip history
    // and the backtest write it as they finish, in the background): not what a user changed.
    tables.retain(|t| t != "forecast_cache");
    let mut out = String::new();
    for table in tables {
        out.push_str(&format!("== {table}\n"));
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM \"{table}\" ORDER BY 1, 2"))
            .unwrap();
        let columns = stmt.column_count();
        let rows = stmt
            .query_map([], |row| {
                let cells: Vec<String> = (0..columns)
                    .map(|i| format!("{:?}", row.get_ref(i).unwrap()))
                    .collect();
                Ok(cells.join("|"))
            })
            .unwrap();
        for row in rows {
            out.push_str(&row.unwrap());
            out.push('\n');
        }
    }
    let version: u32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    out.push_str(&format!("user_version {version}\n"));
    out
}

/// A one-unit office whose reports are given day by day, from Monday 2016-01-04 on every
/// weekday (no holidays), with an opening balance on 2016-01-01.
pub struct Scenario {
    pub data: pantau::domain::Dataset,
    pub days: Vec<NaiveDate>,
}

pub fn scenario(wajib_ktp: u64, opening: Counts, daily: &[Counts]) -> Scenario {
    use pantau::domain::{Dataset, OpeningBalance, Target, Unit};
    let mut data = Dataset::empty(Office {
        name: "Kabupaten Uji".to_string(),
        description: String::new(),
    });
    data.units.push(Unit {
        id: 1,
        name: "Uji".to_string(),
        code: None,
        kind: UnitKind::Kecamatan,
        active: true,
    });
    data.targets.push(Target {
        unit_id: 1,
        effective_from: d("2016-01-01"),
        wajib_ktp,
    });
    data.openings.insert(
        1,
        OpeningBalance {
            unit_id: 1,
            as_of: d("2016-01-01"),
            counts: opening,
        },
    );
    let days: Vec<NaiveDate> = data
        .calendar
        .working_days(d("2016-01-04"), d("2030-12-31"))
        .into_iter()
        .take(daily.len())
        .collect();
    for (date, counts) in days.iter().zip(daily) {
        data.put_report(DailyReport {
            unit_id: 1,
            date: *date,
            counts: *counts,
            server_ok: true,
            note: String::new(),
            prr: None,
        });
    }
    Scenario { data, days }
}

pub fn counts(recorded: u64, sent: u64, printed: u64) -> Counts {
    Counts {
        recorded,
        sent_to_central: sent,
        printed,
        suket_issued: 0,
    }
}

/// A minimal OpenDocument spreadsheet, as LibreOffice Calc writes one, whose one sheet
/// "Laporan" holds `rows` (`table:table-row` elements).
pub fn write_ods(path: &Path, rows: &str) {
    write_ods_sheets(path, &[("Laporan", rows)]);
}

/// A minimal OpenDocument spreadsheet with these sheets, each `(name, rows)`.
pub fn write_ods_sheets(path: &Path, sheets: &[(&str, &str)]) {
    use std::io::Write;
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut ods = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    ods.start_file("mimetype", stored).unwrap();
    ods.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    ods.start_file("META-INF/manifest.xml", stored).unwrap();
    ods.write_all(
        br#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"#,
    )
    .unwrap();
    let tables: String = sheets
        .iter()
        .map(|(name, rows)| format!(r#"<table:table table:name="{name}">{rows}</table:table>"#))
        .collect();
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>"#
    );
    ods.start_file("content.xml", stored).unwrap();
    ods.write_all(content.as_bytes()).unwrap();
    ods.finish().unwrap();
}

/// An ODS cell of a kind (`float`, `date` or text) and value.
pub fn ods_cell(kind: &str, value: &str) -> String {
    match kind {
        "float" => format!(
            r#"<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p></table:table-cell>"#
        ),
        "date" => format!(
            r#"<table:table-cell office:value-type="date" office:date-value="{value}"><text:p>{value}</text:p></table:table-cell>"#
        ),
        _ => format!(
            r#"<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>"#
        ),
    }
}

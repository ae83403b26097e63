//! A calendar for every year an office works in: the national holidays of 2016 through next
//! year come with the program, an office adds next year's decree from a file, and the
//! dashboard says when the year of today or of a forecast has no holidays at all.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A test that cannot go on says so by panicking.

mod common;
mod gui_support;

use chrono::Datelike;
use common::{d, dump, pantau};
use egui_kittest::kittest::Queryable;
use gui_support::*;
use pantau::domain::HolidayKind;
use pantau::domain::calendar::{Calendar, DEFAULT_HOLIDAYS_CSV, parse_holidays_csv};
use predicates::str::contains;

#[test]
fn the_shipped_calendar_covers_2016_through_2027_with_each_years_fixed_holidays() {
    let holidays = parse_holidays_csv(DEFAULT_HOLIDAYS_CSV).unwrap();
    let calendar = Calendar::new(holidays.clone());
    assert_eq!(holidays.len(), calendar.holidays().count(), "a date twice");
    for year in 2016..=2027 {
        for (month, day) in [(1, 1), (8, 17), (12, 25)] {
            let date = chrono::NaiveDate::from_ymd_opt(year, month, day).unwrap();
            let holiday = calendar.holiday(date).unwrap_or_else(|| panic!("{date}"));
            assert_eq!(holiday.kind, HolidayKind::Libur, "{date}");
        }
        let count = holidays.iter().filter(|h| h.date.year() == year).count();
        assert!((14..=30).contains(&count), "{year}: {count} days");
    }
    // The decrees' own days, where a computed calendar would be a day off: Idul Adha 2024 on
    // 17 June, Waisak 2023 moved to 4 June, the 2024 general election on 14 February.
    for date in ["2024-06-17", "2023-06-04", "2024-02-14"] {
        assert!(!calendar.is_working_day(d(date)), "{date}");
    }
    assert!(calendar.is_working_day(d("2024-06-19")));
    assert_eq!(
        calendar.holiday(d("2024-04-08")).unwrap().kind,
        HolidayKind::CutiBersama
    );
    assert_eq!(calendar.years_without_holidays(2015..=2028), [2015, 2028]);
}

/// An office whose database predates the longer calendar: holidays up to 2017 only, and one
/// of its own in 2026.
fn office_of_2017() -> common::TempDb {
    let (db, store) = common::small_office();
    drop(store);
    let conn = rusqlite::Connection::open(&db.path).unwrap();
    conn.execute("DELETE FROM holiday WHERE date >= '2018-01-01'", [])
        .unwrap();
    conn.execute(
        "INSERT INTO holiday (date, kind, name) VALUES ('2026-03-02', 'libur', 'Hari jadi')",
        [],
    )
    .unwrap();
    db
}

#[test]
fn holiday_fill_adds_only_the_years_the_calendar_has_none_in() {
    let db = office_of_2017();
    let fill = || {
        pantau()
            .args(["holiday", "fill", "--db"])
            .arg(&db.path)
            .assert()
            .success()
    };
    fill().stdout(
        "national holidays added for 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2027\n",
    );
    let store = pantau::store::Store::open_read_only(&db.path).unwrap();
    let calendar = store.load().unwrap().calendar;
    assert!(!calendar.is_working_day(d("2024-02-14")));
    // 2026 is kept as the office has it: its own day, none of the shipped ones.
    assert_eq!(calendar.holiday(d("2026-03-02")).unwrap().name, "Hari jadi");
    assert!(calendar.is_working_day(d("2026-08-17")));
    drop(store);
    let before = dump(&db.path);
    fill().stdout(contains("nothing added"));
    assert_eq!(dump(&db.path), before);
}

#[test]
fn next_years_decree_imports_from_a_file_whole_or_not_at_all() {
    let db = office_of_2017();
    let dir = &db.dir;
    let bad = dir.path().join("skb-2028-salah.csv");
    std::fs::write(
        &bad,
        "tanggal;jenis;keterangan\n\
         01/01/2028;libur;Tahun Baru Masehi\n\
         2028-01-26;cuti;Tahun Baru Imlek\n\
         2028-08-17;nasional;Hari Kemerdekaan\n\
         2028-01-01;libur;Tahun Baru\n\
         2028-12-25;libur;\n",
    )
    .unwrap();
    let before = dump(&db.path);
    pantau()
        .args(["holiday", "import", "--db"])
        .arg(&db.path)
        .arg(&bad)
        .assert()
        .code(1)
        .stdout(contains("row 4"))
        .stdout(contains(
            "'nasional' is not a kind of holiday (libur or cuti_bersama)",
        ))
        .stdout(contains("2028-01-01 is in the file twice (first in row 2)"))
        .stdout(contains("row 6"))
        .stdout(contains("the holiday has no name"))
        .stderr(contains("skb-2028-salah.csv"));
    assert_eq!(
        dump(&db.path),
        before,
        "a refused file changed the database"
    );

    let good = dir.path().join("skb-2028.csv");
    std::fs::write(
        &good,
        "tanggal;jenis;keterangan\n\
         01/01/2028;libur;Tahun Baru Masehi 2028\n\
         2028-01-26;cuti bersama;Tahun Baru Imlek\n\
         2026-03-02;libur;Hari Jadi Kabupaten\n",
    )
    .unwrap();
    pantau()
        .args(["holiday", "import", "--db"])
        .arg(&db.path)
        .arg(&good)
        .assert()
        .success()
        .stdout("holidays imported: 2 new, 1 renamed\n");
    let calendar = pantau::store::Store::open_read_only(&db.path)
        .unwrap()
        .load()
        .unwrap()
        .calendar;
    assert_eq!(
        calendar.holiday(d("2028-01-26")).unwrap().kind,
        HolidayKind::CutiBersama
    );
    assert_eq!(
        calendar.holiday(d("2026-03-02")).unwrap().name,
        "Hari Jadi Kabupaten"
    );
}

#[test]
fn the_dashboard_says_when_this_years_holidays_are_missing_and_adds_them_with_a_click() {
    let db = office_of_2017();
    let conn = rusqlite::Connection::open(&db.path).unwrap();
    conn.execute("DELETE FROM holiday WHERE date >= '2026-01-01'", [])
        .unwrap();
    drop(conn);
    // Today is in 2026, a year the calendar has no holiday in.
    let mut app = app_on(&db, "2026-03-04");
    app.wait_for_jobs();
    let mut harness = harness(app);
    harness.get_by_label_contains("Kalender belum memuat hari libur tahun 2026:");
    click(&mut harness, "Tambahkan libur nasional bawaan");
    assert!(
        harness.state().error.is_none(),
        "{:?}",
        harness.state().error
    );
    harness.get_by_label("Hari libur nasional ditambahkan untuk tahun 2018–2027");
    assert!(
        harness
            .query_by_label_contains("Kalender belum memuat hari libur tahun")
            .is_none()
    );
    let calendar = harness.state().store().unwrap().load().unwrap().calendar;
    assert!(!calendar.is_working_day(d("2027-08-17")));
}

//! After a save the screens tell the truth: the dashboard, Blangko and Laporan follow the data
//! to the day just saved unless the user picked a date, the forms default to the day being
//! worked on, and a wrong report can be deleted — in the grid, from the command line and across
//! the exchange. Driven as a clerk does it: typed keys, clicks on the real widgets; then the
//! database is read back.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A test that cannot go on says so by panicking.

mod common;
mod gui_support;

use common::{d, dump, pantau, report};
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gui_support::*;
use pantau::domain::{StockEvent, StockEventKind};
use pantau::locale::Lang;
use pantau::locale::fmt::{date_long, date_short};
use pantau::ui::app::{PantauApp, Screen};
use predicates::str::contains;

/// Today is Wednesday 5 October 2016: the grid opens on it.
const TODAY: &str = "2016-10-05";

/// Torjun, Omben and the district office, each with a report on Monday 3 October, and 2,000
/// blanks received that day.
fn office_with_a_monday() -> common::TempDb {
    let (db, mut store) = common::small_office();
    for unit in 1..=3 {
        store
            .save_report(&report(unit, "2016-10-03", 100, 90, 40), d(TODAY))
            .unwrap();
    }
    store
        .add_stock_event(
            &StockEvent {
                id: None,
                date: d("2016-10-03"),
                kind: StockEventKind::Receipt,
                quantity: 2_000,
                document: "001/BAST".to_string(),
                counterparty: String::new(),
                note: String::new(),
            },
            d(TODAY),
        )
        .unwrap();
    db
}

fn as_of(harness: &Harness<'_, PantauApp>) -> (chrono::NaiveDate, bool) {
    let view = harness.state().view().unwrap();
    (view.as_of, view.as_of_picked)
}

/// Types Wednesday's three rows in the grid and saves them with Ctrl+S.
fn type_wednesday(harness: &mut Harness<'_, PantauApp>, printed: u64) {
    let mut events = ctrl(Key::Num2);
    events.extend(day_typed(&[[50, 45, printed, 1]; 3]));
    events.extend(ctrl(Key::S));
    send_in_one_frame(harness, events);
    assert_eq!(
        stored_day(harness.state(), TODAY),
        vec![Some([50, 45, printed, 1]); 3]
    );
}

#[test]
fn the_dashboard_blangko_and_the_receipt_form_follow_the_day_just_saved() {
    let db = office_with_a_monday();
    let mut harness = harness(app_on(&db, TODAY));
    let monday = d("2016-10-03");
    assert_eq!(as_of(&harness), (monday, false));
    harness.get_by_label(&date_long(Lang::Id, monday));
    harness.get_by_label("(data terbaru)");

    type_wednesday(&mut harness, 30);
    show(&mut harness, Screen::Dashboard);
    let wednesday = d(TODAY);
    assert_eq!(
        as_of(&harness),
        (wednesday, false),
        "the view follows the data"
    );
    harness.get_by_label(&date_long(Lang::Id, wednesday));
    // 3 × 100 on Monday and 3 × 50 today.
    harness.get_by_label("450");

    // Blangko's header and its own ledger agree: 2,000 − 3 × 40 − 3 × 30.
    show(&mut harness, Screen::Stock);
    harness.get_by_label("Stok blangko: 1.790");
    assert_eq!(
        harness.get_all_by_label("1.790").count(),
        1,
        "the ledger's last balance"
    );
    // The receipt form defaults to the day being worked on, not to a view's old date.
    // The movement form's quantity is the first "Jumlah"; the announced deliveries' the second.
    harness.get_all_by_label("Jumlah").next().unwrap().focus();
    harness.run_steps(2);
    harness
        .get_all_by_label("Jumlah")
        .next()
        .unwrap()
        .type_text("500");
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::Button, "Simpan")
        .click();
    harness.run_steps(4);
    assert!(
        harness.state().error.is_none(),
        "{:?}",
        harness.state().error
    );
    let data = harness.state().store().unwrap().load().unwrap();
    let booked = data.stock_events.last().unwrap();
    assert_eq!((booked.date, booked.quantity), (wednesday, 500));
    harness.get_by_label("Stok blangko: 2.290");
}

/// An announced delivery typed wrong is refused under its own form (it was shown under the
/// movement form, the other column), nothing is stored; typed right, it is, and the message
/// goes.
#[test]
fn an_announced_delivery_refused_says_why_under_its_own_form() {
    let db = office_with_a_monday();
    let mut harness = harness(app_on(&db, TODAY));
    show(&mut harness, Screen::Stock);
    // The movement form's quantity field is the first "Jumlah"; the announced deliveries' the
    // second.
    let focus = |harness: &mut Harness<'_, PantauApp>| {
        harness
            .get_all_by_role_and_label(Role::TextInput, "Jumlah")
            .nth(1)
            .unwrap()
            .focus();
        harness.run_steps(2);
    };
    let type_quantity = |harness: &mut Harness<'_, PantauApp>, text: &str| {
        focus(harness);
        harness
            .get_all_by_role_and_label(Role::TextInput, "Jumlah")
            .nth(1)
            .unwrap()
            .type_text(text);
        harness.run_steps(2);
        harness
            .get_by_role_and_label(Role::Button, "Tambah")
            .click();
        harness.run_steps(4);
    };
    type_quantity(&mut harness, "lima ribu");
    let refused = harness.get_by_label_contains("bukan bilangan bulat");
    let (message_x, save_x) = (
        refused.rect().left(),
        harness
            .get_by_role_and_label(Role::Button, "Simpan")
            .rect()
            .left(),
    );
    let add_x = harness
        .get_by_role_and_label(Role::Button, "Tambah")
        .rect()
        .left();
    assert!(
        (message_x - add_x).abs() < (message_x - save_x).abs(),
        "the message at x {message_x} stands under \"Simpan\" ({save_x}), not \"Tambah\" ({add_x})"
    );
    let data = harness.state().store().unwrap().load().unwrap();
    assert!(data.planned_deliveries.is_empty());

    // The clerk clears the field and types it right.
    focus(&mut harness);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    harness.key_press(Key::Backspace);
    harness.run_steps(2);
    type_quantity(&mut harness, "5000");
    assert!(
        harness.state().error.is_none(),
        "{:?}",
        harness.state().error
    );
    let data = harness.state().store().unwrap().load().unwrap();
    let planned: Vec<_> = data
        .planned_deliveries
        .iter()
        .map(|p| (p.expected_on, p.quantity))
        .collect();
    assert_eq!(planned, [(d(TODAY), 5_000)]);
    assert!(
        harness
            .query_all_by_label_contains("bukan bilangan bulat")
            .next()
            .is_none()
    );
}

#[test]
fn a_picked_date_stays_after_a_save_and_one_click_goes_back_to_the_latest() {
    let db = office_with_a_monday();
    let mut harness = harness(app_on(&db, TODAY));
    type_wednesday(&mut harness, 30);
    show(&mut harness, Screen::Dashboard);
    // The head of office looks at Monday: the calendar, then the day.
    let calendar = format!("Kalender {}", date_short(Lang::Id, d(TODAY)));
    harness.get_by_label(&calendar).click();
    harness.run_steps(3);
    harness.get_by_role_and_label(Role::Button, "3").click();
    harness.run_steps(4);
    let monday = d("2016-10-03");
    assert_eq!(as_of(&harness), (monday, true));
    harness.get_by_label("(tanggal pilihan)");
    harness.get_by_label("300");

    // A correction of Wednesday leaves the picked Monday where it is, on every screen.
    type_wednesday(&mut harness, 31);
    assert_eq!(as_of(&harness), (monday, true));
    show(&mut harness, Screen::Reports);
    harness.get_by_label(&date_long(Lang::Id, monday));
    harness.get_by_label("(tanggal pilihan)");

    // One click back to the latest data, from Laporan; the dashboard follows.
    harness
        .get_by_role_and_label(Role::Button, "Ke data terbaru")
        .click();
    harness.run_steps(4);
    assert_eq!(as_of(&harness), (d(TODAY), false));
    show(&mut harness, Screen::Dashboard);
    harness.get_by_label("(data terbaru)");
    harness.get_by_label("450");
}

#[test]
fn a_saved_report_is_deleted_from_its_row_once_confirmed() {
    let db = office_with_a_monday();
    let mut harness = harness(app_on(&db, TODAY));
    type_wednesday(&mut harness, 30);
    harness.get_by_label("3 dari 3 unit sudah melapor untuk Rabu, 5 Oktober 2016");

    // "Hapus" asks first; "Batal" keeps the report.
    harness.get_by_label("Torjun Hapus").click();
    harness.run_steps(3);
    harness.get_by_label("Hapus laporan ini?");
    harness.get_by_label("Torjun Batal").click();
    harness.run_steps(3);
    assert!(harness.query_by_label("Hapus laporan ini?").is_none());
    assert_eq!(stored_day(harness.state(), TODAY)[0], Some([50, 45, 30, 1]));

    harness.get_by_label("Torjun Hapus").click();
    harness.run_steps(3);
    harness.get_by_label("Torjun Ya, hapus").click();
    harness.run_steps(4);
    assert!(
        harness.state().error.is_none(),
        "{:?}",
        harness.state().error
    );
    let data = harness.state().store().unwrap().load().unwrap();
    let wednesday: Vec<_> = data
        .reports
        .keys()
        .filter(|(_, date)| *date == d(TODAY))
        .map(|(unit, _)| data.unit_name(*unit))
        .collect();
    assert_eq!(wednesday, ["Omben", "Kantor Dispendukcapil"]);
    harness.get_by_label("Laporan Torjun, 5 Okt 2016 dihapus");
    harness.get_by_label("2 dari 3 unit sudah melapor untuk Rabu, 5 Oktober 2016");
    // The row is empty again, ready to be typed.
    let grid = &harness.state().entry.grid;
    let torjun = grid.rows.iter().find(|r| r.unit_name == "Torjun").unwrap();
    assert_eq!(torjun.cells, <[String; 8]>::default());
    assert!(torjun.stored.is_none());
    // The dashboard no longer counts it: 300 on Monday, 2 × 50 today.
    show(&mut harness, Screen::Dashboard);
    harness.get_by_label("400");
}

#[test]
fn a_deletion_that_breaks_a_later_day_is_refused_and_changes_nothing() {
    let (db, mut store) = common::small_office();
    // Monday's 100 recorded carry Tuesday's 80 sent: without Monday, Tuesday breaks the rule.
    store
        .save_report(&report(1, "2016-10-03", 100, 0, 0), d(TODAY))
        .unwrap();
    store
        .save_report(&report(1, "2016-10-04", 0, 80, 0), d(TODAY))
        .unwrap();
    drop(store);
    let before = dump(&db.path);
    let mut harness = harness(app_on(&db, TODAY));
    show(&mut harness, Screen::Entry);
    for _ in 0..2 {
        harness
            .get_by_role_and_label(Role::Button, "< Hari kerja sebelumnya")
            .click();
        harness.run_steps(3);
    }
    harness.get_by_label("Torjun Hapus").click();
    harness.run_steps(3);
    harness.get_by_label("Torjun Ya, hapus").click();
    harness.run_steps(4);
    let error = harness
        .state()
        .error
        .clone()
        .expect("the deletion is refused");
    assert!(error.contains("2016-10-04"), "{error}");
    drop(harness);
    assert!(
        dump(&db.path) == before,
        "the refused deletion changed the database"
    );
}

#[test]
fn delete_report_on_the_command_line_deletes_once_audits_and_refuses_the_rest() {
    let (db, mut store) = common::small_office();
    store
        .save_report(&report(1, "2016-10-03", 100, 0, 0), d(TODAY))
        .unwrap();
    store
        .save_report(&report(1, "2016-10-04", 20, 80, 0), d(TODAY))
        .unwrap();
    store
        .save_report(&report(2, "2016-10-04", 7, 0, 0), d(TODAY))
        .unwrap();
    drop(store);
    let refused = |args: &[&str], message: &str| {
        let before = dump(&db.path);
        pantau()
            .args(args)
            .arg("--db")
            .arg(&db.path)
            .assert()
            .code(1)
            .stdout("")
            .stderr(contains(message));
        assert_eq!(
            dump(&db.path),
            before,
            "pantau {args:?} changed the database"
        );
    };
    // Without Monday, Tuesday's 80 sent exceed the 20 recorded.
    refused(
        &["delete-report", "--unit", "torjun", "--date", "3/10/2016"],
        "exceed cumulative recorded 20 on 2016-10-04",
    );
    pantau()
        .args([
            "delete-report",
            "--unit",
            "omben",
            "--date",
            "4/10/2016",
            "--db",
        ])
        .arg(&db.path)
        .assert()
        .success()
        .stdout("Omben 2016-10-04: report deleted (recorded 7, sent 0, printed 0, suket 0)\n");
    refused(
        &["delete-report", "--unit", "Omben", "--date", "2016-10-04"],
        "Omben 2016-10-04: no report on that day; nothing deleted",
    );
    refused(
        &[
            "delete-report",
            "--unit",
            "Bangkalan",
            "--date",
            "2016-10-04",
        ],
        "unit 'Bangkalan' does not exist",
    );
    refused(
        &["delete-report", "--unit", "Omben", "--date", "31/02/2016"],
        "--date",
    );
    // In Indonesian too.
    pantau()
        .args([
            "delete-report",
            "--lang",
            "id",
            "--unit",
            "torjun",
            "--date",
            "2016-10-04",
        ])
        .arg("--db")
        .arg(&db.path)
        .assert()
        .success()
        .stdout("Torjun 2016-10-04: laporan dihapus (rekam 20, terkirim 80, cetak 0, suket 0)\n");
    // The audit trail names both deletions with what they held.
    let audit = pantau()
        .args(["audit", "--db"])
        .arg(&db.path)
        .output()
        .unwrap();
    let audit = String::from_utf8(audit.stdout).unwrap();
    assert_eq!(audit.matches("delete").count(), 2, "{audit}");
    let store = pantau::store::Store::open_read_only(&db.path).unwrap();
    let data = store.load().unwrap();
    let left: Vec<_> = data.reports.keys().collect();
    assert_eq!(left, [&(1, d("2016-10-03"))]);
}

#[test]
fn check_names_a_report_stored_on_its_units_opening_day() {
    let (db, mut store) = common::small_office();
    store
        .set_opening_balance(
            &pantau::domain::OpeningBalance {
                unit_id: 1,
                as_of: d("2016-09-30"),
                counts: common::counts(1_000, 900, 800),
            },
            d(TODAY),
        )
        .unwrap();
    drop(store);
    // A database from before the opening day's meaning was settled: its report of that day
    // counts it twice.
    let conn = rusqlite::Connection::open(&db.path).unwrap();
    conn.execute(
        "INSERT INTO daily_report (unit_id, date, recorded, sent_to_central, printed,
                                   suket_issued, server_ok, note)
         VALUES (1, '2016-09-30', 5, 5, 0, 0, 1, '')",
        [],
    )
    .unwrap();
    drop(conn);
    pantau()
        .args(["check", "--db"])
        .arg(&db.path)
        .assert()
        .code(1)
        .stdout(contains(
            "Torjun 2016-09-30: the unit's opening totals are its totals at the close of \
             2016-09-30; its daily reports start the day after",
        ));
    // Deleting it puts the database right.
    pantau()
        .args([
            "delete-report",
            "--unit",
            "Torjun",
            "--date",
            "2016-09-30",
            "--db",
        ])
        .arg(&db.path)
        .assert()
        .success();
    pantau()
        .args(["check", "--db"])
        .arg(&db.path)
        .assert()
        .success();
}

#[test]
fn a_target_that_looks_like_a_typo_is_saved_only_when_confirmed() {
    let (db, mut store) = common::small_office();
    store
        .save_report(&report(1, "2016-10-03", 100, 0, 0), d(TODAY))
        .unwrap();
    drop(store);
    let run = |args: &[&str]| {
        pantau()
            .args(["target", "set", "--unit", "Torjun"])
            .args(args)
            .arg("--db")
            .arg(&db.path)
            .assert()
    };
    let refused = |args: &[&str], message: &str| {
        let before = dump(&db.path);
        run(args)
            .code(1)
            .stdout("")
            .stderr(contains(message))
            .stderr(contains("run again with --confirm"));
        assert_eq!(
            dump(&db.path),
            before,
            "pantau target set {args:?} changed the database"
        );
    };
    run(&["--wajib", "31.904", "--from", "2016-01-01"]).success();
    refused(
        &["--wajib", "10", "--from", "2016-01-01"],
        "Torjun 2016-01-01: wajib KTP 10 is below the 100 residents the unit has already recorded",
    );
    refused(
        &["--wajib", "15.000", "--from", "2016-06-01"],
        "Torjun 2016-06-01: wajib KTP 15,000 is more than half away from the 31,904 in force",
    );
    // A revision within half is no typo.
    run(&["--wajib", "25.000", "--from", "2016-06-01"]).success();
    // Confirmed, a large change is saved.
    run(&["--wajib", "12.000", "--from", "2016-01-01", "--confirm"])
        .success()
        .stdout(contains("wajib KTP 12,000"));
    // A file's doubtful rows are named, and nothing of the file is saved.
    let file = db.dir.path().join("target.csv");
    std::fs::write(
        &file,
        "kecamatan;wajib;berlaku_mulai\nOmben;20.000;2016-01-01\nTorjun;50;2016-06-01\n",
    )
    .unwrap();
    let before = dump(&db.path);
    pantau()
        .args(["target", "import", "--db"])
        .arg(&db.path)
        .arg(&file)
        .assert()
        .code(1)
        .stderr(contains(
            "Torjun 2016-06-01: wajib KTP 50 is below the 100 residents the unit has already \
             recorded",
        ))
        .stderr(contains("1 target(s) not saved"));
    assert_eq!(dump(&db.path), before);
    pantau()
        .args(["target", "import", "--confirm", "--db"])
        .arg(&db.path)
        .arg(&file)
        .assert()
        .success();
}

#[test]
fn a_target_that_looks_like_a_typo_asks_first_and_a_decision_is_changed_only_explicitly() {
    let (db, mut store) = common::small_office();
    store
        .save_report(&report(1, "2016-10-03", 100, 0, 0), d(TODAY))
        .unwrap();
    let target = pantau::domain::Target {
        unit_id: 1,
        effective_from: d("2016-10-03"),
        wajib_ktp: 31_904,
    };
    store.set_target(&target).unwrap();
    let decision = pantau::domain::Deadline {
        decided_on: d("2016-05-01"),
        deadline: d("2016-09-30"),
        note: "awal".to_string(),
    };
    store.add_deadline(&decision, d(TODAY), false).unwrap();
    drop(store);
    let wajib = |harness: &Harness<'_, PantauApp>| {
        let data = harness.state().store().unwrap().load().unwrap();
        data.wajib_ktp(1, d(TODAY))
    };
    let mut harness = harness(app_on(&db, TODAY));
    show(&mut harness, Screen::Targets);
    // A revision within half of the figure is saved at once.
    retype(&mut harness, "Torjun Wajib KTP", "30.000");
    click(&mut harness, "Simpan (1)");
    assert_eq!(wajib(&harness), Some(30_000));
    // 10 typed for 30.000: asked, not saved; "Batal" keeps the stored figure.
    retype(&mut harness, "Torjun Wajib KTP", "10");
    click(&mut harness, "Simpan (1)");
    harness.get_by_label(
        "Torjun 2016-10-03: wajib KTP 10 di bawah 100 penduduk yang sudah direkam unit ini",
    );
    harness.get_by_label("Angka ini mungkin salah ketik. Simpan juga?");
    assert_eq!(wajib(&harness), Some(30_000));
    click(&mut harness, "Batal");
    assert!(harness.query_by_label("Simpan juga").is_none());
    assert_eq!(wajib(&harness), Some(30_000));
    // Asked again, and confirmed: saved.
    click(&mut harness, "Simpan (1)");
    click(&mut harness, "Simpan juga");
    assert!(
        harness.state().error.is_none(),
        "{:?}",
        harness.state().error
    );
    assert_eq!(wajib(&harness), Some(10));

    // Deadlines: "Ubah" puts a decision into the form; saving replaces that one only.
    click(&mut harness, "Riwayat tenggat");
    click(&mut harness, "Ubah");
    harness.get_by_label("Ubah keputusan 1 Mei 2016");
    // The note field (the table's heading says "Catatan" too).
    let note = || (Role::TextInput, "Catatan");
    harness.get_by_role_and_label(note().0, note().1).focus();
    harness.run_steps(1);
    harness.input_mut().events.extend(ctrl(Key::A));
    harness.run_steps(1);
    harness
        .get_by_role_and_label(note().0, note().1)
        .type_text("diperbaiki");
    harness.run_steps(2);
    click(&mut harness, "Simpan");
    let data = harness.state().store().unwrap().load().unwrap();
    assert_eq!(data.deadlines.len(), 1);
    assert_eq!(data.deadlines[0].note, "diperbaiki");
    assert_eq!(data.deadlines[0].deadline, d("2016-09-30"));
    // The same day again, without "Ubah": refused in the form, nothing replaced.
    let before = dump(&db.path);
    click(&mut harness, "Simpan");
    harness.get_by_label_contains("keputusan hari ini sudah menetapkan tenggat 30 Sep 2016");
    assert!(
        dump(&db.path) == before,
        "a decision was replaced without Ubah"
    );
}

#[test]
fn a_date_is_typed_as_offices_write_it_and_a_wrong_one_changes_nothing() {
    let db = office_with_a_monday();
    let mut harness = harness(app_on(&db, TODAY));
    type_wednesday(&mut harness, 30);
    show(&mut harness, Screen::Dashboard);
    let field = || (Role::TextInput, "Per tanggal");
    let type_date = |harness: &mut Harness<'_, PantauApp>, text: &str| {
        harness.get_by_role_and_label(field().0, field().1).focus();
        harness.run_steps(1);
        harness.input_mut().events.extend(ctrl(Key::A));
        harness.run_steps(1);
        let mut events = typed(text);
        events.extend(enter());
        harness.input_mut().events.extend(events);
        harness.run_steps(4);
    };
    for (text, date) in [
        ("3/10/2016", "2016-10-03"),
        ("2016-10-04", "2016-10-04"),
        ("3 Okt 2016", "2016-10-03"),
    ] {
        type_date(&mut harness, text);
        assert_eq!(as_of(&harness), (d(date), true), "{text}");
    }
    // Not a date: nothing moves, and the field keeps what was typed, marked.
    type_date(&mut harness, "31/02/2016");
    assert_eq!(as_of(&harness), (d("2016-10-03"), true));
    harness.get_by_role_and_label(field().0, field().1);
    assert!(harness.state().error.is_none());
}

/// The dates in the first column of a sheet of an XLSX file, under its header.
fn xlsx_dates(path: &std::path::Path, sheet: &str) -> Vec<chrono::NaiveDate> {
    use calamine::Reader;
    let mut book = calamine::open_workbook_auto(path).unwrap();
    let range = book.worksheet_range(sheet).unwrap();
    range
        .rows()
        .skip(1)
        .filter_map(|row| match &row[0] {
            calamine::Data::DateTime(serial) => {
                pantau::io::table::excel_serial_date(serial.as_f64())
            }
            _ => None,
        })
        .collect()
}

#[test]
fn the_workbook_written_for_a_picked_day_holds_only_what_was_known_on_it() {
    let db = office_with_a_monday();
    let mut app = app_on(&db, TODAY);
    let latest = db.dir.path().join("terbaru.xlsx");
    let monday_book = db.dir.path().join("senin.xlsx");
    app.dialogs = Box::new(pantau::ui::dialogs::ScriptedDialogs {
        answers: vec![latest.clone(), monday_book.clone()],
        ..Default::default()
    });
    let mut harness = harness(app);
    type_wednesday(&mut harness, 30);
    let export = |harness: &mut Harness<'_, PantauApp>| {
        show(harness, Screen::Reports);
        click(harness, "Ekspor ke Excel (.xlsx)…");
        run_until(harness, |app| app.tasks().next().is_none());
    };
    // Following the data: every day.
    export(&mut harness);
    let monday = d("2016-10-03");
    let wednesday = d(TODAY);
    assert_eq!(
        xlsx_dates(&latest, "Laporan harian"),
        [vec![monday; 3], vec![wednesday; 3]].concat()
    );
    // Monday picked on the dashboard: Monday's workbook, as the PDF would be.
    show(&mut harness, Screen::Dashboard);
    let calendar = format!("Kalender {}", date_short(Lang::Id, wednesday));
    harness.get_by_label(&calendar).click();
    harness.run_steps(3);
    harness.get_by_role_and_label(Role::Button, "3").click();
    harness.run_steps(4);
    assert_eq!(as_of(&harness), (monday, true));
    export(&mut harness);
    assert_eq!(xlsx_dates(&monday_book, "Laporan harian"), vec![monday; 3]);
    // The summary's totals are Monday's: 3 × 100 recorded (the total row last).
    use calamine::{DataType, Reader};
    let mut book = calamine::open_workbook_auto(&monday_book).unwrap();
    let summary = book.worksheet_range("Ringkasan").unwrap();
    let total = summary.rows().nth(4).unwrap();
    assert_eq!(total[2].as_f64(), Some(300.0), "{total:?}");
}

#[test]
fn a_date_typed_that_is_no_date_saves_nothing_on_any_form() {
    let db = office_with_a_monday();
    let mut harness = harness(app_on(&db, TODAY));
    let before = dump(&db.path);
    show(&mut harness, Screen::Stock);
    // The receipt's date typed half ("29 Nov 2"), the quantity, Simpan: refused, said, and
    // neither this date nor the one shown before is booked.
    retype_input(&mut harness, "Tanggal", "29 Okt 2x");
    let quantity = harness.get_all_by_label("Jumlah").next().unwrap();
    quantity.focus();
    harness.run_steps(2);
    harness
        .get_all_by_label("Jumlah")
        .next()
        .unwrap()
        .type_text("500");
    harness.run_steps(2);
    click(&mut harness, "Simpan");
    harness.get_by_label_contains("Tanggal: '29 Okt 2x' bukan tanggal");
    assert_eq!(dump(&db.path), before);
    // Corrected, it is booked on the day typed.
    retype_input(&mut harness, "Tanggal", "4 Okt 2016");
    click(&mut harness, "Simpan");
    let data = harness.state().store().unwrap().load().unwrap();
    let booked = data.stock_events.last().unwrap();
    assert_eq!((booked.date, booked.quantity), (d("2016-10-04"), 500));

    // An outage whose first day is no date.
    let before = dump(&db.path);
    show(&mut harness, Screen::Outages);
    retype_input(&mut harness, "Mulai", "kemarin");
    click(&mut harness, "Simpan");
    harness.get_by_label_contains("Mulai: 'kemarin' bukan tanggal");
    assert_eq!(dump(&db.path), before);

    // Targets for a day that is no date: the save waits, and says why.
    show(&mut harness, Screen::Targets);
    retype_input(&mut harness, "Berlaku mulai", "1/13/2016");
    retype(&mut harness, "Torjun Wajib KTP", "40.000");
    harness.get_by_label_contains("Berlaku mulai: '1/13/2016' bukan tanggal");
    {
        use egui_kittest::kittest::NodeT;
        let save = harness.get_by_role_and_label(Role::Button, "Simpan (1)");
        assert!(save.accesskit_node().is_disabled());
    }
    send_in_one_frame(&mut harness, ctrl(Key::S));
    assert_eq!(dump(&db.path), before);
}

#[test]
fn the_latest_day_says_who_has_not_reported_and_a_picked_days_ledger_ends_on_it() {
    let db = office_with_a_monday();
    let mut store = pantau::store::Store::open(&db.path).unwrap();
    for unit in 1..=2 {
        store
            .save_report(&report(unit, TODAY, 50, 45, 30), d(TODAY))
            .unwrap();
    }
    drop(store);
    let mut harness = harness(app_on(&db, TODAY));
    show(&mut harness, Screen::Dashboard);
    assert_eq!(as_of(&harness), (d(TODAY), false));
    harness.get_by_label("(data terbaru)");
    harness.get_by_label("· 2 dari 3 unit melapor hari itu");

    // Blangko for Monday: the header's balance and the ledger's last line agree, and the
    // ledger says what it leaves out.
    show(&mut harness, Screen::Stock);
    // 2,000 received, 3 × 40 printed on Monday, 2 × 30 on Wednesday.
    harness.get_by_label("Stok blangko: 1.820");
    // The first calendar is the day shown; the form's comes after it.
    let calendar = format!("Kalender {}", date_short(Lang::Id, d(TODAY)));
    harness.get_all_by_label(&calendar).next().unwrap().click();
    harness.run_steps(3);
    harness.get_by_role_and_label(Role::Button, "3").click();
    harness.run_steps(4);
    assert_eq!(as_of(&harness), (d("2016-10-03"), true));
    harness.get_by_label("Stok blangko: 1.880");
    harness.get_by_label(
        "1 baris sesudah 3 Okt 2016 tidak ditampilkan: kartu ini sampai tanggal pilihan.",
    );
    assert!(harness.query_by_label("1.820").is_none());
    harness.get_by_label("1.880");
    // Every unit reported on Monday: nothing to say.
    assert!(
        harness
            .query_by_label_contains("unit melapor hari itu")
            .is_none()
    );
}

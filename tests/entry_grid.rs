//! The daily entry grid under the input a clerk really produces: a whole day typed without
//! pauses arrives in one frame, corrections with Shift+Tab, blocks pasted from Excel, pastes
//! that do not fit. What counts is what the database holds afterwards.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A test that cannot go on says so by panicking.

mod common;
mod gui_support;

use common::{d, dump};
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use gui_support::*;
type Harness = egui_kittest::Harness<'static, pantau::ui::app::PantauApp>;
use pantau::ui::app::Screen;

/// Today is a Wednesday, so the grid opens on it.
const TODAY: &str = "2016-10-05";

#[test]
fn a_whole_day_typed_in_one_frame_lands_cell_by_cell() {
    let (db, store) = common::sampang_office();
    drop(store);
    let mut harness = harness(app_on(&db, TODAY));
    let day = figures(15);
    let mut events = ctrl(Key::Num2);
    events.extend(day_typed(&day));
    events.extend(ctrl(Key::S));
    send_in_one_frame(&mut harness, events);
    assert_eq!(harness.state().screen, Screen::Entry);
    let stored = stored_day(harness.state(), TODAY);
    let expected: Vec<Option<[u64; 4]>> = day.iter().copied().map(Some).collect();
    assert_eq!(stored, expected);
    harness.get_by_label("15 baris tersimpan");
    harness.get_by_label("15 dari 15 unit sudah melapor untuk Rabu, 5 Oktober 2016");
}

/// A weekend or holiday opened in the grid is not a day every unit failed to report: the line
/// says no report is expected, and names no one as late.
#[test]
fn a_rest_day_names_no_unit_as_late() {
    let (db, store) = common::office_with(&["Torjun", "Omben"]);
    drop(store);
    let mut harness = harness(app_on(&db, TODAY));
    send_in_one_frame(&mut harness, ctrl(Key::Num2));
    harness.get_by_label_contains("0 dari 3 unit sudah melapor untuk Rabu, 5 Oktober 2016");
    retype_input(&mut harness, "Tanggal", "2 Okt 2016");
    send_in_one_frame(&mut harness, enter());
    harness.get_by_label("Minggu, 2 Oktober 2016");
    harness.get_by_label(
        "Minggu, 2 Oktober 2016 bukan hari kerja: laporan tidak diharapkan (0 unit melapor)",
    );
    assert!(harness.query_by_label_contains("Belum melapor").is_none());
    assert!(
        harness
            .query_by_label_contains("unit sudah melapor")
            .is_none()
    );
}

#[test]
fn a_correction_with_shift_tab_replaces_the_cell_it_returns_to() {
    let (db, store) = common::sampang_office();
    drop(store);
    let mut harness = harness(app_on(&db, TODAY));
    let mut day = figures(15);
    let mut events = ctrl(Key::Num2);
    // The third row: Terkirim typed as 5, corrected to 93 after Cetak was begun.
    events.extend(day_typed(&day[..2]));
    events.extend(typed("103"));
    events.extend(tab());
    events.extend(typed("5"));
    events.extend(tab());
    events.extend(typed("4"));
    events.extend(shift_tab());
    events.extend(typed("93"));
    events.extend(tab());
    events.extend(typed("53"));
    events.extend(tab());
    events.extend(typed("3"));
    events.extend(enter());
    events.extend(day_typed(&day[3..]));
    events.extend(ctrl(Key::S));
    send_in_one_frame(&mut harness, events);
    day[2] = [103, 93, 53, 3];
    let expected: Vec<Option<[u64; 4]>> = day.iter().copied().map(Some).collect();
    assert_eq!(stored_day(harness.state(), TODAY), expected);
}

/// Rows of tab-separated cells as Excel puts them on the clipboard.
fn excel_block(rows: &[[u64; 4]]) -> String {
    rows.iter()
        .map(|r| {
            r.iter()
                .map(|v| pantau::domain::number::format_id(*v))
                .collect::<Vec<_>>()
                .join("\t")
        })
        .map(|line| line + "\r\n")
        .collect()
}

#[test]
fn a_block_pasted_from_excel_fills_fifteen_rows_and_four_columns() {
    let (db, store) = common::sampang_office();
    drop(store);
    let mut harness = harness(app_on(&db, TODAY));
    let day: Vec<[u64; 4]> = figures(15)
        .into_iter()
        .map(|[r, s, p, k]| [r * 20, s * 20, p * 10, k])
        .collect();
    let mut events = ctrl(Key::Num2);
    events.extend(paste(&excel_block(&day)));
    events.extend(ctrl(Key::S));
    send_in_one_frame(&mut harness, events);
    let expected: Vec<Option<[u64; 4]>> = day.iter().copied().map(Some).collect();
    assert_eq!(
        stored_day(harness.state(), TODAY),
        expected,
        "1.234 is read as a count, as when typed"
    );
}

#[test]
fn a_paste_that_does_not_fit_changes_nothing_and_says_why() {
    let (db, store) = common::sampang_office();
    drop(store);
    let before = dump(&db.path);
    let mut harness = harness(app_on(&db, TODAY));
    // Sixteen rows from the first cell: one too many.
    let mut events = ctrl(Key::Num2);
    events.extend(paste(&excel_block(&figures(16))));
    send_in_one_frame(&mut harness, events);
    harness.get_by_label_contains(
        "tempelan berisi 16 baris, tetapi dari sel ini ke bawah hanya ada 15 baris",
    );
    assert_eq!(
        harness.get_by_label("Banyuates Rekam").value().as_deref(),
        Some("")
    );
    // Five columns from Terkirim: Server OK takes the fourth, the note the fifth; a sixth is
    // too many.
    let mut events = tab();
    events.extend(paste("1\t2\t3\tya\tcatatan\tlebih\n"));
    send_in_one_frame(&mut harness, events);
    harness.get_by_label_contains(
        "baris 1 tempelan berisi 6 kolom, tetapi dari sel ini ke kanan hanya ada 5 kolom",
    );
    // A header row copied with the figures: refused at its line and column, nothing pasted.
    let mut events = key(Key::ArrowLeft, egui::Modifiers::NONE);
    events.extend(paste("10\t9\t8\t0\nRekam\tTerkirim\tCetak\tSuket\n"));
    send_in_one_frame(&mut harness, events);
    harness.get_by_label_contains(
        "baris 2 kolom 1 tempelan (Camplong, Rekam): 'Rekam' bukan bilangan bulat ≥ 0",
    );
    assert_eq!(
        harness.get_by_label("Banyuates Rekam").value().as_deref(),
        Some("")
    );
    assert_eq!(dump(&db.path), before, "nothing written");
}

#[test]
fn enter_escape_arrows_and_page_down_move_as_in_a_spreadsheet() {
    let (db, store) = common::office_with(&["Torjun", "Omben"]);
    drop(store);
    let mut harness = harness(app_on(&db, TODAY));
    let mut events = ctrl(Key::Num2);
    send_in_one_frame(&mut harness, std::mem::take(&mut events));
    // Today's grid: the next-day button is grey, and the words beside it say why.
    harness.get_by_label("Hari kerja berikutnya (Kamis, 6 Oktober 2016) belum tiba");
    // The grid lists kecamatan by name, the district office last: Omben, Torjun, Kantor.
    // Omben: a value, Escape puts the cell back (empty); then the day properly.
    events.extend(typed("77"));
    events.extend(key(Key::Escape, egui::Modifiers::NONE));
    events.extend(typed("12"));
    events.extend(tab());
    events.extend(typed("10"));
    events.extend(tab());
    events.extend(typed("0"));
    events.extend(tab());
    events.extend(typed("0"));
    // Tab to Server OK, Space marks the server down, Tab to the note.
    events.extend(tab());
    events.extend(key(Key::Space, egui::Modifiers::NONE));
    events.extend(tab());
    events.extend(typed("server mati"));
    events.extend(enter());
    // Torjun, then ↑ back to Omben's Rekam and ↓ again: the arrows keep the column.
    events.extend(typed("8"));
    events.extend(key(Key::ArrowUp, egui::Modifiers::NONE));
    events.extend(key(Key::ArrowDown, egui::Modifiers::NONE));
    events.extend(key(Key::ArrowRight, egui::Modifiers::NONE));
    events.extend(typed("8"));
    events.extend(tab());
    events.extend(typed("8"));
    events.extend(tab());
    events.extend(typed("1"));
    events.extend(enter());
    // The district office.
    events.extend(day_typed(&[[5, 5, 5, 0]]));
    events.extend(ctrl(Key::S));
    // PageDown would go to tomorrow, which has not come: the grid stays on today and says so.
    events.extend(key(Key::PageDown, egui::Modifiers::NONE));
    send_in_one_frame(&mut harness, events);
    harness.get_by_label_contains(
        "Kamis, 6 Oktober 2016 belum tiba: laporan harian diisi untuk hari ini (Rabu, 5 Oktober \
         2016) atau sebelumnya.",
    );
    harness.get_by_label("Rabu, 5 Oktober 2016");
    assert!(
        harness
            .query_by_label("Hari kerja berikutnya (Kamis, 6 Oktober 2016) belum tiba")
            .is_none(),
        "said once: the refusal says it"
    );
    assert!(
        harness
            .get_by_role_and_label(Role::Button, "Hari kerja berikutnya >")
            .accesskit_node()
            .is_disabled(),
        "tomorrow is not offered"
    );
    // The previous working day, where the keyboard is back in the first cell.
    let mut events = key(Key::PageUp, egui::Modifiers::NONE);
    events.extend(typed("3"));
    send_in_one_frame(&mut harness, events);
    assert_eq!(
        stored_day(harness.state(), TODAY),
        vec![Some([12, 10, 0, 0]), Some([8, 8, 8, 1]), Some([5, 5, 5, 0])]
    );
    let data = harness.state().store().unwrap().load().unwrap();
    let omben = &data.reports[&(data.unit_by_name("Omben").unwrap().id, d(TODAY))];
    assert!(!omben.server_ok);
    assert_eq!(omben.note, "server mati");
    harness.get_by_label("Selasa, 4 Oktober 2016");
    assert!(
        harness.query_by_label_contains("belum tiba").is_none(),
        "the refusal goes with the day it was made on"
    );
    assert_eq!(
        harness.get_by_label("Omben Rekam").value().as_deref(),
        Some("3")
    );
    // Esc takes the 3 back, PageDown returns to today: the refusal was answered and does not
    // come back; the words beside the grey button say why instead.
    let mut events = key(Key::Escape, egui::Modifiers::NONE);
    events.extend(key(Key::PageDown, egui::Modifiers::NONE));
    send_in_one_frame(&mut harness, events);
    harness.get_by_label("Rabu, 5 Oktober 2016");
    assert!(
        harness
            .query_by_label_contains("belum tiba: laporan harian")
            .is_none(),
        "an answered refusal stays gone"
    );
    harness.get_by_label("Hari kerja berikutnya (Kamis, 6 Oktober 2016) belum tiba");
}

#[test]
fn an_empty_cell_is_never_saved_as_zero() {
    let (db, store) = common::office_with(&["Torjun"]);
    drop(store);
    let before = dump(&db.path);
    let mut harness = harness(app_on(&db, TODAY));
    let mut events = ctrl(Key::Num2);
    events.extend(typed("12"));
    events.extend(enter());
    events.extend(ctrl(Key::S));
    send_in_one_frame(&mut harness, events);
    harness.get_by_label("Torjun 2016-10-05: Terkirim kosong; isi 0 bila tidak ada");
    harness.get_by_label_contains("Belum disimpan — perlu diperbaiki: Torjun");
    assert_eq!(dump(&db.path), before);
}

#[test]
fn saving_rows_that_need_a_note_says_which_ones() {
    let (_db, app) = demo_app();
    let mut harness = harness(app);
    let path = harness.state().store().unwrap().path().to_path_buf();
    let before = dump(&path);
    let mut events = ctrl(Key::Num2);
    // Camplong is the second row: far more than it ever records in a day.
    events.extend(key(Key::ArrowDown, egui::Modifiers::NONE));
    events.extend(typed("4000"));
    events.extend(ctrl(Key::S));
    send_in_one_frame(&mut harness, events);
    // In the row, cut to its line, and whole under the grid: the cursor is in that row.
    assert_eq!(
        harness
            .query_all_by_label_contains("Camplong 2017-06-23: Rekam 4.000 lebih dari")
            .count(),
        2
    );
    harness.get_by_label("Belum disimpan — perlu catatan: Camplong");
    assert!(
        harness
            .query_by_label("Tidak ada perubahan untuk disimpan")
            .is_none()
    );
    assert_eq!(dump(&path), before);
}

#[test]
fn the_screen_opens_ready_to_type_on_the_last_working_day() {
    let (db, store) = common::sampang_office();
    drop(store);
    // A Saturday: the grid opens on Friday.
    let mut harness = harness(app_on(&db, "2016-10-08"));
    harness
        .get_by_role_and_label(Role::Button, "Entri Harian")
        .click();
    harness.run_steps(3);
    harness.get_by_label("0 dari 15 unit sudah melapor untuk Jumat, 7 Oktober 2016");
    send_in_one_frame(&mut harness, typed("42"));
    assert_eq!(
        harness.get_by_label("Banyuates Rekam").value().as_deref(),
        Some("42")
    );
}

/// An office of 49 kecamatan and the district office: more rows than the grid shows at once.
fn fifty_units() -> common::TempDb {
    let names: Vec<String> = (1..=49).map(|n| format!("Kecamatan {n:02}")).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    common::office_with(&names).0
}

#[test]
fn fifty_units_typed_in_one_frame_scroll_along_with_the_cursor() {
    let db = fifty_units();
    let mut harness = harness(app_on(&db, TODAY));
    let day = figures(50);
    let mut events = ctrl(Key::Num2);
    events.extend(day_typed(&day));
    events.extend(ctrl(Key::S));
    send_in_one_frame(&mut harness, events);
    let expected: Vec<Option<[u64; 4]>> = day.iter().copied().map(Some).collect();
    assert_eq!(stored_day(harness.state(), TODAY), expected);
    // The last rows are in view now; the first ones are not drawn.
    harness.get_by_label("Kantor Dispendukcapil Rekam");
    assert!(harness.query_by_label("Kecamatan 01 Rekam").is_none());
    // The previous working day puts the keyboard back in the first row, which scrolls into
    // view in time for the digit typed right after.
    let mut events = key(Key::PageUp, egui::Modifiers::NONE);
    events.extend(typed("5"));
    send_in_one_frame(&mut harness, events);
    assert_eq!(
        harness
            .get_by_label("Kecamatan 01 Rekam")
            .value()
            .as_deref(),
        Some("5")
    );
}

#[test]
fn typing_after_scrolling_the_cursor_out_of_view_brings_it_back_and_lands_there() {
    let db = fifty_units();
    let mut harness = harness(app_on(&db, TODAY));
    send_in_one_frame(&mut harness, ctrl(Key::Num2));
    harness.get_by_label("Kecamatan 01 Rekam");
    // The wheel over the grid: the first rows, the cursor's among them, leave the view.
    let over_grid = harness
        .get_by_label("Kecamatan 02 Terkirim")
        .rect()
        .center();
    for _ in 0..5 {
        harness.input_mut().events.extend([
            egui::Event::PointerMoved(over_grid),
            egui::Event::MouseWheel {
                unit: egui::MouseWheelUnit::Point,
                delta: egui::vec2(0.0, -400.0),
                phase: egui::TouchPhase::Move,
                source: egui::MouseWheelSource::Unknown,
                modifiers: egui::Modifiers::NONE,
            },
        ]);
        harness.run_steps(2);
    }
    assert!(harness.query_by_label("Kecamatan 01 Rekam").is_none());
    // Typing goes to the cursor's cell, which comes back into view.
    send_in_one_frame(&mut harness, typed("17"));
    assert_eq!(
        harness
            .get_by_label("Kecamatan 01 Rekam")
            .value()
            .as_deref(),
        Some("17")
    );
}

#[test]
fn an_imported_outlier_is_listed_shown_and_explained_by_typing_a_note() {
    let (db, mut store) = common::sampang_office();
    let data = store.load().unwrap();
    let sampang = data.unit_by_name("Sampang").unwrap().id;
    // Three weeks of five a day, then a spike: an office's old spreadsheet, without notes.
    let mut csv = String::from("tanggal;kecamatan;perekaman;terkirim;cetak\n");
    for day in data.calendar.working_days(d("2016-09-12"), d("2016-10-04")) {
        csv.push_str(&format!("{day};Sampang;5;5;0\n"));
    }
    csv.push_str("2016-10-05;Sampang;200;200;0\n");
    let file = db.dir.path().join("riwayat.csv");
    std::fs::write(&file, csv).unwrap();
    let plan = pantau::io::import::plan(&data, &file, None, common::today());
    assert_eq!(plan.flagged.len(), 1, "{:?}", plan.problems);
    store
        .import(&plan.reports, &plan.events, &plan.source, common::today())
        .unwrap();
    drop(store);

    let mut harness = harness(app_on(&db, "2016-10-07"));
    send_in_one_frame(&mut harness, ctrl(Key::Num2));
    harness.get_by_label_contains("Lonjakan dari impor yang belum diberi catatan (1)");
    harness
        .get_by_label("Rabu, 5 Oktober 2016 — Sampang")
        .click();
    harness.run_steps(3);
    assert_eq!(harness.state().entry.grid.date, Some(d("2016-10-05")));
    // In the row and, whole, under the grid: the keyboard is in that row.
    assert_eq!(
        harness
            .query_all_by_label_contains(
                "Dari impor, belum ada catatan: Sampang 2016-10-05: Rekam 200 lebih dari 3× median",
            )
            .count(),
        2
    );
    // The keyboard is in Sampang's note: the clerk types the reason and saves.
    let mut events = typed("antrean panjang");
    events.extend(ctrl(Key::S));
    send_in_one_frame(&mut harness, events);
    let data = harness.state().view().unwrap().data.clone();
    assert_eq!(
        data.reports[&(sampang, d("2016-10-05"))].note,
        "antrean panjang"
    );
    assert!(data.unexplained.is_empty(), "the flag went with the note");
    assert!(
        harness
            .query_by_label_contains("Lonjakan dari impor yang belum diberi catatan")
            .is_none()
    );
    let conn = rusqlite::Connection::open(&db.path).unwrap();
    let flagged: i64 = conn
        .query_row(
            "SELECT count(*) FROM daily_report WHERE unexplained = 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(flagged, 0);
}

#[test]
fn a_unit_with_a_short_history_is_said_to_have_no_outlier_check_yet() {
    let (db, store) = common::sampang_office();
    drop(store);
    let mut harness = harness(app_on(&db, TODAY));
    send_in_one_frame(&mut harness, ctrl(Key::Num2));
    harness.get_by_label_contains("Lonjakan belum diperiksa untuk semua unit: riwayatnya belum 10");
}

#[test]
fn a_note_too_long_is_refused_in_the_grid_not_cut() {
    let (db, store) = common::office_with(&["Torjun"]);
    drop(store);
    let before = dump(&db.path);
    let mut harness = harness(app_on(&db, TODAY));
    let mut events = ctrl(Key::Num2);
    for value in ["12", "10", "0", "0"] {
        events.extend(typed(value));
        events.extend(tab());
    }
    events.extend(tab());
    events.extend(paste(&"panjang ".repeat(80)));
    events.extend(ctrl(Key::S));
    send_in_one_frame(&mut harness, events);
    assert_eq!(
        harness
            .query_all_by_label_contains("Torjun 2016-10-05: catatan berisi 6")
            .count(),
        2
    );
    assert_eq!(
        harness
            .query_all_by_label_contains("karakter; paling banyak 500")
            .count(),
        2
    );
    harness.get_by_label_contains("Belum disimpan — perlu diperbaiki: Torjun");
    assert_eq!(dump(&db.path), before);
}

fn active_unit_names(db: &common::TempDb) -> Vec<String> {
    let store = pantau::store::Store::open(&db.path).unwrap();
    let data = store.load().unwrap();
    data.units
        .iter()
        .filter(|u| u.active)
        .map(|u| u.name.clone())
        .collect()
}

#[test]
fn fifteen_units_fit_at_1366_by_768_with_the_calendar_folded_under_them() {
    let (db, store) = common::sampang_office();
    drop(store);
    let names = active_unit_names(&db);
    assert_eq!(names.len(), 15);
    let mut harness = harness_sized(app_on(&db, TODAY), egui::vec2(1366.0, 768.0));
    send_in_one_frame(&mut harness, ctrl(Key::Num2));
    for name in &names {
        let rect = harness.get_by_label(&format!("{name} Rekam")).rect();
        assert!(rect.max.y <= 768.0, "{name}'s row is cut off: {rect:?}");
    }
    let save = harness
        .get_by_role_and_label(Role::Button, "Simpan (0)")
        .rect();
    assert!(save.max.y <= 768.0, "the save button is cut off: {save:?}");
    // The calendar is folded under the grid; its title opens it.
    assert!(harness.query_by_label("Sen").is_none());
    click(&mut harness, "Kalender laporan — Oktober 2016");
    harness.get_by_label("Sen");
    harness.get_by_role_and_label(Role::Button, "5").click();
    harness.run_steps(3);
    assert_eq!(harness.state().entry.grid.date, Some(d("2016-10-05")));
}

#[test]
fn a_wide_window_shows_the_calendar_beside_the_grid() {
    let (db, store) = common::sampang_office();
    drop(store);
    let mut harness = harness_sized(app_on(&db, TODAY), egui::vec2(1920.0, 1040.0));
    send_in_one_frame(&mut harness, ctrl(Key::Num2));
    let note = harness.get_by_label("Torjun Catatan").rect();
    let monday = harness.get_by_label("Sen").rect();
    assert!(
        monday.min.x > note.max.x,
        "{monday:?} is not right of {note:?}"
    );
    assert!(
        monday.min.y < note.min.y,
        "the calendar starts beside the first rows"
    );
}

#[test]
fn a_message_never_moves_the_rows_under_it() {
    let (db, store) = common::sampang_office();
    drop(store);
    let names = active_unit_names(&db);
    let mut harness = harness_sized(app_on(&db, TODAY), egui::vec2(1366.0, 768.0));
    send_in_one_frame(&mut harness, ctrl(Key::Num2));
    let tops = |harness: &Harness| -> Vec<f32> {
        names
            .iter()
            .map(|n| harness.get_by_label(&format!("{n} Rekam")).rect().min.y)
            .collect()
    };
    let before = tops(&harness);
    // A refusal in the first row: its message is long, far longer than the column.
    let mut events = typed("12x");
    events.extend(tab());
    events.extend(typed("99999999"));
    send_in_one_frame(&mut harness, events);
    let message = format!("{} 2016-10-05: Rekam '12x' bukan bilangan bulat", names[0]);
    // Cut to the row's line in the row, whole under the grid (the cursor is in that row).
    assert_eq!(harness.query_all_by_label_contains(&message).count(), 2);
    assert_eq!(tops(&harness), before);
}

#[test]
fn saved_figures_keep_their_thousands_separators() {
    let (db, store) = common::office_with(&["Torjun"]);
    drop(store);
    let mut harness = harness(app_on(&db, TODAY));
    let mut events = ctrl(Key::Num2);
    for value in ["1.240", "1240", "0", "12"] {
        events.extend(typed(value));
        events.extend(tab());
    }
    events.extend(ctrl(Key::S));
    send_in_one_frame(&mut harness, events);
    assert_eq!(
        stored_day(harness.state(), TODAY)[0],
        Some([1240, 1240, 0, 12])
    );
    harness.get_by_label("1 baris tersimpan");
    let shown = |harness: &Harness, column: &str| {
        harness
            .get_by_label(&format!("Torjun {column}"))
            .value()
            .unwrap()
    };
    assert_eq!(shown(&harness, "Rekam"), "1.240");
    assert_eq!(shown(&harness, "Terkirim"), "1.240");
    // As stored: nothing waits to be saved, and the row can be deleted.
    harness.get_by_role_and_label(Role::Button, "Simpan (0)");
    harness.get_by_label("Torjun Hapus");
    // English writes the same count its own way.
    click(&mut harness, "English");
    assert_eq!(shown(&harness, "Recorded"), "1,240");
    harness.get_by_role_and_label(Role::Button, "Save (0)");
}

#[test]
fn a_new_office_on_a_weekend_is_told_when_its_daily_reports_start() {
    // Opening totals at the close of Friday 2 December 2022; today is Sunday the 4th.
    let (db, mut store) = common::office_with(&["Torjun"]);
    let torjun = store.load().unwrap().find_unit("Torjun").unwrap().id;
    store
        .set_opening_balance(
            &pantau::domain::OpeningBalance {
                unit_id: torjun,
                as_of: d("2022-12-02"),
                counts: common::counts(1_000, 900, 800),
            },
            d("2022-12-04"),
        )
        .unwrap();
    drop(store);
    let mut harness = harness(app_on(&db, "2022-12-04"));
    send_in_one_frame(&mut harness, ctrl(Key::Num2));
    assert_eq!(harness.state().entry.grid.date, Some(d("2022-12-02")));
    harness.get_by_label(
        "Tanggal ini sudah tercakup saldo awal: laporan harian dimulai Senin, 5 Desember 2022.",
    );
    assert!(
        harness
            .query_by_label_contains("unit sudah melapor")
            .is_none()
    );
}

//! The entry grid of an office that counts the centre's stage (PRR, DUP, Efac, Efac retaken):
//! the setting turned on in Pengaturan with a click, the four columns in the grid, a whole day
//! of eight numbers a row typed in one frame, a row whose printing exceeds its PRR refused on
//! the PRR cell while the others are saved — and what the database holds after.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod gui_support;

use common::d;
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use gui_support::*;
use pantau::domain::PrrCounts;
use pantau::ui::app::Screen;

const TODAY: &str = "2016-10-05";

/// A row typed as a clerk does: eight numbers with Tab between them, Enter after the last.
fn row_typed(values: &[u64; 8]) -> Vec<egui::Event> {
    let mut events = Vec::new();
    for (i, value) in values.iter().enumerate() {
        events.extend(typed(&value.to_string()));
        events.extend(if i < 7 { tab() } else { enter() });
    }
    events
}

#[test]
fn the_setting_adds_the_stage_columns_and_a_day_typed_in_one_frame_stores_them() {
    let (db, store) = common::small_office();
    drop(store);
    let mut harness = harness(app_on(&db, TODAY));
    // Without the setting, no PRR column.
    harness.state_mut().show_screen(Screen::Entry);
    harness.run_steps(3);
    harness.get_by_label("Torjun Rekam");
    assert!(harness.query_by_label("Torjun PRR").is_none());

    // Pengaturan: the clerk ticks the setting and saves.
    harness.state_mut().show_screen(Screen::Settings);
    harness.run_steps(3);
    harness
        .get_by_role_and_label(Role::CheckBox, "Mencatat PRR, DUP dan Efac setiap hari")
        .click();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::Button, "Simpan")
        .click();
    harness.run_steps(3);
    assert!(
        harness.state().error.is_none(),
        "{:?}",
        harness.state().error
    );
    assert!(harness.state().view().unwrap().data.settings.counts_prr);

    // The rows: Omben, Torjun, the district office. Recorded, sent, printed, suket, PRR, DUP,
    // Efac, retaken; Omben prints more than its PRR. The district office's row stays empty.
    let omben = [80, 70, 50, 2, 40, 0, 0, 0];
    let torjun = [120, 100, 30, 4, 60, 2, 1, 0];
    let mut events = ctrl(Key::Num2);
    events.extend(row_typed(&omben));
    events.extend(row_typed(&torjun));
    events.extend(ctrl(Key::S));
    send_in_one_frame(&mut harness, events);
    harness.run_steps(3);

    let data = harness.state().store().unwrap().load().unwrap();
    let unit = |name: &str| data.find_unit(name).unwrap().id;
    let saved = data
        .reports
        .get(&(unit("Torjun"), d(TODAY)))
        .expect("Torjun saved");
    assert_eq!(
        [
            saved.counts.recorded,
            saved.counts.sent_to_central,
            saved.counts.printed,
            saved.counts.suket_issued
        ],
        [120, 100, 30, 4]
    );
    assert_eq!(
        saved.prr,
        Some(PrrCounts {
            prr: 60,
            dup: 2,
            efac: 1,
            efac_retaken: 0
        })
    );
    assert!(
        !data.reports.contains_key(&(unit("Omben"), d(TODAY))),
        "Omben's row is refused, not saved"
    );
    // Omben's row says why, on its PRR cell, and keeps what was typed.
    harness.get_by_label_contains("total Cetak 50 akan melebihi total PRR 40");
    assert_eq!(
        harness.get_by_label("Omben PRR").value().as_deref(),
        Some("40")
    );

    // Corrected: PRR 50. Saved, and the dashboard's view has it.
    let mut events = vec![];
    harness.get_by_label("Omben PRR").click();
    harness.run_steps(2);
    events.extend(ctrl(Key::A));
    events.extend(typed("50"));
    events.extend(ctrl(Key::S));
    send_in_one_frame(&mut harness, events);
    harness.run_steps(3);
    let data = harness.state().store().unwrap().load().unwrap();
    let omben_saved = data.reports.get(&(unit("Omben"), d(TODAY))).unwrap();
    assert_eq!(omben_saved.prr.map(|p| p.prr), Some(50));
    let summary = pantau::domain::summary::summarize(&data, d(TODAY));
    let total = summary.total.centre.expect("every unit's PRR is known");
    assert_eq!(total.prr, 110);
    assert_eq!(total.prr_waiting, 110 - 80);
}

#[test]
fn a_row_without_its_stage_is_refused_where_the_office_counts_it() {
    let (db, mut store) = common::small_office();
    let mut settings = store.load().unwrap().settings.clone();
    settings.counts_prr = true;
    store.save_settings(&settings).unwrap();
    drop(store);
    let before = common::dump(&db.path);
    let mut harness = harness(app_on(&db, TODAY));
    let mut events = ctrl(Key::Num2);
    // Four counts, then straight to the next row: the stage cells stay empty.
    for value in [120, 100, 30, 4] {
        events.extend(typed(&value.to_string()));
        events.extend(tab());
    }
    events.extend(ctrl(Key::S));
    send_in_one_frame(&mut harness, events);
    harness.run_steps(3);
    row_message(
        &harness,
        "PRR, DUP dan Efac belum diisi; kantor ini mencatatnya",
    );
    assert_eq!(common::dump(&db.path), before, "nothing saved");
}

/// An office with data that starts counting PRR: the setting is refused until each unit has
/// its PRR start, typed in Target & Tenggat → Awal PRR in one frame; then it is taken, and the
/// dashboard's figures have PRR.
#[test]
fn an_office_with_data_gives_its_prr_starts_in_a_grid_then_counts_prr() {
    let (db, mut store) = common::small_office();
    let data = store.load().unwrap();
    for name in ["Omben", "Torjun"] {
        let report = pantau::domain::DailyReport {
            unit_id: data.find_unit(name).unwrap().id,
            date: d("2016-10-04"),
            counts: pantau::domain::Counts {
                recorded: 100,
                sent_to_central: 90,
                printed: 30,
                suket_issued: 0,
            },
            server_ok: true,
            note: String::new(),
            prr: None,
        };
        store.save_report(&report, d(TODAY)).unwrap();
    }
    drop(store);
    let mut harness = harness(app_on(&db, TODAY));

    // Ticked first: refused, naming the unit whose day lacks it.
    show(&mut harness, Screen::Settings);
    harness
        .get_by_role_and_label(Role::CheckBox, "Mencatat PRR, DUP dan Efac setiap hari")
        .click();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::Button, "Simpan")
        .click();
    harness.run_steps(3);
    let error = harness.state().error.clone().unwrap_or_default();
    assert!(error.contains("PRR, DUP dan Efac belum diisi"), "{error}");
    assert!(!harness.state().view().unwrap().data.settings.counts_prr);
    harness.state_mut().error = None;

    // The PRR starts, Omben's row then Torjun's, typed at once.
    show(&mut harness, Screen::Targets);
    click(&mut harness, "Awal PRR");
    harness.get_by_label("Omben Per tanggal").focus();
    harness.run_steps(2);
    let mut events = Vec::new();
    for (n, row) in [
        ["04/10/2016", "60", "1", "2", "1"],
        ["04/10/2016", "45", "0", "0", "0"],
    ]
    .iter()
    .enumerate()
    {
        for (i, cell) in row.iter().enumerate() {
            events.extend(typed(cell));
            if i < 4 {
                events.extend(tab());
            } else if n == 0 {
                events.extend(enter());
            }
        }
    }
    send_in_one_frame(&mut harness, events);
    click(&mut harness, "Simpan (2)");
    assert!(
        harness.state().error.is_none(),
        "{:?}",
        harness.state().error
    );

    // Now the setting is taken, and the figures have PRR.
    show(&mut harness, Screen::Settings);
    harness
        .get_by_role_and_label(Role::CheckBox, "Mencatat PRR, DUP dan Efac setiap hari")
        .click();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::Button, "Simpan")
        .click();
    harness.run_steps(3);
    assert!(
        harness.state().error.is_none(),
        "{:?}",
        harness.state().error
    );
    let view = harness.state().view().unwrap();
    assert!(view.data.settings.counts_prr);
    let centre = view
        .summary
        .total
        .centre
        .expect("every unit's PRR is known");
    assert_eq!((centre.prr, centre.dup, centre.efac), (105, 1, 2));
    assert_eq!(centre.prr_waiting, 105 - 60);
}

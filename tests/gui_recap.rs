//! A recap sheet chosen in Laporan: previewed as the long table it becomes, the month it lacks
//! typed into the month box (in one frame, as a fast typist does), then imported.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod gui_support;

use common::{d, dump};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use gui_support::*;
use pantau::ui::app::Screen;
use pantau::ui::dialogs::ScriptedDialogs;

#[test]
fn a_recap_without_its_month_is_previewed_then_imported_once_the_month_is_typed() {
    let (db, store) = common::small_office();
    drop(store);
    // Rekam, Terkirim and Cetak blocks one under another, days 3 to 5, a total row each.
    let mut csv = String::from("REKAPITULASI KTP-EL KABUPATEN UJI;;;;\n");
    for (measure, base) in [("Rekam", 100), ("Terkirim", 80), ("Cetak", 40)] {
        csv.push_str(&format!("{measure};;;\nKecamatan;3;4;5\n"));
        csv.push_str(&format!("Torjun;{};{};{}\n", base, base + 1, base + 2));
        csv.push_str(&format!(
            "Omben;{};{};{}\n",
            base + 10,
            base + 11,
            base + 12
        ));
        csv.push_str(&format!(
            "Jumlah;{};{};{}\n;;;\n",
            2 * base + 10,
            2 * base + 12,
            2 * base + 14
        ));
    }
    let file = db.dir.path().join("rekap.csv");
    std::fs::write(&file, csv).unwrap();
    let mut app = app_on(&db, "2016-10-07");
    app.dialogs = Box::new(ScriptedDialogs {
        answers: vec![file.clone()],
        ..Default::default()
    });
    let mut harness = harness(app);
    show(&mut harness, Screen::Reports);
    let before = dump(&db.path);
    harness
        .get_by_role_and_label(Role::Button, "Pilih berkas untuk diimpor…")
        .click();
    run_until(&mut harness, |app| app.reports.preview.is_some());
    harness.get_by_label_contains("rekap.csv, baris 3, kolom B: kolom hari tidak menyebut bulan");
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Impor")
            .is_none()
    );
    // The month typed and Enter, all in one frame: the file is read again with it.
    harness
        .get_by_role_and_label(Role::TextInput, "Bulan lembar rekap:")
        .focus();
    harness.run_steps(1);
    let mut events = typed("2016-10");
    events.extend(enter());
    harness.input_mut().events.extend(events);
    harness.run_steps(2);
    run_until(&mut harness, |app| {
        app.reports.checking.is_none()
            && app
                .reports
                .preview
                .as_ref()
                .is_some_and(|(_, plan)| plan.problem_count == 0)
    });
    harness.get_by_label("Akan diimpor: 6 baru, 0 diperbarui, 0 tidak berubah");
    // The long table it becomes, and what was read from where.
    harness.get_by_label_contains("rekap Rekam, 2 unit × 3 hari (3 Okt 2016 s.d. 5 Okt 2016)");
    assert_eq!(dump(&db.path), before, "a preview writes nothing");
    harness.get_by_role_and_label(Role::Button, "Impor").click();
    harness.run_steps(3);
    let data = harness.state().store().unwrap().load().unwrap();
    let omben = data.find_unit("Omben").unwrap().id;
    let report = &data.reports[&(omben, d("2016-10-04"))];
    assert_eq!(
        (
            report.counts.recorded,
            report.counts.sent_to_central,
            report.counts.printed
        ),
        (111, 91, 51)
    );
    assert_eq!(data.reports.len(), 6);
}

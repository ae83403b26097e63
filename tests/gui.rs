//! The desktop app, driven headless with egui_kittest: every screen renders with the demo data,
//! its controls are findable by role and label, and entering data reaches the database.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A test that cannot go on says so by panicking.

mod common;
mod gui_support;

use common::{d, dump};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use gui_support::*;
use pantau::locale::Lang;
use pantau::store::Store;
use pantau::ui::app::{PantauApp, Screen};
use pantau::ui::dialogs::ScriptedDialogs;

#[test]
fn every_screen_renders_with_the_demo_data_and_its_controls_are_findable() {
    let (_db, mut app) = demo_app();
    app.wait_for_jobs();
    let mut harness = harness(app);
    harness.get_by_label("771.000");
    harness.get_by_label("Kemajuan terhadap wajib KTP");
    harness.get_by_label("Pergeseran perkiraan selesai");
    harness.get_by_label("Cakupan per kecamatan");
    harness.get_by_label_contains("Perekaman selesai sekitar");

    show(&mut harness, Screen::Entry);
    harness.get_by_label("Torjun Rekam");
    harness.get_by_label("Kantor Dispendukcapil Catatan");
    harness.get_by_role_and_label(Role::Button, "Simpan (0)");
    harness.get_by_label("15 dari 15 unit sudah melapor untuk Jumat, 23 Juni 2017");

    show(&mut harness, Screen::Stock);
    harness.get_by_label("Kartu stok blangko");
    harness.get_by_role_and_label(Role::Button, "Simpan");
    harness.get_by_role_and_label(Role::Button, "Tambah");
    harness.get_by_label_contains("026/BAST-BLK/DKC/2017");
    // None left: since when, as the dashboard says it (not "cukup untuk 0,0 hari kerja lagi").
    harness.get_by_label("habis sejak 23 Jun 2017");
    assert!(harness.query_by_label_contains("cukup untuk 0,0").is_none());
    harness.get_by_label("Total hari kerja tanpa blangko sejak 4 Jan 2016: 211");

    show(&mut harness, Screen::Outages);
    harness.get_by_label("Catatan gangguan");
    harness.get_by_label("Server pusat");
    harness.get_by_role_and_label(Role::CheckBox, "Semua unit");

    show(&mut harness, Screen::Targets);
    harness.get_by_label("Torjun Wajib KTP");
    harness
        .get_by_role_and_label(Role::Button, "Saldo awal")
        .click();
    harness.run_steps(3);
    harness.get_by_label("Torjun Rekam");
    harness
        .get_by_role_and_label(Role::Button, "Riwayat tenggat")
        .click();
    harness.run_steps(3);
    harness
        .get_all_by_label("30 Jun 2017")
        .next()
        .expect("the revised deadline");

    show(&mut harness, Screen::Units);
    assert_eq!(
        harness
            .get_all_by_role_and_label(Role::Button, "Nonaktifkan")
            .count(),
        15
    );

    show(&mut harness, Screen::Settings);
    harness.get_by_role_and_label(Role::RadioButton, "Bahasa Indonesia");
    harness.get_by_label("Jumlah percobaan Monte Carlo");

    show(&mut harness, Screen::Dashboard);
}

#[test]
fn switching_the_language_changes_the_labels() {
    let (_db, app) = demo_app();
    let mut harness = harness(app);
    harness.get_by_role_and_label(Role::Button, "Entri Harian");
    harness
        .get_by_role_and_label(Role::Button, "English")
        .click();
    harness.run_steps(3);
    assert_eq!(harness.state().lang(), Lang::En);
    harness
        .get_by_role_and_label(Role::Button, "Daily entry")
        .click();
    harness.run_steps(3);
    harness.get_by_label("15 of 15 units have reported for Friday, 23 June 2017");
    harness.get_by_label("Torjun Recorded");
    assert!(harness.query_by_label("Entri Harian").is_none());
}

#[test]
fn the_english_dashboard_words_the_forecast_in_english() {
    let (_db, mut app) = demo_app();
    app.prefs.lang = Lang::En;
    app.wait_for_jobs();
    let harness = harness(app);
    // What holds printing back, in English: the demo's blanks ran out.
    harness.get_by_label_contains("Limited by: blank stock");
    for indonesian in [
        "dibatasi",
        "stok blangko",
        "per hari kerja",
        "pengiriman terjadwal",
    ] {
        assert!(
            harness.query_by_label_contains(indonesian).is_none(),
            "Indonesian prose on the English dashboard: {indonesian}"
        );
    }
}

fn torjun_on(app: &PantauApp, date: &str) -> pantau::domain::Counts {
    let data = app.store().unwrap().load().unwrap();
    let torjun = data.unit_by_name("Torjun").unwrap().id;
    data.reports[&(torjun, d(date))].counts
}

#[test]
fn a_typed_value_is_saved_to_the_database_and_the_audit_trail() {
    let (_db, app) = demo_app();
    let mut harness = harness(app);
    show(&mut harness, Screen::Entry);
    assert_eq!(torjun_on(harness.state(), "2017-06-23").recorded, 7);
    type_into(&mut harness, "Torjun Rekam", "9");
    harness.get_by_label("diubah");
    harness
        .get_by_role_and_label(Role::Button, "Simpan (1)")
        .click();
    harness.run_steps(3);
    assert_eq!(torjun_on(harness.state(), "2017-06-23").recorded, 9);
    let audit = harness.state().store().unwrap().audit_log(Some(1)).unwrap();
    assert_eq!(audit[0].action, "update");
    assert_eq!(audit[0].table, "daily_report");
    assert_eq!(audit[0].changes(), "recorded: 7 → 9");
    harness.get_by_label("1 baris tersimpan");
}

#[test]
fn an_invalid_value_shows_the_rule_and_writes_nothing() {
    let (_db, app) = demo_app();
    let mut harness = harness(app);
    show(&mut harness, Screen::Entry);
    let path = harness.state().store().unwrap().path().to_path_buf();
    let before = dump(&path);
    type_into(&mut harness, "Torjun Terkirim", "12,5");
    row_message(&harness, "Torjun 2017-06-23: Terkirim '12,5' ");
    type_into(&mut harness, "Sreseh Terkirim", "99999");
    row_message(&harness, "Sreseh 2017-06-23: total Terkirim");
    harness
        .get_by_role_and_label(Role::Button, "Simpan (0)")
        .click();
    harness.run_steps(3);
    assert_eq!(dump(&path), before);
    // The refused rows keep what the clerk typed.
    assert_eq!(
        harness.get_by_label("Torjun Terkirim").value().as_deref(),
        Some("12,5")
    );
}

#[test]
fn an_outlier_is_saved_only_with_a_note() {
    let (_db, app) = demo_app();
    let mut harness = harness(app);
    show(&mut harness, Screen::Entry);
    let path = harness.state().store().unwrap().path().to_path_buf();
    let before = dump(&path);
    type_into(&mut harness, "Torjun Rekam", "400");
    row_message(&harness, "isi catatan yang menjelaskannya");
    harness
        .get_by_role_and_label(Role::Button, "Simpan (0)")
        .click();
    harness.run_steps(3);
    assert_eq!(dump(&path), before, "not saved without a note");
    type_into(
        &mut harness,
        "Torjun Catatan",
        "perekaman jemput bola di SMA",
    );
    harness
        .get_by_role_and_label(Role::Button, "Simpan (1)")
        .click();
    harness.run_steps(3);
    let data = harness.state().store().unwrap().load().unwrap();
    let report = &data.reports[&(data.unit_by_name("Torjun").unwrap().id, d("2017-06-23"))];
    assert_eq!(report.counts.recorded, 400);
    assert_eq!(report.note, "perekaman jemput bola di SMA");
}

#[test]
fn the_completeness_line_names_the_units_that_have_not_reported() {
    let (db, mut store) = common::small_office();
    store
        .save_report(&common::report(1, "2016-10-05", 10, 10, 0), d("2026-01-01"))
        .unwrap();
    drop(store);
    let mut harness = harness(app_on(&db, "2016-10-05"));
    show(&mut harness, Screen::Entry);
    harness.get_by_label("1 dari 3 unit sudah melapor untuk Rabu, 5 Oktober 2016");
    harness.get_by_label("— Belum melapor: Omben, Kantor Dispendukcapil");
    // Omben (the first row: kecamatan by name) reports; the line follows.
    send_in_one_frame(&mut harness, day_typed(&[[12, 12, 0, 0]]));
    harness
        .get_by_role_and_label(Role::Button, "Simpan (1)")
        .click();
    harness.run_steps(3);
    harness.get_by_label("2 dari 3 unit sudah melapor untuk Rabu, 5 Oktober 2016");
}

#[test]
fn a_database_open_elsewhere_gives_a_clear_message_and_the_app_stays_usable() {
    let (db, store) = common::small_office();
    let mut app = new_app(&db.dir.path().join("demo.pantau"));
    app.open(&db.path);
    assert!(app.view().is_none());
    let mut harness = harness(app);
    harness.get_by_label_contains("sedang dibuka untuk menulis oleh Pantau lain");
    harness.get_by_role_and_label(Role::Button, "Tutup").click();
    harness.run_steps(3);
    assert!(harness.state().error.is_none());
    harness.get_by_role_and_label(Role::Button, "Buka data ilustrasi");
    drop(store);
    harness.state_mut().open(&db.path);
    harness.run_steps(3);
    harness.get_by_role_and_label(Role::Button, "Entri Harian");
    assert!(
        harness
            .state()
            .window_title()
            .ends_with("Dispendukcapil Kabupaten Uji — kantor.pantau")
    );
    let _ = Store::open_read_only(&db.path).unwrap();
}

#[test]
fn a_file_chosen_in_the_dialog_opens_in_the_background() {
    let (db, store) = common::small_office();
    drop(store);
    let mut app = new_app(&db.dir.path().join("demo.pantau"));
    app.dialogs = Box::new(ScriptedDialogs {
        answers: vec![db.path.clone()],
        ..Default::default()
    });
    let mut harness = harness(app);
    harness.get_by_label("Selamat datang di Pantau e-KTP");
    harness
        .get_by_role_and_label(Role::Button, "Buka berkas…")
        .click();
    harness.run_steps(2);
    harness.state_mut().wait_for_jobs();
    harness.run_steps(3);
    assert!(
        harness.state().view().is_some(),
        "{:?}",
        harness.state().error
    );
    assert_eq!(
        harness.state().prefs.last_file.as_deref(),
        Some(db.path.as_path())
    );
    harness.get_by_role_and_label(Role::Button, "Entri Harian");
}

#[test]
fn a_backup_is_restored_from_the_menu_and_a_daily_backup_is_kept() {
    let (db, store) = common::small_office();
    drop(store);
    let mut app = new_app(&db.dir.path().join("demo.pantau"));
    app.open(&db.path);
    let backup = db.dir.path().join("sebelum.pantau");
    app.store().unwrap().backup_to(&backup).unwrap();
    app.commands
        .push(pantau::ui::app::Command::SaveReports(vec![common::report(
            1,
            "2016-10-05",
            10,
            10,
            0,
        )]));
    app.apply_commands();
    assert_eq!(app.store().unwrap().load().unwrap().reports.len(), 1);
    app.dialogs = Box::new(ScriptedDialogs {
        answers: vec![backup.clone()],
        ..Default::default()
    });
    let mut harness = harness(app);
    harness
        .get_by_role_and_label(Role::Button, "Berkas")
        .click();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::Button, "Pulihkan dari cadangan…")
        .click();
    harness.run_steps(3);
    assert!(
        harness.state().error.is_none(),
        "{:?}",
        harness.state().error
    );
    assert_eq!(
        harness
            .state()
            .store()
            .unwrap()
            .load()
            .unwrap()
            .reports
            .len(),
        0
    );
    harness.get_by_label_contains("Dipulihkan dari");
    // The automatic backup of the day, in the local data folder.
    // Named by the app's day (its one clock), not the machine's.
    let daily = db
        .dir
        .path()
        .join("cadangan")
        .join(format!("kantor-{}.pantau", harness.state().today));
    for _ in 0..100 {
        if daily.exists() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(daily.exists(), "{}", daily.display());
    pantau::store::backup::check_backup(&daily).unwrap();
}

#[test]
fn the_reports_screen_previews_an_import_before_writing_and_exports() {
    let (db, store) = common::small_office();
    drop(store);
    let good = db.dir.path().join("baik.csv");
    std::fs::write(
        &good,
        "tanggal;kecamatan;perekaman;terkirim;cetak\n05/10/2016;Torjun;10;10;0\n",
    )
    .unwrap();
    let bad = db.dir.path().join("salah.csv");
    std::fs::write(
        &bad,
        "tanggal;kecamatan;perekaman;terkirim;cetak\n05/10/2016;Torjun;10;20;0\n",
    )
    .unwrap();
    let out = db.dir.path().join("ekspor.xlsx");
    let mut app = new_app(&db.dir.path().join("demo.pantau"));
    app.open(&db.path);
    app.dialogs = Box::new(ScriptedDialogs {
        answers: vec![bad.clone(), good.clone(), out.clone()],
        ..Default::default()
    });
    let mut harness = harness(app);
    show(&mut harness, Screen::Reports);
    let before = dump(&db.path);
    harness
        .get_by_role_and_label(Role::Button, "Pilih berkas untuk diimpor…")
        .click();
    run_until(&mut harness, |app| app.reports.preview.is_some());
    // Where and what, in the screen's language.
    harness.get_by_label_contains(
        "salah.csv, baris 2, kolom terkirim: Torjun 2016-10-05: total Terkirim 20 akan melebihi \
         total Rekam",
    );
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Impor")
            .is_none(),
        "no import while there are problems"
    );
    harness.get_by_role_and_label(Role::Button, "Tutup").click();
    harness.run_steps(2);
    assert_eq!(dump(&db.path), before);
    harness
        .get_by_role_and_label(Role::Button, "Pilih berkas untuk diimpor…")
        .click();
    run_until(&mut harness, |app| app.reports.preview.is_some());
    harness.get_by_label("Akan diimpor: 1 baru, 0 diperbarui, 0 tidak berubah");
    harness.get_by_label("baru");
    assert_eq!(dump(&db.path), before, "a preview writes nothing");
    harness.get_by_role_and_label(Role::Button, "Impor").click();
    harness.run_steps(3);
    let data = harness.state().store().unwrap().load().unwrap();
    assert_eq!(data.reports[&(1, d("2016-10-05"))].counts.recorded, 10);
    harness
        .get_by_role_and_label(Role::Button, "Ekspor ke Excel (.xlsx)…")
        .click();
    // Written on a thread of its own; the status line says so when it is done.
    harness.run_steps(2);
    run_until(&mut harness, |app| app.tasks().next().is_none());
    assert!(out.exists());
    harness.get_by_label_contains("Diekspor: 1 laporan harian");
}

#[test]
fn the_reports_screen_writes_the_pdf_report_and_a_chart_image() {
    let (db, mut app) = demo_app();
    let pdf = db.dir.path().join("laporan.pdf");
    let png = db.dir.path().join("grafik.png");
    app.dialogs = Box::new(ScriptedDialogs {
        answers: vec![pdf.clone(), png.clone()],
        ..Default::default()
    });
    app.wait_for_jobs();
    let mut harness = harness(app);
    show(&mut harness, Screen::Reports);
    harness
        .get_by_role_and_label(Role::Button, "Laporan PDF untuk pimpinan…")
        .click();
    // The PDF is written on a thread of its own: the window goes on drawing and says what
    // it writes.
    harness.run_steps(2);
    harness.get_by_label("Menulis laporan.pdf…");
    run_until(&mut harness, |app| app.tasks().next().is_none());
    assert!(
        harness.state().error.is_none(),
        "{:?}",
        harness.state().error
    );
    let text = lopdf::Document::load(&pdf)
        .unwrap()
        .extract_text(&[1, 2])
        .unwrap();
    assert!(text.contains("Dispendukcapil Kabupaten Sampang"));
    harness
        .get_by_role_and_label(Role::Button, "Simpan grafik sebagai PNG…")
        .click();
    harness.run_steps(2);
    run_until(&mut harness, |app| app.tasks().next().is_none());
    assert!(std::fs::metadata(&png).unwrap().len() > 20_000);
}

#[test]
fn an_imported_history_with_outliers_is_previewed_with_them_and_written_flagged() {
    let (db, store) = common::small_office();
    let data = store.load().unwrap();
    drop(store);
    let mut csv = String::from("tanggal;kecamatan;perekaman;terkirim;cetak;suket;server\n");
    for day in data.calendar.working_days(d("2016-09-01"), d("2016-10-04")) {
        csv.push_str(&format!("{day};Torjun;4;4;0;0;ya\n"));
    }
    csv.push_str("2016-10-05;Torjun;90;90;0;0;ya\n");
    let file = db.dir.path().join("riwayat.csv");
    std::fs::write(&file, csv).unwrap();
    let mut app = new_app(&db.dir.path().join("demo.pantau"));
    app.open(&db.path);
    app.dialogs = Box::new(ScriptedDialogs {
        answers: vec![file.clone()],
        ..Default::default()
    });
    let mut harness = harness(app);
    show(&mut harness, Screen::Reports);
    harness
        .get_by_role_and_label(Role::Button, "Pilih berkas untuk diimpor…")
        .click();
    run_until(&mut harness, |app| app.reports.preview.is_some());
    harness.get_by_label_contains("1 baris berisi lonjakan tanpa catatan");
    harness.get_by_label_contains("Torjun 2016-10-05: Rekam 90 lebih dari 3× median");
    harness.get_by_role_and_label(Role::Button, "Impor").click();
    harness.run_steps(3);
    harness.get_by_label_contains("1 lonjakan tanpa catatan, ditandai untuk diperiksa");
    let data = harness.state().store().unwrap().load().unwrap();
    assert!(data.unexplained.contains(&(1, d("2016-10-05"))));
}

#[test]
fn the_date_picker_speaks_the_screens_language_and_sets_the_day() {
    let (_db, mut app) = demo_app();
    app.wait_for_jobs();
    let mut harness = harness(app);
    // The dashboard's "as of" picker, on the demo's last day.
    harness.get_by_label("Kalender 23 Jun 2017").click();
    harness.run_steps(3);
    harness.get_by_label("Juni 2017");
    harness.get_by_label("Sen");
    harness.get_by_role_and_label(Role::Button, "‹").click();
    harness.run_steps(3);
    harness.get_by_label("Mei 2017");
    // A year on and back again, by the year's arrows.
    harness.get_by_role_and_label(Role::Button, "»").click();
    harness.run_steps(3);
    harness.get_by_label("Mei 2018");
    harness.get_by_role_and_label(Role::Button, "«").click();
    harness.run_steps(3);
    harness.get_by_role_and_label(Role::Button, "31").click();
    harness.run_steps(3);
    assert_eq!(harness.state().view().unwrap().as_of, d("2017-05-31"));
    assert!(
        harness.query_by_label("Mei 2017").is_none(),
        "closed after a pick"
    );

    harness
        .get_by_role_and_label(Role::Button, "English")
        .click();
    harness.run_steps(3);
    harness.get_by_label("Calendar 31 May 2017").click();
    harness.run_steps(3);
    harness.get_by_label("May 2017");
    harness.get_by_label("Mon");
}

#[test]
fn a_forecast_that_fails_says_so_instead_of_computing_for_ever() {
    let (_db, mut app) = demo_app();
    app.wait_for_jobs();
    app.start_forecast_with(|| panic!("uji: perkiraan gagal"));
    app.wait_for_jobs();
    assert!(app.view().unwrap().forecast_failed);
    let harness = harness(app);
    harness.get_by_label_contains("Perkiraan tidak dapat dihitung karena kesalahan program");
    assert_eq!(
        harness.get_all_by_label("tidak dapat dihitung").count(),
        2,
        "both forecast tiles"
    );
    assert!(harness.query_by_label("menghitung…").is_none());
}

/// Hover over a chart as a person does: near a line it names the series with the nearest
/// point's own date and value; over a shaded range with a reason, the reason; over empty
/// space, nothing.
#[test]
fn hovering_a_chart_snaps_to_data_and_says_nothing_over_empty_space() {
    use pantau::chart::{Axis, Chart, ChartKind, Dash, Series, Shape, palette, x};
    let day = |date: &str| x(d(date));
    let chart = Chart {
        kind: ChartKind::Daily,
        title: "uji",
        empty: None,
        x_axis: Axis::Date,
        y_axis: Axis::Count,
        x_label: None,
        y_label: None,
        x_range: (day("2016-10-03"), day("2016-10-31")),
        y_range: (0.0, 1000.0),
        series: vec![
            Series {
                name: "Rekam".into(),
                color: palette::RECORDED,
                opacity: 1.0,
                shape: Shape::Line {
                    points: vec![[day("2016-10-03"), 100.0], [day("2016-10-10"), 200.0]],
                    width: 2.0,
                    dash: Dash::Solid,
                },
                in_legend: true,
            },
            Series {
                name: "Cetak: tanpa tanggal".into(),
                color: palette::PRINTED,
                opacity: palette::SHADE_OPACITY,
                shape: Shape::Spans {
                    ranges: vec![(day("2016-10-20"), day("2016-10-25"))],
                    notes: vec!["stok blangko habis".into()],
                },
                in_legend: true,
            },
        ],
    };
    let mut harness = egui_kittest::Harness::builder()
        .with_size(egui::Vec2::new(800.0, 420.0))
        .build_ui_state(
            |ui, at: &mut Option<egui_plot::PlotTransform>| {
                *at = Some(pantau::ui::charts::chart_ui(
                    ui,
                    "uji",
                    &chart,
                    Lang::Id,
                    380.0,
                ));
            },
            None,
        );
    harness.run_steps(2);
    let at = harness.state().expect("the plot was drawn");
    let screen = |date: &str, value: f64| {
        at.position_from_point(&egui_plot::PlotPoint::new(day(date), value))
    };

    // Empty space, far from the line and outside the shaded range.
    harness.hover_at(screen("2016-10-16", 800.0));
    harness.run_steps(3);
    assert!(harness.query_by_label_contains("Oktober 2016").is_none());
    assert!(harness.query_by_label_contains("stok blangko").is_none());

    // Near the line, between its points but closer to the second: that point, not the cursor.
    harness.hover_at(screen("2016-10-09", 190.0));
    harness.run_steps(3);
    harness.get_by_label("Rekam\nSenin, 10 Oktober 2016\n200");
    assert!(harness.query_by_label_contains("9 Oktober 2016").is_none());

    // Over the shaded range: why those days have no date.
    harness.hover_at(screen("2016-10-22", 800.0));
    harness.run_steps(3);
    harness.get_by_label_contains("stok blangko habis");
}

#[test]
fn berkas_keluar_and_ctrl_q_close_the_window_and_an_empty_outage_log_says_how_to_add_one() {
    let (db, store) = common::small_office();
    drop(store);
    let mut harness = harness(app_on(&db, "2016-10-05"));
    show(&mut harness, Screen::Outages);
    harness.get_by_label_contains("Belum ada gangguan tercatat.");
    assert!(!harness.state().quit);
    send_in_one_frame(&mut harness, ctrl(egui::Key::Q));
    assert!(harness.state().quit, "Ctrl+Q");
    drop(harness);
    let mut menu = gui_support::harness(app_on(&db, "2016-10-05"));
    let harness = &mut menu;
    harness
        .get_by_role_and_label(Role::Button, "Berkas")
        .click();
    harness.run_steps(2);
    harness.get_by_label_contains("Keluar").click();
    harness.run_steps(2);
    assert!(harness.state().quit, "Berkas → Keluar");
}

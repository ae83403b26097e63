//! A new office, set up in the app as a clerk does it: the wizard from office name to the entry
//! screen on a PC without a file dialog (every path typed in the path field), then the opening
//! totals and targets of every unit typed fast into their grids.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A test that cannot go on says so by panicking.

mod common;
mod gui_support;

use common::d;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use gui_support::*;
use pantau::store::Store;
use pantau::ui::app::Screen;
use pantau::ui::dialogs::ScriptedDialogs;

/// Types a path into the path field that stands in for the file dialog, and presses Enter.
fn type_path(harness: &mut egui_kittest::Harness<'_, pantau::ui::app::PantauApp>, path: &str) {
    harness.get_by_label("Dialog pemilih berkas tidak tersedia di PC ini (tidak ada xdg-desktop-portal atau zenity). Ketik jalur lengkap berkasnya di sini.");
    retype(harness, "Jalur berkas", path);
    send_in_one_frame(harness, enter());
}

#[test]
fn a_new_office_is_set_up_in_the_wizard_without_a_file_dialog_and_opens_on_the_entry_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = new_app(&dir.path().join("demo.pantau"));
    app.today = d("2016-10-03");
    app.dialogs = Box::new(ScriptedDialogs {
        unavailable: true,
        ..Default::default()
    });
    let mut harness = harness(app);
    click(&mut harness, "Buat database kantor…");

    // 1. The office: Next refuses an empty name.
    click(&mut harness, "Lanjut ›");
    harness.get_by_label("Isi nama kantor.");
    type_into(&mut harness, "Nama kantor", "Dispendukcapil Kabupaten Uji");
    click(&mut harness, "Lanjut ›");

    // 2. Units: pasted from a spreadsheet, with a mistake first.
    harness.get_by_label("Unit, satu per baris").focus();
    harness.run_steps(2);
    send_in_one_frame(&mut harness, paste("Torjun\t29.100\nOmben\tdua ribu\n"));
    click(&mut harness, "Lanjut ›");
    harness.get_by_label("Baris 2: wajib KTP 'dua ribu' bukan bilangan bulat ≥ 0");
    assert_eq!(
        harness.state().welcome.step,
        pantau::ui::screens::welcome::Step::Units
    );
    // The list comes from a file instead, chosen in the path field.
    let units = dir.path().join("unit.csv");
    std::fs::write(&units, "Kecamatan;Wajib KTP\nTorjun;29.100\nOmben;\n").unwrap();
    click(&mut harness, "Pilih berkas…");
    // OK clicked, for once, rather than Enter.
    let missing = dir.path().join("tidak-ada.csv").display().to_string();
    retype(&mut harness, "Jalur berkas", &missing);
    click(&mut harness, "OK");
    harness.get_by_label_contains("tidak-ada.csv tidak ada.");
    type_path(&mut harness, &units.display().to_string());
    assert!(harness.state().path_prompt.is_none());
    harness.get_by_label("2 unit");
    harness.get_by_label("29.100");
    click(&mut harness, "Lanjut ›");

    // 3. Opening totals at the close of the last working day (Sunday 2 October was a holiday):
    // daily reports start today. Typed in one go: Torjun's (printed above sent, by mistake),
    // Omben left empty.
    harness.get_by_role_and_label(Role::TextInput, "Total pada akhir hari");
    harness.get_by_label("laporan harian dimulai Senin, 3 Oktober 2016");
    harness.get_by_label("Torjun Rekam").focus();
    harness.run_steps(2);
    let mut events = Vec::new();
    for (i, value) in ["40.000", "38.500", "39.000", "0"].iter().enumerate() {
        if i > 0 {
            events.extend(tab());
        }
        events.extend(typed(value));
    }
    send_in_one_frame(&mut harness, events);
    click(&mut harness, "Lanjut ›");
    harness.get_by_label_contains("akan melebihi total Terkirim");
    retype(&mut harness, "Torjun Cetak", "30.000");
    click(&mut harness, "Lanjut ›");

    // 4. No deadline yet.
    click(&mut harness, "Lanjut ›");

    // 5. The Admin account: whoever creates the office. A short password is refused first.
    let field = |harness: &mut egui_kittest::Harness<'_, pantau::ui::app::PantauApp>,
                 role: Role,
                 label: &str,
                 text: &str| {
        harness.get_by_role_and_label(role, label).focus();
        harness.run_steps(2);
        harness.get_by_role_and_label(role, label).type_text(text);
        harness.run_steps(2);
    };
    field(&mut harness, Role::TextInput, "Nama akun", "siti");
    field(&mut harness, Role::PasswordInput, "Kata sandi", "pendek");
    field(
        &mut harness,
        Role::PasswordInput,
        "Ulangi kata sandi",
        "pendek",
    );
    click(&mut harness, "Buat database…");
    harness.get_by_label("Kata sandi paling sedikit 8 karakter");
    field(&mut harness, Role::PasswordInput, "Kata sandi", "-sekali");
    field(
        &mut harness,
        Role::PasswordInput,
        "Ulangi kata sandi",
        "-sekali",
    );

    // Create, and the path field again (a missing folder first).
    click(&mut harness, "Buat database…");
    type_path(
        &mut harness,
        &dir.path().join("tidak/ada/kantor").display().to_string(),
    );
    harness.get_by_label_contains("tidak ada.");
    let path = dir.path().join("kantor");
    type_path(&mut harness, &path.display().to_string());

    let app = harness.state();
    assert!(app.error.is_none(), "{:?}", app.error);
    assert_eq!(app.screen, Screen::Entry);
    let created = dir.path().join("kantor.pantau");
    assert_eq!(app.view().unwrap().path, created, "the extension is added");
    // Its Admin is logged in, and its recovery code shown once.
    let admin = app.view().unwrap().access.actor.account().cloned().unwrap();
    assert_eq!(admin.name, "siti");
    harness.get_by_label("Kode pemulihan");
    click(&mut harness, "Sudah saya catat");
    drop(harness);
    let accounts = Store::open_read_only(&created).unwrap().accounts().unwrap();
    assert_eq!(accounts.len(), 1);
    assert_eq!(accounts[0].role, pantau::domain::access::Role::Admin);
    let data = Store::open_read_only(&created).unwrap().load().unwrap();
    assert_eq!(data.office.name, "Dispendukcapil Kabupaten Uji");
    let names: Vec<&str> = data.units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(names, ["Omben", "Torjun", "Kantor Dispendukcapil"]);
    let torjun = data.find_unit("Torjun").unwrap().id;
    let omben = data.find_unit("Omben").unwrap().id;
    let opening = &data.openings[&torjun];
    assert_eq!(opening.as_of, d("2016-09-30"));
    assert_eq!(
        [
            opening.counts.recorded,
            opening.counts.sent_to_central,
            opening.counts.printed
        ],
        [40_000, 38_500, 30_000]
    );
    assert!(
        !data.openings.contains_key(&omben),
        "an empty row is no opening, not zeros"
    );
    // The target is in force from the start of the data: the opening's day.
    assert_eq!(data.wajib_ktp(torjun, d("2016-09-30")), Some(29_100));
    assert_eq!(data.wajib_ktp(omben, d("2016-09-30")), None);
    // The entry screen asks for today's reports: the opening's day is not expected again.
    assert_eq!(data.reporting_start(), Some(d("2016-10-01")));
    assert!(data.deadlines.is_empty());
    assert!(
        !data.calendar.is_working_day(d("2016-12-25")),
        "holidays come along"
    );
}

#[test]
fn opening_totals_and_targets_typed_fast_into_their_grids_are_saved_in_one_go() {
    let (db, store) = common::small_office();
    drop(store);
    let app = app_on(&db, "2016-10-03");
    let mut harness = harness(app);
    show(&mut harness, Screen::Targets);
    click(&mut harness, "Saldo awal");
    // Omben's row, then Torjun's: a whole day's typing in one frame, Tab and Enter between.
    harness.get_by_label("Omben Per tanggal").focus();
    harness.run_steps(2);
    let mut events = Vec::new();
    for (n, row) in [
        ["30/09/2016", "21.000", "20.000", "19.500", "0"],
        ["2016-09-30", "40000", "38500", "30000", "12"],
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
    eprintln!(
        "{:?} {:?}",
        harness.state().error,
        harness.state().targets.openings.rows
    );
    let data = harness.state().store().unwrap().load().unwrap();
    let opening = |name: &str| {
        let o = &data.openings[&data.find_unit(name).unwrap().id];
        (
            o.as_of,
            o.counts.recorded,
            o.counts.sent_to_central,
            o.counts.printed,
            o.counts.suket_issued,
        )
    };
    assert_eq!(
        opening("Omben"),
        (d("2016-09-30"), 21_000, 20_000, 19_500, 0)
    );
    assert_eq!(
        opening("Torjun"),
        (d("2016-09-30"), 40_000, 38_500, 30_000, 12)
    );
    harness.get_by_label("2 baris tersimpan");

    // A row that breaks a rule is named, and nothing of the batch is written.
    let before = common::dump(&db.path);
    retype(&mut harness, "Omben Terkirim", "25.000");
    retype(&mut harness, "Torjun Suket", "13");
    click(&mut harness, "Simpan (2)");
    harness.get_by_label_contains("total Terkirim 25.000 akan melebihi total Rekam 21.000");
    assert_eq!(common::dump(&db.path), before);
    // Put right, and Escape takes back the other cell: nothing left to save.
    retype(&mut harness, "Omben Terkirim", "20.000");
    harness.get_by_label("Torjun Suket").focus();
    harness.run_steps(2);
    send_in_one_frame(&mut harness, key(egui::Key::Escape, egui::Modifiers::NONE));
    harness.get_by_role_and_label(Role::Button, "Simpan (0)");
    assert_eq!(common::dump(&db.path), before);

    // Targets: from the start of the data (the openings' day), typed down the column.
    click(&mut harness, "Wajib KTP");
    harness.get_by_label("Omben Wajib KTP").focus();
    harness.run_steps(2);
    let mut events = typed("29.100");
    events.extend(enter());
    events.extend(typed("41000"));
    // Ctrl+S saves, as in the entry grid, straight after the typing.
    events.extend(ctrl(egui::Key::S));
    send_in_one_frame(&mut harness, events);
    let data = harness.state().store().unwrap().load().unwrap();
    let omben = data.find_unit("Omben").unwrap().id;
    let torjun = data.find_unit("Torjun").unwrap().id;
    assert_eq!(data.wajib_ktp(omben, d("2016-09-30")), Some(29_100));
    assert_eq!(data.wajib_ktp(torjun, d("2016-09-30")), Some(41_000));
    assert_eq!(data.wajib_ktp(torjun, d("2016-09-29")), None);
}

#[test]
fn a_new_office_dashboard_says_in_words_what_it_cannot_show_yet() {
    let (db, store) = common::small_office();
    drop(store);
    let mut app = app_on(&db, "2016-10-03");
    app.wait_for_jobs();
    let harness = harness(app);
    assert_eq!(
        harness
            .get_all_by_label_contains("Belum ada laporan harian sampai tanggal ini")
            .count(),
        3,
        "progress, daily and backlog charts"
    );
    harness.get_by_label_contains("Belum ada tanggal perkiraan untuk digambar");
    harness.get_by_label_contains("Belum ada mutasi blangko");
    harness.get_by_label_contains("Belum ada target wajib KTP. Isi di layar Target & Tenggat.");
    // The forecast tiles give the reason, not a chance of 0 %.
    assert_eq!(
        harness
            .get_all_by_label_contains("belum ada target wajib KTP")
            .count(),
        2
    );
    assert!(harness.query_by_label_contains("0,0 %").is_none());
    assert!(harness.query_by_label_contains("2000").is_none());
    // No receipt or count yet: how long the blanks last is not known either, and says so.
    harness.get_by_label_contains("cukup untuk berapa hari: belum diketahui");
    let mut harness = harness;
    show(&mut harness, Screen::Stock);
    harness.get_by_label_contains("cukup untuk berapa hari: belum diketahui");
}

#[test]
fn units_typed_line_by_line_in_the_wizard_keep_their_line_breaks() {
    let dir = tempfile::tempdir().unwrap();
    let app = new_app(&dir.path().join("demo.pantau"));
    let mut harness = harness(app);
    click(&mut harness, "Buat database kantor…");
    harness.get_by_label("Nama kantor").focus();
    harness.run_steps(2);
    let mut events = typed("Dispendukcapil Kabupaten Uji");
    events.extend(enter());
    send_in_one_frame(&mut harness, events);
    harness.get_by_label("Unit, satu per baris").focus();
    harness.run_steps(2);
    let mut events = typed("Sreseh;26.400");
    events.extend(enter());
    events.extend(typed("Torjun;29.100"));
    events.extend(enter());
    events.extend(typed("Omben"));
    send_in_one_frame(&mut harness, events);
    assert_eq!(
        harness.state().welcome.units,
        "Sreseh;26.400\nTorjun;29.100\nOmben"
    );
    harness.get_by_label("3 unit");
}

#[test]
fn a_typed_save_path_that_exists_is_replaced_only_after_a_second_ok() {
    let (_db, mut app) = demo_app();
    app.wait_for_jobs();
    app.dialogs = Box::new(ScriptedDialogs {
        unavailable: true,
        ..Default::default()
    });
    let mut harness = harness(app);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("laporan.csv");
    std::fs::write(&out, "jangan ditimpa\n").unwrap();
    show(&mut harness, Screen::Reports);
    click(&mut harness, "Ekspor laporan harian ke CSV…");
    retype(&mut harness, "Jalur berkas", &out.display().to_string());
    click(&mut harness, "OK");
    harness.get_by_label_contains("sudah ada. Tekan OK sekali lagi untuk menimpanya.");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "jangan ditimpa\n");
    click(&mut harness, "OK");
    assert!(harness.state().path_prompt.is_none());
    // Written on a thread of its own.
    run_until(&mut harness, |app| app.tasks().next().is_none());
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .starts_with("date,unit,")
    );
}

#[test]
fn a_tab_typed_in_the_units_box_separates_name_and_wajib_and_every_bad_opening_row_is_marked() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = new_app(&dir.path().join("demo.pantau"));
    app.today = d("2016-10-03");
    let mut harness = harness(app);
    click(&mut harness, "Buat database kantor…");
    let mut events = typed("Dispendukcapil Kabupaten Uji");
    events.extend(enter());
    send_in_one_frame(&mut harness, events);
    // The units box has the keyboard as the step opens. Typed as from a sheet, without a
    // pause: name, Tab, wajib KTP, Enter.
    let mut events = Vec::new();
    for (i, (name, wajib)) in [
        ("Sreseh", "26.400"),
        ("Torjun", "29.100"),
        ("Omben", "31.000"),
    ]
    .iter()
    .enumerate()
    {
        if i > 0 {
            events.extend(enter());
        }
        events.extend(typed(name));
        events.extend(tab());
        events.extend(typed(wajib));
    }
    send_in_one_frame(&mut harness, events);
    assert_eq!(
        harness.state().welcome.units,
        "Sreseh\t26.400\nTorjun\t29.100\nOmben\t31.000"
    );
    harness.get_by_label("3 unit");
    harness.get_by_label("29.100");
    // Ctrl+Enter goes on, from inside the box.
    send_in_one_frame(&mut harness, ctrl(egui::Key::Enter));
    assert_eq!(
        harness.state().welcome.step,
        pantau::ui::screens::welcome::Step::Openings
    );

    // Three rows typed in one go, two of them wrong in three cells between them.
    harness.get_by_label("Sreseh Rekam").focus();
    harness.run_steps(2);
    let rows = [
        ["20.000", "19.000", "18.000", "0"],
        ["abc", "1.000", "", "0"],
        ["30.000", "31.000", "0", "0"],
    ];
    let mut events = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        for (c, value) in row.iter().enumerate() {
            if r + c > 0 {
                events.extend(tab());
            }
            events.extend(typed(value));
        }
    }
    send_in_one_frame(&mut harness, events);
    let omben_before = harness.get_by_label("Omben Rekam").rect();
    click(&mut harness, "Lanjut ›");
    // The reasons are under the table: no row moved.
    assert_eq!(harness.get_by_label("Omben Rekam").rect(), omben_before);
    harness.get_by_label(
        "2 baris perlu diperbaiki: sel yang salah ditandai, alasannya di bawah tabel.",
    );
    let welcome = &harness.state().welcome;
    assert_eq!(welcome.step, pantau::ui::screens::welcome::Step::Openings);
    let marked: Vec<(&str, &[usize])> = welcome
        .openings
        .rows
        .iter()
        .map(|r| (r.unit_name.as_str(), r.bad.as_slice()))
        .collect();
    assert_eq!(
        marked,
        [
            ("Sreseh", &[][..]),
            ("Torjun", &[0, 2][..]),
            ("Omben", &[1][..])
        ]
    );
    harness.get_by_label(
        "Torjun 2016-09-30: Rekam 'abc' bukan bilangan bulat; Cetak kosong; isi 0 bila tidak ada",
    );
    harness.get_by_label_contains("Omben 2016-09-30");
    // Corrected one by one, the marks follow; then the step goes on.
    retype(&mut harness, "Torjun Rekam", "2.000");
    retype(&mut harness, "Torjun Cetak", "500");
    harness.get_by_label(
        "1 baris perlu diperbaiki: sel yang salah ditandai, alasannya di bawah tabel.",
    );
    assert!(harness.state().welcome.openings.rows[1].bad.is_empty());
    retype(&mut harness, "Omben Terkirim", "29.000");
    assert!(
        harness
            .query_by_label_contains("perlu diperbaiki")
            .is_none()
    );
    click(&mut harness, "Lanjut ›");
    assert_eq!(
        harness.state().welcome.step,
        pantau::ui::screens::welcome::Step::Deadline
    );
}

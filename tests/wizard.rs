//! A new office, set up in the app as a clerk does it on a PC without a file dialog: the
//! wizard from office name to the entry screen, every path typed in the path field.

mod common;
mod gui_support;

use common::d;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use gui_support::*;
use pantau::store::Store;
use pantau::ui::app::Screen;
use pantau::ui::dialogs::ScriptedDialogs;

fn click(harness: &mut egui_kittest::Harness<'_, pantau::ui::app::PantauApp>, label: &str) {
    harness.get_by_role_and_label(Role::Button, label).click();
    harness.run_steps(3);
}

/// Types over what a field holds: focus, select all, type.
fn retype(
    harness: &mut egui_kittest::Harness<'_, pantau::ui::app::PantauApp>,
    label: &str,
    text: &str,
) {
    harness.get_by_label(label).focus();
    harness.run_steps(1);
    harness
        .input_mut()
        .events
        .extend(key(egui::Key::A, egui::Modifiers::COMMAND));
    harness.run_steps(1);
    harness.get_by_label(label).type_text(text);
    harness.run_steps(2);
}

/// Types a path into the path field that stands in for the file dialog, and presses OK.
fn type_path(harness: &mut egui_kittest::Harness<'_, pantau::ui::app::PantauApp>, path: &str) {
    harness.get_by_label("Dialog pemilih berkas tidak tersedia di PC ini (tidak ada xdg-desktop-portal atau zenity). Ketik jalur lengkap berkasnya di sini.");
    retype(harness, "Jalur berkas", path);
    click(harness, "OK");
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
    type_path(
        &mut harness,
        &dir.path().join("tidak-ada.csv").display().to_string(),
    );
    harness.get_by_label_contains("tidak-ada.csv tidak ada.");
    type_path(&mut harness, &units.display().to_string());
    assert!(harness.state().path_prompt.is_none());
    harness.get_by_label("2 unit");
    harness.get_by_label("29.100");
    click(&mut harness, "Lanjut ›");

    // 3. Opening totals as of yesterday: Torjun's, Omben left empty. Printed above sent first.
    for (column, value) in [
        ("Rekam", "40.000"),
        ("Terkirim", "38.500"),
        ("Cetak", "39.000"),
        ("Suket", "0"),
    ] {
        type_into(&mut harness, &format!("Torjun {column}"), value);
    }
    click(&mut harness, "Lanjut ›");
    harness.get_by_label_contains("akan melebihi total Terkirim");
    retype(&mut harness, "Torjun Cetak", "30.000");
    click(&mut harness, "Lanjut ›");

    // 4. No deadline yet; create, and the path field again (a missing folder first).
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
    drop(harness);
    let data = Store::open_read_only(&created).unwrap().load().unwrap();
    assert_eq!(data.office.name, "Dispendukcapil Kabupaten Uji");
    let names: Vec<&str> = data.units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(names, ["Omben", "Torjun", "Kantor Dispendukcapil"]);
    let torjun = data.find_unit("Torjun").unwrap().id;
    let omben = data.find_unit("Omben").unwrap().id;
    let opening = &data.openings[&torjun];
    assert_eq!(opening.as_of, d("2016-10-02"));
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
    assert_eq!(data.wajib_ktp(torjun, d("2016-10-02")), Some(29_100));
    assert_eq!(data.wajib_ktp(omben, d("2016-10-02")), None);
    assert!(data.deadlines.is_empty());
    assert!(
        !data.calendar.is_working_day(d("2016-12-25")),
        "holidays come along"
    );
}

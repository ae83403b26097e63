//! The Kiriman screen as the clerks use it: the district sets up a kecamatan PC with a click,
//! the kecamatan sends its day with a click, the district receives the file (twice, and a
//! tampered copy) and decides a conflict with a click. The databases are checked after.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod gui_support;

use std::path::PathBuf;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use pantau::store::Store;
use pantau::ui::app::{Command, PantauApp, Screen};
use pantau::ui::dialogs::ScriptedDialogs;

use common::{report, small_office};
use gui_support::{app_on, click, harness, show};

fn answer(harness: &mut Harness<'_, PantauApp>, paths: &[PathBuf]) {
    harness.state_mut().dialogs = Box::new(ScriptedDialogs {
        answers: paths.to_vec(),
        ..Default::default()
    });
}

fn results(harness: &Harness<'_, PantauApp>) -> Vec<(bool, String)> {
    harness.state().exchange.results.clone()
}

fn recorded(path: &std::path::Path, unit: &str, date: &str) -> Option<u64> {
    let store = Store::open_read_only(path).unwrap();
    let data = store.load().unwrap();
    let id = data.find_unit(unit).unwrap().id;
    data.reports
        .get(&(id, common::d(date)))
        .map(|r| r.counts.recorded)
}

#[test]
fn a_kecamatan_pc_is_set_up_sends_its_day_and_the_district_receives_and_decides_by_clicks() {
    let (db, store) = small_office();
    drop(store);
    let omben_path = db.dir.path().join("Omben.pantau");
    let outbox = db.dir.path().join("usb");
    std::fs::create_dir_all(&outbox).unwrap();

    // The district sets up Omben's PC from the Kiriman screen (Omben's row comes first).
    let mut district = harness(app_on(&db, "2016-10-07"));
    show(&mut district, Screen::Exchange);
    district.get_by_label("Belum ada PC kecamatan yang disiapkan. Siapkan satu per kecamatan di tabel ini atau di layar Unit; bawa berkasnya ke PC kecamatan.");
    answer(&mut district, std::slice::from_ref(&omben_path));
    district
        .get_all_by_role_and_label(Role::Button, "Siapkan PC kecamatan…")
        .next()
        .unwrap()
        .click();
    district.run_steps(3);
    assert!(omben_path.exists(), "{:?}", results(&district));
    assert!(results(&district)[0].0, "{:?}", results(&district));
    // Torjun still has none; Omben has one.
    assert_eq!(
        district
            .get_all_by_role_and_label(Role::Button, "Siapkan PC kecamatan…")
            .count(),
        1
    );

    // At the Omben PC: the day is entered, then sent with a click.
    let omben_db = common::TempDb {
        dir: tempfile::tempdir().unwrap(),
        path: omben_path.clone(),
    };
    let mut kecamatan = harness(app_on(&omben_db, "2016-10-07"));
    let omben_id = kecamatan.state().view().unwrap().data.units[0].id;
    kecamatan
        .state_mut()
        .commands
        .push(Command::SaveReports(vec![report(
            omben_id,
            "2016-10-05",
            31,
            25,
            0,
        )]));
    kecamatan.run_steps(3);
    show(&mut kecamatan, Screen::Exchange);
    kecamatan.get_by_label("Belum ada kiriman.");
    let bundle = outbox.join("Omben-000001.pantau-kirim");
    answer(&mut kecamatan, std::slice::from_ref(&bundle));
    click(&mut kecamatan, "Kirim ke kabupaten…");
    assert!(bundle.exists(), "{:?}", results(&kecamatan));
    // The dialog suggested the bundle's own name.
    kecamatan.get_by_role_and_label(Role::Button, "Buka folder");
    kecamatan.get_by_label("belum");

    // At the district: the file, a second copy of it, and a tampered copy, all at once.
    let tampered = outbox.join("Omben-000001-ubah.pantau-kirim");
    let mut bytes = std::fs::read(&bundle).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x55;
    std::fs::write(&tampered, bytes).unwrap();
    answer(
        &mut district,
        &[tampered.clone(), bundle.clone(), bundle.clone()],
    );
    click(&mut district, "Terima kiriman…");
    let lines = results(&district);
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(
        !lines[0].0 && lines[0].1.contains("tidak diterima"),
        "{lines:?}"
    );
    assert!(
        lines[1].0 && lines[1].1.contains("diterapkan: 1 laporan baru"),
        "{lines:?}"
    );
    assert!(
        lines[2].0 && lines[2].1.contains("sudah pernah diterima"),
        "{lines:?}"
    );
    // The refusal is shown in words on the screen.
    district.get_by_label(&lines[0].1);
    drop(district);
    assert_eq!(recorded(&db.path, "Omben", "2016-10-05"), Some(31));

    // Both correct the same day; the kecamatan sends; the district decides for the kecamatan.
    let mut district = harness(app_on(&db, "2016-10-07"));
    let district_omben = district
        .state()
        .view()
        .unwrap()
        .data
        .find_unit("Omben")
        .unwrap()
        .id;
    district
        .state_mut()
        .commands
        .push(Command::SaveReports(vec![report(
            district_omben,
            "2016-10-05",
            40,
            25,
            0,
        )]));
    district.run_steps(3);
    kecamatan
        .state_mut()
        .commands
        .push(Command::SaveReports(vec![report(
            omben_id,
            "2016-10-05",
            35,
            25,
            0,
        )]));
    kecamatan.run_steps(3);
    let second = outbox.join("Omben-000002.pantau-kirim");
    answer(&mut kecamatan, std::slice::from_ref(&second));
    click(&mut kecamatan, "Kirim ke kabupaten…");
    show(&mut district, Screen::Exchange);
    answer(&mut district, std::slice::from_ref(&second));
    click(&mut district, "Terima kiriman…");
    assert!(
        results(&district)[0]
            .1
            .contains("1 konflik menunggu keputusan"),
        "{:?}",
        results(&district)
    );
    district.get_by_label("rekam 35, kirim 25, cetak 0");
    district.get_by_label("rekam 40, kirim 25, cetak 0");
    click(&mut district, "Pakai kiriman kecamatan");
    district.get_by_label("Tidak ada konflik yang menunggu keputusan.");
    drop(district);
    assert_eq!(recorded(&db.path, "Omben", "2016-10-05"), Some(35));
}

#[test]
fn the_district_receives_every_bundle_of_a_folder_at_once_and_a_folder_is_never_missing() {
    let (db, mut store) = small_office();
    let today = common::d("2016-10-10");
    let omben_path = db.dir.path().join("Omben.pantau");
    pantau::exchange::set_up(&mut store, "Omben", &omben_path, today).unwrap();
    drop(store);
    // Two days sent from the Omben PC, one bundle each, onto a USB stick that holds other
    // files too.
    let usb = db.dir.path().join("usb");
    std::fs::create_dir_all(&usb).unwrap();
    std::fs::write(usb.join("catatan.txt"), "bukan kiriman").unwrap();
    let mut omben = Store::open(&omben_path).unwrap();
    let omben_id = omben.load().unwrap().find_unit("Omben").unwrap().id;
    for (day, recorded) in [("2016-10-05", 31), ("2016-10-06", 28)] {
        omben
            .save_report(&report(omben_id, day, recorded, 20, 0), today)
            .unwrap();
        pantau::exchange::send(&mut omben, None, &usb).unwrap();
    }
    drop(omben);

    let mut district = harness(app_on(&db, "2016-10-10"));
    show(&mut district, Screen::Exchange);
    // An empty folder first: said, nothing changed.
    let empty = db.dir.path().join("kosong");
    std::fs::create_dir_all(&empty).unwrap();
    answer(&mut district, std::slice::from_ref(&empty));
    click(&mut district, "Terima satu folder…");
    let lines = results(&district);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        !lines[0].0
            && lines[0]
                .1
                .ends_with("kosong: tidak ada kiriman (berkas .pantau-kirim) di folder ini"),
        "{lines:?}"
    );
    // In a message to close and in the results under it; not in the (green) status line.
    assert_eq!(district.query_all_by_label(&lines[0].1).count(), 2);
    click(&mut district, "Tutup");
    // The stick: both bundles, in order; the text file is not a bundle and is left alone.
    answer(&mut district, std::slice::from_ref(&usb));
    click(&mut district, "Terima satu folder…");
    let lines = results(&district);
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines.iter().all(|(ok, _)| *ok), "{lines:?}");
    drop(district);
    assert_eq!(recorded(&db.path, "Omben", "2016-10-05"), Some(31));
    assert_eq!(recorded(&db.path, "Omben", "2016-10-06"), Some(28));

    // On a PC without a file dialog the folder is typed: it is taken, not "tidak ada".
    let mut app = app_on(&db, "2016-10-10");
    app.dialogs = Box::new(ScriptedDialogs {
        unavailable: true,
        ..Default::default()
    });
    let mut district = harness(app);
    show(&mut district, Screen::Exchange);
    click(&mut district, "Terima kiriman…");
    gui_support::retype(&mut district, "Jalur berkas", &usb.display().to_string());
    click(&mut district, "OK");
    assert!(district.state().path_prompt.is_none());
    let lines = results(&district);
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(
        lines
            .iter()
            .all(|(ok, line)| *ok && line.contains("sudah pernah diterima")),
        "{lines:?}"
    );
}

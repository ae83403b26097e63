//! The desktop app opened on a province's hub, as a province's staff opens it: "Buka hub
//! provinsi…" on the welcome screen, the address and the password typed, then the same
//! dashboard as an office's with the province's districts where kecamatan are, read only, and
//! the PDF report for the province.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test that cannot go on says so by panicking.

mod common;
mod gui_support;

use common::pantau;
use common::pg::{cluster, demo};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use gui_support::{harness, new_app, run_until, type_into};
use pantau::locale::{Lang, fmt};
use pantau::ui::dialogs::ScriptedDialogs;

fn total(db: &std::path::Path, as_of: &str, field: &str) -> u64 {
    let out = pantau()
        .args(["summary", "--json", "--as-of", as_of, "--db"])
        .arg(db)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["total"][field].as_u64().unwrap()
}

#[test]
fn a_province_opens_its_hub_and_reads_its_districts_tiles_read_only() {
    let Some(cluster) = cluster() else { return };
    let hub = cluster.hub("hub_gui");
    let dir = tempfile::tempdir().unwrap();
    let sampang = demo(dir.path(), "sampang");
    let bangkalan = demo(dir.path(), "bangkalan");
    pantau()
        .args(["add-report", "--unit", "Torjun", "--date", "2017-07-03"])
        .args([
            "--recorded",
            "9",
            "--sent",
            "0",
            "--printed",
            "0",
            "--prr",
            "0",
            "--db",
        ])
        .arg(&bangkalan)
        .assert()
        .success();
    let role = cluster.register(&hub, &sampang, "Jawa Timur", None);
    cluster.push(&hub, &sampang, &role).success();
    let role = cluster.register(&hub, &bangkalan, "Jawa Timur", Some("Bangkalan"));
    cluster.push(&hub, &bangkalan, &role).success();
    let reader = format!("{hub}_kepala");
    cluster.reader(&hub, &reader, "Jawa Timur");

    let pdf = dir.path().join("jatim.pdf");
    let mut app = new_app(&dir.path().join("demo.pantau"));
    app.today = common::d("2017-07-04");
    app.dialogs = Box::new(ScriptedDialogs {
        answers: vec![pdf.clone()],
        ..Default::default()
    });
    let mut harness = harness(app);
    harness
        .get_by_role_and_label(Role::Button, "Buka hub provinsi…")
        .click();
    harness.run_steps(3);
    let url = format!(
        "postgresql://{reader}@{}:{}/{hub}?sslmode=require",
        cluster.host, cluster.port
    );
    type_into(&mut harness, "Alamat hub", &url);
    type_into(&mut harness, "Kata sandi", "reader-pw");
    harness
        .get_by_role_and_label(Role::Button, "Buka hub")
        .click();
    harness.run_steps(2);
    run_until(&mut harness, |app| {
        app.hub_loading().is_none() && (app.view().is_some() || app.error.is_some())
    });
    assert!(
        harness.state().error.is_none(),
        "{:?}",
        harness.state().error
    );
    run_until(&mut harness, |app| {
        app.view().is_some_and(|v| v.forecast.is_some())
    });

    // The province's tiles: the two districts' own totals added up.
    let as_of = "2017-07-03";
    for field in ["recorded", "sent_to_central", "printed", "wajib_ktp"] {
        let sum = total(&sampang, as_of, field) + total(&bangkalan, as_of, field);
        harness.get_by_label(&fmt::count(Lang::Id, sum));
    }
    harness.get_by_label_contains("Hub Jawa Timur — hanya baca");
    // The districts where kecamatan are, the one that has not reported the day named.
    harness.get_by_label_contains("1 kabupaten belum melapor: Sampang");
    assert!(harness.query_all_by_label("Bangkalan").next().is_some());
    // Read only: the office's screens are not there.
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Entri Harian")
            .is_none()
    );

    // The PDF report for the province, from the same figures.
    harness
        .get_by_role_and_label(Role::Button, "Laporan")
        .click();
    harness.run_steps(3);
    assert!(harness.query_by_label("Impor").is_none());
    harness
        .get_by_role_and_label(Role::Button, "Laporan PDF untuk pimpinan…")
        .click();
    harness.run_steps(2);
    run_until(&mut harness, |app| app.tasks().next().is_none());
    assert!(
        harness.state().error.is_none(),
        "{:?}",
        harness.state().error
    );
    let text = lopdf::Document::load(&pdf)
        .unwrap()
        .extract_text(&[1])
        .unwrap();
    assert!(text.contains("Jawa Timur"), "{text}");
    // Its table is per district, not per kecamatan.
    let all = lopdf::Document::load(&pdf)
        .unwrap()
        .extract_text(&[1, 2, 3])
        .unwrap();
    assert!(all.contains("Per kabupaten"), "{all}");
    assert!(!all.contains("kecamatan"), "{all}");
    let recorded = total(&sampang, as_of, "recorded") + total(&bangkalan, as_of, "recorded");
    assert!(
        text.contains(&fmt::count(Lang::Id, recorded)),
        "{recorded} not in {text}"
    );
}

#[test]
fn a_district_sends_to_its_province_from_the_kiriman_screen_and_sees_the_hub_has_it() {
    let Some(cluster) = cluster() else { return };
    let hub = cluster.hub("hub_gui_push");
    let dir = tempfile::tempdir().unwrap();
    let sampang = demo(dir.path(), "sampang");
    cluster.register(&hub, &sampang, "Jawa Timur", None);
    pantau()
        .args(["add-report", "--unit", "Omben", "--date", "2017-07-03"])
        .args([
            "--recorded",
            "6",
            "--sent",
            "0",
            "--printed",
            "0",
            "--prr",
            "0",
            "--db",
        ])
        .arg(&sampang)
        .assert()
        .success();

    let mut app = new_app(&dir.path().join("demo.pantau"));
    app.today = common::d("2017-07-04");
    app.open(&sampang);
    let mut harness = harness(app);
    gui_support::show(&mut harness, pantau::ui::app::Screen::Exchange);
    harness.get_by_label_contains("Terdaftar di hub provinsi Jawa Timur");
    // The password of the district's role, typed; never kept.
    type_into(&mut harness, "Kata sandi", "district-pw");
    harness
        .get_by_role_and_label(Role::Button, "Kirim ke provinsi")
        .click();
    harness.run_steps(2);
    run_until(&mut harness, |app| !app.pushing_to_province());
    assert!(
        harness.state().error.is_none(),
        "{:?}",
        harness.state().error
    );
    // In the results and on the status line.
    assert!(
        harness
            .query_all_by_label_contains("Sampang: kiriman 1 diterapkan (5.446 laporan, 10 daftar)")
            .next()
            .is_some()
    );
    harness.get_by_label_contains("1: dibuat ");
    harness.get_by_label_contains("— diterima hub ");

    let mut admin = cluster.admin(&hub);
    let recorded: i64 = admin
        .query_one(
            "SELECT r.recorded FROM pantau.report r JOIN pantau.unit u
               ON u.district_id = r.district_id AND u.unit_key = r.unit_key
             WHERE u.name = 'Omben' AND r.day = '2017-07-03'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(recorded, 6);
}

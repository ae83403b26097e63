//! The request letter for blanks: its figures are the dashboard's of the same day — the stock,
//! the PRR waiting, the printing per day, the quantity (PRR waiting + days of printing − stock
//! − the deliveries the centre announced and has not made, rounded up) — read back from the PDF with `pdftotext` as a person's PDF reader would; from
//! the command line and from the dashboard's button with the number typed beside it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod gui_support;

use std::path::Path;

use common::pantau;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use gui_support::*;
use pantau::locale::{Lang, fmt};
use serde_json::Value;

/// The PDF's text as `pdftotext` gives it (CI installs poppler-utils and requires it); where
/// it is missing outside CI, lopdf's.
fn pdf_text(pdf: &Path) -> String {
    match std::process::Command::new("pdftotext")
        .arg("-layout")
        .arg(pdf)
        .arg("-")
        .output()
    {
        Ok(out) => {
            assert!(
                out.status.success(),
                "pdftotext failed on {}: {}",
                pdf.display(),
                String::from_utf8_lossy(&out.stderr)
            );
            String::from_utf8(out.stdout).unwrap()
        }
        Err(_) if std::env::var_os("PANTAU_REQUIRE_PDFTOTEXT").is_none() => {
            let doc = lopdf::Document::load(pdf).unwrap();
            doc.extract_text(&[1]).unwrap()
        }
        Err(e) => panic!("pdftotext is required here: {e}"),
    }
}

fn json(args: &[&str], db: &Path) -> Value {
    let out = pantau().args(args).arg("--db").arg(db).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// What the letter must say, worked out from `summary --json` of the same day and the blanks
/// the centre announced by then and had not delivered.
fn expected_from_summary(summary: &Value, announced: u64) -> (u64, u64, u64, u64) {
    let stock = summary["stock"]["on_hand"].as_i64().unwrap().max(0) as u64;
    let rate = summary["stock"]["print_rate_per_day"].as_f64().unwrap();
    let waiting = summary["total"]["prr_waiting"].as_u64().unwrap();
    let need = (waiting + (rate * 20.0).ceil() as u64)
        .saturating_sub(stock)
        .saturating_sub(announced);
    let quantity = need.div_ceil(1_000) * 1_000;
    (stock, rate.round() as u64, waiting, quantity)
}

#[test]
fn the_letters_figures_are_the_dashboards_of_the_same_day() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.pantau");
    pantau().args(["demo", "--db"]).arg(&db).assert().success();
    // The demo's centre announced two deliveries of 10.000 on 15 Jun 2017, for 10 and 24 Jul:
    // on its last day they are coming, and not asked for again.
    for (as_of, announced) in [("2016-10-05", 0), ("2017-03-15", 0), ("2017-06-23", 20_000)] {
        let summary = json(&["summary", "--json", "--as-of", as_of], &db);
        let (stock, rate, waiting, quantity) = expected_from_summary(&summary, announced);
        let out = dir.path().join(format!("surat-{as_of}.pdf"));
        let output = pantau()
            .env("PANTAU_TODAY", "2017-06-28")
            .args(["letter", "--lang", "id", "--as-of", as_of, "--json"])
            .args(["--number", "470/123/434.213/2016", "--db"])
            .arg(&db)
            .arg("--out")
            .arg(&out)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let stdout = String::from_utf8_lossy(&output.stdout);
        // The request's JSON, then the line that says the letter was written.
        let end = stdout.find("\n}\n").unwrap() + 2;
        let request: Value = serde_json::from_str(&stdout[..end]).unwrap();
        assert_eq!(request["waiting"], waiting);
        assert_eq!(request["announced"], announced);
        assert_eq!(request["quantity"], quantity);
        let n = |x: u64| fmt::count(Lang::Id, x);
        let text = pdf_text(&out);
        let coming = "Pengiriman yang sudah diumumkan (2, hingga 24 Jul 2017)";
        assert_eq!(text.contains(coming), announced > 0, "{as_of}:\n{text}");
        if announced > 0 {
            assert!(text.contains("20.000 lembar"), "{text}");
            assert!(text.contains("Kebutuhan dikurangi stok dan pengiriman yang diumumkan"));
        }
        // Dated the day it is written, its figures those of the as-of day.
        let day = pantau::locale::fmt::date_words(Lang::Id, as_of.parse().unwrap());
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(&format!("per {day}")), "{as_of}: {flat}");
        for expected in [
            "Sampang, 28 Juni 2017".to_string(),
            "DISPENDUKCAPIL KABUPATEN SAMPANG".to_string(),
            "470/123/434.213/2016".to_string(),
            "Permohonan Tambahan Blangko KTP-el".to_string(),
            "Direktur Jenderal Kependudukan dan Pencatatan Sipil".to_string(),
            format!("{} lembar", n(stock)),
            n(waiting),
            format!("{} kartu per hari kerja", n(rate)),
            format!("{} lembar", n(quantity)),
        ] {
            assert!(
                text.contains(&expected),
                "{as_of}: «{expected}» not in the letter:\n{text}"
            );
        }
    }
}

#[test]
fn the_dashboard_says_when_to_ask_and_its_button_writes_the_letter() {
    let (db, mut app) = demo_app();
    let out = db.dir.path().join("permintaan.pdf");
    app.dialogs = Box::new(pantau::ui::dialogs::ScriptedDialogs {
        answers: vec![out.clone()],
        ..Default::default()
    });
    let mut harness = harness(app);
    // The demo's last day: what the dashboard's request says is worked out from its summary.
    let (summary, data) = {
        let view = harness.state().view().unwrap();
        (view.summary.clone(), view.data.clone())
    };
    let request = pantau::domain::request::blank_request(&data, &summary);
    let centre = summary.total.centre.unwrap();
    assert_eq!(request.waiting, centre.prr_waiting);
    let n = |x: u64| fmt::count(Lang::Id, x);
    harness.get_by_label_contains(&format!(
        "Diminta {} lembar = PRR belum dicetak {} + 20 hari cetak {} ({} per hari kerja, rata-rata \
         14 hari kerja terakhir) − stok 0 − pengiriman yang sudah diumumkan 20.000 (2 pengiriman, \
         hingga 24 Jul 2017), dibulatkan ke atas per 1.000.",
        n(request.quantity),
        n(centre.prr_waiting),
        n(request.buffer),
        n(request.print_rate_per_day.round() as u64)
    ));
    // The deliveries announced on 15 Jun are not asked for again.
    assert_eq!(request.announced, 20_000);
    assert_eq!(
        request.quantity,
        (centre.prr_waiting + request.buffer - 20_000).div_ceil(1_000) * 1_000
    );
    // The forecast's tiles grow when it arrives and move the button down: a click sent while
    // that happens lands where the button was. Wait for it, as a clerk sees the page settle.
    harness.state_mut().wait_for_jobs();
    harness.run_steps(3);
    let number = harness.get_by_label("Nomor surat");
    number.click();
    harness.run_steps(2);
    harness.get_by_label("Nomor surat").type_text("470/77/2017");
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::Button, "Buat surat permintaan blangko…")
        .click();
    // The letter is written on a thread of its own: wait until the status line says it was
    // (a loaded machine may take a few frames to start it), or an error does.
    let written = out.display().to_string();
    for _ in 0..200 {
        harness.run_steps(1);
        harness.state_mut().wait_for_jobs();
        let state = harness.state();
        if state.error.is_some() || state.status.as_ref().is_some_and(|s| s.contains(&written)) {
            break;
        }
    }
    assert!(
        harness.state().error.is_none(),
        "{:?}",
        harness.state().error
    );
    assert!(
        harness
            .state()
            .status
            .as_ref()
            .is_some_and(|s| s.contains(&written)),
        "{:?}",
        harness.state().status
    );
    let text = pdf_text(&out);
    // Dated the day it is written (this PC's today), not the figures' day.
    let today = pantau::clock::today().max(summary.as_of);
    for expected in [
        format!("Sampang, {}", fmt::date_words(Lang::Id, today)),
        "470/77/2017".to_string(),
        format!("{} lembar", n(request.quantity)),
        n(centre.prr_waiting),
    ] {
        assert!(
            text.contains(&expected),
            "«{expected}» not in the letter:\n{text}"
        );
    }
}

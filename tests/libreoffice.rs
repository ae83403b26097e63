//! The exported workbook opened by the program offices open it with: LibreOffice, headless.
//! Its chart has a date axis (months, not the serial numbers 42370… behind them), and the
//! summary sheet says the day it is of.
//!
//! Needs `soffice` (`apt-get install libreoffice-calc-nogui`); `.ci/run` installs it and sets
//! `PANTAU_REQUIRE_LIBREOFFICE`, which makes this test fail rather than skip without it.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A test that cannot go on says so by panicking.

mod common;

use std::io::Read;
use std::path::Path;
use std::process::Command;

use common::pantau;

/// `soffice`, if this machine has it; a failure when CI says it must.
fn soffice() -> Option<&'static str> {
    let found = Command::new("soffice")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found && std::env::var_os("PANTAU_REQUIRE_LIBREOFFICE").is_some() {
        panic!("soffice (LibreOffice) is required here: apt-get install libreoffice-calc-nogui");
    }
    found.then_some("soffice")
}

/// Converts `file` with LibreOffice to `format` in `dir`, with a profile of its own (tests run
/// at the same time); returns the converted file.
fn convert(soffice: &str, file: &Path, format: &str, dir: &Path) -> std::path::PathBuf {
    let profile = dir.join(format!("profile-{format}"));
    let out = Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", format, "--outdir"])
        .arg(dir)
        .arg(file)
        .output()
        .unwrap();
    let converted = dir.join(file.file_stem().unwrap()).with_extension(format);
    assert!(
        converted.exists(),
        "LibreOffice did not convert {}: {}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    converted
}

fn zip_entry(file: &Path, name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(file).unwrap()).unwrap();
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn the_workbook_opened_by_libreoffice_has_dates_on_its_chart_axis_and_says_its_day() {
    let Some(soffice) = soffice() else {
        eprintln!("skipped: no LibreOffice (soffice) on this machine");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.pantau");
    pantau().args(["demo", "--db"]).arg(&db).assert().success();
    let book = dir.path().join("sampang.xlsx");
    pantau()
        .args(["export", "--lang", "id", "--to", "2016-10-05", "--db"])
        .arg(&db)
        .arg("--out")
        .arg(&book)
        .assert()
        .success();

    // As LibreOffice reads it: the chart's x axis is a date axis.
    let ods = convert(soffice, &book, "ods", dir.path());
    let chart = zip_entry(&ods, "Object 1/content.xml");
    let x_axis = chart
        .split("<chart:axis ")
        .find(|a| a.contains("chart:dimension=\"x\""))
        .expect("the chart has an x axis");
    assert!(
        x_axis.contains("chartooo:axis-type=\"date\""),
        "not a date axis: {x_axis}"
    );
    // The summary sheet says its day: "Per tanggal" beside 5 Oct 2016.
    let sheets = zip_entry(&ods, "content.xml");
    let summary = &sheets[sheets
        .find("table:name=\"Ringkasan\"")
        .expect("the summary sheet")..];
    let as_of = summary.find(">Per tanggal<").expect("the as-of label");
    let next = &summary[as_of..as_of + 600];
    assert!(
        next.contains("office:date-value=\"2016-10-05\""),
        "the as-of day: {next}"
    );

    // As a person sees it printed: months under the chart, not serial numbers.
    let pdf = convert(soffice, &book, "pdf", dir.path());
    let document = lopdf::Document::load(&pdf).unwrap();
    let pages: Vec<u32> = document.get_pages().keys().copied().collect();
    let text = document.extract_text(&pages).unwrap();
    assert!(
        text.contains("Kemajuan terhadap wajib KTP"),
        "no chart title"
    );
    for serial in ["42370", "42401", "42430", "42461"] {
        assert!(!text.contains(serial), "a date shown as {serial}");
    }
    assert!(text.contains("Apr 2016"), "no month on the chart's axis");
}

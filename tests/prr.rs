//! The centre's stage — print-ready records (PRR), duplicates (DUP), failed records (Efac) and
//! Efac retaken — through the `pantau` binary as an office uses it: an old database upgraded
//! with PRR unknown (never 0), each rule's refusal naming unit, date and field with the
//! database unchanged, `summary --json` carrying the cumulative stage and what waits on either
//! side of PRR, the tamper check, and a kecamatan PC's bundle carrying the figures.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use assert_cmd::Command;
use common::{dump, pantau, temp_path};
use predicates::str::contains;
use serde_json::Value;

/// A two-kecamatan office (Torjun 10.000 wajib KTP, Omben 8.000) and its district office.
fn office(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("uji.pantau");
    let units = dir.join("units.csv");
    std::fs::write(&units, "name,wajib_ktp\nTorjun,10000\nOmben,8000\n").unwrap();
    pantau()
        .args(["init", "--office", "Dispendukcapil Uji", "--db"])
        .arg(&db)
        .arg("--units")
        .arg(&units)
        .assert()
        .success();
    db
}

/// The office with two days: Torjun counting the stage (PRR 55, DUP 2, Efac 1, retaken 1,
/// printed 40 by 2016-10-04), Omben one day without it.
fn two_days(dir: &Path) -> std::path::PathBuf {
    let db = office(dir);
    let torjun = [
        (
            "2016-10-03",
            [100, 90, 0],
            &["--prr", "50", "--dup", "2", "--efac", "1"][..],
        ),
        (
            "2016-10-04",
            [100, 90, 40],
            &["--prr", "5", "--efac-retaken", "1"][..],
        ),
    ];
    for (date, counts, stage) in torjun {
        add(&db, "Torjun", date, counts, stage).assert().success();
    }
    add(&db, "Omben", "2016-10-04", [20, 10, 0], &[])
        .assert()
        .success();
    db
}

/// `add-report` with the four counts and any further flags.
fn add(db: &Path, unit: &str, date: &str, counts: [u64; 3], more: &[&str]) -> Command {
    let mut cmd = pantau();
    cmd.args(["add-report", "--unit", unit, "--date", date])
        .args(["--recorded", &counts[0].to_string()])
        .args(["--sent", &counts[1].to_string()])
        .args(["--printed", &counts[2].to_string()])
        .args(more)
        .arg("--db")
        .arg(db);
    cmd
}

fn summary(db: &Path, as_of: &str) -> Value {
    let out = pantau()
        .args(["summary", "--json", "--as-of", as_of, "--db"])
        .arg(db)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn unit<'a>(summary: &'a Value, name: &str) -> &'a Value {
    summary["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["name"] == name)
        .unwrap()
}

/// Runs `cmd`, expects it refused with `message` on stderr, and the database unchanged.
fn refused(mut cmd: Command, db: &Path, message: &str) {
    let before = dump(db);
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "not refused; expected {message}");
    assert!(
        stderr.contains(message),
        "expected {message:?}, got {stderr}"
    );
    assert_eq!(
        dump(db),
        before,
        "a refusal changed the database: {message}"
    );
}

#[test]
fn each_rule_of_the_centres_stage_refuses_naming_unit_date_and_field() {
    let dir = tempfile::tempdir().unwrap();
    let db = office(dir.path());
    let prr = |n: &'static str| ["--prr", n];
    add(
        &db,
        "Torjun",
        "2016-10-03",
        [100, 90, 0],
        &["--prr", "50", "--dup", "2", "--efac", "1"],
    )
    .assert()
    .success();

    // Only print-ready records are printed.
    refused(
        add(&db, "Torjun", "2016-10-04", [100, 90, 60], &prr("5")),
        &db,
        "Torjun 2016-10-04: cumulative printed 60 would exceed cumulative PRR 55",
    );
    // A sent record becomes PRR, DUP or Efac once.
    refused(
        add(
            &db,
            "Torjun",
            "2016-10-04",
            [10, 5, 0],
            &["--prr", "40", "--dup", "3"],
        ),
        &db,
        "Torjun 2016-10-04: cumulative PRR 90 + DUP 5 + Efac 1 = 96 would exceed cumulative \
         sent 95",
    );
    // Only Efac records are retaken, and a retaken record is recorded again that day.
    refused(
        add(
            &db,
            "Torjun",
            "2016-10-04",
            [100, 90, 0],
            &["--prr", "5", "--efac-retaken", "2"],
        ),
        &db,
        "Torjun 2016-10-04: cumulative Efac retaken 2 would exceed cumulative Efac 1",
    );
    refused(
        add(
            &db,
            "Torjun",
            "2016-10-04",
            [3, 0, 0],
            &["--prr", "0", "--efac", "9", "--efac-retaken", "5"],
        ),
        &db,
        "Torjun 2016-10-04: Efac retaken 5 exceeds the day's recorded 3",
    );
    // DUP or Efac without PRR is not a day's stage: PRR is named as missing.
    refused(
        add(&db, "Torjun", "2016-10-04", [100, 90, 0], &["--dup", "1"]),
        &db,
        "Torjun 2016-10-04: prr",
    );
    refused(
        add(
            &db,
            "Torjun",
            "2016-10-04",
            [100, 90, 0],
            &["--prr", "lima"],
        ),
        &db,
        "Torjun 2016-10-04: prr 'lima'",
    );

    // A change to an earlier day that breaks a later one names both days.
    add(&db, "Torjun", "2016-10-04", [100, 90, 40], &prr("5"))
        .assert()
        .success();
    refused(
        add(&db, "Torjun", "2016-10-03", [100, 90, 0], &prr("30")),
        &db,
        "Torjun 2016-10-03: this change breaks it on 2016-10-04: cumulative printed 40 would \
         exceed cumulative PRR 35",
    );
    // Deleting the day that made the PRR the printing needed is refused too.
    let mut delete = pantau();
    delete
        .args([
            "delete-report",
            "--unit",
            "Torjun",
            "--date",
            "2016-10-03",
            "--db",
        ])
        .arg(&db);
    refused(
        delete,
        &db,
        "cumulative printed 40 would exceed cumulative PRR 5",
    );

    // In Indonesian, with the office's words.
    let mut id = add(&db, "Torjun", "2016-10-05", [10, 10, 30], &prr("0"));
    id.args(["--lang", "id"]);
    refused(
        id,
        &db,
        "Torjun 2016-10-05: total Cetak 70 akan melebihi total PRR 55 (hanya data siap cetak \
         yang dicetak)",
    );
}

#[test]
fn summary_carries_the_cumulative_stage_and_says_unknown_where_a_unit_does_not_count_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = two_days(dir.path());

    let s = summary(&db, "2016-10-04");
    let torjun = unit(&s, "Torjun");
    assert_eq!(torjun["prr"], 55);
    assert_eq!(torjun["dup"], 2);
    assert_eq!(torjun["efac"], 1);
    assert_eq!(torjun["efac_retaken"], 1);
    // PRR not yet printed: waiting for blanks; sent not yet PRR, DUP or Efac: waiting for PRR.
    assert_eq!(torjun["prr_waiting"], 15);
    assert_eq!(torjun["waiting_for_prr"], 180 - 55 - 2 - 1);
    let shares = &torjun["of_stage_before"];
    assert_eq!(shares["sent_of_recorded_pct"], 90.0);
    assert_eq!(shares["printed_of_recorded_pct"], 20.0);
    assert!((shares["prr_of_sent_pct"].as_f64().unwrap() - 55.0 * 100.0 / 180.0).abs() < 1e-9);
    assert!((shares["printed_of_prr_pct"].as_f64().unwrap() - 40.0 * 100.0 / 55.0).abs() < 1e-9);
    assert!((torjun["prr_pct"].as_f64().unwrap() - 0.55).abs() < 1e-9);
    // Omben did not count PRR: unknown, never 0, and so is the total.
    let omben = unit(&s, "Omben");
    assert!(omben.get("prr").is_none(), "{omben}");
    assert!(omben["of_stage_before"]["prr_of_sent_pct"].is_null());
    assert!(s["total"].get("prr").is_none(), "{}", s["total"]);
    assert_eq!(
        s["total"]["of_stage_before"]["sent_of_recorded_pct"],
        100.0 * 190.0 / 220.0
    );

    // Omben's PRR taken up from its totals to date: now known, and the total with it.
    pantau()
        .args([
            "prr",
            "start",
            "--unit",
            "omben",
            "--as-of",
            "2016-10-04",
            "--prr",
            "6",
            "--db",
        ])
        .arg(&db)
        .assert()
        .success()
        .stdout(contains(
            "Omben 2016-10-04: PRR start 6, DUP 0, Efac 0, Efac retaken 0",
        ));
    let s = summary(&db, "2016-10-04");
    assert_eq!(unit(&s, "Omben")["prr"], 6);
    assert_eq!(s["total"]["prr"], 61);
    assert_eq!(s["total"]["prr_waiting"], 21);

    // The text summary shows the stages in both languages.
    pantau()
        .args(["summary", "--as-of", "2016-10-04", "--lang", "id", "--db"])
        .arg(&db)
        .assert()
        .success()
        .stdout(contains("PRR/terkirim"))
        .stdout(contains("Tunggu PRR"));
}

#[test]
fn counting_prr_needs_every_units_start_and_then_every_days_figures() {
    let dir = tempfile::tempdir().unwrap();
    let db = office(dir.path());
    add(&db, "Torjun", "2016-10-03", [100, 90, 10], &[])
        .assert()
        .success();
    let mut on = pantau();
    on.args(["prr", "count", "on", "--db"]).arg(&db);
    refused(
        on,
        &db,
        "Torjun 2016-10-03: PRR, DUP and Efac are missing; this office counts them every day",
    );
    pantau()
        .args([
            "prr",
            "start",
            "--unit",
            "Torjun",
            "--as-of",
            "2016-10-03",
            "--prr",
            "20",
            "--db",
        ])
        .arg(&db)
        .assert()
        .success();
    pantau()
        .args(["prr", "count", "on", "--db"])
        .arg(&db)
        .assert()
        .success()
        .stdout(contains(
            "this office now counts PRR, DUP and Efac every day",
        ));
    refused(
        add(&db, "Torjun", "2016-10-04", [100, 90, 10], &[]),
        &db,
        "Torjun 2016-10-04: PRR, DUP and Efac are missing; this office counts them every day",
    );
    add(&db, "Torjun", "2016-10-04", [100, 90, 10], &["--prr", "30"])
        .assert()
        .success();
    // A start that the printing already exceeds is refused with the day it breaks.
    let mut start = pantau();
    start
        .args([
            "prr",
            "start",
            "--unit",
            "Torjun",
            "--as-of",
            "2016-10-03",
            "--prr",
            "5",
            "--db",
        ])
        .arg(&db);
    refused(
        start,
        &db,
        "Torjun 2016-10-03: cumulative printed 10 would exceed cumulative PRR 5",
    );
    pantau()
        .args(["prr", "list", "--db"])
        .arg(&db)
        .assert()
        .success()
        .stdout(contains("2016-10-03"))
        .stdout(contains("from the start"));
    pantau().args(["check", "--db"]).arg(&db).assert().success();
}

/// A database of version 6 (before accounts, the hub and PRR) with opening totals, reports and
/// a setting upgrades with every figure as it was and PRR unknown; the unit with opening totals
/// needs its PRR start before its PRR is known.
#[test]
fn a_version_6_database_upgrades_with_prr_unknown() {
    let db = temp_path("lama.pantau");
    {
        let mut conn = rusqlite::Connection::open(&db.path).unwrap();
        pantau::store::schema::migrate_to(&mut conn, 6).unwrap();
        conn.execute_batch(
            "INSERT INTO office (id, name) VALUES (1, 'Dispendukcapil Lama');
             INSERT INTO unit (id, name, kind) VALUES (1, 'Torjun', 'kecamatan'),
                                                      (2, 'Omben', 'kecamatan'),
                                                      (3, 'Kantor', 'district');
             INSERT INTO opening_balance (unit_id, as_of, recorded, sent_to_central, printed,
                                          suket_issued)
                 VALUES (1, '2016-09-30', 1000, 900, 500, 40);
             INSERT INTO daily_report (unit_id, date, recorded, sent_to_central, printed,
                                       suket_issued, server_ok, note)
                 VALUES (1, '2016-10-03', 50, 10, 0, 0, 1, ''),
                        (2, '2016-10-03', 60, 20, 0, 0, 1, 'ramai');
             INSERT INTO setting (key, value) VALUES ('outlier.factor', '4');",
        )
        .unwrap();
    }
    let figures = |path: &Path| -> Vec<String> {
        let conn = rusqlite::Connection::open(path).unwrap();
        let mut stmt = conn
            .prepare(
                "SELECT unit_id || '|' || date || '|' || recorded || '|' || sent_to_central
                        || '|' || printed || '|' || suket_issued || '|' || server_ok || '|'
                        || note FROM daily_report ORDER BY unit_id, date",
            )
            .unwrap();
        let mut rows: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        rows.push(
            conn.query_row(
                "SELECT as_of || '|' || recorded || '|' || printed FROM opening_balance",
                [],
                |r| r.get(0),
            )
            .unwrap(),
        );
        rows
    };
    let before = figures(&db.path);
    pantau()
        .args(["check", "--db"])
        .arg(&db.path)
        .assert()
        .success();
    assert_eq!(figures(&db.path), before);
    let conn = rusqlite::Connection::open(&db.path).unwrap();
    let version: u32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, pantau::store::schema::LATEST_VERSION);
    let unknown: i64 = conn
        .query_row(
            "SELECT count(*) FROM daily_report WHERE prr IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(unknown, 2, "an old report's PRR is unknown, not 0");
    drop(conn);

    let s = summary(&db.path, "2016-10-03");
    assert_eq!(unit(&s, "Torjun")["recorded"], 1050);
    assert!(unit(&s, "Torjun").get("prr").is_none());
    assert!(unit(&s, "Omben").get("prr").is_none());

    // Torjun's opening totals say nothing of PRR: a day's figures alone do not make it known.
    add(
        &db.path,
        "Torjun",
        "2016-10-04",
        [10, 10, 0],
        &["--prr", "5"],
    )
    .assert()
    .success();
    assert!(
        unit(&summary(&db.path, "2016-10-04"), "Torjun")
            .get("prr")
            .is_none()
    );
    let mut on = pantau();
    on.args(["prr", "count", "on", "--db"]).arg(&db.path);
    refused(
        on,
        &db.path,
        "Torjun 2016-09-30: the unit's PRR, DUP and Efac to date are unknown",
    );
    pantau()
        .args([
            "prr",
            "start",
            "--unit",
            "Torjun",
            "--as-of",
            "2016-10-03",
            "--prr",
            "600",
        ])
        .args(["--dup", "3", "--db"])
        .arg(&db.path)
        .assert()
        .success();
    let torjun = unit(&summary(&db.path, "2016-10-04"), "Torjun").clone();
    assert_eq!(torjun["prr"], 605);
    assert_eq!(torjun["prr_waiting"], 105);
    pantau()
        .args(["check", "--db"])
        .arg(&db.path)
        .assert()
        .success();
}

#[test]
fn a_prr_figure_changed_outside_pantau_is_named_by_check() {
    let dir = tempfile::tempdir().unwrap();
    let db = office(dir.path());
    add(&db, "Torjun", "2016-10-03", [100, 90, 0], &["--prr", "50"])
        .assert()
        .success();
    // Corrected, then back to no PRR (the trail keeps up with both).
    add(&db, "Torjun", "2016-10-03", [100, 90, 0], &["--prr", "40"])
        .assert()
        .success();
    add(&db, "Omben", "2016-10-03", [10, 9, 0], &["--prr", "4"])
        .assert()
        .success();
    add(&db, "Omben", "2016-10-03", [10, 9, 0], &[])
        .assert()
        .success();
    pantau()
        .args([
            "prr",
            "start",
            "--unit",
            "Omben",
            "--as-of",
            "2016-10-03",
            "--prr",
            "7",
        ])
        .arg("--db")
        .arg(&db)
        .assert()
        .success();
    pantau().args(["check", "--db"]).arg(&db).assert().success();
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute("UPDATE daily_report SET prr = 45 WHERE unit_id = 1", [])
        .unwrap();
    drop(conn);
    pantau()
        .args(["check", "--db"])
        .arg(&db)
        .assert()
        .failure()
        .stdout(contains(
            "daily report Torjun 3 Oct 2016 changed outside Pantau",
        ));
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute("UPDATE daily_report SET prr = 40 WHERE unit_id = 1", [])
        .unwrap();
    conn.execute("UPDATE prr_opening SET prr = 70", []).unwrap();
    drop(conn);
    pantau()
        .args(["check", "--db"])
        .arg(&db)
        .assert()
        .failure()
        .stdout(contains("prr_opening"));
}

#[test]
fn a_kecamatan_pcs_bundle_carries_the_days_prr_to_the_district() {
    let dir = tempfile::tempdir().unwrap();
    let district = office(dir.path());
    let torjun = dir.path().join("torjun.pantau");
    let outbox = dir.path().join("outbox");
    std::fs::create_dir_all(&outbox).unwrap();
    pantau()
        .args(["exchange", "setup", "--unit", "Torjun", "--db"])
        .arg(&district)
        .arg("--out")
        .arg(&torjun)
        .assert()
        .success();
    add(
        &torjun,
        "Torjun",
        "2016-10-03",
        [100, 90, 10],
        &["--prr", "30", "--efac", "2"],
    )
    .assert()
    .success();
    add(&torjun, "Torjun", "2016-10-04", [50, 40, 0], &[])
        .assert()
        .success();
    pantau()
        .args(["exchange", "send", "--db"])
        .arg(&torjun)
        .arg("--out")
        .arg(&outbox)
        .assert()
        .success();
    let bundle = std::fs::read_dir(&outbox)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    pantau()
        .args(["exchange", "receive", "--db"])
        .arg(&district)
        .arg(&bundle)
        .assert()
        .success();
    let data = pantau::store::Store::open_read_only(&district)
        .unwrap()
        .load()
        .unwrap();
    let id = data.find_unit("Torjun").unwrap().id;
    let reports: Vec<_> = data
        .reports_of(id)
        .map(|r| (r.date.to_string(), r.prr))
        .collect();
    assert_eq!(
        reports,
        vec![
            (
                "2016-10-03".to_string(),
                Some(pantau::domain::PrrCounts {
                    prr: 30,
                    dup: 0,
                    efac: 2,
                    efac_retaken: 0
                })
            ),
            ("2016-10-04".to_string(), None),
        ]
    );
    pantau()
        .args(["check", "--db"])
        .arg(&district)
        .assert()
        .success();

    // The district sets Torjun's PRR start; its next bundle carries it to the PC.
    pantau()
        .args([
            "prr",
            "start",
            "--unit",
            "Torjun",
            "--as-of",
            "2016-10-04",
            "--prr",
            "31",
        ])
        .arg("--db")
        .arg(&district)
        .assert()
        .success();
    let back = dir.path().join("back");
    std::fs::create_dir_all(&back).unwrap();
    pantau()
        .args(["exchange", "send", "--unit", "Torjun", "--db"])
        .arg(&district)
        .arg("--out")
        .arg(&back)
        .assert()
        .success();
    let bundle = std::fs::read_dir(&back)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    pantau()
        .args(["exchange", "receive", "--db"])
        .arg(&torjun)
        .arg(&bundle)
        .assert()
        .success();
    let pc = pantau::store::Store::open_read_only(&torjun)
        .unwrap()
        .load()
        .unwrap();
    let start = pc
        .prr_openings
        .values()
        .next()
        .expect("the PC has Torjun's PRR start");
    assert_eq!(
        (start.as_of.to_string(), start.counts.prr),
        ("2016-10-04".to_string(), 31)
    );
    let s = summary(&torjun, "2016-10-04");
    assert_eq!(unit(&s, "Torjun")["prr"], 31);
}

fn import(db: &Path, file: &Path) -> std::process::Output {
    pantau()
        .args(["import", "--db"])
        .arg(db)
        .arg(file)
        .output()
        .unwrap()
}

#[test]
fn an_import_reads_the_stage_columns_and_refuses_a_half_filled_stage_by_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let db = office(dir.path());
    // PRR, DUP and Efac but no retaken column; Omben's row did not count the stage.
    let good = dir.path().join("rekap.csv");
    std::fs::write(
        &good,
        "tanggal;kecamatan;rekam;terkirim;cetak;PRR;DUP;Efac\n\
         03/10/2016;Torjun;100;90;0;50;2;1\n\
         04/10/2016;Torjun;100;90;40;5;0;0\n\
         04/10/2016;Omben;20;10;0;;;\n",
    )
    .unwrap();
    let out = import(&db, &good);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("no Efac retaken column: it is 0 on every row with PRR"),
        "{stderr}"
    );
    let s = summary(&db, "2016-10-04");
    assert_eq!(unit(&s, "Torjun")["prr"], 55);
    assert_eq!(unit(&s, "Torjun")["prr_waiting"], 15);
    assert!(unit(&s, "Omben").get("prr").is_none());

    // The same days again from a sheet without the stage: the stored PRR stays.
    let plain = dir.path().join("tanpa-prr.csv");
    std::fs::write(
        &plain,
        "tanggal;kecamatan;rekam;terkirim;cetak\n03/10/2016;Torjun;100;90;0\n",
    )
    .unwrap();
    assert!(import(&db, &plain).status.success());
    assert_eq!(unit(&summary(&db, "2016-10-04"), "Torjun")["prr"], 55);

    // A row with PRR but an empty Efac cell, and one whose PRR breaks a rule: each named by
    // file, row and column, and nothing written.
    let bad = dir.path().join("salah.csv");
    std::fs::write(
        &bad,
        "tanggal;kecamatan;rekam;terkirim;cetak;PRR;DUP;Efac\n\
         05/10/2016;Torjun;10;10;0;5;0;\n\
         05/10/2016;Omben;10;10;0;3;0;0\n\
         06/10/2016;Torjun;10;10;50;0;0;0\n",
    )
    .unwrap();
    let before = dump(&db);
    let out = import(&db, &bad);
    assert!(!out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("salah.csv, row 2, column Efac: is empty"),
        "{stdout}"
    );
    assert_eq!(dump(&db), before);
    let bad = dir.path().join("lebih.csv");
    std::fs::write(
        &bad,
        "tanggal;kecamatan;rekam;terkirim;cetak;PRR;DUP;Efac\n\
         05/10/2016;Torjun;10;10;50;0;0;0\n",
    )
    .unwrap();
    let out = import(&db, &bad);
    assert!(!out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(
            "lebih.csv, row 2, column PRR: Torjun 2016-10-05: cumulative printed 90 would exceed \
             cumulative PRR 55"
        ),
        "{stdout}"
    );
    assert_eq!(dump(&db), before);
}

#[test]
fn exported_reports_carry_the_stage_and_import_back_into_a_new_office() {
    let dir = tempfile::tempdir().unwrap();
    let db = two_days(dir.path());
    for name in ["laporan.csv", "laporan.xlsx"] {
        let file = dir.path().join(name);
        pantau()
            .args(["export", "--db"])
            .arg(&db)
            .arg("--out")
            .arg(&file)
            .assert()
            .success();
        let other = tempfile::tempdir().unwrap();
        let copy = office(other.path());
        let out = import(&copy, &file);
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        let (a, b) = (summary(&db, "2016-10-04"), summary(&copy, "2016-10-04"));
        for unit_name in ["Torjun", "Omben"] {
            for key in [
                "recorded",
                "printed",
                "prr",
                "dup",
                "efac",
                "efac_retaken",
                "prr_waiting",
            ] {
                assert_eq!(
                    unit(&a, unit_name).get(key),
                    unit(&b, unit_name).get(key),
                    "{name} {key}"
                );
            }
        }
    }
}

/// An import of totals to date (`--cumulative`), as SIAK's monitoring page gives them: each
/// row's day is its totals less the unit's up to the day before (the file's earlier row, or
/// what is stored); a total lower than that is refused by file, row and column.
#[test]
fn a_cumulative_import_stores_each_days_counts_and_refuses_a_falling_total() {
    let dir = tempfile::tempdir().unwrap();
    let db = office(dir.path());
    add(&db, "Torjun", "2016-10-03", [100, 90, 0], &["--prr", "50"])
        .assert()
        .success();
    let file = dir.path().join("siak.csv");
    std::fs::write(
        &file,
        "tanggal;kecamatan;rekam;terkirim;cetak;prr\n\
         04/10/2016;Torjun;130;120;20;70\n\
         05/10/2016;Torjun;175;150;45;95\n\
         04/10/2016;Omben;40;30;0;\n",
    )
    .unwrap();
    let out = pantau()
        .args(["import", "--cumulative", "--db"])
        .arg(&db)
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let data = pantau::store::Store::open_read_only(&db)
        .unwrap()
        .load()
        .unwrap();
    let torjun = data.find_unit("Torjun").unwrap().id;
    let days: Vec<(String, [u64; 3], Option<u64>)> = data
        .reports_of(torjun)
        .map(|r| {
            (
                r.date.to_string(),
                [
                    r.counts.recorded,
                    r.counts.sent_to_central,
                    r.counts.printed,
                ],
                r.prr.map(|p| p.prr),
            )
        })
        .collect();
    assert_eq!(
        days,
        vec![
            ("2016-10-03".to_string(), [100, 90, 0], Some(50)),
            ("2016-10-04".to_string(), [30, 30, 20], Some(20)),
            ("2016-10-05".to_string(), [45, 30, 25], Some(25)),
        ]
    );
    let s = summary(&db, "2016-10-05");
    assert_eq!(unit(&s, "Torjun")["recorded"], 175);
    assert_eq!(unit(&s, "Omben")["recorded"], 40);

    // A total lower than the day before's: refused with both figures, nothing written.
    let bad = dir.path().join("turun.csv");
    std::fs::write(
        &bad,
        "tanggal;kecamatan;rekam;terkirim;cetak\n06/10/2016;Torjun;170;160;50\n",
    )
    .unwrap();
    let before = dump(&db);
    let out = pantau()
        .args(["import", "--cumulative", "--db"])
        .arg(&db)
        .arg(&bad)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(
            "turun.csv, row 2, column rekam: Torjun 2016-10-06: recorded to date 170 is less \
             than the total up to the day before, 175"
        ),
        "{stdout}"
    );
    assert_eq!(dump(&db), before);
}

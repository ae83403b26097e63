//! Accounts and roles, the period lock, lock exceptions, the head of office's approval and the
//! tamper check, through the `pantau` binary as an office would use them: each role tries what
//! it may and may not do; a refusal names the account and leaves the database as it was.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A test that cannot go on says so by panicking.

mod common;

use std::path::Path;

use assert_cmd::Command;
use common::{dump, pantau, temp_path};
use predicates::prelude::*;
use predicates::str::contains;

const ADMIN_PASSWORD: &str = "admin-rahasia";

/// `pantau` on a day of October 2016, as `user` (with its password) when given.
fn as_user(user: Option<(&str, &str)>, today: &str) -> Command {
    let mut cmd = pantau();
    cmd.env("PANTAU_TODAY", today);
    cmd.env_remove("PANTAU_USER");
    cmd.env_remove("PANTAU_PASSWORD");
    if let Some((name, password)) = user {
        cmd.args(["--user", name]).env("PANTAU_PASSWORD", password);
    }
    cmd
}

fn admin() -> Option<(&'static str, &'static str)> {
    Some(("admin", ADMIN_PASSWORD))
}
fn ani() -> Option<(&'static str, &'static str)> {
    Some(("ani", "ani-rahasia"))
}
fn vera() -> Option<(&'static str, &'static str)> {
    Some(("vera", "vera-rahasia"))
}
fn kepala() -> Option<(&'static str, &'static str)> {
    Some(("kepala", "kepala-rahasia"))
}

/// An office with Torjun and Omben, reports of the first days of October 2016 entered before
/// it had accounts, then its Admin, an Operator for Torjun (ani), a Verifikator (vera) and the
/// head of office (kepala). Returns the database and the Admin's recovery code.
fn office() -> (common::TempDb, String) {
    let db = temp_path("kantor.pantau");
    let units = db.dir.path().join("units.csv");
    std::fs::write(&units, "kecamatan\nTorjun\nOmben\n").unwrap();
    pantau()
        .args(["init", "--office", "Dispendukcapil Kabupaten Uji", "--db"])
        .arg(&db.path)
        .arg("--units")
        .arg(&units)
        .assert()
        .success();
    for (unit, date, recorded) in [
        ("Torjun", "2016-09-01", "40"),
        ("Omben", "2016-09-01", "30"),
        ("Torjun", "2016-10-03", "50"),
        ("Omben", "2016-10-03", "20"),
    ] {
        // Without accounts, anyone writes any day: the command line as before.
        as_user(None, "2016-10-05")
            .args([
                "add-report",
                "--unit",
                unit,
                "--date",
                date,
                "--recorded",
                recorded,
            ])
            .args(["--sent", "10", "--printed", "0", "--db"])
            .arg(&db.path)
            .assert()
            .success();
    }
    let out = as_user(None, "2016-10-05")
        .args(["account", "--db"])
        .arg(&db.path)
        .args(["add", "--name", "admin", "--role", "admin"])
        .env("PANTAU_NEW_PASSWORD", ADMIN_PASSWORD)
        .assert()
        .success()
        .stdout(contains("account admin (Admin) added"))
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let code = out
        .split("Admin recovery code: ")
        .nth(1)
        .and_then(|rest| rest.lines().next())
        .expect("the first Admin's recovery code is shown")
        .to_string();
    for (name, role, units) in [
        ("ani", "operator", Some("Torjun")),
        ("vera", "verifikator", None),
        ("kepala", "kepala", None),
    ] {
        let mut cmd = as_user(admin(), "2016-10-05");
        cmd.args(["account", "--db"])
            .arg(&db.path)
            .args(["add", "--name", name, "--role", role])
            .env("PANTAU_NEW_PASSWORD", format!("{name}-rahasia"));
        if let Some(units) = units {
            cmd.args(["--units", units]);
        }
        cmd.assert().success();
    }
    (db, code)
}

fn add_report(
    user: Option<(&str, &str)>,
    today: &str,
    db: &Path,
    unit: &str,
    date: &str,
) -> Command {
    add_recorded(user, today, db, unit, date, "77")
}

fn add_recorded(
    user: Option<(&str, &str)>,
    today: &str,
    db: &Path,
    unit: &str,
    date: &str,
    recorded: &str,
) -> Command {
    let mut cmd = as_user(user, today);
    cmd.args(["add-report", "--unit", unit, "--date", date])
        .args([
            "--recorded",
            recorded,
            "--sent",
            "10",
            "--printed",
            "0",
            "--db",
        ])
        .arg(db);
    cmd
}

/// Runs `cmd`, which must be refused with `message`, and checks the database did not change.
fn refused(mut cmd: Command, db: &Path, message: &str) {
    let before = dump(db);
    cmd.assert().code(1).stdout("").stderr(contains(message));
    assert_eq!(dump(db), before, "a refused command changed the database");
}

fn recorded(db: &Path, unit: &str, date: &str) -> Option<i64> {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(
        "SELECT recorded FROM daily_report JOIN unit ON unit.id = unit_id
         WHERE unit.name = ?1 AND date = ?2",
        [unit, date],
        |r| r.get(0),
    )
    .ok()
}

#[test]
fn each_role_does_what_it_may_and_a_refusal_names_the_account_and_writes_nothing() {
    let (db, _) = office();
    let db = &db.path;
    let today = "2016-10-05";

    // Nobody logged in: neither writing nor reading.
    refused(
        add_report(None, today, db, "Torjun", "2016-10-04"),
        db,
        "This database has accounts: log in first",
    );
    refused(
        {
            let mut c = as_user(None, today);
            c.args(["summary", "--db"]).arg(db);
            c
        },
        db,
        "log in first",
    );

    // The Operator enters its own unit, not another.
    add_report(ani(), today, db, "Torjun", "2016-10-04")
        .assert()
        .success();
    assert_eq!(recorded(db, "Torjun", "2016-10-04"), Some(77));
    refused(
        add_report(ani(), today, db, "Omben", "2016-10-04"),
        db,
        "Account ani may enter only its own units, not Omben",
    );
    // Neither the Admin nor the head of office enters data.
    refused(
        add_report(admin(), today, db, "Omben", "2016-10-04"),
        db,
        "Account admin (Admin) may not enter or change data",
    );
    refused(
        add_report(kepala(), today, db, "Omben", "2016-10-04"),
        db,
        "Account kepala (Head of office) may not enter or change data",
    );
    // The Verifikator corrects any unit.
    add_report(vera(), today, db, "Omben", "2016-10-04")
        .assert()
        .success();
    assert_eq!(recorded(db, "Omben", "2016-10-04"), Some(77));

    // Setting up is the Admin's: a target.
    let target = |user| {
        let mut c = as_user(user, today);
        c.args(["target", "set", "--unit", "Torjun", "--from", "2016-01-01"])
            .args(["--wajib", "90000", "--db"])
            .arg(db);
        c
    };
    refused(
        target(ani()),
        db,
        "Account ani (Operator) may not change units, targets",
    );
    refused(
        target(kepala()),
        db,
        "Account kepala (Head of office) may not change",
    );
    target(admin()).assert().success();

    // Approving is the head of office's; accounts are the Admin's.
    let approve = |user| {
        let mut c = as_user(user, today);
        c.args(["approve", "--db"])
            .arg(db)
            .args(["--month", "2016-09"]);
        c
    };
    refused(approve(ani()), db, "Account ani (Operator) may not approve");
    refused(
        approve(admin()),
        db,
        "Account admin (Admin) may not approve",
    );
    let add_account = |user| {
        let mut c = as_user(user, today);
        c.args(["account", "--db"])
            .arg(db)
            .args(["add", "--name", "budi", "--role", "operator"])
            .env("PANTAU_NEW_PASSWORD", "budi-rahasia");
        c
    };
    refused(
        add_account(vera()),
        db,
        "Account vera (Verifikator) may not manage accounts",
    );
    refused(add_account(None), db, "log in first");
    add_account(admin()).assert().success();

    // Every write names its account in the audit trail.
    let conn = rusqlite::Connection::open(db).unwrap();
    let users: Vec<String> = conn
        .prepare("SELECT user_name FROM audit_log WHERE table_name = 'daily_report' ORDER BY id DESC LIMIT 2")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(users, ["vera", "ani"]);
}

#[test]
fn a_day_closes_seven_days_after_it_and_an_exception_opens_exactly_its_unit_and_period() {
    let (db, _) = office();
    let db = &db.path;
    // 3 October is open on the 10th, closed on the 11th, for everyone.
    add_recorded(ani(), "2016-10-10", db, "Torjun", "2016-10-03", "66")
        .assert()
        .success();
    assert_eq!(recorded(db, "Torjun", "2016-10-03"), Some(66));
    refused(
        add_report(ani(), "2016-10-11", db, "Torjun", "2016-10-03"),
        db,
        "Torjun 3 Oct 2016 is closed to account ani. Closed since 11 Oct 2016: a day can be \
         entered until 7 days after it; a Verifikator or Admin can grant a lock exception",
    );
    refused(
        add_report(vera(), "2016-10-11", db, "Omben", "2016-09-01"),
        db,
        "Omben 1 Sep 2016 is closed to account vera",
    );
    // The Operator cannot open it; the Verifikator opens September for Torjun until the 14th.
    let exception = |user| {
        let mut c = as_user(user, "2016-10-11");
        c.args(["lock", "--db"]).arg(db).args([
            "exception",
            "add",
            "--unit",
            "Torjun",
            "--month",
            "2016-09",
            "--until",
            "2016-10-14",
            "--reason",
            "salah ketik rekam",
        ]);
        c
    };
    refused(
        exception(ani()),
        db,
        "Account ani (Operator) may not grant lock exceptions",
    );
    exception(vera()).assert().success().stdout(contains(
        "lock exception number 1 valid until 14 October 2016",
    ));

    // Exactly its unit and period, until its last day.
    add_report(ani(), "2016-10-12", db, "Torjun", "2016-09-01")
        .assert()
        .success();
    assert_eq!(recorded(db, "Torjun", "2016-09-01"), Some(77));
    refused(
        add_report(vera(), "2016-10-12", db, "Omben", "2016-09-01"),
        db,
        "Omben 1 Sep 2016 is closed",
    );
    refused(
        add_report(ani(), "2016-10-12", db, "Torjun", "2016-10-03"),
        db,
        "Torjun 3 Oct 2016 is closed",
    );
    refused(
        add_recorded(ani(), "2016-10-15", db, "Torjun", "2016-09-01", "88"),
        db,
        "Torjun 1 Sep 2016 is closed",
    );
    // Listed, then removed: closed again.
    as_user(vera(), "2016-10-12")
        .args(["lock", "--db"])
        .arg(db)
        .args(["exception", "list"])
        .assert()
        .success()
        .stdout(
            contains("Torjun")
                .and(contains("salah ketik rekam"))
                .and(contains("vera")),
        );
    as_user(vera(), "2016-10-12")
        .args(["lock", "--db"])
        .arg(db)
        .args(["exception", "remove", "1"])
        .assert()
        .success();
    refused(
        add_recorded(ani(), "2016-10-12", db, "Torjun", "2016-09-01", "88"),
        db,
        "Torjun 1 Sep 2016 is closed",
    );
    // The Admin sets the lock's days.
    as_user(admin(), "2016-10-12")
        .args(["lock", "--db"])
        .arg(db)
        .args(["days", "60"])
        .assert()
        .success();
    add_recorded(ani(), "2016-10-12", db, "Torjun", "2016-09-01", "88")
        .assert()
        .success();
    assert_eq!(recorded(db, "Torjun", "2016-09-01"), Some(88));
}

#[test]
fn an_approval_closes_the_month_for_everyone_and_unapproval_reopens_it_with_its_reason() {
    let (db, _) = office();
    let db = &db.path;
    // Days stay open 60 days here: only the approval closes October in November.
    as_user(admin(), "2016-10-05")
        .args(["lock", "days", "60", "--db"])
        .arg(db)
        .assert()
        .success();
    // A month is approved once it is over.
    refused(
        {
            let mut c = as_user(kepala(), "2016-10-31");
            c.args(["approve", "--db"])
                .arg(db)
                .args(["--month", "2016-10", "--unit", "Torjun"]);
            c
        },
        db,
        "kepala: October 2016 is not over yet",
    );
    let today = "2016-11-02";
    as_user(kepala(), today)
        .args(["approve", "--db"])
        .arg(db)
        .args(["--month", "2016-10", "--unit", "Torjun"])
        .assert()
        .success()
        .stdout(contains("October 2016 approved and closed for Torjun"));
    // Closed to the Operator and the Verifikator alike, even by an exception; Omben stays open.
    refused(
        add_report(ani(), today, db, "Torjun", "2016-10-04"),
        db,
        "Torjun 4 Oct 2016 is closed to account ani. This month was approved by kepala",
    );
    as_user(vera(), today)
        .args(["lock", "--db"])
        .arg(db)
        .args([
            "exception",
            "add",
            "--month",
            "2016-10",
            "--until",
            "2016-11-30",
        ])
        .args(["--reason", "semua"])
        .assert()
        .success();
    refused(
        add_report(vera(), today, db, "Torjun", "2016-10-04"),
        db,
        "the head of office can unapprove it, with a reason",
    );
    add_report(vera(), today, db, "Omben", "2016-10-04")
        .assert()
        .success();
    // Unapproving needs a reason; with one, the month opens and the reason is in the audit.
    let unapprove = |reason: &str| {
        let mut c = as_user(kepala(), today);
        c.args(["unapprove", "--db"])
            .arg(db)
            .args(["--month", "2016-10", "--unit", "Torjun", "--reason", reason]);
        c
    };
    refused(unapprove(" "), db, "kepala: give the reason");
    unapprove("rekam 4 Okt belum masuk")
        .assert()
        .success()
        .stdout(contains("October 2016 reopened for Torjun"));
    add_report(ani(), today, db, "Torjun", "2016-10-04")
        .assert()
        .success();
    as_user(kepala(), today)
        .args(["audit", "--limit", "3", "--db"])
        .arg(db)
        .assert()
        .success()
        .stdout(contains("approved: true → false").and(contains("rekam 4 Okt belum masuk")));
    as_user(kepala(), today)
        .args(["lock", "--db"])
        .arg(db)
        .arg("show")
        .assert()
        .success()
        .stdout(contains("2016-10 Torjun: unapproved by kepala").and(contains("rekam 4 Okt")));
}

/// A change made with `sqlite3` (the command-line shell where it is installed, as anyone with
/// the file could) is named by `pantau check`, with the time Pantau last wrote the row.
#[test]
fn a_change_made_outside_pantau_is_found_by_check() {
    let (db, _) = office();
    let db = &db.path;
    as_user(admin(), "2016-10-05")
        .args(["check", "--db"])
        .arg(db)
        .assert()
        .success();
    let sql = "UPDATE daily_report SET recorded = 500 WHERE date = '2016-10-03' AND unit_id = \
               (SELECT id FROM unit WHERE name = 'Torjun');
               DELETE FROM daily_report WHERE date = '2016-09-01' AND unit_id = \
               (SELECT id FROM unit WHERE name = 'Omben');";
    let shell = std::process::Command::new("sqlite3")
        .arg(db)
        .arg(sql)
        .status();
    match shell {
        Ok(status) => assert!(status.success()),
        Err(_) if std::env::var_os("PANTAU_REQUIRE_SQLITE3").is_none() => {
            rusqlite::Connection::open(db)
                .unwrap()
                .execute_batch(sql)
                .unwrap()
        }
        Err(e) => panic!("sqlite3 is required here: {e}"),
    }
    as_user(admin(), "2016-10-05")
        .args(["check", "--db"])
        .arg(db)
        .assert()
        .code(1)
        .stdout(
            contains("daily report Torjun 3 Oct 2016 changed outside Pantau after ").and(contains(
                "daily report Omben 1 Sep 2016 removed outside Pantau after",
            )),
        )
        .stderr(contains("2 problem(s) found"));

    // An audit row rewritten to hide it breaks the chain.
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute(
        "UPDATE audit_log SET user_name = 'someone else' WHERE id = (SELECT max(id) FROM audit_log)",
        [],
    )
    .unwrap();
    as_user(admin(), "2016-10-05")
        .args(["check", "--db"])
        .arg(db)
        .assert()
        .code(1)
        .stdout(
            contains("audit trail row (id ")
                .and(contains(") changed, inserted or removed outside Pantau")),
        );
}

#[test]
fn wrong_passwords_slow_the_next_try_and_the_recovery_code_resets_the_admin_once() {
    let (db, code) = office();
    let db = &db.path;
    let summary = |password: &str| {
        let mut c = as_user(Some(("ani", password)), "2016-10-05");
        c.args(["summary", "--db"]).arg(db);
        c
    };
    for _ in 0..5 {
        summary("salah")
            .assert()
            .code(1)
            .stderr(contains("Wrong account name or password"));
    }
    // The sixth try waits, even with the right password.
    summary("ani-rahasia")
        .assert()
        .code(1)
        .stderr(contains("Too many wrong passwords: try again in"));
    // A disabled account cannot log in; its Admin enables it again.
    as_user(admin(), "2016-10-05")
        .args(["account", "--db"])
        .arg(db)
        .args(["disable", "vera"])
        .assert()
        .success();
    as_user(vera(), "2016-10-05")
        .args(["summary", "--db"])
        .arg(db)
        .assert()
        .code(1)
        .stderr(contains("Account vera is disabled"));
    // The last active Admin stays.
    as_user(admin(), "2016-10-05")
        .args(["account", "--db"])
        .arg(db)
        .args(["disable", "admin"])
        .assert()
        .code(1)
        .stderr(contains("admin is the last active Admin"));

    // The recovery code resets the Admin's password without logging in, once.
    let recover = |code: &str| {
        let mut c = as_user(None, "2016-10-05");
        c.args(["account", "--db"])
            .arg(db)
            .args(["recover", "admin"])
            .env("PANTAU_RECOVERY_CODE", code)
            .env("PANTAU_NEW_PASSWORD", "baru-rahasia");
        c
    };
    recover(&code.to_lowercase().replace('-', " "))
        .assert()
        .success()
        .stdout(contains("Admin recovery code: "));
    as_user(admin(), "2016-10-05")
        .args(["summary", "--db"])
        .arg(db)
        .assert()
        .code(1);
    as_user(Some(("admin", "baru-rahasia")), "2016-10-05")
        .args(["account", "--db"])
        .arg(db)
        .arg("list")
        .assert()
        .success()
        .stdout(
            contains("vera")
                .and(contains("disabled"))
                .and(contains("Torjun")),
        );
    recover(&code)
        .assert()
        .code(1)
        .stderr(contains("The recovery code for admin is wrong or used up"));
}

#[test]
fn the_first_account_is_the_admin_and_passwords_have_eight_characters() {
    let db = temp_path("kantor.pantau");
    pantau()
        .args(["init", "--office", "Uji", "--db"])
        .arg(&db.path)
        .assert()
        .success();
    let add = |role: &str, password: &str| {
        let mut c = as_user(None, "2016-10-05");
        c.args(["account", "--db"])
            .arg(&db.path)
            .args(["add", "--name", "siti", "--role", role])
            .env("PANTAU_NEW_PASSWORD", password);
        c
    };
    refused(
        add("operator", "panjang-sekali"),
        &db.path,
        "The first account of a database is its Admin",
    );
    refused(
        add("admin", "pendek"),
        &db.path,
        "A password has at least 8 characters",
    );
    add("admin", "panjang-sekali").assert().success();
}

/// A database of the schema before accounts (version 6), with reports, an import's audit row of
/// that time and a setting, opens, is sealed as it stands, passes `check`, and gets its Admin
/// without losing anything.
#[test]
fn an_existing_database_opens_and_gets_its_admin_without_losing_anything() {
    let db = temp_path("lama.pantau");
    {
        let mut conn = rusqlite::Connection::open(&db.path).unwrap();
        pantau::store::schema::migrate_to(&mut conn, 6).unwrap();
        conn.execute_batch(
            "INSERT INTO office (id, name) VALUES (1, 'Dispendukcapil Lama');
             INSERT INTO unit (id, name, kind) VALUES (1, 'Torjun', 'kecamatan'),
                                                      (2, 'Kantor', 'district');
             INSERT INTO daily_report (unit_id, date, recorded, sent_to_central, printed,
                                       suket_issued, server_ok, note)
                 VALUES (1, '2016-10-03', 50, 10, 0, 0, 1, ''),
                        (1, '2016-10-04', 60, 20, 0, 0, 1, 'ramai');
             INSERT INTO setting (key, value) VALUES ('outlier.factor', '4');
             INSERT INTO audit_log (at, user_name, action, table_name, row_key, old_values,
                                    new_values)
                 VALUES ('2016-10-05T09:00:00+07:00', 'petugas', 'insert', 'daily_report',
                         '{\"import\":\"lama.csv\",\"sha256\":\"00\"}', NULL,
                         '{\"rows\":2,\"inserted\":[{\"unit_id\":1,\"dates\":[\"2016-10-03\",\"2016-10-04\"]}]}');",
        )
        .unwrap();
    }
    let data_tables = |path: &Path| {
        dump(path)
            .split("== ")
            .filter(|t| {
                ["office\n", "unit\n", "daily_report\n", "setting\n"]
                    .iter()
                    .any(|name| t.starts_with(name))
            })
            .collect::<Vec<_>>()
            .join("== ")
            .lines()
            .filter(|line| !line.starts_with("user_version"))
            // Version 9 adds a report's PRR, DUP, Efac and retaken: unknown (NULL) for these.
            .map(|line| line.strip_suffix("|Null|Null|Null|Null").unwrap_or(line))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let before = data_tables(&db.path);
    as_user(None, "2016-10-05")
        .args(["check", "--db"])
        .arg(&db.path)
        .assert()
        .success();
    assert_eq!(data_tables(&db.path), before);
    as_user(None, "2016-10-05")
        .args(["account", "--db"])
        .arg(&db.path)
        .args(["add", "--name", "admin", "--role", "admin"])
        .env("PANTAU_NEW_PASSWORD", ADMIN_PASSWORD)
        .assert()
        .success();
    as_user(admin(), "2016-10-05")
        .args(["check", "--db"])
        .arg(&db.path)
        .assert()
        .success();
    as_user(admin(), "2016-10-05")
        .args(["summary", "--json", "--db"])
        .arg(&db.path)
        .assert()
        .success()
        .stdout(contains("\"recorded\": 110"));
    let after = data_tables(&db.path);
    assert_eq!(after, before, "the upgrade changed the office's data");
}

/// A kecamatan PC's bundle at a district with accounts: a day the district has closed (an
/// approved month) waits as a conflict that says why, never applied; an open day is applied,
/// its audit row naming who entered it at the kecamatan.
#[test]
fn a_bundle_never_changes_a_closed_day_and_names_who_entered_each_report() {
    let (db, _) = office();
    let district = &db.path;
    let torjun = db.dir.path().join("torjun.pantau");
    let outbox = db.dir.path().join("outbox");
    std::fs::create_dir_all(&outbox).unwrap();
    // The Admin sets up Torjun's PC; the PC has no accounts of its own (its clerk is "petugas").
    as_user(admin(), "2016-10-05")
        .args(["exchange", "setup", "--unit", "Torjun", "--db"])
        .arg(district)
        .arg("--out")
        .arg(&torjun)
        .assert()
        .success();
    for (date, recorded) in [("2016-09-01", "41"), ("2016-10-04", "64")] {
        add_recorded(None, "2016-10-05", &torjun, "Torjun", date, recorded)
            .assert()
            .success();
    }
    as_user(None, "2016-10-05")
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

    // September is approved for Torjun at the district before the bundle arrives.
    as_user(kepala(), "2016-10-05")
        .args(["approve", "--db"])
        .arg(district)
        .args(["--month", "2016-09", "--unit", "Torjun"])
        .assert()
        .success();
    // The clerk who receives it needs a role that enters data.
    refused(
        {
            let mut c = as_user(kepala(), "2016-10-05");
            c.args(["exchange", "receive", "--db"])
                .arg(district)
                .arg(&bundle);
            c
        },
        district,
        "Account kepala (Head of office) may not enter or change data",
    );
    as_user(vera(), "2016-10-05")
        .args(["exchange", "receive", "--db"])
        .arg(district)
        .arg(&bundle)
        .assert()
        .success();
    assert_eq!(
        recorded(district, "Torjun", "2016-09-01"),
        Some(40),
        "closed: unchanged"
    );
    assert_eq!(
        recorded(district, "Torjun", "2016-10-04"),
        Some(64),
        "open: applied"
    );
    as_user(vera(), "2016-10-05")
        .args(["exchange", "conflicts", "--db"])
        .arg(district)
        .assert()
        .success()
        .stdout(contains("Torjun").and(contains(
            "its month is approved by the head of office; unapprove it first",
        )));
    let conn = rusqlite::Connection::open(district).unwrap();
    let user: String = conn
        .query_row(
            "SELECT user_name FROM audit_log WHERE table_name = 'daily_report'
             AND row_key LIKE '%2016-10-04%' ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(user, "petugas @ Torjun");
    as_user(vera(), "2016-10-05")
        .args(["check", "--db"])
        .arg(district)
        .assert()
        .success();
}

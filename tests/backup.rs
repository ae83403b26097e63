//! Backup and restore: safe while another connection writes, and a restore checks the backup
//! before it replaces anything.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A test that cannot go on says so by panicking.

mod common;

use common::{dump, pantau, report, small_office, temp_path, today};
use pantau::store::Store;
use pantau::store::backup::{backup, restore};
use predicates::str::contains;

#[test]
fn a_backup_taken_while_another_connection_writes_is_whole() {
    let (db, mut store) = small_office();
    let out = db.dir.path().join("cadangan.pantau");
    // The writer keeps writing while the backup runs from another connection.
    let writer = std::thread::spawn(move || {
        for day in 3..=28 {
            let date = format!("2016-10-{day:02}");
            store
                .save_report(&report(1, &date, 100, 90, 0), today())
                .unwrap();
        }
        store
    });
    backup(&db.path, &out).unwrap();
    let store = writer.join().unwrap();
    let copy = Store::open_read_only(&out).unwrap();
    assert!(copy.integrity_problems().unwrap().is_empty());
    // Whatever moment the snapshot caught, every report in it is whole.
    let copied = copy.load().unwrap();
    assert!(
        copied
            .reports
            .values()
            .all(|r| r.counts == report(1, "2016-10-03", 100, 90, 0).counts)
    );
    assert_eq!(copied.units.len(), 3);
    drop(store);
    // A second backup to the same file is refused rather than overwritten.
    let err = backup(&db.path, &out).unwrap_err();
    assert!(err.to_string().contains("already exists"), "{err}");
}

#[test]
fn restore_checks_the_backup_and_refuses_to_overwrite_without_force() {
    let (db, mut store) = small_office();
    store
        .save_report(&report(1, "2016-10-05", 100, 90, 0), today())
        .unwrap();
    let out = db.dir.path().join("cadangan.pantau");
    store.backup_to(&out).unwrap();
    store
        .save_report(&report(1, "2016-10-06", 50, 40, 0), today())
        .unwrap();
    let backed_up = dump(&out);
    // Open elsewhere: refused, untouched.
    let err = restore(&out, &db.path, true, today()).unwrap_err();
    assert!(
        err.to_string().contains("already open for writing"),
        "{err}"
    );
    drop(store);
    let before = dump(&db.path);
    let err = restore(&out, &db.path, false, today()).unwrap_err();
    assert!(err.to_string().contains("already exists"), "{err}");
    assert_eq!(dump(&db.path), before);
    restore(&out, &db.path, true, today()).unwrap();
    assert_eq!(
        dump(&db.path),
        backed_up,
        "the database is the backup again"
    );

    let text = temp_path("bukan.pantau");
    std::fs::write(&text.path, "bukan cadangan").unwrap();
    let err = restore(&text.path, &db.path, true, today()).unwrap_err();
    assert!(
        err.to_string().contains("is not a Pantau database"),
        "{err}"
    );
    assert_eq!(dump(&db.path), backed_up);
}

#[test]
fn backup_and_restore_from_the_command_line() {
    let (db, store) = small_office();
    drop(store);
    let out = db.dir.path().join("cadangan.pantau");
    pantau()
        .args(["backup", "--db"])
        .arg(&db.path)
        .arg("--out")
        .arg(&out)
        .assert()
        .success()
        .stdout(contains("backed up to"));
    {
        let conn = rusqlite::Connection::open(&out).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
    }
    pantau()
        .args(["restore", "--force", "--from"])
        .arg(&out)
        .arg("--db")
        .arg(&db.path)
        .assert()
        .code(1)
        .stderr(contains("was made by a newer Pantau"));
    let fresh = db.dir.path().join("baru.pantau");
    std::fs::remove_file(&out).unwrap();
    pantau()
        .args(["backup", "--db"])
        .arg(&db.path)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    pantau()
        .args(["restore", "--from"])
        .arg(&out)
        .arg("--db")
        .arg(&fresh)
        .assert()
        .success();
    assert_eq!(dump(&fresh), dump(&db.path));
}

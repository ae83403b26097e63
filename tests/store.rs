//! The database file: migrations, refusals (lock, newer version, not Pantau), the audit trail.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A test that cannot go on says so by panicking.

mod common;

use common::{d, dump, report, small_office, temp_path, today};
use pantau::domain::{StockEvent, StockEventKind};
use pantau::store::schema::{self, LATEST_VERSION};
use pantau::store::{Store, StoreError};
use rusqlite::Connection;
use serde_json::Value;

/// Representative rows for a database at `version`, written with plain SQL as that version's
/// Pantau would have written them.
fn fill_version(conn: &Connection, version: u32) {
    if version >= 1 {
        conn.execute_batch(
            "INSERT INTO office (id, name) VALUES (1, 'Dispendukcapil Lama');
             INSERT INTO unit (id, name, kind) VALUES (1, 'Torjun', 'kecamatan');
             INSERT INTO daily_report (unit_id, date, recorded, sent_to_central, printed,
                                       suket_issued, server_ok, note)
             VALUES (1, '2016-10-05', 120, 100, 40, 30, 0, 'server mati');
             INSERT INTO target VALUES (1, '2016-01-01', 31904);
             INSERT INTO deadline VALUES ('2015-12-14', '2016-09-30', '');
             INSERT INTO holiday VALUES ('2016-08-17', 'libur', 'Hari Kemerdekaan RI');",
        )
        .unwrap();
    }
    if version >= 2 {
        conn.execute_batch(
            "INSERT INTO stock_event (date, kind, quantity, document)
             VALUES ('2016-10-03', 'receipt', 2000, '001/BAST');",
        )
        .unwrap();
    }
    if version >= 3 {
        conn.execute_batch(
            "INSERT INTO planned_delivery (planned_on, expected_on, quantity)
             VALUES ('2016-10-01', '2016-11-07', 4000);
             INSERT INTO season_factor (first_day, last_day, factor, name)
             VALUES ('2016-06-06', '2016-07-05', 0.6, 'Ramadan');",
        )
        .unwrap();
    }
}

#[test]
fn migrates_from_an_empty_file_and_from_every_earlier_version() {
    for version in 0..LATEST_VERSION {
        let db = temp_path("lama.pantau");
        {
            let mut conn = Connection::open(&db.path).unwrap();
            schema::migrate_to(&mut conn, version).unwrap();
            assert_eq!(schema::user_version(&conn).unwrap(), version);
            fill_version(&conn, version);
        }
        let result = Store::open(&db.path);
        if version == 0 {
            // An empty file is not a Pantau database; only `create` starts from nothing.
            assert!(
                matches!(result, Err(StoreError::NotPantau(_))),
                "{:?}",
                result.err()
            );
            let store = Store::create(&db.path).unwrap();
            assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
            continue;
        }
        let store = result.unwrap();
        assert_eq!(
            store.schema_version().unwrap(),
            LATEST_VERSION,
            "from version {version}"
        );
        let data = store.load().unwrap();
        assert_eq!(data.office.name, "Dispendukcapil Lama");
        assert_eq!(data.reports.len(), 1, "from version {version}");
        let kept = &data.reports[&(1, d("2016-10-05"))];
        assert_eq!(kept.counts.printed, 40);
        assert!(!kept.server_ok);
        assert_eq!(data.wajib_ktp(1, d("2016-10-05")), Some(31_904));
        assert!(!data.calendar.is_working_day(d("2016-08-17")));
        assert_eq!(data.stock_events.len(), usize::from(version >= 2));
        assert_eq!(data.planned_deliveries.len(), usize::from(version >= 3));
        assert_eq!(
            data.season_factor(d("2016-06-15")),
            if version >= 3 { 0.6 } else { 1.0 }
        );
        assert!(store.integrity_problems().unwrap().is_empty());
    }
}

#[test]
fn each_migration_step_is_one_transaction() {
    let db = temp_path("gagal.pantau");
    let mut conn = Connection::open(&db.path).unwrap();
    schema::migrate_to(&mut conn, 1).unwrap();
    // A table in the way makes step 2 fail half-way through its SQL.
    conn.execute_batch("CREATE TABLE setting (x)").unwrap();
    assert!(schema::migrate_to(&mut conn, LATEST_VERSION).is_err());
    assert_eq!(schema::user_version(&conn).unwrap(), 1);
    let stock_tables: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE name = 'stock_event'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(stock_tables, 0, "the first half of step 2 was rolled back");
}

#[test]
fn refuses_a_database_from_a_newer_pantau() {
    let (db, store) = small_office();
    drop(store);
    {
        let conn = Connection::open(&db.path).unwrap();
        conn.pragma_update(None, "user_version", LATEST_VERSION + 1)
            .unwrap();
    }
    let before = std::fs::read(&db.path).unwrap();
    let err = Store::open(&db.path).err().unwrap();
    assert_eq!(
        err.to_string(),
        format!(
            "{} was made by a newer Pantau (schema version {}; this Pantau reads up to {}). \
             Install the newer Pantau e-KTP to open it",
            db.path.display(),
            LATEST_VERSION + 1,
            LATEST_VERSION
        )
    );
    assert!(Store::open_read_only(&db.path).is_err());
    assert_eq!(
        std::fs::read(&db.path).unwrap(),
        before,
        "the file is not touched"
    );
}

#[test]
fn refuses_files_that_are_not_pantau_databases() {
    let text = temp_path("catatan.pantau");
    std::fs::write(&text.path, "bukan database, hanya catatan\n".repeat(50)).unwrap();
    let err = Store::open(&text.path).err().unwrap();
    assert_eq!(
        err.to_string(),
        format!(
            "{} is not a Pantau database; open a .pantau file made by Pantau e-KTP",
            text.path.display()
        )
    );
    let other = temp_path("lain.sqlite");
    {
        let conn = Connection::open(&other.path).unwrap();
        conn.execute_batch("CREATE TABLE pelanggan (nama TEXT)")
            .unwrap();
    }
    assert!(matches!(
        Store::open(&other.path),
        Err(StoreError::NotPantau(_))
    ));
    assert!(matches!(
        Store::open_read_only(&other.path),
        Err(StoreError::NotPantau(_))
    ));
}

#[test]
fn refuses_a_missing_file_and_will_not_create_over_an_existing_one() {
    let db = temp_path("tidak-ada.pantau");
    let err = Store::open(&db.path).err().unwrap();
    assert!(err.to_string().contains("no such database"), "{err}");
    assert!(!db.path.exists(), "opening does not create the file");
    let (existing, store) = small_office();
    drop(store);
    assert!(matches!(
        Store::create(&existing.path),
        Err(StoreError::Exists(_))
    ));
}

#[test]
fn only_one_pantau_writes_a_database_at_a_time() {
    let (db, store) = small_office();
    let err = Store::open(&db.path).err().unwrap();
    assert!(matches!(err, StoreError::Locked { .. }));
    assert!(
        err.to_string()
            .contains("is already open for writing in another Pantau")
    );
    // Reading needs no lock.
    let reader = Store::open_read_only(&db.path).unwrap();
    assert_eq!(reader.load().unwrap().units.len(), 3);
    drop(store);
    Store::open(&db.path).expect("free again once the first one closed");
}

#[test]
fn sets_wal_foreign_keys_and_full_sync() {
    let (db, store) = small_office();
    drop(store);
    let conn = Connection::open(&db.path).unwrap();
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let app_id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap();
    assert_eq!(app_id, schema::APPLICATION_ID);
}

#[test]
fn every_change_leaves_an_audit_row_with_old_and_new_values() {
    let (_db, mut store) = small_office();
    store
        .save_report(&report(1, "2016-10-05", 120, 100, 0), today())
        .unwrap();
    store
        .save_report(&report(1, "2016-10-05", 125, 100, 0), today())
        .unwrap();
    store
        .add_stock_event(
            &StockEvent {
                id: None,
                date: d("2016-10-03"),
                kind: StockEventKind::Receipt,
                quantity: 2_000,
                document: "001/BAST".to_string(),
                counterparty: "Ditjen Dukcapil".to_string(),
                note: String::new(),
            },
            today(),
        )
        .unwrap();
    assert!(store.delete_report(1, d("2016-10-05")).unwrap());
    let log = store.audit_log(Some(4)).unwrap();
    let actions: Vec<(&str, &str)> = log
        .iter()
        .map(|e| (e.action.as_str(), e.table.as_str()))
        .collect();
    assert_eq!(
        actions,
        [
            ("delete", "daily_report"),
            ("insert", "stock_event"),
            ("update", "daily_report"),
            ("insert", "daily_report"),
        ]
    );
    assert!(log.iter().all(|e| e.user == "petugas"));
    let update = &log[2];
    let key: Value = serde_json::from_str(&update.key).unwrap();
    assert_eq!(key["unit_id"], 1);
    assert_eq!(key["date"], "2016-10-05");
    let old: Value = serde_json::from_str(update.old_values.as_deref().unwrap()).unwrap();
    let new: Value = serde_json::from_str(update.new_values.as_deref().unwrap()).unwrap();
    assert_eq!(
        (old["recorded"].clone(), new["recorded"].clone()),
        (120.into(), 125.into())
    );
    assert_eq!(update.changes(), "recorded: 120 → 125");
    assert!(log[0].new_values.is_none());
    assert!(chrono::DateTime::parse_from_rfc3339(&update.at).is_ok());
}

#[test]
fn an_unchanged_save_writes_no_audit_row() {
    let (db, mut store) = small_office();
    store
        .save_report(&report(1, "2016-10-05", 120, 100, 0), today())
        .unwrap();
    let before = dump(&db.path);
    store
        .save_report(&report(1, "2016-10-05", 120, 100, 0), today())
        .unwrap();
    assert_eq!(dump(&db.path), before);
}

#[test]
fn a_delete_that_breaks_later_totals_is_refused() {
    let (_db, mut store) = small_office();
    store
        .save_reports(
            &[
                report(1, "2016-10-03", 500, 0, 0),
                report(1, "2016-10-04", 0, 500, 0),
            ],
            today(),
        )
        .unwrap();
    let err = store.delete_report(1, d("2016-10-03")).err().unwrap();
    assert_eq!(
        err.to_string(),
        "Torjun 2016-10-03: this change makes cumulative sent 500 exceed cumulative recorded 0 \
         on 2016-10-04"
    );
}

#[test]
fn outages_are_logged_closed_and_removed_with_audit() {
    use pantau::domain::{Outage, OutageCause};
    let (_db, mut store) = small_office();
    let open = Outage {
        id: None,
        first_day: d("2016-08-29"),
        last_day: None,
        units: vec![1, 2],
        cause: OutageCause::CentralServer,
        note: "server pusat dalam perbaikan".to_string(),
    };
    let id = store.save_outage(&open, today()).unwrap();
    let stored = store.load().unwrap().outages;
    assert_eq!(stored.len(), 1);
    assert!(stored[0].covers(d("2026-01-01")), "an open outage goes on");
    assert!(stored[0].affects(2) && !stored[0].affects(3));
    let closed = Outage {
        id: Some(id),
        last_day: Some(d("2016-10-14")),
        ..stored[0].clone()
    };
    store.save_outage(&closed, today()).unwrap();
    let stored = store.load().unwrap().outages;
    assert_eq!(stored, vec![closed.clone()]);
    assert!(!stored[0].covers(d("2016-10-17")));
    let err = store
        .save_outage(
            &Outage {
                id: None,
                last_day: Some(d("2016-08-01")),
                ..closed.clone()
            },
            today(),
        )
        .err()
        .unwrap();
    assert_eq!(
        err.to_string(),
        "2016-08-29: the outage ends (2016-08-01) before it starts"
    );
    assert!(store.delete_outage(id).unwrap());
    assert!(store.load().unwrap().outages.is_empty());
    let log = store.audit_log(Some(3)).unwrap();
    let actions: Vec<&str> = log.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["delete", "update", "insert"]);
    assert!(
        log[1].changes().contains("last_day: null → \"2016-10-14\""),
        "{}",
        log[1].changes()
    );
}

#[test]
fn settings_are_saved_checked_and_cleared() {
    use pantau::domain::CountField;
    use pantau::domain::dataset::Settings;
    let (_db, mut store) = small_office();
    let mut settings = Settings {
        forecast_trials: 2_000,
        coverage_poor_below: 75.0,
        ..Settings::default()
    };
    settings.max_daily.insert(CountField::Printed, 700);
    store.save_settings(&settings).unwrap();
    assert_eq!(store.load().unwrap().settings, settings);
    settings.max_daily.clear();
    store.save_settings(&settings).unwrap();
    assert_eq!(
        store.load().unwrap().settings,
        settings,
        "the maximum is gone"
    );
    settings.coverage_good_above = 70.0;
    let err = store.save_settings(&settings).err().unwrap();
    assert!(
        err.to_string().contains("coverage bands 75 % and 70 %"),
        "{err}"
    );
}

#[test]
fn the_data_read_once_is_shared_kept_by_saves_and_read_again_after_another_connection_writes() {
    let (db, mut store) = small_office();
    let first = store.snapshot().unwrap();
    assert!(std::sync::Arc::ptr_eq(&first, &store.snapshot().unwrap()));
    let before = store.revision().unwrap();
    drop(first);
    store
        .save_report(&report(1, "2016-10-03", 100, 90, 0), today())
        .unwrap();
    let after = store.revision().unwrap();
    assert_ne!(before, after, "a save changes the revision");
    // The saved data is the data: the same as a fresh read, without one.
    let saved = store.snapshot().unwrap();
    let fresh = pantau::store::Store::open_read_only(&db.path)
        .unwrap()
        .load()
        .unwrap();
    assert_eq!(format!("{:?}", *saved), format!("{fresh:?}"));
    drop(saved);
    // A refused save changes nothing, the revision included.
    let refused = store.save_report(&report(1, "2016-10-04", 0, 500, 0), today());
    assert!(refused.is_err());
    assert_eq!(store.revision().unwrap(), after);
    assert_eq!(store.snapshot().unwrap().reports.len(), 1);
    // Another connection's write (an SQLite tool, say) is seen at the next read, and the
    // next save judges against it.
    let conn = rusqlite::Connection::open(&db.path).unwrap();
    conn.execute(
        "UPDATE daily_report SET recorded = 10, sent_to_central = 10 WHERE unit_id = 1",
        [],
    )
    .unwrap();
    drop(conn);
    assert_ne!(store.revision().unwrap(), after);
    assert_eq!(
        store.snapshot().unwrap().reports[&(1, d("2016-10-03"))]
            .counts
            .recorded,
        10
    );
    let message = store
        .save_report(&report(1, "2016-10-04", 0, 5, 0), today())
        .err()
        .unwrap()
        .to_string();
    assert!(
        message.contains("would exceed cumulative recorded 10"),
        "{message}"
    );
}

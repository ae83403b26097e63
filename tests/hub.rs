//! The province's hub in a real PostgreSQL (a throwaway cluster, `common::pg`), driven through
//! the `pantau` binary as a province's administrator and a district's clerk would: made twice,
//! districts registered, days pushed and pushed again, bundles carried as files out of order,
//! refusals that change nothing, and the roles PostgreSQL itself holds to their rows.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A test that cannot go on says so by panicking.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::pantau;
use common::pg::{Cluster, cluster, demo, hub_cmd, status};
use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value;

const TABLES: [&str; 17] = [
    "meta",
    "province",
    "district",
    "unit",
    "report",
    "day_total",
    "stock_day",
    "target",
    "opening",
    "deadline",
    "holiday",
    "stock_event",
    "outage",
    "season",
    "delivery",
    "bundle",
    "prr_opening",
];

/// Every hub table's whole content (a digest per table), as the administrator sees it.
fn snapshot(cluster: &Cluster, db: &str) -> BTreeMap<String, String> {
    let mut admin = cluster.admin(db);
    TABLES
        .iter()
        .map(|table| {
            let digest: Option<String> = admin
                .query_one(
                    &format!(
                        "SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) || ':' || count(*)
                         FROM pantau.{table} t"
                    ),
                    &[],
                )
                .unwrap()
                .get(0);
            (table.to_string(), digest.unwrap_or_default())
        })
        .collect()
}

fn add_report(db: &Path, unit: &str, date: &str, recorded: u64) {
    pantau()
        .args(["add-report", "--unit", unit, "--date", date])
        .args(["--recorded", &recorded.to_string(), "--sent", "0"])
        // The illustrative district counts the centre's stage every day.
        .args(["--printed", "0", "--prr", "0", "--db"])
        .arg(db)
        .assert()
        .success();
}

fn district_summary(db: &Path, as_of: &str) -> Value {
    let out = pantau()
        .args(["summary", "--json", "--as-of", as_of, "--db"])
        .arg(db)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    serde_json::from_slice(&out.stdout).unwrap()
}

fn hub_summary(url: &str, province: Option<&str>, as_of: &str) -> Value {
    let mut cmd = hub_cmd();
    cmd.args(["hub", "summary", "--json", "--as-of", as_of, "--url", url]);
    if let Some(p) = province {
        cmd.args(["--province", p]);
    }
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{out:?}");
    serde_json::from_slice(&out.stdout).unwrap()
}

const FIELDS: [&str; 5] = [
    "wajib_ktp",
    "recorded",
    "sent_to_central",
    "printed",
    "suket_issued",
];

/// The totals of several districts' own `pantau summary`, added up.
fn added(summaries: &[Value]) -> BTreeMap<&'static str, u64> {
    FIELDS
        .iter()
        .map(|f| {
            let sum = summaries
                .iter()
                .map(|s| s["total"][f].as_u64().unwrap())
                .sum();
            (*f, sum)
        })
        .collect()
}

fn totals(summary: &Value) -> BTreeMap<&'static str, u64> {
    FIELDS
        .iter()
        .map(|f| (*f, summary["total"][f].as_u64().unwrap()))
        .collect()
}

/// Copies the bundle `from` to `to` with one of its files changed by `change` (its manifest
/// and signature kept, as someone editing the file on the way would).
fn rewrite(from: &Path, to: &Path, name: &str, change: impl Fn(&str) -> String) {
    use std::io::{Read, Write};
    let mut zip = zip::ZipArchive::new(std::fs::File::open(from).unwrap()).unwrap();
    let mut out = zip::ZipWriter::new(std::fs::File::create(to).unwrap());
    let mut changed = false;
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let entry_name = entry.name().unwrap().to_string();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        if entry_name == name {
            let text = change(&String::from_utf8(bytes).unwrap());
            changed = true;
            bytes = text.into_bytes();
        }
        out.start_file(entry_name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&bytes).unwrap();
    }
    out.finish().unwrap();
    assert!(changed, "{name} is not in {}", from.display());
}

#[test]
fn made_twice_harmlessly_a_district_pushes_once_and_again_changes_nothing() {
    let Some(cluster) = cluster() else { return };
    let hub = cluster.database("hub_once");
    let url = cluster.admin_url(&hub);
    hub_cmd()
        .args(["hub", "init", "--url", &url])
        .assert()
        .success()
        .stdout(contains("hub made/brought to schema 2 (from 0)"));
    // Pantau's own connection is TLS (rustls), as `sslmode=require` asks.
    let mut ours = pantau::hub::HubUrl::parse(&url).unwrap().connect().unwrap();
    let tls: bool = ours
        .query_one(
            "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
            &[],
        )
        .unwrap()
        .get(0);
    assert!(tls, "the connection is not encrypted");
    let before = snapshot(cluster, &hub);
    hub_cmd()
        .args(["hub", "init", "--url", &url])
        .assert()
        .success()
        .stdout(contains(
            "the hub is up to date (hub schema 2); nothing changed",
        ));
    assert_eq!(snapshot(cluster, &hub), before);

    let dir = tempfile::tempdir().unwrap();
    let sampang = demo(dir.path(), "sampang");
    let role = cluster.register(&hub, &sampang, "Jawa Timur", None);
    assert_eq!(role, "hub_once_d_sampang");
    // Registering again is harmless too.
    hub_cmd()
        .args([
            "hub",
            "register",
            "--url",
            &url,
            "--province",
            "Jawa Timur",
            "--db",
        ])
        .arg(&sampang)
        .assert()
        .success()
        .stdout(contains("Sampang is already registered in Jawa Timur"));

    cluster
        .push(&hub, &sampang, &role)
        .success()
        .stdout(contains(
            "Sampang: bundle 1 applied (5,445 report(s), 10 list(s))",
        ));
    let pushed = snapshot(cluster, &hub);
    cluster
        .push(&hub, &sampang, &role)
        .success()
        .stdout(contains(
            "the hub has everything (through bundle 1); nothing sent",
        ));
    assert_eq!(
        snapshot(cluster, &hub),
        pushed,
        "a second push changed the hub"
    );
    assert_eq!(status(&sampang)["bundles"].as_array().unwrap().len(), 1);
    assert!(status(&sampang)["bundles"][0]["pushed_at"].is_string());

    // A copy of the district's database (a backup restored, a file copied) that goes on
    // entering: its bundle 2 is not the hub's bundle 2. Refused whole, nothing sent, and its
    // bundle stays unconfirmed.
    let copy = dir.path().join("sampang-copy.pantau");
    std::fs::copy(&sampang, &copy).unwrap();
    add_report(&sampang, "Torjun", "2017-07-03", 12);
    add_report(&copy, "Omben", "2017-07-03", 7);
    cluster.push(&hub, &copy, &role).success().stdout(contains(
        "Sampang: bundle 2 applied (1 report(s), 0 list(s))",
    ));
    let before_original = snapshot(cluster, &hub);
    cluster.push(&hub, &sampang, &role).code(1).stderr(contains(
        "the hub holds another bundle 2 of Dispendukcapil Kabupaten Sampang than this \
             database made: the database was copied or restored from a backup after it sent",
    ));
    assert_eq!(snapshot(cluster, &hub), before_original);
    assert!(status(&sampang)["bundles"][1]["pushed_at"].is_null());
    // The hub holds the copy's day, not the original's: the original is the one refused.
    let mut admin = cluster.admin(&hub);
    let torjun: i64 = admin
        .query_one(
            "SELECT count(*) FROM pantau.report r JOIN pantau.unit u
               ON u.district_id = r.district_id AND u.unit_key = r.unit_key
             WHERE u.name = 'Torjun' AND r.day = '2017-07-03'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(torjun, 0);
    drop(admin);
    // Registering the district again elsewhere is refused, naming where it is.
    hub_cmd()
        .args([
            "hub",
            "register",
            "--url",
            &url,
            "--province",
            "Jawa Tengah",
            "--db",
        ])
        .arg(&sampang)
        .assert()
        .code(1)
        .stderr(contains(
            "Sampang is registered in Jawa Timur already, not in Jawa Tengah",
        ));
}

#[test]
fn one_new_day_travels_alone_and_the_days_total_is_kept_at_the_hub() {
    let Some(cluster) = cluster() else { return };
    let hub = cluster.hub("hub_day");
    let url = cluster.admin_url(&hub);
    let dir = tempfile::tempdir().unwrap();
    let sampang = demo(dir.path(), "sampang");
    let role = cluster.register(&hub, &sampang, "Jawa Timur", None);
    cluster.push(&hub, &sampang, &role).success();

    // One new day: one report travels, and the totals follow it.
    add_report(&sampang, "Torjun", "2017-07-03", 12);
    cluster
        .push(&hub, &sampang, &role)
        .success()
        .stdout(contains(
            "Sampang: bundle 2 applied (1 report(s), 0 list(s))",
        ));
    let ours = district_summary(&sampang, "2017-07-03");
    let province = hub_summary(&url, Some("Jawa Timur"), "2017-07-03");
    assert_eq!(totals(&province), added(&[ours]));
    assert_eq!(province["districts"][0]["last_day"], "2017-07-03");
    assert_eq!(province["not_sent"], serde_json::json!([]));
    // The day's total is kept at the hub, not scanned from the reports.
    let mut admin = cluster.admin(&hub);
    let row = admin
        .query_one(
            "SELECT recorded, units_reported FROM pantau.day_total WHERE day = '2017-07-03'",
            &[],
        )
        .unwrap();
    assert_eq!((row.get::<_, i64>(0), row.get::<_, i32>(1)), (12, 1));

    // The hub restored from a dump older than that day: the next push sends it again.
    admin
        .batch_execute(
            "DELETE FROM pantau.report WHERE day = '2017-07-03';
             DELETE FROM pantau.day_total WHERE day = '2017-07-03';
             DELETE FROM pantau.bundle WHERE sequence = 2;",
        )
        .unwrap();
    cluster
        .push(&hub, &sampang, &role)
        .success()
        .stdout(contains(
            "Sampang: bundle 2 applied (1 report(s), 0 list(s))",
        ));
    let recorded: i64 = admin
        .query_one(
            "SELECT recorded FROM pantau.day_total WHERE day = '2017-07-03'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(recorded, 12);
}

/// The centre's stage at the hub: the district's PRR, DUP, Efac and retaken, from each unit's
/// PRR start and every day's figures, are the district's own; a day without them makes the
/// district's PRR unknown at the hub, as at the district, never 0.
#[test]
fn the_hub_carries_the_centres_stage_as_the_district_has_it() {
    let Some(cluster) = cluster() else { return };
    let hub = cluster.hub("hub_prr");
    let url = cluster.admin_url(&hub);
    let dir = tempfile::tempdir().unwrap();
    let sampang = demo(dir.path(), "sampang");
    let role = cluster.register(&hub, &sampang, "Jawa Timur", None);
    cluster.push(&hub, &sampang, &role).success();
    let source = pantau::hub::HubSource::open(
        &pantau::hub::HubUrl::parse(&url).unwrap(),
        Some("Jawa Timur"),
    )
    .unwrap();
    let stage_at = |as_of: &str| {
        use pantau::source::DataSource;
        let data = source.dataset().unwrap();
        let summary = pantau::domain::summary::summarize(&data, common::d(as_of));
        summary.total.centre
    };
    for as_of in ["2016-10-05", "2017-06-23"] {
        let ours = district_summary(&sampang, as_of);
        let at_hub = stage_at(as_of).expect("the stage is known at the hub");
        for (key, value) in [
            ("prr", at_hub.prr),
            ("dup", at_hub.dup),
            ("efac", at_hub.efac),
            ("efac_retaken", at_hub.efac_retaken),
            ("prr_waiting", at_hub.prr_waiting),
            ("waiting_for_prr", at_hub.waiting_for_prr),
        ] {
            assert_eq!(ours["total"][key].as_u64(), Some(value), "{as_of} {key}");
        }
    }
    // Counting turned off and a day entered without the stage: unknown at the district and at
    // the hub alike.
    pantau()
        .args(["prr", "count", "off", "--db"])
        .arg(&sampang)
        .assert()
        .success();
    pantau()
        .args(["add-report", "--unit", "Torjun", "--date", "2017-07-03"])
        .args(["--recorded", "5", "--sent", "0", "--printed", "0", "--db"])
        .arg(&sampang)
        .assert()
        .success();
    cluster.push(&hub, &sampang, &role).success();
    assert!(
        district_summary(&sampang, "2017-07-03")["total"]
            .get("prr")
            .is_none()
    );
    assert_eq!(stage_at("2017-07-03"), None);
}

#[test]
fn bundles_carried_as_files_are_applied_in_sequence_a_gap_held_and_refusals_change_nothing() {
    let Some(cluster) = cluster() else { return };
    let hub = cluster.database("hub_files");
    let url = cluster.admin_url(&hub);
    hub_cmd()
        .args(["hub", "init", "--url", &url])
        .assert()
        .success();
    let dir = tempfile::tempdir().unwrap();
    let sampang = demo(dir.path(), "sampang");
    // Not registered yet: no bundle for the province.
    let usb = dir.path().join("usb");
    std::fs::create_dir(&usb).unwrap();
    pantau()
        .args(["exchange", "send", "--province", "--out"])
        .arg(&usb)
        .arg("--db")
        .arg(&sampang)
        .assert()
        .code(1)
        .stderr(contains("not registered with its province's hub"));
    cluster.register(&hub, &sampang, "Jawa Timur", None);

    let send = || {
        let out = pantau()
            .args(["exchange", "send", "--province", "--out"])
            .arg(&usb)
            .arg("--db")
            .arg(&sampang)
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(send().contains("Sampang-ke-provinsi-000001.pantau-kirim: bundle 1 for the province"));
    assert!(send().contains("nothing new since the last bundle for the province"));
    add_report(&sampang, "Torjun", "2017-07-03", 12);
    assert!(send().contains("bundle 2 for the province (1 report(s), 0 list(s))"));
    add_report(&sampang, "Torjun", "2017-07-03", 19);
    assert!(send().contains("bundle 3 for the province (1 report(s), 0 list(s))"));
    let file = |n: u32| usb.join(format!("Sampang-ke-provinsi-{n:06}.pantau-kirim"));
    let receive = |path: &Path| {
        hub_cmd()
            .args(["hub", "receive", "--url", &url])
            .arg(path)
            .assert()
    };

    receive(&file(1))
        .success()
        .stdout(contains("Sampang: bundle 1 applied"));
    receive(&file(3)).success().stdout(contains(
        "Sampang: bundle 3 kept; applied once bundle 2 comes",
    ));
    let held = snapshot(cluster, &hub);
    receive(&file(3)).success().stdout(contains(
        "bundle 3 is here already, waiting for the one before it",
    ));
    receive(&file(1))
        .success()
        .stdout(contains("bundle 1 was received before; nothing changed"));
    assert_eq!(snapshot(cluster, &hub), held);

    // A copy of bundle 2 whose figure was changed on the way is refused by name, and
    // nothing changes.
    let damaged = dir
        .path()
        .join("Sampang-ke-provinsi-000002-copy.pantau-kirim");
    rewrite(&file(2), &damaged, "hub-reports.csv", |text| {
        text.replace(",12,", ",120,")
    });
    receive(&damaged).code(1).stderr(contains(
        "Sampang-ke-provinsi-000002-copy.pantau-kirim: hub-reports.csv is damaged",
    ));
    assert_eq!(snapshot(cluster, &hub), held);

    // A district this hub never registered: refused, nothing changes.
    let elsewhere = cluster.database("hub_files_other");
    hub_cmd()
        .args(["hub", "init", "--url", &cluster.admin_url(&elsewhere)])
        .assert()
        .success();
    let stranger = demo(dir.path(), "stranger");
    cluster.register(&elsewhere, &stranger, "Jawa Tengah", Some("Brebes"));
    let strange_usb = dir.path().join("stranger-usb");
    std::fs::create_dir(&strange_usb).unwrap();
    pantau()
        .args(["exchange", "send", "--province", "--out"])
        .arg(&strange_usb)
        .arg("--db")
        .arg(&stranger)
        .assert()
        .success();
    receive(&strange_usb)
        .code(1)
        .stderr(contains("signed by a district this hub never registered"));
    assert_eq!(snapshot(cluster, &hub), held);

    // The missing bundle comes: it and the held one are applied, in order.
    receive(&file(2)).success().stdout(contains(
        "Sampang: bundle 2 applied (1 report(s), 0 list(s)); then the held bundle(s) 3",
    ));
    let mut admin = cluster.admin(&hub);
    let recorded: i64 = admin
        .query_one(
            "SELECT r.recorded FROM pantau.report r JOIN pantau.unit u
               ON u.district_id = r.district_id AND u.unit_key = r.unit_key
             WHERE u.name = 'Torjun' AND r.day = '2017-07-03'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(recorded, 19);
    let total: i64 = admin
        .query_one(
            "SELECT recorded FROM pantau.day_total WHERE day = '2017-07-03'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(total, 19);
    assert_eq!(
        totals(&hub_summary(&url, None, "2017-07-03")),
        added(&[district_summary(&sampang, "2017-07-03")])
    );

    // A push afterwards finds the hub holding every bundle carried by hand, and says so.
    let role = status(&sampang)["link"]["district_role"]
        .as_str()
        .unwrap()
        .to_string();
    cluster
        .push(&hub, &sampang, &role)
        .success()
        .stdout(contains(
            "the hub has everything (through bundle 3); nothing sent",
        ));
    let bundles = status(&sampang)["bundles"].as_array().unwrap().clone();
    assert!(
        bundles.iter().all(|b| b["pushed_at"].is_string()),
        "{bundles:?}"
    );
}

#[test]
fn postgres_itself_holds_each_role_to_its_rows_and_a_province_sees_only_its_districts() {
    let Some(cluster) = cluster() else { return };
    let hub = cluster.database("hub_roles");
    let url = cluster.admin_url(&hub);
    // Reading roles named after the hub's database, so a run again in the same cluster starts
    // clean.
    let (jatim_role, pusat_role) = (format!("{hub}_kepala_jatim"), format!("{hub}_pusat"));
    hub_cmd()
        .args(["hub", "init", "--url", &url])
        .assert()
        .success();
    let dir = tempfile::tempdir().unwrap();
    let sampang = demo(dir.path(), "sampang");
    let bangkalan = demo(dir.path(), "bangkalan");
    let brebes = demo(dir.path(), "brebes");
    // Different figures in each district.
    add_report(&bangkalan, "Torjun", "2017-07-03", 17);
    add_report(&brebes, "Omben", "2017-07-03", 5);
    let sampang_role = cluster.register(&hub, &sampang, "Jawa Timur", None);
    let bangkalan_role = cluster.register(&hub, &bangkalan, "Jawa Timur", Some("Bangkalan"));
    let brebes_role = cluster.register(&hub, &brebes, "Jawa Tengah", Some("Brebes"));
    for (db, role) in [
        (&sampang, &sampang_role),
        (&bangkalan, &bangkalan_role),
        (&brebes, &brebes_role),
    ] {
        cluster.push(&hub, db, role).success();
    }
    for (name, scope) in [
        (jatim_role.as_str(), vec!["--province", "Jawa Timur"]),
        (pusat_role.as_str(), vec!["--nation"]),
    ] {
        hub_cmd()
            .env("PANTAU_HUB_NEW_PASSWORD", "reader-pw")
            .args(["hub", "reader", "--url", &url, "--name", name])
            .args(scope)
            .assert()
            .success()
            .stdout(contains(format!("role {name} made")));
    }
    let mut admin = cluster.admin(&hub);
    let bangkalan_id: i32 = admin
        .query_one(
            "SELECT id FROM pantau.district WHERE name = 'Bangkalan'",
            &[],
        )
        .unwrap()
        .get(0);
    let before = snapshot(cluster, &hub);

    // Sampang's own role: another district's rows are neither writable nor visible.
    let mut as_sampang = cluster.client_as(&sampang_role, "district-pw", &hub);
    let refused = as_sampang
        .execute(
            "INSERT INTO pantau.day_total VALUES ($1, '2017-06-27', 1, 1, 1, 1, 1, 0)",
            &[&bangkalan_id],
        )
        .unwrap_err();
    assert!(
        refused
            .as_db_error()
            .unwrap()
            .message()
            .contains("row-level security"),
        "{refused:?}"
    );
    for sql in [
        "UPDATE pantau.report SET recorded = 0 WHERE district_id = $1",
        "DELETE FROM pantau.day_total WHERE district_id = $1",
        "DELETE FROM pantau.bundle WHERE district_id = $1",
    ] {
        assert_eq!(
            as_sampang.execute(sql, &[&bangkalan_id]).unwrap(),
            0,
            "{sql}"
        );
    }
    let seen: i64 = as_sampang
        .query_one("SELECT count(DISTINCT district_id) FROM pantau.report", &[])
        .unwrap()
        .get(0);
    assert_eq!(seen, 1);
    assert!(
        as_sampang
            .execute("UPDATE pantau.district SET name = 'x'", &[])
            .is_err()
    );

    // The province's reader writes nothing at all, and reads only its two districts.
    let mut as_jatim = cluster.client_as(&jatim_role, "reader-pw", &hub);
    for sql in [
        "UPDATE pantau.report SET recorded = 0",
        "DELETE FROM pantau.day_total",
        "INSERT INTO pantau.province (name, role_name) VALUES ('x', 'y')",
    ] {
        let error = as_jatim.execute(sql, &[]).unwrap_err();
        assert!(
            error
                .as_db_error()
                .unwrap()
                .message()
                .contains("permission denied"),
            "{sql}: {error:?}"
        );
    }
    assert_eq!(
        snapshot(cluster, &hub),
        before,
        "a refused write changed the hub"
    );

    let as_of = "2017-07-03";
    let jatim_url = cluster.url_as(&jatim_role, "reader-pw", &hub);
    let jatim = hub_summary(&jatim_url, None, as_of);
    let names: Vec<&str> = jatim["districts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Bangkalan", "Sampang"]);
    assert_eq!(
        totals(&jatim),
        added(&[
            district_summary(&sampang, as_of),
            district_summary(&bangkalan, as_of)
        ])
    );
    // Sampang has no report on the 26th; the two that do are not listed.
    assert_eq!(jatim["not_sent"], serde_json::json!(["Sampang"]));

    let nation = hub_summary(&cluster.url_as(&pusat_role, "reader-pw", &hub), None, as_of);
    assert_eq!(nation["districts"].as_array().unwrap().len(), 3);
    assert_eq!(nation["provinces"].as_array().unwrap().len(), 2);
    assert_eq!(
        totals(&nation),
        added(&[
            district_summary(&sampang, as_of),
            district_summary(&bangkalan, as_of),
            district_summary(&brebes, as_of)
        ])
    );
    // Idul Fitri (26 June 2017, a holiday in every district's calendar): nobody is behind.
    let holiday = hub_summary(&jatim_url, None, "2017-06-26");
    assert_eq!(holiday["not_sent"], serde_json::json!([]));
    assert_eq!(
        holiday["resting"],
        serde_json::json!(["Bangkalan", "Sampang"])
    );
    // A province the reader may not read: said, not shown as an empty "all reported".
    hub_cmd()
        .args([
            "hub",
            "summary",
            "--url",
            &jatim_url,
            "--province",
            "Jawa Tengah",
        ])
        .assert()
        .code(1)
        .stderr(contains("this role may read no district of Jawa Tengah"));
    // An existing role that reads nothing of this hub is never taken over.
    cluster
        .admin(&hub)
        .batch_execute(&format!("CREATE ROLE {hub}_someone LOGIN PASSWORD 'x'"))
        .unwrap();
    hub_cmd()
        .args([
            "hub",
            "reader",
            "--url",
            &url,
            "--name",
            &format!("{hub}_someone"),
        ])
        .arg("--nation")
        .assert()
        .code(1)
        .stderr(contains(format!(
            "a PostgreSQL role \"{hub}_someone\" exists already"
        )));
    hub_cmd()
        .args(["hub", "reader", "--url", &url, "--name", &jatim_role])
        .args(["--province", "Jawa Timur"])
        .assert()
        .success()
        .stdout(contains(
            "reads the province Jawa Timur already; nothing changed",
        ));
    let tengah = hub_summary(&url, Some("Jawa Tengah"), as_of);
    assert_eq!(tengah["districts"][0]["name"], "Brebes");
    assert_eq!(tengah["districts"].as_array().unwrap().len(), 1);
    hub_cmd()
        .args(["hub", "summary", "--url", &url, "--province", "Bali"])
        .assert()
        .code(1)
        .stderr(contains("no province \"Bali\" at this hub"));
    // The text a province reads, in Indonesian.
    hub_cmd()
        .args([
            "--lang", "id", "hub", "summary", "--as-of", as_of, "--url", &jatim_url,
        ])
        .assert()
        .success()
        .stdout(
            contains("Rekap provinsi Jawa Timur per 3 Jul 2017")
                .and(contains("Bangkalan"))
                .and(contains("Belum melapor 3 Jul 2017 (1): Sampang")),
        );
}

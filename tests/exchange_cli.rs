//! `pantau exchange` from the command line, as a district clerk and a kecamatan clerk use it:
//! setting up a PC, sending, receiving, conflicts — and every refusal, with the database left
//! exactly as it was.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::{dump, pantau};
use predicates::prelude::*;
use predicates::str::contains;

/// A district with Torjun and Omben, and a kecamatan PC set up for Torjun.
struct Office {
    dir: tempfile::TempDir,
    district: PathBuf,
    torjun: PathBuf,
    outbox: PathBuf,
}

fn office(name: &str) -> Office {
    let dir = tempfile::tempdir().unwrap();
    let district = dir.path().join("kabupaten.pantau");
    let units = dir.path().join("units.csv");
    std::fs::write(&units, "kecamatan;kode\nTorjun;35.27.02\nOmben;35.27.05\n").unwrap();
    pantau()
        .args(["init", "--office", name, "--db"])
        .arg(&district)
        .arg("--units")
        .arg(&units)
        .assert()
        .success();
    let torjun = dir.path().join("torjun.pantau");
    pantau()
        .args(["exchange", "setup", "--unit", "torjun", "--db"])
        .arg(&district)
        .arg("--out")
        .arg(&torjun)
        .assert()
        .success()
        .stdout(contains("database of the Torjun kecamatan PC made"));
    let outbox = dir.path().join("outbox");
    std::fs::create_dir_all(&outbox).unwrap();
    Office {
        dir,
        district,
        torjun,
        outbox,
    }
}

fn add_report(db: &Path, unit: &str, date: &str, recorded: u64, note: &str) {
    pantau()
        .args([
            "add-report",
            "--unit",
            unit,
            "--date",
            date,
            "--printed",
            "0",
        ])
        .args([
            "--recorded",
            &recorded.to_string(),
            "--sent",
            &recorded.to_string(),
        ])
        .args(["--note", note, "--db"])
        .arg(db)
        .assert()
        .success();
}

/// Sends from `db` into `out` and returns the one file written.
fn send(db: &Path, unit: Option<&str>, out: &Path) -> PathBuf {
    let before: Vec<_> = files(out);
    let mut cmd = pantau();
    cmd.args(["exchange", "send", "--db"])
        .arg(db)
        .arg("--out")
        .arg(out);
    if let Some(unit) = unit {
        cmd.args(["--unit", unit]);
    }
    cmd.assert().success();
    let after: Vec<_> = files(out);
    let new: Vec<_> = after.into_iter().filter(|f| !before.contains(f)).collect();
    assert_eq!(new.len(), 1, "{new:?}");
    new[0].clone()
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    out.sort();
    out
}

fn receive(db: &Path, file: &Path) -> assert_cmd::assert::Assert {
    pantau()
        .args(["exchange", "receive", "--db"])
        .arg(db)
        .arg(file)
        .assert()
}

/// Torjun's reports in the district's file: date → recorded.
fn recorded(db: &Path, unit: &str) -> BTreeMap<String, u64> {
    let store = pantau::store::Store::open_read_only(db).unwrap();
    let data = store.load().unwrap();
    let id = data.find_unit(unit).unwrap().id;
    data.reports_of(id)
        .map(|r| (r.date.to_string(), r.counts.recorded))
        .collect()
}

#[test]
fn a_day_goes_to_the_district_once_and_its_confirmation_comes_back() {
    let o = office("Dispendukcapil Kabupaten Uji");
    add_report(&o.torjun, "Torjun", "2016-10-05", 31, "");
    let bundle = send(&o.torjun, None, &o.outbox);
    assert_eq!(
        bundle.file_name().unwrap().to_string_lossy(),
        "Torjun-000001.pantau-kirim"
    );
    assert!(std::fs::metadata(&bundle).unwrap().len() < 10_000);
    // Nothing new: said, and no file.
    pantau()
        .args(["exchange", "send", "--db"])
        .arg(&o.torjun)
        .arg("--out")
        .arg(&o.outbox)
        .assert()
        .success()
        .stdout(contains(
            "nothing new since the last bundle; no file written",
        ));
    assert_eq!(files(&o.outbox).len(), 1);

    receive(&o.district, &bundle)
        .success()
        .stdout(contains("Torjun's bundle 1 applied: 1 new report(s)"));
    assert_eq!(recorded(&o.district, "Torjun")["2016-10-05"], 31);
    let once = dump(&o.district);
    receive(&o.district, &bundle)
        .success()
        .stdout(contains("was received before; nothing changed"));
    assert_eq!(
        dump(&o.district),
        once,
        "a second copy changed the database"
    );

    // The audit trail names the bundle.
    pantau()
        .args(["audit", "--limit", "1", "--db"])
        .arg(&o.district)
        .assert()
        .success()
        .stdout(contains("exchange_received").and(contains("Torjun-000001.pantau-kirim")));

    // The district's answer confirms it at the kecamatan.
    let answer = send(&o.district, Some("Torjun"), &o.outbox);
    assert_eq!(
        answer.file_name().unwrap().to_string_lossy(),
        "Torjun-dari-kabupaten-000001.pantau-kirim"
    );
    receive(&o.torjun, &answer)
        .success()
        .stdout(contains("1 of our bundles confirmed"));
    pantau()
        .args(["exchange", "status", "--db"])
        .arg(&o.torjun)
        .assert()
        .success()
        .stdout(contains("1 / 1"));

    // What the district decides for everyone reaches the kecamatan: a new deadline, a holiday,
    // Torjun's target; and nothing else of the district's (Omben's target stays there).
    for args in [
        &[
            "deadline",
            "add",
            "--decided",
            "2016-09-07",
            "--deadline",
            "2017-06-30",
        ][..],
        &[
            "holiday",
            "add",
            "--date",
            "2016-10-03",
            "--name",
            "Tahun Baru Hijriah",
        ],
        &[
            "target",
            "set",
            "--unit",
            "Torjun",
            "--wajib",
            "31904",
            "--from",
            "2016-01-01",
        ],
        &[
            "target",
            "set",
            "--unit",
            "Omben",
            "--wajib",
            "55000",
            "--from",
            "2016-01-01",
        ],
    ] {
        pantau()
            .args(args)
            .arg("--db")
            .arg(&o.district)
            .assert()
            .success();
    }
    receive(&o.torjun, &send(&o.district, Some("Torjun"), &o.outbox))
        .success()
        .stdout(contains("3 reference list(s) updated"));
    pantau()
        .args(["deadline", "list", "--db"])
        .arg(&o.torjun)
        .assert()
        .success()
        .stdout(contains("2017-06-30").or(contains("30 Jun 2017")));
    pantau()
        .args(["holiday", "list", "--db"])
        .arg(&o.torjun)
        .assert()
        .success()
        .stdout(contains("Tahun Baru Hijriah"));
    pantau()
        .args(["target", "list", "--db"])
        .arg(&o.torjun)
        .assert()
        .success()
        .stdout(contains("31,904").and(contains("55,000").not()));
    // Indonesian by default.
    pantau()
        .env_remove("PANTAU_LANG")
        .args(["exchange", "status", "--db"])
        .arg(&o.district)
        .assert()
        .success()
        .stdout(contains("Kiriman terakhir").and(contains("Torjun")));
}

#[test]
fn an_edit_made_at_both_ends_waits_in_the_queue_until_someone_decides() {
    let o = office("Dispendukcapil Kabupaten Uji");
    add_report(&o.torjun, "Torjun", "2016-10-05", 31, "");
    receive(&o.district, &send(&o.torjun, None, &o.outbox)).success();
    // Both correct the same day without knowing of each other.
    add_report(
        &o.district,
        "Torjun",
        "2016-10-05",
        40,
        "dikoreksi kabupaten",
    );
    add_report(&o.torjun, "Torjun", "2016-10-05", 35, "dikoreksi kecamatan");
    receive(&o.district, &send(&o.torjun, None, &o.outbox))
        .success()
        .stdout(contains("1 conflict(s) waiting for a decision"));
    // Not applied: the district keeps its value until someone decides.
    assert_eq!(recorded(&o.district, "Torjun")["2016-10-05"], 40);
    pantau()
        .args(["exchange", "conflicts", "--db"])
        .arg(&o.district)
        .assert()
        .success()
        .stdout(
            contains("recorded 35, sent 35, printed 0 — dikoreksi kecamatan")
                .and(contains(
                    "recorded 40, sent 40, printed 0 — dikoreksi kabupaten",
                ))
                .and(contains("waiting for a decision")),
        );
    // While it waits, the district does not send its value to the kecamatan.
    receive(&o.torjun, &send(&o.district, Some("Torjun"), &o.outbox)).success();
    assert_eq!(recorded(&o.torjun, "Torjun")["2016-10-05"], 35);

    pantau()
        .args(["exchange", "resolve", "--id", "1", "--keep", "ours", "--db"])
        .arg(&o.district)
        .assert()
        .success()
        .stdout(contains("conflict #1 (Torjun, 5 Oct 2016): ours is kept"));
    // Decided once only.
    let before = dump(&o.district);
    pantau()
        .args(["exchange", "resolve", "--id", "1", "--keep", "sent", "--db"])
        .arg(&o.district)
        .assert()
        .code(1)
        .stderr(contains("conflict #1 is already resolved"));
    assert_eq!(dump(&o.district), before);
    // The kept value goes to the kecamatan.
    receive(&o.torjun, &send(&o.district, Some("Torjun"), &o.outbox))
        .success()
        .stdout(contains("1 changed"));
    assert_eq!(recorded(&o.torjun, "Torjun")["2016-10-05"], 40);
    pantau()
        .args(["exchange", "conflicts", "--all", "--db"])
        .arg(&o.district)
        .assert()
        .success()
        .stdout(contains("kept ours"));
    pantau()
        .args(["audit", "--db"])
        .arg(&o.district)
        .assert()
        .success()
        .stdout(contains("exchange_conflict").and(contains("kept_ours")));
}

/// Receiving `file` at the district is refused with `message`, exit 1, and changes nothing.
fn assert_refused(district: &Path, file: &Path, message: &str) {
    let before = dump(district);
    receive(district, file)
        .code(1)
        .stderr(contains(file.file_name().unwrap().to_string_lossy()).and(contains(message)));
    assert_eq!(
        dump(district),
        before,
        "refusing {} changed the database",
        file.display()
    );
}

/// A bundle signed with Torjun's PC key but with another manifest.
fn forged(
    o: &Office,
    good: &Path,
    name: &str,
    change: impl FnOnce(&mut pantau::exchange::bundle::Manifest),
) -> PathBuf {
    use pantau::exchange::bundle;
    let store = pantau::store::Store::open_read_only(&o.torjun).unwrap();
    let identity = store.exchange_identity().unwrap().unwrap();
    let seed: [u8; 32] = bundle::from_hex(&identity.signing_key)
        .unwrap()
        .try_into()
        .unwrap();
    let key = ed25519_dalek::SigningKey::from_bytes(&seed);
    let good = bundle::read(good).unwrap();
    let mut manifest = good.manifest.clone();
    change(&mut manifest);
    let out = o.dir.path().join(name);
    bundle::write(manifest, &good.files, &key, &out).unwrap();
    out
}

#[test]
fn every_refusal_names_the_file_and_writes_nothing() {
    let o = office("Dispendukcapil Kabupaten Uji");
    add_report(&o.torjun, "Torjun", "2016-10-05", 31, "");
    let good = send(&o.torjun, None, &o.outbox);

    // A damaged byte anywhere: refused with nothing written, or — where the zip format itself
    // ignores that byte — exactly the signed content, never anything else.
    let bytes = std::fs::read(&good).unwrap();
    let damaged = o.dir.path().join("rusak.pantau-kirim");
    let mut refused = 0;
    for i in (0..bytes.len()).step_by(13) {
        let mut copy = bytes.clone();
        copy[i] ^= 0x41;
        std::fs::write(&damaged, &copy).unwrap();
        let before = dump(&o.district);
        let out = receive(&o.district, &damaged).get_output().clone();
        if out.status.code() == Some(1) {
            refused += 1;
            assert!(String::from_utf8_lossy(&out.stderr).contains("rusak.pantau-kirim"));
            assert_eq!(dump(&o.district), before, "byte {i}");
        } else {
            assert_eq!(
                recorded(&o.district, "Torjun").get("2016-10-05"),
                Some(&31),
                "byte {i}"
            );
        }
    }
    assert!(refused * 2 > bytes.len() / 13, "{refused} refused");

    // Signed by a PC another district set up (same office name, same unit name).
    let other = office("Dispendukcapil Kabupaten Uji");
    add_report(&other.torjun, "Torjun", "2016-10-05", 99, "");
    let stranger = send(&other.torjun, None, &other.outbox);
    assert_refused(
        &o.district,
        &stranger,
        "signed by a PC this database never set up",
    );

    // For another district altogether.
    let foreign = office("Dispendukcapil Kabupaten Bangkalan");
    add_report(&foreign.torjun, "Torjun", "2016-10-05", 99, "");
    let foreign_bundle = send(&foreign.torjun, None, &foreign.outbox);
    assert_refused(
        &o.district,
        &foreign_bundle,
        "the bundle is for the office \"Dispendukcapil Kabupaten Bangkalan\"",
    );

    // Torjun's PC claiming to send for Omben.
    let omben = forged(&o, &good, "omben.pantau-kirim", |m| {
        m.unit.name = "Omben".into();
        m.unit.code = Some("35.27.05".into());
    });
    assert_refused(
        &o.district,
        &omben,
        "says it is for Omben, but is signed by the PC of Torjun",
    );

    // Written by a newer Pantau.
    let newer = forged(&o, &good, "baru.pantau-kirim", |m| {
        m.schema_version = pantau::store::schema::LATEST_VERSION + 1;
    });
    assert_refused(&o.district, &newer, "written by a newer Pantau");

    // The genuine bundle goes in after all that (or was already in, where a damaged copy
    // differed only in bytes the zip ignores).
    receive(&o.district, &good).success();
    assert_eq!(recorded(&o.district, "Torjun")["2016-10-05"], 31);

    // A PC set up again: the old one's bundles are refused.
    let again = o.dir.path().join("torjun-baru.pantau");
    pantau()
        .args(["exchange", "setup", "--unit", "Torjun", "--db"])
        .arg(&o.district)
        .arg("--out")
        .arg(&again)
        .assert()
        .success()
        .stdout(contains("the unit's old PC is no longer trusted"));
    add_report(&o.torjun, "Torjun", "2016-10-06", 12, "");
    let old_pc = send(&o.torjun, None, &o.outbox);
    assert_refused(
        &o.district,
        &old_pc,
        "the PC of Torjun was set up again since",
    );

    // Not a bundle at all, and a file that is not there.
    let csv = o.dir.path().join("laporan.csv");
    std::fs::write(&csv, "tanggal,rekam\n2016-10-05,31\n").unwrap();
    assert_refused(&o.district, &csv, "not a Pantau bundle");
    let before = dump(&o.district);
    receive(&o.district, &o.dir.path().join("hilang.pantau-kirim"))
        .code(1)
        .stderr(contains("hilang.pantau-kirim: no such file"));
    assert_eq!(dump(&o.district), before);
}

#[test]
fn a_kecamatan_pc_sees_only_its_unit_and_cannot_set_up_others() {
    let o = office("Dispendukcapil Kabupaten Uji");
    pantau()
        .args(["unit", "list", "--db"])
        .arg(&o.torjun)
        .assert()
        .success()
        .stdout(contains("Torjun").and(contains("Omben").not()));
    let before = dump(&o.torjun);
    pantau()
        .args(["unit", "add", "--name", "Omben", "--db"])
        .arg(&o.torjun)
        .assert()
        .code(1)
        .stderr(contains(
            "this is the PC of kecamatan Torjun: it keeps only its own unit",
        ));
    assert_eq!(dump(&o.torjun), before);
    pantau()
        .args(["exchange", "setup", "--unit", "Torjun", "--db"])
        .arg(&o.torjun)
        .arg("--out")
        .arg(o.dir.path().join("x.pantau"))
        .assert()
        .code(1)
        .stderr(contains("only the district sets up PCs"));
    assert_eq!(dump(&o.torjun), before);
    assert!(!o.dir.path().join("x.pantau").exists());
    // A file that exists is never written over.
    let before = dump(&o.district);
    pantau()
        .args(["exchange", "setup", "--unit", "Omben", "--db"])
        .arg(&o.district)
        .arg("--out")
        .arg(&o.torjun)
        .assert()
        .code(1)
        .stderr(contains("already exists; choose another file name"));
    assert_eq!(dump(&o.district), before);
    // The district must say which kecamatan it sends to.
    pantau()
        .args(["exchange", "send", "--db"])
        .arg(&o.district)
        .arg("--out")
        .arg(&o.outbox)
        .assert()
        .code(1)
        .stderr(contains("which kecamatan? give --unit"));
    pantau()
        .args(["exchange", "send", "--unit", "Omben", "--db"])
        .arg(&o.district)
        .arg("--out")
        .arg(&o.outbox)
        .assert()
        .code(1)
        .stderr(contains("no PC is set up for Omben"));
}

#[test]
fn a_report_deleted_at_the_kecamatan_is_deleted_at_the_district() {
    let o = office("Dispendukcapil Kabupaten Uji");
    // Nothing but the databases beside them after setup: no lock file to copy along.
    for db in [&o.district, &o.torjun] {
        let lock = pantau::store::lock_path(db);
        assert!(!lock.exists(), "{} left behind", lock.display());
    }
    add_report(&o.torjun, "Torjun", "2016-10-04", 31, "");
    add_report(&o.torjun, "Torjun", "2016-10-05", 44, "");
    receive(&o.district, &send(&o.torjun, None, &o.outbox)).success();
    assert_eq!(recorded(&o.district, "Torjun").len(), 2);
    // 5 October was typed on the wrong day: deleted at the kecamatan PC.
    pantau()
        .args([
            "delete-report",
            "--unit",
            "Torjun",
            "--date",
            "2016-10-05",
            "--db",
        ])
        .arg(&o.torjun)
        .assert()
        .success()
        .stdout(contains("Torjun 2016-10-05: report deleted (recorded 44"));
    receive(&o.district, &send(&o.torjun, None, &o.outbox)).success();
    assert_eq!(
        recorded(&o.district, "Torjun"),
        BTreeMap::from([("2016-10-04".to_string(), 31)])
    );
    // And the other way: the district deletes 4 October, its answer deletes it at the PC.
    pantau()
        .args([
            "delete-report",
            "--unit",
            "Torjun",
            "--date",
            "2016-10-04",
            "--db",
        ])
        .arg(&o.district)
        .assert()
        .success();
    receive(&o.torjun, &send(&o.district, Some("Torjun"), &o.outbox)).success();
    assert!(recorded(&o.torjun, "Torjun").is_empty());
}

#[test]
fn a_folder_is_received_bundle_by_bundle_and_an_empty_one_is_refused_by_name() {
    let o = office("Dispendukcapil Kabupaten Uji");
    add_report(&o.torjun, "torjun", "2016-10-05", 31, "");
    send(&o.torjun, None, &o.outbox);
    add_report(&o.torjun, "torjun", "2016-10-06", 28, "");
    send(&o.torjun, None, &o.outbox);
    std::fs::write(o.outbox.join("baca-saya.txt"), "bukan kiriman").unwrap();

    // A folder without bundles: named, nothing written.
    let empty = o.dir.path().join("kosong");
    std::fs::create_dir_all(&empty).unwrap();
    let before = dump(&o.district);
    receive(&o.district, &empty).failure().stderr(contains(
        "kosong: no bundle (.pantau-kirim file) in this folder",
    ));
    assert_eq!(dump(&o.district), before);

    // The outbox: both bundles, in order.
    receive(&o.district, &o.outbox).success();
    assert_eq!(
        recorded(&o.district, "Torjun"),
        BTreeMap::from([
            ("2016-10-05".to_string(), 31),
            ("2016-10-06".to_string(), 28)
        ])
    );
}

#[test]
fn the_districts_answer_for_another_pc_is_refused_naming_both_pcs() {
    let o = office("Dispendukcapil Kabupaten Uji");
    let omben = o.dir.path().join("omben.pantau");
    pantau()
        .args(["exchange", "setup", "--unit", "omben", "--db"])
        .arg(&o.district)
        .arg("--out")
        .arg(&omben)
        .assert()
        .success();
    add_report(&o.district, "omben", "2016-10-05", 12, "");
    let answer = send(&o.district, Some("omben"), &o.outbox);
    // Taken to the Torjun PC by mistake.
    let before = dump(&o.torjun);
    receive(&o.torjun, &answer).failure().stderr(contains(
        "this answer of the district is for the Omben PC, not for this one (Torjun); take it \
         to the Omben PC. Nothing was received",
    ));
    assert_eq!(dump(&o.torjun), before);
    // At the Omben PC it goes in.
    receive(&omben, &answer).success();
}

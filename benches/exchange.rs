//! `cargo bench --bench exchange`: the district receiving one day from each of its 14
//! kecamatan PCs.
//!
//! Goal (issue 13): receiving 14 bundles of a day each takes under 100 ms — each checked
//! (zip, hashes, signature, chain), merged and judged by the rules in its own transaction —
//! on the illustrative Sampang database (14 kecamatan, a year and a half of reports). Five
//! runs, each on a fresh copy of the district's file; the median is reported.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A bench that cannot go on says so by panicking.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use pantau::domain::{Counts, DailyReport, UnitKind};
use pantau::exchange::{self, Receipt, Sent};
use pantau::store::Store;

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let district_path = dir.path().join("sampang.pantau");
    let data = pantau::demo::build();
    let today = data.last_activity().unwrap() + chrono::Days::new(30);
    {
        let mut store = Store::create(&district_path).unwrap();
        store.populate(&data, today).unwrap();
    }
    let day = data
        .calendar
        .working_days(data.last_activity().unwrap().succ_opt().unwrap(), today)[0];
    let outbox = dir.path().join("outbox");
    std::fs::create_dir_all(&outbox).unwrap();
    let mut bundles: Vec<PathBuf> = Vec::new();
    {
        let mut district = Store::open(&district_path).unwrap();
        let kecamatan: Vec<_> = data
            .units
            .iter()
            .filter(|u| u.kind == UnitKind::Kecamatan)
            .cloned()
            .collect();
        for unit in &kecamatan {
            let path = dir.path().join(format!("{}.pantau", unit.name));
            exchange::set_up(&mut district, &unit.name, &path, today).unwrap();
            let mut kec = Store::open(&path).unwrap();
            kec.save_report(
                &DailyReport {
                    unit_id: unit.id,
                    date: day,
                    counts: Counts {
                        recorded: 12,
                        sent_to_central: 10,
                        printed: 0,
                        suket_issued: 2,
                    },
                    server_ok: true,
                    note: "hari biasa".into(),
                    prr: None,
                },
                today,
            )
            .unwrap();
            match exchange::send(&mut kec, None, &outbox).unwrap() {
                Sent::Written { path, .. } => bundles.push(path),
                Sent::Nothing { .. } => panic!("nothing to send"),
            }
        }
    }
    let sizes: Vec<u64> = bundles
        .iter()
        .map(|b| std::fs::metadata(b).unwrap().len())
        .collect();
    let mut times = Vec::new();
    for run in 0..5 {
        let copy = dir.path().join(format!("run-{run}.pantau"));
        std::fs::copy(&district_path, &copy).unwrap();
        let mut district = Store::open(&copy).unwrap();
        // As `pantau exchange receive FILE...` and "Terima kiriman…" do.
        let started = Instant::now();
        let mut receiver = exchange::Receiver::new(&mut district, today);
        for bundle in &bundles {
            match receiver.receive(bundle).unwrap() {
                Receipt::Applied { applied, .. } => assert_eq!(applied.new, 1),
                other => panic!("{other:?}"),
            }
        }
        times.push(started.elapsed());
    }
    times.sort();
    let median = times[times.len() / 2];
    // Where the time goes: reading the whole database (once for all the bundles: the rules
    // judge each bundle against all of it), and the same receipt on a file in memory
    // (/dev/shm), where committing costs no disk flush.
    let loads = {
        let store = Store::open_read_only(&district_path).unwrap();
        let started = Instant::now();
        store.load().unwrap();
        started.elapsed()
    };
    let shm = std::path::Path::new("/dev/shm");
    let in_memory = shm.is_dir().then(|| {
        let copy = shm.join(format!("pantau-bench-{}.pantau", std::process::id()));
        std::fs::copy(&district_path, &copy).unwrap();
        let mut district = Store::open(&copy).unwrap();
        let started = Instant::now();
        let mut receiver = exchange::Receiver::new(&mut district, today);
        for bundle in &bundles {
            receiver.receive(bundle).unwrap();
        }
        let took = started.elapsed();
        drop(district);
        pantau::store::remove_database(&copy);
        took
    });
    println!(
        "  of which reading the database once: {:.1} ms; the same receipt in /dev/shm: {}",
        loads.as_secs_f64() * 1000.0,
        in_memory.map_or("-".to_string(), |t| format!(
            "{:.1} ms",
            t.as_secs_f64() * 1000.0
        ))
    );
    println!(
        "receiving {} bundles of one day each (each {}–{} bytes): median {:.1} ms of 5 runs \
         (runs {:?}); goal < 100 ms: {}",
        bundles.len(),
        sizes.iter().min().unwrap(),
        sizes.iter().max().unwrap(),
        median.as_secs_f64() * 1000.0,
        times
            .iter()
            .map(|t| format!("{:.1}", t.as_secs_f64() * 1000.0))
            .collect::<Vec<_>>(),
        if median < Duration::from_millis(100) {
            "met"
        } else {
            "NOT met"
        }
    );
}

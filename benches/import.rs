//! `cargo bench --bench import`: bringing an office's history in, and judging one save.
//!
//! Goals (issue 9), measured in one run of this program:
//! 1. 200.000 rows (400 units × 500 working days) import in at most 3× the time `sqlite3
//!    .import` takes for the same CSV file into a table with the same primary key. Both run
//!    here, three times each; the medians are compared.
//! 2. 1.000.000 rows (2.000 units × 500 working days) import with a peak memory (maximum
//!    resident set) under 500 MB. The import runs in a child process so that its peak is its
//!    own.
//! 3. One edit in a database of 700 units × 2 years is judged in under 50 ms.
//! 4. A file of 1.000.000 bad rows of opening totals (issue 23) is checked in under 5 s with a
//!    peak memory under 200 MB: the first problems are kept, the rest only counted.
//!
//! `sqlite3` must be installed (Debian: `apt-get install sqlite3`).

#![allow(clippy::unwrap_used, clippy::expect_used)] // A test that cannot go on says so by panicking.

use std::io::Write;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use pantau::domain::judge::{Change, OutlierPolicy, judge};
use pantau::domain::{Calendar, Counts, DailyReport, Dataset, NewUnit, Office, UnitKind};
use pantau::progress::Progress;
use pantau::rng::SplitMix64;
use pantau::store::Store;

const CHILD: &str = "PANTAU_BENCH_IMPORT_CHILD";
const FLOOD_CHILD: &str = "PANTAU_BENCH_FLOOD_CHILD";

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2015, 1, 5).expect("a valid date")
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).expect("a valid date")
}

fn unit_name(i: usize) -> String {
    format!("Kecamatan {:04}", i + 1)
}

/// The working days of the history (the default calendar: Monday to Friday).
fn days(count: usize) -> Vec<NaiveDate> {
    let calendar = Calendar::default();
    calendar
        .working_days(start(), start() + chrono::Days::new(count as u64 * 2))
        .into_iter()
        .take(count)
        .collect()
}

/// Plausible counts for one unit and day: sent never above recorded, printed never above sent.
fn counts(rng: &mut SplitMix64) -> Counts {
    let recorded = 20 + rng.below(60) as u64;
    // One day in a thousand is a spike, which the import flags for review.
    let recorded = if rng.below(1000) == 0 {
        recorded * 8
    } else {
        recorded
    };
    let sent = recorded - rng.below(5) as u64;
    let printed = sent - rng.below(10).min(sent as usize) as u64;
    Counts {
        recorded,
        sent_to_central: sent,
        printed,
        suket_issued: rng.below(5) as u64,
    }
}

/// Writes the history CSV as an office's spreadsheet would hold it, one day after another.
fn write_history(path: &Path, units: usize, day_count: usize) {
    let file = std::fs::File::create(path).expect("create the CSV");
    let mut out = std::io::BufWriter::new(file);
    writeln!(
        out,
        "tanggal;kecamatan;perekaman;terkirim;cetak;suket;server;catatan"
    )
    .expect("write");
    let mut rng = SplitMix64::new(9);
    for day in days(day_count) {
        for unit in 0..units {
            let c = counts(&mut rng);
            writeln!(
                out,
                "{day};{};{};{};{};{};ya;",
                unit_name(unit),
                c.recorded,
                c.sent_to_central,
                c.printed,
                c.suket_issued
            )
            .expect("write");
        }
    }
    out.flush().expect("flush");
}

/// A new database with `units` units.
fn office(path: &Path, units: usize) {
    let mut store = Store::create(path).expect("create the database");
    let new: Vec<NewUnit> = (0..units)
        .map(|i| NewUnit {
            name: unit_name(i),
            code: None,
            kind: UnitKind::Kecamatan,
        })
        .collect();
    store
        .initialize(
            &Office {
                name: "Dispendukcapil Kabupaten Uji".to_string(),
                description: String::new(),
            },
            &new,
            &[],
        )
        .expect("initialize");
}

/// What `pantau import` does: open, load, read and judge the file, write it.
/// Returns the whole time, the time to read and judge the file (the plan), and the rows.
fn pantau_import(db: &Path, csv: &Path) -> (Duration, Duration, usize) {
    let began = Instant::now();
    let mut store = Store::open(db).expect("open");
    let data = store.load().expect("load");
    let planning = Instant::now();
    let plan =
        pantau::io::import::plan_with_progress(&data, csv, None, today(), &Progress::default())
            .expect("not cancelled");
    let planned = planning.elapsed();
    assert_eq!(plan.problem_count, 0, "{:?}", plan.problems.first());
    drop(data);
    store
        .import(&plan.reports, &plan.events, &plan.source, today())
        .expect("import");
    (began.elapsed(), planned, plan.new)
}

/// `sqlite3 .import` of the same file into a table with the same primary key.
fn sqlite_import(db: &Path, csv: &Path) -> Duration {
    let script = format!(
        "CREATE TABLE daily_report (tanggal TEXT NOT NULL, kecamatan TEXT NOT NULL, \
         perekaman INTEGER NOT NULL, terkirim INTEGER NOT NULL, cetak INTEGER NOT NULL, \
         suket INTEGER NOT NULL, server TEXT NOT NULL, catatan TEXT NOT NULL, \
         PRIMARY KEY (kecamatan, tanggal)) WITHOUT ROWID;\n\
         .mode csv\n.separator ;\n.import --skip 1 {} daily_report\n",
        csv.display()
    );
    let began = Instant::now();
    let mut child = Command::new("sqlite3")
        .arg(db)
        .stdin(std::process::Stdio::piped())
        .spawn()
        .expect("sqlite3 is installed (apt-get install sqlite3)");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(script.as_bytes())
        .expect("write the script");
    assert!(child.wait().expect("sqlite3 ran").success());
    began.elapsed()
}

fn median(mut values: Vec<Duration>) -> Duration {
    values.sort();
    values[values.len() / 2]
}

/// The peak resident memory of a child process, in MB, reaped with `wait4`.
#[cfg(target_os = "linux")]
#[expect(
    clippy::zombie_processes,
    reason = "the child is reaped with wait4, which std cannot"
)]
fn run_child_peak_mb(mut command: Command) -> (bool, f64) {
    let child = command.spawn().expect("spawn the child");
    let mut status = 0;
    // SAFETY: an all-zero rusage is valid for wait4 to fill.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: the pid is our own child, not yet reaped; status and usage are valid.
    let pid = unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
    assert_eq!(pid, child.id() as i32, "wait4");
    let ok = libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
    (ok, usage.ru_maxrss as f64 / 1024.0)
}

fn import_speed() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let csv = dir.path().join("riwayat.csv");
    let (units, day_count) = (400, 500);
    write_history(&csv, units, day_count);
    let size = std::fs::metadata(&csv).map(|m| m.len()).unwrap_or(0);
    println!(
        "import of {} rows ({units} units × {day_count} working days, {:.1} MB CSV):",
        units * day_count,
        size as f64 / 1e6
    );
    let mut ours = Vec::new();
    let mut plans = Vec::new();
    let mut theirs = Vec::new();
    for run in 0..3 {
        let db = dir.path().join(format!("pantau-{run}.pantau"));
        office(&db, units);
        let (took, planned, rows) = pantau_import(&db, &csv);
        assert_eq!(rows, units * day_count);
        ours.push(took);
        plans.push(planned);
        let reference = dir.path().join(format!("sqlite-{run}.db"));
        theirs.push(sqlite_import(&reference, &csv));
    }
    let (ours, planned, theirs) = (median(ours), median(plans), median(theirs));
    println!(
        "  pantau import  {:>8.2} s (of which reading and judging the file {:.2} s)\n  \
         sqlite3 .import {:>7.2} s\n  ratio {:.2}× (goal ≤ 3×)",
        ours.as_secs_f64(),
        planned.as_secs_f64(),
        theirs.as_secs_f64(),
        ours.as_secs_f64() / theirs.as_secs_f64()
    );
}

fn import_memory() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let csv = dir.path().join("sejuta.csv");
    let (units, day_count) = (2_000, 500);
    write_history(&csv, units, day_count);
    let db = dir.path().join("sejuta.pantau");
    office(&db, units);
    let mut command = Command::new(std::env::current_exe().expect("this program"));
    command.env(CHILD, format!("{}\n{}", db.display(), csv.display()));
    let began = Instant::now();
    let (ok, peak) = run_child_peak_mb(command);
    assert!(ok, "the child import failed");
    println!(
        "import of {} rows in {:.1} s: peak memory {peak:.0} MB (goal < 500 MB)",
        units * day_count,
        began.elapsed().as_secs_f64()
    );
}

/// An in-memory office of `units` units with `day_count` days of reports.
fn dataset(units: usize, day_count: usize) -> Dataset {
    let mut data = Dataset::empty(Office {
        name: "Uji".to_string(),
        description: String::new(),
    });
    for i in 0..units {
        data.units.push(pantau::domain::Unit {
            id: i as i64 + 1,
            name: unit_name(i),
            code: None,
            kind: UnitKind::Kecamatan,
            active: true,
        });
    }
    let mut rng = SplitMix64::new(3);
    data.stock_events.push(pantau::domain::StockEvent {
        id: Some(1),
        date: start(),
        kind: pantau::domain::StockEventKind::Receipt,
        quantity: 100_000_000,
        document: String::new(),
        counterparty: String::new(),
        note: String::new(),
    });
    for day in days(day_count) {
        for unit in 0..units {
            data.put_report(DailyReport {
                unit_id: unit as i64 + 1,
                date: day,
                counts: counts(&mut rng),
                server_ok: true,
                note: String::new(),
                prr: None,
            });
        }
    }
    data
}

fn single_save() {
    let (units, day_count) = (700, 500);
    let mut data = dataset(units, day_count);
    let last = *days(day_count).last().expect("a day");
    let mut times = Vec::new();
    for i in 0..21 {
        let unit = (i * 31 % units) as i64 + 1;
        let mut report = data.reports[&(unit, last)].clone();
        report.counts.recorded += 1;
        report.counts.sent_to_central += 1;
        data.put_report(report);
        let began = Instant::now();
        let verdict = judge(
            &data,
            &[Change::Report { unit, date: last }],
            today(),
            OutlierPolicy::NeedsNote,
        );
        times.push(began.elapsed());
        assert!(verdict.refused.is_empty(), "{:?}", verdict.first_refusal());
    }
    println!(
        "one edit judged in {} reports ({units} units × {day_count} days): {:.1} ms median \
         (goal < 50 ms)",
        data.reports.len(),
        median(times).as_secs_f64() * 1e3
    );
}

/// A file of a million opening-total rows, each with a count that is no number.
fn flood() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let csv = dir.path().join("sejuta-salah.csv");
    let rows = 1_000_000;
    {
        let mut out = std::io::BufWriter::new(std::fs::File::create(&csv).expect("create"));
        writeln!(out, "kecamatan;per_tanggal;rekam;terkirim;cetak;suket").expect("write");
        for i in 0..rows {
            writeln!(out, "Torjun;2016-10-03;{i}x;1;1;0").expect("write");
        }
    }
    let mut command = Command::new(std::env::current_exe().expect("this program"));
    command.env(FLOOD_CHILD, csv.display().to_string());
    let began = Instant::now();
    let (ok, peak) = run_child_peak_mb(command);
    assert!(ok, "the child check failed");
    println!(
        "{rows} bad rows of opening totals checked in {:.1} s (goal < 5 s): peak memory \
         {peak:.0} MB (goal < 200 MB)",
        began.elapsed().as_secs_f64()
    );
}

/// The child of [`flood`]: plans the import and checks that every problem was counted.
fn flood_child(csv: &Path) {
    let mut data = Dataset::empty(Office {
        name: "Uji".to_string(),
        description: String::new(),
    });
    data.units.push(pantau::domain::Unit {
        id: 1,
        name: "Torjun".to_string(),
        code: None,
        kind: UnitKind::Kecamatan,
        active: true,
    });
    let plan = pantau::io::import::plan_openings(&data, csv, today());
    assert_eq!(plan.problems.count, 1_000_000);
    assert!(plan.problems.first.len() <= pantau::io::import::MAX_PROBLEMS);
}

fn main() {
    if let Ok(csv) = std::env::var(FLOOD_CHILD) {
        flood_child(Path::new(&csv));
        return;
    }
    if let Ok(spec) = std::env::var(CHILD) {
        let (db, csv) = spec.split_once('\n').expect("db and csv");
        pantau_import(Path::new(db), Path::new(csv));
        return;
    }
    // `cargo bench` passes `--bench`; a filter picks one part.
    let filter = std::env::args().skip(1).find(|a| !a.starts_with("--"));
    let wants = |name: &str| filter.as_deref().is_none_or(|f| name.contains(f));
    if wants("speed") {
        import_speed();
    }
    if wants("memory") {
        import_memory();
    }
    if wants("save") {
        single_save();
    }
    if wants("flood") {
        flood();
    }
}

//! `pg_virtualenv -t cargo bench --bench hub`: the national hub at full size.
//!
//! Goals (issue 26), measured in one run of this program against a real PostgreSQL (the one in
//! `PGHOST`, `PGPORT`, `PGUSER`, `PGPASSWORD`: `pg_virtualenv` sets them):
//! 1. `hub summary` for the nation (7,266 kecamatan in 514 districts of 34 provinces × 520
//!    working days = 3.78 M reports), as the nation's reading role: at most 1 s.
//! 2. The hub's dashboard filled (connect, read the districts' series, summary, history, who
//!    is behind; then the forecast tiles): at most 3 s, with at most 300 MB resident. In a
//!    child process, so that its peak memory is its own.
//! 3. One district's day pushed (15 units): at most 200 ms.
//! 4. A district's two years pushed at once (15 units × 520 working days): at most 5 s.
//!
//! The national data is generated straight into the hub's tables with `COPY` (as the hub's
//! owner); the district of goals 3 and 4 is a real `.pantau` database pushed as a district
//! does it, through its own role and row-level security.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A bench that cannot go on says so by panicking.

use std::io::Write;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use pantau::domain::{Calendar, Counts, DailyReport, Dataset, Office, Unit, UnitKind};
use pantau::hub::{self, HubUrl};
use pantau::rng::SplitMix64;
use pantau::store::Store;

const CHILD: &str = "PANTAU_BENCH_HUB_DASHBOARD";
const PROVINCES: usize = 34;
const DISTRICTS: usize = 514;
const KECAMATAN: usize = 7_266;
const DAYS: usize = 520;

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| {
        panic!("{name} is not set: run this under pg_virtualenv (pg_virtualenv -t cargo bench --bench hub)")
    })
}

fn url(user: &str, password: &str, db: &str) -> String {
    format!(
        "postgresql://{user}:{password}@{}:{}/{db}",
        env("PGHOST"),
        env("PGPORT")
    )
}

fn admin_url(db: &str) -> String {
    url(&env("PGUSER"), &env("PGPASSWORD"), db)
}

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2015, 1, 5).unwrap()
}

fn working_days(count: usize) -> Vec<NaiveDate> {
    Calendar::default()
        .working_days(start(), start() + chrono::Days::new(count as u64 * 2))
        .into_iter()
        .take(count)
        .collect()
}

fn counts(rng: &mut SplitMix64) -> Counts {
    let recorded = 10 + rng.below(40) as u64;
    let sent = recorded.saturating_sub(rng.below(3) as u64);
    let printed = sent / 2 + rng.below(5) as u64;
    Counts {
        recorded,
        sent_to_central: sent,
        printed: printed.min(sent),
        suket_issued: rng.below(10) as u64,
    }
}

fn peak_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// The nation's data, straight into the hub's tables.
fn generate(db: &str) {
    let began = Instant::now();
    let mut client = HubUrl::parse(&admin_url(db)).unwrap().connect().unwrap();
    let mut rng = SplitMix64::new(26);
    let days = working_days(DAYS);
    let mut tx = client.transaction().unwrap();
    for p in 0..PROVINCES {
        tx.execute(
            "INSERT INTO pantau.province (name, role_name) VALUES ($1, $2)",
            &[&format!("Provinsi {:02}", p + 1), &format!("bench_p_{p}")],
        )
        .unwrap();
    }
    let mut units_of = Vec::with_capacity(DISTRICTS);
    for d in 0..DISTRICTS {
        let units = KECAMATAN / DISTRICTS + usize::from(d < KECAMATAN % DISTRICTS);
        units_of.push(units);
        tx.execute(
            "INSERT INTO pantau.district (province_id, name, office, public_key, role_name)
             VALUES ($1, $2, $3, $4, $5)",
            &[
                &((d % PROVINCES) as i32 + 1),
                &format!("Kabupaten {:03}", d + 1),
                &format!("Dispendukcapil Kabupaten {:03}", d + 1),
                &format!("{:064x}", d + 1),
                &format!("bench_d_{d}"),
            ],
        )
        .unwrap();
    }
    let mut copy = |sql: &str, rows: &mut dyn FnMut(&mut dyn Write)| {
        let mut writer = tx.copy_in(sql).unwrap();
        rows(&mut writer);
        writer.finish().unwrap();
    };
    copy(
        "COPY pantau.unit (district_id, unit_key, name, kind, active) FROM STDIN",
        &mut |w| {
            for (d, units) in units_of.iter().enumerate() {
                for u in 0..*units {
                    writeln!(w, "{}\t{}\tKecamatan {}\tkecamatan\tt", d + 1, u + 1, u + 1).unwrap();
                }
            }
        },
    );
    copy(
        "COPY pantau.target (district_id, unit_key, effective_from, wajib_ktp) FROM STDIN",
        &mut |w| {
            for (d, units) in units_of.iter().enumerate() {
                for u in 0..*units {
                    writeln!(w, "{}\t{}\t2015-01-01\t60000", d + 1, u + 1).unwrap();
                }
            }
        },
    );
    copy(
        "COPY pantau.report (district_id, unit_key, day, recorded, sent_to_central, printed,
                             suket_issued, server_ok, note) FROM STDIN",
        &mut |w| {
            for (d, units) in units_of.iter().enumerate() {
                for u in 0..*units {
                    for day in &days {
                        let c = counts(&mut rng);
                        writeln!(
                            w,
                            "{}\t{}\t{day}\t{}\t{}\t{}\t{}\tt\t",
                            d + 1,
                            u + 1,
                            c.recorded,
                            c.sent_to_central,
                            c.printed,
                            c.suket_issued
                        )
                        .unwrap();
                    }
                }
            }
        },
    );
    copy(
        "COPY pantau.deadline (district_id, decided_on, deadline, note) FROM STDIN",
        &mut |w| {
            for d in 0..DISTRICTS {
                writeln!(w, "{}\t2015-12-14\t2016-09-30\tTarget nasional", d + 1).unwrap();
                writeln!(w, "{}\t2016-09-07\t2017-06-30\tDiundur", d + 1).unwrap();
            }
        },
    );
    copy(
        "COPY pantau.outage (district_id, position, first_day, last_day, units, cause, note)
         FROM STDIN",
        &mut |w| {
            for d in 0..DISTRICTS {
                writeln!(
                    w,
                    "{}\t0\t2016-09-01\t2016-09-30\t{{}}\tcentral_server\tServer pusat",
                    d + 1
                )
                .unwrap();
            }
        },
    );
    copy(
        "COPY pantau.stock_event (district_id, position, event_key, day, kind, quantity,
                                  document, counterparty, note) FROM STDIN",
        &mut |w| {
            for d in 0..DISTRICTS {
                writeln!(w, "{}\t0\t1\t{}\treceipt\t20000000\t\t\t", d + 1, start()).unwrap();
            }
        },
    );
    tx.batch_execute(
        "INSERT INTO pantau.day_total (district_id, day, recorded, sent_to_central, printed,
             suket_issued, units_reported, units_server_down)
         SELECT district_id, day, sum(recorded), sum(sent_to_central), sum(printed),
                sum(suket_issued), count(*), 0
         FROM pantau.report GROUP BY district_id, day;
         INSERT INTO pantau.stock_day (district_id, day, inflow, outflow, printed, closing)
         SELECT district_id, day, CASE WHEN day = '2015-01-05' THEN 20000000 ELSE 0 END, 0,
                printed,
                20000000 - sum(printed) OVER (PARTITION BY district_id ORDER BY day)
         FROM pantau.day_total;",
    )
    .unwrap();
    tx.commit().unwrap();
    client.batch_execute("ANALYZE").unwrap();
    println!(
        "generated {} reports of {KECAMATAN} kecamatan in {DISTRICTS} districts × {DAYS} days \
         in {:.0} s",
        KECAMATAN * DAYS,
        began.elapsed().as_secs_f64()
    );
}

/// The dashboard filled, in this (child) process: prints seconds and the peak memory.
fn dashboard_child(url: &str) {
    let today = NaiveDate::from_ymd_opt(2017, 1, 1).unwrap();
    let began = Instant::now();
    let source = hub::HubSource::open(&HubUrl::parse(url).unwrap(), None).unwrap();
    let view = pantau::ui::app::build_hub_view(&source, None, today).unwrap();
    let filled = began.elapsed();
    let params = pantau::forecast::ForecastParams {
        window_days: view.data.settings.forecast_window_days,
        trials: view.data.settings.forecast_trials,
    };
    let forecast = pantau::forecast::forecast_at(
        &view.history,
        view.as_of,
        &params,
        pantau::forecast::default_threads(),
    );
    let with_forecast = began.elapsed();
    assert_eq!(view.data.units.len(), DISTRICTS);
    // The forecast ran on the aggregated series of every district.
    assert_eq!(forecast.as_of, view.as_of);
    println!(
        "{} {} {}",
        filled.as_secs_f64(),
        with_forecast.as_secs_f64(),
        peak_mb()
    );
}

/// A district of 15 units with `days` working days of reports, as a database.
fn district(path: &std::path::Path, days: &[NaiveDate]) {
    let mut data = Dataset::empty(Office {
        name: "Dispendukcapil Kabupaten Uji".to_string(),
        description: String::new(),
    });
    for i in 0..15 {
        data.units.push(Unit {
            id: i + 1,
            name: format!("Kecamatan {}", i + 1),
            code: None,
            kind: UnitKind::Kecamatan,
            active: true,
        });
    }
    data.stock_events.push(pantau::domain::StockEvent {
        id: Some(1),
        date: start(),
        kind: pantau::domain::StockEventKind::Receipt,
        quantity: 10_000_000,
        document: String::new(),
        counterparty: String::new(),
        note: String::new(),
    });
    let mut rng = SplitMix64::new(7);
    for day in days {
        for unit in 1..=15 {
            data.put_report(DailyReport {
                unit_id: unit,
                date: *day,
                counts: counts(&mut rng),
                server_ok: true,
                note: String::new(),
                prr: None,
            });
        }
    }
    let mut store = Store::create(path).unwrap();
    store
        .populate(&data, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())
        .unwrap();
}

fn main() {
    if let Ok(url) = std::env::var(CHILD) {
        dashboard_child(&url);
        return;
    }
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with("model name"))
        .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        .unwrap_or_default();
    println!(
        "machine: {} cores, {cpu}; PostgreSQL on the same machine",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    let db = "pantau_bench";
    {
        let mut admin = HubUrl::parse(&admin_url("postgres"))
            .unwrap()
            .connect()
            .unwrap();
        admin
            .batch_execute(&format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)"))
            .unwrap();
        for role in ["pantau_bench_nation_reader", "pantau_bench_d_kabupaten_uji"] {
            admin
                .batch_execute(&format!("DROP ROLE IF EXISTS {role}"))
                .unwrap();
        }
        admin
            .batch_execute(&format!("CREATE DATABASE {db}"))
            .unwrap();
    }
    let admin = HubUrl::parse(&admin_url(db)).unwrap();
    let mut client = admin.connect().unwrap();
    hub::schema::init(&mut client, db, admin.shown()).unwrap();
    generate(db);
    let prefix = hub::schema::role_prefix(db);
    hub::create_reader(
        &mut client,
        &prefix,
        "pantau_bench_nation_reader",
        &hub::ReaderScope::Nation,
        "reader-pw",
    )
    .unwrap();
    let nation = url("pantau_bench_nation_reader", "reader-pw", db);

    // 1. The nation's summary, as the nation's reader.
    let as_of = *working_days(DAYS).last().unwrap();
    let mut times = Vec::new();
    for _ in 0..5 {
        let began = Instant::now();
        let mut reader = HubUrl::parse(&nation).unwrap().connect().unwrap();
        let summary = hub::summary(&mut reader, None, Some(as_of)).unwrap();
        times.push(began.elapsed());
        assert_eq!(summary.districts.len(), DISTRICTS);
    }
    let summary_time = median(times);
    println!(
        "1. hub summary for the nation: {:.0} ms (median of 5; goal ≤ 1000 ms)",
        summary_time.as_secs_f64() * 1000.0
    );

    // 2. The dashboard filled, in a child process.
    let mut fills = Vec::new();
    for _ in 0..3 {
        let out = std::process::Command::new(std::env::current_exe().unwrap())
            .env(CHILD, &nation)
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        let fields: Vec<f64> = text
            .split_whitespace()
            .map(|f| f.parse().unwrap())
            .collect();
        fills.push((fields[0], fields[1], fields[2]));
    }
    fills.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (filled, with_forecast, peak) = fills[1];
    println!(
        "2. the hub's dashboard filled: {filled:.2} s, with the forecast tiles {with_forecast:.2} s \
         (median of 3; goal ≤ 3 s); peak memory {peak:.0} MB (goal ≤ 300 MB)"
    );

    // 4. A district's two years, pushed at once; then 3. one day at a time.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("uji.pantau");
    let days = working_days(DAYS + 5);
    district(&path, &days[..DAYS]);
    let mut store = Store::open(&path).unwrap();
    let key = pantau::exchange::bundle::generate_key().unwrap();
    store
        .ensure_district_identity(&pantau::exchange::bundle::hex(&key.to_bytes()))
        .unwrap();
    let registered = hub::register(
        &mut client,
        &prefix,
        &hub::NewDistrict {
            province: "Provinsi 01",
            name: "Kabupaten Uji",
            office: "Dispendukcapil Kabupaten Uji",
            code: None,
            public_key: &pantau::exchange::bundle::hex(key.verifying_key().as_bytes()),
            password: "district-pw",
        },
    )
    .unwrap();
    store
        .link_hub(&pantau::store::hub::HubLink {
            district: "Kabupaten Uji".into(),
            province: "Provinsi 01".into(),
            district_role: registered.role.clone(),
            url: url(&registered.role, "district-pw", db),
            registered_at: String::new(),
        })
        .unwrap();
    let push_url = HubUrl::parse(&url(&registered.role, "district-pw", db)).unwrap();
    let began = Instant::now();
    let pushed = hub::push(&mut store, &push_url).unwrap();
    let two_years = began.elapsed();
    assert_eq!(pushed.sent.len(), 1);
    println!(
        "4. a district's two years (15 units × {DAYS} days) pushed: {:.2} s (goal ≤ 5 s)",
        two_years.as_secs_f64()
    );
    let mut times = Vec::new();
    let today = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let mut rng = SplitMix64::new(11);
    for day in &days[DAYS..] {
        let reports: Vec<DailyReport> = (1..=15)
            .map(|unit| DailyReport {
                unit_id: unit,
                date: *day,
                counts: counts(&mut rng),
                server_ok: true,
                note: String::new(),
                prr: None,
            })
            .collect();
        store.save_reports(&reports, today).unwrap();
        let began = Instant::now();
        let pushed = hub::push(&mut store, &push_url).unwrap();
        times.push(began.elapsed());
        assert_eq!(pushed.sent.len(), 1);
    }
    println!(
        "3. one district's day (15 reports) pushed: {:.0} ms (median of 5; goal ≤ 200 ms)",
        median(times).as_secs_f64() * 1000.0
    );
}

//! `cargo bench --bench entry_frame`: what one frame of the Entri Harian screen costs the UI
//! thread with 50 units and a year of history, idle and while a clerk types.
//!
//! Goal: under 2 ms of CPU per frame in a release build. Measured as the UI thread's own CPU
//! time (not wall time, so the other core's work does not count), with the forecasts finished.
//! A frame here is what eframe does on the UI thread besides painting: run the app, then
//! tessellate its shapes.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A test that cannot go on says so by panicking.

use std::time::Duration;

use chrono::{Days, NaiveDate};
use pantau::domain::{
    Counts, DailyReport, Dataset, Office, OpeningBalance, Target, Unit, UnitKind,
};
use pantau::store::Store;
use pantau::ui::app::{PantauApp, Prefs, Screen};
use pantau::ui::dialogs::ScriptedDialogs;

const UNITS: usize = 50;
const DAYS: usize = 250;

/// The calling thread's CPU time so far.
#[cfg(unix)]
fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid timespec for clock_gettime to fill.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID)");
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

#[cfg(not(unix))]
fn thread_cpu() -> Duration {
    // Elsewhere wall time stands in for CPU time.
    use std::sync::OnceLock;
    static START: OnceLock<std::time::Instant> = OnceLock::new();
    START.get_or_init(std::time::Instant::now).elapsed()
}

/// An office of 50 units with a year of plausible daily reports.
fn office() -> (Dataset, NaiveDate) {
    let mut data = Dataset::empty(Office {
        name: "Dispendukcapil Kabupaten Uji".to_string(),
        description: String::new(),
    });
    let start = NaiveDate::from_ymd_opt(2016, 1, 4).expect("a valid date");
    for i in 0..UNITS {
        let id = i as i64 + 1;
        data.units.push(Unit {
            id,
            name: format!("Kecamatan {:02}", i + 1),
            code: None,
            kind: if i + 1 == UNITS {
                UnitKind::District
            } else {
                UnitKind::Kecamatan
            },
            active: true,
        });
        data.targets.push(Target {
            unit_id: id,
            effective_from: start,
            wajib_ktp: 50_000,
        });
        data.openings.insert(
            id,
            OpeningBalance {
                unit_id: id,
                as_of: start,
                counts: Counts {
                    recorded: 20_000,
                    sent_to_central: 19_000,
                    printed: 10_000,
                    suket_issued: 0,
                },
            },
        );
    }
    let days: Vec<NaiveDate> = data
        .calendar
        .working_days(start, start + Days::new(400))
        .into_iter()
        .take(DAYS)
        .collect();
    for (n, date) in days.iter().enumerate() {
        for unit in &data.units {
            let wobble = ((n as u64 * 7 + unit.id as u64 * 13) % 11) + 20;
            data.reports.insert(
                (unit.id, *date),
                DailyReport {
                    unit_id: unit.id,
                    date: *date,
                    counts: Counts {
                        recorded: wobble,
                        sent_to_central: wobble,
                        printed: wobble / 2,
                        suket_issued: 1,
                    },
                    server_ok: true,
                    note: String::new(),
                    prr: None,
                },
            );
        }
    }
    let last = *days.last().expect("some days");
    (data, last)
}

fn run_frame(ctx: &egui::Context, app: &mut PantauApp, events: Vec<egui::Event>) {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1400.0, 900.0),
        )),
        events,
        ..Default::default()
    };
    let output = ctx.run_ui(input, |ui| {
        app.run_logic(ui.ctx());
        app.ui_root(ui);
    });
    std::hint::black_box(ctx.tessellate(output.shapes, output.pixels_per_point));
}

/// CPU time of each of `frames` frames, sorted.
fn measure(
    ctx: &egui::Context,
    app: &mut PantauApp,
    frames: usize,
    mut events: impl FnMut(usize) -> Vec<egui::Event>,
) -> Vec<Duration> {
    let mut times: Vec<Duration> = (0..frames)
        .map(|n| {
            let input = events(n);
            let start = thread_cpu();
            run_frame(ctx, app, input);
            thread_cpu() - start
        })
        .collect();
    times.sort();
    times
}

fn report(what: &str, times: &[Duration]) {
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let mean = times.iter().sum::<Duration>() / times.len() as u32;
    println!(
        "{what}: median {:.2} ms, p95 {:.2} ms, mean {:.2} ms CPU ({} frames; goal < 2 ms)",
        ms(times[times.len() / 2]),
        ms(times[times.len() * 95 / 100]),
        ms(mean),
        times.len()
    );
}

fn main() {
    // `cargo test --benches` runs this without --bench; only time when asked to bench.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("kantor.pantau");
    let (data, last) = office();
    let today = last + Days::new(1);
    let mut store = Store::create(&path).expect("a new database");
    store.populate(&data, today).expect("the office's data");
    drop(store);

    let mut app = PantauApp::new(
        Prefs::default(),
        Box::new(ScriptedDialogs::default()),
        dir.path().join("demo.pantau"),
    );
    app.today = today;
    app.open(&path);
    assert!(app.view().is_some(), "{:?}", app.error);
    app.show_screen(Screen::Entry);
    app.wait_for_jobs();
    let ctx = egui::Context::default();
    for _ in 0..20 {
        run_frame(&ctx, &mut app, Vec::new());
    }
    println!("== Entri Harian, {UNITS} units, {DAYS} days of history");
    report("idle frame", &measure(&ctx, &mut app, 400, |_| Vec::new()));
    // Typing into the first cell: a digit, then Backspace, so the value stays small; every
    // keystroke re-judges the edited rows with the rules.
    let typing = measure(&ctx, &mut app, 400, |n| {
        if n % 2 == 0 {
            vec![egui::Event::Text("7".into())]
        } else {
            vec![egui::Event::Key {
                key: egui::Key::Backspace,
                physical_key: None,
                pressed: true,
                repeat: false,
                modifiers: egui::Modifiers::NONE,
            }]
        }
    });
    report("frame with a keystroke", &typing);
}

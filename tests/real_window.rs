//! The clerk's daily path through the real binary in a real X window: create an office with
//! the CLI, start `pantau FILE` under Xvfb, Ctrl+2, type a whole day with Tab and Enter as
//! fast as xdotool can (`--delay 0`), Ctrl+S, and compare the database with what was typed.
//!
//! It needs `Xvfb` and `xdotool` (Debian: `apt-get install xvfb xdotool libgl1 libegl1
//! libgl1-mesa-dri libxkbcommon-x11-0`). Without them it says so and passes, unless
//! `PANTAU_REQUIRE_XVFB` is set, as `.ci/run` does: there it must run.
//!
//! `PANTAU_BIN` runs another build (e.g. `target/release/pantau`) and `PANTAU_TYPE_DELAY_MS`
//! types slower (e.g. 80, an ordinary typist), to measure the times written in the README.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A test that cannot go on says so by panicking.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use pantau::store::Store;

struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn have(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// An Xvfb of this test: killed when dropped, and its lock file and socket removed with it
/// (a killed server leaves them, and each one left takes a display number for good).
struct Server {
    process: Killed,
    display: u32,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.process.0.kill();
        let _ = self.process.0.wait();
        let _ = std::fs::remove_file(format!("/tmp/.X{}-lock", self.display));
        let _ = std::fs::remove_file(format!("/tmp/.X11-unix/X{}", self.display));
    }
}

/// Starts Xvfb on the first free display from `first`; returns it and its number.
fn start_xvfb(first: u32) -> (Server, u32) {
    for display in first..140u32 {
        if Path::new(&format!("/tmp/.X{display}-lock")).exists() {
            continue;
        }
        let child = Command::new("Xvfb")
            .args([
                &format!(":{display}"),
                "-screen",
                "0",
                "1400x900x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb starts");
        let socket = PathBuf::from(format!("/tmp/.X11-unix/X{display}"));
        let mut server = Server {
            process: Killed(child),
            display,
        };
        for _ in 0..100 {
            // Ready when it answers an X client, not merely its socket: on a loaded machine
            // Xvfb listens before it can serve, and a window opened then fails ("Failed to
            // open connection to X server").
            let answers = std::os::unix::net::UnixStream::connect(&socket).is_ok()
                && Command::new("xdotool")
                    .arg("getdisplaygeometry")
                    .env("DISPLAY", format!(":{display}"))
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .status()
                    .is_ok_and(|s| s.success());
            if answers {
                return (server, display);
            }
            if let Ok(Some(_)) = server.process.0.try_wait() {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        drop(server);
    }
    panic!("no free X display between :90 and :139 for Xvfb");
}

fn xdotool(display: u32, args: &[&str]) -> String {
    let out = Command::new("xdotool")
        .args(args)
        .env("DISPLAY", format!(":{display}"))
        .output()
        .expect("xdotool runs");
    assert!(
        out.status.success(),
        "xdotool {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// What pantau printed: its output log and the error file beside it.
fn what_it_said(log: &Path) -> String {
    let read = |path: &Path| std::fs::read_to_string(path).unwrap_or_default();
    format!("{}{}", read(log), read(&log.with_extension("err")))
}

/// Waits for a window whose title contains `name`; returns its id, or what pantau said when it
/// exited before its window showed.
fn window_named(display: u32, name: &str, app: &mut Killed, log: &Path) -> Result<String, String> {
    for _ in 0..600 {
        let out = Command::new("xdotool")
            .args(["search", "--name", name])
            .env("DISPLAY", format!(":{display}"))
            .output()
            .expect("xdotool runs");
        let found = String::from_utf8_lossy(&out.stdout);
        if let Some(id) = found.lines().next() {
            return Ok(id.to_string());
        }
        if let Ok(Some(status)) = app.0.try_wait() {
            return Err(format!(
                "pantau exited ({status}) before its window showed:\n{}",
                what_it_said(log)
            ));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!(
        "no window titled '{name}' within a minute:\n{}",
        what_it_said(log)
    );
}

#[test]
fn a_day_typed_at_full_speed_into_the_real_window_is_saved_as_typed() {
    if !(have("Xvfb") && have("xdotool")) {
        assert!(
            std::env::var_os("PANTAU_REQUIRE_XVFB").is_none(),
            "PANTAU_REQUIRE_XVFB is set but Xvfb or xdotool is missing"
        );
        eprintln!("skipped: Xvfb and xdotool are needed for the real-window test");
        return;
    }
    let bin = std::env::var_os("PANTAU_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_pantau")));
    let delay_ms = std::env::var("PANTAU_TYPE_DELAY_MS").unwrap_or_else(|_| "0".into());
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    let db = dir.path().join("kantor.pantau");
    let units = dir.path().join("kecamatan.csv");
    let rows: String = common::SAMPANG_KECAMATAN
        .iter()
        .map(|k| format!("{k};kecamatan\n"))
        .collect();
    std::fs::write(
        &units,
        format!("nama;jenis\n{rows}Kantor Dispendukcapil;kabupaten\n"),
    )
    .unwrap();
    let init = Command::new(&bin)
        .args(["init", "--db"])
        .arg(&db)
        .args(["--office", "Dispendukcapil Kabupaten Uji", "--units"])
        .arg(&units)
        .env("HOME", &home)
        .output()
        .unwrap();
    assert!(init.status.success(), "{init:?}");

    let log = dir.path().join("pantau.log");
    let mut attempt = 0;
    // Both are killed when the test ends.
    let (_xvfb, display, _app, window) = loop {
        // Each attempt on a display of its own, after a pause that grows: a server just
        // killed may still hold its display, and a loaded machine needs a moment.
        let (xvfb, display) = start_xvfb(90 + 10 * attempt);
        let mut app = Killed(
            Command::new(&bin)
                .arg(&db)
                .env("DISPLAY", format!(":{display}"))
                .env("HOME", &home)
                .env_remove("WAYLAND_DISPLAY")
                .stdout(std::fs::File::create(&log).unwrap())
                .stderr(std::fs::File::create(dir.path().join("pantau.err")).unwrap())
                .spawn()
                .unwrap(),
        );
        // The title names the file once it is open.
        match window_named(display, "kantor.pantau", &mut app, &log) {
            Ok(window) => break (xvfb, display, app, window),
            // On a loaded machine an Xvfb that has answered xdotool may still refuse the next
            // client: the server is started again, three times at most. Any other exit fails.
            Err(said) if attempt < 3 && said.contains("Failed to open connection to X server") => {
                eprintln!("Xvfb refused the window; starting it again:\n{said}");
                attempt += 1;
                std::thread::sleep(Duration::from_secs(u64::from(attempt)));
            }
            Err(said) => panic!("{said}"),
        }
    };
    xdotool(display, &["windowfocus", "--sync", &window]);

    // Fourteen kecamatan and the district office: figures that differ in every cell.
    let day: Vec<[u64; 4]> = (0..15u64)
        .map(|i| [101 + i, 91 + i, 51 + i, 1 + i % 4])
        .collect();
    // xdotool types `\r` with the Return key; its `\n` is X's Linefeed key, which no office
    // keyboard has.
    let typed: String = day
        .iter()
        .map(|[r, s, p, k]| format!("{r}\t{s}\t{p}\t{k}\r"))
        .collect();
    let started = Instant::now();
    xdotool(display, &["key", "ctrl+2"]);
    xdotool(display, &["type", "--delay", &delay_ms, &typed]);
    xdotool(display, &["key", "ctrl+s"]);
    let typed_in = started.elapsed();

    let mut stored = Vec::new();
    for _ in 0..600 {
        let data = Store::open_read_only(&db).unwrap().load().unwrap();
        if data.reports.len() >= 15 {
            let date = data.default_entry_date(chrono::Local::now().date_naive());
            stored = data
                .units
                .iter()
                .map(|u| {
                    data.reports.get(&(u.id, date)).map(|r| {
                        let c = r.counts;
                        [c.recorded, c.sent_to_central, c.printed, c.suket_issued]
                    })
                })
                .collect();
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let saved_in = started.elapsed();
    eprintln!(
        "a 15-unit day at --delay {delay_ms}: typed in {:.1} s, saved after {:.1} s",
        typed_in.as_secs_f64(),
        saved_in.as_secs_f64()
    );
    let expected: Vec<Option<[u64; 4]>> = day.into_iter().map(Some).collect();
    assert_eq!(
        stored, expected,
        "the database holds what was typed, row by row"
    );
}

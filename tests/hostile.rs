//! Hostile and broken input, round two (issue 23), through the command line as an attacker or
//! an unlucky office would send it. Every file is made here. What counts: the refusal names
//! file, row and column, the database is unchanged, and no message carries a control or
//! direction character to the clerk's terminal.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A test that cannot go on says so by panicking.

mod common;

use std::path::{Path, PathBuf};

use common::{dump, pantau, sampang_office};

const HEADER: &str = "tanggal;kecamatan;perekaman;terkirim;cetak\n";

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// `pantau import` of `file` in `lang`: exit code and everything printed.
fn import(db: &Path, file: &Path, lang: &str) -> (Option<i32>, String) {
    let output = pantau()
        .env("PANTAU_LANG", lang)
        .args(["import", "--db"])
        .arg(db)
        .arg(file)
        .output()
        .unwrap();
    let mut text = String::from_utf8_lossy(&output.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&output.stderr));
    (output.status.code(), text)
}

/// No control character but the line break, no direction override or isolate, no zero-width
/// character.
fn assert_clean(text: &str) {
    for c in text.chars() {
        let code = c as u32;
        let hidden = matches!(code, 0x061C | 0x200B..=0x200F | 0x202A..=0x202E | 0x2066..=0x2069);
        assert!(
            !(hidden || (c.is_control() && c != '\n')),
            "U+{code:04X} reached the terminal in:\n{text}"
        );
    }
}

fn refused_cleanly(db: &Path, file: &Path, expected: &[&str]) {
    for lang in ["id", "en"] {
        let before = dump(db);
        let (code, text) = import(db, file, lang);
        assert_eq!(code, Some(1), "{text}");
        assert_clean(&text);
        if lang == "en" {
            for part in expected {
                assert!(text.contains(part), "missing «{part}» in:\n{text}");
            }
        }
        assert_eq!(dump(db), before, "nothing is written");
    }
}

#[test]
fn an_escape_sequence_in_a_cell_is_written_out_not_obeyed() {
    let (db, store) = sampang_office();
    drop(store);
    let file = write(
        db.dir.path(),
        "esc.csv",
        format!("{HEADER}2017-07-03;Sampang;1\u{1b}[2J0;5;0\n"),
    );
    refused_cleanly(
        &db.path,
        &file,
        &["esc.csv, row 2, column perekaman: '1\\u{1b}[2J0' is not a whole number"],
    );
}

#[test]
fn a_direction_override_in_a_unit_name_is_written_out() {
    let (db, store) = sampang_office();
    drop(store);
    let file = write(
        db.dir.path(),
        "bidi.csv",
        format!("{HEADER}2017-07-03;Tor\u{202e}jun;10;5;0\n"),
    );
    refused_cleanly(
        &db.path,
        &file,
        &["bidi.csv, row 2, column kecamatan: unit 'Tor\\u{202e}jun' does not exist"],
    );
}

#[test]
fn a_binary_file_is_said_to_be_no_text_file() {
    let (db, store) = sampang_office();
    drop(store);
    // Bytes of every value, as an executable or an image holds them.
    let bytes: Vec<u8> = (0..4000u32).map(|i| (i * 7919 % 256) as u8).collect();
    let file = write(db.dir.path(), "program.csv", bytes);
    refused_cleanly(&db.path, &file, &["program.csv: this is not a text file"]);
}

#[test]
fn a_very_long_cell_is_quoted_cut() {
    let (db, store) = sampang_office();
    drop(store);
    let long = "9x".repeat(5_000);
    let file = write(
        db.dir.path(),
        "panjang.csv",
        format!("{HEADER}2017-07-03;Sampang;{long};5;0\n"),
    );
    refused_cleanly(&db.path, &file, &["column perekaman: '9x9x"]);
    let (_, text) = import(&db.path, &file, "en");
    assert!(text.len() < 1_000, "the cell is cut: {} bytes", text.len());
}

#[test]
fn utf16_with_or_without_its_bom_is_read_as_utf16() {
    let (db, store) = sampang_office();
    drop(store);
    let csv = format!("{HEADER}2017-07-03;Sampang;10;5;0\n");
    for (name, bytes) in [
        (
            "be.csv",
            csv.encode_utf16()
                .flat_map(u16::to_be_bytes)
                .collect::<Vec<u8>>(),
        ),
        (
            "le.csv",
            csv.encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect::<Vec<u8>>(),
        ),
        // Excel's "Unicode Text": UTF-16 LE with its BOM.
        (
            "bom.csv",
            [0xFF, 0xFE]
                .into_iter()
                .chain(csv.encode_utf16().flat_map(u16::to_le_bytes))
                .collect::<Vec<u8>>(),
        ),
    ] {
        let file = write(db.dir.path(), name, bytes);
        let (code, text) = import(&db.path, &file, "en");
        assert_eq!(code, Some(0), "{name}: {text}");
        assert_clean(&text);
    }
    let store = pantau::store::Store::open_read_only(&db.path).unwrap();
    let data = store.load().unwrap();
    let sampang = data.find_unit("Sampang").unwrap().id;
    assert_eq!(
        data.reports[&(sampang, common::d("2017-07-03"))]
            .counts
            .recorded,
        10
    );
}

/// `pantau ARGS` in Indonesian: exit code and everything printed.
fn run(args: &[&str], db: &Path, file: &Path) -> (Option<i32>, String) {
    let output = pantau()
        .env("PANTAU_LANG", "id")
        .args(args)
        .arg("--db")
        .arg(db)
        .arg(file)
        .output()
        .unwrap();
    let mut text = String::from_utf8_lossy(&output.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&output.stderr));
    (output.status.code(), text)
}

#[test]
fn a_flood_of_bad_rows_shows_the_first_twenty_and_counts_the_rest() {
    let (db, store) = sampang_office();
    drop(store);
    let rows = 30_000;
    let mut openings = String::from("kecamatan;per_tanggal;rekam;terkirim;cetak;suket\n");
    let mut targets = String::from("kecamatan;berlaku_mulai;wajib_ktp\n");
    let mut reports = String::from(HEADER);
    for i in 0..rows {
        openings.push_str(&format!("Torjun;2016-10-03;{i}x;1;1;0\n"));
        targets.push_str(&format!("Torjun;2016-01-01;{i}x\n"));
        reports.push_str(&format!("2017-07-03;Torjun;{i}x;1;0\n"));
    }
    for (args, name, text) in [
        (&["opening", "import"][..], "saldo.csv", &openings),
        (&["target", "import"][..], "target.csv", &targets),
        (&["import"][..], "laporan.csv", &reports),
    ] {
        let file = write(db.dir.path(), name, text);
        let before = dump(&db.path);
        let (code, out) = run(args, &db.path, &file);
        assert_eq!(code, Some(1), "{out}");
        assert_clean(&out);
        let problems: Vec<&str> = out.lines().filter(|l| l.starts_with(name)).collect();
        assert_eq!(problems.len(), 20, "{name}: the first twenty:\n{out}");
        assert!(
            problems[0].starts_with(&format!("{name}, baris 2, kolom ")),
            "{out}"
        );
        assert!(
            out.contains("… dan 29.980 masalah lagi"),
            "{name}: the rest counted:\n{out}"
        );
        assert!(
            out.lines().count() < 30,
            "{name}: {} lines",
            out.lines().count()
        );
        assert_eq!(dump(&db.path), before, "{name}: nothing written");
    }
}

#[test]
fn a_folder_given_as_the_database_is_named_a_folder() {
    let (db, store) = sampang_office();
    drop(store);
    for lang in ["id", "en"] {
        let output = pantau()
            .env("PANTAU_LANG", lang)
            .args(["summary", "--db"])
            .arg(db.dir.path())
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&output.stderr).into_owned();
        assert_eq!(output.status.code(), Some(1), "{text}");
        let expected = match lang {
            "id" => "adalah folder, bukan berkas database",
            _ => "is a folder, not a database file",
        };
        assert!(text.contains(expected), "{text}");
    }
}

#[cfg(unix)]
#[test]
fn a_database_in_a_read_only_folder_says_so_and_how_to_go_on() {
    use std::os::unix::fs::PermissionsExt;
    let (db, store) = sampang_office();
    drop(store);
    let folder = db.dir.path().join("hanya-baca");
    std::fs::create_dir(&folder).unwrap();
    let file = folder.join("kantor.pantau");
    std::fs::copy(&db.path, &file).unwrap();
    let mode = |path: &Path, mode: u32| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    };
    mode(db.dir.path(), 0o755);
    mode(&file, 0o644);
    mode(&folder, 0o555);
    let before = dump(&file);
    let binary = assert_cmd::cargo::cargo_bin("pantau");
    // Root may write anywhere: the clerk's account is played by `nobody`.
    let as_clerk = |args: &[&str]| {
        let mut command = if unsafe_is_root() {
            let mut c = std::process::Command::new("runuser");
            c.args(["-u", "nobody", "--"]).arg(&binary);
            c
        } else {
            std::process::Command::new(&binary)
        };
        let output = command
            .env("PANTAU_LANG", "id")
            .args(args)
            .arg("--db")
            .arg(&file)
            .output()
            .unwrap();
        (
            output.status.code(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    };
    // Reading works there; writing cannot, and says why and what to do.
    let (code, text) = as_clerk(&["summary"]);
    assert_eq!(code, Some(0), "{text}");
    let (code, text) = as_clerk(&[
        "add-report",
        "--unit",
        "Sampang",
        "--date",
        "2017-07-03",
        "--recorded",
        "1",
        "--sent",
        "1",
        "--printed",
        "0",
    ]);
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains("hanya-baca. Salin berkasnya ke folder yang dapat ditulisi"),
        "{text}"
    );
    assert!(!text.contains("bukan database Pantau"), "{text}");
    mode(&folder, 0o755);
    assert_eq!(dump(&file), before);
}

/// Whether the tests run as root (CI does), who may write into any folder.
fn unsafe_is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .map(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .is_some_and(|l| l.split_whitespace().nth(1) == Some("0"))
        })
        .unwrap_or(false)
}

#[test]
fn restore_refuses_a_backup_that_check_would_find_problems_in() {
    let (db, mut store) = sampang_office();
    let sampang = store.load().unwrap().find_unit("Sampang").unwrap().id;
    store
        .save_report(
            &common::report(sampang, "2017-07-03", 40, 30, 0),
            common::today(),
        )
        .unwrap();
    drop(store);
    // A backup whose rows were changed with another SQLite tool: Sampang sent more than it
    // recorded.
    let backup = db.dir.path().join("cadangan.pantau");
    std::fs::copy(&db.path, &backup).unwrap();
    {
        let conn = rusqlite::Connection::open(&backup).unwrap();
        conn.execute(
            "UPDATE daily_report SET sent_to_central = recorded + 500",
            [],
        )
        .unwrap();
    }
    // `check` finds it …
    let output = pantau()
        .args(["check", "--db"])
        .arg(&backup)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    // … so restore refuses it, says the first problem, and leaves the database alone.
    let before = dump(&db.path);
    let output = pantau()
        .args(["restore", "--force", "--db"])
        .arg(&db.path)
        .arg("--from")
        .arg(&backup)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(
        text.contains("is not restored: the backup fails the checks"),
        "{text}"
    );
    assert!(text.contains("Terkirim") || text.contains("sent"), "{text}");
    assert_eq!(dump(&db.path), before);
    let leftovers: Vec<_> = std::fs::read_dir(db.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".restore"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// Spoils a database file past its 100-byte header, as a failing disk or a cut copy does:
/// the start of every page from `from` on (`from` 0: the schema's own page, after the header).
fn damage(path: &Path, from: u64) {
    use std::io::{Seek, SeekFrom, Write};
    let pages = std::fs::metadata(path).unwrap().len() / 4096;
    let mut file = std::fs::OpenOptions::new().write(true).open(path).unwrap();
    for page in from..pages.max(from + 1) {
        let at = if page == 0 { 100 } else { 4096 * page + 8 };
        file.seek(SeekFrom::Start(at)).unwrap();
        file.write_all(&[0xff; 64]).unwrap();
    }
}

#[test]
fn a_damaged_database_is_found_on_opening_and_points_to_its_backups() {
    let (db, store) = sampang_office();
    drop(store);
    // The app's automatic backups of this database, in Pantau's data folder.
    let data = tempfile::tempdir().unwrap();
    let cadangan = data.path().join("pantau").join("cadangan");
    std::fs::create_dir_all(&cadangan).unwrap();
    let stem = db.path.file_stem().unwrap().to_string_lossy().into_owned();
    for day in ["2017-06-30", "2017-07-03"] {
        std::fs::copy(&db.path, cadangan.join(format!("{stem}-{day}.pantau"))).unwrap();
    }
    for page in [0, 1] {
        let copy = db.dir.path().join("rusak").join(format!("{stem}.pantau"));
        std::fs::create_dir_all(copy.parent().unwrap()).unwrap();
        // The whole file, its journal written in.
        let store = pantau::store::Store::open(&db.path).unwrap();
        let _ = std::fs::remove_file(&copy);
        store.backup_to(&copy).unwrap();
        drop(store);
        damage(&copy, page);
        let output = pantau()
            .env("PANTAU_LANG", "id")
            .env("XDG_DATA_HOME", data.path())
            .args(["summary", "--db"])
            .arg(&copy)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&output.stderr).into_owned();
        assert_eq!(output.status.code(), Some(1), "{text}");
        assert!(
            text.contains("rusak (pemeriksaan SQLite: "),
            "page {page}: {text}"
        );
        assert!(!text.contains("bukan database Pantau"), "{text}");
        // The newest backup first, with its day.
        let newest = format!("{stem}-2017-07-03.pantau (3 Jul 2017)");
        let older = format!("{stem}-2017-06-30.pantau (30 Jun 2017)");
        let (a, b) = (text.find(&newest), text.find(&older));
        assert!(a.is_some() && b.is_some() && a < b, "{text}");
        assert_clean(&text.replace('\n', " "));
        // Nor is it backed up: a backup is never the copy of a broken file.
        let out = db.dir.path().join(format!("salinan-{page}.pantau"));
        let output = pantau()
            .args(["backup", "--db"])
            .arg(&copy)
            .arg("--out")
            .arg(&out)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1));
        assert!(!out.exists());
    }
}

#[test]
fn opening_import_refusals_name_the_row_and_column() {
    let (db, mut store) = sampang_office();
    let sampang = store.load().unwrap().find_unit("Sampang").unwrap().id;
    // Sampang: 100 recorded and 90 sent by 30 June 2017; on 3 July it records 40 and sends
    // 45 (a backlog going out).
    store
        .set_opening_balance(
            &pantau::domain::OpeningBalance {
                unit_id: sampang,
                as_of: common::d("2017-06-30"),
                counts: common::counts(100, 90, 80),
            },
            common::today(),
        )
        .unwrap();
    store
        .save_report(
            &common::report(sampang, "2017-07-03", 40, 45, 0),
            common::today(),
        )
        .unwrap();
    drop(store);
    let header = "kecamatan;per_tanggal;rekam;terkirim;cetak;suket\n";
    // The command line's today: the clock's.
    let tomorrow = pantau::clock::today().succ_opt().unwrap();
    for (name, row, expected) in [
        (
            "besok.csv",
            format!("Torjun;{tomorrow};100;90;80;0\n"),
            "besok.csv, row 2, column per_tanggal: ",
        ),
        (
            "sesudah.csv",
            "Sampang;2017-07-05;100;90;80;0\n".to_string(),
            "sesudah.csv, row 2, column per_tanggal: ",
        ),
        (
            // With 100 sent by 30 June, Sampang's 3 July report would send more than it
            // recorded in all (145 > 140).
            "melebihi.csv",
            "Sampang;2017-06-30;100;100;80;0\n".to_string(),
            "melebihi.csv, row 2, column terkirim: ",
        ),
    ] {
        let file = write(db.dir.path(), name, format!("{header}{row}"));
        let before = dump(&db.path);
        let output = pantau()
            .args(["opening", "import", "--db"])
            .arg(&db.path)
            .arg(&file)
            .output()
            .unwrap();
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        assert_eq!(output.status.code(), Some(1), "{name}: {text}");
        assert!(text.contains(expected), "{name}: {text}");
        assert_eq!(dump(&db.path), before, "{name}: nothing written");
    }
}

#[cfg(target_os = "linux")]
#[test]
fn output_that_cannot_be_written_ends_with_a_word_not_a_panic() {
    let (db, store) = sampang_office();
    drop(store);
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let output = std::process::Command::new(assert_cmd::cargo::cargo_bin("pantau"))
        .env("PANTAU_LANG", "id")
        .args(["summary", "--db"])
        .arg(&db.path)
        .stdout(full)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains("keluaran tidak dapat ditulis"), "{text}");
    assert!(!text.contains("panicked"), "{text}");
}

#[test]
fn unit_names_that_would_act_on_a_screen_are_refused() {
    let (db, store) = sampang_office();
    drop(store);
    let before = dump(&db.path);
    for (name, expected) in [
        ("Baru\u{1b}[2J", "karakter kendali U+001B"),
        ("Tor\u{200b}jun", "karakter tak terlihat U+200B"),
        ("\u{202e}Torjun", "pembalik arah teks U+202E"),
    ] {
        let output = pantau()
            .env("PANTAU_LANG", "id")
            .args(["unit", "add", "--name", name, "--db"])
            .arg(&db.path)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&output.stderr).into_owned();
        assert_eq!(output.status.code(), Some(1), "{text}");
        assert!(text.contains(expected), "{text}");
        assert_clean(&text);
        assert_eq!(dump(&db.path), before);
    }
}

#[test]
fn backup_restore_and_a_failed_open_leave_other_files_alone() {
    let (db, store) = sampang_office();
    drop(store);
    // A backup onto an existing file: refused, without advice to use an option it lacks.
    let taken = write(db.dir.path(), "sudah-ada.pantau", "isi lama");
    let output = pantau()
        .env("PANTAU_LANG", "id")
        .args(["backup", "--db"])
        .arg(&db.path)
        .arg("--out")
        .arg(&taken)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(
        text.contains("cadangan tidak pernah menimpa berkas"),
        "{text}"
    );
    assert!(!text.contains("--force"), "{text}");
    assert_eq!(std::fs::read_to_string(&taken).unwrap(), "isi lama");
    // Restore --force over a file that is no database: refused, the file intact.
    let table = write(db.dir.path(), "data.csv", "nama;wajib_ktp\nSreseh;26400\n");
    let output = pantau()
        .args(["restore", "--force", "--db"])
        .arg(&table)
        .arg("--from")
        .arg(&db.path)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        std::fs::read_to_string(&table).unwrap(),
        "nama;wajib_ktp\nSreseh;26400\n"
    );
    // A write refused because the file is no database leaves no lock file beside it.
    let output = pantau()
        .args(["add-report", "--unit", "Sreseh", "--date", "2017-07-03"])
        .args(["--recorded", "1", "--sent", "1", "--printed", "0", "--db"])
        .arg(&table)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(!db.dir.path().join("data.csv.lock").exists());
}

#[test]
fn a_header_of_a_thousand_unknown_columns_gives_twenty_notes_and_a_count() {
    let (db, store) = sampang_office();
    drop(store);
    let extra: Vec<String> = (0..1000).map(|i| format!("x{i}")).collect();
    let file = write(
        db.dir.path(),
        "lebar.csv",
        format!(
            "tanggal;kecamatan;perekaman;terkirim;cetak;{}\n2017-07-03;Sampang;10;5;0;{}\n",
            extra.join(";"),
            vec!["1"; 1000].join(";")
        ),
    );
    let (_, text) = import(&db.path, &file, "id");
    assert!(
        text.lines().count() < 30,
        "{} lines:\n{text}",
        text.lines().count()
    );
    assert!(text.contains("catatan lagi"), "{text}");
}

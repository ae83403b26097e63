//! Backups with SQLite's online backup API (safe while Pantau has the file open), and restore,
//! which checks a backup before it replaces anything.

use std::path::{Path, PathBuf};

use rusqlite::backup::Progress;
use rusqlite::{Connection, MAIN_DB, OpenFlags};

use super::{Result, Store, StoreError, schema};

impl Store {
    /// Copies the open database to `out` (a new file) with the online backup API.
    /// A damaged database is not copied: the full `integrity_check` runs first, so that a
    /// backup is never the copy of a broken file.
    pub fn backup_to(&self, out: &Path) -> Result<()> {
        super::sqlite_check(&self.conn, &self.path, true)?;
        backup_connection(&self.conn, out)
    }
}

/// Where the app keeps a backup a day of each database it opens: `cadangan` in Pantau's local
/// data folder.
pub fn automatic_backup_folder() -> Option<PathBuf> {
    directories::ProjectDirs::from("id", "", "Pantau")
        .map(|dirs| dirs.data_local_dir().join("cadangan"))
}

/// The automatic backups of the database `db` (`kantor-2026-12-05.pantau` for `kantor.pantau`),
/// newest first, with their days.
pub fn automatic_backups(db: &Path) -> Vec<(chrono::NaiveDate, PathBuf)> {
    let (Some(folder), Some(stem)) = (automatic_backup_folder(), db.file_stem()) else {
        return Vec::new();
    };
    backups_in(&folder, &stem.to_string_lossy())
}

/// The backups named `{stem}-YYYY-MM-DD.pantau` in `folder`, newest first.
pub fn backups_in(folder: &Path, stem: &str) -> Vec<(chrono::NaiveDate, PathBuf)> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let prefix = format!("{stem}-");
    let mut found: Vec<(chrono::NaiveDate, PathBuf)> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter_map(|path| {
            let name = path.file_name()?.to_str()?;
            let day = name.strip_prefix(&prefix)?.strip_suffix(".pantau")?;
            let day = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
            Some((day, path))
        })
        .collect();
    found.sort_by(|a, b| b.cmp(a));
    found
}

fn backup_connection(conn: &Connection, out: &Path) -> Result<()> {
    if out.exists() {
        return Err(StoreError::BackupExists(out.to_path_buf()));
    }
    // Written beside the target and renamed, so a failed backup leaves no half file behind.
    let partial = sibling(out, ".partial");
    let _ = std::fs::remove_file(&partial);
    let result = conn
        .backup(MAIN_DB, &partial, None::<fn(Progress)>)
        .map_err(StoreError::from)
        .and_then(|()| {
            std::fs::rename(&partial, out).map_err(|source| StoreError::Io {
                path: out.to_path_buf(),
                source,
            })
        });
    if result.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    result
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Backs up the database at `db` to `out`. Needs no lock: another Pantau may be writing.
pub fn backup(db: &Path, out: &Path) -> Result<()> {
    let store = Store::open_read_only(db)?;
    store.backup_to(out)
}

/// Whether `path` is a Pantau database (of any version), by its SQLite application id.
fn is_pantau_file(path: &Path) -> bool {
    Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .ok()
        .and_then(|conn| schema::application_id(&conn).ok())
        == Some(schema::APPLICATION_ID)
}

/// Checks that `backup` is an intact Pantau database this build can read; returns its schema
/// version.
pub fn check_backup(backup: &Path) -> Result<u32> {
    if !backup.exists() {
        return Err(StoreError::Missing(backup.to_path_buf()));
    }
    let conn = Connection::open_with_flags(backup, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let not_pantau = || StoreError::NotPantau(backup.to_path_buf());
    let app_id = schema::application_id(&conn).map_err(|_| not_pantau())?;
    if app_id != schema::APPLICATION_ID {
        return Err(not_pantau());
    }
    let version = schema::user_version(&conn).map_err(|_| not_pantau())?;
    if version > schema::LATEST_VERSION {
        return Err(StoreError::NewerVersion {
            path: backup.to_path_buf(),
            found: version,
            supported: schema::LATEST_VERSION,
        });
    }
    let check: String = conn.query_row("PRAGMA integrity_check", [], |row| row.get(0))?;
    if check != "ok" {
        return Err(StoreError::Damaged {
            path: backup.to_path_buf(),
            message: format!("the backup fails SQLite's integrity check ({check})"),
        });
    }
    Ok(version)
}

/// Replaces the database at `db` with `backup`, after checking the backup; refuses to replace
/// an existing database without `force`, and one another Pantau has open.
///
/// The copy is checked as `pantau check` checks a database (the file and every domain rule over
/// every row, as of `today`) before it takes the database's place: a backup `check` would
/// find problems in is not restored, and the database stays as it was.
pub fn restore(backup: &Path, db: &Path, force: bool, today: chrono::NaiveDate) -> Result<()> {
    check_backup(backup)?;
    if db.exists() && !force {
        return Err(StoreError::Exists(db.to_path_buf()));
    }
    // --force replaces a database, never a file of another kind given by mistake.
    if db.exists() && !is_pantau_file(db) {
        return Err(if db.is_dir() {
            StoreError::IsFolder(db.to_path_buf())
        } else {
            StoreError::NotPantau(db.to_path_buf())
        });
    }
    // Copied beside the target with the backup API, then renamed over it under the lock.
    let staged = sibling(db, ".restore");
    super::remove_database(&staged);
    {
        let source = Connection::open_with_flags(backup, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        source.backup(MAIN_DB, &staged, None::<fn(Progress)>)?;
    }
    // Opening the copy upgrades one made by an older Pantau; then the checks.
    let verdict = Store::open(&staged).and_then(|store| store.verify(today));
    match verdict {
        Ok((integrity, rules)) if integrity.is_empty() && rules.is_empty() => {}
        Ok((integrity, rules)) => {
            super::remove_database(&staged);
            return Err(StoreError::BackupFailsChecks {
                path: backup.to_path_buf(),
                integrity,
                rules,
            });
        }
        Err(error) => {
            super::remove_database(&staged);
            return Err(error);
        }
    }
    super::replace_database(&staged, db)?;
    // Opening upgrades a backup made by an older Pantau.
    Store::open(db).map(drop)
}

//! The SQLite database (`.pantau` file): the only code that touches rusqlite.
//!
//! One `Store` is one open database. Opening for writing takes a lock file beside the database
//! so that two Pantau processes never write the same file; reading needs no lock. Every write
//! is one transaction that validates with the domain rules, writes, and records audit rows.

mod access;
mod audit;
pub mod backup;
mod cache;
pub mod exchange;
pub mod hub;
mod load;
pub mod schema;
mod seal;
mod write;

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use crate::domain::RuleViolation;

pub use access::{AccountProblem, FREE_TRIES, LoginError, MIN_PASSWORD_CHARS, WAIT_SECONDS};
pub use audit::AuditEntry;
pub use cache::CachedForecast;
pub use seal::{TamperKind, Tampering};
pub use write::access::{AccountAdded, NewAccount};
pub use write::exchange::{
    Applied, Incoming, NewPeer, Outgoing, SentOutage, SentReport, outage_item, report_item,
};
pub use write::hub::{HubLinkProblem, HubOutgoing};
pub use write::{ImportOutcome, ImportSource, SaveOutcome, Saved};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "{0}: no such database. Create one with `pantau init --db FILE --office NAME`, or the \
         illustrative one with `pantau demo --db FILE`"
    )]
    Missing(PathBuf),
    #[error("{0} already exists; choose another file name, or add --force to replace it")]
    Exists(PathBuf),
    /// A backup's file exists already: a backup never writes over a file.
    #[error("{0} already exists; choose another file name (a backup never writes over a file)")]
    BackupExists(PathBuf),
    #[error("{0} is not a Pantau database; open a .pantau file made by Pantau e-KTP")]
    NotPantau(PathBuf),
    #[error("{0} is a folder, not a database file; give the .pantau file in it")]
    IsFolder(PathBuf),
    #[error(
        "{path} cannot be opened here: Pantau keeps a lock and a journal beside the file, and its \
         folder {folder} is read-only; copy the file into a folder you can write to and open the \
         copy"
    )]
    ReadOnlyFolder { path: PathBuf, folder: PathBuf },
    #[error(
        "{path} was made by a newer Pantau (schema version {found}; this Pantau reads up to \
         {supported}). Install the newer Pantau e-KTP to open it"
    )]
    NewerVersion {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error(
        "{path} is older (schema version {found}) than this Pantau writes ({supported}); open it \
         once with a command that writes (or the app) to upgrade it"
    )]
    NeedsUpgrade {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error(
        "{path} is already open for writing in another Pantau (lock file {lock}); close it there \
         first"
    )]
    Locked { path: PathBuf, lock: PathBuf },
    #[error("{path}: {message}")]
    Damaged { path: PathBuf, message: String },
    /// SQLite's own check found the file damaged; `backups` are the automatic backups of this
    /// database, newest first, with their days.
    #[error(
        "{path} is damaged (SQLite's check: {found}); restore it from a backup{}",
        backups_said(.backups)
    )]
    Corrupt {
        path: PathBuf,
        found: String,
        backups: Vec<(chrono::NaiveDate, PathBuf)>,
    },
    /// A backup whose file or rows fail what `pantau check` checks: not restored.
    #[error(
        "{path} is not restored: it fails the checks of `pantau check` ({} problem(s), the first: \
         {})",
        .integrity.len() + .rules.len(),
        .integrity.first().cloned().or_else(|| .rules.first().map(ToString::to_string)).unwrap_or_default()
    )]
    BackupFailsChecks {
        path: PathBuf,
        integrity: Vec<String>,
        rules: Vec<RuleViolation>,
    },
    #[error(transparent)]
    Rule(#[from] RuleViolation),
    /// The logged-in account may not write this (or nobody is logged in); `unit` is the name of
    /// the unit the refusal is about.
    #[error("{}", crate::locale::access::refusal(crate::locale::Lang::En, .refusal, .unit.as_deref()))]
    Refused {
        refusal: crate::domain::access::Refusal,
        unit: Option<String>,
    },
    #[error("{}", crate::locale::access::login_error(crate::locale::Lang::En, .0))]
    Login(LoginError),
    /// An account command that cannot be done as asked (its message says why).
    #[error("{}", crate::locale::access::account_problem(crate::locale::Lang::En, .0))]
    Account(AccountProblem),
    #[error(transparent)]
    HubLink(HubLinkProblem),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// An open Pantau database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Who writes, as the audit trail records it and the roles and locks judge it.
    actor: crate::domain::access::Actor,
    /// Held while the store is open for writing; the OS lock goes with the file handle.
    _lock: Option<File>,
    /// The data as last read or written through this connection, so that a save judges its
    /// change without reading the whole database again, and the view after it shares the
    /// data the save produced (see [`Store::snapshot`]).
    cache: std::cell::RefCell<Option<load::Cached>>,
    /// The day the period lock is judged on: the app's day where it sets one, else the clock's
    /// (see [`Store::set_today`]).
    today: Option<chrono::NaiveDate>,
    /// Transactions this store has committed: with SQLite's data version, which counts the
    /// other connections' commits, it tells whether the data changed (see [`Store::revision`]).
    commits: u64,
}

/// How to open a database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// A new database; the file must not exist (or be empty).
    Create,
    /// An existing database, for reading and writing; migrates it to the latest schema.
    Write,
    /// An existing database, only for reading; no lock is taken.
    Read,
}

impl Store {
    /// Creates a new, empty Pantau database at `path` (schema only; see [`Store::initialize`]).
    pub fn create(path: &Path) -> Result<Store> {
        if path.exists() && std::fs::metadata(path).map(|m| m.len() > 0).unwrap_or(true) {
            return Err(StoreError::Exists(path.to_path_buf()));
        }
        Store::open_mode(path, Mode::Create)
    }

    /// Opens an existing database for writing, upgrading its schema if it is older.
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_mode(path, Mode::Write)
    }

    /// Opens an existing database only for reading; another Pantau may have it open. A
    /// database of an older schema is upgraded first, if no other Pantau has it open.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        match Store::open_mode(path, Mode::Read) {
            Err(StoreError::NeedsUpgrade { .. }) => {
                if let Err(error) = Store::open(path) {
                    return Err(match error {
                        StoreError::Locked { .. } => {
                            Store::open_mode(path, Mode::Read).err().unwrap_or(error)
                        }
                        other => other,
                    });
                }
                Store::open_mode(path, Mode::Read)
            }
            other => other,
        }
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Sets the name written to the audit trail of a database without accounts (the OS user
    /// by default); with accounts, the logged-in account is named and this changes nothing.
    pub fn set_user(&mut self, user: impl Into<String>) {
        if let crate::domain::access::Actor::System(name) = &mut self.actor {
            *name = user.into();
        }
    }

    /// The day the period lock is judged on, as the app shows it (the clock's by default).
    pub fn set_today(&mut self, today: chrono::NaiveDate) {
        self.today = Some(today);
    }

    /// The day the period lock is judged on.
    pub fn today(&self) -> chrono::NaiveDate {
        self.today.unwrap_or_else(crate::clock::today)
    }

    fn open_mode(path: &Path, mode: Mode) -> Result<Store> {
        if path.is_dir() {
            return Err(StoreError::IsFolder(path.to_path_buf()));
        }
        if mode != Mode::Create && !path.exists() {
            return Err(StoreError::Missing(path.to_path_buf()));
        }
        let lock = match mode {
            Mode::Read => None,
            Mode::Create | Mode::Write => {
                Some(take_lock(path).map_err(|e| read_only_folder(path).unwrap_or(e))?)
            }
        };
        Store::open_locked(path, mode, lock).inspect_err(|_| {
            // The lock file this call made goes with the refusal: nothing is left beside a
            // file that was not opened.
            if mode != Mode::Read {
                let _ = std::fs::remove_file(lock_path(path));
            }
        })
    }

    fn open_locked(path: &Path, mode: Mode, lock: Option<File>) -> Result<Store> {
        let flags = match mode {
            Mode::Create => OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
            Mode::Write => OpenFlags::SQLITE_OPEN_READ_WRITE,
            Mode::Read => OpenFlags::SQLITE_OPEN_READ_ONLY,
        } | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(path, flags)
            .map_err(|e| read_only_folder(path).unwrap_or(StoreError::Sqlite(e)))?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        // A Pantau file in a folder it cannot write beside fails to be read (WAL needs its
        // shared-memory file): said as such, not as "not a Pantau database".
        let version = identify(&conn, path, mode).map_err(|e| match e {
            StoreError::NotPantau(_) | StoreError::Corrupt { .. } => {
                read_only_folder(path).unwrap_or(e)
            }
            other => other,
        })?;
        // A damaged file is found when it is opened, not when a report of last year is read.
        quick_check(&conn, path)?;
        if mode != Mode::Read {
            // These pragmas write to the file: only after we know it is ours and not newer.
            conn.pragma_update(None, "journal_mode", "WAL")?;
            conn.pragma_update(None, "synchronous", "FULL")?;
            schema::migrate_to(&mut conn, schema::LATEST_VERSION)?;
        } else if version < schema::LATEST_VERSION {
            return Err(StoreError::NeedsUpgrade {
                path: path.to_path_buf(),
                found: version,
                supported: schema::LATEST_VERSION,
            });
        }
        conn.pragma_update(None, "foreign_keys", true)?;
        // Up to 32 MB of pages in memory (the default is 2 MB): an import of a year of a large
        // district touches more than that in one transaction.
        conn.pragma_update(None, "cache_size", -32_768)?;
        let actor = if access::has_accounts(&conn)? {
            crate::domain::access::Actor::Nobody
        } else {
            crate::domain::access::Actor::System(os_user())
        };
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            actor,
            _lock: lock,
            cache: Default::default(),
            today: None,
            commits: 0,
        })
    }

    /// Everything `pantau check` checks: the file (`integrity_check`, foreign keys) and every
    /// domain rule over every stored row. The one verifier of `check` and `restore`.
    pub fn verify(&self, today: chrono::NaiveDate) -> Result<(Vec<String>, Vec<RuleViolation>)> {
        let integrity = self.integrity_problems()?;
        let rules = if integrity.is_empty() {
            crate::domain::rules::check_dataset(&self.load()?, today)
        } else {
            Vec::new()
        };
        Ok((integrity, rules))
    }

    /// Changes made outside Pantau: the audit trail's hash chain, and every row of the office's
    /// data against what the trail says Pantau last wrote (see `seal`).
    pub fn tampering(&self) -> Result<Vec<Tampering>> {
        Ok(seal::check(&self.conn)?)
    }

    /// `PRAGMA integrity_check` and `foreign_key_check`; the problems found, if any.
    pub fn integrity_problems(&self) -> Result<Vec<String>> {
        let mut problems = Vec::new();
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let rows = stmt.query_map([], |row| row.get::<_, String>(0))?;
        for row in rows {
            let row = row?;
            if row != "ok" {
                problems.push(format!("integrity: {row}"));
            }
        }
        let mut stmt = self.conn.prepare("PRAGMA foreign_key_check")?;
        let rows = stmt.query_map([], |row| {
            Ok(format!(
                "table {} row {} refers to a missing row of {}",
                row.get::<_, String>(0)?,
                row.get::<_, Option<i64>>(1)?.unwrap_or_default(),
                row.get::<_, String>(2)?
            ))
        })?;
        for row in rows {
            problems.push(row?);
        }
        Ok(problems)
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<u32> {
        Ok(schema::user_version(&self.conn)?)
    }
}

impl Drop for Store {
    /// A store open for writing removes its lock file as it closes, so that no `.lock` is left
    /// beside a database (one copied to a kecamatan PC, say); the OS lock goes with the handle,
    /// dropped right after. Where the file cannot be removed while open (Windows), it stays,
    /// unlocked, as before.
    fn drop(&mut self) {
        if self._lock.is_some() {
            let _ = std::fs::remove_file(lock_path(&self.path));
        }
    }
}

/// The lock file that marks a database as open for writing: `FILE.lock` beside it.
pub fn lock_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

fn take_lock(path: &Path) -> Result<File> {
    let lock = lock_path(path);
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock)
        .map_err(|source| StoreError::Io {
            path: lock.clone(),
            source,
        })?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(TryLockError::WouldBlock) => Err(StoreError::Locked {
            path: path.to_path_buf(),
            lock,
        }),
        Err(TryLockError::Error(source)) => Err(StoreError::Io { path: lock, source }),
    }
}

/// Puts the database built at `built` in the place of `target`, replacing what was there,
/// unless another Pantau has `target` open. The rename is atomic: `target` is never half
/// written.
pub fn replace_database(built: &Path, target: &Path) -> Result<()> {
    let _lock = take_lock(target)?;
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| StoreError::Io { path, source }
    };
    // A journal left beside the old file would be replayed into the new one.
    for suffix in ["-wal", "-shm"] {
        let mut name = target.as_os_str().to_owned();
        name.push(suffix);
        let journal = PathBuf::from(name);
        if journal.exists() {
            std::fs::remove_file(&journal).map_err(io(&journal))?;
        }
    }
    std::fs::rename(built, target).map_err(io(target))?;
    let built_lock = lock_path(built);
    if built_lock.exists() {
        std::fs::remove_file(&built_lock).map_err(io(&built_lock))?;
    }
    // Our own lock on the target goes too, as a store's does when it closes.
    let _ = std::fs::remove_file(lock_path(target));
    Ok(())
}

/// Removes a database file with its journal and lock files; for cleaning up after a failed
/// creation.
pub fn remove_database(path: &Path) {
    for suffix in ["", "-wal", "-shm", ".lock"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        // Best effort: a file that is not there is what we want.
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
}

/// SQLite's `quick_check` (or, `full`, its `integrity_check`): a damaged file is
/// [`StoreError::Corrupt`], with the automatic backups there are of it.
pub(crate) fn sqlite_check(conn: &Connection, path: &Path, full: bool) -> Result<()> {
    let pragma = if full {
        "PRAGMA integrity_check(1)"
    } else {
        "PRAGMA quick_check(1)"
    };
    let found = match conn.query_row(pragma, [], |row| row.get::<_, String>(0)) {
        Ok(row) if row == "ok" => return Ok(()),
        Ok(row) => row.replace("*** in database main ***\n", ""),
        // A file too damaged to be checked at all.
        Err(rusqlite::Error::SqliteFailure(e, message))
            if e.code == rusqlite::ErrorCode::DatabaseCorrupt =>
        {
            message.unwrap_or_else(|| e.to_string())
        }
        Err(other) => return Err(other.into()),
    };
    Err(StoreError::Corrupt {
        path: path.to_path_buf(),
        found,
        backups: backup::automatic_backups(path),
    })
}

fn quick_check(conn: &Connection, path: &Path) -> Result<()> {
    sqlite_check(conn, path, false)
}

/// The automatic backups in a message: ", e.g. X (2026-12-05)".
fn backups_said(backups: &[(chrono::NaiveDate, PathBuf)]) -> String {
    match backups.first() {
        Some((day, path)) => format!(" such as {} ({day})", path.display()),
        None => String::new(),
    }
}

/// Whether `path` is an SQLite file whose folder this user cannot write in: the cause of a
/// failed open, where that is so.
fn read_only_folder(path: &Path) -> Option<StoreError> {
    let mut header = [0u8; 16];
    let sqlite = File::open(path)
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut header))
        .is_ok()
        && &header == b"SQLite format 3\0";
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    // The one sure test of "can I write here": try.
    let probe = folder.join(format!(".pantau-probe-{}", std::process::id()));
    let writable = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)
        .map(|_| {
            let _ = std::fs::remove_file(&probe);
        })
        .is_ok();
    (sqlite && !writable).then(|| StoreError::ReadOnlyFolder {
        path: path.to_path_buf(),
        folder: folder.to_path_buf(),
    })
}

/// Checks that the file is a Pantau database this build can read; returns its schema version.
fn identify(conn: &Connection, path: &Path, mode: Mode) -> Result<u32> {
    // Reading the header fails on a file that is not SQLite at all; a damaged SQLite file is
    // said to be damaged.
    let not_pantau = |error: rusqlite::Error| match &error {
        rusqlite::Error::SqliteFailure(e, message)
            if e.code == rusqlite::ErrorCode::DatabaseCorrupt =>
        {
            StoreError::Corrupt {
                path: path.to_path_buf(),
                found: message.clone().unwrap_or_else(|| e.to_string()),
                backups: backup::automatic_backups(path),
            }
        }
        _ => StoreError::NotPantau(path.to_path_buf()),
    };
    let app_id = schema::application_id(conn).map_err(not_pantau)?;
    let version = schema::user_version(conn).map_err(not_pantau)?;
    let table_count: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |row| row.get(0))
        .map_err(not_pantau)?;
    let empty = app_id == 0 && version == 0 && table_count == 0;
    if empty && mode == Mode::Create {
        return Ok(0);
    }
    if app_id != schema::APPLICATION_ID {
        return Err(StoreError::NotPantau(path.to_path_buf()));
    }
    if version > schema::LATEST_VERSION {
        return Err(StoreError::NewerVersion {
            path: path.to_path_buf(),
            found: version,
            supported: schema::LATEST_VERSION,
        });
    }
    Ok(version)
}

/// The OS user, for the audit trail.
pub(crate) fn os_user() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|key| std::env::var(key).ok().filter(|v| !v.trim().is_empty()))
        .unwrap_or_else(|| "unknown".to_string())
}

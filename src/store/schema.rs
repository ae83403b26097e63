//! The schema and its migrations: one SQL step per schema version, each applied in its own
//! transaction together with the new `PRAGMA user_version`. docs/schema.md describes the tables.

use rusqlite::{Connection, TransactionBehavior};

/// `PRAGMA application_id` of every Pantau database: "PANT" in ASCII.
pub const APPLICATION_ID: i32 = 0x5041_4E54;

struct Migration {
    description: &'static str,
    sql: &'static str,
}

/// What a migration does beyond its SQL, in the same transaction: version 7 hashes the audit
/// rows written before it and seals the data as it stands (see `audit::seal_upgrade`).
fn after_migration(tx: &rusqlite::Transaction, version: u32) -> rusqlite::Result<()> {
    match version {
        7 => super::audit::seal_upgrade(tx),
        _ => Ok(()),
    }
}

/// Version N of the schema is reached by applying the first N steps.
const MIGRATIONS: &[Migration] = &[
    Migration {
        description: "office, units, daily reports, targets, deadlines, opening balances, \
                      holidays, audit trail",
        sql: r#"
CREATE TABLE office (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    description TEXT NOT NULL DEFAULT ''
);
CREATE TABLE unit (
    id     INTEGER PRIMARY KEY,
    name   TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    code   TEXT,
    kind   TEXT NOT NULL CHECK (kind IN ('kecamatan', 'district')),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);
CREATE TABLE daily_report (
    unit_id         INTEGER NOT NULL REFERENCES unit (id),
    date            TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    recorded        INTEGER NOT NULL CHECK (recorded >= 0),
    sent_to_central INTEGER NOT NULL CHECK (sent_to_central >= 0),
    printed         INTEGER NOT NULL CHECK (printed >= 0),
    suket_issued    INTEGER NOT NULL CHECK (suket_issued >= 0),
    server_ok       INTEGER NOT NULL CHECK (server_ok IN (0, 1)),
    note            TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (unit_id, date)
) WITHOUT ROWID;
CREATE INDEX daily_report_by_date ON daily_report (date);
CREATE TABLE target (
    unit_id        INTEGER NOT NULL REFERENCES unit (id),
    effective_from TEXT NOT NULL,
    wajib_ktp      INTEGER NOT NULL CHECK (wajib_ktp >= 0),
    PRIMARY KEY (unit_id, effective_from)
) WITHOUT ROWID;
CREATE TABLE deadline (
    decided_on TEXT PRIMARY KEY,
    deadline   TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE TABLE opening_balance (
    unit_id         INTEGER PRIMARY KEY REFERENCES unit (id),
    as_of           TEXT NOT NULL,
    recorded        INTEGER NOT NULL CHECK (recorded >= 0),
    sent_to_central INTEGER NOT NULL CHECK (sent_to_central >= 0),
    printed         INTEGER NOT NULL CHECK (printed >= 0),
    suket_issued    INTEGER NOT NULL CHECK (suket_issued >= 0)
);
CREATE TABLE holiday (
    date TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('libur', 'cuti_bersama')),
    name TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    user_name  TEXT NOT NULL,
    action     TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
    table_name TEXT NOT NULL,
    row_key    TEXT NOT NULL,
    old_values TEXT,
    new_values TEXT
);
"#,
    },
    Migration {
        description: "blank-card stock ledger and settings",
        sql: r#"
CREATE TABLE stock_event (
    id           INTEGER PRIMARY KEY,
    date         TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    kind         TEXT NOT NULL CHECK (kind IN ('receipt', 'spoiled', 'lent', 'borrowed',
                                               'returned_out', 'returned_in', 'count')),
    quantity     INTEGER NOT NULL CHECK (quantity >= 0),
    document     TEXT NOT NULL DEFAULT '',
    counterparty TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX stock_event_by_date ON stock_event (date);
CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
"#,
    },
    Migration {
        description: "forecast inputs (planned deliveries, seasonal factors) and the forecast \
                      cache",
        sql: r#"
CREATE TABLE planned_delivery (
    id          INTEGER PRIMARY KEY,
    planned_on  TEXT NOT NULL,
    expected_on TEXT NOT NULL,
    quantity    INTEGER NOT NULL CHECK (quantity > 0),
    note        TEXT NOT NULL DEFAULT ''
);
CREATE TABLE season_factor (
    id        INTEGER PRIMARY KEY,
    first_day TEXT NOT NULL,
    last_day  TEXT NOT NULL,
    factor    REAL NOT NULL CHECK (factor > 0 AND factor <= 5),
    name      TEXT NOT NULL DEFAULT '',
    CHECK (last_day >= first_day)
);
CREATE TABLE forecast_cache (
    as_of        TEXT NOT NULL,
    params       TEXT NOT NULL,
    data_version TEXT NOT NULL,
    result       TEXT NOT NULL,
    PRIMARY KEY (as_of, params)
) WITHOUT ROWID;
"#,
    },
    Migration {
        description: "outage log",
        sql: r#"
CREATE TABLE outage (
    id        INTEGER PRIMARY KEY,
    first_day TEXT NOT NULL,
    last_day  TEXT,
    cause     TEXT NOT NULL CHECK (cause IN ('central_server', 'network', 'power', 'equipment')),
    note      TEXT NOT NULL DEFAULT '',
    CHECK (last_day IS NULL OR last_day >= first_day)
);
CREATE TABLE outage_unit (
    outage_id INTEGER NOT NULL REFERENCES outage (id) ON DELETE CASCADE,
    unit_id   INTEGER NOT NULL REFERENCES unit (id),
    PRIMARY KEY (outage_id, unit_id)
) WITHOUT ROWID;
"#,
    },
    Migration {
        description: "review flag of imported reports whose outlier has no note yet",
        sql: r#"
ALTER TABLE daily_report
    ADD COLUMN unexplained INTEGER NOT NULL DEFAULT 0 CHECK (unexplained IN (0, 1));
"#,
    },
    Migration {
        description: "exchange between kecamatan PCs and the district: signing keys, peers, \
                      bundles sent and received, what each peer holds, conflicts",
        sql: r#"
CREATE TABLE exchange_identity (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    role        TEXT NOT NULL CHECK (role IN ('district', 'kecamatan')),
    unit_id     INTEGER REFERENCES unit (id),
    signing_key TEXT NOT NULL CHECK (length(signing_key) = 64),
    created_at  TEXT NOT NULL,
    CHECK ((role = 'kecamatan') = (unit_id IS NOT NULL))
);
CREATE TABLE exchange_peer (
    id            INTEGER PRIMARY KEY,
    unit_id       INTEGER NOT NULL REFERENCES unit (id),
    role          TEXT NOT NULL CHECK (role IN ('district', 'kecamatan')),
    public_key    TEXT NOT NULL UNIQUE CHECK (length(public_key) = 64),
    registered_at TEXT NOT NULL,
    active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);
CREATE TABLE exchange_sent (
    peer_id      INTEGER NOT NULL REFERENCES exchange_peer (id),
    sequence     INTEGER NOT NULL CHECK (sequence > 0),
    hash         TEXT NOT NULL,
    file_name    TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    rows         INTEGER NOT NULL,
    bytes        BLOB NOT NULL,
    confirmed_at TEXT,
    PRIMARY KEY (peer_id, sequence)
) WITHOUT ROWID;
CREATE TABLE exchange_received (
    peer_id     INTEGER NOT NULL REFERENCES exchange_peer (id),
    sequence    INTEGER NOT NULL CHECK (sequence > 0),
    hash        TEXT NOT NULL,
    previous    TEXT,
    file_name   TEXT NOT NULL,
    received_at TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('applied', 'held')),
    applied_at  TEXT,
    rows        INTEGER NOT NULL DEFAULT 0,
    bytes       BLOB,
    acked       INTEGER NOT NULL DEFAULT 0 CHECK (acked IN (0, 1)),
    PRIMARY KEY (peer_id, sequence)
) WITHOUT ROWID;
CREATE TABLE exchange_base (
    peer_id  INTEGER NOT NULL REFERENCES exchange_peer (id),
    item     TEXT NOT NULL,
    revision TEXT NOT NULL,
    PRIMARY KEY (peer_id, item)
) WITHOUT ROWID;
CREATE TABLE exchange_conflict (
    id            INTEGER PRIMARY KEY,
    peer_id       INTEGER NOT NULL REFERENCES exchange_peer (id),
    sequence      INTEGER NOT NULL,
    remote_id     INTEGER,
    unit_id       INTEGER NOT NULL REFERENCES unit (id),
    date          TEXT NOT NULL,
    sent          TEXT,
    ours          TEXT,
    base_revision TEXT,
    status        TEXT NOT NULL
                  CHECK (status IN ('open', 'kept_sent', 'kept_ours', 'superseded')),
    created_at    TEXT NOT NULL,
    resolved_at   TEXT,
    resolved_by   TEXT,
    reported      INTEGER NOT NULL DEFAULT 0 CHECK (reported IN (0, 1)),
    UNIQUE (peer_id, remote_id)
);
CREATE INDEX exchange_conflict_by_day ON exchange_conflict (unit_id, date);
"#,
    },
    Migration {
        description: "accounts and roles, monthly approval, lock exceptions, bundle changes to a \
                      closed day held as conflicts, and an audit trail chained by hashes (sealed \
                      at this upgrade)",
        sql: r#"
CREATE TABLE account (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    role          TEXT NOT NULL CHECK (role IN ('operator', 'verifikator', 'kepala', 'admin')),
    password_hash TEXT NOT NULL,
    recovery_hash TEXT,
    active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at    TEXT NOT NULL
);
CREATE TABLE account_unit (
    account_id INTEGER NOT NULL REFERENCES account (id),
    unit_id    INTEGER NOT NULL REFERENCES unit (id),
    PRIMARY KEY (account_id, unit_id)
) WITHOUT ROWID;
CREATE TABLE login_failure (
    account_id INTEGER PRIMARY KEY REFERENCES account (id),
    failures   INTEGER NOT NULL,
    last_at    TEXT NOT NULL
);
CREATE TABLE approval (
    unit_id  INTEGER NOT NULL REFERENCES unit (id),
    month    TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
    approved INTEGER NOT NULL CHECK (approved IN (0, 1)),
    by_name  TEXT NOT NULL,
    at       TEXT NOT NULL,
    reason   TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (unit_id, month)
) WITHOUT ROWID;
CREATE TABLE lock_exception (
    id          INTEGER PRIMARY KEY,
    unit_id     INTEGER REFERENCES unit (id),
    first_day   TEXT NOT NULL,
    last_day    TEXT NOT NULL,
    reason      TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    valid_until TEXT NOT NULL,
    granted_by  TEXT NOT NULL,
    granted_at  TEXT NOT NULL,
    CHECK (last_day >= first_day)
);
CREATE TABLE audit_chain (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    user_name  TEXT NOT NULL,
    action     TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'seal')),
    table_name TEXT NOT NULL,
    row_key    TEXT NOT NULL,
    old_values TEXT,
    new_values TEXT,
    prev_hash  TEXT,
    hash       TEXT
);
ALTER TABLE exchange_conflict
    ADD COLUMN closed TEXT CHECK (closed IN ('approved', 'expired'));
INSERT INTO audit_chain (id, at, user_name, action, table_name, row_key, old_values, new_values)
    SELECT id, at, user_name, action, table_name, row_key, old_values, new_values FROM audit_log;
DROP TABLE audit_log;
ALTER TABLE audit_chain RENAME TO audit_log;
"#,
    },
    Migration {
        description: "the district's link to its province's hub: where, its role there, the \
                      bundles sent and what the hub holds",
        sql: r#"
CREATE TABLE hub_link (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    district      TEXT NOT NULL CHECK (length(trim(district)) > 0),
    province      TEXT NOT NULL CHECK (length(trim(province)) > 0),
    district_role TEXT NOT NULL,
    url           TEXT NOT NULL,
    registered_at TEXT NOT NULL
);
CREATE TABLE hub_sent (
    sequence   INTEGER PRIMARY KEY CHECK (sequence > 0),
    hash       TEXT NOT NULL,
    file_name  TEXT NOT NULL,
    created_at TEXT NOT NULL,
    reports    INTEGER NOT NULL,
    lists      INTEGER NOT NULL,
    bytes      BLOB NOT NULL,
    pushed_at  TEXT
);
CREATE TABLE hub_base (
    item     TEXT PRIMARY KEY,
    revision TEXT NOT NULL
) WITHOUT ROWID;
"#,
    },
    Migration {
        description: "the centre's stage: a daily report's print-ready records (PRR), DUP, Efac \
                      and Efac retaken, all four or none (unknown), and where a unit's \
                      cumulative PRR is taken up",
        sql: r#"
ALTER TABLE daily_report ADD COLUMN prr INTEGER CHECK (prr >= 0);
ALTER TABLE daily_report ADD COLUMN dup INTEGER CHECK (dup >= 0);
ALTER TABLE daily_report ADD COLUMN efac INTEGER CHECK (efac >= 0);
ALTER TABLE daily_report ADD COLUMN efac_retaken INTEGER CHECK (efac_retaken >= 0
    AND (efac_retaken IS NULL) = (prr IS NULL) AND (dup IS NULL) = (prr IS NULL)
    AND (efac IS NULL) = (prr IS NULL));
CREATE TABLE prr_opening (
    unit_id      INTEGER PRIMARY KEY REFERENCES unit (id),
    as_of        TEXT NOT NULL CHECK (as_of GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    prr          INTEGER NOT NULL CHECK (prr >= 0),
    dup          INTEGER NOT NULL CHECK (dup >= 0),
    efac         INTEGER NOT NULL CHECK (efac >= 0),
    efac_retaken INTEGER NOT NULL CHECK (efac_retaken >= 0)
);
"#,
    },
];

/// The schema version this build writes.
pub const LATEST_VERSION: u32 = MIGRATIONS.len() as u32;

/// What each version added, for `docs/schema.md` and for messages.
pub fn version_descriptions() -> impl Iterator<Item = (u32, &'static str)> {
    MIGRATIONS
        .iter()
        .enumerate()
        .map(|(i, m)| (i as u32 + 1, m.description))
}

pub fn user_version(conn: &Connection) -> rusqlite::Result<u32> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
}

pub fn application_id(conn: &Connection) -> rusqlite::Result<i32> {
    conn.pragma_query_value(None, "application_id", |row| row.get(0))
}

/// Brings the schema from its current version up to `target`, one transaction per step, so a
/// failure leaves the database at the last version that was completed.
pub fn migrate_to(conn: &mut Connection, target: u32) -> rusqlite::Result<()> {
    let current = user_version(conn)?;
    for version in current + 1..=target.min(LATEST_VERSION) {
        let step = &MIGRATIONS[version as usize - 1];
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        if version == 1 {
            tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        }
        tx.execute_batch(step.sql)?;
        after_migration(&tx, version)?;
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
    }
    Ok(())
}

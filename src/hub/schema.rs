//! The hub's tables in PostgreSQL (schema `pantau`), made and migrated by `pantau hub init`.
//!
//! Who may do what is PostgreSQL's to enforce, not ours: three group roles per hub database —
//! `<db>_district` (every district's login role is a member: it writes, and reads, only its own
//! rows), `<db>_reader` (reads; a province's group role `<db>_p_<province>` is a member and
//! sees only its districts) and `<db>_nation` (a reader that sees every district) — and
//! row-level security on every table that holds a district's rows. The role names start with
//! the database's name so that two hubs in one cluster (a test, a training copy) never share a
//! role. The tables, the roles and the policies are described in `docs/hub.md`.

use postgres::Client;

use super::HubError;

/// Version N of the hub schema is reached by applying the first N steps; `{p}` is the role
/// prefix.
const MIGRATIONS: &[&str] = &[
    r#"
CREATE SCHEMA IF NOT EXISTS pantau;
CREATE TABLE pantau.meta (
    key   text PRIMARY KEY,
    value text NOT NULL
);
CREATE TABLE pantau.province (
    id        serial PRIMARY KEY,
    name      text NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    role_name text NOT NULL UNIQUE
);
CREATE TABLE pantau.district (
    id            serial PRIMARY KEY,
    province_id   integer NOT NULL REFERENCES pantau.province (id),
    name          text NOT NULL CHECK (length(trim(name)) > 0),
    office        text NOT NULL,
    code          text,
    public_key    text NOT NULL UNIQUE CHECK (length(public_key) = 64),
    role_name     text NOT NULL UNIQUE,
    registered_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (province_id, name)
);
CREATE TABLE pantau.unit (
    district_id integer NOT NULL REFERENCES pantau.district (id),
    unit_key    bigint NOT NULL,
    name        text NOT NULL,
    code        text,
    kind        text NOT NULL CHECK (kind IN ('kecamatan', 'district')),
    active      boolean NOT NULL,
    PRIMARY KEY (district_id, unit_key)
);
CREATE TABLE pantau.report (
    district_id     integer NOT NULL,
    unit_key        bigint NOT NULL,
    day             date NOT NULL,
    recorded        bigint NOT NULL CHECK (recorded >= 0),
    sent_to_central bigint NOT NULL CHECK (sent_to_central >= 0),
    printed         bigint NOT NULL CHECK (printed >= 0),
    suket_issued    bigint NOT NULL CHECK (suket_issued >= 0),
    server_ok       boolean NOT NULL,
    note            text NOT NULL,
    PRIMARY KEY (district_id, unit_key, day),
    FOREIGN KEY (district_id, unit_key) REFERENCES pantau.unit
);
-- Every district's counts summed per day, kept up to date by each push: no question scans the
-- reports.
CREATE TABLE pantau.day_total (
    district_id       integer NOT NULL REFERENCES pantau.district (id),
    day               date NOT NULL,
    recorded          bigint NOT NULL,
    sent_to_central   bigint NOT NULL,
    printed           bigint NOT NULL,
    suket_issued      bigint NOT NULL,
    units_reported    integer NOT NULL,
    units_server_down integer NOT NULL,
    PRIMARY KEY (district_id, day)
);
CREATE INDEX day_total_day ON pantau.day_total (day);
-- The district's blank-stock card (the same rules as the district's own), one row per day
-- with a movement or printing; closing is NULL while the stock is unknown.
CREATE TABLE pantau.stock_day (
    district_id integer NOT NULL REFERENCES pantau.district (id),
    day         date NOT NULL,
    inflow      bigint NOT NULL,
    outflow     bigint NOT NULL,
    printed     bigint NOT NULL,
    closing     bigint,
    PRIMARY KEY (district_id, day)
);
CREATE TABLE pantau.target (
    district_id    integer NOT NULL,
    unit_key       bigint NOT NULL,
    effective_from date NOT NULL,
    wajib_ktp      bigint NOT NULL CHECK (wajib_ktp >= 0),
    PRIMARY KEY (district_id, unit_key, effective_from),
    FOREIGN KEY (district_id, unit_key) REFERENCES pantau.unit
);
CREATE TABLE pantau.opening (
    district_id     integer NOT NULL,
    unit_key        bigint NOT NULL,
    as_of           date NOT NULL,
    recorded        bigint NOT NULL,
    sent_to_central bigint NOT NULL,
    printed         bigint NOT NULL,
    suket_issued    bigint NOT NULL,
    PRIMARY KEY (district_id, unit_key),
    FOREIGN KEY (district_id, unit_key) REFERENCES pantau.unit
);
CREATE TABLE pantau.deadline (
    district_id integer NOT NULL REFERENCES pantau.district (id),
    decided_on  date NOT NULL,
    deadline    date NOT NULL,
    note        text NOT NULL,
    PRIMARY KEY (district_id, decided_on)
);
CREATE TABLE pantau.holiday (
    district_id integer NOT NULL REFERENCES pantau.district (id),
    day         date NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('libur', 'cuti_bersama')),
    name        text NOT NULL,
    PRIMARY KEY (district_id, day)
);
CREATE TABLE pantau.stock_event (
    district_id  integer NOT NULL REFERENCES pantau.district (id),
    position     integer NOT NULL,
    event_key    bigint,
    day          date NOT NULL,
    kind         text NOT NULL CHECK (kind IN ('receipt', 'spoiled', 'lent', 'borrowed',
                                               'returned_out', 'returned_in', 'count')),
    quantity     bigint NOT NULL CHECK (quantity >= 0),
    document     text NOT NULL,
    counterparty text NOT NULL,
    note         text NOT NULL,
    PRIMARY KEY (district_id, position)
);
-- An outage with no units touched every unit of the district.
CREATE TABLE pantau.outage (
    district_id integer NOT NULL REFERENCES pantau.district (id),
    position    integer NOT NULL,
    first_day   date NOT NULL,
    last_day    date,
    units       bigint[] NOT NULL,
    cause       text NOT NULL CHECK (cause IN ('central_server', 'network', 'power',
                                               'equipment')),
    note        text NOT NULL,
    PRIMARY KEY (district_id, position)
);
CREATE TABLE pantau.season (
    district_id integer NOT NULL REFERENCES pantau.district (id),
    position    integer NOT NULL,
    first_day   date NOT NULL,
    last_day    date NOT NULL,
    factor      double precision NOT NULL,
    name        text NOT NULL,
    PRIMARY KEY (district_id, position)
);
CREATE TABLE pantau.delivery (
    district_id integer NOT NULL REFERENCES pantau.district (id),
    position    integer NOT NULL,
    planned_on  date NOT NULL,
    expected_on date NOT NULL,
    quantity    bigint NOT NULL CHECK (quantity >= 0),
    note        text NOT NULL,
    PRIMARY KEY (district_id, position)
);
-- Every bundle received, once: applied in sequence, or held (with its bytes) until the one
-- before it comes.
CREATE TABLE pantau.bundle (
    district_id integer NOT NULL REFERENCES pantau.district (id),
    sequence    bigint NOT NULL CHECK (sequence > 0),
    sha256      text NOT NULL UNIQUE,
    previous    text,
    status      text NOT NULL CHECK (status IN ('applied', 'held')),
    via         text NOT NULL CHECK (via IN ('push', 'file')),
    created_at  text NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    applied_at  timestamptz,
    reports     integer NOT NULL,
    lists       integer NOT NULL,
    bytes       bytea,
    PRIMARY KEY (district_id, sequence)
);

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{p}_district') THEN
        CREATE ROLE {p}_district NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{p}_reader') THEN
        CREATE ROLE {p}_reader NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{p}_nation') THEN
        CREATE ROLE {p}_nation NOLOGIN IN ROLE {p}_reader;
    END IF;
END
$$;

-- The district the connected role is (NULL for anyone else).
CREATE FUNCTION pantau.my_district() RETURNS integer
    LANGUAGE sql STABLE
    AS $$ SELECT id FROM pantau.district WHERE role_name = current_user $$;
-- The districts the connected role may read: every one for the nation, a province's own for
-- a member of that province's role.
CREATE FUNCTION pantau.readable_districts() RETURNS integer[]
    LANGUAGE sql STABLE
    AS $$
        SELECT coalesce(array_agg(d.id), '{}')
        FROM pantau.district d JOIN pantau.province p ON p.id = d.province_id
        WHERE pg_has_role(current_user, '{p}_nation', 'MEMBER')
           OR pg_has_role(current_user, p.role_name, 'MEMBER')
    $$;

GRANT USAGE ON SCHEMA pantau TO {p}_district, {p}_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA pantau TO {p}_district, {p}_reader;
GRANT INSERT, UPDATE, DELETE ON pantau.unit, pantau.report, pantau.day_total, pantau.stock_day,
    pantau.target, pantau.opening, pantau.deadline, pantau.holiday, pantau.stock_event,
    pantau.outage, pantau.season, pantau.delivery, pantau.bundle TO {p}_district;
GRANT EXECUTE ON FUNCTION pantau.my_district(), pantau.readable_districts()
    TO {p}_district, {p}_reader;
"#,
    r#"
-- The centre's stage: a report's PRR, DUP, Efac and Efac retaken (all or none: unknown where
-- the district did not count them), the day's sums over the reports that have them, and where
-- each unit's cumulative PRR is taken up.
ALTER TABLE pantau.report
    ADD COLUMN prr bigint CHECK (prr >= 0),
    ADD COLUMN dup bigint CHECK (dup >= 0),
    ADD COLUMN efac bigint CHECK (efac >= 0),
    ADD COLUMN efac_retaken bigint CHECK (efac_retaken >= 0),
    ADD CONSTRAINT report_stage_whole CHECK (
        (prr IS NULL) = (dup IS NULL) AND (prr IS NULL) = (efac IS NULL)
        AND (prr IS NULL) = (efac_retaken IS NULL));
ALTER TABLE pantau.day_total
    ADD COLUMN prr bigint NOT NULL DEFAULT 0,
    ADD COLUMN dup bigint NOT NULL DEFAULT 0,
    ADD COLUMN efac bigint NOT NULL DEFAULT 0,
    ADD COLUMN efac_retaken bigint NOT NULL DEFAULT 0,
    ADD COLUMN units_with_prr integer NOT NULL DEFAULT 0;
CREATE TABLE pantau.prr_opening (
    district_id  integer NOT NULL,
    unit_key     bigint NOT NULL,
    as_of        date NOT NULL,
    prr          bigint NOT NULL CHECK (prr >= 0),
    dup          bigint NOT NULL CHECK (dup >= 0),
    efac         bigint NOT NULL CHECK (efac >= 0),
    efac_retaken bigint NOT NULL CHECK (efac_retaken >= 0),
    PRIMARY KEY (district_id, unit_key),
    FOREIGN KEY (district_id, unit_key) REFERENCES pantau.unit
);
GRANT SELECT ON pantau.prr_opening TO {p}_district, {p}_reader;
GRANT INSERT, UPDATE, DELETE ON pantau.prr_opening TO {p}_district;
"#,
];

/// The tables that hold a district's rows, each guarded by row-level security: the first 13
/// since version 1, `prr_opening` since version 2.
pub const DISTRICT_TABLES: [&str; 14] = [
    "unit",
    "report",
    "day_total",
    "stock_day",
    "target",
    "opening",
    "deadline",
    "holiday",
    "stock_event",
    "outage",
    "season",
    "delivery",
    "bundle",
    "prr_opening",
];

/// The district tables a migration step makes (their policies are made with them).
fn tables_of_step(step: u32) -> &'static [&'static str] {
    match step {
        1 => &DISTRICT_TABLES[..13],
        2 => &DISTRICT_TABLES[13..],
        _ => &[],
    }
}

/// The policies of one table: a district's role writes and reads its own rows; a reader reads
/// the rows of the districts it may see.
fn policies(table: &str, prefix: &str) -> String {
    format!(
        "ALTER TABLE pantau.{table} ENABLE ROW LEVEL SECURITY;
         CREATE POLICY district_own ON pantau.{table} TO {prefix}_district
             USING (district_id = (SELECT pantau.my_district()))
             WITH CHECK (district_id = (SELECT pantau.my_district()));
         CREATE POLICY reader ON pantau.{table} FOR SELECT TO {prefix}_reader
             USING (district_id = ANY ((SELECT pantau.readable_districts())::integer[]));"
    )
}

/// The newest hub schema this build knows.
pub const LATEST_VERSION: u32 = MIGRATIONS.len() as u32;

/// What `init` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Initialised {
    /// The version before (0: a database without the hub).
    pub from: u32,
    pub to: u32,
    pub prefix: String,
}

/// The role prefix of a hub database: its name in lowercase letters, digits and `_`.
pub fn role_prefix(dbname: &str) -> String {
    let mut prefix: String = dbname
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .take(24)
        .collect();
    if !prefix.starts_with(|c: char| c.is_ascii_lowercase()) {
        prefix.insert_str(0, "hub_");
    }
    prefix
}

/// The hub schema's version in the connected database (0: none) and its role prefix.
pub fn version(client: &mut Client) -> Result<(u32, Option<String>), HubError> {
    let exists: Option<String> = client
        .query_one("SELECT to_regclass('pantau.meta')::text", &[])?
        .get(0);
    if exists.is_none() {
        return Ok((0, None));
    }
    let rows = client.query(
        "SELECT key, value FROM pantau.meta WHERE key IN ('schema_version', 'role_prefix')",
        &[],
    )?;
    let mut version = 0;
    let mut prefix = None;
    for row in rows {
        let key: String = row.get(0);
        let value: String = row.get(1);
        match key.as_str() {
            "schema_version" => version = value.parse().unwrap_or(0),
            _ => prefix = Some(value),
        }
    }
    Ok((version, prefix))
}

/// The connected hub's role prefix; refuses a database without the hub or with a newer one.
pub fn require(client: &mut Client, url: &str) -> Result<String, HubError> {
    match version(client)? {
        (0, _) | (_, None) => Err(HubError::NotAHub {
            url: url.to_string(),
        }),
        (found, _) if found > LATEST_VERSION => Err(HubError::NewerHub {
            url: url.to_string(),
            found,
            supported: LATEST_VERSION,
        }),
        (found, _) if found < LATEST_VERSION => Err(HubError::OlderHub {
            url: url.to_string(),
            found,
            latest: LATEST_VERSION,
        }),
        (_, Some(prefix)) => Ok(prefix),
    }
}

/// Makes the hub schema in the connected database, or brings it to the newest version; each
/// step is one transaction. Run again, it changes nothing.
pub fn init(client: &mut Client, dbname: &str, url: &str) -> Result<Initialised, HubError> {
    let (from, prefix) = version(client)?;
    if from > LATEST_VERSION {
        return Err(HubError::NewerHub {
            url: url.to_string(),
            found: from,
            supported: LATEST_VERSION,
        });
    }
    let prefix = prefix.unwrap_or_else(|| role_prefix(dbname));
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(from as usize) {
        let step = index as u32 + 1;
        let mut tx = client.transaction()?;
        tx.batch_execute(&sql.replace("{p}", &prefix))?;
        for table in tables_of_step(step) {
            tx.batch_execute(&policies(table, &prefix))?;
        }
        if step == 1 {
            tx.execute(
                "INSERT INTO pantau.meta (key, value) VALUES ('role_prefix', $1)",
                &[&prefix],
            )?;
        }
        tx.execute(
            "INSERT INTO pantau.meta (key, value) VALUES ('schema_version', $1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            &[&step.to_string()],
        )?;
        tx.commit()?;
    }
    Ok(Initialised {
        from,
        to: LATEST_VERSION,
        prefix,
    })
}

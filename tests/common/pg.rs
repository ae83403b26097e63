//! A throwaway PostgreSQL cluster for the hub tests: the one `pg_virtualenv` (from Debian's
//! `postgresql-common`) already runs the tests in (`PGHOST`, `PGPORT`, `PGUSER`, `PGPASSWORD`
//! set), or one started here with `pg_virtualenv` for this test binary and dropped when it
//! ends. Without PostgreSQL the hub tests say "skipped", unless `PANTAU_REQUIRE_POSTGRES` is
//! set (CI sets it): then they fail.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

pub struct Cluster {
    pub host: String,
    pub port: u16,
    pub user: String,
    pub password: String,
}

static CLUSTER: OnceLock<Option<Cluster>> = OnceLock::new();

fn from_env(vars: &[(String, String)]) -> Option<Cluster> {
    let get = |name: &str| vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
    Some(Cluster {
        host: get("PGHOST")?,
        port: get("PGPORT")?.parse().ok()?,
        user: get("PGUSER")?,
        password: get("PGPASSWORD")?,
    })
}

fn start() -> Option<Cluster> {
    let vars: Vec<(String, String)> = std::env::vars().collect();
    if let Some(cluster) = from_env(&vars) {
        return Some(cluster);
    }
    let dir = tempfile::tempdir().ok()?.keep();
    let env_file = dir.join("env");
    let log = std::fs::File::create(dir.join("pg_virtualenv.log")).ok()?;
    // The cluster lives while this test binary does; pg_virtualenv drops it after.
    let script = format!(
        "env > '{tmp}' && mv '{tmp}' '{env}' && while kill -0 {pid} 2>/dev/null; do sleep 1; done",
        tmp = dir.join("env.partial").display(),
        env = env_file.display(),
        pid = std::process::id()
    );
    let mut child = std::process::Command::new("pg_virtualenv")
        .args(["-t", "sh", "-c", &script])
        .stdin(std::process::Stdio::null())
        .stdout(log.try_clone().ok()?)
        .stderr(log)
        .spawn()
        .ok()?;
    let started = Instant::now();
    while !env_file.exists() {
        if let Ok(Some(status)) = child.try_wait() {
            panic!(
                "pg_virtualenv ended ({status}) before its cluster was up: {}",
                std::fs::read_to_string(dir.join("pg_virtualenv.log")).unwrap_or_default()
            );
        }
        if started.elapsed() > Duration::from_secs(120) {
            panic!("pg_virtualenv did not start a cluster in 120 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let text = std::fs::read_to_string(&env_file).ok()?;
    let vars: Vec<(String, String)> = text
        .lines()
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    from_env(&vars)
}

/// The cluster, or `None` (and the test says "skipped") where this machine has no PostgreSQL
/// and CI does not require it.
pub fn cluster() -> Option<&'static Cluster> {
    match CLUSTER.get_or_init(start).as_ref() {
        Some(cluster) => Some(cluster),
        None if std::env::var_os("PANTAU_REQUIRE_POSTGRES").is_some() => panic!(
            "PostgreSQL is required here (PANTAU_REQUIRE_POSTGRES is set) but pg_virtualenv \
             could not start a cluster: install postgresql and postgresql-common"
        ),
        None => {
            eprintln!("skipped: no PostgreSQL on this machine (pg_virtualenv not found)");
            None
        }
    }
}

impl Cluster {
    pub fn url_as(&self, user: &str, password: &str, db: &str) -> String {
        format!(
            "postgresql://{user}:{password}@{}:{}/{db}?sslmode=require",
            self.host, self.port
        )
    }

    pub fn admin_url(&self, db: &str) -> String {
        self.url_as(&self.user, &self.password, db)
    }

    pub fn client_as(&self, user: &str, password: &str, db: &str) -> postgres::Client {
        let mut config = postgres::Config::new();
        config
            .host(&self.host)
            .port(self.port)
            .user(user)
            .password(password)
            .dbname(db);
        config.connect(postgres::NoTls).unwrap()
    }

    pub fn admin(&self, db: &str) -> postgres::Client {
        self.client_as(&self.user, &self.password, db)
    }

    /// A fresh, empty database `name` (and none of the roles a hub named so made before).
    pub fn database(&self, name: &str) -> String {
        let mut admin = self.admin("postgres");
        admin
            .batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            .unwrap();
        // This hub's roles only: `hub_gui`'s are hub_gui_district, hub_gui_p_…, hub_gui_d_…,
        // never hub_gui_push_district, another test's hub (which may be running beside it).
        let exact: Vec<String> = ["district", "reader", "nation"]
            .iter()
            .map(|group| format!("{name}_{group}"))
            .collect();
        let (provinces, districts) = (format!("{name}\\_p\\_%"), format!("{name}\\_d\\_%"));
        let roles: Vec<String> = admin
            .query(
                "SELECT rolname FROM pg_roles
                 WHERE rolname = ANY($1) OR rolname LIKE $2 OR rolname LIKE $3
                 ORDER BY length(rolname) DESC",
                &[&exact, &provinces, &districts],
            )
            .unwrap()
            .iter()
            .map(|r| r.get(0))
            .collect();
        for role in roles {
            admin
                .batch_execute(&format!("DROP ROLE IF EXISTS {role}"))
                .unwrap();
        }
        admin
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .unwrap();
        name.to_string()
    }
}

/// `pantau` without the cluster's `PG…` variables (a test passes every address whole).
pub fn hub_cmd() -> assert_cmd::Command {
    let mut cmd = super::pantau();
    for var in [
        "PGHOST",
        "PGPORT",
        "PGUSER",
        "PGPASSWORD",
        "PGDATABASE",
        "PANTAU_HUB_URL",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("PGPASSFILE", "/nonexistent/pgpass");
    cmd
}

/// The illustrative Sampang database at `dir/name.pantau` (a district for the hub).
pub fn demo(dir: &std::path::Path, name: &str) -> std::path::PathBuf {
    let path = dir.join(format!("{name}.pantau"));
    super::pantau()
        .args(["demo", "--db"])
        .arg(&path)
        .assert()
        .success();
    path
}

/// The hub's JSON status of a district's database.
pub fn status(db: &std::path::Path) -> serde_json::Value {
    let out = super::pantau()
        .args(["hub", "status", "--json", "--db"])
        .arg(db)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    serde_json::from_slice(&out.stdout).unwrap()
}

impl Cluster {
    /// Makes the hub in a fresh database `name`; returns the database's name.
    pub fn hub(&self, name: &str) -> String {
        let hub = self.database(name);
        hub_cmd()
            .args(["hub", "init", "--url", &self.admin_url(&hub)])
            .assert()
            .success();
        hub
    }

    /// Registers the district of `db` (its role's password `district-pw`) and returns its
    /// PostgreSQL role.
    pub fn register(
        &self,
        hub: &str,
        db: &std::path::Path,
        province: &str,
        name: Option<&str>,
    ) -> String {
        let mut cmd = hub_cmd();
        cmd.env("PANTAU_HUB_NEW_PASSWORD", "district-pw")
            .args(["hub", "register", "--url", &self.admin_url(hub)])
            .args(["--province", province])
            .arg("--db")
            .arg(db);
        if let Some(name) = name {
            cmd.args(["--name", name]);
        }
        cmd.assert()
            .success()
            .stdout(predicates::str::contains("registered in"));
        status(db)["link"]["district_role"]
            .as_str()
            .unwrap()
            .to_string()
    }

    pub fn push(&self, hub: &str, db: &std::path::Path, role: &str) -> assert_cmd::assert::Assert {
        hub_cmd()
            .args([
                "hub",
                "push",
                "--url",
                &self.url_as(role, "district-pw", hub),
            ])
            .arg("--db")
            .arg(db)
            .assert()
    }

    /// A login role `name` (password `reader-pw`) that reads `province`.
    pub fn reader(&self, hub: &str, name: &str, province: &str) {
        hub_cmd()
            .env("PANTAU_HUB_NEW_PASSWORD", "reader-pw")
            .args([
                "hub",
                "reader",
                "--url",
                &self.admin_url(hub),
                "--name",
                name,
            ])
            .args(["--province", province])
            .assert()
            .success();
    }
}

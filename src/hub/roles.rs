//! Registering a district (its province, its key and its own PostgreSQL login role) and
//! making the login roles that read: a province's staff, the nation's.

use postgres::Client;

use super::HubError;

/// What registering a district did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registered {
    pub district: String,
    pub province: String,
    /// The district's PostgreSQL login role.
    pub role: String,
    /// The role's new password, shown once; `None` where the district was registered before
    /// with the same key (nothing changed).
    pub password: Option<String>,
    /// The province was new at this hub (its role was made).
    pub new_province: bool,
}

/// Who a reading login role reads for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReaderScope {
    Province(String),
    Nation,
}

/// `name` in lowercase letters, digits and `_`, at most `max` characters: part of a role name.
fn slug(name: &str, max: usize) -> String {
    let mut out = String::new();
    for c in name.trim().to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    out.trim_matches('_').chars().take(max).collect()
}

/// A string literal for SQL: PostgreSQL takes no parameters in `CREATE ROLE … PASSWORD`.
fn literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// A role name not yet taken in the cluster: `base`, else `base_2`, `base_3`, ….
fn free_role(tx: &mut postgres::Transaction, base: &str) -> Result<String, HubError> {
    for n in 1.. {
        let name = if n == 1 {
            base.to_string()
        } else {
            format!("{base}_{n}")
        };
        let taken: bool = tx
            .query_one(
                "SELECT EXISTS (SELECT FROM pg_roles WHERE rolname = $1)",
                &[&name],
            )?
            .get(0);
        if !taken {
            return Ok(name);
        }
    }
    unreachable!("some numbered name is free")
}

/// The province's id and role, made if it is new. In the caller's transaction.
fn province(
    tx: &mut postgres::Transaction,
    prefix: &str,
    name: &str,
) -> Result<(i32, String, bool), HubError> {
    if let Some(row) = tx.query_opt(
        "SELECT id, role_name FROM pantau.province WHERE lower(name) = lower($1)",
        &[&name.trim()],
    )? {
        return Ok((row.get(0), row.get(1), false));
    }
    let role = free_role(tx, &format!("{prefix}_p_{}", slug(name, 30)))?;
    tx.batch_execute(&format!(
        "CREATE ROLE {role} NOLOGIN IN ROLE {prefix}_reader"
    ))?;
    let id: i32 = tx
        .query_one(
            "INSERT INTO pantau.province (name, role_name) VALUES ($1, $2) RETURNING id",
            &[&name.trim(), &role],
        )?
        .get(0);
    Ok((id, role, true))
}

/// A district to register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDistrict<'a> {
    pub province: &'a str,
    pub name: &'a str,
    /// The office's name, as its database holds it.
    pub office: &'a str,
    pub code: Option<&'a str>,
    /// Its Ed25519 public key, hex: the key its bundles are signed with.
    pub public_key: &'a str,
    /// The password of its new login role.
    pub password: &'a str,
}

/// Registers a district: its province (made if new, with its reading role), the district with
/// its office's name, code and public key, and its login role, a member of the hub's district
/// role. One transaction. The same district with the same key again changes nothing; the same
/// name with another key is refused.
pub fn register(
    client: &mut Client,
    prefix: &str,
    new: &NewDistrict,
) -> Result<Registered, HubError> {
    let NewDistrict {
        province: province_name,
        name: district,
        office,
        code,
        public_key,
        password,
    } = *new;
    let mut tx = client.transaction()?;
    if let Some(row) = tx.query_opt(
        "SELECT d.name, p.name, d.role_name FROM pantau.district d
         JOIN pantau.province p ON p.id = d.province_id WHERE d.public_key = $1",
        &[&public_key],
    )? {
        let registered_in: String = row.get(1);
        if !registered_in.eq_ignore_ascii_case(province_name.trim()) {
            return Err(HubError::RegisteredElsewhere {
                district: row.get(0),
                province: registered_in,
                asked: province_name.trim().to_string(),
            });
        }
        return Ok(Registered {
            district: row.get(0),
            province: row.get(1),
            role: row.get(2),
            password: None,
            new_province: false,
        });
    }
    let (province_id, _, new_province) = province(&mut tx, prefix, province_name)?;
    let taken = tx.query_opt(
        "SELECT 1 FROM pantau.district WHERE province_id = $1 AND lower(name) = lower($2)",
        &[&province_id, &district.trim()],
    )?;
    if taken.is_some() {
        return Err(HubError::DistrictTaken {
            name: district.trim().to_string(),
            province: province_name.trim().to_string(),
        });
    }
    let role = free_role(&mut tx, &format!("{prefix}_d_{}", slug(district, 30)))?;
    tx.batch_execute(&format!(
        "CREATE ROLE {role} LOGIN PASSWORD {} IN ROLE {prefix}_district",
        literal(password)
    ))?;
    tx.execute(
        "INSERT INTO pantau.district (province_id, name, office, code, public_key, role_name)
         VALUES ($1, $2, $3, $4, $5, $6)",
        &[
            &province_id,
            &district.trim(),
            &office,
            &code,
            &public_key,
            &role,
        ],
    )?;
    tx.commit()?;
    Ok(Registered {
        district: district.trim().to_string(),
        province: province_name.trim().to_string(),
        role,
        password: Some(password.to_string()),
        new_province,
    })
}

/// What `create_reader` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReaderMade {
    /// A new login role.
    New,
    /// A reader of this hub already, now reading `scope` too.
    AlsoReads,
    /// It read `scope` already: nothing changed.
    Unchanged,
}

/// Makes a login role `name` that reads for `scope`; a role that reads this hub already is
/// let read `scope` too (its password unchanged). A role of the cluster that is no reader of
/// this hub (another hub's, a district's, a person's) is refused, never taken over.
pub fn create_reader(
    client: &mut Client,
    prefix: &str,
    name: &str,
    scope: &ReaderScope,
    password: &str,
) -> Result<ReaderMade, HubError> {
    if slug(name, 63) != name || name.is_empty() {
        return Err(HubError::RoleName(name.to_string()));
    }
    let mut tx = client.transaction()?;
    let group = match scope {
        ReaderScope::Nation => format!("{prefix}_nation"),
        ReaderScope::Province(province) => tx
            .query_opt(
                "SELECT role_name FROM pantau.province WHERE lower(name) = lower($1)",
                &[&province.trim()],
            )?
            .map(|row| row.get(0))
            .ok_or_else(|| HubError::UnknownProvince(province.trim().to_string()))?,
    };
    let exists: bool = tx
        .query_one(
            "SELECT EXISTS (SELECT FROM pg_roles WHERE rolname = $1)",
            &[&name],
        )?
        .get(0);
    let made = if !exists {
        tx.batch_execute(&format!(
            "CREATE ROLE {name} LOGIN PASSWORD {} IN ROLE {group}",
            literal(password)
        ))?;
        ReaderMade::New
    } else {
        let member = |tx: &mut postgres::Transaction, role: &str| -> Result<bool, HubError> {
            Ok(tx
                .query_one("SELECT pg_has_role($1, $2, 'MEMBER')", &[&name, &role])?
                .get(0))
        };
        if !member(&mut tx, &format!("{prefix}_reader"))? {
            return Err(HubError::RoleTaken(name.to_string()));
        }
        if member(&mut tx, &group)? {
            ReaderMade::Unchanged
        } else {
            tx.batch_execute(&format!("GRANT {group} TO {name}"))?;
            ReaderMade::AlsoReads
        }
    };
    tx.commit()?;
    Ok(made)
}

/// A password for a new role: 20 letters and digits from the operating system's random source.
pub fn new_password() -> Result<String, HubError> {
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut bytes = [0u8; 20];
    getrandom::fill(&mut bytes).map_err(crate::exchange::ExchangeError::Key)?;
    Ok(bytes
        .iter()
        .map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_names_are_plain() {
        assert_eq!(slug("Jawa Timur", 30), "jawa_timur");
        assert_eq!(slug("  Kab. Sampang ", 30), "kab_sampang");
        assert_eq!(literal("it's"), "'it''s'");
    }
}

//! Accounts, approvals and the period lock from the command line, and logging in: every
//! command on a database with accounts acts as `--user` (or `PANTAU_USER`), with the password
//! from `PANTAU_PASSWORD` or asked without echo.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::OnceLock;

use anyhow::{Context, Result, bail};

use super::date_arg;
use crate::cli::{AccountAction, ExceptionAction, LockAction, RoleArg};
use crate::domain::Dataset;
use crate::domain::access::{Month, Refusal, Role};
use crate::locale::Lang;
use crate::locale::access::{AccessSaid, said};
use crate::store::{NewAccount, Store, StoreError};

static LOGIN: OnceLock<Option<String>> = OnceLock::new();

/// The account named by `--user` or `PANTAU_USER`, for every command of this run.
pub fn set_login(user: Option<String>) {
    let _ = LOGIN.set(user.filter(|u| !u.trim().is_empty()));
}

fn login_name() -> Option<&'static str> {
    LOGIN.get().and_then(|u| u.as_deref())
}

/// Opens `path` for writing as the account of this run (none needed without accounts).
pub(crate) fn open_store(path: &Path) -> Result<Store> {
    let mut store = Store::open(path)?;
    log_in(&mut store)?;
    Ok(store)
}

/// Opens `path` for reading as the account of this run (none needed without accounts).
pub(crate) fn open_reader(path: &Path) -> Result<Store> {
    let mut store = Store::open_read_only(path)?;
    log_in(&mut store)?;
    Ok(store)
}

pub(super) fn log_in(store: &mut Store) -> Result<()> {
    if !store.has_accounts()? {
        return Ok(());
    }
    let Some(name) = login_name() else {
        return Err(StoreError::Refused {
            refusal: Refusal::NotLoggedIn,
            unit: None,
        }
        .into());
    };
    let password = secret("PANTAU_PASSWORD", &format!("Password {name}: "))?;
    store.log_in(name, &password)?;
    Ok(())
}

/// A secret from the environment, or asked on the terminal without echo.
fn secret(variable: &str, prompt: &str) -> Result<String> {
    if let Ok(value) = std::env::var(variable) {
        return Ok(value);
    }
    rpassword::prompt_password(prompt)
        .with_context(|| format!("no terminal to ask for it; set {variable}"))
}

/// A new password from `PANTAU_NEW_PASSWORD`, or asked twice without echo.
fn new_password(lang: Lang) -> Result<String> {
    if let Ok(value) = std::env::var("PANTAU_NEW_PASSWORD") {
        return Ok(value);
    }
    let first = secret(
        "PANTAU_NEW_PASSWORD",
        &said(lang, &AccessSaid::NewPasswordPrompt),
    )?;
    let again = secret(
        "PANTAU_NEW_PASSWORD",
        &said(lang, &AccessSaid::RepeatPrompt),
    )?;
    if first != again {
        bail!("{}", said(lang, &AccessSaid::PasswordsDiffer));
    }
    Ok(first)
}

fn role(arg: RoleArg) -> Role {
    match arg {
        RoleArg::Operator => Role::Operator,
        RoleArg::Verifikator => Role::Verifikator,
        RoleArg::Kepala => Role::Kepala,
        RoleArg::Admin => Role::Admin,
    }
}

fn unit_id(data: &Dataset, name: &str) -> Result<i64> {
    Ok(data.find_unit(name)?.id)
}

pub fn account(lang: Lang, path: &Path, action: AccountAction) -> Result<()> {
    match action {
        AccountAction::Add {
            name,
            role: r,
            units,
        } => {
            // The first account needs nobody logged in; every later one an Admin.
            let mut store = Store::open(path)?;
            if store.has_accounts()? {
                log_in(&mut store)?;
            }
            let units = if units.is_empty() {
                None
            } else {
                let data = store.load()?;
                Some(
                    units
                        .iter()
                        .map(|u| unit_id(&data, u))
                        .collect::<Result<BTreeSet<_>>>()?,
                )
            };
            let password = new_password(lang)?;
            let added = store.add_account(&NewAccount {
                name,
                role: role(r),
                password,
                units,
            })?;
            println!(
                "{}",
                said(
                    lang,
                    &AccessSaid::AccountAdded {
                        name: &added.account.name,
                        role: added.account.role,
                    }
                )
            );
            if let Some(code) = &added.recovery_code {
                println!("{}", said(lang, &AccessSaid::RecoveryCode { code }));
            }
        }
        AccountAction::List => {
            let store = open_reader(path)?;
            let data = store.load()?;
            let accounts = store.accounts()?;
            if accounts.is_empty() {
                println!("{}", said(lang, &AccessSaid::NoAccounts));
                return Ok(());
            }
            let rows: Vec<Vec<String>> = accounts
                .iter()
                .map(|a| {
                    vec![
                        a.name.clone(),
                        crate::locale::access::role(lang, a.role).to_string(),
                        match &a.units {
                            None => said(lang, &AccessSaid::AllUnits),
                            Some(units) => units
                                .iter()
                                .map(|u| data.unit_name(*u))
                                .collect::<Vec<_>>()
                                .join(", "),
                        },
                        said(lang, &AccessSaid::Active(a.active)),
                    ]
                })
                .collect();
            print!(
                "{}",
                crate::cli::table::render(
                    crate::locale::access::account_headers(lang),
                    &rows,
                    &[false; 4]
                )
            );
        }
        AccountAction::Disable { name } => {
            open_store(path)?.set_account_active(&name, false)?;
            let said_ = AccessSaid::AccountActive {
                name: &name,
                active: false,
            };
            println!("{}", said(lang, &said_));
        }
        AccountAction::Enable { name } => {
            open_store(path)?.set_account_active(&name, true)?;
            let said_ = AccessSaid::AccountActive {
                name: &name,
                active: true,
            };
            println!("{}", said(lang, &said_));
        }
        AccountAction::Password { name } => {
            let mut store = open_store(path)?;
            let password = new_password(lang)?;
            store.set_password(&name, &password)?;
            println!("{}", said(lang, &AccessSaid::PasswordSet { name: &name }));
        }
        AccountAction::Recover { name } => {
            let mut store = Store::open(path)?;
            let code = secret("PANTAU_RECOVERY_CODE", &said(lang, &AccessSaid::CodePrompt))?;
            let password = new_password(lang)?;
            let next = store.recover(&name, &code, &password)?;
            println!("{}", said(lang, &AccessSaid::PasswordSet { name: &name }));
            println!("{}", said(lang, &AccessSaid::RecoveryCode { code: &next }));
        }
    }
    Ok(())
}

/// `approve` (no reason) or `unapprove` (a reason): one unit, or every unit that can be.
pub fn approve(
    lang: Lang,
    path: &Path,
    month: &str,
    unit: Option<&str>,
    reason: Option<&str>,
) -> Result<()> {
    let mut store = open_store(path)?;
    let month =
        Month::parse(month).with_context(|| said(lang, &AccessSaid::NotAMonth { text: month }))?;
    let data = store.load()?;
    let approvals = store.approvals()?;
    let approved = |u: i64| {
        approvals
            .iter()
            .any(|a| a.unit_id == u && a.month == month && a.approved)
    };
    let units: Vec<i64> = match unit {
        Some(name) => vec![unit_id(&data, name)?],
        None => data
            .units
            .iter()
            .filter(|u| u.active && approved(u.id) == reason.is_some())
            .map(|u| u.id)
            .collect(),
    };
    match reason {
        None => store.approve(&units, month)?,
        Some(reason) => store.unapprove(&units, month, reason)?,
    }
    let names: Vec<String> = units.iter().map(|u| data.unit_name(*u)).collect();
    println!(
        "{}",
        said(
            lang,
            &AccessSaid::Approved {
                month,
                units: &names,
                approved: reason.is_none(),
            }
        )
    );
    Ok(())
}

pub fn lock(lang: Lang, path: &Path, action: LockAction) -> Result<()> {
    match action {
        LockAction::Show => {
            let store = open_reader(path)?;
            let data = store.load()?;
            let locks = store.locks()?;
            println!(
                "{}",
                said(
                    lang,
                    &AccessSaid::LockDays {
                        days: locks.lock_days,
                    }
                )
            );
            for a in store.approvals()? {
                println!(
                    "{}",
                    said(
                        lang,
                        &AccessSaid::ApprovalLine {
                            unit: &data.unit_name(a.unit_id),
                            approval: &a,
                        }
                    )
                );
            }
            print_exceptions(lang, &store, &data)?;
        }
        LockAction::Days { days } => {
            let mut store = open_store(path)?;
            store.set_lock_days(days)?;
            println!("{}", said(lang, &AccessSaid::LockDays { days: Some(days) }));
        }
        LockAction::Exception { action } => match action {
            ExceptionAction::Add {
                unit,
                month,
                from,
                to,
                until,
                reason,
            } => {
                let mut store = open_store(path)?;
                let data = store.load()?;
                let unit = unit.map(|u| unit_id(&data, &u)).transpose()?;
                let (first, last) = match (month, from, to) {
                    (Some(text), _, _) => {
                        let month = Month::parse(&text)
                            .with_context(|| said(lang, &AccessSaid::NotAMonth { text: &text }))?;
                        (month.first_day(), month.last_day())
                    }
                    (None, Some(from), Some(to)) => (
                        date_arg(lang, "--from", &from)?,
                        date_arg(lang, "--to", &to)?,
                    ),
                    _ => unreachable!("clap requires --month or --from with --to"),
                };
                let until = date_arg(lang, "--until", &until)?;
                let id = store.add_lock_exception(unit, first, last, until, &reason)?;
                println!("{}", said(lang, &AccessSaid::ExceptionAdded { id, until }));
            }
            ExceptionAction::List => {
                let store = open_reader(path)?;
                let data = store.load()?;
                print_exceptions(lang, &store, &data)?;
            }
            ExceptionAction::Remove { id } => {
                let mut store = open_store(path)?;
                store.remove_lock_exception(id)?;
                println!("{}", said(lang, &AccessSaid::ExceptionRemoved { id }));
            }
        },
    }
    Ok(())
}

fn print_exceptions(lang: Lang, store: &Store, data: &Dataset) -> Result<()> {
    let exceptions = store.lock_exceptions()?;
    if exceptions.is_empty() {
        println!("{}", said(lang, &AccessSaid::NoExceptions));
        return Ok(());
    }
    let rows: Vec<Vec<String>> = exceptions
        .iter()
        .map(|e| {
            vec![
                e.id.to_string(),
                e.unit_id
                    .map(|u| data.unit_name(u))
                    .unwrap_or_else(|| said(lang, &AccessSaid::AllUnits)),
                format!("{} – {}", e.first_day, e.last_day),
                e.valid_until.to_string(),
                e.reason.clone(),
                e.granted_by.clone(),
            ]
        })
        .collect();
    let mut right = [false; 6];
    right[0] = true;
    print!(
        "{}",
        crate::cli::table::render(
            crate::locale::access::exception_headers(lang),
            &rows,
            &right
        )
    );
    Ok(())
}

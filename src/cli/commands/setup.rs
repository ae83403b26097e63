//! Creating a database, and looking after it: check, audit, backup, restore.

use std::path::Path;

use anyhow::{Result, bail};

use super::{refuse_problems, say, today};
use crate::demo;
use crate::domain::calendar::{DEFAULT_HOLIDAYS_CSV, parse_holidays_csv};
use crate::domain::dataset::PROGRAMME_START;
use crate::domain::rules;
use crate::domain::summary::summarize;
use crate::domain::{NewOffice, NewUnit, Office, UnitKind, UnitSetup};
use crate::locale::Lang;
use crate::locale::cli::{Said, Table, headers, said};
use crate::store::{self, Store};

pub fn demo(lang: Lang, path: &Path, force: bool) -> Result<()> {
    if path.exists() && !force {
        return Err(store::StoreError::Exists(path.to_path_buf()).into());
    }
    let data = demo::build();
    // Built beside the target and renamed over it, so a failure leaves the old file as it was.
    let mut built = path.as_os_str().to_owned();
    built.push(".new");
    let built = std::path::PathBuf::from(built);
    store::remove_database(&built);
    let result = (|| -> Result<()> {
        let mut store = Store::create(&built)?;
        store.populate(&data, today())?;
        drop(store);
        store::replace_database(&built, path)?;
        Ok(())
    })();
    if result.is_err() {
        store::remove_database(&built);
    }
    result?;
    let summary = summarize(&data, demo::ANCHOR_DATE);
    say(
        lang,
        &Said::DemoCreated {
            path,
            units: data.units.len(),
            reports: data.reports.len(),
            events: data.stock_events.len(),
        },
    );
    say(
        lang,
        &Said::DemoTotals {
            on: demo::ANCHOR_DATE,
            recorded: summary.total.recorded,
            printed: summary.total.printed,
            wajib_ktp: summary.total.wajib_ktp.unwrap_or(0),
        },
    );
    Ok(())
}

pub fn init(lang: Lang, path: &Path, office: &str, units_file: Option<&Path>) -> Result<()> {
    let mut units: Vec<UnitSetup> = match units_file {
        Some(file) => match crate::io::import::read_units(file) {
            Ok(rows) => rows
                .into_iter()
                .map(|row| UnitSetup {
                    unit: row.unit,
                    wajib_ktp: row.wajib_ktp,
                    opening: None,
                })
                .collect(),
            Err(problems) => {
                refuse_problems(lang, &problems, file, true)?;
                Vec::new()
            }
        },
        None => Vec::new(),
    };
    if !units.iter().any(|u| u.unit.kind == UnitKind::District) {
        units.push(UnitSetup {
            unit: NewUnit {
                name: demo::DISTRICT_UNIT_NAME.to_string(),
                code: None,
                kind: UnitKind::District,
            },
            wajib_ktp: None,
            opening: None,
        });
    }
    // The shipped calendar is a constant of this build; a unit test proves it parses.
    let holidays = parse_holidays_csv(DEFAULT_HOLIDAYS_CSV)?;
    let setup = NewOffice {
        office: Office {
            name: office.trim().to_string(),
            description: String::new(),
        },
        units,
        holidays,
        deadlines: Vec::new(),
    };
    let mut store = Store::create(path)?;
    if let Err(error) = store.set_up(&setup, today()) {
        drop(store);
        store::remove_database(path);
        return Err(error.into());
    }
    let names: Vec<&str> = setup.units.iter().map(|u| u.unit.name.as_str()).collect();
    say(
        lang,
        &Said::Created {
            path,
            office: &setup.office.name,
            units: &names,
            targets: setup.units.iter().filter(|u| u.wajib_ktp.is_some()).count(),
            from: PROGRAMME_START,
        },
    );
    Ok(())
}

pub fn check(lang: Lang, path: &Path) -> Result<()> {
    let store = super::open_reader(path)?;
    // The one verifier, shared with `restore`.
    let (mut problems, violations) = store.verify(today())?;
    problems.extend(violations.iter().map(|p| crate::locale::violation(lang, p)));
    problems.extend(
        store
            .tampering()?
            .iter()
            .map(|t| crate::locale::access::tampering(lang, t)),
    );
    let data = store.load()?;
    let warnings = rules::unexplained_outliers(&data);
    for (at, outlier) in &warnings {
        say(lang, &Said::UnexplainedOutlier { at, outlier });
    }
    if problems.is_empty() {
        say(
            lang,
            &Said::CheckPassed {
                path,
                units: data.units.len(),
                reports: data.reports.len(),
                events: data.stock_events.len(),
                unexplained: warnings.len(),
            },
        );
        return Ok(());
    }
    for problem in &problems {
        println!("{problem}");
    }
    bail!(
        "{}",
        said(
            lang,
            &Said::CheckFailed {
                path,
                problems: problems.len()
            }
        )
    )
}

/// Characters of an audit row's values shown in the terminal; an import's list of rows is kept
/// whole in the database.
const AUDIT_VALUES_SHOWN: usize = 400;

/// `text`, cut to `max` characters with an ellipsis and the full length.
fn shorten(lang: Lang, text: &str, max: usize) -> String {
    let length = text.chars().count();
    if length <= max {
        return text.to_string();
    }
    let kept: String = text.chars().take(max).collect();
    format!("{kept}… {}", said(lang, &Said::Characters(length)))
}

pub fn audit(lang: Lang, path: &Path, limit: Option<usize>) -> Result<()> {
    let store = super::open_reader(path)?;
    let entries = store.audit_log(limit)?;
    if entries.is_empty() {
        say(lang, &Said::AuditEmpty);
        return Ok(());
    }
    let rows: Vec<Vec<String>> = entries
        .iter()
        .map(|e| {
            vec![
                e.id.to_string(),
                e.at.clone(),
                e.user.clone(),
                e.action.clone(),
                e.table.clone(),
                e.key.clone(),
                shorten(lang, &e.changes(), AUDIT_VALUES_SHOWN),
            ]
        })
        .collect();
    let mut right = [false; 7];
    right[0] = true;
    print!(
        "{}",
        super::super::table::render(headers(lang, Table::Audit), &rows, &right)
    );
    Ok(())
}

pub fn backup_db(lang: Lang, db: &Path, out: &Path) -> Result<()> {
    store::backup::backup(db, out)?;
    say(lang, &Said::BackedUp { db, out });
    Ok(())
}

pub fn restore_db(lang: Lang, from: &Path, db: &Path, force: bool) -> Result<()> {
    // Replacing a database with accounts is its Admin's.
    let guarded = db.exists()
        && Store::open_read_only(db)
            .and_then(|s| s.has_accounts())
            .unwrap_or(false);
    if guarded {
        let store = super::open_reader(db)?;
        crate::domain::access::check_task(store.actor(), crate::domain::access::Task::SetUp)
            .map_err(|refusal| store::StoreError::Refused {
                refusal,
                unit: None,
            })?;
    }
    store::backup::restore(from, db, force, today())?;
    say(lang, &Said::Restored { db, from });
    Ok(())
}

//! `pantau exchange …`: setting up a kecamatan PC, sending and receiving bundles, conflicts.

use std::path::Path;

use anyhow::{Result, bail};

use super::today;
use crate::cli::table;
use crate::cli::{ExchangeAction, KeepArg};
use crate::domain::rules::shown;
use crate::exchange;
use crate::locale::Lang;
use crate::locale::exchange as words;
use crate::locale::fmt::{count, date_opt, date_short};
use crate::store::exchange::Keep;

pub fn exchange(lang: Lang, path: &Path, action: ExchangeAction) -> Result<()> {
    match action {
        ExchangeAction::Setup { unit, out } => {
            let mut district = super::open_store(path)?;
            let done = exchange::set_up(&mut district, &unit, &out, today())?;
            println!("{}", words::set_up(lang, &done));
            Ok(())
        }
        ExchangeAction::Send {
            province: true,
            out,
            again,
            ..
        } => {
            let mut store = super::open_store(path)?;
            if again {
                let written = exchange::province::resend(&store, &out)?;
                for file in &written {
                    println!("{}", file.display());
                }
                println!("{}", words::resent(lang, written.len(), &out));
                return Ok(());
            }
            let sent = exchange::province::send(&mut store, &out)?;
            println!("{}", crate::locale::hub::province_sent(lang, &sent));
            Ok(())
        }
        ExchangeAction::Send {
            unit, out, again, ..
        } => {
            let mut store = super::open_store(path)?;
            if again {
                let written = exchange::resend(&store, unit.as_deref(), &out)?;
                for file in &written {
                    println!("{}", file.display());
                }
                println!("{}", words::resent(lang, written.len(), &out));
                return Ok(());
            }
            let sent = exchange::send(&mut store, unit.as_deref(), &out)?;
            println!("{}", words::sent(lang, &sent));
            Ok(())
        }
        ExchangeAction::Receive { files } => receive(lang, path, &files),
        ExchangeAction::Conflicts { all, json } => conflicts(lang, path, all, json),
        ExchangeAction::Resolve { id, keep } => {
            let mut store = super::open_store(path)?;
            let keep = match keep {
                KeepArg::Sent => Keep::Sent,
                KeepArg::Ours => Keep::Ours,
            };
            let done = store.resolve_conflict(id, keep, today())?;
            let unit = store.load()?.unit_name(done.unit_id);
            println!(
                "{}",
                words::resolved(lang, id, &unit, done.date, keep == Keep::Sent)
            );
            Ok(())
        }
        ExchangeAction::Status { json } => status(lang, path, json),
    }
}

/// Receives each file in its own transaction; a refused file is said and the others still
/// go in. Fails (exit 1) if any was refused.
fn receive(lang: Lang, path: &Path, files: &[std::path::PathBuf]) -> Result<()> {
    let files =
        &exchange::bundles_in(files).map_err(|e| anyhow::anyhow!("{}", words::error(lang, &e)))?;
    let mut store = super::open_store(path)?;
    let mut receiver = exchange::Receiver::new(&mut store, today());
    let mut refused = 0;
    for file in files {
        match receiver.receive(file) {
            Ok(receipt) => println!("{}", shown(&words::receipt(lang, file, &receipt))),
            Err(error) => {
                eprintln!("{}", shown(&words::error(lang, &error)));
                refused += 1;
            }
        }
    }
    if refused > 0 {
        bail!(
            "{}",
            match (lang, refused == files.len() as u64) {
                (Lang::Id, true) => "tidak ada berkas yang diterima".to_string(),
                (Lang::En, true) => "no file was received".to_string(),
                (Lang::Id, false) => format!(
                    "{} dari {} berkas tidak diterima; yang lain sudah diterima",
                    count(lang, refused),
                    count(lang, files.len() as u64)
                ),
                (Lang::En, false) => format!(
                    "{} of {} file(s) refused; the others were received",
                    count(lang, refused),
                    count(lang, files.len() as u64)
                ),
            }
        );
    }
    Ok(())
}

fn conflicts(lang: Lang, path: &Path, all: bool, json: bool) -> Result<()> {
    let store = super::open_reader(path)?;
    let data = store.load()?;
    let list = store.conflicts(!all)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&list)?);
        return Ok(());
    }
    if list.is_empty() {
        println!(
            "{}",
            match lang {
                Lang::Id => "tidak ada konflik yang menunggu keputusan",
                Lang::En => "no conflict waits for a decision",
            }
        );
        return Ok(());
    }
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|c| {
            vec![
                c.id.to_string(),
                data.unit_name(c.unit_id),
                date_short(lang, c.date),
                c.sequence.to_string(),
                words::report_brief(lang, c.sent.as_ref()),
                words::report_brief(lang, c.ours.as_ref()),
                words::conflict_state(lang, c),
            ]
        })
        .collect();
    let mut right = [false; 7];
    right[0] = true;
    right[3] = true;
    print!(
        "{}",
        table::render(words::conflict_headers(lang), &rows, &right)
    );
    Ok(())
}

fn status(lang: Lang, path: &Path, json: bool) -> Result<()> {
    let store = super::open_reader(path)?;
    let list = exchange::status(&store, today())?;
    if json {
        println!("{}", serde_json::to_string_pretty(&list)?);
        return Ok(());
    }
    let rows: Vec<Vec<String>> = list
        .iter()
        .filter(|s| s.peer.active)
        .map(|s| {
            let held = match s.waiting_for {
                Some(missing) => format!(
                    "{} ({} {missing})",
                    s.held
                        .iter()
                        .map(u64::to_string)
                        .collect::<Vec<_>>()
                        .join(", "),
                    match lang {
                        Lang::Id => "menunggu",
                        Lang::En => "waiting for",
                    }
                ),
                None => String::new(),
            };
            let confirmed = s.sent.iter().filter(|b| b.confirmed_at.is_some()).count();
            vec![
                s.unit.clone(),
                s.last_applied
                    .as_ref()
                    .map(|r| r.sequence.to_string())
                    .unwrap_or_default(),
                s.last_applied
                    .as_ref()
                    .and_then(|r| r.applied_at.as_deref())
                    .map(|at| at.chars().take(16).collect::<String>().replace('T', " "))
                    .unwrap_or_default(),
                date_opt(lang, s.last_day),
                count(lang, s.days_behind as u64),
                held,
                count(lang, s.open_conflicts as u64),
                format!("{} / {confirmed}", s.sent.len()),
            ]
        })
        .collect();
    let right = [false, true, false, false, true, false, true, true];
    print!(
        "{}",
        table::render(words::status_headers(lang), &rows, &right)
    );
    Ok(())
}

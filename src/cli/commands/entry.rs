//! Daily work: a day's report, a blank-card movement, importing and exporting files.

use std::path::Path;

use anyhow::{Result, bail};
use chrono::NaiveDate;

use super::{count_arg, date_arg, open_for_cache, refusal, say, slip_history, today};
use crate::cli::{AddReportArgs, ImportKind, ReturnDirection, StockAction, StockArgs};
use crate::domain::rules::{self, Place};
use crate::domain::{Counts, DailyReport, PrrCounts, StockEvent, StockEventKind};
use crate::locale::Lang;
use crate::locale::cli::{Said, said};

pub fn add_report(lang: Lang, path: &Path, args: &AddReportArgs) -> Result<()> {
    let mut store = super::open_store(path)?;
    let date = date_arg(lang, "--date", &args.date)?;
    // The data read here is the data the save judges against: read once, and let go of
    // before the save so that it changes it in place.
    let (unit_id, at) = {
        let data = store.snapshot()?;
        let unit = data.find_unit(&args.unit)?;
        let at = Place {
            unit: Some(unit.name.clone()),
            date,
        };
        (unit.id, at)
    };
    let report = DailyReport {
        unit_id,
        date,
        counts: Counts {
            recorded: count_arg(&at, "recorded", &args.recorded)?,
            sent_to_central: count_arg(&at, "sent", &args.sent)?,
            printed: count_arg(&at, "printed", &args.printed)?,
            suket_issued: count_arg(&at, "suket", &args.suket)?,
        },
        server_ok: !args.server_down,
        note: args.note.trim().to_string(),
        prr: prr_args(&at, args)?,
    };
    let outcome = store.save_report(&report, today())?;
    say(
        lang,
        &Said::ReportSaved {
            at: &at,
            saved: outcome.saved,
        },
    );
    for outlier in &outcome.outliers {
        say(
            lang,
            &Said::OutlierKept {
                at: &at,
                outlier,
                note: &report.note,
            },
        );
    }
    Ok(())
}

/// The day's PRR, DUP, Efac and retaken: unknown without `--prr`; with it, the others are 0
/// where not given. `--dup`, `--efac` or `--efac-retaken` without `--prr` is refused.
fn prr_args(at: &Place, args: &AddReportArgs) -> Result<Option<PrrCounts>> {
    let Some(prr) = &args.prr else {
        if args.dup.is_some() || args.efac.is_some() || args.efac_retaken.is_some() {
            // Refused as an empty PRR ("PRR kosong; isi 0 bila tidak ada"), the rule's words.
            if let Err(refused) = rules::parse_count_at(at, "prr", "") {
                return Err(refused.into());
            }
        }
        return Ok(None);
    };
    let or_zero = |field: &'static str, text: &Option<String>| match text {
        Some(text) => count_arg(at, field, text),
        None => Ok(0),
    };
    Ok(Some(PrrCounts {
        prr: count_arg(at, "prr", prr)?,
        dup: or_zero("dup", &args.dup)?,
        efac: or_zero("efac", &args.efac)?,
        efac_retaken: or_zero("efac_retaken", &args.efac_retaken)?,
    }))
}

/// Deletes one unit's report of one date, in one audited transaction; a date with no report
/// is refused and changes nothing.
pub fn delete_report(lang: Lang, path: &Path, unit: &str, date: &str) -> Result<()> {
    let mut store = super::open_store(path)?;
    let date = date_arg(lang, "--date", date)?;
    let (unit_id, at, old) = {
        let data = store.snapshot()?;
        let unit = data.find_unit(unit)?;
        let at = Place {
            unit: Some(unit.name.clone()),
            date,
        };
        let Some(old) = data.reports.get(&(unit.id, date)).cloned() else {
            return Err(refusal(lang, &Said::NoReportToDelete(&at)));
        };
        (unit.id, at, old)
    };
    if !store.delete_report(unit_id, date)? {
        return Err(refusal(lang, &Said::NoReportToDelete(&at)));
    }
    say(
        lang,
        &Said::ReportDeleted {
            at: &at,
            counts: &old.counts,
        },
    );
    Ok(())
}

pub fn stock(lang: Lang, path: &Path, args: &StockArgs) -> Result<()> {
    let mut store = super::open_store(path)?;
    let date = date_arg(lang, "--date", &args.date)?;
    let at = Place { unit: None, date };
    let kind = match (args.action, args.direction) {
        (StockAction::Receive, _) => StockEventKind::Receipt,
        (StockAction::Spoil, _) => StockEventKind::Spoiled,
        (StockAction::Lend, _) => StockEventKind::Lent,
        (StockAction::Borrow, _) => StockEventKind::Borrowed,
        (StockAction::Return, ReturnDirection::Out) => StockEventKind::ReturnedOut,
        (StockAction::Return, ReturnDirection::In) => StockEventKind::ReturnedIn,
        (StockAction::Count, _) => StockEventKind::Count,
    };
    let event = StockEvent {
        id: None,
        date,
        kind,
        quantity: count_arg(&at, "quantity", &args.quantity)?,
        document: args.document.trim().to_string(),
        counterparty: args.counterparty.trim().to_string(),
        note: args.note.trim().to_string(),
    };
    let id = store.add_stock_event(&event, today())?;
    let data = store.load()?;
    let balance = data.stock_card().balance_at_end_of(date);
    say(
        lang,
        &Said::StockBooked {
            date,
            cause: &crate::locale::stock_cause(lang, &rules::stock_event_cause(&event)),
            id,
            balance: balance.map(|b| b.max(0) as u64),
        },
    );
    Ok(())
}

pub fn import(
    lang: Lang,
    path: &Path,
    input: &Path,
    dry_run: bool,
    kind: Option<ImportKind>,
    (cumulative, month): (bool, Option<&str>),
) -> Result<()> {
    use crate::io::import::{Kind, Options, parse_month, plan_with};
    use std::io::IsTerminal;
    let mut store = super::open_store(path)?;
    let data = store.load()?;
    let kind = kind.map(|k| match k {
        ImportKind::Reports => Kind::Reports,
        ImportKind::Stock => Kind::Stock,
    });
    let month = match month {
        None => None,
        Some(text) => Some(parse_month(text).ok_or_else(|| {
            anyhow::anyhow!(crate::locale::access::said(
                lang,
                &crate::locale::access::AccessSaid::NotAMonth { text }
            ))
        })?),
    };
    let options = Options {
        kind,
        cumulative,
        month,
    };
    let progress = std::sync::Arc::new(crate::progress::Progress::default());
    let plan = std::thread::scope(|scope| {
        let worker = scope.spawn(|| plan_with(&data, input, &options, today(), &progress));
        let show = std::io::stderr().is_terminal();
        while !worker.is_finished() {
            let (done, total) = progress.get();
            if show && total > 500 {
                eprint!("\r{}", said(lang, &Said::CheckingRows { done, total }));
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        if show && progress.get().1 > 500 {
            eprintln!();
        }
        worker.join()
    })
    .map_err(|_| refusal(lang, &Said::ImportStopped))??;
    // A header of a hundred thousand columns is not a hundred thousand lines.
    let shown = crate::io::import::SHOWN_PROBLEMS;
    for note in plan.notes.iter().take(shown) {
        let note = crate::locale::import_note(lang, note);
        eprintln!(
            "{}",
            crate::domain::rules::shown(&said(lang, &Said::Note(&note)))
        );
    }
    if plan.notes.len() > shown {
        let more = plan.notes.len() - shown;
        eprintln!("{}", said(lang, &Said::MoreNotes(more)));
    }
    if plan.problem_count > 0 {
        super::show_problems(lang, &plan.problems, plan.problem_count);
        bail!(
            "{}",
            said(
                lang,
                &Said::Refused {
                    problems: plan.problem_count,
                    file: input,
                    creating: false
                }
            )
        );
    }
    const FLAGS_SHOWN: usize = 20;
    for flagged in plan.flagged.iter().take(FLAGS_SHOWN) {
        say(
            lang,
            &Said::Flagged {
                file: &plan.source.file,
                sheet: flagged.sheet.as_deref(),
                row: flagged.row,
                unit: &flagged.unit,
                date: flagged.date,
                outlier: &flagged.outlier,
            },
        );
    }
    if plan.flagged.len() > FLAGS_SHOWN {
        say(lang, &Said::MoreFlagged(plan.flagged.len() - FLAGS_SHOWN));
    }
    let tr = lang.tr();
    let counts = format!(
        "{}{}",
        (tr.import_counts)(plan.new, plan.updated, plan.unchanged),
        (tr.flagged_count)(plan.flagged.len())
    );
    if dry_run {
        say(lang, &Said::WouldImport { counts: &counts });
        return Ok(());
    }
    drop(data);
    store.import(&plan.reports, &plan.events, &plan.source, today())?;
    say(lang, &Said::Imported { counts: &counts });
    Ok(())
}

pub fn export(
    lang: Lang,
    path: &Path,
    out: &Path,
    from: Option<&str>,
    to: Option<&str>,
) -> Result<()> {
    let from = from
        .map(|t| date_arg(lang, "--from", t))
        .transpose()?
        .unwrap_or(NaiveDate::MIN);
    let to = to
        .map(|t| date_arg(lang, "--to", t))
        .transpose()?
        .unwrap_or(NaiveDate::MAX);
    let extension = out
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let mut openings = None;
    let rows = match extension.as_str() {
        "csv" => {
            let data = super::open_reader(path)?.load()?;
            if !data.openings.is_empty() {
                let file = crate::io::export::openings_csv_path(out);
                let units = crate::io::export::openings_csv(&data, &file)?;
                openings = Some((units, file));
            }
            crate::io::export::reports_csv(&data, out, from, to)?
        }
        "xlsx" => {
            let (mut store, writable) = open_for_cache(path)?;
            let data = store.load()?;
            let slip = slip_history(lang, &mut store, writable, &data, None, 60, false)?;
            crate::io::export::workbook(&data, &slip, out, from, to, lang)?
        }
        _ => return Err(refusal(lang, &Said::ExportType(out))),
    };
    say(lang, &Said::Exported { path: out, rows });
    if let Some((units, file)) = openings {
        say(lang, &Said::OpeningsExported { path: &file, units });
    }
    Ok(())
}

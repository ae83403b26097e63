//! One function per subcommand: parse the raw arguments into domain values once, call the
//! store, print the outcome.

use std::path::Path;

use anyhow::{Result, anyhow, bail};
use chrono::NaiveDate;

use super::table;
use super::{
    AddReportArgs, DeadlineAction, DeliveryAction, HolidayAction, OpeningAction, ReturnDirection,
    SeasonAction, StockAction, StockArgs, TargetAction, UnitAction,
};
use crate::demo;
use crate::domain::calendar::{DEFAULT_HOLIDAYS_CSV, parse_date, parse_holidays_csv};
use crate::domain::dataset::PROGRAMME_START;
use crate::domain::number::format_id;
use crate::domain::rules::{self, Place};
use crate::domain::summary::{Progress, Summary, summarize};
use crate::domain::{
    Counts, DailyReport, Deadline, Holiday, HolidayKind, NewOffice, NewUnit, Office,
    OpeningBalance, StockEvent, StockEventKind, Target, Unit, UnitKind, UnitSetup,
};
use crate::store::{self, Saved, Store};

fn today() -> NaiveDate {
    crate::clock::today()
}

fn date_arg(flag: &str, text: &str) -> Result<NaiveDate> {
    parse_date(text).map_err(|e| anyhow!("{flag}: {e}"))
}

pub fn demo(path: &Path, force: bool) -> Result<()> {
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
    println!(
        "created {} — illustrative Sampang data, {} units, {} daily reports, {} stock events",
        path.display(),
        data.units.len(),
        data.reports.len(),
        data.stock_events.len()
    );
    println!(
        "on {}: recorded {}, printed {}, wajib KTP {}",
        demo::ANCHOR_DATE,
        format_id(summary.total.recorded),
        format_id(summary.total.printed),
        format_id(summary.total.wajib_ktp.unwrap_or(0))
    );
    Ok(())
}

/// Prints a file's problems, one a line, and refuses; nothing was written.
fn refuse_problems(problems: &[crate::io::import::Problem], input: &Path) -> Result<()> {
    if problems.is_empty() {
        return Ok(());
    }
    for problem in problems {
        println!("{problem}");
    }
    bail!(
        "refused: {} problem(s) in {}; nothing imported",
        problems.len(),
        input.display()
    );
}

pub fn init(path: &Path, office: &str, units_file: Option<&Path>) -> Result<()> {
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
                for problem in &problems {
                    println!("{problem}");
                }
                bail!(
                    "refused: {} problem(s) in {}; nothing created",
                    problems.len(),
                    file.display()
                );
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
    let holidays = parse_holidays_csv(DEFAULT_HOLIDAYS_CSV).map_err(|e| anyhow!(e))?;
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
    let targets = setup.units.iter().filter(|u| u.wajib_ktp.is_some()).count();
    println!(
        "created {} for {} with {} units: {}{}",
        path.display(),
        setup.office.name,
        setup.units.len(),
        setup
            .units
            .iter()
            .map(|u| u.unit.name.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        match targets {
            0 => String::new(),
            n => format!("; wajib KTP of {n} unit(s) in force from {PROGRAMME_START}"),
        }
    );
    Ok(())
}

/// The `--as-of` date, or the last date with data (today at the latest).
fn as_of_arg(data: &crate::domain::Dataset, as_of: Option<&str>) -> Result<NaiveDate> {
    Ok(match as_of {
        Some(text) => date_arg("--as-of", text)?,
        None => data.last_activity().unwrap_or_else(today).min(today()),
    })
}

pub fn summary(path: &Path, as_of: Option<&str>, json: bool) -> Result<()> {
    let store = Store::open_read_only(path)?;
    let data = store.load()?;
    let as_of = as_of_arg(&data, as_of)?;
    let summary = summarize(&data, as_of);
    if json {
        println!("{}", serde_json::to_string_pretty(&summary)?);
    } else {
        print!("{}", summary_text(&summary));
    }
    Ok(())
}

fn percent(value: Option<f64>) -> String {
    value
        .map(|v| format!("{v:.1} %").replace('.', ","))
        .unwrap_or_else(|| "—".to_string())
}

fn progress_row(name: &str, p: &Progress) -> Vec<String> {
    vec![
        name.to_string(),
        p.wajib_ktp
            .map(format_id)
            .unwrap_or_else(|| "—".to_string()),
        format_id(p.recorded),
        format_id(p.sent_to_central),
        format_id(p.printed),
        format_id(p.suket_issued),
        format_id(p.backlog_to_send),
        format_id(p.backlog_to_print),
        percent(p.coverage_pct),
        percent(p.printed_pct),
    ]
}

fn summary_text(s: &Summary) -> String {
    let mut out = format!("{} — per {}\n", s.office, s.as_of.format("%d-%m-%Y"));
    if let Some(d) = &s.deadline {
        out.push_str(&format!(
            "Tenggat yang berlaku: {} (diputuskan {})\n",
            d.deadline.format("%d-%m-%Y"),
            d.decided_on.format("%d-%m-%Y")
        ));
    }
    out.push('\n');
    let header = [
        "Unit",
        "Wajib KTP",
        "Rekam",
        "Terkirim",
        "Cetak",
        "Suket",
        "Blm kirim",
        "Blm cetak",
        "% rekam",
        "% cetak",
    ];
    let mut rows: Vec<Vec<String>> = s
        .units
        .iter()
        .map(|u| progress_row(&u.name, &u.progress))
        .collect();
    rows.push(progress_row("JUMLAH", &s.total));
    let mut right = [true; 10];
    right[0] = false;
    out.push_str(&table::render(&header, &rows, &right));
    out.push('\n');
    let stock = &s.stock;
    match stock.on_hand {
        None => {
            out.push_str("Stok blangko: belum diketahui (belum ada penerimaan atau stok opname)\n")
        }
        Some(on_hand) if on_hand <= 0 => out.push_str(&format!(
            "Stok blangko: habis (rata-rata cetak {} per hari)\nHari kerja stok kosong: {}\n",
            format_id(stock.print_rate_per_day.round() as u64),
            stock.stockout_days
        )),
        Some(on_hand) => {
            let days = match stock.days_of_stock {
                Some(days) => format!(
                    "cukup {} hari kerja",
                    format!("{days:.1}").replace('.', ",")
                ),
                None => "tidak ada cetak dalam 14 hari kerja terakhir".to_string(),
            };
            out.push_str(&format!(
                "Stok blangko: {} lembar ({days}; rata-rata cetak {} per hari)\n",
                format_id(on_hand.max(0) as u64),
                format_id(stock.print_rate_per_day.round() as u64)
            ));
            out.push_str(&format!(
                "Hari kerja stok kosong: {}\n",
                stock.stockout_days
            ));
        }
    }
    out
}

fn count_arg(at: &Place, field: &'static str, text: &str) -> Result<u64> {
    Ok(rules::parse_count_at(at, field, text)?)
}

pub fn add_report(path: &Path, args: &AddReportArgs) -> Result<()> {
    let mut store = Store::open(path)?;
    let data = store.load()?;
    let date = date_arg("--date", &args.date)?;
    let unit = data.find_unit(&args.unit)?;
    let at = Place {
        unit: Some(unit.name.clone()),
        date,
    };
    let report = DailyReport {
        unit_id: unit.id,
        date,
        counts: Counts {
            recorded: count_arg(&at, "recorded", &args.recorded)?,
            sent_to_central: count_arg(&at, "sent", &args.sent)?,
            printed: count_arg(&at, "printed", &args.printed)?,
            suket_issued: count_arg(&at, "suket", &args.suket)?,
        },
        server_ok: !args.server_down,
        note: args.note.trim().to_string(),
    };
    let outcome = store.save_report(&report, today())?;
    let what = match outcome.saved {
        Saved::Inserted => "saved new report",
        Saved::Updated => "updated report",
        Saved::Unchanged => "unchanged (the same values are already stored)",
    };
    println!("{at}: {what}");
    for outlier in &outcome.outliers {
        println!(
            "{at}: note: {outlier}; saved with the note \"{}\"",
            report.note
        );
    }
    Ok(())
}

pub fn stock(path: &Path, args: &StockArgs) -> Result<()> {
    let mut store = Store::open(path)?;
    let date = date_arg("--date", &args.date)?;
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
    println!(
        "{date}: booked {} (#{id}); blanks in stock at the end of the day: {}",
        rules::stock_event_cause(&event),
        balance
            .map(|b| format_id(b.max(0) as u64))
            .unwrap_or_else(|| "unknown".to_string())
    );
    Ok(())
}

pub fn unit(path: &Path, action: UnitAction) -> Result<()> {
    let (name, done) = match action {
        UnitAction::List => return list_units(path),
        UnitAction::Add {
            name,
            code,
            district,
        } => {
            let kind = if district {
                UnitKind::District
            } else {
                UnitKind::Kecamatan
            };
            Store::open(path)?.add_unit(&NewUnit {
                name: name.clone(),
                code,
                kind,
            })?;
            (name, "added".to_string())
        }
        UnitAction::Rename { name, to } => {
            let unit = change_unit(path, &name, |u| u.name = to.clone())?;
            (name, format!("renamed to {}", unit.name))
        }
        UnitAction::Deactivate { name } => {
            let unit = change_unit(path, &name, |u| u.active = false)?;
            (unit.name, "deactivated; its data is kept".to_string())
        }
        UnitAction::Activate { name } => {
            let unit = change_unit(path, &name, |u| u.active = true)?;
            (unit.name, "active".to_string())
        }
    };
    println!("unit {name}: {done}");
    Ok(())
}

/// Loads the unit named `name`, applies `change` and stores it; returns the stored unit.
fn change_unit(path: &Path, name: &str, change: impl FnOnce(&mut Unit)) -> Result<Unit> {
    let mut store = Store::open(path)?;
    let data = store.load()?;
    let mut unit = data.find_unit(name)?.clone();
    change(&mut unit);
    store.update_unit(&unit)?;
    Ok(store.load()?.unit(unit.id).cloned().unwrap_or(unit))
}

fn list_units(path: &Path) -> Result<()> {
    let data = Store::open_read_only(path)?.load()?;
    let rows: Vec<Vec<String>> = data
        .units
        .iter()
        .map(|u| {
            vec![
                u.name.clone(),
                u.code.clone().unwrap_or_default(),
                u.kind.as_str().to_string(),
                if u.active { "aktif" } else { "nonaktif" }.to_string(),
            ]
        })
        .collect();
    print!(
        "{}",
        table::render(&["Unit", "Kode", "Jenis", "Status"], &rows, &[false; 4])
    );
    Ok(())
}

pub fn target(path: &Path, action: TargetAction) -> Result<()> {
    match action {
        TargetAction::List => {
            let data = Store::open_read_only(path)?.load()?;
            let mut rows = Vec::new();
            for unit in &data.units {
                let mut targets: Vec<&Target> = data
                    .targets
                    .iter()
                    .filter(|t| t.unit_id == unit.id)
                    .collect();
                targets.sort_by_key(|t| t.effective_from);
                if targets.is_empty() {
                    rows.push(vec![unit.name.clone(), "—".to_string()]);
                }
                for t in targets {
                    rows.push(vec![
                        unit.name.clone(),
                        t.effective_from.to_string(),
                        format_id(t.wajib_ktp),
                    ]);
                }
            }
            print!(
                "{}",
                table::render(
                    &["Unit", "Berlaku mulai", "Wajib KTP"],
                    &rows,
                    &[false, false, true]
                )
            );
        }
        TargetAction::Set { unit, wajib, from } => {
            let mut store = Store::open(path)?;
            let data = store.load()?;
            let from = date_arg("--from", &from)?;
            let unit = data.find_unit(&unit)?;
            let at = Place {
                unit: Some(unit.name.clone()),
                date: from,
            };
            let target = Target {
                unit_id: unit.id,
                effective_from: from,
                wajib_ktp: count_arg(&at, "wajib", &wajib)?,
            };
            store.set_target(&target)?;
            println!(
                "{at}: wajib KTP {} from this day on",
                format_id(target.wajib_ktp)
            );
        }
        TargetAction::Import { input } => {
            let mut store = Store::open(path)?;
            let data = store.load()?;
            let plan = crate::io::import::plan_targets(&data, &input);
            refuse_problems(&plan.problems, &input)?;
            store.set_targets(&plan.targets)?;
            println!("targets set for {} unit(s)", plan.targets.len());
        }
    }
    Ok(())
}

pub fn deadline(path: &Path, action: DeadlineAction) -> Result<()> {
    match action {
        DeadlineAction::List => {
            let data = Store::open_read_only(path)?.load()?;
            let mut deadlines = data.deadlines.clone();
            deadlines.sort_by_key(|d| d.decided_on);
            let rows: Vec<Vec<String>> = deadlines
                .iter()
                .map(|d| {
                    vec![
                        d.decided_on.to_string(),
                        d.deadline.to_string(),
                        d.note.clone(),
                    ]
                })
                .collect();
            print!(
                "{}",
                table::render(&["Diputuskan", "Tenggat", "Catatan"], &rows, &[false; 3])
            );
        }
        DeadlineAction::Add {
            decided,
            deadline,
            note,
        } => {
            let decided = date_arg("--decided", &decided)?;
            let deadline = date_arg("--deadline", &deadline)?;
            Store::open(path)?.add_deadline(&Deadline {
                decided_on: decided,
                deadline,
                note: note.trim().to_string(),
            })?;
            println!("{decided}: the deadline is {deadline} from this decision on");
        }
        DeadlineAction::Remove { decided } => {
            let decided = date_arg("--decided", &decided)?;
            if Store::open(path)?.remove_deadline(decided)? {
                println!("{decided}: decision removed");
            } else {
                bail!("--decided {decided}: there is no decision taken on that day");
            }
        }
    }
    Ok(())
}

pub fn opening(path: &Path, action: OpeningAction) -> Result<()> {
    match action {
        OpeningAction::List => {
            let data = Store::open_read_only(path)?.load()?;
            let rows: Vec<Vec<String>> = data
                .units
                .iter()
                .map(|unit| match data.openings.get(&unit.id) {
                    Some(o) => vec![
                        unit.name.clone(),
                        o.as_of.to_string(),
                        format_id(o.counts.recorded),
                        format_id(o.counts.sent_to_central),
                        format_id(o.counts.printed),
                        format_id(o.counts.suket_issued),
                    ],
                    None => vec![unit.name.clone(), "—".to_string()],
                })
                .collect();
            print!(
                "{}",
                table::render(
                    &["Unit", "Per tanggal", "Rekam", "Terkirim", "Cetak", "Suket"],
                    &rows,
                    &[false, false, true, true, true, true]
                )
            );
        }
        OpeningAction::Import { input } => {
            let mut store = Store::open(path)?;
            let data = store.load()?;
            let plan = crate::io::import::plan_openings(&data, &input);
            refuse_problems(&plan.problems, &input)?;
            store.set_opening_balances(&plan.openings, today())?;
            println!("opening totals set for {} unit(s)", plan.openings.len());
        }
        OpeningAction::Set {
            unit,
            as_of,
            recorded,
            sent,
            printed,
            suket,
        } => {
            let mut store = Store::open(path)?;
            let data = store.load()?;
            let as_of = date_arg("--as-of", &as_of)?;
            let unit = data.find_unit(&unit)?;
            let at = Place {
                unit: Some(unit.name.clone()),
                date: as_of,
            };
            let opening = OpeningBalance {
                unit_id: unit.id,
                as_of,
                counts: Counts {
                    recorded: count_arg(&at, "recorded", &recorded)?,
                    sent_to_central: count_arg(&at, "sent", &sent)?,
                    printed: count_arg(&at, "printed", &printed)?,
                    suket_issued: count_arg(&at, "suket", &suket)?,
                },
            };
            store.set_opening_balance(&opening, today())?;
            let c = &opening.counts;
            println!(
                "{at}: opening totals recorded {}, sent {}, printed {}, suket {}",
                format_id(c.recorded),
                format_id(c.sent_to_central),
                format_id(c.printed),
                format_id(c.suket_issued)
            );
        }
    }
    Ok(())
}

pub fn holiday(path: &Path, action: HolidayAction) -> Result<()> {
    match action {
        HolidayAction::List => {
            let data = Store::open_read_only(path)?.load()?;
            let rows: Vec<Vec<String>> = data
                .calendar
                .holidays()
                .map(|h| {
                    vec![
                        h.date.to_string(),
                        h.kind.as_str().to_string(),
                        h.name.clone(),
                    ]
                })
                .collect();
            print!(
                "{}",
                table::render(&["Tanggal", "Jenis", "Nama"], &rows, &[false; 3])
            );
        }
        HolidayAction::Add {
            date,
            name,
            cuti_bersama,
        } => {
            let date = date_arg("--date", &date)?;
            if name.trim().is_empty() {
                bail!("--name: a holiday needs a name");
            }
            let kind = if cuti_bersama {
                HolidayKind::CutiBersama
            } else {
                HolidayKind::Libur
            };
            let holiday = Holiday {
                date,
                kind,
                name: name.trim().to_string(),
            };
            Store::open(path)?.set_holiday(&holiday)?;
            println!(
                "{date}: {} ({}) is not a working day",
                holiday.name,
                kind.as_str()
            );
        }
        HolidayAction::Remove { date } => {
            let date = date_arg("--date", &date)?;
            if !Store::open(path)?.remove_holiday(date)? {
                bail!("{date}: there is no holiday on this date");
            }
            println!("{date}: removed from the holidays");
        }
    }
    Ok(())
}

pub fn delivery(path: &Path, action: DeliveryAction) -> Result<()> {
    match action {
        DeliveryAction::List => {
            let data = Store::open_read_only(path)?.load()?;
            let rows: Vec<Vec<String>> = data
                .planned_deliveries
                .iter()
                .map(|p| {
                    vec![
                        p.id.unwrap_or_default().to_string(),
                        p.expected_on.to_string(),
                        format_id(p.quantity),
                        p.planned_on.to_string(),
                        p.note.clone(),
                    ]
                })
                .collect();
            let header = ["#", "Diharapkan", "Jumlah", "Diumumkan", "Catatan"];
            print!(
                "{}",
                table::render(&header, &rows, &[true, false, true, false, false])
            );
        }
        DeliveryAction::Add {
            expected,
            quantity,
            announced,
            note,
        } => {
            let expected_on = date_arg("--expected", &expected)?;
            let planned_on = match announced {
                Some(text) => date_arg("--announced", &text)?,
                None => today(),
            };
            let at = Place {
                unit: None,
                date: expected_on,
            };
            let plan = crate::domain::PlannedDelivery {
                id: None,
                planned_on,
                expected_on,
                quantity: count_arg(&at, "quantity", &quantity)?,
                note: note.trim().to_string(),
            };
            let id = Store::open(path)?.add_planned_delivery(&plan)?;
            println!(
                "{expected_on}: {} blanks expected (#{id}, announced {planned_on})",
                format_id(plan.quantity)
            );
        }
        DeliveryAction::Remove { id } => {
            if !Store::open(path)?.delete_planned_delivery(id)? {
                bail!("there is no announced delivery #{id}");
            }
            println!("announced delivery #{id} removed");
        }
    }
    Ok(())
}

pub fn season(path: &Path, action: SeasonAction) -> Result<()> {
    match action {
        SeasonAction::List => {
            let data = Store::open_read_only(path)?.load()?;
            let rows: Vec<Vec<String>> = data
                .season_factors
                .iter()
                .map(|s| {
                    vec![
                        s.id.unwrap_or_default().to_string(),
                        s.first_day.to_string(),
                        s.last_day.to_string(),
                        s.factor.to_string().replace('.', ","),
                        s.name.clone(),
                    ]
                })
                .collect();
            let header = ["#", "Dari", "Sampai", "Faktor", "Nama"];
            print!(
                "{}",
                table::render(&header, &rows, &[true, false, false, true, false])
            );
        }
        SeasonAction::Add {
            from,
            to,
            factor,
            name,
        } => {
            let season = crate::domain::SeasonFactor {
                id: None,
                first_day: date_arg("--from", &from)?,
                last_day: date_arg("--to", &to)?,
                factor,
                name: name.trim().to_string(),
            };
            let id = Store::open(path)?.add_season_factor(&season)?;
            println!(
                "{} to {}: work at {} of the usual pace (#{id})",
                season.first_day, season.last_day, season.factor
            );
        }
        SeasonAction::Remove { id } => {
            if !Store::open(path)?.delete_season_factor(id)? {
                bail!("there is no period #{id}");
            }
            println!("period #{id} removed");
        }
    }
    Ok(())
}

pub fn check(path: &Path) -> Result<()> {
    let store = Store::open_read_only(path)?;
    let mut problems = store.integrity_problems()?;
    let data = store.load()?;
    problems.extend(
        rules::check_dataset(&data, today())
            .iter()
            .map(|p| p.to_string()),
    );
    let warnings = rules::unexplained_outliers(&data);
    for (at, outlier) in &warnings {
        println!("warning: {at}: {outlier}; there is no note that explains it");
    }
    if problems.is_empty() {
        let unexplained = match warnings.len() {
            0 => String::new(),
            n => format!(" ({n} outlier(s) without a note, listed above as warnings)"),
        };
        println!(
            "{}: ok — file intact; {} units, {} daily reports, {} stock events obey every \
             rule{unexplained}",
            path.display(),
            data.units.len(),
            data.reports.len(),
            data.stock_events.len()
        );
        return Ok(());
    }
    for problem in &problems {
        println!("{problem}");
    }
    bail!("{}: {} problem(s) found", path.display(), problems.len())
}

/// Characters of an audit row's values shown in the terminal; an import's list of rows is kept
/// whole in the database.
const AUDIT_VALUES_SHOWN: usize = 400;

/// `text`, cut to `max` characters with an ellipsis and the full length.
fn shorten(text: &str, max: usize) -> String {
    let length = text.chars().count();
    if length <= max {
        return text.to_string();
    }
    let kept: String = text.chars().take(max).collect();
    format!("{kept}… ({length} characters)")
}

pub fn audit(path: &Path, limit: Option<usize>) -> Result<()> {
    let store = Store::open_read_only(path)?;
    let entries = store.audit_log(limit)?;
    if entries.is_empty() {
        println!("the audit trail is empty");
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
                shorten(&e.changes(), AUDIT_VALUES_SHOWN),
            ]
        })
        .collect();
    let header = ["#", "at", "user", "action", "table", "key", "values"];
    print!(
        "{}",
        table::render(
            &header,
            &rows,
            &[true, false, false, false, false, false, false]
        )
    );
    Ok(())
}

pub fn forecast(
    path: &Path,
    as_of: Option<&str>,
    params: crate::forecast::ForecastParams,
    json: bool,
) -> Result<()> {
    if params.window_days < crate::forecast::MIN_WINDOW_DAYS || params.trials == 0 {
        bail!(
            "--window must be at least {} and --trials at least 1",
            crate::forecast::MIN_WINDOW_DAYS
        );
    }
    let data = Store::open_read_only(path)?.load()?;
    let as_of = as_of_arg(&data, as_of)?;
    let forecast = crate::forecast::forecast(&data, as_of, &params);
    if json {
        println!("{}", serde_json::to_string_pretty(&forecast)?);
    } else {
        print!("{}", forecast_text(&forecast));
    }
    Ok(())
}

fn forecast_text(f: &crate::forecast::Forecast) -> String {
    use crate::domain::calendar::format_short_id;
    let date = |d: Option<NaiveDate>| d.map(format_short_id).unwrap_or_else(|| "—".to_string());
    let mut out = format!("Perkiraan per {}\n", format_short_id(f.as_of));
    match f.deadline {
        Some(deadline) => out.push_str(&format!(
            "Tenggat yang berlaku: {}\n",
            format_short_id(deadline)
        )),
        None => out.push_str("Belum ada tenggat\n"),
    }
    out.push('\n');
    let header = [
        "Tonggak",
        "Sisa",
        "P50",
        "P85",
        "P95",
        "Peluang tepat waktu",
        "Laju/hari",
    ];
    let row = |name: &str, m: &crate::forecast::MilestoneForecast| {
        vec![
            name.to_string(),
            format_id(m.remaining),
            date(m.p50),
            date(m.p85),
            date(m.p95),
            percent(m.prob_by_deadline.map(|p| p * 100.0)),
            format_id(m.mean_daily_rate.round() as u64),
        ]
    };
    let rows = vec![
        row("Perekaman selesai", &f.recording),
        row("Semua memegang kartu", &f.printing),
    ];
    out.push_str(&table::render(
        &header,
        &rows,
        &[false, true, true, true, true, true, true],
    ));
    out.push('\n');
    let lang = crate::locale::Lang::Id;
    for (name, m) in [("Perekaman", &f.recording), ("Pencetakan", &f.printing)] {
        out.push_str(&format!(
            "{name}: dibatasi oleh {}\n",
            crate::locale::constraint(lang, &m.limited_by)
        ));
        if let Some(reason) = m.reason.as_ref().filter(|r| **r != m.limited_by) {
            out.push_str(&format!(
                "  tanpa tanggal: {}\n",
                crate::locale::constraint(lang, reason)
            ));
        }
    }
    out.push_str(&format!(
        "Blangko: {}\nDasar: {} hari kerja terakhir, {} percobaan Monte Carlo\n",
        crate::locale::blank_supply(lang, &f.blank_supply),
        f.window_days,
        format_id(f.trials as u64)
    ));
    out
}

fn check_window(window: usize) -> Result<()> {
    if window < crate::forecast::MIN_WINDOW_DAYS {
        bail!(
            "--window must be at least {}",
            crate::forecast::MIN_WINDOW_DAYS
        );
    }
    Ok(())
}

/// Opens the database to read, and to write the forecast cache where no other Pantau has it
/// open for writing.
fn open_for_cache(path: &Path) -> Result<(Store, bool)> {
    match Store::open(path) {
        Ok(store) => Ok((store, true)),
        Err(store::StoreError::Locked { .. }) => Ok((Store::open_read_only(path)?, false)),
        Err(other) => Err(other.into()),
    }
}

pub fn slip(
    path: &Path,
    from: Option<&str>,
    to: Option<&str>,
    window: usize,
    csv: bool,
) -> Result<()> {
    use crate::forecast::slip::{SlipRow, slip_dates};
    check_window(window)?;
    let (mut store, writable) = open_for_cache(path)?;
    let data = store.load()?;
    let history = crate::forecast::History::new(&data);
    let first = history.days().first().map(|d| d.date);
    let last = history.days().last().map(|d| d.date);
    let (Some(first), Some(last)) = (first, last) else {
        bail!(
            "{}: no daily reports yet, so there is no forecast to show",
            path.display()
        );
    };
    let from = from
        .map(|t| date_arg("--from", t))
        .transpose()?
        .unwrap_or(first);
    let to = to.map(|t| date_arg("--to", t)).transpose()?.unwrap_or(last);
    if from > to {
        bail!("--from {from} is after --to {to}");
    }
    let dates = slip_dates(&history, from, to);
    let forecasts = slip_history(&mut store, writable, &data, Some(dates), window, true)?;
    let rows: Vec<SlipRow> = forecasts.iter().map(SlipRow::from).collect();
    let iso = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    if csv {
        let mut writer = csv::Writer::from_writer(std::io::stdout().lock());
        writer.write_record([
            "as_of",
            "deadline",
            "recording_p50",
            "recording_p85",
            "printing_p50",
            "printing_p85",
        ])?;
        for r in &rows {
            writer.write_record([
                r.as_of.to_string(),
                iso(r.deadline),
                iso(r.recording_p50),
                iso(r.recording_p85),
                iso(r.printing_p50),
                iso(r.printing_p85),
            ])?;
        }
        writer.flush()?;
        return Ok(());
    }
    let header = [
        "Per tanggal",
        "Tenggat",
        "Rekam P50",
        "Rekam P85",
        "Cetak P50",
        "Cetak P85",
    ];
    let dash = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_else(|| "—".to_string());
    let table_rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                r.as_of.to_string(),
                dash(r.deadline),
                dash(r.recording_p50),
                dash(r.recording_p85),
                dash(r.printing_p50),
                dash(r.printing_p85),
            ]
        })
        .collect();
    print!("{}", table::render(&header, &table_rows, &[false; 6]));
    Ok(())
}

pub fn backtest(path: &Path, window: usize, json: bool) -> Result<()> {
    use crate::forecast::backtest;
    use crate::forecast::slip::{slip_dates, slip_params};
    check_window(window)?;
    let data = Store::open_read_only(path)?.load()?;
    let history = crate::forecast::History::new(&data);
    let dates = slip_dates(&history, NaiveDate::MIN, NaiveDate::MAX);
    let result = backtest::backtest(
        &history,
        &dates,
        &slip_params(window),
        crate::forecast::default_threads(),
    );
    if json {
        println!("{}", serde_json::to_string_pretty(&result)?);
        return Ok(());
    }
    match (result.p85_coverage, result.p50_coverage) {
        (Some(p85), Some(p50)) => {
            println!(
                "Uji balik: {} perkiraan yang tonggaknya kemudian tercapai",
                result.n
            );
            println!("  tanggal nyata ≤ P85: {}", percent(Some(p85 * 100.0)));
            println!("  tanggal nyata ≤ P50: {}", percent(Some(p50 * 100.0)));
            if let Some(error) = result.p50_median_error_days {
                println!(
                    "  median selisih P50: {} hari kerja",
                    format!("{error:.1}").replace('.', ",")
                );
            }
        }
        _ => println!(
            "Uji balik: belum ada tonggak yang tercapai dalam data, jadi belum ada perkiraan yang \
             bisa diuji (n = 0)"
        ),
    }
    Ok(())
}

pub fn backup_db(db: &Path, out: &Path) -> Result<()> {
    store::backup::backup(db, out)?;
    println!("{}: backed up to {}", db.display(), out.display());
    Ok(())
}

pub fn restore_db(from: &Path, db: &Path, force: bool) -> Result<()> {
    store::backup::restore(from, db, force)?;
    println!("{}: restored from {}", db.display(), from.display());
    Ok(())
}

pub fn import(
    path: &Path,
    input: &Path,
    dry_run: bool,
    kind: Option<super::ImportKind>,
) -> Result<()> {
    use crate::io::import::{Kind, plan_with_progress};
    use std::io::IsTerminal;
    let mut store = Store::open(path)?;
    let data = store.load()?;
    let kind = kind.map(|k| match k {
        super::ImportKind::Reports => Kind::Reports,
        super::ImportKind::Stock => Kind::Stock,
    });
    let progress = std::sync::Arc::new(crate::progress::Progress::default());
    let plan = std::thread::scope(|scope| {
        let worker = scope.spawn(|| plan_with_progress(&data, input, kind, today(), &progress));
        let show = std::io::stderr().is_terminal();
        while !worker.is_finished() {
            let (done, total) = progress.get();
            if show && total > 500 {
                eprint!("\rmemeriksa baris: {done}/{total}");
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        if show && progress.get().1 > 500 {
            eprintln!();
        }
        worker.join()
    })
    .map_err(|_| anyhow!("the import stopped unexpectedly"))??;
    for note in &plan.notes {
        eprintln!("note: {note}");
    }
    if plan.problem_count > 0 {
        const SHOWN: usize = 100;
        for problem in plan.problems.iter().take(SHOWN) {
            println!("{problem}");
        }
        if plan.problem_count > SHOWN {
            println!("… and {} more problems", plan.problem_count - SHOWN);
        }
        bail!(
            "refused: {} problem(s) in {}; nothing imported",
            plan.problem_count,
            input.display()
        );
    }
    const FLAGS_SHOWN: usize = 20;
    for flagged in plan.flagged.iter().take(FLAGS_SHOWN) {
        let sheet = flagged
            .sheet
            .as_ref()
            .map(|s| format!(", sheet {s}"))
            .unwrap_or_default();
        println!(
            "warning: {}{sheet}, row {}: {} {}: {}; no note — flagged for review",
            plan.source.file, flagged.row, flagged.unit, flagged.date, flagged.outlier
        );
    }
    if plan.flagged.len() > FLAGS_SHOWN {
        println!(
            "warning: … and {} more outliers without a note (pantau check lists them all)",
            plan.flagged.len() - FLAGS_SHOWN
        );
    }
    if dry_run {
        println!("would import: {}{}", plan.counts(), plan.flagged_text());
        return Ok(());
    }
    drop(data);
    store.import(&plan.reports, &plan.events, &plan.source, today())?;
    println!("imported: {}{}", plan.counts(), plan.flagged_text());
    Ok(())
}

pub fn export(path: &Path, out: &Path, from: Option<&str>, to: Option<&str>) -> Result<()> {
    let from = from
        .map(|t| date_arg("--from", t))
        .transpose()?
        .unwrap_or(NaiveDate::MIN);
    let to = to
        .map(|t| date_arg("--to", t))
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
            let data = Store::open_read_only(path)?.load()?;
            if !data.openings.is_empty() {
                let file = crate::io::export::openings_csv_path(out);
                let units =
                    crate::io::export::openings_csv(&data, &file).map_err(|e| anyhow!(e))?;
                openings = Some((units, file));
            }
            crate::io::export::reports_csv(&data, out, from, to)
        }
        "xlsx" => {
            let (mut store, writable) = open_for_cache(path)?;
            let data = store.load()?;
            let slip = slip_history(&mut store, writable, &data, None, 60, false)?;
            crate::io::export::workbook(&data, &slip, out, from, to)
        }
        _ => bail!("--out {}: export writes .xlsx or .csv files", out.display()),
    }
    .map_err(|e| anyhow!(e))?;
    println!("{}: {rows} daily reports exported", out.display());
    if let Some((units, file)) = openings {
        println!("{}: opening totals of {units} unit(s)", file.display());
    }
    Ok(())
}

/// The whole slip history, from the cache where it is current; saves what it computed. Shows
/// progress on a terminal when asked.
fn slip_history(
    store: &mut Store,
    writable: bool,
    data: &crate::domain::Dataset,
    dates: Option<Vec<NaiveDate>>,
    window: usize,
    progress: bool,
) -> Result<Vec<crate::forecast::Forecast>> {
    use crate::forecast::slip::{SlipJob, slip_dates, slip_params};
    use std::io::IsTerminal;
    let history = crate::forecast::History::new(data);
    let params = slip_params(window);
    let cache = store.forecast_cache(&params.cache_key())?;
    let dates = dates.unwrap_or_else(|| slip_dates(&history, NaiveDate::MIN, NaiveDate::MAX));
    let job = SlipJob::spawn(data, dates, params, cache);
    let show = progress && std::io::stderr().is_terminal();
    while !job.is_finished() {
        if show {
            let (done, total) = job.progress();
            eprint!("\rmenghitung riwayat perkiraan: {done}/{total}");
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    if show {
        eprintln!();
    }
    let entries = job.join()?;
    if writable {
        let rows: Vec<_> = entries
            .iter()
            .filter(|e| e.computed)
            .filter_map(|e| e.cache_row())
            .collect();
        store.save_forecast_cache(&params.cache_key(), &rows)?;
    }
    Ok(entries.into_iter().map(|e| e.forecast).collect())
}

/// What the chart and report commands draw from.
struct Prepared {
    data: crate::domain::Dataset,
    history: crate::forecast::History,
    summary: crate::domain::summary::Summary,
    slip: Vec<crate::forecast::Forecast>,
    forecast: crate::forecast::Forecast,
}

fn prepare(path: &Path, as_of: Option<&str>) -> Result<Prepared> {
    let (mut store, writable) = open_for_cache(path)?;
    let data = store.load()?;
    let as_of = as_of_arg(&data, as_of)?;
    let window = data.settings.forecast_window_days;
    let slip = slip_history(&mut store, writable, &data, None, window, true)?;
    let history = crate::forecast::History::new(&data);
    let params = crate::forecast::ForecastParams {
        window_days: window,
        trials: data.settings.forecast_trials,
    };
    let forecast =
        crate::forecast::forecast_at(&history, as_of, &params, crate::forecast::default_threads());
    let summary = summarize(&data, as_of);
    let slip = slip.into_iter().filter(|f| f.as_of <= as_of).collect();
    Ok(Prepared {
        data,
        history,
        summary,
        slip,
        forecast,
    })
}

impl Prepared {
    fn chart_data(&self, indonesian: bool) -> crate::io::charts::ChartData<'_> {
        crate::io::charts::ChartData {
            data: &self.data,
            history: &self.history,
            summary: &self.summary,
            slip: &self.slip,
            forecast: Some(&self.forecast),
            indonesian,
        }
    }
}

pub fn chart(
    path: &Path,
    kind: super::ChartKindArg,
    out: &Path,
    as_of: Option<&str>,
    lang: super::LangArg,
) -> Result<()> {
    use super::ChartKindArg as K;
    use crate::io::charts::{ChartKind, write_png};
    let kind = match kind {
        K::Progress => ChartKind::Progress,
        K::Slip => ChartKind::Slip,
        K::Daily => ChartKind::Daily,
        K::Backlog => ChartKind::Backlog,
        K::Stock => ChartKind::Stock,
        K::Coverage => ChartKind::Coverage,
    };
    let prepared = prepare(path, as_of)?;
    let input = prepared.chart_data(lang == super::LangArg::Id);
    write_png(kind, &input, out, 2000, 1200).map_err(|e| anyhow!(e))?;
    println!("{}: chart written (2000 × 1200)", out.display());
    Ok(())
}

pub fn report(path: &Path, out: &Path, as_of: Option<&str>, lang: super::LangArg) -> Result<()> {
    let prepared = prepare(path, as_of)?;
    let input = prepared.chart_data(lang == super::LangArg::Id);
    let pages =
        crate::io::report::write_pdf(&input, &prepared.forecast, out).map_err(|e| anyhow!(e))?;
    println!("{}: report written ({pages} pages)", out.display());
    Ok(())
}

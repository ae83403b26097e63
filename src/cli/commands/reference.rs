//! The reference data beside the daily figures: units, targets, deadlines, opening totals,
//! holidays, announced deliveries and seasons.

use std::path::Path;

use anyhow::Result;

use super::{count_arg, date_arg, refusal, refuse_problems, say, today};
use crate::cli::table;
use crate::cli::{
    DeadlineAction, DeliveryAction, HolidayAction, OpeningAction, SeasonAction, TargetAction,
    UnitAction,
};
use crate::domain::rules::{Invalid, Place};
use crate::domain::{
    Counts, Dataset, Deadline, Holiday, HolidayKind, NewUnit, OpeningBalance, RuleViolation,
    Target, Unit, UnitKind,
};
use crate::locale::Lang;
use crate::locale::cli::{Said, Table, headers, holiday_kind, said, unit_kind, unit_status};
use crate::locale::fmt::{count, plain};
use crate::store::StoreError;

pub fn unit(lang: Lang, path: &Path, action: UnitAction) -> Result<()> {
    match action {
        UnitAction::List => list_units(lang, path),
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
            super::open_store(path)?.add_unit(&NewUnit {
                name: name.clone(),
                code,
                kind,
            })?;
            say(lang, &Said::UnitAdded(&name));
            Ok(())
        }
        UnitAction::Rename { name, to } => {
            let unit = change_unit(path, &name, |u| u.name = to.clone())?;
            say(
                lang,
                &Said::UnitRenamed {
                    name: &name,
                    to: &unit.name,
                },
            );
            Ok(())
        }
        UnitAction::Deactivate { name } => {
            let unit = change_unit(path, &name, |u| u.active = false)?;
            say(lang, &Said::UnitDeactivated(&unit.name));
            Ok(())
        }
        UnitAction::Activate { name } => {
            let unit = change_unit(path, &name, |u| u.active = true)?;
            say(lang, &Said::UnitActivated(&unit.name));
            Ok(())
        }
    }
}

/// Loads the unit named `name`, applies `change` and stores it; returns the stored unit.
fn change_unit(path: &Path, name: &str, change: impl FnOnce(&mut Unit)) -> Result<Unit> {
    let mut store = super::open_store(path)?;
    let data = store.load()?;
    let mut unit = data.find_unit(name)?.clone();
    change(&mut unit);
    store.update_unit(&unit)?;
    Ok(store.load()?.unit(unit.id).cloned().unwrap_or(unit))
}

fn list_units(lang: Lang, path: &Path) -> Result<()> {
    let data = super::open_reader(path)?.load()?;
    let rows: Vec<Vec<String>> = data
        .units
        .iter()
        .map(|u| {
            vec![
                u.name.clone(),
                u.code.clone().unwrap_or_default(),
                unit_kind(lang, u.kind).to_string(),
                unit_status(lang, u.active).to_string(),
            ]
        })
        .collect();
    print!(
        "{}",
        table::render(headers(lang, Table::Units), &rows, &[false; 4])
    );
    Ok(())
}

pub fn target(lang: Lang, path: &Path, action: TargetAction) -> Result<()> {
    match action {
        TargetAction::List => {
            let data = super::open_reader(path)?.load()?;
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
                        count(lang, t.wajib_ktp),
                    ]);
                }
            }
            print!(
                "{}",
                table::render(headers(lang, Table::Targets), &rows, &[false, false, true])
            );
        }
        TargetAction::Set {
            unit,
            wajib,
            from,
            confirm,
        } => {
            let mut store = super::open_store(path)?;
            let data = store.load()?;
            let from = date_arg(lang, "--from", &from)?;
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
            refuse_doubts(lang, &data, std::slice::from_ref(&target), confirm)?;
            store.set_target(&target)?;
            say(
                lang,
                &Said::TargetSet {
                    at: &at,
                    wajib_ktp: target.wajib_ktp,
                },
            );
        }
        TargetAction::Import { input, confirm } => {
            let mut store = super::open_store(path)?;
            let data = store.load()?;
            let plan = crate::io::import::plan_targets(&data, &input);
            refuse_problems(lang, &plan.problems, &input, false)?;
            refuse_doubts(lang, &data, &plan.targets, confirm)?;
            store.set_targets(&plan.targets)?;
            say(lang, &Said::TargetsSet(plan.targets.len()));
        }
    }
    Ok(())
}

/// Refuses targets that look like typos (see [`crate::domain::rules::target_doubt`]) unless confirmed,
/// naming each; nothing is written then.
fn refuse_doubts(lang: Lang, data: &Dataset, targets: &[Target], confirm: bool) -> Result<()> {
    if confirm {
        return Ok(());
    }
    let doubts = crate::locale::target_doubts(lang, data, targets);
    if doubts.is_empty() {
        return Ok(());
    }
    Err(anyhow::anyhow!(
        "{}\n{}",
        doubts.join("\n"),
        said(lang, &Said::ConfirmTargets(doubts.len()))
    ))
}

pub fn deadline(lang: Lang, path: &Path, action: DeadlineAction) -> Result<()> {
    match action {
        DeadlineAction::List => {
            let data = super::open_reader(path)?.load()?;
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
                table::render(headers(lang, Table::Deadlines), &rows, &[false; 3])
            );
        }
        DeadlineAction::Add {
            decided,
            deadline,
            note,
            replace,
        } => {
            let decided = date_arg(lang, "--decided", &decided)?;
            let deadline = date_arg(lang, "--deadline", &deadline)?;
            let decision = Deadline {
                decided_on: decided,
                deadline,
                note: note.trim().to_string(),
            };
            match super::open_store(path)?.add_deadline(&decision, today(), replace) {
                Err(StoreError::Rule(RuleViolation::Invalid {
                    problem: Invalid::DecisionExists(kept),
                    ..
                })) => {
                    return Err(refusal(lang, &Said::DecisionExists { decided, kept }));
                }
                other => other?,
            }
            say(lang, &Said::DeadlineSet { decided, deadline });
        }
        DeadlineAction::Remove { decided } => {
            let decided = date_arg(lang, "--decided", &decided)?;
            if !super::open_store(path)?.remove_deadline(decided)? {
                return Err(refusal(lang, &Said::NoDecision(decided)));
            }
            say(lang, &Said::DecisionRemoved(decided));
        }
    }
    Ok(())
}

pub fn opening(lang: Lang, path: &Path, action: OpeningAction) -> Result<()> {
    match action {
        OpeningAction::List => {
            let data = super::open_reader(path)?.load()?;
            let n = |x: u64| count(lang, x);
            let rows: Vec<Vec<String>> = data
                .units
                .iter()
                .map(|unit| match data.openings.get(&unit.id) {
                    Some(o) => vec![
                        unit.name.clone(),
                        o.as_of.to_string(),
                        n(o.counts.recorded),
                        n(o.counts.sent_to_central),
                        n(o.counts.printed),
                        n(o.counts.suket_issued),
                    ],
                    None => vec![unit.name.clone(), "—".to_string()],
                })
                .collect();
            print!(
                "{}",
                table::render(
                    headers(lang, Table::Openings),
                    &rows,
                    &[false, false, true, true, true, true]
                )
            );
        }
        OpeningAction::Import { input } => {
            let mut store = super::open_store(path)?;
            let data = store.load()?;
            let plan = crate::io::import::plan_openings(&data, &input, today());
            refuse_problems(lang, &plan.problems, &input, false)?;
            store.set_opening_balances(&plan.openings, today())?;
            say(lang, &Said::OpeningsSet(plan.openings.len()));
        }
        OpeningAction::Set {
            unit,
            as_of,
            recorded,
            sent,
            printed,
            suket,
        } => {
            let mut store = super::open_store(path)?;
            let data = store.load()?;
            let unit = data.find_unit(&unit)?;
            // A correction keeps what it does not name; a first opening names everything.
            let stored = data.openings.get(&unit.id);
            let given = [&as_of, &recorded, &sent, &printed, &suket];
            if stored.is_none() && given.iter().any(|v| v.is_none()) {
                let flags = ["--as-of", "--recorded", "--sent", "--printed", "--suket"];
                let missing: Vec<&str> = flags
                    .iter()
                    .zip(given)
                    .filter(|(_, v)| v.is_none())
                    .map(|(f, _)| *f)
                    .collect();
                return Err(refusal(
                    lang,
                    &Said::OpeningNeeds {
                        unit: &unit.name,
                        missing: &missing,
                    },
                ));
            }
            let as_of = match (&as_of, stored) {
                (Some(text), _) => date_arg(lang, "--as-of", text)?,
                (None, Some(o)) => o.as_of,
                // Refused above: a first opening names its date.
                (None, None) => {
                    let missing = ["--as-of"];
                    let unit = &unit.name;
                    return Err(refusal(
                        lang,
                        &Said::OpeningNeeds {
                            unit,
                            missing: &missing,
                        },
                    ));
                }
            };
            let at = Place {
                unit: Some(unit.name.clone()),
                date: as_of,
            };
            let old = stored.map(|o| o.counts).unwrap_or_default();
            let value = |field: &'static str, text: &Option<String>, old: u64| match text {
                Some(text) => count_arg(&at, field, text),
                None => Ok(old),
            };
            let opening = OpeningBalance {
                unit_id: unit.id,
                as_of,
                counts: Counts {
                    recorded: value("recorded", &recorded, old.recorded)?,
                    sent_to_central: value("sent", &sent, old.sent_to_central)?,
                    printed: value("printed", &printed, old.printed)?,
                    suket_issued: value("suket", &suket, old.suket_issued)?,
                },
            };
            store.set_opening_balance(&opening, today())?;
            say(
                lang,
                &Said::OpeningSet {
                    at: &at,
                    counts: &opening.counts,
                },
            );
        }
    }
    Ok(())
}

pub fn holiday(lang: Lang, path: &Path, action: HolidayAction) -> Result<()> {
    match action {
        HolidayAction::List => {
            let data = super::open_reader(path)?.load()?;
            let rows: Vec<Vec<String>> = data
                .calendar
                .holidays()
                .map(|h| {
                    vec![
                        h.date.to_string(),
                        holiday_kind(lang, h.kind).to_string(),
                        h.name.clone(),
                    ]
                })
                .collect();
            print!(
                "{}",
                table::render(headers(lang, Table::Holidays), &rows, &[false; 3])
            );
        }
        HolidayAction::Add {
            date,
            name,
            cuti_bersama,
        } => {
            let date = date_arg(lang, "--date", &date)?;
            if name.trim().is_empty() {
                return Err(refusal(lang, &Said::HolidayNeedsName));
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
            super::open_store(path)?.set_holiday(&holiday)?;
            say(
                lang,
                &Said::HolidaySet {
                    date,
                    name: &holiday.name,
                    kind,
                },
            );
        }
        HolidayAction::Import { input } => {
            let mut store = super::open_store(path)?;
            let plan = crate::io::import::plan_holidays(&input);
            refuse_problems(lang, &plan.problems, &input, false)?;
            let (new, changed) = store.import_holidays(&plan.holidays)?;
            say(lang, &Said::HolidaysImported { new, changed });
        }
        HolidayAction::Fill => {
            let shipped = crate::domain::calendar::parse_holidays_csv(
                crate::domain::calendar::DEFAULT_HOLIDAYS_CSV,
            )?;
            let years = super::open_store(path)?.add_missing_holiday_years(&shipped)?;
            say(lang, &Said::HolidayYearsAdded(&years));
        }
        HolidayAction::Remove { date } => {
            let date = date_arg(lang, "--date", &date)?;
            if !super::open_store(path)?.remove_holiday(date)? {
                return Err(refusal(lang, &Said::NoHoliday(date)));
            }
            say(lang, &Said::HolidayRemoved(date));
        }
    }
    Ok(())
}

pub fn delivery(lang: Lang, path: &Path, action: DeliveryAction) -> Result<()> {
    match action {
        DeliveryAction::List => {
            let data = super::open_reader(path)?.load()?;
            let rows: Vec<Vec<String>> = data
                .planned_deliveries
                .iter()
                .map(|p| {
                    vec![
                        p.id.unwrap_or_default().to_string(),
                        p.expected_on.to_string(),
                        count(lang, p.quantity),
                        p.planned_on.to_string(),
                        p.note.clone(),
                    ]
                })
                .collect();
            print!(
                "{}",
                table::render(
                    headers(lang, Table::Deliveries),
                    &rows,
                    &[true, false, true, false, false]
                )
            );
        }
        DeliveryAction::Add {
            expected,
            quantity,
            announced,
            note,
        } => {
            let expected_on = date_arg(lang, "--expected", &expected)?;
            let planned_on = match announced {
                Some(text) => date_arg(lang, "--announced", &text)?,
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
            let id = super::open_store(path)?.add_planned_delivery(&plan)?;
            say(
                lang,
                &Said::DeliveryAnnounced {
                    expected: expected_on,
                    quantity: plan.quantity,
                    id,
                    announced: planned_on,
                },
            );
        }
        DeliveryAction::Remove { id } => {
            if !super::open_store(path)?.delete_planned_delivery(id)? {
                return Err(refusal(lang, &Said::NoDelivery(id)));
            }
            say(lang, &Said::DeliveryRemoved(id));
        }
    }
    Ok(())
}

pub fn season(lang: Lang, path: &Path, action: SeasonAction) -> Result<()> {
    match action {
        SeasonAction::List => {
            let data = super::open_reader(path)?.load()?;
            let rows: Vec<Vec<String>> = data
                .season_factors
                .iter()
                .map(|s| {
                    vec![
                        s.id.unwrap_or_default().to_string(),
                        s.first_day.to_string(),
                        s.last_day.to_string(),
                        plain(lang, s.factor),
                        s.name.clone(),
                    ]
                })
                .collect();
            print!(
                "{}",
                table::render(
                    headers(lang, Table::Seasons),
                    &rows,
                    &[true, false, false, true, false]
                )
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
                first_day: date_arg(lang, "--from", &from)?,
                last_day: date_arg(lang, "--to", &to)?,
                factor,
                name: name.trim().to_string(),
            };
            let id = super::open_store(path)?.add_season_factor(&season)?;
            say(
                lang,
                &Said::SeasonSet {
                    from: season.first_day,
                    to: season.last_day,
                    factor: season.factor,
                    id,
                },
            );
        }
        SeasonAction::Remove { id } => {
            if !super::open_store(path)?.delete_season_factor(id)? {
                return Err(refusal(lang, &Said::NoSeason(id)));
            }
            say(lang, &Said::SeasonRemoved(id));
        }
    }
    Ok(())
}

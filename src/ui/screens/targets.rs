//! Target & Tenggat: what each unit starts from and aims at. Three pages: wajib KTP of every
//! unit in one grid, opening totals of every unit in one grid (both edited like the entry
//! grid, saved in one transaction), and the deadline decisions.

use chrono::NaiveDate;

use super::figures::FigureGrid;
use super::{Command, Frame};
use crate::domain::calendar::parse_date;
use crate::domain::rules::{self, Place};
use crate::domain::{Deadline, OpeningBalance, PrrCounts, PrrField, PrrOpening, Target};
use crate::locale::{Lang, fmt, violation};
use crate::ui::theme;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Page {
    #[default]
    Targets,
    Openings,
    /// Each unit's PRR start: its PRR, DUP, Efac and retaken up to a day.
    PrrStarts,
    Deadlines,
}

#[derive(Default)]
pub struct TargetState {
    pub page: Page,
    /// The day the targets being typed hold from; the start of the data unless chosen.
    pub effective_from: Option<NaiveDate>,
    pub targets: FigureGrid,
    pub openings: FigureGrid,
    pub prr_starts: FigureGrid,
    pub decided_on: Option<NaiveDate>,
    pub deadline: Option<NaiveDate>,
    pub deadline_note: String,
    pub problem: Option<String>,
    /// Targets that look like typos, with why, waiting for "Simpan juga" or "Batal".
    pub doubtful: Option<(Vec<Target>, Vec<String>)>,
    /// The decision being changed in the form ("Ubah"): saving replaces it.
    pub editing_decision: Option<NaiveDate>,
}

impl TargetState {
    /// Forget what was typed; the grids load again from the stored data.
    pub fn reset(&mut self) {
        self.targets.reset();
        self.openings.reset();
        self.prr_starts.reset();
        self.problem = None;
        self.doubtful = None;
    }
}

/// Identifies the data between refreshes: it changes with every save, not with a refused one
/// (the grids keep what was typed then).
fn version(view: &crate::ui::app::View) -> String {
    format!("{:?}", view.revision)
}

pub fn ui(ui: &mut egui::Ui, state: &mut TargetState, frame: &Frame, commands: &mut Vec<Command>) {
    let lang = frame.lang;
    let tr = lang.tr();
    ui.heading(tr.targets);
    ui.horizontal(|ui| {
        for (page, label) in [
            (Page::Targets, tr.wajib_ktp),
            (Page::Openings, tr.opening_totals),
            (Page::PrrStarts, tr.prr_starts),
            (Page::Deadlines, tr.deadline_history),
        ] {
            ui.selectable_value(&mut state.page, page, label);
        }
    });
    ui.separator();
    match state.page {
        Page::Targets => targets_ui(state, ui, frame, commands),
        Page::Openings => openings_ui(state, ui, frame, commands),
        Page::PrrStarts => prr_starts_ui(state, ui, frame, commands),
        Page::Deadlines => deadlines_ui(state, ui, frame, commands),
    }
}

fn targets_ui(
    state: &mut TargetState,
    ui: &mut egui::Ui,
    frame: &Frame,
    commands: &mut Vec<Command>,
) {
    let (lang, data, as_of) = (frame.lang, &frame.view.data, frame.view.as_of);
    let tr = lang.tr();
    ui.label(tr.targets_hint);
    // Until the clerk picks a day, the start of the data (which moves as openings come in).
    let from = state.effective_from.unwrap_or_else(|| data.start_of_data());
    let mut chosen = from;
    super::date_field(ui, tr.effective_from, "targets-from", &mut chosen);
    if chosen != from {
        state.effective_from = Some(chosen);
    }
    state
        .targets
        .load((version(frame.view), chosen.to_string()), || {
            data.units
                .iter()
                .map(|u| {
                    // Written as the clerk types it: 40.200.
                    let value = data
                        .targets
                        .iter()
                        .find(|t| t.unit_id == u.id && t.effective_from == chosen)
                        .map(|t| fmt::count(lang, t.wajib_ktp))
                        .unwrap_or_default();
                    (u.id, u.name.clone(), vec![value])
                })
                .collect()
        });
    let in_force = format!("{} {}", tr.in_force, fmt::date_short(lang, as_of));
    egui::ScrollArea::vertical()
        .id_salt("targets-scroll")
        .max_height(ui.available_height() - 60.0)
        .show(ui, |ui| {
            let rows = state.targets.rows.clone();
            state.targets.show(
                ui,
                "targets",
                tr.unit,
                &[in_force.as_str()],
                |ui, r| {
                    let current = data
                        .targets
                        .iter()
                        .filter(|t| t.unit_id == rows[r].unit_id && t.effective_from <= as_of)
                        .max_by_key(|t| t.effective_from);
                    ui.label(match current {
                        Some(t) => format!(
                            "{} {} {}",
                            fmt::count(lang, t.wajib_ktp),
                            tr.since,
                            fmt::date_short(lang, t.effective_from)
                        ),
                        None => "—".to_string(),
                    });
                },
                &[tr.wajib_ktp],
            );
        });
    // Nothing is saved for a day the clerk did not type.
    let blocked = super::date_picker::refused(ui.ctx(), "targets-from", tr.effective_from, lang);
    if let Some(problem) = &blocked {
        ui.colored_label(theme::INVALID, problem);
    }
    let targets = state
        .targets
        .save_button(ui, tr.save, blocked.is_none(), |row| {
            let at = Place {
                unit: Some(row.unit_name.clone()),
                date: chosen,
            };
            rules::parse_count_at(&at, "wajib KTP", &row.cells[0])
                .map(|wajib_ktp| Target {
                    unit_id: row.unit_id,
                    effective_from: chosen,
                    wajib_ktp,
                })
                .map_err(|v| violation(lang, &v))
        });
    if let Some(targets) = targets {
        // A figure below what the unit has recorded, or more than half away from the one in
        // force, is more likely a typo than a revision: asked before it is saved.
        let doubts = crate::locale::target_doubts(lang, data, &targets);
        if doubts.is_empty() {
            commands.push(Command::SetTargets(targets));
        } else {
            state.doubtful = Some((targets, doubts));
        }
    }
    doubtful_ui(state, ui, lang, commands);
}

/// The targets that look like typos, and the question whether to save them all the same.
fn doubtful_ui(
    state: &mut TargetState,
    ui: &mut egui::Ui,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    let tr = lang.tr();
    let Some((targets, doubts)) = &state.doubtful else {
        return;
    };
    let mut answer = None;
    ui.group(|ui| {
        for doubt in doubts {
            ui.colored_label(theme::WARNING, doubt);
        }
        ui.horizontal(|ui| {
            ui.label(tr.targets_confirm_ask);
            if ui.button(tr.save_anyway).clicked() {
                answer = Some(true);
            }
            if ui.button(tr.cancel).clicked() {
                answer = Some(false);
            }
        });
    });
    match answer {
        Some(true) => {
            commands.push(Command::SetTargets(targets.clone()));
            state.doubtful = None;
        }
        Some(false) => state.doubtful = None,
        None => {}
    }
}

fn openings_ui(
    state: &mut TargetState,
    ui: &mut egui::Ui,
    frame: &Frame,
    commands: &mut Vec<Command>,
) {
    let (lang, data) = (frame.lang, &frame.view.data);
    let tr = lang.tr();
    ui.label(tr.openings_hint);
    let headers = [tr.as_of, tr.recorded, tr.sent, tr.printed, tr.suket];
    let stored = |unit| {
        let o = data.openings.get(&unit)?;
        let c = &o.counts;
        Some((
            o.as_of,
            [c.recorded, c.sent_to_central, c.printed, c.suket_issued],
        ))
    };
    let saved = dated_grid(
        &mut state.openings,
        ui,
        frame,
        "openings",
        &headers,
        stored,
        |row| opening_of(lang, row),
    );
    if let Some(openings) = saved {
        commands.push(Command::SetOpenings(openings));
    }
}

/// Each unit's PRR start: its PRR, DUP, Efac and Efac retaken up to the close of a day, for an
/// office that starts counting the centre's stage with data already in.
fn prr_starts_ui(
    state: &mut TargetState,
    ui: &mut egui::Ui,
    frame: &Frame,
    commands: &mut Vec<Command>,
) {
    let (lang, data) = (frame.lang, &frame.view.data);
    let tr = lang.tr();
    ui.label(tr.prr_starts_hint);
    let mut headers = vec![tr.as_of];
    headers.extend(PrrField::ALL.map(|f| crate::locale::stage_name(lang, f)));
    let stored = |unit| {
        let o = data.prr_openings.get(&unit)?;
        let c = &o.counts;
        Some((o.as_of, [c.prr, c.dup, c.efac, c.efac_retaken]))
    };
    let saved = dated_grid(
        &mut state.prr_starts,
        ui,
        frame,
        "prr-starts",
        &headers,
        stored,
        |row| prr_start_of(lang, row),
    );
    if let Some(starts) = saved {
        commands.push(Command::SetPrrStarts(starts));
    }
}

/// A grid of each unit's four figures as of a day (opening totals, PRR starts): loaded from
/// what is stored, scrolling, and saved through `convert` (all changed rows, or none).
fn dated_grid<T>(
    grid: &mut FigureGrid,
    ui: &mut egui::Ui,
    frame: &Frame,
    salt: &str,
    headers: &[&str],
    stored: impl Fn(crate::domain::UnitId) -> Option<(NaiveDate, [u64; 4])>,
    convert: impl FnMut(&super::figures::FigureRow) -> Result<T, String>,
) -> Option<Vec<T>> {
    let (lang, data) = (frame.lang, &frame.view.data);
    let tr = lang.tr();
    grid.load((version(frame.view), String::new()), || {
        data.units
            .iter()
            .map(|u| {
                let cells = match stored(u.id) {
                    Some((as_of, figures)) => {
                        let mut cells = vec![as_of.format("%d/%m/%Y").to_string()];
                        cells.extend(figures.map(|n| fmt::count(lang, n)));
                        cells
                    }
                    None => vec![String::new(); 5],
                };
                (u.id, u.name.clone(), cells)
            })
            .collect()
    });
    egui::ScrollArea::vertical()
        .id_salt(format!("{salt}-scroll"))
        .max_height(ui.available_height() - 60.0)
        .show(ui, |ui| {
            grid.show(ui, salt, tr.unit, &[], |_, _| {}, headers)
        });
    grid.save_button(ui, tr.save, true, convert)
}

/// A row of the PRR starts grid as a PRR opening, or what is wrong with it: a date and all four
/// figures (an empty one is never 0).
fn prr_start_of(lang: Lang, row: &super::figures::FigureRow) -> Result<PrrOpening, String> {
    let (as_of, at) = row_day(lang, row)?;
    let mut counts = PrrCounts::default();
    for (i, field) in PrrField::ALL.into_iter().enumerate() {
        let value = rules::parse_count_at(&at, field.name(), &row.cells[i + 1])
            .map_err(|v| violation(lang, &v))?;
        counts.set(field, value);
    }
    Ok(PrrOpening {
        unit_id: row.unit_id,
        as_of,
        counts,
    })
}

/// The day in the first cell of an openings or PRR starts row (needed, never assumed), with
/// the place the row's figures are judged at.
fn row_day(lang: Lang, row: &super::figures::FigureRow) -> Result<(NaiveDate, Place), String> {
    let tr = lang.tr();
    let date_text = row.cells[0].trim();
    if date_text.is_empty() {
        return Err(tr.opening_needs_date.to_string());
    }
    let as_of = parse_date(date_text)
        .map_err(|e| format!("{}: {}", tr.as_of, crate::locale::not_a_date(lang, &e.0)))?;
    let at = Place {
        unit: Some(row.unit_name.clone()),
        date: as_of,
    };
    Ok((as_of, at))
}

/// A row of the openings grid as an opening balance, or what is wrong with it.
fn opening_of(lang: Lang, row: &super::figures::FigureRow) -> Result<OpeningBalance, String> {
    let (as_of, at) = row_day(lang, row)?;
    let texts = [1, 2, 3, 4].map(|i| row.cells[i].as_str());
    Ok(OpeningBalance {
        unit_id: row.unit_id,
        as_of,
        counts: rules::parse_opening(&at, texts).map_err(|v| violation(lang, &v))?,
    })
}

fn deadlines_ui(
    state: &mut TargetState,
    ui: &mut egui::Ui,
    frame: &Frame,
    commands: &mut Vec<Command>,
) {
    let (lang, data) = (frame.lang, &frame.view.data);
    let tr = lang.tr();
    egui::Grid::new("deadlines").striped(true).show(ui, |ui| {
        ui.strong(tr.decided_on);
        ui.strong(tr.deadline);
        ui.strong(tr.note);
        ui.end_row();
        for d in &data.deadlines {
            ui.label(fmt::date_short(lang, d.decided_on));
            ui.label(fmt::date_short(lang, d.deadline));
            ui.label(&d.note);
            ui.horizontal(|ui| {
                // A decision is changed explicitly: its values go into the form below.
                if ui.button(tr.edit).clicked() {
                    state.editing_decision = Some(d.decided_on);
                    state.decided_on = Some(d.decided_on);
                    state.deadline = Some(d.deadline);
                    state.deadline_note = d.note.clone();
                    state.problem = None;
                }
                if ui.button(tr.delete).clicked() {
                    commands.push(Command::RemoveDeadline(d.decided_on));
                }
            });
            ui.end_row();
        }
    });
    if data.deadlines.is_empty() {
        ui.label(egui::RichText::new(tr.no_deadline).weak());
    }
    ui.add_space(8.0);
    ui.group(|ui| {
        match state.editing_decision {
            Some(decided) => {
                ui.strong((tr.edit_decision)(&fmt::date_short(lang, decided)));
            }
            None => {
                ui.strong(tr.new_deadline);
            }
        }
        let start = data.start_of_data();
        for (field, label, id) in [
            (&mut state.decided_on, tr.decided_on, "deadline-decided"),
            (&mut state.deadline, tr.deadline, "deadline-date"),
        ] {
            let mut date = field.unwrap_or(start);
            super::date_field(ui, label, id, &mut date);
            if date != field.unwrap_or(start) {
                *field = Some(date);
            }
        }
        let (decided, deadline) = (
            &state.decided_on.unwrap_or(start),
            &state.deadline.unwrap_or(start),
        );
        let (mut decided, mut deadline) = (*decided, *deadline);
        super::field(ui, tr.note, &mut state.deadline_note, 240.0);
        let save = ui.button(tr.save).clicked();
        // A date typed that is no date is never replaced by the one shown before.
        let typed = if save {
            let ctx = ui.ctx().clone();
            super::date_picker::settle(&ctx, "deadline-decided", tr.decided_on, lang, &mut decided)
                .and_then(|()| {
                    super::date_picker::settle(
                        &ctx,
                        "deadline-date",
                        tr.deadline,
                        lang,
                        &mut deadline,
                    )
                })
        } else {
            Ok(())
        };
        if let Err(problem) = typed {
            state.problem = Some(problem);
        } else if save {
            state.decided_on = Some(decided);
            state.deadline = Some(deadline);
            let new = Deadline {
                decided_on: decided,
                deadline,
                note: state.deadline_note.trim().to_string(),
            };
            // Saving the decision being changed replaces it; any other day's decision is
            // never replaced from here.
            let replace = state.editing_decision == Some(new.decided_on);
            match rules::check_new_deadline(data, &new, frame.today, replace) {
                Ok(()) => {
                    commands.push(Command::AddDeadline {
                        deadline: new,
                        replace,
                    });
                    state.deadline_note.clear();
                    state.editing_decision = None;
                    state.problem = None;
                }
                Err(v) => state.problem = Some(violation(lang, &v)),
            }
        }
        if state.editing_decision.is_some() && ui.button(tr.cancel).clicked() {
            state.editing_decision = None;
            state.deadline_note.clear();
            state.problem = None;
        }
        if let Some(problem) = &state.problem {
            ui.colored_label(theme::INVALID, problem);
        }
    });
}

//! Gangguan: the outage log. Start, end (open while it goes on), units affected, cause, note.

use chrono::NaiveDate;

use super::{Command, Frame};
use crate::domain::{Outage, OutageCause, UnitId};
use crate::locale::{fmt, outage_cause};
use crate::ui::theme;

pub struct OutageState {
    pub first_day: Option<NaiveDate>,
    pub open: bool,
    pub last_day: Option<NaiveDate>,
    pub all_units: bool,
    pub units: Vec<UnitId>,
    pub cause: OutageCause,
    pub note: String,
    /// Why the last save was refused (a date typed that is no date).
    pub problem: Option<String>,
}

impl Default for OutageState {
    fn default() -> OutageState {
        OutageState {
            first_day: None,
            open: true,
            last_day: None,
            all_units: true,
            units: Vec::new(),
            cause: OutageCause::CentralServer,
            note: String::new(),
            problem: None,
        }
    }
}

pub fn ui(ui: &mut egui::Ui, state: &mut OutageState, frame: &Frame, commands: &mut Vec<Command>) {
    let lang = frame.lang;
    let tr = lang.tr();
    let data = &frame.view.data;
    // A new outage starts on the day being worked on unless the clerk picks another.
    let work_day = data.default_entry_date(frame.today);
    ui.heading(tr.outage_log);
    egui::Grid::new("outages")
        .striped(true)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            for header in [tr.starts, tr.ends, tr.unit, tr.cause, tr.note, ""] {
                ui.strong(header);
            }
            ui.end_row();
            for outage in data.outages.iter().rev() {
                ui.label(fmt::date_short(lang, outage.first_day));
                match outage.last_day {
                    Some(last) => ui.label(fmt::date_short(lang, last)),
                    None => ui.colored_label(theme::WARNING, tr.still_going),
                };
                let units = if outage.units.is_empty() {
                    tr.all_units.to_string()
                } else if outage.units.len() > 4 {
                    format!("{} {}", outage.units.len(), tr.units.to_lowercase())
                } else {
                    outage
                        .units
                        .iter()
                        .map(|u| data.unit_name(*u))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                ui.label(units);
                ui.label(outage_cause(lang, outage.cause));
                ui.label(&outage.note);
                ui.horizontal(|ui| {
                    if outage.last_day.is_none() && ui.small_button(tr.end_today).clicked() {
                        commands.push(Command::SaveOutage(Outage {
                            last_day: Some(frame.today.max(outage.first_day)),
                            ..outage.clone()
                        }));
                    }
                    if ui.small_button(tr.delete).clicked()
                        && let Some(id) = outage.id
                    {
                        commands.push(Command::DeleteOutage(id));
                    }
                });
                ui.end_row();
            }
        });
    if data.outages.is_empty() {
        ui.label(egui::RichText::new(tr.no_outages).weak());
    }
    ui.add_space(12.0);
    ui.group(|ui| {
        ui.strong(format!("{} {}", tr.add, tr.outages.to_lowercase()));
        let mut first = state.first_day.unwrap_or(work_day);
        if super::date_field(ui, tr.starts, "outage-first", &mut first) {
            state.first_day = Some(first);
        }
        ui.checkbox(&mut state.open, tr.still_going);
        let mut last = state.last_day.unwrap_or(first);
        if !state.open && super::date_field(ui, tr.ends, "outage-last", &mut last) {
            state.last_day = Some(last);
        }
        ui.horizontal(|ui| {
            ui.label(tr.cause);
            egui::ComboBox::from_id_salt("outage-cause")
                .selected_text(outage_cause(lang, state.cause))
                .show_ui(ui, |ui| {
                    for cause in OutageCause::ALL {
                        ui.selectable_value(&mut state.cause, cause, outage_cause(lang, cause));
                    }
                });
        });
        ui.checkbox(&mut state.all_units, tr.all_units);
        if !state.all_units {
            ui.horizontal_wrapped(|ui| {
                for unit in data.units.iter().filter(|u| u.active) {
                    let mut on = state.units.contains(&unit.id);
                    if ui.checkbox(&mut on, &unit.name).changed() {
                        if on {
                            state.units.push(unit.id);
                        } else {
                            state.units.retain(|u| *u != unit.id);
                        }
                    }
                }
            });
        }
        super::field(ui, tr.note, &mut state.note, 320.0);
        let save = ui.button(tr.save).clicked();
        // A date typed that is no date is never replaced by the one shown before.
        let typed: Result<Option<()>, String> = save
            .then(|| {
                let ctx = ui.ctx().clone();
                super::date_picker::settle(&ctx, "outage-first", tr.starts, lang, &mut first)?;
                if !state.open {
                    super::date_picker::settle(&ctx, "outage-last", tr.ends, lang, &mut last)?;
                }
                Ok(())
            })
            .transpose();
        if let Err(problem) = &typed {
            state.problem = Some(problem.clone());
        }
        if let Some(problem) = &state.problem {
            ui.colored_label(theme::INVALID, problem);
        }
        if let Ok(Some(())) = typed {
            state.problem = None;
            state.first_day = Some(first);
            state.last_day = (!state.open).then_some(last);
            let outage = Outage {
                id: None,
                first_day: first,
                last_day: (!state.open).then_some(last),
                units: if state.all_units {
                    Vec::new()
                } else {
                    state.units.clone()
                },
                cause: state.cause,
                note: state.note.trim().to_string(),
            };
            commands.push(Command::SaveOutage(outage));
            state.note.clear();
        }
    });
}

//! Target & Tenggat: wajib KTP per unit with its effective date, and the deadline history.

use chrono::NaiveDate;

use crate::domain::rules::{self, Place};
use crate::domain::{Deadline, Target, UnitId};
use crate::ui::app::{Command, PantauApp};
use crate::ui::i18n::violation;
use crate::ui::{fmt, theme};

#[derive(Default)]
pub struct TargetState {
    pub unit: Option<UnitId>,
    pub effective_from: Option<NaiveDate>,
    pub wajib: String,
    pub decided_on: Option<NaiveDate>,
    pub deadline: Option<NaiveDate>,
    pub deadline_note: String,
    pub problem: Option<String>,
}

pub fn ui(app: &mut PantauApp, ui: &mut egui::Ui) {
    let lang = app.lang();
    let tr = lang.tr();
    let Some(view) = app.view() else { return };
    let data = std::sync::Arc::clone(&view.data);
    let as_of = view.as_of;
    ui.heading(tr.targets);
    ui.columns(2, |columns| {
        let ui = &mut columns[0];
        ui.strong(format!(
            "{} ({} {})",
            tr.wajib_ktp,
            tr.as_of.to_lowercase(),
            fmt::date_short(lang, as_of)
        ));
        egui::Grid::new("targets").striped(true).show(ui, |ui| {
            ui.strong(tr.unit);
            ui.strong(tr.wajib_ktp);
            ui.strong(tr.effective_from);
            ui.end_row();
            for unit in &data.units {
                ui.label(&unit.name);
                let current = data
                    .targets
                    .iter()
                    .filter(|t| t.unit_id == unit.id && t.effective_from <= as_of)
                    .max_by_key(|t| t.effective_from);
                match current {
                    Some(t) => {
                        ui.label(fmt::count(lang, t.wajib_ktp));
                        ui.label(fmt::date_short(lang, t.effective_from));
                    }
                    None => {
                        ui.label("—");
                        ui.label("");
                    }
                }
                ui.end_row();
            }
        });
        ui.add_space(8.0);
        ui.group(|ui| {
            ui.strong(tr.set_target);
            let state = &mut app.targets;
            let chosen = state.unit.or(data.units.first().map(|u| u.id));
            ui.horizontal(|ui| {
                ui.label(tr.unit);
                egui::ComboBox::from_id_salt("target-unit")
                    .selected_text(chosen.map(|u| data.unit_name(u)).unwrap_or_default())
                    .show_ui(ui, |ui| {
                        for unit in &data.units {
                            ui.selectable_value(&mut state.unit, Some(unit.id), &unit.name);
                        }
                    });
            });
            let from = state.effective_from.get_or_insert(as_of);
            super::date_field(ui, tr.effective_from, "target-from", from);
            super::field(ui, tr.wajib_ktp, &mut state.wajib, 120.0);
            if ui.button(tr.save).clicked()
                && let Some(unit_id) = chosen
            {
                let at = Place {
                    unit: Some(data.unit_name(unit_id)),
                    date: *from,
                };
                match rules::parse_count_at(&at, "wajib KTP", &state.wajib) {
                    Ok(wajib_ktp) => {
                        app.commands.push(Command::SetTarget(Target {
                            unit_id,
                            effective_from: *from,
                            wajib_ktp,
                        }));
                        state.wajib.clear();
                        state.problem = None;
                    }
                    Err(v) => state.problem = Some(violation(lang, &v)),
                }
            }
            if let Some(problem) = &app.targets.problem {
                ui.colored_label(theme::INVALID, problem);
            }
        });
        let ui = &mut columns[1];
        ui.strong(tr.deadline_history);
        egui::Grid::new("deadlines").striped(true).show(ui, |ui| {
            ui.strong(tr.decided_on);
            ui.strong(tr.deadline);
            ui.strong(tr.note);
            ui.end_row();
            for d in &data.deadlines {
                ui.label(fmt::date_short(lang, d.decided_on));
                ui.label(fmt::date_short(lang, d.deadline));
                ui.label(&d.note);
                ui.end_row();
            }
        });
        ui.add_space(8.0);
        ui.group(|ui| {
            ui.strong(tr.new_deadline);
            let state = &mut app.targets;
            let decided = state.decided_on.get_or_insert(as_of);
            super::date_field(ui, tr.decided_on, "deadline-decided", decided);
            let deadline = state.deadline.get_or_insert(as_of);
            super::date_field(ui, tr.deadline, "deadline-date", deadline);
            super::field(ui, tr.note, &mut state.deadline_note, 240.0);
            if ui.button(tr.save).clicked() {
                app.commands.push(Command::AddDeadline(Deadline {
                    decided_on: *decided,
                    deadline: *deadline,
                    note: state.deadline_note.trim().to_string(),
                }));
                state.deadline_note.clear();
            }
        });
    });
}

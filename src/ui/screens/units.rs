//! Unit: the kecamatan offices and the district office. Add, rename, deactivate — never delete
//! a unit that has data.

use super::{Command, Frame};
use crate::domain::{NewUnit, UnitId, UnitKind};
use crate::store::exchange::Role;
use crate::ui::app::FilePurpose;

#[derive(Default)]
pub struct UnitState {
    pub name: String,
    pub code: String,
    pub district: bool,
    pub renaming: Option<(UnitId, String)>,
}

pub fn ui(ui: &mut egui::Ui, state: &mut UnitState, frame: &Frame, commands: &mut Vec<Command>) {
    let lang = frame.lang;
    let tr = lang.tr();
    let data = &frame.view.data;
    let pc = crate::locale::exchange::screen(lang);
    let kecamatan_pc = frame.view.exchange.role == Some(Role::Kecamatan);
    ui.heading(tr.units);
    egui::Grid::new("units")
        .striped(true)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            for header in [tr.unit, tr.code, tr.kind, "", "", ""] {
                ui.strong(header);
            }
            ui.end_row();
            for unit in &data.units {
                match state.renaming.as_mut().filter(|(id, _)| *id == unit.id) {
                    Some((_, name)) => {
                        ui.add(
                            egui::TextEdit::singleline(name)
                                .desired_width(180.0)
                                .hint_text(tr.rename),
                        );
                    }
                    None => {
                        ui.label(&unit.name);
                    }
                }
                ui.label(unit.code.as_deref().unwrap_or(""));
                let kind = match unit.kind {
                    UnitKind::District => tr.district_office,
                    UnitKind::Kecamatan => tr.kecamatan,
                };
                ui.label(format!(
                    "{kind}, {}",
                    if unit.active { tr.active } else { tr.inactive }
                ));
                let renaming = state
                    .renaming
                    .as_ref()
                    .is_some_and(|(id, _)| *id == unit.id);
                if renaming {
                    if ui.button(tr.save).clicked()
                        && let Some((_, name)) = state.renaming.take()
                    {
                        commands.push(Command::UpdateUnit(crate::domain::Unit {
                            name,
                            ..unit.clone()
                        }));
                    }
                } else if kecamatan_pc {
                    // Named as the district names it.
                    ui.label("");
                } else if ui.button(tr.rename).clicked() {
                    state.renaming = Some((unit.id, unit.name.clone()));
                }
                let toggle = if unit.active {
                    tr.deactivate
                } else {
                    tr.activate
                };
                if ui.button(toggle).clicked() {
                    commands.push(Command::UpdateUnit(crate::domain::Unit {
                        active: !unit.active,
                        ..unit.clone()
                    }));
                }
                if unit.kind == UnitKind::Kecamatan && !kecamatan_pc {
                    if ui.button(pc.set_up).on_hover_text(pc.set_up_hint).clicked() {
                        commands.push(Command::AskFile(FilePurpose::KecamatanPc(unit.id)));
                    }
                } else {
                    ui.label("");
                }
                ui.end_row();
            }
        });
    ui.add_space(12.0);
    if kecamatan_pc {
        // A kecamatan PC keeps only its own unit; the store refuses another.
        ui.label(egui::RichText::new(pc.only_own_unit).weak());
        return;
    }
    ui.group(|ui| {
        ui.strong(format!("{} {}", tr.add, tr.unit.to_lowercase()));
        super::field(ui, tr.unit, &mut state.name, 220.0);
        super::field(ui, tr.code, &mut state.code, 120.0);
        ui.checkbox(&mut state.district, tr.district_office);
        if ui
            .add_enabled(!state.name.trim().is_empty(), egui::Button::new(tr.add))
            .clicked()
        {
            commands.push(Command::AddUnit(NewUnit {
                name: state.name.trim().to_string(),
                code: Some(state.code.trim().to_string()).filter(|c| !c.is_empty()),
                kind: if state.district {
                    UnitKind::District
                } else {
                    UnitKind::Kecamatan
                },
            }));
            state.name.clear();
            state.code.clear();
        }
    });
}

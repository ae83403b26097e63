//! First run, or no database open: open a file, create one for the office, or open the demo.

use crate::domain::{NewUnit, Office, UnitKind};
use crate::ui::app::{Command, PantauApp};

#[derive(Default)]
pub struct WelcomeState {
    pub creating: bool,
    pub office: String,
    /// Units, one per line.
    pub units: String,
    pub problem: Option<String>,
}

pub fn ui(app: &mut PantauApp, ui: &mut egui::Ui) {
    let tr = app.lang().tr();
    ui.vertical_centered(|ui| {
        ui.add_space(40.0);
        ui.heading(tr.welcome_title);
        ui.add_space(8.0);
        ui.label(tr.welcome_text);
        ui.add_space(20.0);
        ui.horizontal(|ui| {
            ui.add_space((ui.available_width() - 560.0).max(0.0) / 2.0);
            if ui.button(tr.open_file).clicked()
                && let Some(path) = app.dialogs.open_database()
            {
                app.commands.push(Command::Open(path));
            }
            if ui.button(tr.new_office).clicked() {
                app.welcome.creating = true;
            }
            if ui.button(tr.open_demo).clicked() {
                app.commands.push(Command::OpenDemo);
            }
        });
    });
    if !app.welcome.creating {
        return;
    }
    ui.add_space(24.0);
    ui.separator();
    ui.heading(tr.new_office);
    let state = &mut app.welcome;
    super::field(ui, tr.office_name, &mut state.office, 360.0);
    ui.horizontal(|ui| {
        let label = ui.label(tr.units_typed);
        ui.add(
            egui::TextEdit::multiline(&mut state.units)
                .desired_rows(8)
                .desired_width(360.0)
                .hint_text("Sreseh\nTorjun\n…"),
        )
        .labelled_by(label.id);
        if ui.button(tr.choose_csv).clicked()
            && let Some(path) = app.dialogs.open_csv()
        {
            match crate::io::units::read_units_csv(&path) {
                Ok(units) => {
                    state.units = units
                        .iter()
                        .map(|u| u.name.clone())
                        .collect::<Vec<_>>()
                        .join("\n");
                    state.problem = None;
                }
                Err(error) => state.problem = Some(format!("{error:#}")),
            }
        }
    });
    if let Some(problem) = &state.problem {
        ui.colored_label(crate::ui::theme::INVALID, problem);
    }
    let ready = !state.office.trim().is_empty();
    if ui
        .add_enabled(ready, egui::Button::new(tr.create))
        .clicked()
        && let Some(path) = app.dialogs.save_database()
    {
        let mut units: Vec<NewUnit> = state
            .units
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|name| NewUnit {
                name: name.to_string(),
                code: None,
                kind: UnitKind::Kecamatan,
            })
            .collect();
        units.push(NewUnit {
            name: crate::demo::DISTRICT_UNIT_NAME.to_string(),
            code: None,
            kind: UnitKind::District,
        });
        app.commands.push(Command::Create {
            path,
            office: Office {
                name: state.office.trim().to_string(),
                description: String::new(),
            },
            units,
        });
        state.creating = false;
    }
}

//! Pengaturan: language, the outlier rule, the forecast, the coverage bands.

use crate::domain::dataset::Settings;
use crate::ui::app::{Command, PantauApp};
use crate::ui::i18n::Lang;

#[derive(Default)]
pub struct SettingsState {
    pub edited: Option<Settings>,
}

impl SettingsState {
    pub fn reset(&mut self, stored: &Settings) {
        self.edited = Some(stored.clone());
    }
}

fn number_row(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut f64,
    range: std::ops::RangeInclusive<f64>,
    speed: f64,
) {
    let label = ui.label(label);
    ui.add(egui::DragValue::new(value).range(range).speed(speed))
        .labelled_by(label.id);
    ui.end_row();
}

fn whole_row(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut usize,
    range: std::ops::RangeInclusive<usize>,
) {
    let label = ui.label(label);
    ui.add(egui::DragValue::new(value).range(range))
        .labelled_by(label.id);
    ui.end_row();
}

pub fn ui(app: &mut PantauApp, ui: &mut egui::Ui) {
    let lang = app.lang();
    let tr = lang.tr();
    ui.heading(tr.settings);
    ui.horizontal(|ui| {
        ui.label(tr.language);
        for (choice, name) in [(Lang::Id, "Bahasa Indonesia"), (Lang::En, "English")] {
            if ui.radio(lang == choice, name).clicked() {
                app.commands.push(Command::SetLanguage(choice));
            }
        }
    });
    ui.horizontal(|ui| {
        ui.label(tr.appearance);
        for (dark, name) in [(false, tr.theme_light), (true, tr.theme_dark)] {
            if ui.radio(app.prefs.dark == dark, name).clicked() {
                app.commands.push(Command::SetDark(dark));
            }
        }
    });
    ui.add_space(10.0);
    let Some(stored) = app.view().map(|v| v.data.settings.clone()) else {
        return;
    };
    let edited = app.settings.edited.get_or_insert(stored);
    egui::Grid::new("settings")
        .num_columns(2)
        .spacing([16.0, 6.0])
        .show(ui, |ui| {
            number_row(
                ui,
                tr.outlier_factor,
                &mut edited.outlier_factor,
                1.0..=100.0,
                0.1,
            );
            whole_row(
                ui,
                tr.outlier_window,
                &mut edited.outlier_window_days,
                5..=250,
            );
            whole_row(
                ui,
                tr.forecast_window,
                &mut edited.forecast_window_days,
                5..=500,
            );
            whole_row(
                ui,
                tr.forecast_trials,
                &mut edited.forecast_trials,
                100..=100_000,
            );
            number_row(
                ui,
                tr.coverage_poor,
                &mut edited.coverage_poor_below,
                0.0..=100.0,
                0.5,
            );
            number_row(
                ui,
                tr.coverage_good,
                &mut edited.coverage_good_above,
                0.0..=100.0,
                0.5,
            );
        });
    ui.add_space(8.0);
    if ui.button(tr.save).clicked() {
        app.commands.push(Command::SaveSettings(edited.clone()));
    }
}

//! Pengaturan: language, the outlier rule, the forecast, the coverage bands.

use super::{Command, Frame};
use crate::domain::dataset::Settings;
use crate::locale::Lang;

#[derive(Default)]
pub struct SettingsState {
    pub edited: Option<Settings>,
}

impl SettingsState {
    pub fn reset(&mut self, stored: &Settings) {
        self.edited = Some(stored.clone());
    }
}

/// A decimal setting, written and read the language's way: `3,5` in Indonesian.
fn number_row(
    ui: &mut egui::Ui,
    lang: Lang,
    label: &str,
    value: &mut f64,
    range: std::ops::RangeInclusive<f64>,
    speed: f64,
) {
    let label = ui.label(label);
    ui.add(
        egui::DragValue::new(value)
            .range(range)
            .speed(speed)
            .custom_formatter(move |v, _| crate::locale::fmt::decimal(lang, v))
            .custom_parser(move |text| parse_decimal(lang, text)),
    )
    .labelled_by(label.id);
    ui.end_row();
}

/// A whole-number setting, with the language's thousands separator: `10.000` in Indonesian.
fn whole_row(
    ui: &mut egui::Ui,
    lang: Lang,
    label: &str,
    value: &mut usize,
    range: std::ops::RangeInclusive<usize>,
) {
    let label = ui.label(label);
    ui.add(
        egui::DragValue::new(value)
            .range(range)
            .custom_formatter(move |v, _| {
                crate::locale::fmt::count(lang, v.round().max(0.0) as u64)
            })
            .custom_parser(|text| {
                crate::domain::number::parse_count(text)
                    .ok()
                    .map(|n| n as f64)
            }),
    )
    .labelled_by(label.id);
    ui.end_row();
}

/// `3,5` (Indonesian) or `3.5` (English) as a number. In Indonesian a `.` separates thousands
/// (`1.000,5`), but `3.5` with no comma and not three digits after the dot is read as the
/// decimal a clerk meant, never as 35.
fn parse_decimal(lang: Lang, text: &str) -> Option<f64> {
    let text = text.trim();
    let decimal_dot = |t: &str| {
        !t.contains(',')
            && t.matches('.').count() == 1
            && t.rsplit('.').next().is_some_and(|after| after.len() != 3)
    };
    let text = match lang {
        Lang::Id if decimal_dot(text) => text.to_string(),
        Lang::Id => text.replace('.', "").replace(',', "."),
        Lang::En => text.replace(',', ""),
    };
    text.parse().ok().filter(|v: &f64| v.is_finite())
}

pub fn ui(
    ui: &mut egui::Ui,
    state: &mut SettingsState,
    frame: &Frame,
    commands: &mut Vec<Command>,
) {
    let lang = frame.lang;
    let tr = lang.tr();
    ui.heading(tr.settings);
    ui.horizontal(|ui| {
        ui.label(tr.language);
        for (choice, name) in [(Lang::Id, "Bahasa Indonesia"), (Lang::En, "English")] {
            if ui.radio(lang == choice, name).clicked() {
                commands.push(Command::SetLanguage(choice));
            }
        }
    });
    ui.horizontal(|ui| {
        ui.label(tr.appearance);
        for (dark, name) in [(false, tr.theme_light), (true, tr.theme_dark)] {
            if ui.radio(frame.dark == dark, name).clicked() {
                commands.push(Command::SetDark(dark));
            }
        }
    });
    ui.add_space(10.0);
    let edited = state
        .edited
        .get_or_insert_with(|| frame.view.data.settings.clone());
    egui::Grid::new("settings")
        .num_columns(2)
        .spacing([16.0, 6.0])
        .show(ui, |ui| {
            number_row(
                ui,
                lang,
                tr.outlier_factor,
                &mut edited.outlier_factor,
                1.0..=100.0,
                0.1,
            );
            whole_row(
                ui,
                lang,
                tr.outlier_window,
                &mut edited.outlier_window_days,
                5..=250,
            );
            whole_row(
                ui,
                lang,
                tr.forecast_window,
                &mut edited.forecast_window_days,
                5..=500,
            );
            whole_row(
                ui,
                lang,
                tr.forecast_trials,
                &mut edited.forecast_trials,
                100..=100_000,
            );
            number_row(
                ui,
                lang,
                tr.coverage_poor,
                &mut edited.coverage_poor_below,
                0.0..=100.0,
                0.5,
            );
            number_row(
                ui,
                lang,
                tr.coverage_good,
                &mut edited.coverage_good_above,
                0.0..=100.0,
                0.5,
            );
            let label = ui.label(tr.cumulative_entry);
            ui.checkbox(&mut edited.cumulative_entry, "")
                .labelled_by(label.id)
                .on_hover_text(tr.cumulative_entry_hint);
            ui.end_row();
            let label = ui.label(tr.counts_prr);
            ui.checkbox(&mut edited.counts_prr, "")
                .labelled_by(label.id)
                .on_hover_text(tr.counts_prr_hint);
            ui.end_row();
            // The request for blanks: when, and how many.
            let mut threshold = edited.reorder_threshold as usize;
            whole_row(
                ui,
                lang,
                tr.reorder_threshold,
                &mut threshold,
                0..=10_000_000,
            );
            edited.reorder_threshold = threshold as u64;
            whole_row(
                ui,
                lang,
                tr.reorder_lead_days,
                &mut edited.reorder_lead_days,
                1..=250,
            );
            whole_row(
                ui,
                lang,
                tr.request_buffer_days,
                &mut edited.request_buffer_days,
                0..=250,
            );
            let mut round_to = edited.request_round_to as usize;
            whole_row(ui, lang, tr.request_round_to, &mut round_to, 1..=100_000);
            edited.request_round_to = round_to as u64;
            // The letter's letterhead and signature.
            let l = &mut edited.letterhead;
            for (label, text) in [
                (tr.letter_government, &mut l.government),
                (tr.letter_address, &mut l.address),
                (tr.letter_city, &mut l.city),
                (tr.letter_head_title, &mut l.head_title),
                (tr.letter_head_name, &mut l.head_name),
                (tr.letter_head_nip, &mut l.head_nip),
            ] {
                let label = ui.label(label);
                ui.add(egui::TextEdit::singleline(text).desired_width(360.0))
                    .labelled_by(label.id);
                ui.end_row();
            }
        });
    ui.add_space(8.0);
    if ui.button(tr.save).clicked() {
        commands.push(Command::SaveSettings(edited.clone()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_read_the_languages_way() {
        assert_eq!(parse_decimal(Lang::Id, "3,5"), Some(3.5));
        assert_eq!(parse_decimal(Lang::Id, "1.000,5"), Some(1000.5));
        assert_eq!(parse_decimal(Lang::En, "3.5"), Some(3.5));
        assert_eq!(parse_decimal(Lang::En, "1,000.5"), Some(1000.5));
        assert_eq!(parse_decimal(Lang::Id, "3.5"), Some(3.5), "not 35");
        assert_eq!(parse_decimal(Lang::Id, "10.000"), Some(10_000.0));
        assert_eq!(parse_decimal(Lang::Id, "tiga"), None);
    }
}

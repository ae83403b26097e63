//! One file per screen, each with `fn ui(app, ui)` and its own form state.

pub mod dashboard;
pub mod entry;
pub mod figures;
pub mod outages;
pub mod reports;
pub mod settings;
pub mod stock;
pub mod targets;
pub mod units;
pub mod welcome;

use chrono::NaiveDate;

/// Selects all of a text edit's text, so that typing replaces it, as in a spreadsheet.
pub fn select_all(ctx: &egui::Context, id: egui::Id, text: &str) {
    let mut state = egui::TextEdit::load_state(ctx, id).unwrap_or_default();
    state
        .cursor
        .set_char_range(Some(egui::text::CCursorRange::select_all_str(text)));
    state.store(ctx, id);
}

/// Gives a grid cell its own accessible name, "Torjun Rekam", for screen readers and tests.
pub fn name_for_accessibility(ui: &egui::Ui, id: egui::Id, unit: &str, column: &str) {
    ui.ctx()
        .accesskit_node_builder(id, |node| node.set_label(format!("{unit} {column}")));
}

/// A labelled single-line text field; the label is also its accessible name.
pub fn field(ui: &mut egui::Ui, label: &str, text: &mut String, width: f32) -> egui::Response {
    ui.horizontal(|ui| {
        let label = ui.label(label);
        ui.add(egui::TextEdit::singleline(text).desired_width(width))
            .labelled_by(label.id)
    })
    .inner
}

/// A date picker with a label; keeps a chrono date, converting at this boundary only.
pub fn date_field(ui: &mut egui::Ui, label: &str, id: &str, date: &mut NaiveDate) {
    ui.horizontal(|ui| {
        ui.label(label);
        date_picker(ui, id, date);
    });
}

pub fn date_picker(ui: &mut egui::Ui, id: &str, date: &mut NaiveDate) -> bool {
    use chrono::Datelike;
    let Ok(mut civil) =
        jiff::civil::Date::new(date.year() as i16, date.month() as i8, date.day() as i8)
    else {
        return false;
    };
    let before = civil;
    ui.add(
        egui_extras::DatePickerButton::new(&mut civil)
            .id_salt(id)
            .format("%Y-%m-%d")
            .show_icon(false)
            .calendar_week(false),
    );
    if civil == before {
        return false;
    }
    match NaiveDate::from_ymd_opt(
        civil.year().into(),
        civil.month() as u32,
        civil.day() as u32,
    ) {
        Some(new) => {
            *date = new;
            true
        }
        None => false,
    }
}

//! One file per screen, each with its own form state and a `fn ui` that draws from the
//! [`Frame`] and records what the clerk asks as [`Command`]s: no screen holds the app, the
//! store or a file.

pub mod accounts;
pub mod approval;
pub mod dashboard;
pub mod date_picker;
pub mod entry;
pub mod exchange;
pub mod figures;
pub mod hub;
pub mod login;
pub mod outages;
pub mod reports;
pub mod settings;
pub mod stock;
pub mod targets;
pub mod units;
pub mod welcome;

use chrono::NaiveDate;

pub use date_picker::date_picker;

pub use super::app::Command;
use super::app::View;
use crate::locale::Lang;

/// What a screen draws from besides its own state: the open data, the language and today.
#[derive(Clone, Copy)]
pub struct Frame<'a> {
    pub view: &'a View,
    pub lang: Lang,
    pub today: NaiveDate,
    /// The dark theme is chosen.
    pub dark: bool,
    /// A modal dialog (an error, the path field) is open: the keyboard is its.
    pub modal: bool,
}

/// The as-of date of the figures: the picker, the date in words, and whether it follows the
/// data (latest) or was picked, with one click back to the latest.
pub fn as_of_ui(ui: &mut egui::Ui, frame: &Frame, salt: &str, commands: &mut Vec<Command>) {
    let (lang, view) = (frame.lang, frame.view);
    let tr = lang.tr();
    let mut as_of = view.as_of;
    // Ctrl+D: to the as-of day from anywhere on the screen, its text selected to type over.
    let shortcut = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::D);
    if ui.input_mut(|i| i.consume_shortcut(&shortcut)) {
        let field = date_picker::field_id(salt);
        ui.memory_mut(|m| m.request_focus(field));
        select_all(
            ui.ctx(),
            field,
            &crate::locale::fmt::date_short(lang, as_of),
        );
    }
    if date_picker::date_picker_named(ui, salt, Some(tr.as_of), &mut as_of) {
        commands.push(Command::SetAsOf(Some(as_of)));
    }
    ui.strong(crate::locale::fmt::date_long(lang, view.as_of))
        .on_hover_text(tr.as_of_shortcut);
    if view.as_of_picked {
        ui.colored_label(crate::ui::theme::WARNING, tr.as_of_picked);
        if ui
            .button(tr.back_to_latest)
            .on_hover_text(tr.back_to_latest_hint)
            .clicked()
        {
            commands.push(Command::SetAsOf(None));
        }
    } else {
        ui.label(egui::RichText::new(tr.as_of_latest).weak())
            .on_hover_text(tr.as_of_latest_hint);
    }
    // The latest day with data may be one some units have not reported yet: said here, so
    // that "terbaru" never reads as "complete".
    let data = &view.data;
    let expected = data.calendar.is_working_day(view.as_of)
        && data.reporting_start().is_some_and(|s| view.as_of >= s);
    let active: Vec<_> = data.units.iter().filter(|u| u.active).collect();
    let missing: Vec<&str> = active
        .iter()
        .filter(|u| !data.reports.contains_key(&(u.id, view.as_of)))
        .map(|u| u.name.as_str())
        .collect();
    // At a hub the districts' table below says who has not reported, and why not.
    if expected && !missing.is_empty() && !view.is_hub() {
        let reported = active.len() - missing.len();
        ui.colored_label(
            crate::ui::theme::WARNING,
            (tr.as_of_reported)(reported, active.len()),
        )
        .on_hover_text(format!("{}: {}", tr.missing_units, missing.join(", ")));
    }
}

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
/// Returns whether the date changed.
pub fn date_field(ui: &mut egui::Ui, label: &str, id: &str, date: &mut NaiveDate) -> bool {
    ui.horizontal(|ui| {
        ui.label(label);
        date_picker::date_picker_named(ui, id, Some(label), date)
    })
    .inner
}

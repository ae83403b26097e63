//! A date picker in the office's language: a button with the date, a month calendar (Monday
//! first, Indonesian or English names) in a popup, a "today" button. egui_extras' picker only
//! speaks English.

use chrono::{Datelike, Days, Months, NaiveDate};

use crate::locale::{Lang, fmt};

/// The language and the day the pickers draw with, set once a frame by the app (see
/// [`set_context`]) so that every form's picker speaks the screen's language.
#[derive(Debug, Clone, Copy)]
struct PickerContext {
    lang: Lang,
    today: NaiveDate,
}

fn context_id() -> egui::Id {
    egui::Id::unique("pantau-date-picker-context")
}

/// Sets the language and today's date for the pickers drawn this frame.
pub fn set_context(ctx: &egui::Context, lang: Lang, today: NaiveDate) {
    ctx.data_mut(|d| d.insert_temp(context_id(), PickerContext { lang, today }));
}

/// A button showing `date`; clicking it opens the calendar. Returns whether the date changed.
pub fn date_picker(ui: &mut egui::Ui, salt: &str, date: &mut NaiveDate) -> bool {
    let PickerContext { lang, today } = ui
        .data(|d| d.get_temp::<PickerContext>(context_id()))
        .unwrap_or(PickerContext {
            lang: Lang::Id,
            today: crate::clock::today(),
        });
    let button = ui.button(fmt::date_short(lang, *date));
    let month_id = egui::Id::unique(("date-picker-month", salt));
    if button.clicked() {
        // Opens on the month of the date shown.
        ui.data_mut(|d| d.insert_temp(month_id, first_of_month(*date)));
    }
    let mut changed = false;
    egui::Popup::from_toggle_button_response(&button)
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
        .show(|ui| {
            let mut month = ui
                .data(|d| d.get_temp::<NaiveDate>(month_id))
                .unwrap_or_else(|| first_of_month(*date));
            ui.horizontal(|ui| {
                if ui.button("‹").clicked() {
                    month = month - Months::new(1);
                }
                ui.label(
                    egui::RichText::new(format!(
                        "{} {}",
                        fmt::month(lang, month.month0()),
                        month.year()
                    ))
                    .strong(),
                );
                if ui.button("›").clicked() {
                    month = month + Months::new(1);
                }
            });
            egui::Grid::new(("date-picker-days", salt))
                .spacing([2.0, 2.0])
                .show(ui, |ui| {
                    for name in fmt::weekdays_short(lang) {
                        ui.label(egui::RichText::new(name).small());
                    }
                    ui.end_row();
                    let lead = month.weekday().num_days_from_monday();
                    for _ in 0..lead {
                        ui.label("");
                    }
                    let mut day = month;
                    let mut column = lead;
                    while day.month() == month.month() {
                        let text = egui::RichText::new(day.day().to_string());
                        let text = if day == today { text.underline() } else { text };
                        let button = egui::Button::selectable(day == *date, text)
                            .min_size(egui::vec2(28.0, 0.0));
                        if ui.add(button).clicked() {
                            *date = day;
                            changed = true;
                        }
                        column += 1;
                        if column == 7 {
                            ui.end_row();
                            column = 0;
                        }
                        match day.checked_add_days(Days::new(1)) {
                            Some(next) => day = next,
                            None => break,
                        }
                    }
                });
            if ui.button(lang.tr().today).clicked() {
                *date = today;
                changed = true;
            }
            ui.data_mut(|d| d.insert_temp(month_id, month));
        });
    if changed {
        egui::Popup::close_id(ui.ctx(), egui::Popup::default_response_id(&button));
    }
    changed
}

fn first_of_month(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

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

/// The text field of the date picker `salt`: to give it the focus (Ctrl+D on the as-of day).
pub fn field_id(salt: &str) -> egui::Id {
    egui::Id::unique(("date-picker-field", salt))
}

/// Sets the language and today's date for the pickers drawn this frame.
pub fn set_context(ctx: &egui::Context, lang: Lang, today: NaiveDate) {
    ctx.data_mut(|d| d.insert_temp(context_id(), PickerContext { lang, today }));
}

/// A field showing `date` where a date can be typed (`5/10/2016`, `2016-10-05`, `5 Okt 2016`,
/// taken on Enter or when the field is left; one that is no date is marked and says why), and
/// a button that opens the calendar. Returns whether the date changed.
pub fn date_picker(ui: &mut egui::Ui, salt: &str, date: &mut NaiveDate) -> bool {
    date_picker_named(ui, salt, None, date)
}

/// [`date_picker`] whose field is known by `name` (its label) to screen readers and tests;
/// "Tanggal" without one.
pub fn date_picker_named(
    ui: &mut egui::Ui,
    salt: &str,
    name: Option<&str>,
    date: &mut NaiveDate,
) -> bool {
    let PickerContext { lang, today } = ui
        .data(|d| d.get_temp::<PickerContext>(context_id()))
        .unwrap_or(PickerContext {
            lang: Lang::Id,
            today: crate::clock::today(),
        });
    let name = name.unwrap_or(lang.tr().date);
    let mut changed = typed_date_ui(ui, salt, name, lang, date);
    let button = calendar_button(ui).on_hover_text(lang.tr().date_picker_open);
    let label = format!(
        "{} {}",
        lang.tr().date_picker_open,
        fmt::date_short(lang, *date)
    );
    ui.ctx()
        .accesskit_node_builder(button.id, |node| node.set_label(label));
    let month_id = egui::Id::unique(("date-picker-month", salt));
    if button.clicked() {
        // Opens on the month of the date shown.
        ui.data_mut(|d| d.insert_temp(month_id, first_of_month(*date)));
    }
    egui::Popup::from_toggle_button_response(&button)
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
        .show(|ui| {
            let mut month = ui
                .data(|d| d.get_temp::<NaiveDate>(month_id))
                .unwrap_or_else(|| first_of_month(*date));
            // A year back, a month back, the month, a month on, a year on; the month's name
            // has a width of its own, so the arrows stay where they are as it changes.
            ui.horizontal(|ui| {
                let tr = lang.tr();
                for (text, hint, step) in [("«", tr.year_back, 12), ("‹", tr.month_back, 1)] {
                    if ui.button(text).on_hover_text(hint).clicked() {
                        month = month - Months::new(step);
                    }
                }
                let name = format!("{} {}", fmt::month(lang, month.month0()), month.year());
                ui.add_sized(
                    [120.0, ui.spacing().interact_size.y],
                    egui::Label::new(egui::RichText::new(name).strong()),
                );
                for (text, hint, step) in [("›", tr.month_on, 1), ("»", tr.year_on, 12)] {
                    if ui.button(text).on_hover_text(hint).clicked() {
                        month = month + Months::new(step);
                    }
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

/// A small button with a calendar drawn on it (the default fonts have no such glyph).
fn calendar_button(ui: &mut egui::Ui) -> egui::Response {
    let side = ui.spacing().interact_size.y;
    let response = ui.add(egui::Button::new("").min_size(egui::vec2(side + 4.0, side)));
    let color = ui.style().interact(&response).fg_stroke.color;
    let stroke = egui::Stroke::new(1.2, color);
    let page = egui::Rect::from_center_size(response.rect.center(), egui::vec2(12.0, 11.0));
    let painter = ui.painter();
    painter.rect_stroke(page, 1.0, stroke, egui::StrokeKind::Middle);
    let bar = page.top() + 3.0;
    painter.line_segment(
        [egui::pos2(page.left(), bar), egui::pos2(page.right(), bar)],
        stroke,
    );
    for x in [page.left() + 3.5, page.right() - 3.5] {
        painter.line_segment(
            [
                egui::pos2(x, page.top() - 2.0),
                egui::pos2(x, page.top() + 1.0),
            ],
            stroke,
        );
    }
    for row in 0..2 {
        for column in 0..3 {
            let at = egui::pos2(
                page.left() + 3.0 + column as f32 * 3.0,
                bar + 3.0 + row as f32 * 3.0,
            );
            painter.circle_filled(at, 0.8, color);
        }
    }
    response
}

/// The text field of a date: what is typed stays as typed while the field has the keyboard,
/// and is read when it is left or Enter is pressed. Returns whether the date changed.
fn typed_date_ui(
    ui: &mut egui::Ui,
    salt: &str,
    name: &str,
    lang: Lang,
    date: &mut NaiveDate,
) -> bool {
    let text_id = text_id(salt);
    let shown = fmt::date_short(lang, *date);
    // (text typed, whether it was refused): kept only while it differs from the date shown.
    let typed = ui.data(|d| d.get_temp::<(String, bool)>(text_id));
    let kept = typed.is_some();
    let (mut text, refused) = typed.unwrap_or((shown, false));
    let mut edit = egui::TextEdit::singleline(&mut text)
        .id(field_id(salt))
        .desired_width(92.0)
        .hint_text(lang.tr().date_hint);
    if refused {
        edit = edit.background_color(crate::ui::theme::grid_colors(ui.visuals().dark_mode).invalid);
    }
    let response = ui.add(edit);
    let label = name.to_string();
    ui.ctx()
        .accesskit_node_builder(response.id, |node| node.set_label(label));
    let response = if refused {
        response.on_hover_text(crate::locale::not_a_date(lang, text.trim()))
    } else {
        response
    };
    let mut changed = false;
    if response.lost_focus() {
        let before = *date;
        // A refusal stays marked on the field and in its hover text.
        let _ = take_text(ui.ctx(), text_id, text, date);
        changed = *date != before;
    } else if response.has_focus() {
        if response.changed() || kept {
            ui.data_mut(|d| d.insert_temp(text_id, (text, refused && !response.changed())));
        }
    } else if kept && !refused {
        ui.data_mut(|d| d.remove::<(String, bool)>(text_id));
    }
    changed
}

/// Before a form is saved: the text typed in the date field `salt` that has not been taken
/// yet (typed, then Ctrl+S or Ctrl+Enter with the field still focused) is taken now, and text
/// that is no date refuses the save — the form never goes on with a date the clerk did not
/// type. Returns why, naming the field (`name`), when the text is no date.
pub fn settle(
    ctx: &egui::Context,
    salt: &str,
    name: &str,
    lang: Lang,
    date: &mut NaiveDate,
) -> Result<(), String> {
    let text_id = text_id(salt);
    let Some((text, _)) = ctx.data(|d| d.get_temp::<(String, bool)>(text_id)) else {
        return Ok(());
    };
    take_text(ctx, text_id, text, date)
        .map_err(|text| format!("{name}: {}", crate::locale::not_a_date(lang, text.trim())))
}

/// Why the date field `salt` (named `name`) holds no date the form can use: text typed that
/// is no date. `None` while its date is the one shown.
pub fn refused(ctx: &egui::Context, salt: &str, name: &str, lang: Lang) -> Option<String> {
    match ctx.data(|d| d.get_temp::<(String, bool)>(text_id(salt))) {
        Some((text, true)) => Some(format!(
            "{name}: {}",
            crate::locale::not_a_date(lang, text.trim())
        )),
        _ => None,
    }
}

/// Where a date field keeps the text typed in it (and whether it was refused) while that
/// text differs from the date shown.
fn text_id(salt: &str) -> egui::Id {
    egui::Id::unique(("date-picker-text", salt))
}

/// Takes the text typed in a date field: a date becomes `date` and the text is let go; empty
/// text is let go; text that is no date is kept, marked refused, and returned.
fn take_text(
    ctx: &egui::Context,
    text_id: egui::Id,
    text: String,
    date: &mut NaiveDate,
) -> Result<(), String> {
    match crate::domain::calendar::parse_date(&text) {
        Ok(day) => *date = day,
        Err(_) if !text.trim().is_empty() => {
            ctx.data_mut(|d| d.insert_temp(text_id, (text.clone(), true)));
            return Err(text);
        }
        Err(_) => {}
    }
    ctx.data_mut(|d| d.remove::<(String, bool)>(text_id));
    Ok(())
}

fn first_of_month(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

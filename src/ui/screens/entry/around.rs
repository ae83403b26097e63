//! Around the grid: the date, who has reported, the month calendar and the review list.

use super::*;

/// Imported reports with an outlier and no note yet: a click opens the day with the keyboard
/// in that unit's note.
pub(super) fn review_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    screen: &mut EntryScreen,
    data: &Arc<Dataset>,
    list_height: f32,
) {
    const SHOWN: usize = 50;
    let tr = lang.tr();
    if data.unexplained.is_empty() {
        return;
    }
    let mut open = None;
    ui.strong(egui::RichText::new((tr.review_title)(data.unexplained.len())).color(theme::WARNING));
    ui.label(egui::RichText::new(tr.review_hint).weak());
    egui::ScrollArea::vertical()
        .id_salt("entry-review")
        .max_height(list_height)
        .show(ui, |ui| {
            let mut flagged: Vec<&(UnitId, NaiveDate)> = data.unexplained.iter().collect();
            flagged.sort_by_key(|(unit, date)| (*date, *unit));
            for &&(unit, date) in flagged.iter().take(SHOWN) {
                let label = format!("{} — {}", fmt::date_long(lang, date), data.unit_name(unit));
                if ui.link(label).clicked() {
                    open = Some((unit, date));
                }
            }
            if flagged.len() > SHOWN {
                ui.label((tr.review_more)(flagged.len() - SHOWN));
            }
        });
    if let Some((unit, date)) = open {
        screen.go_to(data, date);
        if screen.grid.date == Some(date)
            && let Some(row) = screen.grid.rows.iter().position(|r| r.unit_id == unit)
        {
            screen.grid.cursor = Some(Cell::new(row, screen.grid.layout.note()));
            screen.enter_pending = true;
            screen.scroll_to_cursor = true;
        }
    }
}

/// The height `review_ui` takes with a list `list_height` high, or 0 with nothing to review.
pub(super) fn review_height(ui: &egui::Ui, data: &Dataset, list_height: f32) -> f32 {
    if data.unexplained.is_empty() {
        return 0.0;
    }
    let line = ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
    2.0 * line + list_height.min(data.unexplained.len() as f32 * line)
}

/// The working day before or after `date`.
pub(super) fn step_working_day(data: &Dataset, date: NaiveDate, forward: bool) -> NaiveDate {
    let mut day = date;
    for _ in 0..30 {
        let next = if forward {
            day.checked_add_days(Days::new(1))
        } else {
            day.checked_sub_days(Days::new(1))
        };
        let Some(next) = next else { break };
        day = next;
        if data.calendar.is_working_day(day) {
            return day;
        }
    }
    date
}

pub(super) fn date_controls_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    today: NaiveDate,
    screen: &mut EntryScreen,
    data: &Arc<Dataset>,
    date: NaiveDate,
) {
    let tr = lang.tr();
    let mut wanted: Option<NaiveDate> = None;
    ui.horizontal(|ui| {
        if ui.button(tr.previous_day).clicked() {
            wanted = Some(step_working_day(data, date, false));
        }
        let mut picked = date;
        if crate::ui::screens::date_picker(ui, "entry-date", &mut picked) {
            wanted = Some(picked);
        }
        let next = step_working_day(data, date, true);
        let not_yet = (tr.next_day_not_yet)(&fmt::date_long(lang, next));
        if ui
            .add_enabled(next <= today, egui::Button::new(tr.next_day))
            .on_disabled_hover_text(&not_yet)
            .clicked()
        {
            wanted = Some(next);
        }
        ui.strong(fmt::date_long(lang, date));
        if let Some(holiday) = data.calendar.holiday(date) {
            ui.colored_label(theme::WARNING, &holiday.name);
        }
        // Why the button is grey, in words (the refusal of a later day says it already).
        let refused_here = screen
            .future_asked
            .is_some_and(|(_, shown)| shown == Some(date));
        if next > today && !refused_here {
            ui.weak(not_yet);
        }
    });
    if let Some(day) = wanted {
        screen.go_to(data, day);
    }
    if let Some((asked, shown)) = screen.future_asked
        && shown == Some(date)
    {
        ui.colored_label(
            theme::WARNING,
            (tr.entry_future_day)(&fmt::date_long(lang, asked), &fmt::date_long(lang, today)),
        );
    }
    if let Some(pending) = screen.grid.pending_date {
        ui.horizontal(|ui| {
            ui.colored_label(theme::WARNING, tr.unsaved_changes);
            if ui.button(tr.discard_changes).clicked() {
                screen.grid.load(data, pending);
                screen.enter_pending = screen.grid.cursor.is_some();
            }
            if ui.button(tr.cancel).clicked() {
                screen.grid.pending_date = None;
            }
        });
    }
}

/// "12 dari 15 unit sudah melapor untuk Rabu, 5 Oktober 2016", and who has not.
pub(super) fn completeness_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    data: &Dataset,
    date: NaiveDate,
    rows: &[super::RowEdit],
) {
    let tr = lang.tr();
    let active: Vec<_> = data.units.iter().filter(|u| u.active).collect();
    let unreported: Vec<_> = active
        .iter()
        .filter(|u| !data.reports.contains_key(&(u.id, date)))
        .collect();
    // A unit without a report on a day the account cannot enter any more is closed, not late:
    // said apart, so "belum lapor" is what can still be done.
    let closed_to_it = |id: UnitId| rows.iter().any(|r| r.unit_id == id && r.closed);
    let (closed, missing): (Vec<&str>, Vec<&str>) = (
        unreported
            .iter()
            .filter(|u| closed_to_it(u.id))
            .map(|u| u.name.as_str())
            .collect(),
        unreported
            .iter()
            .filter(|u| !closed_to_it(u.id))
            .map(|u| u.name.as_str())
            .collect(),
    );
    let reported = active.len() - unreported.len();
    if !data.calendar.is_working_day(date) {
        // A weekend or holiday: no unit is late for it, whoever worked that day.
        ui.label(
            egui::RichText::new((tr.completeness_rest_day)(
                reported,
                &fmt::date_long(lang, date),
            ))
            .weak(),
        );
        return;
    }
    let text = (tr.completeness)(reported, active.len(), &fmt::date_long(lang, date));
    ui.horizontal(|ui| {
        let color = if unreported.is_empty() {
            theme::SAVED
        } else {
            theme::WARNING
        };
        ui.colored_label(color, text);
        let mut parts = Vec::new();
        if !missing.is_empty() {
            parts.push(format!("{}: {}", tr.missing_units, missing.join(", ")));
        }
        if !closed.is_empty() {
            parts.push(format!("{}: {}", tr.closed_units, closed.join(", ")));
        }
        if !parts.is_empty() {
            // One line, so that the grid keeps its rows; the whole list on hover.
            let list = format!("— {}", parts.join("; "));
            ui.add(egui::Label::new(list).truncate());
        }
    });
}

/// Height of what is drawn under the grid besides the calendar: the line for the cursor
/// row's message, the save line, the key hint (as it wraps at this width) and the spacing.
pub(super) fn save_lines_height(ui: &egui::Ui, lang: Lang) -> f32 {
    let line = ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
    let hint = egui::WidgetText::from(egui::RichText::new(lang.tr().entry_hint).weak())
        .into_galley(
            ui,
            Some(egui::TextWrapMode::Wrap),
            ui.available_width(),
            egui::TextStyle::Body,
        )
        .size()
        .y;
    MESSAGE_LINES * line + line + hint + ui.spacing().item_spacing.y + 12.0
}

/// Lines kept under the grid for the message of the row the cursor is in.
pub(super) const MESSAGE_LINES: f32 = 1.0;

/// Height of the month calendar with its title and weekday row.
pub(super) fn calendar_height(ui: &egui::Ui, date: Option<NaiveDate>) -> f32 {
    let weeks = date
        .and_then(|d| NaiveDate::from_ymd_opt(d.year(), d.month(), 1))
        .map_or(6, |first| {
            let days = first
                .iter_days()
                .take_while(|d| d.month() == first.month())
                .count();
            (first.weekday().num_days_from_monday() as usize + days).div_ceil(7)
        });
    let line = ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
    2.0 * line + weeks as f32 * (CALENDAR_DAY.y + 4.0) + 16.0
}

/// The width of the month calendar.
pub(super) const CALENDAR_WIDTH: f32 = 7.0 * (CALENDAR_DAY.x + 10.0) + 12.0;

/// "Kalender laporan — Juni 2017".
pub(super) fn calendar_title(lang: Lang, date: NaiveDate) -> String {
    format!(
        "{} — {} {}",
        lang.tr().month_calendar,
        fmt::month(lang, date.month0()),
        date.year()
    )
}

/// The size of a day in the month calendar.
pub(super) const CALENDAR_DAY: egui::Vec2 = egui::vec2(34.0, 22.0);

/// A month of days, marked by how many units reported; a click opens that day. Days before
/// the office's first report or opening balance, and days to come, are not marked.
pub(super) fn calendar_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    today: NaiveDate,
    screen: &mut EntryScreen,
    data: &Arc<Dataset>,
    titled: bool,
) {
    let tr = lang.tr();
    let Some(date) = screen.grid.date else {
        return;
    };
    if titled {
        ui.strong(calendar_title(lang, date));
    }
    let active: Vec<UnitId> = data
        .units
        .iter()
        .filter(|u| u.active)
        .map(|u| u.id)
        .collect();
    let Some(first) = NaiveDate::from_ymd_opt(date.year(), date.month(), 1) else {
        return;
    };
    let expected_from = data.reporting_start();
    let offset = first.weekday().num_days_from_monday() as usize;
    let mut clicked = None;
    egui::Grid::new("entry-calendar")
        .spacing([4.0, 4.0])
        .show(ui, |ui| {
            for name in fmt::weekdays_short(lang) {
                ui.label(name);
            }
            ui.end_row();
            for _ in 0..offset {
                ui.label("");
            }
            let mut column = offset;
            for day in first.iter_days().take_while(|d| d.month() == date.month()) {
                let expected = data.calendar.is_working_day(day)
                    && day <= today
                    && expected_from.is_some_and(|start| day >= start);
                let reported = active
                    .iter()
                    .filter(|u| data.reports.contains_key(&(**u, day)))
                    .count();
                let fill = if reported == active.len() && reported > 0 {
                    theme::DAY_COMPLETE
                } else if reported > 0 {
                    theme::DAY_PARTIAL
                } else if expected {
                    theme::DAY_MISSING
                } else {
                    ui.visuals().faint_bg_color
                };
                let text = egui::RichText::new(day.day().to_string()).color(
                    if fill == ui.visuals().faint_bg_color {
                        ui.visuals().text_color()
                    } else {
                        egui::Color32::BLACK
                    },
                );
                let button = egui::Button::new(text)
                    .fill(fill)
                    .selected(day == date)
                    .min_size(CALENDAR_DAY);
                // What the colour means, in words: "3 dari 5 unit melapor", a holiday's name.
                let hover = match data.calendar.holiday(day) {
                    Some(holiday) if reported == 0 => holiday.name.clone(),
                    _ if reported > 0 || expected => {
                        (tr.completeness)(reported, active.len(), &fmt::date_long(lang, day))
                    }
                    _ => fmt::date_long(lang, day),
                };
                if ui.add(button).on_hover_text(hover).clicked() {
                    clicked = Some(day);
                }
                column += 1;
                if column.is_multiple_of(7) {
                    ui.end_row();
                }
            }
        });
    if let Some(day) = clicked {
        screen.go_to(data, day);
    }
}

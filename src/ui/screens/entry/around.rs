//! Around the grid: the date, who has reported, the month calendar and the review list.

use super::*;

/// Imported reports with an outlier and no note yet: a click opens the day with the keyboard
/// in that unit's note.
pub(super) fn review_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    screen: &mut EntryScreen,
    data: &Arc<Dataset>,
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
        .max_height(CALENDAR_DAY.y * 6.0)
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
            screen.grid.cursor = Some(Cell::new(row, NOTE_COLUMN));
            screen.enter_pending = true;
            screen.scroll_to_cursor = true;
        }
    }
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
        if ui.button(tr.next_day).clicked() {
            wanted = Some(step_working_day(data, date, true));
        }
        ui.strong(fmt::date_long(lang, date));
        if let Some(holiday) = data.calendar.holiday(date) {
            ui.colored_label(theme::WARNING, &holiday.name);
        }
    });
    if let Some(day) = wanted {
        screen.go_to(data, day);
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
pub(super) fn completeness_ui(ui: &mut egui::Ui, lang: Lang, data: &Dataset, date: NaiveDate) {
    let tr = lang.tr();
    let active: Vec<_> = data.units.iter().filter(|u| u.active).collect();
    let missing: Vec<&str> = active
        .iter()
        .filter(|u| !data.reports.contains_key(&(u.id, date)))
        .map(|u| u.name.as_str())
        .collect();
    let reported = active.len() - missing.len();
    let text = (tr.completeness)(reported, active.len(), &fmt::date_long(lang, date));
    ui.horizontal_wrapped(|ui| {
        let color = if missing.is_empty() {
            theme::SAVED
        } else {
            theme::WARNING
        };
        ui.colored_label(color, text);
        if !missing.is_empty() {
            ui.label(format!("— {}: {}", tr.missing_units, missing.join(", ")));
        }
    });
}

/// Height of what is drawn under the grid: the save line, the hint, the month calendar.
pub(super) fn below_grid_height(ui: &egui::Ui, date: Option<NaiveDate>) -> f32 {
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
    // Save line, two lines of hint, spacing, the calendar's title and weekday row, its weeks.
    3.0 * line + 2.0 * 16.0 + 2.0 * line + weeks as f32 * (CALENDAR_DAY.y + 4.0) + 24.0
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
) {
    let tr = lang.tr();
    let Some(date) = screen.grid.date else {
        return;
    };
    ui.strong(format!(
        "{} — {} {}",
        tr.month_calendar,
        fmt::month(lang, date.month0()),
        date.year()
    ));
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
                if ui.add(button).clicked() {
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

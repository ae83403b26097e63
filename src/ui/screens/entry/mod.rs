//! Entri Harian: one row per active unit for one date, edited like a spreadsheet.
//!
//! Keys are handled before anything is drawn: the app hands this screen one chunk of the
//! frame's keyboard input at a time (see `ui::keys`), led by at most one key that moves the
//! cursor. Moving the cursor first and drawing after means the text that follows a Tab lands
//! in the cell the Tab leads to, at any typing speed. The grid, not egui's own focus order,
//! decides where Tab, Enter and the arrows go.

mod around;
mod keys;
mod model;
mod nav;
pub mod paste;

use std::sync::Arc;

use chrono::{Datelike, Days, NaiveDate};
use egui::{Key, Modifiers};

pub use model::{
    COUNT_COLUMNS, Cell, EntryState, Field, Layout, Notice, RowEdit, RowStatus, STAGE_COLUMNS,
};
use nav::{Move, Target};

use super::{Command, Frame};
use crate::domain::{Dataset, UnitId};
use crate::locale::{Lang, fmt, violation};
use crate::ui::{i18n, theme};
use around::*;
use keys::*;

/// The grid's data and what drawing it needs to remember between frames.
#[derive(Default)]
pub struct EntryScreen {
    pub grid: EntryState,
    /// The Server OK check boxes' widget ids, one per row, as drawn last.
    server_ids: Vec<egui::Id>,
    /// Enter the cursor cell on the next frame (select its text): after the screen opens or
    /// the day changes.
    enter_pending: bool,
    /// Scroll the cursor cell into view when it is next drawn.
    scroll_to_cursor: bool,
    /// Give the save button the keyboard when it is next drawn.
    focus_save: bool,
    /// The grid's scroll offset and visible height, as last drawn.
    view: (f32, f32),
    /// Who is logged in, what is closed, the day and the language, as last drawn: a day loaded
    /// by a key marks its closed rows before the cursor enters one.
    access: Option<(crate::domain::access::Access, NaiveDate, Lang)>,
    /// A day after today that was asked for (picked, typed or PageDown) and refused, and the
    /// day the grid showed then: said under the date while the grid still shows that day.
    future_asked: Option<(NaiveDate, Option<NaiveDate>)>,
}

/// The widget id of a text cell.
pub fn cell_id(row: usize, column: usize) -> egui::Id {
    egui::Id::unique(("entry-cell", row, column))
}

impl EntryScreen {
    /// Puts the keyboard in the first unit's Rekam cell, as the screen opens.
    pub fn focus_first(&mut self) {
        self.grid.cursor = (!self.grid.rows.is_empty()).then_some(Cell::new(0, 0));
        self.enter_pending = self.grid.cursor.is_some();
    }

    fn widget_id(&self, cell: Cell) -> Option<egui::Id> {
        if cell.column != self.grid.layout.server() {
            Some(cell_id(cell.row, cell.column))
        } else {
            // Known once the check box has been drawn.
            self.server_ids
                .get(cell.row)
                .copied()
                .filter(|id| *id != egui::Id::NULL)
        }
    }

    fn cell_of(&self, id: egui::Id) -> Option<Cell> {
        (0..self.grid.rows.len()).find_map(|row| {
            (0..self.grid.layout.columns())
                .map(|column| Cell::new(row, column))
                .find(|c| self.widget_id(*c) == Some(id))
        })
    }

    /// Moves the cursor into `cell`: the cell gets the keyboard and its text is selected, so
    /// typing replaces it, as in a spreadsheet.
    fn enter(&mut self, ctx: &egui::Context, cell: Cell) {
        self.grid.cursor = Some(cell);
        self.grid.entered_text = self.grid.text(cell).unwrap_or_default().to_string();
        self.scroll_to_cursor = true;
        if let Some(id) = self.widget_id(cell) {
            ctx.memory_mut(|m| m.request_focus(id));
        }
        if let Some(text) = self.grid.text(cell) {
            select_all(ctx, cell_id(cell.row, cell.column), text);
        }
    }

    /// Changes the day, or asks first when there are unsaved edits.
    fn go_to(&mut self, data: &Arc<Dataset>, day: NaiveDate) {
        // No report can be saved for a day that has not come: the grid does not open on one.
        if let Some((_, today, _)) = &self.access
            && day > *today
        {
            self.future_asked = Some((day, self.grid.date));
            return;
        }
        // A day that may be opened: an earlier refusal has been answered.
        self.future_asked = None;
        if Some(day) == self.grid.date {
            return;
        }
        if self.grid.has_unsaved_edits() {
            self.grid.pending_date = Some(day);
        } else {
            self.grid.load(data, day);
            self.mark_closed_rows();
            self.enter_pending = self.grid.cursor.is_some();
        }
    }

    /// Marks the rows the account may not change on the grid's day, and why.
    fn mark_closed_rows(&mut self) {
        let (Some((access, today, lang)), Some(date)) = (&self.access, self.grid.date) else {
            return;
        };
        for row in &mut self.grid.rows {
            let refusal = access.entry(row.unit_id, date, *today).err();
            row.closed = matches!(refusal, Some(crate::domain::access::Refusal::Closed { .. }));
            row.locked = refusal.map(|refusal| crate::locale::access::row_lock(*lang, &refusal));
        }
    }
}

use super::select_all;

/// What the keys of this frame asked of the screen as a whole.
#[derive(Default)]
struct ScreenKeys {
    save: bool,
    /// A cell changed (a paste or Escape).
    changed: bool,
}

pub fn ui(ui: &mut egui::Ui, screen: &mut EntryScreen, frame: &Frame, commands: &mut Vec<Command>) {
    let (lang, today, modal_open) = (frame.lang, frame.today, frame.modal);
    let tr = lang.tr();
    let data = &frame.view.data;
    screen.grid.set_lang(lang);
    if screen.grid.date.is_none() {
        screen.grid.reset(data, today);
    }
    // Which rows the account may not change, before any key of this frame is applied.
    if let Some(date) = screen.grid.date {
        let tampered: Vec<(&str, String)> = frame
            .view
            .tampering
            .iter()
            .filter(|t| t.table == "daily_report")
            .filter_map(|t| Some((t.unit.as_deref()?, t.date.clone()?)))
            .collect();
        let day = date.to_string();
        screen.access = Some((frame.view.access.clone(), today, lang));
        screen.mark_closed_rows();
        for row in &mut screen.grid.rows {
            row.tampered = tampered
                .iter()
                .any(|(unit, d)| *unit == row.unit_name && *d == day);
        }
    }
    let keys = if modal_open {
        ScreenKeys::default()
    } else {
        keys_before_drawing(ui.ctx(), screen, data)
    };
    let date = screen.grid.date.unwrap_or(today);

    ui.heading(tr.entry);
    date_controls_ui(ui, lang, today, screen, data, date);
    if screen.grid.layout.cumulative {
        ui.label(egui::RichText::new(tr.cumulative_mode).color(theme::WARNING));
    }
    match data.reporting_start().filter(|start| date < *start) {
        // A day before the first daily report: the opening totals cover it; say from when on
        // the grid takes reports rather than let every row be refused.
        Some(start) => {
            let first = data.calendar.first_working_day_from(start);
            let text = (tr.covered_by_openings)(&fmt::date_long(lang, first));
            ui.colored_label(theme::WARNING, text);
        }
        None => completeness_ui(ui, lang, data, date, &screen.grid.rows),
    }
    ui.add_space(6.0);

    // The month calendar goes beside the grid where the window is wide enough for both, else
    // under it, folded when the grid's rows would not all fit above it (15 units at 1366×768).
    let gap = 24.0;
    let layout = screen.grid.layout;
    let wide = ui.available_width() >= grid_min_width(ui, layout) + gap + CALENDAR_WIDTH;
    if wide {
        let grid_width = (ui.available_width() - gap - CALENDAR_WIDTH)
            .min(grid_fixed_width(ui, layout) + MAX_MESSAGE_WIDTH);
        let height = ui.available_height();
        ui.horizontal_top(|ui| {
            ui.allocate_ui_with_layout(
                egui::vec2(grid_width, height),
                egui::Layout::top_down(egui::Align::Min),
                |ui| grid_and_save_ui(ui, screen, frame, keys, 0.0, commands),
            );
            ui.add_space(gap);
            ui.vertical(|ui| {
                calendar_ui(ui, lang, today, screen, data, true);
                ui.add_space(12.0);
                review_ui(ui, lang, screen, data, CALENDAR_DAY.y * 8.0);
            });
        });
        return;
    }
    let fold_id = ui.make_persistent_id("entry-calendar-fold");
    let line = ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
    let calendar = calendar_height(ui, screen.grid.date);
    let all_rows = grid_height(ui, screen.grid.rows.len());
    let fits = ui.available_height() >= all_rows + save_lines_height(ui, lang) + line + calendar;
    let mut fold =
        egui::collapsing_header::CollapsingState::load_with_default_open(ui.ctx(), fold_id, fits);
    // The review list stays in sight while the calendar is folded: three of its lines.
    let (calendar, review_list) = if fold.is_open() {
        (calendar, calendar - 2.0 * line)
    } else {
        (0.0, 3.0 * line)
    };
    let below = (line + calendar).max(review_height(ui, data, review_list));
    grid_and_save_ui(ui, screen, frame, keys, below, commands);
    ui.horizontal_top(|ui| {
        ui.vertical(|ui| {
            // The arrow and the title both fold and unfold the calendar.
            ui.horizontal(|ui| {
                fold.show_toggle_button(ui, egui::collapsing_header::paint_default_icon);
                let title = egui::RichText::new(calendar_title(lang, date)).strong();
                if ui.add(egui::Button::new(title).frame(false)).clicked() {
                    fold.toggle(ui);
                }
            });
            if fold.is_open() {
                calendar_ui(ui, lang, today, screen, data, false);
            }
            fold.store(ui.ctx());
        });
        ui.add_space(32.0);
        ui.vertical(|ui| review_ui(ui, lang, screen, data, review_list));
    });
}

/// The grid, the message of the cursor's row, the save line and the hints, leaving `below`
/// of the height for what comes after them.
fn grid_and_save_ui(
    ui: &mut egui::Ui,
    screen: &mut EntryScreen,
    frame: &Frame,
    keys: ScreenKeys,
    below: f32,
    commands: &mut Vec<Command>,
) {
    let (lang, today, modal_open) = (frame.lang, frame.today, frame.modal);
    let tr = lang.tr();
    let date = screen.grid.date.unwrap_or(today);
    let short_history_lines = if screen.grid.short_history.is_empty() {
        0.0
    } else {
        1.0
    };
    let line = ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
    let below = below + save_lines_height(ui, lang) + short_history_lines * line;
    let (changed, row_action) = grid_ui(ui, lang, screen, below);
    let changed = changed || keys.changed;
    if let Some(action) = row_action {
        row_action_done(screen, action, date, commands);
    }
    if !modal_open {
        follow_focus(ui.ctx(), screen);
    }
    if changed {
        screen.grid.notice = None;
        screen.grid.validate(today);
    }
    cursor_message_ui(ui, lang, screen);

    let mut save = keys.save;
    ui.horizontal(|ui| {
        let count = screen.grid.rows_to_save().len();
        let button = ui.button(format!("{} ({count})", tr.save));
        if std::mem::take(&mut screen.focus_save) {
            button.request_focus();
        }
        save |= button.clicked();
        if save {
            ask_to_save(&mut screen.grid, commands);
        }
        if let Some(notice) = &screen.grid.notice {
            let text = egui::RichText::new(i18n::entry_notice(lang, notice)).color(theme::WARNING);
            ui.add(egui::Label::new(text).wrap());
        }
    });
    if !screen.grid.short_history.is_empty() {
        let units = if screen.grid.short_history.len() == screen.grid.rows.len() {
            tr.all_units.to_lowercase()
        } else {
            screen.grid.short_history.join(", ")
        };
        // One line; the whole list of units on hover.
        ui.add(egui::Label::new(egui::RichText::new((tr.short_history)(&units)).weak()).truncate());
    }
    ui.add(egui::Label::new(egui::RichText::new(tr.entry_hint).weak()).wrap());
    ui.add_space(8.0);
}

/// The whole message of the row the cursor is in (the grid shows it cut to one line), in a
/// space of its own under the grid: a message never moves a row.
fn cursor_message_ui(ui: &mut egui::Ui, lang: Lang, screen: &EntryScreen) {
    let line = ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
    let size = egui::vec2(ui.available_width(), MESSAGE_LINES * line);
    let message = screen
        .grid
        .cursor
        .and_then(|c| screen.grid.rows.get(c.row))
        .and_then(|row| status_message(lang, &row.status));
    // At least its line, always, so that the save button stays put; a long message wraps.
    ui.allocate_ui_with_layout(size, egui::Layout::top_down(egui::Align::Min), |ui| {
        ui.set_min_size(size);
        if let Some((text, color)) = message {
            ui.add(egui::Label::new(egui::RichText::new(text).color(color)).wrap());
        }
    });
}

/// What a row's delete buttons asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DeleteAction {
    /// "Hapus" beside a saved report: ask to confirm.
    Ask(usize),
    Confirm(usize),
    Cancel,
}

fn row_action_done(
    screen: &mut EntryScreen,
    action: DeleteAction,
    date: NaiveDate,
    commands: &mut Vec<Command>,
) {
    let grid = &mut screen.grid;
    match action {
        DeleteAction::Ask(row) => grid.pending_delete = grid.rows.get(row).map(|r| r.unit_id),
        DeleteAction::Cancel => grid.pending_delete = None,
        DeleteAction::Confirm(row) => {
            grid.pending_delete = None;
            if let Some(row) = grid.rows.get(row).filter(|r| r.stored.is_some()) {
                commands.push(Command::DeleteReport {
                    unit: row.unit_id,
                    name: row.unit_name.clone(),
                    date,
                });
            }
        }
    }
}

/// Saves the rows that can be; says which rows wait for a note or a correction.
fn ask_to_save(grid: &mut EntryState, commands: &mut Vec<Command>) {
    let to_save = grid.rows_to_save();
    let need_note = grid.rows_needing_note();
    let invalid = grid.rows_refused();
    grid.notice = (!need_note.is_empty() || !invalid.is_empty())
        .then_some(Notice::NotSaved { need_note, invalid });
    if !to_save.is_empty() || grid.notice.is_none() {
        commands.push(Command::SaveReports(to_save));
    }
}
/// The message of a row's status, if it has one.
fn status_message(lang: Lang, status: &RowStatus) -> Option<(String, egui::Color32)> {
    match status {
        RowStatus::Invalid(v, _) => Some((violation(lang, v), theme::INVALID)),
        RowStatus::NeedsNote(v, _) => Some((violation(lang, v), theme::WARNING)),
        RowStatus::Unexplained(v, _) => Some((
            format!("{}: {}", lang.tr().imported_outlier, violation(lang, v)),
            theme::WARNING,
        )),
        _ => None,
    }
}

/// A row's height: one line, whatever its message (the message is cut to fit; its whole
/// text is under the grid and on hover).
fn row_height(ui: &egui::Ui) -> f32 {
    ui.spacing().interact_size.y + 6.0
}

/// The height of a grid of `rows` rows, all shown, with its header.
fn grid_height(ui: &egui::Ui, rows: usize) -> f32 {
    header_height(ui) + rows as f32 * (row_height(ui) + ui.spacing().item_spacing.y)
}

fn header_height(ui: &egui::Ui) -> f32 {
    ui.spacing().interact_size.y + 4.0
}

/// The width of the grid's unit, count, check-box and note columns.
fn grid_fixed_width(ui: &egui::Ui, layout: Layout) -> f32 {
    let w = theme::grid_widths(layout.stage);
    let stage_columns = (layout.numbers() - 4) as f32;
    w.unit
        + 4.0 * w.count
        + stage_columns * w.stage
        + w.server
        + w.note
        + (layout.numbers() + 4) as f32 * ui.spacing().item_spacing.x
}

/// The narrowest and the widest the status column gets.
const MIN_MESSAGE_WIDTH: f32 = 200.0;
const MAX_MESSAGE_WIDTH: f32 = 420.0;

/// The narrowest the grid gets.
fn grid_min_width(ui: &egui::Ui, layout: Layout) -> f32 {
    grid_fixed_width(ui, layout) + MIN_MESSAGE_WIDTH
}

/// The scroll offset that shows `row`, if the last frame's view does not.
fn offset_showing(row: usize, heights: &[f32], gap: f32, view: (f32, f32)) -> Option<f32> {
    let (offset, height) = view;
    if height <= 0.0 || row >= heights.len() {
        return None;
    }
    let top: f32 = heights[..row].iter().map(|h| h + gap).sum();
    let bottom = top + heights[row] + gap;
    if top < offset {
        Some(top)
    } else if bottom > offset + height {
        Some(bottom - height)
    } else {
        None
    }
}

/// Draws the grid; returns whether any value changed, and what a row's buttons asked. Only the rows in view are drawn (an
/// office may have fifty units); a row the cursor moves to is scrolled into view in the same
/// frame, so the keys that follow the move find their cell.
fn grid_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    screen: &mut EntryScreen,
    below: f32,
) -> (bool, Option<DeleteAction>) {
    use egui_extras::{Column, TableBuilder};
    let tr = lang.tr();
    let colors = theme::grid_colors(ui.visuals().dark_mode);
    let mut changed = false;
    let mut action = None;
    // A click on a closed row's cell: the keyboard leaves the cell it was in, so what is typed
    // next lands nowhere rather than in the row the clerk left.
    let mut clicked_closed = false;
    let pending_delete = screen.grid.pending_delete;
    let date = screen.grid.date;
    let layout = screen.grid.layout;
    let widths = theme::grid_widths(layout.stage);
    // What is left of the width after the unit, the cells, the check box and the note.
    let message_width = (ui.available_width() - grid_fixed_width(ui, layout))
        .clamp(MIN_MESSAGE_WIDTH, MAX_MESSAGE_WIDTH);
    let cursor = screen.grid.cursor;
    let heights = vec![row_height(ui); screen.grid.rows.len()];
    let scroll_to = if std::mem::take(&mut screen.scroll_to_cursor) {
        cursor
            .and_then(|c| offset_showing(c.row, &heights, ui.spacing().item_spacing.y, screen.view))
    } else {
        None
    };
    screen
        .server_ids
        .resize(screen.grid.rows.len(), egui::Id::NULL);
    // The grid takes what the lines under it leave.
    let max_height = (ui.available_height() - below).max(4.0 * row_height(ui));
    let header_height = header_height(ui);
    ui.scope(|ui| {
        theme::input_visuals(ui.visuals_mut(), &colors);
        let mut table = TableBuilder::new(ui)
            .id_salt("entry-grid")
            .striped(true)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::exact(widths.unit).clip(true))
            .columns(Column::exact(widths.count), 4)
            .columns(Column::exact(widths.stage), layout.numbers() - 4)
            .column(Column::exact(widths.server))
            .column(Column::exact(widths.note))
            .column(Column::exact(message_width))
            .max_scroll_height(max_height)
            .auto_shrink([false, true]);
        if let Some(offset) = scroll_to {
            table = table.vertical_scroll_offset(offset);
        }
        let output = table
            .header(header_height, |mut header| {
                header.col(|ui| {
                    ui.strong(tr.unit);
                });
                for column in 0..layout.numbers() {
                    header.col(|ui| {
                        ui.strong(i18n::grid_column_name(lang, layout, column));
                    });
                }
                for title in [tr.server_ok, tr.note, ""] {
                    header.col(|ui| {
                        ui.strong(title);
                    });
                }
            })
            .body(|body| {
                body.heterogeneous_rows(heights.iter().copied(), |mut table_row| {
                    let r = table_row.index();
                    let row = &mut screen.grid.rows[r];
                    let locked = row.locked.is_some();
                    table_row.col(|ui| {
                        if row.tampered {
                            ui.colored_label(theme::INVALID, tr.changed_outside_row)
                                .on_hover_text(tr.data_changed_outside);
                            return;
                        }
                        if let Some(why) = &row.locked {
                            ui.label(egui::RichText::new(&row.unit_name).weak())
                                .on_hover_text(why);
                        } else {
                            ui.label(&row.unit_name);
                        }
                    });
                    let (bad_column, bad_fill) = match &row.status {
                        RowStatus::Invalid(_, column) => (*column, colors.invalid),
                        RowStatus::NeedsNote(_, column) | RowStatus::Unexplained(_, column) => {
                            (Some(*column), colors.warning)
                        }
                        _ => (None, colors.changed),
                    };
                    for c in 0..layout.numbers() {
                        let name = i18n::grid_column_name(lang, layout, c);
                        let fill = if locked {
                            Some(colors.locked)
                        } else if bad_column == Some(c) {
                            Some(bad_fill)
                        } else if row.count_edited(c) {
                            Some(colors.changed)
                        } else {
                            None
                        };
                        table_row.col(|ui| {
                            let edit = cell_edit(&mut row.cells[c], cell_id(r, c), fill)
                                .desired_width(
                                    if c < 4 { widths.count } else { widths.stage } - 8.0,
                                )
                                .align(egui::Align2::RIGHT_CENTER)
                                .interactive(!locked);
                            let response = ui.add(edit);
                            super::name_for_accessibility(ui, response.id, &row.unit_name, name);
                            changed |= response.changed();
                            if locked
                                && response.hovered()
                                && ui.input(|i| i.pointer.primary_clicked())
                            {
                                clicked_closed = true;
                            }
                        });
                    }
                    table_row.col(|ui| {
                        let server = ui
                            .push_id(("entry-server", r), |ui| {
                                ui.add_enabled(!locked, egui::Checkbox::new(&mut row.server_ok, ""))
                            })
                            .inner;
                        screen.server_ids[r] = server.id;
                        super::name_for_accessibility(ui, server.id, &row.unit_name, tr.server_ok);
                        changed |= server.changed();
                    });
                    let note_fill = match &row.status {
                        _ if locked => Some(colors.locked),
                        RowStatus::NeedsNote(..) | RowStatus::Unexplained(..) => {
                            Some(colors.warning)
                        }
                        RowStatus::Invalid(_, Some(c)) if *c == layout.note() => {
                            Some(colors.invalid)
                        }
                        _ => None,
                    };
                    table_row.col(|ui| {
                        let note = cell_edit(&mut row.note, cell_id(r, layout.note()), note_fill)
                            .desired_width(widths.note - 8.0)
                            .hint_text(tr.note)
                            .interactive(!locked);
                        let response = ui.add(note);
                        super::name_for_accessibility(ui, response.id, &row.unit_name, tr.note);
                        changed |= response.changed();
                    });
                    table_row.col(|ui| {
                        if let Some(why) = &row.locked {
                            // Why, and who can open it, in the row itself.
                            ui.add(egui::Label::new(egui::RichText::new(why).weak()).truncate());
                            return;
                        }
                        let asking = pending_delete == Some(row.unit_id);
                        // In cumulative entry, the day's counts the totals stand for.
                        if layout.cumulative
                            && matches!(row.status, RowStatus::Changed | RowStatus::Saved)
                            && let Some(day) = date.and_then(|d| row.day_counts(d))
                        {
                            let text = (tr.day_values)(&day_values(lang, &day));
                            ui.add(egui::Label::new(egui::RichText::new(&text).weak()).truncate())
                                .on_hover_text(&text);
                        }
                        if let Some(asked) = row_status_ui(ui, lang, row, asking) {
                            action = Some(asked(r));
                        }
                    });
                });
            });
        screen.view = (output.state.clamped_offset().y, output.inner_rect.height());
    });
    if clicked_closed {
        screen.grid.cursor = None;
        ui.memory_mut(|m| {
            if let Some(focused) = m.focused() {
                m.surrender_focus(focused);
            }
        });
    }
    (changed, action)
}

/// A grid cell: keys that move between cells are the grid's, never the text box's.
fn cell_edit<'t>(
    text: &'t mut String,
    id: egui::Id,
    fill: Option<egui::Color32>,
) -> egui::TextEdit<'t> {
    let edit = egui::TextEdit::singleline(text)
        .id(id)
        .return_key(None)
        .event_filter(egui::EventFilter {
            tab: true,
            horizontal_arrows: true,
            vertical_arrows: true,
            escape: true,
        });
    match fill {
        Some(color) => edit.background_color(color),
        None => edit,
    }
}

/// The row's status; beside a stored report that is not being edited, "Hapus", which asks
/// to confirm in the row itself (`asking`). Returns what the row's buttons asked.
/// A day's counts as cumulative entry shows them beside the totals: `+120 / +100 / +30 / +4`,
/// with the stage where the report has it.
fn day_values(lang: Lang, day: &crate::domain::DailyReport) -> String {
    let c = &day.counts;
    let mut values: Vec<u64> = vec![c.recorded, c.sent_to_central, c.printed, c.suket_issued];
    if let Some(p) = &day.prr {
        values.extend([p.prr, p.dup, p.efac, p.efac_retaken]);
    }
    values
        .into_iter()
        .map(|v| format!("+{}", fmt::count(lang, v)))
        .collect::<Vec<_>>()
        .join(" / ")
}

fn row_status_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    row: &RowEdit,
    asking: bool,
) -> Option<fn(usize) -> DeleteAction> {
    let tr = lang.tr();
    let deletable =
        row.stored.is_some() && matches!(row.status, RowStatus::Saved | RowStatus::Unexplained(..));
    if !deletable {
        status_ui(ui, lang, &row.status);
        return None;
    }
    let mut asked: Option<fn(usize) -> DeleteAction> = None;
    if asking {
        ui.colored_label(theme::INVALID, tr.delete_report_ask);
        let yes = ui.small_button(tr.delete_report_yes);
        super::name_for_accessibility(ui, yes.id, &row.unit_name, tr.delete_report_yes);
        if yes.clicked() {
            asked = Some(DeleteAction::Confirm);
        }
        let no = ui.small_button(tr.cancel);
        super::name_for_accessibility(ui, no.id, &row.unit_name, tr.cancel);
        if no.clicked() {
            asked = Some(|_| DeleteAction::Cancel);
        }
        return asked;
    }
    // "tersimpan Hapus"; a flagged row's message, which wraps, comes after the button.
    let saved = row.status == RowStatus::Saved;
    if saved {
        status_ui(ui, lang, &row.status);
    }
    let delete = ui.small_button(tr.delete);
    super::name_for_accessibility(ui, delete.id, &row.unit_name, tr.delete);
    if delete.clicked() {
        asked = Some(DeleteAction::Ask);
    }
    if !saved {
        status_ui(ui, lang, &row.status);
    }
    asked
}

fn status_ui(ui: &mut egui::Ui, lang: Lang, status: &RowStatus) {
    let tr = lang.tr();
    match status {
        RowStatus::Empty => {}
        RowStatus::Saved => {
            ui.colored_label(theme::SAVED, tr.status_saved);
        }
        RowStatus::Changed => {
            ui.colored_label(theme::WARNING, tr.status_changed);
        }
        RowStatus::Invalid(..) | RowStatus::NeedsNote(..) | RowStatus::Unexplained(..) => {
            if let Some((text, color)) = status_message(lang, status) {
                // Cut to the row's one line; the whole text on hover and under the grid.
                ui.add(egui::Label::new(egui::RichText::new(text).color(color)).truncate());
            }
        }
    }
}

//! Entri Harian: one row per active unit for one date, edited like a spreadsheet.
//!
//! The grid model (rows, validation) is plain data with no egui in it; the drawing below only
//! shows it. Validation calls the same domain rules as the CLI and the importer, against the
//! data in memory with the edited rows applied.

use chrono::{Datelike, Days, NaiveDate};

use crate::domain::rules::{self, Place, RuleViolation};
use crate::domain::{CountField, Counts, DailyReport, Dataset, UnitId};
use crate::ui::app::{Command, PantauApp, View};
use crate::ui::i18n::{Lang, field_name, violation};
use crate::ui::{fmt, theme};

/// The editable columns, in order: the four counts, then the note.
pub const COUNT_COLUMNS: [CountField; 4] = [
    CountField::Recorded,
    CountField::SentToCentral,
    CountField::Printed,
    CountField::SuketIssued,
];
pub const NOTE_COLUMN: usize = 4;

#[derive(Debug, Clone, PartialEq)]
pub enum RowStatus {
    /// Nothing entered and nothing stored.
    Empty,
    /// As stored.
    Saved,
    /// Edited and valid: will be saved.
    Changed,
    /// Refused by a rule; the column it concerns, where known.
    Invalid(RuleViolation, Option<usize>),
    /// An outlier that needs a note before it can be saved.
    NeedsNote(RuleViolation, usize),
}

#[derive(Debug, Clone, PartialEq)]
pub struct RowEdit {
    pub unit_id: UnitId,
    pub unit_name: String,
    pub cells: [String; 4],
    pub server_ok: bool,
    pub note: String,
    pub stored: Option<DailyReport>,
    pub status: RowStatus,
}

impl RowEdit {
    fn from_stored(unit_id: UnitId, unit_name: String, stored: Option<DailyReport>) -> RowEdit {
        let (cells, server_ok, note) = match &stored {
            Some(r) => (
                COUNT_COLUMNS.map(|f| r.counts.get(f).to_string()),
                r.server_ok,
                r.note.clone(),
            ),
            None => (Default::default(), true, String::new()),
        };
        let status = if stored.is_some() {
            RowStatus::Saved
        } else {
            RowStatus::Empty
        };
        RowEdit {
            unit_id,
            unit_name,
            cells,
            server_ok,
            note,
            stored,
            status,
        }
    }

    fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty()) && self.note.trim().is_empty()
    }

    /// The report the row describes, or the rule its cells break. Empty cells count as 0.
    fn report(&self, date: NaiveDate) -> Result<DailyReport, (RuleViolation, usize)> {
        let at = Place {
            unit: Some(self.unit_name.clone()),
            date,
        };
        let mut values = [0u64; 4];
        for (i, field) in COUNT_COLUMNS.iter().enumerate() {
            let text = self.cells[i].trim();
            if !text.is_empty() {
                values[i] = rules::parse_count_at(&at, field.name(), text).map_err(|v| (v, i))?;
            }
        }
        Ok(DailyReport {
            unit_id: self.unit_id,
            date,
            counts: Counts {
                recorded: values[0],
                sent_to_central: values[1],
                printed: values[2],
                suket_issued: values[3],
            },
            server_ok: self.server_ok,
            note: self.note.trim().to_string(),
        })
    }

    fn is_edited(&self, date: NaiveDate) -> bool {
        match (&self.stored, self.report(date)) {
            (Some(stored), Ok(report)) => *stored != report,
            (None, _) => !self.is_blank(),
            (Some(_), Err(_)) => true,
        }
    }
}

#[derive(Default)]
pub struct EntryState {
    pub date: Option<NaiveDate>,
    pub rows: Vec<RowEdit>,
    /// A cell to focus on the next frame: (row, column).
    pub focus: Option<(usize, usize)>,
    /// A date to go to once the clerk confirms that unsaved edits may go.
    pub pending_date: Option<NaiveDate>,
}

impl EntryState {
    /// Shows the last date with data (or today) after a database is opened.
    pub fn reset(&mut self, view: &View) {
        self.date = Some(view.as_of);
        self.load(&view.data, view.as_of);
    }

    /// Loads the stored values of `date`.
    pub fn load(&mut self, data: &Dataset, date: NaiveDate) {
        self.date = Some(date);
        self.pending_date = None;
        self.rows = data
            .units
            .iter()
            .filter(|u| u.active)
            .map(|u| {
                RowEdit::from_stored(
                    u.id,
                    u.name.clone(),
                    data.reports.get(&(u.id, date)).cloned(),
                )
            })
            .collect();
    }

    /// After a save: rows that were refused keep their edits; the others show what is stored.
    pub fn reload(&mut self, view: &View) {
        let Some(date) = self.date else {
            return self.reset(view);
        };
        let kept: Vec<RowEdit> = self
            .rows
            .iter()
            .filter(|r| matches!(r.status, RowStatus::Invalid(..) | RowStatus::NeedsNote(..)))
            .cloned()
            .collect();
        self.load(&view.data, date);
        for row in &mut self.rows {
            if let Some(edit) = kept.iter().find(|k| k.unit_id == row.unit_id) {
                let stored = row.stored.take();
                *row = RowEdit {
                    stored,
                    ..edit.clone()
                };
            }
        }
        self.validate(&view.data, view_today());
    }

    pub fn has_unsaved_edits(&self) -> bool {
        let Some(date) = self.date else { return false };
        self.rows.iter().any(|r| r.is_edited(date))
    }

    /// Judges every edited row with the domain rules, against the data with all edited rows
    /// that parse applied.
    pub fn validate(&mut self, data: &Dataset, today: NaiveDate) {
        let Some(date) = self.date else { return };
        let mut candidate = data.clone();
        let mut parsed: Vec<Option<DailyReport>> = Vec::with_capacity(self.rows.len());
        for row in &mut self.rows {
            if !row.is_edited(date) {
                row.status = if row.stored.is_some() {
                    RowStatus::Saved
                } else {
                    RowStatus::Empty
                };
                parsed.push(None);
                continue;
            }
            match row.report(date) {
                Ok(report) => {
                    candidate.put_report(report.clone());
                    parsed.push(Some(report));
                }
                Err((violation, column)) => {
                    row.status = RowStatus::Invalid(violation, Some(column));
                    parsed.push(None);
                }
            }
        }
        for (row, report) in self.rows.iter_mut().zip(parsed) {
            let Some(report) = report else { continue };
            row.status = match rules::check_report(&candidate, report.unit_id, date, today) {
                Ok(_) => RowStatus::Changed,
                Err(v @ RuleViolation::OutlierNeedsNote { .. }) => {
                    let column = match &v {
                        RuleViolation::OutlierNeedsNote { outlier, .. } => COUNT_COLUMNS
                            .iter()
                            .position(|f| *f == outlier.field)
                            .unwrap_or(0),
                        _ => 0,
                    };
                    RowStatus::NeedsNote(v, column)
                }
                Err(v) => {
                    let column = match &v {
                        RuleViolation::Cumulative { field, .. } => {
                            COUNT_COLUMNS.iter().position(|f| f == field)
                        }
                        RuleViolation::StockShortfall { .. } => Some(2),
                        _ => None,
                    };
                    RowStatus::Invalid(v, column)
                }
            };
        }
    }

    /// The rows that can be saved now.
    pub fn rows_to_save(&self) -> Vec<DailyReport> {
        let Some(date) = self.date else {
            return Vec::new();
        };
        self.rows
            .iter()
            .filter(|r| r.status == RowStatus::Changed)
            .filter_map(|r| r.report(date).ok())
            .collect()
    }
}

fn view_today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// The working day before or after `date`.
fn step_working_day(data: &Dataset, date: NaiveDate, forward: bool) -> NaiveDate {
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

pub fn cell_id(row: usize, column: usize) -> egui::Id {
    egui::Id::unique(("entry-cell", row, column))
}

pub fn ui(app: &mut PantauApp, ui: &mut egui::Ui) {
    let lang = app.lang();
    let tr = lang.tr();
    let today = app.today;
    let Some(view) = app.view() else { return };
    let data = std::sync::Arc::clone(&view.data);
    let view_as_of = view.as_of;
    let state = &mut app.entry;
    let date = *state.date.get_or_insert(view_as_of);
    if state.rows.is_empty() && !data.units.is_empty() {
        state.load(&data, date);
    }

    ui.heading(tr.entry);
    // Date controls.
    let mut wanted: Option<NaiveDate> = None;
    ui.horizontal(|ui| {
        if ui.button(tr.previous_day).clicked() {
            wanted = Some(step_working_day(&data, date, false));
        }
        let mut picked = date;
        if super::date_picker(ui, "entry-date", &mut picked) {
            wanted = Some(picked);
        }
        if ui.button(tr.next_day).clicked() {
            wanted = Some(step_working_day(&data, date, true));
        }
        ui.strong(fmt::date_long(lang, date));
        if let Some(holiday) = data.calendar.holiday(date) {
            ui.colored_label(theme::WARNING, &holiday.name);
        }
    });
    if let Some(new) = wanted.filter(|d| *d != date) {
        if state.has_unsaved_edits() {
            state.pending_date = Some(new);
        } else {
            state.load(&data, new);
        }
    }
    if let Some(pending) = state.pending_date {
        ui.horizontal(|ui| {
            ui.colored_label(theme::WARNING, unsaved_text(lang));
            if ui.button(discard_text(lang)).clicked() {
                state.load(&data, pending);
            }
            if ui.button(tr.cancel).clicked() {
                state.pending_date = None;
            }
        });
    }
    completeness_ui(ui, lang, &data, state.date.unwrap_or(date));
    ui.add_space(6.0);

    let changed = grid_ui(ui, lang, state);
    if changed {
        state.validate(&data, today);
    }

    ui.add_space(6.0);
    let save_key = ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::S));
    ui.horizontal(|ui| {
        let to_save = state.rows_to_save();
        let label = format!("{} ({})", tr.save, to_save.len());
        if ui.button(label).clicked() || save_key {
            app.commands.push(Command::SaveReports(to_save));
        }
        ui.label(hint_text(lang));
    });
    ui.add_space(10.0);
    calendar_ui(ui, lang, app, &data);
}

fn unsaved_text(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "Ada perubahan yang belum disimpan. Pindah tanggal akan membuangnya.",
        Lang::En => "There are unsaved changes. Changing the date discards them.",
    }
}

fn discard_text(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "Buang perubahan",
        Lang::En => "Discard changes",
    }
}

fn hint_text(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "Tab / Shift+Tab / Enter / panah untuk pindah sel; Ctrl+S untuk menyimpan",
        Lang::En => "Tab / Shift+Tab / Enter / arrows move between cells; Ctrl+S saves",
    }
}

/// "12 dari 15 unit sudah melapor untuk Rabu, 5 Oktober 2016", and who has not.
fn completeness_ui(ui: &mut egui::Ui, lang: Lang, data: &Dataset, date: NaiveDate) {
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

/// Draws the grid; returns whether any value changed.
fn grid_ui(ui: &mut egui::Ui, lang: Lang, state: &mut EntryState) -> bool {
    let tr = lang.tr();
    let mut changed = false;
    let row_count = state.rows.len();
    let mut move_to: Option<(usize, usize)> = None;
    let focus_request = state.focus.take();
    // What is left of the width after the unit, the cells, the check box and the note.
    let fixed = 150.0 + 4.0 * (theme::CELL_WIDTH + 8.0) + 70.0 + theme::NOTE_WIDTH + 40.0;
    let message_width = (ui.available_width() - fixed).clamp(200.0, 420.0);
    egui::ScrollArea::vertical()
        .max_height(ui.available_height() * 0.62)
        .show(ui, |ui| {
            egui::Grid::new("entry-grid")
                .striped(true)
                .spacing([8.0, 4.0])
                .show(ui, |ui| {
                    ui.strong(tr.unit);
                    for field in COUNT_COLUMNS {
                        ui.strong(field_name(lang, field));
                    }
                    ui.strong(tr.server_ok);
                    ui.strong(tr.note);
                    ui.strong("");
                    ui.end_row();
                    for (r, row) in state.rows.iter_mut().enumerate() {
                        ui.label(&row.unit_name);
                        let (bad_column, fill) = match &row.status {
                            RowStatus::Invalid(_, column) => (*column, theme::INVALID_FILL),
                            RowStatus::NeedsNote(_, column) => (Some(*column), theme::WARNING_FILL),
                            _ => (None, theme::CHANGED_FILL),
                        };
                        for (c, field) in COUNT_COLUMNS.into_iter().enumerate() {
                            let id = cell_id(r, c);
                            let edited = row
                                .stored
                                .as_ref()
                                .map(|s| s.counts.get(field).to_string() != row.cells[c].trim())
                                .unwrap_or(!row.cells[c].trim().is_empty());
                            let background = if bad_column == Some(c) {
                                Some(fill)
                            } else if edited {
                                Some(theme::CHANGED_FILL)
                            } else {
                                None
                            };
                            let mut edit = egui::TextEdit::singleline(&mut row.cells[c])
                                .id(id)
                                .desired_width(theme::CELL_WIDTH)
                                .min_size(egui::vec2(theme::CELL_WIDTH, 0.0))
                                .align(egui::Align2::RIGHT_CENTER);
                            if let Some(color) = background {
                                edit = edit.background_color(color);
                            }
                            let output = edit.show(ui);
                            let response = output.response.response.clone();
                            name_for_accessibility(ui, id, &row.unit_name, field_name(lang, field));
                            changed |= response.changed();
                            if focus_request == Some((r, c)) {
                                response.request_focus();
                            }
                            if response.gained_focus() {
                                select_all(ui, id, &row.cells[c]);
                            }
                            if response.has_focus() {
                                let len = row.cells[c].chars().count();
                                move_to = move_to.or(navigation(ui, r, c, row_count, &output, len));
                            }
                        }
                        let server = ui.checkbox(&mut row.server_ok, "");
                        name_for_accessibility(ui, server.id, &row.unit_name, tr.server_ok);
                        changed |= server.changed();
                        let note_id = cell_id(r, NOTE_COLUMN);
                        let mut note = egui::TextEdit::singleline(&mut row.note)
                            .id(note_id)
                            .desired_width(theme::NOTE_WIDTH)
                            .min_size(egui::vec2(theme::NOTE_WIDTH, 0.0))
                            .hint_text(tr.note);
                        if matches!(row.status, RowStatus::NeedsNote(..)) {
                            note = note.background_color(theme::WARNING_FILL);
                        }
                        let output = note.show(ui);
                        let response = output.response.response.clone();
                        name_for_accessibility(ui, note_id, &row.unit_name, tr.note);
                        changed |= response.changed();
                        if focus_request == Some((r, NOTE_COLUMN)) {
                            response.request_focus();
                        }
                        if response.has_focus() {
                            let len = row.note.chars().count();
                            move_to =
                                move_to.or(navigation(ui, r, NOTE_COLUMN, row_count, &output, len));
                        }
                        ui.vertical(|ui| status_ui(ui, lang, &row.status, message_width));
                        ui.end_row();
                    }
                });
        });
    state.focus = move_to;
    changed
}

/// Gives a grid cell its own accessible name, "Torjun Rekam", for screen readers and tests.
fn name_for_accessibility(ui: &egui::Ui, id: egui::Id, unit: &str, column: &str) {
    ui.ctx()
        .accesskit_node_builder(id, |node| node.set_label(format!("{unit} {column}")));
}

fn select_all(ui: &egui::Ui, id: egui::Id, text: &str) {
    if let Some(mut state) = egui::TextEdit::load_state(ui.ctx(), id) {
        state
            .cursor
            .set_char_range(Some(egui::text::CCursorRange::select_all_str(text)));
        state.store(ui.ctx(), id);
    }
}

/// Spreadsheet moves: Enter and ↓ go down, ↑ up; ← and → leave the cell at its edge.
fn navigation(
    ui: &egui::Ui,
    row: usize,
    column: usize,
    rows: usize,
    output: &egui::text_edit::TextEditOutput,
    len: usize,
) -> Option<(usize, usize)> {
    let (start, end) = output
        .cursor_range
        .map(|r| {
            let range = r.as_sorted_char_range();
            (range.start.0, range.end.0)
        })
        .unwrap_or((0, 0));
    let all_selected = start == 0 && end == len;
    let none = egui::Modifiers::NONE;
    ui.ctx().input_mut(|i| {
        if (i.consume_key(none, egui::Key::ArrowDown) || i.consume_key(none, egui::Key::Enter))
            && row + 1 < rows
        {
            return Some((row + 1, column));
        }
        if i.consume_key(none, egui::Key::ArrowUp) && row > 0 {
            return Some((row - 1, column));
        }
        if (all_selected || start == 0) && column > 0 && i.consume_key(none, egui::Key::ArrowLeft) {
            return Some((row, column - 1));
        }
        if (all_selected || end == len)
            && column < NOTE_COLUMN
            && i.consume_key(none, egui::Key::ArrowRight)
        {
            return Some((row, column + 1));
        }
        None
    })
}

fn status_ui(ui: &mut egui::Ui, lang: Lang, status: &RowStatus, width: f32) {
    let tr = lang.tr();
    // A fixed width, so a long rule message wraps into a few lines instead of a column.
    ui.set_min_width(width);
    ui.set_max_width(width);
    match status {
        RowStatus::Empty => {
            ui.label("");
        }
        RowStatus::Saved => {
            ui.colored_label(theme::SAVED, tr.status_saved);
        }
        RowStatus::Changed => {
            ui.colored_label(theme::WARNING, tr.status_changed);
        }
        RowStatus::Invalid(v, _) => {
            ui.add(
                egui::Label::new(egui::RichText::new(violation(lang, v)).color(theme::INVALID))
                    .wrap(),
            );
        }
        RowStatus::NeedsNote(v, _) => {
            ui.add(
                egui::Label::new(egui::RichText::new(violation(lang, v)).color(theme::WARNING))
                    .wrap(),
            );
        }
    }
}

/// A month of days, marked by how many units reported; a click opens that day.
fn calendar_ui(ui: &mut egui::Ui, lang: Lang, app: &mut PantauApp, data: &Dataset) {
    let tr = lang.tr();
    let Some(date) = app.entry.date else { return };
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
    let offset = first.weekday().num_days_from_monday() as usize;
    let names = match lang {
        Lang::Id => ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"],
        Lang::En => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    };
    let mut clicked = None;
    egui::Grid::new("entry-calendar")
        .spacing([4.0, 4.0])
        .show(ui, |ui| {
            for name in names {
                ui.label(name);
            }
            ui.end_row();
            for _ in 0..offset {
                ui.label("");
            }
            let mut column = offset;
            for day in first.iter_days().take_while(|d| d.month() == date.month()) {
                let working = data.calendar.is_working_day(day);
                let reported = active
                    .iter()
                    .filter(|u| data.reports.contains_key(&(**u, day)))
                    .count();
                let fill = if !working || day > app.today {
                    ui.visuals().faint_bg_color
                } else if reported == active.len() {
                    theme::DAY_COMPLETE
                } else if reported > 0 {
                    theme::DAY_PARTIAL
                } else {
                    theme::DAY_MISSING
                };
                let text = egui::RichText::new(day.day().to_string()).color(egui::Color32::BLACK);
                let button = egui::Button::new(text)
                    .fill(fill)
                    .selected(day == date)
                    .min_size(egui::vec2(34.0, 24.0));
                if ui.add(button).clicked() {
                    clicked = Some(day);
                }
                column += 1;
                if column.is_multiple_of(7) {
                    ui.end_row();
                }
            }
        });
    if let Some(day) = clicked.filter(|d| *d != date) {
        if app.entry.has_unsaved_edits() {
            app.entry.pending_date = Some(day);
        } else {
            app.entry.load(data, day);
        }
    }
}

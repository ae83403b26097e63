//! A grid of figures per unit — targets, opening totals — edited like the entry grid: Tab and
//! Shift+Tab walk the cells, Enter goes to the next row's first cell (Shift+Enter to the row
//! above), ↓ and ↑ stay in the column, Escape puts back what the cell held. The app hands the screen its
//! keyboard in order (see `ui::keys`), and a move is applied before anything is drawn, so the
//! digits typed after an Enter land in the cell the Enter leads to at any typing speed.
//! Nothing is written until the clerk saves (the button or Ctrl+S); the screen turns the changed
//! rows into one command.

use egui::{Event, Key};

use crate::domain::UnitId;

/// One unit's row: what is stored and what is typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureRow {
    pub unit_id: UnitId,
    pub unit_name: String,
    pub stored: Vec<String>,
    pub cells: Vec<String>,
    /// Why the row was refused at the last save or check.
    pub problem: Option<String>,
    /// The cells that problem concerns, marked as the entry grid marks a refused cell.
    pub bad: Vec<usize>,
}

impl FigureRow {
    /// Whether a cell holds something other than what is stored: `21000` is `21.000`, and
    /// `2016-09-30` is `30/09/2016`.
    pub fn changed(&self) -> bool {
        self.cells
            .iter()
            .zip(&self.stored)
            .any(|(a, b)| !same(a, b))
    }
}

/// The grid's rows, and where it was loaded from (so that it reloads when the data changes).
#[derive(Debug, Clone, Default)]
pub struct FigureGrid {
    pub rows: Vec<FigureRow>,
    /// What the rows were loaded for: a data version and whatever else the screen keys them on.
    pub loaded_for: Option<(String, String)>,
    /// The cell that had the keyboard last (egui lets go of it on Escape).
    cursor: Option<(usize, usize)>,
}

impl FigureGrid {
    /// Loads the rows unless they were loaded for `key` already and are being edited.
    pub fn load(
        &mut self,
        key: (String, String),
        rows: impl FnOnce() -> Vec<(UnitId, String, Vec<String>)>,
    ) {
        if self.loaded_for.as_ref() == Some(&key) {
            return;
        }
        self.loaded_for = Some(key);
        self.cursor = None;
        self.rows = rows()
            .into_iter()
            .map(|(unit_id, unit_name, stored)| FigureRow {
                unit_id,
                unit_name,
                cells: stored.clone(),
                stored,
                problem: None,
                bad: Vec::new(),
            })
            .collect();
    }

    /// Forget the rows; they are loaded again from the stored data.
    pub fn reset(&mut self) {
        self.loaded_for = None;
    }

    pub fn changed(&self) -> usize {
        self.rows.iter().filter(|r| r.changed()).count()
    }

    /// The save button, "Simpan (n)" with the number of changed rows, greyed out while
    /// nothing changed or the screen is not `ready` (it says why). Clicked, each changed row
    /// goes through `convert`; all of them are returned, or none, and each refused row shows
    /// why.
    pub fn save_button<T>(
        &mut self,
        ui: &mut egui::Ui,
        save: &str,
        ready: bool,
        mut convert: impl FnMut(&FigureRow) -> Result<T, String>,
    ) -> Option<Vec<T>> {
        let changed = self.changed();
        let button = egui::Button::new(format!("{save} ({changed})"));
        let clicked = ui
            .add_enabled(ready && changed > 0, button)
            .on_hover_text("Ctrl+S")
            .clicked();
        // Ctrl+S saves, as in the entry grid.
        let shortcut = ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::S));
        if !(clicked || (shortcut && ready && changed > 0)) {
            return None;
        }
        let mut values = Vec::with_capacity(changed);
        let mut refused = false;
        for row in self.rows.iter_mut() {
            row.problem = None;
            row.bad.clear();
            if !row.changed() {
                continue;
            }
            match convert(row) {
                Ok(value) => values.push(value),
                Err(problem) => {
                    row.problem = Some(problem);
                    refused = true;
                }
            }
        }
        (!refused).then_some(values)
    }

    fn columns(&self) -> usize {
        self.rows.first().map_or(0, |r| r.cells.len())
    }

    /// Applies a key that moves between rows or reverts a cell, before the grid is drawn.
    pub fn keys_before_drawing(&mut self, ui: &egui::Ui, salt: &str) {
        let (rows, columns) = (self.rows.len(), self.columns());
        let focused = ui.memory(|m| m.focused()).and_then(|focused| {
            (0..rows)
                .flat_map(|r| (0..columns).map(move |c| (r, c)))
                .find(|&(r, c)| cell_id(salt, r, c) == focused)
        });
        let escape = ui.input(|i| i.key_pressed(Key::Escape));
        // egui lets go of a text edit on Escape before the screen sees it: the cell it left
        // is the one to put back, and it keeps the keyboard.
        let Some((row, column)) = focused
            .or(self.cursor.filter(|_| escape))
            .filter(|&(r, c)| r < rows && c < columns)
        else {
            return;
        };
        self.cursor = Some((row, column));
        let first = ui.input(|i| {
            i.events.iter().find_map(|e| match e {
                Event::Key {
                    key,
                    pressed: true,
                    modifiers,
                    ..
                } if modifiers.is_none() || modifiers.shift_only() => Some((*key, modifiers.shift)),
                _ => None,
            })
        });
        // As in the entry grid: Tab along the row and on to the next one, Enter to the next
        // row's first cell, ↓/↑ stay in the column. Past the last cell, Tab leaves the grid
        // the way egui moves focus.
        let last_column = columns - 1;
        let target = match first {
            Some((Key::Tab, false)) if column < last_column => Some((row, column + 1)),
            Some((Key::Tab, false)) if row + 1 < rows => Some((row + 1, 0)),
            Some((Key::Tab, true)) if column > 0 => Some((row, column - 1)),
            Some((Key::Tab, true)) if row > 0 => Some((row - 1, last_column)),
            Some((Key::Enter, false)) if row + 1 < rows => Some((row + 1, 0)),
            Some((Key::Enter, true)) if row > 0 => Some((row - 1, 0)),
            Some((Key::ArrowDown, false)) if row + 1 < rows => Some((row + 1, column)),
            Some((Key::ArrowUp, false)) if row > 0 => Some((row - 1, column)),
            Some((Key::Escape, _)) => {
                let stored = self.rows[row].stored[column].clone();
                self.rows[row].cells[column] = stored;
                Some((row, column))
            }
            _ => None,
        };
        if let Some((next_row, next_column)) = target {
            self.cursor = Some((next_row, next_column));
            // The key is used up here: neither egui's focus order nor the text edit sees it.
            ui.input_mut(|i| {
                let used = i.events.iter().position(|e| {
                    matches!(e, Event::Key { key, pressed: true, .. }
                        if matches!(key, Key::Tab | Key::Enter | Key::ArrowDown | Key::ArrowUp
                            | Key::Escape))
                });
                if let Some(n) = used {
                    i.events.remove(n);
                }
            });
            let id = cell_id(salt, next_row, next_column);
            ui.memory_mut(|m| {
                m.move_focus(egui::FocusDirection::None);
                m.request_focus(id);
            });
            super::select_all(ui.ctx(), id, &self.rows[next_row].cells[next_column]);
            // Show where the keyboard went now, not at the next input.
            ui.ctx().request_repaint();
        }
    }

    /// Draws the grid: the unit (headed `unit`), `before` (labels the screen adds) and the
    /// text cells headed `headers`; under it, why each refused row was refused. A refused
    /// row's cells are marked in the grid, and its message is under it, so that no row
    /// changes height while the clerk corrects them.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        salt: &str,
        unit: &str,
        before: &[&str],
        mut before_cells: impl FnMut(&mut egui::Ui, usize),
        headers: &[&str],
    ) {
        self.keys_before_drawing(ui, salt);
        let colors = crate::ui::theme::grid_colors(ui.visuals().dark_mode);
        let mut focused_cell = None;
        // Not striped: the light theme's stripe is the colour of an empty cell.
        egui::Grid::new(("figure-grid", salt))
            .spacing([10.0, 4.0])
            .show(ui, |ui| {
                ui.strong(unit);
                for head in before.iter().chain(headers) {
                    ui.strong(*head);
                }
                ui.end_row();
                for (r, row) in self.rows.iter_mut().enumerate() {
                    ui.label(&row.unit_name);
                    before_cells(ui, r);
                    let changed = row.changed();
                    for (c, cell) in row.cells.iter_mut().enumerate() {
                        let mut edit = egui::TextEdit::singleline(cell)
                            .id(cell_id(salt, r, c))
                            .align(egui::Align2::RIGHT_CENTER);
                        if row.bad.contains(&c) {
                            edit = edit.background_color(colors.invalid);
                        } else if changed {
                            edit = edit.background_color(
                                ui.visuals().selection.bg_fill.gamma_multiply(0.25),
                            );
                        }
                        // A grid cell is only as wide as asked for outright.
                        let size = egui::vec2(96.0, ui.spacing().interact_size.y);
                        let response = ui.add_sized(size, edit);
                        if response.has_focus() {
                            focused_cell = Some((r, c));
                        }
                        super::name_for_accessibility(
                            ui,
                            response.id,
                            &row.unit_name,
                            headers.get(c).copied().unwrap_or(""),
                        );
                    }
                    ui.end_row();
                }
            });
        for row in &self.rows {
            let Some(problem) = &row.problem else {
                continue;
            };
            // Under the table, each message names its unit.
            let text = if problem.starts_with(&row.unit_name) {
                problem.clone()
            } else {
                format!("{}: {problem}", row.unit_name)
            };
            ui.add(
                egui::Label::new(egui::RichText::new(text).color(crate::ui::theme::INVALID)).wrap(),
            );
        }
        if focused_cell.is_some() {
            self.cursor = focused_cell;
        }
    }
}

fn same(a: &str, b: &str) -> bool {
    use crate::domain::calendar::parse_date;
    use crate::domain::number::parse_count;
    let (a, b) = (a.trim(), b.trim());
    a == b
        || matches!((parse_count(a), parse_count(b)), (Ok(x), Ok(y)) if x == y)
        || matches!((parse_date(a), parse_date(b)), (Ok(x), Ok(y)) if x == y)
}

/// The widget id of a cell.
pub fn cell_id(salt: &str, row: usize, column: usize) -> egui::Id {
    egui::Id::unique(("figure-cell", salt, row, column))
}

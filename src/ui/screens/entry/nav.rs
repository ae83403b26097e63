//! Where a key takes the cursor in the grid, as in a spreadsheet.
//!
//! Tab and Shift+Tab walk Rekam → Terkirim → Cetak → Suket → Server OK → Catatan and on to the
//! next row's Rekam; Enter goes to the next row's Rekam (Shift+Enter to the row above); ↑/↓
//! stay in the column; ←/→ leave a text cell only at its edge. Past the last cell, Tab and
//! Enter go to the save button.

use egui::{Event, Key};

use super::model::Cell;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Next,
    Previous,
    NextRow,
    PreviousRow,
    Up,
    Down,
    Left,
    Right,
    /// Put back what the cell held when the clerk entered it.
    Revert,
}

/// Where a move leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Cell(Cell),
    SaveButton,
    /// Nowhere to go: the cursor stays.
    Stay,
}

/// The move a key press asks for, if it is one.
pub fn move_for(event: &Event) -> Option<Move> {
    let (key, modifiers) = crate::ui::keys::pressed_key(event)?;
    if modifiers.command || modifiers.ctrl || modifiers.alt {
        return None;
    }
    Some(match (key, modifiers.shift) {
        (Key::Tab, false) => Move::Next,
        (Key::Tab, true) => Move::Previous,
        (Key::Enter, false) => Move::NextRow,
        (Key::Enter, true) => Move::PreviousRow,
        (Key::ArrowUp, false) => Move::Up,
        (Key::ArrowDown, false) => Move::Down,
        (Key::ArrowLeft, false) => Move::Left,
        (Key::ArrowRight, false) => Move::Right,
        (Key::Escape, _) => Move::Revert,
        _ => return None,
    })
}

/// Where `mv` leads from `from` in a grid of `rows` rows and `columns` columns.
pub fn target(from: Cell, mv: Move, rows: usize, columns: usize) -> Target {
    let Cell { row, column } = from;
    let last_column = columns - 1;
    let cell = |row, column| Target::Cell(Cell::new(row, column));
    match mv {
        Move::Next if column < last_column => cell(row, column + 1),
        Move::Next | Move::NextRow if row + 1 < rows => cell(row + 1, 0),
        Move::Next | Move::NextRow => Target::SaveButton,
        Move::Previous if column > 0 => cell(row, column - 1),
        Move::Previous if row > 0 => cell(row - 1, last_column),
        Move::PreviousRow if row > 0 => cell(row - 1, 0),
        Move::Up if row > 0 => cell(row - 1, column),
        Move::Down if row + 1 < rows => cell(row + 1, column),
        Move::Left if column > 0 => cell(row, column - 1),
        Move::Right if column < last_column => cell(row, column + 1),
        _ => Target::Stay,
    }
}

/// Like [`target`], passing over the rows closed to the account (`locked`): the cursor only
/// stops where typing can land.
pub fn target_open(from: Cell, mv: Move, locked: &[bool], columns: usize) -> Target {
    let mut at = from;
    loop {
        match target(at, mv, locked.len(), columns) {
            Target::Cell(cell) if locked.get(cell.row).copied().unwrap_or(false) => {
                if cell.row == at.row {
                    // Moving within a closed row (the cursor was put there): no further.
                    return Target::Stay;
                }
                // Leave the closed row the way the move goes, at the same column for ↑/↓.
                at = match mv {
                    Move::Next | Move::NextRow => Cell::new(cell.row, columns - 1),
                    Move::Previous | Move::PreviousRow => Cell::new(cell.row, 0),
                    _ => cell,
                };
            }
            other => return other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The grid without the centre's stage: six columns.
    const COLUMNS: usize = 6;

    #[test]
    fn closed_rows_are_passed_over() {
        let locked = [false, true, true, false];
        let from = Cell::new(0, COLUMNS - 1);
        assert_eq!(
            target_open(from, Move::Next, &locked, COLUMNS),
            Target::Cell(Cell::new(3, 0))
        );
        assert_eq!(
            target_open(Cell::new(0, 2), Move::NextRow, &locked, COLUMNS),
            Target::Cell(Cell::new(3, 0))
        );
        assert_eq!(
            target_open(Cell::new(0, 2), Move::Down, &locked, COLUMNS),
            Target::Cell(Cell::new(3, 2))
        );
        assert_eq!(
            target_open(Cell::new(3, 2), Move::Up, &locked, COLUMNS),
            Target::Cell(Cell::new(0, 2))
        );
        assert_eq!(
            target_open(Cell::new(3, 0), Move::Previous, &locked, COLUMNS),
            Target::Cell(Cell::new(0, COLUMNS - 1))
        );
        assert_eq!(
            target_open(Cell::new(3, 0), Move::NextRow, &locked, COLUMNS),
            Target::SaveButton
        );
        assert_eq!(
            target_open(Cell::new(0, 0), Move::Up, &[false, true], COLUMNS),
            Target::Stay
        );
    }

    #[test]
    fn tab_walks_the_row_and_wraps_to_the_next_one() {
        let mut at = Cell::new(0, 0);
        let mut seen = vec![at];
        while let Target::Cell(next) = target(at, Move::Next, 2, COLUMNS) {
            seen.push(next);
            at = next;
        }
        assert_eq!(seen.len(), 12, "two rows of six cells");
        assert_eq!(target(at, Move::Next, 2, COLUMNS), Target::SaveButton);
        assert_eq!(
            target(Cell::new(1, 0), Move::Previous, 2, COLUMNS),
            Target::Cell(Cell::new(0, 5))
        );
        assert_eq!(
            target(Cell::new(0, 0), Move::Previous, 2, COLUMNS),
            Target::Stay
        );
        // With the centre's stage: ten columns a row.
        assert_eq!(
            target(Cell::new(1, 0), Move::Previous, 2, 10),
            Target::Cell(Cell::new(0, 9))
        );
    }

    #[test]
    fn enter_goes_to_the_next_rows_first_cell_and_arrows_stay_in_line() {
        assert_eq!(
            target(Cell::new(0, 3), Move::NextRow, 3, COLUMNS),
            Target::Cell(Cell::new(1, 0))
        );
        assert_eq!(
            target(Cell::new(2, 3), Move::NextRow, 3, COLUMNS),
            Target::SaveButton
        );
        assert_eq!(
            target(Cell::new(1, 4), Move::Up, 3, COLUMNS),
            Target::Cell(Cell::new(0, 4))
        );
        assert_eq!(
            target(Cell::new(2, 4), Move::Down, 3, COLUMNS),
            Target::Stay
        );
        assert_eq!(
            target(Cell::new(1, 5), Move::Right, 3, COLUMNS),
            Target::Stay
        );
    }
}

//! Pasting a block copied from Excel or LibreOffice: tab-separated cells, one line a row,
//! filled into the grid from the focused cell rightwards and downwards.
//!
//! A paste is all or nothing: if the block does not fit, or a cell is not what its column
//! takes, the grid is left as it was and the refusal names the line and column of the paste
//! and the unit and field it was meant for. What does paste is then judged by the same rules
//! as typing.

use super::model::{Cell, Layout, RowEdit};
use crate::domain::number::{CountParseError, parse_count};

/// Why a paste was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum PasteError {
    /// The block has more lines than there are rows from the focused one down.
    TooManyRows { lines: usize, room: usize },
    /// The block has more columns than there are from the focused one rightwards.
    TooManyColumns {
        columns: usize,
        room: usize,
        /// The first line (1-based) that is too wide.
        line: usize,
    },
    /// A line that would land in a row the account may not change (`why` says the lock).
    Closed {
        line: usize,
        unit: String,
        why: String,
    },
    /// A cell that is not a count (or not yes/no for Server OK).
    BadValue {
        /// 1-based line and column within the pasted block.
        line: usize,
        column: usize,
        unit: String,
        /// The grid column it was meant for, in the grid's layout.
        grid_column: usize,
        layout: Layout,
        text: String,
        reason: Option<CountParseError>,
    },
}

/// Splits clipboard text into lines of cells. Excel ends the last line with a line break and
/// quotes cells that hold a tab, a line break or a quote (`"a""b"`); both are undone here.
pub fn parse_block(text: &str) -> Vec<Vec<String>> {
    let mut lines = Vec::new();
    let mut line = Vec::new();
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut at_cell_start = true;
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => quoted = false,
                _ => cell.push(c),
            }
            continue;
        }
        match c {
            '"' if at_cell_start => {
                quoted = true;
                at_cell_start = false;
            }
            '\t' => {
                line.push(std::mem::take(&mut cell));
                at_cell_start = true;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                line.push(std::mem::take(&mut cell));
                lines.push(std::mem::take(&mut line));
                at_cell_start = true;
            }
            _ => {
                cell.push(c);
                at_cell_start = false;
            }
        }
    }
    if !at_cell_start || !cell.is_empty() || !line.is_empty() {
        line.push(cell);
        lines.push(line);
    }
    lines
}

/// Whether clipboard text is a block (more than one cell) rather than one value.
pub fn is_block(text: &str) -> bool {
    let lines = parse_block(text);
    lines.len() > 1 || lines.first().is_some_and(|l| l.len() > 1)
}

/// Reads a Server OK cell: yes/no in the words offices use.
fn parse_server_ok(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "1" | "ya" | "y" | "ok" | "true" | "benar" | "yes" | "✓" => Some(true),
        "0" | "tidak" | "t" | "n" | "no" | "false" | "salah" | "gangguan" => Some(false),
        _ => None,
    }
}

/// Fills `block` into `rows` from `at`, or leaves them untouched and says why not.
/// Returns the cells that were filled.
pub fn apply(
    rows: &mut [RowEdit],
    layout: Layout,
    at: Cell,
    block: &[Vec<String>],
) -> Result<usize, PasteError> {
    let room_rows = rows.len().saturating_sub(at.row);
    if block.len() > room_rows {
        return Err(PasteError::TooManyRows {
            lines: block.len(),
            room: room_rows,
        });
    }
    let room_columns = layout.columns() - at.column;
    if let Some((i, line)) = block
        .iter()
        .enumerate()
        .find(|(_, l)| l.len() > room_columns)
    {
        return Err(PasteError::TooManyColumns {
            columns: line.len(),
            room: room_columns,
            line: i + 1,
        });
    }
    // Check every cell before changing any.
    for (i, _) in block.iter().enumerate() {
        let row = &rows[at.row + i];
        if let Some(why) = &row.locked {
            return Err(PasteError::Closed {
                line: i + 1,
                unit: row.unit_name.clone(),
                why: why.clone(),
            });
        }
    }
    for (i, line) in block.iter().enumerate() {
        for (j, text) in line.iter().enumerate() {
            let grid_column = at.column + j;
            let refused = |reason| PasteError::BadValue {
                line: i + 1,
                column: j + 1,
                unit: rows[at.row + i].unit_name.clone(),
                grid_column,
                layout,
                text: text.trim().to_string(),
                reason,
            };
            if grid_column == layout.server() {
                if !text.trim().is_empty() && parse_server_ok(text).is_none() {
                    return Err(refused(None));
                }
            } else if grid_column != layout.note() && !text.trim().is_empty() {
                parse_count(text).map_err(|e| refused(Some(e)))?;
            }
        }
    }
    let mut filled = 0;
    for (i, line) in block.iter().enumerate() {
        let row = &mut rows[at.row + i];
        for (j, text) in line.iter().enumerate() {
            let c = at.column + j;
            if c == layout.server() {
                if let Some(ok) = parse_server_ok(text) {
                    row.server_ok = ok;
                }
            } else if c == layout.note() {
                row.note = text.trim().to_string();
            } else {
                row.cells[c] = text.trim().to_string();
            }
            filled += 1;
        }
    }
    Ok(filled)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_blocks_are_read_as_lines_of_cells() {
        assert_eq!(
            parse_block("1\t2\r\n3\t4\r\n"),
            vec![vec!["1", "2"], vec!["3", "4"]]
        );
        assert_eq!(
            parse_block("\"a\tb\"\t\"say \"\"hi\"\"\"\n"),
            vec![vec!["a\tb", "say \"hi\""]]
        );
        assert_eq!(parse_block("5\t\t6"), vec![vec!["5", "", "6"]]);
        assert!(!is_block("1.234\n"));
        assert!(is_block("1\t2"));
        assert!(is_block("1\n2\n"));
    }
}

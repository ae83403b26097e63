//! The keyboard, before the grid is drawn: moves, pastes, and where the focus goes after.

use super::*;

/// Applies this frame's leading key before the grid is drawn.
pub(super) fn keys_before_drawing(
    ctx: &egui::Context,
    screen: &mut EntryScreen,
    data: &Arc<Dataset>,
) -> ScreenKeys {
    let mut keys = ScreenKeys {
        save: ctx.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::S)),
        changed: false,
    };
    let day_forward = ctx.input_mut(|i| {
        if i.consume_key(Modifiers::NONE, Key::PageUp) {
            Some(false)
        } else if i.consume_key(Modifiers::NONE, Key::PageDown) {
            Some(true)
        } else {
            None
        }
    });
    if let Some(forward) = day_forward
        && let Some(date) = screen.grid.date
    {
        // Changing the day by keyboard brings the keyboard back to the grid.
        if screen.grid.cursor.is_none() {
            screen.focus_first();
        }
        screen.go_to(data, step_working_day(data, date, forward));
    }
    let Some(mut cursor) = screen.grid.cursor else {
        return keys;
    };
    // The grid decides where Tab and the arrows go, not egui's order of widgets.
    ctx.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
    if std::mem::take(&mut screen.enter_pending) {
        // The first row the account may change, where the cursor's is closed to it.
        if screen.grid.rows[cursor.row].locked.is_some()
            && let Some(open) = screen.grid.rows.iter().position(|r| r.locked.is_none())
        {
            cursor = Cell::new(open, 0);
        }
        screen.enter(ctx, cursor);
    } else {
        match ctx.memory(|m| m.focused()) {
            // egui let go of it (Escape; the cursor's row scrolled out of view, so it was not
            // drawn): when keys come, the cell takes them back and its row comes into view.
            None => {
                let typing = ctx.input(|i| {
                    i.events.iter().any(|e| {
                        matches!(
                            e,
                            egui::Event::Text(_) | egui::Event::Key { pressed: true, .. }
                        )
                    })
                });
                if typing && let Some(id) = screen.widget_id(cursor) {
                    ctx.memory_mut(|m| m.request_focus(id));
                    screen.scroll_to_cursor = true;
                }
            }
            Some(id) if Some(id) == screen.widget_id(cursor) => {}
            // Focus moved by other means (a screen reader): follow it.
            Some(id) => match screen.cell_of(id) {
                Some(cell) => {
                    screen.enter(ctx, cell);
                    cursor = cell;
                }
                None => {
                    screen.grid.cursor = None;
                    return keys;
                }
            },
        }
    }
    keys.changed |= paste_before_drawing(ctx, screen, cursor);
    if let Some(mv) = take_move(ctx, screen, cursor) {
        keys.changed |= apply_move(ctx, screen, cursor, mv);
    }
    keys
}

/// Takes the frame's move key, unless it is ← or → inside a cell's text (then the text
/// cursor moves instead).
pub(super) fn take_move(ctx: &egui::Context, screen: &EntryScreen, cursor: Cell) -> Option<Move> {
    let (index, mv) = ctx.input(|i| {
        i.events
            .iter()
            .enumerate()
            .find_map(|(n, e)| nav::move_for(e).map(|m| (n, m)))
    })?;
    if matches!(mv, Move::Left | Move::Right)
        && let Some(text) = screen.grid.text(cursor)
    {
        let len = text.chars().count();
        let (start, end) = egui::TextEdit::load_state(ctx, cell_id(cursor.row, cursor.column))
            .and_then(|s| s.cursor.char_range())
            .map(|r| {
                let r = r.as_sorted_char_range();
                (r.start.0, r.end.0)
            })
            .unwrap_or((0, len));
        let at_edge = (start == 0 && end == len)
            || if mv == Move::Left {
                start == 0
            } else {
                end == len
            };
        if !at_edge {
            return None;
        }
    }
    ctx.input_mut(|i| i.events.remove(index));
    Some(mv)
}

/// Returns whether a cell's value changed.
pub(super) fn apply_move(
    ctx: &egui::Context,
    screen: &mut EntryScreen,
    cursor: Cell,
    mv: Move,
) -> bool {
    if mv == Move::Revert {
        let original = screen.grid.entered_text.clone();
        let Some(text) = screen.grid.rows[cursor.row].text_mut(cursor.column) else {
            return false;
        };
        let changed = *text != original;
        *text = original;
        select_all(ctx, cell_id(cursor.row, cursor.column), text);
        return changed;
    }
    let locked: Vec<bool> = screen
        .grid
        .rows
        .iter()
        .map(|r| r.locked.is_some())
        .collect();
    match nav::target_open(cursor, mv, &locked, screen.grid.layout.columns()) {
        Target::Cell(cell) => screen.enter(ctx, cell),
        Target::SaveButton => {
            screen.grid.cursor = None;
            screen.focus_save = true;
            if let Some(id) = screen.widget_id(cursor) {
                ctx.memory_mut(|m| m.surrender_focus(id));
            }
        }
        Target::Stay => {}
    }
    false
}

/// A block pasted with Ctrl+V fills the grid from the cursor, or is refused whole. One value
/// without tabs or line breaks is left to the cell, like typing.
pub(super) fn paste_before_drawing(
    ctx: &egui::Context,
    screen: &mut EntryScreen,
    cursor: Cell,
) -> bool {
    let Some(pasted) = ctx.input_mut(|i| {
        let index = i
            .events
            .iter()
            .position(|e| matches!(e, egui::Event::Paste(_)))?;
        match &mut i.events[index] {
            egui::Event::Paste(text) if !paste::is_block(text) => {
                // One cell copied from a spreadsheet ends with a line break; the cell takes the
                // value alone.
                *text = text.trim_end_matches(['\r', '\n']).to_string();
                None
            }
            _ => match i.events.remove(index) {
                egui::Event::Paste(text) => Some(text),
                _ => None,
            },
        }
    }) else {
        return false;
    };
    let block = paste::parse_block(&pasted);
    let layout = screen.grid.layout;
    match paste::apply(&mut screen.grid.rows, layout, cursor, &block) {
        Ok(_) => {
            screen.enter(ctx, cursor);
            true
        }
        Err(error) => {
            screen.grid.notice = Some(Notice::PasteRefused(error));
            false
        }
    }
}

/// After drawing: a click may have put the keyboard in another cell, or on another widget.
/// Where nothing has it (the grid's first frame is drawn invisibly, to measure it; a click on
/// empty space), the cursor's cell takes it back on the next frame.
pub(super) fn follow_focus(ctx: &egui::Context, screen: &mut EntryScreen) {
    if screen.enter_pending {
        // The cursor takes the keyboard on the next frame (a day was chosen).
        return;
    }
    let Some(focused) = ctx.memory(|m| m.focused()) else {
        return;
    };
    match screen.cell_of(focused) {
        Some(cell) if screen.grid.cursor != Some(cell) => screen.enter(ctx, cell),
        Some(_) => {}
        None => screen.grid.cursor = None,
    }
}

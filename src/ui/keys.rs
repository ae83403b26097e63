//! Keyboard input applied in the order it arrives, whatever the frame rate.
//!
//! egui hands a widget every event of a frame at once, and focus moves only between widgets
//! drawn in order. When a fast typist, a paste, a remote-desktop session or a slow PC puts
//! `1`, Tab and `2` into one frame, the `2` would land in the cell the Tab was leaving. So
//! where the order matters (the entry grid), a frame keeps its keyboard events only up to the
//! next key that moves focus or acts on the screen; the rest is carried to the next frame,
//! which is asked for at once.
//!
//! A frame's keyboard chunk is: at most one *boundary* event first (a key that moves focus or
//! acts on the screen), then text-editing events up to the next boundary. Boundaries that act
//! on stored data or the screen (save, switch screen, change day, paste) stand alone, so that
//! nothing typed after them is applied before them. Pointer and window events are never
//! carried: egui has already read them for this frame.

use egui::{Event, Key, Modifiers};

/// What a boundary event asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Boundary {
    /// Moves focus within the grid (Tab, Enter, arrows, Escape): text after it belongs to the
    /// cell it leads to and may follow in the same frame.
    Move,
    /// Acts on the screen or the data (Ctrl+S, Ctrl+1…9, PageUp/PageDown, a paste): alone.
    Act,
}

/// The key of a key press (not a release), with its modifiers.
pub fn pressed_key(event: &Event) -> Option<(Key, Modifiers)> {
    match event {
        Event::Key {
            key,
            pressed: true,
            modifiers,
            ..
        } => Some((*key, *modifiers)),
        _ => None,
    }
}

/// Classifies a keyboard event: `None` for text editing, which stays with its cell.
pub fn boundary(event: &Event) -> Option<Boundary> {
    if matches!(event, Event::Paste(_)) {
        return Some(Boundary::Act);
    }
    let (key, modifiers) = pressed_key(event)?;
    if modifiers.command || modifiers.ctrl {
        return Some(Boundary::Act);
    }
    match key {
        Key::PageUp | Key::PageDown => Some(Boundary::Act),
        Key::Tab | Key::Enter | Key::ArrowUp | Key::ArrowDown | Key::Escape => Some(Boundary::Move),
        // With Shift they extend a selection inside the cell.
        Key::ArrowLeft | Key::ArrowRight if !modifiers.shift => Some(Boundary::Move),
        _ => None,
    }
}

/// Events that carry keyboard input; everything else stays in the frame it came in.
fn is_keyboard(event: &Event) -> bool {
    matches!(
        event,
        Event::Key { .. } | Event::Text(_) | Event::Paste(_) | Event::Copy | Event::Cut
    )
}

/// How many of `keyboard` events belong to this frame (the rest wait).
fn chunk_len(keyboard: &[Event]) -> usize {
    let Some(first) = keyboard.first() else {
        return 0;
    };
    let start = match boundary(first) {
        Some(Boundary::Act) => return 1,
        Some(Boundary::Move) => 1,
        None => 0,
    };
    keyboard[start..]
        .iter()
        .position(|e| boundary(e).is_some())
        .map_or(keyboard.len(), |n| start + n)
}

/// Keyboard events waiting for a later frame.
#[derive(Debug, Default)]
pub struct KeyQueue {
    carried: Vec<Event>,
}

impl KeyQueue {
    /// The keyboard events waiting for a later frame, oldest first.
    pub fn waiting(&self) -> &[Event] {
        &self.carried
    }

    /// How many keyboard events wait for a later frame.
    pub fn pending(&self) -> usize {
        self.carried.len()
    }

    /// Splits `events` (this frame's input): the carried events come first, then this frame's
    /// keyboard events; the frame keeps one chunk of them, the rest waits. With `in_order`
    /// false, everything carried is released at once (egui's own order then applies).
    /// Returns whether events still wait, so the caller asks for another frame.
    pub fn split(&mut self, events: &mut Vec<Event>, in_order: bool) -> bool {
        if self.carried.is_empty() && !in_order {
            return false;
        }
        let (mut keyboard, others): (Vec<Event>, Vec<Event>) =
            std::mem::take(events).into_iter().partition(is_keyboard);
        keyboard.splice(0..0, std::mem::take(&mut self.carried));
        let keep = if in_order {
            chunk_len(&keyboard)
        } else {
            keyboard.len()
        };
        self.carried = keyboard.split_off(keep);
        *events = others;
        events.extend(keyboard);
        !self.carried.is_empty()
    }
}

/// Ctrl+D: to the as-of day's field, where a screen has one.
pub fn is_as_of_shortcut(event: &Event) -> bool {
    pressed_key(event).is_some_and(|(key, modifiers)| {
        key == Key::D && modifiers.matches_logically(Modifiers::COMMAND) && !modifiers.shift
    })
}

/// Ctrl+1 … Ctrl+9: the screen at that place in the navigation (0-based), if this event is one.
pub fn screen_shortcut(event: &Event) -> Option<usize> {
    let (key, modifiers) = pressed_key(event)?;
    if !modifiers.matches_logically(Modifiers::COMMAND) || modifiers.shift {
        return None;
    }
    // Ctrl+0 is the tenth screen, as the digits lie on the keyboard.
    const DIGITS: [Key; 10] = [
        Key::Num1,
        Key::Num2,
        Key::Num3,
        Key::Num4,
        Key::Num5,
        Key::Num6,
        Key::Num7,
        Key::Num8,
        Key::Num9,
        Key::Num0,
    ];
    DIGITS.iter().position(|k| *k == key)
}

/// The focus move a Tab among `events` asks egui for.
pub fn tab_direction(events: &[Event]) -> egui::FocusDirection {
    events
        .iter()
        .find_map(|e| match pressed_key(e)? {
            (Key::Tab, m) if m.is_none() => Some(egui::FocusDirection::Next),
            (Key::Tab, m) if m.shift_only() => Some(egui::FocusDirection::Previous),
            _ => None,
        })
        .unwrap_or(egui::FocusDirection::None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(key: Key, modifiers: Modifiers) -> Event {
        Event::Key {
            key,
            pressed: true,
            modifiers,
            repeat: false,
            physical_key: None,
        }
    }

    fn text(s: &str) -> Event {
        Event::Text(s.to_string())
    }

    fn drain(queue: &mut KeyQueue, mut events: Vec<Event>) -> Vec<Vec<Event>> {
        let mut frames = Vec::new();
        loop {
            let more = queue.split(&mut events, true);
            frames.push(std::mem::take(&mut events));
            if !more {
                return frames;
            }
        }
    }

    #[test]
    fn a_move_leads_its_chunk_and_text_follows_it() {
        let tab = press(Key::Tab, Modifiers::NONE);
        let frames = drain(
            &mut KeyQueue::default(),
            vec![text("1"), tab.clone(), text("2"), text("3"), tab.clone()],
        );
        assert_eq!(
            frames,
            vec![
                vec![text("1")],
                vec![tab.clone(), text("2"), text("3")],
                vec![tab]
            ]
        );
    }

    #[test]
    fn save_and_paste_stand_alone_and_pointer_events_are_not_carried() {
        let save = press(Key::S, Modifiers::COMMAND);
        let moved = Event::PointerMoved(egui::pos2(1.0, 2.0));
        let frames = drain(
            &mut KeyQueue::default(),
            vec![
                text("9"),
                moved.clone(),
                save.clone(),
                text("4"),
                Event::Paste("1\t2".into()),
            ],
        );
        assert_eq!(
            frames,
            vec![
                vec![moved, text("9")],
                vec![save],
                vec![text("4")],
                vec![Event::Paste("1\t2".into())]
            ]
        );
    }

    #[test]
    fn out_of_order_mode_releases_everything_carried() {
        let mut queue = KeyQueue::default();
        let mut events = vec![text("1"), press(Key::Enter, Modifiers::NONE), text("2")];
        assert!(queue.split(&mut events, true));
        let mut next = vec![text("3")];
        assert!(!queue.split(&mut next, false));
        assert_eq!(
            next,
            vec![press(Key::Enter, Modifiers::NONE), text("2"), text("3")]
        );
        assert_eq!(queue.pending(), 0);
    }

    #[test]
    fn shift_arrows_select_inside_a_cell() {
        assert_eq!(
            boundary(&press(Key::ArrowLeft, Modifiers::SHIFT)),
            None,
            "Shift+← extends the selection"
        );
        assert_eq!(
            boundary(&press(Key::ArrowLeft, Modifiers::NONE)),
            Some(Boundary::Move)
        );
        assert_eq!(
            screen_shortcut(&press(Key::Num2, Modifiers::COMMAND)),
            Some(1)
        );
        assert_eq!(screen_shortcut(&press(Key::Num2, Modifiers::NONE)), None);
    }
}

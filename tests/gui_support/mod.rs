//! Driving the desktop app headless with egui_kittest as a person does: whole streams of key
//! events in one frame (typing faster than frames are drawn), pastes, clicks on real widgets.
#![allow(dead_code)]

use egui::accesskit::Role;
use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use pantau::ui::app::{PantauApp, Prefs, Screen};
use pantau::ui::dialogs::ScriptedDialogs;

use crate::common::{self, d};

pub fn new_app(demo_path: &std::path::Path) -> PantauApp {
    let mut app = PantauApp::new(
        Prefs::default(),
        Box::new(ScriptedDialogs::default()),
        demo_path.to_path_buf(),
    );
    app.today = d("2026-01-01");
    app
}

pub fn demo_app() -> (common::TempDb, PantauApp) {
    let db = common::temp_path("demo.pantau");
    let mut app = new_app(&db.path);
    app.open_demo();
    // The demo is created and opened on a thread of its own.
    while app.loading().is_some() {
        app.poll_jobs();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(app.view().is_some(), "{:?}", app.error);
    (db, app)
}

/// The app on a database of its own, with "today" set.
pub fn app_on(db: &common::TempDb, today: &str) -> PantauApp {
    let mut app = new_app(&db.dir.path().join("demo.pantau"));
    app.today = d(today);
    app.open(&db.path);
    assert!(app.view().is_some(), "{:?}", app.error);
    app
}

pub fn harness(app: PantauApp) -> Harness<'static, PantauApp> {
    harness_sized(app, egui::vec2(1400.0, 900.0))
}

/// The app in a window of that size.
pub fn harness_sized(app: PantauApp, size: egui::Vec2) -> Harness<'static, PantauApp> {
    let mut harness = Harness::builder().with_size(size).build_ui_state(
        |ui, app: &mut PantauApp| {
            // As eframe does: the app's logic, then the frame.
            app.run_logic(ui.ctx());
            app.ui_root(ui);
        },
        app,
    );
    harness.run_steps(3);
    harness
}

/// Steps the app until `done` holds (background work), at most a minute.
pub fn run_until(harness: &mut Harness<'_, PantauApp>, done: impl Fn(&PantauApp) -> bool) {
    for _ in 0..600 {
        harness.run_steps(1);
        if done(harness.state()) {
            harness.run_steps(2);
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    panic!("the background work did not finish");
}

/// Clicks a screen's button in the navigation.
pub fn show(harness: &mut Harness<'_, PantauApp>, screen: Screen) {
    let label = screen.label(harness.state().lang());
    harness.get_by_role_and_label(Role::Button, label).click();
    harness.run_steps(3);
    assert_eq!(harness.state().screen, screen);
}

/// Clicks the button of that name where it is drawn once the layout has settled (an egui
/// grid takes a frame or two to fit a column that changed), as a person clicks what they see.
pub fn click(harness: &mut Harness<'_, PantauApp>, label: &str) {
    harness.run_steps(2);
    harness.get_by_role_and_label(Role::Button, label).click();
    harness.run_steps(3);
}

/// Types over what a field holds: focus, select all, type.
pub fn retype(harness: &mut Harness<'_, PantauApp>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run_steps(1);
    harness
        .input_mut()
        .events
        .extend(key(Key::A, Modifiers::COMMAND));
    harness.run_steps(1);
    harness.get_by_label(label).type_text(text);
    harness.run_steps(2);
}

/// Types over what the text field of that name holds (a labelled field, whose label has the
/// same name).
pub fn retype_input(harness: &mut Harness<'_, PantauApp>, label: &str, text: &str) {
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .focus();
    harness.run_steps(1);
    harness
        .input_mut()
        .events
        .extend(key(Key::A, Modifiers::COMMAND));
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    harness.run_steps(2);
}

/// Types into a cell as a clerk does: focus it (which selects its text), then type.
pub fn type_into(harness: &mut Harness<'_, PantauApp>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run_steps(2);
    harness.get_by_label(label).type_text(text);
    harness.run_steps(3);
}

fn key_event(key: Key, pressed: bool, modifiers: Modifiers) -> Event {
    Event::Key {
        key,
        pressed,
        modifiers,
        repeat: false,
        physical_key: Some(key),
    }
}

/// A key pressed and released, as the window system reports it.
pub fn key(key: Key, modifiers: Modifiers) -> Vec<Event> {
    vec![
        key_event(key, true, modifiers),
        key_event(key, false, modifiers),
    ]
}

pub fn tab() -> Vec<Event> {
    key(Key::Tab, Modifiers::NONE)
}

pub fn shift_tab() -> Vec<Event> {
    key(Key::Tab, Modifiers::SHIFT)
}

pub fn enter() -> Vec<Event> {
    key(Key::Enter, Modifiers::NONE)
}

pub fn ctrl(k: Key) -> Vec<Event> {
    key(k, Modifiers::COMMAND)
}

/// Text typed key by key: each character's key press, its text, its key release, as winit
/// reports them.
pub fn typed(text: &str) -> Vec<Event> {
    let mut events = Vec::new();
    for c in text.chars() {
        let name = c.to_string();
        let k = Key::from_name(&name);
        events.extend(k.map(|k| key_event(k, true, Modifiers::NONE)));
        events.push(Event::Text(name));
        events.extend(k.map(|k| key_event(k, false, Modifiers::NONE)));
    }
    events
}

/// Ctrl+V of `text`: what the window system delivers is the clipboard's text.
pub fn paste(text: &str) -> Vec<Event> {
    vec![Event::Paste(text.to_string())]
}

/// Delivers all `events` in one single frame, as a fast typist, a paste or a slow PC does,
/// then lets the app draw frames until it has applied all of them.
pub fn send_in_one_frame(harness: &mut Harness<'_, PantauApp>, events: Vec<Event>) {
    harness.input_mut().events.extend(events);
    harness.step();
    for _ in 0..5_000 {
        if harness.state().pending_keys() == 0 {
            harness.run_steps(3);
            return;
        }
        harness.step();
    }
    panic!(
        "{} key events still waiting after 5.000 frames",
        harness.state().pending_keys()
    );
}

/// One clerk's day: for each row, Rekam Tab Terkirim Tab Cetak Tab Suket Enter.
pub fn day_typed(rows: &[[u64; 4]]) -> Vec<Event> {
    let mut events = Vec::new();
    for row in rows {
        for (i, value) in row.iter().enumerate() {
            events.extend(typed(&value.to_string()));
            events.extend(if i < 3 { tab() } else { enter() });
        }
    }
    events
}

/// The counts stored for each active unit on `date`, in the grid's order (`None` where the
/// unit has no report).
pub fn stored_day(app: &PantauApp, date: &str) -> Vec<Option<[u64; 4]>> {
    let data = app.store().unwrap().load().unwrap();
    data.units
        .iter()
        .filter(|u| u.active)
        .map(|u| {
            data.reports.get(&(u.id, d(date))).map(|r| {
                let c = r.counts;
                [c.recorded, c.sent_to_central, c.printed, c.suket_issued]
            })
        })
        .collect()
}

/// Plausible, all different figures for `n` units: a misplaced keystroke shows.
pub fn figures(n: usize) -> Vec<[u64; 4]> {
    (0..n as u64)
        .map(|i| [101 + i, 91 + i, 51 + i, 1 + i % 4])
        .collect()
}

/// A row's message in the entry grid while the cursor is in that row: in the row, cut to
/// its line, and whole under the grid.
pub fn row_message(harness: &Harness<'_, PantauApp>, text: &str) {
    assert_eq!(
        harness.query_all_by_label_contains(text).count(),
        2,
        "'{text}' in the row and under the grid"
    );
}

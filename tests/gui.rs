//! The desktop app, driven headless with egui_kittest: every screen renders with the demo data,
//! its controls are findable by role and label, and entering data reaches the database.

mod common;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use pantau::ui::app::{PantauApp, Prefs, Screen};
use pantau::ui::dialogs::ScriptedDialogs;

fn demo_app() -> (common::TempDb, PantauApp) {
    let db = common::temp_path("demo.pantau");
    let mut app = PantauApp::new(
        Prefs::default(),
        Box::new(ScriptedDialogs::default()),
        db.path.clone(),
    );
    app.open_demo();
    assert!(app.view().is_some(), "{:?}", app.error);
    app.wait_for_jobs();
    (db, app)
}

fn harness(app: PantauApp) -> Harness<'static, PantauApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut PantauApp| app.ui_root(ui), app);
    harness.run_steps(4);
    harness
}

#[test]
fn every_screen_renders_with_the_demo_data() {
    let (_db, app) = demo_app();
    let mut harness = harness(app);
    for screen in Screen::ALL {
        harness
            .get_by_role_and_label(Role::Button, screen.label(pantau::ui::i18n::Lang::Id))
            .click();
        harness.run_steps(4);
        assert_eq!(harness.state().screen, screen);
    }
}

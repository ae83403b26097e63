//! The frame around the screens: menu bar, navigation, status line, error dialog.

use super::app::{Command, FilePurpose, PantauApp, Screen};
use super::theme;
use crate::locale::Lang;

pub fn shell_ui(app: &mut PantauApp, ui: &mut egui::Ui) {
    let lang = app.lang();
    let tr = lang.tr();
    egui::Panel::top("menu").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(tr.file_menu, |ui| {
                if ui.button(tr.open_file).clicked() {
                    app.commands
                        .push(Command::AskFile(FilePurpose::OpenDatabase));
                }
                if ui.button(tr.new_office).clicked() {
                    app.commands.push(Command::NewOffice);
                }
                if ui.button(tr.open_demo).clicked() {
                    app.commands.push(Command::OpenDemo);
                }
                if ui
                    .button(tr.open_hub)
                    .on_hover_text(tr.open_hub_hint)
                    .clicked()
                {
                    app.commands.push(Command::AskHub);
                }
                // Replacing the whole database is the Admin's (anyone's, without accounts).
                let open = app
                    .view()
                    .is_some_and(|v| v.access.may(crate::domain::access::Task::SetUp));
                if ui
                    .add_enabled(open, egui::Button::new(tr.restore))
                    .clicked()
                {
                    app.commands.push(Command::AskFile(FilePurpose::Restore));
                }
                if let Some(account) = app.view().and_then(|v| v.access.actor.account()) {
                    let text = format!("{} ({})", tr.log_out, account.name);
                    if ui.button(text).clicked() {
                        app.commands.push(Command::LogOut);
                    }
                }
                ui.separator();
                let quit = egui::Button::new(tr.quit).shortcut_text("Ctrl+Q");
                if ui.add(quit).clicked() {
                    app.commands.push(Command::Quit);
                }
            });
            ui.separator();
            ui.label(tr.language);
            for (choice, name) in [(Lang::Id, "Bahasa Indonesia"), (Lang::En, "English")] {
                if ui.selectable_label(lang == choice, name).clicked() {
                    app.commands.push(Command::SetLanguage(choice));
                }
            }
            if let Some(view) = app.view()
                && let crate::source::Origin::Hub { url, province } = &view.origin
            {
                ui.separator();
                let scope = province
                    .clone()
                    .unwrap_or_else(|| tr.hub_nation.to_string());
                ui.colored_label(theme::WARNING, (tr.hub_banner)(&scope, url));
                if ui.button(tr.hub_reload).clicked() {
                    app.commands
                        .push(Command::SetAsOf(view.as_of_picked.then_some(view.as_of)));
                }
            } else if let Some(view) = app.view() {
                ui.separator();
                ui.strong(&view.data.office.name);
                if view.data.is_illustrative() {
                    ui.colored_label(theme::WARNING, tr.illustrative);
                }
                if let Some(account) = view.access.actor.account() {
                    ui.separator();
                    ui.label(format!(
                        "{} · {}",
                        account.name,
                        crate::locale::access::role(lang, account.role)
                    ));
                }
            }
        });
    });
    egui::Panel::bottom("status").show(ui, |ui| {
        ui.horizontal(|ui| {
            if let Some(status) = &app.status {
                // A file's name or a cell in a message is shown, never obeyed.
                ui.colored_label(theme::SAVED, crate::domain::rules::shown(status));
            }
            for file in app.tasks() {
                ui.spinner();
                let name = file
                    .file_name()
                    .map(|f| f.to_string_lossy().into_owned())
                    .unwrap_or_default();
                ui.label((tr.writing)(&name));
            }
            if let Some((done, total)) = app.view().and_then(|v| v.slip_progress) {
                ui.add(
                    egui::ProgressBar::new(done as f32 / total.max(1) as f32)
                        .desired_width(220.0)
                        .text((tr.slip_progress)(done, total)),
                );
            }
        });
    });
    if app.view().is_some() {
        egui::Panel::left("nav")
            .exact_size(theme::NAV_WIDTH)
            .show(ui, |ui| {
                ui.add_space(8.0);
                let hub = app.is_hub();
                for (n, screen) in Screen::ALL.into_iter().enumerate() {
                    // A hub has the dashboard and the report; the office's screens are not
                    // its.
                    if hub && !matches!(screen, Screen::Dashboard | Screen::Reports) {
                        continue;
                    }
                    let selected = app.screen == screen;
                    let button = egui::Button::selectable(selected, screen.label(lang))
                        .min_size(egui::vec2(theme::NAV_WIDTH - 16.0, 28.0));
                    if ui
                        .add(button)
                        .on_hover_text(format!("Ctrl+{}", (n + 1) % 10))
                        .clicked()
                    {
                        app.commands.push(Command::Show(screen));
                    }
                }
            });
    }
    egui::CentralPanel::default().show(ui, |ui| {
        if let Some(path) = app.loading() {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(format!("{} {}", tr.opening, path.display()));
            });
            return;
        }
        if let Some(url) = app.hub_loading() {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(format!("{} {url}", tr.hub_connecting));
            });
            return;
        }
        app.screen_ui(ui);
    });
    if let Some(message) = app.error.clone() {
        let modal = egui::Modal::new(egui::Id::unique("pantau-error")).show(ui.ctx(), |ui| {
            ui.set_max_width(480.0);
            ui.heading(tr.error_title);
            ui.add_space(6.0);
            ui.label(crate::domain::rules::shown(&message));
            ui.add_space(10.0);
            ui.button(tr.close).clicked()
        });
        if modal.inner || modal.should_close() {
            app.error = None;
        }
    } else if app.path_prompt.is_some() {
        path_prompt_ui(app, ui.ctx());
    } else if app.hub_form.open {
        hub_form_ui(app, ui.ctx());
    } else if let Some(code) = app.recovery_code.clone()
        && super::screens::login::recovery_code_ui(ui.ctx(), &code, lang)
    {
        app.recovery_code = None;
    }
}

/// The path field shown where the PC has no file dialog.
fn path_prompt_ui(app: &mut PantauApp, ctx: &egui::Context) {
    let tr = app.lang().tr();
    let Some(prompt) = app.path_prompt.as_mut() else {
        return;
    };
    let modal = egui::Modal::new(egui::Id::unique("pantau-path-prompt")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading(if prompt.request.save {
            tr.path_save_title
        } else {
            tr.path_open_title
        });
        ui.add_space(6.0);
        ui.label(tr.no_file_dialog);
        ui.add_space(6.0);
        let label = ui.label(tr.path_label);
        let field_id = egui::Id::unique("path-prompt-field");
        // Enter in the field is OK; read before the field, which lets go of the keyboard on it.
        let entered = ui.input(|i| i.key_pressed(egui::Key::Enter))
            && ui.memory(|m| m.focused() == Some(field_id));
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut prompt.text)
                    .desired_width(520.0)
                    .id(field_id),
            )
            .labelled_by(label.id);
        if ui.memory(|m| m.focused().is_none()) {
            field.request_focus();
        }
        if let Some(problem) = &prompt.problem {
            ui.colored_label(theme::INVALID, problem);
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let ok = ui.button(tr.ok).clicked() || entered;
            let cancel = ui.button(tr.cancel).clicked();
            (ok, cancel)
        })
        .inner
    });
    let (ok, cancel) = modal.inner;
    if ok {
        app.commands.push(Command::PathTyped);
    } else if cancel || modal.should_close() {
        app.path_prompt = None;
    }
}

/// The hub's address, password and province, asked before a hub is opened.
fn hub_form_ui(app: &mut PantauApp, ctx: &egui::Context) {
    let tr = app.lang().tr();
    let form = &mut app.hub_form;
    let modal = egui::Modal::new(egui::Id::unique("pantau-open-hub")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading(tr.open_hub);
        ui.label(tr.open_hub_hint);
        ui.add_space(6.0);
        let mut submit = false;
        egui::Grid::new("hub-form").num_columns(2).show(ui, |ui| {
            let label = ui.label(tr.hub_url);
            let url = ui
                .add(
                    egui::TextEdit::singleline(&mut form.url)
                        .hint_text(tr.hub_url_hint)
                        .desired_width(400.0),
                )
                .labelled_by(label.id);
            if form.focus {
                url.request_focus();
                form.focus = false;
            }
            ui.end_row();
            let label = ui.label(tr.hub_password);
            let password = ui
                .add(
                    egui::TextEdit::singleline(&mut form.password)
                        .password(true)
                        .desired_width(400.0),
                )
                .labelled_by(label.id);
            submit |= password.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.end_row();
            let label = ui.label(tr.hub_province);
            let province = ui
                .add(
                    egui::TextEdit::singleline(&mut form.province)
                        .hint_text(tr.hub_province_hint)
                        .desired_width(400.0),
                )
                .labelled_by(label.id);
            submit |= province.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.end_row();
        });
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let open = ui
                .add_enabled(!form.url.trim().is_empty(), egui::Button::new(tr.hub_open))
                .clicked();
            let cancel = ui.button(tr.cancel).clicked();
            (open || (submit && !form.url.trim().is_empty()), cancel)
        })
        .inner
    });
    let (open, cancel) = modal.inner;
    if open {
        // The address and the province stay for the next time (a wrong password, a server
        // down); the password does not.
        let form = &mut app.hub_form;
        form.open = false;
        let password = std::mem::take(&mut form.password);
        let url = form.url.trim().to_string();
        let province = Some(form.province.trim().to_string()).filter(|p| !p.is_empty());
        app.open_hub(&url, Some(&password), province.as_deref());
    } else if cancel || modal.should_close() {
        app.hub_form.open = false;
        app.hub_form.password.clear();
    }
}

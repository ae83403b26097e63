//! Masuk: the account and password asked before any screen with data, in a database with
//! accounts; and, in one without, the Admin account asked for (then its recovery code, once).

use super::Command;
use crate::locale::Lang;
use crate::ui::theme;

/// The login form of a database opened and waiting for its account.
#[derive(Default)]
pub struct LoginForm {
    pub name: String,
    pub password: String,
    /// Why the last try failed.
    pub problem: Option<String>,
    /// Put the keyboard in the password field when the form is next drawn.
    pub focus_password: bool,
    /// The recovery form is open instead ("Lupa kata sandi Admin?").
    pub recovering: bool,
    pub code: String,
    pub new_password: String,
    pub repeat: String,
}

/// The Admin account asked for in a database without accounts.
#[derive(Default)]
pub struct AdminForm {
    pub open: bool,
    /// Put the keyboard in the first field when the form is next drawn.
    pub focus_first: bool,
    pub name: String,
    pub password: String,
    pub repeat: String,
    pub problem: Option<String>,
}

/// The login screen of `file`.
pub fn ui(
    ui: &mut egui::Ui,
    form: &mut LoginForm,
    lang: Lang,
    file: &str,
    commands: &mut Vec<Command>,
) {
    let tr = lang.tr();
    ui.add_space(40.0);
    ui.vertical_centered(|ui| {
        ui.set_max_width(380.0);
        ui.heading(tr.login_title);
        ui.label(egui::RichText::new(file).weak());
        ui.add_space(12.0);
        if form.recovering {
            recover_ui(ui, form, lang, commands);
            return;
        }
        let ids = field_ids(ui, "login", 2);
        tab_between(ui, &ids);
        let name = labelled(ui, ids[0], tr.account_name, &mut form.name, false);
        if form.name.is_empty() && !ui.memory(|m| m.focused().is_some()) {
            name.request_focus();
        }
        // After a wrong try the name stays and the keyboard waits in the password field.
        if std::mem::take(&mut form.focus_password) {
            ui.memory_mut(|m| m.request_focus(ids[1]));
        }
        let password = labelled(ui, ids[1], tr.password, &mut form.password, true);
        let entered = password.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.add_space(6.0);
        if ui.button(tr.log_in).clicked() || entered {
            commands.push(Command::LogIn {
                name: form.name.clone(),
                password: std::mem::take(&mut form.password),
            });
        }
        if let Some(problem) = &form.problem {
            ui.colored_label(theme::INVALID, problem);
        }
        ui.add_space(16.0);
        if ui.link(tr.forgot_admin_password).clicked() {
            form.recovering = true;
            form.problem = None;
        }
    });
}

fn recover_ui(ui: &mut egui::Ui, form: &mut LoginForm, lang: Lang, commands: &mut Vec<Command>) {
    let tr = lang.tr();
    ui.label(tr.recover_explained);
    ui.add_space(6.0);
    let ids = field_ids(ui, "recover", 4);
    tab_between(ui, &ids);
    for (id, (text, label, secret)) in ids.iter().zip([
        (&mut form.name, tr.account_name, false),
        (&mut form.code, tr.recovery_code, false),
        (&mut form.new_password, tr.new_password, true),
        (&mut form.repeat, tr.repeat_password, true),
    ]) {
        labelled(ui, *id, label, text, secret);
    }
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        if ui.button(tr.reset_password).clicked() {
            if form.new_password != form.repeat {
                form.problem = Some(tr.passwords_differ.to_string());
            } else {
                commands.push(Command::RecoverAdmin {
                    name: form.name.clone(),
                    code: std::mem::take(&mut form.code),
                    password: std::mem::take(&mut form.new_password),
                });
                form.repeat.clear();
            }
        }
        if ui.button(tr.back).clicked() {
            form.recovering = false;
            form.problem = None;
        }
    });
    if let Some(problem) = &form.problem {
        ui.colored_label(theme::INVALID, problem);
    }
}

/// The strip over the screens of a database without accounts, and the Admin form it opens.
pub fn no_account_ui(
    ui: &mut egui::Ui,
    form: &mut AdminForm,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    let tr = lang.tr();
    ui.horizontal_wrapped(|ui| {
        ui.colored_label(theme::WARNING, tr.no_account_yet);
        if ui.button(tr.create_admin).clicked() {
            form.open = true;
            form.focus_first = true;
        }
    });
    if !form.open {
        return;
    }
    let modal = egui::Modal::new(egui::Id::unique("pantau-create-admin")).show(ui.ctx(), |ui| {
        ui.set_max_width(420.0);
        ui.heading(tr.create_admin);
        ui.label(tr.create_admin_explained);
        ui.add_space(6.0);
        let ids = field_ids(ui, "admin", 3);
        // Asked again until the field has it: a modal's first frame only measures itself.
        if form.focus_first {
            if ui.memory(|m| m.has_focus(ids[0])) {
                form.focus_first = false;
            } else {
                ui.memory_mut(|m| m.request_focus(ids[0]));
            }
        }
        tab_between(ui, &ids);
        for (id, (text, label, secret)) in ids.iter().zip([
            (&mut form.name, tr.account_name, false),
            (&mut form.password, tr.password, true),
            (&mut form.repeat, tr.repeat_password, true),
        ]) {
            labelled(ui, *id, label, text, secret);
        }
        ui.label(egui::RichText::new(tr.password_rule).weak());
        if let Some(problem) = &form.problem {
            ui.colored_label(theme::INVALID, problem);
        }
        ui.add_space(6.0);
        let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.horizontal(|ui| {
            if ui.button(tr.create_admin).clicked() || enter {
                if form.password != form.repeat {
                    form.problem = Some(tr.passwords_differ.to_string());
                } else {
                    commands.push(Command::CreateAdmin {
                        name: form.name.clone(),
                        password: form.password.clone(),
                    });
                }
            }
            ui.button(tr.cancel).clicked()
        })
        .inner
    });
    if modal.inner || modal.should_close() {
        *form = AdminForm::default();
    }
}

/// The recovery code, shown once after the Admin is made or recovered.
pub fn recovery_code_ui(ctx: &egui::Context, code: &str, lang: Lang) -> bool {
    let tr = lang.tr();
    let modal = egui::Modal::new(egui::Id::unique("pantau-recovery-code")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        ui.heading(tr.recovery_code);
        ui.add_space(6.0);
        ui.label(egui::RichText::new(code).monospace().size(20.0).strong());
        ui.add_space(6.0);
        ui.label(tr.recovery_code_explained);
        ui.add_space(10.0);
        ui.button(tr.written_down).clicked()
    });
    modal.inner
}

/// A labelled text field (hidden characters for a secret); the label is its accessible name.
fn labelled(
    ui: &mut egui::Ui,
    id: egui::Id,
    label: &str,
    text: &mut String,
    secret: bool,
) -> egui::Response {
    ui.horizontal(|ui| {
        let label = ui.add_sized([130.0, 20.0], egui::Label::new(label));
        ui.add(
            egui::TextEdit::singleline(text)
                .id(id)
                .password(secret)
                .desired_width(220.0),
        )
        .labelled_by(label.id)
    })
    .inner
}

/// The ids of a form's `count` fields.
fn field_ids(ui: &egui::Ui, form: &str, count: usize) -> Vec<egui::Id> {
    (0..count).map(|i| ui.scope_id().with((form, i))).collect()
}

/// Tab and Shift+Tab move between the fields, before any is drawn: the text typed after a Tab
/// in the same frame lands in the field it leads to (the app hands the form one Tab a frame).
fn tab_between(ui: &mut egui::Ui, ids: &[egui::Id]) {
    let direction = ui.input_mut(|i| {
        if i.consume_key(egui::Modifiers::SHIFT, egui::Key::Tab) {
            Some(ids.len() - 1)
        } else if i.consume_key(egui::Modifiers::NONE, egui::Key::Tab) {
            Some(1)
        } else {
            None
        }
    });
    let Some(step) = direction else { return };
    let focused = ui.memory(|m| m.focused());
    let at = focused.and_then(|f| ids.iter().position(|id| *id == f));
    let next = match at {
        Some(at) => (at + step) % ids.len(),
        None => 0,
    };
    ui.memory_mut(|m| m.request_focus(ids[next]));
}

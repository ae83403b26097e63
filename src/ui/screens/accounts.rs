//! Akun & Kunci: the accounts (the Admin adds, disables and enables them and sets passwords),
//! the period lock's days (the Admin's), and the lock exceptions that reopen a closed period
//! (a Verifikator's or Admin's). Everyone sees the lists; only who may changes them.

use std::collections::BTreeSet;

use chrono::{Days, NaiveDate};

use super::date_picker::date_picker_named;
use super::{Command, Frame};
use crate::domain::UnitId;
use crate::domain::access::{Month, Role, Task};
use crate::locale::access::{role, role_duty};
use crate::locale::fmt;
use crate::store::NewAccount;
use crate::ui::theme;

pub struct AccountsState {
    pub name: String,
    pub role: Role,
    /// The units the new account is limited to; empty: every unit.
    pub units: BTreeSet<UnitId>,
    pub password: String,
    pub repeat: String,
    pub problem: Option<String>,
    /// The account whose password is being set, and the new one typed twice.
    pub password_for: Option<String>,
    pub new_password: String,
    pub new_repeat: String,
    pub lock_days: Option<u32>,
    /// The exception being granted: unit (`None`: every unit), month, last valid day, reason.
    pub exception_unit: Option<UnitId>,
    pub exception_month: Option<Month>,
    pub exception_until: Option<NaiveDate>,
    pub exception_reason: String,
}

impl Default for AccountsState {
    fn default() -> AccountsState {
        AccountsState {
            name: String::new(),
            role: Role::Operator,
            units: BTreeSet::new(),
            password: String::new(),
            repeat: String::new(),
            problem: None,
            password_for: None,
            new_password: String::new(),
            new_repeat: String::new(),
            lock_days: None,
            exception_unit: None,
            exception_month: None,
            exception_until: None,
            exception_reason: String::new(),
        }
    }
}

pub fn ui(
    ui: &mut egui::Ui,
    state: &mut AccountsState,
    frame: &Frame,
    commands: &mut Vec<Command>,
) {
    let lang = frame.lang;
    let tr = lang.tr();
    let view = frame.view;
    let access = &view.access;
    ui.heading(tr.accounts_screen);
    if access.actor.account().is_none() {
        ui.label(tr.no_account_yet);
        return;
    }
    egui::ScrollArea::vertical().show(ui, |ui| {
        accounts_ui(ui, state, frame, commands);
        ui.add_space(14.0);
        ui.separator();
        ui.strong(tr.period_lock);
        let days = access.locks.lock_days.unwrap_or_default();
        ui.label((tr.period_lock_now)(days));
        if access.may(Task::SetUp) {
            ui.horizontal(|ui| {
                let value = state.lock_days.get_or_insert(days);
                let label = ui.label(tr.period_lock_days);
                ui.add(egui::DragValue::new(value).range(0..=366))
                    .labelled_by(label.id);
                if ui.button(tr.save).clicked() {
                    commands.push(Command::SetLockDays(*value));
                }
            });
        }
        ui.add_space(14.0);
        ui.separator();
        exceptions_ui(ui, state, frame, commands);
    });
}

fn accounts_ui(
    ui: &mut egui::Ui,
    state: &mut AccountsState,
    frame: &Frame,
    commands: &mut Vec<Command>,
) {
    let lang = frame.lang;
    let tr = lang.tr();
    let view = frame.view;
    let admin = view.access.may(Task::ManageAccounts);
    let me = view.access.actor.account().map(|a| a.id);
    ui.strong(tr.accounts_title);
    egui::Grid::new("accounts-grid")
        .striped(true)
        .num_columns(5)
        .show(ui, |ui| {
            for title in [
                tr.account_name,
                tr.account_role,
                tr.account_units,
                tr.approval_status,
                "",
            ] {
                ui.strong(title);
            }
            ui.end_row();
            for account in &view.accounts {
                ui.label(&account.name);
                ui.label(role(lang, account.role))
                    .on_hover_text(role_duty(lang, account.role));
                ui.label(match &account.units {
                    None => tr.all_units.to_string(),
                    Some(units) => units
                        .iter()
                        .map(|u| view.data.unit_name(*u))
                        .collect::<Vec<_>>()
                        .join(", "),
                });
                if account.active {
                    ui.colored_label(theme::SAVED, tr.account_active);
                } else {
                    ui.colored_label(theme::WARNING, tr.account_disabled);
                }
                ui.horizontal(|ui| {
                    if admin {
                        let (text, active) = if account.active {
                            (tr.disable, false)
                        } else {
                            (tr.enable, true)
                        };
                        if ui.button(text).clicked() {
                            commands.push(Command::SetAccountActive {
                                name: account.name.clone(),
                                active,
                            });
                        }
                    }
                    if (admin || me == Some(account.id)) && ui.button(tr.set_password).clicked() {
                        state.password_for = Some(account.name.clone());
                    }
                });
                ui.end_row();
            }
        });
    if let Some(name) = state.password_for.clone() {
        ui.add_space(6.0);
        ui.label((tr.password_for)(&name));
        ui.horizontal(|ui| {
            secret(ui, tr.new_password, &mut state.new_password);
            secret(ui, tr.repeat_password, &mut state.new_repeat);
            if ui.button(tr.save).clicked() {
                if state.new_password != state.new_repeat {
                    state.problem = Some(tr.passwords_differ.to_string());
                } else {
                    commands.push(Command::SetPassword {
                        name,
                        password: std::mem::take(&mut state.new_password),
                    });
                    state.new_repeat.clear();
                    state.password_for = None;
                    state.problem = None;
                }
            }
            if ui.button(tr.cancel).clicked() {
                state.password_for = None;
            }
        });
    }
    if !admin {
        ui.label(egui::RichText::new(tr.accounts_admin_only).weak());
        return;
    }
    ui.add_space(8.0);
    ui.strong(tr.add_account);
    ui.horizontal(|ui| {
        let label = ui.label(tr.account_name);
        ui.add(egui::TextEdit::singleline(&mut state.name).desired_width(160.0))
            .labelled_by(label.id);
        ui.label(tr.account_role);
        egui::ComboBox::from_id_salt("account-role")
            .selected_text(role(lang, state.role))
            .show_ui(ui, |ui| {
                for r in Role::ALL {
                    ui.selectable_value(&mut state.role, r, role(lang, r))
                        .on_hover_text(role_duty(lang, r));
                }
            });
    });
    ui.label(egui::RichText::new(role_duty(lang, state.role)).weak());
    if state.role != Role::Operator {
        state.units.clear();
    }
    if state.role == Role::Operator {
        ui.horizontal_wrapped(|ui| {
            ui.label(tr.account_units_limit);
            for unit in view.data.units.iter().filter(|u| u.active) {
                let mut on = state.units.contains(&unit.id);
                if ui.checkbox(&mut on, &unit.name).changed() {
                    if on {
                        state.units.insert(unit.id);
                    } else {
                        state.units.remove(&unit.id);
                    }
                }
            }
        });
    }
    ui.horizontal(|ui| {
        secret(ui, tr.password, &mut state.password);
        secret(ui, tr.repeat_password, &mut state.repeat);
        ui.label(egui::RichText::new(tr.password_rule).weak());
        if ui.button(tr.add_account).clicked() {
            if state.password != state.repeat {
                state.problem = Some(tr.passwords_differ.to_string());
            } else {
                commands.push(Command::AddAccount(NewAccount {
                    name: state.name.trim().to_string(),
                    role: state.role,
                    password: std::mem::take(&mut state.password),
                    units: (!state.units.is_empty()).then(|| state.units.clone()),
                }));
                state.repeat.clear();
                state.problem = None;
            }
        }
    });
    if let Some(problem) = &state.problem {
        ui.colored_label(theme::INVALID, problem);
    }
}

fn secret(ui: &mut egui::Ui, label: &str, text: &mut String) {
    let label = ui.label(label);
    ui.add(
        egui::TextEdit::singleline(text)
            .password(true)
            .desired_width(140.0),
    )
    .labelled_by(label.id);
}

fn exceptions_ui(
    ui: &mut egui::Ui,
    state: &mut AccountsState,
    frame: &Frame,
    commands: &mut Vec<Command>,
) {
    let lang = frame.lang;
    let tr = lang.tr();
    let view = frame.view;
    let grant = view.access.may(Task::GrantException);
    ui.strong(tr.lock_exceptions);
    let exceptions = &view.access.locks.exceptions;
    if exceptions.is_empty() {
        ui.label(tr.no_lock_exceptions);
    } else {
        egui::Grid::new("exceptions-grid")
            .striped(true)
            .num_columns(5)
            .show(ui, |ui| {
                for title in [
                    tr.unit,
                    tr.exception_period,
                    tr.exception_until,
                    tr.exception_reason,
                    "",
                ] {
                    ui.strong(title);
                }
                ui.end_row();
                for e in exceptions {
                    ui.label(match e.unit_id {
                        Some(unit) => view.data.unit_name(unit),
                        None => tr.all_units.to_string(),
                    });
                    ui.label(format!(
                        "{} – {}",
                        fmt::date_short(lang, e.first_day),
                        fmt::date_short(lang, e.last_day)
                    ));
                    let expired = e.valid_until < frame.today;
                    let until = fmt::date_short(lang, e.valid_until);
                    if expired {
                        ui.colored_label(theme::WARNING, (tr.exception_expired)(&until));
                    } else {
                        ui.label(until);
                    }
                    ui.label(format!("{} ({})", e.reason, e.granted_by));
                    if grant && ui.button(tr.remove_exception).clicked() {
                        commands.push(Command::RemoveLockException(e.id));
                    } else if !grant {
                        ui.label("");
                    }
                    ui.end_row();
                }
            });
    }
    if !grant {
        ui.label(egui::RichText::new(tr.exceptions_who).weak());
        return;
    }
    ui.add_space(6.0);
    ui.strong(tr.grant_exception);
    let today = frame.today;
    let month = *state.exception_month.get_or_insert(Month::of(
        today - Days::new(u64::from(view.access.locks.lock_days.unwrap_or(7) + 1)),
    ));
    let until = state.exception_until.get_or_insert(today + Days::new(7));
    ui.horizontal_wrapped(|ui| {
        ui.label(tr.unit);
        egui::ComboBox::from_id_salt("exception-unit")
            .selected_text(match state.exception_unit {
                Some(unit) => view.data.unit_name(unit),
                None => tr.all_units.to_string(),
            })
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.exception_unit, None, tr.all_units);
                for unit in view.data.units.iter().filter(|u| u.active) {
                    ui.selectable_value(&mut state.exception_unit, Some(unit.id), &unit.name);
                }
            });
        ui.label(tr.approval_month);
        let mut chosen = month;
        egui::ComboBox::from_id_salt("exception-month")
            .selected_text(fmt::month_words(lang, chosen.first_day()))
            .show_ui(ui, |ui| {
                let mut m = Month::of(today);
                for _ in 0..24 {
                    ui.selectable_value(&mut chosen, m, fmt::month_words(lang, m.first_day()));
                    match m.first_day().pred_opt() {
                        Some(day) => m = Month::of(day),
                        None => break,
                    }
                }
            });
        state.exception_month = Some(chosen);
        ui.label(tr.exception_until);
        date_picker_named(ui, "exception-until", Some(tr.exception_until), until);
    });
    ui.horizontal(|ui| {
        let label = ui.label(tr.exception_reason);
        ui.add(egui::TextEdit::singleline(&mut state.exception_reason).desired_width(320.0))
            .labelled_by(label.id);
        let ready = !state.exception_reason.trim().is_empty();
        if ui
            .add_enabled(ready, egui::Button::new(tr.grant_exception))
            .clicked()
        {
            let month = state.exception_month.unwrap_or(month);
            commands.push(Command::AddLockException {
                unit: state.exception_unit,
                first: month.first_day(),
                last: month.last_day(),
                until: state.exception_until.unwrap_or(today),
                reason: std::mem::take(&mut state.exception_reason),
            });
        }
    });
}

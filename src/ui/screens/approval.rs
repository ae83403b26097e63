//! Persetujuan bulanan: per unit, whether a month is approved by the head of office, by whom
//! and when (or why it was reopened), beside how many of its working days have a report. The
//! head of office approves and unapproves here, where the monthly report is made; every other
//! role sees the same table, without the buttons.

use chrono::NaiveDate;

use super::{Command, Frame};
use crate::domain::access::{Month, Task};
use crate::locale::fmt;
use crate::ui::theme;

#[derive(Default)]
pub struct ApprovalState {
    /// The month shown; the month before the as-of day's until one is picked.
    pub month: Option<Month>,
    /// Why a month is reopened: asked before "Batalkan persetujuan" can be pressed.
    pub reason: String,
    /// "Setujui semua" was pressed while some units lack reports: asked again.
    pub confirm_all: bool,
}

/// The months a head of office can approve: from the first report up to the as-of day's.
fn months(first: NaiveDate, last: NaiveDate) -> Vec<Month> {
    let mut months = Vec::new();
    let mut month = Month::of(first);
    while month.first_day() <= last {
        months.push(month);
        month = Month::of(month.last_day().succ_opt().unwrap_or(NaiveDate::MAX));
        if month.first_day() == NaiveDate::MAX {
            break;
        }
    }
    months
}

pub fn ui(
    ui: &mut egui::Ui,
    state: &mut ApprovalState,
    frame: &Frame,
    commands: &mut Vec<Command>,
) {
    let lang = frame.lang;
    let tr = lang.tr();
    let data = &frame.view.data;
    let access = &frame.view.access;
    ui.strong(tr.approval_title);
    let Some(first) = data.reports.keys().map(|(_, d)| *d).min() else {
        ui.label(tr.approval_nothing);
        return;
    };
    if access.actor.account().is_none() {
        ui.label(egui::RichText::new(tr.approval_needs_accounts).weak());
        return;
    }
    let as_of = frame.view.as_of;
    let choices = months(first, as_of);
    let default = Month::of(as_of)
        .first_day()
        .pred_opt()
        .map(Month::of)
        .filter(|m| choices.contains(m))
        .or_else(|| choices.last().copied());
    let Some(mut month) = state.month.or(default) else {
        return;
    };
    let approver = access.may(Task::Approve);
    ui.horizontal(|ui| {
        ui.label(tr.approval_month);
        egui::ComboBox::from_id_salt("approval-month")
            .selected_text(fmt::month_words(lang, month.first_day()))
            .show_ui(ui, |ui| {
                for m in choices.iter().rev() {
                    ui.selectable_value(&mut month, *m, fmt::month_words(lang, m.first_day()));
                }
            });
    });
    state.month = Some(month);
    let working: Vec<NaiveDate> = month
        .first_day()
        .iter_days()
        .take_while(|d| *d <= month.last_day() && *d <= as_of)
        .filter(|d| data.calendar.is_working_day(*d))
        .collect();
    let units: Vec<_> = data.units.iter().filter(|u| u.active).collect();
    let mut to_approve = Vec::new();
    let mut incomplete = 0;
    // A month is approved once it is over.
    let over = month.last_day() < frame.today;
    egui::Grid::new("approval-grid")
        .striped(true)
        .num_columns(4)
        .show(ui, |ui| {
            for title in [tr.unit, tr.approval_reported, tr.approval_status, ""] {
                ui.strong(title);
            }
            ui.end_row();
            for unit in &units {
                ui.label(&unit.name);
                let reported = working
                    .iter()
                    .filter(|d| data.reports.contains_key(&(unit.id, **d)))
                    .count();
                let text = format!("{reported} / {}", working.len());
                if reported < working.len() {
                    ui.colored_label(theme::WARNING, text);
                } else {
                    ui.label(text);
                }
                let approval = access
                    .locks
                    .approvals
                    .iter()
                    .find(|a| a.unit_id == unit.id && a.month == month);
                match approval {
                    Some(a) if a.approved => {
                        ui.colored_label(
                            theme::SAVED,
                            (tr.approved_by)(&a.by, &crate::locale::access::when(lang, &a.at)),
                        );
                        if approver {
                            let can = !state.reason.trim().is_empty();
                            let button = egui::Button::new(tr.unapprove);
                            let response = ui
                                .add_enabled(can, button)
                                .on_disabled_hover_text(tr.unapprove_needs_reason);
                            if response.clicked() {
                                commands.push(Command::Unapprove {
                                    units: vec![unit.id],
                                    month,
                                    reason: state.reason.trim().to_string(),
                                });
                            }
                        } else {
                            ui.label("");
                        }
                    }
                    other => {
                        let said = match other {
                            Some(a) => (tr.reopened_by)(
                                &a.by,
                                &crate::locale::access::when(lang, &a.at),
                                &a.reason,
                            ),
                            None => tr.not_approved.to_string(),
                        };
                        ui.colored_label(theme::WARNING, said);
                        to_approve.push(unit.id);
                        incomplete += usize::from(reported < working.len());
                        if approver {
                            let button = ui
                                .add_enabled(over, egui::Button::new(tr.approve))
                                .on_disabled_hover_text(tr.month_not_over);
                            if button.clicked() {
                                commands.push(Command::Approve {
                                    units: vec![unit.id],
                                    month,
                                });
                            }
                        } else {
                            ui.label("");
                        }
                    }
                }
                ui.end_row();
            }
        });
    if approver {
        if !over {
            ui.label(egui::RichText::new(tr.month_not_over).weak());
        }
        if state.confirm_all {
            ui.horizontal(|ui| {
                ui.colored_label(theme::WARNING, (tr.approve_all_confirm)(incomplete));
                if ui.button(tr.yes_approve).clicked() {
                    commands.push(Command::Approve {
                        units: to_approve.clone(),
                        month,
                    });
                    state.confirm_all = false;
                }
                if ui.button(tr.cancel).clicked() {
                    state.confirm_all = false;
                }
            });
        }
        ui.horizontal(|ui| {
            let ready = over && !to_approve.is_empty() && !state.confirm_all;
            if ui
                .add_enabled(ready, egui::Button::new(tr.approve_all))
                .clicked()
            {
                if incomplete > 0 {
                    state.confirm_all = true;
                } else {
                    commands.push(Command::Approve {
                        units: to_approve.clone(),
                        month,
                    });
                }
            }
            let label = ui.label(tr.unapprove_reason);
            ui.add(egui::TextEdit::singleline(&mut state.reason).desired_width(280.0))
                .labelled_by(label.id);
        });
        ui.label(egui::RichText::new(tr.approval_explained).weak());
    } else {
        ui.label(egui::RichText::new(tr.approval_only_kepala).weak());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_run_from_the_first_report_to_the_as_of_day() {
        let d = |t: &str| NaiveDate::parse_from_str(t, "%Y-%m-%d").unwrap();
        let months = months(d("2016-10-20"), d("2017-01-03"));
        let shown: Vec<String> = months.iter().map(ToString::to_string).collect();
        assert_eq!(shown, ["2016-10", "2016-11", "2016-12", "2017-01"]);
    }
}

//! Kiriman: the exchange of bundles between kecamatan PCs and the district. At the district,
//! per kecamatan: its last bundle, the last day reported, how far behind, what is held and
//! which bundle is missing, the conflicts to decide, and the answer to send back. At a
//! kecamatan PC: send to the district, receive its answer, and which bundles it confirmed.

use super::{Command, Frame};
use crate::domain::UnitKind;
use crate::locale::exchange::{self as words, report_brief};
use crate::locale::fmt::{count, date_opt, date_short};
use crate::store::exchange::{ConflictStatus, Keep, Role};
use crate::ui::app::FilePurpose;

/// What the screen keeps between frames: the outcome of the last send or receipt.
#[derive(Default)]
pub struct ExchangeState {
    /// One line per file received or written: whether it went well, and what happened.
    pub results: Vec<(bool, String)>,
    /// The last bundle written, to show its folder.
    pub written: Option<std::path::PathBuf>,
    /// The password of the district's role at the province's hub, if its password file has
    /// none (never kept).
    pub province_password: String,
    /// A push to the province is on its way (set by the app before drawing).
    pub pushing: bool,
}

pub fn ui(
    ui: &mut egui::Ui,
    state: &mut ExchangeState,
    frame: &Frame,
    commands: &mut Vec<Command>,
) {
    let lang = frame.lang;
    let w = words::screen(lang);
    egui::ScrollArea::vertical().show(ui, |ui| {
        match frame.view.exchange.role {
            Some(Role::Kecamatan) => kecamatan(ui, frame, commands),
            _ => {
                district(ui, frame, commands);
                province(ui, state, frame, commands);
            }
        }
        if !state.results.is_empty() || state.written.is_some() {
            ui.add_space(12.0);
            ui.strong(w.results_heading);
            for (ok, line) in &state.results {
                // A bundle's file name or fields are shown, never obeyed.
                let text = egui::RichText::new(crate::domain::rules::shown(line));
                ui.label(if *ok {
                    text
                } else {
                    text.color(ui.visuals().error_fg_color)
                });
            }
            if let Some(written) = &state.written
                && let Some(folder) = written.parent()
                && ui.button(w.open_folder).clicked()
            {
                commands.push(Command::OpenFolder(folder.to_path_buf()));
            }
        }
    });
}

fn district(ui: &mut egui::Ui, frame: &Frame, commands: &mut Vec<Command>) {
    let lang = frame.lang;
    let w = words::screen(lang);
    let view = frame.view;
    let data = &view.data;
    ui.heading(w.heading_district);
    let any_pc = view.exchange.peers.iter().any(|p| p.peer.active);
    ui.label(if any_pc {
        w.intro_district
    } else {
        w.intro_none
    });
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        if ui
            .add_enabled(any_pc, egui::Button::new(w.receive))
            .on_disabled_hover_text(w.intro_none)
            .clicked()
        {
            commands.push(Command::AskFile(FilePurpose::ReceiveBundles));
        }
        if ui
            .add_enabled(any_pc, egui::Button::new(w.receive_folder))
            .on_hover_text(w.receive_folder_hint)
            .on_disabled_hover_text(w.intro_none)
            .clicked()
        {
            commands.push(Command::AskFile(FilePurpose::ReceiveFolder));
        }
    });
    ui.add_space(10.0);
    ui.strong(w.pcs_heading);
    egui::Grid::new("exchange_pcs")
        .striped(true)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            for header in w.columns {
                ui.strong(header);
            }
            ui.label("");
            ui.end_row();
            for unit in data.units.iter().filter(|u| u.kind == UnitKind::Kecamatan) {
                ui.label(&unit.name);
                let status = view
                    .exchange
                    .peers
                    .iter()
                    .find(|s| s.peer.unit_id == unit.id && s.peer.active);
                let Some(s) = status else {
                    ui.label(egui::RichText::new(w.no_pc).weak());
                    for _ in 0..5 {
                        ui.label("");
                    }
                    if ui.button(w.set_up).on_hover_text(w.set_up_hint).clicked() {
                        commands.push(Command::AskFile(FilePurpose::KecamatanPc(unit.id)));
                    }
                    ui.end_row();
                    continue;
                };
                ui.label(
                    s.last_applied
                        .as_ref()
                        .map(|r| words::last_bundle(lang, r.sequence, r.applied_at.as_deref()))
                        .unwrap_or_else(|| "—".to_string()),
                );
                ui.label(date_opt(lang, s.last_day));
                let behind = words::days_behind(lang, s.days_behind);
                ui.label(if s.days_behind > 1 {
                    egui::RichText::new(behind).color(ui.visuals().warn_fg_color)
                } else {
                    egui::RichText::new(behind)
                });
                let held = words::held(lang, &s.held, s.waiting_for);
                ui.label(egui::RichText::new(held).color(ui.visuals().warn_fg_color));
                ui.label(count(lang, s.open_conflicts as u64));
                let confirmed = s.sent.iter().filter(|b| b.confirmed_at.is_some()).count();
                ui.label(words::confirmed_of(lang, confirmed, s.sent.len()));
                ui.horizontal(|ui| {
                    if ui.button(w.send_answer).clicked() {
                        commands.push(Command::AskFile(FilePurpose::SendBundle(Some(unit.id))));
                    }
                    if s.sent.iter().any(|b| b.confirmed_at.is_none())
                        && ui.button(w.resend).on_hover_text(w.resend_hint).clicked()
                    {
                        commands.push(Command::AskFile(FilePurpose::ResendBundles(Some(unit.id))));
                    }
                });
                ui.end_row();
            }
        });
    ui.add_space(12.0);
    ui.strong(w.conflicts_heading);
    let open: Vec<_> = view
        .exchange
        .conflicts
        .iter()
        .filter(|c| c.status == ConflictStatus::Open && c.remote_id.is_none())
        .collect();
    if open.is_empty() {
        ui.label(w.conflicts_none);
        return;
    }
    egui::Grid::new("exchange_conflicts")
        .striped(true)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            for header in w.conflict_columns {
                ui.strong(header);
            }
            ui.end_row();
            for c in open {
                ui.vertical(|ui| {
                    ui.label(format!(
                        "#{} {}, {}",
                        c.id,
                        data.unit_name(c.unit_id),
                        date_short(lang, c.date)
                    ));
                    if let Some(closed) = c.closed {
                        ui.colored_label(
                            crate::ui::theme::WARNING,
                            crate::locale::exchange::closed_by(lang, closed),
                        );
                    }
                });
                ui.label(report_brief(lang, c.sent.as_ref()));
                ui.label(report_brief(lang, data.reports.get(&(c.unit_id, c.date))));
                ui.horizontal(|ui| {
                    if ui.button(w.keep_sent).clicked() {
                        commands.push(Command::ResolveConflict {
                            id: c.id,
                            keep: Keep::Sent,
                        });
                    }
                    if ui.button(w.keep_ours).clicked() {
                        commands.push(Command::ResolveConflict {
                            id: c.id,
                            keep: Keep::Ours,
                        });
                    }
                });
                ui.end_row();
            }
        });
}

fn kecamatan(ui: &mut egui::Ui, frame: &Frame, commands: &mut Vec<Command>) {
    let lang = frame.lang;
    let w = words::screen(lang);
    let view = frame.view;
    ui.heading(w.heading_kecamatan);
    ui.label(w.intro_kecamatan);
    ui.add_space(6.0);
    let status = view.exchange.peers.iter().find(|s| s.peer.active);
    ui.horizontal(|ui| {
        if ui.button(w.send_to_district).clicked() {
            commands.push(Command::AskFile(FilePurpose::SendBundle(None)));
        }
        if ui.button(w.receive_answer).clicked() {
            commands.push(Command::AskFile(FilePurpose::ReceiveBundles));
        }
        if ui
            .button(w.receive_folder)
            .on_hover_text(w.receive_folder_hint)
            .clicked()
        {
            commands.push(Command::AskFile(FilePurpose::ReceiveFolder));
        }
        if status.is_some_and(|s| s.sent.iter().any(|b| b.confirmed_at.is_none()))
            && ui.button(w.resend).on_hover_text(w.resend_hint).clicked()
        {
            commands.push(Command::AskFile(FilePurpose::ResendBundles(None)));
        }
    });
    ui.add_space(10.0);
    ui.strong(w.sent_heading);
    let sent = status.map(|s| s.sent.as_slice()).unwrap_or_default();
    if sent.is_empty() {
        ui.label(w.nothing_sent);
    } else {
        egui::Grid::new("exchange_sent")
            .striped(true)
            .spacing([14.0, 4.0])
            .show(ui, |ui| {
                for header in w.sent_columns {
                    ui.strong(header);
                }
                ui.end_row();
                // Newest first: the clerk looks for today's.
                for bundle in sent.iter().rev().take(30) {
                    ui.label(bundle.sequence.to_string());
                    ui.label(words::when(lang, &bundle.created_at));
                    ui.label(count(lang, bundle.rows as u64));
                    match &bundle.confirmed_at {
                        Some(at) => ui.label(words::when(lang, at)),
                        None => ui.label(
                            egui::RichText::new(w.not_yet).color(ui.visuals().warn_fg_color),
                        ),
                    };
                    ui.end_row();
                }
            });
    }
    let remote: Vec<_> = view
        .exchange
        .conflicts
        .iter()
        .filter(|c| c.remote_id.is_some())
        .collect();
    if !remote.is_empty() {
        ui.add_space(12.0);
        ui.strong(w.remote_heading);
        for c in remote {
            ui.label(words::remote_conflict(
                lang,
                c.date,
                c.sent.as_ref(),
                c.ours.as_ref(),
                c.status,
            ));
        }
    }
}

/// "Kirim ke provinsi": the district's link to its province's hub, a push (online) or a file
/// to carry, and the bundles made for the hub with whether it has them.
fn province(
    ui: &mut egui::Ui,
    state: &mut ExchangeState,
    frame: &Frame,
    commands: &mut Vec<Command>,
) {
    let tr = frame.lang.tr();
    let Some(status) = &frame.view.province else {
        return;
    };
    ui.add_space(14.0);
    ui.separator();
    ui.heading(tr.province_title);
    let Some(link) = &status.link else {
        ui.label(tr.province_not_linked);
        return;
    };
    ui.label((tr.province_linked)(&link.province, &link.url));
    ui.horizontal(|ui| {
        let label = ui.label(tr.hub_password);
        ui.add(
            egui::TextEdit::singleline(&mut state.province_password)
                .password(true)
                .desired_width(200.0),
        )
        .labelled_by(label.id);
        let push = ui
            .add_enabled(!state.pushing, egui::Button::new(tr.push_to_province))
            .on_hover_text(tr.push_to_province_hint);
        if push.clicked() {
            let password = std::mem::take(&mut state.province_password);
            commands.push(Command::PushToProvince {
                password: Some(password).filter(|p| !p.is_empty()),
            });
        }
        if state.pushing {
            ui.spinner();
            ui.label(tr.province_pushing);
        }
        if ui
            .button(tr.province_to_file)
            .on_hover_text(tr.province_to_file_hint)
            .clicked()
        {
            commands.push(Command::AskFile(FilePurpose::ProvinceBundle));
        }
    });
    ui.add_space(6.0);
    ui.strong(tr.province_sent_title);
    if status.sent.is_empty() {
        ui.label(tr.province_none_sent);
        return;
    }
    let waiting = status.sent.iter().filter(|b| b.pushed_at.is_none()).count();
    if waiting > 0 {
        ui.colored_label(
            crate::ui::theme::WARNING,
            (tr.province_unconfirmed)(waiting),
        );
    }
    for bundle in status.sent.iter().take(8) {
        let lang = frame.lang;
        let pushed = bundle
            .pushed_at
            .as_deref()
            .map(|at| crate::locale::fmt::moment(lang, at));
        ui.label((tr.province_sent_row)(
            bundle.sequence,
            &crate::locale::fmt::moment(lang, &bundle.created_at),
            &count(lang, bundle.reports as u64),
            pushed.as_deref(),
        ));
    }
}

//! Laporan: exports for the office's other tools, import with a preview of every row and
//! problem before anything is written, and backups.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDate;

use super::{Command, Frame};
use crate::domain::Dataset;
use crate::io::charts::ChartKind;
use crate::io::import::{Cancelled, Options, Plan, parse_month, plan_with};
use crate::locale::{self, fmt};
use crate::progress::Progress;
use crate::ui::app::FilePurpose;
use crate::ui::theme;

/// A file being checked for import on a background thread.
pub struct Checking {
    pub path: PathBuf,
    pub progress: Arc<Progress>,
    job: std::thread::JoinHandle<Result<Plan, Cancelled>>,
}

pub struct ReportsState {
    /// The file chosen for import and what importing it would do.
    pub preview: Option<(PathBuf, Plan)>,
    pub checking: Option<Checking>,
    /// Why the last check stopped with no answer (a program error).
    pub failed: Option<String>,
    pub chart: ChartKind,
    pub approval: super::approval::ApprovalState,
    /// The file's count columns are totals to date (s.d. tanggal), as SIAK gives them.
    pub cumulative: bool,
    /// The month of recap sheets whose day columns, title and sheet names give none, as typed
    /// ("2016-10"); empty for none.
    pub recap_month: String,
    /// The month the preview was read with.
    pub checked_month: Option<crate::io::import::Month>,
}

impl Default for ReportsState {
    fn default() -> ReportsState {
        ReportsState {
            preview: None,
            checking: None,
            failed: None,
            chart: ChartKind::Progress,
            approval: Default::default(),
            cumulative: false,
            recap_month: String::new(),
            checked_month: None,
        }
    }
}

impl ReportsState {
    /// Starts checking `path` for import on a thread of its own.
    pub fn check(&mut self, data: Arc<Dataset>, path: PathBuf, today: NaiveDate) {
        let progress = Arc::new(Progress::default());
        let (shared, file) = (Arc::clone(&progress), path.clone());
        self.preview = None;
        self.failed = None;
        self.checking = Some(Checking {
            path,
            progress,
            job: {
                let options = Options {
                    kind: None,
                    cumulative: self.cumulative,
                    month: parse_month(&self.recap_month),
                };
                self.checked_month = options.month;
                std::thread::spawn(move || plan_with(&data, &file, &options, today, &shared))
            },
        });
    }

    /// Collects a finished check; returns whether one is still running.
    pub fn poll(&mut self) -> bool {
        if !self.checking.as_ref().is_some_and(|c| c.job.is_finished()) {
            return self.checking.is_some();
        }
        if let Some(checking) = self.checking.take() {
            match checking.job.join() {
                Ok(Ok(plan)) => self.preview = Some((checking.path, plan)),
                Ok(Err(Cancelled)) => {}
                // A bug in the reader must not pass in silence.
                Err(panic) => self.failed = Some(crate::progress::panic_message(panic.as_ref())),
            }
        }
        false
    }
}

fn chart_name(
    lang: locale::Lang,
    level: crate::domain::dataset::UnitLevel,
    kind: ChartKind,
) -> &'static str {
    let tr = lang.tr();
    let districts = level == crate::domain::dataset::UnitLevel::District;
    match kind {
        ChartKind::Coverage if districts => tr.chart_coverage_districts,
        ChartKind::Behind if districts => tr.chart_behind_districts,
        ChartKind::Progress => tr.chart_progress,
        ChartKind::Slip => tr.chart_slip,
        ChartKind::Daily => tr.chart_daily,
        ChartKind::Backlog => tr.chart_backlog,
        ChartKind::Stock => tr.chart_stock,
        ChartKind::Coverage => tr.chart_coverage,
        ChartKind::Behind => tr.chart_behind,
        ChartKind::Accuracy => tr.accuracy_title,
        ChartKind::Rejections => tr.chart_rejections,
    }
}

pub fn ui(ui: &mut egui::Ui, state: &mut ReportsState, frame: &Frame, commands: &mut Vec<Command>) {
    let lang = frame.lang;
    let tr = lang.tr();
    let data = &frame.view.data;
    ui.heading(tr.reports);
    ui.add_space(6.0);
    // A hub is read: no approval, import or backup of its own here.
    let hub = frame.view.is_hub();
    if !hub {
        super::approval::ui(ui, &mut state.approval, frame, commands);
        ui.add_space(10.0);
    }
    ui.strong(tr.export_title);
    ui.label(if hub {
        tr.export_hint_hub
    } else {
        tr.export_hint
    });
    ui.horizontal(|ui| {
        if ui.button(tr.export_xlsx).clicked() {
            commands.push(Command::AskFile(FilePurpose::ExportXlsx));
        }
        if ui.button(tr.export_csv).clicked() {
            commands.push(Command::AskFile(FilePurpose::ExportCsv));
        }
    });
    ui.add_space(8.0);
    // The PDF and the charts are drawn as of this date: shown, and changed here too.
    ui.horizontal(|ui| {
        ui.label(tr.report_as_of);
        super::as_of_ui(ui, frame, "reports-as-of", commands);
        ui.label(egui::RichText::new(tr.report_as_of_hint).weak());
    });
    ui.horizontal(|ui| {
        let ready = frame.view.forecast.is_some();
        if ui
            .add_enabled(ready, egui::Button::new(tr.pdf_report))
            .clicked()
        {
            commands.push(Command::AskFile(FilePurpose::PdfReport));
        }
        egui::ComboBox::from_id_salt("chart-kind")
            .selected_text(chart_name(lang, data.level, state.chart))
            .show_ui(ui, |ui| {
                for kind in ChartKind::ALL {
                    ui.selectable_value(&mut state.chart, kind, chart_name(lang, data.level, kind));
                }
            });
        if ui
            .add_enabled(ready, egui::Button::new(tr.chart_png))
            .clicked()
        {
            commands.push(Command::AskFile(FilePurpose::Chart(state.chart)));
        }
    });
    if hub {
        return;
    }
    ui.add_space(12.0);
    ui.separator();
    ui.strong(tr.import_title);
    ui.label(tr.import_hint);
    // Totals to date: the file is read again as such when the box is changed.
    let cumulative = ui
        .checkbox(&mut state.cumulative, tr.import_cumulative)
        .on_hover_text(tr.cumulative_entry_hint);
    // The month of recap sheets that give none: the file is read again when it is changed.
    let month = ui
        .horizontal(|ui| {
            let label = ui
                .label(tr.import_recap_month)
                .on_hover_text(tr.import_recap_month_hint);
            let edit = ui
                .add(
                    egui::TextEdit::singleline(&mut state.recap_month)
                        .hint_text(format!(
                            "{} {}",
                            tr.for_example,
                            fmt::month_year(lang, frame.today)
                        ))
                        .desired_width(140.0),
                )
                .labelled_by(label.id)
                .on_hover_text(tr.import_recap_month_hint);
            let typed = state.recap_month.trim();
            if !typed.is_empty() && parse_month(typed).is_none() {
                ui.colored_label(theme::INVALID, tr.import_recap_month_bad);
            }
            // Read again once the clerk leaves the box (Enter or Tab) with another month.
            edit.lost_focus() && parse_month(typed) != state.checked_month
        })
        .inner;
    if (cumulative.changed() || month)
        && state.checking.is_none()
        && let Some((path, _)) = &state.preview
    {
        let path = path.clone();
        state.check(std::sync::Arc::clone(&frame.view.data), path, frame.today);
    }
    if let Some(failed) = &state.failed {
        ui.colored_label(theme::INVALID, (tr.check_failed)(failed));
    }
    if let Some(checking) = &state.checking {
        let (done, total) = checking.progress.get();
        ui.horizontal(|ui| {
            // While the file is read its length in rows is not known yet.
            let bar = if total == 0 {
                egui::ProgressBar::new(0.0)
                    .animate(true)
                    .text(format!("{} {done}", tr.checking_rows))
            } else {
                egui::ProgressBar::new(done as f32 / total as f32)
                    .text(format!("{} {done}/{total}", tr.checking_rows))
            };
            ui.add(bar.desired_width(300.0));
            if ui.button(tr.cancel).clicked() {
                checking.progress.cancel();
            }
        });
    } else if ui
        .add_enabled(
            frame
                .view
                .access
                .may(crate::domain::access::Task::EnterData),
            egui::Button::new(tr.import_file),
        )
        .clicked()
    {
        commands.push(Command::AskFile(FilePurpose::Import));
    }
    let mut clear = false;
    if let Some((path, preview)) = &state.preview {
        ui.strong(path.display().to_string());
        let shown = crate::io::import::SHOWN_PROBLEMS;
        for note in preview.notes.iter().take(shown) {
            ui.label(egui::RichText::new(locale::import_note(lang, note)).weak());
        }
        if preview.notes.len() > shown {
            ui.label(egui::RichText::new((tr.review_more)(preview.notes.len() - shown)).weak());
        }
        if preview.problem_count == 0 {
            ui.label(format!(
                "{}: {}",
                tr.would_import,
                (tr.import_counts)(preview.new, preview.updated, preview.unchanged)
            ));
            if !preview.flagged.is_empty() {
                flagged_ui(ui, lang, preview);
            }
            ui.horizontal(|ui| {
                if ui.button(tr.import_now).clicked() {
                    commands.push(Command::Import(preview.clone()));
                    clear = true;
                }
                if ui.button(tr.cancel).clicked() {
                    clear = true;
                }
            });
            preview_table(ui, lang, data, preview);
        } else {
            ui.colored_label(theme::INVALID, tr.import_problems);
            egui::ScrollArea::vertical()
                .id_salt("import-problems")
                .max_height(260.0)
                .min_scrolled_height(160.0)
                .show(ui, |ui| {
                    // The first ones with row and column; the rest counted.
                    let shown = crate::io::import::SHOWN_PROBLEMS;
                    for problem in preview.problems.iter().take(shown) {
                        ui.colored_label(theme::INVALID, locale::problem(lang, problem));
                    }
                    let more = preview.problem_count.saturating_sub(shown);
                    if more > 0 {
                        ui.colored_label(theme::INVALID, (tr.review_more)(more));
                    }
                });
            if ui.button(tr.close).clicked() {
                clear = true;
            }
        }
    }
    if clear {
        state.preview = None;
    }
    ui.add_space(12.0);
    ui.separator();
    ui.strong(tr.backups_title);
    ui.label(tr.backups_hint);
    ui.horizontal(|ui| {
        if ui.button(tr.make_backup).clicked() {
            commands.push(Command::AskFile(FilePurpose::Backup));
        }
        if ui.button(tr.restore).clicked() {
            commands.push(Command::AskFile(FilePurpose::Restore));
        }
    });
}

/// The imported rows that have an outlier and no note: they are written, and flagged.
fn flagged_ui(ui: &mut egui::Ui, lang: locale::Lang, preview: &Plan) {
    let tr = lang.tr();
    ui.colored_label(theme::WARNING, (tr.import_flagged)(preview.flagged.len()));
    egui::ScrollArea::vertical()
        .id_salt("import-flagged")
        .max_height(180.0)
        .show(ui, |ui| flagged_rows(ui, lang, preview));
}

/// The first flagged rows, and how many more.
fn flagged_rows(ui: &mut egui::Ui, lang: locale::Lang, preview: &Plan) {
    const SHOWN: usize = 20;
    let tr = lang.tr();
    for flagged in preview.flagged.iter().take(SHOWN) {
        let at = crate::domain::rules::Place {
            unit: Some(flagged.unit.clone()),
            date: flagged.date,
        };
        let violation = crate::domain::RuleViolation::OutlierNeedsNote {
            at,
            outlier: flagged.outlier.clone(),
        };
        ui.label(format!(
            "{} {}: {}",
            tr.row,
            flagged.row,
            locale::violation(lang, &violation)
        ));
    }
    if preview.flagged.len() > SHOWN {
        ui.label((tr.review_more)(preview.flagged.len() - SHOWN));
    }
}

/// The rows an import would write, each marked new or updated.
fn preview_table(
    ui: &mut egui::Ui,
    lang: locale::Lang,
    data: &crate::domain::Dataset,
    preview: &Plan,
) {
    let tr = lang.tr();
    // The centre's stage where the file gives it.
    let stage = preview.reports.iter().any(|r| r.prr.is_some());
    egui::ScrollArea::vertical()
        .id_salt("import-preview")
        .max_height(320.0)
        .min_scrolled_height(240.0)
        .show(ui, |ui| {
            egui::Grid::new("import-preview-grid")
                .striped(true)
                .show(ui, |ui| {
                    for header in [tr.date, tr.unit, tr.recorded, tr.sent, tr.printed, tr.suket] {
                        ui.strong(header);
                    }
                    if stage {
                        for field in crate::domain::PrrField::ALL {
                            ui.strong(locale::stage_name(lang, field));
                        }
                    }
                    ui.strong("");
                    ui.end_row();
                    for report in preview.reports.iter().take(500) {
                        ui.label(fmt::date_short(lang, report.date));
                        ui.label(data.unit_name(report.unit_id));
                        let c = &report.counts;
                        for value in [c.recorded, c.sent_to_central, c.printed, c.suket_issued] {
                            ui.label(fmt::count(lang, value));
                        }
                        if stage {
                            for field in crate::domain::PrrField::ALL {
                                ui.label(report.prr.map_or_else(
                                    || "—".to_string(),
                                    |p| fmt::count(lang, p.get(field)),
                                ));
                            }
                        }
                        // An update shows what it overwrites.
                        match data.reports.get(&(report.unit_id, report.date)) {
                            Some(old) => {
                                let o = &old.counts;
                                ui.label(format!(
                                    "{}, {} {} / {} / {} / {}",
                                    tr.change_update,
                                    tr.change_was,
                                    fmt::count(lang, o.recorded),
                                    fmt::count(lang, o.sent_to_central),
                                    fmt::count(lang, o.printed),
                                    fmt::count(lang, o.suket_issued)
                                ))
                            }
                            None => ui.label(tr.change_new),
                        };
                        ui.end_row();
                    }
                    for event in preview.events.iter().take(500) {
                        ui.label(fmt::date_short(lang, event.date));
                        ui.label(locale::stock_kind(lang, event.kind));
                        ui.label(fmt::count(lang, event.quantity));
                        ui.label(&event.document);
                        ui.label(&event.counterparty);
                        ui.label("");
                        ui.label(tr.change_new);
                        ui.end_row();
                    }
                });
        });
}

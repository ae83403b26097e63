//! First run, or no database open: open a file, open the demo, or create an office's database
//! with a short wizard — office name → units with their wajib KTP → opening totals → deadline →
//! where to save — that opens on the entry screen. Everything typed stays until the database
//! is created, so a refusal at the end loses nothing.

use chrono::{Days, NaiveDate};

use super::Command;
use super::figures::{FigureGrid, FigureRow};
use crate::domain::rules::{self, Place};
use crate::domain::{Counts, Deadline, NewOffice, NewUnit, Office, UnitKind, UnitSetup};
use crate::locale::{Lang, violation};
use crate::ui::app::FilePurpose;
use crate::ui::theme;

/// The wizard's steps, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Step {
    #[default]
    Office,
    Units,
    Openings,
    Deadline,
    /// The office's Admin account: who creates the office is its Admin.
    Admin,
}

impl Step {
    const ALL: [Step; 5] = [
        Step::Office,
        Step::Units,
        Step::Openings,
        Step::Deadline,
        Step::Admin,
    ];

    fn index(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }
}

/// One unit typed in the wizard, as parsed from its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitLine {
    pub name: String,
    pub wajib_ktp: Option<u64>,
}

#[derive(Default)]
pub struct WelcomeState {
    /// The wizard is open.
    pub creating: bool,
    pub step: Step,
    pub office: String,
    /// Units, one per line: the name, then optionally the wajib KTP after a Tab or `;`.
    pub units: String,
    /// Opening totals per unit: Rekam, Terkirim, Cetak, Suket as typed, in a grid keyed like
    /// the entry grid.
    pub openings: FigureGrid,
    /// The date of the opening totals; the day before the first daily report.
    pub opening_as_of: Option<NaiveDate>,
    pub with_deadline: bool,
    pub decided_on: Option<NaiveDate>,
    pub deadline: Option<NaiveDate>,
    pub deadline_note: String,
    /// The Admin account made with the office.
    pub admin_name: String,
    pub admin_password: String,
    pub admin_repeat: String,
    /// No account for now (one clerk on one PC): the app asks again when it opens the file.
    pub without_account: bool,
    pub problem: Option<String>,
}

impl WelcomeState {
    /// The units typed so far, or the first line that is not one.
    pub fn unit_lines(&self, lang: Lang) -> Result<Vec<UnitLine>, String> {
        let tr = lang.tr();
        let mut units: Vec<UnitLine> = Vec::new();
        for (index, line) in self.units.lines().enumerate() {
            let number = index + 1;
            if line.trim().is_empty() {
                continue;
            }
            let separator = if line.contains('\t') { '\t' } else { ';' };
            let mut fields = line.split(separator).map(str::trim);
            let name = fields
                .next()
                .unwrap_or("")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            if name.is_empty() {
                return Err((tr.wizard_line_problem)(number, tr.wizard_no_name));
            }
            let wajib_ktp =
                match fields.next().filter(|f| !f.is_empty()) {
                    None => None,
                    Some(text) => Some(crate::domain::number::parse_count(text).map_err(|_| {
                        (tr.wizard_line_problem)(number, &(tr.wizard_bad_wajib)(text))
                    })?),
                };
            if let Some(extra) = fields.find(|f| !f.is_empty()) {
                return Err((tr.wizard_line_problem)(number, &(tr.wizard_extra)(extra)));
            }
            let key = crate::domain::dataset::normalize_name(&name);
            if units
                .iter()
                .any(|u| crate::domain::dataset::normalize_name(&u.name) == key)
            {
                return Err((tr.wizard_line_problem)(number, &(tr.wizard_twice)(&name)));
            }
            units.push(UnitLine { name, wajib_ktp });
        }
        if units.is_empty() {
            return Err(tr.wizard_no_units.to_string());
        }
        Ok(units)
    }

    /// Fills the unit lines from a units file (CSV, XLSX, XLS or ODS).
    pub fn read_units_file(&mut self, path: &std::path::Path, lang: Lang) {
        match crate::io::import::read_units(path) {
            Ok(rows) => {
                self.units = rows
                    .iter()
                    .filter(|r| r.unit.kind == UnitKind::Kecamatan)
                    .map(|r| match r.wajib_ktp {
                        Some(w) => format!("{}\t{w}", r.unit.name),
                        None => r.unit.name.clone(),
                    })
                    .collect::<Vec<_>>()
                    .join("\n");
                self.problem = None;
            }
            Err(problems) => {
                let mut text = lang.tr().units_file_refused.to_string();
                for problem in problems.first.iter().take(10) {
                    text.push('\n');
                    text.push_str(&crate::locale::problem(lang, problem));
                }
                self.problem = Some(text);
            }
        }
    }

    /// Keeps one opening row per typed unit, in the units' order, keeping what was typed.
    fn sync_openings(&mut self, units: &[UnitLine]) {
        let old = std::mem::take(&mut self.openings.rows);
        self.openings.rows = units
            .iter()
            .enumerate()
            .map(|(i, u)| FigureRow {
                unit_id: i as i64,
                unit_name: u.name.clone(),
                stored: vec![String::new(); 4],
                cells: old
                    .iter()
                    .find(|r| r.unit_name == u.name)
                    .map(|r| r.cells.clone())
                    .unwrap_or_else(|| vec![String::new(); 4]),
                problem: None,
                bad: Vec::new(),
            })
            .collect();
    }

    /// The opening totals typed, per unit (`None` for a row left empty), or how many rows are
    /// wrong.
    fn opening_counts(&self, lang: Lang, as_of: NaiveDate) -> Result<Vec<Option<Counts>>, String> {
        let mut all = Vec::with_capacity(self.openings.rows.len());
        let mut wrong = 0;
        for row in &self.openings.rows {
            let (counts, problems) = opening_row(lang, row, as_of);
            wrong += usize::from(!problems.is_empty());
            all.push(counts);
        }
        if wrong > 0 {
            return Err((lang.tr().rows_to_correct)(wrong));
        }
        Ok(all)
    }

    /// Marks every wrong opening row at once: its wrong cells, and why beside it.
    fn mark_openings(&mut self, lang: Lang, as_of: NaiveDate) {
        for row in &mut self.openings.rows {
            let (_, problems) = opening_row(lang, row, as_of);
            // "Torjun 2016-09-30: Rekam 'abc' …; Cetak kosong …": the place said once.
            row.problem = problems.first().map(|(_, first)| {
                let place = first.split_once(": ").map(|(p, _)| format!("{p}: "));
                let rest = problems[1..].iter().map(|(_, p)| match &place {
                    Some(place) => p.strip_prefix(place.as_str()).unwrap_or(p),
                    None => p,
                });
                std::iter::once(first.as_str())
                    .chain(rest)
                    .collect::<Vec<_>>()
                    .join("; ")
            });
            row.bad = problems.into_iter().filter_map(|(c, _)| c).collect();
        }
    }

    /// Everything typed, as the new office; or the first thing that is wrong.
    pub fn setup(&self, lang: Lang, today: NaiveDate) -> Result<NewOffice, String> {
        let tr = lang.tr();
        let office = self.office.trim();
        if office.is_empty() {
            return Err(tr.wizard_no_office.to_string());
        }
        let lines = self.unit_lines(lang)?;
        let as_of = self.opening_as_of.unwrap_or(today);
        let counts = self.opening_counts(lang, as_of)?;
        let mut units: Vec<UnitSetup> = lines
            .iter()
            .map(|line| UnitSetup {
                unit: NewUnit {
                    name: line.name.clone(),
                    code: None,
                    kind: UnitKind::Kecamatan,
                },
                wajib_ktp: line.wajib_ktp,
                opening: self
                    .openings
                    .rows
                    .iter()
                    .zip(&counts)
                    .find(|(row, _)| row.unit_name == line.name)
                    .and_then(|(_, c)| c.map(|c| (as_of, c))),
            })
            .collect();
        units.push(UnitSetup {
            unit: NewUnit {
                name: crate::demo::DISTRICT_UNIT_NAME.to_string(),
                code: None,
                kind: UnitKind::District,
            },
            wajib_ktp: None,
            opening: None,
        });
        let deadlines = match (self.with_deadline, self.decided_on, self.deadline) {
            (true, Some(decided_on), Some(deadline)) => {
                let deadline = Deadline {
                    decided_on,
                    deadline,
                    note: self.deadline_note.trim().to_string(),
                };
                rules::check_deadline(&deadline).map_err(|v| violation(lang, &v))?;
                vec![deadline]
            }
            _ => Vec::new(),
        };
        Ok(NewOffice {
            office: Office {
                name: office.to_string(),
                description: String::new(),
            },
            units,
            holidays: crate::domain::calendar::parse_holidays_csv(
                crate::domain::calendar::DEFAULT_HOLIDAYS_CSV,
            )
            .unwrap_or_default(),
            deadlines,
        })
    }

    /// The Admin account to make with the office (`None`: none for now), or what is wrong with
    /// what was typed.
    pub fn admin(&self, lang: Lang) -> Result<Option<(String, String)>, String> {
        let tr = lang.tr();
        if self.without_account {
            return Ok(None);
        }
        if self.admin_name.trim().is_empty() {
            return Err(tr.wizard_admin_name_missing.to_string());
        }
        if self.admin_password.chars().count() < crate::store::MIN_PASSWORD_CHARS {
            return Err(crate::locale::access::account_problem(
                lang,
                &crate::store::AccountProblem::PasswordTooShort,
            ));
        }
        if self.admin_password != self.admin_repeat {
            return Err(tr.passwords_differ.to_string());
        }
        Ok(Some((
            self.admin_name.trim().to_string(),
            self.admin_password.clone(),
        )))
    }

    /// Takes the dates typed in this step's date fields (Ctrl+Enter may come while one still
    /// has the keyboard); a date typed that is no date stops the step and says so.
    fn take_typed_dates(&mut self, ctx: &egui::Context, lang: Lang) -> bool {
        let tr = lang.tr();
        let settle = super::date_picker::settle;
        let result = match self.step {
            Step::Openings => match self.opening_as_of.as_mut() {
                Some(as_of) => settle(ctx, "wizard-opening-date", tr.opening_close_of, lang, as_of),
                None => Ok(()),
            },
            Step::Deadline if self.with_deadline => {
                let decided = self.decided_on.as_mut();
                let decided = decided.map_or(Ok(()), |d| {
                    settle(ctx, "wizard-decided", tr.decided_on, lang, d)
                });
                decided.and_then(|()| {
                    self.deadline.as_mut().map_or(Ok(()), |d| {
                        settle(ctx, "wizard-deadline", tr.deadline, lang, d)
                    })
                })
            }
            _ => Ok(()),
        };
        self.problem = result.err();
        self.problem.is_none()
    }

    /// Whether the current step is complete; says what is missing when it is not.
    fn check_step(&mut self, lang: Lang, today: NaiveDate) -> bool {
        let tr = lang.tr();
        let result = match self.step {
            Step::Office if self.office.trim().is_empty() => Err(tr.wizard_no_office.to_string()),
            Step::Office => Ok(()),
            Step::Units => self
                .unit_lines(lang)
                .map(|lines| self.sync_openings(&lines)),
            Step::Openings => {
                let as_of = self.opening_as_of.unwrap_or(today);
                self.mark_openings(lang, as_of);
                self.opening_counts(lang, as_of).map(|_| ())
            }
            Step::Deadline => self.setup(lang, today).map(|_| ()),
            Step::Admin => self.admin(lang).map(|_| ()),
        };
        self.problem = result.err();
        self.problem.is_none()
    }
}

/// One row of opening totals: its counts (`None` when left empty), and each problem with
/// the cell it concerns — every cell that does not read as a count, else the rule the row
/// breaks.
fn opening_row(
    lang: Lang,
    row: &FigureRow,
    as_of: NaiveDate,
) -> (Option<Counts>, Vec<(Option<usize>, String)>) {
    if row.cells.iter().all(|c| c.trim().is_empty()) {
        return (None, Vec::new());
    }
    let at = Place {
        unit: Some(row.unit_name.clone()),
        date: as_of,
    };
    let texts = [0, 1, 2, 3].map(|i| row.cells.get(i).map_or("", String::as_str));
    match rules::parse_opening_cells(&at, texts) {
        Ok(counts) => (Some(counts), Vec::new()),
        Err(wrong) => {
            let wrong = wrong.into_iter().map(|(c, v)| (c, violation(lang, &v)));
            (None, wrong.collect())
        }
    }
}

/// The first screen, with no database open: open one, start the wizard for a new office, or
/// open the demo.
pub fn ui(
    ui: &mut egui::Ui,
    state: &mut WelcomeState,
    lang: Lang,
    today: NaiveDate,
    commands: &mut Vec<Command>,
) {
    let tr = lang.tr();
    ui.vertical_centered(|ui| {
        ui.add_space(if state.creating { 12.0 } else { 40.0 });
        ui.heading(tr.welcome_title);
        ui.add_space(8.0);
        if !state.creating {
            ui.label(tr.welcome_text);
        }
        ui.add_space(12.0);
        // Centred by the row's width as drawn last frame.
        let width_id = egui::Id::unique("welcome-buttons-width");
        let last_width: f32 = ui.data(|d| d.get_temp(width_id)).unwrap_or(400.0);
        let row = ui.horizontal(|ui| {
            ui.add_space((ui.available_width() - last_width).max(0.0) / 2.0);
            let start = ui.cursor().left();
            if ui.button(tr.open_file).clicked() {
                commands.push(Command::AskFile(FilePurpose::OpenDatabase));
            }
            if ui.button(tr.new_office).clicked() {
                state.creating = true;
            }
            if ui.button(tr.open_demo).clicked() {
                commands.push(Command::OpenDemo);
            }
            if ui
                .button(tr.open_hub)
                .on_hover_text(tr.open_hub_hint)
                .clicked()
            {
                commands.push(Command::AskHub);
            }
            ui.cursor().left() - start
        });
        ui.data_mut(|d| d.insert_temp(width_id, row.inner));
    });
    if !state.creating {
        return;
    }
    ui.add_space(12.0);
    ui.separator();
    // The wizard in a column of its own, in the middle of a wide window.
    let width = ui.available_width().min(900.0);
    ui.horizontal_top(|ui| {
        ui.add_space((ui.available_width() - width) / 2.0);
        ui.vertical(|ui| {
            ui.set_max_width(width);
            wizard_ui(ui, state, lang, today, commands);
        });
    });
}

fn wizard_ui(
    ui: &mut egui::Ui,
    state: &mut WelcomeState,
    lang: Lang,
    today: NaiveDate,
    commands: &mut Vec<Command>,
) {
    let tr = lang.tr();
    ui.heading(tr.new_office.trim_end_matches('…'));
    ui.horizontal(|ui| {
        for (i, step) in Step::ALL.into_iter().enumerate() {
            if i > 0 {
                ui.label("›");
            }
            let text = egui::RichText::new(tr.wizard_steps[i]);
            if step == state.step {
                ui.label(text.strong().color(ui.visuals().strong_text_color()));
            } else {
                ui.label(text.weak());
            }
        }
    });
    ui.add_space(8.0);
    // Ctrl+Enter goes on from any step, even from the units box, where Enter is a new line.
    let go_on = ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::Enter));
    let mut ask_units_file = false;
    match state.step {
        Step::Office => {
            ui.label(tr.wizard_office_hint);
            let response = super::field(ui, tr.office_name, &mut state.office, 420.0);
            if ui.memory(|m| m.focused().is_none()) {
                response.request_focus();
            }
        }
        Step::Units => {
            ui.label(tr.wizard_units_hint);
            ui.label(egui::RichText::new(tr.wizard_units_keys).weak());
            ui.horizontal_top(|ui| {
                let label = ui.label(tr.units_typed);
                // A typed Tab is the Tab between a name and its wajib KTP, as in a pasted
                // sheet: it stays in the box (Escape or Ctrl+Enter leave it).
                let units = ui
                    .add(
                        egui::TextEdit::multiline(&mut state.units)
                            .desired_rows(12)
                            .desired_width(360.0)
                            .lock_focus(true)
                            .hint_text("Sreseh\t26.400\nTorjun\t29.100\n…"),
                    )
                    .labelled_by(label.id);
                if ui.memory(|m| m.focused().is_none()) {
                    units.request_focus();
                }
                ui.vertical(|ui| {
                    if ui.button(tr.choose_units_file).clicked() {
                        ask_units_file = true;
                    }
                    if let Ok(lines) = state.unit_lines(lang) {
                        ui.add_space(6.0);
                        ui.label((tr.wizard_units_found)(lines.len()));
                        egui::ScrollArea::vertical()
                            .id_salt("wizard-units")
                            .max_height(220.0)
                            .show(ui, |ui| {
                                egui::Grid::new("wizard-units-grid")
                                    .striped(true)
                                    .show(ui, |ui| {
                                        ui.strong(tr.unit);
                                        ui.strong(tr.wajib_ktp);
                                        ui.end_row();
                                        for line in &lines {
                                            ui.label(&line.name);
                                            ui.label(
                                                line.wajib_ktp
                                                    .map(|w| crate::locale::fmt::count(lang, w))
                                                    .unwrap_or_else(|| "—".to_string()),
                                            );
                                            ui.end_row();
                                        }
                                    });
                            });
                    }
                });
            });
        }
        Step::Openings => {
            ui.label(tr.wizard_openings_hint);
            // The totals at the close of a day; daily reports start the working day after.
            let calendar = crate::domain::calendar::shipped_calendar();
            let as_of = state.opening_as_of.get_or_insert_with(|| {
                let yesterday = today.checked_sub_days(Days::new(1)).unwrap_or(today);
                calendar.last_working_day_through(yesterday)
            });
            ui.horizontal(|ui| {
                super::date_field(ui, tr.opening_close_of, "wizard-opening-date", as_of);
                let first = (1..=30)
                    .filter_map(|n| as_of.checked_add_days(Days::new(n)))
                    .find(|d| calendar.is_working_day(*d));
                if let Some(first) = first {
                    ui.label(
                        egui::RichText::new((tr.reports_start_on)(&crate::locale::fmt::date_long(
                            lang, first,
                        )))
                        .weak(),
                    );
                }
            });
            let headers = [tr.recorded, tr.sent, tr.printed, tr.suket];
            egui::ScrollArea::vertical()
                .id_salt("wizard-openings")
                .max_height(ui.available_height() - 80.0)
                .show(ui, |ui| {
                    state
                        .openings
                        .show(ui, "wizard-openings", tr.unit, &[], |_, _| {}, &headers);
                });
            // Once rows were marked, the marks follow the corrections as they are typed.
            if state.openings.rows.iter().any(|r| r.problem.is_some()) {
                let as_of = state.opening_as_of.unwrap_or(today);
                let before: Vec<Vec<usize>> =
                    state.openings.rows.iter().map(|r| r.bad.clone()).collect();
                state.mark_openings(lang, as_of);
                state.problem = state.opening_counts(lang, as_of).err();
                if state.openings.rows.iter().map(|r| &r.bad).ne(before.iter()) {
                    ui.ctx().request_repaint();
                }
            }
        }
        Step::Deadline => {
            ui.label(tr.wizard_deadline_hint);
            ui.checkbox(&mut state.with_deadline, tr.wizard_with_deadline);
            if state.with_deadline {
                let start = state.opening_as_of.unwrap_or(today);
                let decided = state.decided_on.get_or_insert(start);
                super::date_field(ui, tr.decided_on, "wizard-decided", decided);
                let deadline = state.deadline.get_or_insert(start);
                super::date_field(ui, tr.deadline, "wizard-deadline", deadline);
                super::field(ui, tr.note, &mut state.deadline_note, 360.0);
            }
        }
        Step::Admin => {
            ui.label(tr.wizard_admin_hint);
            ui.add_enabled_ui(!state.without_account, |ui| {
                super::field(ui, tr.account_name, &mut state.admin_name, 240.0);
                for (label, text) in [
                    (tr.password, &mut state.admin_password),
                    (tr.repeat_password, &mut state.admin_repeat),
                ] {
                    ui.horizontal(|ui| {
                        let label = ui.label(label);
                        ui.add(
                            egui::TextEdit::singleline(text)
                                .password(true)
                                .desired_width(240.0),
                        )
                        .labelled_by(label.id);
                    });
                }
            });
            ui.checkbox(&mut state.without_account, tr.wizard_without_account);
            ui.add_space(8.0);
            ui.label(tr.wizard_done_hint);
        }
    }
    if let Some(problem) = &state.problem {
        ui.add_space(6.0);
        ui.colored_label(theme::INVALID, problem);
    }
    ui.add_space(10.0);
    let mut create = false;
    ui.horizontal(|ui| {
        if ui.button(tr.cancel).clicked() {
            *state = WelcomeState::default();
            return;
        }
        let index = state.step.index();
        if index > 0 && ui.button(tr.back).clicked() {
            state.step = Step::ALL[index - 1];
            state.problem = None;
        }
        if index + 1 < Step::ALL.len() {
            let enter = ui.input(|i| i.key_pressed(egui::Key::Enter)) && state.step == Step::Office;
            let next = ui.button(tr.next).on_hover_text("Ctrl+Enter");
            if (next.clicked() || enter || go_on)
                && state.take_typed_dates(ui.ctx(), lang)
                && state.check_step(lang, today)
            {
                state.step = Step::ALL[index + 1];
            }
        } else {
            let button = ui.button(tr.create_database).on_hover_text("Ctrl+Enter");
            if (button.clicked() || go_on)
                && state.take_typed_dates(ui.ctx(), lang)
                && state.check_step(lang, today)
            {
                create = true;
            }
        }
    });
    if ask_units_file {
        commands.push(Command::AskFile(FilePurpose::UnitsList));
    }
    if create {
        commands.push(Command::AskFile(FilePurpose::NewDatabase));
    }
}

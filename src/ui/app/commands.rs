//! What the screens ask, and how the app does it: commands, the files they need, and the
//! changes that go to the store.

use super::*;

/// What a screen asks the app to do.
#[derive(Debug, Clone)]
pub enum Command {
    Open(PathBuf),
    OpenDemo,
    /// Show the form that asks for a province's hub.
    AskHub,
    /// Close the open database and start the wizard for a new office.
    NewOffice,
    /// OK on the path field: take the path typed, if it will do.
    PathTyped,
    /// Create a new office's database here, with everything it starts with.
    Create {
        path: PathBuf,
        setup: Box<NewOffice>,
        /// The office's Admin account (name, password), made with it.
        admin: Option<(String, String)>,
    },
    /// Ask for a file (a dialog, or a path field where there is none), then act on it.
    AskFile(FilePurpose),
    SaveReports(Vec<DailyReport>),
    /// Delete a unit's report of a day (the clerk confirmed it).
    DeleteReport {
        unit: UnitId,
        /// The unit's name, for the message that says what was deleted.
        name: String,
        date: NaiveDate,
    },
    AddStockEvent(StockEvent),
    AddPlannedDelivery(PlannedDelivery),
    DeletePlannedDelivery(i64),
    SaveOutage(Outage),
    DeleteOutage(i64),
    /// Targets of several units, one transaction.
    SetTargets(Vec<Target>),
    /// Opening totals of several units, one transaction.
    SetOpenings(Vec<OpeningBalance>),
    /// Set units' PRR starts.
    SetPrrStarts(Vec<crate::domain::PrrOpening>),
    /// Record a decision; `replace`: the one of its day, which the user chose to change.
    AddDeadline {
        deadline: Deadline,
        replace: bool,
    },
    RemoveDeadline(NaiveDate),
    AddUnit(NewUnit),
    UpdateUnit(Unit),
    SaveSettings(Settings),
    /// Show the figures as of this day; `None`: as of the latest day with data, following it
    /// after every save.
    SetAsOf(Option<NaiveDate>),
    /// Add the shipped national holidays of every year the calendar has none in.
    FillHolidays,
    /// Add or rename the holidays of this file (a year's decree).
    ImportHolidays(PathBuf),
    /// Replace the open database with this backup.
    Restore(PathBuf),
    /// Write a backup of the open database here.
    Backup(PathBuf),
    /// Write the daily reports (and more, for .xlsx) here.
    Export(PathBuf),
    /// Write the PDF report for heads of office here.
    WriteReport(PathBuf),
    /// Write the request letter for blanks here (the dashboard's figures of its day).
    WriteLetter(PathBuf),
    /// Write a chart as a PNG image here.
    WriteChart(ChartKind, PathBuf),
    /// Write what an import preview showed.
    Import(crate::io::import::Plan),
    SetLanguage(Lang),
    /// Make the database of a kecamatan PC here (at the district).
    SetUpPc {
        unit: UnitId,
        out: PathBuf,
    },
    /// Write a bundle for the other side here; at the district, for this kecamatan.
    /// Send the district's changes to its province's hub, online (a password for the
    /// district's role there, if PGPASSWORD or the password file has none).
    PushToProvince {
        password: Option<String>,
    },
    /// Write the district's bundle for the province to a file.
    WriteProvinceBundle(PathBuf),
    SendBundle {
        unit: Option<UnitId>,
        out: PathBuf,
    },
    /// Write again, into this folder, every bundle the other side has not confirmed.
    ResendBundles {
        unit: Option<UnitId>,
        dir: PathBuf,
    },
    /// Receive these bundles, each in its own transaction.
    ReceiveBundles(Vec<PathBuf>),
    ResolveConflict {
        id: i64,
        keep: Keep,
    },
    /// Show a folder in the system's file manager.
    OpenFolder(PathBuf),
    /// The dark (`true`) or the light theme.
    SetDark(bool),
    /// Close the window (Berkas → Keluar, Ctrl+Q), as its close button does.
    Quit,
    Show(Screen),
    /// Log in to the database waiting for its account.
    LogIn {
        name: String,
        password: String,
    },
    /// Log out: the database waits for an account again.
    LogOut,
    /// The first account of a database without accounts: its Admin.
    CreateAdmin {
        name: String,
        password: String,
    },
    /// Reset an Admin's password with its recovery code (from the login screen).
    RecoverAdmin {
        name: String,
        code: String,
        password: String,
    },
    AddAccount(crate::store::NewAccount),
    SetAccountActive {
        name: String,
        active: bool,
    },
    SetPassword {
        name: String,
        password: String,
    },
    SetLockDays(u32),
    AddLockException {
        unit: Option<UnitId>,
        first: NaiveDate,
        last: NaiveDate,
        until: NaiveDate,
        reason: String,
    },
    RemoveLockException(i64),
    /// The head of office approves these units' month.
    Approve {
        units: Vec<UnitId>,
        month: crate::domain::access::Month,
    },
    /// The head of office takes these units' approval of a month back, for a reason.
    Unapprove {
        units: Vec<UnitId>,
        month: crate::domain::access::Month,
        reason: String,
    },
}

/// What a file is asked for, and so what is done with it once it is chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilePurpose {
    OpenDatabase,
    /// The `.pantau` file a new office is created in (the wizard's last step).
    NewDatabase,
    Restore,
    Backup,
    ExportXlsx,
    ExportCsv,
    PdfReport,
    /// The request letter for blanks.
    Letter,
    Chart(ChartKind),
    /// A file of daily reports or stock movements to check and import.
    Import,
    /// The list of units of a new office (the wizard).
    UnitsList,
    /// A year's holidays (the decree) to add to the calendar.
    Holidays,
    /// Where a kecamatan PC's database is made (at the district).
    KecamatanPc(UnitId),
    /// Where a bundle for the other side is written; at the district, for this kecamatan.
    SendBundle(Option<UnitId>),
    /// The folder unconfirmed bundles are written into again (chosen by naming the first).
    ResendBundles(Option<UnitId>),
    /// Bundles received (several at once).
    ReceiveBundles,
    /// Where the district's bundle for the province is written (no connection to its hub).
    ProvinceBundle,
    /// A folder whose every bundle is received (a USB stick's, a shared folder's).
    ReceiveFolder,
}

impl FilePurpose {
    /// What the dialog asks for; `office` names the suggested file.
    pub fn request(self, office: &str) -> FileRequest {
        let office = office.replace(' ', "-");
        match self {
            FilePurpose::OpenDatabase | FilePurpose::Restore => {
                FileRequest::open("Pantau", &["pantau"])
            }
            FilePurpose::NewDatabase => {
                FileRequest::save("Pantau", "pantau", "kantor.pantau".to_string())
            }
            FilePurpose::Backup => {
                FileRequest::save("Pantau", "pantau", format!("{office}-cadangan.pantau"))
            }
            FilePurpose::ExportXlsx => FileRequest::save("Excel", "xlsx", format!("{office}.xlsx")),
            FilePurpose::ExportCsv => FileRequest::save("CSV", "csv", format!("{office}.csv")),
            FilePurpose::PdfReport => FileRequest::save("PDF", "pdf", format!("{office}.pdf")),
            FilePurpose::Letter => {
                FileRequest::save("PDF", "pdf", format!("{office}-permintaan-blangko.pdf"))
            }
            FilePurpose::Chart(_) => {
                FileRequest::save("PNG", "png", format!("{office}-grafik.png"))
            }
            FilePurpose::Import | FilePurpose::UnitsList | FilePurpose::Holidays => {
                FileRequest::open(
                    "Excel, ODS, CSV",
                    &["xlsx", "xls", "xlsb", "ods", "csv", "txt"],
                )
            }
            FilePurpose::KecamatanPc(_) => {
                FileRequest::save("Pantau", "pantau", "kecamatan.pantau".to_string())
            }
            FilePurpose::SendBundle(_) | FilePurpose::ResendBundles(_) => FileRequest::save(
                "Pantau",
                crate::exchange::bundle::EXTENSION,
                format!("kiriman.{}", crate::exchange::bundle::EXTENSION),
            ),
            FilePurpose::ReceiveBundles => {
                FileRequest::open_many("Pantau", &[crate::exchange::bundle::EXTENSION])
            }
            FilePurpose::ProvinceBundle => FileRequest::save(
                "Pantau",
                crate::exchange::bundle::EXTENSION,
                format!("ke-provinsi.{}", crate::exchange::bundle::EXTENSION),
            ),
            FilePurpose::ReceiveFolder => {
                FileRequest::open_folder("Pantau", &[crate::exchange::bundle::EXTENSION])
            }
        }
    }
}

impl PantauApp {
    /// Applies the commands the screens recorded while drawing, and those they lead to.
    pub fn apply_commands(&mut self) {
        while !self.commands.is_empty() {
            for command in std::mem::take(&mut self.commands) {
                self.apply(command);
            }
        }
    }

    pub(super) fn apply(&mut self, command: Command) {
        let lang = self.lang();
        let today = self.today;
        let result: Result<Option<String>, StoreError> = match command {
            Command::Open(path) => {
                self.open_in_background(path);
                Ok(None)
            }
            Command::OpenDemo => {
                self.open_demo();
                Ok(None)
            }
            Command::AskHub => {
                self.hub_form.open = true;
                self.hub_form.focus = true;
                Ok(None)
            }
            Command::NewOffice => {
                self.session_close_for_welcome();
                Ok(None)
            }
            Command::PathTyped => {
                self.path_typed();
                Ok(None)
            }
            Command::Create { path, setup, admin } => {
                self.create(&path, &setup, admin);
                Ok(None)
            }
            Command::AskFile(purpose) => {
                self.ask_for_file(purpose);
                Ok(None)
            }
            Command::SetLanguage(new) => {
                // The last message was worded in the old language: it goes rather than stay
                // half-translated.
                if new != self.prefs.lang {
                    self.status = None;
                }
                self.prefs.lang = new;
                Ok(None)
            }
            Command::SetDark(dark) => {
                self.prefs.dark = dark;
                Ok(None)
            }
            Command::Quit => {
                self.quit = true;
                Ok(None)
            }
            Command::Show(screen) => {
                self.show_screen(screen);
                Ok(None)
            }
            Command::LogIn { name, password } => {
                self.log_in(&name, &password);
                Ok(None)
            }
            Command::LogOut => {
                self.log_out();
                Ok(None)
            }
            Command::RecoverAdmin {
                name,
                code,
                password,
            } => {
                self.recover_admin(&name, &code, &password);
                Ok(None)
            }
            Command::SetAsOf(date) => {
                self.show_as_of(date);
                Ok(None)
            }
            Command::Restore(backup) => {
                self.restore_from(&backup);
                Ok(None)
            }
            Command::Export(out) => {
                self.export(&out);
                Ok(None)
            }
            Command::Backup(out) => {
                self.backup(&out);
                Ok(None)
            }
            Command::WriteReport(out) => {
                self.write_report(&out, None);
                Ok(None)
            }
            Command::WriteLetter(out) => {
                self.write_letter(&out);
                Ok(None)
            }
            Command::WriteChart(kind, out) => {
                self.write_report(&out, Some(kind));
                Ok(None)
            }
            Command::ImportHolidays(path) => self.import_holidays(&path),
            Command::SetUpPc { .. }
            | Command::SendBundle { .. }
            | Command::PushToProvince { .. }
            | Command::WriteProvinceBundle(_)
            | Command::ResendBundles { .. }
            | Command::ReceiveBundles(_)
            | Command::ResolveConflict { .. }
            | Command::OpenFolder(_) => {
                self.exchange_command(command);
                Ok(None)
            }
            other => match self.session.as_mut() {
                None => Ok(None),
                // A province's hub is read here, never written: said as it is.
                Some(session) if session.source.store().is_none() => {
                    self.error = Some(lang.tr().hub_read_only.to_string());
                    Ok(None)
                }
                Some(session) => {
                    // The store changes its data in place when nothing else holds it: the view
                    // and an unedited grid let go of theirs, and get the saved data after.
                    let office = session.view.data.office.clone();
                    session.view.data = Arc::new(Dataset::empty(office));
                    self.entry.grid.release_data();
                    let result = match &mut session.source {
                        Source::Office(store) => apply_to_store(store, other, today, lang),
                        Source::Hub(_) => Ok(None),
                    };
                    if !matches!(result, Ok(Some(_))) {
                        // Nothing was saved: the same data again (same revision, so the
                        // forms keep what was typed).
                        self.refresh();
                        if let Some(session) = self.session.as_ref() {
                            self.entry.grid.restore_data(&session.view.data, today);
                        }
                    }
                    result
                }
            },
        };
        match result {
            Ok(Some(message)) => {
                match message.strip_prefix(RECOVERY_MARK) {
                    Some(code) => {
                        self.recovery_code = Some(code.to_string());
                        self.admin_form = Default::default();
                        self.status = Some(lang.tr().admin_created.to_string());
                    }
                    None => self.status = Some(message),
                }
                // A form whose change went in starts empty again.
                match self.screen {
                    Screen::Accounts => self.accounts = Default::default(),
                    Screen::Reports => self.reports.approval.reason.clear(),
                    _ => {}
                }
                self.refresh();
                // The forms re-read the stored values they show.
                if let Some(session) = self.session.as_ref() {
                    self.entry.grid.reload(&session.view.data, today);
                    self.settings.reset(&session.view.data.settings);
                }
            }
            Ok(None) => {}
            // The Admin form says its own problems, beside what was typed.
            Err(error) if self.admin_form.open => {
                self.admin_form.problem = Some(store_error(lang, &error));
            }
            Err(error) => self.error = Some(store_error(lang, &error)),
        }
    }

    /// Adds a year's holidays from a file; a file with problems is refused whole, naming the
    /// first of them with their rows and columns.
    fn import_holidays(&mut self, path: &Path) -> Result<Option<String>, StoreError> {
        let (lang, tr) = (self.lang(), self.lang().tr());
        let Some(session) = self.session.as_mut() else {
            return Ok(None);
        };
        let plan = crate::io::import::plan_holidays(path);
        if !plan.problems.is_empty() {
            let shown: Vec<String> = plan
                .problems
                .first
                .iter()
                .take(crate::io::import::SHOWN_PROBLEMS)
                .map(|p| crate::locale::problem(lang, p))
                .collect();
            self.error = Some(format!(
                "{}\n{}",
                (tr.holidays_refused)(&path.display().to_string(), plan.problems.count),
                shown.join("\n")
            ));
            return Ok(None);
        }
        let Some(store) = session.source.store_mut() else {
            return Ok(None);
        };
        let (new, changed) = store.import_holidays(&plan.holidays)?;
        Ok(Some((tr.holidays_imported)(new, changed)))
    }

    pub(super) fn create(
        &mut self,
        path: &Path,
        setup: &NewOffice,
        admin: Option<(String, String)>,
    ) {
        let mut code = None;
        let created = Store::create(path).and_then(|mut store| {
            store.set_up(setup, self.today)?;
            // Who creates the office is its Admin (logged in from here on).
            if let Some((name, password)) = admin {
                let added = store.add_account(&crate::store::NewAccount {
                    name,
                    role: crate::domain::access::Role::Admin,
                    password,
                    units: None,
                })?;
                code = added.recovery_code;
            }
            Ok(store)
        });
        match created {
            Ok(store) => {
                self.welcome = Default::default();
                self.start_session(store);
                self.show_screen(Screen::Entry);
                self.recovery_code = code;
            }
            Err(error) => {
                if !matches!(error, StoreError::Exists(_) | StoreError::Locked { .. }) {
                    crate::store::remove_database(path);
                }
                self.error = Some(store_error(self.lang(), &error));
            }
        }
    }

    /// Asks for a file: a dialog where the PC has one, the path field where it has none.
    pub fn ask_for_file(&mut self, purpose: FilePurpose) {
        let office = self
            .view()
            .map(|v| v.data.office.name.clone())
            .unwrap_or_default();
        let mut request = purpose.request(&office);
        if let Some(name) = self.suggested_name(purpose) {
            request.file_name = Some(name);
        }
        match self.dialogs.pick(&request) {
            Pick::Path(path) => self.file_chosen(purpose, path),
            Pick::Paths(paths) => self.files_chosen(purpose, paths),
            Pick::Cancelled => {}
            Pick::Unavailable => {
                let folder = directories::UserDirs::new()
                    .and_then(|d| d.document_dir().map(Path::to_path_buf))
                    .or_else(|| std::env::current_dir().ok())
                    .unwrap_or_default();
                let text = match &request.file_name {
                    Some(name) => folder.join(name),
                    None => folder.join(""),
                };
                self.path_prompt = Some(PathPrompt {
                    purpose,
                    request,
                    text: text.display().to_string(),
                    problem: None,
                    replace: None,
                });
            }
        }
    }

    /// Takes the path typed in the path field, if it will do; otherwise says why.
    pub fn path_typed(&mut self) {
        let Some(prompt) = self.path_prompt.as_mut() else {
            return;
        };
        let tr = self.prefs.lang.tr();
        let text = prompt.text.trim();
        let path = prompt.request.with_extension(PathBuf::from(text));
        // Bundles come as files or as the folder that holds them.
        let receives = matches!(
            prompt.purpose,
            FilePurpose::ReceiveBundles | FilePurpose::ReceiveFolder
        );
        let problem = if text.is_empty() {
            Some(tr.path_empty.to_string())
        } else if !(prompt.request.save || path.is_file() || (receives && path.is_dir())) {
            Some((tr.path_not_found)(&path.display().to_string()))
        } else if prompt.request.save
            && !path
                .parent()
                .is_none_or(|p| p.as_os_str().is_empty() || p.is_dir())
        {
            Some((tr.path_no_folder)(
                &path.parent().unwrap_or(&path).display().to_string(),
            ))
        } else if prompt.request.save
            // A new database is never written over: the store refuses and says why.
            && prompt.purpose != FilePurpose::NewDatabase
            && path.exists()
            && prompt.replace.as_ref() != Some(&path)
        {
            prompt.replace = Some(path.clone());
            Some((tr.path_exists)(&path.display().to_string()))
        } else {
            None
        };
        if problem.is_some() {
            prompt.problem = problem;
            return;
        }
        let purpose = prompt.purpose;
        self.path_prompt = None;
        self.file_chosen(purpose, path);
    }

    /// Acts on several chosen files (where a request allowed several).
    pub fn files_chosen(&mut self, purpose: FilePurpose, paths: Vec<PathBuf>) {
        match purpose {
            FilePurpose::ReceiveBundles => self.commands.push(Command::ReceiveBundles(paths)),
            other => {
                if let Some(path) = paths.into_iter().next() {
                    self.file_chosen(other, path);
                }
            }
        }
    }

    /// Acts on a chosen file.
    pub fn file_chosen(&mut self, purpose: FilePurpose, path: PathBuf) {
        let command = match purpose {
            FilePurpose::OpenDatabase => Command::Open(path),
            FilePurpose::Restore => Command::Restore(path),
            FilePurpose::Backup => Command::Backup(path),
            FilePurpose::ExportXlsx | FilePurpose::ExportCsv => Command::Export(path),
            FilePurpose::PdfReport => Command::WriteReport(path),
            FilePurpose::Letter => Command::WriteLetter(path),
            FilePurpose::Chart(kind) => Command::WriteChart(kind, path),
            FilePurpose::Import => {
                if let Some(view) = self.view() {
                    let data = Arc::clone(&view.data);
                    self.reports.check(data, path, self.today);
                }
                return;
            }
            FilePurpose::UnitsList => {
                self.welcome.read_units_file(&path, self.prefs.lang);
                return;
            }
            FilePurpose::Holidays => Command::ImportHolidays(path),
            FilePurpose::KecamatanPc(unit) => Command::SetUpPc { unit, out: path },
            FilePurpose::SendBundle(unit) => Command::SendBundle { unit, out: path },
            FilePurpose::ResendBundles(unit) => Command::ResendBundles {
                unit,
                dir: path.parent().map(Path::to_path_buf).unwrap_or_default(),
            },
            FilePurpose::ReceiveBundles | FilePurpose::ReceiveFolder => {
                Command::ReceiveBundles(vec![path])
            }
            FilePurpose::ProvinceBundle => Command::WriteProvinceBundle(path),
            FilePurpose::NewDatabase => match self
                .welcome
                .setup(self.prefs.lang, self.today)
                .and_then(|setup| Ok((setup, self.welcome.admin(self.prefs.lang)?)))
            {
                Ok((setup, admin)) => Command::Create {
                    path,
                    setup: Box::new(setup),
                    admin,
                },
                Err(problem) => {
                    self.welcome.problem = Some(problem);
                    return;
                }
            },
        };
        self.commands.push(command);
    }
}

pub(super) fn apply_to_store(
    store: &mut Store,
    command: Command,
    today: NaiveDate,
    lang: Lang,
) -> Result<Option<String>, StoreError> {
    let tr = lang.tr();
    let saved = Some(tr.saved_done.to_string());
    match command {
        Command::SaveReports(reports) => {
            if reports.is_empty() {
                return Ok(Some(tr.nothing_to_save.to_string()));
            }
            store.save_reports(&reports, today)?;
            Ok(Some((tr.saved_rows)(reports.len())))
        }
        Command::DeleteReport { unit, name, date } => {
            let day = crate::locale::fmt::date_short(lang, date);
            let said = match store.delete_report(unit, date)? {
                true => tr.report_deleted,
                false => tr.report_not_there,
            };
            Ok(Some(said(&name, &day)))
        }
        Command::AddStockEvent(event) => store.add_stock_event(&event, today).map(|_| saved),
        Command::AddPlannedDelivery(plan) => store.add_planned_delivery(&plan).map(|_| saved),
        Command::DeletePlannedDelivery(id) => store.delete_planned_delivery(id).map(|_| saved),
        Command::SaveOutage(outage) => store.save_outage(&outage, today).map(|_| saved),
        Command::DeleteOutage(id) => store.delete_outage(id).map(|_| saved),
        Command::SetTargets(targets) => store
            .set_targets(&targets)
            .map(|()| Some((tr.saved_rows)(targets.len()))),
        Command::SetOpenings(openings) => store
            .set_opening_balances(&openings, today)
            .map(|()| Some((tr.saved_rows)(openings.len()))),
        Command::SetPrrStarts(starts) => store
            .set_prr_openings(&starts, today)
            .map(|()| Some((tr.saved_rows)(starts.len()))),
        Command::RemoveDeadline(decided_on) => store.remove_deadline(decided_on).map(|_| saved),
        Command::AddDeadline { deadline, replace } => {
            store.add_deadline(&deadline, today, replace).map(|_| saved)
        }
        Command::FillHolidays => {
            let shipped: Vec<crate::domain::Holiday> = crate::domain::calendar::shipped_calendar()
                .holidays()
                .cloned()
                .collect();
            let years = store.add_missing_holiday_years(&shipped)?;
            Ok(Some((tr.holiday_years_added)(
                &crate::locale::cli::years_list(&years),
            )))
        }
        Command::AddUnit(unit) => store.add_unit(&unit).map(|_| saved),
        Command::UpdateUnit(unit) => store.update_unit(&unit).map(|_| saved),
        Command::SaveSettings(settings) => store.save_settings(&settings).map(|_| saved),
        Command::CreateAdmin { name, password } => {
            let added = store.add_account(&crate::store::NewAccount {
                name,
                role: crate::domain::access::Role::Admin,
                password,
                units: None,
            })?;
            Ok(added
                .recovery_code
                .map(|code| format!("{RECOVERY_MARK}{code}")))
        }
        Command::AddAccount(new) => {
            let added = store.add_account(&new)?;
            Ok(Some(match added.recovery_code {
                Some(code) => format!("{RECOVERY_MARK}{code}"),
                None => (tr.account_added)(&added.account.name),
            }))
        }
        Command::SetAccountActive { name, active } => {
            store.set_account_active(&name, active)?;
            Ok(saved)
        }
        Command::SetPassword { name, password } => {
            store.set_password(&name, &password)?;
            Ok(Some((tr.password_set)(&name)))
        }
        Command::SetLockDays(days) => store.set_lock_days(days).map(|()| saved),
        Command::AddLockException {
            unit,
            first,
            last,
            until,
            reason,
        } => store
            .add_lock_exception(unit, first, last, until, &reason)
            .map(|_| saved),
        Command::RemoveLockException(id) => store.remove_lock_exception(id).map(|()| saved),
        Command::Approve { units, month } => {
            store.approve(&units, month)?;
            Ok(Some((tr.approved_done)(
                &crate::locale::fmt::month_words(lang, month.first_day()),
                units.len(),
            )))
        }
        Command::Unapprove {
            units,
            month,
            reason,
        } => {
            store.unapprove(&units, month, &reason)?;
            Ok(Some((tr.unapproved_done)(
                &crate::locale::fmt::month_words(lang, month.first_day()),
                units.len(),
            )))
        }
        Command::Import(plan) => store
            .import(&plan.reports, &plan.events, &plan.source, today)
            .map(|_| {
                Some(format!(
                    "{}: {}{}",
                    tr.imported,
                    (tr.import_counts)(plan.new, plan.updated, plan.unchanged),
                    (tr.flagged_count)(plan.flagged.len())
                ))
            }),
        Command::Open(_)
        | Command::OpenDemo
        | Command::AskHub
        | Command::NewOffice
        | Command::PathTyped
        | Command::Create { .. }
        | Command::AskFile(_)
        | Command::SetAsOf(_)
        | Command::Restore(_)
        | Command::Export(_)
        | Command::Backup(_)
        | Command::WriteReport(_)
        | Command::WriteLetter(_)
        | Command::WriteChart(..)
        | Command::SetLanguage(_)
        | Command::SetDark(_)
        | Command::Quit
        | Command::SetUpPc { .. }
        | Command::SendBundle { .. }
        | Command::PushToProvince { .. }
        | Command::WriteProvinceBundle(_)
        | Command::ResendBundles { .. }
        | Command::ReceiveBundles(_)
        | Command::ResolveConflict { .. }
        | Command::OpenFolder(_)
        | Command::ImportHolidays(_)
        | Command::Show(_)
        | Command::LogIn { .. }
        | Command::LogOut
        | Command::RecoverAdmin { .. } => Ok(None),
    }
}

/// A store command's message that is a recovery code to show once, not a status line.
pub(super) const RECOVERY_MARK: &str = "\u{1}recovery:";

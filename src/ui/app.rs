//! The application: which database is open, which screen is shown, the view model the screens
//! draw from, and the commands they send. Drawing never touches the database: screens record
//! [`Command`]s, and the app applies them after drawing, then refreshes the view model.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;

use super::dialogs::{Dialogs, FileRequest, Pick};
use super::keys::{KeyQueue, screen_shortcut, tab_direction};
use super::screens;
use crate::domain::dataset::Settings;
use crate::domain::summary::{Summary, summarize};
use crate::domain::{
    DailyReport, Dataset, Deadline, NewOffice, NewUnit, OpeningBalance, Outage, PlannedDelivery,
    StockEvent, Target, Unit,
};
use crate::forecast::slip::{SlipEntry, SlipJob, slip_dates};
use crate::forecast::{Forecast, ForecastParams, History};
use crate::io::charts::ChartKind;
use crate::locale::{Lang, store_error};
use crate::store::{Store, StoreError};

/// The screens, in the order of the navigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Screen {
    Dashboard,
    Entry,
    Stock,
    Outages,
    Targets,
    Units,
    Settings,
    Reports,
}

impl Screen {
    pub const ALL: [Screen; 8] = [
        Screen::Dashboard,
        Screen::Entry,
        Screen::Stock,
        Screen::Outages,
        Screen::Targets,
        Screen::Units,
        Screen::Reports,
        Screen::Settings,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        let tr = lang.tr();
        match self {
            Screen::Dashboard => tr.dashboard,
            Screen::Entry => tr.entry,
            Screen::Stock => tr.stock,
            Screen::Outages => tr.outages,
            Screen::Targets => tr.targets,
            Screen::Units => tr.units,
            Screen::Settings => tr.settings,
            Screen::Reports => tr.reports,
        }
    }
}

/// What a screen asks the app to do.
#[derive(Debug, Clone)]
pub enum Command {
    Open(PathBuf),
    OpenDemo,
    /// Create a new office's database here, with everything it starts with.
    Create {
        path: PathBuf,
        setup: Box<NewOffice>,
    },
    /// Ask for a file (a dialog, or a path field where there is none), then act on it.
    AskFile(FilePurpose),
    SaveReports(Vec<DailyReport>),
    AddStockEvent(StockEvent),
    AddPlannedDelivery(PlannedDelivery),
    DeletePlannedDelivery(i64),
    SaveOutage(Outage),
    DeleteOutage(i64),
    /// Targets of several units, one transaction.
    SetTargets(Vec<Target>),
    /// Opening totals of several units, one transaction.
    SetOpenings(Vec<OpeningBalance>),
    AddDeadline(Deadline),
    RemoveDeadline(NaiveDate),
    AddUnit(NewUnit),
    UpdateUnit(Unit),
    SaveSettings(Settings),
    SetAsOf(NaiveDate),
    /// Replace the open database with this backup.
    Restore(PathBuf),
    /// Write a backup of the open database here.
    Backup(PathBuf),
    /// Write the daily reports (and more, for .xlsx) here.
    Export(PathBuf),
    /// Write the PDF report for heads of office here.
    WriteReport(PathBuf),
    /// Write a chart as a PNG image here.
    WriteChart(ChartKind, PathBuf),
    /// Write what an import preview showed.
    Import(crate::io::import::Plan),
    SetLanguage(Lang),
    /// The dark (`true`) or the light theme.
    SetDark(bool),
    Show(Screen),
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
    Chart(ChartKind),
    /// A file of daily reports or stock movements to check and import.
    Import,
    /// The list of units of a new office (the wizard).
    UnitsList,
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
            FilePurpose::Chart(_) => {
                FileRequest::save("PNG", "png", format!("{office}-grafik.png"))
            }
            FilePurpose::Import | FilePurpose::UnitsList => FileRequest::open(
                "Excel, ODS, CSV",
                &["xlsx", "xls", "xlsb", "ods", "csv", "txt"],
            ),
        }
    }
}

/// A path asked for in a text field, because this PC has no file dialog.
#[derive(Debug, Clone)]
pub struct PathPrompt {
    pub purpose: FilePurpose,
    pub request: FileRequest,
    pub text: String,
    /// Why the last path typed was not taken.
    pub problem: Option<String>,
    /// A file to write that exists already, shown to the clerk once: OK again replaces it, as a
    /// save dialog asks before it does.
    pub replace: Option<PathBuf>,
}

/// What the screens draw from: the data in memory and what is derived from it.
pub struct View {
    pub path: PathBuf,
    pub data: Arc<Dataset>,
    pub history: Arc<History>,
    pub as_of: NaiveDate,
    pub summary: Summary,
    pub forecast: Option<Forecast>,
    pub slip: Vec<Forecast>,
    pub slip_progress: Option<(usize, usize)>,
    /// The forecast's thread failed: its tiles say so instead of "computing".
    pub forecast_failed: bool,
}

/// Preferences kept between runs (eframe storage); business data lives in the database.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub lang: Lang,
    pub last_file: Option<PathBuf>,
    /// The dark theme; offices work in daylight and print what they see, so light is the
    /// default.
    pub dark: bool,
}

/// A database being opened on a background thread.
type Loader = std::thread::JoinHandle<Result<(Store, View), StoreError>>;

struct Session {
    store: Store,
    view: View,
    forecast_job: Option<std::thread::JoinHandle<Forecast>>,
    slip_job: Option<SlipJob>,
}

pub struct PantauApp {
    pub prefs: Prefs,
    pub screen: Screen,
    session: Option<Session>,
    pub dialogs: Box<dyn Dialogs>,
    /// An error to show until dismissed.
    pub error: Option<String>,
    /// A path asked for in a text field (no file dialog on this PC).
    pub path_prompt: Option<PathPrompt>,
    /// A short message after an action, e.g. "3 baris tersimpan".
    pub status: Option<String>,
    pub commands: Vec<Command>,
    pub today: NaiveDate,
    pub welcome: screens::welcome::WelcomeState,
    pub entry: screens::entry::EntryScreen,
    pub stock: screens::stock::StockState,
    pub outages: screens::outages::OutageState,
    pub targets: screens::targets::TargetState,
    pub units: screens::units::UnitState,
    pub settings: screens::settings::SettingsState,
    pub reports: screens::reports::ReportsState,
    /// Where the demo database lives.
    pub demo_path: PathBuf,
    /// A database being opened in the background.
    loading: Option<(PathBuf, Loader)>,
    title: String,
    /// Keyboard input waiting for a later frame, so that it is applied in order.
    keys: KeyQueue,
}

impl PantauApp {
    pub fn new(prefs: Prefs, dialogs: Box<dyn Dialogs>, demo_path: PathBuf) -> PantauApp {
        let today = crate::clock::today();
        PantauApp {
            prefs,
            screen: Screen::Dashboard,
            session: None,
            dialogs,
            error: None,
            path_prompt: None,
            status: None,
            commands: Vec::new(),
            today,
            welcome: Default::default(),
            entry: Default::default(),
            stock: Default::default(),
            outages: Default::default(),
            targets: Default::default(),
            units: Default::default(),
            settings: Default::default(),
            reports: Default::default(),
            demo_path,
            loading: None,
            title: String::new(),
            keys: KeyQueue::default(),
        }
    }

    pub fn lang(&self) -> Lang {
        self.prefs.lang
    }

    pub fn view(&self) -> Option<&View> {
        self.session.as_ref().map(|s| &s.view)
    }

    /// The open database, if any (for tests and the window title).
    pub fn store(&self) -> Option<&Store> {
        self.session.as_ref().map(|s| &s.store)
    }

    /// Opens a database; on failure the app stays as it was and shows why.
    pub fn open(&mut self, path: &Path) {
        match Store::open(path) {
            Ok(store) => self.start_session(store),
            Err(error) => self.error = Some(store_error(self.lang(), &error)),
        }
    }

    /// Opens the illustrative database, creating it first if it is missing.
    pub fn open_demo(&mut self) {
        let path = self.demo_path.clone();
        if !path.exists() {
            if let Some(folder) = path.parent() {
                let _ = std::fs::create_dir_all(folder);
            }
            let created = Store::create(&path).and_then(|mut store| {
                store.populate(&crate::demo::build(), self.today)?;
                Ok(store)
            });
            match created {
                Ok(store) => return self.start_session(store),
                Err(error) => {
                    crate::store::remove_database(&path);
                    self.error = Some(store_error(self.lang(), &error));
                    return;
                }
            }
        }
        self.open(&path);
    }

    fn start_session(&mut self, store: Store) {
        match build_view(&store, None, self.today) {
            Ok(view) => self.show_session(store, view),
            Err(error) => self.error = Some(store_error(self.lang(), &error)),
        }
    }

    /// Opens a database on a background thread, so a large file never freezes the window.
    pub fn open_in_background(&mut self, path: PathBuf) {
        let shown = path.clone();
        let today = self.today;
        self.loading = Some((
            shown,
            std::thread::spawn(move || {
                let store = Store::open(&path)?;
                let view = build_view(&store, None, today)?;
                Ok((store, view))
            }),
        ));
    }

    /// The file being opened in the background, if one is.
    pub fn loading(&self) -> Option<&Path> {
        self.loading.as_ref().map(|(path, _)| path.as_path())
    }

    fn poll_loading(&mut self) -> bool {
        if !self
            .loading
            .as_ref()
            .is_some_and(|(_, job)| job.is_finished())
        {
            return self.loading.is_some();
        }
        if let Some((_, job)) = self.loading.take() {
            match job.join() {
                Ok(Ok((store, view))) => self.show_session(store, view),
                Ok(Err(error)) => self.error = Some(store_error(self.lang(), &error)),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        false
    }

    /// Replaces the open database with a backup (checked first), then opens it again.
    pub fn restore_from(&mut self, backup: &Path) {
        let Some(session) = self.session.take() else {
            return;
        };
        let path = session.store.path().to_path_buf();
        if let Some(job) = session.slip_job {
            job.cancel();
        }
        // Closing the session releases the lock that restoring needs.
        drop(session.store);
        let result = crate::store::backup::restore(backup, &path, true);
        self.open(&path);
        match result {
            Ok(()) => {
                self.status = Some(format!(
                    "{} {}",
                    self.lang().tr().restored_from,
                    backup.display()
                ))
            }
            Err(error) => self.error = Some(store_error(self.lang(), &error)),
        }
    }

    /// Writes the daily reports to CSV, or the workbook to XLSX, by the file's extension.
    fn export(&mut self, out: &Path) {
        let Some(view) = self.view() else { return };
        let xlsx = out
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
        let mut also = String::new();
        let result = if xlsx {
            crate::io::export::workbook(&view.data, &view.slip, out, NaiveDate::MIN, NaiveDate::MAX)
        } else {
            let openings = crate::io::export::openings_csv_path(out);
            let written = if view.data.openings.is_empty() {
                Ok(0)
            } else {
                crate::io::export::openings_csv(&view.data, &openings)
            };
            written.and_then(|units| {
                if units > 0 {
                    also = format!(" + {}", openings.display());
                }
                crate::io::export::reports_csv(&view.data, out, NaiveDate::MIN, NaiveDate::MAX)
            })
        };
        match result {
            Ok(rows) => {
                self.status = Some(format!(
                    "{}: {rows} — {}{also}",
                    self.lang().tr().exported,
                    out.display()
                ))
            }
            Err(error) => self.error = Some(crate::locale::write_error(self.lang(), &error)),
        }
    }

    /// Writes the PDF report, or one chart as a PNG image when `chart` is given, from what
    /// the dashboard shows.
    fn write_report(&mut self, out: &Path, chart: Option<ChartKind>) {
        let Some(view) = self.view() else { return };
        let Some(forecast) = view.forecast.as_ref() else {
            self.error = Some(self.lang().tr().computing.to_string());
            return;
        };
        let input = crate::io::charts::ChartData {
            data: &view.data,
            history: &view.history,
            summary: &view.summary,
            slip: &view.slip,
            forecast: Some(forecast),
            lang: self.lang(),
        };
        let result = match chart {
            Some(kind) => crate::io::charts::write_png(kind, &input, out, 2000, 1200),
            None => crate::io::report::write_pdf(&input, forecast, out).map(|_| ()),
        };
        match result {
            Ok(()) => {
                self.status = Some(format!("{}: {}", self.lang().tr().exported, out.display()))
            }
            Err(error) => self.error = Some(crate::locale::write_error(self.lang(), &error)),
        }
    }

    /// Keeps one backup a day of the open database in the local data folder, the last 14.
    fn daily_backup(&self, db: &Path) {
        let Some(folder) = self.demo_path.parent().map(|p| p.join("cadangan")) else {
            return;
        };
        let stem = db
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "pantau".to_string());
        let out = folder.join(format!("{stem}-{}.pantau", self.today));
        let db = db.to_path_buf();
        std::thread::spawn(move || {
            if out.exists() || std::fs::create_dir_all(&folder).is_err() {
                return;
            }
            // A missed automatic backup is retried at the next start; nothing else depends
            // on it.
            if crate::store::backup::backup(&db, &out).is_err() {
                return;
            }
            prune_backups(&folder, &stem, 14);
        });
    }

    fn show_session(&mut self, store: Store, view: View) {
        self.session = None;
        let path = store.path().to_path_buf();
        self.daily_backup(&path);
        if path != self.demo_path {
            self.prefs.last_file = Some(path);
        }
        self.entry.grid.reset(&view.data, self.today);
        self.settings.reset(&view.data.settings);
        self.session = Some(Session {
            store,
            view,
            forecast_job: None,
            slip_job: None,
        });
        self.start_jobs();
    }

    /// Reloads the data after a change and starts the forecasts again.
    fn refresh(&mut self, as_of: Option<NaiveDate>) {
        let Some(session) = self.session.as_mut() else {
            return;
        };
        match build_view(
            &session.store,
            as_of.or(Some(session.view.as_of)),
            self.today,
        ) {
            Ok(view) => {
                session.view = view;
                self.start_jobs();
            }
            Err(error) => self.error = Some(store_error(self.prefs.lang, &error)),
        }
    }

    fn start_jobs(&mut self) {
        let Some(session) = self.session.as_mut() else {
            return;
        };
        let view = &mut session.view;
        let settings = &view.data.settings;
        let params = ForecastParams {
            window_days: settings.forecast_window_days,
            trials: settings.forecast_trials,
        };
        let history = Arc::clone(&view.history);
        let as_of = view.as_of;
        self.start_forecast_with(move || {
            crate::forecast::forecast_at(
                &history,
                as_of,
                &params,
                crate::forecast::default_threads(),
            )
        });
        let Some(session) = self.session.as_mut() else {
            return;
        };
        let view = &mut session.view;
        let settings = &view.data.settings;
        let slip_params = crate::forecast::slip::slip_params(settings.forecast_window_days);
        let cache = session
            .store
            .forecast_cache(&slip_params.cache_key())
            .unwrap_or_default();
        let dates = slip_dates(&view.history, NaiveDate::MIN, NaiveDate::MAX);
        view.slip_progress = Some((0, dates.len()));
        if let Some(old) = session.slip_job.take() {
            old.cancel();
        }
        session.slip_job = Some(SlipJob::spawn(&view.data, dates, slip_params, cache));
    }

    /// Computes the dashboard's forecast with `work` on a thread of its own (the app's own
    /// forecast, or a test's).
    pub fn start_forecast_with(&mut self, work: impl FnOnce() -> Forecast + Send + 'static) {
        let Some(session) = self.session.as_mut() else {
            return;
        };
        session.view.forecast = None;
        session.view.forecast_failed = false;
        session.forecast_job = Some(std::thread::spawn(work));
    }

    /// Collects finished background work; returns whether something is still running.
    pub fn poll_jobs(&mut self) -> bool {
        let loading = self.poll_loading();
        let Some(session) = self.session.as_mut() else {
            return loading;
        };
        let mut failed = None;
        if session
            .forecast_job
            .as_ref()
            .is_some_and(|j| j.is_finished())
            && let Some(job) = session.forecast_job.take()
        {
            match job.join() {
                Ok(forecast) => session.view.forecast = Some(forecast),
                // A bug in the forecast must not leave its tiles "computing" for ever.
                Err(panic) => {
                    session.view.forecast_failed = true;
                    failed = Some(crate::progress::panic_message(panic.as_ref()));
                }
            }
        }
        if let Some(job) = session.slip_job.as_ref() {
            session.view.slip_progress = Some(job.progress());
        }
        if session.slip_job.as_ref().is_some_and(|j| j.is_finished())
            && let Some(job) = session.slip_job.take()
        {
            match job.try_join() {
                Ok(Ok(entries)) => {
                    save_slip_cache(&mut session.store, &session.view, &entries);
                    session.view.slip = entries.into_iter().map(|e| e.forecast).collect();
                }
                Ok(Err(_cancelled)) => {}
                Err(message) => failed = Some(message),
            }
            session.view.slip_progress = None;
        }
        let running = session.forecast_job.is_some() || session.slip_job.is_some();
        if let Some(message) = failed {
            self.error = Some((self.prefs.lang.tr().forecast_failed)(&message));
        }
        running
    }

    /// Waits for the background work (for tests and the screenshot script).
    pub fn wait_for_jobs(&mut self) {
        while self.poll_jobs() {
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }

    /// Applies the commands the screens recorded while drawing, and those they lead to.
    pub fn apply_commands(&mut self) {
        while !self.commands.is_empty() {
            for command in std::mem::take(&mut self.commands) {
                self.apply(command);
            }
        }
    }

    fn apply(&mut self, command: Command) {
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
            Command::Create { path, setup } => {
                self.create(&path, &setup);
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
            Command::Show(screen) => {
                self.show_screen(screen);
                Ok(None)
            }
            Command::SetAsOf(date) => {
                self.refresh(Some(date));
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
            Command::WriteReport(out) => {
                self.write_report(&out, None);
                Ok(None)
            }
            Command::WriteChart(kind, out) => {
                self.write_report(&out, Some(kind));
                Ok(None)
            }
            other => match self.session.as_mut() {
                None => Ok(None),
                Some(session) => apply_to_store(&mut session.store, other, today, lang),
            },
        };
        match result {
            Ok(Some(message)) => {
                self.status = Some(message);
                self.refresh(None);
                // The forms re-read the stored values they show.
                if let Some(session) = self.session.as_ref() {
                    self.entry.grid.reload(&session.view.data, today);
                    self.settings.reset(&session.view.data.settings);
                }
            }
            Ok(None) => {}
            Err(error) => self.error = Some(store_error(lang, &error)),
        }
    }

    fn create(&mut self, path: &Path, setup: &NewOffice) {
        let created = Store::create(path).and_then(|mut store| {
            store.set_up(setup, self.today)?;
            Ok(store)
        });
        match created {
            Ok(store) => {
                self.welcome = Default::default();
                self.start_session(store);
                self.show_screen(Screen::Entry);
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
        let request = purpose.request(&office);
        match self.dialogs.pick(&request) {
            Pick::Path(path) => self.file_chosen(purpose, path),
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
        let problem = if text.is_empty() {
            Some(tr.path_empty.to_string())
        } else if !prompt.request.save && !path.is_file() {
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

    /// Acts on a chosen file.
    pub fn file_chosen(&mut self, purpose: FilePurpose, path: PathBuf) {
        let command = match purpose {
            FilePurpose::OpenDatabase => Command::Open(path),
            FilePurpose::Restore => Command::Restore(path),
            FilePurpose::Backup => Command::Backup(path),
            FilePurpose::ExportXlsx | FilePurpose::ExportCsv => Command::Export(path),
            FilePurpose::PdfReport => Command::WriteReport(path),
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
            FilePurpose::NewDatabase => match self.welcome.setup(self.prefs.lang, self.today) {
                Ok(setup) => Command::Create {
                    path,
                    setup: Box::new(setup),
                },
                Err(problem) => {
                    self.welcome.problem = Some(problem);
                    return;
                }
            },
        };
        self.commands.push(command);
    }

    /// Closes the database and shows the welcome screen (to create or open another).
    pub fn session_close_for_welcome(&mut self) {
        if let Some(session) = self.session.take()
            && let Some(job) = session.slip_job
        {
            job.cancel();
        }
        self.welcome.creating = true;
    }

    /// "Pantau e-KTP — office — file"
    pub fn window_title(&self) -> String {
        match self.view() {
            Some(view) => format!(
                "Pantau e-KTP — {} — {}",
                view.data.office.name,
                view.path
                    .file_name()
                    .map(|f| f.to_string_lossy().into_owned())
                    .unwrap_or_default()
            ),
            None => "Pantau e-KTP".to_string(),
        }
    }

    /// Shows a screen; the entry screen opens with the keyboard in its first cell.
    pub fn show_screen(&mut self, screen: Screen) {
        self.screen = screen;
        if screen == Screen::Entry {
            self.entry.focus_first();
        }
    }

    /// Keyboard events waiting for a later frame (typed faster than frames are drawn).
    pub fn pending_keys(&self) -> usize {
        self.keys.pending()
    }

    /// Before anything is drawn: where order matters, keep only this frame's share of the
    /// keyboard input (see `ui::keys`), and switch screens on Ctrl+1 … Ctrl+8.
    fn keyboard_before_drawing(&mut self, ctx: &egui::Context) {
        let open = self.view().is_some() && self.error.is_none();
        // The grids of the entry and target screens, and the new-office wizard's, take their
        // keys in order.
        let entry = (open && matches!(self.screen, Screen::Entry | Screen::Targets))
            || (self.view().is_none() && self.welcome.creating);
        let keys = &mut self.keys;
        let (in_order, waiting, shortcut, tab) = ctx.input_mut(|i| {
            let in_order = entry
                || (open
                    && keys
                        .waiting()
                        .iter()
                        .chain(&i.events)
                        .any(|e| screen_shortcut(e).is_some()));
            let waiting = keys.split(&mut i.events, in_order);
            let shortcut = i
                .events
                .iter()
                .position(|e| screen_shortcut(e).is_some())
                .filter(|_| open)
                .and_then(|n| screen_shortcut(&i.events.remove(n)));
            (in_order, waiting, shortcut, tab_direction(&i.events))
        });
        if in_order {
            // egui moved focus on every Tab of the whole frame; only this frame's share counts.
            ctx.memory_mut(|m| m.move_focus(tab));
        }
        if waiting {
            ctx.request_repaint();
        }
        if let Some(screen) = shortcut.and_then(|n| Screen::ALL.get(n)) {
            self.show_screen(*screen);
        }
    }

    /// Draws the whole window into `ui`, then applies what was asked.
    pub fn ui_root(&mut self, ui: &mut egui::Ui) {
        let busy = self.poll_jobs();
        if busy {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(100));
        }
        let title = self.window_title();
        if title != self.title {
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
        let theme = if self.prefs.dark {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        };
        if ui.ctx().theme() != theme {
            ui.ctx().set_theme(theme);
        }
        self.keyboard_before_drawing(ui.ctx());
        screens::date_picker::set_context(ui.ctx(), self.lang(), self.today);
        super::shell::shell_ui(self, ui);
        self.apply_commands();
    }
}

fn apply_to_store(
    store: &mut Store,
    command: Command,
    today: NaiveDate,
    lang: Lang,
) -> Result<Option<String>, StoreError> {
    let tr = lang.tr();
    let saved = Some(match lang {
        Lang::Id => "Tersimpan".to_string(),
        Lang::En => "Saved".to_string(),
    });
    match command {
        Command::SaveReports(reports) => {
            if reports.is_empty() {
                return Ok(Some(tr.nothing_to_save.to_string()));
            }
            store.save_reports(&reports, today)?;
            Ok(Some((tr.saved_rows)(reports.len())))
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
        Command::RemoveDeadline(decided_on) => store.remove_deadline(decided_on).map(|_| saved),
        Command::AddDeadline(deadline) => store.add_deadline(&deadline).map(|_| saved),
        Command::AddUnit(unit) => store.add_unit(&unit).map(|_| saved),
        Command::UpdateUnit(unit) => store.update_unit(&unit).map(|_| saved),
        Command::SaveSettings(settings) => store.save_settings(&settings).map(|_| saved),
        Command::Backup(out) => store
            .backup_to(&out)
            .map(|()| Some(format!("{} {}", tr.backup_written, out.display()))),
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
        | Command::Create { .. }
        | Command::AskFile(_)
        | Command::SetAsOf(_)
        | Command::Restore(_)
        | Command::Export(_)
        | Command::WriteReport(_)
        | Command::WriteChart(..)
        | Command::SetLanguage(_)
        | Command::SetDark(_)
        | Command::Show(_) => Ok(None),
    }
}

fn build_view(
    store: &Store,
    as_of: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<View, StoreError> {
    let data = store.load()?;
    let as_of = as_of
        .or_else(|| data.last_activity())
        .unwrap_or(today)
        .min(today);
    let summary = summarize(&data, as_of);
    let history = History::new(&data);
    Ok(View {
        path: store.path().to_path_buf(),
        data: Arc::new(data),
        history: Arc::new(history),
        as_of,
        summary,
        forecast: None,
        forecast_failed: false,
        slip: Vec::new(),
        slip_progress: None,
    })
}

fn save_slip_cache(store: &mut Store, view: &View, entries: &[SlipEntry]) {
    let params = crate::forecast::slip::slip_params(view.data.settings.forecast_window_days);
    let rows: Vec<_> = entries
        .iter()
        .filter(|e| e.computed)
        .filter_map(|e| e.cache_row())
        .collect();
    // The cache only saves time; a failure to write it costs nothing else.
    let _ = store.save_forecast_cache(&params.cache_key(), &rows);
}

/// Deletes all but the newest `keep` automatic backups of `stem` in `folder`.
fn prune_backups(folder: &Path, stem: &str, keep: usize) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let prefix = format!("{stem}-");
    let mut backups: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&prefix) && n.ends_with(".pantau"))
        })
        .collect();
    // Names end in the ISO date, so they sort by age.
    backups.sort();
    let excess = backups.len().saturating_sub(keep);
    for old in &backups[..excess] {
        let _ = std::fs::remove_file(old);
    }
}

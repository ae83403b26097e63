//! The application: which database is open, which screen is shown, the view model the screens
//! draw from, and the commands they send. Drawing never touches the database: screens record
//! [`Command`]s, and the app applies them after drawing, then refreshes the view model.

mod commands;
mod exchange;
mod files;
mod jobs;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;

use super::dialogs::{Dialogs, FileRequest, Pick};
use super::keys::{KeyQueue, is_as_of_shortcut, screen_shortcut, tab_direction};
use super::screens;
use crate::domain::dataset::Settings;
use crate::domain::summary::{Summary, summarize};
use crate::domain::{
    DailyReport, Dataset, Deadline, NewOffice, NewUnit, OpeningBalance, Outage, PlannedDelivery,
    StockEvent, Target, Unit, UnitId,
};
use crate::forecast::backtest::Accuracy;

/// The backtest's outcome and the cache rows of the origins it computed.
type AccuracyResult = (
    Accuracy,
    Vec<(chrono::NaiveDate, crate::store::CachedForecast)>,
);
use crate::forecast::slip::{SlipEntry, SlipJob, slip_dates};
use crate::forecast::{Forecast, ForecastParams, History};
use crate::io::charts::ChartKind;
use crate::locale::{Lang, store_error};
use crate::store::exchange::Keep;
use crate::store::{Store, StoreError};

pub use commands::{Command, FilePurpose};
pub use jobs::{build_hub_view, build_view, view_from};

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
    Exchange,
    Accounts,
}

impl Screen {
    pub const ALL: [Screen; 10] = [
        Screen::Dashboard,
        Screen::Entry,
        Screen::Stock,
        Screen::Outages,
        Screen::Targets,
        Screen::Units,
        Screen::Reports,
        Screen::Settings,
        Screen::Exchange,
        Screen::Accounts,
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
            Screen::Exchange => tr.exchange,
            Screen::Accounts => tr.accounts_screen,
        }
    }
}

/// A province's hub to open: its address, a password, one province or none.
#[derive(Debug, Clone, Default)]
pub struct HubForm {
    pub open: bool,
    pub url: String,
    pub password: String,
    pub province: String,
    /// The address field takes the keyboard when the form opens.
    pub focus: bool,
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
    /// The database file, or the hub's URL.
    pub path: PathBuf,
    /// Where the figures come from: an office's database or a province's hub.
    pub origin: crate::source::Origin,
    pub data: Arc<Dataset>,
    /// The store's revision of `data`: equal revisions, equal data (a refused save keeps it).
    pub revision: (i64, u64),
    pub history: Arc<History>,
    /// The day the figures are shown for: the latest day with data, unless the user picked
    /// one ([`Self::as_of_picked`]).
    pub as_of: NaiveDate,
    /// The user picked [`Self::as_of`]: it stays after a save. Otherwise the view follows the
    /// data to its latest day.
    pub as_of_picked: bool,
    pub summary: Summary,
    /// Who is falling behind on the as-of day, slowest against its need first.
    pub behind: Vec<crate::forecast::behind::UnitBehind>,
    pub forecast: Option<Forecast>,
    pub slip: Vec<Forecast>,
    pub slip_progress: Option<(usize, usize)>,
    /// The forecast's thread failed: its tiles say so instead of "computing".
    pub forecast_failed: bool,
    /// The rolling-origin backtest up to the as-of date, once computed.
    pub accuracy: Option<Arc<Accuracy>>,
    /// Where the exchange with kecamatan PCs (or the district) stands.
    pub exchange: crate::exchange::Overview,
    /// Who is logged in and which days are closed.
    pub access: crate::domain::access::Access,
    /// The accounts, without their secrets.
    pub accounts: Vec<crate::domain::access::Account>,
    /// Changes made outside Pantau that the check at opening found (none until it ran).
    pub tampering: Vec<crate::store::Tampering>,
    /// At a hub: each district's completeness, blanks and outages as of the view's day.
    pub hub: Option<crate::hub::HubSummary>,
    /// At a district: its link to the province's hub and the bundles made for it.
    pub province: Option<ProvinceStatus>,
}

/// A district's standing with its province's hub.
#[derive(Debug, Clone, PartialEq)]
pub struct ProvinceStatus {
    pub link: Option<crate::store::hub::HubLink>,
    /// Newest first.
    pub sent: Vec<crate::store::hub::HubSent>,
}

impl View {
    /// Whether the figures are a province's hub's (read only).
    pub fn is_hub(&self) -> bool {
        matches!(self.origin, crate::source::Origin::Hub { .. })
    }

    /// The slip history as it was known on the as-of day: forecasts made up to that day only.
    pub fn slip_known(&self) -> &[Forecast] {
        // The slip history is in date order (one forecast per day with data).
        let known = self.slip.partition_point(|f| f.as_of <= self.as_of);
        &self.slip[..known]
    }
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

/// A database being opened on a background thread: its view, or none while it waits for an
/// account to log in.
type Loader = std::thread::JoinHandle<Result<(Store, Option<View>), StoreError>>;
/// A hub being opened on a background thread: the hub and its view, or why not (worded).
type HubLoader =
    std::thread::JoinHandle<Result<(crate::hub::HubSource, View), crate::hub::HubError>>;

/// Where an open session's figures come from, and what it can change. One per open window:
/// its size does not matter.
#[allow(clippy::large_enum_variant)]
enum Source {
    /// An office's database: everything.
    Office(Store),
    /// A province's hub: read only.
    Hub(Box<crate::hub::HubSource>),
}

impl Source {
    fn store(&self) -> Option<&Store> {
        match self {
            Source::Office(store) => Some(store),
            Source::Hub(_) => None,
        }
    }

    fn store_mut(&mut self) -> Option<&mut Store> {
        match self {
            Source::Office(store) => Some(store),
            Source::Hub(_) => None,
        }
    }
}

struct Session {
    source: Source,
    view: View,
    forecast_job: Option<std::thread::JoinHandle<Forecast>>,
    slip_job: Option<SlipJob>,
    accuracy_job: Option<std::thread::JoinHandle<AccuracyResult>>,
    /// The tamper check run as the database opens (`pantau check`'s, on a connection of its
    /// own).
    tamper_job: Option<std::thread::JoinHandle<Result<Vec<crate::store::Tampering>, StoreError>>>,
}

pub struct PantauApp {
    pub prefs: Prefs,
    pub screen: Screen,
    session: Option<Session>,
    pub dialogs: Box<dyn Dialogs>,
    /// An error to show until dismissed.
    pub error: Option<String>,
    /// The request letter's number, as typed beside its button (not stored).
    pub letter_number: String,
    /// Whether the dashboard opens at its top on its next frame: set when a database or a hub
    /// is opened, so that it starts at the tiles and not where another file (or the last run,
    /// whose scroll egui keeps) left it.
    pub dashboard_from_top: bool,
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
    pub exchange: screens::exchange::ExchangeState,
    pub accounts: screens::accounts::AccountsState,
    /// Where the demo database lives.
    pub demo_path: PathBuf,
    /// A database being opened in the background.
    loading: Option<(PathBuf, Loader)>,
    /// A hub being opened in the background: its URL, and the hub with its view or why not.
    hub_loading: Option<(String, HubLoader)>,
    /// The form that asks for a hub's address.
    pub hub_form: HubForm,
    /// A push to the province's hub on its way.
    province_push:
        Option<std::thread::JoinHandle<Result<crate::hub::Pushed, crate::hub::HubError>>>,
    title: String,
    /// Keyboard input waiting for a later frame, so that it is applied in order.
    keys: KeyQueue,
    /// Slow actions running on threads of their own.
    tasks: Vec<jobs::Task>,
    /// Keluar was asked: the window closes before the next frame.
    pub quit: bool,
    /// A database with accounts, opened and waiting for one to log in: no screen with data is
    /// drawn until then.
    waiting: Option<Store>,
    pub login: screens::login::LoginForm,
    /// The Admin account asked for in a database without accounts.
    pub admin_form: screens::login::AdminForm,
    /// A recovery code to show once (after the Admin is made or recovered).
    pub recovery_code: Option<String>,
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
            letter_number: String::new(),
            dashboard_from_top: true,
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
            exchange: Default::default(),
            accounts: Default::default(),
            demo_path,
            loading: None,
            hub_loading: None,
            hub_form: Default::default(),
            province_push: None,
            title: String::new(),
            keys: KeyQueue::default(),
            tasks: Vec::new(),
            quit: false,
            waiting: None,
            login: Default::default(),
            admin_form: Default::default(),
            recovery_code: None,
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
        self.session.as_ref().and_then(|s| s.source.store())
    }

    /// Opens a database; on failure the app stays as it was and shows why. A database with
    /// accounts waits for one to log in before anything of it is shown.
    pub fn open(&mut self, path: &Path) {
        match Store::open(path) {
            Ok(store) => match store.has_accounts() {
                Ok(true) => self.wait_for_login(store),
                Ok(false) => self.start_session(store),
                Err(error) => self.error = Some(store_error(self.lang(), &error)),
            },
            Err(error) => self.error = Some(store_error(self.lang(), &error)),
        }
    }

    /// Shows the login screen of `store`, with nothing of its data.
    fn wait_for_login(&mut self, store: Store) {
        if let Some(session) = self.session.take()
            && let Some(job) = session.slip_job
        {
            job.cancel();
        }
        self.login = Default::default();
        self.waiting = Some(store);
    }

    /// The database waiting for its account, if one is.
    pub fn waiting_for_login(&self) -> Option<&Path> {
        self.waiting.as_ref().map(Store::path)
    }

    /// Logs in to the database waiting for it, then opens its screens.
    pub fn log_in(&mut self, name: &str, password: &str) {
        let Some(store) = self.waiting.as_mut() else {
            return;
        };
        match store.log_in(name, password) {
            Ok(_) => {
                self.login = Default::default();
                // The last account's messages and half-filled forms are not the next one's.
                self.status = None;
                self.accounts = Default::default();
                self.reports.approval = Default::default();
                if let Some(store) = self.waiting.take() {
                    self.start_session(store);
                }
            }
            Err(error) => {
                self.login.problem = Some(store_error(self.lang(), &error));
                self.login.focus_password = true;
            }
        }
    }

    /// Logs out: the screens close and the database waits for an account again.
    pub fn log_out(&mut self) {
        let Some(mut session) = self.session.take() else {
            return;
        };
        if let Some(job) = session.slip_job.take() {
            job.cancel();
        }
        let Source::Office(mut store) = session.source else {
            return;
        };
        match store.log_out() {
            Ok(()) => self.wait_for_login(store),
            Err(error) => self.error = Some(store_error(self.lang(), &error)),
        }
    }

    /// Resets an Admin's password with its recovery code, from the login screen; the next code
    /// is shown once.
    pub fn recover_admin(&mut self, name: &str, code: &str, password: &str) {
        let Some(store) = self.waiting.as_mut() else {
            return;
        };
        match store.recover(name, code, password) {
            Ok(next) => {
                self.login = Default::default();
                self.login.name = name.to_string();
                self.login.problem = Some(self.lang().tr().password_reset_done.to_string());
                self.recovery_code = Some(next);
            }
            Err(error) => self.login.problem = Some(store_error(self.lang(), &error)),
        }
    }

    /// Opens the illustrative database on a background thread, creating it first if it is
    /// missing (that takes a few seconds; the window stays alive and says what it does).
    pub fn open_demo(&mut self) {
        let path = self.demo_path.clone();
        let today = self.today;
        self.loading = Some((
            path.clone(),
            std::thread::spawn(move || {
                let store = if path.exists() {
                    Store::open(&path)?
                } else {
                    if let Some(folder) = path.parent() {
                        let _ = std::fs::create_dir_all(folder);
                    }
                    let created = Store::create(&path).and_then(|mut store| {
                        store.populate(&crate::demo::build(), today)?;
                        Ok(store)
                    });
                    if created.is_err() {
                        crate::store::remove_database(&path);
                    }
                    created?
                };
                let view = build_view(&store, None, today)?;
                Ok((store, Some(view)))
            }),
        ));
    }

    fn start_session(&mut self, mut store: Store) {
        store.set_today(self.today);
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
                if store.has_accounts()? {
                    return Ok((store, None));
                }
                let view = build_view(&store, None, today)?;
                Ok((store, Some(view)))
            }),
        ));
    }

    /// Opens a province's hub for reading on a background thread (`password`, if given, over
    /// the one the URL, `PGPASSWORD` or the password file holds); on failure the app stays as
    /// it was and shows why.
    pub fn open_hub(&mut self, url: &str, password: Option<&str>, province: Option<&str>) {
        let mut parsed = match crate::hub::HubUrl::parse(url) {
            Ok(parsed) => parsed,
            Err(error) => {
                self.error = Some(crate::locale::hub::error(self.lang(), &error));
                return;
            }
        };
        if let Some(password) = password.filter(|p| !p.is_empty()) {
            parsed.set_password(password);
        }
        let province = province.map(str::to_string);
        let today = self.today;
        self.hub_loading = Some((
            parsed.shown().to_string(),
            std::thread::spawn(move || {
                let hub = crate::hub::HubSource::open(&parsed, province.as_deref())?;
                let view = build_hub_view(&hub, None, today)?;
                Ok((hub, view))
            }),
        ));
    }

    /// The hub being opened in the background, if one is.
    pub fn hub_loading(&self) -> Option<&str> {
        self.hub_loading.as_ref().map(|(url, _)| url.as_str())
    }

    fn poll_hub_loading(&mut self) -> bool {
        if !self
            .hub_loading
            .as_ref()
            .is_some_and(|(_, job)| job.is_finished())
        {
            return self.hub_loading.is_some();
        }
        if let Some((_, job)) = self.hub_loading.take() {
            match job.join() {
                Ok(Ok((hub, view))) => {
                    if let Some(old) = self.session.take()
                        && let Some(job) = old.slip_job
                    {
                        job.cancel();
                    }
                    self.waiting = None;
                    self.screen = Screen::Dashboard;
                    self.status = None;
                    self.dashboard_from_top = true;
                    self.session = Some(Session {
                        source: Source::Hub(Box::new(hub)),
                        view,
                        forecast_job: None,
                        slip_job: None,
                        accuracy_job: None,
                        tamper_job: None,
                    });
                    self.start_jobs();
                }
                Ok(Err(error)) => self.error = Some(crate::locale::hub::error(self.lang(), &error)),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        false
    }

    /// Whether the open session reads a province's hub (read only).
    pub fn is_hub(&self) -> bool {
        self.session
            .as_ref()
            .is_some_and(|s| matches!(s.source, Source::Hub(_)))
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
                Ok(Ok((store, Some(view)))) => self.show_session(store, view),
                Ok(Ok((store, None))) => self.wait_for_login(store),
                Ok(Err(error)) => self.error = Some(store_error(self.lang(), &error)),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        false
    }

    fn show_session(&mut self, mut store: Store, view: View) {
        self.session = None;
        store.set_today(self.today);
        let checked = store.path().to_path_buf();
        let path = store.path().to_path_buf();
        self.daily_backup(&path);
        if path != self.demo_path {
            self.prefs.last_file = Some(path);
        }
        self.entry.grid.reset(&view.data, self.today);
        self.settings.reset(&view.data.settings);
        self.dashboard_from_top = true;
        self.session = Some(Session {
            source: Source::Office(store),
            view,
            forecast_job: None,
            slip_job: None,
            accuracy_job: None,
            tamper_job: Some(std::thread::spawn(move || {
                Store::open_read_only(&checked)?.tampering()
            })),
        });
        self.start_jobs();
    }

    /// Reloads the data after a change and starts the forecasts again. The as-of date stays
    /// where the user picked it; otherwise it follows the data to its latest day.
    fn refresh(&mut self) {
        let Some(session) = self.session.as_ref() else {
            return;
        };
        let picked = session.view.as_of_picked.then_some(session.view.as_of);
        self.show_as_of(picked);
    }

    /// Shows the figures as of `picked`, or as of the latest day with data (`None`).
    fn show_as_of(&mut self, picked: Option<NaiveDate>) {
        let Some(session) = self.session.as_mut() else {
            return;
        };
        // A weekend or holiday nobody reported on shows the figures of the working day before
        // it: the view goes there, and says so. (A day someone did report on stays.)
        let data = &session.view.data;
        let picked = picked.map(|date| {
            let reported = data.reports.values().any(|r| r.date == date);
            let snapped = data.calendar.last_working_day_through(date);
            if snapped != date && !reported {
                let lang = self.prefs.lang;
                self.status = Some((lang.tr().as_of_snapped)(
                    &crate::locale::fmt::date_long(lang, date),
                    &crate::locale::fmt::date_long(lang, snapped),
                ));
                snapped
            } else {
                date
            }
        });
        let built = match &session.source {
            Source::Office(store) => {
                build_view(store, picked, self.today).map_err(|e| store_error(self.prefs.lang, &e))
            }
            Source::Hub(hub) => build_hub_view(hub, picked, self.today)
                .map_err(|e| crate::locale::hub::error(self.prefs.lang, &e)),
        };
        match built {
            Ok(mut view) => {
                // What the check at opening found stays shown until the file is opened again.
                view.tampering = std::mem::take(&mut session.view.tampering);
                session.view = view;
                self.start_jobs();
            }
            Err(message) => self.error = Some(message),
        }
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
        if let Some(view) = self.view()
            && let crate::source::Origin::Hub { url, .. } = &view.origin
        {
            return format!("Pantau e-KTP — {} — {url}", view.data.office.name);
        }
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
    /// keyboard input (see `ui::keys`), and switch screens on Ctrl+1 … Ctrl+9. A date typed
    /// at once after Ctrl+D (or a screen's shortcut) waits for the field to have the focus.
    fn keyboard_before_drawing(&mut self, ctx: &egui::Context) {
        let open = self.view().is_some() && self.error.is_none();
        // The grids of the entry and target screens, and the new-office wizard's, take their
        // keys in order. Not the wizard's units box: a Tab typed there stays in it (egui keeps
        // the focus of a box that locks it; moving it here would not).
        let wizard = self.view().is_none()
            && self.welcome.creating
            && self.welcome.step != crate::ui::screens::welcome::Step::Units;
        // The login form and the Admin form too: a name, Tab and a password typed at once
        // land in their fields.
        let forms = self.waiting.is_some() || self.admin_form.open;
        let entry =
            (open && matches!(self.screen, Screen::Entry | Screen::Targets)) || wizard || forms;
        let keys = &mut self.keys;
        let (in_order, waiting, shortcut, tab) = ctx.input_mut(|i| {
            let in_order = entry
                || (open
                    && keys
                        .waiting()
                        .iter()
                        .chain(&i.events)
                        .any(|e| screen_shortcut(e).is_some() || is_as_of_shortcut(e)));
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
            // The forms move it themselves, before their fields are drawn (see `login`).
            let tab = if forms {
                egui::FocusDirection::None
            } else {
                tab
            };
            ctx.memory_mut(|m| m.move_focus(tab));
        }
        if waiting {
            ctx.request_repaint();
        }
        if let Some(screen) = shortcut.and_then(|n| Screen::ALL.get(n)) {
            self.show_screen(*screen);
        }
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::Q)) {
            self.commands.push(Command::Quit);
        }
    }

    /// What runs before each frame is drawn (eframe's `App::logic`): the commands the screens
    /// recorded while drawing the last frame are applied, finished background work is
    /// collected, and the window's title and theme follow. Nothing is drawn here, and nothing
    /// that draws touches the database.
    pub fn run_logic(&mut self, ctx: &egui::Context) {
        self.apply_commands();
        if self.quit {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if self.poll_jobs() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
        let theme = if self.prefs.dark {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        };
        if ctx.theme() != theme {
            ctx.set_theme(theme);
        }
    }

    /// Draws the screen shown into `ui`: each screen gets its own state, the [`View`] and the
    /// list its requests go to, and nothing else of the app.
    pub(crate) fn screen_ui(&mut self, ui: &mut egui::Ui) {
        let (lang, today) = (self.prefs.lang, self.today);
        let commands = &mut self.commands;
        if let Some(store) = &self.waiting {
            let file = store.path().display().to_string();
            screens::login::ui(ui, &mut self.login, lang, &file, commands);
            return;
        }
        let Some(session) = self.session.as_ref() else {
            screens::welcome::ui(ui, &mut self.welcome, lang, today, commands);
            return;
        };
        if matches!(
            session.view.access.actor,
            crate::domain::access::Actor::System(_)
        ) && !session.view.data.is_illustrative()
        {
            screens::login::no_account_ui(ui, &mut self.admin_form, lang, commands);
        }
        let frame = screens::Frame {
            view: &session.view,
            lang,
            today,
            dark: self.prefs.dark,
            modal: self.error.is_some() || self.path_prompt.is_some(),
        };
        // A screen whose changes the account's role may not make is shown, read-only, and says
        // so at its top: nobody types into a form the store would refuse.
        use crate::domain::access::Task;
        let access = &session.view.access;
        let may = match self.screen {
            Screen::Targets | Screen::Units | Screen::Settings => access.may(Task::SetUp),
            Screen::Stock | Screen::Outages => access.may(Task::EnterData),
            Screen::Exchange => access.may(Task::EnterData) || access.may(Task::SetUp),
            Screen::Dashboard | Screen::Entry | Screen::Reports | Screen::Accounts => true,
        };
        if !may && let Some(account) = access.actor.account() {
            ui.label(
                egui::RichText::new((lang.tr().read_only_screen)(crate::locale::access::role(
                    lang,
                    account.role,
                )))
                .color(crate::ui::theme::WARNING),
            );
        }
        // A hub has the dashboard and the report only (a screen's shortcut lands there).
        let screen = match self.screen {
            Screen::Dashboard | Screen::Reports => self.screen,
            _ if matches!(session.source, Source::Hub(_)) => Screen::Dashboard,
            other => other,
        };
        ui.add_enabled_ui(may, |ui| match screen {
            Screen::Dashboard => {
                let from_top = std::mem::take(&mut self.dashboard_from_top);
                screens::dashboard::ui(ui, &frame, &mut self.letter_number, from_top, commands)
            }
            Screen::Entry => screens::entry::ui(ui, &mut self.entry, &frame, commands),
            Screen::Stock => screens::stock::ui(ui, &mut self.stock, &frame, commands),
            Screen::Outages => screens::outages::ui(ui, &mut self.outages, &frame, commands),
            Screen::Targets => screens::targets::ui(ui, &mut self.targets, &frame, commands),
            Screen::Units => screens::units::ui(ui, &mut self.units, &frame, commands),
            Screen::Settings => screens::settings::ui(ui, &mut self.settings, &frame, commands),
            // A long import preview (notes, flagged rows, the table) scrolls with the screen, so
            // its Impor button is never below the window.
            Screen::Reports => {
                egui::ScrollArea::vertical()
                    .id_salt("reports-screen")
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        screens::reports::ui(ui, &mut self.reports, &frame, commands)
                    });
            }
            Screen::Exchange => {
                self.exchange.pushing = self.province_push.is_some();
                screens::exchange::ui(ui, &mut self.exchange, &frame, commands)
            }
            Screen::Accounts => screens::accounts::ui(ui, &mut self.accounts, &frame, commands),
        });
    }

    /// Draws the whole window into `ui`. What the screens ask is recorded as commands, applied
    /// by [`Self::run_logic`] before the next frame (asked for at once).
    pub fn ui_root(&mut self, ui: &mut egui::Ui) {
        self.keyboard_before_drawing(ui.ctx());
        screens::date_picker::set_context(ui.ctx(), self.lang(), self.today);
        super::shell::shell_ui(self, ui);
        if !self.commands.is_empty() {
            ui.ctx().request_repaint();
        }
    }
}

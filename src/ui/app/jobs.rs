//! Work off the window's thread: the forecast, the slip history, opening a database, and the
//! slow actions (exports, the PDF, charts, backups), so the window never freezes; a job that
//! panics says so.

use super::*;
use crate::source::{DataSource, Origin};

/// A slow action on a thread of its own: what it writes, and its outcome already worded — the
/// status line's message, or the error to show.
pub struct Task {
    pub file: PathBuf,
    job: std::thread::JoinHandle<Result<String, String>>,
}

impl PantauApp {
    pub(super) fn start_jobs(&mut self) {
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
        let cache = match &session.source {
            Source::Office(store) => store
                .forecast_cache(&slip_params.cache_key())
                .unwrap_or_default(),
            Source::Hub(_) => Default::default(),
        };
        let dates = slip_dates(&view.history, NaiveDate::MIN, NaiveDate::MAX);
        view.slip_progress = Some((0, dates.len()));
        if let Some(old) = session.slip_job.take() {
            old.cancel();
        }
        // The history the view already built: the save's data is read into it once.
        let history = Arc::clone(&view.history);
        session.slip_job = Some(SlipJob::spawn(history, dates, slip_params, cache));
        // How good past forecasts were, from the data up to the as-of date only.
        view.accuracy = None;
        let history = Arc::clone(&view.history);
        let window = view.data.settings.forecast_window_days;
        // Each origin's trials are kept like the slip history's: a day added computes one.
        let cache = match &session.source {
            Source::Office(store) => store
                .forecast_cache(&Accuracy::cache_key(window))
                .unwrap_or_default(),
            Source::Hub(_) => Default::default(),
        };
        session.accuracy_job = Some(std::thread::spawn(move || {
            Accuracy::compute_cached(
                &history,
                as_of,
                window,
                crate::forecast::default_threads(),
                &cache,
            )
        }));
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

    /// Runs `work` on a thread of its own; the status line names `file` until it is done.
    pub(super) fn start_task(
        &mut self,
        file: PathBuf,
        work: impl FnOnce() -> Result<String, String> + Send + 'static,
    ) {
        self.tasks.push(Task {
            file,
            job: std::thread::spawn(work),
        });
    }

    /// The files being written in the background.
    pub fn tasks(&self) -> impl Iterator<Item = &Path> {
        self.tasks.iter().map(|t| t.file.as_path())
    }

    /// Collects finished tasks; returns whether one still runs.
    fn poll_tasks(&mut self) -> bool {
        let (done, running): (Vec<Task>, Vec<Task>) = std::mem::take(&mut self.tasks)
            .into_iter()
            .partition(|t| t.job.is_finished());
        self.tasks = running;
        for task in done {
            match task.job.join() {
                Ok(Ok(message)) => self.status = Some(message),
                Ok(Err(message)) => self.error = Some(message),
                Err(panic) => {
                    self.error = Some((self.prefs.lang.tr().task_failed)(
                        &task.file.display().to_string(),
                        &crate::progress::panic_message(panic.as_ref()),
                    ))
                }
            }
        }
        !self.tasks.is_empty()
    }

    /// Collects finished background work; returns whether something is still running.
    pub fn poll_jobs(&mut self) -> bool {
        let loading = self.poll_loading()
            | self.poll_hub_loading()
            | self.poll_province_push()
            | self.poll_tasks()
            | self.reports.poll();
        let Some(session) = self.session.as_mut() else {
            return loading;
        };
        let mut failed = None;
        // Whether the forecast or the backtest arrived in this poll: the calibration then runs.
        let mut arrived = false;
        if session
            .forecast_job
            .as_ref()
            .is_some_and(|j| j.is_finished())
            && let Some(job) = session.forecast_job.take()
        {
            arrived = true;
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
                    if let Source::Office(store) = &mut session.source {
                        save_slip_cache(store, &session.view, &entries);
                    }
                    session.view.slip = entries.into_iter().map(|e| e.forecast).collect();
                    arrived = true;
                }
                Ok(Err(_cancelled)) => {}
                Err(message) => failed = Some(message),
            }
            session.view.slip_progress = None;
        }
        if session
            .accuracy_job
            .as_ref()
            .is_some_and(|j| j.is_finished())
            && let Some(job) = session.accuracy_job.take()
        {
            arrived = true;
            match job.join() {
                Ok((accuracy, rows)) => {
                    if let Source::Office(store) = &mut session.source {
                        let key =
                            Accuracy::cache_key(session.view.data.settings.forecast_window_days);
                        // The cache only saves time; a failure to write it costs nothing else.
                        let _ = store.save_forecast_cache(&key, &rows);
                    }
                    session.view.accuracy = Some(Arc::new(accuracy));
                }
                // The panel then says there is nothing to show, not "testing…" for ever.
                Err(panic) => {
                    let as_of = session.view.as_of;
                    session.view.accuracy = Some(Arc::new(
                        crate::forecast::backtest::Accuracy::of(Vec::new(), as_of),
                    ));
                    failed = Some(crate::progress::panic_message(panic.as_ref()));
                }
            }
        }
        if arrived {
            calibrate_view(&mut session.view);
        }
        if session.tamper_job.as_ref().is_some_and(|j| j.is_finished())
            && let Some(job) = session.tamper_job.take()
        {
            match job.join() {
                Ok(Ok(found)) => session.view.tampering = found,
                // A file that cannot be checked was said when it was opened.
                Ok(Err(_)) => {}
                Err(panic) => failed = Some(crate::progress::panic_message(panic.as_ref())),
            }
        }
        let running = session.forecast_job.is_some()
            || session.tamper_job.is_some()
            || session.slip_job.is_some()
            || session.accuracy_job.is_some();
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
}

/// The view of `source` as of the day the user `picked`, or as of the latest day with data:
/// what the dashboard draws, the same for an office's database and a province's hub. What only
/// an office has (the exchange, accounts, locks) is left empty here.
pub fn view_from<S: DataSource + ?Sized>(
    source: &S,
    picked: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<View, S::Error> {
    let data = source.dataset()?;
    let as_of = picked
        .or_else(|| data.last_activity())
        .unwrap_or(today)
        .min(today);
    let summary = summarize(&data, as_of);
    let history = History::new(&data);
    let behind =
        crate::forecast::behind::behind(&data, &history, as_of, data.settings.forecast_window_days);
    let origin = source.origin();
    Ok(View {
        accounts: Vec::new(),
        tampering: Vec::new(),
        access: crate::domain::access::Access {
            actor: crate::domain::access::Actor::Nobody,
            locks: Default::default(),
        },
        exchange: Default::default(),
        path: match &origin {
            Origin::Office(path) => path.clone(),
            Origin::Hub { url, .. } => PathBuf::from(url),
        },
        origin,
        revision: source.revision()?,
        data,
        history: Arc::new(history),
        as_of,
        as_of_picked: picked.is_some(),
        summary,
        behind,
        forecast: None,
        forecast_failed: false,
        slip: Vec::new(),
        slip_progress: None,
        accuracy: None,
        hub: None,
        province: None,
    })
}

/// The view of an office's `store` (see [`view_from`]), with its exchange, its accounts and
/// its locks.
pub fn build_view(
    store: &Store,
    picked: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<View, StoreError> {
    let mut view = view_from(store, picked, today)?;
    view.exchange = crate::exchange::overview(store, today)?;
    view.access = crate::domain::access::Access {
        actor: store.actor().clone(),
        locks: store.locks()?,
    };
    view.accounts = store.accounts()?;
    // A kecamatan PC sends to its district, never to a province.
    let kecamatan_pc = view.exchange.role == Some(crate::store::exchange::Role::Kecamatan);
    if !kecamatan_pc {
        let mut sent = store.hub_sent()?;
        sent.reverse();
        view.province = Some(ProvinceStatus {
            link: store.hub_link()?,
            sent,
        });
    }
    Ok(view)
}

/// The view of a province's hub (see [`view_from`]), with its districts' completeness, blanks
/// and outages as of the view's day.
pub fn build_hub_view(
    hub: &crate::hub::HubSource,
    picked: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<View, crate::hub::HubError> {
    let mut view = view_from(hub, picked, today)?;
    view.hub = Some(hub.summary(view.as_of)?);
    Ok(view)
}

/// The forecast's milestones, and those of the slip history, moved by the office's track
/// record once the backtest is known: each by what was known on its own day, so the slip chart
/// and the tiles tell the same dates. The slip cache keeps the model's own (saved before).
fn calibrate_view(view: &mut View) {
    use crate::forecast::backtest::calibrate_forecast;
    let Some(accuracy) = view.accuracy.clone() else {
        return;
    };
    if let Some(forecast) = &view.forecast
        && !forecast.calibrated
        && accuracy.as_of == forecast.as_of
    {
        let calibrated = calibrate_forecast(forecast, &view.history, &accuracy.calibrations);
        view.forecast = Some(calibrated);
    }
    for forecast in view
        .slip
        .iter_mut()
        .filter(|f| !f.calibrated && f.as_of <= accuracy.as_of)
    {
        let on_its_day = accuracy.calibrations_on(forecast.as_of);
        *forecast = calibrate_forecast(forecast, &view.history, &on_its_day);
    }
}

pub(super) fn save_slip_cache(store: &mut Store, view: &View, entries: &[SlipEntry]) {
    let params = crate::forecast::slip::slip_params(view.data.settings.forecast_window_days);
    let rows: Vec<_> = entries
        .iter()
        .filter(|e| e.computed)
        .filter_map(|e| e.cache_row())
        .collect();
    // The cache only saves time; a failure to write it costs nothing else.
    let _ = store.save_forecast_cache(&params.cache_key(), &rows);
}

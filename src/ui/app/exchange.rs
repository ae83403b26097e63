//! The exchange commands of the app: setting up a kecamatan PC, writing and receiving bundles,
//! deciding conflicts. They run on the open database, each one store transaction per bundle.

use super::*;
use crate::exchange::{self, Receipt, Sent};
use crate::locale::exchange as words;

impl PantauApp {
    /// The name a save dialog suggests for `purpose`, where it depends on the open data.
    pub(super) fn suggested_name(&self, purpose: FilePurpose) -> Option<String> {
        let session = self.session.as_ref()?;
        let data = &session.view.data;
        let unit_name = |id: Option<UnitId>| id.map(|id| data.unit_name(id));
        match purpose {
            FilePurpose::KecamatanPc(unit) => {
                Some(format!("{}.pantau", data.unit_name(unit).replace(' ', "-")))
            }
            FilePurpose::SendBundle(unit) => {
                exchange::next_file_name(session.source.store()?, unit_name(unit).as_deref()).ok()
            }
            FilePurpose::ProvinceBundle => {
                exchange::province::next_file_name(session.source.store()?).ok()
            }
            FilePurpose::ResendBundles(unit) => {
                exchange::unconfirmed(session.source.store()?, unit_name(unit).as_deref())
                    .ok()?
                    .into_iter()
                    .next()
                    .map(|b| b.file_name)
            }
            _ => None,
        }
    }

    pub(super) fn exchange_command(&mut self, command: Command) {
        let (lang, today) = (self.lang(), self.today);
        if let Command::OpenFolder(folder) = &command {
            if let Err(error) = open_folder(folder) {
                self.error = Some(format!("{}: {error}", folder.display()));
            }
            return;
        }
        let Some(session) = self.session.as_mut() else {
            return;
        };
        let data = Arc::clone(&session.view.data);
        let unit_name = |id: Option<UnitId>| id.map(|id| data.unit_name(id));
        let Some(store) = session.source.store_mut() else {
            return;
        };
        let mut results: Vec<(bool, String)> = Vec::new();
        let mut written = None;
        match command {
            Command::SetUpPc { unit, out } => {
                match exchange::set_up(store, &data.unit_name(unit), &out, today) {
                    Ok(done) => {
                        results.push((true, words::set_up(lang, &done)));
                        written = Some(out);
                    }
                    Err(error) => results.push((false, words::error(lang, &error))),
                }
            }
            Command::SendBundle { unit, out } => {
                let dir = out.parent().map(Path::to_path_buf).unwrap_or_default();
                let name = out.file_name().map(|n| n.to_string_lossy().into_owned());
                match exchange::send_as(store, unit_name(unit).as_deref(), &dir, name.as_deref()) {
                    Ok(sent) => {
                        if let Sent::Written { path, .. } = &sent {
                            written = Some(path.clone());
                        }
                        results.push((true, words::sent(lang, &sent)));
                    }
                    Err(error) => results.push((false, words::error(lang, &error))),
                }
            }
            Command::ResendBundles { unit, dir } => {
                match exchange::resend(store, unit_name(unit).as_deref(), &dir) {
                    Ok(paths) => {
                        written = paths.first().cloned();
                        results.push((true, words::resent(lang, paths.len(), &dir)));
                    }
                    Err(error) => results.push((false, words::error(lang, &error))),
                }
            }
            Command::ReceiveBundles(paths) => {
                // A folder is every bundle in it.
                let files = exchange::bundles_in(&paths).unwrap_or_else(|error| {
                    results.push((false, words::error(lang, &error)));
                    Vec::new()
                });
                let mut receiver = exchange::Receiver::new(store, today);
                for file in files {
                    match receiver.receive(&file) {
                        Ok(receipt) => {
                            let ok = !matches!(&receipt, Receipt::Applied { stuck: Some(_), .. });
                            results.push((ok, words::receipt(lang, &file, &receipt)));
                        }
                        Err(error) => results.push((false, words::error(lang, &error))),
                    }
                }
            }
            Command::WriteProvinceBundle(out) => {
                let lang_words = crate::locale::hub::province_sent;
                match exchange::province::send_to(store, &out) {
                    Ok(sent) => {
                        if let exchange::province::ProvinceSent::Written { path, .. } = &sent {
                            written = Some(path.clone());
                        }
                        results.push((true, lang_words(lang, &sent)));
                    }
                    Err(error) => results.push((false, words::error(lang, &error))),
                }
            }
            Command::PushToProvince { password } => {
                // Made here (local, quick); sent on a thread of its own: the window goes on.
                let link = match store.hub_link() {
                    Ok(Some(link)) => link,
                    Ok(None) => {
                        let error = exchange::ExchangeError::NotLinked;
                        results.push((false, words::error(lang, &error)));
                        return self.exchange_results(results, None);
                    }
                    Err(error) => {
                        results.push((false, store_error(lang, &error)));
                        return self.exchange_results(results, None);
                    }
                };
                let planned = crate::hub::HubUrl::parse(&link.url).and_then(|mut url| {
                    if let Some(password) = password.as_deref().filter(|p| !p.is_empty()) {
                        url.set_password(password);
                    }
                    Ok((url, crate::hub::plan_push(store)?))
                });
                match planned {
                    Ok((url, plan)) => {
                        self.province_push = Some(std::thread::spawn(move || {
                            crate::hub::send_planned(&url, &plan)
                        }));
                    }
                    Err(error) => results.push((false, crate::locale::hub::error(lang, &error))),
                }
            }
            Command::ResolveConflict { id, keep } => {
                match store.resolve_conflict(id, keep, today) {
                    Ok(done) => results.push((
                        true,
                        words::resolved(
                            lang,
                            id,
                            &data.unit_name(done.unit_id),
                            done.date,
                            keep == Keep::Sent,
                        ),
                    )),
                    Err(error) => results.push((false, store_error(lang, &error))),
                }
            }
            _ => return,
        }
        self.exchange_results(results, written);
    }

    /// Shows what a send or receipt did, and reads the data again.
    fn exchange_results(&mut self, results: Vec<(bool, String)>, written: Option<PathBuf>) {
        let today = self.today;
        // The status line is green: it says what went well; a refusal is in the results (and
        // in a message when it is the only one).
        self.status = results
            .last()
            .filter(|(ok, _)| *ok)
            .map(|(_, line)| line.clone());
        if results.iter().any(|(ok, _)| !ok) && results.len() == 1 {
            self.error = results.first().map(|(_, line)| line.clone());
        }
        self.exchange.results = results;
        self.exchange.written = written;
        self.refresh();
        if let Some(session) = self.session.as_ref() {
            self.entry.grid.reload(&session.view.data, today);
        }
    }
}

impl PantauApp {
    /// Collects a finished push to the province: marks what the hub holds, says what
    /// happened. Returns whether one still runs.
    pub(super) fn poll_province_push(&mut self) -> bool {
        if !self
            .province_push
            .as_ref()
            .is_some_and(|job| job.is_finished())
        {
            return self.province_push.is_some();
        }
        let Some(job) = self.province_push.take() else {
            return false;
        };
        let lang = self.lang();
        let mut results = Vec::new();
        match job.join() {
            Ok(Ok(pushed)) => {
                if pushed.hub_has > 0
                    && let Some(store) = self.session.as_mut().and_then(|s| s.source.store_mut())
                    && let Err(error) = store.mark_hub_pushed(pushed.hub_has)
                {
                    results.push((false, store_error(lang, &error)));
                }
                for line in crate::locale::hub::pushed(lang, &pushed).lines() {
                    results.push((true, line.to_string()));
                }
            }
            Ok(Err(error)) => results.push((false, crate::locale::hub::error(lang, &error))),
            Err(panic) => results.push((false, crate::progress::panic_message(panic.as_ref()))),
        }
        self.exchange_results(results, None);
        false
    }

    /// Whether a push to the province is on its way.
    pub fn pushing_to_province(&self) -> bool {
        self.province_push.is_some()
    }
}

/// Shows `folder` in the system's file manager.
fn open_folder(folder: &Path) -> std::io::Result<()> {
    let program = if cfg!(target_os = "windows") {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    std::process::Command::new(program)
        .arg(folder)
        .spawn()
        .map(|_| ())
}

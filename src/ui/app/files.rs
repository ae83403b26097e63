//! Files the app writes and reads besides the database: exports, the PDF report, PNG charts,
//! backups and restoring one.

use super::*;

impl PantauApp {
    /// Replaces the open database with a backup (checked first), then opens it again.
    pub fn restore_from(&mut self, backup: &Path) {
        let Some(session) = self.session.take() else {
            return;
        };
        let Source::Office(store) = session.source else {
            return;
        };
        let path = store.path().to_path_buf();
        if let Some(job) = session.slip_job {
            job.cancel();
        }
        // Closing the session releases the lock that restoring needs.
        drop(store);
        let result = crate::store::backup::restore(backup, &path, true, self.today);
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

    /// Writes the daily reports to CSV, or the workbook to XLSX, by the file's extension, on a
    /// thread of its own. The workbook is as of the dashboard's day when one was picked: what
    /// was known on it, as the PDF is; the CSV holds every report.
    pub(super) fn export(&mut self, out: &Path) {
        let Some(view) = self.view() else { return };
        let (lang, data, slip, out) = (
            self.lang(),
            Arc::clone(&view.data),
            view.slip_known().to_vec(),
            out.to_path_buf(),
        );
        let to = if view.as_of_picked {
            view.as_of
        } else {
            NaiveDate::MAX
        };
        self.start_task(out.clone(), move || {
            let xlsx = out
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
            let mut also = String::new();
            let result = if xlsx {
                crate::io::export::workbook(&data, &slip, &out, NaiveDate::MIN, to, lang)
            } else {
                let openings = crate::io::export::openings_csv_path(&out);
                let written = if data.openings.is_empty() {
                    Ok(0)
                } else {
                    crate::io::export::openings_csv(&data, &openings)
                };
                written.and_then(|units| {
                    if units > 0 {
                        also = format!(" + {}", openings.display());
                    }
                    crate::io::export::reports_csv(&data, &out, NaiveDate::MIN, NaiveDate::MAX)
                })
            };
            result
                .map(|rows| {
                    let tr = lang.tr();
                    let rows = (tr.daily_reports)(&crate::locale::fmt::count(lang, rows as u64));
                    format!("{}: {rows} — {}{also}", tr.exported, out.display())
                })
                .map_err(|e| crate::locale::write_error(lang, &e))
        });
    }

    /// Writes the PDF report, or one chart as a PNG image when `chart` is given, from what
    /// the dashboard shows, on a thread of its own.
    pub(super) fn write_report(&mut self, out: &Path, chart: Option<ChartKind>) {
        let Some(view) = self.view() else { return };
        let lang = self.lang();
        let Some(forecast) = view.forecast.clone() else {
            self.error = Some(lang.tr().computing.to_string());
            return;
        };
        let (data, history, summary, slip, out) = (
            Arc::clone(&view.data),
            Arc::clone(&view.history),
            view.summary.clone(),
            view.slip_known().to_vec(),
            out.to_path_buf(),
        );
        // The backtest of the day shown, once it is done; a report without it has 3 pages.
        let accuracy = view.accuracy.clone().filter(|a| a.as_of == forecast.as_of);
        self.start_task(out.clone(), move || {
            let input = crate::io::charts::ChartData {
                data: &data,
                history: &history,
                summary: &summary,
                slip: &slip,
                forecast: Some(&forecast),
                accuracy: accuracy.as_deref(),
                slip_window: None,
                lang,
            };
            let result = match chart {
                Some(kind) => crate::io::charts::write_png(kind, &input, &out, 2000, 1200),
                None => crate::io::report::write_pdf(&input, &forecast, &out).map(|_| ()),
            };
            result
                .map(|()| format!("{}: {}", lang.tr().exported, out.display()))
                .map_err(|e| crate::locale::write_error(lang, &e))
        });
    }

    /// Writes the request letter for blanks with the figures the dashboard shows (its as-of
    /// day), numbered as typed beside the button and dated the day it is written (the as-of day
    /// where that is later: never before its figures), on a thread of its own.
    pub(super) fn write_letter(&mut self, out: &Path) {
        let Some(view) = self.view() else { return };
        let lang = self.lang();
        let (data, summary, out) = (
            Arc::clone(&view.data),
            view.summary.clone(),
            out.to_path_buf(),
        );
        let number = self.letter_number.trim().to_string();
        self.start_task(out.clone(), move || {
            let request = crate::domain::request::blank_request(&data, &summary);
            let dated = crate::clock::today().max(summary.as_of);
            crate::io::letter::write_letter(&data, &request, &number, dated, lang, &out)
                .map(|()| format!("{}: {}", lang.tr().exported, out.display()))
                .map_err(|e| crate::locale::write_error(lang, &e))
        });
    }

    /// Writes a backup of the open database (SQLite's online backup, safe while it is open),
    /// on a thread of its own.
    pub(super) fn backup(&mut self, out: &Path) {
        let Some(view) = self.view() else { return };
        let (lang, db, out) = (self.lang(), view.path.clone(), out.to_path_buf());
        self.start_task(out.clone(), move || {
            crate::store::backup::backup(&db, &out)
                .map(|()| format!("{} {}", lang.tr().backup_written, out.display()))
                .map_err(|e| store_error(lang, &e))
        });
    }

    /// Keeps one backup a day of the open database in the local data folder, the last 14.
    pub(super) fn daily_backup(&self, db: &Path) {
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
}

/// Deletes all but the newest `keep` automatic backups of `stem` in `folder`.
pub(super) fn prune_backups(folder: &Path, stem: &str, keep: usize) {
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

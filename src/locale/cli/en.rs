//! What the commands print, in English.

use super::*;

pub(super) fn said(said: &Said) -> String {
    let n = |x: u64| count(Lang::En, x);
    match said {
        Said::DemoCreated {
            path,
            units,
            reports,
            events,
        } => format!(
            "created {} — illustrative Sampang data, {units} units, {reports} daily reports, \
             {events} stock events",
            path.display()
        ),
        Said::DemoTotals {
            on,
            recorded,
            printed,
            wajib_ktp,
        } => format!(
            "on {on}: recorded {}, printed {}, wajib KTP {}",
            n(*recorded),
            n(*printed),
            n(*wajib_ktp)
        ),
        Said::Refused {
            problems,
            file,
            creating,
        } => format!(
            "refused: {} problem(s) in {}; {}",
            n(*problems as u64),
            file.display(),
            if *creating {
                "nothing created"
            } else {
                "nothing imported"
            }
        ),
        Said::Created {
            path,
            office,
            units,
            targets,
            from,
        } => format!(
            "created {} for {office} with {} units: {}{}",
            path.display(),
            units.len(),
            units.join(", "),
            match targets {
                0 => String::new(),
                t => format!("; wajib KTP of {t} unit(s) in force from {from}"),
            }
        ),
        Said::ReportSaved { at, saved } => format!(
            "{at}: {}",
            match saved {
                Saved::Inserted => "saved new report",
                Saved::Updated => "updated report",
                Saved::Unchanged => "unchanged (the same values are already stored)",
            }
        ),
        Said::ReportDeleted { at, counts } => format!(
            "{at}: report deleted (recorded {}, sent {}, printed {}, suket {})",
            n(counts.recorded),
            n(counts.sent_to_central),
            n(counts.printed),
            n(counts.suket_issued)
        ),
        Said::NoReportToDelete(at) => {
            format!("{at}: no report on that day; nothing deleted")
        }
        Said::OutlierKept { at, outlier, note } => format!(
            "{at}: note: {}; saved with the note \"{note}\"",
            crate::locale::outlier(Lang::En, outlier)
        ),
        Said::StockBooked {
            date,
            cause,
            id,
            balance,
        } => format!(
            "{date}: booked {cause} (#{id}); blanks in stock at the end of the day: {}",
            balance.map(n).unwrap_or_else(|| "unknown".into())
        ),
        Said::UnitAdded(name) => format!("unit {name}: added"),
        Said::UnitRenamed { name, to } => format!("unit {name}: renamed to {to}"),
        Said::UnitDeactivated(name) => format!("unit {name}: deactivated; its data is kept"),
        Said::UnitActivated(name) => format!("unit {name}: active"),
        Said::TargetSet { at, wajib_ktp } => {
            format!("{at}: wajib KTP {} from this day on", n(*wajib_ktp))
        }
        Said::ConfirmTargets(count) => format!(
            "{count} target(s) not saved, as they look like typos; if they are right, run again \
             with --confirm"
        ),
        Said::TargetsSet(units) => format!("targets set for {units} unit(s)"),
        Said::DeadlineSet { decided, deadline } => {
            format!("{decided}: the deadline is {deadline} from this decision on")
        }
        Said::DecisionRemoved(decided) => format!("{decided}: decision removed"),
        Said::OpeningNeeds { unit, missing } => format!(
            "{unit} has no opening totals yet: give {} too; nothing was saved",
            missing.join(", ")
        ),
        Said::DecisionExists { decided, kept } => format!(
            "{decided}: a decision of that day already set the deadline to {kept}; nothing \
             changed (--replace to replace it)"
        ),
        Said::NoDecision(decided) => {
            format!("--decided {decided}: there is no decision taken on that day")
        }
        Said::PrrCounted(true) => "this office now counts PRR, DUP and Efac every day".into(),
        Said::PrrCounted(false) => {
            "this office no longer counts PRR every day; the figures stay".into()
        }
        Said::PrrStartSet { at, counts } => format!(
            "{at}: PRR start {}, DUP {}, Efac {}, Efac retaken {}",
            n(counts.prr),
            n(counts.dup),
            n(counts.efac),
            n(counts.efac_retaken)
        ),
        Said::OpeningsSet(units) => format!("opening totals set for {units} unit(s)"),
        Said::OpeningSet { at, counts } => format!(
            "{at}: opening totals recorded {}, sent {}, printed {}, suket {}",
            n(counts.recorded),
            n(counts.sent_to_central),
            n(counts.printed),
            n(counts.suket_issued)
        ),
        Said::HolidayNeedsName => "--name: a holiday needs a name".into(),
        Said::HolidaySet { date, name, kind } => format!(
            "{date}: {name} ({}) is not a working day",
            holiday_kind(Lang::En, *kind)
        ),
        Said::HolidayRemoved(date) => format!("{date}: removed from the holidays"),
        Said::HolidaysImported { new, changed } => {
            format!("holidays imported: {new} new, {changed} renamed")
        }
        Said::HolidayYearsAdded([]) => {
            "the calendar already has holidays in every year this program ships; nothing added"
                .to_string()
        }
        Said::HolidayYearsAdded(years) => {
            format!("national holidays added for {}", years_list(years))
        }
        Said::NoHoliday(date) => format!("{date}: there is no holiday on this date"),
        Said::DeliveryAnnounced {
            expected,
            quantity,
            id,
            announced,
        } => format!(
            "{expected}: {} blanks expected (#{id}, announced {announced})",
            n(*quantity)
        ),
        Said::DeliveryRemoved(id) => format!("announced delivery #{id} removed"),
        Said::NoDelivery(id) => format!("there is no announced delivery #{id}"),
        Said::SeasonSet {
            from,
            to,
            factor,
            id,
        } => format!(
            "{from} to {to}: work at {} of the usual pace (#{id})",
            plain(Lang::En, *factor)
        ),
        Said::SeasonRemoved(id) => format!("period #{id} removed"),
        Said::NoSeason(id) => format!("there is no period #{id}"),
        Said::UnexplainedOutlier { at, outlier } => format!(
            "warning: {at}: {}; there is no note that explains it",
            crate::locale::outlier(Lang::En, outlier)
        ),
        Said::CheckPassed {
            path,
            units,
            reports,
            events,
            unexplained,
        } => format!(
            "{}: ok — file intact; {units} units, {reports} daily reports, {events} stock events \
             obey every rule{}",
            path.display(),
            match unexplained {
                0 => String::new(),
                u => format!(" ({u} outlier(s) without a note, listed above as warnings)"),
            }
        ),
        Said::CheckFailed { path, problems } => {
            format!("{}: {problems} problem(s) found", path.display())
        }
        Said::Characters(length) => format!("({} characters)", n(*length as u64)),
        Said::AuditEmpty => "the audit trail is empty".into(),
        Said::WindowAndTrials { min } => {
            format!("--window must be at least {min} and --trials at least 1")
        }
        Said::Window { min } => format!("--window must be at least {min}"),
        Said::NoReports(path) => format!(
            "{}: no daily reports yet, so there is no forecast to show",
            path.display()
        ),
        Said::FromAfterTo { from, to } => format!("--from {from} is after --to {to}"),
        Said::BackedUp { db, out } => {
            format!("{}: backed up to {}", db.display(), out.display())
        }
        Said::Restored { db, from } => {
            format!("{}: restored from {}", db.display(), from.display())
        }
        Said::CheckingRows { done, total } => format!("checking rows: {done}/{total}"),
        Said::ComputingSlip { done, total } => {
            format!("computing the forecast history: {done}/{total}")
        }
        Said::ImportStopped => "the import stopped unexpectedly; nothing was written".into(),
        Said::MoreNotes(more) => format!("… and {} more notes", n(*more as u64)),
        Said::MoreProblems(more) => format!("… and {} more problems", n(*more as u64)),
        Said::Flagged {
            file,
            sheet,
            row,
            unit,
            date,
            outlier,
        } => format!(
            "warning: {file}{}, row {row}: {unit} {date}: {}; no note — flagged for review",
            sheet.map(|s| format!(", sheet {s}")).unwrap_or_default(),
            crate::locale::outlier(Lang::En, outlier)
        ),
        Said::MoreFlagged(more) => format!(
            "warning: … and {more} more outliers without a note (pantau check lists them all)"
        ),
        Said::WouldImport { counts } => format!("would import: {counts}"),
        Said::Imported { counts } => format!("imported: {counts}"),
        Said::ExportType(path) => {
            format!(
                "--out {}: export writes .xlsx or .csv files",
                path.display()
            )
        }
        Said::Exported { path, rows } => format!(
            "{}: {} daily reports exported",
            path.display(),
            n(*rows as u64)
        ),
        Said::OpeningsExported { path, units } => {
            format!("{}: opening totals of {units} unit(s)", path.display())
        }
        Said::SlipWindowOnly => "--from and --to apply to --kind slip only".into(),
        Said::FromNotBeforeTo { from, to } => {
            format!("--from ({from}) must be before --to ({to})")
        }
        Said::ChartWritten(path) => format!("{}: chart written (2000 × 1200)", path.display()),
        Said::ReportWritten { path, pages } => {
            format!("{}: report written ({pages} pages)", path.display())
        }
        Said::LetterWritten { path, quantity } => format!(
            "{}: request letter written ({} blanks asked for)",
            path.display(),
            n(*quantity)
        ),
        Said::NoDataFolder => {
            "no home folder found for the default database; give one with --db FILE".into()
        }
        Said::DataFolder(path) => format!("cannot create the data folder {}", path.display()),
        Said::BadDate { flag, text } => {
            format!("{flag}: {}", crate::locale::not_a_date(Lang::En, text))
        }
        Said::SummaryTitle { office, as_of } => {
            format!("{office} — as of {}", date_short(Lang::En, *as_of))
        }
        Said::DeadlineInForce { deadline, decided } => match decided {
            Some(decided) => format!(
                "Deadline in force: {} (decided {})",
                date_short(Lang::En, *deadline),
                date_short(Lang::En, *decided)
            ),
            None => format!("Deadline in force: {}", date_short(Lang::En, *deadline)),
        },
        Said::NoDeadline => "No deadline yet".into(),
        Said::StockUnknown => {
            "Blank cards: not known yet (no receipt or physical count yet)".into()
        }
        Said::StockOut {
            print_rate,
            stockout_days,
            known_since,
            since,
        } => format!(
            "Blank cards: none left{} (printing {} a day on average)\n{}",
            since
                .map(|d| format!(" since {}", date_short(Lang::En, d)))
                .unwrap_or_default(),
            n(*print_rate),
            super::super::stockout_total(Lang::En, *known_since, *stockout_days)
        ),
        Said::StockOnHand {
            on_hand,
            days_of_stock,
            print_rate,
            stockout_days,
            known_since,
        } => format!(
            "Blank cards: {} ({}; printing {} a day on average)\n{}",
            n(*on_hand),
            match days_of_stock {
                Some(days) => format!("enough for {} more working days", decimal(Lang::En, *days)),
                None => "nothing printed in the last 14 working days".into(),
            },
            n(*print_rate),
            super::super::stockout_total(Lang::En, *known_since, *stockout_days)
        ),
        Said::ForecastTitle(as_of) => {
            format!("Forecast as of {}", date_short(Lang::En, *as_of))
        }
        Said::LimitedBy {
            printing,
            constraint,
        } => format!(
            "{}: limited by {constraint}",
            if *printing { "Printing" } else { "Recording" }
        ),
        Said::NoDateBecause(reason) => format!("  no date: {reason}"),
        Said::Behind {
            behind,
            all,
            slowest,
        } => {
            let names: Vec<String> = slowest
                .iter()
                .map(|(name, share)| match share {
                    Some(s) => format!("{name} ({} of the need)", percent(Lang::En, s * 100.0)),
                    None => name.to_string(),
                })
                .collect();
            let mut line = format!("Behind the deadline: {behind} of {all} kecamatan");
            if !names.is_empty() {
                line.push_str(&format!("; furthest behind: {}", names.join(", ")));
            }
            line
        }
        Said::ForecastBasis {
            blanks,
            window_days,
            trials,
        } => format!(
            "Blank cards: {blanks}\nBasis: the last {window_days} working days, {} Monte Carlo \
             trials",
            n(*trials as u64)
        ),
        Said::BacktestScored(scored) => {
            format!("Backtest: {scored} forecasts whose milestone was later reached")
        }
        Said::BacktestP85(share) => {
            format!("  actual date ≤ P85: {}", percent(Lang::En, share * 100.0))
        }
        Said::BacktestP50(share) => {
            format!("  actual date ≤ P50: {}", percent(Lang::En, share * 100.0))
        }
        Said::BacktestMedianError(days) => format!(
            "  median P50 error: {} working days",
            decimal(Lang::En, *days)
        ),
        Said::Note(note) => format!("note: {note}"),
        Said::BacktestHorizons => "Rolling-origin backtest: from every working day, the \
                                   cumulative totals 20, 60 and 120 working days ahead were \
                                   forecast and compared with what happened; the P15–P85 band \
                                   should hold about 70 %, the error is in percent of the work \
                                   actually done"
            .into(),
        Said::BacktestNothing => "Backtest: no milestone has been reached in the data, so no \
                                  forecast can be scored yet (n = 0)"
            .into(),
    }
}

//! One function per subcommand: parse the raw arguments into domain values once, call the
//! store, print the outcome in the chosen language (`crate::locale::cli`). Grouped as the help
//! groups them: setting up and looking after the file, daily entry and exchange of files, the
//! reference data (units, targets, deadlines, …), and what the head of office reads.

mod access;
mod entry;
mod exchange;
mod hub;
mod prr;
mod reference;
mod setup;
mod view;

use std::path::Path;

use anyhow::{Result, bail};
use chrono::NaiveDate;

pub use access::{account, approve, lock, set_login};
pub(crate) use access::{open_reader, open_store};
pub use entry::{add_report, delete_report, export, import, stock};
pub use exchange::exchange;
pub use hub::hub;
pub use prr::prr;
pub use reference::{deadline, delivery, holiday, opening, season, target, unit};
pub use setup::{audit, backup_db, check, demo, init, restore_db};
pub use view::{LetterArgs, backtest, chart, forecast, letter, report, slip, summary};

use crate::domain::calendar::parse_date;
use crate::domain::rules::{self, Place};
use crate::locale::Lang;
use crate::locale::cli::{Said, said};
use crate::store::{self, Store};

fn today() -> NaiveDate {
    crate::clock::today()
}

/// Prints one line of what happened.
fn say(lang: Lang, what: &Said) {
    println!("{}", said(lang, what));
}

/// A refusal in the chosen language.
fn refusal(lang: Lang, what: &Said) -> anyhow::Error {
    anyhow::anyhow!("{}", said(lang, what))
}

fn date_arg(lang: Lang, flag: &str, text: &str) -> Result<NaiveDate> {
    parse_date(text).map_err(|_| refusal(lang, &Said::BadDate { flag, text }))
}

fn count_arg(at: &Place, field: &'static str, text: &str) -> Result<u64> {
    Ok(rules::parse_count_at(at, field, text)?)
}

/// The `--as-of` date, or the last date with data (today at the latest).
fn as_of_arg(lang: Lang, data: &crate::domain::Dataset, as_of: Option<&str>) -> Result<NaiveDate> {
    Ok(match as_of {
        Some(text) => date_arg(lang, "--as-of", text)?,
        None => data.last_activity().unwrap_or_else(today).min(today()),
    })
}

/// Prints a file's problems, one a line, and refuses; nothing was written.
fn refuse_problems(
    lang: Lang,
    problems: &crate::io::import::Problems,
    input: &Path,
    creating: bool,
) -> Result<()> {
    if problems.is_empty() {
        return Ok(());
    }
    show_problems(lang, &problems.first, problems.count);
    bail!(
        "{}",
        said(
            lang,
            &Said::Refused {
                problems: problems.count,
                file: input,
                creating,
            }
        )
    );
}

/// The first [`SHOWN_PROBLEMS`](crate::io::import::SHOWN_PROBLEMS) problems with file, row
/// and column, then how many more there are.
fn show_problems(lang: Lang, first: &[crate::io::import::Problem], count: usize) {
    let shown = crate::io::import::SHOWN_PROBLEMS;
    for problem in first.iter().take(shown) {
        println!("{}", crate::locale::problem(lang, problem));
    }
    if count > shown {
        say(lang, &Said::MoreProblems(count - shown));
    }
}

fn check_window(lang: Lang, window: usize) -> Result<()> {
    let min = crate::forecast::MIN_WINDOW_DAYS;
    if window < min {
        return Err(refusal(lang, &Said::Window { min }));
    }
    Ok(())
}

/// Opens the database to read, and to write the forecast cache where no other Pantau has it
/// open for writing.
fn open_for_cache(path: &Path) -> Result<(Store, bool)> {
    match Store::open(path) {
        Ok(mut store) => {
            access::log_in(&mut store)?;
            Ok((store, true))
        }
        Err(store::StoreError::Locked { .. }) => Ok((open_reader(path)?, false)),
        Err(other) => Err(other.into()),
    }
}

/// The whole slip history, from the cache where it is current; saves what it computed. Shows
/// progress on a terminal when asked.
fn slip_history(
    lang: Lang,
    store: &mut Store,
    writable: bool,
    data: &crate::domain::Dataset,
    dates: Option<Vec<NaiveDate>>,
    window: usize,
    progress: bool,
) -> Result<Vec<crate::forecast::Forecast>> {
    use crate::forecast::slip::{SlipJob, slip_dates, slip_params};
    use std::io::IsTerminal;
    let history = std::sync::Arc::new(crate::forecast::History::new(data));
    let params = slip_params(window);
    let cache = store.forecast_cache(&params.cache_key())?;
    let dates = dates.unwrap_or_else(|| slip_dates(&history, NaiveDate::MIN, NaiveDate::MAX));
    let job = SlipJob::spawn(history, dates, params, cache);
    let show = progress && std::io::stderr().is_terminal();
    while !job.is_finished() {
        if show {
            let (done, total) = job.progress();
            eprint!("\r{}", said(lang, &Said::ComputingSlip { done, total }));
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    if show {
        eprintln!();
    }
    let entries = job.join()?;
    if writable {
        let rows: Vec<_> = entries
            .iter()
            .filter(|e| e.computed)
            .filter_map(|e| e.cache_row())
            .collect();
        store.save_forecast_cache(&params.cache_key(), &rows)?;
    }
    Ok(entries.into_iter().map(|e| e.forecast).collect())
}

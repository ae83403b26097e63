//! The headless command line (`pantau demo`, `init`, `summary`, `add-report`, `stock`, …): the
//! commands are in `args`, what each does in `commands`. Exit codes: 0 success, 1 refused input or unusable database (nothing written),
//! 2 wrong usage.

mod args;
mod commands;
mod table;

use std::path::PathBuf;

use anyhow::{Context, Result};

pub use args::*;

use crate::locale::Lang;

pub fn run(cli: Cli) -> Result<()> {
    let lang = match cli.lang {
        LangArg::Id => Lang::Id,
        LangArg::En => Lang::En,
    };
    run_in(lang, cli).map_err(|error| localized(lang, error))
}

/// A store's or a rule's refusal in the chosen language; other errors as they are.
fn localized(lang: Lang, error: anyhow::Error) -> anyhow::Error {
    if let Some(e) = error.downcast_ref::<crate::store::StoreError>() {
        let said = crate::locale::store_error(lang, e);
        return match crate::locale::cli_advice(lang, e) {
            Some(advice) => anyhow::anyhow!("{said} {advice}"),
            None => anyhow::anyhow!("{said}"),
        };
    }
    if let Some(e) = error.downcast_ref::<crate::exchange::ExchangeError>() {
        return anyhow::anyhow!("{}", crate::locale::exchange::error(lang, e));
    }
    if let Some(e) = error.downcast_ref::<crate::hub::HubError>() {
        return anyhow::anyhow!("{}", crate::locale::hub::error(lang, e));
    }
    if let Some(v) = error.downcast_ref::<crate::domain::RuleViolation>() {
        return anyhow::anyhow!("{}", crate::locale::violation(lang, v));
    }
    error
}

fn run_in(lang: Lang, cli: Cli) -> Result<()> {
    if cli.command.is_some() && (cli.demo || cli.file.is_some() || cli.hub.is_some()) {
        use clap::CommandFactory;
        Cli::command()
            .error(
                clap::error::ErrorKind::ArgumentConflict,
                "--demo and FILE open the window; they do not go with a command",
            )
            .exit();
    }
    commands::set_login(cli.user.clone());
    let Some(command) = cli.command else {
        return crate::ui::run(crate::ui::Start {
            file: cli.file,
            demo: cli.demo,
            hub: cli.hub.map(|url| (url, cli.province)),
        });
    };
    match command {
        Command::Demo { db, force } => commands::demo(lang, &db_path(lang, db, DEMO_FILE)?, force),
        Command::Init { db, office, units } => commands::init(
            lang,
            &db_path(lang, db, DEFAULT_FILE)?,
            &office,
            units.as_deref(),
        ),
        Command::Summary { db, as_of, json } => commands::summary(
            lang,
            &db_path(lang, db, DEFAULT_FILE)?,
            as_of.as_deref(),
            json,
        ),
        Command::Forecast {
            db,
            as_of,
            window,
            trials,
            json,
        } => commands::forecast(
            lang,
            &db_path(lang, db, DEFAULT_FILE)?,
            as_of.as_deref(),
            crate::forecast::ForecastParams {
                window_days: window,
                trials,
            },
            json,
        ),
        Command::Slip {
            db,
            from,
            to,
            window,
            csv,
        } => commands::slip(
            lang,
            &db_path(lang, db, DEFAULT_FILE)?,
            from.as_deref(),
            to.as_deref(),
            window,
            csv,
        ),
        Command::Backtest { db, window, json } => {
            commands::backtest(lang, &db_path(lang, db, DEFAULT_FILE)?, window, json)
        }
        Command::AddReport(args) => {
            commands::add_report(lang, &db_path(lang, args.db.clone(), DEFAULT_FILE)?, &args)
        }
        Command::DeleteReport { db, unit, date } => {
            commands::delete_report(lang, &db_path(lang, db, DEFAULT_FILE)?, &unit, &date)
        }
        Command::Stock(args) => {
            commands::stock(lang, &db_path(lang, args.db.clone(), DEFAULT_FILE)?, &args)
        }
        Command::Unit(args) => commands::unit(
            lang,
            &db_path(lang, args.db.clone(), DEFAULT_FILE)?,
            args.action,
        ),
        Command::Target(args) => commands::target(
            lang,
            &db_path(lang, args.db.clone(), DEFAULT_FILE)?,
            args.action,
        ),
        Command::Deadline(args) => commands::deadline(
            lang,
            &db_path(lang, args.db.clone(), DEFAULT_FILE)?,
            args.action,
        ),
        Command::Opening(args) => commands::opening(
            lang,
            &db_path(lang, args.db.clone(), DEFAULT_FILE)?,
            args.action,
        ),
        Command::Prr(args) => commands::prr(
            lang,
            &db_path(lang, args.db.clone(), DEFAULT_FILE)?,
            args.action,
        ),
        Command::Holiday(args) => commands::holiday(
            lang,
            &db_path(lang, args.db.clone(), DEFAULT_FILE)?,
            args.action,
        ),
        Command::Delivery(args) => commands::delivery(
            lang,
            &db_path(lang, args.db.clone(), DEFAULT_FILE)?,
            args.action,
        ),
        Command::Season(args) => commands::season(
            lang,
            &db_path(lang, args.db.clone(), DEFAULT_FILE)?,
            args.action,
        ),
        Command::Import {
            db,
            input,
            dry_run,
            kind,
            cumulative,
            month,
        } => commands::import(
            lang,
            &db_path(lang, db, DEFAULT_FILE)?,
            &input,
            dry_run,
            kind,
            (cumulative, month.as_deref()),
        ),
        Command::Export { db, out, from, to } => commands::export(
            lang,
            &db_path(lang, db, DEFAULT_FILE)?,
            &out,
            from.as_deref(),
            to.as_deref(),
        ),
        Command::Chart {
            db,
            kind,
            out,
            as_of,
            from,
            to,
        } => commands::chart(
            lang,
            &db_path(lang, db, DEFAULT_FILE)?,
            kind,
            &out,
            as_of.as_deref(),
            (from.as_deref(), to.as_deref()),
        ),
        Command::Letter {
            db,
            out,
            as_of,
            number,
            date,
            json,
        } => commands::letter(
            lang,
            &db_path(lang, db, DEFAULT_FILE)?,
            &out,
            commands::LetterArgs {
                as_of: as_of.as_deref(),
                number: &number,
                date: date.as_deref(),
                json,
            },
        ),
        Command::Report { db, out, as_of } => commands::report(
            lang,
            &db_path(lang, db, DEFAULT_FILE)?,
            &out,
            as_of.as_deref(),
        ),
        Command::Backup { db, out } => {
            commands::backup_db(lang, &db_path(lang, db, DEFAULT_FILE)?, &out)
        }
        Command::Restore { from, db, force } => {
            commands::restore_db(lang, &from, &db_path(lang, db, DEFAULT_FILE)?, force)
        }
        Command::Check { db } => commands::check(lang, &db_path(lang, db, DEFAULT_FILE)?),
        Command::Account { db, action } => {
            commands::account(lang, &db_path(lang, db, DEFAULT_FILE)?, action)
        }
        Command::Approve { db, month, unit } => commands::approve(
            lang,
            &db_path(lang, db, DEFAULT_FILE)?,
            &month,
            unit.as_deref(),
            None,
        ),
        Command::Unapprove {
            db,
            month,
            unit,
            reason,
        } => commands::approve(
            lang,
            &db_path(lang, db, DEFAULT_FILE)?,
            &month,
            unit.as_deref(),
            Some(&reason),
        ),
        Command::Lock { db, action } => {
            commands::lock(lang, &db_path(lang, db, DEFAULT_FILE)?, action)
        }
        Command::Audit { db, limit } => {
            commands::audit(lang, &db_path(lang, db, DEFAULT_FILE)?, limit)
        }
        Command::Completions { shell } => {
            use clap::CommandFactory;
            clap_complete::generate(shell, &mut Cli::command(), "pantau", &mut std::io::stdout());
            Ok(())
        }
        Command::Man => {
            use clap::CommandFactory;
            clap_mangen::Man::new(Cli::command()).render(&mut std::io::stdout())?;
            Ok(())
        }
        Command::Hub { action } => {
            commands::hub(lang, action, &|db| db_path(lang, db, DEFAULT_FILE))
        }
        Command::Exchange(args) => commands::exchange(
            lang,
            &db_path(lang, args.db.clone(), DEFAULT_FILE)?,
            args.action,
        ),
    }
}

const DEFAULT_FILE: &str = "pantau.pantau";
const DEMO_FILE: &str = "demo-sampang.pantau";

/// The database named on the command line, or `file` in the platform's local data folder
/// (never a roaming or network folder: SQLite's WAL needs a local disk).
fn db_path(lang: Lang, given: Option<PathBuf>, file: &str) -> Result<PathBuf> {
    use crate::locale::cli::{Said, said};
    if let Some(path) = given {
        return Ok(path);
    }
    let dirs = directories::ProjectDirs::from("id", "", "Pantau")
        .with_context(|| said(lang, &Said::NoDataFolder))?;
    let folder = dirs.data_local_dir();
    std::fs::create_dir_all(folder).with_context(|| said(lang, &Said::DataFolder(folder)))?;
    Ok(folder.join(file))
}

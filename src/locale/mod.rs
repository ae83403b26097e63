//! All text a user reads, in one place: Indonesian (the default) and English. The app, the CLI,
//! the PDF report, the PNG charts and the exports take their words, numbers and dates from here;
//! the domain and the forecast return values, and this layer turns them into sentences.

pub mod access;
pub mod charts;
pub mod cli;
mod en;
pub mod exchange;
pub mod fmt;
mod forecast;
pub mod hub;
mod id;
mod import;
pub mod letter;
mod messages;
mod tr;
mod workbook;

use serde::{Deserialize, Serialize};

pub use en::EN;
pub use forecast::{
    AccuracyWords, accuracy_words, blank_supply, constraint, coverage_cell, coverage_heading,
    milestone_sentence, pace_blanks, pace_title, reading_note, stage,
};
pub use id::ID;
pub use import::{issue as import_issue, note as import_note, read_issue};
pub use messages::{
    cli_advice, field_name, not_a_date, outage_cause, outlier, problem, stage_name, stock_cause,
    stock_kind, store_error, target_doubts, violation, write_error,
};
pub use tr::Tr;
pub use workbook::{WorkbookWords, workbook};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Id,
    En,
}

impl Lang {
    pub fn tr(self) -> &'static Tr {
        match self {
            Lang::Id => &ID,
            Lang::En => &EN,
        }
    }
}

/// How long the blanks on hand last, as the dashboard's tile and the Blangko screen say it:
/// unknown, out since a day, enough for some working days, or no printing of late.
pub fn stock_lasts(lang: Lang, stock: &crate::domain::summary::StockSummary) -> String {
    let tr = lang.tr();
    match (stock.on_hand, stock.stock_lasts_working_days) {
        (None, _) => tr.days_of_stock_unknown.to_string(),
        (Some(on_hand), _) if on_hand <= 0 => match stock.stockout_since {
            Some(since) => (tr.out_of_stock_since)(&fmt::date_short(lang, since)),
            None => tr.out_of_stock.to_string(),
        },
        (Some(_), Some(days)) => (tr.days_of_stock)(&fmt::decimal(lang, days)),
        (Some(_), None) => tr.no_recent_printing.to_string(),
    }
}

/// The working days without blanks in all, counted from the day stock became known, as the
/// dashboard, the Blangko screen and the CLI say it: "Total hari kerja tanpa blangko sejak
/// 4 Jan 2016: 211".
pub fn stockout_total(lang: Lang, known_since: Option<chrono::NaiveDate>, days: usize) -> String {
    let since = known_since.map(|day| fmt::date_short(lang, day));
    format!("{}: {days}", (lang.tr().stockout_days)(since.as_deref()))
}

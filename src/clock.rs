//! The one clock: what day it is for the rules, the app, the CLI and the exports. The
//! environment variable `PANTAU_TODAY=YYYY-MM-DD` sets it — for tests, for demonstrations of a
//! past day, and for a PC whose clock is wrong. The audit trail keeps the real time.

use chrono::NaiveDate;

/// Today, from `PANTAU_TODAY` when it holds a date, else from the system clock.
pub fn today() -> NaiveDate {
    std::env::var("PANTAU_TODAY")
        .ok()
        .and_then(|text| NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok())
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}

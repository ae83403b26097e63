//! Blanks asked for on time: when the stock will fall to the office's reorder threshold, and
//! how many blanks to ask the centre for. The centre allocates blanks by a district's
//! print-ready records (PRR), so the request is the PRR waiting for blanks plus some days of
//! printing, less the stock on hand and the deliveries the centre has already announced and not
//! yet made, rounded up as the office sets.
//!
//! Every figure comes from the [`Summary`] of the same day, the one the dashboard shows.

use chrono::NaiveDate;
use serde::Serialize;

use super::Dataset;
use super::summary::Summary;

/// What the request counts the blanks needed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestBasis {
    /// The PRR waiting for blanks (the office counts PRR).
    PrrWaiting,
    /// Sent records not printed yet: the office's PRR is unknown.
    SentNotPrinted,
}

/// The request for blanks on a day, and whether it is time to send it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BlankRequest {
    pub as_of: NaiveDate,
    /// Blanks in stock at the end of the day; `None` while the stock is unknown.
    pub on_hand: Option<i64>,
    /// Cards printed a working day, the dashboard's rate (the last 14 working days).
    pub print_rate_per_day: f64,
    pub basis: RequestBasis,
    /// The PRR waiting for blanks, or the sent records not printed where PRR is unknown.
    pub waiting: u64,
    pub buffer_days: usize,
    /// `buffer_days` of printing at the rate, rounded up.
    pub buffer: u64,
    /// Blanks of the deliveries the centre had announced by the as-of day and expects after it:
    /// already coming, so not asked for again.
    pub announced: u64,
    /// How many deliveries `announced` is, and the day the last is expected.
    pub announced_deliveries: usize,
    pub announced_until: Option<NaiveDate>,
    /// waiting + buffer − stock on hand − announced (never below 0).
    pub need: u64,
    /// `need` rounded up to a multiple of `round_to`.
    pub quantity: u64,
    pub round_to: u64,
    pub threshold: u64,
    pub lead_days: usize,
    /// The working day the stock is expected at or under the threshold, where that is within
    /// the lead time (the as-of day itself when it is already there); `None` otherwise or while
    /// the stock is unknown.
    pub crosses_on: Option<NaiveDate>,
}

impl BlankRequest {
    /// Whether the request should go now: the stock reaches the threshold within the time a
    /// delivery takes.
    pub fn due(&self) -> bool {
        self.crosses_on.is_some()
    }
}

/// The request for blanks on the summary's day.
pub fn blank_request(data: &Dataset, summary: &Summary) -> BlankRequest {
    let settings = &data.settings;
    let as_of = summary.as_of;
    let on_hand = summary.stock.on_hand;
    let rate = summary.stock.print_rate_per_day;
    let (basis, waiting) = match &summary.total.centre {
        Some(centre) => (RequestBasis::PrrWaiting, centre.prr_waiting),
        None => (RequestBasis::SentNotPrinted, summary.total.backlog_to_print),
    };
    let buffer_days = settings.request_buffer_days;
    let buffer = (rate * buffer_days as f64).ceil() as u64;
    // The deliveries announced and still to come, as the forecast counts them.
    let coming: Vec<_> = data
        .planned_deliveries
        .iter()
        .filter(|p| p.planned_on <= as_of && p.expected_on > as_of)
        .collect();
    let announced = coming.iter().map(|p| p.quantity).sum::<u64>();
    let need = (waiting + buffer)
        .saturating_sub(on_hand.unwrap_or(0).max(0) as u64)
        .saturating_sub(announced);
    let round_to = settings.request_round_to.max(1);
    let quantity = need.div_ceil(round_to) * round_to;
    let threshold = settings.reorder_threshold;
    let lead_days = settings.reorder_lead_days;
    let crosses_on = on_hand.and_then(|stock| {
        if stock <= threshold as i64 {
            return Some(as_of);
        }
        // Day by day over the lead time: the printing at the rate, the deliveries the centre
        // had announced by the as-of day.
        let mut left = stock as f64;
        let mut day = as_of;
        for _ in 0..lead_days {
            let before = day;
            day = data.calendar.first_working_day_from(day.succ_opt()?);
            left -= rate;
            left += data
                .planned_deliveries
                .iter()
                .filter(|p| p.planned_on <= as_of && p.expected_on > before && p.expected_on <= day)
                .map(|p| p.quantity as f64)
                .sum::<f64>();
            if left <= threshold as f64 {
                return Some(day);
            }
        }
        None
    });
    BlankRequest {
        as_of,
        on_hand,
        print_rate_per_day: rate,
        basis,
        waiting,
        buffer_days,
        buffer,
        announced,
        announced_deliveries: coming.len(),
        announced_until: coming.iter().map(|p| p.expected_on).max(),
        need,
        quantity,
        round_to,
        threshold,
        lead_days,
        crosses_on,
    }
}

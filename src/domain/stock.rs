//! The blank-card stock card: balances derived from the ledger of stock events and the cards
//! printed, as OpenLMIS does it. Stock on hand is unknown until the first receipt or physical
//! count; it is never silently zero.
//!
//! Order within one day: a physical count is taken at the start of the day and replaces the
//! balance; then blanks come in (receipts, borrowed, returned to us), then they go out (spoiled,
//! lent, returned by us), then the day's cards are printed.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::{Calendar, StockEvent, StockEventKind};

/// The stock movements of one day that has any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StockDay {
    pub date: NaiveDate,
    /// Balance at the start of the day (after a count, if one was taken); `None` while unknown.
    pub start: Option<i64>,
    pub inflow: i64,
    pub outflow: i64,
    pub printed: i64,
}

impl StockDay {
    /// Blanks available for printing that day.
    pub fn available_for_printing(&self) -> Option<i64> {
        self.start.map(|s| s + self.inflow - self.outflow)
    }

    /// Balance at the end of the day.
    pub fn closing(&self) -> Option<i64> {
        self.available_for_printing().map(|a| a - self.printed)
    }
}

/// Why the blanks did not suffice on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShortfallKind {
    /// More blanks went out (spoiled, lent, returned) than were there.
    Outflow,
    /// More cards were printed than blanks were left.
    Printing,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shortfall {
    pub date: NaiveDate,
    pub kind: ShortfallKind,
    pub needed: i64,
    pub available: i64,
}

/// The derived stock card.
#[derive(Debug, Clone, Default)]
pub struct StockCard {
    days: Vec<StockDay>,
}

impl StockCard {
    /// Builds the card from the ledger and the cards printed per day (all units together).
    pub fn new(events: &[StockEvent], printed_by_day: &BTreeMap<NaiveDate, u64>) -> StockCard {
        let mut by_day: BTreeMap<NaiveDate, Vec<&StockEvent>> = BTreeMap::new();
        for event in events {
            by_day.entry(event.date).or_default().push(event);
        }
        for date in printed_by_day.keys() {
            by_day.entry(*date).or_default();
        }
        let mut days = Vec::with_capacity(by_day.len());
        let mut balance: Option<i64> = None;
        for (date, events) in by_day {
            let count = events
                .iter()
                .filter(|e| e.kind == StockEventKind::Count)
                .max_by_key(|e| e.id)
                .map(|e| e.quantity as i64);
            let has_receipt = events.iter().any(|e| e.kind == StockEventKind::Receipt);
            // A first receipt makes the stock known: the office starts its stock card there.
            let start = count.or(balance).or(has_receipt.then_some(0));
            let sum = |sign: i64| -> i64 {
                events
                    .iter()
                    .filter(|e| e.kind.direction() == sign)
                    .map(|e| e.quantity as i64)
                    .sum()
            };
            let day = StockDay {
                date,
                start,
                inflow: sum(1),
                outflow: sum(-1),
                printed: printed_by_day.get(&date).copied().unwrap_or(0) as i64,
            };
            balance = day.closing();
            days.push(day);
        }
        StockCard { days }
    }

    /// Days that have a movement, oldest first.
    pub fn days(&self) -> &[StockDay] {
        &self.days
    }

    pub fn day(&self, date: NaiveDate) -> Option<&StockDay> {
        self.days
            .binary_search_by_key(&date, |d| d.date)
            .ok()
            .map(|i| &self.days[i])
    }

    /// The first date on which stock on hand is known.
    pub fn known_since(&self) -> Option<NaiveDate> {
        self.days.iter().find(|d| d.start.is_some()).map(|d| d.date)
    }

    /// Stock on hand at the end of `date`; `None` while unknown.
    pub fn balance_at_end_of(&self, date: NaiveDate) -> Option<i64> {
        let index = self.days.partition_point(|d| d.date <= date);
        index.checked_sub(1).and_then(|i| self.days[i].closing())
    }

    /// The first day, on or after `from`, on which blanks did not suffice.
    pub fn first_shortfall(&self, from: NaiveDate) -> Option<Shortfall> {
        self.days.iter().filter(|d| d.date >= from).find_map(|day| {
            let start = day.start?;
            let before_outflow = start + day.inflow;
            if day.outflow > before_outflow {
                return Some(Shortfall {
                    date: day.date,
                    kind: ShortfallKind::Outflow,
                    needed: day.outflow,
                    available: before_outflow,
                });
            }
            let available = before_outflow - day.outflow;
            (day.printed > available).then_some(Shortfall {
                date: day.date,
                kind: ShortfallKind::Printing,
                needed: day.printed,
                available,
            })
        })
    }

    /// Working days from the day stock became known through `through` whose closing balance
    /// was zero or less.
    pub fn stockout_days(&self, calendar: &Calendar, through: NaiveDate) -> Vec<NaiveDate> {
        let Some(since) = self.known_since() else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut index = 0;
        let mut balance = None;
        for day in calendar.working_days(since, through) {
            while index < self.days.len() && self.days[index].date <= day {
                balance = self.days[index].closing();
                index += 1;
            }
            if balance.is_some_and(|b| b <= 0) {
                out.push(day);
            }
        }
        out
    }
}

/// Average cards printed per working day over the `window` working days ending with `through`.
pub fn print_rate(
    printed_by_day: &BTreeMap<NaiveDate, u64>,
    calendar: &Calendar,
    through: NaiveDate,
    window: usize,
) -> f64 {
    let days = calendar.working_days_through(through, window);
    if days.is_empty() {
        return 0.0;
    }
    let total: u64 = days
        .iter()
        .map(|d| printed_by_day.get(d).copied().unwrap_or(0))
        .sum();
    total as f64 / days.len() as f64
}

/// Days the stock on hand lasts at `rate` cards a day; `None` when either is unknown or the
/// rate is zero (nothing is being used up).
pub fn days_of_stock(on_hand: Option<i64>, rate: f64) -> Option<f64> {
    let on_hand = on_hand?;
    (rate > 0.0).then(|| on_hand.max(0) as f64 / rate)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn event(date: &str, kind: StockEventKind, quantity: u64) -> StockEvent {
        StockEvent {
            id: None,
            date: d(date),
            kind,
            quantity,
            document: String::new(),
            counterparty: String::new(),
            note: String::new(),
        }
    }

    fn printed(days: &[(&str, u64)]) -> BTreeMap<NaiveDate, u64> {
        days.iter().map(|(date, n)| (d(date), *n)).collect()
    }

    #[test]
    fn stock_is_unknown_before_the_first_receipt_or_count() {
        let events = [
            event("2016-01-05", StockEventKind::Borrowed, 100),
            event("2016-01-07", StockEventKind::Receipt, 2000),
        ];
        let card = StockCard::new(
            &events,
            &printed(&[("2016-01-06", 50), ("2016-01-07", 300)]),
        );
        assert_eq!(card.balance_at_end_of(d("2016-01-04")), None);
        assert_eq!(card.balance_at_end_of(d("2016-01-06")), None);
        assert_eq!(card.known_since(), Some(d("2016-01-07")));
        assert_eq!(card.balance_at_end_of(d("2016-01-07")), Some(1700));
        assert_eq!(card.balance_at_end_of(d("2016-02-01")), Some(1700));
    }

    #[test]
    fn a_count_replaces_the_balance_at_the_start_of_its_day() {
        let events = [
            event("2016-01-04", StockEventKind::Receipt, 2000),
            event("2016-01-06", StockEventKind::Count, 1500),
            event("2016-01-06", StockEventKind::Spoiled, 10),
            event("2016-01-06", StockEventKind::Lent, 90),
        ];
        let card = StockCard::new(
            &events,
            &printed(&[("2016-01-05", 300), ("2016-01-06", 400)]),
        );
        assert_eq!(card.balance_at_end_of(d("2016-01-05")), Some(1700));
        assert_eq!(card.balance_at_end_of(d("2016-01-06")), Some(1000));
    }

    #[test]
    fn shortfalls_name_the_day_and_the_numbers() {
        let events = [
            event("2016-01-04", StockEventKind::Receipt, 500),
            event("2016-01-05", StockEventKind::Lent, 300),
        ];
        let card = StockCard::new(&events, &printed(&[("2016-01-05", 250)]));
        assert_eq!(
            card.first_shortfall(d("2016-01-01")),
            Some(Shortfall {
                date: d("2016-01-05"),
                kind: ShortfallKind::Printing,
                needed: 250,
                available: 200
            })
        );
        let card = StockCard::new(&events[..1], &printed(&[("2016-01-05", 250)]));
        assert_eq!(card.first_shortfall(d("2016-01-01")), None);
    }

    #[test]
    fn stockout_days_are_working_days_at_or_below_zero() {
        let events = [
            event("2016-01-04", StockEventKind::Receipt, 600),
            event("2016-01-08", StockEventKind::Receipt, 100),
        ];
        let card = StockCard::new(&events, &printed(&[("2016-01-05", 600)]));
        let calendar = Calendar::default();
        assert_eq!(
            card.stockout_days(&calendar, d("2016-01-11")),
            vec![d("2016-01-05"), d("2016-01-06"), d("2016-01-07")]
        );
    }

    #[test]
    fn days_of_stock_needs_a_known_balance_and_a_rate() {
        assert_eq!(days_of_stock(Some(700), 350.0), Some(2.0));
        assert_eq!(days_of_stock(None, 350.0), None);
        assert_eq!(days_of_stock(Some(700), 0.0), None);
    }
}

//! What the deadline needs: for each stage, the rate per working day that would bring every
//! resident through it by the deadline in force, beside the rate of the forecast's window; and
//! the blanks printing needs by the deadline beside the stock and the announced deliveries.
//!
//! Plain arithmetic on what is known on the as-of day, no simulation: "201.000 still to record
//! in 180 working days needs 1.117 a working day; the last 60 working days recorded 463".

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Inputs;

/// One stage's pace against the deadline.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct StagePace {
    /// Residents still to be recorded or sent, or cards still to be printed.
    pub remaining: u64,
    /// What the deadline needs per working day; `None` when no working day is left before it.
    pub required_per_working_day: Option<f64>,
    /// The mean of the forecast's window.
    pub current_per_working_day: f64,
}

impl StagePace {
    pub(crate) fn new(remaining: u64, working_days_left: usize, current: f64) -> StagePace {
        StagePace {
            remaining,
            required_per_working_day: (remaining == 0 || working_days_left > 0)
                .then(|| remaining as f64 / working_days_left.max(1) as f64),
            current_per_working_day: current,
        }
    }

    /// How many more a working day the deadline needs than the current rate gives; 0 when the
    /// current rate is enough, `None` when the deadline has passed.
    pub fn shortfall_per_working_day(&self) -> Option<f64> {
        self.required_per_working_day
            .map(|r| (r - self.current_per_working_day).max(0.0))
    }

    /// Whether the current rate is enough for the deadline; `None` when it has passed.
    pub fn on_track(&self) -> Option<bool> {
        self.shortfall_per_working_day().map(|s| s <= 0.0)
    }
}

/// The blanks printing needs by the deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlanksNeeded {
    /// Cards still to print: one blank each.
    pub cards: u64,
    /// Blanks in stock on the as-of day.
    pub stock: u64,
    /// Blanks of the deliveries announced for after the as-of day and by the deadline (all of
    /// them once the deadline has passed: then nothing is "by" it).
    pub announced: u64,
    /// Blanks still to ask the centre for: the cards less the stock and the announced ones.
    pub to_request: u64,
}

/// What the deadline in force needs, stage by stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pace {
    pub deadline: NaiveDate,
    /// Working days after the as-of day up to the deadline, the deadline included.
    pub working_days_left: usize,
    /// Working days with reports the current rates are the mean of.
    pub window_days: usize,
    pub recorded: StagePace,
    pub sent: StagePace,
    pub printed: StagePace,
    /// `None` while the blank stock is unknown.
    pub blanks: Option<BlanksNeeded>,
}

/// The pace the deadline in force needs on the as-of day of `inputs`; `None` without a
/// deadline or a wajib-KTP target.
pub fn pace(inputs: &Inputs) -> Option<Pace> {
    let deadline = inputs.deadline?;
    if inputs.wajib_ktp == 0 {
        return None;
    }
    let working_days_left = inputs
        .future
        .iter()
        .take_while(|d| d.date <= deadline)
        .count();
    let window = inputs.window.len();
    let mean = |value: fn(&super::history::Day) -> f64| {
        if window == 0 {
            0.0
        } else {
            inputs.window.iter().map(value).sum::<f64>() / window as f64
        }
    };
    let stage = |done: u64, current: f64| {
        StagePace::new(
            inputs.wajib_ktp.saturating_sub(done),
            working_days_left,
            current,
        )
    };
    let cards = inputs.wajib_ktp.saturating_sub(inputs.printed);
    let blanks = inputs.stock.map(|stock| {
        let stock = stock.max(0) as u64;
        let announced = inputs
            .planned
            .iter()
            .filter(|(date, _)| *date <= deadline || deadline < inputs.as_of)
            .map(|(_, quantity)| quantity)
            .sum::<u64>();
        BlanksNeeded {
            cards,
            stock,
            announced,
            to_request: cards.saturating_sub(stock + announced),
        }
    });
    Some(Pace {
        deadline,
        working_days_left,
        window_days: window,
        recorded: stage(inputs.recorded, mean(|d| d.recorded)),
        sent: stage(inputs.sent, mean(|d| d.sent)),
        printed: stage(inputs.printed, mean(|d| d.printed)),
        blanks,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stage_behind_needs_the_difference_and_one_done_needs_nothing() {
        let behind = StagePace::new(201_000, 180, 463.0);
        assert_eq!(behind.required_per_working_day, Some(201_000.0 / 180.0));
        assert!((behind.shortfall_per_working_day().unwrap() - (1116.67 - 463.0)).abs() < 0.01);
        assert_eq!(behind.on_track(), Some(false));
        let done = StagePace::new(0, 0, 0.0);
        assert_eq!(done.required_per_working_day, Some(0.0));
        assert_eq!(done.on_track(), Some(true));
        let passed = StagePace::new(10, 0, 5.0);
        assert_eq!(passed.required_per_working_day, None);
        assert_eq!(passed.on_track(), None);
    }
}

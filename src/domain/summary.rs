//! Where the office stands on a date: per unit and in total, with the blank stock.

use chrono::NaiveDate;
use serde::Serialize;

use super::dataset::Dataset;
use super::stock::{days_of_stock, print_rate};
use super::{Counts, Deadline, PrrCounts, UnitId};

/// Working days over which the print rate for days of stock is averaged.
pub const PRINT_RATE_WINDOW_DAYS: usize = 14;

/// Progress of one unit, or of all units together.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Progress {
    /// Residents who must hold an e-KTP; `None` where no target is set.
    pub wajib_ktp: Option<u64>,
    pub recorded: u64,
    pub sent_to_central: u64,
    pub printed: u64,
    pub suket_issued: u64,
    pub backlog_to_send: u64,
    pub backlog_to_print: u64,
    /// Recording coverage (cakupan perekaman): recorded as a percentage of wajib KTP.
    pub coverage_pct: Option<f64>,
    /// Printed cards as a percentage of wajib KTP.
    pub printed_pct: Option<f64>,
    /// Sent as a percentage of wajib KTP.
    pub sent_pct: Option<f64>,
    /// Each stage as a share of the one before it, as offices publish them.
    pub of_stage_before: StageShares,
    /// The centre's stage, cumulative; `None` while the unit's PRR is unknown.
    #[serde(flatten)]
    pub centre: Option<CentreStage>,
}

/// Each stage as a percentage of the stage before it; `None` where that stage is 0 or unknown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct StageShares {
    /// Sent as a percentage of recorded.
    pub sent_of_recorded_pct: Option<f64>,
    /// Printed as a percentage of recorded (as Denpasar reported its cards).
    pub printed_of_recorded_pct: Option<f64>,
    /// PRR as a percentage of sent.
    pub prr_of_sent_pct: Option<f64>,
    /// Printed as a percentage of PRR.
    pub printed_of_prr_pct: Option<f64>,
}

/// Cumulative PRR, DUP, Efac and retaken, and what waits on either side of PRR.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CentreStage {
    pub prr: u64,
    pub dup: u64,
    pub efac: u64,
    pub efac_retaken: u64,
    /// Print-ready records not printed yet: waiting for blanks (PRR menunggu cetak).
    pub prr_waiting: u64,
    /// Sent records the centre has not made PRR, DUP or Efac yet: waiting for PRR.
    pub waiting_for_prr: u64,
    /// PRR as a percentage of wajib KTP.
    pub prr_pct: Option<f64>,
}

impl Progress {
    pub fn new(counts: Counts, wajib_ktp: Option<u64>) -> Progress {
        let pct = |n: u64| {
            wajib_ktp
                .filter(|w| *w > 0)
                .map(|w| n as f64 * 100.0 / w as f64)
        };
        Progress {
            wajib_ktp,
            recorded: counts.recorded,
            sent_to_central: counts.sent_to_central,
            printed: counts.printed,
            suket_issued: counts.suket_issued,
            backlog_to_send: counts.backlog_to_send(),
            backlog_to_print: counts.backlog_to_print(),
            coverage_pct: pct(counts.recorded),
            printed_pct: pct(counts.printed),
            sent_pct: pct(counts.sent_to_central),
            of_stage_before: StageShares {
                sent_of_recorded_pct: share(counts.sent_to_central, counts.recorded),
                printed_of_recorded_pct: share(counts.printed, counts.recorded),
                prr_of_sent_pct: None,
                printed_of_prr_pct: None,
            },
            centre: None,
        }
    }

    /// The same progress with the centre's stage, where the cumulative PRR is known.
    pub fn with_prr(mut self, prr: Option<PrrCounts>) -> Progress {
        let Some(p) = prr else {
            return self;
        };
        self.of_stage_before.prr_of_sent_pct = share(p.prr, self.sent_to_central);
        self.of_stage_before.printed_of_prr_pct = share(self.printed, p.prr);
        self.centre = Some(CentreStage {
            prr: p.prr,
            dup: p.dup,
            efac: p.efac,
            efac_retaken: p.efac_retaken,
            prr_waiting: p.prr.saturating_sub(self.printed),
            waiting_for_prr: self.sent_to_central.saturating_sub(p.prr + p.dup + p.efac),
            prr_pct: self
                .wajib_ktp
                .filter(|w| *w > 0)
                .map(|w| p.prr as f64 * 100.0 / w as f64),
        });
        self
    }
}

/// `part` as a percentage of `whole`; `None` when `whole` is 0.
fn share(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| part as f64 * 100.0 / whole as f64)
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitProgress {
    pub id: UnitId,
    pub name: String,
    pub active: bool,
    #[serde(flatten)]
    pub progress: Progress,
}

/// Blank-card stock on the as-of date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StockSummary {
    /// Stock on hand at the end of the day; `None` while unknown.
    pub on_hand: Option<i64>,
    /// How long the stock on hand lasts at the recent print rate; `None` when unknown or when
    /// nothing was printed recently.
    pub stock_lasts_working_days: Option<f64>,
    /// Average cards printed a working day over the last 14 working days.
    pub print_rate_per_day: f64,
    /// Working days with a balance of zero or less, from the day stock became known.
    pub stockout_days: usize,
    /// The first working day of the stockout still going on at the as-of day, if one is.
    pub stockout_since: Option<NaiveDate>,
    pub known_since: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub office: String,
    pub as_of: NaiveDate,
    pub deadline: Option<Deadline>,
    pub total: Progress,
    pub units: Vec<UnitProgress>,
    pub stock: StockSummary,
}

/// One unit's coverage: name, % recorded, % printed.
pub type Coverage<'a> = (&'a str, f64, f64);

impl Summary {
    /// Units with a target, by recording coverage, worst first.
    pub fn coverage_worst_first(&self) -> Vec<Coverage<'_>> {
        let mut units: Vec<Coverage<'_>> = self
            .units
            .iter()
            .filter_map(|u| {
                Some((
                    u.name.as_str(),
                    u.progress.coverage_pct?,
                    u.progress.printed_pct?,
                ))
            })
            .collect();
        units.sort_by(|a, b| a.1.total_cmp(&b.1));
        units
    }
}

/// Computes the summary through `as_of` (inclusive).
pub fn summarize(data: &Dataset, as_of: NaiveDate) -> Summary {
    let mut total_counts = Counts::default();
    let mut total_wajib: Option<u64> = None;
    // Known in total only where every unit's is.
    let mut total_prr = Some(PrrCounts::default());
    let units: Vec<UnitProgress> = data
        .units
        .iter()
        .map(|unit| {
            let counts = data.totals(unit.id, as_of);
            let wajib = data.wajib_ktp(unit.id, as_of);
            let prr = data.prr_totals(unit.id, as_of);
            total_counts.add(&counts);
            total_prr = match (total_prr, prr) {
                (Some(mut sum), Some(p)) => {
                    sum.add(&p);
                    Some(sum)
                }
                _ => None,
            };
            if let Some(w) = wajib {
                total_wajib = Some(total_wajib.unwrap_or(0) + w);
            }
            UnitProgress {
                id: unit.id,
                name: unit.name.clone(),
                active: unit.active,
                progress: Progress::new(counts, wajib).with_prr(prr),
            }
        })
        .collect();
    let printed = data.printed_by_day();
    let card = crate::domain::stock::StockCard::new(&data.stock_events, &printed);
    let on_hand = card.balance_at_end_of(as_of);
    let rate = print_rate(&printed, &data.calendar, as_of, PRINT_RATE_WINDOW_DAYS);
    let out_days = card.stockout_days(&data.calendar, as_of);
    // The run of days without blanks that reaches the as-of day, walked back from it.
    let stockout_since = match (on_hand, card.known_since()) {
        (Some(stock), Some(known)) if stock <= 0 => {
            let out: std::collections::BTreeSet<NaiveDate> = out_days.iter().copied().collect();
            data.calendar
                .working_days(known, as_of)
                .into_iter()
                .rev()
                .take_while(|d| out.contains(d))
                .last()
        }
        _ => None,
    };
    Summary {
        office: data.office.name.clone(),
        as_of,
        deadline: data.deadline_in_force(as_of).cloned(),
        total: Progress::new(total_counts, total_wajib).with_prr(total_prr),
        units,
        stock: StockSummary {
            on_hand,
            stock_lasts_working_days: days_of_stock(on_hand, rate),
            print_rate_per_day: rate,
            stockout_days: out_days.len(),
            stockout_since,
            known_since: card.known_since().filter(|d| *d <= as_of),
        },
    }
}

//! The rules every stored value obeys, one function per rule. The CLI, the entry grid and the
//! importer all call these; a violation names the unit, the date, the field and the numbers.

use std::fmt;

use chrono::NaiveDate;

use super::dataset::{Dataset, Settings};
use super::judge::{Change, OutlierPolicy, judge, outliers_of};
use super::number::{CountParseError, format_en, format_en_signed, parse_count};
use super::stock::{Shortfall, ShortfallKind};
use super::{CountField, Counts, DailyReport, StockEvent, UnitId};

/// Where a value belongs: a unit (if any) and a date. Shown as `Torjun 2016-10-05`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub unit: Option<String>,
    pub date: NaiveDate,
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.unit {
            Some(unit) => write!(f, "{unit} {}", self.date),
            None => write!(f, "{}", self.date),
        }
    }
}

/// Why a value counts as an outlier.
#[derive(Debug, Clone, PartialEq)]
pub enum OutlierReason {
    AboveMedian {
        median: u64,
        factor: f64,
        window_days: usize,
    },
    AboveMaximum {
        maximum: u64,
    },
}

/// A value far outside what the unit usually reports. It is saved only with a note.
#[derive(Debug, Clone, PartialEq)]
pub struct Outlier {
    pub field: CountField,
    pub value: u64,
    pub reason: OutlierReason,
}

impl fmt::Display for Outlier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (field, value) = (self.field.name(), format_en(self.value));
        match &self.reason {
            OutlierReason::AboveMedian {
                median,
                factor,
                window_days,
            } => write!(
                f,
                "{field} {value} is more than {factor}× the median of the last {window_days} \
                 working days with {field} ({})",
                format_en(*median)
            ),
            OutlierReason::AboveMaximum { maximum } => write!(
                f,
                "{field} {value} is above the daily maximum set for {field} ({})",
                format_en(*maximum)
            ),
        }
    }
}

/// A value refused by a rule. Nothing is written when one is found.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RuleViolation {
    #[error("{at}: {field} '{text}' {reason}")]
    BadCount {
        at: Place,
        field: &'static str,
        text: String,
        reason: CountParseError,
    },
    #[error("{at}: the date is in the future (today is {today})")]
    FutureDate { at: Place, today: NaiveDate },
    #[error(
        "{at}: the date is before the unit's opening balance of {opening}; reports start on \
         or after it"
    )]
    BeforeOpening { at: Place, opening: NaiveDate },
    #[error("{}", cumulative_message(.at, *.on, *.field, *.total, *.limit_field, *.limit))]
    Cumulative {
        at: Place,
        /// The first date on which the cumulative rule breaks.
        on: NaiveDate,
        field: CountField,
        total: u64,
        limit_field: CountField,
        limit: u64,
    },
    #[error("{}", shortfall_message(.at, .cause, .shortfall, *.available_to_cause))]
    StockShortfall {
        at: Place,
        /// What was entered, e.g. `printed 1.240` or `lent 500`.
        cause: StockCause,
        shortfall: Shortfall,
        /// Blanks left for the entered value on its own day, where that is what fell short.
        available_to_cause: Option<i64>,
    },
    #[error("{at}: {field} {problem}")]
    BadText {
        at: Place,
        field: &'static str,
        problem: TextProblem,
    },
    #[error("{at}: {outlier}; save it with a note that explains it")]
    OutlierNeedsNote { at: Place, outlier: Outlier },
    #[error("unit '{name}' does not exist; known units: {}", .known.join(", "))]
    UnknownUnit { name: String, known: Vec<String> },
    #[error("{at}: unit {} is inactive; reactivate it before entering reports", .at.unit.as_deref().unwrap_or("?"))]
    InactiveUnit { at: Place },
    #[error("unit name '{name}' is already used")]
    DuplicateUnit { name: String },
    #[error("a unit needs a name")]
    EmptyUnitName,
    #[error("the office needs a name")]
    EmptyOfficeName,
    #[error("{0}")]
    BadSetting(SettingProblem),
    #[error("{at}: {problem}")]
    Invalid { at: Place, problem: Invalid },
}

fn cumulative_message(
    at: &Place,
    on: NaiveDate,
    field: CountField,
    total: u64,
    limit_field: CountField,
    limit: u64,
) -> String {
    let (field, limit_field) = (field.name(), limit_field.name());
    let (total, limit) = (format_en(total), format_en(limit));
    if on == at.date {
        format!("{at}: cumulative {field} {total} would exceed cumulative {limit_field} {limit}")
    } else {
        format!(
            "{at}: this change makes cumulative {field} {total} exceed cumulative {limit_field} \
             {limit} on {on}"
        )
    }
}

fn shortfall_message(
    at: &Place,
    cause: &StockCause,
    shortfall: &Shortfall,
    available_to_cause: Option<i64>,
) -> String {
    if let Some(available) = available_to_cause {
        return format!(
            "{at}: {cause} would exceed blanks in stock ({})",
            format_en_signed(available.max(0))
        );
    }
    let what = match shortfall.kind {
        ShortfallKind::Outflow => "blanks going out",
        ShortfallKind::Printing => "cards printed",
    };
    if *cause == StockCause::Stored {
        return format!(
            "{at}: {what} {} exceed blanks in stock {}",
            format_en_signed(shortfall.needed),
            format_en_signed(shortfall.available.max(0))
        );
    }
    format!(
        "{at}: {cause} would leave too few blanks on {}: {what} {}, blanks in stock {}",
        shortfall.date,
        format_en_signed(shortfall.needed),
        format_en_signed(shortfall.available.max(0))
    )
}

/// A problem found by [`check_dataset`]: a rule that stored data breaks.
pub type Problem = RuleViolation;

/// Reads a count typed for `field` at `at`, with the rule's message when it is not one.
pub fn parse_count_at(at: &Place, field: &'static str, text: &str) -> Result<u64, RuleViolation> {
    parse_count(text).map_err(|reason| RuleViolation::BadCount {
        at: at.clone(),
        field,
        text: text.trim().to_string(),
        reason,
    })
}

/// Dates are not in the future.
pub fn check_not_future(at: &Place, today: NaiveDate) -> Result<(), RuleViolation> {
    if at.date > today {
        return Err(RuleViolation::FutureDate {
            at: at.clone(),
            today,
        });
    }
    Ok(())
}

/// Reads opening totals as typed — recorded, sent, printed, suket — and checks that they obey
/// the cumulative rules among themselves: sent ≤ recorded, printed ≤ sent.
pub fn parse_opening(at: &Place, texts: [&str; 4]) -> Result<super::Counts, RuleViolation> {
    const FIELDS: [&str; 4] = ["recorded", "sent", "printed", "suket"];
    let mut values = [0; 4];
    for (i, text) in texts.into_iter().enumerate() {
        values[i] = parse_count_at(at, FIELDS[i], text)?;
    }
    let [recorded, sent, printed, suket] = values;
    for (field, total, limit_field, limit) in [
        (
            CountField::SentToCentral,
            sent,
            CountField::Recorded,
            recorded,
        ),
        (
            CountField::Printed,
            printed,
            CountField::SentToCentral,
            sent,
        ),
    ] {
        if total > limit {
            return Err(RuleViolation::Cumulative {
                at: at.clone(),
                on: at.date,
                field,
                total,
                limit_field,
                limit,
            });
        }
    }
    Ok(super::Counts {
        recorded,
        sent_to_central: sent,
        printed,
        suket_issued: suket,
    })
}

/// Reports of a unit start on or after its opening balance.
pub fn check_after_opening(data: &Dataset, unit: UnitId, at: &Place) -> Result<(), RuleViolation> {
    match data.openings.get(&unit) {
        Some(opening) if at.date < opening.as_of => Err(RuleViolation::BeforeOpening {
            at: at.clone(),
            opening: opening.as_of,
        }),
        _ => Ok(()),
    }
}

/// Per unit and cumulatively, from `from` on: sent ≤ recorded and printed ≤ sent.
pub fn check_cumulative(
    data: &Dataset,
    unit: UnitId,
    at: &Place,
    from: NaiveDate,
) -> Result<(), RuleViolation> {
    let mut totals: Counts = data
        .openings
        .get(&unit)
        .map(|o| o.counts)
        .unwrap_or_default();
    let pairs = [
        (CountField::SentToCentral, CountField::Recorded),
        (CountField::Printed, CountField::SentToCentral),
    ];
    let opening_date = data.openings.get(&unit).map(|o| o.as_of);
    let check = |totals: &Counts, on: NaiveDate| -> Result<(), RuleViolation> {
        for (field, limit_field) in pairs {
            let (total, limit) = (totals.get(field), totals.get(limit_field));
            if total > limit {
                return Err(RuleViolation::Cumulative {
                    at: at.clone(),
                    on,
                    field,
                    total,
                    limit_field,
                    limit,
                });
            }
        }
        Ok(())
    };
    if let Some(date) = opening_date.filter(|d| *d >= from) {
        check(&totals, date)?;
    }
    for report in data.reports_of(unit) {
        totals.add(&report.counts);
        if report.date >= from {
            check(&totals, report.date)?;
        }
    }
    Ok(())
}

/// Blanks never run below zero, from `from` on, where the stock is known.
pub fn check_stock(
    data: &Dataset,
    at: &Place,
    cause: StockCause,
    own_printing: Option<u64>,
) -> Result<(), RuleViolation> {
    let card = data.stock_card();
    let Some(shortfall) = card.first_shortfall(at.date) else {
        return Ok(());
    };
    // On its own day, a unit's printing competes only with what the other units printed.
    let available_to_cause = match own_printing {
        Some(own) if shortfall.date == at.date && shortfall.kind == ShortfallKind::Printing => {
            Some(shortfall.available - (shortfall.needed - own as i64))
        }
        _ => None,
    };
    Err(RuleViolation::StockShortfall {
        at: at.clone(),
        cause,
        shortfall,
        available_to_cause,
    })
}

/// Values far above the unit's recent median, or above a set maximum.
pub fn outliers(data: &Dataset, report: &DailyReport) -> Vec<Outlier> {
    // Newest first, so that each field takes its most recent active days.
    let mut history: Vec<&Counts> = data
        .calendar
        .working_days_before(report.date, lookback_days(&data.settings))
        .iter()
        .filter_map(|d| data.reports.get(&(report.unit_id, *d)))
        .map(|r| &r.counts)
        .collect();
    history.reverse();
    outliers_against(&data.settings, &report.counts, &history)
}

/// The outliers of `counts` against the unit's earlier reports on working days within the
/// lookback, newest first. [`outliers`] and the batch judge in [`super::judge`] both end here.
pub fn outliers_against(settings: &Settings, counts: &Counts, history: &[&Counts]) -> Vec<Outlier> {
    let mut found = Vec::new();
    for field in CountField::ALL {
        let value = counts.get(field);
        if let Some(&maximum) = settings.max_daily.get(&field)
            && value > maximum
        {
            found.push(Outlier {
                field,
                value,
                reason: OutlierReason::AboveMaximum { maximum },
            });
            continue;
        }
        let active = history
            .iter()
            .map(|c| c.get(field))
            .filter(|v| *v > 0)
            .take(settings.outlier_window_days);
        if let Some(median) = median(active)
            && value as f64 > settings.outlier_factor * median as f64
            && value > median + OUTLIER_MIN_EXCESS
        {
            found.push(Outlier {
                field,
                value,
                reason: OutlierReason::AboveMedian {
                    median,
                    factor: settings.outlier_factor,
                    window_days: settings.outlier_window_days,
                },
            });
        }
    }
    found
}

/// How many working days before a report the outlier rule looks back for active days.
pub fn lookback_days(settings: &Settings) -> usize {
    settings.outlier_window_days * LOOKBACK_FACTOR
}

/// How far back, in multiples of the window, the outlier rule looks for active days.
const LOOKBACK_FACTOR: usize = 6;

/// Fewest active days before a median means anything: a unit's first two weeks set no
/// standard for the days after them.
pub const MIN_HISTORY_DAYS: usize = 10;

/// A value within this much of the median is never an outlier: 4 against a median of 1 is
/// an ordinary small day, not a spike.
pub const OUTLIER_MIN_EXCESS: u64 = 10;

/// Working days with a report among the lookback before `date`: below [`MIN_HISTORY_DAYS`] the
/// unit has no outlier check yet.
pub fn history_days(data: &Dataset, unit: UnitId, date: NaiveDate) -> usize {
    data.calendar
        .working_days_before(date, lookback_days(&data.settings))
        .iter()
        .filter(|d| data.reports.contains_key(&(unit, **d)))
        .count()
}

/// Median of a unit's recent *active* days (a non-zero value): days without any activity (an
/// outage, no blanks) say nothing about what a normal day looks like, and a catch-up after an
/// outage is measured against the days before it.
fn median(values: impl Iterator<Item = u64>) -> Option<u64> {
    let mut values: Vec<u64> = values.collect();
    if values.len() < MIN_HISTORY_DAYS {
        return None;
    }
    values.sort_unstable();
    let mid = values.len() / 2;
    Some(if values.len().is_multiple_of(2) {
        (values[mid - 1] + values[mid]).div_ceil(2)
    } else {
        values[mid]
    })
}

/// Longest note, document or name a clerk can type, in characters.
pub const MAX_TEXT_CHARS: usize = 500;

/// What is wrong with a free text such as a note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextProblem {
    TooLong {
        chars: usize,
    },
    /// A control character (C0, DEL or C1) at a 1-based character position.
    Control {
        position: usize,
        code: u32,
    },
    /// A bidirectional override or isolate that makes text show in another order than stored.
    DirectionOverride {
        position: usize,
        code: u32,
    },
}

impl fmt::Display for TextProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TextProblem::TooLong { chars } => write!(
                f,
                "has {} characters; at most {MAX_TEXT_CHARS} are kept",
                format_en(*chars as u64)
            ),
            TextProblem::Control { position, code } => write!(
                f,
                "holds the control character U+{code:04X} at character {position}; remove it"
            ),
            TextProblem::DirectionOverride { position, code } => write!(
                f,
                "holds the direction override U+{code:04X} at character {position}, which shows \
                 text in another order than it is stored; remove it"
            ),
        }
    }
}

/// A note or other free text: at most [`MAX_TEXT_CHARS`] characters, no control characters,
/// no bidirectional overrides.
pub fn text_problem(text: &str) -> Option<TextProblem> {
    for (index, c) in text.chars().enumerate() {
        let chars = index + 1;
        let code = c as u32;
        if c.is_control() {
            return Some(TextProblem::Control {
                position: chars,
                code,
            });
        }
        if matches!(code, 0x202A..=0x202E | 0x2066..=0x2069) {
            return Some(TextProblem::DirectionOverride {
                position: chars,
                code,
            });
        }
        if chars > MAX_TEXT_CHARS {
            // Count the rest without keeping it.
            return Some(TextProblem::TooLong {
                chars: chars + text.chars().skip(chars).count(),
            });
        }
    }
    None
}

/// Checks a free text of a value at `at`.
pub fn check_text(at: &Place, field: &'static str, text: &str) -> Result<(), RuleViolation> {
    match text_problem(text) {
        Some(problem) => Err(RuleViolation::BadText {
            at: at.clone(),
            field,
            problem,
        }),
        None => Ok(()),
    }
}

/// The place of a report, with its unit's name.
pub fn report_place(data: &Dataset, report: &DailyReport) -> Place {
    Place {
        unit: Some(data.unit_name(report.unit_id)),
        date: report.date,
    }
}

/// Judges the report stored in `data` for `unit` on `date`, as it would be after a change.
/// Returns the outliers that its note explains.
pub fn check_report(
    data: &Dataset,
    unit: UnitId,
    date: NaiveDate,
    today: NaiveDate,
) -> Result<Vec<Outlier>, RuleViolation> {
    let change = Change::Report { unit, date };
    let judgement = judge(data, &[change], today, OutlierPolicy::NeedsNote);
    judgement
        .verdict(0)
        .map(<[Outlier]>::to_vec)
        .map_err(Clone::clone)
}

/// What an entry does to the blank stock, as a rule's message names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StockCause {
    /// A unit's cards printed that day.
    Printed(u64),
    /// A stock movement being entered.
    Event {
        kind: super::StockEventKind,
        quantity: u64,
    },
    /// A stock movement being deleted.
    Deleting {
        kind: super::StockEventKind,
        quantity: u64,
    },
    /// Found in the stored data (`pantau check`): no one entry is the cause.
    Stored,
}

impl std::fmt::Display for StockCause {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let verb = |kind| match kind {
            super::StockEventKind::Receipt => "received",
            super::StockEventKind::Spoiled => "spoiled",
            super::StockEventKind::Lent => "lent",
            super::StockEventKind::Borrowed => "borrowed",
            super::StockEventKind::ReturnedOut => "returned",
            super::StockEventKind::ReturnedIn => "returned to us",
            super::StockEventKind::Count => "counted",
        };
        match self {
            StockCause::Printed(n) => write!(f, "printed {}", format_en(*n)),
            StockCause::Event { kind, quantity } => {
                write!(f, "{} {}", verb(*kind), format_en(*quantity))
            }
            StockCause::Deleting { kind, quantity } => {
                write!(f, "deleting {} {}", verb(*kind), format_en(*quantity))
            }
            StockCause::Stored => Ok(()),
        }
    }
}

/// What a stock event does, for a message: `lent 500`.
pub fn stock_event_cause(event: &StockEvent) -> StockCause {
    StockCause::Event {
        kind: event.kind,
        quantity: event.quantity,
    }
}

/// Judges a stock event as part of `data` (which already holds it).
pub fn check_stock_event(
    data: &Dataset,
    event: &StockEvent,
    today: NaiveDate,
) -> Result<(), RuleViolation> {
    let at = Place {
        unit: None,
        date: event.date,
    };
    check_not_future(&at, today)?;
    let cause = stock_event_cause(event);
    check_stock(data, &at, cause, None).map_err(|violation| match violation {
        // The event itself went out beyond the stock on its own day.
        RuleViolation::StockShortfall {
            at,
            cause,
            shortfall,
            ..
        } if shortfall.date == event.date
            && shortfall.kind == ShortfallKind::Outflow
            && event.kind.direction() < 0 =>
        {
            let available = shortfall.available - (shortfall.needed - event.quantity as i64);
            RuleViolation::StockShortfall {
                at,
                cause,
                shortfall,
                available_to_cause: Some(available),
            }
        }
        other => other,
    })
}

/// An announced delivery moves at least one card and is expected on or after its announcement.
pub fn check_planned_delivery(plan: &super::PlannedDelivery) -> Result<(), RuleViolation> {
    let at = Place {
        unit: None,
        date: plan.expected_on,
    };
    check_text(&at, "note", &plan.note)?;
    if plan.quantity == 0 {
        return Err(RuleViolation::Invalid {
            at,
            problem: Invalid::ZeroPlannedQuantity,
        });
    }
    if plan.expected_on < plan.planned_on {
        return Err(RuleViolation::Invalid {
            at,
            problem: Invalid::ExpectedBeforeAnnounced(plan.planned_on),
        });
    }
    Ok(())
}

/// A decision sets a deadline on or after the day it is taken, with a note a person can read.
pub fn check_deadline(deadline: &super::Deadline) -> Result<(), RuleViolation> {
    let at = Place {
        unit: None,
        date: deadline.decided_on,
    };
    check_text(&at, "note", &deadline.note)?;
    if deadline.deadline < deadline.decided_on {
        return Err(RuleViolation::Invalid {
            at,
            problem: Invalid::DeadlineBeforeDecision(deadline.deadline),
        });
    }
    Ok(())
}

/// A seasonal factor covers at least one day and scales throughput by more than 0, at most 5.
pub fn check_season_factor(season: &super::SeasonFactor) -> Result<(), RuleViolation> {
    let at = Place {
        unit: None,
        date: season.first_day,
    };
    if season.last_day < season.first_day {
        return Err(RuleViolation::Invalid {
            at,
            problem: Invalid::PeriodEndsBeforeStart(season.last_day),
        });
    }
    if !(season.factor > 0.0 && season.factor <= 5.0) {
        return Err(RuleViolation::Invalid {
            at,
            problem: Invalid::SeasonFactor(season.factor),
        });
    }
    Ok(())
}

/// An outage starts no later than it ends, not in the future, and names known units.
pub fn check_outage(
    data: &Dataset,
    outage: &super::Outage,
    today: NaiveDate,
) -> Result<(), RuleViolation> {
    let at = Place {
        unit: None,
        date: outage.first_day,
    };
    check_not_future(&at, today)?;
    check_text(&at, "note", &outage.note)?;
    if let Some(last) = outage.last_day
        && last < outage.first_day
    {
        return Err(RuleViolation::Invalid {
            at,
            problem: Invalid::OutageEndsBeforeStart(last),
        });
    }
    if let Some(unknown) = outage.units.iter().find(|u| data.unit(**u).is_none()) {
        return Err(RuleViolation::UnknownUnit {
            name: unknown.to_string(),
            known: data.units.iter().map(|u| u.name.clone()).collect(),
        });
    }
    Ok(())
}

/// A value no rule of its own covers, refused with what is wrong.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Invalid {
    #[error("two deadlines decided on the same day")]
    DeadlineTwice,
    #[error("there is no outage #{0}")]
    NoSuchOutage(i64),
    #[error("the database already has units; populate needs an empty one")]
    NotEmpty,
    #[error("the same unit and date are entered twice")]
    EnteredTwice,
    #[error("stock event #{0} is missing")]
    MissingStockEvent(usize),
    #[error("quantity of a {} must be more than 0", .0.as_str())]
    ZeroQuantity(super::StockEventKind),
    #[error("quantity of a planned delivery must be more than 0")]
    ZeroPlannedQuantity,
    #[error("a delivery announced on {0} cannot be expected before it")]
    ExpectedBeforeAnnounced(NaiveDate),
    #[error("the deadline {0} comes before the decision that sets it")]
    DeadlineBeforeDecision(NaiveDate),
    #[error("the period ends ({0}) before it starts")]
    PeriodEndsBeforeStart(NaiveDate),
    #[error("the outage ends ({0}) before it starts")]
    OutageEndsBeforeStart(NaiveDate),
    #[error("factor {0} must be more than 0 and at most 5")]
    SeasonFactor(f64),
}

/// A setting outside its bounds, with the value given.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SettingProblem {
    #[error("outlier factor {0} must be between 1 and 100")]
    OutlierFactor(f64),
    #[error("outlier window of {0} working days must be between 5 and 250")]
    OutlierWindow(usize),
    #[error("forecast window of {0} working days must be between 5 and 500")]
    ForecastWindow(usize),
    #[error("{0} forecast trials: use between 100 and 100.000")]
    ForecastTrials(usize),
    #[error("coverage bands {poor} % and {good} % must satisfy 0 ≤ poor ≤ good ≤ 100")]
    CoverageBands { poor: f64, good: f64 },
}

/// Settings within sensible bounds.
pub fn check_settings(settings: &super::dataset::Settings) -> Result<(), RuleViolation> {
    let problem = if !(settings.outlier_factor >= 1.0 && settings.outlier_factor <= 100.0) {
        Some(SettingProblem::OutlierFactor(settings.outlier_factor))
    } else if !(5..=250).contains(&settings.outlier_window_days) {
        Some(SettingProblem::OutlierWindow(settings.outlier_window_days))
    } else if !(5..=500).contains(&settings.forecast_window_days) {
        Some(SettingProblem::ForecastWindow(
            settings.forecast_window_days,
        ))
    } else if !(100..=100_000).contains(&settings.forecast_trials) {
        Some(SettingProblem::ForecastTrials(settings.forecast_trials))
    } else if !(0.0 <= settings.coverage_poor_below
        && settings.coverage_poor_below <= settings.coverage_good_above
        && settings.coverage_good_above <= 100.0)
    {
        Some(SettingProblem::CoverageBands {
            poor: settings.coverage_poor_below,
            good: settings.coverage_good_above,
        })
    } else {
        None
    };
    problem.map_or(Ok(()), |p| Err(RuleViolation::BadSetting(p)))
}

/// An office has a name.
pub fn check_office(office: &super::Office) -> Result<(), RuleViolation> {
    if office.name.trim().is_empty() {
        return Err(RuleViolation::EmptyOfficeName);
    }
    Ok(())
}

/// Stored reports with an outlier and no note, oldest first: what `pantau check` lists as
/// warnings, and what an import of an office's history leaves for review.
pub fn unexplained_outliers(data: &Dataset) -> Vec<(Place, Outlier)> {
    let changes: Vec<Change> = data
        .reports
        .values()
        .filter(|r| r.note.trim().is_empty())
        .map(|r| Change::Report {
            unit: r.unit_id,
            date: r.date,
        })
        .collect();
    let mut found: Vec<(Place, Outlier)> = outliers_of(data, &changes)
        .into_iter()
        .filter_map(|(index, outliers)| {
            let Change::Report { unit, date } = changes[index] else {
                return None;
            };
            let report = data.reports.get(&(unit, date))?;
            Some((report_place(data, report), outliers.into_iter().next()?))
        })
        .collect();
    found.sort_by(|a, b| (a.0.date, &a.0.unit).cmp(&(b.0.date, &b.0.unit)));
    found
}

/// Every rule over every stored row: what `pantau check` reports as problems. Outliers without
/// a note are not problems (see [`unexplained_outliers`]).
pub fn check_dataset(data: &Dataset, today: NaiveDate) -> Vec<Problem> {
    let mut problems = Vec::new();
    for unit in &data.units {
        for report in data.reports_of(unit.id) {
            let at = report_place(data, report);
            let results = [
                check_not_future(&at, today),
                check_after_opening(data, unit.id, &at),
            ];
            problems.extend(results.into_iter().filter_map(Result::err));
            if let Err(problem) = check_text(&at, "note", &report.note) {
                problems.push(problem);
            }
        }
        problems.extend(first_cumulative_problem(
            data,
            unit.id,
            Some(unit.name.clone()),
        ));
    }
    let card = data.stock_card();
    for day in card.days() {
        if let Some(shortfall) = card
            .first_shortfall(day.date)
            .filter(|s| s.date == day.date)
        {
            let at = Place {
                unit: None,
                date: day.date,
            };
            problems.push(RuleViolation::StockShortfall {
                at,
                cause: StockCause::Stored,
                shortfall,
                available_to_cause: None,
            });
        }
    }
    problems
}

/// The first date on which a unit's stored cumulative totals break the rule, placed on that date.
fn first_cumulative_problem(data: &Dataset, unit: UnitId, name: Option<String>) -> Option<Problem> {
    let start = Place {
        unit: name,
        date: NaiveDate::MIN,
    };
    match check_cumulative(data, unit, &start, NaiveDate::MIN) {
        Err(RuleViolation::Cumulative {
            mut at,
            on,
            field,
            total,
            limit_field,
            limit,
        }) => {
            at.date = on;
            Some(RuleViolation::Cumulative {
                at,
                on,
                field,
                total,
                limit_field,
                limit,
            })
        }
        Err(other) => Some(other),
        Ok(()) => None,
    }
}

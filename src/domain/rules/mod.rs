//! The rules every stored value obeys, one function per rule. The CLI, the entry grid and the
//! importer all call these; a violation names the unit, the date, the field and the numbers.

use std::fmt;

pub use target::{TargetDoubt, target_doubt};

use chrono::NaiveDate;

use super::dataset::{Dataset, PROGRAMME_START, Settings};
use super::judge::{Change, OutlierPolicy, judge, outliers_of};
use super::number::{CountParseError, format_en, format_en_signed, parse_count};
use super::stock::{Shortfall, ShortfallKind};
use super::{CountField, Counts, DailyReport, PrrCounts, StockEvent, UnitId};

mod outliers;
mod stock;
mod target;
mod text;

pub use outliers::{
    MIN_HISTORY_DAYS, OUTLIER_MIN_EXCESS, Outlier, OutlierReason, history_days, lookback_days,
    outliers, outliers_against, unexplained_outliers,
};
pub use stock::{StockCause, check_stock, check_stock_event, stock_event_cause};
pub use text::{
    MAX_TEXT_CHARS, QUOTED_CHARS, TextProblem, check_text, quoted, quoted_up_to, shown,
    text_problem,
};

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
    /// A total to date typed lower than the unit's total up to the day before.
    #[error(
        "{at}: {field} to date {} is less than the total up to the day before, {}",
        format_en(*.total),
        format_en(*.previous)
    )]
    BelowPrevious {
        at: Place,
        field: &'static str,
        total: u64,
        previous: u64,
    },
    /// A total to date of the centre's stage typed where the unit's is unknown up to the day
    /// before.
    #[error(
        "{at}: {field} to date cannot be read: the unit's total up to the day before is unknown"
    )]
    PreviousUnknown { at: Place, field: &'static str },
    #[error("{at}: the date is in the future (today is {today})")]
    FutureDate { at: Place, today: NaiveDate },
    #[error(
        "{at}: the unit's opening totals are its totals at the close of {opening}; its daily \
         reports start the day after"
    )]
    OnOrBeforeOpening { at: Place, opening: NaiveDate },
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
    /// A rule of the centre's stage (PRR, DUP, Efac) broken, first on `on`.
    #[error("{}", prr_message(.at, *.on, .problem))]
    Prr {
        at: Place,
        on: NaiveDate,
        problem: PrrProblem,
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
    /// A unit's name with a character that would repaint, reorder or hide what is shown, or
    /// far too long; `name` as a message may show it.
    #[error("unit name '{name}' {problem}")]
    BadUnitName { name: String, problem: TextProblem },
    #[error("a unit needs a name")]
    EmptyUnitName,
    #[error("the office needs a name")]
    EmptyOfficeName,
    #[error(
        "this is the PC of kecamatan {unit}: it keeps only its own unit, named as the district \
         names it; units are added and renamed at the district"
    )]
    KecamatanPc { unit: String },
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

/// What is wrong with a unit's PRR, DUP and Efac (cumulative unless said otherwise).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrrProblem {
    /// Only print-ready records are printed: cumulative printed over cumulative PRR.
    PrintedOverPrr { printed: u64, prr: u64 },
    /// A sent record becomes PRR, DUP or Efac once: their sum over cumulative sent.
    OverSent {
        prr: u64,
        dup: u64,
        efac: u64,
        sent: u64,
    },
    /// Only Efac records are retaken: cumulative retaken over cumulative Efac.
    RetakenOverEfac { retaken: u64, efac: u64 },
    /// A retaken record is recorded again that day: the day's retaken over its recorded.
    RetakenOverRecorded { retaken: u64, recorded: u64 },
    /// The office counts PRR and a report after the unit's PRR start lacks the day's figures.
    Missing,
    /// The office counts PRR and the unit's opening totals say nothing of it: its PRR, DUP and
    /// Efac to date are needed (its PRR start).
    NoStart,
}

impl PrrProblem {
    /// The stage's field the problem is shown on: the entered value that breaks it.
    pub fn field(self) -> super::PrrField {
        use super::PrrField;
        match self {
            PrrProblem::PrintedOverPrr { .. } | PrrProblem::OverSent { .. } => PrrField::Prr,
            PrrProblem::Missing | PrrProblem::NoStart => PrrField::Prr,
            PrrProblem::RetakenOverEfac { .. } | PrrProblem::RetakenOverRecorded { .. } => {
                PrrField::EfacRetaken
            }
        }
    }
}

fn prr_message(at: &Place, on: NaiveDate, problem: &PrrProblem) -> String {
    let n = |x: u64| format_en(x);
    let what = match *problem {
        PrrProblem::PrintedOverPrr { printed, prr } => format!(
            "cumulative printed {} would exceed cumulative PRR {} (only print-ready records are \
             printed)",
            n(printed),
            n(prr)
        ),
        PrrProblem::OverSent {
            prr,
            dup,
            efac,
            sent,
        } => format!(
            "cumulative PRR {} + DUP {} + Efac {} = {} would exceed cumulative sent {}",
            n(prr),
            n(dup),
            n(efac),
            n(prr + dup + efac),
            n(sent)
        ),
        PrrProblem::RetakenOverEfac { retaken, efac } => format!(
            "cumulative Efac retaken {} would exceed cumulative Efac {}",
            n(retaken),
            n(efac)
        ),
        PrrProblem::RetakenOverRecorded { retaken, recorded } => format!(
            "Efac retaken {} exceeds the day's recorded {} (a retaken record is recorded again)",
            n(retaken),
            n(recorded)
        ),
        PrrProblem::Missing => "PRR, DUP and Efac are missing; this office counts them every day \
                                (fill them in, or give the unit's PRR start from this day on in \
                                Targets & deadlines, PRR start, `pantau prr start`)"
            .to_string(),
        PrrProblem::NoStart => "the unit's PRR, DUP and Efac to date are unknown (its opening \
                                totals have none): give them as its PRR start first (Targets & \
                                deadlines, PRR start, `pantau prr start`)"
            .to_string(),
    };
    if on == at.date {
        format!("{at}: {what}")
    } else {
        format!("{at}: this change breaks it on {on}: {what}")
    }
}

impl RuleViolation {
    /// The first date a cumulative rule breaks on, for a violation of one.
    pub fn breaks_on(&self) -> Option<NaiveDate> {
        match self {
            RuleViolation::Cumulative { on, .. } | RuleViolation::Prr { on, .. } => Some(*on),
            _ => None,
        }
    }

    /// The same cumulative violation blamed on another place.
    pub fn blamed_on(self, place: Place) -> RuleViolation {
        match self {
            RuleViolation::Cumulative {
                on,
                field,
                total,
                limit_field,
                limit,
                ..
            } => RuleViolation::Cumulative {
                at: place,
                on,
                field,
                total,
                limit_field,
                limit,
            },
            RuleViolation::Prr { on, problem, .. } => RuleViolation::Prr {
                at: place,
                on,
                problem,
            },
            other => other,
        }
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
        text: quoted(text.trim()),
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
/// The names opening totals' fields go by in messages, in the order of their columns.
pub const OPENING_FIELDS: [&str; 4] = ["recorded", "sent", "printed", "suket"];

/// Opening totals typed as four texts (recorded, sent, printed, suket), or the first thing
/// wrong with them (see [`parse_opening_cells`]).
pub fn parse_opening(at: &Place, texts: [&str; 4]) -> Result<super::Counts, RuleViolation> {
    parse_opening_cells(at, texts).map_err(|mut wrong| wrong.swap_remove(0).1)
}

/// Opening totals typed as four texts, or everything wrong with them, each with the column
/// (0–3) it concerns: every text that is no count, else the cumulative rule the totals break.
pub fn parse_opening_cells(
    at: &Place,
    texts: [&str; 4],
) -> Result<super::Counts, Vec<(Option<usize>, RuleViolation)>> {
    let mut values = [0; 4];
    let mut unreadable = Vec::new();
    for (i, text) in texts.into_iter().enumerate() {
        match parse_count_at(at, OPENING_FIELDS[i], text) {
            Ok(value) => values[i] = value,
            Err(v) => unreadable.push((Some(i), v)),
        }
    }
    if !unreadable.is_empty() {
        return Err(unreadable);
    }
    let [recorded, sent, printed, suket] = values;
    for (column, field, total, limit_field, limit) in [
        (
            1,
            CountField::SentToCentral,
            sent,
            CountField::Recorded,
            recorded,
        ),
        (
            2,
            CountField::Printed,
            printed,
            CountField::SentToCentral,
            sent,
        ),
    ] {
        if total > limit {
            let violation = RuleViolation::Cumulative {
                at: at.clone(),
                on: at.date,
                field,
                total,
                limit_field,
                limit,
            };
            return Err(vec![(Some(column), violation)]);
        }
    }
    Ok(super::Counts {
        recorded,
        sent_to_central: sent,
        printed,
        suket_issued: suket,
    })
}

/// Opening totals are a unit's totals at the close of their day: its daily reports start the
/// day after (a report on that day would count it twice).
pub fn check_after_opening(data: &Dataset, unit: UnitId, at: &Place) -> Result<(), RuleViolation> {
    match data.openings.get(&unit) {
        Some(opening) if at.date <= opening.as_of => Err(RuleViolation::OnOrBeforeOpening {
            at: at.clone(),
            opening: opening.as_of,
        }),
        _ => Ok(()),
    }
}

/// Per unit and cumulatively, from `from` on: sent ≤ recorded and printed ≤ sent; where the
/// unit's PRR is known, printed ≤ PRR, PRR + DUP + Efac ≤ sent, retaken ≤ Efac (and the day's
/// retaken ≤ its recorded); where the office counts PRR, every report after the unit's PRR
/// start carries it.
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
    let baseline = data.prr_baseline(unit);
    // The PRR totals while known; they count from the baseline's day on.
    let mut prr = baseline.map(|b| b.counts);
    let mut baseline_pending = baseline.and_then(|b| b.as_of);
    if let Some(date) = opening_date.filter(|d| *d >= from) {
        check(&totals, date)?;
    }
    for report in data.reports_of(unit) {
        if let Some(start) = baseline_pending.filter(|start| report.date > *start) {
            baseline_pending = None;
            if start >= from {
                check_prr_totals(at, start, &totals, prr.as_ref())?;
            }
        }
        totals.add(&report.counts);
        let counted = baseline.is_some_and(|b| b.covers(report.date));
        if counted {
            prr = match (prr, report.prr) {
                (Some(mut sum), Some(day)) => {
                    sum.add(&day);
                    Some(sum)
                }
                _ => None,
            };
        }
        if report.date >= from {
            check(&totals, report.date)?;
            if let Some(day) = &report.prr
                && day.efac_retaken > report.counts.recorded
            {
                return Err(RuleViolation::Prr {
                    at: at.clone(),
                    on: report.date,
                    problem: PrrProblem::RetakenOverRecorded {
                        retaken: day.efac_retaken,
                        recorded: report.counts.recorded,
                    },
                });
            }
            if counted && report.prr.is_none() && data.settings.counts_prr {
                return Err(RuleViolation::Prr {
                    at: at.clone(),
                    on: report.date,
                    problem: PrrProblem::Missing,
                });
            }
            if counted {
                check_prr_totals(at, report.date, &totals, prr.as_ref())?;
            }
        }
    }
    if let Some(start) = baseline_pending.filter(|start| *start >= from) {
        check_prr_totals(at, start, &totals, prr.as_ref())?;
    }
    Ok(())
}

/// The cumulative rules of the centre's stage on `on`, where the PRR totals are known.
fn check_prr_totals(
    at: &Place,
    on: NaiveDate,
    totals: &Counts,
    prr: Option<&PrrCounts>,
) -> Result<(), RuleViolation> {
    let Some(p) = prr else {
        return Ok(());
    };
    let problem = if p.prr + p.dup + p.efac > totals.sent_to_central {
        PrrProblem::OverSent {
            prr: p.prr,
            dup: p.dup,
            efac: p.efac,
            sent: totals.sent_to_central,
        }
    } else if totals.printed > p.prr {
        PrrProblem::PrintedOverPrr {
            printed: totals.printed,
            prr: p.prr,
        }
    } else if p.efac_retaken > p.efac {
        PrrProblem::RetakenOverEfac {
            retaken: p.efac_retaken,
            efac: p.efac,
        }
    } else {
        return Ok(());
    };
    Err(RuleViolation::Prr {
        at: at.clone(),
        on,
        problem,
    })
}

/// The rules a PRR opening stored in `data` must obey, as of `today`: not in the future, not
/// before the unit's opening totals, and the cumulative rules over the unit's reports with it.
pub fn check_prr_opening(
    data: &Dataset,
    opening: &super::PrrOpening,
    today: NaiveDate,
) -> Result<(), RuleViolation> {
    let at = Place {
        unit: Some(data.unit_name(opening.unit_id)),
        date: opening.as_of,
    };
    check_not_future(&at, today)?;
    if let Some(start) = data.openings.get(&opening.unit_id)
        && opening.as_of < start.as_of
    {
        return Err(RuleViolation::Invalid {
            at,
            problem: Invalid::PrrStartBeforeOpening(start.as_of),
        });
    }
    check_cumulative(data, opening.unit_id, &at, NaiveDate::MIN).map_err(|v| match v.breaks_on() {
        Some(on) => v.blamed_on(Place {
            date: on,
            ..at.clone()
        }),
        None => v,
    })
}

/// Where the office counts PRR: every unit's PRR is known from a start (a unit whose opening
/// totals say nothing of PRR needs its PRR start), and every report after it carries the
/// day's figures.
pub fn check_prr_counted(data: &Dataset) -> Result<(), RuleViolation> {
    if !data.settings.counts_prr {
        return Ok(());
    }
    // First the units whose PRR cannot be known at all, then the days that lack it.
    for unit in &data.units {
        if data.prr_baseline(unit.id).is_none() {
            let date = data
                .openings
                .get(&unit.id)
                .map(|o| o.as_of)
                .unwrap_or(PROGRAMME_START);
            return Err(RuleViolation::Prr {
                at: Place {
                    unit: Some(unit.name.clone()),
                    date,
                },
                on: date,
                problem: PrrProblem::NoStart,
            });
        }
    }
    for unit in &data.units {
        if let Some(problem) = first_cumulative_problem(data, unit.id, Some(unit.name.clone())) {
            return Err(problem);
        }
    }
    Ok(())
}

/// The rules an opening balance stored in `data` must obey, as of `today`: not dated in the
/// future, before its unit's first daily report, and the cumulative rules over the unit's
/// reports with it. One check for `opening set`, `opening import` and the app.
pub fn check_opening(
    data: &Dataset,
    opening: &super::OpeningBalance,
    today: NaiveDate,
) -> Result<(), RuleViolation> {
    let at = Place {
        unit: Some(data.unit_name(opening.unit_id)),
        date: opening.as_of,
    };
    check_not_future(&at, today)?;
    if let Some(first) = data.reports_of(opening.unit_id).next() {
        check_after_opening(data, opening.unit_id, &report_place(data, first))?;
    }
    check_cumulative(data, opening.unit_id, &at, NaiveDate::MIN)
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

/// A decision about to be recorded: valid on its own, not dated after `today`, and, unless it
/// is to `replace` it, not on a day that has a decision already.
pub fn check_new_deadline(
    data: &Dataset,
    deadline: &super::Deadline,
    today: NaiveDate,
    replace: bool,
) -> Result<(), RuleViolation> {
    check_deadline(deadline)?;
    let at = Place {
        unit: None,
        date: deadline.decided_on,
    };
    check_not_future(&at, today)?;
    match data
        .deadlines
        .iter()
        .find(|d| d.decided_on == deadline.decided_on)
    {
        Some(old) if !replace => Err(RuleViolation::Invalid {
            at,
            problem: Invalid::DecisionExists(old.deadline),
        }),
        _ => Ok(()),
    }
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
    /// A decision on that day is stored already, with this deadline: it is replaced only
    /// when asked to.
    #[error("a decision of this day already set the deadline to {0}; it is kept")]
    DecisionExists(NaiveDate),
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
    #[error("there is no conflict #{0} to resolve")]
    NoSuchConflict(i64),
    #[error("conflict #{0} is already resolved")]
    ConflictClosed(i64),
    #[error("bundle {sequence} is not the next one from this PC (expected {expected})")]
    BundleOutOfTurn { sequence: u64, expected: u64 },
    /// A PRR start before the unit's opening totals, whose date is given.
    #[error("a PRR start comes on or after the unit's opening totals ({0})")]
    PrrStartBeforeOpening(NaiveDate),
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
    #[error("a reorder threshold of {0} blanks: use at most 10.000.000")]
    ReorderThreshold(u64),
    #[error("a delivery time of {0} working days must be between 1 and 250")]
    LeadDays(usize),
    #[error("{0} days of printing in a request: use between 0 and 250")]
    BufferDays(usize),
    #[error("a request rounded to {0}: use between 1 and 100.000")]
    RoundTo(u64),
    #[error("the letterhead's {field} {problem}")]
    LetterText {
        field: &'static str,
        problem: TextProblem,
    },
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
    } else if settings.reorder_threshold > 10_000_000 {
        Some(SettingProblem::ReorderThreshold(settings.reorder_threshold))
    } else if !(1..=250).contains(&settings.reorder_lead_days) {
        Some(SettingProblem::LeadDays(settings.reorder_lead_days))
    } else if settings.request_buffer_days > 250 {
        Some(SettingProblem::BufferDays(settings.request_buffer_days))
    } else if !(1..=100_000).contains(&settings.request_round_to) {
        Some(SettingProblem::RoundTo(settings.request_round_to))
    } else {
        let l = &settings.letterhead;
        [
            ("government", &l.government),
            ("address", &l.address),
            ("city", &l.city),
            ("head_title", &l.head_title),
            ("head_name", &l.head_name),
            ("head_nip", &l.head_nip),
        ]
        .into_iter()
        .find_map(|(field, text)| {
            text_problem(text).map(|problem| SettingProblem::LetterText { field, problem })
        })
    };
    problem.map_or(Ok(()), |p| Err(RuleViolation::BadSetting(p)))
}

/// A unit's name as it is stored — spaces collapsed — if it is one: not empty, and not the name
/// of another unit (compared without case or spacing). `except` is the unit being renamed.
pub fn unit_name(
    data: &Dataset,
    name: &str,
    except: Option<UnitId>,
) -> Result<String, RuleViolation> {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err(RuleViolation::EmptyUnitName);
    }
    // A name is shown on every screen and in every table: nothing in it may act on a
    // terminal, reorder the text, or make two names look alike.
    if let Some(problem) = text::name_problem(&name) {
        return Err(RuleViolation::BadUnitName {
            name: quoted(&name),
            problem,
        });
    }
    if data
        .unit_by_name(&name)
        .is_some_and(|u| Some(u.id) != except)
    {
        return Err(RuleViolation::DuplicateUnit { name });
    }
    Ok(name)
}

/// An office has a name.
pub fn check_office(office: &super::Office) -> Result<(), RuleViolation> {
    if office.name.trim().is_empty() {
        return Err(RuleViolation::EmptyOfficeName);
    }
    Ok(())
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
        Err(violation) => match violation.breaks_on() {
            Some(on) => {
                let at = Place { date: on, ..start };
                Some(violation.blamed_on(at))
            }
            None => Some(violation),
        },
        Ok(()) => None,
    }
}

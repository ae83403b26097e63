//! The blank-card stock never runs below zero where it is known.

use super::*;

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

/// What an entry does to the blank stock, as a rule's message names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StockCause {
    /// A unit's cards printed that day.
    Printed(u64),
    /// A stock movement being entered.
    Event {
        kind: crate::domain::StockEventKind,
        quantity: u64,
    },
    /// A stock movement being deleted.
    Deleting {
        kind: crate::domain::StockEventKind,
        quantity: u64,
    },
    /// Found in the stored data (`pantau check`): no one entry is the cause.
    Stored,
}

impl std::fmt::Display for StockCause {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let verb = |kind| match kind {
            crate::domain::StockEventKind::Receipt => "received",
            crate::domain::StockEventKind::Spoiled => "spoiled",
            crate::domain::StockEventKind::Lent => "lent",
            crate::domain::StockEventKind::Borrowed => "borrowed",
            crate::domain::StockEventKind::ReturnedOut => "returned",
            crate::domain::StockEventKind::ReturnedIn => "returned to us",
            crate::domain::StockEventKind::Count => "counted",
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

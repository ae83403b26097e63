//! The domain of Pantau e-KTP: what an office, a unit, a daily report, a target, a deadline and
//! a blank-card stock event are, and the rules they obey.
//!
//! Nothing here touches SQLite or draws anything. The store loads a [`Dataset`], the rules in
//! [`rules`] judge it, and the same functions serve the CLI, the entry grid and the importer.

pub mod access;
pub mod calendar;
pub mod dataset;
pub mod judge;
pub mod number;
pub mod prr;
pub mod request;
pub mod rules;
pub mod stock;
pub mod summary;
pub mod sync;
mod types;

pub use calendar::Calendar;
pub use dataset::Dataset;
pub use prr::{PrrBaseline, PrrCounts, PrrField, PrrOpening};
pub use rules::{Problem, RuleViolation};
pub use types::*;

//! Reading and writing the office's other files. For now: the list of units for `pantau init`.

pub mod units;

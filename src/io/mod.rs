//! Reading and writing the office's other files: spreadsheets and CSV in and out, the units
//! list for `pantau init`.

pub mod charts;
pub mod export;
pub mod import;
pub mod report;
pub mod table;

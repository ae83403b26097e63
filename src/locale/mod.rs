//! All text a user reads, in one place: Indonesian (the default) and English. The app, the CLI,
//! the PDF report, the PNG charts and the exports take their words, numbers and dates from here;
//! the domain and the forecast return values, and this layer turns them into sentences.

mod en;
pub mod fmt;
mod forecast;
mod id;
mod messages;
mod tr;

use serde::{Deserialize, Serialize};

pub use en::EN;
pub use forecast::{blank_supply, constraint};
pub use id::ID;
pub use messages::{field_name, outage_cause, stock_kind, store_error, violation};
pub use tr::Tr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Id,
    En,
}

impl Lang {
    pub fn tr(self) -> &'static Tr {
        match self {
            Lang::Id => &ID,
            Lang::En => &EN,
        }
    }
}

//! Working days: Monday to Friday, less national holidays and collective leave.

use std::collections::BTreeMap;

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::{Holiday, HolidayKind};

/// The national holidays and collective leave days of 2016 through 2027, as the joint decrees
/// of each year (SKB 3 Menteri) set them, shipped as the calendar of a new database; where they
/// come from is in `assets/libur-nasional.md`.
pub const DEFAULT_HOLIDAYS_CSV: &str = include_str!("../../assets/libur-nasional.csv");

/// [`DEFAULT_HOLIDAYS_CSV`] as a calendar, read once: screens ask it every frame.
pub fn shipped_calendar() -> &'static Calendar {
    static SHIPPED: std::sync::LazyLock<Calendar> = std::sync::LazyLock::new(|| {
        // The shipped list is a constant of this build; its test reads it whole.
        Calendar::new(parse_holidays_csv(DEFAULT_HOLIDAYS_CSV).unwrap_or_default())
    });
    &SHIPPED
}

/// Holiday calendar; answers whether a date is a working day.
#[derive(Debug, Clone, Default)]
pub struct Calendar {
    holidays: BTreeMap<NaiveDate, Holiday>,
}

impl Calendar {
    pub fn new(holidays: impl IntoIterator<Item = Holiday>) -> Calendar {
        Calendar {
            holidays: holidays.into_iter().map(|h| (h.date, h)).collect(),
        }
    }

    pub fn holidays(&self) -> impl Iterator<Item = &Holiday> {
        self.holidays.values()
    }

    pub fn holiday(&self, date: NaiveDate) -> Option<&Holiday> {
        self.holidays.get(&date)
    }

    /// Whether the calendar knows any holiday in `year`: a year without one counts its
    /// national holidays as working days.
    pub fn has_year(&self, year: i32) -> bool {
        let (Some(first), Some(last)) = (
            NaiveDate::from_ymd_opt(year, 1, 1),
            NaiveDate::from_ymd_opt(year, 12, 31),
        ) else {
            return false;
        };
        self.holidays.range(first..=last).next().is_some()
    }

    /// Of `years`, those the calendar has no holiday in, each once, in order.
    pub fn years_without_holidays(&self, years: impl IntoIterator<Item = i32>) -> Vec<i32> {
        let mut missing: Vec<i32> = years.into_iter().filter(|y| !self.has_year(*y)).collect();
        missing.sort_unstable();
        missing.dedup();
        missing
    }

    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && !self.holidays.contains_key(&date)
    }

    /// Working days from `from` to `to`, both included.
    pub fn working_days(&self, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
        from.iter_days()
            .take_while(|d| *d <= to)
            .filter(|d| self.is_working_day(*d))
            .collect()
    }

    /// The `count` working days before `date` (not including it), oldest first.
    pub fn working_days_before(&self, date: NaiveDate, count: usize) -> Vec<NaiveDate> {
        let mut days = Vec::with_capacity(count);
        let mut day = date;
        // Ten years back is far beyond any window we ask for; it bounds the loop on a calendar
        // that someone filled with holidays.
        for _ in 0..3650 {
            if days.len() == count {
                break;
            }
            let Some(previous) = day.checked_sub_days(Days::new(1)) else {
                break;
            };
            day = previous;
            if self.is_working_day(day) {
                days.push(day);
            }
        }
        days.reverse();
        days
    }

    /// The last working day on or before `date`: the day a clerk means by "today's report" on a
    /// weekend or holiday. `date` itself where no working day is found within a year.
    /// The first working day on or after `date` (within a month; `date` itself past that).
    pub fn first_working_day_from(&self, date: NaiveDate) -> NaiveDate {
        date.iter_days()
            .take(31)
            .find(|d| self.is_working_day(*d))
            .unwrap_or(date)
    }

    pub fn last_working_day_through(&self, date: NaiveDate) -> NaiveDate {
        self.working_days_through(date, 1)
            .first()
            .copied()
            .unwrap_or(date)
    }

    /// The `count` working days ending with `date` (included if it is a working day).
    pub fn working_days_through(&self, date: NaiveDate, count: usize) -> Vec<NaiveDate> {
        let next = date.succ_opt().unwrap_or(date);
        self.working_days_before(next, count)
    }
}

/// Month abbreviations as Indonesian text writes them.
const MONTHS_ID: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
];

/// A date as `14 Nov 2016`, with Indonesian month abbreviations.
pub fn format_short_id(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        MONTHS_ID[date.month0() as usize],
        date.year()
    )
}

/// A line of a holiday list that is not one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HolidayListError {
    #[error("holiday list, line {line}: {message}")]
    Csv { line: usize, message: String },
    #[error("holiday list, line {line}, column date: {date}")]
    Date { line: usize, date: NotADate },
    #[error("holiday list, line {line}, column kind: '{kind}' is neither libur nor cuti_bersama")]
    Kind { line: usize, kind: String },
}

/// Reads the holiday CSV format of `assets/` (`date,kind,name`).
pub fn parse_holidays_csv(text: &str) -> Result<Vec<Holiday>, HolidayListError> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let mut holidays = Vec::new();
    for (index, row) in reader.records().enumerate() {
        let line = index + 2;
        let row = row.map_err(|e| HolidayListError::Csv {
            line,
            message: e.to_string(),
        })?;
        let field = |i: usize| row.get(i).unwrap_or("").trim();
        let date = parse_date(field(0)).map_err(|date| HolidayListError::Date { line, date })?;
        let kind = HolidayKind::parse(field(1)).ok_or_else(|| HolidayListError::Kind {
            line,
            kind: field(1).to_string(),
        })?;
        holidays.push(Holiday {
            date,
            kind,
            name: field(2).to_string(),
        });
    }
    Ok(holidays)
}

/// Reads a date as ISO (`2016-10-05`) or as Indonesian offices write it (`5/10/2016`,
/// `05-10-2016`: day first), or with the month's name in Indonesian or English, whole or
/// short (`5 Okt 2016`, `5 Oktober 2016`, `5-Oct-2016`, `5 Agt 2016`).
pub fn parse_date(text: &str) -> Result<NaiveDate, NotADate> {
    let text = text.trim();
    let formats = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"];
    formats
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(text, f).ok())
        .or_else(|| with_month_name(text))
        .ok_or_else(|| NotADate(text.to_string()))
}

/// `5 Okt 2016`: a day, a month's name, a year, apart by spaces, dashes, dots or commas.
fn with_month_name(text: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '/' | '.' | ','))
        .filter(|p| !p.is_empty())
        .collect();
    let [day, month, year] = parts[..] else {
        return None;
    };
    let month = month_number(month)?;
    let (day, year) = (day.parse().ok()?, year.parse().ok()?);
    if !(1000..=9999).contains(&year) {
        return None;
    }
    NaiveDate::from_ymd_opt(year, month, day)
}

/// The month a name stands for, Indonesian or English, whole or from its first three letters
/// (`Agustus`, `Agu`, `Agt`, `August`, `Aug`).
fn month_number(name: &str) -> Option<u32> {
    const MONTHS: [(&[&str], u32); 12] = [
        (&["januari", "january", "jan"], 1),
        (&["februari", "february", "feb", "peb"], 2),
        (&["maret", "march", "mar"], 3),
        (&["april", "apr"], 4),
        (&["mei", "may"], 5),
        (&["juni", "june", "jun"], 6),
        (&["juli", "july", "jul"], 7),
        (&["agustus", "august", "agu", "agt", "aug"], 8),
        (&["september", "sep", "sept"], 9),
        (&["oktober", "october", "okt", "oct"], 10),
        (&["november", "nov", "nop"], 11),
        (&["desember", "december", "des", "dec"], 12),
    ];
    let name = name.to_lowercase();
    MONTHS
        .iter()
        .find(|(names, _)| names.contains(&name.as_str()))
        .map(|(_, month)| *month)
}

/// Text typed as a date that is none (worded by `crate::locale::not_a_date`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a date (use YYYY-MM-DD or DD/MM/YYYY)")]
pub struct NotADate(pub String);

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        parse_date(text).unwrap()
    }

    fn default_calendar() -> Calendar {
        Calendar::new(parse_holidays_csv(DEFAULT_HOLIDAYS_CSV).unwrap())
    }

    #[test]
    fn weekends_and_holidays_are_not_working_days() {
        let cal = default_calendar();
        assert!(cal.is_working_day(d("2016-10-05")), "a Wednesday");
        assert!(!cal.is_working_day(d("2016-10-08")), "a Saturday");
        assert!(!cal.is_working_day(d("2016-08-17")), "Independence Day");
        assert!(
            !cal.is_working_day(d("2016-07-05")),
            "cuti bersama Idul Fitri"
        );
    }

    #[test]
    fn lebaran_week_2016_has_no_working_days() {
        let cal = default_calendar();
        assert!(
            cal.working_days(d("2016-07-04"), d("2016-07-08"))
                .is_empty()
        );
    }

    #[test]
    fn windows_of_working_days() {
        let cal = default_calendar();
        let before = cal.working_days_before(d("2016-10-05"), 3);
        assert_eq!(
            before,
            vec![d("2016-09-30"), d("2016-10-03"), d("2016-10-04")]
        );
        let through = cal.working_days_through(d("2016-10-05"), 2);
        assert_eq!(through, vec![d("2016-10-04"), d("2016-10-05")]);
    }

    #[test]
    fn the_shipped_calendar_reads_whole() {
        let holidays = parse_holidays_csv(DEFAULT_HOLIDAYS_CSV).unwrap();
        assert_eq!(holidays.len(), 280);
        // The 2016–2017 decree lists as the project received them.
        assert_eq!(
            holidays.iter().filter(|h| h.date.year() <= 2017).count(),
            41
        );
    }

    #[test]
    fn dates_in_office_formats() {
        assert_eq!(d("5/10/2016"), d("2016-10-05"));
        assert_eq!(d("05-10-2016"), d("2016-10-05"));
        for text in [
            "5 Okt 2016",
            "5 oktober 2016",
            "05-Oct-2016",
            "5 October, 2016",
        ] {
            assert_eq!(d(text), d("2016-10-05"), "{text}");
        }
        assert_eq!(d("17 Agt 2016"), d("2016-08-17"));
        assert!(parse_date("31 Feb 2016").is_err());
        assert!(parse_date("5 Okto 2016").is_err());
        assert!(parse_date("5 Okt 16").is_err());
        assert!(parse_date("2016-02-30").is_err());
        assert_eq!(parse_date("kemarin"), Err(NotADate("kemarin".into())));
    }
}

//! Numbers and dates as the chosen language writes them.

use chrono::{Datelike, NaiveDate, Weekday};

use super::Lang;
use crate::domain::number::{format_en, format_id};

const MONTHS_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn weekday(lang: Lang, day: Weekday) -> &'static str {
    let index = day.num_days_from_monday() as usize;
    match lang {
        Lang::Id => [
            "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
        ][index],
        Lang::En => [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ][index],
    }
}

pub fn month(lang: Lang, month0: u32) -> &'static str {
    match lang {
        Lang::Id => MONTHS_ID[month0 as usize % 12],
        Lang::En => MONTHS_EN[month0 as usize % 12],
    }
}

/// Monday to Sunday, short, as a calendar's header: `Sen`, `Mon`.
pub fn weekdays_short(lang: Lang) -> [&'static str; 7] {
    match lang {
        Lang::Id => ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"],
        Lang::En => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    }
}

/// The first three letters of a month (`Agu`, `Aug`).
/// A month and its year, as a date axis marks it: `Okt 2016`.
pub fn month_year(lang: Lang, date: NaiveDate) -> String {
    format!("{} {}", month_short(lang, date.month0()), date.year())
}

pub fn month_short(lang: Lang, month0: u32) -> String {
    month(lang, month0).chars().take(3).collect()
}

/// `570.000` or `570,000`.
pub fn count(lang: Lang, value: u64) -> String {
    match lang {
        Lang::Id => format_id(value),
        Lang::En => format_en(value),
    }
}

/// A change with its sign: `+1.234`, `-56`, `0`.
pub fn change(lang: Lang, value: i64) -> String {
    if value > 0 {
        format!("+{}", count(lang, value as u64))
    } else {
        signed(lang, value)
    }
}

pub fn signed(lang: Lang, value: i64) -> String {
    let body = count(lang, value.unsigned_abs());
    if value < 0 { format!("-{body}") } else { body }
}

/// `73,9 %` or `73.9%`. A share short of all, or above none, never reads as all or none:
/// 99,96 % is `99,9 %` (beside "Belum terkirim 48", `100,0 %` would say nothing is left) and
/// 0,04 % is `0,1 %`.
pub fn percent(lang: Lang, value: f64) -> String {
    let value = if value > 99.9 && value < 100.0 {
        99.9
    } else if value > 0.0 && value < 0.1 {
        0.1
    } else {
        value
    };
    match lang {
        Lang::Id => format!("{value:.1} %").replace('.', ","),
        Lang::En => format!("{value:.1}%"),
    }
}

/// A number with one decimal: `3,5` or `3.5`.
pub fn decimal(lang: Lang, value: f64) -> String {
    match lang {
        Lang::Id => format!("{value:.1}").replace('.', ","),
        Lang::En => format!("{value:.1}"),
    }
}

/// A number as written, no rounding: `0,75` or `0.75`.
pub fn plain(lang: Lang, value: f64) -> String {
    match lang {
        Lang::Id => value.to_string().replace('.', ","),
        Lang::En => value.to_string(),
    }
}

/// `Rabu, 5 Oktober 2016` or `Wednesday, 5 October 2016`.
pub fn date_long(lang: Lang, date: NaiveDate) -> String {
    format!(
        "{}, {} {} {}",
        weekday(lang, date.weekday()),
        date.day(),
        month(lang, date.month0()),
        date.year()
    )
}

/// `30 Juni 2017` or `30 June 2017`: a date in a sentence.
pub fn date_words(lang: Lang, date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        month(lang, date.month0()),
        date.year()
    )
}

/// `Agustus 2018` or `August 2018`: a month in a sentence.
pub fn month_words(lang: Lang, date: NaiveDate) -> String {
    format!("{} {}", month(lang, date.month0()), date.year())
}

/// `5 Okt 2016` or `5 Oct 2016`.
pub fn date_short(lang: Lang, date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        month_short(lang, date.month0()),
        date.year()
    )
}

/// A moment the database stored (RFC 3339), in local time: `7 Des 2026 09.36` (`7 Dec 2026
/// 09:36`); a text that is no such moment, as it is.
pub fn moment(lang: Lang, text: &str) -> String {
    use chrono::Timelike;
    match chrono::DateTime::parse_from_rfc3339(text) {
        Ok(at) => {
            let at = at.with_timezone(&chrono::Local);
            let separator = if lang == Lang::Id { '.' } else { ':' };
            format!(
                "{} {:02}{separator}{:02}",
                date_short(lang, at.date_naive()),
                at.hour(),
                at.minute()
            )
        }
        Err(_) => text.to_string(),
    }
}

pub fn date_opt(lang: Lang, date: Option<NaiveDate>) -> String {
    date.map(|d| date_short(lang, d))
        .unwrap_or_else(|| "—".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_numbers_in_both_languages() {
        let date = NaiveDate::from_ymd_opt(2016, 10, 5).unwrap();
        assert_eq!(date_long(Lang::Id, date), "Rabu, 5 Oktober 2016");
        assert_eq!(date_long(Lang::En, date), "Wednesday, 5 October 2016");
        assert_eq!(date_short(Lang::Id, date), "5 Okt 2016");
        assert_eq!(count(Lang::Id, 570_000), "570.000");
        assert_eq!(count(Lang::En, 570_000), "570,000");
        assert_eq!(percent(Lang::Id, 73.94), "73,9 %");
    }

    #[test]
    fn a_share_short_of_all_or_above_none_is_not_shown_as_all_or_none() {
        // 628.922 of 628.970 sent: 48 are still to send.
        assert_eq!(percent(Lang::Id, 628_922.0 / 628_970.0 * 100.0), "99,9 %");
        assert_eq!(percent(Lang::En, 99.96), "99.9%");
        assert_eq!(percent(Lang::Id, 100.0), "100,0 %");
        assert_eq!(percent(Lang::Id, 0.04), "0,1 %");
        assert_eq!(percent(Lang::Id, 0.0), "0,0 %");
        assert_eq!(percent(Lang::Id, 99.94), "99,9 %");
    }
}

//! Whole-number counts as people type them, and as Indonesian offices print them.

/// Formats a count with `.` between thousands, as Indonesian text does: `570.000`.
pub fn format_id(value: u64) -> String {
    group_digits(&value.to_string(), '.')
}

/// Formats a signed number the Indonesian way: `-1.240`.
pub fn format_id_signed(value: i64) -> String {
    let body = format_id(value.unsigned_abs());
    if value < 0 { format!("-{body}") } else { body }
}

pub fn format_en_signed(value: i64) -> String {
    let body = format_en(value.unsigned_abs());
    if value < 0 { format!("-{body}") } else { body }
}

/// Formats a count with `,` between thousands, as English text does: `570,000`.
pub fn format_en(value: u64) -> String {
    group_digits(&value.to_string(), ',')
}

fn group_digits(digits: &str, separator: char) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// The largest count Pantau accepts: far above any district's population, far below what
/// SQLite's integers hold.
pub const MAX_COUNT: u64 = 1_000_000_000;

/// Why a text is not a count.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CountParseError {
    #[error("is empty")]
    Empty,
    #[error("is negative")]
    Negative,
    #[error("has a fraction; counts are whole numbers")]
    Fraction,
    #[error("is not a whole number")]
    NotANumber,
    #[error("is too large (at most 1,000,000,000)")]
    TooLarge,
}

/// Reads a count typed by a person: `1234`, `1.234`, `1,234` or `1 234` all mean 1234.
///
/// A separator must split the digits into proper groups of three, so `1.5` or `12,50` are
/// refused as fractions rather than silently read as 15 or 1250.
pub fn parse_count(text: &str) -> Result<u64, CountParseError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(CountParseError::Empty);
    }
    if let Some(rest) = text.strip_prefix('-') {
        return Err(if parse_count(rest).is_ok() {
            CountParseError::Negative
        } else {
            CountParseError::NotANumber
        });
    }
    let text = text.strip_prefix('+').unwrap_or(text);
    if !text
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ' '))
    {
        return Err(CountParseError::NotANumber);
    }
    let groups: Vec<&str> = text.split(['.', ',', ' ']).collect();
    let grouped_properly = groups.len() == 1
        || (!groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3));
    if !grouped_properly {
        let last = groups.last().map(|g| g.len()).unwrap_or(0);
        return Err(if groups.len() == 2 && last > 0 && last != 3 {
            CountParseError::Fraction
        } else {
            CountParseError::NotANumber
        });
    }
    let digits: String = groups.concat();
    if digits.is_empty() {
        return Err(CountParseError::NotANumber);
    }
    match digits.parse::<u64>() {
        Ok(value) if value <= MAX_COUNT => Ok(value),
        _ => Err(CountParseError::TooLarge),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_thousands_the_indonesian_way() {
        assert_eq!(format_id(0), "0");
        assert_eq!(format_id(310), "310");
        assert_eq!(format_id(1240), "1.240");
        assert_eq!(format_id(570_000), "570.000");
        assert_eq!(format_id(1_234_567), "1.234.567");
        assert_eq!(format_id_signed(-1240), "-1.240");
        assert_eq!(format_en(771_000), "771,000");
    }

    #[test]
    fn reads_counts_with_either_separator() {
        assert_eq!(parse_count("1234"), Ok(1234));
        assert_eq!(parse_count(" 1.234 "), Ok(1234));
        assert_eq!(parse_count("1,234"), Ok(1234));
        assert_eq!(parse_count("1 234 567"), Ok(1_234_567));
        assert_eq!(parse_count("0"), Ok(0));
        assert_eq!(parse_count("+12"), Ok(12));
    }

    #[test]
    fn refuses_what_is_not_a_count() {
        assert_eq!(parse_count(""), Err(CountParseError::Empty));
        assert_eq!(parse_count("-5"), Err(CountParseError::Negative));
        assert_eq!(parse_count("1.5"), Err(CountParseError::Fraction));
        assert_eq!(parse_count("12,50"), Err(CountParseError::Fraction));
        assert_eq!(parse_count("abc"), Err(CountParseError::NotANumber));
        assert_eq!(parse_count("1.2.3"), Err(CountParseError::NotANumber));
        assert_eq!(parse_count("1234.567"), Err(CountParseError::NotANumber));
        assert_eq!(
            parse_count("99999999999999999999999"),
            Err(CountParseError::TooLarge)
        );
    }
}

//! One cell of an imported row read as what its column holds: a count, a date, yes or no, a
//! kind of movement, a text. An empty or missing cell is never a value.

use chrono::NaiveDate;

use super::issue::{Issue, Need};
use super::table::{Cell, Row, excel_serial_date};
use crate::domain::StockEventKind;
use crate::domain::calendar::parse_date;
use crate::domain::number::{CountParseError, MAX_COUNT, parse_count};
use crate::domain::rules::{self, quoted};

/// The accepted names of each column, compared without case, spaces or punctuation.
pub(super) const DATE: &[&str] = &["tanggal", "tgl", "date"];
pub(super) const UNIT: &[&str] = &["kecamatan", "unit", "unitkerja", "kantor"];
pub(super) const RECORDED: &[&str] = &["perekaman", "rekam", "terekam", "recorded"];
pub(super) const SENT: &[&str] = &["terkirim", "kirim", "sent", "senttocentral"];
pub(super) const PRINTED: &[&str] = &["cetak", "pencetakan", "tercetak", "printed"];
pub(super) const SUKET: &[&str] = &["suket", "suketissued", "suratketerangan"];
pub(super) const PRR: &[&str] = &["prr", "siapcetak", "datasiapcetak", "printready"];
pub(super) const DUP: &[&str] = &["dup", "duplikat", "duplicate"];
pub(super) const EFAC: &[&str] = &["efac", "gagalefac", "failed"];
pub(super) const EFAC_RETAKEN: &[&str] = &[
    "efacretaken",
    "efaculang",
    "efacdirekamulang",
    "rekamulang",
    "rekamulangefac",
    "retaken",
];
pub(super) const SERVER: &[&str] = &["server", "serverok", "statusserver"];
pub(super) const NOTE: &[&str] = &["catatan", "keterangan", "note", "notes"];
pub(super) const KIND: &[&str] = &["jenis", "kind", "mutasi"];
pub(super) const QUANTITY: &[&str] = &["jumlah", "quantity", "qty"];
pub(super) const DOCUMENT: &[&str] = &[
    "bast",
    "nobast",
    "bastdokumen",
    "bastdocument",
    "dokumen",
    "nodokumen",
    "document",
];
pub(super) const COUNTERPARTY: &[&str] = &[
    "darikepada",
    "fromto",
    "dari",
    "kepada",
    "sumber",
    "asal",
    "tujuan",
    "counterparty",
    "source",
];

pub(super) fn normalize(header: &str) -> String {
    header
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A text cell as it was meant: a leading `'` that kept a spreadsheet from running it as a
/// formula (see [`super::export`]) is removed.
pub fn unescape(text: &str) -> String {
    let mut chars = text.chars();
    if chars.next() == Some('\'')
        && let Some(next) = chars.clone().next()
        && matches!(next, '=' | '+' | '-' | '@' | '\t' | '\r')
    {
        return chars.collect();
    }
    text.to_string()
}

/// A cell of a row: what it holds, or that the row ended before it.
pub(super) fn get(row: &Row, column: usize) -> Option<&Cell> {
    row.cells.get(column)
}

/// Why a cell that must hold a value does not.
pub(super) fn missing(cell: Option<&Cell>, need: Need) -> Option<Issue> {
    match cell {
        None => Some(Issue::RowEnds(need)),
        Some(Cell::Formula(formula)) => Some(Issue::Formula(formula.clone())),
        Some(Cell::Error(error)) => Some(Issue::ErrorCell {
            error: error.clone(),
            need,
        }),
        Some(cell) if cell.is_empty() => Some(Issue::Empty(need)),
        Some(_) => None,
    }
}

pub(super) fn count_cell(cell: Option<&Cell>) -> Result<u64, Issue> {
    if let Some(issue) = missing(cell, Need::Count) {
        return Err(issue);
    }
    let cell = cell.unwrap_or(&Cell::Empty);
    let describe = |reason: CountParseError| Issue::BadCount {
        text: quoted(&cell.text()),
        reason,
    };
    match cell {
        Cell::Number(n) | Cell::Date(n) => {
            if *n < 0.0 {
                Err(describe(CountParseError::Negative))
            } else if n.fract() != 0.0 {
                Err(describe(CountParseError::Fraction))
            } else if *n > MAX_COUNT as f64 {
                Err(describe(CountParseError::TooLarge))
            } else {
                Ok(*n as u64)
            }
        }
        Cell::Text(t) => parse_count(t).map_err(describe),
        _ => Err(describe(CountParseError::NotANumber)),
    }
}

pub(super) fn date_cell(cell: Option<&Cell>) -> Result<NaiveDate, Issue> {
    if let Some(issue) = missing(cell, Need::Date) {
        return Err(issue);
    }
    let cell = cell.unwrap_or(&Cell::Empty);
    let not_a_date = || Issue::NotADate(quoted(cell.text().trim()));
    match cell {
        Cell::Date(n) | Cell::Number(n) => excel_serial_date(*n).ok_or_else(not_a_date),
        Cell::Text(t) => parse_date(t).map_err(|_| not_a_date()),
        _ => Err(not_a_date()),
    }
}

pub(super) fn server_cell(cell: Option<&Cell>) -> Result<bool, Issue> {
    if let Some(issue) = missing(cell, Need::Server) {
        return Err(issue);
    }
    match cell.unwrap_or(&Cell::Empty) {
        Cell::Bool(b) => Ok(*b),
        Cell::Number(n) if *n == 0.0 || *n == 1.0 => Ok(*n != 0.0),
        other => match normalize(&other.text()).as_str() {
            "ya" | "yes" | "ok" | "1" | "true" | "normal" | "hidup" | "online" => Ok(true),
            "tidak" | "no" | "0" | "false" | "down" | "mati" | "gangguan" | "offline" => Ok(false),
            _ => Err(Issue::NotYesNo(quoted(&other.text()))),
        },
    }
}

/// A text cell (a note, a document number): may be empty; a formula without its result is not
/// a text, and the text obeys the note rule.
pub(super) fn text_cell(cell: Option<&Cell>) -> Result<String, Issue> {
    let text = match cell {
        None => return Ok(String::new()),
        Some(Cell::Formula(formula)) => return Err(Issue::Formula(formula.clone())),
        // A cell of many megabytes is measured where it lies, not copied first.
        Some(Cell::Text(text)) if text.len() > 4 * (rules::MAX_TEXT_CHARS + 1) => {
            let raw = text.trim();
            let chars = raw.chars().count();
            if chars > rules::MAX_TEXT_CHARS + 1 {
                return Err(Issue::Text(rules::TextProblem::TooLong { chars }));
            }
            unescape(raw)
        }
        Some(cell) => unescape(cell.text().trim()),
    };
    match rules::text_problem(&text) {
        Some(problem) => Err(Issue::Text(problem)),
        None => Ok(text),
    }
}

pub(super) fn stock_kind_cell(cell: Option<&Cell>) -> Result<StockEventKind, Issue> {
    if let Some(issue) = missing(cell, Need::Kind) {
        return Err(issue);
    }
    let text = cell.map(Cell::text).unwrap_or_default();
    let kind = match normalize(&text).as_str() {
        "receipt" | "penerimaan" | "terima" | "diterima" => StockEventKind::Receipt,
        "spoiled" | "rusak" => StockEventKind::Spoiled,
        "lent" | "dipinjamkan" | "pinjamkan" => StockEventKind::Lent,
        "borrowed" | "dipinjam" | "pinjam" => StockEventKind::Borrowed,
        "returnedout" | "dikembalikan" | "kembalikan" => StockEventKind::ReturnedOut,
        "returnedin" | "pengembalian" | "kembali" => StockEventKind::ReturnedIn,
        "count" | "stokopname" | "opname" | "hitung" => StockEventKind::Count,
        // The kinds as the app names them, in either language (Pantau's own export).
        other => {
            let named = |kind: &StockEventKind| {
                [crate::locale::Lang::Id, crate::locale::Lang::En]
                    .iter()
                    .any(|lang| normalize(crate::locale::stock_kind(*lang, *kind)) == other)
            };
            match StockEventKind::ALL.iter().find(|kind| named(kind)) {
                Some(kind) => *kind,
                None => return Err(Issue::NotAMovement(quoted(&text))),
            }
        }
    };
    Ok(kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_match_without_case_or_spacing() {
        assert_eq!(normalize(" Server OK "), "serverok");
        assert_eq!(normalize("Dari / Kepada"), "darikepada");
    }

    #[test]
    fn formula_guards_are_removed() {
        assert_eq!(unescape("'=SUM(A1)"), "=SUM(A1)");
        assert_eq!(unescape("'biasa"), "'biasa");
        assert_eq!(unescape("-"), "-");
    }

    #[test]
    fn counts_from_spreadsheet_cells() {
        let count = |cell: Cell| count_cell(Some(&cell));
        assert_eq!(count(Cell::Number(1240.0)), Ok(1240));
        assert_eq!(count(Cell::Text("1.240".into())), Ok(1240));
        assert_eq!(
            count(Cell::Number(12.5)),
            Err(Issue::BadCount {
                text: "12.5".into(),
                reason: CountParseError::Fraction
            })
        );
        assert!(matches!(
            count(Cell::Number(-1.0)),
            Err(Issue::BadCount {
                reason: CountParseError::Negative,
                ..
            })
        ));
    }

    #[test]
    fn nothing_stands_in_for_a_missing_count() {
        let count = |cell: Option<Cell>| count_cell(cell.as_ref());
        assert_eq!(count(Some(Cell::Empty)), Err(Issue::Empty(Need::Count)));
        assert_eq!(
            count(Some(Cell::Text("  ".into()))),
            Err(Issue::Empty(Need::Count))
        );
        assert_eq!(count(None), Err(Issue::RowEnds(Need::Count)));
        assert_eq!(
            count(Some(Cell::Formula("1+1".into()))),
            Err(Issue::Formula("1+1".into()))
        );
        assert_eq!(
            count(Some(Cell::Error("#DIV/0!".into()))),
            Err(Issue::ErrorCell {
                error: "#DIV/0!".into(),
                need: Need::Count
            })
        );
        assert!(server_cell(Some(&Cell::Empty)).is_err());
        assert!(server_cell(Some(&Cell::Number(7.0))).is_err());
    }
}

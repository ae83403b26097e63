//! Recap sheets as offices keep them: one row per kecamatan, one column per day (or month), a
//! title and a few header rows above (merged cells and all), often a total row below, and one
//! measure per sheet (Rekam, Terkirim, Cetak, …) or per block of a sheet.
//!
//! A workbook of such sheets becomes the long table of daily reports it stands for: each
//! kecamatan and day gets its report from the sheets of every measure. The total row (and a
//! total column) is checked against the sum of what it totals and never imported as a unit.
//! Where the day columns give no month, the title or the sheet's name gives it, or the import
//! is given one ([`Options::month`]). Nothing is invented: an empty cell in a column with
//! figures is refused by its row and column; a column with no figures at all (a day not yet
//! filled in) is left out and said so; a day one measure gives and another does not is refused.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use super::cells::{count_cell, normalize};
use super::issue::{FirstSeen, Issue, Need, Note};
use super::reader::{ColumnNames, FromRow, Reader, SheetColumns};
use super::table::{self, Cell, Row, Sheet, column_letters, excel_serial_date};
use super::{Plan, Problem};
use crate::domain::dataset::normalize_name;
use crate::domain::rules::RuleViolation;
use crate::domain::{CountField, Counts, DailyReport, PrrCounts, PrrField, UnitId};

/// A sheet with more rows than this is a long table, not a recap.
const MAX_RECAP_ROWS: usize = 5_000;
/// Columns looked at: a unit, a year of days, totals.
const MAX_RECAP_COLUMNS: usize = 400;

/// What one recap sheet or block counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Measure {
    Count(CountField),
    Stage(PrrField),
}

impl Measure {
    /// The words that name the measure in a sheet's name or title, compared without case,
    /// spaces or punctuation; the more particular first ("siap cetak" before "cetak").
    const WORDS: [(Measure, &'static [&'static str]); 8] = [
        (
            Measure::Stage(PrrField::EfacRetaken),
            &["efaculang", "rekamulang", "efacretaken", "direkamulang"],
        ),
        (
            Measure::Stage(PrrField::Prr),
            &["prr", "siapcetak", "printready"],
        ),
        (
            Measure::Stage(PrrField::Dup),
            &["dup", "duplikat", "duplicate"],
        ),
        (Measure::Stage(PrrField::Efac), &["efac"]),
        (
            Measure::Count(CountField::SuketIssued),
            &["suket", "suratketerangan"],
        ),
        (
            Measure::Count(CountField::SentToCentral),
            &["terkirim", "kirim", "pengiriman"],
        ),
        (
            Measure::Count(CountField::Printed),
            &["cetak", "pencetakan", "printed"],
        ),
        (
            Measure::Count(CountField::Recorded),
            &["perekaman", "rekam", "terekam", "recorded"],
        ),
    ];

    /// The one measure `text` names, or every one it names when it names several (or none).
    fn named_in(text: &str) -> Result<Measure, Vec<Measure>> {
        let mut text = normalize(text);
        // "Rekapitulasi" is the title of every recap, not "rekam".
        for word in ["rekapitulasi", "rekap"] {
            text = text.replace(word, " ");
        }
        let mut found = Vec::new();
        for (measure, words) in Measure::WORDS {
            if let Some(word) = words.iter().find(|w| text.contains(*w)) {
                found.push(measure);
                // "siap cetak" is PRR, not printing as well; "Efac rekam ulang" is neither
                // recording nor Efac.
                text = text.replace(word, " ");
                if measure == Measure::Stage(PrrField::EfacRetaken) {
                    text = text.replace("efac", " ");
                }
            }
        }
        match found.as_slice() {
            [one] => Ok(*one),
            _ => Err(found),
        }
    }

    /// The word used in messages: `recorded`, `prr`, …
    pub fn name(self) -> &'static str {
        match self {
            Measure::Count(field) => field.name(),
            Measure::Stage(field) => field.name(),
        }
    }
}

/// The month a recap's day columns are in, when the file does not say.
pub type Month = (i32, u32);

/// Reads "2016-10" (or "10/2016", "10-2016", "Oktober 2016", "Okt 2016").
pub fn parse_month(text: &str) -> Option<Month> {
    let text = text.trim();
    if let Some((Some(year), month)) = month_in(text) {
        return Some((year, month));
    }
    let (a, b) = text.split_once(['-', '/', '.'])?;
    let (year, month) = if a.len() == 4 {
        (a.parse().ok()?, b.parse().ok()?)
    } else {
        (b.parse().ok()?, a.parse().ok()?)
    };
    (NaiveDate::from_ymd_opt(year, month, 1).is_some() && (1990..=2100).contains(&year))
        .then_some((year, month))
}

const MONTHS: [(&str, u32); 31] = [
    ("januari", 1),
    ("january", 1),
    ("jan", 1),
    ("februari", 2),
    ("pebruari", 2),
    ("february", 2),
    ("feb", 2),
    ("peb", 2),
    ("maret", 3),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("mei", 5),
    ("may", 5),
    ("juni", 6),
    ("june", 6),
    ("jun", 6),
    ("juli", 7),
    ("july", 7),
    ("jul", 7),
    ("agustus", 8),
    ("august", 8),
    ("agu", 8),
    ("agt", 8),
    ("ags", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("oktober", 10),
];

const MORE_MONTHS: [(&str, u32); 10] = [
    ("october", 10),
    ("okt", 10),
    ("oct", 10),
    ("nopember", 11),
    ("november", 11),
    ("nov", 11),
    ("nop", 11),
    ("desember", 12),
    ("december", 12),
    ("des", 12),
];

fn month_word(word: &str) -> Option<u32> {
    let word = word.to_lowercase();
    MONTHS
        .iter()
        .chain(MORE_MONTHS.iter())
        .find(|(name, _)| *name == word || (word.len() > 3 && word == format!("{name}.")))
        .map(|(_, m)| *m)
        .or_else(|| (word == "dec").then_some(12))
}

/// A month named in free text ("REKAPITULASI … BULAN OKTOBER 2016", "Okt-16"), with its year
/// where one follows it.
fn month_in(text: &str) -> Option<(Option<i32>, u32)> {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let year_of = |w: &str| -> Option<i32> {
        let y: i32 = w.parse().ok()?;
        match w.len() {
            4 if (1990..=2100).contains(&y) => Some(y),
            2 => Some(2000 + y),
            _ => None,
        }
    };
    for (i, word) in words.iter().enumerate() {
        if let Some(month) = month_word(word) {
            let year = words.get(i + 1).and_then(|w| year_of(w)).or_else(|| {
                // "2016 Oktober" is rare; a four-digit year anywhere in the text will do.
                words
                    .iter()
                    .filter(|w| w.len() == 4)
                    .find_map(|w| year_of(w))
            });
            return Some((year, month));
        }
    }
    None
}

/// What a header cell says its column holds.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Period {
    /// `1` … `31`: a day of the block's month.
    Day(u32),
    /// `01/10`: a day and month, of the block's year.
    DayMonth(u32, u32),
    Date(NaiveDate),
    /// `Okt 2016`, `Oktober`: a whole month.
    Month(Option<i32>, u32),
}

impl Period {
    fn of(cell: &Cell) -> Option<Period> {
        match cell {
            Cell::Number(n) if n.fract() == 0.0 && (1.0..=31.0).contains(n) => {
                Some(Period::Day(*n as u32))
            }
            Cell::Date(serial) => excel_serial_date(*serial).map(Period::Date),
            Cell::Text(text) => Period::of_text(text.trim()),
            _ => None,
        }
    }

    fn of_text(text: &str) -> Option<Period> {
        if let Ok(day) = text.parse::<u32>() {
            return (1..=31).contains(&day).then_some(Period::Day(day));
        }
        let parts: Vec<&str> = text.split(['/', '-', '.']).collect();
        if parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        {
            let numbers: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
            return match numbers.as_slice() {
                [d, m] if (1..=31).contains(d) && (1..=12).contains(m) => {
                    Some(Period::DayMonth(*d, *m))
                }
                [d, m, y] => {
                    let year = if parts[2].len() == 2 {
                        2000 + *y as i32
                    } else {
                        *y as i32
                    };
                    NaiveDate::from_ymd_opt(year, *m, *d).map(Period::Date)
                }
                _ => None,
            };
        }
        // A month alone, with or without its year: "Okt 2016", "Oktober", "Okt-16".
        let words: Vec<&str> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        match words.as_slice() {
            [m] => month_word(m).map(|m| Period::Month(None, m)),
            [m, y] => {
                let month = month_word(m)?;
                let year: i32 = y.parse().ok()?;
                let year = match y.len() {
                    2 => 2000 + year,
                    4 => year,
                    _ => return None,
                };
                Some(Period::Month(Some(year), month))
            }
            _ => None,
        }
    }

    fn is_month(self) -> bool {
        matches!(self, Period::Month(..))
    }
}

/// The words of a unit column's header.
const UNIT_WORDS: &[&str] = &[
    "kecamatan",
    "namakecamatan",
    "kec",
    "unit",
    "namaunit",
    "unitkerja",
    "wilayah",
    "kantor",
];

/// Does this cell begin a total row or name a total column?
fn is_total(text: &str) -> bool {
    let t = normalize(text);
    t.starts_with("jumlah") || t.starts_with("total") || t == "kabupaten" || t == "grandtotal"
}

/// A column of a recap and the day its figures are reports of.
type DayColumn = (usize, NaiveDate);

/// The row of column numbers under a form's header ("1", "(2)") names no unit.
fn is_column_number(text: &str) -> bool {
    let t = text.trim().trim_start_matches('(').trim_end_matches(')');
    !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit())
}

/// One figure read from a recap: a unit's measure on a day.
struct Figure {
    measure: Measure,
    unit: UnitId,
    date: NaiveDate,
    value: u64,
    /// Index into [`Recap::sheets`].
    sheet: usize,
    row: usize,
    column: usize,
}

/// What the recap sheets of a file held.
#[derive(Default)]
pub(super) struct Recap {
    /// Each sheet read as a recap: its name and its columns' labels.
    sheets: Vec<RecapSheet>,
    figures: Vec<Figure>,
    /// Notes to add to the plan.
    notes: Vec<Note>,
    problems: Vec<Problem>,
    /// Measures that had a block.
    measures: Vec<Measure>,
    /// Figures refused by their cell: not missing as well.
    refused: std::collections::HashSet<(Measure, UnitId, NaiveDate)>,
    /// Measures with a block refused as a whole (no month): their days are not missing too.
    failed: Vec<Measure>,
    /// The month named above an earlier block of the sheet being read (its title).
    sheet_month: Option<(Option<i32>, u32)>,
}

struct RecapSheet {
    name: Option<String>,
    labels: Vec<String>,
}

/// Context for the blocks of one sheet.
struct Context<'a> {
    units: &'a HashMap<String, UnitId>,
    data: &'a crate::domain::Dataset,
    month: Option<Month>,
    today: NaiveDate,
    file: &'a str,
}

impl Recap {
    /// Reads every sheet of `path` that is a recap. Sheets that are not are left alone (the
    /// long-table reader has already said why).
    pub(super) fn read(
        path: &std::path::Path,
        reader: &Reader<'_>,
        file: &str,
        month: Option<Month>,
        today: NaiveDate,
    ) -> Recap {
        let mut recap = Recap::default();
        let context = Context {
            units: &reader.units,
            data: reader.data,
            month,
            today,
            file,
        };
        let _ = table::read(path, &mut |sheet| {
            recap.sheet(sheet, &context);
            true
        });
        recap
    }

    fn sheet(&mut self, sheet: &mut dyn Sheet, context: &Context<'_>) {
        sheet.set_width(MAX_RECAP_COLUMNS);
        let mut rows: Vec<Row> = Vec::new();
        loop {
            match sheet.next_row() {
                Ok(Some(row)) => {
                    rows.push(row);
                    if rows.len() > MAX_RECAP_ROWS {
                        return;
                    }
                }
                Ok(None) => break,
                Err(_) => return,
            }
        }
        let name = sheet.name().map(str::to_string);
        let width = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
        // A CSV file's columns by letter, as Excel shows it: its first row is a title, not a
        // header, and a figure's cell is then named as a cell (C61).
        let labels: Vec<String> = (0..width)
            .map(|c| match name {
                Some(_) => sheet.column_label(c),
                None => column_letters(c),
            })
            .collect();
        let index = self.sheets.len();
        let before = self.figures.len();
        self.sheet_month = None;
        let mut start = 0;
        let mut i = 0;
        let mut blocks = 0;
        while i < rows.len() {
            match self.block(&rows, start, i, index, name.as_deref(), &labels, context) {
                Some(end) => {
                    blocks += 1;
                    start = end;
                    i = end;
                }
                None => i += 1,
            }
        }
        if blocks > 0 {
            self.sheets.push(RecapSheet { name, labels });
        } else {
            self.figures.truncate(before);
        }
    }

    /// Reads the block whose header is row `h` (its title rows from `start`), if row `h` is a
    /// recap's header; returns the index of the row after the block.
    #[allow(clippy::too_many_arguments)]
    fn block(
        &mut self,
        rows: &[Row],
        start: usize,
        h: usize,
        sheet: usize,
        name: Option<&str>,
        labels: &[String],
        context: &Context<'_>,
    ) -> Option<usize> {
        let header = &rows[h];
        let known = |cell: &Cell| context.units.contains_key(&normalize_name(&cell.text()));
        if header.cells.iter().any(known) {
            return None;
        }
        let periods: Vec<(usize, Period)> = header
            .cells
            .iter()
            .enumerate()
            .filter_map(|(c, cell)| Period::of(cell).map(|p| (c, p)))
            .collect();
        if periods.len() < 2
            || periods
                .iter()
                .any(|(_, p)| p.is_month() != periods[0].1.is_month())
        {
            return None;
        }
        // The unit column: named in this row or, under merged header cells, up to two above.
        let first_period = periods[0].0;
        let unit_col = (start.max(h.saturating_sub(2))..=h).rev().find_map(|r| {
            rows[r].cells[..first_period.min(rows[r].cells.len())]
                .iter()
                .position(|c| UNIT_WORDS.contains(&normalize(&c.text()).as_str()))
        })?;
        let problem = |row: usize, column: Option<usize>, issue: Issue| Problem {
            file: context.file.to_string(),
            sheet: name.map(str::to_string),
            row: Some(row),
            column: column.map(|c| labels.get(c).cloned().unwrap_or_else(|| column_letters(c))),
            issue,
        };
        // The text above the header (the title, a merged month cell) and the sheet's name.
        let above: Vec<String> = rows[start..h]
            .iter()
            .flat_map(|r| r.cells.iter().map(Cell::text))
            .filter(|t| !t.trim().is_empty())
            .collect();
        let measure = match name.map(Measure::named_in) {
            Some(Ok(m)) => m,
            _ => match Measure::named_in(&above.join(" ")) {
                Ok(m) => m,
                Err(found) => {
                    self.problems.push(problem(
                        header.number,
                        Some(unit_col),
                        Issue::RecapNoMeasure { found },
                    ));
                    return Some(self.block_end(rows, h, unit_col, context));
                }
            },
        };
        if !self.measures.contains(&measure) {
            self.measures.push(measure);
        }
        let month = above.iter().find_map(|t| month_in(t)).or(self.sheet_month);
        self.sheet_month = month;
        let month = month.or_else(|| name.and_then(month_in));
        // The block's rows: units, until a total row, another header, or text that is neither.
        let end = self.block_end(rows, h, unit_col, context);
        let mut data_rows: Vec<&Row> = Vec::new();
        let mut total_row: Option<&Row> = None;
        for row in &rows[h + 1..end] {
            let unit = row.cells.get(unit_col).map(Cell::text).unwrap_or_default();
            if is_column_number(&unit) {
                continue;
            }
            if is_total(&unit) {
                total_row = Some(row);
            } else {
                data_rows.push(row);
            }
        }
        let has_figures = |c: usize| {
            data_rows
                .iter()
                .any(|r| r.cells.get(c).is_some_and(|cell| !cell.is_empty()))
        };
        // Each period column's date.
        let mut dates: Vec<(usize, NaiveDate)> = Vec::new();
        let mut monthly = false;
        for (c, period) in &periods {
            let year = month.and_then(|(y, _)| y).or(context.month.map(|(y, _)| y));
            let of_month = month.and_then(|(y, m)| y.map(|y| (y, m))).or(context.month);
            let date = match *period {
                Period::Date(d) => Some(d),
                Period::Day(d) => match of_month {
                    Some((y, m)) => NaiveDate::from_ymd_opt(y, m, d),
                    None => {
                        self.problems
                            .push(problem(header.number, Some(*c), Issue::RecapNoMonth));
                        self.failed.push(measure);
                        return Some(self.block_end(rows, h, unit_col, context));
                    }
                },
                Period::DayMonth(d, m) => match year {
                    Some(y) => NaiveDate::from_ymd_opt(y, m, d),
                    None => {
                        self.problems
                            .push(problem(header.number, Some(*c), Issue::RecapNoMonth));
                        self.failed.push(measure);
                        return Some(self.block_end(rows, h, unit_col, context));
                    }
                },
                Period::Month(y, m) => {
                    monthly = true;
                    match y.or(year) {
                        Some(y) => self.month_day(context, y, m),
                        None => {
                            self.problems.push(problem(
                                header.number,
                                Some(*c),
                                Issue::RecapNoMonth,
                            ));
                            self.failed.push(measure);
                            return Some(self.block_end(rows, h, unit_col, context));
                        }
                    }
                }
            };
            match date {
                Some(date) => dates.push((*c, date)),
                // A template's 31st in a month of 30, left empty.
                None if !has_figures(*c) => {}
                None => {
                    self.problems.push(problem(
                        header.number,
                        Some(*c),
                        Issue::RecapBadPeriod {
                            text: header.cells[*c].text(),
                            month: of_month,
                        },
                    ));
                }
            }
        }
        // A total column after the periods, and other columns said to be left aside.
        let last_period = periods.last().map_or(0, |(c, _)| *c);
        let mut total_col = None;
        let width = (start.max(h.saturating_sub(2))..=h)
            .map(|r| rows[r].cells.len())
            .max()
            .unwrap_or(0);
        for c in 0..width {
            if c == unit_col || periods.iter().any(|(p, _)| *p == c) {
                continue;
            }
            // A column's header: in the header row, or in a merged cell above it.
            let Some(text) = (start.max(h.saturating_sub(2))..=h)
                .rev()
                .filter_map(|r| rows[r].cells.get(c))
                .find(|cell| !cell.is_empty())
                .map(Cell::text)
            else {
                continue;
            };
            if c > last_period && is_total(&text) && total_col.is_none() {
                total_col = Some(c);
            } else if c > unit_col {
                self.notes.push(Note::ColumnNotImported {
                    column: labels.get(c).cloned().unwrap_or_else(|| column_letters(c)),
                    sheet: name.map(str::to_string),
                });
            }
        }
        // A column with nothing in any unit's row is a day not filled in yet.
        let (filled, empty): (Vec<DayColumn>, Vec<DayColumn>) =
            dates.iter().copied().partition(|(c, _)| has_figures(*c));
        let mut sums = vec![0u64; filled.len()];
        // A row refused for its unit is still in the total below it: its figures count there,
        // so a misspelt kecamatan is one problem, not one more per day.
        let add_to = |sums: &mut Vec<u64>, row: &Row| {
            for (sum, (c, _)) in sums.iter_mut().zip(&filled) {
                if let Ok(value) = count_cell(row.cells.get(*c)) {
                    *sum += value;
                }
            }
        };
        let mut units = 0;
        for row in &data_rows {
            let cell = row.cells.get(unit_col);
            let text = cell.map(Cell::text).unwrap_or_default();
            let unit = match context.units.get(&normalize_name(&text)) {
                Some(unit) => *unit,
                None if text.trim().is_empty() => {
                    self.problems.push(problem(
                        row.number,
                        Some(unit_col),
                        Issue::Empty(Need::Unit),
                    ));
                    add_to(&mut sums, row);
                    continue;
                }
                None => {
                    self.problems.push(problem(
                        row.number,
                        Some(unit_col),
                        Issue::Rule(RuleViolation::UnknownUnit {
                            name: crate::domain::rules::quoted(text.trim()),
                            known: context.data.units.iter().map(|u| u.name.clone()).collect(),
                        }),
                    ));
                    add_to(&mut sums, row);
                    continue;
                }
            };
            units += 1;
            let mut row_sum = Some(0u64);
            for (k, (c, date)) in filled.iter().enumerate() {
                match count_cell(row.cells.get(*c)) {
                    Ok(value) => {
                        sums[k] += value;
                        row_sum = row_sum.map(|s| s + value);
                        self.figures.push(Figure {
                            measure,
                            unit,
                            date: *date,
                            value,
                            sheet,
                            row: row.number,
                            column: *c,
                        });
                    }
                    Err(issue) => {
                        row_sum = None;
                        self.refused.insert((measure, unit, *date));
                        self.problems.push(problem(row.number, Some(*c), issue));
                    }
                }
            }
            // The row's own total, where the sheet has one and every day was read.
            if let (Some(t), Some(sum)) = (total_col, row_sum)
                && let Ok(total) = count_cell(row.cells.get(t))
                && total != sum
            {
                self.problems.push(problem(
                    row.number,
                    Some(t),
                    Issue::RecapTotal { total, sum },
                ));
            }
        }
        if let Some(row) = total_row {
            for (k, (c, _)) in filled.iter().enumerate() {
                let cell = row.cells.get(*c);
                if cell.is_none_or(Cell::is_empty) {
                    continue;
                }
                // A total that cannot be read (a formula never calculated) cannot be checked;
                // it is not imported either.
                if let Ok(total) = count_cell(cell)
                    && total != sums[k]
                {
                    self.problems.push(problem(
                        row.number,
                        Some(*c),
                        Issue::RecapTotal {
                            total,
                            sum: sums[k],
                        },
                    ));
                }
            }
        }
        self.notes.push(Note::RecapRead {
            sheet: name.map(str::to_string),
            row: header.number,
            measure,
            units,
            days: filled.len(),
            first: filled.iter().map(|(_, d)| *d).min(),
            last: filled.iter().map(|(_, d)| *d).max(),
            monthly,
            total_row: total_row.map(|r| r.number),
        });
        if !empty.is_empty() {
            self.notes.push(Note::RecapEmptyColumns {
                sheet: name.map(str::to_string),
                columns: empty
                    .iter()
                    .map(|(c, _)| {
                        labels
                            .get(*c)
                            .cloned()
                            .unwrap_or_else(|| column_letters(*c))
                    })
                    .collect(),
            });
        }
        Some(end)
    }

    /// The row after the block whose header is row `h`: after its total row, or at the next
    /// header or at a row that names no unit and holds no figures (a footer, a signature).
    fn block_end(&self, rows: &[Row], h: usize, unit_col: usize, context: &Context<'_>) -> usize {
        for (i, row) in rows.iter().enumerate().skip(h + 1) {
            let unit = row.cells.get(unit_col).map(Cell::text).unwrap_or_default();
            if is_total(&unit) {
                return i + 1;
            }
            if context.units.contains_key(&normalize_name(&unit)) || is_column_number(&unit) {
                continue;
            }
            // A row of a unit Pantau does not know still holds figures (and is refused by
            // name); a row of text alone is a footer, a signature, or the next block's title.
            let figures = row.cells.iter().enumerate().any(|(c, cell)| {
                c != unit_col && !cell.is_empty() && count_cell(Some(cell)).is_ok()
            });
            let header = UNIT_WORDS.contains(&normalize(&unit).as_str());
            if header || !figures {
                return i;
            }
        }
        rows.len()
    }

    /// The day a month's figure is stored on: its last working day, or today within the
    /// current month.
    fn month_day(&self, context: &Context<'_>, year: i32, month: u32) -> Option<NaiveDate> {
        let first = NaiveDate::from_ymd_opt(year, month, 1)?;
        let last = first
            .checked_add_months(chrono::Months::new(1))?
            .pred_opt()?;
        let mut day = last.min(context.today.max(first));
        while day > first && !context.data.calendar.is_working_day(day) {
            day = day.pred_opt()?;
        }
        Some(day)
    }

    /// Whether any sheet was a recap.
    pub(super) fn found(&self) -> bool {
        !self.sheets.is_empty()
    }

    /// Turns the figures into daily reports read by `reader`, with every problem and note in
    /// `plan`.
    pub(super) fn into_reports(self, reader: &mut Reader<'_>, plan: &mut Plan, file: &str) {
        let Recap {
            sheets,
            figures,
            notes,
            problems,
            measures,
            refused,
            failed,
            ..
        } = self;
        // A recap sheet is read: the long-table reader's word that it was left aside is void.
        let recap_names: Vec<Option<String>> = sheets.iter().map(|s| s.name.clone()).collect();
        plan.notes.retain(|n| match n {
            Note::SheetLeftAside { sheet, .. } => !recap_names.contains(&Some(sheet.clone())),
            _ => true,
        });
        plan.notes.extend(notes);
        reader.first_refusal = None;
        reader.sheets_read += sheets.len();
        for problem in problems {
            plan.push_problem(problem);
        }
        let file_problem = |issue: Issue| Problem {
            file: file.to_string(),
            sheet: None,
            row: None,
            column: None,
            issue,
        };
        for field in [
            CountField::Recorded,
            CountField::SentToCentral,
            CountField::Printed,
        ] {
            if !measures.contains(&Measure::Count(field)) {
                plan.push_problem(file_problem(Issue::RecapNoSheetFor {
                    measure: Measure::Count(field),
                }));
            }
        }
        let has = |m: Measure| measures.contains(&m);
        if !has(Measure::Count(CountField::SuketIssued)) {
            plan.notes.push(Note::NoSuketColumn { sheet: None });
        }
        plan.notes.push(Note::NoServerColumn { sheet: None });
        let counts_stage = has(Measure::Stage(PrrField::Prr));
        if counts_stage {
            for field in &PrrField::ALL[1..] {
                if !has(Measure::Stage(*field)) {
                    plan.notes.push(Note::NoStageColumn {
                        sheet: None,
                        field: *field,
                    });
                }
            }
        } else if measures.iter().any(|m| matches!(m, Measure::Stage(_))) {
            plan.push_problem(file_problem(Issue::RecapNoSheetFor {
                measure: Measure::Stage(PrrField::Prr),
            }));
        }
        // Each unit and day: its figure of every measure, each read once.
        let mut days: BTreeMap<(UnitId, NaiveDate), BTreeMap<Measure, usize>> = BTreeMap::new();
        for (i, figure) in figures.iter().enumerate() {
            let slot = days.entry((figure.unit, figure.date)).or_default();
            if let Some(&first) = slot.get(&figure.measure) {
                let first = &figures[first];
                let sheet = &sheets[figure.sheet];
                plan.push_problem(Problem {
                    file: file.to_string(),
                    sheet: sheet.name.clone(),
                    row: Some(figure.row),
                    column: Some(sheet.labels[figure.column].clone()),
                    issue: Issue::Twice {
                        unit: reader.data.unit_name(figure.unit),
                        date: figure.date,
                        first: FirstSeen {
                            sheet: sheets[first.sheet].name.clone(),
                            row: first.row,
                        },
                    },
                });
                continue;
            }
            slot.insert(figure.measure, i);
        }
        let needed: Vec<Measure> = measures
            .iter()
            .copied()
            .filter(|m| counts_stage || matches!(m, Measure::Count(_)))
            .collect();
        for ((unit, date), slot) in days {
            if needed.iter().any(|m| refused.contains(&(*m, unit, date))) {
                continue;
            }
            let missing: Vec<Measure> = needed
                .iter()
                .copied()
                .filter(|m| !slot.contains_key(m) && !failed.contains(m))
                .collect();
            if needed.iter().any(|m| failed.contains(m)) && missing.is_empty() {
                // Refused already with its block: nothing to import for this day.
                continue;
            }
            // Where the report is said to be: the first measure's cell.
            let Some((_, &anchor)) = slot.iter().next() else {
                continue;
            };
            let anchor = &figures[anchor];
            let anchor_sheet = &sheets[anchor.sheet];
            if !missing.is_empty() {
                for measure in missing {
                    plan.push_problem(Problem {
                        file: file.to_string(),
                        sheet: anchor_sheet.name.clone(),
                        row: Some(anchor.row),
                        column: Some(anchor_sheet.labels[anchor.column].clone()),
                        issue: Issue::RecapMeasureMissing {
                            measure,
                            unit: reader.data.unit_name(unit),
                            date,
                        },
                    });
                }
                continue;
            }
            let value = |m: Measure| slot.get(&m).map_or(0, |&i| figures[i].value);
            // Each figure's cell, named with its sheet where that is not the anchor's.
            let cell = |m: Measure| -> String {
                let Some(&i) = slot.get(&m) else {
                    return String::new();
                };
                let f = &figures[i];
                let sheet = &sheets[f.sheet];
                let column = &sheet.labels[f.column];
                match (&sheet.name, f.sheet == anchor.sheet, f.row == anchor.row) {
                    (Some(name), false, _) => format!("{name}!{column}{}", f.row),
                    (_, true, true) => column.clone(),
                    _ => format!("{column}{}", f.row),
                }
            };
            let counts = Counts {
                recorded: value(Measure::Count(CountField::Recorded)),
                sent_to_central: value(Measure::Count(CountField::SentToCentral)),
                printed: value(Measure::Count(CountField::Printed)),
                suket_issued: value(Measure::Count(CountField::SuketIssued)),
            };
            let prr = counts_stage.then(|| PrrCounts {
                prr: value(Measure::Stage(PrrField::Prr)),
                dup: value(Measure::Stage(PrrField::Dup)),
                efac: value(Measure::Stage(PrrField::Efac)),
                efac_retaken: value(Measure::Stage(PrrField::EfacRetaken)),
            });
            let columns = ColumnNames {
                unit: String::new(),
                date: String::new(),
                fields: CountField::ALL.map(|f| cell(Measure::Count(f))),
                stage: if counts_stage {
                    PrrField::ALL.map(|f| cell(Measure::Stage(f)))
                } else {
                    Default::default()
                },
                ..ColumnNames::default()
            };
            let index = reader.sheets.len() as u32;
            reader.sheets.push(SheetColumns {
                name: anchor_sheet.name.clone(),
                columns,
            });
            reader.reports.push(FromRow {
                sheet: index,
                row: anchor.row as u32,
                value: DailyReport {
                    unit_id: unit,
                    date,
                    counts,
                    server_ok: true,
                    note: String::new(),
                    prr,
                },
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_as_offices_write_them() {
        assert_eq!(Period::of(&Cell::Number(1.0)), Some(Period::Day(1)));
        assert_eq!(Period::of_text("31"), Some(Period::Day(31)));
        assert_eq!(Period::of_text("01/10"), Some(Period::DayMonth(1, 10)));
        assert_eq!(
            Period::of_text("05/10/2016"),
            NaiveDate::from_ymd_opt(2016, 10, 5).map(Period::Date)
        );
        assert_eq!(
            Period::of_text("Okt 2016"),
            Some(Period::Month(Some(2016), 10))
        );
        assert_eq!(Period::of_text("Oktober"), Some(Period::Month(None, 10)));
        assert_eq!(
            Period::of_text("Agt-16"),
            Some(Period::Month(Some(2016), 8))
        );
        assert_eq!(Period::of_text("Jumlah"), None);
        assert_eq!(Period::of_text("0"), None);
        assert_eq!(Period::of_text("32"), None);
    }

    #[test]
    fn the_month_comes_from_the_title() {
        assert_eq!(
            month_in("REKAPITULASI PEREKAMAN KTP-EL BULAN OKTOBER 2016"),
            Some((Some(2016), 10))
        );
        assert_eq!(month_in("Rekam Nop 2016"), Some((Some(2016), 11)));
        assert_eq!(month_in("KABUPATEN SAMPANG"), None);
        assert_eq!(parse_month("2016-10"), Some((2016, 10)));
        assert_eq!(parse_month("10/2016"), Some((2016, 10)));
        assert_eq!(parse_month("2016-13"), None);
        assert_eq!(parse_month("Juni 2017"), Some((2017, 6)));
        assert_eq!(parse_month("juni"), None);
    }

    #[test]
    fn the_measure_comes_from_the_sheet_or_the_title() {
        let m = |t: &str| Measure::named_in(t);
        assert_eq!(m("Rekam"), Ok(Measure::Count(CountField::Recorded)));
        assert_eq!(
            m("REKAPITULASI PEREKAMAN KTP-EL"),
            Ok(Measure::Count(CountField::Recorded))
        );
        assert_eq!(m("Terkirim"), Ok(Measure::Count(CountField::SentToCentral)));
        assert_eq!(m("Cetak"), Ok(Measure::Count(CountField::Printed)));
        assert_eq!(m("Data Siap Cetak"), Ok(Measure::Stage(PrrField::Prr)));
        assert_eq!(
            m("Efac rekam ulang"),
            Ok(Measure::Stage(PrrField::EfacRetaken))
        );
        assert_eq!(m("Suket"), Ok(Measure::Count(CountField::SuketIssued)));
        assert!(m("Rekam dan Cetak").is_err());
        assert_eq!(m("Sheet1"), Err(vec![]));
    }
}

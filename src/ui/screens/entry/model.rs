//! The grid's data: one row per active unit for one date, what the clerk typed, and what the
//! rules say about it. Plain data with no egui in it; the screen only shows it.
//!
//! Validation calls the same domain rules as the CLI and the importer, against the stored
//! data with the edited rows applied. That working copy shares the stored data until the
//! first edit and is then kept up to date row by row, so no keystroke copies the dataset.

use std::sync::Arc;

use chrono::NaiveDate;

use crate::domain::judge::{Change, OutlierPolicy, judge};
use crate::domain::number::parse_count;
use crate::domain::rules::{self, Place, RuleViolation};
use crate::domain::{CountField, Counts, DailyReport, Dataset, PrrCounts, PrrField, UnitId};
use crate::locale::{Lang, fmt};

/// The count columns, in order; after them come, for an office that counts the centre's
/// stage, its four columns, then Server OK and the note.
pub const COUNT_COLUMNS: [CountField; 4] = [
    CountField::Recorded,
    CountField::SentToCentral,
    CountField::Printed,
    CountField::SuketIssued,
];
/// The centre's stage columns (PRR, DUP, Efac, Efac retaken), after the counts.
pub const STAGE_COLUMNS: [PrrField; 4] = PrrField::ALL;

/// What a number column of the grid holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Count(CountField),
    Stage(PrrField),
}

/// The grid's columns: Rekam, Terkirim, Cetak, Suket, (PRR, DUP, Efac, Efac ulang,) Server OK,
/// Catatan. The stage's columns are there for an office that counts it (its setting).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Layout {
    pub stage: bool,
    /// The number cells hold each unit's totals to date (s.d. hari ini); the day's counts are
    /// the totals less those up to the day before.
    pub cumulative: bool,
}

impl Layout {
    /// How many number columns come before Server OK.
    pub fn numbers(self) -> usize {
        if self.stage { 8 } else { 4 }
    }

    pub fn server(self) -> usize {
        self.numbers()
    }

    pub fn note(self) -> usize {
        self.numbers() + 1
    }

    pub fn columns(self) -> usize {
        self.numbers() + 2
    }

    /// What the number column `column` holds; `None` for Server OK, the note and beyond.
    pub fn field(self, column: usize) -> Option<Field> {
        match column {
            c if c < 4 => Some(Field::Count(COUNT_COLUMNS[c])),
            c if c < self.numbers() => Some(Field::Stage(STAGE_COLUMNS[c - 4])),
            _ => None,
        }
    }

    /// The grid column of a stage field.
    pub fn stage_column(self, field: PrrField) -> Option<usize> {
        let index = STAGE_COLUMNS.iter().position(|f| *f == field)?;
        self.stage.then_some(4 + index)
    }
}

/// A place in the grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    pub row: usize,
    pub column: usize,
}

impl Cell {
    pub const fn new(row: usize, column: usize) -> Cell {
        Cell { row, column }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum RowStatus {
    /// Nothing entered and nothing stored.
    Empty,
    /// As stored.
    Saved,
    /// Edited and valid: will be saved.
    Changed,
    /// Refused by a rule; the column it concerns, where known.
    Invalid(RuleViolation, Option<usize>),
    /// An outlier that needs a note before it can be saved.
    NeedsNote(RuleViolation, usize),
    /// As stored by an import, with an outlier and no note yet: typing a note explains it.
    Unexplained(RuleViolation, usize),
}

#[derive(Debug, Clone, PartialEq)]
pub struct RowEdit {
    pub unit_id: UnitId,
    pub unit_name: String,
    /// The counts, then the stage's four (empty and not shown where the office does not count
    /// it).
    pub cells: [String; 8],
    pub layout: Layout,
    /// The unit's totals up to the day before, per number column (the stage's `None` while
    /// unknown): what a total to date is read against in cumulative entry.
    pub previous: [Option<u64>; 8],
    pub server_ok: bool,
    pub note: String,
    pub stored: Option<DailyReport>,
    /// The stored row's outlier, when an import flagged it for a note.
    pub flag: Option<(RuleViolation, usize)>,
    pub status: RowStatus,
    /// Why this row cannot be entered or changed by the account logged in (a closed day, an
    /// approved month, another unit, a role that enters nothing): shown before anyone types.
    pub locked: Option<String>,
    /// The day is closed by the period lock or an approval (not merely another unit's row).
    pub closed: bool,
    /// The check at opening found this report changed outside Pantau.
    pub tampered: bool,
}

impl RowEdit {
    /// A row showing what is stored, its counts with thousands separators as `lang` writes
    /// them (`1.240`), the way the clerk typed them.
    fn from_stored(
        lang: Lang,
        layout: Layout,
        unit_id: UnitId,
        unit_name: String,
        stored: Option<DailyReport>,
        previous: [Option<u64>; 8],
    ) -> RowEdit {
        let (server_ok, note) = match &stored {
            Some(r) => (r.server_ok, r.note.clone()),
            None => (true, String::new()),
        };
        let mut row = RowEdit {
            unit_id,
            unit_name,
            cells: Default::default(),
            layout,
            previous,
            server_ok,
            note,
            stored,
            flag: None,
            status: RowStatus::Empty,
            locked: None,
            closed: false,
            tampered: false,
        };
        for column in 0..8 {
            if let Some(value) = row.stored_value(column) {
                row.cells[column] = fmt::count(lang, value);
            }
        }
        let status = if row.stored.is_some() {
            RowStatus::Saved
        } else {
            RowStatus::Empty
        };
        RowEdit { status, ..row }
    }

    /// The status of a row as stored: saved, flagged, or empty.
    fn stored_status(&self) -> RowStatus {
        match (&self.stored, &self.flag) {
            (Some(_), Some((violation, column))) => {
                RowStatus::Unexplained(violation.clone(), *column)
            }
            (Some(_), None) => RowStatus::Saved,
            (None, _) => RowStatus::Empty,
        }
    }

    fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty()) && self.note.trim().is_empty()
    }

    /// The text of a text column (a count, a stage figure or the note).
    pub fn text(&self, column: usize) -> Option<&str> {
        if column == self.layout.note() {
            return Some(&self.note);
        }
        self.layout.field(column)?;
        self.cells.get(column).map(String::as_str)
    }

    pub fn text_mut(&mut self, column: usize) -> Option<&mut String> {
        if column == self.layout.note() {
            return Some(&mut self.note);
        }
        self.layout.field(column)?;
        self.cells.get_mut(column)
    }

    /// The stored value of a number column; `None` where nothing (or no stage) is stored.
    /// The stored value of a number column as the cell shows it: the day's, or in cumulative
    /// entry the total to date; `None` where nothing (or no stage) is stored.
    fn stored_value(&self, column: usize) -> Option<u64> {
        let stored = self.stored.as_ref()?;
        let day = match self.layout.field(column)? {
            Field::Count(field) => Some(stored.counts.get(field)),
            Field::Stage(field) => stored.prr.map(|p| p.get(field)),
        }?;
        if self.layout.cumulative {
            Some(self.previous[column]? + day)
        } else {
            Some(day)
        }
    }

    /// The day's value of a number cell: the count typed, or in cumulative entry the total
    /// typed less the total up to the day before (a lower total is refused, both named).
    fn day_value(
        &self,
        at: &Place,
        column: usize,
        field: &'static str,
    ) -> Result<u64, (RuleViolation, usize)> {
        let typed =
            rules::parse_count_at(at, field, &self.cells[column]).map_err(|v| (v, column))?;
        if !self.layout.cumulative {
            return Ok(typed);
        }
        let Some(previous) = self.previous[column] else {
            return Err((
                RuleViolation::PreviousUnknown {
                    at: at.clone(),
                    field,
                },
                column,
            ));
        };
        if typed < previous {
            return Err((
                RuleViolation::BelowPrevious {
                    at: at.clone(),
                    field,
                    total: typed,
                    previous,
                },
                column,
            ));
        }
        Ok(typed - previous)
    }

    /// The day's counts (and stage) the cells stand for, where they all read: what cumulative
    /// entry shows beside the totals.
    pub fn day_counts(&self, date: NaiveDate) -> Option<DailyReport> {
        self.report(date).ok()
    }

    /// Whether the number in `column` differs from what is stored (or is new). `1.240` and
    /// `1240` are the same count.
    pub fn count_edited(&self, column: usize) -> bool {
        let typed = self.cells[column].trim();
        match self.stored_value(column) {
            Some(value) => parse_count(typed) != Ok(value),
            None => !typed.is_empty(),
        }
    }

    /// Writes the stored numbers the clerk has not touched as `lang` writes them.
    fn regroup(&mut self, lang: Lang) {
        for column in 0..self.layout.numbers() {
            if let Some(value) = self.stored_value(column)
                && parse_count(&self.cells[column]) == Ok(value)
            {
                self.cells[column] = fmt::count(lang, value);
            }
        }
    }

    /// The day's stage from its four cells: all empty is not counted (`None`; the rules say
    /// whether the office needs it); otherwise each must be a count, an empty one never 0.
    fn stage(&self, at: &Place) -> Result<Option<PrrCounts>, (RuleViolation, usize)> {
        if !self.layout.stage {
            // Not shown: what is stored stays.
            return Ok(self.stored.as_ref().and_then(|r| r.prr));
        }
        if self.cells[4..8].iter().all(|c| c.trim().is_empty()) {
            return Ok(None);
        }
        let mut counts = PrrCounts::default();
        for (i, field) in STAGE_COLUMNS.into_iter().enumerate() {
            counts.set(field, self.day_value(at, 4 + i, field.name())?);
        }
        Ok(Some(counts))
    }

    /// The report the row describes, or the rule its cells break. Every count must be filled
    /// in: an empty cell is never read as 0.
    fn report(&self, date: NaiveDate) -> Result<DailyReport, (RuleViolation, usize)> {
        let at = Place {
            unit: Some(self.unit_name.clone()),
            date,
        };
        let mut values = [0u64; 4];
        for (i, field) in COUNT_COLUMNS.iter().enumerate() {
            values[i] = self.day_value(&at, i, field.name())?;
        }
        let prr = self.stage(&at)?;
        Ok(DailyReport {
            unit_id: self.unit_id,
            date,
            counts: Counts {
                recorded: values[0],
                sent_to_central: values[1],
                printed: values[2],
                suket_issued: values[3],
            },
            server_ok: self.server_ok,
            note: self.note.trim().to_string(),
            prr,
        })
    }

    fn is_edited(&self, date: NaiveDate) -> bool {
        match (&self.stored, self.report(date)) {
            (Some(stored), Ok(report)) => *stored != report,
            (None, _) => !self.is_blank(),
            (Some(_), Err(_)) => true,
        }
    }
}

#[derive(Default)]
pub struct EntryState {
    /// How stored counts are written in the cells (`1.240` or `1,240`).
    lang: Lang,
    /// The columns: with the centre's stage where the office counts it.
    pub layout: Layout,
    pub date: Option<NaiveDate>,
    pub rows: Vec<RowEdit>,
    /// A date to go to once the clerk confirms that unsaved edits may go.
    pub pending_date: Option<NaiveDate>,
    /// The unit whose stored report the clerk asked to delete: its row asks to confirm.
    pub pending_delete: Option<UnitId>,
    /// The cell that has the keyboard, while the grid has it.
    pub cursor: Option<Cell>,
    /// The cursor cell's text when the clerk entered it: Escape puts it back.
    pub entered_text: String,
    /// A message about the last paste or save, until the next one.
    pub notice: Option<Notice>,
    /// The stored data with the valid edited rows applied, for the rules.
    candidate: Option<Arc<Dataset>>,
    /// Units with fewer working days of reports before the date than the outlier rule needs.
    pub short_history: Vec<String>,
}

/// What the grid tells the clerk next to the save button.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// A save left rows out: those that wait for a note, those a rule refused (unit names).
    NotSaved {
        need_note: Vec<String>,
        invalid: Vec<String>,
    },
    /// A paste that was refused; nothing was pasted.
    PasteRefused(super::paste::PasteError),
}

impl EntryState {
    /// Shows the office's default day after a database is opened.
    pub fn reset(&mut self, data: &Arc<Dataset>, today: NaiveDate) {
        self.cursor = None;
        self.load(data, data.default_entry_date(today));
    }

    /// Loads the stored values of `date`.
    pub fn load(&mut self, data: &Arc<Dataset>, date: NaiveDate) {
        self.date = Some(date);
        self.pending_date = None;
        self.pending_delete = None;
        self.notice = None;
        self.candidate = Some(Arc::clone(data));
        self.layout = Layout {
            stage: data.settings.counts_prr,
            cumulative: data.settings.cumulative_entry,
        };
        let layout = self.layout;
        self.rows = data
            .units
            .iter()
            .filter(|u| u.active)
            .map(|u| {
                let stored = data.reports.get(&(u.id, date)).cloned();
                let previous = previous_totals(data, u.id, date);
                let mut row =
                    RowEdit::from_stored(self.lang, layout, u.id, u.name.clone(), stored, previous);
                row.flag = flag(data, row.stored.as_ref());
                row.status = row.stored_status();
                row
            })
            .collect();
        self.short_history = data
            .units
            .iter()
            .filter(|u| u.active)
            .filter(|u| rules::history_days(data, u.id, date) < rules::MIN_HISTORY_DAYS)
            .map(|u| u.name.clone())
            .collect();
        self.cursor = self.cursor.filter(|_| !self.rows.is_empty()).map(|c| {
            Cell::new(
                c.row.min(self.rows.len() - 1),
                c.column.min(layout.columns() - 1),
            )
        });
    }

    /// Writes the cells' stored counts with `lang`'s thousands separator from now on.
    pub fn set_lang(&mut self, lang: Lang) {
        if lang != self.lang {
            self.lang = lang;
            for row in &mut self.rows {
                row.regroup(lang);
            }
        }
    }

    /// Lets go of the stored data while a save changes it, unless the grid's edits made a
    /// copy of their own.
    pub fn release_data(&mut self) {
        if self
            .candidate
            .as_ref()
            .is_some_and(|c| Arc::strong_count(c) > 1)
        {
            self.candidate = None;
        }
    }

    /// After a refused save: the stored data again under the edits, which stay as typed.
    pub fn restore_data(&mut self, data: &Arc<Dataset>, today: NaiveDate) {
        if self.candidate.is_none() && self.date.is_some() {
            self.candidate = Some(Arc::clone(data));
            self.validate(today);
        }
    }

    /// After a save: rows that were refused keep their edits; the others show what is stored.
    pub fn reload(&mut self, data: &Arc<Dataset>, today: NaiveDate) {
        let Some(date) = self.date else {
            return self.reset(data, today);
        };
        let kept: Vec<RowEdit> = self
            .rows
            .iter()
            .filter(|r| matches!(r.status, RowStatus::Invalid(..) | RowStatus::NeedsNote(..)))
            .cloned()
            .collect();
        let notice = self.notice.take();
        self.load(data, date);
        self.notice = notice;
        for row in &mut self.rows {
            if let Some(edit) = kept.iter().find(|k| k.unit_id == row.unit_id) {
                let stored = row.stored.take();
                *row = RowEdit {
                    stored,
                    ..edit.clone()
                };
            }
        }
        self.validate(today);
    }

    pub fn has_unsaved_edits(&self) -> bool {
        let Some(date) = self.date else { return false };
        self.rows.iter().any(|r| r.is_edited(date))
    }

    /// Judges every edited row with the domain rules, against the data with all edited rows
    /// that parse applied: one judgement for all of them.
    pub fn validate(&mut self, today: NaiveDate) {
        let (Some(date), Some(candidate)) = (self.date, self.candidate.as_mut()) else {
            return;
        };
        let mut judged_rows = Vec::new();
        for (index, row) in self.rows.iter_mut().enumerate() {
            let wanted = if row.is_edited(date) {
                match row.report(date) {
                    Ok(report) => Some(report),
                    Err((violation, column)) => {
                        row.status = RowStatus::Invalid(violation, Some(column));
                        None
                    }
                }
            } else {
                row.status = row.stored_status();
                None
            };
            // The working copy holds the edit where there is a valid one, else what is stored.
            let in_copy = wanted.clone().or_else(|| row.stored.clone());
            let key = (row.unit_id, date);
            if candidate.reports.get(&key) != in_copy.as_ref() {
                let copy = Arc::make_mut(candidate);
                match in_copy {
                    Some(report) => copy.put_report(report),
                    None => copy.reports.remove(&key),
                };
            }
            if wanted.is_some() {
                judged_rows.push(index);
            }
        }
        let changes: Vec<Change> = judged_rows
            .iter()
            .map(|&index| Change::Report {
                unit: self.rows[index].unit_id,
                date,
            })
            .collect();
        let judgement = judge(candidate, &changes, today, OutlierPolicy::NeedsNote);
        for (i, &index) in judged_rows.iter().enumerate() {
            self.rows[index].status = match judgement.verdict(i) {
                Ok(_) => RowStatus::Changed,
                Err(v) => judged(v.clone(), self.layout),
            };
        }
    }

    /// The rows that can be saved now.
    pub fn rows_to_save(&self) -> Vec<DailyReport> {
        let Some(date) = self.date else {
            return Vec::new();
        };
        self.rows
            .iter()
            .filter(|r| r.status == RowStatus::Changed)
            .filter_map(|r| r.report(date).ok())
            .collect()
    }

    /// Units whose rows wait for a note before they can be saved.
    pub fn rows_needing_note(&self) -> Vec<String> {
        self.units_where(|s| matches!(s, RowStatus::NeedsNote(..)))
    }

    /// Units whose rows a rule refused.
    pub fn rows_refused(&self) -> Vec<String> {
        self.units_where(|s| matches!(s, RowStatus::Invalid(..)))
    }

    fn units_where(&self, status: impl Fn(&RowStatus) -> bool) -> Vec<String> {
        self.rows
            .iter()
            .filter(|r| status(&r.status))
            .map(|r| r.unit_name.clone())
            .collect()
    }

    /// The text of a cell, or `None` for the check box and cells outside the grid.
    pub fn text(&self, cell: Cell) -> Option<&str> {
        self.rows.get(cell.row)?.text(cell.column)
    }
}

/// A unit's totals up to the day before `date`, per number column of the grid (opening totals
/// included; the stage `None` while unknown).
fn previous_totals(data: &Dataset, unit: UnitId, date: NaiveDate) -> [Option<u64>; 8] {
    let Some(before) = date.pred_opt() else {
        return [Some(0), Some(0), Some(0), Some(0), None, None, None, None];
    };
    let counts = data.totals(unit, before);
    let stage = data.prr_totals(unit, before);
    let mut out = [None; 8];
    for (slot, field) in out.iter_mut().zip(COUNT_COLUMNS) {
        *slot = Some(counts.get(field));
    }
    for (slot, field) in out[4..].iter_mut().zip(STAGE_COLUMNS) {
        *slot = stage.map(|p| p.get(field));
    }
    out
}

/// The outlier of a stored report that an import flagged, as the grid shows it.
fn flag(data: &Dataset, stored: Option<&DailyReport>) -> Option<(RuleViolation, usize)> {
    let report = stored?;
    if !data.unexplained.contains(&(report.unit_id, report.date)) {
        return None;
    }
    let outlier = rules::outliers(data, report).into_iter().next()?;
    let column = COUNT_COLUMNS.iter().position(|f| *f == outlier.field)?;
    let at = rules::report_place(data, report);
    Some((RuleViolation::OutlierNeedsNote { at, outlier }, column))
}

/// The row status for a rule's refusal, with the column it concerns.
fn judged(violation: RuleViolation, layout: Layout) -> RowStatus {
    let column_of = |field: &CountField| COUNT_COLUMNS.iter().position(|f| f == field);
    match &violation {
        RuleViolation::Prr { problem, .. } => {
            let column = layout
                .stage_column(problem.field())
                .or_else(|| column_of(&CountField::Printed));
            RowStatus::Invalid(violation, column)
        }
        RuleViolation::OutlierNeedsNote { outlier, .. } => {
            let column = column_of(&outlier.field).unwrap_or(0);
            RowStatus::NeedsNote(violation, column)
        }
        RuleViolation::Cumulative { field, .. } => {
            let column = column_of(field);
            RowStatus::Invalid(violation, column)
        }
        RuleViolation::StockShortfall { .. } => RowStatus::Invalid(violation, Some(2)),
        RuleViolation::BadText { .. } => RowStatus::Invalid(violation, Some(layout.note())),
        _ => RowStatus::Invalid(violation, None),
    }
}

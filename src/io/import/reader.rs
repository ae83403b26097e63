//! Reading sheets into reports and stock movements, one row at a time, with every bad cell
//! named.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::cells::*;
use super::issue::{FirstSeen, Issue, Need, Note, Wanted};
use super::table::{Cell, Row, Sheet};
use super::{Kind, Plan, Problem};
use crate::domain::dataset::normalize_name;
use crate::domain::rules::RuleViolation;
use crate::domain::{
    CountField, Counts, DailyReport, Dataset, PrrCounts, PrrField, StockEvent, UnitId,
};
use crate::progress::Progress;

/// A report or movement read from a row, with where it came from: kept small, as a history
/// file can hold a million of them.
pub(super) struct FromRow<T> {
    /// Index into [`Reader::sheets`].
    pub(super) sheet: u32,
    pub(super) row: u32,
    pub(super) value: T,
}

/// A sheet that was read: its name and the file's header for each column the rules name.
pub(super) struct SheetColumns {
    pub(super) name: Option<String>,
    pub(super) columns: ColumnNames,
}

/// The file's header of each column a rule can name; empty where the sheet has none.
#[derive(Debug, Clone, Default)]
pub(super) struct ColumnNames {
    pub(super) unit: String,
    pub(super) date: String,
    /// The count columns, in the order of [`CountField::ALL`].
    pub(super) fields: [String; 4],
    /// The centre's stage columns, in the order of [`PrrField::ALL`]; empty where absent.
    pub(super) stage: [String; 4],
    pub(super) quantity: String,
    pub(super) document: String,
    pub(super) counterparty: String,
    pub(super) note: String,
}

impl ColumnNames {
    /// The column a rule's refusal concerns.
    pub(super) fn of(&self, violation: &RuleViolation) -> Option<String> {
        let field = |f: CountField| {
            CountField::ALL
                .iter()
                .position(|x| *x == f)
                .map(|i| self.fields[i].clone())
        };
        let name = match violation {
            RuleViolation::Cumulative { field: f, .. } => field(*f)?,
            RuleViolation::Prr { problem, .. } => {
                let index = PrrField::ALL.iter().position(|f| *f == problem.field())?;
                self.stage[index].clone()
            }
            // A stock sheet's movements are judged by their quantity; a report by its printing.
            RuleViolation::StockShortfall { .. } | RuleViolation::Invalid { .. }
                if !self.quantity.is_empty() =>
            {
                self.quantity.clone()
            }
            RuleViolation::StockShortfall { .. } => field(CountField::Printed)?,
            RuleViolation::OutlierNeedsNote { outlier, .. } => field(outlier.field)?,
            RuleViolation::FutureDate { .. } | RuleViolation::OnOrBeforeOpening { .. } => {
                self.date.clone()
            }
            RuleViolation::InactiveUnit { .. } | RuleViolation::UnknownUnit { .. } => {
                self.unit.clone()
            }
            RuleViolation::BadText { field, .. } => match *field {
                "document" => self.document.clone(),
                "from/to" => self.counterparty.clone(),
                _ => self.note.clone(),
            },
            _ => return None,
        };
        Some(name).filter(|n| !n.is_empty())
    }
}

/// Reads sheets into reports and movements, one row at a time.
pub(super) struct Reader<'a> {
    pub(super) data: &'a Dataset,
    pub(super) kind: Option<Kind>,
    pub(super) progress: &'a Progress,
    pub(super) units: HashMap<String, UnitId>,
    /// Where each unit and date was first read, to find a day in the file twice.
    pub(super) seen: HashMap<(UnitId, NaiveDate), (u32, u32)>,
    pub(super) sheets: Vec<SheetColumns>,
    pub(super) reports: Vec<FromRow<DailyReport>>,
    pub(super) events: Vec<FromRow<StockEvent>>,
    pub(super) sheets_read: usize,
    pub(super) first_refusal: Option<Issue>,
    pub(super) first_refusal_sheet: Option<String>,
    pub(super) cancelled: bool,
}

impl<'a> Reader<'a> {
    pub(super) fn new(data: &'a Dataset, kind: Option<Kind>, progress: &'a Progress) -> Reader<'a> {
        Reader {
            data,
            kind,
            progress,
            units: data
                .units
                .iter()
                .map(|u| (normalize_name(&u.name), u.id))
                .collect(),
            seen: HashMap::new(),
            sheets: Vec::new(),
            reports: Vec::new(),
            events: Vec::new(),
            sheets_read: 0,
            first_refusal: None,
            first_refusal_sheet: None,
            cancelled: false,
        }
    }

    /// Reads one sheet; returns whether to go on with the next.
    pub(super) fn sheet(&mut self, sheet: &mut dyn Sheet, plan: &mut Plan, file: &str) -> bool {
        let name = sheet.name().map(str::to_string);
        let problem = |row: Option<usize>, column: Option<String>, issue: Issue| Problem {
            file: file.to_string(),
            sheet: name.clone(),
            row,
            column,
            issue,
        };
        let header_row = match sheet.next_row() {
            Ok(Some(row)) => row,
            Ok(None) => return true,
            Err(e) => {
                plan.push_problem(problem(e.row, e.column, e.issue.into()));
                return true;
            }
        };
        let header: Vec<String> = header_row
            .cells
            .iter()
            .map(|c| c.text().trim().to_string())
            .collect();
        let width = header
            .iter()
            .rposition(|h| !h.is_empty())
            .map_or(0, |i| i + 1);
        let find = |names: &[&str]| {
            header
                .iter()
                .position(|h| names.contains(&normalize(h).as_str()))
        };
        let report_columns = [DATE, UNIT, RECORDED, SENT, PRINTED].map(find);
        let stock_columns = [DATE, KIND, QUANTITY].map(find);
        let is_reports = report_columns.iter().all(Option::is_some);
        let is_stock = stock_columns.iter().all(Option::is_some);
        let kind = match self.kind {
            Some(Kind::Reports) if is_reports => Kind::Reports,
            Some(Kind::Stock) if is_stock => Kind::Stock,
            None if is_reports => Kind::Reports,
            None if is_stock => Kind::Stock,
            wanted => {
                let wanted = match wanted {
                    Some(Kind::Stock) => Wanted::Stock,
                    _ => {
                        let names = [
                            "tanggal/date",
                            "kecamatan/unit",
                            "perekaman/recorded",
                            "terkirim/sent",
                            "cetak/printed",
                        ];
                        let absent: Vec<&str> = names
                            .iter()
                            .zip(&report_columns)
                            .filter(|(_, c)| c.is_none())
                            .map(|(n, _)| *n)
                            .collect();
                        Wanted::Reports { absent }
                    }
                };
                let why = Issue::MissingColumns {
                    wanted,
                    header: crate::domain::rules::quoted_up_to(&header.join(", "), 200),
                };
                if let Some(sheet_name) = &name {
                    plan.notes.push(Note::SheetLeftAside {
                        sheet: sheet_name.clone(),
                        why: why.clone(),
                    });
                }
                if self.first_refusal.is_none() {
                    self.first_refusal = Some(why);
                    self.first_refusal_sheet = name.clone();
                }
                return true;
            }
        };
        self.sheets_read += 1;
        sheet.set_width(width);
        let used: Vec<Option<usize>> = match kind {
            Kind::Reports => [
                DATE,
                UNIT,
                RECORDED,
                SENT,
                PRINTED,
                SUKET,
                SERVER,
                NOTE,
                PRR,
                DUP,
                EFAC,
                EFAC_RETAKEN,
            ]
            .map(find)
            .to_vec(),
            Kind::Stock => [DATE, KIND, QUANTITY, DOCUMENT, COUNTERPARTY, NOTE]
                .map(find)
                .to_vec(),
        };
        for (index, h) in header.iter().enumerate().take(width) {
            if !used.contains(&Some(index)) {
                let label = if h.is_empty() {
                    sheet.column_label(index)
                } else {
                    h.clone()
                };
                plan.notes.push(Note::ColumnNotImported {
                    column: label,
                    sheet: name.clone(),
                });
            }
        }
        if kind == Kind::Reports {
            if used[5].is_none() {
                plan.notes.push(Note::NoSuketColumn {
                    sheet: name.clone(),
                });
            }
            if used[6].is_none() {
                plan.notes.push(Note::NoServerColumn {
                    sheet: name.clone(),
                });
            }
            if used[8].is_some() {
                for (field, column) in PrrField::ALL.into_iter().zip(&used[8..12]).skip(1) {
                    if column.is_none() {
                        plan.notes.push(Note::NoStageColumn {
                            sheet: name.clone(),
                            field,
                        });
                    }
                }
            }
        }
        let label = |c: Option<usize>| c.map(|c| header[c].clone()).unwrap_or_default();
        let columns = match kind {
            Kind::Reports => ColumnNames {
                unit: label(used[1]),
                date: label(used[0]),
                fields: [used[2], used[3], used[4], used[5]].map(label),
                stage: [used[8], used[9], used[10], used[11]].map(label),
                note: label(used[7]),
                ..ColumnNames::default()
            },
            Kind::Stock => ColumnNames {
                date: label(used[0]),
                quantity: label(used[2]),
                document: label(used[3]),
                counterparty: label(used[4]),
                note: label(used[5]),
                ..ColumnNames::default()
            },
        };
        let sheet_index = self.sheets.len() as u32;
        self.sheets.push(SheetColumns {
            name: name.clone(),
            columns,
        });
        let mut rows = 0usize;
        loop {
            let row = match sheet.next_row() {
                Ok(Some(row)) => row,
                Ok(None) => break,
                Err(e) => {
                    plan.push_problem(problem(e.row, e.column, e.issue.into()));
                    break;
                }
            };
            rows += 1;
            if rows.is_multiple_of(256) {
                self.progress.advance(256);
                if self.progress.is_cancelled() {
                    self.cancelled = true;
                    return false;
                }
            }
            let mut bad = |column: String, issue: Issue| {
                plan.push_problem(problem(Some(row.number), Some(column), issue));
            };
            if let Some((index, cell)) = &row.beyond {
                let text = crate::domain::rules::quoted(&cell.text());
                bad(
                    sheet.column_label(*index),
                    Issue::BeyondHeader {
                        text,
                        last: header[width - 1].clone(),
                    },
                );
            }
            let column = |c: usize| header[c].clone();
            match kind {
                Kind::Reports => {
                    if let Some(report) = self.report(&row, &used, &column, &mut bad) {
                        let key = (report.unit_id, report.date);
                        if let Some((first_sheet, first_row)) =
                            self.seen.insert(key, (sheet_index, row.number as u32))
                        {
                            let sheet = match &self.sheets[first_sheet as usize].name {
                                Some(s) if first_sheet != sheet_index => Some(s.clone()),
                                _ => None,
                            };
                            bad(
                                column(used[1].unwrap_or(0)),
                                Issue::Twice {
                                    unit: self.data.unit_name(report.unit_id),
                                    date: report.date,
                                    first: FirstSeen {
                                        sheet,
                                        row: first_row as usize,
                                    },
                                },
                            );
                            continue;
                        }
                        self.reports.push(FromRow {
                            sheet: sheet_index,
                            row: row.number as u32,
                            value: report,
                        });
                    }
                }
                Kind::Stock => {
                    if let Some(event) = event(&row, &used, &column, &mut bad) {
                        self.events.push(FromRow {
                            sheet: sheet_index,
                            row: row.number as u32,
                            value: event,
                        });
                    }
                }
            }
        }
        self.progress.advance(rows % 256);
        true
    }

    /// A report from a row, or `None` after saying what is wrong with each bad cell.
    pub(super) fn report(
        &self,
        row: &Row,
        used: &[Option<usize>],
        column: &dyn Fn(usize) -> String,
        bad: &mut dyn FnMut(String, Issue),
    ) -> Option<DailyReport> {
        let [date_col, unit_col, recorded_col, sent_col, printed_col] =
            [used[0], used[1], used[2], used[3], used[4]].map(Option::unwrap_or_default);
        let mut ok = true;
        let mut check = |c: usize, result: Result<(), Issue>| {
            if let Err(issue) = result {
                bad(column(c), issue);
                ok = false;
            }
        };
        let date = date_cell(get(row, date_col));
        check(date_col, date.as_ref().map(|_| ()).map_err(Clone::clone));
        let unit = match missing(get(row, unit_col), Need::Unit) {
            Some(issue) => Err(issue),
            None => {
                let text = get(row, unit_col).map(Cell::text).unwrap_or_default();
                self.units
                    .get(&normalize_name(&text))
                    .copied()
                    .ok_or_else(|| {
                        Issue::Rule(RuleViolation::UnknownUnit {
                            name: crate::domain::rules::quoted(text.trim()),
                            known: self.data.units.iter().map(|u| u.name.clone()).collect(),
                        })
                    })
            }
        };
        check(unit_col, unit.as_ref().map(|_| ()).map_err(Clone::clone));
        let mut count = |c: Option<usize>| match c {
            // An optional column the file does not have (said so in the plan's notes).
            None => Some(0),
            Some(c) => {
                let value = count_cell(get(row, c));
                check(c, value.as_ref().map(|_| ()).map_err(Clone::clone));
                value.ok()
            }
        };
        let counts = [
            Some(recorded_col),
            Some(sent_col),
            Some(printed_col),
            used[5],
        ]
        .map(&mut count);
        let server_ok = match used[6] {
            None => Some(true),
            Some(c) => {
                let value = server_cell(get(row, c));
                check(c, value.as_ref().map(|_| ()).map_err(Clone::clone));
                value.ok()
            }
        };
        let note = match used[7] {
            None => Some(String::new()),
            Some(c) => {
                let value = text_cell(get(row, c));
                check(c, value.as_ref().map(|_| ()).map_err(Clone::clone));
                value.ok()
            }
        };
        let prr = self.stage(row, used, column, bad);
        let (Ok(date), Ok(unit_id), [Some(recorded), Some(sent), Some(printed), Some(suket)]) =
            (date, unit, counts)
        else {
            return None;
        };
        let prr = prr.ok()?;
        Some(DailyReport {
            unit_id,
            date,
            counts: Counts {
                recorded,
                sent_to_central: sent,
                printed,
                suket_issued: suket,
            },
            server_ok: server_ok?,
            note: note?,
            prr,
        })
        .filter(|_| ok)
    }

    /// The row's PRR, DUP, Efac and retaken: `None` where the sheet has no PRR column or the
    /// row's stage cells are all empty (not counted that day); a column the sheet lacks is 0
    /// (said in the notes); an empty cell beside filled ones is refused by its column.
    fn stage(
        &self,
        row: &Row,
        used: &[Option<usize>],
        column: &dyn Fn(usize) -> String,
        bad: &mut dyn FnMut(String, Issue),
    ) -> Result<Option<PrrCounts>, ()> {
        if used.get(8).copied().flatten().is_none() {
            return Ok(None);
        }
        let columns: Vec<Option<usize>> = used[8..12].to_vec();
        let empty = |c: usize| get(row, c).is_none_or(|cell| cell.text().trim().is_empty());
        if columns.iter().flatten().all(|c| empty(*c)) {
            return Ok(None);
        }
        let mut values = [0u64; 4];
        let mut ok = true;
        for (value, c) in values.iter_mut().zip(&columns) {
            let Some(c) = *c else {
                continue;
            };
            match count_cell(get(row, c)) {
                Ok(v) => *value = v,
                Err(issue) => {
                    bad(column(c), issue);
                    ok = false;
                }
            }
        }
        if !ok {
            return Err(());
        }
        let [prr, dup, efac, efac_retaken] = values;
        Ok(Some(PrrCounts {
            prr,
            dup,
            efac,
            efac_retaken,
        }))
    }
}

/// A stock movement from a row, or `None` after saying what is wrong with each bad cell.
pub(super) fn event(
    row: &Row,
    used: &[Option<usize>],
    column: &dyn Fn(usize) -> String,
    bad: &mut dyn FnMut(String, Issue),
) -> Option<StockEvent> {
    let [date_col, kind_col, quantity_col] =
        [used[0], used[1], used[2]].map(Option::unwrap_or_default);
    let mut ok = true;
    let mut take = |c: usize, result: Result<(), Issue>| {
        if let Err(issue) = result {
            bad(column(c), issue);
            ok = false;
        }
    };
    let date = date_cell(get(row, date_col));
    take(date_col, date.as_ref().map(|_| ()).map_err(Clone::clone));
    let kind = stock_kind_cell(get(row, kind_col));
    take(kind_col, kind.as_ref().map(|_| ()).map_err(Clone::clone));
    let quantity = count_cell(get(row, quantity_col));
    take(
        quantity_col,
        quantity.as_ref().map(|_| ()).map_err(Clone::clone),
    );
    let mut text = |c: Option<usize>| match c {
        None => String::new(),
        Some(c) => {
            let value = text_cell(get(row, c));
            take(c, value.as_ref().map(|_| ()).map_err(Clone::clone));
            value.unwrap_or_default()
        }
    };
    let (document, counterparty, note) = (text(used[3]), text(used[4]), text(used[5]));
    let (Ok(date), Ok(kind), Ok(quantity)) = (date, kind, quantity) else {
        return None;
    };
    ok.then_some(StockEvent {
        id: None,
        date,
        kind,
        quantity,
        document,
        counterparty,
        note,
    })
}

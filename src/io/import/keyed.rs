//! A small table read by its column names — opening totals, targets, units: the first sheet
//! whose header row names every required column, one record a row. Cells beyond the header's
//! last column and missing headers are problems with file, sheet, row and column, as in the
//! report importer.

use std::path::Path;

use super::cells::normalize;
use super::issue::{Issue, Wanted};
use super::table::{self, Row};
use super::{Problem, Problems};

/// A column the reader looks for, by its accepted names (compared without case, spaces or
/// punctuation).
pub(super) struct Column {
    pub names: &'static [&'static str],
    pub required: bool,
}

/// Where a row's problems are reported.
pub(super) struct Report<'a> {
    file: &'a str,
    sheet: Option<&'a str>,
    header: &'a [String],
    row: usize,
    problems: &'a mut Problems,
}

impl Report<'_> {
    /// A problem in the cell of header column `column` (0-based).
    pub fn bad(&mut self, column: usize, issue: Issue) {
        self.problems.push(Problem {
            file: self.file.to_string(),
            sheet: self.sheet.map(str::to_string),
            row: Some(self.row),
            column: self.header.get(column).cloned(),
            issue,
        });
    }
}

/// What is done with each data row: the row, where the columns are, where problems go.
pub(super) type EachRow<'a> = dyn FnMut(&Row, &[Option<usize>], &mut Report) + 'a;

/// Reads `path` (CSV, XLSX, XLS or ODS). `wanted` is the kind of file, named when no sheet has
/// the columns; `each` gets every data row with the positions of `columns` in it (`None` for
/// an optional column that is absent). Returns the problems found.
pub(super) fn read(
    path: &Path,
    columns: &[Column],
    wanted: Wanted,
    each: &mut EachRow,
) -> Problems {
    let file = path
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let mut problems = Problems::default();
    let mut found_sheet = false;
    let mut first_header: Option<String> = None;
    let result = table::read(path, &mut |sheet| {
        let name = sheet.name().map(str::to_string);
        let problem = |row: Option<usize>, column: Option<String>, issue: Issue| Problem {
            file: file.clone(),
            sheet: name.clone(),
            row,
            column,
            issue,
        };
        let header = match sheet.next_row() {
            Ok(Some(row)) => row
                .cells
                .iter()
                .map(|c| c.text().trim().to_string())
                .collect::<Vec<_>>(),
            Ok(None) => return true,
            Err(e) => {
                problems.push(problem(e.row, e.column, e.issue.into()));
                return false;
            }
        };
        let positions: Vec<Option<usize>> = columns
            .iter()
            .map(|c| {
                header
                    .iter()
                    .position(|h| c.names.contains(&normalize(h).as_str()))
            })
            .collect();
        if columns
            .iter()
            .zip(&positions)
            .any(|(c, p)| c.required && p.is_none())
        {
            first_header.get_or_insert_with(|| header.join(", "));
            return true;
        }
        found_sheet = true;
        let width = header
            .iter()
            .rposition(|h| !h.is_empty())
            .map_or(0, |i| i + 1);
        sheet.set_width(width);
        loop {
            let row = match sheet.next_row() {
                Ok(Some(row)) => row,
                Ok(None) => break,
                Err(e) => {
                    problems.push(problem(e.row, e.column, e.issue.into()));
                    break;
                }
            };
            if let Some((index, cell)) = &row.beyond {
                let text = crate::domain::rules::quoted(&cell.text());
                problems.push(problem(
                    Some(row.number),
                    Some(sheet.column_label(*index)),
                    Issue::BeyondHeader {
                        text,
                        last: header[width - 1].clone(),
                    },
                ));
            }
            // A row with nothing in it (a spreadsheet's trailing blank lines) holds no record.
            if row.cells.iter().all(|c| c.text().trim().is_empty()) && row.beyond.is_none() {
                continue;
            }
            let mut report = Report {
                file: &file,
                sheet: name.as_deref(),
                header: &header,
                row: row.number,
                problems: &mut problems,
            };
            each(&row, &positions, &mut report);
        }
        false
    });
    if let Err(e) = result {
        problems.push(Problem {
            file: file.clone(),
            sheet: e.sheet,
            row: e.row,
            column: e.column,
            issue: e.issue.into(),
        });
    } else if !found_sheet && problems.is_empty() {
        problems.push(Problem {
            file: file.clone(),
            sheet: None,
            row: Some(1),
            column: None,
            issue: Issue::MissingColumns {
                wanted,
                header: crate::domain::rules::quoted_up_to(&first_header.unwrap_or_default(), 200),
            },
        });
    }
    problems
}

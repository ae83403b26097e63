//! Opening totals from a file: one row per unit, `unit;as_of;recorded;sent;printed[;suket]`
//! (Indonesian headers `kecamatan|nama;per_tanggal;rekam;terkirim;cetak;suket` too). Every
//! value comes from the file, as for daily reports; the rules are the store's, in one
//! transaction.

use std::collections::HashMap;
use std::path::Path;

use super::Problem;
use super::cells::{PRINTED, RECORDED, SENT, SUKET, UNIT, count_cell, date_cell, get, normalize};
use super::table;
use crate::domain::dataset::normalize_name;
use crate::domain::{Counts, Dataset, OpeningBalance};

const AS_OF: &[&str] = &["asof", "pertanggal", "tanggal", "date", "per"];
const NAME: &[&str] = &["nama", "name"];

/// What an import of opening totals would write.
#[derive(Debug, Clone, Default)]
pub struct OpeningPlan {
    pub openings: Vec<OpeningBalance>,
    pub problems: Vec<Problem>,
}

/// Reads opening totals from `path` (CSV, XLSX, XLS or ODS, the first sheet with the columns).
pub fn plan_openings(data: &Dataset, path: &Path) -> OpeningPlan {
    let file = path
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let mut plan = OpeningPlan::default();
    let problem = |sheet: Option<String>, row, column, message| Problem {
        file: file.clone(),
        sheet,
        row,
        column,
        message,
    };
    let units: HashMap<String, i64> = data
        .units
        .iter()
        .map(|u| (normalize_name(&u.name), u.id))
        .collect();
    let mut read_one = false;
    let mut seen: HashMap<i64, usize> = HashMap::new();
    let result = table::read(path, &mut |sheet| {
        let name = sheet.name().map(str::to_string);
        let header = match sheet.next_row() {
            Ok(Some(row)) => row
                .cells
                .iter()
                .map(|c| c.text().trim().to_string())
                .collect::<Vec<_>>(),
            Ok(None) => return true,
            Err(e) => {
                plan.problems
                    .push(problem(name.clone(), e.row, e.column, e.message));
                return false;
            }
        };
        let find = |names: &[&str]| {
            header
                .iter()
                .position(|h| names.contains(&normalize(h).as_str()))
        };
        let unit_col = find(UNIT).or_else(|| find(NAME));
        let columns = [find(AS_OF), find(RECORDED), find(SENT), find(PRINTED)];
        let (
            Some(unit_col),
            [
                Some(as_of_col),
                Some(recorded_col),
                Some(sent_col),
                Some(printed_col),
            ],
        ) = (unit_col, columns)
        else {
            if !read_one && name.is_none() {
                plan.problems.push(problem(
                    None,
                    Some(1),
                    None,
                    format!(
                        "an opening file needs the columns unit, as_of, recorded, sent and \
                         printed (or kecamatan, per_tanggal, rekam, terkirim, cetak); the header \
                         row has: {}",
                        header.join(", ")
                    ),
                ));
            }
            return true;
        };
        read_one = true;
        let suket_col = find(SUKET);
        sheet.set_width(
            header
                .iter()
                .rposition(|h| !h.is_empty())
                .map_or(0, |i| i + 1),
        );
        loop {
            let row = match sheet.next_row() {
                Ok(Some(row)) => row,
                Ok(None) => break,
                Err(e) => {
                    plan.problems
                        .push(problem(name.clone(), e.row, e.column, e.message));
                    break;
                }
            };
            let mut bad = |column: usize, message: String| {
                plan.problems.push(problem(
                    name.clone(),
                    Some(row.number),
                    Some(header[column].clone()),
                    message,
                ));
            };
            let unit_text = get(&row, unit_col).map(|c| c.text()).unwrap_or_default();
            let unit = units.get(&normalize_name(&unit_text)).copied();
            if unit.is_none() {
                let unknown = crate::domain::RuleViolation::UnknownUnit {
                    name: unit_text.trim().to_string(),
                    known: data.units.iter().map(|u| u.name.clone()).collect(),
                };
                bad(unit_col, unknown.to_string());
            }
            let as_of = date_cell(get(&row, as_of_col)).map_err(|e| bad(as_of_col, e));
            let mut count = |c: usize| count_cell(get(&row, c)).map_err(|e| bad(c, e));
            let counts = [recorded_col, sent_col, printed_col].map(&mut count);
            let suket = match suket_col {
                Some(c) => count(c),
                None => Ok(0),
            };
            let (Some(unit_id), Ok(as_of), [Ok(recorded), Ok(sent), Ok(printed)], Ok(suket)) =
                (unit, as_of, counts, suket)
            else {
                continue;
            };
            // The opening's own totals obey the cumulative rules; later reports are judged by
            // the store.
            for (total, limit, column, what) in [
                (sent, recorded, sent_col, "sent exceeds recorded"),
                (printed, sent, printed_col, "printed exceeds sent"),
            ] {
                if total > limit {
                    plan.problems.push(problem(
                        name.clone(),
                        Some(row.number),
                        Some(header[column].clone()),
                        format!("{what}: {total} > {limit}"),
                    ));
                }
            }
            if let Some(first) = seen.insert(unit_id, row.number) {
                plan.problems.push(problem(
                    name.clone(),
                    Some(row.number),
                    Some(header[unit_col].clone()),
                    format!(
                        "{} has opening totals twice (first in row {first})",
                        data.unit_name(unit_id)
                    ),
                ));
                continue;
            }
            plan.openings.push(OpeningBalance {
                unit_id,
                as_of,
                counts: Counts {
                    recorded,
                    sent_to_central: sent,
                    printed,
                    suket_issued: suket,
                },
            });
        }
        false
    });
    if let Err(e) = result {
        plan.problems
            .push(problem(e.sheet, e.row, e.column, e.message));
    }
    plan
}

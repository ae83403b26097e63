//! Targets from a file: one row per unit, `unit;wajib_ktp[;from]` (Indonesian headers
//! `kecamatan|nama;wajib_ktp;berlaku_mulai`). Without a `from` column, or with an empty cell
//! in it, the target is in force from the start of the office's data.

use std::collections::HashMap;
use std::path::Path;

use super::cells::{count_cell, date_cell, get};
use super::issue::{Issue, Wanted};
use super::keyed::{self, Column};
use super::openings::{UNIT_OR_NAME, unit_of};
use crate::domain::{Dataset, Target, UnitId};

pub(super) const WAJIB: &[&str] = &["wajibktp", "wajib", "target"];
const FROM: &[&str] = &[
    "from",
    "berlakumulai",
    "mulai",
    "effectivefrom",
    "sejak",
    "tmt",
];

/// What an import of targets would write.
#[derive(Debug, Clone, Default)]
pub struct TargetPlan {
    pub targets: Vec<Target>,
    pub problems: super::Problems,
}

/// Reads targets from `path` (CSV, XLSX, XLS or ODS, the first sheet with the columns).
pub fn plan_targets(data: &Dataset, path: &Path) -> TargetPlan {
    let columns = [
        Column {
            names: UNIT_OR_NAME,
            required: true,
        },
        Column {
            names: WAJIB,
            required: true,
        },
        Column {
            names: FROM,
            required: false,
        },
    ];
    let start = data.start_of_data();
    let mut targets = Vec::new();
    let mut seen: HashMap<(UnitId, chrono::NaiveDate), usize> = HashMap::new();
    let problems = keyed::read(path, &columns, Wanted::Targets, &mut |row, at, report| {
        let [Some(unit_col), Some(wajib_col), from_col] = *at else {
            return;
        };
        let unit_text = get(row, unit_col).map(|c| c.text()).unwrap_or_default();
        let unit = unit_of(data, &unit_text).map_err(|e| report.bad(unit_col, e));
        let wajib = count_cell(get(row, wajib_col)).map_err(|e| report.bad(wajib_col, e));
        let from = match from_col.map(|c| (c, get(row, c))) {
            None | Some((_, None)) => Ok(start),
            Some((_, Some(cell))) if cell.text().trim().is_empty() => Ok(start),
            Some((c, cell)) => date_cell(cell).map_err(|e| report.bad(c, e)),
        };
        let (Ok(unit_id), Ok(wajib_ktp), Ok(effective_from)) = (unit, wajib, from) else {
            return;
        };
        if let Some(first) = seen.insert((unit_id, effective_from), row.number) {
            report.bad(
                unit_col,
                Issue::TargetTwice {
                    unit: data.unit_name(unit_id),
                    from: effective_from,
                    first_row: first,
                },
            );
            return;
        }
        targets.push(Target {
            unit_id,
            effective_from,
            wajib_ktp,
        });
    });
    TargetPlan { targets, problems }
}

//! Opening totals from a file: one row per unit, `unit;as_of;recorded;sent;printed[;suket]`
//! (Indonesian headers `kecamatan|nama;per_tanggal;rekam;terkirim;cetak;suket` too). Every
//! value comes from the file, as for daily reports; the rules are the store's, in one
//! transaction.

use std::collections::HashMap;
use std::path::Path;

use super::cells::{PRINTED, RECORDED, SENT, SUKET, UNIT, count_cell, date_cell, get};
use super::issue::{Issue, Wanted};
use super::keyed::{self, Column};
use crate::domain::dataset::normalize_name;
use crate::domain::rules;
use crate::domain::{CountField, Counts, Dataset, OpeningBalance, RuleViolation, UnitId};

/// Not `tanggal` or `date`: a sheet of daily reports (such as the export's "Laporan harian")
/// must not read as opening totals.
const AS_OF: &[&str] = &["asof", "pertanggal", "per", "saldoper", "openingdate"];
/// The unit column of a per-unit table: `unit`/`kecamatan`/…, or `nama`/`name`.
pub(super) const UNIT_OR_NAME: &[&str] =
    &["kecamatan", "unit", "unitkerja", "kantor", "nama", "name"];

/// What an import of opening totals would write.
#[derive(Debug, Clone, Default)]
pub struct OpeningPlan {
    pub openings: Vec<OpeningBalance>,
    pub problems: super::Problems,
}

/// The unit a cell names, or a problem saying which units there are.
pub(super) fn unit_of(data: &Dataset, text: &str) -> Result<UnitId, Issue> {
    let wanted = normalize_name(text);
    data.units
        .iter()
        .find(|u| normalize_name(&u.name) == wanted)
        .map(|u| u.id)
        .ok_or_else(|| {
            Issue::Rule(crate::domain::RuleViolation::UnknownUnit {
                name: crate::domain::rules::quoted(text.trim()),
                known: data.units.iter().map(|u| u.name.clone()).collect(),
            })
        })
}

/// Reads opening totals from `path` (CSV, XLSX, XLS or ODS, the first sheet with the columns).
///
/// Each row is judged by the store's own rules ([`rules::check_opening`]: not in the future,
/// before the unit's first report, the cumulative rules over its reports) as of `today`, so
/// that a refusal names the file's row and column, not only the unit.
pub fn plan_openings(data: &Dataset, path: &Path, today: chrono::NaiveDate) -> OpeningPlan {
    // The data with each row's opening in it, one at a time.
    let mut work = data.clone();
    debug_assert!(UNIT.iter().all(|n| UNIT_OR_NAME.contains(n)));
    let columns = [
        Column {
            names: UNIT_OR_NAME,
            required: true,
        },
        Column {
            names: AS_OF,
            required: true,
        },
        Column {
            names: RECORDED,
            required: true,
        },
        Column {
            names: SENT,
            required: true,
        },
        Column {
            names: PRINTED,
            required: true,
        },
        Column {
            names: SUKET,
            required: false,
        },
    ];
    let mut openings = Vec::new();
    let mut seen: HashMap<UnitId, usize> = HashMap::new();
    let problems = keyed::read(path, &columns, Wanted::Openings, &mut |row, at, report| {
        let [
            Some(unit_col),
            Some(as_of_col),
            Some(recorded_col),
            Some(sent_col),
            Some(printed_col),
            suket_col,
        ] = *at
        else {
            return;
        };
        let unit_text = get(row, unit_col).map(|c| c.text()).unwrap_or_default();
        let unit = unit_of(data, &unit_text).map_err(|e| report.bad(unit_col, e));
        let as_of = date_cell(get(row, as_of_col)).map_err(|e| report.bad(as_of_col, e));
        let mut count = |c: usize| count_cell(get(row, c)).map_err(|e| report.bad(c, e));
        let counts = [recorded_col, sent_col, printed_col].map(&mut count);
        let suket = match suket_col {
            Some(c) => count(c),
            None => Ok(0),
        };
        let (Ok(unit_id), Ok(as_of), [Ok(recorded), Ok(sent), Ok(printed)], Ok(suket)) =
            (unit, as_of, counts, suket)
        else {
            return;
        };
        // The opening's own totals obey the cumulative rules; later reports are judged by
        // the store.
        for (total, limit, column, field, limit_field) in [
            (
                sent,
                recorded,
                sent_col,
                CountField::SentToCentral,
                CountField::Recorded,
            ),
            (
                printed,
                sent,
                printed_col,
                CountField::Printed,
                CountField::SentToCentral,
            ),
        ] {
            if total > limit {
                report.bad(
                    column,
                    Issue::OpeningExceeds {
                        field,
                        limit_field,
                        total,
                        limit,
                    },
                );
            }
        }
        if let Some(first) = seen.insert(unit_id, row.number) {
            report.bad(
                unit_col,
                Issue::OpeningTwice {
                    unit: data.unit_name(unit_id),
                    first_row: first,
                },
            );
            return;
        }
        let opening = OpeningBalance {
            unit_id,
            as_of,
            counts: Counts {
                recorded,
                sent_to_central: sent,
                printed,
                suket_issued: suket,
            },
        };
        let old = work.openings.insert(unit_id, opening.clone());
        let verdict = rules::check_opening(&work, &opening, today);
        match old {
            Some(old) => work.openings.insert(unit_id, old),
            None => work.openings.remove(&unit_id),
        };
        if let Err(violation) = verdict {
            // The cell the rule is about: a count for the cumulative rules, else the date.
            let column = match &violation {
                RuleViolation::Cumulative { field, .. } => match field {
                    CountField::SentToCentral => sent_col,
                    CountField::Printed => printed_col,
                    _ => recorded_col,
                },
                _ => as_of_col,
            };
            report.bad(column, Issue::Rule(violation));
            return;
        }
        openings.push(opening);
    });
    OpeningPlan { openings, problems }
}

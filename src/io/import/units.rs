//! The list of units of a new office (`pantau init --units`, the first-run wizard): one unit a
//! row, in CSV, XLSX, XLS or ODS.
//!
//! Accepted headers (any case): `name`, `unit`, `kecamatan` or `nama` for the name; `code` or
//! `kode` for the official code; `kind` or `jenis` (`kecamatan` or `district`/`kabupaten`);
//! `wajib_ktp` (or `wajib`, `target`) for the residents who must hold a card. Other columns
//! (census figures, seat) are left aside. An empty `wajib_ktp` cell means no target yet.

use std::path::Path;

use super::Problem;
use super::cells::{count_cell, get};
use super::issue::{Issue, Wanted};
use super::keyed::{self, Column};
use super::openings::UNIT_OR_NAME;
use super::targets::WAJIB;
use crate::domain::{NewUnit, UnitKind};

const CODE: &[&str] = &["code", "kode"];
const KIND: &[&str] = &["kind", "jenis"];

/// A unit of the list, with its target when the list gives one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitRow {
    pub unit: NewUnit,
    pub wajib_ktp: Option<u64>,
}

/// Reads the units of `path`; every problem names its row and column.
pub fn read_units(path: &Path) -> Result<Vec<UnitRow>, super::Problems> {
    let columns = [
        Column {
            names: UNIT_OR_NAME,
            required: true,
        },
        Column {
            names: CODE,
            required: false,
        },
        Column {
            names: KIND,
            required: false,
        },
        Column {
            names: WAJIB,
            required: false,
        },
    ];
    let mut units = Vec::new();
    let problems = keyed::read(path, &columns, Wanted::Units, &mut |row, at, report| {
        let [Some(name_col), code_col, kind_col, wajib_col] = *at else {
            return;
        };
        let text = |c: Option<usize>| {
            c.and_then(|c| get(row, c))
                .map(|cell| cell.text().trim().to_string())
                .unwrap_or_default()
        };
        let name = text(Some(name_col));
        if name.is_empty() {
            report.bad(name_col, Issue::EmptyUnitName);
        }
        let code = Some(text(code_col)).filter(|c| !c.is_empty());
        let kind = match text(kind_col).to_lowercase().as_str() {
            "" | "kecamatan" => Some(UnitKind::Kecamatan),
            "district" | "kabupaten" | "kota" => Some(UnitKind::District),
            other => {
                report.bad(
                    kind_col.unwrap_or(name_col),
                    Issue::NotAUnitKind(other.to_string()),
                );
                None
            }
        };
        let wajib = match wajib_col {
            Some(c) if !text(Some(c)).is_empty() => count_cell(get(row, c))
                .map(Some)
                .map_err(|e| report.bad(c, e)),
            _ => Ok(None),
        };
        if let (false, Some(kind), Ok(wajib_ktp)) = (name.is_empty(), kind, wajib) {
            units.push(UnitRow {
                unit: NewUnit { name, code, kind },
                wajib_ktp,
            });
        }
    });
    if !problems.is_empty() {
        return Err(problems);
    }
    if units.is_empty() {
        let file = path
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut problems = super::Problems::default();
        problems.push(Problem {
            file,
            sheet: None,
            row: None,
            column: None,
            issue: Issue::NoUnits,
        });
        return Err(problems);
    }
    Ok(units)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_text(name: &str, text: &str) -> Result<Vec<UnitRow>, Vec<Problem>> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        read_units(&path).map_err(|p| p.first)
    }

    #[test]
    fn reads_the_sampang_list() {
        let units = read_text("kecamatan.csv", crate::demo::KECAMATAN_CSV).unwrap();
        assert_eq!(units.len(), 14);
        assert_eq!(units[0].unit.name, "Sreseh");
        assert!(units.iter().all(|u| u.unit.kind == UnitKind::Kecamatan));
        assert!(units.iter().all(|u| u.wajib_ktp.is_none()));
    }

    #[test]
    fn reads_semicolons_indonesian_headers_and_targets() {
        let units = read_text(
            "unit.csv",
            "Nama;Kode;Jenis;Wajib KTP\nTorjun;35.27.02;kecamatan;28.400\nKantor;;kabupaten;\n",
        )
        .unwrap();
        assert_eq!(units[0].unit.code.as_deref(), Some("35.27.02"));
        assert_eq!(units[0].wajib_ktp, Some(28_400));
        assert_eq!(units[1].unit.kind, UnitKind::District);
        assert_eq!(
            units[1].wajib_ktp, None,
            "an empty cell is no target, not 0"
        );
    }

    #[test]
    fn names_row_and_column_of_a_problem() {
        let problems = read_text(
            "u.csv",
            "name,kind,wajib_ktp\nTorjun,kecamatan,-5\nOmben,desa,10\n",
        )
        .unwrap_err();
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(text.len(), 2, "{text:?}");
        assert!(
            text[0].starts_with("u.csv, row 2, column wajib_ktp: "),
            "{text:?}"
        );
        assert_eq!(
            text[1],
            "u.csv, row 3, column kind: 'desa' is not a unit kind (kecamatan or kabupaten)"
        );
        let problems = read_text("w.csv", "wilayah\nTorjun\n").unwrap_err();
        assert!(
            problems[0]
                .to_string()
                .contains("no column for the unit name")
        );
    }
}

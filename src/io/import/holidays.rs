//! A year's holidays from a file, as the joint decree (SKB 3 Menteri) lists them: one row per
//! day, `date;kind;name` (Indonesian headers `tanggal;jenis;keterangan`). The kind is `libur`
//! (a national holiday) or `cuti_bersama` (collective leave); an empty kind is refused, never
//! taken as one or the other.

use std::collections::HashMap;
use std::path::Path;

use super::cells::{date_cell, get};
use super::issue::{Issue, Wanted};
use super::keyed::{self, Column};
use crate::domain::rules::{Place, check_text};
use crate::domain::{Holiday, HolidayKind};

const DATE: &[&str] = &["date", "tanggal", "tgl"];
const KIND: &[&str] = &["kind", "jenis", "type"];
const NAME: &[&str] = &["name", "nama", "keterangan", "ket", "libur"];

/// What an import of holidays would write.
#[derive(Debug, Clone, Default)]
pub struct HolidayPlan {
    pub holidays: Vec<Holiday>,
    pub problems: super::Problems,
}

/// `libur`, `libur nasional`, `cuti bersama`, `cuti_bersama`, in any case.
fn holiday_kind(text: &str) -> Option<HolidayKind> {
    let key: String = text
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    match key.as_str() {
        "libur" | "liburnasional" | "holiday" | "nationalholiday" => Some(HolidayKind::Libur),
        "cutibersama" | "cuti" | "collectiveleave" => Some(HolidayKind::CutiBersama),
        _ => None,
    }
}

/// Reads holidays from `path` (CSV, XLSX, XLS or ODS, the first sheet with the columns).
pub fn plan_holidays(path: &Path) -> HolidayPlan {
    let column = |names, required| Column { names, required };
    let columns = [column(DATE, true), column(KIND, true), column(NAME, true)];
    let mut holidays = Vec::new();
    let mut seen: HashMap<chrono::NaiveDate, usize> = HashMap::new();
    let problems = keyed::read(path, &columns, Wanted::Holidays, &mut |row, at, report| {
        let [Some(date_col), Some(kind_col), Some(name_col)] = *at else {
            return;
        };
        let date = date_cell(get(row, date_col)).map_err(|e| report.bad(date_col, e));
        let kind_text = get(row, kind_col).map(|c| c.text()).unwrap_or_default();
        let kind = holiday_kind(&kind_text)
            .ok_or_else(|| report.bad(kind_col, Issue::NotAHolidayKind(kind_text.clone())));
        let name = get(row, name_col)
            .map(|c| c.text().trim().to_string())
            .unwrap_or_default();
        let (Ok(date), Ok(kind)) = (date, kind) else {
            return;
        };
        let place = Place { unit: None, date };
        if name.is_empty() {
            report.bad(name_col, Issue::EmptyHolidayName);
            return;
        }
        if let Err(violation) = check_text(&place, "name", &name) {
            report.bad(name_col, Issue::Rule(violation));
            return;
        }
        if let Some(first_row) = seen.insert(date, row.number) {
            report.bad(date_col, Issue::HolidayTwice { date, first_row });
            return;
        }
        holidays.push(Holiday { date, kind, name });
    });
    HolidayPlan { holidays, problems }
}

//! The units CSV of `pantau init --units`: one unit a row, a header naming the columns.
//!
//! Accepted headers (any case): `name`, `unit`, `kecamatan` or `nama` for the name; `code` or
//! `kode` for the official code; `kind` or `jenis` (`kecamatan` or `district`/`kabupaten`).
//! Other columns (census figures, seat) are ignored.

use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::domain::{NewUnit, UnitKind};

pub fn read_units_csv(path: &Path) -> Result<Vec<NewUnit>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read the units file {}", path.display()))?;
    parse_units_csv(&text).with_context(|| format!("units file {}", path.display()))
}

pub fn parse_units_csv(text: &str) -> Result<Vec<NewUnit>> {
    let delimiter = sniff_delimiter(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .context("the header row cannot be read")?
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').to_lowercase())
        .collect();
    let find = |names: &[&str]| headers.iter().position(|h| names.contains(&h.as_str()));
    let Some(name_col) = find(&["name", "unit", "kecamatan", "nama"]) else {
        bail!(
            "row 1: no column for the unit name (call it name, unit, kecamatan or nama); \
             found: {}",
            headers.join(", ")
        );
    };
    let code_col = find(&["code", "kode"]);
    let kind_col = find(&["kind", "jenis"]);
    let mut units = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let row = index + 2;
        let record = record.with_context(|| format!("row {row} cannot be read"))?;
        let name = record.get(name_col).unwrap_or("").to_string();
        if name.is_empty() {
            bail!(
                "row {row}, column {}: the unit name is empty",
                headers[name_col]
            );
        }
        let code = code_col
            .and_then(|c| record.get(c))
            .filter(|c| !c.is_empty())
            .map(str::to_string);
        let kind = match kind_col.and_then(|c| record.get(c)).unwrap_or("") {
            "" | "kecamatan" => UnitKind::Kecamatan,
            "district" | "kabupaten" | "kota" => UnitKind::District,
            other => bail!(
                "row {row}, column {}: '{other}' is not a unit kind (kecamatan or district)",
                headers[kind_col.unwrap_or(name_col)]
            ),
        };
        units.push(NewUnit { name, code, kind });
    }
    if units.is_empty() {
        bail!("no units in the file");
    }
    Ok(units)
}

/// Excel in an Indonesian locale writes `;`; others write `,` or tabs.
fn sniff_delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    [b';', b'\t', b',']
        .into_iter()
        .max_by_key(|d| header.bytes().filter(|b| b == d).count())
        .filter(|d| header.as_bytes().contains(d))
        .unwrap_or(b',')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_sampang_list() {
        let units = parse_units_csv(crate::demo::KECAMATAN_CSV).unwrap();
        assert_eq!(units.len(), 14);
        assert_eq!(units[0].name, "Sreseh");
        assert!(units.iter().all(|u| u.kind == UnitKind::Kecamatan));
    }

    #[test]
    fn reads_semicolons_and_indonesian_headers() {
        let units =
            parse_units_csv("Nama;Kode;Jenis\nTorjun;35.27.02;kecamatan\nKantor;;kabupaten\n")
                .unwrap();
        assert_eq!(units[0].code.as_deref(), Some("35.27.02"));
        assert_eq!(units[1].kind, UnitKind::District);
    }

    #[test]
    fn names_row_and_column_of_a_problem() {
        let err = parse_units_csv("name,kind\nTorjun,kecamatan\nOmben,desa\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "row 3, column kind: 'desa' is not a unit kind (kecamatan or district)"
        );
        let err = parse_units_csv("wilayah\nTorjun\n").unwrap_err();
        assert!(err.to_string().contains("no column for the unit name"));
    }
}

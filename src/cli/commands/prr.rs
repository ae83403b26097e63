//! `pantau prr`: whether the office counts the centre's stage, and each unit's PRR start.

use std::path::Path;

use anyhow::Result;

use super::{count_arg, date_arg, say, today};
use crate::cli::table;
use crate::cli::{OnOff, PrrAction};
use crate::domain::rules::Place;
use crate::domain::{PrrCounts, PrrOpening};
use crate::locale::Lang;
use crate::locale::cli::{Said, Table, from_the_start, headers};
use crate::locale::fmt::count;

pub fn prr(lang: Lang, path: &Path, action: PrrAction) -> Result<()> {
    match action {
        PrrAction::List => {
            let data = super::open_reader(path)?.load()?;
            let as_of = data.last_activity().unwrap_or_else(today).min(today());
            say(lang, &Said::PrrCounted(data.settings.counts_prr));
            let n = |x: u64| count(lang, x);
            let unknown = || "—".to_string();
            let rows: Vec<Vec<String>> = data
                .units
                .iter()
                .map(|unit| {
                    let mut row = vec![unit.name.clone()];
                    match data.prr_baseline(unit.id) {
                        Some(b) => {
                            row.push(
                                b.as_of
                                    .map(|d| d.to_string())
                                    .unwrap_or_else(|| from_the_start(lang).into()),
                            );
                            let c = b.counts;
                            row.extend([c.prr, c.dup, c.efac, c.efac_retaken].map(n));
                        }
                        None => row.extend(std::iter::repeat_n(unknown(), 5)),
                    }
                    match data.prr_totals(unit.id, as_of) {
                        Some(p) => {
                            let printed = data.totals(unit.id, as_of).printed;
                            row.push(n(p.prr));
                            row.push(n(p.prr.saturating_sub(printed)));
                        }
                        None => row.extend([unknown(), unknown()]),
                    }
                    row
                })
                .collect();
            let mut right = [true; 8];
            right[0] = false;
            right[1] = false;
            print!(
                "{}",
                table::render(headers(lang, Table::PrrStarts), &rows, &right)
            );
        }
        PrrAction::Start {
            unit,
            as_of,
            prr,
            dup,
            efac,
            efac_retaken,
        } => {
            let mut store = super::open_store(path)?;
            let as_of = date_arg(lang, "--as-of", &as_of)?;
            let unit = {
                let data = store.snapshot()?;
                data.find_unit(&unit)?.clone()
            };
            let at = Place {
                unit: Some(unit.name.clone()),
                date: as_of,
            };
            let opening = PrrOpening {
                unit_id: unit.id,
                as_of,
                counts: PrrCounts {
                    prr: count_arg(&at, "prr", &prr)?,
                    dup: count_arg(&at, "dup", &dup)?,
                    efac: count_arg(&at, "efac", &efac)?,
                    efac_retaken: count_arg(&at, "efac_retaken", &efac_retaken)?,
                },
            };
            store.set_prr_openings(std::slice::from_ref(&opening), today())?;
            say(
                lang,
                &Said::PrrStartSet {
                    at: &at,
                    counts: &opening.counts,
                },
            );
        }
        PrrAction::Count { state } => {
            let mut store = super::open_store(path)?;
            let mut settings = store.snapshot()?.settings.clone();
            settings.counts_prr = state == OnOff::On;
            store.save_settings(&settings)?;
            say(lang, &Said::PrrCounted(settings.counts_prr));
        }
    }
    Ok(())
}

//! The forecast's findings in words: what holds a milestone back, why a date is missing, what
//! was assumed about blank cards.

use super::{Lang, fmt};
use crate::forecast::{BlankSupply, Constraint, Stockout, Supply};

/// What holds a milestone back, or why it has no date.
pub fn constraint(lang: Lang, c: &Constraint) -> String {
    let n = |x: u64| fmt::count(lang, x);
    let d = |x| fmt::date_short(lang, x);
    match (lang, c) {
        (Lang::Id, Constraint::Reached { on }) => format!("tercapai {}", d(*on)),
        (Lang::En, Constraint::Reached { on }) => format!("reached {}", d(*on)),
        (Lang::Id, Constraint::NoTarget) => "belum ada target wajib KTP".to_string(),
        (Lang::En, Constraint::NoTarget) => "no wajib KTP target yet".to_string(),
        (Lang::Id, Constraint::ShortHistory { days, needed }) => format!(
            "riwayat terlalu pendek: {days} hari kerja berlaporan, perlu sedikitnya {needed}"
        ),
        (Lang::En, Constraint::ShortHistory { days, needed }) => {
            format!("history too short: {days} working days with reports, at least {needed} needed")
        }
        (Lang::Id, Constraint::NoRecording { window_days }) => {
            format!("tidak ada perekaman dalam {window_days} hari kerja terakhir")
        }
        (Lang::En, Constraint::NoRecording { window_days }) => {
            format!("nothing recorded in the last {window_days} working days")
        }
        (Lang::Id, Constraint::NoPrintingWithBlanks) => {
            "belum ada data cetak pada hari blangko tersedia".to_string()
        }
        (Lang::En, Constraint::NoPrintingWithBlanks) => {
            "no printing yet on a day with blanks in stock".to_string()
        }
        (Lang::Id, Constraint::NothingSent { window_days, cards }) => format!(
            "tidak ada data terkirim ke pusat dalam {window_days} hari kerja terakhir, dan \
             antrean cetak tidak cukup untuk {} kartu",
            n(*cards)
        ),
        (Lang::En, Constraint::NothingSent { window_days, cards }) => format!(
            "nothing sent to the centre in the last {window_days} working days, and the print \
             queue is short of {} cards",
            n(*cards)
        ),
        (Lang::Id, Constraint::RecordingRate { per_day }) => {
            format!("laju perekaman {} per hari kerja", n(*per_day))
        }
        (Lang::En, Constraint::RecordingRate { per_day }) => {
            format!("recording rate {} a working day", n(*per_day))
        }
        (Lang::Id, Constraint::RecordingLeft { per_day }) => {
            format!(
                "perekaman yang belum selesai, {} per hari kerja",
                n(*per_day)
            )
        }
        (Lang::En, Constraint::RecordingLeft { per_day }) => {
            format!("recording still to do, {} a working day", n(*per_day))
        }
        (Lang::Id, Constraint::Sending { per_day }) => {
            format!("pengiriman data ke pusat, {} per hari kerja", n(*per_day))
        }
        (Lang::En, Constraint::Sending { per_day }) => {
            format!("sending data to the centre, {} a working day", n(*per_day))
        }
        (Lang::Id, Constraint::PrintCapacity { per_day }) => {
            format!("kapasitas cetak {} kartu per hari kerja", n(*per_day))
        }
        (Lang::En, Constraint::PrintCapacity { per_day }) => {
            format!("print capacity {} cards a working day", n(*per_day))
        }
        (_, Constraint::Blanks { stockout, supply }) => {
            let when = match (lang, stockout) {
                (Lang::Id, Stockout::Since(date)) => {
                    format!("stok blangko habis sejak {}", d(*date))
                }
                (Lang::En, Stockout::Since(date)) => format!("blank stock out since {}", d(*date)),
                (Lang::Id, Stockout::On(date)) => format!("stok blangko habis {}", d(*date)),
                (Lang::En, Stockout::On(date)) => format!("blank stock runs out {}", d(*date)),
                (Lang::Id, Stockout::Short) => "stok blangko tidak cukup".to_string(),
                (Lang::En, Stockout::Short) => "too few blanks".to_string(),
            };
            let next = match (&supply.planned, lang) {
                (None, Lang::Id) => "belum ada pengiriman terjadwal".to_string(),
                (None, Lang::En) => "no delivery announced".to_string(),
                (Some(_), _) => supply_text(lang, supply),
            };
            format!("{when}, {next}")
        }
        (
            Lang::Id,
            Constraint::BlanksShort {
                stock,
                supply,
                cards,
                years,
            },
        ) => format!(
            "stok blangko {} ditambah penerimaan yang diperkirakan ({}) tidak cukup untuk {} \
             kartu dalam {years} tahun",
            n(*stock),
            supply_text(lang, supply),
            n(*cards)
        ),
        (
            Lang::En,
            Constraint::BlanksShort {
                stock,
                supply,
                cards,
                years,
            },
        ) => format!(
            "blank stock {} plus the receipts expected ({}) is short of {} cards within {years} \
             years",
            n(*stock),
            supply_text(lang, supply),
            n(*cards)
        ),
        (Lang::Id, Constraint::NotWithinHorizon { years, percent }) => {
            format!("tidak tercapai dalam {years} tahun pada {percent} % percobaan")
        }
        (Lang::En, Constraint::NotWithinHorizon { years, percent }) => {
            format!("not reached within {years} years in {percent} % of trials")
        }
    }
}

/// The blanks expected: "rata-rata 133 lembar per hari kerja, belum ada pengiriman terjadwal".
fn supply_text(lang: Lang, supply: &Supply) -> String {
    let per_day = fmt::count(lang, supply.per_day);
    let average = match lang {
        Lang::Id => format!("rata-rata {per_day} lembar per hari kerja"),
        Lang::En => format!("on average {per_day} blanks a working day"),
    };
    match (&supply.planned, lang) {
        (None, Lang::Id) => format!("{average}, belum ada pengiriman terjadwal"),
        (None, Lang::En) => format!("{average}, no delivery announced"),
        (Some(p), Lang::Id) => format!(
            "{} pengiriman terjadwal, {} lembar hingga {}; sesudahnya {average}",
            p.deliveries,
            fmt::count(lang, p.quantity),
            fmt::date_short(lang, p.until)
        ),
        (Some(p), Lang::En) => format!(
            "{} deliveries announced, {} blanks until {}; after that {average}",
            p.deliveries,
            fmt::count(lang, p.quantity),
            fmt::date_short(lang, p.until)
        ),
    }
}

/// What the forecast assumed about blank cards.
pub fn blank_supply(lang: Lang, supply: &BlankSupply) -> String {
    match (lang, supply) {
        (Lang::Id, BlankSupply::Unknown) => {
            "stok blangko belum diketahui: cetak tidak dibatasi blangko".to_string()
        }
        (Lang::En, BlankSupply::Unknown) => {
            "blank stock not known yet: printing is not bounded by blanks".to_string()
        }
        (
            Lang::Id,
            BlankSupply::Known {
                stock,
                supply,
                window_days,
            },
        ) => format!(
            "stok blangko {} lembar; penerimaan: {} (jendela {window_days} hari kerja)",
            fmt::count(lang, *stock),
            supply_text(lang, supply)
        ),
        (
            Lang::En,
            BlankSupply::Known {
                stock,
                supply,
                window_days,
            },
        ) => format!(
            "blank stock {}; receipts: {} (window of {window_days} working days)",
            fmt::count(lang, *stock),
            supply_text(lang, supply)
        ),
    }
}

/// A cumulative total of the pipeline, as a column or a series is named.
pub fn stage(lang: Lang, stage: crate::forecast::backtest::Stage) -> &'static str {
    use crate::forecast::backtest::Stage;
    match (lang, stage) {
        (Lang::Id, Stage::Recorded) => "Rekam",
        (Lang::Id, Stage::Sent) => "Terkirim",
        (Lang::Id, Stage::Printed) => "Cetak",
        (Lang::En, Stage::Recorded) => "Recorded",
        (Lang::En, Stage::Sent) => "Sent",
        (Lang::En, Stage::Printed) => "Printed",
    }
}

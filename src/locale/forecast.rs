//! The forecast's findings in words: what holds a milestone back, why a date is missing, what
//! was assumed about blank cards.

use super::{Lang, fmt};
use crate::forecast::backtest::Accuracy;
use crate::forecast::{BlankSupply, Constraint, Forecast, HORIZON_YEARS, Limit, Stockout, Supply};

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
        (Lang::Id, Constraint::Prr { per_day, waiting }) => format!(
            "verifikasi di pusat: PRR bertambah {} per hari kerja, {} data menunggu verifikasi",
            n(*per_day),
            n(*waiting)
        ),
        (Lang::En, Constraint::Prr { per_day, waiting }) => format!(
            "the centre's check: PRR grows by {} a working day, {} records waiting for it",
            n(*per_day),
            n(*waiting)
        ),
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

/// The accuracy panel's sentences (the dashboard's and the PDF's), at the middle horizon.
pub struct AccuracyWords {
    /// How many forecasts were tested and how often the model's band held.
    pub tested: String,
    /// How far the model's P50 was off.
    pub error: Option<String>,
    /// What the calibration changed, or why there is none yet.
    pub calibration: String,
    pub calibrated: bool,
    /// How to read the band now: too narrow, too wide or fair.
    pub verdict: &'static str,
    pub too_narrow: bool,
    /// How far ahead the test reaches: finishing dates further away are not tested by it.
    pub reach: String,
}

/// The sentences for `accuracy`; `None` while no forecast could be tested.
pub fn accuracy_words(lang: Lang, accuracy: &Accuracy) -> Option<AccuracyWords> {
    use crate::forecast::backtest::{CALIBRATION_MIN_CASES, HORIZONS, pooled};
    let tr = lang.tr();
    let middle = HORIZONS[HORIZONS.len() / 2];
    let raw = pooled(&accuracy.raw, middle);
    let coverage = raw.interval_coverage?;
    let pct = |c: f64| super::fmt::percent(lang, c * 100.0);
    let count = |n: usize| super::fmt::count(lang, n as u64);
    let calibrated = pooled(&accuracy.calibrated, middle);
    let matched = pooled(&accuracy.raw_matched, middle);
    let (calibration, is_calibrated) =
        match (matched.interval_coverage, calibrated.interval_coverage) {
            (Some(before), Some(after)) => (
                (tr.accuracy_calibrated)(
                    &count(calibrated.n),
                    middle,
                    CALIBRATION_MIN_CASES,
                    &pct(before),
                    &pct(after),
                ),
                true,
            ),
            _ => (
                (tr.accuracy_uncalibrated)(
                    &count(accuracy.outcomes_known()),
                    CALIBRATION_MIN_CASES,
                ),
                false,
            ),
        };
    // The verdict goes by the horizon where the band held least, calibrated where it is: a
    // band fair at 60 working days and far too narrow at 120 is too narrow.
    let (held, held_calibrated) = HORIZONS
        .iter()
        .filter_map(
            |&h| match pooled(&accuracy.calibrated, h).interval_coverage {
                Some(c) => Some((c, true)),
                None => pooled(&accuracy.raw, h)
                    .interval_coverage
                    .map(|c| (c, false)),
            },
        )
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .unwrap_or((coverage, false));
    use crate::forecast::backtest::TOO_NARROW;
    let verdict = if held < TOO_NARROW && held_calibrated {
        tr.accuracy_still_narrow
    } else if held < TOO_NARROW {
        tr.accuracy_too_narrow
    } else if held > 0.8 {
        tr.accuracy_too_wide
    } else {
        tr.accuracy_fair
    };
    Some(AccuracyWords {
        tested: (tr.accuracy_sentence)(&count(raw.n), middle, &pct(coverage)),
        error: raw
            .p50_median_abs_error_pct
            .map(|e| (tr.accuracy_error)(&super::fmt::percent(lang, e))),
        calibration,
        calibrated: is_calibrated,
        verdict,
        too_narrow: held < TOO_NARROW,
        reach: (tr.accuracy_reach)(HORIZONS[HORIZONS.len() - 1]),
    })
}

/// The heading of the accuracy table's column of `h` working days: with the number of
/// forecasts its cells compare once calibrated.
pub fn coverage_heading(lang: Lang, accuracy: &Accuracy, h: usize) -> String {
    let tr = lang.tr();
    let n = accuracy
        .calibrated
        .iter()
        .filter(|s| s.working_days == h)
        .map(|s| s.n)
        .max()
        .unwrap_or(0);
    match n {
        0 => (tr.accuracy_horizon)(h),
        n => (tr.accuracy_horizon_n)(h, &fmt::count(lang, n as u64)),
    }
}

/// One cell of the accuracy table: the share inside P15–P85 of `stage` at `h` working days,
/// "as the model made it / calibrated" on the same forecasts where a calibration was learnt,
/// else the model's over all its forecasts.
pub fn coverage_cell(
    lang: Lang,
    accuracy: &Accuracy,
    stage: crate::forecast::backtest::Stage,
    h: usize,
) -> String {
    let find = |scores: &[crate::forecast::backtest::HorizonScore]| {
        scores
            .iter()
            .find(|s| s.stage == stage && s.working_days == h)
            .and_then(|s| s.interval_coverage)
    };
    let pct = |c: f64| super::fmt::percent(lang, c * 100.0);
    match (find(&accuracy.raw_matched), find(&accuracy.calibrated)) {
        (Some(before), Some(after)) => format!("{} / {}", pct(before), pct(after)),
        _ => find(&accuracy.raw).map_or("–".to_string(), pct),
    }
}

/// The heading of what the deadline needs: the working days left, or that none are, or that
/// it has passed.
pub fn pace_title(lang: Lang, pace: &crate::forecast::Pace, as_of: chrono::NaiveDate) -> String {
    let tr = lang.tr();
    let deadline = fmt::date_words(lang, pace.deadline);
    if pace.deadline < as_of {
        (tr.pace_passed)(&deadline)
    } else if pace.working_days_left == 0 {
        (tr.pace_no_days)(&deadline)
    } else {
        (tr.pace_title)(&deadline, pace.working_days_left)
    }
}

/// The blanks printing needs by the deadline against the stock and the deliveries announced,
/// and how many to ask the centre for; or why that cannot be worked out yet.
pub fn pace_blanks(lang: Lang, pace: &crate::forecast::Pace, as_of: chrono::NaiveDate) -> String {
    let tr = lang.tr();
    match &pace.blanks {
        Some(b) => (tr.pace_blanks)(
            &fmt::count(lang, b.cards),
            &fmt::count(lang, b.stock),
            &fmt::count(lang, b.announced),
            &fmt::count(lang, b.to_request),
            pace.deadline < as_of,
        ),
        None => tr.pace_blanks_unknown.to_string(),
    }
}

/// Whole months from `from` to `to` (0 when less than one, or when `to` is earlier).
fn months_between(from: chrono::NaiveDate, to: chrono::NaiveDate) -> u32 {
    use chrono::Datelike;
    let mut months = (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32;
    if to.day() < from.day() {
        months -= 1;
    }
    months.max(0) as u32
}

/// A milestone's forecast in the one sentence a head of office reads first: when it finishes,
/// how that stands against the deadline, and what the deadline needs against the current rate.
/// "Perekaman selesai sekitar Agustus 2018 (13 bulan sesudah tenggat), paling lambat September
/// 2018; untuk selesai 30 Juni 2017 perlu 1.136 perekaman per hari kerja, kini 463."
pub fn milestone_sentence(lang: Lang, forecast: &Forecast, printing: bool) -> String {
    let m = if printing {
        &forecast.printing
    } else {
        &forecast.recording
    };
    let id = lang == Lang::Id;
    let what = match (printing, id) {
        (false, true) => "Perekaman",
        (false, false) => "Recording",
        (true, true) => "Pencetakan kartu untuk semua wajib KTP",
        (true, false) => "Printing a card for every resident",
    };
    let month = |d| fmt::month_words(lang, d);
    if let (Limit::Reached, Some(on)) = (m.limit, m.p50) {
        return match lang {
            Lang::Id => format!("{what} selesai {}.", fmt::date_words(lang, on)),
            Lang::En => format!("{what} finished on {}.", fmt::date_words(lang, on)),
        };
    }
    // A deadline already past is named in the lateness; one still ahead, in what it needs.
    let passed = forecast.deadline.filter(|d| *d < forecast.as_of);
    let since = match (lang, passed) {
        (_, None) => String::new(),
        (Lang::Id, Some(d)) => format!(" {}, yang sudah lewat", fmt::date_words(lang, d)),
        (Lang::En, Some(d)) => format!(" of {}, which has passed", fmt::date_words(lang, d)),
    };
    // How the middle date stands against the deadline, said right beside it.
    let against = |p50: chrono::NaiveDate| -> String {
        let Some(deadline) = forecast.deadline else {
            return String::new();
        };
        match (lang, p50 > deadline, months_between(deadline, p50)) {
            (Lang::Id, true, 0) => format!(" (kurang dari sebulan sesudah tenggat{since})"),
            (Lang::En, true, 0) => format!(" (less than a month after the deadline{since})"),
            (Lang::Id, true, n) => format!(" ({n} bulan sesudah tenggat{since})"),
            (Lang::En, true, 1) => format!(" (a month after the deadline{since})"),
            (Lang::En, true, n) => format!(" ({n} months after the deadline{since})"),
            (Lang::Id, false, _) => " (sebelum tenggat)".to_string(),
            (Lang::En, false, _) => " (before the deadline)".to_string(),
        }
    };
    // The latest date, and whether it runs past a deadline the middle one meets.
    let latest = |p50: chrono::NaiveDate, p85: Option<chrono::NaiveDate>| -> String {
        let after = forecast
            .deadline
            .is_some_and(|d| p50 <= d && p85.is_none_or(|p| p > d));
        // A date the office's track record moved says so, and that it is still optimistic
        // where the calibrated band of its stage still held too few.
        let month = |p85| match (m.calibrated, m.still_optimistic) {
            (true, false) => format!("{} ({})", month(p85), lang.tr().calibrated_mark),
            (true, true) => format!("{} ({})", month(p85), lang.tr().calibrated_optimistic_mark),
            (false, _) => month(p85),
        };
        match (lang, p85, after) {
            (Lang::Id, Some(p85), false) => format!(", paling lambat {}", month(p85)),
            (Lang::Id, Some(p85), true) => {
                format!(", paling lambat {}, sesudah tenggat", month(p85))
            }
            (Lang::En, Some(p85), false) => format!(", at the latest by {}", month(p85)),
            (Lang::En, Some(p85), true) => {
                format!(", at the latest by {}, after the deadline", month(p85))
            }
            (Lang::Id, None, _) => {
                format!(", paling lambat mungkin lebih dari {HORIZON_YEARS} tahun lagi")
            }
            (Lang::En, None, _) => {
                format!(", at the latest perhaps not within {HORIZON_YEARS} years")
            }
        }
    };
    let mut out = match (m.p50, &m.reason) {
        (Some(p50), _) if id => format!(
            "{what} selesai sekitar {}{}{}",
            month(p50),
            against(p50),
            latest(p50, m.p85)
        ),
        (Some(p50), _) => format!(
            "{what} finishes around {}{}{}",
            month(p50),
            against(p50),
            latest(p50, m.p85)
        ),
        (None, Some(reason)) if id => {
            format!(
                "{what} belum dapat diperkirakan: {}",
                constraint(lang, reason)
            )
        }
        (None, Some(reason)) => {
            format!(
                "{what} cannot be forecast yet: {}",
                constraint(lang, reason)
            )
        }
        (None, None) if id => format!("{what} belum dapat diperkirakan"),
        (None, None) => format!("{what} cannot be forecast yet"),
    };
    let stage = forecast
        .pace
        .as_ref()
        .map(|p| (p.deadline, if printing { &p.printed } else { &p.recorded }));
    let n = |x: f64| fmt::count(lang, x.round() as u64);
    if let Some((deadline, stage)) = stage {
        let current = n(stage.current_per_working_day);
        let by = fmt::date_words(lang, deadline);
        let unit = match (lang, printing) {
            (Lang::Id, false) => "perekaman",
            (Lang::Id, true) => "kartu dicetak",
            (Lang::En, false) => "recordings",
            (Lang::En, true) => "cards printed",
        };
        out.push_str(&match (lang, stage.required_per_working_day, passed) {
            (Lang::Id, Some(r), _) => format!(
                "; untuk selesai {by} perlu {} {unit} per hari kerja, kini {current}",
                n(r)
            ),
            (Lang::En, Some(r), _) => format!(
                "; to finish by {by} it needs {} {unit} a working day, now {current}",
                n(r)
            ),
            (Lang::Id, None, Some(_)) => format!("; kini {current} {unit} per hari kerja"),
            (Lang::En, None, Some(_)) => format!("; now {current} {unit} a working day"),
            (Lang::Id, None, None) => format!(
                "; tidak ada hari kerja lagi sebelum tenggat {by}, kini {current} {unit} per \
                 hari kerja"
            ),
            (Lang::En, None, None) => format!(
                "; no working day is left before the deadline of {by}, now {current} {unit} a \
                 working day"
            ),
        });
    }
    out.push('.');
    out
}

/// How to read a milestone's dates: the percentiles and the method, for the note under the
/// sentence. "P50 7 Agu 2018: separuh percobaan selesai lebih awal; …"
pub fn reading_note(lang: Lang, forecast: &Forecast, printing: bool) -> String {
    let m = if printing {
        &forecast.printing
    } else {
        &forecast.recording
    };
    let d = |x| fmt::date_opt(lang, x);
    let chance = m
        .prob_by_deadline
        .filter(|_| m.p50.is_some())
        .map(|p| fmt::percent(lang, p * 100.0));
    let trials = fmt::count(lang, forecast.trials as u64);
    let window = forecast.window_days;
    let mut out = match (lang, m.p50.is_some(), &m.reason) {
        (Lang::Id, false, Some(reason)) => {
            format!("Tanpa tanggal perkiraan: {}.", constraint(lang, reason))
        }
        (Lang::En, false, Some(reason)) => {
            format!("No forecast date: {}.", constraint(lang, reason))
        }
        // Calibrated, P85 is no longer where 85 in 100 trials finish: what it is follows.
        (Lang::Id, _, _) if m.calibrated => format!(
            "P50 {}: separuh dari {trials} percobaan selesai lebih awal. P85 {} (tanggal \
             \"paling lambat\") dan P95 {}: dari percobaan, lalu dikalibrasi.",
            d(m.p50),
            d(m.p85),
            d(m.p95)
        ),
        (Lang::En, _, _) if m.calibrated => format!(
            "P50 {}: half of the {trials} trials finish earlier. P85 {} (the \"at the latest\" \
             date) and P95 {}: from the trials, then calibrated.",
            d(m.p50),
            d(m.p85),
            d(m.p95)
        ),
        (Lang::Id, _, _) => format!(
            "P50 {}: separuh dari {trials} percobaan selesai lebih awal. P85 {}: 85 dari 100 \
             percobaan selesai lebih awal (tanggal \"paling lambat\"). P95 {}.",
            d(m.p50),
            d(m.p85),
            d(m.p95)
        ),
        (Lang::En, _, _) => format!(
            "P50 {}: half of the {trials} trials finish earlier. P85 {}: 85 in 100 trials \
             finish earlier (the \"at the latest\" date). P95 {}.",
            d(m.p50),
            d(m.p85),
            d(m.p95)
        ),
    };
    if let Some(chance) = chance {
        out.push_str(&match lang {
            Lang::Id => format!(" Peluang selesai sebelum tenggat: {chance}."),
            Lang::En => format!(" Chance of finishing by the deadline: {chance}."),
        });
    }
    // P85 and P95 moved by the office's track record: no longer the trials' own.
    if m.calibrated {
        out.push_str(match lang {
            Lang::Id => {
                " P85 dan P95 dikalibrasi pada catatan kantor ini: jaraknya dari P70 (tepi \
                 bagian tengah percobaan, yang tetap) dilebarkan atau dipersempit sejauh \
                 perkiraan yang lalu meleset (lihat \"Seberapa tepat perkiraan ini?\"); \
                 peluang sebelum tenggat tetap menurut percobaan."
            }
            Lang::En => {
                " P85 and P95 are calibrated on this office's track record: their distance from \
                 P70 (the edge of the trials' middle, which stays) is widened or narrowed as far \
                 as past forecasts missed (see \"How accurate is this forecast?\"); the chance \
                 by the deadline is still the trials'."
            }
        });
    }
    // …and still optimistic where the calibrated band of its stage held too few: how few, and
    // at which horizon.
    if let (true, Some(held)) = (m.still_optimistic, m.band_held) {
        let share = fmt::percent(lang, held.share * 100.0);
        let days = held.working_days;
        out.push_str(&match lang {
            Lang::Id => format!(
                " Rentang yang sudah dikalibrasi pun selama ini hanya memuat {share} hasil tahap \
                 ini {days} hari kerja ke depan (semestinya sekitar 70 %): P85 masih optimis."
            ),
            Lang::En => format!(
                " Even calibrated, the band has held only {share} of this stage's outcomes \
                 {days} working days ahead so far (it should hold about 70%): P85 is still \
                 optimistic."
            ),
        });
    }
    out.push_str(&match lang {
        Lang::Id => format!(
            " Tiap percobaan mengambil acak laju harian {window} hari kerja terakhir yang \
             berlaporan (Monte Carlo), dengan hari libur, musim dan stok blangko."
        ),
        Lang::En => format!(
            " Each trial draws daily rates at random from the last {window} working days with \
             reports (Monte Carlo), with holidays, seasons and the blank stock."
        ),
    });
    out
}

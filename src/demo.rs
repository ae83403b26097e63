//! The illustrative Sampang dataset: a deterministic reconstruction of the situation in the
//! Bhirawa report of 5 October 2016 (570.000 residents recorded, 86.000 cards printed, 771.000
//! wajib KTP, the central server down for over a month in all 14 kecamatan, blank cards scarce,
//! the September 2016 deadline moved to mid-2017). It is anchored on the article's figures; the
//! daily numbers are generated, not real.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, Weekday};

use crate::domain::calendar::{DEFAULT_HOLIDAYS_CSV, parse_holidays_csv};
use crate::domain::dataset::{Letterhead, Settings};
use crate::domain::rules::outliers;
use crate::domain::{
    Calendar, CountField, Counts, DailyReport, Dataset, Deadline, Office, OpeningBalance, Outage,
    OutageCause, PlannedDelivery, PrrCounts, PrrOpening, SeasonFactor, StockEvent, StockEventKind,
    Target, Unit, UnitKind,
};
use crate::rng::SplitMix64;

/// The 14 kecamatan of Kabupaten Sampang with their census populations (BPS 2010 and 2020).
pub const KECAMATAN_CSV: &str = include_str!("../assets/sampang-kecamatan.csv");

/// The date of the article, on which the totals below hold.
pub const ANCHOR_DATE: NaiveDate = date(2016, 10, 5);
pub const RECORDED_AT_ANCHOR: u64 = 570_000;
pub const PRINTED_AT_ANCHOR: u64 = 86_000;
pub const WAJIB_KTP: u64 = 771_000;

/// Opening balances are as of this date; daily reports follow it.
pub const OPENING_DATE: NaiveDate = date(2016, 1, 1);
pub const LAST_DATE: NaiveDate = date(2017, 6, 30);
/// The central server is unreachable from all 14 kecamatan from this day…
pub const OUTAGE_FIRST_DAY: NaiveDate = date(2016, 8, 29);
/// …through this day; it works again from the next working day.
pub const OUTAGE_LAST_DAY: NaiveDate = date(2016, 10, 14);

pub const DISTRICT_UNIT_NAME: &str = "Kantor Dispendukcapil";
const SEED: u64 = 0x0053_414D_5041_4E47; // "SAMPANG"

const fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(d) => d,
        None => panic!("invalid constant date"),
    }
}

const CENTRE: &str = "Ditjen Dukcapil Kemendagri";

/// Deliveries of blanks from the centre: scarce and irregular in 2016, larger in 2017.
const RECEIPTS: &[(NaiveDate, u64)] = &[
    (date(2016, 1, 20), 2_000),
    (date(2016, 2, 17), 2_000),
    (date(2016, 3, 14), 2_000),
    (date(2016, 4, 11), 4_000),
    (date(2016, 5, 9), 2_000),
    (date(2016, 5, 30), 2_000),
    (date(2016, 6, 20), 2_000),
    (date(2016, 7, 25), 2_000),
    (date(2016, 8, 15), 4_000),
    (date(2016, 9, 13), 2_000),
    (date(2016, 10, 24), 2_000),
    (date(2016, 11, 7), 4_000),
    (date(2016, 11, 28), 4_000),
    (date(2016, 12, 13), 6_000),
    (date(2017, 1, 9), 6_000),
    (date(2017, 1, 23), 8_000),
    (date(2017, 2, 6), 8_000),
    (date(2017, 2, 20), 8_000),
    (date(2017, 3, 6), 10_000),
    (date(2017, 3, 20), 8_000),
    (date(2017, 4, 3), 10_000),
    (date(2017, 4, 17), 8_000),
    (date(2017, 5, 2), 10_000),
    (date(2017, 5, 15), 8_000),
    (date(2017, 5, 29), 8_000),
    (date(2017, 6, 12), 10_000),
];

/// Deliveries the centre has announced for after the last day of data.
const PLANNED: &[(NaiveDate, NaiveDate, u64)] = &[
    (date(2017, 6, 15), date(2017, 7, 10), 10_000),
    (date(2017, 6, 15), date(2017, 7, 24), 10_000),
];

/// Ramadan: offices work shorter days and fewer residents come.
const RAMADAN: &[(NaiveDate, NaiveDate, &str)] = &[
    (date(2016, 6, 6), date(2016, 7, 5), "Ramadan 1437 H"),
    (date(2017, 5, 27), date(2017, 6, 24), "Ramadan 1438 H"),
];
const RAMADAN_FACTOR: f64 = 0.65;

/// Physical counts (stock opname) at the start of these days.
const COUNTS: &[NaiveDate] = &[
    date(2016, 4, 1),
    date(2016, 7, 1),
    date(2016, 10, 3),
    date(2017, 1, 3),
    date(2017, 4, 3),
];
/// The first count, which starts the stock card.
const FIRST_COUNT: (NaiveDate, u64) = (date(2016, 1, 4), 1_150);

/// Mobile recording days (jemput bola) at schools and pesantren: a designed outlier each.
const JEMPUT_BOLA: &[(&str, NaiveDate)] = &[
    ("Ketapang", date(2016, 3, 16)),
    ("Sokobanah", date(2016, 5, 11)),
    ("Robatal", date(2016, 8, 10)),
    ("Banyuates", date(2016, 11, 16)),
    ("Omben", date(2017, 2, 15)),
];

struct UnitPlan {
    unit: Unit,
    /// Share of the district's recording (and so of its sending).
    weight: f64,
    /// Share of the district's printing: units near the print stations are served first.
    print_weight: f64,
    wajib_ktp: Option<u64>,
}

/// Builds the illustrative dataset. The same data every run.
#[allow(clippy::expect_used)] // It reads constants of this build, which its tests read whole.
pub fn build() -> Dataset {
    let calendar = Calendar::new(
        // The shipped calendar is a constant of this build; its test proves it parses.
        parse_holidays_csv(DEFAULT_HOLIDAYS_CSV).expect("the shipped holiday list parses"),
    );
    let plans = unit_plans();
    let days = calendar.working_days(OPENING_DATE, LAST_DATE);
    let mut rng = SplitMix64::new(SEED);

    let recorded = simulate_recording(&plans, &days, &mut rng);
    let openings = opening_balances(&plans, &days, &recorded);
    let sent = simulate_sending(&plans, &days, &recorded, &openings, &mut rng);
    let (printed, stock_events) = simulate_printing(&plans, &days, &calendar, &mut rng);
    let openings = with_opening_printed(&plans, &days, openings, &printed);
    let (centre, prr_openings) =
        simulate_centre(&plans, &days, &recorded, &sent, &printed, &openings);

    let mut data = Dataset::empty(Office {
        name: "Dispendukcapil Kabupaten Sampang".to_string(),
        description: "DATA ILUSTRASI — rekonstruksi berdasarkan berita Bhirawa 5 Oktober 2016 \
                      (570.000 terekam, 86.000 tercetak, 771.000 wajib KTP); bukan data harian \
                      sebenarnya. ILLUSTRATIVE DATA — a reconstruction anchored on the \
                      article's figures, not real daily data."
            .to_string(),
    });
    data.calendar = calendar;
    // The office counts the centre's stage (PRR, DUP, Efac) every day.
    data.settings = Settings {
        counts_prr: true,
        letterhead: Letterhead {
            government: "Pemerintah Kabupaten Sampang".to_string(),
            address: "(alamat kantor — data ilustrasi)".to_string(),
            city: "Sampang".to_string(),
            head_title: "Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Sampang"
                .to_string(),
            head_name: "(nama kepala dinas)".to_string(),
            head_nip: String::new(),
        },
        ..Settings::default()
    };
    data.prr_openings = prr_openings.into_iter().map(|o| (o.unit_id, o)).collect();
    data.units = plans.iter().map(|p| p.unit.clone()).collect();
    data.targets = plans
        .iter()
        .filter_map(|p| {
            p.wajib_ktp.map(|wajib_ktp| Target {
                unit_id: p.unit.id,
                effective_from: OPENING_DATE,
                wajib_ktp,
            })
        })
        .collect();
    data.deadlines = vec![
        Deadline {
            decided_on: date(2015, 12, 14),
            deadline: date(2016, 9, 30),
            note: "Target nasional: seluruh wajib KTP memiliki e-KTP".to_string(),
        },
        Deadline {
            decided_on: date(2016, 9, 7),
            deadline: date(2017, 6, 30),
            note: "Diundur karena gangguan server pusat dan kekurangan blangko".to_string(),
        },
    ];
    data.openings = openings.into_iter().map(|o| (o.unit_id, o)).collect();
    data.stock_events = stock_events;
    data.outages = vec![Outage {
        id: None,
        first_day: OUTAGE_FIRST_DAY,
        last_day: Some(OUTAGE_LAST_DAY),
        units: plans
            .iter()
            .filter(|p| p.unit.kind == UnitKind::Kecamatan)
            .map(|p| p.unit.id)
            .collect(),
        cause: OutageCause::CentralServer,
        note: "server e-KTP pusat dalam perbaikan; data rekaman tidak dapat dikirim".to_string(),
    }];
    data.season_factors = RAMADAN
        .iter()
        .map(|(first_day, last_day, name)| SeasonFactor {
            id: None,
            first_day: *first_day,
            last_day: *last_day,
            factor: RAMADAN_FACTOR,
            name: name.to_string(),
        })
        .collect();
    data.planned_deliveries = PLANNED
        .iter()
        .map(|(planned_on, expected_on, quantity)| PlannedDelivery {
            id: None,
            planned_on: *planned_on,
            expected_on: *expected_on,
            quantity: *quantity,
            note: "surat pemberitahuan Ditjen Dukcapil".to_string(),
        })
        .collect();
    for (u, plan) in plans.iter().enumerate() {
        for (d, day) in days.iter().enumerate() {
            let counts = Counts {
                recorded: recorded[u][d],
                sent_to_central: sent[u][d],
                printed: printed[u][d],
                suket_issued: (recorded[u][d] as f64 * rng.uniform(0.25, 0.45)).round() as u64,
            };
            let server_down = is_outage(*day) && plan.unit.kind == UnitKind::Kecamatan;
            data.put_report(DailyReport {
                unit_id: plan.unit.id,
                date: *day,
                counts,
                server_ok: !server_down,
                note: day_note(&plan.unit, *day, recorded[u][d]),
                prr: Some(centre[u][d]),
            });
        }
    }
    explain_outliers(&mut data);
    data
}

fn is_outage(day: NaiveDate) -> bool {
    (OUTAGE_FIRST_DAY..=OUTAGE_LAST_DAY).contains(&day)
}

#[allow(clippy::expect_used)] // The shipped kecamatan list, a constant its tests read whole.
fn unit_plans() -> Vec<UnitPlan> {
    let mut reader = csv::Reader::from_reader(KECAMATAN_CSV.as_bytes());
    let rows: Vec<(String, f64)> = reader
        .records()
        .map(|row| {
            // The shipped CSV is a constant of this build; the demo test reads all of it.
            let row = row.expect("the shipped kecamatan list parses");
            let census = |i: usize| row[i].parse::<f64>().expect("census counts are numbers");
            // Population in 2016, interpolated between the two censuses.
            (
                row[0].to_string(),
                census(1) + 0.6 * (census(2) - census(1)),
            )
        })
        .collect();
    let wajib = split(WAJIB_KTP, &rows.iter().map(|(_, p)| *p).collect::<Vec<_>>());
    // Kecamatan differ in how well recording reaches their residents and in how close they are
    // to the print stations: coverage is not the same everywhere.
    let mut rng = SplitMix64::new(SEED ^ 0xC0FFEE);
    let reach: Vec<f64> = rows
        .iter()
        .map(|(_, p)| p * rng.uniform(0.8, 1.2))
        .collect();
    let priority: Vec<f64> = reach.iter().map(|r| r * rng.uniform(0.6, 1.4)).collect();
    let (reach_sum, priority_sum): (f64, f64) = (reach.iter().sum(), priority.iter().sum());
    let mut plans: Vec<UnitPlan> = rows
        .iter()
        .zip(wajib)
        .enumerate()
        .map(|(i, ((name, _), wajib_ktp))| UnitPlan {
            unit: Unit {
                id: i as i64 + 1,
                name: name.clone(),
                code: None,
                kind: UnitKind::Kecamatan,
                active: true,
            },
            weight: 0.92 * reach[i] / reach_sum,
            print_weight: 0.92 * priority[i] / priority_sum,
            wajib_ktp: Some(wajib_ktp),
        })
        .collect();
    // The district office enrols residents of every kecamatan; it has no residents of its own.
    plans.push(UnitPlan {
        unit: Unit {
            id: plans.len() as i64 + 1,
            name: DISTRICT_UNIT_NAME.to_string(),
            code: None,
            kind: UnitKind::District,
            active: true,
        },
        weight: 0.08,
        print_weight: 0.08,
        wajib_ktp: None,
    });
    plans
}

/// Splits `total` in proportion to `weights`, by largest remainder, so the parts add up exactly.
fn split(total: u64, weights: &[f64]) -> Vec<u64> {
    let sum: f64 = weights.iter().sum();
    if total == 0 || sum <= 0.0 {
        return vec![0; weights.len()];
    }
    let exact: Vec<f64> = weights.iter().map(|w| total as f64 * w / sum).collect();
    let mut parts: Vec<u64> = exact.iter().map(|x| x.floor() as u64).collect();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|&a, &b| {
        let frac = |i: usize| exact[i] - exact[i].floor();
        frac(b).total_cmp(&frac(a)).then(a.cmp(&b))
    });
    let short = total - parts.iter().sum::<u64>();
    for &i in order.iter().cycle().take(short as usize) {
        parts[i] += 1;
    }
    parts
}

/// Residents recorded per day across the district.
fn district_recording_rate(day: NaiveDate) -> f64 {
    let base = if day < date(2016, 8, 1) {
        560.0
    } else if day < date(2016, 10, 1) {
        // The push before the September deadline.
        640.0
    } else if day.year() == 2016 {
        420.0
    } else {
        330.0
    };
    let ramadan = RAMADAN
        .iter()
        .any(|(first, last, _)| (*first..=*last).contains(&day));
    if ramadan { base * RAMADAN_FACTOR } else { base }
}

fn jemput_bola(unit: &Unit, day: NaiveDate) -> bool {
    JEMPUT_BOLA
        .iter()
        .any(|(name, d)| *name == unit.name && *d == day)
}

/// recorded[unit][day]
fn simulate_recording(
    plans: &[UnitPlan],
    days: &[NaiveDate],
    rng: &mut SplitMix64,
) -> Vec<Vec<u64>> {
    plans
        .iter()
        .map(|plan| {
            days.iter()
                .map(|&day| {
                    let mut rate = district_recording_rate(day) * plan.weight;
                    if is_outage(day) && plan.unit.kind == UnitKind::Kecamatan {
                        // Without the server, recording stations stall and residents stay away.
                        rate *= 0.45;
                    }
                    if jemput_bola(&plan.unit, day) {
                        rate *= 4.0;
                    }
                    let noise = rng.uniform(0.75, 1.25);
                    // Now and then the operator is away and nobody is recorded.
                    if rng.next_f64() < 0.02 && !jemput_bola(&plan.unit, day) {
                        0
                    } else {
                        (rate * noise).round() as u64
                    }
                })
                .collect()
        })
        .collect()
}

/// Opening balances that make the totals on the anchor date match the article. Printed is
/// filled in later, once printing is simulated.
fn opening_balances(
    plans: &[UnitPlan],
    days: &[NaiveDate],
    recorded: &[Vec<u64>],
) -> Vec<OpeningBalance> {
    let through_anchor = days.partition_point(|d| *d <= ANCHOR_DATE);
    let generated: u64 = recorded
        .iter()
        .map(|r| r[..through_anchor].iter().sum::<u64>())
        .sum();
    let weights: Vec<f64> = plans.iter().map(|p| p.weight).collect();
    let opening_recorded = split(RECORDED_AT_ANCHOR - generated, &weights);
    let opening_suket = split(41_500, &weights);
    plans
        .iter()
        .zip(opening_recorded)
        .zip(opening_suket)
        .map(|((plan, recorded), suket_issued)| OpeningBalance {
            unit_id: plan.unit.id,
            as_of: OPENING_DATE,
            counts: Counts {
                recorded,
                // About two days of recording had not reached the centre yet.
                sent_to_central: recorded - (plan.weight * 1_100.0).round() as u64,
                printed: 0,
                suket_issued,
            },
        })
        .collect()
}

/// sent[unit][day]: what reached the centre, never more than the backlog; nothing from the
/// kecamatan during the outage, then a catch-up.
fn simulate_sending(
    plans: &[UnitPlan],
    days: &[NaiveDate],
    recorded: &[Vec<u64>],
    openings: &[OpeningBalance],
    rng: &mut SplitMix64,
) -> Vec<Vec<u64>> {
    plans
        .iter()
        .enumerate()
        .map(|(u, plan)| {
            let mut backlog = openings[u].counts.backlog_to_send();
            days.iter()
                .enumerate()
                .map(|(d, &day)| {
                    let waiting_before = backlog;
                    backlog += recorded[u][d];
                    if is_outage(day) && plan.unit.kind == UnitKind::Kecamatan {
                        return 0;
                    }
                    let wanted = recorded[u][d] as f64 * rng.uniform(0.85, 1.05)
                        + 0.25 * waiting_before as f64;
                    let sent = (wanted.round() as u64).min(backlog);
                    backlog -= sent;
                    sent
                })
                .collect()
        })
        .collect()
}

/// Cards printed per unit and day, limited by the blanks in stock, and the stock ledger.
fn simulate_printing(
    plans: &[UnitPlan],
    days: &[NaiveDate],
    calendar: &Calendar,
    rng: &mut SplitMix64,
) -> (Vec<Vec<u64>>, Vec<StockEvent>) {
    let weights: Vec<f64> = plans.iter().map(|p| p.print_weight).collect();
    let mut printed = vec![vec![0u64; days.len()]; plans.len()];
    let mut events = Vec::new();
    let mut stock: Option<u64> = None;
    let mut recent_prints: Vec<u64> = Vec::new();
    let event = |day: NaiveDate, kind, quantity, document: &str, counterparty: &str, note: &str| {
        StockEvent {
            id: None,
            date: day,
            kind,
            quantity,
            document: document.to_string(),
            counterparty: counterparty.to_string(),
            note: note.to_string(),
        }
    };
    let mut receipt_number = 0;
    for (d, &day) in days.iter().enumerate() {
        debug_assert!(calendar.is_working_day(day));
        if day == FIRST_COUNT.0 {
            stock = Some(FIRST_COUNT.1);
            events.push(event(
                day,
                StockEventKind::Count,
                FIRST_COUNT.1,
                "",
                "",
                "stok opname awal",
            ));
        } else if COUNTS.contains(&day)
            && let Some(s) = stock
        {
            let missing = rng.below(7) as u64;
            let counted = s.saturating_sub(missing);
            stock = Some(counted);
            let note = if missing > 0 {
                format!("stok opname; selisih {missing} lembar (rusak/hilang)")
            } else {
                "stok opname; sesuai kartu stok".to_string()
            };
            events.push(event(day, StockEventKind::Count, counted, "", "", &note));
        }
        let mut available = stock.unwrap_or(0);
        if let Some((_, quantity)) = RECEIPTS.iter().find(|(r, _)| *r == day) {
            receipt_number += 1;
            let bast = format!("{receipt_number:03}/BAST-BLK/DKC/{}", day.year());
            events.push(event(
                day,
                StockEventKind::Receipt,
                *quantity,
                &bast,
                CENTRE,
                "",
            ));
            available += quantity;
            stock = Some(available);
        }
        if stock.is_none() {
            continue;
        }
        // Lending and borrowing with the neighbours, always on a day when it can be covered.
        let neighbour =
            |kind, qty: u64, who: &str, note: &str| event(day, kind, qty, "", who, note);
        match (day.year(), day.month(), day.day()) {
            (2016, 4, 11) => {
                events.push(neighbour(
                    StockEventKind::Lent,
                    300,
                    "Kabupaten Pamekasan",
                    "pinjaman",
                ));
                available -= 300;
            }
            (2016, 5, 18) => {
                events.push(neighbour(
                    StockEventKind::ReturnedIn,
                    300,
                    "Kabupaten Pamekasan",
                    "pengembalian pinjaman",
                ));
                available += 300;
            }
            (2016, 9, 21) => {
                events.push(neighbour(
                    StockEventKind::Borrowed,
                    500,
                    "Kabupaten Sumenep",
                    "pinjam karena blangko habis",
                ));
                available += 500;
            }
            (2016, 11, 7) => {
                events.push(neighbour(
                    StockEventKind::ReturnedOut,
                    500,
                    "Kabupaten Sumenep",
                    "pengembalian pinjaman",
                ));
                available -= 500;
            }
            _ => {}
        }
        // Blanks spoiled in printing are booked every Friday.
        if day.weekday() == Weekday::Fri {
            let week: u64 = recent_prints.iter().rev().take(5).sum();
            let spoiled = ((week as f64) * 0.01).round() as u64;
            let spoiled = spoiled.min(available);
            if spoiled > 0 {
                events.push(event(
                    day,
                    StockEventKind::Spoiled,
                    spoiled,
                    "",
                    "",
                    "rusak saat cetak",
                ));
                available -= spoiled;
            }
        }
        // One print station in 2016, a second one from 2017.
        let capacity = if day.year() == 2016 { 600.0 } else { 1_100.0 };
        let today_total = ((capacity * rng.uniform(0.85, 1.1)).round() as u64).min(available);
        for (u, part) in split(today_total, &weights).into_iter().enumerate() {
            printed[u][d] = part;
        }
        recent_prints.push(today_total);
        stock = Some(available - today_total);
    }
    (printed, events)
}

/// Opening printed totals that make printed on the anchor date match the article.
fn with_opening_printed(
    plans: &[UnitPlan],
    days: &[NaiveDate],
    mut openings: Vec<OpeningBalance>,
    printed: &[Vec<u64>],
) -> Vec<OpeningBalance> {
    let through_anchor = days.partition_point(|d| *d <= ANCHOR_DATE);
    let generated: u64 = printed
        .iter()
        .map(|p| p[..through_anchor].iter().sum::<u64>())
        .sum();
    let weights: Vec<f64> = plans.iter().map(|p| p.print_weight).collect();
    for (opening, part) in openings
        .iter_mut()
        .zip(split(PRINTED_AT_ANCHOR - generated, &weights))
    {
        opening.counts.printed = part;
    }
    openings
}

/// What the centre's uniqueness check does with a day's sent records: DUP and Efac shares.
const DUP_SHARE: f64 = 0.004;
const EFAC_SHARE: f64 = 0.009;
/// Records waiting for PRR at the start, in working days of the district's recording.
const WAITING_FOR_PRR_AT_OPENING: f64 = 4.0;

/// The centre's stage, per unit and day: sent records wait for the centre's check (about a
/// week, from two days to a month) and become PRR, DUP or Efac; Efac records are taken again
/// over the following weeks. The centre checks nothing while its server is down. Printing
/// never outruns PRR: where a day's printing needs more PRR than the queue gave, the queue
/// gives it. With each unit's PRR opening (its totals at the close of the opening date).
fn simulate_centre(
    plans: &[UnitPlan],
    days: &[NaiveDate],
    recorded: &[Vec<u64>],
    sent: &[Vec<u64>],
    printed: &[Vec<u64>],
    openings: &[OpeningBalance],
) -> (Vec<Vec<PrrCounts>>, Vec<PrrOpening>) {
    // A generator of its own: the other figures stay what they were before there was a stage.
    let mut rng = SplitMix64::new(SEED ^ 0x0050_5252);
    let mut all = Vec::with_capacity(plans.len());
    let mut starts = Vec::with_capacity(plans.len());
    for (u, plan) in plans.iter().enumerate() {
        let opening = &openings[u].counts;
        let waiting0 = ((plan.weight * WAITING_FOR_PRR_AT_OPENING * 1_100.0).round() as u64)
            .min(opening.sent_to_central.saturating_sub(opening.printed));
        let checked0 = opening.sent_to_central - waiting0;
        let dup0 = (checked0 as f64 * DUP_SHARE).round() as u64;
        let efac0 = (checked0 as f64 * EFAC_SHARE).round() as u64;
        let start = PrrCounts {
            prr: checked0 - dup0 - efac0,
            dup: dup0,
            efac: efac0,
            efac_retaken: (efac0 as f64 * 0.7).round() as u64,
        };
        starts.push(PrrOpening {
            unit_id: plan.unit.id,
            as_of: OPENING_DATE,
            counts: start,
        });
        let mut waiting = waiting0;
        let mut to_retake = efac0 - start.efac_retaken;
        let (mut prr_total, mut printed_total) = (start.prr, opening.printed);
        let mut row = Vec::with_capacity(days.len());
        for (d, &day) in days.iter().enumerate() {
            waiting += sent[u][d];
            printed_total += printed[u][d];
            // About a seventh of the queue a day, more some days, less others.
            let rate = if is_outage(day) {
                0.0
            } else {
                rng.uniform(0.08, 0.24)
            };
            let checked = ((waiting as f64 * rate).round() as u64).min(waiting);
            // A unit's few rejections a day, rounded at random so that they add up as they
            // should over the weeks (rounded to the nearest, most days would have none).
            let mut share = |s: f64| {
                let expected = checked as f64 * s * rng.uniform(0.5, 1.5);
                let whole = expected.floor();
                (whole + f64::from(u8::from(rng.uniform(0.0, 1.0) < expected - whole))) as u64
            };
            let dup = share(DUP_SHARE).min(checked);
            let efac = share(EFAC_SHARE).min(checked - dup);
            let mut prr = checked - dup - efac;
            // Only print-ready records are printed.
            let needed = printed_total.saturating_sub(prr_total + prr);
            let extra = needed.min(waiting - checked);
            prr += extra;
            waiting -= checked + extra;
            prr_total += prr;
            to_retake += efac;
            let retaken = ((to_retake as f64 * rng.uniform(0.05, 0.15)).round() as u64)
                .min(recorded[u][d])
                .min(to_retake);
            to_retake -= retaken;
            row.push(PrrCounts {
                prr,
                dup,
                efac,
                efac_retaken: retaken,
            });
        }
        all.push(row);
    }
    (all, starts)
}

fn day_note(unit: &Unit, day: NaiveDate, recorded: u64) -> String {
    if jemput_bola(unit, day) {
        return "perekaman jemput bola di sekolah dan pondok pesantren".to_string();
    }
    if is_outage(day) && unit.kind == UnitKind::Kecamatan {
        return if day == OUTAGE_FIRST_DAY {
            "server pusat tidak dapat diakses sejak pagi".to_string()
        } else {
            "gangguan server pusat, data belum terkirim".to_string()
        };
    }
    if recorded == 0 {
        return "petugas perekaman cuti/dinas luar".to_string();
    }
    String::new()
}

/// Writes the note a clerk would have written next to each unusual value, as the outlier
/// rule asks. Outliers look only at earlier days, so notes never change what is flagged.
fn explain_outliers(data: &mut Dataset) {
    let mut notes: BTreeMap<(i64, NaiveDate), String> = BTreeMap::new();
    for (key, report) in &data.reports {
        if !report.note.is_empty() {
            continue;
        }
        if let Some(outlier) = outliers(data, report).first() {
            let note = match outlier.field {
                CountField::SentToCentral => "pengiriman susulan setelah server pusat pulih",
                CountField::Printed => "cetak dipercepat setelah blangko diterima",
                CountField::Recorded => "lonjakan perekaman (antrean panjang)",
                CountField::SuketIssued => "banyak permintaan suket",
            };
            notes.insert(*key, note.to_string());
        }
    }
    for (key, note) in notes {
        if let Some(report) = data.reports.get_mut(&key) {
            report.note = note;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_adds_up_exactly() {
        let parts = split(771_000, &[1.0, 2.0, 3.0, 0.5]);
        assert_eq!(parts.iter().sum::<u64>(), 771_000);
        assert_eq!(split(10, &[1.0, 1.0, 1.0]), vec![4, 3, 3]);
    }
}

//! What a head of office asks, answered from the demo and checked against figures worked out
//! by hand: the rate the deadline needs, the blanks to ask for, how long the stock lasts, and
//! the sentence each forecast leads with.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A test that cannot go on says so by panicking.

mod common;

use common::d;
use pantau::domain::PlannedDelivery;
use pantau::domain::summary::summarize;
use pantau::forecast::{ForecastParams, forecast};
use pantau::locale::{Lang, milestone_sentence};

fn params() -> ForecastParams {
    ForecastParams {
        window_days: 60,
        trials: 500,
    }
}

/// Cards printed by every unit from `from` to `to`, read from the reports themselves.
fn printed_between(data: &pantau::domain::Dataset, from: &str, to: &str) -> u64 {
    data.reports
        .values()
        .filter(|r| r.date >= d(from) && r.date <= d(to))
        .map(|r| r.counts.printed)
        .sum()
}

#[test]
fn on_the_articles_day_the_deadline_needs_1136_recordings_a_working_day_against_463() {
    let data = pantau::demo::build();
    let f = forecast(&data, d("2016-10-05"), &params());
    let pace = f.pace.as_ref().expect("a deadline and a target");
    assert_eq!(pace.deadline, d("2017-06-30"));
    // 6 Oct 2016 – 30 Jun 2017: 192 weekdays, less 15 holidays on weekdays (Maulid 12 Dec,
    // Natal 26 Dec, 2 Jan, Nyepi 28 Mar, 14 Apr, Isra Mikraj 24 Apr, 1 May, Waisak 11 May,
    // 25 May, 1 Jun, and Idul Fitri with its cuti bersama 26–30 Jun) = 177 working days.
    assert_eq!(pace.working_days_left, 177);
    assert_eq!(pace.recorded.remaining, 771_000 - 570_000);
    let required = pace.recorded.required_per_working_day.unwrap();
    assert!((required - 201_000.0 / 177.0).abs() < 1e-9, "{required}");
    assert_eq!(required.round(), 1_136.0);
    // The current rate is the forecast window's: 463 recorded a working day.
    assert_eq!(pace.recorded.current_per_working_day.round(), 463.0);
    assert_eq!(f.recording.required_per_working_day, Some(required));
    assert_eq!(f.recording.current_per_working_day.round(), 463.0);
    assert!(
        (pace.recorded.shortfall_per_working_day().unwrap()
            - (required - pace.recorded.current_per_working_day))
            .abs()
            < 1e-9
    );
    assert_eq!(pace.recorded.on_track(), Some(false));
    // Sent: 771.000 − 563.244; printed: 771.000 − 86.000.
    assert_eq!(pace.sent.remaining, 207_756);
    assert_eq!(pace.printed.remaining, 685_000);
    let printing = pace.printed.required_per_working_day.unwrap();
    assert_eq!(printing.round(), (685_000.0f64 / 177.0).round());
    assert_eq!(f.printing.required_per_working_day, Some(printing));
    // No blank in stock, none announced: every card still to print is a blank to ask for.
    let blanks = pace.blanks.unwrap();
    assert_eq!(
        (blanks.cards, blanks.stock, blanks.announced),
        (685_000, 0, 0)
    );
    assert_eq!(blanks.to_request, 685_000);
}

#[test]
fn announced_deliveries_by_the_deadline_lower_the_blanks_to_ask_for() {
    let mut data = pantau::demo::build();
    // Announced on 1 Jun 2017: 5.000 blanks on 20 Jun (before the deadline) and 7.000 on
    // 10 Jul (after it).
    for (expected, quantity) in [("2017-06-20", 5_000), ("2017-07-10", 7_000)] {
        data.planned_deliveries.push(PlannedDelivery {
            id: None,
            planned_on: d("2017-06-01"),
            expected_on: d(expected),
            quantity,
            note: String::new(),
        });
    }
    let f = forecast(&data, d("2017-06-02"), &params());
    let blanks = f.pace.unwrap().blanks.unwrap();
    let summary = summarize(&data, d("2017-06-02"));
    assert_eq!(blanks.stock as i64, summary.stock.on_hand.unwrap().max(0));
    assert_eq!(blanks.cards, 771_000 - summary.total.printed);
    assert_eq!(
        blanks.announced, 5_000,
        "only the delivery before the deadline"
    );
    assert_eq!(blanks.to_request, blanks.cards - blanks.stock - 5_000);
    // Once the deadline has passed, every announced delivery counts towards printing all.
    let f = forecast(&data, d("2017-07-03"), &params());
    let blanks = f.pace.unwrap().blanks.unwrap();
    // The 20 Jun delivery is no longer to come; the 10 Jul one is, with the demo's own two
    // deliveries of 10.000 announced on 15 Jun for 10 and 24 Jul.
    assert_eq!(blanks.announced, 7_000 + 20_000);
}

#[test]
fn after_the_deadline_nothing_is_needed_by_it_and_the_sentence_says_it_has_passed() {
    let data = pantau::demo::build();
    let f = forecast(&data, d("2017-09-01"), &params());
    let pace = f.pace.as_ref().unwrap();
    assert_eq!(
        pace.deadline,
        d("2017-06-30"),
        "still in force in September 2017"
    );
    assert_eq!(pace.working_days_left, 0);
    assert_eq!(pace.recorded.required_per_working_day, None);
    assert_eq!(pace.recorded.on_track(), None);
    let id = milestone_sentence(Lang::Id, &f, false);
    assert!(
        id.contains("bulan sesudah tenggat 30 Juni 2017, yang sudah lewat), paling lambat "),
        "{id}"
    );
    let en = milestone_sentence(Lang::En, &f, false);
    assert!(
        en.contains(
            "months after the deadline of 30 June 2017, which has passed), at the latest by "
        ),
        "{en}"
    );
}

#[test]
fn the_stock_lasts_its_balance_over_the_last_14_working_days_printing() {
    let data = pantau::demo::build();
    let summary = summarize(&data, d("2016-08-15"));
    let stock = &summary.stock;
    assert_eq!(stock.on_hand, Some(3_393));
    // 14 working days up to Mon 15 Aug 2016: 27 Jul – 15 Aug (no holiday in between).
    let printed = printed_between(&data, "2016-07-27", "2016-08-15");
    let lasts = stock.stock_lasts_working_days.unwrap();
    assert!(
        (lasts - 3_393.0 / (printed as f64 / 14.0)).abs() < 1e-9,
        "{lasts}"
    );
    assert_eq!(lasts.round(), 31.0);
    // The working days without blanks so far are another figure: counted, not left.
    assert_eq!(stock.stockout_days, 122);
    assert_eq!(stock.stockout_since, None, "blanks in stock");
    // On the article's day the stock has been out since 16 Sep 2016, as the forecast says.
    let summary = summarize(&data, d("2016-10-05"));
    assert_eq!(summary.stock.stockout_since, Some(d("2016-09-16")));
    let f = forecast(&data, d("2016-10-05"), &params());
    assert!(matches!(
        f.printing.limited_by,
        pantau::forecast::Constraint::Blanks {
            stockout: pantau::forecast::Stockout::Since(since),
            ..
        } if since == d("2016-09-16")
    ));
}

#[test]
fn each_forecast_leads_with_one_sentence_in_both_languages() {
    let data = pantau::demo::build();
    let f = forecast(&data, d("2016-10-05"), &params());
    let p50 = f.recording.p50.unwrap();
    let p85 = f.recording.p85.unwrap();
    let months_id = [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ];
    let months_en = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    use chrono::Datelike;
    let month = |names: &[&str; 12], date: chrono::NaiveDate| {
        format!("{} {}", names[date.month0() as usize], date.year())
    };
    let late = (p50.year() - 2017) * 12 + p50.month() as i32 - 6 - i32::from(p50.day() < 30);
    let id = milestone_sentence(Lang::Id, &f, false);
    assert_eq!(
        id,
        format!(
            "Perekaman selesai sekitar {} ({late} bulan sesudah tenggat), paling lambat {}; \
             untuk selesai 30 Juni 2017 perlu 1.136 perekaman per hari kerja, kini 463.",
            month(&months_id, p50),
            month(&months_id, p85)
        )
    );
    let en = milestone_sentence(Lang::En, &f, false);
    assert_eq!(
        en,
        format!(
            "Recording finishes around {} ({late} months after the deadline), at the latest by \
             {}; to finish by 30 June 2017 it needs 1,136 recordings a working day, now 463.",
            month(&months_en, p50),
            month(&months_en, p85)
        )
    );
    // Printing has no date on that day: the sentence says why, and still what it needs.
    let printing = milestone_sentence(Lang::Id, &f, true);
    assert!(
        printing.starts_with(
            "Pencetakan kartu untuk semua wajib KTP belum dapat diperkirakan: stok blangko 0"
        ),
        "{printing}"
    );
    assert!(
        printing.ends_with(
            "untuk selesai 30 Juni 2017 perlu 3.870 kartu dicetak per hari kerja, kini 141."
        ),
        "{printing}"
    );
}

#[test]
fn each_kecamatan_has_its_rates_and_need_and_the_slowest_against_its_need_comes_first() {
    use pantau::forecast::History;
    use pantau::forecast::behind::behind;
    let data = pantau::demo::build();
    let as_of = d("2016-10-05");
    let history = History::new(&data);
    let rows = behind(&data, &history, as_of, 60);
    assert_eq!(rows.len(), 15);
    let torjun = rows.iter().find(|r| r.name == "Torjun").unwrap();
    let id = torjun.id;
    let recorded = |from: &str, to: &str| -> u64 {
        data.reports_of(id)
            .filter(|r| r.date >= d(from) && r.date <= d(to))
            .map(|r| r.counts.recorded)
            .sum()
    };
    // This month: Mon 3 – Wed 5 Oct, three working days.
    let this = torjun.recorded_this_month_per_working_day.unwrap();
    assert!((this - recorded("2016-10-01", "2016-10-05") as f64 / 3.0).abs() < 1e-9);
    // Last month: September 2016 had 22 weekdays, less Idul Adha on Mon 12 Sep = 21.
    let last = torjun.recorded_last_month_per_working_day.unwrap();
    assert!((last - recorded("2016-09-01", "2016-09-30") as f64 / 21.0).abs() < 1e-9);
    // What the deadline needs of Torjun: its wajib KTP less its recorded, over 177 working days.
    let pace = torjun.recording.unwrap();
    assert_eq!(pace.remaining, 31_904 - 18_140);
    assert!((pace.required_per_working_day.unwrap() - 13_764.0 / 177.0).abs() < 1e-9);
    // The units' current rates add up to the district's: one window for all.
    let district = forecast(&data, as_of, &params()).pace.unwrap();
    let sum: f64 = rows
        .iter()
        .map(|r| {
            r.recording.map_or_else(
                // The district office has no target: its rate from its own reports.
                || 0.0,
                |p| p.current_per_working_day,
            )
        })
        .sum();
    let office = rows.last().unwrap();
    assert!(office.district_office, "the district office comes last");
    assert_eq!(office.recording, None, "no target of its own");
    assert_eq!(office.recorded, 46_384);
    let office_rate = {
        let inputs = history.inputs(as_of, 60);
        let first = inputs.window.first().unwrap().date;
        let start = data.calendar.working_days_before(first, 1)[0]
            .succ_opt()
            .unwrap();
        data.reports_of(office.id)
            .filter(|r| r.date >= start && r.date <= as_of)
            .map(|r| r.counts.recorded)
            .sum::<u64>() as f64
            / inputs.window.len() as f64
    };
    assert!(
        (sum + office_rate - district.recorded.current_per_working_day).abs() < 1e-6,
        "{sum} + {office_rate} against {}",
        district.recorded.current_per_working_day
    );
    // Sending and printing too: Torjun's sent 17.918 and printed 2.821 of 31.904.
    assert_eq!(torjun.sending.unwrap().remaining, 31_904 - 17_918);
    assert_eq!(torjun.printing.unwrap().remaining, 31_904 - 2_821);
    let printed: f64 = rows
        .iter()
        .filter_map(|r| r.printing)
        .map(|p| p.current_per_working_day)
        .sum();
    assert!(printed > 0.0 && printed <= district.printed.current_per_working_day + 1e-6);
    // Slowest against its need first.
    let shares: Vec<f64> = rows.iter().filter_map(|r| r.share_of_need()).collect();
    assert_eq!(shares.len(), 14);
    assert!(shares.windows(2).all(|w| w[0] <= w[1]), "{shares:?}");
    assert_eq!(rows[0].name, "Torjun");
}

//! Each domain rule, through the store as the CLI and the entry grid use it: the exact message
//! and that nothing was written.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A test that cannot go on says so by panicking.

mod common;

use common::{d, dump, report, small_office, today};
use pantau::domain::dataset::Settings;
use pantau::domain::{CountField, Counts, OpeningBalance, StockEvent, StockEventKind};
use pantau::store::{Saved, StoreError};

const TORJUN: i64 = 1;
const OMBEN: i64 = 2;

fn stock(date: &str, kind: StockEventKind, quantity: u64) -> StockEvent {
    StockEvent {
        id: None,
        date: d(date),
        kind,
        quantity,
        document: String::new(),
        counterparty: String::new(),
        note: String::new(),
    }
}

fn refused(result: Result<impl std::fmt::Debug, StoreError>) -> String {
    match result {
        Err(StoreError::Rule(violation)) => violation.to_string(),
        other => panic!("expected a rule violation, got {other:?}"),
    }
}

/// The refusal as the Indonesian screens say it.
fn refused_id(result: Result<impl std::fmt::Debug, StoreError>) -> String {
    match result {
        Err(StoreError::Rule(violation)) => {
            pantau::locale::violation(pantau::locale::Lang::Id, &violation)
        }
        other => panic!("expected a rule violation, got {other:?}"),
    }
}

#[test]
fn sent_cannot_exceed_recorded() {
    let (db, mut store) = small_office();
    let before = dump(&db.path);
    let message = refused(store.save_report(&report(TORJUN, "2016-10-05", 120, 130, 0), today()));
    assert_eq!(
        message,
        "Torjun 2016-10-05: cumulative sent 130 would exceed cumulative recorded 120"
    );
    assert_eq!(dump(&db.path), before, "nothing is written");
}

#[test]
fn printed_cannot_exceed_sent_cumulatively() {
    let (_db, mut store) = small_office();
    store
        .save_report(&report(TORJUN, "2016-10-04", 1_000, 800, 0), today())
        .unwrap();
    let message = refused(store.save_report(&report(TORJUN, "2016-10-05", 0, 100, 1_240), today()));
    assert_eq!(
        message,
        "Torjun 2016-10-05: cumulative printed 1,240 would exceed cumulative sent 900"
    );
}

#[test]
fn an_edit_of_an_earlier_day_is_checked_against_later_days() {
    let (db, mut store) = small_office();
    store
        .save_reports(
            &[
                report(TORJUN, "2016-10-03", 500, 0, 0),
                report(TORJUN, "2016-10-04", 0, 500, 0),
            ],
            today(),
        )
        .unwrap();
    let before = dump(&db.path);
    let message = refused(store.save_report(&report(TORJUN, "2016-10-03", 400, 0, 0), today()));
    assert_eq!(
        message,
        "Torjun 2016-10-03: this change makes cumulative sent 500 exceed cumulative recorded 400 \
         on 2016-10-04"
    );
    assert_eq!(dump(&db.path), before);
}

#[test]
fn opening_balances_count_towards_the_totals() {
    let (_db, mut store) = small_office();
    let opening = OpeningBalance {
        unit_id: TORJUN,
        as_of: d("2016-01-01"),
        counts: Counts {
            recorded: 20_000,
            sent_to_central: 19_000,
            printed: 3_000,
            suket_issued: 0,
        },
    };
    store.set_opening_balance(&opening, today()).unwrap();
    // 1.000 sent on top of the opening 19.000 is still within the 20.000 recorded.
    store
        .save_report(&report(TORJUN, "2016-01-04", 0, 1_000, 0), today())
        .unwrap();
    let message = refused(store.save_report(&report(TORJUN, "2016-01-05", 0, 1, 0), today()));
    assert_eq!(
        message,
        "Torjun 2016-01-05: cumulative sent 20,001 would exceed cumulative recorded 20,000"
    );
}

#[test]
fn reports_cannot_come_before_the_opening_balance() {
    let (_db, mut store) = small_office();
    let opening = OpeningBalance {
        unit_id: TORJUN,
        as_of: d("2016-07-01"),
        counts: Counts::default(),
    };
    store.set_opening_balance(&opening, today()).unwrap();
    // The opening totals are those at the close of 1 July: that day's report would count twice.
    for date in ["2016-06-30", "2016-07-01"] {
        let message = refused(store.save_report(&report(TORJUN, date, 5, 0, 0), today()));
        assert_eq!(
            message,
            format!(
                "Torjun {date}: the unit's opening totals are its totals at the close of \
                 2016-07-01; its daily reports start the day after"
            )
        );
    }
    store
        .save_report(&report(TORJUN, "2016-07-04", 5, 0, 0), today())
        .unwrap();
}

#[test]
fn dates_cannot_be_in_the_future() {
    let (_db, mut store) = small_office();
    let message = refused(store.save_report(&report(TORJUN, "2026-01-02", 5, 0, 0), today()));
    assert_eq!(
        message,
        "Torjun 2026-01-02: the date is in the future (today is 2026-01-01)"
    );
    let message = refused(store.add_stock_event(
        &stock("2026-02-01", StockEventKind::Receipt, 2_000),
        today(),
    ));
    assert_eq!(
        message,
        "2026-02-01: the date is in the future (today is 2026-01-01)"
    );
}

#[test]
fn printing_cannot_exceed_blanks_in_stock() {
    let (db, mut store) = small_office();
    store
        .save_reports(
            &[
                report(TORJUN, "2016-10-03", 5_000, 5_000, 0),
                report(OMBEN, "2016-10-03", 5_000, 5_000, 0),
            ],
            today(),
        )
        .unwrap();
    store
        .add_stock_event(&stock("2016-10-04", StockEventKind::Receipt, 500), today())
        .unwrap();
    store
        .save_report(&report(OMBEN, "2016-10-05", 0, 0, 190), today())
        .unwrap();
    let before = dump(&db.path);
    // Omben already printed 190 of the 500 that day: 310 are left for Torjun.
    let message = refused(store.save_report(&report(TORJUN, "2016-10-05", 0, 0, 1_240), today()));
    assert_eq!(
        message,
        "Torjun 2016-10-05: printed 1,240 would exceed blanks in stock (310)"
    );
    // In Indonesian, every word of it: no English "printed" inside.
    assert_eq!(
        refused_id(store.save_report(&report(TORJUN, "2016-10-05", 0, 0, 1_240), today())),
        "Torjun 2016-10-05: cetak 1.240 melebihi stok blangko (310)"
    );
    assert_eq!(dump(&db.path), before);
    let saved = store
        .save_report(&report(TORJUN, "2016-10-05", 0, 0, 310), today())
        .unwrap();
    assert_eq!(saved.saved, Saved::Inserted);
}

#[test]
fn printing_is_not_limited_while_the_stock_is_unknown() {
    let (_db, mut store) = small_office();
    store
        .save_report(&report(TORJUN, "2016-10-03", 900, 900, 800), today())
        .unwrap();
    let data = store.load().unwrap();
    assert_eq!(data.stock_card().balance_at_end_of(d("2016-10-03")), None);
}

#[test]
fn blanks_going_out_cannot_exceed_the_stock() {
    let (db, mut store) = small_office();
    store
        .add_stock_event(&stock("2016-10-03", StockEventKind::Receipt, 310), today())
        .unwrap();
    let before = dump(&db.path);
    let message =
        refused(store.add_stock_event(&stock("2016-10-05", StockEventKind::Lent, 500), today()));
    assert_eq!(
        message,
        "2016-10-05: lent 500 would exceed blanks in stock (310)"
    );
    assert_eq!(dump(&db.path), before);
}

#[test]
fn a_stock_event_that_starves_later_printing_is_refused() {
    let (_db, mut store) = small_office();
    store
        .save_report(&report(TORJUN, "2016-10-03", 900, 900, 0), today())
        .unwrap();
    store
        .add_stock_event(&stock("2016-10-03", StockEventKind::Receipt, 500), today())
        .unwrap();
    store
        .save_report(&report(TORJUN, "2016-10-06", 0, 0, 400), today())
        .unwrap();
    let message =
        refused(store.add_stock_event(&stock("2016-10-04", StockEventKind::Spoiled, 200), today()));
    assert_eq!(
        message,
        "2016-10-04: spoiled 200 would leave too few blanks on 2016-10-06: cards printed 400, \
         blanks in stock 300"
    );
    // Deleting a receipt would do the same, once a count keeps the stock known.
    store
        .add_stock_event(&stock("2016-10-03", StockEventKind::Count, 0), today())
        .unwrap();
    assert_eq!(
        refused_id(store.delete_stock_event(1)),
        "2016-10-03: menghapus penerimaan 500 membuat blangko kurang pada 2016-10-06: kartu dicetak \
         400, stok 0"
    );
    let message = refused(store.delete_stock_event(1));
    assert_eq!(
        message,
        "2016-10-03: deleting received 500 would leave too few blanks on 2016-10-06: cards \
         printed 400, blanks in stock 0"
    );
    assert!(store.delete_stock_event(2).unwrap(), "the count can go");
}

#[test]
fn a_count_replaces_the_balance() {
    let (_db, mut store) = small_office();
    store
        .add_stock_event(&stock("2016-10-03", StockEventKind::Receipt, 500), today())
        .unwrap();
    store
        .add_stock_event(&stock("2016-10-05", StockEventKind::Count, 480), today())
        .unwrap();
    let card = store.load().unwrap().stock_card();
    assert_eq!(card.balance_at_end_of(d("2016-10-04")), Some(500));
    assert_eq!(card.balance_at_end_of(d("2016-10-05")), Some(480));
}

#[test]
fn movements_other_than_a_count_need_a_quantity() {
    let (_db, mut store) = small_office();
    let message =
        refused(store.add_stock_event(&stock("2016-10-03", StockEventKind::Receipt, 0), today()));
    assert_eq!(
        message,
        "2016-10-03: quantity of a receipt must be more than 0"
    );
}

/// Twenty working days of 100 recorded, from 2016-09-05 to 2016-09-30.
fn steady_history(store: &mut pantau::store::Store) {
    let data = store.load().unwrap();
    let days = data.calendar.working_days(d("2016-09-05"), d("2016-09-30"));
    assert_eq!(days.len(), 19);
    let reports: Vec<_> = days
        .iter()
        .map(|day| report(TORJUN, &day.to_string(), 100, 100, 0))
        .collect();
    store.save_reports(&reports, today()).unwrap();
}

#[test]
fn an_outlier_needs_a_note() {
    let (db, mut store) = small_office();
    steady_history(&mut store);
    let before = dump(&db.path);
    let mut high = report(TORJUN, "2016-10-03", 450, 100, 0);
    let message = refused(store.save_report(&high, today()));
    assert_eq!(
        message,
        "Torjun 2016-10-03: recorded 450 is more than 3× the median of the last 20 working days \
         with recorded (100); save it with a note that explains it"
    );
    assert_eq!(dump(&db.path), before);
    high.note = "perekaman jemput bola di SMA 1 Torjun".to_string();
    let outcome = store.save_report(&high, today()).unwrap();
    assert_eq!(outcome.saved, Saved::Inserted);
    assert_eq!(outcome.outliers.len(), 1);
    assert_eq!(outcome.outliers[0].field, CountField::Recorded);
    // Three times the median is still an ordinary day.
    store
        .save_report(&report(TORJUN, "2016-10-04", 300, 300, 0), today())
        .unwrap();
}

#[test]
fn a_configured_maximum_also_asks_for_a_note() {
    let (_db, mut store) = small_office();
    let mut settings = Settings::default();
    settings.max_daily.insert(CountField::Printed, 700);
    store.save_settings(&settings).unwrap();
    let message = refused(store.save_report(&report(TORJUN, "2016-10-03", 900, 900, 701), today()));
    assert_eq!(
        message,
        "Torjun 2016-10-03: printed 701 is above the daily maximum set for printed (700); save it \
         with a note that explains it"
    );
}

#[test]
fn a_batch_is_written_whole_or_not_at_all() {
    let (db, mut store) = small_office();
    let before = dump(&db.path);
    let message = refused(store.save_reports(
        &[
            report(TORJUN, "2016-10-05", 100, 100, 0),
            report(OMBEN, "2016-10-05", 100, 101, 0),
        ],
        today(),
    ));
    assert_eq!(
        message,
        "Omben 2016-10-05: cumulative sent 101 would exceed cumulative recorded 100"
    );
    assert_eq!(
        dump(&db.path),
        before,
        "Torjun's valid row is not written either"
    );
}

#[test]
fn inactive_and_unknown_units_take_no_reports() {
    let (_db, mut store) = small_office();
    let message = refused(store.save_report(&report(99, "2016-10-05", 1, 0, 0), today()));
    assert_eq!(
        message,
        "unit '99' does not exist; known units: Omben, Torjun, Kantor Dispendukcapil"
    );
}

#[test]
fn unit_names_are_unique_ignoring_case_and_spacing() {
    let (_db, mut store) = small_office();
    let message = refused(store.add_unit(&pantau::domain::NewUnit {
        name: "  torjun ".to_string(),
        code: None,
        kind: pantau::domain::UnitKind::Kecamatan,
    }));
    assert_eq!(message, "unit name 'torjun' is already used");
}

#[test]
fn entering_the_same_report_again_updates_it() {
    let (_db, mut store) = small_office();
    let first = store
        .save_report(&report(TORJUN, "2016-10-05", 100, 90, 0), today())
        .unwrap();
    let again = store
        .save_report(&report(TORJUN, "2016-10-05", 100, 90, 0), today())
        .unwrap();
    let changed = store
        .save_report(&report(TORJUN, "2016-10-05", 110, 90, 0), today())
        .unwrap();
    assert_eq!(
        [first.saved, again.saved, changed.saved],
        [Saved::Inserted, Saved::Unchanged, Saved::Updated]
    );
    let data = store.load().unwrap();
    assert_eq!(data.reports.len(), 1);
    assert_eq!(data.totals(TORJUN, d("2016-10-05")).recorded, 110);
}

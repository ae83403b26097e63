//! The illustrative Sampang dataset tells the story of the Bhirawa report of 5 October 2016.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A test that cannot go on says so by panicking.

mod common;

use common::{d, today};
use pantau::demo;
use pantau::domain::rules::check_dataset;
use pantau::domain::summary::summarize;
use pantau::domain::{Dataset, UnitKind};

fn within(value: u64, expected: u64, tolerance: f64) -> bool {
    (value as f64 - expected as f64).abs() <= expected as f64 * tolerance
}

fn kecamatan(data: &Dataset) -> Vec<i64> {
    data.units
        .iter()
        .filter(|u| u.kind == UnitKind::Kecamatan)
        .map(|u| u.id)
        .collect()
}

#[test]
fn the_totals_on_5_october_2016_match_the_article() {
    let data = demo::build();
    let summary = summarize(&data, d("2016-10-05"));
    assert!(
        within(summary.total.recorded, 570_000, 0.005),
        "{}",
        summary.total.recorded
    );
    assert!(
        within(summary.total.printed, 86_000, 0.01),
        "{}",
        summary.total.printed
    );
    assert_eq!(summary.total.wajib_ktp, Some(771_000));
    let deadline = summary.deadline.expect("a deadline is in force");
    assert_eq!(deadline.deadline, d("2017-06-30"));
}

#[test]
fn fourteen_kecamatan_and_the_district_office_report_every_working_day() {
    let data = demo::build();
    assert_eq!(kecamatan(&data).len(), 14);
    assert_eq!(data.units.len(), 15);
    let days = data.calendar.working_days(d("2016-01-01"), d("2017-06-30"));
    for unit in &data.units {
        for day in &days {
            assert!(
                data.reports.contains_key(&(unit.id, *day)),
                "{} has no report on {day}",
                unit.name
            );
        }
        assert_eq!(data.openings[&unit.id].as_of, d("2016-01-01"));
    }
    assert_eq!(data.reports.len(), days.len() * 15);
    assert!(!data.calendar.is_working_day(d("2016-07-06")), "Idul Fitri");
}

#[test]
fn the_deadline_moves_from_september_2016_to_june_2017() {
    let data = demo::build();
    let before = data.deadline_in_force(d("2016-01-04")).unwrap();
    assert_eq!(before.deadline, d("2016-09-30"));
    assert!(before.decided_on < d("2016-01-01"));
    let revised = data.deadline_in_force(d("2016-09-07")).unwrap();
    assert_eq!(revised.deadline, d("2017-06-30"));
    assert_eq!(
        data.deadline_in_force(d("2016-09-06")).unwrap().deadline,
        d("2016-09-30")
    );
}

#[test]
fn the_server_is_down_for_over_a_month_in_all_14_kecamatan() {
    let data = demo::build();
    let outage = data.calendar.working_days(d("2016-08-29"), d("2016-10-14"));
    assert!(outage.len() >= 22, "over a month of working days");
    for unit in kecamatan(&data) {
        for day in &outage {
            let report = &data.reports[&(unit, *day)];
            assert!(!report.server_ok, "{day}");
            assert_eq!(report.counts.sent_to_central, 0, "nothing is sent on {day}");
            assert!(!report.note.is_empty(), "the clerk notes the outage");
        }
        let before = &data.reports[&(unit, d("2016-08-26"))];
        assert!(before.server_ok);
    }
    let backlog = |day: &str| summarize(&data, d(day)).total.backlog_to_send;
    assert!(
        backlog("2016-10-14") > 3 * backlog("2016-08-26"),
        "the backlog builds"
    );
    assert!(
        backlog("2016-11-15") < backlog("2016-10-14") / 3,
        "then the catch-up"
    );
    // The first day back is far above normal in most kecamatan, and the clerk says why.
    let explained = kecamatan(&data)
        .into_iter()
        .filter(|unit| {
            let first_day_back = &data.reports[&(*unit, d("2016-10-17"))];
            first_day_back.server_ok && first_day_back.note.contains("susulan")
        })
        .count();
    assert!(explained >= 10, "{explained} of 14");
}

#[test]
fn blank_cards_are_scarce_and_cap_printing() {
    let data = demo::build();
    let card = data.stock_card();
    assert_eq!(card.known_since(), Some(d("2016-01-04")));
    assert_eq!(card.balance_at_end_of(d("2015-12-31")), None);
    let stockouts = card.stockout_days(&data.calendar, d("2016-10-05"));
    assert!(stockouts.len() > 60, "{} stockout days", stockouts.len());
    // Printing never exceeds what was there.
    assert_eq!(card.first_shortfall(d("2016-01-01")), None);
    let summary = summarize(&data, d("2016-10-05"));
    assert!(summary.stock.on_hand.is_some());
    assert!(
        summary.total.backlog_to_print > 400_000,
        "records wait for blanks"
    );
}

#[test]
fn the_dataset_obeys_every_rule() {
    let data = demo::build();
    let problems = check_dataset(&data, today());
    assert!(
        problems.is_empty(),
        "{:?}",
        &problems[..problems.len().min(5)]
    );
}

#[test]
fn the_same_data_every_run() {
    let (a, b) = (demo::build(), demo::build());
    assert_eq!(a.reports, b.reports);
    assert_eq!(a.stock_events, b.stock_events);
    assert_eq!(a.openings, b.openings);
    assert_eq!(a.targets, b.targets);
}

#[test]
fn it_says_it_is_illustrative() {
    let data = demo::build();
    assert!(data.office.description.contains("ILUSTRASI"));
    assert!(data.office.description.contains("ILLUSTRATIVE"));
}

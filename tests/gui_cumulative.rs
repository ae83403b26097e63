//! Cumulative entry, as clerks read SIAK's monitoring page: each unit's totals to date typed
//! in one frame, the day's counts stored (the totals less those up to the day before) and shown
//! beside the totals; a total lower than the day before's refused with both figures; the
//! stored day shown again as totals.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod gui_support;

use common::{d, dump};
use egui::Key;
use egui_kittest::kittest::Queryable;
use gui_support::*;

const TODAY: &str = "2016-10-05";

/// A row of four totals typed with Tab between them and Enter after the last.
fn totals_typed(values: [u64; 4]) -> Vec<egui::Event> {
    let mut events = Vec::new();
    for (i, value) in values.iter().enumerate() {
        events.extend(typed(&value.to_string()));
        events.extend(if i < 3 { tab() } else { enter() });
    }
    events
}

#[test]
fn totals_to_date_typed_in_one_frame_store_the_days_counts() {
    let (db, mut store) = common::small_office();
    let data = store.load().unwrap();
    let unit = |name: &str| data.find_unit(name).unwrap().id;
    let (omben, torjun) = (unit("Omben"), unit("Torjun"));
    // The day before: Omben 1.000 / 900 / 400 / 50, Torjun 2.000 / 1.800 / 700 / 90.
    for (id, counts) in [
        (omben, [1_000, 900, 400, 50]),
        (torjun, [2_000, 1_800, 700, 90]),
    ] {
        store
            .save_report(
                &pantau::domain::DailyReport {
                    unit_id: id,
                    date: d("2016-10-04"),
                    counts: pantau::domain::Counts {
                        recorded: counts[0],
                        sent_to_central: counts[1],
                        printed: counts[2],
                        suket_issued: counts[3],
                    },
                    server_ok: true,
                    note: String::new(),
                    prr: None,
                },
                d(TODAY),
            )
            .unwrap();
    }
    let mut settings = data.settings.clone();
    settings.cumulative_entry = true;
    store.save_settings(&settings).unwrap();
    drop(store);

    let mut harness = harness(app_on(&db, TODAY));
    send_in_one_frame(&mut harness, ctrl(Key::Num2));
    harness.run_steps(2);
    harness.get_by_label_contains("Ketik total s.d. hari ini (seperti SIAK)");
    assert_eq!(
        harness.get_by_label("Omben Rekam").value().as_deref(),
        Some(""),
        "nothing stored for the day yet"
    );
    // Omben's totals to date, and Torjun's with Rekam lower than the day before's.
    harness.get_by_label("Omben Rekam").click();
    harness.run_steps(2);
    let mut events = Vec::new();
    events.extend(totals_typed([1_120, 1_000, 430, 60]));
    events.extend(totals_typed([1_990, 1_850, 760, 95]));
    events.extend(ctrl(Key::S));
    send_in_one_frame(&mut harness, events);
    harness.run_steps(3);

    let data = harness.state().store().unwrap().load().unwrap();
    let saved = data
        .reports
        .get(&(omben, d(TODAY)))
        .expect("Omben's day is saved");
    assert_eq!(
        [
            saved.counts.recorded,
            saved.counts.sent_to_central,
            saved.counts.printed,
            saved.counts.suket_issued
        ],
        [120, 100, 30, 10],
        "the day's counts are the totals less the day before's"
    );
    assert!(!data.reports.contains_key(&(torjun, d(TODAY))));
    harness.get_by_label_contains(
        "Torjun 2016-10-05: Rekam s.d. hari ini 1.990 lebih kecil dari total s.d. kemarin 2.000",
    );
    // The saved row shows its totals, and beside them the day's counts.
    assert_eq!(
        harness.get_by_label("Omben Rekam").value().as_deref(),
        Some("1.120")
    );
    harness.get_by_label_contains("hari ini +120 / +100 / +30 / +10");

    // Corrected: Torjun's Rekam total 2.050. Saved as +50.
    let before = dump(&db.path);
    harness.get_by_label("Torjun Rekam").click();
    harness.run_steps(2);
    let mut events = ctrl(Key::A);
    events.extend(typed("2050"));
    events.extend(ctrl(Key::S));
    send_in_one_frame(&mut harness, events);
    harness.run_steps(3);
    assert_ne!(dump(&db.path), before);
    let data = harness.state().store().unwrap().load().unwrap();
    let torjun_day = data.reports.get(&(torjun, d(TODAY))).unwrap();
    assert_eq!(
        [
            torjun_day.counts.recorded,
            torjun_day.counts.sent_to_central,
            torjun_day.counts.printed,
            torjun_day.counts.suket_issued
        ],
        [50, 50, 60, 5]
    );
}

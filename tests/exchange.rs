//! Kecamatan PCs and the district exchanging bundles as files, delivered the way files travel:
//! late, twice, out of order, or never (and then sent again).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use pantau::domain::{
    Counts, DailyReport, Holiday, HolidayKind, NewOffice, NewUnit, Office, UnitKind, UnitSetup,
};
use pantau::exchange::{self, Receipt, Sent};
use pantau::rng::SplitMix64;
use pantau::store::Store;
use pantau::store::exchange::{ConflictStatus, Keep};

const OFFICE: &str = "Dispendukcapil Kabupaten Sampang";
const UNITS: [&str; 14] = [
    "Banyuates",
    "Camplong",
    "Jrengik",
    "Karang Penang",
    "Kedungdung",
    "Ketapang",
    "Omben",
    "Pangarengan",
    "Robatal",
    "Sampang",
    "Sokobanah",
    "Sreseh",
    "Tambelangan",
    "Torjun",
];

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// "Today" for the rules: after every simulated day.
fn today() -> NaiveDate {
    day(2016, 12, 30)
}

fn district(dir: &Path, units: &[&str]) -> PathBuf {
    let path = dir.join("sampang.pantau");
    let mut store = Store::create(&path).unwrap();
    store
        .set_up(
            &NewOffice {
                office: Office {
                    name: OFFICE.into(),
                    description: String::new(),
                },
                units: units
                    .iter()
                    .map(|name| UnitSetup {
                        unit: NewUnit {
                            name: name.to_string(),
                            code: None,
                            kind: UnitKind::Kecamatan,
                        },
                        wajib_ktp: Some(40_000),
                        opening: Some((
                            day(2016, 8, 31),
                            Counts {
                                recorded: 20_000,
                                sent_to_central: 19_000,
                                printed: 15_000,
                                suket_issued: 2_000,
                            },
                        )),
                    })
                    .collect(),
                holidays: vec![Holiday {
                    date: day(2016, 9, 12),
                    kind: HolidayKind::Libur,
                    name: "Idul Adha".into(),
                }],
                deadlines: Vec::new(),
            },
            today(),
        )
        .unwrap();
    path
}

fn unit_id(store: &Store, name: &str) -> i64 {
    store.load().unwrap().find_unit(name).unwrap().id
}

fn report(unit_id: i64, date: NaiveDate, recorded: u64, note: &str) -> DailyReport {
    DailyReport {
        unit_id,
        date,
        counts: Counts {
            recorded,
            sent_to_central: recorded - 5,
            printed: 20,
            suket_issued: 3,
        },
        server_ok: true,
        note: note.into(),
        prr: None,
    }
}

/// A report's values without the database's unit id.
fn values(r: &DailyReport) -> (NaiveDate, Counts, bool, String) {
    (r.date, r.counts, r.server_ok, r.note.clone())
}

fn reports_of(store: &Store, unit: &str) -> BTreeMap<NaiveDate, DailyReport> {
    let data = store.load().unwrap();
    let id = data.find_unit(unit).unwrap().id;
    data.reports_of(id).map(|r| (r.date, r.clone())).collect()
}

fn working_days(from: NaiveDate, count: usize) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let mut d = from;
    while out.len() < count {
        if d.weekday().number_from_monday() <= 5 && d != day(2016, 9, 12) {
            out.push(d);
        }
        d = d.succ_opt().unwrap();
    }
    out
}

/// Files on their way: each arrives on its day (or never).
struct Post {
    in_transit: Vec<(usize, PathBuf)>,
    rng: SplitMix64,
}

impl Post {
    /// Posts a file: usually the same or the next day, sometimes days late, sometimes twice,
    /// sometimes lost.
    fn post(&mut self, today: usize, file: PathBuf) {
        let roll = self.rng.below(100);
        if roll < 8 {
            return; // lost
        }
        let delay = match roll {
            8..=60 => 0,
            61..=85 => 1,
            _ => 2 + self.rng.below(4),
        };
        self.in_transit.push((today + delay, file.clone()));
        if self.rng.below(100) < 10 {
            self.in_transit
                .push((today + delay + self.rng.below(3), file));
        }
    }

    /// What arrives by `today`, in a random order.
    fn arrivals(&mut self, today: usize) -> Vec<PathBuf> {
        let (mut due, rest): (Vec<_>, Vec<_>) =
            self.in_transit.drain(..).partition(|(d, _)| *d <= today);
        self.in_transit = rest;
        let mut out = Vec::new();
        while !due.is_empty() {
            let i = self.rng.below(due.len());
            out.push(due.swap_remove(i).1);
        }
        out
    }
}

/// Copies a sent file into its own place, as a file on a USB stick or in a chat is its own
/// copy: a later bundle of the same name never overwrites one still on its way.
fn keep_copy(outbox: &Path, path: &Path, n: &mut usize) -> PathBuf {
    *n += 1;
    let dir = outbox.join(format!("{n}"));
    std::fs::create_dir_all(&dir).unwrap();
    let copy = dir.join(path.file_name().unwrap());
    std::fs::copy(path, &copy).unwrap();
    copy
}

/// How the receipts went: applied, again (a second copy), held (came early), applied after
/// the one before it came, conflicts queued.
#[derive(Debug, Default)]
struct Tally {
    applied: usize,
    again: usize,
    held: usize,
    applied_later: usize,
    conflicts: usize,
}

fn receive_all(store: &mut Store, files: &[PathBuf], tally: &mut Tally) {
    let mut receiver = exchange::Receiver::new(store, today());
    for file in files {
        match receiver.receive(file) {
            Ok(Receipt::Applied {
                applied,
                then,
                stuck,
                ..
            }) => {
                assert!(stuck.is_none(), "{stuck:?}");
                tally.applied += 1;
                tally.applied_later += then.len();
                tally.conflicts +=
                    applied.conflicts + then.iter().map(|(_, a)| a.conflicts).sum::<usize>();
            }
            Ok(Receipt::Again { .. }) => tally.again += 1,
            Ok(Receipt::Held { .. }) => tally.held += 1,
            Err(error) => panic!("{}: {error}", file.display()),
        }
    }
}

#[test]
fn fourteen_kecamatan_and_the_district_end_equal_but_for_the_queued_conflicts() {
    let dir = tempfile::tempdir().unwrap();
    let district_path = district(dir.path(), &UNITS);
    let mut district = Store::open(&district_path).unwrap();
    let mut kec: Vec<Store> = UNITS
        .iter()
        .map(|name| {
            let path = dir.path().join(format!("{name}.pantau"));
            exchange::set_up(&mut district, name, &path, today()).unwrap();
            Store::open(&path).unwrap()
        })
        .collect();
    let outbox = dir.path().join("outbox");
    std::fs::create_dir_all(&outbox).unwrap();
    let mut copies = 0;
    let mut up = Post {
        in_transit: Vec::new(),
        rng: SplitMix64::new(7),
    };
    let mut down: Vec<Post> = (0..UNITS.len())
        .map(|k| Post {
            in_transit: Vec::new(),
            rng: SplitMix64::new(100 + k as u64),
        })
        .collect();
    let mut at_district = Tally::default();
    let mut at_kecamatan = Tally::default();
    let mut rng = SplitMix64::new(42);
    let days = working_days(day(2016, 9, 1), 30);
    let mut kec_edited: BTreeSet<(usize, NaiveDate)> = BTreeSet::new();
    let mut district_edited: BTreeSet<(usize, NaiveDate)> = BTreeSet::new();
    let mut resolved = 0;
    for (n, &date) in days.iter().enumerate() {
        for (k, store) in kec.iter_mut().enumerate() {
            let id = unit_id(store, UNITS[k]);
            let recorded = 60 + rng.below(40) as u64;
            store
                .save_report(&report(id, date, recorded, &format!("hari {n}")), today())
                .unwrap();
            // Now and then a correction of an earlier day.
            if n > 2 && rng.below(100) < 30 {
                let earlier = days[rng.below(n)];
                let mut old = reports_of(store, UNITS[k])[&earlier].clone();
                old.counts.recorded += 1 + rng.below(4) as u64;
                old.counts.sent_to_central += 1;
                old.note = format!("dikoreksi kecamatan hari {n}");
                store.save_report(&old, today()).unwrap();
                kec_edited.insert((k, earlier));
            }
            if let Sent::Written { path, .. } = exchange::send(store, None, &outbox).unwrap() {
                let copy = keep_copy(&outbox, &path, &mut copies);
                up.post(n, copy);
            }
        }
        // The district receives what arrived today.
        receive_all(&mut district, &up.arrivals(n), &mut at_district);
        // The district corrects a few reports it holds.
        for _ in 0..2 {
            let k = rng.below(UNITS.len());
            let held = reports_of(&district, UNITS[k]);
            if held.is_empty() {
                continue;
            }
            let dates: Vec<_> = held.keys().copied().collect();
            let date = dates[rng.below(dates.len())];
            let mut r = held[&date].clone();
            r.counts.recorded += 1;
            r.counts.sent_to_central += 1;
            r.note = format!("dikoreksi kabupaten hari {n}");
            district.save_report(&r, today()).unwrap();
            district_edited.insert((k, date));
        }
        // Now and then the head of office decides a conflict.
        if let Some(conflict) = district.conflicts(true).unwrap().first().cloned()
            && rng.below(100) < 40
        {
            let keep = if rng.below(2) == 0 {
                Keep::Sent
            } else {
                Keep::Ours
            };
            district
                .resolve_conflict(conflict.id, keep, today())
                .unwrap();
            resolved += 1;
        }
        // And sends each kecamatan what it should know.
        for (k, name) in UNITS.iter().enumerate() {
            if let Sent::Written { path, .. } =
                exchange::send(&mut district, Some(name), &outbox).unwrap()
            {
                let copy = keep_copy(&outbox, &path, &mut copies);
                down[k].post(n, copy);
            }
        }
        for (k, store) in kec.iter_mut().enumerate() {
            receive_all(store, &down[k].arrivals(n), &mut at_kecamatan);
        }
    }
    // Everything still on its way arrives, and what was lost is sent again, until every PC
    // has confirmed every bundle.
    let last = days.len() + 100;
    for round in 0..4 {
        for store in kec.iter_mut() {
            if let Sent::Written { path, .. } = exchange::send(store, None, &outbox).unwrap() {
                let copy = keep_copy(&outbox, &path, &mut copies);
                up.in_transit.push((0, copy));
            }
            for path in
                exchange::resend(store, None, &outbox.join(format!("r{round}")).tap_dir()).unwrap()
            {
                up.in_transit.push((0, path));
            }
        }
        receive_all(&mut district, &up.arrivals(last), &mut at_district);
        for (k, name) in UNITS.iter().enumerate() {
            if let Sent::Written { path, .. } =
                exchange::send(&mut district, Some(name), &outbox).unwrap()
            {
                let copy = keep_copy(&outbox, &path, &mut copies);
                down[k].in_transit.push((0, copy));
            }
            for path in exchange::resend(
                &district,
                Some(name),
                &outbox.join(format!("d{round}-{name}")).tap_dir(),
            )
            .unwrap()
            {
                down[k].in_transit.push((0, path));
            }
        }
        for (k, store) in kec.iter_mut().enumerate() {
            receive_all(store, &down[k].arrivals(last), &mut at_kecamatan);
        }
    }
    eprintln!("district {at_district:?}\nkecamatan {at_kecamatan:?}\nresolved {resolved}");
    // The deliveries were as bad as promised: copies came twice, early, and lost ones again.
    for (end, tally) in [("district", &at_district), ("kecamatan", &at_kecamatan)] {
        assert!(
            tally.again > 0 && tally.held > 0 && tally.applied_later > 0,
            "{end}: {tally:?}"
        );
    }
    assert!(at_district.conflicts > 0, "{at_district:?}");

    // Nothing is held anywhere, and every bundle is confirmed.
    for status in exchange::status(&district, today()).unwrap() {
        assert!(
            status.held.is_empty(),
            "{}: held {:?}",
            status.unit,
            status.held
        );
    }
    for (k, store) in kec.iter().enumerate() {
        for status in exchange::status(store, today()).unwrap() {
            assert!(
                status.held.is_empty(),
                "{}: held {:?}",
                UNITS[k],
                status.held
            );
            let unconfirmed: Vec<_> = status
                .sent
                .iter()
                .filter(|s| s.confirmed_at.is_none())
                .map(|s| s.sequence)
                .collect();
            assert!(
                unconfirmed.is_empty(),
                "{}: unconfirmed {unconfirmed:?}",
                UNITS[k]
            );
        }
    }

    // The district holds what every kecamatan holds, except where a conflict waits for a
    // person: there the queue holds exactly the kecamatan's report.
    let open = district.conflicts(true).unwrap();
    let mut differing = 0;
    for (k, store) in kec.iter().enumerate() {
        let theirs = reports_of(store, UNITS[k]);
        let ours = reports_of(&district, UNITS[k]);
        let id = unit_id(&district, UNITS[k]);
        let dates: BTreeSet<_> = theirs.keys().chain(ours.keys()).copied().collect();
        assert_eq!(theirs.len(), 30, "{}", UNITS[k]);
        for date in dates {
            let t = theirs.get(&date).map(values);
            let o = ours.get(&date).map(values);
            let queued = open
                .iter()
                .filter(|c| c.unit_id == id && c.date == date)
                .collect::<Vec<_>>();
            if t == o {
                assert!(queued.is_empty(), "{} {date}: equal yet queued", UNITS[k]);
                continue;
            }
            differing += 1;
            assert_eq!(
                queued.len(),
                1,
                "{} {date}: differs and not queued once",
                UNITS[k]
            );
            assert_eq!(
                queued[0].sent.as_ref().map(values),
                t,
                "{} {date}",
                UNITS[k]
            );
            assert!(
                kec_edited.contains(&(k, date)) && district_edited.contains(&(k, date)),
                "{} {date}: a conflict without edits at both ends",
                UNITS[k]
            );
        }
    }
    assert_eq!(
        differing,
        open.len(),
        "every open conflict is a differing report"
    );
    assert!(
        !open.is_empty() || resolved > 0,
        "the simulation made no conflict"
    );
    let closed = district.conflicts(false).unwrap();
    assert!(
        closed.iter().any(|c| matches!(
            c.status,
            ConflictStatus::KeptSent | ConflictStatus::KeptOurs
        )),
        "no conflict was resolved"
    );

    // Every applied bundle is named once in the audit trail: file, unit, sequence, hash.
    let audit = district.audit_log(None).unwrap();
    let mut bundles = 0;
    for status in exchange::status(&district, today()).unwrap() {
        for received in district.received_bundles(status.peer.id).unwrap() {
            bundles += 1;
            let entries: Vec<_> = audit
                .iter()
                .filter(|e| e.table == "exchange_received")
                .filter_map(|e| e.new_values.as_deref())
                .filter_map(|v| serde_json::from_str::<serde_json::Value>(v).ok())
                .filter(|v| {
                    v["status"] == "applied"
                        && v["hash"] == received.hash.as_str()
                        && v["sequence"] == received.sequence
                        && v["unit"] == status.unit.as_str()
                        && v["file"] == received.file_name.as_str()
                })
                .collect();
            assert_eq!(
                entries.len(),
                1,
                "{} bundle {}",
                status.unit,
                received.sequence
            );
        }
    }
    assert!(bundles >= 14 * 25, "{bundles} bundles applied");
}

trait TapDir {
    fn tap_dir(self) -> Self;
}

impl TapDir for PathBuf {
    /// Creates the folder and hands it on.
    fn tap_dir(self) -> Self {
        std::fs::create_dir_all(&self).unwrap();
        self
    }
}

#[test]
fn a_kecamatan_outage_reaches_the_district_and_follows_its_changes() {
    use pantau::domain::{Outage, OutageCause};
    let dir = tempfile::tempdir().unwrap();
    let district_path = district(dir.path(), &["Torjun", "Omben"]);
    let mut district = Store::open(&district_path).unwrap();
    // The district's own record of the central server's outage, for every unit.
    district
        .save_outage(
            &Outage {
                id: None,
                first_day: day(2016, 9, 20),
                last_day: Some(day(2016, 10, 28)),
                units: Vec::new(),
                cause: OutageCause::CentralServer,
                note: "server pusat".into(),
            },
            today(),
        )
        .unwrap();
    let torjun_path = dir.path().join("torjun.pantau");
    exchange::set_up(&mut district, "Torjun", &torjun_path, today()).unwrap();
    let mut torjun = Store::open(&torjun_path).unwrap();
    let outbox = dir.path().join("usb");
    std::fs::create_dir_all(&outbox).unwrap();
    // The outage copied at setup is not sent back.
    assert!(matches!(
        exchange::send(&mut torjun, None, &outbox).unwrap(),
        Sent::Nothing { .. }
    ));

    let power = Outage {
        id: None,
        first_day: day(2016, 10, 3),
        last_day: None,
        units: Vec::new(),
        cause: OutageCause::Power,
        note: "listrik padam".into(),
    };
    let id = torjun.save_outage(&power, today()).unwrap();
    let send = |torjun: &mut Store, district: &mut Store| {
        let Sent::Written { path, outages, .. } = exchange::send(torjun, None, &outbox).unwrap()
        else {
            panic!("nothing sent");
        };
        assert_eq!(outages, 1);
        exchange::receive(district, &path, today()).unwrap()
    };
    send(&mut torjun, &mut district);
    let torjun_id = unit_id(&district, "Torjun");
    let outages = |district: &Store| district.load().unwrap().outages;
    let theirs: Vec<_> = outages(&district)
        .into_iter()
        .filter(|o| o.cause == OutageCause::Power)
        .collect();
    assert_eq!(theirs.len(), 1);
    assert_eq!(theirs[0].units, vec![torjun_id]);
    assert_eq!(theirs[0].last_day, None);
    assert_eq!(theirs[0].note, "listrik padam");

    // Closed at the kecamatan: closed at the district.
    torjun
        .save_outage(
            &Outage {
                id: Some(id),
                last_day: Some(day(2016, 10, 4)),
                ..power.clone()
            },
            today(),
        )
        .unwrap();
    send(&mut torjun, &mut district);
    let power_at_district = outages(&district)
        .into_iter()
        .find(|o| o.cause == OutageCause::Power)
        .unwrap();
    assert_eq!(power_at_district.last_day, Some(day(2016, 10, 4)));

    // Removed at the kecamatan: removed at the district; the district's own record stays.
    torjun.delete_outage(id).unwrap();
    send(&mut torjun, &mut district);
    let left = outages(&district);
    assert_eq!(left.len(), 1, "{left:?}");
    assert_eq!(left[0].cause, OutageCause::CentralServer);
    assert!(left[0].units.is_empty());
}

//! What the `pantau` command prints, in the chosen language: the commands hand over what
//! happened as a [`Said`] value and the table they list as a [`Table`]; the words are here.
//! Dates stay ISO (`2016-10-05`) in both languages so a terminal's output sorts and pastes.

use std::path::Path;

use chrono::NaiveDate;

use super::Lang;
use super::fmt::{count, date_short, decimal, percent, plain};
use crate::domain::rules::{Outlier, Place};
use crate::domain::{HolidayKind, UnitKind};
use crate::store::Saved;

/// The tables the commands print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    Summary,
    Units,
    Targets,
    Deadlines,
    Openings,
    Holidays,
    Deliveries,
    Seasons,
    Audit,
    Forecast,
    Slip,
}

/// The column headings of `table`.
pub fn headers(lang: Lang, table: Table) -> &'static [&'static str] {
    use Table::*;
    match (lang, table) {
        (Lang::Id, Summary) => &[
            "Unit",
            "Wajib KTP",
            "Rekam",
            "Terkirim",
            "Cetak",
            "Suket",
            "Blm kirim",
            "Blm cetak",
            "% rekam",
            "% cetak",
        ],
        (Lang::En, Summary) => &[
            "Unit",
            "Wajib KTP",
            "Recorded",
            "Sent",
            "Printed",
            "Suket",
            "To send",
            "To print",
            "% recorded",
            "% printed",
        ],
        (Lang::Id, Units) => &["Unit", "Kode", "Jenis", "Status"],
        (Lang::En, Units) => &["Unit", "Code", "Kind", "Status"],
        (Lang::Id, Targets) => &["Unit", "Berlaku mulai", "Wajib KTP"],
        (Lang::En, Targets) => &["Unit", "In force from", "Wajib KTP"],
        (Lang::Id, Deadlines) => &["Diputuskan", "Tenggat", "Catatan"],
        (Lang::En, Deadlines) => &["Decided", "Deadline", "Note"],
        (Lang::Id, Openings) => &["Unit", "Per tanggal", "Rekam", "Terkirim", "Cetak", "Suket"],
        (Lang::En, Openings) => &["Unit", "As of", "Recorded", "Sent", "Printed", "Suket"],
        (Lang::Id, Holidays) => &["Tanggal", "Jenis", "Nama"],
        (Lang::En, Holidays) => &["Date", "Kind", "Name"],
        (Lang::Id, Deliveries) => &["#", "Diharapkan", "Jumlah", "Diumumkan", "Catatan"],
        (Lang::En, Deliveries) => &["#", "Expected", "Quantity", "Announced", "Note"],
        (Lang::Id, Seasons) => &["#", "Dari", "Sampai", "Faktor", "Nama"],
        (Lang::En, Seasons) => &["#", "From", "To", "Factor", "Name"],
        (Lang::Id, Audit) => &["#", "waktu", "pengguna", "aksi", "tabel", "kunci", "nilai"],
        (Lang::En, Audit) => &["#", "at", "user", "action", "table", "key", "values"],
        (Lang::Id, Forecast) => &[
            "Tonggak",
            "Sisa",
            "P50",
            "P85",
            "P95",
            "Peluang tepat waktu",
            "Laju/hari",
        ],
        (Lang::En, Forecast) => &[
            "Milestone",
            "Remaining",
            "P50",
            "P85",
            "P95",
            "Chance on time",
            "Rate/day",
        ],
        (Lang::Id, Slip) => &[
            "Per tanggal",
            "Tenggat",
            "Rekam P50",
            "Rekam P85",
            "Cetak P50",
            "Cetak P85",
        ],
        (Lang::En, Slip) => &[
            "As of",
            "Deadline",
            "Recording P50",
            "Recording P85",
            "Printing P50",
            "Printing P85",
        ],
    }
}

pub fn unit_kind(lang: Lang, kind: UnitKind) -> &'static str {
    match (lang, kind) {
        (Lang::Id, UnitKind::Kecamatan) => "kecamatan",
        (Lang::Id, UnitKind::District) => "kabupaten",
        (Lang::En, UnitKind::Kecamatan) => "kecamatan",
        (Lang::En, UnitKind::District) => "district",
    }
}

pub fn unit_status(lang: Lang, active: bool) -> &'static str {
    match (lang, active) {
        (Lang::Id, true) => "aktif",
        (Lang::Id, false) => "nonaktif",
        (Lang::En, true) => "active",
        (Lang::En, false) => "inactive",
    }
}

pub fn holiday_kind(lang: Lang, kind: HolidayKind) -> &'static str {
    match (lang, kind) {
        (Lang::Id, HolidayKind::Libur) => "libur nasional",
        (Lang::Id, HolidayKind::CutiBersama) => "cuti bersama",
        (Lang::En, HolidayKind::Libur) => "public holiday",
        (Lang::En, HolidayKind::CutiBersama) => "collective leave",
    }
}

/// A milestone's name in the forecast table.
pub fn milestone(lang: Lang, printing: bool) -> &'static str {
    match (lang, printing) {
        (Lang::Id, false) => "Perekaman selesai",
        (Lang::Id, true) => "Semua memegang kartu",
        (Lang::En, false) => "Recording complete",
        (Lang::En, true) => "Everyone holds a card",
    }
}

/// The row of totals.
pub fn total(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "JUMLAH",
        Lang::En => "TOTAL",
    }
}

/// What a command did or why it refused.
#[derive(Debug)]
pub enum Said<'a> {
    DemoCreated {
        path: &'a Path,
        units: usize,
        reports: usize,
        events: usize,
    },
    DemoTotals {
        on: NaiveDate,
        recorded: u64,
        printed: u64,
        wajib_ktp: u64,
    },
    /// A file with problems: nothing imported (or, with `created`, no database created).
    Refused {
        problems: usize,
        file: &'a Path,
        creating: bool,
    },
    Created {
        path: &'a Path,
        office: &'a str,
        units: &'a [&'a str],
        targets: usize,
        from: NaiveDate,
    },
    ReportSaved {
        at: &'a Place,
        saved: Saved,
    },
    OutlierKept {
        at: &'a Place,
        outlier: &'a Outlier,
        note: &'a str,
    },
    StockBooked {
        date: NaiveDate,
        cause: &'a str,
        id: i64,
        balance: Option<u64>,
    },
    UnitAdded(&'a str),
    UnitRenamed {
        name: &'a str,
        to: &'a str,
    },
    UnitDeactivated(&'a str),
    UnitActivated(&'a str),
    TargetSet {
        at: &'a Place,
        wajib_ktp: u64,
    },
    TargetsSet(usize),
    DeadlineSet {
        decided: NaiveDate,
        deadline: NaiveDate,
    },
    DecisionRemoved(NaiveDate),
    NoDecision(NaiveDate),
    OpeningsSet(usize),
    OpeningSet {
        at: &'a Place,
        counts: &'a crate::domain::Counts,
    },
    HolidayNeedsName,
    HolidaySet {
        date: NaiveDate,
        name: &'a str,
        kind: HolidayKind,
    },
    HolidayRemoved(NaiveDate),
    NoHoliday(NaiveDate),
    DeliveryAnnounced {
        expected: NaiveDate,
        quantity: u64,
        id: i64,
        announced: NaiveDate,
    },
    DeliveryRemoved(i64),
    NoDelivery(i64),
    SeasonSet {
        from: NaiveDate,
        to: NaiveDate,
        factor: f64,
        id: i64,
    },
    SeasonRemoved(i64),
    NoSeason(i64),
    UnexplainedOutlier {
        at: &'a Place,
        outlier: &'a Outlier,
    },
    CheckPassed {
        path: &'a Path,
        units: usize,
        reports: usize,
        events: usize,
        unexplained: usize,
    },
    CheckFailed {
        path: &'a Path,
        problems: usize,
    },
    /// `… (1.234 characters)` after a value cut short.
    Characters(usize),
    AuditEmpty,
    WindowAndTrials {
        min: usize,
    },
    Window {
        min: usize,
    },
    NoReports(&'a Path),
    FromAfterTo {
        from: NaiveDate,
        to: NaiveDate,
    },
    BackedUp {
        db: &'a Path,
        out: &'a Path,
    },
    Restored {
        db: &'a Path,
        from: &'a Path,
    },
    CheckingRows {
        done: usize,
        total: usize,
    },
    ComputingSlip {
        done: usize,
        total: usize,
    },
    ImportStopped,
    MoreProblems(usize),
    Flagged {
        file: &'a str,
        sheet: Option<&'a str>,
        row: usize,
        unit: &'a str,
        date: NaiveDate,
        outlier: &'a Outlier,
    },
    MoreFlagged(usize),
    WouldImport {
        counts: &'a str,
    },
    Imported {
        counts: &'a str,
    },
    ExportType(&'a Path),
    Exported {
        path: &'a Path,
        rows: usize,
    },
    OpeningsExported {
        path: &'a Path,
        units: usize,
    },
    ChartWritten(&'a Path),
    ReportWritten {
        path: &'a Path,
        pages: usize,
    },
    NoDataFolder,
    DataFolder(&'a Path),
    /// `--date: '31-02-2016' is not a date …`
    BadDate {
        flag: &'a str,
        text: &'a str,
    },
    SummaryTitle {
        office: &'a str,
        as_of: NaiveDate,
    },
    DeadlineInForce {
        deadline: NaiveDate,
        decided: Option<NaiveDate>,
    },
    NoDeadline,
    StockUnknown,
    StockOut {
        print_rate: u64,
        stockout_days: usize,
    },
    StockOnHand {
        on_hand: u64,
        days_of_stock: Option<f64>,
        print_rate: u64,
        stockout_days: usize,
    },
    ForecastTitle(NaiveDate),
    LimitedBy {
        printing: bool,
        constraint: &'a str,
    },
    NoDateBecause(&'a str),
    ForecastBasis {
        blanks: &'a str,
        window_days: usize,
        trials: usize,
    },
    BacktestScored(usize),
    BacktestP85(f64),
    BacktestP50(f64),
    BacktestMedianError(f64),
    BacktestNothing,
    /// What an import leaves aside, said so nobody wonders.
    Note(&'a str),
}

/// The sentence for `said`.
pub fn said(lang: Lang, said: &Said) -> String {
    match lang {
        Lang::Id => indonesian(said),
        Lang::En => english(said),
    }
}

fn indonesian(said: &Said) -> String {
    let n = |x: u64| count(Lang::Id, x);
    match said {
        Said::DemoCreated {
            path,
            units,
            reports,
            events,
        } => format!(
            "{} dibuat — data ilustrasi Sampang, {units} unit, {reports} laporan harian, {events} \
             mutasi blangko",
            path.display()
        ),
        Said::DemoTotals {
            on,
            recorded,
            printed,
            wajib_ktp,
        } => format!(
            "per {on}: rekam {}, cetak {}, wajib KTP {}",
            n(*recorded),
            n(*printed),
            n(*wajib_ktp)
        ),
        Said::Refused {
            problems,
            file,
            creating,
        } => format!(
            "ditolak: {problems} masalah dalam {}; {}",
            file.display(),
            if *creating {
                "tidak ada yang dibuat"
            } else {
                "tidak ada yang diimpor"
            }
        ),
        Said::Created {
            path,
            office,
            units,
            targets,
            from,
        } => format!(
            "{} dibuat untuk {office} dengan {} unit: {}{}",
            path.display(),
            units.len(),
            units.join(", "),
            match targets {
                0 => String::new(),
                t => format!("; wajib KTP {t} unit berlaku mulai {from}"),
            }
        ),
        Said::ReportSaved { at, saved } => format!(
            "{at}: {}",
            match saved {
                Saved::Inserted => "laporan baru disimpan",
                Saved::Updated => "laporan diperbarui",
                Saved::Unchanged => "tidak berubah (nilai yang sama sudah tersimpan)",
            }
        ),
        Said::OutlierKept { at, outlier, note } => format!(
            "{at}: catatan: {}; disimpan dengan catatan \"{note}\"",
            super::outlier(Lang::Id, outlier)
        ),
        Said::StockBooked {
            date,
            cause,
            id,
            balance,
        } => format!(
            "{date}: {cause} dicatat (#{id}); stok blangko pada akhir hari: {}",
            balance.map(n).unwrap_or_else(|| "belum diketahui".into())
        ),
        Said::UnitAdded(name) => format!("unit {name}: ditambahkan"),
        Said::UnitRenamed { name, to } => format!("unit {name}: diganti nama menjadi {to}"),
        Said::UnitDeactivated(name) => format!("unit {name}: dinonaktifkan; datanya disimpan"),
        Said::UnitActivated(name) => format!("unit {name}: aktif"),
        Said::TargetSet { at, wajib_ktp } => {
            format!("{at}: wajib KTP {} mulai hari ini", n(*wajib_ktp))
        }
        Said::TargetsSet(units) => format!("target ditetapkan untuk {units} unit"),
        Said::DeadlineSet { decided, deadline } => {
            format!("{decided}: tenggatnya {deadline} sejak keputusan ini")
        }
        Said::DecisionRemoved(decided) => format!("{decided}: keputusan dihapus"),
        Said::NoDecision(decided) => {
            format!("--decided {decided}: tidak ada keputusan pada hari itu")
        }
        Said::OpeningsSet(units) => format!("saldo awal ditetapkan untuk {units} unit"),
        Said::OpeningSet { at, counts } => format!(
            "{at}: saldo awal rekam {}, terkirim {}, cetak {}, suket {}",
            n(counts.recorded),
            n(counts.sent_to_central),
            n(counts.printed),
            n(counts.suket_issued)
        ),
        Said::HolidayNeedsName => "--name: hari libur perlu nama".into(),
        Said::HolidaySet { date, name, kind } => format!(
            "{date}: {name} ({}) bukan hari kerja",
            holiday_kind(Lang::Id, *kind)
        ),
        Said::HolidayRemoved(date) => format!("{date}: dihapus dari hari libur"),
        Said::NoHoliday(date) => format!("{date}: tidak ada hari libur pada tanggal ini"),
        Said::DeliveryAnnounced {
            expected,
            quantity,
            id,
            announced,
        } => format!(
            "{expected}: {} blangko diharapkan tiba (#{id}, diumumkan {announced})",
            n(*quantity)
        ),
        Said::DeliveryRemoved(id) => format!("pengiriman terjadwal #{id} dihapus"),
        Said::NoDelivery(id) => format!("tidak ada pengiriman terjadwal #{id}"),
        Said::SeasonSet {
            from,
            to,
            factor,
            id,
        } => format!(
            "{from} s.d. {to}: kerja pada {} kali laju biasa (#{id})",
            plain(Lang::Id, *factor)
        ),
        Said::SeasonRemoved(id) => format!("periode #{id} dihapus"),
        Said::NoSeason(id) => format!("tidak ada periode #{id}"),
        Said::UnexplainedOutlier { at, outlier } => format!(
            "peringatan: {at}: {}; tidak ada catatan yang menjelaskannya",
            super::outlier(Lang::Id, outlier)
        ),
        Said::CheckPassed {
            path,
            units,
            reports,
            events,
            unexplained,
        } => format!(
            "{}: ok — berkas utuh; {units} unit, {reports} laporan harian, {events} mutasi \
             blangko memenuhi semua aturan{}",
            path.display(),
            match unexplained {
                0 => String::new(),
                u => format!(" ({u} lonjakan tanpa catatan, tercantum di atas sebagai peringatan)"),
            }
        ),
        Said::CheckFailed { path, problems } => {
            format!("{}: ditemukan {problems} masalah", path.display())
        }
        Said::Characters(length) => format!("({} karakter)", n(*length as u64)),
        Said::AuditEmpty => "jejak audit masih kosong".into(),
        Said::WindowAndTrials { min } => {
            format!("--window paling sedikit {min} dan --trials paling sedikit 1")
        }
        Said::Window { min } => format!("--window paling sedikit {min}"),
        Said::NoReports(path) => format!(
            "{}: belum ada laporan harian, jadi belum ada perkiraan untuk ditampilkan",
            path.display()
        ),
        Said::FromAfterTo { from, to } => format!("--from {from} jatuh sesudah --to {to}"),
        Said::BackedUp { db, out } => {
            format!("{}: dicadangkan ke {}", db.display(), out.display())
        }
        Said::Restored { db, from } => {
            format!("{}: dipulihkan dari {}", db.display(), from.display())
        }
        Said::CheckingRows { done, total } => format!("memeriksa baris: {done}/{total}"),
        Said::ComputingSlip { done, total } => {
            format!("menghitung riwayat perkiraan: {done}/{total}")
        }
        Said::ImportStopped => "impor berhenti tiba-tiba; tidak ada yang ditulis".into(),
        Said::MoreProblems(more) => format!("… dan {more} masalah lagi"),
        Said::Flagged {
            file,
            sheet,
            row,
            unit,
            date,
            outlier,
        } => format!(
            "peringatan: {file}{}, baris {row}: {unit} {date}: {}; tanpa catatan — ditandai \
             untuk diperiksa",
            sheet.map(|s| format!(", lembar {s}")).unwrap_or_default(),
            super::outlier(Lang::Id, outlier)
        ),
        Said::MoreFlagged(more) => format!(
            "peringatan: … dan {more} lonjakan lagi tanpa catatan (pantau check menampilkan \
             semuanya)"
        ),
        Said::WouldImport { counts } => format!("akan diimpor: {counts}"),
        Said::Imported { counts } => format!("diimpor: {counts}"),
        Said::ExportType(path) => format!(
            "--out {}: ekspor menulis berkas .xlsx atau .csv",
            path.display()
        ),
        Said::Exported { path, rows } => format!(
            "{}: {} laporan harian diekspor",
            path.display(),
            n(*rows as u64)
        ),
        Said::OpeningsExported { path, units } => {
            format!("{}: saldo awal {units} unit", path.display())
        }
        Said::ChartWritten(path) => format!("{}: grafik ditulis (2000 × 1200)", path.display()),
        Said::ReportWritten { path, pages } => {
            format!("{}: laporan ditulis ({pages} halaman)", path.display())
        }
        Said::NoDataFolder => "tidak ada folder rumah untuk database bawaan; sebutkan satu \
                               dengan --db BERKAS"
            .into(),
        Said::DataFolder(path) => format!("folder data {} tidak dapat dibuat", path.display()),
        Said::BadDate { flag, text } => format!("{flag}: {}", super::not_a_date(Lang::Id, text)),
        Said::SummaryTitle { office, as_of } => {
            format!("{office} — per {}", date_short(Lang::Id, *as_of))
        }
        Said::DeadlineInForce { deadline, decided } => match decided {
            Some(decided) => format!(
                "Tenggat yang berlaku: {} (diputuskan {})",
                date_short(Lang::Id, *deadline),
                date_short(Lang::Id, *decided)
            ),
            None => format!("Tenggat yang berlaku: {}", date_short(Lang::Id, *deadline)),
        },
        Said::NoDeadline => "Belum ada tenggat".into(),
        Said::StockUnknown => {
            "Stok blangko: belum diketahui (belum ada penerimaan atau stok opname)".into()
        }
        Said::StockOut {
            print_rate,
            stockout_days,
        } => format!(
            "Stok blangko: habis (rata-rata cetak {} per hari)\nHari kerja stok kosong: \
             {stockout_days}",
            n(*print_rate)
        ),
        Said::StockOnHand {
            on_hand,
            days_of_stock,
            print_rate,
            stockout_days,
        } => format!(
            "Stok blangko: {} lembar ({}; rata-rata cetak {} per hari)\nHari kerja stok \
             kosong: {stockout_days}",
            n(*on_hand),
            match days_of_stock {
                Some(days) => format!("cukup {} hari kerja", decimal(Lang::Id, *days)),
                None => "tidak ada cetak dalam 14 hari kerja terakhir".into(),
            },
            n(*print_rate)
        ),
        Said::ForecastTitle(as_of) => format!("Perkiraan per {}", date_short(Lang::Id, *as_of)),
        Said::LimitedBy {
            printing,
            constraint,
        } => format!(
            "{}: dibatasi oleh {constraint}",
            if *printing { "Pencetakan" } else { "Perekaman" }
        ),
        Said::NoDateBecause(reason) => format!("  tanpa tanggal: {reason}"),
        Said::ForecastBasis {
            blanks,
            window_days,
            trials,
        } => format!(
            "Blangko: {blanks}\nDasar: {window_days} hari kerja terakhir, {} percobaan Monte Carlo",
            n(*trials as u64)
        ),
        Said::BacktestScored(scored) => {
            format!("Uji balik: {scored} perkiraan yang tonggaknya kemudian tercapai")
        }
        Said::BacktestP85(share) => {
            format!(
                "  tanggal nyata ≤ P85: {}",
                percent(Lang::Id, share * 100.0)
            )
        }
        Said::BacktestP50(share) => {
            format!(
                "  tanggal nyata ≤ P50: {}",
                percent(Lang::Id, share * 100.0)
            )
        }
        Said::BacktestMedianError(days) => format!(
            "  median selisih P50: {} hari kerja",
            decimal(Lang::Id, *days)
        ),
        Said::Note(note) => format!("catatan: {note}"),
        Said::BacktestNothing => "Uji balik: belum ada tonggak yang tercapai dalam data, jadi \
                                  belum ada perkiraan yang bisa diuji (n = 0)"
            .into(),
    }
}

fn english(said: &Said) -> String {
    let n = |x: u64| count(Lang::En, x);
    match said {
        Said::DemoCreated {
            path,
            units,
            reports,
            events,
        } => format!(
            "created {} — illustrative Sampang data, {units} units, {reports} daily reports, \
             {events} stock events",
            path.display()
        ),
        Said::DemoTotals {
            on,
            recorded,
            printed,
            wajib_ktp,
        } => format!(
            "on {on}: recorded {}, printed {}, wajib KTP {}",
            n(*recorded),
            n(*printed),
            n(*wajib_ktp)
        ),
        Said::Refused {
            problems,
            file,
            creating,
        } => format!(
            "refused: {problems} problem(s) in {}; {}",
            file.display(),
            if *creating {
                "nothing created"
            } else {
                "nothing imported"
            }
        ),
        Said::Created {
            path,
            office,
            units,
            targets,
            from,
        } => format!(
            "created {} for {office} with {} units: {}{}",
            path.display(),
            units.len(),
            units.join(", "),
            match targets {
                0 => String::new(),
                t => format!("; wajib KTP of {t} unit(s) in force from {from}"),
            }
        ),
        Said::ReportSaved { at, saved } => format!(
            "{at}: {}",
            match saved {
                Saved::Inserted => "saved new report",
                Saved::Updated => "updated report",
                Saved::Unchanged => "unchanged (the same values are already stored)",
            }
        ),
        Said::OutlierKept { at, outlier, note } => format!(
            "{at}: note: {}; saved with the note \"{note}\"",
            super::outlier(Lang::En, outlier)
        ),
        Said::StockBooked {
            date,
            cause,
            id,
            balance,
        } => format!(
            "{date}: booked {cause} (#{id}); blanks in stock at the end of the day: {}",
            balance.map(n).unwrap_or_else(|| "unknown".into())
        ),
        Said::UnitAdded(name) => format!("unit {name}: added"),
        Said::UnitRenamed { name, to } => format!("unit {name}: renamed to {to}"),
        Said::UnitDeactivated(name) => format!("unit {name}: deactivated; its data is kept"),
        Said::UnitActivated(name) => format!("unit {name}: active"),
        Said::TargetSet { at, wajib_ktp } => {
            format!("{at}: wajib KTP {} from this day on", n(*wajib_ktp))
        }
        Said::TargetsSet(units) => format!("targets set for {units} unit(s)"),
        Said::DeadlineSet { decided, deadline } => {
            format!("{decided}: the deadline is {deadline} from this decision on")
        }
        Said::DecisionRemoved(decided) => format!("{decided}: decision removed"),
        Said::NoDecision(decided) => {
            format!("--decided {decided}: there is no decision taken on that day")
        }
        Said::OpeningsSet(units) => format!("opening totals set for {units} unit(s)"),
        Said::OpeningSet { at, counts } => format!(
            "{at}: opening totals recorded {}, sent {}, printed {}, suket {}",
            n(counts.recorded),
            n(counts.sent_to_central),
            n(counts.printed),
            n(counts.suket_issued)
        ),
        Said::HolidayNeedsName => "--name: a holiday needs a name".into(),
        Said::HolidaySet { date, name, kind } => format!(
            "{date}: {name} ({}) is not a working day",
            holiday_kind(Lang::En, *kind)
        ),
        Said::HolidayRemoved(date) => format!("{date}: removed from the holidays"),
        Said::NoHoliday(date) => format!("{date}: there is no holiday on this date"),
        Said::DeliveryAnnounced {
            expected,
            quantity,
            id,
            announced,
        } => format!(
            "{expected}: {} blanks expected (#{id}, announced {announced})",
            n(*quantity)
        ),
        Said::DeliveryRemoved(id) => format!("announced delivery #{id} removed"),
        Said::NoDelivery(id) => format!("there is no announced delivery #{id}"),
        Said::SeasonSet {
            from,
            to,
            factor,
            id,
        } => format!(
            "{from} to {to}: work at {} of the usual pace (#{id})",
            plain(Lang::En, *factor)
        ),
        Said::SeasonRemoved(id) => format!("period #{id} removed"),
        Said::NoSeason(id) => format!("there is no period #{id}"),
        Said::UnexplainedOutlier { at, outlier } => format!(
            "warning: {at}: {}; there is no note that explains it",
            super::outlier(Lang::En, outlier)
        ),
        Said::CheckPassed {
            path,
            units,
            reports,
            events,
            unexplained,
        } => format!(
            "{}: ok — file intact; {units} units, {reports} daily reports, {events} stock events \
             obey every rule{}",
            path.display(),
            match unexplained {
                0 => String::new(),
                u => format!(" ({u} outlier(s) without a note, listed above as warnings)"),
            }
        ),
        Said::CheckFailed { path, problems } => {
            format!("{}: {problems} problem(s) found", path.display())
        }
        Said::Characters(length) => format!("({} characters)", n(*length as u64)),
        Said::AuditEmpty => "the audit trail is empty".into(),
        Said::WindowAndTrials { min } => {
            format!("--window must be at least {min} and --trials at least 1")
        }
        Said::Window { min } => format!("--window must be at least {min}"),
        Said::NoReports(path) => format!(
            "{}: no daily reports yet, so there is no forecast to show",
            path.display()
        ),
        Said::FromAfterTo { from, to } => format!("--from {from} is after --to {to}"),
        Said::BackedUp { db, out } => {
            format!("{}: backed up to {}", db.display(), out.display())
        }
        Said::Restored { db, from } => {
            format!("{}: restored from {}", db.display(), from.display())
        }
        Said::CheckingRows { done, total } => format!("checking rows: {done}/{total}"),
        Said::ComputingSlip { done, total } => {
            format!("computing the forecast history: {done}/{total}")
        }
        Said::ImportStopped => "the import stopped unexpectedly; nothing was written".into(),
        Said::MoreProblems(more) => format!("… and {more} more problems"),
        Said::Flagged {
            file,
            sheet,
            row,
            unit,
            date,
            outlier,
        } => format!(
            "warning: {file}{}, row {row}: {unit} {date}: {}; no note — flagged for review",
            sheet.map(|s| format!(", sheet {s}")).unwrap_or_default(),
            super::outlier(Lang::En, outlier)
        ),
        Said::MoreFlagged(more) => format!(
            "warning: … and {more} more outliers without a note (pantau check lists them all)"
        ),
        Said::WouldImport { counts } => format!("would import: {counts}"),
        Said::Imported { counts } => format!("imported: {counts}"),
        Said::ExportType(path) => {
            format!(
                "--out {}: export writes .xlsx or .csv files",
                path.display()
            )
        }
        Said::Exported { path, rows } => format!(
            "{}: {} daily reports exported",
            path.display(),
            n(*rows as u64)
        ),
        Said::OpeningsExported { path, units } => {
            format!("{}: opening totals of {units} unit(s)", path.display())
        }
        Said::ChartWritten(path) => format!("{}: chart written (2000 × 1200)", path.display()),
        Said::ReportWritten { path, pages } => {
            format!("{}: report written ({pages} pages)", path.display())
        }
        Said::NoDataFolder => {
            "no home folder found for the default database; give one with --db FILE".into()
        }
        Said::DataFolder(path) => format!("cannot create the data folder {}", path.display()),
        Said::BadDate { flag, text } => format!("{flag}: {}", super::not_a_date(Lang::En, text)),
        Said::SummaryTitle { office, as_of } => {
            format!("{office} — as of {}", date_short(Lang::En, *as_of))
        }
        Said::DeadlineInForce { deadline, decided } => match decided {
            Some(decided) => format!(
                "Deadline in force: {} (decided {})",
                date_short(Lang::En, *deadline),
                date_short(Lang::En, *decided)
            ),
            None => format!("Deadline in force: {}", date_short(Lang::En, *deadline)),
        },
        Said::NoDeadline => "No deadline yet".into(),
        Said::StockUnknown => {
            "Blank cards: not known yet (no receipt or physical count yet)".into()
        }
        Said::StockOut {
            print_rate,
            stockout_days,
        } => format!(
            "Blank cards: none left (printing {} a day on average)\nWorking days without \
             blanks: {stockout_days}",
            n(*print_rate)
        ),
        Said::StockOnHand {
            on_hand,
            days_of_stock,
            print_rate,
            stockout_days,
        } => format!(
            "Blank cards: {} ({}; printing {} a day on average)\nWorking days without \
             blanks: {stockout_days}",
            n(*on_hand),
            match days_of_stock {
                Some(days) => format!("enough for {} working days", decimal(Lang::En, *days)),
                None => "nothing printed in the last 14 working days".into(),
            },
            n(*print_rate)
        ),
        Said::ForecastTitle(as_of) => {
            format!("Forecast as of {}", date_short(Lang::En, *as_of))
        }
        Said::LimitedBy {
            printing,
            constraint,
        } => format!(
            "{}: limited by {constraint}",
            if *printing { "Printing" } else { "Recording" }
        ),
        Said::NoDateBecause(reason) => format!("  no date: {reason}"),
        Said::ForecastBasis {
            blanks,
            window_days,
            trials,
        } => format!(
            "Blank cards: {blanks}\nBasis: the last {window_days} working days, {} Monte Carlo \
             trials",
            n(*trials as u64)
        ),
        Said::BacktestScored(scored) => {
            format!("Backtest: {scored} forecasts whose milestone was later reached")
        }
        Said::BacktestP85(share) => {
            format!("  actual date ≤ P85: {}", percent(Lang::En, share * 100.0))
        }
        Said::BacktestP50(share) => {
            format!("  actual date ≤ P50: {}", percent(Lang::En, share * 100.0))
        }
        Said::BacktestMedianError(days) => format!(
            "  median P50 error: {} working days",
            decimal(Lang::En, *days)
        ),
        Said::Note(note) => format!("note: {note}"),
        Said::BacktestNothing => "Backtest: no milestone has been reached in the data, so no \
                                  forecast can be scored yet (n = 0)"
            .into(),
    }
}

/// `73,9 %`, or `—` where there is no share.
pub fn share(lang: Lang, value: Option<f64>) -> String {
    value
        .map(|v| percent(lang, v))
        .unwrap_or_else(|| "—".to_string())
}

//! Sentences built from the domain's values: rule violations, store errors, names of fields,
//! kinds and causes.

use super::Lang;
use crate::domain::number::CountParseError;
use crate::domain::rules::{
    Invalid, Outlier, OutlierReason, PrrProblem, RuleViolation, SettingProblem, StockCause,
};
use crate::domain::stock::ShortfallKind;
use crate::domain::{CountField, OutageCause, StockEventKind};
use crate::store::StoreError;

pub fn field_name(lang: Lang, field: CountField) -> &'static str {
    let tr = lang.tr();
    match field {
        CountField::Recorded => tr.recorded,
        CountField::SentToCentral => tr.sent,
        CountField::Printed => tr.printed,
        CountField::SuketIssued => tr.suket,
    }
}

/// A column of the centre's stage: `PRR`, `DUP`, `Efac`, `Efac ulang`.
pub fn stage_name(lang: Lang, field: crate::domain::PrrField) -> &'static str {
    use crate::domain::PrrField;
    match (lang, field) {
        (_, PrrField::Prr) => "PRR",
        (_, PrrField::Dup) => "DUP",
        (_, PrrField::Efac) => "Efac",
        (Lang::Id, PrrField::EfacRetaken) => "Efac ulang",
        (Lang::En, PrrField::EfacRetaken) => "Retaken",
    }
}

pub fn stock_kind(lang: Lang, kind: StockEventKind) -> &'static str {
    match (lang, kind) {
        (Lang::Id, StockEventKind::Receipt) => "Penerimaan dari pusat",
        (Lang::Id, StockEventKind::Spoiled) => "Rusak saat cetak",
        (Lang::Id, StockEventKind::Lent) => "Dipinjamkan",
        (Lang::Id, StockEventKind::Borrowed) => "Dipinjam",
        (Lang::Id, StockEventKind::ReturnedOut) => "Dikembalikan (keluar)",
        (Lang::Id, StockEventKind::ReturnedIn) => "Pengembalian (masuk)",
        (Lang::Id, StockEventKind::Count) => "Stok opname",
        (Lang::En, StockEventKind::Receipt) => "Receipt from the centre",
        (Lang::En, StockEventKind::Spoiled) => "Spoiled in printing",
        (Lang::En, StockEventKind::Lent) => "Lent",
        (Lang::En, StockEventKind::Borrowed) => "Borrowed",
        (Lang::En, StockEventKind::ReturnedOut) => "Returned (out)",
        (Lang::En, StockEventKind::ReturnedIn) => "Returned to us (in)",
        (Lang::En, StockEventKind::Count) => "Physical count",
    }
}

pub fn outage_cause(lang: Lang, cause: OutageCause) -> &'static str {
    match (lang, cause) {
        (Lang::Id, OutageCause::CentralServer) => "Server pusat",
        (Lang::Id, OutageCause::Network) => "Jaringan",
        (Lang::Id, OutageCause::Power) => "Listrik",
        (Lang::Id, OutageCause::Equipment) => "Perangkat",
        (Lang::En, OutageCause::CentralServer) => "Central server",
        (Lang::En, OutageCause::Network) => "Network",
        (Lang::En, OutageCause::Power) => "Power",
        (Lang::En, OutageCause::Equipment) => "Equipment",
    }
}

/// A rule's message in the chosen language. English is the rule's own text.
/// Of `targets` about to be saved into `data`, those that ask to be confirmed, each with why.
pub fn target_doubts(
    lang: Lang,
    data: &crate::domain::Dataset,
    targets: &[crate::domain::Target],
) -> Vec<String> {
    targets
        .iter()
        .filter_map(|t| {
            let doubt = crate::domain::rules::target_doubt(data, t)?;
            let at = crate::domain::rules::Place {
                unit: Some(data.unit_name(t.unit_id)),
                date: t.effective_from,
            };
            Some(target_doubt(lang, &at, t.wajib_ktp, doubt))
        })
        .collect()
}

/// Why a wajib KTP figure asks to be confirmed: `Torjun 2016-01-01: wajib KTP 10 …`.
fn target_doubt(
    lang: Lang,
    at: &crate::domain::rules::Place,
    wajib_ktp: u64,
    doubt: crate::domain::rules::TargetDoubt,
) -> String {
    use crate::domain::rules::TargetDoubt;
    let n = |x: u64| super::fmt::count(lang, x);
    match (lang, doubt) {
        (Lang::Id, TargetDoubt::BelowRecorded { recorded }) => format!(
            "{at}: wajib KTP {} di bawah {} penduduk yang sudah direkam unit ini",
            n(wajib_ktp),
            n(recorded)
        ),
        (Lang::Id, TargetDoubt::BigChange { from }) => format!(
            "{at}: wajib KTP {} berubah lebih dari separuh dari {} yang berlaku",
            n(wajib_ktp),
            n(from)
        ),
        (Lang::En, TargetDoubt::BelowRecorded { recorded }) => format!(
            "{at}: wajib KTP {} is below the {} residents the unit has already recorded",
            n(wajib_ktp),
            n(recorded)
        ),
        (Lang::En, TargetDoubt::BigChange { from }) => format!(
            "{at}: wajib KTP {} is more than half away from the {} in force",
            n(wajib_ktp),
            n(from)
        ),
    }
}

/// A count's name in an Indonesian message: `Rekam`, `Terkirim`, …, `PRR`, `Jumlah`.
fn field_word(field: &str) -> &str {
    match field {
        "recorded" => "Rekam",
        "sent" => "Terkirim",
        "printed" => "Cetak",
        "suket" => "Suket",
        "prr" => "PRR",
        "dup" => "DUP",
        "efac" => "Efac",
        "efac_retaken" => "Efac direkam ulang",
        "quantity" => "Jumlah",
        other => other,
    }
}

pub fn violation(lang: Lang, v: &RuleViolation) -> String {
    if lang == Lang::En {
        return v.to_string();
    }
    let n = |x: u64| super::fmt::count(lang, x);
    let s = |x: i64| super::fmt::signed(lang, x.max(0));
    match v {
        RuleViolation::BadCount {
            at,
            field,
            text,
            reason,
        } => {
            let field = field_word(field);
            if *reason == CountParseError::Empty {
                format!("{at}: {field} kosong; isi 0 bila tidak ada")
            } else {
                format!(
                    "{at}: {field} '{text}' {}",
                    super::import::count_reason(lang, reason)
                )
            }
        }
        RuleViolation::BelowPrevious {
            at,
            field,
            total,
            previous,
        } => format!(
            "{at}: {} s.d. hari ini {} lebih kecil dari total s.d. kemarin {}",
            field_word(field),
            n(*total),
            n(*previous)
        ),
        RuleViolation::PreviousUnknown { at, field } => format!(
            "{at}: {} s.d. hari ini tidak dapat dibaca: total unit ini s.d. kemarin belum \
             diketahui",
            field_word(field)
        ),
        RuleViolation::FutureDate { at, today } => {
            format!("{at}: tanggal di masa depan (hari ini {today})")
        }
        RuleViolation::OnOrBeforeOpening { at, opening } => {
            format!(
                "{at}: saldo awal unit adalah totalnya pada akhir {opening}; laporan hariannya \
                 dimulai sehari sesudahnya"
            )
        }
        RuleViolation::Cumulative {
            at,
            on,
            field,
            total,
            limit_field,
            limit,
        } => {
            let (f, l) = (field_name(lang, *field), field_name(lang, *limit_field));
            if *on == at.date {
                format!(
                    "{at}: total {f} {} akan melebihi total {l} {}",
                    n(*total),
                    n(*limit)
                )
            } else {
                format!(
                    "{at}: perubahan ini membuat total {f} {} melebihi total {l} {} pada {on}",
                    n(*total),
                    n(*limit)
                )
            }
        }
        RuleViolation::Prr { at, on, problem } => {
            let what = match *problem {
                PrrProblem::PrintedOverPrr { printed, prr } => format!(
                    "total Cetak {} akan melebihi total PRR {} (hanya data siap cetak yang \
                     dicetak)",
                    n(printed),
                    n(prr)
                ),
                PrrProblem::OverSent {
                    prr,
                    dup,
                    efac,
                    sent,
                } => format!(
                    "total PRR {} + DUP {} + Efac {} = {} akan melebihi total Terkirim {}",
                    n(prr),
                    n(dup),
                    n(efac),
                    n(prr + dup + efac),
                    n(sent)
                ),
                PrrProblem::RetakenOverEfac { retaken, efac } => format!(
                    "total Efac direkam ulang {} akan melebihi total Efac {}",
                    n(retaken),
                    n(efac)
                ),
                PrrProblem::RetakenOverRecorded { retaken, recorded } => format!(
                    "Efac direkam ulang {} melebihi Rekam hari itu {} (rekam ulang dihitung \
                     sebagai rekam)",
                    n(retaken),
                    n(recorded)
                ),
                PrrProblem::Missing => "PRR, DUP dan Efac belum diisi; kantor ini mencatatnya \
                                        setiap hari (isi angkanya, atau beri awal PRR unit ini \
                                        mulai hari ini di Target & Tenggat, Awal PRR, `pantau \
                                        prr start`)"
                    .to_string(),
                PrrProblem::NoStart => "PRR, DUP dan Efac unit ini sampai hari ini belum \
                                        diketahui (saldo awalnya tanpa PRR): isi dulu awal PRR-nya \
                                        di Target & Tenggat, Awal PRR (`pantau prr start`)"
                    .to_string(),
            };
            if *on == at.date {
                format!("{at}: {what}")
            } else {
                format!("{at}: perubahan ini melanggarnya pada {on}: {what}")
            }
        }
        RuleViolation::StockShortfall {
            at,
            cause,
            shortfall,
            available_to_cause,
        } => match available_to_cause {
            Some(available) => format!(
                "{at}: {} melebihi stok blangko ({})",
                stock_cause(lang, cause),
                s(*available)
            ),
            None => {
                let what = match shortfall.kind {
                    ShortfallKind::Outflow => "blangko keluar",
                    ShortfallKind::Printing => "kartu dicetak",
                };
                match cause {
                    StockCause::Stored => format!(
                        "{at}: {what} {} melebihi stok blangko {}",
                        s(shortfall.needed),
                        s(shortfall.available.max(0))
                    ),
                    cause => format!(
                        "{at}: {} membuat blangko kurang pada {}: {what} {}, stok {}",
                        stock_cause(lang, cause),
                        shortfall.date,
                        s(shortfall.needed),
                        s(shortfall.available)
                    ),
                }
            }
        },
        RuleViolation::OutlierNeedsNote { at, outlier: o } => {
            format!(
                "{at}: {}; isi catatan yang menjelaskannya",
                outlier(lang, o)
            )
        }
        RuleViolation::BadText { at, field, problem } => {
            let field = match *field {
                "note" => "catatan",
                "document" => "dokumen",
                "from/to" => "dari/kepada",
                other => other,
            };
            format!(
                "{at}: {field} {}",
                super::import::text_problem(lang, problem)
            )
        }
        RuleViolation::UnknownUnit { name, known } => format!(
            "unit '{name}' tidak dikenal; unit yang ada: {}",
            known.join(", ")
        ),
        RuleViolation::InactiveUnit { at } => format!("{at}: unit nonaktif"),
        RuleViolation::DuplicateUnit { name } => format!("nama unit '{name}' sudah dipakai"),
        RuleViolation::BadUnitName { name, problem } => format!(
            "nama unit '{name}' {}",
            super::import::text_problem(lang, problem)
        ),
        RuleViolation::KecamatanPc { unit } => format!(
            "ini PC kecamatan {unit}: hanya menyimpan unitnya sendiri, dengan nama dari kabupaten; \
             unit ditambah dan diganti namanya di kabupaten"
        ),
        RuleViolation::EmptyUnitName => "unit perlu nama".to_string(),
        RuleViolation::EmptyOfficeName => "kantor perlu nama".to_string(),
        RuleViolation::BadSetting(problem) => setting_problem(lang, problem),
        RuleViolation::Invalid { at, problem } => format!("{at}: {}", invalid(lang, problem)),
    }
}

/// An outlier, without what to do about it: `Rekam 5.000 lebih dari 3× median …`.
pub fn outlier(lang: Lang, outlier: &Outlier) -> String {
    if lang == Lang::En {
        return outlier.to_string();
    }
    let field = field_name(lang, outlier.field);
    let value = super::fmt::count(lang, outlier.value);
    match &outlier.reason {
        OutlierReason::AboveMedian {
            median,
            factor,
            window_days,
        } => format!(
            "{field} {value} lebih dari {factor}× median {window_days} hari kerja terakhir ({})",
            super::fmt::count(lang, *median)
        ),
        OutlierReason::AboveMaximum { maximum } => format!(
            "{field} {value} di atas batas harian ({})",
            super::fmt::count(lang, *maximum)
        ),
    }
}

/// A store error in the chosen language.
pub fn store_error(lang: Lang, error: &StoreError) -> String {
    match (lang, error) {
        (_, StoreError::Rule(v)) => violation(lang, v),
        (_, StoreError::Refused { refusal, unit }) => {
            super::access::refusal(lang, refusal, unit.as_deref())
        }
        (_, StoreError::Login(e)) => super::access::login_error(lang, e),
        (_, StoreError::Account(p)) => super::access::account_problem(lang, p),
        (Lang::Id, StoreError::HubLink(crate::store::HubLinkProblem::KecamatanPc)) => {
            "ini database PC kecamatan; hanya kabupaten yang mengirim ke provinsi".to_string()
        }
        (Lang::Id, StoreError::Locked { path, .. }) => format!(
            "{} sedang dibuka untuk menulis oleh Pantau lain. Tutup di sana dulu.",
            path.display()
        ),
        (Lang::Id, StoreError::NewerVersion { path, found, .. }) => format!(
            "{} dibuat oleh Pantau yang lebih baru (skema versi {found}). Pasang Pantau e-KTP \
             terbaru untuk membukanya.",
            path.display()
        ),
        (Lang::Id, StoreError::NotPantau(path)) => {
            format!(
                "{} bukan database Pantau. Pilih berkas .pantau.",
                path.display()
            )
        }
        (Lang::Id, StoreError::Missing(path)) => {
            format!("Berkas {} tidak ditemukan.", path.display())
        }
        (Lang::Id, StoreError::Exists(path)) => {
            format!("{} sudah ada; pilih nama lain.", path.display())
        }
        // Words that fit wherever they are shown; the command line adds its own advice
        // (`cli_advice`).
        (Lang::En, StoreError::Missing(path)) => {
            format!("{}: no such database file.", path.display())
        }
        (Lang::En, StoreError::Exists(path)) => {
            format!(
                "{} already exists; choose another file name.",
                path.display()
            )
        }
        (Lang::Id, StoreError::BackupExists(path)) => format!(
            "{} sudah ada; pilih nama lain (cadangan tidak pernah menimpa berkas).",
            path.display()
        ),
        (Lang::Id, StoreError::IsFolder(path)) => format!(
            "{} adalah folder, bukan berkas database; pilih berkas .pantau di dalamnya.",
            path.display()
        ),
        (Lang::Id, StoreError::ReadOnlyFolder { path, folder }) => format!(
            "{} tidak dapat dibuka di sini: Pantau menyimpan berkas kunci dan jurnal di samping \
             berkasnya, dan folder {} hanya-baca. Salin berkasnya ke folder yang dapat ditulisi \
             (misalnya Dokumen), lalu buka salinannya.",
            path.display(),
            folder.display()
        ),
        (Lang::Id, StoreError::NeedsUpgrade { path, found, .. }) => format!(
            "{} dibuat oleh Pantau yang lebih lama (skema versi {found}); buka sekali dengan \
             aplikasinya agar diperbarui.",
            path.display()
        ),
        (Lang::Id, StoreError::Damaged { path, message }) => {
            format!("{} rusak: {message}", path.display())
        }
        (Lang::Id, StoreError::Io { path, source }) => {
            format!("{}: {}", path.display(), io_error_id(source))
        }
        (Lang::Id, StoreError::Sqlite(e)) => format!("galat database: {e}"),
        (
            _,
            StoreError::Corrupt {
                path,
                found,
                backups,
            },
        ) => {
            let list: Vec<String> = backups
                .iter()
                .take(5)
                .map(|(day, file)| {
                    format!(
                        "- {} ({})",
                        file.display(),
                        super::fmt::date_short(lang, *day)
                    )
                })
                .collect();
            let found = crate::domain::rules::quoted_up_to(found, 200);
            let head = match (lang, list.is_empty()) {
                (Lang::Id, false) => format!(
                    "{} rusak (pemeriksaan SQLite: {found}). Pulihkan dari cadangan (di aplikasi: Berkas › \
                     Pulihkan dari cadangan…; atau pantau restore); cadangan otomatis terbaru:",
                    path.display()
                ),
                (Lang::Id, true) => format!(
                    "{} rusak (pemeriksaan SQLite: {found}). Pulihkan dari cadangan (di aplikasi: Berkas › \
                     Pulihkan dari cadangan…; atau pantau restore); tidak ada cadangan otomatis di \
                     folder data Pantau.",
                    path.display()
                ),
                (Lang::En, false) => format!(
                    "{} is damaged (SQLite's check: {found}). Restore it from a backup (in the app: File › \
                     Restore from a backup…; or pantau restore); the newest automatic backups:",
                    path.display()
                ),
                (Lang::En, true) => format!(
                    "{} is damaged (SQLite's check: {found}). Restore it from a backup (in the app: File › \
                     Restore from a backup…; or pantau restore); there is no automatic backup in \
                     Pantau's data folder.",
                    path.display()
                ),
            };
            std::iter::once(head)
                .chain(list)
                .collect::<Vec<_>>()
                .join("\n")
        }
        (
            _,
            StoreError::BackupFailsChecks {
                path,
                integrity,
                rules,
            },
        ) => {
            let count = integrity.len() + rules.len();
            let shown = crate::io::import::SHOWN_PROBLEMS;
            let mut lines: Vec<String> = integrity
                .iter()
                .cloned()
                .chain(rules.iter().map(|v| violation(lang, v)))
                .take(shown)
                .map(|line| format!("- {line}"))
                .collect();
            if count > shown {
                lines.push(match lang {
                    Lang::Id => format!(
                        "… dan {} masalah lagi",
                        super::fmt::count(lang, (count - shown) as u64)
                    ),
                    Lang::En => format!(
                        "… and {} more problems",
                        super::fmt::count(lang, (count - shown) as u64)
                    ),
                });
            }
            let head = match lang {
                Lang::Id => format!(
                    "{} tidak dipulihkan: cadangan ini tidak lolos pemeriksaan yang sama dengan \
                     `pantau check` ({} masalah); database tetap seperti semula.",
                    path.display(),
                    super::fmt::count(lang, count as u64)
                ),
                Lang::En => format!(
                    "{} is not restored: the backup fails the checks of `pantau check` ({} \
                     problem(s)); the database stays as it was.",
                    path.display(),
                    super::fmt::count(lang, count as u64)
                ),
            };
            format!("{head}\n{}", lines.join("\n"))
        }
        // Every Indonesian message is worded above (the compiler holds us to it).
        (Lang::En, other) => other.to_string(),
    }
}

/// What the command line adds to a store's refusal: the command or option that goes on.
pub fn cli_advice(lang: Lang, error: &StoreError) -> Option<&'static str> {
    match (lang, error) {
        (Lang::Id, StoreError::Missing(_)) => Some(
            "Buat database dengan `pantau init --db BERKAS --office NAMA`, atau contohnya dengan \
             `pantau demo --db BERKAS`.",
        ),
        (Lang::En, StoreError::Missing(_)) => Some(
            "Create one with `pantau init --db FILE --office NAME`, or the illustrative one with \
             `pantau demo --db FILE`.",
        ),
        (Lang::Id, StoreError::Exists(_)) => Some("Tambahkan --force untuk menggantinya."),
        (Lang::En, StoreError::Exists(_)) => Some("Add --force to replace it."),
        _ => None,
    }
}

/// The operating system's reason, in Indonesian for the common ones.
fn io_error_id(error: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match error.kind() {
        NotFound => "berkas tidak ditemukan".to_string(),
        PermissionDenied => "tidak diizinkan (hak akses berkas atau foldernya)".to_string(),
        AlreadyExists => "sudah ada".to_string(),
        StorageFull => "disk penuh".to_string(),
        ReadOnlyFilesystem => "disk atau foldernya hanya-baca".to_string(),
        _ => error.to_string(),
    }
}

/// A setting outside its bounds, in Indonesian (English is the problem's own text).
fn setting_problem(lang: Lang, problem: &SettingProblem) -> String {
    let d = |v: f64| super::fmt::decimal(lang, v);
    match problem {
        SettingProblem::OutlierFactor(v) => {
            format!("faktor lonjakan {} harus antara 1 dan 100", d(*v))
        }
        SettingProblem::OutlierWindow(v) => {
            format!("jendela lonjakan {v} hari kerja harus antara 5 dan 250")
        }
        SettingProblem::ForecastWindow(v) => {
            format!("jendela perkiraan {v} hari kerja harus antara 5 dan 500")
        }
        SettingProblem::ForecastTrials(v) => {
            format!("{v} percobaan perkiraan: pakai antara 100 dan 100.000")
        }
        SettingProblem::CoverageBands { poor, good } => format!(
            "batas cakupan {} % dan {} % harus memenuhi 0 ≤ kurang ≤ baik ≤ 100",
            d(*poor),
            d(*good)
        ),
        SettingProblem::ReorderThreshold(v) => format!(
            "batas pemesanan {} lembar: pakai paling banyak 10.000.000",
            super::fmt::count(lang, *v)
        ),
        SettingProblem::LeadDays(v) => {
            format!("waktu pengiriman {v} hari kerja harus antara 1 dan 250")
        }
        SettingProblem::BufferDays(v) => {
            format!("{v} hari cetak dalam permintaan: pakai antara 0 dan 250")
        }
        SettingProblem::RoundTo(v) => format!(
            "pembulatan permintaan {}: pakai antara 1 dan 100.000",
            super::fmt::count(lang, *v)
        ),
        SettingProblem::LetterText { field, problem } => format!(
            "kop surat, {} {}",
            match *field {
                "government" => "pemerintah",
                "address" => "alamat",
                "city" => "kota",
                "head_title" => "jabatan",
                "head_name" => "nama kepala",
                _ => "NIP",
            },
            super::import::text_problem(lang, problem)
        ),
    }
}

/// What an entry does to the blank stock: `cetak 1.240`, `dipinjamkan 500`.
pub fn stock_cause(lang: Lang, cause: &StockCause) -> String {
    if lang == Lang::En {
        return cause.to_string();
    }
    let verb = |kind| match kind {
        StockEventKind::Receipt => "penerimaan",
        StockEventKind::Spoiled => "rusak",
        StockEventKind::Lent => "dipinjamkan",
        StockEventKind::Borrowed => "dipinjam",
        StockEventKind::ReturnedOut => "dikembalikan",
        StockEventKind::ReturnedIn => "pengembalian masuk",
        StockEventKind::Count => "stok opname",
    };
    let n = |x: u64| super::fmt::count(lang, x);
    match cause {
        StockCause::Printed(printed) => format!("cetak {}", n(*printed)),
        StockCause::Event { kind, quantity } => format!("{} {}", verb(*kind), n(*quantity)),
        StockCause::Deleting { kind, quantity } => {
            format!("menghapus {} {}", verb(*kind), n(*quantity))
        }
        StockCause::Stored => String::new(),
    }
}

/// A value no rule of its own covers, in Indonesian.
fn invalid(lang: Lang, problem: &Invalid) -> String {
    let d = |date| super::fmt::date_short(lang, date);
    match problem {
        Invalid::DeadlineTwice => "dua tenggat diputuskan pada hari yang sama".to_string(),
        Invalid::DecisionExists(deadline) => format!(
            "keputusan hari ini sudah menetapkan tenggat {}; keputusan itu tetap",
            d(*deadline)
        ),
        Invalid::NoSuchOutage(id) => format!("gangguan #{id} tidak ada"),
        Invalid::NotEmpty => "database ini sudah berisi unit; perlu database kosong".to_string(),
        Invalid::EnteredTwice => "unit dan tanggal yang sama dimasukkan dua kali".to_string(),
        Invalid::MissingStockEvent(index) => format!("mutasi blangko #{index} tidak ada"),
        Invalid::ZeroQuantity(kind) => format!(
            "jumlah {} harus lebih dari 0",
            stock_kind(lang, *kind).to_lowercase()
        ),
        Invalid::ZeroPlannedQuantity => {
            "jumlah pengiriman terjadwal harus lebih dari 0".to_string()
        }
        Invalid::ExpectedBeforeAnnounced(on) => format!(
            "pengiriman yang diumumkan {} tidak dapat diperkirakan tiba sebelumnya",
            d(*on)
        ),
        Invalid::DeadlineBeforeDecision(deadline) => format!(
            "tenggat {} jatuh sebelum keputusan yang menetapkannya",
            d(*deadline)
        ),
        Invalid::PeriodEndsBeforeStart(last) => {
            format!("periode berakhir ({}) sebelum dimulai", d(*last))
        }
        Invalid::OutageEndsBeforeStart(last) => {
            format!("gangguan berakhir ({}) sebelum dimulai", d(*last))
        }
        Invalid::SeasonFactor(factor) => format!(
            "faktor {} harus lebih dari 0 dan paling besar 5",
            super::fmt::decimal(lang, *factor)
        ),
        Invalid::NoSuchConflict(id) => format!("tidak ada konflik #{id} untuk diselesaikan"),
        Invalid::ConflictClosed(id) => format!("konflik #{id} sudah diselesaikan"),
        Invalid::BundleOutOfTurn { sequence, expected } => format!(
            "kiriman {sequence} bukan kiriman berikutnya dari PC ini (seharusnya {expected})"
        ),
        Invalid::PrrStartBeforeOpening(opening) => format!(
            "awal PRR harus pada atau sesudah saldo awal unit ({})",
            d(*opening)
        ),
    }
}

/// An import problem with where it is: `data.csv, baris 5, kolom Rekam: …`.
pub fn problem(lang: Lang, problem: &crate::io::import::Problem) -> String {
    let (sheet, row, column) = match lang {
        Lang::Id => ("lembar", "baris", "kolom"),
        Lang::En => ("sheet", "row", "column"),
    };
    let mut out = problem.file.clone();
    if let Some(name) = &problem.sheet {
        out.push_str(&format!(", {sheet} {name}"));
    }
    if let Some(n) = problem.row {
        out.push_str(&format!(", {row} {n}"));
    }
    if let Some(name) = &problem.column {
        out.push_str(&format!(", {column} {name}"));
    }
    // Names and cells from the file are shown, never obeyed: no control character reaches
    // the terminal or the screen.
    let text = format!("{out}: {}", super::import::issue(lang, &problem.issue));
    crate::domain::rules::shown(&text).into_owned()
}

/// A file that could not be written, in the chosen language; the writer's own words follow.
pub fn write_error(lang: Lang, error: &crate::io::WriteError) -> String {
    use crate::io::WriteError as W;
    if lang == Lang::En {
        return error.to_string();
    }
    let path = error.path().display();
    match error {
        W::Csv { source, .. } => format!("{path}: tidak dapat ditulis ({source})"),
        W::Workbook { source, .. } => format!("{path}: tidak dapat ditulis ({source})"),
        W::File { source, .. } => format!("{path}: tidak dapat ditulis ({source})"),
        W::Chart { message, .. } => format!("{path}: grafik tidak dapat digambar ({message})"),
        W::Pdf { message, .. } => format!("{path}: PDF tidak dapat dibuat ({message})"),
    }
}

/// `'31-02-2016' bukan tanggal (pakai TTTT-BB-HH atau HH/BB/TTTT)`.
pub fn not_a_date(lang: Lang, text: &str) -> String {
    match lang {
        Lang::Id => format!("'{text}' bukan tanggal (pakai TTTT-BB-HH atau HH/BB/TTTT)"),
        Lang::En => format!("'{text}' is not a date (use YYYY-MM-DD or DD/MM/YYYY)"),
    }
}

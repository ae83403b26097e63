//! The words of the exchange between kecamatan PCs and the district, in Indonesian and
//! English: refusals, what a send or a receipt did, and the headings of its tables.

use std::path::Path;

use super::Lang;
use super::fmt::{count, date_short};
use crate::exchange::bundle::BundleError;
use crate::exchange::rows::{RowIssue, RowProblem};
use crate::exchange::{ExchangeError, Receipt, Sent, SetUp};
use crate::store::Applied;
use crate::store::exchange::ConflictStatus;

fn p(path: &Path) -> String {
    path.display().to_string()
}

/// A file that cannot be read or written; a missing one in words.
fn io(lang: Lang, path: &Path, error: &std::io::Error) -> String {
    match (lang, error.kind()) {
        (Lang::Id, std::io::ErrorKind::NotFound) => format!("{}: berkas tidak ditemukan", p(path)),
        (Lang::En, std::io::ErrorKind::NotFound) => format!("{}: no such file", p(path)),
        _ => format!("{}: {error}", p(path)),
    }
}

/// Why a bundle is refused or a PC cannot be set up.
pub fn error(lang: Lang, error: &ExchangeError) -> String {
    use ExchangeError::*;
    let id = lang == Lang::Id;
    match error {
        Bundle(e) => bundle_error(lang, e),
        Store(e) => super::store_error(lang, e),
        Rows { path, problem } => format!("{}: {}", p(path), row_problem(lang, problem)),
        NotSetUp if id => "database ini belum disiapkan untuk bertukar kiriman; PC kecamatan \
                           disiapkan di kabupaten dengan `pantau exchange setup`"
            .into(),
        NotSetUp => "this database is not set up to exchange bundles; a kecamatan PC is set up \
                     at the district with `pantau exchange setup`"
            .into(),
        NotDistrict if id => {
            "ini database PC kecamatan; hanya kabupaten yang menyiapkan PC kecamatan".into()
        }
        NotDistrict => "this is a kecamatan PC's database; only the district sets up PCs".into(),
        NotKecamatan { unit } if id => format!("{unit} adalah kantor kabupaten, bukan kecamatan"),
        NotKecamatan { unit } => format!("{unit} is the district office itself, not a kecamatan"),
        Exists { path } if id => format!(
            "{} sudah ada; pilih nama berkas lain (database PC tidak pernah ditimpa)",
            p(path)
        ),
        Exists { path } => format!(
            "{} already exists; choose another file name (a PC's database is never written over)",
            p(path)
        ),
        UnitNeeded if id => "untuk kecamatan mana? sebutkan --unit".into(),
        UnitNeeded => "which kecamatan? give --unit".into(),
        NoPeer { unit } if id => format!(
            "belum ada PC yang disiapkan untuk {unit}; siapkan dengan `pantau exchange setup`"
        ),
        NoPeer { unit } => {
            format!("no PC is set up for {unit}; set one up with `pantau exchange setup`")
        }
        ForeignOffice { path, office, ours } if id => format!(
            "{}: kiriman ini untuk kantor \"{office}\", database ini milik \"{ours}\"; tidak \
             diterima",
            p(path)
        ),
        ForeignOffice { path, office, ours } => format!(
            "{}: the bundle is for the office \"{office}\", this database is \"{ours}\"; refused",
            p(path)
        ),
        UnknownSender { path, unit } if id => format!(
            "{}: ditandatangani oleh PC yang tidak pernah disiapkan database ini (mengaku dari \
             {unit}); tidak diterima",
            p(path)
        ),
        UnknownSender { path, unit } => format!(
            "{}: signed by a PC this database never set up (it says it is {unit}); refused",
            p(path)
        ),
        KeyReplaced { path, unit } if id => format!(
            "{}: PC {unit} sudah disiapkan ulang; kiriman dari PC lama tidak diterima",
            p(path)
        ),
        KeyReplaced { path, unit } => format!(
            "{}: the PC of {unit} was set up again since; bundles of the old PC are refused",
            p(path)
        ),
        WrongUnit {
            path,
            unit,
            key_unit,
        } if id => format!(
            "{}: mengaku untuk {unit}, tetapi ditandatangani oleh PC {key_unit}; tidak diterima",
            p(path)
        ),
        WrongUnit {
            path,
            unit,
            key_unit,
        } => format!(
            "{}: says it is for {unit}, but is signed by the PC of {key_unit}; refused",
            p(path)
        ),
        Fork {
            path,
            unit,
            sequence,
        } if id => format!(
            "{}: kiriman {unit} nomor {sequence} berbeda dari kiriman nomor {sequence} yang sudah \
             diterima; tidak diterima",
            p(path)
        ),
        Fork {
            path,
            unit,
            sequence,
        } => format!(
            "{}: {unit}'s bundle {sequence} differs from the bundle {sequence} already received; \
             refused",
            p(path)
        ),
        BrokenChain {
            path,
            unit,
            sequence,
        } if id => format!(
            "{}: kiriman {unit} nomor {sequence} tidak menyambung kiriman sebelumnya; tidak \
             diterima",
            p(path)
        ),
        BrokenChain {
            path,
            unit,
            sequence,
        } => format!(
            "{}: {unit}'s bundle {sequence} does not follow the bundle before it; refused",
            p(path)
        ),
        Refused { path, source } if id => format!(
            "{}: tidak diterima, tidak ada yang ditulis: {}",
            p(path),
            super::store_error(lang, source)
        ),
        Refused { path, source } => format!(
            "{}: refused, nothing written: {}",
            p(path),
            super::store_error(lang, source)
        ),
        Io { path, source } => io(lang, path, source),
        Key(e) if id => format!("tidak ada sumber acak untuk kunci baru: {e}"),
        Key(e) => format!("no random source for a new key: {e}"),
    }
}

/// Why a file is not a bundle that can be used.
pub fn bundle_error(lang: Lang, error: &BundleError) -> String {
    use BundleError::*;
    let id = lang == Lang::Id;
    let max = count(lang, crate::exchange::bundle::MAX_BYTES >> 20);
    match error {
        Io { path, source } => io(lang, path, source),
        NotABundle { path, reason } if id => {
            format!(
                "{}: bukan kiriman Pantau ({reason}); tidak diterima",
                p(path)
            )
        }
        NotABundle { path, reason } => {
            format!("{}: not a Pantau bundle ({reason}); refused", p(path))
        }
        TooLarge { path } if id => format!(
            "{}: lebih besar daripada kiriman mana pun (paling banyak {} berkas, {max} MiB); tidak \
             diterima",
            p(path),
            crate::exchange::bundle::MAX_FILES
        ),
        TooLarge { path } => format!(
            "{}: larger than a bundle can be (at most {} files, {max} MiB); refused",
            p(path),
            crate::exchange::bundle::MAX_FILES
        ),
        Damaged { path, file } if id => format!(
            "{}: {file} rusak (isinya tidak sama dengan yang tercatat dan ditandatangani); tidak \
             diterima, minta kirim ulang",
            p(path)
        ),
        Damaged { path, file } => format!(
            "{}: {file} is damaged (its content does not match what was signed); refused, ask \
             for it again",
            p(path)
        ),
        Missing { path, file } if id => {
            format!("{}: {file} tidak ada di dalamnya; tidak diterima", p(path))
        }
        Missing { path, file } => format!("{}: {file} is missing; refused", p(path)),
        Unlisted { path, file } if id => format!(
            "{}: {file} tidak tercatat dalam manifest (disisipkan?); tidak diterima",
            p(path)
        ),
        Unlisted { path, file } => format!(
            "{}: {file} is not listed in the manifest (added later?); refused",
            p(path)
        ),
        UnknownFormat {
            path,
            format,
            version,
        } if id => format!(
            "{}: format {format} versi {version} tidak dikenal Pantau ini; tidak diterima",
            p(path)
        ),
        UnknownFormat {
            path,
            format,
            version,
        } => format!(
            "{}: format {format} version {version} is not one this Pantau reads; refused",
            p(path)
        ),
        NewerSchema {
            path,
            found,
            supported,
        } if id => format!(
            "{}: dibuat Pantau yang lebih baru (skema {found}; Pantau ini sampai {supported}); \
             pasang Pantau e-KTP yang lebih baru untuk menerimanya",
            p(path)
        ),
        NewerSchema {
            path,
            found,
            supported,
        } => format!(
            "{}: written by a newer Pantau (schema {found}; this one reads up to {supported}); \
             install the newer Pantau e-KTP to receive it",
            p(path)
        ),
        BadSignature { path, .. } if id => format!(
            "{}: tanda tangan tidak sah untuk kunci PC yang terdaftar; isinya diubah atau bukan \
             dari PC itu; tidak diterima",
            p(path)
        ),
        BadSignature { path, .. } => format!(
            "{}: the signature is not valid for the registered PC's key; the content was changed \
             or it is not from that PC; refused",
            p(path)
        ),
    }
}

/// A value in a bundle's file that cannot be read: file, row, column and what.
pub fn row_problem(lang: Lang, problem: &RowProblem) -> String {
    let id = lang == Lang::Id;
    let issue = match (&problem.issue, id) {
        (RowIssue::NotCsv(e), true) => format!("bukan CSV: {e}"),
        (RowIssue::MissingColumn, true) => "kolom ini tidak ada".into(),
        (RowIssue::ShortRow, true) => "baris berakhir sebelum kolom ini".into(),
        (RowIssue::NotADate(t), true) => format!("\"{t}\" bukan tanggal"),
        (RowIssue::NotACount(t), true) => format!("\"{t}\" bukan bilangan bulat 0 atau lebih"),
        (RowIssue::NotAFlag(t), true) => format!("\"{t}\" bukan 0 atau 1"),
        (RowIssue::OtherUnit { found, expected }, true) => {
            format!("\"{found}\" bukan unit kiriman ini ({expected})")
        }
        (RowIssue::RevisionMismatch, true) => "tidak sesuai dengan nilai baris ini".into(),
        (RowIssue::Twice(date), true) => format!("{} muncul dua kali", date_short(lang, *date)),
        (RowIssue::TwoOpenings, true) => "satu unit hanya punya satu saldo awal".into(),
        (RowIssue::HolidayKind(t), true) => format!("\"{t}\" bukan libur atau cuti_bersama"),
        (RowIssue::ConflictStatus(t), true) => format!("\"{t}\" bukan status konflik"),
        (RowIssue::NotAReport(e), true) => format!("bukan laporan: {e}"),
        (RowIssue::OutageCause(t), true) => format!("\"{t}\" bukan penyebab gangguan"),
        (issue, false) => issue.to_string(),
    };
    let (row, column) = if id {
        ("baris", "kolom")
    } else {
        ("row", "column")
    };
    if problem.column.is_empty() {
        format!("{}, {row} {}: {issue}", problem.file, problem.row)
    } else {
        format!(
            "{}, {row} {}, {column} {}: {issue}",
            problem.file, problem.row, problem.column
        )
    }
}

/// A kecamatan PC's database made.
pub fn set_up(lang: Lang, done: &SetUp) -> String {
    let path = p(&done.path);
    let key = &done.public_key[..16];
    match lang {
        Lang::Id => format!(
            "{path}: database PC kecamatan {} dibuat ({} laporan harian, kunci {key}…){}. Bawa \
             berkas ini ke PC kecamatan dan buka dengan Pantau; kirimannya hanya diterima dari \
             PC itu.",
            done.unit,
            count(lang, done.reports as u64),
            if done.replaced {
                "; PC lama unit ini tidak dipercaya lagi"
            } else {
                ""
            }
        ),
        Lang::En => format!(
            "{path}: database of the {} kecamatan PC made ({} daily reports, key {key}…){}. Take \
             this file to the kecamatan PC and open it with Pantau; bundles are accepted only \
             from that PC.",
            done.unit,
            count(lang, done.reports as u64),
            if done.replaced {
                "; the unit's old PC is no longer trusted"
            } else {
                ""
            }
        ),
    }
}

/// What a send did.
pub fn sent(lang: Lang, sent: &Sent) -> String {
    match (sent, lang) {
        (Sent::Nothing { unit }, Lang::Id) => format!(
            "{unit}: tidak ada yang baru sejak kiriman terakhir; tidak ada berkas yang ditulis"
        ),
        (Sent::Nothing { unit }, Lang::En) => {
            format!("{unit}: nothing new since the last bundle; no file written")
        }
        (
            Sent::Written {
                path,
                unit,
                sequence,
                reports,
                outages,
                lists,
                acks,
                conflicts,
                bytes,
            },
            lang,
        ) => {
            let n = |v: &usize| count(lang, *v as u64);
            let id = lang == Lang::Id;
            let mut parts = vec![if id {
                format!("{} laporan", n(reports))
            } else {
                format!("{} report(s)", n(reports))
            }];
            for (value, id_word, en_word) in [
                (outages, "gangguan", "outage(s)"),
                (lists, "daftar acuan", "reference list(s)"),
                (acks, "konfirmasi kiriman", "acknowledgement(s)"),
                (conflicts, "kabar konflik", "conflict update(s)"),
            ] {
                if *value > 0 {
                    parts.push(format!(
                        "{} {}",
                        n(value),
                        if id { id_word } else { en_word }
                    ));
                }
            }
            if id {
                format!(
                    "{}: kiriman {unit} nomor {sequence}: {}; {} byte. Kirim berkas ini lewat \
                     USB, surel atau aplikasi pesan.",
                    p(path),
                    parts.join(", "),
                    n(bytes)
                )
            } else {
                format!(
                    "{}: {unit}'s bundle {sequence}: {}; {} bytes. Send this file by USB stick, \
                     e-mail or a chat app.",
                    p(path),
                    parts.join(", "),
                    n(bytes)
                )
            }
        }
    }
}

/// Bundles written again because the other side never confirmed them.
pub fn resent(lang: Lang, written: usize, dir: &Path) -> String {
    match lang {
        Lang::Id if written == 0 => "semua kiriman sudah dikonfirmasi; tidak ada yang ditulis \
                                     ulang"
            .into(),
        Lang::En if written == 0 => "every bundle is confirmed; nothing written again".into(),
        Lang::Id => format!(
            "{} kiriman yang belum dikonfirmasi ditulis ulang ke {}",
            count(lang, written as u64),
            p(dir)
        ),
        Lang::En => format!(
            "{} unconfirmed bundle(s) written again into {}",
            count(lang, written as u64),
            p(dir)
        ),
    }
}

fn applied(lang: Lang, a: &Applied) -> String {
    let n = |v: usize| count(lang, v as u64);
    let mut parts = Vec::new();
    let id = lang == Lang::Id;
    let mut push = |value: usize, id_word: &str, en_word: &str| {
        if value > 0 {
            parts.push(format!(
                "{} {}",
                n(value),
                if id { id_word } else { en_word }
            ));
        }
    };
    push(a.new, "laporan baru", "new report(s)");
    push(a.updated, "diubah", "changed");
    push(a.deleted, "dihapus", "deleted");
    push(a.same, "sudah sama", "already the same");
    push(
        a.conflicts,
        "konflik menunggu keputusan",
        "conflict(s) waiting for a decision",
    );
    push(
        a.kept_here,
        "diubah di sini juga (kabupaten yang memutuskan)",
        "changed here too (the district decides)",
    );
    push(
        a.confirmed,
        "kiriman kita dikonfirmasi",
        "of our bundles confirmed",
    );
    push(
        a.unexplained,
        "pencilan tanpa catatan ditandai",
        "outlier(s) without a note flagged",
    );
    push(
        a.lists,
        "daftar acuan diperbarui",
        "reference list(s) updated",
    );
    if parts.is_empty() {
        if id {
            "tidak ada perubahan".into()
        } else {
            "no change".into()
        }
    } else {
        parts.join(", ")
    }
}

/// What receiving one file did.
pub fn receipt(lang: Lang, path: &Path, receipt: &Receipt) -> String {
    let id = lang == Lang::Id;
    match receipt {
        Receipt::Applied {
            unit,
            sequence,
            applied: a,
            then,
            stuck,
        } => {
            let mut out = if id {
                format!(
                    "{}: kiriman {unit} nomor {sequence} diterapkan: {}",
                    p(path),
                    applied(lang, a)
                )
            } else {
                format!(
                    "{}: {unit}'s bundle {sequence} applied: {}",
                    p(path),
                    applied(lang, a)
                )
            };
            for (sequence, a) in then {
                out.push_str(&if id {
                    format!(
                        "\n  lalu kiriman nomor {sequence} yang tertahan: {}",
                        applied(lang, a)
                    )
                } else {
                    format!("\n  then held bundle {sequence}: {}", applied(lang, a))
                });
            }
            if let Some((sequence, why)) = stuck {
                let why = error(lang, why);
                out.push_str(&if id {
                    format!("\n  kiriman nomor {sequence} tetap tertahan: {why}")
                } else {
                    format!("\n  bundle {sequence} stays held: {why}")
                });
            }
            out
        }
        Receipt::Again { unit, sequence, .. } if id => format!(
            "{}: kiriman {unit} nomor {sequence} sudah pernah diterima; tidak ada yang berubah",
            p(path)
        ),
        Receipt::Again { unit, sequence, .. } => format!(
            "{}: {unit}'s bundle {sequence} was received before; nothing changed",
            p(path)
        ),
        Receipt::Held {
            unit,
            sequence,
            waiting_for,
        } if id => format!(
            "{}: kiriman {unit} nomor {sequence} disimpan dulu: kiriman nomor {waiting_for} belum \
             diterima (minta dikirim ulang); diterapkan begitu nomor {waiting_for} tiba",
            p(path)
        ),
        Receipt::Held {
            unit,
            sequence,
            waiting_for,
        } => format!(
            "{}: {unit}'s bundle {sequence} held: bundle {waiting_for} has not arrived (ask for \
             it again); applied as soon as {waiting_for} comes",
            p(path)
        ),
    }
}

/// A conflict's state in words.
pub fn conflict_status(lang: Lang, status: ConflictStatus) -> &'static str {
    match (lang, status) {
        (Lang::Id, ConflictStatus::Open) => "menunggu keputusan",
        (Lang::Id, ConflictStatus::KeptSent) => "dipakai kiriman",
        (Lang::Id, ConflictStatus::KeptOurs) => "dipakai milik kabupaten",
        (Lang::Id, ConflictStatus::Superseded) => "digantikan kiriman berikutnya",
        (Lang::En, ConflictStatus::Open) => "waiting for a decision",
        (Lang::En, ConflictStatus::KeptSent) => "kept the sent report",
        (Lang::En, ConflictStatus::KeptOurs) => "kept ours",
        (Lang::En, ConflictStatus::Superseded) => "superseded by a later bundle",
    }
}

/// Headings of `pantau exchange conflicts`.
pub fn conflict_headers(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Id => &[
            "No",
            "Unit",
            "Tanggal",
            "Kiriman",
            "Dikirim",
            "Milik kita",
            "Status",
        ],
        Lang::En => &["No", "Unit", "Date", "Bundle", "Sent", "Ours", "Status"],
    }
}

/// Headings of `pantau exchange status`.
pub fn status_headers(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Id => &[
            "Unit",
            "Kiriman terakhir",
            "Diterima",
            "Hari terakhir",
            "Tertinggal",
            "Tertahan",
            "Konflik",
            "Terkirim / dikonfirmasi",
        ],
        Lang::En => &[
            "Unit",
            "Last bundle",
            "Received",
            "Last day",
            "Days behind",
            "Held",
            "Conflicts",
            "Sent / confirmed",
        ],
    }
}

/// A report in a conflict, short: `Rekam 31, kirim 26, cetak 20 — catatan`.
pub fn report_brief(lang: Lang, report: Option<&crate::domain::DailyReport>) -> String {
    let Some(r) = report else {
        return match lang {
            Lang::Id => "(dihapus)".into(),
            Lang::En => "(deleted)".into(),
        };
    };
    let c = &r.counts;
    let n = |v| count(lang, v);
    let (rec, sent, printed) = match lang {
        Lang::Id => ("rekam", "kirim", "cetak"),
        Lang::En => ("recorded", "sent", "printed"),
    };
    let mut out = format!(
        "{rec} {}, {sent} {}, {printed} {}",
        n(c.recorded),
        n(c.sent_to_central),
        n(c.printed)
    );
    if !r.note.is_empty() {
        out.push_str(&format!(" — {}", r.note));
    }
    out
}

/// A conflict decided.
pub fn resolved(
    lang: Lang,
    id: i64,
    unit: &str,
    date: chrono::NaiveDate,
    kept_sent: bool,
) -> String {
    let d = date_short(lang, date);
    match (lang, kept_sent) {
        (Lang::Id, true) => format!(
            "konflik #{id} ({unit}, {d}): laporan kiriman dipakai; kecamatan diberi tahu pada \
             kiriman berikutnya"
        ),
        (Lang::Id, false) => format!(
            "konflik #{id} ({unit}, {d}): laporan kabupaten dipertahankan; dikirim ke kecamatan \
             pada kiriman berikutnya"
        ),
        (Lang::En, true) => format!(
            "conflict #{id} ({unit}, {d}): the sent report is kept; the kecamatan hears of it \
             in the next bundle"
        ),
        (Lang::En, false) => format!(
            "conflict #{id} ({unit}, {d}): ours is kept; it goes to the kecamatan in the next \
             bundle"
        ),
    }
}

/// The words of the exchange screen ("Kiriman").
pub struct ScreenWords {
    pub heading_district: &'static str,
    pub heading_kecamatan: &'static str,
    pub intro_district: &'static str,
    pub intro_none: &'static str,
    pub intro_kecamatan: &'static str,
    pub receive: &'static str,
    pub send_to_district: &'static str,
    pub receive_answer: &'static str,
    pub send_answer: &'static str,
    pub resend: &'static str,
    pub resend_hint: &'static str,
    pub set_up: &'static str,
    pub open_folder: &'static str,
    pub no_pc: &'static str,
    pub pcs_heading: &'static str,
    pub columns: [&'static str; 7],
    pub conflicts_heading: &'static str,
    pub conflicts_none: &'static str,
    pub conflict_columns: [&'static str; 4],
    pub keep_sent: &'static str,
    pub keep_ours: &'static str,
    pub sent_heading: &'static str,
    pub sent_columns: [&'static str; 4],
    pub not_yet: &'static str,
    pub nothing_sent: &'static str,
    pub results_heading: &'static str,
    pub remote_heading: &'static str,
    pub set_up_hint: &'static str,
    pub only_own_unit: &'static str,
}

pub const SCREEN_ID: ScreenWords = ScreenWords {
    heading_district: "Kiriman dari PC kecamatan",
    heading_kecamatan: "Kirim ke kabupaten",
    intro_district: "Setiap PC kecamatan mengirim harinya sebagai berkas .pantau-kirim (lewat USB, \
                     surel atau aplikasi pesan). Terima berkas itu di sini: kiriman yang sama dua \
                     kali, terlambat atau tidak berurutan tidak merusak apa pun.",
    intro_none: "Belum ada PC kecamatan yang disiapkan. Siapkan satu per kecamatan di tabel ini \
                 atau di layar Unit; bawa berkasnya ke PC kecamatan.",
    intro_kecamatan: "PC ini mengisi laporan kecamatannya dan mengirimnya ke kabupaten sebagai \
                      berkas .pantau-kirim, lewat USB, surel atau aplikasi pesan.",
    receive: "Terima kiriman…",
    send_to_district: "Kirim ke kabupaten…",
    receive_answer: "Terima balasan kabupaten…",
    send_answer: "Kirim balasan…",
    resend: "Kirim ulang…",
    resend_hint: "Tulis lagi setiap kiriman yang belum dikonfirmasi (hilang di jalan?); \
                  kiriman yang diterima dua kali tidak mengubah apa pun",
    set_up: "Siapkan PC kecamatan…",
    open_folder: "Buka folder",
    no_pc: "belum ada PC",
    pcs_heading: "Per kecamatan",
    columns: [
        "Kecamatan",
        "Kiriman terakhir",
        "Hari terakhir dilaporkan",
        "Tertinggal",
        "Tertahan",
        "Konflik",
        "Balasan dikonfirmasi",
    ],
    conflicts_heading: "Konflik: laporan yang diubah di kecamatan dan di kabupaten",
    conflicts_none: "Tidak ada konflik yang menunggu keputusan.",
    conflict_columns: [
        "Kecamatan, tanggal",
        "Dikirim kecamatan",
        "Milik kabupaten",
        "",
    ],
    keep_sent: "Pakai kiriman kecamatan",
    keep_ours: "Pakai milik kabupaten",
    sent_heading: "Kiriman PC ini",
    sent_columns: ["No.", "Dibuat", "Laporan", "Dikonfirmasi kabupaten"],
    not_yet: "belum",
    nothing_sent: "Belum ada kiriman.",
    results_heading: "Hasil terakhir",
    remote_heading: "Laporan yang diubah di sini dan di kabupaten",
    set_up_hint: "Membuat database PC kecamatan dengan kunci tanda tangannya sendiri",
    only_own_unit: "PC kecamatan ini hanya menyimpan unitnya sendiri; unit ditambah di kabupaten.",
};

pub const SCREEN_EN: ScreenWords = ScreenWords {
    heading_district: "Bundles from kecamatan PCs",
    heading_kecamatan: "Send to the district",
    intro_district: "Each kecamatan PC sends its days as a .pantau-kirim file (by USB stick, \
                     e-mail or a chat app). Receive those files here: a bundle received twice, \
                     late or out of order does no harm.",
    intro_none: "No kecamatan PC is set up yet. Set one up per kecamatan in this table or on the \
                 Units screen, and take its file to the kecamatan PC.",
    intro_kecamatan: "This PC enters its kecamatan's reports and sends them to the district as \
                      .pantau-kirim files, by USB stick, e-mail or a chat app.",
    receive: "Receive bundles…",
    send_to_district: "Send to the district…",
    receive_answer: "Receive the district's answer…",
    send_answer: "Send answer…",
    resend: "Send again…",
    resend_hint: "Write again every bundle not yet confirmed (lost on the way?); a bundle \
                  received twice changes nothing",
    set_up: "Set up a kecamatan PC…",
    open_folder: "Open folder",
    no_pc: "no PC yet",
    pcs_heading: "Per kecamatan",
    columns: [
        "Kecamatan",
        "Last bundle",
        "Last day reported",
        "Days behind",
        "Held",
        "Conflicts",
        "Answers confirmed",
    ],
    conflicts_heading: "Conflicts: reports changed at the kecamatan and at the district",
    conflicts_none: "No conflict waits for a decision.",
    conflict_columns: ["Kecamatan, date", "Sent by the kecamatan", "Ours", ""],
    keep_sent: "Keep the kecamatan's",
    keep_ours: "Keep ours",
    sent_heading: "This PC's bundles",
    sent_columns: ["No.", "Written", "Reports", "Confirmed by the district"],
    not_yet: "not yet",
    nothing_sent: "Nothing sent yet.",
    results_heading: "Last results",
    remote_heading: "Reports changed here and at the district",
    set_up_hint: "Makes the kecamatan PC's database with its own signing key",
    only_own_unit: "This kecamatan PC keeps only its own unit; units are added at the district.",
};

pub fn screen(lang: Lang) -> &'static ScreenWords {
    match lang {
        Lang::Id => &SCREEN_ID,
        Lang::En => &SCREEN_EN,
    }
}

/// "2026-11-29 10:15": a moment of the exchange log, to the minute.
pub fn when(at: &str) -> String {
    at.chars().take(16).collect::<String>().replace('T', " ")
}

/// "12 (2026-11-29 10:15)": a bundle's number and when it was applied.
pub fn last_bundle(sequence: u64, at: Option<&str>) -> String {
    match at {
        Some(at) => format!("{sequence} ({})", when(at)),
        None => sequence.to_string(),
    }
}

/// "5, 6 — menunggu nomor 4": held bundles and the one they wait for.
pub fn held(lang: Lang, held: &[u64], waiting_for: Option<u64>) -> String {
    let list = held
        .iter()
        .map(u64::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    match (waiting_for, lang) {
        (None, _) => String::new(),
        (Some(n), Lang::Id) => format!("{list} — menunggu nomor {n}"),
        (Some(n), Lang::En) => format!("{list} — waiting for {n}"),
    }
}

/// "3 hari kerja"
pub fn days_behind(lang: Lang, days: usize) -> String {
    match lang {
        Lang::Id => format!("{} hari kerja", count(lang, days as u64)),
        Lang::En => format!("{} working day(s)", count(lang, days as u64)),
    }
}

/// A bundle written, for the status line.
pub fn written(lang: Lang, path: &Path) -> String {
    match lang {
        Lang::Id => format!("Kiriman ditulis: {}", p(path)),
        Lang::En => format!("Bundle written: {}", p(path)),
    }
}

/// "2 dari 3": answers confirmed of those sent.
pub fn confirmed_of(lang: Lang, confirmed: usize, sent: usize) -> String {
    match lang {
        Lang::Id => format!("{confirmed} dari {sent}"),
        Lang::En => format!("{confirmed} of {sent}"),
    }
}

/// At a kecamatan PC: a report changed here and at the district, and where it stands.
pub fn remote_conflict(
    lang: Lang,
    date: chrono::NaiveDate,
    sent: Option<&crate::domain::DailyReport>,
    district: Option<&crate::domain::DailyReport>,
    status: ConflictStatus,
) -> String {
    let d = date_short(lang, date);
    let (ours, theirs) = (report_brief(lang, sent), report_brief(lang, district));
    match (lang, status) {
        (Lang::Id, ConflictStatus::Open) => format!(
            "{d}: kiriman kita ({ours}) berbeda dari kabupaten ({theirs}); menunggu keputusan \
             kabupaten"
        ),
        (Lang::En, ConflictStatus::Open) => format!(
            "{d}: ours ({ours}) differs from the district's ({theirs}); waiting for the \
             district to decide"
        ),
        (Lang::Id, ConflictStatus::KeptSent) => {
            format!("{d}: kabupaten memakai kiriman kita ({ours})")
        }
        (Lang::En, ConflictStatus::KeptSent) => format!("{d}: the district kept ours ({ours})"),
        (Lang::Id, ConflictStatus::KeptOurs) => {
            format!("{d}: kabupaten mempertahankan miliknya ({theirs})")
        }
        (Lang::En, ConflictStatus::KeptOurs) => {
            format!("{d}: the district kept its own ({theirs})")
        }
        (Lang::Id, ConflictStatus::Superseded) => {
            format!("{d}: digantikan kiriman kita yang berikutnya")
        }
        (Lang::En, ConflictStatus::Superseded) => format!("{d}: superseded by our later bundle"),
    }
}

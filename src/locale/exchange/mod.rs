//! The words of the exchange between kecamatan PCs and the district, in Indonesian and
//! English: refusals, what a send or a receipt did, and the headings of its tables.

use std::path::Path;

use super::Lang;
use super::fmt::{count, date_short};
use crate::exchange::ExchangeError;
use crate::exchange::bundle::{BundleError, NotABundle as Why};
use crate::exchange::rows::{RowIssue, RowProblem};

pub(super) fn p(path: &Path) -> String {
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
        NotLinked if id => {
            "kabupaten ini belum terdaftar di hub provinsi; provinsi mendaftarkannya \
                            dengan `pantau hub register`"
                .into()
        }
        NotLinked => "this district is not registered with its province's hub; the province \
                      registers it with `pantau hub register`"
            .into(),
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
        ForAnotherPc { path, meant, this } if id => format!(
            "{}: balasan kabupaten ini untuk PC {meant}, bukan untuk PC ini ({this}); bawa ke PC \
             {meant}. Tidak ada yang diterima",
            p(path)
        ),
        ForAnotherPc { path, meant, this } => format!(
            "{}: this answer of the district is for the {meant} PC, not for this one ({this}); \
             take it to the {meant} PC. Nothing was received",
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
        NoBundles { folder } if id => format!(
            "{}: tidak ada kiriman (berkas .{}) di folder ini",
            p(folder),
            crate::exchange::bundle::EXTENSION
        ),
        NoBundles { folder } => format!(
            "{}: no bundle (.{} file) in this folder",
            p(folder),
            crate::exchange::bundle::EXTENSION
        ),
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
            let why = match reason {
                Why::NotAZip(_) => "bukan berkas zip".to_string(),
                Why::Twice(name) => format!("{name} ada dua kali di dalamnya"),
                Why::Foreign(name) => format!(
                    "berisi '{}', yang bukan salah satu berkas formatnya",
                    crate::domain::rules::quoted(name)
                ),
                Why::Manifest(_) => "manifest.json-nya tidak terbaca".to_string(),
            };
            format!("{}: bukan kiriman Pantau ({why}); tidak diterima", p(path))
        }
        NotABundle { path, reason } => {
            let why = match reason {
                Why::NotAZip(_) => "not a zip file".to_string(),
                other => other.to_string(),
            };
            format!("{}: not a Pantau bundle ({why}); refused", p(path))
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
        (RowIssue::MissingCell, true) => {
            "kosong, padahal sel PRR, DUP dan Efac lain di baris ini terisi".into()
        }
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
        (RowIssue::NotANumber(t), true) => format!("\"{t}\" bukan bilangan"),
        (RowIssue::StockKind(t), true) => format!("\"{t}\" bukan jenis mutasi blangko"),
        (RowIssue::UnitKind(t), true) => format!("\"{t}\" bukan kecamatan atau district"),
        (RowIssue::UnknownUnitKey(k), true) => {
            format!("unit {k} tidak ada dalam daftar unit kiriman ini")
        }
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

mod said;
mod screen;

pub use said::*;
pub use screen::*;

//! The words of the exchange screen ("Kiriman").

use std::path::Path;

use super::super::Lang;
use super::super::fmt::{count, date_short};
use super::p;
use super::said::report_brief;
use crate::store::exchange::ConflictStatus;

/// The words of the exchange screen ("Kiriman").
pub struct ScreenWords {
    pub heading_district: &'static str,
    pub heading_kecamatan: &'static str,
    pub intro_district: &'static str,
    pub intro_none: &'static str,
    pub intro_kecamatan: &'static str,
    pub receive: &'static str,
    /// Every bundle in a folder (a USB stick, a shared folder).
    pub receive_folder: &'static str,
    pub receive_folder_hint: &'static str,
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
    receive_folder: "Terima satu folder…",
    receive_folder_hint: "Terima setiap berkas .pantau-kirim di folder itu (flashdisk, folder \
                          bersama), urut menurut namanya; kiriman yang sudah diterima tidak \
                          mengubah apa pun",
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
    receive_folder: "Receive a folder…",
    receive_folder_hint: "Receive every .pantau-kirim file in that folder (a USB stick, a \
                          shared folder), in the order of their names; a bundle received \
                          before changes nothing",
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

/// "29 Nov 2026 10.15" (English "29 Nov 2026 10:15"): a moment of the exchange log, to the
/// minute, in this PC's time zone and as the office writes dates and times. A stored moment
/// that is not one is shown as it is, to the minute.
pub fn when(lang: Lang, at: &str) -> String {
    let Ok(moment) = chrono::DateTime::parse_from_rfc3339(at.trim()) else {
        return at.chars().take(16).collect::<String>().replace('T', " ");
    };
    let local = moment.with_timezone(&chrono::Local);
    let time = match lang {
        Lang::Id => local.format("%H.%M"),
        Lang::En => local.format("%H:%M"),
    };
    format!("{} {time}", date_short(lang, local.date_naive()))
}

/// "12 (29 Nov 2026 10.15)": a bundle's number and when it was applied.
pub fn last_bundle(lang: Lang, sequence: u64, at: Option<&str>) -> String {
    match at {
        Some(at) => format!("{sequence} ({})", when(lang, at)),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_moment_of_the_log_reads_as_the_office_writes_it_in_this_pcs_time() {
        let at = "2026-11-29T03:15:42+00:00";
        let local = chrono::DateTime::parse_from_rfc3339(at)
            .unwrap()
            .with_timezone(&chrono::Local);
        let day = date_short(Lang::Id, local.date_naive());
        assert_eq!(
            when(Lang::Id, at),
            format!("{day} {}", local.format("%H.%M"))
        );
        let day = date_short(Lang::En, local.date_naive());
        assert_eq!(
            when(Lang::En, at),
            format!("{day} {}", local.format("%H:%M"))
        );
        assert_eq!(when(Lang::Id, "kemarin sore"), "kemarin sore");
        assert_eq!(last_bundle(Lang::Id, 12, None), "12");
    }
}

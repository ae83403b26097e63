//! What an exchange action did, in words: a PC set up, a bundle written or received, a
//! conflict decided; and the headings of the exchange tables of the command line.

use std::path::Path;

use super::super::Lang;
use super::super::fmt::{count, date_short};
use super::{error, p};
use crate::exchange::{Receipt, Sent, SetUp};
use crate::store::Applied;
use crate::store::exchange::ConflictStatus;

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

/// Why a change that merged cleanly waits for a person: the day was closed here.
pub fn closed_by(lang: Lang, closed: crate::store::exchange::ClosedBy) -> &'static str {
    use crate::store::exchange::ClosedBy;
    match (lang, closed) {
        (Lang::Id, ClosedBy::Approval) => {
            "bulannya sudah disetujui Kepala Dinas; batalkan persetujuan dulu untuk memakai kiriman"
        }
        (Lang::En, ClosedBy::Approval) => {
            "its month is approved by the head of office; unapprove it first to keep the sent report"
        }
        (Lang::Id, ClosedBy::PeriodLock) => {
            "harinya sudah terkunci; Verifikator memberi pengecualian kunci dulu untuk memakai kiriman"
        }
        (Lang::En, ClosedBy::PeriodLock) => {
            "the day is closed; a Verifikator grants a lock exception first to keep the sent report"
        }
    }
}

/// A conflict's state, with why it waits where the day was closed.
pub fn conflict_state(lang: Lang, conflict: &crate::store::exchange::Conflict) -> String {
    let status = conflict_status(lang, conflict.status);
    match conflict.closed {
        Some(closed) => format!("{status} ({})", closed_by(lang, closed)),
        None => status.to_string(),
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

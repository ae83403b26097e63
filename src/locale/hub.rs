//! The words of the hub (`pantau hub …`, "Kirim ke provinsi"): what happened, what was refused,
//! and the province's and the nation's summary, in Indonesian and English.

use std::path::Path;

use super::Lang;
use super::fmt::{count, date_short};
use crate::exchange::province::ProvinceSent;
use crate::hub::schema::Initialised;
use crate::hub::{HubError, HubReceipt, Pushed, Registered};

fn p(path: &Path) -> String {
    path.display().to_string()
}

/// Why a hub command did not happen.
pub fn error(lang: Lang, error: &HubError) -> String {
    use HubError::*;
    if lang == Lang::En {
        return error.to_string();
    }
    let server = || error.detail().unwrap_or_else(|| error.to_string());
    match error {
        Url { url, why } => {
            let why = match why {
                crate::hub::UrlProblem::NotPostgres => "tidak diawali postgresql://".to_string(),
                crate::hub::UrlProblem::SslMode(mode) => format!(
                    "sslmode={mode} bukan disable, prefer, require, verify-ca atau verify-full"
                ),
                crate::hub::UrlProblem::NoUser => {
                    "tidak menyebut pengguna (dan PGUSER tidak diisi)".to_string()
                }
                crate::hub::UrlProblem::Unreadable(e) => e.clone(),
            };
            format!("{url}: bukan alamat hub ({why})")
        }
        Connect { url, .. } => format!("{url}: tidak dapat tersambung ke server: {}", server()),
        Tls(why) => format!("TLS: {why}"),
        Certificate { path, why } => {
            format!("{}: sertifikat akar tidak dapat dibaca: {why}", p(path))
        }
        Db(_) => format!("PostgreSQL menolak: {}", server()),
        NotAHub { url } => {
            format!("{url} belum berisi hub Pantau; buat dengan `pantau hub init --url {url}`")
        }
        OlderHub { url, found, latest } => format!(
            "{url} berisi hub skema {found}; Pantau ini perlu skema {latest}: pengelola hub \
             menjalankan `pantau hub init --url {url}`"
        ),
        NewerHub {
            url,
            found,
            supported,
        } => format!(
            "{url} berisi hub dari Pantau yang lebih baru (skema hub {found}; Pantau ini \
             mengenal sampai {supported})"
        ),
        DistrictTaken { name, province } => format!(
            "{name} sudah terdaftar di {province} dengan kunci lain; kunci kabupaten hanya \
             diganti oleh administrator hub (docs/hub.md)"
        ),
        RegisteredElsewhere {
            district,
            province,
            asked,
        } => format!(
            "{district} sudah terdaftar di {province}, bukan di {asked}; kabupaten pindah \
             provinsi hanya oleh administrator hub (docs/hub.md)"
        ),
        RoleName(name) => format!(
            "\"{name}\" tidak dapat menjadi nama peran PostgreSQL di sini (huruf kecil, angka, _)"
        ),
        RoleTaken(name) => format!(
            "peran PostgreSQL \"{name}\" sudah ada dan tidak membaca hub ini; pilih nama lain \
             (peran yang ada tidak pernah diambil alih)"
        ),
        UnknownProvince(name) => format!("tidak ada provinsi \"{name}\" di hub ini"),
        NothingToRead { province } => format!(
            "peran ini tidak dapat membaca kabupaten mana pun{}: pembaca provinsi membaca \
             kabupaten provinsinya, pembaca nasional semuanya (pantau hub reader)",
            province
                .as_ref()
                .map(|p| format!(" di {p}"))
                .unwrap_or_default()
        ),
        UnknownDistrict { path, office } => format!(
            "{}: ditandatangani oleh kabupaten yang tidak pernah didaftarkan di hub ini \
             ({office}); tidak diterima",
            p(path)
        ),
        NotForHub { path, sender } => format!(
            "{}: bukan kiriman kabupaten untuk provinsi (pengirim \"{sender}\"); tidak diterima",
            p(path)
        ),
        Fork {
            path,
            district,
            sequence,
        } => format!(
            "{}: kiriman {district} nomor {sequence} berbeda dari kiriman nomor {sequence} yang \
             sudah diterima; tidak diterima",
            p(path)
        ),
        BrokenChain {
            path,
            district,
            sequence,
        } => format!(
            "{}: kiriman {district} nomor {sequence} tidak menyambung kiriman sebelumnya; tidak \
             diterima",
            p(path)
        ),
        Diverged { office, sequence } => format!(
            "hub menyimpan kiriman {sequence} {office} yang lain daripada yang dibuat database \
             ini: database ini disalin atau dipulihkan dari cadangan setelah mengirim. Tidak ada \
             yang dikirim; administrator hub mendaftarkan ulang kabupaten ini (docs/hub.md)"
        ),
        TooLarge { path, value } => format!(
            "{}: angka {} lebih besar daripada yang dapat disimpan hub",
            p(path),
            count(lang, *value)
        ),
        Exchange(e) => super::exchange::error(lang, e),
        Store(e) => super::store_error(lang, e),
    }
}

pub fn initialised(lang: Lang, url: &str, done: &Initialised) -> String {
    match (lang, done.from == done.to) {
        (Lang::Id, true) => format!(
            "{url}: hub sudah mutakhir (skema hub {}); tidak ada yang diubah",
            done.to
        ),
        (Lang::En, true) => format!(
            "{url}: the hub is up to date (hub schema {}); nothing changed",
            done.to
        ),
        (Lang::Id, false) => format!(
            "{url}: hub dibuat/diperbarui ke skema {} (dari {}); peran PostgreSQL {p}_district, \
             {p}_reader dan {p}_nation",
            done.to,
            done.from,
            p = done.prefix
        ),
        (Lang::En, false) => format!(
            "{url}: hub made/brought to schema {} (from {}); PostgreSQL roles {p}_district, \
             {p}_reader and {p}_nation",
            done.to,
            done.from,
            p = done.prefix
        ),
    }
}

pub fn registered(lang: Lang, done: &Registered, push_url: &str, db: &Path) -> String {
    let id = lang == Lang::Id;
    let push_url = &format!("{} --url {push_url}", p(db));
    match &done.password {
        None if id => format!(
            "{} sudah terdaftar di {} (peran {}); tidak ada yang diubah. Kirim dengan `pantau \
             hub push --db {push_url}`",
            done.district, done.province, done.role
        ),
        None => format!(
            "{} is already registered in {} (role {}); nothing changed. Push with `pantau hub \
             push --db {push_url}`",
            done.district, done.province, done.role
        ),
        Some(password) if id => format!(
            "{} terdaftar di {}{}: peran PostgreSQL {}, kata sandi {password}\nKata sandi ini \
             hanya ditampilkan sekali: simpan di ~/.pgpass PC kabupaten (atau PGPASSWORD). \
             Kirim dengan `pantau hub push --db {push_url}`",
            done.district,
            done.province,
            if done.new_province {
                " (provinsi baru)"
            } else {
                ""
            },
            done.role
        ),
        Some(password) => format!(
            "{} registered in {}{}: PostgreSQL role {}, password {password}\nThe password is \
             shown only once: keep it in the district PC's ~/.pgpass (or PGPASSWORD). Push with \
             `pantau hub push --db {push_url}`",
            done.district,
            done.province,
            if done.new_province {
                " (a new province)"
            } else {
                ""
            },
            done.role
        ),
    }
}

pub fn reader_made(
    lang: Lang,
    name: &str,
    scope: &str,
    made: crate::hub::ReaderMade,
    password: Option<&str>,
) -> String {
    use crate::hub::ReaderMade::*;
    let shown = |id: bool| match (password, id) {
        (Some(pw), true) => format!("; kata sandi {pw} (hanya ditampilkan sekali)"),
        (Some(pw), false) => format!("; password {pw} (shown only once)"),
        (None, _) => String::new(),
    };
    match (lang, made) {
        (Lang::Id, New) => format!("peran {name} dibuat; membaca {scope}{}", shown(true)),
        (Lang::En, New) => format!("role {name} made; it reads {scope}{}", shown(false)),
        (Lang::Id, AlsoReads) => format!("peran {name} kini juga membaca {scope}"),
        (Lang::En, AlsoReads) => format!("role {name} now also reads {scope}"),
        (Lang::Id, Unchanged) => {
            format!("peran {name} sudah membaca {scope}; tidak ada yang diubah")
        }
        (Lang::En, Unchanged) => format!("role {name} reads {scope} already; nothing changed"),
    }
}

pub fn scope(lang: Lang, province: Option<&str>) -> String {
    match (lang, province) {
        (Lang::Id, Some(p)) => format!("provinsi {p}"),
        (Lang::En, Some(p)) => format!("the province {p}"),
        (Lang::Id, None) => "seluruh kabupaten (nasional)".into(),
        (Lang::En, None) => "every district (national)".into(),
    }
}

/// What the hub did with one bundle.
pub fn receipt(lang: Lang, receipt: &HubReceipt) -> String {
    let id = lang == Lang::Id;
    match receipt {
        HubReceipt::Applied {
            district,
            sequence,
            reports,
            lists,
            then,
            stuck,
        } => {
            let mut text = if id {
                format!(
                    "{district}: kiriman {sequence} diterapkan ({} laporan, {} daftar)",
                    count(lang, *reports as u64),
                    count(lang, *lists as u64)
                )
            } else {
                format!(
                    "{district}: bundle {sequence} applied ({} report(s), {} list(s))",
                    count(lang, *reports as u64),
                    count(lang, *lists as u64)
                )
            };
            if !then.is_empty() {
                let list = then
                    .iter()
                    .map(|s| s.to_string())
                    .collect::<Vec<_>>()
                    .join(", ");
                text.push_str(&if id {
                    format!("; lalu kiriman yang tertahan: {list}")
                } else {
                    format!("; then the held bundle(s) {list}")
                });
            }
            if let Some((sequence, why)) = stuck {
                text.push_str(&if id {
                    format!("; kiriman {sequence} tetap tertahan: {why}")
                } else {
                    format!("; bundle {sequence} stays held: {why}")
                });
            }
            text
        }
        HubReceipt::Again {
            district,
            sequence,
            held,
        } => match (id, held) {
            (true, false) => format!(
                "{district}: kiriman {sequence} sudah diterima sebelumnya; tidak ada yang berubah"
            ),
            (true, true) => format!(
                "{district}: kiriman {sequence} sudah ada dan masih menunggu kiriman sebelumnya"
            ),
            (false, false) => {
                format!("{district}: bundle {sequence} was received before; nothing changed")
            }
            (false, true) => format!(
                "{district}: bundle {sequence} is here already, waiting for the one before it"
            ),
        },
        HubReceipt::Held {
            district,
            sequence,
            waiting_for,
        } => {
            if id {
                format!(
                    "{district}: kiriman {sequence} disimpan; diterapkan setelah kiriman \
                     {waiting_for} datang"
                )
            } else {
                format!(
                    "{district}: bundle {sequence} kept; applied once bundle {waiting_for} comes"
                )
            }
        }
    }
}

pub fn pushed(lang: Lang, pushed: &Pushed) -> String {
    let mut lines: Vec<String> = pushed.sent.iter().map(|(_, r)| receipt(lang, r)).collect();
    let id = lang == Lang::Id;
    if pushed.sent.is_empty() {
        lines.push(if id {
            format!(
                "hub sudah memiliki semuanya (sampai kiriman {}); tidak ada yang dikirim",
                pushed.hub_has
            )
        } else {
            format!(
                "the hub has everything (through bundle {}); nothing sent",
                pushed.hub_has
            )
        });
    }
    lines.join("\n")
}

pub fn province_sent(lang: Lang, sent: &ProvinceSent) -> String {
    match (sent, lang) {
        (ProvinceSent::Nothing, Lang::Id) => {
            "tidak ada yang baru sejak kiriman terakhir ke provinsi; tidak ada berkas yang ditulis"
                .into()
        }
        (ProvinceSent::Nothing, Lang::En) => {
            "nothing new since the last bundle for the province; no file written".into()
        }
        (
            ProvinceSent::Written {
                path,
                sequence,
                reports,
                lists,
            },
            Lang::Id,
        ) => format!(
            "{}: kiriman {sequence} ke provinsi ({} laporan, {} daftar)",
            p(path),
            count(lang, *reports as u64),
            count(lang, *lists as u64)
        ),
        (
            ProvinceSent::Written {
                path,
                sequence,
                reports,
                lists,
            },
            Lang::En,
        ) => format!(
            "{}: bundle {sequence} for the province ({} report(s), {} list(s))",
            p(path),
            count(lang, *reports as u64),
            count(lang, *lists as u64)
        ),
    }
}

/// The summary table's header.
pub fn summary_headers(lang: Lang) -> [&'static str; 9] {
    match lang {
        Lang::Id => [
            "Kabupaten",
            "Wajib KTP",
            "Rekam",
            "Terkirim",
            "Cetak",
            "Cakupan",
            "Tercetak",
            "Blangko",
            "Lapor terakhir",
        ],
        Lang::En => [
            "District",
            "Wajib KTP",
            "Recorded",
            "Sent",
            "Printed",
            "Coverage",
            "Printed %",
            "Blanks",
            "Last report",
        ],
    }
}

pub fn summary_title(lang: Lang, scope: &str, as_of: chrono::NaiveDate) -> String {
    match lang {
        Lang::Id => format!("Rekap {scope} per {}", date_short(lang, as_of)),
        Lang::En => format!("Summary of {scope} as of {}", date_short(lang, as_of)),
    }
}

pub fn province_row(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Id => format!("Provinsi {name}"),
        Lang::En => format!("Province {name}"),
    }
}

pub fn not_sent(
    lang: Lang,
    as_of: chrono::NaiveDate,
    names: &[String],
    resting: &[String],
) -> String {
    let day = date_short(lang, as_of);
    if names.is_empty() && !resting.is_empty() {
        return resting_line(lang, as_of, resting);
    }
    match (lang, names.is_empty()) {
        (Lang::Id, true) => format!("Semua kabupaten sudah melapor {day}."),
        (Lang::En, true) => format!("Every district has reported {day}."),
        (Lang::Id, false) => format!(
            "Belum melapor {day} ({}): {}",
            names.len(),
            names.join(", ")
        ),
        (Lang::En, false) => format!("Not reported {day} ({}): {}", names.len(), names.join(", ")),
    }
}

/// The districts for which the as-of day is a weekend or a holiday.
pub fn resting_line(lang: Lang, as_of: chrono::NaiveDate, resting: &[String]) -> String {
    let day = date_short(lang, as_of);
    match lang {
        Lang::Id => format!(
            "{day} hari libur atau akhir pekan, tidak ada laporan yang diharapkan ({}): {}",
            resting.len(),
            resting.join(", ")
        ),
        Lang::En => format!(
            "{day} is a holiday or weekend, no report expected ({}): {}",
            resting.len(),
            resting.join(", ")
        ),
    }
}

pub fn low_blanks(lang: Lang, threshold: i64, low: &[(String, i64)]) -> Option<String> {
    if low.is_empty() {
        return None;
    }
    let list = low
        .iter()
        .map(|(name, left)| format!("{name} ({})", super::fmt::signed(lang, *left)))
        .collect::<Vec<_>>()
        .join(", ");
    let limit = count(lang, threshold as u64);
    Some(match lang {
        Lang::Id => format!("Blangko di bawah {limit} lembar, paling sedikit dulu: {list}"),
        Lang::En => format!("Blanks under {limit} sheets, fewest first: {list}"),
    })
}

pub fn outages(
    lang: Lang,
    as_of: chrono::NaiveDate,
    outages: &[crate::hub::HubOutage],
) -> Option<String> {
    if outages.is_empty() {
        return None;
    }
    let mut districts: Vec<&str> = outages.iter().map(|o| o.district.as_str()).collect();
    districts.dedup();
    let causes: std::collections::BTreeSet<&str> = outages
        .iter()
        .map(|o| super::outage_cause(lang, o.cause))
        .collect();
    let causes: Vec<&str> = causes.into_iter().collect();
    let day = date_short(lang, as_of);
    Some(match lang {
        Lang::Id => format!(
            "Gangguan pada {day} di {} kabupaten ({}): {}",
            districts.len(),
            causes.join(", "),
            districts.join(", ")
        ),
        Lang::En => format!(
            "Outages on {day} in {} district(s) ({}): {}",
            districts.len(),
            causes.join(", "),
            districts.join(", ")
        ),
    })
}

/// The district's push status: one line per bundle for the hub.
pub fn sent_line(lang: Lang, sent: &crate::store::hub::HubSent) -> String {
    let id = lang == Lang::Id;
    let created = super::fmt::moment(lang, &sent.created_at);
    let state = match (&sent.pushed_at, id) {
        (Some(at), true) => format!("diterima hub {}", super::fmt::moment(lang, at)),
        (Some(at), false) => format!("at the hub since {}", super::fmt::moment(lang, at)),
        (None, true) => "belum terkonfirmasi di hub".to_string(),
        (None, false) => "not yet confirmed at the hub".to_string(),
    };
    if id {
        format!(
            "{:>4}  {created}  {} laporan, {} daftar  {state}",
            sent.sequence,
            count(lang, sent.reports as u64),
            count(lang, sent.lists as u64)
        )
    } else {
        format!(
            "{:>4}  {created}  {} report(s), {} list(s)  {state}",
            sent.sequence,
            count(lang, sent.reports as u64),
            count(lang, sent.lists as u64)
        )
    }
}

pub fn not_linked_status(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "kabupaten ini belum terdaftar di hub provinsi",
        Lang::En => "this district is not registered with a province's hub",
    }
}

pub fn link_line(lang: Lang, link: &crate::store::hub::HubLink) -> String {
    match lang {
        Lang::Id => format!(
            "Terdaftar di hub provinsi {} sebagai {} ({}), sejak {}",
            link.province,
            link.district_role,
            link.url,
            super::fmt::moment(lang, &link.registered_at)
        ),
        Lang::En => format!(
            "Registered with the hub of {} as {} ({}), since {}",
            link.province,
            link.district_role,
            link.url,
            super::fmt::moment(lang, &link.registered_at)
        ),
    }
}

pub fn refused_files(lang: Lang, refused: usize, total: usize) -> String {
    match lang {
        Lang::Id if refused == total => format!(
            "{} berkas tidak diterima (lihat di atas); tidak ada yang diterapkan",
            count(lang, refused as u64)
        ),
        Lang::En if refused == total => format!(
            "{} file(s) refused (see above); nothing was applied",
            count(lang, refused as u64)
        ),
        Lang::Id => format!(
            "{} berkas tidak diterima (lihat di atas); yang lain diterapkan",
            count(lang, refused as u64)
        ),
        Lang::En => format!(
            "{} file(s) refused (see above); the others were applied",
            count(lang, refused as u64)
        ),
    }
}

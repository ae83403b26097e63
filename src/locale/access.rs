//! The words of accounts, roles, the period lock, approvals and the tamper check.

use chrono::NaiveDate;

use super::Lang;
use super::fmt::{date_short, date_words, month_words};
use crate::domain::access::{DayLock, Month, Refusal, Role, Task};
use crate::store::{AccountProblem, LoginError, TamperKind, Tampering};

pub fn role(lang: Lang, role: Role) -> &'static str {
    match (lang, role) {
        (_, Role::Operator) => "Operator",
        (_, Role::Verifikator) => "Verifikator",
        (Lang::Id, Role::Kepala) => "Kepala Dinas",
        (Lang::En, Role::Kepala) => "Head of office",
        (_, Role::Admin) => "Admin",
    }
}

/// What a role may do, in a few words (for the account list and the role picker).
pub fn role_duty(lang: Lang, role: Role) -> &'static str {
    match (lang, role) {
        (Lang::Id, Role::Operator) => {
            "mengisi dan membetulkan laporan dan stok blangko di periode terbuka"
        }
        (Lang::En, Role::Operator) => "enters and corrects reports and blank stock in open periods",
        (Lang::Id, Role::Verifikator) => {
            "juga membetulkan semua unit dan memberi pengecualian kunci"
        }
        (Lang::En, Role::Verifikator) => "also corrects any unit and grants lock exceptions",
        (Lang::Id, Role::Kepala) => {
            "membaca semuanya, menyetujui dan membatalkan persetujuan bulan"
        }
        (Lang::En, Role::Kepala) => "reads everything, approves and unapproves a month",
        (Lang::Id, Role::Admin) => "unit, akun, pengaturan dan kunci periode; tidak mengisi data",
        (Lang::En, Role::Admin) => "units, accounts, settings and the period lock; no data entry",
    }
}

fn task(lang: Lang, task: Task) -> &'static str {
    match (lang, task) {
        (Lang::Id, Task::EnterData) => "mengisi atau mengubah data",
        (Lang::En, Task::EnterData) => "enter or change data",
        (Lang::Id, Task::GrantException) => "memberi pengecualian kunci periode",
        (Lang::En, Task::GrantException) => "grant lock exceptions",
        (Lang::Id, Task::Approve) => "menyetujui atau membatalkan persetujuan bulan",
        (Lang::En, Task::Approve) => "approve or unapprove a month",
        (Lang::Id, Task::SetUp) => "mengubah unit, target, tenggat, libur atau pengaturan",
        (Lang::En, Task::SetUp) => "change units, targets, deadlines, holidays or settings",
        (Lang::Id, Task::ManageAccounts) => "mengelola akun",
        (Lang::En, Task::ManageAccounts) => "manage accounts",
    }
}

/// Who can open a closed day: said beside every lock.
fn who_opens(lang: Lang, lock: &DayLock) -> &'static str {
    match (lang, lock) {
        (Lang::Id, DayLock::Approved { .. }) => {
            "Kepala Dinas dapat membatalkan persetujuannya dengan alasan"
        }
        (Lang::En, DayLock::Approved { .. }) => {
            "the head of office can unapprove it, with a reason"
        }
        (Lang::Id, _) => "Verifikator atau Admin dapat memberi pengecualian kunci",
        (Lang::En, _) => "a Verifikator or Admin can grant a lock exception",
    }
}

/// Why a day is closed, in a sentence without the unit: "Disetujui oleh kepala (12 Nov 2016)".
pub fn day_lock(lang: Lang, lock: &DayLock) -> String {
    match (lang, lock) {
        (_, DayLock::Open) => String::new(),
        (Lang::Id, DayLock::OpenByException { until, reason }) => format!(
            "Terbuka dengan pengecualian sampai {} ({reason})",
            date_short(lang, *until)
        ),
        (Lang::En, DayLock::OpenByException { until, reason }) => format!(
            "Open by a lock exception until {} ({reason})",
            date_short(lang, *until)
        ),
        (
            Lang::Id,
            DayLock::Expired {
                closed_since,
                lock_days,
            },
        ) => format!(
            "Terkunci sejak {}: hari dapat diisi sampai {lock_days} hari sesudahnya; {}",
            date_short(lang, *closed_since),
            who_opens(lang, lock)
        ),
        (
            Lang::En,
            DayLock::Expired {
                closed_since,
                lock_days,
            },
        ) => format!(
            "Closed since {}: a day can be entered until {lock_days} days after it; {}",
            date_short(lang, *closed_since),
            who_opens(lang, lock)
        ),
        (Lang::Id, DayLock::Approved { by, at }) => format!(
            "Bulan ini disetujui oleh {by} ({}); {}",
            when(lang, at),
            who_opens(lang, lock)
        ),
        (Lang::En, DayLock::Approved { by, at }) => format!(
            "This month was approved by {by} ({}); {}",
            when(lang, at),
            who_opens(lang, lock)
        ),
    }
}

/// Why a row of the entry grid cannot be changed by the account logged in: the lock and who
/// can open it, or what the account is for.
pub fn row_lock(lang: Lang, why: &Refusal) -> String {
    match (lang, why) {
        (_, Refusal::Closed { lock, .. }) => day_lock(lang, lock),
        (Lang::Id, Refusal::Unit { account, .. }) => {
            format!("Bukan unit akun {account}")
        }
        (Lang::En, Refusal::Unit { account, .. }) => {
            format!("Not a unit of account {account}")
        }
        (Lang::Id, Refusal::Role { role: r, .. }) => {
            format!("Peran {} tidak mengisi data", role(lang, *r))
        }
        (Lang::En, Refusal::Role { role: r, .. }) => {
            format!("The {} role enters no data", role(lang, *r))
        }
        (_, other) => refusal(lang, other, None),
    }
}

/// An RFC 3339 time as "12 Okt 2016 09:14" (as written if it is not one).
pub fn when(lang: Lang, at: &str) -> String {
    match chrono::DateTime::parse_from_rfc3339(at) {
        Ok(t) => format!("{} {}", date_short(lang, t.date_naive()), t.format("%H:%M")),
        Err(_) => at.to_string(),
    }
}

fn unit_or(lang: Lang, unit: Option<&str>) -> String {
    unit.map(str::to_string).unwrap_or_else(|| match lang {
        Lang::Id => "unit itu".into(),
        Lang::En => "that unit".into(),
    })
}

fn month_of(lang: Lang, month: Month) -> String {
    month_words(lang, month.first_day())
}

pub fn refusal(lang: Lang, refusal: &Refusal, unit: Option<&str>) -> String {
    match (lang, refusal) {
        (Lang::Id, Refusal::NotLoggedIn) => "Database ini memakai akun: masuk dulu (di aplikasi, \
             atau --user NAMA dengan PANTAU_PASSWORD di baris perintah)"
            .into(),
        (Lang::En, Refusal::NotLoggedIn) => "This database has accounts: log in first (in the \
             app, or --user NAME with PANTAU_PASSWORD on the command line)"
            .into(),
        (
            Lang::Id,
            Refusal::Role {
                account,
                role: r,
                task: t,
            },
        ) => format!(
            "Akun {account} ({}) tidak boleh {}",
            role(lang, *r),
            task(lang, *t)
        ),
        (
            Lang::En,
            Refusal::Role {
                account,
                role: r,
                task: t,
            },
        ) => format!(
            "Account {account} ({}) may not {}",
            role(lang, *r),
            task(lang, *t)
        ),
        (Lang::Id, Refusal::Unit { account, .. }) => format!(
            "Akun {account} hanya boleh mengisi unitnya sendiri, bukan {}",
            unit_or(lang, unit)
        ),
        (Lang::En, Refusal::Unit { account, .. }) => format!(
            "Account {account} may enter only its own units, not {}",
            unit_or(lang, unit)
        ),
        (
            Lang::Id,
            Refusal::Closed {
                account,
                date,
                lock,
                ..
            },
        ) => format!(
            "{} {} tertutup untuk akun {account}. {}",
            unit_or(lang, unit),
            date_short(lang, *date),
            day_lock(lang, lock)
        ),
        (
            Lang::En,
            Refusal::Closed {
                account,
                date,
                lock,
                ..
            },
        ) => format!(
            "{} {} is closed to account {account}. {}",
            unit_or(lang, unit),
            date_short(lang, *date),
            day_lock(lang, lock)
        ),
        (Lang::Id, Refusal::NotApproved { account, month, .. }) => format!(
            "{} {} belum disetujui; tidak ada yang dibatalkan oleh {account}",
            unit_or(lang, unit),
            month_of(lang, *month)
        ),
        (Lang::En, Refusal::NotApproved { account, month, .. }) => format!(
            "{} {} is not approved; {account} has nothing to unapprove",
            unit_or(lang, unit),
            month_of(lang, *month)
        ),
        (Lang::Id, Refusal::AlreadyApproved { month, .. }) => format!(
            "{} {} sudah disetujui",
            unit_or(lang, unit),
            month_of(lang, *month)
        ),
        (Lang::En, Refusal::AlreadyApproved { month, .. }) => format!(
            "{} {} is approved already",
            unit_or(lang, unit),
            month_of(lang, *month)
        ),
        (Lang::Id, Refusal::MonthNotOver { account, month }) => format!(
            "{account}: {} belum selesai; sebuah bulan disetujui sesudah hari terakhirnya",
            month_of(lang, *month)
        ),
        (Lang::En, Refusal::MonthNotOver { account, month }) => format!(
            "{account}: {} is not over yet; a month is approved after its last day",
            month_of(lang, *month)
        ),
        (Lang::Id, Refusal::NoReason { account }) => {
            format!("{account}: tuliskan alasannya (--reason); alasan masuk jejak audit")
        }
        (Lang::En, Refusal::NoReason { account }) => {
            format!("{account}: give the reason (--reason); it goes into the audit trail")
        }
    }
}

pub fn login_error(lang: Lang, error: &LoginError) -> String {
    match (lang, error) {
        (Lang::Id, LoginError::Wrong) => "Nama akun atau kata sandi salah".into(),
        (Lang::En, LoginError::Wrong) => "Wrong account name or password".into(),
        (Lang::Id, LoginError::Disabled { name }) => {
            format!("Akun {name} dinonaktifkan; minta Admin mengaktifkannya")
        }
        (Lang::En, LoginError::Disabled { name }) => {
            format!("Account {name} is disabled; ask an Admin to enable it")
        }
        (Lang::Id, LoginError::Wait { seconds }) => {
            format!("Terlalu banyak kata sandi salah: coba lagi dalam {seconds} detik")
        }
        (Lang::En, LoginError::Wait { seconds }) => {
            format!("Too many wrong passwords: try again in {seconds} seconds")
        }
    }
}

pub fn account_problem(lang: Lang, problem: &AccountProblem) -> String {
    use AccountProblem::*;
    let min = crate::store::MIN_PASSWORD_CHARS;
    match (lang, problem) {
        (Lang::Id, Unknown { name }) => format!("Tidak ada akun bernama {name}"),
        (Lang::En, Unknown { name }) => format!("No account is named {name}"),
        (Lang::Id, NameTaken { name }) => format!("Sudah ada akun bernama {name}"),
        (Lang::En, NameTaken { name }) => format!("An account named {name} exists already"),
        (Lang::Id, FirstMustBeAdmin) => "Akun pertama sebuah database adalah Admin-nya \
             (--role admin): hanya Admin yang dapat menambah akun lain"
            .into(),
        (Lang::En, FirstMustBeAdmin) => "The first account of a database is its Admin (--role \
             admin): only an Admin can add the others"
            .into(),
        (Lang::Id, PasswordTooShort) => format!("Kata sandi paling sedikit {min} karakter"),
        (Lang::En, PasswordTooShort) => format!("A password has at least {min} characters"),
        (Lang::Id, WrongRecoveryCode { name }) => {
            format!("Kode pemulihan untuk {name} salah atau sudah dipakai")
        }
        (Lang::En, WrongRecoveryCode { name }) => {
            format!("The recovery code for {name} is wrong or used up")
        }
        (Lang::Id, LastAdmin { name }) => {
            format!("{name} adalah Admin aktif terakhir dan tidak dapat dinonaktifkan")
        }
        (Lang::En, LastAdmin { name }) => {
            format!("{name} is the last active Admin and cannot be disabled")
        }
        (Lang::Id, NoSuchException { id }) => format!("Tidak ada pengecualian kunci nomor {id}"),
        (Lang::En, NoSuchException { id }) => format!("There is no lock exception number {id}"),
        (Lang::Id, BadPeriod) => {
            "Periode pengecualian tidak sah: hari terakhir sebelum hari pertama, atau sebelum 2011"
                .into()
        }
        (Lang::En, BadPeriod) => {
            "Not a valid period: its last day is before its first, or before 2011".into()
        }
        (Lang::Id, ExpiredException { valid_until }) => format!(
            "Pengecualian yang berlaku sampai {} sudah lewat",
            date_words(lang, *valid_until)
        ),
        (Lang::En, ExpiredException { valid_until }) => format!(
            "An exception valid until {} has expired already",
            date_words(lang, *valid_until)
        ),
        (Lang::Id, System { message }) => {
            format!("Pantau tidak dapat membuat kata sandi atau kode: {message}")
        }
        (Lang::En, System { message }) => {
            format!("Pantau could not hash a password or make a code: {message}")
        }
        (Lang::Id, UnitsOnlyForOperator) => "Hanya akun Operator yang dibatasi pada unit \
             tertentu; peran lain bekerja untuk seluruh kantor"
            .into(),
        (Lang::En, UnitsOnlyForOperator) => "Only an Operator account is limited to units; the \
             other roles work for the whole office"
            .into(),
        (Lang::Id, UnknownUnit { id }) => format!("Tidak ada unit nomor {id}"),
        (Lang::En, UnknownUnit { id }) => format!("There is no unit number {id}"),
    }
}

fn table_name(lang: Lang, table: &str) -> String {
    let name = match (lang, table) {
        (Lang::Id, "daily_report") => "laporan harian",
        (Lang::En, "daily_report") => "daily report",
        (Lang::Id, "stock_event") => "catatan stok blangko",
        (Lang::En, "stock_event") => "blank stock entry",
        (Lang::Id, "target") => "target wajib KTP",
        (Lang::En, "target") => "wajib KTP target",
        (Lang::Id, "opening_balance") => "saldo awal",
        (Lang::En, "opening_balance") => "opening totals",
        (Lang::Id, "deadline") => "tenggat",
        (Lang::En, "deadline") => "deadline",
        (Lang::Id, "holiday") => "hari libur",
        (Lang::En, "holiday") => "holiday",
        (Lang::Id, "unit") => "unit",
        (Lang::En, "unit") => "unit",
        (Lang::Id, "office") => "kantor",
        (Lang::En, "office") => "office",
        (Lang::Id, "setting") => "pengaturan",
        (Lang::En, "setting") => "setting",
        (Lang::Id, "account") => "akun",
        (Lang::En, "account") => "account",
        (Lang::Id, "approval") => "persetujuan",
        (Lang::En, "approval") => "approval",
        (Lang::Id, "lock_exception") => "pengecualian kunci",
        (Lang::En, "lock_exception") => "lock exception",
        (Lang::Id, "outage") => "gangguan",
        (Lang::En, "outage") => "outage",
        (Lang::Id, "planned_delivery") => "kiriman blangko terjadwal",
        (Lang::En, "planned_delivery") => "announced delivery",
        (Lang::Id, "season_factor") => "faktor musim",
        (Lang::En, "season_factor") => "seasonal factor",
        (Lang::Id, "audit_log") => "baris jejak audit",
        (Lang::En, "audit_log") => "audit trail row",
        (_, other) => other,
    };
    name.to_string()
}

/// "laporan harian Torjun 2016-10-07 diubah di luar Pantau sesudah 12 Okt 2016 09:14".
pub fn tampering(lang: Lang, t: &Tampering) -> String {
    let mut what = table_name(lang, &t.table);
    if let Some(unit) = &t.unit {
        what.push(' ');
        what.push_str(unit);
    }
    match &t.date {
        Some(date) => {
            what.push(' ');
            what.push_str(
                &NaiveDate::parse_from_str(date, "%Y-%m-%d")
                    .map(|d| date_short(lang, d))
                    .unwrap_or_else(|_| date.clone()),
            );
        }
        None if t.unit.is_none() => {
            let key = t
                .key
                .as_object()
                .map(|o| {
                    o.iter()
                        .map(|(k, v)| {
                            format!(
                                "{k} {}",
                                v.as_str().map(str::to_string).unwrap_or(v.to_string())
                            )
                        })
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default();
            if !key.is_empty() {
                what.push_str(&format!(" ({key})"));
            }
        }
        None => {}
    }
    let verb = match (lang, t.kind) {
        (Lang::Id, TamperKind::Changed) => "diubah di luar Pantau",
        (Lang::En, TamperKind::Changed) => "changed outside Pantau",
        (Lang::Id, TamperKind::Added) => "ditambahkan di luar Pantau",
        (Lang::En, TamperKind::Added) => "added outside Pantau",
        (Lang::Id, TamperKind::Removed) => "dihapus di luar Pantau",
        (Lang::En, TamperKind::Removed) => "removed outside Pantau",
        (Lang::Id, TamperKind::AuditRow) => "diubah, disisipkan atau dihapus di luar Pantau",
        (Lang::En, TamperKind::AuditRow) => "changed, inserted or removed outside Pantau",
    };
    match (&t.after, lang) {
        (Some(at), Lang::Id) => format!("{what} {verb} sesudah {}", when(lang, at)),
        (Some(at), Lang::En) => format!("{what} {verb} after {}", when(lang, at)),
        (None, _) => format!("{what} {verb}"),
    }
}

/// What the account, approval and lock commands print.
pub enum AccessSaid<'a> {
    AccountAdded {
        name: &'a str,
        role: Role,
    },
    RecoveryCode {
        code: &'a str,
    },
    NoAccounts,
    AllUnits,
    Active(bool),
    AccountActive {
        name: &'a str,
        active: bool,
    },
    PasswordSet {
        name: &'a str,
    },
    NewPasswordPrompt,
    RepeatPrompt,
    PasswordsDiffer,
    CodePrompt,
    NotAMonth {
        text: &'a str,
    },
    Approved {
        month: Month,
        units: &'a [String],
        approved: bool,
    },
    LockDays {
        days: Option<u32>,
    },
    ApprovalLine {
        unit: &'a str,
        approval: &'a crate::domain::access::Approval,
    },
    NoExceptions,
    ExceptionAdded {
        id: i64,
        until: NaiveDate,
    },
    ExceptionRemoved {
        id: i64,
    },
}

pub fn said(lang: Lang, what: &AccessSaid) -> String {
    use AccessSaid::*;
    match (lang, what) {
        (Lang::Id, AccountAdded { name, role: r }) => {
            format!("akun {name} ({}) ditambahkan", role(lang, *r))
        }
        (Lang::En, AccountAdded { name, role: r }) => {
            format!("account {name} ({}) added", role(lang, *r))
        }
        (Lang::Id, RecoveryCode { code }) => format!(
            "Kode pemulihan Admin: {code}\nCatat dan simpan di tempat aman: kode ini ditampilkan \
             sekali saja dan mengatur ulang kata sandi Admin bila terlupa."
        ),
        (Lang::En, RecoveryCode { code }) => format!(
            "Admin recovery code: {code}\nWrite it down and keep it safe: it is shown only once \
             and resets the Admin's password if it is forgotten."
        ),
        (Lang::Id, NoAccounts) => "belum ada akun: database ini terbuka untuk siapa saja; \
             tambahkan Admin dengan `pantau account add --role admin`"
            .into(),
        (Lang::En, NoAccounts) => "no account yet: anyone can write this database; add its \
             Admin with `pantau account add --role admin`"
            .into(),
        (Lang::Id, AllUnits) => "semua unit".into(),
        (Lang::En, AllUnits) => "every unit".into(),
        (Lang::Id, Active(true)) => "aktif".into(),
        (Lang::Id, Active(false)) => "nonaktif".into(),
        (Lang::En, Active(true)) => "active".into(),
        (Lang::En, Active(false)) => "disabled".into(),
        (Lang::Id, AccountActive { name, active }) => format!(
            "akun {name} {}",
            if *active {
                "diaktifkan"
            } else {
                "dinonaktifkan"
            }
        ),
        (Lang::En, AccountActive { name, active }) => format!(
            "account {name} {}",
            if *active { "enabled" } else { "disabled" }
        ),
        (Lang::Id, PasswordSet { name }) => format!("kata sandi {name} diganti"),
        (Lang::En, PasswordSet { name }) => format!("password of {name} set"),
        (Lang::Id, NewPasswordPrompt) => "Kata sandi baru: ".into(),
        (Lang::En, NewPasswordPrompt) => "New password: ".into(),
        (Lang::Id, RepeatPrompt) => "Ulangi kata sandi baru: ".into(),
        (Lang::En, RepeatPrompt) => "Repeat the new password: ".into(),
        (Lang::Id, PasswordsDiffer) => "Kedua kata sandi berbeda; tidak ada yang diubah".into(),
        (Lang::En, PasswordsDiffer) => "The two passwords differ; nothing was changed".into(),
        (Lang::Id, CodePrompt) => "Kode pemulihan: ".into(),
        (Lang::En, CodePrompt) => "Recovery code: ".into(),
        (Lang::Id, NotAMonth { text }) => {
            format!("--month {text}: bukan bulan; tulis tahun-bulan, misalnya 2016-10")
        }
        (Lang::En, NotAMonth { text }) => {
            format!("--month {text}: not a month; write year-month, e.g. 2016-10")
        }
        (_, Approved { units: [], .. }) => match lang {
            Lang::Id => "tidak ada unit yang berubah".into(),
            Lang::En => "no unit changed".into(),
        },
        (
            Lang::Id,
            Approved {
                month,
                units,
                approved,
            },
        ) => format!(
            "{} {} untuk {}",
            month_of(lang, *month),
            if *approved {
                "disetujui dan terkunci"
            } else {
                "dibuka kembali"
            },
            units.join(", ")
        ),
        (
            Lang::En,
            Approved {
                month,
                units,
                approved,
            },
        ) => format!(
            "{} {} for {}",
            month_of(lang, *month),
            if *approved {
                "approved and closed"
            } else {
                "reopened"
            },
            units.join(", ")
        ),
        (Lang::Id, LockDays { days: Some(d) }) => {
            format!("kunci periode: sebuah hari dapat diisi sampai {d} hari sesudahnya")
        }
        (Lang::En, LockDays { days: Some(d) }) => {
            format!("period lock: a day can be entered until {d} days after it")
        }
        (Lang::Id, LockDays { days: None }) => {
            "belum ada akun: tidak ada periode yang terkunci".into()
        }
        (Lang::En, LockDays { days: None }) => "no account yet: no period is closed".into(),
        (Lang::Id, ApprovalLine { unit, approval: a }) if a.approved => format!(
            "{} {unit}: disetujui oleh {} ({})",
            a.month,
            a.by,
            when(lang, &a.at)
        ),
        (Lang::En, ApprovalLine { unit, approval: a }) if a.approved => format!(
            "{} {unit}: approved by {} ({})",
            a.month,
            a.by,
            when(lang, &a.at)
        ),
        (Lang::Id, ApprovalLine { unit, approval: a }) => format!(
            "{} {unit}: persetujuan dibatalkan oleh {} ({}): {}",
            a.month,
            a.by,
            when(lang, &a.at),
            a.reason
        ),
        (Lang::En, ApprovalLine { unit, approval: a }) => format!(
            "{} {unit}: unapproved by {} ({}): {}",
            a.month,
            a.by,
            when(lang, &a.at),
            a.reason
        ),
        (Lang::Id, NoExceptions) => "tidak ada pengecualian kunci".into(),
        (Lang::En, NoExceptions) => "no lock exception".into(),
        (Lang::Id, ExceptionAdded { id, until }) => format!(
            "pengecualian kunci nomor {id} berlaku sampai {}",
            date_words(lang, *until)
        ),
        (Lang::En, ExceptionAdded { id, until }) => format!(
            "lock exception number {id} valid until {}",
            date_words(lang, *until)
        ),
        (Lang::Id, ExceptionRemoved { id }) => format!("pengecualian kunci nomor {id} dihapus"),
        (Lang::En, ExceptionRemoved { id }) => format!("lock exception number {id} removed"),
    }
}

pub fn account_headers(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Id => &["Nama", "Peran", "Unit", "Status"],
        Lang::En => &["Name", "Role", "Units", "Status"],
    }
}

pub fn exception_headers(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Id => &[
            "No",
            "Unit",
            "Periode",
            "Berlaku s.d.",
            "Alasan",
            "Diberi oleh",
        ],
        Lang::En => &[
            "No",
            "Unit",
            "Period",
            "Valid until",
            "Reason",
            "Granted by",
        ],
    }
}

//! Who may do what, and which days are closed: accounts' roles, the period lock (a day closes
//! some days after it), lock exceptions and the head of office's monthly approval. Pure rules
//! over values; the store applies them to every write and the screens to what they offer.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};

use super::UnitId;

/// What an account is for. Which role may do what is [`Role::may`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    /// Enters and corrects reports and stock movements, in open periods, for its units.
    Operator,
    /// Also corrects any unit and grants lock exceptions.
    Verifikator,
    /// Reads everything; approves and unapproves a month.
    Kepala,
    /// Units, accounts, settings and the lock policy; no data entry.
    Admin,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Operator, Role::Verifikator, Role::Kepala, Role::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Operator => "operator",
            Role::Verifikator => "verifikator",
            Role::Kepala => "kepala",
            Role::Admin => "admin",
        }
    }

    pub fn parse(text: &str) -> Option<Role> {
        let text = text.trim().to_lowercase();
        Role::ALL.into_iter().find(|r| r.as_str() == text)
    }

    /// Whether this role may do `task` at all (units and locks are checked apart).
    pub fn may(self, task: Task) -> bool {
        use Role::*;
        match task {
            Task::EnterData => matches!(self, Operator | Verifikator),
            Task::GrantException => matches!(self, Verifikator | Admin),
            Task::Approve => self == Kepala,
            Task::SetUp | Task::ManageAccounts => self == Admin,
        }
    }
}

/// What a write does, as far as roles are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Task {
    /// Daily reports, stock movements, outages, announced deliveries, imports, bundles sent
    /// and received, conflicts decided.
    EnterData,
    /// Lock exceptions: open a closed period for a unit.
    GrantException,
    /// Approve or unapprove a unit's month.
    Approve,
    /// The office, units, targets, deadlines, holidays, opening totals, settings, lock policy.
    SetUp,
    /// Add, disable, enable accounts and set their passwords.
    ManageAccounts,
}

/// A person's account, without its secrets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub id: i64,
    pub name: String,
    pub role: Role,
    /// The units the account may enter for; `None` is every unit.
    pub units: Option<BTreeSet<UnitId>>,
    pub active: bool,
}

impl Account {
    /// Whether the account may enter data for `unit` (its units, or every unit).
    pub fn covers(&self, unit: UnitId) -> bool {
        self.units
            .as_ref()
            .is_none_or(|units| units.contains(&unit))
    }
}

/// Who is writing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    /// A database with no account yet: anyone, named by the operating system's user.
    System(String),
    /// A database with accounts and nobody logged in.
    Nobody,
    /// A logged-in account.
    Account(Account),
}

impl Actor {
    /// The name the audit trail records.
    pub fn name(&self) -> &str {
        match self {
            Actor::System(user) => user,
            Actor::Nobody => "",
            Actor::Account(account) => &account.name,
        }
    }

    pub fn account(&self) -> Option<&Account> {
        match self {
            Actor::Account(account) => Some(account),
            _ => None,
        }
    }
}

/// A month, as its first day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month(NaiveDate);

impl Month {
    pub fn of(date: NaiveDate) -> Month {
        Month(date - chrono::Days::new(u64::from(date.day0())))
    }

    pub fn new(year: i32, month: u32) -> Option<Month> {
        NaiveDate::from_ymd_opt(year, month, 1).map(Month)
    }

    /// "2016-10".
    pub fn parse(text: &str) -> Option<Month> {
        let (year, month) = text.trim().split_once('-')?;
        Month::new(year.parse().ok()?, month.parse().ok()?)
    }

    pub fn first_day(self) -> NaiveDate {
        self.0
    }

    pub fn last_day(self) -> NaiveDate {
        self.0
            .checked_add_months(chrono::Months::new(1))
            .and_then(|d| d.pred_opt())
            .unwrap_or(NaiveDate::MAX)
    }

    pub fn contains(self, date: NaiveDate) -> bool {
        Month::of(date) == self
    }
}

impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m"))
    }
}

/// The head of office's approval of a unit's month; an unapproved one keeps its reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Approval {
    pub unit_id: UnitId,
    pub month: Month,
    pub approved: bool,
    /// Who approved it, or who took the approval back.
    pub by: String,
    /// When (RFC 3339, local time).
    pub at: String,
    /// Why the approval was taken back (empty while approved).
    pub reason: String,
}

/// A closed period opened again for one unit (or every unit) until a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockException {
    pub id: i64,
    /// `None`: every unit.
    pub unit_id: Option<UnitId>,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub reason: String,
    /// The last day it can be used.
    pub valid_until: NaiveDate,
    pub granted_by: String,
    pub granted_at: String,
}

impl LockException {
    pub fn opens(&self, unit: UnitId, date: NaiveDate, today: NaiveDate) -> bool {
        self.unit_id.is_none_or(|u| u == unit)
            && (self.first_day..=self.last_day).contains(&date)
            && today <= self.valid_until
    }
}

/// The period lock of an office: a day can be entered or changed until this many days after it.
pub const DEFAULT_LOCK_DAYS: u32 = 7;

/// The lock policy, approvals and exceptions of an office: what decides whether a day is open.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Locks {
    /// `None`: no account yet, nothing is closed.
    pub lock_days: Option<u32>,
    pub approvals: Vec<Approval>,
    pub exceptions: Vec<LockException>,
}

/// Why a day of a unit cannot be changed, or that it can.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DayLock {
    Open,
    /// Open because of a lock exception, until its last day.
    OpenByException {
        until: NaiveDate,
        reason: String,
    },
    /// More than the lock's days ago: closed since the day after the last open day.
    Expired {
        closed_since: NaiveDate,
        lock_days: u32,
    },
    /// The month is approved by the head of office.
    Approved {
        by: String,
        at: String,
    },
}

impl DayLock {
    pub fn is_open(&self) -> bool {
        matches!(self, DayLock::Open | DayLock::OpenByException { .. })
    }
}

impl Locks {
    /// Whether `date` of `unit` can be entered or changed on `today`. An approval closes the
    /// month for everyone, exceptions or not; an exception opens only an expired day.
    pub fn day(&self, unit: UnitId, date: NaiveDate, today: NaiveDate) -> DayLock {
        let Some(lock_days) = self.lock_days else {
            return DayLock::Open;
        };
        if let Some(approval) = self.approval(unit, Month::of(date)) {
            return DayLock::Approved {
                by: approval.by.clone(),
                at: approval.at.clone(),
            };
        }
        let closed_since = date + chrono::Days::new(u64::from(lock_days) + 1);
        if today < closed_since {
            return DayLock::Open;
        }
        match self
            .exceptions
            .iter()
            .filter(|e| e.opens(unit, date, today))
            .max_by_key(|e| e.valid_until)
        {
            Some(e) => DayLock::OpenByException {
                until: e.valid_until,
                reason: e.reason.clone(),
            },
            None => DayLock::Expired {
                closed_since,
                lock_days,
            },
        }
    }

    /// The approval in force of a unit's month.
    pub fn approval(&self, unit: UnitId, month: Month) -> Option<&Approval> {
        self.approvals
            .iter()
            .find(|a| a.unit_id == unit && a.month == month && a.approved)
    }
}

/// Why a write was refused: the account, and what it may not do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The database has accounts and nobody is logged in.
    NotLoggedIn,
    /// The account's role may not do this.
    Role {
        account: String,
        role: Role,
        task: Task,
    },
    /// The account is limited to other units.
    Unit { account: String, unit: UnitId },
    /// The day is closed.
    Closed {
        account: String,
        unit: UnitId,
        date: NaiveDate,
        lock: DayLock,
    },
    /// Approving or unapproving what is not so.
    NotApproved {
        account: String,
        unit: UnitId,
        month: Month,
    },
    AlreadyApproved {
        account: String,
        unit: UnitId,
        month: Month,
    },
    /// A month is approved once it is over: its last day before today.
    MonthNotOver { account: String, month: Month },
    /// Unapproving needs a reason; so does an exception.
    NoReason { account: String },
}

/// Whether `actor` may do `task` at all; `Ok` for a database without accounts.
pub fn check_task(actor: &Actor, task: Task) -> Result<(), Refusal> {
    match actor {
        Actor::System(_) => Ok(()),
        Actor::Nobody => Err(Refusal::NotLoggedIn),
        Actor::Account(account) if account.role.may(task) => Ok(()),
        Actor::Account(account) => Err(Refusal::Role {
            account: account.name.clone(),
            role: account.role,
            task,
        }),
    }
}

/// Whether `actor` may enter or change `date` of `unit` on `today`.
pub fn check_entry(
    actor: &Actor,
    locks: &Locks,
    unit: UnitId,
    date: NaiveDate,
    today: NaiveDate,
) -> Result<(), Refusal> {
    check_task(actor, Task::EnterData)?;
    let Actor::Account(account) = actor else {
        return Ok(());
    };
    if !account.covers(unit) {
        return Err(Refusal::Unit {
            account: account.name.clone(),
            unit,
        });
    }
    match locks.day(unit, date, today) {
        lock if lock.is_open() => Ok(()),
        lock => Err(Refusal::Closed {
            account: account.name.clone(),
            unit,
            date,
            lock,
        }),
    }
}

/// Who is logged in and what is closed: what the screens need to show only what the account
/// may do, before anyone types.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Access {
    pub actor: Actor,
    pub locks: Locks,
}

impl Default for Access {
    fn default() -> Access {
        Access {
            actor: Actor::System(String::new()),
            locks: Locks::default(),
        }
    }
}

impl Access {
    /// Whether the actor may enter or change `date` of `unit` on `today`, or why not.
    pub fn entry(&self, unit: UnitId, date: NaiveDate, today: NaiveDate) -> Result<(), Refusal> {
        check_entry(&self.actor, &self.locks, unit, date, today)
    }

    /// Whether the actor's role may do `task` (always, without accounts).
    pub fn may(&self, task: Task) -> bool {
        check_task(&self.actor, task).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn locks() -> Locks {
        Locks {
            lock_days: Some(7),
            ..Locks::default()
        }
    }

    #[test]
    fn a_day_closes_the_eighth_day_after_it() {
        let locks = locks();
        assert_eq!(
            locks.day(1, day("2016-10-03"), day("2016-10-10")),
            DayLock::Open
        );
        assert_eq!(
            locks.day(1, day("2016-10-03"), day("2016-10-11")),
            DayLock::Expired {
                closed_since: day("2016-10-11"),
                lock_days: 7
            }
        );
        // Without accounts nothing closes.
        assert!(
            Locks::default()
                .day(1, day("2010-01-01"), day("2016-10-11"))
                .is_open()
        );
    }

    #[test]
    fn an_exception_opens_its_unit_and_period_until_its_last_day() {
        let mut locks = locks();
        locks.exceptions.push(LockException {
            id: 1,
            unit_id: Some(2),
            first_day: day("2016-09-01"),
            last_day: day("2016-09-30"),
            reason: "koreksi".into(),
            valid_until: day("2016-10-20"),
            granted_by: "v".into(),
            granted_at: String::new(),
        });
        let today = day("2016-10-15");
        assert!(locks.day(2, day("2016-09-15"), today).is_open());
        assert!(!locks.day(3, day("2016-09-15"), today).is_open());
        assert!(!locks.day(2, day("2016-08-31"), today).is_open());
        assert!(!locks.day(2, day("2016-09-15"), day("2016-10-21")).is_open());
    }

    #[test]
    fn an_approval_closes_the_month_even_with_an_exception() {
        let mut locks = locks();
        locks.exceptions.push(LockException {
            id: 1,
            unit_id: None,
            first_day: day("2016-09-01"),
            last_day: day("2016-10-31"),
            reason: "x".into(),
            valid_until: day("2016-12-31"),
            granted_by: "v".into(),
            granted_at: String::new(),
        });
        locks.approvals.push(Approval {
            unit_id: 1,
            month: Month::of(day("2016-10-01")),
            approved: true,
            by: "kepala".into(),
            at: String::new(),
            reason: String::new(),
        });
        let today = day("2016-10-06");
        assert!(matches!(
            locks.day(1, day("2016-10-05"), today),
            DayLock::Approved { .. }
        ));
        assert!(locks.day(2, day("2016-10-05"), today).is_open());
    }

    #[test]
    fn roles_do_what_the_issue_says() {
        assert!(Role::Operator.may(Task::EnterData));
        assert!(!Role::Operator.may(Task::GrantException));
        assert!(Role::Verifikator.may(Task::GrantException));
        assert!(!Role::Kepala.may(Task::EnterData));
        assert!(Role::Kepala.may(Task::Approve));
        assert!(!Role::Admin.may(Task::EnterData));
        assert!(Role::Admin.may(Task::ManageAccounts));
        assert_eq!(
            Month::parse("2016-10").unwrap().last_day(),
            day("2016-10-31")
        );
        assert_eq!(
            Month::parse("2016-2").unwrap().last_day(),
            day("2016-02-29")
        );
    }
}

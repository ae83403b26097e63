//! The command line's words: every command, its flags and their help (clap derives the parser).

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "pantau",
    version,
    about = "Pantau e-KTP: progress of e-KTP recording, sending and printing, and blank-card stock"
)]
pub struct Cli {
    /// Without a command: open the desktop window on the illustrative Sampang data.
    #[arg(long)]
    pub demo: bool,
    /// Without a command: open the desktop window on this `.pantau` file (default: the last one).
    #[arg(value_parser = pantau_file)]
    pub file: Option<PathBuf>,
    /// Without a command: open the desktop window on a province's hub, read only (a libpq URL;
    /// the password from PGPASSWORD or ~/.pgpass).
    #[arg(long, conflicts_with_all = ["demo", "file"])]
    pub hub: Option<String>,
    /// With --hub: one province [default: every district the role reads].
    #[arg(long, requires = "hub")]
    pub province: Option<String>,
    /// Language of what the commands print: id (Indonesian) or en (English).
    #[arg(
        long,
        global = true,
        value_enum,
        env = "PANTAU_LANG",
        default_value = "id"
    )]
    pub lang: LangArg,
    /// The account the command acts as, in a database with accounts (password from
    /// PANTAU_PASSWORD, or asked without echo).
    #[arg(long, global = true, env = "PANTAU_USER")]
    pub user: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create the illustrative Sampang database (a reconstruction, not real data).
    Demo {
        /// Database file to create [default: demo-sampang.pantau in the local data folder]
        #[arg(long)]
        db: Option<PathBuf>,
        /// Replace the file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Create an empty database for a real office.
    Init {
        /// Database file to create [default: pantau.pantau in the local data folder]
        #[arg(long)]
        db: Option<PathBuf>,
        /// Name of the office, e.g. "Dispendukcapil Kabupaten Sampang".
        #[arg(long)]
        office: String,
        /// The units, in a CSV, XLSX, XLS or ODS file: a column `name` (or `kecamatan`/`unit`/
        /// `nama`), optional `code`, `kind` and `wajib_ktp` (in force from the start).
        #[arg(long)]
        units: Option<PathBuf>,
    },
    /// Progress per unit and in total, with the blank stock.
    Summary {
        #[arg(long)]
        db: Option<PathBuf>,
        /// Totals through this date [default: the last date with data].
        #[arg(long)]
        as_of: Option<String>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// When recording and printing will finish (P50/P85/P95) and the chance of the deadline.
    Forecast {
        #[arg(long)]
        db: Option<PathBuf>,
        /// Forecast as made at the end of this date [default: the last date with data].
        #[arg(long)]
        as_of: Option<String>,
        /// Working days with reports in the history window.
        #[arg(long, default_value_t = 60)]
        window: usize,
        /// Monte Carlo trials.
        #[arg(long, default_value_t = 10_000)]
        trials: usize,
        #[arg(long)]
        json: bool,
    },
    /// The slip history: the forecast as made on each working day, next to the deadline.
    Slip {
        #[arg(long)]
        db: Option<PathBuf>,
        /// First as-of date [default: the first date with data].
        #[arg(long)]
        from: Option<String>,
        /// Last as-of date [default: the last date with data].
        #[arg(long)]
        to: Option<String>,
        #[arg(long, default_value_t = 60)]
        window: usize,
        /// Print CSV instead of a table.
        #[arg(long)]
        csv: bool,
    },
    /// How good past forecasts were: P85 and P50 coverage, median P50 error.
    Backtest {
        #[arg(long)]
        db: Option<PathBuf>,
        #[arg(long, default_value_t = 60)]
        window: usize,
        #[arg(long)]
        json: bool,
    },
    /// Enter (or correct) one unit's daily report.
    AddReport(AddReportArgs),
    /// Delete one unit's daily report of one date (one typed for the wrong day or unit). The
    /// unit's later reports must still obey the rules without it.
    DeleteReport {
        #[arg(long)]
        db: Option<PathBuf>,
        /// Unit name (case and spacing do not matter).
        #[arg(long)]
        unit: String,
        /// YYYY-MM-DD or DD/MM/YYYY.
        #[arg(long)]
        date: String,
    },
    /// Book a blank-card stock event.
    Stock(StockArgs),
    /// List, add, rename, deactivate or reactivate units.
    Unit(UnitArgs),
    /// List or set the residents of each unit who must hold an e-KTP (wajib KTP).
    Target(TargetArgs),
    /// List, add or remove decisions on the completion deadline.
    Deadline(DeadlineArgs),
    /// List or set each unit's opening totals: what it had recorded, sent, printed and issued
    /// before its first daily report in Pantau.
    Opening(OpeningArgs),
    /// The centre's stage (print-ready records, DUP, Efac): whether the office counts it every
    /// day, and each unit's PRR start (its totals to date when counting begins).
    Prr(PrrArgs),
    /// List, add or remove days of the holiday calendar.
    Holiday(HolidayArgs),
    /// List, announce or remove planned deliveries of blanks (used by the forecast).
    Delivery(DeliveryArgs),
    /// List, add or remove periods of slower or faster work, e.g. Ramadan at 0.6.
    Season(SeasonArgs),
    /// Import daily reports or blank-card movements from CSV, XLSX, XLS or ODS.
    Import {
        #[arg(long)]
        db: Option<PathBuf>,
        /// The file to import.
        input: PathBuf,
        /// Check and report what would happen; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// What the file holds [default: from its columns].
        #[arg(long, value_enum)]
        kind: Option<ImportKind>,
        /// The count columns hold each unit's totals to date ("s.d. hari ini"); the day's
        /// counts are the totals less those up to the day before.
        #[arg(long)]
        cumulative: bool,
        /// The month of recap sheets whose day columns (1, 2, … 31) and title give none, as
        /// 2016-10.
        #[arg(long)]
        month: Option<String>,
    },
    /// Export daily reports to CSV (UTF-8, ISO dates).
    Export {
        #[arg(long)]
        db: Option<PathBuf>,
        /// The CSV file to write.
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
    },
    /// Render a chart of the dashboard as a PNG image (legible on A4).
    Chart {
        #[arg(long)]
        db: Option<PathBuf>,
        #[arg(long, value_enum)]
        kind: ChartKindArg,
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        as_of: Option<String>,
        /// The slip chart's first reporting date (default: the mission window's, from the
        /// first deadline decision before a deadline was missed).
        #[arg(long)]
        from: Option<String>,
        /// The slip chart's last reporting date (default: the latest deadline in force).
        #[arg(long)]
        to: Option<String>,
    },
    /// Write the request letter for blanks to the Directorate General (one A4 page, PDF): the
    /// stock, the PRR waiting, the printing per day and the quantity asked for, the dashboard's
    /// figures of the as-of day. The letterhead comes from the settings.
    Letter {
        #[arg(long)]
        db: Option<PathBuf>,
        #[arg(long)]
        out: PathBuf,
        /// The day of the figures (default: the last day with data).
        #[arg(long)]
        as_of: Option<String>,
        /// The letter's number, e.g. 470/123/434.213/2016.
        #[arg(long, default_value = "")]
        number: String,
        /// The letter's date (default: today, or the as-of day where that is later).
        #[arg(long)]
        date: Option<String>,
        /// Print the request's figures as JSON too.
        #[arg(long)]
        json: bool,
    },
    /// Write the PDF report for heads of office (three A4 pages, and a fourth on how far to trust
    /// the forecast once past forecasts could be tested).
    Report {
        #[arg(long)]
        db: Option<PathBuf>,
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        as_of: Option<String>,
    },
    /// Copy the database with SQLite's online backup (safe while the app has it open).
    Backup {
        #[arg(long)]
        db: Option<PathBuf>,
        /// The backup file to write (must not exist yet).
        #[arg(long)]
        out: PathBuf,
    },
    /// Replace the database with a backup, after checking the backup.
    Restore {
        /// The backup to restore.
        #[arg(long)]
        from: PathBuf,
        #[arg(long)]
        db: Option<PathBuf>,
        /// Replace an existing database.
        #[arg(long)]
        force: bool,
    },
    /// Check the database file and every domain rule over every stored row.
    Check {
        #[arg(long)]
        db: Option<PathBuf>,
    },
    /// List the audit trail, newest first.
    Audit {
        #[arg(long)]
        db: Option<PathBuf>,
        /// Show at most this many rows.
        #[arg(long)]
        limit: Option<usize>,
    },
    /// Exchange with kecamatan PCs: set one up, send and receive bundles, settle conflicts.
    Exchange(ExchangeArgs),
    /// The province's and the nation's hub (PostgreSQL): make it, register districts, push a
    /// district's days, load bundles brought as files, read the roll-up.
    Hub {
        #[command(subcommand)]
        action: HubAction,
    },
    /// Accounts: add (the first one, an Admin, without logging in), list, disable, enable, set
    /// a password, recover an Admin with its recovery code.
    Account {
        /// The database [default: pantau.pantau in the local data folder]; before or after the
        /// action.
        #[arg(long, global = true)]
        db: Option<PathBuf>,
        #[command(subcommand)]
        action: AccountAction,
    },
    /// The head of office approves a month: closed for everyone until it is unapproved.
    Approve {
        #[arg(long)]
        db: Option<PathBuf>,
        /// The month, as 2016-10.
        #[arg(long)]
        month: String,
        /// One unit [default: every unit not yet approved for that month].
        #[arg(long)]
        unit: Option<String>,
    },
    /// Take a month's approval back, with the reason (kept in the audit trail).
    Unapprove {
        #[arg(long)]
        db: Option<PathBuf>,
        /// The month, as 2016-10.
        #[arg(long)]
        month: String,
        /// One unit [default: every unit approved for that month].
        #[arg(long)]
        unit: Option<String>,
        /// Why it is reopened.
        #[arg(long)]
        reason: String,
    },
    /// The period lock: how many days a day stays open, and the exceptions that reopen one.
    Lock {
        /// The database [default: pantau.pantau in the local data folder]; before or after the
        /// action.
        #[arg(long, global = true)]
        db: Option<PathBuf>,
        #[command(subcommand)]
        action: LockAction,
    },
    /// Print the shell completions (bash, zsh, fish, elvish, powershell) for `pantau`.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `pantau man | man -l -`.
    Man,
}

#[derive(Debug, clap::Args)]
pub struct ExchangeArgs {
    #[arg(long, global = true)]
    pub db: Option<PathBuf>,
    #[command(subcommand)]
    pub action: ExchangeAction,
}

#[derive(Debug, Subcommand)]
pub enum ExchangeAction {
    /// At the district: make the database of a kecamatan PC (its unit, its data, its own key).
    Setup {
        /// The kecamatan.
        #[arg(long)]
        unit: String,
        /// The kecamatan PC's database file to create.
        #[arg(long)]
        out: PathBuf,
    },
    /// Write a bundle with what the other side does not have yet (nothing new: no file).
    Send {
        /// At the district: the kecamatan to send to.
        #[arg(long)]
        unit: Option<String>,
        /// The folder to write the `.pantau-kirim` file into.
        #[arg(long)]
        out: PathBuf,
        /// Write again every bundle the other side has not confirmed.
        #[arg(long)]
        again: bool,
        /// At the district: the bundle for the province's hub (carried as a file where the
        /// district has no connection; `pantau hub receive` loads it).
        #[arg(long, conflicts_with = "unit")]
        province: bool,
    },
    /// Receive bundles (`.pantau-kirim` files), each in its own transaction.
    Receive {
        /// Bundles, or folders: every bundle in a folder is received, in the order of their
        /// names (each PC's in its own order).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Reports both sides changed: the conflicts waiting for a decision.
    Conflicts {
        /// Also the ones already decided.
        #[arg(long)]
        all: bool,
        #[arg(long)]
        json: bool,
    },
    /// Decide a conflict: keep the report the kecamatan sent, or ours.
    Resolve {
        #[arg(long)]
        id: i64,
        #[arg(long, value_enum)]
        keep: KeepArg,
    },
    /// Per PC: the last bundle, the last day reported, days behind, bundles held or missing.
    Status {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KeepArg {
    /// The report the other PC sent.
    Sent,
    /// The report this database holds.
    Ours,
}

#[derive(Debug, clap::Args)]
pub struct AddReportArgs {
    #[arg(long)]
    pub db: Option<PathBuf>,
    /// Unit name (case and spacing do not matter).
    #[arg(long)]
    pub unit: String,
    /// YYYY-MM-DD or DD/MM/YYYY.
    #[arg(long)]
    pub date: String,
    /// Residents recorded (perekaman) that day.
    #[arg(long, allow_hyphen_values = true)]
    pub recorded: String,
    /// Records sent to the central database that day.
    #[arg(long, allow_hyphen_values = true)]
    pub sent: String,
    /// Cards printed that day.
    #[arg(long, allow_hyphen_values = true)]
    pub printed: String,
    /// Substitute certificates (suket) issued that day.
    #[arg(long, allow_hyphen_values = true, default_value = "0")]
    pub suket: String,
    /// The central server could not be reached that day.
    #[arg(long)]
    pub server_down: bool,
    /// A note; needed when a value is far above the unit's usual numbers.
    #[arg(long, default_value = "")]
    pub note: String,
    /// Records that became print-ready (PRR) that day, for offices that count the centre's
    /// stage. Without it the day's PRR is unknown.
    #[arg(long, allow_hyphen_values = true)]
    pub prr: Option<String>,
    /// Records found duplicated (DUP) that day (0 when --prr is given without it).
    #[arg(long, allow_hyphen_values = true)]
    pub dup: Option<String>,
    /// Records failed for incomplete biometrics (Efac) that day (0 when --prr is given without
    /// it).
    #[arg(long, allow_hyphen_values = true)]
    pub efac: Option<String>,
    /// Efac records taken again that day, counted in --recorded too (0 when --prr is given
    /// without it).
    #[arg(long, allow_hyphen_values = true)]
    pub efac_retaken: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct UnitArgs {
    #[arg(long, global = true)]
    pub db: Option<PathBuf>,
    #[command(subcommand)]
    pub action: UnitAction,
}

#[derive(Debug, Subcommand)]
pub enum UnitAction {
    /// List the units.
    List,
    /// Add a unit.
    Add {
        #[arg(long)]
        name: String,
        /// Official area code (kode wilayah).
        #[arg(long)]
        code: Option<String>,
        /// The unit is the district office, not a kecamatan.
        #[arg(long)]
        district: bool,
    },
    /// Rename a unit; its data stays with it.
    Rename {
        #[arg(long)]
        name: String,
        #[arg(long)]
        to: String,
    },
    /// Stop taking reports from a unit; its data is kept.
    Deactivate {
        #[arg(long)]
        name: String,
    },
    /// Take reports from a deactivated unit again.
    Activate {
        #[arg(long)]
        name: String,
    },
}

#[derive(Debug, clap::Args)]
pub struct TargetArgs {
    #[arg(long, global = true)]
    pub db: Option<PathBuf>,
    #[command(subcommand)]
    pub action: TargetAction,
}

#[derive(Debug, Subcommand)]
pub enum TargetAction {
    /// Every unit's targets, oldest first, and which units have none.
    List,
    /// Set a unit's wajib KTP from a date on (a later date keeps the earlier target before it).
    Set {
        #[arg(long)]
        unit: String,
        /// Residents who must hold an e-KTP.
        #[arg(long, allow_hyphen_values = true)]
        wajib: String,
        /// The first day the figure holds (YYYY-MM-DD or DD/MM/YYYY).
        #[arg(long)]
        from: String,
        /// Save a figure below what the unit has already recorded, or more than half away
        /// from the one in force (refused without it, as a likely typo).
        #[arg(long)]
        confirm: bool,
    },
    /// Set the targets of many units from a CSV, XLSX, XLS or ODS file with the columns
    /// unit;wajib_ktp[;from] (or kecamatan;wajib;berlaku_mulai). Without a date, a target is
    /// in force from the start of the data.
    Import {
        /// The file to read.
        input: PathBuf,
        /// Save figures below what a unit has already recorded, or more than half away from
        /// the ones in force (refused without it, as likely typos).
        #[arg(long)]
        confirm: bool,
    },
}

#[derive(Debug, clap::Args)]
pub struct DeadlineArgs {
    #[arg(long, global = true)]
    pub db: Option<PathBuf>,
    #[command(subcommand)]
    pub action: DeadlineAction,
}

#[derive(Debug, Subcommand)]
pub enum DeadlineAction {
    /// Every decision, oldest first, with the deadline it set.
    List,
    /// Record a decision: on `--decided` the deadline became `--deadline`. A decision cannot
    /// be dated after today.
    Add {
        #[arg(long)]
        decided: String,
        #[arg(long)]
        deadline: String,
        #[arg(long, default_value = "")]
        note: String,
        /// Replace the decision already recorded on `--decided` (its deadline and note).
        #[arg(long)]
        replace: bool,
    },
    /// Remove the decision taken on a date.
    Remove {
        #[arg(long)]
        decided: String,
    },
}

#[derive(Debug, clap::Args)]
pub struct PrrArgs {
    #[arg(long, global = true)]
    pub db: Option<PathBuf>,
    #[command(subcommand)]
    pub action: PrrAction,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OnOff {
    On,
    Off,
}

#[derive(Debug, Subcommand)]
pub enum PrrAction {
    /// Whether the office counts PRR, and each unit's PRR start and totals to date.
    List,
    /// Set (or correct) a unit's PRR start: its PRR, DUP, Efac and Efac retaken up to the
    /// close of a date. Its daily reports after that date carry the day's figures.
    Start {
        /// Unit name (case and spacing do not matter).
        #[arg(long)]
        unit: String,
        /// The day at whose close the totals were counted (YYYY-MM-DD or DD/MM/YYYY).
        #[arg(long)]
        as_of: String,
        /// Print-ready records up to that day.
        #[arg(long, allow_hyphen_values = true)]
        prr: String,
        /// Duplicates (DUP) up to that day.
        #[arg(long, allow_hyphen_values = true, default_value = "0")]
        dup: String,
        /// Failed records (Efac) up to that day.
        #[arg(long, allow_hyphen_values = true, default_value = "0")]
        efac: String,
        /// Efac records taken again up to that day.
        #[arg(long, allow_hyphen_values = true, default_value = "0")]
        efac_retaken: String,
    },
    /// Turn the daily counting of PRR on (every unit's PRR must be known from a start, and
    /// every report after it carries the day's figures) or off (the figures stay).
    Count {
        #[arg(value_enum)]
        state: OnOff,
    },
}

#[derive(Debug, clap::Args)]
pub struct OpeningArgs {
    #[arg(long, global = true)]
    pub db: Option<PathBuf>,
    #[command(subcommand)]
    pub action: OpeningAction,
}

#[derive(Debug, Subcommand)]
pub enum OpeningAction {
    /// Every unit's opening totals, and which units have none.
    List,
    /// Set (or correct) one unit's opening totals: its totals at the close of a date. Its daily
    /// reports start the day after. A unit's first opening needs every value; a correction
    /// changes only the values given.
    Set {
        /// Unit name (case and spacing do not matter).
        #[arg(long)]
        unit: String,
        /// The day at whose close the totals were counted (YYYY-MM-DD or DD/MM/YYYY); daily
        /// reports start the day after.
        #[arg(long)]
        as_of: Option<String>,
        /// Residents recorded up to that day.
        #[arg(long, allow_hyphen_values = true)]
        recorded: Option<String>,
        /// Records sent to the central database up to that day.
        #[arg(long, allow_hyphen_values = true)]
        sent: Option<String>,
        /// Cards printed up to that day.
        #[arg(long, allow_hyphen_values = true)]
        printed: Option<String>,
        /// Substitute certificates (suket) issued up to that day.
        #[arg(long, allow_hyphen_values = true)]
        suket: Option<String>,
    },
    /// Set the opening totals of many units from a CSV, XLSX, XLS or ODS file with the columns
    /// unit;as_of;recorded;sent;printed[;suket] (or kecamatan;per_tanggal;rekam;terkirim;cetak).
    Import {
        /// The file to read.
        input: PathBuf,
    },
}

#[derive(Debug, clap::Args)]
pub struct HolidayArgs {
    #[arg(long, global = true)]
    pub db: Option<PathBuf>,
    #[command(subcommand)]
    pub action: HolidayAction,
}

#[derive(Debug, Subcommand)]
pub enum HolidayAction {
    /// List the holidays.
    List,
    /// Add a holiday, or rename the one on that date.
    Add {
        #[arg(long)]
        date: String,
        #[arg(long)]
        name: String,
        /// Collective leave (cuti bersama) rather than a national holiday.
        #[arg(long)]
        cuti_bersama: bool,
    },
    /// Make a date a working day again.
    Remove {
        #[arg(long)]
        date: String,
    },
    /// Add or rename the holidays of a file, e.g. next year's decree (SKB 3 Menteri): CSV,
    /// XLSX, XLS or ODS with the columns date;kind;name (or tanggal;jenis;keterangan), kind
    /// `libur` or `cuti_bersama`. All rows, or none.
    Import {
        /// The file to read.
        input: PathBuf,
    },
    /// Add the national holidays this program ships (2016 through 2027) for every year the
    /// calendar has none in; years it has are kept as they are.
    Fill,
}

#[derive(Debug, clap::Args)]
pub struct DeliveryArgs {
    #[arg(long, global = true)]
    pub db: Option<PathBuf>,
    #[command(subcommand)]
    pub action: DeliveryAction,
}

#[derive(Debug, Subcommand)]
pub enum DeliveryAction {
    /// List the announced deliveries.
    List,
    /// Record a delivery the centre has announced.
    Add {
        /// When the blanks are expected.
        #[arg(long)]
        expected: String,
        #[arg(long, allow_hyphen_values = true)]
        quantity: String,
        /// When it was announced [default: today].
        #[arg(long)]
        announced: Option<String>,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Remove an announced delivery (see `list` for its number).
    Remove {
        #[arg(long)]
        id: i64,
    },
}

#[derive(Debug, clap::Args)]
pub struct SeasonArgs {
    #[arg(long, global = true)]
    pub db: Option<PathBuf>,
    #[command(subcommand)]
    pub action: SeasonAction,
}

#[derive(Debug, Subcommand)]
pub enum SeasonAction {
    /// List the periods.
    List,
    /// Add a period.
    Add {
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        /// Multiplies the usual daily throughput, e.g. 0.6.
        #[arg(long)]
        factor: f64,
        #[arg(long, default_value = "")]
        name: String,
    },
    /// Remove a period (see `list` for its number).
    Remove {
        #[arg(long)]
        id: i64,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ChartKindArg {
    Progress,
    Slip,
    Daily,
    Backlog,
    Stock,
    Coverage,
    /// Each kecamatan's recording rate now against the rate the deadline needs.
    Behind,
    /// The centre's rejections over time: DUP, Efac and Efac retaken.
    Rejections,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Id,
    En,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportKind {
    Reports,
    Stock,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StockAction {
    /// Blanks received from the centre (give the BAST number with --document).
    Receive,
    /// Blanks spoiled in printing.
    Spoil,
    /// Blanks lent to another district.
    Lend,
    /// Blanks borrowed from another district.
    Borrow,
    /// Blanks returned: by us to the lender or the centre (default), or --direction in.
    Return,
    /// Physical count at the start of the day; replaces the balance.
    Count,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReturnDirection {
    /// We give blanks back (to the district we borrowed from, or to the centre).
    Out,
    /// Blanks we had lent come back to us.
    In,
}

#[derive(Debug, clap::Args)]
pub struct StockArgs {
    #[arg(long)]
    pub db: Option<PathBuf>,
    #[arg(value_enum)]
    pub action: StockAction,
    #[arg(long)]
    pub date: String,
    #[arg(long, allow_hyphen_values = true)]
    pub quantity: String,
    /// Handover document (BAST) number or another reference.
    #[arg(long, default_value = "")]
    pub document: String,
    /// Where the blanks came from or went to.
    #[arg(long, visible_aliases = ["source", "to"], default_value = "")]
    pub counterparty: String,
    /// For `return`: who gives the blanks back.
    #[arg(long, value_enum, default_value = "out")]
    pub direction: ReturnDirection,
    #[arg(long, default_value = "")]
    pub note: String,
}

/// A `.pantau` file named on the command line; anything else is a mistyped command.
fn pantau_file(text: &str) -> Result<PathBuf, String> {
    let path = PathBuf::from(text);
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pantau"))
    {
        Ok(path)
    } else {
        Err(format!(
            "'{text}' is neither a command nor a .pantau file (see --help)"
        ))
    }
}

#[derive(Debug, Subcommand)]
pub enum AccountAction {
    /// Add an account; its password from PANTAU_NEW_PASSWORD, or asked twice without echo.
    Add {
        #[arg(long)]
        name: String,
        #[arg(long, value_enum)]
        role: RoleArg,
        /// Limit it to these units (comma-separated names) [default: every unit].
        #[arg(long, value_delimiter = ',')]
        units: Vec<String>,
    },
    /// List the accounts, their roles, units and whether they are active.
    List,
    /// Disable an account: it can no longer log in (its work stays, under its name).
    Disable { name: String },
    /// Enable a disabled account again.
    Enable { name: String },
    /// Set an account's password (an Admin for anyone, anyone for itself); the new one from
    /// PANTAU_NEW_PASSWORD, or asked twice without echo.
    Password { name: String },
    /// Reset an Admin's password with its recovery code (from PANTAU_RECOVERY_CODE or asked),
    /// without logging in; prints the next recovery code, once.
    Recover { name: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RoleArg {
    Operator,
    Verifikator,
    Kepala,
    Admin,
}

#[derive(Debug, Subcommand)]
pub enum LockAction {
    /// Show the lock: its days, the approved months and the exceptions.
    Show,
    /// Set how many days after it a day can still be entered (an Admin's setting; default 7).
    Days { days: u32 },
    /// Exceptions that reopen a closed period for a unit until a day.
    Exception {
        #[command(subcommand)]
        action: ExceptionAction,
    },
}

#[derive(Debug, Subcommand)]
pub enum ExceptionAction {
    /// Reopen a month (or --from/--to days) of a unit (or every unit) until --until.
    Add {
        /// The unit [default: every unit].
        #[arg(long)]
        unit: Option<String>,
        /// The month, as 2016-09.
        #[arg(long, conflicts_with_all = ["from", "to"], required_unless_present = "from")]
        month: Option<String>,
        #[arg(long, requires = "to")]
        from: Option<String>,
        #[arg(long, requires = "from")]
        to: Option<String>,
        /// The last day the exception can be used.
        #[arg(long)]
        until: String,
        /// Why (kept with the exception and in the audit trail).
        #[arg(long)]
        reason: String,
    },
    /// List the exceptions, with their numbers.
    List,
    /// Remove an exception by its number.
    Remove { id: i64 },
}

/// `pantau hub …`. The hub's address is a libpq URL (`postgresql://user@host/db`); the password
/// comes from `PGPASSWORD` or `~/.pgpass`, as for every PostgreSQL tool. A new role's password
/// is `PANTAU_HUB_NEW_PASSWORD` if set, else made up and shown once.
#[derive(Debug, Subcommand)]
pub enum HubAction {
    /// Make the hub's tables, roles and row-level security in a PostgreSQL database, or bring
    /// them up to date (run again, it changes nothing).
    Init {
        #[arg(long, env = "PANTAU_HUB_URL")]
        url: String,
    },
    /// Register a district (its key, from its database) in its province and make its
    /// PostgreSQL login role; the district's database remembers the hub.
    Register {
        /// The hub, as its administrator.
        #[arg(long, env = "PANTAU_HUB_URL")]
        url: String,
        /// The district's database.
        #[arg(long)]
        db: PathBuf,
        /// The province, e.g. "Jawa Timur" (made at the hub if new).
        #[arg(long)]
        province: String,
        /// The district's name at the hub [default: from the office's name].
        #[arg(long)]
        name: Option<String>,
        /// The district's code (e.g. the Kemendagri code 35.27).
        #[arg(long)]
        code: Option<String>,
    },
    /// Make a PostgreSQL login role that reads a province's districts, or every district.
    Reader {
        #[arg(long, env = "PANTAU_HUB_URL")]
        url: String,
        /// The role's name (lowercase letters, digits, _).
        #[arg(long)]
        name: String,
        /// Reads the districts of this province.
        #[arg(long, required_unless_present = "nation", conflicts_with = "nation")]
        province: Option<String>,
        /// Reads every district.
        #[arg(long)]
        nation: bool,
    },
    /// Send what changed at the district since the last push (and every bundle the hub does
    /// not have yet), each applied in one transaction at the hub.
    Push {
        /// The district's database [default: pantau.pantau in the local data folder].
        #[arg(long)]
        db: Option<PathBuf>,
        /// The hub, as the district's role [default: as registered].
        #[arg(long, env = "PANTAU_HUB_URL")]
        url: Option<String>,
    },
    /// Load bundles districts wrote to files (`pantau exchange send --province`).
    Receive {
        #[arg(long, env = "PANTAU_HUB_URL")]
        url: String,
        /// Bundles, or folders of bundles (in the order of their names).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// The province's or the nation's progress, per district and in total.
    Summary {
        #[arg(long, env = "PANTAU_HUB_URL")]
        url: String,
        /// One province [default: every district the role reads].
        #[arg(long)]
        province: Option<String>,
        /// Totals through this date [default: the last date any district reported].
        #[arg(long)]
        as_of: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// The district's bundles for the hub: when each was made and whether the hub has it.
    Status {
        /// The district's database [default: pantau.pantau in the local data folder].
        #[arg(long)]
        db: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
}

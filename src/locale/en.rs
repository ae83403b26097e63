//! English.

use super::Tr;

pub static EN: Tr = Tr {
    app: "Pantau e-KTP",
    dashboard: "Dashboard",
    entry: "Daily entry",
    stock: "Blank cards",
    outages: "Outages",
    targets: "Targets & deadlines",
    units: "Units",
    settings: "Settings",
    reports: "Reports",
    exchange: "Exchange",
    export_xlsx: "Export to Excel (.xlsx)…",
    export_csv: "Export daily reports to CSV…",
    pdf_report: "PDF report for the head of office…",
    chart_png: "Save the chart as PNG…",
    exported: "Exported",
    daily_reports: |n| format!("{n} daily reports"),
    import_file: "Choose a file to import…",
    import_now: "Import",
    checking_rows: "Checking rows",
    imported: "Imported",
    import_problems: "Problems — nothing is imported until all are fixed:",
    would_import: "Would import",
    make_backup: "Make a backup…",
    backup_written: "Backup written to",
    backups_title: "Backups",
    backups_hint: "Pantau also keeps a backup a day by itself in the data folder (the last 14 \
                   days).",
    export_title: "Exports and reports",
    export_hint: "Excel holds the daily reports, a summary per unit with a chart, the blank \
                  stock card and the forecast history; the PDF is for the head of office.",
    import_title: "Import",
    import_hint: "CSV, XLSX, XLS or ODS: a table of daily reports, or recap sheets of kecamatan \
                  × day (one sheet per count: Rekam, Terkirim, Cetak, …). Every row is checked \
                  first; nothing is written until you press Import.",
    change_new: "new",
    change_update: "updated",
    save: "Save",
    cancel: "Cancel",
    close: "Close",
    delete: "Delete",
    add: "Add",
    date: "Date",
    note: "Note",
    unit: "Unit",
    quantity: "Quantity",
    all_units: "All units",
    as_of: "As of",
    previous_day: "< Previous working day",
    next_day: "Next working day >",
    next_day_not_yet: |day| format!("The next working day ({day}) has not come yet"),
    entry_future_day: |asked, today| {
        format!("{asked} has not come yet: daily reports are for today ({today}) or earlier.")
    },
    unknown: "unknown",
    saved_rows: |n| format!("{n} rows saved"),
    edit: "Edit",
    edit_decision: |date| format!("Edit the decision of {date}"),
    targets_confirm_ask: "These figures may be typos. Save them anyway?",
    save_anyway: "Save anyway",
    holidays_missing: |years| {
        format!(
            "The calendar has no holidays in {years}: national holidays that year count as \
             working days (reports look missing, forecasts finish too early)."
        )
    },
    holidays_fill: "Add the built-in national holidays",
    holidays_import: "Import holidays (decree)…",
    holiday_years_added: |years| format!("National holidays added for {years}"),
    holidays_imported: |new, changed| format!("Holidays imported: {new} new, {changed} renamed"),
    holidays_refused: |file, n| format!("{file}: {n} problems; no holiday imported"),
    opening_close_of: "Totals at the close of",
    reports_start_on: |day| format!("daily reports start on {day}"),
    later_movements_hidden: |n, day| {
        let rows = if n == 1 { "line" } else { "lines" };
        format!("{n} {rows} after {day} not shown: this card goes up to the picked date.")
    },
    as_of_reported: |reported, all| format!("· {reported} of {all} units reported that day"),
    covered_by_openings: |day| {
        format!("This day is covered by the opening totals: daily reports start on {day}.")
    },
    delete_report_ask: "Delete this report?",
    delete_report_yes: "Yes, delete",
    report_deleted: |unit, date| format!("Report of {unit}, {date} deleted"),
    report_not_there: |unit, date| format!("No report of {unit}, {date}; nothing deleted"),
    nothing_to_save: "No changes to save",
    open_file: "Open file…",
    opening: "Opening",
    restore: "Restore from a backup…",
    restored_from: "Restored from",
    file_menu: "File",
    quit: "Quit",
    date_picker_open: "Calendar",
    date_hint: "dd/mm/yyyy",
    year_back: "A year back",
    month_back: "A month back",
    month_on: "A month on",
    year_on: "A year on",
    no_outages: "No outage recorded yet. When the central server or the link is down, fill in \
                 the first day, the units hit and the cause below, then Save; tick \"still \
                 going on\" until it is back.",
    new_office: "Create an office database…",
    open_demo: "Open the illustrative data",
    language: "Language",
    path_open_title: "Open a file",
    path_save_title: "Save as",
    no_file_dialog: "No file dialog is available on this PC (neither xdg-desktop-portal nor \
                     zenity). Type the file's full path here.",
    path_label: "File path",
    ok: "OK",
    path_empty: "Type the file's path.",
    path_not_found: |p| format!("There is no file {p}."),
    path_no_folder: |p| format!("There is no folder {p}."),
    path_exists: |p| format!("{p} already exists. Press OK once more to replace it."),
    wizard_steps: [
        "1. Office",
        "2. Units",
        "3. Opening totals",
        "4. Deadline",
        "5. Admin account",
    ],
    next: "Next ›",
    back: "‹ Back",
    wizard_office_hint: "The office's name as reports write it, e.g. Dispendukcapil Kabupaten \
                         Sampang.",
    wizard_no_office: "Fill in the office's name.",
    wizard_units_hint: "One unit (kecamatan) a line: its name, then its wajib KTP if known, \
                        separated by a Tab or a semicolon — paste straight from a spreadsheet. \
                        Or choose a CSV, XLSX or ODS file with the columns name and wajib_ktp.",
    choose_units_file: "Choose a file…",
    units_file_refused: "The units file cannot be used:",
    wizard_units_found: |n| format!("{n} unit(s)"),
    wizard_no_units: "Type at least one unit.",
    rows_to_correct: |n| {
        let rows = if n == 1 { "row needs" } else { "rows need" };
        format!(
            "{n} {rows} correcting: the wrong cells are marked, the reasons are under the table."
        )
    },
    wizard_units_keys: "In this box Tab separates the name from the wajib KTP. Ctrl+Enter: next \
                        step.",
    wizard_line_problem: |n, what| format!("Line {n}: {what}"),
    wizard_no_name: "the unit's name is empty",
    wizard_bad_wajib: |t| format!("wajib KTP '{t}' is not a whole number ≥ 0"),
    wizard_extra: |t| format!("'{t}' is not known; write the name, then the wajib KTP"),
    wizard_twice: |n| format!("{n} is written twice"),
    wizard_openings_hint: "Each unit's cumulative totals since recording began, up to the close \
                           of the day chosen, that day included. Type 0 where it is zero; leave a whole row empty \
                           where a unit has no figures yet.",
    wizard_deadline_hint: "The completion deadline in force, if there is one. Deadlines can be \
                           added later on the Targets screen.",
    wizard_with_deadline: "Record a deadline",
    wizard_done_hint: "Press Create database and choose where to keep it; the Daily entry screen \
                       opens next.",
    create_database: "Create database…",
    welcome_title: "Welcome to Pantau e-KTP",
    welcome_text: "Choose a database to start: open a .pantau file, create a database for your \
                   office, or look at the illustrative data of Kabupaten Sampang.",
    office_name: "Office name",
    units_typed: "Units, one per line",
    illustrative: "Illustrative data, not real data",
    wajib_ktp: "Wajib KTP",
    recorded: "Recorded",
    sent: "Sent",
    printed: "Printed",
    suket: "Suket",
    server_ok: "Server OK",
    backlog_send: "Waiting to send",
    backlog_print: "Waiting to print",
    prr_tile: "PRR (print-ready)",
    waiting_for_prr: "Awaiting PRR",
    prr_waiting: "PRR not printed",
    prr_waiting_detail: "waiting for blanks",
    prr_waiting_short: "PRR to print",
    request_title: "Request for blanks",
    request_due: |stock, threshold, day, lead| {
        format!(
            "The blank stock of {stock} will reach the threshold of {threshold} around {day}, \
             within the delivery time of {lead} working days: time to ask for blanks."
        )
    },
    request_under: |stock, threshold| {
        format!(
            "The blank stock of {stock} is under the threshold of {threshold}: time to ask for blanks."
        )
    },
    request_not_due: |threshold, lead| {
        format!(
            "The blank stock stays above the threshold of {threshold} through the delivery time \
             of {lead} working days."
        )
    },
    request_stock_unknown: "The blank stock is unknown: book a receipt or a stock count in \
                            Blanks.",
    request_quantity: |quantity, waiting, what, days, buffer, stock, announced, round| {
        format!(
            "Asking for {quantity} = {what} {waiting} + {days} days of printing {buffer} − stock \
             {stock}{announced}, rounded up to {round}."
        )
    },
    request_announced: |blanks, deliveries, until| match deliveries {
        1 => format!(" − the delivery already announced, {blanks} (by {until})"),
        _ => format!(
            " − the deliveries already announced, {blanks} ({deliveries} deliveries, by {until})"
        ),
    },
    request_buffer: |buffer, rate, window| {
        format!("{buffer} ({rate} a working day, the mean of the last {window} working days)")
    },
    letter_number: "Letter number",
    write_letter: "Write the request letter…",
    pct_of_wajib: |p| format!("{p} of wajib KTP"),
    pct_of_stage: |p, stage| format!("{p} of {stage}"),
    stage_recorded: "recorded",
    stage_sent: "sent",
    stage_prr: "PRR",
    blanks_on_hand: "Blank stock",
    days_of_stock: |d| format!("lasts {d} more working days at the current printing rate"),
    days_of_stock_unknown: "how long it lasts: unknown (book a receipt or a count in Blangko)",
    no_recent_printing: "nothing printed in the last 14 working days",
    out_of_stock: "out of stock",
    out_of_stock_since: |date| format!("out of stock since {date}"),
    stock_unknown: "unknown",
    stockout_days: |since| match since {
        Some(day) => format!("Total working days without blanks since {day}"),
        None => "Total working days without blanks".into(),
    },
    recording_done: "Recording complete",
    everyone_card: "Everyone holds a card",
    deadline: "Deadline",
    no_deadline: "No deadline yet",
    computing: "computing…",
    not_computed: "could not be computed",
    forecast_failed: |e| format!("The forecast could not be computed (a program error): {e}"),
    check_failed: |e| format!("The file could not be checked (a program error): {e}"),
    limited_by: "Limited by",
    as_of_shortcut: "Ctrl+D: type another date. A weekend or a holiday without reports becomes \
                     the working day before it.",
    as_of_snapped: |asked, shown| {
        format!("{asked} is no working day and has no report: showing {shown}.")
    },
    how_to_read: "How to read the forecast",
    pace_title: |deadline, days| {
        format!("What the deadline of {deadline} needs ({days} working days left)")
    },
    pace_passed: |deadline| format!("The deadline of {deadline} has passed: current rates"),
    pace_no_days: |deadline| {
        format!("Deadline {deadline}: no working day is left before it — current rates")
    },
    pace_stage: "Stage",
    pace_remaining: "Still to do",
    pace_required: "Needed a working day",
    pace_current: "Now a working day",
    pace_shortfall: "Short a day",
    pace_enough: "enough",
    pace_blanks: |cards, stock, announced, request, passed| {
        let until = if passed { "" } else { " by the deadline" };
        format!(
            "Blanks: {cards} more cards until every resident's is printed; {stock} in stock, \
             {announced} announced{until} — short for them all: {request}. The blank request \
             letter counts what is nearer: the PRR waiting and the next days' printing."
        )
    },
    pace_blanks_unknown: "Blanks: the stock is not known yet (book a receipt or a count in \
                          Blangko), so how many to ask for cannot be worked out.",
    pace_window: |days| format!("Now = the mean of the last {days} working days with reports."),
    behind_title: |behind, all| {
        format!("Who is falling behind? {behind} of {all} kecamatan behind the deadline")
    },
    behind_title_districts: |behind, all| {
        format!("Who is falling behind? {behind} of {all} districts behind the deadline")
    },
    behind_headers: [
        "Unit",
        "% recorded",
        "Recorded/day this month",
        "last month",
        "Needed/day",
        "Now/day",
        "Of the need",
        "Waiting to send (±)",
        "Waiting to print (±)",
    ],
    behind_hint: "Slowest against the rate the deadline needs first. Recorded a working day: the \
                  mean this month and last month; now: the mean of the forecast's window. ± = the \
                  change since the end of last month. Amber: slower than last month, or a backlog \
                  that grew.",
    behind_slower: "A tenth or more slower than last month",
    behind_district_office: |name, recorded| {
        format!(
            "{name} records residents of every kecamatan: its {recorded} recordings count for no \
             kecamatan's coverage, so each kecamatan's looks lower than it is."
        )
    },
    completeness: |n, m, date| format!("{n} of {m} units have reported for {date}"),
    completeness_rest_day: |n, date| {
        format!("{date} is not a working day: no reports are expected ({n} units reported)")
    },
    login_title: "Log in",
    account_name: "Account name",
    password: "Password",
    log_in: "Log in",
    log_out: "Log out",
    forgot_admin_password: "Forgot the Admin password?",
    recover_explained: "The recovery code written down when the Admin account was made resets its password; a new code then replaces it.",
    recovery_code: "Recovery code",
    recovery_code_explained: "Write this code down and keep it safe, away from this PC: it is shown only once and resets the Admin password if it is forgotten.",
    written_down: "I have written it down",
    new_password: "New password",
    repeat_password: "Repeat the password",
    reset_password: "Reset the password",
    passwords_differ: "The two passwords differ",
    no_account_yet: "This database has no account yet: anyone who opens this file can change every figure.",
    create_admin: "Create the Admin account",
    create_admin_explained: "The Admin manages units, accounts, settings and the period lock. From then on every change needs an account; add Operator accounts for the clerks who enter data.",
    data_changed_outside: "Warning: data changed outside Pantau",
    admin_created: "The Admin account is made; you are logged in as its Admin",
    password_reset_done: "Password reset: log in with the new one",
    approved_done: |month, units| {
        format!(
            "{month} approved for {units} unit(s)",
            month = month,
            units = units
        )
    },
    unapproved_done: |month, units| {
        format!(
            "{month} reopened for {units} unit(s)",
            month = month,
            units = units
        )
    },
    approval_title: "Monthly approval",
    approval_nothing: "No report to approve yet.",
    approval_needs_accounts: "Monthly approval needs accounts: the head of office approves, and an approved month is closed.",
    approval_month: "Month",
    approval_reported: "Working days reported",
    approval_status: "Status",
    unapprove: "Unapprove",
    unapprove_needs_reason: "Write the reason below first",
    not_approved: "Not approved",
    approve: "Approve",
    approve_all: "Approve every unit not yet approved",
    unapprove_reason: "Reason to unapprove:",
    approval_explained: "An approved month is closed to everyone until it is unapproved; the reason goes into the audit trail.",
    approval_only_kepala: "Only the head of office approves or unapproves.",
    approved_by: |by, at| format!("Approved by {by} ({at})"),
    reopened_by: |by, at, reason| format!("Reopened by {by} ({at}): {reason}"),
    tampering_more: |n| {
        format!(
            "{n} change(s) found in all; an Admin lists them all with the command pantau check. Figures changed outside Pantau cannot be trusted until they are checked; the rows changed are marked on the daily entry screen."
        )
    },
    read_only_screen: |role| format!("The {role} role can only read this screen."),
    accounts_screen: "Accounts & locks",
    period_lock: "Period lock",
    period_lock_days: "A day can be entered until (days after it):",
    accounts_title: "Accounts",
    account_role: "Role",
    account_units: "Units",
    account_active: "active",
    account_disabled: "disabled",
    disable: "Disable",
    enable: "Enable",
    set_password: "Set password…",
    accounts_admin_only: "Only the Admin adds, disables and enables accounts; everyone can set their own password.",
    add_account: "Add account",
    account_units_limit: "Only these units (none: every unit):",
    lock_exceptions: "Lock exceptions",
    no_lock_exceptions: "No lock exception.",
    exception_period: "Period",
    exception_until: "Valid until",
    exception_reason: "Reason",
    remove_exception: "Remove",
    exceptions_who: "A Verifikator or Admin grants lock exceptions.",
    grant_exception: "Grant the exception",
    period_lock_now: |days| {
        format!(
            "A day can be entered or changed until {days} days after it; after that only through a lock exception. A month the head of office approved is closed to everyone."
        )
    },
    password_for: |name| format!("New password for {name}:"),
    exception_expired: |until| format!("{until} (expired)"),
    account_added: |name| format!("Account {name} added"),
    password_set: |name| format!("Password of {name} set"),
    wizard_admin_name_missing: "Give the Admin account a name, or choose no account for now.",
    wizard_admin_hint: "Whoever creates the office database is its Admin: the Admin manages units, accounts and settings. From then on every change needs an account; add Operator accounts for the clerks on Accounts & locks.",
    wizard_without_account: "No account for now (one clerk on one PC; the app asks again)",
    changed_outside_row: "Changed outside Pantau",
    password_rule: "A password has at least 8 characters.",
    approve_all_confirm: |n| {
        format!("{n} unit(s) have working days without a report this month. Approve all the same?")
    },
    month_not_over: "This month is not over: it is approved after its last day.",
    yes_approve: "Yes, approve",
    closed_units: "Closed",
    missing_units: "Not reported",
    status_saved: "saved",
    saved_done: "Saved",
    status_changed: "changed",
    needs_note: "needs a note",
    month_calendar: "Report calendar",
    entry_hint: "Tab / Shift+Tab: next / previous cell · Enter: next row · arrows: move · \
                 Esc: undo the cell · PageUp / PageDown: another working day · Ctrl+V: \
                 paste from Excel · Ctrl+S: save",
    unsaved_changes: "There are unsaved changes. Changing the date discards them.",
    discard_changes: "Discard changes",
    imported_outlier: "Imported, no note yet",
    short_history: |units| {
        format!(
            "Outliers not checked yet for {units}: fewer than {} working days of history",
            crate::domain::rules::MIN_HISTORY_DAYS
        )
    },
    review_title: |n| format!("Imported outliers waiting for a note ({n})"),
    review_hint: "Click a row to open its day; type a note in the Note column, then save.",
    review_more: |n| format!("… and {n} more"),
    import_flagged: |n| {
        format!(
            "{n} row(s) hold an outlier without a note. They are imported and flagged; add a \
             note later on Daily entry."
        )
    },
    row: "Row",
    writing: |file| format!("Writing {file}…"),
    task_failed: |file, why| {
        format!("{file} could not be written: Pantau went wrong inside ({why}).")
    },
    import_counts: |new, updated, unchanged| {
        format!("{new} new, {updated} updated, {unchanged} unchanged")
    },
    flagged_count: |n| match n {
        0 => String::new(),
        n => format!("; {n} outlier(s) without a note, flagged for review"),
    },
    appearance: "Appearance",
    theme_light: "Light",
    theme_dark: "Dark",
    stock_card: "Blank-card stock card",
    balance: "Balance",
    kind: "Kind",
    document: "BAST / document no.",
    counterparty: "From / to",
    book_event: "Book a blank-card movement",
    planned_deliveries: "Announced deliveries",
    expected_on: "Expected on",
    announced_on: "Announced on",
    printing_total: "Printed (all units)",
    outage_log: "Outage log",
    starts: "Starts",
    ends: "Ends",
    still_going: "still going on",
    cause: "Cause",
    end_today: "Close as of today",
    today: "Today",
    some_units: "Some units",
    effective_from: "Effective from",
    opening_totals: "Opening totals",
    prr_starts: "PRR start",
    prr_starts_hint: "For an office that starts counting PRR, DUP and Efac: each unit's totals \
                      up to the close of a day. The daily reports after that day add their \
                      day's figures.",
    chart_no_reports: "No daily reports up to this date yet. The chart appears once the first \
                       report is saved in Daily entry.",
    chart_no_slip: "No forecast dates to draw yet: a forecast needs a wajib KTP target and at \
                    least 5 working days with reports.",
    chart_no_stock: "No blank-card movements yet. Record blanks received on the Blank cards screen.",
    chart_no_targets: "No wajib KTP targets yet. Set them on the Targets & deadlines screen.",
    targets_hint: "Each unit's wajib KTP in force from the date below. Type the new figure and \
                   Save; Enter goes to the next row. The figure in force before keeps holding \
                   for the earlier days.",
    in_force: "In force on",
    since: "since",
    openings_hint: "Each unit's cumulative totals before its first daily report (since \
                    recording began), as of a date. Type 0 where it is zero. Tab to the next \
                    column, Enter to the next row, Esc undoes a cell.",
    opening_needs_date: "fill in the date of the opening totals (e.g. 30/09/2016)",
    set_target: "Set target",
    deadline_history: "Deadline history",
    decided_on: "Decided on",
    new_deadline: "New deadline",
    code: "Code",
    active: "active",
    inactive: "inactive",
    deactivate: "Deactivate",
    activate: "Activate",
    rename: "Rename",
    district_office: "district office",
    kecamatan: "kecamatan",
    outlier_factor: "Outlier limit (× median)",
    outlier_window: "Median window (working days)",
    forecast_window: "Forecast window (working days)",
    forecast_trials: "Monte Carlo trials",
    coverage_poor: "Coverage poor below (%)",
    coverage_good: "Coverage good above (%)",
    counts_prr: "Counts PRR, DUP and Efac every day",
    cumulative_entry: "Daily entry with totals to date",
    cumulative_entry_hint: "The clerk types each unit's totals to date, as SIAK's monitoring page \
                            shows them; Pantau stores the difference from the day before's \
                            totals as the day's counts.",
    cumulative_mode: "Type the totals to date (as in SIAK); the day's counts = the total less \
                      the day before's. Change it in Settings.",
    day_values: |values| format!("today {values}"),
    import_cumulative: "The count columns hold totals to date (cumulative, as in SIAK)",
    import_recap_month: "Month of recap sheets:",
    import_recap_month_hint: "For recap sheets (kecamatan × day) whose day columns are 1, 2, … 31 \
                              with no month, when neither their title nor the sheet's name gives \
                              one. Write it as October 2016 or 2016-10.",
    for_example: "e.g.",
    change_was: "was",
    import_recap_month_bad: "write the month as October 2016 or 2016-10",
    reorder_threshold: "Ask for blanks at a stock of (sheets)",
    reorder_lead_days: "Delivery time of blanks (working days)",
    request_buffer_days: "Days of printing added to a request",
    request_round_to: "Requests rounded up to",
    letter_government: "Letterhead: government",
    letter_address: "Letterhead: office address",
    letter_city: "City (where the letter is written)",
    letter_head_title: "Signatory's title",
    letter_head_name: "Signatory's name",
    letter_head_nip: "Signatory's NIP",
    counts_prr_hint: "Daily Entry gets the columns PRR (print-ready records), DUP, Efac and \
                      Efac retaken, and every report must fill them in. Units with data need \
                      their PRR start first (PRR, DUP and Efac up to a day: pantau prr start).",
    chart_progress: "Progress against wajib KTP",
    chart_slip: "Slip of the forecast completion date",
    chart_daily: "Daily throughput",
    chart_backlog: "Backlogs",
    chart_rejections: "DUP and Efac",
    chart_stock: "Blank stock",
    chart_coverage: "Coverage per kecamatan",
    chart_behind: "Recording rate per kecamatan",
    chart_coverage_districts: "Coverage per district",
    chart_behind_districts: "Recording rate per district",
    slip_progress: |done, total| format!("Computing the forecast history: {done} of {total}"),
    accuracy_title: "How accurate is this forecast?",
    accuracy_computing: "Testing past forecasts against what happened…",
    accuracy_none: |days| {
        format!(
            "Cannot be tested yet: it needs a history of at least {days} working days with \
             reports, so that past forecasts can be compared with what happened."
        )
    },
    accuracy_sentence: |n, days, percent| {
        format!(
            "Of {n} forecasts {days} working days ahead, {percent} fell within the P15–P85 \
             band (about 70% should)."
        )
    },
    accuracy_error: |percent| format!("P50 median error: {percent} of the work actually done."),
    accuracy_too_narrow: "The forecast's band is narrower than reality: read its P85 date as \
                          still optimistic.",
    accuracy_too_wide: "The forecast's band is wider than needed: this forecast is cautious.",
    accuracy_fair: "The forecast's band has matched reality so far.",
    accuracy_horizon: |days| format!("{days} working days"),
    accuracy_stage: "Inside P15–P85",
    accuracy_calibrated: |n, days, needed, raw, calibrated| {
        format!(
            "Calibrated on this office's own track record: each stage's band starts with its \
             tails twice as far out as the model's (the model's bands have been too narrow), \
             then is widened or narrowed as far as this office's past forecasts missed. Of the \
             {n} forecasts {days} working days ahead made once {needed} outcomes were known, \
             {calibrated} fell within P15–P85 once calibrated (the same forecasts, the model \
             alone: {raw}). The P85 and P95 dates above are calibrated; the middle date \
             (P50) stays."
        )
    },
    accuracy_uncalibrated: |known, needed| {
        format!(
            "Not calibrated yet: {known} outcomes of past forecasts are known, {needed} are \
             needed. The P85 and P95 dates above are the model's alone."
        )
    },
    accuracy_table_note: |needed| {
        format!(
            "model / calibrated, on the same forecasts: those made once {needed} outcomes were \
             known (n)"
        )
    },
    accuracy_horizon_n: |days, n| format!("{days} working days (n {n})"),
    accuracy_still_narrow: "Even calibrated, the band is still narrower than reality: read the \
                            \"at the latest\" date as still optimistic.",
    accuracy_reach: |days| {
        format!(
            "Only totals up to {days} working days ahead are tested here; finishing dates \
             further away are not tested by it."
        )
    },
    accuracy_chart_note: "Reading the chart: each point is a probability the forecast gave \
                          (across, e.g. 15% for P15) and how often the outcome fell below that \
                          value (up). On the diagonal the forecast kept its word; above it on \
                          the left and below it on the right, its band was too narrow.",
    calibrated_mark: "calibrated",
    calibrated_optimistic_mark: "calibrated; it may be later still",
    chart_zoom_hint: "Drag to pan, Ctrl + scroll to zoom, double-click to go back. Point at a \
                      dot to see its value.",
    report_as_of: "PDF report and charts as of",
    report_as_of_hint: "(the same date as the Dashboard's)",
    as_of_latest: "(latest data)",
    as_of_latest_hint: "This date follows the data: after every save, the last day with data.",
    as_of_picked: "(picked date)",
    back_to_latest: "To the latest data",
    back_to_latest_hint: "Show the figures as of the last day with data, and follow the data \
                          after every save.",
    error_title: "Cannot continue",
    hub_read_only: "A province's hub is only read here: figures are changed at the district, \
                    then pushed to the hub.",
    export_hint_hub: "Excel holds the daily figures and the summary per district with charts; \
                      PDF for the province's heads.",
    open_hub: "Open a province's hub…",
    open_hub_hint: "The province's or the nation's roll-up from a PostgreSQL hub: every district \
                    that sends, read only.",
    hub_url: "Hub address",
    hub_url_hint: "postgresql://name@server/pantau",
    hub_password: "Password",
    hub_province: "Province",
    hub_province_hint: "Leave empty for every district your role may read",
    hub_open: "Open hub",
    hub_connecting: "Connecting to the hub…",
    hub_banner: |scope, url| format!("Hub {scope} — read only ({url})"),
    hub_nation: "national",
    hub_reload: "Reload from the hub",
    hub_districts_title: |date| format!("Districts as of {date}: reports and blanks"),
    hub_col_district: "District",
    hub_col_province: "Province",
    hub_col_last_report: "Last report",
    hub_col_units: "Units reported",
    hub_col_blanks: "Blanks left",
    hub_not_reported: "not reported",
    hub_all_reported: |date| format!("Every district has reported {date}."),
    hub_some_not_reported: |n, names| format!("{n} district(s) not reported: {names}"),
    hub_low_blanks: |limit| format!("under {limit} sheets: ask for blanks"),
    hub_outages_title: "Outages in the districts",
    hub_outages_none: "No outage recorded.",
    hub_outage_row: |district, span, cause| format!("{district}: {span} ({cause})"),
    province_title: "Send to the province",
    province_not_linked: "This district is not registered with its province's hub. The hub's \
                          administrator registers it with `pantau hub register`.",
    province_linked: |province, url| format!("Registered with the hub of {province} ({url})"),
    push_to_province: "Send to the province",
    push_to_province_hint: "Send everything changed since the last bundle straight to the \
                            province's hub (needs a connection to the province's server).",
    province_to_file: "Write the province's bundle to a file…",
    province_to_file_hint: "Without a connection: write the bundle to a file and take it to the \
                            province (USB stick, e-mail); the province loads it with `pantau hub \
                            receive`.",
    province_pushing: "Sending to the province…",
    province_sent_title: "Bundles for the province",
    province_none_sent: "Nothing sent to the province yet.",
    province_sent_row: |sequence, created, reports, pushed| match pushed {
        Some(at) => {
            format!("{sequence}: made {created}, {reports} report(s) — at the hub since {at}")
        }
        None => format!("{sequence}: made {created}, {reports} report(s) — not yet confirmed"),
    },
    province_unconfirmed: |n| format!("{n} bundle(s) not yet confirmed at the hub"),
};

//! The words of one language, field by field: a language missing one does not compile.

/// The text of one language.
pub struct Tr {
    pub app: &'static str,
    // Navigation.
    pub dashboard: &'static str,
    pub entry: &'static str,
    pub stock: &'static str,
    pub outages: &'static str,
    pub targets: &'static str,
    pub units: &'static str,
    pub settings: &'static str,
    pub reports: &'static str,
    pub exchange: &'static str,
    // Reports screen.
    pub export_xlsx: &'static str,
    pub export_csv: &'static str,
    pub pdf_report: &'static str,
    pub chart_png: &'static str,
    pub exported: &'static str,
    /// `5.445 laporan harian`: what an export wrote.
    pub daily_reports: fn(&str) -> String,
    pub import_file: &'static str,
    pub import_now: &'static str,
    pub checking_rows: &'static str,
    pub imported: &'static str,
    pub import_problems: &'static str,
    pub would_import: &'static str,
    pub make_backup: &'static str,
    pub backup_written: &'static str,
    pub backups_title: &'static str,
    pub backups_hint: &'static str,
    pub export_title: &'static str,
    pub export_hint: &'static str,
    pub import_title: &'static str,
    pub import_hint: &'static str,
    pub change_new: &'static str,
    pub change_update: &'static str,
    // Common.
    pub save: &'static str,
    pub cancel: &'static str,
    pub close: &'static str,
    pub delete: &'static str,
    pub add: &'static str,
    pub date: &'static str,
    pub note: &'static str,
    pub unit: &'static str,
    pub quantity: &'static str,
    pub all_units: &'static str,
    pub as_of: &'static str,
    pub previous_day: &'static str,
    pub next_day: &'static str,
    /// Beside the next-day button, greyed while that day has not come: "Hari kerja berikutnya (Senin, 3 Juli 2017) belum
    /// tiba" (after a holiday it is not tomorrow).
    pub next_day_not_yet: fn(&str) -> String,
    /// A day after today was asked for: (that day, today).
    pub entry_future_day: fn(&str, &str) -> String,
    pub unknown: &'static str,
    pub saved_rows: fn(usize) -> String,
    /// A saved report's row, asking before it is deleted.
    pub delete_report_ask: &'static str,
    pub delete_report_yes: &'static str,
    /// `Laporan Torjun, 5 Okt 2016 dihapus`
    pub report_deleted: fn(&str, &str) -> String,
    pub report_not_there: fn(&str, &str) -> String,
    pub edit: &'static str,
    /// `Ubah keputusan 28 Sep 2016`
    pub edit_decision: fn(&str) -> String,
    /// After targets that look like typos.
    pub targets_confirm_ask: &'static str,
    pub save_anyway: &'static str,
    /// The dashboard's warning: years the calendar has no holidays in (`2026–2027`).
    pub holidays_missing: fn(&str) -> String,
    pub holidays_fill: &'static str,
    pub holidays_import: &'static str,
    pub holiday_years_added: fn(&str) -> String,
    pub holidays_imported: fn(usize, usize) -> String,
    /// `libur-2027.csv: 3 masalah; tidak ada yang diimpor`
    pub holidays_refused: fn(&str, usize) -> String,
    /// The wizard's date of the opening totals.
    pub opening_close_of: &'static str,
    /// `Laporan harian dimulai Senin, 5 Oktober 2016`
    pub reports_start_on: fn(&str) -> String,
    /// The entry grid on a day its units' opening totals already cover.
    pub covered_by_openings: fn(&str) -> String,
    /// Beside the as-of day when not every unit has reported on it.
    pub as_of_reported: fn(usize, usize) -> String,
    /// Blangko's ledger on a picked day: the movements after it that it leaves out.
    pub later_movements_hidden: fn(usize, &str) -> String,
    pub nothing_to_save: &'static str,
    pub open_file: &'static str,
    pub opening: &'static str,
    pub restore: &'static str,
    pub restored_from: &'static str,
    pub file_menu: &'static str,
    pub quit: &'static str,
    /// A date field's calendar button, and the hint in an empty date field.
    pub date_picker_open: &'static str,
    pub date_hint: &'static str,
    pub year_back: &'static str,
    pub month_back: &'static str,
    pub month_on: &'static str,
    pub year_on: &'static str,
    /// Under an empty outage log: how to add one.
    pub no_outages: &'static str,
    pub new_office: &'static str,
    pub open_demo: &'static str,
    pub language: &'static str,
    // File paths where the PC has no file dialog.
    pub path_open_title: &'static str,
    pub path_save_title: &'static str,
    pub no_file_dialog: &'static str,
    pub path_label: &'static str,
    pub ok: &'static str,
    pub path_empty: &'static str,
    pub path_not_found: fn(&str) -> String,
    pub path_no_folder: fn(&str) -> String,
    pub path_exists: fn(&str) -> String,
    // The new-office wizard.
    pub wizard_steps: [&'static str; 5],
    pub next: &'static str,
    pub back: &'static str,
    pub wizard_office_hint: &'static str,
    pub wizard_no_office: &'static str,
    pub wizard_units_hint: &'static str,
    pub choose_units_file: &'static str,
    pub units_file_refused: &'static str,
    pub wizard_units_found: fn(usize) -> String,
    pub wizard_no_units: &'static str,
    /// "3 baris perlu diperbaiki: lihat keterangan di samping tiap baris".
    pub rows_to_correct: fn(usize) -> String,
    /// The units box: Tab separates a name from its wajib KTP; Ctrl+Enter goes on.
    pub wizard_units_keys: &'static str,
    pub wizard_line_problem: fn(usize, &str) -> String,
    pub wizard_no_name: &'static str,
    pub wizard_bad_wajib: fn(&str) -> String,
    pub wizard_extra: fn(&str) -> String,
    pub wizard_twice: fn(&str) -> String,
    pub wizard_openings_hint: &'static str,
    pub wizard_deadline_hint: &'static str,
    pub wizard_with_deadline: &'static str,
    pub wizard_done_hint: &'static str,
    pub create_database: &'static str,
    // Welcome.
    pub welcome_title: &'static str,
    pub welcome_text: &'static str,
    pub office_name: &'static str,
    pub units_typed: &'static str,
    pub illustrative: &'static str,
    // Counts.
    pub wajib_ktp: &'static str,
    pub recorded: &'static str,
    pub sent: &'static str,
    pub printed: &'static str,
    pub suket: &'static str,
    pub server_ok: &'static str,
    pub backlog_send: &'static str,
    pub backlog_print: &'static str,
    /// The centre's stage on the dashboard: PRR, what waits for it, PRR waiting for blanks.
    pub prr_tile: &'static str,
    pub waiting_for_prr: &'static str,
    pub prr_waiting: &'static str,
    pub prr_waiting_detail: &'static str,
    /// A table's heading for it.
    pub prr_waiting_short: &'static str,
    /// The request for blanks on the dashboard: a title, whether it is due, the quantity and
    /// how it is counted, the number field and the button.
    pub request_title: &'static str,
    /// (stock, threshold, day, lead days): the stock reaches the threshold within the lead time.
    pub request_due: fn(&str, &str, &str, usize) -> String,
    /// (stock, threshold): already at or under it.
    pub request_under: fn(&str, &str) -> String,
    /// (threshold, lead days): not within the lead time.
    pub request_not_due: fn(&str, usize) -> String,
    pub request_stock_unknown: &'static str,
    /// (quantity, waiting, waiting's name, days, buffer, stock, the announced deliveries'
    /// words from `request_announced` or nothing, rounding).
    pub request_quantity: fn(&str, &str, &str, usize, &str, &str, &str, &str) -> String,
    /// The deliveries announced and not yet made, subtracted from the request: (blanks, how
    /// many deliveries, the day the last is expected).
    pub request_announced: fn(&str, usize, &str) -> String,
    /// The request's days of printing: (blanks, the printing rate, the working days it is the
    /// mean of).
    pub request_buffer: fn(&str, &str, usize) -> String,
    pub letter_number: &'static str,
    pub write_letter: &'static str,
    /// A share of wajib KTP, and of the stage before: "73,9 % dari wajib KTP".
    pub pct_of_wajib: fn(&str) -> String,
    pub pct_of_stage: fn(&str, &str) -> String,
    /// The stages as the share sentences name them.
    pub stage_recorded: &'static str,
    pub stage_sent: &'static str,
    pub stage_prr: &'static str,
    pub blanks_on_hand: &'static str,
    pub days_of_stock: fn(&str) -> String,
    /// Days of stock while the stock itself is unknown (no receipt or count yet).
    pub days_of_stock_unknown: &'static str,
    pub no_recent_printing: &'static str,
    pub out_of_stock: &'static str,
    /// Out of stock since a day: "habis sejak 16 Sep 2016".
    pub out_of_stock_since: fn(&str) -> String,
    pub stock_unknown: &'static str,
    /// The working days without blanks in all, from the day stock became known when it is:
    /// "Total hari kerja tanpa blangko sejak 4 Jan 2016".
    pub stockout_days: fn(Option<&str>) -> String,
    // Forecast.
    pub recording_done: &'static str,
    pub everyone_card: &'static str,
    pub deadline: &'static str,
    pub no_deadline: &'static str,
    pub computing: &'static str,
    pub not_computed: &'static str,
    pub forecast_failed: fn(&str) -> String,
    pub check_failed: fn(&str) -> String,
    pub limited_by: &'static str,
    /// The as-of day's shortcut and what a weekend or holiday picked becomes.
    pub as_of_shortcut: &'static str,
    /// A weekend or holiday picked as the as-of day, and the working day shown instead.
    pub as_of_snapped: fn(&str, &str) -> String,
    /// The heading of the note with the percentiles and the method.
    pub how_to_read: &'static str,
    /// What the deadline needs: "Yang dibutuhkan tenggat 30 Juni 2017 (181 hari kerja lagi)".
    pub pace_title: fn(&str, usize) -> String,
    pub pace_passed: fn(&str) -> String,
    /// The deadline is ahead but no working day is left before it.
    pub pace_no_days: fn(&str) -> String,
    pub pace_stage: &'static str,
    pub pace_remaining: &'static str,
    pub pace_required: &'static str,
    pub pace_current: &'static str,
    pub pace_shortfall: &'static str,
    /// In the shortfall column, where the current rate is enough.
    pub pace_enough: &'static str,
    /// Cards to print, blanks in stock, announced (by the deadline, or at all once it has
    /// passed), to ask for; whether the deadline has passed.
    pub pace_blanks: fn(&str, &str, &str, &str, bool) -> String,
    pub pace_blanks_unknown: &'static str,
    /// What "now" is the mean of: working days with reports.
    pub pace_window: fn(usize) -> String,
    /// "Siapa yang tertinggal?": how many kecamatan are under the rate they need, of how many.
    pub behind_title: fn(usize, usize) -> String,
    /// The same at a hub, whose units are districts.
    pub behind_title_districts: fn(usize, usize) -> String,
    pub behind_headers: [&'static str; 9],
    pub behind_hint: &'static str,
    /// Over a rate this month a tenth or more under last month's.
    pub behind_slower: &'static str,
    /// The district office's row: its name and its recordings, which count for no kecamatan.
    pub behind_district_office: fn(&str, &str) -> String,
    // Entry.
    pub completeness: fn(usize, usize, &str) -> String,
    /// A weekend or holiday in the entry grid: (units that reported, the day).
    pub completeness_rest_day: fn(usize, &str) -> String,
    pub login_title: &'static str,
    pub account_name: &'static str,
    pub password: &'static str,
    pub log_in: &'static str,
    pub log_out: &'static str,
    pub forgot_admin_password: &'static str,
    pub recover_explained: &'static str,
    pub recovery_code: &'static str,
    pub recovery_code_explained: &'static str,
    pub written_down: &'static str,
    pub new_password: &'static str,
    pub repeat_password: &'static str,
    pub reset_password: &'static str,
    pub passwords_differ: &'static str,
    pub no_account_yet: &'static str,
    pub create_admin: &'static str,
    pub create_admin_explained: &'static str,
    pub data_changed_outside: &'static str,
    pub admin_created: &'static str,
    pub password_reset_done: &'static str,
    pub approved_done: fn(&str, usize) -> String,
    pub unapproved_done: fn(&str, usize) -> String,
    pub approval_title: &'static str,
    pub approval_nothing: &'static str,
    pub approval_needs_accounts: &'static str,
    pub approval_month: &'static str,
    pub approval_reported: &'static str,
    pub approval_status: &'static str,
    pub unapprove: &'static str,
    pub unapprove_needs_reason: &'static str,
    pub not_approved: &'static str,
    pub approve: &'static str,
    pub approve_all: &'static str,
    pub unapprove_reason: &'static str,
    pub approval_explained: &'static str,
    pub approval_only_kepala: &'static str,
    pub approved_by: fn(&str, &str) -> String,
    pub reopened_by: fn(&str, &str, &str) -> String,
    pub tampering_more: fn(usize) -> String,
    pub read_only_screen: fn(&str) -> String,
    pub accounts_screen: &'static str,
    pub period_lock: &'static str,
    pub period_lock_days: &'static str,
    pub accounts_title: &'static str,
    pub account_role: &'static str,
    pub account_units: &'static str,
    pub account_active: &'static str,
    pub account_disabled: &'static str,
    pub disable: &'static str,
    pub enable: &'static str,
    pub set_password: &'static str,
    pub accounts_admin_only: &'static str,
    pub add_account: &'static str,
    pub account_units_limit: &'static str,
    pub lock_exceptions: &'static str,
    pub no_lock_exceptions: &'static str,
    pub exception_period: &'static str,
    pub exception_until: &'static str,
    pub exception_reason: &'static str,
    pub remove_exception: &'static str,
    pub exceptions_who: &'static str,
    pub grant_exception: &'static str,
    pub period_lock_now: fn(u32) -> String,
    pub password_for: fn(&str) -> String,
    pub exception_expired: fn(&str) -> String,
    pub account_added: fn(&str) -> String,
    pub password_set: fn(&str) -> String,
    pub wizard_admin_name_missing: &'static str,
    pub wizard_admin_hint: &'static str,
    pub wizard_without_account: &'static str,
    pub changed_outside_row: &'static str,
    pub password_rule: &'static str,
    pub approve_all_confirm: fn(usize) -> String,
    pub month_not_over: &'static str,
    pub yes_approve: &'static str,
    /// Units without a report on a day closed to the account (not late: closed).
    pub closed_units: &'static str,
    pub missing_units: &'static str,
    pub status_saved: &'static str,
    /// The status line after a change was saved.
    pub saved_done: &'static str,
    pub status_changed: &'static str,
    pub needs_note: &'static str,
    pub month_calendar: &'static str,
    pub entry_hint: &'static str,
    pub unsaved_changes: &'static str,
    pub discard_changes: &'static str,
    pub imported_outlier: &'static str,
    pub short_history: fn(&str) -> String,
    pub review_title: fn(usize) -> String,
    pub review_hint: &'static str,
    pub review_more: fn(usize) -> String,
    pub import_flagged: fn(usize) -> String,
    /// New, updated and unchanged rows of an import.
    pub import_counts: fn(usize, usize, usize) -> String,
    /// `Menulis laporan.pdf…` while a file is written in the background.
    pub writing: fn(&str) -> String,
    /// A background write that panicked: the file and what went wrong.
    pub task_failed: fn(&str, &str) -> String,
    /// `; 3 outliers without a note, flagged for review` (empty for none).
    pub flagged_count: fn(usize) -> String,
    pub row: &'static str,
    // Appearance.
    pub appearance: &'static str,
    pub theme_light: &'static str,
    pub theme_dark: &'static str,
    // Stock.
    pub stock_card: &'static str,
    pub balance: &'static str,
    pub kind: &'static str,
    pub document: &'static str,
    pub counterparty: &'static str,
    pub book_event: &'static str,
    pub planned_deliveries: &'static str,
    pub expected_on: &'static str,
    pub announced_on: &'static str,
    pub printing_total: &'static str,
    // Outages.
    pub outage_log: &'static str,
    pub starts: &'static str,
    pub ends: &'static str,
    pub still_going: &'static str,
    pub cause: &'static str,
    pub end_today: &'static str,
    pub today: &'static str,
    pub some_units: &'static str,
    // Targets.
    pub effective_from: &'static str,
    pub set_target: &'static str,
    pub opening_totals: &'static str,
    /// The PRR starts page: its title and what it is for.
    pub prr_starts: &'static str,
    pub prr_starts_hint: &'static str,
    pub chart_no_reports: &'static str,
    pub chart_no_slip: &'static str,
    pub chart_no_stock: &'static str,
    pub chart_no_targets: &'static str,
    pub targets_hint: &'static str,
    pub in_force: &'static str,
    pub since: &'static str,
    pub openings_hint: &'static str,
    pub opening_needs_date: &'static str,
    pub deadline_history: &'static str,
    pub decided_on: &'static str,
    pub new_deadline: &'static str,
    // Units.
    pub code: &'static str,
    pub active: &'static str,
    pub inactive: &'static str,
    pub deactivate: &'static str,
    pub activate: &'static str,
    pub rename: &'static str,
    pub district_office: &'static str,
    pub kecamatan: &'static str,
    // Settings.
    pub outlier_factor: &'static str,
    pub outlier_window: &'static str,
    pub forecast_window: &'static str,
    pub forecast_trials: &'static str,
    pub coverage_poor: &'static str,
    pub coverage_good: &'static str,
    /// The setting that shows the centre's stage in the entry grid, and what it means.
    pub counts_prr: &'static str,
    pub counts_prr_hint: &'static str,
    /// Cumulative entry: the setting, what the grid says of it, and the day's counts beside
    /// the totals.
    pub cumulative_entry: &'static str,
    pub cumulative_entry_hint: &'static str,
    pub cumulative_mode: &'static str,
    pub import_cumulative: &'static str,
    /// The month box for recap sheets whose day columns give none.
    pub import_recap_month: &'static str,
    pub import_recap_month_hint: &'static str,
    pub import_recap_month_bad: &'static str,
    /// Before an example in a field's hint: "mis.", "e.g.".
    pub for_example: &'static str,
    /// Before a stored report's figures in the import preview: "sebelumnya".
    pub change_was: &'static str,
    pub day_values: fn(&str) -> String,
    /// The request for blanks' settings, and the letter's letterhead.
    pub reorder_threshold: &'static str,
    pub reorder_lead_days: &'static str,
    pub request_buffer_days: &'static str,
    pub request_round_to: &'static str,
    pub letter_government: &'static str,
    pub letter_address: &'static str,
    pub letter_city: &'static str,
    pub letter_head_title: &'static str,
    pub letter_head_name: &'static str,
    pub letter_head_nip: &'static str,
    // Charts.
    pub chart_progress: &'static str,
    pub chart_slip: &'static str,
    pub chart_daily: &'static str,
    pub chart_backlog: &'static str,
    pub chart_rejections: &'static str,
    pub chart_stock: &'static str,
    pub chart_coverage: &'static str,
    pub chart_behind: &'static str,
    pub chart_coverage_districts: &'static str,
    pub chart_behind_districts: &'static str,
    pub slip_progress: fn(usize, usize) -> String,
    /// The dashboard's accuracy panel ("Seberapa tepat perkiraan ini?").
    pub accuracy_title: &'static str,
    pub accuracy_computing: &'static str,
    /// Too little history to test any forecast yet: the fewest working days needed.
    pub accuracy_none: fn(usize) -> String,
    /// `Dari 214 perkiraan 60 hari kerja ke depan, 68 % tepat dalam rentang P15–P85.`
    pub accuracy_sentence: fn(n: &str, working_days: usize, percent: &str) -> String,
    /// `Median selisih P50: 12 % dari pekerjaan yang benar-benar selesai.`
    pub accuracy_error: fn(percent: &str) -> String,
    /// The band held far fewer than 70 %: dates and totals may fall outside it more often.
    pub accuracy_too_narrow: &'static str,
    pub accuracy_too_wide: &'static str,
    pub accuracy_fair: &'static str,
    /// The column of a horizon in the accuracy table: `20 hk`.
    pub accuracy_horizon: fn(usize) -> String,
    pub accuracy_stage: &'static str,
    /// What the calibration changed: of the `n` forecasts `working_days` ahead made once
    /// `needed` outcomes were known, the share inside P15–P85 as the model made them and once
    /// calibrated; the dates above are moved.
    pub accuracy_calibrated:
        fn(n: &str, working_days: usize, needed: usize, raw: &str, calibrated: &str) -> String,
    /// Not calibrated yet: outcomes known so far and how many a calibration needs.
    pub accuracy_uncalibrated: fn(known: &str, needed: usize) -> String,
    /// Under the accuracy table: its cells read "as the model made it / calibrated", on the
    /// forecasts made once enough outcomes were known (how many: the columns' `n`).
    pub accuracy_table_note: fn(needed: usize) -> String,
    /// A horizon's column once calibrated: `60 hari kerja (n 210)`.
    pub accuracy_horizon_n: fn(working_days: usize, n: &str) -> String,
    /// Calibrated, and the band still held too few: the latest date is still optimistic.
    pub accuracy_still_narrow: &'static str,
    /// How far the test reaches: totals up to `working_days` ahead, not the finishing dates.
    pub accuracy_reach: fn(working_days: usize) -> String,
    /// Under the reliability chart: what its axes are and how a band too narrow looks there.
    pub accuracy_chart_note: &'static str,
    /// Beside a P85 or P95 date moved by the track record (the dashboard's tiles, the PDF).
    pub calibrated_mark: &'static str,
    /// Beside a calibrated P85 whose stage's calibrated band still held too few outcomes.
    pub calibrated_optimistic_mark: &'static str,
    /// How to move around a chart.
    pub chart_zoom_hint: &'static str,
    /// The Laporan screen's as-of date for the PDF and the PNG charts.
    pub report_as_of: &'static str,
    pub report_as_of_hint: &'static str,
    /// Beside an as-of date that follows the data.
    pub as_of_latest: &'static str,
    pub as_of_latest_hint: &'static str,
    /// Beside an as-of date the user picked.
    pub as_of_picked: &'static str,
    pub back_to_latest: &'static str,
    pub back_to_latest_hint: &'static str,
    pub error_title: &'static str,
    /// A province's hub, opened for reading.
    pub hub_read_only: &'static str,
    pub export_hint_hub: &'static str,
    pub open_hub: &'static str,
    pub open_hub_hint: &'static str,
    pub hub_url: &'static str,
    pub hub_url_hint: &'static str,
    pub hub_password: &'static str,
    pub hub_province: &'static str,
    pub hub_province_hint: &'static str,
    pub hub_open: &'static str,
    pub hub_connecting: &'static str,
    /// "Hub Jawa Timur — read only (postgresql://…)"
    pub hub_banner: fn(&str, &str) -> String,
    pub hub_nation: &'static str,
    pub hub_reload: &'static str,
    pub hub_districts_title: fn(&str) -> String,
    pub hub_col_district: &'static str,
    pub hub_col_province: &'static str,
    pub hub_col_last_report: &'static str,
    pub hub_col_units: &'static str,
    pub hub_col_blanks: &'static str,
    pub hub_not_reported: &'static str,
    pub hub_all_reported: fn(&str) -> String,
    pub hub_some_not_reported: fn(usize, &str) -> String,
    pub hub_low_blanks: fn(&str) -> String,
    pub hub_outages_title: &'static str,
    pub hub_outages_none: &'static str,
    pub hub_outage_row: fn(&str, &str, &str) -> String,
    /// The district's side: "Kirim ke provinsi" on the Kiriman screen.
    pub province_title: &'static str,
    pub province_not_linked: &'static str,
    pub province_linked: fn(&str, &str) -> String,
    pub push_to_province: &'static str,
    pub push_to_province_hint: &'static str,
    pub province_to_file: &'static str,
    pub province_to_file_hint: &'static str,
    pub province_pushing: &'static str,
    pub province_sent_title: &'static str,
    pub province_none_sent: &'static str,
    pub province_sent_row: fn(u64, &str, &str, Option<&str>) -> String,
    pub province_unconfirmed: fn(usize) -> String,
}

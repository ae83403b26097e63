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
    pub wizard_steps: [&'static str; 4],
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
    pub blanks_on_hand: &'static str,
    pub days_of_stock: fn(&str) -> String,
    /// Days of stock while the stock itself is unknown (no receipt or count yet).
    pub days_of_stock_unknown: &'static str,
    pub no_recent_printing: &'static str,
    pub out_of_stock: &'static str,
    /// Out of stock since a day: "habis sejak 16 Sep 2016".
    pub out_of_stock_since: fn(&str) -> String,
    pub stock_unknown: &'static str,
    pub stockout_days: &'static str,
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
    pub behind_headers: [&'static str; 9],
    pub behind_hint: &'static str,
    /// Over a rate this month a tenth or more under last month's.
    pub behind_slower: &'static str,
    /// The district office's row: its name and its recordings, which count for no kecamatan.
    pub behind_district_office: fn(&str, &str) -> String,
    // Entry.
    pub completeness: fn(usize, usize, &str) -> String,
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
    // Charts.
    pub chart_progress: &'static str,
    pub chart_slip: &'static str,
    pub chart_daily: &'static str,
    pub chart_backlog: &'static str,
    pub chart_stock: &'static str,
    pub chart_coverage: &'static str,
    pub chart_behind: &'static str,
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
}

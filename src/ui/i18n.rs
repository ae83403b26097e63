//! All user-facing text, one table per language. Indonesian is the default.

use serde::{Deserialize, Serialize};

use crate::domain::number::CountParseError;
use crate::domain::rules::{MAX_TEXT_CHARS, OutlierReason, RuleViolation, TextProblem};
use crate::domain::stock::ShortfallKind;
use crate::domain::{CountField, OutageCause, StockEventKind};
use crate::store::StoreError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Id,
    En,
}

impl Lang {
    pub fn tr(self) -> &'static Tr {
        match self {
            Lang::Id => &ID,
            Lang::En => &EN,
        }
    }
}

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
    // Reports screen.
    pub export_xlsx: &'static str,
    pub export_csv: &'static str,
    pub pdf_report: &'static str,
    pub chart_png: &'static str,
    pub exported: &'static str,
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
    pub nothing_to_save: &'static str,
    pub open_file: &'static str,
    pub opening: &'static str,
    pub restore: &'static str,
    pub restored_from: &'static str,
    pub file_menu: &'static str,
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
    pub no_recent_printing: &'static str,
    pub out_of_stock: &'static str,
    pub stock_unknown: &'static str,
    pub stockout_days: &'static str,
    // Forecast.
    pub recording_done: &'static str,
    pub everyone_card: &'static str,
    pub deadline: &'static str,
    pub no_deadline: &'static str,
    pub chance_by_deadline: &'static str,
    pub computing: &'static str,
    pub limited_by: &'static str,
    // Entry.
    pub completeness: fn(usize, usize, &str) -> String,
    pub missing_units: &'static str,
    pub status_saved: &'static str,
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
    pub moving_average: &'static str,
    pub reporting_date: &'static str,
    pub forecast_date: &'static str,
    pub diagonal: &'static str,
    pub band_poor: &'static str,
    pub band_adequate: &'static str,
    pub band_good: &'static str,
    pub slip_progress: fn(usize, usize) -> String,
    pub outage_label: &'static str,
    pub receipt_label: &'static str,
    pub error_title: &'static str,
}

pub static ID: Tr = Tr {
    app: "Pantau e-KTP",
    dashboard: "Ringkasan",
    entry: "Entri Harian",
    stock: "Blangko",
    outages: "Gangguan",
    targets: "Target & Tenggat",
    units: "Unit",
    settings: "Pengaturan",
    reports: "Laporan",
    export_xlsx: "Ekspor ke Excel (.xlsx)…",
    export_csv: "Ekspor laporan harian ke CSV…",
    pdf_report: "Laporan PDF untuk pimpinan…",
    chart_png: "Simpan grafik sebagai PNG…",
    exported: "Diekspor",
    import_file: "Pilih berkas untuk diimpor…",
    import_now: "Impor",
    checking_rows: "Memeriksa baris",
    imported: "Diimpor",
    import_problems: "Masalah — tidak ada yang diimpor sampai semuanya diperbaiki:",
    would_import: "Akan diimpor",
    make_backup: "Buat cadangan…",
    backup_written: "Cadangan ditulis ke",
    backups_title: "Cadangan",
    backups_hint: "Pantau juga menyimpan sendiri satu cadangan per hari di folder data (14 hari \
                   terakhir).",
    export_title: "Ekspor dan laporan",
    export_hint: "Excel berisi laporan harian, ringkasan per unit dengan grafik, kartu stok \
                  blangko dan riwayat perkiraan; PDF untuk pimpinan dan Bupati.",
    import_title: "Impor",
    import_hint: "CSV, XLSX, XLS atau ODS. Setiap baris diperiksa dulu; tidak ada yang ditulis \
                  sebelum Anda menekan Impor.",
    change_new: "baru",
    change_update: "diperbarui",
    save: "Simpan",
    cancel: "Batal",
    close: "Tutup",
    delete: "Hapus",
    add: "Tambah",
    date: "Tanggal",
    note: "Catatan",
    unit: "Unit",
    quantity: "Jumlah",
    all_units: "Semua unit",
    as_of: "Per tanggal",
    previous_day: "< Hari kerja sebelumnya",
    next_day: "Hari kerja berikutnya >",
    unknown: "belum diketahui",
    saved_rows: |n| format!("{n} baris tersimpan"),
    nothing_to_save: "Tidak ada perubahan untuk disimpan",
    open_file: "Buka berkas…",
    opening: "Membuka",
    restore: "Pulihkan dari cadangan…",
    restored_from: "Dipulihkan dari",
    file_menu: "Berkas",
    new_office: "Buat database kantor…",
    open_demo: "Buka data ilustrasi",
    language: "Bahasa",
    path_open_title: "Buka berkas",
    path_save_title: "Simpan sebagai",
    no_file_dialog: "Dialog pemilih berkas tidak tersedia di PC ini (tidak ada xdg-desktop-portal \
                     atau zenity). Ketik jalur lengkap berkasnya di sini.",
    path_label: "Jalur berkas",
    ok: "OK",
    path_empty: "Ketik jalur berkasnya.",
    path_not_found: |p| format!("Berkas {p} tidak ada."),
    path_no_folder: |p| format!("Folder {p} tidak ada."),
    wizard_steps: ["1. Kantor", "2. Unit", "3. Saldo awal", "4. Tenggat"],
    next: "Lanjut ›",
    back: "‹ Kembali",
    wizard_office_hint: "Nama kantor seperti tertulis di laporan, mis. Dispendukcapil Kabupaten \
                         Sampang.",
    wizard_no_office: "Isi nama kantor.",
    wizard_units_hint: "Satu unit (kecamatan) per baris: namanya, lalu wajib KTP bila sudah ada, \
                        dipisah Tab atau titik koma — bisa ditempel langsung dari lembar kerja. \
                        Atau pilih berkas CSV, XLSX atau ODS dengan kolom nama dan wajib_ktp.",
    choose_units_file: "Pilih berkas…",
    units_file_refused: "Berkas unit tidak dapat dipakai:",
    wizard_units_found: |n| format!("{n} unit"),
    wizard_no_units: "Tulis paling sedikit satu unit.",
    wizard_line_problem: |n, what| format!("Baris {n}: {what}"),
    wizard_no_name: "nama unit kosong",
    wizard_bad_wajib: |t| format!("wajib KTP '{t}' bukan bilangan bulat ≥ 0"),
    wizard_extra: |t| format!("'{t}' tidak dikenal; tulis nama, lalu wajib KTP"),
    wizard_twice: |n| format!("{n} tertulis dua kali"),
    wizard_openings_hint: "Total kumulatif tiap unit sebelum laporan harian pertama (sejak \
                           perekaman dimulai). Isi 0 bila memang nol; kosongkan seluruh baris \
                           bila unit itu belum punya angka.",
    wizard_deadline_hint: "Tenggat penyelesaian perekaman yang berlaku, bila ada. Tenggat dapat \
                           ditambah nanti di layar Target.",
    wizard_with_deadline: "Catat tenggat",
    wizard_done_hint: "Tekan Buat database lalu pilih tempat menyimpannya; layar Entri Harian \
                       terbuka sesudahnya.",
    create_database: "Buat database…",
    welcome_title: "Selamat datang di Pantau e-KTP",
    welcome_text: "Pilih database untuk mulai: buka berkas .pantau, buat database untuk kantor Anda, \
                   atau lihat data ilustrasi Kabupaten Sampang.",
    office_name: "Nama kantor",
    units_typed: "Unit, satu per baris",
    illustrative: "Data ilustrasi, bukan data sebenarnya",
    wajib_ktp: "Wajib KTP",
    recorded: "Rekam",
    sent: "Terkirim",
    printed: "Cetak",
    suket: "Suket",
    server_ok: "Server OK",
    backlog_send: "Belum terkirim",
    backlog_print: "Belum dicetak",
    blanks_on_hand: "Stok blangko",
    days_of_stock: |d| format!("cukup {d} hari kerja"),
    no_recent_printing: "tidak ada cetak 14 hari kerja terakhir",
    out_of_stock: "habis",
    stock_unknown: "belum diketahui",
    stockout_days: "Hari stok kosong",
    recording_done: "Perekaman selesai",
    everyone_card: "Semua memegang kartu",
    deadline: "Tenggat",
    no_deadline: "Belum ada tenggat",
    chance_by_deadline: "Peluang tepat waktu",
    computing: "menghitung…",
    limited_by: "Dibatasi oleh",
    completeness: |n, m, date| format!("{n} dari {m} unit sudah melapor untuk {date}"),
    missing_units: "Belum melapor",
    status_saved: "tersimpan",
    status_changed: "diubah",
    needs_note: "perlu catatan",
    month_calendar: "Kalender laporan",
    entry_hint: "Tab / Shift+Tab: sel berikut / sebelumnya · Enter: baris berikut · panah: pindah \
                 sel · Esc: batalkan isi sel · PageUp / PageDown: hari kerja sebelumnya / \
                 berikutnya · Ctrl+V: tempel blok dari Excel · Ctrl+S: simpan",
    unsaved_changes: "Ada perubahan yang belum disimpan. Pindah tanggal akan membuangnya.",
    discard_changes: "Buang perubahan",
    imported_outlier: "Dari impor, belum ada catatan",
    short_history: |units| {
        format!(
            "Lonjakan belum diperiksa untuk {units}: riwayatnya belum {} hari kerja",
            crate::domain::rules::MIN_HISTORY_DAYS
        )
    },
    review_title: |n| format!("Lonjakan dari impor yang belum diberi catatan ({n})"),
    review_hint: "Klik satu baris untuk membuka harinya; isi catatan di kolom Catatan, lalu simpan.",
    review_more: |n| format!("… dan {n} lagi"),
    import_flagged: |n| {
        format!(
            "{n} baris berisi lonjakan tanpa catatan. Baris itu tetap diimpor dan ditandai; \
             beri catatan nanti di Entri Harian."
        )
    },
    row: "Baris",
    appearance: "Tampilan",
    theme_light: "Terang",
    theme_dark: "Gelap",
    stock_card: "Kartu stok blangko",
    balance: "Saldo",
    kind: "Jenis",
    document: "No. BAST / dokumen",
    counterparty: "Dari / kepada",
    book_event: "Catat mutasi blangko",
    planned_deliveries: "Pengiriman terjadwal",
    expected_on: "Diperkirakan tiba",
    announced_on: "Diumumkan",
    printing_total: "Cetak (semua unit)",
    outage_log: "Catatan gangguan",
    starts: "Mulai",
    ends: "Selesai",
    still_going: "masih berlangsung",
    cause: "Penyebab",
    end_today: "Tutup per hari ini",
    some_units: "Unit tertentu",
    effective_from: "Berlaku mulai",
    set_target: "Tetapkan target",
    opening_totals: "Saldo awal",
    chart_no_reports: "Belum ada laporan harian sampai tanggal ini. Grafik muncul setelah laporan \
                       pertama disimpan di Entri Harian.",
    chart_no_slip: "Belum ada tanggal perkiraan untuk digambar: perkiraan perlu target wajib KTP \
                    dan sedikitnya 5 hari kerja berlaporan.",
    chart_no_stock: "Belum ada mutasi blangko. Catat penerimaan blangko di layar Blangko.",
    chart_no_targets: "Belum ada target wajib KTP. Isi di layar Target & Tenggat.",
    targets_hint: "Wajib KTP tiap unit yang berlaku mulai tanggal di bawah. Ketik angka baru \
                   lalu Simpan; Enter ke baris berikutnya. Angka yang berlaku lebih dulu tetap \
                   tercatat untuk masa sebelumnya.",
    in_force: "Berlaku per",
    since: "sejak",
    openings_hint: "Total kumulatif tiap unit sebelum laporan harian pertamanya (sejak \
                    perekaman dimulai), per tanggal. Isi 0 bila memang nol. Tab ke kolom \
                    berikutnya, Enter ke baris berikutnya, Esc membatalkan isi sel.",
    opening_needs_date: "isi tanggal saldo awal (mis. 30/09/2016)",
    deadline_history: "Riwayat tenggat",
    decided_on: "Diputuskan",
    new_deadline: "Tenggat baru",
    code: "Kode",
    active: "aktif",
    inactive: "nonaktif",
    deactivate: "Nonaktifkan",
    activate: "Aktifkan",
    rename: "Ganti nama",
    district_office: "kantor kabupaten",
    kecamatan: "kecamatan",
    outlier_factor: "Batas pencilan (× median)",
    outlier_window: "Jendela median (hari kerja)",
    forecast_window: "Jendela perkiraan (hari kerja)",
    forecast_trials: "Jumlah percobaan Monte Carlo",
    coverage_poor: "Cakupan kurang di bawah (%)",
    coverage_good: "Cakupan baik di atas (%)",
    chart_progress: "Kemajuan terhadap wajib KTP",
    chart_slip: "Pergeseran perkiraan selesai",
    chart_daily: "Hasil harian",
    chart_backlog: "Tunggakan",
    chart_stock: "Stok blangko",
    chart_coverage: "Cakupan per kecamatan",
    moving_average: "rata-rata 7 hari kerja",
    reporting_date: "Tanggal laporan",
    forecast_date: "Perkiraan selesai",
    diagonal: "garis 45°",
    band_poor: "kurang",
    band_adequate: "cukup",
    band_good: "baik",
    slip_progress: |done, total| format!("Menghitung riwayat perkiraan: {done} dari {total}"),
    outage_label: "gangguan",
    receipt_label: "penerimaan",
    error_title: "Tidak dapat dilanjutkan",
};

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
    export_xlsx: "Export to Excel (.xlsx)…",
    export_csv: "Export daily reports to CSV…",
    pdf_report: "PDF report for the head of office…",
    chart_png: "Save the chart as PNG…",
    exported: "Exported",
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
    import_hint: "CSV, XLSX, XLS or ODS. Every row is checked first; nothing is written until \
                  you press Import.",
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
    unknown: "unknown",
    saved_rows: |n| format!("{n} rows saved"),
    nothing_to_save: "No changes to save",
    open_file: "Open file…",
    opening: "Opening",
    restore: "Restore from a backup…",
    restored_from: "Restored from",
    file_menu: "File",
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
    wizard_steps: ["1. Office", "2. Units", "3. Opening totals", "4. Deadline"],
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
    wizard_line_problem: |n, what| format!("Line {n}: {what}"),
    wizard_no_name: "the unit's name is empty",
    wizard_bad_wajib: |t| format!("wajib KTP '{t}' is not a whole number ≥ 0"),
    wizard_extra: |t| format!("'{t}' is not known; write the name, then the wajib KTP"),
    wizard_twice: |n| format!("{n} is written twice"),
    wizard_openings_hint: "Each unit's cumulative totals before its first daily report (since \
                           recording began). Type 0 where it is zero; leave a whole row empty \
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
    blanks_on_hand: "Blank stock",
    days_of_stock: |d| format!("lasts {d} working days"),
    no_recent_printing: "nothing printed in the last 14 working days",
    out_of_stock: "out of stock",
    stock_unknown: "unknown",
    stockout_days: "Stockout days",
    recording_done: "Recording complete",
    everyone_card: "Everyone holds a card",
    deadline: "Deadline",
    no_deadline: "No deadline yet",
    chance_by_deadline: "Chance by deadline",
    computing: "computing…",
    limited_by: "Limited by",
    completeness: |n, m, date| format!("{n} of {m} units have reported for {date}"),
    missing_units: "Not reported",
    status_saved: "saved",
    status_changed: "changed",
    needs_note: "needs a note",
    month_calendar: "Report calendar",
    entry_hint: "Tab / Shift+Tab: next / previous cell · Enter: next row · arrows: move · \
                 Esc: undo the cell · PageUp / PageDown: previous / next working day · Ctrl+V: \
                 paste a block from Excel · Ctrl+S: save",
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
    some_units: "Some units",
    effective_from: "Effective from",
    opening_totals: "Opening totals",
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
    chart_progress: "Progress against wajib KTP",
    chart_slip: "Slip of the forecast completion date",
    chart_daily: "Daily throughput",
    chart_backlog: "Backlogs",
    chart_stock: "Blank stock",
    chart_coverage: "Coverage per kecamatan",
    moving_average: "7-working-day average",
    reporting_date: "Reporting date",
    forecast_date: "Forecast completion",
    diagonal: "45° line",
    band_poor: "poor",
    band_adequate: "adequate",
    band_good: "good",
    slip_progress: |done, total| format!("Computing the forecast history: {done} of {total}"),
    outage_label: "outage",
    receipt_label: "receipt",
    error_title: "Cannot continue",
};

pub fn field_name(lang: Lang, field: CountField) -> &'static str {
    let tr = lang.tr();
    match field {
        CountField::Recorded => tr.recorded,
        CountField::SentToCentral => tr.sent,
        CountField::Printed => tr.printed,
        CountField::SuketIssued => tr.suket,
    }
}

pub fn stock_kind(lang: Lang, kind: StockEventKind) -> &'static str {
    match (lang, kind) {
        (Lang::Id, StockEventKind::Receipt) => "Penerimaan dari pusat",
        (Lang::Id, StockEventKind::Spoiled) => "Rusak saat cetak",
        (Lang::Id, StockEventKind::Lent) => "Dipinjamkan",
        (Lang::Id, StockEventKind::Borrowed) => "Dipinjam",
        (Lang::Id, StockEventKind::ReturnedOut) => "Dikembalikan (keluar)",
        (Lang::Id, StockEventKind::ReturnedIn) => "Pengembalian (masuk)",
        (Lang::Id, StockEventKind::Count) => "Stok opname",
        (Lang::En, StockEventKind::Receipt) => "Receipt from the centre",
        (Lang::En, StockEventKind::Spoiled) => "Spoiled in printing",
        (Lang::En, StockEventKind::Lent) => "Lent",
        (Lang::En, StockEventKind::Borrowed) => "Borrowed",
        (Lang::En, StockEventKind::ReturnedOut) => "Returned (out)",
        (Lang::En, StockEventKind::ReturnedIn) => "Returned to us (in)",
        (Lang::En, StockEventKind::Count) => "Physical count",
    }
}

pub fn outage_cause(lang: Lang, cause: OutageCause) -> &'static str {
    match (lang, cause) {
        (Lang::Id, OutageCause::CentralServer) => "Server pusat",
        (Lang::Id, OutageCause::Network) => "Jaringan",
        (Lang::Id, OutageCause::Power) => "Listrik",
        (Lang::Id, OutageCause::Equipment) => "Perangkat",
        (Lang::En, OutageCause::CentralServer) => "Central server",
        (Lang::En, OutageCause::Network) => "Network",
        (Lang::En, OutageCause::Power) => "Power",
        (Lang::En, OutageCause::Equipment) => "Equipment",
    }
}

/// A rule's message in the chosen language. English is the rule's own text.
pub fn violation(lang: Lang, v: &RuleViolation) -> String {
    if lang == Lang::En {
        return v.to_string();
    }
    let n = |x: u64| super::fmt::count(lang, x);
    let s = |x: i64| super::fmt::signed(lang, x.max(0));
    match v {
        RuleViolation::BadCount {
            at,
            field,
            text,
            reason,
        } => {
            let field = match *field {
                "recorded" => "Rekam",
                "sent" => "Terkirim",
                "printed" => "Cetak",
                "suket" => "Suket",
                "quantity" => "Jumlah",
                other => other,
            };
            if *reason == CountParseError::Empty {
                format!("{at}: {field} kosong; isi 0 bila tidak ada")
            } else {
                format!("{at}: {field} '{text}' bukan bilangan bulat ≥ 0")
            }
        }
        RuleViolation::FutureDate { at, today } => {
            format!("{at}: tanggal di masa depan (hari ini {today})")
        }
        RuleViolation::BeforeOpening { at, opening } => {
            format!("{at}: tanggal sebelum saldo awal unit ({opening})")
        }
        RuleViolation::Cumulative {
            at,
            on,
            field,
            total,
            limit_field,
            limit,
        } => {
            let (f, l) = (field_name(lang, *field), field_name(lang, *limit_field));
            if *on == at.date {
                format!(
                    "{at}: total {f} {} akan melebihi total {l} {}",
                    n(*total),
                    n(*limit)
                )
            } else {
                format!(
                    "{at}: perubahan ini membuat total {f} {} melebihi total {l} {} pada {on}",
                    n(*total),
                    n(*limit)
                )
            }
        }
        RuleViolation::StockShortfall {
            at,
            cause,
            shortfall,
            available_to_cause,
        } => match available_to_cause {
            Some(available) => format!("{at}: {cause} melebihi stok blangko ({})", s(*available)),
            None => {
                let what = match shortfall.kind {
                    ShortfallKind::Outflow => "blangko keluar",
                    ShortfallKind::Printing => "kartu dicetak",
                };
                format!(
                    "{at}: {cause} membuat blangko kurang pada {}: {what} {}, stok {}",
                    shortfall.date,
                    s(shortfall.needed),
                    s(shortfall.available)
                )
            }
        },
        RuleViolation::OutlierNeedsNote { at, outlier } => {
            let field = field_name(lang, outlier.field);
            let value = n(outlier.value);
            match &outlier.reason {
                OutlierReason::AboveMedian {
                    median,
                    factor,
                    window_days,
                } => format!(
                    "{at}: {field} {value} lebih dari {factor}× median {window_days} hari kerja \
                     terakhir ({}); isi catatan yang menjelaskannya",
                    n(*median)
                ),
                OutlierReason::AboveMaximum { maximum } => format!(
                    "{at}: {field} {value} di atas batas harian ({}); isi catatan yang \
                     menjelaskannya",
                    n(*maximum)
                ),
            }
        }
        RuleViolation::BadText { at, field, problem } => {
            let field = match *field {
                "note" => "catatan",
                "document" => "dokumen",
                "from/to" => "dari/kepada",
                other => other,
            };
            match problem {
                TextProblem::TooLong { chars } => format!(
                    "{at}: {field} berisi {} karakter; paling banyak {MAX_TEXT_CHARS}",
                    n(*chars as u64)
                ),
                TextProblem::Control { position, code } => format!(
                    "{at}: {field} memuat karakter kendali U+{code:04X} pada karakter ke-{position}; \
                     hapus karakter itu"
                ),
                TextProblem::DirectionOverride { position, code } => format!(
                    "{at}: {field} memuat pembalik arah teks U+{code:04X} pada karakter \
                     ke-{position}; hapus karakter itu"
                ),
            }
        }
        RuleViolation::UnknownUnit { name, .. } => format!("unit '{name}' tidak dikenal"),
        RuleViolation::InactiveUnit { at } => format!("{at}: unit nonaktif"),
        RuleViolation::DuplicateUnit { name } => format!("nama unit '{name}' sudah dipakai"),
        RuleViolation::EmptyUnitName => "unit perlu nama".to_string(),
        RuleViolation::Invalid { at, what } => format!("{at}: {what}"),
    }
}

/// A store error in the chosen language.
pub fn store_error(lang: Lang, error: &StoreError) -> String {
    match (lang, error) {
        (_, StoreError::Rule(v)) => violation(lang, v),
        (Lang::Id, StoreError::Locked { path, .. }) => format!(
            "{} sedang dibuka untuk menulis oleh Pantau lain. Tutup di sana dulu.",
            path.display()
        ),
        (Lang::Id, StoreError::NewerVersion { path, found, .. }) => format!(
            "{} dibuat oleh Pantau yang lebih baru (skema versi {found}). Pasang Pantau e-KTP \
             terbaru untuk membukanya.",
            path.display()
        ),
        (Lang::Id, StoreError::NotPantau(path)) => {
            format!(
                "{} bukan database Pantau. Pilih berkas .pantau.",
                path.display()
            )
        }
        (Lang::Id, StoreError::Missing(path)) => {
            format!("Berkas {} tidak ditemukan.", path.display())
        }
        (Lang::Id, StoreError::Exists(path)) => {
            format!("{} sudah ada; pilih nama lain.", path.display())
        }
        (_, other) => other.to_string(),
    }
}

/// A grid column's heading: `Rekam`, …, `Server OK`, `Catatan`.
pub fn grid_column_name(lang: Lang, column: usize) -> &'static str {
    use super::screens::entry::{COUNT_COLUMNS, NOTE_COLUMN};
    match column {
        c if c < COUNT_COLUMNS.len() => field_name(lang, COUNT_COLUMNS[c]),
        NOTE_COLUMN => lang.tr().note,
        _ => lang.tr().server_ok,
    }
}

/// What the entry grid says after a save or a paste.
pub fn entry_notice(lang: Lang, notice: &super::screens::entry::Notice) -> String {
    use super::screens::entry::Notice;
    match notice {
        Notice::NotSaved { need_note, invalid } => {
            let mut parts = Vec::new();
            if !need_note.is_empty() {
                parts.push(match lang {
                    Lang::Id => format!("perlu catatan: {}", need_note.join(", ")),
                    Lang::En => format!("need a note: {}", need_note.join(", ")),
                });
            }
            if !invalid.is_empty() {
                parts.push(match lang {
                    Lang::Id => format!("perlu diperbaiki: {}", invalid.join(", ")),
                    Lang::En => format!("need a correction: {}", invalid.join(", ")),
                });
            }
            match lang {
                Lang::Id => format!("Belum disimpan — {}", parts.join("; ")),
                Lang::En => format!("Not saved — {}", parts.join("; ")),
            }
        }
        Notice::PasteRefused(error) => paste_error(lang, error),
    }
}

/// Why a paste into the grid was refused; nothing was pasted.
pub fn paste_error(lang: Lang, error: &super::screens::entry::paste::PasteError) -> String {
    use super::screens::entry::paste::PasteError;
    let body = match (lang, error) {
        (Lang::Id, PasteError::TooManyRows { lines, room }) => format!(
            "tempelan berisi {lines} baris, tetapi dari sel ini ke bawah hanya ada {room} baris"
        ),
        (Lang::En, PasteError::TooManyRows { lines, room }) => {
            format!("the block has {lines} rows, but from this cell down there are only {room}")
        }
        (
            Lang::Id,
            PasteError::TooManyColumns {
                columns,
                room,
                line,
            },
        ) => format!(
            "baris {line} tempelan berisi {columns} kolom, tetapi dari sel ini ke kanan hanya \
             ada {room} kolom"
        ),
        (
            Lang::En,
            PasteError::TooManyColumns {
                columns,
                room,
                line,
            },
        ) => format!(
            "line {line} of the block has {columns} columns, but from this cell rightwards \
             there are only {room}"
        ),
        (
            _,
            PasteError::BadValue {
                line,
                column,
                unit,
                grid_column,
                text,
                reason,
            },
        ) => {
            let field = grid_column_name(lang, *grid_column);
            let what = match (lang, reason) {
                (Lang::Id, Some(_)) => "bukan bilangan bulat ≥ 0",
                (Lang::Id, None) => "bukan ya/tidak (1/0)",
                (Lang::En, Some(_)) => "is not a whole number ≥ 0",
                (Lang::En, None) => "is not yes/no (1/0)",
            };
            match lang {
                Lang::Id => format!(
                    "baris {line} kolom {column} tempelan ({unit}, {field}): '{text}' {what}"
                ),
                Lang::En => format!(
                    "line {line} column {column} of the block ({unit}, {field}): '{text}' {what}"
                ),
            }
        }
    };
    match lang {
        Lang::Id => format!("Tidak ditempel: {body}. Tidak ada sel yang berubah."),
        Lang::En => format!("Not pasted: {body}. No cell was changed."),
    }
}

//! Bahasa Indonesia.

use super::Tr;

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
    exchange: "Kiriman",
    export_xlsx: "Ekspor ke Excel (.xlsx)…",
    export_csv: "Ekspor laporan harian ke CSV…",
    pdf_report: "Laporan PDF untuk pimpinan…",
    chart_png: "Simpan grafik sebagai PNG…",
    exported: "Diekspor",
    daily_reports: |n| format!("{n} laporan harian"),
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
    import_hint: "CSV, XLSX, XLS atau ODS: tabel laporan harian, atau lembar rekap per kecamatan \
                  × tanggal (satu lembar per jumlah: Rekam, Terkirim, Cetak, …). Setiap baris \
                  diperiksa dulu; tidak ada yang ditulis sebelum Anda menekan Impor.",
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
    next_day_not_yet: |day| format!("Hari kerja berikutnya ({day}) belum tiba"),
    entry_future_day: |asked, today| {
        format!(
            "{asked} belum tiba: laporan harian diisi untuk hari ini ({today}) atau sebelumnya."
        )
    },
    unknown: "belum diketahui",
    saved_rows: |n| format!("{n} baris tersimpan"),
    edit: "Ubah",
    edit_decision: |date| format!("Ubah keputusan {date}"),
    targets_confirm_ask: "Angka ini mungkin salah ketik. Simpan juga?",
    save_anyway: "Simpan juga",
    holidays_missing: |years| {
        format!(
            "Kalender belum memuat hari libur tahun {years}: hari libur nasional di tahun itu \
             dihitung sebagai hari kerja (laporan tampak belum masuk, perkiraan terlalu cepat)."
        )
    },
    holidays_fill: "Tambahkan libur nasional bawaan",
    holidays_import: "Impor hari libur (SKB)…",
    holiday_years_added: |years| format!("Hari libur nasional ditambahkan untuk tahun {years}"),
    holidays_imported: |new, changed| {
        format!("Hari libur diimpor: {new} baru, {changed} diganti keterangannya")
    },
    holidays_refused: |file, n| format!("{file}: {n} masalah; tidak ada hari libur yang diimpor"),
    opening_close_of: "Total pada akhir hari",
    reports_start_on: |day| format!("laporan harian dimulai {day}"),
    later_movements_hidden: |n, day| {
        format!("{n} baris sesudah {day} tidak ditampilkan: kartu ini sampai tanggal pilihan.")
    },
    as_of_reported: |reported, all| format!("· {reported} dari {all} unit melapor hari itu"),
    covered_by_openings: |day| {
        format!("Tanggal ini sudah tercakup saldo awal: laporan harian dimulai {day}.")
    },
    delete_report_ask: "Hapus laporan ini?",
    delete_report_yes: "Ya, hapus",
    report_deleted: |unit, date| format!("Laporan {unit}, {date} dihapus"),
    report_not_there: |unit, date| {
        format!("Tidak ada laporan {unit}, {date}; tidak ada yang dihapus")
    },
    nothing_to_save: "Tidak ada perubahan untuk disimpan",
    open_file: "Buka berkas…",
    opening: "Membuka",
    restore: "Pulihkan dari cadangan…",
    restored_from: "Dipulihkan dari",
    file_menu: "Berkas",
    quit: "Keluar",
    date_picker_open: "Kalender",
    date_hint: "hh/bb/tttt",
    year_back: "Setahun sebelumnya",
    month_back: "Sebulan sebelumnya",
    month_on: "Sebulan sesudahnya",
    year_on: "Setahun sesudahnya",
    no_outages: "Belum ada gangguan tercatat. Bila server pusat atau jaringan terputus, isi \
                 tanggal mulai, unit yang terkena dan penyebabnya di bawah, lalu Simpan; \
                 centang \"masih berlangsung\" sampai pulih.",
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
    path_exists: |p| format!("Berkas {p} sudah ada. Tekan OK sekali lagi untuk menimpanya."),
    wizard_steps: [
        "1. Kantor",
        "2. Unit",
        "3. Saldo awal",
        "4. Tenggat",
        "5. Akun Admin",
    ],
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
    rows_to_correct: |n| {
        format!("{n} baris perlu diperbaiki: sel yang salah ditandai, alasannya di bawah tabel.")
    },
    wizard_units_keys: "Di kotak ini Tab memisah nama dan wajib KTP. Ctrl+Enter: langkah \
                        berikutnya.",
    wizard_line_problem: |n, what| format!("Baris {n}: {what}"),
    wizard_no_name: "nama unit kosong",
    wizard_bad_wajib: |t| format!("wajib KTP '{t}' bukan bilangan bulat ≥ 0"),
    wizard_extra: |t| format!("'{t}' tidak dikenal; tulis nama, lalu wajib KTP"),
    wizard_twice: |n| format!("{n} tertulis dua kali"),
    wizard_openings_hint: "Total kumulatif tiap unit sejak perekaman dimulai sampai akhir hari \
                           yang dipilih, hari itu termasuk. Isi 0 bila memang nol; kosongkan seluruh baris \
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
    prr_tile: "PRR (siap cetak)",
    waiting_for_prr: "Menunggu PRR",
    prr_waiting: "PRR belum dicetak",
    prr_waiting_detail: "menunggu blangko",
    prr_waiting_short: "PRR blm cetak",
    request_title: "Permintaan blangko",
    request_due: |stock, threshold, day, lead| {
        format!(
            "Stok blangko {stock} lembar akan mencapai batas {threshold} lembar sekitar {day}, \
             dalam waktu pengiriman {lead} hari kerja: saatnya meminta blangko."
        )
    },
    request_under: |stock, threshold| {
        format!("Stok blangko {stock} lembar, di bawah batas {threshold}: saatnya meminta blangko.")
    },
    request_not_due: |threshold, lead| {
        format!(
            "Stok blangko tetap di atas batas {threshold} lembar selama waktu pengiriman {lead} \
             hari kerja."
        )
    },
    request_stock_unknown: "Stok blangko belum diketahui: catat penerimaan atau stok opname \
                            di Blangko.",
    request_quantity: |quantity, waiting, what, days, buffer, stock, announced, round| {
        format!(
            "Diminta {quantity} lembar = {what} {waiting} + {days} hari cetak {buffer} − stok \
             {stock}{announced}, dibulatkan ke atas per {round}."
        )
    },
    request_announced: |blanks, deliveries, until| {
        format!(
            " − pengiriman yang sudah diumumkan {blanks} ({deliveries} pengiriman, hingga \
             {until})"
        )
    },
    request_buffer: |buffer, rate, window| {
        format!("{buffer} ({rate} per hari kerja, rata-rata {window} hari kerja terakhir)")
    },
    letter_number: "Nomor surat",
    write_letter: "Buat surat permintaan blangko…",
    pct_of_wajib: |p| format!("{p} dari wajib KTP"),
    pct_of_stage: |p, stage| format!("{p} dari {stage}"),
    stage_recorded: "rekam",
    stage_sent: "terkirim",
    stage_prr: "PRR",
    blanks_on_hand: "Stok blangko",
    days_of_stock: |d| format!("cukup untuk {d} hari kerja lagi pada laju cetak kini"),
    days_of_stock_unknown: "cukup untuk berapa hari: belum diketahui (catat penerimaan atau \
                            hitung fisik di Blangko)",
    no_recent_printing: "tidak ada cetak 14 hari kerja terakhir",
    out_of_stock: "habis",
    out_of_stock_since: |date| format!("habis sejak {date}"),
    stock_unknown: "belum diketahui",
    stockout_days: |since| match since {
        Some(day) => format!("Total hari kerja tanpa blangko sejak {day}"),
        None => "Total hari kerja tanpa blangko".into(),
    },
    recording_done: "Perekaman selesai",
    everyone_card: "Semua memegang kartu",
    deadline: "Tenggat",
    no_deadline: "Belum ada tenggat",
    computing: "menghitung…",
    not_computed: "tidak dapat dihitung",
    forecast_failed: |e| format!("Perkiraan tidak dapat dihitung karena kesalahan program: {e}"),
    check_failed: |e| format!("Berkas tidak dapat diperiksa karena kesalahan program: {e}"),
    limited_by: "Dibatasi oleh",
    as_of_shortcut: "Ctrl+D: ketik tanggal lain. Akhir pekan atau hari libur tanpa laporan \
                     menjadi hari kerja sebelumnya.",
    as_of_snapped: |asked, shown| {
        format!("{asked} bukan hari kerja dan tanpa laporan: ditampilkan {shown}.")
    },
    how_to_read: "Cara membaca perkiraan",
    pace_title: |deadline, days| {
        format!("Yang dibutuhkan tenggat {deadline} ({days} hari kerja lagi)")
    },
    pace_passed: |deadline| format!("Tenggat {deadline} sudah lewat: laju kini"),
    pace_no_days: |deadline| {
        format!("Tenggat {deadline}: tidak ada hari kerja lagi sebelumnya — laju kini")
    },
    pace_stage: "Tahap",
    pace_remaining: "Sisa",
    pace_required: "Perlu per hari kerja",
    pace_current: "Kini per hari kerja",
    pace_shortfall: "Kekurangan per hari",
    pace_enough: "cukup",
    pace_blanks: |cards, stock, announced, request, passed| {
        let until = if passed { "" } else { " hingga tenggat" };
        format!(
            "Blangko: {cards} kartu lagi sampai semua wajib KTP tercetak; stok {stock}, \
             pengiriman terjadwal{until} {announced} — kurang untuk semuanya: {request}. Surat \
             permintaan blangko menghitung yang lebih dekat: PRR yang menunggu dan beberapa hari \
             cetak ke depan."
        )
    },
    pace_blanks_unknown: "Blangko: stok belum diketahui (catat penerimaan atau hitung fisik di \
                          Blangko), jadi berapa yang perlu diminta belum dapat dihitung.",
    pace_window: |days| format!("Kini = rata-rata {days} hari kerja terakhir yang berlaporan."),
    behind_title: |behind, all| {
        format!("Siapa yang tertinggal? {behind} dari {all} kecamatan tertinggal dari tenggat")
    },
    behind_title_districts: |behind, all| {
        format!("Siapa yang tertinggal? {behind} dari {all} kabupaten tertinggal dari tenggat")
    },
    behind_headers: [
        "Unit",
        "% rekam",
        "Rekam/hari bulan ini",
        "bulan lalu",
        "Perlu/hari",
        "Kini/hari",
        "Dari yang perlu",
        "Belum terkirim (±)",
        "Belum dicetak (±)",
    ],
    behind_hint: "Urut dari yang paling jauh di bawah laju yang dibutuhkan tenggat. Rekam per hari \
                  kerja: rata-rata bulan ini dan bulan lalu; kini: rata-rata jendela perkiraan. \
                  ± = perubahan sejak akhir bulan lalu. Kuning: lebih lambat daripada bulan lalu, \
                  atau tunggakan bertambah.",
    behind_slower: "Lebih lambat sepersepuluh atau lebih daripada bulan lalu",
    behind_district_office: |name, recorded| {
        format!(
            "{name} merekam penduduk dari semua kecamatan: {recorded} rekamannya tidak masuk \
             cakupan kecamatan mana pun, jadi cakupan tiap kecamatan tampak lebih rendah \
             daripada kenyataannya."
        )
    },
    completeness: |n, m, date| format!("{n} dari {m} unit sudah melapor untuk {date}"),
    completeness_rest_day: |n, date| {
        format!("{date} bukan hari kerja: laporan tidak diharapkan ({n} unit melapor)")
    },
    login_title: "Masuk",
    account_name: "Nama akun",
    password: "Kata sandi",
    log_in: "Masuk",
    log_out: "Keluar akun",
    forgot_admin_password: "Lupa kata sandi Admin?",
    recover_explained: "Kode pemulihan yang dicatat saat akun Admin dibuat mengatur ulang kata sandinya; kode itu lalu diganti yang baru.",
    recovery_code: "Kode pemulihan",
    recovery_code_explained: "Catat kode ini dan simpan di tempat aman, terpisah dari PC ini: kode ini ditampilkan sekali saja dan mengatur ulang kata sandi Admin bila terlupa.",
    written_down: "Sudah saya catat",
    new_password: "Kata sandi baru",
    repeat_password: "Ulangi kata sandi",
    reset_password: "Atur ulang kata sandi",
    passwords_differ: "Kedua kata sandi berbeda",
    no_account_yet: "Database ini belum punya akun: siapa pun yang membuka berkas ini dapat mengubah semua angka.",
    create_admin: "Buat akun Admin",
    create_admin_explained: "Admin mengelola unit, akun, pengaturan dan kunci periode. Setelah ini setiap perubahan memerlukan akun; tambahkan akun Operator untuk petugas yang mengisi data.",
    data_changed_outside: "Peringatan: data diubah di luar Pantau",
    admin_created: "Akun Admin dibuat; Anda masuk sebagai Admin",
    password_reset_done: "Kata sandi diatur ulang: masuk dengan kata sandi baru",
    approved_done: |month, units| {
        format!(
            "{month} disetujui untuk {units} unit",
            month = month,
            units = units
        )
    },
    unapproved_done: |month, units| {
        format!(
            "{month} dibuka kembali untuk {units} unit",
            month = month,
            units = units
        )
    },
    approval_title: "Persetujuan bulanan",
    approval_nothing: "Belum ada laporan untuk disetujui.",
    approval_needs_accounts: "Persetujuan bulanan memerlukan akun: Kepala Dinas menyetujui, dan bulan yang disetujui terkunci.",
    approval_month: "Bulan",
    approval_reported: "Hari kerja berlaporan",
    approval_status: "Status",
    unapprove: "Batalkan persetujuan",
    unapprove_needs_reason: "Tulis alasannya dulu di bawah",
    not_approved: "Belum disetujui",
    approve: "Setujui",
    approve_all: "Setujui semua unit yang belum",
    unapprove_reason: "Alasan membatalkan:",
    approval_explained: "Bulan yang disetujui terkunci untuk semua orang sampai persetujuannya dibatalkan; alasannya masuk jejak audit.",
    approval_only_kepala: "Hanya Kepala Dinas yang menyetujui atau membatalkan persetujuan.",
    approved_by: |by, at| format!("Disetujui oleh {by} ({at})"),
    reopened_by: |by, at, reason| format!("Dibuka kembali oleh {by} ({at}): {reason}"),
    tampering_more: |n| {
        format!(
            "{n} perubahan ditemukan seluruhnya; Admin dapat mendaftar semuanya dengan perintah pantau check. Angka yang diubah di luar Pantau tidak dapat dipercaya sampai diperiksa; baris yang diubah ditandai di Entri Harian."
        )
    },
    read_only_screen: |role| format!("Peran {role} hanya dapat membaca layar ini."),
    accounts_screen: "Akun & Kunci",
    period_lock: "Kunci periode",
    period_lock_days: "Hari dapat diisi sampai (hari sesudahnya):",
    accounts_title: "Akun",
    account_role: "Peran",
    account_units: "Unit",
    account_active: "aktif",
    account_disabled: "nonaktif",
    disable: "Nonaktifkan",
    enable: "Aktifkan",
    set_password: "Ganti kata sandi…",
    accounts_admin_only: "Hanya Admin yang menambah, menonaktifkan dan mengaktifkan akun; setiap orang dapat mengganti kata sandinya sendiri.",
    add_account: "Tambah akun",
    account_units_limit: "Hanya unit (kosong: semua unit):",
    lock_exceptions: "Pengecualian kunci",
    no_lock_exceptions: "Tidak ada pengecualian kunci.",
    exception_period: "Periode",
    exception_until: "Berlaku sampai",
    exception_reason: "Alasan",
    remove_exception: "Hapus",
    exceptions_who: "Verifikator atau Admin memberi pengecualian kunci.",
    grant_exception: "Beri pengecualian",
    period_lock_now: |days| {
        format!(
            "Sebuah hari dapat diisi atau diubah sampai {days} hari sesudahnya; sesudah itu hanya dengan pengecualian kunci. Bulan yang disetujui Kepala Dinas terkunci untuk semua orang."
        )
    },
    password_for: |name| format!("Kata sandi baru untuk {name}:"),
    exception_expired: |until| format!("{until} (sudah lewat)"),
    account_added: |name| format!("Akun {name} ditambahkan"),
    password_set: |name| format!("Kata sandi {name} diganti"),
    wizard_admin_name_missing: "Isi nama akun Admin, atau pilih tanpa akun untuk sekarang.",
    wizard_admin_hint: "Siapa yang membuat database kantor adalah Admin-nya: Admin mengelola unit, akun dan pengaturan. Sesudah ini setiap perubahan memerlukan akun; tambahkan akun Operator untuk petugas di Akun & Kunci.",
    wizard_without_account: "Tanpa akun untuk sekarang (satu petugas di satu PC; aplikasi menanyakannya lagi)",
    changed_outside_row: "Diubah di luar Pantau",
    password_rule: "Kata sandi paling sedikit 8 karakter.",
    approve_all_confirm: |n| format!("{n} unit belum lengkap laporannya bulan ini. Setujui juga?"),
    month_not_over: "Bulan ini belum selesai: disetujui sesudah hari terakhirnya.",
    yes_approve: "Ya, setujui",
    closed_units: "Terkunci",
    missing_units: "Belum melapor",
    status_saved: "tersimpan",
    saved_done: "Tersimpan",
    status_changed: "diubah",
    needs_note: "perlu catatan",
    month_calendar: "Kalender laporan",
    entry_hint: "Tab / Shift+Tab: sel berikut / sebelumnya · Enter: baris berikut · panah: pindah \
                 sel · Esc: batalkan isi sel · PageUp / PageDown: hari kerja lain · Ctrl+V: \
                 tempel dari Excel · Ctrl+S: simpan",
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
    writing: |file| format!("Menulis {file}…"),
    task_failed: |file, why| {
        format!("{file} tidak dapat ditulis: terjadi kesalahan di dalam Pantau ({why}).")
    },
    import_counts: |new, updated, unchanged| {
        format!("{new} baru, {updated} diperbarui, {unchanged} tidak berubah")
    },
    flagged_count: |n| match n {
        0 => String::new(),
        n => format!("; {n} lonjakan tanpa catatan, ditandai untuk diperiksa"),
    },
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
    today: "Hari ini",
    some_units: "Unit tertentu",
    effective_from: "Berlaku mulai",
    set_target: "Tetapkan target",
    opening_totals: "Saldo awal",
    prr_starts: "Awal PRR",
    prr_starts_hint: "Untuk kantor yang mulai mencatat PRR, DUP dan Efac: total tiap unit sampai \
                      akhir suatu hari. Laporan harian sesudah hari itu menambahkan angka \
                      harinya.",
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
    counts_prr: "Mencatat PRR, DUP dan Efac setiap hari",
    cumulative_entry: "Entri Harian dengan total s.d. hari ini",
    cumulative_entry_hint: "Petugas mengetik total setiap unit sampai hari ini, seperti di \
                            halaman monitoring SIAK; Pantau menyimpan selisihnya dengan total \
                            kemarin sebagai angka hari itu.",
    cumulative_mode: "Ketik total s.d. hari ini (seperti SIAK); angka hari ini = total dikurangi \
                      total kemarin. Ubah di Pengaturan.",
    day_values: |values| format!("hari ini {values}"),
    import_cumulative: "Kolom angka berisi total s.d. tanggal (kumulatif, seperti SIAK)",
    import_recap_month: "Bulan lembar rekap:",
    import_recap_month_hint: "Untuk lembar rekap (kecamatan × tanggal) yang kolom harinya 1, 2, … 31 \
                              tanpa bulan, bila judul dan nama lembarnya juga tidak menyebut \
                              bulan. Tulis seperti Oktober 2016 atau 2016-10.",
    for_example: "mis.",
    change_was: "sebelumnya",
    import_recap_month_bad: "tulis bulan seperti Oktober 2016 atau 2016-10",
    reorder_threshold: "Batas stok untuk meminta blangko (lembar)",
    reorder_lead_days: "Waktu pengiriman blangko (hari kerja)",
    request_buffer_days: "Hari cetak ditambahkan pada permintaan",
    request_round_to: "Permintaan dibulatkan ke atas per",
    letter_government: "Kop surat: pemerintah",
    letter_address: "Kop surat: alamat kantor",
    letter_city: "Kota (tempat surat)",
    letter_head_title: "Jabatan penanda tangan",
    letter_head_name: "Nama penanda tangan",
    letter_head_nip: "NIP penanda tangan",
    counts_prr_hint: "Entri Harian mendapat kolom PRR (data siap cetak), DUP, Efac dan Efac \
                      ulang, dan setiap laporan harus mengisinya. Unit yang sudah punya data \
                      perlu awal PRR-nya dulu (PRR, DUP dan Efac sampai suatu hari: pantau prr \
                      start).",
    chart_progress: "Kemajuan terhadap wajib KTP",
    chart_slip: "Pergeseran perkiraan selesai",
    chart_daily: "Hasil harian",
    chart_backlog: "Tunggakan",
    chart_rejections: "DUP dan Efac",
    chart_stock: "Stok blangko",
    chart_coverage: "Cakupan per kecamatan",
    chart_behind: "Laju rekam per kecamatan",
    chart_coverage_districts: "Cakupan per kabupaten",
    chart_behind_districts: "Laju rekam per kabupaten",
    slip_progress: |done, total| format!("Menghitung riwayat perkiraan: {done} dari {total}"),
    accuracy_title: "Seberapa tepat perkiraan ini?",
    accuracy_computing: "Menguji perkiraan-perkiraan yang lalu terhadap kenyataan…",
    accuracy_none: |days| {
        format!(
            "Belum bisa diuji: perlu riwayat sedikitnya {days} hari kerja berlaporan, agar \
             perkiraan yang lalu dapat dibandingkan dengan kenyataan."
        )
    },
    accuracy_sentence: |n, days, percent| {
        format!(
            "Dari {n} perkiraan {days} hari kerja ke depan, {percent} tepat dalam rentang \
             P15–P85 (semestinya sekitar 70 %)."
        )
    },
    accuracy_error: |percent| {
        format!("Median selisih P50: {percent} dari pekerjaan yang benar-benar selesai.")
    },
    accuracy_too_narrow: "Rentang perkiraan lebih sempit dari kenyataan: anggap tanggal P85 \
                          sebagai perkiraan yang masih optimis.",
    accuracy_too_wide: "Rentang perkiraan lebih lebar dari perlu: perkiraan ini berhati-hati.",
    accuracy_fair: "Rentang perkiraan sesuai dengan kenyataan selama ini.",
    accuracy_horizon: |days| format!("{days} hari kerja"),
    accuracy_stage: "Dalam P15–P85",
    accuracy_calibrated: |n, days, needed, raw, calibrated| {
        format!(
            "Dikalibrasi pada catatan kantor ini sendiri: ujung rentang tiap tahap dimulai dua \
             kali lebih jauh dari model (rentang model selama ini terlalu sempit), lalu \
             dilebarkan atau disempitkan sejauh perkiraan kantor ini yang lalu meleset. Dari {n} \
             perkiraan {days} hari kerja ke depan yang dibuat sesudah {needed} hasil diketahui, \
             {calibrated} tepat dalam P15–P85 sesudah dikalibrasi (perkiraan yang sama, model \
             saja: {raw}). Tanggal P85 dan P95 di atas sudah dikalibrasi; tanggal \
             tengahnya (P50) tetap."
        )
    },
    accuracy_uncalibrated: |known, needed| {
        format!(
            "Belum dikalibrasi: baru {known} hasil perkiraan yang diketahui, perlu {needed}. \
             Tanggal P85 dan P95 di atas menurut model saja."
        )
    },
    accuracy_table_note: |needed| {
        format!(
            "model / dikalibrasi, pada perkiraan yang sama: yang dibuat sesudah {needed} hasil \
             diketahui (n)"
        )
    },
    accuracy_horizon_n: |days, n| format!("{days} hari kerja (n {n})"),
    accuracy_still_narrow: "Meski sudah dikalibrasi, rentangnya masih lebih sempit dari kenyataan: \
                            anggap tanggal \"paling lambat\" sebagai perkiraan yang masih optimis.",
    accuracy_reach: |days| {
        format!(
            "Yang diuji di sini hanya total sampai {days} hari kerja ke depan; tanggal selesai \
             yang lebih jauh dari itu tidak teruji olehnya."
        )
    },
    accuracy_chart_note: "Cara membaca grafik: tiap titik adalah peluang yang disebut perkiraan \
                          (mendatar, misalnya 15 % untuk P15) dan seberapa sering kenyataan jatuh \
                          di bawah nilai itu (tegak). Di garis diagonal perkiraan menepati \
                          janjinya; di atas garis di kiri dan di bawahnya di kanan berarti \
                          rentangnya terlalu sempit.",
    calibrated_mark: "dikalibrasi",
    calibrated_optimistic_mark: "dikalibrasi; bisa lebih lambat lagi",
    chart_zoom_hint: "Seret untuk menggeser, Ctrl + gulir untuk memperbesar, klik ganda untuk \
                      kembali. Arahkan ke titik untuk melihat nilainya.",
    report_as_of: "Laporan PDF dan grafik per tanggal",
    report_as_of_hint: "(tanggal yang sama dengan Ringkasan)",
    as_of_latest: "(data terbaru)",
    as_of_latest_hint: "Tanggal ini mengikuti data: setelah setiap simpan, hari terakhir yang ada \
                        datanya.",
    as_of_picked: "(tanggal pilihan)",
    back_to_latest: "Ke data terbaru",
    back_to_latest_hint: "Tampilkan angka per hari terakhir yang ada datanya, dan ikuti data \
                          setelah setiap simpan.",
    error_title: "Tidak dapat dilanjutkan",
    hub_read_only: "Hub provinsi hanya dibaca di sini: angka diubah di kabupaten, lalu dikirim ke \
                    hub.",
    export_hint_hub: "Excel berisi laporan harian dan ringkasan per kabupaten dengan grafik; PDF \
                      untuk pimpinan provinsi.",
    open_hub: "Buka hub provinsi…",
    open_hub_hint: "Rekap provinsi atau nasional dari hub PostgreSQL: semua kabupaten yang \
                    mengirim, hanya dibaca.",
    hub_url: "Alamat hub",
    hub_url_hint: "postgresql://nama@server/pantau",
    hub_password: "Kata sandi",
    hub_province: "Provinsi",
    hub_province_hint: "Kosongkan untuk semua kabupaten yang boleh dibaca peran Anda",
    hub_open: "Buka hub",
    hub_connecting: "Menyambung ke hub…",
    hub_banner: |scope, url| format!("Hub {scope} — hanya baca ({url})"),
    hub_nation: "nasional",
    hub_reload: "Muat ulang dari hub",
    hub_districts_title: |date| format!("Kabupaten per {date}: laporan dan blangko"),
    hub_col_district: "Kabupaten",
    hub_col_province: "Provinsi",
    hub_col_last_report: "Lapor terakhir",
    hub_col_units: "Unit melapor",
    hub_col_blanks: "Sisa blangko",
    hub_not_reported: "belum melapor",
    hub_all_reported: |date| format!("Semua kabupaten sudah melapor {date}."),
    hub_some_not_reported: |n, names| format!("{n} kabupaten belum melapor: {names}"),
    hub_low_blanks: |limit| format!("di bawah {limit} lembar: minta blangko"),
    hub_outages_title: "Gangguan di kabupaten",
    hub_outages_none: "Tidak ada gangguan yang tercatat.",
    hub_outage_row: |district, span, cause| format!("{district}: {span} ({cause})"),
    province_title: "Kirim ke provinsi",
    province_not_linked: "Kabupaten ini belum terdaftar di hub provinsi. Administrator hub \
                          mendaftarkannya dengan `pantau hub register`.",
    province_linked: |province, url| format!("Terdaftar di hub provinsi {province} ({url})"),
    push_to_province: "Kirim ke provinsi",
    push_to_province_hint: "Kirim semua yang berubah sejak kiriman terakhir langsung ke hub \
                            provinsi (perlu sambungan ke server provinsi).",
    province_to_file: "Tulis kiriman provinsi ke berkas…",
    province_to_file_hint: "Tanpa sambungan: tulis kiriman ke berkas, bawa ke provinsi (flashdisk, \
                            surel); provinsi memuatnya dengan `pantau hub receive`.",
    province_pushing: "Mengirim ke provinsi…",
    province_sent_title: "Kiriman ke provinsi",
    province_none_sent: "Belum ada kiriman ke provinsi.",
    province_sent_row: |sequence, created, reports, pushed| match pushed {
        Some(at) => format!("{sequence}: dibuat {created}, {reports} laporan — diterima hub {at}"),
        None => format!("{sequence}: dibuat {created}, {reports} laporan — belum terkonfirmasi"),
    },
    province_unconfirmed: |n| format!("{n} kiriman belum terkonfirmasi di hub"),
};

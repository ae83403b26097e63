//! The words of the PNG charts and the PDF report, field by field in both languages.

use super::Lang;

pub struct ChartWords {
    pub title_progress: &'static str,
    pub title_slip: &'static str,
    pub title_daily: &'static str,
    pub title_backlog: &'static str,
    pub title_stock: &'static str,
    pub title_coverage: &'static str,
    pub title_behind: &'static str,
    /// The same at a hub, whose units are districts.
    pub title_coverage_districts: &'static str,
    pub title_behind_districts: &'static str,
    /// The same, when no working day is left before the deadline (no rate it needs).
    pub title_behind_now: &'static str,
    pub title_behind_now_districts: &'static str,
    pub title_accuracy: &'static str,
    pub empty_reports: &'static str,
    pub empty_slip: &'static str,
    pub empty_stock: &'static str,
    pub empty_coverage: &'static str,
    pub empty_behind: &'static str,
    /// The behind chart: its x axis, its bars under and at the need, and the need's marks.
    pub behind_axis: &'static str,
    pub behind_under: &'static str,
    pub behind_enough: &'static str,
    pub behind_needed: &'static str,
    pub empty_accuracy: &'static str,
    pub recorded: &'static str,
    pub sent: &'static str,
    pub printed: &'static str,
    pub wajib_ktp: &'static str,
    pub deadline: &'static str,
    /// A deadline a later decision replaced, drawn fainter.
    pub deadline_superseded: &'static str,
    /// The as-of day's mark: "Per 5 Okt 2016".
    pub as_of_mark: fn(&str) -> String,
    /// What the y axis counts, with its unit.
    pub y_residents: &'static str,
    pub y_per_day: &'static str,
    pub y_waiting: &'static str,
    /// The rejections chart: its title, axis, series and what it says without the stage.
    pub title_rejections: &'static str,
    pub y_records: &'static str,
    pub dup: &'static str,
    pub efac: &'static str,
    pub efac_retaken: &'static str,
    pub empty_rejections: &'static str,
    pub y_blanks: &'static str,
    /// The slip chart's diagonal, where the forecast date is the reporting day itself.
    pub diagonal: &'static str,
    /// Its label on the line.
    pub diagonal_label: &'static str,
    /// A forecast beyond the top of the axis: `Perekaman selesai: P50 > Jul 2018`.
    pub beyond: fn(milestone: &str, top: &str) -> String,
    /// Where a P85 band goes beyond the top of the axis, said on the chart.
    pub band_cut: fn(milestone: &str, top: &str) -> String,
    /// Reporting days whose forecast has no date: `Semua memegang kartu: tanpa tanggal`.
    pub no_date: fn(milestone: &str) -> String,
    pub recording_done: &'static str,
    pub everyone_carded: &'static str,
    pub waiting_to_send: &'static str,
    pub waiting_to_print: &'static str,
    /// The backlog to print split where the centre's stage is known.
    pub waiting_for_prr: &'static str,
    pub prr_not_printed: &'static str,
    pub blanks_in_stock: &'static str,
    pub receipt: &'static str,
    pub outage: &'static str,
    pub stockout: &'static str,
    pub reporting_date: &'static str,
    pub forecast_date: &'static str,
    /// `Rekam per hari`: a day's own value.
    pub per_day: fn(&str) -> String,
    /// `Rekam (rata-rata 7 hari kerja)`.
    pub average: fn(&str) -> String,
    /// `Perekaman selesai, perkiraan P50`.
    pub p50: fn(&str) -> String,
    /// `Perekaman selesai, rentang P50–P85`.
    pub p50_p85: fn(&str) -> String,
    /// The same, its P85 moved by the office's own track record.
    pub p50_p85_calibrated: fn(&str) -> String,
    /// The coverage bands with their bounds: `kurang (< 60 %)`.
    pub band_poor: fn(&str) -> String,
    pub band_adequate: fn(&str, &str) -> String,
    pub band_good: fn(&str) -> String,
    pub coverage_axis: &'static str,
    /// The lines where the coverage bands change: "Batas kurang / cukup / baik".
    pub band_limits: &'static str,
    /// The reliability chart: the forecast's probability against what happened.
    pub accuracy_x: &'static str,
    pub accuracy_y: &'static str,
    pub accuracy_diagonal: &'static str,
    /// `60 hari kerja ke depan`.
    pub horizon: fn(usize) -> String,
    /// The same horizon's forecasts calibrated on the office's own track record.
    pub horizon_calibrated: fn(usize) -> String,
    // The PDF report.
    pub report_as_of: &'static str,
    pub illustrative: &'static str,
    pub blank_stock: &'static str,
    pub unknown: &'static str,
    pub stockout_days: &'static str,
    /// The value beside it: "211 sejak 4 Jan 2016".
    pub stockout_days_since: fn(&str, &str) -> String,
    /// The tile beside the stock when none is left: "Stok habis", "sejak 23 Jun 2017".
    pub stock_out: &'static str,
    pub stock_out_since: fn(&str) -> String,
    pub recording_done_dates: &'static str,
    pub everyone_carded_dates: &'static str,
    /// The stock tile of the report: how long the blanks in stock last.
    pub stock_lasts: &'static str,
    pub stock_lasts_days: fn(&str) -> String,
    /// The legend of the coverage colours under the report's table.
    pub band_legend: &'static str,
    pub deadline_history: &'static str,
    pub deadline_word: &'static str,
    pub per_kecamatan: &'static str,
    pub per_district: &'static str,
    pub unit: &'static str,
    pub recording_coverage: &'static str,
    pub printing_coverage: &'static str,
    pub total: &'static str,
    /// `Perkiraan dari 60 hari kerja terakhir, 2.000 percobaan Monte Carlo. Blangko: …`
    pub forecast_basis: fn(window_days: usize, trials: &str, blanks: &str) -> String,
    pub made_with: &'static str,
}

pub static CHARTS_ID: ChartWords = ChartWords {
    title_progress: "Kemajuan terhadap wajib KTP",
    title_slip: "Pergeseran perkiraan selesai",
    title_daily: "Hasil harian (rata-rata 7 hari kerja)",
    title_backlog: "Tunggakan",
    title_stock: "Stok blangko",
    title_coverage: "Cakupan per kecamatan (%)",
    title_behind: "Laju rekam per kecamatan: kini dan yang dibutuhkan tenggat",
    title_coverage_districts: "Cakupan per kabupaten (%)",
    title_behind_districts: "Laju rekam per kabupaten: kini dan yang dibutuhkan tenggat",
    title_behind_now: "Laju rekam per kecamatan kini (tidak ada hari kerja lagi sebelum tenggat)",
    title_behind_now_districts: "Laju rekam per kabupaten kini (tidak ada hari kerja lagi sebelum \
                                 tenggat)",
    title_accuracy: "Seberapa tepat perkiraan ini?",
    empty_reports: "Belum ada laporan harian sampai tanggal ini.",
    empty_slip: "Belum ada tanggal perkiraan: perlu target wajib KTP dan sedikitnya 5 hari \
                 kerja berlaporan.",
    empty_stock: "Belum ada mutasi blangko.",
    empty_coverage: "Belum ada kecamatan dengan target wajib KTP.",
    empty_behind: "Belum ada tenggat, atau belum ada kecamatan dengan target wajib KTP.",
    behind_axis: "Perekaman per hari kerja",
    behind_under: "Kini, tertinggal dari tenggat",
    behind_enough: "Kini, sesuai tenggat",
    behind_needed: "Yang dibutuhkan tenggat",
    empty_accuracy: "Belum ada perkiraan yang bisa diuji terhadap kenyataan.",
    recorded: "Rekam",
    sent: "Terkirim",
    printed: "Cetak",
    wajib_ktp: "Wajib KTP",
    deadline: "Tenggat",
    deadline_superseded: "Tenggat lama (diganti)",
    as_of_mark: |date| format!("Per {date}"),
    y_residents: "Penduduk (orang)",
    y_per_day: "Per hari kerja (orang / kartu)",
    y_waiting: "Menunggu (rekaman / kartu)",
    title_rejections: "DUP dan Efac (kumulatif)",
    y_records: "Rekaman",
    dup: "DUP (ganda)",
    efac: "Efac (gagal)",
    efac_retaken: "Efac direkam ulang",
    empty_rejections: "Kantor ini belum mencatat PRR, DUP dan Efac.",
    y_blanks: "Blangko (lembar)",
    diagonal: "Hari ini / hari laporan",
    diagonal_label: "hari ini / hari laporan",
    beyond: |milestone, top| format!("{milestone}: P50 > {top}"),
    band_cut: |milestone, top| format!("{milestone}: P85 sesudah {top} terpotong di tepi atas"),
    no_date: |milestone| format!("{milestone}: tanpa tanggal perkiraan"),
    recording_done: "Perekaman selesai",
    everyone_carded: "Semua memegang kartu",
    waiting_to_send: "Belum terkirim",
    waiting_to_print: "Belum dicetak",
    waiting_for_prr: "Menunggu PRR",
    prr_not_printed: "PRR belum dicetak (menunggu blangko)",
    blanks_in_stock: "Stok blangko",
    receipt: "Penerimaan",
    outage: "Gangguan",
    stockout: "Hari tanpa blangko",
    reporting_date: "Tanggal laporan",
    forecast_date: "Perkiraan selesai",
    per_day: |name| format!("{name} per hari"),
    average: |name| format!("{name} (rata-rata 7 hari kerja)"),
    p50: |name| format!("{name}, perkiraan P50"),
    p50_p85: |name| format!("{name}, rentang P50–P85"),
    p50_p85_calibrated: |name| format!("{name}, rentang P50–P85 (dikalibrasi)"),
    band_poor: |below| format!("Kurang (< {below} %)"),
    band_adequate: |below, good| format!("Cukup ({below}–{good} %)"),
    band_good: |good| format!("Baik (> {good} %)"),
    coverage_axis: "% rekam (atas) dan % cetak (bawah, lebih pucat)",
    band_limits: "Batas kurang / cukup / baik",
    accuracy_x: "Peluang menurut perkiraan",
    accuracy_y: "Kenyataan di bawahnya",
    accuracy_diagonal: "Tepat sempurna",
    horizon: |days| format!("{days} hari kerja ke depan"),
    horizon_calibrated: |days| format!("{days} hari kerja, dikalibrasi"),
    report_as_of: "Laporan kemajuan e-KTP per",
    illustrative: "Data ilustrasi — rekonstruksi, bukan data harian sebenarnya",
    blank_stock: "Stok blangko",
    unknown: "belum diketahui",
    stockout_days: "Total hari kerja tanpa blangko",
    stockout_days_since: |days, day| format!("{days} sejak {day}"),
    stock_out: "Stok habis",
    stock_out_since: |day| format!("sejak {day}"),
    recording_done_dates: "Perekaman selesai (perkiraan)",
    everyone_carded_dates: "Semua memegang kartu (perkiraan)",
    stock_lasts: "Stok cukup untuk",
    stock_lasts_days: |d| format!("{d} hari kerja"),
    band_legend: "Warna cakupan:",
    deadline_history: "Riwayat tenggat",
    deadline_word: "tenggat",
    per_kecamatan: "Per kecamatan",
    per_district: "Per kabupaten",
    unit: "Unit",
    recording_coverage: "% rekam",
    printing_coverage: "% cetak",
    total: "JUMLAH",
    forecast_basis: |window, trials, blanks| {
        format!(
            "Perkiraan dari {window} hari kerja terakhir, {trials} percobaan Monte Carlo. \
             Blangko: {blanks}."
        )
    },
    made_with: "Dibuat dengan Pantau e-KTP",
};

pub static CHARTS_EN: ChartWords = ChartWords {
    title_progress: "Progress against wajib KTP",
    title_slip: "Slip of the forecast completion date",
    title_daily: "Daily throughput (7-working-day average)",
    title_backlog: "Backlogs",
    title_stock: "Blank stock",
    title_coverage: "Coverage per kecamatan (%)",
    title_behind: "Recording rate per kecamatan: now and what the deadline needs",
    title_coverage_districts: "Coverage per district (%)",
    title_behind_districts: "Recording rate per district: now and what the deadline needs",
    title_behind_now: "Recording rate per kecamatan now (no working day left before the deadline)",
    title_behind_now_districts: "Recording rate per district now (no working day left before the \
                                 deadline)",
    title_accuracy: "How accurate is this forecast?",
    empty_reports: "No daily reports up to this date yet.",
    empty_slip: "No forecast dates yet: a forecast needs a wajib KTP target and at least 5 \
                 working days with reports.",
    empty_stock: "No blank-card movements yet.",
    empty_coverage: "No kecamatan with a wajib KTP target yet.",
    empty_behind: "No deadline yet, or no kecamatan with a wajib KTP target.",
    behind_axis: "Recordings a working day",
    behind_under: "Now, behind the deadline",
    behind_enough: "Now, on course for the deadline",
    behind_needed: "What the deadline needs",
    empty_accuracy: "No forecast can be tested against what happened yet.",
    recorded: "Recorded",
    sent: "Sent",
    printed: "Printed",
    wajib_ktp: "Wajib KTP",
    deadline: "Deadline",
    deadline_superseded: "Earlier deadline (replaced)",
    as_of_mark: |date| format!("As of {date}"),
    y_residents: "Residents",
    y_per_day: "Per working day (residents / cards)",
    y_waiting: "Waiting (records / cards)",
    title_rejections: "DUP and Efac (cumulative)",
    y_records: "Records",
    dup: "DUP (duplicates)",
    efac: "Efac (failed)",
    efac_retaken: "Efac retaken",
    empty_rejections: "This office does not count PRR, DUP and Efac yet.",
    y_blanks: "Blanks (sheets)",
    diagonal: "Today / reporting day",
    diagonal_label: "today / reporting day",
    beyond: |milestone, top| format!("{milestone}: P50 > {top}"),
    band_cut: |milestone, top| format!("{milestone}: P85 after {top} cut at the top edge"),
    no_date: |milestone| format!("{milestone}: no forecast date"),
    recording_done: "Recording complete",
    everyone_carded: "Everyone holds a card",
    waiting_to_send: "Waiting to send",
    waiting_to_print: "Waiting to print",
    waiting_for_prr: "Awaiting PRR",
    prr_not_printed: "PRR not printed (waiting for blanks)",
    blanks_in_stock: "Blanks in stock",
    receipt: "Receipt",
    outage: "Outage",
    stockout: "Days without blanks",
    reporting_date: "Reporting date",
    forecast_date: "Forecast completion",
    per_day: |name| format!("{name} per day"),
    average: |name| format!("{name} (7-working-day average)"),
    p50: |name| format!("{name}, forecast P50"),
    p50_p85: |name| format!("{name}, P50–P85 range"),
    p50_p85_calibrated: |name| format!("{name}, P50–P85 range (calibrated)"),
    band_poor: |below| format!("Poor (< {below}%)"),
    band_adequate: |below, good| format!("Adequate ({below}–{good}%)"),
    band_good: |good| format!("Good (> {good}%)"),
    coverage_axis: "% recorded (upper) and % printed (lower, paler)",
    band_limits: "Limits of poor / adequate / good",
    accuracy_x: "Probability the forecast gave",
    accuracy_y: "Actually below it",
    accuracy_diagonal: "Perfectly calibrated",
    horizon: |days| format!("{days} working days ahead"),
    horizon_calibrated: |days| format!("{days} working days, calibrated"),
    report_as_of: "e-KTP progress report as of",
    illustrative: "Illustrative data — a reconstruction, not real daily data",
    blank_stock: "Blank stock",
    unknown: "unknown",
    stockout_days: "Total working days without blanks",
    stockout_days_since: |days, day| format!("{days} since {day}"),
    stock_out: "Out of stock",
    stock_out_since: |day| format!("since {day}"),
    recording_done_dates: "Recording complete (forecast)",
    everyone_carded_dates: "Everyone holds a card (forecast)",
    stock_lasts: "Stock lasts",
    stock_lasts_days: |d| format!("{d} working days"),
    band_legend: "Coverage colours:",
    deadline_history: "Deadline history",
    deadline_word: "deadline",
    per_kecamatan: "Per kecamatan",
    per_district: "Per district",
    unit: "Unit",
    recording_coverage: "% recorded",
    printing_coverage: "% printed",
    total: "TOTAL",
    forecast_basis: |window, trials, blanks| {
        format!(
            "Forecast from the last {window} working days, {trials} Monte Carlo trials. \
             Blanks: {blanks}."
        )
    },
    made_with: "Made with Pantau e-KTP",
};

impl ChartWords {
    /// The legend of a milestone's P50–P85 band, saying when its P85 was calibrated.
    pub fn band(&self, name: &str, calibrated: bool) -> String {
        if calibrated {
            (self.p50_p85_calibrated)(name)
        } else {
            (self.p50_p85)(name)
        }
    }
}

impl Lang {
    pub fn charts(self) -> &'static ChartWords {
        match self {
            Lang::Id => &CHARTS_ID,
            Lang::En => &CHARTS_EN,
        }
    }
}

//! The words of the exported workbook: its sheet names and column headings. The importer reads
//! the headings back in either language.

use super::Lang;

pub struct WorkbookWords {
    pub reports: &'static str,
    pub reports_headers: [&'static str; 8],
    /// The centre's stage, after the reports' columns where any report has it.
    pub stage_headers: [&'static str; 4],
    pub openings: &'static str,
    pub openings_headers: [&'static str; 6],
    pub summary: &'static str,
    pub summary_headers: [&'static str; 10],
    /// The summary's last row, all units together.
    pub total: &'static str,
    pub month_end_headers: [&'static str; 5],
    pub chart_title: &'static str,
    /// The summary's day, beside the date: "Per tanggal".
    pub as_of: &'static str,
    /// What the chart's y axis counts.
    pub chart_y: &'static str,
    pub blanks: &'static str,
    pub blanks_headers: [&'static str; 6],
    /// The sheet of the slip history; its headings are `pantau slip`'s.
    pub slip: &'static str,
}

static ID: WorkbookWords = WorkbookWords {
    reports: "Laporan harian",
    reports_headers: [
        "Tanggal",
        "Unit",
        "Perekaman",
        "Terkirim",
        "Cetak",
        "Suket",
        "Server OK",
        "Catatan",
    ],
    stage_headers: ["PRR", "DUP", "Efac", "Efac direkam ulang"],
    openings: "Saldo awal",
    openings_headers: [
        "Unit",
        "Per tanggal",
        "Perekaman",
        "Terkirim",
        "Cetak",
        "Suket",
    ],
    summary: "Ringkasan",
    summary_headers: [
        "Unit",
        "Wajib KTP",
        "Perekaman",
        "Terkirim",
        "Cetak",
        "Suket",
        "Belum terkirim",
        "Belum dicetak",
        "% rekam",
        "% cetak",
    ],
    total: "JUMLAH",
    month_end_headers: [
        "Akhir bulan / per tanggal",
        "Perekaman",
        "Terkirim",
        "Cetak",
        "Wajib KTP",
    ],
    chart_title: "Kemajuan terhadap wajib KTP",
    as_of: "Per tanggal",
    chart_y: "Penduduk (orang)",
    blanks: "Blangko",
    blanks_headers: [
        "Tanggal",
        "Jenis",
        "Jumlah",
        "BAST / dokumen",
        "Dari / kepada",
        "Catatan",
    ],
    slip: "Riwayat perkiraan",
};

static EN: WorkbookWords = WorkbookWords {
    reports: "Daily reports",
    reports_headers: [
        "Date",
        "Unit",
        "Recorded",
        "Sent",
        "Printed",
        "Suket",
        "Server OK",
        "Note",
    ],
    stage_headers: ["PRR", "DUP", "Efac", "Efac retaken"],
    openings: "Opening totals",
    openings_headers: ["Unit", "As of", "Recorded", "Sent", "Printed", "Suket"],
    summary: "Summary",
    summary_headers: [
        "Unit",
        "Wajib KTP",
        "Recorded",
        "Sent",
        "Printed",
        "Suket",
        "Waiting to be sent",
        "Waiting to be printed",
        "% recorded",
        "% printed",
    ],
    total: "TOTAL",
    month_end_headers: [
        "Month end / as of",
        "Recorded",
        "Sent",
        "Printed",
        "Wajib KTP",
    ],
    chart_title: "Progress against wajib KTP",
    as_of: "As of",
    chart_y: "Residents",
    blanks: "Blank cards",
    blanks_headers: [
        "Date",
        "Kind",
        "Quantity",
        "BAST / document",
        "From / to",
        "Note",
    ],
    slip: "Forecast history",
};

pub fn workbook(lang: Lang) -> &'static WorkbookWords {
    match lang {
        Lang::Id => &ID,
        Lang::En => &EN,
    }
}

//! What is wrong with an imported file, and what an import leaves aside, in the chosen
//! language. English is the values' own `Display`.

use super::{Lang, field_name, violation};
use crate::domain::number::CountParseError;
use crate::domain::rules::{MAX_TEXT_CHARS, TextProblem};
use crate::io::import::{Issue, Need, Note, Wanted};
use crate::io::table::{ReadIssue, megabytes};

fn need(lang: Lang, need: Need) -> String {
    if lang == Lang::En {
        return need.to_string();
    }
    match need {
        Need::Count => "isi 0 bila tidak ada",
        Need::Date => "setiap baris perlu tanggalnya",
        Need::Unit => "setiap baris perlu unitnya",
        Need::Server => "tulis ya atau tidak",
        Need::Kind => "setiap mutasi perlu jenisnya",
    }
    .to_string()
}

/// A count that is not one, in Indonesian (`negatif`, `pecahan`, …).
pub fn count_reason(lang: Lang, reason: &CountParseError) -> String {
    if lang == Lang::En {
        return reason.to_string();
    }
    match reason {
        CountParseError::Empty => "kosong",
        CountParseError::Negative => "negatif",
        CountParseError::Fraction => "berupa pecahan; jumlah adalah bilangan bulat",
        CountParseError::NotANumber => "bukan bilangan bulat",
        CountParseError::TooLarge => "terlalu besar (paling besar 1.000.000.000)",
    }
    .to_string()
}

/// A text that breaks the note rule, in Indonesian.
pub fn text_problem(lang: Lang, problem: &TextProblem) -> String {
    if lang == Lang::En {
        return problem.to_string();
    }
    match problem {
        TextProblem::TooLong { chars } => format!(
            "berisi {} karakter; paling banyak {MAX_TEXT_CHARS} yang disimpan",
            super::fmt::count(lang, *chars as u64)
        ),
        TextProblem::Control { position, code } => format!(
            "memuat karakter kendali U+{code:04X} pada karakter ke-{position}; hapus karakter itu"
        ),
        TextProblem::DirectionOverride { position, code } => format!(
            "memuat pembalik arah teks U+{code:04X} pada karakter ke-{position}, yang menampilkan \
             teks dalam urutan lain dari yang disimpan; hapus karakter itu"
        ),
        TextProblem::Invisible { position, code } => format!(
            "memuat karakter tak terlihat U+{code:04X} pada karakter ke-{position}, sehingga \
             tampak seperti nama lain; hapus karakter itu"
        ),
    }
}

/// The file as a table cannot be read, in the chosen language.
pub fn read_issue(lang: Lang, issue: &ReadIssue) -> String {
    if lang == Lang::En {
        return issue.to_string();
    }
    match issue {
        ReadIssue::Unreadable(e) => format!("berkas tidak dapat dibaca: {e}"),
        ReadIssue::NotText { control, of } => format!(
            "ini bukan berkas teks ({control} dari {of} byte pertamanya adalah byte kendali); \
             simpan tabelnya sebagai CSV, XLSX atau ODS"
        ),
        ReadIssue::Format(ext) => {
            format!("berkas '.{ext}' tidak dapat diimpor; pakai CSV, XLSX, XLS atau ODS")
        }
        ReadIssue::TooLarge { bytes, max } => format!(
            "berkas berukuran {} MB; berkas di atas {} MB tidak diimpor — pisahkan per tahun",
            megabytes(*bytes),
            megabytes(*max)
        ),
        ReadIssue::NotAWorkbook(e) => {
            format!("ini bukan buku kerja yang dapat dibaca (berkas rusak atau asing: {e})")
        }
        ReadIssue::TooManyParts(n) => {
            format!("buku kerja ini punya {n} bagian; buku kerja biasa hanya beberapa puluh")
        }
        ReadIssue::Damaged(e) => format!("buku kerja rusak: {e}"),
        ReadIssue::PartUnreadable { part, error } => {
            format!("bagian {part} dari buku kerja: {error}")
        }
        ReadIssue::Bomb {
            part,
            unpacked,
            packed,
            max,
            max_ratio,
        } => format!(
            "bagian {part} dari buku kerja membesar menjadi lebih dari {} MB ({}× ukuran \
             terkemasnya {} MB); batasnya {} MB dan {max_ratio}× — ini bukan lembar kerja kantor \
             yang sebenarnya",
            megabytes(*unpacked),
            unpacked / (*packed).max(1),
            megabytes(*packed),
            megabytes(*max)
        ),
        ReadIssue::SheetUnreadable(e) => format!("lembar tidak dapat dibaca: {e}"),
        ReadIssue::SheetTooLarge { rows, columns, max } => format!(
            "lembar ini meliputi {rows} baris × {columns} kolom; lembar ODS paling banyak {max} \
             sel — simpan sebagai XLSX atau CSV"
        ),
        ReadIssue::UnclosedQuote => "tanda kutip (\") membuka sel ini dan tidak pernah ditutup, \
                                     sehingga semua baris sesudahnya akan masuk ke satu sel ini; \
                                     tutup kutipnya atau hapus"
            .to_string(),
        ReadIssue::Csv(e) => format!("baris CSV tidak dapat dibaca: {e}"),
        ReadIssue::SwallowedRow(next) => format!(
            "sel ini memanjang beberapa baris dan memuat sesuatu yang tampak seperti baris lain \
             (\"{next}…\"); kemungkinan tanda kutip penutup (\") hilang"
        ),
    }
}

fn wanted(wanted: &Wanted) -> String {
    match wanted {
        Wanted::Reports { absent } => format!("tidak ada kolom untuk {}", absent.join(", ")),
        Wanted::Stock => {
            "berkas blangko perlu kolom tanggal/date, jenis/kind dan jumlah/quantity".to_string()
        }
        Wanted::Openings => "berkas saldo awal perlu kolom kecamatan, per_tanggal, rekam, \
                             terkirim dan cetak (atau unit, as_of, recorded, sent, printed)"
            .to_string(),
        Wanted::Targets => "berkas target perlu kolom kecamatan dan wajib (atau unit dan \
                            wajib_ktp), dan boleh punya berlaku_mulai (from)"
            .to_string(),
        Wanted::Units => "tidak ada kolom untuk nama unit (beri judul kecamatan, nama, unit atau \
                          name)"
            .to_string(),
        Wanted::Holidays => "berkas hari libur perlu kolom tanggal, jenis dan keterangan (atau \
                             date, kind, name)"
            .to_string(),
    }
}

/// What is wrong with a cell, row or header, in the chosen language.
pub fn issue(lang: Lang, issue: &Issue) -> String {
    if lang == Lang::En {
        return issue.to_string();
    }
    let n = |x: u64| super::fmt::count(lang, x);
    match issue {
        Issue::Read(read) => read_issue(lang, read),
        Issue::RowEnds(need) => format!(
            "baris berakhir sebelum kolom ini; {} (tidak ada nilai untuk diimpor)",
            self::need(lang, *need)
        ),
        Issue::Formula(formula) => format!(
            "berisi rumus ={formula} tetapi tidak dengan hasilnya; buka berkas di Excel atau \
             LibreOffice, biarkan dihitung, lalu simpan lagi"
        ),
        Issue::ErrorCell { error, need } => {
            format!("berisi galat {error}; {}", self::need(lang, *need))
        }
        Issue::Empty(need) => format!("kosong; {}", self::need(lang, *need)),
        Issue::BadCount { text, reason } => format!("'{text}' {}", count_reason(lang, reason)),
        Issue::NotADate(text) => super::not_a_date(lang, text),
        Issue::NotYesNo(text) => {
            format!("'{text}' bukan ya atau tidak (ya/tidak, ok/gangguan)")
        }
        Issue::NotAMovement(text) => format!(
            "'{text}' bukan jenis mutasi (penerimaan, rusak, dipinjamkan, dipinjam, dikembalikan, \
             pengembalian, stok opname)"
        ),
        Issue::Text(problem) => text_problem(lang, problem),
        Issue::BeyondHeader { text, last } => format!(
            "'{text}' berada di luar kolom berjudul terakhir ({last}); hapus, atau beri kolomnya \
             judul"
        ),
        Issue::Rule(v) => violation(lang, v),
        Issue::Twice { unit, date, first } => {
            let first = match &first.sheet {
                Some(sheet) => format!("lembar {sheet}, baris {}", first.row),
                None => format!("baris {}", first.row),
            };
            format!("{unit} {date} ada dua kali dalam berkas (pertama di {first})")
        }
        Issue::NotAHolidayKind(text) => {
            format!("'{text}' bukan jenis hari libur (libur atau cuti_bersama)")
        }
        Issue::EmptyHolidayName => "hari libur ini tidak punya keterangan".to_string(),
        Issue::HolidayTwice { date, first_row } => {
            format!("{date} ada dua kali dalam berkas (pertama di baris {first_row})")
        }
        Issue::OpeningTwice { unit, first_row } => {
            format!("{unit} punya saldo awal dua kali (pertama di baris {first_row})")
        }
        Issue::TargetTwice {
            unit,
            from,
            first_row,
        } => format!("{unit} punya target mulai {from} dua kali (pertama di baris {first_row})"),
        Issue::OpeningExceeds {
            field,
            limit_field,
            total,
            limit,
        } => format!(
            "{} melebihi {}: {} > {}",
            field_name(lang, *field),
            field_name(lang, *limit_field),
            n(*total),
            n(*limit)
        ),
        Issue::EmptyUnitName => "nama unit kosong".to_string(),
        Issue::NotAUnitKind(text) => {
            format!("'{text}' bukan jenis unit (kecamatan atau kabupaten)")
        }
        Issue::NoUnits => "tidak ada unit dalam berkas".to_string(),
        Issue::NoRows => "berkas tidak berisi baris".to_string(),
        Issue::MissingColumns { wanted, header } => {
            format!("{}; baris judul berisi: {header}", self::wanted(wanted))
        }
        Issue::RecapNoMeasure { found } => format!(
            "tidak jelas jumlah apa yang direkap ({}); beri nama lembar, atau tulis di judulnya, \
             salah satu dari Rekam, Terkirim, Cetak, Suket, PRR, DUP, Efac, Efac ulang",
            if found.is_empty() {
                "nama lembar dan judulnya tidak menyebut satu pun".to_string()
            } else {
                format!(
                    "nama atau judulnya menyebut {}",
                    found
                        .iter()
                        .map(|m| measure_name(lang, *m))
                        .collect::<Vec<_>>()
                        .join(" dan ")
                )
            }
        ),
        Issue::RecapNoMonth => "kolom hari tidak menyebut bulan, begitu pula judul dan nama \
                                lembarnya; isi kotak \"Bulan lembar rekap\" di layar Laporan \
                                (mis. Oktober 2016), atau tulis bulannya di judul lembar (di \
                                baris perintah: --month 2016-10)"
            .to_string(),
        Issue::RecapBadPeriod { text, month } => match month {
            Some((y, m)) => format!("'{text}' bukan tanggal pada bulan {y}-{m:02}"),
            None => format!("'{text}' bukan tanggal"),
        },
        Issue::RecapTotal { total, sum } => format!(
            "jumlahnya tertulis {}, padahal angka yang dijumlahkan berjumlah {}",
            n(*total),
            n(*sum)
        ),
        Issue::RecapNoSheetFor { measure } => format!(
            "rekap tidak punya lembar {}; laporan harian perlu perekaman, terkirim dan cetak",
            measure_name(lang, *measure)
        ),
        Issue::RecapMeasureMissing {
            measure,
            unit,
            date,
        } => format!(
            "{unit} {} punya angka di lembar lain tetapi tidak ada angka {}",
            super::fmt::date_short(lang, *date),
            measure_name(lang, *measure)
        ),
    }
}

/// A recap's measure: `perekaman`, `PRR`, …
pub fn measure_name(lang: Lang, measure: crate::io::import::Measure) -> &'static str {
    match measure {
        crate::io::import::Measure::Count(field) => field_name(lang, field),
        crate::io::import::Measure::Stage(field) => super::stage_name(lang, field),
    }
}

/// What an import leaves aside, in the chosen language.
pub fn note(lang: Lang, note: &Note) -> String {
    // A column's or a sheet's name comes from the file: shown, never obeyed.
    crate::domain::rules::shown(&note_text(lang, note)).into_owned()
}

fn note_text(lang: Lang, note: &Note) -> String {
    if lang == Lang::En {
        return note.to_string();
    }
    let of = |sheet: &Option<String>| {
        sheet
            .as_ref()
            .map(|s| format!(" pada lembar {s}"))
            .unwrap_or_default()
    };
    match note {
        Note::SheetLeftAside { sheet, why } => {
            format!("lembar {sheet} dilewati: {}", issue(lang, why))
        }
        Note::ColumnNotImported { column, sheet } => {
            format!("kolom {column}{} tidak diimpor", of(sheet))
        }
        Note::NoSuketColumn { sheet } => {
            format!(
                "tidak ada kolom Suket{}: suket 0 pada setiap baris",
                of(sheet)
            )
        }
        Note::NoServerColumn { sheet } => format!(
            "tidak ada kolom Server{}: server dianggap berjalan pada setiap baris",
            of(sheet)
        ),
        Note::NoStageColumn { sheet, field } => format!(
            "tidak ada kolom {}{}: 0 pada setiap baris yang ber-PRR",
            match field {
                crate::domain::PrrField::Prr => "PRR",
                crate::domain::PrrField::Dup => "DUP",
                crate::domain::PrrField::Efac => "Efac",
                crate::domain::PrrField::EfacRetaken => "Efac direkam ulang",
            },
            of(sheet)
        ),
        Note::RecapRead {
            sheet,
            row,
            measure,
            units,
            days,
            first,
            last,
            monthly,
            total_row,
        } => {
            let place = match sheet {
                Some(s) => format!("lembar {s}, judul kolom di baris {row}"),
                None => format!("judul kolom di baris {row}"),
            };
            let mut text = format!(
                "{place}: rekap {}, {units} unit × {days} {}",
                measure_name(lang, *measure),
                if *monthly { "bulan" } else { "hari" }
            );
            if let (Some(first), Some(last)) = (first, last) {
                text.push_str(&format!(
                    " ({} s.d. {})",
                    super::fmt::date_short(lang, *first),
                    super::fmt::date_short(lang, *last)
                ));
            }
            if *monthly {
                text.push_str("; angka tiap bulan menjadi laporan hari kerja terakhirnya");
            }
            if let Some(total) = total_row {
                text.push_str(&format!("; baris jumlah {total} diperiksa, tidak diimpor"));
            }
            text
        }
        Note::RestDays {
            first,
            last,
            count,
            holidays,
        } => {
            let names = if holidays.is_empty() {
                String::new()
            } else {
                format!(" ({})", holidays.join(", "))
            };
            format!(
                "{count} laporan dari {} s.d. {} jatuh pada hari libur atau akhir pekan{names}: \
                 diterima, dan dihitung ke hari kerja berikutnya",
                super::fmt::date_short(lang, *first),
                super::fmt::date_short(lang, *last)
            )
        }
        Note::RecapEmptyColumns { sheet, columns } => format!(
            "kolom {}{} tanpa angka (hari yang belum diisi): tidak diimpor",
            crate::io::import::column_list(columns),
            of(sheet)
        ),
    }
}

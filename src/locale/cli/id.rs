//! What the commands print, in Indonesian.

use super::*;

pub(super) fn said(said: &Said) -> String {
    let n = |x: u64| count(Lang::Id, x);
    match said {
        Said::DemoCreated {
            path,
            units,
            reports,
            events,
        } => format!(
            "{} dibuat — data ilustrasi Sampang, {units} unit, {reports} laporan harian, {events} \
             mutasi blangko",
            path.display()
        ),
        Said::DemoTotals {
            on,
            recorded,
            printed,
            wajib_ktp,
        } => format!(
            "per {on}: rekam {}, cetak {}, wajib KTP {}",
            n(*recorded),
            n(*printed),
            n(*wajib_ktp)
        ),
        Said::Refused {
            problems,
            file,
            creating,
        } => format!(
            "ditolak: {} masalah dalam {}; {}",
            n(*problems as u64),
            file.display(),
            if *creating {
                "tidak ada yang dibuat"
            } else {
                "tidak ada yang diimpor"
            }
        ),
        Said::Created {
            path,
            office,
            units,
            targets,
            from,
        } => format!(
            "{} dibuat untuk {office} dengan {} unit: {}{}",
            path.display(),
            units.len(),
            units.join(", "),
            match targets {
                0 => String::new(),
                t => format!("; wajib KTP {t} unit berlaku mulai {from}"),
            }
        ),
        Said::ReportSaved { at, saved } => format!(
            "{at}: {}",
            match saved {
                Saved::Inserted => "laporan baru disimpan",
                Saved::Updated => "laporan diperbarui",
                Saved::Unchanged => "tidak berubah (nilai yang sama sudah tersimpan)",
            }
        ),
        Said::ReportDeleted { at, counts } => format!(
            "{at}: laporan dihapus (rekam {}, terkirim {}, cetak {}, suket {})",
            n(counts.recorded),
            n(counts.sent_to_central),
            n(counts.printed),
            n(counts.suket_issued)
        ),
        Said::NoReportToDelete(at) => {
            format!("{at}: tidak ada laporan pada hari itu; tidak ada yang dihapus")
        }
        Said::OutlierKept { at, outlier, note } => format!(
            "{at}: catatan: {}; disimpan dengan catatan \"{note}\"",
            crate::locale::outlier(Lang::Id, outlier)
        ),
        Said::StockBooked {
            date,
            cause,
            id,
            balance,
        } => format!(
            "{date}: {cause} dicatat (#{id}); stok blangko pada akhir hari: {}",
            balance.map(n).unwrap_or_else(|| "belum diketahui".into())
        ),
        Said::UnitAdded(name) => format!("unit {name}: ditambahkan"),
        Said::UnitRenamed { name, to } => format!("unit {name}: diganti nama menjadi {to}"),
        Said::UnitDeactivated(name) => format!("unit {name}: dinonaktifkan; datanya disimpan"),
        Said::UnitActivated(name) => format!("unit {name}: aktif"),
        Said::TargetSet { at, wajib_ktp } => {
            format!(
                "{at}: wajib KTP {} berlaku mulai tanggal ini",
                n(*wajib_ktp)
            )
        }
        Said::ConfirmTargets(count) => format!(
            "{count} target tidak disimpan karena mungkin salah ketik; bila benar, ulangi dengan \
             --confirm"
        ),
        Said::TargetsSet(units) => format!("target ditetapkan untuk {units} unit"),
        Said::DeadlineSet { decided, deadline } => {
            format!("{decided}: tenggatnya {deadline} sejak keputusan ini")
        }
        Said::DecisionRemoved(decided) => format!("{decided}: keputusan dihapus"),
        Said::OpeningNeeds { unit, missing } => format!(
            "{unit} belum punya saldo awal: isi juga {}; tidak ada yang disimpan",
            missing.join(", ")
        ),
        Said::DecisionExists { decided, kept } => format!(
            "{decided}: keputusan hari itu sudah menetapkan tenggat {kept}; tidak diubah \
             (--replace untuk menggantinya)"
        ),
        Said::NoDecision(decided) => {
            format!("--decided {decided}: tidak ada keputusan pada hari itu")
        }
        Said::PrrCounted(true) => "kantor ini kini mencatat PRR, DUP dan Efac setiap hari".into(),
        Said::PrrCounted(false) => {
            "kantor ini tidak lagi mencatat PRR setiap hari; angka yang ada tetap".into()
        }
        Said::PrrStartSet { at, counts } => format!(
            "{at}: awal PRR {}, DUP {}, Efac {}, Efac direkam ulang {}",
            n(counts.prr),
            n(counts.dup),
            n(counts.efac),
            n(counts.efac_retaken)
        ),
        Said::OpeningsSet(units) => format!("saldo awal ditetapkan untuk {units} unit"),
        Said::OpeningSet { at, counts } => format!(
            "{at}: saldo awal rekam {}, terkirim {}, cetak {}, suket {}",
            n(counts.recorded),
            n(counts.sent_to_central),
            n(counts.printed),
            n(counts.suket_issued)
        ),
        Said::HolidayNeedsName => "--name: hari libur perlu nama".into(),
        Said::HolidaySet { date, name, kind } => format!(
            "{date}: {name} ({}) bukan hari kerja",
            holiday_kind(Lang::Id, *kind)
        ),
        Said::HolidayRemoved(date) => format!("{date}: dihapus dari hari libur"),
        Said::HolidaysImported { new, changed } => {
            format!("hari libur diimpor: {new} baru, {changed} diganti keterangannya")
        }
        Said::HolidayYearsAdded([]) => {
            "kalender sudah memuat hari libur setiap tahun yang dibawa program ini; tidak ada \
             yang ditambahkan"
                .to_string()
        }
        Said::HolidayYearsAdded(years) => format!(
            "hari libur nasional ditambahkan untuk tahun {}",
            years_list(years)
        ),
        Said::NoHoliday(date) => format!("{date}: tidak ada hari libur pada tanggal ini"),
        Said::DeliveryAnnounced {
            expected,
            quantity,
            id,
            announced,
        } => format!(
            "{expected}: {} blangko diharapkan tiba (#{id}, diumumkan {announced})",
            n(*quantity)
        ),
        Said::DeliveryRemoved(id) => format!("pengiriman terjadwal #{id} dihapus"),
        Said::NoDelivery(id) => format!("tidak ada pengiriman terjadwal #{id}"),
        Said::SeasonSet {
            from,
            to,
            factor,
            id,
        } => format!(
            "{from} s.d. {to}: kerja pada {} kali laju biasa (#{id})",
            plain(Lang::Id, *factor)
        ),
        Said::SeasonRemoved(id) => format!("periode #{id} dihapus"),
        Said::NoSeason(id) => format!("tidak ada periode #{id}"),
        Said::UnexplainedOutlier { at, outlier } => format!(
            "peringatan: {at}: {}; tidak ada catatan yang menjelaskannya",
            crate::locale::outlier(Lang::Id, outlier)
        ),
        Said::CheckPassed {
            path,
            units,
            reports,
            events,
            unexplained,
        } => format!(
            "{}: ok — berkas utuh; {units} unit, {reports} laporan harian, {events} mutasi \
             blangko memenuhi semua aturan{}",
            path.display(),
            match unexplained {
                0 => String::new(),
                u => format!(" ({u} lonjakan tanpa catatan, tercantum di atas sebagai peringatan)"),
            }
        ),
        Said::CheckFailed { path, problems } => {
            format!("{}: ditemukan {problems} masalah", path.display())
        }
        Said::Characters(length) => format!("({} karakter)", n(*length as u64)),
        Said::AuditEmpty => "jejak audit masih kosong".into(),
        Said::WindowAndTrials { min } => {
            format!("--window paling sedikit {min} dan --trials paling sedikit 1")
        }
        Said::Window { min } => format!("--window paling sedikit {min}"),
        Said::NoReports(path) => format!(
            "{}: belum ada laporan harian, jadi belum ada perkiraan untuk ditampilkan",
            path.display()
        ),
        Said::FromAfterTo { from, to } => format!("--from {from} jatuh sesudah --to {to}"),
        Said::BackedUp { db, out } => {
            format!("{}: dicadangkan ke {}", db.display(), out.display())
        }
        Said::Restored { db, from } => {
            format!("{}: dipulihkan dari {}", db.display(), from.display())
        }
        Said::CheckingRows { done, total } => format!("memeriksa baris: {done}/{total}"),
        Said::ComputingSlip { done, total } => {
            format!("menghitung riwayat perkiraan: {done}/{total}")
        }
        Said::ImportStopped => "impor berhenti tiba-tiba; tidak ada yang ditulis".into(),
        Said::MoreNotes(more) => format!("… dan {} catatan lagi", n(*more as u64)),
        Said::MoreProblems(more) => format!("… dan {} masalah lagi", n(*more as u64)),
        Said::Flagged {
            file,
            sheet,
            row,
            unit,
            date,
            outlier,
        } => format!(
            "peringatan: {file}{}, baris {row}: {unit} {date}: {}; tanpa catatan — ditandai \
             untuk diperiksa",
            sheet.map(|s| format!(", lembar {s}")).unwrap_or_default(),
            crate::locale::outlier(Lang::Id, outlier)
        ),
        Said::MoreFlagged(more) => format!(
            "peringatan: … dan {more} lonjakan lagi tanpa catatan (pantau check menampilkan \
             semuanya)"
        ),
        Said::WouldImport { counts } => format!("akan diimpor: {counts}"),
        Said::Imported { counts } => format!("diimpor: {counts}"),
        Said::ExportType(path) => format!(
            "--out {}: ekspor menulis berkas .xlsx atau .csv",
            path.display()
        ),
        Said::Exported { path, rows } => format!(
            "{}: {} laporan harian diekspor",
            path.display(),
            n(*rows as u64)
        ),
        Said::OpeningsExported { path, units } => {
            format!("{}: saldo awal {units} unit", path.display())
        }
        Said::SlipWindowOnly => "--from dan --to hanya berlaku untuk --kind slip".into(),
        Said::FromNotBeforeTo { from, to } => {
            format!("--from ({from}) harus sebelum --to ({to})")
        }
        Said::ChartWritten(path) => format!("{}: grafik ditulis (2000 × 1200)", path.display()),
        Said::ReportWritten { path, pages } => {
            format!("{}: laporan ditulis ({pages} halaman)", path.display())
        }
        Said::LetterWritten { path, quantity } => format!(
            "{}: surat permintaan blangko ditulis ({} lembar diminta)",
            path.display(),
            n(*quantity)
        ),
        Said::NoDataFolder => "tidak ada folder rumah untuk database bawaan; sebutkan satu \
                               dengan --db BERKAS"
            .into(),
        Said::DataFolder(path) => format!("folder data {} tidak dapat dibuat", path.display()),
        Said::BadDate { flag, text } => {
            format!("{flag}: {}", crate::locale::not_a_date(Lang::Id, text))
        }
        Said::SummaryTitle { office, as_of } => {
            format!("{office} — per {}", date_short(Lang::Id, *as_of))
        }
        Said::DeadlineInForce { deadline, decided } => match decided {
            Some(decided) => format!(
                "Tenggat yang berlaku: {} (diputuskan {})",
                date_short(Lang::Id, *deadline),
                date_short(Lang::Id, *decided)
            ),
            None => format!("Tenggat yang berlaku: {}", date_short(Lang::Id, *deadline)),
        },
        Said::NoDeadline => "Belum ada tenggat".into(),
        Said::StockUnknown => {
            "Stok blangko: belum diketahui (belum ada penerimaan atau stok opname)".into()
        }
        Said::StockOut {
            print_rate,
            stockout_days,
            known_since,
            since,
        } => format!(
            "Stok blangko: habis{} (rata-rata cetak {} per hari)\n{}",
            since
                .map(|d| format!(" sejak {}", date_short(Lang::Id, d)))
                .unwrap_or_default(),
            n(*print_rate),
            super::super::stockout_total(Lang::Id, *known_since, *stockout_days)
        ),
        Said::StockOnHand {
            on_hand,
            days_of_stock,
            print_rate,
            stockout_days,
            known_since,
        } => format!(
            "Stok blangko: {} lembar ({}; rata-rata cetak {} per hari)\n{}",
            n(*on_hand),
            match days_of_stock {
                Some(days) => format!("cukup untuk {} hari kerja lagi", decimal(Lang::Id, *days)),
                None => "tidak ada cetak dalam 14 hari kerja terakhir".into(),
            },
            n(*print_rate),
            super::super::stockout_total(Lang::Id, *known_since, *stockout_days)
        ),
        Said::ForecastTitle(as_of) => format!("Perkiraan per {}", date_short(Lang::Id, *as_of)),
        Said::LimitedBy {
            printing,
            constraint,
        } => format!(
            "{}: dibatasi oleh {constraint}",
            if *printing { "Pencetakan" } else { "Perekaman" }
        ),
        Said::NoDateBecause(reason) => format!("  tanpa tanggal: {reason}"),
        Said::Behind {
            behind,
            all,
            slowest,
        } => {
            let names: Vec<String> = slowest
                .iter()
                .map(|(name, share)| match share {
                    Some(s) => format!("{name} ({} dari yang perlu)", percent(Lang::Id, s * 100.0)),
                    None => name.to_string(),
                })
                .collect();
            let mut line = format!("Tertinggal dari tenggat: {behind} dari {all} kecamatan");
            if !names.is_empty() {
                line.push_str(&format!("; paling jauh: {}", names.join(", ")));
            }
            line
        }
        Said::ForecastBasis {
            blanks,
            window_days,
            trials,
        } => format!(
            "Blangko: {blanks}\nDasar: {window_days} hari kerja terakhir, {} percobaan Monte Carlo",
            n(*trials as u64)
        ),
        Said::BacktestScored(scored) => {
            format!("Uji balik: {scored} perkiraan yang tonggaknya kemudian tercapai")
        }
        Said::BacktestP85(share) => {
            format!(
                "  tanggal nyata ≤ P85: {}",
                percent(Lang::Id, share * 100.0)
            )
        }
        Said::BacktestP50(share) => {
            format!(
                "  tanggal nyata ≤ P50: {}",
                percent(Lang::Id, share * 100.0)
            )
        }
        Said::BacktestMedianError(days) => format!(
            "  median selisih P50: {} hari kerja",
            decimal(Lang::Id, *days)
        ),
        Said::Note(note) => format!("catatan: {note}"),
        Said::BacktestHorizons => "Uji balik bergulir: dari setiap hari kerja, total kumulatif \
                                   20, 60 dan 120 hari kerja ke depan diperkirakan lalu \
                                   dibandingkan dengan kenyataan; rentang P15–P85 semestinya \
                                   memuat sekitar 70 %, galat dihitung terhadap pekerjaan \
                                   yang benar-benar selesai"
            .into(),
        Said::BacktestNothing => "Uji balik: belum ada tonggak yang tercapai dalam data, jadi \
                                  belum ada perkiraan yang bisa diuji (n = 0)"
            .into(),
    }
}

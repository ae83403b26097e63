//! Exporting the office's figures for its other tools: daily reports and opening totals as
//! CSV, and a workbook with the reports, opening totals, summary, blank-card ledger and slip.

use std::path::Path;

use chrono::NaiveDate;

use super::WriteError;
use crate::chart::palette;
use crate::domain::Dataset;

/// A text cell that a spreadsheet would run as a formula gets a leading `'` (CSV injection);
/// the importer removes it again.
pub fn guard(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    }
}

/// The centre's stage as four cells (PRR, DUP, Efac, retaken); empty where not counted.
fn stage_cells(prr: Option<&crate::domain::PrrCounts>) -> [String; 4] {
    match prr {
        Some(p) => [p.prr, p.dup, p.efac, p.efac_retaken].map(|n| n.to_string()),
        None => Default::default(),
    }
}

/// Writes the daily reports from `from` to `to` as CSV: UTF-8, one header row, ISO dates;
/// where any of them has the centre's stage, its four columns after the note (empty where a
/// day's was not counted), which `pantau import` reads back.
pub fn reports_csv(
    data: &Dataset,
    out: &Path,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<usize, WriteError> {
    let mut writer = csv::Writer::from_path(out).map_err(WriteError::csv(out))?;
    let io = WriteError::csv(out);
    let mut reports: Vec<_> = data
        .reports
        .values()
        .filter(|r| (from..=to).contains(&r.date))
        .collect();
    reports.sort_by_key(|r| (r.date, data.unit_name(r.unit_id)));
    let with_stage = reports.iter().any(|r| r.prr.is_some());
    let mut header = vec![
        "date",
        "unit",
        "recorded",
        "sent",
        "printed",
        "suket",
        "server_ok",
        "note",
    ];
    if with_stage {
        header.extend(["prr", "dup", "efac", "efac_retaken"]);
    }
    writer.write_record(&header).map_err(io)?;
    for r in &reports {
        let c = &r.counts;
        let mut row = vec![
            r.date.to_string(),
            guard(&data.unit_name(r.unit_id)),
            c.recorded.to_string(),
            c.sent_to_central.to_string(),
            c.printed.to_string(),
            c.suket_issued.to_string(),
            if r.server_ok { "ya" } else { "tidak" }.to_string(),
            guard(&r.note),
        ];
        if with_stage {
            row.extend(stage_cells(r.prr.as_ref()));
        }
        writer.write_record(&row).map_err(io)?;
    }
    writer.flush().map_err(WriteError::file(out))?;
    Ok(reports.len())
}

/// Where the CSV export puts the opening totals: beside the reports, `<name>-saldo-awal.csv`.
pub fn openings_csv_path(reports_csv: &Path) -> std::path::PathBuf {
    let stem = reports_csv
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "pantau".to_string());
    reports_csv.with_file_name(format!("{stem}-saldo-awal.csv"))
}

/// Writes every unit's opening totals as CSV in the columns `pantau opening import` reads:
/// `unit,as_of,recorded,sent,printed,suket`. The daily reports and these add up to the
/// dashboard's totals. Returns how many units have opening totals.
pub fn openings_csv(data: &Dataset, out: &Path) -> Result<usize, WriteError> {
    let mut writer = csv::Writer::from_path(out).map_err(WriteError::csv(out))?;
    let io = WriteError::csv(out);
    writer
        .write_record(["unit", "as_of", "recorded", "sent", "printed", "suket"])
        .map_err(io)?;
    for unit in &data.units {
        if let Some(o) = data.openings.get(&unit.id) {
            let c = &o.counts;
            writer
                .write_record([
                    guard(&unit.name),
                    o.as_of.to_string(),
                    c.recorded.to_string(),
                    c.sent_to_central.to_string(),
                    c.printed.to_string(),
                    c.suket_issued.to_string(),
                ])
                .map_err(io)?;
        }
    }
    writer.flush().map_err(WriteError::file(out))?;
    Ok(data.openings.len())
}

/// The workbook for the office's other tools: daily reports, per-unit summary with a native
/// Excel chart of progress against the target, the blank-card ledger, and the slip history.
pub fn workbook(
    data: &Dataset,
    slip: &[crate::forecast::Forecast],
    out: &Path,
    from: NaiveDate,
    to: NaiveDate,
    lang: crate::locale::Lang,
) -> Result<usize, WriteError> {
    let words = crate::locale::workbook(lang);
    use rust_xlsxwriter::{
        Chart, ChartAxisDateUnitType, ChartFormat, ChartLine, ChartLineDashType, ChartType,
        ExcelDateTime, Format, Workbook, Worksheet,
    };
    let fail = |source: rust_xlsxwriter::XlsxError| WriteError::Workbook {
        path: out.to_path_buf(),
        source,
    };
    let mut book = Workbook::new();
    let header = Format::new().set_bold().set_background_color("#DDEBF7");
    let whole = Format::new().set_num_format("#,##0");
    let percent = Format::new().set_num_format("0.0");
    let date_format = Format::new().set_num_format("yyyy-mm-dd");
    let excel_date = |d: NaiveDate| {
        use chrono::Datelike;
        ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
    };
    let heading = |sheet: &mut Worksheet, names: &[&str], widths: &[f64]| {
        for (col, (name, width)) in names.iter().zip(widths).enumerate() {
            sheet.write_string_with_format(0, col as u16, *name, &header)?;
            sheet.set_column_width(col as u16, *width)?;
        }
        sheet.set_freeze_panes(1, 0)?;
        Ok::<(), rust_xlsxwriter::XlsxError>(())
    };

    // Daily reports.
    let mut reports: Vec<_> = data
        .reports
        .values()
        .filter(|r| (from..=to).contains(&r.date))
        .collect();
    reports.sort_by_key(|r| (r.date, data.unit_name(r.unit_id)));
    let sheet = book.add_worksheet().set_name(words.reports).map_err(fail)?;
    heading(
        sheet,
        &words.reports_headers,
        &[12.0, 24.0, 12.0, 12.0, 12.0, 10.0, 10.0, 48.0],
    )
    .map_err(fail)?;
    // The centre's stage after the note, where any report has it (empty where not counted).
    let with_stage = reports.iter().any(|r| r.prr.is_some());
    if with_stage {
        for (i, name) in words.stage_headers.iter().enumerate() {
            let col = 8 + i as u16;
            sheet
                .write_string_with_format(0, col, *name, &header)
                .map_err(fail)?;
            sheet.set_column_width(col, 12.0).map_err(fail)?;
        }
    }
    for (i, r) in reports.iter().enumerate() {
        let row = i as u32 + 1;
        let c = &r.counts;
        sheet
            .write_datetime_with_format(row, 0, excel_date(r.date).map_err(fail)?, &date_format)
            .map_err(fail)?;
        sheet
            .write_string(row, 1, data.unit_name(r.unit_id))
            .map_err(fail)?;
        for (col, value) in [c.recorded, c.sent_to_central, c.printed, c.suket_issued]
            .into_iter()
            .enumerate()
        {
            sheet
                .write_number_with_format(row, col as u16 + 2, value as f64, &whole)
                .map_err(fail)?;
        }
        sheet.write_boolean(row, 6, r.server_ok).map_err(fail)?;
        sheet.write_string(row, 7, &r.note).map_err(fail)?;
        if let Some(p) = &r.prr {
            for (i, value) in [p.prr, p.dup, p.efac, p.efac_retaken]
                .into_iter()
                .enumerate()
            {
                sheet
                    .write_number_with_format(row, 8 + i as u16, value as f64, &whole)
                    .map_err(fail)?;
            }
        }
    }

    // Opening totals: with the daily reports, they add up to the summary's totals.
    let sheet = book
        .add_worksheet()
        .set_name(words.openings)
        .map_err(fail)?;
    heading(
        sheet,
        &words.openings_headers,
        &[24.0, 12.0, 12.0, 12.0, 12.0, 10.0],
    )
    .map_err(fail)?;
    let openings = data
        .units
        .iter()
        .filter_map(|u| data.openings.get(&u.id).map(|o| (u, o)))
        .filter(|(_, o)| o.as_of <= to);
    for (i, (unit, o)) in openings.enumerate() {
        let row = i as u32 + 1;
        let c = &o.counts;
        sheet.write_string(row, 0, &unit.name).map_err(fail)?;
        sheet
            .write_datetime_with_format(row, 1, excel_date(o.as_of).map_err(fail)?, &date_format)
            .map_err(fail)?;
        for (col, value) in [c.recorded, c.sent_to_central, c.printed, c.suket_issued]
            .into_iter()
            .enumerate()
        {
            sheet
                .write_number_with_format(row, col as u16 + 2, value as f64, &whole)
                .map_err(fail)?;
        }
    }

    // Per-unit summary at the end of the range, and the progress table the chart reads.
    let last = reports
        .last()
        .map(|r| r.date)
        .unwrap_or_else(|| to.min(crate::clock::today()));
    let summary = crate::domain::summary::summarize(data, last);
    let sheet = book.add_worksheet().set_name(words.summary).map_err(fail)?;
    heading(
        sheet,
        &words.summary_headers,
        &[24.0, 12.0, 12.0, 12.0, 12.0, 10.0, 14.0, 14.0, 9.0, 9.0],
    )
    .map_err(fail)?;
    let progress_rows = summary
        .units
        .iter()
        .map(|u| (u.name.as_str(), &u.progress))
        .chain([(words.total, &summary.total)]);
    for (i, (name, p)) in progress_rows.enumerate() {
        let row = i as u32 + 1;
        sheet.write_string(row, 0, name).map_err(fail)?;
        let values = [
            p.wajib_ktp,
            Some(p.recorded),
            Some(p.sent_to_central),
            Some(p.printed),
            Some(p.suket_issued),
            Some(p.backlog_to_send),
            Some(p.backlog_to_print),
        ];
        for (col, value) in values.into_iter().enumerate() {
            if let Some(v) = value {
                sheet
                    .write_number_with_format(row, col as u16 + 1, v as f64, &whole)
                    .map_err(fail)?;
            }
        }
        for (col, value) in [(8, p.coverage_pct), (9, p.printed_pct)] {
            if let Some(v) = value {
                sheet
                    .write_number_with_format(row, col, v, &percent)
                    .map_err(fail)?;
            }
        }
    }
    // The day the table is of, under it: a sheet read on its own says when.
    let as_of_row = summary.units.len() as u32 + 2;
    sheet
        .write_string_with_format(as_of_row, 0, words.as_of, &header)
        .map_err(fail)?;
    sheet
        .write_datetime_with_format(as_of_row, 1, excel_date(last).map_err(fail)?, &date_format)
        .map_err(fail)?;
    // Month-end totals for the chart, below the table.
    let history = crate::forecast::History::new(data);
    let mut month_ends: Vec<&crate::forecast::history::Day> = Vec::new();
    for day in history
        .days()
        .iter()
        .filter(|d| (from..=to).contains(&d.date))
    {
        use chrono::Datelike;
        match month_ends.last_mut() {
            Some(prev)
                if prev.date.month() == day.date.month() && prev.date.year() == day.date.year() =>
            {
                *prev = day;
            }
            _ => month_ends.push(day),
        }
    }
    let top = summary.units.len() as u32 + 4;
    for (col, name) in words.month_end_headers.iter().enumerate() {
        sheet
            .write_string_with_format(top, col as u16, *name, &header)
            .map_err(fail)?;
    }
    for (i, day) in month_ends.iter().enumerate() {
        let row = top + 1 + i as u32;
        sheet
            .write_datetime_with_format(row, 0, excel_date(day.date).map_err(fail)?, &date_format)
            .map_err(fail)?;
        let wajib = history.wajib_ktp(day.date);
        for (col, value) in [day.total_recorded, day.total_sent, day.total_printed, wajib]
            .into_iter()
            .enumerate()
        {
            sheet
                .write_number_with_format(row, col as u16 + 1, value as f64, &whole)
                .map_err(fail)?;
        }
    }
    if !month_ends.is_empty() {
        let last_row = top + month_ends.len() as u32;
        let mut chart = Chart::new(ChartType::Line);
        let as_of = crate::locale::fmt::date_short(lang, last);
        let title = format!("{} — {} {as_of}", words.chart_title, words.as_of);
        chart.title().set_name(&title);
        // The app's colours; recorded wide under sent, which runs close above it, so that
        // both stay visible; the target dashed.
        let lines = [
            (palette::RECORDED, 4.5, ChartLineDashType::Solid),
            (palette::SENT, 1.75, ChartLineDashType::Solid),
            (palette::PRINTED, 2.25, ChartLineDashType::Solid),
            (palette::TARGET, 1.5, ChartLineDashType::Dash),
        ];
        for ((col, name), (color, width, dash)) in words
            .month_end_headers
            .iter()
            .enumerate()
            .skip(1)
            .zip(lines)
        {
            let col = col as u16;
            let hex = format!("#{:02X}{:02X}{:02X}", color.0, color.1, color.2);
            chart
                .add_series()
                .set_name(*name)
                .set_categories((words.summary, top + 1, 0, last_row, 0))
                .set_values((words.summary, top + 1, col, last_row, col))
                .set_format(
                    ChartFormat::new().set_line(
                        ChartLine::new()
                            .set_color(hex.as_str())
                            .set_width(width)
                            .set_dash_type(dash),
                    ),
                );
        }
        // Dates on the axis, by month, not the serial numbers behind them.
        chart
            .x_axis()
            .set_date_axis(true)
            .set_num_format("mmm yyyy")
            .set_major_unit_date_type(ChartAxisDateUnitType::Months);
        chart
            .y_axis()
            .set_num_format("#,##0")
            .set_name(words.chart_y);
        sheet.insert_chart(top, 6, &chart).map_err(fail)?;
    }

    // Blank-card ledger.
    let sheet = book.add_worksheet().set_name(words.blanks).map_err(fail)?;
    heading(
        sheet,
        &words.blanks_headers,
        &[12.0, 14.0, 12.0, 26.0, 26.0, 40.0],
    )
    .map_err(fail)?;
    let events = data
        .stock_events
        .iter()
        .filter(|e| (from..=to).contains(&e.date));
    for (i, e) in events.enumerate() {
        let row = i as u32 + 1;
        sheet
            .write_datetime_with_format(row, 0, excel_date(e.date).map_err(fail)?, &date_format)
            .map_err(fail)?;
        // The kind as a clerk names it ("Penerimaan dari pusat"); the importer reads it back
        // in either language.
        let kind = crate::locale::stock_kind(lang, e.kind);
        sheet.write_string(row, 1, kind).map_err(fail)?;
        sheet
            .write_number_with_format(row, 2, e.quantity as f64, &whole)
            .map_err(fail)?;
        sheet.write_string(row, 3, &e.document).map_err(fail)?;
        sheet.write_string(row, 4, &e.counterparty).map_err(fail)?;
        sheet.write_string(row, 5, &e.note).map_err(fail)?;
    }

    // Slip history.
    let sheet = book.add_worksheet().set_name(words.slip).map_err(fail)?;
    heading(
        sheet,
        crate::locale::cli::headers(lang, crate::locale::cli::Table::Slip),
        &[12.0, 12.0, 12.0, 12.0, 12.0, 12.0],
    )
    .map_err(fail)?;
    for (i, f) in slip
        .iter()
        .filter(|f| (from..=to).contains(&f.as_of))
        .enumerate()
    {
        let row = i as u32 + 1;
        let dates = [
            Some(f.as_of),
            f.deadline,
            f.recording.p50,
            f.recording.p85,
            f.printing.p50,
            f.printing.p85,
        ];
        for (col, date) in dates.into_iter().enumerate() {
            if let Some(date) = date {
                sheet
                    .write_datetime_with_format(
                        row,
                        col as u16,
                        excel_date(date).map_err(fail)?,
                        &date_format,
                    )
                    .map_err(fail)?;
            }
        }
    }
    book.save(out).map_err(fail)?;
    Ok(reports.len())
}

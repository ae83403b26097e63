//! What the dashboard adds on a province's hub: which districts have not reported the as-of
//! day, blanks left per district with the ones under the reorder threshold first, and the
//! outages of every district on one time line (a stall everywhere is not one office's fault).

use chrono::NaiveDate;

use super::Frame;
use crate::hub::{DistrictProgress, HubSummary, REORDER_THRESHOLD};
use crate::locale::{Lang, fmt};
use crate::ui::theme;

/// The districts, those under the reorder threshold first (fewest blanks first), then by
/// province and name.
pub fn districts_in_order(summary: &HubSummary) -> Vec<&DistrictProgress> {
    let mut rows: Vec<&DistrictProgress> = summary.districts.iter().collect();
    rows.sort_by_key(|d| {
        let low = d.blanks_left.filter(|b| *b < REORDER_THRESHOLD);
        (
            low.is_none(),
            low.unwrap_or(0),
            d.province.clone(),
            d.name.clone(),
        )
    });
    rows
}

pub fn ui(ui: &mut egui::Ui, frame: &Frame) {
    let (lang, view) = (frame.lang, frame.view);
    let Some(summary) = &view.hub else {
        return;
    };
    let tr = lang.tr();
    ui.add_space(10.0);
    ui.heading((tr.hub_districts_title)(&fmt::date_long(
        lang,
        summary.as_of,
    )));
    let day = fmt::date_short(lang, summary.as_of);
    if summary.not_sent.is_empty() && !summary.resting.is_empty() {
        ui.label(crate::locale::hub::resting_line(
            lang,
            summary.as_of,
            &summary.resting,
        ));
    } else if summary.not_sent.is_empty() {
        ui.colored_label(theme::SAVED, (tr.hub_all_reported)(&day));
    } else {
        ui.colored_label(
            theme::WARNING,
            (tr.hub_some_not_reported)(summary.not_sent.len(), &summary.not_sent.join(", ")),
        );
    }
    let threshold = fmt::count(lang, REORDER_THRESHOLD as u64);
    egui::Grid::new("hub-districts")
        .striped(true)
        .num_columns(6)
        .spacing([18.0, 4.0])
        .show(ui, |ui| {
            for title in [
                tr.hub_col_district,
                tr.hub_col_province,
                tr.hub_col_last_report,
                tr.hub_col_units,
                tr.hub_col_blanks,
                "",
            ] {
                ui.strong(title);
            }
            ui.end_row();
            for d in districts_in_order(summary) {
                ui.label(&d.name);
                ui.label(&d.province);
                let last = fmt::date_opt(lang, d.last_day);
                if d.last_day == Some(summary.as_of) || summary.resting.contains(&d.name) {
                    ui.label(last);
                } else {
                    ui.colored_label(theme::WARNING, format!("{last} · {}", tr.hub_not_reported));
                }
                ui.label(format!("{}/{}", d.units_reported, d.units));
                match d.blanks_left {
                    Some(b) if b < REORDER_THRESHOLD => {
                        ui.colored_label(theme::INVALID, fmt::signed(lang, b));
                        ui.colored_label(theme::INVALID, (tr.hub_low_blanks)(&threshold));
                    }
                    Some(b) => {
                        ui.label(fmt::signed(lang, b));
                        ui.label("");
                    }
                    None => {
                        ui.label("—");
                        ui.label("");
                    }
                }
                ui.end_row();
            }
        });
    ui.add_space(10.0);
    outages_ui(ui, frame);
}

/// Every district's outages on one time line: a row per district with an outage, a bar per
/// outage, coloured by cause; the as-of day as a line.
fn outages_ui(ui: &mut egui::Ui, frame: &Frame) {
    let (lang, view) = (frame.lang, frame.view);
    let tr = lang.tr();
    let data = &view.data;
    ui.strong(tr.hub_outages_title);
    if data.outages.is_empty() {
        ui.label(tr.hub_outages_none);
        return;
    }
    let Some(first) = data
        .reports
        .values()
        .map(|r| r.date)
        .chain(data.outages.iter().map(|o| o.first_day))
        .min()
    else {
        return;
    };
    let last = view.as_of.max(first);
    let mut districts: Vec<(i64, String)> = data
        .outages
        .iter()
        .flat_map(|o| o.units.iter().copied())
        .map(|id| (id, data.unit_name(id)))
        .collect();
    districts.sort_by(|a, b| a.1.cmp(&b.1));
    districts.dedup();
    let label_width = 150.0;
    let row = 18.0;
    let width = ui.available_width().min(1100.0);
    let height = row * districts.len() as f32 + 22.0;
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::hover());
    let painter = ui.painter_at(rect);
    let span = (last - first).num_days().max(1) as f32;
    let x = |day: NaiveDate| {
        rect.left()
            + label_width
            + (day - first).num_days().clamp(0, span as i64) as f32 / span
                * (width - label_width - 8.0)
    };
    let text = ui.visuals().text_color();
    let font = egui::FontId::proportional(12.0);
    let mut hovered = None;
    for (n, (id, name)) in districts.iter().enumerate() {
        let top = rect.top() + n as f32 * row;
        painter.text(
            egui::pos2(rect.left(), top + row / 2.0),
            egui::Align2::LEFT_CENTER,
            name,
            font.clone(),
            text,
        );
        for o in data.outages.iter().filter(|o| o.units.contains(id)) {
            let end = o.last_day.unwrap_or(last).min(last);
            let bar = egui::Rect::from_min_max(
                egui::pos2(x(o.first_day), top + 3.0),
                egui::pos2(x(end).max(x(o.first_day) + 3.0), top + row - 3.0),
            );
            painter.rect_filled(bar, 2.0, cause_color(o.cause));
            if response.hover_pos().is_some_and(|p| bar.contains(p)) {
                let span = format!(
                    "{} – {}",
                    fmt::date_short(lang, o.first_day),
                    o.last_day
                        .map(|d| fmt::date_short(lang, d))
                        .unwrap_or_else(|| "…".into())
                );
                hovered = Some((tr.hub_outage_row)(
                    name,
                    &span,
                    crate::locale::outage_cause(lang, o.cause),
                ));
            }
        }
    }
    let axis = rect.top() + row * districts.len() as f32 + 4.0;
    painter.text(
        egui::pos2(x(first), axis),
        egui::Align2::LEFT_TOP,
        fmt::month_year(lang, first),
        font.clone(),
        text,
    );
    painter.text(
        egui::pos2(x(last), axis),
        egui::Align2::RIGHT_TOP,
        fmt::date_short(lang, last),
        font,
        text,
    );
    if let Some(tip) = hovered {
        response.on_hover_ui_at_pointer(|ui| {
            ui.label(tip);
        });
    }
    legend_ui(ui, lang);
}

fn cause_color(cause: crate::domain::OutageCause) -> egui::Color32 {
    use crate::domain::OutageCause::*;
    match cause {
        CentralServer => theme::INVALID,
        Network => theme::WARNING,
        Power => egui::Color32::from_rgb(0x55, 0x55, 0x99),
        Equipment => egui::Color32::from_rgb(0x77, 0x77, 0x77),
    }
}

fn legend_ui(ui: &mut egui::Ui, lang: Lang) {
    ui.horizontal(|ui| {
        for cause in crate::domain::OutageCause::ALL {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, cause_color(cause));
            ui.label(crate::locale::outage_cause(lang, cause));
            ui.add_space(8.0);
        }
    });
}

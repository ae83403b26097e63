//! Ringkasan: what a head of office opens. Tiles, the forecast against the deadline, charts.

use chrono::Datelike;

use super::{Command, Frame};
use crate::chart::ChartKind;
use crate::forecast::MIN_WINDOW_DAYS;
use crate::forecast::backtest::{Accuracy, CALIBRATION_MIN_CASES, HORIZONS, Stage};
use crate::forecast::{Forecast, Limit};
use crate::locale::{Lang, fmt};
use crate::ui::app::FilePurpose;
use crate::ui::{charts, theme};

/// One tile of the dashboard: a title, a big value, a detail line.
struct Tile {
    title: String,
    value: String,
    detail: String,
    color: Option<egui::Color32>,
    /// The detail's text style: small under a figure; the body's size where the detail is
    /// what the tile says (a milestone's sentence).
    detail_style: egui::TextStyle,
}

impl Tile {
    fn new(
        title: &str,
        value: impl Into<String>,
        detail: impl Into<String>,
        color: Option<egui::Color32>,
    ) -> Tile {
        Tile {
            title: title.to_string(),
            value: value.into(),
            detail: detail.into(),
            color,
            detail_style: egui::TextStyle::Small,
        }
    }

    /// The detail in the body's size.
    fn with_body_detail(self) -> Tile {
        Tile {
            detail_style: egui::TextStyle::Body,
            ..self
        }
    }

    /// The height of the detail once wrapped at `width`, as egui lays it out.
    fn detail_height(&self, ui: &egui::Ui, width: f32) -> f32 {
        if self.detail.is_empty() {
            return 0.0;
        }
        let font = self.detail_style.resolve(ui.style());
        let galley = ui
            .painter()
            .layout(self.detail.clone(), font, egui::Color32::BLACK, width);
        galley.size().y
    }

    /// The tile `width` wide inside its frame, `height` high at least.
    fn ui(&self, ui: &mut egui::Ui, width: f32, height: f32) {
        egui::Frame::group(ui.style())
            .inner_margin(10.0)
            .show(ui, |ui| {
                ui.set_width(width);
                ui.set_min_height(height);
                ui.vertical(|ui| {
                    ui.label(egui::RichText::new(&self.title).small());
                    let text = egui::RichText::new(&self.value).size(20.0).strong();
                    ui.label(match self.color {
                        Some(c) => text.color(c),
                        None => text,
                    });
                    if !self.detail.is_empty() {
                        let detail =
                            egui::RichText::new(&self.detail).text_style(self.detail_style.clone());
                        ui.add(egui::Label::new(detail).wrap());
                    }
                });
            });
    }
}

/// Tiles in rows that fit the width: a frame's size is not known before it is drawn, so
/// `horizontal_wrapped` cannot wrap them. A row's tiles share one height.
fn tiles_ui(ui: &mut egui::Ui, tiles: &[Tile]) {
    let spacing = ui.spacing().item_spacing.x;
    let outer = theme::TILE_WIDTH + TILE_FRAME + spacing;
    let fits = (((ui.available_width() + spacing) / outer).floor() as usize).max(1);
    // As many a row as fit, spread evenly: 3 and 3, not 5 and 1.
    let rows = tiles.len().div_ceil(fits).max(1);
    let per_row = tiles.len().div_ceil(rows).max(1);
    for row in tiles.chunks(per_row) {
        let detail = row
            .iter()
            .map(|t| t.detail_height(ui, theme::TILE_WIDTH))
            .fold(0.0, f32::max);
        ui.horizontal_top(|ui| {
            for tile in row {
                tile.ui(ui, theme::TILE_WIDTH, 44.0 + detail);
            }
        });
    }
}

/// A tile's frame around its content: margins and stroke.
const TILE_FRAME: f32 = 2.0 * 10.0 + 2.0;

/// The blanks' tile, then the forecast's two tiles sharing the rest of the row: a sentence
/// needs the room, and the row ends with the window.
fn forecast_row_ui(ui: &mut egui::Ui, lead: &Tile, tiles: &[Tile]) {
    let spacing = ui.spacing().item_spacing.x;
    let rest = ui.available_width() - (theme::TILE_WIDTH + TILE_FRAME + spacing);
    let n = tiles.len().max(1) as f32;
    let width = ((rest - (n - 1.0) * spacing) / n - TILE_FRAME).max(theme::TILE_WIDTH);
    let detail = tiles
        .iter()
        .map(|t| t.detail_height(ui, width))
        .chain([lead.detail_height(ui, theme::TILE_WIDTH)])
        .fold(0.0, f32::max);
    ui.horizontal_top(|ui| {
        lead.ui(ui, theme::TILE_WIDTH, 44.0 + detail);
        for tile in tiles {
            tile.ui(ui, width, 44.0 + detail);
        }
    });
}

/// A milestone's tile: its month, then the sentence that says when, how late and what the
/// deadline needs, then what holds it back. The percentiles are in "Cara membaca".
fn milestone_tile(
    lang: Lang,
    title: &str,
    forecast: Option<&Forecast>,
    printing: bool,
    failed: bool,
) -> Tile {
    let tr = lang.tr();
    let Some(forecast) = forecast else {
        let text = if failed {
            tr.not_computed
        } else {
            tr.computing
        };
        return Tile::new(title, text, "", None);
    };
    let m = if printing {
        &forecast.printing
    } else {
        &forecast.recording
    };
    let sentence = crate::locale::milestone_sentence(lang, forecast, printing);
    // No date to forecast (no target, too little history, nothing recorded): the reason is in
    // the sentence, not a chance of 0 %.
    let Some(p50) = m.p50 else {
        return Tile::new(title, "—", sentence, None).with_body_detail();
    };
    let value = if m.limit == Limit::Reached {
        fmt::date_short(lang, p50)
    } else {
        format!("± {}", fmt::month_year(lang, p50))
    };
    let detail = if m.limit == Limit::Reached {
        sentence
    } else {
        format!(
            "{sentence}\n{}: {}",
            tr.limited_by,
            crate::locale::constraint(lang, &m.limited_by)
        )
    };
    let late = forecast.deadline.is_some_and(|d| p50 > d);
    Tile::new(title, value, detail, late.then_some(theme::INVALID)).with_body_detail()
}

/// The request for blanks: whether the stock reaches the reorder threshold within the delivery
/// time, how many to ask for and from what, and the letter (numbered as typed here).
fn request_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    view: &crate::ui::app::View,
    letter_number: &mut String,
    commands: &mut Vec<Command>,
) {
    let tr = lang.tr();
    let request = crate::domain::request::blank_request(&view.data, &view.summary);
    let n = |x: u64| fmt::count(lang, x);
    let stock = request.on_hand.map(|s| n(s.max(0) as u64));
    let (line, due) = match (&stock, request.crosses_on) {
        (None, _) => (tr.request_stock_unknown.to_string(), false),
        (Some(stock), Some(day)) if day == request.as_of => {
            ((tr.request_under)(stock, &n(request.threshold)), true)
        }
        (Some(stock), Some(day)) => (
            (tr.request_due)(
                stock,
                &n(request.threshold),
                &fmt::date_short(lang, day),
                request.lead_days,
            ),
            true,
        ),
        (Some(_), None) => (
            (tr.request_not_due)(&n(request.threshold), request.lead_days),
            false,
        ),
    };
    let what = match request.basis {
        crate::domain::request::RequestBasis::PrrWaiting => tr.prr_waiting,
        crate::domain::request::RequestBasis::SentNotPrinted => tr.backlog_print,
    };
    let quantity = (tr.request_quantity)(
        &n(request.quantity),
        &n(request.waiting),
        what,
        request.buffer_days,
        &(tr.request_buffer)(
            &n(request.buffer),
            &n(request.print_rate_per_day.round() as u64),
            crate::domain::summary::PRINT_RATE_WINDOW_DAYS,
        ),
        stock.as_deref().unwrap_or("—"),
        &match request.announced_until {
            Some(until) if request.announced > 0 => (tr.request_announced)(
                &n(request.announced),
                request.announced_deliveries,
                &fmt::date_short(lang, until),
            ),
            _ => String::new(),
        },
        &n(request.round_to),
    );
    ui.add_space(4.0);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.strong(tr.request_title);
        let text = egui::RichText::new(line);
        ui.label(if due {
            text.color(theme::WARNING)
        } else {
            text
        });
        ui.label(quantity);
        ui.horizontal(|ui| {
            let label = ui.label(tr.letter_number);
            ui.add(egui::TextEdit::singleline(letter_number).desired_width(200.0))
                .labelled_by(label.id);
            if ui.button(tr.write_letter).clicked() {
                commands.push(Command::AskFile(super::super::app::FilePurpose::Letter));
            }
        });
    });
}

/// What the deadline in force needs, stage by stage, beside the current rates; and the blanks
/// to ask the centre for.
fn pace_ui(ui: &mut egui::Ui, lang: Lang, forecast: &Forecast) {
    let tr = lang.tr();
    let Some(pace) = &forecast.pace else {
        return;
    };
    let n = |x: f64| fmt::count(lang, x.round() as u64);
    ui.group(|ui| {
        ui.set_min_width(ui.available_width());
        ui.strong(crate::locale::pace_title(lang, pace, forecast.as_of));
        // With no working day left there is no rate to need: the current rates alone.
        let needs = pace.working_days_left > 0;
        egui::Grid::new("pace-table")
            .striped(true)
            .num_columns(5)
            .min_col_width(90.0)
            .show(ui, |ui| {
                let headers = [
                    (tr.pace_stage, true),
                    (tr.pace_remaining, true),
                    (tr.pace_required, needs),
                    (tr.pace_current, true),
                    (tr.pace_shortfall, needs),
                ];
                for (header, shown) in headers {
                    if shown {
                        ui.label(egui::RichText::new(header).small());
                    }
                }
                ui.end_row();
                let stages = [
                    (tr.recorded, &pace.recorded, theme::RECORDED),
                    (tr.sent, &pace.sent, theme::SENT),
                    (tr.printed, &pace.printed, theme::PRINTED),
                ];
                for (name, stage, color) in stages {
                    ui.colored_label(color, name);
                    ui.label(fmt::count(lang, stage.remaining));
                    if needs {
                        ui.label(stage.required_per_working_day.map_or("—".to_string(), n));
                    }
                    ui.label(n(stage.current_per_working_day));
                    if needs {
                        match stage.shortfall_per_working_day() {
                            None => ui.label("—"),
                            Some(s) if s <= 0.0 => ui.colored_label(theme::SAVED, tr.pace_enough),
                            Some(s) => ui.colored_label(theme::INVALID, n(s)),
                        };
                    }
                    ui.end_row();
                }
            });
        let blanks = crate::locale::pace_blanks(lang, pace, forecast.as_of);
        ui.add(egui::Label::new(blanks).wrap());
        ui.label(
            egui::RichText::new((tr.pace_window)(pace.window_days))
                .small()
                .weak(),
        );
    });
    ui.add_space(8.0);
}

/// "Siapa yang tertinggal?": every unit's rates this month and last, what the deadline needs
/// against its current rate, and its backlogs with their change, slowest first; the district
/// office apart, with why its recordings count for no kecamatan.
fn behind_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    level: crate::domain::dataset::UnitLevel,
    rows: &[crate::forecast::behind::UnitBehind],
    chart: impl FnOnce(&mut egui::Ui),
) {
    let tr = lang.tr();
    if rows.is_empty() {
        return;
    }
    let kecamatan: Vec<_> = rows.iter().filter(|r| !r.district_office).collect();
    let under = kecamatan.iter().filter(|r| r.is_behind()).count();
    let n = |x: f64| fmt::count(lang, x.round() as u64);
    let opt = |x: Option<f64>| x.map_or("—".to_string(), n);
    egui::CollapsingHeader::new(
        egui::RichText::new((match level {
            crate::domain::dataset::UnitLevel::Kecamatan => tr.behind_title,
            crate::domain::dataset::UnitLevel::District => tr.behind_title_districts,
        })(under, kecamatan.len()))
        .strong(),
    )
    .id_salt("behind")
    .default_open(true)
    .show(ui, |ui| {
        ui.label(egui::RichText::new(tr.behind_hint).small().weak());
        egui::Grid::new("behind-table")
            .striped(true)
            .num_columns(tr.behind_headers.len())
            .min_col_width(60.0)
            .show(ui, |ui| {
                for (n, header) in tr.behind_headers.iter().enumerate() {
                    let header = match level {
                        crate::domain::dataset::UnitLevel::District if n == 0 => {
                            tr.hub_col_district
                        }
                        _ => header,
                    };
                    ui.label(egui::RichText::new(header).small());
                }
                ui.end_row();
                for row in rows {
                    ui.label(&row.name);
                    ui.label(
                        row.coverage_pct
                            .map_or("—".into(), |p| fmt::percent(lang, p)),
                    );
                    let (this, last) = (
                        row.recorded_this_month_per_working_day,
                        row.recorded_last_month_per_working_day,
                    );
                    let slower = this.zip(last).is_some_and(|(t, l)| t < l * 0.9);
                    let this = opt(this);
                    if slower {
                        ui.colored_label(theme::WARNING, this)
                            .on_hover_text(tr.behind_slower);
                    } else {
                        ui.label(this);
                    }
                    ui.label(opt(last));
                    let pace = row.recording.as_ref();
                    ui.label(opt(pace.and_then(|p| p.required_per_working_day)));
                    ui.label(opt(pace.map(|p| p.current_per_working_day)));
                    match row.share_of_need() {
                        Some(s) if s < 1.0 => {
                            ui.colored_label(theme::INVALID, fmt::percent(lang, s * 100.0))
                        }
                        Some(s) => ui.colored_label(theme::SAVED, fmt::percent(lang, s * 100.0)),
                        None => ui.label("—"),
                    };
                    for (now, moved) in [
                        (row.backlog_to_send, row.backlog_to_send_change),
                        (row.backlog_to_print, row.backlog_to_print_change),
                    ] {
                        let text =
                            format!("{} ({})", fmt::count(lang, now), fmt::change(lang, moved));
                        if moved > 0 {
                            ui.colored_label(theme::WARNING, text);
                        } else {
                            ui.label(text);
                        }
                    }
                    ui.end_row();
                }
            });
        if let Some(office) = rows.iter().find(|r| r.district_office) {
            let recorded = fmt::count(lang, office.recorded);
            ui.add(
                egui::Label::new(
                    egui::RichText::new((tr.behind_district_office)(&office.name, &recorded))
                        .small(),
                )
                .wrap(),
            );
        }
        // Under the table, the same answer drawn: each kecamatan's rate against its need.
        if rows.iter().any(|r| r.recording.is_some()) {
            ui.add_space(6.0);
            chart(ui);
        }
    });
    ui.add_space(8.0);
}

/// "Cara membaca perkiraan", folded: the percentiles and the method behind the sentences.
fn how_to_read_ui(ui: &mut egui::Ui, lang: Lang, forecast: &Forecast) {
    let tr = lang.tr();
    egui::CollapsingHeader::new(tr.how_to_read)
        .id_salt("how-to-read")
        .show(ui, |ui| {
            for (title, printing) in [(tr.recording_done, false), (tr.everyone_card, true)] {
                ui.add(
                    egui::Label::new(format!(
                        "{title}: {}",
                        crate::locale::reading_note(lang, forecast, printing)
                    ))
                    .wrap(),
                );
            }
        });
}

pub fn ui(
    ui: &mut egui::Ui,
    frame: &Frame,
    letter_number: &mut String,
    from_top: bool,
    commands: &mut Vec<Command>,
) {
    let (lang, view) = (frame.lang, frame.view);
    let tr = lang.tr();
    let summary = &view.summary;
    let total = &summary.total;
    ui.horizontal(|ui| {
        ui.heading(tr.dashboard);
        ui.add_space(20.0);
        ui.label(tr.as_of);
        super::as_of_ui(ui, frame, "dashboard-as-of", commands);
        match view.data.deadline_in_force(view.as_of) {
            Some(d) => ui.colored_label(
                theme::DEADLINE,
                format!("{}: {}", tr.deadline, fmt::date_long(lang, d.deadline)),
            ),
            None => ui.label(tr.no_deadline),
        };
    });
    holidays_warning_ui(ui, frame, commands);
    tampering_ui(ui, frame);
    ui.add_space(6.0);
    // Each stage as offices publish it: a share of wajib KTP and of the stage before.
    let shares = |n: u64, before: Option<(Option<f64>, &str)>| {
        let mut parts = Vec::new();
        if let Some(w) = total.wajib_ktp.filter(|w| *w > 0) {
            let p = fmt::percent(lang, n as f64 * 100.0 / w as f64);
            parts.push((tr.pct_of_wajib)(&p));
        }
        if let Some((Some(share), stage)) = before {
            parts.push((tr.pct_of_stage)(&fmt::percent(lang, share), stage));
        }
        parts.join(" · ")
    };
    let stage = &total.of_stage_before;
    let mut area = egui::ScrollArea::vertical();
    if from_top {
        area = area.vertical_scroll_offset(0.0);
    }
    area.show(ui, |ui| {
        // The width of the window, taken before anything is drawn: a row of charts is laid out
        // on it, not on a width an earlier row may have stretched.
        let full = ui.available_width();
        {
            let wajib = total
                .wajib_ktp
                .map(|w| fmt::count(lang, w))
                .unwrap_or("—".into());
            let mut tiles = vec![
                Tile::new(tr.wajib_ktp, wajib, "", None),
                Tile::new(
                    tr.recorded,
                    fmt::count(lang, total.recorded),
                    shares(total.recorded, None),
                    Some(theme::RECORDED),
                ),
                Tile::new(
                    tr.sent,
                    fmt::count(lang, total.sent_to_central),
                    shares(
                        total.sent_to_central,
                        Some((stage.sent_of_recorded_pct, tr.stage_recorded)),
                    ),
                    Some(theme::SENT),
                ),
            ];
            // Where the centre's stage is known, PRR between sent and printed, printed as a
            // share of PRR, and the backlog to print split into its two waits.
            let centre = total.centre.as_ref();
            if let Some(centre) = centre {
                tiles.push(Tile::new(
                    tr.prr_tile,
                    fmt::count(lang, centre.prr),
                    shares(centre.prr, Some((stage.prr_of_sent_pct, tr.stage_sent))),
                    None,
                ));
            }
            let printed_of = match centre {
                Some(_) => (stage.printed_of_prr_pct, tr.stage_prr),
                None => (stage.printed_of_recorded_pct, tr.stage_recorded),
            };
            tiles.push(Tile::new(
                tr.printed,
                fmt::count(lang, total.printed),
                shares(total.printed, Some(printed_of)),
                Some(theme::PRINTED),
            ));
            let count_tile = |title: &str, n: u64, detail: &str| {
                Tile::new(title, fmt::count(lang, n), detail, None)
            };
            tiles.push(count_tile(tr.backlog_send, total.backlog_to_send, ""));
            match centre {
                Some(centre) => {
                    tiles.push(count_tile(tr.waiting_for_prr, centre.waiting_for_prr, ""));
                    tiles.push(count_tile(
                        tr.prr_waiting,
                        centre.prr_waiting,
                        tr.prr_waiting_detail,
                    ));
                }
                None => tiles.push(count_tile(tr.backlog_print, total.backlog_to_print, "")),
            }
            let stock = &summary.stock;
            let (value, detail) = match stock.on_hand {
                None => (
                    tr.stock_unknown.to_string(),
                    crate::locale::stock_lasts(lang, stock),
                ),
                Some(on_hand) => (
                    fmt::count(lang, on_hand.max(0) as u64),
                    crate::locale::stock_lasts(lang, stock)
                        + "\n"
                        + &crate::locale::stockout_total(
                            lang,
                            stock.known_since,
                            stock.stockout_days,
                        ),
                ),
            };
            let empty = stock.on_hand.is_some_and(|s| s <= 0);
            let stock_tile = Tile::new(
                tr.blanks_on_hand,
                value,
                detail,
                empty.then_some(theme::INVALID),
            );
            tiles_ui(ui, &tiles);
            let forecast = view.forecast.as_ref();
            let milestones =
                [(tr.recording_done, false), (tr.everyone_card, true)].map(|(title, printing)| {
                    milestone_tile(lang, title, forecast, printing, view.forecast_failed)
                });
            forecast_row_ui(ui, &stock_tile, &milestones);
            if !view.is_hub() {
                request_ui(ui, lang, view, letter_number, commands);
            }
            if let Some(forecast) = forecast {
                how_to_read_ui(ui, lang, forecast);
                ui.add_space(4.0);
                pace_ui(ui, lang, forecast);
            }
        }
        super::hub::ui(ui, frame);
        ui.add_space(10.0);
        let days = view.history.days();
        let data = &view.data;
        // A chart with nothing to draw says so in words, not with an empty axis.
        let no_reports =
            (!days.iter().any(|d| d.date <= view.as_of)).then_some(tr.chart_no_reports);
        let no_slip = (view.slip_progress.is_none()
            && view
                .slip_known()
                .iter()
                .all(|f| f.recording.p50.is_none() && f.printing.p50.is_none()))
        .then_some(tr.chart_no_slip);
        let no_stock = data.stock_events.is_empty().then_some(tr.chart_no_stock);
        let no_targets = summary
            .coverage_worst_first()
            .is_empty()
            .then_some(tr.chart_no_targets);
        let input = crate::chart::ChartData {
            data,
            history: &view.history,
            summary,
            slip: view.slip_known(),
            forecast: view.forecast.as_ref(),
            accuracy: view.accuracy.as_deref(),
            slip_window: None,
            lang,
        };
        let draw = |ui: &mut egui::Ui, kind: ChartKind, height: f32| {
            let chart = crate::chart::chart(kind, &input);
            charts::chart_ui(ui, &format!("{kind:?}"), &chart, lang, height);
        };
        behind_ui(ui, lang, data.level, &view.behind, |ui| {
            let rows = view.behind.iter().filter(|r| r.recording.is_some()).count() as f32;
            draw(
                ui,
                ChartKind::Behind,
                (rows * 22.0).max(theme::CHART_HEIGHT),
            )
        });
        chart_group(ui, tr.chart_progress, no_reports, |ui| {
            draw(ui, ChartKind::Progress, theme::CHART_HEIGHT)
        });
        chart_group(
            ui,
            tr.chart_slip,
            no_slip.filter(|_| view.slip_progress.is_none()),
            |ui| {
                if let Some((done, total)) = view.slip_progress {
                    ui.add(
                        egui::ProgressBar::new(done as f32 / total.max(1) as f32)
                            .text((tr.slip_progress)(done, total)),
                    );
                }
                // Drawn once it has a forecast to show: an empty chart would have an axis of
                // made-up dates.
                if no_slip.is_none() {
                    draw(ui, ChartKind::Slip, theme::CHART_HEIGHT + 80.0);
                    ui.label(egui::RichText::new(tr.chart_zoom_hint).small().weak());
                }
            },
        );
        accuracy_panel(ui, lang, view.accuracy.as_deref(), &input);
        two_columns(
            ui,
            full,
            |ui| {
                chart_group(ui, tr.chart_daily, no_reports, |ui| {
                    draw(ui, ChartKind::Daily, theme::CHART_HEIGHT)
                })
            },
            |ui| {
                chart_group(ui, tr.chart_backlog, no_reports, |ui| {
                    draw(ui, ChartKind::Backlog, theme::CHART_HEIGHT)
                })
            },
        );
        two_columns(
            ui,
            full,
            |ui| {
                chart_group(ui, tr.chart_stock, no_stock, |ui| {
                    draw(ui, ChartKind::Stock, theme::CHART_HEIGHT)
                })
            },
            |ui| {
                let title = match data.level {
                    crate::domain::dataset::UnitLevel::Kecamatan => tr.chart_coverage,
                    crate::domain::dataset::UnitLevel::District => tr.chart_coverage_districts,
                };
                chart_group(ui, title, no_targets, |ui| {
                    let rows = summary.coverage_worst_first().len() as f32;
                    draw(
                        ui,
                        ChartKind::Coverage,
                        (rows * 26.0).max(theme::CHART_HEIGHT),
                    )
                })
            },
        );
        // The centre's rejections, where the office counts its stage.
        if view.history.days().iter().any(|d| d.centre.is_some()) {
            chart_group(ui, tr.chart_rejections, None, |ui| {
                draw(ui, ChartKind::Rejections, theme::CHART_HEIGHT)
            });
        }
    });
}

/// Two columns of `full` width together, each laid out on its half whatever its content asks
/// for (`ui.columns` splits what is left, which an earlier row may have stretched).
fn two_columns(
    ui: &mut egui::Ui,
    full: f32,
    left: impl FnOnce(&mut egui::Ui),
    right: impl FnOnce(&mut egui::Ui),
) {
    let gap = ui.spacing().item_spacing.x;
    let width = ((full - gap) / 2.0).max(100.0);
    ui.horizontal_top(|ui| {
        for side in [
            Box::new(left) as Box<dyn FnOnce(&mut egui::Ui)>,
            Box::new(right),
        ] {
            ui.allocate_ui_with_layout(
                egui::vec2(width, 0.0),
                egui::Layout::top_down(egui::Align::Min),
                |ui| {
                    ui.set_width(width);
                    side(ui);
                },
            );
        }
    });
}

/// Years from the as-of day to today and to the forecast's dates that the calendar has no
/// holidays in: their holidays would count as working days. Says so, with the ways to add them.
fn holidays_warning_ui(ui: &mut egui::Ui, frame: &Frame, commands: &mut Vec<Command>) {
    let (lang, view) = (frame.lang, frame.view);
    // A hub's calendar is its districts': they add the holidays, not the province.
    if view.is_hub() {
        return;
    }
    let tr = lang.tr();
    let forecast_dates = view.forecast.iter().flat_map(|f| {
        [&f.recording, &f.printing]
            .into_iter()
            .flat_map(|m| [m.p50, m.p85, m.p95])
            .flatten()
    });
    let last = forecast_dates
        .map(|d| d.year())
        .chain([frame.today.year()])
        .max()
        .unwrap_or(view.as_of.year());
    // Forecasts reach ten years at most; so does the warning.
    let years = view.as_of.year()..=last.min(view.as_of.year() + 10);
    let missing = view.data.calendar.years_without_holidays(years);
    if missing.is_empty() {
        return;
    }
    let shipped = crate::domain::calendar::shipped_calendar();
    let can_fill = missing.iter().any(|y| shipped.has_year(*y));
    ui.horizontal_wrapped(|ui| {
        let years = crate::locale::cli::years_list(&missing);
        ui.colored_label(theme::WARNING, (tr.holidays_missing)(&years));
        if can_fill && ui.button(tr.holidays_fill).clicked() {
            commands.push(Command::FillHolidays);
        }
        if ui.button(tr.holidays_import).clicked() {
            commands.push(Command::AskFile(FilePurpose::Holidays));
        }
    });
}

/// "Seberapa tepat perkiraan ini?": how often past forecasts held what then happened, as the
/// model made them and calibrated on the office's own track record — sentences, a reliability
/// chart with both, and the share inside P15–P85 per stage and horizon.
fn accuracy_panel(
    ui: &mut egui::Ui,
    lang: Lang,
    accuracy: Option<&Accuracy>,
    input: &crate::chart::ChartData,
) {
    let tr = lang.tr();
    ui.group(|ui| {
        ui.set_min_width(ui.available_width());
        ui.strong(tr.accuracy_title);
        let Some(accuracy) = accuracy else {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(egui::RichText::new(tr.accuracy_computing).weak());
            });
            return;
        };
        let Some(words) = crate::locale::accuracy_words(lang, accuracy) else {
            ui.label(egui::RichText::new((tr.accuracy_none)(MIN_WINDOW_DAYS + HORIZONS[0])).weak());
            return;
        };
        ui.horizontal_top(|ui| {
            ui.vertical(|ui| {
                ui.set_width(theme::ACCURACY_TEXT_WIDTH);
                ui.add(egui::Label::new(&words.tested).wrap());
                if let Some(error) = &words.error {
                    ui.add(egui::Label::new(error).wrap());
                }
                // What the calibration changed, on the same forecasts; or why there is none.
                let calibration = egui::RichText::new(&words.calibration);
                ui.add(
                    egui::Label::new(if words.calibrated {
                        calibration
                    } else {
                        calibration.weak()
                    })
                    .wrap(),
                );
                let verdict = egui::RichText::new(words.verdict);
                ui.add(
                    egui::Label::new(if words.too_narrow {
                        verdict.color(theme::INVALID)
                    } else {
                        verdict
                    })
                    .wrap(),
                );
                ui.add(egui::Label::new(egui::RichText::new(&words.reach).weak()).wrap());
                ui.add_space(6.0);
                egui::Grid::new("accuracy-table")
                    .striped(true)
                    .num_columns(HORIZONS.len() + 1)
                    .show(ui, |ui| {
                        ui.label(egui::RichText::new(tr.accuracy_stage).small());
                        for h in HORIZONS {
                            let heading = crate::locale::coverage_heading(lang, accuracy, h);
                            ui.label(egui::RichText::new(heading).small());
                        }
                        ui.end_row();
                        for stage in Stage::ALL {
                            ui.label(crate::locale::stage(lang, stage));
                            for h in HORIZONS {
                                ui.label(crate::locale::coverage_cell(lang, accuracy, stage, h));
                            }
                            ui.end_row();
                        }
                    });
                if accuracy.calibrated.iter().any(|s| s.n > 0) {
                    let note = (tr.accuracy_table_note)(CALIBRATION_MIN_CASES);
                    ui.add(egui::Label::new(egui::RichText::new(note).small().weak()).wrap());
                }
            });
            let chart = crate::chart::chart(ChartKind::Accuracy, input);
            // The legend goes under the chart, inside the panel.
            ui.vertical(|ui| {
                charts::chart_ui(
                    ui,
                    "Accuracy",
                    &chart,
                    lang,
                    theme::CHART_HEIGHT.min(ui.available_width()),
                );
                let note = egui::RichText::new(tr.accuracy_chart_note).small().weak();
                ui.add(egui::Label::new(note).wrap());
            });
        });
    });
    ui.add_space(8.0);
}

/// A chart under its title; or, where there is nothing to draw yet, `empty` in words.
fn chart_group(
    ui: &mut egui::Ui,
    title: &str,
    empty: Option<&str>,
    content: impl FnOnce(&mut egui::Ui),
) {
    ui.group(|ui| {
        ui.strong(title);
        // Room for the topmost axis label, which egui_plot draws above the plot.
        ui.add_space(8.0);
        match empty {
            Some(message) => {
                ui.set_min_width(ui.available_width());
                ui.add_space(24.0);
                ui.vertical_centered(|ui| {
                    ui.label(egui::RichText::new(message).weak());
                });
                ui.add_space(24.0);
            }
            None => content(ui),
        }
    });
    ui.add_space(8.0);
}

/// What the check at opening found changed outside Pantau: the first changes, and how many.
fn tampering_ui(ui: &mut egui::Ui, frame: &Frame) {
    let found = &frame.view.tampering;
    if found.is_empty() {
        return;
    }
    let lang = frame.lang;
    let tr = lang.tr();
    egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(1.5, theme::INVALID))
        .show(ui, |ui| {
            ui.colored_label(
                theme::INVALID,
                egui::RichText::new(tr.data_changed_outside).strong(),
            );
            for t in found.iter().take(3) {
                ui.label(crate::locale::access::tampering(lang, t));
            }
            ui.label(egui::RichText::new((tr.tampering_more)(found.len())).weak());
        });
}

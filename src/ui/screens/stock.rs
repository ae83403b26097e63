//! Blangko: the stock card with running balance, and forms to book movements and announced
//! deliveries.

use chrono::NaiveDate;

use super::{Command, Frame};
use crate::domain::rules::{self, Place};
use crate::domain::stock::StockCard;
use crate::domain::{Dataset, PlannedDelivery, StockEvent, StockEventKind};
use crate::locale::{Lang, fmt, stock_kind, violation};
use crate::ui::theme;

pub struct StockState {
    pub kind: StockEventKind,
    /// The day the clerk picked for the movement; until then, the day being worked on.
    pub date: Option<NaiveDate>,
    pub quantity: String,
    pub document: String,
    pub counterparty: String,
    pub note: String,
    pub problem: Option<String>,
    /// The day the clerk picked for an announced delivery; until then, the day being worked on.
    pub plan_expected: Option<NaiveDate>,
    pub plan_quantity: String,
    pub plan_note: String,
    /// Why the announced delivery typed was refused, shown under its own form.
    pub plan_problem: Option<String>,
}

impl Default for StockState {
    fn default() -> StockState {
        StockState {
            kind: StockEventKind::Receipt,
            date: None,
            quantity: String::new(),
            document: String::new(),
            counterparty: String::new(),
            note: String::new(),
            problem: None,
            plan_expected: None,
            plan_quantity: String::new(),
            plan_note: String::new(),
            plan_problem: None,
        }
    }
}

/// One line of the stock card: a movement and the balance after it.
pub struct CardLine {
    pub date: NaiveDate,
    pub what: String,
    pub change: i64,
    pub balance: Option<i64>,
    pub reference: String,
}

/// The stock card as lines, oldest first: each event, then the day's printing.
pub fn card_lines(lang: Lang, data: &Dataset) -> Vec<CardLine> {
    let card: StockCard = data.stock_card();
    let mut lines = Vec::new();
    for day in card.days() {
        let mut balance = day.start;
        let mut events: Vec<&StockEvent> = data
            .stock_events
            .iter()
            .filter(|e| e.date == day.date)
            .collect();
        // Counts first, then blanks in, then out: the order the balance is computed in.
        events.sort_by_key(|e| (e.kind != StockEventKind::Count, -e.kind.direction(), e.id));
        for event in events {
            let change = event.kind.direction() * event.quantity as i64;
            if event.kind == StockEventKind::Count {
                balance = Some(event.quantity as i64);
            } else {
                balance = balance.map(|b| b + change);
            }
            let reference = [
                event.document.as_str(),
                event.counterparty.as_str(),
                event.note.as_str(),
            ]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
            lines.push(CardLine {
                date: day.date,
                what: stock_kind(lang, event.kind).to_string(),
                change: if event.kind == StockEventKind::Count {
                    0
                } else {
                    change
                },
                balance,
                reference,
            });
        }
        if day.printed > 0 {
            balance = balance.map(|b| b - day.printed);
            lines.push(CardLine {
                date: day.date,
                what: lang.tr().printing_total.to_string(),
                change: -day.printed,
                balance,
                reference: String::new(),
            });
        }
    }
    lines
}

pub fn ui(ui: &mut egui::Ui, state: &mut StockState, frame: &Frame, commands: &mut Vec<Command>) {
    let (lang, today, view) = (frame.lang, frame.today, frame.view);
    let tr = lang.tr();
    let data = &view.data;
    let stock = &view.summary.stock;
    // Movements are booked on the day being worked on unless the clerk picks another: never
    // on the day the figures happen to be shown for.
    let work_day = data.default_entry_date(today);
    ui.heading(tr.stock_card);
    // The day first, on a line of its own (a picked day adds a button); the figures under it.
    ui.horizontal_wrapped(|ui| {
        ui.label(tr.as_of);
        super::as_of_ui(ui, frame, "stock-as-of", commands);
    });
    ui.horizontal_wrapped(|ui| {
        let on_hand = match stock.on_hand {
            None => tr.stock_unknown.to_string(),
            Some(n) => fmt::count(lang, n.max(0) as u64),
        };
        ui.strong(format!("{}: {on_hand}", tr.blanks_on_hand));
        ui.label(crate::locale::stock_lasts(lang, stock));
        ui.label(crate::locale::stockout_total(
            lang,
            stock.known_since,
            stock.stockout_days,
        ));
    });
    ui.add_space(6.0);
    ui.columns(2, |columns| {
        event_form(
            &mut columns[0],
            state,
            commands,
            data,
            lang,
            today,
            work_day,
        );
        planned_ui(&mut columns[1], state, commands, lang, data, work_day);
    });
    ui.add_space(8.0);
    // The ledger as of the day shown: a picked day's balance is the header's.
    let mut lines = card_lines(lang, data);
    let later = lines.iter().filter(|l| l.date > view.as_of).count();
    if view.as_of_picked && later > 0 {
        lines.retain(|l| l.date <= view.as_of);
        let text = (tr.later_movements_hidden)(later, &fmt::date_short(lang, view.as_of));
        ui.label(egui::RichText::new(text).weak());
    }
    egui::ScrollArea::vertical()
        .id_salt("stock-card")
        .show(ui, |ui| {
            egui::Grid::new("stock-card-grid")
                .striped(true)
                .spacing([14.0, 3.0])
                .show(ui, |ui| {
                    ui.strong(tr.date);
                    ui.strong(tr.kind);
                    ui.strong(tr.quantity);
                    ui.strong(tr.balance);
                    ui.strong(tr.document);
                    ui.end_row();
                    for line in lines.iter().rev() {
                        ui.label(fmt::date_short(lang, line.date));
                        ui.label(&line.what);
                        let change = fmt::signed(lang, line.change);
                        let color = if line.change < 0 {
                            theme::INVALID
                        } else {
                            theme::SAVED
                        };
                        ui.colored_label(
                            color,
                            if line.change > 0 {
                                format!("+{change}")
                            } else {
                                change
                            },
                        );
                        match line.balance {
                            Some(b) if b <= 0 => {
                                ui.colored_label(theme::INVALID, fmt::signed(lang, b))
                            }
                            Some(b) => ui.label(fmt::signed(lang, b)),
                            None => ui.label(tr.unknown),
                        };
                        ui.label(&line.reference);
                        ui.end_row();
                    }
                });
        });
}

fn event_form(
    ui: &mut egui::Ui,
    state: &mut StockState,
    commands: &mut Vec<Command>,
    data: &Dataset,
    lang: Lang,
    today: NaiveDate,
    work_day: NaiveDate,
) {
    let tr = lang.tr();
    let mut booked = None;
    ui.group(|ui| {
        ui.strong(tr.book_event);
        ui.horizontal(|ui| {
            ui.label(tr.kind);
            egui::ComboBox::from_id_salt("stock-kind")
                .selected_text(stock_kind(lang, state.kind))
                .show_ui(ui, |ui| {
                    for kind in StockEventKind::ALL {
                        ui.selectable_value(&mut state.kind, kind, stock_kind(lang, kind));
                    }
                });
        });
        let mut date = state.date.unwrap_or(work_day);
        if super::date_field(ui, tr.date, "stock-date", &mut date) {
            state.date = Some(date);
        }
        super::field(ui, tr.quantity, &mut state.quantity, 100.0);
        super::field(ui, tr.document, &mut state.document, 200.0);
        super::field(ui, tr.counterparty, &mut state.counterparty, 200.0);
        super::field(ui, tr.note, &mut state.note, 200.0);
        if ui.button(tr.save).clicked() {
            // A date typed that is no date is never replaced by the one shown before.
            let date_typed =
                super::date_picker::settle(ui.ctx(), "stock-date", tr.date, lang, &mut date);
            if date_typed.is_ok() {
                state.date = Some(date);
            }
            let at = Place { unit: None, date };
            match date_typed.and_then(|()| {
                rules::parse_count_at(&at, "quantity", &state.quantity)
                    .map_err(|v| violation(lang, &v))
            }) {
                Ok(quantity) => {
                    let event = StockEvent {
                        id: None,
                        date,
                        kind: state.kind,
                        quantity,
                        document: state.document.trim().to_string(),
                        counterparty: state.counterparty.trim().to_string(),
                        note: state.note.trim().to_string(),
                    };
                    // Judge it here too, so the clerk sees the rule next to the form.
                    let problem = {
                        let mut candidate = data.clone();
                        candidate.stock_events.push(StockEvent {
                            id: Some(i64::MAX),
                            ..event.clone()
                        });
                        rules::check_stock_event(&candidate, &event, today).err()
                    };
                    match problem {
                        Some(v) => state.problem = Some(violation(lang, &v)),
                        None => {
                            booked = Some(event);
                            state.quantity.clear();
                            state.document.clear();
                            state.note.clear();
                            state.problem = None;
                        }
                    }
                }
                Err(problem) => state.problem = Some(problem),
            }
        }
        if let Some(problem) = &state.problem {
            ui.colored_label(theme::INVALID, problem);
        }
    });
    if let Some(event) = booked {
        commands.push(Command::AddStockEvent(event));
    }
}

fn planned_ui(
    ui: &mut egui::Ui,
    state: &mut StockState,
    commands: &mut Vec<Command>,
    lang: Lang,
    data: &Dataset,
    work_day: NaiveDate,
) {
    let tr = lang.tr();
    ui.group(|ui| {
        ui.strong(tr.planned_deliveries);
        egui::Grid::new("planned").striped(true).show(ui, |ui| {
            ui.strong(tr.expected_on);
            ui.strong(tr.quantity);
            ui.strong(tr.announced_on);
            ui.strong("");
            ui.end_row();
            for plan in &data.planned_deliveries {
                ui.label(fmt::date_short(lang, plan.expected_on));
                ui.label(fmt::count(lang, plan.quantity));
                ui.label(fmt::date_short(lang, plan.planned_on));
                if ui.small_button(tr.delete).clicked()
                    && let Some(id) = plan.id
                {
                    commands.push(Command::DeletePlannedDelivery(id));
                }
                ui.end_row();
            }
        });
        let mut expected = state.plan_expected.unwrap_or(work_day);
        if super::date_field(ui, tr.expected_on, "plan-expected", &mut expected) {
            state.plan_expected = Some(expected);
        }
        super::field(ui, tr.quantity, &mut state.plan_quantity, 100.0);
        super::field(ui, tr.note, &mut state.plan_note, 200.0);
        if ui.button(tr.add).clicked() {
            let date_typed = super::date_picker::settle(
                ui.ctx(),
                "plan-expected",
                tr.expected_on,
                lang,
                &mut expected,
            );
            if date_typed.is_ok() {
                state.plan_expected = Some(expected);
            }
            let at = Place {
                unit: None,
                date: expected,
            };
            match date_typed.and_then(|()| {
                rules::parse_count_at(&at, "quantity", &state.plan_quantity)
                    .map_err(|v| violation(lang, &v))
            }) {
                Ok(quantity) => {
                    commands.push(Command::AddPlannedDelivery(PlannedDelivery {
                        id: None,
                        planned_on: work_day.min(expected),
                        expected_on: expected,
                        quantity,
                        note: state.plan_note.trim().to_string(),
                    }));
                    state.plan_quantity.clear();
                    state.plan_note.clear();
                    state.plan_problem = None;
                }
                Err(problem) => state.plan_problem = Some(problem),
            }
        }
        if let Some(problem) = &state.plan_problem {
            ui.colored_label(theme::INVALID, problem);
        }
    });
}

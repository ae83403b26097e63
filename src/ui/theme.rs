//! All colours and spacing of the app, in one place.

use egui::Color32;

use crate::chart::palette::{self, Rgb};

const fn rgb(color: Rgb) -> Color32 {
    Color32::from_rgb(color.0, color.1, color.2)
}

/// The figures' colours, as the charts draw them (one palette: `crate::chart::palette`).
pub const RECORDED: Color32 = rgb(palette::RECORDED);
pub const SENT: Color32 = rgb(palette::SENT);
pub const PRINTED: Color32 = rgb(palette::PRINTED);
pub const DEADLINE: Color32 = rgb(palette::DEADLINE);

/// Cell and message colours of the entry grid.
pub const INVALID: Color32 = Color32::from_rgb(0xc6, 0x28, 0x28);
pub const INVALID_FILL: Color32 = Color32::from_rgb(0xfd, 0xe0, 0xe0);
pub const WARNING: Color32 = Color32::from_rgb(0xb2, 0x6a, 0x00);
pub const WARNING_FILL: Color32 = Color32::from_rgb(0xff, 0xf0, 0xcc);
pub const SAVED: Color32 = Color32::from_rgb(0x2e, 0x7d, 0x32);
pub const CHANGED_FILL: Color32 = Color32::from_rgb(0xe3, 0xef, 0xff);

/// Calendar days: all units reported, some, none.
pub const DAY_COMPLETE: Color32 = Color32::from_rgb(0xc8, 0xe6, 0xc9);
pub const DAY_PARTIAL: Color32 = Color32::from_rgb(0xff, 0xe0, 0xb2);
pub const DAY_MISSING: Color32 = Color32::from_rgb(0xff, 0xcd, 0xd2);

pub const TILE_WIDTH: f32 = 168.0;
pub const CHART_HEIGHT: f32 = 260.0;
/// The accuracy panel's words beside its chart.
pub const ACCURACY_TEXT_WIDTH: f32 = 420.0;
pub const NAV_WIDTH: f32 = 170.0;
pub const CELL_WIDTH: f32 = 86.0;
/// The entry grid's unit column and Server OK column.
pub const UNIT_WIDTH: f32 = 160.0;
pub const SERVER_WIDTH: f32 = 74.0;
pub const NOTE_WIDTH: f32 = 210.0;

/// The entry grid's column widths. With the centre's stage (four more columns) everything is
/// a little narrower, so that the grid and its messages still fit beside the navigation at
/// 1366 pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GridWidths {
    pub unit: f32,
    pub count: f32,
    pub stage: f32,
    pub server: f32,
    pub note: f32,
}

pub fn grid_widths(stage: bool) -> GridWidths {
    if stage {
        GridWidths {
            unit: 128.0,
            count: 76.0,
            stage: 62.0,
            server: 58.0,
            note: 150.0,
        }
    } else {
        GridWidths {
            unit: UNIT_WIDTH,
            count: CELL_WIDTH,
            stage: 0.0,
            server: SERVER_WIDTH,
            note: NOTE_WIDTH,
        }
    }
}

/// The entry grid's colours in the light or the dark theme: every input box has a border and
/// a fill that stand out from the striped rows, and the marks for edited, refused and
/// note-needing cells keep their text readable.
#[derive(Debug, Clone, Copy)]
pub struct GridColors {
    pub input_fill: Color32,
    pub input_border: Color32,
    pub stripe: Color32,
    pub changed: Color32,
    pub invalid: Color32,
    pub warning: Color32,
    /// A row the account may not change: closed, approved, or not its own.
    pub locked: Color32,
}

pub fn grid_colors(dark: bool) -> GridColors {
    if dark {
        GridColors {
            input_fill: Color32::from_gray(12),
            input_border: Color32::from_gray(120),
            stripe: Color32::from_gray(40),
            changed: Color32::from_rgb(0x1c, 0x33, 0x55),
            invalid: Color32::from_rgb(0x5c, 0x1a, 0x1a),
            warning: Color32::from_rgb(0x55, 0x40, 0x0a),
            locked: Color32::from_gray(55),
        }
    } else {
        GridColors {
            input_fill: Color32::WHITE,
            input_border: Color32::from_gray(150),
            stripe: Color32::from_gray(236),
            changed: CHANGED_FILL,
            invalid: INVALID_FILL,
            warning: WARNING_FILL,
            locked: Color32::from_gray(215),
        }
    }
}

/// Applies the grid's input colours to a `Ui`'s visuals (the grid's own, not the window's).
pub fn input_visuals(visuals: &mut egui::Visuals, colors: &GridColors) {
    visuals.text_edit_bg_color = Some(colors.input_fill);
    visuals.faint_bg_color = colors.stripe;
    for widget in [&mut visuals.widgets.inactive, &mut visuals.widgets.hovered] {
        widget.bg_stroke = egui::Stroke::new(1.0, colors.input_border);
    }
    // Square cells, as in a spreadsheet (and cheaper to draw by the hundred).
    for widget in [
        &mut visuals.widgets.inactive,
        &mut visuals.widgets.hovered,
        &mut visuals.widgets.active,
    ] {
        widget.corner_radius = egui::CornerRadius::ZERO;
    }
}

//! All colours and spacing of the app, in one place.

use egui::Color32;

pub const RECORDED: Color32 = Color32::from_rgb(0x1f, 0x77, 0xb4);
pub const SENT: Color32 = Color32::from_rgb(0x2c, 0xa0, 0x2c);
pub const PRINTED: Color32 = Color32::from_rgb(0xd6, 0x27, 0x28);
pub const TARGET: Color32 = Color32::from_rgb(0x44, 0x44, 0x44);
pub const DEADLINE: Color32 = Color32::from_rgb(0x94, 0x67, 0xbd);
pub const STOCK: Color32 = Color32::from_rgb(0x8c, 0x56, 0x4b);
pub const OUTAGE_SHADE: Color32 = Color32::from_rgba_premultiplied(0x30, 0x30, 0x50, 0x40);
pub const STOCKOUT_SHADE: Color32 = Color32::from_rgba_premultiplied(0x60, 0x10, 0x10, 0x30);
pub const BAND_ALPHA: f32 = 0.18;

/// Cell and message colours of the entry grid.
pub const INVALID: Color32 = Color32::from_rgb(0xc6, 0x28, 0x28);
pub const INVALID_FILL: Color32 = Color32::from_rgb(0xfd, 0xe0, 0xe0);
pub const WARNING: Color32 = Color32::from_rgb(0xb2, 0x6a, 0x00);
pub const WARNING_FILL: Color32 = Color32::from_rgb(0xff, 0xf0, 0xcc);
pub const SAVED: Color32 = Color32::from_rgb(0x2e, 0x7d, 0x32);
pub const CHANGED_FILL: Color32 = Color32::from_rgb(0xe3, 0xef, 0xff);

/// Coverage bands.
pub const BAND_POOR: Color32 = Color32::from_rgb(0xe5, 0x73, 0x73);
pub const BAND_ADEQUATE: Color32 = Color32::from_rgb(0xff, 0xb7, 0x4d);
pub const BAND_GOOD: Color32 = Color32::from_rgb(0x81, 0xc7, 0x84);

/// Calendar days: all units reported, some, none.
pub const DAY_COMPLETE: Color32 = Color32::from_rgb(0xc8, 0xe6, 0xc9);
pub const DAY_PARTIAL: Color32 = Color32::from_rgb(0xff, 0xe0, 0xb2);
pub const DAY_MISSING: Color32 = Color32::from_rgb(0xff, 0xcd, 0xd2);

pub const TILE_WIDTH: f32 = 168.0;
pub const CHART_HEIGHT: f32 = 260.0;
pub const NAV_WIDTH: f32 = 170.0;
pub const CELL_WIDTH: f32 = 78.0;
pub const NOTE_WIDTH: f32 = 200.0;

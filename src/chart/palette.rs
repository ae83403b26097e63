//! The colours of the charts, one palette for the app, the PNG charts and the PDF.

/// A colour as red, green, blue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

pub const RECORDED: Rgb = Rgb(0x1f, 0x77, 0xb4);
pub const SENT: Rgb = Rgb(0x2c, 0xa0, 0x2c);
pub const PRINTED: Rgb = Rgb(0xd6, 0x27, 0x28);
pub const TARGET: Rgb = Rgb(0x44, 0x44, 0x44);
pub const DEADLINE: Rgb = Rgb(0x94, 0x67, 0xbd);
pub const STOCK: Rgb = Rgb(0x8c, 0x56, 0x4b);
pub const RECEIPT: Rgb = Rgb(0x2c, 0xa0, 0x2c);
pub const DIAGONAL: Rgb = Rgb(0x96, 0x96, 0x96);
pub const OUTAGE: Rgb = Rgb(0x50, 0x50, 0x78);
pub const STOCKOUT: Rgb = Rgb(0xa0, 0x1e, 0x1e);
/// The as-of day's mark.
/// The centre's rejections: duplicates, failed records, and failed records taken again.
pub const DUP: Rgb = Rgb(0xe3, 0x77, 0xc2);
pub const EFAC: Rgb = Rgb(0xff, 0x7f, 0x0e);
pub const RETAKEN: Rgb = Rgb(0x17, 0xbe, 0xcf);
pub const AS_OF: Rgb = Rgb(0x33, 0x33, 0x33);

/// The horizons of the accuracy chart, nearest first.
pub const HORIZONS: [Rgb; 3] = [
    Rgb(0x17, 0xbe, 0xcf),
    Rgb(0xff, 0x7f, 0x0e),
    Rgb(0x6b, 0x3d, 0x9a),
];

/// Coverage bands.
pub const BAND_POOR: Rgb = Rgb(0xe5, 0x73, 0x73);
pub const BAND_ADEQUATE: Rgb = Rgb(0xff, 0xb7, 0x4d);
pub const BAND_GOOD: Rgb = Rgb(0x81, 0xc7, 0x84);

/// Opacity of a forecast band, of shading, and of a day's own value under its average.
pub const BAND_OPACITY: f32 = 0.18;
pub const SHADE_OPACITY: f32 = 0.15;
pub const DAY_OPACITY: f32 = 0.45;
/// Printed bars of the coverage chart, paler than the recorded ones.
pub const PRINTED_BAR_OPACITY: f32 = 0.55;

impl Rgb {
    /// This colour at `opacity` over white: what a reader sees of it on paper.
    pub fn over_white(self, opacity: f32) -> Rgb {
        let mix = |c: u8| (c as f32 * opacity + 255.0 * (1.0 - opacity)).round() as u8;
        Rgb(mix(self.0), mix(self.1), mix(self.2))
    }
}

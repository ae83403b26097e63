//! The charts' text, set glyph by glyph where the font puts each glyph.
//!
//! plotters 0.3.7 draws each glyph of a label at the pen position without the glyph's left side
//! bearing, so a "j" (whose ink starts left of its pen position) lands a pixel or two to the
//! right and an "r" too far left: the printed report read "hari ker ja" and "Tor jun". A
//! [`Typeset`] backend wraps the bitmap backend and draws text itself with the same embedded
//! font, the same size, anchor and rotation and the same baseline as plotters, each glyph at
//! its own bounds; everything else goes to the wrapped backend unchanged.

use std::sync::OnceLock;

use ab_glyph::{Font as _, FontRef, ScaleFont as _, point};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle, text_anchor::HPos, text_anchor::VPos,
};

use super::charts::{FONT_BOLD, FONT_REGULAR};

/// The embedded fonts, parsed once.
fn font(style: FontStyle) -> Option<&'static FontRef<'static>> {
    static REGULAR: OnceLock<Option<FontRef<'static>>> = OnceLock::new();
    static BOLD: OnceLock<Option<FontRef<'static>>> = OnceLock::new();
    let (cell, bytes) = match style {
        FontStyle::Bold => (&BOLD, FONT_BOLD),
        _ => (&REGULAR, FONT_REGULAR),
    };
    cell.get_or_init(|| FontRef::try_from_slice(bytes).ok())
        .as_ref()
}

/// A drawing backend whose text is set by [`set_text`]; all else is `B`'s.
pub struct Typeset<B>(pub B);

/// Draws `text` with its top left corner at (0, 0) of its own, unrotated frame: each pixel's
/// coverage goes to `pixel`. The pen moves by each glyph's advance and kerning, as plotters
/// measures the text; the baseline lies half the size below the top, as plotters puts it.
pub fn set_text(font: &FontRef<'_>, size: f32, text: &str, mut pixel: impl FnMut(i32, i32, f32)) {
    let scaled = font.as_scaled(size);
    let mut pen = 0.0f32;
    let mut previous = None;
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(previous) = previous {
            pen += scaled.kern(previous, id);
        }
        previous = Some(id);
        let glyph = id.with_scale_and_position(size, point(pen, size / 2.0));
        if let Some(outline) = scaled.outline_glyph(glyph) {
            let bounds = outline.px_bounds();
            outline.draw(|x, y, coverage| {
                pixel(
                    bounds.min.x as i32 + x as i32,
                    bounds.min.y as i32 + y as i32,
                    coverage,
                );
            });
        }
        pen += scaled.h_advance(id);
    }
}

impl<B: DrawingBackend> DrawingBackend for Typeset<B> {
    type ErrorType = B::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.0.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.present()
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.fill_polygon(vert, style)
    }

    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        size: (u32, u32),
        src: &[u8],
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.blit_bitmap(pos, size, src)
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        self.0.estimate_text_size(text, style)
    }

    /// As plotters' own, but each glyph where the font puts it: the same layout box (advances
    /// and kerning), anchor and rotation.
    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let Some(font) = font(style.style()) else {
            return self.0.draw_text(text, style, pos);
        };
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let ((min_x, min_y), (max_x, max_y)) = style
            .layout_box(text)
            .map_err(|e| DrawingErrorKind::FontError(Box::new(e)))?;
        let (width, height) = (max_x - min_x, max_y - min_y);
        let dx = match style.anchor().h_pos {
            HPos::Left => 0,
            HPos::Right => -width,
            HPos::Center => -width / 2,
        };
        let dy = match style.anchor().v_pos {
            VPos::Top => 0,
            VPos::Center => -height / 2,
            VPos::Bottom => -height,
        };
        let transform = style.transform();
        let (w, h) = self.get_size();
        let mut pixels = Vec::new();
        set_text(font, style.size() as f32, text, |x, y, coverage| {
            let (x, y) = transform.transform(x + dx - min_x, y + dy - min_y);
            pixels.push(((pos.0 + x, pos.1 + y), coverage));
        });
        for ((x, y), coverage) in pixels {
            if x >= 0 && x < w as i32 && y >= 0 && y < h as i32 {
                self.0.draw_pixel((x, y), color.mix(f64::from(coverage)))?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where a glyph's ink begins, in pixels from the pen, as `set_text` draws it alone.
    fn ink_from_pen(c: char) -> (i32, f32) {
        let font = font(FontStyle::Normal).expect("the embedded font");
        let mut left = i32::MAX;
        set_text(font, 40.0, &c.to_string(), |x, _, coverage| {
            if coverage > 0.5 {
                left = left.min(x);
            }
        });
        let scaled = font.as_scaled(40.0);
        (left, scaled.h_side_bearing(scaled.glyph_id(c)))
    }

    /// Each glyph's ink starts where the font says, its left side bearing from the pen: a "j"
    /// reaches left of it and an "r" starts right of it (plotters put both at the pen).
    #[test]
    fn a_glyph_starts_at_its_side_bearing() {
        let (j, bearing) = ink_from_pen('j');
        assert!(
            bearing < -1.0,
            "Noto Sans' j reaches left of its pen: {bearing}"
        );
        assert!(
            (j as f32 - bearing).abs() <= 1.0,
            "j at {j}, bearing {bearing}"
        );
        for c in ['r', 'T', 'o', 'W'] {
            let (left, bearing) = ink_from_pen(c);
            assert!(
                (left as f32 - bearing).abs() <= 1.0,
                "{c} at {left}, bearing {bearing}"
            );
        }
    }
}

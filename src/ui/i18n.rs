//! The entry grid's own messages, in the chosen language (words from `crate::locale`).

use crate::locale::{Lang, field_name};

/// A grid column's heading: `Rekam`, …, (`PRR`, …,) `Server OK`, `Catatan`.
pub fn grid_column_name(
    lang: Lang,
    layout: super::screens::entry::Layout,
    column: usize,
) -> &'static str {
    use super::screens::entry::Field;
    match layout.field(column) {
        Some(Field::Count(field)) => field_name(lang, field),
        Some(Field::Stage(field)) => crate::locale::stage_name(lang, field),
        None if column == layout.note() => lang.tr().note,
        None => lang.tr().server_ok,
    }
}

/// What the entry grid says after a save or a paste.
pub fn entry_notice(lang: Lang, notice: &super::screens::entry::Notice) -> String {
    use super::screens::entry::Notice;
    match notice {
        Notice::NotSaved { need_note, invalid } => {
            let mut parts = Vec::new();
            if !need_note.is_empty() {
                parts.push(match lang {
                    Lang::Id => format!("perlu catatan: {}", need_note.join(", ")),
                    Lang::En => format!("need a note: {}", need_note.join(", ")),
                });
            }
            if !invalid.is_empty() {
                parts.push(match lang {
                    Lang::Id => format!("perlu diperbaiki: {}", invalid.join(", ")),
                    Lang::En => format!("need a correction: {}", invalid.join(", ")),
                });
            }
            match lang {
                Lang::Id => format!("Belum disimpan — {}", parts.join("; ")),
                Lang::En => format!("Not saved — {}", parts.join("; ")),
            }
        }
        Notice::PasteRefused(error) => paste_error(lang, error),
    }
}

/// Why a paste into the grid was refused; nothing was pasted.
pub fn paste_error(lang: Lang, error: &super::screens::entry::paste::PasteError) -> String {
    use super::screens::entry::paste::PasteError;
    let body = match (lang, error) {
        (Lang::Id, PasteError::Closed { line, unit, why }) => {
            format!("baris {line} tempelan jatuh di {unit}, yang tidak dapat diubah: {why}")
        }
        (Lang::En, PasteError::Closed { line, unit, why }) => {
            format!("line {line} of the block lands on {unit}, which cannot be changed: {why}")
        }
        (Lang::Id, PasteError::TooManyRows { lines, room }) => format!(
            "tempelan berisi {lines} baris, tetapi dari sel ini ke bawah hanya ada {room} baris"
        ),
        (Lang::En, PasteError::TooManyRows { lines, room }) => {
            format!("the block has {lines} rows, but from this cell down there are only {room}")
        }
        (
            Lang::Id,
            PasteError::TooManyColumns {
                columns,
                room,
                line,
            },
        ) => format!(
            "baris {line} tempelan berisi {columns} kolom, tetapi dari sel ini ke kanan hanya \
             ada {room} kolom"
        ),
        (
            Lang::En,
            PasteError::TooManyColumns {
                columns,
                room,
                line,
            },
        ) => format!(
            "line {line} of the block has {columns} columns, but from this cell rightwards \
             there are only {room}"
        ),
        (
            _,
            PasteError::BadValue {
                line,
                column,
                unit,
                grid_column,
                layout,
                text,
                reason,
            },
        ) => {
            let field = grid_column_name(lang, *layout, *grid_column);
            let what = match (lang, reason) {
                (Lang::Id, Some(_)) => "bukan bilangan bulat ≥ 0",
                (Lang::Id, None) => "bukan ya/tidak (1/0)",
                (Lang::En, Some(_)) => "is not a whole number ≥ 0",
                (Lang::En, None) => "is not yes/no (1/0)",
            };
            match lang {
                Lang::Id => format!(
                    "baris {line} kolom {column} tempelan ({unit}, {field}): '{text}' {what}"
                ),
                Lang::En => format!(
                    "line {line} column {column} of the block ({unit}, {field}): '{text}' {what}"
                ),
            }
        }
    };
    match lang {
        Lang::Id => format!("Tidak ditempel: {body}. Tidak ada sel yang berubah."),
        Lang::En => format!("Not pasted: {body}. No cell was changed."),
    }
}

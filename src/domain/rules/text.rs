//! Free text — notes, document numbers, names: short, and shown as stored.

use super::*;

/// Longest note, document or name a clerk can type, in characters.
pub const MAX_TEXT_CHARS: usize = 500;

/// What is wrong with a free text such as a note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextProblem {
    TooLong {
        chars: usize,
    },
    /// A control character (C0, DEL or C1) at a 1-based character position.
    Control {
        position: usize,
        code: u32,
    },
    /// A bidirectional override or isolate that makes text show in another order than stored.
    DirectionOverride {
        position: usize,
        code: u32,
    },
    /// A character that shows nothing (zero-width, a direction mark): two names would look
    /// alike.
    Invisible {
        position: usize,
        code: u32,
    },
}

impl fmt::Display for TextProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TextProblem::TooLong { chars } => write!(
                f,
                "has {} characters; at most {MAX_TEXT_CHARS} are kept",
                format_en(*chars as u64)
            ),
            TextProblem::Control { position, code } => write!(
                f,
                "holds the control character U+{code:04X} at character {position}; remove it"
            ),
            TextProblem::DirectionOverride { position, code } => write!(
                f,
                "holds the direction override U+{code:04X} at character {position}, which shows \
                 text in another order than it is stored; remove it"
            ),
            TextProblem::Invisible { position, code } => write!(
                f,
                "holds the invisible character U+{code:04X} at character {position}, which makes \
                 it look like another name; remove it"
            ),
        }
    }
}

/// A note or other free text: at most [`MAX_TEXT_CHARS`] characters, no control characters,
/// no bidirectional overrides.
pub fn text_problem(text: &str) -> Option<TextProblem> {
    for (index, c) in text.chars().enumerate() {
        let chars = index + 1;
        let code = c as u32;
        if c.is_control() {
            return Some(TextProblem::Control {
                position: chars,
                code,
            });
        }
        if matches!(code, 0x202A..=0x202E | 0x2066..=0x2069) {
            return Some(TextProblem::DirectionOverride {
                position: chars,
                code,
            });
        }
        if chars > MAX_TEXT_CHARS {
            // Count the rest without keeping it.
            return Some(TextProblem::TooLong {
                chars: chars + text.chars().skip(chars).count(),
            });
        }
    }
    None
}

/// Checks a free text of a value at `at`.
pub fn check_text(at: &Place, field: &'static str, text: &str) -> Result<(), RuleViolation> {
    match text_problem(text) {
        Some(problem) => Err(RuleViolation::BadText {
            at: at.clone(),
            field,
            problem,
        }),
        None => Ok(()),
    }
}

/// What is wrong with a name (a unit's): what is wrong with any text, or an invisible
/// character.
pub(super) fn name_problem(name: &str) -> Option<TextProblem> {
    text_problem(name).or_else(|| {
        name.chars()
            .position(invisible)
            .map(|i| TextProblem::Invisible {
                position: i + 1,
                code: name.chars().nth(i).map_or(0, |c| c as u32),
            })
    })
}

/// Characters that change how text around them shows without showing themselves: direction
/// marks, overrides and isolates, zero-width characters and the byte-order mark.
fn invisible(c: char) -> bool {
    matches!(
        c as u32,
        0x061C | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060 | 0x2066..=0x2069 | 0xFEFF
    )
}

/// Text from outside (a file's name, a cell, a header, a bundle's field) as a message may show
/// it: every control character (but the line break) and every invisible or direction-changing
/// character written as `\u{1b}`, so that a crafted file can neither repaint a terminal nor
/// reorder or hide what a clerk reads.
pub fn shown(text: &str) -> std::borrow::Cow<'_, str> {
    if !text
        .chars()
        .any(|c| (c.is_control() && c != '\n') || invisible(c))
    {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if (c.is_control() && c != '\n') || invisible(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Longest piece of outside text a message quotes, in characters.
pub const QUOTED_CHARS: usize = 60;

/// A piece of outside text quoted in a message (`'…'`): [`shown`], on one line, cut to
/// [`QUOTED_CHARS`] characters with "…".
pub fn quoted(text: &str) -> String {
    quoted_up_to(text, QUOTED_CHARS)
}

/// [`quoted`], cut to `max` characters.
pub fn quoted_up_to(text: &str, max: usize) -> String {
    let one_line = text.replace(['\n', '\r'], " ");
    let shown = shown(&one_line);
    match shown.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &shown[..cut]),
        None => shown.into_owned(),
    }
}

#[cfg(test)]
mod shown_tests {
    use super::*;

    #[test]
    fn control_and_direction_characters_are_written_out_and_long_text_is_cut() {
        assert_eq!(shown("Torjun"), "Torjun");
        assert_eq!(shown("1\u{1b}[2J0"), "1\\u{1b}[2J0");
        assert_eq!(shown("Tor\u{202e}jun"), "Tor\\u{202e}jun");
        assert_eq!(shown("a\0b\nc"), "a\\u{0}b\nc");
        assert_eq!(quoted("a\nb"), "a b");
        let long = "x".repeat(100);
        assert_eq!(quoted(&long), format!("{}…", "x".repeat(QUOTED_CHARS)));
    }
}

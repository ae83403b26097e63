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

//! Reading and writing the office's other files: spreadsheets and CSV in and out, the units
//! list for `pantau init`.

pub mod charts;
pub mod export;
pub mod import;
pub mod letter;
pub mod report;
pub mod table;
pub mod typeset;

use std::path::{Path, PathBuf};

/// Why a file could not be written: which file, and what the writer said.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{}: {source}", path.display())]
    Csv {
        path: PathBuf,
        #[source]
        source: csv::Error,
    },
    #[error("{}: {source}", path.display())]
    Workbook {
        path: PathBuf,
        #[source]
        source: rust_xlsxwriter::XlsxError,
    },
    #[error("{}: {source}", path.display())]
    File {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The chart library refused (its errors are generic over the drawing backend).
    #[error("{}: the chart cannot be drawn: {message}", path.display())]
    Chart { path: PathBuf, message: String },
    #[error("{}: the PDF cannot be made: {message}", path.display())]
    Pdf { path: PathBuf, message: String },
}

impl WriteError {
    pub fn path(&self) -> &Path {
        match self {
            WriteError::Csv { path, .. }
            | WriteError::Workbook { path, .. }
            | WriteError::File { path, .. }
            | WriteError::Chart { path, .. }
            | WriteError::Pdf { path, .. } => path,
        }
    }

    pub(crate) fn csv(path: &Path) -> impl Fn(csv::Error) -> WriteError + Copy + '_ {
        move |source| WriteError::Csv {
            path: path.to_path_buf(),
            source,
        }
    }

    pub(crate) fn file(path: &Path) -> impl Fn(std::io::Error) -> WriteError + Copy + '_ {
        move |source| WriteError::File {
            path: path.to_path_buf(),
            source,
        }
    }
}

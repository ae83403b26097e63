//! Native file dialogs behind a small trait, so tests never open one.

use std::path::PathBuf;

pub trait Dialogs {
    /// A `.pantau` file to open.
    fn open_database(&mut self) -> Option<PathBuf>;
    /// Where to create a new `.pantau` file.
    fn save_database(&mut self) -> Option<PathBuf>;
    /// A CSV list of units.
    fn open_csv(&mut self) -> Option<PathBuf>;
    /// A spreadsheet or CSV file to import.
    fn open_import(&mut self) -> Option<PathBuf>;
    /// Where to write an export or a backup, suggesting `name`.
    fn save_as(&mut self, name: &str, extension: &str) -> Option<PathBuf>;
}

/// The platform's dialogs (rfd).
pub struct NativeDialogs;

impl Dialogs for NativeDialogs {
    fn open_database(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .add_filter("Pantau", &["pantau"])
            .pick_file()
    }

    fn save_database(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .add_filter("Pantau", &["pantau"])
            .set_file_name("kantor.pantau")
            .save_file()
            .map(|p| {
                if p.extension().is_none() {
                    p.with_extension("pantau")
                } else {
                    p
                }
            })
    }

    fn open_csv(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .add_filter("CSV", &["csv", "txt"])
            .pick_file()
    }

    fn open_import(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .add_filter("Excel, ODS, CSV", &["xlsx", "xls", "ods", "csv", "txt"])
            .pick_file()
    }

    fn save_as(&mut self, name: &str, extension: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .add_filter(extension, &[extension])
            .set_file_name(name)
            .save_file()
            .map(|p| {
                if p.extension().is_none() {
                    p.with_extension(extension)
                } else {
                    p
                }
            })
    }
}

/// Answers every dialog with the paths given, in order; `None` once they run out. For tests.
#[derive(Default)]
pub struct ScriptedDialogs {
    pub answers: Vec<PathBuf>,
}

impl ScriptedDialogs {
    fn next(&mut self) -> Option<PathBuf> {
        (!self.answers.is_empty()).then(|| self.answers.remove(0))
    }
}

impl Dialogs for ScriptedDialogs {
    fn open_database(&mut self) -> Option<PathBuf> {
        self.next()
    }
    fn save_database(&mut self) -> Option<PathBuf> {
        self.next()
    }
    fn open_csv(&mut self) -> Option<PathBuf> {
        self.next()
    }
    fn open_import(&mut self) -> Option<PathBuf> {
        self.next()
    }
    fn save_as(&mut self, _name: &str, _extension: &str) -> Option<PathBuf> {
        self.next()
    }
}

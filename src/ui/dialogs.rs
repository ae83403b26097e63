//! File dialogs behind a small trait, so tests never open one, and a way on when a PC has none.
//!
//! On Linux, rfd asks the desktop portal over D-Bus and falls back to `zenity`; on a bare or
//! locked-down PC with neither it returns nothing, exactly as if the clerk had pressed Cancel.
//! So before asking, [`NativeDialogs`] checks that one of the two can be there, and a dialog that
//! returns nothing faster than a person can cancel counts as unavailable too. Unavailable means
//! the app asks for the path in a text field instead (see `ui::app::PathPrompt`).

use std::path::PathBuf;
use std::time::{Duration, Instant};

/// What a file is asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRequest {
    /// Whether the file is to be written (a save dialog) rather than read.
    pub save: bool,
    /// The filter's name and its extensions; the first extension is added to a saved name
    /// that has none.
    pub filter: (&'static str, Vec<&'static str>),
    /// The name suggested for a file to write.
    pub file_name: Option<String>,
    /// Several files may be chosen at once (to read).
    pub many: bool,
    /// A folder is chosen, not a file.
    pub folder: bool,
}

impl FileRequest {
    pub fn open(name: &'static str, extensions: &[&'static str]) -> FileRequest {
        FileRequest {
            save: false,
            filter: (name, extensions.to_vec()),
            file_name: None,
            many: false,
            folder: false,
        }
    }

    /// A folder to read (every file of the filter's kind in it).
    pub fn open_folder(name: &'static str, extensions: &[&'static str]) -> FileRequest {
        FileRequest {
            folder: true,
            ..FileRequest::open(name, extensions)
        }
    }

    /// Several files to read at once.
    pub fn open_many(name: &'static str, extensions: &[&'static str]) -> FileRequest {
        FileRequest {
            many: true,
            ..FileRequest::open(name, extensions)
        }
    }

    pub fn save(name: &'static str, extension: &'static str, file_name: String) -> FileRequest {
        FileRequest {
            save: true,
            filter: (name, vec![extension]),
            file_name: Some(file_name),
            many: false,
            folder: false,
        }
    }

    /// `path` with the request's extension when it has none (a typed or picked save path).
    pub fn with_extension(&self, path: PathBuf) -> PathBuf {
        match self.filter.1.first() {
            Some(ext) if self.save && path.extension().is_none() => path.with_extension(ext),
            _ => path,
        }
    }
}

/// What a dialog gave back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pick {
    Path(PathBuf),
    /// The files chosen where several may be ([`FileRequest::many`]).
    Paths(Vec<PathBuf>),
    Cancelled,
    /// There is no dialog on this PC: ask for the path another way.
    Unavailable,
}

pub trait Dialogs {
    fn pick(&mut self, request: &FileRequest) -> Pick;
}

/// The platform's dialogs (rfd).
pub struct NativeDialogs;

/// Nobody closes a dialog this fast: a dialog that returns nothing sooner never opened.
const FASTEST_CANCEL: Duration = Duration::from_millis(250);

impl Dialogs for NativeDialogs {
    fn pick(&mut self, request: &FileRequest) -> Pick {
        if !native_dialog_possible() {
            return Pick::Unavailable;
        }
        let (name, extensions) = &request.filter;
        let mut dialog = rfd::FileDialog::new().add_filter(*name, extensions);
        if let Some(file_name) = &request.file_name {
            dialog = dialog.set_file_name(file_name);
        }
        let started = Instant::now();
        if request.folder {
            return match rfd::FileDialog::new().pick_folder() {
                Some(path) => Pick::Path(path),
                None if started.elapsed() < FASTEST_CANCEL => Pick::Unavailable,
                None => Pick::Cancelled,
            };
        }
        if request.many {
            return match dialog.pick_files() {
                Some(paths) if !paths.is_empty() => Pick::Paths(paths),
                _ if started.elapsed() < FASTEST_CANCEL => Pick::Unavailable,
                _ => Pick::Cancelled,
            };
        }
        let picked = if request.save {
            dialog.save_file()
        } else {
            dialog.pick_file()
        };
        match picked {
            Some(path) => Pick::Path(request.with_extension(path)),
            None if started.elapsed() < FASTEST_CANCEL => Pick::Unavailable,
            None => Pick::Cancelled,
        }
    }
}

/// Whether a native file dialog can open here: always on Windows and macOS; on Linux and the
/// BSDs when `zenity` is installed or a desktop portal offers a file chooser. Setting
/// `PANTAU_NO_FILE_DIALOG=1` says no (a locked-down PC, a remote session where the dialog opens
/// somewhere else).
pub fn native_dialog_possible() -> bool {
    if std::env::var_os("PANTAU_NO_FILE_DIALOG").is_some_and(|v| !v.is_empty() && v != "0") {
        return false;
    }
    if cfg!(any(target_os = "windows", target_os = "macos")) {
        return true;
    }
    on_path("zenity") || portal_file_chooser()
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

/// A session bus to reach the portal, and a portal backend that implements the file chooser.
fn portal_file_chooser() -> bool {
    let bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
        || std::env::var_os("XDG_RUNTIME_DIR")
            .is_some_and(|dir| PathBuf::from(dir).join("bus").exists());
    if !bus {
        return false;
    }
    let data_dirs = std::env::var("XDG_DATA_DIRS")
        .ok()
        .filter(|d| !d.is_empty())
        .unwrap_or_else(|| "/usr/local/share:/usr/share".to_string());
    data_dirs.split(':').any(|dir| {
        let Ok(portals) = std::fs::read_dir(PathBuf::from(dir).join("xdg-desktop-portal/portals"))
        else {
            return false;
        };
        portals.filter_map(Result::ok).any(|entry| {
            std::fs::read_to_string(entry.path())
                .is_ok_and(|text| text.contains("org.freedesktop.impl.portal.FileChooser"))
        })
    })
}

/// Answers every dialog with the paths given, in order, then Cancel; or says there is no
/// dialog at all. For tests.
#[derive(Default)]
pub struct ScriptedDialogs {
    pub answers: Vec<PathBuf>,
    /// Every dialog is [`Pick::Unavailable`], as on a PC without portal or zenity.
    pub unavailable: bool,
    /// The requests made, in order.
    pub asked: Vec<FileRequest>,
}

impl Dialogs for ScriptedDialogs {
    fn pick(&mut self, request: &FileRequest) -> Pick {
        self.asked.push(request.clone());
        if self.unavailable {
            Pick::Unavailable
        } else if self.answers.is_empty() {
            Pick::Cancelled
        } else if request.many {
            Pick::Paths(std::mem::take(&mut self.answers))
        } else {
            Pick::Path(self.answers.remove(0))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_save_path_gets_its_extension_and_an_open_path_is_left_alone() {
        let save = FileRequest::save("Pantau", "pantau", "kantor.pantau".to_string());
        assert_eq!(
            save.with_extension(PathBuf::from("/tmp/kantor")),
            PathBuf::from("/tmp/kantor.pantau")
        );
        assert_eq!(
            save.with_extension(PathBuf::from("/tmp/kantor.db")),
            PathBuf::from("/tmp/kantor.db")
        );
        let open = FileRequest::open("CSV", &["csv"]);
        assert_eq!(
            open.with_extension(PathBuf::from("/tmp/units")),
            PathBuf::from("/tmp/units")
        );
    }
}

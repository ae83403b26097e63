//! The desktop app (eframe/egui): one file per screen under `screens/`, the charts, the text of
//! both languages, and the frame that holds them.

pub mod app;
pub mod charts;
pub mod dialogs;
pub mod i18n;
pub mod keys;
pub mod screens;
mod shell;
pub mod theme;

use std::path::PathBuf;

use anyhow::{Context, Result, anyhow};

use app::{PantauApp, Prefs};

const PREFS_KEY: &str = "pantau.prefs";

/// What to open when the window starts.
#[derive(Debug, Clone, Default)]
pub struct Start {
    /// A database to open.
    pub file: Option<PathBuf>,
    /// Open the illustrative Sampang database.
    pub demo: bool,
    /// Open a province's hub (its URL, and one province), read only.
    pub hub: Option<(String, Option<String>)>,
}

/// The local data folder of Pantau: databases by default, the demo, preferences.
pub fn data_folder() -> Result<PathBuf> {
    let dirs = directories::ProjectDirs::from("id", "", "Pantau")
        .context("no home folder found for Pantau's data")?;
    Ok(dirs.data_local_dir().to_path_buf())
}

/// Where the illustrative database lives: never mixed with a real office's file.
pub fn demo_path() -> Result<PathBuf> {
    Ok(data_folder()?.join("demo-sampang.pantau"))
}

fn make_app(cc: &eframe::CreationContext<'_>, start: &Start) -> Result<PantauApp> {
    let prefs: Prefs = cc
        .storage
        .and_then(|s| eframe::get_value(s, PREFS_KEY))
        .unwrap_or_default();
    let mut app = PantauApp::new(prefs, Box::new(dialogs::NativeDialogs), demo_path()?);
    if start.demo {
        app.open_demo();
    } else if let Some((url, province)) = &start.hub {
        app.open_hub(url, None, province.as_deref());
    } else if let Some(file) = &start.file {
        app.open_in_background(file.clone());
    } else if let Some(last) = app.prefs.last_file.clone() {
        // A last file that was moved away is no error worth a dialog: show the welcome screen.
        if last.exists() {
            app.open_in_background(last);
        }
    }
    Ok(app)
}

impl eframe::App for PantauApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.run_logic(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.ui_root(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFS_KEY, &self.prefs);
    }
}

/// Opens the window: wgpu first; if the window or renderer cannot be created, glow once more.
pub fn run(start: Start) -> Result<()> {
    let mut last_error = None;
    for renderer in [eframe::Renderer::Wgpu, eframe::Renderer::Glow] {
        let options = eframe::NativeOptions {
            renderer,
            viewport: egui::ViewportBuilder::default()
                .with_title("Pantau e-KTP")
                .with_inner_size([1280.0, 820.0])
                .with_min_inner_size([900.0, 600.0]),
            ..Default::default()
        };
        let start = start.clone();
        let result = eframe::run_native(
            "Pantau e-KTP",
            options,
            Box::new(move |cc| {
                eprintln!("pantau: window open with the {renderer:?} renderer");
                let app = make_app(cc, &start)
                    .map_err(|e| -> Box<dyn std::error::Error + Send + Sync> { e.into() })?;
                Ok(Box::new(app))
            }),
        );
        match result {
            Ok(()) => return Ok(()),
            Err(error) => {
                eprintln!("pantau: the {renderer:?} renderer could not start: {error}");
                last_error = Some(error);
            }
        }
    }
    Err(anyhow!(
        "the window could not be opened ({}). Pantau needs OpenGL or Vulkan graphics; on Linux \
         install libgl1, libegl1 and libgl1-mesa-dri",
        last_error.map(|e| e.to_string()).unwrap_or_default()
    ))
}

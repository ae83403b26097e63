// On Windows, `pantau.exe` is a GUI program: no console window opens behind the app. The
// command line still prints to the console it was started from (see `attach_console`).
#![cfg_attr(windows, windows_subsystem = "windows")]

use std::process::ExitCode;

fn main() -> ExitCode {
    attach_console();
    // Usage errors exit with 2 inside `parse`; everything else is reported once, here.
    let cli = <pantau::cli::Cli as clap::Parser>::parse();
    match pantau::cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            // Outside text in a message is written out, never obeyed by the terminal.
            let message = format!("{error:#}");
            eprintln!("pantau: error: {}", pantau::domain::rules::shown(&message));
            ExitCode::from(1)
        }
    }
}

/// A Windows GUI program has no console of its own; started from Command Prompt or
/// PowerShell, it writes to that one. Started from the Start menu or a double-click there is
/// none, and this does nothing. Output redirected to a file or pipe keeps its handles.
#[cfg(windows)]
fn attach_console() {
    use windows_sys::Win32::System::Console::{ATTACH_PARENT_PROCESS, AttachConsole};
    // SAFETY: AttachConsole takes a process id and touches no memory of ours; it fails
    // harmlessly when the parent has no console or this process already has one.
    unsafe {
        AttachConsole(ATTACH_PARENT_PROCESS);
    }
}

#[cfg(not(windows))]
fn attach_console() {}

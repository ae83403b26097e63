// On Windows, `pantau.exe` is a GUI program: no console window opens behind the app. The
// command line still prints to the console it was started from (see `attach_console`).
#![cfg_attr(windows, windows_subsystem = "windows")]

use std::process::ExitCode;

fn main() -> ExitCode {
    attach_console();
    output_that_cannot_be_written();
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

/// Output that cannot be written ends the program with a word, never a panic: a closed pipe
/// (`pantau audit | head -1`) quietly, as every command-line tool does; a full disk or a
/// broken device with the reason. What the command had done (an import saved) stays done.
fn output_that_cannot_be_written() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let payload = info.payload();
        let text = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied())
            .unwrap_or("");
        let printing = text.starts_with("failed printing to std")
            || text.contains("failed to write completion");
        if printing && text.contains("Broken pipe") {
            std::process::exit(0);
        }
        if printing {
            let english = std::env::var("PANTAU_LANG").is_ok_and(|l| l == "en")
                || std::env::args()
                    .collect::<Vec<_>>()
                    .windows(2)
                    .any(|w| w == ["--lang", "en"]);
            let reason = text.split_once(": ").map_or(text, |(_, r)| r);
            if english {
                eprintln!("pantau: error: the output cannot be written ({reason})");
            } else {
                eprintln!("pantau: galat: keluaran tidak dapat ditulis ({reason})");
            }
            std::process::exit(1);
        }
        default(info);
    }));
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

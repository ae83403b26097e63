use std::process::ExitCode;

fn main() -> ExitCode {
    // Usage errors exit with 2 inside `parse`; everything else is reported once, here.
    let cli = <pantau::cli::Cli as clap::Parser>::parse();
    match pantau::cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("pantau: error: {error:#}");
            ExitCode::from(1)
        }
    }
}

//! The `hyoka` binary: parse the command line, run it, print, pick the exit code.

use std::process::ExitCode;

use clap::Parser;
use hyoka::cli::{Cli, Outcome, run};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            // --help and --version are successes; anything else is a usage error.
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let lang = cli.lang;
    match run(cli) {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::Invalid) => ExitCode::from(1),
        Err(e) => {
            let message = e.message(lang);
            match lang {
                hyoka::diag::Lang::Ja => eprintln!("hyoka: 処理できませんでした: {message}"),
                hyoka::diag::Lang::En => eprintln!("hyoka: {message}"),
            }
            ExitCode::from(2)
        }
    }
}

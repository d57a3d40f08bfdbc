//! The `hyoka` binary: parse the command line, run it, print, pick the exit code.

use std::process::ExitCode;

use hyoka::cli::{Outcome, parse, run};

fn main() -> ExitCode {
    // Help, the version and usage errors are printed in the chosen language; --help and
    // --version are successes, anything else is a usage error (2).
    let cli = match parse::parse(std::env::args_os().collect()) {
        Ok(cli) => cli,
        Err(code) => return ExitCode::from(code),
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

//! `hyoka validate PATH...`

use std::io::Write as _;
use std::path::PathBuf;

use super::{MessageFormat, Outcome};
use crate::diag::{Lang, Severity, human, json};

/// Shown after the options by `--help`.
pub const EXAMPLES: &str = "Examples:
  hyoka validate assessments/takaoka-vaccination
  hyoka validate assessments/*            every assessment; exit 1 if any has errors
  hyoka --lang en validate assessments/x --message-format json";

/// Arguments of `hyoka validate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Assessment folders or assessment.yaml files.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// How to print diagnostics.
    #[arg(long, value_enum, default_value_t = MessageFormat::Human)]
    pub message_format: MessageFormat,
}

/// Validates each path and prints its diagnostics on standard error (JSON on standard output).
pub fn run(args: &Args, lang: Lang) -> Result<Outcome, crate::Error> {
    let mut outcome = Outcome::Clean;
    let (mut errors, mut warnings) = (0, 0);
    let mut files = 0;
    for path in &args.paths {
        // The office's library (`assessments/*` names it too) is reported below, once.
        if crate::common_texts::source::is_library_folder(path) {
            continue;
        }
        files += 1;
        let assessment = crate::check(path)?;
        for report in assessment.reports() {
            errors += report
                .diagnostics
                .iter()
                .filter(|d| d.severity() == Severity::Error)
                .count();
            warnings += report
                .diagnostics
                .iter()
                .filter(|d| d.severity() == Severity::Warning)
                .count();
            match args.message_format {
                MessageFormat::Human => eprint!("{}", human::render(report, lang)),
                MessageFormat::Json => print!("{}", json::render(report, lang)),
            }
        }
        if assessment.has_errors() {
            outcome = Outcome::Invalid;
        }
    }
    // The office's library, once, after the assessments that use it.
    let limits = crate::load::Limits::default();
    for report in crate::common_texts::office::reports_for(&args.paths, &limits)? {
        errors += report
            .diagnostics
            .iter()
            .filter(|d| d.severity() == Severity::Error)
            .count();
        warnings += report
            .diagnostics
            .iter()
            .filter(|d| d.severity() == Severity::Warning)
            .count();
        match args.message_format {
            MessageFormat::Human => eprint!("{}", human::render(&report, lang)),
            MessageFormat::Json => print!("{}", json::render(&report, lang)),
        }
        if report.has_errors() {
            outcome = Outcome::Invalid;
        }
    }
    if args.message_format == MessageFormat::Human {
        let line = match lang {
            Lang::Ja => format!("{files} 件を検証しました: エラー {errors} 件、警告 {warnings} 件"),
            Lang::En => {
                format!("validated {files} assessment(s): {errors} error(s), {warnings} warning(s)")
            }
        };
        let _ = writeln!(std::io::stderr(), "{line}");
    }
    Ok(outcome)
}

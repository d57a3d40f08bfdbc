//! `hyoka render PATH [--format html,md,typ,pdf] [--out DIR] [--templates DIR]`

use std::path::PathBuf;

use super::{MessageFormat, Outcome, print_reports};
use crate::build::{render_with, stem_of};
use crate::diag::Lang;
use crate::render::{Format, Templates};

/// Shown after the options by `--help`.
pub const EXAMPLES: &str = "Examples:
  hyoka render assessments/takaoka-vaccination                 all formats into output/takaoka-vaccination/
  hyoka render assessments/x --format html,pdf --out /tmp/x
  hyoka render assessments/x --redline assessments/x/versions/2024-05-27.yaml";

/// Arguments of `hyoka render`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// An assessment folder (or its assessment.yaml).
    pub path: PathBuf,
    /// Formats to write, comma-separated.
    #[arg(long, value_enum, value_delimiter = ',', default_values_t = Format::ALL)]
    pub format: Vec<Format>,
    /// Output folder [default: output/<folder name>/].
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// A folder whose files replace the built-in templates of the same name.
    #[arg(long)]
    pub templates: Option<PathBuf>,
    /// Render the redline edition against this older version (a folder, YAML file or REV:PATH):
    /// every change marked inline, written as <name>.redline.html/.pdf.
    #[arg(long, value_name = "OLD")]
    pub redline: Option<String>,
    /// How to print diagnostics.
    #[arg(long, value_enum, default_value_t = MessageFormat::Human)]
    pub message_format: MessageFormat,
}

/// Validates, then renders when there is no error.
pub fn run(args: &Args, lang: Lang) -> Result<Outcome, crate::Error> {
    let templates = match &args.templates {
        Some(dir) => Templates::with_overrides(dir)?,
        None => Templates::default(),
    };
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| PathBuf::from("output").join(stem_of(&args.path)));
    let old = match &args.redline {
        Some(spec) => {
            let mut old = crate::load::load_version(spec, &crate::load::Limits::default())?;
            crate::validate::validate(&mut old);
            if old.has_errors() || old.document.is_none() {
                print_reports(old.reports(), args.message_format, lang);
                return Err(crate::Error::Input(match lang {
                    Lang::Ja => {
                        format!("{spec}: 比べる前の版にエラーがあるため、見え消し版を作れません")
                    }
                    Lang::En => format!("{spec}: invalid older version"),
                }));
            }
            Some(old)
        }
        None => None,
    };
    // The redline edition is for reviewers: HTML and PDF unless formats were chosen.
    let formats = if old.is_some() && args.format == Format::ALL {
        vec![Format::Html, Format::Pdf]
    } else {
        args.format.clone()
    };
    let outcome = render_with(&args.path, &out, &formats, &templates, old.as_ref())?;
    print_reports(outcome.assessment.reports(), args.message_format, lang);
    if outcome.assessment.has_errors() {
        eprintln!(
            "{}",
            match lang {
                Lang::Ja => "エラーがあるため出力しませんでした。",
                Lang::En => "not rendered: the assessment has errors.",
            }
        );
        return Ok(Outcome::Invalid);
    }
    for file in &outcome.written {
        eprintln!("{}", file.display());
    }
    Ok(Outcome::Clean)
}

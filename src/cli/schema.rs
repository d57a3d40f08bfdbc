//! `hyoka schema [--kiso]`

use super::Outcome;

/// Shown after the options by `--help`.
pub const EXAMPLES: &str = "Examples:
  hyoka schema > schema/assessment.schema.json
  hyoka schema --kiso > schema/kiso.schema.json";

/// Arguments of `hyoka schema`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The schema of kiso.yaml (the 基礎項目評価書 beside a 重点項目評価書) instead.
    #[arg(long)]
    pub kiso: bool,
    /// The folder of the assessment folders: the names of its common texts (common-texts/)
    /// are offered.
    #[arg(long, default_value = "assessments")]
    pub root: std::path::PathBuf,
}

/// Prints the JSON Schema, pretty and with a final newline (the committed copy is identical).
pub fn run(args: &Args) -> Result<Outcome, crate::Error> {
    let texts = match crate::common_texts::source::find_folder(&args.root) {
        Some(folder) if args.root.is_dir() => Some(crate::common_texts::Library::read(
            &folder,
            &Default::default(),
        )?),
        _ => None,
    };
    if args.kiso {
        print!("{}", crate::schema::kiso_schema_text(texts.as_ref()));
    } else {
        print!("{}", crate::schema::schema_text(texts.as_ref()));
    }
    Ok(Outcome::Clean)
}

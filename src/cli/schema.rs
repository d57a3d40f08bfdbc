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
}

/// Prints the JSON Schema, pretty and with a final newline (the committed copy is identical).
pub fn run(args: &Args) -> Result<Outcome, crate::Error> {
    if args.kiso {
        print!("{}", crate::schema::kiso_schema_text());
    } else {
        print!("{}", crate::schema::schema_text());
    }
    Ok(Outcome::Clean)
}

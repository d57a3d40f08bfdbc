//! `hyoka schema`

use super::Outcome;

/// Shown after the options by `--help`.
pub const EXAMPLES: &str = "Examples:
  hyoka schema > schema/assessment.schema.json";

/// Prints the JSON Schema, pretty and with a final newline (the committed copy is identical).
pub fn run() -> Result<Outcome, crate::Error> {
    print!("{}", crate::schema::schema_text());
    Ok(Outcome::Clean)
}

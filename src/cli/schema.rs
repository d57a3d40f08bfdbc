//! `hyoka schema`

use super::Outcome;

/// Prints the JSON Schema, pretty and with a final newline (the committed copy is identical).
pub fn run() -> Result<Outcome, crate::Error> {
    print!("{}", crate::schema::schema_text());
    Ok(Outcome::Clean)
}

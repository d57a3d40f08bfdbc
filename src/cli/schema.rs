//! `hyoka schema`

use super::Outcome;

/// Prints the JSON Schema, pretty and with a final newline (the committed copy is identical).
pub fn run() -> Result<Outcome, crate::Error> {
    println!("{}", schema_text());
    Ok(Outcome::Clean)
}

/// The schema as committed under `schema/assessment.schema.json`.
pub fn schema_text() -> String {
    serde_json::to_string_pretty(&crate::schema::assessment_schema()).unwrap_or_default()
}

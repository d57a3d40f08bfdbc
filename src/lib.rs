//! hyoka: 特定個人情報保護評価書 (Specific Personal Information Protection Assessment) as YAML.
//!
//! The pipeline, one module per stage:
//! [`load`] (YAML with spans → [`load::Document`]) → [`validate`] (diagnostics) →
//! [`layout`] → [`render`], and [`diff`] between versions; [`serve`] shows all of it in a
//! browser. [`form`] is the single definition of the official form that every stage reads;
//! [`diag`] holds diagnostics and their rendering; [`schema`] derives the JSON Schema from the
//! form.

pub mod build;
pub mod cli;
pub mod diag;
pub mod diff;
pub mod form;
pub mod layout;
pub mod load;
pub mod output;
pub mod render;
pub mod schema;
pub mod serve;
pub mod validate;

use std::path::PathBuf;

/// A failure of hyoka itself (I/O, usage), as opposed to a problem in the user's document,
/// which is a [`diag::Diagnostic`].
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A template could not be used.
    #[error("template {path}: {message}")]
    Template {
        /// The template's name or path.
        path: PathBuf,
        /// What went wrong (tera's or Typst's message).
        message: String,
    },
    /// The change table could not be recorded.
    #[error("cannot record into {path}: {message}")]
    Record {
        /// The `changes.yaml`.
        path: PathBuf,
        /// Why.
        message: String,
    },
    /// A version could not be read from git.
    #[error("cannot read {spec} from git: {message}")]
    Git {
        /// The `REV:PATH` given.
        spec: String,
        /// git's message.
        message: String,
    },
    /// The input cannot be used (for example, a document with errors given to `diff`).
    #[error("{0}")]
    Input(String),
    /// A file could not be written.
    #[error("cannot write {path}: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// `serve` could not listen on its address (in use, not this machine's, not allowed).
    #[error("cannot listen on {address}: {source}")]
    Listen {
        /// The address and port asked for.
        address: String,
        /// The cause.
        source: std::io::Error,
    },
}

/// Loads and validates an assessment folder or file with the default limits.
pub fn check(path: &std::path::Path) -> Result<load::Assessment, Error> {
    let mut assessment = load::load(path, &load::Limits::default())?;
    validate::validate(&mut assessment);
    Ok(assessment)
}

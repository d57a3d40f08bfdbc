//! Loading: files → YAML trees with spans → typed [`Document`] and change-table rows.
//!
//! An assessment is a folder holding `assessment.yaml` and `changes.yaml`, with published
//! snapshots in `versions/`; a single YAML file can be loaded too.

pub mod changes;
pub mod choice;
pub mod date;
pub mod document;
pub mod nfkc;
mod outline;
mod silent;
mod syntax;
pub mod yaml;

use std::path::{Path, PathBuf};

use crate::Error;
use crate::diag::FileReport;

pub use changes::ChangeRow;
pub use document::{Block, Document, Entry, Record, Tick, Value};
pub use yaml::Limits;

/// The document file of an assessment folder.
pub const DOCUMENT_FILE: &str = "assessment.yaml";
/// The change-table file of an assessment folder.
pub const CHANGES_FILE: &str = "changes.yaml";

/// An assessment as loaded: what could be read, and the diagnostics of each file.
#[derive(Debug)]
pub struct Assessment {
    /// The folder, when loaded from one.
    pub folder: Option<PathBuf>,
    /// The document, unless it could not be read at all.
    pub document: Option<Document>,
    /// The recorded change-table rows (empty when there is no `changes.yaml`).
    pub changes: Vec<ChangeRow>,
    /// The change table as read against its columns, for validation.
    pub changes_record: Option<Record>,
    /// Diagnostics of `assessment.yaml`.
    pub document_report: FileReport,
    /// Diagnostics of `changes.yaml`, when it exists.
    pub changes_report: Option<FileReport>,
}

impl Assessment {
    /// Every report, document first.
    pub fn reports(&self) -> impl Iterator<Item = &FileReport> {
        std::iter::once(&self.document_report).chain(self.changes_report.as_ref())
    }

    /// Whether any file has an error.
    pub fn has_errors(&self) -> bool {
        self.reports().any(FileReport::has_errors)
    }
}

/// Reads a file's bytes; I/O failures are errors of hyoka's run, not diagnostics.
fn read(path: &Path) -> Result<Vec<u8>, Error> {
    std::fs::read(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })
}

/// Parses document text already in memory (e.g. from a git revision).
pub fn document_from_bytes(
    file: PathBuf,
    bytes: &[u8],
    limits: &Limits,
) -> (FileReport, Option<Document>) {
    let mut report = FileReport {
        file,
        source: String::new(),
        diagnostics: Vec::new(),
    };
    let document = match yaml::decode(bytes, limits) {
        Err(d) => {
            report.diagnostics.push(*d);
            None
        }
        Ok(text) => {
            let parsed = yaml::parse(&text, limits);
            report.source = text;
            report.diagnostics.extend(parsed.diagnostics);
            parsed
                .root
                .and_then(|root| document::read(&root, &mut report.diagnostics))
        }
    };
    (report, document)
}

/// Loads an assessment folder, or a single document file (with `changes.yaml` beside it when
/// the file is an `assessment.yaml`).
pub fn load(path: &Path, limits: &Limits) -> Result<Assessment, Error> {
    let (folder, document_path) = if path.is_dir() {
        (Some(path.to_path_buf()), path.join(DOCUMENT_FILE))
    } else {
        let beside = path.file_name().is_some_and(|n| n == DOCUMENT_FILE);
        (
            beside
                .then(|| path.parent().map(Path::to_path_buf))
                .flatten(),
            path.to_path_buf(),
        )
    };
    let bytes = read(&document_path)?;
    let (document_report, document) = document_from_bytes(document_path, &bytes, limits);
    let mut assessment = Assessment {
        folder: folder.clone(),
        document,
        changes: Vec::new(),
        changes_record: None,
        document_report,
        changes_report: None,
    };
    if let Some(folder) = folder {
        let changes_path = folder.join(CHANGES_FILE);
        if changes_path.is_file() {
            let bytes = read(&changes_path)?;
            let (report, record, rows) = changes::from_bytes(changes_path, &bytes, limits);
            assessment.changes = rows;
            assessment.changes_record = Some(record);
            assessment.changes_report = Some(report);
        }
    }
    Ok(assessment)
}

/// Loads a version given as a folder, a YAML file, or `REV:PATH` (read with `git show` from
/// the repository of the current folder; PATH may be an assessment folder or a file).
pub fn load_version(spec: &str, limits: &Limits) -> Result<Assessment, Error> {
    let path = Path::new(spec);
    if path.exists() {
        return load(path, limits);
    }
    let Some((rev, file)) = spec.split_once(':') else {
        return Err(Error::Read {
            path: path.to_path_buf(),
            source: std::io::ErrorKind::NotFound.into(),
        });
    };
    let show = |target: &str| {
        std::process::Command::new("git")
            .args(["show", &format!("{rev}:{target}")])
            .output()
            .map_err(|e| Error::Git {
                spec: spec.to_string(),
                message: e.to_string(),
            })
    };
    let mut output = show(file)?;
    let mut name = file.to_string();
    if !output.status.success() || output.stdout.starts_with(b"tree ") {
        // PATH may name an assessment folder.
        name = format!("{}/{DOCUMENT_FILE}", file.trim_end_matches('/'));
        output = show(&name)?;
    }
    if !output.status.success() {
        let message = String::from_utf8_lossy(&output.stderr).trim().to_string();
        return Err(Error::Git {
            spec: spec.to_string(),
            message,
        });
    }
    let (document_report, document) = document_from_bytes(
        PathBuf::from(format!("{rev}:{name}")),
        &output.stdout,
        limits,
    );
    Ok(Assessment {
        folder: None,
        document,
        changes: Vec::new(),
        changes_record: None,
        document_report,
        changes_report: None,
    })
}

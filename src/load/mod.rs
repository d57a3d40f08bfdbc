//! Loading: files → YAML trees with spans → typed [`Document`] and change-table rows.
//!
//! An assessment is a folder holding `assessment.yaml` and `changes.yaml`, with published
//! snapshots in `versions/`; a single YAML file can be loaded too. Beside a 重点項目評価書,
//! `kiso.yaml` and `kiso-changes.yaml` are the 基礎項目評価書 published with it ([`pair`]).

pub mod changes;
pub mod choice;
pub mod date;
pub mod document;
pub mod nfkc;
mod outline;
pub mod pair;
mod silent;
mod syntax;
pub mod yaml;

use std::path::{Path, PathBuf};

use crate::Error;
use crate::common_texts::Library;
use crate::diag::FileReport;

pub use changes::ChangeRow;
pub use document::{Block, Document, Entry, Record, Role, Tick, Value};
pub use pair::{BASIC_CHANGES_FILE, BASIC_FILE};
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
    /// The 基礎項目評価書 published with this 重点項目評価書 (`kiso.yaml` and
    /// `kiso-changes.yaml`), its shared facts filled in from this document.
    pub basic: Option<Box<Assessment>>,
}

impl Assessment {
    /// Every report: this document's, then the 基礎項目評価書's beside it.
    pub fn reports(&self) -> Box<dyn Iterator<Item = &FileReport> + '_> {
        let own = std::iter::once(&self.document_report).chain(self.changes_report.as_ref());
        match &self.basic {
            Some(basic) => Box::new(own.chain(basic.reports())),
            None => Box::new(own),
        }
    }

    /// The documents of the assessment that could be read, main document first, each with its
    /// recorded change-table rows.
    pub fn documents(&self) -> Vec<(&Document, &[ChangeRow])> {
        let mut out: Vec<(&Document, &[ChangeRow])> = Vec::new();
        if let Some(document) = &self.document {
            out.push((document, &self.changes));
        }
        if let Some(basic) = &self.basic
            && let Some(document) = &basic.document
        {
            out.push((document, &basic.changes));
        }
        out
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
    read_document(file, bytes, limits, Role::Main)
}

/// Parses document text in its role (a main document, or a `kiso.yaml`).
pub fn read_document(
    file: PathBuf,
    bytes: &[u8],
    limits: &Limits,
    role: Role,
) -> (FileReport, Option<Document>) {
    read_document_with(file, bytes, limits, role, None)
}

/// Parses document text in its role, reading the office's common texts in place of references
/// to them.
pub fn read_document_with(
    file: PathBuf,
    bytes: &[u8],
    limits: &Limits,
    role: Role,
    texts: Option<&Library>,
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
                .and_then(|root| document::read_with(&root, role, texts, &mut report.diagnostics))
        }
    };
    (report, document)
}

/// Loads an assessment folder, or a single document file (with `changes.yaml` beside it when
/// the file is an `assessment.yaml`), with the 基礎項目評価書 beside a 重点項目評価書. A
/// `kiso.yaml` given alone loads the folder it belongs to. References to the office's common
/// texts are read from the nearest `common-texts/` above the document.
pub fn load(path: &Path, limits: &Limits) -> Result<Assessment, Error> {
    let texts = Library::for_document(&document_file_of(path), limits)?;
    load_by(path, limits, texts.as_ref(), &read)
}

/// [`load`] with the given common texts (another version of the office's library, say).
pub fn load_with(
    path: &Path,
    limits: &Limits,
    texts: Option<&Library>,
) -> Result<Assessment, Error> {
    load_by(path, limits, texts, &read)
}

/// Loads as [`load`] does, with the bytes of the file `replaced.0` taken from `replaced.1`
/// instead of the disk: the editor's check of a value that is not saved yet.
pub fn load_replacing(
    path: &Path,
    limits: &Limits,
    replaced: (&Path, &[u8]),
) -> Result<Assessment, Error> {
    let texts = Library::for_document(&document_file_of(path), limits)?;
    load_by(path, limits, texts.as_ref(), &|file: &Path| {
        if file == replaced.0 {
            Ok(replaced.1.to_vec())
        } else {
            read(file)
        }
    })
}

/// The main document's file of a folder or file given to [`load`].
fn document_file_of(path: &Path) -> PathBuf {
    if path.is_dir() {
        path.join(DOCUMENT_FILE)
    } else {
        path.to_path_buf()
    }
}

fn load_by(
    path: &Path,
    limits: &Limits,
    texts: Option<&Library>,
    read: &dyn Fn(&Path) -> Result<Vec<u8>, Error>,
) -> Result<Assessment, Error> {
    if path.file_name().is_some_and(|n| n == BASIC_FILE) {
        let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
        return load_by(folder.unwrap_or(Path::new(".")), limits, texts, read);
    }
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
    let basic_path = pair::basic_file_of(&document_path);
    let (document_report, document) =
        read_document_with(document_path, &bytes, limits, Role::Main, texts);
    let mut assessment = Assessment {
        folder: folder.clone(),
        document,
        changes: Vec::new(),
        changes_record: None,
        document_report,
        changes_report: None,
        basic: None,
    };
    if let Some(folder) = &folder {
        read_changes(&mut assessment, folder.join(CHANGES_FILE), limits, read)?;
    }
    if basic_path.is_file() {
        let bytes = read(&basic_path)?;
        let mut basic = companion(&assessment, basic_path, &bytes, limits, texts);
        if let Some(folder) = &folder {
            read_changes(&mut basic, folder.join(BASIC_CHANGES_FILE), limits, read)?;
        }
        assessment.basic = Some(Box::new(basic));
    }
    Ok(assessment)
}

/// Reads a change table into `assessment` when the file exists.
fn read_changes(
    assessment: &mut Assessment,
    path: PathBuf,
    limits: &Limits,
    read: &dyn Fn(&Path) -> Result<Vec<u8>, Error>,
) -> Result<(), Error> {
    if path.is_file() {
        let bytes = read(&path)?;
        let (report, record, rows) = changes::from_bytes(path, &bytes, limits);
        assessment.changes = rows;
        assessment.changes_record = Some(record);
        assessment.changes_report = Some(report);
    }
    Ok(())
}

/// Reads the 基礎項目評価書 beside `main` and fills in the facts it shares with it. Beside a
/// document that is not a 重点項目評価書 it is not read: E0608 says why.
fn companion(
    main: &Assessment,
    file: PathBuf,
    bytes: &[u8],
    limits: &Limits,
    texts: Option<&Library>,
) -> Assessment {
    let key = main.document.as_ref();
    let (mut report, mut document) = match key.map(|d| d.edition.form) {
        Some(crate::form::Form::Key) | None => {
            read_document_with(file, bytes, limits, Role::Companion, texts)
        }
        Some(_) => {
            let mut report = FileReport {
                file,
                source: String::from_utf8_lossy(bytes).into_owned(),
                diagnostics: Vec::new(),
            };
            let edition = key.map_or("", |d| d.edition.id);
            report.diagnostics.push(
                crate::diag::Diagnostic::new(&crate::diag::codes::BASIC_WITHOUT_KEY, None)
                    .arg("value", edition),
            );
            (report, None)
        }
    };
    if let (Some(key), Some(basic)) = (key, document.as_mut()) {
        pair::assemble(key, basic);
    }
    report.sort();
    Assessment {
        folder: None,
        document,
        changes: Vec::new(),
        changes_record: None,
        document_report: report,
        changes_report: None,
        basic: None,
    }
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
    // The common texts as they were at that revision.
    let texts = crate::common_texts::source::git_files_near(rev, &name)?.map(|(folder, files)| {
        Library::from_files(format!("{rev}:{folder}").into(), files, limits)
    });
    let (document_report, document) = read_document_with(
        PathBuf::from(format!("{rev}:{name}")),
        &output.stdout,
        limits,
        Role::Main,
        texts.as_ref(),
    );
    let mut assessment = Assessment {
        folder: None,
        document,
        changes: Vec::new(),
        changes_record: None,
        document_report,
        changes_report: None,
        basic: None,
    };
    let basic_name = pair::basic_file_of(Path::new(&name))
        .to_string_lossy()
        .replace('\\', "/");
    let basic = show(&basic_name)?;
    if basic.status.success() {
        let file = PathBuf::from(format!("{rev}:{basic_name}"));
        let basic = companion(&assessment, file, &basic.stdout, limits, texts.as_ref());
        assessment.basic = Some(Box::new(basic));
    }
    Ok(assessment)
}

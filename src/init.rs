//! Starting a new assessment folder: `assessment.yaml` (the form's skeleton, or a copy of an
//! existing assessment) and an empty `changes.yaml`, each written atomically; for a
//! 重点項目評価書, its 基礎項目評価書 beside it (`kiso.yaml`, `kiso-changes.yaml`), which
//! [`add_basic`] also adds to an existing 重点項目評価書's folder.
//!
//! The document's first line names the JSON Schema for the YAML language server. When the
//! project (the current folder or the nearest one above it holding
//! `schema/assessment.schema.json`) contains the new folder, the line points at that schema by
//! a relative path, so every assessment shares the copy kept in step with hyoka; otherwise the
//! schema is written beside the new file, so that editors complete keys and choices wherever
//! the folder lives (`hyoka schema` refreshes it).

use std::path::{Component, Path, PathBuf};

use crate::Error;
use crate::diag::Lang;
use crate::form::{self, Form};
use crate::load::{BASIC_CHANGES_FILE, BASIC_FILE, CHANGES_FILE, DOCUMENT_FILE};
use crate::output::write_atomic;
use crate::skeleton;

/// Where the JSON Schema lives in a project, relative to its root.
pub const PROJECT_SCHEMA: &str = "schema/assessment.schema.json";
/// The name of a schema written beside a new assessment.
pub const BESIDE_SCHEMA: &str = "assessment.schema.json";
/// Where the schema of `kiso.yaml` lives in a project.
pub const PROJECT_KISO_SCHEMA: &str = "schema/kiso.schema.json";
/// The name of that schema written beside a new assessment.
pub const BESIDE_KISO_SCHEMA: &str = "kiso.schema.json";

/// Which documents a new assessment publishes (the しきい値判断 decides, `hyoka threshold`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Documents {
    /// A 基礎項目評価書 alone (様式２ in `assessment.yaml`).
    Basic,
    /// A 重点項目評価書 (様式３ in `assessment.yaml`) with its 基礎項目評価書 (`kiso.yaml`).
    KeyWithBasic,
}

/// What the new documents start from.
#[derive(Debug, Clone, Copy)]
pub enum Start<'a> {
    /// Every item of the forms, empty, with comments.
    Skeleton(Documents),
    /// A copy of an existing assessment (a folder or its `assessment.yaml`); only its documents
    /// (`assessment.yaml`, and `kiso.yaml` when it has one) are copied, not its `versions/` or
    /// change tables.
    From(&'a Path),
}

/// Where the new document finds its schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SchemaRef {
    /// The project's `schema/assessment.schema.json`, by this relative path.
    Project(String),
    /// A copy written beside the new document.
    Beside,
}

/// What [`create`] made.
#[derive(Debug)]
pub struct Created {
    /// The new assessment folder.
    pub folder: PathBuf,
    /// The files written in it, in the order written.
    pub files: Vec<PathBuf>,
    /// Where the document's schema line points.
    pub schema: SchemaRef,
}

/// Why a name is not a plain folder (or file) name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameProblem {
    /// Nothing given.
    Empty,
    /// A path separator (`/`, `\`) or a drive colon: the name would reach another folder.
    Separator,
    /// A leading dot: hidden, or `.`/`..`.
    LeadingDot,
    /// A control character.
    Control,
}

/// Checks that `name` names one folder or file inside its parent, and nothing hidden.
pub fn check_name(name: &str) -> Result<(), NameProblem> {
    if name.trim().is_empty() {
        Err(NameProblem::Empty)
    } else if name.contains(['/', '\\', ':']) || name.chars().any(std::path::is_separator) {
        Err(NameProblem::Separator)
    } else if name.starts_with('.') {
        Err(NameProblem::LeadingDot)
    } else if name.chars().any(char::is_control) {
        Err(NameProblem::Control)
    } else {
        Ok(())
    }
}

/// Creates `root/name/` with `assessment.yaml` and `changes.yaml` (and the schema when the
/// project has none). Refuses an improper name and an existing folder; `cwd` is where the
/// project's schema is looked for. On failure, nothing it wrote is left behind.
pub fn create(
    root: &Path,
    name: &str,
    start: Start,
    cwd: &Path,
    lang: Lang,
) -> Result<Created, Error> {
    check_name(name).map_err(|problem| Error::Name {
        name: name.to_string(),
        problem,
    })?;
    // Read the source before creating anything, so a wrong --from leaves no folder behind.
    let copied = match start {
        Start::From(path) => Some(read_source(path)?),
        Start::Skeleton(_) => None,
    };
    let folder = root.join(name);
    let write_error = |source| Error::Write {
        path: folder.clone(),
        source,
    };
    std::fs::create_dir_all(root).map_err(write_error)?;
    match std::fs::create_dir(&folder) {
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(Error::Exists { path: folder });
        }
        other => other.map_err(write_error)?,
    }
    let mut files = Vec::new();
    let result = fill(&folder, start, copied, cwd, lang, &mut files);
    match result {
        Ok(schema) => Ok(Created {
            folder,
            files,
            schema,
        }),
        Err(e) => {
            for file in &files {
                let _ = std::fs::remove_file(file);
            }
            let _ = std::fs::remove_dir(&folder);
            Err(e)
        }
    }
}

/// The documents read for `--from`: the main document, and its `kiso.yaml` when it has one.
struct Copied {
    main: Vec<u8>,
    basic: Option<Vec<u8>>,
}

/// Writes the files of a new, empty folder; `files` lists what has been written so far.
fn fill(
    folder: &Path,
    start: Start,
    copied: Option<Copied>,
    cwd: &Path,
    lang: Lang,
    files: &mut Vec<PathBuf>,
) -> Result<SchemaRef, Error> {
    let mut write = |name: &str, bytes: &[u8]| {
        let path = folder.join(name);
        write_atomic(&path, bytes)?;
        files.push(path);
        Ok::<_, Error>(())
    };
    // The office's common texts, offered in the skeleton and the schema.
    let limits = crate::load::Limits::default();
    let office = crate::common_texts::office::Office::find(folder, &limits)?;
    let offer = match &office {
        Some(office) => Some(crate::common_texts::offer::Offer::of(office, &limits)?),
        None => None,
    };
    let texts = office.as_ref().map(|o| &o.library);
    let schema = schema_ref(
        folder,
        cwd,
        PROJECT_SCHEMA,
        BESIDE_SCHEMA,
        texts,
        &mut write,
    )?;
    let location = schema.location(BESIDE_SCHEMA);
    // A document that is not UTF-8 is copied as it is; validate will say what is wrong.
    let with_line = |bytes: Vec<u8>, location: &str| match String::from_utf8(bytes) {
        Ok(text) => skeleton::with_schema_line(&text, location).into_bytes(),
        Err(e) => e.into_bytes(),
    };
    let (main, basic) = match (start, copied) {
        (_, Some(copied)) => {
            let main = with_line(copied.main, &location);
            let edition = form_of(&main);
            (Some((main, edition)), copied.basic.map(Some))
        }
        (Start::Skeleton(documents), None) => {
            let (main_form, with_basic) = match documents {
                Documents::Basic => (Form::Basic, false),
                Documents::KeyWithBasic => (Form::Key, true),
            };
            let edition = form::newest(main_form).unwrap_or(form::EDITIONS[0]);
            let main = skeleton::assessment_offering(edition, &location, offer.as_ref(), lang)
                .into_bytes();
            (Some((main, Some(edition))), with_basic.then_some(None))
        }
        (Start::From(_), None) => (None, None),
    };
    if let Some((bytes, edition)) = main {
        write(DOCUMENT_FILE, &bytes)?;
        let edition = edition.unwrap_or(form::EDITIONS[0]);
        write(CHANGES_FILE, skeleton::changes(edition, lang).as_bytes())?;
    }
    // `Some(None)`: the companion skeleton; `Some(Some(bytes))`: a copy.
    if let Some(copied) = basic {
        write_basic(folder, copied, cwd, lang, offer.as_ref(), &mut write)?;
    }
    Ok(schema)
}

/// The edition a copied document names, for its empty change table's comments.
fn form_of(bytes: &[u8]) -> Option<&'static form::Edition> {
    let text = std::str::from_utf8(bytes).ok()?;
    let parsed = crate::load::yaml::parse(text, &crate::load::Limits::default());
    let root = parsed.root?;
    crate::load::document::read(&root, &mut Vec::new()).map(|d| d.edition)
}

/// Writes `kiso.yaml` (a copy, or the companion skeleton) and an empty `kiso-changes.yaml`.
fn write_basic(
    folder: &Path,
    copied: Option<Vec<u8>>,
    cwd: &Path,
    lang: Lang,
    offer: Option<&crate::common_texts::offer::Offer>,
    write: &mut impl FnMut(&str, &[u8]) -> Result<(), Error>,
) -> Result<(), Error> {
    let office = crate::common_texts::office::Office::find(folder, &Default::default())?;
    let texts = office.as_ref().map(|o| &o.library);
    let schema = schema_ref(
        folder,
        cwd,
        PROJECT_KISO_SCHEMA,
        BESIDE_KISO_SCHEMA,
        texts,
        write,
    )?;
    let location = schema.location(BESIDE_KISO_SCHEMA);
    let edition = form::newest(Form::Basic).unwrap_or(form::EDITIONS[0]);
    let bytes = match copied {
        Some(bytes) => match String::from_utf8(bytes) {
            Ok(text) => skeleton::with_schema_line(&text, &location).into_bytes(),
            Err(e) => e.into_bytes(),
        },
        None => skeleton::companion_offering(
            edition,
            &location,
            &crate::validate::pair::companion_answers(),
            offer,
            lang,
        )
        .into_bytes(),
    };
    write(BASIC_FILE, &bytes)?;
    write(
        BASIC_CHANGES_FILE,
        skeleton::changes(edition, lang).as_bytes(),
    )
}

/// Where a new file finds its schema: the project's copy at `project` (relative to the
/// project root), or a copy written beside it as `beside`.
fn schema_ref(
    folder: &Path,
    cwd: &Path,
    project: &str,
    beside: &str,
    texts: Option<&crate::common_texts::Library>,
    write: &mut impl FnMut(&str, &[u8]) -> Result<(), Error>,
) -> Result<SchemaRef, Error> {
    let found = cwd
        .ancestors()
        .map(|dir| dir.join(project))
        .find(|path| path.is_file())
        .and_then(|s| relative_to(folder, &s));
    Ok(match found {
        Some(path) => SchemaRef::Project(path),
        None => {
            let text = if beside == BESIDE_KISO_SCHEMA {
                crate::schema::kiso_schema_text(texts)
            } else {
                crate::schema::schema_text(texts)
            };
            write(beside, text.as_bytes())?;
            SchemaRef::Beside
        }
    })
}

impl SchemaRef {
    /// The schema line's location for a schema named `beside` when written beside.
    fn location(&self, beside: &str) -> String {
        match self {
            SchemaRef::Project(path) => path.clone(),
            SchemaRef::Beside => beside.to_string(),
        }
    }
}

/// The documents to copy: a folder's `assessment.yaml` (and its `kiso.yaml`), or the file.
fn read_source(path: &Path) -> Result<Copied, Error> {
    let file = if path.is_dir() {
        path.join(DOCUMENT_FILE)
    } else {
        path.to_path_buf()
    };
    let read = |file: &Path| {
        std::fs::read(file).map_err(|source| Error::Read {
            path: file.to_path_buf(),
            source,
        })
    };
    let basic = crate::load::pair::basic_file_of(&file);
    Ok(Copied {
        main: read(&file)?,
        basic: if basic.is_file() {
            Some(read(&basic)?)
        } else {
            None
        },
    })
}

/// Adds a 基礎項目評価書 (`kiso.yaml`, `kiso-changes.yaml`) to the folder of an existing
/// 重点項目評価書. Refuses a folder whose `assessment.yaml` is not a 重点項目評価書 and never
/// overwrites a file; returns the files written.
pub fn add_basic(folder: &Path, cwd: &Path, lang: Lang) -> Result<Vec<PathBuf>, Error> {
    let main = folder.join(DOCUMENT_FILE);
    let bytes = std::fs::read(&main).map_err(|source| Error::Read {
        path: main.clone(),
        source,
    })?;
    if form_of(&bytes).map(|e| e.form) != Some(Form::Key) {
        return Err(Error::NotAnAssessment { path: main });
    }
    for name in [BASIC_FILE, BASIC_CHANGES_FILE] {
        let path = folder.join(name);
        if path.symlink_metadata().is_ok() {
            return Err(Error::Exists { path });
        }
    }
    let mut files = Vec::new();
    let mut write = |name: &str, bytes: &[u8]| {
        let path = folder.join(name);
        write_atomic(&path, bytes)?;
        files.push(path);
        Ok::<_, Error>(())
    };
    let limits = crate::load::Limits::default();
    let offer = match crate::common_texts::office::Office::find(folder, &limits)? {
        Some(office) => Some(crate::common_texts::offer::Offer::of(&office, &limits)?),
        None => None,
    };
    let result = write_basic(folder, None, cwd, lang, offer.as_ref(), &mut write);
    if let Err(e) = result {
        for file in &files {
            let _ = std::fs::remove_file(file);
        }
        return Err(e);
    }
    Ok(files)
}

/// The project's schema: `schema/assessment.schema.json` in `cwd` or the nearest folder above.
pub fn project_schema(cwd: &Path) -> Option<PathBuf> {
    cwd.ancestors()
        .map(|dir| dir.join(PROJECT_SCHEMA))
        .find(|path| path.is_file())
}

/// The project's schema as seen from the new folder, with `/` separators, as the schema line
/// needs it (`../../schema/assessment.schema.json`); `None` when the folder lies outside the
/// project (`--root` elsewhere), where a path climbing out of it would break when either moves.
fn relative_to(folder: &Path, schema: &Path) -> Option<String> {
    let folder = std::fs::canonicalize(folder).ok()?;
    let schema = std::fs::canonicalize(schema).ok()?;
    let project = schema.parent()?.parent()?;
    if !folder.starts_with(project) {
        return None;
    }
    relative(&folder, &schema)
}

/// [`relative_to`] on paths already resolved.
fn relative(from: &Path, target: &Path) -> Option<String> {
    let a: Vec<Component> = from.components().collect();
    let b: Vec<Component> = target.components().collect();
    if a.first() != b.first() {
        return None;
    }
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut parts: Vec<String> = vec!["..".to_string(); a.len() - common];
    parts.extend(
        b[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().to_string()),
    );
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_must_be_plain_folder_names() {
        assert_eq!(check_name("kokuho-2025"), Ok(()));
        assert_eq!(check_name("予防接種"), Ok(()));
        assert_eq!(check_name(""), Err(NameProblem::Empty));
        assert_eq!(check_name(" "), Err(NameProblem::Empty));
        assert_eq!(check_name("a/b"), Err(NameProblem::Separator));
        assert_eq!(check_name("a\\b"), Err(NameProblem::Separator));
        assert_eq!(check_name("c:x"), Err(NameProblem::Separator));
        assert_eq!(check_name(".."), Err(NameProblem::LeadingDot));
        assert_eq!(check_name(".hidden"), Err(NameProblem::LeadingDot));
        assert_eq!(check_name("a\nb"), Err(NameProblem::Control));
    }

    #[test]
    fn relative_paths_climb_to_the_common_folder() {
        let rel = |a: &str, b: &str| relative(Path::new(a), Path::new(b));
        assert_eq!(
            rel("/p/assessments/x", "/p/schema/assessment.schema.json").as_deref(),
            Some("../../schema/assessment.schema.json")
        );
        assert_eq!(rel("/p/x", "/p/x/s.json").as_deref(), Some("s.json"));
        assert_eq!(rel("/a/b/c", "/d").as_deref(), Some("../../../d"));
    }
}

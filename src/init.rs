//! Starting a new assessment folder: `assessment.yaml` (the form's skeleton, or a copy of an
//! existing assessment) and an empty `changes.yaml`, each written atomically.
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
use crate::form::Edition;
use crate::load::{CHANGES_FILE, DOCUMENT_FILE};
use crate::output::write_atomic;
use crate::skeleton;

/// Where the JSON Schema lives in a project, relative to its root.
pub const PROJECT_SCHEMA: &str = "schema/assessment.schema.json";
/// The name of a schema written beside a new assessment.
pub const BESIDE_SCHEMA: &str = "assessment.schema.json";

/// What the new `assessment.yaml` starts from.
#[derive(Debug, Clone, Copy)]
pub enum Start<'a> {
    /// Every item of the edition, empty, with comments.
    Skeleton(&'static Edition),
    /// A copy of an existing assessment (a folder or its `assessment.yaml`); only the document
    /// is copied, not its `versions/` or `changes.yaml`.
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

/// Writes the files of a new, empty folder; `files` lists what has been written so far.
fn fill(
    folder: &Path,
    start: Start,
    copied: Option<Vec<u8>>,
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
    let schema = match project_schema(cwd).and_then(|s| relative_to(folder, &s)) {
        Some(path) => SchemaRef::Project(path),
        None => {
            let text = crate::schema::schema_text();
            write(BESIDE_SCHEMA, text.as_bytes())?;
            SchemaRef::Beside
        }
    };
    let location = match &schema {
        SchemaRef::Project(path) => path.as_str(),
        SchemaRef::Beside => BESIDE_SCHEMA,
    };
    let edition = match start {
        Start::Skeleton(edition) => edition,
        Start::From(_) => crate::form::EDITIONS[0],
    };
    let document = match copied {
        // A document that is not UTF-8 is copied as it is; validate will say what is wrong.
        Some(bytes) => match String::from_utf8(bytes) {
            Ok(text) => skeleton::with_schema_line(&text, location).into_bytes(),
            Err(e) => e.into_bytes(),
        },
        None => skeleton::assessment(edition, location, lang).into_bytes(),
    };
    write(DOCUMENT_FILE, &document)?;
    write(CHANGES_FILE, skeleton::changes(edition, lang).as_bytes())?;
    Ok(schema)
}

/// The bytes of the document to copy: a folder's `assessment.yaml`, or the file itself.
fn read_source(path: &Path) -> Result<Vec<u8>, Error> {
    let file = if path.is_dir() {
        path.join(DOCUMENT_FILE)
    } else {
        path.to_path_buf()
    };
    std::fs::read(&file).map_err(|source| Error::Read { path: file, source })
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

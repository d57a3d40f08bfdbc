//! An office: the folder of assessment folders that holds a library, the documents that use
//! it, and what is said about the library as a whole (its files' problems, entries used by no
//! document).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::{FOLDER, KEY, Library, source};
use crate::Error;
use crate::diag::{Diagnostic, FileReport, codes};
use crate::load::yaml::{self, Limits, Node, NodeValue};
use crate::load::{BASIC_FILE, DOCUMENT_FILE};

/// An office's library and the folder of its assessments.
#[derive(Debug, Clone)]
pub struct Office {
    /// The folder holding the assessment folders and `common-texts/`.
    pub root: PathBuf,
    /// The library as it is now.
    pub library: Library,
}

impl Office {
    /// The office whose library is the nearest `common-texts/` at or above `dir`.
    pub fn find(dir: &Path, limits: &Limits) -> Result<Option<Office>, Error> {
        match source::find_folder(dir) {
            Some(folder) => Office::of_library(&folder, limits).map(Some),
            None => Ok(None),
        }
    }

    /// The office of the library folder `folder`.
    pub fn of_library(folder: &Path, limits: &Limits) -> Result<Office, Error> {
        let root = folder
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .to_path_buf();
        Ok(Office {
            root,
            library: Library::read(folder, limits)?,
        })
    }

    /// The library's folder.
    pub fn folder(&self) -> PathBuf {
        self.root.join(FOLDER)
    }

    /// The assessment folders that use this library (those below the office whose nearest
    /// library is this one), sorted.
    pub fn assessments(&self) -> Result<Vec<PathBuf>, Error> {
        let own = self.folder().canonicalize().ok();
        Ok(crate::build::find_assessments(&self.root)?
            .into_iter()
            .filter(|folder| source::find_folder(folder).and_then(|f| f.canonicalize().ok()) == own)
            .collect())
    }

    /// The document files of the office's assessments (`assessment.yaml`, and `kiso.yaml`
    /// where there is one), in order.
    pub fn documents(&self) -> Result<Vec<PathBuf>, Error> {
        let mut out = Vec::new();
        for folder in self.assessments()? {
            out.push(folder.join(DOCUMENT_FILE));
            let basic = folder.join(BASIC_FILE);
            if basic.is_file() {
                out.push(basic);
            }
        }
        Ok(out)
    }

    /// For each entry name used, the documents that use it (directly, or through a block entry
    /// that uses it), read from the files' YAML without validating them.
    pub fn uses(&self, limits: &Limits) -> Result<BTreeMap<String, Vec<PathBuf>>, Error> {
        let mut out: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
        for document in self.documents()? {
            let bytes = std::fs::read(&document).map_err(|source| Error::Read {
                path: document.clone(),
                source,
            })?;
            let Ok(text) = yaml::decode(&bytes, limits) else {
                continue;
            };
            let Some(root) = yaml::parse(&text, limits).root else {
                continue;
            };
            let mut names = BTreeSet::new();
            referenced(&root, &mut names);
            for name in with_nested(&self.library, names) {
                out.entry(name).or_default().push(document.clone());
            }
        }
        Ok(out)
    }

    /// What is said about the library: each file's problems, and W0808 at each entry no
    /// document uses.
    pub fn report(&self, limits: &Limits) -> Result<Vec<FileReport>, Error> {
        let uses = self.uses(limits)?;
        let mut reports = self.library.files.clone();
        for entry in self.library.entries() {
            if !uses.contains_key(&entry.name) {
                reports[entry.file].diagnostics.push(
                    Diagnostic::new(&codes::UNUSED_COMMON_TEXT, Some(entry.key_span))
                        .arg("name", &entry.name),
                );
            }
        }
        for report in &mut reports {
            report.sort();
        }
        Ok(reports)
    }
}

/// The names of the entries referenced anywhere in a YAML tree.
pub fn referenced(node: &Node, names: &mut BTreeSet<String>) {
    match &node.value {
        NodeValue::Map(pairs) => {
            for (key, value) in pairs {
                if key.scalar() == Some(KEY) {
                    if let Some(name) = value.scalar().filter(|_| !value.is_null()) {
                        names.insert(name.to_string());
                    }
                } else {
                    referenced(value, names);
                }
            }
        }
        NodeValue::Seq(items) => items.iter().for_each(|i| referenced(i, names)),
        NodeValue::Scalar { .. } => {}
    }
}

/// `names` with the entries the named block entries use in turn.
pub fn with_nested(library: &Library, mut names: BTreeSet<String>) -> BTreeSet<String> {
    let mut todo: Vec<String> = names.iter().cloned().collect();
    while let Some(name) = todo.pop() {
        if let Some(entry) = library.get(&name) {
            let mut inner = BTreeSet::new();
            referenced(entry.body.node(), &mut inner);
            for name in inner {
                if names.insert(name.clone()) {
                    todo.push(name);
                }
            }
        }
    }
    names
}

/// The reports of the libraries the assessments at `paths` use, each library once, in the
/// order first met: what `validate` and `build` print after the assessments' own.
pub fn reports_for(paths: &[PathBuf], limits: &Limits) -> Result<Vec<FileReport>, Error> {
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for path in paths {
        let dir = if path.is_dir() {
            path.as_path()
        } else {
            source::folder_of_document(path)
        };
        let Some(folder) = source::find_folder(dir) else {
            continue;
        };
        let key = folder.canonicalize().unwrap_or_else(|_| folder.clone());
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        out.extend(Office::of_library(&folder, limits)?.report(limits)?);
    }
    Ok(out)
}

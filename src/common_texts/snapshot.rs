//! Keeping versions of common texts: a snapshot of the whole library
//! (`common-texts/versions/NAME/`, for `hyoka texts changes NAME`), and, with each kept version
//! of an assessment, the entries that version used (`versions/common-texts/NAME.yaml`), so the
//! version reads later as it read when it was kept, whatever the library says by then.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::{Library, office, source};
use crate::Error;
use crate::init::check_name;
use crate::load::Limits;

/// The folder of a library's snapshots, inside the library's folder.
pub const SNAPSHOTS: &str = "versions";

/// Copies every file of the library in `folder` into `folder/versions/NAME/` and returns that
/// folder. `name` must be a plain name not taken yet; without it, the first free name of
/// `today`, `today-2` … is used. Nothing is left behind on failure.
pub fn save_library(folder: &Path, name: Option<&str>, today: &str) -> Result<PathBuf, Error> {
    let files = source::folder_files(folder)?;
    let versions = folder.join(SNAPSHOTS);
    let target = match name {
        Some(name) => {
            check_name(name).map_err(|problem| Error::Name {
                name: name.to_string(),
                problem,
            })?;
            let target = versions.join(name);
            if target.symlink_metadata().is_ok() {
                return Err(Error::Exists { path: target });
            }
            target
        }
        None => std::iter::once(today.to_string())
            .chain((2..).map(|n| format!("{today}-{n}")))
            .map(|n| versions.join(n))
            .find(|p| p.symlink_metadata().is_err())
            .unwrap_or_else(|| versions.join(today)),
    };
    let writes: Vec<(PathBuf, Vec<u8>)> = files
        .into_iter()
        .filter_map(|(path, bytes)| Some((target.join(path.file_name()?), bytes)))
        .collect();
    if let Err(e) = super::commit::write_all(&writes) {
        let _ = std::fs::remove_dir(&target);
        return Err(e);
    }
    Ok(target)
}

/// The text of the entries named `names` (and those they use), each as written in its library
/// file, for a version to keep: it reads back as those entries.
pub fn kept_entries(library: &Library, names: &BTreeSet<String>) -> String {
    let names = office::with_nested(library, names.clone());
    let mut out = String::from(
        "# 版を保存したときの共通テキスト（hyoka snapshot が保存。編集しないでください）\n",
    );
    for name in &names {
        if let Some(entry) = library.get(name) {
            out.push_str(&library.entry_source(entry));
            if !out.ends_with('\n') {
                out.push('\n');
            }
        }
    }
    out
}

/// Beside a version just kept as `version` (`versions/NAME.yaml`), keeps the entries its
/// documents use, when they use any; returns the file written.
pub fn keep_with_version(
    version: &Path,
    names: &BTreeSet<String>,
    limits: &Limits,
) -> Result<Option<PathBuf>, Error> {
    if names.is_empty() {
        return Ok(None);
    }
    let Some(kept) = source::kept_texts_of(version) else {
        return Ok(None);
    };
    let Some(folder) = source::find_folder(source::folder_of_document(version)) else {
        return Ok(None);
    };
    let library = Library::read(&folder, limits)?;
    crate::output::write_atomic(&kept, kept_entries(&library, names).as_bytes())?;
    Ok(Some(kept))
}

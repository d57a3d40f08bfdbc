//! Keeping a version of an assessment: `versions/<name>.yaml`, a byte-for-byte copy of its
//! `assessment.yaml` (and `versions/<name>.kiso.yaml` of the 基礎項目評価書 beside a
//! 重点項目評価書), for `hyoka diff versions/<name>.yaml PATH` and
//! `hyoka render PATH --redline versions/<name>.yaml` to compare against later.
//!
//! The default name is today's date (`2026-11-28`), then `2026-11-28-2`, `-3` … when a
//! version of that day exists; a version is never overwritten.

use std::path::{Path, PathBuf};

use crate::Error;
use crate::init::check_name;
use crate::load::date::JpDate;
use crate::load::pair::basic_file_of;
use crate::load::{BASIC_FILE, DOCUMENT_FILE};
use crate::output::write_atomic;

/// The folder of kept versions inside an assessment folder.
pub const VERSIONS_DIR: &str = "versions";

/// The assessment folder of a path: the folder itself, or the folder of its `assessment.yaml`.
pub fn folder_of(path: &Path) -> Result<PathBuf, Error> {
    if path.is_dir() {
        return Ok(path.to_path_buf());
    }
    match path.file_name() {
        Some(name) if name == DOCUMENT_FILE => Ok(path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .to_path_buf()),
        _ if !path.exists() => Err(Error::Read {
            path: path.to_path_buf(),
            source: std::io::ErrorKind::NotFound.into(),
        }),
        _ => Err(Error::NotAnAssessment {
            path: path.to_path_buf(),
        }),
    }
}

/// Copies the assessment's `assessment.yaml` to `versions/<name>.yaml` (and its `kiso.yaml`
/// to `versions/<name>.kiso.yaml`) and returns the paths written. `name` (with or without
/// `.yaml`) must be a plain name and not taken yet; without it, the first free name of
/// `today`, `today-2`, `today-3` … is used. Either both files are kept, or neither.
pub fn save(path: &Path, name: Option<&str>, today: &str) -> Result<Vec<PathBuf>, Error> {
    let folder = folder_of(path)?;
    let read = |source: PathBuf| {
        std::fs::read(&source).map_err(|e| Error::Read {
            path: source.clone(),
            source: e,
        })
    };
    let document = read(folder.join(DOCUMENT_FILE))?;
    let basic_source = folder.join(BASIC_FILE);
    let basic = if basic_source.is_file() {
        Some(read(basic_source)?)
    } else {
        None
    };
    let versions = folder.join(VERSIONS_DIR);
    let target = match name {
        Some(name) => {
            let stem = name.strip_suffix(".yaml").unwrap_or(name);
            check_name(stem).map_err(|problem| Error::Name {
                name: name.to_string(),
                problem,
            })?;
            let target = versions.join(format!("{stem}.yaml"));
            for path in [target.clone(), basic_file_of(&target)] {
                if path.symlink_metadata().is_ok() {
                    return Err(Error::Exists { path });
                }
            }
            target
        }
        None => free_name(&versions, today),
    };
    write_atomic(&target, &document)?;
    let mut written = vec![target.clone()];
    if let Some(basic) = &basic {
        let basic_target = basic_file_of(&target);
        if let Err(e) = write_atomic(&basic_target, basic) {
            let _ = std::fs::remove_file(&target);
            return Err(e);
        }
        written.push(basic_target);
    }
    // The common texts the version uses, as they are today, kept beside it.
    let mut names = std::collections::BTreeSet::new();
    for bytes in std::iter::once(&document).chain(basic.as_ref()) {
        let text = String::from_utf8_lossy(bytes);
        if let Some(root) = crate::load::yaml::parse(&text, &Default::default()).root {
            crate::common_texts::office::referenced(&root, &mut names);
        }
    }
    match crate::common_texts::snapshot::keep_with_version(&target, &names, &Default::default()) {
        Ok(kept) => written.extend(kept),
        Err(e) => {
            for file in &written {
                let _ = std::fs::remove_file(file);
            }
            return Err(e);
        }
    }
    Ok(written)
}

/// The first of `stem.yaml`, `stem-2.yaml`, `stem-3.yaml` … that does not exist in `versions`
/// (nor its `.kiso.yaml`).
fn free_name(versions: &Path, stem: &str) -> PathBuf {
    let taken =
        |p: &Path| p.symlink_metadata().is_ok() || basic_file_of(p).symlink_metadata().is_ok();
    let first = versions.join(format!("{stem}.yaml"));
    if !taken(&first) {
        return first;
    }
    (2..)
        .map(|n| versions.join(format!("{stem}-{n}.yaml")))
        .find(|p| !taken(p))
        .unwrap_or(first)
}

/// Today's date in Japan in ISO form, the default name of a version (a version saved at
/// 08:00 in Japan is named after that day, not the UTC one).
pub fn today() -> String {
    JpDate::today_in_japan().iso()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn today_is_an_iso_date() {
        let today = today();
        assert!(JpDate::parse(&today, false).is_ok(), "{today}");
    }

    #[test]
    fn taken_names_get_a_number() {
        let dir = std::env::temp_dir().join(format!("hyoka-free-name-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        assert_eq!(free_name(&dir, "2026-11-28"), dir.join("2026-11-28.yaml"));
        std::fs::write(dir.join("2026-11-28.yaml"), "").unwrap();
        assert_eq!(free_name(&dir, "2026-11-28"), dir.join("2026-11-28-2.yaml"));
        std::fs::write(dir.join("2026-11-28-2.yaml"), "").unwrap();
        assert_eq!(free_name(&dir, "2026-11-28"), dir.join("2026-11-28-3.yaml"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

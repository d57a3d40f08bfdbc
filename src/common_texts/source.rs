//! Where a library's files come from: its folder, a git revision of it, or the texts a kept
//! version of an assessment used.

use std::path::{Path, PathBuf};

use super::FOLDER;
use crate::Error;
use crate::snapshot::VERSIONS_DIR;

/// A library's files: each file's name (as the user would name it) and bytes.
pub type Files = Vec<(PathBuf, Vec<u8>)>;

/// The folder a document file is in (`.` for a bare file name).
pub fn folder_of_document(document: &Path) -> &Path {
    document
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// The nearest `common-texts/` folder at or above `dir`: first along the path as written (so
/// that files are named as the user named them), then above the current folder. The search
/// stops at the top of a git work tree (a folder holding `.git`), so a project never picks up
/// a library outside itself. The texts kept for versions (`versions/common-texts/`) are not a
/// library.
pub fn find_folder(dir: &Path) -> Option<PathBuf> {
    use std::path::Component;
    let plain = dir
        .components()
        .all(|c| matches!(c, Component::Normal(_)) || dir.is_absolute());
    let candidates: Vec<PathBuf> = if plain {
        // `a/b`, `a`, then the current folder and those above it.
        let mut out: Vec<PathBuf> = dir.ancestors().map(Path::to_path_buf).collect();
        if dir.is_relative()
            && let Ok(cwd) = std::env::current_dir()
        {
            out.extend(cwd.ancestors().skip(1).map(Path::to_path_buf));
        }
        out
    } else {
        let absolute = dir.canonicalize().ok()?;
        absolute.ancestors().map(Path::to_path_buf).collect()
    };
    for candidate_dir in candidates {
        let candidate = candidate_dir.join(FOLDER);
        let kept = candidate_dir.file_name().is_some_and(|n| n == VERSIONS_DIR);
        if !kept && candidate.is_dir() {
            return Some(candidate);
        }
        let top = if candidate_dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            &candidate_dir
        };
        if top.join(".git").exists() {
            return None;
        }
    }
    None
}

/// Whether `path` is a library's folder rather than an assessment (as `assessments/*` names
/// it among the assessment folders).
pub fn is_library_folder(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n == FOLDER)
        && path.is_dir()
        && !path.join(crate::load::DOCUMENT_FILE).exists()
}

/// The `*.yaml` files of a library folder (not hidden, not in sub-folders), sorted by name, with
/// their bytes.
pub fn folder_files(folder: &Path) -> Result<Files, Error> {
    let entries = std::fs::read_dir(folder).map_err(|source| Error::Read {
        path: folder.to_path_buf(),
        source,
    })?;
    let mut paths: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.path())
        .filter(|p| is_library_file(p))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| match std::fs::read(&path) {
            Ok(bytes) => Ok((path, bytes)),
            Err(source) => Err(Error::Read { path, source }),
        })
        .collect()
}

/// The library files a document is read with (the texts kept for a version, or the files of
/// the nearest library), with their bytes: what else a document's output depends on.
pub fn files_for_document(document: &Path) -> Result<Files, Error> {
    if let Some(kept) = kept_texts_of(document).filter(|k| k.is_file()) {
        let bytes = std::fs::read(&kept).map_err(|source| Error::Read {
            path: kept.clone(),
            source,
        })?;
        return Ok(vec![(kept, bytes)]);
    }
    match find_folder(folder_of_document(document)) {
        Some(folder) => folder_files(&folder),
        None => Ok(Vec::new()),
    }
}

/// The files of the nearest library at or above `dir`, for a watcher to look at.
pub fn watched_files(dir: &Path) -> Vec<PathBuf> {
    let Some(folder) = find_folder(dir) else {
        return Vec::new();
    };
    let Ok(entries) = std::fs::read_dir(&folder) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| is_library_file(p))
        .collect();
    files.sort();
    files
}

fn is_library_file(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    name.ends_with(".yaml") && !name.starts_with('.')
}

/// The file that keeps the common texts a kept version used: `versions/common-texts/<name>.yaml`
/// beside `versions/<name>.yaml` (`None` for a document that is not a kept version).
pub fn kept_texts_of(document: &Path) -> Option<PathBuf> {
    let versions = document.parent()?;
    if versions.file_name()? != VERSIONS_DIR {
        return None;
    }
    let name = document.file_name()?.to_string_lossy().to_string();
    let stem = name.strip_suffix(".kiso.yaml").unwrap_or(&name);
    let stem = stem.strip_suffix(".yaml").unwrap_or(stem);
    Some(versions.join(FOLDER).join(format!("{stem}.yaml")))
}

/// Runs `git` with `args` in the current folder and returns its standard output, or `None`
/// when git fails (no such revision or path).
fn git(args: &[&str]) -> Result<Option<Vec<u8>>, Error> {
    let output = std::process::Command::new("git")
        .args(args)
        .output()
        .map_err(|e| Error::Git {
            spec: args.join(" "),
            message: e.to_string(),
        })?;
    Ok(output.status.success().then_some(output.stdout))
}

/// The files of the library folder `folder` (a path as git names it from the current folder,
/// e.g. `assessments/common-texts`) at revision `rev`, or `None` when the revision has no such
/// folder. Each file is named `REV:path`.
pub fn git_files(rev: &str, folder: &str) -> Result<Option<Files>, Error> {
    let folder = folder.trim_end_matches('/');
    // -z: names as they are (git quotes Japanese names otherwise).
    let Some(listing) = git(&[
        "ls-tree",
        "-z",
        "--full-tree",
        "--name-only",
        &format!("{rev}:{folder}"),
    ])?
    else {
        return Ok(None);
    };
    let mut files = Vec::new();
    for name in String::from_utf8_lossy(&listing)
        .split('\0')
        .filter(|n| !n.is_empty())
    {
        let path = format!("{folder}/{name}");
        if !is_library_file(Path::new(&path)) {
            continue;
        }
        let spec = format!("{rev}:{path}");
        match git(&["show", &spec])? {
            Some(bytes) => files.push((PathBuf::from(spec), bytes)),
            None => continue,
        }
    }
    Ok(Some(files))
}

/// How git names the folder `folder` of the work tree: `./path` for a path relative to the
/// current folder, or the path from the top of the work tree for an absolute one.
pub fn git_path(folder: &Path) -> Result<String, Error> {
    let slashed = |p: &Path| p.to_string_lossy().replace('\\', "/");
    if folder.is_relative() {
        return Ok(format!("./{}", slashed(folder)));
    }
    let top = git(&["rev-parse", "--show-toplevel"])?
        .map(|out| PathBuf::from(String::from_utf8_lossy(&out).trim()))
        .and_then(|top| top.canonicalize().ok());
    let absolute = folder
        .canonicalize()
        .unwrap_or_else(|_| folder.to_path_buf());
    Ok(
        match top.and_then(|t| absolute.strip_prefix(t).ok().map(Path::to_path_buf)) {
            Some(inside) => slashed(&inside),
            None => slashed(folder),
        },
    )
}

/// The library at revision `rev` nearest above the document `path` (as given in `REV:PATH`):
/// the first of `dir/common-texts` for each folder `dir` on the way up that the revision has.
pub fn git_files_near(rev: &str, path: &str) -> Result<Option<(String, Files)>, Error> {
    let document = Path::new(path);
    let mut dirs: Vec<String> = document
        .ancestors()
        .skip(1)
        .filter(|d| d.file_name().is_none_or(|n| n != VERSIONS_DIR))
        .map(|d| d.to_string_lossy().replace('\\', "/"))
        .collect();
    if dirs.last().is_some_and(|d| !d.is_empty()) {
        dirs.push(String::new());
    }
    for dir in dirs {
        let folder = if dir.is_empty() {
            FOLDER.to_string()
        } else {
            format!("{dir}/{FOLDER}")
        };
        if let Some(files) = git_files(rev, &folder)? {
            return Ok(Some((folder, files)));
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_versions_keep_their_texts_beside_them() {
        assert_eq!(
            kept_texts_of(Path::new("a/x/versions/2024-05-27.yaml")),
            Some(PathBuf::from("a/x/versions/common-texts/2024-05-27.yaml"))
        );
        assert_eq!(
            kept_texts_of(Path::new("a/x/versions/2024-05-27.kiso.yaml")),
            Some(PathBuf::from("a/x/versions/common-texts/2024-05-27.yaml"))
        );
        assert_eq!(kept_texts_of(Path::new("a/x/assessment.yaml")), None);
    }
}

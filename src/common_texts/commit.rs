//! Writing several files all or nothing: the change tables of every document a common text's
//! change reaches, or a conversion's library file and documents.
//!
//! Every new text is written to a temporary file beside its target and flushed first; only when
//! all of them are on disk are they renamed over their targets, one after the other. Should a
//! rename fail, the targets already replaced get their old bytes back (and a target that did
//! not exist is removed), so the files are either all new or all as they were. (A power cut in
//! the middle of the renames can still leave some renamed: the window is the renames alone,
//! after every byte has been written.)

use std::path::{Path, PathBuf};

use crate::Error;

/// Writes each `(path, bytes)`: all of them, or none.
pub fn write_all(writes: &[(PathBuf, Vec<u8>)]) -> Result<(), Error> {
    let mut staged: Vec<(PathBuf, &Path, Option<Vec<u8>>)> = Vec::new();
    let cleanup = |staged: &[(PathBuf, &Path, Option<Vec<u8>>)]| {
        for (temp, _, _) in staged {
            let _ = std::fs::remove_file(temp);
        }
    };
    for (path, bytes) in writes {
        let old = match std::fs::read(path) {
            Ok(old) => Some(old),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(source) => {
                cleanup(&staged);
                return Err(Error::Read {
                    path: path.clone(),
                    source,
                });
            }
        };
        match crate::output::stage(path, bytes) {
            Ok(temp) => staged.push((temp, path, old)),
            Err(e) => {
                cleanup(&staged);
                return Err(e);
            }
        }
    }
    if let Err(source) = fault("before-rename") {
        cleanup(&staged);
        return Err(Error::Write {
            path: writes.first().map(|w| w.0.clone()).unwrap_or_default(),
            source,
        });
    }
    for (i, (temp, path, _)) in staged.iter().enumerate() {
        let renamed = if i == 1 {
            fault("after-first-rename").and_then(|_| std::fs::rename(temp, path))
        } else {
            std::fs::rename(temp, path)
        };
        if let Err(source) = renamed {
            for (_, done, old) in &staged[..i] {
                let _ = match old {
                    Some(bytes) => crate::output::write_atomic(done, bytes),
                    None => std::fs::remove_file(done).map_err(|source| Error::Write {
                        path: done.to_path_buf(),
                        source,
                    }),
                };
            }
            cleanup(&staged[i..]);
            return Err(Error::Write {
                path: path.to_path_buf(),
                source,
            });
        }
    }
    for (_, path, _) in &staged {
        crate::output::sync_folder_of(path);
    }
    Ok(())
}

/// Fault injection for tests of debug builds: `HYOKA_FAULT=before-rename` fails once every new
/// text is staged and before any replaces its file; `HYOKA_FAULT=after-first-rename` fails
/// after the first file is replaced, so the tests see it put back.
fn fault(point: &str) -> std::io::Result<()> {
    if cfg!(debug_assertions) && std::env::var_os("HYOKA_FAULT").is_some_and(|v| v == point) {
        return Err(std::io::Error::other(format!(
            "injected fault (HYOKA_FAULT={point})"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_files_or_none() {
        let dir = std::env::temp_dir().join(format!("hyoka-commit-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let (a, b) = (dir.join("a.yaml"), dir.join("sub/b.yaml"));
        std::fs::write(&a, "old a").unwrap();
        write_all(&[
            (a.clone(), b"new a".to_vec()),
            (b.clone(), b"new b".to_vec()),
        ])
        .unwrap();
        assert_eq!(std::fs::read_to_string(&a).unwrap(), "new a");
        assert_eq!(std::fs::read_to_string(&b).unwrap(), "new b");
        // A target that cannot be written (a folder stands there) leaves the others as they
        // were. (Putting back after a failed rename is tested through the binary, with
        // HYOKA_FAULT=after-first-rename.)
        let blocked = dir.join("blocked.yaml");
        std::fs::create_dir_all(blocked.join("inside")).unwrap();
        let result = write_all(&[
            (a.clone(), b"newer a".to_vec()),
            (blocked.clone(), b"x".to_vec()),
        ]);
        assert!(result.is_err());
        assert_eq!(std::fs::read_to_string(&a).unwrap(), "new a");
        let left: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .filter(|n| n.contains(".tmp-"))
            .collect();
        assert!(left.is_empty(), "{left:?}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

//! Writing output files atomically: a temporary file in the same folder, flushed to disk, then
//! renamed over the target, so an interrupted run never leaves half a file where a good one was.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::Error;

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// Writes `bytes` to `path` atomically, creating the folder if needed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let temp = stage(path, bytes)?;
    let renamed = fault_before_rename().and_then(|()| std::fs::rename(&temp, path));
    if let Err(source) = renamed {
        let _ = std::fs::remove_file(&temp);
        return Err(Error::Write {
            path: path.to_path_buf(),
            source,
        });
    }
    sync_folder_of(path);
    Ok(())
}

/// Writes `bytes` to a new temporary file beside `path` (creating the folder if needed),
/// flushed to disk, and returns its name: the first half of an atomic write, which the caller
/// finishes by renaming it over `path` (or removing it).
pub(crate) fn stage(path: &Path, bytes: &[u8]) -> Result<PathBuf, Error> {
    let fail = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let dir = folder_of(path);
    std::fs::create_dir_all(dir).map_err(fail)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let temp = dir.join(format!(".{name}.tmp-{}-{n}", std::process::id()));
    let written = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&temp);
        return Err(fail(e));
    }
    Ok(temp)
}

/// Makes a rename in `path`'s folder durable where the platform allows it.
pub(crate) fn sync_folder_of(path: &Path) {
    if let Ok(folder) = std::fs::File::open(folder_of(path)) {
        let _ = folder.sync_all();
    }
}

fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Fault injection for tests of debug builds: `HYOKA_FAULT=before-rename` makes every write
/// fail after the temporary file is complete and before it replaces the target.
fn fault_before_rename() -> std::io::Result<()> {
    if cfg!(debug_assertions)
        && std::env::var_os("HYOKA_FAULT").is_some_and(|v| v == "before-rename")
    {
        return Err(std::io::Error::other(
            "injected fault (HYOKA_FAULT=before-rename)",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary() {
        let dir = std::env::temp_dir().join(format!("hyoka-atomic-{}", std::process::id()));
        let path = dir.join("a.txt");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_failed_write_keeps_the_old_file() {
        let dir = std::env::temp_dir().join(format!("hyoka-atomic-fail-{}", std::process::id()));
        let path = dir.join("a.txt");
        write_atomic(&path, b"good").unwrap();
        // A folder where the temporary file would go makes the write fail midway.
        let blocked = dir.join("sub");
        std::fs::create_dir_all(blocked.join("b.txt")).unwrap();
        assert!(write_atomic(&blocked.join("b.txt"), b"bad").is_err());
        assert_eq!(std::fs::read(&path).unwrap(), b"good");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

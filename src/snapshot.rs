//! Keeping a version of an assessment: `versions/<name>.yaml`, a byte-for-byte copy of its
//! `assessment.yaml`, for `hyoka diff versions/<name>.yaml PATH` and
//! `hyoka render PATH --redline versions/<name>.yaml` to compare against later.
//!
//! The default name is today's date (`2026-11-28`), then `2026-11-28-2`, `-3` … when a
//! version of that day exists; a version is never overwritten.

use std::path::{Path, PathBuf};

use crate::Error;
use crate::init::check_name;
use crate::load::DOCUMENT_FILE;
use crate::load::date::JpDate;
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

/// Copies the assessment's `assessment.yaml` to `versions/<name>.yaml` and returns that path.
/// `name` (with or without `.yaml`) must be a plain name and not taken yet; without it, the
/// first free name of `today`, `today-2`, `today-3` … is used.
pub fn save(path: &Path, name: Option<&str>, today: &str) -> Result<PathBuf, Error> {
    let folder = folder_of(path)?;
    let source = folder.join(DOCUMENT_FILE);
    let bytes = std::fs::read(&source).map_err(|e| Error::Read {
        path: source.clone(),
        source: e,
    })?;
    let versions = folder.join(VERSIONS_DIR);
    let target = match name {
        Some(name) => {
            let stem = name.strip_suffix(".yaml").unwrap_or(name);
            check_name(stem).map_err(|problem| Error::Name {
                name: name.to_string(),
                problem,
            })?;
            let target = versions.join(format!("{stem}.yaml"));
            if target.symlink_metadata().is_ok() {
                return Err(Error::Exists { path: target });
            }
            target
        }
        None => free_name(&versions, today),
    };
    write_atomic(&target, &bytes)?;
    Ok(target)
}

/// The first of `stem.yaml`, `stem-2.yaml`, `stem-3.yaml` … that does not exist in `versions`.
fn free_name(versions: &Path, stem: &str) -> PathBuf {
    let taken = |p: &Path| p.symlink_metadata().is_ok();
    let first = versions.join(format!("{stem}.yaml"));
    if !taken(&first) {
        return first;
    }
    (2..)
        .map(|n| versions.join(format!("{stem}-{n}.yaml")))
        .find(|p| !taken(p))
        .unwrap_or(first)
}

/// Today's date in ISO form, in the local time zone when the system's `date` command can tell
/// it (so a version saved at 08:00 in Japan is named after that day, not the UTC one), else
/// in UTC.
pub fn today() -> String {
    local_today().unwrap_or_else(|| {
        let seconds = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let (y, m, d) = civil_from_days((seconds / 86_400) as i64);
        format!("{y:04}-{m:02}-{d:02}")
    })
}

/// The local date from `date +%Y-%m-%d`, if the command exists and answers a real date.
fn local_today() -> Option<String> {
    let output = std::process::Command::new("date")
        .arg("+%Y-%m-%d")
        .output()
        .ok()?;
    let text = String::from_utf8(output.stdout).ok()?;
    let text = text.trim();
    let iso = text.len() == 10 && text.as_bytes()[4] == b'-' && text.as_bytes()[7] == b'-';
    (output.status.success() && iso && JpDate::parse(text, false).is_ok()).then(|| text.to_string())
}

/// The Gregorian date of a day counted from 1970-01-01 (H. Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_since_the_epoch_become_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
        assert_eq!(civil_from_days(20_420), (2025, 11, 28));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
    }

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

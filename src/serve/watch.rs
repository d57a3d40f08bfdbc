//! Change detection shared by every open page: one thread polls the files, pages wait on it.
//!
//! Like `hyoka watch`, it polls modification times and sizes instead of using a platform
//! watcher, which needs no dependency and sees editors that save by renaming. Each assessment
//! has a generation number that goes up when its `assessment.yaml`, `changes.yaml` or
//! `versions/` change; the index has one that goes up on any change, including assessments
//! appearing or disappearing. A page is served with the generation it shows and asks
//! [`Watcher::wait`] for a newer one, so a change made between serving the page and asking is
//! not missed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant, SystemTime};

use crate::load::{BASIC_CHANGES_FILE, BASIC_FILE, CHANGES_FILE, DOCUMENT_FILE};

/// How often the files are looked at.
const POLL: Duration = Duration::from_millis(200);

/// What is known of one file: its modification time and size.
type Stamp = Option<(SystemTime, u64)>;

/// The generations of the index and of each assessment (by its name under ROOT).
#[derive(Debug, Default)]
struct State {
    index: u64,
    assessments: BTreeMap<String, (Vec<(String, Stamp)>, u64)>,
}

/// The watcher: a polling thread and the generations it keeps.
#[derive(Debug)]
pub struct Watcher {
    state: Mutex<State>,
    changed: Condvar,
}

/// The scope a page waits on.
#[derive(Debug, Clone, Copy)]
pub enum Scope<'a> {
    /// The index: any change under ROOT.
    Index,
    /// One assessment, by name.
    Assessment(&'a str),
}

impl Watcher {
    /// Looks at `root` once and starts a thread that keeps looking every 200 ms.
    pub fn start(root: PathBuf) -> Arc<Watcher> {
        let watcher = Arc::new(Watcher {
            state: Mutex::new(State::default()),
            changed: Condvar::new(),
        });
        watcher.poll(&root);
        let polling = Arc::clone(&watcher);
        std::thread::spawn(move || {
            loop {
                std::thread::sleep(POLL);
                polling.poll(&root);
            }
        });
        watcher
    }

    /// The current generation of a scope (0 for an unknown assessment).
    pub fn generation(&self, scope: Scope) -> u64 {
        let state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        read(&state, scope)
    }

    /// Waits until the generation of `scope` differs from `since`, for at most `timeout`, and
    /// returns the generation then. `gone` is asked about twice a second, so a waiting thread
    /// ends soon after its client leaves.
    pub fn wait(
        &self,
        scope: Scope,
        since: u64,
        timeout: Duration,
        mut gone: impl FnMut() -> bool,
    ) -> u64 {
        let deadline = Instant::now() + timeout;
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            let now = read(&state, scope);
            let left = deadline.saturating_duration_since(Instant::now());
            if now != since || left.is_zero() {
                return now;
            }
            let slice = left.min(Duration::from_millis(500));
            state = match self.changed.wait_timeout(state, slice) {
                Ok((s, _)) => s,
                Err(e) => e.into_inner().0,
            };
            if gone() {
                return read(&state, scope);
            }
        }
    }

    /// Looks at every assessment's files and bumps the generations of those that changed.
    fn poll(&self, root: &Path) {
        let mut seen = BTreeMap::new();
        for folder in crate::build::find_assessments(root).unwrap_or_default() {
            if let Some(name) = super::name_of(root, &folder) {
                seen.insert(name, stamps(&folder));
            }
        }
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let before = state.assessments.len();
        state.assessments.retain(|name, _| seen.contains_key(name));
        let mut any = state.assessments.len() != before;
        for (name, files) in seen {
            let start = state.index + 1;
            match state.assessments.get_mut(&name) {
                Some((old, _)) if *old == files => {}
                Some((old, generation)) => {
                    *old = files;
                    *generation += 1;
                    any = true;
                }
                None => {
                    // A new assessment (or one that came back) starts above any generation a
                    // page of an earlier one could hold, so that page reloads.
                    state.assessments.insert(name, (files, start));
                    any = true;
                }
            }
        }
        if any {
            state.index += 1;
            self.changed.notify_all();
        }
    }
}

fn read(state: &State, scope: Scope) -> u64 {
    match scope {
        Scope::Index => state.index,
        Scope::Assessment(name) => state.assessments.get(name).map_or(0, |(_, g)| *g),
    }
}

fn stamp(path: &Path) -> Stamp {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

/// The stamps of an assessment's inputs: its files (with the 基礎項目評価書 beside a
/// 重点項目評価書), every entry of `versions/` and the files of the office's common texts.
fn stamps(folder: &Path) -> Vec<(String, Stamp)> {
    let mut out: Vec<(String, Stamp)> =
        [DOCUMENT_FILE, CHANGES_FILE, BASIC_FILE, BASIC_CHANGES_FILE]
            .iter()
            .map(|f| (f.to_string(), stamp(&folder.join(f))))
            .collect();
    let versions = folder.join(super::VERSIONS);
    out.push((super::VERSIONS.to_string(), stamp(&versions)));
    if let Ok(entries) = std::fs::read_dir(&versions) {
        let mut files: Vec<(String, Stamp)> = entries
            .flatten()
            .map(|e| {
                (
                    e.file_name().to_string_lossy().to_string(),
                    stamp(&e.path()),
                )
            })
            .collect();
        files.sort();
        out.extend(files);
    }
    // The office's common texts, read in place of references.
    out.extend(
        crate::common_texts::source::watched_files(folder)
            .into_iter()
            .map(|p| (p.to_string_lossy().into_owned(), stamp(&p))),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_save_bumps_its_assessment_and_the_index() {
        let root = std::env::temp_dir().join(format!("hyoka-serve-watch-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        for name in ["a", "b"] {
            std::fs::create_dir_all(root.join(name)).unwrap();
            std::fs::write(root.join(name).join(DOCUMENT_FILE), "x").unwrap();
        }
        let watcher = Watcher::start(root.clone());
        let (a, b, index) = (
            watcher.generation(Scope::Assessment("a")),
            watcher.generation(Scope::Assessment("b")),
            watcher.generation(Scope::Index),
        );
        std::fs::write(root.join("a").join(DOCUMENT_FILE), "longer").unwrap();
        let now = watcher.wait(Scope::Assessment("a"), a, Duration::from_secs(10), || false);
        assert_ne!(now, a);
        assert_eq!(watcher.generation(Scope::Assessment("b")), b);
        assert_ne!(watcher.generation(Scope::Index), index);
        // Nothing changes: the wait ends at its timeout with the same generation.
        let same = watcher.wait(
            Scope::Assessment("b"),
            b,
            Duration::from_millis(300),
            || false,
        );
        assert_eq!(same, b);
        std::fs::create_dir_all(root.join("b").join("versions")).unwrap();
        let now = watcher.wait(Scope::Assessment("b"), b, Duration::from_secs(10), || false);
        assert_ne!(now, b);
        let _ = std::fs::remove_dir_all(&root);
    }
}

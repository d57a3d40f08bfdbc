//! The driver: one assessment from folder to output files, and a whole tree of them.
//!
//! load → validate → (refuse on errors) → layout → render each format → write atomically.
//! Input files are only ever read.

use std::path::{Path, PathBuf};

use crate::load::{self, Assessment, DOCUMENT_FILE, Document, Limits};
use crate::render::{self, Format, RenderContext, Templates};
use crate::{Error, layout, validate};

/// What became of one assessment.
#[derive(Debug)]
pub struct Outcome {
    /// The assessment as loaded, with its diagnostics.
    pub assessment: Assessment,
    /// Files written (empty when the assessment has errors).
    pub written: Vec<PathBuf>,
    /// Whether `build` found the outputs up to date and wrote nothing.
    pub unchanged: bool,
}

/// The output file stem of an assessment: its folder's name (or the file's stem).
pub fn stem_of(path: &Path) -> String {
    let folder = if path.is_dir() {
        Some(path)
    } else if path.file_name().is_some_and(|n| n == DOCUMENT_FILE) {
        path.parent()
    } else {
        None
    };
    let named = match folder {
        Some(folder) => folder
            .canonicalize()
            .ok()
            .and_then(|p| p.file_name().map(|n| n.to_owned())),
        None => path.file_stem().map(|n| n.to_owned()),
    };
    named
        .map(|n| n.to_string_lossy().to_string())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "assessment".into())
}

/// Renders one assessment into `out`, unless it has validation errors.
pub fn render_one(
    path: &Path,
    out: &Path,
    formats: &[Format],
    templates: &Templates,
) -> Result<Outcome, Error> {
    render_with(path, out, formats, templates, None)
}

/// The output file stem of one document of an assessment: the assessment's stem and the
/// document's form, `takaoka-vaccination.juten` / `takaoka-vaccination.kiso`, so that the
/// 基礎項目評価書 and the 重点項目評価書 of one folder are told apart.
pub fn document_stem(stem: &str, document: &Document) -> String {
    format!("{stem}.{}", document.edition.form.file_tag())
}

/// Renders one assessment; with `redline` (an older version), the redline edition instead:
/// every change since that version marked inline, written as `<name>.<form>.redline.<ext>`.
/// Each document of the assessment (a 重点項目評価書 and its 基礎項目評価書) is rendered.
pub fn render_with(
    path: &Path,
    out: &Path,
    formats: &[Format],
    templates: &Templates,
    redline: Option<&Assessment>,
) -> Result<Outcome, Error> {
    let mut assessment = load::load(path, &Limits::default())?;
    validate::validate(&mut assessment);
    let mut written = Vec::new();
    if assessment.has_errors() {
        return Ok(Outcome {
            assessment,
            written,
            unchanged: false,
        });
    }
    let stem = stem_of(path);
    for (document, changes) in assessment.documents() {
        let mut layout = layout::layout(document, changes);
        let mut stem = document_stem(&stem, document);
        if let Some(old) = redline {
            // The older version of the same document; a document new since then has none.
            let Some(old) = old
                .documents()
                .into_iter()
                .map(|(d, _)| d)
                .find(|d| d.edition.form == document.edition.form)
            else {
                continue;
            };
            layout::apply_redline(&mut layout, &crate::diff::diff(old, document));
            stem.push_str(".redline");
        }
        let ctx = RenderContext {
            layout: &layout,
            stem: &stem,
            templates,
        };
        for format in formats {
            for (name, bytes) in render::render(*format, &ctx)? {
                let target = out.join(name);
                crate::output::write_atomic(&target, &bytes)?;
                written.push(target);
            }
        }
    }
    Ok(Outcome {
        assessment,
        written,
        unchanged: false,
    })
}

/// Output files an earlier run left in `out` for the assessment at `path` that are older than
/// its source (`assessment.yaml`, `changes.yaml` or the 基礎項目評価書's files beside them,
/// whichever changed last): when the source has errors nothing is written, and these files no
/// longer show it.
pub fn stale_outputs(path: &Path, out: &Path, formats: &[Format], stem: &str) -> Vec<PathBuf> {
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let sources = if path.is_dir() {
        vec![
            path.join(DOCUMENT_FILE),
            path.join(load::CHANGES_FILE),
            path.join(load::BASIC_FILE),
            path.join(load::BASIC_CHANGES_FILE),
        ]
    } else {
        vec![path.to_path_buf(), load::pair::basic_file_of(path)]
    };
    let Some(source) = sources.iter().filter_map(|p| modified(p)).max() else {
        return Vec::new();
    };
    let mut names = Vec::new();
    for form in [crate::form::Form::Key, crate::form::Form::Basic] {
        let stem = format!("{stem}.{}", form.file_tag());
        names.extend(formats.iter().map(|f| format!("{stem}.{}", f.extension())));
        if formats.contains(&Format::Typ) {
            names.push(format!("{stem}.json"));
        }
    }
    names
        .into_iter()
        .map(|n| out.join(n))
        .filter(|f| modified(f).is_some_and(|m| m < source))
        .collect()
}

/// `work` applied to every item on `jobs` threads of their own, results in the items' order.
///
/// Plain threads rather than a rayon `par_iter`: Typst parallelises inside a compilation on
/// rayon's pool, and a rayon worker that waits there may pick up another whole document and
/// compile it on top of its own stack. A 200-document build aborted with a stack overflow,
/// most likely from that nesting (it did not recur on demand: it depends on scheduling);
/// here each thread compiles one document at a time, on a stack sized for Typst
/// ([`crate::render::RENDER_STACK`]).
pub fn in_parallel<T: Sync, R: Send>(
    items: &[T],
    jobs: usize,
    work: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let next = AtomicUsize::new(0);
    let done: Mutex<Vec<(usize, R)>> = Mutex::new(Vec::with_capacity(items.len()));
    let worker = || {
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(index) else { break };
            let result = work(item);
            done.lock()
                .unwrap_or_else(|e| e.into_inner())
                .push((index, result));
        }
    };
    std::thread::scope(|scope| {
        for _ in 0..jobs.clamp(1, items.len().max(1)) {
            let spawned = std::thread::Builder::new()
                .stack_size(crate::render::RENDER_STACK)
                .spawn_scoped(scope, worker);
            if spawned.is_err() {
                // No thread to be had: this one does the work, on the main stack.
                worker();
            }
        }
    });
    let mut done = done.into_inner().unwrap_or_else(|e| e.into_inner());
    done.sort_by_key(|(position, _)| *position);
    done.into_iter().map(|(_, result)| result).collect()
}

/// The file in each output folder that records what `build` rendered from.
pub const STAMP: &str = ".hyoka-build";

/// A stable hash (FNV-1a, 64 bits) of everything that determines an assessment's outputs:
/// hyoka's version, the formats, the templates and the input files.
fn fingerprint(path: &Path, formats: &[Format], templates: &Templates) -> Result<String, Error> {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for b in bytes.iter().chain(&[0xff]) {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    feed(env!("CARGO_PKG_VERSION").as_bytes());
    feed(format!("{formats:?}").as_bytes());
    for text in [&templates.html, &templates.markdown, &templates.typst] {
        feed(text.as_bytes());
    }
    let folder = if path.is_dir() {
        path.to_path_buf()
    } else {
        path.parent().map(Path::to_path_buf).unwrap_or_default()
    };
    let document = if path.is_dir() {
        path.join(DOCUMENT_FILE)
    } else {
        path.to_path_buf()
    };
    let basic = load::pair::basic_file_of(&document);
    for file in [
        document,
        folder.join(load::CHANGES_FILE),
        basic,
        folder.join(load::BASIC_CHANGES_FILE),
    ] {
        match std::fs::read(&file) {
            Ok(bytes) => feed(&bytes),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => feed(b"-"),
            Err(source) => return Err(Error::Read { path: file, source }),
        }
    }
    // The office's common texts the documents are read with.
    let document = if path.is_dir() {
        path.join(DOCUMENT_FILE)
    } else {
        path.to_path_buf()
    };
    for (file, bytes) in crate::common_texts::source::files_for_document(&document)? {
        feed(file.file_name().unwrap_or_default().as_encoded_bytes());
        feed(&bytes);
    }
    Ok(format!("{hash:016x}"))
}

/// `build`'s step for one assessment: validate it (so its diagnostics are always shown), and
/// render it unless the outputs recorded in `out/.hyoka-build` were made from the same inputs,
/// templates, formats and hyoka version and are all still there.
pub fn build_one(
    path: &Path,
    out: &Path,
    formats: &[Format],
    templates: &Templates,
) -> Result<Outcome, Error> {
    let print = fingerprint(path, formats, templates)?;
    let stamp = out.join(STAMP);
    if let Ok(text) = std::fs::read_to_string(&stamp) {
        let mut lines = text.lines();
        let files: Vec<PathBuf> = lines.clone().skip(1).map(|name| out.join(name)).collect();
        if lines.next() == Some(print.as_str())
            && !files.is_empty()
            && files.iter().all(|f| f.is_file())
        {
            let mut assessment = load::load(path, &Limits::default())?;
            validate::validate(&mut assessment);
            return Ok(Outcome {
                assessment,
                written: files,
                unchanged: true,
            });
        }
    }
    let outcome = render_one(path, out, formats, templates)?;
    if !outcome.written.is_empty() {
        let names: Vec<String> = outcome
            .written
            .iter()
            .filter_map(|f| f.file_name().map(|n| n.to_string_lossy().to_string()))
            .collect();
        crate::output::write_atomic(
            &stamp,
            format!("{print}\n{}\n", names.join("\n")).as_bytes(),
        )?;
    }
    Ok(outcome)
}

/// Every assessment folder (a folder holding `assessment.yaml`) under `root`, sorted; the
/// `versions/` snapshots and hidden folders are not assessments of their own.
pub fn find_assessments(root: &Path) -> Result<Vec<PathBuf>, Error> {
    let mut found = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        if dir.join(DOCUMENT_FILE).is_file() {
            found.push(dir.clone());
        }
        let entries = std::fs::read_dir(&dir).map_err(|source| Error::Read {
            path: dir.clone(),
            source,
        })?;
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().to_string();
            let is_dir = entry.file_type().map(|t| t.is_dir()).unwrap_or(false);
            if is_dir && !name.starts_with('.') && name != "versions" {
                stack.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

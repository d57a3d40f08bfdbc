//! What the pages show, computed once per change of the files rather than once per request.
//!
//! Each assessment has a slot. A request hashes the assessment's input files (a few hundred
//! kilobytes at most); when the hash is the one last seen, the stored result is served,
//! otherwise the assessment is loaded, validated and rendered again, under the slot's lock so
//! that requests arriving together wait for one render instead of each doing their own. The
//! last document that rendered without errors is kept, so the preview can still show it
//! (marked as out of date) while the file being edited has errors. The PDF and each review are
//! made on demand and cached the same way. An assessment with a 基礎項目評価書 beside its
//! 重点項目評価書 has two documents: each result is kept per document ([`Form`]).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use crate::diff::Change;
use crate::diff::export::Row;
use crate::form::Form;
use crate::layout::{self, Layout};
use crate::load::{
    self, Assessment, BASIC_CHANGES_FILE, BASIC_FILE, CHANGES_FILE, ChangeRow, DOCUMENT_FILE,
    Limits,
};
use crate::render::{self, Format, RenderContext, Templates};
use crate::{Error, validate};

/// An assessment as last loaded and validated.
#[derive(Debug)]
pub struct Checked {
    /// The hash of the input files it was made from.
    pub key: u64,
    /// The assessment with its diagnostics.
    pub assessment: Assessment,
    /// The rendered documents (main document first), when there are no errors.
    pub good: Vec<Arc<Good>>,
}

impl Checked {
    /// The rendered document of a form.
    pub fn good(&self, form: Form) -> Option<&Arc<Good>> {
        self.good.iter().find(|g| g.form == form)
    }
}

/// A document that rendered without errors.
#[derive(Debug)]
pub struct Good {
    /// The hash of the input files it was made from.
    pub key: u64,
    /// Which document of the assessment.
    pub form: Form,
    /// Its layout (for the PDF and the redline edition).
    pub layout: Layout,
    /// The HTML, exactly as `hyoka render --format html` writes it.
    pub html: Vec<u8>,
}

/// The comparison of the current document with one snapshot.
#[derive(Debug)]
pub enum Review {
    /// The current document has errors, so there is nothing to compare.
    CurrentInvalid,
    /// The snapshot has errors; its diagnostics say which.
    SnapshotInvalid(Box<Assessment>),
    /// The change rows and the redline edition.
    Compared {
        /// The changed items, in form order.
        changes: Vec<Change>,
        /// The rows of （別添２）変更箇所 as `hyoka diff` proposes them.
        rows: Vec<Row>,
        /// For each row, the row of `changes.yaml` that records its change already, if any.
        recorded: Vec<Option<ChangeRow>>,
        /// The redline edition as HTML.
        html: Vec<u8>,
    },
}

type Reviews = HashMap<(String, FormKey), ((u64, u64), Arc<Review>)>;

/// A [`Form`] as a map key.
type FormKey = &'static str;

/// A PDF per document, with the key of the inputs it was made from.
type Pdfs = HashMap<FormKey, (u64, Arc<Vec<u8>>)>;

/// One assessment's cached results; separate locks, so a slow PDF does not hold up a page.
#[derive(Debug, Default)]
struct Slot {
    checked: Mutex<Option<Arc<Checked>>>,
    last_good: Mutex<HashMap<FormKey, Arc<Good>>>,
    pdf: Mutex<Pdfs>,
    reviews: Mutex<Reviews>,
}

/// The cache of every assessment under ROOT.
#[derive(Debug)]
pub struct Cache {
    root: PathBuf,
    templates: Templates,
    slots: Mutex<HashMap<String, Arc<Slot>>>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// FNV-1a (64 bits) over `parts`, each closed by a separator byte: a cheap, stable content key.
fn hash<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.iter().chain(&[0xff]) {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

/// A file's bytes, or a marker when it does not exist.
fn bytes_or_absent(path: &Path) -> Result<Vec<u8>, Error> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(b"\0absent".to_vec()),
        Err(source) => Err(Error::Read {
            path: path.to_path_buf(),
            source,
        }),
    }
}

impl Cache {
    /// An empty cache for the assessments under `root`, rendering with `templates`.
    pub fn new(root: PathBuf, templates: Templates) -> Cache {
        Cache {
            root,
            templates,
            slots: Mutex::new(HashMap::new()),
        }
    }

    fn slot(&self, name: &str) -> Arc<Slot> {
        Arc::clone(lock(&self.slots).entry(name.to_string()).or_default())
    }

    fn folder(&self, name: &str) -> PathBuf {
        self.root.join(name)
    }

    /// The assessment `name` loaded, validated and (without errors) rendered to HTML, from the
    /// files as they are now; the stored result when they have not changed.
    pub fn checked(&self, name: &str) -> Result<Arc<Checked>, Error> {
        let folder = self.folder(name);
        let mut inputs = Vec::new();
        for file in [DOCUMENT_FILE, CHANGES_FILE, BASIC_FILE, BASIC_CHANGES_FILE] {
            inputs.push(bytes_or_absent(&folder.join(file))?);
        }
        // The office's common texts are read in place of references: an input too.
        for (path, bytes) in
            crate::common_texts::source::files_for_document(&folder.join(DOCUMENT_FILE))?
        {
            inputs.push(path.to_string_lossy().into_owned().into_bytes());
            inputs.push(bytes);
        }
        let key = hash(inputs.iter().map(Vec::as_slice));
        let slot = self.slot(name);
        let mut checked = lock(&slot.checked);
        if let Some(c) = checked.as_ref().filter(|c| c.key == key) {
            return Ok(Arc::clone(c));
        }
        let mut assessment = load::load(&folder, &Limits::default())?;
        validate::validate(&mut assessment);
        let mut good = Vec::new();
        if !assessment.has_errors() {
            for (document, changes) in assessment.documents() {
                let layout = layout::layout(document, changes);
                let form = document.edition.form;
                let html = self.render(&layout, name, form, Format::Html)?;
                good.push(Arc::new(Good {
                    key,
                    form,
                    layout,
                    html,
                }));
            }
        }
        let mut last = lock(&slot.last_good);
        for g in &good {
            last.insert(g.form.file_tag(), Arc::clone(g));
        }
        drop(last);
        let fresh = Arc::new(Checked {
            key,
            assessment,
            good,
        });
        *checked = Some(Arc::clone(&fresh));
        Ok(fresh)
    }

    /// The document of `form` to show: the current one, or else the last one that rendered
    /// (with `true`: it is out of date), or none when it has never rendered since the start.
    pub fn document(&self, name: &str, form: Form) -> Result<Option<(Arc<Good>, bool)>, Error> {
        let checked = self.checked(name)?;
        if let Some(good) = checked.good(form) {
            return Ok(Some((Arc::clone(good), false)));
        }
        Ok(lock(&self.slot(name).last_good)
            .get(form.file_tag())
            .map(|g| (Arc::clone(g), true)))
    }

    /// The PDF of [`Cache::document`]'s document, rendered once per change.
    pub fn pdf(&self, name: &str, form: Form) -> Result<Option<Arc<Vec<u8>>>, Error> {
        let Some((good, _)) = self.document(name, form)? else {
            return Ok(None);
        };
        let slot = self.slot(name);
        let mut pdf = lock(&slot.pdf);
        if let Some((_, bytes)) = pdf.get(form.file_tag()).filter(|(key, _)| *key == good.key) {
            return Ok(Some(Arc::clone(bytes)));
        }
        let bytes = Arc::new(self.render(&good.layout, name, form, Format::Pdf)?);
        pdf.insert(form.file_tag(), (good.key, Arc::clone(&bytes)));
        Ok(Some(bytes))
    }

    /// The comparison of the current document of `form` with its version in the snapshot
    /// `versions/<stem>.yaml` (the caller has checked that it exists), made once per change of
    /// either.
    pub fn review(&self, name: &str, stem: &str, form: Form) -> Result<Arc<Review>, Error> {
        let checked = self.checked(name)?;
        let file = self
            .folder(name)
            .join(super::VERSIONS)
            .join(format!("{stem}.yaml"));
        let basic = load::pair::basic_file_of(&file);
        let key = (
            checked.key,
            hash([
                bytes_or_absent(&file)?.as_slice(),
                bytes_or_absent(&basic)?.as_slice(),
            ]),
        );
        let slot = self.slot(name);
        let mut reviews = lock(&slot.reviews);
        let id = (stem.to_string(), form.file_tag());
        if let Some((_, review)) = reviews.get(&id).filter(|(k, _)| *k == key) {
            return Ok(Arc::clone(review));
        }
        let review = Arc::new(self.compare(name, &checked, &file, form)?);
        reviews.insert(id, (key, Arc::clone(&review)));
        Ok(review)
    }

    fn compare(
        &self,
        name: &str,
        checked: &Checked,
        file: &Path,
        form: Form,
    ) -> Result<Review, Error> {
        let current = checked
            .assessment
            .documents()
            .into_iter()
            .find(|(d, _)| d.edition.form == form);
        let (Some(good), Some((new, recorded_rows))) = (checked.good(form), current) else {
            return Ok(Review::CurrentInvalid);
        };
        let mut old = load::load(file, &Limits::default())?;
        validate::validate(&mut old);
        let old_document = old
            .documents()
            .into_iter()
            .map(|(d, _)| d)
            .find(|d| d.edition.form == form)
            .filter(|_| !old.has_errors())
            .cloned();
        let Some(old_document) = old_document else {
            return Ok(Review::SnapshotInvalid(Box::new(old)));
        };
        let old_document = &old_document;
        let changes = crate::diff::diff(old_document, new);
        // As `hyoka diff` proposes them: dated by the current 公表日, 提出時期 proposed per row.
        let date = new
            .root
            .date("表紙.公表日")
            .map(|d| d.wareki())
            .unwrap_or_default();
        let rows: Vec<Row> = changes
            .iter()
            .map(|c| Row::new(c, &date, None, ""))
            .collect();
        let recorded = rows
            .iter()
            .map(|r| crate::diff::record::recorded_as(recorded_rows, r).map(|(_, old)| old.clone()))
            .collect();
        let mut redline = good.layout.clone();
        layout::apply_redline(&mut redline, &changes);
        let html = self.render(&redline, name, form, Format::Html)?;
        Ok(Review::Compared {
            changes,
            rows,
            recorded,
            html,
        })
    }

    /// One format's bytes through the same renderer as `hyoka render`.
    fn render(
        &self,
        layout: &Layout,
        name: &str,
        form: Form,
        format: Format,
    ) -> Result<Vec<u8>, Error> {
        let stem = format!(
            "{}.{}",
            crate::build::stem_of(&self.folder(name)),
            form.file_tag()
        );
        let ctx = RenderContext {
            layout,
            stem: &stem,
            templates: &self.templates,
        };
        Ok(render::render(format, &ctx)?
            .into_iter()
            .next()
            .map(|(_, bytes)| bytes)
            .unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example_root(tag: &str) -> PathBuf {
        let root =
            std::env::temp_dir().join(format!("hyoka-serve-cache-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let folder = root.join("ex");
        std::fs::create_dir_all(&folder).unwrap();
        let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("assessments/takaoka-vaccination");
        for file in [DOCUMENT_FILE, CHANGES_FILE, BASIC_FILE, BASIC_CHANGES_FILE] {
            std::fs::copy(example.join(file), folder.join(file)).unwrap();
        }
        root
    }

    #[test]
    fn renders_once_per_change_and_keeps_the_last_good_document() {
        let root = example_root("once");
        let cache = Cache::new(root.clone(), Templates::default());
        let first = cache.checked("ex").unwrap();
        assert_eq!(first.good.len(), 2, "both documents");
        assert!(
            Arc::ptr_eq(&first, &cache.checked("ex").unwrap()),
            "rendered twice"
        );
        let file = root.join("ex").join(DOCUMENT_FILE);
        let text = std::fs::read_to_string(&file).unwrap();
        std::fs::write(&file, text.replacen("十分である", "十分でない", 1)).unwrap();
        let broken = cache.checked("ex").unwrap();
        assert!(!Arc::ptr_eq(&first, &broken) && broken.good.is_empty());
        for form in [Form::Key, Form::Basic] {
            let (shown, stale) = cache.document("ex", form).unwrap().unwrap();
            assert!(stale && Arc::ptr_eq(&shown, first.good(form).unwrap()));
        }
        std::fs::write(&file, text).unwrap();
        let (_, stale) = cache.document("ex", Form::Basic).unwrap().unwrap();
        assert!(!stale);
        let _ = std::fs::remove_dir_all(&root);
    }

    #[test]
    fn an_assessment_broken_from_the_start_has_no_document() {
        let root = example_root("broken");
        let file = root.join("ex").join(DOCUMENT_FILE);
        std::fs::write(&file, "様式: 令和6年10月\n表紙: [").unwrap();
        let cache = Cache::new(root.clone(), Templates::default());
        assert!(cache.document("ex", Form::Key).unwrap().is_none());
        assert!(cache.pdf("ex", Form::Key).unwrap().is_none());
        let _ = std::fs::remove_dir_all(&root);
    }
}

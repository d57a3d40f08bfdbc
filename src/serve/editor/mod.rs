//! The editing page: a document's form as a web form that writes its YAML file.
//!
//! The page is generated from the form definition (every item in printed order under its
//! number and label, the control its kind needs) with the values read from the file itself, so
//! what the officer sees is what is written. A save names an item by its key path, never a file:
//! the server edits only the served document's own file ([`Target`]), through [`crate::edit`],
//! and only when the file still holds at that item what the page loaded (its fingerprint);
//! otherwise it answers with the file's value, for the page's conflict view, and writes nothing.
//! Saves are serialised by one lock, so two tabs' saves of different items both land.
//!
//! - [`view`]: what the page's template sees;
//! - [`build`]: the page, walked from the form with the file's values;
//! - [`save`]: the requests that change the file (an item, a block) and the file's version.

mod build;
mod save;
mod view;

pub use build::page;
pub use save::{BlockRequest, SaveRequest, block, current_version, save};
pub use view::*;

use std::collections::HashMap;
use std::path::PathBuf;

use serde_json::{Value as Json, json};

use super::State;
use super::http::Response;
use super::pages::{DiagView, diag_view};
use super::text;
use crate::diag::{FileReport, Lang, Severity};
use crate::edit::form::{self as fields, fnv};
use crate::edit::{Refusal, Seg, Source};
use crate::form::{self, Edition, Form, Item};
use crate::load::{Assessment, BASIC_FILE, DOCUMENT_FILE, Role};

/// The file a page edits: the main document (`assessment.yaml`) or the 基礎項目評価書 beside a
/// 重点項目評価書 (`kiso.yaml`), chosen by the page's `?doc=` among the assessment's documents.
#[derive(Debug, Clone)]
pub struct Target {
    /// The file, under the assessment's folder.
    pub file: PathBuf,
    /// Its name (`assessment.yaml`, `kiso.yaml`).
    pub name: &'static str,
    /// How it is read.
    pub role: Role,
}

/// The document file of `doc` (`None`: the main one) in the assessment at `folder`, whose main
/// document is of `main` (when it could be read).
pub fn target(folder: &std::path::Path, main: Option<Form>, doc: Option<&str>) -> Option<Target> {
    let own = Target {
        file: folder.join(DOCUMENT_FILE),
        name: DOCUMENT_FILE,
        role: Role::Main,
    };
    let companion = main != Some(Form::Basic) && folder.join(BASIC_FILE).is_file();
    match doc {
        None => Some(own),
        Some(tag) if main.is_some_and(|f| f.file_tag() == tag) => Some(own),
        Some(tag) if tag == Form::Basic.file_tag() && companion => Some(Target {
            file: folder.join(BASIC_FILE),
            name: BASIC_FILE,
            role: Role::Companion,
        }),
        _ => None,
    }
}

/// The edition a file is written for (`様式:`), as the loader reads it.
pub fn edition_of(source: &Source, role: Role) -> &'static Edition {
    let written = source
        .get(&[Seg::key("様式")])
        .and_then(|n| n.scalar())
        .and_then(form::edition);
    match role {
        Role::Main => written.unwrap_or(form::EDITIONS[0]),
        Role::Companion => written
            .filter(|e| e.form == Form::Basic)
            .or_else(|| form::newest(Form::Basic))
            .unwrap_or(form::EDITIONS[0]),
    }
}

/// A short, stable version of a file's bytes.
pub fn version(bytes: &[u8]) -> String {
    format!("{:016x}", fnv(bytes))
}

/// The anchor of an item on the page (and of its field), from its key path.
pub fn anchor(key_path: &str) -> String {
    format!("f-{:016x}", fnv(key_path.as_bytes()))
}

/// The diagnostics of a file by the key path of their item, and those without one.
type ByPath = (HashMap<String, Vec<DiagView>>, Vec<DiagView>);

/// Every diagnostic of a report by the key path of its item; the others apart.
fn by_path(root: &std::path::Path, report: &FileReport, lang: Lang) -> ByPath {
    let mut at: HashMap<String, Vec<DiagView>> = HashMap::new();
    let mut others = Vec::new();
    for d in &report.diagnostics {
        let view = diag_view(root, report, d, lang);
        match &d.path {
            Some(path) => at.entry(path.clone()).or_default().push(view),
            None => others.push(view),
        }
    }
    (at, others)
}

/// The 2 arguments of every JSON answer: status and body.
fn json_response(status: u16, body: &Json) -> Response {
    Response::new(
        status,
        "application/json; charset=utf-8",
        serde_json::to_vec(body).unwrap_or_default(),
    )
    .header("Content-Security-Policy", "default-src 'none'")
}

/// The steps of a key path with each block found by its id (it may have moved since the page
/// was loaded); `None` when a block is gone.
fn locate(source: &Source, path: &str, ids: &[Option<String>]) -> Option<Vec<Seg>> {
    let mut segs = fields::segs(path)?;
    let mut nth = 0;
    for i in 0..segs.len() {
        if let Seg::Index(n) = segs[i] {
            let written = fields::block_ids(source, &segs[..i]);
            let wanted = ids.get(nth).cloned().flatten();
            nth += 1;
            segs[i] = Seg::Index(match wanted {
                Some(id) => written.iter().position(|w| w.as_deref() == Some(&id))?,
                None if written.get(n).is_some_and(Option::is_none) => n,
                None => return None,
            });
        }
    }
    Some(segs)
}

/// The message for a file the form does not edit.
pub fn refusal_message(refusal: &Refusal, file: &str, lang: Lang) -> (String, String) {
    let t = text::texts(lang);
    let location = match refusal.place() {
        Some((line, col)) => format!("{file}:{line}:{col}"),
        None => file.to_string(),
    };
    let message = match refusal {
        Refusal::Tab(_) => t.refused_tab,
        Refusal::Syntax(_) | Refusal::Undecodable(_) => t.refused_syntax,
    };
    (format!("{message}（{location}）"), location)
}

/// The item at a key path of an edition, when it holds a value.
fn leaf(edition: &'static Edition, path: &str) -> Option<&'static Item> {
    let steps = crate::form::label::resolve(edition, path)?;
    steps.last().map(|s| s.item).filter(|i| !i.is_container())
}

/// The diagnostics of the edited file as the page shows them: by field, and the rest.
fn diagnostics_json(root: &std::path::Path, report: &FileReport, lang: Lang) -> Json {
    let (at, others) = by_path(root, report, lang);
    json!({
        "fields": at,
        "others": others,
    })
}

/// The report of the edited file in an assessment.
fn report_of<'a>(assessment: &'a Assessment, target: &Target) -> Option<&'a FileReport> {
    match target.role {
        Role::Main => Some(&assessment.document_report),
        Role::Companion => assessment.basic.as_ref().map(|b| &b.document_report),
    }
}

fn counts(assessment: &Assessment) -> (usize, usize) {
    let all = || assessment.reports().flat_map(|r| &r.diagnostics);
    let errors = all().filter(|d| d.severity() == Severity::Error).count();
    (errors, all().count() - errors)
}

impl State {
    fn target_of(&self, name: &str, doc: Option<&str>) -> Result<Option<Target>, crate::Error> {
        let checked = self.cache.checked(name)?;
        let main = checked.assessment.document.as_ref().map(|d| d.edition.form);
        Ok(target(&self.root.join(name), main, doc))
    }
}

//! A change of the library between two versions, carried into the change table of every
//! document that uses it.
//!
//! Each affected document is read twice, from its file as it is now: once with the library as
//! it is, once with the older library (falling back to the current one for entries added
//! since). Only the library differs between the two readings, so the existing diff gives
//! exactly the rows the changed entries cause, each under the document's own item label and
//! with its own 提出時期 proposal.

use std::path::{Path, PathBuf};

use super::office::Office;
use super::{Body, Library, source};
use crate::Error;
use crate::diff::export::Row;
use crate::diff::{self, Change, record};
use crate::form::Form;
use crate::load::{self, Assessment, ChangeRow, Limits};

/// How an entry differs between two versions of the library.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryChangeKind {
    /// Its text or block changed.
    Changed,
    /// It is new.
    Added,
    /// It was removed.
    Removed,
}

/// One entry that differs.
#[derive(Debug, Clone)]
pub struct EntryChange {
    /// Its name.
    pub name: String,
    /// How it differs.
    pub kind: EntryChangeKind,
    /// `file:line:column` of the entry in the current library (the older one for a removed
    /// entry).
    pub place: String,
}

/// The entries that differ between `old` and `new`, by name.
pub fn entry_changes(old: &Library, new: &Library) -> Vec<EntryChange> {
    let mut out = Vec::new();
    for entry in new.entries() {
        let kind = match old.get(&entry.name) {
            None => EntryChangeKind::Added,
            Some(before) if same(&before.body, &entry.body) => continue,
            Some(_) => EntryChangeKind::Changed,
        };
        out.push(EntryChange {
            name: entry.name.clone(),
            kind,
            place: new.place(entry).location(),
        });
    }
    for entry in old.entries().filter(|e| new.get(&e.name).is_none()) {
        out.push(EntryChange {
            name: entry.name.clone(),
            kind: EntryChangeKind::Removed,
            place: old.place(entry).location(),
        });
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

/// Whether two bodies say the same (their YAML read alike, whatever the layout).
fn same(a: &Body, b: &Body) -> bool {
    match (a, b) {
        (Body::Text(x), Body::Text(y)) => x.scalar() == y.scalar(),
        (Body::Block { group: g, node: x }, Body::Block { group: h, node: y }) => {
            g == h && crate::load::yaml::to_json(x) == crate::load::yaml::to_json(y)
        }
        _ => false,
    }
}

/// One document's change table, as the library's change reaches it.
#[derive(Debug)]
pub struct TableChange {
    /// The document file (`assessment.yaml`, `kiso.yaml`).
    pub document: PathBuf,
    /// Its form.
    pub form: Form,
    /// Its change table's file (`changes.yaml`, `kiso-changes.yaml`).
    pub table: PathBuf,
    /// The table's heading (`（別添２）変更箇所`), for a new file.
    pub heading: String,
    /// The changed entries its assessment uses.
    pub entries: Vec<String>,
    /// The changes, in the form's order.
    pub changes: Vec<Change>,
    /// The rows recorded in the table so far.
    pub recorded: Vec<ChangeRow>,
    /// The document's 公表日, the rows' 変更日 unless one is given.
    pub published: Option<load::date::JpDate>,
}

/// An assessment the change could not be carried into, and why.
#[derive(Debug)]
pub struct Skipped {
    /// The assessment's folder.
    pub folder: PathBuf,
    /// Why: (Japanese, English).
    pub reason: (String, String),
}

/// What a change of the library does to the office's documents.
#[derive(Debug)]
pub struct Effect {
    /// The entries that differ.
    pub entries: Vec<EntryChange>,
    /// The change tables that get rows, in the office's order.
    pub tables: Vec<TableChange>,
    /// Assessments that use a changed entry but cannot be compared.
    pub skipped: Vec<Skipped>,
}

/// What the change from `old` to the office's current library does to each of its documents.
pub fn effect(office: &Office, old: &Library, limits: &Limits) -> Result<Effect, Error> {
    let entries = entry_changes(old, &office.library);
    let changed: Vec<&str> = entries
        .iter()
        .filter(|e| e.kind == EntryChangeKind::Changed)
        .map(|e| e.name.as_str())
        .collect();
    let mut tables = Vec::new();
    let mut skipped = Vec::new();
    if changed.is_empty() {
        return Ok(Effect {
            entries,
            tables,
            skipped,
        });
    }
    let older = old.clone().or_else(&office.library);
    for folder in office.assessments()? {
        let mut now = load::load_with(&folder, limits, Some(&office.library))?;
        let uses = used(&now, &changed);
        if uses.is_empty() {
            continue;
        }
        crate::validate::validate(&mut now);
        if now.has_errors() {
            skipped.push(Skipped {
                folder,
                reason: (
                    "エラーがあるため比較できません（hyoka validate で確認してください）".into(),
                    "it has errors and cannot be compared (see hyoka validate)".into(),
                ),
            });
            continue;
        }
        let mut before = load::load_with(&folder, limits, Some(&older))?;
        crate::validate::validate(&mut before);
        if before.has_errors() {
            skipped.push(Skipped {
                folder,
                reason: (
                    "以前の共通テキストではエラーになるため比較できません".into(),
                    "it has errors with the earlier common texts and cannot be compared".into(),
                ),
            });
            continue;
        }
        tables.extend(tables_of(&folder, &before, &now, &uses));
    }
    Ok(Effect {
        entries,
        tables,
        skipped,
    })
}

/// The changed entries the documents of `assessment` use. (A 基礎項目評価書 beside a
/// 重点項目評価書 takes its shared facts from there, common texts included: what changes in
/// one may change in both.)
fn used(assessment: &Assessment, changed: &[&str]) -> Vec<String> {
    let mut names: Vec<String> = assessment
        .documents()
        .iter()
        .flat_map(|(document, _)| &document.common_texts)
        .filter(|u| changed.contains(&u.name.as_str()))
        .map(|u| u.name.clone())
        .collect();
    names.sort();
    names.dedup();
    names
}

fn tables_of(
    folder: &Path,
    before: &Assessment,
    now: &Assessment,
    uses: &[String],
) -> Vec<TableChange> {
    let old_documents = before.documents();
    let mut out = Vec::new();
    for (i, (document, recorded)) in now.documents().into_iter().enumerate() {
        let Some((old, _)) = old_documents
            .iter()
            .find(|(d, _)| d.edition.form == document.edition.form)
        else {
            continue;
        };
        let changes = diff::diff(old, document);
        if changes.is_empty() {
            continue;
        }
        let main = i == 0;
        out.push(TableChange {
            document: folder.join(if main {
                load::DOCUMENT_FILE
            } else {
                load::BASIC_FILE
            }),
            form: document.edition.form,
            table: folder.join(if main {
                load::CHANGES_FILE
            } else {
                load::BASIC_CHANGES_FILE
            }),
            heading: format!(
                "{}{}",
                crate::form::label::printed_number(document.edition.changes_num),
                crate::form::changes::TABLE.label
            ),
            entries: uses.to_vec(),
            changes,
            recorded: recorded.to_vec(),
            published: document.root.date("表紙.公表日"),
        });
    }
    out
}

impl TableChange {
    /// The table's rows: 変更日 `date` (else the document's 公表日) and the 提出時期に係る説明
    /// `reason` on each.
    pub fn rows(&self, date: Option<&str>, reason: &str) -> Vec<Row> {
        let date = date
            .map(str::to_string)
            .or_else(|| self.published.map(|d| d.wareki()))
            .unwrap_or_default();
        self.changes
            .iter()
            .map(|c| Row::new(c, &date, None, reason))
            .collect()
    }

    /// The rows of `rows` not recorded in the table yet (the same 項目, 変更前 and 変更後 under
    /// any 変更日 count as recorded).
    pub fn fresh(&self, rows: Vec<Row>) -> Vec<Row> {
        rows.into_iter()
            .filter(|r| record::recorded_as(&self.recorded, r).is_none())
            .collect()
    }
}

/// The new text of each change table that gets rows: `(table, text)`, checked by reading it
/// back; tables with nothing new are left out.
pub fn recorded_texts(
    tables: &[(&TableChange, Vec<Row>)],
) -> Result<Vec<(PathBuf, Vec<u8>)>, Error> {
    let mut out = Vec::new();
    for (table, rows) in tables {
        if rows.is_empty() {
            continue;
        }
        let existing = match std::fs::read_to_string(&table.table) {
            Ok(text) => Some(text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(source) => {
                return Err(Error::Read {
                    path: table.table.clone(),
                    source,
                });
            }
        };
        let text =
            record::appended(existing.as_deref(), &table.heading, rows).map_err(|message| {
                Error::Record {
                    path: table.table.clone(),
                    message,
                }
            })?;
        out.push((table.table.clone(), text.into_bytes()));
    }
    Ok(out)
}

/// The library `spec` names, against the office's current one: a folder (a copy, or a kept
/// snapshot `common-texts/versions/NAME`), or a git revision of the library's folder.
pub fn older_library(office: &Office, spec: &str, limits: &Limits) -> Result<Library, Error> {
    let path = Path::new(spec);
    let kept = office.folder().join(super::snapshot::SNAPSHOTS).join(spec);
    for folder in [path, kept.as_path()] {
        if folder.is_dir() {
            return Library::read(folder, limits);
        }
    }
    let folder = office.folder();
    let in_git = source::git_path(&folder)?;
    match source::git_files(spec, &in_git)? {
        Some(files) => Ok(Library::from_files(
            format!("{spec}:{in_git}").into(),
            files,
            limits,
        )),
        None => Err(Error::Git {
            spec: format!("{spec}:{in_git}"),
            message: format!(
                "no such folder, snapshot ({}) or git revision",
                kept.display()
            ),
        }),
    }
}

//! The 基礎項目評価書 published together with a 重点項目評価書: where its file lives, and how the
//! facts the two documents share (form2-fields.md, last section) reach it from the 重点項目評価書,
//! where they are written once.
//!
//! An assessment folder holds its main document in `assessment.yaml` (様式３ when the
//! しきい値判断 asks for a 重点項目評価, 様式２ when the 基礎項目評価書 is published alone).
//! Beside a 様式３ document, `kiso.yaml` is its 基礎項目評価書, holding only what the
//! 重点項目評価書 does not say, and `kiso-changes.yaml` that document's 変更箇所. A kept version
//! `versions/<name>.yaml` has its 基礎項目評価書 in `versions/<name>.kiso.yaml`.

use std::path::{Path, PathBuf};

use crate::diag::Span;
use crate::form::label::{full_label, resolve};
use crate::form::{self, Form, Item, Kind, Shared};

use super::DOCUMENT_FILE;
use super::document::{Document, Entry, Record, Value, inherited};

/// The 基礎項目評価書 beside a 重点項目評価書's `assessment.yaml`.
pub const BASIC_FILE: &str = "kiso.yaml";
/// Its change table.
pub const BASIC_CHANGES_FILE: &str = "kiso-changes.yaml";

/// The file of the 基礎項目評価書 that goes with the document file `document`:
/// `kiso.yaml` beside an `assessment.yaml`, `<name>.kiso.yaml` beside a version `<name>.yaml`.
pub fn basic_file_of(document: &Path) -> PathBuf {
    let name = document
        .file_name()
        .map(|n| n.to_string_lossy().to_string());
    match name.as_deref() {
        Some(DOCUMENT_FILE) | None => document.with_file_name(BASIC_FILE),
        Some(name) => {
            let stem = name.strip_suffix(".yaml").unwrap_or(name);
            document.with_file_name(format!("{stem}.kiso.yaml"))
        }
    }
}

/// Whether a file name is a 基礎項目評価書 of a pair (`kiso.yaml`, `<name>.kiso.yaml`) rather
/// than a document of its own.
pub fn is_basic_file(name: &str) -> bool {
    name == BASIC_FILE || name.ends_with(".kiso.yaml")
}

/// Fills the shared facts of a 基礎項目評価書 (`basic`, read as a companion) from the
/// 重点項目評価書 `key`, each marked [`Entry::shared`], and marks the document paired.
pub fn assemble(key: &Document, basic: &mut Document) {
    if key.edition.form != Form::Key || basic.edition.form != Form::Basic {
        return;
    }
    let span = basic.root.span;
    fill(basic.edition.items, &mut basic.root, &key.root, span);
    basic.paired = true;
}

/// Fills `record` (a section of the 基礎項目評価書) from the 重点項目評価書's root `key`; a
/// section the companion file leaves out is made, with `span` (its start) as its place.
fn fill(items: &'static [Item], record: &mut Record, key: &Record, span: Span) {
    for item in items {
        match (item.kind, item.shared) {
            (Kind::Section(children), _) if children.iter().any(contains_shared) => {
                if record.get(item.key).is_none() {
                    let inner = Record {
                        span,
                        ..Record::default()
                    };
                    let mut entry = shared_entry(item, Value::Section(inner), None);
                    entry.shared = inherited(item);
                    entry.key_span = span;
                    entry.span = span;
                    record.entries.push(entry);
                }
                if let Some(entry) = record.entries.iter_mut().find(|e| e.item.key == item.key)
                    && let Value::Section(inner) = &mut entry.value
                {
                    fill(children, inner, key, span);
                }
            }
            (_, Shared::From(path)) => {
                if let Some(source) = key.at(path) {
                    record
                        .entries
                        .push(shared_entry(item, source.value.clone(), Some(source)));
                }
            }
            (_, Shared::Names(group, name_key)) => {
                if let Some(source) = key.at(group) {
                    let names: Vec<String> = key
                        .blocks(group)
                        .iter()
                        .filter_map(|b| match b.record.get(name_key).map(|e| &e.value) {
                            Some(Value::Text(t)) => Some(t.clone()),
                            _ => None,
                        })
                        .collect();
                    let value = if names.is_empty() {
                        Value::Empty
                    } else {
                        Value::Text(names.join("、"))
                    };
                    record.entries.push(shared_entry(item, value, Some(source)));
                }
            }
            _ => {}
        }
    }
    // Keep the form's order, as the reader does.
    record.entries.sort_by_key(|e| {
        items
            .iter()
            .position(|i| std::ptr::eq(i, e.item))
            .unwrap_or(usize::MAX)
    });
}

fn contains_shared(item: &Item) -> bool {
    item.shared != Shared::No || item.children().iter().any(contains_shared)
}

fn shared_entry(item: &'static Item, value: Value, source: Option<&Entry>) -> Entry {
    Entry {
        item,
        key_span: source.map(|s| s.key_span).unwrap_or_default(),
        value,
        span: source.map(|s| s.span).unwrap_or_default(),
        shared: true,
    }
}

/// The 重点項目評価書's full label of the item a shared fact of 様式２ comes from.
pub fn source_label(item: &Item) -> Option<String> {
    match item.shared {
        Shared::From(path) | Shared::Names(path, _) => form::newest(Form::Key)
            .and_then(|edition| resolve(edition, path))
            .map(|steps| full_label(&steps)),
        Shared::No => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_basic_file_sits_beside_its_document() {
        assert_eq!(
            basic_file_of(Path::new("a/x/assessment.yaml")),
            Path::new("a/x/kiso.yaml")
        );
        assert_eq!(
            basic_file_of(Path::new("a/x/versions/2024-05-27.yaml")),
            Path::new("a/x/versions/2024-05-27.kiso.yaml")
        );
        assert!(is_basic_file("kiso.yaml"));
        assert!(is_basic_file("2024-05-27.kiso.yaml"));
        assert!(!is_basic_file("2024-05-27.yaml"));
    }
}

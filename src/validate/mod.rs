//! Validation: required and conditional items (from the form definition), then the rules of
//! the regime that relate items to each other ([`rules`]).

pub mod rules;

use crate::diag::{Diagnostic, Span, codes};
use crate::form::label::{Step, full_label, key_path};
use crate::form::{Cond, Item, Kind, Need};
use crate::load::{Assessment, Document, Record, Value, document::ticked};

/// Validates a loaded assessment, adding diagnostics to its reports.
pub fn validate(assessment: &mut Assessment) {
    if let Some(document) = &assessment.document {
        let mut found = Vec::new();
        check_document(document, &mut found);
        rules::document_rules(document, &mut found);
        assessment.document_report.diagnostics.extend(found);
        assessment.document_report.sort();
    }
    if let (Some(record), Some(report)) =
        (&assessment.changes_record, &mut assessment.changes_report)
    {
        let mut found = Vec::new();
        check_record(
            std::slice::from_ref(&crate::form::changes::TABLE),
            record,
            &mut Vec::new(),
            true,
            &mut found,
        );
        if let Some(document) = &assessment.document {
            rules::change_rules(document, &assessment.changes, &mut found);
        }
        report.diagnostics.extend(found);
        report.sort();
    }
}

/// Checks every item of the document against its `Need`.
pub fn check_document(document: &Document, out: &mut Vec<Diagnostic>) {
    check_record(
        document.edition.items,
        &document.root,
        &mut Vec::new(),
        true,
        out,
    );
}

/// How a condition on a sibling evaluates; `None` when the sibling is missing or invalid, in
/// which case the dependent item is not judged (the sibling already has its own diagnostic).
fn holds(cond: Cond, record: &Record) -> Option<bool> {
    let value_of = |key: &str| record.get(key).map(|e| (&e.value, e.item.kind));
    match cond {
        Cond::Is(key, want) | Cond::IsNot(key, want) => {
            let chosen = match value_of(key) {
                Some((Value::Choice(i), Kind::Choice(list))) => list.options.get(*i).copied(),
                Some((Value::Invalid, _)) | None => return None,
                Some(_) => return None,
            };
            let is = chosen == Some(want);
            Some(if matches!(cond, Cond::Is(..)) {
                is
            } else {
                !is
            })
        }
        Cond::Ticked(key, option) | Cond::NotTicked(key, option) => {
            let on = match value_of(key) {
                Some((Value::Checks(ticks), Kind::Checks(options))) => {
                    ticked(ticks, options, option).is_some()
                }
                None => false,
                Some(_) => return None,
            };
            Some(if matches!(cond, Cond::Ticked(..)) {
                on
            } else {
                !on
            })
        }
        Cond::FlagOff(key) => match value_of(key) {
            Some((Value::Flag(on), _)) => Some(!on),
            None => Some(true),
            Some(_) => None,
        },
    }
}

/// Whether anything is written in a value. A block holding only its `id` writes nothing, so
/// the empty block of a fresh skeleton (`hyoka init`) under 提供先 is not "filled" while
/// 提供を行っている is unticked; a block with any value, even an invalid one, is.
fn written(value: &Value) -> bool {
    let any = |record: &Record| record.entries.iter().any(|e| written(&e.value));
    match value {
        Value::Section(record) => any(record),
        Value::Group(blocks) => blocks.iter().any(|b| any(&b.record)),
        Value::Invalid => true,
        other => !other.is_empty(),
    }
}

/// The full label of the sibling a condition speaks of.
fn sibling_label(cond: Cond, path: &[Step], siblings: &'static [Item]) -> String {
    let key = match cond {
        Cond::Is(k, _)
        | Cond::IsNot(k, _)
        | Cond::Ticked(k, _)
        | Cond::NotTicked(k, _)
        | Cond::FlagOff(k) => k,
    };
    let mut sibling_path = path[..path.len().saturating_sub(1)].to_vec();
    if let Some(item) = siblings.iter().find(|i| i.key == key) {
        sibling_path.push(Step { item, index: None });
    }
    full_label(&sibling_path)
}

/// What the sibling currently says, for messages: (Japanese, English).
fn state(cond: Cond, holds: bool, record: &Record) -> (String, String) {
    let chosen = |key: &str| {
        record
            .get(key)
            .and_then(|e| match (&e.value, e.item.kind) {
                (Value::Choice(i), Kind::Choice(list)) => {
                    list.options.get(*i).map(|s| s.to_string())
                }
                _ => None,
            })
            .unwrap_or_default()
    };
    let same = |s: String| (s.clone(), s);
    match (cond, holds) {
        (Cond::Is(_, v), true) | (Cond::IsNot(_, v), false) => same(v.to_string()),
        (Cond::Is(k, _), false) | (Cond::IsNot(k, _), true) => same(chosen(k)),
        (Cond::Ticked(_, v), true) | (Cond::NotTicked(_, v), false) => {
            (format!("{v}にチェックあり"), format!("{v} ticked"))
        }
        (Cond::Ticked(_, v), false) | (Cond::NotTicked(_, v), true) => {
            (format!("{v}にチェックなし"), format!("{v} not ticked"))
        }
        (Cond::FlagOff(_), true) => ("チェックなし".into(), "not ticked".into()),
        (Cond::FlagOff(_), false) => ("チェックあり".into(), "ticked".into()),
    }
}

/// Checks the items of one section or block.
fn check_record(
    items: &'static [Item],
    record: &Record,
    path: &mut Vec<Step>,
    active: bool,
    out: &mut Vec<Diagnostic>,
) {
    for item in items {
        path.push(Step { item, index: None });
        let entry = record.get(item.key);
        let cond = match item.need {
            Need::When(cond) => Some((cond, holds(cond, record))),
            _ => None,
        };
        // Inactive: the item's condition is false (or an ancestor's was), so it must stay empty.
        let inactive = !active || matches!(cond, Some((_, Some(false))));
        let undecided = matches!(cond, Some((_, None)));
        let filled = entry.is_some_and(|e| e.value != Value::Invalid && written(&e.value));
        let here = |span: Span, code| {
            Diagnostic::new(code, Some(span)).at_item(full_label(path), key_path(path))
        };
        if inactive && active && filled {
            if let (Some((c, _)), Some(e)) = (cond, entry) {
                let (ja, en) = state(c, false, record);
                out.push(
                    here(e.span, &codes::FILLED_AGAINST_CONDITION)
                        .arg("cond_item", sibling_label(c, path, items))
                        .arg_lang("cond_value", ja, en),
                );
            }
        } else if !inactive && !undecided {
            let required = match item.need {
                Need::Required => true,
                Need::Optional => false,
                Need::When(_) => true,
            };
            let missing_or_empty = match entry {
                // A misspelt key was already reported with a suggestion.
                None if record.misspelled.contains(&item.key) => false,
                None => true,
                Some(e) => e.value.is_empty(),
            };
            // A section is judged through its items; a missing section reports once.
            if required
                && missing_or_empty
                && !(entry.is_some() && matches!(item.kind, Kind::Section(_)))
            {
                let d = match (cond, entry) {
                    (Some((c, _)), _) => {
                        let (ja, en) = state(c, true, record);
                        here(
                            entry.map_or(record.span, |e| e.span),
                            &codes::REQUIRED_BY_CONDITION,
                        )
                        .arg("cond_item", sibling_label(c, path, items))
                        .arg_lang("cond_value", ja, en)
                    }
                    (None, None) => here(record.span, &codes::MISSING_ITEM).arg("key", item.key),
                    (None, Some(e)) => here(e.span, &codes::EMPTY_VALUE),
                };
                out.push(d);
            }
        }
        // Descend: sections and blocks are checked item by item.
        let child_active = !inactive && !undecided;
        if let Some(e) = entry {
            match (&e.value, item.kind) {
                (Value::Section(inner), Kind::Section(children)) if child_active => {
                    check_record(children, inner, path, child_active, out)
                }
                (Value::Group(blocks), Kind::Group(group)) if child_active => {
                    for (i, block) in blocks.iter().enumerate() {
                        if let Some(last) = path.last_mut() {
                            last.index = Some(i + 1);
                        }
                        check_record(group.items, &block.record, path, true, out);
                    }
                }
                _ => {}
            }
        }
        path.pop();
    }
}

#[cfg(test)]
mod tests;

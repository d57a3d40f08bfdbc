//! Validation: required and conditional items (from the form definition), then the rules of
//! the regime that relate items to each other: [`rules`] for the 重点項目評価書 (様式３),
//! [`basic`] for the 基礎項目評価書 (様式２), and [`pair`] for what the two documents of one
//! assessment must agree on.

pub mod basic;
pub mod pair;
pub mod rules;

use crate::diag::{Diagnostic, Span, codes};
use crate::form::label::{Step, full_label, key_path};
use crate::form::{Cond, Form, Item, Kind, Need};
use crate::load::document::{inherited, ticked};
use crate::load::{Assessment, Document, Record, Value};

/// Validates a loaded assessment (and the 基礎項目評価書 beside it), adding diagnostics to its
/// reports.
pub fn validate(assessment: &mut Assessment) {
    // The 基礎項目評価書's しきい値判断項目 state exactly what the 重点項目評価書 can only
    // infer, so the 重点項目評価書's しきい値判断結果 is judged on them.
    let basic_facts = assessment
        .basic
        .as_ref()
        .and_then(|b| b.document.as_ref().map(|d| (b, d)))
        .and_then(|(b, d)| pair::BasicFacts::of(d, &b.document_report));
    validate_file(assessment, basic_facts.as_ref());
    if let Some(basic) = assessment.basic.as_deref_mut() {
        validate_file(basic, None);
    }
    pair::check(assessment);
}

/// Validates one document file and its change table.
fn validate_file(assessment: &mut Assessment, basic_facts: Option<&pair::BasicFacts>) {
    if let Some(document) = &assessment.document {
        let mut found = Vec::new();
        check_document(document, &mut found);
        document_rules(document, basic_facts, &mut found);
        crate::common_texts::reference::point_at_entries(&document.common_texts, &mut found);
        assessment.document_report.diagnostics.extend(found);
        assessment.document_report.sort();
    }
    if let (Some(record), Some(report)) =
        (&assessment.changes_record, &mut assessment.changes_report)
    {
        let mut found = Vec::new();
        Check {
            skip_inherited: false,
            assumed: &[],
            out: &mut found,
        }
        .record(
            std::slice::from_ref(&crate::form::changes::TABLE),
            record,
            &mut Vec::new(),
            true,
        );
        if let Some(document) = &assessment.document {
            rules::change_rules(document, &assessment.changes, &mut found);
        }
        report.diagnostics.extend(found);
        report.sort();
    }
}

/// The rules of the document's form (`basic_facts`: a 基礎項目評価書's しきい値判断項目 that a
/// 重点項目評価書 is judged on).
pub fn document_rules(
    document: &Document,
    basic_facts: Option<&pair::BasicFacts>,
    out: &mut Vec<Diagnostic>,
) {
    match document.edition.form {
        Form::Basic => basic::document_rules(document, out),
        Form::Key | Form::Full => rules::document_rules(document, basic_facts, out),
    }
}

/// Checks every item of the document against its `Need`. In a 基礎項目評価書 published with a
/// 重点項目評価書, the shared facts are that document's and are judged there.
pub fn check_document(document: &Document, out: &mut Vec<Diagnostic>) {
    let answers = pair::companion_answers();
    let mut check = Check {
        skip_inherited: document.paired,
        assumed: if document.paired { &answers } else { &[] },
        out,
    };
    check.record(
        document.edition.items,
        &document.root,
        &mut Vec::new(),
        true,
    );
}

/// The walk of [`check_document`].
struct Check<'a> {
    skip_inherited: bool,
    /// Choices judged as if they held their required value (key path, value), whatever is
    /// written: a paired 基礎項目評価書's Ⅳ１ ([`pair::companion_answers`]).
    assumed: &'a [(&'a str, &'a str)],
    out: &'a mut Vec<Diagnostic>,
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
        Cond::FlagOff(key) | Cond::FlagOn(key) => {
            let on = match value_of(key) {
                Some((Value::Flag(on), _)) => *on,
                None => false,
                Some(_) => return None,
            };
            Some(on == matches!(cond, Cond::FlagOn(_)))
        }
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
        | Cond::FlagOff(k)
        | Cond::FlagOn(k) => k,
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
        (Cond::FlagOff(_), true) | (Cond::FlagOn(_), false) => {
            ("チェックなし".into(), "not ticked".into())
        }
        (Cond::FlagOff(_), false) | (Cond::FlagOn(_), true) => {
            ("チェックあり".into(), "ticked".into())
        }
    }
}

impl Check<'_> {
    /// Whether `cond` of the item at `path` holds: from an assumed value when its sibling has one.
    fn judged(&self, cond: Cond, record: &Record, path: &[Step]) -> Option<bool> {
        if let Cond::Is(key, want) | Cond::IsNot(key, want) = cond {
            let parent = key_path(&path[..path.len().saturating_sub(1)]);
            let sibling = if parent.is_empty() {
                key.to_string()
            } else {
                format!("{parent}.{key}")
            };
            if let Some((_, value)) = self.assumed.iter().find(|(p, _)| *p == sibling) {
                let is = *value == want;
                return Some(if matches!(cond, Cond::Is(..)) {
                    is
                } else {
                    !is
                });
            }
        }
        holds(cond, record)
    }

    /// Checks the items of one section or block.
    fn record(
        &mut self,
        items: &'static [Item],
        record: &Record,
        path: &mut Vec<Step>,
        active: bool,
    ) {
        for item in items {
            if self.skip_inherited && inherited(item) {
                continue;
            }
            path.push(Step { item, index: None });
            let entry = record.get(item.key);
            let cond = match item.need {
                Need::When(cond) => Some((cond, self.judged(cond, record, path))),
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
                    self.out.push(
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
                        (None, None) => {
                            here(record.span, &codes::MISSING_ITEM).arg("key", item.key)
                        }
                        (None, Some(e)) => here(e.span, &codes::EMPTY_VALUE),
                    };
                    self.out.push(d);
                }
            }
            // Descend: sections and blocks are checked item by item.
            let child_active = !inactive && !undecided;
            if let Some(e) = entry {
                match (&e.value, item.kind) {
                    (Value::Section(inner), Kind::Section(children)) if child_active => {
                        self.record(children, inner, path, child_active)
                    }
                    (Value::Group(blocks), Kind::Group(group)) if child_active => {
                        for (i, block) in blocks.iter().enumerate() {
                            if let Some(last) = path.last_mut() {
                                last.index = Some(i + 1);
                            }
                            self.record(group.items, &block.record, path, true);
                        }
                    }
                    _ => {}
                }
            }
            path.pop();
        }
    }
}

#[cfg(test)]
mod tests;

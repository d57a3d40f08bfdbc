//! 提出時期 of a 重要な変更 (rules.md §2): a change to a ※ item is submitted 事前; a row
//! recorded as 事後 needs its reason in 提出時期に係る説明. The validator warns about such
//! rows (W0502) and `hyoka check` reminds of them, both through [`unexplained_afterwards`].

use std::collections::HashSet;

use crate::form::changes::TABLE;
use crate::form::choices::TIMING;
use crate::form::label::{Step, full_label, resolve_in};
use crate::form::{Item, Kind, is_important};
use crate::load::{ChangeRow, Document};

/// The rows (0-based index and row) of a change table that change a ※ item, are recorded as
/// 事後 and leave 提出時期に係る説明 empty.
pub fn unexplained_afterwards<'a>(
    document: &Document,
    rows: &'a [ChangeRow],
) -> Vec<(usize, &'a ChangeRow)> {
    let important = important_labels(document);
    rows.iter()
        .enumerate()
        .filter(|(_, row)| {
            row.timing == Some(TIMING.options[1])
                && row.reason.trim().is_empty()
                && important.contains(&row.item)
        })
        .collect()
}

/// The full label and key path of a column of the change table's row `index` (0-based),
/// e.g. `変更箇所[3].提出時期に係る説明`.
pub fn column(index: usize, key: &str) -> (String, String) {
    let path = format!("{}[{}].{key}", TABLE.key, index + 1);
    let steps = resolve_in(std::slice::from_ref(&TABLE), &path);
    (steps.map(|s| full_label(&s)).unwrap_or_default(), path)
}

/// Canonical labels of every ※ item (groups expanded to their maximum), so that rows written
/// with hyoka's own labels can be recognised. Historical free-style labels are not matched.
fn important_labels(document: &Document) -> HashSet<String> {
    fn go(items: &'static [Item], path: &mut Vec<Step>, labels: &mut HashSet<String>) {
        for item in items {
            match item.kind {
                Kind::Group(group) => {
                    for i in 1..=group.max.min(20) {
                        path.push(Step {
                            item,
                            index: Some(i),
                        });
                        if is_important(path) {
                            labels.insert(full_label(path));
                        }
                        go(group.items, path, labels);
                        path.pop();
                    }
                }
                _ => {
                    path.push(Step { item, index: None });
                    if is_important(path) {
                        labels.insert(full_label(path));
                    }
                    go(item.children(), path, labels);
                    path.pop();
                }
            }
        }
    }
    let mut labels = HashSet::new();
    go(document.edition.items, &mut Vec::new(), &mut labels);
    labels
}

//! 提出時期 of a 重要な変更 (rules.md §2): a change to a ※ item is submitted 事前; a row
//! recorded as 事後 needs its reason in 提出時期に係る説明. The validator warns about such
//! rows (W0502) and `hyoka check` reminds of them, both through [`unexplained_afterwards`].

use std::collections::HashSet;

use crate::form::changes::TABLE;
use crate::form::choices::TIMING;
use crate::form::label::{Step, bare, full_label, recorded_labels, resolve_in};
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
                && important.contains(&bare(&row.item))
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

/// The labels of every ※ item (groups expanded to their maximum) without separators, in
/// hyoka's styles past and present, so that rows written with hyoka's own labels are
/// recognised. Historical free-style labels are not matched.
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
                            labels.extend(recorded_labels(path).iter().map(|l| bare(l)));
                        }
                        go(group.items, path, labels);
                        path.pop();
                    }
                }
                _ => {
                    path.push(Step { item, index: None });
                    if is_important(path) {
                        labels.extend(recorded_labels(path).iter().map(|l| bare(l)));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{self, Limits};

    const MINIMAL: &str = include_str!("../../tests/suite/validate/valid-minimal.yaml");

    fn row(item: &str) -> ChangeRow {
        ChangeRow {
            date: None,
            item: item.to_string(),
            before: "前".into(),
            after: "後".into(),
            timing: Some(TIMING.options[1]),
            reason: String::new(),
            span: Default::default(),
        }
    }

    /// A ※ item's row is recognised in today's label, in the shorter one hyoka wrote before a
    /// label named its section, and with or without separators; a non-※ row is not.
    #[test]
    fn rows_of_important_items_are_recognised_in_every_style_hyoka_wrote() {
        let (_, document) =
            load::document_from_bytes("t.yaml".into(), MINIMAL.as_bytes(), &Limits::default());
        let document = document.unwrap();
        let rows = [
            row("Ⅰ．５．情報提供ネットワークシステムによる情報連携　②法令上の根拠"),
            row("Ⅰ．５．②法令上の根拠"),
            row("Ⅰ５．②法令上の根拠"),
            row("Ⅴ．１．基礎項目評価　①実施日"),
        ];
        let found: Vec<usize> = unexplained_afterwards(&document, &rows)
            .iter()
            .map(|(i, _)| *i)
            .collect();
        assert_eq!(found, [0, 1, 2]);
    }
}

//! `--record`: append new rows to an assessment's `changes.yaml`, keeping what is there, and
//! update the 提出時期 and 説明 of rows recorded before.
//!
//! The existing text is kept byte for byte (comments included); the rows are inserted at the
//! end of the `変更箇所:` list, and an update replaces only the values it changes. The result is
//! parsed back before it replaces the file, and the file is replaced atomically, so a failure at
//! any point leaves the old file as it was.

use std::path::Path;

use super::export::Row;
use crate::Error;
use crate::load::ChangeRow;
use crate::load::yaml::{self, Limits, NodeValue};

/// The row of `changes.yaml` that already records `row`'s change: the same 項目, 変更前 and
/// 変更後, under any 変更日 (the last such row when there are several). 項目 are compared
/// without their separators, so a row written in the earlier style (`Ⅴ１．基礎項目評価①実施日`)
/// is the same item as hyoka's `Ⅴ．１．基礎項目評価　①実施日`.
pub fn recorded_as<'a>(recorded: &'a [ChangeRow], row: &Row) -> Option<(usize, &'a ChangeRow)> {
    let bare = crate::form::label::bare;
    let label = bare(&row.label);
    recorded.iter().enumerate().rev().find(|(_, old)| {
        old.before == row.before && old.after == row.after && bare(&old.item) == label
    })
}

/// A change to a recorded row: its position in the `変更箇所:` list and its new values.
#[derive(Debug, Clone, PartialEq)]
pub struct Update {
    /// The row's position in the list (0-based).
    pub index: usize,
    /// The new 提出時期, if it changes.
    pub timing: Option<String>,
    /// The new 提出時期に係る説明, if it changes.
    pub explanation: Option<String>,
}

/// What recording a table's rows does, decided before anything is written: the rows to append,
/// the recorded rows to update, and what to tell the user about each row left as it was.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// Rows whose change is not recorded yet, to append.
    pub fresh: Vec<Row>,
    /// Recorded rows whose 提出時期 or 説明 this run sets otherwise.
    pub updates: Vec<Update>,
    /// What happened to each row that is recorded already, by its number in `rows` (0-based).
    pub notes: Vec<(usize, Note)>,
    /// Rows recorded already, as they are, under the same 変更日.
    pub unchanged: usize,
}

/// What happened to a row whose change is recorded already.
#[derive(Debug, Clone, PartialEq)]
pub enum Note {
    /// Its 提出時期 and/or 説明 were updated: (was, now) of each that changed.
    Updated {
        /// The row's 項目.
        label: String,
        /// The recorded row's 変更日.
        date: String,
        /// 提出時期 (was, now).
        timing: Option<(String, String)>,
        /// 提出時期に係る説明 (was, now).
        explanation: Option<(String, String)>,
    },
    /// Recorded under another 変更日, so not added again.
    OtherDate {
        /// The row's 項目.
        label: String,
        /// The recorded row's 変更日.
        recorded: String,
        /// The 変更日 of this run.
        date: String,
    },
}

/// Decides what recording `rows` into a table holding `recorded` does. A row whose change is
/// recorded already (same 項目, 変更前 and 変更後) is not added again; its 提出時期 is updated
/// when `explicit_timing[i]` says this run set it (and it differs), its 説明 when
/// `explicit_reason` does.
pub fn plan(
    recorded: &[ChangeRow],
    rows: &[Row],
    explicit_timing: &[bool],
    explicit_reason: bool,
) -> Plan {
    let mut plan = Plan::default();
    for (n, row) in rows.iter().enumerate() {
        let Some((index, old)) = recorded_as(recorded, row) else {
            plan.fresh.push(row.clone());
            continue;
        };
        let old_date = old.date.map(|d| d.wareki()).unwrap_or_default();
        let explicit = explicit_timing.get(n).copied().unwrap_or(false);
        let timing =
            (explicit && old.timing != Some(row.timing.as_str())).then(|| row.timing.clone());
        let explanation =
            (explicit_reason && old.reason != row.explanation).then(|| row.explanation.clone());
        if timing.is_some() || explanation.is_some() {
            plan.notes.push((
                n,
                Note::Updated {
                    label: row.label.clone(),
                    date: old_date,
                    timing: timing
                        .clone()
                        .map(|t| (old.timing.unwrap_or("").to_string(), t)),
                    explanation: explanation.clone().map(|e| (old.reason.clone(), e)),
                },
            ));
            plan.updates.push(Update {
                index,
                timing,
                explanation,
            });
        } else if old_date != row.date {
            plan.notes.push((
                n,
                Note::OtherDate {
                    label: row.label.clone(),
                    recorded: old_date,
                    date: row.date.clone(),
                },
            ));
        } else {
            plan.unchanged += 1;
        }
    }
    plan
}

/// A YAML scalar for `text`: a literal block when that keeps the text exactly and readably,
/// else a double-quoted string (JSON string syntax is valid YAML and round-trips anything).
fn scalar(text: &str, indent: &str) -> String {
    crate::edit::text_after_key(text, indent.len())
}

/// The YAML text of rows as list items at `indent`.
pub fn rows_yaml(rows: &[Row], indent: &str) -> String {
    let mut out = String::new();
    for row in rows {
        let inner = format!("{indent}  ");
        out.push_str(&format!(
            "{indent}- 変更日: {}\n",
            scalar(&row.date, &inner)
        ));
        for (key, value) in [
            ("項目", &row.label),
            ("変更前の記載", &row.before),
            ("変更後の記載", &row.after),
            ("提出時期", &row.timing),
            ("提出時期に係る説明", &row.explanation),
        ] {
            out.push_str(&format!("{inner}{key}: {}\n", scalar(value, &inner)));
        }
    }
    out
}

/// The root of an existing `changes.yaml`.
fn parse_table(text: &str) -> Result<yaml::Node, String> {
    yaml::parse(text, &Limits::default())
        .root
        .ok_or_else(|| "changes.yaml cannot be parsed; fix it before recording".into())
}

/// The `変更箇所:` key and its value in the root of `changes.yaml`.
fn table_entry(root: &yaml::Node) -> Result<(&yaml::Node, &yaml::Node), String> {
    let NodeValue::Map(entries) = &root.value else {
        return Err("changes.yaml must start with `変更箇所:`".into());
    };
    entries
        .iter()
        .find(|(k, _)| k.scalar() == Some("変更箇所"))
        .map(|(k, v)| (k, v))
        .ok_or_else(|| "changes.yaml has no `変更箇所:` key".into())
}

/// The new text of `changes.yaml` with `rows` appended, checked by parsing it back; a new file
/// starts with a comment naming the table (`heading`: `（別添２）変更箇所`).
pub fn appended(existing: Option<&str>, heading: &str, rows: &[Row]) -> Result<String, String> {
    let Some(text) = existing.filter(|t| !t.trim().is_empty()) else {
        let text = format!("# {heading}\n変更箇所:\n{}", rows_yaml(rows, "  "));
        return check(&text, rows.len()).map(|_| text);
    };
    let root = parse_table(text)?;
    let (key, list) = table_entry(&root)?;
    let before = match &list.value {
        NodeValue::Seq(items) => items.len(),
        _ => 0,
    };
    let chars: Vec<char> = text.chars().collect();
    let at = |offset: usize| chars[..offset.min(chars.len())].iter().collect::<String>();
    let rest = |offset: usize| chars[offset.min(chars.len())..].iter().collect::<String>();
    let new_text = match &list.value {
        NodeValue::Seq(items)
            if !items.is_empty() && !text_at(&chars, list.span.start.offset).starts_with('[') =>
        {
            // Block list: insert after its last item, with the indentation of its items.
            let indent = " ".repeat(items[0].span.start.col.saturating_sub(3));
            let end = end_of_line(&chars, content_end(&chars, &items[items.len() - 1]));
            let head = at(end);
            let sep = if head.ends_with('\n') { "" } else { "\n" };
            format!("{head}{sep}{}{}", rows_yaml(rows, &indent), rest(end))
        }
        _ if list.is_null() || matches!(&list.value, NodeValue::Seq(items) if items.is_empty()) => {
            // `変更箇所:` or `変更箇所: []`: replace the value by a block list.
            let start = key.span.end.offset + 1;
            let end = if list.is_null() {
                end_of_line(&chars, start)
            } else {
                end_of_line(&chars, list.span.end.offset)
            };
            format!(
                "{}\n{}{}",
                at(start).trim_end_matches([' ', ':']).to_string() + ":",
                rows_yaml(rows, "  "),
                rest(end)
            )
        }
        _ => return Err("`変更箇所:` must be a list of rows".into()),
    };
    check(&new_text, before + rows.len())?;
    Ok(new_text)
}

/// The offset just after the last character of content in a node (its deepest, last scalar),
/// not counting the line breaks and spaces a block scalar's span may run on into.
fn content_end(chars: &[char], node: &yaml::Node) -> usize {
    fn deepest(node: &yaml::Node) -> usize {
        match &node.value {
            NodeValue::Scalar { .. } => node.span.end.offset,
            NodeValue::Seq(items) => items
                .iter()
                .map(deepest)
                .max()
                .unwrap_or(node.span.start.offset),
            NodeValue::Map(entries) => entries
                .iter()
                .map(|(k, v)| deepest(k).max(deepest(v)))
                .max()
                .unwrap_or(node.span.start.offset),
        }
    }
    let mut end = deepest(node).min(chars.len());
    while end > 0 && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    end
}

fn text_at(chars: &[char], offset: usize) -> String {
    chars[offset.min(chars.len())..].iter().take(1).collect()
}

/// The offset just past the line break that ends the line holding `offset`.
fn end_of_line(chars: &[char], offset: usize) -> usize {
    let mut i = offset.min(chars.len());
    while i < chars.len() && chars[i] != '\n' {
        i += 1;
    }
    (i + 1).min(chars.len())
}

/// The new text of `changes.yaml` with the 提出時期 and 説明 of recorded rows replaced, checked
/// by parsing it back. A row without a `提出時期に係る説明:` key gets one after its 提出時期.
pub fn updated(text: &str, updates: &[Update]) -> Result<String, String> {
    let root = parse_table(text)?;
    let items = match &table_entry(&root)?.1.value {
        NodeValue::Seq(items) => items,
        _ => return Err("`変更箇所:` must be a list of rows".into()),
    };
    let chars: Vec<char> = text.chars().collect();
    // (start, end, replacement), applied from the end so that offsets stay valid.
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    for update in updates {
        let Some(NodeValue::Map(row)) = items.get(update.index).map(|n| &n.value) else {
            return Err(format!(
                "internal error: no recorded row {}",
                update.index + 1
            ));
        };
        let find = |key: &str| row.iter().find(|(k, _)| k.scalar() == Some(key));
        for (key, value) in [
            ("提出時期", &update.timing),
            ("提出時期に係る説明", &update.explanation),
        ] {
            let Some(value) = value else { continue };
            match find(key) {
                Some((k, v)) => {
                    let indent = " ".repeat(k.span.start.col.saturating_sub(1));
                    let start = k.span.end.offset + 1;
                    let end = if v.is_null() {
                        start
                    } else {
                        content_end(&chars, v)
                    };
                    edits.push((start, end, format!(" {}", scalar(value, &indent))));
                }
                None => {
                    // Insert the key on the line after 提出時期 (or after the row's last line).
                    let after = find("提出時期")
                        .map(|(_, v)| v)
                        .unwrap_or(&items[update.index]);
                    let (k, _) = &row[0];
                    let indent = " ".repeat(k.span.start.col.saturating_sub(1));
                    let at = end_of_line(&chars, content_end(&chars, after));
                    let head: String = chars[..at].iter().collect();
                    let sep = if head.ends_with('\n') { "" } else { "\n" };
                    edits.push((
                        at,
                        at,
                        format!("{sep}{indent}{key}: {}\n", scalar(value, &indent)),
                    ));
                }
            }
        }
    }
    edits.sort_by_key(|(start, _, _)| std::cmp::Reverse(*start));
    let mut out = chars;
    for (start, end, replacement) in edits {
        out.splice(start..end, replacement.chars());
    }
    let new_text: String = out.into_iter().collect();
    check(&new_text, items.len())?;
    Ok(new_text)
}

/// Parses the text back and counts its rows, so a broken result is never written.
fn check(text: &str, want: usize) -> Result<(), String> {
    let (report, _record, rows) = crate::load::changes::from_bytes(
        "changes.yaml".into(),
        text.as_bytes(),
        &Limits::default(),
    );
    if report.has_errors() || rows.len() != want {
        return Err(format!(
            "internal error: the recorded table would hold {} rows instead of {want}",
            rows.len()
        ));
    }
    Ok(())
}

/// Updates recorded rows of a change table file (`changes.yaml`, `kiso-changes.yaml`), then
/// appends `rows`, in one atomic write; `heading` names the table in a new file.
pub fn record_into(
    path: &Path,
    heading: &str,
    rows: &[Row],
    updates: &[Update],
) -> Result<(), Error> {
    let path = path.to_path_buf();
    let existing = match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(source) => return Err(Error::Read { path, source }),
    };
    let failed = |message| Error::Record {
        path: path.clone(),
        message,
    };
    let existing = match (existing, updates.is_empty()) {
        (Some(text), false) => Some(updated(&text, updates).map_err(failed)?),
        (text, _) => text,
    };
    let text = if rows.is_empty() {
        existing.unwrap_or_default()
    } else {
        appended(existing.as_deref(), heading, rows).map_err(failed)?
    };
    crate::output::write_atomic(&path, text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = "# 既存のコメント\n変更箇所:\n  - 変更日: 令和6年5月27日  # 一行目\n    項目: Ⅱ．６．保管場所\n    変更前の記載: 旧\n    変更後の記載: 新\n    提出時期: 事前\n    提出時期に係る説明: |-\n      一行目\n      二行目\n  # 二行目の前のコメント\n  - 変更日: 令和7年1月24日\n    項目: Ⅴ．１．基礎項目評価　①実施日\n    提出時期: 事後\n";

    #[test]
    fn updates_replace_only_the_values_they_change() {
        let text = updated(
            TABLE,
            &[Update {
                index: 0,
                timing: Some("事後".into()),
                explanation: Some("見直しによる".into()),
            }],
        )
        .unwrap();
        assert_eq!(
            text,
            TABLE
                .replace("提出時期: 事前", "提出時期: 事後")
                .replace("説明: |-\n      一行目\n      二行目", "説明: 見直しによる")
        );
    }

    #[test]
    fn an_explanation_is_added_where_there_was_none() {
        let text = updated(
            TABLE,
            &[Update {
                index: 1,
                timing: None,
                explanation: Some("二行の\n説明".into()),
            }],
        )
        .unwrap();
        assert!(
            text.ends_with(
                "    提出時期: 事後\n    提出時期に係る説明: |-\n      二行の\n      説明\n"
            ),
            "{text}"
        );
        assert!(text.starts_with(TABLE), "the rest is kept: {text}");
    }

    #[test]
    fn the_same_change_is_found_under_any_date() {
        let (_, _, rows) = crate::load::changes::from_bytes(
            "changes.yaml".into(),
            TABLE.as_bytes(),
            &Limits::default(),
        );
        let change = crate::diff::Change {
            path: "ファイルの概要.保管・消去.保管場所".into(),
            label: "Ⅱ．６．保管場所".into(),
            before: "旧".into(),
            after: "新".into(),
            whole_before: "旧".into(),
            whole_after: "新".into(),
            important: true,
            reassessment: false,
            hint: None,
        };
        let row = Row::new(&change, "令和8年1月1日", None, "");
        assert_eq!(recorded_as(&rows, &row).map(|(i, _)| i), Some(0));
        let other = Row {
            after: "別".into(),
            ..row
        };
        assert!(recorded_as(&rows, &other).is_none());
        let earlier_style = Row {
            label: "Ⅱ６．保管場所".into(),
            ..Row::new(&change, "令和8年1月1日", None, "")
        };
        assert_eq!(recorded_as(&rows, &earlier_style).map(|(i, _)| i), Some(0));
    }
}

//! `--record`: append new rows to an assessment's `changes.yaml`, keeping what is there.
//!
//! The existing text is kept byte for byte (comments included); the rows are inserted at the
//! end of the `変更箇所:` list. The result is parsed back before it replaces the file, and the
//! file is replaced atomically, so a failure at any point leaves the old file as it was.

use std::path::Path;

use super::export::Row;
use crate::Error;
use crate::load::yaml::{self, Limits, NodeValue, plain_safe};

/// A YAML scalar for `text`: a literal block when that keeps the text exactly and readably,
/// else a double-quoted string (JSON string syntax is valid YAML and round-trips anything).
fn scalar(text: &str, indent: &str) -> String {
    let block_safe = text.contains('\n')
        && !text.starts_with([' ', '\t', '\n'])
        && !text.ends_with('\n')
        && text.lines().all(|l| !l.ends_with([' ', '\t']))
        && !text.chars().any(|c| c.is_control() && c != '\n');
    if plain_safe(text) {
        return text.to_string();
    }
    if block_safe {
        let body: Vec<String> = text
            .split('\n')
            .map(|l| {
                if l.is_empty() {
                    String::new()
                } else {
                    format!("{indent}  {l}")
                }
            })
            .collect();
        format!("|-\n{}", body.join("\n"))
    } else {
        serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into())
    }
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

/// The new text of `changes.yaml` with `rows` appended, checked by parsing it back; a new file
/// starts with a comment naming the table (`heading`: `（別添２）変更箇所`).
pub fn appended(existing: Option<&str>, heading: &str, rows: &[Row]) -> Result<String, String> {
    let Some(text) = existing.filter(|t| !t.trim().is_empty()) else {
        let text = format!("# {heading}\n変更箇所:\n{}", rows_yaml(rows, "  "));
        return check(&text, rows.len()).map(|_| text);
    };
    let parsed = yaml::parse(text, &Limits::default());
    let root = parsed
        .root
        .ok_or("changes.yaml cannot be parsed; fix it before recording")?;
    let NodeValue::Map(entries) = &root.value else {
        return Err("changes.yaml must start with `変更箇所:`".into());
    };
    let (key, list) = entries
        .iter()
        .find(|(k, _)| k.scalar() == Some("変更箇所"))
        .ok_or("changes.yaml has no `変更箇所:` key")?;
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

/// Appends rows to `folder/changes.yaml` atomically.
pub fn record(folder: &Path, rows: &[Row]) -> Result<(), Error> {
    record_into(
        &folder.join(crate::load::CHANGES_FILE),
        "（別添２）変更箇所",
        rows,
    )
}

/// Appends rows to a change table file atomically (`heading` names the table in a new file).
pub fn record_into(path: &Path, heading: &str, rows: &[Row]) -> Result<(), Error> {
    let path = path.to_path_buf();
    let existing = match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(source) => return Err(Error::Read { path, source }),
    };
    let text = appended(existing.as_deref(), heading, rows).map_err(|message| Error::Record {
        path: path.clone(),
        message,
    })?;
    crate::output::write_atomic(&path, text.as_bytes())
}

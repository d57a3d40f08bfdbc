//! `changes.yaml`: the rows of （別添２）変更箇所 recorded so far.

use std::path::PathBuf;

use crate::diag::{FileReport, Span};
use crate::form::changes::TABLE;

use super::date::JpDate;
use super::document::{self, Record, Value};
use super::yaml::{self, Limits};

/// One row of the change table. Historical rows keep their 項目 text verbatim.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeRow {
    /// 変更日.
    pub date: Option<JpDate>,
    /// 項目: the item's label as printed in the table.
    pub item: String,
    /// 変更前の記載.
    pub before: String,
    /// 変更後の記載.
    pub after: String,
    /// 提出時期: `事前` or `事後`.
    pub timing: Option<&'static str>,
    /// 提出時期に係る説明.
    pub reason: String,
    /// Where the row is written.
    pub span: Span,
}

/// Reads `changes.yaml` text: `変更箇所:` followed by a list of rows.
pub fn from_bytes(
    file: PathBuf,
    bytes: &[u8],
    limits: &Limits,
) -> (FileReport, Record, Vec<ChangeRow>) {
    let mut report = FileReport {
        file,
        source: String::new(),
        diagnostics: Vec::new(),
    };
    let text = match yaml::decode(bytes, limits) {
        Ok(text) => text,
        Err(d) => {
            report.diagnostics.push(*d);
            return (report, Record::default(), Vec::new());
        }
    };
    let parsed = yaml::parse(&text, limits);
    report.source = text;
    report.diagnostics.extend(parsed.diagnostics);
    let Some(root) = parsed.root else {
        return (report, Record::default(), Vec::new());
    };
    let record = document::read_items(std::slice::from_ref(&TABLE), &root, &mut report.diagnostics);
    let mut rows = Vec::new();
    for block in record.blocks(TABLE.key) {
        let r = &block.record;
        let text = |key: &str| match r.get(key).map(|e| &e.value) {
            Some(Value::Text(t)) => t.clone(),
            _ => String::new(),
        };
        rows.push(ChangeRow {
            date: r.date("変更日"),
            item: text("項目"),
            before: text("変更前の記載"),
            after: text("変更後の記載"),
            timing: r.choice("提出時期"),
            reason: text("提出時期に係る説明"),
            span: r.span,
        });
    }
    (report, record, rows)
}

//! Valid assessments made from fuzz input: the corpus's minimal document with arbitrary texts
//! planted into its free-text fields (by span, as YAML double-quoted strings).

use std::path::PathBuf;

use hyoka::load::{self, Document, Limits, Value};

pub const MINIMAL: &str = include_str!("../../tests/suite/validate/valid-minimal.yaml");

/// The minimal document with `texts[i]` replacing the i-th free text (cycling), or `None` when
/// the result is not valid (e.g. an empty text in a required item).
pub fn planted(texts: &[String]) -> Option<Document> {
    let (report, document) = load::document_from_bytes(PathBuf::from("m.yaml"), MINIMAL.as_bytes(), &Limits::default());
    assert!(!report.has_errors());
    let document = document?;
    let mut spans = Vec::new();
    collect(&document.root, &mut spans);
    spans.sort_by_key(|(start, _)| std::cmp::Reverse(*start));
    let mut chars: Vec<char> = MINIMAL.chars().collect();
    for (i, (start, end)) in spans.into_iter().enumerate() {
        let Some(text) = texts.get(i % texts.len().max(1)) else { break };
        let quoted: Vec<char> = serde_json_string(text).chars().collect();
        chars.splice(start..end, quoted);
    }
    let text: String = chars.into_iter().collect();
    let (mut report, document) = load::document_from_bytes(PathBuf::from("p.yaml"), text.as_bytes(), &Limits::default());
    let document = document?;
    hyoka::validate::check_document(&document, &mut report.diagnostics);
    hyoka::validate::document_rules(&document, None, &mut report.diagnostics);
    (!report.has_errors()).then_some(document)
}

fn collect(record: &load::Record, out: &mut Vec<(usize, usize)>) {
    for entry in &record.entries {
        match &entry.value {
            Value::Text(_) if entry.span.start.line == entry.span.end.line => {
                out.push((entry.span.start.offset, entry.span.end.offset))
            }
            Value::Section(inner) => collect(inner, out),
            Value::Group(blocks) => blocks.iter().for_each(|b| collect(&b.record, out)),
            _ => {}
        }
    }
}

/// A YAML double-quoted scalar (JSON string syntax, which YAML accepts).
fn serde_json_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 || c == '\u{7f}' || ('\u{80}'..='\u{9f}').contains(&c) => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

//! Machine-readable diagnostics: one JSON object per line (`--message-format json`).

use serde_json::{Value, json};

use super::{Diagnostic, FileReport, Lang};

/// One JSON object for a diagnostic.
pub fn to_json(report: &FileReport, d: &Diagnostic, lang: Lang) -> Value {
    let pos = |p: Option<super::Pos>| p.map(|p| json!({"line": p.line, "column": p.col}));
    json!({
        "file": report.file.display().to_string(),
        "severity": match d.severity() { super::Severity::Error => "error", super::Severity::Warning => "warning" },
        "code": d.code.id,
        "name": d.code.name,
        "start": pos(d.span.map(|s| s.start)),
        "end": pos(d.span.map(|s| s.end)),
        "item": d.item,
        "path": d.path,
        "message": d.message(lang),
        "help": d.help(lang),
        "related": pos(d.related.map(|s| s.start)),
        "elsewhere": d.elsewhere.as_ref().map(|e| json!({
            "file": e.file.display().to_string(),
            "line": e.span.start.line,
            "column": e.span.start.col,
        })),
    })
}

/// Every diagnostic of a report as JSON lines.
pub fn render(report: &FileReport, lang: Lang) -> String {
    let mut out = String::new();
    for d in &report.diagnostics {
        out.push_str(&to_json(report, d, lang).to_string());
        out.push('\n');
    }
    out
}

//! Human-readable diagnostics: message, file:line:column, the item's label, a code frame, advice.

use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr;

use super::{Diagnostic, FileReport, Lang, Severity, Span};

/// Renders every diagnostic of a report, each followed by a blank line.
pub fn render(report: &FileReport, lang: Lang) -> String {
    let mut out = String::new();
    for diagnostic in &report.diagnostics {
        out.push_str(&render_one(report, diagnostic, lang));
        out.push('\n');
    }
    out
}

/// Renders one diagnostic.
pub fn render_one(report: &FileReport, d: &Diagnostic, lang: Lang) -> String {
    let (severity, item_word, help_word, related_word) = match (lang, d.severity()) {
        (Lang::Ja, Severity::Error) => ("エラー", "項目", "対処", "関連"),
        (Lang::Ja, Severity::Warning) => ("警告", "項目", "対処", "関連"),
        (Lang::En, Severity::Error) => ("error", "item", "help", "related"),
        (Lang::En, Severity::Warning) => ("warning", "item", "help", "related"),
    };
    let mut out = String::new();
    let _ = writeln!(out, "{severity}[{}]: {}", d.code.id, d.message(lang));
    let file = report.file.display();
    match d.span {
        Some(span) => {
            let _ = writeln!(out, "  --> {file}:{}:{}", span.start.line, span.start.col);
        }
        None => {
            let _ = writeln!(out, "  --> {file}");
        }
    }
    if let Some(item) = &d.item {
        let _ = writeln!(out, "   = {item_word}: {item}");
    }
    if let Some(span) = d.span {
        frame(&mut out, &report.source, span);
    }
    if let Some(related) = d.related {
        let _ = writeln!(
            out,
            "   = {related_word}: {file}:{}:{}",
            related.start.line, related.start.col
        );
        frame(&mut out, &report.source, related);
    }
    if let Some(place) = &d.elsewhere {
        let _ = writeln!(out, "   = {related_word}: {}", place.location());
        let span = Span {
            start: super::Pos {
                line: 1,
                ..place.span.start
            },
            end: super::Pos {
                line: 1 + place.span.end.line.saturating_sub(place.span.start.line),
                ..place.span.end
            },
        };
        frame_numbered(&mut out, &place.line, span, place.span.start.line);
    }
    let help = d.help(lang);
    if !help.is_empty() {
        let _ = writeln!(out, "   = {help_word}: {help}");
    }
    out
}

/// A code frame: the first line of the span, underlined by display width (Japanese is 2 wide).
fn frame(out: &mut String, source: &str, span: Span) {
    let Some(text) = source.lines().nth(span.start.line.saturating_sub(1)) else {
        return;
    };
    frame_numbered(out, text, span, span.start.line);
}

/// The frame of `text`, the line numbered `line` in its file.
fn frame_numbered(out: &mut String, text: &str, span: Span, line: usize) {
    let number = line.to_string();
    let pad = " ".repeat(number.len());
    let before: String = text
        .chars()
        .take(span.start.col.saturating_sub(1))
        .collect();
    let rest: String = text
        .chars()
        .skip(span.start.col.saturating_sub(1))
        .collect();
    let len = if span.end.line == span.start.line {
        span.end.col.saturating_sub(span.start.col)
    } else {
        rest.chars().count()
    };
    let marked: String = rest.chars().take(len.max(1)).collect();
    let width = marked.width().max(1);
    let _ = writeln!(out, "{pad} |");
    let _ = writeln!(out, "{number} | {text}");
    let _ = writeln!(
        out,
        "{pad} | {}{}",
        " ".repeat(before.width()),
        "^".repeat(width)
    );
}

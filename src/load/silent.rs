//! Values that YAML reads differently from how their lines look, warned at those lines.
//!
//! The document parses, but what would be printed is not what the officer sees in the file:
//! text after ` #` is a comment and disappears (`電話 000-000-0000 #内線123`), and a plain or
//! quoted value written over several lines is joined into one with spaces, sometimes
//! swallowing a line meant as an item of its own (`対象人数:1万人…`). Each gets a warning with
//! the fix; nothing is changed.

use crate::diag::{Diagnostic, Span, codes};

use super::outline::{LineKind, Outline, Separator, guess, key_colon, value_of};
use super::syntax::span_at;
use super::yaml::{Node, NodeValue};

/// The warnings for a parsed tree and its source text.
pub(crate) fn warnings(source: &str, root: &Node) -> Vec<Diagnostic> {
    let chars: Vec<char> = source.chars().collect();
    let outline = Outline::new(source);
    let mut out = Vec::new();
    visit(root, &chars, &outline, &mut out);
    out
}

fn visit(node: &Node, chars: &[char], outline: &Outline, out: &mut Vec<Diagnostic>) {
    match &node.value {
        NodeValue::Map(entries) => {
            for (key, value) in entries {
                check(Some(key), value, chars, outline, out);
                visit(value, chars, outline, out);
            }
        }
        NodeValue::Seq(items) => {
            for item in items {
                check(None, item, chars, outline, out);
                visit(item, chars, outline, out);
            }
        }
        NodeValue::Scalar { .. } => {}
    }
}

/// Names the item of the key (or list item) written on `line`.
fn labelled(d: Diagnostic, outline: &Outline, line: usize) -> Diagnostic {
    match outline.item_at(line) {
        Some((label, path)) => d.at_item(label, path),
        None => d,
    }
}

fn check(
    key: Option<&Node>,
    value: &Node,
    chars: &[char],
    outline: &Outline,
    out: &mut Vec<Diagnostic>,
) {
    let NodeValue::Scalar { text, plain } = &value.value else {
        return;
    };
    let span = value.span;
    let key_text = key.and_then(Node::scalar).unwrap_or("-");
    let key_line = key.map_or(span.start.line, |k| k.span.start.line);
    // A quoted value's span starts at its quote; a block scalar's at its text.
    let first = chars.get(span.start.offset).copied();
    let block = !plain && !matches!(first, Some('"' | '\''));
    if span.end.line > span.start.line && !block && !value.is_null() {
        folded(
            key_text,
            key.map(|k| k.span),
            key_line,
            value,
            *plain,
            outline,
            out,
        );
        return;
    }
    if block && key.is_some() {
        swallowed(key_text, key_line, span.end.line, outline, out);
        return;
    }
    if !plain {
        return;
    }
    // Where the rest of the line starts: after the value, or after the key's colon.
    let from = if value.is_null() {
        match key {
            Some(k) => {
                let mut at = k.span.end.offset;
                while chars.get(at).is_some_and(|c| *c == ' ' || *c == '\t') {
                    at += 1;
                }
                if chars.get(at) != Some(&':') {
                    return;
                }
                at + 1
            }
            None => return,
        }
    } else {
        span.end.offset
    };
    let rest: String = chars[from.min(chars.len())..]
        .iter()
        .take_while(|c| **c != '\n' && **c != '\r')
        .collect();
    let gap = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    let comment = rest.trim_start_matches([' ', '\t']).trim_end();
    // `# note` is a comment as YAML means it; `#内線123`, right against the #, reads as text.
    let reads_as_text = comment.starts_with('#')
        && (gap > 0 || value.is_null())
        && comment
            .chars()
            .nth(1)
            .is_some_and(|c| !c.is_whitespace() && c != '#');
    if !reads_as_text {
        return;
    }
    let at_offset = from + gap;
    let line = &outline.lines[span.end.line.saturating_sub(1).min(outline.lines.len() - 1)];
    let col = at_offset.saturating_sub(line.start) + 1;
    let whole = if value.is_null() {
        comment.to_string()
    } else {
        format!("{text}{}{comment}", &rest[..gap])
    };
    let quoted = format!("\"{}\"", whole.replace('\\', "\\\\").replace('"', "\\\""));
    let fix = match key {
        Some(_) => format!("{key_text}: {quoted}"),
        None => format!("- {quoted}"),
    };
    let d = Diagnostic::new(
        &codes::COMMENT_IN_VALUE,
        Some(span_at(line, col, comment.chars().count())),
    )
    .arg("comment", comment)
    .arg("fix", fix);
    out.push(labelled(d, outline, key_line));
}

/// A value over several lines: W0222 at each continuation line that looks like an item of
/// its own, else W0221 at the value.
fn folded(
    key: &str,
    key_span: Option<Span>,
    key_line: usize,
    value: &Node,
    plain: bool,
    outline: &Outline,
    out: &mut Vec<Diagnostic>,
) {
    let span = value.span;
    let mut found = false;
    if plain {
        for number in span.start.line + 1..=span.end.line {
            let Some(line) = outline.lines.get(number - 1) else {
                continue;
            };
            let LineKind::Text {
                guess: Some((guess_key, separator, guess_value)),
            } = &line.kind
            else {
                continue;
            };
            let (cause_ja, cause_en) = cause(*separator);
            let d = Diagnostic::new(
                &codes::CONTINUATION_LOOKS_LIKE_KEY,
                Some(span_at(line, line.char_col, line.content.chars().count())),
            )
            .arg("key", key)
            .arg_lang("cause", cause_ja, cause_en)
            .arg("fix", format!("{guess_key}: {guess_value}"));
            // Named as the item the line means, or else as the item it is read into.
            let d = match outline.sibling(key_line, guess_key) {
                Some((label, path)) => d.at_item(label, path),
                None => labelled(d, outline, key_line),
            };
            out.push(d);
            found = true;
        }
    }
    if !found {
        let lines = span.end.line - span.start.line + 1;
        // At the key, where `|-` belongs; at the value for a list item.
        let at = key_span.unwrap_or(Span {
            start: span.start,
            end: span.start,
        });
        let d = Diagnostic::new(&codes::FOLDED_LINES, Some(at))
            .arg("lines", lines.to_string())
            .arg("key", key);
        out.push(labelled(d, outline, key_line));
    }
}

/// A block scalar's lines that begin with the key of an item beside it (`対象人数: …`): the
/// officer meant an item, indented as deep as the text, and YAML reads it as more text.
fn swallowed(
    key: &str,
    key_line: usize,
    last: usize,
    outline: &Outline,
    out: &mut Vec<Diagnostic>,
) {
    for number in key_line + 1..=last {
        // The block's own lines only: its span reaches the next key.
        let Some(line) = outline
            .lines
            .get(number - 1)
            .filter(|l| l.kind == LineKind::Other)
        else {
            continue;
        };
        let content = line.content.as_str();
        let deep_ja = "字下げが文章と同じ深さのため、文章の続きとして読まれます。";
        let deep_en = "it is indented as deep as the text, so it is read as more text; ";
        let (meant, value, cause_ja, cause_en) = match key_colon(content) {
            Some(at) => (
                content[..at].to_string(),
                value_of(&content[at + 1..]).to_string(),
                deep_ja.to_string(),
                deep_en.to_string(),
            ),
            None => match guess(content) {
                Some((meant, separator, value)) => {
                    let (ja, en) = cause(separator);
                    (
                        meant,
                        value,
                        format!("{deep_ja}{ja}"),
                        format!("{deep_en}{en}"),
                    )
                }
                None => continue,
            },
        };
        if meant == key {
            continue;
        }
        let Some((label, path)) = outline.sibling(key_line, &meant) else {
            continue;
        };
        let d = Diagnostic::new(
            &codes::CONTINUATION_LOOKS_LIKE_KEY,
            Some(span_at(line, line.char_col, content.chars().count())),
        )
        .arg("key", key)
        .arg_lang("cause", cause_ja, cause_en)
        .arg("fix", format!("{meant}: {value}"))
        .at_item(label, path);
        out.push(d);
    }
}

/// Why a `key：value` or `key:value` line is not read as a key: (ja, en).
fn cause(separator: Separator) -> (&'static str, &'static str) {
    match separator {
        Separator::FullWidthColon => (
            "「：」が全角のため、項目名と値の区切りとして読まれません。",
            "the colon is full-width (：), so it does not separate a key from a value; ",
        ),
        Separator::NoSpace => (
            "コロンの後に半角スペースがないため、項目名と値の区切りとして読まれません。",
            "there is no space after the colon, so it does not separate a key from a value; ",
        ),
        Separator::Missing => (
            "項目名の後にコロンがありません。",
            "there is no colon after the key; ",
        ),
    }
}

#[cfg(test)]
mod tests {
    use crate::load::yaml::{Limits, parse};

    fn found(text: &str) -> Vec<(&'static str, usize, usize)> {
        let parsed = parse(text, &Limits::default());
        parsed
            .diagnostics
            .iter()
            .map(|d| {
                let s = d.span.unwrap();
                (d.code.id, s.start.line, s.start.col)
            })
            .collect()
    }

    #[test]
    fn text_right_after_a_hash_is_not_dropped_silently() {
        assert_eq!(
            found("a:\n  連絡先: 電話 000 #内線123\n"),
            [("W0220", 2, 15)]
        );
        assert_eq!(found("a:\n  連絡先: #内線123\n"), [("W0220", 2, 8)]);
        // Ordinary comments stay quiet.
        assert!(found("a:\n  連絡先: 電話 000   # ①\n  b: c # note\n  d: # ③\n").is_empty());
        assert!(found("a: \"x\" #y\nb: |-\n  #1 text\n").is_empty());
        let d = &parse("連絡先: 電話 000 #内線123\n", &Limits::default()).diagnostics[0];
        assert_eq!(d.args[1].1, "連絡先: \"電話 000 #内線123\"");
    }

    #[test]
    fn values_over_several_lines_are_named() {
        assert_eq!(found("a:\n  b: one\n    two\n"), [("W0221", 2, 3)]);
        assert_eq!(found("a:\n  b: \"one\n    two\"\n"), [("W0221", 2, 3)]);
        assert_eq!(found("a:\n  b:\n    one\n    two\n"), [("W0221", 2, 3)]);
        assert_eq!(
            found("a:\n  b: one\n    c:two\n    d：three\n"),
            [("W0222", 3, 5), ("W0222", 4, 5)]
        );
        // Block scalars keep their lines.
        assert!(found("a: |-\n  one\n  two\nb: >-\n  x\n  y\n").is_empty());
    }
}

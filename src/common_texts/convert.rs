//! Turning values written in place into uses of common texts, and writing new entries, keeping
//! every other byte of the files.
//!
//! [`replace_value`] is the one place here that edits a document: the value at a span becomes a
//! reference, nothing else moves. It stays apart from [`crate::edit`] (the editing page's
//! patcher, which writes a reference as a `Yaml::FlowMap`) because a conversion replaces many
//! values of a file found by span in one pass, and proves itself differently: every output of
//! every converted document is rendered again and compared byte for byte before anything is
//! written.

use crate::diag::Span;
use crate::load::yaml::plain_safe;

use super::KEY;
use crate::edit::Yaml;

/// `source` with the value of one `key: value` replaced by `text` (a reference, say), every
/// other character kept: comments (also one on a block scalar's `|-` line, which stays after
/// the new value), blank lines and the indentation of what follows. `key` and `value` are the
/// spans the parser gave the key and its value (character offsets).
///
/// A block scalar's span starts at its first line of content, not at its `|-`: the value is
/// replaced from the indicator after the key's colon to the last character of content.
pub fn replace_value(source: &str, key: Span, value: Span, text: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let at = |i: usize| chars.get(i).copied();
    // The first character after `key:` and its spaces, on the key's line.
    let mut start = key.end.offset;
    while at(start).is_some_and(|c| c == ' ' || c == '\t') {
        start += 1;
    }
    if at(start) == Some(':') {
        start += 1;
    }
    while at(start).is_some_and(|c| c == ' ' || c == '\t') {
        start += 1;
    }
    let block = matches!(at(start), Some('|' | '>')) && start < value.start.offset;
    let (start, end, keep) = if block {
        // Keep what follows the indicator on its line (spaces and a comment).
        let mut indicator_end = start;
        while at(indicator_end).is_some_and(|c| !c.is_whitespace()) {
            indicator_end += 1;
        }
        let mut line_end = indicator_end;
        while at(line_end).is_some_and(|c| c != '\n') {
            line_end += 1;
        }
        let kept: String = chars[indicator_end..line_end].iter().collect();
        let mut end = value.end.offset.min(chars.len());
        while end > value.start.offset && chars[end - 1].is_whitespace() {
            end -= 1;
        }
        (start, end, kept.trim_end().to_string())
    } else {
        (
            value.start.offset.min(chars.len()),
            value.end.offset.min(chars.len()),
            String::new(),
        )
    };
    let mut out: String = chars[..start].iter().collect();
    out.push_str(text);
    out.push_str(&keep);
    out.extend(&chars[end..]);
    out
}

/// The reference to the entry `name` as written in place of a value: `{共通テキスト: 名前}`
/// (the name quoted when a flow mapping needs it), as the editing page writes it too.
pub fn reference(name: &str) -> String {
    crate::edit::one_line(&Yaml::FlowMap(vec![(KEY.into(), Yaml::Str(name.into()))]))
}

/// An entry of a library file: `name: text`, the text as a literal block (`|-`) when it has
/// several lines and reads back exactly so, else plain or double-quoted; with a final line
/// break.
pub fn entry_text(name: &str, text: &str) -> String {
    let key = if plain_safe(name) {
        name.to_string()
    } else {
        serde_json::to_string(name).unwrap_or_default()
    };
    format!("{key}: {}\n", crate::edit::text_after_key(text, 0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::yaml::{self, Limits, Node, NodeValue};

    /// The key and value spans of the first entry with key `key` anywhere in `text`.
    fn spans(text: &str, key: &str) -> (Span, Span) {
        fn find(node: &Node, key: &str) -> Option<(Span, Span)> {
            match &node.value {
                NodeValue::Map(pairs) => pairs.iter().find_map(|(k, v)| {
                    if k.scalar() == Some(key) {
                        Some((k.span, v.span))
                    } else {
                        find(v, key)
                    }
                }),
                NodeValue::Seq(items) => items.iter().find_map(|i| find(i, key)),
                NodeValue::Scalar { .. } => None,
            }
        }
        let root = yaml::parse(text, &Limits::default()).root.unwrap();
        find(&root, key).unwrap()
    }

    fn replaced(text: &str, key: &str) -> String {
        let (k, v) = spans(text, key);
        replace_value(text, k, v, &reference("名前"))
    }

    #[test]
    fn a_block_scalar_becomes_a_reference_keeping_its_comment_and_what_follows() {
        let text = "a:\n  k: |-   # 見出し\n    一行目\n    二行目\n\n  # 次の項目\n  n: x\n";
        assert_eq!(
            replaced(text, "k"),
            "a:\n  k: {共通テキスト: 名前}   # 見出し\n\n  # 次の項目\n  n: x\n"
        );
        let at_end = "k: |-\n  一行目\n  二行目\n";
        assert_eq!(replaced(at_end, "k"), "k: {共通テキスト: 名前}\n");
    }

    #[test]
    fn plain_and_quoted_values_become_references_keeping_their_comments() {
        assert_eq!(
            replaced("a: 値です  # 注\nb: 1\n", "a"),
            "a: {共通テキスト: 名前}  # 注\nb: 1\n"
        );
        assert_eq!(
            replaced("a: \"値: です\"\n", "a"),
            "a: {共通テキスト: 名前}\n"
        );
        assert_eq!(
            replaced("a: 一行目\n  二行目\nb: 1\n", "a"),
            "a: {共通テキスト: 名前}\nb: 1\n"
        );
        assert_eq!(
            replaced("s: {a: 値, b: 1}\n", "a"),
            "s: {a: {共通テキスト: 名前}, b: 1}\n"
        );
    }

    #[test]
    fn entries_and_references_read_back_as_written() {
        for text in [
            "一行",
            "一行目\n二行目\n\n四行目",
            "  字下げで始まる\n行",
            "コロン: と # を含む",
            "true",
            "末尾に空白 \n行",
        ] {
            let file = entry_text("名: 前", text);
            let root = yaml::parse(&file, &Limits::default()).root.unwrap();
            let NodeValue::Map(pairs) = &root.value else {
                panic!("{file}")
            };
            assert_eq!(pairs[0].0.scalar(), Some("名: 前"), "{file}");
            assert_eq!(pairs[0].1.scalar(), Some(text), "{file}");
        }
        for name in ["中間サーバー", "a, b", "{x}", "true"] {
            let text = format!("k: {}\n", reference(name));
            let root = yaml::parse(&text, &Limits::default()).root.unwrap();
            let NodeValue::Map(pairs) = &root.value else {
                panic!()
            };
            let NodeValue::Map(inner) = &pairs[0].1.value else {
                panic!("{text}")
            };
            assert_eq!(inner[0].1.scalar(), Some(name), "{text}");
        }
    }
}

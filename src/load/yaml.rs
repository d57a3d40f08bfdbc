//! YAML text → a tree of nodes, every node with its span.
//!
//! Built from saphyr-parser's events so that we control what untyped YAML may do: duplicate
//! keys are reported, nesting depth and alias expansion are bounded, and nothing panics on
//! hostile input. Problems become diagnostics; the tree is `None` only when the text cannot
//! be parsed at all.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle, Span as YamlSpan};

use crate::diag::{Diagnostic, Pos, Span, codes};

/// Limits that keep hostile input cheap.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Maximum file size in bytes.
    pub max_bytes: usize,
    /// Maximum nesting depth of mappings and sequences.
    pub max_depth: usize,
    /// Maximum number of nodes after expanding aliases.
    pub max_nodes: usize,
    /// Maximum length of one scalar, in characters.
    pub max_value_chars: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 10 * 1024 * 1024,
            max_depth: 64,
            max_nodes: 100_000,
            max_value_chars: 1_000_000,
        }
    }
}

/// A node of the YAML tree.
#[derive(Debug, Clone)]
pub struct Node {
    /// What the node holds.
    pub value: NodeValue,
    /// Where it is written.
    pub span: Span,
    /// Number of nodes in this subtree (itself included), for the alias budget.
    size: usize,
}

/// The content of a node.
#[derive(Debug, Clone)]
pub enum NodeValue {
    /// A scalar with its text; `plain` is false for quoted and block scalars.
    Scalar {
        /// The scalar's text after YAML unescaping and folding.
        text: String,
        /// Written without quotes and not as a block (so `null`, `true`, `12` are not strings).
        plain: bool,
    },
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, in written order; keys are scalars.
    Map(Vec<(Node, Node)>),
}

impl Node {
    /// An empty mapping, standing for a file of comments only (read for editing).
    pub fn empty_map() -> Node {
        Node {
            value: NodeValue::Map(Vec::new()),
            span: Span::default(),
            size: 1,
        }
    }

    /// Whether the node is empty: `~`, `null`, or nothing at all.
    pub fn is_null(&self) -> bool {
        matches!(&self.value, NodeValue::Scalar { text, plain: true }
            if text.is_empty() || text == "~" || text == "null" || text == "Null" || text == "NULL")
    }

    /// The scalar text, if the node is a scalar.
    pub fn scalar(&self) -> Option<&str> {
        match &self.value {
            NodeValue::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }

    /// A word for the node's type, for messages.
    pub fn kind_name(&self, ja: bool) -> &'static str {
        match (&self.value, ja) {
            (NodeValue::Seq(_), true) => "リスト",
            (NodeValue::Seq(_), false) => "a list",
            (NodeValue::Map(_), true) => "項目の集まり（マッピング）",
            (NodeValue::Map(_), false) => "a mapping",
            (NodeValue::Scalar { .. }, _) if self.is_null() => {
                if ja {
                    "空の値"
                } else {
                    "an empty value"
                }
            }
            (NodeValue::Scalar { .. }, true) => "文字列",
            (NodeValue::Scalar { .. }, false) => "a text",
        }
    }
}

/// Converts the parser's character-based markers to our positions.
fn span_of(span: YamlSpan) -> Span {
    let pos = |m: saphyr_parser::Marker| Pos {
        line: m.line(),
        col: m.col() + 1,
        offset: m.index(),
    };
    Span {
        start: pos(span.start),
        end: pos(span.end),
    }
}

/// The result of parsing: the tree (if any) and what was found on the way.
#[derive(Debug, Default)]
pub struct Parsed {
    /// The document's root node, if the text could be parsed.
    pub root: Option<Node>,
    /// Diagnostics from decoding and parsing.
    pub diagnostics: Vec<Diagnostic>,
}

/// Decodes bytes as UTF-8 (reporting where it fails), within the size limit.
pub fn decode(bytes: &[u8], limits: &Limits) -> Result<String, Box<Diagnostic>> {
    if bytes.len() > limits.max_bytes {
        return Err(Box::new(
            Diagnostic::new(&codes::TOO_LARGE, None)
                .arg("size", bytes.len().to_string())
                .arg("limit", limits.max_bytes.to_string()),
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            // valid_up_to is a char boundary, so this cannot fail; fall back to line 1 anyway.
            let text = std::str::from_utf8(good).unwrap_or("");
            let line = text.matches('\n').count() + 1;
            let col = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            let pos = Pos {
                line,
                col,
                offset: text.chars().count(),
            };
            let span = Span {
                start: pos,
                end: pos,
            };
            Err(Box::new(
                Diagnostic::new(&codes::INVALID_UTF8, Some(span))
                    .arg("offset", e.valid_up_to().to_string()),
            ))
        }
    }
}

enum Frame {
    Seq {
        items: Vec<Node>,
        start: Span,
        anchor: usize,
    },
    Map {
        entries: Vec<(Node, Node)>,
        /// Where each scalar key is in `entries`, so that a duplicate is found at once.
        seen: HashMap<String, usize>,
        key: Option<Node>,
        start: Span,
        anchor: usize,
    },
}

/// Parses YAML text into a node tree.
pub fn parse(text: &str, limits: &Limits) -> Parsed {
    let mut out = Parsed::default();
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<Frame> = Vec::new();
    let mut anchors: HashMap<usize, Node> = HashMap::new();
    let mut nodes = 0usize;
    let mut documents = 0usize;
    while let Some(next) = parser.next_event() {
        let (event, yspan) = match next {
            Ok(pair) => pair,
            Err(e) => {
                let m = e.marker();
                let pos = Pos {
                    line: m.line(),
                    col: m.col() + 1,
                    offset: m.index(),
                };
                let parser = Diagnostic::new(
                    &codes::YAML_SYNTAX,
                    Some(Span {
                        start: pos,
                        end: pos,
                    }),
                )
                .arg_lang("detail", syntax_ja(e.info()), e.info().to_string());
                // Named at the line that caused it, when the lines show why.
                out.diagnostics
                    .push(super::syntax::diagnose(text, pos, parser));
                out.root = None;
                return out;
            }
        };
        let span = span_of(yspan);
        let alias = matches!(event, Event::Alias(_));
        let node = match event {
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    out.diagnostics
                        .push(Diagnostic::new(&codes::MULTIPLE_DOCUMENTS, Some(span)));
                    return out;
                }
                continue;
            }
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => continue,
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                if stack.len() >= limits.max_depth {
                    out.diagnostics.push(
                        Diagnostic::new(&codes::TOO_DEEP, Some(span))
                            .arg("limit", limits.max_depth.to_string()),
                    );
                    out.root = None;
                    return out;
                }
                let frame = if matches!(event, Event::SequenceStart(..)) {
                    Frame::Seq {
                        items: Vec::new(),
                        start: span,
                        anchor,
                    }
                } else {
                    Frame::Map {
                        entries: Vec::new(),
                        seen: HashMap::new(),
                        key: None,
                        start: span,
                        anchor,
                    }
                };
                stack.push(frame);
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(frame) = stack.pop() else { continue };
                let (value, start, anchor, size) = match frame {
                    Frame::Seq {
                        items,
                        start,
                        anchor,
                    } => {
                        let size = 1 + items.iter().map(|n| n.size).sum::<usize>();
                        (NodeValue::Seq(items), start, anchor, size)
                    }
                    Frame::Map {
                        entries,
                        start,
                        anchor,
                        ..
                    } => {
                        let size = 1 + entries.iter().map(|(k, v)| k.size + v.size).sum::<usize>();
                        (NodeValue::Map(entries), start, anchor, size)
                    }
                };
                let end = if span.end.offset > start.start.offset {
                    span.end
                } else {
                    start.end
                };
                let node = Node {
                    value,
                    span: Span {
                        start: start.start,
                        end,
                    },
                    size,
                };
                if anchor > 0 {
                    anchors.insert(anchor, node.clone());
                }
                node
            }
            Event::Scalar(text, style, anchor, _) => {
                let chars = text.chars().count();
                if chars > limits.max_value_chars {
                    out.diagnostics.push(
                        Diagnostic::new(&codes::VALUE_TOO_LONG, Some(span))
                            .arg("len", chars.to_string())
                            .arg("limit", limits.max_value_chars.to_string()),
                    );
                    out.root = None;
                    return out;
                }
                let node = Node {
                    value: NodeValue::Scalar {
                        text: text.into_owned(),
                        plain: style == ScalarStyle::Plain,
                    },
                    span,
                    size: 1,
                };
                if anchor > 0 {
                    anchors.insert(anchor, node.clone());
                }
                node
            }
            Event::Alias(id) => {
                let Some(target) = anchors.get(&id) else {
                    // The parser rejects unknown aliases itself; be defensive anyway.
                    out.diagnostics.push(
                        Diagnostic::new(&codes::YAML_SYNTAX, Some(span))
                            .arg("detail", "unknown alias"),
                    );
                    return out;
                };
                if nodes + target.size > limits.max_nodes {
                    out.diagnostics.push(
                        Diagnostic::new(&codes::ALIAS_LIMIT, Some(span))
                            .arg("limit", limits.max_nodes.to_string()),
                    );
                    out.root = None;
                    return out;
                }
                let mut copy = target.clone();
                copy.span = span;
                copy
            }
        };
        // Originals count once each; an alias counts the whole subtree it stands for.
        nodes += if alias { node.size } else { 1 };
        if nodes > limits.max_nodes {
            out.diagnostics.push(
                Diagnostic::new(&codes::ALIAS_LIMIT, Some(node.span))
                    .arg("limit", limits.max_nodes.to_string()),
            );
            out.root = None;
            return out;
        }
        match stack.last_mut() {
            None => out.root = Some(node),
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map {
                entries, seen, key, ..
            }) => match key.take() {
                None => {
                    if !matches!(node.value, NodeValue::Scalar { .. }) {
                        out.diagnostics
                            .push(Diagnostic::new(&codes::COMPLEX_KEY, Some(node.span)));
                    }
                    *key = Some(node);
                }
                Some(k) => match k.scalar().map(|name| (name, seen.get(name))) {
                    Some((name, Some(&first))) => {
                        out.diagnostics.push(
                            Diagnostic::new(&codes::DUPLICATE_KEY, Some(k.span))
                                .arg("key", name)
                                .related(entries[first].0.span),
                        );
                    }
                    Some((name, None)) => {
                        seen.insert(name.to_string(), entries.len());
                        entries.push((k, node));
                    }
                    None => entries.push((k, node)),
                },
            },
        }
    }
    if let Some(root) = &out.root {
        out.diagnostics.extend(super::silent::warnings(text, root));
    }
    out
}

/// Whether `text` reads back unchanged as a plain (unquoted) YAML scalar.
pub fn plain_safe(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    !"-?:,[]{}#&*!|>'\"%@` \t".contains(first)
        && !text.ends_with([' ', '\t', ':'])
        && !text.contains(": ")
        && !text.contains(" #")
        && !text.chars().any(|c| c.is_control())
        && !matches!(
            text.to_ascii_lowercase().as_str(),
            "true" | "false" | "null" | "~" | "yes" | "no" | "on" | "off"
        )
        && text.parse::<f64>().is_err()
}

/// The parser's message in Japanese for the mistakes people make most, else the parser's own
/// words in parentheses (they are English).
fn syntax_ja(info: &str) -> String {
    const KNOWN: &[(&str, &str)] = &[
        (
            "tab",
            "字下げにタブ文字は使えません。半角スペースで字下げしてください",
        ),
        (
            "mapping values are not allowed",
            "この位置には「項目: 値」を書けません。前の行の字下げか、値の中の「: 」（コロンと空白）を確認してください",
        ),
        (
            "did not find expected key",
            "項目名があるはずの位置に見つかりません。字下げがそろっているか確認してください",
        ),
        (
            "did not find expected '-'",
            "「- 」で始まるリストの項目があるはずの位置に見つかりません。字下げを確認してください",
        ),
        ("quoted scalar", "引用符（\" または '）が閉じられていません"),
        (
            "unexpected end",
            "ファイルが途中で終わっています。引用符やかっこの閉じ忘れを確認してください",
        ),
    ];
    let lower = info.to_lowercase();
    match KNOWN.iter().find(|(needle, _)| lower.contains(needle)) {
        Some((_, ja)) => format!("{ja}（{info}）"),
        None => format!("YAML として読めません（{info}）"),
    }
}

/// The untyped tree as JSON, typing plain scalars by the YAML 1.2 core schema (null, booleans,
/// integers, floats), so that an independent JSON Schema validator can check a file.
pub fn to_json(node: &Node) -> serde_json::Value {
    use serde_json::Value;
    match &node.value {
        NodeValue::Seq(items) => Value::Array(items.iter().map(to_json).collect()),
        NodeValue::Map(entries) => Value::Object(
            entries
                .iter()
                .map(|(k, v)| (k.scalar().unwrap_or_default().to_string(), to_json(v)))
                .collect(),
        ),
        NodeValue::Scalar { text, plain: false } => Value::String(text.clone()),
        NodeValue::Scalar { text, plain: true } => {
            if node.is_null() {
                Value::Null
            } else if let Ok(b) = text.parse::<bool>() {
                Value::Bool(b)
            } else if let Ok(i) = text.parse::<i64>() {
                Value::from(i)
            } else if let Some(f) = text.parse::<f64>().ok().filter(|_| text.contains('.')) {
                serde_json::Number::from_f64(f).map_or(Value::String(text.clone()), Value::Number)
            } else {
                Value::String(text.clone())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_syntax_mistakes_are_explained_in_japanese() {
        let parsed = parse("表紙:\n\t評価書番号: 1\n", &Limits::default());
        let text = crate::diag::human::render(
            &crate::diag::FileReport {
                file: "a.yaml".into(),
                source: String::new(),
                diagnostics: parsed.diagnostics,
            },
            crate::diag::Lang::Ja,
        );
        assert!(text.contains("字下げにタブ文字が使われています"), "{text}");
        assert_eq!(
            syntax_ja("something new"),
            "YAML として読めません（something new）"
        );
    }

    fn codes_of(text: &str) -> Vec<&'static str> {
        parse(text, &Limits::default())
            .diagnostics
            .iter()
            .map(|d| d.code.id)
            .collect()
    }

    #[test]
    fn spans_are_one_based_character_columns() {
        let parsed = parse("a:\n  キー: 値です\n", &Limits::default());
        let root = parsed.root.unwrap();
        let NodeValue::Map(entries) = &root.value else {
            panic!()
        };
        let NodeValue::Map(inner) = &entries[0].1.value else {
            panic!()
        };
        let (k, v) = &inner[0];
        assert_eq!((k.span.start.line, k.span.start.col), (2, 3));
        assert_eq!(
            (v.span.start.line, v.span.start.col, v.span.end.col),
            (2, 7, 10)
        );
    }

    #[test]
    fn duplicate_keys_are_reported_with_the_first_place() {
        let parsed = parse("a: 1\nb: 2\na: 3\n", &Limits::default());
        let d = &parsed.diagnostics[0];
        assert_eq!(d.code.id, "E0106");
        assert_eq!(d.span.unwrap().start.line, 3);
        assert_eq!(d.related.unwrap().start.line, 1);
    }

    #[test]
    fn syntax_errors_have_positions() {
        let parsed = parse("a: [1, 2\nb: 3\n", &Limits::default());
        assert_eq!(parsed.diagnostics[0].code.id, "E0103");
        assert!(parsed.root.is_none());
    }

    #[test]
    fn billion_laughs_stops_at_the_alias_budget() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            let prev = format!("*a{}", i - 1);
            text.push_str(&format!("a{i}: &a{i} [{}]\n", vec![prev; 10].join(", ")));
        }
        let started = std::time::Instant::now();
        assert_eq!(codes_of(&text), ["E0104"]);
        assert!(
            started.elapsed().as_secs() < 5,
            "alias expansion must be bounded"
        );
    }

    #[test]
    fn deep_nesting_is_refused() {
        let text = format!("{}{}", "[".repeat(100), "]".repeat(100));
        assert_eq!(codes_of(&text), ["E0105"]);
        // Far deeper and unbalanced: the parser's own guard answers first, without a panic.
        assert_eq!(codes_of(&"[".repeat(100_000)).len(), 1);
    }

    #[test]
    fn several_documents_are_refused() {
        assert_eq!(codes_of("a: 1\n---\nb: 2\n"), ["E0107"]);
    }

    #[test]
    fn invalid_utf8_names_the_place() {
        let d = decode(b"a: ok\nb: \xff\n", &Limits::default()).unwrap_err();
        assert_eq!(d.code.id, "E0101");
        assert_eq!(
            (d.span.unwrap().start.line, d.span.unwrap().start.col),
            (2, 4)
        );
    }

    #[test]
    fn one_value_has_a_length_limit() {
        let limits = Limits {
            max_value_chars: 5,
            ..Limits::default()
        };
        let parsed = parse("a: 123456\n", &limits);
        assert_eq!(parsed.diagnostics[0].code.id, "E0108");
        assert!(parse("a: 12345\n", &limits).diagnostics.is_empty());
    }

    #[test]
    fn size_limit() {
        let limits = Limits {
            max_bytes: 10,
            ..Limits::default()
        };
        assert_eq!(
            decode(b"a: 12345678901", &limits).unwrap_err().code.id,
            "E0102"
        );
    }
}

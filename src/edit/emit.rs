//! Writing values as YAML text: plain when it reads back unchanged, a literal block (`|-`) for
//! texts of several lines, double quotes (JSON string syntax, valid YAML) for anything else.

use crate::load::yaml::plain_safe;

use super::Yaml;
use super::source::Style;

/// A value as text placed after `key:`: what goes on the key's line, and the lines after it
/// (already indented, without line breaks).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Emitted {
    /// After `key: ` (empty for a null or a nested block).
    pub(crate) inline: String,
    /// The following lines.
    pub(crate) lines: Vec<String>,
}

/// Whether `text` can be written as a literal block scalar and read back exactly (its final line
/// break aside): no control characters but line breaks, no line that is blank but not empty, no
/// trailing blanks (editors strip them), no leading blank on the first line that has text.
pub(crate) fn block_safe(text: &str) -> bool {
    !text.is_empty()
        && !text.ends_with('\n')
        && !text.chars().any(|c| c.is_control() && c != '\n')
        && text.split('\n').all(|l| !l.ends_with([' ', '\t']))
        && text
            .split('\n')
            .find(|l| !l.is_empty())
            .is_some_and(|l| !l.starts_with(' '))
}

/// A text in double quotes.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into())
}

/// A text in single quotes, when it fits on one line.
fn single_quoted(text: &str) -> Option<String> {
    (!text.chars().any(char::is_control)).then(|| format!("'{}'", text.replace('\'', "''")))
}

/// A mapping key.
pub(crate) fn key(text: &str) -> String {
    if plain_safe(text) && flow_plain_safe(text) {
        text.to_string()
    } else {
        quoted(text)
    }
}

/// Whether a plain scalar can stand inside a flow collection too (no flow indicators).
fn flow_plain_safe(text: &str) -> bool {
    plain_safe(text) && !text.contains([',', '[', ']', '{', '}'])
}

/// The lines of a literal block's content at `indent` (empty lines stay empty).
pub(crate) fn literal_lines(text: &str, indent: usize) -> Vec<String> {
    text.split('\n')
        .map(|l| {
            if l.is_empty() {
                String::new()
            } else {
                format!("{}{l}", " ".repeat(indent))
            }
        })
        .collect()
}

/// A one-line scalar for `text` in block context, keeping the quoting of `prev` when it can.
fn inline_text(text: &str, prev: Option<Style>) -> String {
    match prev {
        Some(Style::Double) => quoted(text),
        Some(Style::Single) => single_quoted(text).unwrap_or_else(|| quoted(text)),
        _ if plain_safe(text) => text.to_string(),
        _ => quoted(text),
    }
}

/// `value` after a key at column `indent`, nested by `step`. `prev` is how the old value was
/// written (its quoting is kept); `block` asks for a literal block even for one line (the old
/// value was one).
pub(crate) fn block(
    value: &Yaml,
    indent: usize,
    step: usize,
    prev: Option<Style>,
    block: bool,
) -> Emitted {
    let inner = indent + step;
    let one = |inline: String| Emitted {
        inline,
        lines: Vec::new(),
    };
    match value {
        Yaml::Null => one(String::new()),
        Yaml::Plain(token) => one(token.clone()),
        Yaml::Str(text) if text.is_empty() => one("\"\"".into()),
        Yaml::Str(text) if (text.contains('\n') || block) && block_safe(text) => Emitted {
            inline: "|-".into(),
            lines: literal_lines(text, inner),
        },
        Yaml::Str(text) => one(inline_text(text, prev)),
        Yaml::Map(entries) | Yaml::FlowMap(entries) if entries.is_empty() => one("{}".into()),
        Yaml::FlowMap(_) => one(flow(value)),
        Yaml::Seq(items) if items.is_empty() => one("[]".into()),
        Yaml::Map(entries) => Emitted {
            inline: String::new(),
            lines: entry_lines(entries, inner, step),
        },
        Yaml::Seq(items) => {
            let mut lines = Vec::new();
            for item in items {
                lines.extend(item_lines(item, inner, step));
            }
            Emitted {
                inline: String::new(),
                lines,
            }
        }
    }
}

/// The lines of mapping entries with their keys at column `indent`.
pub(crate) fn entry_lines(entries: &[(String, Yaml)], indent: usize, step: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for (k, v) in entries {
        let e = block(v, indent, step, None, false);
        lines.push(line(indent, &key(k), &e.inline));
        lines.extend(e.lines);
    }
    lines
}

fn line(indent: usize, key: &str, inline: &str) -> String {
    let pad = " ".repeat(indent);
    if inline.is_empty() {
        format!("{pad}{key}:")
    } else {
        format!("{pad}{key}: {inline}")
    }
}

/// The lines of one list item with its dash at column `indent`: a mapping starts on the dash's
/// line, its other keys under the first.
pub(crate) fn item_lines(item: &Yaml, indent: usize, step: usize) -> Vec<String> {
    let pad = " ".repeat(indent);
    match item {
        Yaml::Map(entries) if !entries.is_empty() => {
            let mut lines = entry_lines(entries, indent + 2, step);
            if let Some(first) = lines.first_mut() {
                *first = format!("{pad}- {}", &first[indent + 2..]);
            }
            lines
        }
        Yaml::Seq(_) | Yaml::Map(_) => vec![format!("{pad}- {}", flow(item))],
        _ => {
            let e = block(item, indent, step, None, false);
            let mut lines = vec![format!("{pad}- {}", e.inline).trim_end().to_string()];
            lines.extend(e.lines);
            lines
        }
    }
}

/// `value` inside a flow collection (or as one): one line.
pub(crate) fn flow(value: &Yaml) -> String {
    match value {
        Yaml::Null => String::new(),
        Yaml::Plain(token) => token.clone(),
        Yaml::Str(text) if flow_plain_safe(text) => text.clone(),
        Yaml::Str(text) => quoted(text),
        Yaml::Map(entries) | Yaml::FlowMap(entries) => {
            let inner: Vec<String> = entries
                .iter()
                .map(|(k, v)| match flow(v) {
                    v if v.is_empty() => format!("{}:", key(k)),
                    v => format!("{}: {v}", key(k)),
                })
                .collect();
            format!("{{{}}}", inner.join(", "))
        }
        Yaml::Seq(items) => {
            let inner: Vec<String> = items.iter().map(flow).collect();
            format!("[{}]", inner.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_plain_block_or_quoted() {
        let e = block(&Yaml::Str("一行".into()), 2, 2, None, false);
        assert_eq!(e.inline, "一行");
        let e = block(&Yaml::Str("一行目\n\n三行目".into()), 2, 2, None, false);
        assert_eq!(
            (e.inline.as_str(), e.lines),
            (
                "|-",
                vec!["    一行目".to_string(), String::new(), "    三行目".into()]
            )
        );
        assert_eq!(
            block(&Yaml::Str("2".into()), 0, 2, None, false).inline,
            "\"2\""
        );
        assert_eq!(
            block(&Yaml::Str("a: b".into()), 0, 2, None, false).inline,
            "\"a: b\""
        );
        assert_eq!(
            block(&Yaml::Str(" lead\nx".into()), 0, 2, None, false).inline,
            "\" lead\\nx\""
        );
        assert_eq!(
            block(&Yaml::Str("it's".into()), 0, 2, Some(Style::Single), false).inline,
            "'it''s'"
        );
        assert_eq!(
            block(&Yaml::Str("x".into()), 0, 2, Some(Style::Double), false).inline,
            "\"x\""
        );
    }

    #[test]
    fn mappings_and_lists_nest_by_the_step() {
        let map = Yaml::Map(vec![
            ("id".into(), Yaml::Str("提供先2".into())),
            ("名称".into(), Yaml::Null),
        ]);
        assert_eq!(item_lines(&map, 4, 2), ["    - id: 提供先2", "      名称:"]);
        assert_eq!(
            flow(&Yaml::Map(vec![
                ("a".into(), Yaml::Plain("true".into())),
                ("b, c".into(), Yaml::Str("x}".into()))
            ])),
            "{a: true, \"b, c\": \"x}\"}"
        );
        let reference = Yaml::FlowMap(vec![("共通テキスト".into(), Yaml::Str("名前, 二".into()))]);
        assert_eq!(
            block(&reference, 2, 2, None, false).inline,
            "{共通テキスト: \"名前, 二\"}"
        );
    }
}

//! What the form adds to the editor: the printed order of keys, an item's value as the editing
//! page shows and sends it (JSON), checkbox sets written option by option, new blocks of a group
//! with readable ids, and a fingerprint of an item's text for conflict checks.
//!
//! A value on the wire is JSON: a string for texts, choices, dates and counts (`""` for
//! nothing), a boolean for a single checkbox, and for a checkbox set an object of the ticked
//! options, each `true`, or its （　） text or count as a string. Any item may instead hold a use
//! of the office's common text, `{"共通テキスト": "名前"}` on the wire as in the file.

use serde_json::Value as Json;

use crate::common_texts::KEY as REFERENCE_KEY;

use crate::form::{CheckOption, Extra, Group, Item, Kind};
use crate::load::choice::{self, Reading};
use crate::load::nfkc::same;
use crate::load::yaml::{Node, NodeValue};

use super::{EditError, Order, Seg, Source, Yaml};

/// The form's printed order of the keys of a document (of its top-level `items`): items in the
/// form's order, checkbox options in the order of their list.
#[derive(Debug, Clone, Copy)]
pub struct FormOrder {
    items: &'static [Item],
}

impl FormOrder {
    /// The order of a document whose top-level items are `items`.
    pub fn new(items: &'static [Item]) -> FormOrder {
        FormOrder { items }
    }
}

/// What a key path leads to in the form.
enum Place {
    Items(&'static [Item]),
    Options(&'static [CheckOption]),
}

fn place(items: &'static [Item], path: &[Seg]) -> Option<Place> {
    let mut place = Place::Items(items);
    for seg in path {
        match (seg, place) {
            (Seg::Key(key), Place::Items(items)) => {
                let item = items.iter().find(|i| i.key == key)?;
                place = match item.kind {
                    Kind::Section(children) => Place::Items(children),
                    Kind::Group(group) => Place::Items(group.items),
                    Kind::Checks(options) => Place::Options(options),
                    _ => return None,
                };
            }
            (Seg::Index(_), p @ Place::Items(_)) => place = p,
            _ => return None,
        }
    }
    Some(place)
}

impl Order for FormOrder {
    fn rank(&self, parent: &[Seg], key: &str) -> Option<usize> {
        match place(self.items, parent)? {
            Place::Items(items) => items.iter().position(|i| i.key == key),
            Place::Options(options) => options.iter().position(|o| same(o.label, key)),
        }
    }
}

/// A form key path (`ファイルの概要.委託.委託事項[2].再委託の有無`, 1-based positions) as steps.
pub fn segs(key_path: &str) -> Option<Vec<Seg>> {
    let mut out = Vec::new();
    for part in key_path.split('.') {
        match part.strip_suffix(']').and_then(|p| p.split_once('[')) {
            Some((key, n)) => {
                let n: usize = n.parse().ok()?;
                out.push(Seg::key(key));
                out.push(Seg::Index(n.checked_sub(1)?));
            }
            None => out.push(Seg::key(part)),
        }
    }
    Some(out)
}

/// A short, stable fingerprint of the text of the value at `path` as written (`absent` when the
/// key is not written): what a page loaded, compared with the file before a save.
pub fn fingerprint(source: &Source, path: &[Seg]) -> String {
    match source.text_of(path) {
        Some(text) => format!("{:016x}", fnv(text.as_bytes())),
        None => "absent".into(),
    }
}

/// FNV-1a (64 bits).
pub fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn is_true(text: &str) -> bool {
    matches!(text, "true" | "True" | "TRUE")
}

fn is_false(text: &str) -> bool {
    matches!(text, "false" | "False" | "FALSE")
}

/// A text as the page shows it: a block's final line break is YAML syntax, not content.
fn shown_text(node: &Node, source: &Source, path: &[Seg]) -> String {
    match &node.value {
        _ if node.is_null() => String::new(),
        NodeValue::Scalar { text, .. } => text.trim_end_matches('\n').to_string(),
        // Not a text at all: what is written, so that nothing is hidden from the officer.
        _ => source.text_of(path).unwrap_or_default().to_string(),
    }
}

/// The name of the common text a value uses (`{共通テキスト: 名前}`), if it is a reference.
pub fn reference_at(source: &Source, path: &[Seg]) -> Option<String> {
    let node = source.get(path)?;
    let reference = crate::common_texts::reference::Reference::of(node)?;
    reference.name.scalar().map(str::to_string)
}

/// A page's value that asks for a common text: `{"共通テキスト": "名前"}`.
fn wanted_reference(value: &Json) -> Option<&str> {
    match value {
        Json::Object(map) if map.len() == 1 => map.get(REFERENCE_KEY)?.as_str(),
        _ => None,
    }
}

/// The value of the item at `path` as the editing page shows it; a use of a common text as
/// `{"共通テキスト": "名前"}`, whatever the item's kind.
pub fn read(source: &Source, item: &Item, path: &[Seg]) -> Json {
    if let Some(name) = reference_at(source, path) {
        return serde_json::json!({ REFERENCE_KEY: name });
    }
    let node = source.get(path);
    match item.kind {
        Kind::Flag => Json::Bool(node.and_then(Node::scalar).is_some_and(is_true)),
        Kind::Checks(options) => {
            let mut ticked = serde_json::Map::new();
            if let Some(NodeValue::Map(entries)) = node.map(|n| &n.value) {
                for option in options {
                    let Some((_, v)) = entries
                        .iter()
                        .find(|(k, _)| k.scalar().is_some_and(|k| same(option.label, k)))
                    else {
                        continue;
                    };
                    let shown = match (v.scalar(), &v.value) {
                        (Some(t), NodeValue::Scalar { plain: true, .. }) if is_false(t) => continue,
                        (Some(t), NodeValue::Scalar { plain: true, .. }) if is_true(t) => {
                            Json::Bool(true)
                        }
                        _ if v.is_null() => Json::Bool(true),
                        (Some(t), _) => Json::String(t.trim().to_string()),
                        (None, _) => Json::Bool(true),
                    };
                    ticked.insert(option.label.to_string(), shown);
                }
            }
            Json::Object(ticked)
        }
        Kind::Choice(list) => {
            let text = node
                .map(|n| shown_text(n, source, path))
                .unwrap_or_default();
            match choice::read(&text, list.options) {
                Reading::Chosen(i) => Json::String(list.options[i].to_string()),
                _ => Json::String(text),
            }
        }
        _ => Json::String(
            node.map(|n| shown_text(n, source, path))
                .unwrap_or_default(),
        ),
    }
}

/// A text from the page as the file should hold it: line breaks as `\n`, no final line break.
pub fn normalise(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .trim_end_matches('\n')
        .to_string()
}

/// The YAML for a text, date, choice or count: nothing for a blank value.
fn scalar_yaml(item: &Item, text: &str) -> Yaml {
    let text = normalise(text);
    let text = match item.kind {
        Kind::Text | Kind::Lines => text,
        _ => text.trim().to_string(),
    };
    if text.trim().is_empty() {
        return Yaml::Null;
    }
    match item.kind {
        Kind::Count if text.bytes().all(|b| b.is_ascii_digit()) && text.len() <= 9 => {
            Yaml::Plain(text)
        }
        _ => Yaml::Str(text),
    }
}

/// What one checkbox option holds when ticked, from the page's value for it.
fn option_yaml(option: &CheckOption, value: &Json) -> Yaml {
    let text = match value {
        Json::String(s) => s.trim().to_string(),
        Json::Number(n) => n.to_string(),
        _ => String::new(),
    };
    match option.extra {
        Extra::None => Yaml::Plain("true".into()),
        // Ticked without its text or count: `true`, which validation then asks to complete.
        _ if text.is_empty() => Yaml::Plain("true".into()),
        Extra::Count if text.bytes().all(|b| b.is_ascii_digit()) && text.len() <= 9 => {
            Yaml::Plain(text)
        }
        _ => Yaml::Str(text),
    }
}

/// Writes the page's `value` for the item at `path`, changing only what differs from the file:
/// a checkbox set option by option, keeping the style of the set (`false` lines, or only the
/// ticked options). Returns the source unchanged when the value is what is written already.
pub fn write(
    source: &Source,
    order: &FormOrder,
    item: &Item,
    path: &[Seg],
    value: &Json,
) -> Result<Source, EditError> {
    let wrong = || {
        EditError::NoSuchPlace(format!(
            "{}: not a value for this item",
            super::show_path(path)
        ))
    };
    let node = source.get(path);
    if let Some(name) = wanted_reference(value) {
        // A use of the office's common text, written as the reference `{共通テキスト: 名前}`.
        if matches!(item.kind, Kind::Section(_) | Kind::Group(_)) || name.trim().is_empty() {
            return Err(wrong());
        }
        if reference_at(source, path).as_deref() == Some(name) {
            return Ok(source.clone());
        }
        let reference = Yaml::FlowMap(vec![(REFERENCE_KEY.into(), Yaml::Str(name.into()))]);
        return source.set(path, &reference, order);
    }
    match item.kind {
        Kind::Section(_) | Kind::Group(_) => Err(wrong()),
        Kind::Checks(options) => {
            let Json::Object(ticked) = value else {
                return Err(wrong());
            };
            write_checks(source, order, options, path, ticked)
        }
        Kind::Flag => {
            let on = value.as_bool().ok_or_else(wrong)?;
            let now = node.and_then(Node::scalar).is_some_and(is_true);
            let written_false =
                node.is_some_and(|n| n.scalar().is_some_and(is_false) || n.is_null());
            if on == now && (on || written_false || node.is_none()) {
                return Ok(source.clone());
            }
            source.set(path, &Yaml::Plain(on.to_string()), order)
        }
        _ => {
            let text = value.as_str().ok_or_else(wrong)?;
            let want = scalar_yaml(item, text);
            // Unchanged as the page reads it (a plain `12` is the text "12"): nothing to write.
            let shown = match &want {
                Yaml::Str(s) | Yaml::Plain(s) => Json::String(s.clone()),
                _ => Json::String(String::new()),
            };
            let written_as_scalar = node.is_none_or(|n| n.scalar().is_some());
            if written_as_scalar && read(source, item, path) == shown {
                return Ok(source.clone());
            }
            source.set(path, &want, order)
        }
    }
}

fn write_checks(
    source: &Source,
    order: &FormOrder,
    options: &'static [CheckOption],
    path: &[Seg],
    ticked: &serde_json::Map<String, Json>,
) -> Result<Source, EditError> {
    let wanted: Vec<(&CheckOption, Option<Yaml>)> = options
        .iter()
        .map(|o| {
            let value = ticked
                .iter()
                .find(|(k, _)| same(o.label, k))
                .map(|(_, v)| v)
                .filter(|v| !matches!(v, Json::Bool(false) | Json::Null));
            (o, value.map(|v| option_yaml(o, v)))
        })
        .collect();
    let node = source.get(path);
    if let Some(n) = node
        && !n.is_null()
        && !matches!(n.value, NodeValue::Map(_))
    {
        // Not a set at all: replaced by one.
        let entries = wanted
            .into_iter()
            .filter_map(|(o, v)| Some((o.label.to_string(), v?)))
            .collect();
        return source.set(path, &Yaml::Map(entries), order);
    }
    // The set's style: options left unticked written as `false` (the skeleton's), or left out.
    let falses = match node.map(|n| &n.value) {
        Some(NodeValue::Map(entries)) => entries.iter().any(
            |(_, v)| matches!(&v.value, NodeValue::Scalar { text, plain: true } if is_false(text)),
        ),
        _ => false,
    };
    let mut current = source.clone();
    for (option, want) in wanted {
        let written = match current.get(path).map(|n| &n.value) {
            Some(NodeValue::Map(entries)) => entries
                .iter()
                .find(|(k, _)| k.scalar().is_some_and(|k| same(option.label, k)))
                .and_then(|(k, v)| Some((k.scalar()?.to_string(), v.clone()))),
            _ => None,
        };
        let mut at = path.to_vec();
        match (want, written) {
            (Some(want), Some((key, node))) => {
                if !super::expect::reads_as(&node, &want) {
                    at.push(Seg::Key(key));
                    current = current.set(&at, &want, order)?;
                }
            }
            (Some(want), None) => {
                at.push(Seg::key(option.label));
                current = current.set(&at, &want, order)?;
            }
            (None, Some((key, node))) => {
                let off = matches!(&node.value, NodeValue::Scalar { text, plain: true } if is_false(text));
                if !off {
                    at.push(Seg::Key(key));
                    current = if falses {
                        current.set(&at, &Yaml::Plain("false".into()), order)?
                    } else {
                        current.remove(&at)?
                    };
                }
            }
            (None, None) => {}
        }
    }
    Ok(current)
}

/// The ids of the blocks of the group at `path`, in order (`None` for a block without one).
pub fn block_ids(source: &Source, path: &[Seg]) -> Vec<Option<String>> {
    match source.get(path).map(|n| &n.value) {
        Some(NodeValue::Seq(items)) => items
            .iter()
            .map(|item| match &item.value {
                NodeValue::Map(entries) => entries
                    .iter()
                    .find(|(k, _)| k.scalar() == Some("id"))
                    .and_then(|(_, v)| v.scalar().filter(|_| !v.is_null()))
                    .map(str::to_string),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// A readable id for a new block of `group`: its name and the first free number
/// (`提供先5`), as the skeleton names its first blocks.
pub fn new_id(group: &Group, taken: &[Option<String>]) -> String {
    let mut n = taken.len() + 1;
    loop {
        let id = format!("{}{n}", group.name);
        if !taken.iter().flatten().any(|t| *t == id) {
            return id;
        }
        n += 1;
    }
}

/// Adds a new block to the group at `path` at position `at` (at the end when past it): its id
/// and every item of the block, empty. Returns the new source and the id.
pub fn add_block(
    source: &Source,
    order: &FormOrder,
    group: &Group,
    path: &[Seg],
    at: usize,
) -> Result<(Source, String), EditError> {
    let id = new_id(group, &block_ids(source, path));
    let mut entries = vec![("id".to_string(), Yaml::Str(id.clone()))];
    entries.extend(group.items.iter().map(|i| (i.key.to_string(), Yaml::Null)));
    let source = source.insert_item(path, at, &Yaml::Map(entries), order)?;
    Ok((source, id))
}

/// Adds a new block to the group at `path` at position `at` that uses the office's block
/// entry `name`: its own id and the reference (`- id: 提供先5` / `共通テキスト: 名前`).
pub fn add_common_block(
    source: &Source,
    order: &FormOrder,
    group: &Group,
    path: &[Seg],
    at: usize,
    name: &str,
) -> Result<(Source, String), EditError> {
    let id = new_id(group, &block_ids(source, path));
    let entries = vec![
        ("id".to_string(), Yaml::Str(id.clone())),
        (REFERENCE_KEY.to_string(), Yaml::Str(name.to_string())),
    ];
    let source = source.insert_item(path, at, &Yaml::Map(entries), order)?;
    Ok((source, id))
}

//! The typed document: the YAML tree read against the form definition.
//!
//! Every value keeps its span. Problems of type (an unknown key, a value outside a choice
//! list, an invalid date …) become diagnostics and the value becomes [`Value::Invalid`], so
//! one run reports everything; whether required items are filled is the validator's job.

use crate::diag::{Diagnostic, Span, codes};
use crate::form::label::{Step, full_label, key_path};
use crate::form::{self, CheckOption, Edition, Extra, Form, Item, Kind, Shared};

use super::choice::{self, Reading};
use super::date::JpDate;
use super::nfkc::{nfkc, same};
use super::yaml::{Node, NodeValue};

/// A document of one edition of the form.
#[derive(Debug, Clone)]
pub struct Document {
    /// The edition named by `様式`.
    pub edition: &'static Edition,
    /// The top-level items.
    pub root: Record,
    /// A 基礎項目評価書 published with a 重点項目評価書: the facts the two share are that
    /// document's (their entries are marked [`Entry::shared`]), and only the rest is its own.
    pub paired: bool,
    /// The office's common texts this document uses, where it uses them
    /// ([`crate::common_texts`]); their values are read in place.
    pub common_texts: Vec<crate::common_texts::TextUse>,
}

/// The items of one section or one block, in the form's order.
#[derive(Debug, Clone, Default)]
pub struct Record {
    /// The items written, in the form's order.
    pub entries: Vec<Entry>,
    /// Where the section is written (its key), for diagnostics about missing items.
    pub span: Span,
    /// Keys of items that an unknown key was suggested for; already reported, so not "missing".
    pub misspelled: Vec<&'static str>,
}

/// One item as written.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The form's definition of the item.
    pub item: &'static Item,
    /// The key's span.
    pub key_span: Span,
    /// The value.
    pub value: Value,
    /// The value's span (the key's span for an empty value).
    pub span: Span,
    /// The value is a fact shared with the 重点項目評価書 published together with this
    /// 基礎項目評価書, taken from there: its spans are in that document's file, and that
    /// document's validation judges it.
    pub shared: bool,
}

/// A typed value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Nothing written (`key:`), or an empty text.
    Empty,
    /// Present but not usable; a diagnostic says why.
    Invalid,
    /// Text, with its line breaks.
    Text(String),
    /// The index of the chosen option.
    Choice(usize),
    /// The ticked options of a checkbox set, in the form's order.
    Checks(Vec<Tick>),
    /// A single checkbox.
    Flag(bool),
    /// A date.
    Date(JpDate),
    /// A count.
    Count(u32),
    /// A section's items.
    Section(Record),
    /// A repeating group's blocks.
    Group(Vec<Block>),
}

impl PartialEq for Record {
    fn eq(&self, other: &Self) -> bool {
        self.entries.len() == other.entries.len()
            && self.misspelled == other.misspelled
            && self
                .entries
                .iter()
                .zip(&other.entries)
                .all(|(a, b)| a.item.key == b.item.key && a.value == b.value)
    }
}

/// A ticked option of a checkbox set.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    /// The option's index in the form's list.
    pub option: usize,
    /// The text in `（　）`, for options that take one.
    pub text: Option<String>,
    /// The count in `（　）件`, for options that take one.
    pub count: Option<u32>,
}

/// One block of a repeating group.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// The user's id, which matches the block across versions.
    pub id: Option<String>,
    /// The block's items.
    pub record: Record,
}

impl Value {
    /// Whether nothing is filled in (an unticked flag and an empty set count as empty).
    pub fn is_empty(&self) -> bool {
        match self {
            Value::Empty => true,
            Value::Text(t) => t.trim().is_empty(),
            Value::Checks(ticks) => ticks.is_empty(),
            Value::Flag(on) => !on,
            Value::Section(record) => record.entries.iter().all(|e| e.value.is_empty()),
            Value::Group(blocks) => blocks.is_empty(),
            Value::Invalid | Value::Choice(_) | Value::Date(_) | Value::Count(_) => false,
        }
    }
}

impl Record {
    /// The entry of a direct child.
    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.item.key == key)
    }

    /// The entry at a dotted key path below this record, through sections only.
    pub fn at(&self, path: &str) -> Option<&Entry> {
        let mut record = self;
        let mut parts = path.split('.').peekable();
        while let Some(key) = parts.next() {
            let entry = record.get(key)?;
            if parts.peek().is_none() {
                return Some(entry);
            }
            match &entry.value {
                Value::Section(inner) => record = inner,
                _ => return None,
            }
        }
        None
    }

    /// The chosen option's text of a choice item at `path`.
    pub fn choice(&self, path: &str) -> Option<&'static str> {
        let entry = self.at(path)?;
        match (&entry.value, entry.item.kind) {
            (Value::Choice(i), Kind::Choice(list)) => list.options.get(*i).copied(),
            _ => None,
        }
    }

    /// The date at `path`.
    pub fn date(&self, path: &str) -> Option<JpDate> {
        match self.at(path)?.value {
            Value::Date(d) => Some(d),
            _ => None,
        }
    }

    /// The blocks of a group at `path`.
    pub fn blocks(&self, path: &str) -> &[Block] {
        match self.at(path).map(|e| &e.value) {
            Some(Value::Group(blocks)) => blocks,
            _ => &[],
        }
    }
}

/// Finds a tick by option label in a checkbox set.
pub fn ticked<'a>(ticks: &'a [Tick], options: &[CheckOption], label: &str) -> Option<&'a Tick> {
    let index = options.iter().position(|o| o.label == label)?;
    ticks.iter().find(|t| t.option == index)
}

/// Whether an item of a 基礎項目評価書 published with a 重点項目評価書 comes whole from that
/// document: a shared fact, or a section of nothing else.
pub fn inherited(item: &Item) -> bool {
    match item.kind {
        Kind::Section(children) => !children.is_empty() && children.iter().all(inherited),
        _ => item.shared != Shared::No,
    }
}

/// How a document file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// An assessment's main document (`assessment.yaml`): any edition, every item its own.
    Main,
    /// The 基礎項目評価書 beside a 重点項目評価書 (`kiso.yaml`): 様式２, holding only what the
    /// 重点項目評価書 does not say; a shared fact written here again is an error.
    Companion,
}

/// Reads `様式` and the edition's items from the root node.
pub fn read(root: &Node, diags: &mut Vec<Diagnostic>) -> Option<Document> {
    read_as(root, Role::Main, diags)
}

/// Reads a document in its role.
pub fn read_as(root: &Node, role: Role, diags: &mut Vec<Diagnostic>) -> Option<Document> {
    read_with(root, role, None, diags)
}

/// Reads a document in its role, with the office's common texts it may use.
pub fn read_with(
    root: &Node,
    role: Role,
    texts: Option<&crate::common_texts::Library>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Document> {
    let NodeValue::Map(entries) = &root.value else {
        diags.push(wrong_type(
            root,
            "評価書の項目（`様式:`、`表紙:` …）",
            "assessment items (`様式:`, `表紙:` …)",
            "様式: 令和6年10月 様式3",
            &[],
        ));
        return None;
    };
    let edition_node = entries.iter().find(|(k, _)| k.scalar() == Some("様式"));
    let edition = match edition_node {
        None => {
            diags.push(
                Diagnostic::new(&codes::MISSING_ITEM, Some(first_line(root.span)))
                    .arg("key", "様式")
                    .at_item("様式", "様式"),
            );
            form::EDITIONS[0]
        }
        Some((_, value)) => {
            let text = value.scalar().unwrap_or_default();
            match form::edition(text) {
                Some(e) => e,
                None => {
                    let known: Vec<&str> = form::EDITIONS.iter().map(|e| e.id).collect();
                    diags.push(
                        Diagnostic::new(&codes::UNKNOWN_EDITION, Some(value.span))
                            .arg("value", text)
                            .arg("choices", known.join(" / "))
                            .at_item("様式", "様式"),
                    );
                    return None;
                }
            }
        }
    };
    if role == Role::Companion && edition.form != Form::Basic {
        let value_span = edition_node.map_or(first_line(root.span), |(_, v)| v.span);
        diags.push(
            Diagnostic::new(&codes::COMPANION_NOT_BASIC, Some(value_span))
                .arg("value", edition.id)
                .at_item("様式", "様式"),
        );
        return None;
    }
    let mut reader = Reader {
        diags,
        companion: role == Role::Companion,
        texts: crate::common_texts::Resolver::new(texts),
    };
    let mut stack = Vec::new();
    let record =
        reader.record_from_entries(edition.items, entries, root.span, &mut stack, &["様式"]);
    Some(Document {
        edition,
        root: record,
        paired: false,
        common_texts: reader.texts.uses,
    })
}

/// Reads a root mapping against a list of items (used for `changes.yaml`).
pub fn read_items(items: &'static [Item], root: &Node, diags: &mut Vec<Diagnostic>) -> Record {
    let mut reader = Reader {
        diags,
        companion: false,
        texts: crate::common_texts::Resolver::new(None),
    };
    reader.record(items, root, first_line(root.span), &mut Vec::new())
}

fn first_line(span: Span) -> Span {
    Span {
        start: span.start,
        end: span.start,
    }
}

struct Reader<'d> {
    diags: &'d mut Vec<Diagnostic>,
    /// Reading a `kiso.yaml`: shared facts are refused.
    companion: bool,
    /// The office's common texts, read in place of references to them.
    texts: crate::common_texts::Resolver<'d>,
}

fn wrong_type(
    node: &Node,
    expected_ja: &str,
    expected_en: &str,
    example: &str,
    path: &[Step],
) -> Diagnostic {
    let mut d = Diagnostic::new(&codes::WRONG_TYPE, Some(node.span))
        .arg_lang("expected", expected_ja, expected_en)
        .arg_lang("found", node.kind_name(true), node.kind_name(false))
        .arg_lang(
            "example",
            format!("例: {example}"),
            format!("e.g. {example}"),
        );
    if !path.is_empty() {
        d = d.at_item(full_label(path), key_path(path));
    }
    d
}

/// Up to three keys that look like `key`, for a did-you-mean hint, compared in NFKC and
/// without case (so a full-width `１０万人` is ranked as `10万人`, and `ID` finds `id`).
pub fn suggest<'a>(key: &str, candidates: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let key: Vec<char> = nfkc(key).to_lowercase().chars().collect();
    let mut scored: Vec<(f64, &str)> = candidates
        .map(|original| {
            let c = nfkc(original).to_lowercase();
            let c = c.as_str();
            let c_chars: Vec<char> = c.chars().collect();
            let distance = strsim::generic_levenshtein(&key, &c_chars) as f64;
            let longest = key.len().max(c_chars.len()).max(1) as f64;
            let contains = c.contains(&key.iter().collect::<String>())
                || key.iter().collect::<String>().contains(c);
            (if contains { 0.0 } else { distance / longest }, original)
        })
        .filter(|(score, _)| *score <= 0.5)
        .collect();
    scored.sort_by(|a, b| a.0.total_cmp(&b.0));
    scored.into_iter().take(3).map(|(_, c)| c).collect()
}

/// A key indented with full-width spaces (U+3000) looks right in an editor but is another
/// key: E0114 at the spaces, rather than the items allowed here.
fn full_width_indented(key_node: &Node) -> Option<(Diagnostic, &str)> {
    let key = key_node.scalar()?;
    let bare = key.trim_start_matches('\u{3000}');
    let count = key.chars().count() - bare.chars().count();
    if count == 0 {
        return None;
    }
    let mut span = key_node.span;
    span.end = span.start;
    span.end.col += count;
    span.end.offset += count;
    let d = Diagnostic::new(&codes::FULL_WIDTH_INDENTATION, Some(span))
        .arg("count", count.to_string())
        .arg("key", bare);
    Some((d, bare))
}

/// The did-you-mean text, or the list of allowed keys when nothing is close: (ja, en).
fn suggestion_text(key: &str, allowed: &[&str]) -> (String, String) {
    let near = suggest(key, allowed.iter().copied());
    if near.is_empty() {
        (
            format!("この場所に書ける項目: {}", allowed.join("、")),
            format!("items allowed here: {}", allowed.join(", ")),
        )
    } else {
        (
            format!("「{}」のことですか？", near.join("」「")),
            format!("did you mean `{}`?", near.join("`, `")),
        )
    }
}

/// The did-you-mean suffix for choice lists: (ja, en).
fn near_choice(near: Option<usize>, options: &[&str]) -> (String, String) {
    match near.and_then(|i| options.get(i)) {
        Some(n) => (
            format!("（「{n}」のことですか？）"),
            format!(" (did you mean `{n}`?)"),
        ),
        None => (String::new(), String::new()),
    }
}

impl Reader<'_> {
    fn record(
        &mut self,
        items: &'static [Item],
        node: &Node,
        key_span: Span,
        path: &mut Vec<Step>,
    ) -> Record {
        match &node.value {
            NodeValue::Map(entries) => {
                self.record_from_entries(items, entries, key_span, path, &[])
            }
            _ if node.is_null() => Record {
                entries: Vec::new(),
                span: key_span,
                misspelled: Vec::new(),
            },
            _ => {
                self.diags.push(wrong_type(
                    node,
                    "下位の項目（`キー: 値` の並び）",
                    "items",
                    "`キー: 値` を字下げして並べる",
                    path,
                ));
                Record {
                    entries: Vec::new(),
                    span: key_span,
                    misspelled: Vec::new(),
                }
            }
        }
    }

    fn record_from_entries(
        &mut self,
        items: &'static [Item],
        entries: &[(Node, Node)],
        span: Span,
        path: &mut Vec<Step>,
        extra_keys: &[&str],
    ) -> Record {
        let mut out: Vec<Entry> = Vec::new();
        let mut misspelled = Vec::new();
        for (key_node, value_node) in entries {
            let Some(key) = key_node.scalar() else {
                continue;
            };
            if extra_keys.contains(&key) {
                continue;
            }
            let Some(item) = items.iter().find(|i| i.key == key) else {
                let mut allowed: Vec<&str> = items.iter().map(|i| i.key).collect();
                allowed.extend_from_slice(extra_keys);
                if let Some(near) = suggest(key, allowed.iter().copied()).first()
                    && let Some(item) = items.iter().find(|i| i.key == *near)
                {
                    misspelled.push(item.key);
                }
                let mut d = match full_width_indented(key_node) {
                    Some((d, bare)) => match items.iter().find(|i| i.key == bare) {
                        // Named by the item it means, when it is one of this place's.
                        Some(item) => {
                            path.push(Step { item, index: None });
                            let d = d.at_item(full_label(path), key_path(path));
                            path.pop();
                            d
                        }
                        None => d,
                    },
                    None => Diagnostic::new(&codes::UNKNOWN_KEY, Some(key_node.span))
                        .arg("key", key)
                        .arg_lang(
                            "suggestion",
                            suggestion_text(key, &allowed).0,
                            suggestion_text(key, &allowed).1,
                        ),
                };
                if !path.is_empty() && d.item.is_none() {
                    d = d.at_item(full_label(path), key_path(path));
                }
                self.diags.push(d);
                continue;
            };
            path.push(Step { item, index: None });
            if self.companion && inherited(item) {
                self.diags
                    .push(shared_written_twice(item, key_node.span, path));
                path.pop();
                continue;
            }
            let value = self.value(item, value_node, key_node.span, path);
            path.pop();
            let value_span = if value_node.is_null() {
                key_node.span
            } else {
                value_node.span
            };
            out.push(Entry {
                item,
                key_span: key_node.span,
                value,
                span: value_span,
                shared: false,
            });
        }
        out.sort_by_key(|e| {
            items
                .iter()
                .position(|i| std::ptr::eq(i, e.item))
                .unwrap_or(usize::MAX)
        });
        Record {
            entries: out,
            span,
            misspelled,
        }
    }

    fn value(
        &mut self,
        item: &'static Item,
        node: &Node,
        key_span: Span,
        path: &mut Vec<Step>,
    ) -> Value {
        // A common text is read as if written here, then moved to the reference.
        if let Some(resolved) = self.texts.value(node, item, path, self.diags) {
            let mark = self.texts.mark(self.diags);
            let mut value = match resolved.node() {
                Some(text) => self.value(item, text, key_span, path),
                None => Value::Invalid,
            };
            self.texts.settle(resolved, &mut value, self.diags, mark);
            return value;
        }
        match item.kind {
            Kind::Section(items) => match &node.value {
                NodeValue::Map(_) => Value::Section(self.record(items, node, key_span, path)),
                _ if node.is_null() => Value::Section(Record {
                    entries: Vec::new(),
                    span: key_span,
                    misspelled: Vec::new(),
                }),
                _ => {
                    self.diags.push(wrong_type(
                        node,
                        "下位の項目（`キー: 値` を字下げして並べたもの）",
                        "the section's items (indented `key: value` lines)",
                        &format!(
                            "{}:\n  {}: …",
                            item.key,
                            items.first().map_or("", |i| i.key)
                        ),
                        path,
                    ));
                    Value::Invalid
                }
            },
            Kind::Group(group) => self.group(group, node, path),
            Kind::Text | Kind::Lines => self.text(node, path),
            Kind::Choice(list) => self.choice(list, node, path),
            Kind::Checks(options) => self.checks(options, node, path),
            Kind::Flag => match (&node.value, node.scalar()) {
                _ if node.is_null() => Value::Flag(false),
                (NodeValue::Scalar { plain: true, .. }, Some(t)) if is_true(t) => Value::Flag(true),
                (NodeValue::Scalar { plain: true, .. }, Some(t)) if is_false(t) => {
                    Value::Flag(false)
                }
                _ => {
                    self.diags.push(wrong_type(
                        node,
                        "true（チェックあり）または false",
                        "true or false",
                        "true",
                        path,
                    ));
                    Value::Invalid
                }
            },
            Kind::Date { month_ok } => match node.scalar() {
                _ if node.is_null() => Value::Empty,
                Some(text) => match JpDate::parse(text, month_ok) {
                    Ok(date) => Value::Date(date),
                    Err(e) => {
                        self.diags.push(
                            Diagnostic::new(&codes::INVALID_DATE, Some(node.span))
                                .arg_lang(
                                    "detail",
                                    format!("「{text}」。{}", e.explain(true)),
                                    format!("`{text}`; {}", e.explain(false)),
                                )
                                .at_item(full_label(path), key_path(path)),
                        );
                        Value::Invalid
                    }
                },
                None => {
                    self.diags
                        .push(wrong_type(node, "日付", "a date", "令和7年3月4日", path));
                    Value::Invalid
                }
            },
            Kind::Count => match node.scalar() {
                _ if node.is_null() => Value::Empty,
                Some(text) => match parse_count(text) {
                    Some(n) => Value::Count(n),
                    None => {
                        self.diags.push(
                            Diagnostic::new(&codes::INVALID_COUNT, Some(node.span))
                                .arg("value", text)
                                .at_item(full_label(path), key_path(path)),
                        );
                        Value::Invalid
                    }
                },
                None => {
                    self.diags
                        .push(wrong_type(node, "件数（整数）", "a count", "2", path));
                    Value::Invalid
                }
            },
        }
    }

    fn text(&mut self, node: &Node, path: &[Step]) -> Value {
        match &node.value {
            _ if node.is_null() => Value::Empty,
            NodeValue::Scalar { text, .. } => {
                // A block scalar's final line break is YAML syntax (`|` vs `|-`), not content.
                let text = text.trim_end_matches('\n');
                if text.is_empty() {
                    Value::Empty
                } else {
                    Value::Text(text.to_string())
                }
            }
            _ => {
                self.diags.push(wrong_type(
                    node,
                    "文字列",
                    "a text",
                    "|- の後の行に字下げして記載",
                    path,
                ));
                Value::Invalid
            }
        }
    }

    fn choice(&mut self, list: &'static form::ChoiceList, node: &Node, path: &[Step]) -> Value {
        let Some(text) = node.scalar() else {
            self.diags.push(wrong_type(
                node,
                "選択肢の文字列",
                "one of the choices",
                list.options[0],
                path,
            ));
            return Value::Invalid;
        };
        if node.is_null() {
            return Value::Empty;
        }
        let near = match choice::read(text, list.options) {
            Reading::Chosen(i) => return Value::Choice(i),
            Reading::Mismatch { written, index } => {
                self.diags.push(
                    Diagnostic::new(&codes::NUMBERED_CHOICE_MISMATCH, Some(node.span))
                        .arg("number", written)
                        .arg("choice", list.options[index])
                        .arg("right", (index + 1).to_string())
                        .arg("choices", list.options.join(" / "))
                        .at_item(full_label(path), key_path(path)),
                );
                return Value::Invalid;
            }
            Reading::Unknown(near) => near,
        };
        let (near_ja, near_en) = near_choice(near, list.options);
        self.diags.push(
            Diagnostic::new(&codes::NOT_A_CHOICE, Some(node.span))
                .arg("value", text)
                .arg("choices", list.options.join(" / "))
                .arg_lang("suggestion", near_ja, near_en)
                .at_item(full_label(path), key_path(path)),
        );
        Value::Invalid
    }

    fn checks(&mut self, options: &'static [CheckOption], node: &Node, path: &[Step]) -> Value {
        let entries = match &node.value {
            _ if node.is_null() => return Value::Checks(Vec::new()),
            NodeValue::Map(entries) => entries,
            _ => {
                let example = format!("{{{}: true}}", options[0].label);
                self.diags.push(wrong_type(
                    node,
                    "チェックした選択肢の並び（`選択肢: true`）",
                    "a mapping of ticked options",
                    &example,
                    path,
                ));
                return Value::Invalid;
            }
        };
        let mut ticks = Vec::new();
        let mut invalid = false;
        for (key_node, value_node) in entries {
            let Some(key) = key_node.scalar() else {
                continue;
            };
            let Some(index) = options.iter().position(|o| same(o.label, key)) else {
                let labels: Vec<&str> = options.iter().map(|o| o.label).collect();
                let (near_ja, near_en) = near_choice(choice::nearest(key, &labels), &labels);
                self.diags.push(
                    Diagnostic::new(&codes::UNKNOWN_OPTION, Some(key_node.span))
                        .arg("value", key)
                        .arg("choices", labels.join(" / "))
                        .arg_lang("suggestion", near_ja, near_en)
                        .at_item(full_label(path), key_path(path)),
                );
                invalid = true;
                continue;
            };
            let option = &options[index];
            let scalar = value_node.scalar().map(str::trim);
            let plain = matches!(value_node.value, NodeValue::Scalar { plain: true, .. });
            let at = |d: Diagnostic| d.at_item(full_label(path), key_path(path));
            match option.extra {
                Extra::None => match scalar {
                    Some(t) if plain && is_true(t) => ticks.push(Tick {
                        option: index,
                        text: None,
                        count: None,
                    }),
                    Some(t) if plain && is_false(t) => {}
                    _ => {
                        self.diags.push(at(Diagnostic::new(&codes::OPTION_VALUE, Some(value_node.span))
                            .arg("value", key)
                            .arg_lang("expected", "チェックする場合は true、しない場合は false を書くか、行を削除してください。", "write true to tick it, or false (or delete the line) to leave it unticked.")));
                        invalid = true;
                    }
                },
                Extra::Text => match scalar {
                    Some(t) if plain && is_false(t) => {}
                    Some(t) if (plain && is_true(t)) || value_node.is_null() || t.is_empty() => {
                        let span = if value_node.is_null() {
                            key_node.span
                        } else {
                            value_node.span
                        };
                        self.diags
                            .push(at(Diagnostic::new(&codes::OPTION_NEEDS_TEXT, Some(span))
                                .arg("value", key)));
                        invalid = true;
                    }
                    Some(t) => {
                        // A tick mark written as the text prints inside the parentheses.
                        if MARKS.contains(&nfkc(t).as_str()) {
                            self.diags.push(at(Diagnostic::new(
                                &codes::MARK_AS_TEXT,
                                Some(value_node.span),
                            )
                            .arg("mark", t)
                            .arg("option", option.label)));
                        }
                        ticks.push(Tick {
                            option: index,
                            text: Some(t.to_string()),
                            count: None,
                        })
                    }
                    None => {
                        self.diags.push(at(Diagnostic::new(
                            &codes::OPTION_VALUE,
                            Some(value_node.span),
                        )
                        .arg("value", key)
                        .arg_lang(
                            "expected",
                            "（　）内に印字する文字列を書いてください。",
                            "write the text printed in the parentheses.",
                        )));
                        invalid = true;
                    }
                },
                Extra::Count => match scalar {
                    Some(t) if plain && is_false(t) => {}
                    Some(t) => match parse_count(t) {
                        Some(n) => ticks.push(Tick {
                            option: index,
                            text: None,
                            count: Some(n),
                        }),
                        None => {
                            self.diags.push(at(Diagnostic::new(
                                &codes::COUNT_EXPECTED,
                                Some(value_node.span),
                            )
                            .arg("value", key)));
                            invalid = true;
                        }
                    },
                    None => {
                        self.diags.push(at(Diagnostic::new(
                            &codes::COUNT_EXPECTED,
                            Some(value_node.span),
                        )
                        .arg("value", key)));
                        invalid = true;
                    }
                },
            }
        }
        if invalid {
            return Value::Invalid;
        }
        ticks.sort_by_key(|t| t.option);
        Value::Checks(ticks)
    }

    fn group(&mut self, group: &'static form::Group, node: &Node, path: &mut Vec<Step>) -> Value {
        let items = match &node.value {
            _ if node.is_null() => return Value::Group(Vec::new()),
            NodeValue::Seq(items) => items,
            _ => {
                self.diags.push(wrong_type(
                    node,
                    "ブロックのリスト（各行頭に `- `）",
                    "a list of blocks",
                    "- id: a1",
                    path,
                ));
                return Value::Invalid;
            }
        };
        let mut blocks = Vec::new();
        let mut ids: Vec<(String, Span)> = Vec::new();
        for (i, written) in items.iter().enumerate() {
            if i == group.max {
                self.diags.push(
                    Diagnostic::new(&codes::TOO_MANY_BLOCKS, Some(written.span))
                        .arg("group", group.name)
                        .arg("count", items.len().to_string())
                        .arg("max", group.max.to_string())
                        .at_item(full_label(path), key_path(path)),
                );
            }
            if let Some(last) = path.last_mut() {
                last.index = Some(i + 1);
            }
            // A block from the common texts is read as if written here, then moved there.
            let resolved = self.texts.block(written, group, path, self.diags);
            let mark = self.texts.mark(self.diags);
            let block_node = resolved.as_ref().and_then(|r| r.node()).unwrap_or(written);
            let mut id = None;
            if let NodeValue::Map(entries) = &block_node.value
                && let Some((_, id_node)) = entries.iter().find(|(k, _)| k.scalar() == Some("id"))
            {
                match id_node.scalar().filter(|_| !id_node.is_null()) {
                    Some(text) => {
                        if let Some((_, first)) = ids.iter().find(|(seen, _)| seen == text) {
                            self.diags.push(
                                Diagnostic::new(&codes::DUPLICATE_ID, Some(id_node.span))
                                    .arg("id", text)
                                    .related(*first)
                                    .at_item(full_label(path), key_path(path)),
                            );
                        }
                        ids.push((text.to_string(), id_node.span));
                        id = Some(text.to_string());
                    }
                    None => {
                        self.diags
                            .push(wrong_type(id_node, "id の文字列", "an id", "id: a1", path))
                    }
                }
            }
            let record = match &block_node.value {
                NodeValue::Map(entries) => {
                    self.record_from_entries(group.items, entries, block_node.span, path, &["id"])
                }
                _ => {
                    self.diags.push(wrong_type(
                        block_node,
                        "ブロックの項目",
                        "the block's items",
                        "- id: a1",
                        path,
                    ));
                    Record {
                        entries: Vec::new(),
                        span: block_node.span,
                        misspelled: Vec::new(),
                    }
                }
            };
            let mut block = Block { id, record };
            if let Some(resolved) = resolved {
                self.texts
                    .settle_block(resolved, &mut block, group, self.diags, mark);
            }
            blocks.push(block);
        }
        if let Some(last) = path.last_mut() {
            last.index = None;
        }
        let missing: Vec<&Node> = items
            .iter()
            .zip(&blocks)
            .filter(|(_, b)| b.id.is_none())
            .map(|(n, _)| n)
            .collect();
        // The change table's rows have no ids by design: they are matched by nothing.
        let change_table = path
            .first()
            .is_some_and(|s| std::ptr::eq(s.item, &form::changes::TABLE));
        if items.len() >= 2
            && !change_table
            && let Some(first) = missing.first()
        {
            self.diags.push(
                Diagnostic::new(&codes::BLOCKS_WITHOUT_ID, Some(first_line(first.span)))
                    .arg("group", group.name)
                    .arg("count", items.len().to_string())
                    .arg("missing", missing.len().to_string())
                    .at_item(full_label(path), key_path(path)),
            );
        }
        Value::Group(blocks)
    }
}

/// E0601: a fact of the 重点項目評価書 written again in the 基礎項目評価書 beside it.
fn shared_written_twice(item: &Item, span: Span, path: &[Step]) -> Diagnostic {
    // The 重点項目評価書's item, or for a whole section the first of its facts.
    let mut first = item;
    while let Kind::Section(children) = first.kind {
        match children.first() {
            Some(child) => first = child,
            None => break,
        }
    }
    let from = super::pair::source_label(first).unwrap_or_default();
    Diagnostic::new(&codes::SHARED_WRITTEN_TWICE, Some(span))
        .arg("from", from)
        .at_item(full_label(path), key_path(path))
}

fn is_true(text: &str) -> bool {
    matches!(text, "true" | "True" | "TRUE")
}

fn is_false(text: &str) -> bool {
    matches!(text, "false" | "False" | "FALSE")
}

/// Marks that officers use for a tick on paper forms.
const MARKS: &[&str] = &["○", "〇", "◯", "●", "✓", "✔", "レ"];

/// A non-negative integer, half- or full-width, perhaps followed by 件 as printed.
fn parse_count(text: &str) -> Option<u32> {
    let ascii = nfkc(text);
    let ascii = ascii.strip_suffix('件').unwrap_or(&ascii).trim_end();
    if ascii.is_empty() || ascii.len() > 9 || !ascii.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    ascii.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_compare_full_width_as_half_width() {
        assert_eq!(
            suggest(
                "１０万人以上３０万人",
                ["1万人以上10万人未満", "10万人以上30万人未満"].into_iter()
            )
            .first(),
            Some(&"10万人以上30万人未満")
        );
    }

    #[test]
    fn counts_and_numbering() {
        assert_eq!(parse_count("２"), Some(2));
        assert_eq!(parse_count("-1"), None);
        assert_eq!(parse_count("１２"), Some(12));
        assert_eq!(parse_count("５件"), Some(5));
    }

    #[test]
    fn suggestions_prefer_close_keys() {
        assert_eq!(
            suggest("委託の有", ["委託の有無", "件数"].into_iter()),
            ["委託の有無"]
        );
        assert!(suggest("まったく別", ["委託の有無"].into_iter()).is_empty());
    }
}

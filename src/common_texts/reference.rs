//! Uses of common texts in a document: recognising `{共通テキスト: 名前}`, finding the entry,
//! and making what the document reads in its place look as if it had been written there.
//!
//! The document reader ([`crate::load::document`]) asks the [`Resolver`] at every value and
//! every block of a group. For a reference it gets the entry's YAML node and reads it exactly as
//! it would read the same text written in place; then [`Resolver::settle`] moves everything the
//! read produced to the use: the values' spans become the reference's (so later diagnostics,
//! the validator's included, land in the assessment's file), and each diagnostic about the
//! entry's content is placed at the use with the entry's own line as its second place
//! ([`Diagnostic::elsewhere`]).

use crate::diag::{Diagnostic, Elsewhere, Span, codes};
use crate::form::label::{Step, full_label, key_path};
use crate::form::{Group, Item, Kind};
use crate::load::document::{Block, Record, Value, suggest};
use crate::load::yaml::{Node, NodeValue};

use super::{Body, KEY, Library};

/// A reference as written: a mapping holding `共通テキスト:` (and, for a block, its `id:`).
#[derive(Debug, Clone, Copy)]
pub struct Reference<'n> {
    /// The whole mapping.
    pub node: &'n Node,
    /// The value of `共通テキスト:`.
    pub name: &'n Node,
    /// The key `共通テキスト` itself.
    pub key: &'n Node,
}

impl<'n> Reference<'n> {
    /// The reference `node` is, if it is one: a mapping with the key `共通テキスト`. No item,
    /// checkbox option or block item of the form has that key (a test walks the form), so
    /// nothing else reads as one.
    pub fn of(node: &'n Node) -> Option<Reference<'n>> {
        let NodeValue::Map(pairs) = &node.value else {
            return None;
        };
        let (key, name) = pairs.iter().find(|(k, _)| k.scalar() == Some(KEY))?;
        Some(Reference { node, name, key })
    }

    /// The other keys written beside `共通テキスト` (`id` apart, where a block may have it).
    fn extra_keys(&self, block: bool) -> Vec<&'n Node> {
        let NodeValue::Map(pairs) = &self.node.value else {
            return Vec::new();
        };
        pairs
            .iter()
            .map(|(k, _)| k)
            .filter(|k| k.scalar() != Some(KEY) && !(block && k.scalar() == Some("id")))
            .collect()
    }

    /// The `id:` written beside a block's reference: its key and value.
    pub fn id(&self) -> Option<(&'n Node, &'n Node)> {
        let NodeValue::Map(pairs) = &self.node.value else {
            return None;
        };
        pairs
            .iter()
            .find(|(k, _)| k.scalar() == Some("id"))
            .map(|(k, v)| (k, v))
    }
}

/// Where a reference stands, which decides what kind of entry fits.
#[derive(Debug, Clone, Copy)]
pub enum Place {
    /// As an item's value.
    Value(&'static Item),
    /// As one block of a group.
    Block(&'static Group),
}

/// One use of an entry in a document.
#[derive(Debug, Clone, PartialEq)]
pub struct TextUse {
    /// The entry's name.
    pub name: String,
    /// The reference in the document (for a use inside another entry, that entry's use).
    pub span: Span,
    /// The entry's name in its library file.
    pub entry: Elsewhere,
    /// The full label of the item (or block) that uses it, e.g. `Ⅰ．２．システム2`.
    pub label: String,
    /// Its key path, e.g. `基本情報.システム[2]`.
    pub path: String,
}

/// A reference, looked up: the node to read in its place, or nothing when it cannot be used
/// (its diagnostic is out already).
#[derive(Debug)]
pub struct Resolved {
    node: Option<Node>,
    use_span: Span,
    /// The entry's file (an index into the library's files) and the place of its name.
    entry: Option<(usize, Elsewhere)>,
}

impl Resolved {
    /// The node to read in place of the reference; `None` when the reference is unusable.
    pub fn node(&self) -> Option<&Node> {
        self.node.as_ref()
    }
}

/// Looks references up in a library and records the uses of one document.
#[derive(Debug, Default)]
pub struct Resolver<'l> {
    library: Option<&'l Library>,
    /// The uses found so far, in reading order.
    pub uses: Vec<TextUse>,
}

/// Where the reader is before reading a resolved reference: what [`Resolver::settle`] moves.
#[derive(Debug, Clone, Copy)]
pub struct Mark {
    diagnostics: usize,
    uses: usize,
}

impl<'l> Resolver<'l> {
    /// A resolver for a document of an office with `library` (or none).
    pub fn new(library: Option<&'l Library>) -> Self {
        Resolver {
            library,
            uses: Vec::new(),
        }
    }

    /// Where the reader is now.
    pub fn mark(&self, diags: &[Diagnostic]) -> Mark {
        Mark {
            diagnostics: diags.len(),
            uses: self.uses.len(),
        }
    }

    /// Looks up `node` standing as the value of `item`; `None` when it is not a reference.
    pub fn value(
        &mut self,
        node: &Node,
        item: &'static Item,
        path: &[Step],
        diags: &mut Vec<Diagnostic>,
    ) -> Option<Resolved> {
        let reference = Reference::of(node)?;
        Some(self.resolve(reference, Place::Value(item), path, diags))
    }

    /// Looks up `node` standing as a block of `group`; `None` when it is not a reference. An
    /// unusable reference reads as a block holding only the `id` written beside it.
    pub fn block(
        &mut self,
        node: &Node,
        group: &'static Group,
        path: &[Step],
        diags: &mut Vec<Diagnostic>,
    ) -> Option<Resolved> {
        let reference = Reference::of(node)?;
        let mut resolved = self.resolve(reference, Place::Block(group), path, diags);
        let unusable = resolved.node.is_none();
        let mut block = resolved.node.take().unwrap_or_else(|| {
            let mut empty = node.clone();
            empty.value = NodeValue::Map(Vec::new());
            empty
        });
        // The use's id identifies the block in this document's versions; else the entry's.
        // It is written at the use, so what is said of it is said there. A block that cannot
        // be read goes by the name it was given, so that it is not also a block without an id.
        let id = reference
            .id()
            .map(|(_, id)| id)
            .or_else(|| unusable.then_some(reference.name));
        if let (Some(id), NodeValue::Map(pairs)) = (id, &mut block.value) {
            let at_use = |node: &Node, text: Option<&str>| {
                let mut node = node.clone();
                node.span = resolved.use_span;
                if let Some(text) = text {
                    node.value = NodeValue::Scalar {
                        text: text.into(),
                        plain: true,
                    };
                }
                node
            };
            pairs.retain(|(k, _)| k.scalar() != Some("id"));
            pairs.insert(0, (at_use(reference.key, Some("id")), at_use(id, None)));
        }
        resolved.node = Some(block);
        Some(resolved)
    }

    fn resolve(
        &mut self,
        reference: Reference,
        place: Place,
        path: &[Step],
        diags: &mut Vec<Diagnostic>,
    ) -> Resolved {
        let use_span = reference.node.span;
        let unusable = Resolved {
            node: None,
            use_span,
            entry: None,
        };
        let at = |d: Diagnostic| d.at_item(full_label(path), key_path(path));
        let block = matches!(place, Place::Block(_));
        let name = match reference.name.scalar() {
            Some(name) if !reference.name.is_null() => name,
            _ => {
                diags.push(at(Diagnostic::new(
                    &codes::COMMON_TEXT_REFERENCE,
                    Some(reference.name.span),
                )
                .arg_lang(
                    "detail",
                    "「共通テキスト:」の後に名前がありません",
                    "no name after `共通テキスト:`",
                )));
                return unusable;
            }
        };
        if let Some(extra) = reference.extra_keys(block).first() {
            let key = extra.scalar().unwrap_or_default();
            diags.push(at(Diagnostic::new(
                &codes::COMMON_TEXT_REFERENCE,
                Some(extra.span),
            )
            .arg_lang(
                "detail",
                format!("「{key}:」は書けません"),
                format!("`{key}:` cannot be written beside it"),
            )));
            return unusable;
        }
        let Some(library) = self.library else {
            diags.push(at(Diagnostic::new(
                &codes::NO_COMMON_TEXTS,
                Some(reference.name.span),
            )
            .arg("name", name)));
            return unusable;
        };
        let Some(entry) = library.get(name) else {
            diags.push(at(unknown(library, name, reference.name.span)));
            return unusable;
        };
        let place_of_entry = library.place(entry);
        self.uses.push(TextUse {
            name: name.to_string(),
            span: use_span,
            entry: place_of_entry.clone(),
            label: full_label(path),
            path: key_path(path),
        });
        if let Some((ja, en)) = misfit(&entry.body, place) {
            let (kind_ja, kind_en) = entry.body.kind();
            diags.push(at(Diagnostic::new(
                &codes::COMMON_TEXT_KIND,
                Some(reference.name.span),
            )
            .arg("name", name)
            .arg_lang("kind", kind_ja, kind_en)
            .arg_lang("place", ja.0, en.0)
            .arg_lang("fix", ja.1, en.1)
            .elsewhere(place_of_entry)));
            return unusable;
        }
        Resolved {
            node: Some(entry.body.node().clone()),
            use_span,
            entry: Some((entry.file, place_of_entry)),
        }
    }

    /// Moves what was read in place of a reference since `mark` to the use: the spans of
    /// `value` become the reference's, and so do those of the diagnostics and uses found while
    /// reading it (a diagnostic keeps its place in the entry as its second place). A block that
    /// could not be resolved is marked as reported, so its items are not also "missing".
    pub fn settle(
        &mut self,
        resolved: Resolved,
        value: &mut Value,
        diags: &mut [Diagnostic],
        mark: Mark,
    ) {
        let span = resolved.use_span;
        respan(value, span);
        // What was said at the use itself (a block's own id) stays as it is.
        for d in diags[mark.diagnostics..]
            .iter_mut()
            .filter(|d| d.span != Some(span))
        {
            if d.elsewhere.is_none()
                && let Some((file, entry)) = &resolved.entry
            {
                let place = match (d.span, self.library.and_then(|l| l.files.get(*file))) {
                    (Some(inner), Some(report)) => Elsewhere::in_report(report, inner),
                    _ => entry.clone(),
                };
                *d = d.clone().elsewhere(place);
            }
            d.span = Some(span);
            d.related = None;
        }
        for u in &mut self.uses[mark.uses..] {
            u.span = span;
        }
    }

    /// [`Resolver::settle`] for a block of a group.
    pub fn settle_block(
        &mut self,
        resolved: Resolved,
        block: &mut Block,
        group: &'static Group,
        diags: &mut [Diagnostic],
        mark: Mark,
    ) {
        let unusable = resolved.entry.is_none();
        let mut value = Value::Section(std::mem::take(&mut block.record));
        self.settle(resolved, &mut value, diags, mark);
        if let Value::Section(mut record) = value {
            if unusable {
                record.misspelled = group.items.iter().map(|i| i.key).collect();
            }
            block.record = record;
        }
    }
}

/// E0801 with the closest names, or the names there are.
fn unknown(library: &Library, name: &str, span: Span) -> Diagnostic {
    let names: Vec<&str> = library.entries().map(|e| e.name.as_str()).collect();
    let near = suggest(name, names.iter().copied());
    let (mut ja, mut en) = if !near.is_empty() {
        (
            format!("「{}」のことですか？", near.join("」「")),
            format!("did you mean `{}`?", near.join("`, `")),
        )
    } else if names.is_empty() {
        (
            format!("{} に共通テキストがありません", library.folder.display()),
            format!("{} holds no common texts", library.folder.display()),
        )
    } else {
        let shown: Vec<&str> = names.iter().copied().take(10).collect();
        let more = if names.len() > shown.len() {
            " …"
        } else {
            ""
        };
        (
            format!("共通テキストの名前: {}{more}", shown.join("、")),
            format!("the common texts are: {}{more}", shown.join(", ")),
        )
    };
    let broken = library.broken_files();
    if !broken.is_empty() {
        let files: Vec<String> = broken.iter().map(|f| f.display().to_string()).collect();
        ja.push_str(&format!(
            "（{} に誤りがあり、読めなかった共通テキストがあります）",
            files.join("、")
        ));
        en.push_str(&format!(
            " ({} has errors: some common texts could not be read)",
            files.join(", ")
        ));
    }
    Diagnostic::new(&codes::UNKNOWN_COMMON_TEXT, Some(span))
        .arg("name", name)
        .arg_lang("suggestion", ja, en)
}

/// Why an entry of `body`'s kind does not fit at `place`: ((place, fix) in Japanese, in
/// English), or `None` when it fits.
#[allow(clippy::type_complexity)]
fn misfit(body: &Body, place: Place) -> Option<((String, String), (String, String))> {
    match (body, place) {
        (Body::Text(_), Place::Value(item)) if !matches!(item.kind, Kind::Group(_)) => None,
        (Body::Block { group, .. }, Place::Block(at)) if *group == at.name => None,
        (_, Place::Value(item)) => match item.kind {
            Kind::Group(group) => Some((
                (
                    format!("{}の並び", group.name),
                    format!(
                        "ブロックの共通テキストは、並びの1項目として「- {KEY}: 名前」と書きます"
                    ),
                ),
                (
                    format!("the list of {}", group.name),
                    format!("a block's common text is one item of the list: `- {KEY}: name`"),
                ),
            )),
            _ => Some((
                (
                    "文章や選択肢を書く項目".into(),
                    format!(
                        "ブロックは {} 等の並びの1項目として使います。ここには文章の共通テキストを使うか、値を直接書いてください",
                        super::group_names().join("・")
                    ),
                ),
                (
                    "an item written on one line or as a text".into(),
                    format!(
                        "a block is one item of the list of {}; use a text entry here, or write the value",
                        super::group_names().join(", ")
                    ),
                ),
            )),
        },
        (_, Place::Block(at)) => Some((
            (
                format!("{}のブロック", at.name),
                format!(
                    "ここには「{}:」の共通テキストを使うか、ブロックの項目を直接書いてください",
                    at.name
                ),
            ),
            (
                format!("a block of {}", at.name),
                format!(
                    "use an entry of `{}:` here, or write the block's items",
                    at.name
                ),
            ),
        )),
    }
}

/// Sets every span in `value` (and in its sections and blocks) to `span`.
pub fn respan(value: &mut Value, span: Span) {
    fn record(r: &mut Record, span: Span) {
        r.span = span;
        for e in &mut r.entries {
            e.key_span = span;
            e.span = span;
            respan(&mut e.value, span);
        }
    }
    match value {
        Value::Section(r) => record(r, span),
        Value::Group(blocks) => blocks.iter_mut().for_each(|b| record(&mut b.record, span)),
        _ => {}
    }
}

/// Points each diagnostic found at a use of a common text (by the validator, after reading) at
/// the entry as well.
pub fn point_at_entries(uses: &[TextUse], diags: &mut [Diagnostic]) {
    for d in diags.iter_mut().filter(|d| d.elsewhere.is_none()) {
        let Some(span) = d.span else { continue };
        if let Some(u) = uses.iter().find(|u| u.span == span) {
            *d = d.clone().elsewhere(u.entry.clone());
        }
    }
}

//! The editing page, walked from the form definition with the values written in the file.

use std::collections::HashMap;

use serde_json::Value as Json;

use super::view::{
    BlockView, CheckView, ChoiceView, EditView, FieldView, GroupView, RefusalView, Row,
    SectionView, SharedView, Urls, When,
};
use super::{anchor, by_path, counts, edition_of, refusal_message, report_of, version};
use crate::diag::{Lang, Severity};
use crate::edit::form::{self as fields, fingerprint};
use crate::edit::{Seg, Source};
use crate::form::label::{Step, full_label, key_path, printed_number};
use crate::form::{self, CheckOption, Cond, Extra, Item, Kind, Need, Shared};
use crate::load::document::inherited;
use crate::load::{Document, Role, Value};
use crate::serve::State;
use crate::serve::common::{self, Offers};
use crate::serve::pages::{Chrome, DiagView, Documents, diag_view, href, with_query};
use crate::serve::text;
use crate::skeleton::hints;

/// Builds the rows of the form from the file and the checked document.
struct Builder<'a> {
    source: &'a Source,
    lang: Lang,
    companion: bool,
    editable: bool,
    diags: HashMap<String, Vec<DiagView>>,
    /// The typed document (for a companion's shared values).
    document: Option<&'a Document>,
    /// The main document's editing page (for links to shared facts).
    main_edit: String,
    /// The office's common texts.
    offers: &'a Offers,
    rows: Vec<Row>,
}

/// The ※ printed with the item itself (an ancestor's shows on the ancestor's heading).
fn mark(path: &[Step]) -> String {
    match path.last().map(|s| s.item.mark) {
        Some(form::Mark::YesExcept(note)) => format!("※{note}"),
        Some(form::Mark::Yes) => "※".into(),
        _ => String::new(),
    }
}

/// Number and label as printed: `③対象人数`, `Ⅱ．特定個人情報ファイルの概要`, with the item
/// it is printed under (`③対象となる本人の範囲　その必要性`).
fn printed(item: &Item) -> String {
    let number = match item.num {
        form::Num::Roman(_) => format!("{}．", printed_number(item.num)),
        n => printed_number(n),
    };
    let under = if item.under.is_empty() {
        String::new()
    } else {
        format!("{}　", item.under)
    };
    let label = match item.kind {
        Kind::Group(group) if item.label.is_empty() => group.name,
        _ => item.label,
    };
    format!("{number}{under}{label}")
}

impl Builder<'_> {
    fn walk(
        &mut self,
        items: &'static [Item],
        path: &mut Vec<Seg>,
        steps: &mut Vec<Step>,
        level: usize,
    ) {
        for item in items {
            path.push(Seg::key(item.key));
            steps.push(Step { item, index: None });
            let key = key_path(steps);
            let when = self.when(item, steps);
            let filled = self.filled(path);
            let hidden = when.as_ref().is_some_and(|w| !self.holds(w, path)) && !filled;
            match item.kind {
                Kind::Section(children) => {
                    self.rows.push(Row::Open(SectionView {
                        id: anchor(&key),
                        level: level.min(6),
                        heading: printed(item),
                        mark: mark(steps),
                        when,
                        hidden,
                    }));
                    self.walk(children, path, steps, level + 1);
                    self.rows.push(Row::Close);
                }
                Kind::Group(group) => {
                    self.group(item, group, &key, path, steps, level, when, hidden)
                }
                _ => {
                    let field = self.field(item, &key, path, steps, when, hidden);
                    self.rows.push(Row::Field(Box::new(field)));
                }
            }
            steps.pop();
            path.pop();
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn group(
        &mut self,
        item: &'static Item,
        group: &'static form::Group,
        key: &str,
        path: &mut Vec<Seg>,
        steps: &mut Vec<Step>,
        level: usize,
        when: Option<When>,
        hidden: bool,
    ) {
        let node = self.source.get(path);
        let problem = match node {
            Some(n) if !n.is_null() && !matches!(n.value, crate::load::yaml::NodeValue::Seq(_)) => {
                Some(text::texts(self.lang).not_a_list.to_string())
            }
            _ => None,
        };
        let ids = fields::block_ids(self.source, path);
        let editable = self.editable && !(self.companion && inherited(item));
        let view = GroupView {
            id: anchor(key),
            level: level.min(6),
            heading: printed(item),
            mark: mark(steps),
            path: key.to_string(),
            name: group.name.to_string(),
            count: ids.len(),
            max: group.max,
            add: text::add_block(self.lang, group.name),
            problem,
            when,
            hidden,
            editable,
            common_blocks: self
                .offers
                .blocks
                .get(group.name)
                .cloned()
                .unwrap_or_default(),
        };
        self.rows.push(Row::GroupOpen(view.clone()));
        for (i, id) in ids.iter().enumerate() {
            path.push(Seg::Index(i));
            if let Some(last) = steps.last_mut() {
                last.index = Some(i + 1);
            }
            let common = common::block_reference(self.source, path).map(|n| self.offers.used(&n));
            let uses_common = common.is_some();
            let common_items = if uses_common {
                self.block_items(key, i)
            } else {
                Vec::new()
            };
            self.rows.push(Row::BlockOpen(BlockView {
                group: key.to_string(),
                index: i,
                heading: format!("{}{}", group.name, crate::form::label::fullwidth(i + 1)),
                block_id: id.clone(),
                base: fingerprint(self.source, path),
                first: i == 0,
                last: i + 1 == ids.len(),
                level: (level + 1).min(6),
                editable,
                common,
                common_items,
            }));
            // A block of the library is shown whole, not item by item: it is edited there.
            if !uses_common {
                self.walk(group.items, path, steps, level + 2);
            }
            self.rows.push(Row::BlockClose);
            path.pop();
        }
        if let Some(last) = steps.last_mut() {
            last.index = None;
        }
        self.rows.push(Row::GroupClose(view));
    }

    /// The items of the `index`th block of the group at `key` as the document reads them.
    fn block_items(&self, key: &str, index: usize) -> Vec<(String, String)> {
        let blocks = match self.document.and_then(|d| d.root.at(key)).map(|e| &e.value) {
            Some(Value::Group(blocks)) => blocks,
            _ => return Vec::new(),
        };
        let Some(block) = blocks.get(index) else {
            return Vec::new();
        };
        block
            .record
            .entries
            .iter()
            .filter(|e| !e.value.is_empty())
            .map(|e| (printed(e.item), display(e.item, &e.value, self.lang)))
            .collect()
    }

    /// Whether anything is written at `path` (a value, a block, a ticked box).
    fn filled(&self, path: &[Seg]) -> bool {
        fn any(node: &crate::load::yaml::Node) -> bool {
            use crate::load::yaml::NodeValue;
            match &node.value {
                _ if node.is_null() => false,
                NodeValue::Scalar { text, plain } => {
                    !(text.trim().is_empty()
                        || *plain && matches!(text.as_str(), "false" | "False" | "FALSE"))
                }
                NodeValue::Seq(items) => !items.is_empty(),
                NodeValue::Map(entries) => entries
                    .iter()
                    .any(|(k, v)| k.scalar() != Some("id") && any(v)),
            }
        }
        self.source.get(path).is_some_and(any)
    }

    fn when(&self, item: &Item, steps: &[Step]) -> Option<When> {
        let Need::When(cond) = item.need else {
            return None;
        };
        let (key, op, value) = match cond {
            Cond::Is(k, v) => (k, "is", v),
            Cond::IsNot(k, v) => (k, "isnot", v),
            Cond::Ticked(k, v) => (k, "ticked", v),
            Cond::NotTicked(k, v) => (k, "notticked", v),
            Cond::FlagOn(k) => (k, "on", ""),
            Cond::FlagOff(k) => (k, "off", ""),
        };
        let mut sibling: Vec<Step> = steps[..steps.len() - 1].to_vec();
        let parent_items = match sibling.last() {
            Some(step) => step.item.children(),
            None => &[],
        };
        let sibling_item = parent_items.iter().find(|i| i.key == key)?;
        sibling.push(Step {
            item: sibling_item,
            index: None,
        });
        Some(When {
            field: anchor(&key_path(&sibling)),
            key: key.to_string(),
            op,
            value: value.to_string(),
        })
    }

    /// Whether a condition holds for the values written now.
    fn holds(&self, when: &When, path: &[Seg]) -> bool {
        let mut sibling = path[..path.len() - 1].to_vec();
        sibling.push(Seg::Key(when.key.clone()));
        let node = self.source.get(&sibling);
        let scalar = node.and_then(|n| n.scalar()).unwrap_or("").trim();
        let ticked = |label: &str| match node.map(|n| &n.value) {
            Some(crate::load::yaml::NodeValue::Map(entries)) => entries.iter().any(|(k, v)| {
                k.scalar()
                    .is_some_and(|k| crate::load::nfkc::same(k, label))
                    && !v
                        .scalar()
                        .is_some_and(|t| matches!(t, "false" | "False" | "FALSE"))
            }),
            _ => false,
        };
        let same = |a: &str, b: &str| crate::load::nfkc::same(a, b);
        match when.op {
            "is" => same(scalar, &when.value),
            "isnot" => !scalar.is_empty() && !same(scalar, &when.value),
            "ticked" => ticked(&when.value),
            "notticked" => !ticked(&when.value),
            "on" => matches!(scalar, "true" | "True" | "TRUE"),
            _ => !matches!(scalar, "true" | "True" | "TRUE"),
        }
    }

    fn field(
        &mut self,
        item: &'static Item,
        key: &str,
        path: &[Seg],
        steps: &[Step],
        when: Option<When>,
        hidden: bool,
    ) -> FieldView {
        let t = text::texts(self.lang);
        let id = anchor(key);
        let shared = (self.companion && inherited(item)).then(|| self.shared(item));
        let editable = self.editable && shared.is_none();
        let value = fields::read(self.source, item, path);
        let mut view = FieldView {
            id: id.clone(),
            path: key.to_string(),
            ids: serde_json::to_string(&block_ids_on(self.source, path)).unwrap_or_default(),
            kind: match item.kind {
                Kind::Text => "text",
                Kind::Lines => "lines",
                Kind::Choice(_) => "choice",
                Kind::Checks(_) => "checks",
                Kind::Flag => "flag",
                Kind::Date { .. } => "date",
                Kind::Count => "count",
                Kind::Section(_) | Kind::Group(_) => "section",
            },
            label: match steps.iter().rev().nth(1).map(|s| s.item.kind) {
                // A block's title has no label of its own: it is printed in the block's heading.
                Some(Kind::Group(group)) if item.label.is_empty() => {
                    text::block_title(self.lang, item.key, group.name)
                }
                _ => printed(item),
            },
            full_label: full_label(steps),
            mark: mark(steps),
            need: hints::need(item.need, self.lang),
            prompt: item.prompt.to_string(),
            note: item.note.to_string(),
            hint: String::new(),
            text: value.as_str().unwrap_or_default().to_string(),
            on: value.as_bool().unwrap_or(false),
            options: Vec::new(),
            unknown: None,
            checks: Vec::new(),
            base: fingerprint(self.source, path),
            when,
            hidden,
            diags: self.diags.remove(key).unwrap_or_default(),
            shared,
            rows: 2,
            editable,
            common: None,
            offers: Vec::new(),
        };
        if view.shared.is_none() {
            if let Some(name) = fields::reference_at(self.source, path) {
                view.common = Some(self.offers.used(&name));
                view.offers = self.offers.texts_at(key);
                if !view.offers.contains(&name) {
                    view.offers.insert(0, name);
                }
                return view;
            }
            if matches!(item.kind, Kind::Text | Kind::Lines) {
                view.offers = self.offers.texts_at(key);
            }
        }
        match item.kind {
            Kind::Choice(list) => {
                view.options = list
                    .options
                    .iter()
                    .map(|o| ChoiceView {
                        value: o,
                        selected: view.text == *o,
                    })
                    .collect();
                if !view.text.is_empty() && !list.options.contains(&view.text.as_str()) {
                    view.unknown = Some(view.text.clone());
                }
            }
            Kind::Checks(options) => {
                view.checks = options
                    .iter()
                    .enumerate()
                    .map(|(i, o)| check_view(&id, i, o, &value, self.lang))
                    .collect();
            }
            Kind::Date { month_ok } => {
                let mut examples = crate::load::date::DAY_EXAMPLES.join(t.list_separator);
                if month_ok {
                    examples.push_str(t.list_separator);
                    examples.push_str(&crate::load::date::MONTH_EXAMPLES.join(t.list_separator));
                }
                view.hint = format!("{}{examples}", t.for_example);
            }
            Kind::Count => view.hint = t.count_hint.to_string(),
            // Tall enough for the text as it wraps (about 60 characters a line).
            Kind::Lines => {
                let wrapped: usize = view.text.lines().map(|l| 1 + l.chars().count() / 60).sum();
                view.rows = (wrapped + 1).clamp(3, 30);
            }
            _ => {}
        }
        view
    }

    /// A shared fact: its value in the 重点項目評価書 and a link to its field there.
    fn shared(&self, item: &'static Item) -> SharedView {
        let link_path = match item.shared {
            Shared::From(path) | Shared::Names(path, _) => path,
            Shared::No => "",
        };
        let value = self
            .document
            .and_then(|d| find_entry(d, item))
            .map(|(item, value)| display(item, value, self.lang))
            .unwrap_or_default();
        SharedView {
            value,
            from: crate::load::pair::source_label(item).unwrap_or_default(),
            href: format!("{}#{}", self.main_edit, anchor(link_path)),
        }
    }
}

/// The entry of a shared item in the (assembled) document, found by the item itself.
fn find_entry<'d>(
    document: &'d Document,
    item: &'static Item,
) -> Option<(&'static Item, &'d Value)> {
    fn go<'d>(
        record: &'d crate::load::Record,
        item: &'static Item,
    ) -> Option<(&'static Item, &'d Value)> {
        for entry in &record.entries {
            if std::ptr::eq(entry.item, item) {
                return Some((entry.item, &entry.value));
            }
            if let Value::Section(inner) = &entry.value
                && let Some(found) = go(inner, item)
            {
                return Some(found);
            }
        }
        None
    }
    go(&document.root, item)
}

/// A typed value as one line of text, for a shared fact shown read-only.
fn display(item: &Item, value: &Value, lang: Lang) -> String {
    let t = text::texts(lang);
    match (value, item.kind) {
        (Value::Text(text), _) => text.clone(),
        (Value::Choice(i), Kind::Choice(list)) => {
            list.options.get(*i).copied().unwrap_or("").into()
        }
        (Value::Checks(ticks), Kind::Checks(options)) => ticks
            .iter()
            .filter_map(|tick| {
                let label = options.get(tick.option)?.label;
                Some(match (&tick.text, tick.count) {
                    (Some(text), _) => format!("{label}（{text}）"),
                    (_, Some(n)) => format!("{label}（{n}）件"),
                    _ => label.to_string(),
                })
            })
            .collect::<Vec<_>>()
            .join(t.list_separator),
        (Value::Flag(true), _) => t.ticked.to_string(),
        (Value::Date(d), _) => d.wareki(),
        (Value::Count(n), _) => n.to_string(),
        _ => String::new(),
    }
}

fn check_view(
    id: &str,
    i: usize,
    option: &'static CheckOption,
    value: &Json,
    lang: Lang,
) -> CheckView {
    let t = text::texts(lang);
    let written = value.get(option.label);
    let extra_value = match written {
        Some(Json::String(s)) => s.clone(),
        _ => String::new(),
    };
    CheckView {
        id: format!("{id}-o{i}"),
        label: option.label,
        heading: option.heading,
        checked: written.is_some(),
        extra: match option.extra {
            Extra::None => "none",
            Extra::Text => "text",
            Extra::Count => "count",
        },
        extra_value,
        extra_label: match option.extra {
            Extra::Count => format!("{}{}", option.label, t.count_of),
            _ => format!("{}{}", option.label, t.text_of),
        },
    }
}

/// The ids of the blocks along a path (one per list step).
fn block_ids_on(source: &Source, path: &[Seg]) -> Vec<Option<String>> {
    let mut out = Vec::new();
    for (i, seg) in path.iter().enumerate() {
        if let Seg::Index(n) = seg {
            out.push(
                fields::block_ids(source, &path[..i])
                    .get(*n)
                    .cloned()
                    .flatten(),
            );
        }
    }
    out
}

/// The editing page of a document of `name`.
pub fn page(
    state: &State,
    name: &str,
    doc: Option<&str>,
    generation: u64,
    documents: Documents,
) -> Result<Option<EditView>, crate::Error> {
    let Some(target) = state.target_of(name, doc)? else {
        return Ok(None);
    };
    let checked = state.cache.checked(name)?;
    let lang = state.lang;
    let t = text::texts(lang);
    let bytes = std::fs::read(&target.file).map_err(|source| crate::Error::Read {
        path: target.file.clone(),
        source,
    })?;
    let query = documents.query();
    let url = |page: &str| with_query(href(name, page), &query);
    let (errors, warnings) = counts(&checked.assessment);
    // The edited file's own document: its 評価書名 for the title (the main one may not be
    // readable while the other is), a companion's shared facts for its fields.
    let document = match target.role {
        Role::Main => checked.assessment.document.as_ref(),
        Role::Companion => checked
            .assessment
            .basic
            .as_ref()
            .and_then(|b| b.document.as_ref()),
    };
    let title = match document
        .and_then(|d| d.root.at("表紙.評価書名"))
        .map(|e| &e.value)
    {
        Some(Value::Text(title)) => title.clone(),
        _ => String::new(),
    };
    let mut chrome = Chrome::assessment(
        lang,
        if title.is_empty() {
            name.to_string()
        } else {
            title
        },
        name,
        "edit",
        generation,
        documents,
    );
    let report = report_of(&checked.assessment, &target);
    let mut view = EditView {
        chrome: Chrome {
            // The page follows the files itself: a save of its own must not reload it.
            wait: String::new(),
            ..std::mem::replace(
                &mut chrome,
                Chrome {
                    t,
                    title: String::new(),
                    wait: String::new(),
                    generation: 0,
                    nav: None,
                },
            )
        },
        token: state.token.clone(),
        file: target.name.to_string(),
        edition: String::new(),
        version: version(&bytes),
        urls: Urls {
            save: url("edit/save"),
            check: url("edit/check"),
            block: url("edit/block"),
            version: url("edit/version"),
            wait: href(name, "wait"),
            snapshot: href(name, "snapshot"),
            review: url("review"),
        },
        refusal: None,
        summary: text::counts(lang, errors, warnings),
        has_errors: errors > 0,
        rows: Vec::new(),
        others: Vec::new(),
        shared_from: None,
    };
    let source = match Source::parse(&bytes) {
        Ok(source) => source,
        Err(refusal) => {
            let (message, location) = refusal_message(&refusal, target.name, lang);
            let diagnostics = report
                .map(|r| {
                    r.diagnostics
                        .iter()
                        .filter(|d| d.severity() == Severity::Error)
                        .map(|d| diag_view(&state.root, r, d, lang))
                        .collect()
                })
                .unwrap_or_default();
            view.refusal = Some(RefusalView {
                message,
                location,
                diagnostics,
            });
            // Broken files are fixed in an editor: the page reloads itself when they are saved.
            view.chrome.wait = href(name, "wait");
            return Ok(Some(view));
        }
    };
    let edition = edition_of(&source, target.role);
    view.edition = format!("{} {}", edition.title, edition.tag);
    let companion = target.role == Role::Companion;
    if companion {
        view.shared_from = Some(href(name, "edit"));
    }
    let (diags, others) = report
        .map(|r| by_path(&state.root, r, lang))
        .unwrap_or_default();
    let offers = Offers::for_document(&state.root, &target.file);
    let mut builder = Builder {
        source: &source,
        lang,
        companion,
        editable: !state.read_only,
        diags,
        document,
        main_edit: href(name, "edit"),
        offers: &offers,
        rows: Vec::new(),
    };
    builder.walk(edition.items, &mut Vec::new(), &mut Vec::new(), 2);
    view.rows = builder.rows;
    // Diagnostics of items that have no field (a section, a group, a misspelt key).
    let mut rest: Vec<DiagView> = builder.diags.into_values().flatten().collect();
    rest.extend(others);
    rest.sort_by(|a, b| {
        (a.severity != "error", &a.location).cmp(&(b.severity != "error", &b.location))
    });
    view.others = rest;
    Ok(Some(view))
}

//! The editing page: a document's form as a web form that writes its YAML file.
//!
//! The page is generated from the form definition (every item in printed order under its
//! number and label, the control its kind needs) with the values read from the file itself, so
//! what the officer sees is what is written. A save names an item by its key path, never a file:
//! the server edits only the served document's own file ([`Target`]), through [`crate::edit`],
//! and only when the file still holds at that item what the page loaded (its fingerprint);
//! otherwise it answers with the file's value, for the page's conflict view, and writes nothing.
//! Saves are serialised by one lock, so two tabs' saves of different items both land.

use std::collections::HashMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use serde_json::{Value as Json, json};

use super::State;
use super::common::{self, CommonView, Offers};
use super::http::Response;
use super::pages::{Chrome, DiagView, Documents, diag_view, href, with_query};
use super::text;
use crate::diag::{FileReport, Lang, Severity};
use crate::edit::form::{self as fields, FormOrder, fingerprint, fnv};
use crate::edit::{Refusal, Seg, Source};
use crate::form::label::{Step, full_label, key_path, printed_number};
use crate::form::{self, CheckOption, Cond, Edition, Extra, Form, Item, Kind, Need, Shared};
use crate::load::document::inherited;
use crate::load::{Assessment, BASIC_FILE, DOCUMENT_FILE, Document, Limits, Role, Value};
use crate::skeleton::hints;

/// The file a page edits: the main document (`assessment.yaml`) or the 基礎項目評価書 beside a
/// 重点項目評価書 (`kiso.yaml`), chosen by the page's `?doc=` among the assessment's documents.
#[derive(Debug, Clone)]
pub struct Target {
    /// The file, under the assessment's folder.
    pub file: PathBuf,
    /// Its name (`assessment.yaml`, `kiso.yaml`).
    pub name: &'static str,
    /// How it is read.
    pub role: Role,
}

/// The document file of `doc` (`None`: the main one) in the assessment at `folder`, whose main
/// document is of `main` (when it could be read).
pub fn target(folder: &std::path::Path, main: Option<Form>, doc: Option<&str>) -> Option<Target> {
    let own = Target {
        file: folder.join(DOCUMENT_FILE),
        name: DOCUMENT_FILE,
        role: Role::Main,
    };
    let companion = main != Some(Form::Basic) && folder.join(BASIC_FILE).is_file();
    match doc {
        None => Some(own),
        Some(tag) if main.is_some_and(|f| f.file_tag() == tag) => Some(own),
        Some(tag) if tag == Form::Basic.file_tag() && companion => Some(Target {
            file: folder.join(BASIC_FILE),
            name: BASIC_FILE,
            role: Role::Companion,
        }),
        _ => None,
    }
}

/// The edition a file is written for (`様式:`), as the loader reads it.
pub fn edition_of(source: &Source, role: Role) -> &'static Edition {
    let written = source
        .get(&[Seg::key("様式")])
        .and_then(|n| n.scalar())
        .and_then(form::edition);
    match role {
        Role::Main => written.unwrap_or(form::EDITIONS[0]),
        Role::Companion => written
            .filter(|e| e.form == Form::Basic)
            .or_else(|| form::newest(Form::Basic))
            .unwrap_or(form::EDITIONS[0]),
    }
}

/// A short, stable version of a file's bytes.
pub fn version(bytes: &[u8]) -> String {
    format!("{:016x}", fnv(bytes))
}

/// The anchor of an item on the page (and of its field), from its key path.
pub fn anchor(key_path: &str) -> String {
    format!("f-{:016x}", fnv(key_path.as_bytes()))
}

/// The editing page.
#[derive(Debug, Serialize)]
pub struct EditView {
    /// Common parts.
    pub chrome: Chrome,
    /// The token the page's script sends with each change.
    pub token: String,
    /// The file edited (`assessment.yaml`, `kiso.yaml`).
    pub file: String,
    /// The edition's title and tag.
    pub edition: String,
    /// The version of the file the page shows.
    pub version: String,
    /// Where the script sends its requests.
    pub urls: Urls,
    /// Why the file is not edited through the form, when it is not.
    pub refusal: Option<RefusalView>,
    /// `2 件のエラー、1 件の警告` over the assessment.
    pub summary: String,
    /// Whether there are errors.
    pub has_errors: bool,
    /// The form, as a flat list of rows (sections open and close around their fields).
    pub rows: Vec<Row>,
    /// Diagnostics of the file not shown at a field (a misspelt key, a section).
    pub others: Vec<DiagView>,
    /// A 基礎項目評価書 beside a 重点項目評価書: where its shared facts are edited.
    pub shared_from: Option<String>,
}

/// The URLs of the page's requests.
#[derive(Debug, Serialize)]
pub struct Urls {
    /// POST: save an item.
    pub save: String,
    /// POST: check a value without saving.
    pub check: String,
    /// POST: add, remove or move a block.
    pub block: String,
    /// GET: the file's version now.
    pub version: String,
    /// The long-poll that answers when the assessment's files change.
    pub wait: String,
    /// POST: keep a version (snapshot).
    pub snapshot: String,
    /// The review page.
    pub review: String,
}

/// Why a file is not edited through the form.
#[derive(Debug, Serialize)]
pub struct RefusalView {
    /// What is wrong, in the page's language.
    pub message: String,
    /// Where (`assessment.yaml:12:3`), when known.
    pub location: String,
    /// The diagnostics behind it.
    pub diagnostics: Vec<DiagView>,
}

/// One row of the form.
#[derive(Debug, Serialize)]
#[serde(tag = "row", rename_all = "snake_case")]
pub enum Row {
    /// A section opens.
    Open(SectionView),
    /// The section opened last closes.
    Close,
    /// An item with a value.
    Field(Box<FieldView>),
    /// A group of blocks opens.
    GroupOpen(GroupView),
    /// The group closes (with its add button).
    GroupClose(GroupView),
    /// One block opens.
    BlockOpen(BlockView),
    /// The block closes.
    BlockClose,
}

/// A section's heading.
#[derive(Debug, Serialize)]
pub struct SectionView {
    /// Its anchor.
    pub id: String,
    /// The heading level (2–6).
    pub level: usize,
    /// Number and label, e.g. `Ⅱ．特定個人情報ファイルの概要`.
    pub heading: String,
    /// The ※ mark, as printed.
    pub mark: String,
    /// Shown only when a sibling has a value (the form's condition).
    pub when: Option<When>,
    /// Hidden now: its condition does not hold and nothing is written in it.
    pub hidden: bool,
}

/// A group of blocks.
#[derive(Debug, Clone, Serialize)]
pub struct GroupView {
    /// Its anchor.
    pub id: String,
    /// The heading level.
    pub level: usize,
    /// Number and label.
    pub heading: String,
    /// The ※ mark.
    pub mark: String,
    /// The group's key path.
    pub path: String,
    /// The block name (`提供先`).
    pub name: String,
    /// How many blocks are written.
    pub count: usize,
    /// How many the form holds.
    pub max: usize,
    /// `提供先を追加`.
    pub add: String,
    /// The group cannot take blocks here (not written as a list): why.
    pub problem: Option<String>,
    /// The form's condition.
    pub when: Option<When>,
    /// Hidden now.
    pub hidden: bool,
    /// Editing is possible (not a shared fact, not read-only).
    pub editable: bool,
    /// The office's block entries of this group, to add as a block.
    pub common_blocks: Vec<String>,
}

/// One block of a group.
#[derive(Debug, Serialize)]
pub struct BlockView {
    /// The group's key path.
    pub group: String,
    /// Position (0-based).
    pub index: usize,
    /// `提供先２`.
    pub heading: String,
    /// The block's id, when it has one.
    pub block_id: Option<String>,
    /// The fingerprint of the block's text (removing it needs the page's version of it).
    pub base: String,
    /// Whether it is first and last (no move up / down).
    pub first: bool,
    /// Whether it is the last.
    pub last: bool,
    /// The heading level.
    pub level: usize,
    /// Editing is possible.
    pub editable: bool,
    /// The block is the office's common text (`- 共通テキスト: 名前`).
    pub common: Option<CommonView>,
    /// Such a block's items as the document reads them: (number and label, value).
    pub common_items: Vec<(String, String)>,
}

/// A condition on a sibling, checked by the page's script as the sibling changes.
#[derive(Debug, Clone, Serialize)]
pub struct When {
    /// The sibling's field.
    pub field: String,
    /// The sibling's key.
    pub key: String,
    /// `is`, `isnot`, `ticked`, `notticked`, `on`, `off`.
    pub op: &'static str,
    /// The choice or option it compares with.
    pub value: String,
}

/// One item's field.
#[derive(Debug, Serialize)]
pub struct FieldView {
    /// The control's id (and the item's anchor).
    pub id: String,
    /// The item's key path (blocks by 1-based position).
    pub path: String,
    /// The ids of the blocks on the path, as JSON (so a save finds a block that moved).
    pub ids: String,
    /// `text`, `lines`, `choice`, `checks`, `flag`, `date`, `count`.
    pub kind: &'static str,
    /// Number and label, e.g. `③対象人数`.
    pub label: String,
    /// The full label, e.g. `Ⅰ．１．③対象人数`.
    pub full_label: String,
    /// The ※ mark.
    pub mark: String,
    /// Whether it must be filled: `必須`, `任意`, or its condition.
    pub need: String,
    /// The form's question, when it asks one.
    pub prompt: String,
    /// The form's note below the value.
    pub note: String,
    /// How a date or count is written.
    pub hint: String,
    /// The value of a text, date, count or choice.
    pub text: String,
    /// A single checkbox's state.
    pub on: bool,
    /// The ＜選択肢＞.
    pub options: Vec<ChoiceView>,
    /// A written value that is none of the choices.
    pub unknown: Option<String>,
    /// The checkbox options.
    pub checks: Vec<CheckView>,
    /// The fingerprint of the item's text as loaded.
    pub base: String,
    /// The form's condition.
    pub when: Option<When>,
    /// Hidden now.
    pub hidden: bool,
    /// The item's diagnostics.
    pub diags: Vec<DiagView>,
    /// A shared fact of a 基礎項目評価書: shown, edited in the 重点項目評価書.
    pub shared: Option<SharedView>,
    /// Rows of a text area.
    pub rows: usize,
    /// Editing is possible.
    pub editable: bool,
    /// The item uses the office's common text (`{共通テキスト: 名前}`).
    pub common: Option<CommonView>,
    /// The text entries the officer may use here instead (or switch to).
    pub offers: Vec<String>,
}

/// One ＜選択肢＞.
#[derive(Debug, Serialize)]
pub struct ChoiceView {
    /// The option, verbatim.
    pub value: &'static str,
    /// Whether it is chosen.
    pub selected: bool,
}

/// One checkbox option.
#[derive(Debug, Serialize)]
pub struct CheckView {
    /// The checkbox's id.
    pub id: String,
    /// The option's label, verbatim.
    pub label: &'static str,
    /// A sub-heading printed before it (`識別情報`).
    pub heading: &'static str,
    /// Whether it is ticked.
    pub checked: bool,
    /// `none`, `text` or `count`.
    pub extra: &'static str,
    /// The text or count.
    pub extra_value: String,
    /// The label of the text or count input (for screen readers).
    pub extra_label: String,
}

/// A shared fact shown on the 基礎項目評価書's page.
#[derive(Debug, Serialize)]
pub struct SharedView {
    /// Its value as the 重点項目評価書 holds it.
    pub value: String,
    /// The item of the 重点項目評価書 it comes from.
    pub from: String,
    /// The link to that item's field.
    pub href: String,
}

/// The diagnostics of a file by the key path of their item, and those without one.
type ByPath = (HashMap<String, Vec<DiagView>>, Vec<DiagView>);

/// Every diagnostic of a report by the key path of its item; the others apart.
fn by_path(root: &std::path::Path, report: &FileReport, lang: Lang) -> ByPath {
    let mut at: HashMap<String, Vec<DiagView>> = HashMap::new();
    let mut others = Vec::new();
    for d in &report.diagnostics {
        let view = diag_view(root, report, d, lang);
        match &d.path {
            Some(path) => at.entry(path.clone()).or_default().push(view),
            None => others.push(view),
        }
    }
    (at, others)
}

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

/// The 2 arguments of every JSON answer: status and body.
fn json_response(status: u16, body: &Json) -> Response {
    Response::new(
        status,
        "application/json; charset=utf-8",
        serde_json::to_vec(body).unwrap_or_default(),
    )
    .header("Content-Security-Policy", "default-src 'none'")
}

/// What the page's script sends to save or check one item.
#[derive(Debug, Deserialize)]
pub struct SaveRequest {
    /// The item's key path, as the page shows it (blocks by 1-based position).
    pub path: String,
    /// The ids of the blocks on the path, as the page loaded them.
    #[serde(default)]
    pub ids: Vec<Option<String>>,
    /// The fingerprint of the item's text as the page loaded it.
    pub base: String,
    /// The new value.
    pub value: Json,
}

/// What the page's script sends to add, remove or move a block.
#[derive(Debug, Deserialize)]
pub struct BlockRequest {
    /// `add`, `remove` or `move`.
    pub op: String,
    /// The group's key path.
    pub group: String,
    /// The block's position as the page shows it (for `add`: insert after it; none: at the end).
    pub index: Option<usize>,
    /// The block's id as the page loaded it.
    #[serde(default)]
    pub id: Option<String>,
    /// The fingerprint of the block's text as the page loaded it (for `remove`).
    #[serde(default)]
    pub base: Option<String>,
    /// For `move`: the new position.
    pub to: Option<usize>,
    /// For `add`: the office's block entry the new block uses (`- 共通テキスト: 名前`).
    #[serde(default)]
    pub common: Option<String>,
}

/// The steps of a key path with each block found by its id (it may have moved since the page
/// was loaded); `None` when a block is gone.
fn locate(source: &Source, path: &str, ids: &[Option<String>]) -> Option<Vec<Seg>> {
    let mut segs = fields::segs(path)?;
    let mut nth = 0;
    for i in 0..segs.len() {
        if let Seg::Index(n) = segs[i] {
            let written = fields::block_ids(source, &segs[..i]);
            let wanted = ids.get(nth).cloned().flatten();
            nth += 1;
            segs[i] = Seg::Index(match wanted {
                Some(id) => written.iter().position(|w| w.as_deref() == Some(&id))?,
                None if written.get(n).is_some_and(Option::is_none) => n,
                None => return None,
            });
        }
    }
    Some(segs)
}

/// The message for a file the form does not edit.
pub fn refusal_message(refusal: &Refusal, file: &str, lang: Lang) -> (String, String) {
    let t = text::texts(lang);
    let location = match refusal.place() {
        Some((line, col)) => format!("{file}:{line}:{col}"),
        None => file.to_string(),
    };
    let message = match refusal {
        Refusal::Tab(_) => t.refused_tab,
        Refusal::Syntax(_) | Refusal::Undecodable(_) => t.refused_syntax,
    };
    (format!("{message}（{location}）"), location)
}

/// The item at a key path of an edition, when it holds a value.
fn leaf(edition: &'static Edition, path: &str) -> Option<&'static Item> {
    let steps = crate::form::label::resolve(edition, path)?;
    steps.last().map(|s| s.item).filter(|i| !i.is_container())
}

/// The diagnostics of the edited file as the page shows them: by field, and the rest.
fn diagnostics_json(root: &std::path::Path, report: &FileReport, lang: Lang) -> Json {
    let (at, others) = by_path(root, report, lang);
    json!({
        "fields": at,
        "others": others,
    })
}

/// The report of the edited file in an assessment.
fn report_of<'a>(assessment: &'a Assessment, target: &Target) -> Option<&'a FileReport> {
    match target.role {
        Role::Main => Some(&assessment.document_report),
        Role::Companion => assessment.basic.as_ref().map(|b| &b.document_report),
    }
}

fn counts(assessment: &Assessment) -> (usize, usize) {
    let all = || assessment.reports().flat_map(|r| &r.diagnostics);
    let errors = all().filter(|d| d.severity() == Severity::Error).count();
    (errors, all().count() - errors)
}

impl State {
    fn target_of(&self, name: &str, doc: Option<&str>) -> Result<Option<Target>, crate::Error> {
        let checked = self.cache.checked(name)?;
        let main = checked.assessment.document.as_ref().map(|d| d.edition.form);
        Ok(target(&self.root.join(name), main, doc))
    }
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
    // The edited file's own 評価書名 (the main one may not be readable while the other is).
    let own = match target.role {
        Role::Main => checked.assessment.document.as_ref(),
        Role::Companion => checked
            .assessment
            .basic
            .as_ref()
            .and_then(|b| b.document.as_ref()),
    };
    let title = match own
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
    let document = match target.role {
        Role::Main => checked.assessment.document.as_ref(),
        Role::Companion => checked
            .assessment
            .basic
            .as_ref()
            .and_then(|b| b.document.as_ref()),
    };
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

/// Answers a save (`dry_run`: a check of a value typed but not saved).
pub fn save(
    state: &State,
    name: &str,
    doc: Option<&str>,
    body: &[u8],
    dry_run: bool,
) -> Result<Response, crate::Error> {
    let t = text::texts(state.lang);
    let Ok(request) = serde_json::from_slice::<SaveRequest>(body) else {
        return Ok(json_response(400, &json!({"error": t.bad_request})));
    };
    let Some(target) = state.target_of(name, doc)? else {
        return Ok(json_response(404, &json!({"error": t.not_found})));
    };
    // One save at a time: each reads the file as the one before left it.
    let _writing = state.writing.lock().unwrap_or_else(|e| e.into_inner());
    let bytes = std::fs::read(&target.file).map_err(|source| crate::Error::Read {
        path: target.file.clone(),
        source,
    })?;
    let source = match Source::parse(&bytes) {
        Ok(source) => source,
        Err(refusal) => {
            let (message, _) = refusal_message(&refusal, target.name, state.lang);
            return Ok(json_response(
                409,
                &json!({"refused": message, "version": version(&bytes)}),
            ));
        }
    };
    let edition = edition_of(&source, target.role);
    let Some(item) = leaf(edition, &request.path) else {
        return Ok(json_response(404, &json!({"error": t.not_found})));
    };
    if target.role == Role::Companion && inherited(item) {
        return Ok(json_response(403, &json!({"error": t.shared_elsewhere})));
    }
    let Some(segs) = locate(&source, &request.path, &request.ids) else {
        return Ok(json_response(
            409,
            &json!({"conflict": "block", "message": t.block_gone, "version": version(&bytes)}),
        ));
    };
    let now = fingerprint(&source, &segs);
    if now != request.base {
        return Ok(json_response(
            409,
            &json!({
                "conflict": "value",
                "message": t.conflict,
                "disk": fields::read(&source, item, &segs),
                "base": now,
                "version": version(&bytes),
            }),
        ));
    }
    let order = FormOrder::new(edition.items);
    let edited = match fields::write(&source, &order, item, &segs, &request.value) {
        Ok(edited) => edited,
        Err(e) => {
            return Ok(json_response(
                422,
                &json!({"error": format!("{}: {e}", t.not_saved)}),
            ));
        }
    };
    let new_bytes = edited.bytes();
    let key = crate::form::label::key_path(
        &crate::form::label::resolve(edition, &request.path).unwrap_or_default(),
    );
    let folder = state.root.join(name);
    if dry_run {
        let mut assessment =
            crate::load::load_replacing(&folder, &Limits::default(), (&target.file, &new_bytes))?;
        crate::validate::validate(&mut assessment);
        let diags = report_of(&assessment, &target)
            .map(|r| {
                by_path(&state.root, r, state.lang)
                    .0
                    .remove(&key)
                    .unwrap_or_default()
            })
            .unwrap_or_default();
        return Ok(json_response(
            200,
            &json!({"path": request.path, "diags": diags}),
        ));
    }
    if new_bytes != bytes {
        crate::output::write_atomic(&target.file, &new_bytes)?;
    }
    let checked = state.cache.checked(name)?;
    let (errors, warnings) = counts(&checked.assessment);
    let diagnostics = report_of(&checked.assessment, &target)
        .map(|r| diagnostics_json(&state.root, r, state.lang))
        .unwrap_or(json!({"fields": {}, "others": []}));
    Ok(json_response(
        200,
        &json!({
            "saved": new_bytes != bytes,
            "version": version(&new_bytes),
            "base": fingerprint(&edited, &segs),
            "summary": text::counts(state.lang, errors, warnings),
            "errors": errors,
            "warnings": warnings,
            "diagnostics": diagnostics,
        }),
    ))
}

/// Answers a block's addition, removal or move.
pub fn block(
    state: &State,
    name: &str,
    doc: Option<&str>,
    body: &[u8],
) -> Result<Response, crate::Error> {
    let t = text::texts(state.lang);
    let Ok(request) = serde_json::from_slice::<BlockRequest>(body) else {
        return Ok(json_response(400, &json!({"error": t.bad_request})));
    };
    let Some(target) = state.target_of(name, doc)? else {
        return Ok(json_response(404, &json!({"error": t.not_found})));
    };
    let _writing = state.writing.lock().unwrap_or_else(|e| e.into_inner());
    let bytes = std::fs::read(&target.file).map_err(|source| crate::Error::Read {
        path: target.file.clone(),
        source,
    })?;
    let source = match Source::parse(&bytes) {
        Ok(source) => source,
        Err(refusal) => {
            let (message, _) = refusal_message(&refusal, target.name, state.lang);
            return Ok(json_response(409, &json!({"refused": message})));
        }
    };
    let edition = edition_of(&source, target.role);
    let group_item = crate::form::label::resolve(edition, &request.group)
        .and_then(|s| s.last().map(|s| s.item))
        .filter(|_| !request.group.contains('['));
    let (Some(item), Some(path)) = (group_item, fields::segs(&request.group)) else {
        return Ok(json_response(404, &json!({"error": t.not_found})));
    };
    let Kind::Group(group) = item.kind else {
        return Ok(json_response(404, &json!({"error": t.not_found})));
    };
    if target.role == Role::Companion && inherited(item) {
        return Ok(json_response(403, &json!({"error": t.shared_elsewhere})));
    }
    let ids = fields::block_ids(&source, &path);
    // The block the page means, where it is now.
    let current = match (&request.id, request.index) {
        (Some(id), _) => ids.iter().position(|w| w.as_deref() == Some(id.as_str())),
        (None, Some(i)) if ids.get(i).is_some_and(Option::is_none) => Some(i),
        _ => None,
    };
    let order = FormOrder::new(edition.items);
    let gone = || json_response(409, &json!({"conflict": "block", "message": t.block_gone}));
    let result = match request.op.as_str() {
        "add" => {
            if ids.len() >= group.max {
                return Ok(json_response(
                    422,
                    &json!({"error": text::too_many_blocks(state.lang, group.name, group.max)}),
                ));
            }
            let at = match (request.index, current) {
                (None, _) => ids.len(),
                (Some(_), Some(i)) => i + 1,
                (Some(_), None) => return Ok(gone()),
            };
            match request.common.as_deref().map(str::trim) {
                Some("") => return Ok(json_response(400, &json!({"error": t.bad_request}))),
                Some(entry) => fields::add_common_block(&source, &order, group, &path, at, entry),
                None => fields::add_block(&source, &order, group, &path, at),
            }
            .map(|(s, _)| s)
        }
        "remove" => {
            let Some(i) = current else { return Ok(gone()) };
            let mut at = path.clone();
            at.push(Seg::Index(i));
            if request.base.as_deref() != Some(fingerprint(&source, &at).as_str()) {
                return Ok(json_response(
                    409,
                    &json!({"conflict": "block", "message": t.block_changed}),
                ));
            }
            source.remove_item(&path, i)
        }
        "move" => {
            let (Some(i), Some(to)) = (current, request.to) else {
                return Ok(gone());
            };
            source.move_item(&path, i, to.min(ids.len().saturating_sub(1)))
        }
        _ => return Ok(json_response(400, &json!({"error": t.bad_request}))),
    };
    let edited = match result {
        Ok(edited) => edited,
        Err(e) => {
            return Ok(json_response(
                422,
                &json!({"error": format!("{}: {e}", t.not_saved)}),
            ));
        }
    };
    crate::output::write_atomic(&target.file, &edited.bytes())?;
    state.cache.checked(name)?;
    Ok(json_response(
        200,
        &json!({"version": version(&edited.bytes())}),
    ))
}

/// The file's version now, for a page that wonders whether the file changed under it.
pub fn current_version(
    state: &State,
    name: &str,
    doc: Option<&str>,
) -> Result<Response, crate::Error> {
    let Some(target) = state.target_of(name, doc)? else {
        return Ok(json_response(404, &json!({})));
    };
    let bytes = std::fs::read(&target.file).unwrap_or_default();
    Ok(json_response(200, &json!({"version": version(&bytes)})))
}

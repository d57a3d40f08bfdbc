//! Layout: a validated [`Document`] → the printed form as plain, serialisable view structs.
//!
//! This is the only context templates see (HTML and Markdown through tera, PDF through Typst,
//! which reads it as JSON). It follows the official form: every item is printed, filled or not,
//! with its number, label and ※; choice lists and checkbox options are printed in full; groups
//! print block 1, then their bands (`システム2～5` …). Bump [`CONTEXT_VERSION`] when a field
//! changes meaning, since user templates depend on it.

use serde::Serialize;

use crate::diff::Change;
use crate::diff::redline::{Segment, segments};
use crate::form::label::{Step, key_path, printed_number};
use crate::form::{self, CheckOption, Extra, Item, Kind, Mark, Num};
use crate::load::{ChangeRow, Document, Record, Value, document::Block};

/// Version of the template context below.
pub const CONTEXT_VERSION: u32 = 1;

/// The whole printed document.
#[derive(Debug, Clone, Serialize)]
pub struct Layout {
    /// Version of this context, for user templates.
    pub version: u32,
    /// Document metadata (PDF info, HTML head).
    pub meta: Meta,
    /// The cover page.
    pub cover: Cover,
    /// 項目一覧: the parts in printed order (empty for a form without one, 様式２).
    pub toc: Vec<TocEntry>,
    /// Ⅰ, Ⅱ, （別添１）, Ⅲ, Ⅳ, Ⅴ in printed order.
    pub parts: Vec<Part>,
    /// （別添２）変更箇所.
    pub changes: Changes,
    /// For a redline edition: every change since the older version, in form order.
    pub redline: Option<Vec<RedlineEntry>>,
}

/// One change listed at the head of a redline edition.
#[derive(Debug, Clone, Serialize)]
pub struct RedlineEntry {
    /// The item's canonical label.
    pub label: String,
    /// Anchor id of the row it belongs to.
    pub id: String,
    /// The character-level redline.
    pub segments: Vec<Segment>,
}

/// Metadata.
#[derive(Debug, Clone, Serialize)]
pub struct Meta {
    /// Document title: 評価書名.
    pub title: String,
    /// Author: 評価実施機関名.
    pub author: String,
    /// 公表日 as ISO `YYYY-MM-DD` (empty when unknown); the PDF's date and timestamp.
    pub date: String,
    /// Language tag.
    pub lang: &'static str,
    /// A stable identifier of the document (edition, 評価書番号, 評価書名).
    pub ident: String,
    /// The form's title, e.g. 特定個人情報保護評価書（重点項目評価書）.
    pub form_title: &'static str,
}

/// The cover page.
#[derive(Debug, Clone, Serialize)]
pub struct Cover {
    /// 特定個人情報保護評価書（重点項目評価書）.
    pub title: &'static str,
    /// The edition tag, e.g. `[令和６年10月　様式３]`.
    pub tag: &'static str,
    /// The cover's items in printed order (評価書番号, 評価書名, 宣言, 特記事項, 評価実施機関名, 公表日).
    pub items: Vec<CoverItem>,
}

/// One labelled cell of the cover.
#[derive(Debug, Clone, Serialize)]
pub struct CoverItem {
    /// Anchor id (key path).
    pub id: String,
    /// The printed label.
    pub label: &'static str,
    /// The value's lines.
    pub lines: Vec<String>,
}

/// An entry of 項目一覧.
#[derive(Debug, Clone, Serialize)]
pub struct TocEntry {
    /// Anchor id of the part.
    pub id: String,
    /// The printed heading, e.g. `Ⅰ　基本情報`.
    pub title: String,
}

/// A part of the document (大項目 or annex) with its rows.
#[derive(Debug, Clone, Serialize)]
pub struct Part {
    /// Anchor id (key path).
    pub id: String,
    /// The printed heading, e.g. `Ⅲ　リスク対策　※（７．②を除く。）`.
    pub heading: String,
    /// The heading without the ※ note, for the 項目一覧.
    pub title: String,
    /// The rows of the part's table, in printed order.
    pub rows: Vec<Row>,
}

/// One row of a part's ruled table.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    /// `section` (１．…), `heading` (リスク：…, 再委託 …), `band` (システム2～5), `block`
    /// (システム2, with the block's title as value where it has one), or `item`.
    pub kind: &'static str,
    /// Anchor id (key path), unique in the document.
    pub id: String,
    /// Nesting depth below the part (0 = 中項目).
    pub depth: usize,
    /// The printed label with its number: `①事務の名称`, `１．特定個人情報ファイル名`, `システム2～5`.
    pub label: String,
    /// The numbered item an un-numbered sub-item is printed under (`④使用の主体`), or "".
    pub context: &'static str,
    /// Whether ※ is printed after the label.
    pub mark: bool,
    /// The value, for items and titled blocks.
    pub value: Option<ValueView>,
    /// In a redline edition, the change of this row's value since the older version.
    pub redline: Option<Vec<Segment>>,
    /// A note the form prints below the value (様式２ Ⅳ１), or "".
    pub note: &'static str,
    /// The form's question printed with the label (様式２ Ⅱ), or "".
    pub prompt: &'static str,
}

/// A value as printed.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum ValueView {
    /// Text lines (empty when blank).
    Text {
        /// The lines.
        lines: Vec<String>,
    },
    /// `[ 値 ]` beside the ＜選択肢＞ list.
    Choice {
        /// The chosen option's text, or "".
        chosen: String,
        /// The list, numbered as printed: `1） 特に力を入れている`.
        options: Vec<String>,
    },
    /// Every option of a checkbox set, ticked or not.
    Checks {
        /// The options in printed order.
        options: Vec<CheckView>,
    },
}

/// One checkbox as printed: `[ ○ ] その他 （ 中間サーバー ）`.
#[derive(Debug, Clone, Serialize)]
pub struct CheckView {
    /// The option label.
    pub label: &'static str,
    /// A sub-heading printed before the option (`識別情報`), or "".
    pub heading: &'static str,
    /// Ticked.
    pub ticked: bool,
    /// `none`, `text` (`（　）`) or `count` (`（　）件`).
    pub extra: &'static str,
    /// The text or count in the parentheses ("" when none).
    pub detail: String,
}

/// （別添２）変更箇所.
#[derive(Debug, Clone, Serialize)]
pub struct Changes {
    /// Anchor id.
    pub id: &'static str,
    /// The heading: `（別添２）変更箇所` in 様式３, `変更箇所` in 様式２.
    pub heading: String,
    /// The six column headings.
    pub columns: Vec<&'static str>,
    /// The rows.
    pub rows: Vec<ChangeView>,
}

/// One row of the change table.
#[derive(Debug, Clone, Serialize)]
pub struct ChangeView {
    /// 変更日 in 和暦.
    pub date: String,
    /// 項目.
    pub item: String,
    /// 変更前の記載, by line.
    pub before: Vec<String>,
    /// 変更後の記載, by line.
    pub after: Vec<String>,
    /// 事前 / 事後.
    pub timing: String,
    /// 提出時期に係る説明, by line.
    pub reason: Vec<String>,
}

fn lines(text: &str) -> Vec<String> {
    if text.is_empty() {
        Vec::new()
    } else {
        text.split('\n').map(str::to_string).collect()
    }
}

/// Lays out a document and its change table.
pub fn layout(document: &Document, changes: &[ChangeRow]) -> Layout {
    let edition = document.edition;
    let root = &document.root;
    let text_at = |path: &str| match root.at(path).map(|e| &e.value) {
        Some(Value::Text(t)) => t.clone(),
        Some(Value::Date(d)) => d.wareki(),
        _ => String::new(),
    };
    let cover_items = form::top(edition, "表紙").map_or(&[][..], |i| i.children());
    let cover = Cover {
        title: edition.title,
        tag: edition.tag,
        items: cover_items
            .iter()
            .map(|item| CoverItem {
                id: format!("表紙.{}", item.key),
                label: item.label,
                lines: lines(&text_at(&format!("表紙.{}", item.key))),
            })
            .collect(),
    };
    let published = root.date("表紙.公表日");
    let meta = Meta {
        title: text_at("表紙.評価書名"),
        author: text_at("表紙.評価実施機関名"),
        date: published.map(|d| d.iso()).unwrap_or_default(),
        lang: "ja",
        ident: format!(
            "hyoka/{}/{}/{}",
            edition.id,
            text_at("表紙.評価書番号"),
            text_at("表紙.評価書名")
        ),
        form_title: edition.title,
    };
    let mut parts = Vec::new();
    for item in edition.items.iter().filter(|i| i.num != Num::None) {
        let record = section_record(root, item.key);
        let mut rows = Vec::new();
        let mut annexes = Vec::new();
        let path = vec![Step { item, index: None }];
        for child in item.children() {
            if let Num::Annex(_) = child.num {
                annexes.push(child);
                continue;
            }
            push_item(&mut rows, child, record, &path, 0);
        }
        parts.push(part(item, &path, rows));
        // An annex (別添１) is printed after its part, as a part of its own.
        for annex in annexes {
            let mut path = path.clone();
            path.push(Step {
                item: annex,
                index: None,
            });
            let mut rows = Vec::new();
            push_value_row(&mut rows, annex, record, &path, 0);
            parts.push(part(annex, &path, rows));
        }
    }
    let toc = parts
        .iter()
        .map(|p| TocEntry {
            id: p.id.clone(),
            title: p.title.clone(),
        })
        .collect();
    let table = &form::changes::TABLE;
    let columns = table.children().iter().map(|c| c.label).collect();
    let rows = changes
        .iter()
        .map(|r| ChangeView {
            date: r.date.map(|d| d.wareki()).unwrap_or_default(),
            item: r.item.clone(),
            before: lines(&r.before),
            after: lines(&r.after),
            timing: r.timing.unwrap_or_default().to_string(),
            reason: lines(&r.reason),
        })
        .collect();
    let changes = Changes {
        id: table.key,
        heading: format!("{}{}", printed_number(edition.changes_num), table.label),
        columns,
        rows,
    };
    let mut toc: Vec<TocEntry> = toc;
    toc.push(TocEntry {
        id: changes.id.to_string(),
        title: changes.heading.clone(),
    });
    if !edition.toc {
        toc.clear();
    }
    Layout {
        version: CONTEXT_VERSION,
        meta,
        cover,
        toc,
        parts,
        changes,
        redline: None,
    }
}

/// Marks every change since an older version inline (the redline edition for reviewers):
/// each changed row carries its redline, and the list of all changes heads the document.
pub fn apply_redline(layout: &mut Layout, changes: &[Change]) {
    let mut entries = Vec::new();
    for change in changes {
        let segments = segments(&change.before, &change.after);
        // A block's title (名称) is shown in the block's own row.
        let owner = change.path.strip_suffix(".名称").unwrap_or(&change.path);
        let mut id = String::new();
        for row in layout.parts.iter_mut().flat_map(|p| p.rows.iter_mut()) {
            if row.id == owner {
                row.redline = Some(segments.clone());
                id = row.id.clone();
            }
        }
        entries.push(RedlineEntry {
            label: change.label.clone(),
            id,
            segments,
        });
    }
    layout.redline = Some(entries);
}

fn part(item: &'static Item, path: &[Step], rows: Vec<Row>) -> Part {
    let title = format!("{}　{}", printed_number(item.num), item.label);
    let heading = match item.mark {
        Mark::YesExcept(note) => format!("{title}　※{note}"),
        Mark::Yes => format!("{title}　※"),
        _ => title.clone(),
    };
    Part {
        id: key_path(path),
        heading,
        title,
        rows,
    }
}

fn section_record<'a>(record: &'a Record, key: &str) -> Option<&'a Record> {
    match record.get(key).map(|e| &e.value) {
        Some(Value::Section(inner)) => Some(inner),
        _ => None,
    }
}

impl Row {
    /// A heading row (a numbered section, an un-numbered heading such as a risk) for an item.
    fn heading(kind: &'static str, item: &Item, path: &[Step], depth: usize) -> Row {
        Row {
            kind,
            id: key_path(path),
            depth,
            label: label_of(item),
            context: item.under,
            mark: printed_mark(item),
            value: None,
            redline: None,
            note: item.note,
            prompt: item.prompt,
        }
    }
}

fn label_of(item: &Item) -> String {
    match item.num {
        Num::None | Num::Roman(_) => item.label.to_string(),
        _ => format!("{}{}", printed_number(item.num), item.label),
    }
}

fn printed_mark(item: &Item) -> bool {
    matches!(item.mark, Mark::Yes)
}

/// Rows for one item (and, for sections and groups, everything below it).
fn push_item(
    rows: &mut Vec<Row>,
    item: &'static Item,
    record: Option<&Record>,
    parent: &[Step],
    depth: usize,
) {
    let mut path = parent.to_vec();
    path.push(Step { item, index: None });
    match item.kind {
        Kind::Section(children) => {
            let kind = if item.num == Num::None {
                "heading"
            } else {
                "section"
            };
            rows.push(Row::heading(kind, item, &path, depth));
            let inner = record.and_then(|r| section_record(r, item.key));
            for child in children {
                push_item(rows, child, inner, &path, depth + 1);
            }
        }
        Kind::Group(group) => {
            if item.num != Num::None {
                rows.push(Row::heading("section", item, &path, depth));
            }
            let blocks: &[Block] = match record.and_then(|r| r.get(item.key)).map(|e| &e.value) {
                Some(Value::Group(blocks)) => blocks,
                _ => &[],
            };
            let depth = if item.num != Num::None {
                depth + 1
            } else {
                depth
            };
            for band in group.bands() {
                if band.0 > 1 {
                    rows.push(Row {
                        kind: "band",
                        id: format!("{}[{}-{}]", key_path(&path), band.0, band.1),
                        depth,
                        label: group.band_header(band),
                        context: "",
                        mark: false,
                        value: None,
                        redline: None,
                        note: "",
                        prompt: "",
                    });
                }
                // The form always prints block 1, even when the group is empty.
                let last = if band.0 == 1 {
                    1
                } else {
                    band.1.min(blocks.len())
                };
                for index in band.0..=last {
                    let block = blocks.get(index - 1);
                    push_block(rows, group, block, &path, index, depth);
                }
            }
        }
        _ => push_value_row(rows, item, record, &path, depth),
    }
}

fn push_block(
    rows: &mut Vec<Row>,
    group: &'static form::Group,
    block: Option<&Block>,
    path: &[Step],
    index: usize,
    depth: usize,
) {
    let mut path = path.to_vec();
    if let Some(last) = path.last_mut() {
        last.index = Some(index);
    }
    let record = block.map(|b| &b.record);
    // A titled group (委託事項, 提供先, 移転先) prints its title in the block's header row.
    let title = group.items.iter().find(|i| i.label.is_empty());
    let value = title.map(|t| text_view(record.and_then(|r| r.get(t.key)).map(|e| &e.value)));
    rows.push(Row {
        kind: "block",
        id: key_path(&path),
        depth,
        label: format!("{}{}", group.name, index),
        context: "",
        mark: false,
        value,
        redline: None,
        note: "",
        prompt: "",
    });
    for child in group.items.iter().filter(|i| !i.label.is_empty()) {
        push_item(rows, child, record, &path, depth + 1);
    }
}

fn text_view(value: Option<&Value>) -> ValueView {
    let text = match value {
        Some(Value::Text(t)) => t.clone(),
        Some(Value::Date(d)) => d.wareki(),
        Some(Value::Count(n)) => n.to_string(),
        _ => String::new(),
    };
    ValueView::Text {
        lines: lines(&text),
    }
}

fn push_value_row(
    rows: &mut Vec<Row>,
    item: &'static Item,
    record: Option<&Record>,
    path: &[Step],
    depth: usize,
) {
    let value = record.and_then(|r| r.get(item.key)).map(|e| &e.value);
    let view = match item.kind {
        Kind::Choice(list) => ValueView::Choice {
            chosen: match value {
                Some(Value::Choice(i)) => list
                    .options
                    .get(*i)
                    .map_or(String::new(), |s| s.to_string()),
                _ => String::new(),
            },
            options: (0..list.options.len()).map(|i| list.numbered(i)).collect(),
        },
        Kind::Checks(options) => ValueView::Checks {
            options: check_views(options, value),
        },
        Kind::Flag => ValueView::Checks {
            options: vec![CheckView {
                label: item.label,
                heading: "",
                ticked: matches!(value, Some(Value::Flag(true))),
                extra: "none",
                detail: String::new(),
            }],
        },
        Kind::Count => ValueView::Text {
            lines: match value {
                Some(Value::Count(n)) => vec![format!("（ {n} ）件")],
                _ => vec!["（　）件".to_string()],
            },
        },
        _ => text_view(value),
    };
    // A single checkbox is its own label on the form (`[ ] 委託しない`).
    let label = if matches!(item.kind, Kind::Flag) {
        String::new()
    } else {
        label_of(item)
    };
    rows.push(Row {
        kind: "item",
        id: key_path(path),
        depth,
        label,
        context: item.under,
        mark: printed_mark(item),
        value: Some(view),
        redline: None,
        note: item.note,
        prompt: item.prompt,
    });
}

fn check_views(options: &'static [CheckOption], value: Option<&Value>) -> Vec<CheckView> {
    let ticks = match value {
        Some(Value::Checks(ticks)) => ticks.as_slice(),
        _ => &[],
    };
    options
        .iter()
        .enumerate()
        .map(|(i, option)| {
            let tick = ticks.iter().find(|t| t.option == i);
            CheckView {
                label: option.label,
                heading: option.heading,
                ticked: tick.is_some(),
                extra: match option.extra {
                    Extra::None => "none",
                    Extra::Text => "text",
                    Extra::Count => "count",
                },
                detail: tick
                    .and_then(|t| t.text.clone().or_else(|| t.count.map(|n| n.to_string())))
                    .unwrap_or_default(),
            }
        })
        .collect()
}

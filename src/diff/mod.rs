//! Diff: two versions of a document → the rows of （別添２）変更箇所.
//!
//! Documents are compared item by item along the form definition, never as YAML text. Blocks of
//! repeating groups are matched by `id` when every block has one, else by position; a block
//! that appears gives rows with an empty 変更前, one that disappears rows with an empty 変更後,
//! and a block that only moved gives none. Labels use the new numbering.

pub mod checks;
mod citations;
pub mod export;
pub mod record;
pub mod redline;
pub mod terminal;
pub mod timing;

use serde::Serialize;

use crate::form::label::{Step, full_label, key_path};
use crate::form::{self, Item, Kind, is_important};
use crate::load::{Block, Document, Record, Value};

/// 提出時期.
pub const BEFORE: &str = "事前";
/// 提出時期.
pub const AFTER: &str = "事後";

/// One changed item.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// The item's key path in the new version (the old one for a removed block).
    pub path: String,
    /// 項目: the canonical label, e.g. `Ⅱ．５．提供先２．①法令上の根拠`.
    pub label: String,
    /// 変更前の記載, as the change table prints it (of a checkbox set, the changed boxes only).
    pub before: String,
    /// 変更後の記載, as the change table prints it (of a checkbox set, the changed boxes only).
    pub after: String,
    /// The whole value before, as printed (every ticked box of a set).
    pub whole_before: String,
    /// The whole value after, as printed (every ticked box of a set).
    pub whole_after: String,
    /// Whether the item carries ※ (a 重要な変更).
    pub important: bool,
    /// Whether the item is the しきい値判断結果: its change means the assessment is carried out
    /// again, before the change takes effect.
    pub reassessment: bool,
    /// What the texts suggest about the 提出時期 (an exclusion from 重要な変更), if anything.
    pub hint: Option<timing::Hint>,
}

impl Change {
    /// The proposed 提出時期: 事前 for a ※ item, 事後 otherwise (rules.md §2), and 事後 for a
    /// ※ item whose texts suggest an exclusion from 重要な変更 ([`timing`]).
    pub fn proposed_timing(&self) -> &'static str {
        if self.reassessment {
            return BEFORE;
        }
        match (&self.hint, self.important) {
            (Some(timing::Hint::Excluded(_)), _) | (_, false) => AFTER,
            _ => BEFORE,
        }
    }

    /// Why that is proposed, in Japanese.
    pub fn proposal_reason(&self) -> String {
        if self.reassessment {
            return "しきい値判断結果の変更は特定個人情報保護評価の再実施を要する（規則・指針[S]）ため事前を提案。再実施した評価書を変更の前に提出・公表する".to_string();
        }
        match (&self.hint, self.important) {
            (Some(hint), true) => hint.reason(),
            (None, true) => "※の項目の変更（重要な変更）のため事前を提案。リスクを明らかに軽減する変更、誤字脱字の修正、組織の名称変更等の形式的な変更、法令改正に伴うだけの変更は重要な変更に当たらないとされ、その場合は事後とし理由を説明欄に記載（未確認の規定[B]）".to_string(),
            (Some(hint @ timing::Hint::Excluded(_)), false) => format!(
                "※のない項目の変更（修正）のため事後を提案（{}に当たると見られます）",
                hint.names()
            ),
            (_, false) => "※のない項目の変更（修正）のため事後を提案".to_string(),
        }
    }
}

/// Items that change with every publication and are not changes of content.
const NOT_CONTENT: &[&str] = &["表紙.公表日"];

/// Every change from `old` to `new`, in the form's order.
pub fn diff(old: &Document, new: &Document) -> Vec<Change> {
    let mut out = Vec::new();
    walk(
        new.edition.items,
        Some(&old.root),
        Some(&new.root),
        &[],
        &[],
        &mut out,
    );
    out
}

fn sub<'a>(record: Option<&'a Record>, key: &str) -> Option<&'a Record> {
    match record?.get(key).map(|e| &e.value) {
        Some(Value::Section(inner)) => Some(inner),
        _ => None,
    }
}

fn blocks<'a>(record: Option<&'a Record>, key: &str) -> &'a [Block] {
    match record.and_then(|r| r.get(key)).map(|e| &e.value) {
        Some(Value::Group(blocks)) => blocks,
        _ => &[],
    }
}

fn walk(
    items: &'static [Item],
    old: Option<&Record>,
    new: Option<&Record>,
    old_path: &[Step],
    new_path: &[Step],
    out: &mut Vec<Change>,
) {
    for item in items {
        let step = Step { item, index: None };
        let old_path: Vec<Step> = old_path.iter().copied().chain([step]).collect();
        let new_path: Vec<Step> = new_path.iter().copied().chain([step]).collect();
        match item.kind {
            Kind::Section(children) => walk(
                children,
                sub(old, item.key),
                sub(new, item.key),
                &old_path,
                &new_path,
                out,
            ),
            Kind::Group(group) => {
                for (o, n) in match_blocks(blocks(old, item.key), blocks(new, item.key)) {
                    let at = |path: &[Step], i: Option<usize>| -> Vec<Step> {
                        let mut p = path.to_vec();
                        if let (Some(last), Some(i)) = (p.last_mut(), i) {
                            last.index = Some(i + 1);
                        }
                        p
                    };
                    // A removed block keeps its old number on both sides of the label.
                    let new_index = n.map(|(i, _)| i).or(o.map(|(i, _)| i));
                    walk(
                        group.items,
                        o.map(|(_, b)| &b.record),
                        n.map(|(_, b)| &b.record),
                        &at(&old_path, o.map(|(i, _)| i)),
                        &at(&new_path, new_index),
                        out,
                    );
                }
            }
            _ => {
                let key = key_path(&new_path);
                if NOT_CONTENT.contains(&key.as_str()) {
                    continue;
                }
                let old_value = old.and_then(|r| r.get(item.key)).map(|e| &e.value);
                let new_value = new.and_then(|r| r.get(item.key)).map(|e| &e.value);
                let whole_before = printed(item, old_value);
                let whole_after = printed(item, new_value);
                if whole_before == whole_after {
                    continue;
                }
                let (before, after) = match item.kind {
                    Kind::Checks(options) => {
                        fn ticks<'a>(
                            record: Option<&Record>,
                            value: Option<&'a Value>,
                        ) -> Option<&'a [crate::load::document::Tick]> {
                            record.map(|_| match value {
                                Some(Value::Checks(ticks)) => ticks.as_slice(),
                                _ => &[],
                            })
                        }
                        checks::changed(options, ticks(old, old_value), ticks(new, new_value))
                    }
                    _ => (whole_before.clone(), whole_after.clone()),
                };
                let top = new_path.first().map(|s| s.item.label).unwrap_or_default();
                let hint = timing::hint(&timing::Subject {
                    before: &whole_before,
                    after: &whole_after,
                    text: matches!(item.kind, Kind::Text | Kind::Lines | Kind::Checks(_)),
                    names_organisation: item.label.contains("部署") || item.label.contains("役職"),
                    in_measures: top.contains("リスク対策"),
                });
                out.push(Change {
                    path: key,
                    label: full_label(&new_path),
                    before,
                    after,
                    whole_before,
                    whole_after,
                    important: is_important(&new_path),
                    reassessment: form::means_reassessment(&new_path),
                    hint,
                });
            }
        }
    }
}

type Pair<'a> = (Option<(usize, &'a Block)>, Option<(usize, &'a Block)>);

/// Pairs old and new blocks: by id; then a block without an id by its name (the group's
/// first item, e.g. システムの名称) when that name is unique among the blocks still unpaired;
/// then the rest by position. Two blocks whose ids differ are never paired. New blocks come in
/// their new order, then the removed ones in their old order.
fn match_blocks<'a>(old: &'a [Block], new: &'a [Block]) -> Vec<Pair<'a>> {
    let mut taken = vec![false; old.len()];
    let mut partner: Vec<Option<usize>> = vec![None; new.len()];
    for (j, b) in new.iter().enumerate() {
        if b.id.is_some()
            && let Some(i) = old.iter().position(|o| o.id == b.id)
        {
            partner[j] = Some(i);
            taken[i] = true;
        }
    }
    let pairable = |o: &Block, n: &Block| o.id.is_none() || n.id.is_none();
    let name = |b: &Block| {
        b.record.entries.first().and_then(|e| match &e.value {
            Value::Text(t) => Some((e.item.key, t.clone())),
            _ => None,
        })
    };
    for j in 0..new.len() {
        let Some(wanted) = name(&new[j]).filter(|_| partner[j].is_none()) else {
            continue;
        };
        let olds: Vec<usize> = (0..old.len())
            .filter(|&i| !taken[i] && pairable(&old[i], &new[j]))
            .filter(|&i| name(&old[i]).as_ref() == Some(&wanted))
            .collect();
        let news = (0..new.len())
            .filter(|&k| partner[k].is_none() && name(&new[k]).as_ref() == Some(&wanted))
            .count();
        if let ([i], 1) = (olds.as_slice(), news) {
            partner[j] = Some(*i);
            taken[*i] = true;
        }
    }
    for j in 0..new.len() {
        if partner[j].is_some() {
            continue;
        }
        if let Some(i) = (0..old.len()).find(|&i| !taken[i] && pairable(&old[i], &new[j])) {
            partner[j] = Some(i);
            taken[i] = true;
        }
    }
    let mut pairs: Vec<Pair> = new
        .iter()
        .enumerate()
        .map(|(j, b)| (partner[j].map(|i| (i, &old[i])), Some((j, b))))
        .collect();
    for (i, b) in old.iter().enumerate() {
        if !taken[i] {
            pairs.push((Some((i, b)), None));
        }
    }
    pairs
}

/// A whole value as printed: texts verbatim, choices by their text, checkbox sets as
/// `〔〇〕ラベル` lines (with `（text）` or `（ｎ件）`), dates in 和暦.
pub fn printed(item: &Item, value: Option<&Value>) -> String {
    let Some(value) = value else {
        return String::new();
    };
    match (value, item.kind) {
        (Value::Text(t), _) => t.clone(),
        (Value::Choice(i), Kind::Choice(list)) => list
            .options
            .get(*i)
            .map(|s| s.to_string())
            .unwrap_or_default(),
        (Value::Checks(ticks), Kind::Checks(options)) => checks::whole(options, ticks),
        (Value::Flag(true), _) => format!("〔〇〕{}", item.label),
        (Value::Date(d), _) => d.wareki(),
        (Value::Count(n), _) => format!("（ {n} ）件"),
        _ => String::new(),
    }
}

/// The item at a key path of an edition (for tests and the redline).
pub fn item_at(edition: &'static form::Edition, path: &str) -> Option<&'static Item> {
    form::label::resolve(edition, path).and_then(|steps| steps.last().map(|s| s.item))
}

#[cfg(test)]
mod tests;

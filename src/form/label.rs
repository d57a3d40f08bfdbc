//! Full labels of items, generated from their position in the form.
//!
//! One rule serves diagnostics and the change table （別添２）: the canonical style of the
//! 令和6年 rows of published change tables, e.g. `Ⅱ．５．提供先２．①法令上の根拠`.
//!
//! An item placed directly in a numbered section carries that section's heading when its own
//! label is shared by another item of the same 大項目 (see [`names_its_section`]): Ⅴ has two
//! 実施日, so `Ⅴ．１．基礎項目評価　①実施日` and `Ⅴ．３．第三者点検　①実施日`. docs/change-table.md has
//! the rule with examples, and how it compares with the labels officers published.

use super::{Item, Kind, Num};

/// One step of a path into the form: an item, and for a repeating group the 1-based block number.
#[derive(Debug, Clone, Copy)]
pub struct Step {
    /// The item at this step.
    pub item: &'static Item,
    /// For a group, which block (1-based); `None` for the group as a whole.
    pub index: Option<usize>,
}

/// Full-width digits: `12` → `１２`.
pub fn fullwidth(n: usize) -> String {
    n.to_string()
        .chars()
        .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c))
        .collect()
}

/// Circled number `①`..`⑳`.
pub fn circled(n: u8) -> String {
    match n {
        1..=20 => char::from_u32(0x2460 + u32::from(n) - 1)
            .map(String::from)
            .unwrap_or_default(),
        _ => format!("({n})"),
    }
}

/// Roman numeral `Ⅰ`..`Ⅻ` as printed for the 大項目.
pub fn roman(n: u8) -> String {
    match n {
        1..=12 => char::from_u32(0x2160 + u32::from(n) - 1)
            .map(String::from)
            .unwrap_or_default(),
        _ => n.to_string(),
    }
}

/// The number as printed before a label: `Ⅰ`, `１．`, `①`, `（別添１）`.
pub fn printed_number(num: Num) -> String {
    match num {
        Num::None => String::new(),
        Num::Roman(n) => roman(n),
        Num::Section(n) => format!("{}．", fullwidth(n.into())),
        Num::Circled(n) => circled(n),
        Num::Annex(n) => format!("（別添{}）", fullwidth(n.into())),
    }
}

/// The label of a risk heading as written in a change-table label: `リスク：　…` → `リスク：…`.
fn compact(label: &str) -> String {
    label.replace("：　", "：")
}

/// A section's heading as part of a label: notes in 【】 (`【任意】`) are marks, not the name.
fn heading_name(label: &str) -> &str {
    match label.rfind('【') {
        Some(at) if label.ends_with('】') => label[..at].trim_end_matches(['　', ' ']),
        _ => label,
    }
}

/// Whether the label of the item at the end of `path` names the numbered section it sits in:
/// the item is a value placed directly in a numbered section (`Ⅴ．１．`), and another item of
/// the same 大項目 (the first step of the path) has the same label, so that the number alone
/// would leave the reader to guess which heading is meant. Derived from the form, so it holds
/// for any edition.
pub fn names_its_section(path: &[Step]) -> bool {
    let [top, .., parent, last] = path else {
        return false;
    };
    let item = last.item;
    if item.is_container()
        || item.label.is_empty()
        || !matches!(
            (parent.item.num, parent.item.kind),
            (Num::Section(_), Kind::Section(_))
        )
    {
        return false;
    }
    fn count(items: &'static [Item], label: &str) -> usize {
        items
            .iter()
            .map(|i| {
                let own = usize::from(!i.is_container() && i.label == label);
                own + count(i.children(), label)
            })
            .sum()
    }
    count(top.item.children(), item.label) > 1
}

/// The full label of the item at the end of `path`, e.g. `Ⅱ．４．委託事項２．④再委託の有無`.
pub fn full_label(path: &[Step]) -> String {
    label_of(path, names_its_section(path))
}

/// Every label a change table may hold for the item at the end of `path`: its full label, and
/// for an item whose label names its section the shorter one hyoka wrote before that rule
/// (`Ⅰ．５．②法令上の根拠`), so that rows recorded then are still recognised.
pub fn recorded_labels(path: &[Step]) -> Vec<String> {
    let mut labels = vec![full_label(path)];
    if names_its_section(path) {
        labels.push(label_of(path, false));
    }
    labels
}

/// A label without its separators (`．`, `.`, ideographic and ASCII spaces), so that labels
/// written in the styles of different years (`Ⅴ１．基礎項目評価①実施日`,
/// `Ⅴ．１．基礎項目評価　①実施日`) compare equal.
pub fn bare(label: &str) -> String {
    label
        .chars()
        .filter(|c| !matches!(c, '．' | '.' | '　' | ' '))
        .collect()
}

/// The label of the item at the end of `path`, naming its section heading or not.
fn label_of(path: &[Step], name_section: bool) -> String {
    let mut out = String::new();
    let last = path.len().saturating_sub(1);
    let named_section = name_section.then(|| heading_name(path[last - 1].item.label));
    for (depth, step) in path.iter().enumerate() {
        let item = step.item;
        let is_last = depth == last;
        match item.num {
            Num::Roman(n) => {
                out.push_str(&roman(n));
                // The annex is attached to Ⅱ without a separator: `Ⅱ（別添１）…`.
                if !matches!(path.get(depth + 1).map(|s| s.item.num), Some(Num::Annex(_))) {
                    out.push('．');
                }
            }
            Num::Section(n) => {
                out.push_str(&fullwidth(n.into()));
                out.push('．');
                if depth + 1 == last
                    && let Some(heading) = named_section
                {
                    out.push_str(heading);
                    out.push('　');
                }
            }
            // A top-level annex (別添２) names itself before its rows.
            Num::Annex(_) if depth == 0 && !is_last => {
                out.push_str(&printed_number(item.num));
                out.push_str(item.label);
                out.push('　');
            }
            Num::Annex(_) | Num::Circled(_) | Num::None => {}
        }
        if let Kind::Group(group) = item.kind {
            out.push_str(group.name);
            if let Some(i) = step.index {
                out.push_str(&fullwidth(i));
                out.push('．');
            }
            continue;
        }
        if is_last {
            // `under` may repeat the heading just named (Ⅰ４ 個人番号の利用).
            if !item.under.is_empty() && named_section != Some(item.under) {
                out.push_str(item.under);
                out.push('　');
            }
            match item.num {
                Num::Circled(_) | Num::Annex(_) => out.push_str(&printed_number(item.num)),
                _ => {}
            }
            out.push_str(&compact(item.label));
        } else if item.num == Num::None && depth > 0 && item.is_container() {
            // Un-numbered headings inside a section (the risks of Ⅲ) are part of the label.
            out.push_str(&compact(item.label));
            out.push('　');
        } else if depth == 0 && matches!(item.num, Num::None) {
            // The cover has no number; its items are labelled by their own names.
        }
    }
    // A group title (label "") ends the label at the block: `Ⅱ．４．委託事項２`.
    while out.ends_with('．') || out.ends_with('　') {
        out.pop();
    }
    out
}

/// The key path of an item, e.g. `ファイルの概要.委託.委託事項[2].再委託の有無`: stable across
/// renumbering of the form, used for anchors and machine output.
pub fn key_path(path: &[Step]) -> String {
    let mut out = String::new();
    for (i, step) in path.iter().enumerate() {
        if i > 0 {
            out.push('.');
        }
        out.push_str(step.item.key);
        if let Some(index) = step.index {
            out.push_str(&format!("[{index}]"));
        }
    }
    out
}

/// Resolves a key path (as made by [`key_path`]) back into steps.
pub fn resolve(edition: &'static super::Edition, path: &str) -> Option<Vec<Step>> {
    resolve_in(edition.items, path)
}

/// Resolves a key path below a list of top-level items.
pub fn resolve_in(items: &'static [Item], path: &str) -> Option<Vec<Step>> {
    let mut steps = Vec::new();
    let mut items = items;
    for part in path.split('.') {
        let (key, index) = match part.strip_suffix(']').and_then(|p| p.split_once('[')) {
            Some((key, n)) => (key, Some(n.parse().ok()?)),
            None => (part, None),
        };
        let item = items.iter().find(|i| i.key == key)?;
        steps.push(Step { item, index });
        items = item.children();
    }
    Some(steps)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::form3_r06_10::EDITION;

    fn label(path: &str) -> String {
        full_label(&resolve(&EDITION, path).unwrap_or_else(|| panic!("no item {path}")))
    }

    #[test]
    fn numbers() {
        assert_eq!(fullwidth(10), "１０");
        assert_eq!(circled(7), "⑦");
        assert_eq!(roman(5), "Ⅴ");
        assert_eq!(printed_number(Num::Annex(1)), "（別添１）");
    }

    #[test]
    fn labels_of_every_kind_of_item() {
        let cases = [
            ("表紙.公表日", "公表日"),
            ("基本情報.事務.事務の内容", "Ⅰ．１．②事務の内容"),
            (
                "基本情報.システム[3].システムの機能",
                "Ⅰ．２．システム３．②システムの機能",
            ),
            (
                "基本情報.システム[12].他のシステムとの接続",
                "Ⅰ．２．システム１２．③他のシステムとの接続",
            ),
            (
                "基本情報.特定個人情報ファイル名",
                "Ⅰ．３．特定個人情報ファイル名",
            ),
            (
                "基本情報.個人番号の利用.法令上の根拠",
                "Ⅰ．４．個人番号の利用　法令上の根拠",
            ),
            (
                "基本情報.情報連携.法令上の根拠",
                "Ⅰ．５．情報提供ネットワークシステムによる情報連携　②法令上の根拠",
            ),
            ("基本情報.情報連携.実施の有無", "Ⅰ．５．①実施の有無"),
            (
                "ファイルの概要.入手・使用.情報の突合",
                "Ⅱ．３．⑤使用方法　情報の突合",
            ),
            ("ファイルの概要.委託.委託の有無", "Ⅱ．４．委託の有無"),
            ("ファイルの概要.委託.委託事項[2]", "Ⅱ．４．委託事項２"),
            ("ファイルの概要.委託.委託事項[2].名称", "Ⅱ．４．委託事項２"),
            (
                "ファイルの概要.委託.委託事項[2].再委託の有無",
                "Ⅱ．４．委託事項２．④再委託の有無",
            ),
            (
                "ファイルの概要.提供・移転.提供・移転の有無",
                "Ⅱ．５．提供・移転の有無",
            ),
            (
                "ファイルの概要.提供・移転.提供先[2].法令上の根拠",
                "Ⅱ．５．提供先２．①法令上の根拠",
            ),
            (
                "ファイルの概要.提供・移転.移転先[1].移転方法",
                "Ⅱ．５．移転先１．⑥移転方法",
            ),
            ("ファイルの概要.保管・消去.保管場所", "Ⅱ．６．保管場所"),
            (
                "ファイルの概要.記録項目",
                "Ⅱ（別添１）特定個人情報ファイル記録項目",
            ),
            (
                "リスク対策.入手.目的外の入手.措置の内容",
                "Ⅲ．２．リスク：目的外の入手が行われるリスク　リスクに対する措置の内容",
            ),
            (
                "リスク対策.その他のリスク対策",
                "Ⅲ．１０．その他のリスク対策",
            ),
            (
                "リスク対策.教育・啓発.具体的な方法",
                "Ⅲ．９．従業者に対する教育・啓発　具体的な方法",
            ),
            (
                "評価実施手続.基礎項目評価.実施日",
                "Ⅴ．１．基礎項目評価　①実施日",
            ),
            (
                "評価実施手続.基礎項目評価.しきい値判断結果",
                "Ⅴ．１．②しきい値判断結果",
            ),
            (
                "評価実施手続.意見聴取.方法",
                "Ⅴ．２．国民・住民等からの意見の聴取　①方法",
            ),
            (
                "評価実施手続.第三者点検.実施日",
                "Ⅴ．３．第三者点検　①実施日",
            ),
            ("評価実施手続.第三者点検.結果", "Ⅴ．３．③結果"),
        ];
        for (path, want) in cases {
            assert_eq!(label(path), want, "{path}");
        }
    }

    /// Every label of 様式３ that names its section: the list docs/change-table.md shows.
    #[test]
    fn the_items_that_name_their_section() {
        let mut named = Vec::new();
        crate::form::walk(&EDITION, |items| {
            let mut steps: Vec<Step> = items
                .iter()
                .map(|&item| Step { item, index: None })
                .collect();
            if let Some(group) = steps
                .iter()
                .position(|s| matches!(s.item.kind, Kind::Group(_)))
            {
                steps[group].index = Some(1);
            }
            if names_its_section(&steps) {
                named.push(full_label(&steps));
            }
        });
        assert_eq!(
            named,
            [
                "Ⅰ．４．個人番号の利用　法令上の根拠",
                "Ⅰ．５．情報提供ネットワークシステムによる情報連携　②法令上の根拠",
                "Ⅲ．９．従業者に対する教育・啓発　具体的な方法",
                "Ⅴ．１．基礎項目評価　①実施日",
                "Ⅴ．２．国民・住民等からの意見の聴取　①方法",
                "Ⅴ．３．第三者点検　①実施日",
                "Ⅴ．３．第三者点検　②方法",
            ]
        );
    }

    #[test]
    fn key_paths_round_trip() {
        let path = "ファイルの概要.委託.委託事項[2].再委託の有無";
        assert_eq!(key_path(&resolve(&EDITION, path).unwrap()), path);
        assert!(resolve(&EDITION, "ファイルの概要.無い").is_none());
    }
}

//! A checkbox set in the change table: only the boxes that changed, as officers write them.
//!
//! Published change tables list the box that changed, not the whole set:
//! `〔〇〕提供を行っている（３件）` → `〔〇〕提供を行っている（５件）`. A box is changed when it was
//! ticked or unticked, or when its text or count changed; boxes ticked on both sides with the
//! same text are left out. Each side lists, one per line and in the form's order, the changed
//! boxes ticked on that side. A side that would be empty while the other is not (a box
//! unticked and nothing else ticked, or the reverse) lists the changed boxes unticked,
//! `〔　〕その他`, so the cell never reads as if the item had been blanked.

use crate::form::CheckOption;
use crate::form::label::fullwidth;
use crate::load::document::Tick;

/// A ticked box as the change table prints it: `〔〇〕ラベル`, `〔〇〕その他（text）`, `〔〇〕…（ｎ件）`.
pub fn ticked(options: &[CheckOption], tick: &Tick) -> String {
    let label = options
        .get(tick.option)
        .map(|o| o.label)
        .unwrap_or_default();
    match (&tick.text, tick.count) {
        (Some(text), _) => format!("〔〇〕{label}（{text}）"),
        (None, Some(n)) => format!("〔〇〕{label}（{}件）", fullwidth(n as usize)),
        _ => format!("〔〇〕{label}"),
    }
}

/// An unticked box: `〔　〕ラベル`.
fn unticked(options: &[CheckOption], option: usize) -> String {
    let label = options.get(option).map(|o| o.label).unwrap_or_default();
    format!("〔　〕{label}")
}

/// Every ticked box, one per line: the whole value of a set.
pub fn whole(options: &[CheckOption], ticks: &[Tick]) -> String {
    ticks
        .iter()
        .map(|t| ticked(options, t))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The 変更前 and 変更後 cells of a changed set: the changed boxes only. `None` for a side that
/// does not exist (the block was added or removed), which prints as an empty cell.
pub fn changed(
    options: &[CheckOption],
    old: Option<&[Tick]>,
    new: Option<&[Tick]>,
) -> (String, String) {
    fn find(ticks: Option<&[Tick]>, option: usize) -> Option<&Tick> {
        ticks?.iter().find(|t| t.option == option)
    }
    let mut changed: Vec<(usize, Option<&Tick>, Option<&Tick>)> = Vec::new();
    for option in 0..options.len() {
        let (o, n) = (find(old, option), find(new, option));
        let same = match (o, n) {
            (Some(o), Some(n)) => o.text == n.text && o.count == n.count,
            (None, None) => true,
            _ => false,
        };
        if !same {
            changed.push((option, o, n));
        }
    }
    // A side that does not exist has no ticks, so lists nothing.
    let mut before: Vec<String> = changed
        .iter()
        .filter_map(|(_, o, _)| o.map(|t| ticked(options, t)))
        .collect();
    let mut after: Vec<String> = changed
        .iter()
        .filter_map(|(_, _, n)| n.map(|t| ticked(options, t)))
        .collect();
    let as_unticked = || {
        changed
            .iter()
            .map(|(i, _, _)| unticked(options, *i))
            .collect()
    };
    if before.is_empty() && old.is_some() && !after.is_empty() {
        before = as_unticked();
    }
    if after.is_empty() && new.is_some() && !before.is_empty() {
        after = as_unticked();
    }
    (before.join("\n"), after.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::{Extra, form3_r06_10 as r06_10};

    fn options() -> &'static [CheckOption] {
        match r06_10::EDITION.items[2]
            .child("入手・使用")
            .and_then(|s| s.child("入手方法"))
            .map(|i| i.kind)
        {
            Some(crate::form::Kind::Checks(options)) => options,
            other => panic!("{other:?}"),
        }
    }

    fn tick(options: &[CheckOption], label: &str, text: Option<&str>) -> Tick {
        let option = options.iter().position(|o| o.label == label).unwrap();
        assert_eq!(text.is_some(), options[option].extra == Extra::Text);
        Tick {
            option,
            text: text.map(str::to_string),
            count: None,
        }
    }

    #[test]
    fn only_the_box_whose_text_changed_is_shown() {
        let o = options();
        let old = [
            tick(o, "紙", None),
            tick(o, "その他", Some("ＶＲＳ（電子交付機能を含む。）")),
        ];
        let new = [tick(o, "紙", None), tick(o, "その他", Some("ＶＲＳ"))];
        assert_eq!(
            changed(o, Some(&old), Some(&new)),
            (
                "〔〇〕その他（ＶＲＳ（電子交付機能を含む。））".to_string(),
                "〔〇〕その他（ＶＲＳ）".to_string()
            )
        );
    }

    #[test]
    fn a_box_moved_shows_on_each_side_once() {
        let o = options();
        let old = [tick(o, "紙", None), tick(o, "その他", Some("ＶＲＳ"))];
        let new = [
            tick(o, "紙", None),
            tick(o, "情報提供ネットワークシステム", None),
        ];
        assert_eq!(
            changed(o, Some(&old), Some(&new)),
            (
                "〔〇〕その他（ＶＲＳ）".to_string(),
                "〔〇〕情報提供ネットワークシステム".to_string()
            )
        );
    }

    #[test]
    fn an_unticked_box_reads_as_one() {
        let o = options();
        let old = [tick(o, "紙", None), tick(o, "電子メール", None)];
        let new = [tick(o, "紙", None)];
        assert_eq!(
            changed(o, Some(&old), Some(&new)),
            (
                "〔〇〕電子メール".to_string(),
                "〔　〕電子メール".to_string()
            )
        );
        assert_eq!(
            changed(o, Some(&new), Some(&old)),
            (
                "〔　〕電子メール".to_string(),
                "〔〇〕電子メール".to_string()
            )
        );
    }

    #[test]
    fn a_new_block_shows_every_box_after_and_nothing_before() {
        let o = options();
        let new = [tick(o, "紙", None), tick(o, "専用線", None)];
        assert_eq!(
            changed(o, None, Some(&new)),
            (String::new(), "〔〇〕紙\n〔〇〕専用線".to_string())
        );
        assert_eq!(whole(o, &new), "〔〇〕紙\n〔〇〕専用線");
    }
}

//! Unit tests of the diff on pairs of small documents: texts, choices, checkboxes, blocks
//! added, removed and reordered, ※ and non-※ items.

use std::path::PathBuf;

use super::{Change, diff};
use crate::load::{self, Document, Limits};

const MINIMAL: &str = include_str!("../../tests/suite/validate/valid-minimal.yaml");

fn doc(text: &str) -> Document {
    let (report, document) =
        load::document_from_bytes(PathBuf::from("t.yaml"), text.as_bytes(), &Limits::default());
    assert!(!report.has_errors(), "{:?}", report.diagnostics);
    document.unwrap()
}

fn changes(old: &str, new: &str) -> Vec<Change> {
    diff(&doc(old), &doc(new))
}

fn edit(base: &str, from: &str, to: &str) -> String {
    assert!(base.contains(from), "no {from:?}");
    base.replacen(from, to, 1)
}

fn labels(changes: &[Change]) -> Vec<&str> {
    changes.iter().map(|c| c.label.as_str()).collect()
}

/// The minimal document with three systems, each with an id.
fn three_systems(order: [&str; 3]) -> String {
    systems(&order)
}

/// The minimal document with these systems, each with an id.
fn systems(order: &[&str]) -> String {
    let block = |id: &str| {
        format!(
            "    - id: {id}\n      システムの名称: システム{id}\n      システムの機能: 機能{id}\n"
        )
    };
    let blocks: String = order.iter().map(|id| block(id)).collect();
    edit(
        MINIMAL,
        "    - id: main\n      システムの名称: 検証システム\n      システムの機能: 検証を行う。\n      他のシステムとの接続: {庁内連携システム: true}\n",
        &blocks,
    )
}

#[test]
fn a_document_against_itself_has_no_changes() {
    assert!(changes(MINIMAL, MINIMAL).is_empty());
}

#[test]
fn changed_text_keeps_its_line_breaks() {
    let c = changes(
        MINIMAL,
        &edit(
            MINIMAL,
            "      二行目。",
            "      二行目を変更。\n      三行目。",
        ),
    );
    assert_eq!(labels(&c), ["Ⅰ．１．②事務の内容"]);
    assert_eq!(c[0].before, "検証のための事務。\n二行目。");
    assert_eq!(c[0].after, "検証のための事務。\n二行目を変更。\n三行目。");
    assert!(!c[0].important);
    assert_eq!(c[0].proposed_timing(), "事後");
}

#[test]
fn changed_choice_of_a_marked_item_is_important() {
    let c = changes(
        MINIMAL,
        &edit(
            MINIMAL,
            "ファイルの種類: システム用ファイル",
            "ファイルの種類: その他の電子ファイル（表計算ファイル等）",
        ),
    );
    assert_eq!(labels(&c), ["Ⅱ．２．①ファイルの種類"]);
    assert_eq!(
        (c[0].before.as_str(), c[0].after.as_str()),
        (
            "システム用ファイル",
            "その他の電子ファイル（表計算ファイル等）"
        )
    );
    assert!(c[0].important);
    assert_eq!(c[0].proposed_timing(), "事前");
}

#[test]
fn checkbox_rows_show_the_boxes_that_changed_as_in_the_reference_table() {
    let new = edit(
        MINIMAL,
        "入手方法: {紙: true}",
        "入手方法: {紙: true, 専用線: true, その他: ＶＲＳ}",
    );
    let c = changes(MINIMAL, &new);
    assert_eq!(labels(&c), ["Ⅱ．３．②入手方法"]);
    // 紙 is ticked on both sides: left out of the row, kept in the whole value.
    assert_eq!(c[0].before, "〔　〕専用線\n〔　〕その他");
    assert_eq!(c[0].after, "〔〇〕専用線\n〔〇〕その他（ＶＲＳ）");
    assert_eq!(c[0].whole_before, "〔〇〕紙");
    assert_eq!(
        c[0].whole_after,
        "〔〇〕紙\n〔〇〕専用線\n〔〇〕その他（ＶＲＳ）"
    );
    let text = changes(&new, &edit(&new, "その他: ＶＲＳ", "その他: ＶＲＳ（新）"));
    assert_eq!(
        (text[0].before.as_str(), text[0].after.as_str()),
        ("〔〇〕その他（ＶＲＳ）", "〔〇〕その他（ＶＲＳ（新））")
    );
    let unticked = changes(
        MINIMAL,
        &edit(
            MINIMAL,
            "接続しない: {接続しない（入手）: true, 接続しない（提供）: true}",
            "接続しない: {接続しない（入手）: true}",
        ),
    );
    assert_eq!(labels(&unticked), ["Ⅲ．６．接続しない"]);
    assert_eq!(unticked[0].before, "〔〇〕接続しない（提供）");
    assert_eq!(unticked[0].after, "〔　〕接続しない（提供）");
}

#[test]
fn reordering_blocks_with_ids_gives_no_rows() {
    assert!(
        changes(
            &three_systems(["a", "b", "c"]),
            &three_systems(["c", "a", "b"])
        )
        .is_empty()
    );
}

#[test]
fn an_added_block_has_empty_before_and_its_new_number() {
    let c = changes(
        &three_systems(["a", "b", "c"]),
        &three_systems(["a", "x", "b"]),
    );
    // x is added as システム２, c is removed (it was システム３).
    let added: Vec<&Change> = c.iter().filter(|c| c.before.is_empty()).collect();
    let removed: Vec<&Change> = c.iter().filter(|c| c.after.is_empty()).collect();
    assert_eq!(
        labels(&added.iter().map(|c| (*c).clone()).collect::<Vec<_>>()),
        [
            "Ⅰ．２．システム２．①システムの名称",
            "Ⅰ．２．システム２．②システムの機能"
        ]
    );
    assert_eq!(removed.len(), 2);
    assert!(
        removed
            .iter()
            .all(|c| c.label.starts_with("Ⅰ．２．システム３．"))
    );
    assert_eq!(removed[0].before, "システムc");
}

#[test]
fn blocks_without_ids_are_matched_by_name_then_position() {
    let strip = |t: String| {
        t.replace("    - id: a\n      ", "    - ")
            .replace("    - id: b\n      ", "    - ")
            .replace("    - id: c\n      ", "    - ")
            .replace("    - id: x\n      ", "    - ")
    };
    // Reordered: the same systems by name, so nothing changed.
    assert!(
        changes(
            &strip(three_systems(["a", "b", "c"])),
            &strip(three_systems(["b", "a", "c"])),
        )
        .is_empty()
    );
    // One inserted at the top: one added block, not every block changed.
    let c = changes(
        &strip(systems(&["a", "b", "c"])),
        &strip(systems(&["x", "a", "b", "c"])),
    );
    assert_eq!(
        labels(&c),
        [
            "Ⅰ．２．システム１．①システムの名称",
            "Ⅰ．２．システム１．②システムの機能",
        ]
    );
    assert_eq!(
        (c[0].before.as_str(), c[0].after.as_str()),
        ("", "システムx")
    );
    // A renamed system has no partner by name: it keeps its place.
    let old = strip(three_systems(["a", "b", "c"]));
    let c = changes(&old, &edit(&old, "システムb", "システムβ"));
    assert_eq!(labels(&c), ["Ⅰ．２．システム２．①システムの名称"]);
}

#[test]
fn a_group_title_is_labelled_by_its_block() {
    let entrust = include_str!("../../tests/suite/validate/valid-entrust.yaml");
    let c = changes(
        entrust,
        &edit(
            entrust,
            "名称: システム保守業務",
            "名称: システム運用保守業務",
        ),
    );
    assert_eq!(labels(&c), ["Ⅱ．４．委託事項１"]);
    let c = changes(
        entrust,
        &edit(
            entrust,
            "再委託の有無: 再委託しない",
            "再委託の有無: 再委託する\n        再委託の許諾方法: 書面\n        再委託事項: 保守",
        ),
    );
    assert_eq!(
        labels(&c),
        [
            "Ⅱ．４．委託事項１．④再委託の有無",
            "Ⅱ．４．委託事項１．⑤再委託の許諾方法",
            "Ⅱ．４．委託事項１．⑥再委託事項"
        ]
    );
    assert_eq!(
        c.iter().map(|c| c.important).collect::<Vec<_>>(),
        [true, false, false]
    );
}

#[test]
fn counts_and_flags_print_as_on_the_form() {
    let entrust = include_str!("../../tests/suite/validate/valid-entrust.yaml");
    let c = changes(entrust, &edit(entrust, "件数: 1", "件数: 2"));
    assert_eq!(
        (c[0].label.as_str(), c[0].after.as_str()),
        ("Ⅱ．４．委託件数", "（ 2 ）件")
    );
    let c = changes(
        MINIMAL,
        &edit(MINIMAL, "    委託しない: true", "    委託しない: false"),
    );
    assert_eq!(
        (
            c[0].label.as_str(),
            c[0].before.as_str(),
            c[0].after.as_str()
        ),
        ("Ⅲ．４．委託しない", "〔〇〕委託しない", "")
    );
    assert!(c[0].important, "all of Ⅲ is ※");
}

#[test]
fn the_publication_date_is_not_a_change_of_content() {
    assert!(
        changes(
            MINIMAL,
            &edit(MINIMAL, "公表日: 令和7年3月4日", "公表日: 令和7年4月1日")
        )
        .is_empty()
    );
}

#[test]
fn accident_item_of_iii_7_is_not_important() {
    let old = edit(
        MINIMAL,
        "      重大事故: 発生なし\n",
        "      重大事故: 発生あり\n      その内容: 紛失\n      再発防止策の内容: 管理簿\n",
    );
    let c = changes(&old, &edit(&old, "その内容: 紛失", "その内容: 書類の紛失"));
    assert_eq!(c.len(), 1);
    assert!(!c[0].important, "Ⅲ７② is outside the ※ of Ⅲ");
}

//! Unit tests of the validator: for each rule an input that trips it and one that passes,
//! at the rule's boundary where it has one. Inputs are the corpus's minimal assessment with
//! one edit (see `tests/suite/validate/`).

use std::path::PathBuf;

use crate::load::{self, Limits};

const MINIMAL: &str = include_str!("../../tests/suite/validate/valid-minimal.yaml");
const ENTRUST: &str = include_str!("../../tests/suite/validate/valid-entrust.yaml");

/// The codes of every diagnostic for a document text.
fn codes(text: &str) -> Vec<&'static str> {
    let (mut report, document) =
        load::document_from_bytes(PathBuf::from("t.yaml"), text.as_bytes(), &Limits::default());
    if let Some(document) = &document {
        super::check_document(document, &mut report.diagnostics);
        super::document_rules(document, None, &mut report.diagnostics);
    }
    report.diagnostics.iter().map(|d| d.code.id).collect()
}

fn edit(base: &str, from: &str, to: &str) -> String {
    assert!(base.contains(from), "the base has no {from:?}");
    base.replacen(from, to, 1)
}

const THRESHOLD_BASIC: &str =
    "しきい値判断結果: 基礎項目評価の実施が義務付けられる（任意に重点項目評価を実施）";

#[test]
fn the_bases_are_clean() {
    assert_eq!(codes(MINIMAL), Vec::<&str>::new());
    assert_eq!(codes(ENTRUST), Vec::<&str>::new());
}

#[test]
fn yearly_review_boundary() {
    let one_year = edit(MINIMAL, "実施日: 令和7年1月24日", "実施日: 令和6年3月4日");
    assert_eq!(codes(&one_year), Vec::<&str>::new());
    let a_day_more = edit(MINIMAL, "実施日: 令和7年1月24日", "実施日: 令和6年3月3日");
    assert_eq!(codes(&a_day_more), ["W0403"]);
}

#[test]
fn five_year_boundary() {
    let five_years = edit(MINIMAL, "実施日: 令和7年1月24日", "実施日: 令和2年3月4日");
    assert_eq!(codes(&five_years), ["W0403"]);
    let a_day_more = edit(MINIMAL, "実施日: 令和7年1月24日", "実施日: 令和2年3月3日");
    assert_eq!(codes(&a_day_more), ["W0404"]);
}

#[test]
fn publication_on_the_assessment_day_is_fine_the_day_before_is_not() {
    let same_day = edit(MINIMAL, "実施日: 令和7年1月24日", "実施日: 令和7年3月4日");
    assert_eq!(codes(&same_day), Vec::<&str>::new());
    let later = edit(MINIMAL, "実施日: 令和7年1月24日", "実施日: 令和7年3月5日");
    assert_eq!(codes(&later), ["E0402"]);
}

#[test]
fn threshold_follows_the_number_of_people() {
    let results = [
        "特定個人情報保護評価の実施が義務付けられない（任意に重点項目評価を実施）",
        "基礎項目評価の実施が義務付けられる（任意に重点項目評価を実施）",
        "基礎項目評価及び重点項目評価の実施が義務付けられる",
    ];
    // (対象人数, the result that fits with few handlers and no accident)
    let cases = [
        ("1,000人未満", 0),
        ("1,000人以上1万人未満", 1),
        ("1万人以上10万人未満", 1),
        ("10万人以上30万人未満", 2),
    ];
    for (people, right) in cases {
        for (i, result) in results.iter().enumerate() {
            let text = edit(
                MINIMAL,
                "対象人数: 1万人以上10万人未満",
                &format!("対象人数: {people}"),
            );
            let text = edit(
                &text,
                THRESHOLD_BASIC,
                &format!("しきい値判断結果: {result}"),
            );
            let want: &[&str] = if i == right { &[] } else { &["E0401"] };
            assert_eq!(codes(&text), want, "{people} / {result}");
        }
    }
}

#[test]
fn five_hundred_handlers_make_a_key_item_assessment_the_wrong_form() {
    let text = edit(
        MINIMAL,
        "対象人数: 1万人以上10万人未満",
        "対象人数: 10万人以上30万人未満",
    );
    let text = edit(
        &text,
        THRESHOLD_BASIC,
        "しきい値判断結果: 基礎項目評価及び重点項目評価の実施が義務付けられる",
    );
    assert_eq!(codes(&text), Vec::<&str>::new());
    let many = edit(
        &text,
        "使用者数: 10人未満",
        "使用者数: 500人以上1,000人未満",
    );
    assert_eq!(codes(&many), ["E0401"]);
}

#[test]
fn entrust_count_must_match_the_blocks() {
    assert_eq!(codes(&edit(ENTRUST, "件数: 1", "件数: 2")), ["E0303"]);
    assert_eq!(codes(&edit(ENTRUST, "件数: 1", "件数: 0")), ["E0303"]);
}

#[test]
fn subcontracting_needs_its_details_and_only_then() {
    let sub = edit(
        ENTRUST,
        "再委託の有無: 再委託しない",
        "再委託の有無: 再委託する\n        再委託の許諾方法: 書面による承認\n        再委託事項: 保守の一部",
    );
    let sub = edit(
        &sub,
        "再委託先による担保: 再委託していない",
        "再委託先による担保: 十分に行っている\n      具体的な方法: 契約で担保する",
    );
    assert_eq!(codes(&sub), Vec::<&str>::new());
    let without = edit(&sub, "        再委託の許諾方法: 書面による承認\n", "");
    assert_eq!(codes(&without), ["E0301"]);
    let care_without_how = edit(&sub, "      具体的な方法: 契約で担保する\n", "");
    assert_eq!(codes(&care_without_how), ["E0301"]);
}

#[test]
fn a_risk_block_is_skipped_only_when_its_box_is_ticked() {
    // Ⅲ４ 委託しない ticked: the block must stay empty.
    let filled = edit(
        MINIMAL,
        "    委託しない: true",
        "    委託しない: true\n    委託先における不正な使用等:\n      十分か: 十分である",
    );
    assert_eq!(codes(&filled), ["E0302"]);
    // Ⅲ５ unticked while Ⅱ５ says 行っていない: the block is required and the boxes disagree.
    let unticked = edit(
        MINIMAL,
        "    提供・移転しない: true",
        "    提供・移転しない: false",
    );
    assert_eq!(codes(&unticked), ["E0301", "W0406"]);
}

#[test]
fn a_block_with_only_its_id_does_not_fill_a_group_against_its_condition() {
    // Ⅱ５ says 行っていない, so 提供先 must stay empty; an id alone (the skeleton's block) is empty.
    let id_only = edit(
        MINIMAL,
        "    提供・移転の有無: {行っていない: true}",
        "    提供・移転の有無: {行っていない: true}\n    提供先:\n      - id: 提供先1\n        名称:",
    );
    assert_eq!(codes(&id_only), Vec::<&str>::new());
    let named = edit(&id_only, "        名称:", "        名称: 県");
    assert_eq!(codes(&named), ["E0302"]);
}

#[test]
fn user_authentication_needs_its_method() {
    let text = edit(
        MINIMAL,
        "      具体的な管理方法: IDとパスワードで認証する。\n",
        "",
    );
    assert_eq!(codes(&text), ["E0301"]);
    let not_done = edit(
        &text,
        "ユーザ認証の管理: 行っている",
        "ユーザ認証の管理: 行っていない",
    );
    assert_eq!(codes(&not_done), Vec::<&str>::new());
}

#[test]
fn an_accident_needs_its_content_and_prevention() {
    let text = edit(MINIMAL, "重大事故: 発生なし", "重大事故: 発生あり");
    assert_eq!(codes(&text), ["E0301", "E0301"]);
    let described = edit(
        &text,
        "重大事故: 発生あり",
        "重大事故: 発生あり\n      その内容: 書類の紛失\n      再発防止策の内容: 管理簿の導入",
    );
    assert_eq!(codes(&described), Vec::<&str>::new());
}

#[test]
fn linkage_needs_its_legal_basis_and_risk_blocks() {
    let text = edit(MINIMAL, "実施の有無: 実施しない", "実施の有無: 実施する");
    assert_eq!(codes(&text), ["E0301", "W0407"]);
    let text = edit(
        &text,
        "実施の有無: 実施する",
        "実施の有無: 実施する\n    法令上の根拠: 番号法第19条第８号",
    );
    let text = edit(
        &text,
        "    接続しない: {接続しない（入手）: true, 接続しない（提供）: true}\n",
        "    目的外の入手:\n      措置の内容: 照会を限定する。\n      十分か: 十分である\n    不正な提供:\n      措置の内容: 提供を限定する。\n      十分か: 十分である\n",
    );
    assert_eq!(codes(&text), Vec::<&str>::new());
}

#[test]
fn other_needs_its_text() {
    assert_eq!(
        codes(&edit(MINIMAL, "その他: 検証番号", "その他: \"\"")),
        ["E0207"]
    );
    assert_eq!(
        codes(&edit(MINIMAL, "その他: 検証番号", "その他: false")),
        Vec::<&str>::new()
    );
}

#[test]
fn transfer_counts_and_blocks() {
    let block = "    提供先:\n      - 名称: 検証県知事\n        法令上の根拠: 番号法\n        提供先における用途: 検証\n        提供する情報: 検証情報\n        本人の数: 1万人未満\n        本人の範囲: 同じ\n        提供方法: {紙: true}\n        時期・頻度: 随時\n";
    let text = edit(
        MINIMAL,
        "    提供・移転の有無: {行っていない: true}\n",
        &format!("    提供・移転の有無: {{提供を行っている: 1}}\n{block}"),
    );
    let text = edit(
        &text,
        "    提供・移転しない: true",
        "    提供・移転しない: false\n    不正な提供・移転:\n      ルール: 定めている\n      ルールの内容: 規程による。\n      十分か: 十分である",
    );
    assert_eq!(codes(&text), Vec::<&str>::new());
    assert_eq!(
        codes(&edit(&text, "提供を行っている: 1", "提供を行っている: 2")),
        ["W0304"]
    );
    assert_eq!(
        codes(&edit(
            &text,
            "{提供を行っている: 1}",
            "{行っていない: true}"
        )),
        ["E0302", "W0406"]
    );
}

#[test]
fn threshold_advice_comes_from_the_table_with_its_marks() {
    let help = |text: &str| {
        let (_, document) =
            load::document_from_bytes(PathBuf::from("t.yaml"), text.as_bytes(), &Limits::default());
        let mut found = Vec::new();
        super::rules::document_rules(&document.expect("a document"), None, &mut found);
        found
            .iter()
            .map(|d| (d.code.id, d.help(crate::diag::Lang::Ja)))
            .collect::<Vec<_>>()
    };
    // 1万人以上10万人未満 with 500 handlers: 基礎+重点, a cell rules.md marks [B].
    let many = edit(
        MINIMAL,
        "使用者数: 10人未満",
        "使用者数: 500人以上1,000人未満",
    );
    let found = help(&many);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0, "E0401");
    assert!(
        found[0]
            .1
            .contains("「基礎項目評価及び重点項目評価の実施が義務付けられる」")
    );
    assert!(found[0].1.contains("[B]"), "{}", found[0].1);
    // 10万人以上30万人未満 with few handlers and no accident: [S], no mark.
    let text = edit(
        MINIMAL,
        "対象人数: 1万人以上10万人未満",
        "対象人数: 10万人以上30万人未満",
    );
    let found = help(&text);
    assert_eq!(found[0].0, "E0401");
    assert!(!found[0].1.contains("[B]"), "{}", found[0].1);
}

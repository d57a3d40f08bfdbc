//! 特定個人情報保護評価書（基礎項目評価書）, 様式２ of 令和６年10月: the whole form as one table.
//!
//! No copy of this edition is available to the project. The table follows the reconstructed
//! inventory `form2-fields.md`, and every label carries its provenance: [3] printed alike in the
//! reference's 様式３ (the label is then taken from [`super::words`], never typed again), [P]
//! seen in published 基礎項目評価書 of older editions, [R] reconstructed and to be checked
//! against the commission's template (`docs/form2-labels.md` lists them). Correcting a label
//! is a change of its one string here.
//!
//! `shared` says where a 基礎項目評価書 published together with a 重点項目評価書 takes each
//! fact the two documents share, so that it is written once (in the 重点項目評価書).

use super::Provenance::{Published, Reconstructed};
use super::choices::*;
use super::form3_r06_10::{AUDITS, NO_LINK};
use super::table::*;
use super::words::*;
use super::{Cond, Edition, Form, Item, Kind, Num, Shared};

/// 様式２, 令和６年10月 edition.
pub static EDITION: Edition = Edition {
    key: "form2-r06-10",
    id: "令和6年10月 様式2",
    form: Form::Basic,
    title: "特定個人情報保護評価書（基礎項目評価書）",
    tag: "[令和６年10月　様式２]",
    toc: false,
    changes_num: Num::None,
    provenance: Reconstructed,
    items: &[COVER, RELATED, THRESHOLD_ITEMS, THRESHOLD_RESULT, RISK],
};

// ----- small constructors, so that the table below reads like the form -----

/// An item whose label is known from older published editions ([P]); `.printed()` and
/// `.reconstructed()` say otherwise.
const fn item(key: &'static str, label: &'static str, num: Num, kind: Kind) -> Item {
    Item {
        provenance: Published,
        ..Item::new(key, label, num, kind)
    }
}
const fn section(key: &'static str, label: &'static str, num: Num, items: &'static [Item]) -> Item {
    item(key, label, num, Kind::Section(items))
}

/// Ⅳ２–１１ are answered only when the 基礎項目評価書 is submitted alone (Ⅳ１ = 1）): with a
/// 重点項目評価書 or 全項目評価書, that document holds the risk measures.
const ALONE: Cond = Cond::Is("評価書の種類", "基礎項目評価書");

/// A question of Ⅳ: `…リスクへの対策は十分か`, answered from the 様式３ list.
const fn enough(key: &'static str, label: &'static str) -> Item {
    item(key, label, N, choice(&ENOUGH)).reconstructed()
}

const fn flag(label: &'static str) -> Item {
    item(label, label, N, Kind::Flag).optional()
}

// ----- 表紙 -----

const COVER: Item = section(
    "表紙",
    "表紙",
    N,
    items![
        item("評価書番号", COVER_NUMBER, N, TEXT).shared_from("表紙.評価書番号"),
        // Each document has its own name: `…　基礎項目評価書` / `…　重点項目評価書`.
        item("評価書名", COVER_NAME, N, TEXT),
        item("宣言", DECLARATION, N, LINES).shared_from("表紙.宣言"),
        item("特記事項", REMARKS, N, LINES).optional(),
        item("評価実施機関名", ORGANISATION, N, TEXT).shared_from("表紙.評価実施機関名"),
        // Published together, on one day.
        item("公表日", PUBLISHED, N, DATE).shared_from("表紙.公表日"),
    ],
);

// ----- Ⅰ　関連情報 -----

const RELATED: Item = section(
    "関連情報",
    "関連情報",
    Num::Roman(1),
    items![
        section(
            "事務",
            WORK,
            s(1),
            items![
                item("事務の名称", WORK_NAME, c(1), TEXT).shared_from("基本情報.事務.事務の名称"),
                // 概要 here, 内容 in 様式３.
                item("事務の概要", "事務の概要", c(2), LINES)
                    .shared_from("基本情報.事務.事務の内容"),
                // 様式３ Ⅰ２ has a block per system; 様式２ prints their names.
                item("システムの名称", SYSTEM_NAME, c(3), LINES)
                    .shared(Shared::Names("基本情報.システム", "システムの名称")),
            ],
        ),
        item("特定個人情報ファイル名", FILE_NAME, s(2), TEXT)
            .shared_from("基本情報.特定個人情報ファイル名"),
        // Older editions print no ※ here; 様式３ marks its Ⅰ４.
        section(
            "個人番号の利用",
            NUMBER_USE,
            s(3),
            items![
                item("法令上の根拠", LEGAL_BASIS, N, LINES)
                    .under(NUMBER_USE)
                    .shared_from("基本情報.個人番号の利用.法令上の根拠")
            ],
        ),
        section(
            "情報連携",
            INFORMATION_LINKAGE,
            s(4),
            items![
                item("実施の有無", CARRIED_OUT, c(1), choice(&LINKAGE))
                    .shared_from("基本情報.情報連携.実施の有無"),
                item("法令上の根拠", LEGAL_BASIS, c(2), LINES)
                    .when(Cond::Is("実施の有無", "実施する"))
                    .shared_from("基本情報.情報連携.法令上の根拠"),
            ],
        ),
        section(
            "担当部署",
            DEPARTMENT,
            s(5),
            items![
                item("部署", SECTION, c(1), TEXT).shared_from("基本情報.担当部署.部署"),
                // Older editions print `②所属長`; this edition's wording is 様式３'s.
                item("所属長の役職名", HEAD, c(2), TEXT)
                    .reconstructed()
                    .shared_from("基本情報.担当部署.所属長の役職名"),
            ],
        ),
        item("他の評価実施機関", OTHER_BODIES, s(6), LINES)
            .optional()
            .shared_from("基本情報.他の評価実施機関"),
        section(
            "開示請求",
            DISCLOSURE,
            s(7),
            items![
                item("請求先", REQUEST_TO, N, LINES)
                    .shared_from("開示請求・問合せ.開示請求.請求先")
            ],
        ),
        section(
            "問合せ",
            ENQUIRY,
            s(8),
            items![item("連絡先", CONTACT, N, LINES).shared_from("開示請求・問合せ.問合せ.連絡先")],
        ),
        section(
            "規則第９条第２項の適用",
            "規則第９条第２項の適用",
            s(9),
            items![
                flag("適用した").reconstructed(),
                item("適用した理由", "適用した理由", N, LINES)
                    .reconstructed()
                    .when(Cond::FlagOn("適用した")),
            ],
        )
        .reconstructed()
        // Not applied: the box is left unticked, which may be written or left out.
        .optional(),
    ],
);

// ----- Ⅱ　しきい値判断項目 -----

// Each answer is labelled by its heading (`Ⅱ．２．取扱者数` in a change table) and printed with
// the form's question; the date of the count follows under it.
const COUNTED_AT: &str = "いつ時点の計数か";

const THRESHOLD_ITEMS: Item = section(
    "しきい値判断項目",
    "しきい値判断項目",
    Num::Roman(2),
    items![
        item("対象人数", "対象人数", s(1), choice(&BASIC_TARGET_PEOPLE))
            .prompt("評価対象の事務の対象人数は何人か"),
        item("対象人数の計数時点", COUNTED_AT, N, DATE).under("１．対象人数"),
        item("取扱者数", "取扱者数", s(2), choice(&HANDLERS))
            .prompt("特定個人情報ファイル取扱者数は500人以上か")
            .reconstructed(),
        item("取扱者数の計数時点", COUNTED_AT, N, DATE)
            .under("２．取扱者数")
            .reconstructed(),
        item("重大事故", "重大事故", s(3), choice(&ACCIDENT))
            .prompt("過去１年以内に、評価実施機関において特定個人情報に関する重大事故が発生したか")
            .reconstructed(),
    ],
);

// ----- Ⅲ　しきい値判断結果 -----

const THRESHOLD_RESULT: Item = section(
    "しきい値判断結果",
    "しきい値判断結果",
    Num::Roman(3),
    items![
        item("結果", "しきい値判断結果", N, choice(&BASIC_THRESHOLD))
            .reconstructed()
            .reassessment()
    ],
)
.reconstructed();

// ----- Ⅳ　リスク対策 -----

const RISK: Item = section(
    "リスク対策",
    RISK_MEASURES,
    Num::Roman(4),
    items![
        item(
            "評価書の種類",
            "提出する特定個人情報保護評価書の種類",
            s(1),
            choice(&DOCUMENTS)
        )
        .noted("2）又は3）を選択した評価実施機関については、それぞれ重点項目評価書又は全項目評価書において、リスク対策の詳細が記載されている。")
        .reconstructed(),
        section(
            "入手",
            OBTAINING,
            s(2),
            items![enough("十分か", "目的外の入手が行われるリスクへの対策は十分か")],
        )
        .printed()
        .when(ALONE),
        section(
            "使用",
            USE,
            s(3),
            items![
                enough(
                    "紐付け",
                    "目的を超えた紐付け、事務に必要のない情報との紐付けが行われるリスクへの対策は十分か"
                ),
                enough(
                    "不正な使用",
                    "権限のない者（元職員、アクセス権限のない職員等）によって不正に使用されるリスクへの対策は十分か"
                ),
            ],
        )
        .printed()
        .when(ALONE),
        section(
            "委託",
            ENTRUSTING,
            s(4),
            items![
                flag(NO_ENTRUSTING).printed(),
                enough("十分か", "委託先における不正な使用等のリスクへの対策は十分か")
                    .when(Cond::FlagOff(NO_ENTRUSTING)),
            ],
        )
        .printed()
        .when(ALONE),
        section(
            "提供・移転",
            TRANSFERRING,
            s(5),
            items![
                flag(NO_TRANSFERRING).printed(),
                enough("十分か", "不正な提供・移転が行われるリスクへの対策は十分か")
                    .when(Cond::FlagOff(NO_TRANSFERRING)),
            ],
        )
        .printed()
        .when(ALONE),
        section(
            "情報提供ネットワークシステムとの接続",
            NETWORK,
            s(6),
            items![
                item("接続しない", "接続しない", N, Kind::Checks(NO_LINK))
                    .printed()
                    .optional(),
                enough("目的外の入手", "目的外の入手が行われるリスクへの対策は十分か")
                    .when(Cond::NotTicked("接続しない", "接続しない（入手）")),
                enough("不正な提供", "不正な提供が行われるリスクへの対策は十分か")
                    .when(Cond::NotTicked("接続しない", "接続しない（提供）")),
            ],
        )
        .printed()
        .when(ALONE),
        section(
            "保管・消去",
            KEEPING,
            s(7),
            items![enough(
                "十分か",
                "特定個人情報の漏えい・滅失・毀損リスクへの対策は十分か"
            )],
        )
        .printed()
        .when(ALONE),
        section(
            "人手を介在させる作業",
            "人手を介在させる作業",
            s(8),
            items![
                flag("人手を介在させる作業はない").reconstructed(),
                enough("十分か", "人為的ミスが発生するリスクへの対策は十分か")
                    .when(Cond::FlagOff("人手を介在させる作業はない")),
                item("判断の根拠", "判断の根拠", N, LINES)
                    .reconstructed()
                    .when(Cond::FlagOff("人手を介在させる作業はない")),
            ],
        )
        .reconstructed()
        .when(ALONE),
        section(
            "監査",
            AUDIT,
            s(9),
            items![
                item("実施の有無", CARRIED_OUT, N, Kind::Checks(AUDITS))
                    .printed()
                    .optional()
            ],
        )
        .printed()
        .when(ALONE),
        section(
            "教育・啓発",
            TRAINING,
            s(10),
            items![item("従業者に対する教育・啓発", TRAINING, N, choice(&DOING3)).printed()],
        )
        .printed()
        .when(ALONE),
        section(
            "最も優先度が高い対策",
            "最も優先度が高いと考えられる対策",
            s(11),
            items![
                flag("全項目評価又は重点項目評価を実施する").reconstructed(),
                item(
                    "対策",
                    "最も優先度が高いと考えられる対策",
                    N,
                    choice(&PRIORITY)
                )
                .reconstructed()
                .when(Cond::FlagOff("全項目評価又は重点項目評価を実施する")),
                enough("十分か", "当該対策は十分か【再掲】")
                    .when(Cond::FlagOff("全項目評価又は重点項目評価を実施する")),
                item("判断の根拠", "判断の根拠", N, LINES)
                    .reconstructed()
                    .when(Cond::FlagOff("全項目評価又は重点項目評価を実施する")),
            ],
        )
        .reconstructed()
        .when(ALONE),
    ],
)
.reconstructed();

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::Provenance::Printed;
    use crate::form::label::resolve;
    use crate::form::{form3_r06_10, walk};

    /// Every shared fact names an item of 様式３ of the same kind (and the same list), or a group
    /// whose blocks have a text of that key.
    #[test]
    fn shared_facts_come_from_items_of_the_key_form_that_fit() {
        let mut count = 0;
        walk(&EDITION, |path| {
            let item = path[path.len() - 1];
            match item.shared {
                Shared::No => {}
                Shared::From(from) => {
                    let steps = resolve(&form3_r06_10::EDITION, from)
                        .unwrap_or_else(|| panic!("{}: no 様式３ item {from}", item.key));
                    let source = steps[steps.len() - 1].item;
                    let fits = match (item.kind, source.kind) {
                        (Kind::Text, Kind::Text) | (Kind::Lines, Kind::Lines | Kind::Text) => true,
                        (Kind::Date { .. }, Kind::Date { .. }) => true,
                        (Kind::Choice(a), Kind::Choice(b)) => std::ptr::eq(a, b),
                        _ => false,
                    };
                    assert!(fits, "{}: {:?} from {:?}", item.key, item.kind, source.kind);
                    count += 1;
                }
                Shared::Names(group, key) => {
                    let steps = resolve(&form3_r06_10::EDITION, group).expect("group");
                    let group_item = steps[steps.len() - 1].item;
                    assert!(matches!(group_item.kind, Kind::Group(_)), "{group}");
                    assert!(group_item.child(key).is_some(), "{key}");
                    assert!(matches!(item.kind, Kind::Lines));
                    count += 1;
                }
            }
        });
        // The list of form2-fields.md: cover (4), Ⅰ１①–③, Ⅰ２, Ⅰ３, Ⅰ４①②, Ⅰ５①②, Ⅰ６, Ⅰ７, Ⅰ８.
        assert_eq!(count, 16);
    }

    /// A label tagged [3] is printed in 様式３: the same text is one of its labels.
    #[test]
    fn labels_tagged_printed_are_labels_of_the_key_form() {
        let mut printed = Vec::new();
        walk(&form3_r06_10::EDITION, |path| {
            printed.push(path[path.len() - 1].label)
        });
        walk(&EDITION, |path| {
            let item = path[path.len() - 1];
            if item.provenance == Printed {
                assert!(printed.contains(&item.label), "{}", item.label);
            }
        });
    }
}

//! 特定個人情報保護評価書（重点項目評価書）, 様式３ of 令和６年10月: the whole form as one table.
//!
//! Each entry is one printed item: YAML key, official label and number, ※ mark, value type and
//! condition. Labels are copied verbatim from the published form; the printed order is the
//! order of the entries. Keep this file a table: behaviour belongs elsewhere.

use super::choices::*;
use super::table::*;
use super::words::*;
use super::{CheckOption, Cond, Edition, Extra, Form, Group, Item, Kind, Mark, Num, Provenance};

/// 様式３, 令和６年10月 edition.
pub static EDITION: Edition = Edition {
    key: "form3-r06-10",
    id: "令和6年10月 様式3",
    form: Form::Key,
    title: "特定個人情報保護評価書（重点項目評価書）",
    tag: "[令和６年10月　様式３]",
    toc: true,
    changes_num: Num::Annex(2),
    provenance: Provenance::Printed,
    items: &[COVER, BASIC, FILE, RISK, DISCLOSURE_AND_ENQUIRY, PROCEDURE],
};

// ----- small constructors, so that the table below reads like the form -----

const fn item(key: &'static str, label: &'static str, num: Num, kind: Kind) -> Item {
    Item::new(key, label, num, kind)
}
const fn section(key: &'static str, label: &'static str, num: Num, items: &'static [Item]) -> Item {
    item(key, label, num, Kind::Section(items))
}

// ----- checkbox sets -----

const SYSTEM_LINKS: &[CheckOption] = &[
    opt("情報提供ネットワークシステム"),
    opt("庁内連携システム"),
    opt("住民基本台帳ネットワークシステム"),
    opt("既存住民基本台帳システム"),
    opt("宛名システム等"),
    opt("税務システム"),
    opt_text("その他"),
];
const MAIN_RECORDS: &[CheckOption] = &[
    headed("識別情報", opt("個人番号")),
    opt("個人番号対応符号"),
    opt("その他識別情報（内部番号）"),
    headed("連絡先等情報", opt("4情報（氏名、性別、生年月日、住所）")),
    opt("連絡先（電話番号等）"),
    opt("その他住民票関係情報"),
    headed("業務関係情報", opt("国税関係情報")),
    opt("地方税関係情報"),
    opt("健康・医療関係情報"),
    opt("医療保険関係情報"),
    opt("児童福祉・子育て関係情報"),
    opt("障害者福祉関係情報"),
    opt("生活保護・社会福祉関係情報"),
    opt("介護・高齢者福祉関係情報"),
    opt("雇用・労働関係情報"),
    opt("年金関係情報"),
    opt("学校・教育関係情報"),
    opt("災害関係情報"),
    opt_text("その他"),
];
const SOURCES: &[CheckOption] = &[
    opt("本人又は本人の代理人"),
    opt_text("評価実施機関内の他部署"),
    opt_text("行政機関・独立行政法人等"),
    opt_text("地方公共団体・地方独立行政法人"),
    opt_text("民間事業者"),
    opt_text("その他"),
];
const OBTAIN_METHODS: &[CheckOption] = &[
    opt("紙"),
    opt("電子記録媒体（フラッシュメモリを除く。）"),
    opt("フラッシュメモリ"),
    opt("電子メール"),
    opt("専用線"),
    opt("庁内連携システム"),
    opt("情報提供ネットワークシステム"),
    opt_text("その他"),
];
/// 提供・移転の有無: the first two carry a count `（ n ）件`.
const TRANSFERS: &[CheckOption] = &[
    CheckOption {
        label: "提供を行っている",
        heading: "",
        extra: Extra::Count,
    },
    CheckOption {
        label: "移転を行っている",
        heading: "",
        extra: Extra::Count,
    },
    opt("行っていない"),
];
const PROVIDE_METHODS: &[CheckOption] = &[
    opt("情報提供ネットワークシステム"),
    opt("専用線"),
    opt("電子メール"),
    opt("電子記録媒体（フラッシュメモリを除く。）"),
    opt("フラッシュメモリ"),
    opt("紙"),
    opt_text("その他"),
];
const MOVE_METHODS: &[CheckOption] = &[
    opt("庁内連携システム"),
    opt("専用線"),
    opt("電子メール"),
    opt("電子記録媒体（フラッシュメモリを除く。）"),
    opt("フラッシュメモリ"),
    opt("紙"),
    opt_text("その他"),
];
/// Ⅲ６ (and 様式２ Ⅳ６): the boxes of a connection not used.
pub(super) const NO_LINK: &[CheckOption] = &[opt("接続しない（入手）"), opt("接続しない（提供）")];
/// Ⅲ８ (and 様式２ Ⅳ９): 監査.
pub(super) const AUDITS: &[CheckOption] = &[opt("自己点検"), opt("内部監査"), opt("外部監査")];

// ----- 表紙 -----

const COVER: Item = section(
    "表紙",
    "表紙",
    N,
    items![
        item("評価書番号", COVER_NUMBER, N, TEXT),
        item("評価書名", COVER_NAME, N, TEXT),
        item("宣言", DECLARATION, N, LINES),
        item("特記事項", REMARKS, N, LINES).optional(),
        item("評価実施機関名", ORGANISATION, N, TEXT),
        item("公表日", PUBLISHED, N, DATE),
    ],
);

// ----- Ⅰ　基本情報 -----

static SYSTEMS: Group = Group {
    name: "システム",
    max: 20,
    items: &[
        item("システムの名称", SYSTEM_NAME, c(1), TEXT),
        item("システムの機能", "システムの機能", c(2), LINES),
        item(
            "他のシステムとの接続",
            "他のシステムとの接続",
            c(3),
            Kind::Checks(SYSTEM_LINKS),
        )
        .optional(),
    ],
};

const BASIC: Item = section(
    "基本情報",
    "基本情報",
    Num::Roman(1),
    items![
        section(
            "事務",
            WORK,
            s(1),
            items![
                item("事務の名称", WORK_NAME, c(1), TEXT),
                item("事務の内容", "事務の内容", c(2), LINES),
                item("対象人数", "対象人数", c(3), choice(&TARGET_PEOPLE)),
            ],
        ),
        item(
            "システム",
            "特定個人情報ファイルを取り扱う事務において使用するシステム",
            s(2),
            Kind::Group(&SYSTEMS),
        ),
        item("特定個人情報ファイル名", FILE_NAME, s(3), TEXT),
        section(
            "個人番号の利用",
            NUMBER_USE,
            s(4),
            items![item("法令上の根拠", LEGAL_BASIS, N, LINES).under(NUMBER_USE)],
        )
        .marked(),
        section(
            "情報連携",
            INFORMATION_LINKAGE,
            s(5),
            items![
                item("実施の有無", CARRIED_OUT, c(1), choice(&LINKAGE)),
                item("法令上の根拠", LEGAL_BASIS, c(2), LINES)
                    .when(Cond::Is("実施の有無", "実施する")),
            ],
        )
        .marked(),
        section(
            "担当部署",
            DEPARTMENT,
            s(6),
            items![
                item("部署", SECTION, c(1), TEXT),
                item("所属長の役職名", HEAD, c(2), TEXT),
            ],
        ),
        item("他の評価実施機関", OTHER_BODIES, s(7), LINES).optional(),
    ],
);

// ----- Ⅱ　特定個人情報ファイルの概要 -----

static ENTRUSTMENTS: Group = Group {
    name: "委託事項",
    max: 20,
    items: &[
        item("名称", "", N, TEXT),
        item("委託内容", "委託内容", c(1), LINES),
        item("取扱者数", "委託先における取扱者数", c(2), choice(&STAFF)),
        item("委託先名", "委託先名", c(3), TEXT),
        item("再委託の有無", "再委託の有無", c(4), choice(&SUBCONTRACT)).marked(),
        item("再委託の許諾方法", "再委託の許諾方法", c(5), LINES)
            .when(Cond::Is("再委託の有無", "再委託する")),
        item("再委託事項", "再委託事項", c(6), LINES).when(Cond::Is("再委託の有無", "再委託する")),
    ],
};

static RECIPIENTS: Group = Group {
    name: "提供先",
    max: 20,
    items: &[
        item("名称", "", N, TEXT),
        item("法令上の根拠", "法令上の根拠", c(1), LINES),
        item("提供先における用途", "提供先における用途", c(2), LINES),
        item("提供する情報", "提供する情報", c(3), LINES),
        item(
            "本人の数",
            "提供する情報の対象となる本人の数",
            c(4),
            choice(&PERSONS),
        ),
        item(
            "本人の範囲",
            "提供する情報の対象となる本人の範囲",
            c(5),
            LINES,
        ),
        item("提供方法", "提供方法", c(6), Kind::Checks(PROVIDE_METHODS)),
        item("時期・頻度", "時期・頻度", c(7), LINES),
    ],
};

static DESTINATIONS: Group = Group {
    name: "移転先",
    max: 20,
    items: &[
        item("名称", "", N, TEXT),
        item("法令上の根拠", "法令上の根拠", c(1), LINES),
        item("移転先における用途", "移転先における用途", c(2), LINES),
        item("移転する情報", "移転する情報", c(3), LINES),
        item(
            "本人の数",
            "移転する情報の対象となる本人の数",
            c(4),
            choice(&PERSONS),
        ),
        item(
            "本人の範囲",
            "移転する情報の対象となる本人の範囲",
            c(5),
            LINES,
        ),
        item("移転方法", "移転方法", c(6), Kind::Checks(MOVE_METHODS)),
        item("時期・頻度", "時期・頻度", c(7), LINES),
    ],
};

const FILE: Item = section(
    "ファイルの概要",
    "特定個人情報ファイルの概要",
    Num::Roman(2),
    items![
        item("特定個人情報ファイル名", FILE_NAME, s(1), TEXT),
        section(
            "基本情報",
            "基本情報",
            s(2),
            items![
                item("ファイルの種類", "ファイルの種類", c(1), choice(&FILE_TYPE)).marked(),
                item(
                    "対象となる本人の数",
                    "対象となる本人の数",
                    c(2),
                    choice(&PERSONS)
                ),
                item("対象となる本人の範囲", "対象となる本人の範囲", c(3), LINES).marked(),
                item("その必要性", "その必要性", N, LINES).under("③対象となる本人の範囲"),
                item(
                    "記録される項目",
                    "記録される項目",
                    c(4),
                    choice(&RECORD_ITEMS)
                ),
                item(
                    "主な記録項目",
                    "主な記録項目",
                    N,
                    Kind::Checks(MAIN_RECORDS)
                )
                .marked()
                .under("④記録される項目"),
                item("その妥当性", "その妥当性", N, LINES).under("④記録される項目"),
                item("全ての記録項目", "全ての記録項目", N, TEXT).under("④記録される項目"),
                item(
                    "保有開始日",
                    "保有開始日",
                    c(5),
                    Kind::Date { month_ok: true }
                ),
                item("事務担当部署", "事務担当部署", c(6), TEXT),
            ],
        ),
        section(
            "入手・使用",
            "特定個人情報の入手・使用",
            s(3),
            items![
                item("入手元", "入手元", c(1), Kind::Checks(SOURCES)).marked(),
                item("入手方法", "入手方法", c(2), Kind::Checks(OBTAIN_METHODS)),
                item("使用目的", "使用目的", c(3), LINES).marked(),
                item("使用部署", "使用部署", N, TEXT).under("④使用の主体"),
                item("使用者数", "使用者数", N, choice(&STAFF)).under("④使用の主体"),
                item("使用方法", "使用方法", c(5), LINES),
                item("情報の突合", "情報の突合", N, LINES).under("⑤使用方法"),
                item(
                    "使用開始日",
                    "使用開始日",
                    c(6),
                    Kind::Date { month_ok: true }
                ),
            ],
        ),
        section(
            "委託",
            ENTRUSTING,
            s(4),
            items![
                item("委託の有無", "委託の有無", N, choice(&ENTRUST)).marked(),
                item("件数", "委託件数", N, Kind::Count).when(Cond::Is("委託の有無", "委託する")),
                item("委託事項", "委託事項", N, Kind::Group(&ENTRUSTMENTS))
                    .when(Cond::Is("委託の有無", "委託する")),
            ],
        ),
        section(
            "提供・移転",
            "特定個人情報の提供・移転（委託に伴うものを除く。）",
            s(5),
            items![
                item(
                    "提供・移転の有無",
                    "提供・移転の有無",
                    N,
                    Kind::Checks(TRANSFERS)
                ),
                item("提供先", "提供先", N, Kind::Group(&RECIPIENTS))
                    .when(Cond::Ticked("提供・移転の有無", "提供を行っている")),
                item("移転先", "移転先", N, Kind::Group(&DESTINATIONS))
                    .when(Cond::Ticked("提供・移転の有無", "移転を行っている")),
            ],
        ),
        section(
            "保管・消去",
            KEEPING,
            s(6),
            items![item("保管場所", "保管場所", N, LINES).marked()],
        ),
        item("備考", "備考", s(7), LINES).optional(),
        item(
            "記録項目",
            "特定個人情報ファイル記録項目",
            Num::Annex(1),
            LINES
        ),
    ],
);

// ----- Ⅲ　リスク対策　※（７．②を除く。） -----

const fn measures(label: &'static str) -> Item {
    item("措置の内容", "リスクに対する措置の内容", N, LINES).under(label)
}
const ENOUGH_ITEM: Item = item("十分か", "リスクへの対策は十分か", N, choice(&ENOUGH));
const OTHER_MEASURES: Item = item("その他の措置の内容", "その他の措置の内容", N, LINES).optional();
const fn other_risks(label: &'static str) -> Item {
    item("その他のリスク", label, N, LINES).optional()
}
const ACCIDENT_LABEL: &str =
    "過去３年以内に、評価実施機関において、個人情報に関する重大事故が発生したか";
const ACCIDENT_UNDER: &str =
    "②過去３年以内に、評価実施機関において、個人情報に関する重大事故が発生したか";
const CONTRACT_LABEL: &str = "委託契約書中の特定個人情報ファイルの取扱いに関する規定";
const SUB_CARE_LABEL: &str = "再委託先による特定個人情報ファイルの適切な取扱いの担保";

const RISK: Item = Item {
    mark: Mark::YesExcept("（７．②を除く。）"),
    ..section(
        "リスク対策",
        RISK_MEASURES,
        Num::Roman(3),
        items![
            item("特定個人情報ファイル名", FILE_NAME, s(1), TEXT),
            section(
                "入手",
                OBTAINING,
                s(2),
                items![
                    section(
                        "目的外の入手",
                        "リスク：　目的外の入手が行われるリスク",
                        N,
                        items![measures(""), ENOUGH_ITEM],
                    ),
                    other_risks(
                        "特定個人情報の入手（情報提供ネットワークシステムを通じた入手を除く。）におけるその他のリスク及びそのリスクに対する措置",
                    ),
                ],
            ),
            section(
                "使用",
                USE,
                s(3),
                items![
                    section(
                        "目的を超えた紐付け",
                        "リスク１：　目的を超えた紐付け、事務に必要のない情報との紐付けが行われるリスク",
                        N,
                        items![measures(""), ENOUGH_ITEM],
                    ),
                    section(
                        "権限のない者による不正使用",
                        "リスク２：　権限のない者（元職員、アクセス権限のない職員等）によって不正に使用されるリスク",
                        N,
                        items![
                            item("ユーザ認証の管理", "ユーザ認証の管理", N, choice(&DOING)),
                            item("具体的な管理方法", "具体的な管理方法", N, LINES)
                                .when(Cond::Is("ユーザ認証の管理", "行っている")),
                            OTHER_MEASURES,
                            ENOUGH_ITEM,
                        ],
                    ),
                    other_risks(
                        "特定個人情報の使用におけるその他のリスク及びそのリスクに対する措置"
                    ),
                ],
            ),
            section(
                "委託",
                ENTRUSTING,
                s(4),
                items![
                    item(NO_ENTRUSTING, NO_ENTRUSTING, N, Kind::Flag).optional(),
                    section(
                        "委託先における不正な使用等",
                        "リスク：　委託先における不正な使用等のリスク",
                        N,
                        items![
                            item("委託契約書中の規定", CONTRACT_LABEL, N, choice(&DEFINED)),
                            item("規定の内容", "規定の内容", N, LINES)
                                .under(CONTRACT_LABEL)
                                .when(Cond::Is("委託契約書中の規定", "定めている")),
                            item(
                                "再委託先による担保",
                                SUB_CARE_LABEL,
                                N,
                                choice(&SUBCONTRACT_CARE)
                            ),
                            item("具体的な方法", "具体的な方法", N, LINES)
                                .under(SUB_CARE_LABEL)
                                .when(Cond::IsNot("再委託先による担保", "再委託していない")),
                            OTHER_MEASURES,
                            ENOUGH_ITEM,
                        ],
                    )
                    .when(Cond::FlagOff(NO_ENTRUSTING)),
                    other_risks(
                        "特定個人情報ファイルの取扱いの委託におけるその他のリスク及びそのリスクに対する措置",
                    ),
                ],
            ),
            section(
                "提供・移転",
                TRANSFERRING,
                s(5),
                items![
                    item(NO_TRANSFERRING, NO_TRANSFERRING, N, Kind::Flag).optional(),
                    section(
                        "不正な提供・移転",
                        "リスク：　不正な提供・移転が行われるリスク",
                        N,
                        items![
                            item(
                                "ルール",
                                "特定個人情報の提供・移転に関するルール",
                                N,
                                choice(&DEFINED)
                            ),
                            item(
                                "ルールの内容",
                                "ルールの内容及びルール遵守の確認方法",
                                N,
                                LINES
                            )
                            .when(Cond::Is("ルール", "定めている")),
                            OTHER_MEASURES,
                            ENOUGH_ITEM,
                        ],
                    )
                    .when(Cond::FlagOff(NO_TRANSFERRING)),
                    other_risks(
                        "特定個人情報の提供・移転（委託や情報提供ネットワークシステムを通じた提供を除く。）におけるその他のリスク及びそのリスクに対する措置",
                    ),
                ],
            ),
            section(
                "情報提供ネットワークシステムとの接続",
                NETWORK,
                s(6),
                items![
                    item("接続しない", "接続しない", N, Kind::Checks(NO_LINK)).optional(),
                    section(
                        "目的外の入手",
                        "リスク１：　目的外の入手が行われるリスク",
                        N,
                        items![measures(""), ENOUGH_ITEM],
                    )
                    .when(Cond::NotTicked("接続しない", "接続しない（入手）")),
                    section(
                        "不正な提供",
                        "リスク２：　不正な提供が行われるリスク",
                        N,
                        items![measures(""), ENOUGH_ITEM],
                    )
                    .when(Cond::NotTicked("接続しない", "接続しない（提供）")),
                    other_risks(
                        "情報提供ネットワークシステムとの接続に伴うその他のリスク及びそのリスクに対する措置",
                    ),
                ],
            ),
            section(
                "保管・消去",
                KEEPING,
                s(7),
                items![
                    section(
                        "漏えい・滅失・毀損",
                        "リスク：　特定個人情報の漏えい・滅失・毀損リスク",
                        N,
                        items![
                            item(
                                "事故発生時手順",
                                "事故発生時手順の策定・周知",
                                c(1),
                                choice(&DOING3)
                            ),
                            item("重大事故", ACCIDENT_LABEL, c(2), choice(&ACCIDENT)).exempt(),
                            item("その内容", "その内容", N, LINES)
                                .exempt()
                                .under(ACCIDENT_UNDER)
                                .when(Cond::Is("重大事故", "発生あり")),
                            item("再発防止策の内容", "再発防止策の内容", N, LINES)
                                .exempt()
                                .under(ACCIDENT_UNDER)
                                .when(Cond::Is("重大事故", "発生あり")),
                            OTHER_MEASURES,
                            ENOUGH_ITEM,
                        ],
                    ),
                    other_risks(
                        "特定個人情報の保管・消去におけるその他のリスク及びそのリスクに対する措置"
                    ),
                ],
            ),
            section(
                "監査",
                AUDIT,
                s(8),
                items![item("実施の有無", CARRIED_OUT, N, Kind::Checks(AUDITS)).optional()],
            ),
            section(
                "教育・啓発",
                TRAINING,
                s(9),
                items![
                    item("従業者に対する教育・啓発", TRAINING, N, choice(&DOING3)),
                    item("具体的な方法", "具体的な方法", N, LINES),
                ],
            ),
            item("その他のリスク対策", "その他のリスク対策", s(10), LINES).optional(),
        ],
    )
};

// ----- Ⅳ　開示請求、問合せ -----

const DISCLOSURE_AND_ENQUIRY: Item = section(
    "開示請求・問合せ",
    "開示請求、問合せ",
    Num::Roman(4),
    items![
        section(
            "開示請求",
            DISCLOSURE,
            s(1),
            items![
                item("請求先", REQUEST_TO, c(1), LINES),
                item("請求方法", "請求方法", c(2), LINES),
                item("特別の手続", "法令による特別の手続", c(3), LINES).optional(),
                item("不記載等", "個人情報ファイル簿への不記載等", c(4), LINES).optional(),
            ],
        ),
        section(
            "問合せ",
            ENQUIRY,
            s(2),
            items![
                item("連絡先", CONTACT, c(1), LINES),
                item("対応方法", "対応方法", c(2), LINES).optional(),
            ],
        ),
    ],
);

// ----- Ⅴ　評価実施手続 -----

const PROCEDURE: Item = section(
    "評価実施手続",
    "評価実施手続",
    Num::Roman(5),
    items![
        section(
            "基礎項目評価",
            "基礎項目評価",
            s(1),
            items![
                item("実施日", "実施日", c(1), DATE),
                item(
                    "しきい値判断結果",
                    "しきい値判断結果",
                    c(2),
                    choice(&THRESHOLD)
                )
                .reassessment(),
            ],
        ),
        section(
            "意見聴取",
            "国民・住民等からの意見の聴取　【任意】",
            s(2),
            items![
                item("方法", "方法", c(1), LINES).optional(),
                item("実施日・期間", "実施日・期間", c(2), TEXT).optional(),
                item("主な意見の内容", "主な意見の内容", c(3), LINES).optional(),
            ],
        )
        .optional(),
        section(
            "第三者点検",
            "第三者点検　【任意】",
            s(3),
            items![
                item("実施日", "実施日", c(1), DATE).optional(),
                item("方法", "方法", c(2), LINES).optional(),
                item("結果", "結果", c(3), LINES).optional(),
            ],
        )
        .optional(),
    ],
);

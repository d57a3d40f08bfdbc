//! The texts of the skeleton's comments: whether an item must be filled and what value it
//! takes, in the officer's language. Labels, choices and options are not written here; they
//! come from the form definition.

use crate::common_texts::offer::Offer;
use crate::diag::Lang;
use crate::form::{CheckOption, Cond, Extra, Group, Item, Kind, Need};
use crate::load::date::{DAY_EXAMPLES, MONTH_EXAMPLES};

/// Whether the item must be filled: `必須`, `任意（空欄のままでよい）`, or its condition.
pub fn need(need: Need, lang: Lang) -> String {
    let ja = lang == Lang::Ja;
    match need {
        Need::Required if ja => "必須".into(),
        Need::Required => "required".into(),
        Need::Optional if ja => "任意（空欄のままでよい）".into(),
        Need::Optional => "optional (may stay empty)".into(),
        Need::When(cond) => condition(cond, lang),
    }
}

fn condition(cond: Cond, lang: Lang) -> String {
    match (cond, lang) {
        (Cond::Is(k, v), Lang::Ja) => format!("「{k}」が「{v}」のとき必須、それ以外は空欄"),
        (Cond::Is(k, v), Lang::En) => format!("required when {k} is {v}; empty otherwise"),
        (Cond::IsNot(k, v), Lang::Ja) => {
            format!("「{k}」が「{v}」以外のとき必須、「{v}」なら空欄")
        }
        (Cond::IsNot(k, v), Lang::En) => {
            format!("required when {k} is another choice than {v}; empty when it is {v}")
        }
        (Cond::Ticked(k, v), Lang::Ja) => {
            format!("「{k}」の「{v}」にチェックしたとき必須、それ以外は空欄")
        }
        (Cond::Ticked(k, v), Lang::En) => {
            format!("required when {v} of {k} is ticked; empty otherwise")
        }
        (Cond::NotTicked(k, v), Lang::Ja) => {
            format!("「{k}」の「{v}」にチェックしないとき必須、チェックしたら空欄")
        }
        (Cond::NotTicked(k, v), Lang::En) => {
            format!("required unless {v} of {k} is ticked; empty when it is")
        }
        (Cond::FlagOff(k), Lang::Ja) => {
            format!("「{k}」にチェックしないとき必須、チェックしたら空欄")
        }
        (Cond::FlagOff(k), Lang::En) => format!("required unless {k} is ticked; empty when it is"),
        (Cond::FlagOn(k), Lang::Ja) => format!("「{k}」にチェックしたとき必須、それ以外は空欄"),
        (Cond::FlagOn(k), Lang::En) => format!("required when {k} is ticked; empty otherwise"),
    }
}

/// What value the item takes, in one line. Choice lists and checkbox options are written by
/// the caller beside it, verbatim.
pub fn kind(item: &Item, lang: Lang) -> String {
    let ja = lang == Lang::Ja;
    let mut text = match item.kind {
        Kind::Section(_) => String::new(),
        Kind::Group(group) => group_kind(group, lang),
        Kind::Text if ja => "1行の文字列".into(),
        Kind::Text => "one line of text".into(),
        Kind::Lines if ja => {
            "文章。複数行にするときは「|-」と書き、次の行から字下げして続ける".into()
        }
        Kind::Lines => {
            "text; for several lines write |- and continue on the next lines, indented".into()
        }
        Kind::Choice(_) if ja => "次の＜選択肢＞から1つを書く（番号は省いてよい）".into(),
        Kind::Choice(_) => "one of the ＜選択肢＞ below (the number may be left out)".into(),
        Kind::Checks(options) => checks_kind(options, lang),
        Kind::Flag if ja => "チェックボックス。チェックするときは false を true に変える".into(),
        Kind::Flag => "checkbox: change false to true to tick it".into(),
        Kind::Date { month_ok } => date_kind(month_ok, lang),
        Kind::Count if ja => "件数（0以上の整数）".into(),
        Kind::Count => "a count (a whole number, 0 or more)".into(),
    };
    if item.label.is_empty() {
        let (ja_title, en_title) = (
            "ブロックの見出しに印字する名称。",
            "the name printed in the block's heading; ",
        );
        text.insert_str(0, if ja { ja_title } else { en_title });
    }
    text
}

fn group_kind(group: &Group, lang: Lang) -> String {
    let max = group.max;
    match lang {
        Lang::Ja => format!(
            "ブロックのリスト（最大{max}件）。増やすときは「- id:」の行からブロックの終わりまでを写して続け、id を変える"
        ),
        Lang::En => format!(
            "a list of blocks (at most {max}); to add one, copy a block from its `- id:` line to its end and give it another id"
        ),
    }
}

fn checks_kind(options: &[CheckOption], lang: Lang) -> String {
    let text = options.iter().any(|o| o.extra == Extra::Text);
    let count = options.iter().any(|o| o.extra == Extra::Count);
    let mut out = match lang {
        Lang::Ja => "チェックボックス。チェックする選択肢の false を true に変える".to_string(),
        Lang::En => "checkboxes: change false to true for each ticked option".to_string(),
    };
    if text {
        out.push_str(match lang {
            Lang::Ja => "。（　）付きの選択肢は true の代わりに（　）内の文字列を書く",
            Lang::En => {
                "; an option with （　） takes the text printed in the parentheses instead of true"
            }
        });
    }
    if count {
        out.push_str(match lang {
            Lang::Ja => "。（　）件付きの選択肢は true の代わりに件数を書く",
            Lang::En => "; an option with （　）件 takes the count instead of true",
        });
    }
    out
}

fn date_kind(month_ok: bool, lang: Lang) -> String {
    let (sep, mut out) = match lang {
        Lang::Ja => ("、", "日付。書き方の例: ".to_string()),
        Lang::En => (", ", "a date, written e.g. ".to_string()),
    };
    out.push_str(&DAY_EXAMPLES.join(sep));
    if month_ok {
        out.push_str(match lang {
            Lang::Ja => "。月までなら ",
            Lang::En => "; month only: ",
        });
        out.push_str(&MONTH_EXAMPLES.join(sep));
    }
    out
}

/// Whether an item must be filled and what it takes, as one sentence.
pub fn sentence(need: &str, kind: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("{need}。{kind}"),
        Lang::En => format!("{need}; {kind}"),
    }
}

/// The trailing comment of a checkbox option that carries more than a tick.
pub fn option_extra(option: &CheckOption, lang: Lang) -> Option<&'static str> {
    match (option.extra, lang) {
        (Extra::None, _) => None,
        (Extra::Text, Lang::Ja) => Some("（　）内の文字列を書くとチェック"),
        (Extra::Text, Lang::En) => Some("write the text in （　） to tick it"),
        (Extra::Count, Lang::Ja) => Some("（　）件: 件数を書くとチェック"),
        (Extra::Count, Lang::En) => Some("（　）件: write the count to tick it"),
    }
}

/// The comment above a group's first block: what its `id` is for.
pub fn block(heading: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!(
            "{heading}。id は版をまたいでこのブロックを対応付ける名前（自由に付けてよいが、公表した後は変えない）"
        ),
        Lang::En => format!(
            "{heading}: the id matches this block across versions (any name; keep it once published)"
        ),
    }
}

/// The comment beside `様式`.
pub fn edition(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "様式の版（変えない）",
        Lang::En => "the edition of the form (leave it as is)",
    }
}

/// The lines at the top of a skeleton, after the title.
pub fn preamble(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Ja => &[
            "hyoka init が様式の定義から作った雛形です。各項目の上のコメントは、様式の項目名",
            "（※は変更が重要な変更にあたる項目）、記入の要否、書き方と＜選択肢＞です。",
            "値を記入したら hyoka validate で確かめてください。コメントは消してもかまいません。",
        ],
        Lang::En => &[
            "A skeleton made by hyoka init from the form definition. Above each item: its label on the",
            "form (※: a change to it is a 重要な変更), whether it must be filled, what it takes and its",
            "＜選択肢＞. Fill in the values, then run hyoka validate. The comments may be deleted.",
        ],
    }
}

/// The lines at the top of a `kiso.yaml`, after the preamble.
pub fn companion_preamble(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Ja => &[
            "このファイルは assessment.yaml の重点項目評価書と共に公表する基礎項目評価書です。",
            "二つの評価書に共通する項目は assessment.yaml にだけ書きます（下のコメントに、どこから取るかを示します）。",
        ],
        Lang::En => &[
            "This file is the 基礎項目評価書 published with the 重点項目評価書 in assessment.yaml.",
            "The items the two share are written only in assessment.yaml (the comments below say where each comes from).",
        ],
    }
}

/// The line that says the edition's labels are partly reconstructed.
pub fn reconstructed_preamble(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => {
            "［推定］の付いた項目名・選択肢は様式の原本で確認できていない推定です。提出前に個人情報保護委員会の様式と照合してください（docs/form2-labels.md）。"
        }
        Lang::En => {
            "Labels marked [reconstructed] are not verified against the commission's template; check them before submission (docs/form2-labels.md)."
        }
    }
}

/// The mark after a reconstructed label.
pub fn reconstructed(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => " ［推定］",
        Lang::En => " [reconstructed]",
    }
}

/// Why a shared fact is not written in `kiso.yaml`.
pub fn shared_item(from: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("assessment.yaml の {from} から（ここには書かない）"),
        Lang::En => format!("taken from {from} in assessment.yaml (not written here)"),
    }
}

/// Why a section of shared facts is not written in `kiso.yaml`.
pub fn shared_section(lang: Lang) -> String {
    match lang {
        Lang::Ja => "すべて assessment.yaml から（ここには書かない）".into(),
        Lang::En => "all taken from assessment.yaml (not written here)".into(),
    }
}

/// Why an item a prefilled value leaves blank is not written.
pub fn left_blank(key: &str, value: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("「{key}」が「{value}」のため空欄（重点項目評価書に記載）"),
        Lang::En => format!("left blank because {key} is {value} (the 重点項目評価書 holds it)"),
    }
}

/// The lines at the top of a new `changes.yaml`, before its columns.
pub fn changes_preamble(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Ja => &[
            "評価書を再評価・修正したときの変更箇所を、1つの変更につき1行（`- 変更日: …` で始まる",
            "ブロック）として印字順に書きます。hyoka diff 旧版 新版 --record が行を追加します。",
            "各行の列:",
        ],
        Lang::En => &[
            "One row per change of the assessment (a block starting `- 変更日: …`), in printed order;",
            "hyoka diff OLD NEW --record appends the rows for you. The columns of a row:",
        ],
    }
}

/// What the 項目 column holds, with an example label from the form.
pub fn item_column(example: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("評価書の項目名（例: {example}）"),
        Lang::En => format!("the item's label on the form (e.g. {example})"),
    }
}

/// The closing line of a new `changes.yaml`: the table is empty.
pub fn no_rows_yet(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "まだ行はありません。",
        Lang::En => "No rows yet.",
    }
}

/// The lines at the top of a skeleton of an office with common texts: how to use one, and the
/// names there are.
pub fn common_texts_preamble(offer: &Offer, lang: Lang) -> Vec<String> {
    let ja = lang == Lang::Ja;
    let (sep, mut out) = if ja {
        (
            "、",
            vec![format!(
                "共通テキスト（{}）: 項目の値の代わりに {{共通テキスト: 名前}} と書くと、事務所で共通の記載を使います（hyoka texts list で一覧）。",
                offer.folder
            )],
        )
    } else {
        (
            ", ",
            vec![format!(
                "Common texts ({}): write {{共通テキスト: name}} in place of an item's value to use the office's common text (hyoka texts list shows them).",
                offer.folder
            )],
        )
    };
    if !offer.texts.is_empty() {
        out.push(if ja {
            format!("  文章: {}", offer.texts.join(sep))
        } else {
            format!("  texts: {}", offer.texts.join(sep))
        });
    }
    for (group, names) in &offer.blocks {
        out.push(if ja {
            format!("  {group}のブロック: {}", names.join(sep))
        } else {
            format!("  blocks of {group}: {}", names.join(sep))
        });
    }
    out
}

/// The comment at a group: the block entries of its kind.
pub fn common_blocks(names: &[String], lang: Lang) -> String {
    match lang {
        Lang::Ja => format!(
            "共通テキストのブロックを使うときは、並びの1項目として「- 共通テキスト: 名前」と書く（{}）",
            names.join("、")
        ),
        Lang::En => format!(
            "to use a common block, write it as one item of the list: `- 共通テキスト: name` ({})",
            names.join(", ")
        ),
    }
}

/// The comment at an item where other documents of the office use common texts.
pub fn common_texts_here(names: &[String], lang: Lang) -> String {
    let uses: Vec<String> = names
        .iter()
        .map(|n| format!("{{共通テキスト: {n}}}"))
        .collect();
    match lang {
        Lang::Ja => format!(
            "この事務所の他の評価書では、ここに共通テキストを使っています: {}",
            uses.join(" / ")
        ),
        Lang::En => format!(
            "other documents of this office use a common text here: {}",
            uses.join(" / ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::Num;

    fn item(kind: Kind) -> Item {
        Item::new("k", "l", Num::None, kind)
    }

    #[test]
    fn dates_name_the_month_form_only_where_the_form_allows_it() {
        let day = kind(&item(Kind::Date { month_ok: false }), Lang::Ja);
        let month = kind(&item(Kind::Date { month_ok: true }), Lang::Ja);
        assert!(
            day.contains("令和7年3月4日") && !day.contains("平成28年1月"),
            "{day}"
        );
        assert!(month.contains("平成28年1月"), "{month}");
    }

    #[test]
    fn conditions_name_the_sibling_and_its_value() {
        let text = need(Need::When(Cond::Is("委託の有無", "委託する")), Lang::Ja);
        assert_eq!(
            text,
            "「委託の有無」が「委託する」のとき必須、それ以外は空欄"
        );
        let text = need(Need::When(Cond::FlagOff("委託しない")), Lang::En);
        assert_eq!(
            text,
            "required unless 委託しない is ticked; empty when it is"
        );
    }
}

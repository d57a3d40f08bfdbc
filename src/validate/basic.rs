//! Rules of the 基礎項目評価書 (様式２) that relate its items: Ⅲしきい値判断結果 must follow
//! from Ⅱしきい値判断項目 (decided by [`crate::regime::threshold`]), Ⅳ１ must submit what Ⅲ
//! requires, and the counts are taken before publication.

use super::rules::at;
use crate::diag::{Diagnostic, Lang, codes};
use crate::form::choices::{ACCIDENT, DOCUMENTS, HANDLERS};
use crate::load::Document;
use crate::regime::Source;
use crate::regime::threshold::{Band, Cell, Column, Fact, Facts, Handlers, Required, decide};

/// Ⅱ１ 対象人数 (評価対象の事務の対象人数は何人か).
pub const PEOPLE: &str = "しきい値判断項目.対象人数";
/// Ⅱ２ 取扱者数 (特定個人情報ファイル取扱者数は500人以上か).
pub const HANDLER_COUNT: &str = "しきい値判断項目.取扱者数";
/// Ⅱ３ 重大事故.
pub const ACCIDENT_PATH: &str = "しきい値判断項目.重大事故";
/// The two counting dates (いつ時点の計数か) of Ⅱ１ and Ⅱ２.
pub const COUNTED_AT: [&str; 2] = [
    "しきい値判断項目.対象人数の計数時点",
    "しきい値判断項目.取扱者数の計数時点",
];
/// Ⅲ しきい値判断結果.
pub const RESULT: &str = "しきい値判断結果.結果";
/// Ⅳ１ 提出する特定個人情報保護評価書の種類.
pub const DOCUMENTS_PATH: &str = "リスク対策.評価書の種類";

/// Runs every rule of 様式２ on a document.
pub fn document_rules(document: &Document, out: &mut Vec<Diagnostic>) {
    threshold(document, out);
    documents(document, out);
    counted_before_publication(document, out);
    super::rules::printable(document, out);
}

/// The しきい値判断項目 as the regime's facts, once 対象人数 is answered; 取扱者数 and
/// 重大事故 not answered are unknown.
pub fn facts(document: &Document) -> Option<Facts> {
    let root = &document.root;
    let people = root.at(PEOPLE).and_then(|e| match e.value {
        crate::load::Value::Choice(i) => Band::of_basic_choice(i),
        _ => None,
    })?;
    let handlers = match root.choice(HANDLER_COUNT) {
        Some(text) if text == HANDLERS.options[0] => Handlers {
            at_least: 500,
            at_most: None,
        },
        Some(_) => Handlers {
            at_least: 0,
            at_most: Some(499),
        },
        None => Handlers::UNKNOWN,
    };
    let accident = match root.choice(ACCIDENT_PATH) {
        Some(text) if text == ACCIDENT.options[0] => Fact::Yes,
        Some(_) => Fact::No,
        None => Fact::Unknown,
    };
    Some(Facts {
        people,
        handlers,
        accident,
        staff_only: false,
        paper_only: false,
    })
}

/// The answers of Ⅱ in words, for messages: `対象人数 10万人以上30万人未満、取扱者数 500人未満、
/// 重大事故 発生なし` (Japanese, English).
pub fn facts_text(document: &Document) -> (String, String) {
    let root = &document.root;
    let answer = |path: &str| root.choice(path).unwrap_or("—");
    let ja = format!(
        "対象人数 {}、取扱者数 {}、重大事故 {}",
        answer(PEOPLE),
        answer(HANDLER_COUNT),
        answer(ACCIDENT_PATH)
    );
    let en = format!(
        "対象人数 {}, 取扱者数 {}, 重大事故 {}",
        answer(PEOPLE),
        answer(HANDLER_COUNT),
        answer(ACCIDENT_PATH)
    );
    (ja, en)
}

/// Ⅲ against what Ⅱ requires: an error where rules.md states the rule [S], a warning where it
/// is only believed [B] (the officer's own authority decides).
fn threshold(document: &Document, out: &mut Vec<Diagnostic>) {
    let Some(facts) = facts(document) else { return };
    let (Some(entry), Some(result)) = (document.root.at(RESULT), document.root.choice(RESULT))
    else {
        return;
    };
    let candidates = decide(&facts).candidates();
    if candidates
        .iter()
        .any(|(_, cell)| cell.required.form2_choice() == result)
    {
        return;
    }
    let believed = candidates
        .iter()
        .all(|(_, cell)| cell.source == Source::Believed);
    let code = if believed {
        &codes::BASIC_THRESHOLD_BELIEVED
    } else {
        &codes::BASIC_THRESHOLD
    };
    let (facts_ja, facts_en) = facts_text(document);
    out.push(
        at(document, RESULT, entry, code)
            .arg_lang("facts", facts_ja, facts_en)
            .arg_lang(
                "expected",
                expected(&candidates, Lang::Ja),
                expected(&candidates, Lang::En),
            ),
    );
}

/// What Ⅲ should say, per column the answers leave open, with [B] where rules.md has it.
pub fn expected(candidates: &[(Column, Cell)], lang: Lang) -> String {
    let open = candidates.len() > 1;
    let statements: Vec<String> = candidates
        .iter()
        .map(|(column, cell)| {
            let choice = cell.required.form2_choice();
            let mark = match (cell.source, lang) {
                (Source::Stated, _) => "",
                (Source::Believed, Lang::Ja) => "（一次資料で確認できていない規定[B]）",
                (Source::Believed, Lang::En) => " (a rule not confirmed from the primary text [B])",
            };
            match (open, lang) {
                (true, Lang::Ja) => format!("{}の場合は「{choice}」{mark}", column.text(lang)),
                (false, Lang::Ja) => format!("「{choice}」{mark}"),
                (true, Lang::En) => format!("with {}, `{choice}`{mark}", column.text(lang)),
                (false, Lang::En) => format!("`{choice}`{mark}"),
            }
        })
        .collect();
    match lang {
        Lang::Ja => format!("しきい値判断項目からは{}です。", statements.join("、")),
        Lang::En => format!("the threshold items give {}.", statements.join("; ")),
    }
}

/// Ⅳ１ must submit at least what Ⅲ makes mandatory.
fn documents(document: &Document, out: &mut Vec<Diagnostic>) {
    let root = &document.root;
    let (Some(result), Some(entry)) = (root.choice(RESULT), root.at(DOCUMENTS_PATH)) else {
        return;
    };
    let (Some(required), crate::load::Value::Choice(chosen)) =
        (Required::of_form2_choice(result), &entry.value)
    else {
        return;
    };
    // A Ⅲ that does not follow from Ⅱ is reported as such; what Ⅳ１ should be waits for it.
    if let Some(facts) = facts(document)
        && !decide(&facts)
            .candidates()
            .iter()
            .any(|(_, cell)| cell.required == required)
    {
        return;
    }
    if *chosen < required.least_documents() {
        out.push(
            at(
                document,
                DOCUMENTS_PATH,
                entry,
                &codes::DOCUMENTS_BELOW_THRESHOLD,
            )
            .arg("documents", DOCUMENTS.options[*chosen])
            .arg("result", result)
            .arg("needed", required.least_documents_choice()),
        );
    }
}

/// Each いつ時点の計数か not after 公表日.
fn counted_before_publication(document: &Document, out: &mut Vec<Diagnostic>) {
    let root = &document.root;
    let Some(published) = root.date("表紙.公表日") else {
        return;
    };
    for path in COUNTED_AT {
        if let (Some(counted), Some(entry)) = (root.date(path), root.at(path))
            && counted > published
        {
            out.push(
                at(document, path, entry, &codes::COUNTED_AFTER_PUBLICATION)
                    .arg("counted", counted.wareki())
                    .arg("published", published.wareki()),
            );
        }
    }
}

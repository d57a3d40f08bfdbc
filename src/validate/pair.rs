//! What the documents of one assessment must agree on (form2-fields.md, last section): the
//! 基礎項目評価書 beside a 重点項目評価書 states the same 対象人数, names that document in Ⅳ１,
//! and counts before the 基礎項目評価 the 重点項目評価書 dates; a 重点項目評価書 is never
//! published without one, and a 基礎項目評価書 published alone names no other document.
//! (The しきい値判断結果 of the 重点項目評価書 is judged on the 基礎項目評価書's answers by
//! [`super::rules`], through [`BasicFacts`].)

use crate::diag::{Diagnostic, Elsewhere, FileReport, codes};
use crate::form::Form;
use crate::form::choices::DOCUMENTS;
use crate::load::{Assessment, BASIC_FILE, Document, Value};
use crate::regime::threshold::{Band, Facts};

use super::basic::{self, COUNTED_AT, DOCUMENTS_PATH, PEOPLE};
use super::rules::at;

/// 様式３ Ⅰ１③対象人数.
const KEY_PEOPLE: &str = "基本情報.事務.対象人数";
/// 様式３ Ⅴ１①実施日 (of the 基礎項目評価).
const KEY_ASSESSED: &str = "評価実施手続.基礎項目評価.実施日";

/// The answers a 基礎項目評価書 beside a 重点項目評価書 has only one right value for (key path,
/// value): Ⅳ１ names the 重点項目評価書. `hyoka init` writes them into a new `kiso.yaml`, and
/// the validator judges the items that depend on them as if they held (a wrong Ⅳ１ is E0604,
/// not a list of the risk items it would ask for).
pub fn companion_answers() -> [(&'static str, &'static str); 1] {
    [(DOCUMENTS_PATH, DOCUMENTS.options[1])]
}

/// A 基礎項目評価書's しきい値判断項目, for judging the 重点項目評価書 published with it.
#[derive(Debug, Clone)]
pub struct BasicFacts {
    /// The answers as the regime's facts.
    pub facts: Facts,
    /// The answers in words (Japanese, English).
    pub text: (String, String),
    /// Where Ⅱ１ is written.
    pub place: Elsewhere,
}

impl BasicFacts {
    /// The facts of a 基礎項目評価書, once its 対象人数 is answered.
    pub fn of(document: &Document, report: &FileReport) -> Option<BasicFacts> {
        let facts = basic::facts(document)?;
        let entry = document.root.at(PEOPLE)?;
        Some(BasicFacts {
            facts,
            text: basic::facts_text(document),
            place: Elsewhere::in_report(report, entry.span),
        })
    }
}

/// Checks the agreement of an assessment's documents, adding diagnostics to their reports.
pub fn check(assessment: &mut Assessment) {
    let Some(main) = &assessment.document else {
        return;
    };
    match (main.edition.form, assessment.basic.as_deref()) {
        (Form::Key, None) => {
            if let Some(folder) = &assessment.folder {
                let d =
                    Diagnostic::new(&codes::KEY_WITHOUT_BASIC, Some(first_line(main.root.span)))
                        .arg("file", folder.join(BASIC_FILE).display().to_string())
                        .arg("folder", folder.display().to_string());
                assessment.document_report.diagnostics.insert(0, d);
            }
        }
        (Form::Key, Some(basic)) => {
            if let Some(document) = &basic.document {
                let found = pair(main, &assessment.document_report, document);
                if let Some(basic) = assessment.basic.as_deref_mut() {
                    basic.document_report.diagnostics.extend(found);
                    basic.document_report.sort();
                }
            }
        }
        (Form::Basic, _) => {
            if let Some(d) = alone(main) {
                assessment.document_report.diagnostics.push(d);
                assessment.document_report.sort();
            }
        }
        (Form::Full, _) => {}
    }
}

fn first_line(span: crate::diag::Span) -> crate::diag::Span {
    crate::diag::Span {
        start: span.start,
        end: span.start,
    }
}

/// The rules of a 基礎項目評価書 (`basic`) beside a 重点項目評価書 (`key`, its file's `report`).
fn pair(key: &Document, report: &FileReport, basic: &Document) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let place = |path: &str| {
        key.root
            .at(path)
            .map(|e| Elsewhere::in_report(report, e.span))
    };
    // Ⅳ１ names the 重点項目評価書.
    let together = DOCUMENTS.options[1];
    if let Some(entry) = basic.root.at(DOCUMENTS_PATH)
        && let Some(chosen) = basic.root.choice(DOCUMENTS_PATH)
        && chosen != together
    {
        out.push(
            at(basic, DOCUMENTS_PATH, entry, &codes::OTHER_DOCUMENT)
                .arg("chosen", chosen)
                .arg_lang(
                    "found",
                    "重点項目評価書（assessment.yaml）と基礎項目評価書（kiso.yaml）",
                    "a 重点項目評価書 (assessment.yaml) and a 基礎項目評価書 (kiso.yaml)",
                )
                .arg("expected", together),
        );
    }
    // 対象人数: two lists, the same bands, compared by position.
    if let (Some(entry), Some(Value::Choice(b))) = (
        basic.root.at(PEOPLE),
        basic.root.at(PEOPLE).map(|e| &e.value),
    ) && let Some(key_entry) = key.root.at(KEY_PEOPLE)
        && let Value::Choice(k) = key_entry.value
        && Band::of_basic_choice(*b) != Band::of_choice(k)
        && let Some(elsewhere) = place(KEY_PEOPLE)
    {
        out.push(
            at(basic, PEOPLE, entry, &codes::PEOPLE_DISAGREE)
                .arg("basic", basic.root.choice(PEOPLE).unwrap_or_default())
                .arg("key", key.root.choice(KEY_PEOPLE).unwrap_or_default())
                .elsewhere(elsewhere),
        );
    }
    // The counts are taken by the day of the 基礎項目評価 that the 重点項目評価書 dates.
    if let Some(assessed) = key.root.date(KEY_ASSESSED) {
        for path in COUNTED_AT {
            if let (Some(counted), Some(entry)) = (basic.root.date(path), basic.root.at(path))
                && counted > assessed
                && let Some(elsewhere) = place(KEY_ASSESSED)
            {
                out.push(
                    at(basic, path, entry, &codes::COUNTED_AFTER_ASSESSMENT)
                        .arg("counted", counted.wareki())
                        .arg("assessed", assessed.wareki())
                        .elsewhere(elsewhere),
                );
            }
        }
    }
    out
}

/// A 基礎項目評価書 published alone names no 重点項目評価書 in Ⅳ１.
fn alone(basic: &Document) -> Option<Diagnostic> {
    let entry = basic.root.at(DOCUMENTS_PATH)?;
    let chosen = basic.root.choice(DOCUMENTS_PATH)?;
    (chosen == DOCUMENTS.options[1]).then(|| {
        at(basic, DOCUMENTS_PATH, entry, &codes::OTHER_DOCUMENT)
            .arg("chosen", chosen)
            .arg_lang(
                "found",
                "基礎項目評価書のみ（assessment.yaml。kiso.yaml はありません）",
                "a 基礎項目評価書 alone (assessment.yaml; no kiso.yaml)",
            )
            .arg("expected", DOCUMENTS.options[0])
    })
}

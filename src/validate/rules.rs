//! Rules that relate items to each other: counts, しきい値判断, dates, and the agreement of
//! Ⅱ with the boxes of Ⅲ. Rules marked [B] in `rules.md` (not confirmed from the primary
//! text) only ever give warnings or say so in their advice.

use crate::diag::{Diagnostic, codes};
use crate::form::changes::TABLE;
use crate::form::label::{Step, full_label, resolve, resolve_in};
use crate::form::{Kind, choices, is_important};
use crate::load::{ChangeRow, Document, Entry, Value};

/// A diagnostic at an item given by its key path.
fn at(
    document: &Document,
    path: &str,
    entry: &Entry,
    code: &'static crate::diag::Code,
) -> Diagnostic {
    let label = resolve(document.edition, path)
        .map(|steps| full_label(&steps))
        .unwrap_or_default();
    Diagnostic::new(code, Some(entry.span)).at_item(label, path)
}

/// Runs every rule on a document.
pub fn document_rules(document: &Document, out: &mut Vec<Diagnostic>) {
    entrust_count(document, out);
    transfer_counts(document, out);
    threshold(document, out);
    dates(document, out);
    consistency(document, out);
    printable(document, out);
}

/// The first character of a text that the PDF cannot print, if any.
fn unprintable(text: &str) -> Option<char> {
    text.chars()
        .find(|c| *c != '\t' && !crate::render::world::printable(*c))
}

fn unprintable_diagnostic(c: char, span: crate::diag::Span) -> Diagnostic {
    let shown = if c.is_control() {
        format!("{}", c.escape_unicode())
    } else {
        c.to_string()
    };
    Diagnostic::new(&codes::UNPRINTABLE, Some(span))
        .arg("char", shown)
        .arg("code", format!("U+{:04X}", c as u32))
}

/// Texts with characters the bundled fonts cannot print (W0214), once per item.
fn printable(document: &Document, out: &mut Vec<Diagnostic>) {
    fn walk(record: &crate::load::Record, path: &mut Vec<Step>, out: &mut Vec<Diagnostic>) {
        for entry in &record.entries {
            path.push(Step {
                item: entry.item,
                index: None,
            });
            let texts: Vec<&str> = match &entry.value {
                Value::Text(t) => vec![t],
                Value::Checks(ticks) => ticks.iter().filter_map(|t| t.text.as_deref()).collect(),
                _ => Vec::new(),
            };
            if let Some(c) = texts.iter().find_map(|t| unprintable(t)) {
                out.push(
                    unprintable_diagnostic(c, entry.span)
                        .at_item(full_label(path), crate::form::label::key_path(path)),
                );
            }
            match &entry.value {
                Value::Section(inner) => walk(inner, path, out),
                Value::Group(blocks) => {
                    for (i, block) in blocks.iter().enumerate() {
                        if let Some(last) = path.last_mut() {
                            last.index = Some(i + 1);
                        }
                        walk(&block.record, path, out);
                    }
                }
                _ => {}
            }
            path.pop();
        }
    }
    walk(&document.root, &mut Vec::new(), out);
}

const ENTRUST: &str = "ファイルの概要.委託";
const TRANSFER: &str = "ファイルの概要.提供・移転";

/// 委託の有無 （ n ）件 must equal the number of 委託事項.
fn entrust_count(document: &Document, out: &mut Vec<Diagnostic>) {
    let root = &document.root;
    if root.choice(&format!("{ENTRUST}.委託の有無")) != Some(choices::ENTRUST.options[0]) {
        return;
    }
    let path = format!("{ENTRUST}.件数");
    let Some(entry) = root.at(&path) else { return };
    let Value::Count(count) = entry.value else {
        return;
    };
    let blocks = root.blocks(&format!("{ENTRUST}.委託事項")).len();
    if count as usize != blocks {
        out.push(
            at(document, &path, entry, &codes::ENTRUST_COUNT)
                .arg("count", count.to_string())
                .arg("blocks", blocks.to_string()),
        );
    }
}

/// 提供を行っている （ n ）件 / 移転を行っている （ m ）件 against the blocks, and 行っていない alone.
fn transfer_counts(document: &Document, out: &mut Vec<Diagnostic>) {
    let root = &document.root;
    let path = format!("{TRANSFER}.提供・移転の有無");
    let Some(entry) = root.at(&path) else { return };
    let (Value::Checks(ticks), Kind::Checks(options)) = (&entry.value, entry.item.kind) else {
        return;
    };
    for tick in ticks {
        let option = options[tick.option].label;
        let group = match option {
            "提供を行っている" => "提供先",
            "移転を行っている" => "移転先",
            _ => continue,
        };
        let blocks = root.blocks(&format!("{TRANSFER}.{group}")).len();
        if let Some(count) = tick.count
            && count as usize != blocks
        {
            out.push(
                at(document, &path, entry, &codes::TRANSFER_COUNT)
                    .arg("option", option)
                    .arg("count", count.to_string())
                    .arg("group", group)
                    .arg("blocks", blocks.to_string()),
            );
        }
    }
    let none = ticks
        .iter()
        .find(|t| options[t.option].label == "行っていない");
    if let Some(other) = ticks
        .iter()
        .find(|t| options[t.option].label != "行っていない")
        && none.is_some()
    {
        out.push(
            at(document, &path, entry, &codes::EXCLUSIVE_OPTIONS)
                .arg("value", "行っていない")
                .arg("other", options[other.option].label),
        );
    }
}

/// Whether 取扱者数 ≥ 500 or a 重大事故 can be excluded, is certain, or is unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Known {
    No,
    Yes,
    Maybe,
}

/// Lower and upper bounds of a staff range such as `10人以上50人未満`, by the option's position
/// in the form's list (choices::STAFF), so the texts are not written a second time here.
fn staff_bounds(text: &str) -> (u32, u32) {
    const BOUNDS: [(u32, u32); 6] = [
        (0, 9),
        (10, 49),
        (50, 99),
        (100, 499),
        (500, 999),
        (1000, u32::MAX / 64),
    ];
    choices::STAFF
        .position(text)
        .and_then(|i| BOUNDS.get(i).copied())
        .unwrap_or(BOUNDS[5])
}

/// 取扱者数 (own staff plus contractor staff) ≥ 500, or a 重大事故, as far as the document tells.
fn large_or_accident(document: &Document) -> Known {
    let root = &document.root;
    let mut low = 0u32;
    let mut high = 0u32;
    if let Some(users) = root.choice("ファイルの概要.入手・使用.使用者数") {
        let (l, h) = staff_bounds(users);
        low += l;
        high += h;
    }
    for block in root.blocks(&format!("{ENTRUST}.委託事項")) {
        if let Some(staff) = block.record.choice("取扱者数") {
            let (l, h) = staff_bounds(staff);
            low = low.saturating_add(l);
            high = high.saturating_add(h);
        }
    }
    // Ⅲ７② covers 3 years, the threshold 1 year: 発生なし excludes it, 発生あり leaves it open.
    let accident = root.choice("リスク対策.保管・消去.漏えい・滅失・毀損.重大事故");
    if low >= 500 {
        Known::Yes
    } else if high < 500 && accident == Some(choices::ACCIDENT.options[1]) {
        Known::No
    } else {
        Known::Maybe
    }
}

/// Ⅴ１②しきい値判断結果 against Ⅰ１③対象人数 (rules.md §1).
fn threshold(document: &Document, out: &mut Vec<Diagnostic>) {
    let root = &document.root;
    let Some(people) = root.choice("基本情報.事務.対象人数") else {
        return;
    };
    let path = "評価実施手続.基礎項目評価.しきい値判断結果";
    let Some(entry) = root.at(path) else { return };
    let Some(result) = root.choice(path) else {
        return;
    };
    let Kind::Choice(list) = entry.item.kind else {
        return;
    };
    let [mandatory, basic_only, voluntary] = [list.options[0], list.options[1], list.options[2]];
    let big = large_or_accident(document);
    // (acceptable results, advice ja, advice en, unsure?)
    let (ok, unsure, ja, en): (Vec<&str>, bool, String, String) = match choices::TARGET_PEOPLE.position(people) {
        Some(0) => (
            vec![voluntary],
            false,
            format!("対象人数が1,000人未満の事務は評価の実施が義務付けられません。「{voluntary}」を選んでください。"),
            format!("below 1,000 people no assessment is mandatory; choose `{voluntary}`."),
        ),
        Some(1) => (
            vec![basic_only],
            false,
            format!("1,000人以上1万人未満では基礎項目評価のみが義務付けられます。「{basic_only}」を選んでください。"),
            format!("from 1,000 to 10,000 people only the 基礎項目評価 is mandatory; choose `{basic_only}`."),
        ),
        Some(2) => match big {
            Known::No => (
                vec![basic_only],
                false,
                format!("1万人以上10万人未満で取扱者数500人未満・重大事故なしの場合は「{basic_only}」です。"),
                format!("10,000–100,000 people with fewer than 500 handlers and no serious accident: `{basic_only}`."),
            ),
            Known::Yes => (
                vec![mandatory],
                false,
                format!("取扱者数が500人以上のため、重点項目評価が義務付けられる（規則上の確認が未了の規定[B]）とされます。「{mandatory}」を確認してください。"),
                format!("with 500 or more handlers the 重点項目評価 is mandatory (a rule not confirmed from the primary text [B]); check `{mandatory}`."),
            ),
            Known::Maybe => (
                vec![basic_only, mandatory],
                false,
                String::new(),
                String::new(),
            ),
        },
        _ => match big {
            // 10万人以上30万人未満
            Known::No => (
                vec![mandatory],
                false,
                format!("10万人以上30万人未満で取扱者数500人未満・重大事故なしの場合は「{mandatory}」です。"),
                format!("100,000–300,000 people with fewer than 500 handlers and no serious accident: `{mandatory}`."),
            ),
            Known::Yes => (
                vec![],
                false,
                "取扱者数が500人以上のため、全項目評価書（様式４）の作成が必要です。重点項目評価書では要件を満たしません。".into(),
                "with 500 or more handlers a 全項目評価書 (様式４) is required; a 重点項目評価書 is the wrong form.".into(),
            ),
            Known::Maybe => (
                vec![mandatory],
                true,
                "過去1年以内に重大事故が発生している場合や取扱者数が500人以上の場合は、全項目評価書が必要です。該当しないことを確認してください。".into(),
                "if a serious accident occurred in the past year or 500 or more people handle the file, a 全項目評価書 is required; confirm that neither applies.".into(),
            ),
        },
    };
    if !ok.contains(&result) {
        out.push(
            at(document, path, entry, &codes::THRESHOLD)
                .arg("people", people)
                .arg_lang("expected", ja, en),
        );
    } else if unsure {
        out.push(
            at(document, path, entry, &codes::THRESHOLD_UNSURE)
                .arg("people", people)
                .arg_lang("expected", ja, en),
        );
    }
}

/// 公表日 against Ⅴ１①実施日: order, yearly review, five-year re-assessment.
fn dates(document: &Document, out: &mut Vec<Diagnostic>) {
    let root = &document.root;
    let (Some(published), Some(assessed)) = (
        root.date("表紙.公表日"),
        root.date("評価実施手続.基礎項目評価.実施日"),
    ) else {
        return;
    };
    let path = "表紙.公表日";
    let Some(entry) = root.at(path) else { return };
    let args = |d: Diagnostic| {
        d.arg("published", published.wareki())
            .arg("assessed", assessed.wareki())
    };
    if published < assessed {
        out.push(args(at(
            document,
            path,
            entry,
            &codes::PUBLISHED_BEFORE_ASSESSMENT,
        )));
    } else if published > assessed.plus_years(5) {
        out.push(args(at(
            document,
            path,
            entry,
            &codes::FIVE_YEAR_REASSESSMENT,
        )));
    } else if published > assessed.plus_years(1) {
        out.push(args(at(document, path, entry, &codes::YEARLY_REVIEW)));
    }
}

/// Ⅱ against the boxes of Ⅲ (and Ⅰ５ against Ⅲ６).
fn consistency(document: &Document, out: &mut Vec<Diagnostic>) {
    let root = &document.root;
    let flag = |path: &str| matches!(root.at(path).map(|e| &e.value), Some(Value::Flag(true)));
    // Ⅱ４ 委託しない ⇔ Ⅲ４ [○] 委託しない
    let no_entrust_path = "リスク対策.委託.委託しない";
    if let Some(choice) = root.choice(&format!("{ENTRUST}.委託の有無"))
        && (choice == choices::ENTRUST.options[1]) != flag(no_entrust_path)
        && let Some(entry) = root.at(&format!("{ENTRUST}.委託の有無"))
    {
        out.push(
            at(
                document,
                &format!("{ENTRUST}.委託の有無"),
                entry,
                &codes::ENTRUST_CONSISTENCY,
            )
            .arg("value", choice),
        );
    }
    // Ⅱ５ 行っていない ⇔ Ⅲ５ [○] 提供・移転しない
    let transfer_path = format!("{TRANSFER}.提供・移転の有無");
    if let Some(entry) = root.at(&transfer_path)
        && let (Value::Checks(ticks), Kind::Checks(options)) = (&entry.value, entry.item.kind)
    {
        let none = ticks
            .iter()
            .all(|t| options[t.option].label == "行っていない")
            && !ticks.is_empty();
        if none != flag("リスク対策.提供・移転.提供・移転しない") {
            out.push(at(
                document,
                &transfer_path,
                entry,
                &codes::TRANSFER_CONSISTENCY,
            ));
        }
    }
    // Ⅰ５ 実施しない ⇒ Ⅲ６ both 接続しない boxes; 実施する ⇒ neither.
    let linkage_path = "基本情報.情報連携.実施の有無";
    if let (Some(linkage), Some(entry)) = (root.choice(linkage_path), root.at(linkage_path)) {
        let boxes = match root
            .at("リスク対策.情報提供ネットワークシステムとの接続.接続しない")
            .map(|e| &e.value)
        {
            Some(Value::Checks(ticks)) => ticks.len(),
            _ => 0,
        };
        let bad = match choices::LINKAGE.position(linkage) {
            Some(0) => boxes > 0, // 実施する
            Some(1) => boxes < 2, // 実施しない
            _ => false,
        };
        if bad {
            out.push(
                at(document, linkage_path, entry, &codes::LINKAGE_CONSISTENCY)
                    .arg("value", linkage),
            );
        }
    }
    // 再委託する in any 委託事項 ⇔ Ⅲ４ 担保 is not 再委託していない
    let care_path = "リスク対策.委託.委託先における不正な使用等.再委託先による担保";
    let blocks = root.blocks(&format!("{ENTRUST}.委託事項"));
    if let (Some(care), Some(entry)) = (root.choice(care_path), root.at(care_path))
        && !blocks.is_empty()
    {
        let any_sub = blocks
            .iter()
            .any(|b| b.record.choice("再委託の有無") == Some(choices::SUBCONTRACT.options[0]));
        if any_sub == (care == choices::SUBCONTRACT_CARE.options[3]) {
            out.push(
                at(document, care_path, entry, &codes::SUBCONTRACT_CONSISTENCY).arg("value", care),
            );
        }
    }
}

/// Rules on the recorded change table.
pub fn change_rules(document: &Document, rows: &[ChangeRow], out: &mut Vec<Diagnostic>) {
    let published = document.root.date("表紙.公表日");
    let important = important_labels(document);
    for (i, row) in rows.iter().enumerate() {
        let texts = [&row.item, &row.before, &row.after, &row.reason];
        if let Some(c) = texts.iter().find_map(|t| unprintable(t)) {
            out.push(unprintable_diagnostic(c, row.span));
        }
        let column = |key: &str| {
            let path = format!("{}[{}].{key}", TABLE.key, i + 1);
            let steps = resolve_in(std::slice::from_ref(&TABLE), &path);
            (steps.map(|s| full_label(&s)).unwrap_or_default(), path)
        };
        if let (Some(date), Some(published)) = (row.date, published)
            && date > published
        {
            let (label, path) = column("変更日");
            out.push(
                Diagnostic::new(&codes::CHANGE_AFTER_PUBLICATION, Some(row.span))
                    .arg("date", date.wareki())
                    .arg("published", published.wareki())
                    .at_item(label, path),
            );
        }
        if row.timing == Some("事後")
            && row.reason.trim().is_empty()
            && important.contains(&row.item)
        {
            let (_, path) = column("提出時期に係る説明");
            out.push(
                Diagnostic::new(&codes::IMPORTANT_CHANGE_AFTERWARDS, Some(row.span))
                    .at_item(row.item.clone(), path),
            );
        }
    }
}

/// Canonical labels of every ※ item (groups expanded to their maximum), so that rows written
/// with hyoka's own labels can be recognised. Historical free-style labels are not matched.
fn important_labels(document: &Document) -> std::collections::HashSet<String> {
    let mut labels = std::collections::HashSet::new();
    fn go(
        items: &'static [crate::form::Item],
        path: &mut Vec<Step>,
        labels: &mut std::collections::HashSet<String>,
    ) {
        for item in items {
            match item.kind {
                Kind::Group(group) => {
                    for i in 1..=group.max.min(20) {
                        path.push(Step {
                            item,
                            index: Some(i),
                        });
                        if is_important(path) {
                            labels.insert(full_label(path));
                        }
                        go(group.items, path, labels);
                        path.pop();
                    }
                }
                _ => {
                    path.push(Step { item, index: None });
                    if is_important(path) {
                        labels.insert(full_label(path));
                    }
                    go(item.children(), path, labels);
                    path.pop();
                }
            }
        }
    }
    go(document.edition.items, &mut Vec::new(), &mut labels);
    labels
}

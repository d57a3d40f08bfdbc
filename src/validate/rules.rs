//! Rules that relate items to each other: counts, しきい値判断, dates, and the agreement of
//! Ⅱ with the boxes of Ⅲ. Rules marked [B] in `rules.md` (not confirmed from the primary
//! text) only ever give warnings or say so in their advice.

use crate::diag::{Diagnostic, Lang, codes};
use crate::form::label::{Step, full_label, resolve};
use crate::form::{Kind, choices};
use crate::load::{ChangeRow, Document, Entry, Value};
use crate::regime::Source;
use crate::regime::changes;
use crate::regime::threshold::{Band, Cell, Column, Decision, Fact, Facts, Handlers, decide};

/// A diagnostic at an item given by its key path.
pub(super) fn at(
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

/// Runs every rule on a 重点項目評価書; `basic`: the しきい値判断項目 of the 基礎項目評価書
/// published with it, which its しきい値判断結果 is judged on.
pub fn document_rules(
    document: &Document,
    basic: Option<&super::pair::BasicFacts>,
    out: &mut Vec<Diagnostic>,
) {
    entrust_count(document, out);
    transfer_counts(document, out);
    threshold(document, basic, out);
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

/// Texts with characters the bundled fonts cannot print (W0214), once per item; a fact
/// shared with the 重点項目評価書 is reported there.
pub(super) fn printable(document: &Document, out: &mut Vec<Diagnostic>) {
    fn walk(record: &crate::load::Record, path: &mut Vec<Step>, out: &mut Vec<Diagnostic>) {
        for entry in record.entries.iter().filter(|e| !e.shared) {
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

/// Bounds of a staff range such as `10人以上50人未満` (`None` above: unbounded), by the
/// option's position in the form's list (choices::STAFF), so the texts are not written again.
fn staff_bounds(text: &str) -> (u64, Option<u64>) {
    const BOUNDS: [(u64, Option<u64>); 6] = [
        (0, Some(9)),
        (10, Some(49)),
        (50, Some(99)),
        (100, Some(499)),
        (500, Some(999)),
        (1000, None),
    ];
    choices::STAFF
        .position(text)
        .and_then(|i| BOUNDS.get(i).copied())
        .unwrap_or(BOUNDS[5])
}

/// 取扱者数 (own staff plus contractor staff) as far as the document tells: Ⅱ３④使用者数 plus
/// each 委託事項's 取扱者数, all ranges.
fn handlers(document: &Document) -> Handlers {
    let root = &document.root;
    let mut total = Handlers::count(0);
    let staff = root
        .choice("ファイルの概要.入手・使用.使用者数")
        .into_iter();
    let contractors = root
        .blocks(&format!("{ENTRUST}.委託事項"))
        .iter()
        .filter_map(|block| block.record.choice("取扱者数"));
    for text in staff.chain(contractors) {
        let (low, high) = staff_bounds(text);
        total.at_least = total.at_least.saturating_add(low);
        total.at_most = total.at_most.zip(high).map(|(a, b)| a.saturating_add(b));
    }
    total
}

/// A 重大事故 within the past year as far as the document tells: Ⅲ７② covers 3 years, the
/// しきい値判断 1 year, so 発生なし excludes it and 発生あり leaves it open.
fn accident(document: &Document) -> Fact {
    let accident = document
        .root
        .choice("リスク対策.保管・消去.漏えい・滅失・毀損.重大事故");
    if accident == Some(choices::ACCIDENT.options[1]) {
        Fact::No
    } else {
        Fact::Unknown
    }
}

/// Ⅴ１②しきい値判断結果 against Ⅰ１③対象人数 and what the document tells of 取扱者数 and
/// 重大事故, decided by the table of [`crate::regime::threshold`] (rules.md §1); beside a
/// 基礎項目評価書, against that document's しきい値判断項目, which state all three.
fn threshold(
    document: &Document,
    basic: Option<&super::pair::BasicFacts>,
    out: &mut Vec<Diagnostic>,
) {
    let root = &document.root;
    let Some(people) = root.choice("基本情報.事務.対象人数") else {
        return;
    };
    let path = "評価実施手続.基礎項目評価.しきい値判断結果";
    let (Some(entry), Some(result)) = (root.at(path), root.choice(path)) else {
        return;
    };
    let facts = match basic {
        Some(basic) => basic.facts,
        None => {
            let Some(band) = choices::TARGET_PEOPLE
                .position(people)
                .and_then(Band::of_choice)
            else {
                return;
            };
            Facts {
                people: band,
                handlers: handlers(document),
                accident: accident(document),
                staff_only: false,
                paper_only: false,
            }
        }
    };
    let decision = decide(&facts);
    let candidates = decision.candidates();
    let ok: Vec<&str> = candidates
        .iter()
        .filter_map(|(_, cell)| cell.required.form3_choice())
        .collect();
    // Acceptable only if neither 取扱者数 ≥ 500 nor a recent 重大事故, which needs 様式４.
    let unsure = !ok.is_empty()
        && candidates
            .iter()
            .any(|(_, cell)| cell.required.form3_choice().is_none());
    let code = match (ok.contains(&result), basic) {
        (false, Some(_)) => &codes::THRESHOLD_DISAGREE,
        (false, None) => &codes::THRESHOLD,
        // The 基礎項目評価書's own missing answers are reported there.
        (true, None) if unsure => &codes::THRESHOLD_UNSURE,
        (true, _) => return,
    };
    let mut d = at(document, path, entry, code)
        .arg("people", people)
        .arg_lang(
            "expected",
            threshold_advice(&decision, Lang::Ja),
            threshold_advice(&decision, Lang::En),
        );
    if let Some(basic) = basic {
        d = d
            .arg("result", result)
            .arg_lang("facts", basic.text.0.clone(), basic.text.1.clone())
            .elsewhere(basic.place.clone());
    }
    out.push(d);
}

/// What Ⅴ１② should say, one statement per column the document leaves open, each with its
/// [B] mark where rules.md has one.
fn threshold_advice(decision: &Decision, lang: Lang) -> String {
    let mut candidates = decision.candidates();
    let alike = candidates
        .iter()
        .all(|(_, cell)| cell.required == candidates[0].1.required);
    if alike && candidates.len() > 1 {
        // The column does not change the result; it is [B] only if every way to it is.
        let believed = candidates
            .iter()
            .all(|(_, cell)| cell.source == Source::Believed);
        candidates.truncate(1);
        candidates[0].1.source = if believed {
            Source::Believed
        } else {
            Source::Stated
        };
    }
    let open = candidates.len() > 1;
    let statement = |column: Column, cell: Cell| {
        let condition = (decision.column.is_some() || open).then(|| column.text(lang));
        let mark = match (cell.source, lang) {
            (Source::Stated, _) => "",
            (Source::Believed, Lang::Ja) => "（一次資料で確認できていない規定[B]）",
            (Source::Believed, Lang::En) => " (a rule not confirmed from the primary text [B])",
        };
        match (cell.required.form3_choice(), lang) {
            (Some(choice), Lang::Ja) => format!(
                "{}「{choice}」です{mark}",
                condition
                    .map(|c| format!("{c}の場合は"))
                    .unwrap_or_default()
            ),
            (None, Lang::Ja) => format!(
                "{}全項目評価書（様式４）の作成が必要です{mark}。重点項目評価書では要件を満たしません",
                condition
                    .map(|c| format!("{c}の場合は"))
                    .unwrap_or_default()
            ),
            (Some(choice), Lang::En) => format!(
                "{}choose `{choice}`{mark}",
                condition.map(|c| format!("with {c}, ")).unwrap_or_default()
            ),
            (None, Lang::En) => format!(
                "{}a 全項目評価書 (様式４) is required{mark}; a 重点項目評価書 is the wrong form",
                condition.map(|c| format!("with {c}, ")).unwrap_or_default()
            ),
        }
    };
    let statements: Vec<String> = candidates
        .iter()
        .map(|(column, cell)| statement(*column, *cell))
        .collect();
    let band = decision.band.text(lang);
    match lang {
        Lang::Ja => {
            let check = if open {
                "取扱者数と過去1年以内の重大事故の有無を確認してください。"
            } else {
                ""
            };
            format!("対象人数{band}で、{}。{check}", statements.join("。"))
        }
        Lang::En => {
            let check = if open {
                " Check 取扱者数 and any serious accident in the past year."
            } else {
                ""
            };
            format!("{band}: {}.{check}", statements.join("; "))
        }
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
    for (i, row) in rows.iter().enumerate() {
        let texts = [&row.item, &row.before, &row.after, &row.reason];
        if let Some(c) = texts.iter().find_map(|t| unprintable(t)) {
            out.push(unprintable_diagnostic(c, row.span));
        }
        if let (Some(date), Some(published)) = (row.date, published)
            && date > published
        {
            let (label, path) = changes::column(i, "変更日");
            out.push(
                Diagnostic::new(&codes::CHANGE_AFTER_PUBLICATION, Some(row.span))
                    .arg("date", date.wareki())
                    .arg("published", published.wareki())
                    .at_item(label, path),
            );
        }
    }
    for (i, row) in changes::unexplained_afterwards(document, rows) {
        let (_, path) = changes::column(i, "提出時期に係る説明");
        out.push(
            Diagnostic::new(&codes::IMPORTANT_CHANGE_AFTERWARDS, Some(row.span))
                .at_item(row.item.clone(), path),
        );
    }
}

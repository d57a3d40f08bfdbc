//! Hints for the 提出時期: changes to a ※ item that may fall under an exclusion from 重要な変更.
//!
//! rules.md §2 [B]: changes that clearly reduce risk, typo fixes, formal changes such as the
//! renaming of an organisation, and changes that only follow an amendment of law are not
//! 重要な変更, so officers record them 事後. Each test here looks at the texts only and makes a
//! proposal with its reason, never a decision: the officer confirms it or overrides it with
//! `--timing`. In order:
//! 1. the item names a 部署 or 役職, or every changed stretch lies inside an organisation's name
//!    (`健康増進課` → `健康推進課`) → 「組織の名称変更」;
//! 2. one or two characters changed, none of them a digit → 「誤字脱字の修正」;
//! 3. every change lies in legal citations (条, 項, 号, 別表, 主務省令, 命令, the laws' names and
//!    numbers) → 「法令改正に伴う変更」;
//! 4. text only deleted (citations may change alongside) → 「リスクを軽減する変更（機能の廃止等）」,
//!    outside the risk measures only: a deletion from the measures (Ⅲ of 様式３) weakens them
//!    and stays 事前.

use serde::Serialize;
use similar::{Algorithm, DiffTag, capture_diff_slices};

use super::citations::{covered, mask, residue, within};

/// An exclusion from 重要な変更 that a change appears to fall under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Exclusion {
    /// 組織の名称変更.
    OrganisationRenamed,
    /// 誤字脱字の修正.
    Typo,
    /// 法令改正に伴う変更.
    LawAmended,
    /// リスクを軽減する変更（機能の廃止等）.
    Removal,
}

impl Exclusion {
    /// The exclusion's name as officers write it in 提出時期に係る説明.
    pub fn name(self) -> &'static str {
        match self {
            Exclusion::OrganisationRenamed => "組織の名称変更",
            Exclusion::Typo => "誤字脱字の修正",
            Exclusion::LawAmended => "法令改正に伴う変更",
            Exclusion::Removal => "リスクを軽減する変更（機能の廃止等）",
        }
    }

    /// What the texts show, as a noun phrase.
    fn finding(self) -> &'static str {
        match self {
            Exclusion::OrganisationRenamed => "部署名・役職名の変更",
            Exclusion::Typo => "1〜2文字（数字を含まない）の修正",
            Exclusion::LawAmended => "法令の名称・条項・別表等の引用の変更",
            Exclusion::Removal => "記載の削除",
        }
    }

    /// What the officer should check before accepting the proposal.
    fn caveat(self) -> &'static str {
        match self {
            Exclusion::OrganisationRenamed => {
                "組織改編で事務の担当や取扱いが変わらないことを確認してください。"
            }
            Exclusion::Typo => "意味が変わらないことを確認してください。",
            Exclusion::LawAmended => "取扱いが変わらないことを確認してください。",
            Exclusion::Removal => {
                "機能や事務の廃止によりリスクが明らかに軽減する場合に限ります（取扱いを減らさずに記載だけを削る場合は該当しません）。"
            }
        }
    }
}

/// What the texts of a change suggest about its 提出時期.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Hint {
    /// The change appears to fall under these exclusions: 事後 is proposed.
    Excluded(Vec<Exclusion>),
    /// Text deleted from the risk measures: not a reduction of risk, 事前 stays.
    MeasuresWeakened,
}

impl Hint {
    /// The exclusions' names joined, e.g. `法令改正に伴う変更、リスクを軽減する変更（機能の廃止等）`.
    pub fn names(&self) -> String {
        match self {
            Hint::Excluded(kinds) => kinds
                .iter()
                .map(|k| format!("「{}」", k.name()))
                .collect::<Vec<_>>()
                .join("・"),
            Hint::MeasuresWeakened => String::new(),
        }
    }

    /// The reason given for a ※ item, in Japanese, with the [B] mark.
    pub fn reason(&self) -> String {
        match self {
            Hint::Excluded(kinds) => {
                let findings: Vec<&str> = kinds.iter().map(|k| k.finding()).collect();
                let caveats: String = kinds.iter().map(|k| k.caveat()).collect();
                format!(
                    "※の項目の変更ですが、{}のみのため、重要な変更に当たらない{}として事後を提案。{caveats}（除外の扱いは未確認の規定[B]。当たらない場合は --timing で事前としてください）",
                    findings.join("と"),
                    self.names()
                )
            }
            Hint::MeasuresWeakened => "※の項目の変更（重要な変更）のため事前を提案。リスク対策の記載の削除は措置を弱める変更であり、リスクを軽減する変更には当たらないと考えられます（未確認の規定[B]）".to_string(),
        }
    }
}

/// A change as the hints look at it.
pub struct Subject<'a> {
    /// 変更前, the whole value as printed.
    pub before: &'a str,
    /// 変更後, the whole value as printed.
    pub after: &'a str,
    /// Whether the item's value is free text (a choice, date or count is never a typo or citation).
    pub text: bool,
    /// Whether the item names a 部署 or 役職.
    pub names_organisation: bool,
    /// Whether the item belongs to the risk measures (Ⅲ リスク対策 of 様式３).
    pub in_measures: bool,
}

/// The hint for a change, if its texts suggest one.
pub fn hint(s: &Subject) -> Option<Hint> {
    if s.before.is_empty() || s.after.is_empty() {
        // Something new or something gone as a whole is not a rewording.
        return None;
    }
    let excluded = |k| Some(Hint::Excluded(vec![k]));
    if s.names_organisation {
        return excluded(Exclusion::OrganisationRenamed);
    }
    let before: Vec<char> = s.before.chars().collect();
    let after: Vec<char> = s.after.chars().collect();
    let content = |t: &[char]| -> String { t.iter().filter(|c| !separator(**c)).collect() };
    if !s.text || content(&before) == content(&after) {
        // Choices, dates and counts are not reworded; a change of layout only is no exclusion.
        return None;
    }
    let hunks = hunks(&before, &after);
    // A rename replaces part of a name: something removed and something added, inside one.
    let renamed = |h: &Hunk| {
        !h.old.is_empty()
            && !h.new.is_empty()
            && in_organisation(&before, h.old.clone())
            && in_organisation(&after, h.new.clone())
    };
    if hunks.iter().all(renamed) {
        return excluded(Exclusion::OrganisationRenamed);
    }
    if is_typo(&before, &after) {
        return excluded(Exclusion::Typo);
    }
    let (old_cover, new_cover) = (covered(&before), covered(&after));
    let citation = |h: &Hunk| {
        within(&old_cover, &before, h.old.clone()) && within(&new_cover, &after, h.new.clone())
    };
    let deletion = |h: &Hunk| after[h.new.clone()].iter().all(|c| separator(*c));
    let (old_residue, new_residue) = (residue(&before), residue(&after));
    if hunks.iter().all(citation) || old_residue == new_residue {
        return excluded(Exclusion::LawAmended);
    }
    let cited = if hunks.iter().all(|h| citation(h) || deletion(h)) {
        hunks.iter().any(|h| citation(h) && !deletion(h))
    } else if only_deletes(&old_residue, &new_residue) && mask(&before).1 != mask(&after).1 {
        // Citations rewritten and text deleted around them.
        true
    } else {
        return None;
    };
    if s.in_measures {
        return Some(Hint::MeasuresWeakened);
    }
    Some(Hint::Excluded(if cited {
        vec![Exclusion::LawAmended, Exclusion::Removal]
    } else {
        vec![Exclusion::Removal]
    }))
}

/// A changed stretch: the characters removed from `before` and those added in `after`.
#[derive(Debug, Clone, PartialEq)]
struct Hunk {
    old: std::ops::Range<usize>,
    new: std::ops::Range<usize>,
}

/// The changed stretches, those one or two equal characters apart merged (a reworded phrase
/// is one change, not a comb of single characters).
fn hunks(before: &[char], after: &[char]) -> Vec<Hunk> {
    let mut out: Vec<Hunk> = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, before, after) {
        let (tag, old, new) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            continue;
        }
        match out.last_mut() {
            Some(last)
                if old.start - last.old.end <= 2
                    && !before[last.old.end..old.start].contains(&'\n') =>
            {
                last.old.end = old.end;
                last.new.end = new.end;
            }
            _ => out.push(Hunk { old, new }),
        }
    }
    out
}

/// One or two characters removed and at most two added (or the reverse), none a digit.
fn is_typo(before: &[char], after: &[char]) -> bool {
    let (mut removed, mut added) = (Vec::new(), Vec::new());
    for op in capture_diff_slices(Algorithm::Myers, before, after) {
        let (tag, old, new) = op.as_tag_tuple();
        if tag != DiffTag::Equal {
            removed.extend_from_slice(&before[old]);
            added.extend_from_slice(&after[new]);
        }
    }
    let n = removed.len().max(added.len());
    (1..=2).contains(&n)
        && !removed
            .iter()
            .chain(&added)
            .any(|c| digit(*c) || *c == '\n')
}

/// Whether `text` after deleting some of its characters is `shorter`.
fn only_deletes(text: &str, shorter: &str) -> bool {
    let mut rest = text.chars();
    shorter.chars().all(|c| rest.any(|t| t == c)) && text != shorter
}

pub(super) fn digit(c: char) -> bool {
    c.is_numeric() || "〇一二三四五六七八九十百千".contains(c)
}

/// Characters that end a name: spaces, punctuation, brackets, line breaks.
pub(super) fn separator(c: char) -> bool {
    c.is_whitespace() || "、。，．,.・:：;；/／「」『』【】（）()<>＜＞〈〉《》[]［］".contains(c)
}

/// Kanji and katakana, the characters of names (not the katakana middle dot ・).
pub(super) fn ideographic(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '々' | '\u{30A0}'..='\u{30FF}')
        && c != '・'
}

const ORGANISATION_ENDS: &[&str] = &["センター", "事務所", "課", "室", "局", "部", "庁", "長"];

/// Whether the stretch `range` of `text` lies inside an organisation's or post's name: from its
/// last character, within a few characters and no separator, comes a name end (課, 室, 部, 長 …)
/// that is not followed by more of the name.
fn in_organisation(text: &[char], range: std::ops::Range<usize>) -> bool {
    if text[range.clone()].iter().any(|c| separator(*c)) {
        return false;
    }
    let from = range.end.saturating_sub(1).max(range.start);
    let window = &text[from.min(text.len())..text.len().min(range.end + 10)];
    for (i, c) in window.iter().enumerate() {
        if separator(*c) {
            return false;
        }
        let rest: String = window[i..].iter().collect();
        for end in ORGANISATION_ENDS {
            if rest.starts_with(end) {
                let next = text.get(from + i + end.chars().count());
                let before_end = if from + i == 0 {
                    None
                } else {
                    text.get(from + i - 1)
                };
                let whole = !next.is_some_and(|n| ideographic(*n) && *n != '長');
                if whole && before_end.is_some_and(|b| ideographic(*b)) {
                    return true;
                }
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(before: &str, after: &str) -> Option<Hint> {
        hint(&Subject {
            before,
            after,
            text: true,
            names_organisation: false,
            in_measures: false,
        })
    }

    fn excluded(kinds: &[Exclusion]) -> Option<Hint> {
        Some(Hint::Excluded(kinds.to_vec()))
    }

    #[test]
    fn renumbered_citations_are_a_change_of_law() {
        assert_eq!(
            text("番号法第19条第15号", "番号法第19条第16号"),
            excluded(&[Exclusion::LawAmended])
        );
        assert_eq!(
            text(
                "・番号法第９条第１項　別表第一の10の項",
                "・番号法第９条第１項\n・番号法別表14の項"
            ),
            excluded(&[Exclusion::LawAmended])
        );
        // A law's new name: the change lies in the name of the 省令 that is cited.
        assert_eq!(
            text(
                "事務であって主務省令で定めるもの",
                "事務であって番号法第19条第８号に基づく主務省令第27条で定めるもの"
            ),
            excluded(&[Exclusion::LawAmended])
        );
        // New content next to a citation is not.
        assert_eq!(
            text(
                "・届出内容を番号法第16条に基づき確認する。",
                "・届出内容と本人確認書類を番号法第16条に基づき確認する。"
            ),
            None
        );
        // A new number with new content is not.
        assert_eq!(
            text(
                "番号法第19条第15号",
                "番号法第19条第16号に基づき市長が定める事務"
            ),
            None
        );
    }

    #[test]
    fn deletions_outside_the_measures_reduce_risk_inside_they_weaken_them() {
        let before = "保管する。\n電子交付アプリには、申請情報を記録しない。";
        assert_eq!(text(before, "保管する。"), excluded(&[Exclusion::Removal]));
        let measures = hint(&Subject {
            before,
            after: "保管する。",
            text: true,
            names_organisation: false,
            in_measures: true,
        });
        assert_eq!(measures, Some(Hint::MeasuresWeakened));
        assert_eq!(
            text(
                "・番号法第19条第16号（ＶＲＳを用いた照会のみ）",
                "・番号法第19条第８号"
            ),
            excluded(&[Exclusion::LawAmended, Exclusion::Removal])
        );
    }

    #[test]
    fn small_edits_and_renamed_organisations() {
        assert_eq!(
            text("ログアウトを実施したッ職員", "ログアウトを実施した職員"),
            excluded(&[Exclusion::Typo])
        );
        assert_eq!(text("年に1回", "年に2回"), None, "a digit is not a typo");
        assert_eq!(
            text("健康増進課に配置された職員", "健康推進課に配置された職員"),
            excluded(&[Exclusion::OrganisationRenamed])
        );
        assert_eq!(
            text("総務課長が承認する。", "情報政策課長が承認する。"),
            excluded(&[Exclusion::OrganisationRenamed])
        );
        assert_eq!(text("職員が確認する。", "職員が毎日必ず確認する。"), None);
        assert_eq!(
            text("都道府県知事又は市町村長", "市町村長"),
            excluded(&[Exclusion::Removal]),
            "a recipient dropped is no rename"
        );
        assert_eq!(
            text("一行目。\n二行目。", "一行目。二行目。"),
            None,
            "layout only"
        );
    }
}

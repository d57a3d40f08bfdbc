//! Legal citations in a text: which characters cite a law (条, 項, 号, 別表, の項 and their
//! numbers; `（以下「…」という）` and a law's number in parentheses; the names of laws), so that
//! the 提出時期 hints can tell a change of citations from a change of content.
//!
//! A law's name is found from its end: 法律, 命令, 省令, 政令, 規則 or 条例 (a long official title,
//! `行政手続における…に関する法律`, back to the start of its run of text or to a word that ends
//! a phrase of content, such as であって), or 法 followed by a citation, back over its kanji and
//! katakana only (`番号法第19条`, `予防接種法第５条`): 方法 or 使用方法 are no law.

use super::timing::{digit, ideographic, separator};

/// The names' ends, longest first.
const LAW_ENDS: &[&str] = &["法律", "命令", "省令", "政令", "規則", "条例", "法"];

/// Words that end a phrase of content before a law's name: the name starts after them.
const PHRASE_ENDS: &[&str] = &[
    "であって",
    "について",
    "により",
    "による",
    "として",
    "は",
    "が",
];

/// A stand-in for a citation in [`mask`]'s output.
pub(super) const CITED: char = '\u{E000}';

fn number_at(text: &[char], at: usize) -> usize {
    text[at.min(text.len())..]
        .iter()
        .take_while(|c| digit(**c))
        .count()
}
fn starts(text: &[char], at: usize, word: &str) -> bool {
    word.chars()
        .enumerate()
        .all(|(i, w)| text.get(at + i) == Some(&w))
}
fn atom_at(text: &[char], at: usize) -> Option<usize> {
    let numbered_item = |from: usize| -> Option<usize> {
        // NUM(のNUM)*の項
        let mut i = from;
        let n = number_at(text, i);
        if n == 0 {
            return None;
        }
        i += n;
        loop {
            if starts(text, i, "の項") {
                return Some(i + 2 - from);
            }
            if text.get(i) == Some(&'の') && number_at(text, i + 1) > 0 {
                i += 1 + number_at(text, i + 1);
                continue;
            }
            return None;
        }
    };
    if text.get(at) == Some(&'第') {
        let n = number_at(text, at + 1);
        let mut i = at + 1 + n;
        if n > 0 && text.get(i).is_some_and(|c| "条項号款目".contains(*c)) {
            i += 1;
            // 第12条の２の２
            while text.get(i) == Some(&'の') && number_at(text, i + 1) > 0 {
                i += 1 + number_at(text, i + 1);
            }
            return Some(i - at);
        }
    }
    if starts(text, at, "別表") {
        let mut i = at + 2;
        if text.get(i) == Some(&'第') && number_at(text, i + 1) > 0 {
            i += 1 + number_at(text, i + 1);
        }
        return Some(i - at);
    }
    if text.get(at) == Some(&'表')
        && let Some(n) = numbered_item(at + 1)
    {
        return Some(1 + n);
    }
    if let Some(n) = numbered_item(at) {
        return Some(n);
    }
    if matches!(text.get(at), Some('（' | '(')) {
        let close = text[at..].iter().position(|c| matches!(c, '）' | ')'))?;
        let inner: String = text[at + 1..at + close].iter().collect();
        let defines = inner.starts_with("以下") && inner.contains("という");
        let numbers = inner.contains('年') && inner.ends_with('号');
        if defines || numbers {
            return Some(close + 1);
        }
    }
    None
}
fn citation_at(text: &[char], at: usize) -> Option<usize> {
    let mut i = at + atom_at(text, at)?;
    loop {
        if let Some(n) = atom_at(text, i) {
            i += n;
        } else if text.get(i) == Some(&'の')
            && let Some(n) = atom_at(text, i + 1)
        {
            i += 1 + n;
        } else {
            return Some(i - at);
        }
    }
}

/// Which characters of `text` belong to a citation or to the name of a law.
pub(super) fn covered(text: &[char]) -> Vec<bool> {
    let mut cover = vec![false; text.len()];
    let mut i = 0;
    while i < text.len() {
        match citation_at(text, i) {
            Some(n) => {
                cover[i..i + n].iter_mut().for_each(|c| *c = true);
                i += n;
            }
            None => i += 1,
        }
    }
    let cited_after = |cover: &[bool], mut at: usize| {
        while text.get(at).is_some_and(|c| *c == '　' || *c == ' ') {
            at += 1;
        }
        cover.get(at).copied().unwrap_or(false)
    };
    let mut names = Vec::new();
    for end in 1..=text.len() {
        let Some(suffix) = LAW_ENDS.iter().find(|s| {
            let n = s.chars().count();
            end >= n && text[end - n..end].iter().copied().eq(s.chars())
        }) else {
            continue;
        };
        let from = end - suffix.chars().count();
        let start = if *suffix == "法" {
            if !cited_after(&cover, end) || starts(text, end, "律") {
                continue;
            }
            let mut start = from;
            while start > 0 && (ideographic(text[start - 1]) || text[start - 1] == '等') {
                start -= 1;
            }
            start
        } else {
            let mut start = from;
            while start > 0 && !separator(text[start - 1]) && !cover[start - 1] {
                start -= 1;
            }
            let run: String = text[start..from].iter().collect();
            let cut = PHRASE_ENDS
                .iter()
                .filter_map(|w| {
                    run.rfind(w)
                        .map(|at| run[..at].chars().count() + w.chars().count())
                })
                .max()
                .unwrap_or(0);
            start + cut
        };
        names.push(start..end);
    }
    for name in names {
        cover[name].iter_mut().for_each(|c| *c = true);
    }
    cover
}

/// The text with each stretch of citations replaced by one [`CITED`], and those stretches.
pub(super) fn mask(text: &[char]) -> (Vec<char>, Vec<String>) {
    let cover = covered(text);
    let (mut out, mut cited): (Vec<char>, Vec<String>) = (Vec::new(), Vec::new());
    for (i, c) in text.iter().enumerate() {
        if !cover[i] {
            out.push(*c);
        } else if i > 0 && cover[i - 1] {
            if let Some(last) = cited.last_mut() {
                last.push(*c);
            }
        } else {
            out.push(CITED);
            cited.push(c.to_string());
        }
    }
    (out, cited)
}

/// What is left of a text when its citations, punctuation, spaces and the connectives between
/// citations (及び, 並びに, 又は) are taken away.
pub(super) fn residue(text: &[char]) -> String {
    let kept: String = mask(text)
        .0
        .into_iter()
        .filter(|c| *c != CITED && !separator(*c))
        .collect();
    ["及び", "並びに", "又は", "および"]
        .iter()
        .fold(kept, |t, w| t.replace(w, ""))
}

/// Whether the stretch `range` of `text` lies within citations: its characters (punctuation
/// aside) are all cited, or, for an empty stretch (an insertion elsewhere), a neighbour is.
pub(super) fn within(cover: &[bool], text: &[char], range: std::ops::Range<usize>) -> bool {
    if range.is_empty() {
        let at = range.start;
        return (at > 0 && cover[at - 1]) || cover.get(at).copied().unwrap_or(false);
    }
    let mut any = false;
    for i in range {
        if cover[i] {
            any = true;
        } else if !separator(text[i]) {
            return false;
        }
    }
    any
}

#[cfg(test)]
mod tests {
    use super::*;

    fn masked(t: &str) -> String {
        mask(&t.chars().collect::<Vec<_>>()).0.into_iter().collect()
    }

    #[test]
    fn citations_and_law_names_are_masked() {
        let c = CITED;
        assert_eq!(
            masked("・番号法第９条第１項　別表第一の10の項"),
            format!("・{c}　{c}")
        );
        assert_eq!(
            masked("主務省令第２条の表25の項、26の項"),
            format!("{c}、{c}")
        );
        assert_eq!(
            masked(
                "行政手続における特定の個人を識別するための番号の利用等に関する法律（以下、「番号法」という）第10条"
            ),
            c.to_string()
        );
        assert_eq!(
            masked("事務であって番号法第19条第８号に基づく主務省令第27条で定めるもの"),
            format!("事務であって{c}で定めるもの")
        );
    }

    #[test]
    fn content_is_not_taken_for_a_law() {
        assert_eq!(masked("使用方法　第三者"), "使用方法　第三者");
        assert_eq!(
            masked("届出内容と本人確認書類を番号法第16条に基づき確認する"),
            format!("届出内容と本人確認書類を{}に基づき確認する", CITED)
        );
        assert_eq!(
            masked("具体的な方法により確認する"),
            "具体的な方法により確認する"
        );
    }
}

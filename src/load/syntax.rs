//! The likely cause of a YAML syntax error, named at the line that has it.
//!
//! saphyr-parser notices a mistake where it can no longer read on, usually at the next key,
//! past comments and blank lines. The officer's slips that cause it are few and visible in the
//! raw lines: a tab or full-width spaces as indentation, a full-width colon, no space after
//! the colon, a key indented to match neither its parent nor its siblings. The last such slip
//! at or before the parser's position is reported instead, at its own line, with the item's
//! label and the fix.

use std::collections::BTreeMap;

use crate::diag::{Diagnostic, Pos, Span, codes};

use super::outline::{Line, LineKind, OddIndent, Outline, Separator};

/// A span on one line, from a 1-based character column, `len` characters long.
pub(crate) fn span_at(line: &Line, col: usize, len: usize) -> Span {
    let pos = |col: usize| Pos {
        line: line.number,
        col,
        offset: line.start + col - 1,
    };
    Span {
        start: pos(col),
        end: pos(col + len.max(1)),
    }
}

/// Every slip the outline shows, in line order.
pub(crate) fn slips(outline: &Outline) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let deviants = deviant_indentation(outline);
    for (index, line) in outline.lines.iter().enumerate() {
        if matches!(line.kind, LineKind::Other) {
            continue;
        }
        let key_of = || match &line.kind {
            LineKind::Key { key, .. } => key.clone(),
            LineKind::Text {
                guess: Some((key, _, _)),
            } => key.clone(),
            _ => line.content.clone(),
        };
        match line.odd {
            Some((OddIndent::Tab, col)) => {
                out.push(Diagnostic::new(
                    &codes::TAB_INDENTATION,
                    Some(span_at(line, col, 1)),
                ));
                continue;
            }
            Some((OddIndent::FullWidth { count }, col)) => {
                out.push(
                    Diagnostic::new(
                        &codes::FULL_WIDTH_INDENTATION,
                        Some(span_at(line, col, count)),
                    )
                    .arg("count", count.to_string())
                    .arg("key", key_of()),
                );
                continue;
            }
            None => {}
        }
        if let LineKind::Text {
            guess: Some((key, separator, value)),
        } = &line.kind
            && !line.continues
        {
            out.push(separator_slip(line, line.char_col, key, *separator, value));
            continue;
        }
        if let Some(d) = deviants.get(&index) {
            out.push(d.clone());
        }
    }
    out
}

/// E0110, E0111 or E0115 for `key：value`, `key:value` or `key value` on `line`, its
/// content from `char_col`.
pub(crate) fn separator_slip(
    line: &Line,
    char_col: usize,
    key: &str,
    separator: Separator,
    value: &str,
) -> Diagnostic {
    let at = char_col + key.chars().count();
    let code = match separator {
        Separator::FullWidthColon => &codes::FULL_WIDTH_COLON,
        Separator::NoSpace => &codes::NO_SPACE_AFTER_COLON,
        Separator::Missing => &codes::MISSING_COLON,
    };
    Diagnostic::new(code, Some(span_at(line, at, 1))).arg("fix", format!("{key}: {value}"))
}

/// The character column where a node starts: its `- ` for a list item, else its key.
fn column(line: &Line, item: bool) -> usize {
    match line.dash {
        // Indentation with odd characters is reported on its own, so here it is ASCII.
        Some(dash) if item => dash + 1,
        _ => line.char_col,
    }
}

/// The usual step of indentation between a key and the keys under it (2 unless the file
/// says otherwise).
fn usual_step(outline: &Outline) -> usize {
    let mut counts = std::collections::BTreeMap::<usize, usize>::new();
    for node in &outline.nodes {
        if let Some(parent) = node.parent.map(|p| &outline.nodes[p])
            && !node.item
            && !parent.item
            && node.col > parent.col
        {
            *counts.entry(node.col - parent.col).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|(step, n)| (*n, std::cmp::Reverse(*step)))
        .map_or(2, |(step, _)| step)
}

/// Keys indented to match neither their parent nor their siblings: the first E0112 of each
/// line, by line index.
fn deviant_indentation(outline: &Outline) -> BTreeMap<usize, Diagnostic> {
    let step = usual_step(outline);
    let mut out = Vec::new();
    let mut families: BTreeMap<Option<usize>, Vec<usize>> = BTreeMap::new();
    for (i, node) in outline.nodes.iter().enumerate() {
        families.entry(node.parent).or_default().push(i);
    }
    let key_text = |i: usize| outline.nodes[i].key.clone().unwrap_or_else(|| "-".into());
    // Under a key that already has a value on its line: nothing can be indented below it.
    for node in &outline.nodes {
        let Some(parent) = node.parent else { continue };
        let above = &outline.nodes[parent];
        if above.item || above.opens || node.item {
            continue;
        }
        let line = &outline.lines[node.line];
        if line.odd.is_some() {
            continue;
        }
        let span = span_at(line, line.char_col, 1);
        out.push((
            node.line,
            Diagnostic::new(&codes::INDENTATION, Some(span))
                .arg_lang(
                    "detail",
                    format!(
                        "「{}」より深く字下げされていますが、「{}」には値が書かれているため、その下に項目は書けません",
                        node.key.clone().unwrap_or_default(),
                        key_text(parent)
                    ),
                    format!(
                        "`{}` is indented below `{}`, which has a value on its line, so nothing can stand under it",
                        node.key.clone().unwrap_or_default(),
                        key_text(parent)
                    ),
                )
                .arg_lang(
                    "fix",
                    format!(
                        "行頭の半角スペースを {} 個にして、「{}」とそろえてください。",
                        above.col,
                        key_text(parent)
                    ),
                    format!(
                        "indent it by {} spaces, like `{}`.",
                        above.col,
                        key_text(parent)
                    ),
                ),
        ));
    }
    // A key deeper than the level its item belongs to (a top-level key indented, say).
    let mut placed = std::collections::BTreeSet::new();
    for (i, node) in outline.nodes.iter().enumerate() {
        let line = &outline.lines[node.line];
        let under_value = node
            .parent
            .is_some_and(|p| !outline.nodes[p].opens && !outline.nodes[p].item);
        if node.item || line.dash.is_some() || line.odd.is_some() || under_value {
            continue;
        }
        let Some(level) = outline.level_of(i) else {
            continue;
        };
        if level == node.parent {
            continue;
        }
        let siblings: Vec<usize> = families
            .get(&level)
            .into_iter()
            .flatten()
            .filter(|&&j| j != i && !outline.nodes[j].item)
            .map(|&j| outline.nodes[j].col)
            .collect();
        let expected = match (level, siblings.first()) {
            (_, Some(col)) => *col,
            (None, None) => 0,
            (Some(l), None) => outline.nodes[l].col + step,
        };
        if expected == node.col {
            continue;
        }
        let key = node.key.clone().unwrap_or_default();
        let (detail_ja, detail_en) = match level {
            None => (
                format!(
                    "「{key}」は最上位の項目ですが、半角スペース {} 個で字下げされています。最上位の項目は字下げしません",
                    node.col
                ),
                format!(
                    "`{key}` is a top-level key but is indented by {} spaces; top-level keys are not indented",
                    node.col
                ),
            ),
            Some(l) => (
                format!(
                    "「{key}」は「{}」の下の項目ですが、半角スペース {} 個で、その下の項目と同じ {expected} 個になっていません",
                    key_text(l),
                    node.col
                ),
                format!(
                    "`{key}` belongs under `{}` and is indented by {} spaces, not {expected} like its siblings",
                    key_text(l),
                    node.col
                ),
            ),
        };
        placed.insert(i);
        out.push((
            node.line,
            Diagnostic::new(&codes::INDENTATION, Some(span_at(line, line.char_col, 1)))
                .arg_lang("detail", detail_ja, detail_en)
                .arg_lang(
                    "fix",
                    format!("行頭の半角スペースを {expected} 個にしてください。"),
                    format!("indent it by {expected} spaces."),
                ),
        ));
    }
    // Siblings: the column most of them share is right; the others are not.
    let dash_key = |i: usize| {
        let node = &outline.nodes[i];
        !node.item && outline.lines[node.line].dash.is_some()
    };
    for (parent, members) in families {
        if members.len() < 2 {
            continue;
        }
        let mut counts = std::collections::BTreeMap::<usize, usize>::new();
        for &m in &members {
            *counts.entry(outline.nodes[m].col).or_default() += 1;
        }
        let preferred = parent.map_or(0, |p| outline.nodes[p].col + step);
        // The key after `- ` fixes where its block's keys stand; elsewhere the most common
        // column wins, then the usual step.
        let by_dash = members
            .iter()
            .find(|&&m| dash_key(m))
            .map(|&m| outline.nodes[m].col);
        let Some(expected) = by_dash.or_else(|| {
            counts
                .iter()
                .max_by_key(|(col, n)| (**n, **col == preferred, std::cmp::Reverse(**col)))
                .map(|(col, _)| *col)
        }) else {
            continue;
        };
        for &m in &members {
            let node = &outline.nodes[m];
            let line = &outline.lines[node.line];
            if node.col == expected || line.odd.is_some() || dash_key(m) || placed.contains(&m) {
                continue;
            }
            let sibling = members
                .iter()
                .find(|&&s| outline.nodes[s].col == expected)
                .map(|&s| key_text(s))
                .unwrap_or_default();
            let parent_name = parent.map(key_text);
            let in_block = parent.is_some_and(|p| outline.nodes[p].item);
            let (detail_ja, detail_en) = match &parent_name {
                Some(_) if in_block => (
                    format!(
                        "この行は半角スペース {} 個、同じブロックの「{sibling}」などは {expected} 個です",
                        node.col
                    ),
                    format!(
                        "this line is indented by {} spaces, the block's other keys such as `{sibling}` by {expected}",
                        node.col
                    ),
                ),
                Some(p) => (
                    format!(
                        "この行は半角スペース {} 個、親の項目「{p}」は {} 個、同じ階層の「{sibling}」などは {expected} 個です",
                        node.col,
                        parent.map_or(0, |p| outline.nodes[p].col)
                    ),
                    format!(
                        "this line is indented by {} spaces, its parent `{p}` by {}, siblings such as `{sibling}` by {expected}",
                        node.col,
                        parent.map_or(0, |p| outline.nodes[p].col)
                    ),
                ),
                None => (
                    format!(
                        "この行は半角スペース {} 個で字下げされていますが、最上位の項目は字下げしません",
                        node.col
                    ),
                    format!(
                        "this line is indented by {} spaces, but top-level keys are not indented",
                        node.col
                    ),
                ),
            };
            out.push((
                node.line,
                Diagnostic::new(
                    &codes::INDENTATION,
                    Some(span_at(line, column(line, node.item), 1)),
                )
                .arg_lang("detail", detail_ja, detail_en)
                .arg_lang(
                    "fix",
                    format!(
                        "行頭の半角スペースを {expected} 個にして、同じ階層の項目とそろえてください。"
                    ),
                    format!("indent it by {expected} spaces, like its siblings."),
                ),
            ));
        }
    }
    let mut by_line = BTreeMap::new();
    for (line, d) in out {
        by_line.entry(line).or_insert(d);
    }
    by_line
}

/// The diagnostic for a syntax error the parser reported at `at`: the last slip at or before
/// that line, or the parser's own message; either way with the item's label when the line's
/// key can be placed in the form.
pub(crate) fn diagnose(source: &str, at: Pos, parser: Diagnostic) -> Diagnostic {
    let outline = Outline::new(source);
    let slips = slips(&outline);
    // A slip on the parser's line; else on the next one (the parser may stop at the end of
    // the line before, e.g. at a comment that a deeper line cannot continue); else the last
    // one above.
    let line_of = |d: &&Diagnostic| d.span.map_or(0, |s| s.start.line);
    let chosen = slips
        .iter()
        .find(|d| line_of(d) == at.line)
        .or_else(|| slips.iter().find(|d| line_of(d) == at.line + 1))
        .or_else(|| {
            slips
                .iter()
                .filter(|d| line_of(d) < at.line)
                .max_by_key(line_of)
        });
    let mut d = match chosen {
        // `find` and `max_by_key` give the first slip of a line (indentation before
        // separators) or the last of the lines above.
        Some(slip) => {
            let line = line_of(&slip);
            slips
                .iter()
                .find(|s| line_of(s) == line)
                .unwrap_or(slip)
                .clone()
        }
        None => parser,
    };
    let line = d.span.map_or(at.line, |s| s.start.line);
    if let Some((label, path)) = outline.item_at(line) {
        d = d.at_item(label, path);
    }
    d
}

#[cfg(test)]
mod tests {
    use crate::load::yaml::{Limits, parse};

    const MINIMAL: &str = include_str!("../../tests/suite/validate/valid-minimal.yaml");

    /// (code, line, column, item) of the one diagnostic for `MINIMAL` with a line replaced.
    fn one(from: &str, to: &str) -> (&'static str, usize, usize, Option<String>) {
        assert!(MINIMAL.contains(from), "{from}");
        let text = MINIMAL.replacen(from, to, 1);
        let parsed = parse(&text, &Limits::default());
        assert!(parsed.root.is_none(), "{to} parses");
        assert_eq!(parsed.diagnostics.len(), 1, "{:?}", parsed.diagnostics);
        let d = &parsed.diagnostics[0];
        let s = d.span.unwrap();
        (d.code.id, s.start.line, s.start.col, d.item.clone())
    }

    #[test]
    fn each_slip_is_named_at_its_own_line() {
        let name = Some("Ⅰ．１．①事務の名称".to_string());
        let line = 13;
        assert_eq!(
            one("    事務の名称: 検証用事務", "    事務の名称：検証用事務"),
            ("E0110", line, 10, name.clone())
        );
        assert_eq!(
            one("    事務の名称: 検証用事務", "    事務の名称:検証用事務"),
            ("E0111", line, 10, name.clone())
        );
        assert_eq!(
            one("    事務の名称: 検証用事務", "     事務の名称: 検証用事務"),
            ("E0112", line, 6, name.clone())
        );
        assert_eq!(
            one("    事務の名称: 検証用事務", "   事務の名称: 検証用事務"),
            ("E0112", line, 4, name.clone())
        );
        assert_eq!(
            one(
                "    事務の名称: 検証用事務",
                "\u{3000}\u{3000}事務の名称: 検証用事務"
            ),
            ("E0114", line, 1, name.clone())
        );
        assert_eq!(
            one("    事務の名称: 検証用事務", "\t事務の名称: 検証用事務"),
            ("E0113", line, 1, name)
        );
    }

    #[test]
    fn an_unexplained_error_keeps_the_parser_s_words() {
        let (code, ..) = one("事務の名称: 検証用事務", "事務の名称: [検証用事務");
        assert_eq!(code, "E0103");
    }
}

//! Character-level redlines: which characters were removed and which added.

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

/// A run of characters that were kept, removed or added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    /// `equal`, `delete` or `insert`.
    pub kind: &'static str,
    /// The characters.
    pub text: String,
}

/// A one-line value at most this long (a choice, a date, a name, a count) is redlined as a
/// whole: `令和[-6-]{+7+}年[-5-]{+1+}月2[-7-]{+4+}日` reads worse than the two dates.
const WHOLE_VALUE: usize = 40;

/// Equal runs this short between two changes are folded into them, so a reworded phrase
/// shows as one removal and one addition rather than a comb of single characters.
const SHORT_EQUAL: usize = 2;

/// The redline from `before` to `after`, runs of the same kind merged. No deadline is set, so
/// the result depends on the texts only (output stays byte-identical between runs).
pub fn segments(before: &str, after: &str) -> Vec<Segment> {
    let short = |t: &str| !t.contains('\n') && t.chars().count() <= WHOLE_VALUE;
    if before != after && short(before) && short(after) {
        return [("delete", before), ("insert", after)]
            .into_iter()
            .filter(|(_, text)| !text.is_empty())
            .map(|(kind, text)| Segment {
                kind,
                text: text.to_string(),
            })
            .collect();
    }
    let diff = TextDiff::from_chars(before, after);
    let mut runs: Vec<Segment> = Vec::new();
    for change in diff.iter_all_changes() {
        let kind = match change.tag() {
            ChangeTag::Equal => "equal",
            ChangeTag::Delete => "delete",
            ChangeTag::Insert => "insert",
        };
        match runs.last_mut() {
            Some(last) if last.kind == kind => last.text.push_str(change.value()),
            _ => runs.push(Segment {
                kind,
                text: change.value().to_string(),
            }),
        }
    }
    fold_short_equals(runs)
}

/// Folds each short equal run that lies between changes into them: the changed stretch
/// becomes one removal (the old text) followed by one addition (the new text).
fn fold_short_equals(runs: Vec<Segment>) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    // The changed stretch being gathered: old text, new text, and an equal run held back
    // until we know whether another change follows it.
    let (mut removed, mut added, mut held) = (String::new(), String::new(), None::<String>);
    let flush = |out: &mut Vec<Segment>, removed: &mut String, added: &mut String| {
        for (kind, text) in [("delete", removed), ("insert", added)] {
            if !text.is_empty() {
                out.push(Segment {
                    kind,
                    text: std::mem::take(text),
                });
            }
        }
    };
    for run in runs {
        match run.kind {
            "equal" => {
                let foldable = (!removed.is_empty() || !added.is_empty())
                    && !run.text.contains('\n')
                    && run.text.chars().count() <= SHORT_EQUAL;
                if let Some(previous) = held.take() {
                    flush(&mut out, &mut removed, &mut added);
                    out.push(Segment {
                        kind: "equal",
                        text: previous,
                    });
                }
                if foldable {
                    held = Some(run.text);
                } else {
                    flush(&mut out, &mut removed, &mut added);
                    out.push(run);
                }
            }
            kind => {
                if let Some(equal) = held.take() {
                    removed.push_str(&equal);
                    added.push_str(&equal);
                }
                if kind == "delete" {
                    removed.push_str(&run.text);
                } else {
                    added.push_str(&run.text);
                }
            }
        }
    }
    flush(&mut out, &mut removed, &mut added);
    if let Some(equal) = held {
        out.push(Segment {
            kind: "equal",
            text: equal,
        });
    }
    out
}

/// The redline as plain text: `[-removed-]{+added+}`.
pub fn plain(segments: &[Segment]) -> String {
    segments
        .iter()
        .map(|s| match s.kind {
            "delete" => format!("[-{}-]", s.text),
            "insert" => format!("{{+{}+}}", s.text),
            _ => s.text.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_values_change_as_a_whole() {
        let s = segments("令和6年5月27日", "令和7年1月24日");
        assert_eq!(plain(&s), "[-令和6年5月27日-]{+令和7年1月24日+}");
        let s = segments("10人以上50人未満", "50人以上100人未満");
        assert_eq!(plain(&s), "[-10人以上50人未満-]{+50人以上100人未満+}");
        assert!(segments("同じ", "同じ").iter().all(|s| s.kind == "equal"));
    }

    #[test]
    fn long_texts_change_by_phrases_not_single_characters() {
        let before = "委託先の取扱者に対し、年に1回、情報セキュリティ研修を実施している。\n以上";
        let after = "委託先の取扱者に対し、年に2回、個人情報保護研修を実施している。\n以上";
        let s = plain(&segments(before, after));
        assert_eq!(
            s,
            "委託先の取扱者に対し、年に[-1回、情報セキュリティ-]{+2回、個人情報保護+}研修を実施している。\n以上"
        );
        // Two changes one character apart become one.
        let long = "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよ\n";
        let s = plain(&segments(
            &format!("{long}赤い花"),
            &format!("{long}青い鳥"),
        ));
        assert_eq!(s, format!("{long}[-赤い花-]{{+青い鳥+}}"));
    }

    #[test]
    fn additions_and_removals() {
        assert_eq!(plain(&segments("", "新規")), "{+新規+}");
        assert_eq!(plain(&segments("削除", "")), "[-削除-]");
    }
}

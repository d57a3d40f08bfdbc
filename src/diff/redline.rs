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

/// The redline from `before` to `after`, runs of the same kind merged. No deadline is set, so
/// the result depends on the texts only (output stays byte-identical between runs).
pub fn segments(before: &str, after: &str) -> Vec<Segment> {
    let diff = TextDiff::from_chars(before, after);
    let mut out: Vec<Segment> = Vec::new();
    for change in diff.iter_all_changes() {
        let kind = match change.tag() {
            ChangeTag::Equal => "equal",
            ChangeTag::Delete => "delete",
            ChangeTag::Insert => "insert",
        };
        match out.last_mut() {
            Some(last) if last.kind == kind => last.text.push_str(change.value()),
            _ => out.push(Segment {
                kind,
                text: change.value().to_string(),
            }),
        }
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
    fn dates_change_by_characters() {
        let s = segments("令和6年5月27日", "令和7年1月24日");
        assert_eq!(plain(&s), "令和[-6-]{+7+}年[-5-]{+1+}月2[-7-]{+4+}日");
    }

    #[test]
    fn additions_and_removals() {
        assert_eq!(plain(&segments("", "新規")), "{+新規+}");
        assert_eq!(plain(&segments("削除", "")), "[-削除-]");
    }
}

//! The rules around the document (特定個人情報保護評価の制度), as data: the しきい値判断
//! ([`threshold`]), the periodic duties ([`reminders`]) and the 提出時期 of a 重要な変更
//! ([`changes`]). `validate` turns them into diagnostics and the `threshold` and `check`
//! commands print them; none of them holds a second copy.
//!
//! Each rule says how sure the project is of it ([`Source`]), following the legend of
//! `rules.md`: a rule not confirmed from the primary text is a default the user confirms.

pub mod changes;
pub mod reminders;
pub mod threshold;

use crate::diag::Lang;

/// How well a rule is known (the legend of `rules.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// [S]: stated by public sources quoting the 規則, 指針 and its 解説.
    Stated,
    /// [B]: widely held, but not confirmed from the primary text; a default to confirm.
    Believed,
}

impl Source {
    /// The mark printed beside a rule: `[S]` or `[B]`.
    pub fn mark(self) -> &'static str {
        match self {
            Source::Stated => "[S]",
            Source::Believed => "[B]",
        }
    }

    /// `S` or `B`, for machine output.
    pub fn letter(self) -> &'static str {
        match self {
            Source::Stated => "S",
            Source::Believed => "B",
        }
    }

    /// The one-line note that explains [B] marks, as `rules.md` asks tools to say.
    pub fn believed_note(lang: Lang) -> &'static str {
        match lang {
            Lang::Ja => {
                "[B] の規定は一次資料（規則・指針）で確認できていない既定の判断です。所管の資料で確認してください。"
            }
            Lang::En => {
                "[B] rules are not confirmed from the primary text (規則, 指針): they are defaults to confirm against the official sources."
            }
        }
    }
}

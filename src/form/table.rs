//! The small constructors the edition tables are written with, so that each table reads like
//! the form it describes: `c(1)` is `①`, `s(2)` is `２．`, `opt("紙")` a checkbox option.

use super::{CheckOption, ChoiceList, Extra, Kind, Num};

/// A `&'static [Item]` from const expressions (a nested const, so that it lives forever).
macro_rules! items {
    ($($item:expr),* $(,)?) => {{
        const ITEMS: &[super::Item] = &[$($item),*];
        ITEMS
    }};
}
pub(super) use items;

/// `①`, `②` …
pub(super) const fn c(n: u8) -> Num {
    Num::Circled(n)
}
/// `１．`, `２．` …
pub(super) const fn s(n: u8) -> Num {
    Num::Section(n)
}
/// No number of its own.
pub(super) const N: Num = Num::None;
/// One line of text.
pub(super) const TEXT: Kind = Kind::Text;
/// Text whose line breaks are kept.
pub(super) const LINES: Kind = Kind::Lines;
/// A date to the day.
pub(super) const DATE: Kind = Kind::Date { month_ok: false };
/// A choice from a ＜選択肢＞ list.
pub(super) const fn choice(list: &'static ChoiceList) -> Kind {
    Kind::Choice(list)
}
/// A checkbox option that is only ticked.
pub(super) const fn opt(label: &'static str) -> CheckOption {
    CheckOption {
        label,
        heading: "",
        extra: Extra::None,
    }
}
/// A checkbox option with a text in `（　）`.
pub(super) const fn opt_text(label: &'static str) -> CheckOption {
    CheckOption {
        label,
        heading: "",
        extra: Extra::Text,
    }
}
/// An option printed after a sub-heading (`・識別情報`).
pub(super) const fn headed(heading: &'static str, option: CheckOption) -> CheckOption {
    CheckOption { heading, ..option }
}

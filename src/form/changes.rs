//! （別添２）変更箇所: the columns of one row of the change table, as a form of its own.
//!
//! `changes.yaml` is read with the same machinery as the document, so its rows get the same
//! diagnostics (unknown keys, invalid dates, 提出時期 outside 事前/事後).

use super::choices::TIMING;
use super::{Group, Item, Kind, Need, Num};

const fn column(key: &'static str, kind: Kind, need: Need) -> Item {
    Item {
        need,
        ..Item::new(key, key, Num::None, kind)
    }
}

/// The six columns, in printed order.
pub static ROWS: Group = Group {
    name: "行",
    max: 100_000,
    items: &[
        column("変更日", Kind::Date { month_ok: false }, Need::Required),
        column("項目", Kind::Text, Need::Required),
        column("変更前の記載", Kind::Lines, Need::Optional),
        column("変更後の記載", Kind::Lines, Need::Optional),
        column("提出時期", Kind::Choice(&TIMING), Need::Required),
        column("提出時期に係る説明", Kind::Lines, Need::Optional),
    ],
};

/// The top-level item of `changes.yaml`.
pub static TABLE: Item = Item {
    need: Need::Optional,
    ..Item::new("変更箇所", "変更箇所", Num::Annex(2), Kind::Group(&ROWS))
};

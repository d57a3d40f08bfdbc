//! The form definition (様式): every item of the official form, once.
//!
//! One table per edition describes items, their order, official labels, numbering, ※ marks,
//! choice lists and conditions: [`form3_r06_10`] is the 重点項目評価書 (様式３) and
//! [`form2_r06_10`] the 基礎項目評価書 (様式２) of 令和６年10月. Loading, validation, the JSON
//! Schema, rendering and change-table labels all read these tables; nothing else types a label.
//! Labels the two forms print alike are written once, in [`words`].

pub mod changes;
pub mod choices;
pub mod form2_r06_10;
pub mod form3_r06_10;
pub mod label;
mod table;
pub mod words;

pub use choices::ChoiceList;

/// An edition of a form, e.g. 重点項目評価書 様式3 of 令和6年10月.
#[derive(Debug)]
pub struct Edition {
    /// The value of the top-level `様式` key that selects this edition.
    pub id: &'static str,
    /// A stable ASCII name of the edition, e.g. `form3-r06-10` (JSON Schema definitions).
    pub key: &'static str,
    /// Which of the three forms this is an edition of.
    pub form: Form,
    /// Title printed on the cover, e.g. `特定個人情報保護評価書（重点項目評価書）`.
    pub title: &'static str,
    /// Edition tag printed on the cover, e.g. `[令和６年10月　様式３]`.
    pub tag: &'static str,
    /// Whether a 項目一覧 (table of contents) follows the cover (様式３ has one; 様式２, about
    /// five pages, has none).
    pub toc: bool,
    /// The number printed before the change table's heading: `（別添２）` in 様式３, none in 様式２.
    pub changes_num: Num,
    /// How sure the project is of the edition's title and tag.
    pub provenance: Provenance,
    /// Top-level items of the document, in printed order.
    pub items: &'static [Item],
}

/// One of the three forms of a 特定個人情報保護評価書 (rules.md §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// 様式２ 基礎項目評価書: published by every assessed 事務, alone or with one of the others.
    Basic,
    /// 様式３ 重点項目評価書.
    Key,
    /// 様式４ 全項目評価書 (not made by hyoka).
    Full,
}

impl Form {
    /// The assessment the form records: `基礎項目評価`, `重点項目評価`, `全項目評価`.
    pub fn assessment(self) -> &'static str {
        match self {
            Form::Basic => "基礎項目評価",
            Form::Key => "重点項目評価",
            Form::Full => "全項目評価",
        }
    }

    /// The document: `基礎項目評価書` …
    pub fn document(self) -> String {
        format!("{}書", self.assessment())
    }

    /// The tag in output file names, so that a folder's two documents are told apart:
    /// `kiso` (基礎), `juten` (重点), `zenkomoku` (全項目).
    pub fn file_tag(self) -> &'static str {
        match self {
            Form::Basic => "kiso",
            Form::Key => "juten",
            Form::Full => "zenkomoku",
        }
    }

    /// The form's number: `様式２`, `様式３`, `様式４`.
    pub fn number(self) -> &'static str {
        match self {
            Form::Basic => "様式２",
            Form::Key => "様式３",
            Form::Full => "様式４",
        }
    }
}

/// Where the text of a label or option comes from. 様式２ of 令和６年10月 is not available to
/// the project (form2-fields.md): each of its labels says how sure we are of it, and the docs
/// list the reconstructed ones for officers to check against the commission's template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Provenance {
    /// [3] Printed verbatim in the reference's 様式３ of 令和６年10月.
    Printed,
    /// [P] Seen in published 基礎項目評価書 of older editions.
    Published,
    /// [R] Reconstructed from general knowledge of the commission's templates; to be checked.
    Reconstructed,
}

impl Provenance {
    /// The tag of form2-fields.md: `[3]`, `[P]`, `[R]`.
    pub fn tag(self) -> &'static str {
        match self {
            Provenance::Printed => "[3]",
            Provenance::Published => "[P]",
            Provenance::Reconstructed => "[R]",
        }
    }
}

/// Where a 基礎項目評価書 published together with a 重点項目評価書 takes a fact the two share
/// (form2-fields.md, last section): the fact is written once, in the 重点項目評価書.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shared {
    /// The 基礎項目評価書's own fact, written in its own file.
    No,
    /// The value of the 重点項目評価書's item at this key path (same kind, same list).
    From(&'static str),
    /// The names of the blocks of the 重点項目評価書's group at the first key path (the item
    /// given by the second key of each block), joined with `、`: Ⅰ１③システムの名称.
    Names(&'static str, &'static str),
}

/// How an item is numbered on the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Num {
    /// No number of its own.
    None,
    /// 大項目 `Ⅰ`..`Ⅴ`.
    Roman(u8),
    /// 中項目 `１．`, `２．` …
    Section(u8),
    /// 小項目 `①`, `②` …
    Circled(u8),
    /// Annexes: `（別添１）`.
    Annex(u8),
}

/// The ※ mark: a change to a marked item is a 重要な変更.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Not marked (but may inherit a mark from an ancestor).
    No,
    /// `※` printed after the label; applies to every descendant.
    Yes,
    /// `※` with an exception note, as `Ⅲ　リスク対策　※（７．②を除く。）`.
    YesExcept(&'static str),
    /// Explicitly outside an ancestor's ※ (Ⅲ７②).
    Exempt,
    /// Not printed: the しきい値判断結果, whose change means the assessment is carried out
    /// again (rules.md §2 [S]), so the corrected document is submitted 事前.
    Reassessment,
}

/// One option of a checkbox set (チェックボックス).
#[derive(Debug, Clone, Copy)]
pub struct CheckOption {
    /// The option's label as printed and as written in YAML.
    pub label: &'static str,
    /// A sub-heading printed before this option (`・識別情報` in 主な記録項目), or "".
    pub heading: &'static str,
    /// What the option carries besides the tick.
    pub extra: Extra,
}

/// What a ticked checkbox option carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extra {
    /// Only the tick: `true`.
    None,
    /// A free text in `（　）`, e.g. `その他 （中間サーバー）`.
    Text,
    /// A count in `（　）件`, e.g. `提供を行っている （5）件`.
    Count,
}

/// A repeating group of blocks (システム, 委託事項, 提供先, 移転先).
#[derive(Debug)]
pub struct Group {
    /// The block name as printed before the index, e.g. `委託事項`.
    pub name: &'static str,
    /// Maximum number of blocks the form holds.
    pub max: usize,
    /// The items of one block.
    pub items: &'static [Item],
}

impl Group {
    /// The printed bands of blocks: block 1 alone, then the sub-headers `2～5`, `6～10`,
    /// `11～15`, `16～20` (bands of five after the first four), up to `max`.
    pub fn bands(&self) -> Vec<(usize, usize)> {
        let mut bands = vec![(1, 1)];
        let mut start = 2;
        while start <= self.max {
            let end = if start == 2 { 5 } else { start + 4 }.min(self.max);
            bands.push((start, end));
            start = end + 1;
        }
        bands
    }

    /// The sub-header printed for a band, e.g. `システム2～5`.
    pub fn band_header(&self, (start, end): (usize, usize)) -> String {
        if start == end {
            format!("{}{start}", self.name)
        } else {
            format!("{}{start}～{end}", self.name)
        }
    }
}

/// The type of an item's value.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// A heading that holds other items.
    Section(&'static [Item]),
    /// A repeating group.
    Group(&'static Group),
    /// One-line text.
    Text,
    /// Multi-line text; line breaks are kept exactly.
    Lines,
    /// Single choice from a ＜選択肢＞ list.
    Choice(&'static ChoiceList),
    /// Checkbox set.
    Checks(&'static [CheckOption]),
    /// A single checkbox (e.g. `[ ] 委託しない`).
    Flag,
    /// A date; `month_ok` allows month precision (`平成28年1月`).
    Date {
        /// Whether a date without a day is allowed.
        month_ok: bool,
    },
    /// A count printed as `（ n ）件`.
    Count,
}

/// A condition on a sibling item (an item of the same section or block).
#[derive(Debug, Clone, Copy)]
pub enum Cond {
    /// The sibling choice has this value.
    Is(&'static str, &'static str),
    /// The sibling choice is set and has another value.
    IsNot(&'static str, &'static str),
    /// The sibling checkbox set has this option ticked.
    Ticked(&'static str, &'static str),
    /// The sibling checkbox set does not have this option ticked.
    NotTicked(&'static str, &'static str),
    /// The sibling single checkbox is not ticked.
    FlagOff(&'static str),
    /// The sibling single checkbox is ticked.
    FlagOn(&'static str),
}

/// Whether an item must be filled.
#[derive(Debug, Clone, Copy)]
pub enum Need {
    /// Must be filled.
    Required,
    /// May be left empty.
    Optional,
    /// Must be filled when the condition holds, and left empty when it does not.
    When(Cond),
}

/// One item of the form.
#[derive(Debug)]
pub struct Item {
    /// The YAML key.
    pub key: &'static str,
    /// The official label as printed, without its number, e.g. `事務の名称`.
    pub label: &'static str,
    /// The number printed before the label.
    pub num: Num,
    /// The ※ mark.
    pub mark: Mark,
    /// The value's type.
    pub kind: Kind,
    /// Whether it must be filled.
    pub need: Need,
    /// For an un-numbered sub-item, the numbered item it is printed under
    /// (e.g. `③対象となる本人の範囲` for `その必要性`); it becomes part of the item's full label.
    pub under: &'static str,
    /// A note printed below the value (様式２ Ⅳ１), or "".
    pub note: &'static str,
    /// The question printed with the label, when the form asks one (様式２ Ⅱ: `取扱者数` asks
    /// `特定個人情報ファイル取扱者数は500人以上か`), or "". Full labels use the label alone.
    pub prompt: &'static str,
    /// How sure the project is of the label (and of the note).
    pub provenance: Provenance,
    /// In a 基礎項目評価書 published with a 重点項目評価書, where the value comes from.
    pub shared: Shared,
}

impl Item {
    /// A required item printed as in the reference, with no mark, condition or note: the
    /// starting point the form tables refine.
    pub const fn new(key: &'static str, label: &'static str, num: Num, kind: Kind) -> Item {
        Item {
            key,
            label,
            num,
            mark: Mark::No,
            kind,
            need: Need::Required,
            under: "",
            note: "",
            prompt: "",
            provenance: Provenance::Printed,
            shared: Shared::No,
        }
    }

    /// The item marked ※.
    pub const fn marked(self) -> Item {
        Item {
            mark: Mark::Yes,
            ..self
        }
    }

    /// A change to the item means the assessment is carried out again (the しきい値判断結果).
    pub const fn reassessment(self) -> Item {
        Item {
            mark: Mark::Reassessment,
            ..self
        }
    }

    /// The item outside an ancestor's ※.
    pub const fn exempt(self) -> Item {
        Item {
            mark: Mark::Exempt,
            ..self
        }
    }

    /// The item may be left empty.
    pub const fn optional(self) -> Item {
        Item {
            need: Need::Optional,
            ..self
        }
    }

    /// The item must be filled when `cond` holds, and left empty when it does not.
    pub const fn when(self, cond: Cond) -> Item {
        Item {
            need: Need::When(cond),
            ..self
        }
    }

    /// The item is printed under the numbered item `under`.
    pub const fn under(self, under: &'static str) -> Item {
        Item { under, ..self }
    }

    /// The item prints `note` below its value.
    pub const fn noted(self, note: &'static str) -> Item {
        Item { note, ..self }
    }

    /// The item prints the form's question `prompt` with its label.
    pub const fn prompt(self, prompt: &'static str) -> Item {
        Item { prompt, ..self }
    }

    /// The label's provenance.
    pub const fn provenance(self, provenance: Provenance) -> Item {
        Item { provenance, ..self }
    }

    /// The label is printed in the reference ([3]).
    pub const fn printed(self) -> Item {
        self.provenance(Provenance::Printed)
    }

    /// The label is reconstructed ([R]).
    pub const fn reconstructed(self) -> Item {
        self.provenance(Provenance::Reconstructed)
    }

    /// Where a 基礎項目評価書 published with a 重点項目評価書 takes the value.
    pub const fn shared(self, shared: Shared) -> Item {
        Item { shared, ..self }
    }

    /// In a 基礎項目評価書 published with a 重点項目評価書, the value is that document's item at
    /// `path`.
    pub const fn shared_from(self, path: &'static str) -> Item {
        self.shared(Shared::From(path))
    }

    /// Children of a section or of one block of a group.
    pub fn children(&self) -> &'static [Item] {
        match self.kind {
            Kind::Section(items) => items,
            Kind::Group(group) => group.items,
            _ => &[],
        }
    }

    /// Finds a direct child by its YAML key.
    pub fn child(&self, key: &str) -> Option<&'static Item> {
        self.children().iter().find(|item| item.key == key)
    }

    /// Whether the item holds other items.
    pub fn is_container(&self) -> bool {
        matches!(self.kind, Kind::Section(_) | Kind::Group(_))
    }
}

/// Every edition hyoka knows, newest first; the first is the default when `様式` is missing.
pub const EDITIONS: &[&Edition] = &[&form3_r06_10::EDITION, &form2_r06_10::EDITION];

/// The newest edition of a form.
pub fn newest(form: Form) -> Option<&'static Edition> {
    EDITIONS.iter().copied().find(|e| e.form == form)
}

/// Finds an edition by the value of `様式`, ignoring differences of width and spacing.
pub fn edition(id: &str) -> Option<&'static Edition> {
    let wanted = fold(id);
    EDITIONS.iter().copied().find(|e| fold(e.id) == wanted)
}

/// Width- and space-insensitive form of a short identifier (full-width digits to ASCII).
pub fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            _ => c,
        })
        .collect()
}

/// Finds an item of the top level by key.
pub fn top<'a>(edition: &'a Edition, key: &str) -> Option<&'a Item> {
    edition.items.iter().find(|item| item.key == key)
}

/// Walks every item of an edition depth-first, in printed order, with its key path.
pub fn walk(edition: &'static Edition, mut visit: impl FnMut(&[&'static Item])) {
    fn go(
        items: &'static [Item],
        stack: &mut Vec<&'static Item>,
        visit: &mut dyn FnMut(&[&'static Item]),
    ) {
        for item in items {
            stack.push(item);
            visit(stack);
            go(item.children(), stack, visit);
            stack.pop();
        }
    }
    go(edition.items, &mut Vec::new(), &mut visit);
}

/// Whether a change to the item at the end of `path` means the assessment is carried out
/// again: its しきい値判断結果.
pub fn means_reassessment(path: &[label::Step]) -> bool {
    path.last()
        .is_some_and(|step| step.item.mark == Mark::Reassessment)
}

/// Whether a change to the item at the end of `path` is a 重要な変更: the item or an ancestor
/// carries ※, and no step on the way is exempt (Ⅲ７②).
pub fn is_important(path: &[label::Step]) -> bool {
    let mut important = false;
    for step in path {
        match step.item.mark {
            Mark::Yes | Mark::YesExcept(_) => important = true,
            Mark::Exempt => return false,
            Mark::No | Mark::Reassessment => {}
        }
    }
    important
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_among_siblings() {
        fn check(items: &'static [Item]) {
            for (i, a) in items.iter().enumerate() {
                for b in &items[i + 1..] {
                    assert_ne!(a.key, b.key, "duplicate key {}", a.key);
                }
                check(a.children());
            }
        }
        for e in EDITIONS {
            check(e.items);
        }
    }

    #[test]
    fn conditions_name_existing_siblings_of_the_right_kind() {
        fn check(items: &'static [Item]) {
            for item in items {
                if let Need::When(cond) = item.need {
                    let (key, value) = match cond {
                        Cond::Is(k, v)
                        | Cond::IsNot(k, v)
                        | Cond::Ticked(k, v)
                        | Cond::NotTicked(k, v) => (k, Some(v)),
                        Cond::FlagOff(k) | Cond::FlagOn(k) => (k, None),
                    };
                    let sib = items.iter().find(|s| s.key == key);
                    let sib = sib.unwrap_or_else(|| panic!("{}: no sibling {key}", item.key));
                    match (cond, sib.kind) {
                        (Cond::Is(..) | Cond::IsNot(..), Kind::Choice(list)) => {
                            assert!(list.position(value.unwrap()).is_some(), "{key}: {value:?}")
                        }
                        (Cond::Ticked(..) | Cond::NotTicked(..), Kind::Checks(opts)) => {
                            assert!(
                                opts.iter().any(|o| Some(o.label) == value),
                                "{key}: {value:?}"
                            )
                        }
                        (Cond::FlagOff(_) | Cond::FlagOn(_), Kind::Flag) => {}
                        other => panic!("{}: condition of the wrong kind {other:?}", item.key),
                    }
                }
                check(item.children());
            }
        }
        for e in EDITIONS {
            check(e.items);
        }
    }

    #[test]
    fn groups_print_the_official_bands() {
        let systems = match form3_r06_10::EDITION.items[1]
            .child("システム")
            .map(|i| i.kind)
        {
            Some(Kind::Group(g)) => g,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            systems.bands(),
            [(1, 1), (2, 5), (6, 10), (11, 15), (16, 20)]
        );
        let headers: Vec<String> = systems
            .bands()
            .into_iter()
            .map(|b| systems.band_header(b))
            .collect();
        assert_eq!(
            headers,
            [
                "システム1",
                "システム2～5",
                "システム6～10",
                "システム11～15",
                "システム16～20"
            ]
        );
    }

    #[test]
    fn edition_lookup_ignores_width_and_spaces() {
        assert!(edition("令和6年10月 様式3").is_some());
        assert!(edition("令和６年10月　様式３").is_some());
        assert!(edition("令和5年4月 様式3").is_none());
    }
}

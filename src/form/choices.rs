//! ＜選択肢＞ lists, verbatim, with the numbering style each list is printed with. The lists of
//! 様式３ are printed in the reference; those only 様式２ has carry their provenance
//! (form2-fields.md), option by option where it differs.

use super::Provenance;
use super::Provenance::{Printed, Published, Reconstructed};

/// A single-choice list as printed on the form.
#[derive(Debug)]
pub struct ChoiceList {
    /// The options' texts, in printed order, without numbering.
    pub options: &'static [&'static str],
    /// Whether the list is numbered `1)` (ASCII) rather than `1）` (full-width parenthesis).
    pub ascii_paren: bool,
    /// How sure the project is of the texts: one entry for the whole list, or one per option.
    pub provenance: &'static [Provenance],
}

impl ChoiceList {
    /// How sure the project is of the text of option `index`.
    pub fn provenance(&self, index: usize) -> Provenance {
        match self.provenance {
            [one] => *one,
            many => many
                .get(index)
                .copied()
                .unwrap_or(Provenance::Reconstructed),
        }
    }

    /// The 0-based position of an option text.
    pub fn position(&self, text: &str) -> Option<usize> {
        self.options.iter().position(|o| *o == text)
    }

    /// The numbered form of an option as printed in the ＜選択肢＞ list, e.g. `2） 十分である`.
    pub fn numbered(&self, index: usize) -> String {
        let paren = if self.ascii_paren { ")" } else { "）" };
        format!("{}{} {}", index + 1, paren, self.options[index])
    }
}

macro_rules! list {
    ($name:ident, $ascii:expr, [$($opt:expr),+ $(,)?]) => {
        list!($name, $ascii, [$($opt),+], &[Printed]);
    };
    ($name:ident, $ascii:expr, [$($opt:expr),+ $(,)?], $provenance:expr) => {
        #[doc = concat!("＜選択肢＞ ", $($opt, " / ",)+)]
        pub static $name: ChoiceList = ChoiceList {
            options: &[$($opt),+],
            ascii_paren: $ascii,
            provenance: $provenance,
        };
    };
}

list!(
    TARGET_PEOPLE,
    true,
    [
        "1,000人未満",
        "1,000人以上1万人未満",
        "1万人以上10万人未満",
        "10万人以上30万人未満"
    ]
);
list!(LINKAGE, true, ["実施する", "実施しない", "未定"]);
list!(
    FILE_TYPE,
    false,
    [
        "システム用ファイル",
        "その他の電子ファイル（表計算ファイル等）"
    ]
);
list!(
    PERSONS,
    false,
    [
        "1万人未満",
        "1万人以上10万人未満",
        "10万人以上100万人未満",
        "100万人以上1,000万人未満",
        "1,000万人以上"
    ]
);
list!(
    RECORD_ITEMS,
    false,
    [
        "10項目未満",
        "10項目以上50項目未満",
        "50項目以上100項目未満",
        "100項目以上"
    ]
);
list!(
    STAFF,
    false,
    [
        "10人未満",
        "10人以上50人未満",
        "50人以上100人未満",
        "100人以上500人未満",
        "500人以上1,000人未満",
        "1,000人以上"
    ]
);
list!(ENTRUST, false, ["委託する", "委託しない"]);
list!(SUBCONTRACT, false, ["再委託する", "再委託しない"]);
list!(
    ENOUGH,
    false,
    ["特に力を入れている", "十分である", "課題が残されている"]
);
list!(DOING, false, ["行っている", "行っていない"]);
list!(DEFINED, false, ["定めている", "定めていない"]);
list!(
    SUBCONTRACT_CARE,
    false,
    [
        "特に力を入れて行っている",
        "十分に行っている",
        "十分に行っていない",
        "再委託していない"
    ]
);
list!(
    DOING3,
    false,
    [
        "特に力を入れて行っている",
        "十分に行っている",
        "十分に行っていない"
    ]
);
list!(ACCIDENT, false, ["発生あり", "発生なし"]);
list!(
    THRESHOLD,
    false,
    [
        "基礎項目評価及び重点項目評価の実施が義務付けられる",
        "基礎項目評価の実施が義務付けられる（任意に重点項目評価を実施）",
        "特定個人情報保護評価の実施が義務付けられない（任意に重点項目評価を実施）"
    ]
);
/// 提出時期 of a change-table row (not a ＜選択肢＞ of the body, but printed the same way).
pub static TIMING: ChoiceList = ChoiceList {
    options: &["事前", "事後"],
    ascii_paren: false,
    provenance: &[Printed],
};

// ----- lists only 様式２ prints -----

// 様式２ Ⅱ１: the bands of 様式３ Ⅰ１③ (its glyphs, its `1)` numbering), the first of them
// marked voluntary, and the band that needs a 全項目評価書.
list!(
    BASIC_TARGET_PEOPLE,
    true,
    [
        "1,000人未満（任意実施）",
        "1,000人以上1万人未満",
        "1万人以上10万人未満",
        "10万人以上30万人未満",
        "30万人以上"
    ],
    &[
        Published,
        Published,
        Reconstructed,
        Reconstructed,
        Reconstructed
    ]
);
list!(
    HANDLERS,
    false,
    ["500人以上", "500人未満"],
    &[Reconstructed]
);
list!(
    BASIC_THRESHOLD,
    false,
    [
        "基礎項目評価の実施が義務付けられる",
        "基礎項目評価及び重点項目評価の実施が義務付けられる",
        "基礎項目評価及び全項目評価の実施が義務付けられる",
        "特定個人情報保護評価の実施が義務付けられない（任意実施）"
    ],
    &[Reconstructed]
);
list!(
    DOCUMENTS,
    false,
    [
        "基礎項目評価書",
        "基礎項目評価書及び重点項目評価書",
        "基礎項目評価書及び全項目評価書"
    ],
    &[Reconstructed]
);
list!(
    PRIORITY,
    false,
    [
        "目的外の入手が行われるリスクへの対策",
        "目的を超えた紐付け、事務に必要のない情報との紐付けが行われるリスクへの対策",
        "権限のない者によって不正に使用されるリスクへの対策",
        "委託先における不正な使用等のリスクへの対策",
        "不正な提供・移転が行われるリスクへの対策（委託や情報提供ネットワークシステムを通じた提供を除く。）",
        "情報提供ネットワークシステムを通じて目的外の入手が行われるリスクへの対策",
        "情報提供ネットワークシステムを通じて不正な提供が行われるリスクへの対策",
        "特定個人情報の漏えい・滅失・毀損リスクへの対策",
        "従業者に対する教育・啓発"
    ],
    &[Reconstructed]
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbering_follows_the_printed_parenthesis() {
        assert_eq!(TARGET_PEOPLE.numbered(3), "4) 10万人以上30万人未満");
        assert_eq!(ENOUGH.numbered(1), "2） 十分である");
    }

    #[test]
    fn provenance_is_given_for_the_list_or_for_each_option() {
        assert_eq!(ENOUGH.provenance(2), Printed);
        assert_eq!(BASIC_TARGET_PEOPLE.provenance(1), Published);
        assert_eq!(BASIC_TARGET_PEOPLE.provenance(4), Reconstructed);
        for list in [
            &BASIC_TARGET_PEOPLE,
            &HANDLERS,
            &BASIC_THRESHOLD,
            &DOCUMENTS,
            &PRIORITY,
        ] {
            assert!(
                list.provenance.len() == 1 || list.provenance.len() == list.options.len(),
                "{:?}",
                list.options
            );
        }
    }

    #[test]
    fn the_basic_bands_are_the_key_forms_bands_and_one_more() {
        // Same ranges, option by option (様式２ Ⅱ１ and 様式３ Ⅰ１③ are compared by position).
        for (i, key) in TARGET_PEOPLE.options.iter().enumerate() {
            assert!(BASIC_TARGET_PEOPLE.options[i].starts_with(key), "{key}");
        }
        assert_eq!(
            BASIC_TARGET_PEOPLE.options.len(),
            TARGET_PEOPLE.options.len() + 1
        );
    }
}

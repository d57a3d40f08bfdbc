//! ＜選択肢＞ lists, verbatim, with the numbering style each list is printed with.

/// A single-choice list as printed on the form.
#[derive(Debug)]
pub struct ChoiceList {
    /// The options' texts, in printed order, without numbering.
    pub options: &'static [&'static str],
    /// Whether the list is numbered `1)` (ASCII) rather than `1）` (full-width parenthesis).
    pub ascii_paren: bool,
}

impl ChoiceList {
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
        #[doc = concat!("＜選択肢＞ ", $($opt, " / ",)+)]
        pub static $name: ChoiceList = ChoiceList { options: &[$($opt),+], ascii_paren: $ascii };
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
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbering_follows_the_printed_parenthesis() {
        assert_eq!(TARGET_PEOPLE.numbered(3), "4) 10万人以上30万人未満");
        assert_eq!(ENOUGH.numbered(1), "2） 十分である");
    }
}

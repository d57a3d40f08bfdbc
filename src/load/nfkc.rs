//! Full-width text read as officers mean it: `１０万人以上３０万人未満`, `Ｒ７．３．４`, `（火）`.
//!
//! Japanese input methods type digits, letters and punctuation full-width as easily as
//! half-width. Before a value is matched against the form's choices, read as a count or a
//! date, or ranked for a suggestion, it is put in Unicode NFKC, which maps each full-width
//! form to its half-width one (and half-width katakana to full-width). The value itself is
//! never rewritten: only the matching sees the normalised text.

use unicode_normalization::UnicodeNormalization as _;

/// The NFKC form of `text`, surrounding white space removed.
pub fn nfkc(text: &str) -> String {
    text.trim().nfkc().collect::<String>().trim().to_string()
}

/// Whether two texts read the same once both are in NFKC.
pub fn same(a: &str, b: &str) -> bool {
    a == b || nfkc(a) == nfkc(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_digits_letters_and_punctuation_become_half_width() {
        assert_eq!(nfkc("１０万人以上３０万人未満"), "10万人以上30万人未満");
        assert_eq!(nfkc("１，０００人未満"), "1,000人未満");
        assert_eq!(nfkc("Ｒ７．３．４（火）"), "R7.3.4(火)");
        assert_eq!(nfkc("　ＩＤ　"), "ID");
        // Half-width katakana, voiced marks included, become the full-width letters.
        assert_eq!(nfkc("ｼｽﾃﾑ用ﾌｧｲﾙ"), "システム用ファイル");
        assert_eq!(nfkc("ﾃﾞｰﾀ"), "データ");
        // Kanji and kana are untouched.
        assert_eq!(nfkc("十分である"), "十分である");
    }

    #[test]
    fn matching_ignores_width_on_both_sides() {
        assert!(same("１０万人以上３０万人未満", "10万人以上30万人未満"));
        assert!(same(
            "基礎項目評価の実施が義務付けられる(任意に重点項目評価を実施)",
            "基礎項目評価の実施が義務付けられる（任意に重点項目評価を実施）"
        ));
        assert!(!same("10万人以上", "10万人以上30万人未満"));
    }
}

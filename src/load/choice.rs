//! A value read against a ＜選択肢＞ list as officers write it: with or without the printed
//! number (`4) 10万人以上30万人未満`), in full-width digits (`１０万人以上３０万人未満`), or the
//! number alone.

use super::nfkc::nfkc;

/// What a written choice turns out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reading {
    /// The option at this index (0-based).
    Chosen(usize),
    /// The text names one option and the number written before it another.
    Mismatch {
        /// The number as written, e.g. `3)`.
        written: String,
        /// The option the text names (0-based).
        index: usize,
    },
    /// Not an option; the option it most resembles, if any.
    Unknown(Option<usize>),
}

/// Splits a printed number off the NFKC form of a value: `4) 10万人…` → (4, `4)`, `10万人…`).
fn numbering(text: &str) -> Option<(usize, String, String)> {
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    let rest = text[digits.len()..].strip_prefix(')')?;
    let number = digits.parse().ok()?;
    Some((
        number,
        format!("{digits})"),
        rest.trim_start_matches([' ', '　']).to_string(),
    ))
}

/// Reads `text` against `options`. The text decides; a number that disagrees with it is a
/// mistake to be shown rather than silently dropped.
pub fn read(text: &str, options: &[&str]) -> Reading {
    let normal = nfkc(text);
    let position = |t: &str| options.iter().position(|o| nfkc(o) == t);
    if let Some(i) = position(&normal) {
        return Reading::Chosen(i);
    }
    if let Some((number, written, rest)) = numbering(&normal) {
        if let Some(i) = position(&rest) {
            return if number == i + 1 {
                Reading::Chosen(i)
            } else {
                Reading::Mismatch { written, index: i }
            };
        }
        return Reading::Unknown(nearest(&rest, options));
    }
    // The number alone: the option printed with it.
    if let Ok(number) = normal.parse::<usize>()
        && (1..=options.len()).contains(&number)
    {
        return Reading::Unknown(Some(number - 1));
    }
    Reading::Unknown(nearest(&normal, options))
}

/// The option closest to `text`, compared in NFKC.
pub fn nearest(text: &str, options: &[&str]) -> Option<usize> {
    let normal: Vec<String> = options.iter().map(|o| nfkc(o)).collect();
    let near = super::document::suggest(&nfkc(text), normal.iter().map(String::as_str));
    let first = near.first()?;
    normal.iter().position(|o| o == first)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PEOPLE: &[&str] = &[
        "1,000人未満",
        "1,000人以上1万人未満",
        "1万人以上10万人未満",
        "10万人以上30万人未満",
        "30万人以上",
    ];

    #[test]
    fn full_width_and_numbered_choices_are_read() {
        assert_eq!(read("10万人以上30万人未満", PEOPLE), Reading::Chosen(3));
        assert_eq!(read("１０万人以上３０万人未満", PEOPLE), Reading::Chosen(3));
        assert_eq!(read("１，０００人未満", PEOPLE), Reading::Chosen(0));
        assert_eq!(read("4) 10万人以上30万人未満", PEOPLE), Reading::Chosen(3));
        assert_eq!(
            read("４） １０万人以上３０万人未満", PEOPLE),
            Reading::Chosen(3)
        );
    }

    #[test]
    fn a_number_that_contradicts_its_text_is_a_mismatch() {
        assert_eq!(
            read("3) 10万人以上30万人未満", PEOPLE),
            Reading::Mismatch {
                written: "3)".into(),
                index: 3
            }
        );
    }

    #[test]
    fn suggestions_are_ranked_on_the_normalised_text() {
        // Once half-width, `１０万人以上３０万人` is nearest the 4th band, not the 3rd.
        assert_eq!(
            read("１０万人以上３０万人", PEOPLE),
            Reading::Unknown(Some(3))
        );
        assert_eq!(read("4", PEOPLE), Reading::Unknown(Some(3)));
        assert_eq!(read("まったく別", PEOPLE), Reading::Unknown(None));
    }
}

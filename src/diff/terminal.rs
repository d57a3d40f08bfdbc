//! The change table on a terminal: columns aligned by display width, an inline redline, lines
//! broken by the rules of Japanese typesetting (禁則: no line starts with 、。）」 and the like,
//! none ends with an opening bracket).
//!
//! Terminals disagree on the width of East Asian "ambiguous" characters (Ⅱ, Ⅴ, ①, ○, ─): most
//! draw them one column wide, many set up for Japanese draw them two. [`Terminal::ambiguous_wide`]
//! (`hyoka diff --ambiguous-wide`, or `HYOKA_AMBIGUOUS_WIDE=1`) counts them as two and draws the
//! frame in ASCII, whose width every terminal agrees on.

use unicode_width::UnicodeWidthChar;

use super::export::Row;
use super::redline::segments;

/// How the terminal draws text.
#[derive(Debug, Clone, Copy, Default)]
pub struct Terminal {
    /// Colour the redline (red removals, green additions).
    pub color: bool,
    /// Ambiguous-width characters take two columns.
    pub ambiguous_wide: bool,
}

/// The environment variable that sets [`Terminal::ambiguous_wide`].
pub const AMBIGUOUS_WIDE_VAR: &str = "HYOKA_AMBIGUOUS_WIDE";

/// Whether the environment asks for ambiguous-width characters to count two columns: `1`,
/// `true` or `yes`.
pub fn ambiguous_wide_from_env() -> bool {
    std::env::var(AMBIGUOUS_WIDE_VAR)
        .is_ok_and(|v| matches!(v.trim().to_ascii_lowercase().as_str(), "1" | "true" | "yes"))
}

/// Characters that may not start a line (行頭禁則).
const NO_LINE_START: &str =
    "、。，．・：；？！）」』】〕〉》］｝ー…‥ゝゞ々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮ,.)]}";
/// Characters that may not end a line (行末禁則).
const NO_LINE_END: &str = "（「『【〔〈《［｛([{";

impl Terminal {
    fn char_width(&self, c: char) -> usize {
        let w = if self.ambiguous_wide {
            c.width_cjk()
        } else {
            c.width()
        };
        w.unwrap_or(0)
    }

    /// Display width of a string.
    pub fn width(&self, s: &str) -> usize {
        s.chars().map(|c| self.char_width(c)).sum()
    }

    /// Breaks styled characters into lines of at most `max` columns, keeping line breaks and
    /// moving a character to the next line rather than starting a line with 、 or ending one with （.
    fn lines<S: Copy>(&self, chars: &[(char, S)], max: usize) -> Vec<Vec<(char, S)>> {
        let mut lines: Vec<Vec<(char, S)>> = vec![Vec::new()];
        let mut used = 0;
        for &(c, style) in chars {
            if c == '\n' {
                lines.push(Vec::new());
                used = 0;
                continue;
            }
            let w = self.char_width(c);
            if used + w > max {
                let line = lines.last_mut().expect("never empty");
                let mut carry = Vec::new();
                let forbidden_start = |c: char| NO_LINE_START.contains(c);
                let forbidden_end =
                    |line: &[(char, S)]| line.last().is_some_and(|(l, _)| NO_LINE_END.contains(*l));
                // Carry characters down until the new line starts and the old one ends well.
                while line.len() > 1 {
                    let next = carry.first().map_or(c, |(n, _)| *n);
                    if !forbidden_start(next) && !forbidden_end(line) {
                        break;
                    }
                    carry.insert(0, line.pop().expect("len > 1"));
                }
                if !carry.is_empty() && (forbidden_start(carry[0].0) || forbidden_end(line)) {
                    // Nothing left to carry over: break where the width says.
                    line.append(&mut carry);
                }
                used = carry.iter().map(|(c, _)| self.char_width(*c)).sum();
                lines.push(carry);
            }
            lines.last_mut().expect("never empty").push((c, style));
            used += w;
        }
        lines
    }

    /// Splits plain text into lines of at most `max` columns.
    fn wrap(&self, text: &str, max: usize) -> Vec<String> {
        let chars: Vec<(char, ())> = text.chars().map(|c| (c, ())).collect();
        self.lines(&chars, max)
            .into_iter()
            .map(|l| l.into_iter().map(|(c, _)| c).collect())
            .collect()
    }
}

/// A terminal table aligned by display width, with an inline character-level redline of each
/// change: removed text `[-…-]` and added text `{+…+}`, in red and green when colour is on.
/// Rows are numbered from `first` (a second document's table continues the first's numbers).
pub fn table(rows: &[Row], first: usize, terminal: &Terminal) -> String {
    const NO: usize = 3;
    const LABEL: usize = 28;
    const CHANGE: usize = 52;
    const TIMING: usize = 10;
    let frame = |box_drawing: char, ascii: char| {
        if terminal.ambiguous_wide {
            ascii
        } else {
            box_drawing
        }
    };
    let bar = frame('│', '|');
    let rule = |l: (char, char), m: (char, char), r: (char, char)| {
        let line = frame('─', '-').to_string();
        let (l, m, r) = (frame(l.0, l.1), frame(m.0, m.1), frame(r.0, r.1));
        format!(
            "{l}{}{m}{}{m}{}{m}{}{r}\n",
            line.repeat(NO + 2),
            line.repeat(LABEL + 2),
            line.repeat(CHANGE + 2),
            line.repeat(TIMING + 2)
        )
    };
    let pad = |s: &str, w: usize| format!("{s}{}", " ".repeat(w.saturating_sub(terminal.width(s))));
    let mut out = rule(('┌', '+'), ('┬', '+'), ('┐', '+'));
    out.push_str(&format!(
        "{bar} {} {bar} {} {bar} {} {bar} {} {bar}\n",
        pad("No", NO),
        pad("項目", LABEL),
        pad("変更（[-前-]{+後+}）", CHANGE),
        pad("提出時期", TIMING)
    ));
    for (i, row) in rows.iter().enumerate() {
        out.push_str(&rule(('├', '+'), ('┼', '+'), ('┤', '+')));
        let mut styled: Vec<(char, &'static str)> = Vec::new();
        let mut push =
            |text: &str, style: &'static str| styled.extend(text.chars().map(|c| (c, style)));
        for s in segments(&row.before, &row.after) {
            match s.kind {
                "delete" => {
                    push("[-", "mark");
                    push(&s.text, "delete");
                    push("-]", "mark");
                }
                "insert" => {
                    push("{+", "mark");
                    push(&s.text, "insert");
                    push("+}", "mark");
                }
                _ => push(&s.text, "equal"),
            }
        }
        let change_lines = terminal.lines(&styled, CHANGE);
        let label_lines = terminal.wrap(&row.label, LABEL);
        let timing = if row.important {
            format!("{}・重要", row.timing)
        } else {
            row.timing.clone()
        };
        let height = change_lines.len().max(label_lines.len());
        for line in 0..height {
            let no = if line == 0 {
                (first + i).to_string()
            } else {
                String::new()
            };
            let label = label_lines.get(line).cloned().unwrap_or_default();
            let chars = change_lines.get(line).cloned().unwrap_or_default();
            let plain: String = chars.iter().map(|(c, _)| *c).collect();
            let mut shown = String::new();
            for run in chars.chunk_by(|a, b| a.1 == b.1) {
                let text: String = run.iter().map(|(c, _)| *c).collect();
                shown.push_str(&match (run[0].1, terminal.color) {
                    ("delete", true) => format!("\x1b[31;9m{text}\x1b[0m"),
                    ("insert", true) => format!("\x1b[32;4m{text}\x1b[0m"),
                    _ => text,
                });
            }
            let timing = if line == 0 {
                timing.clone()
            } else {
                String::new()
            };
            out.push_str(&format!(
                "{bar} {} {bar} {} {bar} {shown}{} {bar} {} {bar}\n",
                pad(&no, NO),
                pad(&label, LABEL),
                " ".repeat(CHANGE.saturating_sub(terminal.width(&plain))),
                pad(&timing, TIMING)
            ));
        }
    }
    out.push_str(&rule(('└', '+'), ('┴', '+'), ('┘', '+')));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::export::tests::sample as row;

    fn widths(text: &str, terminal: &Terminal) -> Vec<usize> {
        text.lines().map(|l| terminal.width(l)).collect()
    }

    #[test]
    fn terminal_lines_have_equal_display_width() {
        let terminal = Terminal::default();
        let text = table(
            &[
                row(
                    "Ⅴ．１．基礎項目評価　①実施日",
                    "令和6年5月27日",
                    "令和7年1月24日",
                ),
                row(
                    "Ⅱ．３．②入手方法",
                    "",
                    "ＡＢＣ全角とascii混在の長い長い長い長い長い長い長い長い長い長い長い長い文字列",
                ),
            ],
            1,
            &terminal,
        );
        assert!(
            widths(&text, &terminal).windows(2).all(|w| w[0] == w[1]),
            "{text}"
        );
        assert!(
            text.contains("[-令和6年5月27日-]{+令和7年1月24日+}"),
            "{text}"
        );
    }

    #[test]
    fn no_line_starts_with_closing_punctuation() {
        let terminal = Terminal::default();
        // Built so that a break by width alone would start lines with 、 。 ） and 」.
        for filler in 0..30 {
            let text = format!(
                "{}あいうえお、かきくけこ。（さしすせそ）「たちつてと」なにぬねの、はひふへほ。",
                "ア".repeat(filler)
            );
            let out = table(&[row("Ⅰ．１．②事務の内容", "", &text)], 1, &terminal);
            for line in out.lines() {
                let cells: Vec<&str> = line.split('│').collect();
                if let Some(cell) = cells.get(3) {
                    let first = cell.trim_start_matches(' ').chars().next();
                    assert!(
                        !first.is_some_and(|c| "、。）」".contains(c)),
                        "filler {filler}: {line}"
                    );
                    let last = cell.trim_end_matches(' ').chars().last();
                    assert!(
                        !last.is_some_and(|c| "（「".contains(c)),
                        "filler {filler}: {line}"
                    );
                }
            }
            assert!(
                widths(&out, &terminal).windows(2).all(|w| w[0] == w[1]),
                "{out}"
            );
        }
    }

    #[test]
    fn ambiguous_width_characters_can_count_two_columns() {
        let rows = [row(
            "Ⅱ．５．提供先２．①法令上の根拠",
            "〔〇〕その他（ＶＲＳ）",
            "○ Ⅱ Ⅴ ① の記号",
        )];
        let narrow = Terminal::default();
        let wide = Terminal {
            ambiguous_wide: true,
            ..Terminal::default()
        };
        let text = table(&rows, 1, &wide);
        assert!(
            text.starts_with('+') && !text.contains('│'),
            "ASCII frame: {text}"
        );
        assert!(
            widths(&text, &wide).windows(2).all(|w| w[0] == w[1]),
            "{text}"
        );
        // The same table counted the other way is ragged, which is what the option is for.
        assert!(!widths(&text, &narrow).windows(2).all(|w| w[0] == w[1]));
    }
}

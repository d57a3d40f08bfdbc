//! Dates as Japanese documents write them: 和暦 (`令和7年3月4日`, `令和元年5月1日`, full-width
//! digits), ISO (`2025-03-04`), slashes (`2021/8/2`), and month precision (`平成28年1月`).

use std::fmt;

/// A calendar date, possibly without a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct JpDate {
    /// Gregorian year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Day, 1–31, or `None` for month precision.
    pub day: Option<u32>,
}

/// A Japanese era and the Gregorian date of its first day.
struct Era {
    name: &'static str,
    /// The initial used in short forms (`R7.3.4`).
    initial: char,
    start: (i32, u32, u32),
}

/// Eras from 明治 (Gregorian reckoning from 明治6年) to 令和, oldest first.
const ERAS: &[Era] = &[
    Era {
        name: "明治",
        initial: 'M',
        start: (1868, 1, 25),
    },
    Era {
        name: "大正",
        initial: 'T',
        start: (1912, 7, 30),
    },
    Era {
        name: "昭和",
        initial: 'S',
        start: (1926, 12, 25),
    },
    Era {
        name: "平成",
        initial: 'H',
        start: (1989, 1, 8),
    },
    Era {
        name: "令和",
        initial: 'R',
        start: (2019, 5, 1),
    },
];

/// Why a text is not a date, precise enough to say which part is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Nothing in it reads as a date.
    Format,
    /// A character that no date form uses.
    Stray(char),
    /// A letter where an era's initial (M, T, S, H, R) would be.
    UnknownEra(char),
    /// A part is missing: `年`, `月` or `日`.
    Missing(&'static str),
    /// Separators of two styles mixed: `R7年3.4`.
    MixedSeparators,
    /// More numbers than year, month and day.
    TooManyParts,
    /// A year without an era that is not a four-digit Gregorian year: `7.3.4`.
    BareYear(u32),
    /// Year 0 of an era.
    YearZero,
    /// A month other than 1–12.
    NoSuchMonth(u32),
    /// A day the month does not have.
    NoSuchDay {
        /// Gregorian year.
        year: i32,
        /// Month.
        month: u32,
        /// The day written.
        day: u32,
    },
    /// The date lies outside the named era.
    OutsideEra {
        /// The era named in the text.
        era: &'static str,
        /// The same date in the era that covers it, e.g. `令和元年5月1日`.
        right: Option<String>,
    },
    /// A day is required but only a month was given.
    NeedsDay,
    /// The weekday written after the date is not the date's.
    WrongWeekday {
        /// The weekday written, e.g. `水`.
        written: char,
        /// The date's weekday.
        actual: char,
    },
}

/// Weekdays as written in parentheses, Sunday first.
const WEEKDAYS: [char; 7] = ['日', '月', '火', '水', '木', '金', '土'];
const WEEKDAYS_EN: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

impl DateError {
    /// A short explanation in Japanese or English.
    pub fn explain(&self, ja: bool) -> String {
        let weekday_en = |c: &char| {
            WEEKDAYS
                .iter()
                .position(|w| w == c)
                .map_or("?", |i| WEEKDAYS_EN[i])
        };
        match (self, ja) {
            (DateError::Format, true) => "日付の書き方になっていません".into(),
            (DateError::Format, false) => "not written as a date".into(),
            (DateError::Stray(c), true) => format!("「{c}」は日付に使えない文字です"),
            (DateError::Stray(c), false) => format!("`{c}` has no place in a date"),
            (DateError::UnknownEra(c), true) => format!(
                "「{c}」は元号の略号ではありません（M 明治・T 大正・S 昭和・H 平成・R 令和）"
            ),
            (DateError::UnknownEra(c), false) => {
                format!("`{c}` is not an era's initial (M 明治, T 大正, S 昭和, H 平成, R 令和)")
            }
            (DateError::Missing(part), true) => format!("「{part}」がありません"),
            (DateError::Missing(part), false) => format!("`{part}` is missing"),
            (DateError::MixedSeparators, true) => {
                "区切りがそろっていません（「年月日」か「.」「/」「-」のどれか一つにしてください）"
                    .into()
            }
            (DateError::MixedSeparators, false) => {
                "the separators are mixed (use 年月日, or one of . / -)".into()
            }
            (DateError::TooManyParts, true) => "年・月・日より多くの数があります".into(),
            (DateError::TooManyParts, false) => "more numbers than a year, month and day".into(),
            (DateError::BareYear(y), true) => format!(
                "年「{y}」に元号がありません（令和なら「R{y}」「令和{y}年」、西暦なら4桁で書いてください）"
            ),
            (DateError::BareYear(y), false) => format!(
                "the year `{y}` has no era (write R{y} or 令和{y}年 for 令和, or a four-digit year)"
            ),
            (DateError::YearZero, true) => {
                "「0年」はありません（最初の年は「元年」または「1年」）".into()
            }
            (DateError::YearZero, false) => {
                "there is no year 0 (the first year is 元年 or 1)".into()
            }
            (DateError::NoSuchMonth(m), true) => format!("「{m}月」はありません（月は1〜12）"),
            (DateError::NoSuchMonth(m), false) => format!("there is no month {m} (1 to 12)"),
            (DateError::NoSuchDay { year, month, day }, true) => {
                let last = days_in_month(*year, *month);
                let leap = match (*month, is_leap(*year)) {
                    (2, true) => format!("{year}年はうるう年で、"),
                    (2, false) => format!("{year}年はうるう年ではなく、"),
                    _ => String::new(),
                };
                format!("{month}月{day}日はありません（{leap}{month}月は{last}日まで）")
            }
            (DateError::NoSuchDay { year, month, day }, false) => {
                let last = days_in_month(*year, *month);
                let leap = match (*month, is_leap(*year)) {
                    (2, true) => format!("{year} is a leap year, "),
                    (2, false) => format!("{year} is not a leap year, "),
                    _ => String::new(),
                };
                format!(
                    "there is no day {day} in month {month} ({leap}month {month} has {last} days)"
                )
            }
            (DateError::OutsideEra { era, right }, true) => {
                let span = era_span(era);
                match right {
                    Some(right) => format!("この日は{era}ではなく「{right}」です（{span}）"),
                    None => format!("{era}の期間外の日付です（{span}）"),
                }
            }
            (DateError::OutsideEra { era, right }, false) => match right {
                Some(right) => format!("this day is not in {era}: it is {right}"),
                None => format!("the date is outside the {era} era"),
            },
            (DateError::NeedsDay, true) => "日まで記載してください".into(),
            (DateError::NeedsDay, false) => "the day is required".into(),
            (DateError::WrongWeekday { written, actual }, true) => {
                format!("この日は{actual}曜日です（（{written}）と書かれています）")
            }
            (DateError::WrongWeekday { written, actual }, false) => format!(
                "this day is a {} (the text says {})",
                weekday_en(actual),
                weekday_en(written)
            ),
        }
    }
}

/// When an era began and, if it did, ended: `平成は平成31年4月30日まで`.
fn era_span(name: &str) -> String {
    let Some(index) = ERAS.iter().position(|e| e.name == name) else {
        return String::new();
    };
    let era = &ERAS[index];
    let (y, m, d) = era.start;
    let start = JpDate {
        year: y,
        month: m,
        day: Some(d),
    };
    match ERAS.get(index + 1) {
        Some(next) => {
            let (y, m, d) = next.start;
            let last = JpDate {
                year: y,
                month: m,
                day: Some(d),
            }
            .plus_days(-1);
            format!("{name}は{}から{}まで", start.wareki(), last.wareki())
        }
        None => format!("{name}は{}から", start.wareki()),
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// The NFKC form without spaces, with the dashes people type read as `-`.
fn normalise(text: &str) -> String {
    super::nfkc::nfkc(text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '‐' | '―' | '−' | '–' | '—' => '-',
            _ => c,
        })
        .collect()
}

/// Splits off a trailing weekday: `(火)`, `(火曜)`, `(火曜日)`, `火曜日`.
fn weekday(text: &str) -> (&str, Option<char>) {
    let inner = text.strip_suffix(')').and_then(|t| t.rsplit_once('('));
    let (date, day) = match inner {
        Some((date, day)) => (date, day),
        None => match text.strip_suffix("曜日") {
            Some(t) => match t.chars().last() {
                Some(c) => (
                    &t[..t.len() - c.len_utf8()],
                    &text[t.len() - c.len_utf8()..],
                ),
                None => return (text, None),
            },
            None => return (text, None),
        },
    };
    let day = day.trim_end_matches("曜日").trim_end_matches('曜');
    let mut chars = day.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if WEEKDAYS.contains(&c) => (date, Some(c)),
        _ => (text, None),
    }
}

/// A piece of a date: a number (or 元, the first year), or a separator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token {
    Number(u32, usize),
    Separator(char),
}

fn tokens(text: &str) -> Result<Vec<Token>, DateError> {
    let mut out = Vec::new();
    let mut digits = String::new();
    let flush = |digits: &mut String, out: &mut Vec<Token>| -> Result<(), DateError> {
        if !digits.is_empty() {
            let n = if digits.len() > 4 {
                return Err(DateError::Format);
            } else {
                digits.parse().map_err(|_| DateError::Format)?
            };
            out.push(Token::Number(n, digits.len()));
            digits.clear();
        }
        Ok(())
    };
    for c in text.chars() {
        match c {
            '0'..='9' => digits.push(c),
            '元' => {
                flush(&mut digits, &mut out)?;
                out.push(Token::Number(1, 0));
            }
            '年' | '月' | '日' | '.' | '/' | '-' => {
                flush(&mut digits, &mut out)?;
                out.push(Token::Separator(c));
            }
            _ => return Err(DateError::Stray(c)),
        }
    }
    flush(&mut digits, &mut out)?;
    Ok(out)
}

/// Year, month and day (or none) from the tokens after any era.
fn parts(tokens: &[Token], era: bool) -> Result<(u32, usize, u32, Option<u32>), DateError> {
    let numbers: Vec<(u32, usize)> = tokens
        .iter()
        .filter_map(|t| match t {
            Token::Number(n, len) => Some((*n, *len)),
            _ => None,
        })
        .collect();
    let separators: Vec<char> = tokens
        .iter()
        .filter_map(|t| match t {
            Token::Separator(c) => Some(*c),
            _ => None,
        })
        .collect();
    // Numbers and separators must alternate, starting with a number.
    for (i, t) in tokens.iter().enumerate() {
        let want_number = i % 2 == 0;
        if want_number != matches!(t, Token::Number(..)) {
            return Err(DateError::Format);
        }
    }
    if numbers.is_empty() {
        return Err(DateError::Format);
    }
    let kanji = separators.iter().any(|c| "年月日".contains(*c));
    let punct = separators.iter().any(|c| "./-".contains(*c));
    if kanji && punct {
        return Err(DateError::MixedSeparators);
    }
    if numbers.len() > 3 {
        return Err(DateError::TooManyParts);
    }
    let (year, year_digits) = numbers[0];
    let month = numbers.get(1).map(|n| n.0);
    let day = numbers.get(2).map(|n| n.0);
    if kanji {
        let want: &[char] = &['年', '月', '日'];
        for (i, c) in separators.iter().enumerate() {
            if want.get(i) != Some(c) {
                // A part in the wrong place: the first one expected there is missing.
                return Err(DateError::Missing(match want.get(i) {
                    Some('年') => "年",
                    Some('月') => "月",
                    _ => "日",
                }));
            }
        }
        return match (numbers.len(), separators.len()) {
            (3, 3) => Ok((year, year_digits, month.unwrap_or(0), day)),
            (3, _) => Err(DateError::Missing("日")),
            (2, 2) => Ok((year, year_digits, month.unwrap_or(0), None)),
            (2, _) => Err(DateError::Missing("月")),
            _ => Err(DateError::Missing("月")),
        };
    }
    // . / - : all the same, nothing after the last number.
    if separators.windows(2).any(|w| w[0] != w[1]) {
        return Err(DateError::MixedSeparators);
    }
    if separators.len() >= numbers.len() {
        return Err(DateError::Format);
    }
    match numbers.len() {
        3 => Ok((year, year_digits, month.unwrap_or(0), day)),
        2 if era || year_digits == 4 => Ok((year, year_digits, month.unwrap_or(0), None)),
        1 if era => Err(DateError::Missing("月")),
        _ => Err(DateError::Format),
    }
}

/// The era named at the start of `text`, by name or initial, and the rest of the text.
fn era_of(text: &str) -> Result<(Option<&'static Era>, &str), DateError> {
    if let Some(era) = ERAS.iter().find(|e| text.starts_with(e.name)) {
        return Ok((Some(era), &text[era.name.len()..]));
    }
    let Some(first) = text.chars().next().filter(char::is_ascii_alphabetic) else {
        return Ok((None, text));
    };
    let initial = first.to_ascii_uppercase();
    match ERAS.iter().find(|e| e.initial == initial) {
        Some(era) => Ok((Some(era), &text[1..])),
        None => Err(DateError::UnknownEra(first)),
    }
}

/// One example of each form a full date may be written in, for hints such as the comments of
/// `hyoka init`'s skeleton; a test parses every one, so the hints cannot drift from the parser.
pub const DAY_EXAMPLES: &[&str] = &[
    "令和7年3月4日",
    "令和７年３月４日",
    "令和元年5月1日",
    "2025-03-04",
    "2025/3/4",
];

/// Examples of month precision (`保有開始日`, `使用開始日`), where the form allows it.
pub const MONTH_EXAMPLES: &[&str] = &["平成28年1月", "2016年1月"];

impl JpDate {
    /// Parses a date; `month_ok` allows month precision. Besides 和暦 and ISO, officers'
    /// short forms are read (`R7.3.4`, `R7年3月4日`, `令和7.3.4`, `H28.1`), full-width or not,
    /// with a trailing weekday (`（火）`) checked against the date.
    pub fn parse(text: &str, month_ok: bool) -> Result<JpDate, DateError> {
        let t = normalise(text);
        let (t, written_weekday) = weekday(&t);
        if !t.chars().any(|c| c.is_ascii_digit() || c == '元') {
            return Err(DateError::Format);
        }
        let (era, rest) = era_of(t)?;
        let (y, year_digits, m, d) = parts(&tokens(rest)?, era.is_some())?;
        let year = match era {
            Some(_) if y == 0 => return Err(DateError::YearZero),
            Some(era) => era.start.0 + y as i32 - 1,
            None if year_digits < 4 => return Err(DateError::BareYear(y)),
            None => y as i32,
        };
        let date = JpDate {
            year,
            month: m,
            day: d,
        };
        date.check_calendar()?;
        if let Some(era) = era {
            date.check_era(era)?;
        }
        if date.day.is_none() && !month_ok {
            return Err(DateError::NeedsDay);
        }
        if let Some(written) = written_weekday {
            let actual = date.weekday().ok_or(DateError::NeedsDay)?;
            if actual != written {
                return Err(DateError::WrongWeekday { written, actual });
            }
        }
        Ok(date)
    }

    /// The weekday (`火`) of a date with a day.
    pub fn weekday(&self) -> Option<char> {
        self.day?;
        // 1970-01-01 was a Thursday.
        Some(WEEKDAYS[(self.unix_days() + 4).rem_euclid(7) as usize])
    }

    fn check_calendar(&self) -> Result<(), DateError> {
        if !(1..=9999).contains(&self.year) {
            return Err(DateError::Format);
        }
        if !(1..=12).contains(&self.month) {
            return Err(DateError::NoSuchMonth(self.month));
        }
        if let Some(day) = self.day
            && (day == 0 || day > days_in_month(self.year, self.month))
        {
            return Err(DateError::NoSuchDay {
                year: self.year,
                month: self.month,
                day,
            });
        }
        Ok(())
    }

    fn check_era(&self, era: &Era) -> Result<(), DateError> {
        let index = ERAS.iter().position(|e| e.name == era.name).unwrap_or(0);
        let start = era.start;
        // The same date named in the era that does cover it.
        let right = self
            .era()
            .filter(|(name, _)| *name != era.name)
            .map(|_| self.wareki());
        let outside = DateError::OutsideEra {
            era: era.name,
            right,
        };
        // Month precision: the month must overlap the era.
        let first = (
            self.year,
            self.month,
            self.day.unwrap_or(days_in_month(self.year, self.month)),
        );
        if first < start {
            return Err(outside);
        }
        if let Some(next) = ERAS.get(index + 1) {
            let last = (self.year, self.month, self.day.unwrap_or(1));
            if last >= next.start {
                return Err(outside);
            }
        }
        Ok(())
    }

    /// The era and year in the era for this date, e.g. (`令和`, 7).
    pub fn era(&self) -> Option<(&'static str, i32)> {
        let key = (self.year, self.month, self.day.unwrap_or(1));
        ERAS.iter()
            .rev()
            .find(|e| key >= e.start)
            .map(|e| (e.name, self.year - e.start.0 + 1))
    }

    /// Canonical 和暦 with half-width digits: `令和7年3月4日`, `令和元年5月1日`, `平成28年1月`.
    pub fn wareki(&self) -> String {
        let Some((era, year)) = self.era() else {
            return self.iso();
        };
        let year = if year == 1 {
            "元".to_string()
        } else {
            year.to_string()
        };
        match self.day {
            Some(d) => format!("{era}{year}年{}月{d}日", self.month),
            None => format!("{era}{year}年{}月", self.month),
        }
    }

    /// ISO 8601: `2025-03-04`, or `2016-01` for month precision.
    pub fn iso(&self) -> String {
        match self.day {
            Some(d) => format!("{:04}-{:02}-{:02}", self.year, self.month, d),
            None => format!("{:04}-{:02}", self.year, self.month),
        }
    }

    /// This date moved forward by whole years (29 February becomes 28 February).
    pub fn plus_years(&self, years: i32) -> JpDate {
        let year = self.year + years;
        let day = self.day.map(|d| d.min(days_in_month(year, self.month)));
        JpDate {
            year,
            month: self.month,
            day,
        }
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

impl JpDate {
    /// Today's date in Japan (UTC+9, no daylight saving), from the system clock. The regime's
    /// dates are Japanese dates: a reminder must not change, nor a snapshot be named for
    /// yesterday, at 09:00 in the morning. Only `check` and `snapshot` ask for it; rendering
    /// never reads the clock.
    pub fn today_in_japan() -> JpDate {
        let seconds = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64);
        JpDate::from_unix_days((seconds + 9 * 3600).div_euclid(86_400))
    }

    /// The date `days` days after 1970-01-01 (negative: before), with a day.
    pub fn from_unix_days(days: i64) -> JpDate {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        JpDate {
            year,
            month,
            day: Some(day),
        }
    }

    /// Days since 1970-01-01; a month-precision date counts as its first day.
    pub fn unix_days(&self) -> i64 {
        days_from_civil(self.year, self.month, self.day.unwrap_or(1))
    }

    /// This date moved by whole days (a month-precision date from its first day).
    pub fn plus_days(&self, days: i64) -> JpDate {
        JpDate::from_unix_days(self.unix_days() + days)
    }

    /// This date moved by whole months, the day clamped to the month's end (31 August minus
    /// six months is 28 or 29 February).
    pub fn plus_months(&self, months: i32) -> JpDate {
        let index = self.year * 12 + self.month as i32 - 1 + months;
        let (year, month) = (index.div_euclid(12), index.rem_euclid(12) as u32 + 1);
        let day = self.day.map(|d| d.min(days_in_month(year, month)));
        JpDate { year, month, day }
    }
}

impl fmt::Display for JpDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.wareki())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> String {
        JpDate::parse(text, true)
            .unwrap_or_else(|e| panic!("{text}: {e:?}"))
            .iso()
    }
    fn err(text: &str) -> DateError {
        JpDate::parse(text, true).expect_err(text)
    }

    #[test]
    fn accepted_forms() {
        assert_eq!(ok("令和7年3月4日"), "2025-03-04");
        assert_eq!(ok("令和７年３月４日"), "2025-03-04");
        assert_eq!(ok("令和元年5月1日"), "2019-05-01");
        assert_eq!(ok("平成28年1月"), "2016-01");
        assert_eq!(ok("2025-03-04"), "2025-03-04");
        assert_eq!(ok("２０２５－０３－０４"), "2025-03-04");
        assert_eq!(ok("2021/8/2"), "2021-08-02");
        assert_eq!(ok("2021年8月2日"), "2021-08-02");
    }

    #[test]
    fn the_examples_given_in_hints_parse() {
        for text in DAY_EXAMPLES {
            assert!(JpDate::parse(text, false).is_ok(), "{text}");
        }
        for text in MONTH_EXAMPLES {
            assert_eq!(JpDate::parse(text, true).map(|d| d.day), Ok(None), "{text}");
            assert_eq!(
                JpDate::parse(text, false),
                Err(DateError::NeedsDay),
                "{text}"
            );
        }
    }

    #[test]
    fn era_boundaries_are_exact() {
        let outside = |era: &'static str, right: &str| DateError::OutsideEra {
            era,
            right: Some(right.to_string()),
        };
        assert_eq!(ok("平成31年4月30日"), "2019-04-30");
        assert_eq!(err("平成31年5月1日"), outside("平成", "令和元年5月1日"));
        assert_eq!(err("令和元年4月30日"), outside("令和", "平成31年4月30日"));
        assert_eq!(ok("平成31年4月"), "2019-04");
        assert_eq!(err("平成31年5月"), outside("平成", "令和元年5月"));
        assert_eq!(ok("令和元年5月"), "2019-05");
        assert_eq!(err("令和元年4月"), outside("令和", "平成31年4月"));
        assert_eq!(ok("昭和64年1月7日"), "1989-01-07");
        assert_eq!(err("昭和64年1月8日"), outside("昭和", "平成元年1月8日"));
        assert_eq!(ok("平成元年1月8日"), "1989-01-08");
        assert_eq!(err("平成元年1月7日"), outside("平成", "昭和64年1月7日"));
        // 平成 has no 1月 before the 8th, but the month overlaps the era.
        assert_eq!(ok("平成元年1月"), "1989-01");
        assert_eq!(
            err("平成31年5月1日").explain(true),
            "この日は平成ではなく「令和元年5月1日」です（平成は平成元年1月8日から平成31年4月30日まで）"
        );
    }

    #[test]
    fn impossible_dates() {
        let no_such_day = |year, month, day| DateError::NoSuchDay { year, month, day };
        assert_eq!(err("令和7年2月29日"), no_such_day(2025, 2, 29));
        assert_eq!(
            err("令和7年2月29日").explain(true),
            "2月29日はありません（2025年はうるう年ではなく、2月は28日まで）"
        );
        assert_eq!(ok("令和6年2月29日"), "2024-02-29");
        assert_eq!(
            err("令和7年4月31日").explain(true),
            "4月31日はありません（4月は30日まで）"
        );
        assert_eq!(err("令和7年13月1日"), DateError::NoSuchMonth(13));
        assert_eq!(err("令和0年1月1日"), DateError::YearZero);
        assert_eq!(err("2025-02-30"), no_such_day(2025, 2, 30));
        assert_eq!(err("来年の春"), DateError::Format);
        assert_eq!(err(""), DateError::Format);
        assert_eq!(err("令和7年3月4日です"), DateError::Stray('で'));
        assert_eq!(
            JpDate::parse("平成28年1月", false),
            Err(DateError::NeedsDay)
        );
    }

    #[test]
    fn officers_short_forms() {
        assert_eq!(ok("R7.3.4"), "2025-03-04");
        assert_eq!(ok("r7.3.4"), "2025-03-04");
        assert_eq!(ok("Ｒ７．３．４"), "2025-03-04");
        assert_eq!(ok("R7年3月4日"), "2025-03-04");
        assert_eq!(ok("R7/3/4"), "2025-03-04");
        assert_eq!(ok("令和7.3.4"), "2025-03-04");
        assert_eq!(ok("R元.5.1"), "2019-05-01");
        assert_eq!(ok("H28.1"), "2016-01");
        assert_eq!(ok("H28.1.1"), "2016-01-01");
        assert_eq!(ok("2025.3.4"), "2025-03-04");
        assert_eq!(ok("2016/1"), "2016-01");
        assert_eq!(JpDate::parse("H28.1", false), Err(DateError::NeedsDay));
        // NFKC reads the era ligature ㋿ as 令和.
        assert_eq!(ok("㋿7年3月4日"), "2025-03-04");
    }

    #[test]
    fn a_trailing_weekday_is_checked() {
        assert_eq!(ok("令和7年3月4日（火）"), "2025-03-04");
        assert_eq!(ok("令和7年3月4日(火曜日)"), "2025-03-04");
        assert_eq!(ok("令和7年3月4日 火曜日"), "2025-03-04");
        assert_eq!(ok("2025-03-04（火）"), "2025-03-04");
        assert_eq!(
            err("令和7年3月4日（水）"),
            DateError::WrongWeekday {
                written: '水',
                actual: '火'
            }
        );
        assert_eq!(
            err("令和7年3月4日（水）").explain(true),
            "この日は火曜日です（（水）と書かれています）"
        );
        assert_eq!(err("令和7年3月4日（祝）"), DateError::Stray('('));
    }

    #[test]
    fn the_wrong_part_is_named() {
        assert_eq!(err("令和7年3月4"), DateError::Missing("日"));
        assert_eq!(err("令和7年3"), DateError::Missing("月"));
        assert_eq!(err("令和7年"), DateError::Missing("月"));
        assert_eq!(err("3月4日"), DateError::Missing("年"));
        assert_eq!(err("R7年3.4"), DateError::MixedSeparators);
        assert_eq!(err("R7.3-4"), DateError::MixedSeparators);
        assert_eq!(err("R7.3.4.5"), DateError::TooManyParts);
        assert_eq!(err("7.3.4"), DateError::BareYear(7));
        assert_eq!(err("K7.3.4"), DateError::UnknownEra('K'));
        assert_eq!(
            err("7.3.4").explain(true),
            "年「7」に元号がありません（令和なら「R7」「令和7年」、西暦なら4桁で書いてください）"
        );
    }

    #[test]
    fn canonical_wareki() {
        assert_eq!(
            JpDate::parse("2019-05-01", false).unwrap().wareki(),
            "令和元年5月1日"
        );
        assert_eq!(
            JpDate::parse("令和７年３月４日", false).unwrap().wareki(),
            "令和7年3月4日"
        );
        assert_eq!(
            JpDate::parse("2016-01-01", false).unwrap().wareki(),
            "平成28年1月1日"
        );
        assert_eq!(
            JpDate::parse("平成28年1月", true).unwrap().wareki(),
            "平成28年1月"
        );
    }

    #[test]
    fn adding_years() {
        let d = JpDate::parse("2024-02-29", false).unwrap();
        assert_eq!(d.plus_years(1).iso(), "2025-02-28");
    }

    #[test]
    fn days_and_months() {
        let d = |t: &str| JpDate::parse(t, false).unwrap();
        assert_eq!(d("1970-01-01").unix_days(), 0);
        assert_eq!(d("2000-03-01").unix_days(), 11_017);
        assert_eq!(JpDate::from_unix_days(11_016).iso(), "2000-02-29");
        assert_eq!(JpDate::from_unix_days(-1).iso(), "1969-12-31");
        assert_eq!(d("2026-03-04").plus_days(-60).iso(), "2026-01-03");
        assert_eq!(d("2024-12-31").plus_days(1).iso(), "2025-01-01");
        assert_eq!(d("2030-01-24").plus_months(-6).iso(), "2029-07-24");
        assert_eq!(d("2026-08-31").plus_months(-6).iso(), "2026-02-28");
        assert_eq!(d("2024-08-31").plus_months(-6).iso(), "2024-02-29");
        for n in [-800_000, -1, 0, 1, 20_000, 800_000] {
            assert_eq!(JpDate::from_unix_days(n).unix_days(), n);
        }
    }
}

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
    start: (i32, u32, u32),
}

/// Eras from 明治 (Gregorian reckoning from 明治6年) to 令和, oldest first.
const ERAS: &[Era] = &[
    Era {
        name: "明治",
        start: (1868, 1, 25),
    },
    Era {
        name: "大正",
        start: (1912, 7, 30),
    },
    Era {
        name: "昭和",
        start: (1926, 12, 25),
    },
    Era {
        name: "平成",
        start: (1989, 1, 8),
    },
    Era {
        name: "令和",
        start: (2019, 5, 1),
    },
];

/// Why a text is not a date (English; the caller localises through the diagnostic code).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not in any accepted form.
    Format,
    /// Month or day out of range for the calendar.
    NoSuchDay,
    /// The date lies outside the named era.
    OutsideEra {
        /// The era named in the text.
        era: &'static str,
    },
    /// A day is required but only a month was given.
    NeedsDay,
}

impl DateError {
    /// A short explanation in Japanese or English.
    pub fn explain(&self, ja: bool) -> String {
        match (self, ja) {
            (DateError::Format, true) => "書式が違います".into(),
            (DateError::Format, false) => "unrecognised format".into(),
            (DateError::NoSuchDay, true) => "存在しない日付です".into(),
            (DateError::NoSuchDay, false) => "no such day".into(),
            (DateError::OutsideEra { era }, true) => format!("{era}の期間外の日付です"),
            (DateError::OutsideEra { era }, false) => format!("the date is outside the {era} era"),
            (DateError::NeedsDay, true) => "日まで記載してください".into(),
            (DateError::NeedsDay, false) => "the day is required".into(),
        }
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

/// Turns full-width digits into ASCII and drops spaces.
fn normalise(text: &str) -> String {
    text.trim()
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '－' | '―' | '‐' => '-',
            '／' => '/',
            _ => c,
        })
        .collect()
}

/// Splits `text` into numbers separated by exactly the given separators.
fn numbers(text: &str, seps: &[&str]) -> Option<Vec<u32>> {
    let mut out = Vec::new();
    let mut rest = text;
    for sep in seps {
        let (n, tail) = rest.split_once(sep)?;
        out.push(parse_num(n)?);
        rest = tail;
    }
    if !rest.is_empty() {
        return None;
    }
    Some(out)
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

fn parse_num(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

impl JpDate {
    /// Parses a date; `month_ok` allows month precision.
    pub fn parse(text: &str, month_ok: bool) -> Result<JpDate, DateError> {
        let t = normalise(text);
        let date = if let Some(era) = ERAS.iter().find(|e| t.starts_with(e.name)) {
            let rest = &t[era.name.len()..];
            let rest = rest.replacen("元年", "1年", 1);
            let (y, m, d) = if let Some(v) =
                numbers(&rest, &["年", "月", "日"]).filter(|_| rest.ends_with('日'))
            {
                (v[0], v[1], Some(v[2]))
            } else if let Some(v) = numbers(&rest, &["年", "月"]) {
                (v[0], v[1], None)
            } else {
                return Err(DateError::Format);
            };
            if y == 0 {
                return Err(DateError::Format);
            }
            let date = JpDate {
                year: era.start.0 + y as i32 - 1,
                month: m,
                day: d,
            };
            date.check_calendar()?;
            date.check_era(era)?;
            date
        } else if t.matches('-').count() == 2 {
            let v: Option<Vec<u32>> = t.split('-').map(parse_num).collect();
            let v = v.ok_or(DateError::Format)?;
            let date = JpDate {
                year: v[0] as i32,
                month: v[1],
                day: Some(v[2]),
            };
            date.check_calendar()?;
            date
        } else if t.matches('/').count() == 2 {
            let mut parts = t.split('/');
            let (a, b, c) = (parts.next(), parts.next(), parts.next());
            let v: Option<Vec<u32>> = [a, b, c]
                .into_iter()
                .map(|p| p.and_then(parse_num))
                .collect();
            let v = v.ok_or(DateError::Format)?;
            let date = JpDate {
                year: v[0] as i32,
                month: v[1],
                day: Some(v[2]),
            };
            date.check_calendar()?;
            date
        } else if let Some((y, m)) = t.strip_suffix("月").and_then(|r| r.split_once('年')) {
            let date = JpDate {
                year: parse_num(y).ok_or(DateError::Format)? as i32,
                month: parse_num(m).ok_or(DateError::Format)?,
                day: None,
            };
            date.check_calendar()?;
            date
        } else if let Some(v) = numbers(&t, &["年", "月", "日"]).filter(|_| t.ends_with('日')) {
            let date = JpDate {
                year: v[0] as i32,
                month: v[1],
                day: Some(v[2]),
            };
            date.check_calendar()?;
            date
        } else {
            return Err(DateError::Format);
        };
        if date.day.is_none() && !month_ok {
            return Err(DateError::NeedsDay);
        }
        Ok(date)
    }

    fn check_calendar(&self) -> Result<(), DateError> {
        if !(1..=12).contains(&self.month) || !(1..=9999).contains(&self.year) {
            return Err(DateError::NoSuchDay);
        }
        if let Some(d) = self.day
            && (d == 0 || d > days_in_month(self.year, self.month))
        {
            return Err(DateError::NoSuchDay);
        }
        Ok(())
    }

    fn check_era(&self, era: &Era) -> Result<(), DateError> {
        let index = ERAS.iter().position(|e| e.name == era.name).unwrap_or(0);
        let start = era.start;
        let outside = DateError::OutsideEra { era: era.name };
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
        assert_eq!(ok("平成31年4月30日"), "2019-04-30");
        assert_eq!(err("平成31年5月1日"), DateError::OutsideEra { era: "平成" });
        assert_eq!(
            err("令和元年4月30日"),
            DateError::OutsideEra { era: "令和" }
        );
        assert_eq!(ok("平成31年4月"), "2019-04");
        assert_eq!(err("平成31年5月"), DateError::OutsideEra { era: "平成" });
        assert_eq!(ok("令和元年5月"), "2019-05");
        assert_eq!(err("令和元年4月"), DateError::OutsideEra { era: "令和" });
        assert_eq!(ok("昭和64年1月7日"), "1989-01-07");
        assert_eq!(err("昭和64年1月8日"), DateError::OutsideEra { era: "昭和" });
        assert_eq!(ok("平成元年1月8日"), "1989-01-08");
        assert_eq!(err("平成元年1月7日"), DateError::OutsideEra { era: "平成" });
        // 平成 has no 1月 before the 8th, but the month overlaps the era.
        assert_eq!(ok("平成元年1月"), "1989-01");
    }

    #[test]
    fn impossible_dates() {
        assert_eq!(err("令和7年2月29日"), DateError::NoSuchDay);
        assert_eq!(ok("令和6年2月29日"), "2024-02-29");
        assert_eq!(err("令和7年13月1日"), DateError::NoSuchDay);
        assert_eq!(err("令和0年1月1日"), DateError::Format);
        assert_eq!(err("2025-02-30"), DateError::NoSuchDay);
        assert_eq!(err("来年の春"), DateError::Format);
        assert_eq!(err(""), DateError::Format);
        assert_eq!(err("令和7年3月4日です"), DateError::Format);
        assert_eq!(
            JpDate::parse("平成28年1月", false),
            Err(DateError::NeedsDay)
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

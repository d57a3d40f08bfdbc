//! What an assessment asks of its owner at a date (rules.md §2–3): the yearly review, the
//! re-assessment before five years pass, a missing 公表日, and ※ changes recorded 事後
//! without a reason. `hyoka check` prints them; unlike rendering, this is about today.
//!
//! Deadlines are inclusive: a duty "within 1 year" of a date is met on the anniversary and
//! overdue the day after, as the validator's W0403/W0404 count (民法's 初日不算入).

use super::changes;
use crate::diag::{Lang, codes};
use crate::form::label::{full_label, resolve};
use crate::load::date::JpDate;
use crate::load::{ChangeRow, Document, Value};

/// How many days before the yearly review falls due hyoka starts to remind.
pub const REVIEW_NOTICE_DAYS: i64 = 60;
/// How many months before the five years pass hyoka starts to remind.
pub const REASSESSMENT_NOTICE_MONTHS: i32 = 6;

const PUBLISHED: &str = "表紙.公表日";
const ASSESSED: &str = "評価実施手続.基礎項目評価.実施日";

/// A duty or open point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Duty {
    /// 少なくとも1年に1回の見直し (努力義務), counted from the later of 公表日 and the last
    /// 変更日: a recorded change was a revision, which is a review.
    YearlyReview,
    /// 5年を経過する前の再実施 (規則第15条, 努力義務), counted from Ⅴ１①実施日 (the 基礎項目評価
    /// of the last assessment), else from 公表日. The 公表日 moves with every 修正, which does
    /// not restart the five years; the 実施日 precedes its publication, so the reminder is
    /// early by those weeks rather than late.
    Reassessment,
    /// 公表日 not written: nothing can be counted from it.
    PublicationDate,
    /// A change to a ※ item recorded as 事後 without 提出時期に係る説明 (the test of W0502).
    UnexplainedAfterwards,
}

impl Duty {
    /// A stable name for machine output.
    pub fn id(self) -> &'static str {
        match self {
            Duty::YearlyReview => "yearly-review",
            Duty::Reassessment => "five-year-reassessment",
            Duty::PublicationDate => "publication-date-missing",
            Duty::UnexplainedAfterwards => "important-change-afterwards",
        }
    }

    /// What is due, in words.
    pub fn title(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Duty::YearlyReview, Lang::Ja) => "少なくとも1年に1回の見直し（努力義務）",
            (Duty::YearlyReview, Lang::En) => {
                "yearly review (少なくとも1年に1回の見直し, a duty to endeavour)"
            }
            (Duty::Reassessment, Lang::Ja) => "5年を経過する前の再実施（規則第15条、努力義務）",
            (Duty::Reassessment, Lang::En) => {
                "re-assessment before five years pass (規則第15条, a duty to endeavour)"
            }
            (Duty::PublicationDate, Lang::Ja) => "公表日が記載されていません",
            (Duty::PublicationDate, Lang::En) => "the publication date (公表日) is not written",
            (Duty::UnexplainedAfterwards, _) => codes::IMPORTANT_CHANGE_AFTERWARDS.message(lang),
        }
    }

    /// What to do.
    pub fn todo(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Duty::YearlyReview, Lang::Ja) => {
                "評価書の記載が特定個人情報ファイルの取扱いの実態と合っているか見直してください。変更があれば評価書を修正して提出・公表します（重要な変更に当たる場合は、変更の前に再実施します）。"
            }
            (Duty::YearlyReview, Lang::En) => {
                "check the document against how the files are actually handled; if anything changed, correct it, submit and publish it (a 重要な変更 needs a re-assessment before the change)."
            }
            (Duty::Reassessment, Lang::Ja) => {
                "しきい値判断から特定個人情報保護評価をやり直し、評価書を提出・公表してください。"
            }
            (Duty::Reassessment, Lang::En) => {
                "carry out the assessment again, from the しきい値判断, and submit and publish the document."
            }
            (Duty::PublicationDate, Lang::Ja) => {
                "評価書を公表した日を公表日に記載してください。見直しと再実施の期限はこの日から数えます。"
            }
            (Duty::PublicationDate, Lang::En) => {
                "write the date the document was published in 公表日; the review and re-assessment deadlines count from it."
            }
            (Duty::UnexplainedAfterwards, _) => codes::IMPORTANT_CHANGE_AFTERWARDS.help(lang),
        }
    }
}

/// Whether a reminder is coming up or late.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Falls due on `due`, today or within the notice period.
    Due,
    /// `due` has passed.
    Overdue,
}

impl Status {
    /// A stable name for machine output.
    pub fn id(self) -> &'static str {
        match self {
            Status::Due => "due",
            Status::Overdue => "overdue",
        }
    }
}

/// One thing to act on.
#[derive(Debug, Clone, PartialEq)]
pub struct Reminder {
    /// What.
    pub duty: Duty,
    /// Coming up or late.
    pub status: Status,
    /// The last day it can be done in time.
    pub due: JpDate,
    /// The official label of the item it concerns, e.g. `Ⅴ．１．①実施日`.
    pub item: String,
    /// That item's key path, e.g. `評価実施手続.基礎項目評価.実施日`.
    pub path: String,
    /// The date the deadline counts from (the item's value), when there is one.
    pub since: Option<JpDate>,
    /// For a change-table row: the 項目 it changes.
    pub changed_item: Option<String>,
}

fn label(document: &Document, path: &str) -> String {
    resolve(document.edition, path)
        .map(|steps| full_label(&steps))
        .unwrap_or_default()
}

/// Due, overdue, or not yet worth a reminder.
fn status(today: JpDate, due: JpDate, notice_from: JpDate) -> Option<Status> {
    if today > due {
        Some(Status::Overdue)
    } else if today >= notice_from {
        Some(Status::Due)
    } else {
        None
    }
}

/// Every reminder for a document and its change table at `today`, in the order above.
pub fn reminders(document: &Document, rows: &[ChangeRow], today: JpDate) -> Vec<Reminder> {
    let root = &document.root;
    let mut out = Vec::new();
    let published = root.date(PUBLISHED);
    if let Some(published) = published {
        // The later of 公表日 and the last 変更日 (normally not after 公表日, see W0501).
        let last_change = rows
            .iter()
            .enumerate()
            .filter_map(|(i, row)| row.date.map(|d| (d, i)))
            .max();
        let (since, item, path) = match last_change {
            Some((date, i)) if date > published => {
                let (label, path) = changes::column(i, "変更日");
                (date, label, path)
            }
            _ => (published, label(document, PUBLISHED), PUBLISHED.to_string()),
        };
        let due = since.plus_years(1);
        if let Some(status) = status(today, due, due.plus_days(-REVIEW_NOTICE_DAYS)) {
            out.push(Reminder {
                duty: Duty::YearlyReview,
                status,
                due,
                item,
                path,
                since: Some(since),
                changed_item: None,
            });
        }
    }
    let assessed = root.date(ASSESSED).map(|d| (d, ASSESSED));
    if let Some((since, path)) = assessed.or(published.map(|d| (d, PUBLISHED))) {
        let due = since.plus_years(5);
        let notice = due.plus_months(-REASSESSMENT_NOTICE_MONTHS);
        if let Some(status) = status(today, due, notice) {
            out.push(Reminder {
                duty: Duty::Reassessment,
                status,
                due,
                item: label(document, path),
                path: path.to_string(),
                since: Some(since),
                changed_item: None,
            });
        }
    }
    // Missing or empty; an invalid date already has its own diagnostic.
    let written = root
        .at(PUBLISHED)
        .is_some_and(|entry| entry.value != Value::Empty);
    if !written {
        out.push(Reminder {
            duty: Duty::PublicationDate,
            status: Status::Due,
            due: today,
            item: label(document, PUBLISHED),
            path: PUBLISHED.to_string(),
            since: None,
            changed_item: None,
        });
    }
    for (i, row) in changes::unexplained_afterwards(document, rows) {
        let (item, path) = changes::column(i, "提出時期に係る説明");
        let due = row.date.unwrap_or(today);
        out.push(Reminder {
            duty: Duty::UnexplainedAfterwards,
            status: if today > due {
                Status::Overdue
            } else {
                Status::Due
            },
            due,
            item,
            path,
            since: None,
            changed_item: Some(row.item.clone()),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{Limits, document_from_bytes};

    const MINIMAL: &str = include_str!("../../tests/suite/validate/valid-minimal.yaml");

    fn date(text: &str) -> JpDate {
        JpDate::parse(text, false).unwrap()
    }

    fn at(text: &str, today: &str) -> Vec<(Duty, Status, String)> {
        let (_, document) =
            document_from_bytes("t.yaml".into(), text.as_bytes(), &Limits::default());
        reminders(&document.unwrap(), &[], date(today))
            .into_iter()
            .map(|r| (r.duty, r.status, r.due.iso()))
            .collect()
    }

    #[test]
    fn the_yearly_review_comes_60_days_ahead_and_is_late_the_day_after() {
        // 公表日 令和7年3月4日 → due 2026-03-04; notice from 2026-01-03.
        assert_eq!(at(MINIMAL, "2026-01-02"), vec![]);
        let due = vec![(Duty::YearlyReview, Status::Due, "2026-03-04".to_string())];
        assert_eq!(at(MINIMAL, "2026-01-03"), due);
        assert_eq!(at(MINIMAL, "2026-03-04"), due);
        let late = vec![(
            Duty::YearlyReview,
            Status::Overdue,
            "2026-03-04".to_string(),
        )];
        assert_eq!(at(MINIMAL, "2026-03-05"), late);
    }

    #[test]
    fn the_reassessment_counts_from_the_basic_assessment() {
        // 実施日 令和7年1月24日 → due 2030-01-24; notice from 2029-07-24.
        let five = |today| {
            at(MINIMAL, today)
                .into_iter()
                .filter(|r| r.0 == Duty::Reassessment)
                .map(|r| r.1)
                .collect::<Vec<_>>()
        };
        assert_eq!(five("2029-07-23"), vec![]);
        assert_eq!(five("2029-07-24"), vec![Status::Due]);
        assert_eq!(five("2030-01-24"), vec![Status::Due]);
        assert_eq!(five("2030-01-25"), vec![Status::Overdue]);
    }

    #[test]
    fn a_missing_publication_date_is_a_reminder_of_its_own() {
        let text = MINIMAL.replacen("  公表日: 令和7年3月4日\n", "", 1);
        assert_ne!(text, MINIMAL);
        assert_eq!(
            at(&text, "2025-06-01"),
            vec![(Duty::PublicationDate, Status::Due, "2025-06-01".to_string())]
        );
    }
}

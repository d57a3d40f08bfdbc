//! `hyoka check PATH... [--date DATE]`: what each assessment asks of its owner today (or at
//! DATE), from [`crate::regime::reminders`]. Exit 1 when something is due, so a scheduler
//! can act on it.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde_json::json;

use super::{Outcome, ReportFormat, input_error};
use crate::diag::{FileReport, Lang, Severity, human};
use crate::load::{self, Limits, date::JpDate};
use crate::regime::reminders::{
    REASSESSMENT_NOTICE_MONTHS, REVIEW_NOTICE_DAYS, Reminder, Status, reminders,
};

/// Shown after the options by `--help`.
pub const EXAMPLES: &str = "Examples:
  hyoka check assessments/takaoka-vaccination
  hyoka check assessments/* --date 令和8年4月1日
  hyoka check assessments/x --date 2026-04-01 --format json";

/// Arguments of `hyoka check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Assessment folders or assessment.yaml files.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// The day to check at (令和8年4月1日 or 2026-04-01) [default: today in Japan].
    #[arg(long)]
    pub date: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
    pub format: ReportFormat,
}

/// One assessment's result.
struct Checked {
    path: PathBuf,
    /// Errors that kept part of it from loading.
    errors: Vec<FileReport>,
    reminders: Vec<Reminder>,
}

/// Loads each path (not validating: that is `validate`'s job) and collects its reminders.
fn check_one(path: &Path, today: JpDate) -> Result<Checked, crate::Error> {
    let assessment = load::load(path, &Limits::default())?;
    let errors = assessment
        .reports()
        .filter(|r| r.has_errors())
        .map(|r| FileReport {
            diagnostics: r
                .diagnostics
                .iter()
                .filter(|d| d.severity() == Severity::Error)
                .cloned()
                .collect(),
            ..r.clone()
        })
        .collect();
    let reminders = assessment
        .document
        .as_ref()
        .map(|document| reminders(document, &assessment.changes, today))
        .unwrap_or_default();
    Ok(Checked {
        path: path.to_path_buf(),
        errors,
        reminders,
    })
}

/// Checks every path and prints the reminders.
pub fn run(args: &Args, lang: Lang) -> Result<Outcome, crate::Error> {
    let today = match &args.date {
        Some(text) => JpDate::parse(text, false).map_err(|e| {
            input_error(
                lang,
                format!("--date {text}: {}", e.explain(true)),
                format!("--date {text}: {}", e.explain(false)),
            )
        })?,
        None => JpDate::today_in_japan(),
    };
    let checked = args
        .paths
        .iter()
        // The office's library (`assessments/*` names it too) has no dates to check.
        .filter(|path| !crate::common_texts::source::is_library_folder(path))
        .map(|path| check_one(path, today))
        .collect::<Result<Vec<_>, _>>()?;
    let text = match args.format {
        ReportFormat::Human => {
            for report in checked.iter().flat_map(|c| &c.errors) {
                eprint!("{}", human::render(report, lang));
            }
            human_report(&checked, today, lang)
        }
        ReportFormat::Json => format!("{:#}\n", json_report(&checked, today, lang)),
    };
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`| head`) is not an error of hyoka's.
    let _ = stdout
        .write_all(text.as_bytes())
        .and_then(|_| stdout.flush());
    let act = checked
        .iter()
        .any(|c| !c.reminders.is_empty() || !c.errors.is_empty());
    Ok(if act {
        Outcome::Invalid
    } else {
        Outcome::Clean
    })
}

/// A date as the language writes it: 和暦 in Japanese, ISO in English.
fn shown(date: JpDate, lang: Lang) -> String {
    match lang {
        Lang::Ja => date.wareki(),
        Lang::En => date.iso(),
    }
}

fn reminder_lines(r: &Reminder, lang: Lang) -> String {
    let due = shown(r.due, lang);
    let head = match (r.status, lang) {
        (Status::Due, Lang::Ja) => format!("期限 {due}"),
        (Status::Overdue, Lang::Ja) => format!("期限超過（期限 {due}）"),
        (Status::Due, Lang::En) => format!("due on {due}"),
        (Status::Overdue, Lang::En) => format!("overdue since {due}"),
    };
    let since = r
        .since
        .map(|d| match lang {
            Lang::Ja => format!("（{}）", d.wareki()),
            Lang::En => format!(" ({})", d.iso()),
        })
        .unwrap_or_default();
    let changed = r
        .changed_item
        .as_ref()
        .map(|item| match lang {
            Lang::Ja => format!("\n      変更した項目: {item}"),
            Lang::En => format!("\n      changed item: {item}"),
        })
        .unwrap_or_default();
    let (item, todo) = match lang {
        Lang::Ja => ("項目", "対処"),
        Lang::En => ("item", "to do"),
    };
    format!(
        "  {head}: {}\n      {item}: {}{since}{changed}\n      {todo}: {}\n",
        r.duty.title(lang),
        r.item,
        r.duty.todo(lang),
    )
}

fn human_report(checked: &[Checked], today: JpDate, lang: Lang) -> String {
    let mut out = String::new();
    for c in checked {
        out.push_str(&format!("{}\n", c.path.display()));
        if !c.errors.is_empty() {
            let count: usize = c.errors.iter().map(|r| r.diagnostics.len()).sum();
            out.push_str(&match lang {
                Lang::Ja => format!(
                    "  読み込めない箇所があります（エラー {count} 件、標準エラー出力を参照）\n"
                ),
                Lang::En => {
                    format!("  parts could not be loaded ({count} error(s), see standard error)\n")
                }
            });
        }
        for r in &c.reminders {
            out.push_str(&reminder_lines(r, lang));
        }
        if c.reminders.is_empty() && c.errors.is_empty() {
            out.push_str(match lang {
                Lang::Ja => "  期限が近いもの・過ぎたものはありません\n",
                Lang::En => "  nothing due\n",
            });
        }
    }
    let count = |status| {
        checked
            .iter()
            .flat_map(|c| &c.reminders)
            .filter(|r| r.status == status)
            .count()
    };
    let (overdue, due) = (count(Status::Overdue), count(Status::Due));
    out.push_str(&match lang {
        Lang::Ja => format!(
            "{} 件の評価書を{}時点で確認しました: 期限超過 {overdue} 件、期限間近 {due} 件（見直しは{REVIEW_NOTICE_DAYS}日前、再実施は{REASSESSMENT_NOTICE_MONTHS}か月前から表示）\n",
            checked.len(),
            today.wareki()
        ),
        Lang::En => format!(
            "checked {} assessment(s) as of {}: {overdue} overdue, {due} due soon (reviews shown {REVIEW_NOTICE_DAYS} days ahead, re-assessments {REASSESSMENT_NOTICE_MONTHS} months ahead)\n",
            checked.len(),
            today.iso()
        ),
    });
    out
}

fn json_report(checked: &[Checked], today: JpDate, lang: Lang) -> serde_json::Value {
    let assessments: Vec<_> = checked
        .iter()
        .map(|c| {
            let errors: Vec<_> = c
                .errors
                .iter()
                .flat_map(|r| {
                    r.diagnostics
                        .iter()
                        .map(|d| crate::diag::json::to_json(r, d, lang))
                })
                .collect();
            let reminders: Vec<_> = c
                .reminders
                .iter()
                .map(|r| {
                    json!({
                        "duty": r.duty.id(),
                        "status": r.status.id(),
                        "due": r.due.iso(),
                        "due_wareki": r.due.wareki(),
                        "item": r.item,
                        "path": r.path,
                        "since": r.since.map(|d| d.iso()),
                        "changed_item": r.changed_item,
                        "title": r.duty.title(lang),
                        "todo": r.duty.todo(lang),
                    })
                })
                .collect();
            json!({
                "path": c.path.display().to_string(),
                "errors": errors,
                "reminders": reminders,
            })
        })
        .collect();
    json!({
        "date": today.iso(),
        "assessments": assessments,
    })
}

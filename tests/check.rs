//! `hyoka check`: reminders for the bundled example (公表日 令和7年3月4日, Ⅴ１①実施日
//! 令和7年1月24日) and for variants of it in a temporary folder, at dates on both sides of
//! each boundary; exit codes; both languages; JSON; today's date from the clock.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const EXAMPLE: &str = "assessments/takaoka-vaccination";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn hyoka(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hyoka"))
        .current_dir(root())
        .args(args)
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// (duty, status, due) of every reminder for `path` at `date`, and the exit code.
fn reminders(path: &str, date: &str) -> (Vec<(String, String, String)>, Option<i32>) {
    let output = hyoka(&["check", path, "--date", date, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let found = v["assessments"][0]["reminders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let s = |k: &str| r[k].as_str().unwrap_or_default().to_string();
            (s("duty"), s("status"), s("due"))
        })
        .collect();
    (found, output.status.code())
}

fn only(duty: &str, status: &str, due: &str) -> Vec<(String, String, String)> {
    vec![(duty.into(), status.into(), due.into())]
}

/// The reminders of one duty.
fn of(duty: &str, path: &str, date: &str) -> Vec<(String, String)> {
    reminders(path, date)
        .0
        .into_iter()
        .filter(|r| r.0 == duty)
        .map(|r| (r.1, r.2))
        .collect()
}

/// A copy of the example with edits, in a fresh temporary folder.
fn variant(name: &str, edits: &[(&str, &str)], changes: Option<&str>) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hyoka-check-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut text = std::fs::read_to_string(root().join(EXAMPLE).join("assessment.yaml")).unwrap();
    for (from, to) in edits {
        assert!(text.contains(from), "the example has no {from:?}");
        text = text.replacen(from, to, 1);
    }
    std::fs::write(dir.join("assessment.yaml"), text).unwrap();
    if let Some(changes) = changes {
        std::fs::write(dir.join("changes.yaml"), changes).unwrap();
    }
    dir
}

fn path(dir: &Path) -> &str {
    dir.to_str().unwrap()
}

#[test]
fn the_example_has_the_dates_these_tests_assume() {
    let text = std::fs::read_to_string(root().join(EXAMPLE).join("assessment.yaml")).unwrap();
    assert!(text.contains("  公表日: 令和7年3月4日\n"));
    assert!(text.contains("    実施日: 令和7年1月24日  # ①"));
}

#[test]
fn yearly_review_of_the_example_around_its_anniversary() {
    // Due 令和8年3月4日 (a year after 公表日); reminded 60 days ahead, from 2026-01-03.
    assert_eq!(reminders(EXAMPLE, "2026-01-02"), (vec![], Some(0)));
    let due = only("yearly-review", "due", "2026-03-04");
    assert_eq!(reminders(EXAMPLE, "2026-01-03"), (due.clone(), Some(1)));
    assert_eq!(reminders(EXAMPLE, "2026-03-04"), (due, Some(1)));
    let late = only("yearly-review", "overdue", "2026-03-04");
    assert_eq!(reminders(EXAMPLE, "2026-03-05"), (late.clone(), Some(1)));
    // 和暦 is accepted for --date.
    assert_eq!(reminders(EXAMPLE, "令和8年3月5日"), (late, Some(1)));
}

#[test]
fn five_year_reassessment_of_the_example_counts_from_the_basic_assessment() {
    // Ⅴ１①実施日 令和7年1月24日 → due 令和12年1月24日; reminded 6 months ahead.
    let duty = "five-year-reassessment";
    assert_eq!(of(duty, EXAMPLE, "2029-07-23"), vec![]);
    let due = vec![("due".to_string(), "2030-01-24".to_string())];
    assert_eq!(of(duty, EXAMPLE, "2029-07-24"), due);
    assert_eq!(of(duty, EXAMPLE, "2030-01-24"), due);
    let late = vec![("overdue".to_string(), "2030-01-24".to_string())];
    assert_eq!(of(duty, EXAMPLE, "2030-01-25"), late);
}

#[test]
fn without_an_assessment_date_the_five_years_count_from_publication() {
    let dir = variant(
        "no-assessed",
        &[("    実施日: 令和7年1月24日  # ①\n", "")],
        None,
    );
    let duty = "five-year-reassessment";
    assert_eq!(of(duty, path(&dir), "2029-09-03"), vec![]);
    assert_eq!(
        of(duty, path(&dir), "2029-09-04"),
        vec![("due".to_string(), "2030-03-04".to_string())]
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_later_change_moves_the_yearly_review() {
    // A change recorded after 公表日 (W0501 warns, but it was a revision) restarts the year.
    let changes = "変更箇所:\n  - 変更日: 令和7年6月1日\n    項目: Ⅰ．１．②事務の内容\n    変更前の記載: 旧\n    変更後の記載: 新\n    提出時期: 事後\n    提出時期に係る説明: 見直しによる\n";
    let dir = variant("later-change", &[], Some(changes));
    let duty = "yearly-review";
    assert_eq!(of(duty, path(&dir), "2026-04-01"), vec![]);
    assert_eq!(
        of(duty, path(&dir), "2026-04-02"),
        vec![("due".to_string(), "2026-06-01".to_string())]
    );
    let text = stdout(&hyoka(&["check", path(&dir), "--date", "2026-06-02"]));
    assert!(
        text.contains("（別添２）変更箇所　行１．変更日（令和7年6月1日）"),
        "{text}"
    );
    // A change before 公表日 does not move it.
    let earlier = changes.replace("令和7年6月1日", "令和7年1月24日");
    let dir2 = variant("earlier-change", &[], Some(&earlier));
    assert_eq!(
        of(duty, path(&dir2), "2026-03-05"),
        vec![("overdue".to_string(), "2026-03-04".to_string())]
    );
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&dir2);
}

#[test]
fn a_missing_publication_date_is_reported_whatever_the_date() {
    let dir = variant("no-published", &[("  公表日: 令和7年3月4日\n", "")], None);
    let (found, code) = reminders(path(&dir), "2025-02-01");
    assert_eq!(found, only("publication-date-missing", "due", "2025-02-01"));
    assert_eq!(code, Some(1));
    let text = stdout(&hyoka(&["check", path(&dir), "--date", "2025-02-01"]));
    assert!(text.contains("公表日が記載されていません"), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_important_change_recorded_afterwards_without_a_reason() {
    let row = |reason: &str| {
        format!(
            "変更箇所:\n  - 変更日: 令和7年1月24日\n    項目: Ⅱ．２．①ファイルの種類\n    変更前の記載: その他の電子ファイル（表計算ファイル等）\n    変更後の記載: システム用ファイル\n    提出時期: 事後\n{reason}"
        )
    };
    let dir = variant("afterwards", &[], Some(&row("")));
    let duty = "important-change-afterwards";
    assert_eq!(
        of(duty, path(&dir), "2025-01-24"),
        vec![("due".to_string(), "2025-01-24".to_string())]
    );
    assert_eq!(
        of(duty, path(&dir), "2025-01-25"),
        vec![("overdue".to_string(), "2025-01-24".to_string())]
    );
    let (_, code) = reminders(path(&dir), "2025-06-01");
    assert_eq!(code, Some(1));
    let text = stdout(&hyoka(&["check", path(&dir), "--date", "2025-06-01"]));
    assert!(
        text.contains("変更した項目: Ⅱ．２．①ファイルの種類"),
        "{text}"
    );
    assert!(text.contains("行１．提出時期に係る説明"), "{text}");
    // With its reason, as W0502 of `validate` sees it, nothing is due.
    let explained = variant(
        "explained",
        &[],
        Some(&row("    提出時期に係る説明: 重要な変更に当たらないため\n")),
    );
    assert_eq!(reminders(path(&explained), "2025-06-01"), (vec![], Some(0)));
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&explained);
}

#[test]
fn both_languages_say_what_to_do() {
    let ja = stdout(&hyoka(&["check", EXAMPLE, "--date", "2026-04-01"]));
    assert!(
        ja.contains("期限超過（期限 令和8年3月4日）: 少なくとも1年に1回の見直し（努力義務）"),
        "{ja}"
    );
    assert!(ja.contains("項目: 公表日（令和7年3月4日）"), "{ja}");
    assert!(ja.contains("対処: "), "{ja}");
    assert!(ja.contains("期限超過 1 件、期限間近 0 件"), "{ja}");
    let en = stdout(&hyoka(&[
        "--lang",
        "en",
        "check",
        EXAMPLE,
        "--date",
        "2026-04-01",
    ]));
    assert!(
        en.contains("overdue since 2026-03-04: yearly review"),
        "{en}"
    );
    assert!(en.contains("item: 公表日 (2025-03-04)"), "{en}");
    assert!(en.contains("to do: "), "{en}");
    let quiet = stdout(&hyoka(&[
        "--lang",
        "en",
        "check",
        EXAMPLE,
        "--date",
        "2025-12-01",
    ]));
    assert!(quiet.contains("nothing due"), "{quiet}");
}

#[test]
fn json_names_the_item_and_its_path() {
    let output = hyoka(&["check", EXAMPLE, "--date", "2029-08-01", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(v["date"], "2029-08-01");
    let five = &v["assessments"][0]["reminders"][1];
    assert_eq!(five["duty"], "five-year-reassessment");
    assert_eq!(five["item"], "Ⅴ．１．基礎項目評価　①実施日");
    assert_eq!(five["path"], "評価実施手続.基礎項目評価.実施日");
    assert_eq!(five["since"], "2025-01-24");
    assert_eq!(five["due_wareki"], "令和12年1月24日");
    assert!(five["todo"].as_str().unwrap().contains("しきい値判断"));
}

#[test]
fn an_assessment_that_does_not_load_reports_its_errors() {
    let dir = variant(
        "broken",
        &[("  公表日: 令和7年3月4日\n", "  公表日: [令和7年3月4日\n")],
        None,
    );
    let output = hyoka(&["check", path(&dir), "--date", "2025-06-01"]);
    assert_eq!(output.status.code(), Some(1));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("E0103"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn usage_and_io_failures_exit_2() {
    let missing = hyoka(&["check", "no/such/assessment", "--date", "2026-01-01"]);
    assert_eq!(missing.status.code(), Some(2));
    let bad_date = hyoka(&["check", EXAMPLE, "--date", "令和8年2月30日"]);
    assert_eq!(bad_date.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad_date.stderr).contains("--date"));
    assert_eq!(hyoka(&["check"]).status.code(), Some(2));
}

#[test]
fn without_date_it_is_today_in_japan() {
    // 2026-03-04 14:59 UTC is 23:59 in Japan (still due); 15:00 UTC is the next day there.
    let at = |clock: &str| {
        let output = Command::new("faketime")
            .arg(clock)
            .arg(env!("CARGO_BIN_EXE_hyoka"))
            .args(["check", EXAMPLE, "--format", "json"])
            .current_dir(root())
            .env("TZ", "UTC")
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        (
            v["date"].as_str().unwrap().to_string(),
            v["assessments"][0]["reminders"][0]["status"]
                .as_str()
                .unwrap()
                .to_string(),
        )
    };
    assert_eq!(
        at("2026-03-04 14:59:00"),
        ("2026-03-04".into(), "due".into())
    );
    assert_eq!(
        at("2026-03-04 15:00:00"),
        ("2026-03-05".into(), "overdue".into())
    );
}

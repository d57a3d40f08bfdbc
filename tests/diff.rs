//! `hyoka diff` end to end: the example's history, exit codes, every output format,
//! `--record` (including a failure in the middle), REV:PATH from git, and the redline edition.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn hyoka() -> Command {
    Command::new(env!("CARGO_BIN_EXE_hyoka"))
}

fn example() -> PathBuf {
    root().join("assessments/takaoka-vaccination")
}

fn snapshot() -> PathBuf {
    example().join("versions/2024-05-27.yaml")
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hyoka-diff-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn diff(old: &Path, new: &Path, extra: &[&str]) -> Output {
    hyoka()
        .arg("diff")
        .arg(old)
        .arg(new)
        .args(extra)
        .output()
        .unwrap()
}

fn json_rows(output: &Output) -> Vec<serde_json::Value> {
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    value["rows"].as_array().unwrap().clone()
}

#[test]
fn the_example_history_reproduces_the_row_of_reiwa_7_1_24() {
    let output = diff(
        &snapshot(),
        &example(),
        &[
            "--format",
            "json",
            "--date",
            "令和7年1月24日",
            "--reason",
            "見直しによる",
        ],
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let rows = json_rows(&output);
    // The 重点項目評価書's one row, then the 基礎項目評価書's: its counts were taken again
    // for the 基礎項目評価 of 令和7年1月24日.
    let documents: Vec<&str> = rows.iter().map(|r| r["評価書"].as_str().unwrap()).collect();
    assert_eq!(
        documents,
        ["重点項目評価書", "基礎項目評価書", "基礎項目評価書"]
    );
    let labels: Vec<&str> = rows[1..]
        .iter()
        .map(|r| r["項目"].as_str().unwrap())
        .collect();
    assert_eq!(
        labels,
        [
            "Ⅱ．１．対象人数　いつ時点の計数か",
            "Ⅱ．２．取扱者数　いつ時点の計数か"
        ]
    );
    let row = &rows[0];
    assert_eq!(row["項目"], "Ⅴ．１．①実施日");
    assert_eq!(row["変更前の記載"], "令和6年5月27日");
    assert_eq!(row["変更後の記載"], "令和7年1月24日");
    assert_eq!(row["変更日"], "令和7年1月24日");
    assert_eq!(row["提出時期に係る説明"], "見直しによる");
    assert_eq!(row["重要な変更"], false);
    assert_eq!(row["path"], "評価実施手続.基礎項目評価.実施日");
    // The snapshot is a valid document of its own.
    assert_eq!(
        hyoka()
            .arg("validate")
            .arg(snapshot())
            .status()
            .unwrap()
            .code(),
        Some(0)
    );
}

#[test]
fn exit_codes() {
    let same = diff(&example(), &example(), &["--exit-code", "--format", "json"]);
    assert_eq!(same.status.code(), Some(0));
    assert!(json_rows(&same).is_empty());
    let changed = diff(
        &snapshot(),
        &example(),
        &["--exit-code", "--format", "json"],
    );
    assert_eq!(changed.status.code(), Some(1));
    assert_eq!(
        diff(&snapshot(), &example(), &[]).status.code(),
        Some(0),
        "without --exit-code changes are success"
    );
    assert_eq!(
        diff(Path::new("no/such"), &example(), &[]).status.code(),
        Some(2)
    );
    let bad = diff(&snapshot(), &example(), &["--timing", "5=事前"]);
    assert_eq!(bad.status.code(), Some(2), "row 5 does not exist");
}

const MINIMAL: &str = include_str!("suite/validate/valid-minimal.yaml");

/// Two versions of a small assessment: `old` and `new` folders with the given documents.
fn pair(name: &str, old: &str, new: &str) -> (PathBuf, PathBuf) {
    let dir = temp(name);
    for (sub, text) in [("old", old), ("new", new)] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
        std::fs::write(dir.join(sub).join("assessment.yaml"), text).unwrap();
    }
    (dir.join("old"), dir.join("new"))
}

fn changed_pair(name: &str) -> (PathBuf, PathBuf) {
    let new = MINIMAL
        .replace(
            "    事務の名称: 検証用事務",
            "    事務の名称: 検証用の事務, \"改\"",
        )
        .replace(
            "ファイルの種類: システム用ファイル",
            "ファイルの種類: その他の電子ファイル（表計算ファイル等）",
        );
    pair(name, MINIMAL, &new)
}

#[test]
fn proposals_and_overrides_of_the_submission_time() {
    let (old, new) = changed_pair("timing");
    let rows = json_rows(&diff(&old, &new, &["--format", "json"]));
    assert_eq!(rows.len(), 2);
    assert_eq!(
        (rows[0]["項目"].as_str(), rows[0]["提出時期"].as_str()),
        (Some("Ⅰ．１．①事務の名称"), Some("事後"))
    );
    assert_eq!(
        (rows[1]["項目"].as_str(), rows[1]["提出時期"].as_str()),
        (Some("Ⅱ．２．①ファイルの種類"), Some("事前"))
    );
    assert!(
        rows[1]["提出時期の根拠"]
            .as_str()
            .unwrap()
            .contains("重要な変更")
    );
    let rows = json_rows(&diff(
        &old,
        &new,
        &["--format", "json", "--timing", "2=事後"],
    ));
    assert_eq!(rows[1]["提出時期"], "事後");
    assert_eq!(rows[1]["提出時期の根拠"], "利用者の指定");
}

#[test]
fn csv_starts_with_a_bom_and_quotes_fields() {
    let (old, new) = changed_pair("csv");
    let output = diff(&old, &new, &["--format", "csv"]);
    assert!(
        output
            .stdout
            .starts_with(b"\xEF\xBB\xBF\xE5\xA4\x89\xE6\x9B\xB4\xE6\x97\xA5,")
    ); // BOM, 変更日,
    let text = String::from_utf8(output.stdout).unwrap();
    assert_eq!(text.matches("\r\n").count(), 3, "header and two rows, CRLF");
    assert!(text.contains("\"検証用の事務, \"\"改\"\"\""), "{text}");
}

#[test]
fn xlsx_opens_as_a_workbook() {
    use calamine::{Reader, Xlsx, open_workbook_from_rs};
    let (old, new) = changed_pair("xlsx");
    let out = old.parent().unwrap().join("changes.xlsx");
    let output = diff(
        &old,
        &new,
        &["--format", "xlsx", "--output", out.to_str().unwrap()],
    );
    assert_eq!(output.status.code(), Some(0));
    let bytes = std::fs::read(&out).unwrap();
    let mut workbook: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes.clone())).unwrap();
    assert_eq!(workbook.sheet_names(), ["変更箇所"]);
    let range = workbook.worksheet_range("変更箇所").unwrap();
    assert_eq!(range.get_size(), (3, 6));
    assert_eq!(range.get((0, 1)).unwrap().to_string(), "項目");
    assert_eq!(
        range.get((2, 1)).unwrap().to_string(),
        "Ⅱ．２．①ファイルの種類"
    );
    // The same input gives the same workbook.
    let again = diff(&old, &new, &["--format", "xlsx"]);
    assert_eq!(again.stdout, bytes);
}

#[test]
fn markdown_and_html_redlines() {
    let (old, new) = changed_pair("html");
    let html = String::from_utf8(diff(&old, &new, &["--format", "html"]).stdout).unwrap();
    assert!(
        // Short one-line values are redlined whole.
        html.contains("<del>検証用事務</del><ins>検証用の事務, &quot;改&quot;</ins>"),
        "{html}"
    );
    assert!(html.contains("<del>システム用ファイル</del>"), "{html}");
    let md = String::from_utf8(diff(&old, &new, &["--format", "md"]).stdout).unwrap();
    assert!(md.contains(
        "| 変更日 | 項目 | 変更前の記載 | 変更後の記載 | 提出時期 | 提出時期に係る説明 |"
    ));
    assert!(md.contains("| 検証用事務 | 検証用の事務, \"改\" |"), "{md}");
}

#[test]
fn reordering_blocks_with_ids_is_no_change() {
    let two = MINIMAL.replace(
        "      他のシステムとの接続: {庁内連携システム: true}\n",
        "      他のシステムとの接続: {庁内連携システム: true}\n    - id: second\n      システムの名称: 二つ目\n      システムの機能: 機能\n",
    );
    let swapped = two.replace(
        "    - id: main\n      システムの名称: 検証システム\n      システムの機能: 検証を行う。\n      他のシステムとの接続: {庁内連携システム: true}\n    - id: second\n      システムの名称: 二つ目\n      システムの機能: 機能\n",
        "    - id: second\n      システムの名称: 二つ目\n      システムの機能: 機能\n    - id: main\n      システムの名称: 検証システム\n      システムの機能: 検証を行う。\n      他のシステムとの接続: {庁内連携システム: true}\n",
    );
    assert_ne!(two, swapped);
    let (old, new) = pair("reorder", &two, &swapped);
    let output = diff(&old, &new, &["--format", "json", "--exit-code"]);
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn record_appends_rows_and_keeps_what_is_there() {
    let (old, new) = changed_pair("record");
    let existing = "# 既存のコメント\n変更箇所:\n  - 変更日: 令和6年5月27日\n    項目: Ⅱ．６．保管場所\n    変更前の記載: 旧\n    変更後の記載: 新\n    提出時期: 事後\n    提出時期に係る説明: 見直しによる\n";
    std::fs::write(new.join("changes.yaml"), existing).unwrap();
    let output = diff(
        &old,
        &new,
        &[
            "--record",
            "--date",
            "令和7年2月1日",
            "--reason",
            "見直しによる",
            "--format",
            "json",
        ],
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = std::fs::read_to_string(new.join("changes.yaml")).unwrap();
    assert!(text.starts_with(existing), "{text}");
    assert!(
        text.contains("  - 変更日: 令和7年2月1日\n    項目: Ⅰ．１．①事務の名称\n"),
        "{text}"
    );
    // The recorded table validates and the rendered document's 別添２ shows the new rows.
    assert_eq!(
        hyoka().arg("validate").arg(&new).status().unwrap().code(),
        Some(0)
    );
    let out = new.parent().unwrap().join("out");
    let render = hyoka()
        .arg("render")
        .arg(&new)
        .args(["--format", "md", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(render.status.code(), Some(0));
    let md = std::fs::read_to_string(out.join("new.juten.md")).unwrap();
    assert!(
        md.contains("| 令和7年2月1日 | Ⅱ．２．①ファイルの種類 | システム用ファイル |"),
        "{md}"
    );
    // Recording the same diff again adds nothing and says so.
    let again = diff(
        &old,
        &new,
        &["--record", "--date", "令和7年2月1日", "--format", "json"],
    );
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(new.join("changes.yaml")).unwrap(),
        text
    );
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("記録済みのため追加しませんでした"),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
}

#[test]
fn record_creates_the_table_when_there_is_none() {
    let (old, new) = changed_pair("record-new");
    let output = diff(&old, &new, &["--record", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0));
    let text = std::fs::read_to_string(new.join("changes.yaml")).unwrap();
    assert!(
        text.contains("変更箇所:\n  - 変更日: 令和7年3月4日\n"),
        "the date defaults to NEW's 公表日: {text}"
    );
}

#[test]
fn a_failure_in_the_middle_of_recording_leaves_the_table_untouched() {
    let (old, new) = changed_pair("record-fail");
    let existing = "変更箇所:\n  - 変更日: 令和6年5月27日\n    項目: 旧\n    提出時期: 事後\n";
    std::fs::write(new.join("changes.yaml"), existing).unwrap();
    let output = hyoka()
        .args(["diff", "--record", "--format", "json"])
        .arg(&old)
        .arg(&new)
        .env("HYOKA_FAULT", "before-rename")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("injected fault"));
    assert_eq!(
        std::fs::read_to_string(new.join("changes.yaml")).unwrap(),
        existing
    );
    let leftovers: Vec<_> = std::fs::read_dir(&new)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        leftovers.len(),
        2,
        "no temporary file is left: {leftovers:?}"
    );
}

#[test]
fn versions_can_come_from_git() {
    let dir = temp("git");
    let git = |args: &[&str]| {
        let status = Command::new("git")
            .args(["-c", "user.name=t", "-c", "user.email=t@example.invalid"])
            .args(args)
            .current_dir(&dir)
            .output()
            .unwrap();
        assert!(
            status.status.success(),
            "{}",
            String::from_utf8_lossy(&status.stderr)
        );
    };
    git(&["init", "-q"]);
    std::fs::create_dir_all(dir.join("a")).unwrap();
    std::fs::write(dir.join("a/assessment.yaml"), MINIMAL).unwrap();
    git(&["add", "."]);
    git(&["commit", "-qm", "first"]);
    std::fs::write(
        dir.join("a/assessment.yaml"),
        MINIMAL.replace("検証ファイル", "検証用ファイル"),
    )
    .unwrap();
    let output = hyoka()
        .args(["diff", "HEAD:a", "a", "--format", "json"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let rows = json_rows(&output);
    let labels: Vec<&str> = rows.iter().map(|r| r["項目"].as_str().unwrap()).collect();
    assert_eq!(
        labels,
        [
            "Ⅰ．３．特定個人情報ファイル名",
            "Ⅱ．１．特定個人情報ファイル名",
            "Ⅲ．１．特定個人情報ファイル名"
        ]
    );
}

#[test]
fn the_redline_edition_marks_changes_inline() {
    let out = temp("redline");
    let output = hyoka()
        .arg("render")
        .arg(example())
        .arg("--redline")
        .arg(snapshot())
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let html = std::fs::read_to_string(out.join("takaoka-vaccination.juten.redline.html")).unwrap();
    assert!(html.contains("変更点一覧（赤線版）"));
    assert!(
        html.contains("<del>令和6年5月27日</del><ins>令和7年1月24日</ins>"),
        "the changed row is marked inline"
    );
    assert!(out.join("takaoka-vaccination.juten.redline.pdf").is_file());
    assert!(
        !out.join("takaoka-vaccination.juten.html").exists(),
        "the redline edition does not replace the document"
    );
}

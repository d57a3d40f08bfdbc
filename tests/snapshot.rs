//! `hyoka snapshot` end to end: today's local date as the name, -2 and -3 when taken, a
//! byte-for-byte copy, --name, refusals, and diff and the redline edition against it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assessments/takaoka-vaccination/assessment.yaml")
}

/// A fresh assessment folder holding a copy of the example's document.
fn assessment(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hyoka-snapshot-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(example(), dir.join("assessment.yaml")).unwrap();
    dir
}

fn hyoka() -> Command {
    Command::new(env!("CARGO_BIN_EXE_hyoka"))
}

fn snapshot(folder: &Path, extra: &[&str]) -> Output {
    hyoka()
        .arg("snapshot")
        .arg(folder)
        .args(extra)
        .output()
        .unwrap()
}

fn versions(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder.join("versions"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    names
}

fn text(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).to_string() + &String::from_utf8_lossy(&output.stderr)
}

#[test]
fn the_default_name_is_the_date_in_japan_then_numbered() {
    let folder = assessment("dated");
    // 15:30 UTC on the 27th is 00:30 on the 28th in Japan: the name follows Japan's day,
    // whatever the machine's time zone.
    let at_half_past_midnight = |extra: &[&str]| {
        Command::new("faketime")
            .arg("2026-11-27 15:30:00")
            .arg(env!("CARGO_BIN_EXE_hyoka"))
            .arg("snapshot")
            .arg(&folder)
            .args(extra)
            .env("TZ", "UTC")
            .output()
            .unwrap()
    };
    for _ in 0..3 {
        let output = at_half_past_midnight(&[]);
        assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    }
    assert_eq!(
        versions(&folder),
        ["2026-11-28-2.yaml", "2026-11-28-3.yaml", "2026-11-28.yaml"]
    );
    let original = std::fs::read(folder.join("assessment.yaml")).unwrap();
    for name in versions(&folder) {
        assert_eq!(
            std::fs::read(folder.join("versions").join(&name)).unwrap(),
            original
        );
    }
}

#[test]
fn a_named_version_is_kept_and_never_overwritten() {
    let folder = assessment("named");
    let output = snapshot(&folder, &["--name", "2025-03-04-公表"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    let kept = folder.join("versions/2025-03-04-公表.yaml");
    assert!(text(&output).contains(&format!("hyoka diff {}", kept.display())));
    std::fs::write(folder.join("assessment.yaml"), "様式: 令和6年10月 様式3\n").unwrap();
    let again = snapshot(&folder, &["--name", "2025-03-04-公表.yaml"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(text(&again).contains("既にあります"), "{}", text(&again));
    assert_eq!(
        std::fs::read(&kept).unwrap(),
        std::fs::read(example()).unwrap()
    );
}

#[test]
fn improper_names_and_paths_are_refused() {
    let folder = assessment("refused");
    for name in ["", "../escape", ".hidden", "a/b"] {
        let output = snapshot(&folder, &["--name", name]);
        assert_eq!(output.status.code(), Some(2), "{name:?}");
    }
    assert!(!folder.join("versions").exists());
    assert!(!folder.join("escape.yaml").exists());
    let not_an_assessment = folder.join("notes.txt");
    std::fs::write(&not_an_assessment, "x").unwrap();
    let output = hyoka()
        .args(["--lang", "en", "snapshot"])
        .arg(&not_an_assessment)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output).contains("is not an assessment"),
        "{}",
        text(&output)
    );
    let missing = snapshot(&folder.join("nowhere"), &[]);
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn the_kept_version_is_what_diff_compares_against() {
    let folder = assessment("diff");
    // The document file itself is accepted as PATH too.
    let output = hyoka()
        .args(["--lang", "en", "snapshot"])
        .arg(folder.join("assessment.yaml"))
        .args(["--name", "published"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    assert!(
        text(&output).starts_with("saved assessment.yaml as "),
        "{}",
        text(&output)
    );
    let kept = folder.join("versions/published.yaml");
    let document = folder.join("assessment.yaml");
    let edited = std::fs::read_to_string(&document).unwrap().replace(
        "所属長の役職名: 健康増進課長",
        "所属長の役職名: 健康増進課主幹",
    );
    std::fs::write(&document, edited).unwrap();
    let diff = hyoka()
        .arg("diff")
        .arg(&kept)
        .arg(&folder)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(diff.status.code(), Some(0), "{}", text(&diff));
    let rows: serde_json::Value = serde_json::from_slice(&diff.stdout).unwrap();
    let rows = rows["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0]["変更後の記載"], "健康増進課主幹");
    assert_eq!(rows[0]["項目"], "Ⅰ．６．②所属長の役職名");
    // And the reviewer's edition marks the change against it.
    let out = folder.join("out");
    let render = hyoka()
        .arg("render")
        .arg(&folder)
        .arg("--redline")
        .arg(&kept)
        .args(["--format", "html", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(render.status.code(), Some(0), "{}", text(&render));
    let name = folder.file_name().unwrap().to_string_lossy().to_string();
    let html = std::fs::read_to_string(out.join(format!("{name}.juten.redline.html"))).unwrap();
    assert!(
        html.contains("<ins>健康増進課主幹</ins>"),
        "a short value is redlined whole"
    );
}

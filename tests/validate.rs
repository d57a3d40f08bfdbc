//! End-to-end validation: every fixture under `tests/suite/validate/` is run through the
//! `hyoka` binary and its diagnostics are compared with the fixture's `# expect:` lines.
//!
//! A fixture is a YAML file, or a folder holding `assessment.yaml` and `changes.yaml` (and the
//! 基礎項目評価書 beside a 重点項目評価書, `kiso.yaml` and `kiso-changes.yaml`); each
//! file lists what it expects: `# expect: E0205 12:9` (code, line:column), `# expect: E0103`
//! (code only, where the position is the YAML parser's business) or `# expect: nothing`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn hyoka() -> Command {
    Command::new(env!("CARGO_BIN_EXE_hyoka"))
}

fn suite() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/suite/validate")
}

/// (code, "line:col" or "") per file name.
type Found = BTreeMap<String, Vec<(String, String)>>;

fn expectations(file: &Path) -> Vec<(String, String)> {
    let bytes = std::fs::read(file).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    let mut out = Vec::new();
    for line in text.lines() {
        let Some(rest) = line.strip_prefix("# expect: ") else {
            continue;
        };
        if rest == "nothing" {
            continue;
        }
        let mut parts = rest.split_whitespace();
        let code = parts.next().unwrap().to_string();
        out.push((code, parts.next().unwrap_or("").to_string()));
    }
    out.sort();
    out
}

fn run_fixture(path: &Path) -> (Found, i32) {
    let output = hyoka()
        .args(["validate", "--message-format", "json"])
        .arg(path)
        .output()
        .unwrap();
    let mut found = Found::new();
    for line in String::from_utf8(output.stdout).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let file = Path::new(v["file"].as_str().unwrap())
            .file_name()
            .unwrap()
            .to_string_lossy()
            .to_string();
        let at = match (v["start"]["line"].as_u64(), v["start"]["column"].as_u64()) {
            (Some(l), Some(c)) => format!("{l}:{c}"),
            _ => String::new(),
        };
        found
            .entry(file)
            .or_default()
            .push((v["code"].as_str().unwrap().to_string(), at));
    }
    (found, output.status.code().unwrap_or(-1))
}

#[test]
fn every_fixture_gives_exactly_the_expected_diagnostics() {
    let mut fixtures: Vec<PathBuf> = std::fs::read_dir(suite())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir() || p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    fixtures.sort();
    assert!(fixtures.len() >= 30, "the corpus is missing");
    let mut failures = Vec::new();
    for fixture in &fixtures {
        let files: Vec<PathBuf> = if fixture.is_dir() {
            [
                "assessment.yaml",
                "changes.yaml",
                "kiso.yaml",
                "kiso-changes.yaml",
            ]
            .iter()
            .map(|f| fixture.join(f))
            .filter(|f| f.exists())
            .collect()
        } else {
            vec![fixture.clone()]
        };
        let (mut found, status) = run_fixture(fixture);
        let mut any_error = false;
        for file in &files {
            let want = expectations(file);
            let name = file.file_name().unwrap().to_string_lossy().to_string();
            let mut got: Vec<(String, String)> = found.remove(&name).unwrap_or_default();
            // Code-only expectations match any position.
            for (code, at) in &mut got {
                if want.iter().any(|(c, a)| c == code && a.is_empty()) {
                    at.clear();
                }
            }
            got.sort();
            any_error |= got.iter().any(|(c, _)| c.starts_with('E'));
            if got != want {
                failures.push(format!(
                    "{}: {name}\n  want {want:?}\n  got  {got:?}",
                    fixture.display()
                ));
            }
        }
        if !found.is_empty() {
            failures.push(format!(
                "{}: diagnostics for unexpected files {found:?}",
                fixture.display()
            ));
        }
        let want_status = if any_error { 1 } else { 0 };
        if status != want_status {
            failures.push(format!(
                "{}: exit status {status}, want {want_status}",
                fixture.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_missing_file_is_exit_2() {
    let output = hyoka()
        .args(["validate", "no/such/folder"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no/such/folder"));
}

#[test]
fn usage_errors_are_exit_2() {
    assert_eq!(
        hyoka().args(["validate"]).output().unwrap().status.code(),
        Some(2)
    );
    assert_eq!(
        hyoka()
            .args(["no-such-command"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        hyoka().args(["--help"]).output().unwrap().status.code(),
        Some(0)
    );
}

/// The human format, as a person sees it, at one fixture: message, place, item, frame, advice.
#[test]
fn human_output_snapshot() {
    let output = hyoka()
        .current_dir(suite())
        .args(["validate", "not-a-choice.yaml"])
        .output()
        .unwrap();
    let text = String::from_utf8(output.stderr).unwrap();
    let want = std::fs::read_to_string(suite().join("../not-a-choice.human.txt")).unwrap();
    assert_eq!(text, want);
    let output = hyoka()
        .current_dir(suite())
        .args(["--lang", "en", "validate", "not-a-choice.yaml"])
        .output()
        .unwrap();
    let text = String::from_utf8(output.stderr).unwrap();
    let want = std::fs::read_to_string(suite().join("../not-a-choice.human.en.txt")).unwrap();
    assert_eq!(text, want);
}

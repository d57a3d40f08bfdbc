//! The bundled example (高岡市, 予防接種に関する事務) and the JSON Schema.

use std::path::{Path, PathBuf};
use std::process::Command;

use hyoka::load::{self, Limits};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn example() -> PathBuf {
    root().join("assessments/takaoka-vaccination")
}

fn hyoka() -> Command {
    Command::new(env!("CARGO_BIN_EXE_hyoka"))
}

#[test]
fn the_example_validates_without_errors() {
    let assessment = hyoka::check(&example()).unwrap();
    for report in assessment.reports() {
        let codes: Vec<&str> = report.diagnostics.iter().map(|d| d.code.id).collect();
        // The published document prints 提供を行っている（５）件 beside four 提供先 (form3-fields §13.10).
        let want: &[&str] = if report.file.ends_with("assessment.yaml") {
            &["W0304"]
        } else {
            &[]
        };
        assert_eq!(codes, want, "{}", report.file.display());
    }
    let status = hyoka().arg("validate").arg(example()).status().unwrap();
    assert_eq!(status.code(), Some(0));
}

#[test]
fn the_example_holds_all_99_change_rows() {
    let assessment = hyoka::check(&example()).unwrap();
    let rows = &assessment.changes;
    assert_eq!(rows.len(), 99);
    let before = rows.iter().filter(|r| r.timing == Some("事前")).count();
    assert_eq!((before, rows.len() - before), (24, 75));
    let count = |date: &str| {
        rows.iter()
            .filter(|r| r.date.map(|d| d.wareki()).as_deref() == Some(date))
            .count()
    };
    let per_date = [
        ("令和3年11月10日", 11),
        ("令和4年2月25日", 17),
        ("令和4年5月12日", 7),
        ("令和4年7月6日", 14),
        ("令和4年9月22日", 4),
        ("令和5年3月3日", 8),
        ("令和6年5月27日", 37),
        ("令和7年1月24日", 1),
    ];
    for (date, n) in per_date {
        assert_eq!(count(date), n, "{date}");
    }
    let last = rows.last().unwrap();
    assert_eq!(last.item, "Ⅴ１．基礎項目評価①実施日");
    assert_eq!(
        (last.before.as_str(), last.after.as_str()),
        ("令和6年5月27日", "令和7年1月24日")
    );
}

/// Copies the example's document into a temporary folder with one edit.
fn edited(name: &str, edit: impl Fn(&str) -> String) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hyoka-example-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = std::fs::read_to_string(example().join("assessment.yaml")).unwrap();
    let file = dir.join("assessment.yaml");
    std::fs::write(&file, edit(&text)).unwrap();
    file
}

#[test]
fn one_wrong_choice_in_iii_is_reported_at_its_line_and_column() {
    let file = edited("choice", |t| {
        t.replacen("十分か: 十分である", "十分か: 十分でない", 1)
    });
    let text = std::fs::read_to_string(&file).unwrap();
    let line = text.lines().position(|l| l.contains("十分でない")).unwrap() + 1;
    let line_text = text.lines().nth(line - 1).unwrap();
    let col = line_text[..line_text.find("十分でない").unwrap()]
        .chars()
        .count()
        + 1;
    let output = hyoka()
        .args(["validate", "--message-format", "json"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    let errors: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .filter(|v: &serde_json::Value| v["severity"] == "error")
        .collect();
    assert_eq!(errors.len(), 1, "{stdout}");
    let e = &errors[0];
    assert_eq!(e["code"], "E0205");
    assert_eq!(
        (e["start"]["line"].as_u64(), e["start"]["column"].as_u64()),
        (Some(line as u64), Some(col as u64))
    );
    assert_eq!(
        e["item"],
        "Ⅲ．２．リスク：目的外の入手が行われるリスク　リスクへの対策は十分か"
    );
    // The human format names the same place and item.
    let output = hyoka().arg("validate").arg(&file).output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(&format!("assessment.yaml:{line}:{col}")),
        "{stderr}"
    );
    assert!(stderr.contains("項目: Ⅲ．２．"), "{stderr}");
    std::fs::remove_dir_all(file.parent().unwrap()).unwrap();
}

#[test]
fn an_unknown_top_level_key_is_an_error() {
    let file = edited("topkey", |t| format!("{t}評価者メモ: 下書き\n"));
    let output = hyoka()
        .args(["validate", "--lang", "en"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("error[E0201]: there is no item `評価者メモ` here"),
        "{stderr}"
    );
    std::fs::remove_dir_all(file.parent().unwrap()).unwrap();
}

#[test]
fn the_committed_schema_is_what_hyoka_prints() {
    let output = hyoka().arg("schema").output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let committed = std::fs::read_to_string(root().join("schema/assessment.schema.json")).unwrap();
    assert!(
        String::from_utf8(output.stdout).unwrap() == committed,
        "schema/assessment.schema.json is stale: run `cargo run -- schema > schema/assessment.schema.json`"
    );
}

fn as_json(file: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(file).unwrap();
    let parsed = load::yaml::parse(&text, &Limits::default());
    load::yaml::to_json(&parsed.root.unwrap())
}

#[test]
fn an_independent_validator_accepts_the_example_against_the_schema() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("schema/assessment.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    let mut document = as_json(&example().join("assessment.yaml"));
    let errors: Vec<String> = validator
        .iter_errors(&document)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    for fixture in ["valid-minimal.yaml", "valid-entrust.yaml"] {
        let value = as_json(&root().join("tests/suite/validate").join(fixture));
        assert!(validator.is_valid(&value), "{fixture}");
    }
    // Options written with their printed number are accepted, as hyoka accepts them.
    for numbered in ["2) 十分である", "２） 十分である", "2）十分である"] {
        document["リスク対策"]["入手"]["目的外の入手"]["十分か"] = numbered.into();
        assert!(validator.is_valid(&document), "{numbered}");
    }
    document["基本情報"]["事務"]["対象人数"] = "4) 10万人以上30万人未満".into();
    assert!(validator.is_valid(&document));
    // And it is not a schema that accepts anything.
    for wrong in [
        "十分でない",
        "2) 十分でない",
        "十分である 2)",
        "2) 十分である。",
    ] {
        document["リスク対策"]["入手"]["目的外の入手"]["十分か"] = wrong.into();
        assert!(!validator.is_valid(&document), "{wrong}");
    }
}

#[test]
fn the_example_points_editors_at_the_schema() {
    let text = std::fs::read_to_string(example().join("assessment.yaml")).unwrap();
    assert_eq!(
        text.lines().next(),
        Some("# yaml-language-server: $schema=../../schema/assessment.schema.json")
    );
}

/// Both 基礎項目評価書 satisfy the schemas an editor uses for them: the 基礎-only example
/// against schema/assessment.schema.json, the example's kiso.yaml against
/// schema/kiso.schema.json, which refuses a fact the two documents share written there again.
#[test]
fn an_independent_validator_accepts_the_basic_documents() {
    let schema = |name: &str| -> serde_json::Value {
        serde_json::from_str(&std::fs::read_to_string(root().join("schema").join(name)).unwrap())
            .unwrap()
    };
    let main = jsonschema::draft202012::new(&schema("assessment.schema.json")).unwrap();
    let alone = as_json(&root().join("assessments/mihon-jidou-teate/assessment.yaml"));
    let errors: Vec<String> = main.iter_errors(&alone).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert!(main.is_valid(&as_json(
        &root().join("tests/suite/validate/valid-basic.yaml")
    )));
    let mut wrong = alone.clone();
    wrong["しきい値判断項目"]["取扱者数"] = "499人".into();
    assert!(!main.is_valid(&wrong), "a value outside the list");
    let kiso = jsonschema::draft202012::new(&schema("kiso.schema.json")).unwrap();
    let mut companion = as_json(&example().join("kiso.yaml"));
    let errors: Vec<String> = kiso
        .iter_errors(&companion)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    companion["関連情報"]["事務"] = serde_json::json!({"事務の名称": "二度目"});
    assert!(!kiso.is_valid(&companion), "a shared fact written again");
    // A 基礎項目評価書 is not a kiso.yaml of a 重点項目評価書, nor the other way round.
    assert!(!kiso.is_valid(&alone));
    assert!(!main.is_valid(&as_json(&example().join("kiso.yaml"))));
}

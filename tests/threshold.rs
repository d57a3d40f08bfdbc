//! `hyoka threshold`: every cell of the matrix of rules.md §1 at its boundaries, the [B]
//! marks where rules.md puts them, the exclusions, both languages, JSON, and what happens
//! when a needed flag is missing.

use std::process::{Command, Output, Stdio};

fn hyoka(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hyoka"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn json(args: &[&str]) -> serde_json::Value {
    let mut all = vec!["threshold", "--format", "json"];
    all.extend_from_slice(args);
    let output = hyoka(&all);
    assert_eq!(output.status.code(), Some(0), "{args:?}: {output:?}");
    serde_json::from_slice(&output.stdout).unwrap()
}

/// A result (`required` in the JSON) and its mark (`S` or `B`).
type Cell = (&'static str, &'static str);

/// (対象人数, the result with < 500 handlers and no accident, with ≥ 500 or an accident),
/// each result with its mark, as the table of rules.md §1 has them.
const MATRIX: &[(u64, Cell, Cell)] = &[
    (999, ("none", "S"), ("none", "S")),
    (1_000, ("basic", "S"), ("basic", "B")),
    (9_999, ("basic", "S"), ("basic", "B")),
    (10_000, ("basic", "S"), ("basic-and-key", "B")),
    (99_999, ("basic", "S"), ("basic-and-key", "B")),
    (100_000, ("basic-and-key", "S"), ("basic-and-full", "S")),
    (299_999, ("basic-and-key", "S"), ("basic-and-full", "S")),
    (300_000, ("basic-and-full", "S"), ("basic-and-full", "S")),
];

#[test]
fn every_cell_of_the_matrix_at_its_boundaries() {
    for &(people, small, large) in MATRIX {
        let people = people.to_string();
        // (handlers, accident, expected): 499/500 handlers, accident yes/no.
        let cases = [
            ("499", "no", small),
            ("500", "no", large),
            ("499", "yes", large),
            ("500", "yes", large),
        ];
        for (handlers, accident, (required, source)) in cases {
            let args = [
                "--people",
                &people,
                "--handlers",
                handlers,
                "--accident",
                accident,
            ];
            let v = json(&args);
            assert_eq!(v["required"], required, "{args:?}");
            assert_eq!(v["source"], source, "{args:?}");
            assert_eq!(v["rules"][0]["source"], source, "{args:?}");
        }
    }
}

#[test]
fn b_marks_exactly_where_rules_md_puts_them() {
    for &(people, small, large) in MATRIX {
        let people = people.to_string();
        for (handlers, (_, source)) in [("100", small), ("1,000", large)] {
            let args = [
                "threshold",
                "--people",
                &people,
                "--handlers",
                handlers,
                "--accident",
                "no",
            ];
            let output = hyoka(&args);
            let text = stdout(&output);
            let marks = text.matches("[B]").count();
            if source == "B" {
                // One marked rule, and the note that explains the mark.
                assert_eq!(marks, 2, "{args:?}\n{text}");
                assert!(text.contains("一次資料"), "{text}");
            } else {
                assert_eq!(marks, 0, "{args:?}\n{text}");
            }
        }
    }
}

#[test]
fn the_human_report_names_forms_and_the_form3_choice() {
    let output = hyoka(&[
        "threshold",
        "--people",
        "150,000",
        "--handlers",
        "100",
        "--accident",
        "なし",
    ]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(
        text.contains("基礎項目評価書（様式２）、重点項目評価書（様式３）"),
        "{text}"
    );
    assert!(
        text.contains(
            "Ⅴ．１．②しきい値判断結果: 基礎項目評価及び重点項目評価の実施が義務付けられる"
        ),
        "{text}"
    );
    assert!(
        text.contains("任意に実施できる（ここでは全項目評価）"),
        "{text}"
    );

    let full = stdout(&hyoka(&[
        "threshold",
        "--people",
        "150000",
        "--handlers",
        "600",
    ]));
    assert!(full.contains("全項目評価書（様式４）"), "{full}");
    assert!(
        full.contains("重点項目評価書（様式３）では要件を満たしません"),
        "{full}"
    );
}

#[test]
fn accident_answers_in_either_language() {
    for (answer, column) in [
        ("yes", "large-or-accident"),
        ("はい", "large-or-accident"),
        ("あり", "large-or-accident"),
        ("発生あり", "large-or-accident"),
        ("NO", "small"),
        ("いいえ", "small"),
        ("なし", "small"),
    ] {
        let v = json(&[
            "--people",
            "50000",
            "--handlers",
            "10",
            "--accident",
            answer,
        ]);
        assert_eq!(v["column"], column, "{answer}");
    }
    let output = hyoka(&["threshold", "--people", "50000", "--accident", "maybe"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn exclusions_need_no_other_flag_and_override_the_count() {
    for flag in ["--staff-only", "--paper-only"] {
        let v = json(&[flag]);
        assert_eq!(v["required"], "none", "{flag}");
        assert_eq!(v["source"], "S", "{flag}");
        assert_eq!(v["excluded"], flag.trim_start_matches("--"), "{flag}");
        let v = json(&[flag, "--people", "500000", "--handlers", "900"]);
        assert_eq!(v["required"], "none", "{flag}");
        assert_eq!(v["forms"], serde_json::json!([]), "{flag}");
    }
    let text = stdout(&hyoka(&["threshold", "--staff-only"]));
    assert!(text.contains("人事・給与・福利厚生"), "{text}");
    assert!(text.contains("任意に実施できる"), "{text}");
}

#[test]
fn english_with_lang_en() {
    let output = hyoka(&[
        "--lang",
        "en",
        "threshold",
        "--people",
        "50000",
        "--handlers",
        "600",
        "--accident",
        "no",
    ]);
    let text = stdout(&output);
    assert!(
        text.contains("result: 基礎項目評価 and 重点項目評価 are mandatory"),
        "{text}"
    );
    assert!(text.contains("rules applied:"), "{text}");
    assert!(text.contains("[B]"), "{text}");
    assert!(
        text.contains("not confirmed from the primary text"),
        "{text}"
    );
    assert!(!text.contains("入力"), "{text}");
}

#[test]
fn json_carries_the_whole_decision() {
    let v = json(&[
        "--people",
        "150000",
        "--handlers",
        "100",
        "--accident",
        "no",
    ]);
    assert_eq!(v["input"]["people"], 150_000);
    assert_eq!(v["band"], "10万人以上30万人未満");
    assert_eq!(v["column"], "small");
    assert_eq!(
        v["assessments"],
        serde_json::json!(["基礎項目評価", "重点項目評価"])
    );
    assert_eq!(v["forms"][1]["form"], "様式３");
    assert_eq!(v["voluntary"], serde_json::json!(["全項目評価"]));
    assert_eq!(
        v["form3_threshold_result"],
        "基礎項目評価及び重点項目評価の実施が義務付けられる"
    );
    assert_eq!(v["rules"].as_array().unwrap().len(), 3);
}

#[test]
fn a_missing_flag_without_a_terminal_is_a_usage_error_naming_it() {
    let cases: &[(&[&str], &str)] = &[
        (&[], "--people"),
        (&["--people", "150000"], "--handlers"),
        (&["--people", "150000", "--handlers", "499"], "--accident"),
        // 1,000–10,000: the result is 基礎 either way, but its mark depends on the column.
        (&["--people", "5000", "--handlers", "10"], "--accident"),
    ];
    for (args, flag) in cases {
        for lang in ["ja", "en"] {
            let mut all = vec!["--lang", lang, "threshold"];
            all.extend_from_slice(args);
            let output = hyoka(&all);
            assert_eq!(output.status.code(), Some(2), "{all:?}");
            let err = String::from_utf8_lossy(&output.stderr);
            assert!(err.contains(flag), "{all:?}: {err}");
            assert!(output.stdout.is_empty(), "{all:?}");
        }
    }
    // Flags the table does not need are not asked for.
    for args in [
        &["--people", "999"][..],
        &["--people", "300000"],
        &["--people", "150000", "--handlers", "500"],
        &["--people", "150000", "--accident", "yes"],
    ] {
        let mut all = vec!["threshold"];
        all.extend_from_slice(args);
        assert_eq!(hyoka(&all).status.code(), Some(0), "{args:?}");
    }
}

#[test]
fn on_a_terminal_it_asks_for_what_is_missing() {
    // util-linux `script` gives hyoka a pseudo-terminal; the answers come from the file.
    let answers = std::env::temp_dir().join(format!("hyoka-threshold-{}", std::process::id()));
    std::fs::write(&answers, "150,000\n100\nいいえ\n").unwrap();
    let output = Command::new("script")
        .args(["-qec"])
        .arg(format!("{} threshold", env!("CARGO_BIN_EXE_hyoka")))
        .arg("/dev/null")
        .stdin(std::fs::File::open(&answers).unwrap())
        .output()
        .unwrap();
    let _ = std::fs::remove_file(&answers);
    let text = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(text.contains("対象人数（"), "{text}");
    assert!(text.contains("取扱者数（"), "{text}");
    assert!(text.contains("重大事故が発生しましたか"), "{text}");
    assert!(
        text.contains("しきい値判断の結果: 基礎項目評価及び重点項目評価の実施が義務付けられる"),
        "{text}"
    );
}

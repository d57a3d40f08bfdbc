//! Common texts (共通テキスト) end to end: the fixture offices of `tests/suite/with-common-texts/` and
//! their diagnostics (each at file:line:col, with the entry as the second place); converting
//! documents to common texts with byte-identical outputs; a change of one entry recorded into
//! the change table of each document that uses it and of no other, all tables or none; and the
//! scan for texts written alike.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn hyoka(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hyoka"))
        .args(args)
        .current_dir(dir)
        .env_remove("HYOKA_FAULT")
        .output()
        .unwrap()
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hyoka-texts-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Copies a folder's files and sub-folders.
fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            yaml_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "yaml") {
            out.push(path);
        }
    }
}

/// (file name, code, line:col, elsewhere file name:line:col or "") of each `# expect:` line.
fn expected(office: &Path) -> Vec<(String, String, String, String)> {
    let mut files = Vec::new();
    yaml_files(office, &mut files);
    let mut out = Vec::new();
    for file in files {
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        for line in read(&file).lines() {
            let Some(rest) = line.trim_start().strip_prefix("# expect: ") else {
                continue;
            };
            let mut parts = rest.split_whitespace();
            let code = parts.next().unwrap().to_string();
            let at = parts.next().unwrap_or("").to_string();
            let elsewhere = parts
                .next()
                .and_then(|p| p.strip_prefix("elsewhere="))
                .unwrap_or("")
                .to_string();
            out.push((name.clone(), code, at, elsewhere));
        }
    }
    out.sort();
    out
}

/// What `hyoka validate` says of every assessment of the office, in the same shape.
fn found(office: &Path) -> (Vec<(String, String, String, String)>, i32) {
    let mut args = vec!["validate", "--message-format", "json"];
    let mut folders: Vec<String> = std::fs::read_dir(office)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("assessment.yaml").is_file())
        .map(|p| p.file_name().unwrap().to_string_lossy().to_string())
        .collect();
    folders.sort();
    args.extend(folders.iter().map(String::as_str));
    let output = hyoka(office, &args);
    let mut out = Vec::new();
    for line in String::from_utf8(output.stdout).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let name = |file: &serde_json::Value| {
            Path::new(file.as_str().unwrap())
                .file_name()
                .unwrap()
                .to_string_lossy()
                .to_string()
        };
        let at = format!("{}:{}", v["start"]["line"], v["start"]["column"]);
        let elsewhere = match &v["elsewhere"] {
            serde_json::Value::Null => String::new(),
            e => format!("{}:{}:{}", name(&e["file"]), e["line"], e["column"]),
        };
        out.push((
            name(&v["file"]),
            v["code"].as_str().unwrap().to_string(),
            at,
            elsewhere,
        ));
    }
    out.sort();
    (out, output.status.code().unwrap_or(-1))
}

#[test]
fn every_fixture_office_gives_exactly_the_expected_diagnostics() {
    let suite = root().join("tests/suite/with-common-texts");
    let mut offices: Vec<PathBuf> = std::fs::read_dir(&suite)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    offices.sort();
    assert!(offices.len() >= 3);
    let mut failures = Vec::new();
    for office in offices {
        let want = expected(&office);
        let (got, status) = found(&office);
        if got != want {
            failures.push(format!(
                "{}:\n  want {want:#?}\n  got  {got:#?}",
                office.display()
            ));
        }
        let errors = want.iter().any(|(_, code, _, _)| code.starts_with('E'));
        if status != i32::from(errors) {
            failures.push(format!("{}: exit status {status}", office.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The human format shows the use and, below it, the entry's own line.
#[test]
fn a_diagnostic_at_a_use_shows_the_entry_too() {
    let office = root().join("tests/suite/with-common-texts/inside-an-entry");
    let output = hyoka(&office, &["validate", "yobou-sesshu"]);
    let text = String::from_utf8(output.stderr).unwrap();
    let at = text
        .find("エラー[E0206]")
        .unwrap_or_else(|| panic!("{text}"));
    let one = &text[at..text[at..].find("\n\n").map_or(text.len(), |e| at + e)];
    assert!(one.contains("--> yobou-sesshu/assessment.yaml:"), "{one}");
    assert!(
        one.contains("- id: chukan-server") || one.contains("共通テキスト: 中間サーバー"),
        "{one}"
    );
    assert!(
        one.contains("= 関連: common-texts/中間サーバー.yaml:") && one.contains("不明な接続: true"),
        "{one}"
    );
}

/// The example office, in a folder of its own: the 見本町 assessments and takaoka, their
/// common texts turned back into text written in place (what an office has before it uses
/// common texts).
fn office_written_in_place(name: &str) -> PathBuf {
    let dir = temp(name);
    let office = dir.join("assessments");
    for example in [
        "takaoka-vaccination",
        "mihon-jidou-teate",
        "mihon-yobou-sesshu",
    ] {
        copy(
            &root().join("assessments").join(example),
            &office.join(example),
        );
    }
    let _ = std::fs::remove_dir_all(office.join("takaoka-vaccination/versions"));
    // In place of each reference, the entry's text: hyoka itself says what it reads.
    let library = hyoka::common_texts::Library::read(
        &root().join("assessments/common-texts"),
        &Default::default(),
    )
    .unwrap();
    for example in ["mihon-jidou-teate", "mihon-yobou-sesshu"] {
        let file = office.join(example).join("assessment.yaml");
        let mut text = read(&file);
        for entry in library.entries() {
            let reference = format!("{{共通テキスト: {}}}", entry.name);
            if let (true, Some(value)) = (text.contains(&reference), entry.body.text()) {
                text = text.replace(&reference, &literal(value));
            }
        }
        // The 中間サーバー block, written out.
        let block = "    - id: chukan-server\n      共通テキスト: 中間サーバー\n";
        if text.contains(block) {
            let functions = library
                .get("中間サーバーの機能")
                .unwrap()
                .body
                .text()
                .unwrap();
            let written = format!(
                "    - id: chukan-server\n      システムの名称: 中間サーバー\n      システムの機能: |-\n{}\n      他のシステムとの接続:\n        情報提供ネットワークシステム: true\n        既存住民基本台帳システム: true\n        宛名システム等: true\n",
                functions
                    .lines()
                    .map(|l| format!("        {l}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            );
            text = text.replace(block, &written);
        }
        assert!(!text.contains("共通テキスト:"), "{text}");
        std::fs::write(&file, text).unwrap();
    }
    dir
}

/// `text` as a double-quoted YAML scalar, which reads back as it is at any depth.
fn literal(text: &str) -> String {
    serde_json::to_string(text).unwrap()
}

/// Every output file of `build` in `out`, by name (the build stamp aside).
fn outputs(out: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for folder in std::fs::read_dir(out).unwrap() {
        let folder = folder.unwrap().path();
        for file in std::fs::read_dir(&folder).unwrap() {
            let file = file.unwrap().path();
            let name = file.file_name().unwrap().to_string_lossy().to_string();
            if name != ".hyoka-build" {
                files.insert(name, std::fs::read(&file).unwrap());
            }
        }
    }
    files
}

#[test]
fn converting_to_common_texts_leaves_every_output_byte_identical() {
    let dir = office_written_in_place("convert");
    let office = dir.join("assessments");
    let build = |out: &str| {
        let output = hyoka(
            &dir,
            &[
                "build",
                "--format",
                "html,md,typ,pdf",
                "--out",
                out,
                "--jobs",
                "2",
            ],
        );
        assert!(output.status.success(), "{output:?}");
        outputs(&dir.join(out))
    };
    let before = build("before");
    assert!(
        before.keys().any(|n| n.ends_with(".pdf")) && before.keys().any(|n| n.ends_with(".json")),
        "{:?}",
        before.keys()
    );
    let documents: Vec<PathBuf> = [
        "takaoka-vaccination",
        "mihon-jidou-teate",
        "mihon-yobou-sesshu",
    ]
    .iter()
    .map(|e| office.join(e).join("assessment.yaml"))
    .collect();
    let texts_before: Vec<String> = documents.iter().map(|d| read(d)).collect();
    let scan = hyoka(&dir, &["texts", "scan", "--convert"]);
    assert!(scan.status.success(), "{scan:?}");
    let after = build("after");
    assert_eq!(before.len(), after.len());
    for (name, bytes) in &before {
        assert!(after.get(name) == Some(bytes), "{name} changed");
    }
    // The documents now use the library, and keep every comment they had.
    let library = read(&office.join("common-texts/scanned.yaml"));
    assert!(
        library.contains("中間サーバーの機能") || library.contains("①符号管理機能"),
        "{library}"
    );
    for (document, old) in documents.iter().zip(&texts_before) {
        let new = read(document);
        assert!(new.contains("{共通テキスト: "), "{}", document.display());
        for comment in old.lines().filter_map(|l| l.find('#').map(|i| &l[i..])) {
            assert!(
                new.contains(comment),
                "{}: lost {comment}",
                document.display()
            );
        }
    }
    let validate = hyoka(&dir, &["validate", "assessments/mihon-jidou-teate"]);
    assert!(validate.status.success(), "{validate:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// An office of three assessments: a 重点項目評価書 with its 基礎項目評価書 and a
/// 基礎項目評価書 alone that use the town's 開示請求 請求先, and the reference example, which
/// uses no common text.
fn office_of_three(name: &str) -> PathBuf {
    let dir = temp(name);
    let office = dir.join("assessments");
    for example in [
        "common-texts",
        "takaoka-vaccination",
        "mihon-jidou-teate",
        "mihon-yobou-sesshu",
    ] {
        copy(
            &root().join("assessments").join(example),
            &office.join(example),
        );
    }
    let _ = std::fs::remove_dir_all(office.join("takaoka-vaccination/versions"));
    dir
}

/// Every change table of the office, by path.
fn tables(office: &Path) -> BTreeMap<PathBuf, String> {
    let mut out = BTreeMap::new();
    for folder in [
        "takaoka-vaccination",
        "mihon-jidou-teate",
        "mihon-yobou-sesshu",
    ] {
        for table in ["changes.yaml", "kiso-changes.yaml"] {
            let path = office.join(folder).join(table);
            if path.is_file() {
                out.insert(path.clone(), read(&path));
            }
        }
    }
    out
}

/// The town's 総務課 becomes the 総務部 総務課 in the one entry that says where to ask.
fn rename_the_department(office: &Path) {
    let file = office.join("common-texts/見本町.yaml");
    let text = read(&file);
    assert!(text.contains("見本町　総務課　電話"));
    std::fs::write(
        &file,
        text.replace("見本町　総務課　電話", "見本町　総務部　総務課　電話"),
    )
    .unwrap();
}

#[test]
fn a_changed_entry_is_recorded_in_the_table_of_each_document_that_uses_it_and_no_other() {
    let dir = office_of_three("record");
    let office = dir.join("assessments");
    let saved = hyoka(&dir, &["texts", "save", "--name", "before"]);
    assert!(saved.status.success(), "{saved:?}");
    assert!(
        office
            .join("common-texts/versions/before/見本町.yaml")
            .is_file()
    );
    rename_the_department(&office);
    let before = tables(&office);
    let output = hyoka(
        &dir,
        &[
            "texts",
            "changes",
            "before",
            "--date",
            "令和8年4月1日",
            "--reason",
            "組織改編による",
            "--record",
        ],
    );
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    // The affected documents come first, before any table.
    let listed = stdout.find("変更箇所に行が加わる評価書: 3 件").unwrap();
    assert!(listed < stdout.find('┌').unwrap(), "{stdout}");
    let after = tables(&office);
    let added = |folder: &str, table: &str| -> String {
        let path = office.join(folder).join(table);
        after[&path]
            .strip_prefix(before[&path].as_str())
            .unwrap_or_else(|| panic!("{}: the old text is kept", path.display()))
            .to_string()
    };
    // Each row under the document's own label, with its own 提出時期 proposal.
    let juten = added("mihon-yobou-sesshu", "changes.yaml");
    assert!(juten.contains("項目: Ⅳ．１．①請求先"), "{juten}");
    assert!(
        juten.contains("提出時期: 事後") && juten.contains("提出時期に係る説明: 組織改編による"),
        "{juten}"
    );
    let kiso = added("mihon-yobou-sesshu", "kiso-changes.yaml");
    assert!(kiso.contains("項目: Ⅰ．７．請求先"), "{kiso}");
    let alone = added("mihon-jidou-teate", "changes.yaml");
    assert!(
        alone.contains("項目: Ⅰ．７．請求先") && alone.contains("変更日: 令和8年4月1日"),
        "{alone}"
    );
    for rows in [&juten, &kiso, &alone] {
        assert_eq!(rows.matches("- 変更日:").count(), 1, "{rows}");
        assert!(
            rows.contains("見本町　総務部　総務課　電話 0000-00-0000"),
            "{rows}"
        );
    }
    // Nothing in the document that does not use it.
    for table in ["changes.yaml", "kiso-changes.yaml"] {
        let path = office.join("takaoka-vaccination").join(table);
        assert_eq!(after[&path], before[&path], "{}", path.display());
    }
    // The tables read back and validate; a second run adds nothing.
    let validate = hyoka(
        &dir,
        &[
            "validate",
            "assessments/mihon-jidou-teate",
            "assessments/mihon-yobou-sesshu",
        ],
    );
    assert_eq!(validate.status.code(), Some(0), "{validate:?}");
    let again = hyoka(
        &dir,
        &[
            "texts",
            "changes",
            "before",
            "--date",
            "令和8年4月1日",
            "--record",
        ],
    );
    assert!(again.status.success());
    assert_eq!(tables(&office), after);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_change_since_a_git_revision_reaches_the_same_documents() {
    let dir = office_of_three("git");
    let git = |args: &[&str]| {
        let output = Command::new("git")
            .args(args)
            .current_dir(&dir)
            .env("GIT_AUTHOR_NAME", "t")
            .env("GIT_AUTHOR_EMAIL", "t@example.invalid")
            .env("GIT_COMMITTER_NAME", "t")
            .env("GIT_COMMITTER_EMAIL", "t@example.invalid")
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
    };
    git(&["init", "-q"]);
    git(&["add", "."]);
    git(&["commit", "-q", "-m", "office"]);
    rename_the_department(&dir.join("assessments"));
    let output = hyoka(&dir, &["texts", "changes", "HEAD", "--format", "json"]);
    assert!(output.status.success(), "{output:?}");
    let v: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(v["entries"][0]["name"], "見本町の開示請求先");
    assert_eq!(v["entries"][0]["change"], "changed");
    let documents: Vec<(String, String)> = v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["table"].as_str().unwrap().to_string(),
                d["rows"][0]["項目"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        documents,
        [
            (
                "assessments/mihon-jidou-teate/changes.yaml".to_string(),
                "Ⅰ．７．請求先".to_string()
            ),
            (
                "assessments/mihon-yobou-sesshu/changes.yaml".to_string(),
                "Ⅳ．１．①請求先".to_string()
            ),
            (
                "assessments/mihon-yobou-sesshu/kiso-changes.yaml".to_string(),
                "Ⅰ．７．請求先".to_string()
            ),
        ]
    );
    // A version read from git reads the common texts of its revision too.
    let diff = hyoka(
        &dir,
        &[
            "diff",
            "HEAD:assessments/mihon-jidou-teate",
            "assessments/mihon-jidou-teate",
            "--format",
            "json",
        ],
    );
    let rows: serde_json::Value = serde_json::from_slice(&diff.stdout).unwrap();
    assert_eq!(rows["rows"].as_array().unwrap().len(), 1, "{rows}");
    assert_eq!(rows["rows"][0]["項目"], "Ⅰ．７．請求先");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_interrupted_record_leaves_every_change_table_as_it_was() {
    let dir = office_of_three("fault");
    let office = dir.join("assessments");
    assert!(
        hyoka(&dir, &["texts", "save", "--name", "before"])
            .status
            .success()
    );
    rename_the_department(&office);
    let before = tables(&office);
    for fault in ["before-rename", "after-first-rename"] {
        let output = Command::new(env!("CARGO_BIN_EXE_hyoka"))
            .args(["texts", "changes", "before", "--record"])
            .current_dir(&dir)
            .env("HYOKA_FAULT", fault)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{fault}: {output:?}");
        assert_eq!(tables(&office), before, "{fault}");
        for folder in ["mihon-jidou-teate", "mihon-yobou-sesshu"] {
            let left: Vec<String> = std::fs::read_dir(office.join(folder))
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
                .filter(|n| n.contains(".tmp-"))
                .collect();
            assert!(left.is_empty(), "{fault}: {left:?}");
        }
    }
    // Without the fault, the same command records.
    assert!(
        hyoka(&dir, &["texts", "changes", "before", "--record"])
            .status
            .success()
    );
    assert_ne!(tables(&office), before);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A small 基礎項目評価書 with the given texts (the scan reads documents that load; whether they
/// are complete is validate's business).
fn small_document(summary: &str, request: &str, contact: &str) -> String {
    let block = |text: &str| {
        text.lines()
            .map(|l| format!("      {l}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    format!(
        "様式: 令和6年10月 様式2\n関連情報:\n  事務:\n    事務の名称: 事務\n    事務の概要: |-\n{}\n  開示請求:\n    請求先: |-\n{}\n  問合せ:\n    連絡先: |-\n{}\n",
        block(summary),
        block(request),
        block(contact)
    )
}

#[test]
fn the_scan_finds_a_text_planted_in_three_documents_and_nothing_in_unrelated_ones() {
    let dir = temp("scan");
    let office = dir.join("assessments");
    let planted = "この記載は三つの評価書に同じ文言で書かれており、共通テキストの候補として見つかるはずです。\n二行目も同じです。";
    let near = "この記載は三つの評価書に同じ文言で書かれており、共通テキストの候補として見つかるはずです。\n二行目も　同じです。";
    let documents = [
        (
            "a",
            small_document(
                planted,
                "Ａ町の請求先は総務課で、電話番号は0000-00-0001です。",
                "Ａ町の問合せ先は福祉課で、電話番号は0000-00-0002です。",
            ),
        ),
        (
            "b",
            small_document(
                "Ｂ町の事務の概要は、この町だけのもので、ほかには書かれていません。",
                planted,
                "Ｂ町の問合せ先は健康課で、電話番号は0000-00-0003です。",
            ),
        ),
        (
            "c",
            small_document(
                "Ｃ町の事務の概要は、この町だけのもので、ほかには書かれていません。",
                "Ｃ町の請求先は総務課で、電話番号は0000-00-0004です。",
                planted,
            ),
        ),
        (
            "unrelated",
            small_document(
                "Ｄ町の事務の概要は、この町だけのもので、ほかには書かれていません。",
                "Ｄ町の請求先は総務課で、電話番号は0000-00-0005です。",
                "Ｄ町の問合せ先は福祉課で、電話番号は0000-00-0006です。",
            ),
        ),
        (
            "near",
            small_document(
                near,
                "Ｅ町の請求先は総務課で、電話番号は0000-00-0007です。",
                "Ｅ町の問合せ先は福祉課で、電話番号は0000-00-0008です。",
            ),
        ),
    ];
    for (name, text) in &documents {
        std::fs::create_dir_all(office.join(name)).unwrap();
        std::fs::write(office.join(name).join("assessment.yaml"), text).unwrap();
    }
    let output = hyoka(&dir, &["texts", "scan"]);
    assert!(output.status.success(), "{output:?}");
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("同じ記載: 1 件"), "{text}");
    let proposal = &text[text.find("\n1. ").unwrap()..text.find("空白・改行だけが違う").unwrap()];
    for name in ["a", "b", "c"] {
        assert!(
            proposal.contains(&format!("assessments/{name}/assessment.yaml:")),
            "{name}: {proposal}"
        );
    }
    assert!(
        proposal.contains("（新しい共通テキスト、3 件の評価書）"),
        "{proposal}"
    );
    assert!(!text.contains("assessments/unrelated/"), "{text}");
    // The copy with one more full-width space is listed apart: alike, but not the same.
    let near_part = &text[text.find("空白・改行だけが違う").unwrap()..];
    assert!(
        near_part.contains("assessments/near/assessment.yaml:6:7"),
        "{near_part}"
    );
    // Converted, the three use one new entry and the others are as they were.
    let converted = hyoka(
        &dir,
        &[
            "texts",
            "scan",
            "--convert",
            "--name",
            "1=三つの評価書の記載",
        ],
    );
    assert!(converted.status.success(), "{converted:?}");
    let library = read(&office.join("common-texts/scanned.yaml"));
    assert!(library.contains("三つの評価書の記載: |-"), "{library}");
    for (name, original) in &documents {
        let now = read(&office.join(name).join("assessment.yaml"));
        let uses = now.matches("{共通テキスト: 三つの評価書の記載}").count();
        assert_eq!(
            uses,
            usize::from(["a", "b", "c"].contains(name)),
            "{name}: {now}"
        );
        if uses == 0 {
            assert_eq!(&now, original, "{name}");
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

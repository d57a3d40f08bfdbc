//! `hyoka init` end to end: the skeleton holds every item of the form under its label, with
//! choices verbatim, validates to missing values only, matches the schema, is deterministic;
//! `--from`, the schema line, refusals and `--lang en`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use hyoka::form::label::{Step, full_label};
use hyoka::form::{self, Kind};
use hyoka::load::{self, Limits, Record, Value};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn example() -> PathBuf {
    root().join("assessments/takaoka-vaccination")
}

/// A fresh, empty working folder (the "current folder" of the runs below).
fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hyoka-init-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs hyoka in `cwd`.
fn hyoka(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hyoka"))
        .current_dir(cwd)
        .args(args)
        .output()
        .unwrap()
}

fn text(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).to_string() + &String::from_utf8_lossy(&output.stderr)
}

/// `hyoka init NAME` in a fresh folder; returns the new assessment folder.
fn init(dir: &str, extra: &[&str]) -> PathBuf {
    let cwd = temp(dir);
    let mut args = vec!["init", "new"];
    args.extend_from_slice(extra);
    let output = hyoka(&cwd, &args);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    cwd.join("assessments/new")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

/// The codes of `hyoka validate --message-format json`, per file name, and the exit code.
fn validate(cwd: &Path, path: &Path) -> (Vec<(String, String)>, Option<i32>) {
    let output = hyoka(
        cwd,
        &[
            "validate",
            "--message-format",
            "json",
            path.to_str().unwrap(),
        ],
    );
    let codes = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .map(|v| {
            let file = v["file"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_string();
            (file, v["code"].as_str().unwrap().to_string())
        })
        .collect();
    (codes, output.status.code())
}

#[test]
fn a_fresh_skeleton_reports_missing_values_and_nothing_else() {
    // The pair (重点項目評価書 with its 基礎項目評価書) and a 基礎項目評価書 alone.
    for (dir, extra, documents) in [
        ("fresh", &[][..], &["assessment.yaml", "kiso.yaml"][..]),
        (
            "fresh-basic",
            &["--form", "基礎"][..],
            &["assessment.yaml"][..],
        ),
    ] {
        let folder = init(dir, extra);
        let (codes, status) = validate(folder.parent().unwrap(), &folder);
        assert_eq!(status, Some(1));
        for document in documents {
            assert!(codes.iter().any(|(f, _)| f == document), "{document}");
        }
        for (file, code) in &codes {
            assert!(
                documents.contains(&file.as_str()),
                "the change tables should be clean: {file} {code}"
            );
            assert!(
                ["E0203", "E0204", "E0301"].contains(&code.as_str()),
                "{code} in a fresh skeleton ({file})"
            );
        }
    }
}

/// The lines of the skeleton, and for each item of the form (walked in order) the index of
/// its label comment and of its key line.
struct Located {
    lines: Vec<String>,
    /// (path of the item, label line, key line)
    items: Vec<(Vec<Step>, usize, usize)>,
}

fn locate(skeleton: &str) -> Located {
    locate_edition(skeleton, form::EDITIONS[0])
}

fn locate_edition(skeleton: &str, edition: &'static form::Edition) -> Located {
    let lines: Vec<String> = skeleton.lines().map(str::to_string).collect();
    let mut items = Vec::new();
    let mut at = 0;
    form::walk(edition, |path| {
        // The skeleton shows the first block of each group.
        let steps: Vec<Step> = path
            .iter()
            .enumerate()
            .map(|(i, &item)| Step {
                item,
                index: (i + 1 < path.len() && matches!(item.kind, Kind::Group(_))).then_some(1),
            })
            .collect();
        let label = full_label(&steps);
        let found = lines[at..].iter().position(|l| {
            let t = l.trim_start();
            t.strip_prefix("# ")
                .and_then(|rest| rest.strip_prefix(label.as_str()))
                .is_some_and(|after| after.is_empty() || after.starts_with([' ', '（']))
        });
        let label_line = at + found.unwrap_or_else(|| panic!("no label comment `# {label}`"));
        let key = path.last().unwrap().key;
        let key_line = label_line
            + lines[label_line..]
                .iter()
                .position(|l| !l.trim_start().starts_with('#'))
                .unwrap();
        assert!(
            lines[key_line].trim_start().starts_with(&format!("{key}:")),
            "{label}: expected the key {key} under its comments, found {:?}",
            lines[key_line]
        );
        if form::is_important(&steps) {
            assert!(lines[label_line].contains(" ※"), "{label} lacks ※");
        } else {
            assert!(!lines[label_line].contains('※'), "{label} has a ※");
        }
        items.push((steps, label_line, key_line));
        at = key_line;
    });
    Located { lines, items }
}

#[test]
fn every_item_of_the_form_appears_in_order_under_its_label_and_mark() {
    let folder = init("labels", &[]);
    let located = locate(&read(&folder.join("assessment.yaml")));
    let mut count = 0;
    form::walk(form::EDITIONS[0], |_| count += 1);
    assert_eq!(located.items.len(), count);
    assert!(
        located
            .lines
            .contains(&"    # Ⅱ．３．①入手元 ※".to_string())
    );
}

/// The 基礎項目評価書 alone: every item of 様式２ in order, reconstructed labels marked.
#[test]
fn a_basic_skeleton_holds_every_item_of_form_2() {
    let folder = init("labels-basic", &["--form", "基礎"]);
    let edition = form::newest(form::Form::Basic).unwrap();
    let text = read(&folder.join("assessment.yaml"));
    let located = locate_edition(&text, edition);
    let mut count = 0;
    form::walk(edition, |_| count += 1);
    assert_eq!(located.items.len(), count);
    assert!(text.contains("様式: 令和6年10月 様式2"));
    assert!(
        located
            .lines
            .contains(&"  # Ⅱ．２．取扱者数 ［推定］".to_string()),
        "reconstructed labels are marked"
    );
    assert!(!folder.join("kiso.yaml").exists());
}

/// kiso.yaml names each fact it takes from assessment.yaml instead of asking for it again, and
/// holds every item of its own.
#[test]
fn the_companion_skeleton_leaves_the_shared_facts_to_assessment_yaml() {
    let folder = init("companion", &[]);
    let text = read(&folder.join("kiso.yaml"));
    assert!(text.starts_with("# yaml-language-server: $schema=kiso.schema.json\n"));
    assert!(text.contains(
        "# Ⅰ．２．特定個人情報ファイル名: assessment.yaml の Ⅰ．３．特定個人情報ファイル名 から"
    ));
    assert!(text.contains("評価書の種類: 基礎項目評価書及び重点項目評価書"));
    let paths = document_paths(&folder.join("kiso.yaml"));
    for own in [
        "表紙.評価書名",
        "しきい値判断項目.対象人数",
        "しきい値判断項目.取扱者数の計数時点",
        "しきい値判断結果.結果",
        "関連情報.規則第９条第２項の適用.適用した",
    ] {
        assert!(paths.contains(own), "{own}");
    }
    assert!(!paths.iter().any(|p| p.starts_with("関連情報.事務")));
    assert!(!paths.contains("表紙.評価書番号"));
}

#[test]
fn choices_and_checkbox_options_appear_verbatim() {
    let folder = init("choices", &[]);
    let located = locate(&read(&folder.join("assessment.yaml")));
    let (mut lists, mut sets) = (0, 0);
    for (steps, label_line, key_line) in &located.items {
        let comments = &located.lines[*label_line..*key_line];
        match steps.last().unwrap().item.kind {
            Kind::Choice(list) => {
                for i in 0..list.options.len() {
                    let want = list.numbered(i);
                    assert!(
                        comments
                            .iter()
                            .any(|l| l.trim_start() == format!("#   {want}")),
                        "{} lacks {want}",
                        full_label(steps)
                    );
                }
                lists += 1;
            }
            Kind::Checks(options) => {
                let body = &located.lines[key_line + 1..];
                let mut rest = body.iter().filter(|l| !l.trim_start().starts_with('#'));
                for option in options {
                    let line = rest.next().unwrap().trim_start().to_string();
                    assert!(
                        line.starts_with(&format!("{}: false", option.label)),
                        "{}: {line}",
                        full_label(steps)
                    );
                }
                sets += 1;
            }
            _ => {}
        }
    }
    assert_eq!(
        (lists, sets),
        (27, 9),
        "choice lists and checkbox sets of 様式３"
    );
}

#[test]
fn the_skeleton_is_deterministic() {
    let a = init("same-a", &[]);
    let b = init("same-b", &[]);
    for file in [
        "assessment.yaml",
        "changes.yaml",
        "assessment.schema.json",
        "kiso.yaml",
        "kiso-changes.yaml",
        "kiso.schema.json",
    ] {
        assert_eq!(read(&a.join(file)), read(&b.join(file)), "{file}");
    }
}

/// Key paths written in a document, blocks merged (`ファイルの概要.委託.委託事項.委託内容`).
fn key_paths(record: &Record, prefix: &str, out: &mut BTreeSet<String>) {
    for entry in &record.entries {
        let path = format!("{prefix}{}", entry.item.key);
        match &entry.value {
            Value::Section(inner) => key_paths(inner, &format!("{path}."), out),
            Value::Group(blocks) => {
                for block in blocks {
                    key_paths(&block.record, &format!("{path}."), out);
                }
            }
            _ => {}
        }
        out.insert(path);
    }
}

fn document_paths(file: &Path) -> BTreeSet<String> {
    let bytes = std::fs::read(file).unwrap();
    let role = if file.ends_with("kiso.yaml") {
        load::Role::Companion
    } else {
        load::Role::Main
    };
    let (report, document) =
        load::read_document(file.to_path_buf(), &bytes, &Limits::default(), role);
    let document = document.unwrap_or_else(|| panic!("{:?}", report.diagnostics));
    let mut paths = BTreeSet::new();
    key_paths(&document.root, "", &mut paths);
    paths
}

#[test]
fn the_example_is_the_skeleton_filled_in() {
    let folder = init("shape", &[]);
    let skeleton = document_paths(&folder.join("assessment.yaml"));
    let example = document_paths(&example().join("assessment.yaml"));
    let missing: Vec<&String> = example.difference(&skeleton).collect();
    assert!(
        missing.is_empty(),
        "written in the example, absent from the skeleton: {missing:?}"
    );
    // And the skeleton leaves nothing out: every item of the form is a key.
    let mut count = 0;
    form::walk(form::EDITIONS[0], |_| count += 1);
    assert_eq!(skeleton.len(), count);
    // The same of the 基礎項目評価書s: the example's kiso.yaml and the 基礎-only example.
    let companion = document_paths(&folder.join("kiso.yaml"));
    let written = document_paths(&root().join("assessments/takaoka-vaccination/kiso.yaml"));
    let missing: Vec<&String> = written.difference(&companion).collect();
    assert!(missing.is_empty(), "kiso.yaml: {missing:?}");
    let basic = init("shape-basic", &["--form", "基礎"]);
    let skeleton = document_paths(&basic.join("assessment.yaml"));
    let written = document_paths(&root().join("assessments/mihon-jidou-teate/assessment.yaml"));
    let missing: Vec<&String> = written.difference(&skeleton).collect();
    assert!(missing.is_empty(), "the 基礎-only example: {missing:?}");
}

#[test]
fn the_skeleton_points_at_the_project_schema_and_satisfies_it() {
    let cwd = temp("schema");
    std::fs::create_dir_all(cwd.join("schema")).unwrap();
    std::fs::copy(
        root().join("schema/assessment.schema.json"),
        cwd.join("schema/assessment.schema.json"),
    )
    .unwrap();
    std::fs::copy(
        root().join("schema/kiso.schema.json"),
        cwd.join("schema/kiso.schema.json"),
    )
    .unwrap();
    let output = hyoka(&cwd, &["init", "x"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    let folder = cwd.join("assessments/x");
    // kiso.yaml, the 基礎項目評価書 beside it, names the project's schema of its own.
    let companion = read(&folder.join("kiso.yaml"));
    assert_eq!(
        companion.lines().next(),
        Some("# yaml-language-server: $schema=../../schema/kiso.schema.json")
    );
    assert!(!folder.join("kiso.schema.json").exists());
    let kiso: serde_json::Value =
        serde_json::from_str(&read(&cwd.join("schema/kiso.schema.json"))).unwrap();
    let parsed = load::yaml::parse(&companion, &Limits::default());
    let instance = load::yaml::to_json(&parsed.root.unwrap());
    let validator = jsonschema::draft202012::new(&kiso).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "kiso.yaml: {errors:#?}");
    let skeleton = read(&folder.join("assessment.yaml"));
    assert_eq!(
        skeleton.lines().next(),
        Some("# yaml-language-server: $schema=../../schema/assessment.schema.json")
    );
    assert!(!folder.join("assessment.schema.json").exists());
    // What the editor sees: the skeleton is valid against the schema, so no squiggles.
    let schema: serde_json::Value =
        serde_json::from_str(&read(&cwd.join("schema/assessment.schema.json"))).unwrap();
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    let parsed = load::yaml::parse(&skeleton, &Limits::default());
    let instance = load::yaml::to_json(&parsed.root.unwrap());
    let errors: Vec<String> = validator
        .iter_errors(&instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn outside_a_project_the_schema_is_written_beside_the_document() {
    let folder = init("beside", &[]);
    assert_eq!(
        read(&folder.join("assessment.yaml")).lines().next(),
        Some("# yaml-language-server: $schema=assessment.schema.json")
    );
    let schema = hyoka(&folder, &["schema"]);
    assert_eq!(
        read(&folder.join("assessment.schema.json")).as_bytes(),
        schema.stdout
    );
}

#[test]
fn from_copies_the_document_only_and_validates_like_the_original() {
    let cwd = temp("from");
    let output = hyoka(
        &cwd,
        &["init", "copy", "--from", example().to_str().unwrap()],
    );
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    assert!(text(&output).contains("versions/ と changes.yaml の履歴は引き継いでいません"));
    let folder = cwd.join("assessments/copy");
    // The document is the example's, byte for byte after the re-pointed schema line.
    let original = read(&example().join("assessment.yaml"));
    let copy = read(&folder.join("assessment.yaml"));
    let body = |t: &str| t.split_once('\n').unwrap().1.to_string();
    assert_eq!(body(&copy), body(&original));
    assert!(!folder.join("versions").exists());
    let changes = std::fs::read(folder.join("changes.yaml")).unwrap();
    let (report, _, rows) =
        load::changes::from_bytes("changes.yaml".into(), &changes, &Limits::default());
    assert!(rows.is_empty() && report.diagnostics.is_empty());
    let (codes, status) = validate(&cwd, &folder);
    let (want, want_status) = validate(root(), &example().join("assessment.yaml"));
    let document_codes = |c: &[(String, String)]| {
        c.iter()
            .filter(|(f, _)| f == "assessment.yaml")
            .map(|(_, code)| code.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(document_codes(&codes), document_codes(&want));
    assert_eq!((status, want_status), (Some(0), Some(0)));
}

#[test]
fn an_existing_folder_is_never_overwritten() {
    let cwd = temp("exists");
    std::fs::create_dir_all(cwd.join("assessments/taken")).unwrap();
    std::fs::write(cwd.join("assessments/taken/assessment.yaml"), "mine").unwrap();
    let output = hyoka(&cwd, &["init", "taken"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output).contains("既にあります"), "{}", text(&output));
    assert_eq!(read(&cwd.join("assessments/taken/assessment.yaml")), "mine");
    let names: Vec<_> = std::fs::read_dir(cwd.join("assessments/taken"))
        .unwrap()
        .collect();
    assert_eq!(names.len(), 1);
}

#[test]
fn names_that_are_not_plain_folder_names_are_refused() {
    let cwd = temp("names");
    for name in ["", "a/b", "../up", ".hidden", "..", "a\\b"] {
        let output = hyoka(&cwd, &["init", name]);
        assert_eq!(output.status.code(), Some(2), "{name:?}: {}", text(&output));
    }
    assert!(
        !cwd.join("assessments").exists()
            || std::fs::read_dir(cwd.join("assessments"))
                .unwrap()
                .next()
                .is_none()
    );
    assert!(!cwd.join("up").exists());
}

#[test]
fn a_missing_source_leaves_no_folder_behind() {
    let cwd = temp("no-source");
    let output = hyoka(&cwd, &["init", "x", "--from", "nowhere"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(!cwd.join("assessments/x").exists());
}

#[test]
fn root_places_the_folder_and_the_output_names_the_next_steps() {
    let cwd = temp("root");
    let output = hyoka(&cwd, &["init", "draft", "--root", "work"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(cwd.join("work/draft/assessment.yaml").is_file());
    assert!(cwd.join("work/draft/changes.yaml").is_file());
    let out = text(&output);
    assert!(out.contains("次の手順"), "{out}");
    assert!(out.contains("hyoka validate work/draft"), "{out}");
}

#[test]
fn english_output_and_comments_with_lang_en() {
    let cwd = temp("en");
    let output = hyoka(&cwd, &["--lang", "en", "init", "x"]);
    assert_eq!(output.status.code(), Some(0));
    let out = text(&output);
    assert!(
        out.contains("next steps") && out.contains("hyoka validate assessments/x"),
        "{out}"
    );
    let skeleton = read(&cwd.join("assessments/x/assessment.yaml"));
    assert!(
        skeleton.contains("    # required; one line of text\n    事務の名称:\n"),
        "{skeleton}"
    );
    assert!(skeleton.contains("#   1) 1,000人未満"));
    assert!(read(&cwd.join("assessments/x/changes.yaml")).contains("The columns of a row"));
    // The English skeleton is the same document: it validates to the same diagnostics.
    let ja = init("en-ja", &[]);
    assert_eq!(
        validate(&cwd, &cwd.join("assessments/x")).0,
        validate(ja.parent().unwrap(), &ja).0
    );
    let refused = hyoka(&cwd, &["--lang", "en", "init", "x"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        text(&refused).contains("already exists"),
        "{}",
        text(&refused)
    );
}

#[test]
fn the_empty_change_table_takes_recorded_rows() {
    let cwd = temp("record");
    let from = example();
    let output = hyoka(&cwd, &["init", "x", "--from", from.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0));
    let folder = cwd.join("assessments/x");
    let document = folder.join("assessment.yaml");
    let old = cwd.join("old.yaml");
    std::fs::copy(&document, &old).unwrap();
    let edited = read(&document).replace(
        "所属長の役職名: 健康増進課長",
        "所属長の役職名: 健康増進課主幹",
    );
    std::fs::write(&document, edited).unwrap();
    let output = hyoka(
        &cwd,
        &[
            "diff",
            old.to_str().unwrap(),
            folder.to_str().unwrap(),
            "--record",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    let changes = read(&folder.join("changes.yaml"));
    assert!(changes.contains("健康増進課主幹"), "{changes}");
    assert!(changes.starts_with("# （別添２）変更箇所\n"), "{changes}");
    let (codes, status) = validate(&cwd, &folder);
    assert_eq!(status, Some(0), "{codes:?}");
}

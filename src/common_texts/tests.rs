use std::path::PathBuf;

use super::*;
use crate::diag::Diagnostic;
use crate::form::Kind;
use crate::load::document::{Role, read_with};
use crate::load::{Document, Value};

fn library(text: &str) -> Library {
    Library::from_files(
        "common-texts".into(),
        vec![(
            PathBuf::from("common-texts/a.yaml"),
            text.as_bytes().to_vec(),
        )],
        &Limits::default(),
    )
}

fn read(text: &str, texts: Option<&Library>) -> (Option<Document>, Vec<Diagnostic>) {
    let parsed = yaml::parse(text, &Limits::default());
    let mut diags = parsed.diagnostics;
    let document = read_with(&parsed.root.unwrap(), Role::Main, texts, &mut diags);
    (document, diags)
}

fn codes(diags: &[Diagnostic]) -> Vec<&'static str> {
    diags.iter().map(|d| d.code.id).collect()
}

const LIBRARY: &str = "\
請求先: |-
  〒000-0000　見本町役場１番地
  見本町　総務課
中間サーバー:
  システム:
    id: chukan
    システムの名称: 中間サーバー
    システムの機能: |-
      ①符号管理機能
    他のシステムとの接続: {情報提供ネットワークシステム: true}
";

const INLINE: &str = "\
様式: 令和6年10月 様式3
基本情報:
  システム:
    - id: kenko
      システムの名称: 健康管理システム
    - id: chukan
      システムの名称: 中間サーバー
      システムの機能: |-
        ①符号管理機能
      他のシステムとの接続: {情報提供ネットワークシステム: true}
開示請求・問合せ:
  開示請求:
    請求先: |-
      〒000-0000　見本町役場１番地
      見本町　総務課
";

const USING: &str = "\
様式: 令和6年10月 様式3
基本情報:
  システム:
    - id: kenko
      システムの名称: 健康管理システム
    - 共通テキスト: 中間サーバー
開示請求・問合せ:
  開示請求:
    請求先: {共通テキスト: 請求先}
";

#[test]
fn the_key_is_no_item_option_or_block_key_of_the_form() {
    for edition in form::EDITIONS {
        form::walk(edition, |path| {
            let item = path[path.len() - 1];
            assert_ne!(item.key, KEY);
            if let Kind::Checks(options) = item.kind {
                assert!(options.iter().all(|o| o.label != KEY));
            }
        });
    }
    assert_eq!(group_names(), ["システム", "委託事項", "提供先", "移転先"]);
}

#[test]
fn a_reference_reads_as_the_text_written_in_place() {
    let texts = library(LIBRARY);
    assert!(texts.files[0].diagnostics.is_empty());
    let (inline, inline_diags) = read(INLINE, None);
    let (using, using_diags) = read(USING, Some(&texts));
    assert_eq!(codes(&inline_diags), codes(&using_diags));
    let (inline, using) = (inline.unwrap(), using.unwrap());
    assert_eq!(inline.root, using.root);
    let blocks = using.root.blocks("基本情報.システム");
    assert_eq!(blocks[1].id.as_deref(), Some("chukan"));
    // Everything read from the library stands at the use.
    let block = &blocks[1].record;
    assert_eq!(block.span.start.line, 6);
    assert!(block.entries.iter().all(|e| e.span.start.line == 6));
    let names: Vec<&str> = using.common_texts.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(names, ["中間サーバー", "請求先"]);
    assert_eq!(using.common_texts[1].span.start.line, 9);
    assert_eq!(using.common_texts[1].entry.span.start.line, 1);
}

#[test]
fn a_block_s_own_id_wins_over_the_entry_s() {
    let texts = library(LIBRARY);
    let text = USING.replace(
        "    - 共通テキスト: 中間サーバー\n",
        "    - id: mine\n      共通テキスト: 中間サーバー\n",
    );
    let (document, diags) = read(&text, Some(&texts));
    assert!(diags.is_empty(), "{diags:?}");
    let document = document.unwrap();
    assert_eq!(
        document.root.blocks("基本情報.システム")[1].id.as_deref(),
        Some("mine")
    );
}

#[test]
fn a_problem_inside_an_entry_is_reported_at_the_use_and_at_the_entry_s_line() {
    let texts = library(&LIBRARY.replace("情報提供ネットワークシステム: true", "不明: true"));
    let (_, diags) = read(USING, Some(&texts));
    assert_eq!(codes(&diags), ["E0206"]);
    let d = &diags[0];
    assert_eq!(d.span.unwrap().start.line, 6);
    let place = d.elsewhere.as_ref().unwrap();
    assert_eq!(place.file, PathBuf::from("common-texts/a.yaml"));
    assert_eq!((place.span.start.line, place.span.start.col), (10, 18));
    assert!(place.line.contains("不明: true"), "{place:?}");
}

#[test]
fn names_that_are_not_there_kinds_that_do_not_fit_and_no_library() {
    let texts = library(LIBRARY);
    let (document, diags) = read(
        &USING
            .replace("請求先}", "請求さき}")
            .replace("- 共通テキスト: 中間サーバー", "- 共通テキスト: 請求先"),
        Some(&texts),
    );
    assert_eq!(codes(&diags), ["E0802", "E0801"]);
    assert!(
        diags[1]
            .help(crate::diag::Lang::Ja)
            .contains("「請求先」のことですか？")
    );
    assert_eq!(
        diags[0].elsewhere.as_ref().unwrap().span.start.line,
        1,
        "the entry"
    );
    // The unusable block is not also missing its items.
    let mut more = Vec::new();
    crate::validate::check_document(&document.unwrap(), &mut more);
    assert!(
        more.iter().all(|d| d.span.unwrap().start.line != 6),
        "{more:?}"
    );
    let (_, diags) = read(USING, None);
    assert_eq!(codes(&diags), ["E0803", "E0803"]);
    let (_, diags) = read(
        &USING.replace("{共通テキスト: 請求先}", "{共通テキスト: 請求先, 追記: x}"),
        Some(&texts),
    );
    assert_eq!(codes(&diags), ["E0804"]);
}

#[test]
fn the_library_names_what_it_cannot_read() {
    let texts = Library::from_files(
        "common-texts".into(),
        vec![
            (
                "common-texts/a.yaml".into(),
                b"a: x\nb:\nc: {\xe3\x82\xb7\xe3\x82\xb9\xe3\x83\x86\xe3\x83\xa0: x}\nd:\n  \xe8\xa1\x8c: {}\n".to_vec(),
            ),
            ("common-texts/b.yaml".into(), b"a: y\n".to_vec()),
            ("common-texts/c.yaml".into(), b"- a\n".to_vec()),
        ],
        &Limits::default(),
    );
    let found: Vec<Vec<&str>> = texts.files.iter().map(|f| codes(&f.diagnostics)).collect();
    assert_eq!(
        found,
        [
            vec!["E0805", "E0805", "E0805"],
            vec!["E0806"],
            vec!["E0807"]
        ]
    );
    assert_eq!(texts.get("a").and_then(|e| e.body.text()), Some("x"));
    let duplicate = &texts.files[1].diagnostics[0];
    assert_eq!(
        duplicate.elsewhere.as_ref().unwrap().location(),
        "common-texts/a.yaml:1:1"
    );
}

#[test]
fn a_text_entry_reads_as_whatever_the_item_takes() {
    let texts = library("件数: \"2\"\n十分: 十分である\n");
    let text = "様式: 令和6年10月 様式3\nファイルの概要:\n  委託:\n    件数: {共通テキスト: 件数}\nリスク対策:\n  入手:\n    目的外の入手:\n      十分か: {共通テキスト: 十分}\n";
    let (document, diags) = read(text, Some(&texts));
    assert!(diags.is_empty(), "{diags:?}");
    let document = document.unwrap();
    assert_eq!(
        document.root.at("ファイルの概要.委託.件数").unwrap().value,
        Value::Count(2)
    );
    assert_eq!(
        document.root.choice("リスク対策.入手.目的外の入手.十分か"),
        Some("十分である")
    );
}

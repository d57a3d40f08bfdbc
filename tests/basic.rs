//! The 基礎項目評価書 (様式２) end to end: the example's 基礎項目評価書 beside its 重点項目評価書 and
//! the 基礎-only example render every value in form order (HTML and PDF), the PDF meets the same
//! standards as the 重点項目評価書's, the two documents' agreement rules name both files, and a
//! change to a fact the two share gives a row in each change table.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use hyoka::form::Kind;
use hyoka::load::{Document, Record, Value};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn hyoka(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hyoka"))
        .args(args)
        .output()
        .unwrap()
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hyoka-basic-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const PAIR: &str = "assessments/takaoka-vaccination";
const ALONE: &str = "assessments/mihon-jidou-teate";

/// Both examples rendered once: the output folder and each one's 基礎項目評価書 (as loaded).
fn rendered() -> &'static (PathBuf, Vec<(&'static str, Document)>) {
    static OUT: OnceLock<(PathBuf, Vec<(&'static str, Document)>)> = OnceLock::new();
    OUT.get_or_init(|| {
        let out = temp("examples");
        let mut documents = Vec::new();
        for (source, stem) in [
            (PAIR, "takaoka-vaccination.kiso"),
            (ALONE, "mihon-jidou-teate.kiso"),
        ] {
            let path = root().join(source);
            let output = Command::new(env!("CARGO_BIN_EXE_hyoka"))
                .arg("render")
                .arg(&path)
                .arg("--out")
                .arg(&out)
                .output()
                .unwrap();
            assert!(output.status.success(), "{source}: {output:?}");
            let assessment = hyoka::check(&path).unwrap();
            let basic = match assessment.basic {
                Some(basic) => basic.document.unwrap(),
                None => assessment.document.unwrap(),
            };
            assert_eq!(basic.edition.form, hyoka::form::Form::Basic);
            documents.push((stem, basic));
        }
        (out, documents)
    })
}

/// Every value of a document in form order, as printed: texts line by line, chosen options,
/// dates in 和暦, ticked boxes with their texts.
fn values(document: &Document) -> Vec<String> {
    fn walk(items: &'static [hyoka::form::Item], record: &Record, out: &mut Vec<String>) {
        for item in items {
            let Some(entry) = record.get(item.key) else {
                continue;
            };
            match (&entry.value, item.kind) {
                (Value::Section(inner), Kind::Section(children)) => walk(children, inner, out),
                (Value::Group(blocks), Kind::Group(group)) => {
                    for block in blocks {
                        walk(group.items, &block.record, out);
                    }
                }
                (Value::Text(text), _) => out.extend(
                    text.lines()
                        .filter(|l| !l.trim().is_empty())
                        .map(String::from),
                ),
                (Value::Choice(i), Kind::Choice(list)) => out.push(list.options[*i].to_string()),
                (Value::Date(date), _) => out.push(date.wareki()),
                (Value::Checks(ticks), Kind::Checks(options)) => {
                    for tick in ticks {
                        out.push(options[tick.option].label.to_string());
                        out.extend(tick.text.clone());
                    }
                }
                (Value::Flag(true), _) => out.push(item.label.to_string()),
                (Value::Count(n), _) => out.push(n.to_string()),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(document.edition.items, &document.root, &mut out);
    out
}

/// Text without white space, so that line breaks and the spaces a PDF reader adds between
/// Japanese and digits do not matter.
fn squeeze(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .collect()
}

/// The text of an HTML page: tags dropped, entities read.
fn html_text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#x2F;", "/")
        .replace("&amp;", "&")
}

/// Each value is found after the one before it.
fn assert_in_order(what: &str, text: &str, values: &[String]) {
    let text = squeeze(text);
    let mut at = 0;
    for value in values {
        let value = squeeze(value);
        match text[at..].find(&value) {
            Some(found) => at += found + value.len(),
            None => panic!(
                "{what}: {value:?} is missing or out of order (searched from byte {at} of {})",
                text.len()
            ),
        }
    }
}

#[test]
fn every_value_of_both_examples_is_printed_in_form_order() {
    let (out, documents) = rendered();
    for (stem, document) in documents {
        let values = values(document);
        assert!(values.len() > 20, "{stem}: {} values", values.len());
        let html = std::fs::read_to_string(out.join(format!("{stem}.html"))).unwrap();
        assert_in_order(&format!("{stem}.html"), &html_text(&html), &values);
        let pdf = Command::new("pdftotext")
            .arg("-raw")
            .arg(out.join(format!("{stem}.pdf")))
            .arg("-")
            .output()
            .expect("pdftotext (poppler-utils; bash tests/setup.sh installs it)");
        assert_in_order(
            &format!("{stem}.pdf"),
            &String::from_utf8(pdf.stdout).unwrap(),
            &values,
        );
    }
}

#[test]
fn the_pdf_is_archival_accessible_deterministic_and_embeds_font_subsets() {
    let (out, _) = rendered();
    let pdf = out.join("takaoka-vaccination.kiso.pdf");
    let info =
        String::from_utf8(Command::new("pdfinfo").arg(&pdf).output().unwrap().stdout).unwrap();
    assert!(
        info.contains("Title:           予防接種に関する事務　基礎項目評価書"),
        "{info}"
    );
    assert!(info.contains("Tagged:          yes"), "{info}");
    let fonts =
        String::from_utf8(Command::new("pdffonts").arg(&pdf).output().unwrap().stdout).unwrap();
    for row in fonts.lines().skip(2) {
        assert!(
            row.split_whitespace().next().unwrap().contains('+'),
            "not a subset: {row}"
        );
        assert!(row.contains(" yes yes yes "), "{row}");
    }
    let bytes = std::fs::read(&pdf).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("<pdfaid:part>2</pdfaid:part>"));
    assert!(text.contains("<pdfaid:conformance>A</pdfaid:conformance>"));
    assert!(text.contains("<pdfuaid:part>1</pdfuaid:part>"));
    assert!(text.contains("/Lang(ja-JP)"));
    // Rendered again, under another clock and time zone: the same bytes.
    let again = temp("again");
    let output = Command::new("faketime")
        .arg("2031-07-15 12:34:56")
        .arg(env!("CARGO_BIN_EXE_hyoka"))
        .args(["render", "--format", "pdf", "--out"])
        .arg(&again)
        .arg(root().join(PAIR))
        .env("TZ", "America/Los_Angeles")
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(std::fs::read(again.join("takaoka-vaccination.kiso.pdf")).unwrap() == bytes);
}

/// Each rule of agreement between the two documents, broken in a fixture of
/// tests/suite/validate, names a place in each file.
#[test]
fn agreement_rules_name_both_files() {
    let suite = root().join("tests/suite/validate");
    for (fixture, code) in [
        ("pair-people-disagree", "E0602"),
        ("pair-threshold-disagree", "E0603"),
        ("pair-counted-after-assessment", "E0605"),
    ] {
        let output = Command::new(env!("CARGO_BIN_EXE_hyoka"))
            .current_dir(&suite)
            .args(["validate", fixture])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1));
        let text = String::from_utf8(output.stderr).unwrap();
        let block = text
            .split("\n\n")
            .find(|b| b.contains(&format!("[{code}]")))
            .unwrap_or_else(|| panic!("{fixture}: no {code} in {text}"));
        let places: Vec<&str> = ["assessment.yaml:", "kiso.yaml:"]
            .into_iter()
            .filter(|file| {
                block.match_indices(file).any(|(i, _)| {
                    block[i + file.len()..]
                        .split(|c: char| !c.is_ascii_digit() && c != ':')
                        .next()
                        .is_some_and(|pos| pos.split(':').filter(|p| !p.is_empty()).count() == 2)
                })
            })
            .collect();
        assert_eq!(places.len(), 2, "{fixture}: {block}");
    }
}

/// A copy of the example folder in a temporary place.
fn copy_example(name: &str) -> PathBuf {
    let dir = temp(name).join("x");
    std::fs::create_dir_all(&dir).unwrap();
    for file in [
        "assessment.yaml",
        "changes.yaml",
        "kiso.yaml",
        "kiso-changes.yaml",
    ] {
        std::fs::copy(root().join(PAIR).join(file), dir.join(file)).unwrap();
    }
    dir
}

fn json_rows(output: &Output) -> Vec<serde_json::Value> {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    value["rows"].as_array().unwrap().clone()
}

#[test]
fn a_change_of_the_people_gives_one_row_in_each_document() {
    let old = copy_example("people-old");
    let new = copy_example("people-new");
    let edit = |file: &str, from: &str, to: &str| {
        let path = new.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{file}: {from}");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    };
    // 対象人数 is stated by both documents (each in its own list) and must agree; the しきい値判断
    // still asks for a 重点項目評価 with 500 or more 取扱者数.
    edit(
        "assessment.yaml",
        "対象人数: 10万人以上30万人未満",
        "対象人数: 1万人以上10万人未満",
    );
    edit(
        "kiso.yaml",
        "対象人数: 10万人以上30万人未満",
        "対象人数: 1万人以上10万人未満",
    );
    edit("kiso.yaml", "取扱者数: 500人未満", "取扱者数: 500人以上");
    let validate = hyoka(&["validate", new.to_str().unwrap()]);
    assert_eq!(
        validate.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&validate.stderr)
    );
    let rows = json_rows(&hyoka(&[
        "diff",
        old.to_str().unwrap(),
        new.to_str().unwrap(),
        "--format",
        "json",
    ]));
    let people: Vec<(&str, &str)> = rows
        .iter()
        .filter(|r| r["変更後の記載"] == "1万人以上10万人未満")
        .map(|r| (r["評価書"].as_str().unwrap(), r["項目"].as_str().unwrap()))
        .collect();
    assert_eq!(
        people,
        [
            ("重点項目評価書", "Ⅰ．１．③対象人数"),
            ("基礎項目評価書", "Ⅱ．１．対象人数")
        ]
    );
}

#[test]
fn a_change_of_a_shared_fact_gives_a_row_in_each_change_table() {
    let old = copy_example("shared-old");
    let new = copy_example("shared-new");
    let path = new.join("assessment.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replacen(
            "部署: 福祉保健部　健康増進課",
            "部署: 福祉保健部　健康推進課",
            1,
        ),
    )
    .unwrap();
    let rows = json_rows(&hyoka(&[
        "diff",
        old.to_str().unwrap(),
        new.to_str().unwrap(),
        "--format",
        "json",
        "--record",
    ]));
    let labels: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r["評価書"].as_str().unwrap(), r["項目"].as_str().unwrap()))
        .collect();
    assert_eq!(
        labels,
        [
            ("重点項目評価書", "Ⅰ．６．①部署"),
            ("基礎項目評価書", "Ⅰ．５．①部署")
        ]
    );
    // Recorded into each document's own table.
    let key = std::fs::read_to_string(new.join("changes.yaml")).unwrap();
    let basic = std::fs::read_to_string(new.join("kiso-changes.yaml")).unwrap();
    assert!(key.contains("項目: Ⅰ．６．①部署"), "{key}");
    assert!(basic.contains("項目: Ⅰ．５．①部署"), "{basic}");
    assert!(!basic.contains("Ⅰ．６．"), "{basic}");
    // Both tables still load, and the folder still validates.
    let validate = hyoka(&["validate", new.to_str().unwrap()]);
    assert_eq!(
        validate.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&validate.stderr)
    );
}

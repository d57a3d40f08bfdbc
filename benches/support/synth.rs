//! Synthetic assessments for benchmarks: the bundled example grown to a given size.
//!
//! Shared by `benches/stages.rs` and `examples/synth.rs` (through `#[path]`). The example is
//! parsed with hyoka's own loader, turned into JSON, grown, and written back as JSON, which
//! is YAML too. The bench refuses a synthetic document with errors, and so does
//! `bench/compare.sh` (`hyoka build` exits 1), so no figure is ever measured on a document
//! hyoka would not render.

use std::path::Path;

use hyoka::load::{Limits, yaml};
use serde_json::{Map, Value, json};

/// The example's folder.
pub(crate) fn example_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assessments/takaoka-vaccination")
}

fn example_json(file: &str) -> Value {
    let path = example_dir().join(file);
    let text = std::fs::read_to_string(&path).expect("the bundled example is readable");
    let parsed = yaml::parse(&text, &Limits::default());
    yaml::to_json(parsed.root.as_ref().expect("the bundled example parses"))
}

/// `text` made `times` as long, each copy numbered so that no two lines are identical.
fn lengthen(text: &str, times: usize) -> String {
    (1..=times)
        .map(|i| {
            if i == 1 {
                text.to_string()
            } else {
                format!("（{i}）{text}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every string under `value` lengthened `times` (dates, choices and counts are left alone by
/// only touching the multi-line texts, which are the ones that hold prose).
fn lengthen_texts(value: &mut Value, times: usize) {
    match value {
        Value::String(s) if s.contains('\n') => *s = lengthen(s, times),
        Value::Array(items) => items.iter_mut().for_each(|v| lengthen_texts(v, times)),
        Value::Object(map) => map.values_mut().for_each(|v| lengthen_texts(v, times)),
        _ => {}
    }
}

/// `count` blocks made by cycling through `blocks`, each with a fresh `id`.
fn cycle_blocks(blocks: &[Value], count: usize, times: usize) -> Value {
    Value::Array(
        (0..count)
            .map(|i| {
                let mut block = blocks[i % blocks.len()].clone();
                if let Value::Object(map) = &mut block {
                    map.insert("id".into(), json!(format!("b{}", i + 1)));
                }
                lengthen_texts(&mut block, times);
                block
            })
            .collect(),
    )
}

/// The example's 提供先 block rewritten as a 移転先 block (the items differ in name only).
fn as_destination(recipient: &Value) -> Value {
    let mut out = Map::new();
    for (key, value) in recipient.as_object().expect("a block is a mapping") {
        let key = match key.as_str() {
            "提供先における用途" => "移転先における用途",
            "提供する情報" => "移転する情報",
            "提供方法" => "移転方法",
            other => other,
        };
        let value = if key == "移転方法" {
            json!({"庁内連携システム": true})
        } else {
            value.clone()
        };
        out.insert(key.into(), value);
    }
    Value::Object(out)
}

fn at<'a>(value: &'a mut Value, path: &[&str]) -> &'a mut Value {
    path.iter().fold(value, |v, key| &mut v[*key])
}

/// A synthetic assessment of size `blocks` (1–20): that many システム, 委託事項, 提供先 and
/// 移転先, 50 × `blocks` change rows, and every multi-line text `1 + blocks / 4` times as long.
/// Returns the texts of `assessment.yaml` and `changes.yaml`.
pub(crate) fn assessment(blocks: usize, variant: usize) -> (String, String) {
    let times = 1 + blocks / 4;
    let mut doc = example_json("assessment.yaml");
    doc["基本情報"]["事務"]["事務の名称"] = json!(format!("合成事務{variant}（規模{blocks}）"));
    let systems = at(&mut doc, &["基本情報", "システム"])
        .as_array()
        .cloned()
        .unwrap_or_default();
    *at(&mut doc, &["基本情報", "システム"]) = cycle_blocks(&systems, blocks, times);
    let entrust = at(&mut doc, &["ファイルの概要", "委託"]);
    let items = entrust["委託事項"].as_array().cloned().unwrap_or_default();
    entrust["件数"] = json!(blocks);
    entrust["委託事項"] = cycle_blocks(&items, blocks, times);
    let transfer = at(&mut doc, &["ファイルの概要", "提供・移転"]);
    let recipients = transfer["提供先"].as_array().cloned().unwrap_or_default();
    let destinations: Vec<Value> = recipients.iter().map(as_destination).collect();
    transfer["提供・移転の有無"] = json!({"提供を行っている": blocks, "移転を行っている": blocks});
    transfer["提供先"] = cycle_blocks(&recipients, blocks, times);
    transfer["移転先"] = cycle_blocks(&destinations, blocks, times);
    for section in ["リスク対策", "開示請求・問合せ"] {
        lengthen_texts(&mut doc[section], times);
    }

    let mut changes = example_json("changes.yaml");
    let rows = changes["変更箇所"].as_array().cloned().unwrap_or_default();
    changes["変更箇所"] = Value::Array(
        (0..50 * blocks)
            .map(|i| rows[i % rows.len()].clone())
            .collect(),
    );
    let pretty = |v: &Value| serde_json::to_string_pretty(v).expect("JSON serialises") + "\n";
    (pretty(&doc), pretty(&changes))
}

/// Writes a synthetic assessment folder `dir` (created if missing).
pub(crate) fn write(dir: &Path, blocks: usize, variant: usize) -> std::io::Result<()> {
    let (assessment, changes) = assessment(blocks, variant);
    std::fs::create_dir_all(dir)?;
    std::fs::write(dir.join("assessment.yaml"), assessment)?;
    std::fs::write(dir.join("changes.yaml"), changes)
}

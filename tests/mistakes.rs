//! An officer's first mistakes: every case under `tests/suite/mistakes/` is one line of a
//! real document changed as people mistype it, and says what hyoka must answer.
//!
//! A case is a file of header lines and, last, the changed line:
//!
//! ```text
//! # 全角のコロン（事務の名称：…）
//! # base: example
//! # from:     事務の名称: 予防接種に関する事務   # ①
//! # expect: E0110 +0:10
//! # item: Ⅰ．１．①事務の名称
//! # says: 全角のコロン
//!     事務の名称：予防接種に関する事務   # ①
//! ```
//!
//! `base` is `example` (the bundled assessment) or `skeleton` (a fresh `hyoka init`); `from`
//! is the base's line that is replaced (it must be there exactly once, or `# nth: 2` picks the
//! second of its occurrences). Each `expect` is a diagnostic the change brings, at a line
//! relative to the changed one and a column; together they are exactly what the change adds
//! to the base's own diagnostics. `item` and `says` apply to the first `expect`: its item label, and a text
//! its message or advice contains (in Japanese). No case may be silent, and each must have a
//! diagnostic on the changed line itself.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hyoka-mistakes-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// One case, as read from its file.
#[derive(Debug)]
struct Case {
    name: String,
    base: String,
    from: String,
    nth: Option<usize>,
    to: String,
    expect: Vec<(String, i64, usize)>,
    item: Option<String>,
    says: Option<String>,
}

fn read_case(path: &Path) -> Case {
    let text = std::fs::read_to_string(path).unwrap();
    let name = path.file_stem().unwrap().to_string_lossy().to_string();
    let mut case = Case {
        name: name.clone(),
        base: String::new(),
        from: String::new(),
        nth: None,
        to: String::new(),
        expect: Vec::new(),
        item: None,
        says: None,
    };
    let lines: Vec<&str> = text.lines().collect();
    let (changed, headers) = lines
        .split_last()
        .unwrap_or_else(|| panic!("{name}: empty"));
    case.to = changed.to_string();
    for line in headers {
        let Some(header) = line.strip_prefix("# ") else {
            panic!("{name}: a header line that is not a comment: {line:?}")
        };
        if let Some(v) = header.strip_prefix("base: ") {
            case.base = v.to_string();
        } else if let Some(v) = header.strip_prefix("from: ") {
            case.from = v.to_string();
        } else if let Some(v) = header.strip_prefix("nth: ") {
            case.nth = Some(v.parse().unwrap_or_else(|_| panic!("{name}: nth {v}")));
        } else if let Some(v) = header.strip_prefix("expect: ") {
            let (code, at) = v.split_once(' ').unwrap_or_else(|| panic!("{name}: {v}"));
            let (line, col) = at.split_once(':').unwrap_or_else(|| panic!("{name}: {v}"));
            case.expect.push((
                code.to_string(),
                line.parse().unwrap_or_else(|_| panic!("{name}: {v}")),
                col.parse().unwrap_or_else(|_| panic!("{name}: {v}")),
            ));
        } else if let Some(v) = header.strip_prefix("item: ") {
            case.item = Some(v.to_string());
        } else if let Some(v) = header.strip_prefix("says: ") {
            case.says = Some(v.to_string());
        }
    }
    case
}

/// The diagnostics of a file as JSON objects.
fn diagnostics(file: &Path) -> Vec<Value> {
    let output = Command::new(env!("CARGO_BIN_EXE_hyoka"))
        .args(["validate", "--message-format", "json"])
        .arg(file)
        .output()
        .unwrap();
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn place(d: &Value) -> (String, i64, usize) {
    (
        d["code"].as_str().unwrap().to_string(),
        d["start"]["line"].as_i64().unwrap_or(0),
        d["start"]["column"].as_u64().unwrap_or(0) as usize,
    )
}

/// The base texts, each made once.
fn bases() -> BTreeMap<&'static str, String> {
    let mut out = BTreeMap::new();
    out.insert(
        "example",
        std::fs::read_to_string(root().join("assessments/takaoka-vaccination/assessment.yaml"))
            .unwrap(),
    );
    let dir = scratch("skeleton");
    let made = Command::new(env!("CARGO_BIN_EXE_hyoka"))
        .args(["init", "skeleton", "--root"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(made.status.success(), "{made:?}");
    out.insert(
        "skeleton",
        std::fs::read_to_string(dir.join("skeleton/assessment.yaml")).unwrap(),
    );
    out
}

fn cases() -> Vec<Case> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("tests/suite/mistakes"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    files.iter().map(|f| read_case(f)).collect()
}

/// The changed text and the 1-based number of the changed line.
fn apply(case: &Case, base: &str) -> Result<(String, usize), String> {
    let lines: Vec<&str> = base.split('\n').collect();
    let at: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i] == case.from)
        .collect();
    // A line written more than once is picked by `nth`; otherwise it must be unique.
    let index = match case.nth {
        Some(n) => at.get(n.wrapping_sub(1)).copied(),
        None if at.len() == 1 => Some(at[0]),
        None => None,
    };
    let Some(index) = index else {
        return Err(format!(
            "{}: `from` is {} times in the {} base (give `nth` when more than once): {:?}",
            case.name,
            at.len(),
            case.base,
            case.from
        ));
    };
    let mut changed: Vec<&str> = lines.clone();
    changed[index] = &case.to;
    Ok((changed.join("\n"), index + 1))
}

#[test]
fn every_first_mistake_is_named_at_its_own_line() {
    let bases = bases();
    let cases = cases();
    assert!(cases.len() >= 40, "the corpus has {} cases", cases.len());
    let dir = scratch("cases");
    let mut base_found = BTreeMap::new();
    for (name, text) in &bases {
        let file = dir.join(format!("base-{name}.yaml"));
        std::fs::write(&file, text).unwrap();
        base_found.insert(*name, diagnostics(&file));
    }
    let mut failures = Vec::new();
    for case in &cases {
        let Some(base) = bases.get(case.base.as_str()) else {
            failures.push(format!("{}: unknown base {:?}", case.name, case.base));
            continue;
        };
        assert_ne!(case.from, case.to, "{}: nothing changed", case.name);
        assert!(!case.expect.is_empty(), "{}: a silent case", case.name);
        assert!(
            case.expect.iter().any(|(_, line, _)| *line == 0),
            "{}: nothing expected on the changed line",
            case.name
        );
        let (text, line) = match apply(case, base) {
            Ok(applied) => applied,
            Err(e) => {
                failures.push(e);
                continue;
            }
        };
        let file = dir.join(format!("{}.yaml", case.name));
        std::fs::write(&file, text).unwrap();
        let found = diagnostics(&file);
        // What the change brings: its diagnostics less the base's own.
        let mut before: Vec<(String, i64, usize)> =
            base_found[case.base.as_str()].iter().map(place).collect();
        let mut brought = Vec::new();
        for d in &found {
            let p = place(d);
            match before.iter().position(|b| *b == p) {
                Some(i) => {
                    before.remove(i);
                }
                None => brought.push(d),
            }
        }
        let mut got: Vec<(String, i64, usize)> = brought
            .iter()
            .map(|d| {
                let (code, l, c) = place(d);
                (code, l - line as i64, c)
            })
            .collect();
        got.sort();
        let mut want = case.expect.clone();
        want.sort();
        if got != want {
            failures.push(format!(
                "{}: want {want:?}\n  got  {got:?}\n  {}",
                case.name,
                brought
                    .iter()
                    .map(|d| format!("{} {}", d["code"], d["message"]))
                    .collect::<Vec<_>>()
                    .join("\n  ")
            ));
            continue;
        }
        let (code, rel, col) = &case.expect[0];
        let first = brought
            .iter()
            .find(|d| place(d) == (code.clone(), line as i64 + rel, *col))
            .unwrap();
        if let Some(item) = &case.item
            && first["item"].as_str() != Some(item.as_str())
        {
            failures.push(format!(
                "{}: item {:?}, want {item:?}",
                case.name, first["item"]
            ));
        }
        if let Some(says) = &case.says {
            let words = format!(
                "{} {}",
                first["message"].as_str().unwrap_or_default(),
                first["help"].as_str().unwrap_or_default()
            );
            if !words.contains(says.as_str()) {
                failures.push(format!("{}: does not say {says:?}: {words}", case.name));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

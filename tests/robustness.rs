//! Hostile and broken input: random mutations of the example never crash hyoka, and text
//! planted into every kind of free-text field comes out literally in every format.

use std::path::{Path, PathBuf};
use std::process::Command;

use hyoka::load::{self, Limits, Value};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn hyoka() -> Command {
    Command::new(env!("CARGO_BIN_EXE_hyoka"))
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hyoka-robust-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A small deterministic generator (xorshift), so a failing mutation can be reproduced by seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// One random mutation of a YAML text: a deleted, duplicated, re-indented or truncated line, or
/// stray YAML punctuation.
fn mutate(text: &str, rng: &mut Rng) -> (String, String) {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let i = rng.below(lines.len());
    let kind = rng.below(5);
    let what = match kind {
        0 => {
            lines.remove(i);
            format!("deleted line {}", i + 1)
        }
        1 => {
            let line = lines[i].clone();
            lines.insert(i, line);
            format!("duplicated line {}", i + 1)
        }
        2 => {
            let line = lines[i].trim_start().to_string();
            let indent = " ".repeat(rng.below(9));
            lines[i] = format!("{indent}{line}");
            format!("re-indented line {} by {}", i + 1, indent.len())
        }
        3 => {
            let chars: Vec<char> = text.chars().collect();
            let cut = rng.below(chars.len());
            return (
                chars[..cut].iter().collect(),
                format!("truncated at character {cut}"),
            );
        }
        _ => {
            const PUNCT: &[&str] = &[
                ":", "- ", "[", "]", "{", "}", "&a ", "*a", "|", ">", "'", "\"", "#", "!", "%",
                "@", "`", "? ", ",", "\t",
            ];
            let p = PUNCT[rng.below(PUNCT.len())];
            let line: Vec<char> = lines[i].chars().collect();
            let at = rng.below(line.len() + 1);
            lines[i] = line[..at]
                .iter()
                .chain(p.chars().collect::<Vec<_>>().iter())
                .chain(line[at..].iter())
                .collect();
            format!("inserted {p:?} in line {} at {at}", i + 1)
        }
    };
    (lines.join("\n") + "\n", what)
}

#[test]
fn one_hundred_fifty_mutations_of_the_example_never_crash() {
    let example =
        std::fs::read_to_string(root().join("assessments/takaoka-vaccination/assessment.yaml"))
            .unwrap();
    let dir = temp("mutations");
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    let mut seen = [0usize; 3];
    for n in 0..150 {
        let (text, what) = mutate(&example, &mut rng);
        let file = dir.join("assessment.yaml");
        std::fs::write(&file, &text).unwrap();
        let output = hyoka()
            .args(["validate", "--message-format", "json"])
            .arg(&file)
            .output()
            .unwrap();
        let code = output.status.code();
        assert!(
            matches!(code, Some(0..=2)),
            "mutation {n} ({what}) ended with {:?}: {}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
        seen[code.unwrap_or(2) as usize] += 1;
    }
    // The mutations are not all harmless: most break the document.
    assert!(seen[1] > 50, "{seen:?}");
}

const MINIMAL: &str = include_str!("suite/validate/valid-minimal.yaml");

/// Texts that must come out literally, in one string.
const PAYLOAD: &str = "<script>alert(1)</script> {{ 7 * 7 }} {% if x %} #read(\"/etc/passwd\") #import \"a.typ\": * $x^2$ ] \\ *b* _i_ [l](u) | \u{202E}RLO\u{202C} z\u{200B}w";

/// A YAML double-quoted scalar.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap()
}

/// The minimal document with the payload in every one-line free-text field, a 100,000-character
/// line without spaces in one field and a 10,000-line text in another.
fn hostile_document() -> String {
    let (_, document) = load::document_from_bytes(
        PathBuf::from("m.yaml"),
        MINIMAL.as_bytes(),
        &Limits::default(),
    );
    let mut spans = Vec::new();
    fn collect(record: &load::Record, path: String, out: &mut Vec<(usize, usize, String)>) {
        for e in &record.entries {
            let path = format!("{path}.{}", e.item.key);
            match &e.value {
                Value::Text(_) => out.push((e.span.start.offset, e.span.end.offset, path)),
                Value::Section(inner) => collect(inner, path, out),
                Value::Group(blocks) => blocks
                    .iter()
                    .for_each(|b| collect(&b.record, path.clone(), out)),
                Value::Checks(_) => {}
                _ => {}
            }
        }
    }
    collect(&document.unwrap().root, String::new(), &mut spans);
    assert!(
        spans.len() > 30,
        "every kind of free-text field of the minimal document"
    );
    spans.sort_by_key(|(start, _, _)| std::cmp::Reverse(*start));
    let mut chars: Vec<char> = MINIMAL.chars().collect();
    for (start, mut end, path) in spans {
        // A block scalar's span runs on over the line breaks after it; keep those.
        while end > start && chars[end - 1].is_whitespace() {
            end -= 1;
        }
        let value = match path.as_str() {
            ".基本情報.事務.事務の内容" => "長".repeat(100_000),
            ".ファイルの概要.記録項目" => (1..=10_000)
                .map(|i| format!("・項目{i}"))
                .collect::<Vec<_>>()
                .join("\n"),
            _ => format!("{path}: {PAYLOAD}"),
        };
        chars.splice(start..end, quoted(&value).chars());
    }
    let text: String = chars.into_iter().collect();
    // A checkbox's text too.
    text.replace("その他: 検証番号", &format!("その他: {}", quoted(PAYLOAD)))
}

#[test]
fn hostile_text_in_every_free_text_field_renders_literally() {
    let dir = temp("hostile").join("hostile");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("assessment.yaml"), hostile_document()).unwrap();
    let row = format!(
        "変更箇所:\n  - 変更日: 令和7年1月1日\n    項目: {p}\n    変更前の記載: {p}\n    変更後の記載: {p}\n    提出時期: 事後\n    提出時期に係る説明: {p}\n",
        p = quoted(PAYLOAD)
    );
    std::fs::write(dir.join("changes.yaml"), row).unwrap();
    let out = dir.parent().unwrap().join("out");
    let output = hyoka()
        .arg("render")
        .arg(&dir)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );

    let html = std::fs::read_to_string(out.join("hostile.juten.html")).unwrap();
    assert!(!html.contains("<script"), "no script tag");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;&#x2F;script&gt; {{ 7 * 7 }} {% if x %} #read(&quot;&#x2F;etc&#x2F;passwd&quot;)"));
    assert!(
        html.contains("\u{202E}RLO\u{202C} z\u{200B}w"),
        "control characters are kept as text"
    );
    assert!(html.contains(&"長".repeat(100_000)) && html.contains("・項目10000"));
    let count = html
        .matches("#read(&quot;&#x2F;etc&#x2F;passwd&quot;)")
        .count();
    assert!(count > 30, "the payload shows in every field ({count})");

    let md = std::fs::read_to_string(out.join("hostile.juten.md")).unwrap();
    assert!(!md.contains("<script") && md.contains("&lt;script&gt;"));
    assert!(
        md.contains("\\#read\\(\"/etc/passwd\"\\)")
            && md.contains(" \\| ")
            && md.contains("\\$x\\^2\\$")
    );
    assert!(md.contains("・項目10000") && md.lines().all(|l| !l.contains("\n")));

    let typ = std::fs::read_to_string(out.join("hostile.juten.typ")).unwrap();
    assert!(
        !typ.contains("passwd") && !typ.contains("項目10000"),
        "values stay in the JSON data"
    );

    let text = Command::new("pdftotext")
        .arg(out.join("hostile.juten.pdf"))
        .arg("-")
        .output()
        .unwrap();
    assert!(text.status.success());
    let text: String = String::from_utf8(text.stdout)
        .unwrap()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    for literal in [
        "<script>alert(1)</script>{{7*7}}{%ifx%}#read(\"/etc/passwd\")#import\"a.typ\":*$x^2$]\\*b*_i_[l](u)|",
        "・項目10000",
    ] {
        assert!(text.contains(literal), "the PDF does not show {literal:?}");
    }
    assert!(
        text.contains(&"長".repeat(1000)),
        "the long line is in the PDF"
    );
}

/// Found by the `render` fuzz target: a control character (U+000E) in a text made the PDF/A
/// export fail, since PDF/A refuses text without a glyph. Now validation warns (W0214) and the
/// PDF prints 〓 in its place; emoji, which the bundled fonts lack, take the same path.
#[test]
fn regression_fuzz_render_control_character_in_text() {
    let dir = temp("control").join("control");
    std::fs::create_dir_all(&dir).unwrap();
    let text = MINIMAL.replace(
        "事務の名称: 検証用事務",
        "事務の名称: \"検証\\u000e用\\t事務😀\"",
    );
    std::fs::write(dir.join("assessment.yaml"), text).unwrap();
    let out = dir.parent().unwrap().join("out");
    let output = hyoka()
        .arg("render")
        .arg(&dir)
        .args(["--format", "pdf", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("W0214"), "{stderr}");
    let pdf = Command::new("pdftotext")
        .arg(out.join("control.juten.pdf"))
        .arg("-")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&pdf.stdout).contains("検証〓用 事務〓"));
}

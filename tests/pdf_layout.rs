//! The PDF's page layout as a reader sees it (pdftotext): a heading row never stands alone at
//! the foot of a page, and a ＜選択肢＞ box never squeezes an option so that its last
//! character sits alone on a line. Checked on the bundled assessments (both forms) and on a
//! fixture that chooses the longest options.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Renders `source` to PDF and its layout data (the `.json` of the Typst format) once per run.
fn rendered() -> &'static Vec<(PathBuf, serde_json::Value)> {
    static OUT: OnceLock<Vec<(PathBuf, serde_json::Value)>> = OnceLock::new();
    OUT.get_or_init(|| {
        let out = std::env::temp_dir().join(format!("hyoka-pdf-layout-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&out);
        let sources = [
            "assessments/takaoka-vaccination",
            "assessments/mihon-jidou-teate",
            "tests/suite/render/long-choices.yaml",
        ];
        let mut found = Vec::new();
        for source in sources {
            let status = Command::new(env!("CARGO_BIN_EXE_hyoka"))
                .args(["render", "--format", "typ,pdf", "--out"])
                .arg(&out)
                .arg(root().join(source))
                .status()
                .unwrap();
            assert!(status.success(), "{source}");
        }
        for entry in std::fs::read_dir(&out).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "pdf") {
                let data = path.with_extension("json");
                let json = serde_json::from_str(&std::fs::read_to_string(data).unwrap()).unwrap();
                found.push((path, json));
            }
        }
        found.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(
            found.len(),
            4,
            "two documents of the example, one each of the others"
        );
        found
    })
}

fn pdftotext(args: &[&str], pdf: &Path) -> String {
    let output = Command::new("pdftotext")
        .args(args)
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils; bash tests/setup.sh installs it)");
    assert!(output.status.success());
    String::from_utf8(output.stdout).unwrap()
}

/// Text without spaces, the way pdftotext's words join up.
fn squeeze(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .collect()
}

#[test]
fn no_page_ends_with_a_heading_row() {
    for (pdf, data) in rendered() {
        let headings: Vec<String> = data["parts"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|p| p["rows"].as_array().unwrap())
            .filter(|r| {
                ["section", "heading", "band", "block"].contains(&r["kind"].as_str().unwrap())
            })
            .map(|r| squeeze(r["label"].as_str().unwrap()))
            .collect();
        assert!(!headings.is_empty());
        let text = pdftotext(&["-layout"], pdf);
        let pages: Vec<&str> = text.split('\u{c}').collect();
        for (number, page) in pages.iter().enumerate() {
            // The last line of the page's body: the footer is the page number `n / m`.
            let last = page
                .lines()
                .map(squeeze)
                .filter(|l| !l.is_empty())
                .rfind(|l| !l.chars().all(|c| c.is_ascii_digit() || c == '/'));
            let Some(last) = last else { continue };
            let heading = headings.iter().find(|h| last.starts_with(h.as_str()));
            assert!(
                heading.is_none(),
                "{}: page {} ends with the heading {:?}",
                pdf.display(),
                number + 1,
                heading
            );
        }
    }
}

/// The lines of a PDF as pdftotext lays them out word by word (`-bbox-layout`), spaces removed.
fn bbox_lines(pdf: &Path) -> Vec<String> {
    let xml = pdftotext(&["-bbox-layout"], pdf);
    let mut lines = Vec::new();
    for line in xml.split("<line").skip(1) {
        let line = line.split("</line>").next().unwrap_or_default();
        let mut text = String::new();
        for word in line.split("<word").skip(1) {
            let inner = word.split_once('>').map_or("", |(_, rest)| rest);
            text.push_str(inner.split("</word>").next().unwrap_or_default());
        }
        lines.push(squeeze(&text.replace("&amp;", "&")));
    }
    lines
}

#[test]
fn choice_boxes_never_leave_a_character_alone_on_a_line() {
    let mut options_checked = 0;
    for (pdf, data) in rendered() {
        let lines = bbox_lines(pdf);
        let options: Vec<String> = data["parts"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|p| p["rows"].as_array().unwrap())
            .filter(|r| r["value"]["type"] == "choice")
            .flat_map(|r| r["value"]["options"].as_array().unwrap())
            .map(|o| squeeze(o.as_str().unwrap()))
            .collect();
        for option in &options {
            // Where the option starts, follow it line by line to its end.
            for start in (0..lines.len()).filter(|&i| {
                !lines[i].is_empty()
                    && lines[i].len() < option.len()
                    && option.starts_with(&lines[i])
            }) {
                let mut done = lines[start].clone();
                for line in &lines[start + 1..] {
                    if done.len() >= option.len()
                        || !option[done.len()..].starts_with(line.as_str())
                    {
                        break;
                    }
                    assert!(
                        line.chars().count() > 1,
                        "{}: the option {option} leaves {line:?} alone on a line",
                        pdf.display()
                    );
                    done.push_str(line);
                }
            }
            options_checked += 1;
        }
    }
    assert!(options_checked > 100, "{options_checked}");
}

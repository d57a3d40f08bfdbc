//! Rendering end to end: every format of the example, fidelity against the reference
//! document, determinism, PDF quality, escaping of hostile text, templates, and `build`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn hyoka() -> Command {
    Command::new(env!("CARGO_BIN_EXE_hyoka"))
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hyoka-render-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Renders an assessment folder into `out` with extra arguments; returns (status, stderr).
fn render(path: &Path, out: &Path, extra: &[&str]) -> (i32, String) {
    let output = hyoka()
        .arg("render")
        .arg(path)
        .arg("--out")
        .arg(out)
        .args(extra)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).to_string(),
    )
}

/// The example rendered once to every format (shared by the tests that only read it).
fn example_output() -> &'static Path {
    static OUT: OnceLock<PathBuf> = OnceLock::new();
    OUT.get_or_init(|| {
        let out = temp("example");
        let (status, stderr) = render(&root().join("assessments/takaoka-vaccination"), &out, &[]);
        assert_eq!(status, 0, "{stderr}");
        out
    })
}

fn file(ext: &str) -> PathBuf {
    example_output().join(format!("takaoka-vaccination.juten.{ext}"))
}

fn tool(name: &str, args: &[&std::ffi::OsStr]) -> String {
    let output = Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    assert!(
        output.status.success(),
        "{name} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// The share of the reference document's text found in a rendering, by ../shared/tools/seed-coverage.
fn coverage(rendered: &Path) -> (f64, f64) {
    let script = root().join("../shared/tools/seed-coverage");
    let text = tool("python3", &[script.as_os_str(), rendered.as_os_str()]);
    let figure = |prefix: &str| -> f64 {
        let line = text
            .lines()
            .find(|l| l.starts_with(prefix))
            .unwrap_or_else(|| panic!("{text}"));
        line[prefix.len()..]
            .split_whitespace()
            .next()
            .unwrap()
            .parse()
            .unwrap()
    };
    (figure("characters: "), figure("coverage: "))
}

#[test]
fn every_format_is_written() {
    for ext in ["html", "md", "typ", "json", "pdf"] {
        let bytes = std::fs::read(file(ext)).unwrap();
        assert!(bytes.len() > 1000, "{ext} is too small");
    }
    assert!(std::fs::read(file("pdf")).unwrap().starts_with(b"%PDF-"));
}

#[test]
fn html_and_pdf_hold_the_reference_document() {
    for ext in ["html", "pdf"] {
        let (chars, segments) = coverage(&file(ext));
        assert!(
            chars >= 0.99 && segments >= 0.99,
            "{ext}: characters {chars}, segments {segments}"
        );
    }
}

#[test]
fn html_is_self_contained_semantic_and_anchored() {
    let html = std::fs::read_to_string(file("html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"ja\">"));
    for external in ["http://", "https://", "<link", "<script", "src="] {
        assert!(!html.contains(external), "external reference {external}");
    }
    assert!(
        html.contains("<th scope=\"row\"")
            && html.contains("<th scope=\"col\">")
            && html.contains("<caption>")
    );
    assert!(html.contains("@page { size: A4"));
    // An anchor for every item of the form, by key path, e.g. a reviewer's link to Ⅱ４ 委託事項２ ④.
    for id in [
        "基本情報.事務.事務の名称",
        "ファイルの概要.委託.委託事項[2].再委託の有無",
        "リスク対策.入手.目的外の入手.十分か",
        "評価実施手続.基礎項目評価.実施日",
    ] {
        assert!(html.contains(&format!("id=\"{id}\"")), "no anchor {id}");
    }
    assert!(html.contains(
        "[ ○ ]</span> <span class=\"visually-hidden\">（チェックあり）</span>庁内連携システム"
    ));
}

#[test]
fn markdown_tables_keep_line_breaks() {
    let md = std::fs::read_to_string(file("md")).unwrap();
    assert!(md.contains("| ②事務の内容 | 予防接種法（昭和23年６月30日法律第68号）に基づき"));
    assert!(md.contains("<br>①予防接種法による予防接種の実施対象者把握<br>"));
    // The change table's header and its 99 rows.
    let rows = md.lines().filter(|l| l.starts_with("| 令和")).count();
    assert_eq!(rows, 99);
}

#[test]
fn the_pdf_is_archival_accessible_and_embeds_font_subsets() {
    let pdf = file("pdf");
    let info = tool("pdfinfo", &[pdf.as_os_str()]);
    assert!(
        info.contains("Title:           予防接種に関する事務　重点項目評価書"),
        "{info}"
    );
    assert!(info.contains("Author:          高岡市長"), "{info}");
    assert!(info.contains("Tagged:          yes"), "{info}");
    assert!(
        info.contains("Page size:       595.276 x 841.89 pts (A4)"),
        "{info}"
    );
    let fonts = tool("pdffonts", &[pdf.as_os_str()]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty());
    for row in rows {
        let name = row.split_whitespace().next().unwrap();
        assert!(name.contains('+'), "not a subset: {row}");
        assert!(
            row.contains(" yes yes yes "),
            "not embedded as a subset with Unicode map: {row}"
        );
    }
    let bytes = std::fs::read(&pdf).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        text.contains("<pdfaid:part>2</pdfaid:part>")
            && text.contains("<pdfaid:conformance>A</pdfaid:conformance>")
    );
    assert!(text.contains("<pdfuaid:part>1</pdfuaid:part>"));
    assert!(
        text.contains("/Lang(ja-JP)"),
        "the document language must be declared"
    );
}

#[test]
fn the_emitted_typst_source_compiles_from_its_files() {
    let source = std::fs::read_to_string(file("typ")).unwrap();
    assert!(source.starts_with("#let data = json(\"takaoka-vaccination.juten.json\")\n"));
    let data = std::fs::read(file("json")).unwrap();
    let world =
        hyoka::render::world::HyokaWorld::new(source, "takaoka-vaccination.juten.json", data, None);
    let result = typst::compile::<typst_layout::PagedDocument>(&world).output;
    assert!(result.is_ok_and(|doc| doc.pages().len() > 20));
}

#[test]
fn two_renders_are_byte_identical_whatever_the_clock_zone_and_threads() {
    let out = temp("again");
    // Another clock (libfaketime), time zone, locale, thread count and output folder.
    let output = Command::new("faketime")
        .arg("2031-07-15 12:34:56")
        .arg(env!("CARGO_BIN_EXE_hyoka"))
        .arg("render")
        .arg(root().join("assessments/takaoka-vaccination"))
        .arg("--out")
        .arg(&out)
        .env("TZ", "America/Los_Angeles")
        .env("LC_ALL", "C")
        .env("RAYON_NUM_THREADS", "1")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    for ext in ["html", "md", "typ", "json", "pdf"] {
        let a = std::fs::read(file(ext)).unwrap();
        let b = std::fs::read(out.join(format!("takaoka-vaccination.juten.{ext}"))).unwrap();
        assert!(a == b, "{ext} differs between runs");
    }
}

const MINIMAL: &str = include_str!("suite/validate/valid-minimal.yaml");

/// Texts that must come out literally in every format.
const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>",
    "{{ 7 * 7 }}",
    "{% raw %}",
    "#read(\"/etc/passwd\")",
    "#import \"x.typ\"",
    "$x^2$",
    "*強調* _斜体_",
    "a | b",
    "] ) \\",
    "&amp;",
];

fn hostile_assessment() -> PathBuf {
    let dir = temp("hostile").join("hostile");
    std::fs::create_dir_all(&dir).unwrap();
    let planted: String = HOSTILE.iter().map(|h| format!("      {h}\n")).collect();
    let text = MINIMAL
        .replace(
            "      検証のための事務。\n",
            &format!("      検証のための事務。\n{planted}"),
        )
        .replace(
            "評価書名: 検証用事務　重点項目評価書",
            "評価書名: '検証 <b>太字</b> #strong[x] {{ 1 }}'",
        )
        .replace("その他: 検証番号", "その他: '<i>斜</i> | $y$'");
    std::fs::write(dir.join("assessment.yaml"), text).unwrap();
    dir
}

#[test]
fn hostile_text_is_shown_literally_in_every_format() {
    let dir = hostile_assessment();
    let out = dir.parent().unwrap().join("out");
    let (status, stderr) = render(&dir, &out, &[]);
    assert_eq!(status, 0, "{stderr}");
    let html = std::fs::read_to_string(out.join("hostile.juten.html")).unwrap();
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;&#x2F;script&gt;")
            || html.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
    );
    assert!(!html.contains("<script>") && !html.contains("<b>太字") && !html.contains("<i>斜"));
    assert!(html.contains("{{ 7 * 7 }}") && !html.contains(">49<"));
    let md = std::fs::read_to_string(out.join("hostile.juten.md")).unwrap();
    assert!(
        md.contains("&lt;script&gt;alert\\(1\\)&lt;/script&gt;"),
        "markdown must not pass HTML through"
    );
    assert!(
        md.contains("a \\| b") && md.contains("\\*強調\\*") && md.contains("\\{\\{ 7 \\* 7 \\}\\}")
    );
    let typ = std::fs::read_to_string(out.join("hostile.juten.typ")).unwrap();
    assert!(
        !typ.contains("/etc/passwd"),
        "values must stay in the data file, not the source"
    );
    let pdf_text = tool(
        "pdftotext",
        &[
            out.join("hostile.juten.pdf").as_os_str(),
            std::ffi::OsStr::new("-"),
        ],
    );
    let squeezed: String = pdf_text.chars().filter(|c| !c.is_whitespace()).collect();
    for h in HOSTILE
        .iter()
        .chain(["検証<b>太字</b>#strong[x]{{1}}", "<i>斜</i>|$y$"].iter())
    {
        let want: String = h.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(
            squeezed.contains(&want),
            "PDF does not show {h:?} literally"
        );
    }
}

#[test]
fn an_interrupted_render_leaves_the_previous_files_and_inputs_intact() {
    let dir = temp("interrupted");
    let input = dir.join("doc");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("assessment.yaml"), MINIMAL).unwrap();
    let out = dir.join("out");
    let (status, stderr) = render(&input, &out, &["--format", "html,md"]);
    assert_eq!(status, 0, "{stderr}");
    let before = std::fs::read(out.join("doc.juten.html")).unwrap();
    // The second run changes the document, then fails before its first file would replace the old one.
    std::fs::write(
        input.join("assessment.yaml"),
        MINIMAL.replace("検証用事務", "変更後の事務"),
    )
    .unwrap();
    let output = hyoka()
        .arg("render")
        .arg(&input)
        .arg("--out")
        .arg(&out)
        .args(["--format", "html,md"])
        .env("HYOKA_FAULT", "before-rename")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        std::fs::read(out.join("doc.juten.html")).unwrap(),
        before,
        "the good file is still there"
    );
    let names: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        names.len(),
        2,
        "no temporary file is left behind: {names:?}"
    );
    // Rendering never writes its input.
    let input_bytes = std::fs::read(input.join("assessment.yaml")).unwrap();
    let modified = std::fs::metadata(input.join("assessment.yaml"))
        .unwrap()
        .modified()
        .unwrap();
    let (status, _) = render(&input, &out, &["--format", "html"]);
    assert_eq!(status, 0);
    assert_eq!(
        std::fs::read(input.join("assessment.yaml")).unwrap(),
        input_bytes
    );
    assert_eq!(
        std::fs::metadata(input.join("assessment.yaml"))
            .unwrap()
            .modified()
            .unwrap(),
        modified
    );
}

#[test]
fn the_typst_world_reads_no_file_of_its_own_accord() {
    let dir = temp("world");
    std::fs::create_dir_all(dir.join("tpl/typst")).unwrap();
    std::fs::write(
        dir.join("tpl/typst/document.typ"),
        "#read(\"/etc/passwd\")\n#read(\"../../Cargo.toml\")\n",
    )
    .unwrap();
    let example = root().join("assessments/takaoka-vaccination");
    let (status, stderr) = render(
        &example,
        &dir.join("out"),
        &[
            "--format",
            "pdf",
            "--templates",
            dir.join("tpl").to_str().unwrap(),
        ],
    );
    assert_eq!(status, 2, "{stderr}");
    assert!(
        stderr.contains("access denied") || stderr.contains("failed to load"),
        "{stderr}"
    );
    assert!(!stderr.contains("root:"), "nothing of the file may show");
}

#[test]
fn an_assessment_with_errors_is_not_rendered() {
    let dir = temp("invalid");
    std::fs::write(
        dir.join("assessment.yaml"),
        MINIMAL.replace("十分か: 十分である", "十分か: 十分でない"),
    )
    .unwrap();
    let out = dir.join("out");
    let (status, stderr) = render(&dir, &out, &["--format", "html"]);
    assert_eq!(status, 1);
    assert!(stderr.contains("E0205"), "{stderr}");
    assert!(!out.exists(), "nothing may be written");
}

#[test]
fn templates_can_be_overridden_but_not_through_links() {
    let dir = temp("templates");
    std::fs::create_dir_all(dir.join("tpl/html")).unwrap();
    std::fs::write(
        dir.join("tpl/html/document.html.tera"),
        "<p>{{ meta.title }}</p>",
    )
    .unwrap();
    let out = dir.join("out");
    let example = root().join("assessments/takaoka-vaccination");
    let (status, stderr) = render(
        &example,
        &out,
        &[
            "--format",
            "html",
            "--templates",
            dir.join("tpl").to_str().unwrap(),
        ],
    );
    assert_eq!(status, 0, "{stderr}");
    assert_eq!(
        std::fs::read_to_string(out.join("takaoka-vaccination.juten.html")).unwrap(),
        "<p>予防接種に関する事務　重点項目評価書</p>"
    );
    // A link to a file outside the folder is refused.
    std::fs::create_dir_all(dir.join("evil/markdown")).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", dir.join("evil/markdown/document.md.tera")).unwrap();
    let (status, stderr) = render(
        &example,
        &out,
        &[
            "--format",
            "md",
            "--templates",
            dir.join("evil").to_str().unwrap(),
        ],
    );
    assert_eq!(status, 2, "{stderr}");
    assert!(stderr.contains("symbolic link"), "{stderr}");
    // So is a linked folder on the way to a template.
    std::fs::create_dir_all(dir.join("evil2")).unwrap();
    std::os::unix::fs::symlink(dir.join("tpl/html"), dir.join("evil2/html")).unwrap();
    let (status, stderr) = render(
        &example,
        &out,
        &[
            "--format",
            "html",
            "--templates",
            dir.join("evil2").to_str().unwrap(),
        ],
    );
    assert_eq!(status, 2, "{stderr}");
}

#[test]
fn build_renders_every_valid_assessment_and_reports_the_rest() {
    let dir = temp("build");
    let assessments = dir.join("assessments");
    for (name, text) in [
        ("a", MINIMAL.to_string()),
        ("b", MINIMAL.replace("\"1\"", "\"2\"")),
        ("bad", MINIMAL.replace("十分である", "十分でない")),
    ] {
        std::fs::create_dir_all(assessments.join(name)).unwrap();
        std::fs::write(assessments.join(name).join("assessment.yaml"), text).unwrap();
    }
    let output = hyoka()
        .arg("build")
        .arg(&assessments)
        .arg("--out")
        .arg(dir.join("output"))
        .args(["--format", "html,md"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        dir.join("output/a/a.juten.html").is_file() && dir.join("output/b/b.juten.md").is_file()
    );
    assert!(!dir.join("output/bad").exists());
    assert!(
        stderr.contains("2 件を出力しました（4 ファイル"),
        "{stderr}"
    );
    assert!(
        stderr.contains("1 件はエラーのため出力していません"),
        "{stderr}"
    );
}

#[test]
fn watch_renders_again_after_a_save() {
    let dir = temp("watch");
    let input = dir.join("doc");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("assessment.yaml"), MINIMAL).unwrap();
    let out = dir.join("out");
    let mut child = hyoka()
        .arg("watch")
        .arg(&input)
        .arg("--out")
        .arg(&out)
        .args(["--format", "html", "--max-renders", "2"])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Wait for the first render, then save a change.
    let html = out.join("doc.juten.html");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while !html.is_file() {
        assert!(std::time::Instant::now() < deadline, "no first render");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    std::thread::sleep(std::time::Duration::from_millis(1100)); // a new modification time
    std::fs::write(
        input.join("assessment.yaml"),
        MINIMAL.replace("検証用事務", "保存後の事務"),
    )
    .unwrap();
    let status = child.wait().unwrap();
    assert!(status.success());
    let mut stderr = String::new();
    std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut stderr).unwrap();
    assert_eq!(
        stderr.matches("ファイルを出力しました（").count(),
        2,
        "{stderr}"
    );
    assert!(
        std::fs::read_to_string(&html)
            .unwrap()
            .contains("保存後の事務")
    );
}

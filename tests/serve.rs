//! `hyoka serve` end to end: the HTTP side (Host guard, routes, traversal, escaping, headers)
//! with raw requests, and the whole preview in headless Chromium (tests/e2e/serve.mjs).

mod support;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use support::*;

#[test]
fn only_requests_for_this_server_are_answered() {
    let root = example_root("host");
    let server = start(&root, &[]);
    let port = server.addr.port();
    let with_host = |host: &str| {
        raw(
            server.addr,
            &format!("GET / HTTP/1.1\r\nHost: {host}\r\n\r\n"),
        )
    };
    for host in [
        format!("evil.example:{port}"),
        format!("127.0.0.1.nip.io:{port}"),
        format!("127.0.0.1:{}", port.wrapping_add(1)),
        "127.0.0.1".to_string(),
    ] {
        let reply = with_host(&host);
        assert_eq!(reply.status, 403, "Host: {host}");
        assert!(
            !reply.text().contains(EXAMPLE),
            "Host: {host} leaked the page"
        );
    }
    assert_eq!(
        raw(server.addr, "GET / HTTP/1.1\r\n\r\n").status,
        403,
        "no Host"
    );
    assert_eq!(
        with_host(&format!("localhost:{port}")).status,
        200,
        "localhost"
    );
    let reply = with_host(&format!("127.0.0.1:{port}"));
    assert_eq!(reply.status, 200);
    assert!(reply.text().contains(EXAMPLE));
    // A POST that is not one of the editor's, guarded, is refused before anything else.
    let post = raw(
        server.addr,
        &format!(
            "POST / HTTP/1.1\r\nHost: {}\r\nContent-Length: 0\r\n\r\n",
            server.addr
        ),
    );
    assert_eq!(post.status, 403);
    let put = raw(
        server.addr,
        &format!(
            "PUT / HTTP/1.1\r\nHost: {}\r\nContent-Length: 0\r\n\r\n",
            server.addr
        ),
    );
    assert_eq!(put.status, 405);
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn unknown_routes_and_traversal_give_404() {
    let root = example_root("routes");
    std::fs::write(root.join("secret.yaml"), "secret").unwrap();
    let server = start(&root, &[]);
    let base = format!("/a/{EXAMPLE}");
    for target in [
        "/nope".to_string(),
        "/a/".to_string(),
        "/a/unknown/".to_string(),
        format!("{base}/nope"),
        format!("{base}/assessment.yaml"),
        format!("{base}/versions/2024-05-27.yaml"),
        "/a/../Cargo.toml".to_string(),
        "/a/%2e%2e/secret.yaml".to_string(),
        format!("{base}/../../secret.yaml"),
        format!("{base}/%2e%2e%2f%2e%2e%2fsecret.yaml"),
        format!("{base}/review?from=../../secret"),
        format!("{base}/review?from=..%2F..%2Fsecret"),
        format!("{base}/review?from=%2Fetc%2Fpasswd"),
        format!("{base}/review?from=2024-05-27.yaml"),
        format!("{base}/redline.html?from=../assessment"),
        format!("{base}/redline.html"),
        "/a/takaoka-vaccination%2Fversions/".to_string(),
    ] {
        let reply = get(&server, &target);
        assert_eq!(reply.status, 404, "{target}");
        assert!(!reply.text().contains("secret\n"), "{target}");
    }
    for target in ["/a/%zz/", "/a/%00/", "http://evil.example/"] {
        assert_eq!(get(&server, target).status, 400, "{target}");
    }
    // A folder without its trailing slash is redirected to the preview.
    let reply = get(&server, &base);
    assert_eq!(reply.status, 308);
    assert_eq!(reply.header("Location"), Some(format!("{base}/").as_str()));
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn every_response_is_typed_and_guarded() {
    let root = example_root("headers");
    let server = start(&root, &[]);
    let base = format!("/a/{EXAMPLE}");
    for (target, kind) in [
        ("/".to_string(), "text/html; charset=utf-8"),
        (format!("{base}/"), "text/html; charset=utf-8"),
        (format!("{base}/review"), "text/html; charset=utf-8"),
        (format!("{base}/document.html"), "text/html; charset=utf-8"),
        (
            format!("{base}/redline.html?from=2024-05-27"),
            "text/html; charset=utf-8",
        ),
        ("/style.css".to_string(), "text/css; charset=utf-8"),
        ("/reload.js".to_string(), "text/javascript; charset=utf-8"),
        (
            format!("{base}/wait?since=999"),
            "text/plain; charset=utf-8",
        ),
        ("/nope".to_string(), "text/html; charset=utf-8"),
    ] {
        let reply = get(&server, &target);
        assert_eq!(reply.header("Content-Type"), Some(kind), "{target}");
        assert_eq!(
            reply.header("X-Content-Type-Options"),
            Some("nosniff"),
            "{target}"
        );
        if kind.starts_with("text/html") {
            let csp = reply.header("Content-Security-Policy").unwrap_or_default();
            assert!(csp.contains("default-src 'none'"), "{target}: {csp}");
            assert!(!csp.contains("script-src 'unsafe"), "{target}: {csp}");
        }
    }
    // The document frame is exactly what `hyoka render --format html` writes.
    let out = temp("headers-render");
    let status = Command::new(env!("CARGO_BIN_EXE_hyoka"))
        .args(["render", "--format", "html", "--out"])
        .arg(&out)
        .arg(root.join(EXAMPLE))
        .status()
        .unwrap();
    assert!(status.success());
    let rendered = std::fs::read(out.join(format!("{EXAMPLE}.juten.html"))).unwrap();
    assert!(get(&server, &format!("{base}/document.html")).body == rendered);
    let pdf = get(&server, &format!("{base}/document.pdf"));
    assert_eq!(pdf.status, 200);
    assert_eq!(pdf.header("Content-Type"), Some("application/pdf"));
    assert!(pdf.body.starts_with(b"%PDF-"));
    let _ = std::fs::remove_dir_all(&root);
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn hostile_text_in_diagnostics_and_names_is_escaped() {
    let root = example_root("hostile");
    let hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    let file = root.join(EXAMPLE).join("assessment.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    // A value that is not a choice: E0205 quotes it in its message and its code frame.
    std::fs::write(
        &file,
        text.replacen("十分か: 十分である", &format!("十分か: \"{hostile}\""), 1),
    )
    .unwrap();
    let odd = root.join("<b>odd&name\"");
    std::fs::create_dir_all(&odd).unwrap();
    std::fs::write(odd.join("assessment.yaml"), format!("{hostile}: [")).unwrap();
    let server = start(&root, &[]);
    let preview = get(&server, &format!("/a/{EXAMPLE}/")).text();
    assert!(preview.contains("E0205"), "{preview}");
    assert!(preview.contains("&lt;script&gt;alert(1)&lt;&#x2F;script&gt;"));
    let index = get(&server, "/").text();
    for page in [&preview, &index] {
        assert!(!page.contains("<script>alert") && !page.contains("<img src=x"));
        assert!(!page.contains("<b>odd"));
        // The only script is the page's own.
        assert_eq!(page.matches("<script").count(), 1);
    }
    assert!(index.contains("&lt;b&gt;odd&amp;name&quot;"), "{index}");
    assert!(
        index.contains("%3Cb%3Eodd%26name%22"),
        "the link is percent-encoded"
    );
    let odd_page = get(&server, "/a/%3Cb%3Eodd%26name%22/");
    assert_eq!(odd_page.status, 200);
    assert!(!odd_page.text().contains("<b>odd"));
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn pages_speak_english_and_explain_snapshots() {
    let root = example_root("english");
    std::fs::remove_dir_all(root.join(EXAMPLE).join("versions")).unwrap();
    let server = start(&root, &["--lang", "en"]);
    let index = get(&server, "/").text();
    assert!(index.contains("<html lang=\"en\"") && index.contains("All assessments"));
    let preview = get(&server, &format!("/a/{EXAMPLE}/")).text();
    assert!(preview.contains("Validation") && preview.contains("W0304"));
    let review = get(&server, &format!("/a/{EXAMPLE}/review")).text();
    assert!(review.contains("versions&#x2F;") && review.contains("hyoka snapshot PATH"));
    let ja = start(&root, &[]);
    let review = get(&ja, &format!("/a/{EXAMPLE}/review")).text();
    assert!(review.contains("比較する版がありません") && review.contains("hyoka snapshot PATH"));
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn the_review_lists_snapshots_newest_first_and_says_why_it_cannot_compare() {
    let root = example_root("review");
    let folder = root.join(EXAMPLE);
    std::fs::write(folder.join("versions/2020-01-01.yaml"), "様式: [\n").unwrap();
    let server = start(&root, &[]);
    let base = format!("/a/{EXAMPLE}");
    let review = get(&server, &format!("{base}/review")).text();
    let (newer, older) = (review.find("2024-05-27"), review.find("2020-01-01"));
    assert!(newer.is_some() && newer < older, "{review}");
    assert!(review.contains("Ⅴ．１．基礎項目評価　①実施日"));
    let broken = get(&server, &format!("{base}/review?from=2020-01-01")).text();
    assert!(
        broken.contains("この版にエラーがあるため比較できません"),
        "{broken}"
    );
    assert!(
        broken.contains("versions&#x2F;2020-01-01.yaml:"),
        "{broken}"
    );
    let redline = get(&server, &format!("{base}/redline.html?from=2020-01-01"));
    assert_eq!(redline.status, 404);
    let file = folder.join("assessment.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replacen("十分である", "十分でない", 1)).unwrap();
    let review = get(&server, &format!("{base}/review")).text();
    assert!(
        review.contains("現在の評価書にエラーがあるため比較できません"),
        "{review}"
    );
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn a_waiting_page_hears_of_a_save() {
    let root = example_root("wait");
    let server = start(&root, &[]);
    let target = format!("/a/{EXAMPLE}/wait?since=");
    let now: u64 = get(&server, &format!("{target}999"))
        .text()
        .trim()
        .parse()
        .unwrap();
    let file = root.join(EXAMPLE).join("changes.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    let writer = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(500));
        std::fs::write(&file, format!("{text}\n")).unwrap();
    });
    let started = Instant::now();
    let next: u64 = get(&server, &format!("{target}{now}"))
        .text()
        .trim()
        .parse()
        .unwrap();
    writer.join().unwrap();
    assert_ne!(next, now);
    assert!(started.elapsed() < Duration::from_secs(10));
    let _ = std::fs::remove_dir_all(&root);
}

/// Width and height from a PNG's IHDR chunk, after checking the signature.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    assert_eq!(&bytes[12..16], b"IHDR", "no IHDR chunk first");
    let be = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (be(16), be(20))
}

fn on_path(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Runs the browser test `script` of tests/e2e against `server` in headless Chromium, with
/// HYOKA_URL, HYOKA_ROOT, HYOKA_SHOTS, HYOKA_CHROMIUM and `env` set; fails with its output
/// unless it passes, and prints what it printed.
fn run_e2e(script: &str, server: &Server, root: &Path, shots: &Path, env: &[(&str, &Path)]) {
    let e2e = manifest().join("tests/e2e");
    let chromium =
        std::env::var("HYOKA_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_string());
    assert!(
        on_path("node") && on_path("git"),
        "the browser test needs Node.js and git: apt-get install nodejs npm git (.ci/run does this)"
    );
    assert!(
        Path::new(&chromium).is_file(),
        "the browser test needs Chromium at {chromium}: apt-get install chromium (.ci/run does \
         this), or set HYOKA_CHROMIUM"
    );
    assert!(
        e2e.join("node_modules/playwright-core").is_dir(),
        "the browser test needs playwright-core: npm ci --prefix tests/e2e (.ci/run does this)"
    );
    let started = Instant::now();
    let mut node = Command::new("node");
    node.arg(e2e.join(script))
        .env("HYOKA_URL", &server.url)
        .env("HYOKA_ROOT", root)
        .env("HYOKA_SHOTS", shots)
        .env("HYOKA_CHROMIUM", &chromium);
    for (name, value) in env {
        node.env(name, value);
    }
    let output = node.output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    eprintln!("{stdout}browser test: {:?}", started.elapsed());
}

#[test]
fn the_preview_works_in_headless_chromium() {
    let root = example_root("e2e");
    let shots = temp("e2e-shots");
    // An older version with many changes (the one before 令和6年5月27日) for the wide tables, and
    // the same changes as `hyoka diff --format html` writes them.
    let older = manifest().join("tests/suite/changes/before-reiwa6-05-27.yaml");
    std::fs::copy(&older, root.join(EXAMPLE).join("versions/2024-05-01.yaml")).unwrap();
    let changes_html = shots.join("changes.html");
    let exported = Command::new(env!("CARGO_BIN_EXE_hyoka"))
        .args(["diff", "--format", "html", "--output"])
        .arg(&changes_html)
        .arg(&older)
        .arg(manifest().join("assessments").join(EXAMPLE))
        .status()
        .unwrap();
    assert!(exported.success());
    let server = start(&root, &[]);
    run_e2e(
        "serve.mjs",
        &server,
        &root,
        &shots,
        &[("HYOKA_CHANGES_HTML", &changes_html)],
    );
    // The whole pages (the document makes them long), and their first screenfuls.
    for (name, min_height) in [
        ("preview-full.png", 5000),
        ("review-full.png", 5000),
        ("preview.png", 1800),
        ("preview-error.png", 1800),
        ("review.png", 1800),
        ("review-table.png", 1800),
        ("changes-table.png", 900),
    ] {
        let bytes = std::fs::read(shots.join(name)).unwrap();
        let (width, height) = png_size(&bytes);
        assert!(
            width == 1280 && height >= min_height && bytes.len() > 50_000,
            "{name}: {width}×{height}, {} bytes",
            bytes.len()
        );
    }
    // HYOKA_SCREENSHOTS=docs/images regenerates the user guide's pictures (the first screenfuls:
    // the whole pages are ~11 MB each).
    if let Some(dir) = std::env::var_os("HYOKA_SCREENSHOTS") {
        let dir = manifest().join(dir);
        std::fs::create_dir_all(&dir).unwrap();
        for name in ["preview.png", "review.png", "review-table.png"] {
            std::fs::copy(shots.join(name), dir.join(name)).unwrap();
        }
    }
    drop(server);
    let _ = std::fs::remove_dir_all(&root);
    let _ = std::fs::remove_dir_all(&shots);
}

/// The lines a `git diff --no-index --unified=0` removes and adds between two files.
fn git_diff(old: &Path, new: &Path) -> (Vec<String>, Vec<String>) {
    let out = Command::new("git")
        .args(["diff", "--no-index", "--unified=0", "--no-color"])
        .arg(old)
        .arg(new)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let mut removed = Vec::new();
    let mut added = Vec::new();
    for line in text.lines() {
        if line.starts_with("---") || line.starts_with("+++") {
            continue;
        }
        if let Some(l) = line.strip_prefix('-') {
            removed.push(l.to_string());
        } else if let Some(l) = line.strip_prefix('+') {
            added.push(l.to_string());
        }
    }
    (removed, added)
}

#[test]
fn the_editor_works_in_headless_chromium() {
    let root = example_root("e2e-edit");
    // A fresh skeleton beside the example, for the keyboard-only pass.
    let scratch = temp("e2e-edit-init");
    let init = Command::new(env!("CARGO_BIN_EXE_hyoka"))
        .current_dir(&scratch)
        .args(["init", "fresh"])
        .output()
        .unwrap();
    assert!(init.status.success());
    copy_dir(&scratch.join("assessments/fresh"), &root.join("fresh"));
    // The office's common texts, which the editing pages offer.
    copy_dir(
        &manifest().join("assessments/common-texts"),
        &root.join("common-texts"),
    );
    let shots = temp("e2e-edit-shots");
    let original = root.join(EXAMPLE).join("assessment.yaml");
    let before = shots.join("before.yaml");
    std::fs::copy(&original, &before).unwrap();
    let server = start(&root, &[]);
    run_e2e("edit.mjs", &server, &root, &shots, &[]);
    // The file's diff touches only the items edited: the choice, the two-line text, その他 with
    // its text, the 提供先 added (its name filled, its other items empty) and the one removed.
    let after = shots.join("after-edits.yaml");
    let (removed, added) = git_diff(&before, &after);
    let text = std::fs::read_to_string(&before).unwrap();
    let block_start = text.find("      - id: todofuken-shichoson").unwrap();
    let block_end = text.find("      - id: kosei-rodo").unwrap();
    let mut want_removed = vec![
        "  特記事項:".to_string(),
        "    記録される項目: 10項目以上50項目未満     # ④".to_string(),
    ];
    want_removed.extend(text[block_start..block_end].lines().map(str::to_string));
    assert_eq!(removed, want_removed);
    let want_added = [
        "  特記事項: |-",
        "    予防接種台帳の電子化に伴い記載を見直した。",
        "    二行目：新型コロナウイルス感染症対策を含む。",
        "        その他: 予約管理システム",
        "    記録される項目: 50項目以上100項目未満     # ④",
        "      - id: 提供先5",
        "        名称: 厚生労働大臣（追加）",
        "        法令上の根拠:",
        "        提供先における用途:",
        "        提供する情報:",
        "        本人の数:",
        "        本人の範囲:",
        "        提供方法:",
        "        時期・頻度:",
    ];
    assert_eq!(added, want_added);
    // `hyoka validate` agrees with the page.
    let findings: serde_json::Value =
        serde_json::from_slice(&std::fs::read(shots.join("page-findings.json")).unwrap()).unwrap();
    let edited = root.join("edited");
    copy_dir(&root.join(EXAMPLE), &edited);
    std::fs::copy(&after, edited.join("assessment.yaml")).unwrap();
    let validate = Command::new(env!("CARGO_BIN_EXE_hyoka"))
        .args(["validate", "--message-format", "json"])
        .arg(&edited)
        .output()
        .unwrap();
    let json = String::from_utf8_lossy(&validate.stdout);
    let mut validate_codes: Vec<String> = json
        .lines()
        .filter(|l| l.contains("/assessment.yaml\""))
        .filter_map(|l| Some(l.split("\"code\":\"").nth(1)?[..5].to_string()))
        .collect();
    let mut page_codes: Vec<String> = findings["codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_string())
        .collect();
    validate_codes.sort();
    page_codes.sort();
    assert!(!page_codes.is_empty());
    assert_eq!(page_codes, validate_codes, "{json}");
    // The page counts the assessment's findings; `validate` adds the office library's own
    // (entries no document uses, W0808), which are not the document's.
    let own = || json.lines().filter(|l| !l.contains("common-texts/"));
    let errors = own()
        .filter(|l| l.contains("\"severity\":\"error\""))
        .count();
    let warnings = own()
        .filter(|l| l.contains("\"severity\":\"warning\""))
        .count();
    assert_eq!(
        findings["summary"].as_str().unwrap(),
        format!("{errors} 件のエラー、{warnings} 件の警告")
    );
    for (name, min_height) in [
        ("edit.png", 1800),
        ("edit-conflict.png", 900),
        ("review-record.png", 900),
    ] {
        let bytes = std::fs::read(shots.join(name)).unwrap();
        let (width, height) = png_size(&bytes);
        assert!(
            width == 1280 && height >= min_height,
            "{name}: {width}×{height}"
        );
    }
    if let Some(dir) = std::env::var_os("HYOKA_SCREENSHOTS") {
        let dir = manifest().join(dir);
        std::fs::create_dir_all(&dir).unwrap();
        for name in ["edit.png", "edit-conflict.png", "review-record.png"] {
            std::fs::copy(shots.join(name), dir.join(name)).unwrap();
        }
    }
    drop(server);
    let _ = std::fs::remove_dir_all(&root);
    let _ = std::fs::remove_dir_all(&shots);
    let _ = std::fs::remove_dir_all(&scratch);
}

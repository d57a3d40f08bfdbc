//! The editing page of `hyoka serve` over HTTP: what a save may change and who may ask for it
//! (token, origin, size, read-only), conflicts, a broken file, and an assessment written from
//! `init`'s skeleton to a validating document through the page's requests only, then a version
//! kept and a revision recorded, with the skeleton's comments intact. The browser side is in
//! tests/e2e/serve.mjs.

mod support;

use std::path::Path;
use std::process::Command;

use hyoka::edit::Source;
use hyoka::edit::form::{read, segs};
use hyoka::form::label::resolve;
use serde_json::{Value as Json, json};
use support::*;

const MAIN: &str = "assessment.yaml";

fn edit_url(doc: Option<&str>) -> String {
    match doc {
        Some(doc) => format!("/a/{EXAMPLE}/edit?doc={doc}"),
        None => format!("/a/{EXAMPLE}/edit"),
    }
}

/// The editing page, its token and its fields.
struct Page {
    html: String,
    token: String,
    origin: String,
}

fn open(server: &Server, target: &str) -> Page {
    let reply = get(server, target);
    assert_eq!(reply.status, 200, "{target}: {}", reply.text());
    let html = reply.text();
    Page {
        token: token_of(&html),
        origin: format!("http://{}", server.addr),
        html,
    }
}

impl Page {
    fn base(&self, path: &str) -> (String, String) {
        fields_of(&self.html)
            .into_iter()
            .find(|(p, _, _)| p == path)
            .map(|(_, ids, base)| (ids, base))
            .unwrap_or_else(|| panic!("no field {path}"))
    }
}

/// Saves `value` at `path` as the page would.
fn save(server: &Server, page: &Page, doc: Option<&str>, path: &str, value: Json) -> Reply {
    let (ids, base) = page.base(path);
    let body = json!({"path": path, "ids": serde_json::from_str::<Json>(&ids).unwrap(), "base": base, "value": value});
    let target = match doc {
        Some(doc) => format!("/a/{EXAMPLE}/edit/save?doc={doc}"),
        None => format!("/a/{EXAMPLE}/edit/save"),
    };
    post(
        server,
        &target,
        &page_headers(&page.origin, &page.token),
        &body.to_string(),
    )
}

fn changed_lines(old: &str, new: &str) -> (Vec<String>, Vec<String>) {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    (
        a[prefix..a.len() - suffix]
            .iter()
            .map(|s| s.to_string())
            .collect(),
        b[prefix..b.len() - suffix]
            .iter()
            .map(|s| s.to_string())
            .collect(),
    )
}

#[test]
fn a_save_changes_only_its_item_and_needs_the_page_token_and_origin() {
    let root = example_root("editor-guard");
    let file = root.join(EXAMPLE).join(MAIN);
    let before = std::fs::read_to_string(&file).unwrap();
    let server = start(&root, &[]);
    let page = open(&server, &edit_url(None));
    let path = "基本情報.情報連携.実施の有無";
    let (ids, base) = page.base(path);
    let body = json!({"path": path, "ids": serde_json::from_str::<Json>(&ids).unwrap(), "base": base, "value": "未定"}).to_string();
    let target = format!("/a/{EXAMPLE}/edit/save");
    let good = page_headers(&page.origin, &page.token);
    let without = |name: &str| -> Vec<(&str, &str)> {
        good.iter().copied().filter(|(n, _)| *n != name).collect()
    };
    let with = |name: &'static str, value: &'static str| -> Vec<(&str, &str)> {
        let mut h = without(name);
        h.push((name, value));
        h
    };
    // A cross-site form post or fetch, a page without the token, a form body: 403, nothing written.
    for (headers, why) in [
        (without("Origin"), "no Origin"),
        (with("Origin", "http://evil.example"), "another origin"),
        (with("Origin", "null"), "an opaque origin"),
        (with("Sec-Fetch-Site", "cross-site"), "a cross-site fetch"),
        (without("X-Hyoka-Token"), "no token"),
        (with("X-Hyoka-Token", "0000"), "a wrong token"),
        (
            with("Content-Type", "application/x-www-form-urlencoded"),
            "a form post",
        ),
        (with("Content-Type", "text/plain"), "a text body"),
    ] {
        let reply = post(&server, &target, &headers, &body);
        assert_eq!(reply.status, 403, "{why}: {}", reply.text());
        assert_eq!(
            std::fs::read_to_string(&file).unwrap(),
            before,
            "{why} wrote the file"
        );
    }
    // A request names no file: only the served documents' own files can be written.
    for target in [
        format!("/a/{EXAMPLE}/edit/save?doc=../../etc"),
        format!("/a/{EXAMPLE}/edit/save?file=changes.yaml"),
        "/a/%2e%2e/edit/save".to_string(),
    ] {
        let reply = post(&server, &target, &good, &body);
        assert!(
            matches!(reply.status, 404 | 200),
            "{target}: {}",
            reply.status
        );
        if reply.status == 200 {
            // `file=` is no parameter of the editor's: the save went to assessment.yaml.
            let now = std::fs::read_to_string(&file).unwrap();
            assert!(now.contains("実施の有無: 未定"), "{now}");
            std::fs::write(&file, &before).unwrap();
        }
    }
    let page = open(&server, &edit_url(None));
    let body =
        json!({"path": path, "ids": [], "base": page.base(path).1, "value": "未定"}).to_string();
    let reply = post(&server, &target, &good, &body);
    assert_eq!(reply.status, 200, "{}", reply.text());
    let after = std::fs::read_to_string(&file).unwrap();
    assert_eq!(
        changed_lines(&before, &after),
        (
            vec!["    実施の有無: 実施する   # ①".to_string()],
            vec!["    実施の有無: 未定   # ①".to_string()]
        )
    );
    // The answer brings the item's diagnostics and the counts: ②法令上の根拠 is now filled
    // against its condition.
    let answer: Json = serde_json::from_slice(&reply.body).unwrap();
    let fields = &answer["diagnostics"]["fields"];
    assert!(
        fields["基本情報.情報連携.法令上の根拠"]
            .to_string()
            .contains("E0"),
        "{answer}"
    );
    assert!(answer["summary"].as_str().unwrap().contains("件のエラー"));
    // Bodies are bounded and need their length.
    let huge = raw(
        server.addr,
        &format!(
            "POST {target} HTTP/1.1\r\nHost: {}\r\nContent-Length: {}\r\n\r\n",
            server.addr,
            8 * 1024 * 1024
        ),
    );
    assert_eq!(huge.status, 413);
    let no_length = raw(
        server.addr,
        &format!("POST {target} HTTP/1.1\r\nHost: {}\r\n\r\n", server.addr),
    );
    assert_eq!(no_length.status, 411);
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn a_changed_item_on_disk_is_a_conflict_and_other_items_still_save() {
    let root = example_root("editor-conflict");
    let file = root.join(EXAMPLE).join(MAIN);
    let server = start(&root, &[]);
    let page = open(&server, &edit_url(None));
    // Two tabs opened on the same version save different items: both land.
    let a = save(
        &server,
        &page,
        None,
        "基本情報.担当部署.部署",
        json!("健康政策課"),
    );
    assert_eq!(a.status, 200, "{}", a.text());
    let b = save(
        &server,
        &page,
        None,
        "基本情報.担当部署.所属長の役職名",
        json!("健康政策課長"),
    );
    assert_eq!(b.status, 200, "{}", b.text());
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.contains("    部署: 健康政策課   # ①\n    所属長の役職名: 健康政策課長   # ②\n"),
        "{text}"
    );
    // The same item edited on disk meanwhile: 409 with the file's value; the file keeps it.
    let edited = text.replace(
        "事務の名称: 予防接種に関する事務",
        "事務の名称: ディスクで直した名称",
    );
    std::fs::write(&file, &edited).unwrap();
    let reply = save(
        &server,
        &page,
        None,
        "基本情報.事務.事務の名称",
        json!("ページで直した名称"),
    );
    assert_eq!(reply.status, 409, "{}", reply.text());
    let answer: Json = serde_json::from_slice(&reply.body).unwrap();
    assert_eq!(answer["conflict"], "value");
    assert_eq!(answer["disk"], "ディスクで直した名称");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), edited);
    // Overwriting is a choice: with the file's fingerprint the page's value lands.
    let base = answer["base"].as_str().unwrap();
    let body = json!({"path": "基本情報.事務.事務の名称", "ids": [], "base": base, "value": "ページで直した名称"});
    let reply = post(
        &server,
        &format!("/a/{EXAMPLE}/edit/save"),
        &page_headers(&page.origin, &page.token),
        &body.to_string(),
    );
    assert_eq!(reply.status, 200);
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("事務の名称: ページで直した名称   # ①")
    );
    // A block found by its id after another tab moved it.
    let page = open(&server, &edit_url(None));
    let path = "ファイルの概要.委託.委託事項[2].委託先名";
    let block = |op: &str, extra: Json| {
        let mut body = json!({"op": op, "group": "ファイルの概要.委託.委託事項"});
        body.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        post(
            &server,
            &format!("/a/{EXAMPLE}/edit/block"),
            &page_headers(&page.origin, &page.token),
            &body.to_string(),
        )
    };
    assert_eq!(
        block("move", json!({"index": 1, "id": "vrs", "to": 0})).status,
        200
    );
    let reply = save(&server, &page, None, path, json!("株式会社ミラボ（新）"));
    assert_eq!(reply.status, 200, "{}", reply.text());
    let text = std::fs::read_to_string(&file).unwrap();
    let vrs = text.find("- id: vrs").unwrap();
    assert!(vrs < text.find("- id: hoshu").unwrap());
    assert!(
        text[vrs..].contains("委託先名: 株式会社ミラボ（新） # ③"),
        "{text}"
    );
    // Removing a block changed since the page was loaded is refused.
    let reply = block("remove", json!({"index": 0, "id": "vrs", "base": "stale"}));
    assert_eq!(reply.status, 409);
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn a_broken_file_is_not_form_edited_and_read_only_turns_editing_off() {
    let root = example_root("editor-broken");
    let file = root.join(EXAMPLE).join(MAIN);
    let good = std::fs::read_to_string(&file).unwrap();
    let server = start(&root, &[]);
    let page = open(&server, &edit_url(None));
    std::fs::write(
        &file,
        good.replace("  評価書名: 予防接種", "  評価書名: [予防接種"),
    )
    .unwrap();
    let broken = get(&server, &edit_url(None)).text();
    assert!(broken.contains("フォームでは編集できません"), "{broken}");
    assert!(broken.contains("（assessment.yaml:7:"), "{broken}");
    assert!(!broken.contains("<form id=\"form\""));
    let reply = save(&server, &page, None, "表紙.評価書名", json!("x"));
    assert_eq!(reply.status, 409);
    assert!(reply.text().contains("refused"));
    // Tabs in indentation.
    std::fs::write(&file, good.replacen("  評価書番号", "\t評価書番号", 1)).unwrap();
    assert!(get(&server, &edit_url(None)).text().contains("タブ文字"));
    std::fs::write(&file, &good).unwrap();
    drop(server);
    let server = start(&root, &["--lang", "en"]);
    let english = open(&server, &edit_url(None));
    assert!(english.html.contains("Save all"));
    drop(server);
    let server = start(&root, &[]);
    let token = open(&server, &edit_url(None)).token;
    drop(server);
    let server = start(&root, &[]);
    let other = open(&server, &edit_url(None)).token;
    assert_ne!(token, other, "each process has its own token");
    drop(server);
    let read_only = start_read_only(&root);
    assert_eq!(get(&read_only, &edit_url(None)).status, 403);
    let preview = get(&read_only, &format!("/a/{EXAMPLE}/")).text();
    assert!(!preview.contains("/edit\""), "no editing tab: {preview}");
    let review = get(&read_only, &format!("/a/{EXAMPLE}/review")).text();
    assert!(
        !review.contains("data-token"),
        "no token on a read-only page"
    );
    let origin = format!("http://{}", read_only.addr);
    let reply = post(
        &read_only,
        &format!("/a/{EXAMPLE}/edit/save"),
        &page_headers(&origin, &token),
        "{}",
    );
    assert_eq!(reply.status, 403);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), good);
    let _ = std::fs::remove_dir_all(&root);
}

fn start_read_only(root: &Path) -> Server {
    start_with(root, &[], &["--read-only"])
}

// ----- from init's skeleton to the example, through the page only -----

/// The example's value of every item of one document, as the page sends it, by key path.
fn example_values(file: &str, edition: &'static hyoka::form::Edition) -> Vec<(String, Json)> {
    let text = std::fs::read(manifest().join("assessments").join(EXAMPLE).join(file)).unwrap();
    let source = Source::parse(&text).unwrap();
    let mut out = Vec::new();
    fields_in(&source, edition.items, "", &mut out);
    out
}

fn fields_in(
    source: &Source,
    items: &'static [hyoka::form::Item],
    prefix: &str,
    out: &mut Vec<(String, Json)>,
) {
    use hyoka::form::Kind;
    for item in items {
        let path = if prefix.is_empty() {
            item.key.to_string()
        } else {
            format!("{prefix}.{}", item.key)
        };
        match item.kind {
            Kind::Section(children) => fields_in(source, children, &path, out),
            Kind::Group(group) => {
                let n = hyoka::edit::form::block_ids(source, &segs(&path).unwrap()).len();
                for i in 1..=n {
                    fields_in(source, group.items, &format!("{path}[{i}]"), out);
                }
            }
            _ => out.push((path.clone(), read(source, item, &segs(&path).unwrap()))),
        }
    }
}

fn block_counts(file: &Path, groups: &[&str]) -> Vec<usize> {
    let source = Source::parse(&std::fs::read(file).unwrap()).unwrap();
    groups
        .iter()
        .map(|g| hyoka::edit::form::block_ids(&source, &segs(g).unwrap()).len())
        .collect()
}

/// Comment lines of a text, in order.
fn comments(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|l| l.trim_start().starts_with('#'))
        .collect()
}

fn is_subsequence(small: &[&str], big: &[&str]) -> bool {
    let mut it = big.iter();
    small.iter().all(|s| it.any(|b| b == s))
}

#[test]
fn an_assessment_is_written_from_the_skeleton_through_the_page_only() {
    let root = temp("editor-skeleton");
    let init = Command::new(env!("CARGO_BIN_EXE_hyoka"))
        .current_dir(&root)
        .args(["init", EXAMPLE])
        .output()
        .unwrap();
    assert!(
        init.status.success(),
        "{}",
        String::from_utf8_lossy(&init.stderr)
    );
    let folder = root.join("assessments").join(EXAMPLE);
    let skeleton = std::fs::read_to_string(folder.join(MAIN)).unwrap();
    let skeleton_kiso = std::fs::read_to_string(folder.join("kiso.yaml")).unwrap();
    let server = start(&root.join("assessments"), &[]);
    let form3 = hyoka::form::EDITIONS[0];
    let form2 = hyoka::form::newest(hyoka::form::Form::Basic).unwrap();
    let groups = [
        "基本情報.システム",
        "ファイルの概要.委託.委託事項",
        "ファイルの概要.提供・移転.提供先",
        "ファイルの概要.提供・移転.移転先",
    ];
    // The blocks first, as an officer adds and removes them with the page's buttons.
    let want = block_counts(
        &manifest().join("assessments").join(EXAMPLE).join(MAIN),
        &groups,
    );
    for (group, want) in groups.iter().zip(want) {
        loop {
            let have = block_counts(&folder.join(MAIN), &[group])[0];
            let page = open(&server, &edit_url(None));
            let headers = page_headers(&page.origin, &page.token);
            let body = if have < want {
                json!({"op": "add", "group": group})
            } else if have > want {
                let ids = hyoka::edit::form::block_ids(
                    &Source::parse(&std::fs::read(folder.join(MAIN)).unwrap()).unwrap(),
                    &segs(group).unwrap(),
                );
                let html = &page.html;
                let at = html
                    .find(&format!("data-group=\"{}\" data-index=\"0\"", group))
                    .unwrap();
                let base = attribute(html, at, "data-base").unwrap();
                json!({"op": "remove", "group": group, "index": 0, "id": ids[0], "base": base})
            } else {
                break;
            };
            let reply = post(
                &server,
                &format!("/a/{EXAMPLE}/edit/block"),
                &headers,
                &body.to_string(),
            );
            assert_eq!(reply.status, 200, "{group}: {}", reply.text());
        }
    }
    // Then every item, each saved from one load of the page (saves of different items of the
    // same version all land), the 重点項目評価書 and then its 基礎項目評価書.
    for (doc, file, edition) in [(None, MAIN, form3), (Some("kiso"), "kiso.yaml", form2)] {
        let page = open(&server, &edit_url(doc));
        for (path, value) in example_values(file, edition) {
            let steps = resolve(edition, &path).unwrap();
            let item = steps.last().unwrap().item;
            if doc.is_some() && hyoka::load::document::inherited(item) {
                continue;
            }
            let reply = save(&server, &page, doc, &path, value.clone());
            assert_eq!(reply.status, 200, "{path} = {value}: {}", reply.text());
        }
    }
    // The document validates as the example does: W0304 alone.
    let validate = Command::new(env!("CARGO_BIN_EXE_hyoka"))
        .args(["validate", "--message-format", "json"])
        .arg(&folder)
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&validate.stdout);
    assert!(validate.status.success(), "{out}");
    let codes: Vec<&str> = out
        .lines()
        .filter_map(|l| l.split("\"code\":\"").nth(1))
        .map(|c| &c[..5])
        .collect();
    assert_eq!(codes, ["W0304"], "{out}");
    // Every value is the example's (block ids aside: new blocks get readable ones).
    for (file, edition) in [(MAIN, form3), ("kiso.yaml", form2)] {
        let written = Source::parse(&std::fs::read(folder.join(file)).unwrap()).unwrap();
        let mut got = Vec::new();
        fields_in(&written, edition.items, "", &mut got);
        let mut expected = example_values(file, edition);
        if file == "kiso.yaml" {
            expected.retain(|(p, _)| {
                !hyoka::load::document::inherited(resolve(edition, p).unwrap().last().unwrap().item)
            });
            got.retain(|(p, _)| {
                !hyoka::load::document::inherited(resolve(edition, p).unwrap().last().unwrap().item)
            });
        }
        assert_eq!(got, expected, "{file}");
    }
    // The skeleton's comments are all there, in order (but those inside the 移転先 block the
    // officer removed).
    let text = std::fs::read_to_string(folder.join(MAIN)).unwrap();
    let without_block = Source::parse(skeleton.as_bytes())
        .unwrap()
        .remove_item(&segs("ファイルの概要.提供・移転.移転先").unwrap(), 0)
        .unwrap();
    let without_block = String::from_utf8(without_block.bytes()).unwrap();
    assert!(comments(&skeleton).len() > comments(&without_block).len());
    assert!(
        is_subsequence(&comments(&without_block), &comments(&text)),
        "comments lost"
    );
    assert!(is_subsequence(
        &comments(&skeleton_kiso),
        &comments(&std::fs::read_to_string(folder.join("kiso.yaml")).unwrap())
    ));
    // Keep the version, change a ※ item, and record the revision from the review page.
    let page = open(&server, &edit_url(None));
    let headers = page_headers(&page.origin, &page.token);
    let reply = post(&server, &format!("/a/{EXAMPLE}/snapshot"), &headers, "{}");
    assert_eq!(reply.status, 200, "{}", reply.text());
    let answer: Json = serde_json::from_slice(&reply.body).unwrap();
    let stem = answer["stem"].as_str().unwrap().to_string();
    assert_eq!(
        std::fs::read(folder.join("versions").join(format!("{stem}.yaml"))).unwrap(),
        text.as_bytes()
    );
    let reply = save(
        &server,
        &page,
        None,
        "ファイルの概要.基本情報.対象となる本人の範囲",
        json!("高岡市内に居住する者"),
    );
    assert_eq!(reply.status, 200);
    let review = get(&server, &format!("/a/{EXAMPLE}/review?from={stem}")).text();
    let at = review.find("id=\"record\"").expect("the record form");
    let key = attribute(&review, at, "data-key").unwrap();
    let rows = json!({"from": stem, "key": key, "rows": [{"timing": "事前", "explanation": "対象者の範囲の見直し"}]});
    let token = token_of(&review);
    let reply = post(
        &server,
        &format!("/a/{EXAMPLE}/record?from={stem}"),
        &page_headers(&page.origin, &token),
        &rows.to_string(),
    );
    assert_eq!(reply.status, 200, "{}", reply.text());
    let changes = std::fs::read_to_string(folder.join("changes.yaml")).unwrap();
    assert!(
        changes.contains("項目: Ⅱ．２．③対象となる本人の範囲"),
        "{changes}"
    );
    assert!(
        changes.contains("提出時期に係る説明: 対象者の範囲の見直し"),
        "{changes}"
    );
    // Recording again adds nothing; a stale page's rows are refused.
    let again = post(
        &server,
        &format!("/a/{EXAMPLE}/record?from={stem}"),
        &page_headers(&page.origin, &token),
        &rows.to_string(),
    );
    assert_eq!(again.status, 200);
    assert_eq!(
        std::fs::read_to_string(folder.join("changes.yaml")).unwrap(),
        changes
    );
    let stale = json!({"from": stem, "key": "0", "rows": []});
    let reply = post(
        &server,
        &format!("/a/{EXAMPLE}/record?from={stem}"),
        &page_headers(&page.origin, &token),
        &stale.to_string(),
    );
    assert_eq!(reply.status, 409);
    let validate = Command::new(env!("CARGO_BIN_EXE_hyoka"))
        .arg("validate")
        .arg(&folder)
        .output()
        .unwrap();
    assert!(
        validate.status.success(),
        "{}",
        String::from_utf8_lossy(&validate.stdout)
    );
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn the_basic_documents_shared_facts_are_shown_and_edited_where_they_are_written() {
    let root = example_root("editor-kiso");
    let server = start(&root, &[]);
    let page = open(&server, &edit_url(Some("kiso")));
    // 評価実施機関名 is a fact of the 重点項目評価書: shown, linked to its field there, not saved here.
    let at = page
        .html
        .find("data-path=\"表紙.評価実施機関名\"")
        .expect("the field");
    let field = &page.html[at..at + page.html[at..].find("</div>").unwrap()];
    assert!(field.contains("高岡市長"), "{field}");
    let anchor = hyoka::serve::editor::anchor("表紙.評価実施機関名");
    assert!(field.contains(&format!("edit#{anchor}")), "{field}");
    assert!(!field.contains("<input"), "{field}");
    let main = open(&server, &edit_url(None));
    assert!(
        main.html.contains(&format!("id=\"{anchor}\"")),
        "the link's target exists"
    );
    let body = json!({"path": "表紙.評価実施機関名", "ids": [], "base": "absent", "value": "別"});
    let reply = post(
        &server,
        &format!("/a/{EXAMPLE}/edit/save?doc=kiso"),
        &page_headers(&page.origin, &page.token),
        &body.to_string(),
    );
    assert_eq!(reply.status, 403);
    // Its own items are saved into kiso.yaml.
    let kiso = root.join(EXAMPLE).join("kiso.yaml");
    let before = std::fs::read_to_string(&kiso).unwrap();
    let reply = save(
        &server,
        &page,
        Some("kiso"),
        "しきい値判断項目.取扱者数の計数時点",
        json!("令和7年1月10日"),
    );
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert_eq!(
        changed_lines(&before, &std::fs::read_to_string(&kiso).unwrap()),
        (
            vec!["  取扱者数の計数時点: 令和7年1月1日     # assumed".to_string()],
            vec!["  取扱者数の計数時点: 令和7年1月10日     # assumed".to_string()]
        )
    );
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn a_basic_document_published_alone_is_edited_too() {
    let root = temp("editor-form2");
    let init = Command::new(env!("CARGO_BIN_EXE_hyoka"))
        .current_dir(&root)
        .args(["init", EXAMPLE, "--form", "基礎"])
        .output()
        .unwrap();
    assert!(init.status.success());
    let server = start(&root.join("assessments"), &[]);
    let page = open(&server, &edit_url(None));
    assert!(page.html.contains("基礎項目評価書"), "{}", page.html);
    let reply = save(
        &server,
        &page,
        None,
        "表紙.評価実施機関名",
        json!("高岡市長"),
    );
    assert_eq!(reply.status, 200, "{}", reply.text());
    let text = std::fs::read_to_string(root.join("assessments").join(EXAMPLE).join(MAIN)).unwrap();
    assert!(text.contains("  評価実施機関名: 高岡市長\n"), "{text}");
    let _ = std::fs::remove_dir_all(&root);
}

/// The office of the common-text examples: `mihon-yobou-sesshu` (with the library beside it).
fn office_root(tag: &str) -> std::path::PathBuf {
    let root = temp(tag);
    for folder in ["common-texts", "mihon-yobou-sesshu", "mihon-jidou-teate"] {
        copy_dir(
            &manifest().join("assessments").join(folder),
            &root.join(folder),
        );
    }
    root
}

fn office_save(server: &Server, page: &Page, path: &str, value: Json) -> Reply {
    let (ids, base) = page.base(path);
    let body = json!({"path": path, "ids": serde_json::from_str::<Json>(&ids).unwrap(), "base": base, "value": value});
    post(
        server,
        "/a/mihon-yobou-sesshu/edit/save",
        &page_headers(&page.origin, &page.token),
        &body.to_string(),
    )
}

/// The `<div class="field …">` of the item at `path`, up to its diagnostics.
fn field_html<'a>(html: &'a str, path: &str) -> &'a str {
    let at = html
        .find(&format!("data-path=\"{path}\""))
        .unwrap_or_else(|| panic!("no field {path}"));
    let end = html[at..]
        .find("<ul class=\"field-diags\"")
        .expect("the field's end")
        + at;
    &html[at..end]
}

#[test]
fn common_texts_are_shown_offered_used_and_written_back_as_references() {
    let root = office_root("editor-common");
    let file = root.join("mihon-yobou-sesshu").join(MAIN);
    let before = std::fs::read_to_string(&file).unwrap();
    let server = start(&root, &[]);
    let edit = "/a/mihon-yobou-sesshu/edit";
    let page = open(&server, edit);
    // A use shows the entry's name, its text read-only and where it is edited.
    let uses = field_html(&page.html, "開示請求・問合せ.開示請求.請求先");
    assert!(
        uses.contains("data-common=\"見本町の開示請求先\""),
        "{uses}"
    );
    assert!(uses.contains("見本町役場"), "the entry's text: {uses}");
    assert!(uses.contains("<code>common-texts</code>"), "{uses}");
    assert!(!uses.contains("<textarea"), "{uses}");
    // An item written in place offers the text entries.
    let own = field_html(&page.html, "開示請求・問合せ.問合せ.連絡先");
    assert!(own.contains("class=\"offer-common\""), "{own}");
    assert!(
        own.contains("<option value=\"住民福祉課の問合せ先\">"),
        "{own}"
    );
    // A block of the library is shown whole, with its buttons, and no field of its own.
    assert!(page.html.contains("<strong>中間サーバー</strong>"));
    assert!(
        !page
            .html
            .contains("data-path=\"基本情報.システム[2].システムの名称\"")
    );
    assert!(page.html.contains("class=\"add-common-block\""));

    // Writing the text in place, then using the entry again: the file is as it was.
    let path = "開示請求・問合せ.開示請求.請求先";
    let reply = office_save(&server, &page, path, json!("総務課\n電話 000-0000"));
    assert_eq!(reply.status, 200, "{}", reply.text());
    let own_text = std::fs::read_to_string(&file).unwrap();
    assert_eq!(
        changed_lines(&before, &own_text),
        (
            vec!["    請求先: {共通テキスト: 見本町の開示請求先}".to_string()],
            vec![
                "    請求先: |-".to_string(),
                "      総務課".into(),
                "      電話 000-0000".into()
            ]
        )
    );
    let page = open(&server, edit);
    assert!(!field_html(&page.html, path).contains("data-common"));
    let reply = office_save(
        &server,
        &page,
        path,
        json!({"共通テキスト": "見本町の開示請求先"}),
    );
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), before);
    // An unknown name is written as asked and the page says what validation says (E08xx).
    let page = open(&server, edit);
    let reply = office_save(
        &server,
        &page,
        path,
        json!({"共通テキスト": "見本町の開示請求"}),
    );
    assert_eq!(reply.status, 200, "{}", reply.text());
    let answer: Json = serde_json::from_slice(&reply.body).unwrap();
    assert!(
        answer["diagnostics"]["fields"][path]
            .to_string()
            .contains("見本町の開示請求先"),
        "the closest name is offered: {answer}"
    );
    let page = open(&server, edit);
    assert!(field_html(&page.html, path).contains("class=\"problem\""));
    let reply = office_save(
        &server,
        &page,
        path,
        json!({"共通テキスト": "見本町の開示請求先"}),
    );
    assert_eq!(reply.status, 200, "{}", reply.text());

    // A block added from the library: its own readable id and the reference.
    let page = open(&server, edit);
    let body = json!({"op": "add", "group": "基本情報.システム", "common": "中間サーバー"});
    let reply = post(
        &server,
        "/a/mihon-yobou-sesshu/edit/block",
        &page_headers(&page.origin, &page.token),
        &body.to_string(),
    );
    assert_eq!(reply.status, 200, "{}", reply.text());
    let (removed, added) = changed_lines(&before, &std::fs::read_to_string(&file).unwrap());
    assert!(removed.is_empty(), "{removed:?}");
    assert!(
        added.join("\n").contains("- id: システム")
            && added.join("\n").contains("  共通テキスト: 中間サーバー"),
        "{added:?}"
    );

    // Editing the library is seen by the page and the preview (the cache reads it too).
    std::fs::write(&file, &before).unwrap();
    let library = root.join("common-texts").join("見本町.yaml");
    let text = std::fs::read_to_string(&library).unwrap();
    assert!(text.contains("見本町役場"));
    std::fs::write(&library, text.replace("見本町役場", "見本町庁舎")).unwrap();
    let page = open(&server, edit);
    assert!(field_html(&page.html, path).contains("見本町庁舎"));
    let preview = get(&server, "/a/mihon-yobou-sesshu/document.html");
    assert!(
        preview.text().contains("見本町庁舎"),
        "the preview follows the library"
    );
    let _ = std::fs::remove_dir_all(&root);
}

//! The patcher on the example, on a fresh skeleton and on fixtures written the ways officers
//! write (`tests/suite/edit/`: comments everywhere, flow mappings, quoted scalars), with CRLF
//! line endings and a BOM; then a property test: a patch followed by a load gives exactly the
//! intended document, and every byte outside the edited item is unchanged.

use std::collections::BTreeMap;

use serde_json::json;

use super::form::{self, FormOrder, fingerprint, segs};
use super::*;
use crate::diag::Lang;
use crate::form::label::resolve;
use crate::form::{EDITIONS, Edition, Item, Kind};
use crate::load::date::JpDate;
use crate::load::{Document, Role, Tick, Value};

const EXAMPLE: &str = include_str!("../../assessments/takaoka-vaccination/assessment.yaml");
const KISO: &str = include_str!("../../assessments/takaoka-vaccination/kiso.yaml");
const COMMENTS: &str = include_str!("../../tests/suite/edit/comments.yaml");
const FLOW: &str = include_str!("../../tests/suite/edit/flow.yaml");
const QUOTED: &str = include_str!("../../tests/suite/edit/quoted.yaml");

fn form3() -> &'static Edition {
    EDITIONS[0]
}

fn order() -> FormOrder {
    FormOrder::new(form3().items)
}

fn source(text: &str) -> Source {
    Source::parse(text.as_bytes()).unwrap_or_else(|r| panic!("refused: {r:?}"))
}

fn item(edition: &'static Edition, path: &str) -> &'static Item {
    resolve(edition, path)
        .and_then(|steps| steps.last().map(|s| s.item))
        .unwrap_or_else(|| panic!("no item {path}"))
}

/// Writes `value` for the item at the form key path `path` of a 様式３ document.
fn write(text: &str, path: &str, value: serde_json::Value) -> String {
    let src = source(text);
    let out = form::write(
        &src,
        &order(),
        item(form3(), path),
        &segs(path).unwrap(),
        &value,
    )
    .unwrap_or_else(|e| panic!("{path}: {e}"));
    String::from_utf8(out.bytes()).unwrap()
}

/// The lines removed and added between two texts (one changed stretch).
fn changed(old: &str, new: &str) -> (Vec<String>, Vec<String>) {
    let a: Vec<&str> = old.split_inclusive('\n').collect();
    let b: Vec<&str> = new.split_inclusive('\n').collect();
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

fn lines(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| format!("{s}\n")).collect()
}

fn load(text: &str, role: Role) -> Document {
    let (report, doc) =
        crate::load::read_document("x.yaml".into(), text.as_bytes(), &Default::default(), role);
    doc.unwrap_or_else(|| panic!("not loaded: {:?}", report.diagnostics))
}

#[test]
fn saving_what_is_written_changes_nothing() {
    for text in [EXAMPLE, COMMENTS, FLOW, QUOTED] {
        let src = source(text);
        let doc = load(text, Role::Main);
        let items = leaves(form3(), &doc);
        for (path, item) in &items {
            let segs = segs(path).unwrap();
            let value = form::read(&src, item, &segs);
            let out = form::write(&src, &order(), item, &segs, &value).unwrap();
            assert_eq!(out.bytes(), text.as_bytes(), "{path} = {value}");
        }
        assert!(items.len() > 20, "{}", items.len());
    }
}

#[test]
fn a_text_changes_its_own_line_and_keeps_the_comment() {
    let out = write(COMMENTS, "基本情報.事務.事務の名称", json!("新しい事務"));
    assert_eq!(
        changed(COMMENTS, &out),
        (
            lines(&["    事務の名称: テスト事務   # ①"]),
            lines(&["    事務の名称: 新しい事務   # ①"])
        )
    );
    // A value that would not read back plainly is quoted.
    let out = write(COMMENTS, "基本情報.事務.事務の名称", json!("a: b # c"));
    assert!(
        out.contains("    事務の名称: \"a: b # c\"   # ①\n"),
        "{out}"
    );
    // Single quotes stay single.
    let out = write(COMMENTS, "表紙.評価実施機関名", json!("新市長"));
    assert!(out.contains("  評価実施機関名: '新市長'\n"), "{out}");
}

#[test]
fn multi_line_texts_become_literal_blocks_and_blocks_keep_their_header() {
    let out = write(
        COMMENTS,
        "基本情報.事務.事務の名称",
        json!("一行目\n二行目"),
    );
    assert_eq!(
        changed(COMMENTS, &out).1,
        lines(&["    事務の名称: |-   # ①", "      一行目", "      二行目"])
    );
    let out = write(COMMENTS, "表紙.宣言", json!("新しい宣言\r\n\r\n二段落目\n"));
    assert_eq!(
        changed(COMMENTS, &out),
        (
            lines(&["    一行目。", "", "    三行目。"]),
            lines(&["    新しい宣言", "", "    二段落目"])
        )
    );
    assert!(out.contains("  宣言: |-   # 宣言\n"));
    // A folded block becomes literal, so that its line breaks are kept.
    let out = write(COMMENTS, "基本情報.事務.事務の内容", json!("一\n二"));
    assert!(
        out.contains("    事務の内容: |-\n      一\n      二\n"),
        "{out}"
    );
    // A text a block cannot hold exactly is quoted.
    let out = write(COMMENTS, "表紙.宣言", json!(" 先頭に空白\n二行目"));
    assert!(
        out.contains("  宣言: \" 先頭に空白\\n二行目\"   # 宣言\n"),
        "{out}"
    );
    assert!(!out.contains("一行目。"));
}

#[test]
fn clearing_keeps_the_key_and_its_comment() {
    let out = write(COMMENTS, "表紙.公表日", json!(""));
    assert_eq!(
        changed(COMMENTS, &out),
        (
            lines(&["  公表日: 令和7年3月4日   # 公表日"]),
            lines(&["  公表日:   # 公表日"])
        )
    );
    let out = write(COMMENTS, "表紙.宣言", json!(""));
    assert_eq!(
        changed(COMMENTS, &out),
        (
            lines(&["  宣言: |-   # 宣言", "    一行目。", "", "    三行目。"]),
            lines(&["  宣言:   # 宣言"])
        )
    );
}

#[test]
fn an_absent_item_is_inserted_where_the_form_puts_it() {
    let out = write(COMMENTS, "表紙.特記事項", json!("特記"));
    assert_eq!(
        changed(COMMENTS, &out),
        (vec![], lines(&["  特記事項: 特記"]))
    );
    let at = out.find("特記事項: 特記").unwrap();
    assert!(out.find("三行目。").unwrap() < at && at < out.find("評価実施機関名").unwrap());
    // Into a section that is not written: the section is made too, in its place.
    let out = write(COMMENTS, "基本情報.担当部署.部署", json!("健康増進課"));
    assert_eq!(
        changed(COMMENTS, &out).1,
        lines(&["  担当部署:", "    部署: 健康増進課"])
    );
    assert!(out.find("担当部署").unwrap() > out.find("法令上の根拠").unwrap());
    // Into an empty value that holds items.
    let text = COMMENTS.replace(
        "  委託:\n    委託しない: false    # [ ] 委託しない\n",
        "  委託:   # ４．\n",
    );
    let out = write(&text, "リスク対策.委託.委託しない", json!(true));
    assert!(
        out.ends_with("  委託:   # ４．\n    委託しない: true\n"),
        "{out}"
    );
    // Before every written key, when the form puts it first.
    let out = write(COMMENTS, "基本情報.事務.対象人数", json!("1,000人未満"));
    assert!(
        out.contains("    対象人数: 1,000人未満     # ③ empty, with a comment\n"),
        "{out}"
    );
}

#[test]
fn choices_dates_counts_and_flags() {
    let out = write(EXAMPLE, "基本情報.情報連携.実施の有無", json!("実施しない"));
    assert_eq!(
        changed(EXAMPLE, &out),
        (
            lines(&["    実施の有無: 実施する   # ①"]),
            lines(&["    実施の有無: 実施しない   # ①"])
        )
    );
    let out = write(EXAMPLE, "表紙.公表日", json!("2025-04-01"));
    assert_eq!(changed(EXAMPLE, &out).1, lines(&["  公表日: 2025-04-01"]));
    let out = write(EXAMPLE, "ファイルの概要.委託.件数", json!("３"));
    assert!(
        out.contains("    件数: ３                # （ 2 ）件\n"),
        "{out}"
    );
    let out = write(EXAMPLE, "ファイルの概要.委託.件数", json!("3"));
    assert!(
        out.contains("    件数: 3                # （ 2 ）件\n"),
        "{out}"
    );
    let out = write(EXAMPLE, "リスク対策.委託.委託しない", json!(true));
    assert_eq!(
        changed(EXAMPLE, &out).1,
        lines(&["    委託しない: true    # [ ] 委託しない"])
    );
    // A quoted number stays a text.
    let out = write(QUOTED, "表紙.評価書番号", json!("3"));
    assert!(out.contains("  評価書番号: \"3\"\n"), "{out}");
}

#[test]
fn checkbox_sets_are_edited_option_by_option_in_their_own_style() {
    // Only ticked options written: a new one goes in the form's order, an unticked one leaves.
    let path = "ファイルの概要.入手・使用.入手方法";
    let out = write(
        EXAMPLE,
        path,
        json!({"紙": true, "電子メール": true, "情報提供ネットワークシステム": true, "その他": "ＶＲＳ"}),
    );
    assert_eq!(
        changed(EXAMPLE, &out),
        (
            lines(&[
                "      庁内連携システム: true",
                "      情報提供ネットワークシステム: true",
                "      その他: ワクチン接種記録システム（ＶＲＳ）"
            ]),
            lines(&[
                "      電子メール: true",
                "      情報提供ネットワークシステム: true",
                "      その他: ＶＲＳ"
            ])
        )
    );
    // The skeleton's style: every option written, unticked ones `false`.
    let skeleton = crate::skeleton::assessment(form3(), "s.json", Lang::Ja);
    let out = write(
        &skeleton,
        "基本情報.システム[1].他のシステムとの接続",
        json!({"税務システム": true, "その他": "中間サーバー"}),
    );
    assert_eq!(
        changed(&skeleton, &out),
        (
            lines(&[
                "        税務システム: false",
                "        その他: false  # （　）内の文字列を書くとチェック"
            ]),
            lines(&[
                "        税務システム: true",
                "        その他: 中間サーバー  # （　）内の文字列を書くとチェック"
            ])
        )
    );
    let back = write(&out, "基本情報.システム[1].他のシステムとの接続", json!({}));
    assert_eq!(back, skeleton);
    // Flow style stays flow; `{}` becomes a block.
    let out = write(
        FLOW,
        "ファイルの概要.入手・使用.入手元",
        json!({"本人又は本人の代理人": true, "民間事業者": "委託先", "その他": "a, b"}),
    );
    assert!(
        out.contains(
            "    入手元: {本人又は本人の代理人: true, 民間事業者: 委託先, その他: \"a, b\"}\n"
        ),
        "{out}"
    );
    let out = write(
        FLOW,
        "ファイルの概要.入手・使用.入手方法",
        json!({"紙": true}),
    );
    assert!(
        out.contains("    入手方法:\n      紙: true\n  提供・移転:"),
        "{out}"
    );
    let out = write(
        FLOW,
        "ファイルの概要.提供・移転.提供・移転の有無",
        json!({"提供を行っている": "6", "移転を行っている": "1"}),
    );
    assert!(
        out.contains("    提供・移転の有無: {提供を行っている: 6, 移転を行っている: 1}\n"),
        "{out}"
    );
    let out = write(FLOW, "リスク対策.監査.実施の有無", json!({}));
    assert!(out.contains("    実施の有無: {}\n"), "{out}");
    // A count as the form prints it.
    let out = write(
        EXAMPLE,
        "ファイルの概要.提供・移転.提供・移転の有無",
        json!({"提供を行っている": "4"}),
    );
    assert_eq!(
        changed(EXAMPLE, &out).1,
        lines(&["    提供・移転の有無: {提供を行っている: 4}"])
    );
}

#[test]
fn blocks_are_added_removed_and_moved_with_their_comments() {
    let src = source(COMMENTS);
    let systems = segs("基本情報.システム").unwrap();
    let Kind::Group(group) = item(form3(), "基本情報.システム").kind else {
        panic!()
    };
    let (added, id) = form::add_block(&src, &order(), group, &systems, usize::MAX).unwrap();
    assert_eq!(id, "システム3");
    let added = String::from_utf8(added.bytes()).unwrap();
    assert_eq!(
        changed(COMMENTS, &added).1,
        lines(&[
            "    - id: システム3",
            "      システムの名称:",
            "      システムの機能:",
            "      他のシステムとの接続:"
        ])
    );
    let removed = String::from_utf8(src.remove_item(&systems, 0).unwrap().bytes()).unwrap();
    assert_eq!(
        changed(COMMENTS, &removed).0,
        lines(&[
            "    # the first system",
            "    - id: sys-a",
            "      システムの名称: Aシステム",
            "      システムの機能: |",
            "        機能一",
            "        機能二",
            "      他のシステムとの接続:",
            "        庁内連携システム: true   # ticked",
            "        その他: 中間サーバー"
        ])
    );
    let moved = String::from_utf8(src.move_item(&systems, 1, 0).unwrap().bytes()).unwrap();
    assert!(moved.contains("  システム:\n    # the second system\n    - id: sys-b\n      システムの名称: Bシステム\n      システムの機能: 一行\n    # the first system\n    - id: sys-a\n"), "{moved}");
    assert!(
        moved.contains("        その他: 中間サーバー\n\n  個人番号の利用:"),
        "{moved}"
    );
    let back = source(&moved).move_item(&systems, 0, 1).unwrap();
    assert_eq!(back.bytes(), COMMENTS.as_bytes());
    // Into `[]`, and in a flow list.
    let providers = segs("ファイルの概要.提供・移転.提供先").unwrap();
    let Kind::Group(group) = item(form3(), "ファイルの概要.提供・移転.提供先").kind
    else {
        panic!()
    };
    let (out, _) = form::add_block(&src, &order(), group, &providers, 0).unwrap();
    let out = String::from_utf8(out.bytes()).unwrap();
    assert!(
        out.contains("    提供先:\n      - id: 提供先1\n        名称:\n"),
        "{out}"
    );
    let flow = source(FLOW);
    let out = String::from_utf8(flow.remove_item(&providers, 0).unwrap().bytes()).unwrap();
    assert!(
        out.contains("    提供先: [{id: p2, 名称: 知事}]\n"),
        "{out}"
    );
    // The last block removed leaves an empty group.
    let one = source(&removed).remove_item(&systems, 0).unwrap();
    let doc = load(&String::from_utf8(one.bytes()).unwrap(), Role::Main);
    assert!(doc.root.blocks("基本情報.システム").is_empty());
}

#[test]
fn line_endings_and_a_bom_are_kept() {
    let crlf = COMMENTS.replace('\n', "\r\n");
    let out = write(&crlf, "表紙.宣言", json!("一\n二"));
    assert!(
        out.contains("  宣言: |-   # 宣言\r\n    一\r\n    二\r\n"),
        "{out:?}"
    );
    assert_eq!(out.matches('\n').count(), out.matches("\r\n").count());
    let out = write(&crlf, "表紙.特記事項", json!("a\nb"));
    assert_eq!(out.matches('\n').count(), out.matches("\r\n").count());
    let bom = format!("\u{feff}{COMMENTS}");
    let out = write(&bom, "表紙.評価書名", json!("別名"));
    assert!(out.starts_with('\u{feff}'));
    assert_eq!(changed(&bom, &out).1, lines(&["  評価書名: 別名"]));
}

#[test]
fn files_that_are_not_plain_yaml_are_refused_with_the_place() {
    match Source::parse("表紙:\n\t評価書番号: 1\n".as_bytes()) {
        Err(Refusal::Tab(2)) => {}
        other => panic!("{other:?}"),
    }
    let refused = Source::parse("表紙:\n  評価書名: [\n".as_bytes()).unwrap_err();
    assert!(
        matches!(refused, Refusal::Syntax(_)) && refused.place().is_some(),
        "{refused:?}"
    );
    assert!(matches!(
        Source::parse("a: 1\na: 2\n".as_bytes()),
        Err(Refusal::Syntax(_))
    ));
    // A file of comments only can be written into.
    let empty = source("# 空\n");
    let out = empty
        .set(
            &segs("表紙.評価書名").unwrap(),
            &Yaml::Str("x".into()),
            &order(),
        )
        .unwrap();
    assert_eq!(out.text(), "# 空\n表紙:\n  評価書名: x\n");
}

#[test]
fn a_value_inside_a_nested_flow_collection_is_not_edited() {
    let src = source("a: {b: {c: 1}}\n");
    let err = src
        .set(
            &[Seg::key("a"), Seg::key("b"), Seg::key("c")],
            &Yaml::Plain("2".into()),
            &Append,
        )
        .unwrap_err();
    assert!(matches!(err, EditError::Unsupported(_)), "{err}");
}

#[test]
fn fingerprints_follow_the_items_text_only() {
    let src = source(EXAMPLE);
    let name = segs("基本情報.事務.事務の名称").unwrap();
    let before = fingerprint(&src, &name);
    let other = write(EXAMPLE, "表紙.評価書名", json!("別"));
    assert_eq!(fingerprint(&source(&other), &name), before);
    let same_item = write(EXAMPLE, "基本情報.事務.事務の名称", json!("別"));
    assert_ne!(fingerprint(&source(&same_item), &name), before);
    assert_eq!(fingerprint(&src, &segs("表紙.無い").unwrap()), "absent");
}

// ----- the property test -----

/// xorshift64*: a fixed sequence, so a failure is reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const PIECES: &[&str] = &[
    "高岡市",
    "予防接種",
    "a",
    "Z",
    " ",
    "　",
    "\n",
    "\n\n",
    ":",
    ": ",
    "#",
    " #",
    "'",
    "\"",
    "\\",
    "- ",
    "|",
    ">",
    "{",
    "}",
    "[",
    "]",
    ",",
    "&",
    "*",
    "!",
    "%",
    "@",
    "`",
    "true",
    "null",
    "~",
    "12",
    "1.5",
    "\t",
    "ｘ",
    "①",
    "---",
    "...",
    "\r\n",
    "?",
    "<b>",
];

fn random_text(rng: &mut Rng) -> String {
    (0..rng.below(7))
        .map(|_| PIECES[rng.below(PIECES.len())])
        .collect()
}

/// A value for an item, of the right kind, and what it must load as (`None`: empty).
fn random_value(rng: &mut Rng, item: &Item) -> (serde_json::Value, Option<Value>) {
    let text = |v: &str| {
        let n = form::normalise(v);
        (!n.trim().is_empty()).then_some(Value::Text(n))
    };
    match item.kind {
        Kind::Text | Kind::Lines => {
            let t = random_text(rng);
            let want = text(&t);
            (json!(t), want)
        }
        Kind::Choice(list) => {
            let i = rng.below(list.options.len() + 1);
            match list.options.get(i) {
                Some(o) => (json!(o), Some(Value::Choice(i))),
                None => (json!(""), None),
            }
        }
        Kind::Date { .. } => {
            let t = [
                "令和7年3月4日",
                "2025-03-04",
                "R7.3.4",
                "",
                "令和元年5月1日",
            ][rng.below(5)];
            let want = (!t.is_empty()).then(|| Value::Date(JpDate::parse(t, false).unwrap()));
            (json!(t), want)
        }
        Kind::Count => {
            let n = rng.below(30);
            (json!(n.to_string()), Some(Value::Count(n as u32)))
        }
        Kind::Flag => {
            let on = rng.below(2) == 1;
            (json!(on), on.then_some(Value::Flag(true)))
        }
        Kind::Checks(options) => {
            let mut object = serde_json::Map::new();
            let mut ticks = Vec::new();
            for (i, o) in options.iter().enumerate() {
                if rng.below(3) != 0 {
                    continue;
                }
                let (shown, tick) = match o.extra {
                    crate::form::Extra::None => (
                        json!(true),
                        Tick {
                            option: i,
                            text: None,
                            count: None,
                        },
                    ),
                    crate::form::Extra::Text => {
                        let t =
                            format!("その他{}", ["", ", 注", ": x", " #1", "'q'"][rng.below(5)]);
                        (
                            json!(t.clone()),
                            Tick {
                                option: i,
                                text: Some(t),
                                count: None,
                            },
                        )
                    }
                    crate::form::Extra::Count => {
                        let n = rng.below(9) as u32;
                        (
                            json!(n.to_string()),
                            Tick {
                                option: i,
                                text: None,
                                count: Some(n),
                            },
                        )
                    }
                };
                object.insert(o.label.to_string(), shown);
                ticks.push(tick);
            }
            let want = (!ticks.is_empty()).then_some(Value::Checks(ticks));
            (serde_json::Value::Object(object), want)
        }
        Kind::Section(_) | Kind::Group(_) => unreachable!(),
    }
}

/// Every filled value of a document by key path (blocks by position, with their ids).
fn flatten(doc: &Document) -> BTreeMap<String, Value> {
    fn go(record: &crate::load::Record, prefix: &str, out: &mut BTreeMap<String, Value>) {
        for entry in &record.entries {
            let path = if prefix.is_empty() {
                entry.item.key.to_string()
            } else {
                format!("{prefix}.{}", entry.item.key)
            };
            match &entry.value {
                Value::Section(inner) => go(inner, &path, out),
                Value::Group(blocks) => {
                    for (i, block) in blocks.iter().enumerate() {
                        let at = format!("{path}[{}]", i + 1);
                        out.insert(
                            format!("{at}.id"),
                            Value::Text(block.id.clone().unwrap_or_default()),
                        );
                        go(&block.record, &at, out);
                    }
                }
                v if v.is_empty() => {}
                v => {
                    out.insert(path, v.clone());
                }
            }
        }
    }
    let mut out = BTreeMap::new();
    go(&doc.root, "", &mut out);
    out
}

/// The leaf items of a document as written, with their key paths (blocks by position).
fn leaves(edition: &'static Edition, doc: &Document) -> Vec<(String, &'static Item)> {
    fn go(
        items: &'static [Item],
        record: Option<&crate::load::Record>,
        prefix: &str,
        out: &mut Vec<(String, &'static Item)>,
    ) {
        for item in items {
            let path = if prefix.is_empty() {
                item.key.to_string()
            } else {
                format!("{prefix}.{}", item.key)
            };
            let entry = record.and_then(|r| r.get(item.key));
            match item.kind {
                Kind::Section(children) => {
                    let inner = match entry.map(|e| &e.value) {
                        Some(Value::Section(r)) => Some(r),
                        _ => None,
                    };
                    go(children, inner, &path, out);
                }
                Kind::Group(group) => {
                    if let Some(Value::Group(blocks)) = entry.map(|e| &e.value) {
                        for (i, b) in blocks.iter().enumerate() {
                            go(
                                group.items,
                                Some(&b.record),
                                &format!("{path}[{}]", i + 1),
                                out,
                            );
                        }
                    }
                }
                _ => out.push((path, item)),
            }
        }
    }
    let mut out = Vec::new();
    go(edition.items, Some(&doc.root), "", &mut out);
    out
}

/// The lines of an item as written: from its key's line to the end of its value's last line.
fn written_lines(src: &Source, path: &[Seg]) -> Option<(usize, usize)> {
    let (last, parents) = path.split_last()?;
    let (key, _) = super::source::child(src.get(parents)?, last)?;
    let first = src.line_start(src.byte(key?.span.start));
    let (_, end) = src.region_at(path)?.range();
    Some((first, src.next_line(src.line_end(end))))
}

fn property(text: &str, edition: &'static Edition, role: Role, rounds: usize, seed: u64) {
    let mut rng = Rng(seed);
    let order = FormOrder::new(edition.items);
    let doc = load(text, role);
    let items = leaves(edition, &doc);
    let src = source(text);
    let before = flatten(&doc);
    let mut edited = 0;
    for _ in 0..rounds {
        let (path, item) = &items[rng.below(items.len())];
        if role == Role::Companion && crate::load::document::inherited(item) {
            continue;
        }
        let (value, want) = random_value(&mut rng, item);
        let segs = segs(path).unwrap();
        // The source's offsets do not count a BOM; the file's bytes do.
        let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
        let place = written_lines(&src, &segs).map(|(a, b)| (a + bom, b + bom));
        let out = match form::write(&src, &order, item, &segs, &value) {
            Ok(out) => out,
            // Inside a flow collection of a block (`提供先: [{…}]`): left to a text editor.
            Err(EditError::Unsupported(_)) => continue,
            Err(e) => panic!("{path} = {value}: {e}"),
        };
        let new_text = String::from_utf8(out.bytes()).unwrap();
        let new_doc = load(&new_text, role);
        let mut expected = before.clone();
        match &want {
            Some(v) => {
                expected.insert(path.clone(), v.clone());
            }
            None => {
                expected.remove(path);
            }
        }
        assert_eq!(flatten(&new_doc), expected, "{path} = {value}\n{new_text}");
        // Every byte outside the item's lines is as it was.
        let (old, new) = (text.as_bytes(), new_text.as_bytes());
        match place {
            Some((first, last)) => assert!(
                new.len() >= first + old.len() - last
                    && new.starts_with(&old[..first])
                    && new.ends_with(&old[last..]),
                "{path} = {value}: bytes changed outside {first}..{last}\n{new_text}"
            ),
            // An absent item is inserted: the old text is the new one without the insertion.
            None => {
                let k = old.iter().zip(new).take_while(|(a, b)| a == b).count();
                let delta = new.len() - old.len();
                assert_eq!(
                    &new[k + delta..],
                    &old[k..],
                    "{path}: more than an insertion"
                );
            }
        }
        edited += 1;
    }
    assert!(edited > rounds / 2, "only {edited} edits");
}

#[test]
fn property_a_patch_then_a_load_gives_the_intended_document_on_the_example() {
    property(EXAMPLE, form3(), Role::Main, 160, 0x9e37_79b9_7f4a_7c15);
    property(&EXAMPLE.replace('\n', "\r\n"), form3(), Role::Main, 60, 7);
}

#[test]
fn property_on_a_fresh_skeleton_and_the_fixtures() {
    let skeleton = crate::skeleton::assessment(form3(), "s.json", Lang::Ja);
    property(&skeleton, form3(), Role::Main, 200, 42);
    property(COMMENTS, form3(), Role::Main, 300, 3);
    property(FLOW, form3(), Role::Main, 200, 5);
    property(QUOTED, form3(), Role::Main, 100, 11);
    property(&format!("\u{feff}{COMMENTS}"), form3(), Role::Main, 100, 13);
    let kiso = crate::form::newest(crate::form::Form::Basic).unwrap();
    property(KISO, kiso, Role::Companion, 150, 17);
}

#[test]
fn property_absent_items_are_inserted_exactly() {
    // Every item of a section removed from the example is written again, one at a time, in
    // random order: the file ends holding them all, each where the form puts it.
    let mut rng = Rng(99);
    let text = EXAMPLE.replace(
        "  担当部署:              # ６．評価実施機関における担当部署\n    部署: 福祉保健部　健康増進課   # ①\n    所属長の役職名: 健康増進課長   # ②\n",
        "",
    );
    let mut src = source(&text);
    let mut keys = vec!["所属長の役職名", "部署"];
    if rng.below(2) == 1 {
        keys.reverse();
    }
    for key in keys {
        let path = format!("基本情報.担当部署.{key}");
        src = form::write(
            &src,
            &order(),
            item(form3(), &path),
            &segs(&path).unwrap(),
            &json!("値"),
        )
        .unwrap();
    }
    let out = String::from_utf8(src.bytes()).unwrap();
    assert_eq!(
        changed(&text, &out).1,
        lines(&["  担当部署:", "    部署: 値", "    所属長の役職名: 値"])
    );
}

/// The blocks of the group at `group` in a flattened document, each as its entries below the
/// block (`id`, `名称` …), and the document without them.
fn split_blocks(
    flat: &BTreeMap<String, Value>,
    group: &str,
) -> (Vec<BTreeMap<String, Value>>, BTreeMap<String, Value>) {
    let mut blocks: Vec<BTreeMap<String, Value>> = Vec::new();
    let mut rest = BTreeMap::new();
    for (k, v) in flat {
        let inside = k
            .strip_prefix(group)
            .and_then(|t| t.strip_prefix('['))
            .and_then(|t| {
                let (n, tail) = t.split_once("].")?;
                Some((n.parse::<usize>().ok()?, tail.to_string()))
            });
        match inside {
            Some((n, tail)) => {
                while blocks.len() < n {
                    blocks.push(BTreeMap::new());
                }
                blocks[n - 1].insert(tail, v.clone());
            }
            None => {
                rest.insert(k.clone(), v.clone());
            }
        }
    }
    (blocks, rest)
}

fn join_blocks(
    mut rest: BTreeMap<String, Value>,
    group: &str,
    blocks: &[BTreeMap<String, Value>],
) -> BTreeMap<String, Value> {
    for (i, block) in blocks.iter().enumerate() {
        for (k, v) in block {
            rest.insert(format!("{group}[{}].{k}", i + 1), v.clone());
        }
    }
    rest
}

fn block_property(text: &str, rounds: usize, seed: u64) {
    let mut rng = Rng(seed);
    let groups = [
        "基本情報.システム",
        "ファイルの概要.委託.委託事項",
        "ファイルの概要.提供・移転.提供先",
        "ファイルの概要.提供・移転.移転先",
    ];
    let mut text = text.to_string();
    for _ in 0..rounds {
        let group = groups[rng.below(groups.len())];
        let Kind::Group(def) = item(form3(), group).kind else {
            panic!()
        };
        let src = source(&text);
        let path = segs(group).unwrap();
        let (mut blocks, rest) = split_blocks(&flatten(&load(&text, Role::Main)), group);
        let n = blocks.len();
        let op = rng.below(3);
        let out = match op {
            0 if n < 6 => {
                let at = rng.below(n + 1);
                let (out, id) = form::add_block(&src, &order(), def, &path, at).unwrap();
                blocks.insert(at, BTreeMap::from([("id".to_string(), Value::Text(id))]));
                out
            }
            1 if n > 0 => {
                let i = rng.below(n);
                blocks.remove(i);
                src.remove_item(&path, i).unwrap()
            }
            _ if n > 1 => {
                let (from, to) = (rng.below(n), rng.below(n));
                let moved = blocks.remove(from);
                blocks.insert(to, moved);
                src.move_item(&path, from, to).unwrap()
            }
            _ => continue,
        };
        let new_text = String::from_utf8(out.bytes()).unwrap();
        assert_eq!(
            flatten(&load(&new_text, Role::Main)),
            join_blocks(rest, group, &blocks),
            "{group}\n{new_text}"
        );
        // Adding or moving a block keeps every comment (removing one takes its own away).
        let comments = |t: &str| {
            let mut c: Vec<&str> = t
                .lines()
                .filter(|l| l.trim_start().starts_with('#'))
                .collect();
            c.sort();
            c.join("\n")
        };
        if op != 1 {
            assert_eq!(comments(&new_text), comments(&text), "comments lost");
        }
        text = new_text;
    }
}

#[test]
fn property_blocks_added_removed_and_moved_load_as_intended() {
    block_property(EXAMPLE, 60, 23);
    let skeleton = crate::skeleton::assessment(form3(), "s.json", Lang::Ja);
    block_property(&skeleton, 60, 29);
    block_property(COMMENTS, 40, 31);
}

/// Each kind of item is inserted where the form puts it when absent, set in place, and
/// cleared keeping its key, each time loading as intended.
#[test]
fn each_kind_is_inserted_set_and_cleared() {
    // (item, first value, second value, lines the first inserts, lines the second sets)
    type Case<'a> = (
        &'a str,
        serde_json::Value,
        serde_json::Value,
        &'a [&'a str],
        &'a [&'a str],
    );
    let cases: &[Case] = &[
        (
            "基本情報.担当部署.部署",
            json!("健康増進課"),
            json!("保健所"),
            &["  担当部署:", "    部署: 健康増進課"],
            &["    部署: 保健所"],
        ),
        (
            "表紙.特記事項",
            json!("一行目\n二行目"),
            json!("一行目だけ"),
            &["  特記事項: |-", "    一行目", "    二行目"],
            &["    一行目だけ"],
        ),
        (
            "ファイルの概要.基本情報.記録される項目",
            json!("10項目未満"),
            json!("100項目以上"),
            &["  基本情報:", "    記録される項目: 10項目未満"],
            &["    記録される項目: 100項目以上"],
        ),
        (
            "ファイルの概要.入手・使用.入手方法",
            json!({"紙": true, "その他": "窓口"}),
            json!({"紙": true}),
            &[
                "  入手・使用:",
                "    入手方法:",
                "      紙: true",
                "      その他: 窓口",
            ],
            &[],
        ),
        (
            "リスク対策.提供・移転.提供・移転しない",
            json!(true),
            json!(false),
            &["  提供・移転:", "    提供・移転しない: true"],
            &["    提供・移転しない: false"],
        ),
        (
            "評価実施手続.基礎項目評価.実施日",
            json!("令和7年1月24日"),
            json!("2025-01-31"),
            &[
                "評価実施手続:",
                "  基礎項目評価:",
                "    実施日: 令和7年1月24日",
            ],
            &["    実施日: 2025-01-31"],
        ),
        (
            "ファイルの概要.委託.件数",
            json!("3"),
            json!("４"),
            &[],
            &["    件数: ４"],
        ),
    ];
    let read_back = |text: &str, path: &str| {
        let src = source(text);
        form::read(&src, item(form3(), path), &segs(path).unwrap())
    };
    for (path, first, second, inserted, set) in cases {
        // Insert (or, for 件数, set what is written).
        let one = write(COMMENTS, path, first.clone());
        if !inserted.is_empty() {
            assert_eq!(changed(COMMENTS, &one), (vec![], lines(inserted)), "{path}");
        }
        assert_eq!(read_back(&one, path), *first, "{path}");
        load(&one, Role::Main);
        // Set another value: only the item's own lines change.
        let two = write(&one, path, second.clone());
        if !set.is_empty() {
            assert_eq!(changed(&one, &two).1, lines(set), "{path}");
        }
        let expected = match second {
            serde_json::Value::Bool(false) => json!(false),
            v => v.clone(),
        };
        assert_eq!(read_back(&two, path), expected, "{path}");
        // Clear: the key stays, empty.
        let empty = match item(form3(), path).kind {
            Kind::Checks(_) => json!({}),
            Kind::Flag => json!(false),
            _ => json!(""),
        };
        let three = write(&two, path, empty.clone());
        assert_eq!(read_back(&three, path), empty, "{path}");
        let key = path.rsplit('.').next().unwrap();
        assert!(
            three
                .lines()
                .any(|l| l.trim_start().starts_with(&format!("{key}:"))),
            "{path}: key gone\n{three}"
        );
        let doc = load(&three, Role::Main);
        assert!(
            !flatten(&doc).contains_key(*path),
            "{path} still holds a value"
        );
    }
}

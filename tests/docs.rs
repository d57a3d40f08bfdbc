//! `docs/form2-labels.md`: every label, question, note and ＜選択肢＞ of 様式２ with its
//! provenance, generated from the form table so that the page an officer checks against the
//! commission's template is the table hyoka uses. Regenerate it after correcting a label with
//! `HYOKA_BLESS=1 cargo test --test docs`.

use std::path::Path;

use hyoka::form::label::{Step, full_label};
use hyoka::form::{self, Form, Kind, Provenance};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Escapes a cell of a Markdown table.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', "<br>")
}

fn tag(provenance: Provenance) -> &'static str {
    match provenance {
        Provenance::Printed => "[3] 様式３と同じ文言",
        Provenance::Published => "[P] 旧版の様式２で確認",
        Provenance::Reconstructed => "**[R] 推定・要確認**",
    }
}

fn page() -> String {
    let edition = form::newest(Form::Basic).expect("様式２");
    let mut out = format!(
        "# 様式２（基礎項目評価書）の項目名と＜選択肢＞: 由来の一覧\n\n\
         hyoka は {} {} の原本（白紙の様式・記載要領）を入手できていません。項目名と＜選択肢＞は、\
         高岡市の重点項目評価書（様式３）に同じ文言で印字されているもの [3]、旧版（平成26年4月・平成28年1月・\
         平成29年5月）の公表済み基礎項目評価書で確認したもの [P]、一般的な知識から復元したもの [R] に分かれます。\
         **[R] の文言は、提出前に個人情報保護委員会の様式と照合してください。**\n\n\
         A list of 様式２'s labels and choices with their provenance ([3] printed alike in the reference's\n\
         様式３, [P] seen in older published editions, [R] reconstructed: check before submission).\n\n\
         文言が様式と違っていたら、`src/form/form2_r06_10.rs`（＜選択肢＞は `src/form/choices.rs`）の\
         その文字列を1か所直し、`HYOKA_BLESS=1 cargo test --test docs` でこのページを作り直します。\
         様式３と同じ文言 [3] は `src/form/words.rs` にあり、両方の様式に効きます。\n\n\
         このページは `tests/docs.rs` が様式の定義から生成します（手で編集しないでください）。\n",
        edition.title, edition.tag
    );
    out.push_str(&format!(
        "\n## 表題と版\n\n| 文言 | 由来 |\n|---|---|\n| {} | {} |\n| {} | {} |\n",
        cell(edition.title),
        tag(Provenance::Published),
        cell(edition.tag),
        tag(edition.provenance),
    ));
    out.push_str(
        "\n## 項目\n\n印字順。「問い」は項目名とともに印字される質問、「注記」は値の下に印字される文です。\n\n\
         | 項目（変更箇所・エラーでの表記） | 印字される項目名 | 問い・注記 | 由来 |\n|---|---|---|---|\n",
    );
    let mut lists: Vec<(String, &'static form::ChoiceList)> = Vec::new();
    form::walk(edition, |path| {
        let item = path[path.len() - 1];
        let steps: Vec<Step> = path
            .iter()
            .map(|&item| Step { item, index: None })
            .collect();
        let extra = [item.prompt, item.note]
            .iter()
            .filter(|t| !t.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join("\n");
        out.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            cell(&full_label(&steps)),
            cell(item.label),
            cell(&extra),
            tag(item.provenance)
        ));
        match item.kind {
            Kind::Choice(list) if !lists.iter().any(|(_, l)| std::ptr::eq(*l, list)) => {
                lists.push((full_label(&steps), list));
            }
            _ => {}
        }
    });
    out.push_str("\n## ＜選択肢＞\n\n同じ＜選択肢＞を使う項目は最初の項目にだけ示します。\n");
    for (label, list) in lists {
        out.push_str(&format!(
            "\n### {}\n\n| 選択肢 | 由来 |\n|---|---|\n",
            cell(&label)
        ));
        for i in 0..list.options.len() {
            out.push_str(&format!(
                "| {} | {} |\n",
                cell(&list.numbered(i)),
                tag(list.provenance(i))
            ));
        }
    }
    out
}

#[test]
fn docs_form2_labels_md_lists_every_label_with_its_provenance() {
    let path = root().join("docs/form2-labels.md");
    let want = page();
    if std::env::var_os("HYOKA_BLESS").is_some() {
        std::fs::write(&path, &want).unwrap();
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "docs/form2-labels.md is stale: run `HYOKA_BLESS=1 cargo test --test docs`"
    );
    // Every reconstructed label is there, marked.
    let edition = form::newest(Form::Basic).unwrap();
    let mut reconstructed = 0;
    form::walk(edition, |path| {
        let item = path[path.len() - 1];
        if item.provenance == Provenance::Reconstructed {
            reconstructed += 1;
            assert!(want.contains(item.label), "{}", item.label);
        }
    });
    assert!(reconstructed > 10, "{reconstructed}");
    assert!(want.matches("[R] 推定・要確認").count() > reconstructed);
}

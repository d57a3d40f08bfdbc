//! The preview pages' own words, in both languages, in one place.
//!
//! Only the pages' chrome is here: diagnostics bring their texts from `diag::codes`, item
//! labels and change-table columns come from the form, so nothing the form or a code says is
//! typed twice.

use serde::Serialize;

use crate::diag::Lang;

/// Every fixed text of the pages, handed to the templates as `t`.
#[derive(Debug, Serialize)]
pub struct Texts {
    /// The `lang` attribute of the pages.
    pub lang: &'static str,
    /// The product line in every page's header.
    pub app: &'static str,
    /// Link back to the list.
    pub all_assessments: &'static str,
    /// The label of the tabs of an assessment's documents.
    pub documents: &'static str,
    /// Tab names.
    pub preview: &'static str,
    /// Tab names.
    pub review: &'static str,
    /// Under the header: the pages follow the files.
    pub live: &'static str,
    /// The index's column headings.
    pub folder: &'static str,
    /// The index's column headings.
    pub title: &'static str,
    /// The index's column headings and the severity of an error.
    pub errors: &'static str,
    /// The index's column headings and the severity of a warning.
    pub warnings: &'static str,
    /// The index's column headings.
    pub open: &'static str,
    /// The index's caption, before ROOT.
    pub under_root: &'static str,
    /// An empty ROOT.
    pub none_found: &'static str,
    /// A folder whose files cannot be read.
    pub unreadable: &'static str,
    /// The diagnostics' heading.
    pub diagnostics: &'static str,
    /// No diagnostics.
    pub clean: &'static str,
    /// Severity words, as the terminal prints them.
    pub error: &'static str,
    /// Severity words.
    pub warning: &'static str,
    /// The diagnostic's parts: item, help, related place.
    pub item: &'static str,
    /// The diagnostic's parts.
    pub help: &'static str,
    /// The diagnostic's parts.
    pub related: &'static str,
    /// The document's heading.
    pub document: &'static str,
    /// The document shown is the last one that rendered.
    pub stale: &'static str,
    /// No document can be shown.
    pub no_document: &'static str,
    /// The PDF link.
    pub pdf: &'static str,
    /// The PDF link when the document is out of date.
    pub pdf_stale: &'static str,
    /// The review's snapshot picker.
    pub compare_with: &'static str,
    /// The picker's button.
    pub show: &'static str,
    /// No snapshot yet, and how to make one.
    pub no_snapshots: &'static str,
    /// The review's table column of redlines.
    pub redline: &'static str,
    /// The redline edition's heading.
    pub redline_edition: &'static str,
    /// No change since the snapshot.
    pub no_changes: &'static str,
    /// The current document has errors.
    pub current_invalid: &'static str,
    /// The snapshot has errors.
    pub snapshot_invalid: &'static str,
    /// How the 提出時期 was chosen.
    pub timing_note: &'static str,
    /// A row whose change `changes.yaml` records already.
    pub recorded: &'static str,
    /// A 提出時期 that hyoka proposes (not recorded yet).
    pub proposed: &'static str,
    /// Before the proposal, when a recorded 提出時期 differs from it.
    pub proposal_was: &'static str,
    /// The fold that holds why the 提出時期 is proposed.
    pub basis: &'static str,
    /// Tab name of the editing page.
    pub edit: &'static str,
    /// Under the editing page's title: how it saves.
    pub edit_intro: &'static str,
    /// The button that saves every changed item.
    pub save_all: &'static str,
    /// Nothing to save.
    pub nothing_to_save: &'static str,
    /// A save in progress.
    pub saving: &'static str,
    /// A save done.
    pub saved: &'static str,
    /// A field changed and not saved yet.
    pub unsaved: &'static str,
    /// A save that failed (the reason follows).
    pub save_failed: &'static str,
    /// A save refused because the file changed at the item.
    pub conflict: &'static str,
    /// The conflict view's columns.
    pub conflict_disk: &'static str,
    /// The conflict view's columns.
    pub conflict_page: &'static str,
    /// The conflict view's buttons.
    pub use_disk: &'static str,
    /// The conflict view's buttons.
    pub use_page: &'static str,
    /// A block that moved or went away in the file.
    pub block_gone: &'static str,
    /// A block changed in the file since the page was opened.
    pub block_changed: &'static str,
    /// The file changed outside the page.
    pub file_changed: &'static str,
    /// The reload button.
    pub reload: &'static str,
    /// Block buttons.
    pub remove_block: &'static str,
    /// Block buttons.
    pub move_up: &'static str,
    /// Block buttons.
    pub move_down: &'static str,
    /// Asked before a block is removed.
    pub confirm_remove: &'static str,
    /// Before a block's id.
    pub block_id: &'static str,
    /// A group without blocks.
    pub no_blocks: &'static str,
    /// A group not written as a list.
    pub not_a_list: &'static str,
    /// The empty choice.
    pub not_chosen: &'static str,
    /// A written value that is not a choice.
    pub not_a_choice: &'static str,
    /// Before the examples of a date.
    pub for_example: &'static str,
    /// Between listed values.
    pub list_separator: &'static str,
    /// How a count is written.
    pub count_hint: &'static str,
    /// After an option's label: its text input.
    pub text_of: &'static str,
    /// After an option's label: its count input.
    pub count_of: &'static str,
    /// A ticked single checkbox, shown read-only.
    pub ticked: &'static str,
    /// On a 基礎項目評価書 beside a 重点項目評価書.
    pub shared_note: &'static str,
    /// Before a shared fact's source.
    pub shared_from: &'static str,
    /// A save of a shared fact in the 基礎項目評価書.
    pub shared_elsewhere: &'static str,
    /// Before the name of the office's common text an item or block uses.
    pub common_uses: &'static str,
    /// A use of a name the library does not have.
    pub common_unknown: &'static str,
    /// The label of the choice of a common text.
    pub common_choose: &'static str,
    /// Opens the offer of common texts on an item written in place.
    pub common_offer: &'static str,
    /// Writes the chosen common text's reference.
    pub common_use: &'static str,
    /// Writes the common text's words into the item itself.
    pub common_own: &'static str,
    /// Adds a block that uses a block entry.
    pub common_add_block: &'static str,
    /// Where a common text is edited.
    pub common_edited_in: &'static str,
    /// A file that is not valid YAML.
    pub refused_syntax: &'static str,
    /// A file indented with tabs.
    pub refused_tab: &'static str,
    /// Editing is off.
    pub read_only: &'static str,
    /// A request the page should never send.
    pub bad_request: &'static str,
    /// A save refused by the editor.
    pub not_saved: &'static str,
    /// Diagnostics not shown at a field.
    pub other_diagnostics: &'static str,
    /// Before whether an item must be filled.
    pub need: &'static str,
    /// The button that keeps a version.
    pub snapshot: &'static str,
    /// After a version is kept.
    pub snapshot_done: &'static str,
    /// The review's button that records the rows.
    pub record: &'static str,
    /// After recording.
    pub recorded_done: &'static str,
    /// How the review records.
    pub record_note: &'static str,
    /// The change rows changed since the page was opened.
    pub rows_changed: &'static str,
    /// The title of the document frame, for screen readers.
    pub frame: &'static str,
    /// An unknown page.
    pub not_found: &'static str,
    /// A page that failed.
    pub failed: &'static str,
}

/// 日本語.
pub static JA: Texts = Texts {
    lang: "ja",
    app: "hyoka 評価書プレビュー",
    all_assessments: "評価書の一覧",
    documents: "評価書",
    preview: "プレビュー",
    review: "変更の確認",
    live: "ファイルを保存すると、このページは自動で更新されます。",
    folder: "フォルダ",
    title: "評価書名",
    errors: "エラー",
    warnings: "警告",
    open: "表示",
    under_root: "次のフォルダの評価書",
    none_found: "評価書が見つかりません。assessment.yaml を含むフォルダをこのフォルダの下に置いてください。",
    unreadable: "読み込めません",
    diagnostics: "検証結果",
    clean: "エラー・警告はありません。",
    error: "エラー",
    warning: "警告",
    item: "項目",
    help: "対処",
    related: "関連",
    document: "評価書",
    stale: "エラーがあるため、前回エラーなく出力できた版を表示しています。現在のファイルの内容は反映されていません。",
    no_document: "エラーがあるため評価書を出力できません。エラーを直して保存すると、ここに表示されます。",
    pdf: "PDF を開く",
    pdf_stale: "PDF を開く（前回の版）",
    compare_with: "比較する版（versions/）",
    show: "表示",
    no_snapshots: "比較する版がありません。公表した版を versions/ フォルダに YAML ファイルとして保存すると（例: versions/2024-05-27.yaml）、ここで現在の版との変更箇所を確認できます。hyoka snapshot PATH で現在の版を保存できます。",
    redline: "差分",
    redline_edition: "見え消し版",
    no_changes: "この版からの変更はありません。",
    current_invalid: "現在の評価書にエラーがあるため比較できません。プレビューでエラーを確認してください。",
    snapshot_invalid: "この版にエラーがあるため比較できません。",
    timing_note: "記録済みの行は changes.yaml の変更日・提出時期・説明を、それ以外の行は hyoka diff と同じ提案（変更日は現在の公表日、提出時期は※の項目なら事前。法令改正に伴う変更などに当たると見られるときは事後）を示します。長い記載は折りたたみ、差分の列に全文を示します。",
    recorded: "記録済み",
    proposed: "提案",
    proposal_was: "提案",
    basis: "提案の理由",
    edit: "編集",
    edit_intro: "各項目は入力を終えると（別の項目へ移ると）保存され、YAML ファイルの他の部分（コメント、並び、空行）はそのまま残ります。Ctrl+S で未保存の項目をすべて保存します。",
    save_all: "すべて保存",
    nothing_to_save: "未保存の変更はありません。",
    saving: "保存中…",
    saved: "保存しました",
    unsaved: "未保存",
    save_failed: "保存できませんでした",
    conflict: "このページを開いた後に、ファイルのこの項目が変更されています。どちらの値を残すか選んでください（まだ何も上書きしていません）。",
    conflict_disk: "ファイルの値",
    conflict_page: "このページの値",
    use_disk: "ファイルの値を使う",
    use_page: "このページの値で上書き",
    block_gone: "このブロックはファイルで削除または移動されています。ページを再読み込みしてください。",
    block_changed: "このブロックはページを開いた後にファイルで変更されています。ページを再読み込みして確かめてから削除してください。",
    file_changed: "ファイルがこのページの外で変更されました。再読み込みすると最新の内容を表示します（未保存の入力があれば先に保存してください）。",
    reload: "再読み込み",
    remove_block: "削除",
    move_up: "上へ",
    move_down: "下へ",
    confirm_remove: "このブロックを削除します。よろしいですか？",
    block_id: "id",
    no_blocks: "ブロックはまだありません。",
    not_a_list: "ブロックのリストとして書かれていないため、ここでは編集できません。テキストエディタで直してください。",
    not_chosen: "（選択してください）",
    not_a_choice: "選択肢にない値",
    for_example: "例: ",
    list_separator: "、",
    count_hint: "0以上の整数",
    text_of: "（　）内の文字列",
    count_of: "（　）件の件数",
    ticked: "チェックあり",
    shared_note: "重点項目評価書と共通の項目は重点項目評価書（assessment.yaml）に一度だけ書きます。ここでは表示のみで、リンク先で編集できます。",
    shared_from: "重点項目評価書の",
    shared_elsewhere: "この項目は重点項目評価書（assessment.yaml）で編集します。",
    common_uses: "共通テキストを使用",
    common_unknown: "この名前の共通テキストはありません（検証結果を見てください）",
    common_choose: "共通テキスト",
    common_offer: "共通テキストを使う",
    common_use: "この共通テキストを使う",
    common_own: "この評価書だけの記載にする",
    common_add_block: "共通テキストのブロックを追加",
    common_edited_in: "共通テキストの文言は次のフォルダで編集します: ",
    refused_syntax: "このファイルには YAML として読めない箇所があるため、フォームでは編集できません。テキストエディタで次の箇所を直して保存してください。直すとこのページは自動で更新されます",
    refused_tab: "このファイルには字下げにタブ文字を使った行があるため、フォームでは編集できません。テキストエディタでタブを半角スペースに直してください",
    read_only: "このサーバーは読み取り専用（--read-only）で起動しているため、編集できません。",
    bad_request: "要求を読めません。",
    not_saved: "保存できません",
    other_diagnostics: "項目に表示していない検証結果",
    need: "記入",
    snapshot: "この版を保存（versions/）",
    snapshot_done: "版を保存しました: ",
    record: "changes.yaml に記録",
    recorded_done: "記録しました: ",
    record_note: "提出時期と説明を確かめて「changes.yaml に記録」を押すと、hyoka diff --record と同じく、記録していない行を追加し、記録済みの行は変えた提出時期と説明だけを更新します。",
    rows_changed: "このページを開いた後に変更箇所が変わりました。ページを再読み込みしてください。",
    frame: "評価書（HTML）",
    not_found: "ページが見つかりません。",
    failed: "ページを作成できませんでした。",
};

/// English.
pub static EN: Texts = Texts {
    lang: "en",
    app: "hyoka assessment preview",
    all_assessments: "All assessments",
    documents: "Documents",
    preview: "Preview",
    review: "Review changes",
    live: "This page updates itself when the files are saved.",
    folder: "Folder",
    title: "評価書名 (title)",
    errors: "Errors",
    warnings: "Warnings",
    open: "Open",
    under_root: "Assessments under",
    none_found: "No assessments found: put folders holding assessment.yaml under this folder.",
    unreadable: "cannot be read",
    diagnostics: "Validation",
    clean: "No errors or warnings.",
    error: "error",
    warning: "warning",
    item: "item",
    help: "help",
    related: "related",
    document: "Document",
    stale: "The assessment has errors: this is the last version that rendered without errors, and it does not show the file as it is now.",
    no_document: "The assessment has errors and cannot be rendered; fix them and save, and it appears here.",
    pdf: "Open the PDF",
    pdf_stale: "Open the PDF (last version)",
    compare_with: "Compare with (versions/)",
    show: "Show",
    no_snapshots: "There is no version to compare with. Save a published version as a YAML file in the versions/ folder (e.g. versions/2024-05-27.yaml) to review the changes since it here; hyoka snapshot PATH saves the current version.",
    redline: "Redline",
    redline_edition: "Redline edition",
    no_changes: "No changes since this version.",
    current_invalid: "The current assessment has errors and cannot be compared; see them in the preview.",
    snapshot_invalid: "This version has errors and cannot be compared.",
    timing_note: "Rows recorded in changes.yaml show their recorded 変更日, 提出時期 and 説明; the others show what hyoka diff proposes (変更日: the current 公表日; 提出時期: 事前 for ※ items, 事後 where the change looks like one of the exclusions). Long texts are folded; the redline column shows them in full.",
    recorded: "recorded",
    proposed: "proposed",
    proposal_was: "proposed",
    basis: "Why this is proposed",
    edit: "Edit",
    edit_intro: "Each item is saved when you leave it; the rest of the YAML file (comments, order, blank lines) stays as it was. Ctrl+S saves every item not saved yet.",
    save_all: "Save all",
    nothing_to_save: "Nothing to save.",
    saving: "Saving…",
    saved: "Saved",
    unsaved: "Not saved",
    save_failed: "Not saved",
    conflict: "This item was changed in the file after the page was opened. Choose which value to keep (nothing has been overwritten).",
    conflict_disk: "In the file",
    conflict_page: "On this page",
    use_disk: "Keep the file's value",
    use_page: "Overwrite with this page's value",
    block_gone: "This block was removed or moved in the file; reload the page.",
    block_changed: "This block was changed in the file since the page was opened; reload the page and check it before removing it.",
    file_changed: "The file was changed outside this page. Reload to see it (save what you typed first).",
    reload: "Reload",
    remove_block: "Remove",
    move_up: "Move up",
    move_down: "Move down",
    confirm_remove: "Remove this block?",
    block_id: "id",
    no_blocks: "No blocks yet.",
    not_a_list: "Not written as a list of blocks, so it cannot be edited here; fix it in a text editor.",
    not_chosen: "(choose)",
    not_a_choice: "not a choice",
    for_example: "e.g. ",
    list_separator: ", ",
    count_hint: "a whole number, 0 or more",
    text_of: ": text in （　）",
    count_of: ": count in （　）件",
    ticked: "ticked",
    shared_note: "Facts shared with the 重点項目評価書 are written once, in it (assessment.yaml): shown here, edited at the link.",
    shared_from: "from the 重点項目評価書's",
    shared_elsewhere: "This item is edited in the 重点項目評価書 (assessment.yaml).",
    common_uses: "Uses the common text",
    common_unknown: "The library has no common text of this name (see the findings)",
    common_choose: "Common text",
    common_offer: "Use a common text",
    common_use: "Use this common text",
    common_own: "Write it in this document instead",
    common_add_block: "Add a block from the common texts",
    common_edited_in: "Common texts are edited in the folder ",
    refused_syntax: "This file has a part that cannot be read as YAML, so it cannot be edited with the form. Fix it in a text editor at",
    refused_tab: "This file indents a line with a tab, so it cannot be edited with the form. Replace the tab with spaces in a text editor at",
    read_only: "This server was started read-only (--read-only): editing is off.",
    bad_request: "The request cannot be read.",
    not_saved: "Not saved",
    other_diagnostics: "Findings not shown at a field",
    need: "Filling",
    snapshot: "Keep this version (versions/)",
    snapshot_done: "Kept as ",
    record: "Record in changes.yaml",
    recorded_done: "Recorded: ",
    record_note: "Check each 提出時期 and 説明 and press Record: as hyoka diff --record does, rows not recorded yet are added, and recorded rows get only the 提出時期 and 説明 you changed.",
    rows_changed: "The changes differ from the page's; reload it.",
    frame: "The document (HTML)",
    not_found: "Page not found.",
    failed: "The page could not be made.",
};

/// The texts of a language.
pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Ja => &JA,
        Lang::En => &EN,
    }
}

/// `2 件のエラー、1 件の警告` / `2 errors, 1 warning`.
pub fn counts(lang: Lang, errors: usize, warnings: usize) -> String {
    match lang {
        Lang::Ja => format!("{errors} 件のエラー、{warnings} 件の警告"),
        Lang::En => format!(
            "{errors} error{}, {warnings} warning{}",
            if errors == 1 { "" } else { "s" },
            if warnings == 1 { "" } else { "s" }
        ),
    }
}

/// `1 件の変更` / `1 change`.
pub fn changes(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Ja => format!("{n} 件の変更"),
        Lang::En => format!("{n} change{}", if n == 1 { "" } else { "s" }),
    }
}

/// `提供先を追加` / `Add a 提供先`.
pub fn add_block(lang: Lang, group: &str) -> String {
    match lang {
        Lang::Ja => format!("{group}を追加"),
        Lang::En => format!("Add a {group}"),
    }
}

/// The form holds no more blocks of a group.
pub fn too_many_blocks(lang: Lang, group: &str, max: usize) -> String {
    match lang {
        Lang::Ja => format!("{group}は様式上{max}件までです。"),
        Lang::En => format!("the form holds at most {max} {group}."),
    }
}

/// What recording did: `2 行を追加し、1 行を更新しました（3 行は記録済み）`.
pub fn recorded(lang: Lang, added: usize, updated: usize, unchanged: usize) -> String {
    match lang {
        Lang::Ja => {
            let mut out = format!("{added} 行を追加し、{updated} 行を更新しました");
            if unchanged > 0 {
                out.push_str(&format!("（{unchanged} 行は記録済みのまま）"));
            }
            out
        }
        Lang::En => {
            let mut out = format!("added {added} row(s), updated {updated}");
            if unchanged > 0 {
                out.push_str(&format!(" ({unchanged} already recorded as they are)"));
            }
            out
        }
    }
}

/// The label of a block's title (an item printed in the block's heading, with no label of its
/// own): `名称（提供先の見出し）`.
pub fn block_title(lang: Lang, key: &str, group: &str) -> String {
    match lang {
        Lang::Ja => format!("{key}（{group}の見出し）"),
        Lang::En => format!("{key} (the {group}'s heading)"),
    }
}

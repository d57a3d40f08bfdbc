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
    timing_note: "変更日は現在の公表日、提出時期は hyoka diff と同じ提案です（※の項目は事前）。",
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
    timing_note: "変更日 is the current 公表日 and 提出時期 is proposed as hyoka diff does (事前 for ※ items).",
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

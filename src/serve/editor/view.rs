//! The editing page as its template sees it: view structs only.

use serde::Serialize;

use crate::serve::common::CommonView;
use crate::serve::pages::{Chrome, DiagView};

/// The editing page.
#[derive(Debug, Serialize)]
pub struct EditView {
    /// Common parts.
    pub chrome: Chrome,
    /// The token the page's script sends with each change.
    pub token: String,
    /// The file edited (`assessment.yaml`, `kiso.yaml`).
    pub file: String,
    /// The edition's title and tag.
    pub edition: String,
    /// The version of the file the page shows.
    pub version: String,
    /// Where the script sends its requests.
    pub urls: Urls,
    /// Why the file is not edited through the form, when it is not.
    pub refusal: Option<RefusalView>,
    /// `2 件のエラー、1 件の警告` over the assessment.
    pub summary: String,
    /// Whether there are errors.
    pub has_errors: bool,
    /// The form, as a flat list of rows (sections open and close around their fields).
    pub rows: Vec<Row>,
    /// Diagnostics of the file not shown at a field (a misspelt key, a section).
    pub others: Vec<DiagView>,
    /// A 基礎項目評価書 beside a 重点項目評価書: where its shared facts are edited.
    pub shared_from: Option<String>,
}

/// The URLs of the page's requests.
#[derive(Debug, Serialize)]
pub struct Urls {
    /// POST: save an item.
    pub save: String,
    /// POST: check a value without saving.
    pub check: String,
    /// POST: add, remove or move a block.
    pub block: String,
    /// GET: the file's version now.
    pub version: String,
    /// The long-poll that answers when the assessment's files change.
    pub wait: String,
    /// POST: keep a version (snapshot).
    pub snapshot: String,
    /// The review page.
    pub review: String,
}

/// Why a file is not edited through the form.
#[derive(Debug, Serialize)]
pub struct RefusalView {
    /// What is wrong, in the page's language.
    pub message: String,
    /// Where (`assessment.yaml:12:3`), when known.
    pub location: String,
    /// The diagnostics behind it.
    pub diagnostics: Vec<DiagView>,
}

/// One row of the form.
#[derive(Debug, Serialize)]
#[serde(tag = "row", rename_all = "snake_case")]
pub enum Row {
    /// A section opens.
    Open(SectionView),
    /// The section opened last closes.
    Close,
    /// An item with a value.
    Field(Box<FieldView>),
    /// A group of blocks opens.
    GroupOpen(GroupView),
    /// The group closes (with its add button).
    GroupClose(GroupView),
    /// One block opens.
    BlockOpen(BlockView),
    /// The block closes.
    BlockClose,
}

/// A section's heading.
#[derive(Debug, Serialize)]
pub struct SectionView {
    /// Its anchor.
    pub id: String,
    /// The heading level (2–6).
    pub level: usize,
    /// Number and label, e.g. `Ⅱ．特定個人情報ファイルの概要`.
    pub heading: String,
    /// The ※ mark, as printed.
    pub mark: String,
    /// Shown only when a sibling has a value (the form's condition).
    pub when: Option<When>,
    /// Hidden now: its condition does not hold and nothing is written in it.
    pub hidden: bool,
}

/// A group of blocks.
#[derive(Debug, Clone, Serialize)]
pub struct GroupView {
    /// Its anchor.
    pub id: String,
    /// The heading level.
    pub level: usize,
    /// Number and label.
    pub heading: String,
    /// The ※ mark.
    pub mark: String,
    /// The group's key path.
    pub path: String,
    /// The block name (`提供先`).
    pub name: String,
    /// How many blocks are written.
    pub count: usize,
    /// How many the form holds.
    pub max: usize,
    /// `提供先を追加`.
    pub add: String,
    /// The group cannot take blocks here (not written as a list): why.
    pub problem: Option<String>,
    /// The form's condition.
    pub when: Option<When>,
    /// Hidden now.
    pub hidden: bool,
    /// Editing is possible (not a shared fact, not read-only).
    pub editable: bool,
    /// The office's block entries of this group, to add as a block.
    pub common_blocks: Vec<String>,
}

/// One block of a group.
#[derive(Debug, Serialize)]
pub struct BlockView {
    /// The group's key path.
    pub group: String,
    /// Position (0-based).
    pub index: usize,
    /// `提供先２`.
    pub heading: String,
    /// The block's id, when it has one.
    pub block_id: Option<String>,
    /// The fingerprint of the block's text (removing it needs the page's version of it).
    pub base: String,
    /// Whether it is first and last (no move up / down).
    pub first: bool,
    /// Whether it is the last.
    pub last: bool,
    /// The heading level.
    pub level: usize,
    /// Editing is possible.
    pub editable: bool,
    /// The block is the office's common text (`- 共通テキスト: 名前`).
    pub common: Option<CommonView>,
    /// Such a block's items as the document reads them: (number and label, value).
    pub common_items: Vec<(String, String)>,
}

/// A condition on a sibling, checked by the page's script as the sibling changes.
#[derive(Debug, Clone, Serialize)]
pub struct When {
    /// The sibling's field.
    pub field: String,
    /// The sibling's key.
    pub key: String,
    /// `is`, `isnot`, `ticked`, `notticked`, `on`, `off`.
    pub op: &'static str,
    /// The choice or option it compares with.
    pub value: String,
}

/// One item's field.
#[derive(Debug, Serialize)]
pub struct FieldView {
    /// The control's id (and the item's anchor).
    pub id: String,
    /// The item's key path (blocks by 1-based position).
    pub path: String,
    /// The ids of the blocks on the path, as JSON (so a save finds a block that moved).
    pub ids: String,
    /// `text`, `lines`, `choice`, `checks`, `flag`, `date`, `count`.
    pub kind: &'static str,
    /// Number and label, e.g. `③対象人数`.
    pub label: String,
    /// The full label, e.g. `Ⅰ．１．③対象人数`.
    pub full_label: String,
    /// The ※ mark.
    pub mark: String,
    /// Whether it must be filled: `必須`, `任意`, or its condition.
    pub need: String,
    /// The form's question, when it asks one.
    pub prompt: String,
    /// The form's note below the value.
    pub note: String,
    /// How a date or count is written.
    pub hint: String,
    /// The value of a text, date, count or choice.
    pub text: String,
    /// A single checkbox's state.
    pub on: bool,
    /// The ＜選択肢＞.
    pub options: Vec<ChoiceView>,
    /// A written value that is none of the choices.
    pub unknown: Option<String>,
    /// The checkbox options.
    pub checks: Vec<CheckView>,
    /// The fingerprint of the item's text as loaded.
    pub base: String,
    /// The form's condition.
    pub when: Option<When>,
    /// Hidden now.
    pub hidden: bool,
    /// The item's diagnostics.
    pub diags: Vec<DiagView>,
    /// A shared fact of a 基礎項目評価書: shown, edited in the 重点項目評価書.
    pub shared: Option<SharedView>,
    /// Rows of a text area.
    pub rows: usize,
    /// Editing is possible.
    pub editable: bool,
    /// The item uses the office's common text (`{共通テキスト: 名前}`).
    pub common: Option<CommonView>,
    /// The text entries the officer may use here instead (or switch to).
    pub offers: Vec<String>,
}

/// One ＜選択肢＞.
#[derive(Debug, Serialize)]
pub struct ChoiceView {
    /// The option, verbatim.
    pub value: &'static str,
    /// Whether it is chosen.
    pub selected: bool,
}

/// One checkbox option.
#[derive(Debug, Serialize)]
pub struct CheckView {
    /// The checkbox's id.
    pub id: String,
    /// The option's label, verbatim.
    pub label: &'static str,
    /// A sub-heading printed before it (`識別情報`).
    pub heading: &'static str,
    /// Whether it is ticked.
    pub checked: bool,
    /// `none`, `text` or `count`.
    pub extra: &'static str,
    /// The text or count.
    pub extra_value: String,
    /// The label of the text or count input (for screen readers).
    pub extra_label: String,
}

/// A shared fact shown on the 基礎項目評価書's page.
#[derive(Debug, Serialize)]
pub struct SharedView {
    /// Its value as the 重点項目評価書 holds it.
    pub value: String,
    /// The item of the 重点項目評価書 it comes from.
    pub from: String,
    /// The link to that item's field.
    pub href: String,
}

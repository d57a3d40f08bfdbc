//! The pages' view structs: what the templates see, built from the cache's results.
//!
//! Diagnostics are shown from the diagnostic data itself (code, position, the item's label,
//! message and advice in the chosen language), and the change rows from the export's `Row`
//! with the form's column headings, so the pages say exactly what `validate` and `diff` say.

use std::path::Path;

use serde::Serialize;

use super::cache::Review;
use super::http::{encode_path, percent_encode};
use super::text::{self, Texts};
use crate::diag::{Diagnostic, FileReport, Lang, Severity, Span};
use crate::diff::export::{self, Row};
use crate::diff::redline::{Segment, segments};
use crate::form::Form;
use crate::form::changes::TABLE;
use crate::form::label::printed_number;
use crate::load::{Assessment, ChangeRow};

/// What every page has: texts, title, and what to wait on for live reload.
#[derive(Debug, Serialize)]
pub struct Chrome {
    /// The fixed texts of the language.
    pub t: &'static Texts,
    /// The page's title.
    pub title: String,
    /// The long-poll URL that answers when the page's files change.
    pub wait: String,
    /// The generation of the files the page shows.
    pub generation: u64,
    /// The assessment's tabs, on its pages.
    pub nav: Option<Nav>,
}

/// The tabs of an assessment's pages.
#[derive(Debug, Serialize)]
pub struct Nav {
    /// The folder's name under ROOT.
    pub name: String,
    /// The preview's URL.
    pub preview: String,
    /// The review's URL.
    pub review: String,
    /// The editing page's URL (none when the server is read-only).
    pub edit: Option<String>,
    /// `preview`, `review` or `edit`.
    pub current: &'static str,
    /// The assessment's documents, when it has two (a 重点項目評価書 and its
    /// 基礎項目評価書): the same page of each.
    pub documents: Vec<DocumentTab>,
}

/// A link to one document of an assessment.
#[derive(Debug, Serialize)]
pub struct DocumentTab {
    /// `重点項目評価書` / `基礎項目評価書`.
    pub label: String,
    /// The current page of that document.
    pub href: String,
    /// Whether it is the document shown.
    pub current: bool,
}

/// Which document of an assessment a page shows, and which it has.
#[derive(Debug, Clone, Copy)]
pub struct Documents<'a> {
    /// The document shown.
    pub shown: Form,
    /// Every document of the assessment, main document first.
    pub all: &'a [Form],
}

impl Documents<'_> {
    /// The query that selects the shown document (`doc=kiso`), or "" for the main document.
    pub fn query(&self) -> String {
        query_of(self.shown, self.all)
    }
}

fn query_of(form: Form, all: &[Form]) -> String {
    if all.first() == Some(&form) {
        String::new()
    } else {
        format!("doc={}", form.file_tag())
    }
}

/// The URL of an assessment's page (`""` for the preview).
pub fn href(name: &str, page: &str) -> String {
    format!("/a/{}/{page}", encode_path(name))
}

/// `url` with the query `query` (`a=1`) added, when there is one.
pub fn with_query(url: String, query: &str) -> String {
    match (query.is_empty(), url.contains('?')) {
        (true, _) => url,
        (false, true) => format!("{url}&{query}"),
        (false, false) => format!("{url}?{query}"),
    }
}

impl Chrome {
    /// The chrome of an assessment's page.
    pub fn assessment(
        lang: Lang,
        title: String,
        name: &str,
        current: &'static str,
        generation: u64,
        documents: Documents,
    ) -> Chrome {
        let page = match current {
            "review" => "review",
            "edit" => "edit",
            _ => "",
        };
        let tabs = if documents.all.len() > 1 {
            documents
                .all
                .iter()
                .map(|form| DocumentTab {
                    label: form.document(),
                    href: with_query(href(name, page), &query_of(*form, documents.all)),
                    current: *form == documents.shown,
                })
                .collect()
        } else {
            Vec::new()
        };
        let query = documents.query();
        Chrome {
            t: text::texts(lang),
            title,
            wait: href(name, "wait"),
            generation,
            nav: Some(Nav {
                name: name.to_string(),
                preview: with_query(href(name, ""), &query),
                review: with_query(href(name, "review"), &query),
                edit: Some(with_query(href(name, "edit"), &query)),
                current,
                documents: tabs,
            }),
        }
    }
}

/// The index.
#[derive(Debug, Serialize)]
pub struct IndexView {
    /// Common parts.
    pub chrome: Chrome,
    /// ROOT as given.
    pub root: String,
    /// One entry per assessment folder.
    pub assessments: Vec<IndexEntry>,
}

/// One assessment in the index.
#[derive(Debug, Serialize)]
pub struct IndexEntry {
    /// The folder's name under ROOT.
    pub name: String,
    /// 評価書名 ("" when it cannot be read).
    pub title: String,
    /// Counts of errors and warnings.
    pub errors: usize,
    /// Counts of errors and warnings.
    pub warnings: usize,
    /// The preview's URL.
    pub preview: String,
    /// The review's URL.
    pub review: String,
    /// The editing page's URL (none when the server is read-only).
    pub edit: Option<String>,
    /// Why the folder could not be read, if it could not.
    pub problem: Option<String>,
}

impl IndexEntry {
    /// An entry from a checked assessment, or the reason it could not be read.
    pub fn new(name: &str, checked: Result<&Assessment, String>) -> IndexEntry {
        let (title, errors, warnings, problem) = match checked {
            Ok(a) => {
                let (e, w) = tally(a);
                (title_of(a), e, w, None)
            }
            Err(why) => (String::new(), 0, 0, Some(why)),
        };
        IndexEntry {
            name: name.to_string(),
            title,
            errors,
            warnings,
            preview: href(name, ""),
            review: href(name, "review"),
            edit: Some(href(name, "edit")),
            problem,
        }
    }
}

/// 評価書名 of an assessment's main document, when it has one.
pub fn title_of(a: &Assessment) -> String {
    let form = a.document.as_ref().map(|d| d.edition.form);
    form.map(|f| title_of_document(a, f)).unwrap_or_default()
}

/// 評価書名 of one document of an assessment, when it has one.
pub fn title_of_document(a: &Assessment, form: Form) -> String {
    let text = a
        .documents()
        .into_iter()
        .find(|(d, _)| d.edition.form == form)
        .and_then(|(d, _)| d.root.at("表紙.評価書名"))
        .map(|e| &e.value);
    match text {
        Some(crate::load::Value::Text(t)) => t.clone(),
        _ => String::new(),
    }
}

/// Counts of errors and warnings over every file of an assessment.
fn tally(a: &Assessment) -> (usize, usize) {
    let all = || a.reports().flat_map(|r| &r.diagnostics);
    let errors = all().filter(|d| d.severity() == Severity::Error).count();
    (errors, all().count() - errors)
}

/// One diagnostic as the page shows it.
#[derive(Debug, Serialize)]
pub struct DiagView {
    /// `error` or `warning` (a class name).
    pub severity: &'static str,
    /// エラー / 警告.
    pub severity_word: &'static str,
    /// The code, e.g. `E0205`.
    pub code: &'static str,
    /// `NAME/assessment.yaml:329:12`.
    pub location: String,
    /// The item's official label.
    pub item: Option<String>,
    /// The message.
    pub message: String,
    /// What to do.
    pub help: String,
    /// The source line, with the span marked.
    pub source: Option<SourceLine>,
    /// A second place that explains the first.
    pub related: Option<String>,
}

/// A line of the file with the span of a diagnostic cut out.
#[derive(Debug, Serialize)]
pub struct SourceLine {
    /// Line number.
    pub number: usize,
    /// Text before the span.
    pub before: String,
    /// The span (on this line).
    pub marked: String,
    /// Text after it.
    pub after: String,
}

fn source_line(source: &str, span: Span) -> Option<SourceLine> {
    let text = source.lines().nth(span.start.line.checked_sub(1)?)?;
    let skip = span.start.col.saturating_sub(1);
    let len = if span.end.line == span.start.line {
        span.end.col.saturating_sub(span.start.col).max(1)
    } else {
        usize::MAX
    };
    Some(SourceLine {
        number: span.start.line,
        before: text.chars().take(skip).collect(),
        marked: text.chars().skip(skip).take(len).collect(),
        after: text.chars().skip(skip).skip(len).collect(),
    })
}

/// One diagnostic of a file as the pages show it.
pub fn diag_view(root: &Path, report: &FileReport, d: &Diagnostic, lang: Lang) -> DiagView {
    let t = text::texts(lang);
    let file = report.file.strip_prefix(root).unwrap_or(&report.file);
    let file = file.to_string_lossy().replace('\\', "/");
    let at = |s: Span| format!("{file}:{}:{}", s.start.line, s.start.col);
    let error = d.severity() == Severity::Error;
    DiagView {
        severity: if error { "error" } else { "warning" },
        severity_word: if error { t.error } else { t.warning },
        code: d.code.id,
        location: d.span.map(at).unwrap_or_else(|| file.clone()),
        item: d.item.clone(),
        message: d.message(lang),
        help: d.help(lang),
        source: d.span.and_then(|s| source_line(&report.source, s)),
        related: d.related.map(at),
    }
}

/// Every diagnostic of an assessment, errors first, each group in file order.
pub fn diagnostics(root: &Path, a: &Assessment, lang: Lang) -> Vec<DiagView> {
    let mut views: Vec<DiagView> = a
        .reports()
        .flat_map(|r| r.diagnostics.iter().map(move |d| (r, d)))
        .map(|(r, d)| diag_view(root, r, d, lang))
        .collect();
    views.sort_by_key(|v| v.severity != "error");
    views
}

/// The preview.
#[derive(Debug, Serialize)]
pub struct PreviewView {
    /// Common parts.
    pub chrome: Chrome,
    /// `2 件のエラー、1 件の警告`.
    pub summary: String,
    /// Whether there are errors (the diagnostics are then shown first and in red).
    pub has_errors: bool,
    /// The diagnostics.
    pub diagnostics: Vec<DiagView>,
    /// The document, when one can be shown.
    pub document: Option<DocumentView>,
}

/// The document frame of the preview.
#[derive(Debug, Serialize)]
pub struct DocumentView {
    /// The frame's URL.
    pub src: String,
    /// The PDF's URL.
    pub pdf: String,
    /// Whether it is the last good version rather than the current one.
    pub stale: bool,
}

impl PreviewView {
    /// The preview of `name`: its diagnostics and, if any, the document to show.
    pub fn new(
        root: &Path,
        name: &str,
        a: &Assessment,
        document: Option<bool>,
        lang: Lang,
        generation: u64,
        documents: Documents,
    ) -> PreviewView {
        let (errors, warnings) = tally(a);
        let title = title_of_document(a, documents.shown);
        let query = documents.query();
        let title = if title.is_empty() {
            name.to_string()
        } else {
            title
        };
        PreviewView {
            chrome: Chrome::assessment(lang, title, name, "preview", generation, documents),
            summary: text::counts(lang, errors, warnings),
            has_errors: errors > 0,
            diagnostics: diagnostics(root, a, lang),
            document: document.map(|stale| DocumentView {
                src: with_query(href(name, "document.html"), &query),
                pdf: with_query(href(name, "document.pdf"), &query),
                stale,
            }),
        }
    }
}

/// A snapshot in the review's picker.
#[derive(Debug, Serialize)]
pub struct SnapshotView {
    /// The file stem (`2024-05-27`).
    pub stem: String,
    /// The review's URL for it.
    pub href: String,
    /// Whether it is the one shown.
    pub selected: bool,
}

/// One row of the change table, with its redline.
#[derive(Debug, Serialize)]
pub struct RowView {
    /// 変更日: the recorded one, or the current 公表日 for a proposal.
    pub date: String,
    /// 項目.
    pub label: String,
    /// 変更前の記載.
    pub before: TextCell,
    /// 変更後の記載.
    pub after: TextCell,
    /// 提出時期: the recorded one, or the proposal.
    pub timing: String,
    /// The proposed 提出時期, when a recorded one differs from it.
    pub proposed_timing: Option<String>,
    /// 提出時期に係る説明 as recorded ("" for a proposal).
    pub explanation: String,
    /// Why the 提出時期 is proposed.
    pub basis: String,
    /// Whether `changes.yaml` records this change already.
    pub recorded: bool,
    /// The character-level redline from 変更前 to 変更後.
    pub redline: Vec<Segment>,
    /// Whether the item carries ※.
    pub important: bool,
}

/// A text cell: shown whole when short, folded under its first words when long (the redline
/// beside it shows the text in full, so the page does not print it three times).
#[derive(Debug, Serialize)]
pub struct TextCell {
    /// The whole text.
    pub text: String,
    /// Whether the cell is folded.
    pub folded: bool,
    /// What the folded cell shows: its first words.
    pub summary: String,
}

/// A text longer than this many lines or characters is folded.
const FOLD_LINES: usize = 3;
const FOLD_CHARS: usize = 120;
/// How many characters of a folded text its summary shows.
const SUMMARY_CHARS: usize = 24;

impl TextCell {
    fn new(text: &str) -> TextCell {
        let folded = text.lines().count() > FOLD_LINES || text.chars().count() > FOLD_CHARS;
        let first = text.lines().next().unwrap_or_default();
        let mut summary: String = first.chars().take(SUMMARY_CHARS).collect();
        if summary.chars().count() < text.chars().count() {
            summary.push('…');
        }
        TextCell {
            text: text.to_string(),
            folded,
            summary,
        }
    }
}

/// The review page.
#[derive(Debug, Serialize)]
pub struct ReviewView {
    /// Common parts.
    pub chrome: Chrome,
    /// The snapshots, newest first.
    pub snapshots: Vec<SnapshotView>,
    /// The snapshot compared with, if any.
    pub chosen: Option<String>,
    /// The document reviewed (`kiso`, `juten`), kept by the picker's form.
    pub doc: &'static str,
    /// `compared`, `current-invalid`, `snapshot-invalid` or `none`.
    pub outcome: &'static str,
    /// `（別添２）変更箇所`, from the form.
    pub heading: String,
    /// `1 件の変更`.
    pub summary: String,
    /// The six official column headings.
    pub columns: Vec<&'static str>,
    /// The rows.
    pub rows: Vec<RowView>,
    /// The redline edition's URL.
    pub redline: String,
    /// The snapshot's diagnostics, when it has errors.
    pub diagnostics: Vec<DiagView>,
    /// Keeping a version and recording the rows, when editing is on.
    pub actions: Option<RevisionActions>,
}

/// The review page's buttons that write: keep a version, record the rows.
#[derive(Debug, Serialize)]
pub struct RevisionActions {
    /// The token the script sends back.
    pub token: String,
    /// POST: keep a version.
    pub snapshot: String,
    /// POST: record the rows (when rows are shown).
    pub record: String,
    /// The key of the rows shown.
    pub key: String,
    /// The 提出時期 choices, from the form.
    pub timings: Vec<&'static str>,
}

impl ReviewView {
    /// The review of `name` against `chosen` (one of `stems`, newest first).
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        root: &Path,
        name: &str,
        title: String,
        stems: &[String],
        chosen: Option<(&str, &Review)>,
        lang: Lang,
        generation: u64,
        documents: Documents,
    ) -> ReviewView {
        let query = documents.query();
        let changes_num = crate::form::EDITIONS
            .iter()
            .find(|e| e.form == documents.shown)
            .map_or(TABLE.num, |e| e.changes_num);
        let title = if title.is_empty() {
            name.to_string()
        } else {
            title
        };
        let mut view = ReviewView {
            chrome: Chrome::assessment(lang, title, name, "review", generation, documents),
            snapshots: stems
                .iter()
                .map(|s| SnapshotView {
                    stem: s.clone(),
                    href: with_query(
                        format!("{}?from={}", href(name, "review"), percent_encode(s)),
                        &query,
                    ),
                    selected: chosen.is_some_and(|(c, _)| c == s),
                })
                .collect(),
            chosen: chosen.map(|(c, _)| c.to_string()),
            doc: documents.shown.file_tag(),
            outcome: "none",
            heading: format!("{}{}", printed_number(changes_num), TABLE.label),
            summary: String::new(),
            columns: export::columns(),
            rows: Vec::new(),
            redline: String::new(),
            diagnostics: Vec::new(),
            actions: None,
        };
        match chosen {
            None => {}
            Some((_, Review::CurrentInvalid)) => view.outcome = "current-invalid",
            Some((_, Review::SnapshotInvalid(old))) => {
                view.outcome = "snapshot-invalid";
                view.diagnostics = diagnostics(root, old, lang);
            }
            Some((stem, Review::Compared { rows, recorded, .. })) => {
                view.outcome = "compared";
                view.summary = text::changes(lang, rows.len());
                view.rows = rows
                    .iter()
                    .zip(recorded)
                    .map(|(row, recorded)| row_view(row, recorded.as_ref()))
                    .collect();
                view.redline = with_query(
                    format!(
                        "{}?from={}",
                        href(name, "redline.html"),
                        percent_encode(stem)
                    ),
                    &query,
                );
            }
        }
        view
    }
}

fn row_view(row: &Row, recorded: Option<&ChangeRow>) -> RowView {
    let recorded_timing = recorded.and_then(|r| r.timing);
    RowView {
        date: recorded
            .and_then(|r| r.date)
            .map(|d| d.wareki())
            .unwrap_or_else(|| row.date.clone()),
        label: row.label.clone(),
        before: TextCell::new(&row.before),
        after: TextCell::new(&row.after),
        timing: recorded_timing.unwrap_or(&row.timing).to_string(),
        proposed_timing: recorded_timing
            .filter(|t| *t != row.timing)
            .map(|_| row.timing.clone()),
        explanation: recorded.map(|r| r.reason.clone()).unwrap_or_default(),
        basis: row.timing_basis.clone(),
        recorded: recorded.is_some(),
        redline: segments(&row.before, &row.after),
        important: row.important,
    }
}

/// A page that says something went wrong (404, 500).
#[derive(Debug, Serialize)]
pub struct ErrorView {
    /// Common parts.
    pub chrome: Chrome,
    /// The status code.
    pub status: u16,
    /// What went wrong, in the page's language.
    pub message: String,
    /// Details (an error's text), if any.
    pub detail: String,
}

impl ErrorView {
    /// An error page.
    pub fn new(lang: Lang, status: u16, message: &str, detail: String) -> ErrorView {
        ErrorView {
            chrome: Chrome {
                t: text::texts(lang),
                title: message.to_string(),
                // An error page does not follow the files (it would reload in a loop).
                wait: String::new(),
                generation: 0,
                nav: None,
            },
            status,
            message: message.to_string(),
            detail,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Pos;

    #[test]
    fn the_span_is_cut_out_of_its_line() {
        let pos = |line, col| Pos {
            line,
            col,
            offset: 0,
        };
        let line = source_line(
            "a: 1\n      十分か: 十分でない\n",
            Span {
                start: pos(2, 12),
                end: pos(2, 17),
            },
        )
        .unwrap();
        assert_eq!(
            (
                line.before.as_str(),
                line.marked.as_str(),
                line.after.as_str()
            ),
            ("      十分か: ", "十分でない", "")
        );
        assert!(source_line("", Span::default()).is_none());
    }
}

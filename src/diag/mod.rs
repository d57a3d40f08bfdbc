//! Diagnostics: what is wrong with a document, as data with source spans.
//!
//! A diagnostic is not a failure of hyoka (that is an error, see [`crate::Error`]); it says
//! what is wrong in the user's file, where, which item of the form, and how to fix it.

pub mod codes;
pub mod human;
pub mod json;

use std::path::PathBuf;

pub use codes::Code;

/// Message language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    /// 日本語 (default).
    #[default]
    Ja,
    /// English.
    En,
}

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Advice; the document is still valid.
    Warning,
    /// The document is invalid.
    Error,
}

/// A position in a source file: 1-based line, 1-based column in characters, 0-based char offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Pos {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub col: usize,
    /// Offset in characters from the start of the file.
    pub offset: usize,
}

/// A range in a source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    /// First character.
    pub start: Pos,
    /// One past the last character (may equal `start` for a point).
    pub end: Pos,
}

/// One finding about a document.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// The stable code, which also fixes severity and message texts.
    pub code: &'static Code,
    /// Where in the file, when known.
    pub span: Option<Span>,
    /// The official label of the item concerned, e.g. `Ⅱ．４．委託事項２．④再委託の有無`.
    pub item: Option<String>,
    /// The key path of the item, e.g. `ファイルの概要.委託.委託事項[2].再委託の有無`.
    pub path: Option<String>,
    /// Values for the `{name}` placeholders of the message texts: name, Japanese, English.
    pub args: Vec<(&'static str, String, String)>,
    /// A second place that explains the first (e.g. where a duplicate key was first written).
    pub related: Option<Span>,
    /// A place in another file that the finding concerns too (the other document of a
    /// 基礎項目評価書 and 重点項目評価書 pair).
    pub elsewhere: Option<Elsewhere>,
}

/// A place in another file, with the text of its line for the code frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Elsewhere {
    /// The file, as the user named it.
    pub file: PathBuf,
    /// Where in it.
    pub span: Span,
    /// The text of the span's first line.
    pub line: String,
}

impl Elsewhere {
    /// The place `span` of the file of `report`.
    pub fn in_report(report: &FileReport, span: Span) -> Elsewhere {
        Elsewhere {
            file: report.file.clone(),
            span,
            line: report
                .source
                .lines()
                .nth(span.start.line.saturating_sub(1))
                .unwrap_or_default()
                .to_string(),
        }
    }

    /// `file:line:column`.
    pub fn location(&self) -> String {
        format!(
            "{}:{}:{}",
            self.file.display(),
            self.span.start.line,
            self.span.start.col
        )
    }
}

impl Diagnostic {
    /// A diagnostic of `code` at `span`.
    pub fn new(code: &'static Code, span: Option<Span>) -> Self {
        Diagnostic {
            code,
            span,
            item: None,
            path: None,
            args: Vec::new(),
            related: None,
            elsewhere: None,
        }
    }

    /// Adds a placeholder value.
    pub fn arg(mut self, name: &'static str, value: impl Into<String>) -> Self {
        let value = value.into();
        self.args.push((name, value.clone(), value));
        self
    }

    /// Adds a placeholder value that differs by language.
    pub fn arg_lang(
        mut self,
        name: &'static str,
        ja: impl Into<String>,
        en: impl Into<String>,
    ) -> Self {
        self.args.push((name, ja.into(), en.into()));
        self
    }

    /// Names the item concerned.
    pub fn at_item(mut self, label: impl Into<String>, path: impl Into<String>) -> Self {
        self.item = Some(label.into());
        self.path = Some(path.into());
        self
    }

    /// Adds a related place.
    pub fn related(mut self, span: Span) -> Self {
        self.related = Some(span);
        self
    }

    /// Adds a place in another file, also given to the message as `{elsewhere}`.
    pub fn elsewhere(mut self, place: Elsewhere) -> Self {
        self = self.arg("elsewhere", place.location());
        self.elsewhere = Some(place);
        self
    }

    /// Severity, fixed by the code.
    pub fn severity(&self) -> Severity {
        self.code.severity
    }

    /// The message in `lang`, placeholders filled.
    pub fn message(&self, lang: Lang) -> String {
        fill(self.code.message(lang), &self.args, lang)
    }

    /// The advice in `lang`, placeholders filled.
    pub fn help(&self, lang: Lang) -> String {
        fill(self.code.help(lang), &self.args, lang)
    }
}

fn fill(template: &str, args: &[(&'static str, String, String)], lang: Lang) -> String {
    let mut out = template.to_string();
    for (name, ja, en) in args {
        let value = if lang == Lang::Ja { ja } else { en };
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// The diagnostics of one file, with its text for code frames.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// The file as the user named it.
    pub file: PathBuf,
    /// Its text (empty when it could not be decoded).
    pub source: String,
    /// What was found, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

impl FileReport {
    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity() == Severity::Error)
    }

    /// Sorts diagnostics by position, keeping unspanned ones last and the order of equals.
    pub fn sort(&mut self) {
        self.diagnostics
            .sort_by_key(|d| d.span.map(|s| s.start.offset).unwrap_or(usize::MAX));
    }
}

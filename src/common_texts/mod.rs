//! 共通テキスト (common texts): an office's library of texts written once and used by many of
//! its assessments.
//!
//! Not to be confused with the *shared facts* of a 重点項目評価書 and its 基礎項目評価書
//! ([`crate::load::pair`]): those are facts of one assessment written once in its own
//! `assessment.yaml`; common texts are texts of a whole office (the functions of the 中間サーバー,
//! the office's 開示請求 請求先 …) written once in `common-texts/` and used by any of its
//! assessments, of either form.
//!
//! The library is the folder `common-texts/` in the folder that holds the office's assessment
//! folders (`assessments/common-texts/`); an assessment uses the nearest such folder above it.
//! Each `*.yaml` file there holds named entries: a name and a text (`名前: |-` and the text), or
//! a name and one block under the name of its kind (`名前:` / `  システム:` / `    システムの名称: …`).
//! An item of an assessment uses an entry instead of its own value by naming it,
//! `項目: {共通テキスト: 名前}`; a block of a group is a list item `- 共通テキスト: 名前` (with its
//! own `id:` beside it, if it likes). References are resolved while the document is read
//! ([`reference`]), so validation, rendering and the change table see exactly what the text
//! written in place would give.

pub mod changes;
pub mod commit;
pub mod convert;
pub mod offer;
pub mod office;
pub mod reference;
pub mod scan;
pub mod snapshot;
pub mod source;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Elsewhere, FileReport, Span, codes};
use crate::form::{self, Kind};
use crate::load::yaml::{self, Limits, Node, NodeValue};

pub use reference::{Reference, Resolver, TextUse};

/// The library's folder, in the folder of an office's assessment folders.
pub const FOLDER: &str = "common-texts";
/// The key that names an entry where an item's value would be.
pub const KEY: &str = "共通テキスト";

/// What an entry holds.
#[derive(Debug, Clone)]
pub enum Body {
    /// A text, for any item that takes a value written on its line (a text, a choice, a date …).
    Text(Node),
    /// One block of a group (`システム`, `委託事項`, `提供先`, `移転先`): the mapping of its items.
    Block {
        /// The group's block name, as the form prints it: `システム` …
        group: &'static str,
        /// The block's items.
        node: Node,
    },
}

impl Body {
    /// The entry's kind for messages: (Japanese, English).
    pub fn kind(&self) -> (String, String) {
        match self {
            Body::Text(_) => ("文章".into(), "a text".into()),
            Body::Block { group, .. } => {
                (format!("{group}のブロック"), format!("a block of {group}"))
            }
        }
    }

    /// The text of a text entry.
    pub fn text(&self) -> Option<&str> {
        match self {
            Body::Text(node) => node.scalar(),
            Body::Block { .. } => None,
        }
    }

    /// The node an item reads in place of the reference.
    pub fn node(&self) -> &Node {
        match self {
            Body::Text(node) | Body::Block { node, .. } => node,
        }
    }
}

/// One named entry of the library.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The name uses write.
    pub name: String,
    /// The file it is written in (an index into [`Library::files`]).
    pub file: usize,
    /// Where its name is written.
    pub key_span: Span,
    /// Its content.
    pub body: Body,
}

/// An office's library of common texts, as read from one version of its folder.
#[derive(Debug, Clone, Default)]
pub struct Library {
    /// The folder (or `REV:folder` for a git revision), as the user would name it.
    pub folder: PathBuf,
    /// Each file of the library with what reading it found, in name order.
    pub files: Vec<FileReport>,
    entries: BTreeMap<String, Entry>,
    /// For each file, where each of its top-level keys starts (character offsets, in order).
    key_starts: Vec<Vec<usize>>,
}

impl Library {
    /// Reads the library from its files (name and text), in the order given; `folder` names
    /// where they are.
    pub fn from_files(folder: PathBuf, files: source::Files, limits: &Limits) -> Self {
        let mut library = Library {
            folder,
            ..Library::default()
        };
        for (path, bytes) in files {
            library.add_file(path, &bytes, limits);
        }
        library
    }

    /// Reads the library in `folder` (its `*.yaml` files, not those of sub-folders).
    pub fn read(folder: &Path, limits: &Limits) -> Result<Library, crate::Error> {
        Ok(Library::from_files(
            folder.to_path_buf(),
            source::folder_files(folder)?,
            limits,
        ))
    }

    /// The library an assessment's document file uses: the nearest `common-texts/` above it
    /// (or, for a kept version with one, the texts kept beside it), if any.
    pub fn for_document(document: &Path, limits: &Limits) -> Result<Option<Library>, crate::Error> {
        if let Some(kept) = source::kept_texts_of(document)
            && kept.is_file()
        {
            let bytes = std::fs::read(&kept).map_err(|source| crate::Error::Read {
                path: kept.clone(),
                source,
            })?;
            return Ok(Some(Library::from_files(
                kept.clone(),
                vec![(kept, bytes)],
                limits,
            )));
        }
        match source::find_folder(source::folder_of_document(document)) {
            Some(folder) => Library::read(&folder, limits).map(Some),
            None => Ok(None),
        }
    }

    fn add_file(&mut self, path: PathBuf, bytes: &[u8], limits: &Limits) {
        let index = self.files.len();
        self.key_starts.push(Vec::new());
        let mut report = FileReport {
            file: path,
            source: String::new(),
            diagnostics: Vec::new(),
        };
        let text = match yaml::decode(bytes, limits) {
            Ok(text) => text,
            Err(d) => {
                report.diagnostics.push(*d);
                self.files.push(report);
                return;
            }
        };
        let parsed = yaml::parse(&text, limits);
        report.source = text;
        report.diagnostics.extend(parsed.diagnostics);
        let mut found = Vec::new();
        match parsed.root.as_ref().map(|r| (&r.value, r)) {
            Some((NodeValue::Map(pairs), _)) => {
                self.key_starts[index] = pairs.iter().map(|(k, _)| k.span.start.offset).collect();
                for (key, value) in pairs {
                    match read_entry(key, value) {
                        Ok(entry) => found.push(entry),
                        Err(d) => report.diagnostics.push(*d),
                    }
                }
            }
            Some((_, root)) if root.is_null() => {}
            Some((_, root)) => report.diagnostics.push(
                Diagnostic::new(&codes::COMMON_TEXT_FILE, Some(root.span)).arg_lang(
                    "found",
                    root.kind_name(true),
                    root.kind_name(false),
                ),
            ),
            None => {}
        }
        for (name, key_span, body) in found {
            if let Some(first) = self.entries.get(&name) {
                let place = Elsewhere::in_report(&self.files[first.file], first.key_span);
                report.diagnostics.push(
                    Diagnostic::new(&codes::DUPLICATE_COMMON_TEXT, Some(key_span))
                        .arg("name", &name)
                        .elsewhere(place),
                );
                continue;
            }
            self.entries.insert(
                name.clone(),
                Entry {
                    name,
                    file: index,
                    key_span,
                    body,
                },
            );
        }
        report.sort();
        self.files.push(report);
    }

    /// The entry named `name`.
    pub fn get(&self, name: &str) -> Option<&Entry> {
        self.entries.get(name)
    }

    /// Every entry, by name.
    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.entries.values()
    }

    /// The place of an entry's name, for a diagnostic about one of its uses.
    pub fn place(&self, entry: &Entry) -> Elsewhere {
        Elsewhere::in_report(&self.files[entry.file], entry.key_span)
    }

    /// An entry as written in its file: from its name to the next name (or the end), comments
    /// included.
    pub fn entry_source(&self, entry: &Entry) -> String {
        let source = &self.files[entry.file].source;
        let start = entry.key_span.start.offset;
        let end = self.key_starts[entry.file]
            .iter()
            .copied()
            .find(|&s| s > start)
            .unwrap_or(usize::MAX);
        source.chars().skip(start).take(end - start).collect()
    }

    /// The files that have errors: their entries may be missing.
    pub fn broken_files(&self) -> Vec<&Path> {
        self.files
            .iter()
            .filter(|f| f.has_errors())
            .map(|f| f.file.as_path())
            .collect()
    }

    /// This library, with the entries of `fallback` it lacks: an older version of a library
    /// read for a document that uses an entry added since.
    pub fn or_else(mut self, fallback: &Library) -> Library {
        for entry in fallback.entries.values() {
            if !self.entries.contains_key(&entry.name) {
                let file = self.files.len();
                self.files.push(fallback.files[entry.file].clone());
                self.key_starts
                    .push(fallback.key_starts[entry.file].clone());
                self.entries.insert(
                    entry.name.clone(),
                    Entry {
                        file,
                        ..entry.clone()
                    },
                );
            }
        }
        self
    }
}

/// The group names a block entry may be of, from the form definitions.
pub fn group_names() -> Vec<&'static str> {
    let mut names = Vec::new();
    for edition in form::EDITIONS {
        form::walk(edition, |path| {
            if let Some(Kind::Group(group)) = path.last().map(|i| i.kind)
                && !names.contains(&group.name)
            {
                names.push(group.name);
            }
        });
    }
    names
}

/// One entry of a library file: its name, where the name is, and its body; or why it cannot be
/// read (E0805).
fn read_entry(key: &Node, value: &Node) -> Result<(String, Span, Body), Box<Diagnostic>> {
    let name = key.scalar().unwrap_or_default().to_string();
    let wrong = |span: Span, ja: String, en: String| {
        Box::new(
            Diagnostic::new(&codes::COMMON_TEXT_ENTRY, Some(span))
                .arg("name", &name)
                .arg_lang("detail", ja, en)
                .arg("groups", group_names().join(" / ")),
        )
    };
    if name.trim().is_empty() {
        return Err(wrong(
            key.span,
            "名前が空です".into(),
            "the name is empty".into(),
        ));
    }
    match &value.value {
        NodeValue::Scalar { .. } if value.is_null() => Err(wrong(
            key.span,
            "内容が書かれていません".into(),
            "nothing is written".into(),
        )),
        NodeValue::Scalar { .. } => Ok((name.clone(), key.span, Body::Text(value.clone()))),
        NodeValue::Map(pairs) => {
            let groups = group_names();
            let kind = pairs.first().and_then(|(k, _)| k.scalar()).unwrap_or("");
            match (pairs.len(), groups.iter().find(|g| **g == kind)) {
                (1, Some(group)) => match &pairs[0].1.value {
                    NodeValue::Map(_) => Ok((
                        name.clone(),
                        key.span,
                        Body::Block {
                            group,
                            node: pairs[0].1.clone(),
                        },
                    )),
                    _ => Err(wrong(
                        pairs[0].1.span,
                        format!("「{kind}:」の下にブロックの項目を字下げして書きます"),
                        format!("the block's items go below `{kind}:`, indented"),
                    )),
                },
                (1, None) => Err(wrong(
                    pairs[0].0.span,
                    format!("「{kind}」はブロックの種類ではありません"),
                    format!("`{kind}` is not a kind of block"),
                )),
                _ => Err(wrong(
                    value.span,
                    "ブロックの種類を1つだけ書きます".into(),
                    "write exactly one kind of block".into(),
                )),
            }
        }
        NodeValue::Seq(_) => Err(wrong(
            value.span,
            "リストは書けません（ブロックは1つずつ名前を付けます）".into(),
            "a list cannot be an entry (name each block on its own)".into(),
        )),
    }
}

#[cfg(test)]
mod tests;

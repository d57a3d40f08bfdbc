//! Finding what an office already writes the same in several documents, and making it common
//! texts.
//!
//! Every text item of every document of the office is read (the values hyoka prints, after
//! YAML's own unfolding); texts at least [`MIN_CHARS`] long that two or more documents hold
//! exactly alike become proposals, as do texts equal to an entry the library has already.
//! Texts that differ only in spaces and line breaks are listed apart: they print differently, so
//! they can be made one only after the officer makes them the same.
//!
//! [`convert`] turns the exact copies into references: the new entries go into one file of the
//! library, each value into `{共通テキスト: 名前}` ([`super::convert::replace_value`], every other
//! byte kept). Before anything is written, each changed document is read back with the new
//! library and must lay out exactly as before; then all files are written, or none.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::convert::{entry_text, reference, replace_value};
use super::office::Office;
use super::{FOLDER, Library, source};
use crate::Error;
use crate::diag::Span;
use crate::form::Kind;
use crate::form::label::{Step, full_label};
use crate::load::document::Role;
use crate::load::{self, Document, Entry, Limits, Record, Value};

/// Texts shorter than this are not proposed by default (names of 部署, choices …).
pub const MIN_CHARS: usize = 30;
/// The library file new common texts go into by default.
pub const FILE: &str = "scanned.yaml";

/// One place a text is written.
#[derive(Debug, Clone)]
pub struct Occurrence {
    /// The document file.
    pub document: PathBuf,
    /// The item's full label.
    pub label: String,
    /// Where the item's key is.
    pub key: Span,
    /// Where its value is.
    pub value: Span,
    /// The text as printed.
    pub text: String,
    /// Where the block it stands in is named (`システムの名称`, `名称`), for a name.
    context: String,
}

/// A text written the same in several places, proposed as a common text.
#[derive(Debug, Clone)]
pub struct Proposal {
    /// Its number in the list (from 1), for `--only` and `--name`.
    pub number: usize,
    /// The entry's name: a new one made from the item, or the existing entry with this text.
    pub name: String,
    /// The library has an entry with this text already.
    pub existing: bool,
    /// The text.
    pub text: String,
    /// Where it is written.
    pub occurrences: Vec<Occurrence>,
}

impl Proposal {
    /// The number of documents that write it.
    pub fn documents(&self) -> usize {
        let files: BTreeSet<&Path> = self
            .occurrences
            .iter()
            .map(|o| o.document.as_path())
            .collect();
        files.len()
    }
}

/// Texts that are the same but for spaces and line breaks: each variant with where it is.
#[derive(Debug, Clone)]
pub struct Near {
    /// The variants, each with its places, most used first.
    pub variants: Vec<(String, Vec<Occurrence>)>,
}

/// What a scan of an office found.
#[derive(Debug)]
pub struct Scan {
    /// The office (its library may be empty: none exists yet).
    pub office: Office,
    /// The documents read.
    pub documents: usize,
    /// Texts to make common, in the order first met.
    pub proposals: Vec<Proposal>,
    /// Texts alike but for spaces and line breaks.
    pub near: Vec<Near>,
    /// Assessments not read, because they have errors.
    pub skipped: Vec<PathBuf>,
}

/// The office at `root`: the library found at or above it, or a new, empty one in
/// `root/common-texts`.
pub fn office_at(root: &Path, limits: &Limits) -> Result<Office, Error> {
    if let Some(office) = Office::find(root, limits)? {
        return Ok(office);
    }
    Ok(Office {
        root: root.to_path_buf(),
        library: Library {
            folder: root.join(FOLDER),
            ..Library::default()
        },
    })
}

/// Scans the office at `root` for texts of at least `min_chars` characters.
pub fn scan(root: &Path, min_chars: usize, limits: &Limits) -> Result<Scan, Error> {
    let office = office_at(root, limits)?;
    let folders = if office.library.files.is_empty() && !office.folder().is_dir() {
        crate::build::find_assessments(root)?
    } else {
        office.assessments()?
    };
    let mut all: Vec<Occurrence> = Vec::new();
    let mut skipped = Vec::new();
    let mut documents = 0;
    for folder in folders {
        let assessment = load::load_with(&folder, limits, Some(&office.library))?;
        if assessment.has_errors() {
            skipped.push(folder);
            continue;
        }
        let files = [load::DOCUMENT_FILE, load::BASIC_FILE];
        for ((document, _), file) in assessment.documents().into_iter().zip(files) {
            documents += 1;
            texts_of(document, &folder.join(file), &mut all);
        }
    }
    all.retain(|o| o.text.chars().count() >= min_chars);
    let proposals = propose(&office.library, &all);
    let near = near(&all);
    Ok(Scan {
        office,
        documents,
        proposals,
        near,
        skipped,
    })
}

/// The texts a document writes itself (not those from common texts, nor the facts a
/// 基礎項目評価書 takes from its 重点項目評価書).
fn texts_of(document: &Document, file: &Path, out: &mut Vec<Occurrence>) {
    fn walk(
        record: &Record,
        path: &mut Vec<Step>,
        context: &str,
        document: &Document,
        file: &Path,
        out: &mut Vec<Occurrence>,
    ) {
        for entry in &record.entries {
            path.push(Step {
                item: entry.item,
                index: None,
            });
            let from_library = document.common_texts.iter().any(|u| u.span == entry.span);
            match &entry.value {
                Value::Text(text)
                    if matches!(entry.item.kind, Kind::Text | Kind::Lines)
                        && !entry.shared
                        && !from_library =>
                {
                    out.push(Occurrence {
                        document: file.to_path_buf(),
                        label: full_label(path),
                        key: entry.key_span,
                        value: entry.span,
                        text: text.clone(),
                        context: context.to_string(),
                    });
                }
                Value::Section(inner) => {
                    let parent = entry.item.key;
                    walk(inner, path, parent, document, file, out)
                }
                Value::Group(blocks) => {
                    for (i, block) in blocks.iter().enumerate() {
                        if let Some(last) = path.last_mut() {
                            last.index = Some(i + 1);
                        }
                        let name = block_name(&block.record).unwrap_or(entry.item.key);
                        walk(&block.record, path, name, document, file, out);
                    }
                }
                _ => {}
            }
            path.pop();
        }
    }
    walk(&document.root, &mut Vec::new(), "", document, file, out);
}

/// The name a block prints in its heading (`システムの名称`, `名称`), if written.
fn block_name(record: &Record) -> Option<&str> {
    record
        .entries
        .iter()
        .filter(|e: &&Entry| e.item.key == "システムの名称" || e.item.key == "名称")
        .find_map(|e| match &e.value {
            Value::Text(t) if !t.contains('\n') && t.chars().count() <= 20 => Some(t.as_str()),
            _ => None,
        })
}

/// Exact copies in two or more documents, and texts equal to an existing entry.
fn propose(library: &Library, all: &[Occurrence]) -> Vec<Proposal> {
    let mut by_text: BTreeMap<&str, Vec<&Occurrence>> = BTreeMap::new();
    for o in all {
        by_text.entry(o.text.as_str()).or_default().push(o);
    }
    let existing: BTreeMap<&str, &str> = library
        .entries()
        .filter_map(|e| Some((e.body.text()?, e.name.as_str())))
        .collect();
    let mut groups: Vec<(&str, Vec<&Occurrence>)> = by_text
        .into_iter()
        .filter(|(text, places)| {
            let documents: BTreeSet<&Path> = places.iter().map(|o| o.document.as_path()).collect();
            documents.len() >= 2 || existing.contains_key(text)
        })
        .collect();
    // In the order the office's documents first write them.
    let position = |o: &Occurrence| {
        all.iter()
            .position(|p| p.document == o.document && p.value == o.value)
    };
    groups.sort_by_key(|(_, places)| places.iter().filter_map(|o| position(o)).min());
    let mut taken: BTreeSet<String> = library.entries().map(|e| e.name.clone()).collect();
    groups
        .into_iter()
        .enumerate()
        .map(|(i, (text, places))| {
            let (name, is_existing) = match existing.get(text) {
                Some(name) => (name.to_string(), true),
                None => (fresh_name(places[0], &mut taken), false),
            };
            Proposal {
                number: i + 1,
                name,
                existing: is_existing,
                text: text.to_string(),
                occurrences: places.into_iter().cloned().collect(),
            }
        })
        .collect()
}

/// A name from the item and where it stands (`中間サーバー・システムの機能`,
/// `開示請求・請求先`), numbered when taken.
fn fresh_name(first: &Occurrence, taken: &mut BTreeSet<String>) -> String {
    let item = first
        .label
        .rsplit(['．', '　'])
        .next()
        .unwrap_or(&first.label)
        .trim_start_matches(|c: char| ('①'..='⑳').contains(&c));
    let base = if first.context.is_empty() {
        item.to_string()
    } else {
        format!("{}・{item}", first.context)
    };
    let name = std::iter::once(base.clone())
        .chain((2..).map(|n| format!("{base}（{n}）")))
        .find(|n| !taken.contains(n))
        .unwrap_or(base);
    taken.insert(name.clone());
    name
}

/// `text` but for spaces and line breaks: without any white space (full-width spaces
/// included). Japanese has no spaces between words, so a space or a line break more or less is
/// how two copies of one text usually drift apart.
pub fn normalised(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Texts alike once normalised, written in two or more ways across two or more documents.
fn near(all: &[Occurrence]) -> Vec<Near> {
    let mut by_form: BTreeMap<String, Vec<&Occurrence>> = BTreeMap::new();
    for o in all {
        by_form.entry(normalised(&o.text)).or_default().push(o);
    }
    let mut out = Vec::new();
    for places in by_form.into_values() {
        let documents: BTreeSet<&Path> = places.iter().map(|o| o.document.as_path()).collect();
        let mut variants: BTreeMap<&str, Vec<Occurrence>> = BTreeMap::new();
        for o in &places {
            variants
                .entry(o.text.as_str())
                .or_default()
                .push((*o).clone());
        }
        if variants.len() < 2 || documents.len() < 2 {
            continue;
        }
        let mut variants: Vec<(String, Vec<Occurrence>)> = variants
            .into_iter()
            .map(|(t, o)| (t.to_string(), o))
            .collect();
        variants.sort_by_key(|(_, o)| std::cmp::Reverse(o.len()));
        out.push(Near { variants });
    }
    out
}

/// What a conversion wrote.
#[derive(Debug)]
pub struct Converted {
    /// The library file the new entries went into (`None` when every proposal used an
    /// existing entry).
    pub library_file: Option<PathBuf>,
    /// The new entries' names.
    pub entries: Vec<String>,
    /// The documents changed, each with its number of values replaced.
    pub documents: Vec<(PathBuf, usize)>,
}

/// Why a conversion was refused.
#[derive(Debug)]
pub enum Refusal {
    /// A name given is empty, used twice or taken by another entry.
    Name(String),
    /// A document would not read back as before: it is named, nothing was written.
    Changed(PathBuf),
}

/// Converts `proposals` of `scan` (named as in `names`, proposal number → name) into uses of
/// common texts, writing the new entries to `file` in the library's folder. Every changed
/// document is read back first and must lay out exactly as before; then all files are written
/// together, or none.
pub fn convert(
    scan: &Scan,
    chosen: &[&Proposal],
    names: &BTreeMap<usize, String>,
    file: &str,
    limits: &Limits,
) -> Result<Result<Converted, Refusal>, Error> {
    // The names, checked.
    let mut named: Vec<(&Proposal, String)> = Vec::new();
    let taken: BTreeSet<&str> = scan
        .office
        .library
        .entries()
        .map(|e| e.name.as_str())
        .collect();
    for p in chosen {
        let name = names
            .get(&p.number)
            .cloned()
            .unwrap_or_else(|| p.name.clone());
        let clash = !p.existing && taken.contains(name.as_str())
            || name.trim().is_empty()
            || name.contains(['\n', '\r'])
            || named.iter().any(|(_, n)| *n == name);
        if clash {
            return Ok(Err(Refusal::Name(name)));
        }
        named.push((p, name));
    }
    // The library file with the new entries.
    let folder = scan.office.folder();
    let library_file = folder.join(file);
    let mut library_text = match std::fs::read_to_string(&library_file) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            "# 共通テキスト（hyoka texts scan --convert で作成。名前は変えてかまいません）\n".into()
        }
        Err(source) => {
            return Err(Error::Read {
                path: library_file,
                source,
            });
        }
    };
    let mut new_entries = Vec::new();
    for (p, name) in &named {
        if !p.existing {
            if !library_text.is_empty() && !library_text.ends_with('\n') {
                library_text.push('\n');
            }
            library_text.push_str(&entry_text(name, &p.text));
            new_entries.push(name.clone());
        }
    }
    let mut files: Vec<(PathBuf, Vec<u8>)> = if folder.is_dir() {
        source::folder_files(&folder)?
    } else {
        Vec::new()
    };
    files.retain(|(p, _)| p != &library_file);
    if !new_entries.is_empty() {
        files.push((library_file.clone(), library_text.clone().into_bytes()));
        files.sort();
    }
    let library = Library::from_files(folder.clone(), files, limits);
    if library.files.iter().any(|f| f.has_errors()) {
        return Ok(Err(Refusal::Changed(library_file)));
    }
    // Each document's new text.
    let mut by_document: BTreeMap<&Path, Vec<(&Occurrence, &str)>> = BTreeMap::new();
    for (p, name) in &named {
        for o in &p.occurrences {
            by_document
                .entry(o.document.as_path())
                .or_default()
                .push((o, name.as_str()));
        }
    }
    let mut new_texts: BTreeMap<PathBuf, String> = BTreeMap::new();
    let mut documents = Vec::new();
    for (document, mut places) in by_document {
        let mut text = std::fs::read_to_string(document).map_err(|source| Error::Read {
            path: document.to_path_buf(),
            source,
        })?;
        places.sort_by_key(|(o, _)| std::cmp::Reverse(o.value.start.offset));
        for (o, name) in &places {
            text = replace_value(&text, o.key, o.value, &reference(name));
        }
        documents.push((document.to_path_buf(), places.len()));
        new_texts.insert(document.to_path_buf(), text);
    }
    // Every changed assessment reads back as before.
    let folders: BTreeSet<PathBuf> = new_texts
        .keys()
        .map(|d| source::folder_of_document(d).to_path_buf())
        .collect();
    for folder in &folders {
        let before = layouts(folder, &BTreeMap::new(), Some(&scan.office.library), limits)?;
        let after = layouts(folder, &new_texts, Some(&library), limits)?;
        if before != after {
            let document = new_texts
                .keys()
                .find(|d| d.starts_with(folder))
                .cloned()
                .unwrap_or_else(|| folder.clone());
            return Ok(Err(Refusal::Changed(document)));
        }
    }
    let mut writes: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    if !new_entries.is_empty() {
        writes.push((library_file.clone(), library_text.into_bytes()));
    }
    writes.extend(new_texts.into_iter().map(|(p, t)| (p, t.into_bytes())));
    super::commit::write_all(&writes)?;
    Ok(Ok(Converted {
        library_file: (!new_entries.is_empty()).then_some(library_file),
        entries: new_entries,
        documents,
    }))
}

/// The layout (as JSON) of each document of the assessment in `folder`, reading a document's
/// text from `texts` when it is there (else from its file); `None` for a document with errors.
fn layouts(
    folder: &Path,
    texts: &BTreeMap<PathBuf, String>,
    library: Option<&Library>,
    limits: &Limits,
) -> Result<Vec<Option<String>>, Error> {
    let read = |file: PathBuf,
                role: Role|
     -> Result<Option<(crate::diag::FileReport, Option<Document>)>, Error> {
        let bytes = match texts.get(&file) {
            Some(text) => text.clone().into_bytes(),
            None if file.is_file() => std::fs::read(&file).map_err(|source| Error::Read {
                path: file.clone(),
                source,
            })?,
            None => return Ok(None),
        };
        Ok(Some(load::read_document_with(
            file, &bytes, limits, role, library,
        )))
    };
    let main = read(folder.join(load::DOCUMENT_FILE), Role::Main)?;
    let basic = read(folder.join(load::BASIC_FILE), Role::Companion)?;
    let mut out = Vec::new();
    let key = main
        .as_ref()
        .and_then(|(r, d)| d.as_ref().filter(|_| !r.has_errors()));
    out.push(key.map(layout_json));
    if let Some((report, document)) = &basic {
        let mut document = document.clone().filter(|_| !report.has_errors());
        if let (Some(key), Some(basic)) = (key, document.as_mut()) {
            load::pair::assemble(key, basic);
        }
        out.push(document.as_ref().map(layout_json));
    }
    Ok(out)
}

fn layout_json(document: &Document) -> String {
    serde_json::to_string(&crate::layout::layout(document, &[])).unwrap_or_default()
}

//! Minimal edits of a YAML file: change one value and leave every other byte as it was.
//!
//! `hyoka serve`'s editing page writes an officer's `assessment.yaml` through this module, so
//! comments, key order, quoting, blank lines, line endings and a BOM all survive a save. An edit
//! is computed from the spanned node tree ([`crate::load::yaml`]) as replacements of exact byte
//! ranges; the result is parsed back and compared with the intended tree before it is returned,
//! so an edit either gives exactly the document asked for or fails without touching anything.
//!
//! The API is small and knows nothing of the form:
//! - [`Source::parse`] reads a file (refusing one that is not plain, editable YAML: a syntax
//!   error, a duplicate key, tabs in indentation — [`Refusal`] says why and where);
//! - [`Source::set`] sets the value at a key path, inserting the key (and missing parents) where
//!   an [`Order`] puts it when absent; [`Source::clear`] empties it, keeping the key;
//!   [`Source::remove`] deletes a key;
//! - [`Source::insert_item`], [`Source::remove_item`], [`Source::move_item`] edit a list (the
//!   blocks of a group), each item keeping the comments written above it;
//! - each returns a new [`Source`]; [`Source::bytes`] gives the file to write.
//!
//! [`form`] adds what the form knows: the printed order of keys ([`form::FormOrder`]), an item's
//! value as the editing page shows and sends it, checkbox sets edited option by option, new
//! blocks with readable ids, and a fingerprint of an item's text for conflict checks.

mod emit;
mod expect;
pub mod form;
mod patch;
mod source;

#[cfg(test)]
mod tests;

pub use source::{Refusal, Source};

/// A text as YAML after `key: ` with the key at column `indent` (a block's lines two further
/// in): plain when it reads back unchanged, a literal block (`|-`) for several lines, else
/// double-quoted. The writers of `changes.yaml` rows and of common-text entries write their
/// texts with it, as the patcher does.
pub(crate) fn text_after_key(text: &str, indent: usize) -> String {
    let e = emit::block(&Yaml::Str(text.to_string()), indent, 2, None, false);
    if e.lines.is_empty() {
        e.inline
    } else {
        format!("{}\n{}", e.inline, e.lines.join("\n"))
    }
}

/// A value written on one line in flow style (`{共通テキスト: 名前}`).
pub(crate) fn one_line(value: &Yaml) -> String {
    emit::flow(value)
}

/// One step of a key path: a mapping key, or a list position (0-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    /// The value of this key in a mapping.
    Key(String),
    /// The item at this position in a list.
    Index(usize),
}

impl Seg {
    /// A key step.
    pub fn key(key: &str) -> Seg {
        Seg::Key(key.to_string())
    }
}

/// A value to write. Texts are written so that they read back exactly as given: plain when
/// YAML allows, as a literal block (`|-`) when they have several lines, quoted otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Yaml {
    /// Nothing: `key:` with no value.
    Null,
    /// A text.
    Str(String),
    /// A plain token written as it is (`true`, `false`, `12`), read back as a plain scalar.
    Plain(String),
    /// A mapping, in the order given.
    Map(Vec<(String, Yaml)>),
    /// A mapping written on one line in flow style (`{共通テキスト: 名前}`), in the order given.
    FlowMap(Vec<(String, Yaml)>),
    /// A list.
    Seq(Vec<Yaml>),
}

/// Where a key goes among the keys of a mapping: the form's printed order.
pub trait Order {
    /// The rank of `key` among the keys of the mapping at `parent` (lower ranks first), or
    /// `None` when the order does not know it (such a key is placed first; a key already
    /// written stays where it is and keeps the place of the key before it).
    fn rank(&self, parent: &[Seg], key: &str) -> Option<usize>;
}

/// No order: a new key goes after the last one.
#[derive(Debug, Clone, Copy, Default)]
pub struct Append;

impl Order for Append {
    fn rank(&self, _parent: &[Seg], _key: &str) -> Option<usize> {
        Some(usize::MAX)
    }
}

/// Why an edit could not be made; the file is then left as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// The path does not lead to a place that can hold the value (a list position that does
    /// not exist, a key below a text).
    NoSuchPlace(String),
    /// The place is written in a way the editor does not change (a value nested inside a flow
    /// collection, `{a: {b: 1}}`); edit it in a text editor.
    Unsupported(String),
    /// The edited text did not read back as intended; nothing was written. A bug of hyoka's.
    Mismatch(String),
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EditError::NoSuchPlace(what) => write!(f, "no place for the value: {what}"),
            EditError::Unsupported(what) => write!(f, "not edited by the form: {what}"),
            EditError::Mismatch(what) => {
                write!(f, "the edit would not read back as intended ({what})")
            }
        }
    }
}

impl std::error::Error for EditError {}

/// Shows a path for messages: `a.b[2].c` (1-based positions, as the form's key paths).
pub fn show_path(path: &[Seg]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Seg::Index(i) => out.push_str(&format!("[{}]", i + 1)),
        }
    }
    out
}

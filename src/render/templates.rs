//! The templates: embedded in the binary, each overridable by a file of the same name in a
//! folder given with `--templates DIR`.
//!
//! An override folder is read only at the fixed names below; a name that is a symbolic link,
//! or that resolves outside the folder, is refused, so an override cannot reach other files.

use std::path::{Path, PathBuf};

use crate::Error;

/// An overridable template: its name (relative path in an override folder) and built-in text.
#[derive(Debug, Clone, Copy)]
pub struct Builtin {
    /// The file name inside `templates/` and inside an override folder.
    pub name: &'static str,
    /// The embedded default.
    pub text: &'static str,
}

/// The HTML template (tera, autoescaped).
pub const HTML: Builtin = Builtin {
    name: "html/document.html.tera",
    text: include_str!("../../templates/html/document.html.tera"),
};
/// The Markdown template (tera; values go through the `md` filters).
pub const MARKDOWN: Builtin = Builtin {
    name: "markdown/document.md.tera",
    text: include_str!("../../templates/markdown/document.md.tera"),
};
/// The Typst template (static; reads the layout as JSON).
pub const TYPST: Builtin = Builtin {
    name: "typst/document.typ",
    text: include_str!("../../templates/typst/document.typ"),
};

/// Every overridable template, for documentation and `--templates` checks.
pub const ALL: &[Builtin] = &[HTML, MARKDOWN, TYPST];

/// The template texts in use for one run.
#[derive(Debug, Clone)]
pub struct Templates {
    /// HTML template source.
    pub html: String,
    /// Markdown template source.
    pub markdown: String,
    /// Typst template source.
    pub typst: String,
}

impl Default for Templates {
    fn default() -> Self {
        Templates {
            html: HTML.text.into(),
            markdown: MARKDOWN.text.into(),
            typst: TYPST.text.into(),
        }
    }
}

impl Templates {
    /// The built-ins, with any file present in `dir` (at a template's name) taking its place.
    pub fn with_overrides(dir: &Path) -> Result<Self, Error> {
        let root = dir.canonicalize().map_err(|source| Error::Read {
            path: dir.to_path_buf(),
            source,
        })?;
        let mut out = Templates::default();
        for builtin in ALL {
            let Some(text) = read_override(&root, builtin.name)? else {
                continue;
            };
            match builtin.name {
                n if n == HTML.name => out.html = text,
                n if n == MARKDOWN.name => out.markdown = text,
                _ => out.typst = text,
            }
        }
        Ok(out)
    }
}

/// Reads `root/name` if it exists, refusing links and anything that resolves outside `root`
/// (`root` canonical). The preview server reads its page templates through it too.
pub(crate) fn read_override(root: &Path, name: &str) -> Result<Option<String>, Error> {
    let path: PathBuf = root.join(name);
    let refused = |why: &str| Error::Template {
        path: path.clone(),
        message: why.to_string(),
    };
    // Check every component below the root: none may be a symbolic link.
    let mut walked = root.to_path_buf();
    for part in Path::new(name).components() {
        walked.push(part);
        match std::fs::symlink_metadata(&walked) {
            Ok(meta) if meta.file_type().is_symlink() => {
                return Err(refused("a template override may not be a symbolic link"));
            }
            Ok(_) => {}
            Err(_) => return Ok(None),
        }
    }
    let resolved = path.canonicalize().map_err(|source| Error::Read {
        path: path.clone(),
        source,
    })?;
    if !resolved.starts_with(root) || !resolved.is_file() {
        return Err(refused(
            "a template override must be a file inside the templates folder",
        ));
    }
    std::fs::read_to_string(&resolved)
        .map(Some)
        .map_err(|source| Error::Read {
            path: resolved,
            source,
        })
}

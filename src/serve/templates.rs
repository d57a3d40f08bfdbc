//! The preview pages' templates, stylesheet and script: embedded, each overridable by a file of
//! the same name in the `--templates` folder (read the same guarded way as the document's).
//!
//! The pages are tera templates with autoescaping on, so every value they print — a file
//! name, a message quoting the user's text, an item label — is text, never markup. They are
//! compiled once at start, so a broken override stops `serve` at once instead of on a request.

use std::path::Path;

use serde::Serialize;
use tera::{Context, Tera};

use crate::Error;
use crate::render::templates::{Builtin, read_override};
use crate::render::tera_error;

macro_rules! builtin {
    ($name:literal) => {
        Builtin {
            name: concat!("serve/", $name),
            text: include_str!(concat!("../../templates/serve/", $name)),
        }
    };
}

/// The page templates; the pages extend `serve/base.html.tera` and import the macros of
/// `serve/diagnostics.html.tera`.
pub const PAGES: &[Builtin] = &[
    builtin!("base.html.tera"),
    builtin!("diagnostics.html.tera"),
    builtin!("index.html.tera"),
    builtin!("preview.html.tera"),
    builtin!("review.html.tera"),
    builtin!("edit.html.tera"),
    builtin!("error.html.tera"),
];
/// The pages' stylesheet, served as `/style.css` (the CSP allows no inline style).
pub const STYLE: Builtin = builtin!("style.css");
/// The script that reloads a page when its files change, served as `/reload.js`.
pub const SCRIPT: Builtin = builtin!("reload.js");
/// The editing page's script (saves, conflicts, conditions, blocks, the review's recording),
/// served as `/edit.js`.
pub const EDITOR: Builtin = builtin!("edit.js");

/// The compiled pages and the static files.
#[derive(Debug)]
pub struct Pages {
    tera: Tera,
    /// The stylesheet.
    pub style: String,
    /// The script.
    pub script: String,
    /// The editing script.
    pub editor: String,
}

fn text_of(builtin: &Builtin, dir: Option<&Path>) -> Result<String, Error> {
    let overridden = match dir {
        Some(dir) => read_override(dir, builtin.name)?,
        None => None,
    };
    Ok(overridden.unwrap_or_else(|| builtin.text.to_string()))
}

impl Pages {
    /// The built-in pages, with any file present in `dir` (canonical) taking a page's place.
    pub fn load(dir: Option<&Path>) -> Result<Pages, Error> {
        let mut tera = Tera::default();
        // Registered without `.tera`, so `.html` marks every page for autoescaping.
        tera.autoescape_on(vec![".html"]);
        let mut sources = Vec::new();
        for page in PAGES {
            sources.push((page.name.trim_end_matches(".tera"), text_of(page, dir)?));
        }
        tera.add_raw_templates(sources)
            .map_err(|e| tera_error("serve/*.html.tera", e))?;
        Ok(Pages {
            tera,
            style: text_of(&STYLE, dir)?,
            script: text_of(&SCRIPT, dir)?,
            editor: text_of(&EDITOR, dir)?,
        })
    }

    /// Renders the page `name` (e.g. `serve/index.html`) with `view` as its context.
    pub fn render(&self, name: &str, view: &impl Serialize) -> Result<String, Error> {
        let context = Context::from_serialize(view).map_err(|e| tera_error(name, e))?;
        self.tera
            .render(name, &context)
            .map_err(|e| tera_error(name, e))
    }
}

//! HTML: one self-contained file from the tera template, with autoescaping of every value.

use tera::{Context, Tera};

use super::RenderContext;
use crate::Error;

/// Renders the layout to HTML.
pub fn render(ctx: &RenderContext) -> Result<Vec<u8>, Error> {
    let name = super::templates::HTML.name;
    let mut tera = Tera::default();
    // The name ends in .html.tera; autoescape by the template's registered name.
    tera.autoescape_on(vec!["document.html"]);
    tera.add_raw_template("document.html", &ctx.templates.html)
        .map_err(|e| super::tera_error(name, e))?;
    let context = Context::from_serialize(ctx.layout).map_err(|e| super::tera_error(name, e))?;
    tera.render("document.html", &context)
        .map(String::into_bytes)
        .map_err(|e| super::tera_error(name, e))
}

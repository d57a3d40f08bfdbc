//! Markdown (GitHub-flavoured), readable in a code review; values are escaped by filters.

use std::collections::HashMap;

use tera::{Context, Tera, Value};

use super::RenderContext;
use crate::Error;

/// Escapes text for an inline position, including a table cell: Markdown's syntax characters
/// get a backslash (so `|`, `*`, `_`, `[`, `#`, `$` … stay literal), `<`, `>`, `&` become
/// entities (so no HTML passes through), and a line break becomes `<br>`.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\n' => out.push_str("<br>"),
            '\r' => {}
            c if "\\`*_{}[]()#+-.!|~$^".contains(c) => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

fn md(value: &Value, _: &HashMap<String, Value>) -> tera::Result<Value> {
    match value {
        Value::String(s) => Ok(Value::String(escape(s))),
        Value::Null => Ok(Value::String(String::new())),
        other => Ok(Value::String(escape(&other.to_string()))),
    }
}

fn md_lines(value: &Value, _: &HashMap<String, Value>) -> tera::Result<Value> {
    match value {
        Value::Array(lines) => Ok(Value::String(
            lines
                .iter()
                .map(|l| escape(l.as_str().unwrap_or_default()))
                .collect::<Vec<_>>()
                .join("<br>"),
        )),
        other => md(other, &HashMap::new()),
    }
}

/// Renders the layout to Markdown.
pub fn render(ctx: &RenderContext) -> Result<Vec<u8>, Error> {
    let name = super::templates::MARKDOWN.name;
    let mut tera = Tera::default();
    tera.autoescape_on(vec![]);
    tera.register_filter("md", md);
    tera.register_filter("md_lines", md_lines);
    tera.add_raw_template("document.md", &ctx.templates.markdown)
        .map_err(|e| super::tera_error(name, e))?;
    let context = Context::from_serialize(ctx.layout).map_err(|e| super::tera_error(name, e))?;
    tera.render("document.md", &context)
        .map(String::into_bytes)
        .map_err(|e| super::tera_error(name, e))
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markdown_and_html_stay_literal() {
        assert_eq!(escape("a|b"), "a\\|b");
        assert_eq!(escape("<script>"), "&lt;script&gt;");
        assert_eq!(
            escape("*強調* _x_ [l](u) # h"),
            "\\*強調\\* \\_x\\_ \\[l\\]\\(u\\) \\# h"
        );
        assert_eq!(escape("一行目\n二行目"), "一行目<br>二行目");
        assert_eq!(escape("全角｜は　そのまま"), "全角｜は　そのまま");
    }
}

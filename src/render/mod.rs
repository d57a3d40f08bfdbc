//! Rendering: the [`Layout`] into HTML, Markdown, Typst source and PDF.
//!
//! Each format is a small function of a [`RenderContext`]; templates are embedded and can be
//! overridden ([`templates`]); the Typst compiler runs in-process behind a [`world`] that serves
//! only hyoka's template, data and fonts.

pub mod html;
pub mod markdown;
pub mod templates;
pub mod typst;
pub mod world;

use std::path::PathBuf;

use crate::Error;
use crate::layout::Layout;

pub use templates::Templates;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, clap::ValueEnum)]
pub enum Format {
    /// Self-contained HTML.
    Html,
    /// GitHub-flavoured Markdown.
    Md,
    /// Typst source with its JSON data file.
    Typ,
    /// PDF (PDF/A-2a and PDF/UA-1).
    Pdf,
}

impl Format {
    /// Every format, in the order they are written.
    pub const ALL: [Format; 4] = [Format::Html, Format::Md, Format::Typ, Format::Pdf];

    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Md => "md",
            Format::Typ => "typ",
            Format::Pdf => "pdf",
        }
    }
}

/// The stack a thread needs to compile a PDF: Typst's layout recurses deeply (a long table
/// nests frames within frames), and the 2 MiB that Rust gives a spawned thread overflowed on
/// `build`'s worker threads. The main thread has 8 MiB; threads that render get this much
/// (address space reserved, not memory used).
pub const RENDER_STACK: usize = 64 << 20;

/// What a renderer needs.
pub struct RenderContext<'a> {
    /// The view model.
    pub layout: &'a Layout,
    /// The output file stem (the assessment folder's name).
    pub stem: &'a str,
    /// The templates in use.
    pub templates: &'a Templates,
}

/// One file to write: its name (inside the output folder) and bytes.
pub type OutputFile = (PathBuf, Vec<u8>);

/// Renders one format; the Typst format gives two files (source and data).
pub fn render(format: Format, ctx: &RenderContext) -> Result<Vec<OutputFile>, Error> {
    let named = |ext: &str| PathBuf::from(format!("{}.{ext}", ctx.stem));
    Ok(match format {
        Format::Html => vec![(named("html"), html::render(ctx)?)],
        Format::Md => vec![(named("md"), markdown::render(ctx)?)],
        Format::Typ => vec![
            (named("typ"), typst::source(ctx).into_bytes()),
            (PathBuf::from(typst::data_name(ctx.stem)), typst::data(ctx)),
        ],
        Format::Pdf => vec![(named("pdf"), typst::pdf(ctx)?)],
    })
}

/// A tera error with its whole chain of causes, naming the template.
pub(crate) fn tera_error(template: &str, error: tera::Error) -> Error {
    let mut message = error.to_string();
    let mut source = std::error::Error::source(&error);
    while let Some(cause) = source {
        message.push_str(&format!(": {cause}"));
        source = cause.source();
    }
    Error::Template {
        path: template.into(),
        message,
    }
}

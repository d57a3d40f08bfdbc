//! Typst source and PDF. The template is static; the layout goes in as a JSON data file that
//! the template's first line names, so values are data to Typst, never markup.

use typst::diag::{SourceDiagnostic, Warned};
use typst::foundations::{Datetime, Smart};
use typst::{World, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use super::RenderContext;
use super::world::{self, HyokaWorld};
use crate::Error;

/// The name of the data file beside the `.typ` (ASCII letters, digits, `-`, `_`, `.` only, so
/// it is safe inside a Typst string literal and, holding no separator, names one file).
pub fn data_name(stem: &str) -> String {
    let safe: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{}.json", if safe.is_empty() { "data" } else { &safe })
}

/// The Typst source: one line naming the data file, then the template.
pub fn source(ctx: &RenderContext) -> String {
    format!(
        "#let data = json(\"{}\")\n{}",
        data_name(ctx.stem),
        ctx.templates.typst
    )
}

/// The layout as the JSON data file the source reads, every character the bundled fonts
/// cannot print replaced by 〓 (PDF/A refuses text without glyphs; validation warns, W0214).
pub fn data(ctx: &RenderContext) -> Vec<u8> {
    // Serialising plain view structs cannot fail; an empty object would fail loudly in Typst.
    let value = serde_json::to_value(ctx.layout).unwrap_or_default();
    serde_json::to_vec_pretty(&printable_only(value)).unwrap_or_else(|_| b"{}".to_vec())
}

fn printable_only(value: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Value::String(s) if !s.chars().all(world::printable) => Value::String(
            s.chars()
                .map(|c| match c {
                    '\t' => ' ',
                    c if world::printable(c) => c,
                    _ => world::UNPRINTABLE_MARK,
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(printable_only).collect()),
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (k, printable_only(v)))
                .collect(),
        ),
        other => other,
    }
}

fn today(ctx: &RenderContext) -> Option<Datetime> {
    let parts: Vec<i32> = ctx
        .layout
        .meta
        .date
        .split('-')
        .filter_map(|p| p.parse().ok())
        .collect();
    match parts.as_slice() {
        [y, m, d] => Datetime::from_ymd(*y, u8::try_from(*m).ok()?, u8::try_from(*d).ok()?),
        _ => None,
    }
}

fn describe(world: &HyokaWorld, diagnostics: &[SourceDiagnostic]) -> String {
    let text = world
        .source(world.main())
        .map(|s| s.text().to_string())
        .unwrap_or_default();
    diagnostics
        .iter()
        .map(|d| {
            let line = world
                .range(d.span)
                .map(|r| text[..r.start.min(text.len())].lines().count());
            let at = line.map(|l| format!("line {l}: ")).unwrap_or_default();
            let hints: String = d
                .hints
                .iter()
                .map(|h| format!(" (hint: {})", h.v))
                .collect();
            format!("{at}{}{hints}", d.message)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Compiles the document and exports a PDF conforming to PDF/A-2a and PDF/UA-1 at once.
pub fn pdf(ctx: &RenderContext) -> Result<Vec<u8>, Error> {
    let name = super::templates::TYPST.name;
    let fail = |message: String| Error::Template {
        path: name.into(),
        message,
    };
    let world = HyokaWorld::new(source(ctx), &data_name(ctx.stem), data(ctx), today(ctx));
    let Warned {
        output,
        warnings: _,
    } = typst::compile::<PagedDocument>(&world);
    let document = output.map_err(|errors| fail(describe(&world, &errors)))?;
    let standards = PdfStandards::new(&[PdfStandard::A_2a, PdfStandard::Ua_1])
        .map_err(|e| fail(e.message().to_string()))?;
    let options = PdfOptions {
        // Stable across runs and machines: the id comes from the document, the time from 公表日.
        ident: Smart::Custom(ctx.layout.meta.ident.clone()),
        creator: Smart::Custom(Some(format!("hyoka {}", env!("CARGO_PKG_VERSION")))),
        timestamp: today(ctx).map(Timestamp::new_utc),
        standards,
        ..PdfOptions::default()
    };
    let pdf = typst_pdf::pdf(&document, &options).map_err(|errors| fail(describe(&world, &errors)));
    // Typst memoises across compilations: that is what makes a re-render in `watch` or the next
    // document of a `build` cheap. Drop what the last few compilations did not use, so a long
    // build or a day of `watch` keeps its memory bounded (the Typst CLI's watch does the same).
    typst::comemo::evict(MEMO_AGE);
    pdf
}

/// How many compilations a memoised result survives unused.
const MEMO_AGE: usize = 10;

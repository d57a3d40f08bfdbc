//! Arbitrary texts in a valid assessment: every format renders without a panic or an error,
//! and the HTML never contains a tag the texts tried to open.
#![no_main]

mod common;

use hyoka::render::{Format, RenderContext, Templates, render};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|texts: Vec<String>| {
    let Some(document) = common::planted(&texts) else { return };
    let layout = hyoka::layout::layout(&document, &[]);
    let templates = Templates::default();
    let ctx = RenderContext { layout: &layout, stem: "fuzz", templates: &templates };
    for format in Format::ALL {
        let files = render(format, &ctx).unwrap_or_else(|e| panic!("{format:?}: {e}"));
        if format == Format::Html {
            let html = String::from_utf8(files[0].1.clone()).unwrap();
            assert!(!html.contains("<script"), "a value opened a script tag");
        }
    }
});

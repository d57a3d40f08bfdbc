//! Arbitrary bytes as an assessment: loading and validation must never panic, and every
//! diagnostic must render (human and JSON) without panicking either.
#![no_main]

use std::path::PathBuf;

use hyoka::diag::{FileReport, Lang, human, json};
use hyoka::load::{self, Limits};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (mut report, document) = load::document_from_bytes(PathBuf::from("fuzz.yaml"), data, &Limits::default());
    if let Some(document) = &document {
        hyoka::validate::check_document(document, &mut report.diagnostics);
        hyoka::validate::document_rules(document, None, &mut report.diagnostics);
        let _ = hyoka::layout::layout(document, &[]);
    }
    let (changes_report, _, _) = load::changes::from_bytes(PathBuf::from("changes.yaml"), data, &Limits::default());
    for r in [&report, &changes_report] {
        let r: &FileReport = r;
        let _ = human::render(r, Lang::Ja);
        let _ = json::render(r, Lang::En);
    }
});

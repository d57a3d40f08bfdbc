//! Two arbitrary valid versions: the diff never panics, a version against itself has no rows,
//! the rows are symmetric in number, and every export format is produced.
#![no_main]

mod common;

use hyoka::diff::{diff, export};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (Vec<String>, Vec<String>)| {
    let (Some(a), Some(b)) = (common::planted(&input.0), common::planted(&input.1)) else { return };
    assert!(diff(&a, &a).is_empty());
    let forward = diff(&a, &b);
    assert_eq!(forward.len(), diff(&b, &a).len());
    let rows: Vec<export::Row> = forward.iter().map(|c| export::Row::new(c, "令和7年1月1日", None, "")).collect();
    let _ = export::json(&rows);
    let _ = export::csv(&rows);
    let _ = export::markdown(&rows, "（別添２）変更箇所");
    let _ = export::html(&[(String::new(), "（別添２）変更箇所".to_string(), rows.as_slice())]);
    let _ = hyoka::diff::terminal::table(&rows, 1, &hyoka::diff::terminal::Terminal { color: true, ambiguous_wide: false });
    export::xlsx(&rows, "（別添２）変更箇所", None).expect("xlsx");
    hyoka::diff::record::appended(None, "（別添２）変更箇所", &rows).expect("recorded table parses back");
});

//! Criterion benchmarks of each pipeline stage, on the bundled example and on synthetic
//! assessments of growing size (`benches/support/synth.rs`), to show what each stage costs and how
//! the cost grows. Run: `cargo bench --bench stages` (add `-- example` or `-- size` to pick a
//! group). Side-by-side comparisons with other tools are in `bench/compare.sh`.

// criterion_main! writes an undocumented `main`.
#![allow(missing_docs)]

#[path = "support/synth.rs"]
#[allow(dead_code)] // `write` serves examples/synth.rs
mod synth;

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use hyoka::load::{self, Assessment, Document, Limits, changes, yaml};
use hyoka::render::{self, Format, RenderContext, Templates};
use hyoka::{diff, layout, validate};

/// The texts of an assessment, read once so that no stage measures the disk.
struct Texts {
    document: String,
    changes: String,
}

fn load_texts(document: String, changes: String) -> Texts {
    Texts { document, changes }
}

/// load: bytes → spanned YAML tree → typed document, for both files.
fn load(texts: &Texts) -> Assessment {
    let limits = Limits::default();
    let (document_report, document) = load::document_from_bytes(
        PathBuf::from("assessment.yaml"),
        texts.document.as_bytes(),
        &limits,
    );
    let (report, record, rows) = changes::from_bytes(
        PathBuf::from("changes.yaml"),
        texts.changes.as_bytes(),
        &limits,
    );
    Assessment {
        folder: None,
        document,
        changes: rows,
        changes_record: Some(record),
        document_report,
        changes_report: Some(report),
        basic: None,
    }
}

fn loaded_and_valid(texts: &Texts) -> Assessment {
    let mut assessment = load(texts);
    validate::validate(&mut assessment);
    assert!(!assessment.has_errors(), "benchmark input must be valid");
    assessment
}

fn document(assessment: &Assessment) -> &Document {
    assessment.document.as_ref().expect("the document loads")
}

fn example_texts() -> Texts {
    let dir = synth::example_dir();
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).expect("example readable");
    load_texts(read("assessment.yaml"), read("changes.yaml"))
}

fn render_bytes(layout: &layout::Layout, templates: &Templates, format: Format) -> usize {
    let ctx = RenderContext {
        layout,
        stem: "bench",
        templates,
    };
    render::render(format, &ctx)
        .expect("renders")
        .iter()
        .map(|(_, bytes)| bytes.len())
        .sum()
}

/// Every stage on the example, one at a time, each from the previous stage's output.
fn example(c: &mut Criterion) {
    let texts = example_texts();
    let templates = Templates::default();
    let assessment = loaded_and_valid(&texts);
    let doc = document(&assessment);
    let laid_out = layout::layout(doc, &assessment.changes);
    let old_text = std::fs::read_to_string(synth::example_dir().join("versions/2024-05-27.yaml"))
        .expect("the example's snapshot is readable");
    let (_, old) = load::document_from_bytes(
        PathBuf::from("old.yaml"),
        old_text.as_bytes(),
        &Limits::default(),
    );
    let old = old.expect("the snapshot loads");

    let mut group = c.benchmark_group("example");
    group.bench_function("parse_untyped_yaml", |b| {
        b.iter(|| {
            let limits = Limits::default();
            (
                yaml::parse(black_box(&texts.document), &limits),
                yaml::parse(&texts.changes, &limits),
            )
        })
    });
    group.bench_function("load", |b| b.iter(|| load(black_box(&texts))));
    group.bench_function("load_validate", |b| {
        b.iter(|| {
            let mut a = load(black_box(&texts));
            validate::validate(&mut a);
            a
        })
    });
    group.bench_function("layout", |b| {
        b.iter(|| layout::layout(black_box(doc), &assessment.changes))
    });
    group.bench_function("html", |b| {
        b.iter(|| render_bytes(&laid_out, &templates, Format::Html))
    });
    group.bench_function("markdown", |b| {
        b.iter(|| render_bytes(&laid_out, &templates, Format::Md))
    });
    group.bench_function("diff", |b| b.iter(|| diff::diff(black_box(&old), doc)));
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    // Warm: Typst's memo of the previous compilation is kept, as in `watch` or `build`.
    group.bench_function("pdf", |b| {
        b.iter(|| render_bytes(&laid_out, &templates, Format::Pdf))
    });
    // Cold: the memo is emptied first, as for the first document of a process.
    group.bench_function("pdf_cold", |b| {
        b.iter(|| {
            typst::comemo::evict(0);
            render_bytes(&laid_out, &templates, Format::Pdf)
        })
    });
    group.finish();
}

/// The stages on synthetic assessments of 1, 5, 10 and 20 blocks per group (throughput is the
/// input's size in bytes, so a flat "per byte" line means cost linear in the document's size).
fn size(c: &mut Criterion) {
    let templates = Templates::default();
    let mut group = c.benchmark_group("size");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    for blocks in [1, 5, 10, 20] {
        let (document_text, changes_text) = synth::assessment(blocks, 0);
        let texts = load_texts(document_text, changes_text);
        let bytes = (texts.document.len() + texts.changes.len()) as u64;
        let assessment = loaded_and_valid(&texts);
        let laid_out = layout::layout(document(&assessment), &assessment.changes);
        group.throughput(Throughput::Bytes(bytes));
        group.bench_with_input(BenchmarkId::new("load_validate", blocks), &texts, |b, t| {
            b.iter(|| {
                let mut a = load(t);
                validate::validate(&mut a);
                a
            })
        });
        group.bench_with_input(BenchmarkId::new("layout", blocks), &assessment, |b, a| {
            b.iter(|| layout::layout(document(a), &a.changes))
        });
        group.bench_with_input(BenchmarkId::new("html", blocks), &laid_out, |b, l| {
            b.iter(|| render_bytes(l, &templates, Format::Html))
        });
        group.bench_with_input(BenchmarkId::new("pdf", blocks), &laid_out, |b, l| {
            b.iter(|| render_bytes(l, &templates, Format::Pdf))
        });
    }
    group.finish();
}

criterion_group!(benches, example, size);
criterion_main!(benches);
